"""Read a multi-line answer: with a live countdown in a terminal, or plain lines from a pipe."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO


@dataclass(frozen=True)
class TypedAnswer:
    """What the candidate typed, how long it took, and whether the time limit cut it off."""

    text: str
    seconds: float
    timed_out: bool


def read_answer_from_stream(stream: IO[str], time_limit_s: int | None = None) -> TypedAnswer | None:
    """Lines up to an empty line (leading empty lines skipped); None at end of input with nothing typed."""
    started = time.monotonic()
    lines: list[str] = []
    for raw in stream:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if lines:
                break
            continue
        lines.append(line)
    if not lines:
        return None
    seconds = time.monotonic() - started
    return TypedAnswer("\n".join(lines), seconds, bool(time_limit_s and seconds > time_limit_s))


def read_answer_in_terminal(
    time_limit_s: int | None, toolbar_text: Callable[[int | None], str]
) -> TypedAnswer | None:
    """A prompt_toolkit editor: Enter on an empty line or Esc-Enter submits, a countdown in the toolbar.

    When the time is up, what has been typed so far is submitted. Ctrl-D on an empty answer returns None;
    Ctrl-C raises KeyboardInterrupt.
    """
    import asyncio

    from prompt_toolkit import PromptSession
    from prompt_toolkit.application.current import get_app
    from prompt_toolkit.key_binding import KeyBindings

    started = time.monotonic()
    state = {"timed_out": False}
    bindings = KeyBindings()

    @bindings.add("enter")
    def _enter(event):  # type: ignore[no-untyped-def]
        buffer = event.current_buffer
        if buffer.text.strip() and buffer.document.current_line.strip() == "":
            event.app.exit(result=buffer.text)
        else:
            buffer.insert_text("\n")

    @bindings.add("c-d")
    def _done(event):  # type: ignore[no-untyped-def]
        text = event.current_buffer.text
        if text.strip():
            event.app.exit(result=text)
        else:
            event.app.exit(exception=EOFError())

    def remaining() -> int | None:
        if not time_limit_s:
            return None
        return max(0, int(time_limit_s - (time.monotonic() - started)))

    def start_timer() -> None:
        if not time_limit_s:
            return

        async def countdown() -> None:
            await asyncio.sleep(time_limit_s)
            app = get_app()
            if app.is_running:
                state["timed_out"] = True
                app.exit(result=app.current_buffer.text)

        get_app().create_background_task(countdown())

    session: PromptSession[str] = PromptSession(
        multiline=True,
        key_bindings=bindings,
        bottom_toolbar=lambda: toolbar_text(remaining()),
        refresh_interval=0.5,
        prompt_continuation="  ",
    )
    try:
        def message() -> str:
            left = remaining()
            return "> " if left is None else f"[{left // 60}:{left % 60:02d}] > "

        text = session.prompt(message, pre_run=start_timer)
    except EOFError:
        return None
    seconds = time.monotonic() - started
    return TypedAnswer(text.strip(), seconds, state["timed_out"])


def is_terminal() -> bool:
    """True when both standard input and output are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()

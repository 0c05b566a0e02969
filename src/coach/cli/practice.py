"""`coach practice`: a mock interview in the terminal, saved to the local history."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from coach.cli.answer_input import TypedAnswer, is_terminal, read_answer_from_stream, read_answer_in_terminal
from coach.cli.views import render_feedback, render_summary
from coach.i18n import translate as tr
from coach.i18n import user_language

ROLE_DEFAULT = {"it": "backend", "sales": "ae"}
AGAIN = frozenset({"/again", "/opnieuw"})  # typed as an answer: another attempt at the last question answered


def practice(
    sector: Annotated[str, typer.Option("--sector", "-s", help="it or sales.")] = "it",
    role: Annotated[
        str | None,
        typer.Option(
            "--role", "-r", help="it: backend, frontend, data, devops, qa, lead; sales: sdr, ae, am, se."
        ),
    ] = None,
    level: Annotated[str, typer.Option("--level", help="junior, medior or senior.")] = "medior",
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="nl or en (default: from your system's language).")
    ] = None,
    questions: Annotated[
        int | None, typer.Option("--questions", "-n", help="Number of questions (3-20).")
    ] = None,
    minutes: Annotated[
        int | None, typer.Option("--minutes", "-m", help="Length in minutes, instead of --questions.")
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Same seed, same interview.")] = None,
    time_limit: Annotated[
        int | None, typer.Option("--time-limit", "-t", help="Seconds per answer, with a countdown.")
    ] = None,
    resume: Annotated[
        int | None, typer.Option("--resume", help="Continue an unfinished interview by its id.")
    ] = None,
    speak: Annotated[
        bool,
        typer.Option(
            "--speak", help="Answer aloud: record each answer from your microphone (stays on this computer)."
        ),
    ] = False,
) -> None:
    """Practise a realistic mock interview: questions, feedback on each answer, follow-ups and a summary.

    End an answer with an empty line. Ctrl-D or Ctrl-C stops the interview and keeps what you answered.
    Type /again (or /opnieuw) as an answer to answer the last question once more; both attempts are kept.

    Example: coach practice --sector sales --role ae --level medior --lang nl --questions 5
    """
    from coach.practice.plan import PlanError, make_plan
    from coach.practice.session import InterviewSession
    from coach.store.repository import Store

    ui = user_language(lang)
    console = Console(highlight=False)
    if speak:
        from coach.speech.record import recording_problem

        problem = recording_problem(ui)
        if problem is not None:
            Console(stderr=True, highlight=False).print(Text("✘ ", style="bold red") + Text(problem.message))
            raise typer.Exit(2)
    store = Store()
    user_id = store.user_id()
    if resume is not None:
        session = InterviewSession.resume(store, user_id, resume)
        if session is None or session.finished:
            console.print(tr(ui, "There is no unfinished interview with id {id}.", id=resume), style="red")
            raise typer.Exit(2)
        time_limit = time_limit or None
    else:
        try:
            plan = make_plan(
                sector,
                role or ROLE_DEFAULT.get(sector, ""),
                level,
                ui,
                count=questions,
                minutes=minutes,
                seed=seed,
            )
        except PlanError as exc:
            console.print(tr(ui, "Can't plan that interview: {reason}", reason=str(exc)), style="red")
            raise typer.Exit(2) from exc
        session = InterviewSession.start(store, user_id, plan, time_limit)
    run_interview(session, console, time_limit, speak=speak)


def run_interview(session, console: Console, time_limit: int | None, speak: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Ask each question, show the feedback and follow-ups, and end with the summary."""
    plan = session.plan
    lang = plan.lang
    total = len(plan.question_ids)
    console.print(
        Text(
            tr(
                lang,
                "Mock interview: {sector} · {role} · {level} · {count} questions (seed {seed}, id {id})",
                sector=plan.sector,
                role=plan.role,
                level=plan.level,
                count=total,
                seed=plan.seed,
                id=session.interview_id,
            ),
            style="bold",
        )
    )
    console.print(
        tr(lang, "End each answer with an empty line. Ctrl-D or Ctrl-C stops and keeps what you answered."),
        style="dim",
    )
    terminal = is_terminal()
    status = "abandoned"
    last_answered: int | None = None  # the position "/again" goes back to
    try:
        while not session.finished:
            console.print()
            if session.pending_follow_up:
                console.print(
                    Text(tr(lang, "Follow-up: {question}", question=session.pending_follow_up), style="bold")
                )
            else:
                console.print(
                    Text(
                        tr(
                            lang,
                            "Question {n}/{total}: {question}",
                            n=session.position + 1,
                            total=total,
                            question=session.question_text(),
                        ),
                        style="bold",
                    )
                )
            if time_limit:
                console.print(
                    tr(
                        lang,
                        "You have {minutes}:{seconds:02d} for this answer.",
                        minutes=time_limit // 60,
                        seconds=time_limit % 60,
                    ),
                    style="dim",
                )
            if speak:
                from coach.cli.check import render_delivery
                from coach.errors import CoachError
                from coach.wire import spoken_extras

                try:
                    spoken = _speak(session, lang, console)
                except CoachError as exc:  # silence, too long...: say so and ask again
                    console.print(Text(exc.error.message, style="red"))
                    continue
                turn = session.submit(
                    spoken.transcript.text,
                    duration_s=spoken.transcript.duration_s,
                    extras=spoken_extras(spoken),
                )
                console.print()
                render_feedback(turn.feedback, turn.checked_text, console, show_question=False)
                render_delivery(spoken, console)
                continue
            typed = _read(terminal, time_limit, lang)
            if typed is None:
                break
            if typed.text.strip().lower() in AGAIN:
                if last_answered is None:
                    console.print(tr(lang, "There is no answer to try again yet."), style="yellow")
                elif not _try_again(session, last_answered, terminal, time_limit, console):
                    break
                continue
            if typed.timed_out:
                console.print(tr(lang, "Time's up: your answer so far has been submitted."), style="yellow")
            kind, position = session.expected_kind, session.position
            turn = session.submit(typed.text, duration_s=typed.seconds, timed_out=typed.timed_out)
            console.print()
            render_feedback(turn.feedback, turn.checked_text, console, show_question=False)
            if kind == "answer":
                last_answered = position
                console.print(
                    tr(lang, "Another go at this question? Type /again as your next answer."), style="dim"
                )
        else:
            status = "finished"
    except KeyboardInterrupt:
        console.print()
    summary = session.finish(status)
    console.print()
    if status != "finished":
        console.print(tr(lang, "Interview stopped; what you answered has been saved."), style="yellow")
    render_summary(summary, lang, console)


def _try_again(session, position: int, terminal: bool, time_limit: int | None, console: Console) -> bool:  # type: ignore[no-untyped-def]
    """Ask the question at `position` once more and show the new attempt's feedback next to the previous
    score; both attempts are kept. False when the input ended instead."""
    lang = session.plan.lang
    previous = session.store.latest_answer(session.interview_id, position)
    question = session.question_at(position).text.get(lang)
    console.print()
    console.print(Text(tr(lang, "Once more: {question}", question=question), style="bold"))
    typed = _read(terminal, time_limit, lang)
    if typed is None:
        return False
    turn = session.retry(position, typed.text, duration_s=typed.seconds)
    console.print()
    render_feedback(turn.feedback, turn.checked_text, console, show_question=False)
    if previous is not None:
        delta = round(turn.feedback.score) - round(previous.score)
        console.print(
            tr(
                lang,
                "{delta} compared with your previous attempt ({score}/100).",
                delta=f"{delta:+d}",
                score=previous.score,
            ),
            style="green" if delta > 0 else "yellow" if delta < 0 else "",
        )
    return True


def _speak(session, lang: str, console: Console):  # type: ignore[no-untyped-def]
    """Record one answer until Enter while it is transcribed (coach.speech.stream), then check it."""
    import contextlib
    import queue
    import tempfile
    import threading
    from pathlib import Path

    import numpy as np

    from coach.speech import check_audio
    from coach.speech.audio import MAX_SECONDS
    from coach.speech.delivery import label
    from coach.speech.record import record
    from coach.speech.stream import StreamTranscriber

    blocks: queue.Queue[bytes | None] = queue.Queue()
    transcriber = StreamTranscriber(
        "nl" if lang == "nl" else "en",
        on_words=lambda words: console.print(" ".join(w.word.strip() for w in words), style="dim"),
    )

    def transcribe_while_recording() -> None:
        while True:
            pieces = [blocks.get()]
            while not blocks.empty():
                pieces.append(blocks.get())
            audio = b"".join(p for p in pieces if p)
            if audio:
                transcriber.feed(np.frombuffer(audio, dtype=np.int16).astype(np.float32) / 32768.0)
            if None in pieces:
                return

    with tempfile.TemporaryDirectory(prefix="coach-answer-") as folder:
        path = Path(folder) / "answer.wav"
        stop = threading.Event()
        console.print(label("recording", lang, minutes=MAX_SECONDS // 60), style="dim")
        worker = threading.Thread(target=transcribe_while_recording, daemon=True)
        worker.start()
        recorder = threading.Thread(target=record, args=(path, stop, MAX_SECONDS, blocks.put), daemon=True)
        recorder.start()
        with contextlib.suppress(EOFError):
            input()
        stop.set()
        recorder.join()
        blocks.put(None)
        worker.join()
        transcript = transcriber.finish()
        return check_audio(
            path,
            question=session.question.id,
            lang=lang,
            ui_lang=lang,
            transcript=transcript
            if transcript.words
            else None,  # nothing heard: the file's own checks say why
        )


def _read(terminal: bool, time_limit: int | None, lang: str) -> TypedAnswer | None:
    if not terminal:
        return read_answer_from_stream(sys.stdin, time_limit)

    def toolbar(remaining: int | None) -> str:
        hint = tr(lang, "Enter on an empty line: submit · Ctrl-C: stop")
        if remaining is None:
            return hint
        return (
            tr(lang, "Time left: {minutes}:{seconds:02d}", minutes=remaining // 60, seconds=remaining % 60)
            + " · "
            + hint
        )

    return read_answer_in_terminal(time_limit, toolbar)

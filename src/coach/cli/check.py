"""`coach check`: feedback on one answer, or on many as JSON Lines."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from coach.cli.views import render_feedback
from coach.errors import CoachError, input_error
from coach.i18n import translate as tr
from coach.i18n import user_language
from coach.wire import error_to_json, feedback_to_json


def check(
    source: Annotated[
        str | None, typer.Argument(metavar="[FILE|-]", help="Answer file; - or nothing reads standard input.")
    ] = None,
    question: Annotated[
        str | None, typer.Option("--question", "-q", help="A bank question id, or the question as free text.")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="nl or en; detected when left out.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result as JSON (docs/wire-schema.md).")
    ] = False,
    batch: Annotated[
        bool,
        typer.Option("--batch", help="Read JSON Lines on standard input, write one JSON result per line."),
    ] = False,
) -> None:
    """Check an interview answer and explain what is strong and what is missing.

    Example: coach check --question sales.targets_last_year answer.txt
    """
    ui = user_language(lang)
    if lang is not None and lang not in ("nl", "en"):
        _fail(input_error("E006", ui, value=lang).message)
    if batch:
        raise typer.Exit(run_batch(sys.stdin.buffer, sys.stdout))
    from coach.cli.input import read_answer

    try:
        answer = read_answer(source, ui)
    except CoachError as exc:
        _fail(exc.error.message)
    from coach.analysis.engine import check as check_answer

    feedback = check_answer(answer, question=question, lang=lang)
    if feedback.error is not None:
        if as_json:
            print(json.dumps(feedback_to_json(feedback), ensure_ascii=False))
        _fail(feedback.error.message)
    if as_json:
        print(json.dumps(feedback_to_json(feedback), ensure_ascii=False))
        return
    console = Console()
    render_feedback(feedback, answer, console)
    if feedback.follow_up:
        console.print()
        console.print(
            tr(feedback.language, "Follow-up question: {question}", question=feedback.follow_up),
            style="italic",
            highlight=False,
        )


def _fail(message: str) -> None:
    Console(stderr=True).print(f"[bold red]✘[/] {message}", highlight=False)
    raise typer.Exit(2)


def run_batch(stream: Any, out: Any) -> int:
    """Check one answer per JSON line; a bad line gets an error object and the rest go on."""
    from coach.analysis.engine import check as check_answer
    from coach.cli.input import decode_answer

    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        item_id: Any = None
        try:
            text = decode_answer(raw, "en")
            item = json.loads(text)
            if not isinstance(item, dict):
                raise ValueError("not an object")
            item_id = item.get("id")
            answer = item.get("answer")
            if not isinstance(answer, str):
                raise ValueError("'answer' must be a string")
            question = item.get("question") or None
            lang = item.get("lang") or None
            if question is not None and not isinstance(question, str):
                raise ValueError("'question' must be a string")
            if lang is not None and not isinstance(lang, str):
                raise ValueError("'lang' must be a string")
        except (ValueError, CoachError) as exc:
            detail = exc.error.message if isinstance(exc, CoachError) else str(exc)
            error = input_error("E005", "en", line=number, detail=detail)
            out.write(json.dumps(error_to_json(error, item_id, with_schema=True), ensure_ascii=False) + "\n")
            continue
        feedback = check_answer(answer, question=question, lang=lang)
        out.write(json.dumps(feedback_to_json(feedback, item_id), ensure_ascii=False) + "\n")
        out.flush()
    return 0

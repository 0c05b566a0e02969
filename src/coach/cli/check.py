"""`coach check`: feedback on one answer, or on many as JSON Lines."""

from __future__ import annotations

import json
import math
import sys
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from coach.analysis.types import InputError
from coach.cli.views import render_feedback
from coach.errors import CoachError, input_error, invalid_character, line_problem
from coach.i18n import translate as tr
from coach.i18n import user_language
from coach.wire import clean_text, dumps, error_to_json, feedback_to_json


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
    audio: Annotated[
        str | None,
        typer.Option(
            "--audio",
            "-a",
            metavar="FILE",
            help="Check a spoken answer: an audio file (webm, ogg/opus, wav, mp3, m4a; at most 10 minutes), "
            "transcribed on this computer.",
        ),
    ] = None,
) -> None:
    """Check an interview answer and explain what is strong and what is missing.

    Example: coach check --question sales.targets_last_year answer.txt
    Spoken: coach check --audio answer.webm --question sales.targets_last_year --lang nl
    """
    ui = user_language(lang)
    if lang is not None and lang not in ("nl", "en"):
        _refuse(input_error("E006", ui, value=lang), as_json)
    bad_question = invalid_character(question, "question", ui)
    if bad_question is not None:
        _refuse(bad_question, as_json)
    question = clean_text(question) if question is not None else None
    if audio is not None:
        check_spoken(audio, question, lang, as_json, ui)
        return
    if batch:
        raise typer.Exit(run_batch(sys.stdin.buffer, sys.stdout, lang))
    from coach.cli.input import read_answer

    try:
        answer = clean_text(read_answer(source, ui))
    except CoachError as exc:
        _refuse(exc.error, as_json)
    from coach.analysis.engine import check as check_answer

    feedback = check_answer(answer, question=question, lang=lang)
    if as_json:
        print(dumps(feedback_to_json(feedback)))
    if feedback.error is not None:
        _fail(feedback.error.message)
    if as_json:
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


def check_spoken(path: str, question: str | None, lang: str | None, as_json: bool, ui: str) -> None:
    """Transcribe and check a spoken answer; print it like a typed one, plus the delivery."""
    from coach.speech import check_audio

    with SpeechProgress(Console(stderr=True), ui) as bars:
        try:
            spoken = check_audio(
                path,
                question=question,
                lang=lang,
                progress=bars.on_transcribe,
                ui_lang=ui,
                download_progress=bars.on_download,
            )
        except CoachError as exc:
            bars.stop()
            _refuse(exc.error, as_json)
    from coach.wire import spoken_to_json

    if as_json:
        print(dumps(spoken_to_json(spoken)))
    if spoken.feedback.error is not None:
        _fail(spoken.feedback.error.message)
    if as_json:
        return
    console = Console()
    feedback = spoken.feedback
    render_feedback(feedback, spoken.transcript.text, console)
    render_delivery(spoken, console)
    if feedback.follow_up:
        console.print()
        console.print(
            tr(feedback.language, "Follow-up question: {question}", question=feedback.follow_up),
            style="italic",
            highlight=False,
        )


LONG_AUDIO_S = 20.0  # show a progress bar while transcribing audio at least this long


class SpeechProgress:
    """Rich progress bars on standard error for the model download and for transcribing long audio."""

    def __init__(self, console: Console, ui: str, model: str | None = None) -> None:
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

        self.ui = ui
        self.model = model
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> SpeechProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Take the bars off the screen."""
        self.progress.stop()

    def _update(self, key: str, description: str, done: float, total: float) -> None:
        if key not in self.tasks:
            self.tasks[key] = self.progress.add_task(description, total=total)
        self.progress.update(self.tasks[key], completed=done, total=total)

    def on_download(self, done: int, total: int) -> None:
        """Progress of fetching the speech model (bytes)."""
        from coach.speech.delivery import label
        from coach.speech.models import default_model

        self._update(
            "download", label("downloading", self.ui, model=self.model or default_model()), done, total
        )

    def on_transcribe(self, done: float, total: float) -> None:
        """Progress of the transcription (seconds of audio)."""
        from coach.speech.delivery import label

        if total >= LONG_AUDIO_S:
            self._update("transcribe", label("transcribing", self.ui), done, total)


def render_delivery(spoken: Any, console: Console) -> None:
    """Print the delivery of a spoken answer: duration, tempo, fillers, pauses, hedges and the findings."""
    from rich.text import Text

    from coach.cli.views import render_findings
    from coach.speech.delivery import label

    d = spoken.delivery
    lang = spoken.feedback.language

    def num(value: float) -> str:
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if lang == "nl" else text

    console.print()
    console.rule(label("delivery", lang))
    console.print(
        label("duration", lang, seconds=num(d.duration_s), speaking=num(d.speaking_s)), highlight=False
    )
    rate = label("rate", lang, wpm=round(d.wpm), sps=num(d.syllables_per_s))
    if d.band is not None:
        rate += f" ({label('band_' + d.band, lang)})"
    console.print(rate, highlight=False)
    console.print(
        label(
            "fillers",
            lang,
            count=len(d.fillers),
            per_min=num(d.fillers_per_min),
            per_100=num(d.fillers_per_100_words),
        ),
        highlight=False,
    )
    console.print(label("pauses", lang, count=len(d.pauses)), highlight=False)
    words = spoken.transcript.words
    for start, end in d.pauses:
        before = next((w.word for w in reversed(words) if w.end_s <= start), "")
        console.print(
            Text(f"  {int(start) // 60}:{int(start) % 60:02d}  {num(end - start)} s  … {before}", style="dim")
        )
    console.print(label("hedges", lang, count=len(d.hedges)), highlight=False)
    console.print()
    render_findings(d.findings, lang, console)


def _refuse(error: InputError, as_json: bool) -> NoReturn:
    """Stop on input that can't be checked: with --json the error object on standard output, then exit 2."""
    if as_json:
        print(dumps(error_to_json(error, with_schema=True)))
    _fail(error.message)


def _fail(message: str) -> NoReturn:
    from rich.markup import escape

    Console(stderr=True).print(f"[bold red]✘[/] {escape(message)}", highlight=False)
    raise typer.Exit(2)


class _BadLine(Exception):
    """A batch line that can't be read as a request; `problem` is a key of coach.errors.LINE_PROBLEMS."""

    def __init__(self, problem: str, **values: object) -> None:
        super().__init__(problem)
        self.problem = problem
        self.values = values

    def detail(self, lang: str) -> str:
        """What is wrong, in `lang`, for E005's {detail}."""
        if self.problem == "bytes":  # already a coded message in the user's language (E002, E003)
            return str(self.values["message"])
        return line_problem(self.problem, lang, **self.values)


def _no_constant(name: str) -> Any:
    raise _BadLine("constant")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 reads as inf
        raise _BadLine("constant")
    return value


def _read_line(raw: bytes, ui: str) -> tuple[Any, dict[str, Any]]:
    """Parse one batch line as strict JSON; returns its id (or None) and the object."""
    from coach.cli.input import decode_answer

    try:
        text = decode_answer(raw, ui)
    except CoachError as exc:
        raise _BadLine("bytes", message=exc.error.message) from exc
    try:
        item = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise _BadLine("json", position=exc.pos + 1) from exc
    except RecursionError as exc:
        raise _BadLine("depth") from exc
    except ValueError as exc:  # an integer of more than 4300 digits
        raise _BadLine("number") from exc
    if not isinstance(item, dict):
        raise _BadLine("object")
    item_id = item.get("id")
    try:
        dumps({"id": item_id})
    except (ValueError, RecursionError) as exc:  # UnicodeEncodeError is a ValueError
        raise _BadLine("id") from exc
    return item_id, item


def batch_result(raw: bytes, number: int, default_lang: str | None = None) -> dict[str, Any]:
    """The result object (or error object) of one batch line; `default_lang` is the CLI's --lang."""
    from coach.analysis.engine import check as check_answer

    ui = user_language(default_lang)
    item_id: Any = None
    try:
        item_id, item = _read_line(raw, ui)
        answer = item.get("answer")
        if not isinstance(answer, str):
            raise _BadLine("answer")
        question = item.get("question") or None
        lang = item.get("lang") or default_lang
        for field, value in (("question", question), ("lang", lang)):
            if value is not None and not isinstance(value, str):
                raise _BadLine("field", field=field)
    except _BadLine as exc:
        error = input_error("E005", ui, line=number, detail=exc.detail(ui))
        return error_to_json(error, item_id, with_schema=True)
    said = lang if lang in ("nl", "en") else ui
    bad = invalid_character(answer, "answer", said) or invalid_character(question, "question", said)
    if bad is not None:
        return error_to_json(bad, item_id, with_schema=True)
    question = clean_text(question) if question else None
    feedback = check_answer(clean_text(answer), question=question, lang=lang)
    return feedback_to_json(feedback, item_id)


def run_batch(stream: Any, out: Any, default_lang: str | None = None) -> int:
    """Check one answer per JSON line; a bad line gets an error object and the rest go on."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        result = batch_result(raw, number, default_lang)
        try:
            line = dumps(result)
        except (ValueError, RecursionError):  # a last guard: every line stays strict JSON
            detail = line_problem("id", user_language(default_lang))
            error = input_error("E005", user_language(default_lang), line=number, detail=detail)
            line = dumps(error_to_json(error, with_schema=True))
        out.write(line + "\n")
        out.flush()
    return 0

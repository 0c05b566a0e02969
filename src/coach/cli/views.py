"""How feedback and summaries look in the terminal (Rich)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from coach.analysis.scoring import describe_band
from coach.analysis.types import Feedback
from coach.content.kinds import get_kind
from coach.i18n import translate as tr

STATUS_STYLE = {"met": ("✔", "green"), "missed": ("✘", "red"), "warning": ("!", "yellow")}


def highlighted_answer(feedback: Feedback, answer: str) -> Text:
    """The answer with the findings' evidence, the figures and the filler words highlighted."""
    text = Text(answer)
    for finding in feedback.findings:
        style = "green" if finding.status == "met" else "bold red"
        for start, end in finding.spans:
            text.stylize(style, start, end)
    for number in feedback.numbers:
        text.stylize("bold cyan", *number.span)
    for _, span in feedback.fillers:
        text.stylize("magenta underline", *span)
    return text


def render_feedback(feedback: Feedback, answer: str, console: Console, show_question: bool = True) -> None:
    """Print the feedback on one answer for a person to read."""
    lang = feedback.language
    q = feedback.question
    if show_question and q.text:
        # the kind of question says why these criteria apply; the bank id and the match score are internal
        kind = f" ({get_kind(q.kind).label.get(lang)})" if q.kind else ""
        console.print(Text(tr(lang, "Question: {text}", text=q.text) + kind, style="bold"))
    band = describe_band(feedback.band, lang, q.kind, step=feedback.next_step is not None)
    score = tr(lang, "Score: {score}/100", score=feedback.score)
    console.print(Text(f"{score} - {band['label']}", style="bold"))
    console.print(Text(str(band["meaning"]), style="dim"))
    console.print()
    console.print(highlighted_answer(feedback, answer))
    console.print(
        Text(
            tr(
                lang,
                "Legend: green = evidence of what went well, red = what to improve, "
                "cyan = figures, magenta = filler words",
            ),
            style="dim",
        )
    )
    console.print()
    render_findings(feedback.findings, lang, console)
    # one next step: the finding to fix first is listed above; without one, what the band says lifts the
    # answer (for an answer the engine is not sure about, what a strong answer to its kind of question gives)
    if feedback.next_step is None and band["next"]:
        console.print()
        console.print(Text(tr(lang, "Next step: {step}", step=band["next"]), style="bold"))


def render_findings(findings: Iterable[Any], lang: str, console: Console) -> None:
    """Print findings (anything with status, message and tip): a mark, the message, the tip if not met."""
    for finding in findings:
        mark, style = STATUS_STYLE[finding.status]
        line = Text(f"{mark} ", style=style)
        line.append(finding.message)
        console.print(line)
        if finding.status != "met":
            console.print(Text("   " + tr(lang, "Tip: {tip}", tip=finding.tip.strip()), style="dim"))


def render_summary(summary, lang: str, console: Console) -> None:  # type: ignore[no-untyped-def]
    """Print the end-of-interview summary: scores, the most-missed criteria and what to practise next."""
    console.rule(tr(lang, "Summary"))
    table = Table(show_header=True, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column(tr(lang, "Question"))
    table.add_column(tr(lang, "Score"), justify="right")
    for result in summary.results:
        table.add_row(str(result.position + 1), result.question_text, str(result.score))
    console.print(table)
    console.print(Text(tr(lang, "Average score: {score}/100", score=summary.average), style="bold"))
    if summary.most_missed:
        console.print()
        console.print(Text(tr(lang, "Most often missed:"), style="bold"))
        for _, name, count in summary.most_missed:
            console.print(f"  • {name} ({count}×)")
    if summary.practise_next:
        console.print()
        console.print(Text(tr(lang, "What to practise next:"), style="bold"))
        for _, tip, drills in summary.practise_next:
            console.print(Text(f"  • {tip}"))
            if drills:
                console.print(
                    Text("    " + tr(lang, "Practise with: {ids}", ids=", ".join(drills)), style="dim")
                )

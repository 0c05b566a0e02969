"""`coach history`: past interviews, with each answer and its feedback."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from coach.cli.views import STATUS_STYLE
from coach.i18n import translate as tr
from coach.i18n import user_language


def history(
    interview_id: Annotated[int | None, typer.Argument(help="Show this interview in full.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="nl or en for the headings.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List your past interviews, or show one with every answer and its feedback.

    Example: coach history 3
    """
    # The store (SQLAlchemy) is imported when a history is asked for, so `coach check` doesn't pay for it.
    from coach.practice.session import final_scores
    from coach.store.models import local
    from coach.store.repository import Store

    ui = user_language(lang)
    store = Store()
    user_id = store.user_id()
    console = Console(highlight=False)
    if interview_id is None:
        interviews = store.interviews(user_id)
        if as_json:
            print(json.dumps([_interview_json(i, full=False) for i in interviews], ensure_ascii=False))
            return
        if not interviews:
            console.print(tr(ui, "No interviews yet. Start one with: coach practice"))
            return
        table = Table(header_style="bold")
        for heading in (
            "ID",
            tr(ui, "Date"),
            tr(ui, "Interview"),
            tr(ui, "Answers"),
            tr(ui, "Average"),
            tr(ui, "Status"),
        ):
            table.add_column(heading)
        for i in interviews:
            scores = final_scores(i)
            avg = str(round(sum(scores) / len(scores))) if scores else "-"
            table.add_row(
                str(i.id),
                local(i.created_at).strftime("%Y-%m-%d %H:%M"),
                f"{i.sector} · {i.role} · {i.level} · {i.lang}",
                str(len(scores)),
                avg,
                status_label(ui, i.status),
            )
        console.print(table)
        return
    interview = store.interview(user_id, interview_id)
    if interview is None:
        console.print(tr(ui, "There is no interview with id {id}.", id=interview_id), style="red")
        raise typer.Exit(2)
    if as_json:
        print(json.dumps(_interview_json(interview, full=True), ensure_ascii=False))
        return
    console.print(
        Text(
            f"#{interview.id} · {interview.sector} · {interview.role} · {interview.level} · "
            f"{local(interview.created_at):%Y-%m-%d %H:%M} · {status_label(ui, interview.status)}",
            style="bold",
        )
    )
    for answer in interview.answers:
        console.print()
        label = (
            tr(ui, "Follow-up")
            if answer.kind == "follow_up"
            else tr(ui, "Question {n}", n=answer.position + 1)
        )
        if answer.attempt > 1:
            label += " (" + tr(ui, "attempt {n}", n=answer.attempt) + ")"
        console.print(Text(f"{label}: {answer.question_text}", style="bold"))
        console.print(Text(answer.text))
        console.print(Text(tr(ui, "Score: {score}/100", score=answer.score), style="bold"))
        for finding in answer.feedback.get("findings", []):
            mark, style = STATUS_STYLE.get(finding["status"], ("?", ""))
            line = Text(f"{mark} ", style=style)
            line.append(finding["message"])
            console.print(line)


def status_label(lang: str, status: str) -> str:
    """An interview's status in the user's language."""
    labels = {
        "active": tr(lang, "unfinished"),
        "finished": tr(lang, "finished"),
        "abandoned": tr(lang, "stopped early"),
    }
    return labels.get(status, status)


def _interview_json(interview: Any, full: bool) -> dict[str, Any]:
    from coach.practice.session import final_scores
    from coach.store.models import utc

    data: dict[str, Any] = {
        "id": interview.id,
        "sector": interview.sector,
        "role": interview.role,
        "level": interview.level,
        "lang": interview.lang,
        "seed": interview.seed,
        "plan": interview.plan,
        "status": interview.status,
        "created_at": utc(interview.created_at).isoformat(),
        "scores": final_scores(interview),
    }
    if full:
        data["answers"] = [
            {
                "position": a.position,
                "attempt": a.attempt,
                "kind": a.kind,
                "question_id": a.question_id,
                "question_text": a.question_text,
                "text": a.text,
                "score": a.score,
                "feedback": a.feedback,
                "duration_s": a.duration_s,
                "timed_out": a.timed_out,
                "created_at": utc(a.created_at).isoformat(),
            }
            for a in interview.answers
        ]
    return data

"""`coach questions`: browse, filter and search the question bank; `show` one; `--stats` for the bank."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from coach.content.bank import get_question, load_questions, search_questions
from coach.content.schema import SECTOR_OF_ROLE, Question
from coach.i18n import N_, user_language
from coach.i18n import translate as tr

app = typer.Typer(add_completion=False, help="Browse the question bank.")


@app.callback(invoke_without_command=True)
def list_questions(
    ctx: typer.Context,
    sector: Annotated[str | None, typer.Option("--sector", "-s", help="it, sales or general.")] = None,
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="e.g. targets, explain_simply, conflict.")
    ] = None,
    role: Annotated[str | None, typer.Option("--role", "-r", help="e.g. backend, qa, sdr, ae.")] = None,
    level: Annotated[str | None, typer.Option("--level", help="junior, medior or senior.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="nl or en.")] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-q", help="Words to look for in the question and its guidance.")
    ] = None,
    stats: Annotated[
        bool, typer.Option("--stats", help="Counts, language parity and self-consistency of the bank.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List and filter the questions, or search them.

    Example: coach questions --sector sales --category objections --lang nl
    """
    if ctx.invoked_subcommand is not None:
        return
    ui = user_language(lang)
    if stats:
        from coach.content.stats import bank_stats, render_stats

        result = bank_stats()
        if as_json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            render_stats(result, ui, Console(highlight=False))
        raise typer.Exit(0 if result["ok"] else 1)
    questions = filter_questions(sector, category, role, level)
    if search:
        questions = [q for q in search_questions(search, ui) if q in questions]
    if as_json:
        print(json.dumps([question_json(q) for q in questions], ensure_ascii=False))
        return
    console = Console(highlight=False)
    table = Table(header_style="bold")
    for heading in ("ID", tr(ui, "Category"), tr(ui, "Levels"), tr(ui, "Question")):
        table.add_column(heading)
    for q in questions:
        table.add_row(q.id, q.category, ", ".join(q.levels), q.text.get(ui))
    console.print(table)
    console.print(tr(ui, "{count} questions", count=len(questions)), style="dim")


def filter_questions(
    sector: str | None = None, category: str | None = None, role: str | None = None, level: str | None = None
) -> list[Question]:
    """Questions matching every filter given, in id order."""
    return [
        q
        for q in sorted(load_questions().values(), key=lambda q: q.id)
        if (sector is None or q.sector == sector)
        and (category is None or q.category == category)
        and (role is None or role in q.roles or "any" in q.roles)
        and (level is None or level in q.levels)
    ]


@app.command("show")
def show(
    question_id: Annotated[str, typer.Argument(help="The question's id, e.g. sales.targets_last_year.")],
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="nl or en.")] = None,
    sector: Annotated[
        str | None, typer.Option("--sector", "-s", help="it or sales: whose strong example comes first.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show a question with what it tests, what a strong answer contains, and example answers.

    Example: coach questions show general.biggest_mistake --lang nl --sector it
    """
    ui = user_language(lang)
    q = get_question(question_id)
    if q is None:
        Console(stderr=True).print(
            tr(ui, "There is no question with id '{id}'. See the list with: coach questions", id=question_id),
            style="red",
            highlight=False,
        )
        raise typer.Exit(2)
    if as_json:
        print(json.dumps(question_json(q), ensure_ascii=False))
        return
    from coach.analysis.rules import rubric_names

    has, avoids = rubric_names(q.rubric, ui)
    console = Console(highlight=False)
    console.print(Text(q.text.get(ui), style="bold"))
    console.print(
        Text(
            f"{q.id} · {q.sector} · {q.category} · {', '.join(q.roles)} · {', '.join(q.levels)}", style="dim"
        )
    )
    sections: list[tuple[str, Any]] = [
        (tr(ui, "What the interviewer looks for"), q.tests.get(ui)),
        (tr(ui, "A strong answer has"), "\n".join(f"• {name}" for name in has)),
        (tr(ui, "A strong answer avoids"), "\n".join(f"• {name}" for name in avoids)),
        (tr(ui, "Common mistakes"), "\n".join(f"• {m}" for m in q.mistakes.get(ui))),
        (tr(ui, "Likely follow-up questions"), "\n".join(f"• {f}" for f in q.follow_ups.get(ui))),
        *strong_examples(q, sector, ui),
        (tr(ui, "Weak example answer"), q.examples.weak.get(ui)),
    ]
    for title, body in sections:
        if not body.strip():
            continue
        console.print()
        console.print(Text(title, style="bold underline"))
        console.print(Text(body.strip()))


EXAMPLE_FROM = {
    "it": N_("Strong example answer from an IT interview"),
    "sales": N_("Strong example answer from a sales interview"),
}


def strong_examples(question: Question, sector: str | None, lang: str) -> list[tuple[str, str]]:
    """The question's strong example answers as (heading, text): the one that fits `sector` (it or sales)
    first and headed plainly, any other with the sector it comes from."""
    first = question.examples.strong_for(sector)
    shown = [(tr(lang, "Strong example answer"), first.get(lang))]
    for role, text in question.examples.strongs():
        if text is not first and role is not None:
            shown.append((tr(lang, EXAMPLE_FROM[SECTOR_OF_ROLE[role]]), text.get(lang)))
    return shown


def question_json(q: Question) -> dict[str, Any]:
    """A question as JSON (the schema of content/schema.py)."""
    return q.model_dump(mode="json")

"""`coach roleplay`: the objection-handling role-play in the terminal, saved to your history."""

from __future__ import annotations

import random
import sys
from typing import Annotated

import typer
from rich.console import Console

from coach.i18n import translate as tr
from coach.i18n import user_language


def roleplay(
    objection: Annotated[
        str | None,
        typer.Option("--objection", "-o", help="The objection's id (see --list); default: random."),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="nl or en.")] = None,
    time_limit: Annotated[int, typer.Option("--time-limit", help="Seconds per answer; 0 for none.")] = 60,
    list_them: Annotated[bool, typer.Option("--list", help="List the objections and stop.")] = False,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Choose the random objection reproducibly.")
    ] = None,
) -> None:
    """Answer a buyer's objection; the buyer pushes back on what you missed (at most twice), then feedback.
    End an answer with an empty line.

    Example: coach roleplay --lang nl --objection too_expensive
    """
    from coach.content.objections import get_objection, load_objections

    ui = user_language(lang)
    console = Console(highlight=False, soft_wrap=True)
    if list_them:
        for o in load_objections():
            console.print(f"{o.id:30} {o.text.get(ui)}")
        return
    chosen = random.Random(seed).choice(load_objections()) if objection is None else get_objection(objection)
    if chosen is None:
        raise typer.BadParameter(tr(ui, "Unknown objection {id}; see coach roleplay --list.", id=objection))
    from coach.cli.answer_input import is_terminal, read_answer_from_stream, read_answer_in_terminal
    from coach.practice.roleplay import ROLEPLAY, RoleplayError, respond, start
    from coach.store.repository import Store
    from coach.store.sales import get_drill

    store = Store()
    user = store.user_id()
    drill_id = start(store, user, chosen, ui)
    limit = time_limit if time_limit > 0 else None
    shown = 0
    while True:
        drill = get_drill(store, user, drill_id, ROLEPLAY)
        assert drill is not None
        for turn in drill.turns[shown:]:
            if turn["role"] == "buyer":
                console.print(f"[bold cyan]{tr(ui, 'Buyer')}:[/bold cyan] {turn['text']}", markup=True)
        shown = len(drill.turns)
        if drill.status != "active":
            break
        if is_terminal():
            typed = read_answer_in_terminal(limit, lambda left: "" if left is None else f"{left}s")
        else:
            typed = read_answer_from_stream(sys.stdin, limit)
        if typed is None:
            console.print(tr(ui, "Role-play stopped; nothing more was saved."))
            raise typer.Exit(1)
        try:
            respond(store, user, drill_id, typed.text, expected_turns=shown, duration_s=typed.seconds)
        except RoleplayError as exc:
            console.print(f"[red]{tr(ui, exc.message)}[/red]", markup=True)
        shown += 1  # the candidate's own turn is not printed again
    feedback = drill.feedback or {}
    console.print(f"\n[bold]{tr(ui, 'Score: {score}/100', score=drill.score)}[/bold]", markup=True)
    for item in [*feedback.get("parts", []), *feedback.get("avoid", []), *feedback.get("extras", [])]:
        mark = {"met": "[green]✔[/green]", "warning": "[yellow]![/yellow]"}.get(
            item["status"], "[red]✘[/red]"
        )
        console.print(f"{mark} [bold]{item['name']}[/bold]: {item['message']}", markup=True)
        if item["status"] != "met":
            console.print("   " + tr(ui, "Tip: {tip}", tip=item["tip"]))
    console.print("\n" + tr(ui, "A strong answer:") + " " + feedback.get("strong", ""))

"""`coach portfolio PATH`: what an engineer sees in your git repository, with concrete fixes."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from coach.i18n import N_, user_language
from coach.i18n import translate as tr
from coach.toolkit.portfolio import PortfolioError, check_repository, report_json

MARKS = {"ok": "[green]✓[/green]", "warning": "[yellow]![/yellow]", "problem": "[red]✗[/red]"}
ERRORS = {
    "not_found": N_("There is no folder at {path}."),
    "not_git": N_("{path} is not a git repository (no .git folder). Give the repository's top folder."),
}


def portfolio(
    path: Annotated[str, typer.Argument(help="The git repository to check (its top folder).")],
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="nl or en.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Check a git repository as a reviewing engineer would: README, tests, CI, history, docstrings, and
    warning signs such as committed secrets. Reads git's data only; never runs code from the repository.

    Example: coach portfolio ~/code/my-project
    """
    ui = user_language(lang)
    console = Console(highlight=False)
    try:
        report = check_repository(path, ui)
    except PortfolioError as exc:
        console.print(tr(ui, ERRORS[exc.code], path=exc.path))
        raise typer.Exit(2) from None
    if as_json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
        return
    console.print(
        f"[bold]{report.path}[/bold] · "
        + tr(ui, "{commits} commits, {files} files", commits=report.commits, files=report.files)
    )
    for check in report.checks:
        console.print(f"{MARKS[check.status]} [bold]{check.title}[/bold]: {check.message}")
        if check.status != "ok":
            console.print(f"    {tr(ui, 'Fix')}: {check.fix}")
    problems = len(report.problems)
    console.print()
    console.print(tr(ui, "{count} things to fix.", count=problems) if problems else tr(ui, "Nothing to fix."))

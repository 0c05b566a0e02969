"""`coach stack-gap`: what of your stack carries over to the employer's, and how to say so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from coach.i18n import N_, user_language
from coach.i18n import translate as tr
from coach.toolkit.stack import ParsedStack, compare, name, parse_stack, report_json, stack_from_ad

STATUS_LABELS = {
    "have": N_("You already have it"),
    "carries": N_("Carries over"),
    "related": N_("Related"),
    "gap": N_("New for you"),
}


def stack_gap(
    have: Annotated[
        str, typer.Option("--have", help='Your stack, comma-separated: "Java, Spring, Azure".')
    ] = "",
    want: Annotated[str, typer.Option("--want", help="The employer's stack, comma-separated.")] = "",
    ad: Annotated[
        Path | None,
        typer.Option(
            "--ad", help="A job ad (text file, or - for standard input) to read the employer's stack from."
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="nl or en.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Compare your stack with the employer's: what carries over and how to say so, and a short learning plan
    for the real gaps.

    Example: coach stack-gap --have "Java, Spring, Azure" --want "Python, Django, AWS"
    """
    ui = user_language(lang)
    console = Console(highlight=False)
    wanted = parse_stack(want)
    if ad is not None:
        import sys

        text = sys.stdin.read() if str(ad) == "-" else _read(ad, ui)
        from_ad = stack_from_ad(text)
        wanted = ParsedStack(tuple(dict.fromkeys(wanted.known + from_ad.known)), wanted.unknown)
    had = parse_stack(have)
    if not had.known and not had.unknown:
        console.print(tr(ui, 'Say which stack you have, for example: --have "Java, Spring, Azure".'))
        raise typer.Exit(2)
    if not wanted.known:
        console.print(
            tr(
                ui,
                'No technology of the employer was recognised. Use --want "Python, Django, AWS" or --ad FILE.',  # noqa: E501
            )
        )
        raise typer.Exit(2)
    report = compare(had, wanted, ui)
    if as_json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{tr(ui, 'Your stack')}:[/bold] {', '.join(name(t) for t in had.known) or '-'}")
    console.print(f"[bold]{tr(ui, 'The employer')}:[/bold] {', '.join(name(t) for t in wanted.known)}")
    unknown = had.unknown + wanted.unknown
    if unknown:
        console.print(tr(ui, "Not in our list (not compared): {names}", names=", ".join(unknown)))
    for item in report.items:
        console.print()
        console.print(f"[bold]{name(item.want)}[/bold] · {tr(ui, STATUS_LABELS[item.status])}")
        if item.talking_point:
            console.print(f'  {tr(ui, "Say")}: "{item.talking_point}"')
        for concept, a, b in item.services:
            console.print(f"  - {concept}: {a} -> {b}")
        if item.plan:
            console.print(f"  {tr(ui, 'Learning plan')}:")
            for number, step in enumerate(item.plan, 1):
                console.print(f"    {number}. {step}")


def _read(path: Path, ui: str) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        Console().print(tr(ui, "Can't read the file {path}.", path=str(path)))
        raise typer.Exit(2) from None

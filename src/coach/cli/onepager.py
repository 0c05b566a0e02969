"""`coach onepager`: a results one-pager (one A4 PDF) from a YAML profile, after checking its figures."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from coach.i18n import N_, user_language
from coach.i18n import translate as tr

FIELD_NAMES = {
    "name": N_("Name"),
    "role": N_("Role"),
    "sales_cycle": N_("Sales cycle"),
    "periods": N_("Years or quarters"),
    "key_wins": N_("Key wins"),
    "tools": N_("Tools"),
    "references": N_("References"),
    "period": N_("Period"),
    "target": N_("Target"),
    "result": N_("Result"),
    "percent": N_("% of target"),
    "rank": N_("Rank in team"),
    "team_size": N_("Team size"),
    "new_business": N_("New business"),
    "upsell": N_("Upsell"),
    "new_accounts": N_("New accounts"),
    "average_deal": N_("Average deal"),
    "company": N_("Company"),
    "speaks_to": N_("Can speak to"),
    "permission": N_("Permission given on"),
}


def field_label(where: str, lang: str) -> str:
    """A problem's field as a person reads it: "periods.1.percent" -> "Years or quarters 2: % of target"."""
    parts = where.split(".")
    label = tr(lang, FIELD_NAMES.get(parts[0], parts[0]))
    if len(parts) >= 2:
        label += f" {int(parts[1]) + 1}"
    if len(parts) >= 3:
        label += ": " + tr(lang, FIELD_NAMES.get(parts[2], parts[2]))
    return label


def _read(path: Path, ui: str) -> dict[str, Any]:
    from coach.yaml_files import parse_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(tr(ui, "Can't read {path}.", path=str(path))) from exc
    try:
        data = parse_yaml(text)
    except Exception as exc:  # yaml.YAMLError and its C twin
        raise typer.BadParameter(tr(ui, "{path} is not valid YAML.", path=str(path))) from exc
    if not isinstance(data, dict):
        raise typer.BadParameter(
            tr(ui, "{path} should hold a profile: name, periods, key_wins, ...", path=str(path))
        )
    return data


def onepager(
    profile_file: Annotated[Path, typer.Argument(help="The profile as YAML (see docs/sales-toolkit.md).")],
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="nl or en: the one-pager's language.")
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The PDF to write.")] = Path("onepager.pdf"),
    save: Annotated[
        bool,
        typer.Option("--save", help="Also keep it as your facts: practice answers are compared with it."),
    ] = False,
) -> None:
    """Check a results profile and draw it as a one-page A4 PDF (target against result, new business and
    upsell, key wins, tools, references with permission).

    Example: coach onepager profile.yaml --lang nl -o resultaten.pdf
    """
    from coach.sales.profile import validate

    ui = user_language(lang)
    console = Console(highlight=False, stderr=True, soft_wrap=True)
    raw = _read(profile_file, ui)
    figures_lang = raw.get("lang") if raw.get("lang") in ("nl", "en") else ui
    profile, problems = validate(raw, figures_lang, ui=ui)
    for problem in problems:
        style = "red" if problem.level == "error" else "yellow"
        console.print(f"[{style}]{field_label(problem.field, ui)}[/{style}]: {problem.text(ui)}", markup=True)
    if profile is None:
        console.print(tr(ui, "Nothing drawn: fix the figures above first."))
        raise typer.Exit(1)
    from coach.sales.onepager import render_pdf

    try:
        output.write_bytes(render_pdf(profile, ui))
    except OSError as exc:
        raise typer.BadParameter(tr(ui, "Can't write {path}.", path=str(output))) from exc
    if save:
        from coach.store.repository import Store
        from coach.store.sales import save_profile

        store = Store()
        save_profile(store, store.user_id(), raw, figures_lang)
    console.print(tr(ui, "One-pager written to {path}.", path=str(output)))

"""Generate the reference docs from the code and data, so they can't drift: `python -m coach.docgen`."""

from __future__ import annotations

import sys
from pathlib import Path

from coach.analysis.rules import load_criteria

DOCS = Path(__file__).resolve().parents[2] / "docs"


def criteria_reference() -> str:
    """docs/criteria.md: every criterion with its check type, weight, penalty, cap and texts."""
    lines = [
        "# Criteria reference",
        "",
        "Generated from src/coach/analysis/criteria/ by `python -m coach.docgen`; do not edit by hand.",
        "How weights, penalties and caps make the score: docs/scoring.md.",
        "",
        "| id | check | always | weight | penalty | cap |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    criteria = load_criteria()
    for c in criteria.values():
        check = f"script: {c.script}" if c.extends == "script" else c.extends
        cap = ", ".join(f"{k} {v}" for k, v in c.cap.items()) or ""
        if cap and c.cap_kinds:
            cap += f" ({', '.join(c.cap_kinds)} questions)"
        scope = ["yes"] if c.always else []
        if c.only_kinds:
            scope.append(f"{', '.join(c.only_kinds)} questions only")
        lines.append(f"| `{c.id}` | {check} | {', '.join(scope)} | {c.weight:g} | {c.penalty:g} | {cap} |")
    for c in criteria.values():
        lines += ["", f"## `{c.id}`: {c.name.en} / {c.name.nl}", "", c.description.strip(), ""]
        lines.append(f"- Tip (en): {c.tip.en.strip()}")
        lines.append(f"- Tip (nl): {c.tip.nl.strip()}")
        if c.parts:
            lines.append(
                "- Parts: " + "; ".join(f"{k} ({p.label.en} / {p.label.nl})" for k, p in c.parts.items())
            )
    return "\n".join(lines) + "\n"


def cli_reference() -> str:
    """docs/cli.md: the --help of every command."""
    from typer.main import get_command
    from typer.testing import CliRunner

    from coach.cli import app

    runner = CliRunner()
    group = get_command(app)
    lines = [
        "# CLI reference",
        "",
        "Generated from `--help` by `python -m coach.docgen`; do not edit by hand.",
        "",
    ]
    names = sorted(group.commands) if hasattr(group, "commands") else []
    for name in ["", *names]:
        args = [name, "--help"] if name else ["--help"]
        result = runner.invoke(app, args, env={"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"})
        title = f"coach {name}".strip()
        lines += [f"## `{title}`", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(lines)


GENERATED = {"criteria.md": criteria_reference, "cli.md": cli_reference}


def main() -> None:
    """Write the generated docs."""
    for name, build in GENERATED.items():
        (DOCS / name).write_text(build(), encoding="utf-8")
        print(f"wrote docs/{name}", file=sys.stderr)


if __name__ == "__main__":
    main()

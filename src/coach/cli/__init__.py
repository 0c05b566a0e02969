"""The `coach` command: one module per noun (check, questions, practice, ...)."""

from __future__ import annotations

import typer

from coach.cli import check as check_cmd

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Coach: interview practice for IT and sales jobs in the Netherlands (Dutch and English).",
)
app.command("check")(check_cmd.check)


def main() -> None:
    """Entry point of the `coach` script."""
    app()

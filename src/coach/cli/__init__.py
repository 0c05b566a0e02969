"""The `coach` command: one module per noun (check, questions, practice, ...)."""

from __future__ import annotations

import typer

from coach.cli import check as check_cmd
from coach.cli import deploy as deploy_cmd
from coach.cli import history as history_cmd
from coach.cli import models as models_cmd
from coach.cli import onepager as onepager_cmd
from coach.cli import portfolio as portfolio_cmd
from coach.cli import practice as practice_cmd
from coach.cli import questions as questions_cmd
from coach.cli import roleplay as roleplay_cmd
from coach.cli import serve as serve_cmd
from coach.cli import stack_gap as stack_gap_cmd

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Coach: interview practice for IT and sales jobs in the Netherlands (Dutch and English).",
)
app.command("check")(check_cmd.check)
app.command("practice")(practice_cmd.practice)
app.command("history")(history_cmd.history)
app.add_typer(questions_cmd.app, name="questions")
app.command("serve")(serve_cmd.serve)
app.add_typer(models_cmd.app, name="models")
app.command("onepager")(onepager_cmd.onepager)
app.command("roleplay")(roleplay_cmd.roleplay)
app.command("stack-gap")(stack_gap_cmd.stack_gap)
app.command("portfolio")(portfolio_cmd.portfolio)
app.command("migrate")(deploy_cmd.migrate)
app.command("worker")(deploy_cmd.worker)
app.command("invite")(deploy_cmd.invite)


@app.callback()
def _root() -> None:
    """Coach: interview practice for IT and sales jobs in the Netherlands (Dutch and English)."""


def main() -> None:
    """Entry point of the `coach` script."""
    app()

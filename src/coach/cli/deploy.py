"""A shared deployment's other roles: `coach migrate` (the database, once per release), `coach worker`
(transcription jobs from the queue), and `coach invite` (an invitation link, e.g. the first admin's)."""

from __future__ import annotations

from typing import Annotated

import typer


def migrate() -> None:
    """Apply the database migrations (and create the job queue's tables when the queue is on), then stop.

    Example: COACH_DATABASE_URL=postgresql+psycopg://coach@db/coach coach migrate
    """
    from coach import jobs
    from coach.store.repository import Store

    Store()
    if jobs.queue_enabled():
        created = jobs.apply_queue_schema()
        typer.echo("Job queue tables created." if created else "Job queue tables are there.")
    typer.echo("The database is up to date.")


def worker(
    concurrency: Annotated[int, typer.Option(help="Jobs run at the same time (one per core is plenty).")] = 1,
    once: Annotated[bool, typer.Option("--once", help="Stop when the queue is empty (for tests).")] = False,
) -> None:
    """Transcribe spoken answers from the shared job queue (COACH_SPEECH_QUEUE=postgres) until stopped.

    Example: COACH_SPEECH_QUEUE=postgres coach worker --concurrency 2
    """
    from coach import jobs

    if not jobs.queue_enabled():
        typer.echo(
            "The job queue is off: set COACH_SPEECH_QUEUE=postgres (the web app then queues spoken answers).",
            err=True,
        )
        raise typer.Exit(2)
    jobs.run_worker(concurrency=concurrency, wait=not once)


def invite(
    email: Annotated[str, typer.Argument(help="The e-mail address of the person invited.")],
    role: Annotated[str, typer.Option(help="candidate, coach or admin.")] = "candidate",
    url: Annotated[
        str, typer.Option(help="The deployment's address, for the link.")
    ] = "http://127.0.0.1:8000",
) -> None:
    """Print an invitation link (valid for 7 days) for a shared deployment, e.g. for its first admin.

    Example: coach invite admin@bureau.nl --role admin --url https://coach.bureau.nl
    """
    from coach.store import accounts
    from coach.store.repository import Store

    store = Store()
    try:
        token = accounts.invite(store, store.user_id("cli"), email, role)
    except accounts.AccountError as exc:
        typer.echo(f"Can't invite {email}: {exc.code}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{url.rstrip('/')}/invite/{token}")

"""`coach serve`: the web app on this computer."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; keep 127.0.0.1 to stay private.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (for many users on PostgreSQL).")] = 1,
) -> None:
    """Start the web app and print its address. Stop it with Ctrl-C.

    Example: coach serve --port 8000
    """
    import os

    import uvicorn

    from coach.store.database import database_url
    from coach.store.repository import Store

    os.environ["COACH_HOST"] = host  # the workers answer to this host name (and to loopback)
    Store()  # apply migrations once, before any worker starts
    url = database_url()
    shown = url.split("@")[-1] if "@" in url else url
    typer.echo(f"Coach is running at http://{host}:{port}/  (database: {shown}; stop with Ctrl-C)")
    uvicorn.run("coach.web.main:app", host=host, port=port, workers=workers, log_level="warning")

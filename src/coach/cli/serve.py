"""`coach serve`: the web app on this computer, or the web role of a shared deployment."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; keep 127.0.0.1 to stay private.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (for many users on PostgreSQL).")] = 1,
    shared: Annotated[
        bool, typer.Option("--shared", help="A shared deployment: accounts and sign-in are required.")
    ] = False,
    migrate: Annotated[
        bool, typer.Option(help="Apply migrations first (a deployment runs `coach migrate`).")
    ] = True,
    proxy: Annotated[
        bool, typer.Option("--proxy", help="Behind a TLS proxy: trust its X-Forwarded-For/-Proto headers.")
    ] = False,
) -> None:
    """Start the web app and print its address. Stop it with Ctrl-C.

    Example: coach serve --port 8000
    """
    import os

    import uvicorn

    from coach.store.database import database_url
    from coach.store.repository import Store

    os.environ["COACH_HOST"] = host  # the workers answer to this host name (and to loopback)
    if shared:
        os.environ["COACH_SHARED"] = "1"
    if migrate:
        Store()  # apply migrations once, before any worker starts
    os.environ["COACH_MIGRATE"] = "0"  # the workers don't migrate again
    url = database_url()
    shown = url.split("@")[-1] if "@" in url else url
    mode = " (shared: sign-in required)" if shared else ""
    typer.echo(f"Coach is running at http://{host}:{port}/{mode}  (database: {shown}; stop with Ctrl-C)")
    uvicorn.run(
        "coach.web.main:app",
        host=host,
        port=port,
        workers=workers,
        log_level="warning",  # no access log: paths would name rows, and a proxy keeps its own
        proxy_headers=proxy,
        forwarded_allow_ips="*" if proxy else None,
    )

"""Alembic environment: runs with the connection handed over by coach.store.database.migrate."""

from __future__ import annotations

from alembic import context

from coach.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when alembic's own CLI is used
    from sqlalchemy import create_engine

    from coach.store.database import database_url

    connection = create_engine(database_url()).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()

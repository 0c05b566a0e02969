"""Storage: SQLAlchemy models, Alembic migrations and a small repository (SQLite or PostgreSQL)."""

"""Accounts for a shared deployment: sign-in, sessions, invitations, sharing with a coach, comments,
assignments and the log of a coach's look-ups.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _user(name: str = "user_id", nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=nullable)


def _when(name: str = "created_at", nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"),
        _when("locked_until", nullable=True),
        _when(),
    )
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        _when(),
        _when("expires_at"),
    )
    op.create_index("ix_auth_sessions_user_id", "auth_sessions", ["user_id"])
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        _user("for_user_id", nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        _when("expires_at"),
        _when("used_at", nullable=True),
        _when(),
    )
    op.create_index("ix_invitations_user_id", "invitations", ["user_id"])
    op.create_index("ix_invitations_for_user_id", "invitations", ["for_user_id"])
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(nullable=True),
        sa.Column("source", sa.String(64), nullable=False),
        _when(),
    )
    op.create_index("ix_sign_in_failures_user_id", "sign_in_failures", ["user_id"])
    op.create_index("ix_sign_in_failures_source", "sign_in_failures", ["source"])
    op.create_index("ix_sign_in_failures_created_at", "sign_in_failures", ["created_at"])
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        _user("coach_id"),
        _when(),
        sa.UniqueConstraint("user_id", "coach_id", name="uq_share"),
    )
    op.create_table(
        "coach_comments",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        _user("coach_id"),
        sa.Column("answer_id", sa.Integer(), sa.ForeignKey("answers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _when(),
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        _user("coach_id"),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        _when(),
    )
    op.create_table(
        "coach_access",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user(),
        _user("coach_id"),
        sa.Column("what", sa.String(20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        _when(),
    )
    for table in ("shares", "coach_comments", "assignments", "coach_access"):
        op.create_index(f"ix_{table}_user_id", table, ["user_id"])
        op.create_index(f"ix_{table}_coach_id", table, ["coach_id"])
    op.create_index("ix_coach_comments_answer_id", "coach_comments", ["answer_id"])


def downgrade() -> None:
    for table in (
        "coach_access",
        "assignments",
        "coach_comments",
        "shares",
        "sign_in_failures",
        "invitations",
        "auth_sessions",
        "accounts",
    ):
        op.drop_table(table)

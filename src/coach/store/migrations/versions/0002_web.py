"""Interview cursor, idempotent submissions, story bank and preparation.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("pending_follow_up", sa.Text(), nullable=True))
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("submission_token", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_answers_submission_token", ["submission_token"])
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("feedback", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_stories_user_id", "stories", ["user_id"])
    op.create_table(
        "preparation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("sector", sa.String(20), nullable=False),
        sa.Column("interview_date", sa.Date(), nullable=True),
        sa.Column("employer", sa.String(200), nullable=False),
        sa.Column("done", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("preparation")
    op.drop_table("stories")
    with op.batch_alter_table("answers") as batch:
        batch.drop_constraint("uq_answers_submission_token", type_="unique")
        batch.drop_column("submission_token")
    with op.batch_alter_table("interviews") as batch:
        batch.drop_column("pending_follow_up")
        batch.drop_column("position")

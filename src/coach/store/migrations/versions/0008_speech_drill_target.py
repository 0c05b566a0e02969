"""Spoken answers to drills: a transcription job of kind "drill" carries where its transcript goes.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("speech_jobs") as batch:
        batch.add_column(sa.Column("target", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("speech_jobs") as batch:
        batch.drop_column("target")

"""verification attempts, for locking out repeated failures

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 01:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import returndesk.store.sql.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "verification_attempts",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column(
            "window_started_at",
            returndesk.store.sql.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "locked_until", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_verification_attempts")),
    )


def downgrade() -> None:
    op.drop_table("verification_attempts")

"""staff members, who sign in to the console

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 17:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import returndesk.store.sql.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staff_members",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_members")),
        sa.UniqueConstraint("email", name=op.f("uq_staff_members_email")),
    )


def downgrade() -> None:
    op.drop_table("staff_members")

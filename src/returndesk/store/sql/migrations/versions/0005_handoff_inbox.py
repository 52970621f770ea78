"""the hand-off inbox: a hand-off's status, holder and ending, and the live events
browsers are told of

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 06:00:00.000000
"""

import warnings
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import returndesk.store.sql.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _stamp(name: str) -> sa.Column[object]:
    return sa.Column(name, returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=True)


def upgrade() -> None:
    # Batch mode, for the foreign key SQLite adds only by rebuilding the table (see 0004).
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        with op.batch_alter_table("handoffs", schema=None) as batch_op:
            # Requests recorded before the inbox existed were never read: they wait in it.
            batch_op.add_column(
                sa.Column("status", sa.String(length=16), nullable=False, server_default="open")
            )
            batch_op.add_column(sa.Column("order_id", sa.String(length=64), nullable=True))
            batch_op.add_column(sa.Column("rma", sa.String(length=16), nullable=True))
            batch_op.add_column(sa.Column("claimed_by", _ID, nullable=True))
            batch_op.add_column(_stamp("claimed_at"))
            batch_op.add_column(_stamp("first_reply_at"))
            batch_op.add_column(_stamp("closed_at"))
            batch_op.add_column(sa.Column("close_note", sa.Text(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f("fk_handoffs_claimed_by_staff_members"),
                "staff_members",
                ["claimed_by"],
                ["id"],
            )
    op.create_index("ix_handoffs_status_created", "handoffs", ["status", "created_at"])
    op.create_index("ix_handoffs_thread_id", "handoffs", ["thread_id"])
    op.create_table(
        "live_events",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("thread_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_events")),
        # Ids never reused on SQLite once old events are deleted (see tables.LiveEventRow).
        sqlite_autoincrement=True,
    )
    op.create_index("ix_live_events_thread_id", "live_events", ["thread_id", "id"])
    op.create_index("ix_live_events_at", "live_events", ["at"])


def downgrade() -> None:
    op.drop_index("ix_live_events_at", table_name="live_events")
    op.drop_index("ix_live_events_thread_id", table_name="live_events")
    op.drop_table("live_events")
    op.drop_index("ix_handoffs_thread_id", table_name="handoffs")
    op.drop_index("ix_handoffs_status_created", table_name="handoffs")
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_handoffs_claimed_by_staff_members"), type_="foreignkey"
        )
        for column in (
            "close_note",
            "closed_at",
            "first_reply_at",
            "claimed_at",
            "claimed_by",
            "rma",
            "order_id",
            "status",
        ):
            batch_op.drop_column(column)

"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 23:48:05.951312
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import returndesk.store.sql.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chatkit_attachments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=128), nullable=False),
        sa.Column("thread_id", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chatkit_attachments")),
    )
    with op.batch_alter_table("chatkit_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chatkit_attachments_owner_id"), ["owner_id"], unique=False
        )

    op.create_table(
        "chatkit_threads",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=128), nullable=False),
        sa.Column(
            "created_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_chatkit_threads")),
        sa.UniqueConstraint("id", name=op.f("uq_chatkit_threads_id")),
    )
    with op.batch_alter_table("chatkit_threads", schema=None) as batch_op:
        batch_op.create_index(
            "ix_chatkit_threads_owner_created", ["owner_id", "created_at", "seq"], unique=False
        )

    op.create_table(
        "customers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("first_name", sa.String(length=128), nullable=False),
        sa.Column("last_name", sa.String(length=128), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("address1", sa.String(length=256), nullable=False),
        sa.Column("address2", sa.String(length=256), nullable=False),
        sa.Column("city", sa.String(length=128), nullable=False),
        sa.Column("state", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=64), nullable=False),
        sa.Column("zip", sa.String(length=16), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("email", name=op.f("uq_customers_email")),
    )
    op.create_index(
        "ix_customers_name_zip",
        "customers",
        [sa.text("lower(last_name)"), sa.text("lower(first_name)"), "zip"],
    )
    op.create_table(
        "products",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("activatable", sa.Boolean(), nullable=False),
        sa.Column("hygiene_sealed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    op.create_table(
        "chatkit_feedback",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("thread_id", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column(
            "created_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["chatkit_threads.id"],
            name=op.f("fk_chatkit_feedback_thread_id_chatkit_threads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chatkit_feedback")),
    )
    with op.batch_alter_table("chatkit_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chatkit_feedback_thread_id"), ["thread_id"], unique=False
        )

    op.create_table(
        "chatkit_items",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("thread_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=128), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["chatkit_threads.id"],
            name=op.f("fk_chatkit_items_thread_id_chatkit_threads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_chatkit_items")),
        sa.UniqueConstraint("thread_id", "id", name="uq_chatkit_items_thread_item"),
    )
    with op.batch_alter_table("chatkit_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_chatkit_items_thread_created", ["thread_id", "created_at", "seq"], unique=False
        )

    op.create_table(
        "conversation_states",
        sa.Column("thread_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=128), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column(
            "updated_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_conversation_states_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["chatkit_threads.id"],
            name=op.f("fk_conversation_states_thread_id_chatkit_threads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("thread_id", name=op.f("pk_conversation_states")),
    )
    op.create_table(
        "handoffs",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("thread_id", sa.String(length=64), nullable=True),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column(
            "created_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_handoffs_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoffs")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("address", sa.JSON(), nullable=False),
        sa.Column(
            "placed_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "delivered_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "cancelled_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("cancel_reason", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_orders_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "payment_methods",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("brand", sa.String(length=32), nullable=True),
        sa.Column("last_four", sa.String(length=4), nullable=True),
        sa.Column("balance_cents", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_payment_methods_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_methods")),
    )
    with op.batch_alter_table("payment_methods", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_methods_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "product_variants",
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("product_id", sa.String(length=64), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("available", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_variants_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_product_variants")),
    )
    with op.batch_alter_table("product_variants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_product_variants_product_id"), ["product_id"], unique=False
        )

    op.create_table(
        "fulfilments",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("tracking_ids", sa.JSON(), nullable=False),
        sa.Column("item_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_fulfilments_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fulfilments")),
    )
    with op.batch_alter_table("fulfilments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fulfilments_order_id"), ["order_id"], unique=False)

    op.create_table(
        "order_lines",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("product_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("final_sale", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_lines_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_order_lines_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
        sa.UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line"),
    )
    op.create_table(
        "payment_transactions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("payment_method_id", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_payment_transactions_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_transactions")),
    )
    with op.batch_alter_table("payment_transactions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_transactions_order_id"), ["order_id"], unique=False
        )

    op.create_table(
        "returns",
        sa.Column("rma", sa.String(length=16), nullable=False),
        sa.Column("idempotency_key", sa.String(length=128), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("thread_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("reason_note", sa.Text(), nullable=True),
        sa.Column("resolution", sa.String(length=32), nullable=False),
        sa.Column("refund_payment_method_id", sa.String(length=64), nullable=True),
        sa.Column("method", sa.String(length=32), nullable=True),
        sa.Column("items_total_cents", sa.Integer(), nullable=False),
        sa.Column("fees_cents", sa.Integer(), nullable=False),
        sa.Column("bonus_cents", sa.Integer(), nullable=False),
        sa.Column("refund_amount_cents", sa.Integer(), nullable=False),
        sa.Column("exchange_difference_cents", sa.Integer(), nullable=False),
        sa.Column("exchange_payment_method_id", sa.String(length=64), nullable=True),
        sa.Column("keep_item", sa.Boolean(), nullable=False),
        sa.Column("shipment", sa.JSON(), nullable=True),
        sa.Column(
            "created_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_returns_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_returns_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("rma", name=op.f("pk_returns")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_returns_idempotency_key")),
    )
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_returns_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_order_id"), ["order_id"], unique=False)

    op.create_table(
        "return_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("rma", sa.String(length=16), nullable=False),
        sa.Column("at", returndesk.store.sql.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=True),
        sa.Column("to_status", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rma"], ["returns.rma"], name=op.f("fk_return_events_rma_returns"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_events")),
    )
    with op.batch_alter_table("return_events", schema=None) as batch_op:
        batch_op.create_index("ix_return_events_rma", ["rma"], unique=False)

    op.create_table(
        "return_lines",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("rma", sa.String(length=16), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("product_id", sa.String(length=64), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("reason_note", sa.Text(), nullable=True),
        sa.Column("exchange_item_id", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rma"], ["returns.rma"], name=op.f("fk_return_lines_rma_returns"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines")),
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index("ix_return_lines_rma", ["rma"], unique=False)
        batch_op.create_index(
            "uq_return_lines_active_order_line",
            ["order_id", "line_no"],
            unique=True,
            sqlite_where=sa.text("active"),
            postgresql_where=sa.text("active"),
        )


def downgrade() -> None:
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_return_lines_active_order_line",
            sqlite_where=sa.text("active"),
            postgresql_where=sa.text("active"),
        )
        batch_op.drop_index("ix_return_lines_rma")

    op.drop_table("return_lines")
    with op.batch_alter_table("return_events", schema=None) as batch_op:
        batch_op.drop_index("ix_return_events_rma")

    op.drop_table("return_events")
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_returns_order_id"))
        batch_op.drop_index(batch_op.f("ix_returns_customer_id"))

    op.drop_table("returns")
    with op.batch_alter_table("payment_transactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_transactions_order_id"))

    op.drop_table("payment_transactions")
    op.drop_table("order_lines")
    with op.batch_alter_table("fulfilments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fulfilments_order_id"))

    op.drop_table("fulfilments")
    with op.batch_alter_table("product_variants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_variants_product_id"))

    op.drop_table("product_variants")
    with op.batch_alter_table("payment_methods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_methods_customer_id"))

    op.drop_table("payment_methods")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_customer_id"))

    op.drop_table("orders")
    op.drop_table("handoffs")
    op.drop_table("conversation_states")
    with op.batch_alter_table("chatkit_items", schema=None) as batch_op:
        batch_op.drop_index("ix_chatkit_items_thread_created")

    op.drop_table("chatkit_items")
    with op.batch_alter_table("chatkit_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chatkit_feedback_thread_id"))

    op.drop_table("chatkit_feedback")
    op.drop_table("products")
    op.drop_index("ix_customers_name_zip", table_name="customers")
    op.drop_table("customers")
    with op.batch_alter_table("chatkit_threads", schema=None) as batch_op:
        batch_op.drop_index("ix_chatkit_threads_owner_created")

    op.drop_table("chatkit_threads")
    with op.batch_alter_table("chatkit_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chatkit_attachments_owner_id"))

    op.drop_table("chatkit_attachments")

"""The database schema. Money is integer cents; timestamps are UTC-aware."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from returndesk.store.sql.types import AutoIncrementId, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


# --- ChatKit threads, items and attachments -------------------------------------------------


class ThreadRow(Base):
    __tablename__ = "chatkit_threads"

    seq: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    owner_id: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    title: Mapped[str | None] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_chatkit_threads_owner_created", "owner_id", "created_at", "seq"),)


class ThreadItemRow(Base):
    __tablename__ = "chatkit_items"

    seq: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64))
    thread_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("chatkit_threads.id", ondelete="CASCADE")
    )
    owner_id: Mapped[str] = mapped_column(String(128))
    type: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    data: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("thread_id", "id", name="uq_chatkit_items_thread_item"),
        Index("ix_chatkit_items_thread_created", "thread_id", "created_at", "seq"),
    )


class AttachmentRow(Base):
    __tablename__ = "chatkit_attachments"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(128), index=True)
    thread_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    data: Mapped[str] = mapped_column(Text)


class FeedbackRow(Base):
    __tablename__ = "chatkit_feedback"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    thread_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("chatkit_threads.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(64))
    owner_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]


class ConversationStateRow(Base):
    """The flow state of one thread; `version` guards against lost updates."""

    __tablename__ = "conversation_states"

    thread_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("chatkit_threads.id", ondelete="CASCADE"), primary_key=True
    )
    owner_id: Mapped[str] = mapped_column(String(128))
    customer_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("customers.id"))
    version: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class ConversationEventRow(Base):
    """One applied event of a conversation, logged with its turn for the store's analytics:
    which event, the step it led to, and the shopper's yes/no answers; nothing typed."""

    __tablename__ = "conversation_events"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    thread_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("chatkit_threads.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(index=True)
    # Who the shopper was verified as after the event; None while unverified.
    customer_id: Mapped[str | None] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(64))
    flow: Mapped[str] = mapped_column(String(64))
    step: Mapped[str] = mapped_column(String(64))
    answers: Mapped[dict[str, Any]]


# --- The store: customers, catalogue and orders ---------------------------------------------


class CustomerRow(Base):
    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_name: Mapped[str] = mapped_column(String(128))
    last_name: Mapped[str] = mapped_column(String(128))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    address1: Mapped[str] = mapped_column(String(256))
    address2: Mapped[str] = mapped_column(String(256), default="")
    city: Mapped[str] = mapped_column(String(128))
    state: Mapped[str] = mapped_column(String(64))
    country: Mapped[str] = mapped_column(String(64))
    zip: Mapped[str] = mapped_column(String(16))
    tier: Mapped[str] = mapped_column(String(16))

    payment_methods: Mapped[list[PaymentMethodRow]] = relationship(
        back_populates="customer", order_by="PaymentMethodRow.id"
    )

    __table_args__ = (
        Index("ix_customers_name_zip", text("lower(last_name)"), text("lower(first_name)"), "zip"),
        # Staff search a customer by first name alone too.
        Index("ix_customers_first_name", text("lower(first_name)")),
    )


class PaymentMethodRow(Base):
    __tablename__ = "payment_methods"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(32))
    brand: Mapped[str | None] = mapped_column(String(32))
    last_four: Mapped[str | None] = mapped_column(String(4))
    balance_cents: Mapped[int | None] = mapped_column(Integer)

    customer: Mapped[CustomerRow] = relationship(back_populates="payment_methods")


class ProductRow(Base):
    __tablename__ = "products"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(256))
    category: Mapped[str] = mapped_column(String(64))
    activatable: Mapped[bool] = mapped_column(Boolean, default=False)
    hygiene_sealed: Mapped[bool] = mapped_column(Boolean, default=False)

    variants: Mapped[list[VariantRow]] = relationship(
        back_populates="product", order_by="VariantRow.item_id"
    )


class VariantRow(Base):
    __tablename__ = "product_variants"

    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    product_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    options: Mapped[dict[str, Any]]
    price_cents: Mapped[int] = mapped_column(Integer)
    available: Mapped[bool] = mapped_column(Boolean)

    product: Mapped[ProductRow] = relationship(back_populates="variants")


class OrderRow(Base):
    __tablename__ = "orders"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(64), ForeignKey("customers.id"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    address: Mapped[dict[str, Any]]
    placed_at: Mapped[datetime]
    delivered_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(String(64))

    lines: Mapped[list[OrderLineRow]] = relationship(
        back_populates="order", order_by="OrderLineRow.line_no"
    )
    fulfilments: Mapped[list[FulfilmentRow]] = relationship(
        back_populates="order", order_by="FulfilmentRow.id"
    )
    transactions: Mapped[list[PaymentTransactionRow]] = relationship(
        back_populates="order", order_by="PaymentTransactionRow.seq"
    )


class OrderLineRow(Base):
    """One unit of one variant; an order holding an item twice has two lines."""

    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(String(64), ForeignKey("orders.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    product_id: Mapped[str] = mapped_column(String(64), ForeignKey("products.id"))
    name: Mapped[str] = mapped_column(String(256))
    options: Mapped[dict[str, Any]]
    price_cents: Mapped[int] = mapped_column(Integer)
    final_sale: Mapped[bool] = mapped_column(Boolean, default=False)

    order: Mapped[OrderRow] = relationship(back_populates="lines")

    __table_args__ = (UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line"),)


class FulfilmentRow(Base):
    __tablename__ = "fulfilments"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    tracking_ids: Mapped[list[str]] = mapped_column(JSON)
    item_ids: Mapped[list[str]] = mapped_column(JSON)

    order: Mapped[OrderRow] = relationship(back_populates="fulfilments")


class PaymentTransactionRow(Base):
    __tablename__ = "payment_transactions"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    amount_cents: Mapped[int] = mapped_column(Integer)
    payment_method_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]

    order: Mapped[OrderRow] = relationship(back_populates="transactions")


# --- Returns ---------------------------------------------------------------------------------


class ReturnRow(Base):
    __tablename__ = "returns"

    rma: Mapped[str] = mapped_column(String(16), primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    customer_id: Mapped[str] = mapped_column(String(64), ForeignKey("customers.id"), index=True)
    order_id: Mapped[str] = mapped_column(String(64), ForeignKey("orders.id"), index=True)
    thread_id: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32))
    reason_code: Mapped[str] = mapped_column(String(32))
    reason_note: Mapped[str | None] = mapped_column(Text)
    resolution: Mapped[str] = mapped_column(String(32))
    refund_payment_method_id: Mapped[str | None] = mapped_column(String(64))
    method: Mapped[str | None] = mapped_column(String(32))
    items_total_cents: Mapped[int] = mapped_column(Integer)
    fees_cents: Mapped[int] = mapped_column(Integer, default=0)
    bonus_cents: Mapped[int] = mapped_column(Integer, default=0)
    refund_amount_cents: Mapped[int] = mapped_column(Integer)
    # Positive: the customer pays the difference; negative: the customer is refunded it.
    exchange_difference_cents: Mapped[int] = mapped_column(Integer, default=0)
    exchange_payment_method_id: Mapped[str | None] = mapped_column(String(64))
    keep_item: Mapped[bool] = mapped_column(Boolean, default=False)
    shipment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    lines: Mapped[list[ReturnLineRow]] = relationship(
        back_populates="return_", order_by="ReturnLineRow.id"
    )
    events: Mapped[list[ReturnEventRow]] = relationship(
        back_populates="return_", order_by="ReturnEventRow.id"
    )

    # The staff queue reads newest first, filtered by status or not; the rma breaks ties
    # so a page boundary is exact (keyset pagination).
    __table_args__ = (
        Index("ix_returns_created", "created_at", "rma"),
        Index("ix_returns_status_created", "status", "created_at", "rma"),
    )


class ReturnLineRow(Base):
    """One returned order line. `active` is cleared when the return ends without
    taking the item, so the partial unique index forbids one line in two live returns."""

    __tablename__ = "return_lines"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    rma: Mapped[str] = mapped_column(String(16), ForeignKey("returns.rma", ondelete="CASCADE"))
    order_id: Mapped[str] = mapped_column(String(64))
    line_no: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    product_id: Mapped[str] = mapped_column(String(64))
    price_cents: Mapped[int] = mapped_column(Integer)
    reason_code: Mapped[str] = mapped_column(String(32))
    reason_note: Mapped[str | None] = mapped_column(Text)
    exchange_item_id: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    return_: Mapped[ReturnRow] = relationship(back_populates="lines")

    __table_args__ = (
        Index(
            "uq_return_lines_active_order_line",
            "order_id",
            "line_no",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
        Index("ix_return_lines_rma", "rma"),
    )


class ReturnEventRow(Base):
    __tablename__ = "return_events"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    rma: Mapped[str] = mapped_column(String(16), ForeignKey("returns.rma", ondelete="CASCADE"))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    # Who of the store's team made the move, when one did from the console.
    staff_member_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))

    return_: Mapped[ReturnRow] = relationship(back_populates="events")

    __table_args__ = (Index("ix_return_events_rma", "rma"),)


class HandoffRow(Base):
    """A request for a person, recorded for the store's team."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    thread_id: Mapped[str | None] = mapped_column(String(64))
    customer_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("customers.id"))
    summary: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    # open, claimed, handed_back or closed (see domain.handoffs).
    status: Mapped[str] = mapped_column(String(16), default="open", server_default="open")
    order_id: Mapped[str | None] = mapped_column(String(64))
    rma: Mapped[str | None] = mapped_column(String(16))
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    claimed_at: Mapped[datetime | None]
    first_reply_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    close_note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_handoffs_status_created", "status", "created_at"),
        Index("ix_handoffs_thread_id", "thread_id"),
    )


class LiveEventRow(Base):
    """Something a browser is told as it happens: kept so that one reconnecting catches up.

    Ids only grow; a browser resumes after the last id it saw. Every app process
    reads new rows as they come (woken by NOTIFY on PostgreSQL) and passes each to
    the browsers it serves that may see it.
    """

    __tablename__ = "live_events"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    # Who may see it: "staff", "shopper" (the thread's owner) or "both".
    audience: Mapped[str] = mapped_column(String(16))
    thread_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    # AUTOINCREMENT on SQLite: ids are never reused, even once old events are deleted (a
    # reused id would sit below every process's cursor and never be passed on).
    __table_args__ = (
        Index("ix_live_events_thread_id", "thread_id", "id"),
        Index("ix_live_events_at", "at"),
        {"sqlite_autoincrement": True},
    )


class StaffMemberRow(Base):
    """Someone of the store's team who signs in to the console; the password only hashed."""

    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(256))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class AuditEntryRow(Base):
    """Something a person of the store did: who, when, to what, and the details."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    # None: done at the command line, where no one signs in.
    staff_member_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(128))
    detail: Mapped[dict[str, Any]]

    __table_args__ = (Index("ix_audit_log_subject", "subject", "id"),)


class VerificationAttemptsRow(Base):
    """Failed verifications of one owner or one client address, for the lock-out."""

    __tablename__ = "verification_attempts"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_started_at: Mapped[datetime]
    locked_until: Mapped[datetime | None]

"""Customers and their payment methods."""

from __future__ import annotations

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from returndesk.domain import (
    Address,
    Customer,
    PaymentMethod,
    PaymentSource,
    Tier,
    from_cents,
)
from returndesk.errors import NotFound
from returndesk.store.tables import CustomerRow, PaymentMethodRow


def payment_method_from_row(row: PaymentMethodRow) -> PaymentMethod:
    return PaymentMethod(
        id=row.id,
        source=PaymentSource(row.source),
        brand=row.brand,
        last_four=row.last_four,
        balance=None if row.balance_cents is None else from_cents(row.balance_cents),
    )


def customer_from_row(row: CustomerRow) -> Customer:
    return Customer(
        id=row.id,
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        zip=row.zip,
        tier=Tier(row.tier),
        payment_methods=tuple(payment_method_from_row(method) for method in row.payment_methods),
        address=Address(
            address1=row.address1,
            address2=row.address2,
            city=row.city,
            state=row.state,
            zip=row.zip,
            country=row.country,
        ),
    )


# Built once: every turn reads its customer.
_CUSTOMER = (
    select(CustomerRow)
    .where(CustomerRow.id == bindparam("customer_id"))
    .options(joinedload(CustomerRow.payment_methods))
)


async def get_customer(session: AsyncSession, customer_id: str) -> Customer:
    # Joined collections come one row per payment method, folded back into one customer.
    found = await session.scalars(_CUSTOMER, {"customer_id": customer_id})
    row = found.unique().one_or_none()
    if row is None:
        raise NotFound(f"No customer {customer_id}.")
    return customer_from_row(row)


async def find_by_email(session: AsyncSession, email: str) -> Customer | None:
    """Emails are stored lower-cased, so the unique index serves this look-up."""
    row = await _one(
        session,
        select(CustomerRow)
        .where(CustomerRow.email == email.strip().lower())
        .options(joinedload(CustomerRow.payment_methods)),
    )
    return None if row is None else customer_from_row(row)


async def _one(session: AsyncSession, query: Select[CustomerRow]) -> CustomerRow | None:
    # Joined collections come one row per payment method, folded back into one customer.
    return (await session.scalars(query)).unique().one_or_none()


async def find_by_name_and_zip(
    session: AsyncSession, first_name: str, last_name: str, zip_code: str
) -> Customer | None:
    """The one customer with this name at this ZIP; None when nobody or several match."""
    rows = (
        await session.scalars(
            select(CustomerRow)
            .where(
                func.lower(CustomerRow.last_name) == last_name.strip().lower(),
                func.lower(CustomerRow.first_name) == first_name.strip().lower(),
                CustomerRow.zip == zip_code.strip(),
            )
            .options(selectinload(CustomerRow.payment_methods))
            .limit(2)
        )
    ).all()
    return customer_from_row(rows[0]) if len(rows) == 1 else None


async def lock_payment_method(session: AsyncSession, payment_method_id: str) -> PaymentMethodRow:
    """The row, locked on PostgreSQL until the transaction ends, for balance changes."""
    row = await session.scalar(
        select(PaymentMethodRow).where(PaymentMethodRow.id == payment_method_id).with_for_update()
    )
    if row is None:
        raise NotFound(f"No payment method {payment_method_id}.")
    return row


async def customers_among(
    session: AsyncSession, customer_ids: Select[str], *, limit: int
) -> list[Customer]:
    """The customers whose ids the query gives, by name, at most `limit` of them."""
    rows = await session.scalars(
        select(CustomerRow)
        .where(CustomerRow.id.in_(customer_ids))
        .options(selectinload(CustomerRow.payment_methods))
        .order_by(CustomerRow.last_name, CustomerRow.first_name, CustomerRow.id)
        .limit(limit)
    )
    return [customer_from_row(row) for row in rows]

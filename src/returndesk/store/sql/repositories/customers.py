"""Customers and their payment methods, in SQL."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Select, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from returndesk.domain import (
    Address,
    Customer,
    PaymentMethod,
    PaymentSource,
    Tier,
    from_cents,
    to_cents,
)
from returndesk.errors import Conflict, NotFound
from returndesk.store.ids import new_gift_card_id
from returndesk.store.port.staff_search import SearchTerm
from returndesk.store.sql.repositories.staff_search import matching_customers
from returndesk.store.sql.tables import CustomerRow, PaymentMethodRow


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


class SqlCustomers:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, customer_id: str) -> Customer:
        # Joined collections come one row per payment method, folded back into one customer.
        found = await self.session.scalars(_CUSTOMER, {"customer_id": customer_id})
        row = found.unique().one_or_none()
        if row is None:
            raise NotFound(f"No customer {customer_id}.")
        return customer_from_row(row)

    async def find_by_email(self, email: str) -> Customer | None:
        """Emails are stored lower-cased, so the unique index serves this look-up."""
        row = await self._one(
            select(CustomerRow)
            .where(CustomerRow.email == email.strip().lower())
            .options(joinedload(CustomerRow.payment_methods)),
        )
        return None if row is None else customer_from_row(row)

    async def _one(self, query: Select[CustomerRow]) -> CustomerRow | None:
        # Joined collections come one row per payment method, folded back into one customer.
        return (await self.session.scalars(query)).unique().one_or_none()

    async def find_by_name_and_zip(
        self, first_name: str, last_name: str, zip_code: str
    ) -> Customer | None:
        rows = (
            await self.session.scalars(
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

    async def search(self, term: SearchTerm, *, limit: int) -> list[Customer]:
        rows = await self.session.scalars(
            select(CustomerRow)
            .where(CustomerRow.id.in_(matching_customers(term)))
            .options(selectinload(CustomerRow.payment_methods))
            .order_by(CustomerRow.last_name, CustomerRow.first_name, CustomerRow.id)
            .limit(limit)
        )
        return [customer_from_row(row) for row in rows]

    async def add_gift_card(self, customer_id: str) -> str:
        card = PaymentMethodRow(
            id=new_gift_card_id(),
            customer_id=customer_id,
            source=PaymentSource.GIFT_CARD.value,
            balance_cents=0,
        )
        self.session.add(card)
        return card.id

    async def adjust_gift_card(self, payment_method_id: str, change: Decimal) -> None:
        # Locked on PostgreSQL until the transaction ends, so two refunds never overwrite
        # each other; SQLite's one writer at a time does the same there.
        method = await self.session.scalar(
            select(PaymentMethodRow)
            .where(PaymentMethodRow.id == payment_method_id)
            .with_for_update()
        )
        if method is None:
            raise NotFound(f"No payment method {payment_method_id}.")
        if method.source != PaymentSource.GIFT_CARD.value:
            return
        balance = (method.balance_cents or 0) + to_cents(change)
        if balance < 0:
            raise Conflict("The gift card's balance no longer covers this amount.")
        method.balance_cents = balance

    async def set_address(self, customer_id: str, address: Address) -> None:
        await self.session.execute(
            update(CustomerRow)
            .where(CustomerRow.id == customer_id)
            .values(
                address1=address.address1,
                address2=address.address2,
                city=address.city,
                state=address.state,
                zip=address.zip,
                country=address.country,
            )
        )

"""Customers and their payment methods."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from returndesk.domain.addresses import Address
from returndesk.domain.codes import Tier
from returndesk.domain.money import format_money
from returndesk.errors import NotFound


class PaymentSource(StrEnum):
    CREDIT_CARD = "credit_card"
    PAYPAL = "paypal"
    GIFT_CARD = "gift_card"


@dataclass(frozen=True, slots=True)
class PaymentMethod:
    id: str
    source: PaymentSource
    brand: str | None = None
    last_four: str | None = None
    # Gift cards only: what is left to spend.
    balance: Decimal | None = None

    @property
    def is_gift_card(self) -> bool:
        return self.source is PaymentSource.GIFT_CARD

    @property
    def refunds_at_once(self) -> bool:
        """Gift-card money moves inside the store; cards and PayPal go through a bank."""
        return self.is_gift_card

    def describe(self) -> str:
        """How the method is named to its owner: `Visa ending 1234`, `PayPal`, `Gift card`."""
        match self.source:
            case PaymentSource.CREDIT_CARD:
                brand = (self.brand or "card").capitalize()
                return f"{brand} ending {self.last_four}" if self.last_four else brand
            case PaymentSource.PAYPAL:
                return "PayPal"
            case PaymentSource.GIFT_CARD:
                if self.balance is None:
                    return "Gift card"
                return f"Gift card (balance {format_money(self.balance)})"


@dataclass(frozen=True, slots=True)
class Customer:
    id: str
    first_name: str
    last_name: str
    email: str
    zip: str
    tier: Tier
    payment_methods: tuple[PaymentMethod, ...] = ()
    # The default address future orders ship to; None only where a caller has none.
    address: Address | None = None

    @property
    def gift_cards(self) -> tuple[PaymentMethod, ...]:
        return tuple(method for method in self.payment_methods if method.is_gift_card)

    def payment_method(self, payment_method_id: str) -> PaymentMethod:
        for method in self.payment_methods:
            if method.id == payment_method_id:
                return method
        raise NotFound(f"No payment method {payment_method_id} on this account.")

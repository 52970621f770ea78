"""Small builders for domain objects, with defaults a test overrides only where it matters."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from returndesk.domain import (
    Catalog,
    Customer,
    Order,
    OrderLine,
    OrderStatus,
    PaymentMethod,
    PaymentSource,
    PaymentTransaction,
    Policy,
    Product,
    ReasonCode,
    ReturnItem,
    ReturnRequest,
    Tier,
    TransactionKind,
    Variant,
    load_policy,
)

BUNDLED_POLICY_PATH = Path(__file__).parents[2] / "src" / "returndesk" / "data" / "policy.yaml"
POLICY = load_policy()


def policy_with(edit: Callable[[dict[str, Any]], None]) -> Policy:
    """The bundled policy with `edit` applied to its raw data, as another store would."""
    data = yaml.safe_load(BUNDLED_POLICY_PATH.read_text(encoding="utf-8"))
    edit(data)
    return Policy.model_validate(data)


NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
CUSTOMER_ID = "noah_brown_6181"
CARD = PaymentMethod("credit_card_1", PaymentSource.CREDIT_CARD, "visa", "4242")
PAYPAL = PaymentMethod("paypal_1", PaymentSource.PAYPAL)

SHIRT_ID = "9523456873"
KETTLE_ID = "1075968781"
CHAIR_ID = "4794339885"
BICYCLE_ID = "9783735446"
PHONE_ID = "1801728040"
SPEAKER_ID = "4768869376"
PERFUME_ID = "6858788497"


def money(value: str) -> Decimal:
    return Decimal(value)


def gift_card(balance: str, card_id: str = "gift_card_1") -> PaymentMethod:
    return PaymentMethod(card_id, PaymentSource.GIFT_CARD, balance=Decimal(balance))


def customer(
    tier: Tier = Tier.STANDARD,
    *,
    customer_id: str = CUSTOMER_ID,
    payment_methods: tuple[PaymentMethod, ...] = (CARD, PAYPAL),
) -> Customer:
    return Customer(
        customer_id, "Noah", "Brown", "noah@example.com", "80279", tier, payment_methods
    )


def variant(
    item_id: str, product_id: str, price: str, available: bool = True, **options: str
) -> Variant:
    return Variant(item_id, product_id, options, Decimal(price), available)


SHIRT_VARIANTS = (
    variant("shirt-s-blue", SHIRT_ID, "48.00", size="S", color="blue"),
    variant("shirt-m-blue", SHIRT_ID, "50.00", size="M", color="blue"),
    variant("shirt-l-blue", SHIRT_ID, "52.00", size="L", color="blue"),
    variant("shirt-xl-blue", SHIRT_ID, "53.00", False, size="XL", color="blue"),
    variant("shirt-m-red", SHIRT_ID, "45.00", size="M", color="red"),
)

PRODUCTS = (
    Product(SHIRT_ID, "T-Shirt", "apparel", SHIRT_VARIANTS),
    Product(
        KETTLE_ID,
        "Electric Kettle",
        "kitchen",
        (
            variant("kettle-1l", KETTLE_ID, "60.00", capacity="1L"),
            variant("kettle-2l", KETTLE_ID, "80.00", capacity="2L"),
        ),
    ),
    Product(
        CHAIR_ID,
        "Office Chair",
        "furniture",
        (
            variant("chair-black", CHAIR_ID, "300.00", color="black"),
            variant("chair-grey", CHAIR_ID, "310.00", color="grey"),
        ),
    ),
    Product(
        BICYCLE_ID,
        "Bicycle",
        "sports",
        (
            variant("bike-m", BICYCLE_ID, "900.00", True, **{"frame size": "medium"}),
            variant("bike-l", BICYCLE_ID, "950.00", True, **{"frame size": "large"}),
        ),
    ),
    Product(
        PHONE_ID,
        "Smartphone",
        "electronics",
        (variant("phone-128", PHONE_ID, "700.00", storage="128GB"),),
        activatable=True,
    ),
    Product(
        SPEAKER_ID,
        "Bluetooth Speaker",
        "electronics",
        (
            variant("speaker-red", SPEAKER_ID, "90.00", color="red"),
            variant("speaker-blue", SPEAKER_ID, "95.00", color="blue"),
        ),
    ),
    Product(
        PERFUME_ID,
        "Perfume",
        "beauty",
        (
            variant("perfume-30", PERFUME_ID, "60.00", size="30ml"),
            variant("perfume-50", PERFUME_ID, "80.00", size="50ml"),
        ),
        hygiene_sealed=True,
    ),
)
CATALOG = Catalog.of(PRODUCTS)


def line(
    line_no: int = 1,
    item_id: str = "shirt-m-blue",
    *,
    price: str | None = None,
    final_sale: bool = False,
) -> OrderLine:
    """An order line for a catalogue variant, optionally at another price."""
    found = CATALOG.variant(item_id)
    product = CATALOG.product(found.product_id)
    return OrderLine(
        line_no,
        item_id,
        product.id,
        product.name,
        found.options,
        Decimal(price) if price is not None else found.price,
        final_sale,
    )


def order(
    *lines: OrderLine,
    status: OrderStatus = OrderStatus.DELIVERED,
    delivered_at: datetime | None = None,
    delivered_days_ago: int = 3,
    customer_id: str = CUSTOMER_ID,
    order_id: str = "#W1000001",
    paid_with: str = CARD.id,
) -> Order:
    """An order of `lines` (one shirt by default), delivered a few days before `NOW`."""
    chosen = lines or (line(),)
    if status is OrderStatus.DELIVERED and delivered_at is None:
        delivered_at = NOW - timedelta(days=delivered_days_ago)
    if status is not OrderStatus.DELIVERED:
        delivered_at = None
    amount = sum((item.price for item in chosen), Decimal(0))
    return Order(
        order_id,
        customer_id,
        status,
        NOW - timedelta(days=30),
        chosen,
        delivered_at,
        payments=(PaymentTransaction(TransactionKind.PAYMENT, amount, paid_with),),
    )


def request(
    the_order: Order,
    reasons: Mapping[int, ReasonCode] | ReasonCode = ReasonCode.UNWANTED,
    notes: Mapping[int, str] | None = None,
) -> ReturnRequest:
    """A return of every line of `the_order`, all for one reason or per line."""
    per_line = (
        reasons
        if isinstance(reasons, Mapping)
        else {item.line_no: reasons for item in the_order.lines}
    )
    return ReturnRequest(
        the_order,
        tuple(
            ReturnItem(line_no, reason, (notes or {}).get(line_no))
            for line_no, reason in per_line.items()
        ),
    )

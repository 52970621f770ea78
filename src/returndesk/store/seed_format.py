"""The seed file format (tau-bench retail data plus our overlay), validated file by file.

Each file is a JSON object keyed by id. Validation is strict: a number written as
text, an unknown key or a missing field is refused, with the file and the field
path in the message, e.g. ``orders.json: #W2611340.items[0].price: Input should be
a valid number``. Checks across files live in `returndesk.store.seed_checks`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from returndesk.domain.codes import Tier
from returndesk.domain.customers import PaymentSource
from returndesk.domain.money import to_cents
from returndesk.domain.orders import OrderStatus, TransactionKind
from returndesk.errors import DataError

USERS, ORDERS, PRODUCTS, OVERLAY = "users.json", "orders.json", "products.json", "overlay.json"
SEED_FILES = (USERS, ORDERS, PRODUCTS, OVERLAY)


def demo_data_dir() -> Path:
    """The tau-bench retail demo shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "data" / "demo"


def dollars_to_cents(dollars: float) -> int:
    """Through the shortest decimal text of the number, so 47.84 is 4784 and not 4783."""
    return to_cents(Decimal(str(dollars)))


def _whole_cents(dollars: float) -> float:
    dollars_to_cents(dollars)
    return dollars


# JSON has no decimal type: amounts arrive as floats and become cents exactly, once.
Dollars = Annotated[float, Field(ge=0, allow_inf_nan=False), AfterValidator(_whole_cents)]
# Enums are matched by value; strict mode would demand enum instances.
Lax = Strict(False)


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Address(_Record):
    address1: str
    address2: str
    city: str
    country: str
    state: str
    zip: str


class Name(_Record):
    first_name: str
    last_name: str


class PaymentMethodRecord(_Record):
    id: str
    source: Annotated[PaymentSource, Lax]
    brand: str | None = None
    last_four: Annotated[str | None, Field(pattern=r"^\d{4}$")] = None
    balance: Dollars | None = None

    @model_validator(mode="after")
    def _fields_fit_the_source(self) -> Self:
        card = self.source is PaymentSource.CREDIT_CARD
        if card != (self.brand is not None and self.last_four is not None):
            raise ValueError("brand and last_four belong to credit cards, and only to them")
        if (self.source is PaymentSource.GIFT_CARD) != (self.balance is not None):
            raise ValueError("balance belongs to gift cards, and only to them")
        return self


class UserRecord(_Record):
    name: Name
    address: Address
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+$")]
    payment_methods: dict[str, PaymentMethodRecord]
    # Repeats orders.json's user_id; the loader trusts orders.json.
    orders: list[str] = Field(default_factory=list)


class VariantRecord(_Record):
    item_id: str
    options: dict[str, str]
    available: bool
    price: Dollars


class ProductRecord(_Record):
    product_id: str
    name: str
    variants: dict[str, VariantRecord]


class OrderItemRecord(_Record):
    item_id: str
    product_id: str
    name: str
    options: dict[str, str]
    price: Dollars


class FulfilmentRecord(_Record):
    tracking_id: list[str]
    item_ids: list[str]


class TransactionRecord(_Record):
    transaction_type: Annotated[TransactionKind, Lax]
    amount: Dollars
    payment_method_id: str


class OrderRecord(_Record):
    order_id: str
    user_id: str
    address: Address
    items: Annotated[list[OrderItemRecord], Field(min_length=1)]
    fulfillments: list[FulfilmentRecord]
    status: Annotated[OrderStatus, Lax]
    payment_history: list[TransactionRecord]


class OverlayCustomer(_Record):
    tier: Annotated[Tier, Lax]


class OverlayProduct(_Record):
    name: str
    category: Annotated[str, Field(min_length=1)]
    activatable: bool
    hygiene_sealed: bool


class OverlayOrder(_Record):
    placed_days_ago: Annotated[int, Field(ge=0)]
    delivered_days_ago: Annotated[int | None, Field(ge=0)] = None
    final_sale_item_ids: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _delivered_after_placed(self) -> Self:
        if self.delivered_days_ago is not None and self.delivered_days_ago > self.placed_days_ago:
            raise ValueError("delivered_days_ago is more than placed_days_ago")
        return self


class Overlay(_Record):
    about: str = ""
    customers: dict[str, OverlayCustomer]
    products: dict[str, OverlayProduct]
    orders: dict[str, OverlayOrder]


@dataclass(frozen=True, slots=True)
class SeedData:
    """The four files, each valid on its own; keys are the ids, in file order."""

    users: dict[str, UserRecord]
    orders: dict[str, OrderRecord]
    products: dict[str, ProductRecord]
    overlay: Overlay


_T = TypeVar("_T")


def read_seed_data(source: Path) -> SeedData:
    """Read and validate every file in `source`; the first bad file raises `DataError`."""
    return SeedData(
        users=_read(source, USERS, TypeAdapter(dict[str, UserRecord])),
        orders=_read(source, ORDERS, TypeAdapter(dict[str, OrderRecord])),
        products=_read(source, PRODUCTS, TypeAdapter(dict[str, ProductRecord])),
        overlay=_read(source, OVERLAY, TypeAdapter(Overlay)),
    )


def _read(source: Path, name: str, adapter: TypeAdapter[_T]) -> _T:
    path = source / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(name, "$", f"no such file in {source}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(name, "$", f"cannot be read: {exc}") from exc
    try:
        raw = json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise DataError(name, f"line {exc.lineno} column {exc.colno}", exc.msg) from exc
    except _DuplicateKey as exc:
        raise DataError(name, "$", f"key {exc.key!r} appears twice in one object") from exc
    try:
        return adapter.validate_python(raw)
    except ValidationError as exc:
        raise _data_error(name, exc) from exc


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys; a repeated order id would vanish silently.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _data_error(name: str, error: ValidationError) -> DataError:
    """The first problem, and how many more there are: fixing one at a time is the usual way."""
    problems = error.errors(include_url=False)
    first = problems[0]
    message = first["msg"].removeprefix("Value error, ")
    if len(problems) > 1:
        message += f" (and {len(problems) - 1} more problems in this file)"
    return DataError(name, field_path(first["loc"]), message)


def field_path(loc: tuple[int | str, ...]) -> str:
    """`("#W1", "items", 0, "price")` -> `#W1.items[0].price`; the file itself is `$`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path or "$"

"""The store's returns policy, loaded from a YAML file and validated.

Pydantic stays at this edge: the models below read and check the file, the
rest of the domain only reads their attributes. Every number a store might
change lives in the file; the bundled `returndesk/data/policy.yaml` holds the
demo store's values.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Callable
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from returndesk.domain.codes import Fault, ReasonCode, Resolution, ReturnMethod, Tier
from returndesk.domain.money import parse_money
from returndesk.errors import ConfigurationError

T = TypeVar("T")


def _money(value: Any) -> Decimal:
    try:
        return parse_money(value)
    except TypeError as exc:
        raise ValueError(str(exc)) from exc


def _percent(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError('write percentages as quoted text, e.g. "10"')
    try:
        return Decimal(value)
    except ArithmeticError as exc:
        raise ValueError(f"{value!r} is not a number") from exc


def _clock_time(value: Any) -> time:
    # Unquoted 10:00 is the number 600 to YAML 1.1, so only text is accepted.
    if not isinstance(value, str):
        raise ValueError('write times as quoted text, e.g. "10:00"')
    return time.fromisoformat(value)


Money = Annotated[Decimal, BeforeValidator(_money), Field(ge=0)]
Percent = Annotated[Decimal, BeforeValidator(_percent), Field(ge=0, le=100)]
ClockTime = Annotated[time, BeforeValidator(_clock_time)]
Days = Annotated[int, Field(strict=True, gt=0)]
Sentence = Annotated[str, Field(min_length=1)]
Pattern = re.Pattern[str]
AddressField = Literal["address1", "address2", "city", "state", "zip", "country"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PerTier(_Model, Generic[T]):
    standard: T
    member: T
    vip: T

    def __getitem__(self, tier: Tier) -> T:
        match tier:
            case Tier.STANDARD:
                return self.standard
            case Tier.MEMBER:
                return self.member
            case Tier.VIP:
                return self.vip


class WindowDays(_Model):
    """Days to start a return, counted from the delivery date."""

    default: Days
    electronics: Days
    activatable: Days


class MonthDay(_Model):
    month: int = Field(strict=True, ge=1, le=12)
    day: int = Field(strict=True, ge=1, le=31)

    @model_validator(mode="after")
    def _is_a_real_day(self) -> MonthDay:
        # 2023 is not a leap year, so 29 February is refused: it would vanish most years.
        date(2023, self.month, self.day)
        return self

    def in_year(self, year: int) -> date:
        return date(year, self.month, self.day)


class HolidayRule(_Model):
    """Delivered between `delivered_from` and `delivered_until` (inclusive): returnable
    until `returnable_until` of the following year, when that is later than the window."""

    delivered_from: MonthDay
    delivered_until: MonthDay
    returnable_until: MonthDay


class FinalSaleRule(_Model):
    returnable: bool


class HygieneRule(_Model):
    returnable_when_opened: bool


class ReasonRule(_Model):
    label: Sentence
    fault: Fault
    note_required: bool = False
    examples: tuple[str, ...] = ()


class SizeExchangeOffer(_Model):
    reasons: frozenset[ReasonCode]
    # Option names that describe fit; `screen size` or `kit size` are not a fit.
    size_options: tuple[str, ...] = Field(min_length=1)
    # Ordered sizes, smallest first; lets "too small" offer only larger sizes.
    size_scales: tuple[tuple[str, ...], ...] = ()


class KeepWithDiscountOffer(_Model):
    reasons: frozenset[ReasonCode]
    min_item_price: Money
    percent: PerTier[Percent]


class RetentionOffers(_Model):
    size_exchange: SizeExchangeOffer
    keep_with_discount: KeepWithDiscountOffer


class ExchangeRule(_Model):
    # Reasons (the store's fault) for which the very same variant may replace the item.
    replacement_reasons: frozenset[ReasonCode] = frozenset()


class StoreCreditRule(_Model):
    bonus_percent: Percent
    bonus_cap: Money


class ReturnShippingFee(_Model):
    amount: Money
    tiers: frozenset[Tier]


class PickupFee(_Model):
    amount: Money


class Fees(_Model):
    return_shipping: ReturnShippingFee
    pickup: PickupFee


class KeepItRule(_Model):
    max_item_price: Money


class PickupOnly(_Model):
    categories: frozenset[str] = frozenset()
    product_ids: frozenset[str] = frozenset()


class PickupWindow(_Model):
    start: ClockTime
    end: ClockTime

    @model_validator(mode="after")
    def _starts_before_it_ends(self) -> PickupWindow:
        if self.start >= self.end:
            raise ValueError("start must be before end")
        return self


class Methods(_Model):
    enabled: tuple[ReturnMethod, ...] = Field(min_length=1)
    pickup_only: PickupOnly
    pickup_window: PickupWindow
    carrier: Sentence
    store_drop_off_instructions: Sentence
    qr_drop_off_instructions: Sentence


class ReviewThresholds(_Model):
    item_price_at_least: Money
    return_total_at_least: Money


class Expiry(_Model):
    days_after_approval: Days


class RefundTiming(_Model):
    at_once: Sentence
    after_arrival: Sentence
    without_return: Sentence


class OrderCancellation(_Model):
    reasons: tuple[str, ...] = Field(min_length=1)


class AddressRule(_Model):
    required: frozenset[AddressField] = Field(min_length=1)
    zip_formats: dict[str, Pattern] = Field(default_factory=dict)
    country_names: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    def country(self, written: str) -> str:
        """The store's name of the country written as `written` ("US" → "USA")."""
        wanted = " ".join(written.split()).casefold()
        for name, aliases in self.country_names.items():
            if wanted == name.casefold() or wanted in (alias.casefold() for alias in aliases):
                return name
        return " ".join(written.split())


class OrderChanges(_Model):
    address: AddressRule


class Policy(_Model):
    timezone: str
    windows: PerTier[WindowDays]
    electronics_categories: frozenset[str]
    holiday: HolidayRule
    final_sale: FinalSaleRule
    hygiene: HygieneRule
    reasons: dict[ReasonCode, ReasonRule] = Field(min_length=1)
    retention: RetentionOffers
    resolutions: tuple[Resolution, ...] = Field(min_length=1)
    store_credit: StoreCreditRule
    exchanges: ExchangeRule = ExchangeRule()
    fees: Fees
    keep_it: KeepItRule
    methods: Methods
    review: ReviewThresholds
    expiry: Expiry
    refund_timing: RefundTiming
    order_cancellation: OrderCancellation
    order_changes: OrderChanges

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def _offers_use_customer_fault_reasons(self) -> Policy:
        offers = {
            "retention.size_exchange.reasons": self.retention.size_exchange.reasons,
            "retention.keep_with_discount.reasons": self.retention.keep_with_discount.reasons,
        }
        for where, codes in offers.items():
            for code in sorted(codes):
                rule = self.reasons.get(code)
                if rule is None:
                    raise ValueError(f"{where}: {code} is not listed under reasons")
                if rule.fault is Fault.MERCHANT:
                    raise ValueError(f"{where}: {code} is a merchant-fault reason")
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def reason(self, code: ReasonCode) -> ReasonRule:
        """The rule for `code`; the caller has checked it is offered (`code in reasons`)."""
        return self.reasons[code]


BUNDLED_POLICY = "policy.yaml"


def load_policy(path: Path | None = None) -> Policy:
    """Read and validate a policy file; `None` reads the bundled demo policy.

    Raises `ConfigurationError` naming the file and, for a bad value, the field
    path, e.g. ``policy.yaml: windows.vip.electronics: Input should be a valid integer``.
    """
    if path is None:
        resource = importlib.resources.files("returndesk.data").joinpath(BUNDLED_POLICY)
        name, text = BUNDLED_POLICY, _read(resource.read_text, BUNDLED_POLICY)
    else:
        name, text = str(path), _read(lambda: path.read_text(encoding="utf-8"), str(path))
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigurationError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigurationError(f"{name}: expected a mapping of policy sections")
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        raise ConfigurationError(_describe(name, exc)) from exc


def _read(read: Callable[[], str], name: str) -> str:
    try:
        text = read()
    except FileNotFoundError as exc:
        raise ConfigurationError(f"{name}: policy file not found") from exc
    except OSError as exc:
        raise ConfigurationError(f"{name}: cannot read the policy file: {exc}") from exc
    return text


def _describe(name: str, error: ValidationError) -> str:
    """One line per problem: `file: dotted.field.path: message`."""
    lines = []
    for problem in error.errors(include_url=False):
        where = _field_path(problem["loc"])
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{name}: {where}: {message}" if where else f"{name}: {message}")
    return "\n".join(lines)


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path

"""Changing a pending order (its shipping address, its payment, its items) and the
customer's default address.

Each `plan_*` function checks a change against the policy and returns what
confirming it would write; it raises `NotEligible` (the order or method may not)
or `InvalidRequest` (the shopper's answer is incomplete) with a sentence for the
shopper. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from returndesk.domain.addresses import Address, check_address
from returndesk.domain.catalog import Catalog, Variant
from returndesk.domain.customers import Customer, PaymentMethod
from returndesk.domain.exchanges import exchange_variants, settlement_methods
from returndesk.domain.money import ZERO, format_money, total
from returndesk.domain.orders import Order, OrderLine, OrderStatus
from returndesk.domain.policy import Policy
from returndesk.domain.status_text import refund_timing
from returndesk.errors import InvalidRequest, NotEligible, NotFound


@dataclass(frozen=True, slots=True)
class OrderChangeCheck:
    allowed: bool
    message: str


def check_order_change(order: Order, customer: Customer) -> OrderChangeCheck:
    """Whether `order` may still change, and if not, why and what is possible instead."""
    if order.customer_id != customer.id:
        return OrderChangeCheck(False, "I can't find that order on your account.")
    match order.status:
        case OrderStatus.PENDING:
            return OrderChangeCheck(True, "This order hasn't shipped yet, so it can be changed.")
        case OrderStatus.PENDING_ITEMS_MODIFIED:
            return OrderChangeCheck(
                False,
                "This order's items were already changed, so it can't be changed again; "
                "once it arrives you can return or exchange items.",
            )
        case OrderStatus.PROCESSED:
            return OrderChangeCheck(
                False,
                "This order is packed and about to ship, so it can't be changed any more; "
                "once it arrives you can return or exchange items.",
            )
        case OrderStatus.DELIVERED:
            return OrderChangeCheck(
                False,
                "This order has been delivered, so it can't be changed; "
                "you can return or exchange its items instead.",
            )
        case OrderStatus.CANCELLED:
            return OrderChangeCheck(
                False, "This order is cancelled, so there is nothing to change."
            )


def require_changeable(order: Order, customer: Customer) -> None:
    check = check_order_change(order, customer)
    if not check.allowed:
        raise NotEligible(check.message)


# --- Shipping address and default address ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddressChange:
    order_id: str
    old: Address | None
    new: Address


def plan_address_change(
    order: Order, *, customer: Customer, fields: Mapping[str, str], policy: Policy
) -> AddressChange:
    require_changeable(order, customer)
    new = check_address(fields, policy.order_changes.address)
    if new == order.address:
        raise InvalidRequest(f"The order already ships to {new.one_line()}.")
    return AddressChange(order.id, order.address, new)


@dataclass(frozen=True, slots=True)
class DefaultAddressChange:
    customer_id: str
    old: Address | None
    new: Address
    # Pending orders that ship to the new address too, as the shopper asked.
    orders_following: tuple[str, ...] = ()


def plan_default_address_change(
    customer: Customer,
    *,
    fields: Mapping[str, str],
    policy: Policy,
    orders_following: Iterable[Order] = (),
) -> DefaultAddressChange:
    """The account's new default address; `orders_following` are pending orders the shopper
    wants shipped there too (each must still be changeable)."""
    new = check_address(fields, policy.order_changes.address)
    following = tuple(orders_following)
    for order in following:
        require_changeable(order, customer)
    if new == customer.address and all(order.address == new for order in following):
        raise InvalidRequest(f"Your default address is already {new.one_line()}.")
    return DefaultAddressChange(
        customer.id,
        customer.address,
        new,
        tuple(order.id for order in following if order.address != new),
    )


# --- Payment method ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PaymentChange:
    order_id: str
    old: PaymentMethod
    new: PaymentMethod
    amount: Decimal
    # When the old method gets its money back.
    refund_timing: str


def paying_method(order: Order, customer: Customer) -> PaymentMethod:
    """The one method that pays the order now; an order split over several is refused."""
    paying = [method_id for method_id, net in order.net_paid_by_method().items() if net > ZERO]
    if len(paying) != 1:
        raise NotEligible(
            "This order is paid with more than one method, so its payment can't be moved; "
            "a person can help with that."
        )
    return customer.payment_method(paying[0])


def payment_change_options(order: Order, customer: Customer) -> tuple[PaymentMethod, ...]:
    """The shopper's other methods that could pay the whole order (a gift card must cover it)."""
    current = paying_method(order, customer)
    amount = order.net_paid_by_method()[current.id]
    return tuple(
        method for method in settlement_methods(amount, customer) if method.id != current.id
    )


def plan_payment_change(
    order: Order, *, customer: Customer, payment_method_id: str, policy: Policy
) -> PaymentChange:
    require_changeable(order, customer)
    current = paying_method(order, customer)
    new = customer.payment_method(payment_method_id)
    if new.id == current.id:
        raise InvalidRequest(f"The order is already paid with {current.describe()}.")
    amount = order.net_paid_by_method()[current.id]
    if new.is_gift_card and (new.balance is None or new.balance < amount):
        raise NotEligible(
            f"{new.describe()} doesn't cover the order total of {format_money(amount)}; "
            "choose another method, or keep the current one."
        )
    timing = refund_timing(current, waits_for_items=False, policy=policy)
    return PaymentChange(order.id, current, new, amount, timing)


# --- Items ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemSwitch:
    line: OrderLine
    variant: Variant

    @property
    def difference(self) -> Decimal:
        """What the shopper pays (positive) or gets back (negative) for this line."""
        return self.variant.price - self.line.price


@dataclass(frozen=True, slots=True)
class ItemChange:
    order_id: str
    switches: tuple[ItemSwitch, ...]
    # Who pays or receives the difference; None when it is nothing.
    payment_method: PaymentMethod | None

    @property
    def difference(self) -> Decimal:
        return total(switch.difference for switch in self.switches)


def switch_variants(line: OrderLine, catalog: Catalog) -> tuple[Variant, ...]:
    """What a line may switch to: other available variants of its product, closest first."""
    return exchange_variants(line, catalog)


def plan_item_switches(
    order: Order, *, customer: Customer, choices: Mapping[int, str], catalog: Catalog
) -> tuple[ItemSwitch, ...]:
    """The switches chosen (line number → new item id), each checked against the catalogue."""
    require_changeable(order, customer)
    if not choices:
        raise InvalidRequest("Choose the items you want to change.")
    switches = []
    for line_no, item_id in sorted(choices.items()):
        line = order.line(line_no)
        offered = switch_variants(line, catalog)
        variant = next((v for v in offered if v.item_id == item_id), None)
        if variant is None:
            raise NotEligible(_why_not_offered(line, item_id, catalog, offered))
        switches.append(ItemSwitch(line, variant))
    return tuple(switches)


def _why_not_offered(
    line: OrderLine, item_id: str, catalog: Catalog, offered: tuple[Variant, ...]
) -> str:
    what = "another available option" if offered else "nothing else: no other option is available"
    if item_id == line.item_id:
        return f"That is the {line.name} you already ordered; you can switch it to {what}."
    try:
        wanted = catalog.variant(item_id)
    except NotFound:
        return f"I can't find that item; the {line.name} can be switched to {what}."
    if wanted.product_id != line.product_id:
        return (
            f"An item can only be switched to another option of the same product, "
            f"not to a different product; the {line.name} can be switched to {what}."
        )
    return f"That {line.name} is not available at the moment; you can switch it to {what}."


def plan_item_change(
    order: Order,
    *,
    customer: Customer,
    choices: Mapping[int, str],
    payment_method_id: str | None,
    catalog: Catalog,
) -> ItemChange:
    switches = plan_item_switches(order, customer=customer, choices=choices, catalog=catalog)
    difference = total(switch.difference for switch in switches)
    method = None
    if difference != ZERO:
        if payment_method_id is None:
            raise InvalidRequest("Choose a payment method for the price difference.")
        method = customer.payment_method(payment_method_id)
        if method not in settlement_methods(difference, customer):
            raise NotEligible(
                f"{method.describe()} doesn't cover the difference of "
                f"{format_money(difference)}; choose another method."
            )
    return ItemChange(order.id, switches, method)

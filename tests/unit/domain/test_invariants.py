"""Properties that hold for any order, request and sequence of events."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from returndesk.domain import (
    ACTIVE,
    Actor,
    ExistingReturn,
    OfferKind,
    Order,
    OrderLine,
    Outcome,
    ReasonCode,
    Resolution,
    ReturnItem,
    ReturnMethod,
    ReturnPath,
    ReturnRequest,
    ReturnStatus,
    Tier,
    check_order,
    held_line_nos,
    method_options,
    offered_variants,
    quote_return,
    return_deadline,
    return_options,
    transition,
)
from returndesk.errors import InvalidTransition
from tests.support.domain_factories import (
    CATALOG,
    NOW,
    PHONE_ID,
    POLICY,
    PRODUCTS,
    SHIRT_ID,
    SPEAKER_ID,
    customer,
    line,
    order,
)
from tests.support.lifecycle_tables import KEEP_ITEM, SHIP_BACK

FAST = settings(max_examples=150, deadline=None, database=None)
CENT = Decimal("0.01")
CUSTOMER_CANCELLABLE_BY_HAND = {
    ReturnStatus.REQUESTED,
    ReturnStatus.APPROVED,
    ReturnStatus.NEEDS_REVIEW,
    ReturnStatus.AWAITING_SHIPMENT,
}
ITEM_IDS = sorted(v.item_id for product in PRODUCTS for v in product.variants)
cents = st.integers(min_value=0, max_value=300_000).map(lambda c: Decimal(c).scaleb(-2))


def is_cents(amount: Decimal) -> bool:
    return amount == amount.quantize(CENT)


@st.composite
def orders(draw: st.DrawFn) -> Order:
    item_ids = draw(st.lists(st.sampled_from(ITEM_IDS), min_size=1, max_size=4))
    lines = []
    for number, item_id in enumerate(item_ids, 1):
        template = line(number, item_id)
        price = draw(cents)
        lines.append(
            OrderLine(number, item_id, template.product_id, template.name, template.options, price)
        )
    return order(*lines, delivered_days_ago=draw(st.integers(0, 13)))


@st.composite
def requests(draw: st.DrawFn) -> ReturnRequest:
    the_order = draw(orders())
    line_nos = draw(
        st.lists(st.sampled_from([ln.line_no for ln in the_order.lines]), min_size=1, unique=True)
    )
    items = []
    for line_no in line_nos:
        reason = draw(st.sampled_from(list(ReasonCode)))
        items.append(
            ReturnItem(line_no, reason, "it rattles" if reason is ReasonCode.OTHER else None)
        )
    return ReturnRequest(the_order, tuple(items))


@FAST
@given(the_request=requests(), tier=st.sampled_from(list(Tier)), data=st.data())
def test_every_offered_choice_prices_within_what_was_paid(
    the_request: ReturnRequest, tier: Tier, data: st.DataObject
) -> None:
    shopper = customer(tier)
    offered = return_options(the_request, customer=shopper, catalog=CATALOG, policy=POLICY)
    choices = [option.resolution for option in offered.resolutions]
    if offered.offer is not None and offered.offer.kind is OfferKind.KEEP_WITH_DISCOUNT:
        choices.append(Resolution.KEEP_WITH_DISCOUNT)
    resolution = data.draw(st.sampled_from(choices))
    methods = method_options(
        the_request, resolution=resolution, customer=shopper, catalog=CATALOG, policy=POLICY
    )
    method: ReturnMethod | None = (
        data.draw(st.sampled_from([m.method for m in methods])) if methods else None
    )
    variants = offered_variants(the_request, CATALOG, POLICY)
    exchange_ids = (
        {
            ln.line_no: data.draw(st.sampled_from([v.item_id for v in variants[ln.line_no]]))
            for ln in the_request.lines
        }
        if resolution is Resolution.EXCHANGE
        else None
    )

    quote = quote_return(
        the_request,
        resolution=resolution,
        method=method,
        customer=shopper,
        catalog=CATALOG,
        policy=POLICY,
        exchange_item_ids=exchange_ids,
    )

    paid = sum((ln.price for ln in the_request.lines), Decimal(0))
    assert quote.items_total == paid
    for amount in (quote.refund_amount, quote.fees_total, quote.bonus, quote.exchange_difference):
        assert is_cents(amount), amount
    assert quote.refund_amount >= 0
    assert quote.fees_total >= 0
    assert 0 <= quote.bonus <= Decimal("50.00")
    match resolution:
        case Resolution.REFUND:
            assert quote.refund_amount <= paid
            assert quote.refund_amount + quote.fees_total == paid
            assert quote.fees_total <= Decimal("12.95")  # $5.95 shipping + $7.00 pickup
        case Resolution.KEEP_WITH_DISCOUNT:
            assert quote.refund_amount <= paid * Decimal("0.15") + Decimal("0.005")
            assert quote.shipped_line_nos == frozenset()
        case Resolution.STORE_CREDIT:
            assert quote.refund_amount == paid + quote.bonus
            assert quote.fees == ()
        case Resolution.EXCHANGE:
            assert quote.refund_amount == 0
            assert quote.fees == ()
    every_line = {item.line_no for item in the_request.items}
    assert quote.kept_line_nos | quote.shipped_line_nos == every_line
    assert not quote.kept_line_nos & quote.shipped_line_nos
    assert (method is None) is (not quote.shipped_line_nos)


@FAST
@given(first=orders(), data=st.data())
def test_a_line_is_never_in_two_active_returns(first: Order, data: st.DataObject) -> None:
    # A second order reuses the same line numbers; its returns must not block the first's.
    second = Order(
        "#W2000002",
        first.customer_id,
        first.status,
        first.placed_at,
        first.lines,
        first.delivered_at,
        payments=first.payments,
    )
    returns: list[ExistingReturn] = []
    shopper = customer()
    unopened = {ln.line_no: False for ln in first.lines}

    for step in range(data.draw(st.integers(1, 15), label="steps")):
        if not returns or data.draw(st.booleans(), label="create"):
            the_order = data.draw(st.sampled_from([first, second]), label="order")
            held = held_line_nos(returns, the_order.id)
            results = check_order(
                the_order,
                customer=shopper,
                catalog=CATALOG,
                policy=POLICY,
                now=NOW,
                held_line_nos=held,
                seal_answers=unopened,
            )
            for result in results:
                # Every line is delivered within its window and not final sale: only a hold refuses.
                expected = Outcome.ALREADY_IN_RETURN if result.line_no in held else Outcome.ELIGIBLE
                assert result.outcome is expected
            wanted = data.draw(st.sets(st.sampled_from([r.line_no for r in results]), min_size=1))
            if all(r.eligible for r in results if r.line_no in wanted):
                returns.append(
                    ExistingReturn(
                        f"R-{step:08d}", the_order.id, ReturnStatus.REQUESTED, frozenset(wanted)
                    )
                )
        else:
            index = data.draw(st.integers(0, len(returns) - 1), label="return")
            chosen = returns[index]
            target = data.draw(st.sampled_from(list(ReturnStatus)), label="target")
            try:
                transition(chosen.status, target, Actor.STAFF, NOW)
            except InvalidTransition:
                continue
            returns[index] = ExistingReturn(chosen.rma, chosen.order_id, target, chosen.line_nos)

        for order_id in (first.id, second.id):
            held_lines = Counter(
                line_no
                for existing in returns
                if existing.order_id == order_id and existing.status in ACTIVE
                for line_no in existing.line_nos
            )
            assert all(count == 1 for count in held_lines.values()), held_lines


def allowed_by_hand(
    path: ReturnPath, current: ReturnStatus, target: ReturnStatus, actor: Actor
) -> bool:
    table = SHIP_BACK if path is ReturnPath.SHIP_BACK else KEEP_ITEM
    if target not in table.get(current, set()):
        return False
    if actor is Actor.CUSTOMER:
        return target is ReturnStatus.CANCELLED and current in CUSTOMER_CANCELLABLE_BY_HAND
    if actor is Actor.SYSTEM:
        return not (
            current is ReturnStatus.NEEDS_REVIEW
            and target in {ReturnStatus.APPROVED, ReturnStatus.REJECTED}
        )
    return True


@settings(max_examples=300, deadline=None, database=None)
@given(path=st.sampled_from(list(ReturnPath)), data=st.data())
def test_random_walks_never_take_a_forbidden_step(path: ReturnPath, data: st.DataObject) -> None:
    table = SHIP_BACK if path is ReturnPath.SHIP_BACK else KEEP_ITEM
    current = ReturnStatus.REQUESTED
    for _ in range(data.draw(st.integers(1, 25), label="steps")):
        nearby = sorted(table.get(current, set()))
        candidates = st.sampled_from(list(ReturnStatus))
        target = data.draw(
            st.one_of(st.sampled_from(nearby), candidates) if nearby else candidates,
            label="target",
        )
        actor = data.draw(st.sampled_from(list(Actor)), label="actor")
        allowed = allowed_by_hand(path, current, target, actor)
        try:
            event = transition(current, target, actor, NOW, path=path)
        except InvalidTransition:
            assert not allowed, (current, target, actor)
            continue
        assert allowed, (current, target, actor)
        assert (event.from_status, event.to_status, event.actor) == (current, target, actor)
        current = target


WINDOW_DAYS_BY_HAND = {
    (Tier.STANDARD, "default"): 30,
    (Tier.STANDARD, "electronics"): 15,
    (Tier.MEMBER, "default"): 45,
    (Tier.MEMBER, "electronics"): 15,
    (Tier.VIP, "default"): 60,
    (Tier.VIP, "electronics"): 30,
}
KIND_OF_PRODUCT = {SHIRT_ID: "default", SPEAKER_ID: "electronics", PHONE_ID: "activatable"}


@FAST
@given(
    delivered_at=st.datetimes(
        min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
    ),
    tier=st.sampled_from(list(Tier)),
    product_id=st.sampled_from(sorted(KIND_OF_PRODUCT)),
)
def test_the_deadline_is_the_window_or_31_january_for_holiday_deliveries(
    delivered_at: datetime, tier: Tier, product_id: str
) -> None:
    kind = KIND_OF_PRODUCT[product_id]
    days = 14 if kind == "activatable" else WINDOW_DAYS_BY_HAND[(tier, kind)]
    window_end = delivered_at.date() + timedelta(days=days)

    deadline = return_deadline(delivered_at, tier, CATALOG.product(product_id), POLICY)

    if delivered_at.month in (11, 12):
        assert deadline == max(window_end, date(delivered_at.year + 1, 1, 31))
    else:
        assert deadline == window_end

"""A realistic past for the demo store, built as rows: customers of its own who ordered,
returned, exchanged and cancelled over the last 90 days, and the conversations that did it.

`returndesk seed demo` loads it after the tau-bench data (`--no-history` skips it),
so the staff console's queue and dashboard mean something on the first run. It is
seeded and deterministic: the same `now`, seed, catalogue and taken ids give the same
rows. It belongs to customers and orders it makes itself (emails at `example.net`): the
tau-bench customers and orders keep exactly the state their data gives them.

The amounts follow the policy's rules in outline (the return-shipping and pickup
fees, the store-credit bonus, the keep-it discount, review thresholds); the returns
move along the lifecycle as far as their age allows, with the times each move was
made. Conversations are short transcripts with the turn log analytics read
(verification, the retention offer and its answer), and some end with a hand-off.

Nothing here knows a database: the rows are plain dictionaries keyed by the names of the
SQL tables that hold them (money in integer cents, times as aware datetimes, JSON columns
as dicts), and each backend writes them its own way.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    InferenceOptions,
    ThreadItem,
    ThreadMetadata,
    UserMessageItem,
    UserMessageTextContent,
)

from returndesk.domain import (
    Fault,
    Policy,
    ReasonCode,
    Resolution,
    ReturnMethod,
    ReturnStatus,
    Tier,
    arrange_shipment,
    new_rma,
    round_cents,
    shipment_to_dict,
    to_cents,
)
from returndesk.domain.dates import require_aware
from returndesk.domain.handoffs import HandoffStatus
from returndesk.store.port.seeding import HISTORY_DAYS, HistoryCounts

Row = dict[str, Any]

# The kinds of row the history makes, named as the SQL tables that hold them; the rows'
# keys are those tables' columns.
CUSTOMERS = "customers"
PAYMENT_METHODS = "payment_methods"
ORDERS = "orders"
ORDER_LINES = "order_lines"
PAYMENTS = "payment_transactions"
FULFILMENTS = "fulfilments"
RETURNS = "returns"
RETURN_LINES = "return_lines"
RETURN_EVENTS = "return_events"
THREADS = "chatkit_threads"
THREAD_ITEMS = "chatkit_items"
CONVERSATION_STATES = "conversation_states"
CONVERSATION_EVENTS = "conversation_events"
HANDOFFS = "handoffs"

HISTORY_SEED = 20_261_204
HISTORY_CUSTOMERS = 3000
# Every history customer's email is at this domain, and no tau-bench customer's is.
EMAIL_DOMAIN = "example.net"

# Names read best as words, not as a list of quoted strings.
FIRST_NAMES = (  # noqa: SIM905
    "Ada Ali Amara Ana Arjun Ben Bianca Carlos Chen Chloe Dana Diego Elif Elena Emeka Eva "
    "Farah Felix Gia Hana Hugo Ines Ivan Jade Jonas Kai Kenji Lara Leo Lina Luca Maya "
    "Milo Nadia Nico Nora Omar Paula Priya Quinn Rosa Ruben Sara Sven Tara Theo Uma Vera "
    "Wes Yara Zoe"
).split()
LAST_NAMES = (  # noqa: SIM905
    "Abbott Baker Banerjee Castro Dalton Dubois Eriksen Fischer Fontaine Garza Haddad "
    "Holm Ito Jansen Kaur Keller Larsen Mendes Moreau Nakamura Novak Okafor Ortega Park "
    "Quinn Reyes Rossi Sato Schmidt Silva Sokolov Tanaka Torres Ueda Varga Weber Wolfe "
    "Yilmaz Zhou Zimmer"
).split()
_PLACES = (
    ("Austin", "TX", "78701"),
    ("Denver", "CO", "80202"),
    ("Portland", "OR", "97205"),
    ("Chicago", "IL", "60601"),
    ("Boston", "MA", "02108"),
    ("Seattle", "WA", "98101"),
    ("Atlanta", "GA", "30303"),
    ("Phoenix", "AZ", "85004"),
    ("Columbus", "OH", "43215"),
    ("San Diego", "CA", "92101"),
)
_STREETS = ("Maple Ave", "Oak St", "Pine Rd", "Cedar Ln", "Elm St", "Lake Dr", "Hill Rd")

# How often shoppers give each reason, out of 100.
_REASON_WEIGHTS = {
    ReasonCode.SIZE_TOO_SMALL: 17,
    ReasonCode.SIZE_TOO_LARGE: 13,
    ReasonCode.STYLE: 9,
    ReasonCode.COLOR: 6,
    ReasonCode.UNWANTED: 15,
    ReasonCode.DEFECTIVE: 12,
    ReasonCode.DAMAGED: 8,
    ReasonCode.WRONG_ITEM: 6,
    ReasonCode.NOT_AS_DESCRIBED: 9,
    ReasonCode.OTHER: 5,
}
_METHOD_WEIGHTS = {
    ReturnMethod.PREPAID_LABEL: 45,
    ReturnMethod.QR_DROP_OFF: 25,
    ReturnMethod.STORE_DROP_OFF: 20,
    ReturnMethod.SCHEDULE_PICKUP: 10,
}
_OFFER_STEP = ("return", "offer")
_HANDOFF_SUMMARIES = (
    "The shopper asks about a missing refund.",
    "The shopper wants to return an item bought in a store.",
    "The shopper asks to speak to a person about a damaged delivery.",
    "The shopper's package shows delivered but did not arrive.",
)
_CLOSE_NOTES = (
    "Answered in the chat.",
    "Refund traced and confirmed by email.",
    "Replacement sent; no return needed.",
    "Carrier claim opened.",
)
# Hand-offs younger than this are still waiting in the demo inbox.
HANDOFFS_WAITING = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class Variant:
    """A catalogue variant the history's orders can hold."""

    item_id: str
    product_id: str
    name: str
    options: dict[str, Any]
    price_cents: int


@dataclass(slots=True)
class HistoryRows:
    """What the history writes, table by table, in an order that satisfies the foreign
    keys (a table's first row comes after the first rows of the tables it refers to)."""

    by_table: dict[str, list[Row]] = field(default_factory=dict)
    # Orders made cancelled; they are rows of `orders` like the others.
    cancellations: int = 0

    def add(self, table: str, **values: Any) -> None:
        self.by_table.setdefault(table, []).append(values)

    def rows(self, table: str) -> list[Row]:
        return self.by_table.get(table, [])

    def count(self, table: str) -> int:
        return len(self.rows(table))

    def counts(self) -> HistoryCounts:
        return HistoryCounts(
            customers=self.count(CUSTOMERS),
            orders=self.count(ORDERS),
            returns=self.count(RETURNS),
            cancellations=self.cancellations,
            conversations=self.count(THREADS),
            handoffs=self.count(HANDOFFS),
        )


def build_history(
    rng: random.Random,
    now: datetime,
    policy: Policy,
    variants: Sequence[Variant],
    taken_orders: Iterable[str],
    taken_customers: Iterable[str],
) -> HistoryRows:
    """The past 90 days before `now` on `variants` (in the order given, which the result
    depends on), with order and customer ids clear of the `taken` ones."""
    require_aware(now, "now")
    builder = HistoryBuilder(rng, now, policy, variants, set(taken_orders), set(taken_customers))
    return builder.build()


class HistoryBuilder:
    """Draws the past from `rng`, once: `build` returns its rows. The `taken` sets are the
    ids already in the store, and grow with the ones it makes."""

    def __init__(
        self,
        rng: random.Random,
        now: datetime,
        policy: Policy,
        variants: Sequence[Variant],
        taken_orders: set[str],
        taken_customers: set[str],
    ) -> None:
        self.rng = rng
        self.now = now
        self.policy = policy
        self.variants = variants
        self.taken_orders = taken_orders
        self.taken_customers = taken_customers
        self.rows = HistoryRows()
        self.rmas: set[str] = set()
        self.people: list[_Person] = []

    # --- ids -----------------------------------------------------------------------------

    def _hex(self, length: int) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(length))

    def _order_id(self) -> str:
        while True:
            order_id = f"#W{self.rng.randrange(1_000_000, 10_000_000)}"
            if order_id not in self.taken_orders:
                self.taken_orders.add(order_id)
                return order_id

    def _rma(self) -> str:
        while True:
            rma = new_rma(self.rng)
            if rma not in self.rmas:
                self.rmas.add(rma)
                return rma

    def _ago(self, days_from: float, days_to: float) -> datetime:
        return self.now - timedelta(days=self.rng.uniform(days_from, days_to))

    # --- the whole past ------------------------------------------------------------------

    def build(self) -> HistoryRows:
        for index in range(HISTORY_CUSTOMERS):
            self._customer(index)
        for _ in range(HISTORY_CUSTOMERS // 3):
            self._question_only()
        return self.rows

    def _customer(self, index: int) -> None:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        customer_id = f"{first.lower()}_{last.lower()}_{rng.randrange(1000, 10000)}"
        while customer_id in self.taken_customers:
            customer_id = f"{first.lower()}_{last.lower()}_{rng.randrange(1000, 10000)}"
        self.taken_customers.add(customer_id)
        city, state, zip_code = rng.choice(_PLACES)
        address = {
            "address1": f"{rng.randrange(10, 9999)} {rng.choice(_STREETS)}",
            "address2": "",
            "city": city,
            "state": state,
            "country": "USA",
            "zip": zip_code,
        }
        tier = rng.choices(list(Tier), [70, 22, 8])[0]
        self.rows.add(
            CUSTOMERS,
            id=customer_id,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}.{last.lower()}{index}@{EMAIL_DOMAIN}",
            tier=tier.value,
            **address,
        )
        card = f"credit_card_{customer_id}"
        self.rows.add(
            PAYMENT_METHODS,
            id=card,
            customer_id=customer_id,
            source="credit_card",
            brand=rng.choice(("visa", "mastercard", "amex")),
            last_four=f"{rng.randrange(0, 10000):04d}",
            balance_cents=None,
        )
        person = _Person(customer_id, first, tier, card, address)
        self.people.append(person)
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            self._order(person)

    def _order(self, person: _Person) -> None:
        rng = self.rng
        order_id = self._order_id()
        placed = self._ago(2, HISTORY_DAYS + 25)
        lines = [rng.choice(self.variants) for _ in range(rng.choice((1, 1, 2, 3)))]
        age = (self.now - placed).days
        status, delivered, cancelled = "delivered", None, None
        if rng.random() < 0.08 and age > 1:
            status = "cancelled"
            cancelled = placed + timedelta(hours=rng.uniform(1, 30))
        elif age < 4:
            status = rng.choice(("pending", "processed"))
        else:
            delivered = placed + timedelta(days=rng.uniform(2, 4))
        self.rows.add(
            ORDERS,
            id=order_id,
            customer_id=person.customer_id,
            status=status,
            address=person.address,
            placed_at=placed,
            delivered_at=delivered,
            cancelled_at=cancelled,
            cancel_reason=None
            if cancelled is None
            else rng.choice(("no longer needed", "ordered by mistake")),
        )
        for line_no, variant in enumerate(lines):
            self.rows.add(
                ORDER_LINES,
                order_id=order_id,
                line_no=line_no,
                item_id=variant.item_id,
                product_id=variant.product_id,
                name=variant.name,
                options=variant.options,
                price_cents=variant.price_cents,
                final_sale=False,
            )
        total = sum(variant.price_cents for variant in lines)
        self.rows.add(
            PAYMENTS,
            order_id=order_id,
            seq=0,
            kind="payment",
            amount_cents=total,
            payment_method_id=person.card,
            created_at=placed,
        )
        if status in ("delivered", "processed"):
            self.rows.add(
                FULFILMENTS,
                order_id=order_id,
                tracking_ids=[f"{rng.randrange(10**11, 10**12)}"],
                item_ids=[variant.item_id for variant in lines],
            )
        if cancelled is not None:
            self.rows.cancellations += 1
            if cancelled > self.now - timedelta(days=HISTORY_DAYS):
                self._conversation(
                    person,
                    cancelled,
                    "confirm",
                    "Please cancel my order",
                    title=f"Cancel order {order_id}",
                    closing=f"Order {order_id} is cancelled.",
                )
        if delivered is not None and rng.random() < 0.62:
            created = delivered + timedelta(days=rng.uniform(0.5, 21))
            if self.now - timedelta(days=HISTORY_DAYS) < created < self.now:
                self._return(person, order_id, lines, created)

    # --- a return ------------------------------------------------------------------------

    def _return(
        self, person: _Person, order_id: str, lines: Sequence[Variant], created: datetime
    ) -> None:
        rng, policy = self.rng, self.policy
        returned = list(enumerate(lines))[: rng.choice((1, 1, 1, 2))]
        reason = rng.choices(list(_REASON_WEIGHTS), list(_REASON_WEIGHTS.values()))[0]
        fault = policy.reasons[reason].fault
        total = sum(variant.price_cents for _, variant in returned)
        offer = None
        if fault is Fault.CUSTOMER:
            if reason in policy.retention.size_exchange.reasons:
                offer = "size_exchange"
            elif reason in policy.retention.keep_with_discount.reasons and total >= to_cents(
                policy.retention.keep_with_discount.min_item_price
            ):
                offer = "keep_with_discount"
        accepted = offer is not None and rng.random() < 0.3
        if accepted:
            resolution = (
                Resolution.EXCHANGE if offer == "size_exchange" else Resolution.KEEP_WITH_DISCOUNT
            )
        elif fault is Fault.MERCHANT and rng.random() < 0.3:
            resolution = Resolution.EXCHANGE
        else:
            resolution = rng.choices(
                (Resolution.REFUND, Resolution.STORE_CREDIT, Resolution.EXCHANGE), (60, 25, 15)
            )[0]
        keep = resolution is Resolution.KEEP_WITH_DISCOUNT
        method = (
            None if keep else rng.choices(list(_METHOD_WEIGHTS), list(_METHOD_WEIGHTS.values()))[0]
        )
        fees = 0
        if fault is Fault.CUSTOMER and method is not None and resolution is not Resolution.EXCHANGE:
            if method is ReturnMethod.SCHEDULE_PICKUP:
                fees = to_cents(policy.fees.pickup.amount)
            elif person.tier in policy.fees.return_shipping.tiers and method in (
                ReturnMethod.PREPAID_LABEL,
                ReturnMethod.QR_DROP_OFF,
            ):
                fees = to_cents(policy.fees.return_shipping.amount)
        bonus = 0
        if resolution is Resolution.STORE_CREDIT:
            rule = policy.store_credit
            bonus = min(
                to_cents(round_cents(Decimal(total) / 100 * rule.bonus_percent / 100)),
                to_cents(rule.bonus_cap),
            )
        match resolution:
            case Resolution.EXCHANGE:
                refund = 0
            case Resolution.KEEP_WITH_DISCOUNT:
                percent = policy.retention.keep_with_discount.percent[person.tier]
                refund = to_cents(round_cents(Decimal(total) / 100 * percent / 100))
            case _:
                refund = total - fees + bonus
        review = total >= to_cents(policy.review.return_total_at_least) or any(
            variant.price_cents >= to_cents(policy.review.item_price_at_least)
            for _, variant in returned
        )
        rma = self._rma()
        thread_id = self._conversation(
            person,
            created - timedelta(minutes=rng.uniform(2, 9)),
            "confirm",
            f"I'd like to return my {returned[0][1].name}",
            title=f"Return: {returned[0][1].name}",
            closing=f"Your return {rma} is confirmed.",
            offer=offer,
            accepted=accepted,
        )
        events = self._lifecycle(created, review=review, keep=keep, resolution=resolution)
        status = events[-1][1]
        note = "It stopped working after a week." if reason is ReasonCode.OTHER else None
        self.rows.add(
            RETURNS,
            rma=rma,
            idempotency_key=f"history-{rma}",
            customer_id=person.customer_id,
            order_id=order_id,
            thread_id=thread_id,
            status=status.value,
            reason_code=reason.value,
            reason_note=note,
            resolution=resolution.value,
            refund_payment_method_id=person.card if resolution is not Resolution.EXCHANGE else None,
            method=None if method is None else method.value,
            items_total_cents=total,
            fees_cents=fees,
            bonus_cents=bonus,
            refund_amount_cents=refund,
            exchange_difference_cents=0,
            exchange_payment_method_id=None,
            keep_item=keep,
            shipment=self._shipment(method, rma, events),
            created_at=created,
            updated_at=events[-1][2],
        )
        active = status is not ReturnStatus.CANCELLED
        for line_no, variant in returned:
            self.rows.add(
                RETURN_LINES,
                rma=rma,
                order_id=order_id,
                line_no=line_no,
                item_id=variant.item_id,
                product_id=variant.product_id,
                price_cents=variant.price_cents,
                reason_code=reason.value,
                reason_note=note,
                exchange_item_id=variant.item_id if resolution is Resolution.EXCHANGE else None,
                active=active,
            )
        previous: ReturnStatus | None = None
        for actor, to, at, event_note in events:
            self.rows.add(
                RETURN_EVENTS,
                rma=rma,
                at=at,
                actor=actor,
                from_status=None if previous is None else previous.value,
                to_status=to.value,
                note=event_note,
                staff_member_id=None,
            )
            previous = to

    def _shipment(
        self,
        method: ReturnMethod | None,
        rma: str,
        events: Sequence[tuple[str, ReturnStatus, datetime, str | None]],
    ) -> dict[str, Any] | None:
        """The documents issued when the return was cleared to ship, if it was."""
        issued = next((at for _, to, at, _ in events if to is ReturnStatus.AWAITING_SHIPMENT), None)
        if method is None or issued is None:
            return None
        shipment = arrange_shipment(method, rma=rma, now=issued, policy=self.policy, rng=self.rng)
        return shipment_to_dict(shipment)

    def _lifecycle(
        self, created: datetime, *, review: bool, keep: bool, resolution: Resolution
    ) -> list[tuple[str, ReturnStatus, datetime, str | None]]:
        """The moves made by now: (actor, status, when, note), the first being the request."""
        rng, now = self.rng, self.now
        S = ReturnStatus
        moves: list[tuple[str, ReturnStatus, datetime, str | None]] = [
            ("customer", S.REQUESTED, created, None)
        ]
        at = created

        def then(actor: str, status: ReturnStatus, days: float, note: str | None = None) -> bool:
            nonlocal at
            when = at + timedelta(days=days)
            if when > now:
                return False
            at = when
            moves.append((actor, status, when, note))
            return True

        if review:
            moves.append(("system", S.NEEDS_REVIEW, created, None))
            # A person decides within days: the latest wait in the review queue.
            if not then("staff", S.APPROVED, rng.uniform(0.5, 6)):
                return moves
            if rng.random() < 0.12:
                moves[-1] = ("staff", S.REJECTED, at, "The item shows wear beyond normal use.")
                return moves
        else:
            moves.append(("system", S.APPROVED, created, None))
        settled = S.EXCHANGED if resolution is Resolution.EXCHANGE else S.REFUNDED
        if keep:
            moves.append(("system", settled, at, None))
            then("system", S.CLOSED, rng.uniform(5, 10))
            return moves
        moves.append(("system", S.AWAITING_SHIPMENT, at, None))
        fate = rng.random()
        if fate < 0.05:
            then("customer", S.CANCELLED, rng.uniform(0.1, 2))
            return moves
        if fate < 0.09:
            then("system", S.EXPIRED, float(self.policy.expiry.days_after_approval))
            return moves
        if not then("system", S.IN_TRANSIT, rng.uniform(0.5, 5)):
            return moves
        if not then("staff", S.RECEIVED, rng.uniform(1, 4)):
            return moves
        if not then("system", settled, rng.uniform(0.1, 2)):
            return moves
        then("system", S.CLOSED, rng.uniform(5, 12))
        return moves

    # --- conversations -------------------------------------------------------------------

    def _question_only(self) -> None:
        """Someone asks where an order is: some never manage to verify, and some of those
        ask for a person."""
        rng = self.rng
        started = self._ago(0, HISTORY_DAYS)
        if rng.random() < 0.35:
            owner = f"history-visitor-{self._hex(16)}"
            thread_id = f"thr_{self._hex(24)}"
            self._thread(thread_id, owner, started, "Where is my order?", "Where is my order?")
            for attempt in range(rng.choice((1, 2, 3))):
                at = started + timedelta(minutes=attempt)
                self._log(thread_id, at, None, "verify", "verify", "verify")
            if rng.random() < 0.25:
                self._handoff(thread_id, None, started + timedelta(minutes=4))
            return
        person = rng.choice(self.people)
        self._conversation(person, started, "ask_status", "Where is my order?", title="Status")

    def _conversation(
        self,
        person: _Person,
        started: datetime,
        final_event: str,
        opening: str,
        *,
        title: str,
        closing: str | None = None,
        offer: str | None = None,
        accepted: bool = False,
    ) -> str:
        """A verified shopper's conversation ending in `final_event`; its thread id."""
        rng = self.rng
        owner = f"history-visitor-{self._hex(16)}"
        thread_id = f"thr_{self._hex(24)}"
        self._thread(thread_id, owner, started, title, opening, person.first_name, closing)
        self.rows.add(
            CONVERSATION_STATES,
            thread_id=thread_id,
            owner_id=owner,
            customer_id=person.customer_id,
            version=1,
            data={"flow": "menu", "customer_id": person.customer_id, "token": self._hex(16)},
            updated_at=started,
        )
        minute = timedelta(minutes=1)
        if rng.random() < 0.08:
            self._log(thread_id, started, None, "verify", "verify", "verify")
        self._log(thread_id, started + minute, person.customer_id, "verify", "menu", "menu")
        if offer is not None:
            customer = person.customer_id
            self._log(thread_id, started + 2 * minute, customer, "give_reason", *_OFFER_STEP)
            self._log(
                thread_id,
                started + 3 * minute,
                person.customer_id,
                "answer_offer",
                "return",
                "resolution",
                {"accept": accepted},
            )
        self._log(thread_id, started + 4 * minute, person.customer_id, final_event, "menu", "menu")
        if rng.random() < 0.05:
            self._handoff(thread_id, person.customer_id, started + 5 * minute)
        return thread_id

    def _thread(
        self,
        thread_id: str,
        owner: str,
        started: datetime,
        title: str,
        opening: str,
        first_name: str | None = None,
        closing: str | None = None,
    ) -> None:
        metadata = ThreadMetadata(id=thread_id, title=title, created_at=started)
        self.rows.add(
            THREADS,
            id=thread_id,
            owner_id=owner,
            created_at=started,
            updated_at=started + timedelta(minutes=5),
            title=title,
            data=metadata.model_dump_json(by_alias=True, exclude={"items"}),
        )
        items: list[ThreadItem] = [
            UserMessageItem(
                id=f"msg_{self._hex(24)}",
                thread_id=thread_id,
                created_at=started,
                content=[UserMessageTextContent(text=opening)],
                attachments=[],
                inference_options=InferenceOptions(),
            )
        ]
        said = ["Before I can look anything up, please tell me your email."]
        if first_name is not None:
            said.append(f"Thanks, {first_name}, you're verified.")
        if closing is not None:
            said.append(closing)
        for offset, text in enumerate(said, start=1):
            items.append(
                AssistantMessageItem(
                    id=f"msg_{self._hex(24)}",
                    thread_id=thread_id,
                    created_at=started + timedelta(seconds=offset * 40),
                    content=[AssistantMessageContent(text=text)],
                )
            )
        for item in items:
            self.rows.add(
                THREAD_ITEMS,
                id=item.id,
                thread_id=thread_id,
                owner_id=owner,
                type=item.type,
                created_at=item.created_at,
                data=item.model_dump_json(by_alias=True),
            )

    def _log(
        self,
        thread_id: str,
        at: datetime,
        customer_id: str | None,
        event: str,
        flow: str,
        step: str,
        answers: dict[str, bool] | None = None,
    ) -> None:
        self.rows.add(
            CONVERSATION_EVENTS,
            thread_id=thread_id,
            at=min(at, self.now),
            customer_id=customer_id or None,
            event=event,
            flow=flow,
            step=step,
            answers=answers or {},
        )

    def _handoff(self, thread_id: str, customer_id: str | None, at: datetime) -> None:
        at = min(at, self.now)
        # The team dealt with all but the last days' requests; those wait in the inbox.
        over = at < self.now - HANDOFFS_WAITING
        self.rows.add(
            HANDOFFS,
            thread_id=thread_id,
            customer_id=customer_id,
            summary=self.rng.choice(_HANDOFF_SUMMARIES),
            created_at=at,
            status=HandoffStatus.CLOSED.value if over else HandoffStatus.OPEN.value,
            closed_at=at + timedelta(minutes=self.rng.randint(5, 240)) if over else None,
            close_note=self.rng.choice(_CLOSE_NOTES) if over else None,
        )


@dataclass(frozen=True, slots=True)
class _Person:
    customer_id: str
    first_name: str
    tier: Tier
    card: str
    address: dict[str, str]

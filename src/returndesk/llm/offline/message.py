"""A shopper's message read against the conversation: every fact it may state, each worked out
only when a rule first asks for it (most messages need two or three)."""

from __future__ import annotations

from functools import cached_property

from returndesk.domain.codes import ReturnMethod
from returndesk.llm.offline.addresses import find_address
from returndesk.llm.offline.choices import (
    PaymentPick,
    ResolutionFinding,
    credit_destination,
    find_method,
    find_resolution,
    offer_answer,
    opened,
    pick_payment,
    seal_answer,
    yes_or_no,
)
from returndesk.llm.offline.context import Context, ItemOption, Step
from returndesk.llm.offline.identity import Identity, find_identity
from returndesk.llm.offline.items import ItemPick, context_words, option_words, pick_items
from returndesk.llm.offline.normalize import Text, normalize
from returndesk.llm.offline.products import ProductMention, find_product
from returndesk.llm.offline.reasons import ReasonFinding, find_cancel_reason, find_reason
from returndesk.llm.offline.references import near_order_id, order_ids, rmas
from returndesk.llm.offline.variants import VariantPick, exchange_target, pick_variant

# Steps where a reason is being talked about, so sizes and colours describe the problem.
_REASON_STEPS = frozenset({Step.REASON, Step.REASON_NOTE, Step.HYGIENE})
# Steps where the flow knows which line is being exchanged.
_EXCHANGE_STEPS = frozenset({Step.OFFER, Step.RESOLUTION, Step.EXCHANGE_VARIANT})


class Message:
    def __init__(self, raw: str, context: Context) -> None:
        self.context = context
        self.step = context.known_step
        words = context_words((*context.items, *context.changeable_items)).union(
            *(option_words(tuple(v.options.values())) for v in context.variants)
        )
        self.text: Text = normalize(raw, words)

    @property
    def empty(self) -> bool:
        return not any(word.isalnum() or word == "?" for word in self.text.words) and not any(
            ch.isalnum() for ch in self.text.raw
        )

    @cached_property
    def identity(self) -> Identity:
        return find_identity(self.text.raw, expecting=self.context.awaits_identity)

    @cached_property
    def order_ids(self) -> tuple[str, ...]:
        return order_ids(self.text)

    @cached_property
    def near_order_id(self) -> str | None:
        return near_order_id(self.text, self.context.orders)

    @cached_property
    def address(self) -> dict[str, str]:
        """The postal address fields the message gives, if it gives one."""
        return find_address(self.text.raw)

    @cached_property
    def product(self) -> ProductMention | None:
        """The catalogue's product the message names, or the words of one it lacks."""
        return find_product(self.text, self.context.products)

    @cached_property
    def rmas(self) -> tuple[str, ...]:
        return rmas(self.text)

    @cached_property
    def items(self) -> ItemPick:
        context = self.context
        candidates = context.items
        if self.order_ids:
            in_order = tuple(i for i in candidates if i.order_id in self.order_ids)
            candidates = in_order or candidates
        if self.step in _REASON_STEPS:
            return pick_items(self.text, context.chosen() or candidates, strict=True)
        if self.step is Step.CHOOSE_ITEMS:
            named = tuple(i for i in candidates if i.order_id == context.order_id)
            if named and not self.order_ids:
                # The order named earlier is the one meant, unless nothing in it fits.
                pick = pick_items(self.text, named, chosen=context.chosen_items, numbers=True)
                if pick.refs and pick.question is None:
                    return pick
            return pick_items(self.text, candidates, chosen=context.chosen_items, numbers=True)
        return pick_items(self._before_target, candidates)

    @cached_property
    def changeable(self) -> ItemPick:
        """The lines of pending orders the message names (of the orders it names, if any)."""
        candidates = self.context.changeable_items
        if self.order_ids:
            candidates = tuple(i for i in candidates if i.order_id in self.order_ids)
        return pick_items(self._before_target, candidates)

    @cached_property
    def _before_target(self) -> Text:
        """The text without "... for a medium": that part describes the new variant."""
        target = exchange_target(self.text)
        if target is self.text:
            return self.text
        head = self.text.clean[: len(self.text.clean) - len(target.clean)]
        return Text(self.text.raw, head, tuple(head.split()))

    @cached_property
    def reason(self) -> ReasonFinding | None:
        return find_reason(self.text)

    @cached_property
    def cancel_reason(self) -> str | None:
        return find_cancel_reason(self.text)

    @cached_property
    def resolution(self) -> ResolutionFinding | None:
        return find_resolution(self.text, self.context.paid_with)

    @cached_property
    def destination(self) -> PaymentPick | None:
        return credit_destination(self.text, self.context.payment_methods)

    @cached_property
    def payment(self) -> PaymentPick | None:
        return pick_payment(self.text, self.context.payment_methods)

    @cached_property
    def method(self) -> ReturnMethod | None:
        return find_method(self.text)

    @cached_property
    def yes_no(self) -> bool | None:
        return yes_or_no(self.text)

    @cached_property
    def offer(self) -> bool | None:
        return offer_answer(self.text)

    @cached_property
    def seal(self) -> bool | None:
        """The answer to "is the seal still unbroken?" as `opened`."""
        return seal_answer(self.text)

    @cached_property
    def stated_seal(self) -> bool | None:
        """Whether the message says the seal is broken, without being asked."""
        return opened(self.text)

    @cached_property
    def variant(self) -> VariantPick | None:
        variants = self.context.variants if self.step in _EXCHANGE_STEPS else ()
        text = self.text if self.step is Step.EXCHANGE_VARIANT else exchange_target(self.text)
        return pick_variant(text, variants, self.exchanged_item)

    @property
    def exchanged_item(self) -> ItemOption | None:
        """The line an exchange would replace, when the conversation or message says which."""
        context = self.context
        refs = [v.for_ref for v in context.variants] or list(context.chosen_items)
        if not refs and self.step not in _EXCHANGE_STEPS and len(self.items.refs) == 1:
            refs = list(self.items.refs)
        return next((item for item in context.items if refs and item.ref == refs[0]), None)

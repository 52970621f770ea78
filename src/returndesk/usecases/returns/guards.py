"""The conditions the return flow branches on.

Each answer counts only while it is still valid against today's facts: a
resolution the policy no longer allows, or a method that no longer fits the
chosen resolution, simply makes its step current again.
"""

from __future__ import annotations

from collections.abc import Mapping

from returndesk.domain import NEW_GIFT_CARD, Outcome, Resolution
from returndesk.flow.facts import Facts
from returndesk.flow.guards import Guard
from returndesk.flow.state import FlowState
from returndesk.usecases.returns.answers import ReturnAnswers


def items_chosen(state: FlowState, facts: Facts) -> bool:
    answers = state.answers(ReturnAnswers)
    if answers.confirmed_rma is not None:
        # The return now holds its items, which therefore no longer look returnable.
        return True
    if facts.order is None or not answers.line_nos:
        return False
    usable = {Outcome.ELIGIBLE, Outcome.NEEDS_HYGIENE_ANSWER}
    return all(
        line in facts.eligibility and facts.eligibility[line].outcome in usable
        for line in answers.line_nos
    )


def reasons_given(state: FlowState, facts: Facts) -> bool:
    answers = state.answers(ReturnAnswers)
    return bool(answers.line_nos) and all(line in answers.reasons for line in answers.line_nos)


def note_required(state: FlowState, facts: Facts) -> bool:
    return bool(lines_needing_notes(state, facts))


def notes_given(state: FlowState, facts: Facts) -> bool:
    notes = state.answers(ReturnAnswers).notes
    return all(notes.get(line, "").strip() for line in lines_needing_notes(state, facts))


def lines_needing_notes(state: FlowState, facts: Facts) -> list[int]:
    answers = state.answers(ReturnAnswers)
    needing = []
    for line in answers.line_nos:
        # Reason codes are string enums, so the stored text finds its rule directly.
        rule = facts.policy.reasons.get(answers.reasons.get(line, ""))  # type: ignore[call-overload]
        if rule is not None and rule.note_required:
            needing.append(line)
    return needing


def hygiene_question_needed(state: FlowState, facts: Facts) -> bool:
    return bool(facts.hygiene_lines)


def hygiene_answered(state: FlowState, facts: Facts) -> bool:
    return all(line in state.answers(ReturnAnswers).seal_opened for line in facts.hygiene_lines)


def offer_available(state: FlowState, facts: Facts) -> bool:
    return facts.options is not None and facts.options.offer is not None


def offer_answered(state: FlowState, facts: Facts) -> bool:
    return state.answers(ReturnAnswers).offer_answer is not None


def offer_accepted(state: FlowState, facts: Facts) -> bool:
    return offer_available(state, facts) and state.answers(ReturnAnswers).offer_answer == "accepted"


def resolution_needed(state: FlowState, facts: Facts) -> bool:
    return not offer_accepted(state, facts)


def resolution_chosen(state: FlowState, facts: Facts) -> bool:
    answers = state.answers(ReturnAnswers)
    if facts.options is None or answers.resolution is None:
        return False
    if offer_accepted(state, facts):
        return True
    allowed = {option.resolution.value for option in facts.options.resolutions}
    if answers.resolution not in allowed:
        return False
    if answers.resolution == Resolution.STORE_CREDIT.value:
        destination = answers.credit_destination
        if destination == NEW_GIFT_CARD:
            return True
        return facts.customer is not None and destination in {
            card.id for card in facts.customer.gift_cards
        }
    return True


def exchange_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(
        ReturnAnswers
    ).resolution == Resolution.EXCHANGE.value and resolution_chosen(state, facts)


def variants_chosen(state: FlowState, facts: Facts) -> bool:
    return facts.exchange_difference is not None


def exchange_has_difference(state: FlowState, facts: Facts) -> bool:
    return facts.exchange_difference is not None and facts.exchange_difference != 0


def exchange_payment_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(ReturnAnswers).exchange_payment_method_id is not None


def shipment_needed(state: FlowState, facts: Facts) -> bool:
    return bool(facts.methods)


def method_chosen(state: FlowState, facts: Facts) -> bool:
    return state.answers(ReturnAnswers).method in {option.method.value for option in facts.methods}


def return_created(state: FlowState, facts: Facts) -> bool:
    return state.answers(ReturnAnswers).confirmed_rma is not None


GUARDS: Mapping[str, Guard] = {
    guard.__name__: guard
    for guard in (
        items_chosen,
        reasons_given,
        note_required,
        notes_given,
        hygiene_question_needed,
        hygiene_answered,
        offer_available,
        offer_answered,
        resolution_needed,
        resolution_chosen,
        exchange_chosen,
        variants_chosen,
        exchange_has_difference,
        exchange_payment_chosen,
        shipment_needed,
        method_chosen,
        return_created,
    )
}

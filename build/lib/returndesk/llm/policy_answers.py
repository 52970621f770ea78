"""Answers to policy questions, worded from the policy file so they never drift from it."""

from __future__ import annotations

from returndesk.domain import Policy, Tier, format_money
from returndesk.domain.policy import MonthDay

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _day(month_day: MonthDay) -> str:
    return f"{month_day.day} {MONTHS[month_day.month - 1]}"


def answer_policy_question(topic: str, policy: Policy) -> str:
    match topic:
        case "windows":
            tiers = "; ".join(
                f"{tier.value} {policy.windows[tier].default} days "
                f"({policy.windows[tier].electronics} for electronics)"
                for tier in Tier
            )
            holiday = policy.holiday
            return (
                f"You can start a return within a number of days of delivery: {tiers}. "
                f"Phones, tablets and smart watches: {policy.windows.standard.activatable} days. "
                f"Anything delivered from {_day(holiday.delivered_from)} to "
                f"{_day(holiday.delivered_until)} can be returned until "
                f"{_day(holiday.returnable_until)} of the next year."
            )
        case "fees":
            shipping = policy.fees.return_shipping
            tiers = " and ".join(tier.value for tier in sorted(shipping.tiers))
            return (
                f"Refunds carry a {format_money(shipping.amount)} return shipping fee for "
                f"{tiers} customers when the return is not our fault, and a "
                f"{format_money(policy.fees.pickup.amount)} fee for a scheduled pickup unless "
                "we are at fault. Store credit and exchanges are free, and so is the pickup of "
                "furniture and bicycles. Faulty items worth "
                f"{format_money(policy.keep_it.max_item_price)} or less are refunded without "
                "being sent back."
            )
        case "refund_timing":
            timing = policy.refund_timing
            return f"{timing.at_once} {timing.after_arrival}"
        case "exchanges":
            return (
                "You can exchange an item for another available variant of the same product, "
                "for example another size or colour. If the new one costs more you pay the "
                "difference; if it costs less we refund it. Exchanges carry no fees."
            )
        case "methods":
            return (
                "You can print a prepaid label, show a QR code at a drop-off point (no printer "
                "needed), schedule a pickup for the next business day, or drop the items at one "
                "of our stores. Furniture and bicycles are collected by pickup."
            )
        case "final_sale":
            return "Items sold as final sale can't be returned."
        case "hygiene":
            return (
                "Hygiene-sealed products, such as makeup, perfume or earbuds, can be returned "
                "only with their seal unbroken."
            )
        case _:
            return (
                "I can help with returns, exchanges, cancelling an order that hasn't shipped and "
                "checking a status. For anything else I can pass you to a person."
            )

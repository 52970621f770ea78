"""Every widget the flow definition may name, by name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from chatkit.widgets import DynamicWidgetRoot

from returndesk.widgets.builders import (
    cancellations,
    choices,
    exchange,
    identity,
    items,
    reasons,
    status,
    summary,
)
from returndesk.widgets.components import Node, build_root
from returndesk.widgets.inputs import WidgetInput

Builder = Callable[[WidgetInput], Awaitable[Node]]

BUILDERS: Mapping[str, Builder] = {
    "verify_form": identity.verify_form,
    "main_menu": identity.main_menu,
    "item_picker": items.item_picker,
    "reason_picker": reasons.reason_picker,
    "note_form": reasons.note_form,
    "hygiene_question": reasons.hygiene_question,
    "retention_offer": choices.retention_offer,
    "resolution_picker": choices.resolution_picker,
    "variant_picker": exchange.variant_picker,
    "payment_picker": exchange.payment_picker,
    "method_picker": choices.method_picker,
    "return_summary": summary.return_summary,
    "return_confirmation": summary.return_confirmation,
    "order_picker": cancellations.order_picker,
    "cancel_reason_picker": cancellations.cancel_reason_picker,
    "cancel_order_summary": cancellations.cancel_order_summary,
    "cancel_order_confirmation": cancellations.cancel_order_confirmation,
    "return_picker": cancellations.return_picker,
    "cancel_return_summary": cancellations.cancel_return_summary,
    "cancel_return_confirmation": cancellations.cancel_return_confirmation,
    "status_picker": status.status_picker,
    "status_card": status.status_card,
    "handoff_card": status.handoff_card,
}


async def build_widget(name: str, given: WidgetInput) -> DynamicWidgetRoot:
    return build_root(await BUILDERS[name](given))

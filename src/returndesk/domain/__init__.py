"""The returns domain: pure rules over plain data, with no I/O.

Given a customer, an order, the catalogue, the policy and `now`, it answers
what may be returned, what the shopper may choose and what each choice is
worth, how a return moves through its life, and what to tell the shopper.
The database, the conversation and the CLI call only what is exported here.

Typical use, after the shopper picked lines and gave reasons::

    policy = load_policy()
    results = check_order(order, customer=c, catalog=cat, policy=policy, now=now,
                          held_line_nos=held_line_nos(existing_returns, order.id))
    request = ReturnRequest(order, (ReturnItem(1, ReasonCode.SIZE_TOO_SMALL),))
    options = return_options(request, customer=c, catalog=cat, policy=policy)
    quote = quote_return(request, resolution=Resolution.REFUND,
                         method=ReturnMethod.PREPAID_LABEL, customer=c, catalog=cat,
                         policy=policy)
"""

from returndesk.domain.cancellation import (
    CancellationCheck,
    CancellationPlan,
    PlannedRefund,
    cancellation_reason,
    check_order_cancellation,
    plan_order_cancellation,
)
from returndesk.domain.catalog import Catalog, Product, Variant
from returndesk.domain.codes import Fault, ReasonCode, Resolution, ReturnMethod, Tier
from returndesk.domain.customers import Customer, PaymentMethod, PaymentSource
from returndesk.domain.dates import format_day, next_business_day
from returndesk.domain.eligibility import (
    ExistingReturn,
    LineEligibility,
    Outcome,
    check_line,
    check_order,
    held_line_nos,
    require_eligible,
)
from returndesk.domain.exchanges import (
    ExchangeCandidate,
    check_settlement_method,
    choose_variants,
    exchange_candidates,
    exchange_variants,
    settlement_methods,
    total_difference,
)
from returndesk.domain.lifecycle import (
    ACTIVE,
    CUSTOMER_CANCELLABLE,
    FINAL,
    TRANSITIONS,
    Actor,
    ReturnEvent,
    ReturnPath,
    ReturnStatus,
    allowed_targets,
    can_transition,
    creation_events,
    expires_at,
    is_expired,
    transition,
)
from returndesk.domain.money import format_money, from_cents, parse_money, round_cents, to_cents
from returndesk.domain.options import (
    NEW_GIFT_CARD,
    Fee,
    FeeKind,
    MethodOption,
    ResolutionOption,
    ReturnOptions,
    ReturnQuote,
    method_options,
    quote_return,
    resolution_options,
    return_options,
    store_credit_bonus,
    store_credit_destinations,
)
from returndesk.domain.orders import (
    Fulfilment,
    Order,
    OrderLine,
    OrderStatus,
    PaymentTransaction,
    TransactionKind,
)
from returndesk.domain.policy import Policy, load_policy
from returndesk.domain.retention import OfferKind, RetentionOffer, SizeChoice, retention_offer
from returndesk.domain.returns import (
    ReturnItem,
    ReturnRequest,
    kept_line_nos,
    lines_missing_note,
    needs_review,
    offered_variants,
    return_fault,
    validate_request,
)
from returndesk.domain.rma import is_valid_rma, new_rma, normalize_rma
from returndesk.domain.shipping import (
    PickupWindow,
    PrepaidLabel,
    QrDropOff,
    Shipment,
    StoreDropOff,
    arrange_shipment,
    is_valid_ups_tracking_number,
    shipment_from_dict,
    shipment_to_dict,
)
from returndesk.domain.status_text import next_step, one_of, refund_timing, return_refund_timing
from returndesk.domain.windows import return_deadline, window_days

__all__ = [
    "ACTIVE",
    "CUSTOMER_CANCELLABLE",
    "FINAL",
    "NEW_GIFT_CARD",
    "TRANSITIONS",
    "Actor",
    "CancellationCheck",
    "CancellationPlan",
    "Catalog",
    "Customer",
    "ExchangeCandidate",
    "ExistingReturn",
    "Fault",
    "Fee",
    "FeeKind",
    "Fulfilment",
    "LineEligibility",
    "MethodOption",
    "OfferKind",
    "Order",
    "OrderLine",
    "OrderStatus",
    "Outcome",
    "PaymentMethod",
    "PaymentSource",
    "PaymentTransaction",
    "PickupWindow",
    "PlannedRefund",
    "Policy",
    "PrepaidLabel",
    "Product",
    "QrDropOff",
    "ReasonCode",
    "Resolution",
    "ResolutionOption",
    "RetentionOffer",
    "ReturnEvent",
    "ReturnItem",
    "ReturnMethod",
    "ReturnOptions",
    "ReturnPath",
    "ReturnQuote",
    "ReturnRequest",
    "ReturnStatus",
    "Shipment",
    "SizeChoice",
    "StoreDropOff",
    "Tier",
    "TransactionKind",
    "Variant",
    "allowed_targets",
    "arrange_shipment",
    "can_transition",
    "cancellation_reason",
    "check_line",
    "check_order",
    "check_order_cancellation",
    "check_settlement_method",
    "choose_variants",
    "creation_events",
    "exchange_candidates",
    "exchange_variants",
    "expires_at",
    "format_day",
    "format_money",
    "from_cents",
    "held_line_nos",
    "is_expired",
    "is_valid_rma",
    "is_valid_ups_tracking_number",
    "kept_line_nos",
    "lines_missing_note",
    "load_policy",
    "method_options",
    "needs_review",
    "new_rma",
    "next_business_day",
    "next_step",
    "normalize_rma",
    "offered_variants",
    "one_of",
    "parse_money",
    "plan_order_cancellation",
    "quote_return",
    "refund_timing",
    "require_eligible",
    "resolution_options",
    "retention_offer",
    "return_deadline",
    "return_fault",
    "return_options",
    "return_refund_timing",
    "round_cents",
    "settlement_methods",
    "shipment_from_dict",
    "shipment_to_dict",
    "store_credit_bonus",
    "store_credit_destinations",
    "to_cents",
    "total_difference",
    "transition",
    "validate_request",
    "window_days",
]

"""Prometheus metrics, in one place so every layer counts into the same series.

With several worker processes, set PROMETHEUS_MULTIPROC_DIR to an empty folder
so `GET /metrics` reports the sum over all of them.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUESTS = Counter(
    "returndesk_requests_total",
    "HTTP requests answered, by route, ChatKit request type and status code.",
    ["route", "type", "status"],
)
LATENCY = Histogram(
    "returndesk_request_seconds",
    "Time to answer a request, stream included, by route and ChatKit request type.",
    ["route", "type"],
    buckets=LATENCY_BUCKETS,
)
RETURNS_CREATED = Counter(
    "returndesk_returns_created_total", "Returns created, by resolution.", ["resolution"]
)
ORDERS_CANCELLED = Counter("returndesk_orders_cancelled_total", "Pending orders cancelled.")
ORDERS_CHANGED = Counter(
    "returndesk_order_changes_total",
    "Changes confirmed: a pending order's address, payment or items, or a default address.",
    ["change"],
)
VERIFICATION_FAILURES = Counter(
    "returndesk_verification_failures_total", "Failed attempts to verify a shopper."
)
LLM_CALLS = Counter("returndesk_llm_calls_total", "Calls to the hosted language model.")
LLM_TOKENS = Counter(
    "returndesk_llm_tokens_total", "Tokens sent to and received from the hosted model.", ["kind"]
)
OFFLINE_TURNS = Counter(
    "returndesk_offline_turns_total", "Typed turns answered by the embedded offline model."
)
HANDOFFS = Counter(
    "returndesk_handoffs_total",
    "Hand-offs to a person, by what happened: opened, claimed, handed_back, closed.",
    ["event"],
)
HANDOFF_FIRST_REPLY = Histogram(
    "returndesk_handoff_first_reply_seconds",
    "From a hand-off opening to the first reply of the person who took it.",
    buckets=(15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 24 * 3600),
)
HANDOFF_WEBHOOK = Counter(
    "returndesk_handoff_webhook_total",
    "Deliveries of new hand-offs to the webhook, by outcome: delivered or failed.",
    ["outcome"],
)
ERRORS = Counter("returndesk_errors_total", "Errors, by kind.", ["kind"])

"""The dashboard's figures as the console reads them (JSON) and as tables (CSV downloads)."""

from __future__ import annotations

from typing import Any

from returndesk.operations.analytics import Analytics

Table = tuple[list[str], list[list[str]]]


def _share(count: int, total: int) -> str:
    return f"{count / total:.4f}" if total else "0.0000"


def analytics_json(figures: Analytics) -> dict[str, Any]:
    """Money as strings with two decimals; shares as fractions."""
    talks = figures.conversations
    return {
        "period": {"from": figures.period.first.isoformat(), "to": figures.period.last.isoformat()},
        "per_day": [
            {"day": day.day.isoformat(), "returns": day.returns, "exchanges": day.exchanges}
            for day in figures.per_day
        ],
        "by_reason": [{"reason": key, "count": count} for key, count in figures.by_reason],
        "by_resolution": [
            {"resolution": key, "count": count} for key, count in figures.by_resolution
        ],
        "by_method": [{"method": key, "count": count} for key, count in figures.by_method],
        "money": {
            "refunded": str(figures.money.refunded),
            "store_credit": str(figures.money.store_credit),
            "kept_by_exchanges": str(figures.money.kept_by_exchanges),
            "kept_by_offers": str(figures.money.kept_by_offers),
        },
        "retention": {"shown": talks.offers_shown, "accepted": talks.offers_accepted},
        "conversations": {
            "started": talks.started,
            "handed_off": talks.handed_off,
            "contained": talks.started - talks.handed_off,
            "containment": figures.containment,
        },
        "verification_failures": talks.verification_failures,
        "median_hours_to_refund": figures.median_hours_to_refund,
    }


def analytics_tables(figures: Analytics) -> dict[str, Table]:
    """Each chart's numbers as a table: a header and rows of text."""
    talks = figures.conversations

    def shares(name: str, counted: list[tuple[str, int]]) -> Table:
        total = sum(count for _, count in counted)
        return [name, "returns", "share"], [
            [key, str(count), _share(count, total)] for key, count in counted
        ]

    median = figures.median_hours_to_refund
    contained = figures.containment
    return {
        "per_day": (
            ["day", "returns", "exchanges"],
            [[d.day.isoformat(), str(d.returns), str(d.exchanges)] for d in figures.per_day],
        ),
        "by_reason": shares("reason", list(figures.by_reason)),
        "by_resolution": shares("resolution", list(figures.by_resolution)),
        "by_method": shares("method", list(figures.by_method)),
        "money": (
            ["figure", "amount"],
            [
                ["refunded", str(figures.money.refunded)],
                ["store_credit_issued", str(figures.money.store_credit)],
                ["revenue_kept_by_exchanges", str(figures.money.kept_by_exchanges)],
                ["revenue_kept_by_offers", str(figures.money.kept_by_offers)],
            ],
        ),
        "conversations": (
            ["figure", "value"],
            [
                ["conversations", str(talks.started)],
                ["handed_off", str(talks.handed_off)],
                [
                    "containment",
                    "" if contained is None else f"{contained:.4f}",
                ],
                ["retention_offers_shown", str(talks.offers_shown)],
                ["retention_offers_accepted", str(talks.offers_accepted)],
                ["verification_failures", str(talks.verification_failures)],
                ["median_hours_to_refund", "" if median is None else f"{median:.2f}"],
            ],
        ),
    }

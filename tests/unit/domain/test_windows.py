"""Return windows by tier and kind of product, and the holiday rule (policy, Returns rule 4)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml

from returndesk.domain import Product, Tier, load_policy, return_deadline, window_days
from tests.support.domain_factories import (
    BUNDLED_POLICY_PATH,
    CATALOG,
    PERFUME_ID,
    PHONE_ID,
    POLICY,
    SHIRT_ID,
    SPEAKER_ID,
)

SHIRT = CATALOG.product(SHIRT_ID)  # apparel: the default window
PERFUME = CATALOG.product(PERFUME_ID)  # beauty: the default window too
SPEAKER = CATALOG.product(SPEAKER_ID)  # electronics
PHONE = CATALOG.product(PHONE_ID)  # electronics, activatable
KINDS = {"default": SHIRT, "electronics": SPEAKER, "activatable": PHONE}

# The policy's table, copied by hand.
WINDOW_TABLE = [
    (Tier.STANDARD, "default", 30),
    (Tier.STANDARD, "electronics", 15),
    (Tier.STANDARD, "activatable", 14),
    (Tier.MEMBER, "default", 45),
    (Tier.MEMBER, "electronics", 15),
    (Tier.MEMBER, "activatable", 14),
    (Tier.VIP, "default", 60),
    (Tier.VIP, "electronics", 30),
    (Tier.VIP, "activatable", 14),
]


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(("tier", "kind", "days"), WINDOW_TABLE)
def test_window_days_follow_the_policy_table(tier: Tier, kind: str, days: int) -> None:
    assert window_days(tier, KINDS[kind], POLICY) == days


def test_a_non_electronics_category_gets_the_default_window() -> None:
    assert window_days(Tier.VIP, PERFUME, POLICY) == 60


# Delivered on 1 March 2026 (no holiday rule): the last day is delivery + window days.
@pytest.mark.parametrize(
    ("tier", "kind", "last_day"),
    [
        (Tier.STANDARD, "default", date(2026, 3, 31)),
        (Tier.STANDARD, "electronics", date(2026, 3, 16)),
        (Tier.STANDARD, "activatable", date(2026, 3, 15)),
        (Tier.MEMBER, "default", date(2026, 4, 15)),
        (Tier.MEMBER, "electronics", date(2026, 3, 16)),
        (Tier.MEMBER, "activatable", date(2026, 3, 15)),
        (Tier.VIP, "default", date(2026, 4, 30)),
        (Tier.VIP, "electronics", date(2026, 3, 31)),
        (Tier.VIP, "activatable", date(2026, 3, 15)),
    ],
)
def test_deadline_counts_window_days_from_the_delivery_date(
    tier: Tier, kind: str, last_day: date
) -> None:
    assert return_deadline(at(2026, 3, 1, 9), tier, KINDS[kind], POLICY) == last_day


@pytest.mark.parametrize(
    ("delivered_at", "tier", "kind", "last_day"),
    [
        pytest.param(at(2025, 10, 31), Tier.STANDARD, "default", date(2025, 11, 30), id="oct31"),
        pytest.param(
            at(2025, 10, 31, 23, 59), Tier.VIP, "default", date(2025, 12, 30), id="oct31-vip"
        ),
        pytest.param(at(2025, 11, 1, 0, 1), Tier.STANDARD, "default", date(2026, 1, 31), id="nov1"),
        pytest.param(
            at(2025, 11, 1), Tier.VIP, "default", date(2026, 1, 31), id="nov1-vip-60-days-earlier"
        ),
        pytest.param(
            at(2025, 11, 15), Tier.STANDARD, "activatable", date(2026, 1, 31), id="phone-nov"
        ),
        pytest.param(
            at(2025, 12, 31, 23, 59), Tier.STANDARD, "default", date(2026, 1, 31), id="dec31"
        ),
        pytest.param(
            at(2025, 12, 31), Tier.VIP, "electronics", date(2026, 1, 31), id="dec31-vip-electronics"
        ),
        pytest.param(
            at(2025, 12, 31), Tier.VIP, "default", date(2026, 3, 1), id="dec31-vip-window-later"
        ),
        pytest.param(
            at(2025, 12, 20), Tier.MEMBER, "default", date(2026, 2, 3), id="dec20-member-later"
        ),
        pytest.param(
            at(2025, 12, 17), Tier.MEMBER, "default", date(2026, 1, 31), id="dec17-member-equal"
        ),
        pytest.param(
            at(2027, 12, 31), Tier.VIP, "default", date(2028, 2, 29), id="dec31-leap-year"
        ),
        pytest.param(
            at(2026, 1, 1), Tier.STANDARD, "electronics", date(2026, 1, 16), id="jan1-no-holiday"
        ),
    ],
)
def test_holiday_rule_extends_to_31_january_when_that_is_later(
    delivered_at: datetime, tier: Tier, kind: str, last_day: date
) -> None:
    assert return_deadline(delivered_at, tier, KINDS[kind], POLICY) == last_day


def test_deadline_refuses_a_naive_delivery_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        return_deadline(datetime(2026, 3, 1), Tier.STANDARD, SHIRT, POLICY)


def _policy_in_zone(tmp_path: Path, zone: str) -> Path:
    data = yaml.safe_load(BUNDLED_POLICY_PATH.read_text(encoding="utf-8"))
    data["timezone"] = zone
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("delivered_at", "last_day"),
    [
        # 02:00 UTC on 1 November is still 31 October in New York: no holiday rule.
        (at(2025, 11, 1, 2), date(2025, 11, 30)),
        # 05:00 UTC on 1 November is 1 November in New York.
        (at(2025, 11, 1, 5), date(2026, 1, 31)),
    ],
)
def test_delivery_day_is_the_calendar_day_in_the_store_zone(
    tmp_path: Path, delivered_at: datetime, last_day: date
) -> None:
    policy = load_policy(_policy_in_zone(tmp_path, "America/New_York"))

    assert return_deadline(delivered_at, Tier.STANDARD, SHIRT, policy) == last_day


def test_a_product_flagged_activatable_outside_electronics_still_gets_14_days() -> None:
    watch = Product("w", "Smart Watch", "accessories", activatable=True)

    assert window_days(Tier.VIP, watch, POLICY) == 14

"""The team's hours: open or not at a moment, and what a shopper is told outside them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from returndesk.domain.business_hours import BusinessHours
from returndesk.errors import ConfigurationError

WEEKDAYS = BusinessHours.parse("mon-fri 09:00-17:00, sat 10:00-14:00", "Europe/London")
# 2026-03-10 is a Tuesday; London is on GMT (UTC+0) until 29 March, then BST (UTC+1).
TUESDAY = datetime(2026, 3, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("at", "open_"),
    [
        (TUESDAY.replace(hour=9), True),
        (TUESDAY.replace(hour=16, minute=59), True),
        (TUESDAY.replace(hour=17), False),
        (TUESDAY.replace(hour=8, minute=59), False),
        (datetime(2026, 3, 14, 11, tzinfo=UTC), True),  # Saturday
        (datetime(2026, 3, 14, 15, tzinfo=UTC), False),
        (datetime(2026, 3, 15, 11, tzinfo=UTC), False),  # Sunday
        # In summer time 08:30 UTC is 09:30 in London.
        (datetime(2026, 6, 2, 8, 30, tzinfo=UTC), True),
    ],
)
def test_open_within_the_hours_in_the_stores_time_zone(at: datetime, open_: bool) -> None:
    assert WEEKDAYS.is_open(at) is open_


def test_inside_the_hours_the_shopper_is_told_nothing() -> None:
    assert WEEKDAYS.when_answered(TUESDAY.replace(hour=12)) is None


@pytest.mark.parametrize(
    ("at", "told"),
    [
        (TUESDAY.replace(hour=7), "from today at 09:00"),
        (TUESDAY.replace(hour=18), "from tomorrow at 09:00"),
        (datetime(2026, 3, 13, 18, tzinfo=UTC), "from tomorrow at 10:00"),  # Friday evening
        (datetime(2026, 3, 14, 15, tzinfo=UTC), "from Monday at 09:00"),  # Saturday afternoon
    ],
)
def test_outside_the_hours_the_shopper_is_told_the_next_opening(at: datetime, told: str) -> None:
    said = WEEKDAYS.when_answered(at)
    assert said is not None
    assert told in said
    assert "Europe/London" in said


@pytest.mark.parametrize(
    "written",
    [
        "",
        "weekdays 9-5",
        "fri-mon 09:00-17:00",
        "mon 17:00-09:00",
        "mon 25:00-26:00",
        "xyz 09:00-10:00",
    ],
)
def test_hours_that_do_not_read_stop_start_up_with_a_message(written: str) -> None:
    with pytest.raises(ConfigurationError):
        BusinessHours.parse(written, "UTC")


def test_an_unknown_time_zone_stops_start_up() -> None:
    with pytest.raises(ConfigurationError, match="Mars/Olympus"):
        BusinessHours.parse("mon 09:00-17:00", "Mars/Olympus")


def test_a_day_may_run_to_midnight() -> None:
    late = BusinessHours.parse("mon-sun 18:00-24:00", "UTC")
    assert late.is_open(TUESDAY.replace(hour=23, minute=59))

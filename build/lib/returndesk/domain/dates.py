"""Calendar helpers: the store's local dates, business days, dates in sentences."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def require_aware(moment: datetime, name: str = "datetime") -> datetime:
    """Naive datetimes are ambiguous about the day they fall on; refuse them."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (UTC), got {moment!r}")
    return moment


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    """The calendar day `moment` falls on in the store's time zone."""
    return require_aware(moment).astimezone(zone).date()


def is_business_day(day: date) -> bool:
    return day.weekday() < 5


def next_business_day(day: date) -> date:
    """The first Monday-to-Friday day strictly after `day` (public holidays are not known)."""
    following = day + timedelta(days=1)
    while not is_business_day(following):
        following += timedelta(days=1)
    return following


def format_day(day: date) -> str:
    """`12 March 2026`, independent of the process locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

"""When the store's team answers: weekly opening hours in one time zone.

Written as the settings hold them, e.g. ``mon-fri 09:00-17:00, sat 10:00-14:00``:
days (a range or a single day) and one span of time each, separated by commas.
Outside them a hand-off waits in the inbox and the shopper is told when
someone will answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from returndesk.errors import ConfigurationError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PART = re.compile(
    r"^(?P<first>[a-z]{3})(?:-(?P<last>[a-z]{3}))?\s+"
    r"(?P<opens>\d{1,2}:\d{2})-(?P<closes>\d{1,2}:\d{2})$"
)


@dataclass(frozen=True, slots=True)
class Span:
    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True, slots=True)
class BusinessHours:
    spans: tuple[Span, ...]
    zone: ZoneInfo
    # As written in the settings, for telling the shopper.
    written: str

    @classmethod
    def parse(cls, text: str, zone_name: str) -> BusinessHours:
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigurationError(f"Unknown time zone {zone_name!r}.") from None
        spans: list[Span] = []
        for part in (piece.strip().lower() for piece in text.split(",")):
            match = _PART.match(part)
            if match is None:
                raise ConfigurationError(
                    f"Business hours {part!r} must read like 'mon-fri 09:00-17:00'."
                )
            first, last = match["first"], match["last"] or match["first"]
            if first not in DAYS or last not in DAYS or DAYS.index(last) < DAYS.index(first):
                raise ConfigurationError(f"Business hours {part!r}: days run mon..sun in order.")
            opens, closes = _clock(match["opens"], part), _clock(match["closes"], part)
            if closes <= opens:
                raise ConfigurationError(f"Business hours {part!r}: closing comes before opening.")
            spans.extend(
                Span(day, opens, closes) for day in range(DAYS.index(first), DAYS.index(last) + 1)
            )
        if not spans:
            raise ConfigurationError("Business hours name no day.")
        return cls(tuple(spans), zone, text.strip())

    def is_open(self, now: datetime) -> bool:
        local = now.astimezone(self.zone)
        return any(
            span.weekday == local.weekday() and span.opens <= local.time() < span.closes
            for span in self.spans
        )

    def next_opening(self, now: datetime) -> datetime:
        """The next moment the team is in, now included when they are in now."""
        if self.is_open(now):
            return now
        local = now.astimezone(self.zone)
        for ahead in range(8):
            day = local.date() + timedelta(days=ahead)
            for span in sorted(self.spans, key=lambda s: s.opens):
                if span.weekday != day.weekday():
                    continue
                opening = datetime.combine(day, span.opens, tzinfo=self.zone)
                if opening > local:
                    return opening
        raise AssertionError("a week always holds an opening")  # pragma: no cover

    def when_answered(self, now: datetime) -> str | None:
        """What the shopper is told outside the hours; None while the team is in."""
        if self.is_open(now):
            return None
        opening = self.next_opening(now)
        local = now.astimezone(self.zone)
        day = (
            "today"
            if opening.date() == local.date()
            else "tomorrow"
            if opening.date() == local.date() + timedelta(days=1)
            else DAY_NAMES[opening.weekday()]
        )
        return (
            f"Our team is away now (hours: {self.written}, {self.zone.key} time). "
            f"Someone will answer from {day} at {opening:%H:%M}."
        )


def _clock(text: str, part: str) -> time:
    hours, minutes = (int(piece) for piece in text.split(":"))
    if hours == 24 and minutes == 0:
        return time.max
    if hours > 23 or minutes > 59:
        raise ConfigurationError(f"Business hours {part!r}: {text} is not a time of day.")
    return time(hours, minutes)

"""How long an item can be returned: the window by tier and kind, and the holiday rule."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from returndesk.domain.catalog import Product
from returndesk.domain.codes import Tier
from returndesk.domain.dates import local_date
from returndesk.domain.policy import Policy


def window_days(tier: Tier, product: Product, policy: Policy) -> int:
    """Days from delivery; activatable devices first, since they are also electronics."""
    days = policy.windows[tier]
    if product.activatable:
        return days.activatable
    if product.category in policy.electronics_categories:
        return days.electronics
    return days.default


def holiday_deadline(delivered_on: date, policy: Policy) -> date | None:
    """The holiday rule's last day for an item delivered on `delivered_on`, if it applies."""
    rule = policy.holiday
    year = delivered_on.year
    if rule.delivered_from.in_year(year) <= delivered_on <= rule.delivered_until.in_year(year):
        return rule.returnable_until.in_year(year + 1)
    return None


def return_deadline(delivered_at: datetime, tier: Tier, product: Product, policy: Policy) -> date:
    """The last calendar day (in the store's time zone) on which a return can be started."""
    delivered_on = local_date(delivered_at, policy.zone)
    deadline = delivered_on + timedelta(days=window_days(tier, product, policy))
    holiday = holiday_deadline(delivered_on, policy)
    return max(deadline, holiday) if holiday is not None else deadline

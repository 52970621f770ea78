"""How the items travel back: what each return method hands the shopper.

The demo has no real carrier. Labels carry tracking numbers in the UPS `1Z`
format (with a valid check digit) so that they look and validate like real
ones; a deployment with a carrier account replaces `arrange_shipment`.
"""

from __future__ import annotations

import random
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import assert_never

from returndesk.domain.codes import ReturnMethod
from returndesk.domain.dates import local_date, next_business_day
from returndesk.domain.policy import Policy
from returndesk.domain.rma import random_code

# Demo shipper account and UPS service code 03 (Ground).
DEMO_SHIPPER_NUMBER = "RD4Q7X"
GROUND_SERVICE = "03"
QR_CODE_LENGTH = 10

_UPS = re.compile(r"1Z[0-9A-Z]{15}[0-9]")


@dataclass(frozen=True, slots=True)
class PrepaidLabel:
    carrier: str
    tracking_number: str
    label_url: str


@dataclass(frozen=True, slots=True)
class QrDropOff:
    carrier: str
    code: str
    instructions: str


@dataclass(frozen=True, slots=True)
class PickupWindow:
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class StoreDropOff:
    instructions: str


Shipment = PrepaidLabel | QrDropOff | PickupWindow | StoreDropOff


def arrange_shipment(
    method: ReturnMethod,
    *,
    rma: str,
    now: datetime,
    policy: Policy,
    rng: random.Random | None = None,
) -> Shipment:
    """What the shopper gets for `method`; `rng` makes codes reproducible in tests."""
    match method:
        case ReturnMethod.PREPAID_LABEL:
            return PrepaidLabel(policy.methods.carrier, ups_tracking_number(rng), label_url(rma))
        case ReturnMethod.QR_DROP_OFF:
            code = random_code(QR_CODE_LENGTH, rng)
            return QrDropOff(policy.methods.carrier, code, policy.methods.qr_drop_off_instructions)
        case ReturnMethod.SCHEDULE_PICKUP:
            return pickup_window(now, policy)
        case ReturnMethod.STORE_DROP_OFF:
            return StoreDropOff(policy.methods.store_drop_off_instructions)
        case _:
            assert_never(method)


def label_url(rma: str) -> str:
    """The path the web app serves the printable label from."""
    return f"/returns/{rma}/label"


def pickup_window(now: datetime, policy: Policy) -> PickupWindow:
    """The next business day after `now`, between the policy's hours, in the store's zone."""
    zone = policy.zone
    day = next_business_day(local_date(now, zone))
    hours = policy.methods.pickup_window
    starts_at = datetime.combine(day, hours.start, tzinfo=zone).astimezone(UTC)
    ends_at = datetime.combine(day, hours.end, tzinfo=zone).astimezone(UTC)
    return PickupWindow(starts_at, ends_at)


def ups_tracking_number(rng: random.Random | None = None) -> str:
    """`1Z`, shipper number, service code, 7 package digits and the check digit."""
    source = rng or secrets.SystemRandom()
    package = "".join(str(source.randrange(10)) for _ in range(7))
    body = DEMO_SHIPPER_NUMBER + GROUND_SERVICE + package
    return "1Z" + body + ups_check_digit(body)


def ups_check_digit(body: str) -> str:
    """UPS's mod-10 check digit over the 15 characters after `1Z`.

    Letters count as (code point − 63) mod 10; every second character counts double.
    """
    checksum = 0
    for position, char in enumerate(body):
        value = int(char) if char.isdigit() else (ord(char) - 63) % 10
        checksum += value * 2 if position % 2 else value
    return str((10 - checksum % 10) % 10)


def is_valid_ups_tracking_number(value: str) -> bool:
    return _UPS.fullmatch(value) is not None and ups_check_digit(value[2:17]) == value[17]


def shipment_to_dict(shipment: Shipment) -> dict[str, str]:
    """A JSON-ready form for the database, tagged with its method."""
    match shipment:
        case PrepaidLabel(carrier, tracking_number, url):
            return {
                "method": ReturnMethod.PREPAID_LABEL.value,
                "carrier": carrier,
                "tracking_number": tracking_number,
                "label_url": url,
            }
        case QrDropOff(carrier, code, instructions):
            return {
                "method": ReturnMethod.QR_DROP_OFF.value,
                "carrier": carrier,
                "code": code,
                "instructions": instructions,
            }
        case PickupWindow(starts_at, ends_at):
            return {
                "method": ReturnMethod.SCHEDULE_PICKUP.value,
                "starts_at": starts_at.isoformat(),
                "ends_at": ends_at.isoformat(),
            }
        case StoreDropOff(instructions):
            return {"method": ReturnMethod.STORE_DROP_OFF.value, "instructions": instructions}
        case _:
            assert_never(shipment)


def shipment_from_dict(data: dict[str, str]) -> Shipment:
    """The inverse of `shipment_to_dict`; a KeyError or ValueError means corrupt data."""
    method = ReturnMethod(data["method"])
    match method:
        case ReturnMethod.PREPAID_LABEL:
            return PrepaidLabel(data["carrier"], data["tracking_number"], data["label_url"])
        case ReturnMethod.QR_DROP_OFF:
            return QrDropOff(data["carrier"], data["code"], data["instructions"])
        case ReturnMethod.SCHEDULE_PICKUP:
            starts_at = datetime.fromisoformat(data["starts_at"])
            return PickupWindow(starts_at, datetime.fromisoformat(data["ends_at"]))
        case ReturnMethod.STORE_DROP_OFF:
            return StoreDropOff(data["instructions"])
        case _:
            assert_never(method)

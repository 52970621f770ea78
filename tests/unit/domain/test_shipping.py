"""Return methods: labels with tracking numbers, QR codes, pickups and store drop-offs."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from returndesk.domain import (
    PickupWindow,
    PrepaidLabel,
    QrDropOff,
    ReturnMethod,
    StoreDropOff,
    arrange_shipment,
    is_valid_ups_tracking_number,
    shipment_from_dict,
    shipment_to_dict,
)
from tests.support.domain_factories import NOW, POLICY

RMA = "R-7K3QX9M2"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        # Published UPS examples with a correct mod-10 check digit.
        ("1Z999AA10123456784", True),
        ("1Z12345E6605272234", True),
        ("1Z999AA10123456785", False),  # wrong check digit
        ("1Z12345E6605272235", False),
        ("1Z999AA1012345678", False),  # 17 characters
        ("1Z999AA101234567840", False),  # 19 characters
        ("1z999aa10123456784", False),  # lower case
        ("2Z999AA10123456784", False),
        ("1Z999AA1012345678X", False),  # the check character is a digit
        ("", False),
    ],
)
def test_tracking_numbers_are_ups_1z_with_a_check_digit(value: str, valid: bool) -> None:
    assert is_valid_ups_tracking_number(value) is valid


@pytest.mark.parametrize("seed", range(5))
def test_prepaid_labels_carry_valid_tracking_numbers(seed: int) -> None:
    rng = random.Random(seed)

    for _ in range(100):
        label = arrange_shipment(
            ReturnMethod.PREPAID_LABEL, rma=RMA, now=NOW, policy=POLICY, rng=rng
        )
        assert isinstance(label, PrepaidLabel)
        assert len(label.tracking_number) == 18
        assert label.tracking_number.startswith("1Z")
        assert is_valid_ups_tracking_number(label.tracking_number)
        assert label.carrier == "Demo Parcel"
        assert label.label_url == f"/returns/{RMA}/label"


def test_a_qr_drop_off_gives_a_code_and_instructions() -> None:
    got = arrange_shipment(
        ReturnMethod.QR_DROP_OFF, rma=RMA, now=NOW, policy=POLICY, rng=random.Random(1)
    )

    assert isinstance(got, QrDropOff)
    assert len(got.code) == 10
    assert set(got.code) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    assert "Demo Parcel" in got.instructions


def test_a_store_drop_off_needs_only_the_return_number() -> None:
    got = arrange_shipment(ReturnMethod.STORE_DROP_OFF, rma=RMA, now=NOW, policy=POLICY)

    assert isinstance(got, StoreDropOff)
    assert "return number" in got.instructions


@pytest.mark.parametrize(
    ("now", "pickup_day"),
    [
        (datetime(2026, 3, 10, 12, tzinfo=UTC), (2026, 3, 11)),  # Tuesday → Wednesday
        (datetime(2026, 3, 13, 9, tzinfo=UTC), (2026, 3, 16)),  # Friday → Monday
        (datetime(2026, 3, 14, 9, tzinfo=UTC), (2026, 3, 16)),  # Saturday → Monday
        (datetime(2026, 3, 15, 23, 59, tzinfo=UTC), (2026, 3, 16)),  # Sunday → Monday
        (datetime(2026, 3, 9, 0, 0, tzinfo=UTC), (2026, 3, 10)),  # Monday → Tuesday
        (datetime(2025, 12, 31, 17, tzinfo=UTC), (2026, 1, 1)),  # public holidays unknown
    ],
)
def test_a_pickup_is_the_next_business_day_from_10_to_18(
    now: datetime, pickup_day: tuple[int, int, int]
) -> None:
    got = arrange_shipment(ReturnMethod.SCHEDULE_PICKUP, rma=RMA, now=now, policy=POLICY)

    assert got == PickupWindow(
        datetime(*pickup_day, 10, 0, tzinfo=UTC), datetime(*pickup_day, 18, 0, tzinfo=UTC)
    )


@pytest.mark.parametrize("method", list(ReturnMethod))
def test_a_shipment_survives_the_trip_to_the_database(method: ReturnMethod) -> None:
    shipment = arrange_shipment(method, rma=RMA, now=NOW, policy=POLICY, rng=random.Random(7))

    stored = shipment_to_dict(shipment)

    assert stored["method"] == method.value
    assert shipment_from_dict(stored) == shipment

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from returndesk.domain import ReasonCode, Resolution, ReturnMethod, Tier, load_policy
from returndesk.domain.codes import Fault
from returndesk.errors import ConfigurationError

BUNDLED = Path(__file__).parents[3] / "src" / "returndesk" / "data" / "policy.yaml"


def bundled_data() -> dict[str, Any]:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_bundled_policy_holds_the_demo_store_values() -> None:
    policy = load_policy()

    assert (policy.windows.standard.default, policy.windows.member.default) == (30, 45)
    assert policy.windows[Tier.VIP].electronics == 30
    assert {policy.windows[tier].activatable for tier in Tier} == {14}
    assert policy.fees.return_shipping.amount == Decimal("5.95")
    assert policy.fees.return_shipping.tiers == {Tier.STANDARD}
    assert policy.fees.pickup.amount == Decimal("7.00")
    assert policy.store_credit.bonus_cap == Decimal("50.00")
    assert policy.keep_it.max_item_price == Decimal("40.00")
    assert policy.retention.keep_with_discount.percent[Tier.VIP] == Decimal(15)
    assert policy.review.item_price_at_least == Decimal("1000.00")
    assert policy.expiry.days_after_approval == 28
    assert set(policy.methods.enabled) == set(ReturnMethod)
    assert set(policy.resolutions) == set(Resolution)
    assert set(policy.reasons) == set(ReasonCode)
    assert policy.reason(ReasonCode.OTHER).note_required
    assert policy.order_cancellation.reasons == ("no longer needed", "ordered by mistake")


@pytest.mark.parametrize(
    ("code", "fault"),
    [(code, Fault.CUSTOMER) for code in ("SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "STYLE")]
    + [(code, Fault.CUSTOMER) for code in ("COLOR", "UNWANTED", "OTHER")]
    + [(code, Fault.MERCHANT) for code in ("DEFECTIVE", "DAMAGED", "WRONG_ITEM")]
    + [("NOT_AS_DESCRIBED", Fault.MERCHANT)],
    ids=lambda value: str(value),
)
def test_bundled_reasons_carry_the_policy_fault(code: str, fault: Fault) -> None:
    assert load_policy().reason(ReasonCode(code)).fault is fault


def test_an_explicit_path_is_read(tmp_path: Path) -> None:
    data = bundled_data()
    data["windows"]["vip"]["default"] = 90

    assert load_policy(write(tmp_path, data)).windows.vip.default == 90


def set_path(data: dict[str, Any], dotted: str, value: object) -> None:
    *parents, leaf = dotted.split(".")
    for key in parents:
        data = data[key]
    data[leaf] = value


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        pytest.param(
            "windows.vip.electronics",
            "thirty",
            "windows.vip.electronics: Input should be a valid integer",
            id="window-not-an-integer",
        ),
        pytest.param(
            "windows.member.default",
            0,
            "windows.member.default: Input should be greater than 0",
            id="window-zero",
        ),
        pytest.param(
            "fees.pickup.amount",
            7.0,
            "fees.pickup.amount: write money as text",
            id="money-as-float",
        ),
        pytest.param(
            "fees.return_shipping.amount",
            "5.955",
            "fees.return_shipping.amount: '5.955' has fractions of a cent",
            id="money-fraction-of-cent",
        ),
        pytest.param(
            "store_credit.bonus_cap",
            "-1",
            "store_credit.bonus_cap: Input should be greater than or equal to 0",
            id="money-negative",
        ),
        pytest.param(
            "reasons.DEFECTIVE.fault",
            "nobody",
            "reasons.DEFECTIVE.fault: Input should be 'customer' or 'merchant'",
            id="unknown-fault",
        ),
        pytest.param(
            "fees.surcharge",
            "1.00",
            "fees.surcharge: Extra inputs are not permitted",
            id="unknown-field",
        ),
        pytest.param(
            "methods.pickup_window.start",
            "19:00",
            "methods.pickup_window: start must be before end",
            id="pickup-window-backwards",
        ),
        pytest.param(
            "methods.pickup_window.start",
            600,
            "methods.pickup_window.start: write times as quoted text",
            id="time-unquoted",
        ),
        pytest.param(
            "timezone",
            "Mars/Olympus",
            "timezone: unknown time zone 'Mars/Olympus'",
            id="unknown-timezone",
        ),
        pytest.param(
            "holiday.returnable_until.day",
            30,
            "holiday.returnable_until: day is out of range",
            id="holiday-31-february",
        ),
        pytest.param(
            "retention.keep_with_discount.reasons",
            ["UNWANTED", "DEFECTIVE"],
            "retention.keep_with_discount.reasons: DEFECTIVE is a merchant-fault reason",
            id="offer-for-merchant-fault",
        ),
        pytest.param(
            "retention.keep_with_discount.percent.vip",
            "150",
            "retention.keep_with_discount.percent.vip: Input should be less than or equal to 100",
            id="percent-above-100",
        ),
        pytest.param(
            "methods.enabled",
            ["PREPAID_LABEL", "TELEPORT"],
            "methods.enabled[1]: Input should be",
            id="unknown-method",
        ),
    ],
)
def test_a_wrong_field_is_rejected_naming_file_and_field(
    tmp_path: Path, field: str, value: object, expected: str
) -> None:
    data = bundled_data()
    if field.startswith("holiday.returnable_until"):
        data["holiday"]["returnable_until"]["month"] = 2
    set_path(data, field, value)
    path = write(tmp_path, data)

    with pytest.raises(ConfigurationError) as raised:
        load_policy(path)

    assert raised.value.message.startswith(f"{path}: ")
    assert expected in raised.value.message


def test_a_missing_section_is_named(tmp_path: Path) -> None:
    data = bundled_data()
    del data["expiry"]

    with pytest.raises(ConfigurationError, match=r"policy\.yaml: expiry: Field required"):
        load_policy(write(tmp_path, data))


def test_a_missing_file_is_a_configuration_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"

    with pytest.raises(ConfigurationError, match=r"nowhere\.yaml: policy file not found"):
        load_policy(missing)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("windows: [unclosed", "not valid YAML", id="broken-yaml"),
        pytest.param("- just\n- a list\n", "expected a mapping", id="not-a-mapping"),
        pytest.param("", "expected a mapping", id="empty"),
    ],
)
def test_a_file_that_is_not_a_policy_is_refused(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(ConfigurationError, match=expected):
        load_policy(path)


def test_a_store_may_offer_fewer_reasons(tmp_path: Path) -> None:
    data = bundled_data()
    del data["reasons"]["OTHER"]

    assert ReasonCode.OTHER not in load_policy(write(tmp_path, data)).reasons

"""An address the shopper gives is checked against the policy before anything ships there."""

from __future__ import annotations

import pytest

from returndesk.domain import check_address
from returndesk.errors import InvalidRequest
from tests.support.domain_factories import POLICY, policy_with

RULE = POLICY.order_changes.address
GOOD = {
    "address1": "12 Oak St",
    "address2": "",
    "city": "Austin",
    "state": "tx",
    "zip": "78701",
    "country": "United States",
}


def test_a_complete_address_is_tidied_to_the_stores_spelling() -> None:
    address = check_address({**GOOD, "address1": "  12   Oak St "}, RULE)

    assert address.one_line() == "12 Oak St, Austin, TX 78701, USA"


@pytest.mark.parametrize(
    ("field", "named"),
    [("address1", "street address"), ("city", "city"), ("state", "state"), ("zip", "ZIP code")],
)
def test_a_missing_required_field_is_named(field: str, named: str) -> None:
    with pytest.raises(InvalidRequest, match=f"needs a {named}"):
        check_address({**GOOD, field: "  "}, RULE)


@pytest.mark.parametrize("zip_code", ["7870", "787011", "ABCDE", "78701-12"])
def test_a_zip_that_does_not_fit_the_country_is_refused(zip_code: str) -> None:
    with pytest.raises(InvalidRequest, match="not a ZIP code in USA"):
        check_address({**GOOD, "zip": zip_code}, RULE)


def test_a_nine_digit_zip_fits() -> None:
    assert check_address({**GOOD, "zip": "78701-1234"}, RULE).zip == "78701-1234"


def test_another_store_sets_its_own_formats() -> None:
    def canada(data: dict[str, object]) -> None:
        address = data["order_changes"]["address"]  # type: ignore[index]
        address["zip_formats"]["Canada"] = "^[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]$"
        address["required"].remove("state")

    rule = policy_with(canada).order_changes.address
    fields = {**GOOD, "country": "Canada", "state": "", "zip": "K1A 0B1"}

    assert check_address(fields, rule).zip == "K1A 0B1"
    with pytest.raises(InvalidRequest, match="not a ZIP code in Canada"):
        check_address({**fields, "zip": "78701"}, rule)

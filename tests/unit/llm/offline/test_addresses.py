"""Finding a postal address in a message, and only where there is one."""

from __future__ import annotations

import pytest

from returndesk.llm.offline.addresses import find_address


@pytest.mark.parametrize(
    ("typed", "fields"),
    [
        (
            "please ship order W8665881 to 12 Oak St, Austin TX 78701",
            {"address1": "12 Oak St", "city": "Austin", "state": "TX", "zip": "78701"},
        ),
        (
            "send W6779827 to 77 Lake Ave Apt 3, Cleveland, OH 44101 instead",
            {
                "address1": "77 Lake Ave",
                "address2": "Apt 3",
                "city": "Cleveland",
                "state": "OH",
                "zip": "44101",
            },
        ),
        (
            "500 Congress Ave, Suite 200, Austin, Texas 78701, USA",
            {
                "address1": "500 Congress Ave",
                "address2": "Suite 200",
                "city": "Austin",
                "state": "TX",
                "zip": "78701",
                "country": "USA",
            },
        ),
    ],
)
def test_an_address_is_cut_out_of_the_message_and_tagged(
    typed: str, fields: dict[str, str]
) -> None:
    assert find_address(typed) == fields


@pytest.mark.parametrize(
    "typed",
    [
        "cancel order 3561391 please",
        "I want 2 of the shirts",
        "change order 6779827 to 2 cups",
        "Yusuf Rossi 19122",
        "what do you need exactly?",
    ],
)
def test_numbers_that_are_not_an_address_give_none(typed: str) -> None:
    assert find_address(typed) == {}

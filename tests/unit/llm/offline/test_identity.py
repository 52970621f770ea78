from __future__ import annotations

import pytest

from returndesk.llm.offline.identity import Identity, find_email, find_identity


@pytest.mark.parametrize(
    ("typed", "email"),
    [
        ("my email is Yusuf.Rossi7301@Example.com", "yusuf.rossi7301@example.com"),
        ("hey its omar.anderson7675@example.com.", "omar.anderson7675@example.com"),
        ("aarav.nguyen1293 at example dot com", "aarav.nguyen1293@example.com"),
        ("I live at home", None),
    ],
)
def test_emails_are_found_and_lower_cased(typed: str, email: str | None) -> None:
    assert find_email(typed) == email


@pytest.mark.parametrize(
    "typed",
    [
        "I'm Yusuf Rossi, 19122",
        "yusuf rossi 19122",
        "name's Yusuf Rossi and my zip is 19122",
        "19122 yusuf rossi",
        "YUSUF ROSSI 19122-4410",
        "first name Yusuf last name Rossi zip 19122",
        "hiya, it's Yusuf Rossi here. zip's 19122 :)",
    ],
)
def test_names_with_a_zip_code(typed: str) -> None:
    assert find_identity(typed, expecting=True) == Identity(
        first_name="Yusuf", last_name="Rossi", zip="19122"
    )


def test_names_keep_hyphens_and_apostrophes() -> None:
    found = find_identity("Mary-Jane o'neil 10001", expecting=True)

    assert (found.first_name, found.last_name) == ("Mary-Jane", "O'Neil")


def test_words_around_the_name_are_not_part_of_it() -> None:
    found = find_identity("aarav nguyen, 75268, want to check my order", expecting=False)

    assert found == Identity(first_name="Aarav", last_name="Nguyen", zip="75268")
    assert found.complete


def test_a_name_alone_is_read_only_when_asked_for() -> None:
    assert find_identity("Yusuf Rossi", expecting=True).partial
    assert find_identity("Yusuf Rossi", expecting=False) == Identity()
    assert find_identity("why do you need my zip code?", expecting=True) == Identity()

"""The widget builder refuses trees the ChatKit schema would not know."""

from __future__ import annotations

import pytest

from returndesk.widgets.components import build_root, button, card, text


def test_a_known_tree_builds_a_root() -> None:
    root = build_root(card([text("Hello"), button("OK")]))

    assert root.model_dump(exclude_none=True)["children"][0] == {
        "type": "Text",
        "value": "Hello",
        "size": "sm",
    }


def test_an_unknown_component_type_is_refused() -> None:
    with pytest.raises(ValueError, match="Buton"):
        build_root(card([{"type": "Buton", "label": "typo"}]))


def test_a_root_must_be_a_card_list_or_basic() -> None:
    with pytest.raises(ValueError, match="widget root"):
        build_root(text("not a root"))

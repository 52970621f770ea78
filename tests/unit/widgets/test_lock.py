"""An answered widget keeps the shopper's choice visible and accepts no more clicks."""

from __future__ import annotations

from returndesk.widgets.components import button, card, checkbox, form, select, text_input
from returndesk.widgets.lock import lock_widget


def test_the_chosen_button_is_marked_and_every_button_disabled() -> None:
    widget = card(
        [
            button(
                "Defective",
                on_click={
                    "type": "give_reason",
                    "payload": {"reason": "DEFECTIVE", "line_no": 1, "token": "a"},
                },
            ),
            button(
                "Damaged",
                on_click={
                    "type": "give_reason",
                    "payload": {"reason": "DAMAGED", "line_no": 1, "token": "a"},
                },
            ),
        ]
    )

    locked = lock_widget(widget, "give_reason", {"reason": "DAMAGED", "line_no": 1, "note": None})

    buttons = locked["children"]
    assert [b["disabled"] for b in buttons] == [True, True]
    assert [b.get("iconStart") for b in buttons] == [None, "check"]
    assert [b["style"] for b in buttons] == ["secondary", "primary"]
    assert widget["children"][0].get("disabled") is None  # the original is untouched


def test_form_fields_keep_what_was_sent() -> None:
    widget = card(
        [
            form(
                [
                    text_input("email"),
                    select("qty:1", [{"value": "0", "label": "0"}, {"value": "2", "label": "2"}]),
                    checkbox("qty:2", label_text="Return the kettle"),
                    button("Send", submit=True),
                ],
                on_submit={"type": "verify", "payload": {}},
            )
        ]
    )

    locked = lock_widget(widget, "verify", {"email": "a@b.c", "qty:1": 2, "qty:2": True})

    email, quantity, kettle, send = locked["children"][0]["children"]
    assert (email["disabled"], email["defaultValue"]) == (True, "a@b.c")
    assert (quantity["disabled"], quantity["defaultValue"]) == (True, "2")
    assert (kettle["disabled"], kettle["defaultChecked"]) == (True, True)
    assert send["disabled"] is True
    # The form was sent with its button: that button is the choice.
    assert (send["iconStart"], send["style"]) == ("check", "primary")


def test_only_the_chosen_button_keeps_a_check_mark() -> None:
    widget = card(
        [
            button(
                "Confirm return",
                icon="check",
                on_click={"type": "confirm", "payload": {"token": "t"}},
            ),
            button("Change something", on_click={"type": "go_back", "payload": {"token": "t"}}),
        ]
    )

    locked = lock_widget(widget, "go_back", {})

    confirm, change = locked["children"]
    assert "iconStart" not in confirm
    assert confirm["style"] == "secondary"
    assert (change["iconStart"], change["style"]) == ("check", "primary")


def test_a_typed_answer_marks_the_matching_button() -> None:
    widget = card(
        [
            button(
                "Yes", on_click={"type": "answer_offer", "payload": {"accept": True, "token": "t"}}
            )
        ]
    )

    locked = lock_widget(widget, "answer_offer", {"accept": True})

    assert locked["children"][0]["iconStart"] == "check"


def test_a_typed_reason_without_a_line_marks_the_reason_button() -> None:
    widget = card(
        [
            button(
                "Defective",
                on_click={
                    "type": "give_reason",
                    "payload": {"reason": "DEFECTIVE", "line_no": 2, "token": "t"},
                },
            ),
            button(
                "Damaged",
                on_click={
                    "type": "give_reason",
                    "payload": {"reason": "DAMAGED", "line_no": 2, "token": "t"},
                },
            ),
        ]
    )

    locked = lock_widget(widget, "give_reason", {"reason": "DAMAGED"})

    assert [b.get("iconStart") for b in locked["children"]] == [None, "check"]

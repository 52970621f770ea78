"""Why each item goes back: a reason per item, a note where one is needed, the seal check."""

from __future__ import annotations

from returndesk.domain import OrderLine
from returndesk.usecases.returns.answers import ReturnAnswers
from returndesk.usecases.returns.guards import lines_needing_notes
from returndesk.widgets.components import (
    Node,
    button,
    caption,
    card,
    col,
    form,
    label,
    row,
    textarea,
    title,
)
from returndesk.widgets.inputs import WidgetInput, line_label


def _first_open_line(given: WidgetInput, answered: dict[int, object]) -> tuple[OrderLine, int, int]:
    """The first chosen line without an answer, its position and how many lines there are."""
    order = given.facts.order
    assert order is not None
    lines = given.state.answers(ReturnAnswers).line_nos
    open_lines = [line for line in lines if line not in answered] or lines
    return order.line(open_lines[0]), lines.index(open_lines[0]) + 1, len(lines)


def reason_picker(given: WidgetInput) -> Node:
    line, position, count = _first_open_line(
        given, dict(given.state.answers(ReturnAnswers).reasons)
    )
    buttons = [
        button(
            rule.label,
            on_click=given.act("give_reason", reason=code.value, line_no=line.line_no),
            block=True,
        )
        for code, rule in given.facts.policy.reasons.items()
    ]
    children: list[Node] = [title(f"Why are you returning the {line.name}?")]
    if count > 1:
        children.append(caption(f"Item {position} of {count}: {line_label(line)}"))
    return card([*children, col(buttons, gap=2)], key=f"reason-{line.line_no}")


def note_form(given: WidgetInput) -> Node:
    order = given.facts.order
    assert order is not None
    needing = lines_needing_notes(given.state, given.facts)
    missing = [
        n for n in needing if not given.state.answers(ReturnAnswers).notes.get(n, "").strip()
    ]
    line = order.line((missing or needing)[0])
    return card(
        [
            form(
                [
                    title(f"Tell us what's wrong with the {line.name}"),
                    label("A short note", "note"),
                    textarea(
                        "note", placeholder="For example: the stitching came apart", required=True
                    ),
                    button("Send note", submit=True, style="primary"),
                ],
                on_submit=given.act("give_note", line_no=line.line_no),
            )
        ],
        key=f"note-{line.line_no}",
    )


def hygiene_question(given: WidgetInput) -> Node:
    order = given.facts.order
    assert order is not None
    open_lines = [
        line
        for line in given.facts.hygiene_lines
        if line not in given.state.answers(ReturnAnswers).seal_opened
    ]
    line = order.line((open_lines or list(given.facts.hygiene_lines))[0])
    return card(
        [
            title(f"Is the seal on the {line.name} unbroken?"),
            caption("For hygiene reasons it can only be returned unopened."),
            row(
                [
                    button(
                        "Yes, it's still sealed",
                        on_click=given.act("answer_hygiene", opened=False, line_no=line.line_no),
                        style="primary",
                    ),
                    button(
                        "No, it's been opened",
                        on_click=given.act("answer_hygiene", opened=True, line_no=line.line_no),
                    ),
                ]
            ),
        ],
        key=f"hygiene-{line.line_no}",
    )

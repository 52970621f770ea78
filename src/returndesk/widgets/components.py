"""A small typed builder for ChatKit widget components.

Each function returns the component as plain JSON data; `build_root` checks
the whole tree against the component types the ChatKit schema knows (the
SDK accepts any `type` silently) and wraps it for the stream. Building
through the SDK's named widget classes is deprecated, hence this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from chatkit.widgets import DynamicWidgetRoot

Node = dict[str, Any]
ButtonStyle = Literal["primary", "secondary"]
Color = Literal["primary", "secondary", "info", "discovery", "success", "caution", "warning",
                "danger"]  # fmt: skip
BadgeColor = Literal["secondary", "success", "danger", "warning", "info", "discovery"]

COMPONENT_TYPES = frozenset(
    {
        "Card", "ListView", "ListViewItem", "Basic", "Box", "Row", "Col", "Form", "Text",
        "Title", "Caption", "Markdown", "Badge", "Button", "Image", "Icon", "Divider",
        "Spacer", "Input", "Textarea", "Select", "Checkbox", "RadioGroup", "DatePicker",
        "Label", "Chart", "Transition", "Table",
    }
)  # fmt: skip
ROOT_TYPES = frozenset({"Card", "ListView", "Basic"})


def _node(type_: str, props: Mapping[str, Any]) -> Node:
    return {"type": type_, **{key: value for key, value in props.items() if value is not None}}


def action(type_: str, payload: Mapping[str, Any]) -> Node:
    return {"type": type_, "payload": dict(payload)}


def card(
    children: Iterable[Node],
    *,
    key: str | None = None,
    size: Literal["sm", "md", "lg", "full"] | None = "md",
    as_form: bool | None = None,
    status: Mapping[str, str] | None = None,
) -> Node:
    return _node(
        "Card",
        {"key": key, "size": size, "asForm": as_form, "status": status, "children": list(children)},
    )


def row(children: Iterable[Node], *, gap: int = 2, align: str | None = "center",
        justify: str | None = None, wrap: str | None = None) -> Node:  # fmt: skip
    return _node(
        "Row",
        {"gap": gap, "align": align, "justify": justify, "wrap": wrap, "children": list(children)},
    )


def col(children: Iterable[Node], *, gap: int = 2, flex: int | None = None) -> Node:
    return _node("Col", {"gap": gap, "flex": flex, "children": list(children)})


def form(children: Iterable[Node], *, on_submit: Node, gap: int = 3) -> Node:
    return _node("Form", {"gap": gap, "onSubmitAction": on_submit, "children": list(children)})


def title(value: str, *, size: str = "md") -> Node:
    return _node("Title", {"value": value, "size": size})


def text(value: str, *, size: str | None = "sm", color: str | None = None,
         weight: str | None = None) -> Node:  # fmt: skip
    return _node("Text", {"value": value, "size": size, "color": color, "weight": weight})


def caption(value: str, *, color: str | None = "secondary") -> Node:
    return _node("Caption", {"value": value, "color": color})


def markdown(value: str) -> Node:
    return _node("Markdown", {"value": value})


def badge(label: str, *, color: BadgeColor = "secondary") -> Node:
    return _node("Badge", {"label": label, "color": color, "variant": "soft"})


def button(
    label: str,
    *,
    on_click: Node | None = None,
    style: ButtonStyle = "secondary",
    color: Color | None = None,
    icon: str | None = None,
    disabled: bool | None = None,
    submit: bool | None = None,
    block: bool | None = None,
) -> Node:
    return _node(
        "Button",
        {
            "label": label,
            "onClickAction": on_click,
            "style": style,
            "color": color,
            "iconStart": icon,
            "disabled": disabled,
            "submit": submit,
            "block": block,
        },
    )


def divider() -> Node:
    return _node("Divider", {"spacing": 2})


def icon(name: str, *, color: str | None = None, size: str | None = None) -> Node:
    return _node("Icon", {"name": name, "color": color, "size": size})


def label(value: str, field_name: str) -> Node:
    return _node("Label", {"value": value, "fieldName": field_name})


def text_input(name: str, *, placeholder: str | None = None, input_type: str = "text",
               required: bool | None = None, disabled: bool | None = None,
               default: str | None = None) -> Node:  # fmt: skip
    return _node(
        "Input",
        {
            "name": name,
            "placeholder": placeholder,
            "inputType": input_type,
            "required": required,
            "disabled": disabled,
            "defaultValue": default,
        },
    )


def textarea(name: str, *, placeholder: str | None = None, required: bool | None = None,
             disabled: bool | None = None, default: str | None = None) -> Node:  # fmt: skip
    return _node(
        "Textarea",
        {
            "name": name,
            "placeholder": placeholder,
            "required": required,
            "disabled": disabled,
            "defaultValue": default,
        },
    )


def checkbox(name: str, *, label_text: str, checked: bool | None = None,
             disabled: bool | None = None) -> Node:  # fmt: skip
    return _node(
        "Checkbox",
        {"name": name, "label": label_text, "defaultChecked": checked, "disabled": disabled},
    )


def select(name: str, options: Iterable[Mapping[str, Any]], *, placeholder: str | None = None,
           default: str | None = None, disabled: bool | None = None) -> Node:  # fmt: skip
    return _node(
        "Select",
        {
            "name": name,
            "options": [dict(option) for option in options],
            "placeholder": placeholder,
            "defaultValue": default,
            "disabled": disabled,
        },
    )


def unknown_types(node: Any) -> list[str]:
    """Component types in the tree that the ChatKit schema does not define."""
    if isinstance(node, list):
        return [found for child in node for found in unknown_types(child)]
    if not isinstance(node, dict) or "type" not in node:
        return []
    found = [] if node["type"] in COMPONENT_TYPES else [str(node["type"])]
    return found + unknown_types(node.get("children", []))


def build_root(node: Node) -> DynamicWidgetRoot:
    if node.get("type") not in ROOT_TYPES:
        raise ValueError(
            f"a widget root must be one of {sorted(ROOT_TYPES)}, not {node.get('type')}"
        )
    unknown = unknown_types(node)
    if unknown:
        raise ValueError(f"unknown widget component types: {unknown}")
    return DynamicWidgetRoot.model_validate(node)

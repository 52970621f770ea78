"""Locking a widget once it has been answered: the choice stays visible, nothing is clickable.

The chosen button is the one whose action matches what the shopper did, by
click or by typing; it keeps a check mark. Form fields keep the values sent.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

INPUT_TYPES = frozenset({"Input", "Textarea", "Select", "RadioGroup", "DatePicker"})


def lock_widget(
    root: dict[str, Any],
    chosen_type: str | None,
    chosen_values: Mapping[str, Any],
    *,
    in_place: bool = False,
) -> dict[str, Any]:
    """The widget locked; `in_place` changes `root` itself, for a caller that owns it."""
    locked = root if in_place else copy.deepcopy(root)
    _lock(locked, chosen_type, chosen_values)
    return locked


def _matches(action: Any, chosen_type: str | None, chosen_values: Mapping[str, Any]) -> bool:
    """Same event, and no disagreement on anything both name: a typed answer names less."""
    if not isinstance(action, dict) or action.get("type") != chosen_type:
        return False
    payload = {k: v for k, v in (action.get("payload") or {}).items() if k != "token"}
    shared = [key for key in payload if key in chosen_values]
    if payload and not shared:
        return False
    return all(chosen_values[key] == payload[key] for key in shared)


def _lock(
    node: Any, chosen_type: str | None, chosen_values: Mapping[str, Any], submitted: bool = False
) -> None:
    """`submitted`: `node` is inside the form the shopper sent, so its submit button was pressed."""
    if isinstance(node, list):
        for child in node:
            _lock(child, chosen_type, chosen_values, submitted)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if kind == "Button":
        chosen = (submitted and bool(node.get("submit"))) or _matches(
            node.get("onClickAction"), chosen_type, chosen_values
        )
        node["disabled"] = True
        node["style"] = "primary" if chosen else "secondary"
        if chosen:
            node["iconStart"] = "check"
        elif node.get("iconStart") == "check":
            # Once answered, a check mark says "this was chosen" and nothing else.
            del node["iconStart"]
    elif kind == "Form":
        submitted = _matches(node.get("onSubmitAction"), chosen_type, chosen_values)
    elif kind == "ListViewItem":
        node.pop("onClickAction", None)
    elif kind in INPUT_TYPES:
        node["disabled"] = True
        if node.get("name") in chosen_values:
            node["defaultValue"] = str(chosen_values[node["name"]])
    elif kind == "Checkbox":
        node["disabled"] = True
        if node.get("name") in chosen_values:
            node["defaultChecked"] = bool(chosen_values[node["name"]])
    for key in ("children", "confirm", "cancel"):
        if key in node:
            _lock(node[key], chosen_type, chosen_values, submitted)

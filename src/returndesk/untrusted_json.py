"""Decoding a JSON request body that anyone may have written.

A body is refused (InvalidRequest, a 400) unless everything in it can be stored
in SQLite and PostgreSQL, logged and streamed back as JSON:

- nesting deeper than the limit is refused before the body is parsed, by
  counting brackets outside strings, because Python's parser and pydantic
  recurse once per level (a 1,000-level body otherwise ends in RecursionError);
- text must be UTF-8 and no string may hold a lone UTF-16 surrogate (`\\ud800`
  escapes decode to text that cannot be encoded again) or a NUL character
  (which PostgreSQL text cannot hold), nor be longer than the text limit;
- numbers must be finite and integers fit in 64 bits, so none overflows a
  database column or a JSON encoder downstream.

The standard library's parser is used rather than a faster one: bodies are a
few hundred bytes, and its hooks let numbers be checked as they are read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from returndesk.errors import InvalidRequest

# What matters to nesting: brackets, and the quotes and backslashes that say whether a
# bracket is inside a string. Visiting only these keeps the scan linear and short.
_SIGNIFICANT = re.compile(r'[\[\]{}"\\]')
_INT64 = 2**63


@dataclass(frozen=True, slots=True)
class JsonLimits:
    max_depth: int
    max_text_chars: int


def decode_json(body: bytes, limits: JsonLimits) -> Any:
    """The decoded body, or InvalidRequest saying what is wrong and where."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRequest("The request body is not valid UTF-8 text.") from exc
    if _nesting_exceeds(text, limits.max_depth):
        raise InvalidRequest(
            f"The request body is nested more than {limits.max_depth} levels deep."
        )
    try:
        value = json.loads(
            text,
            parse_int=_bounded_int,
            parse_float=_finite_float,
            parse_constant=_refuse_constant,
        )
    except (json.JSONDecodeError, _NumberRefused) as exc:
        raise InvalidRequest(f"The request body is not valid JSON: {exc}") from exc
    _check_strings(value, limits.max_text_chars)
    return value


def _nesting_exceeds(text: str, max_depth: int) -> bool:
    # Most bodies hold fewer brackets in all than the limit: no need to look closer.
    if text.count("[") + text.count("{") <= max_depth:
        return False
    depth = 0
    in_string = False
    escaped_at = -1
    for match in _SIGNIFICANT.finditer(text):
        position, char = match.start(), match.group()
        if position == escaped_at:
            continue
        if in_string:
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return True
        elif char in "]}":
            depth -= 1
    return False


class _NumberRefused(ValueError):
    pass


def _bounded_int(literal: str) -> int:
    # Python refuses to read integers of over 4,300 digits with a ValueError of its own.
    if len(literal) > 20:
        raise _NumberRefused(f"the number {literal[:20]}… is too large")
    value = int(literal)
    if not -_INT64 <= value < _INT64:
        raise _NumberRefused(f"the number {literal} is too large")
    return value


def _finite_float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise _NumberRefused(f"the number {literal[:20]} is too large")
    return value


def _refuse_constant(literal: str) -> float:
    raise _NumberRefused(f"{literal} is not a number JSON allows")


def _check_strings(value: Any, max_chars: int) -> None:
    """Walk the decoded value (its depth is already bounded) and check every string."""
    pending: list[tuple[Any, str]] = [(value, "body")]
    while pending:
        node, where = pending.pop()
        if isinstance(node, str):
            _check_text(node, where, max_chars)
        elif isinstance(node, dict):
            for key, child in node.items():
                _check_text(key, where, max_chars)
                pending.append((child, f"{where}.{key}" if where != "body" else key))
        elif isinstance(node, list):
            pending.extend((child, f"{where}.{index}") for index, child in enumerate(node))


def _check_text(text: str, where: str, max_chars: int) -> None:
    where = where if len(where) <= 120 else where[:120] + "…"
    if len(text) > max_chars:
        raise InvalidRequest(f"Text can be at most {max_chars} characters long (at {where}).")
    if "\x00" in text:
        raise InvalidRequest(f"Text may not contain NUL characters (at {where}).")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidRequest(
                f"Text may not contain unpaired UTF-16 surrogates (at {where})."
            ) from exc

"""Decoding request bodies written by anyone: the classes of body that must be refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from returndesk.errors import InvalidRequest
from returndesk.untrusted_json import JsonLimits, decode_json

LIMITS = JsonLimits(max_depth=8, max_text_chars=50)

# Text the decoder accepts: no NUL and no unpaired surrogate (those are refused, below).
clean_text = st.text(
    st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=20
)
numbers = st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False)


def values(max_depth: int) -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | numbers | clean_text
    if max_depth == 0:
        return scalars
    inner = values(max_depth - 1)
    return scalars | st.lists(inner, max_size=3) | st.dictionaries(clean_text, inner, max_size=3)


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


@given(values(LIMITS.max_depth))
def test_a_body_within_the_limits_decodes_as_json_would(value: Any) -> None:
    text = json.dumps(value)
    assert decode_json(text.encode(), LIMITS) == json.loads(text)


@given(values(LIMITS.max_depth + 3), st.booleans())
def test_nesting_is_refused_exactly_above_the_limit(value: Any, as_ascii: bool) -> None:
    body = json.dumps(value, ensure_ascii=as_ascii).encode()
    if depth(value) > LIMITS.max_depth:
        with pytest.raises(InvalidRequest, match="nested more than 8 levels"):
            decode_json(body, LIMITS)
    else:
        decode_json(body, LIMITS)


@pytest.mark.parametrize("levels", [9, 1_000, 5_000, 30_000])
def test_deep_nesting_is_refused_before_parsing(levels: int) -> None:
    for opener, closer in (("[", "]"), ('{"a":', "}")):
        body = (opener * levels + "1" + closer * levels).encode()
        with pytest.raises(InvalidRequest, match="nested"):
            decode_json(body, LIMITS)


@given(st.text(alphabet='[]{}"\\ ', max_size=40))
def test_brackets_and_escapes_inside_strings_do_not_count(text: str) -> None:
    body = json.dumps({"a": [text[:50]]}).encode()
    assert decode_json(body, LIMITS) == {"a": [text[:50]]}


@given(
    st.text(max_size=10),
    st.sampled_from(["\x00", "\ud800", "\udbff", "\udc00", "\udfff"]),
    st.text(max_size=10),
    st.booleans(),
)
def test_text_that_cannot_be_stored_is_refused_in_values_and_keys(
    before: str, bad: str, after: str, as_key: bool
) -> None:
    text = before + bad + after
    body = json.dumps({text: 1} if as_key else {"a": [text]}).encode()
    with pytest.raises(InvalidRequest, match=r"NUL|surrogate"):
        decode_json(body, LIMITS)


def test_a_surrogate_pair_written_as_escapes_is_ordinary_text() -> None:
    assert decode_json(b'{"a": "\\ud83d\\ude00"}', LIMITS) == {"a": "\N{GRINNING FACE}"}


@pytest.mark.parametrize("length", [51, 52, 500])
@pytest.mark.parametrize("as_key", [False, True])
def test_text_over_the_limit_is_refused_and_says_where(length: int, as_key: bool) -> None:
    text = "x" * length
    body = json.dumps({"params": {text: 1} if as_key else {"title": text}}).encode()
    with pytest.raises(InvalidRequest, match="at most 50 characters") as refused:
        decode_json(body, LIMITS)
    assert "params" in refused.value.message
    decode_json(json.dumps({"params": {"title": "x" * 50}}).encode(), LIMITS)


@pytest.mark.parametrize(
    "literal",
    ["9223372036854775808", "-9223372036854775809", "1" * 5000, "1e999", "-1e400",
     "NaN", "Infinity", "-Infinity"],
)  # fmt: skip
def test_numbers_that_do_not_fit_are_refused(literal: str) -> None:
    with pytest.raises(InvalidRequest, match="not valid JSON"):
        decode_json(f'{{"limit": {literal}}}'.encode(), LIMITS)


@pytest.mark.parametrize(
    "literal", ["9223372036854775807", "-9223372036854775808", "1e308", "1e-999", "-0"]
)
def test_numbers_at_the_edges_are_accepted(literal: str) -> None:
    assert decode_json(f'{{"n": {literal}}}'.encode(), LIMITS) == {"n": json.loads(literal)}


@pytest.mark.parametrize("body", [b"\xff\xfe{}", b'{"a": "\xed\xa0\x80"}', b"{", b"", b'{"a": 1,}'])
def test_malformed_bodies_are_refused(body: bytes) -> None:
    with pytest.raises(InvalidRequest):
        decode_json(body, LIMITS)

"""How many units of work this process has committed that may have changed the store's
data, whichever backend: what a request read before a later commit may be stale (see
`flow.facts.FactSource`). Writes of conversations alone do not count."""

from __future__ import annotations


class _Commits:
    count = 0


def commits() -> int:
    return _Commits.count


def count_commit() -> None:
    _Commits.count += 1

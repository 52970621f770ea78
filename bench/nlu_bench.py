"""The offline language understanding against the labeled messages in nlu_messages.yaml.

Reports intent accuracy and exact slot match (intent, slots and whether it
asks back, all as labeled) over every message, per intent, and for the
held-out messages alone (never tuned on), plus the time per message.
`python -m bench.nlu_bench` lists the messages read differently from their label.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from bench.measure import Latencies, Results
from returndesk.domain import Catalog, Product, Variant
from returndesk.llm.brief import product_options
from returndesk.llm.offline import (
    Context,
    ItemOption,
    PaymentOption,
    ProductOption,
    Reading,
    VariantOption,
)
from returndesk.store.seed_format import demo_data_dir
from returndesk.usecases.seam import UseCases, load_use_cases

DATASET = Path(__file__).parent / "nlu_messages.yaml"
BUILT_IN = UseCases(load_use_cases())
understand = BUILT_IN.reader().understand
# The flow knows which line is exchanged only from the offer on.
_STEPS_WITH_VARIANTS = frozenset({"offer", "resolution", "exchange_variant"})
_TIMING_ROUNDS = 5
# The tuned messages, then the held-out sets in the order they were written.
SECTIONS = ("messages", "holdout", "holdout_2", "holdout_3")


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    context: Context
    intent: str
    slots: Mapping[str, object]
    clarify: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    reading: Reading

    @property
    def intent_ok(self) -> bool:
        return self.reading.intent == self.case.intent

    @property
    def exact(self) -> bool:
        return (
            self.intent_ok
            and _labelled(self.reading.slots) == dict(self.case.slots)
            and (self.reading.clarify is not None) == self.case.clarify
        )


# Worked out from the labelled slots and the context, so not labelled themselves: the
# variants that fit a description that several do.
DERIVED_SLOTS = frozenset({"fitting"})


def _labelled(slots: Mapping[str, object]) -> dict[str, object]:
    return {key: value for key, value in slots.items() if key not in DERIVED_SLOTS}


def load_cases(path: Path = DATASET, section: str = "messages") -> list[Case]:
    """The cases of one section of the dataset (see SECTIONS)."""
    data = yaml.safe_load(path.read_text())
    fixtures: dict[str, dict[str, Any]] = data["contexts"]
    return [_case(entry, fixtures[entry["context"]]) for entry in data.get(section) or []]


def _case(entry: dict[str, Any], fixture: dict[str, Any]) -> Case:
    step = entry["step"]
    context = Context(
        step=step,
        items=tuple(_item(raw) for raw in fixture.get("items", [])),
        changeable_items=tuple(_item(raw) for raw in fixture.get("changeable_items", [])),
        chosen_items=tuple(entry.get("chosen_items", ())),
        variants=tuple(_variant(raw) for raw in fixture.get("variants", []))
        if step in _STEPS_WITH_VARIANTS
        else (),
        payment_methods=tuple(_payment(raw) for raw in fixture.get("payment_methods", [])),
        orders=tuple(fixture.get("orders", ())),
        returns=tuple(fixture.get("returns", ())),
        offer=entry.get("offer"),
        products=_catalogue(),
    )
    return Case(
        text=str(entry["text"]),
        context=BUILT_IN.at_step(context),
        intent=entry["intent"],
        slots=entry.get("slots") or {},
        clarify=bool(entry.get("clarify", False)),
    )


@functools.cache
def _catalogue() -> tuple[ProductOption, ...]:
    """The demo store's products, as the brief gives them to the reader."""
    raw = json.loads((demo_data_dir() / "products.json").read_text())
    products = [
        Product(
            product["product_id"],
            product["name"],
            "",
            tuple(
                Variant(v["item_id"], product["product_id"], v["options"], Decimal(0), True)
                for v in product["variants"].values()
            ),
        )
        for product in raw.values()
    ]
    return product_options(Catalog.of(products))


def _options(raw: Mapping[str, Any]) -> Mapping[str, str]:
    return MappingProxyType({str(k): str(v) for k, v in raw.items()})


def _item(raw: Mapping[str, Any]) -> ItemOption:
    return ItemOption(
        ref=raw["ref"],
        order_id=raw["order_id"],
        name=raw["name"],
        options=_options(raw.get("options", {})),
        price=Decimal(str(raw["price"])),
    )


def _variant(raw: Mapping[str, Any]) -> VariantOption:
    return VariantOption(
        item_id=str(raw["item_id"]),
        for_ref=raw["for_ref"],
        options=_options(raw.get("options", {})),
        price=Decimal(str(raw["price"])),
        available=bool(raw.get("available", True)),
    )


def _payment(raw: Mapping[str, Any]) -> PaymentOption:
    balance = raw.get("balance")
    return PaymentOption(
        id=raw["id"],
        source=raw["source"],
        brand=raw.get("brand"),
        last_four=raw.get("last_four"),
        balance=Decimal(str(balance)) if balance is not None else None,
    )


def evaluate(cases: list[Case]) -> tuple[list[Outcome], Latencies]:
    outcomes = [Outcome(case, understand(case.text, case.context)) for case in cases]
    # Each message is timed several times and keeps its median, so a slow message counts
    # but a moment the machine was busy elsewhere does not.
    rounds: list[list[float]] = [[] for _ in cases]
    gc.collect()
    for _ in range(_TIMING_ROUNDS):
        for index, case in enumerate(cases):
            started = time.perf_counter()
            understand(case.text, case.context)
            rounds[index].append((time.perf_counter() - started) * 1000)
    return outcomes, Latencies(tuple(statistics.median(times) for times in rounds))


async def run(results: Results, workdir: Path) -> None:
    sections = {section: load_cases(section=section) for section in SECTIONS}
    outcomes, latencies = evaluate([case for cases in sections.values() for case in cases])
    total = len(outcomes)
    results.add("nlu", "messages", total, "")
    results.add("nlu", "intent accuracy", _percent(o.intent_ok for o in outcomes), "%", ">= 95 %")
    results.add("nlu", "exact slot match", _percent(o.exact for o in outcomes), "%", ">= 90 %")
    start = 0
    for section, cases in sections.items():
        part = outcomes[start : start + len(cases)]
        start += len(cases)
        if section == "messages":
            continue
        label = f"{section} ({len(part)})"
        results.add("nlu", f"{label} intent", _percent(o.intent_ok for o in part), "%")
        results.add("nlu", f"{label} slots", _percent(o.exact for o in part), "%")
    by_intent: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_intent[outcome.case.intent].append(outcome)
    for intent in sorted(by_intent):
        group = by_intent[intent]
        results.add(
            "nlu", f"{intent} ({len(group)}) intent", _percent(o.intent_ok for o in group), "%"
        )
        results.add("nlu", f"{intent} ({len(group)}) slots", _percent(o.exact for o in group), "%")
    results.add("nlu", "time per message p50", latencies.p50, "ms")
    results.add("nlu", "time per message p99", latencies.p99, "ms", "< 1 ms typical")


def _percent(flags: Iterable[bool]) -> float:
    values = list(flags)
    return 100.0 * sum(values) / len(values) if values else 0.0


def _report_misses(section: str) -> None:
    outcomes, _ = evaluate(load_cases(section=section))
    for outcome in outcomes:
        if outcome.exact:
            continue
        case, reading = outcome.case, outcome.reading
        print(f"[{case.context.step}] {case.text!r}")
        print(f"    want {case.intent} {dict(case.slots)} clarify={case.clarify}")
        print(f"    got  {reading.intent} {dict(reading.slots)} clarify={reading.clarify!r}")


if __name__ == "__main__":
    results = Results()
    asyncio.run(run(results, Path(".")))
    print(results.table())
    for section in SECTIONS:
        print(f"\n--- {section}: misses")
        _report_misses(section)

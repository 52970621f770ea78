"""How much the hosted model is used: calls, tokens, and turns the offline reader answered.

Counted per process, like every metric a scraper collects from each process.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from threading import Lock

from returndesk.telemetry import ERRORS, LLM_CALLS, LLM_TOKENS, OFFLINE_TURNS


@dataclass
class UsageCounts:
    llm_calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    # Typed turns answered without calling the hosted model.
    offline_turns: int = 0
    provider_errors: int = 0


class UsageMeter:
    def __init__(self) -> None:
        self._counts = UsageCounts()
        self._lock = Lock()

    def llm_calls(self, calls: int, input_tokens: int, output_tokens: int) -> None:
        LLM_CALLS.inc(calls)
        LLM_TOKENS.labels("input").inc(input_tokens)
        LLM_TOKENS.labels("output").inc(output_tokens)
        with self._lock:
            self._counts.llm_calls += calls
            self._counts.input_tokens += input_tokens
            self._counts.output_tokens += output_tokens

    def offline_turn(self) -> None:
        OFFLINE_TURNS.inc()
        with self._lock:
            self._counts.offline_turns += 1

    def provider_error(self) -> None:
        ERRORS.labels("llm_provider").inc()
        with self._lock:
            self._counts.provider_errors += 1

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return asdict(self._counts)

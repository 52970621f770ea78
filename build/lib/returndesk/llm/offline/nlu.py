"""Understanding one shopper message: `understand(text, context)` → `Reading`.

Pure and offline: regular expressions, a small lexicon and rapidfuzz for
typos; no model, no network, no state between calls. A reading that would
have to guess between candidates asks back instead (`clarify` set,
confidence below 0.5) and then carries no guessed change.
"""

from __future__ import annotations

from returndesk.llm.offline.context import Context
from returndesk.llm.offline.intents import decide
from returndesk.llm.offline.message import Message
from returndesk.llm.offline.reading import Reading


def understand(text: str, context: Context | None = None) -> Reading:
    """The intent and slots of `text`, read at the step and against the lists in `context`."""
    return decide(Message(text, context or Context()))

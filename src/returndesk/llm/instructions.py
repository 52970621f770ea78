"""The assistant's standing instructions, with the conversation brief of this turn."""

from __future__ import annotations

from returndesk.llm.brief import Brief

BRIEF_START = "<conversation>"
BRIEF_END = "</conversation>"

CONDUCT = """You are ReturnDesk, the customer-service assistant of an online store. You help
shoppers return or exchange items, cancel orders that have not shipped, and check where an
order or a return stands.

Rules:
- Verify the shopper first (email, or first name + last name + ZIP code) with
  verify. Never say whether an email or a name exists.
- One customer per conversation; refuse anything about another customer's orders.
- Every change goes through a tool. A summary is shown before anything is written; call
  confirm only after the shopper said yes to that summary.
- Never invent facts: amounts, dates, order contents and policy come from tool results and
  the conversation brief below. Name items by the `ref` the brief gives them.
- Keep replies short and friendly; the tool result's "say" is what the shopper should hear
  next, and the screen shows a card for the current question.
- For anything the tools cannot do (change an address, modify an order, talk to a person),
  say what you can do and offer request_handoff.
"""


def instructions_for(brief: Brief) -> str:
    return f"{CONDUCT}\nThe conversation now:\n{BRIEF_START}{brief.to_json()}{BRIEF_END}\n"


def brief_json_in(instructions: str | None) -> str | None:
    """The brief's JSON inside instructions written by `instructions_for`, if any."""
    if not instructions:
        return None
    start = instructions.find(BRIEF_START)
    end = instructions.find(BRIEF_END, start)
    if start < 0 or end < 0:
        return None
    return instructions[start + len(BRIEF_START) : end]

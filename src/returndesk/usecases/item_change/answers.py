"""What the shopper has answered about the items they switch."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from returndesk.flow.state import Answers


class ChangeItemsAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "change_items"

    order_id: str | None = None
    line_nos: list[int] = Field(default_factory=list)
    # The new variant of each chosen line: line number → item id.
    choices: dict[int, str] = Field(default_factory=dict)
    # The options the shopper asked for before the line was known ("size=9").
    wanted_options: list[str] = Field(default_factory=list)
    complete: bool = False
    # The price difference of every choice together, as text ("-4.50"); None until all
    # lines have their choice.
    difference: str | None = None
    payment_method_id: str | None = None
    done: bool = False

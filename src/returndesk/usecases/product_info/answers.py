"""The product the shopper asked about, and what they asked."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from returndesk.flow.state import Answers


class ProductAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "product"

    product_id: str | None = None
    variant_options: list[str] = Field(default_factory=list)
    topic: str | None = None

"""What the shopper has answered about their new default address."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from returndesk.flow.state import Answers


class DefaultAddressAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "default_address"

    # The new address, checked against the policy; its fields as `Address.to_dict` gives.
    address: dict[str, str] | None = None
    # The pending orders shipping elsewhere when the address was given: the ones asked about.
    pending_order_ids: list[str] = Field(default_factory=list)
    orders_follow: bool | None = None
    done: bool = False

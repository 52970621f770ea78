"""What the shopper has answered about the address change."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict

from returndesk.flow.state import Answers


class ChangeAddressAnswers(Answers):
    model_config = ConfigDict(extra="forbid")
    flow: ClassVar[str] = "change_address"

    order_id: str | None = None
    # The new address, checked against the policy; its fields as `Address.to_dict` gives.
    address: dict[str, str] | None = None
    done: bool = False

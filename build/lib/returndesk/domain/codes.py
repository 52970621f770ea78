"""The closed vocabularies shared by the policy file, the domain and the database.

Values are the strings stored in the database and written in the policy file.
"""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    STANDARD = "standard"
    MEMBER = "member"
    VIP = "vip"


class ReasonCode(StrEnum):
    """Return reasons, compatible with Shopify's return reason codes."""

    SIZE_TOO_SMALL = "SIZE_TOO_SMALL"
    SIZE_TOO_LARGE = "SIZE_TOO_LARGE"
    STYLE = "STYLE"
    COLOR = "COLOR"
    UNWANTED = "UNWANTED"
    DEFECTIVE = "DEFECTIVE"
    DAMAGED = "DAMAGED"
    WRONG_ITEM = "WRONG_ITEM"
    NOT_AS_DESCRIBED = "NOT_AS_DESCRIBED"
    OTHER = "OTHER"


class Fault(StrEnum):
    """Who caused the return; merchant-fault returns carry no fees and no offers."""

    CUSTOMER = "customer"
    MERCHANT = "merchant"


class Resolution(StrEnum):
    REFUND = "REFUND"
    STORE_CREDIT = "STORE_CREDIT"
    EXCHANGE = "EXCHANGE"
    KEEP_WITH_DISCOUNT = "KEEP_WITH_DISCOUNT"


class ReturnMethod(StrEnum):
    PREPAID_LABEL = "PREPAID_LABEL"
    QR_DROP_OFF = "QR_DROP_OFF"
    SCHEDULE_PICKUP = "SCHEDULE_PICKUP"
    STORE_DROP_OFF = "STORE_DROP_OFF"

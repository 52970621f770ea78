"""Tests that drive the real app over its HTTP interface: the fixtures they share."""

from tests.support.app_fixtures import (
    admin,
    agent,
    app,
    app_settings,
    new_shopper,
    ops,
    shopper,
    shopper_path_store_url,
)

__all__ = [
    "admin",
    "agent",
    "app",
    "app_settings",
    "new_shopper",
    "ops",
    "shopper",
    "shopper_path_store_url",
]

"""Tests that drive the real app over its HTTP interface: the fixtures they share."""

from tests.support.app_fixtures import app, app_settings, new_shopper, ops, shopper

__all__ = ["app", "app_settings", "new_shopper", "ops", "shopper"]

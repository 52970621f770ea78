from tests.unit.chat.conftest import app, new_shopper, ops, shopper

__all__ = ["app", "new_shopper", "ops", "shopper"]

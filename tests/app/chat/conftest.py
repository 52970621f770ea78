"""Conversations run on every backend, Cosmos DB included, where no shopper's request may
read across partitions."""

import pytest


@pytest.fixture
def demo_database_url(shopper_path_store_url: str) -> str:
    return shopper_path_store_url

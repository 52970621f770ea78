from __future__ import annotations

import pytest

from returndesk.operations.context import Operations
from returndesk.store.port.storage import Storage
from tests.support.demo import demo_operations


@pytest.fixture
def ops(every_demo_storage: Storage) -> Operations:
    """Commands on the demo store, on each backend."""
    return demo_operations(every_demo_storage)

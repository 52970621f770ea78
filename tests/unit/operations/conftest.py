from __future__ import annotations

import pytest

from returndesk.operations.context import Operations
from returndesk.store.sql.storage import SqlStorage
from tests.support.demo import demo_operations


@pytest.fixture
def ops(demo_storage: SqlStorage) -> Operations:
    return demo_operations(demo_storage)

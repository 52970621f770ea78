from __future__ import annotations

import pytest

from returndesk.operations.context import Operations
from returndesk.store.db import SessionFactory
from tests.support.demo import demo_operations


@pytest.fixture
def ops(demo_sessions: SessionFactory) -> Operations:
    return demo_operations(demo_sessions)

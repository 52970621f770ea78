"""Metrics summed over worker processes: each worker writes its counts to a shared folder.

prometheus_client keeps counts in the process that made them, so with several
workers `GET /metrics` would show whichever worker answered. In its
multiprocess mode every worker writes to files in PROMETHEUS_MULTIPROC_DIR and
the metrics route adds them up (see web/routes/metrics.py). The variable must
be set before a worker imports prometheus_client, so `serve` sets it before it
starts them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


@contextmanager
def shared_metrics(workers: int) -> Iterator[Path | None]:
    """The folder the workers share for as long as they run, or None for one worker.

    A folder the operator named is used, cleared of the counts of processes
    that have ended; otherwise a temporary one is made and removed afterwards.
    """
    named = os.environ.get(VARIABLE)
    if named:
        folder = Path(named)
        folder.mkdir(parents=True, exist_ok=True)
        _clear_ended(folder)
        yield folder
        return
    if workers <= 1:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="returndesk-metrics-") as made:
        os.environ[VARIABLE] = made
        try:
            yield Path(made)
        finally:
            os.environ.pop(VARIABLE, None)


def _clear_ended(folder: Path) -> None:
    """Remove counts left by processes that have ended: they would be added to this run's.

    prometheus_client names each file after its process (`counter_1234.db`); files
    of processes still running, such as another server's during a rolling
    restart, stay.
    """
    for path in folder.glob("*_*.db"):
        pid = path.stem.rsplit("_", 1)[1]
        if pid.isdigit() and not _running(int(pid)):
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

"""The folder workers share their metrics through."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from returndesk.web.worker_metrics import VARIABLE, shared_metrics


def ended_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_one_worker_needs_no_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    with shared_metrics(1) as folder:
        assert folder is None
        assert VARIABLE not in os.environ


def test_several_workers_get_a_folder_for_as_long_as_they_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    with shared_metrics(2) as folder:
        assert folder is not None
        assert folder.is_dir()
        assert os.environ[VARIABLE] == str(folder)
    assert not folder.exists()
    assert VARIABLE not in os.environ


def test_a_named_folder_keeps_running_processes_counts_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stale = tmp_path / f"counter_{ended_pid()}.db"
    live = tmp_path / f"counter_{os.getpid()}.db"
    for path in (stale, live):
        path.write_bytes(b"")
    monkeypatch.setenv(VARIABLE, str(tmp_path))

    with shared_metrics(2) as folder:
        assert folder == tmp_path
        assert not stale.exists()
        # Another server still running (here: this process) keeps its counts.
        assert live.exists()

"""The conversation holdouts, replayed against /chatkit with the offline model.

Each conversation was written from a shopper's goal by someone who had not read the
code; what the shopper wanted must be in the database afterwards. The figures, and
their first measurements, are in the files and in `python -m bench.conversation_holdout`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.conversation_holdout import DATASETS, replay_all


@pytest.mark.parametrize("dataset", DATASETS, ids=[path.stem for path in DATASETS])
async def test_every_conversation_reaches_what_the_shopper_wanted(
    dataset: Path, tmp_path: Path
) -> None:
    replays = await replay_all(tmp_path, dataset)
    missed = {r.holdout.id: r.problems for r in replays if not r.passed}
    assert not missed
    assert len(replays) >= 24

"""The leaderboard chart: a PNG of per-category F1 bars with CI whiskers, written atomically."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread

from eval.reporting.chart import _whiskers, write_chart
from eval.reporting.leaderboard import load_frame


@pytest.fixture
def results_copy(data_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "results"
    shutil.copytree(data_dir / "results", out, ignore=shutil.ignore_patterns("expected"))
    return out


def test_write_chart_writes_a_png_and_nothing_else(results_copy: Path) -> None:
    before = set(p.name for p in results_copy.iterdir())
    path = write_chart(results_copy)
    image = imread(path)
    assert (path.name, set(p.name for p in results_copy.iterdir()) - before, image.ndim, image.shape[1] > 400) == (
        "leaderboard.png", {"leaderboard.png"}, 3, True,
    )


def test_whiskers_span_the_interval_and_vanish_without_one(data_dir: Path) -> None:
    frame = load_frame(data_dir / "results")
    scored = frame[frame["status"] == "scored"].reset_index(drop=True)
    row = scored.iloc[0]
    expected = np.array(
        [[row["actors_f1"] - row["actors_f1_ci_low"], 0.0], [row["actors_f1_ci_high"] - row["actors_f1"], 0.0]]
    )
    np.testing.assert_allclose(_whiskers(scored, "actors"), expected)

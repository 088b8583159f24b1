"""The leaderboard chart: a PNG of per-category F1 bars with CI whiskers, written atomically."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread

from eval.reporting.chart import _whiskers, significant_bars, write_chart
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


def test_stars_mark_the_extractor_above_in_each_significant_scope(data_dir: Path) -> None:
    comparison = load_frame(data_dir / "results").attrs["comparison"]
    expected = {("rules" if d.difference > 0 else "toyllm", d.scope) for d in comparison.pairs[0].differences if d.significant}
    assert (significant_bars(comparison), expected) == (expected, {
        ("rules", "overall"), ("toyllm", "actors"), ("toyllm", "locations"), ("rules", "quotes"), ("rules", "events"),
    })


def test_without_a_comparison_no_bar_is_starred_and_the_chart_is_drawn(results_copy: Path) -> None:
    for path in results_copy.glob("*.predictions.jsonl"):
        path.unlink()
    assert (significant_bars(load_frame(results_copy).attrs["comparison"]), write_chart(results_copy).exists()) == (set(), True)

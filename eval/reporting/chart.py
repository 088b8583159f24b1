"""The leaderboard chart: grouped bars of per-category F1 per extractor, with CI whiskers."""
from __future__ import annotations

import uuid
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on servers or in CI

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from eval.paths import RESULT_FILES  # noqa: E402
from eval.reporting.leaderboard import SCORE_CATEGORIES, load_frame  # noqa: E402

COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3")


def _whiskers(frame: pd.DataFrame, cat: str) -> np.ndarray:
    """Distances from each F1 down to its CI low and up to its CI high; zero when there is no interval."""
    f1 = frame[f"{cat}_f1"].to_numpy(float)
    low = frame[f"{cat}_f1_ci_low"].to_numpy(float)
    high = frame[f"{cat}_f1_ci_high"].to_numpy(float)
    return np.nan_to_num(np.vstack([f1 - low, high - f1]), nan=0.0).clip(min=0.0)


def draw(frame: pd.DataFrame, path: Path) -> Path:
    """Draw the chart of the scored rows of ``frame`` into ``path`` (PNG)."""
    scored = frame[frame["status"] == "scored"].reset_index(drop=True)
    not_run = frame[frame["status"] == "not run"]["extractor"].tolist()
    n = max(len(scored), 1)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.6 + 1.9 * n), 4.2), dpi=120)
    width = 0.8 / len(SCORE_CATEGORIES)
    x = np.arange(len(scored))
    for i, cat in enumerate(SCORE_CATEGORIES):
        ax.bar(
            x + (i - (len(SCORE_CATEGORIES) - 1) / 2) * width,
            scored[f"{cat}_f1"].fillna(0.0),
            width,
            yerr=_whiskers(scored, cat),
            capsize=3,
            label=cat,
            color=COLOURS[i % len(COLOURS)],
            error_kw={"elinewidth": 1, "ecolor": "#333333"},
        )
    ax.set_xticks(x, scored["extractor"].tolist())
    ax.set_ylim(0, 1)
    ax.set_ylabel("F1 (headline mode)")
    title = "newsbench: F1 per category, whiskers = 95% bootstrap CI"
    ax.set_title(title, fontsize=10)
    if not_run:
        ax.text(0.99, 0.97, "not run: " + ", ".join(not_run), transform=ax.transAxes, ha="right", va="top", fontsize=8)
    if len(scored) == 0:
        ax.text(0.5, 0.5, "no scored extractors", transform=ax.transAxes, ha="center")
    ax.legend(ncol=len(SCORE_CATEGORIES), fontsize=8, loc="upper left", bbox_to_anchor=(0, -0.08), frameon=False)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    fig.tight_layout()
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")  # unique: two runs never share it
    fig.savefig(tmp, format="png")
    plt.close(fig)
    tmp.replace(path)  # atomic: never a half-written chart
    return path


def write_chart(results_dir: Path) -> Path:
    """Write ``results_dir/leaderboard.png`` from the saved results; returns its path."""
    return draw(load_frame(Path(results_dir)), Path(results_dir) / RESULT_FILES.chart)


__all__ = ["draw", "write_chart"]

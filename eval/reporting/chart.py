"""The leaderboard chart: grouped bars of per-category F1 per extractor, with CI whiskers.

A star above a bar marks an F1 significantly higher, at 0.05, than another extractor's F1 of the
same category (the paired tests of :mod:`eval.reporting.compare`); a footnote names the pairs, or
says that no difference is significant.
"""
from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on servers or in CI

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from eval.data.files import atomic_writer  # noqa: E402
from eval.paths import RESULT_FILES  # noqa: E402
from eval.reporting.compare import Comparison, verdict  # noqa: E402
from eval.reporting.leaderboard import SCORE_CATEGORIES, load_frame  # noqa: E402

COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3")


def _whiskers(frame: pd.DataFrame, cat: str) -> np.ndarray:
    """Distances from each F1 down to its CI low and up to its CI high; zero when there is no interval."""
    f1 = frame[f"{cat}_f1"].to_numpy(float)
    low = frame[f"{cat}_f1_ci_low"].to_numpy(float)
    high = frame[f"{cat}_f1_ci_high"].to_numpy(float)
    return np.nan_to_num(np.vstack([f1 - low, high - f1]), nan=0.0).clip(min=0.0)


def significant_bars(comparison: Comparison | None) -> set[tuple[str, str]]:
    """``(extractor, scope)`` of every F1 significantly above another extractor's in the same scope."""
    marks: set[tuple[str, str]] = set()
    for pair in comparison.pairs if comparison is not None else []:
        for d in pair.differences:
            if d.significant:
                marks.add((pair.a if d.difference > 0 else pair.b, d.scope))
    return marks


def draw(frame: pd.DataFrame, path: Path) -> Path:
    """Draw the chart of the scored rows of ``frame`` into ``path`` (PNG)."""
    scored = frame[frame["status"] == "scored"].reset_index(drop=True)
    not_run = frame[frame["status"] == "not run"]["extractor"].tolist()
    n = max(len(scored), 1)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.6 + 1.9 * n), 4.2), dpi=120)
    width = 0.8 / len(SCORE_CATEGORIES)
    x = np.arange(len(scored))
    comparison = frame.attrs.get("comparison")
    marks = significant_bars(comparison)
    for i, cat in enumerate(SCORE_CATEGORIES):
        at, heights, whiskers = x + (i - (len(SCORE_CATEGORIES) - 1) / 2) * width, scored[f"{cat}_f1"].fillna(0.0), _whiskers(scored, cat)
        for j, name in enumerate(scored["extractor"]):
            if (name, cat) in marks:
                ax.text(at[j], heights.iloc[j] + whiskers[1, j] + 0.01, "*", ha="center", va="bottom", fontsize=11)
        ax.bar(
            at,
            heights,
            width,
            yerr=whiskers,
            capsize=3,
            label=cat,
            color=COLOURS[i % len(COLOURS)],
            error_kw={"elinewidth": 1, "ecolor": "#333333"},
        )
    ax.set_xticks(x, scored["extractor"].tolist())
    ax.set_ylim(0, 1.1)  # room for a star above a bar at 1.0
    ax.set_yticks(np.linspace(0, 1, 6))
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
    footnote = _footnote(comparison, int(fig.get_figwidth() * 15))
    if footnote:
        fig.text(0.01, 0.01, footnote, fontsize=7, ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.04 * (footnote.count("\n") + 1) if footnote else 0, 1, 1))
    path = Path(path)
    image = io.BytesIO()
    fig.savefig(image, format="png")
    plt.close(fig)
    with atomic_writer(path) as fh:  # atomic, under a unique name: never a half-written chart; a full disk names the file
        fh.flush()
        fh.buffer.write(image.getbuffer())
    return path


def _footnote(comparison: Comparison | None, width: int) -> str:
    """The chart's footnote, wrapped at ``width`` characters: what a star means and which differences are significant (or none)."""
    if comparison is None or not comparison.pairs:
        return ""
    text = f"* significantly higher than another extractor (paired tests, {comparison.unit} units). {verdict(comparison)}"
    return "\n".join(textwrap.wrap(text, width))


def write_chart(results_dir: Path) -> Path:
    """Write ``results_dir/leaderboard.png`` from the saved results; returns its path."""
    return draw(load_frame(Path(results_dir)), Path(results_dir) / RESULT_FILES.chart)


__all__ = ["draw", "write_chart"]

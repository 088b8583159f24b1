"""The leaderboard: one row per extractor, from saved results, sorted by overall F1."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from eval.results import CATEGORIES, NotRun, RunResult, load_not_run, load_results

FORMATS = ("md", "csv", "json")


def leaderboard_frame(results: list[RunResult], not_run: list[NotRun]) -> pd.DataFrame:
    """A table with one row per extractor; extractors that did not run come last, unscored."""
    rows = []
    for r in sorted(results, key=lambda r: -r.scores["overall"]["f1"]):
        row = {"extractor": r.extractor, "status": "scored", "overall_f1": r.scores["overall"]["f1"]}
        for cat in CATEGORIES:
            for k in ("precision", "recall", "f1"):
                row[f"{cat}_{k}"] = r.scores[cat][k]
        row |= {"runtime_s": r.runtime_s, "peak_memory_mb": r.peak_memory_mb, "n_docs": r.n_docs, "reason": ""}
        rows.append(row)
    for n in sorted(not_run, key=lambda n: n.extractor):
        rows.append({"extractor": n.extractor, "status": "not run", "reason": n.reason})
    return pd.DataFrame(rows)


def load_frame(results_dir: Path) -> pd.DataFrame:
    return leaderboard_frame(load_results(results_dir), load_not_run(results_dir))


def render(frame: pd.DataFrame, fmt: str) -> str:
    """Render the leaderboard as Markdown, CSV or JSON."""
    if fmt == "csv":
        buf = io.StringIO()
        frame.to_csv(buf, index=False, float_format="%.4f")
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(json.loads(frame.to_json(orient="records")), indent=2) + "\n"
    return _markdown(frame)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:.3f}"
    return str(value)


def _markdown(frame: pd.DataFrame) -> str:
    header = ["extractor", "overall F1"] + [f"{c} F1" for c in CATEGORIES] + ["runtime (s)", "peak memory (MB)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for _, row in frame.iterrows():
        if row["status"] == "not run":
            cells = [row["extractor"], f"not run: {row['reason']}"] + [""] * (len(header) - 2)
        else:
            cells = [row["extractor"], _fmt(row["overall_f1"])] + [_fmt(row[f"{c}_f1"]) for c in CATEGORIES]
            cells += [f"{row['runtime_s']:.2f}", f"{row['peak_memory_mb']:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_leaderboard(results_dir: Path) -> pd.DataFrame:
    """Write ``leaderboard.md`` and ``leaderboard.csv`` beside the results; returns the table."""
    from eval.io import write_text

    frame = load_frame(results_dir)
    write_text(Path(results_dir) / "leaderboard.md", render(frame, "md"))
    write_text(Path(results_dir) / "leaderboard.csv", render(frame, "csv"))
    return frame

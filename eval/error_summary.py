"""A summary of the per-item error lists (``results/<extractor>.errors.jsonl``) for the README.

Counts per extractor, category, level and outcome, so that what each extractor typically misses is
read off a run rather than described from memory. ``newsbench errors --readme README.md`` rewrites
the ``errors`` block.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from eval.io import read_text

BLOCK = "errors"


def load_errors(results_dir: Path) -> pd.DataFrame:
    """Every error item of every extractor in ``results_dir``, with an ``extractor`` column."""
    frames = []
    for path in sorted(Path(results_dir).glob("*.errors.jsonl")):
        rows = [json.loads(line) for line in read_text(path).splitlines() if line.strip()]
        frame = pd.DataFrame(rows, columns=["category", "level", "outcome"] if not rows else None)
        frames.append(frame.assign(extractor=path.name.removesuffix(".errors.jsonl")))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["extractor", "category", "level", "outcome"])


def error_summary_table(results_dir: Path) -> str:
    """Markdown table: one row per extractor, category and level; one column per outcome.

    >>> error_summary_table(Path("/nonexistent"))
    'No error lists found.\\n'
    """
    errors = load_errors(results_dir)
    if errors.empty:
        return "No error lists found.\n"
    counts = errors.groupby(["extractor", "category", "level", "outcome"]).size().unstack("outcome", fill_value=0)
    header = ["extractor", "category", "level", *counts.columns]
    lines = ["| " + " | ".join(header) + " |", "| --- | --- | --- |" + " ---: |" * len(counts.columns)]
    for key, row in counts.iterrows():
        lines.append("| " + " | ".join([*key, *(str(int(v)) for v in row)]) + " |")
    return "\n".join(lines) + "\n"

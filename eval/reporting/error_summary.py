"""A summary of the per-item error lists (``results/<extractor>.errors.jsonl``) for the README.

Counts per extractor, category, level and outcome, so that what each extractor typically misses is
read off a run rather than described from memory. ``newsbench errors --readme README.md`` rewrites
the ``errors`` block.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from eval.data.parsing import read_json_lines
from eval.exceptions import InvalidInputError, Problem
from eval.paths import RESULT_FILES, extractors_with
from eval.reporting.markdown import markdown_table

BLOCK = "errors"


def load_errors(results_dir: Path) -> pd.DataFrame:
    """Every error item of every extractor in ``results_dir``, with an ``extractor`` column."""
    frames = []
    for name in extractors_with(results_dir, "errors"):
        path = Path(results_dir) / RESULT_FILES.errors(name)
        rows = read_json_lines(path, ("category", "level", "outcome"))
        frame = pd.DataFrame(rows, columns=["category", "level", "outcome"] if not rows else None)
        frames.append(frame.assign(extractor=name))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["extractor", "category", "level", "outcome"])


def error_counts(results_dir: Path) -> pd.DataFrame:
    """Errors counted per (extractor, category, level), one column per outcome; empty without error lists."""
    errors = load_errors(results_dir)
    if errors.empty:
        return pd.DataFrame()
    return errors.groupby(["extractor", "category", "level", "outcome"]).size().unstack("outcome", fill_value=0)


def error_summary_table(results_dir: Path) -> str:
    """Markdown table: one row per extractor, category and level; one column per outcome.

    >>> error_summary_table(Path("."))
    'No error lists found.\\n'
    """
    if not Path(results_dir).is_dir():
        raise InvalidInputError(Problem(str(results_dir), "", "results folder not found; run `newsbench run` first"))
    counts = error_counts(results_dir)
    if counts.empty:
        return "No error lists found.\n"
    header = ["extractor", "category", "level", *counts.columns]
    rows = [[*key, *(str(int(v)) for v in row)] for key, row in counts.iterrows()]
    return markdown_table(header, rows, left=3)

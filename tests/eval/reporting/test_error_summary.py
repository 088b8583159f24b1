"""The README's error summary is counted from the per-item error lists."""
from __future__ import annotations

from pathlib import Path

from eval.reporting.error_summary import error_summary_table


def test_summary_counts_outcomes_per_extractor_category_and_level(data_dir: Path) -> None:
    assert error_summary_table(data_dir / "errors") == (data_dir / "errors" / "summary.md").read_text()


def test_no_error_lists_says_so(tmp_path: Path) -> None:
    assert error_summary_table(tmp_path) == "No error lists found.\n"

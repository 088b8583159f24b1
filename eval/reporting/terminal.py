"""Tables for the terminal (rich): the leaderboard and the paired comparisons, as the commands print them."""
from __future__ import annotations

import pandas as pd
from rich.table import Table

from eval.reporting.compare import SCOPES, Comparison
from eval.reporting.leaderboard import failed_cell
from eval.scoring.figures import CATEGORIES

LEADERBOARD_TITLE = "newsbench leaderboard: F1, partial match, end to end (sorted by overall)"


def leaderboard_table(frame: pd.DataFrame, *, title: str | None = None, measured: bool = True) -> tuple[Table, list[str], list[str]]:
    """The leaderboard table, the "not run" reasons and the failed-document lines that go with it.

    ``measured=False`` (a scored file: nothing was run here) leaves out the time and memory columns.
    A "failed" column appears only when an extractor reports failed documents (LLMs).
    """
    table = Table(title=title or LEADERBOARD_TITLE)
    costs = ["time s", "mem MB"] if measured else []
    failures = "failed_docs" in frame and frame["failed_docs"].notna().any()
    costs += ["failed"] if failures else []
    for col in ["extractor", "overall", *CATEGORIES, *costs]:
        table.add_column(col, justify="left" if col == "extractor" else "right", no_wrap=True)
    reasons, failed = [], []
    for _, row in frame.iterrows():
        if row["status"] == "not run":
            table.add_row(row["extractor"], "not run", *["-"] * (len(CATEGORIES) + len(costs)))
            reasons.append(f"{row['extractor']}: not run: {row['reason']}")
            continue
        cost = [f"{row['runtime_s']:.2f}", f"{row['peak_memory_mb']:.0f}"] if measured else []
        cost += [failed_cell(row) or "-"] if failures else []
        if failed_cell(row) not in ("", "0"):
            failed.append(f"{row['extractor']}: {failed_cell(row)} documents failed; their items count as misses")
        table.add_row(row["extractor"], f"{row['overall_f1']:.3f}", *[f"{row[f'{c}_f1']:.3f}" for c in CATEGORIES], *cost)
    return table, reasons, failed


def comparison_tables(comparison: Comparison) -> list[Table]:
    """One table per pair of extractors: each scope's F1, difference, interval, p-values and verdict."""
    tables = []
    for pair in comparison.pairs:
        table = Table(title=f"F1 of {pair.a} (first) and {pair.b} (second) on {comparison.n_docs} gold documents",
                      show_edge=False, collapse_padding=True)
        for column in ("scope", "first", "second", "diff.", f"{comparison.confidence:.0%} CI", "p rand.", "p boot.", "sig."):
            table.add_column(column, justify="left" if column == "scope" else "right", no_wrap=True)
        for scope in SCOPES:
            d = pair.scope(scope)
            table.add_row(scope, f"{d.f1_a:.3f}", f"{d.f1_b:.3f}", f"{d.difference:+.3f}", f"[{d.ci[0]:+.3f}, {d.ci[1]:+.3f}]",
                          f"{d.p_randomisation:.4f}", f"{d.p_bootstrap:.4f}", "yes" if d.significant else "no")
        tables.append(table)
    return tables


def per_document_table(figures: dict[str, dict[str, float]], *, title: str) -> Table:
    """One row per document (in ``doc_id`` order): its overall and category headline F1."""
    from eval.scoring.per_document import COLUMNS

    table = Table(title=title)
    table.add_column("doc_id", justify="left", no_wrap=True)
    for col in COLUMNS:
        table.add_column(col, justify="right", no_wrap=True)
    for doc_id in sorted(figures):
        table.add_row(doc_id, *[f"{figures[doc_id][col]:.3f}" for col in COLUMNS])
    return table

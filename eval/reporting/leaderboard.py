"""The leaderboard: one row per extractor, from saved results, sorted by overall F1.

Each scored row carries per-category precision, recall and F1 with their bootstrap confidence
intervals (when the results object has them), runtime, peak memory and, for LLM extractors, tokens
and cost from ``usage``; the per-type F1 of ``breakdowns`` when the results object has them; and,
from a results folder, the paired differences to every other extractor with predictions
(:mod:`eval.reporting.compare`, the function behind ``newsbench compare``). Extractors that could
not run here are listed with their reason and never scored as zero.

The frame keeps the nested breakdowns and the comparison in ``frame.attrs`` (for the Markdown
tables, the JSON and the chart); its columns hold them flat (for the CSV).
"""
from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from eval.exceptions import NewsbenchError
from eval.paths import DEV_SPLITS, RESULT_FILES
from eval.reporting.breakdowns import breakdown_columns, breakdown_markdown
from eval.reporting.compare import (
    MAX_DOCS_COMPARED,
    SCOPES,
    Comparison,
    compare_results,
    differences_markdown,
    saved_comparison,
)
from eval.reporting.markdown import markdown_table
from eval.reporting.results import NotRun, RunResult, load_not_run, load_results
from eval.scoring.figures import CATEGORIES

FORMATS = ("md", "csv", "json")
SCORE_CATEGORIES = ("overall", *CATEGORIES)
METRICS = ("precision", "recall", "f1")
README_BLOCK = "leaderboard"


def _figure(scores: dict[str, Any], cat: str, metric: str) -> float:
    value = scores.get(cat, {}).get(metric)
    return float(value) if value is not None else math.nan


def _interval(scores: dict[str, Any], cat: str, metric: str) -> tuple[float, float]:
    """The CI of one figure; NaN bounds when the results object predates intervals."""
    ci = scores.get(cat, {}).get("ci") or {}
    bounds = ci.get(metric)
    if not bounds or len(bounds) != 2 or bounds[0] is None or bounds[1] is None:
        return math.nan, math.nan
    return float(bounds[0]), float(bounds[1])


def _usage_columns(usage: dict[str, Any] | None) -> dict[str, Any]:
    usage = usage or {}
    prompt, completion = usage.get("prompt_tokens"), usage.get("completion_tokens")
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": (prompt or 0) + (completion or 0) if (prompt is not None or completion is not None) else None,
        "cost": usage.get("cost"),
        "currency": usage.get("currency"),
        # Documents whose requests failed are scored as misses; the row must say so, or it looks like a normal score.
        "failed_docs": usage.get("failures"),
    }


def result_row(r: RunResult) -> dict[str, Any]:
    """One scored leaderboard row: every figure with its interval, resources and LLM usage."""
    row: dict[str, Any] = {"extractor": r.extractor, "version": r.extractor_version, "status": "scored"}
    for cat in SCORE_CATEGORIES:
        for metric in METRICS:
            row[f"{cat}_{metric}"] = _figure(r.scores, cat, metric)
            row[f"{cat}_{metric}_ci_low"], row[f"{cat}_{metric}_ci_high"] = _interval(r.scores, cat, metric)
    row |= {"runtime_s": r.runtime_s, "setup_s": r.setup_s, "peak_memory_mb": r.peak_memory_mb, "n_docs": r.n_docs}
    row |= _usage_columns(r.usage)
    row["reason"] = ""
    return row | breakdown_columns(r.breakdowns)


#: Per difference to another extractor: the CSV column suffixes and the fields of :class:`~eval.reporting.compare.Difference`.
DIFFERENCE_FIELDS = ("f1", "ci_low", "ci_high", "p_randomisation", "p_bootstrap", "significant")


def difference_columns(name: str, comparison: Comparison | None) -> dict[str, Any]:
    """Flat ``diff_vs_<other>_<scope>_<field>`` of extractor ``name``: its F1 minus the other's, both tests."""
    row: dict[str, Any] = {}
    for other, scope, values in _differences_of(name, comparison):
        row |= {f"diff_vs_{other}_{scope}_{k}": values[k] for k in DIFFERENCE_FIELDS}
    return row


def _differences_of(name: str, comparison: Comparison | None) -> list[tuple[str, str, dict[str, Any]]]:
    """``(other, scope, figures)`` of every pair with ``name``, signed as ``name`` minus ``other``."""
    out = []
    for pair in comparison.pairs if comparison else []:
        if name not in (pair.a, pair.b):
            continue
        sign, other = (1, pair.b) if name == pair.a else (-1, pair.a)
        for scope in SCOPES:
            d = pair.scope(scope)
            low, high = sorted((sign * d.ci[0], sign * d.ci[1]))
            out.append((other, scope, {"f1": sign * d.difference, "ci_low": low, "ci_high": high, "p_randomisation": d.p_randomisation,
                                       "p_bootstrap": d.p_bootstrap, "significant": d.significant}))
    return out


def leaderboard_frame(
    results: list[RunResult], not_run: list[NotRun], comparison: Comparison | None = None, differences_note: str = ""
) -> pd.DataFrame:
    """A table with one row per extractor; extractors that did not run come last, unscored.

    Ties on overall F1 are broken by name so that the order of the input never changes the table.
    ``comparison`` (paired tests between extractors) adds the difference columns; ``differences_note``
    says why there is none (kept for the Markdown).
    """
    ranked = sorted(results, key=lambda r: (-_figure(r.scores, "overall", "f1"), r.extractor))
    rows = [result_row(r) | difference_columns(r.extractor, comparison) for r in ranked]
    scored = {r["extractor"] for r in rows}
    for n in sorted(not_run, key=lambda n: n.extractor):
        if n.extractor not in scored:
            rows.append({"extractor": n.extractor, "status": "not run", "reason": n.reason})
    base = _columns()
    extra = [c for row in rows for c in row if c not in base]
    frame = pd.DataFrame(rows, columns=base + list(dict.fromkeys(extra)))
    frame.attrs["breakdowns"] = {r.extractor: r.breakdowns for r in ranked}
    frame.attrs["comparison"] = comparison
    frame.attrs["differences_note"] = differences_note
    return frame


def _columns() -> list[str]:
    cols = ["extractor", "version", "status"]
    for cat in SCORE_CATEGORIES:
        for metric in METRICS:
            cols += [f"{cat}_{metric}", f"{cat}_{metric}_ci_low", f"{cat}_{metric}_ci_high"]
    cols += ["runtime_s", "setup_s", "peak_memory_mb", "n_docs"]
    cols += ["prompt_tokens", "completion_tokens", "total_tokens", "cost", "currency", "failed_docs", "reason"]
    return cols


def load_frame(results_dir: Path, gold: str | Path | None = None) -> pd.DataFrame:
    """The leaderboard of a results folder, with the paired differences of its extractors' predictions against ``gold``.

    A comparison that cannot be made (a predictions file that does not pair with the gold, say)
    leaves the leaderboard as it is and says why in its Markdown.
    """
    results = load_results(results_dir)
    comparison, note = saved_comparison(results_dir), ""
    too_many = any(r.n_docs > MAX_DOCS_COMPARED for r in results)
    if comparison is None and too_many:
        note = f"not computed here above {MAX_DOCS_COMPARED} gold documents; run `newsbench compare`"
    try:
        comparison = comparison or (None if too_many else compare_results(results_dir, gold))
    except NewsbenchError as exc:
        note = f"not computed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    return leaderboard_frame(results, load_not_run(results_dir), comparison, note)


def render(frame: pd.DataFrame, fmt: str) -> str:
    """Render the leaderboard as Markdown, CSV or JSON.

    Raises:
        NewsbenchError: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt == "csv":
        buf = io.StringIO()
        frame.to_csv(buf, index=False, float_format="%.4f")
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(_nested_records(frame), indent=2) + "\n"
    if fmt == "md":
        return _markdown(frame)
    raise NewsbenchError(f"Unknown format {fmt!r}. Available: {', '.join(FORMATS)}")


def _nested_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The JSON rows: the base columns, then ``breakdowns`` and ``differences`` nested (None when absent)."""
    base = _columns()
    comparison = frame.attrs.get("comparison")
    breakdowns = frame.attrs.get("breakdowns") or {}
    records = []
    for record in json.loads(frame[base].to_json(orient="records")):
        name = record["extractor"]
        nested: dict[str, Any] = {}
        for other, scope, values in _differences_of(name, comparison):
            nested.setdefault(other, {})[scope] = values
        records.append(record | {"breakdowns": breakdowns.get(name), "differences": nested or None})
    return records


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _num(value: object, digits: int = 3) -> str:
    return "" if _missing(value) else f"{float(value):.{digits}f}"  # type: ignore[arg-type]


def _with_ci(row: pd.Series, key: str) -> str:
    """``0.729 [0.622, 0.824]``; the bare figure when there is no interval."""
    value, low, high = row.get(key), row.get(f"{key}_ci_low"), row.get(f"{key}_ci_high")
    if _missing(value):
        return ""
    if _missing(low) or _missing(high):
        return _num(value)
    return f"{_num(value)} [{_num(low)}, {_num(high)}]"


def _tokens(row: pd.Series) -> str:
    return "" if _missing(row.get("total_tokens")) else f"{int(row['total_tokens']):,}"


def _cost(row: pd.Series) -> str:
    if _missing(row.get("cost")):
        return ""
    currency = "" if _missing(row.get("currency")) else f" {row['currency']}"
    return f"{float(row['cost']):.4f}{currency}"


def failed_cell(row: pd.Series) -> str:
    """``"failed of all"`` documents of an extractor that reports failures (LLMs), else empty.

    >>> failed_cell(pd.Series({"failed_docs": 2, "n_docs": 3}))
    '2 of 3'
    >>> failed_cell(pd.Series({"failed_docs": None, "n_docs": 3}))
    ''
    """
    failed = row.get("failed_docs")
    if _missing(failed):
        return ""
    return "0" if int(failed) == 0 else f"{int(failed)} of {int(row['n_docs'])}"


def _markdown(frame: pd.DataFrame) -> str:
    scored = frame[frame["status"] == "scored"]
    not_run = frame[frame["status"] == "not run"]
    head = ["extractor", *(f"{c} F1 [95% CI]" for c in SCORE_CATEGORIES), "runtime (s)", "peak memory (MB)", "tokens", "cost",
            "failed docs"]
    body = [
        [row["extractor"], *(_with_ci(row, f"{c}_f1") for c in SCORE_CATEGORIES),
         _num(row["runtime_s"], 2), _num(row["peak_memory_mb"], 0), _tokens(row), _cost(row), failed_cell(row)]
        for _, row in scored.iterrows()
    ]
    body += [[row["extractor"], "not run", *[""] * (len(head) - 2)] for _, row in not_run.iterrows()]
    lines = [markdown_table(head, body).rstrip("\n")]
    if len(scored):
        pr_head = ["extractor", *(f"{c} {m[0].upper()}" for c in CATEGORIES for m in ("precision", "recall"))]
        pr_body = [
            [row["extractor"], *(_with_ci(row, f"{c}_{m}") for c in CATEGORIES for m in ("precision", "recall"))]
            for _, row in scored.iterrows()
        ]
        lines += ["", "Precision (P) and recall (R) per category [95% CI]:", "", markdown_table(pr_head, pr_body).rstrip("\n")]
    failed = [f"- {row['extractor']}: {failed_cell(row)} documents failed; their items count as misses"
              for _, row in scored.iterrows() if failed_cell(row) not in ("", "0")]
    if failed:
        lines += [""] + failed
    if len(not_run):
        lines += [""] + [f"- {row['extractor']}: not run: {row['reason']}" for _, row in not_run.iterrows()]
    per_type = breakdown_markdown([(name, frame.attrs.get("breakdowns", {}).get(name)) for name in scored["extractor"]])
    if per_type:
        lines += ["", per_type.rstrip("\n")]
    differences = _differences_markdown(frame, len(scored))
    if differences:
        lines += ["", differences.rstrip("\n")]
    return "\n".join(lines) + "\n"


def _differences_markdown(frame: pd.DataFrame, n_scored: int) -> str:
    """The "Differences" section: the paired tests, or why there are none (with two or more scored extractors)."""
    comparison, note = frame.attrs.get("comparison"), frame.attrs.get("differences_note")
    if comparison is not None and comparison.pairs:
        return differences_markdown(comparison)
    if n_scored < 2:
        return ""
    why = note or "; ".join(comparison.notes if comparison else []) or "no predictions files"
    return f"Differences between extractors (paired tests): {why}.\n"


def splits_markdown(results_dir: Path, splits_root: Path | None = None, frame: pd.DataFrame | None = None) -> str:
    """The "Generalisation" section: each extractor's F1 on the test gold beside the development halves.

    A results folder holds the test gold's results; ``dev/`` and ``devtest/`` inside it, when present,
    hold runs on the invented development halves (``newsbench run --split dev --out results/dev``).
    Empty when neither is there. ``splits_root`` is where those folders are when ``results_dir`` is a
    stage of it (``newsbench run`` builds its files in a hidden folder inside ``--out``); ``frame`` is the
    test gold's leaderboard when the caller has already loaded it.
    """
    results_dir = Path(results_dir)
    root = Path(splits_root) if splits_root is not None else results_dir
    frames = {"test": frame if frame is not None else load_frame(results_dir)} | {
        split: leaderboard_frame(load_results(root / split), load_not_run(root / split))
        for split in DEV_SPLITS if (root / split).is_dir()
    }
    if len(frames) == 1:
        return ""
    head = ["extractor", "gold", *(f"{c} F1 [95% CI]" for c in SCORE_CATEGORIES), "documents"]
    body = []
    for name in sorted({n for frame in frames.values() for n in frame["extractor"]}):
        for split, frame in frames.items():
            rows = frame[frame["extractor"] == name]
            if not len(rows):
                continue
            row = rows.iloc[0]
            if row["status"] != "scored":
                body.append([name, split, "not run", *[""] * (len(head) - 3)])
                continue
            body.append([name, split, *(_with_ci(row, f"{c}_f1") for c in SCORE_CATEGORIES), str(int(row["n_docs"]))])
    intro = ("Generalisation: the same extractors on the test gold and on the two halves of the invented development "
             "set (`gold/dev/`; `dev` was used while developing the extractors, `devtest` never), never part of the "
             "headline figures above:")
    return intro + "\n\n" + markdown_table(head, body)


def write_leaderboard(results_dir: Path, splits_root: Path | None = None) -> pd.DataFrame:
    """Write ``leaderboard.md`` and ``leaderboard.csv`` beside the results; returns the table.

    No ``leaderboard.json`` here: every other ``*.json`` in the folder is a results object.
    """
    from eval.data.files import write_text

    frame = load_frame(results_dir)
    splits = splits_markdown(results_dir, splits_root, frame)
    write_text(Path(results_dir) / RESULT_FILES.leaderboard_md, render(frame, "md") + (f"\n{splits}" if splits else ""))
    write_text(Path(results_dir) / RESULT_FILES.leaderboard_csv, render(frame, "csv"))
    return frame


def readme_block(results_dir: Path, readme: Path) -> str:
    """The README's leaderboard block: the Markdown table and the chart, linked relative to the README."""
    results_dir = Path(results_dir)
    frame = load_frame(results_dir)
    body = render(frame, "md")
    splits = splits_markdown(results_dir, frame=frame)
    body += f"\n{splits}" if splits else ""
    chart = results_dir / RESULT_FILES.chart
    if chart.exists():
        try:
            rel = chart.resolve().relative_to(Path(readme).resolve().parent).as_posix()
        except ValueError:
            rel = chart.as_posix()
        body += f"\n![Per-category F1 with 95% confidence intervals]({rel})\n"
    return body


def update_readme(readme: Path, results_dir: Path) -> bool:
    """Fill the ``leaderboard`` block of ``readme`` from ``results_dir``; True when the file changed."""
    from eval.reporting.markdown import update_block

    return update_block(Path(readme), README_BLOCK, readme_block(results_dir, readme))

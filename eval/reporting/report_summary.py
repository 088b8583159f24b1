"""The summary at the top of the HTML report: who is best where, and what each extractor gets wrong.

The first table holds each extractor's headline F1 and its tp, fp and fn per category, exactly as the
results object (``<extractor>.json``) records them; the best F1 of a category is marked in words as
well as in bold. The second counts the error list per category, level and outcome (the same counts
as ``newsbench errors``).
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, Sequence

from eval.paths import RESULT_FILES
from eval.reporting.error_summary import error_counts
from eval.reporting.results import NotRun, RunResult, load_not_run, load_results
from eval.scoring.figures import CATEGORIES

COUNTS = ("tp", "fp", "fn")
SUMMARY_CATEGORIES = (*CATEGORIES, "overall")


def _cell(value: Any, extractor: str, category: str, figure: str, best: bool = False) -> str:
    text = "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
    attrs = f'data-extractor="{escape(extractor, quote=True)}" data-category="{category}" data-figure="{figure}"'
    if best:
        return f'<td {attrs} class="best">{text} <span class="tag">best</span></td>'
    return f"<td {attrs}>{text}</td>"


def _figures(category: str) -> tuple[str, ...]:
    # "overall" is a mean of the category headlines: it has an F1 and no counts of its own.
    return ("f1",) if category == "overall" else ("f1", *COUNTS)


def _best_f1(results: list[RunResult], category: str) -> float | None:
    values = [r.scores.get(category, {}).get("f1") for r in results]
    values = [v for v in values if v is not None]
    return max(values) if len(values) > 1 else None  # one extractor alone is best at nothing


def scores_table(results: list[RunResult], not_run: Sequence[NotRun] = ()) -> str:
    """Headline F1 and counts per extractor and category, the best F1 of each category marked; then who did not run."""
    if not results and not not_run:
        return f"<p>No results object (<code>{escape(RESULT_FILES.result('<extractor>'))}</code>) in this folder.</p>"
    head = "".join(
        f'<th scope="colgroup" colspan="{len(_figures(c))}" title="{escape(_headline(results, c), quote=True)}">{c}</th>'
        for c in SUMMARY_CATEGORIES
    )
    sub = "".join(f'<th scope="col">{f.upper() if f != "f1" else "F1"}</th>' for c in SUMMARY_CATEGORIES for f in _figures(c))
    best = {c: _best_f1(results, c) for c in SUMMARY_CATEGORIES}
    rows = []
    for r in sorted(results, key=lambda r: r.extractor):
        cells = "".join(
            _cell(r.scores.get(c, {}).get(f), r.extractor, c, f, best=f == "f1" and best[c] is not None
                  and r.scores.get(c, {}).get("f1") == best[c])
            for c in SUMMARY_CATEGORIES for f in _figures(c)
        )
        rows.append(f'<tr><th scope="row">{escape(r.extractor)}</th>{cells}</tr>')
    width = sum(len(_figures(c)) for c in SUMMARY_CATEGORIES)
    rows += [f'<tr class="not-run"><th scope="row">{escape(n.extractor)}</th><td colspan="{width}">not run: '
             f"{escape(n.reason)}</td></tr>" for n in not_run if n.extractor not in {r.extractor for r in results}]
    return (
        '<table class="summary" id="scores"><caption>Headline scores (F1 and true positives, false positives, '
        "false negatives as the scorer counts them; hover a category for its headline figure)</caption>"
        f'<thead><tr><th rowspan="2" scope="col">extractor</th>{head}</tr><tr>{sub}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def _headline(results: list[RunResult], category: str) -> str:
    return next((r.scores[category].get("headline", "") for r in results if category in r.scores), "")


def errors_table(results_dir: Path) -> str:
    """The error list counted per extractor, category and level, one column per outcome."""
    counts = error_counts(results_dir)
    if counts.empty:
        return f"<p>No error list (<code>{escape(RESULT_FILES.errors('<extractor>'))}</code>) in this folder.</p>"
    head = "".join(f'<th scope="col">{escape(o.replace("_", " "))}</th>' for o in counts.columns)
    rows = []
    for (extractor, category, level), row in counts.iterrows():
        cells = "".join(
            f'<td data-extractor="{escape(extractor, quote=True)}" data-category="{category}" data-level="{level}" '
            f'data-outcome="{o}">{int(v)}</td>'
            for o, v in row.items()
        )
        rows.append(f'<tr><th scope="row">{escape(extractor)}</th><td>{category}</td><td>{level}</td>{cells}</tr>')
    return (
        '<table class="summary" id="error-counts"><caption>Errors in the error lists, by category, level and outcome'
        "</caption>"
        f'<thead><tr><th scope="col">extractor</th><th scope="col">category</th><th scope="col">level</th>{head}</tr>'
        f'</thead><tbody>{"".join(rows)}</tbody></table>'
    )


def summary(results_dir: Path) -> str:
    """The summary section: the scores table, then the error counts."""
    return (f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
            f"{scores_table(load_results(results_dir), load_not_run(results_dir))}{errors_table(results_dir)}</section>")

"""``newsbench compare``: is the difference in F1 between two extractors more than chance?

For each pair of extractors of a results folder with a predictions file, the predictions are
paired with the gold (the one pairing path, :func:`eval.scoring.pairing.read_predictions`) and
re-scored document by document (:func:`eval.scoring.scorer.score_pair`). The headline counts are
then tested per category and overall (the mean of the four category F1, as in the leaderboard) by
a paired bootstrap (interval and p-value) and by approximate randomisation
(:mod:`eval.reporting.significance`), over the units of the scorer's confidence intervals:

* from :data:`~eval.scoring.bootstrap.MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP` documents on, documents;
* below, annotation units of the headline alignment. To pair the two extractors' records, a unit
  is a gold item (each extractor's record for it: an aligned pair or a miss) or a predicted item
  left unaligned (a spurious record of one extractor, nothing for the other).

A difference is called significant at :data:`ALPHA` when the approximate randomisation p-value is
below it and the bootstrap interval excludes 0: both tests must agree.
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

from eval.data.files import read_text, write_text
from eval.data.models import Document
from eval.exceptions import InvalidInputError, NewsbenchError, Problem
from eval.gold.load import GoldSet, describe_source, load_gold
from eval.paths import RESULT_FILES, extractors_with
from eval.reporting.results import load_results
from eval.reporting.significance import paired_tests
from eval.scoring.bootstrap import CONFIDENCE, MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP
from eval.scoring.document import PairCounts
from eval.scoring.figures import CATEGORIES, HEADLINE, HEADLINE_MODE
from eval.scoring.pairing import Pairing, read_predictions
from eval.scoring.scorer import score_pair

ALPHA = 0.05
N_BOOT = 1000
ROUNDS = 10_000
SCOPES = ("overall", *CATEGORIES)

#: The error level of a category's headline items (the scorer lists their misses at this level).
ITEM_LEVEL = {"actors": "entity", "locations": "entity", "quotes": "quote", "events": "event"}

CAVEAT = (
    f"Fewer than {MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP} documents: the tests resample and swap annotation units "
    "(gold items and unaligned predictions) as if they were independent. Units of one document are correlated, "
    "so the intervals are too narrow and the p-values too small: read them as optimistic."
)


#: Above this many gold documents ``run`` and the leaderboard leave the paired tests to ``newsbench compare``:
#: they hold every prediction in memory, and ``run`` must stay flat in memory in the number of documents.
MAX_DOCS_COMPARED = 1000


class Difference(BaseModel):
    """F1 of ``a`` minus F1 of ``b`` in one scope (a category or overall), with both tests."""

    model_config = ConfigDict(frozen=True)

    scope: str
    f1_a: float
    f1_b: float
    difference: float
    ci: tuple[float, float]
    p_bootstrap: float
    p_randomisation: float
    significant: bool


class PairComparison(BaseModel):
    """Two extractors, ``a`` the one with the higher overall F1 (ties: by name)."""

    model_config = ConfigDict(frozen=True)

    a: str
    b: str
    differences: list[Difference]

    def scope(self, name: str) -> Difference:
        return next(d for d in self.differences if d.scope == name)


class Comparison(BaseModel):
    """Every pair of extractors of a results folder, and how they were tested."""

    model_config = ConfigDict(frozen=True)

    gold_source: str
    n_docs: int
    unit: str  # "document" or "annotation"
    caveat: str | None
    n_boot: int
    rounds: int
    seed: int
    confidence: float = CONFIDENCE
    alpha: float = ALPHA
    extractors: list[str]
    pairs: list[PairComparison]
    notes: list[str]


#: Ranges of the options of :func:`compare_results`: the upper bounds keep one run under about a minute here.
LIMITS = {"--n-boot": (1, 100_000), "--rounds": (1, 1_000_000), "--seed": (0, 2**32 - 1)}


def compare_results(
    results_dir: Path,
    gold: str | Path | GoldSet | None = None,
    *,
    n_boot: int = N_BOOT,
    rounds: int = ROUNDS,
    seed: int = 0,
    warn: Callable[[Problem], None] | None = None,
) -> Comparison:
    """Test every pair of extractors with predictions in ``results_dir`` against ``gold`` (default: shipped).

    Raises:
        InvalidInputError: the folder is missing, a predictions file does not pair with the gold.
        NewsbenchError: ``n_boot``, ``rounds`` or ``seed`` is out of its range (:data:`LIMITS`).
    """
    for option, value in (("--n-boot", n_boot), ("--rounds", rounds), ("--seed", seed)):
        low, high = LIMITS[option]
        if not low <= value <= high:
            # a billion resamples would run for days or exhaust the memory; numpy takes no negative seed
            raise NewsbenchError(f"{option} {value}: must be from {low:,} to {high:,}")
    results_dir = Path(results_dir)
    if not results_dir.is_dir():
        raise InvalidInputError(Problem(str(results_dir), "", "results folder not found; run `newsbench run` first"))
    gold_set = gold if isinstance(gold, GoldSet) else load_gold(gold)
    names = extractors_with(results_dir, "predictions")
    notes = _gold_notes(results_dir, gold_set, names)
    unit = "document" if len(gold_set.documents) >= MIN_DOCS_FOR_DOCUMENT_BOOTSTRAP else "annotation"
    # With fewer than two extractors there is nothing to pair: no prediction is read.
    units = {n: _units(read_predictions(results_dir / RESULT_FILES.predictions(n), gold_set, warn), unit)
             for n in (names if len(names) >= 2 else [])}
    pairs = [_compare_pair(x, y, units[x], units[y], unit, n_boot, rounds, seed) for x, y in combinations(names, 2)]
    if len(names) < 2:
        found = ", ".join(names) or "none"
        notes.append(f"fewer than two extractors have a {RESULT_FILES.predictions('<name>')} file in {results_dir} (found: {found})")
    return Comparison(
        gold_source=describe_source(gold_set.source), n_docs=len(gold_set.documents), unit=unit, caveat=CAVEAT if unit == "annotation" else None,
        n_boot=n_boot, rounds=rounds, seed=seed, extractors=names,
        pairs=sorted(pairs, key=lambda p: (p.a, p.b)), notes=notes,
    )


def _gold_notes(results_dir: Path, gold: GoldSet, names: list[str]) -> list[str]:
    """Extractors whose saved results were scored against another gold than the one compared on."""
    saved = {r.extractor: r.gold_sha256 for r in load_results(results_dir)}
    return [
        f"{n}: its results were scored against another gold (sha256 {saved[n][:12]}..., this gold {gold.sha256[:12]}...)"
        for n in names if n in saved and saved[n] != gold.sha256
    ]


#: One extractor's units: documents give an ``(n_docs, 4, 3)`` array; annotation units give,
#: per category, ``{unit key: (tp, n_gold, n_pred)}``.
Units = np.ndarray | dict[str, dict[tuple, tuple[int, int, int]]]


def _units(pairing: Pairing, unit: str) -> Units:
    pairs = sorted(pairing.pairs, key=lambda pair: pair[0].doc_id)
    if unit == "document":
        scored = [score_pair(g, p, collect_errors=False) for g, p in pairs]
        return np.array([[r.counts[(c, HEADLINE[c], HEADLINE_MODE)] for c in CATEGORIES] for r in scored], dtype=np.int64)
    records: dict[str, dict[tuple, tuple[int, int, int]]] = {c: {} for c in CATEGORIES}
    for gold, pred in pairs:
        # The errors name the missed gold items, which places each record on its gold item.
        result = score_pair(gold, pred, collect_errors=True)
        for cat in CATEGORIES:
            records[cat].update(gold_item_records(gold, result, cat))
    return records


def gold_item_records(gold: Document, result: PairCounts, category: str) -> dict[tuple, tuple[int, int, int]]:
    """The headline records of one document and category, keyed by the gold item or unaligned prediction they count.

    ``result.units[category]()`` lists the aligned pairs (by gold index), then the misses and the
    spurious predictions (by index); the missed gold items are those the error list reports, so the
    aligned ones are the others, in order. Keys: ``(doc_id, "gold", index)`` and ``(doc_id,
    "spurious", rank)``, spurious records sorted so that the order of the predictions never matters.
    """
    records = result.units[category]()
    ids = [item.id for item in getattr(gold, category)]
    missed_ids = {e.gold_id for e in result.errors if e.category == category and e.level == ITEM_LEVEL[category] and e.outcome == "missed"}
    missed = [i for i, item_id in enumerate(ids) if item_id in missed_ids]
    aligned = [i for i, item_id in enumerate(ids) if item_id not in missed_ids]
    paired = [r for r in records if r[1] > 0 and r[2] > 0]
    lost = [r for r in records if r[1] > 0 and r[2] == 0]
    spurious = sorted(r for r in records if r[1] == 0)
    if (len(paired), len(lost), len(paired) + len(lost)) != (len(aligned), len(missed), len(ids)):
        raise AssertionError(
            f"{gold.doc_id} {category}: {len(paired)} aligned and {len(lost)} missed records do not match "
            f"{len(aligned)} aligned and {len(missed)} missed gold items"
        )
    keyed = {(gold.doc_id, "gold", i): r for i, r in zip(aligned + missed, paired + lost)}
    return keyed | {(gold.doc_id, "spurious", k): r for k, r in enumerate(spurious)}


def _blocks(units_a: Units, units_b: Units, unit: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """Paired count arrays: one block of documents, or one block of annotation units per category."""
    if unit == "document":
        return [(units_a, units_b)]
    blocks = []
    for cat in CATEGORIES:
        a, b = units_a[cat], units_b[cat]
        gold = sorted(k for k in a if k[1] == "gold")  # the same gold items for both
        # A spurious record is one extractor's own: the other has nothing on that unit.
        rows_a = [a[k] for k in gold] + [a[k] for k in sorted(a) if k[1] == "spurious"] + [_NOTHING] * _n_spurious(b)
        rows_b = [b[k] for k in gold] + [_NOTHING] * _n_spurious(a) + [b[k] for k in sorted(b) if k[1] == "spurious"]
        blocks.append((np.array(rows_a, dtype=np.int64).reshape(-1, 1, 3), np.array(rows_b, dtype=np.int64).reshape(-1, 1, 3)))
    return blocks


_NOTHING = (0, 0, 0)


def _n_spurious(records: dict[tuple, tuple[int, int, int]]) -> int:
    return sum(1 for k in records if k[1] == "spurious")


def _compare_pair(x: str, y: str, ux: Units, uy: Units, unit: str, n_boot: int, rounds: int, seed: int) -> PairComparison:
    out = paired_tests(_blocks(ux, uy, unit), n_boot, rounds, seed, CONFIDENCE)
    if out["difference"][0] < 0 or (out["difference"][0] == 0 and y < x):
        # Both tests are symmetric: swapping the extractors negates every difference, keeps every p-value.
        x, y = y, x
        out |= {"f1_a": out["f1_b"], "f1_b": out["f1_a"], "difference": -out["difference"], "interval": -out["interval"][::-1]}
    differences = [
        Difference(
            scope=scope, f1_a=float(out["f1_a"][i]), f1_b=float(out["f1_b"][i]), difference=float(out["difference"][i]),
            ci=(float(out["interval"][0, i]), float(out["interval"][1, i])), p_bootstrap=float(out["p_bootstrap"][i]),
            p_randomisation=float(out["p_randomisation"][i]),
            significant=bool(out["p_randomisation"][i] < ALPHA and not out["interval"][0, i] <= 0 <= out["interval"][1, i]),
        )
        for i, scope in enumerate(SCOPES)
    ]
    return PairComparison(a=x, b=y, differences=differences)


def _signed(value: float) -> str:
    return f"{value:+.3f}"


def difference_cell(d: Difference) -> str:
    """``+0.077 [+0.011, +0.137] p=0.021 *``: the difference, its interval, the randomisation p and a star when significant."""
    interval = "" if np.isnan(d.ci[0]) else f" [{_signed(d.ci[0])}, {_signed(d.ci[1])}]"
    p = "" if np.isnan(d.p_randomisation) else f" {p_value(d.p_randomisation)}"
    return f"{_signed(d.difference)}{interval}{p}{' *' if d.significant else ''}"


def verdict(comparison: Comparison) -> str:
    """One sentence: which differences are significant and which way, or that none is (an honest answer too)."""
    if not comparison.pairs:
        return "No pair of extractors to compare."
    found = []
    for p in comparison.pairs:
        for better, worse, sign in ((p.a, p.b, 1), (p.b, p.a, -1)):
            scopes = [d.scope for d in p.differences if d.significant and sign * d.difference > 0]
            if scopes:
                found.append(f"{better} above {worse} in {', '.join(scopes)}")
    if not found:
        return f"None of the differences is significant at {comparison.alpha}."
    return f"Significant at {comparison.alpha}: " + "; ".join(found) + "."


def p_value(p: float) -> str:
    """``p=0.021``; ``p<0.001`` below (the smallest p of 10,000 rounds is 1/10,001, never 0).

    >>> p_value(0.0213), p_value(0.0001)
    ('p=0.021', 'p<0.001')
    """
    return "p<0.001" if p < 0.001 else f"p={p:.3f}"


def method_note(comparison: Comparison) -> str:
    """How the figures were made, for a footnote."""
    unit = "documents" if comparison.unit == "document" else "annotation units"
    return (
        f"F1 of the first minus the second extractor, headline figures ({HEADLINE_MODE} mode); "
        f"[{comparison.confidence:.0%} paired bootstrap interval, {comparison.n_boot} resamples of {unit}]; "
        f"p: approximate randomisation, {comparison.rounds} rounds, seed {comparison.seed}; "
        f"significant (sig., *) at {comparison.alpha}: p below it and the interval excluding 0."
    )


def differences_markdown(comparison: Comparison) -> str:
    """The leaderboard's "Differences" section: a table with a row per pair, and the caveat."""
    from eval.reporting.markdown import markdown_table

    lines = ["Differences between extractors (paired tests):", ""]
    if comparison.pairs:
        head = ["pair", *SCOPES]
        body = [[f"{p.a} vs {p.b}", *(difference_cell(p.scope(s)) for s in SCOPES)] for p in comparison.pairs]
        lines += [markdown_table(head, body).rstrip("\n"), "", method_note(comparison), "", verdict(comparison)]
    if comparison.notes:
        lines += ["", *(f"- {note}" for note in comparison.notes)]
    if comparison.caveat and comparison.pairs:
        lines += ["", f"Caveat: {comparison.caveat}"]
    return "\n".join(lines) + "\n"


def save_comparison(results_dir: Path, comparison: Comparison) -> None:
    """Keep ``comparison`` beside the results (``newsbench run`` does), so the leaderboard need not score again."""
    write_text(Path(results_dir) / RESULT_FILES.comparison, comparison.model_dump_json(indent=2) + "\n")


def saved_comparison(results_dir: Path) -> Comparison | None:
    """The comparison saved with the results, when it covers exactly the extractors that have predictions there.

    A results folder changed since (``score --out`` added an extractor, say) has no valid saved comparison: None.
    """
    path = Path(results_dir) / RESULT_FILES.comparison
    if not path.is_file():
        return None
    try:
        comparison = Comparison.model_validate_json(read_text(path))
    except ValueError as exc:
        raise InvalidInputError(Problem(str(path), "", f"not a newsbench comparison: {str(exc).splitlines()[0]}")) from None
    return comparison if comparison.extractors == extractors_with(results_dir, "predictions") else None

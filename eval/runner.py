"""Running extractors over the gold, measuring them, scoring them and saving the results.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from eval import __version__
from eval.data.files import atomic_writer, write_text
from eval.data.models import Document
from eval.data.parsing import write_documents
from eval.exceptions import ExtractorUnavailableError, NewsbenchError, Problem
from eval.extraction.measure import measure, now_iso
from eval.gold.load import GoldSet
from eval.paths import RESULT_FILES
from eval.registry import (
    Article,
    Extractor,
    current_names,
    checked_extract,
    create,
    resolve,
    unavailable_reason,
)
from eval.reporting.results import (
    NotRun,
    RunResult,
    forget_not_run,
    save_not_run,
    save_result,
)
from eval.scoring.pairing import Pairing

if TYPE_CHECKING:
    from eval.gold.index import GoldIndex
    from eval.scoring.figures import Scorecard
    from eval.scoring.scorer import PairScorer


#: Extraction elsewhere: ``(name, extractor, articles) -> checked documents``, in article order.
Engine = Callable[[str, Extractor, Iterator[Article]], Iterator[Document]]


def articles_of(gold: GoldIndex) -> Iterator[Article]:
    """The gold's articles, read one at a time (a ``.jsonl`` gold is never held whole); broken gold lines are skipped.

    Their problems stay in ``gold.problems`` and are reported when the predictions are scored.
    """
    for doc_id in gold.ids:
        doc = gold.read(doc_id)
        if doc is not None:
            yield Article(doc.doc_id, doc.text)


def extract_all(
    extractor: Extractor, articles: list[Article], on_document: Callable[[Document], None] | None = None
) -> list[Document]:
    """Run ``extractor`` over ``articles``, every output checked (see :func:`eval.registry.checked_extract`)."""
    docs = []
    for doc in checked_extract(extractor, articles):
        docs.append(doc)
        if on_document:
            on_document(doc)
    return docs


def score_pairing(
    pairing: Pairing,
    gold: GoldSet,
    *,
    extractor: str,
    out: Path | None,
    n_boot: int = 1000,
    seed: int = 0,
    **meta: Any,
) -> RunResult:
    """Score paired predictions and, when ``out`` is given, save the results and the error list.

    ``meta`` holds the run's measurements for :class:`RunResult` (``runtime_s``, ``setup_s``,
    ``peak_memory_mb``, ``extractor_version``, ``config``, ``usage``).
    """
    from eval.scoring.scorer import score

    card = score(pairing.pairs, n_boot=n_boot, seed=seed)
    if out is not None:
        write_text(Path(out) / RESULT_FILES.errors(extractor), "".join(e.model_dump_json() + "\n" for e in card.errors))
    return _save(card, out, extractor=extractor, gold_sha256=gold.sha256, gold_source=gold.source,
                 n_docs=len(gold.documents), missing_docs=list(pairing.missing), **meta)


def score_file(
    pred: Path,
    gold: GoldIndex,
    *,
    extractor: str,
    out: Path | None,
    warn: Callable[[Problem], None] | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    pair_scorer: PairScorer | None = None,
    **meta: Any,
) -> RunResult:
    """Score a prediction file as a stream (flat memory); with ``out``, stream the error list to a file and save the results.

    Raises:
        InvalidInputError: a problem of the gold or the prediction file (every one listed); then
            no file is written.
    """
    from eval.scoring.stream import score_predictions

    if out is None:
        streamed = score_predictions(pred, gold, warn=warn, n_boot=n_boot, seed=seed, collect_errors=False,
                                     pair_scorer=pair_scorer)
    else:
        with atomic_writer(Path(out) / RESULT_FILES.errors(extractor)) as fh:
            streamed = score_predictions(pred, gold, warn=warn, n_boot=n_boot, seed=seed,
                                         on_error=lambda e: fh.write(e.model_dump_json() + "\n"), pair_scorer=pair_scorer)
    return _save(streamed.card, out, extractor=extractor, gold_sha256=streamed.gold_sha256,
                 gold_source=streamed.gold_source, n_docs=streamed.n_gold, missing_docs=list(streamed.missing), **meta)


def _save(card: Scorecard, out: Path | None, **fields: Any) -> RunResult:
    from eval.gold.load import describe_source

    fields["gold_source"] = describe_source(fields["gold_source"])
    fields.setdefault("runtime_s", 0.0)
    fields.setdefault("peak_memory_mb", 0.0)
    fields["config"] = fields.get("config") or {}
    result = RunResult(newsbench_version=__version__, created=now_iso(), scores=card.scores, bootstrap=card.bootstrap,
                       breakdowns=card.breakdowns, **fields)
    if out is not None:
        save_result(out, result)
    return result


def run_one(
    name: str,
    gold: str | Path | None,
    out: Path,
    options: dict[str, Any],
    progress_factory: Callable[[str, int], Callable[[int], None]] | None = None,
    engine: Engine | None = None,
) -> RunResult | NotRun:
    """Run, measure, score and save one extractor; an extractor that cannot run is a NotRun.

    Articles stream from the gold to the extractor and its documents straight to the predictions
    file, which is then scored as ``newsbench score`` does: memory stays flat in the number of documents.
    ``engine(name, extractor, articles)`` extracts elsewhere than in this process (Ray:
    :func:`eval.extraction.ray_engine.run_engine`); by default ``extractor`` runs here.
    """
    from eval.gold.index import GoldIndex

    name = resolve(name)  # results are named by the version that runs
    try:
        with measure() as setup:  # model loading is a cost of its own, reported beside the run time
            extractor = create(name, **options)
    except ExtractorUnavailableError as exc:
        return NotRun(extractor=name, reason=str(exc).split(": ", 1)[-1], created=now_iso())
    index = GoldIndex.open(gold)
    progress = progress_factory(name, len(index)) if progress_factory else None  # only for one that runs
    predictions = Path(out) / RESULT_FILES.predictions(name)
    try:
        with measure() as m:
            docs = (engine(name, extractor, articles_of(index)) if engine
                    else checked_extract(extractor, articles_of(index)))
            write_documents(predictions, (_counted(d, progress) for d in docs))
    except ExtractorUnavailableError as exc:  # found out while running (server refused, every document failed)
        # Requests were made and tokens spent: the record keeps them even though nothing is scored.
        return NotRun(extractor=name, reason=str(exc).split(": ", 1)[-1], created=now_iso(),
                      usage=None if engine else _usage(extractor))
    finally:
        index.close()
    return score_file(
        predictions,
        GoldIndex.open(gold),
        extractor=name,
        out=out,
        runtime_s=m.runtime_s,
        setup_s=setup.runtime_s,
        peak_memory_mb=m.peak_memory_mb,
        **_recorded(extractor),
        # Elsewhere (Ray) the requests are made by the workers' extractors, not this one: its counters are not the run's.
        usage=None if engine else _usage(extractor),
    )


def _recorded(extractor: Extractor) -> dict[str, Any]:
    """The version and configuration an extractor reports, checked: a plugin's may be anything.

    Raises:
        NewsbenchError: ``config()`` failed, is not an object, or holds a value JSON cannot write; the version is not text.
    """
    import json

    name = getattr(extractor, "name", type(extractor).__name__)
    version = getattr(extractor, "version", None)
    if version is not None and not isinstance(version, str):
        raise NewsbenchError(f"extractor {name!r}: version {version!r} is a {type(version).__name__}; it must be a string")
    try:
        config = extractor.config()
    except (NewsbenchError, KeyboardInterrupt):
        raise
    except (Exception, SystemExit) as exc:
        raise NewsbenchError(f"extractor {name!r}: config() failed: {type(exc).__name__}: {exc}") from None
    if not isinstance(config, dict):
        raise NewsbenchError(f"extractor {name!r}: config() returned a {type(config).__name__}; it must return a dict")
    try:
        json.dumps(config)
    except (TypeError, ValueError) as exc:
        raise NewsbenchError(f"extractor {name!r}: config() cannot be recorded as JSON: {exc}") from None
    return {"extractor_version": version, "config": config}


def _usage(extractor: Extractor) -> dict[str, Any] | None:
    """What an extractor reports of its requests and tokens (LLMs), or None."""
    usage = getattr(extractor, "usage", None)
    return usage() if callable(usage) else usage


def _counted(doc: Document, progress: Callable[[int], None] | None) -> Document:
    if progress is not None:
        progress(1)
    return doc


def default_extractors() -> list[str]:
    """The current version of every registered extractor (no aliases, no superseded versions);
    those that cannot run here end as "not run" rows."""
    return current_names()


def run_benchmark(
    names: Iterable[str] | None,
    gold: str | Path | None,
    out: Path,
    options: dict[str, Any],
    progress_factory: Callable[[str, int], Callable[[int], None]] | None = None,
    engine: Engine | None = None,
) -> tuple[list[RunResult], list[NotRun]]:
    """Run every named extractor (default: all registered) over the gold (a source as ``--gold`` takes) and save ``out/``."""
    # An alias runs the version it names, and the results row is that version ("rules" -> "rules.v2").
    names = list(dict.fromkeys(resolve(n) for n in names)) if names else default_extractors()
    for name in names:  # fail on an unknown name before running anything
        unavailable_reason(name)
    scored, not_run = [], []
    for name in names:
        outcome = run_one(name, gold, out, options, progress_factory, engine)
        (scored if isinstance(outcome, RunResult) else not_run).append(outcome)
    forget_not_run(out, [r.extractor for r in scored])
    save_not_run(out, not_run)
    return scored, not_run

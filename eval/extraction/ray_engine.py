"""Extraction on Ray (``newsbench extract --engine ray``): Ray Data ``map_batches`` over a pool of actors.

The driver reads the articles and ships their text (no shared file system is assumed); each actor
builds one extractor (one spaCy model, one LLM client) and returns every document checked by
:func:`eval.registry.checked_extract` as a JSON Lines line. Lines come back in input order and are
written atomically, so a failed or interrupted run leaves no output file.

An exception in an extractor is caught in the actor and sent back with its batch; the driver then
raises :class:`eval.exceptions.ExtractorFailedError` naming the batch's documents. Ray does not retry
(``max_restarts=0``, ``max_task_retries=0``): an application error is never silently re-run.

Articles go to Ray in windows of :data:`WINDOW` articles, so memory stays bounded on the driver for
archives of any size (each window starts its own actor pool).
"""
from __future__ import annotations

import logging
import os
import pickle
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rich.console import Console

from eval.data.models import Document
from eval.exceptions import ExtractorFailedError, ExtractorUnavailableError, InvalidInputError, NewsbenchError
from eval.extraction.inputs import check_inputs, find_inputs
from eval.registry import Article, checked_extract, create, get_class, register, unavailable_reason

#: Articles shipped to the cluster per Ray dataset.
WINDOW = 4096
#: Articles per ``map_batches`` batch (one actor call).
BATCH = 16
INSTALL_HINT = "Ray is not installed; install it with: pip install newsbench[ray]"
#: Failed documents named in an error message before "and N more".
NAMED = 10


def import_ray() -> Any:
    """The ``ray`` module, with Ray's usage statistics off; a clear error when it is not installed."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise NewsbenchError(INSTALL_HINT) from None
    return ray


@contextmanager
def ray_session(address: str | None = None, num_cpus: int = 2) -> Iterator[Any]:
    """Join Ray at ``address`` (``auto`` or ``ray://...``) or start a local instance with ``num_cpus``.

    A local instance started here is shut down on the way out, also on an error or Ctrl-C. A Ray
    already initialised in this process (a test fixture, a notebook) is used as it is and left running.
    """
    ray = import_ray()
    started = not ray.is_initialized()
    if started:
        options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.ERROR,
                                   "log_to_driver": False, "configure_logging": True}
        if address is None:
            ray.init(num_cpus=num_cpus, **options)
        else:
            ray.init(address=address, **options)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # documents come back in input order
    ctx.enable_progress_bars = False  # newsbench shows its own progress
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # per-dataset notices; errors still show
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


def ordered_map(
    rows: Iterable[dict[str, Any]],
    fn: Any,
    *,
    workers: int,
    batch_size: int,
    constructor_kwargs: dict[str, Any] | None = None,
    window: int = WINDOW,
) -> Iterator[dict[str, Any]]:
    """Run ``fn`` (a batch function, or a class whose instances are called on batches) over ``rows`` on Ray.

    Rows go in windows of ``window``; output rows come back in input order. No task or actor is
    retried. Ray's own failures (a lost worker) become a NewsbenchError.
    """
    ray = import_ray()
    args: dict[str, Any] = {"batch_size": batch_size, "batch_format": "numpy", "num_cpus": 1}
    if isinstance(fn, type):
        args |= {"compute": ray.data.ActorPoolStrategy(size=workers), "fn_constructor_kwargs": constructor_kwargs or {},
                 "max_restarts": 0, "max_task_retries": 0}
    else:
        args |= {"compute": ray.data.TaskPoolStrategy(size=workers), "max_retries": 0}
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == window:
            yield from _run_window(ray, chunk, fn, args)
            chunk = []
    if chunk:
        yield from _run_window(ray, chunk, fn, args)


def _run_window(ray: Any, chunk: list[dict[str, Any]], fn: Any, args: dict[str, Any]) -> Iterator[dict[str, Any]]:
    with warnings.catch_warnings():  # Ray 2.60 warns that retry options will move; they still apply
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = ray.data.from_items(chunk).map_batches(fn, **args)
    try:
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            keys = list(batch)
            for values in zip(*(batch[k] for k in keys)):
                yield dict(zip(keys, values))
    except ray.exceptions.RayError as exc:
        raise NewsbenchError(f"Ray failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None


class ExtractActor:
    """One extractor held by one Ray actor; called on batches of ``doc_id`` and ``text``.

    The driver sends the extractor's class with its name, so an extractor registered at run time
    (a notebook, a plugin imported by hand) is known on every node too.
    """

    def __init__(self, name: str, cls: type, options: dict[str, Any]):
        register(name)(cls)
        self.extractor = create(name, **options)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from eval.data.parsing import document_json

        ids = [str(i) for i in batch["doc_id"]]
        articles = [Article(i, str(t)) for i, t in zip(ids, batch["text"], strict=True)]
        lines: list[str] = []
        try:
            for doc in checked_extract(self.extractor, articles):
                lines.append(document_json(doc))
        except Exception as exc:  # sent back with the batch: the driver names its documents
            # Documents come one per article in order, so the failure was on the first one not yet returned.
            at = ids[min(len(lines), len(ids) - 1)]
            if type(exc) is NewsbenchError and isinstance(exc.__context__, Exception):
                exc = exc.__context__  # checked_extract's wrapper counts within the batch; this says what happened
            return {"doc_id": ids, "line": [""] * len(ids), "error": [_pickled(exc)] * len(ids), "at": [at] * len(ids)}
        return {"doc_id": ids, "line": lines, "error": [b""] * len(ids), "at": [""] * len(ids)}


def _pickled(exc: Exception) -> bytes:
    try:
        return pickle.dumps(exc)
    except Exception:  # an exception that does not pickle still travels as its message
        return pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))


def failure(name: str, at: str, batch: list[str], exc: BaseException) -> NewsbenchError:
    """The error ending a run whose extractor raised ``exc`` on document ``at`` of the documents ``batch``."""
    if isinstance(exc, (InvalidInputError, ExtractorUnavailableError)):
        return exc  # already names the document and the reason (checked_extract), or why it cannot run
    named = ", ".join(batch[:NAMED]) + (f" and {len(batch) - NAMED} more" if len(batch) > NAMED else "")
    return ExtractorFailedError(f"extractor {name!r} failed on document {at} (its batch: {named}); nothing was "
                                f"written: {type(exc).__name__}: {exc}")


def ray_extract(
    name: str,
    articles: Iterable[Article],
    options: dict[str, Any],
) -> Iterator[str]:
    """The checked JSON Lines lines of ``articles`` extracted by ``name`` on Ray, in input order.

    ``options["workers"]`` is the number of actors (default 2); the others go to each extractor.
    Needs a Ray session (:func:`ray_session`). Raises the first failed batch's error (see :func:`failure`).
    """
    workers = int(options.get("workers") or 2)
    sent: list[str] = []

    def rows() -> Iterator[dict[str, str]]:
        for article in articles:
            sent.append(article.doc_id)
            yield {"doc_id": article.doc_id, "text": article.text}

    options = {k: v for k, v in options.items() if k != "workers"}  # the actors are the workers
    failed: list[str] = []
    error, at = b"", ""
    for i, row in enumerate(ordered_map(rows(), ExtractActor, workers=workers, batch_size=BATCH,
                                        constructor_kwargs={"name": name, "cls": get_class(name), "options": options})):
        if row["error"]:
            error, at = (error, at) if error else (bytes(row["error"]), str(row["at"]))
            failed.append(str(row["doc_id"]))
            continue
        if failed:
            break
        if str(row["doc_id"]) != sent[i]:  # checked_extract's promise, held across the cluster too
            raise ExtractorFailedError(f"Ray returned document {row['doc_id']!r} where {sent[i]!r} was expected")
        yield str(row["line"])
    if failed:
        raise failure(name, at, failed, pickle.loads(error))


def run_engine(options: dict[str, Any]) -> Callable[[str, Any, Iterable[Article]], Iterator[Document]]:
    """Extraction on Ray as ``newsbench run`` and ``extract`` use it: see ``engine`` of :func:`eval.runner.run_one`."""

    def extract(name: str, _extractor: Any, articles: Iterable[Article]) -> Iterator[Document]:
        for line in ray_extract(name, articles, options):
            yield Document.model_validate_json(line)  # checked in the actor; sent as its JSON line

    return extract


def extract_files_ray(
    name: str,
    inputs: Iterable[Path],
    out: Path | None,
    options: dict[str, Any] | None = None,
    console: Console | None = None,
    address: str | None = None,
) -> int:
    """``newsbench extract --engine ray``: :func:`eval.extraction.extract.extract_files` with its extraction on Ray.

    ``options["workers"]`` is the number of actors (default 2); the others go to each extractor.
    """
    from eval.extraction.extract import extract_files

    options = dict(options or {})
    reason = unavailable_reason(name)  # unknown or unusable here: fail before starting Ray
    if reason:
        raise ExtractorUnavailableError(f"extractor {name!r} cannot run: {reason}")
    check_inputs(find_inputs(inputs))  # and so does a bad input (read again as Ray runs: not kept in memory)
    with ray_session(address, num_cpus=max(2, int(options.get("workers") or 2))):
        return extract_files(name, inputs, out, options, console, engine=run_engine(options))

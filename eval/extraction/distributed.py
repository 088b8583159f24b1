"""Running an extractor over a Hugging Face ``datasets.Dataset``, beyond one process or machine.

:func:`extract_batch` is a plain function of a batch of rows, made for
``Dataset.map(extract_batch, batched=True, num_proc=N, fn_kwargs={"extractor": "rules"})``:
each worker process builds the extractor once and turns the ``doc_id`` and ``text`` columns into a
``prediction`` column of JSON documents (one JSON Lines line each). Any engine that runs
``datasets`` map functions over shards (a cluster, a Ray or Spark job reading Hugging Face datasets)
can run it unchanged.

Runnable example on the gold (``newsbench map --help``)::

    newsbench map --extractor rules --num-proc 2 --out preds.jsonl
    newsbench score --pred preds.jsonl
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from eval.data.files import atomic_writer
from eval.data.parsing import document_json
from eval.exceptions import InvalidInputError, NewsbenchError
from eval.registry import Article, Extractor, checked_extract, create

if TYPE_CHECKING:
    from datasets import Dataset

PREDICTION_COLUMN = "prediction"


@lru_cache(maxsize=4)
def _extractor(name: str, options_json: str) -> Extractor:
    # One instance per worker process and configuration: models load once, not once per batch.
    return create(name, **json.loads(options_json))


def extract_batch(
    batch: dict[str, list[Any]],
    *,
    extractor: str,
    options: dict[str, Any] | None = None,
    id_column: str = "doc_id",
    text_column: str = "text",
) -> dict[str, list[str]]:
    """Run a registered extractor on a batch of rows; a ``Dataset.map(batched=True)`` function.

    Args:
        batch: columns of the batch; ``id_column`` and ``text_column`` are read.
        extractor: the registered extractor name (``rules``, ``spacy``, ``llm`` or a plugin).
        options: constructor options of the extractor (``{"model": ...}``), as JSON-compatible values.
        id_column: the column holding the document ids.
        text_column: the column holding the article texts.

    Returns:
        ``{"prediction": [...]}``: one prediction document per row, as compact JSON, in row order.

    Raises:
        UnknownExtractorError: no extractor has that name.
        ExtractorUnavailableError: it cannot run here.
        InvalidInputError: it returned documents that break the contract.

    >>> from eval.registry import register
    >>> @register("doctest-empty")
    ... class Empty:
    ...     name, version = "doctest-empty", "0"
    ...     def extract(self, articles):
    ...         from eval.schema import Document
    ...         return (Document(doc_id=a.doc_id, text=a.text) for a in articles)
    ...     def config(self):
    ...         return {}
    >>> extract_batch({"doc_id": ["d1"], "text": ["NATO met."]}, extractor="doctest-empty")
    {'prediction': ['{"schema_version":"1.1","doc_id":"d1","text":"NATO met.","actors":[],"locations":[],"quotes":[],"events":[]}']}
    """
    instance = _extractor(extractor, json.dumps(options or {}, sort_keys=True))
    articles = [Article(str(i), t) for i, t in zip(batch[id_column], batch[text_column], strict=True)]
    return {PREDICTION_COLUMN: [document_json(d) for d in checked_extract(instance, articles)]}


def predict_dataset(
    dataset: Dataset,
    extractor: str,
    *,
    num_proc: int | None = None,
    batch_size: int = 64,
    options: dict[str, Any] | None = None,
    id_column: str = "doc_id",
    text_column: str = "text",
) -> Dataset:
    """Add a ``prediction`` column to ``dataset`` with ``Dataset.map`` over ``num_proc`` processes."""
    return dataset.map(
        extract_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        fn_kwargs={"extractor": extractor, "options": options or {}, "id_column": id_column, "text_column": text_column},
        desc=f"extracting with {extractor}",
    )


def write_predictions(dataset: Dataset, path: Path) -> int:
    """Write the ``prediction`` column as JSON Lines, atomically; returns the number of documents."""
    n = 0
    with atomic_writer(path) as fh:
        for batch in dataset.select_columns([PREDICTION_COLUMN]).iter(batch_size=1000):
            for line in batch[PREDICTION_COLUMN]:
                fh.write(line + "\n")
                n += 1
    return n


def gold_dataset(gold: str | None = None, cache_dir: Path | None = None) -> Dataset:
    """The gold articles as a Dataset with ``doc_id`` and ``text`` columns.

    The rows are written to Arrow files in ``cache_dir`` (a folder the caller owns and removes; None: the
    ``datasets`` cache) one gold document at a time, so the gold is never held whole.

    Raises:
        InvalidInputError: the gold is missing, or a gold document has problems (every one listed).
    """
    from datasets import Dataset, Features, Value
    from datasets.exceptions import DatasetGenerationError

    try:
        return Dataset.from_generator(
            _gold_rows, gen_kwargs={"gold": gold}, features=Features({"doc_id": Value("string"), "text": Value("string")}),
            cache_dir=None if cache_dir is None else str(cache_dir),
        )
    except DatasetGenerationError as exc:  # datasets wraps what the generator raised
        if isinstance(exc.__cause__, NewsbenchError):
            raise exc.__cause__ from None
        raise


def _gold_rows(gold: str | None) -> Iterator[dict[str, str]]:
    from eval.gold.index import GoldIndex

    index = GoldIndex.open(gold)
    try:
        for doc_id in index.ids:
            doc = index.read(doc_id)
            if doc is not None:
                yield {"doc_id": doc.doc_id, "text": doc.text}
        if index.has_problems():
            raise InvalidInputError(index.problems)
    finally:
        index.close()

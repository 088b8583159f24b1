"""Extractors as a ``datasets.Dataset.map`` function: same predictions with one process or several."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

import pytest

from eval.exceptions import UnknownExtractorError
from eval.extraction.distributed import (
    extract_batch,
    gold_dataset,
    predict_dataset,
    write_predictions,
)
from eval.registry import Article, register
from eval.schema import Document
from tests.conftest import DATA, ROOT

GOLD = DATA / "bad" / "gold"


@register("test-capitals")
class CapitalsExtractor:
    """A tiny deterministic extractor: every capitalised word is a PER actor, tagged with the process id."""

    name = "test-capitals"
    version = "0"

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        for a in articles:
            actors = []
            offset = 0
            for i, word in enumerate(a.text.split(" ")):
                if word[:1].isupper() and word.isalpha():
                    mention = {"start": offset, "end": offset + len(word), "text": word}
                    actors.append({"id": f"a{i}", "name": word, "type": "PER", "mentions": [mention]})
                offset += len(word) + 1
            yield Document.model_validate({"doc_id": a.doc_id, "text": a.text, "actors": actors, "meta": {"pid": os.getpid()}})

    def config(self) -> dict[str, Any]:
        return {}


def _without_pid(lines: list[str]) -> list[dict]:
    docs = [json.loads(line) for line in lines]
    for d in docs:
        d.pop("meta")
    return docs


@pytest.fixture
def articles_dataset():
    """Forty short articles, enough for two worker processes to get several batches each."""
    from datasets import Dataset

    texts = [f"Story {i}: Mayor Lena Holm visited Brightwater on day {i}." for i in range(40)]
    return Dataset.from_dict({"doc_id": [f"d{i:02d}" for i in range(40)], "text": texts})


def test_extract_batch_returns_one_document_per_row_in_order() -> None:
    batch = {"doc_id": ["x", "y"], "text": ["Mayor Holm spoke.", "nothing here"]}
    out = extract_batch(batch, extractor="test-capitals")
    docs = _without_pid(out["prediction"])
    assert [(d["doc_id"], [a["name"] for a in d["actors"]]) for d in docs] == [("x", ["Mayor", "Holm"]), ("y", [])]


def test_map_with_two_processes_equals_one_process(articles_dataset) -> None:
    one = predict_dataset(articles_dataset, "test-capitals", num_proc=None, batch_size=8)
    two = predict_dataset(articles_dataset, "test-capitals", num_proc=2, batch_size=8)
    pids = {json.loads(line)["meta"]["pid"] for line in two["prediction"]}
    assert (_without_pid(two["prediction"]), len(pids)) == (_without_pid(one["prediction"]), 2)


def test_predictions_are_valid_documents_for_their_rows(articles_dataset, tmp_path: Path) -> None:
    from eval.data.parsing import read_documents

    mapped = predict_dataset(articles_dataset, "test-capitals", num_proc=2, batch_size=8)
    path = tmp_path / "preds.jsonl"
    n = write_predictions(mapped, path)
    docs = list(read_documents(path))
    assert (n, [(d.doc_id, d.text) for d in docs]) == (40, list(zip(articles_dataset["doc_id"], articles_dataset["text"])))


def test_unknown_extractor_is_named() -> None:
    with pytest.raises(UnknownExtractorError, match=r"Unknown extractor 'nope'\. Available: .*test-capitals"):
        extract_batch({"doc_id": ["x"], "text": ["t"]}, extractor="nope")


def test_gold_dataset_has_the_gold_articles() -> None:
    ds = gold_dataset(str(GOLD))
    assert (ds.column_names, ds["doc_id"]) == (["doc_id", "text"], ["alpha", "beta"])


def test_runnable_example_with_rules_extractor(tmp_path: Path) -> None:
    """The README example: ``newsbench map --extractor rules --num-proc 2``."""
    out = tmp_path / "preds.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "eval", "map", "--extractor", "rules", "--num-proc", "2", "--gold", str(GOLD), "--out", str(out)],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300,
    )
    assert (proc.returncode, "wrote 2 prediction(s)" in proc.stderr) == (0, True), proc.stderr
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["alpha", "beta"]

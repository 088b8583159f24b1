"""A gold folder is streamed, never held whole: ``run`` (extract, then score) and ``map``'s gold dataset keep
a peak memory that does not grow with the number of gold documents."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pytest

from eval.extraction.distributed import gold_dataset
from eval.extraction.measure import traced
from eval.registry import Article, register
from eval.runner import run_one
from eval.schema import Document

ACTORS, MENTIONS = 8, 12  # per document: a heavy gold document (96 mentions, 8 actors) next to an empty prediction
SMALL, LARGE = 50, 500


@register("test-finds-nothing")
class FindsNothing:
    """Predicts nothing: the run's memory is then the gold's."""

    name = "test-finds-nothing"
    version = "0"

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        for a in articles:
            yield Document(doc_id=a.doc_id, text=a.text)

    def config(self) -> dict[str, Any]:
        return {}


def gold_document(k: int) -> dict[str, Any]:
    words = [f"Name{a}x{m}" for a in range(ACTORS) for m in range(MENTIONS)]
    text = " ".join(words)
    actors, offset = {}, 0
    for word in words:
        a = word.split("x")[0]
        actors.setdefault(a, []).append({"start": offset, "end": offset + len(word), "text": word, "kind": "name"})
        offset += len(word) + 1
    return {"doc_id": f"doc{k:05d}", "text": text, "actors": [
        {"id": f"a{i}", "name": a, "type": "PER", "mentions": ms} for i, (a, ms) in enumerate(actors.items())
    ], "locations": [], "quotes": [], "events": []}


def write_gold(folder: Path, n: int) -> Path:
    folder.mkdir()
    for k in range(n):
        (folder / f"doc{k:05d}.json").write_text(json.dumps(gold_document(k)), encoding="utf-8")
    return folder


def peak_bytes(work: Callable[[], object]) -> int:
    return traced(work)[0]


@pytest.fixture(scope="module")
def golds(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    tmp = tmp_path_factory.mktemp("golds")
    return {n: write_gold(tmp / f"gold{n}", n) for n in (1, SMALL, LARGE)}


def _run(gold: Path, out: Path) -> None:
    out.mkdir()
    result = run_one("test-finds-nothing", str(gold), out, {})
    assert result.n_docs == len(list(gold.glob("*.json")))


def _map_rows(gold: Path, cache: Path) -> None:
    assert len(gold_dataset(str(gold), cache)) == len(list(gold.glob("*.json")))


@pytest.mark.slow
@pytest.mark.parametrize("work", [_run, _map_rows], ids=["run", "map"])
def test_peak_memory_is_flat_in_the_number_of_gold_documents(golds: dict[int, Path], tmp_path: Path, work) -> None:
    work(golds[1], tmp_path / "warm-up")  # lazy imports and caches are not the gold's
    one_document = peak_bytes(lambda: Document.model_validate(gold_document(0)))
    small = peak_bytes(lambda: work(golds[SMALL], tmp_path / "small"))
    large = peak_bytes(lambda: work(golds[LARGE], tmp_path / "large"))
    per_document = (large - small) / (LARGE - SMALL)
    # Holding the gold costs at least one parsed document per document; streamed, what grows is the index
    # (doc_id -> file) and the scorer's per-document counts, a small part of that.
    assert per_document < one_document / 4, (
        f"peak {small / 2**20:.1f} MB for {SMALL} documents, {large / 2**20:.1f} MB for {LARGE}: "
        f"{per_document / 1024:.1f} KB per document, a parsed gold document is {one_document / 1024:.1f} KB")

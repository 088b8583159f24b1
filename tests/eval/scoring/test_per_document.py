"""Per-document figures: one document's headline F1s, read from the counts the corpus figures sum."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.data.models import Document
from eval.data.parsing import document_json
from eval.scoring.per_document import recording
from eval.scoring.scorer import score
from tests.eval.test_runner import newsbench

TEXT = "Acme said it would close. Ana Ruiz met Acme in Lima."


def doc(doc_id: str, *, actors: bool = True, locations: bool = True) -> Document:
    """A small document: two actors and a place, or fewer when asked."""
    found = [{"id": "a1", "name": "Acme", "type": "ORG", "mentions": [{"start": 0, "end": 4, "text": "Acme"}]},
             {"id": "a2", "name": "Ana Ruiz", "type": "PER", "mentions": [{"start": 26, "end": 34, "text": "Ana Ruiz"}]}]
    place = [{"id": "l1", "name": "Lima", "type": "GPE", "mentions": [{"start": 47, "end": 51, "text": "Lima"}]}]
    return Document(doc_id=doc_id, text=TEXT, actors=found if actors else found[:1], locations=place if locations else [])


@pytest.fixture
def corpus() -> list[tuple[Document, Document | None]]:
    """Three documents: a perfect prediction, one that misses an actor and the place, one missing."""
    return [(doc("b"), doc("b", actors=False, locations=False)), (doc("a"), doc("a")), (doc("c"), None)]


def test_each_document_gets_its_own_headline_figures(corpus: list[tuple[Document, Document | None]]) -> None:
    seen: dict[str, dict[str, float]] = {}
    score(corpus, n_boot=0, pair_scorer=recording(seen.__setitem__))
    # "b": actors 1 of 2 found (F1 2/3), the place missed (0), no quotes or events on either side (1.0 each)
    assert seen == {
        "a": {"overall": 1.0, "actors": 1.0, "locations": 1.0, "quotes": 1.0, "events": 1.0},
        "b": {"overall": (2 / 3 + 0 + 1 + 1) / 4, "actors": 2 / 3, "locations": 0.0, "quotes": 1.0, "events": 1.0},
        "c": {"overall": 0.5, "actors": 0.0, "locations": 0.0, "quotes": 1.0, "events": 1.0},
    }


def test_recording_leaves_the_corpus_figures_as_they_are(corpus: list[tuple[Document, Document | None]]) -> None:
    plain = score(corpus, n_boot=50)
    recorded = score(corpus, n_boot=50, pair_scorer=recording(lambda _d, _f: None))
    assert recorded.model_dump() == plain.model_dump()


def test_score_command_gives_per_document_figures(tmp_path: Path, corpus: list[tuple[Document, Document | None]]) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for g, _ in corpus:
        (gold / f"{g.doc_id}.json").write_text(document_json(g), encoding="utf-8")
    pred = tmp_path / "x.predictions.jsonl"
    pred.write_text("".join(document_json(p) + "\n" for _, p in corpus if p is not None), encoding="utf-8")
    as_json = newsbench("score", "--pred", str(pred), "--gold", str(gold), "--per-doc", "--json")
    table = newsbench("score", "--pred", str(pred), "--gold", str(gold), "--per-doc")
    rows = [line.split("│")[1].strip() for line in table.stdout.splitlines() if line.startswith("│ ") and "│" in line[1:]]
    assert (as_json.returncode, list(json.loads(as_json.stdout)["per_document"]), table.returncode, rows[-3:]) == (
        0, ["a", "b", "c"], 0, ["a", "b", "c"])

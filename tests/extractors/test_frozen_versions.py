"""Published versions are frozen: on the three gold texts the output of ``rules.v1``, ``spacy.v1``,
``rules.v2``, ``spacy.v2``, ``rules.v3``, ``spacy.v3``, ``rules.v4``, ``spacy.v4``, ``rules.v5``, ``spacy.v5``, ``rules.v6``, ``spacy.v6``, ``rules.v7``, ``spacy.v7``, ``rules.v8`` and ``spacy.v8`` is byte for byte
what it was when the next version was added
(``tests/data/golden/<name>.jsonl``), run metadata aside.

The texts are read from ``gold/*.json`` (only their ``text``; the annotations play no part). After an
intended change to a frozen output, which should not happen, the files are rewritten with
``python -m tests.extractors.test_frozen_versions``.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.registry import Article, create
from eval.schema import Document
from tests.conftest import DATA

GOLDEN = DATA / "golden"
GOLD = Path(__file__).resolve().parents[2] / "gold"
FROZEN = ("rules.v1", "spacy.v1", "rules.v2", "spacy.v2", "rules.v3", "spacy.v3", "rules.v4", "spacy.v4", "rules.v5", "spacy.v5", "rules.v6", "spacy.v6", "rules.v7", "spacy.v7", "rules.v8", "spacy.v8")


def gold_articles() -> list[Article]:
    """The three shipped gold texts, in file order."""
    paths = sorted(p for p in GOLD.glob("*.json") if p.name != "cross_document.json")
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    return [Article(d["doc_id"], d["text"]) for d in docs]


def output_lines(docs: list[Document]) -> list[str]:
    """One canonical JSON line per document, without the run metadata (name and version)."""
    lines = []
    for doc in docs:
        data = doc.model_dump(mode="json", exclude_none=True)
        data.pop("meta", None)
        lines.append(json.dumps(data, ensure_ascii=False, sort_keys=True))
    return lines


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = gold_articles()
    assert len(found) == 3, f"expected the three gold texts in {GOLD}, found {len(found)}"
    return found


@pytest.mark.parametrize("name", FROZEN)
def test_published_output_is_frozen(name: str, articles: list[Article]) -> None:
    expected = (GOLDEN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    assert output_lines(list(create(name).extract(articles))) == expected


@pytest.mark.parametrize("name", FROZEN)
def test_golden_file_records_every_gold_text(name: str, articles: list[Article]) -> None:
    lines = (GOLDEN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == [a.doc_id for a in articles]


if __name__ == "__main__":  # rewrite the golden files (only after an intended change to a frozen output)
    for frozen in FROZEN:
        out = output_lines(list(create(frozen).extract(gold_articles())))
        (GOLDEN / f"{frozen}.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")

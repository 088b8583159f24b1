"""``extractors.rules.extractor``: the ``rules`` extractor on invented news articles
(tests/data/articles/, not the gold articles).

The golden file ``tests/data/articles/expected_rules.json`` holds, per article, the actors,
locations and quotes the extractor must find, written as readable summaries. Regenerate it only
after checking every changed line by eye: ``NEWSBENCH_UPDATE_GOLDEN=1 pytest tests/extractors/rules/``.
"""
from __future__ import annotations

import json
import os
from typing import Any

import pytest

from eval.exceptions import ExtractorUnavailableError
from eval.data.parsing import document_json, parse
from eval.registry import Article, Extractor, create
from eval.schema import Document
from extractors.rules import RulesExtractor
from tests.extractors.rules.conftest import ARTICLES, read

GOLDEN = ARTICLES / "expected_rules.json"
STEMS = sorted(p.stem for p in ARTICLES.glob("*.txt"))


def summary(doc: Document) -> dict[str, Any]:
    """What a reader checks: who, where, who said what (ids replaced by names)."""
    names = {a.id: a.name for a in doc.actors}
    return {
        "actors": [[a.name, a.type, [m.text for m in a.mentions]] for a in doc.actors],
        "locations": [[loc.name, loc.type, loc.country, [m.text for m in loc.mentions]] for loc in doc.locations],
        "quotes": [
            [q.kind, names.get(q.speaker) if q.speaker else None, q.content.text,
             q.cue.text if q.cue else None, q.speaker_mention.text if q.speaker_mention else None]
            for q in doc.quotes
        ],
    }


def test_is_registered_and_implements_the_protocol() -> None:
    extractor = create("rules")
    assert isinstance(extractor, Extractor) and extractor.config()["name"] == "rules.v9"


@pytest.mark.parametrize("stem", STEMS)
def test_output_is_a_valid_document(rules: RulesExtractor, stem: str) -> None:
    """Schema, span texts, ids, references and span quality, checked as `newsbench validate` does."""
    doc = rules.extract_one(stem, read(stem))
    parsed = parse(json.loads(document_json(doc)), stem, full=True, gold=True)
    assert (parsed.problems, parsed.document) == ([], doc)


@pytest.mark.parametrize("stem", [s for s in STEMS if s != "empty"])
def test_matches_the_golden_summary(rules: RulesExtractor, stem: str) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    got = summary(rules.extract_one(stem, read(stem)))
    if os.environ.get("NEWSBENCH_UPDATE_GOLDEN"):
        golden[stem] = got
        GOLDEN.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == golden[stem]


@pytest.mark.parametrize("text", ["", "   \r\n\n  "], ids=["empty", "whitespace"])
def test_empty_text_gives_an_empty_document(rules: RulesExtractor, text: str) -> None:
    assert rules.extract_one("e", text) == Document(doc_id="e", text=text, language="en",
                                                     meta={"extractor": "rules.v1", "version": "1"})


def test_extract_streams_in_input_order(rules: RulesExtractor) -> None:
    """The first document comes out before the second article is read."""
    consumed: list[str] = []

    def articles():
        for stem in ("kenya_floods", "andes_water"):
            consumed.append(stem)
            yield Article(stem, read(stem))

    stream = rules.extract(articles())
    first = next(stream)
    assert (first.doc_id, consumed) == ("kenya_floods", ["kenya_floods"])
    assert [d.doc_id for d in stream] == ["andes_water"]


@pytest.mark.parametrize("batch_size", [1, 2, 50], ids=["batch1", "batch2", "batch50"])
def test_worker_processes_give_the_same_documents_in_order(rules: RulesExtractor, batch_size: int) -> None:
    articles = [Article(f"{stem}-{i}", read(stem)) for i in range(3) for stem in STEMS]
    # workers send JSON, which cannot carry a lone surrogate: that document must still come back whole
    articles.insert(4, Article("surrogate", 'Minister Ana Ruiz said \ud800 "the port will reopen on Monday".'))
    parallel = type(rules)(workers=2, batch_size=batch_size)
    assert list(parallel.extract(articles)) == list(rules.extract(articles))


@pytest.mark.parametrize("options", [{"workers": 0}, {"batch_size": 0}], ids=["workers", "batch_size"])
def test_workers_and_batch_size_must_be_positive(options: dict[str, int]) -> None:
    with pytest.raises(ExtractorUnavailableError, match=r"extractor 'rules.v9' cannot run with workers=.*must be at least 1"):
        RulesExtractor(**options)

"""The ``rules`` extractor on invented news articles (tests/data/articles/, not the gold articles).

The golden file ``tests/data/articles/expected_rules.json`` holds, per article, the actors,
locations and quotes the extractor must find, written as readable summaries. Regenerate it only
after checking every changed line by eye: ``NEWSBENCH_UPDATE_GOLDEN=1 pytest tests/test_rules.py``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from eval.exceptions import ExtractorUnavailableError
from eval.data.parsing import document_json, parse
from tests.conftest import read_article
from eval.registry import Article, Extractor, create
from eval.schema import Document
from extractors.rules import RulesExtractor

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
GOLDEN = ARTICLES / "expected_rules.json"
STEMS = sorted(p.stem for p in ARTICLES.glob("*.txt"))


@pytest.fixture(scope="module")
def rules() -> RulesExtractor:
    return RulesExtractor()


def read(stem: str) -> str:
    return read_article(ARTICLES / f"{stem}.txt")


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


def quotes_of(doc: Document) -> list[tuple[str, str | None, str]]:
    names = {a.id: a.name for a in doc.actors}
    return [(q.kind, names.get(q.speaker or ""), q.content.text) for q in doc.quotes]


def test_is_registered_and_implements_the_protocol() -> None:
    extractor = create("rules")
    assert isinstance(extractor, Extractor) and extractor.config()["name"] == "rules"


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


def test_direct_quote_with_touching_mark_and_pronoun_speaker(rules: RulesExtractor) -> None:
    """`”said Núñez` and `”he added`: the cue starts right after the mark; "he" is Núñez."""
    doc = rules.extract_one("andes_water", read("andes_water"))
    direct = [q for q in quotes_of(doc) if q[0] == "direct"]
    assert direct == [
        ("direct", "José Núñez", "We cannot wait for the next dry season to act,"),
        ("direct", "José Núñez", "The rivers are falling every week."),
    ]


def test_indirect_quote_with_pronoun_speaker(rules: RulesExtractor) -> None:
    text = "Mayor Tomas Ruiz visited the flooded district on Friday. He said that the dam would hold."
    doc = rules.extract_one("t", text)
    (quote,) = doc.quotes
    assert (quote.kind, quote.speaker_mention.text, quote.cue.text, quote.content.text, quote.speaker) == (
        "indirect", "He", "said", "the dam would hold", doc.actors[0].id
    )


def test_pronoun_speaker_is_the_nearest_compatible_person(rules: RulesExtractor) -> None:
    """'she' skips the nearer man (Mr.) and goes to the woman (Mrs.)."""
    text = ("Mrs. Alma Reyes met Mr. Jonas Berg in the morning. “The talks went well,” she said. "
            "“We agreed on nothing,” he said.")
    doc = rules.extract_one("t", text)
    assert quotes_of(doc) == [
        ("direct", "Alma Reyes", "The talks went well,"),
        ("direct", "Jonas Berg", "We agreed on nothing,"),
    ]


@pytest.mark.parametrize("marks", [("“", "”"), ('"', '"')], ids=["curly", "straight"])
@pytest.mark.parametrize("gap", [" ", ""], ids=["spaced", "touching"])
def test_quotation_mark_styles(rules: RulesExtractor, marks: tuple[str, str], gap: str) -> None:
    o, c = marks
    text = f"Senator Ines Alvarez spoke in the chamber. {o}This budget is a disgrace,{c}{gap}said Alvarez."
    assert quotes_of(rules.extract_one("t", text)) == [("direct", "Ines Alvarez", "This budget is a disgrace,")]


def test_according_to(rules: RulesExtractor) -> None:
    text = "Dr. Lena Okafor leads the clinic. The vaccine stocks ran out on Monday, according to Okafor."
    assert quotes_of(rules.extract_one("t", text)) == [
        ("indirect", "Lena Okafor", "The vaccine stocks ran out on Monday")
    ]


def test_mixed_quote(rules: RulesExtractor) -> None:
    text = "Ms. Hana Sato, the finance minister, said the reform was “long overdue” and would pass."
    assert quotes_of(rules.extract_one("t", text)) == [
        ("mixed", "Hana Sato", "the reform was “long overdue” and would pass")
    ]


def test_crlf_offsets_match_the_text(rules: RulesExtractor) -> None:
    text = read("kenya_floods")
    doc = rules.extract_one("kenya_floods", text)
    assert "\r\n" in text and [m.text for m in doc.locations[-1].mentions] == ["Mombasa"]
    assert all(text[m.start:m.end] == m.text for a in doc.actors for m in a.mentions)


def test_places_carry_country_and_geonames_id(rules: RulesExtractor) -> None:
    doc = rules.extract_one("t", "Flights from Nairobi to Lima were cancelled.")
    assert [(loc.name, loc.country, loc.geonames_id is not None) for loc in doc.locations] == [
        ("Nairobi", "KE", True), ("Lima", "PE", True)
    ]


def test_country_acting_is_a_state_actor(rules: RulesExtractor) -> None:
    doc = rules.extract_one("t", "Kenya said it would send doctors to Peru.")
    assert ([(a.name, a.type) for a in doc.actors], [loc.name for loc in doc.locations]) == (
        [("Kenya", "GPE")], ["Peru"]
    )


def test_event_with_arguments(rules: RulesExtractor) -> None:
    text = "The Northern Liberation Front attacked a convoy near Mosul on Sunday."
    doc = rules.extract_one("t", text)
    ids = {a.id: a.name for a in doc.actors} | {loc.id: loc.name for loc in doc.locations}
    assert [(e.type, e.trigger.text, [(a.role, ids[a.ref]) for a in e.arguments]) for e in doc.events] == [
        ("ATTACK", "attacked", [("agent", "Northern Liberation Front"), ("target", "Mosul"), ("place", "Mosul")])
    ]


@pytest.mark.parametrize("text", ["", "   \r\n\n  "], ids=["empty", "whitespace"])
def test_empty_text_gives_an_empty_document(rules: RulesExtractor, text: str) -> None:
    assert rules.extract_one("e", text) == Document(doc_id="e", text=text, language="en",
                                                     meta={"extractor": "rules", "version": "1"})


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
    parallel = RulesExtractor(workers=2, batch_size=batch_size)
    assert list(parallel.extract(articles)) == list(rules.extract(articles))


@pytest.mark.parametrize("options", [{"workers": 0}, {"batch_size": 0}], ids=["workers", "batch_size"])
def test_workers_and_batch_size_must_be_positive(options: dict[str, int]) -> None:
    with pytest.raises(ExtractorUnavailableError, match=r"extractor 'rules' cannot run with workers=.*must be at least 1"):
        RulesExtractor(**options)

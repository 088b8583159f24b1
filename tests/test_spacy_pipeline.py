"""The ``spacy`` extractor on invented articles (tests/data/articles/spacy_invented/, not the gold).

Loading the pipeline takes a second or two, so one extractor serves the whole module.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.exceptions import ExtractorUnavailableError
from eval.data.parsing import document_json, parse
from tests.conftest import read_article
from eval.registry import Article, Extractor, create
from eval.schema import Document
from extractors import spacy_pipeline
from extractors.spacy_pipeline import SpacyExtractor

ARTICLES = Path(__file__).resolve().parent / "data" / "articles" / "spacy_invented"
STEMS = sorted(p.stem for p in ARTICLES.glob("*.txt"))


@pytest.fixture(scope="module")
def spacy_ex() -> SpacyExtractor:
    return SpacyExtractor()


def read(stem: str) -> str:
    return read_article(ARTICLES / f"{stem}.txt")


def one(extractor: SpacyExtractor, text: str, doc_id: str = "t") -> Document:
    (doc,) = extractor.extract([Article(doc_id, text)])
    return doc


def quotes_of(doc: Document) -> list[tuple[str, str | None, str, str | None]]:
    """(kind, speaker name, content, speaker mention) per quote."""
    names = {a.id: a.name for a in doc.actors}
    return [(q.kind, names.get(q.speaker or ""), q.content.text,
             q.speaker_mention.text if q.speaker_mention else None) for q in doc.quotes]


def test_can_run_here_and_is_registered(spacy_ex: SpacyExtractor) -> None:
    assert SpacyExtractor.unavailable_reason() is None
    assert isinstance(spacy_ex, Extractor)
    assert create("spacy").config()["pipeline"] in spacy_pipeline.PIPELINES


def test_config_records_the_pipeline(spacy_ex: SpacyExtractor) -> None:
    cfg = spacy_ex.config()
    assert {k: cfg[k] for k in ("name", "version", "batch_size", "workers")} == {
        "name": "spacy", "version": "1", "batch_size": 64, "workers": 1
    } and cfg["pipeline_version"] and "parser" in cfg["pipeline_components"]


def test_unavailable_reason_names_the_missing_pipelines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacy_pipeline, "PIPELINES", ("no_such_pipeline_xyz",))
    reason = SpacyExtractor.unavailable_reason()
    assert reason is not None and "no_such_pipeline_xyz" in reason


@pytest.mark.parametrize("stem", STEMS)
def test_output_is_a_valid_document(spacy_ex: SpacyExtractor, stem: str) -> None:
    """Schema, span texts, ids, references and span quality, checked as `newsbench validate` does."""
    doc = one(spacy_ex, read(stem), stem)
    parsed = parse(json.loads(document_json(doc)), stem, full=True, gold=True)
    assert (parsed.problems, parsed.document) == ([], doc)


@pytest.mark.parametrize("text", ["", "  \n ", "no names at all here."], ids=["empty", "blank", "plain"])
def test_degenerate_texts_give_valid_documents(spacy_ex: SpacyExtractor, text: str) -> None:
    doc = one(spacy_ex, text)
    assert (doc.doc_id, doc.text, doc.quotes) == ("t", text, ())


def test_direct_quotes_with_pronoun_speakers_of_matching_gender(spacy_ex: SpacyExtractor) -> None:
    """'she' skips the nearer man (Mr.) and goes to the woman (Mrs.)."""
    text = ("Mrs. Alma Reyes met Mr. Jonas Berg in the morning. “The talks went well,” she said. "
            "“We agreed on nothing,” he said.")
    assert quotes_of(one(spacy_ex, text)) == [
        ("direct", "Alma Reyes", "The talks went well,", "she"),
        ("direct", "Jonas Berg", "We agreed on nothing,", "he"),
    ]


def test_indirect_quote_with_pronoun_speaker(spacy_ex: SpacyExtractor) -> None:
    text = "Mayor Tomas Ruiz visited the flooded district on Friday. He said that the dam would hold."
    assert quotes_of(one(spacy_ex, text)) == [("indirect", "Tomas Ruiz", "the dam would hold", "He")]


def test_according_to(spacy_ex: SpacyExtractor) -> None:
    text = "Dr. Lena Okafor leads the clinic. The vaccine stocks ran out on Monday, according to Okafor."
    assert quotes_of(one(spacy_ex, text)) == [
        ("indirect", "Lena Okafor", "The vaccine stocks ran out on Monday", "Okafor")
    ]


def test_mixed_quote(spacy_ex: SpacyExtractor) -> None:
    text = "Ms. Hana Sato, the finance minister, said the reform was “long overdue” and would pass."
    assert quotes_of(one(spacy_ex, text)) == [
        ("mixed", "Hana Sato", "the reform was “long overdue” and would pass", "Hana Sato")
    ]


def test_article_quotes_and_grouping(spacy_ex: SpacyExtractor) -> None:
    """A headline does not run into the first sentence; surnames and pronouns join the full name."""
    doc = one(spacy_ex, read("harbour_talks"))
    persons = [(a.name, [m.text for m in a.mentions]) for a in doc.actors if a.type == "PER"]
    assert (persons, quotes_of(doc)[:3]) == (
        [("Marisol Okonkwo", ["Marisol Okonkwo", "Okonkwo", "She"]),
         ("Tobias Lindqvist", ["Tobias Lindqvist", "Lindqvist", "he"])],
        [("indirect", "Marisol Okonkwo", "the dredging of the northern channel would begin in March", "Marisol Okonkwo"),
         ("direct", "Marisol Okonkwo", "We have waited long enough for this work,", "Okonkwo"),
         ("indirect", "Marisol Okonkwo", "contractors from Spain had already signed the agreement", "She")],
    )


def test_surname_missed_by_the_tagger_still_joins_the_person(spacy_ex: SpacyExtractor) -> None:
    doc = one(spacy_ex, read("valley_floods"))
    (person,) = [a for a in doc.actors if a.type == "PER"]
    assert (person.name, [m.text for m in person.mentions]) == ("Helen Baptiste", ["Helen Baptiste", "Baptiste", "Baptiste"])


def test_event_arguments_from_the_parse(spacy_ex: SpacyExtractor) -> None:
    doc = one(spacy_ex, "The minister flew from Nairobi to Lima on Tuesday.")
    names = {loc.id: loc.name for loc in doc.locations}
    (event,) = doc.events
    assert (event.type, event.trigger.text, [(a.role, names[a.ref]) for a in event.arguments], event.time.text) == (
        "MOVE", "flew", [("origin", "Nairobi"), ("destination", "Lima")], "Tuesday"
    )


def test_state_acting_is_an_actor_and_a_place_is_a_location(spacy_ex: SpacyExtractor) -> None:
    doc = one(spacy_ex, "Peru deployed troops to the border. Heavy rain fell in Chile.")
    assert ([(a.name, a.type) for a in doc.actors], [(loc.name, loc.country) for loc in doc.locations]) == (
        [("Peru", "GPE")], [("Chile", "CL")]
    )


def test_two_workers_give_the_same_output_as_one(spacy_ex: SpacyExtractor) -> None:
    articles = [Article(f"{stem}-{i}", read(stem)) for i in range(3) for stem in STEMS]
    two = SpacyExtractor(workers=2, batch_size=2)
    assert list(two.extract(articles)) == list(spacy_ex.extract(articles))


@pytest.mark.parametrize("option", ["workers", "batch_size"])
def test_bad_settings_are_refused(option: str) -> None:
    with pytest.raises(ExtractorUnavailableError, match=rf"{option}=0\b.*both must be at least 1"):
        SpacyExtractor(**{option: 0})

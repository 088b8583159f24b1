"""``extractors.spacy_pipeline.quotes``: direct, mixed and indirect quotes and their speakers."""
from __future__ import annotations

from extractors.spacy_pipeline import SpacyExtractor
from tests.extractors.spacy_pipeline.conftest import one, quotes_of, read


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

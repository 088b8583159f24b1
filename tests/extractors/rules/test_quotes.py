"""``extractors.rules.quotes``: direct, mixed and indirect quotes, their cues and speakers."""
from __future__ import annotations

import pytest

from extractors.rules import RulesExtractor
from tests.extractors.rules.conftest import quotes_of, read


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

"""Version 4 of the ``rules`` extractor against version 3 on quotes, on invented sentences (no name
from any gold or development article): coordinated reporting verbs (``coordinated_cues``), writing and
naming verbs as cues (``weak_cues``), "told" with its addressee after the content (``told_after``), a
second clause after ", she said, but" (``mid_cues``), a title's modifiers before an inverted speaker
(``title_modifiers``), a person named right after an organisation ending in a plural possessive
(``possessive_orgs``) the first of coordinated subjects as the speaker (``first_conjunct``) and an "it" that stands for a
body named by its role noun (``it_roles``), and a mixed quote after "told ADDRESSEE that"
(``mixed_object_that``);
guidelines 2.

Each case fails on v3 (frozen) and passes on v4.
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create

VERSIONS = ("rules.v3", "rules.v4")


@pytest.fixture(scope="module")
def extractors() -> dict[str, Any]:
    return {name: create(name) for name in VERSIONS}


def quotes(extractors: dict[str, Any], name: str, text: str) -> set[tuple[str, str, str, str]]:
    """(kind, cue, speaker name, content) of every quote found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    names = {a.id: a.name for a in doc.actors}
    return {(q.kind, q.cue.text if q.cue else "", names.get(q.speaker or "", ""), q.content.text) for q in doc.quotes}


# text, a (kind, cue, speaker, content) v4 must find and v3 does not
CASES = {
    "a second cue after 'and' with its own clause": (
        "Ana Lopez, the mayor, said on Monday that the bridge was safe and insisted that the repairs "
        "would finish in May.",
        ("indirect", "insisted", "Ana Lopez", "the repairs would finish in May")),
    "the first clause ends before the coordinated cue": (
        "Ana Lopez, the mayor, said on Monday that the bridge was safe and insisted that the repairs "
        "would finish in May.",
        ("indirect", "said", "Ana Lopez", "the bridge was safe")),
    "a mixed quote ends at its mark before 'but confirmed'": (
        "A director of the board, Ana Lopez, said the count had found \"no sign of fraud\" but confirmed "
        "that ballots from one school had been left in a classroom.",
        ("mixed", "said", "Ana Lopez", "the count had found \"no sign of fraud\"")),
    "a coordinated cue after a quotation": (
        "A director of the board, Ana Lopez, said the count had found \"no sign of fraud\" but confirmed "
        "that ballots from one school had been left in a classroom.",
        ("indirect", "confirmed", "Ana Lopez", "ballots from one school had been left in a classroom")),
    "'called' names its object by the quoted words": (
        "Port director Tomas Brenn called the decision \"a slow death for the docks\" and said the owners "
        "had not consulted anyone.",
        ("direct", "called", "Tomas Brenn", "a slow death for the docks")),
    "'and said' after a naming verb's quotation": (
        "Port director Tomas Brenn called the decision \"a slow death for the docks\" and said the owners "
        "had not consulted anyone.",
        ("indirect", "said", "Tomas Brenn", "the owners had not consulted anyone")),
    "'wrote on social media that' with a quoted fragment": (
        "The council chair Tomas Brenn wrote on social media that the town had been left \"without any "
        "help at all\".",
        ("mixed", "wrote", "Tomas Brenn", "the town had been left \"without any help at all\"")),
    "'wrote' after a quotation and its speaker": (
        "\"People are made to wait with no end in sight,\" Tomas Brenn wrote on social media.",
        ("direct", "wrote", "Tomas Brenn", "People are made to wait with no end in sight,")),
    "'told' with its addressee after the content": (
        "The bridge will reopen in May, Transport Secretary Ana Lopez told a news conference in the capital.",
        ("indirect", "told", "Ana Lopez", "The bridge will reopen in May")),
    "a title's modifiers before an inverted speaker": (
        "The bridge will reopen in May, Transport Secretary Ana Lopez said.",
        ("indirect", "said", "Ana Lopez", "The bridge will reopen in May")),
    "the clause before ', she said, but'": (
        "The buses will be free, Ana Lopez said on Monday. The seats would be numbered, she said, but "
        "riders would have to book a seat.",
        ("indirect", "said", "Ana Lopez", "The seats would be numbered")),
    "the clause after ', she said, but'": (
        "The buses will be free, Ana Lopez said on Monday. The seats would be numbered, she said, but "
        "riders would have to book a seat.",
        ("indirect", "said", "Ana Lopez", "riders would have to book a seat")),
    "a person right after 'Workers' Union'": (
        "The general secretary of the Harbour Workers' Union Lena Fortis said the owners had not "
        "consulted anyone.",
        ("indirect", "said", "Lena Fortis", "the owners had not consulted anyone")),
    "the first of two coordinated speakers": (
        "Ana Lopez spoke first. Lopez and the head of nursing, Tomas Brenn, said they would like to open "
        "a second ward.",
        ("indirect", "said", "Ana Lopez", "they would like to open a second ward")),
    "'it' after a body named by its role noun": (
        "The Velmoor government said it would send buses. A lorry overturned near the border, the district "
        "prosecutor's office said. The driver fled the scene but was arrested hours later, it said.",
        ("indirect", "said", "office", "The driver fled the scene but was arrested hours later")),
    "a mixed quote after the addressee's 'that'": (
        "The committee chair Ana Lopez told reporters in the northern capital that the resignation was "
        "\"a beginning, not an ending.\"",
        ("mixed", "told", "Ana Lopez", "the resignation was \"a beginning, not an ending.\"")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_quote_v4(extractors: dict[str, Any], case: str) -> None:
    text, expected = CASES[case]
    assert expected in quotes(extractors, "rules.v4", text)
    assert expected not in quotes(extractors, "rules.v3", text)


def test_an_and_between_subjects_is_no_coordinated_cue(extractors: dict[str, Any]) -> None:
    """"X said A, and Y said B": the second cue has a subject of its own, so it is no coordinated verb."""
    text = "Ana Lopez said the bridge was safe, and Tomas Brenn said the repairs would finish in May."
    found = quotes(extractors, "rules.v4", text)
    assert ("indirect", "said", "Ana Lopez", "the repairs would finish in May") not in found

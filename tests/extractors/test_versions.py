"""Version 2 of the offline extractors (``rules.v2``, ``spacy.v2``) against version 1, on invented
sentences (no name from any gold or development article): places from general resources and context,
organisations by their heads, events of the whole inventory, quotes beyond the first patterns.

Each case states what v2 must find; the same case run on v1 shows the gap it closes (v1 is frozen).
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create
from eval.schema import Document

FAMILIES = ("rules", "spacy")


@pytest.fixture(scope="module")
def extractors() -> dict[str, Any]:
    return {name: create(name) for family in FAMILIES for name in (f"{family}.v1", f"{family}.v2")}


def run(extractors: dict[str, Any], name: str, text: str) -> Document:
    (doc,) = extractors[name].extract([Article("t", text)])
    return doc


def locations(doc: Document) -> set[tuple[str, str]]:
    return {(m.text, loc.type) for loc in doc.locations for m in loc.mentions}


def events(doc: Document) -> set[tuple[str, str, str | None]]:
    return {(e.trigger.text, e.type, e.subtype) for e in doc.events}


PLACE_CASES = {
    "town of": ("Workers gathered on Monday in the town of Kelomo, near the border.", ("Kelomo", "GPE")),
    "based": ("A Tarvosa-based lender said on Friday it had cut 300 jobs.", ("Tarvosa", "GPE")),
    "province": ("Floods hit villages in Umbeto province last week.", ("Umbeto province", "GPE")),
    "lake": ("Fishermen on Lake Varoma have not been paid since June.", ("Lake Varoma", "LOC")),
    "subdivision": ("Teachers in Bavaria will strike next week, the union said.", ("Bavaria", "GPE")),
}


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("case", PLACE_CASES, ids=list(PLACE_CASES))
def test_v2_finds_places_by_resource_and_context(extractors: dict[str, Any], family: str, case: str) -> None:
    text, expected = PLACE_CASES[case]
    found = {version: expected in locations(run(extractors, f"{family}.{version}", text)) for version in ("v1", "v2")}
    assert found["v2"], f"{family}.v2 missed {expected} in {text!r}"


@pytest.mark.parametrize("family", FAMILIES)
def test_v2_leaves_boilerplate_out(extractors: dict[str, Any], family: str) -> None:
    text = ("TOLUMA, Kenya, May 3 (Kivo Wire) - Nurses ended their strike on Monday.\n\n"
            "(Reporting by Amos Kerubo; Editing by Lena Vasko)")
    doc = run(extractors, f"{family}.v2", text)
    named = {m.text for a in doc.actors for m in a.mentions}
    assert named.isdisjoint({"Kivo Wire", "Amos Kerubo", "Kerubo", "Lena Vasko", "Vasko"})


@pytest.mark.parametrize("family", FAMILIES)
def test_v2_types_organisations_by_their_heads(extractors: dict[str, Any], family: str) -> None:
    text = "Velmara Cotton Mills said on Monday it would close its plant. Its chairman, Ode Raman, declined to comment."
    doc = run(extractors, f"{family}.v2", text)
    assert ("Velmara Cotton Mills", "ORG", "company") in {(a.name, a.type, a.subtype) for a in doc.actors}


EVENT_CASES = {
    "resign": ("The finance minister resigned on Tuesday.", ("resigned", "PERSONNEL", "end_position")),
    "lay off": ("The mill will lay off 400 workers next month.", ("lay", "BUSINESS", "lay_off")),
    "strike": ("Nurses began a 48-hour strike on Monday.", ("strike", "DEMONSTRATE", "strike")),
    "outbreak": ("Officials confirmed a cholera outbreak in two schools.", ("outbreak", "DISASTER", "epidemic")),
    "vaccinate": ("Nurses will vaccinate children in every school.", ("vaccinate", "CAMPAIGN", "health_programme")),
    "election": ("She won the governor election with 61 percent of the vote.", ("won", "PERSONNEL", "elect")),
    "match": ("The two clubs drew in Sunday's match.", ("match", "CONTEST", "compete")),
    "called off": ("The organisers called off the parade.", ("called", "OTHER", None)),
}


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("case", EVENT_CASES, ids=list(EVENT_CASES))
def test_v2_finds_events_of_the_whole_inventory(extractors: dict[str, Any], family: str, case: str) -> None:
    text, expected = EVENT_CASES[case]
    assert expected in events(run(extractors, f"{family}.v2", text))


@pytest.mark.parametrize("family", FAMILIES)
def test_v1_does_not_know_the_new_types(extractors: dict[str, Any], family: str) -> None:
    """The gap v2 closes: v1's lexicon has no PERSONNEL, BUSINESS, DISASTER or CAMPAIGN trigger."""
    found = set()
    for text, _ in EVENT_CASES.values():
        found |= {t for _, t, _ in events(run(extractors, f"{family}.v1", text))}
    assert found.isdisjoint({"PERSONNEL", "BUSINESS", "DISASTER", "CAMPAIGN", "CONTEST"})


@pytest.mark.parametrize("family", FAMILIES)
def test_v2_gives_the_person_who_resigns_as_target(extractors: dict[str, Any], family: str) -> None:
    doc = run(extractors, f"{family}.v2", "Minister Abel Tamuno resigned on Tuesday.")
    names = {a.id: a.name for a in doc.actors}
    (event,) = [e for e in doc.events if e.trigger.text == "resigned"]
    assert [(a.role, names[a.ref]) for a in event.arguments] == [("target", "Abel Tamuno")]


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("text, modality", [
    ("The club would like to sign a new goalkeeper.", "planned"),
    ("The firm has to repay the loan by June.", "planned"),
    ("If talks fail, the union will strike.", "hypothetical"),
], ids=["would like", "has to", "if"])
def test_v2_modality_of_wishes_obligations_and_conditions(extractors: dict[str, Any], family: str, text: str,
                                                          modality: str) -> None:
    doc = run(extractors, f"{family}.v2", text)
    assert {e.modality for e in doc.events if e.type != "STATEMENT"} == {modality}


def quotes(doc: Document) -> list[tuple[str, str | None, str | None]]:
    names = {a.id: a.name for a in doc.actors}
    return [(q.content.text, names.get(q.speaker or ""), q.cue.text if q.cue else None) for q in doc.quotes]


@pytest.mark.parametrize("family", FAMILIES)
def test_v2_gives_a_continued_quote_the_speaker_before_it(extractors: dict[str, Any], family: str) -> None:
    text = ('"We lacked energy today," coach Rui Sanaba said after the match.\n\n'
            '"We will come back stronger. The fans deserve it."')
    assert quotes(run(extractors, f"{family}.v2", text))[-1] == (
        "We will come back stronger. The fans deserve it.", "Rui Sanaba", None)


@pytest.mark.parametrize("family", FAMILIES)
def test_v2_attributes_a_direct_quote_after_according_to(extractors: dict[str, Any], family: str) -> None:
    text = 'The fire destroyed the market. According to Nadia Okafor, "the blaze started in the kitchen."'
    assert quotes(run(extractors, f"{family}.v2", text)) == [
        ("the blaze started in the kitchen.", "Nadia Okafor", "According to")]


def test_rules_v2_attributes_a_quote_whose_speaker_follows_a_descriptor(extractors: dict[str, Any]) -> None:
    text = '"We have run out of road," the firm\'s managing director, Tomas Ekwueme, said on Monday.'
    assert quotes(run(extractors, "rules.v2", text)) == [("We have run out of road,", "Tomas Ekwueme", "said")]

"""Version 3 of the offline extractors against version 2, on invented sentences (no name from any gold
or development article): the subjects of events read through appositions, relative clauses,
coordination and a plural "they" (guidelines 3.3, 1.4), and actors named only by a role noun (1.1).

Each case states what v3 must find; the same case on v2 (frozen) shows the gap it closes.
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create
from eval.schema import Document

FAMILIES = ("rules",)


@pytest.fixture(scope="module")
def extractors() -> dict[str, Any]:
    return {name: create(name) for family in FAMILIES for name in (f"{family}.v2", f"{family}.v3")}


def run(extractors: dict[str, Any], name: str, text: str) -> Document:
    (doc,) = extractors[name].extract([Article("t", text)])
    return doc


def arguments(doc: Document, trigger: str) -> set[tuple[str, str]]:
    """(role, the name of the actor or place) of every argument of the events with this trigger."""
    names = {e.id: e.name for e in (*doc.actors, *doc.locations)}
    return {(a.role, names[a.ref]) for e in doc.events if e.trigger.text == trigger for a in e.arguments}


SUBJECT_CASES = {
    "apposition": ("A retired nurse, Ilse Varro, resigned from the council on Sunday.", "resigned",
                   ("target", "Ilse Varro")),
    "relative clause": ("Marta Kuusk, who chairs the water board, resigned on Friday.", "resigned",
                        ("target", "Marta Kuusk")),
    "relative pronoun": ("The fine was paid by the Velmora Trust, which later sued the council.", "sued",
                         ("agent", "Velmora Trust")),
    "coordination": ("Ana Pereira and Tomas Ulric met in Geneva on Monday.", "met", ("participant", "Ana Pereira")),
    "plural they": ("Ana Pereira and Tomas Ulric arrived in Geneva on Monday. They signed the accord on Tuesday.",
                    "signed", ("participant", "Ana Pereira")),
    "shared subject": ("The Velmora Trust, which owns two farms, accepted the offer and bought the mill.", "bought",
                       ("agent", "Velmora Trust")),
}


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("case", SUBJECT_CASES, ids=list(SUBJECT_CASES))
def test_v3_reads_the_subject_through_the_clause(extractors: dict[str, Any], family: str, case: str) -> None:
    text, trigger, expected = SUBJECT_CASES[case]
    found = {v: expected in arguments(run(extractors, f"{family}.{v}", text), trigger) for v in ("v2", "v3")}
    assert found == {"v2": False, "v3": True}, (text, {v: arguments(run(extractors, f"{family}.{v}", text), trigger)
                                                       for v in ("v2", "v3")})


def actors(doc: Document) -> set[tuple[str, str]]:
    return {(a.name, a.type) for a in doc.actors}


@pytest.mark.parametrize("family", FAMILIES)
def test_v3_finds_actors_named_only_by_their_role(extractors: dict[str, Any], family: str) -> None:
    text = "The referee was injured in the second half, the league said on Sunday."
    found = {v: actors(run(extractors, f"{family}.{v}", text)) & {("referee", "PER"), ("league", "ORG")}
             for v in ("v2", "v3")}
    assert found == {"v2": set(), "v3": {("referee", "PER"), ("league", "ORG")}}


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("text", [
    "The general secretary of the union Halvor Brun said the strike would go on.",
    "Halvor Brun, the referee, said the match would go on.",
    "A teacher, Halvor Brun, said the school would stay open.",
], ids=["title before a name", "apposition after a name", "descriptor before a name"])
def test_v3_leaves_titles_and_appositions_to_the_name(extractors: dict[str, Any], family: str, text: str) -> None:
    names = {a.name for a in run(extractors, f"{family}.v3", text).actors}
    assert names.isdisjoint({"secretary", "referee", "teacher"}), names


QUOTE_CASES = {
    "bare clause": ("Ana Dede said volunteers would visit every school in the district.", "Ana Dede"),
    "speaker with modifiers": ("Turnout reached 81 percent in the province, election officials said.", "officials"),
}


def quotes(doc: Document) -> set[str]:
    """The speakers' names of the document's quotes."""
    names = {a.id: a.name for a in doc.actors}
    return {names[q.speaker] for q in doc.quotes if q.speaker}


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("case", QUOTE_CASES, ids=list(QUOTE_CASES))
def test_v3_finds_reported_speech_beyond_v2(extractors: dict[str, Any], family: str, case: str) -> None:
    text, speaker = QUOTE_CASES[case]
    found = {v: speaker in quotes(run(extractors, f"{family}.{v}", text)) for v in ("v2", "v3")}
    assert found == {"v2": False, "v3": True}


@pytest.mark.parametrize("family", FAMILIES)
def test_v3_leaves_a_noun_phrase_after_said_alone(extractors: dict[str, Any], family: str) -> None:
    doc = run(extractors, f"{family}.v3", "Ana Dede said goodbye to the fans after the final match.")
    assert [q.content.text for q in doc.quotes] == []


@pytest.mark.parametrize("family", FAMILIES)
def test_v3_reads_she_said_as_a_statement(extractors: dict[str, Any], family: str) -> None:
    text = "Ana Dede visited the plant on Monday. She said so in a radio interview."
    found = {v: {e.trigger.text for e in run(extractors, f"{family}.{v}", text).events if e.type == "STATEMENT"}
             for v in ("v2", "v3")}
    assert found == {"v2": set(), "v3": {"said"}}


@pytest.mark.parametrize("family", FAMILIES)
def test_v3_adds_everyday_triggers(extractors: dict[str, Any], family: str) -> None:
    text = "The clinic received a grant last year. Ana Dede had spoken to the mayor by phone."
    found = {v: {(e.trigger.text, e.type) for e in run(extractors, f"{family}.{v}", text).events} for v in ("v2", "v3")}
    assert ({("received", "TRANSACTION"), ("spoken", "MEET")} & found["v2"],
            {("received", "TRANSACTION"), ("spoken", "MEET")} <= found["v3"]) == (set(), True)


@pytest.mark.parametrize("family", FAMILIES)
def test_v3_reads_the_preposition_of_a_place_over_its_noun_phrase(extractors: dict[str, Any], family: str) -> None:
    text = "Hundreds of nurses gathered in the town of Kelomo on Monday."
    found = {v: ("place", "Kelomo") in arguments(run(extractors, f"{family}.{v}", text), "gathered")
             for v in ("v2", "v3")}
    assert found == {"v2": False, "v3": True}


@pytest.mark.parametrize("family", FAMILIES)
def test_v3_gives_a_place_to_the_nearest_event_before_it(extractors: dict[str, Any], family: str) -> None:
    text = "Ana Dede resigned and the board met in Kelomo on Monday."
    found = {v: (("place", "Kelomo") in arguments(doc, "resigned"), ("place", "Kelomo") in arguments(doc, "met"))
             for v in ("v2", "v3") for doc in [run(extractors, f"{family}.{v}", text)]}
    assert found == {"v2": (True, True), "v3": (False, True)}


@pytest.mark.parametrize("family", FAMILIES)
def test_v3_splits_an_organisation_from_the_name_after_it(extractors: dict[str, Any], family: str) -> None:
    text = "The chair of the Tolmaro Housing Commission Edda Varsi told reporters the plan was dead."
    found = {v: actors(run(extractors, f"{family}.{v}", text)) & {("Tolmaro Housing Commission", "ORG"),
                                                                   ("Edda Varsi", "PER")} for v in ("v2", "v3")}
    assert found == {"v2": set(), "v3": {("Tolmaro Housing Commission", "ORG"), ("Edda Varsi", "PER")}}

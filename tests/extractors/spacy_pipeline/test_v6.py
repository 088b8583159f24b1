"""Version 6 of ``spacy`` (profile switches ``appositive_nominals``, ``aid_senses``, ``post_senses``,
``naming_cues``, ``attributive_participles``) against
version 5, on invented sentences (no name from any gold or development article): each case states an
argument or an event type v6 finds, and checks that v5 (frozen) does not.
"""
from __future__ import annotations

from typing import Any

import pytest

from tests.extractors.spacy_pipeline.conftest import arguments, events, one


@pytest.fixture(scope="module")
def spacy_versions() -> dict[str, Any]:
    from eval.registry import create

    return {name: create(name) for name in ("spacy.v5", "spacy.v6")}


REFERENCE_CASES = {
    "a trade after a person's name": ("Ines Holm, a 38-year-old welder from the port, said the yard would close. "
                                      "The welder blamed the owners for the losses.",
                                      ("blamed", "agent", "Ines Holm")),
    "a title before a person's name": ("The utility hired Dorset Gridworks. Its chief technology officer, Tomas "
                                       "Varga, resigned on Friday. The officer said he was leaving.",
                                       ("said", "agent", "Tomas Varga")),
    "a kind of firm after its name": ("Kestrel Analytics, a consultancy in York, audited the accounts, and the "
                                      "consultancy said the figures were wrong.",
                                      ("said", "agent", "Kestrel Analytics")),
}


@pytest.mark.parametrize("case", REFERENCE_CASES, ids=list(REFERENCE_CASES))
def test_v6_refers_back_by_an_appositive_noun(spacy_versions: dict[str, Any], case: str) -> None:
    """A noun of any trade in apposition to a name is its mention, and "the" + that noun later refers
    back to the name, so the later verb has the named actor as agent."""
    text, expected = REFERENCE_CASES[case]
    found = {name: expected in arguments(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v5": False, "spacy.v6": True}, arguments(spacy_versions["spacy.v6"], text)


def test_the_appositive_noun_is_a_nominal_mention(spacy_versions: dict[str, Any]) -> None:
    text = "Ines Holm, a 38-year-old welder from the port, said the yard would close."
    mentions = {name: {(m.text, m.kind) for a in one(ex, text).actors if a.name == "Ines Holm" for m in a.mentions}
                for name, ex in spacy_versions.items()}
    assert ("welder", "nominal") in mentions["spacy.v6"] and ("welder", "nominal") not in mentions["spacy.v5"]


def test_a_noun_only_near_a_name_is_no_mention(spacy_versions: dict[str, Any]) -> None:
    """Without the parse's apposition a noun before a name is not its description."""
    text = "A letter from Ines Holm reached the council on Monday."
    mentions = {m.text for a in one(spacy_versions["spacy.v6"], text).actors for m in a.mentions}
    assert "letter" not in mentions, mentions


AID_CASES = {
    "a charity by its name": ("Brightwater Relief Trust lent the council 30 generators.", ("lent", "SUPPORT")),
    "a charity by its description": ("Brightwater Relief Trust, a charity based in Leeds, lent the council 30 "
                                     "generators.", ("lent", "SUPPORT")),
}


@pytest.mark.parametrize("case", AID_CASES, ids=list(AID_CASES))
def test_help_given_by_a_charity_is_aid(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = AID_CASES[case]
    found = {name: expected in events(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v5": False, "spacy.v6": True}, events(spacy_versions["spacy.v6"], text)


@pytest.mark.parametrize("text, trigger", [
    ("The Northern Development Fund lent the city 20 million pounds.", "lent"),
    ("Harwick Steel paid the workers 2 million pounds in compensation.", "paid"),
])
def test_a_lender_or_a_company_stays_a_transaction(spacy_versions: dict[str, Any], text: str, trigger: str) -> None:
    assert (trigger, "TRANSACTION") in events(spacy_versions["spacy.v6"], text)


POST_CASES = {
    "people suspended": ("The railway suspended two engineers and a signal inspector after the derailment.",
                         ("suspended", "PERSONNEL")),
    "a named person suspended": ("Northgate Rail suspended Tomas Varga, its operations director, on Friday.",
                                 ("suspended", "PERSONNEL")),
    "an official removed": ("Councillors will vote on Sunday on removing the mayor, Pedro Salas.",
                            ("removing", "PERSONNEL")),
    "placed under suspension": ("Tomas Varga was placed under suspension on Monday, Northgate Rail said.",
                                ("suspension", "PERSONNEL")),
}


@pytest.mark.parametrize("case", POST_CASES, ids=list(POST_CASES))
def test_a_person_taken_out_of_a_post_is_personnel(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = POST_CASES[case]
    found = {name: expected in events(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v5": False, "spacy.v6": True}, events(spacy_versions["spacy.v6"], text)


@pytest.mark.parametrize("text, trigger", [
    ("The ministry suspended the permit and removed the barriers.", "suspended"),
    ("The ministry suspended the permit and removed the barriers.", "removed"),
    ("The regulator suspended the licence of the clinic.", "suspended"),
])
def test_a_thing_suspended_or_removed_stays_other(spacy_versions: dict[str, Any], text: str, trigger: str) -> None:
    assert (trigger, "OTHER") in events(spacy_versions["spacy.v6"], text)


def cues(extractor: Any, text: str) -> set[tuple[str, str | None, str]]:
    """(content, speaker name, cue) of every quote of the text."""
    doc = one(extractor, text)
    names = {a.id: a.name for a in doc.actors}
    return {(q.content.text, names.get(q.speaker or ""), q.cue.text if q.cue else "") for q in doc.quotes}


NAMING_CASES = {
    "called the object": ('The union leader, Ines Holm, called the decision "a death sentence for the town" and said '
                          "members would strike.", ("a death sentence for the town", "Ines Holm", "called")),
    "which he called": ('Mayor Pedro Salas has promised to cancel the bridge contract, which he has called '
                        '"a monument to waste and greed".', ("a monument to waste and greed", "Pedro Salas", "called")),
    "described as": ('Pedro Salas described the budget as "a gift to the rich".',
                     ("a gift to the rich", "Pedro Salas", "described")),
}


@pytest.mark.parametrize("case", NAMING_CASES, ids=list(NAMING_CASES))
def test_a_verb_of_naming_is_the_cue_of_its_quoted_words(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = NAMING_CASES[case]
    found = {name: expected in cues(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v5": False, "spacy.v6": True}, cues(spacy_versions["spacy.v6"], text)


def test_a_named_term_is_no_quote(spacy_versions: dict[str, Any]) -> None:
    """One or two quoted words after a verb of naming are a term, not speech (guidelines 2.1)."""
    text = 'Its director, Ines Holm, described conditions as "unsustainable".'
    assert not any(content == "unsustainable" for content, _, _ in cues(spacy_versions["spacy.v6"], text))


PARTICIPLE_CASES = {
    "present participle": ("Roughly 8,000 travelling supporters watched the final.", "travelling"),
    "hyphened kind": ("A Gulf-backed consortium will build the plant.", "backed"),
    "hyphened manner": ("Workers carried hand-written placards outside the gate.", "written"),
}


@pytest.mark.parametrize("case", PARTICIPLE_CASES, ids=list(PARTICIPLE_CASES))
def test_a_participle_that_sorts_its_noun_is_no_event(spacy_versions: dict[str, Any], case: str) -> None:
    text, trigger = PARTICIPLE_CASES[case]
    found = {name: any(t == trigger for t, _ in events(ex, text)) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v5": True, "spacy.v6": False}, events(spacy_versions["spacy.v6"], text)


def test_a_verb_after_its_subject_stays_an_event(spacy_versions: dict[str, Any]) -> None:
    text = "Investors backed the consortium, and the supporters were travelling home."
    found = {t for t, _ in events(spacy_versions["spacy.v6"], text)}
    assert {"backed", "travelling"} <= found, found

"""Version 4 of the ``rules`` extractor against version 3 on the actor and quote layers, on invented
sentences (no name from any gold or development article): unnamed speakers and bodies
(``speaker_nouns``, guidelines 1.4 and 5 l) and organisations that a name alone would make a person
(``org_context``, guidelines 1.1 and 1.4).

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


def speakers(extractors: dict[str, Any], name: str, text: str) -> set[tuple[str, str]]:
    """(speaker mention, content) of every quote found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return {(q.speaker_mention.text if q.speaker_mention else "", q.content.text) for q in doc.quotes}


def actor_types(extractors: dict[str, Any], name: str, text: str) -> dict[str, str]:
    """Actor name -> type of every actor found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return {a.name: a.type for a in doc.actors}


# text, the (speaker mention, content) v4 must find and v3 does not
SPEAKER_CASES = {
    "role noun after a place and a comma": (
        "Two hikers were flown to hospital in Velmoor, a hospital spokeswoman said.",
        ("spokeswoman", "Two hikers were flown to hospital in Velmoor")),
    "role noun after a weekday and a comma": (
        "A panel will question the engineers at a hearing next Wednesday, its chairman said.",
        ("chairman", "A panel will question the engineers at a hearing next Wednesday")),
    "a body noun of version 4": (
        "The new dairy would open in the spring, the cooperative said.",
        ("cooperative", "The new dairy would open in the spring")),
    "a possessive modifier": (
        "The lorry driver fled on foot, the district prosecutor's office said.",
        ("office", "The lorry driver fled on foot")),
    "an official at a body, past a relative clause": (
        "An official at the Treasury, who asked not to be named, said the levy would rise in June.",
        ("official", "the levy would rise in June")),
    "staff as a collective speaker": (
        "The new ward opened on Tuesday with twelve beds, staff said.",
        ("staff", "The new ward opened on Tuesday with twelve beds")),
    "a delegate from a body in a place": (
        "A delegate from a congregation in Orvale, who asked not to be named, said the roof had failed.",
        ("delegate", "the roof had failed")),
}


@pytest.mark.parametrize("case", SPEAKER_CASES, ids=list(SPEAKER_CASES))
def test_v4_finds_unnamed_speakers(extractors: dict[str, Any], case: str) -> None:
    text, expected = SPEAKER_CASES[case]
    found = {name: expected in speakers(extractors, name, text) for name in VERSIONS}
    assert found == {"rules.v3": False, "rules.v4": True}, (text, {n: speakers(extractors, n, text) for n in VERSIONS})


# text, a name that v4 types ORG and v3 PER
ORG_CASES = {
    "apposition after": ("The app was built by Velto Quarnix, a software company based in Brenna.", "Velto Quarnix"),
    "apposition before": ("Work stopped after the operator, Dravi Stennel, cut the night shift.", "Dravi Stennel"),
    "which, not who": ("Orsa Malvine, which is owned by a pension fund, cut 200 jobs.", "Orsa Malvine"),
    "it speaks of itself": ("Korvel Anbrisa said it would appeal against the fine.", "Korvel Anbrisa"),
    "last word names a body": ("The Plainfield Lutheran Synod met on Friday.", "Plainfield Lutheran Synod"),
}


@pytest.mark.parametrize("case", ORG_CASES, ids=list(ORG_CASES))
def test_v4_types_organisations_by_context(extractors: dict[str, Any], case: str) -> None:
    text, name = ORG_CASES[case]
    found = {v: actor_types(extractors, v, text).get(name) for v in VERSIONS}
    assert found == {"rules.v3": "PER", "rules.v4": "ORG"}, (text, found)


def test_v4_keeps_a_person_with_an_organisation_in_an_of_phrase(extractors: dict[str, Any]) -> None:
    text = "A regional director of the commission, Ilse Varnow, said turnout was high."
    assert actor_types(extractors, "rules.v4", text).get("Ilse Varnow") == "PER"


def test_v4_drops_a_name_that_modifies_a_facility(extractors: dict[str, Any]) -> None:
    text = "Workers at the Pello Varic copper mine voted to strike."
    assert "Pello Varic" in actor_types(extractors, "rules.v3", text)
    assert "Pello Varic" not in actor_types(extractors, "rules.v4", text)

"""Version 8 of ``spacy`` (profile switches of :data:`extractors.shared.profile.V8`) against version 7, on
invented sentences (no name from any gold or development article): each case states an argument v8 finds
and checks that v7 (frozen) does not; the guards state what v8 must still not do.
"""
from __future__ import annotations

from typing import Any

import pytest

from tests.extractors.spacy_pipeline.conftest import arguments, events


@pytest.fixture(scope="module")
def spacy_versions() -> dict[str, Any]:
    from eval.registry import create

    return {name: create(name) for name in ("spacy.v7", "spacy.v8")}


CASES = {
    "aspect_places: a leak begins at a site": (
        "The leak began early on Sunday at the Harlow refinery, a spokesman said.",
        ("leak", "place", "Harlow refinery")),
    "aspect_places: a trial opens in a city": (
        "The trial of the four bankers opened on Monday in Ostrava.",
        ("trial", "place", "Ostrava")),
    "cue_conjuncts: two speakers say one thing": (
        'Amara Diallo and the club\'s treasurer, Kwame Boateng, both said the stadium "needs a new roof".',
        ("said", "agent", "Kwame Boateng")),
    "with_movers: family members travel along": (
        "Rukhsana Baig flew to Lahore with her brother, Imran Baig, on Friday.",
        ("flew", "agent", "Imran Baig")),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_v8_finds_the_argument(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = CASES[case]
    found = {name: expected in arguments(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v7": False, "spacy.v8": True}, arguments(spacy_versions["spacy.v8"], text)


def test_a_subject_naming_another_party_is_left_alone(spacy_versions: dict[str, Any]) -> None:
    """Guard (``cue_conjuncts``): a cue whose speaker is not among its subject's conjuncts gets none of them."""
    text = 'The mayor and the council were wrong, Ines Moreau said: "They never asked us."'
    found = arguments(spacy_versions["spacy.v8"], text)
    assert not any(t == "said" and name in ("mayor", "council") for t, _, name in found), found


def test_with_on_other_events_is_no_mover(spacy_versions: dict[str, Any]) -> None:
    """Guard (``with_movers``): "with" on a verb that is no movement names no agent ("met with X" is a side)."""
    text = "The governor met with Tomas Ruiz in Valdera on Tuesday."
    found = arguments(spacy_versions["spacy.v8"], text)
    assert ("met", "agent", "Tomas Ruiz") not in found, found


LIGHT_CASES = {
    "a statement issued": ("In a statement issued on Sunday, the Harbour Workers' Union said the strike would go on.",
                           "issued"),
    "received a complaint": ("The council said it had received a complaint from residents about the noise.",
                             "received"),
    "received no reply": ("The ministry said it had not received any reply from the insurer.", "received"),
}


@pytest.mark.parametrize("case", LIGHT_CASES, ids=list(LIGHT_CASES))
def test_v8_leaves_light_verbs_to_their_noun(spacy_versions: dict[str, Any], case: str) -> None:
    """``light_uses``: a light verb as a participle after an event noun, and "receive" before a message,
    are no events of their own (guidelines 3.1: the noun is the trigger)."""
    text, verb = LIGHT_CASES[case]
    found = {name: any(t == verb for t, _ in events(ex, text)) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v7": True, "spacy.v8": False}, events(spacy_versions["spacy.v8"], text)


@pytest.mark.parametrize("text, verb", [
    ("The hospital in Tarvo received 40 patients after the crash.", "received"),
    ("Relief goods issued to the camps ran out on Friday.", "issued"),
])
def test_light_verbs_with_things_stay_events(spacy_versions: dict[str, Any], text: str, verb: str) -> None:
    """Guard (``light_uses``): receiving people or issuing goods is still an event."""
    assert any(t == verb for t, _ in events(spacy_versions["spacy.v8"], text))


def test_v8_a_participle_used_as_a_preposition_is_no_event(spacy_versions: dict[str, Any]) -> None:
    """``preposition_participles``: "pending an inquiry" names no event of its own (3.1: the main verb)."""
    text = "The two inspectors were suspended pending an inquiry into the missing files."
    found = {name: any(t == "pending" for t, _ in events(ex, text)) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v7": True, "spacy.v8": False}, events(spacy_versions["spacy.v8"], text)


def test_according_to_stays_a_cue(spacy_versions: dict[str, Any]) -> None:
    """Guard (``preposition_participles``): "according to" is a STATEMENT trigger (3.1)."""
    text = "Nine miners were trapped, according to the regional fire service."
    assert any(t.startswith("according") for t, _ in events(spacy_versions["spacy.v8"], text))


LEAVE_STATES = {
    "left the club ninth": "The heavy defeat left the club ninth in the table.",
    "left parishes unable to pay": "Falling attendance has left several rural parishes unable to pay a full-time pastor.",
    "left stranded": "Hundreds of passengers had been left stranded at the harbour without any warning.",
    "the water left": "The little grain left in the silos was spoiled by the rain.",
}


@pytest.mark.parametrize("case", LEAVE_STATES, ids=list(LEAVE_STATES))
def test_v8_leaving_in_a_state_is_no_event(spacy_versions: dict[str, Any], case: str) -> None:
    """``leave_states``: "leave" with a predicative complement, or "left" after a noun, names a state (3.1)."""
    text = LEAVE_STATES[case]
    found = {name: any(t == "left" for t, _ in events(ex, text)) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v7": True, "spacy.v8": False}, events(spacy_versions["spacy.v8"], text)


@pytest.mark.parametrize("text", ["The minister left the country on Friday.",
                                  "She left the company to join a rival bank.",
                                  '"I leave with my head high," the coach said.'])
def test_leaving_a_place_or_post_stays_an_event(spacy_versions: dict[str, Any], text: str) -> None:
    """Guard (``leave_states``): leaving a place or a post, or leaving alone, is still an event."""
    assert any(t in ("left", "leave") for t, _ in events(spacy_versions["spacy.v8"], text))

"""Version 5 of ``spacy`` (profile switches ``object_places`` and ``business_objects``) against version 4,
on invented sentences (no name from any gold or development article): each case states a place argument
or an event type v5 finds, and checks that v4 (frozen) does not.
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create
from tests.extractors.spacy_pipeline.conftest import arguments, events


@pytest.fixture(scope="module")
def spacy_versions() -> dict[str, Any]:
    return {name: create(name) for name in ("spacy.v4", "spacy.v5")}


PLACE_CASES = {
    "participle of a noun after the object": ("Delegates from Ghana did not attend a summit on trade held in Lisbon "
                                              "on Monday.", ("attend", "place", "Lisbon")),
    "participle of the object": ("Nurses vaccinated about 5,000 children aged under five in Leeds.",
                                 ("vaccinated", "place", "Leeds")),
    "places after a noun of towns": ("The opposition asked for a recount in the towns of Leeds and York.",
                                     ("recount", "place", "York")),
}


@pytest.mark.parametrize("case", PLACE_CASES, ids=list(PLACE_CASES))
def test_v5_finds_places_inside_the_object_phrase(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = PLACE_CASES[case]
    found = {name: expected in arguments(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v4": False, "spacy.v5": True}, arguments(spacy_versions["spacy.v5"], text)


def test_a_place_argument_already_found_is_not_added_to(spacy_versions: dict[str, Any]) -> None:
    """An event with a place of its own does not take the places of its object's phrase."""
    text = "In Leeds, inspectors visited a factory owned by a firm in York."
    found = arguments(spacy_versions["spacy.v5"], text)
    assert ("visited", "place", "York") not in found, found


NOT_BUSINESS_CASES = {
    "spending cut": ("The minister said the government should cut spending on roads.", ("cut", "OTHER")),
    "valve closed": ("Firefighters tried to close a valve on the leaking pipe.", ("close", "OTHER")),
    "ballot that closed": ("The council voted in a ballot that closed at noon.", ("closed", "OTHER")),
}


@pytest.mark.parametrize("case", NOT_BUSINESS_CASES, ids=list(NOT_BUSINESS_CASES))
def test_closing_what_is_no_business_is_other(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = NOT_BUSINESS_CASES[case]
    found = {name: expected in events(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v4": False, "spacy.v5": True}, events(spacy_versions["spacy.v5"], text)


@pytest.mark.parametrize("text, trigger", [
    ("Northgate Mining said it would close its smelter in Leeds.", "close"),
    ("The retailer will cut 300 jobs next year.", "cut"),
    ("Some of the shops will simply close.", "close"),
])
def test_closing_a_business_stays_business(spacy_versions: dict[str, Any], text: str, trigger: str) -> None:
    """A site, jobs, or a stand-in for something named elsewhere keep the lexicon's BUSINESS type."""
    found = events(spacy_versions["spacy.v5"], text)
    assert (trigger, "BUSINESS") in found, found


COUNTED_CASES = {
    "object of an arrest": ("Police arrested two men and detained at least 11 people on Friday.",
                            ("arrested", "target", "two men")),
    "passive subject": ("One miner was injured by a rubber bullet and six others were detained.",
                        ("detained", "target", "six others")),
    "listed after another": ("Three fishermen were killed and nine people injured when the boat sank.",
                             ("injured", "target", "nine people")),
}


@pytest.mark.parametrize("case", COUNTED_CASES, ids=list(COUNTED_CASES))
def test_a_counted_group_of_people_is_an_actor(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = COUNTED_CASES[case]
    found = {name: expected in arguments(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v4": False, "spacy.v5": True}, arguments(spacy_versions["spacy.v5"], text)


def test_a_count_of_things_is_no_group_of_people(spacy_versions: dict[str, Any]) -> None:
    """A count of what is not people ("two trucks", "300 jobs") makes no actor."""
    (doc,) = spacy_versions["spacy.v5"].extract([Article("t", "The firm sold two trucks and cut 300 jobs.")])
    assert not [a.name for a in doc.actors if a.name in ("two trucks", "300 jobs")], [a.name for a in doc.actors]


HEARING_CASES = {
    "a committee's hearing is a meeting": ("The finance committee held a hearing on the budget on Tuesday.",
                                           ("hearing", "MEET")),
}


@pytest.mark.parametrize("case", HEARING_CASES, ids=list(HEARING_CASES))
def test_v5_types_a_hearing_by_its_sentence(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = HEARING_CASES[case]
    found = {name: expected in events(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v4": False, "spacy.v5": True}, events(spacy_versions["spacy.v5"], text)


def test_v5_keeps_a_court_hearing_legal(spacy_versions: dict[str, Any]) -> None:
    text = "The judge adjourned the hearing until the trial could resume in the high court."
    assert ("hearing", "LEGAL") in events(spacy_versions["spacy.v5"], text)

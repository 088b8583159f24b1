"""Version 8 locations against version 7, on invented sentences of other domains (no name from any gold or
development article): each case fails on ``rules.v7``/``spacy.v7`` (frozen) and passes on ``rules.v8``/
``spacy.v8`` (switch ``wordnet_facilities`` of :mod:`extractors.shared.profile`,
:mod:`extractors.shared.places_v8`)."""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create

_NAMES = ["rules.v7", "rules.v8", "spacy.v7", "spacy.v8"]


@pytest.fixture(scope="module")
def extractors() -> dict[str, Any]:
    return {name: create(name) for name in _NAMES}


def _unnamed(extractor: Any, text: str) -> dict[str, tuple[str, list[str]]]:
    """Location name -> (type, mention texts) of the locations named by a common noun only."""
    doc = next(iter(extractor.extract([Article("t", text)])))
    return {loc.name: (loc.type, [m.text for m in loc.mentions]) for loc in doc.locations
            if all(m.kind == "nominal" for m in loc.mentions)}


CASES = [
    # a noun of WordNet's built places where something happens, after a definite article (guidelines 1.3)
    ("The suspect was arrested at a hotel in Nairobi. Police said he had hidden the cash in the basement.",
     "basement", "FAC"),
    ("Investigators searched the flat on Monday. She had kept the letters in her kitchen, they said.",
     "kitchen", "FAC"),
    # a natural feature placed at a named place, with its later definite mention (guidelines 1.3)
    ("Researchers found the fossil in a cave near Arusha. The cave had been sealed for centuries.", "cave", "LOC"),
    ("Divers searched for the missing swimmer from the beach at Inhambane on Tuesday.", "beach", "LOC"),
    # a place's name before the noun, possessive (guidelines 1, "the Kessin stadium")
    ("Frost killed tea bushes in Rwanda's highlands this week, growers said.", "highlands", "LOC"),
]


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,noun,type_", CASES)
def test_wordnet_place(extractors: dict[str, Any], extractor: str, text: str, noun: str, type_: str) -> None:
    assert noun not in _unnamed(extractors[f"{extractor}.v7"], text)
    found = _unnamed(extractors[f"{extractor}.v8"], text)
    assert found[noun][0] == type_


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,noun", [
    # an institution, not a place (a sense among the first two is an organisation: guidelines 1.4)
    ("Lawyers for the family said they would appeal to the court in Gitega.", "court"),
    # a part of a named place: its name stands for it
    ("Fishing villages on the shores of Lake Kivu were cut off.", "shores"),
    # a member of a set of places, no definite one
    ("Hope House, one of the largest shelters in Nairobi, said it was full.", "shelters"),
    # the most frequent sense is no place ("wing" of a bird), an idiom ("on the ground")
    ("Reporters on the ground in Gitega said the wing of the party split.", "ground"),
])
def test_not_a_place(extractors: dict[str, Any], extractor: str, text: str, noun: str) -> None:
    assert noun not in _unnamed(extractors[f"{extractor}.v8"], text)


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,noun,type_", [
    # an unnamed settlement placed at a named place, as an unnamed facility near a town (guidelines 1.3)
    ("The first patient, a 40-year-old herder from a village outside Gitega, died on Monday.", "village", "GPE"),
    ("Soldiers set up a checkpoint at the entrance to a township near Durban overnight.", "township", "GPE"),
])
def test_unnamed_settlement(extractors: dict[str, Any], extractor: str, text: str, noun: str, type_: str) -> None:
    assert noun not in _unnamed(extractors[f"{extractor}.v7"], text)
    assert _unnamed(extractors[f"{extractor}.v8"], text)[noun][0] == type_


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,noun", [
    ("Gitega, a town in the hills, lost power on Monday.", "town"),  # an appositive: the town itself
    ("Gitega is a town in the hills of Burundi.", "town"),  # a predicate nominal: the town itself
    ("Three towns near Gitega lost power on Monday.", "towns"),  # a plural may sum up places named apart
])
def test_not_a_new_settlement(extractors: dict[str, Any], extractor: str, text: str, noun: str) -> None:
    assert noun not in _unnamed(extractors[f"{extractor}.v8"], text)


@pytest.mark.parametrize("extractor", ["spacy"])
@pytest.mark.parametrize("text", [
    # the office of a post holder is the body that acts for it, not a building (guidelines 1.2, 1.4)
    "We will file a complaint with the auditor general's office this week, the lawyer said.",
    "The Labour Commissioner's office in Tamale has invited both sides to talks on Friday.",
])
def test_person_office(extractors: dict[str, Any], extractor: str, text: str) -> None:
    assert "office" in _unnamed(extractors[f"{extractor}.v7"], text)
    assert "office" not in _unnamed(extractors[f"{extractor}.v8"], text)


def _places(extractor: Any, text: str) -> dict[str, str]:
    """Location name -> type of every location found."""
    doc = next(iter(extractor.extract([Article("t", text)])))
    return {loc.name: loc.type for loc in doc.locations}


@pytest.mark.parametrize("text,place", [
    # the place of a dateline is a location (guidelines 1.3 "Datelines"; switch dateline_places)
    ("BLANTYRE — Nurses walked out of the central hospital on Monday, union leaders said.", "Blantyre"),
    ("DODOMA: The budget committee approved the new water tariff late on Thursday.", "Dodoma"),
    ("Maputo, 14 August (Metro desk) — Fuel queues stretched for kilometres on Tuesday.", "Maputo"),
])
def test_dateline_place(extractors: dict[str, Any], text: str, place: str) -> None:
    assert place not in _places(extractors["spacy.v7"], text)
    assert _places(extractors["spacy.v8"], text)[place] == "GPE"


def test_heading_is_no_dateline(extractors: dict[str, Any]) -> None:
    """A heading in capitals before a colon is no place unless the gazetteer knows it."""
    assert _places(extractors["spacy.v8"], "UPDATE: The ferry resumed service after the storm passed.") == {}


@pytest.mark.parametrize("text,language", [
    # a language or demonym is no place (guidelines 1.3: adjectives are no location mentions; switch language_names)
    ("The signs were printed in Swahili and French, and the menus in Amharic.", "Amharic"),
    ("The contract was written in Tigrinya and Arabic, officials said.", "Tigrinya"),
    ("Leaflets were handed out in Hausa and Yoruba at the market in Kano.", "Yoruba"),
])
def test_language_no_place(extractors: dict[str, Any], text: str, language: str) -> None:
    assert language in _places(extractors["spacy.v7"], text)
    assert language not in _places(extractors["spacy.v8"], text)


def test_island_name(extractors: dict[str, Any]) -> None:
    """Version 4's geographic heads in spaCy's context cues ("X Island" is a LOC; switch spacy_place_heads)."""
    text = "Farmers on Kiwa Island said the harvest failed."
    assert "Kiwa Island" not in _places(extractors["spacy.v7"], text)
    assert _places(extractors["spacy.v8"], text)["Kiwa Island"] == "LOC"


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,noun", [
    # a generic place, any place of its kind, is no location (guidelines 1.3; switch nearest_places)
    ("Health officials urged parents to take feverish children to the nearest clinic at once.", "clinic"),
    ("Drivers were told to stop at the closest police station and report the damage.", "station"),
    ("Voters can cast their ballots at any polling station in Lusaka.", "station"),
])
def test_nearest_place(extractors: dict[str, Any], extractor: str, text: str, noun: str) -> None:
    assert noun in _places(extractors[f"{extractor}.v7"], text)
    assert noun not in _places(extractors[f"{extractor}.v8"], text)


@pytest.mark.parametrize("text,place", [
    # a name the gazetteer lacks after a preposition of place, never where a person stands, is a place
    # (guidelines 1.3; switch placed_persons)
    ("Voters queued outside schools in Mbanza Ngungu and Kisantu on Sunday, officials said.", "Mbanza Ngungu"),
    ("Voters queued outside schools in Mbanza Ngungu and Kisantu on Sunday, officials said.", "Kisantu"),
    # and the names listed after it
    ("Farmers across Tsholotsho, Lupane and Nkayi lost cattle to the drought.", "Lupane"),
])
def test_placed_person_name(extractors: dict[str, Any], text: str, place: str) -> None:
    assert place not in _places(extractors["rules.v7"], text)
    assert _places(extractors["rules.v8"], text)[place] == "GPE"


@pytest.mark.parametrize("city", ["Eldoret", "Mbeya"])
def test_modifier_place(extractors: dict[str, Any], city: str) -> None:
    """A known town's name before a common noun, outside spaCy's entities, names the town (guidelines 1.3,
    1.4; switch modifier_places)."""
    text = f"The {city} senate approved the plan by 41 votes to 12, and the rector of the {city} institute resigned."
    assert city not in _places(extractors["spacy.v7"], text)
    assert city in _places(extractors["spacy.v8"], text)

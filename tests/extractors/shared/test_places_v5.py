"""Version 5 places of both offline extractors against version 4, on invented sentences (no name from any
gold or development article): places referred to again by a common noun (guidelines 5 ab, 1.3, 1.4).

Each case states what v5 must find; the same case on v4 (frozen) shows the gap it closes.
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create

VERSIONS = ("rules.v4", "rules.v5", "spacy.v4", "spacy.v5")


@pytest.fixture(scope="module")
def extractors() -> dict[str, Any]:
    return {name: create(name) for name in VERSIONS}


def place_mentions(extractors: dict[str, Any], name: str, text: str) -> set[tuple[str, str]]:
    """(mention text, location name) of every location mention found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return {(m.text, loc.name) for loc in doc.locations for m in loc.mentions}


# text, the (mention, location) v5 must find and v4 does not
NOMINAL_CASES = {
    "the town, back to a city": ("Heavy rain flooded the market in Kumasi on Tuesday. Traders in the town said "
                                 "stalls were lost.", ("town", "Kumasi")),
    "the country, back to a country": ("Exports of copper from Malawi rose in March, and mines across the country "
                                       "hired more workers.", ("country", "Malawi")),
    "a possessive of the place": ("Floods hit Bulawayo on Monday, and the city's main bridge was closed.",
                                  ("city", "Bulawayo")),
    "a demonym's capital": ("Talks opened in Accra on Monday. The delegates stayed in the Ghanaian capital until "
                            "Friday.", ("capital", "Accra")),
}
# text, a (mention, location) neither version may find
NOT_NOMINAL_CASES = {
    "a modifier noun": ("Water was cut in Kumasi on Tuesday. The city council met at noon.", ("city", "Kumasi")),
    "the possessor of a post": ("Water was cut in Kumasi on Tuesday. The city's mayor met traders.",
                                ("city", "Kumasi")),
    "the place speaking": ("Water was cut in Kumasi on Tuesday. The city said repairs would take a week.",
                           ("city", "Kumasi")),
    "no place of its kind before": ("Rain fell in Malawi. Farmers in the town of hope were glad.",
                                    ("town", "Malawi")),
}


@pytest.mark.parametrize("family", ["rules", "spacy"])
@pytest.mark.parametrize("case", NOMINAL_CASES)
def test_place_nominals(extractors: dict[str, Any], family: str, case: str) -> None:
    text, expected = NOMINAL_CASES[case]
    assert expected in place_mentions(extractors, f"{family}.v5", text)
    assert expected not in place_mentions(extractors, f"{family}.v4", text)


@pytest.mark.parametrize("family", ["rules", "spacy"])
@pytest.mark.parametrize("case", NOT_NOMINAL_CASES)
def test_not_place_nominals(extractors: dict[str, Any], family: str, case: str) -> None:
    text, unexpected = NOT_NOMINAL_CASES[case]
    assert unexpected not in place_mentions(extractors, f"{family}.v5", text)


# text, the (mention, location) v5 must find and v4 does not: a demonym before a place head is its country
# as a location (guidelines 1.4), a possessor of a place named after it the territory (1.2)
DEMONYM_CASES = {
    "a demonym's capital": ("Protesters marched through the Ghanaian capital on Saturday.", ("Ghanaian", "Ghana")),
    "a demonym before 'state of'": ("Police in the Brazilian state of Amapa arrested four men.",
                                    ("Brazilian", "Brazil")),
    "a possessor of a province": ("Rain flooded roads in Peru's Cusco Province on Friday.", ("Peru", "Peru")),
}


@pytest.mark.parametrize("family", ["rules", "spacy"])
@pytest.mark.parametrize("case", DEMONYM_CASES)
def test_demonym_places(extractors: dict[str, Any], family: str, case: str) -> None:
    text, expected = DEMONYM_CASES[case]
    assert expected in place_mentions(extractors, f"{family}.v5", text)
    assert expected not in place_mentions(extractors, f"{family}.v4", text)


def test_possessor_is_cut_off_the_place(extractors: dict[str, Any]) -> None:
    """``rules`` only: spaCy's entity never took the possessor in."""
    text = "Rain flooded roads in Peru's Cusco Province on Friday."
    assert ("Cusco Province", "Cusco Province") in place_mentions(extractors, "rules.v5", text)
    assert ("Cusco Province", "Cusco Province") not in place_mentions(extractors, "rules.v4", text)


# text, a facility noun v4 takes for a location and v5 does not: no definite place (guidelines 1.3, 5 m)
GENERIC_FACILITY_CASES = {
    "a bare plural in a list": ("Health teams will visit schools, churches and markets in the district.", "churches"),
    "a bare plural object": ("The new tariff applies to factories that use more than 1 megawatt.", "factories"),
    "a modifier noun": ("A hospital spokeswoman said the patient was stable.", "hospital"),
    "a modifier noun before staff": ("The school principal closed the gates early.", "school"),
}


def facility_nouns(extractors: dict[str, Any], name: str, text: str) -> set[str]:
    """The text of every nominal location mention found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return {m.text for loc in doc.locations for m in loc.mentions if m.kind == "nominal"}


@pytest.mark.parametrize("family", ["rules", "spacy"])
@pytest.mark.parametrize("case", GENERIC_FACILITY_CASES)
def test_generic_facilities(extractors: dict[str, Any], family: str, case: str) -> None:
    text, noun = GENERIC_FACILITY_CASES[case]
    assert noun not in facility_nouns(extractors, f"{family}.v5", text)
    assert noun in facility_nouns(extractors, f"{family}.v4", text)


@pytest.mark.parametrize("family", ["rules", "spacy"])
def test_counted_facilities_stay(extractors: dict[str, Any], family: str) -> None:
    """A guard: a counted or possessed plural is one item of the story (5 n) in both versions."""
    text = "The firm said the three plants would close next year."
    assert "plants" in facility_nouns(extractors, f"{family}.v5", text)


# text, a country v4 takes for the state acting and v5 for a place: named as territory (guidelines 1.3)
TERRITORY_CASES = {
    "a dateline's country before a date": ("Mill closes\n\nARUSHA, Tanzania, March 30 (Coast Wire) - The mill closed "
                                           "on Monday.", "Tanzania"),
    "a direction adjective before a possessive": ("Drought has hit northern Tanzania's cotton farms hard.",
                                                  "Tanzania"),
    "a direction adjective before a verb": ("A clinic in western Tanzania opened a new ward on Monday.",
                                            "Tanzania"),
}


def place_names(extractors: dict[str, Any], name: str, text: str) -> set[str]:
    """The name of every location found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return {loc.name for loc in doc.locations}


@pytest.mark.parametrize("case", TERRITORY_CASES)
def test_territory_cues_rules(extractors: dict[str, Any], case: str) -> None:
    text, country = TERRITORY_CASES[case]
    assert country in place_names(extractors, "rules.v5", text)
    assert country not in place_names(extractors, "rules.v4", text)


def test_territory_cues_spacy(extractors: dict[str, Any]) -> None:
    """spaCy's parse makes a dateline's country an apposition of the city, the subject: v4 took it for the state."""
    text = ("Mill closes\n\nMWANZA, Tanzania, Feb 18 (Lake Wire) - Tanzania Cotton Mills said on Monday it would "
            "close its main factory.")
    assert "Tanzania" in place_names(extractors, "spacy.v5", text)
    assert "Tanzania" not in place_names(extractors, "spacy.v4", text)

"""Version 7 locations against version 6, on invented sentences (no name from any gold or development
article): each case fails on ``rules.v6``/``spacy.v6`` (frozen) and passes on ``rules.v7``/``spacy.v7``
(switches ``placed_facilities``, ``unplaced_names``, ``vague_areas``, ``service_places``, ``government_places`` of
:mod:`extractors.shared.profile`, :mod:`extractors.shared.places_v7`, :mod:`extractors.shared.places_v7b`)."""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create

_NAMES = ["rules.v6", "rules.v7", "spacy.v6", "spacy.v7"]


@pytest.fixture(scope="module")
def extractors() -> dict[str, Any]:
    return {name: create(name) for name in _NAMES}


def _facilities(extractor: Any, text: str) -> dict[str, tuple[str, list[str]]]:
    """Location name -> (type, mention texts) of the locations named by a common noun."""
    doc = next(iter(extractor.extract([Article("t", text)])))
    return {loc.name: (loc.type, [m.text for m in loc.mentions]) for loc in doc.locations
            if all(m.kind == "nominal" for m in loc.mentions)}


CASES = [
    # a facility placed by a preposition and a place's name (guidelines 1.3, facilities without a name)
    ("Hundreds of traders gathered at a cattle market in Kumasi on Monday.", "market", "FAC"),
    ("Engineers inspected a dry irrigation canal near Accra after the harvest.", "canal", "FAC"),
    ("The ministry will open a new treatment centre in Pune. The centre will employ 40 nurses.",
     "centre", "FAC"),
    # a facility after the name of the town that holds it (guidelines 1: "the Orlet station")
    ("The damaged ferry was towed to a Kumasi shipyard for repairs.", "shipyard", "FAC"),
    ("Protesters blocked the entrance to the Accra town hall on Friday.", "hall", "FAC"),
    # an area along a line named by the places it separates (guidelines 1.3, vague locations)
    ("Smuggling across the border with Togo has grown, customs officers said.", "border", "LOC"),
]


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,noun,type_", CASES)
def test_placed_facility(extractors: dict[str, Any], extractor: str, text: str, noun: str, type_: str) -> None:
    assert noun not in _facilities(extractors[f"{extractor}.v6"], text)
    found = _facilities(extractors[f"{extractor}.v7"], text)
    assert found[noun][0] == type_


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
def test_later_definite_mention(extractors: dict[str, Any], extractor: str) -> None:
    """The same noun with "the" later in the text is a mention of the same facility (guidelines 0)."""
    text = "Passengers waited at a busy terminal in Kumasi for hours. Police at the terminal were calm."
    assert _facilities(extractors[f"{extractor}.v7"], text)["terminal"][1] == ["terminal", "terminal"]


@pytest.mark.parametrize("text,name", [
    ("Fans praised Tshabalala for the win.", "Tshabalala"),
    ("He singled out Okonkwo, calling the save the turning point.", "Okonkwo"),
])
def test_unplaced_name(extractors: dict[str, Any], text: str, name: str) -> None:
    """unplaced_names (spaCy): a name spaCy labels GPE that no gazetteer knows and that the text never
    places ("in X", "near X", "the town of X") is no location (guidelines 1.3: a place named as a place)."""
    def names(extractor: Any) -> set[str]:
        return {loc.name for loc in next(iter(extractor.extract([Article("t", text)]))).locations}

    assert name in names(extractors["spacy.v6"])
    assert name not in names(extractors["spacy.v7"])


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,noun", [
    ("The driver fled the scene but was arrested hours later.", "scene"),
    ("Residents said earlier projects in the area had brought few jobs.", "area"),
    ("Every farmer in the north was watching the talks.", "north"),
    ("Two schools on the western outskirts of Kumasi were closed.", "outskirts"),
])
def test_vague_area(extractors: dict[str, Any], extractor: str, text: str, noun: str) -> None:
    """vague_areas: a definite area named by a common noun is a LOC (guidelines 1.3, vague locations)."""
    assert noun not in _facilities(extractors[f"{extractor}.v6"], text)
    assert _facilities(extractors[f"{extractor}.v7"], text)[noun][0] == "LOC"


def _names(extractor: Any, text: str) -> dict[str, list[str]]:
    """Location name -> its mention texts."""
    doc = next(iter(extractor.extract([Article("t", text)])))
    return {loc.name: [m.text for m in loc.mentions] for loc in doc.locations}


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text", [
    "Three miners were taken to hospital after the blast, the company said.",
    "The cyclist spent two nights in hospital with a broken collarbone.",
    "The former clerk was sent to prison for six years on Tuesday.",
])
def test_service_place(extractors: dict[str, Any], extractor: str, text: str) -> None:
    """service_places: a bare place noun after a preposition that names a service ("taken to hospital")
    is no location when the text does not place it (guidelines 1.3, places without a definite referent)."""
    assert any(name in ("hospital", "prison") for name in _names(extractors[f"{extractor}.v6"], text))
    assert not any(name in ("hospital", "prison") for name in _names(extractors[f"{extractor}.v7"], text))


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
def test_placed_service_place_stays(extractors: dict[str, Any], extractor: str) -> None:
    """A bare "hospital" that the text places ("taken to hospital in X") stays a location (guidelines 1.3)."""
    text = "The injured driver was flown to hospital in Kumasi on Sunday."
    assert "hospital" in _names(extractors[f"{extractor}.v7"], text)


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text", [
    "The mayor of Kumasi said the market would reopen on Monday.",
    "Kumasi's governor promised new classrooms before the rains.",
])
def test_government_place(extractors: dict[str, Any], extractor: str, text: str) -> None:
    """government_places: a city's name standing for its government ("the mayor of X", "X's governor") is
    no location mention (guidelines 1.4, governments below the state)."""
    assert "Kumasi" in _names(extractors[f"{extractor}.v6"], text)
    assert "Kumasi" not in _names(extractors[f"{extractor}.v7"], text)


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
def test_territory_stays(extractors: dict[str, Any], extractor: str) -> None:
    """The same name used for the territory stays a location (guidelines 1.4)."""
    text = "Heavy floods hit the city of Kumasi overnight. The mayor of Kumasi visited the worst streets."
    assert _names(extractors[f"{extractor}.v7"], text)["Kumasi"] == ["Kumasi"]


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,name,type_", [
    # based_names: a name of two words inside "-based" is one place (guidelines 1.4, place names in adjectives)
    ("A San Pedro-based trawler was seized by the coastguard.", "San Pedro", "GPE"),
    # hyphen_pairs: both places of "the X-Y road" (guidelines 1.4, "Kenya-Uganda border")
    ("Bandits attacked a bus on the Kumasi-Tamale road on Friday.", "Tamale", "GPE"),
    # water_names: a river named by a foreign head after "the", a valley by a lower-case head (guidelines 1.3)
    ("Fishermen pulled dead fish from the Rio das Pedras on Monday.", "Rio das Pedras", "LOC"),
    ("Farmers in the upper Suri valley lost their harvest to the frost.", "Suri valley", "LOC"),
])
def test_name_cue(extractors: dict[str, Any], extractor: str, text: str, name: str, type_: str) -> None:
    """Version 7 name cues: the whole name of a place that version 2's cues split or missed."""
    def types(version: str) -> dict[str, str]:
        doc = next(iter(extractors[f"{extractor}.{version}"].extract([Article("t", text)])))
        return {loc.name: loc.type for loc in doc.locations}

    assert types("v6").get(name) != type_
    assert types("v7")[name] == type_


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
def test_whole_word(extractors: dict[str, Any], extractor: str) -> None:
    """whole_words: a place a cue names ends with its last word, accented letters included (a bug of version 2)."""
    text = "Floods cut off the village of Arañuelo overnight, the police said."
    names = {version: set(_names(extractors[f"{extractor}.{version}"], text)) for version in ("v6", "v7")}
    assert "Arañuelo" not in names["v6"]
    assert "Arañuelo" in names["v7"]


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
def test_quarter_name(extractors: dict[str, Any], extractor: str) -> None:
    """quarter_names: a quarter that is no political unit is a LOC region (guidelines 1.3 subtypes)."""
    text = "Two warehouses burned in the Obelo industrial district overnight, firefighters said."

    def types(version: str) -> dict[str, str]:
        doc = next(iter(extractors[f"{extractor}.{version}"].extract([Article("t", text)])))
        return {loc.name: loc.type for loc in doc.locations}

    assert types("v6").get("Obelo") != "LOC"
    assert types("v7")["Obelo"] == "LOC"


@pytest.mark.parametrize("text,name", [
    ("On Monday the North Coast Railway suspended two drivers after the crash.", "North Coast Railway"),
    ("The Golden Coast Railway fined the contractor on Friday.", "Golden Coast Railway"),
])
def test_acting_site(extractors: dict[str, Any], text: str, name: str) -> None:
    """acting_sites (spaCy): a name spaCy labels LOC or FAC that acts on an object is an organisation
    (guidelines 1.4), no location."""
    def kinds(version: str) -> tuple[set[str], set[str]]:
        doc = next(iter(extractors[f"spacy.{version}"].extract([Article("t", text)])))
        return {loc.name for loc in doc.locations}, {a.name for a in doc.actors if a.type == "ORG"}

    assert name in kinds("v6")[0]
    places, orgs = kinds("v7")
    assert name not in places and name in orgs


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
@pytest.mark.parametrize("text,noun", [
    ("Parents said they could not pay school fees and rent in the same month.", "school"),
    ("Fans from the northern port city sang through the night.", "port"),
])
def test_modifier_facility(extractors: dict[str, Any], extractor: str, text: str, noun: str) -> None:
    """modifier_facilities: a facility noun that modifies another noun names no place (guidelines 1.3)."""
    assert noun in _names(extractors[f"{extractor}.v6"], text)
    assert noun not in _names(extractors[f"{extractor}.v7"], text)


@pytest.mark.parametrize("extractor", ["rules", "spacy"])
def test_placed_groups(extractors: dict[str, Any], extractor: str) -> None:
    """placed_groups: schools the text puts at two places are two locations (guidelines 0: one item per place)."""
    text = "The school in Kumasi reopened on Monday, but the school in Tamale stayed shut."

    def schools(version: str) -> list[list[str]]:
        doc = next(iter(extractors[f"{extractor}.{version}"].extract([Article("t", text)])))
        return [[m.text for m in loc.mentions] for loc in doc.locations if loc.name == "school"]

    assert schools("v6") == [["school", "school"]]
    assert schools("v7") == [["school"], ["school"]]

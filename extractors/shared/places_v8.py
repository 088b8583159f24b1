"""Version 8 (``wordnet_facilities``): unnamed built places and natural features that the text places, found by
their WordNet class instead of a closed list, for both offline extractors.

Guidelines 1.3: a location is "every place mentioned as a place", a facility ("a building, airport";
news at large: ports, plants, markets, silos, vaults, parts and installations of a site) or a natural feature
("the Varra lagoon": river, lake, reef, island). Version 7's ``placed_facilities`` placed the nouns of a list
shaped on a few articles; news of other topics names other kinds (a kiln, a gate, a theatre, a valley, a
tributary). Here a lower-case noun is of the class when its most frequent WordNet sense lies under a root
that the guidelines' definition names:

* a built place (FAC): ``structure.n.01`` (buildings, rooms, gates, dams, kilns), ``facility.n.01``
  (stations, bases, networks), ``way.n.06`` (roads, streets, tunnels);
* a natural place (LOC): ``geological_formation.n.01`` (valleys, hills, coasts), ``body_of_water.n.01``
  (rivers, tributaries), ``land.n.04`` (islands, the mainland).

Precision: the most frequent sense only ("wing" is a bird's, "track" a path), strictly below a root ("ground",
"structure" name no kind), and no noun one of whose first two senses is an organisation or a social group
("court", "church", "bank", "house" for a firm, "palace" for the royal household: guidelines 1.3/1.4, an
institution that acts is an actor). A noun of the class is a location only where the text makes it a definite
place:

* a place's name before it, possessive or after a determiner, at most one modifier between ("the Tolu ferry
  terminal", "Tolu's highlands"; a bare "Tolu shops" is generic);
* a determiner before it and a preposition of place and a place or site after it ("a gas kiln at Tolu",
  "a pump house at the mine");
* the object of a preposition of place after a definite determiner or a possessive ("turned back at the
  gate", "sat in the corridor"): where something is or happens (1.3, a definite referent);

later definite mentions ("the kiln") join it. Not a place: a noun before "of" and a name ("the shores of
Lake X": the named place's part, which its name stands for), one of a set ("one of the largest
shelters"), a noun of the kind of a facility or natural place the article names ("the river" after "the X
River" is that river, no second one). Nouns the earlier versions know are left to them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping

from extractors.shared.context import FACILITY_NOUNS
from extractors.shared.places_v5 import PLACE_NOUNS
from extractors.shared.places_v7 import (AREA_NOUNS, DEFINITE_RE, DETERMINED_RE, PLACED_NOUNS, heads_phrase,
                                         name_mentions, next_id, overlaps)
from extractors.shared.wordnet import ancestors, is_kind, lemma_of, lexname, senses

# Roots of the guidelines' kinds of place (1.3): built places are FAC, natural features LOC.
_BUILT = frozenset({"structure.n.01", "facility.n.01", "way.n.06"})
_NATURAL = frozenset({"geological_formation.n.01", "body_of_water.n.01", "land.n.04"})
# A noun with a sense among its first two under these names an institution or a group as often as a place.
_BODIES = frozenset({"organization.n.01", "social_group.n.01"})
# Nouns the earlier versions read (named places' nominals, areas, version 2 and 7 facilities).
_KNOWN = frozenset(FACILITY_NOUNS) | frozenset(PLACED_NOUNS) | frozenset(PLACE_NOUNS) | frozenset(AREA_NOUNS)
# Between a noun and the place it lies at: a preposition of place, an article or possessive, modifiers.
_SITE_GAP_RE = re.compile(r"[ \t]+(?:in|at|near|outside|inside|on|off|along|beside|below|above|from)[ \t]+"
                          r"(?:(?:the|its|their)[ \t]+)?(?:[a-z-]+[ \t]+){0,2}")
# A preposition of place, a definite determiner or a possessive, and at most two modifiers before the noun.
_SETTING_RE = re.compile(r"\b(?:in|at|inside|outside|near|into|onto|on|from|through|across|along|beside|behind|"
                         r"within|off|under|beneath|below)[ \t]+(?:the|this|that|its|their|his|her|our|"
                         r"[A-Z][\w-]*[’']s)[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}$")
# Between a place's name and the noun: a possessive or nothing, and at most one lower-case modifier.
_NAME_GAP_RE = re.compile(r"(?P<pos>[’']s)?[ \t]+(?:[a-z][a-z-]+[ \t]+)?$")
_DETERMINER_END_RE = re.compile(r"\b(?:the|The|a|A|an|An|this|This|that|That|its|Its|their|Their)[ \t]+$")
# "of" and a name after the noun: a part of the named place ("the shores of Lake X", "the streets of X"),
# which the name's own mention stands for.
_OF_NAME_RE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")
# A partitive before the noun: the noun names a set of places, not a definite one.
_PARTITIVE_RE = re.compile(r"\b(?:one|some|many|most|all|few|several|each|any|none|two|three)[ \t]+of[ \t]+"
                           r"(?:the|its|their)[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}$")
_WORD_RE = re.compile(r"(?<![\w’'-])[a-z]{3,}(?![\w-])")


@lru_cache(maxsize=8192)
def place_class(word: str) -> str | None:
    """The location type of a lower-case noun by its WordNet class: "FAC", "LOC" or None.

    >>> place_class("kiln"), place_class("tributary"), place_class("court"), place_class("wing"), place_class("ground")
    ('FAC', 'LOC', None, None, None)
    """
    if word in _KNOWN:
        return None
    first = senses(word, "n")[:2]
    if not first or any(ancestors(s) & _BODIES for s in first):
        return None
    up = ancestors(first[0]) - {first[0]}  # strictly below a root: "ground", "structure" name no kind
    return "FAC" if up & _BUILT else "LOC" if up & _NATURAL else None


def wordnet_places(text: str, locations: list[dict[str, Any]], taken: list[tuple[int, int]],
                   verbs: Mapping[str, Any] | None = None) -> list[tuple[int, int]]:
    """Add to ``locations`` the places of the WordNet class that the text places at a named place, with
    their later definite mentions; returns the spans of the mentions added.

    >>> text = "Workers fired the new kiln at Tolu. Smoke rose from the kiln. His wing at Tolu hurt."
    >>> locs = [{"id": "l1", "name": "Tolu", "type": "GPE", "subtype": "city", "country": "KE",
    ...          "mentions": [{"start": s, "end": s + 4, "text": "Tolu", "kind": "name"} for s in (30, 76)]}]
    >>> wordnet_places(text, locs, [(30, 34), (76, 80)]), locs[1]["type"], locs[1]["subtype"]
    ([(22, 26), (56, 60)], 'FAC', 'kiln')
    """
    names = name_mentions(locations)
    kinds = _named_kinds(locations)  # "the river" after "the X River" is that river, no new place
    sites = {m["start"]: (m["end"], loc) for loc in locations for m in loc["mentions"] if m["kind"] != "pronoun"}
    found: dict[str, dict[str, Any]] = {}
    added: list[tuple[int, int]] = []
    for m in _WORD_RE.finditer(text):
        noun, (start, end) = m.group(), m.span()
        kind = place_class(noun)
        if kind is None or overlaps(taken + added, start, end) or not heads_phrase(text, end, verbs or {}) \
                or _PARTITIVE_RE.search(text, max(0, start - 50), start) or _OF_NAME_RE.match(text, end) \
                or lemma_of(noun, "n") in kinds:
            continue  # not a place, a modifier, one of a set, a part of a named place, a named one
        place = _placed(text, start, end, names, sites)
        if place is None and not _setting(text, start) \
                and not (noun in found and DEFINITE_RE.search(text[max(0, start - 30):start])):
            continue
        if noun not in found:  # the most specific kind is the noun's own (guidelines 1.3 subtypes)
            found[noun] = {"id": f"l{next_id(locations) + len(found)}", "name": noun, "type": kind,
                           "subtype": lemma_of(noun, "n") or noun, "country": (place or {}).get("country"),
                           "mentions": []}
        found[noun]["mentions"].append({"start": start, "end": end, "text": noun, "kind": "nominal"})
        added.append((start, end))
    locations.extend(found.values())
    return added


def _setting(text: str, start: int) -> bool:
    """Whether the noun is a definite place where something is or happens: the object of a preposition of
    place after a definite article, a demonstrative or a possessive ("outside the gate", "in the
    ministry's secretariat"; guidelines 1.3, a place mentioned as a place with a definite referent)."""
    return bool(_SETTING_RE.search(text, max(0, start - 60), start))


def _placed(text: str, start: int, end: int, names: dict[int, tuple[int, dict[str, Any]]],
            sites: dict[int, tuple[int, dict[str, Any]]]) -> dict[str, Any] | None:
    """The named place right before the noun ("the Tolu terminal") or, the noun determined, the place or
    site after it past a preposition of place ("a new kiln at Tolu", "a tributary of the X River", "the
    gate of the plant": a part of a site, guidelines 1.3); None when there is none."""
    place = _name_before(text, start, names)
    if place is None and DETERMINED_RE.search(text[max(0, start - 40):start]):
        place = _site_after(text, end, sites)
    return place


def _name_before(text: str, start: int, names: dict[int, tuple[int, dict[str, Any]]]) -> dict[str, Any] | None:
    """The place named right before the noun, possessive or after a determiner, with at most one modifier
    between ("Tolu's highlands", "the Tolu ferry terminal"); a bare name before a plural is generic ("work
    in Tolu shops"), and two words between may hold a verb ("the Tolu auction remained flat")."""
    gap = _NAME_GAP_RE.search(text, max(0, start - 30), start)
    hit = gap and next(((s, loc) for s, (e, loc) in names.items() if e == gap.start()), None)
    if not hit:
        return None
    return hit[1] if gap.group("pos") or _DETERMINER_END_RE.search(text, max(0, hit[0] - 10), hit[0]) else None


def _site_after(text: str, end: int, sites: dict[int, tuple[int, dict[str, Any]]]) -> dict[str, Any] | None:
    """The location mentioned right after the noun past a preposition of place, an article and at most two
    modifiers ("at the mine", "of the upper X River", "near Tolu")."""
    for at in range(end + 1, min(len(text), end + 50)):
        if at in sites and _SITE_GAP_RE.fullmatch(text, end, at):
            return sites[at][1]
    return None


# Subtypes that say no kind of their own (the default of a name found without its kind).
_VAGUE_KINDS = frozenset({"region", "building", "facility", "area", "place", "site"})


def _named_kinds(locations: list[dict[str, Any]]) -> set[str]:
    """The kinds of the facilities and natural places the article names: the last word of a name of two
    words or more when WordNet lists it as a noun ("X General Hospital", "the X valley"), else a subtype
    that says a kind ("Rio X": river). A noun of such a kind refers back to the named place (5 ab).

    >>> sorted(_named_kinds([{"type": "LOC", "subtype": "river", "mentions": [{"text": "Rio Tolu", "kind": "name"}]},
    ...                      {"type": "FAC", "subtype": "facility", "mentions": [{"text": "Tolu Dam", "kind": "name"}]}]))
    ['dam', 'river']
    """
    out = set()
    for loc in locations:
        if loc.get("type") not in ("FAC", "LOC"):
            continue
        for m in loc["mentions"]:
            if m["kind"] != "name":
                continue
            last = m["text"].split()[-1].lower()
            kind = lemma_of(last, "n") if " " in m["text"] and senses(last, "n") else None
            kind = kind or (loc.get("subtype") if loc.get("subtype") not in _VAGUE_KINDS else None)
            if kind:
                out.add(kind)
    return out


# ---------------------------------------------------------------------------------------------
# unnamed_settlements: "a village outside X", "two cordoned villages" (guidelines 1.3 subtypes)
# ---------------------------------------------------------------------------------------------

_ADMINISTRATIVE = frozenset({"administrative_district.n.01"})
_SETTLEMENT = frozenset({"settlement.n.06"})
_DISTRICT = frozenset({"district.n.01"})
# An indefinite article and at most one modifier ("a remote village", "an upland district").
_INDEFINITE_RE = re.compile(r"\b(?:a|an|A|An)[ \t]+(?:[a-z][a-z-]+[ \t]+)?$")
# An appositive or a predicate nominal: "X, a town in Y", "X is a town in Y" are X itself (guidelines 1).
_APPOSED_RE = re.compile(r"(?:,|\b(?:is|was|became|becomes|remains|remained))[ \t]+(?:a|an)[ \t]+"
                         r"(?:[a-z][a-z-]+[ \t]+)?$")


@lru_cache(maxsize=4096)
def settlement_class(word: str) -> tuple[str, str] | None:
    """(type, subtype) of a noun of a settlement or a unit of territory by its first two WordNet senses:
    an administrative unit or a village is a GPE (guidelines 1.3: "village", "municipality", "district"),
    another district (a quarter, a suburb) a LOC region.

    >>> settlement_class("villages"), settlement_class("townships"), settlement_class("suburb"), settlement_class("camp")
    (('GPE', 'village'), ('GPE', 'township'), ('LOC', 'region'), None)
    """
    lemma = lemma_of(word, "n")
    for sense in senses(word, "n")[:2]:
        up = ancestors(sense)
        if up & _SETTLEMENT:
            return "GPE", "village"
        if up & _ADMINISTRATIVE:
            return "GPE", lemma or word
        if up & _DISTRICT:
            return "LOC", "region"
    return None


def unnamed_settlements(text: str, locations: list[dict[str, Any]], taken: list[tuple[int, int]],
                        verbs: Mapping[str, Any] | None = None) -> list[tuple[int, int]]:
    """Version 8 (``unnamed_settlements``): an indefinite noun of a settlement or a unit of territory without a
    name that the text places at a named place ("a village outside X", "a township near X") is a location of
    its own, as an unnamed facility placed near a town is (guidelines 1.3: facilities without a name; a village
    is GPE ``village``); not in apposition to a name ("X, a town in Y" is X), not alone ("a village" is any
    village), not a predicate nominal ("X is a town in Y"), not a plural (it may sum up places named apart,
    1.3). Returns the spans added.

    >>> text = "Rangers found the herd near a village outside Tolu. A village council met."
    >>> locs = [{"id": "l1", "name": "Tolu", "type": "GPE", "subtype": "city", "country": "KE",
    ...          "mentions": [{"start": 46, "end": 50, "text": "Tolu", "kind": "name"}]}]
    >>> unnamed_settlements(text, locs, [(46, 50)]), [(loc["type"], loc["subtype"]) for loc in locs]
    ([(30, 37)], [('GPE', 'city'), ('GPE', 'village')])
    """
    sites = {m["start"]: (m["end"], loc) for loc in locations for m in loc["mentions"] if m["kind"] != "pronoun"}
    added: list[tuple[int, int]] = []
    for m in _WORD_RE.finditer(text):
        noun, (start, end) = m.group(), m.span()
        kind = settlement_class(noun)
        if kind is None or overlaps(taken + added, start, end) or not heads_phrase(text, end, verbs or {}) \
                or _APPOSED_RE.search(text, max(0, start - 30), start):
            continue
        place = _site_after(text, end, sites) if _INDEFINITE_RE.search(text, max(0, start - 40), start) else None
        if place is None or noun != lemma_of(noun, "n"):
            continue  # "a village" alone is generic; a plural may sum up places named apart (1.3)
        locations.append({"id": f"l{next_id(locations)}", "name": noun, "type": kind[0], "subtype": kind[1],
                          "country": (place or {}).get("country"),
                          "mentions": [{"start": start, "end": end, "text": noun, "kind": "nominal"}]})
        added.append((start, end))
    return added


# ---------------------------------------------------------------------------------------------
# person_offices: "the minister's office" is a body, not a place (guidelines 1.2, 1.4)
# ---------------------------------------------------------------------------------------------

_POSSESSOR_RE = re.compile(r"(?P<word>[A-Za-z]+)[’']s[ \t]+(?:[a-z][a-z-]+[ \t]+)?$")


def person_offices(text: str, found: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """Version 8 (``person_offices``): version 2's facility spans without those whose noun WordNet also gives an
    organisation sense among its first two ("office", "camp", "secretariat") and whose possessor is a person
    by the first sense of its noun ("the minister's office", "the Labour Commissioner's office", "the
    inspector general's office"): the office of a post holder is the body that acts for it (guidelines 1.2,
    1.4: an institution that acts or speaks is an actor), not a building.

    >>> text = "The minister's office said no. Staff left the company's office and the minister's car."
    >>> person_offices(text, {"office": [(15, 21), (59, 65)]})
    {'office': [(59, 65)]}
    """
    out = {}
    for noun, spans in found.items():
        if is_kind(noun, "n", _BODIES, first=2):
            spans = [(s, e) for s, e in spans if not _person_possessor(text, s)]
        if spans:
            out[noun] = spans
    return out


def _person_possessor(text: str, start: int) -> bool:
    """Whether a possessive of a noun of a person stands before ``start`` ("the minister's", "Commissioner's")."""
    m = _POSSESSOR_RE.search(text, max(0, start - 50), start)
    first = senses(m.group("word"), "n")[:1] if m else ()
    return bool(first) and lexname(first[0]) == "noun.person"

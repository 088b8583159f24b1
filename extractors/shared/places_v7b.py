"""Version 7, round 2: place names standing for a government, and bare service nouns, for both offline
extractors (switches ``government_places`` and ``service_places`` of :mod:`extractors.shared.profile`).

* ``government_places`` (guidelines 1.4 "Governments below the state"): where the name of a province,
  county or city stands for its government ("the mayor of X", "X's governor", "the X county council"),
  it is a mention of the government actor, not of the place: its mention leaves the location.
* ``service_places`` (guidelines 1.3 "Places without a definite referent"): a bare place noun without an
  article that names a condition or a service ("was treated in hospital", "taken to hospital", "sent to
  prison") is no location unless the text places it ("taken to hospital in X").
"""
from __future__ import annotations

import re
from typing import Any

# ---------------------------------------------------------------------------------------------
# government_places: a place below the state named for its government (guidelines 1.4)
# ---------------------------------------------------------------------------------------------

# Nouns of a government below the state, its bodies and its office holders (guidelines 1.4 "Governments
# below the state": "the provincial government of Valdera", "Valdera's governor", "the Halden county council").
_GOVERNMENT = ("mayor|governor|regent|premier|government|administration|council|councillors|councilors|"
               "municipality|legislature|assembly|minister|ministry|cabinet|executive")
_ADMIN = "state|provincial|province|county|city|municipal|district|regional|town"
# "the mayor of X", "the government of India's X state" (not "in the municipality of X": the territory).
_OFFICE_OF_RE = re.compile(rf"(?<!\bin )(?<!\bto )(?<!\bat )\b(?:the|The)[ \t]+(?:[a-z-]+[ \t]+)?(?:{_GOVERNMENT})"
                           r"[ \t]+of[ \t]+(?:[A-Z][\w-]*[’']s[ \t]+)?$")
# "X's mayor", "X's transport minister", "the X county council", "the X state government".
_OFFICE_AFTER_RE = re.compile(rf"(?:[’']s[ \t]+(?:[a-z-]+[ \t]+)?|[ \t]+(?:(?:{_ADMIN})[ \t]+)?)(?:{_GOVERNMENT})\b")
# "the X state police", "X state prosecutors": a body of the government of a place with its administrative word.
_BODY_AFTER_RE = re.compile(r"[ \t]+(?:police|prosecutors?|prosecutor's|officials|authorities)\b")


def government_places(text: str, locations: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Take out of ``locations`` the name mentions of places below the state that stand for their
    government (an actor, guidelines 1.4), and the places left with no mention; returns the spans taken.
    A country named so is the state acting, which version 2 already tells apart (1.2).

    >>> text = "Floods hit Tolu. The mayor of Tolu and Varo's governor met in Varo."
    >>> locs = [{"id": "l1", "name": "Tolu", "subtype": "city", "mentions": [
    ...     {"start": 11, "end": 15, "kind": "name"}, {"start": 30, "end": 34, "kind": "name"}]},
    ...     {"id": "l2", "name": "Varo", "subtype": "city", "mentions": [{"start": 39, "end": 43, "kind": "name"}]}]
    >>> government_places(text, locs), [loc["name"] for loc in locs]
    ([(30, 34), (39, 43)], ['Tolu'])
    """
    taken: list[tuple[int, int]] = []
    for loc in locations:
        if loc.get("subtype") == "country" or loc.get("type") == "FAC":
            continue
        kept = []
        for m in loc["mentions"]:
            if m["kind"] == "name" and _stands_for_government(text, m["start"], m["end"]):
                taken.append((m["start"], m["end"]))
            else:
                kept.append(m)
        loc["mentions"] = kept
    locations[:] = [loc for loc in locations if loc["mentions"]]
    return taken


def _stands_for_government(text: str, start: int, end: int) -> bool:
    """Whether the place name at ``start:end`` names a government: after "the <office> of" or before
    "'s <office>" or "<admin word> <body>"; a name with its administrative word before a body of its
    government ("the X state police")."""
    if _OFFICE_OF_RE.search(text[max(0, start - 60):start]) or _OFFICE_AFTER_RE.match(text, end):
        return True
    return bool(_BODY_AFTER_RE.match(text, end)) and bool(re.search(rf"[ \t](?:{_ADMIN})$", text[start:end]))


# ---------------------------------------------------------------------------------------------
# service_places: "in hospital", "to prison" without an article (guidelines 1.3)
# ---------------------------------------------------------------------------------------------

# Place nouns that English uses without an article for the service or condition they stand for
# ("in hospital", "to prison", "at school", "from college", "in court", "to church").
_SERVICE_NOUNS = frozenset({"hospital", "prison", "jail", "school", "college", "university", "court", "church",
                            "office"})
# A preposition (or "leave") right before the bare noun ("in hospital", "out of prison"): nothing between.
_BARE_BEFORE_RE = re.compile(r"\b(?:in|to|into|from|at|of|out of|leaving|left|leave|leaves)[ \t]+$", re.I)
# After the noun, a preposition of place and a name: the text places it ("taken to hospital in X").
_PLACED_AFTER_RE = re.compile(r"[ \t]+(?:in|at|near|outside)[ \t]+(?:the[ \t]+)?[A-Z]")


def service_places(text: str, facilities: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """The facility nouns of version 2 (noun -> spans) without bare service nouns that the text does
    not place (guidelines 1.3); nouns left with no span are dropped.

    >>> text = "Two men were taken to hospital. A third was flown to hospital in Tolu. The hospital said."
    >>> service_places(text, {"hospital": [(22, 30), (53, 61), (75, 83)]})
    {'hospital': [(53, 61), (75, 83)]}
    """
    out: dict[str, list[tuple[int, int]]] = {}
    for noun, spans in facilities.items():
        kept = [(s, e) for s, e in spans if not _bare_service(text, noun, s, e)]
        if kept:
            out[noun] = kept
    return out


def _bare_service(text: str, noun: str, start: int, end: int) -> bool:
    """Whether the noun at ``start:end`` is a bare service noun right after a preposition that nothing
    after it places."""
    if noun not in _SERVICE_NOUNS or not _BARE_BEFORE_RE.search(text, max(0, start - 12), start):
        return False
    return not _PLACED_AFTER_RE.match(text, end)

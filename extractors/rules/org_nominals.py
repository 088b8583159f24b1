"""Version 5 (``org_nominals``): a noun for a kind of body that refers to an organisation named in the
article is a nominal mention of that organisation, not an unnamed body of its own (guidelines 1:
appositives and predicate nominals are mentions; "one item per distinct entity").

Version 3 made every singular body noun after a determiner an actor ("the company said"), so an
article about one named company had a second, unnamed "company" beside it, which took the quotes
and arguments that were the named one's. Two general English patterns tie the noun to the name:

* an apposition right after the name: "X, a company registered last year", "X (XYZ), a federation of
  growers", "X, the charity that funded it";
* a definite reference back: "the company", "the Danish company", "the Tolu institute", resolved to
  the nearest organisation named before it whose name has the noun as a word ("... Institute" for "the
  institute") or, for nouns of a kind that names seldom spell out ("company", "charity", "federation"),
  whose subtype is the noun's; "the company" failing that goes to the nearest name of two words or
  more that no head word types (a company's name seldom says what it is).

An indefinite noun with no name before it ("a company linked to his brother") stays an actor of its own.
"""
from __future__ import annotations

import re
from typing import Any

from extractors.shared.roles import role_type

# Between a name's end and an appositive noun: a comma, an optional acronym in brackets, an article and
# up to two modifiers ("), a ", ", the privately owned ").
_APPOSITION_GAP_RE = re.compile(r"(?:[ \t]*\([A-Z][\w.&-]*\))?[ \t]*,[ \t]+(?:an?|the)[ \t]+(?:[\w’'-]+[ \t]+){0,2}")
# Before a definite noun: "the" and up to two modifiers ("the Danish ", "the family-owned ").
_DEFINITE_BEFORE_RE = re.compile(r"(?<![\w-])[Tt]he[ \t]+(?:[\w’'-]+[ \t]+){0,2}$")
# Nouns of a kind of body that a name seldom has as a word: matched by the named organisation's subtype.
_BY_SUBTYPE = frozenset({"company", "charity", "federation", "cooperative", "club"})
# How far back (characters) a definite noun looks for its organisation's name.
_REACH = 3000


def named_orgs(actors: list[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, actor) of every name mention of an organisation, in text order."""
    return sorted(((m["start"], m["end"], a) for a in actors if a["type"] == "ORG"
                   for m in a["mentions"] if m["kind"] == "name"), key=lambda t: (t[0], t[1]))


def _fits(noun: str, actor: dict[str, Any]) -> bool:
    """Whether a body noun can refer to a named organisation: its name has the noun as a word, or the
    noun is one of :data:`_BY_SUBTYPE` and the organisation's subtype is the noun's."""
    if noun in actor["name"].lower().split():
        return True
    return noun in _BY_SUBTYPE and actor.get("subtype") is not None and actor.get("subtype") == role_type(noun)[1]


def org_of_nominal(text: str, noun: str, start: int, named: list[tuple[int, int, dict[str, Any]]]
                   ) -> dict[str, Any] | None:
    """The named organisation a body noun at ``start`` refers to (apposition or definite reference), or None.

    >>> acme = {"name": "Acme Freight", "type": "ORG", "subtype": None}
    >>> text = "Acme Freight, a company founded in 1990, said the company would appeal."
    >>> [org_of_nominal(text, "company", at, [(0, 12, acme)])["name"] for at in (16, 50)]
    ['Acme Freight', 'Acme Freight']
    >>> org_of_nominal("Acme Freight sued a company in Tolu.", "company", 20, [(0, 12, acme)]) is None
    True
    """
    before = [t for t in named if t[1] <= start]
    if not before:
        return None
    s, e, actor = before[-1]
    if _APPOSITION_GAP_RE.fullmatch(text, e, start):
        return actor  # "X, a company founded in ...": the apposition names what X is
    if not _DEFINITE_BEFORE_RE.search(text[max(0, start - 40):start]):
        return None
    return body_noun_referent(noun, [actor for s, e, actor in reversed(before) if start - e <= _REACH])


def body_noun_referent(noun: str, candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first of ``candidates`` (organisations, in the order to try) a body noun can refer to, or None.

    >>> acme = {"name": "Acme Freight", "type": "ORG", "subtype": None}
    >>> body_noun_referent("company", [acme])["name"], body_noun_referent("union", [acme])
    ('Acme Freight', None)
    """
    found = next((actor for actor in candidates if _fits(noun, actor)), None)
    if found is None and noun == "company":
        # a company's name seldom says what it is ("Acme Freight"): a name of two words or more that
        # no head word types is taken for one
        found = next((a for a in candidates if a.get("subtype") is None and len(a["name"].split()) > 1), None)
    return found


def attach_org_nominals(text: str, roles: dict[str, list[tuple[int, int]]], actors: list[dict[str, Any]]
                        ) -> dict[str, list[tuple[int, int]]]:
    """Give each body noun of ``roles`` that refers to a named organisation to that organisation as a
    nominal mention; return the roles left (nouns with no spans left are dropped)."""
    named = named_orgs(actors)
    left: dict[str, list[tuple[int, int]]] = {}
    for noun, spans in roles.items():
        if role_type(noun)[0] != "ORG":
            left[noun] = spans
            continue
        for s, e in spans:
            actor = org_of_nominal(text, noun, s, named)
            if actor is None:
                left.setdefault(noun, []).append((s, e))
                continue
            actor["mentions"].append({"start": s, "end": e, "text": text[s:e], "kind": "nominal"})
            actor["mentions"].sort(key=lambda m: (m["start"], m["end"]))
    return left

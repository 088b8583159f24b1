"""References from quotes and events to entities: by the model's id first, else by name, fuzzily.

A model should give ids (``a1``, ``l3``), but some write a name, and misspell it. A name resolves
to the entity whose canonical name or one of whose mention texts matches exactly (case and spaces
aside), else best by rapidfuzz's ``WRatio`` at or above a threshold. When an actor and a location
share a name ("Morania" the state and the territory), the kind the role expects wins: a place,
origin or destination is a location; everything else an actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

Kind = Literal["actor", "location"]
PLACE_ROLES = frozenset({"place", "origin", "destination"})
FUZZY_CUTOFF = 85.0
MIN_FUZZY_CHARS = 4
_ID = re.compile(r"^[a-z]{1,2}\d+$")
# Closed-class English words: a mention that is one of them does not name anything by itself.
PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself "
    "she her hers herself it its itself they them their theirs themselves".split()
)


@dataclass(eq=False)
class Entity:
    """An actor or location of one piece (later merged across pieces), with grounded mentions."""

    kind: Kind
    id: str
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    # Whether the answer gave a name or a description among its mentions (placed or not).
    claims_name: bool = True

    @property
    def named(self) -> bool:
        """Whether it is grounded: a name or a description of it was placed, or the answer gave it
        pronouns only (a group named only by "we" in a quote, guidelines 1.2). A pronoun placed for a
        name that could not be placed proves nothing: an invented "Atlantis Corp" does not survive
        through an "it".

        >>> Entity("actor", "a1", "the family", "PER", [(0, 2)], ["we"], claims_name=False).named
        True
        >>> Entity("actor", "a2", "Atlantis Corp", "ORG", [(0, 2)], ["It"]).named
        False
        """
        return any(t.casefold() not in PRONOUNS for t in self.texts) or not self.claims_name


def name_key(s: str) -> str:
    """A name as names are compared when entities are looked up and merged: case and spacing aside.

    >>> name_key("  Harbour   Authority ") == name_key("harbour authority")
    True
    """
    return " ".join(s.casefold().split())


def expected_kind(role: str | None) -> Kind:
    """The entity kind a role expects: a location for place, origin, destination; else an actor."""
    return "location" if role in PLACE_ROLES else "actor"


def resolve(ref: str | None, entities: list[Entity], *, prefer: Kind, only: Kind | None = None) -> Entity | None:
    """The entity ``ref`` (an id or a name) points to, or None.

    >>> ru_actor, ru_place = Entity("actor", "a1", "Morania", "GPE"), Entity("location", "l1", "Morania", "GPE")
    >>> resolve("Morania", [ru_actor, ru_place], prefer="location") is ru_place
    True
    >>> resolve("a1", [ru_actor, ru_place], prefer="location") is ru_actor
    True
    >>> resolve("Morenia", [ru_actor, ru_place], prefer="actor") is ru_actor
    True
    """
    if not ref or not ref.strip():
        return None
    pool = [e for e in entities if only is None or e.kind == only]
    key = name_key(ref)
    rank = {prefer: 0}
    for test in (
        lambda e: name_key(e.id) == key,
        lambda e: name_key(e.name) == key,
        lambda e: any(name_key(t) == key for t in e.texts if t.casefold() not in PRONOUNS),
    ):
        hits = [e for e in pool if test(e)]
        if hits:
            return min(hits, key=lambda e: rank.get(e.kind, 1))
    if len(key) < MIN_FUZZY_CHARS or _ID.match(key):  # an unknown id or a short word is not a misspelt name
        return None
    return _fuzzy(key, pool, rank)


def _fuzzy(key: str, pool: list[Entity], rank: dict[str, int]) -> Entity | None:
    best: tuple[float, int] | None = None
    found = None
    for e in pool:
        names = [e.name, *(t for t in e.texts if t.casefold() not in PRONOUNS)]
        score = max(fuzz.WRatio(key, name_key(n)) for n in names)
        if score < FUZZY_CUTOFF:
            continue
        candidate = (score, -rank.get(e.kind, 1))
        if best is None or candidate > best:
            best, found = candidate, e
    return found

"""Version 7 (``body_members``): a plural noun of an organisation's own people ("members", "officials",
"delegates", "staff") is a mention of that organisation where its phrase names it (guidelines
5 l 1 and 1: "party officials said", "its members would protest" are the
organisation, one mention per noun phrase, the nominal before the pronoun):

* after "its" (or "their") that is already a mention of an organisation: "X said its 800 members would
  protest" -> "members" is X's nominal mention, in place of "its";
* after "his" or "her" of a person who heads or speaks for an organisation named beside one of the
  person's names ("the union's president, Y, said his members", :mod:`extractors.rules.bodies_v7`);
* after a body noun that refers back to an organisation named before ("union officials", "company
  executives"), resolved as a definite body noun is (:func:`extractors.rules.org_nominals.body_noun_referent`).

The noun then leaves the group of people it made by its word alone (version 2 made every "officials" of
an article one group); a group left with no mention is dropped.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from extractors.rules.org_nominals import named_orgs, body_noun_referent
from extractors.rules.bodies_v7 import BodyRef, noun_body, speaker_body
from extractors.shared.pronouns import NOMINAL_HEADS, add_mentions
from extractors.shared.textscan import Overlaps

# Plural nouns of an organisation's own people (5 l 1); workers and employees are left out: the guidelines
# make staff acted upon a group of its own, and "workers" names a trade as often as a staff.
MEMBER_NOUNS = ("members", "officials", "delegates", "staff", "councillors", "councilors",
                "executives", "representatives", "lawmakers", "legislators", "officers", "players")
_MEMBER = r"(?P<staff>" + "|".join(MEMBER_NOUNS) + r")(?![\w-])"
# "its 140 members", "its senior officials": the possessive, up to two modifiers, the noun of its people.
_POSSESSED_RE = re.compile(r"(?<![\w-])(?P<owner>[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)[ \t]+(?:[\w,.-]+[ \t]+){0,2}?" + _MEMBER)
# "union officials", "company executives": a body noun right before the noun of its people.
_BODY_RE = re.compile(r"(?<![\w-])(?P<body>" + "|".join(NOMINAL_HEADS) + r")[ \t]+" + _MEMBER)
# How far back (characters) a body noun looks for the organisation it refers to.
BODY_REACH = 3000


def member_mentions(text: str, actors: list[dict[str, Any]]) -> list[tuple[int, int, str, tuple[int, int] | None]]:
    """(start, end, organisation id, possessive span to drop or None) of each noun of its people that is a
    mention of an organisation.

    >>> union = {"id": "a1", "name": "Tolu Dockers Union", "type": "ORG", "subtype": "union",
    ...          "mentions": [{"start": 0, "end": 18, "kind": "name"}, {"start": 24, "end": 27, "kind": "pronoun"}]}
    >>> text = "Tolu Dockers Union said its members would strike, union officials said."
    >>> [(text[s:e], ref, drop) for s, e, ref, drop in member_mentions(text, [union])]
    [('members', 'a1', (24, 27)), ('officials', 'a1', None)]
    """
    owner = {(m["start"], m["end"]): a for a in actors for m in a["mentions"]}
    named = named_orgs(actors)
    refs = sorted(BodyRef(m["start"], m["end"], a["id"], True, a["type"] == "PER") for a in actors for m in a["mentions"])
    found = []
    for m in _POSSESSED_RE.finditer(text):
        actor = owner.get(m.span("owner"))
        if actor is None:
            continue
        if actor["type"] == "ORG":
            found.append((*m.span("staff"), actor["id"], m.span("owner")))
        elif actor["type"] == "PER" and actor.get("subtype") == "person":  # "his members": the body he heads
            body = speaker_body(text, actor, refs) or noun_body(text, actor, named)
            if body is not None:
                found.append((*m.span("staff"), body, None))
    starts = [s for s, _, _ in named]
    longest = max((e - s for s, e, _ in named), default=0)
    for m in _BODY_RE.finditer(text):
        start = m.start()
        # only names that start within reach can end within it (a scan of every name per noun was quadratic)
        near = named[bisect.bisect_left(starts, start - BODY_REACH - longest):bisect.bisect_left(starts, start)]
        before = [a for s, e, a in reversed(near) if e <= start and start - e <= BODY_REACH]
        actor = body_noun_referent(m.group("body"), before)
        if actor is not None:
            found.append((*m.span("staff"), actor["id"], None))
    return found


def attach_member_nouns(text: str, records: list[tuple[dict[str, Any], bool]]) -> list[tuple[dict[str, Any], bool]]:
    """Give each noun of its people of :func:`member_mentions` to its organisation as a nominal mention (taking
    it from the group of people that had it, and the possessive from the organisation); return the
    records without the groups left empty."""
    actors = [a for a, _ in records]
    found = member_mentions(text, actors)
    # A noun found twice goes to the organisation found last; every mention overlapping a found noun, and
    # every possessive it replaces, leaves the actor that had it. One pass over the mentions (removing
    # them noun by noun rescanned every mention for each noun: quadratic on a long article).
    owner_of = {(start, end): ref for start, end, ref, _ in found}
    taken = Overlaps(list(owner_of))
    drops = {drop for *_, drop in found if drop is not None}
    for a in actors:
        a["mentions"] = [m for m in a["mentions"] if not taken.any(m["start"], m["end"])
                         and (m["start"], m["end"]) not in drops]
    add_mentions(text, actors, [(ref, start, end) for (start, end), ref in owner_of.items()])
    return [(a, is_person) for a, is_person in records if a["mentions"]]

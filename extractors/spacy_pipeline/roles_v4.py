"""Version 4 of the ``spacy`` extractor's argument roles (profile switch ``parse_roles``): the roles that
guidelines 3.3 gives the types added for news at large, where version 2's table
(:func:`extractors.shared.events_v2.subject_role`, :func:`~extractors.shared.events_v2.object_role`)
gives another:

* each spouse of a marriage or divorce is a participant;
* who wins an election, succeeds or replaces someone is the target of the PERSONNEL event (the one
  whose post changes), not its agent;
* the organisation a founding or a dissolution names as object is the BUSINESS agent, the one a
  merger or takeover names is its other party (participant);
* a movement that arrives, or goes "to" somewhere, has its places as destinations ("taken to
  hospital in X", "arrived in X").
"""
from __future__ import annotations

from typing import Any

from extractors.shared.events_v2 import object_role, subject_role

# PERSONNEL verbs whose subject is the one who takes the post ("she won", "he succeeds X").
TAKES_POST = frozenset({"win", "succeed", "replace"})
# Movements whose "in/at" place is where they end.
ARRIVAL = frozenset("arrive land reach dock return".split())
# Prepositions that make a movement's places its destinations.
TOWARD = frozenset({"to", "into", "toward", "towards"})


def subject_role_v4(etype: str, lemma: str, passive: bool, subtype: str | None) -> str | None:
    """The role of a trigger's subject in version 4.

    >>> subject_role_v4("LIFE", "marry", False, "marry"), subject_role_v4("PERSONNEL", "win", False, "elect")
    ('participant', 'target')
    """
    if etype == "LIFE" and subtype in ("marry", "divorce"):
        return "participant"
    if etype == "PERSONNEL" and lemma in TAKES_POST and not passive:
        return "target"
    return subject_role(etype, lemma, passive, subtype)


def object_role_v4(etype: str, subtype: str | None) -> str | None:
    """The role of a trigger's object actor in version 4.

    >>> object_role_v4("BUSINESS", "start_org"), object_role_v4("BUSINESS", "merge_org"), object_role_v4("OTHER", None)
    ('agent', 'participant', 'target')
    """
    if etype == "LIFE" and subtype in ("marry", "divorce"):
        return "participant"
    if etype == "BUSINESS" and subtype in ("start_org", "end_org"):
        return "agent"
    if etype == "BUSINESS" and subtype == "merge_org":
        return "participant"
    if etype in ("OTHER", "MOVE"):
        return "target"  # who or what it is done to: "removed the manager", "carried the injured" (3.3)
    return object_role(etype, subtype)


def destinations(t: Any, etype: str, lemma: str, arguments: list[dict[str, str]]) -> list[dict[str, str]]:
    """The arguments of a movement with its places made destinations when it arrives or goes "to"
    somewhere (guidelines 3.3: a facility and its city are both destinations)."""
    if etype != "MOVE" or not (lemma in ARRIVAL or any(c.dep_ == "prep" and c.lower_ in TOWARD for c in t.children)):
        return arguments
    return with_role(arguments, "place", "destination")


def with_role(arguments: list[dict[str, str]], old: str, new: str) -> list[dict[str, str]]:
    """The arguments with role ``old`` given role ``new`` instead, each (role, entity) once.

    >>> with_role([{"role": "place", "ref": "l1"}, {"role": "destination", "ref": "l1"}], "place", "destination")
    [{'role': 'destination', 'ref': 'l1'}]
    """
    out: list[dict[str, str]] = []
    for a in arguments:
        item = {"role": new, "ref": a["ref"]} if a["role"] == old else a
        if item not in out:
            out.append(item)
    return out

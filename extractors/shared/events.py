"""Events as both offline extractors build them: which argument roles an event type takes, the
argument list, and the event record."""
from __future__ import annotations

from typing import Any

# Event types whose actor after the trigger is its target ("attacked the rebels").
TARGET_TYPES = frozenset({"ATTACK", "SEIZE", "DEFEND", "THREATEN", "ACCUSE", "SUPPORT", "LEGAL", "STATEMENT"})
# Event types whose actors are all participants, none the agent ("X and Y met").
PARTICIPANT_TYPES = frozenset({"MEET", "AGREE"})
# Event types whose target may be a place rather than an actor (a town attacked, a port seized).
PLACE_TARGET_TYPES = frozenset({"SEIZE", "ATTACK", "THREATEN"})
# Prepositions before a movement's destination ("moved to X").
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})


def place_role(etype: str, prep: str, place_preps: frozenset[str] | tuple[str, ...]) -> str | None:
    """The role of a place after the preposition ``prep``: a movement's destination or origin, else
    where the event happened when ``prep`` is one of ``place_preps``; None for any other preposition.

    >>> place_role("MOVE", "from", ()), place_role("ATTACK", "to", ()), place_role("MEET", "in", ("in",))
    ('origin', None, 'place')
    """
    if etype in ("MOVE", "DEPLOY") and prep in DESTINATION_PREPS:
        return "destination"
    if etype == "MOVE" and prep == "from":
        return "origin"
    if prep in place_preps:
        return "place"
    return None


class Arguments:
    """An event's arguments in the order found, each (role, ref) pair once."""

    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []
        self._seen: set[tuple[str, str]] = set()

    @classmethod
    def of(cls, items: list[dict[str, str]]) -> Arguments:
        """The arguments an event already has, to add more to them.

        >>> Arguments.of([{"role": "agent", "ref": "a1"}, {"role": "agent", "ref": "a1"}]).items
        [{'role': 'agent', 'ref': 'a1'}]
        """
        args = cls()
        for item in items:
            args.add(item["role"], item["ref"])
        return args

    def add(self, role: str, ref: str) -> None:
        """Add the argument unless the same role already holds the same ref.

        >>> args = Arguments(); args.add("agent", "a1"); args.add("agent", "a1"); args.items
        [{'role': 'agent', 'ref': 'a1'}]
        """
        if (role, ref) not in self._seen:
            self._seen.add((role, ref))
            self.items.append({"role": role, "ref": ref})


def event_record(etype: str, trigger: dict[str, Any], arguments: list[dict[str, str]], polarity: str,
                 modality: str, subtype: str | None = None) -> dict[str, Any]:
    """An event as plain data, without its id (given once all events are sorted); ``subtype`` only when given.

    >>> event_record("LIFE", {}, [], "positive", "asserted", "die")["subtype"]
    'die'
    """
    record = {"type": etype, "trigger": trigger, "arguments": arguments, "polarity": polarity, "modality": modality}
    if subtype is not None:
        record["subtype"] = subtype
    return record

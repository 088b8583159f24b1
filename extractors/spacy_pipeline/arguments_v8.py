"""Version 8 of the ``spacy`` extractor's event arguments: shapes of English clauses that carry an
event's place or agent and that versions 2-7 do not read (guidelines 3.3), each its own switch.

* ``aspect_places``: an event noun that is the subject or object of an aspectual verb ("the leak began
  at the mine", "the campaign opened at a school in X") takes the places of that verb: the aspectual
  verb is no event of its own, its circumstances belong to the event noun (3.1, "its time belongs to
  invasion").
* ``cue_conjuncts``: a quote's cue whose subject is coordinated ("X and Y both said") has every
  conjunct as an agent of its STATEMENT, not only the quote's speaker (3.3; version 3 reads coordinated
  subjects for every other event).
* ``with_movers``: the actors named after "with" on a verb of movement ("arrived in X with his wife")
  move too, so they are agents beside the subject (3.3: the mover is the agent).

General English syntax from the parse only, no article's word.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.events import Arguments
from extractors.shared.verb_classes import stop_class

# The aspectual verbs (guidelines 3.1) and verbs of a drive or an event opening, closing or going on.
ASPECTUAL = stop_class("aspectual") | frozenset({"open", "close", "take", "get", "go", "run", "kick", "wrap",
                                                 "conclude", "last"})
# The dependency labels of an event noun that an aspectual verb governs.
GOVERNED = frozenset({"nsubj", "nsubjpass", "dobj"})


def aspect_governor(t: Any, is_noun: bool) -> Any | None:
    """The aspectual verb that governs an event noun ("the leak began", "opened the drive"), or None."""
    if not is_noun or t.dep_ not in GOVERNED:
        return None
    head = t.head
    return head if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in ASPECTUAL else None


def companions(t: Any) -> list[Any]:
    """The objects of "with" on a verb of movement ("arrived with his wife", "fled with their children"):
    who goes along moves too (guidelines 3.3: the mover is the agent)."""
    preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "with"]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return [m for o in objects for m in (o, *o.conjuncts)]


def place_preps(verb: Any, preps: frozenset[str]) -> list[Any]:
    """The verb's prepositions of place ("began at the mine")."""
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps]


def cue_conjunct_agents(event: dict[str, Any], subjects: list[list[str]]) -> None:
    """Make every actor of a cue's coordinated subject (``subjects``: the actors of each subject) an
    agent of the cue's STATEMENT ("X and Y both said"), as version 3 does for any other event, when the
    speaker already found is one of them (a subject that names another party is left alone)."""
    args = Arguments.of(event["arguments"])
    agents = {a["ref"] for a in args.items if a["role"] == "agent"}
    for refs in subjects:
        if len(refs) > 1 and agents & set(refs):
            for ref in refs:
                args.add("agent", ref)
    event["arguments"] = args.items

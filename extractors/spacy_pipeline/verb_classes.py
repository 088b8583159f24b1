"""Version 4 of the ``spacy`` extractor's triggers (profile switch ``parse_triggers``): a content verb
that the event lexicon does not know is still an event (guidelines 3.1: "the main verb"), typed by
its semantic class when it has one, else ``OTHER`` (3.2: "a reported event that fits none of the
types above"); a noun of an event class the lexicon lacks is an event of that class.

The parse says which words are verbs (``VERB``, not ``AUX``) and gives their lemmas; this module says
which lemmas are no events at all (auxiliaries, copulas, light, aspectual, modal, cognitive and
perception verbs, states and relations: guidelines 3.1 "Not events") and which classes of verbs belong
to one type of the inventory: the table is :mod:`extractors.shared.verb_classes`, shared with the
``rules`` extractor; this module reads it through the parse. General English only.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.triggers_v2 import ELECTION_WORDS
from extractors.shared.verb_classes import noun_classes, stopped, verb_classes
from extractors.spacy_pipeline.doc_index import sentence_words

__all__ = ["noun_classes", "verb_classes", "fallback_sense", "leave_sense", "vote_sense"]

# Verbs of bringing and going that are movements only with a destination or origin ("taken to hospital").
MOTION_LIGHT = frozenset("take bring come go get send head".split())
DIRECTION_PREPS = frozenset({"to", "into", "toward", "towards", "onto"})
DIRECTION_ADVERBS = frozenset({"home", "back", "abroad", "ashore", "away", "inside", "outside"})
# Light verbs: before an event noun, the noun is the trigger ("filed a complaint", guidelines 3.1).
LIGHT_VERBS = frozenset("file lodge launch stage conduct carry hold make give issue pose raise express deliver "
                        "undertake perform mount".split())
# Forms of "vote", which say nothing about what the vote is for.
VOTE_WORDS = frozenset({"vote", "votes", "voted", "voting"})
# Dependency labels of verbs that are adjectives or parts of names rather than events ("a registered
# charity", "the running mate").
NOT_EVENT_DEPS = frozenset({"amod", "compound", "npadvmod", "nmod"})


def vote_sense(t: Any) -> tuple[str, str | None]:
    """A vote is an election when its sentence names one by another word than "vote" (guidelines
    3.2.2), else a vote on a rule, a plan or a motion (POLICY ``legislate``)."""
    words = sentence_words(t) - VOTE_WORDS
    return ("PERSONNEL", "elect") if not ELECTION_WORDS.isdisjoint(words) else ("POLICY", "legislate")


def fallback_sense(t: Any) -> tuple[str, str | None] | None:
    """The (type, subtype) of a verb token the lexicon does not know, or None when it is no event:
    a stop lemma, a word that is no verb of its own, or a verb used as an adjective.

    A vote is an election when its sentence is about one (guidelines 3.2.2), else a vote on a rule.
    """
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or not lemma.isalpha() or len(lemma) < 3 or not t.text[:1].islower():
        return None
    if t.dep_ in NOT_EVENT_DEPS:
        return None
    if lemma == "vote":
        return vote_sense(t)
    if lemma in MOTION_LIGHT:
        return ("MOVE", "transport") if _has_destination(t) else None
    if stopped(lemma):
        return None
    return verb_classes().get(lemma, ("OTHER", None))


def _has_destination(t: Any) -> bool:
    """Whether a verb has a place it goes to or comes from ("taken to hospital", "came home")."""
    return any((c.dep_ == "prep" and c.lower_ in DIRECTION_PREPS) or (c.dep_ == "advmod" and c.lower_ in
               DIRECTION_ADVERBS) for c in t.children)


# Nouns of an office, a post or a body one leaves by quitting it (guidelines 5: PERSONNEL end_position).
OFFICE_NOUNS = frozenset("""office post job position role seat presidency chairmanship premiership government
    cabinet ministry board company firm club team party bench parliament senate council""".split())
# Common nouns of places one leaves by going away (MOVE).
PLACE_NOUNS = frozenset("""country city town village home area region island province state capital camp
    port hospital house building site border""".split())
# Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def leave_sense(t: Any) -> tuple[bool, tuple[str, str | None] | None]:
    """Version 4 (``leave_senses``): the sense of a verb whose type depends on its object, as (decided,
    sense): "leave" is PERSONNEL ``end_position`` when it leaves an office, a post or a body ("left
    the company"), MOVE when it leaves a place ("ordered to leave the country"), OTHER otherwise ("left
    them unable to pay", "left out"); a verb of movement with the particle "on" and no object ("the
    wait drags on") says how long something lasts and is no event. (False, None): not such a verb."""
    lemma = t.lemma_.lower()
    objects = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma == "leave" and t.pos_ == "VERB":
        for o in (c for c in t.children if c.dep_ == "dobj"):
            if o.ent_type_ in PLACE_LABELS or o.lemma_.lower() in PLACE_NOUNS:
                return True, ("MOVE", "transport")
            if o.lemma_.lower() in OFFICE_NOUNS:
                return True, ("PERSONNEL", "end_position")
        return True, ("OTHER", None)
    if any(c.dep_ == "prt" and c.lower_ == "on" for c in t.children) and not objects \
            and verb_classes().get(lemma, ("",))[0] == "MOVE":
        return True, None
    return False, None

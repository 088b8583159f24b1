"""Version 4 of the ``spacy`` extractor's triggers (profile switch ``parse_triggers``): a content verb
that the event lexicon does not know is still an event (guidelines 3.1: "the main verb"), typed by
its semantic class when it has one, else ``OTHER`` (3.2: "a reported event that fits none of the
types above"); a noun of an event class the lexicon lacks is an event of that class.

The parse says which words are verbs (``VERB``, not ``AUX``) and gives their lemmas; this module says
which lemmas are no events at all (auxiliaries, copulas, light, aspectual, modal, cognitive and
perception verbs, states and relations: guidelines 3.1 "Not events") and which classes of verbs belong
to one type of the inventory. General English only, whole classes of verbs, never an article's word.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from extractors.shared.triggers_v2 import ELECTION_WORDS

# Verbs that are never events alone (guidelines 3.1): copulas and auxiliaries, light and aspectual
# verbs, wishes and needs, cognition, perception, evidence, states and relations, and verbs of
# attempting, causing and allowing whose complement is the event.
STOP_LEMMAS: frozenset[str] = frozenset("""
    be have do get become seem appear remain stay keep let make give put set take go come bring
    begin start continue resume finish complete proceed
    want need wish hope like love hate prefer intend plan aim expect require deserve afford mean tend
    seek try attempt manage fail dare bother
    know think believe consider suppose understand realise realize remember forget learn wonder doubt
    assume guess imagine recognise recognize determine judge estimate reckon suspect fear worry care
    see hear watch look feel notice listen sound smell taste observe witness find discover
    show indicate suggest reflect prove mark signal imply
    include contain cost weigh own belong consist depend rely involve concern matter exist live lie sit
    stand face represent compare link relate correspond equal total amount number count average rank
    base age edit schedule happen occur follow serve use allow enable permit cause help lead
    call name describe label term dub title mention note report say tell write add claim
    wait spend last hold carry work deal fit suit miss lack run
    authorise authorize entitle oblige compel
    fall grow shrink decline climb soar plunge slump fluctuate
""".split())
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

# (type, subtype or "", verb lemmas): whole semantic classes of the inventory's types that the event
# lexicon leaves out; a lemma listed twice keeps its first sense.
_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("MEET", "meet", "attend participate greet interview brief receive host"),
    ("MEET", "phone_write", "phone text message contact"),
    ("MOVE", "transport", "move land ship tow haul transfer convey shuttle ride drive sail row board "
     "reach arrive enter exit depart"),
    ("STATEMENT", "request", "order instruct command direct invite beg plead"),
    ("STATEMENT", "reject", "dispute contest oppose object refute reject decline"),
    ("STATEMENT", "", "accord present read recite propose recommend advise proclaim confirm acknowledge regret "
     "apologise apologize react reiterate stress insist"),
    ("LEGAL", "investigate", "question interrogate inspect audit examine review scrutinise scrutinize "
     "investigate probe raid search"),
    ("SUPPORT", "aid", "treat shelter feed house rescue save evacuate donate hand issue distribute"),
    ("SUPPORT", "cooperate", "share cooperate collaborate unite"),
    ("SUPPORT", "endorse", "back welcome respect honour honor applaud commend salute hail"),
    ("TRANSACTION", "transfer_money", "contribute charter rent lease reimburse refund compensate subsidise "
     "subsidize"),
    ("POLICY", "", "raise increase hike reduce lower extend revoke rescind abolish repeal regulate tax"),
    ("PERSONNEL", "start_position", "install instal succeed promote reinstate"),
    ("PERSONNEL", "nominate", "vet shortlist"),
    ("DISASTER", "", "spread burn sink capsize flood"),
)

# (type, subtype or "", noun lemmas): event nouns of the inventory's classes that the lexicon leaves out,
# each a noun that names an occurrence (never a general noun such as "case" or "service").
_NOUN_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("LEGAL", "investigate", "audit inspection examination scrutiny"),
    ("MEET", "meet", "ceremony congress convention forum seminar workshop reunion"),
    ("DISASTER", "accident", "leak rupture blaze outage blackout"),
    ("POLICY", "", "hike devaluation"),
    ("AGREE", "", "signing"),
    ("OTHER", "", "fraud breach irregularity wrongdoing mistake error lapse misconduct"),
    ("CAMPAIGN", "public_programme", "scheme"),
)


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, tuple[str, str | None]]:
    """Noun lemma -> (type, subtype) of the nouns of :data:`_NOUN_CLASSES`.

    >>> noun_classes()["audit"]
    ('LEGAL', 'investigate')
    """
    return {noun: (etype, subtype or None) for etype, subtype, nouns in _NOUN_CLASSES for noun in nouns.split()}


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, tuple[str, str | None]]:
    """Lemma -> (type, subtype) of the verbs of :data:`_CLASSES`.

    >>> verb_classes()["attend"], verb_classes()["order"]
    (('MEET', 'meet'), ('STATEMENT', 'request'))
    """
    out: dict[str, tuple[str, str | None]] = {}
    for etype, subtype, lemmas in _CLASSES:
        for lemma in lemmas.split():
            out.setdefault(lemma, (etype, subtype or None))
    return out


def vote_sense(t: Any) -> tuple[str, str | None]:
    """A vote is an election when its sentence names one by another word than "vote" (guidelines
    3.2.2), else a vote on a rule, a plan or a motion (POLICY ``legislate``)."""
    words = {w.lower_ for w in t.sent} - VOTE_WORDS
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
    if lemma in STOP_LEMMAS and lemma not in verb_classes():
        return None
    return verb_classes().get(lemma, ("OTHER", None))


def _has_destination(t: Any) -> bool:
    """Whether a verb has a place it goes to or comes from ("taken to hospital", "came home")."""
    return any((c.dep_ == "prep" and c.lower_ in DIRECTION_PREPS) or (c.dep_ == "advmod" and c.lower_ in
               DIRECTION_ADVERBS) for c in t.children)

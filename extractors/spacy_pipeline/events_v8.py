"""Version 8 of the ``spacy`` extractor's triggers.

``light_uses``: the light-verb rule of the guidelines (3.1: before an event noun, the noun is the trigger, "pose a threat" -> "threat") read in
two more shapes of English:

* a light verb as a participle after the noun it governs ("a statement issued on Sunday", "in a ruling
  issued on Wednesday", "an appeal filed by the union"): the noun names the event, the participle none;
* "receive", the receiving side of giving and issuing, before an event noun or a message ("had received a
  complaint", "received no reply", "has not received any notice"): the noun is the event (a statement, a
  request); nothing changes hands.

A noun names an act, a message or an event when the trigger lexicon lists it or its most frequent WordNet
sense is filed as one (``noun.act``, ``noun.communication``, ``noun.event``).

``preposition_participles``: a participle the parse uses as a preposition ("suspended pending an inquiry",
"following a review", "regarding the fees") is the main verb of no clause, so no trigger (3.1).

``leave_states``: "leave" with a predicative complement says what state something is left in ("left the
club ninth", "left several parishes unable to pay", "were left stranded"), and "left" after a noun says what
remains ("the water left in the valley"): states, not occurrences (3.1 "Not events": states and
conditions). The thing left is the verb's object (or its passive subject); a complement is a predicative (``oprd``,
``acomp``), an adjective or participle as the verb's complement, or an adjective after the object (English
puts an attributive adjective before its noun).
"""
from __future__ import annotations

from typing import Any

from extractors.shared.wordnet import lexname, senses
from extractors.spacy_pipeline.verb_classes import LIGHT_VERBS

# Light verbs (guidelines 3.1 and version 4's list) and "receive", their receiving side.
LIGHT_LEMMAS = LIGHT_VERBS | {"receive"}
# WordNet's files of nouns that name an act, a message or an occurrence.
ACT_FILES = frozenset({"noun.act", "noun.communication", "noun.event"})


def names_act(noun: Any, event_nouns: dict[str, Any]) -> bool:
    """Whether a noun token names an event, an act or a message: in the lexicon, or by its WordNet sense."""
    if noun.lower_ in event_nouns:
        return True
    first = senses(noun.lower_, "n")[:1]
    return bool(first) and lexname(first[0]) in ACT_FILES


def light_use(t: Any, event_nouns: dict[str, Any]) -> bool:
    """Whether a verb token is a light verb whose event is named by a noun: as a participle after the
    noun ("a statement issued"), or, for "receive", before it ("received a complaint")."""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or lemma not in LIGHT_LEMMAS:
        return False
    if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ == "NOUN":
        return names_act(t.head, event_nouns)
    return lemma == "receive" and any(c.dep_ == "dobj" and names_act(c, event_nouns) for c in t.children)


def preposition_participle(t: Any) -> bool:
    """Whether a verb token stands as a preposition ("pending an inquiry"), other than the cue "according
    to" (3.1: the one trigger of two words)."""
    return t.pos_ == "VERB" and t.dep_ == "prep" and t.lower_ != "according"



def leave_state(t: Any) -> bool:
    """Whether a "leave" token names a state: with a predicative complement, or as a participle after a
    noun ("the water left in the valley")."""
    if t.lemma_.lower() != "leave":
        return False
    if t.dep_ == "acl" and t.tag_ == "VBN":
        return True
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in t.children):
        return False  # what is left in a state is the object ("I leave with my head high" leaves nothing)
    for c in t.children:
        if c.dep_ in ("oprd", "acomp") or (c.dep_ == "xcomp" and c.tag_ in ("VBN", "JJ")):
            return True
        if c.dep_ == "dobj" and any(a.dep_ == "amod" and a.i > c.i for a in c.children):
            return True  # "left several parishes unable to pay"
    return False

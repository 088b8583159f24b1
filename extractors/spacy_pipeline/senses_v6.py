"""Version 6 of the ``spacy`` extractor's event types (profile switch ``post_senses``; guidelines 3.2.2
"Jobs" and the PERSONNEL row of 3.3), from the parse only.

"Suspend" and "remove" are in the event lexicon as OTHER (a thing halted or taken away: "suspended the
app", "suspend the permit"), but news of companies, agencies, clubs and courts uses them as often for a
person taken out of a post: "the railway suspended two engineers", "Ruiz had been suspended pending an
inquiry", "a vote on removing the mayor", "placed under suspension". Those are PERSONNEL
``end_position`` (the person's post changes, 3.3: the person is the target), and "reinstate" a person
is ``start_position``. What the verb acts on decides: a person (a PER actor, a noun of a person's role
or trade, a count of people) makes it PERSONNEL; anything else leaves the lexicon's type.
"""
from __future__ import annotations

from typing import Any

from extractors.spacy_pipeline.actors_v4 import PERSON_ROLES
from extractors.spacy_pipeline.entities import ROLE_NOUNS
from extractors.spacy_pipeline.nominals import GROUP_NOUNS, PERSON_NOUNS
from extractors.shared.orgs import PEOPLE_NOUNS

# Verbs (lemmas) of taking a person out of a post, or putting one back -> PERSONNEL subtype.
POST_VERBS: dict[str, str] = {"suspend": "end_position", "remove": "end_position", "reinstate": "start_position"}
# Nouns (lemmas) of the same acts: "his suspension", "placed under suspension", "the removal of the mayor".
POST_NOUNS: dict[str, str] = {"suspension": "end_position", "removal": "end_position",
                              "reinstatement": "start_position"}
# Lemmas of nouns of people that the role lists leave out (general English).
PEOPLE_LEMMAS = frozenset("man woman person people staff employee official officer".split())
# Dependencies of what a verb acts on: its object, or its subject when passive.
ACTED_ON = ("dobj", "nsubjpass")


def post_sense(t: Any, sense: tuple[str, str | None], ref: list[Any]) -> tuple[str, str | None]:
    """The type of "suspend", "remove", "reinstate" (and their nouns): PERSONNEL when a person is what it
    acts on, else the lexicon's type (``sense``)."""
    lemma = t.lemma_.lower()
    subtype = POST_VERBS.get(lemma) if t.pos_ == "VERB" else POST_NOUNS.get(lemma) or POST_NOUNS.get(t.lower_)
    if subtype is None or sense[0] == "PERSONNEL":
        return sense
    acted_on = _acted_on(t) if t.pos_ == "VERB" else _noun_acted_on(t)
    if any(is_person(c, ref) for c in acted_on):
        return "PERSONNEL", subtype
    return sense


def _acted_on(verb: Any) -> list[Any]:
    """The tokens a verb acts on: its objects or passive subjects and their conjuncts; the noun a
    relative clause is about ("the engineer who was suspended")."""
    out = [c for c in verb.children if c.dep_ in ACTED_ON]
    if verb.dep_ == "relcl" and any(c.lower_ in ("who", "that", "whom") for c in out):
        out.append(verb.head)
    return out + [c for o in out for c in o.conjuncts]


def _noun_acted_on(noun: Any) -> list[Any]:
    """The person of an act's noun: its possessor ("his suspension"), its object after "of" ("the removal
    of the mayor"), or the subject of the verb it follows ("X was placed under suspension")."""
    out = [c for c in noun.children if c.dep_ == "poss"]
    out += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if noun.dep_ == "pobj" and noun.head.lower_ in ("under", "on") and noun.head.head.pos_ in ("VERB", "AUX"):
        out += [c for c in noun.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out + [c for o in out for c in o.conjuncts]


def is_person(token: Any, ref: list[Any]) -> bool:
    """Whether a token names one or more people: a person's mention (a PER actor, a pronoun of one), a
    noun of a person's role or trade ("engineer", "director", "midwife"), or a count of people."""
    r = ref[token.i]
    if r is not None:
        return bool(r[1] and r[2])
    if token.ent_type_ == "PERSON":
        return True  # a name the actors left out still names a person
    if token.pos_ == "PRON":
        return token.lower_ in ("him", "her", "them", "he", "she", "they")
    if token.pos_ != "NOUN":
        return False
    word, lemma = token.lower_, token.lemma_.lower()
    if word in GROUP_NOUNS or word in PEOPLE_NOUNS or lemma in PEOPLE_LEMMAS:
        return True
    if any(lemma in nouns for nouns in (PERSON_NOUNS, ROLE_NOUNS, PERSON_ROLES)):
        return True
    # "-eer" names a person ("engineer", "volunteer"); "-er" is left out: "suspended the tender"
    return lemma.endswith("eer") and len(lemma) > 5

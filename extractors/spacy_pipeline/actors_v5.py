"""Version 5 of the ``spacy`` extractor's actors (guidelines 1.2), general English and the parse only.

* ``counted_people``: a group of people named by a count ("two men", "at least 11 people", "six
  others", "one worker", "three local women") where it is the subject or the object of a verb is an
  actor of its own, a group of people (guidelines 1.2: other collectives get their own actor); each
  count names another group, so each such phrase is an actor (not one per noun as for "officials").
"""
from __future__ import annotations

from typing import Any

from extractors.shared.orgs import PEOPLE_NOUNS
from extractors.spacy_pipeline.actors_v4 import agent_noun

# Nouns of people in general that a count makes a group ("two men", "six others").
PERSON_NOUNS = frozenset("""people persons person man men woman women child children boy boys girl girls baby babies
    adult adults teenager teenagers youth youths other others civilian civilians individual individuals""".split())
# Dependencies where a counted group takes part in an event: subject, passive subject, object.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "conj"})


def counted_people(doc: Any, ref: list[Any], actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actors with one PER group added per counted group of people (:func:`is_counted_group`) that
    no step made a mention of anything, its head noun the mention; its token is marked."""
    used = [int(a["id"][1:]) for a in actors if a["id"][1:].isdigit()]
    next_id = max(used, default=0) + 1
    for t in doc:
        if ref[t.i] is not None or not is_counted_group(t):
            continue
        actor = {"id": f"a{next_id}", "name": " ".join(w.text for w in _phrase(t)), "type": "PER", "subtype": "group",
                 "mentions": [{"start": t.idx, "end": t.idx + len(t), "text": t.text, "kind": "nominal"}]}
        next_id += 1
        actors.append(actor)
        ref[t.i] = (actor["id"], True, True)
    return actors


def is_counted_group(t: Any) -> bool:
    """Whether a noun names people by a count where a verb's subject or object stands: a noun of people
    (general, a collective of :data:`PEOPLE_NOUNS`, or an agent noun) with a number before it."""
    if t.pos_ != "NOUN" or t.dep_ not in ARGUMENT_DEPS or (t.dep_ == "conj" and t.head.dep_ not in ARGUMENT_DEPS):
        return False
    word, lemma = t.lower_, t.lemma_.lower()
    if not (word in PERSON_NOUNS or word in PEOPLE_NOUNS or lemma + "s" in PEOPLE_NOUNS or agent_noun(lemma)):
        return False
    return any(c.dep_ == "nummod" for c in t.children)


def _phrase(t: Any) -> list[Any]:
    """The words of a counted group's phrase up to its head ("three local women")."""
    return [w for w in t.subtree if w.i <= t.i and w.dep_ != "punct"]

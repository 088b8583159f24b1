"""Version 8, round 2, of the ``spacy`` extractor's actors (switch ``class_bodies``): an organisation named
by a common noun of WordNet's class of organisations (:func:`extractors.shared.bodies_v8b.is_body_noun`:
"the coalition", "a consortium", "the utility's") that no earlier rule has taken (guidelines 1.1, 1.4). Run
after ``definite_bodies``, so "the board" after "the X Water Board" stays that board's mention.

* "the" + the bare noun refers back (1: a description is a mention of the actor it refers to): to the
  body of the same noun found before, else to the nearest named organisation whose subtype is a kind the
  noun names ("the squad" a team, "the processor" a company; a business noun, failing that, the nearest
  name of two words or more of no kind, as version 7's "the company"); when none is found the noun is left
  alone (its antecedent was missed: a body of its own would split it);
* a noun with a modifier of its own ("the state power utility", "the governing bloc"), an indefinite
  subject ("A consortium won ...") or a possessor ("its directorate") is a body of its own, one ``ORG``
  actor per noun per article, as version 3's listed body nouns are.

Not taken: a predicate or appositive ("X is a consortium": the named one's description), an indefinite
that is no subject ("a deal with a private processor": often one named elsewhere), a class reading ("the
largest union", "one of the consortiums"; 5 z), a modifier of another noun, a phrase with a name in it
("the Tolu coalition", whose name the name rules read), a unit with an of-phrase or a body noun before it
("the branch of the bank", "the council secretariat": that body, 5 l 4), and "a union's" (a class of owner).
"""
from __future__ import annotations

from typing import Any

from extractors.shared.bodies_v8b import body_kinds, is_body_noun, is_unit_noun
from extractors.spacy_pipeline.nominals import ORG_NOUNS
from extractors.spacy_pipeline.org_nominals_v7 import REACH_TOKENS, _renumbered

# Dependency labels of a noun that heads a phrase taking part in its clause (no predicate, no apposition).
_TAKING_PART = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "dative", "poss"})
# Determiners of a specific body of the story.
_SPECIFIC_DETS = frozenset({"the", "a", "an", "this", "that"})


def body_token(token: Any) -> bool:
    """Whether a token is a singular common noun of the class of organisations heading a phrase of its
    clause, after a determiner or a possessor, in no class reading and with no name inside its phrase."""
    word = token.lower_
    if token.tag_ != "NN" or not token.text.islower() or token.dep_ not in _TAKING_PART:
        return False
    if not is_body_noun(word):
        return False
    kids = list(token.children)
    if token.dep_ == "poss" and not _definite(token):
        return False  # "a union's offices": a class of owner; "the union's offices" is the union (1.1)
    if not any((c.dep_ == "det" and c.lower_ in _SPECIFIC_DETS) or c.dep_ == "poss" for c in kids):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids) and token.dep_ not in ("nsubj", "nsubjpass"):
        return False  # "a deal with a private processor", "blame for a thin squad": often one named before
    if any(c.tag_ in ("JJS", "RBS") or c.pos_ == "PROPN" for c in kids):
        return False  # "the largest union" (a class, 5 z); "the Tolu coalition" (a name's word)
    if is_unit_noun(word) and any((c.dep_ == "prep" and c.lower_ == "of")
                                  or (c.dep_ == "compound" and (c.lower_ in ORG_NOUNS or is_body_noun(c.lower_)))
                                  for c in kids):
        return False  # "the regional branch of X", "the council secretariat": a unit of X, X's mention (5 l 4)
    head = token.head
    return not (token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("one", "some", "each", "any"))


def class_body_actors(doc: Any, ref: list[Any], mention_of: dict[int, tuple[int, int]],
                      actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actors with each noun of a body that no rule has taken as a mention: of the nearest organisation
    of its kind named before it when "the" refers back ("the squad" after a team's name), else of an
    ``ORG`` actor of its own, one per noun; renumbered in order of first mention."""
    by_id = {a["id"]: a for a in actors}
    new: dict[str, dict[str, Any]] = {}
    for t in doc:
        if ref[t.i] is not None or not body_token(t):
            continue
        actor = new.get(t.lower_)  # "the utility" after "the state power utility": the same body
        if actor is None and _definite(t) and not _modified(t):
            actor = _referent(t, ref, by_id)
            if actor is None:
                continue  # "the federation" refers back to a body that was not found: no body of its own
        if actor is None:
            actor = new.setdefault(t.lower_, {"id": f"b{len(new) + 1}", "name": t.lower_, "type": "ORG",
                                              "mentions": []})
        actor["mentions"].append({"start": t.idx, "end": t.idx + len(t), "text": t.text, "kind": "nominal"})
        actor["mentions"].sort(key=lambda m: (m["start"], m["end"]))
        ref[t.i] = (actor["id"], True, False)
        mention_of[t.i] = (t.idx, t.idx + len(t))
    return _renumbered([*actors, *new.values()], ref)


def _definite(token: Any) -> bool:
    """Whether a noun has "the", "this" or "that" before it (it refers back)."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _modified(token: Any) -> bool:
    """Whether a noun has a modifier of its own ("the state power utility", "the new coalition"): it sets
    the body apart from those named before (as "the Danish company" is no other company)."""
    return any(c.dep_ in ("amod", "compound", "nmod") for c in token.children)


def _referent(token: Any, ref: list[Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The organisation mentioned nearest before the token within reach whose subtype is a kind the noun
    names (:func:`extractors.shared.bodies_v8b.body_kinds`: "the squad" after a named team); for a
    noun of a business, failing that, the nearest name of two words or more of no kind (a company's name
    seldom says what it is), or None."""
    kinds = body_kinds(token.lower_)
    if not kinds:
        return None
    before: list[dict[str, Any]] = []
    for i in range(token.i - 1, max(-1, token.i - REACH_TOKENS), -1):
        r = ref[i]
        actor = by_id.get(r[0]) if r is not None and r[1] else None
        if actor is not None and actor["type"] == "ORG" and actor not in before and any(
                m["kind"] == "name" for m in actor["mentions"]):
            before.append(actor)
    found = next((a for a in before if a.get("subtype") in kinds), None)
    if found is None and "company" in kinds:
        found = next((a for a in before if a.get("subtype") is None and len(a["name"].split()) > 1
                      and any(m["kind"] == "name" for m in a["mentions"])), None)
    return found

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


# Candidate switch nominal_heads (in no profile): "the committee" of "the X Committee", "the company" of
# the one company named so far.
# Nouns by which news refers back to a business it named ("the company said"), whatever its name's head.
COMPANY_NOUNS = frozenset("""company firm operator carrier airline maker producer manufacturer miner lender insurer
    retailer developer exporter importer processor conglomerate""".split())
# Determiners of a description that refers back to something named before.
DEFINITE = frozenset({"the", "this"})
# Words that link a head to the rest of a name ("Ministry of X", "Bank for Y").
NAME_LINKS = frozenset({"of", "for", "de"})


def merge_nominal_orgs(doc: Any, ref: list[Any], actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actors with each definite description of an organisation moved to the named organisation
    it refers back to (:func:`referent`), its tokens marked; a description actor left without
    mentions is dropped."""
    named = [a for a in actors if a["type"] == "ORG" and any(m["kind"] == "name" for m in a["mentions"])]
    kept = []
    for actor in actors:
        if _description_only(actor):
            for m in [m for m in actor["mentions"] if _definite(doc, m)]:
                target = referent(actor["name"], [a for a in named if _first_name(a) < m["start"]])
                if target is not None:
                    _move(doc, ref, actor, target, m)
        if actor["mentions"]:
            kept.append(actor)
    return kept


def _description_only(actor: dict[str, Any]) -> bool:
    """Whether an organisation actor is named only by a singular common noun ("company", "ministry")."""
    name = actor["name"]
    return (actor["type"] == "ORG" and name.isalpha() and name.islower() and not name.endswith("s")
            and all(m["kind"] == "nominal" for m in actor["mentions"]))


def _first_name(actor: dict[str, Any]) -> int:
    """Where an actor is first named."""
    return min(m["start"] for m in actor["mentions"] if m["kind"] == "name")


def referent(noun: str, named: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The one organisation named so far that a description's noun refers to: the one whose name has
    that head ("committee": "X Committee", "ministry": "Ministry of X"); for "company" and "firm", the
    one typed a company (or, with none typed, the one of no known kind); None when not exactly one."""
    if noun not in COMPANY_NOUNS:  # "X Company" and "Y Holdings" are both "the company": by kind, not head
        by_head = [a for a in named if name_head(a["name"]) == noun]
        return by_head[0] if len(by_head) == 1 else None
    companies = [a for a in named if a.get("subtype") == "company"] or [a for a in named if a.get("subtype") is None]
    return companies[0] if len(companies) == 1 else None


def name_head(name: str) -> str:
    """The head noun of an organisation's name, lower-cased: the word before "of" ("Ministry of X"),
    else the last word ("Harbour Safety Committee").

    >>> name_head("Ministry of Fisheries"), name_head("Harbour Safety Committee")
    ('ministry', 'committee')
    """
    words = name.replace("’s", "").replace("'s", "").split()
    for i, w in enumerate(words[1:], start=1):
        if w in NAME_LINKS:
            return words[i - 1].lower()
    return words[-1].lower().rstrip(".,") if words else ""


def _definite(doc: Any, mention: dict[str, Any]) -> bool:
    """Whether a description's mention is definite ("the company", not "a company" or "companies")."""
    span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    return span is not None and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in span.root.children)


def _move(doc: Any, ref: list[Any], old: dict[str, Any], new: dict[str, Any], mention: dict[str, Any]) -> None:
    """Move a mention from one actor to another and mark its tokens with the new actor."""
    old["mentions"].remove(mention)
    new["mentions"].append(mention)
    new["mentions"].sort(key=lambda m: (m["start"], m["end"]))
    span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    for i in range(span.start, span.end) if span is not None else ():
        ref[i] = (new["id"], True, new["type"] == "PER")


"""Version 7 of the ``spacy`` extractor's argument roles (profile switch ``party_roles``): the roles of
guidelines 3.3's table where the clause's shape, not the verb, decides them.

* every party of a MEET or AGREE is a ``participant`` (only a broker is an ``agent``), whichever way the
  argument was found (a quote's speaker, a light verb's subject, a possessor);
* the organisation a founding names as its passive subject ("X was founded in 2019", "X, registered
  last year") is the BUSINESS ``agent``, as when it is the object ("they founded X"; version 4);
* a past participle opening an adverbial clause is passive: "Asked about the fine, X said": X is the
  one asked (``target``), not its agent.

General English and the parse only, no article's word.
"""
from __future__ import annotations

from typing import Any

from extractors.spacy_pipeline.roles_v4 import with_role

# Verbs of bringing others to agree or meet: their subject is the broker (agent), not a party.
BROKER_LEMMAS = frozenset({"broker", "mediate", "facilitate", "host", "arrange", "convene", "organise", "organize"})
# Subtypes of BUSINESS whose organisation is the agent (guidelines 3.3: the one founded or dissolved).
FOUNDING = frozenset({"start_org", "end_org"})


def party_roles(t: Any, etype: str, subtype: str | None, arguments: list[dict[str, str]]) -> list[dict[str, str]]:
    """The arguments of the trigger ``t`` with the roles of guidelines 3.3 that depend on its clause."""
    if etype in ("MEET", "AGREE") and t.lemma_.lower() not in BROKER_LEMMAS:
        return with_role(arguments, "agent", "participant")
    passive = is_passive_clause(t)
    if etype == "BUSINESS" and subtype in FOUNDING:
        return with_role(arguments, "target", "agent") if passive else arguments
    if passive and t.dep_ == "advcl" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
        return with_role(arguments, "agent", "target")  # "Asked about it, X said": X was asked
    return arguments


def is_passive_clause(t: Any) -> bool:
    """Whether a verb is passive: a passive auxiliary or subject, or a past participle that modifies a
    noun or opens an adverbial clause with no auxiliary ("X, registered last year,", "Asked about it, X
    said")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
        return True
    return t.tag_ == "VBN" and t.dep_ in ("acl", "advcl") and not any(c.dep_ in ("aux", "nsubj") for c in t.children)

"""Version 6 of the ``spacy`` extractor's nominal mentions (profile switch ``appositive_nominals``;
guidelines 1: appositives and predicate nominals are mentions of the entity they describe, and 1.4
on descriptions).

Version 3 made a description a mention of the named actor beside it only when its head noun was one of
a short list of roles ("minister", "teacher"), so the descriptions news writes of people and bodies
of any trade were lost ("X, a 52-year-old seamstress", "its chief technology officer, X", "X, a think
tank in Y"), and with them the later references back ("the seamstress said"). News of any topic
describes its people by trade, so version 6 takes any common noun the parse sets in apposition to a
named actor. General English only: no word list.
"""
from __future__ import annotations

from typing import Any

# Dependency labels of a description that stands for the actor in its clause (a later reference back).
_REFERENCE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "dative"})


def appositive_actor(token: Any, ref: list[Any]) -> Any:
    """The named actor a common noun is set in apposition to, either way round ("X, a seamstress",
    "its chief executive, X"), or None; the noun must head its phrase and the actor be named.

    The parse's apposition link is required (not mere nearness: "a letter from X" is no description).
    """
    if token.pos_ != "NOUN" or token.dep_ == "compound" or not token.text[:1].islower():
        return None
    if token.dep_ == "appos" and _named(ref, token.head):
        return ref[token.head.i]
    for c in token.children:
        if c.dep_ == "appos" and _named(ref, c):
            return ref[c.i]
    return None


def referred_actor(token: Any, described: dict[str, Any]) -> Any:
    """The actor a definite noun refers back to ("the seamstress" after "X, a seamstress"), or None."""
    if token.pos_ != "NOUN" or token.dep_ not in _REFERENCE_DEPS or token.lower_ not in described:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    return described[token.lower_]


def _named(ref: list[Any], token: Any) -> bool:
    """Whether a token is a word of an actor's name (a proper noun of its mention, not a place's nor a
    description's: "officials, a nomination" names no one)."""
    return token.pos_ == "PROPN" and ref[token.i] is not None and bool(ref[token.i][1])

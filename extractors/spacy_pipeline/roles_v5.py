"""Version 5 of the ``spacy`` extractor's argument roles (guidelines 3.3), from the parse only.

* ``object_places``: an event that no place argument has yet takes the places named inside the noun
  phrase of what it is done to, or of the event noun itself, however deep the parse puts them ("attend
  a meeting on migration held in X", "vaccinate children aged 1 to 14 in X, Y and Z districts", "the
  recount in the towns of X and Y"): a place preposition's object, the names that modify or are
  listed with it, and the places of "the town of X" (guidelines 3.3: where the event happened). A
  clause of its own (a verb with a subject of its own, reported speech, a condition) is not entered.
"""
from __future__ import annotations

from typing import Any, Callable, Iterator

from extractors.spacy_pipeline.actors_v4 import PLACE_OF_HEADS

# Prepositions whose object is where something is.
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "within", "throughout", "on"})
# Dependencies that lead into a noun phrase's modifiers and lists, without leaving its clause.
INSIDE_PHRASE = frozenset({"prep", "pobj", "acl", "conj", "nmod", "compound", "appos", "amod", "npadvmod"})
# Dependencies of a token that is part of a place's name or list ("X, Y and Z districts").
NAME_PARTS = frozenset({"nmod", "compound", "conj", "appos"})


def object_places(t: Any, is_noun: bool, place_of: Callable[[Any], str | None]) -> Iterator[str]:
    """The places inside the trigger's object phrases (a verb's ``dobj``/``nsubjpass``) or, for an
    event noun, inside its own phrase: the objects of place prepositions found on the way down, with
    the place names listed with them and after "of" behind a noun of a place ("the towns of X")."""
    roots = [t] if is_noun else [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    for root in roots:
        for tok in _phrase(root, t):
            if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
                yield from _named_places(tok, place_of)


def _phrase(root: Any, trigger: Any) -> Iterator[Any]:
    """The tokens of a noun phrase reached through :data:`INSIDE_PHRASE` dependencies (a relative
    clause's place too, "a vote that closed in X", but no clause with a subject of its own)."""
    stack = [root]
    while stack:
        tok = stack.pop()
        yield tok
        for c in tok.children:
            if c.dep_ in INSIDE_PHRASE or (c.dep_ == "relcl" and tok is trigger):
                stack.append(c)


def _named_places(obj: Any, place_of: Callable[[Any], str | None]) -> Iterator[str]:
    """The places a place preposition's object names: itself, the names that modify or follow it in
    a list ("X, Y and Z districts"), and those after "of" when it is a noun of a
    place ("the towns of X and Y")."""
    todo = [obj]
    while todo:
        tok = todo.pop()
        ref = place_of(tok)
        if ref is not None:
            yield ref
        todo += [c for c in tok.children if c.dep_ in NAME_PARTS]
        if tok.lemma_.lower() in PLACE_OF_HEADS or tok.lower_ in PLACE_OF_HEADS:
            todo += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"]

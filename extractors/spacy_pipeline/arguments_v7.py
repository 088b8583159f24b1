"""Version 7 of the ``spacy`` extractor's event arguments: a shape of English noun phrases whose
participant the version 3 search (:mod:`.arguments`) does not reach.

* ``state_governments``: "the Kenyan government said", "Peru's government announced": a noun meaning a
  state's government, modified by the state's name or demonym, is that state acting (guidelines 1.2: a
  state or its government acting is the state actor), so the state is the argument where the noun
  itself is no actor's mention.

General English and the parse only, no article's word.
"""
from __future__ import annotations

from typing import Any

# Nouns that stand for a state's government as a body (general English, not an article's word).
GOVERNMENT_NOUNS = frozenset({"government", "governments", "administration", "authorities", "regime", "cabinet"})
# Dependency labels of a state's name or demonym on the noun ("Kenyan", "Peru's", "the Peru government").
STATE_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})


def government_state(token: Any, ref: list[Any], actor_type: dict[str, str]) -> Any:
    """The reference of the state whose government ``token`` names ("the Kenyan government"), or None:
    the token must be a government noun and the modifier a mention of a state actor (GPE)."""
    if token.lower_ not in GOVERNMENT_NOUNS:
        return None
    for child in token.children:
        r = ref[child.i] if child.dep_ in STATE_MODIFIERS else None
        if r is not None and r[1] and actor_type.get(r[0]) == "GPE":
            return r
    return None


"""Version 8 of the ``spacy`` extractor's actors: nouns of people by their WordNet class
(:mod:`extractors.shared.nominals_v8`).

``class_people``: a plural noun of people heading a phrase of its clause is a group of its own
("smugglers", "pharmacists"; guidelines 1.2, other collectives), one per noun, as version 3's listed nouns;
a counted one ("two surgeons") only where version 5's ``counted_people`` does not take it.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.nominals_v8 import is_plural_person, not_a_group, sentence_start
from extractors.spacy_pipeline.actors_v5 import is_counted_group

# Dependency labels of a noun that heads a phrase taking part in its clause.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT", "dative"})


def class_group_token(token: Any) -> bool:
    """Whether a token is a plural noun of people of the WordNet class heading a phrase of its clause, with
    the text filters of :func:`extractors.shared.nominals_v8.class_people`."""
    word = token.text
    if token.tag_ != "NNS" or token.dep_ not in _ARGUMENT_DEPS or not is_plural_person(word):
        return False
    if is_counted_group(token):
        return False  # "nine people": a group per count, version 5's ``counted_people``
    if token.lower_ == "people" and not list(token.children):
        return False  # bare "people" ("it spreads between people"): people at large, no group of the story (1.2)
    text = token.doc.text
    if not word.islower() and not sentence_start(text, token.idx):
        return False
    return not not_a_group(text, token.idx, token.idx + len(word), word.lower())


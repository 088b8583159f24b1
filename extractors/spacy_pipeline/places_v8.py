"""Version 8 (``modifier_places``, ``spacy``): a known place's name that spaCy leaves outside every entity
and that modifies a lower-case noun ("the Tolu senate", "the Ruvo institute", "Osse residents") is a
mention of that place.

Guidelines 1.3 (a place mentioned as a place) and 1.4 ("a demonym or place name before a name that is not
part of it stays a mention"): a town's name before a common noun is no part of an organisation's proper
name, and names the place. spaCy's small model often labels no entity there; the rules extractor looks
every capitalised word up in the gazetteer and finds it. Only a single capitalised word (not inside a longer
run of capitalised words, which may be a name of its own), tagged a proper noun, that the gazetteer knows
as a city, province or country, not a word of a person's name in the article, right before a lower-case
noun.
"""
from __future__ import annotations

from typing import Any, Mapping


def modifier_places(doc: Any, in_ent: set[int], gazetteer: Mapping[str, Any], given: set[str]) -> list[tuple[int, Any]]:
    """The tokens (index, gazetteer entry) of known places outside every entity that modify a lower-case
    noun; ``given`` holds the words of persons' names in the article."""
    out: list[tuple[int, Any]] = []
    for token in doc:
        if token.i in in_ent or token.pos_ != "PROPN" or not token.text[:1].isupper() or token.text in given:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is None or not (after.pos_ == "NOUN" and after.text.islower()):
            continue  # a modifier of a common noun only
        if before is not None and before.text[:1].isupper() and before.pos_ == "PROPN":
            continue  # inside a longer run of capitalised words
        place = gazetteer.get(token.text)
        if place is not None and place.subtype in ("city", "province", "country"):
            out.append((token.i, place))
    return out

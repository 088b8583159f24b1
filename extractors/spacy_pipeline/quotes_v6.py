"""Version 6 of the ``spacy`` extractor's quotes (profile switch ``naming_cues``; guidelines 2: the cue
of a direct quote is the verb that reports the quoted words).

News reports a judgement by quoting the words a speaker named something with: "the union called the
decision “a death sentence for the town”", "which she has called “a monument to bad planning”",
"described the plan as “reckless and rushed”", "branded the vote “a farce”". The quoted words alone
are the direct quote, the naming verb is its cue (and so a STATEMENT), and its subject the speaker.
Version 5 left such a quote to whatever reporting verb came next in the sentence ("... and said
members would strike"), or to none. The parse decides: only the verb's object (and "as") may stand
between the verb and the opening mark. As for every direct quote, fewer than three quoted words are
a term, not speech ("described conditions as “unsustainable”", guidelines 2.1).
"""
from __future__ import annotations

from typing import Any

from extractors.shared.quotes import QUOTE_MARKS

# Lemmas of verbs that name their object by quoted words.
NAMING_LEMMAS = frozenset({"call", "describe", "brand", "label", "dub", "term"})
# How many tokens before the opening mark the naming verb may stand ("called the city's new bridge “").
NAMING_REACH = 8


def naming_cue(doc: Any, mark: int) -> Any:
    """The naming verb whose object the quotation opening at token ``mark`` names, or None: a verb of
    :data:`NAMING_LEMMAS` in the same sentence, with only its direct object's words, an "as", or a
    relative pronoun's place between it and the mark ("which she called “...”")."""
    start = max(doc[mark].sent.start, mark - NAMING_REACH)
    for verb in reversed(doc[start:mark]):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_LEMMAS:
            continue
        between = doc[verb.i + 1:mark]
        if all(_names_object(t, verb) for t in between) and (len(between) > 0 or _relative_object(verb)):
            return verb
        return None  # the nearest verb of the kind decides
    return None


def _names_object(token: Any, verb: Any) -> bool:
    """Whether a token between a naming verb and the mark is part of what the verb names: its object's
    words, or the "as" of "described X as"."""
    if token.text in QUOTE_MARKS:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.left_edge.i <= token.i <= obj.right_edge.i:
        return True
    return token.lower_ == "as" and token.head.i == verb.i


def _relative_object(verb: Any) -> bool:
    """Whether a naming verb right before the mark has its object before it ("which she called")."""
    return verb.dep_ == "relcl" or any(c.dep_ == "dobj" and c.i < verb.i for c in verb.children)

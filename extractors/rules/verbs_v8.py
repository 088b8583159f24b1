"""Version 8 (``clause_verbs``): a past form right after a name is the verb of its clause, an event
that version 4's fallback (:mod:`extractors.rules.fallback`) does not read (guidelines 3.1: the main
verb of every clause is a trigger).

Version 4 takes a finite verb only after a pronoun or an actor's mention. News often puts the verb
after a noun phrase that ends in a name which is no actor: a place in the subject's modifiers
("Growers in Tolva County voted", "the authorities of Varo State fined a mining firm"), or a team or a
firm the mentions missed ("Kesto levelled in the 63rd minute"). The ``rules`` extractor has no parser,
so a form is read as a verb only where no other reading is likely: a past form or participle right
after a capitalised word inside the sentence (not after its first word, a month or a day), which
can only be a verb or a participle there.

Left out, because on the ``dev`` half they cost as much as they gave: the same form after a lower-case
noun (as often a reduced relative of a state, "crates packed with fruit", "fees due since May"),
a third-person form after a name (as often a plural noun), and a present participle after a comma (as
often an idiom of result, "..., opening the door to", "..., leaving the fans in tears").

The verb must be listed in WordNet (:mod:`extractors.shared.wordnet`) and in the general verb index,
and not be one of the verbs the guidelines keep out of the events (the stop classes of
:mod:`extractors.shared.verb_classes`); its type is the fallback's (its class, or OTHER).
"""
from __future__ import annotations

import re

from extractors.rules.fallback import FALLBACK_TYPE
from extractors.shared import wordnet
from extractors.shared.verb_classes import STOP_LEMMAS
from extractors.shared.verbs import verb_lemma

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|[,;:.]")
# Capitalised words that are no name a verb could follow as its subject: months and days (a date
# ends a phrase: "in April returned ..."), and "I".
_NOT_NAMES = frozenset("january february march april may june july august september october november december "
                       "monday tuesday wednesday thursday friday saturday sunday i".split())
# Light verbs of an injury or a loss whose noun is the trigger (3.1: "suffered injuries" -> "injuries").
_LIGHT = frozenset("suffer sustain undergo incur".split())


def clause_verb_triggers(text: str, sentences: list[tuple[int, int]],
                         taken: set[int]) -> list[tuple[int, int, tuple[str, str]]]:
    """The (start, end, (lemma, :data:`FALLBACK_TYPE`)) of past forms right after a name.

    >>> text = "Growers in Tolva County voted on Monday. The crates packed with fruit left."
    >>> [text[s:e] for s, e, _ in clause_verb_triggers(text, [(0, 40), (41, len(text))], set())]
    ['voted']
    """
    out: list[tuple[int, int, tuple[str, str]]] = []
    for s_start, s_end in sentences:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, s_start, s_end)]
        for i in range(1, len(tokens)):
            start, end, word = tokens[i]
            if start in taken or not word.islower():
                continue
            lemma = _content_verb(word)
            if lemma is not None and _verb_position(word, tokens[i - 1][2], i - 1 == 0):
                out.append((start, end, (lemma, FALLBACK_TYPE)))
    return out


def _content_verb(word: str) -> str | None:
    """The lemma of an inflected verb form that may be an event: listed in WordNet and the verb index,
    not a base form, not a verb of the stop classes (also where a class claims it: here the position
    alone says it is a verb).

    >>> _content_verb("voted"), _content_verb("thought"), _content_verb("vote"), _content_verb("tables")
    ('vote', None, None, 'table')
    >>> _content_verb("rent"), _content_verb("suffered")
    (None, None)
    """
    lemma = verb_lemma(word.replace("’", "'"))
    if lemma is None or lemma == word or len(lemma) < 3 or lemma in STOP_LEMMAS or lemma in _LIGHT \
            or not wordnet.senses(word, "v"):
        return None  # a stop lemma even where a class lists it: "a statement issued at noon" (3.1 light verbs)
    if not word.endswith("ing") and wordnet.lemma_of(word, "n") == word:
        return None  # the form is a noun too ("pay rent", "the cast"): only a parser could tell
    return lemma


def _verb_position(word: str, prev: str, prev_first: bool) -> bool:
    """Whether ``word``, a verb form, stands where only a verb or a participle fits after the token
    ``prev``: a past form right after a name inside the sentence.

    >>> _verb_position("voted", "County", False), _verb_position("voted", "The", True)
    (True, False)
    >>> _verb_position("plans", "County", False), _verb_position("burning", "County", False)
    (False, False)
    """
    if word.endswith(("s", "ing")):
        return False  # "Tolva plans": a third-person form after a name is as often a plural noun
    return _is_name(prev) and not prev_first


def _is_name(word: str) -> bool:
    """A capitalised word that may end a name ("Kesto", "County"), not a month, a day or "I"."""
    return word[:1].isupper() and word.isalpha() and word.lower() not in _NOT_NAMES


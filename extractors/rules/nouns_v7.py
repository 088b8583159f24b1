"""Version 7 (``class_nouns``): nouns of the event classes that the trigger lexicon lacks are events in
``rules`` too (guidelines 3.1: "nouns that name an occurrence"; 3.2): "a gas leak", "an audit", "the
signing", "a safety lapse", "irregularities". The nouns are the shared table's
(:func:`extractors.shared.verb_classes.noun_classes`), which spaCy's ``parse_triggers`` has read since
version 4 by its part of speech; ``rules`` takes the word as a noun where a determiner, a possessive, an
adjective or a noun stands before it, or it is plural, and never where it is a verb's form after a
subject, "to" or a modal ("they leak", "to audit": the verb tables say what those are).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.shared.inflection import noun_forms
from extractors.shared.verb_classes import noun_classes

# The marker of a trigger found here: its (type, subtype) is the noun class's.
CLASS_NOUN_TYPE = "CLASS_NOUN"
# Words after which a form is a verb, not a noun: "to", modals, auxiliaries, pronoun subjects.
_VERB_BEFORE = frozenset("to will would can could may might must shall should did does do not never "
                         "they we i you he she it".split())


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Word form (a noun class noun and its plural) -> lemma."""
    return {form: lemma for lemma in noun_classes() for form in noun_forms(lemma)}


@lru_cache(maxsize=1)
def _form_re() -> re.Pattern[str]:
    forms = sorted(_forms(), key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w’'-])", re.IGNORECASE)


def class_noun_triggers(text: str, taken: set[int]) -> list[tuple[int, int, tuple[str, str]]]:
    """The (start, end, (lemma, :data:`CLASS_NOUN_TYPE`)) of the event class nouns of ``text`` that are
    nouns where they stand (not at an offset in ``taken``: a trigger, a cue or a mention already).

    >>> text = "A gas leak forced an audit; they leak and we audit."
    >>> [text[s:e] for s, e, _ in class_noun_triggers(text, set())]
    ['leak', 'audit']
    """
    out = []
    for m in _form_re().finditer(text):
        word = m.group()
        if m.start() in taken or not word.islower():
            continue  # a capitalised form is a name's word ("Leak Street") or a headline's verb
        before = text[max(0, m.start() - 20):m.start()].split()
        if before and before[-1].lower() in _VERB_BEFORE:
            continue
        out.append((m.start(), m.end(), (_forms()[word], CLASS_NOUN_TYPE)))
    return out


def class_noun_sense(lemma: str) -> tuple[str, str | None, bool]:
    """The (type, subtype, is a noun) of a class noun trigger.

    >>> class_noun_sense("leak")
    ('DISASTER', 'accident', True)
    """
    etype, subtype = noun_classes()[lemma]
    return etype, subtype, True

"""Version 7 (``phrase_subjects``): the nearest actor before a verb is not its subject where a noun phrase
of its own stands right before the verb (guidelines 3.3: the agent is the verb's subject, read from the
clause): "The union said the trucks had arrived late" (the trucks arrived, not the union), "Residents
say the water tastes of metal". Version 2 took the nearest actor before the verb unless punctuation stood
between; version 3's clause reader (:class:`extractors.rules.clauses.ClauseReader`) is read first and is
left as it is: this only stops the fallback to distance.

A noun phrase is a determiner or a possessive ("the", "a", "its", "their", a number) and up to three
words, right before the verb and its auxiliaries; a coordinated verb ("... closed the mill and
dismissed") or a non-finite one ("... agreed to pay") shares its subject and is not stopped.
"""
from __future__ import annotations

import re

from extractors.rules.clauses import link_start

# A determiner or possessive opening a noun phrase of up to three more words that ends the gap.
_PHRASE_RE = re.compile(r"(?<![\w-])(?:the|a|an|this|these|those|its|his|her|their|our|some|many|most|"
                        r"several|no|every|each|[0-9][0-9,.]*)[ \t]+(?:[\w’'-]+[ \t]+){0,2}[\w’'-]+[ \t]*$",
                        re.IGNORECASE)
# Words that open a clause or a verb sharing the subject before it: no new subject after them.
_SHARED_RE = re.compile(r"(?<![\w-])(?:and|or|but|to|then)[ \t]*$")


def other_subject(text: str, subject_end: int, verb_start: int) -> bool:
    """Whether a noun phrase of its own stands between an actor ending at ``subject_end`` and the verb at
    ``verb_start``, which is then that phrase's verb.

    >>> text = "The union said the trucks had arrived late."
    >>> other_subject(text, 9, text.index("arrived")), other_subject(text, 9, text.index("said"))
    (True, False)
    >>> text = "The union closed the mill and dismissed staff."
    >>> other_subject(text, 9, text.index("dismissed"))
    False
    """
    pos = link_start(text, subject_end, verb_start)
    gap = text[subject_end:pos]
    if _SHARED_RE.search(gap.rstrip()):
        return False
    return _PHRASE_RE.search(gap) is not None

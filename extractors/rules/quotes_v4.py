"""Version 4 quote rules of the ``rules`` extractor (switches ``coordinated_cues`` and ``weak_cues``).

* ``coordinated_cues``: a second reporting verb joined to the first by "and" or "but" has content of its own
  and the subject of the first (guidelines 2: coordinated verbs share the subject mention): "X said A and
  insisted that B" is two quotes, "X called the plan “...” and said B" is a direct quote of X (cue
  "called") and an indirect one of X; a mixed quote ends at its closing mark when such a verb follows.
* ``weak_cues``: "wrote" and "posted" report speech before a "that" clause ("wrote on social media that"),
  or right after a quotation and its speaker (”, X wrote on social media); "called" and "described"
  report the quoted words that name their object ("called the decision “...”").
"""
from __future__ import annotations

import re

# Forms of the weak reporting verbs of writing, a cue before a "that" within six words.
_WRITE_FORMS = r"(?:wrote|writes|write|writing|posted|posts)"
WRITE_THAT_RE = re.compile(r"(?<![\w’'-])" + _WRITE_FORMS + r"(?=(?:[ \t]+[^\s,.;:\"“”]+){0,6}?[ \t]+that[ \t])")
# ”, X wrote: a writing verb right after the speaker of a quotation.
WRITE_WORDS = frozenset({"wrote", "writes", "posted"})
# Verbs that name their object by quoted words: "called the decision “...”", "described it as “...”".
NAMING_RE = re.compile(r"(?<![\w’'-])(?:called|calls|described|describes|branded|brands|dubbed)"
                       r"(?=(?:[ \t]+[^\s,.;:\"“”]+){1,5}[ \t]+[“\"])")
# What joins a second reporting verb to the first: "and", "but", with "also" or "then" ("and also said").
COORD_GAP_RE = re.compile(r"[ \t]*,?[ \t]*(?:and|but)(?:[ \t]+(?:also|then|later))?[ \t]+")


def weak_cue_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the writing and naming verbs that are cues where they stand.

    >>> t = 'She wrote on social media that it was over. He called the plan "a slow death" on Monday.'
    >>> [t[s:e] for s, e in weak_cue_spans(t)]
    ['wrote', 'called']
    """
    found = [m.span() for m in WRITE_THAT_RE.finditer(text)]
    found += [m.span() for m in NAMING_RE.finditer(text)]
    return sorted(found)


def coordinated_before(text: str, start: int, lower: int) -> int | None:
    """Where the coordinator ("and", "but") before the cue at ``start`` begins, or None when the cue
    is not joined to a verb before it (a comma before "and" is part of the coordinator).

    >>> t = "X said it rained and insisted that it did"
    >>> coordinated_before(t, t.index("insisted"), 0)
    16
    >>> coordinated_before("Y and Z said", 8, 0) is None
    True
    """
    for m in re.finditer(r"[ \t]*,?[ \t]*(?:and|but)[ \t]", text[lower:start]):
        if COORD_GAP_RE.fullmatch(text, lower + m.start(), start):
            return lower + m.start()
    return None

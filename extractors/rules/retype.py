"""Version 4: the type of a listed trigger chosen by its sentence where the guidelines decide between
two types by context (3.2.2: votes; contact against statements)."""
from __future__ import annotations

import re

from extractors.rules.fallback import fallback_sense

# Forms of a vote, a noun or a verb.
_VOTE_FORMS = frozenset("vote votes voted voting".split())
# Contact verbs whose event is a STATEMENT when what they say is reported (3.2.2 "Contact").
_CONTACT_LEMMAS = frozenset({"write", "speak", "talk"})
# What follows a contact verb when it is a contact, not a report: an addressee, a medium of contact.
_CONTACT_AFTER_RE = re.compile(r"\s*(?:\w+ly\s+)?(?:to|with|by phone|by telephone|by video)\b(?!\s+(?:the\s+)?"
                               r"(?:media|press|reporters|journalists|public)\b)", re.IGNORECASE)


def retyped(word: str, lemma: str, sense: tuple[str, str | None, bool], sentence: str,
            after: str) -> tuple[str, str | None, bool]:
    """The (type, subtype, is a noun) of a trigger from the table, corrected by its sentence: a vote is
    POLICY ``legislate`` unless the sentence is about an election to an office; "wrote", "spoke" are a
    STATEMENT unless an addressee or a medium of contact follows ("spoke by phone with X").

    >>> retyped("vote", "vote", ("PERSONNEL", "elect", True), "Workers backed the deal in a vote.", "")
    ('POLICY', 'legislate', True)
    >>> retyped("wrote", "write", ("MEET", "phone_write", False), "She wrote on social media that", " on social")
    ('STATEMENT', None, False)
    >>> retyped("wrote", "write", ("MEET", "phone_write", False), "She wrote to the mayor.", " to the mayor.")
    ('MEET', 'phone_write', False)
    """
    etype, subtype, is_noun = sense
    if word in _VOTE_FORMS and etype == "PERSONNEL":
        return (*fallback_sense("vote", sentence), is_noun)
    if lemma in _CONTACT_LEMMAS and etype == "MEET" and not is_noun and not _CONTACT_AFTER_RE.match(after):
        return "STATEMENT", None, is_noun
    return sense

"""Version 6 argument rules of the ``rules`` extractor (guidelines 3.3), for news of any topic:

* ``noun_preps``: the preposition after an event noun names its participant: "a statement from the
  police", "a loan from the bank", "a letter to the minister", "support for the mayor";
* ``fronted_media``: "In a statement, the company said ...": the speaker of the cue that follows is
  the agent of the fronted medium noun (version 4 read only "X said in a statement");
* ``addressee_to``: a STATEMENT verb's addressee after "to" ("reported the fraud to the regulator",
  "complained to the ombudsman"): the target (3.3, "the addressee of a statement").
"""
from __future__ import annotations

import bisect
import re

# The role of an actor after "from", "to" or "for" right after an event noun, by the noun's type.
# "from": the source of a statement, an accusation or a threat, the giver of help or money
# (TRANSACTION: "who gives, sells, pays or lends"), the other party of a call or letter (MEET).
# "to": the addressee of a statement or a threat, the receiver of help or money, a letter's other party.
# "for": whom help is for ("support for the mayor").
_NOUN_PREP_ROLES: dict[str, dict[str, str]] = {
    "from": {"STATEMENT": "agent", "ACCUSE": "agent", "THREATEN": "agent", "SUPPORT": "agent",
             "TRANSACTION": "agent", "MEET": "participant"},
    "to": {"STATEMENT": "target", "THREATEN": "target", "SUPPORT": "target", "TRANSACTION": "participant",
           "MEET": "participant"},
    "for": {"SUPPORT": "target"},
}
# What may stand between the preposition and the actor's mention: an article or nothing.
_PREP_GAP_RE = re.compile(r"\s*(from|to|for)(?:\s+(?:the|a|an))?\s*", re.IGNORECASE)


def noun_prep_role(etype: str, between: str) -> str | None:
    """The role of an actor after an event noun of type ``etype``, given the text ``between`` them.

    >>> noun_prep_role("STATEMENT", " from the "), noun_prep_role("SUPPORT", " for "), noun_prep_role("ATTACK", " from ")
    ('agent', 'target', None)
    >>> noun_prep_role("STATEMENT", " from its own ")
    """
    m = _PREP_GAP_RE.fullmatch(between)
    if m is None:
        return None
    return _NOUN_PREP_ROLES[m.group(1).lower()].get(etype)


# "In a statement," / "In a brief statement issued on Friday," opening a sentence, up to the noun.
_FRONTED_RE = re.compile(r"\s*(?:In|in)\s+(?:a|an|its|his|her|their|a\s+joint|a\s+written)(?:\s+[a-z]+)?\s+$")
# From the noun's end to the comma that closes the fronted phrase (a participle phrase may come first).
_FRONT_CLOSE_RE = re.compile(r"[^,.;:\"“”]{0,60},")


def fronted_cue(text: str, s_start: int, start: int, end: int, cues: list[tuple[int, int]],
                s_end: int) -> tuple[int, int] | None:
    """The end of the fronted phrase and the start of the reporting verb whose medium the noun at
    ``start``-``end`` names when the noun opens its sentence in a fronted phrase ("In a statement, X
    said"), else None. The speaker stands between the two ("In a statement sent to reporters, he said":
    not the reporters).

    >>> t = "In a statement, the firm said it would appeal."
    >>> fronted_cue(t, 0, 5, 14, [(25, 29)], len(t))
    (15, 25)
    >>> fronted_cue("The firm said in a statement, it ...", 0, 19, 28, [(9, 13)], 36) is None
    True
    """
    if _FRONTED_RE.fullmatch(text, s_start, start) is None:
        return None
    close = _FRONT_CLOSE_RE.match(text, end)
    if close is None:
        return None
    i = bisect.bisect_left(cues, (close.end(), close.end()))
    if i < len(cues) and cues[i][0] < s_end and cues[i][0] - close.end() <= 80:
        return close.end(), cues[i][0]
    return None


# After a STATEMENT verb: an object phrase of up to three words, then "to" before the addressee
# ("reported the missing funds to", "complained to", "wrote a letter to the").
_ADDRESSEE_RE = re.compile(
    r"(?:\s+(?:the|a|an|its|his|her|their)(?:\s+[a-z-]+){1,2})?\s+(?:directly\s+)?to(?:\s+the)?\s+")


def addressee_gap(between: str) -> bool:
    """Whether ``between`` (from a STATEMENT verb's end to an actor) leads to an addressee after "to".

    >>> addressee_gap(" the missing funds to the "), addressee_gap(" to "), addressee_gap(" he would go to the ")
    (True, True, False)
    """
    return _ADDRESSEE_RE.fullmatch(between) is not None

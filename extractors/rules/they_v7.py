"""Version 7 (``they_groups``): "they", "them", "their" are pronoun mentions of the group named last before
them (guidelines 1: pronouns are mentions; 1.2: a collective of people is an actor of its own, a set of
organisations or states one of theirs): "Residents queued for hours. They said ...", "the workers ... paid
them". Version 3 read a plural "they" only as the subject standing for a coordination ("X and Y said
they"), and made it no mention; that reading is kept: where two actors are coordinated nearer than the
group, the pronoun is left to it.

The antecedent is the last mention, within about two sentences, of an actor that is a group (a ``PER``
group, a group of organisations or of states); a pronoun with no group that near is no mention (it may
stand for things, "the trucks ... they", which are no actors), nor across a quotation mark (the pronoun
of a quote is whoever its speaker means: "..., and they will answer for it," he said).
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from extractors.shared.pronouns import add_mentions

# The third person plural pronouns (not "theirs", "themselves": rare in news and often emphatic).
_THEY_RE = re.compile(r"(?<![\w’'-])(?:[Tt]hey|[Tt]hem|[Tt]heir)(?![\w’'-])")
# Subtypes of the actors a plural pronoun refers to.
GROUP_SUBTYPES = frozenset({"group", "group_of_organisations", "group_of_states"})
# How far back (characters) a plural pronoun looks for its group: about two sentences.
THEY_REACH = 400
# A quotation mark between a group and the pronoun: the pronoun is in or after someone's own words,
# where "they" is whoever the speaker means (often no one the narrative named).
_QUOTE_MARKS_RE = re.compile(r"[\"“”]")
# Two actor mentions joined by "and" (with an optional comma): a coordination "they" may stand for.
_AND_RE = re.compile(r",?[ \t]+and[ \t]+(?:(?:the|a|an|his|her|its)[ \t]+)?")


def group_antecedent(text: str, start: int, mentions: list[tuple[int, int, str, bool]]) -> str | None:
    """The id of the group actor a plural pronoun at ``start`` refers to, or None. ``mentions`` are
    (start, end, actor id, is a group), sorted by start.

    >>> ms = [(0, 9, "a1", True), (31, 35, "a2", False)]
    >>> group_antecedent("Residents queued. An official, Ruiz, said they left.", 42, ms)
    'a1'
    >>> ms = [(0, 9, "a1", True), (18, 22, "a2", False), (27, 31, "a3", False)]
    >>> group_antecedent("Residents queued. Ruiz and Berg said they left.", 37, ms) is None
    True
    """
    i = bisect.bisect_left(mentions, (start,)) - 1
    later: tuple[int, int, str, bool] | None = None
    while i >= 0:
        s, e, ref, is_group = mentions[i]
        if start - e > THEY_REACH:
            return None
        if e <= start:
            if later is not None and not later[3] and not is_group and _AND_RE.fullmatch(text, e, later[0]):
                return None  # "X and Y said they": the coordination (version 3's reading)
            if is_group:
                return None if _QUOTE_MARKS_RE.search(text, e, start) else ref
            later = mentions[i]
        i -= 1
    return None


def add_they_mentions(text: str, actors: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """Add each plural pronoun that refers to a group actor to that actor's mentions (not one that
    overlaps a mention already); return the (start, end, actor id) added."""
    mentions = sorted((m["start"], m["end"], a["id"], a.get("subtype") in GROUP_SUBTYPES)
                      for a in actors for m in a["mentions"])
    taken = {m[0] for m in mentions}
    added = []
    for m in _THEY_RE.finditer(text):
        ref = None if m.start() in taken else group_antecedent(text, m.start(), mentions)
        if ref is not None:
            added.append((m.start(), m.end(), ref))
    add_mentions(text, actors, [(ref, start, end) for start, end, ref in added])
    return added

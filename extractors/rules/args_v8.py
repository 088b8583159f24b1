"""Version 8 (``clause_verbs``): the subject of a verb found by its clause position
(:mod:`extractors.rules.verbs_v8`) when the clause reader names none (guidelines 3.3: the agent is the
verb's subject).

An English noun phrase puts its head first and its modifiers after it: in "Porters at the cargo depot
in the north voted on Thursday" the subject of "voted" is "Porters", however many prepositional
phrases follow it. So a clause verb with no subject argument takes the head actor of the noun phrase
that opens its sentence (after a dateline, up to three words of determiners and modifiers before it;
"Chilean dock workers": the workers, not the demonym that modifies them), when no semicolon, colon or
quotation mark and no other verb or cue of the sentence stands between it and the verb.

``pp_subjects``: for the same reason the object of a preposition inside that opening noun phrase is no
subject ("Residents of San Tolvo protested", "Fishermen from Porto Vell blocked the harbour"): where a
verb's subject argument is such a mention, the head actor before the preposition takes its place
(guidelines 3.3: the agent is the one the sentence states as subject; versions 2 to 7 took the
nearest actor before the verb).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from extractors.rules.mentions import Ref
from extractors.shared.events import Arguments
from extractors.shared.events_v2 import subject_role

# What ends the opening words of a sentence: a dateline's dash or a slug's bracket.
_OPENING_END_RE = re.compile(r"(?:\s[-–—]\s|\)\s*[-–—]?\s*)")
# Punctuation that closes the subject's clause before the verb.
_CLAUSE_BREAK_RE = re.compile(r"[;:\"“”]")
# What may stand between a modifier mention and the head after it: lower-case words, no preposition.
_MODIFIER_GAP_RE = re.compile(r"(?:\s+(?!(?:of|in|at|on|for|from|with|by|to|and|or|near|after|before)\b)[a-z][\w-]*)*\s+")
# A preposition (and article) right before a mention: the mention is the object of a modifier.
_PREP_BEFORE_RE = re.compile(r"(?<![\w-])(?:of|in|at|from|near|on|across|around|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)
# How many words may stand before the opening actor ("The 2,000 striking workers").
MAX_OPENING_WORDS = 3


def opening_actor(text: str, s_start: int, before: list[Ref]) -> Ref | None:
    """The first actor mention of the sentence when it opens the sentence.

    >>> refs = [Ref(4, 11, "a1", True, False), Ref(19, 23, "l1", False, False)]
    >>> opening_actor("The workers at the mine voted.", 0, refs)
    Ref(start=4, end=11, ref='a1', is_actor=True, is_person=False)
    >>> opening_actor("Chilean dock workers voted.", 0, [Ref(0, 7, "a1", True, False), Ref(13, 20, "a2", True, False)]).ref
    'a2'
    >>> opening_actor("On a cold day in June the workers voted.", 0, [Ref(25, 32, "a1", True, False)]) is None
    True
    """
    first = next((r for r in before if r.is_actor), None)
    if first is None:
        return None
    opening = text[s_start:first.start]
    ends = list(_OPENING_END_RE.finditer(opening))
    if ends:
        opening = opening[ends[-1].end():]
    if "," in opening or len(opening.split()) > MAX_OPENING_WORDS:
        return None
    head = first
    for r in before[before.index(first) + 1:]:
        gap = text[head.end:r.start]
        if not r.is_actor or not _MODIFIER_GAP_RE.fullmatch(gap):
            break
        head = r  # "Chilean dock workers": the demonym modifies the head noun after it
    return head


class EventRulesV8:
    """The head subject of a clause verb, mixed into :class:`extractors.rules.events.EventFinder`."""

    text: str
    triggers: list[tuple[int, int, tuple[str, str]]]
    cues: list[tuple[int, int]]

    _trigger_between: Callable[[int, int], bool]  # the finder's (version 3): trigger and cue starts, bisected

    def _head_subject_v8(self, start: int, end: int, etype: str, lemma: str, subtype: str | None,
                         is_passive: bool, s_start: int, before: list[Ref], args: Arguments) -> None:
        """Give a clause verb at ``start`` the opening actor of its sentence as subject, when it has none."""
        role = subject_role(etype, lemma, is_passive, subtype)
        if role is None or any(a["role"] == role for a in args.items):
            return
        subject = opening_actor(self.text, s_start, before)
        if subject is None or _CLAUSE_BREAK_RE.search(self.text, subject.end, start):
            return
        if self._trigger_between(subject.end, start):
            return  # "The union said the mill closed": the finite verb has a subject of its own
        args.add(role, subject.ref)

    def _pp_subject_v8(self, start: int, etype: str, lemma: str, subtype: str | None, is_passive: bool,
                       s_start: int, before: list[Ref], args: Arguments) -> Arguments:
        """The arguments with a subject that is the object of a preposition in the opening noun phrase
        ("Residents of X protested": X) replaced by the phrase's head actor (the residents)."""
        role = subject_role(etype, lemma, is_passive, subtype)
        held = [a for a in args.items if a["role"] == role]
        if role is None or len(held) != 1:
            return args
        near = next((r for r in reversed(before) if r.ref == held[0]["ref"]), None)
        if near is None or not _PREP_BEFORE_RE.search(self.text, max(s_start, near.start - 16), near.start):
            return args
        head = opening_actor(self.text, s_start, before)
        if head is None or head.ref == near.ref or head.start >= near.start \
                or _CLAUSE_BREAK_RE.search(self.text, head.end, start) or self._trigger_between(head.end, start):
            return args
        return Arguments.of([{"role": role, "ref": head.ref} if a is held[0] else a for a in args.items])

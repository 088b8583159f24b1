"""Version 7 argument rules of the ``rules`` extractor: arguments read from the structure of the clause
rather than from distance, for news of any topic (guidelines 3.3).

``support_verbs``: an event noun that is the object of a support verb ("the union will hold a strike",
"she filed a complaint", "the two sides signed an agreement", "to launch the campaign") has the subject
of that verb as its agent (or participant): the verb only carries the act the noun names (guidelines 5 q,
the noun is the trigger). Support verbs are the light, aspectual and plan classes of the shared verb
table (:mod:`extractors.shared.verb_classes`) and the verbs of carrying out an act; a verb of any other
meaning ("criticised the strike", "welcomed the agreement", "called the result a defeat") says nothing
of who struck or agreed, and a negated one ("did not attend the meeting") names no participant.
"""
from __future__ import annotations

import re

from extractors.rules.patterns import WORD_RE
from extractors.shared.events import Arguments
from extractors.shared.verb_classes import stop_class
from extractors.shared.verbs import verb_lemma

# Verbs that carry out the act their object noun names: the light and support, aspectual and plan
# classes of the shared table, and the verbs of organising, signing and attending an act.
SUPPORT_LEMMAS: frozenset[str] = (
    stop_class("light and support") | stop_class("aspectual") | stop_class("wish, plan and attempt")
    | frozenset("have do organise organize stage mount lodge open host attend join announce threaten vow pledge".split())
) - frozenset({"be", "receive", "get", "become", "seem", "appear", "remain", "stay", "let", "go", "come",
               "decline", "fail", "end", "stop", "cease"})
# Words that may stand between a support verb and its event noun: determiners, possessives, numbers.
_DETERMINERS = frozenset("a an the its his her their our this that these those another new first second "
                         "fresh further formal joint".split())
# Forms of "be" and "have" before a participle: a passive ("a complaint was filed") has no subject agent.
_BE_FORMS = frozenset("is are was were be been being".split())
# A negation before the verb: the act did not take place, and the subject is none of its participants.
_NEGATIONS = frozenset("not never n't".split())
# How many modifiers may stand between the determiner and the noun ("a two-day national strike").
MAX_MODIFIERS = 3
_BREAK_RE = re.compile(r"[,;:()\"“”—–]")


def support_verb_before(text: str, lo: int, start: int) -> int | None:
    """The start of the support verb whose object is the event noun at ``start`` ("filed a formal
    complaint"), or None when the noun is no such object (a preposition, a passive, another verb).

    >>> text = "The union will hold a two-day strike."
    >>> text[support_verb_before(text, 0, 29):][:4]
    'hold'
    >>> support_verb_before("It criticised the strike.", 0, 18) is None
    True
    >>> support_verb_before("A complaint was filed after the strike.", 0, 32) is None
    True
    """
    words = list(WORD_RE.finditer(text, lo, start))
    modifiers = 0
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if _BREAK_RE.search(text, w.end(), words[i + 1].start() if i + 1 < len(words) else start):
            return None
        word = w.group().lower()
        lemma = verb_lemma(word)
        if lemma in SUPPORT_LEMMAS and (i == 0 or not w.group()[0].isupper()):
            before = words[i - 1].group().lower() if i > 0 else ""
            if before in _NEGATIONS or (before in _BE_FORMS and word.endswith(("ed", "en", "n"))):
                return None  # "did not attend the meeting": no act; "a complaint was filed": a passive
            return w.start()
        if word in _DETERMINERS or word.isdigit():
            continue
        if lemma is not None or w.group()[0].isupper() or word.endswith(("’s", "'s")):
            return None  # another verb ("criticised the strike"), a name, a possessor (read by the owner rule)
        modifiers += 1
        if modifiers > MAX_MODIFIERS:
            return None
    return None


class EventRulesV7:
    """Version 7 argument rules of :class:`extractors.rules.events.EventFinder`, called behind their switches."""

    text: str

    def _support_verb_subjects(self, start: int, role: str, args: Arguments) -> None:
        """``support_verbs``: the subjects of the support verb whose object is the event noun at ``start``
        take the noun's subject role ("X filed a complaint": X is its agent)."""
        s_start = self.sentences.of(start)[0]  # type: ignore[attr-defined]
        verb = support_verb_before(self.text, s_start, start)
        if verb is None:
            return
        for r in self._subjects_v3(verb):  # type: ignore[attr-defined]
            args.add(role, r.ref)

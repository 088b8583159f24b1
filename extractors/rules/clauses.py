"""Version 3 of the ``rules`` extractor: who an event's subject is, read from the clause around the
verb without a parser (guidelines 3.3 and 1.4).

Version 2 takes the nearest actor before a verb unless a comma stands between them. Here the words
between are read: auxiliaries and adverbs are skipped; a parenthesis set off by commas is passed
over ("Ana Ruiz, the minister, said": an apposition; "Ruiz, who led the talks, said": a relative
clause); "X, who had asked" makes X the subject of the relative clause; coordinated actors ("Ana
Ruiz and Tomas Berg said", "Ruiz and her deputy, Tomas Berg, said") are all subjects; a plural "they"
stands for the last such coordination before it (1.4: two coordinated antecedents).
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator, Sequence

from extractors.rules.mentions import Ref
from extractors.rules.patterns import AUXILIARIES, WORD_RE
from extractors.shared.textscan import ends_with_comma, stripped_end

# Words that may stand between a subject and its verb: auxiliaries, negations, a few adverbs
# (any word ending in "-ly" too).
LINK_WORDS = AUXILIARIES | frozenset(
    "be been being shall cannot still both all each jointly reportedly allegedly previously recently "
    "earlier immediately later soon first finally only just even now once".split())
# Prepositions that may govern a place argument (:func:`extractors.shared.events.place_role` reads them).
PLACE_WORDS_BEFORE = frozenset("in at near inside across outside around throughout within on to into from "
                               "towards toward via between".split())
# The words that open a relative clause after a subject.
RELATIVES = frozenset({"who", "which", "whose"})
# A parenthesis between a subject and its verb: at most this many words.
MAX_PARENTHESIS_WORDS = 12
# What ends the search back from a parenthesis for the noun phrase it belongs to.
_PHRASE_BREAK_RE = re.compile(r"(?:[,;:—–(\"“”]|\band\b)")
# "X and", "X, Y and" before a noun phrase: the actors coordinated with it.
_AND_BEFORE_RE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
# Between a head noun and the actor of its prepositional modifier: "at the", "from a", "of the state".
_OF_PHRASE_RE = re.compile(r"[ \t]+(?:at|of|from|in|for|with)[ \t]+(?:(?:the|a|an|its|their)[ \t]+)?(?:[a-z][a-z-]*[ \t]+){0,2}")
# A place phrase that ends a subject's noun phrase ("... in Tolu", "... near Port Ruvo").
_PLACE_TAIL_RE = re.compile(r"[ \t]+(?:in|at|near|from)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3}")
PLURAL_PRONOUNS = frozenset({"they", "They"})
# How far back (characters) a "they" looks for its coordinated antecedents: about two sentences.
THEY_WINDOW = 400


def link_start(text: str, lo: int, start: int) -> int:
    """The offset where the auxiliaries and adverbs right before ``start`` begin (``start`` if none).

    >>> text = "Ana has also said"
    >>> text[:link_start(text, 0, 13)]
    'Ana '
    """
    words = list(WORD_RE.finditer(text, lo, start))
    pos = start
    for w in reversed(words):
        word = w.group().lower()
        if text[w.end():pos].strip():
            break  # punctuation between two link words ends the run
        if word not in LINK_WORDS and not word.endswith("ly"):
            break
        pos = w.start()
    return pos


class ClauseReader:
    """The subjects of verbs in one text, given its actor and location mentions (sorted by offset)."""

    def __init__(self, text: str, refs: Sequence[Ref], of_heads: bool = False, conjuncts: bool = False):
        self.text = text
        self.refs = [r for r in refs if r.is_actor]
        # the starts, sorted as ``refs`` is: a look-up by offset starts here by binary search instead of
        # walking from the article's end (which made every look-up cost the whole article)
        self._starts = [r.start for r in self.refs]
        # version 4 (``speaker_nouns``): "an official at X, who ..., said": the head noun is the subject
        self.of_heads = of_heads
        # version 4 (``first_conjunct``): "X and the head of Y, Z, said": X is coordinated with Z
        self.conjuncts = conjuncts

    def actor_ending(self, end: int, lo: int) -> Ref | None:
        """The actor mention whose end is ``end`` once trailing spaces are dropped (not before ``lo``)."""
        end = stripped_end(self.text, end)
        for r in self._before(end):
            if r.end == end and r.start >= lo:
                return r
            if r.end < end:
                return None
        return None

    def _before(self, offset: int, lo: int = 0) -> Iterator[Ref]:
        """The actor mentions that start in [lo, offset], last first: those after ``offset`` (whose end
        is past it too) are what every backward walk of this class passed over, and those before ``lo``
        what it tested in vain."""
        for i in range(bisect.bisect_right(self._starts, offset) - 1, -1, -1):
            if self.refs[i].start < lo:
                return
            yield self.refs[i]

    def actor_spanning(self, start: int, end: int) -> Ref | None:
        """The actor mention that is exactly the text between ``start`` and ``end`` (spaces aside)."""
        chunk = self.text[start:end]
        s = start + len(chunk) - len(chunk.lstrip())
        e = start + len(chunk.rstrip())
        i = bisect.bisect_left(self._starts, s)
        return next((r for r in self.refs[i:bisect.bisect_right(self._starts, s)] if r.end == e), None)

    def subjects(self, s_start: int, start: int) -> list[Ref]:
        """The actors that are the subject of the verb at ``start``, or [] when the clause does not say.

        >>> refs = [Ref(0, 8, "a1", True, True), Ref(13, 23, "a2", True, True)]
        >>> [r.ref for r in ClauseReader("Ana Ruiz and Tomas Berg have said", refs).subjects(0, 29)]
        ['a1', 'a2']
        >>> refs = [Ref(0, 4, "a1", True, True), Ref(18, 22, "a2", True, True)]
        >>> reader = ClauseReader("Ruiz, who had met Berg in March, resigned", refs)
        >>> [r.ref for r in reader.subjects(0, 33)], [r.ref for r in reader.subjects(0, 14)]
        (['a1'], ['a1'])
        """
        text = self.text
        pos = link_start(text, s_start, start)
        head = text[s_start:pos].rstrip()
        end = s_start + len(head)
        if not head:
            return []
        direct = self.actor_ending(end, s_start)
        if direct is not None:
            return self.coordinated(direct, direct.start, s_start)
        if head.endswith(","):
            return self._through_parenthesis(s_start, end - 1)
        last = head.split()[-1]
        if last in PLURAL_PRONOUNS:
            return self.antecedents_of_they(end - len(last))
        if last in RELATIVES:  # "Ruiz, who had asked": the relative pronoun's antecedent
            comma = stripped_end(text, end - len(last))
            if text[comma - 1:comma] == ",":
                antecedent = self.actor_ending(comma - 1, s_start)
                return [antecedent] if antecedent is not None else []
        return []

    def _through_parenthesis(self, s_start: int, close: int) -> list[Ref]:
        """The subject before a parenthesis closed by the comma at ``close``: "X, who ..., V", "X, the
        minister, V", "A teacher, Ana Ruiz, was named" (the name inside is the subject)."""
        text = self.text
        open_ = text.rfind(",", s_start, close)
        if open_ < 0:
            return []
        inner = text[open_ + 1:close]
        words = inner.split()
        if not words or len(words) > MAX_PARENTHESIS_WORDS or any(c in inner for c in ";:—–\"“”"):
            return []
        before = self.actor_ending(open_, s_start)
        if before is None and self.of_heads:  # "a delegate from a congregation in Tolu, who ..."
            before = next((r for r in self._before(open_, s_start) if r.end < open_
                           and _PLACE_TAIL_RE.fullmatch(text, r.end, open_)), None)
        if before is not None and self.of_heads:
            before = self.head_of(before, s_start)
        if before is not None:
            return self.coordinated(before, before.start, s_start)
        if words[0].lower() in RELATIVES:
            return []
        named = self.actor_spanning(open_ + 1, close)
        if named is None:
            return []
        return self.coordinated(named, self._phrase_start(s_start, open_), s_start)

    def head_of(self, ref: Ref, lo: int) -> Ref:
        """The actor whose noun phrase ``ref`` ends as a prepositional modifier ("official at the
        Treasury", "a delegate from a congregation"), or ``ref`` itself.

        >>> refs = [Ref(3, 11, "a1", True, True), Ref(19, 27, "a2", True, False)]
        >>> ClauseReader("An official at the Treasury", refs).head_of(refs[1], 0).ref
        'a1'
        """
        for r in self._before(ref.start, lo):
            if r.end <= ref.start and r.start >= lo:
                return r if _OF_PHRASE_RE.fullmatch(self.text, r.end, ref.start) else ref
        return ref

    def _phrase_start(self, s_start: int, open_: int) -> int:
        """Where the noun phrase before the comma at ``open_`` starts: after the last "and", comma or
        other break before it, or at the sentence start."""
        breaks = [m.end() for m in _PHRASE_BREAK_RE.finditer(self.text, s_start, open_)]
        start = breaks[-1] if breaks else s_start
        # Version 3 stepped back onto the "and", so that the coordination before it was never seen.
        if self.text[start - 3:start] == "and" and not self.conjuncts:
            start -= 3
        while start < open_ and self.text[start].isspace():
            start += 1
        return start

    def coordinated(self, ref: Ref, phrase_start: int, lo: int) -> list[Ref]:
        """``ref`` and the actors coordinated before its phrase: "X and Y", "X, Y and Z".

        >>> refs = [Ref(0, 4, "a1", True, True), Ref(9, 13, "a2", True, True)]
        >>> [r.ref for r in ClauseReader("Ruiz and Berg", refs).coordinated(refs[1], 9, 0)]
        ['a1', 'a2']
        """
        found = [ref]
        pos = phrase_start
        while True:
            m = _AND_BEFORE_RE.search(self.text, lo, pos)
            if m is None or m.start() == m.end():
                break
            prev = self.actor_ending(m.start(), lo)
            if prev is None or prev in found:
                break
            found.insert(0, prev)
            if "and" in m.group():
                break  # "X, Y and Z": the list is read back to its "and", then one comma at a time
            pos = prev.start
        return found

    def antecedents_of_they(self, pronoun: int) -> list[Ref]:
        """The coordinated actors a plural "they" at ``pronoun`` stands for: the last "X and Y" before
        it, within about two sentences and the same paragraph, or [] when there is none."""
        lo = max(0, pronoun - THEY_WINDOW)
        para = self.text.rfind("\n\n", lo, pronoun)
        lo = para + 2 if para >= 0 else lo
        for r in self._before(pronoun):
            if r.end > pronoun:
                continue
            if r.start < lo:
                break
            group = self._group_of(r, lo)
            if len(group) > 1:
                return group
        return []

    def _group_of(self, r: Ref, lo: int) -> list[Ref]:
        """``r`` with its coordinated actors, also when ``r`` is the name in an apposition ("X and her
        deputy, Y")."""
        group = self.coordinated(r, r.start, lo)
        if len(group) > 1:
            return group
        text = self.text
        if ends_with_comma(text, r.start):
            open_ = stripped_end(text, r.start) - 1
            return self.coordinated(r, self._phrase_start(lo, open_), lo)
        return group


# Words a place's noun phrase may hold between its preposition and the place: articles, possessive
# determiners, "of" ("the towns of X"), numbers.
_PHRASE_WORDS = frozenset("the a an its their his her our this that these those of".split())
# How many words back from a place its preposition may stand ("at the union's main regional offices").
PREPOSITION_REACH = 6


def place_preposition(text: str, lo: int, start: int) -> str:
    """The preposition that governs the place mention at ``start``, read back over the words of its
    noun phrase (articles, possessives, lower-case modifiers, "of"), or "" when there is none.

    >>> text = "They met at the union's main offices in the town of Tolu."
    >>> place_preposition(text, 0, text.index("offices")), place_preposition(text, 0, text.index("Tolu"))
    ('at', 'in')
    >>> place_preposition("Ruiz beat Tolu.", 0, 10)
    ''
    """
    words = WORD_RE.findall(text, max(lo, start - 80), start)
    for word in list(reversed(words))[:PREPOSITION_REACH]:
        lower = word.lower()
        if lower in PLACE_WORDS_BEFORE:
            return lower
        if lower in _PHRASE_WORDS or lower.endswith(("’s", "'s")) or word.isdigit() or (
                word.islower() and lower not in LINK_WORDS):
            continue
        break
    return ""

"""Version 8 (``after_mark_cues``, ``joined_clauses``): reported speech after the quotation marks of a sentence (guidelines 2:
a quote is a cue with a finite clause, with or without quotation marks elsewhere in the sentence).

Version 1 reads a sentence that holds quotation marks only for its direct and mixed quotes (version 4
added the cues joined to them by "and"). News often goes on after the closing mark with a cue of its
own and a clause without marks: '"We will appeal," the mayor said, adding that the council would meet
on Friday'; 'She said the ward would stay open "for now," but he added that pay would follow'. Such a
cue after the sentence's last quotation mark, with a clause opened by "that" after it, makes an
indirect quote, its speaker found as for any indirect quote.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

# "that" right before the content: only an explicit complementizer opens the clause here, since the
# first cue after the marks is most often the direct quote's own ('"...," she told the panel').
_THAT_END_RE = re.compile(r"\bthat\s+$")
# A comma or semicolon and a coordinator that open a new main clause inside a content ("..., but").
_JOINED_RE = re.compile(r"(?:,|;)[ \t]+(?:but|and|while|whereas|yet)[ \t]+")
# ``adverbial_that``: a prepositional or time phrase of up to eight words between a cue and "that"
# ("said in a television interview last month that", "announced at a briefing in the capital that").
ADVERBIAL_THAT_RE = re.compile(r"[ \t]+(?:in|at|on|during|after|before|last|this|earlier|later|by|via|over|through)"
                               r"(?:[ \t]+[^\s,.;:\"“”]+){0,7}?[ \t]+that[ \t]+")
# Quotation marks, straight and curly.
_MARKS = ('"', "“", "”")


def last_mark_end(text: str, start: int, end: int) -> int:
    """The offset after the last quotation mark in ``text[start:end]`` (``start`` when there is none).

    >>> last_mark_end('"No," she said, adding that', 0, 27)
    5
    """
    return max(start, *(text.rfind(m, start, end) + 1 for m in _MARKS))


class QuoteRulesV8:
    """Indirect quotes after the marks, mixed into :class:`extractors.rules.quotes.QuoteFinder`."""

    text: str
    cues: list[tuple[int, int]]

    def _after_mark_quotes(self, i: int, s_start: int, body_end: int,
                           joined: list[tuple[int, tuple[int, int]]]) -> Iterator[dict[str, Any]]:
        """The first indirect quote of a cue after the last quotation mark of the sentence (from the
        sentence's cue ``i`` on), unless a coordinated cue already gave it one."""
        after = last_mark_end(self.text, s_start, body_end)
        taken = {cue for _, cue in joined}
        for cue in self.cues[i:]:
            if cue[0] >= body_end:
                return
            if cue[0] < after or cue in taken:
                continue
            q = self._indirect_at(cue[0], cue[1], after, body_end)  # type: ignore[attr-defined]
            if q is not None and _THAT_END_RE.search(self.text, cue[1], q["content"]["start"]):
                yield q
                return

    def _clause_of_later_cue(self, q: dict[str, Any], i: int, body_end: int) -> bool:
        """``joined_clauses``: whether the content of the quote of cue ``i`` holds, after ", but" (", and",
        "; while"), a later cue that has a quote of its own with a speaker: "X announced a fund in 2022,
        but growers say little of it has arrived" reports the growers, and the fund after "announced" is
        its object, no clause (guidelines 2: a noun phrase complement is no quote)."""
        start, end = q["content"]["start"], q["content"]["end"]
        if _THAT_END_RE.search(self.text, max(0, start - 6), start):
            return False  # "said that A, but B say ...": a that-clause is reported speech whatever it holds
        for cue in self.cues[i + 1:]:
            if cue[0] >= end:
                return False
            joined = list(_JOINED_RE.finditer(self.text, start, cue[0]))
            if not joined:
                continue
            inner = self._indirect_at(cue[0], cue[1], joined[-1].end(), body_end)  # type: ignore[attr-defined]
            if inner is not None and inner["speaker"] is not None:
                return True
        return False


def adverbial_that(text: str, cue_end: int, limit: int) -> int | None:
    """``adverbial_that``: where the content starts after a cue, an adverbial phrase and "that", or None.

    >>> text = 'She said in a television interview last month that the region "cannot wait".'
    >>> text[adverbial_that(text, 8, len(text)):][:10]
    'the region'
    >>> adverbial_that("He said the plan that they made was wrong.", 7, 42) is None
    True
    """
    m = ADVERBIAL_THAT_RE.match(text, cue_end, limit)
    return None if m is None else m.end()

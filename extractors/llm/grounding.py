"""Grounding: find the text spans a model returned in the article, and say how each was found.

Three methods, tried in order, each recorded per span:

* ``exact``: the string occurs verbatim;
* ``normalised``: it occurs once curly quotes, dashes, whitespace runs and case are normalised
  (models often straighten quotes or re-flow whitespace);
* ``fuzzy``: rapidfuzz's best partial alignment scores at least ``fuzzy_threshold`` (a model
  that dropped or changed a word); the span is widened to whole words.

A string that occurs several times is placed at the first unused occurrence after the previous
span of the same list (mentions of one entity, quotes, event triggers are asked for in reading
order), so repeated mentions go to successive occurrences, not all to the first.
What cannot be grounded is dropped and reported, never guessed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

Offsets = tuple[int, int]
METHODS = ("exact", "normalised", "fuzzy")

# Characters a model commonly substitutes; each maps to one character so offsets map back 1:1.
_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u2026": ".", "\u00a0": " ",
    }
)
_QUOTE_MARKS = "\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb"
MIN_FUZZY_CHARS = 8  # shorter strings match almost anything fuzzily


def _fold_char(c: str) -> str:
    c = c.translate(_FOLD)
    low = c.lower()
    return low if len(low) == 1 else c


def normalise(s: str) -> tuple[str, list[int]]:
    """Fold quotes, dashes and case, collapse whitespace runs; return the string and, per
    character, its index in ``s``.

    >>> normalise("A \\u201cB\\u201d  c")
    ('a "b" c', [0, 1, 2, 3, 4, 5, 7])
    """
    out: list[str] = []
    index: list[int] = []
    for i, c in enumerate(s):
        if c.isspace():
            if out and out[-1] == " ":
                continue
            out.append(" ")
        else:
            out.append(_fold_char(c))
        index.append(i)
    return "".join(out), index


def clean_needle(s: str, *, strip_quotes: bool = False) -> str:
    """Trim whitespace and, for direct quote contents, the enclosing quotation marks.

    Only marks that enclose the content are removed: a pair at both ends, or one unmatched mark at
    one end. A mixed quote that ends with a quoted fragment keeps its closing mark.

    >>> clean_needle("\u201cWe stay,\u201d", strip_quotes=True)
    'We stay,'
    >>> clean_needle("it is ready for \u201cany threat,\u201d", strip_quotes=True)
    'it is ready for \u201cany threat,\u201d'
    >>> clean_needle("We stay,\u201d", strip_quotes=True)
    'We stay,'
    """
    s = s.strip()
    if not strip_quotes or not s:
        return s
    marks = sum(c in _QUOTE_MARKS for c in s)
    opens, closes = s[0] in _QUOTE_MARKS, s[-1] in _QUOTE_MARKS
    if len(s) > 1 and opens and closes:
        return s[1:-1].strip()
    if marks % 2 == 1 and opens:
        return s[1:].strip()
    if marks % 2 == 1 and closes:
        return s[:-1].strip()
    return s


@dataclass(frozen=True)
class Needle:
    """What to find: ``text``, and optionally the ``context`` around it (``text`` at ``at`` in it)."""

    text: str
    context: str | None = None
    at: int = 0


_MARKED = re.compile(r"^(.*?)\[([^\[\]]+)\](.*)$", re.DOTALL)
MAX_CONTEXT_WORDS = 8


def parse_needle(s: str, *, strip_quotes: bool = False) -> Needle:
    """A model's string: plain words, or up to 8 words of context with the words meant in [brackets].

    >>> parse_needle("threats from [Velgrad] or Tarsk")
    Needle(text='Velgrad', context='threats from Velgrad or Tarsk', at=13)
    >>> parse_needle("Velgrad")
    Needle(text='Velgrad', context=None, at=0)
    """
    m = _MARKED.match(s.strip())
    if not m:
        return Needle(clean_needle(s, strip_quotes=strip_quotes))
    before, inner, after = m.groups()
    inner_clean = clean_needle(inner, strip_quotes=strip_quotes)
    if not inner_clean:
        return Needle(clean_needle(before + after, strip_quotes=strip_quotes))
    lead = inner.index(inner_clean) if inner_clean in inner else 0
    return Needle(inner_clean, before + inner + after, len(before) + lead)


@dataclass(frozen=True)
class Located:
    """A grounded span (offsets into the searched text) and how it was found."""

    start: int
    end: int
    method: str


class Grounder:
    """Finds strings in one text; build once per text (the normalised copy is computed once)."""

    def __init__(self, text: str, *, fuzzy_threshold: float = 90.0):
        self.text = text
        self.fuzzy_threshold = fuzzy_threshold
        self._norm, self._index = normalise(text)

    def candidates(self, needle: str, *, after: int = 0) -> tuple[str, list[Offsets]]:
        """Every occurrence of ``needle`` by the first method that finds one; ``("", [])`` if none."""
        if not needle:
            return "", []
        exact = _prefer_words(self.text, _all(self.text, needle), needle)
        if exact:
            return "exact", exact
        norm_needle = normalise(needle)[0].strip()
        if norm_needle:
            spans = [self._to_text(s, e) for s, e in _all(self._norm, norm_needle)]
            spans = _prefer_words(self.text, spans, needle)
            if spans:
                return "normalised", spans
        if len(norm_needle) >= MIN_FUZZY_CHARS:
            found = self._fuzzy(norm_needle, after)
            if found:
                return "fuzzy", [found]
        return "", []

    def spans(self, needle: Needle, *, after: int = 0) -> tuple[str, list[Offsets]]:
        """Every place ``needle`` may mean: inside each occurrence of its context when it has one
        (falling back to the bare words when the context is not found), else each occurrence."""
        if needle.context:
            method, contexts = self.candidates(needle.context, after=after)
            inner = [s for c in contexts if (s := self._inside(needle, c, method)) is not None]
            if inner:
                return method, inner
        return self.candidates(needle.text, after=after)

    def _inside(self, needle: Needle, ctx: Offsets, method: str) -> Offsets | None:
        """The mention inside one occurrence of its context."""
        start = ctx[0] + needle.at
        if method == "exact" and self.text[start : start + len(needle.text)] == needle.text:
            return start, start + len(needle.text)
        sub = Grounder(self.text[ctx[0] : ctx[1]], fuzzy_threshold=self.fuzzy_threshold)
        _, found = sub.candidates(needle.text)
        if not found:
            return None
        rel = min(found, key=lambda s: abs(s[0] - needle.at))
        return rel[0] + ctx[0], rel[1] + ctx[0]

    def place(
        self, needle: Needle, *, after: int = 0, used: set[Offsets] | None = None, own: list[Offsets] | None = None
    ) -> Located | None:
        """Like :meth:`find`, for a :class:`Needle` that may carry context."""
        method, spans = self.spans(needle, after=after)
        return _pick(method, spans, after, used, own)

    def find(
        self, needle: str, *, after: int = 0, used: set[Offsets] | None = None, own: list[Offsets] | None = None
    ) -> Located | None:
        """Ground ``needle`` at its first unused occurrence at or after ``after`` (else the first unused one).

        ``used`` spans are taken (by this list); ``own`` spans belong to the same entity, which never
        nests in itself, so occurrences overlapping them are skipped.

        >>> g = Grounder("Ruiz spoke. Later Ruiz left.")
        >>> g.find("Ruiz", after=4)
        Located(start=18, end=22, method='exact')
        >>> g.find("ruiz  LEFT")
        Located(start=18, end=27, method='normalised')
        """
        method, spans = self.candidates(needle, after=after)
        return _pick(method, spans, after, used, own)

    def find_near(self, needle: Needle | str, anchor: Offsets, *, after: bool = False, window: int = 250) -> Located | None:
        """Ground ``needle`` at the occurrence closest to ``anchor`` (a cue next to its quote), within
        ``window``; on a tie, the one after the anchor when ``after`` (direct quotes: '"...," she said')."""
        method, spans = self.spans(needle if isinstance(needle, Needle) else Needle(needle), after=anchor[0])
        outside = [s for s in spans if s[1] <= anchor[0] or s[0] >= anchor[1]] or spans
        if not outside:
            return None
        best = min(outside, key=lambda s: (_distance(s, anchor), (s[0] >= anchor[1]) != after))
        if _distance(best, anchor) > window:
            return None
        return Located(best[0], best[1], method)

    def _to_text(self, ns: int, ne: int) -> Offsets:
        return self._index[ns], self._index[ne - 1] + 1

    def _fuzzy(self, needle: str, after: int) -> Offsets | None:
        # Search after the cursor first so that ordering holds for fuzzy matches too.
        norm_after = bisect.bisect_left(self._index, after)
        for lo in dict.fromkeys((norm_after, 0)):
            hay = self._norm[lo:]
            if len(hay) < len(needle) // 2:
                continue
            al = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=self.fuzzy_threshold)
            if al is not None and al.dest_end > al.dest_start:
                start, end = self._to_text(lo + al.dest_start, lo + al.dest_end)
                return _widen(self.text, start, end)
        return None


def _pick(
    method: str, spans: list[Offsets], after: int, used: set[Offsets] | None, own: list[Offsets] | None
) -> Located | None:
    """The first free span at or after ``after`` (else the first free one): not taken already
    (``used``), not overlapping a mention of the same entity (``own``: an entity never nests in itself)."""
    used = used or set()
    own = own or []
    free = [s for s in spans if s not in used and not any(s[0] < o[1] and o[0] < s[1] for o in own)]
    pool = [s for s in free if s[0] >= after] or free
    if not pool:
        return None
    start, end = pool[0]
    return Located(start, end, method)


def _all(hay: str, needle: str) -> list[Offsets]:
    spans, i = [], hay.find(needle)
    while i != -1:
        spans.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return spans


def _prefer_words(text: str, spans: list[Offsets], needle: str) -> list[Offsets]:
    """Occurrences that start and end on word boundaries ("Lee" not inside "Leeds"), when there are any."""
    whole = [
        (s, e)
        for s, e in spans
        if (s == 0 or not (text[s - 1].isalnum() and needle[0].isalnum()))
        and (e == len(text) or not (text[e].isalnum() and needle[-1].isalnum()))
    ]
    return whole or spans


def _widen(text: str, start: int, end: int) -> Offsets | None:
    """Extend a fuzzy span to whole words and trim whitespace at its edges."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _distance(span: Offsets, anchor: Offsets) -> int:
    if span[1] <= anchor[0]:
        return anchor[0] - span[1]
    if span[0] >= anchor[1]:
        return span[0] - anchor[1]
    return 0



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
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractors.llm.response import Answer

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
    """Trim whitespace (and, for quote contents, enclosing quotation marks) from a model's string."""
    s = s.strip()
    if strip_quotes:
        s = s.strip(_QUOTE_MARKS).strip()
    return s


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
        if not spans:
            return None
        used = used or set()
        own = own or []
        free = [s for s in spans if s not in used and not any(s[0] < o[1] and o[0] < s[1] for o in own)]
        pool = [s for s in free if s[0] >= after] or free
        if not pool:
            return None
        start, end = pool[0]
        return Located(start, end, method)

    def find_near(self, needle: str, anchor: Offsets, *, after: bool = False, window: int = 250) -> Located | None:
        """Ground ``needle`` at the occurrence closest to ``anchor`` (a cue next to its quote), within
        ``window``; on a tie, the one after the anchor when ``after`` (direct quotes: '"...," she said')."""
        method, spans = self.candidates(needle, after=anchor[0])
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


@dataclass
class Entity:
    """An actor or location with grounded mention offsets (into the whole article)."""

    name: str
    type: str
    mentions: list[Offsets]


@dataclass
class GroundedQuote:
    content: Offsets
    speaker: str | None
    kind: str
    cue: Offsets | None


@dataclass
class GroundedEvent:
    type: str
    trigger: Offsets
    arguments: list[tuple[str, str]]
    polarity: str | None
    modality: str | None


@dataclass
class Grounded:
    """An answer grounded in the article: offsets instead of strings, plus the alignment record."""

    actors: list[Entity] = field(default_factory=list)
    locations: list[Entity] = field(default_factory=list)
    quotes: list[GroundedQuote] = field(default_factory=list)
    events: list[GroundedEvent] = field(default_factory=list)
    methods: Counter = field(default_factory=Counter)
    dropped: list[dict[str, str]] = field(default_factory=list)


def ground_answer(answer: Answer, text: str, *, offset: int = 0, fuzzy_threshold: float = 90.0) -> Grounded:
    """Ground every string of ``answer`` in ``text``; offsets in the result are shifted by ``offset``
    (the position of ``text`` in the whole article when it is a chunk).

    >>> from extractors.llm.response import Answer
    >>> a = Answer.model_validate({"actors": [{"name": "Ana Ruiz", "type": "PER", "mentions": ["Ruiz", "Ruiz"]}],
    ...     "locations": [], "quotes": [], "events": []})
    >>> ground_answer(a, "Ruiz came. Ruiz went.").actors[0].mentions
    [(0, 4), (11, 15)]
    """
    g = Grounder(text, fuzzy_threshold=fuzzy_threshold)
    out = Grounded()

    def locate(
        needle: str, path: str, *, after: int = 0, used: set[Offsets] | None = None, own: list[Offsets] | None = None
    ) -> Located | None:
        found = g.find(needle, after=after, used=used, own=own) if needle else None
        if found is None:
            out.dropped.append({"path": path, "text": needle})
            return None
        out.methods[found.method] += 1
        return found

    for kind, items, target in (("actors", answer.actors, out.actors), ("locations", answer.locations, out.locations)):
        used: set[Offsets] = set()
        for i, item in enumerate(items):
            spans: list[Offsets] = []
            cursor = 0
            for j, mention in enumerate(item.mentions):
                found = locate(clean_needle(mention), f"{kind}[{i}].mentions[{j}]", after=cursor, used=used, own=spans)
                if found:
                    spans.append((found.start, found.end))
                    used.add((found.start, found.end))
                    cursor = found.end
            target.append(Entity(item.name, item.type, sorted((s + offset, e + offset) for s, e in spans)))

    cursor, used = 0, set()
    for i, q in enumerate(answer.quotes):
        found = locate(clean_needle(q.content, strip_quotes=True), f"quotes[{i}].content", after=cursor, used=used)
        if found is None:
            continue
        content = (found.start, found.end)
        used.add(content)
        cursor = found.end
        cue = None
        if q.cue and clean_needle(q.cue):
            near = g.find_near(clean_needle(q.cue), content, after=q.kind == "direct")
            if near is None:
                out.dropped.append({"path": f"quotes[{i}].cue", "text": q.cue})
            else:
                out.methods[near.method] += 1
                cue = (near.start + offset, near.end + offset)
        out.quotes.append(GroundedQuote((content[0] + offset, content[1] + offset), q.speaker, q.kind, cue))

    cursor, used = 0, set()
    for i, ev in enumerate(answer.events):
        found = locate(clean_needle(ev.trigger), f"events[{i}].trigger", after=cursor, used=used)
        if found is None:
            continue
        used.add((found.start, found.end))
        cursor = found.start  # triggers of successive events may share a sentence
        args = [(a.role, a.name) for a in ev.arguments]
        out.events.append(
            GroundedEvent(ev.type, (found.start + offset, found.end + offset), args, ev.polarity, ev.modality)
        )
    return out

"""The layout of an article's text for the ``rules`` extractor: sentence spans, title-case lines
(headlines) and the final determiner of a clause."""
from __future__ import annotations

import bisect

from extractors.rules.patterns import DETERMINER_END_RE, DOTTED_RE, INITIAL_RE, SENTENCE_END_RE
from extractors.rules.text_v8 import abbreviation_period
from extractors.shared.lexicon import ALL_TITLES, HONORIFICS

# The longest "sentence" the rules read as one (characters). The longest of the gold and development
# texts is 419 characters and a long news sentence holds some 60 words (~400 characters); a span
# without a sentence end past this length is no sentence but a text without punctuation, and every
# step that reads the sentence around a word (subjects, cues, the type of a trigger) would read all
# of it for every word: cut into pieces of at most this length, the article costs linear time.
MAX_SENTENCE_CHARS = 2000


class Sentences:
    """An article's sentence spans, and the sentence around any offset."""

    def __init__(self, text: str, abbreviations: bool = False):
        self.spans = sentence_spans(text, abbreviations)
        self._starts = [s for s, _ in self.spans]

    def of(self, offset: int) -> tuple[int, int]:
        """The span of the sentence that holds ``offset`` (the first one for an offset before it).

        >>> Sentences("One here. Two there.").of(12)
        (10, 20)
        """
        return self.spans[max(0, bisect.bisect_right(self._starts, offset) - 1)]


def sentence_spans(text: str, abbreviations: bool = False) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? (and closing marks) followed by space, and at line breaks.
    ``abbreviations`` (version 8): not after "Sept. 12", "Corp. said" (:mod:`extractors.rules.text_v8`)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        end_start, end_end = m.span(1) if m.group(1) is not None else m.span()
        if text[end_start:end_end].strip(" \t") == "" and _abbreviation_before(text, end_start):
            continue  # "Mr. Lee", "J. Smith", "U.S. officials": the period is not a sentence end
        if abbreviations and text[end_start - 1] == "." and abbreviation_period(text, end_start, end_end):
            continue
        if end_start > start:
            out.append((start, end_start))
        start = end_end
    if start < len(text):
        out.append((start, len(text)))
    return _cut_long(text, out or [(0, len(text))])


def _cut_long(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with every span longer than :data:`MAX_SENTENCE_CHARS` cut at the last space before
    each limit (a hard cut where a piece has no space), so that no sentence step reads a whole text.

    >>> _cut_long("aaa bbb ccc", [(0, 11)]) == [(0, 11)]
    True
    """
    if all(e - s <= MAX_SENTENCE_CHARS for s, e in spans):
        return spans  # real text: the list as it was
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            out.append((start, end))
    return out


def drop_final_determiner(head: str) -> str:
    """``head`` without a final "the", "a" or "an" and the spaces after it.

    The word ends where the trailing spaces begin and has at most three letters, so the search starts
    there rather than trying every position of a long clause.
    """
    m = DETERMINER_END_RE.search(head, max(0, len(head.rstrip()) - 3))
    return head if m is None else head[:m.start()] + head[m.end():]


def _abbreviation_before(text: str, end: int) -> bool:
    """Whether the period ending at ``end`` closes an honorific, an initial or a dotted acronym."""
    word = text[max(0, end - 8):end].split()[-1:] or [""]
    w = word[0]
    if w in HONORIFICS or w in ALL_TITLES:
        return True
    if INITIAL_RE.fullmatch(w):
        return True
    # "U.S." ends a sentence as often as not; keep it a boundary only before a capitalised word.
    return bool(DOTTED_RE.fullmatch(w)) and text[end:end + 2].strip()[:1].islower()


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case (headlines, crossheads): capitalised words there are not names."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        words = line.split()
        if len(words) >= 3 and not line.rstrip().endswith((".", "”", '"')):
            caps = sum(1 for w in words if w[:1].isupper())
            if caps / len(words) >= 0.6:
                out.append((pos, pos + len(line)))
        pos += len(line)
    return out


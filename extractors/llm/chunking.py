"""Long articles: split into overlapping chunks that fit the model's budget, then merge the answers.

Chunks end at a paragraph, sentence or word boundary where one is near the budget; successive
chunks overlap by about ``overlap`` characters so that a quote or sentence cut by one chunk is
whole in the next. Merging removes what the overlap found twice: entities by (type, name) with
mentions united by offset, quotes whose contents overlap (the longer one wins), events by
(type, trigger offsets).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractors.llm.grounding import Entity, Grounded, GroundedEvent, GroundedQuote, Offsets

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'\u201d\u2019)]*\s+"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Chunk:
    """A stretch of the article: ``article[start:start + len(text)] == text``."""

    start: int
    text: str


def split(text: str, max_chars: int, overlap: int = 0) -> list[Chunk]:
    """Split ``text`` into chunks of at most ``max_chars`` characters, overlapping by about ``overlap``.

    >>> [c.text for c in split("One. Two. Three.", 11, 4)]
    ['One. Two. ', 'Two. Three.']
    >>> split("short", 100)
    [Chunk(start=0, text='short')]
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    overlap = max(0, min(overlap, max_chars // 2))
    chunks: list[Chunk] = []
    start = 0
    while True:
        if len(text) - start <= max_chars:
            chunks.append(Chunk(start, text[start:]))
            return chunks
        cut = _cut(text, start + max_chars // 2, start + max_chars)
        chunks.append(Chunk(start, text[start:cut]))
        start = max(_resume(text, cut - 2 * overlap, cut - overlap), start + 1) if overlap else cut


def _cut(text: str, lo: int, hi: int) -> int:
    """The last good break in ``text[lo:hi]``: paragraph, line, sentence, then word; else ``hi``."""
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(text, lo, hi)]
        if ends:
            return ends[-1]
    return hi


def _resume(text: str, lo: int, hi: int) -> int:
    """Where the next chunk starts: the last sentence (else word) start in ``text[lo:hi]``, else ``hi``,
    so that the overlap is at least ``overlap`` characters and at most about twice that."""
    for pattern in _BREAKS[2:]:
        ends = [m.end() for m in pattern.finditer(text, max(lo, 0), hi)]
        if ends:
            return ends[-1]
    return hi


def merge(parts: list[Grounded]) -> Grounded:
    """Merge the grounded answers of a document's chunks, removing what overlapping chunks found twice."""
    if len(parts) == 1:
        return parts[0]
    out = Grounded(methods=sum((p.methods for p in parts), Counter()))
    for p in parts:
        out.dropped.extend(p.dropped)
    out.actors = _merge_entities([e for p in parts for e in p.actors])
    out.locations = _merge_entities([e for p in parts for e in p.locations])
    out.quotes = _merge_quotes([q for p in parts for q in p.quotes])
    events: dict[tuple[str, Offsets], GroundedEvent] = {}
    for ev in (e for p in parts for e in p.events):
        events.setdefault((ev.type, ev.trigger), ev)
    out.events = list(events.values())
    return out


def _merge_entities(entities: list[Entity]) -> list[Entity]:
    merged: dict[tuple[str, str], Entity] = {}
    for e in entities:
        key = (e.type, " ".join(e.name.casefold().split()))
        if key in merged:
            merged[key].mentions = sorted(set(merged[key].mentions) | set(e.mentions))
        else:
            merged[key] = Entity(e.name, e.type, sorted(set(e.mentions)))
    return list(merged.values())


def _merge_quotes(quotes: list[GroundedQuote]) -> list[GroundedQuote]:
    kept: list[GroundedQuote] = []
    for q in sorted(quotes, key=lambda q: (q.content[0], -q.content[1])):
        prev = kept[-1] if kept else None
        if prev and q.content[0] < prev.content[1]:  # overlaps the previous one: the same quote
            longer, other = (q, prev) if q.content[1] - q.content[0] > prev.content[1] - prev.content[0] else (prev, q)
            kept[-1] = GroundedQuote(longer.content, longer.speaker or other.speaker, longer.kind, longer.cue or other.cue)
        else:
            kept.append(q)
    return kept

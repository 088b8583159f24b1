"""Long articles: split into overlapping pieces that fit the model's budget, then merge the answers.

Pieces end at a paragraph, sentence or word boundary where one is near the budget; successive
pieces overlap by about ``overlap`` characters (at most a quarter of the piece, so the window
always advances by at least three quarters of it) so that a sentence cut by one piece is whole in
the next. Merging only removes what two pieces both found: entities with the same kind, type and
name, or sharing a mention, become one; a quote found by two pieces (the same span, or a part of it
cut by its piece's edge) is kept once, and the two parts of a quote cut by a piece boundary (the
end of one piece holds its beginning, the next piece its end) are joined into one; events by
(type, trigger offsets), with the first subtype given. Two quotes of the same piece are both kept,
so a quote nested in another survives.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from extractors.llm.grounding import Offsets
from extractors.llm.placing import Grounded, GroundedEvent, GroundedQuote
from extractors.llm.resolve import Entity, name_key
from extractors.shared.textscan import BREAKS, last_break


@dataclass(frozen=True)
class Chunk:
    """A stretch of the article: ``article[start:start + len(text)] == text``."""

    start: int
    text: str


def split(text: str, max_chars: int, overlap: int = 0) -> list[Chunk]:
    """Split ``text`` into chunks of at most ``max_chars`` characters, overlapping by about ``overlap``.

    >>> [c.text for c in split("One. Two. Three. Four. Five.", 20, 5)]
    ['One. Two. Three. ', 'Three. Four. Five.']
    >>> split("short", 100)
    [Chunk(start=0, text='short')]
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    overlap = max(0, min(overlap, max_chars // 4))
    chunks: list[Chunk] = []
    start = 0
    while True:
        if len(text) - start <= max_chars:
            chunks.append(Chunk(start, text[start:]))
            return chunks
        cut = last_break(text, start + max_chars // 2, start + max_chars)
        chunks.append(Chunk(start, text[start:cut]))
        # Always advance by at least half the piece: never a window crawling one character at a time.
        floor = max(start + (cut - start) // 2, start + 1)
        start = _resume(text, max(cut - 2 * overlap, floor), cut - overlap, cut) if overlap else cut


def _resume(text: str, lo: int, hi: int, cut: int) -> int:
    """Where the next piece starts: the last sentence (else word) start in ``text[lo:hi]``, so that
    the overlap is about ``overlap`` to twice that; else the first word start in ``text[hi:cut]``
    (less overlap, but never in the middle of a word); else ``cut``."""
    for pattern in BREAKS[2:]:
        ends = [m.end() for m in pattern.finditer(text, lo, hi)] if lo < hi else []
        if ends:
            return ends[-1]
    later = BREAKS[-1].search(text, max(lo, hi), cut)
    return later.end() if later else cut


def merge(parts: list[Grounded], text: str | None = None) -> Grounded:
    """One answer from the pieces' answers; only what two different pieces both found is merged.
    ``text``, the article, lets a quote end or start a few spaces from its piece's edge and still count as cut there."""
    out = Grounded(methods=sum((p.methods for p in parts), Counter()))
    for p in parts:
        out.dropped.extend(p.dropped)
        out.unresolved += p.unresolved
        out.bounds.extend(p.bounds)
    same = _merge_entities([e for p in parts for e in p.entities])
    out.entities = list(dict.fromkeys(same.values()))
    quotes = [GroundedQuote(q.content, same.get(q.speaker) if q.speaker else None, q.kind, q.cue, q.piece)
              for p in parts for q in p.quotes]
    out.quotes = _merge_quotes(quotes, out.bounds, text) if len(parts) > 1 else quotes
    events: dict[tuple, GroundedEvent] = {}
    for p in parts:
        for ev in p.events:
            args = [(role, same[e]) for role, e in ev.arguments]
            key = (ev.type, ev.trigger) if len(parts) > 1 else (id(ev),)
            if key in events:  # found again by the next piece: one event, arguments of both, the first subtype given
                kept = events[key]
                kept.arguments.extend(a for a in args if not any(a[0] == b[0] and a[1] is b[1] for b in kept.arguments))
                kept.subtype = kept.subtype or ev.subtype
            else:
                events[key] = GroundedEvent(ev.type, ev.trigger, args, ev.polarity, ev.modality, ev.piece, ev.subtype)
    out.events = list(events.values())
    return out


def _merge_entities(entities: list[Entity]) -> dict[Entity, Entity]:
    """Each entity -> the merged entity it belongs to (same kind, type and name, or a shared mention)."""
    parent = list(range(len(entities)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple, int] = {}
    for i, e in enumerate(entities):
        keys = [(e.kind, e.type, name_key(e.name))] + [(e.kind, m) for m in e.mentions]
        for key in keys:
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, list[Entity]] = {}
    for i, e in enumerate(entities):
        groups.setdefault(root(i), []).append(e)
    out: dict[Entity, Entity] = {}
    for members in groups.values():
        head = members[0]
        spans = dict(sorted({m: t for e in members for m, t in zip(e.mentions, e.texts)}.items()))
        merged = Entity(head.kind, head.id, head.name, head.type, list(spans), list(spans.values()),
                        claims_name=any(e.claims_name for e in members))
        out.update((e, merged) for e in members)
    return out


def _blank(text: str | None, start: int, end: int) -> bool:
    """Whether nothing but spaces lies in ``text[start:end]`` (exact contact when the text is unknown)."""
    return start >= end or (text is not None and not text[start:end].strip())


def _at_end(q: GroundedQuote, bounds: list[Offsets], text: str | None) -> bool:
    """Whether the quote runs to the end of its piece, and that end is not the article's."""
    end = bounds[q.piece][1]
    return end < max(e for _, e in bounds) and _blank(text, q.content[1], end)


def _at_start(q: GroundedQuote, bounds: list[Offsets], text: str | None) -> bool:
    """Whether the quote runs from the start of its piece, and that start is not the article's."""
    start = bounds[q.piece][0]
    return start > min(s for s, _ in bounds) and _blank(text, start, q.content[0])


def _repeats(kept: GroundedQuote, q: GroundedQuote, bounds: list[Offsets], text: str | None) -> bool:
    """Whether ``q`` is ``kept`` found again: the same span, or inside it and cut by its piece's edge."""
    inside = kept.content[0] <= q.content[0] and q.content[1] <= kept.content[1]
    return kept.content == q.content or (inside and (_at_start(q, bounds, text) or _at_end(q, bounds, text)))


def _continues(kept: GroundedQuote, q: GroundedQuote, bounds: list[Offsets], text: str | None) -> bool:
    """Whether ``q`` is the rest of ``kept``: ``kept`` runs to the end of its piece, ``q`` from the start
    of a later piece that touches or overlaps it, the two spans overlap or only spaces lie between
    them, and they do not name two different speakers."""
    (a, b), (c, d) = kept.content, q.content
    first, then = bounds[kept.piece], bounds[q.piece]
    return (a < c and b < d and first[0] < then[0] <= first[1]
            and _at_end(kept, bounds, text) and _at_start(q, bounds, text) and (c <= b or _blank(text, b, c))
            and (kept.speaker is None or q.speaker is None or kept.speaker is q.speaker))


def _merge_quotes(quotes: list[GroundedQuote], bounds: list[Offsets], text: str | None = None) -> list[GroundedQuote]:
    """Quotes of different pieces that are one quote. Read in article order, a quote is dropped when
    it repeats one already kept (the same span, or inside it and cut by its piece's edge), and joined
    to one kept when it continues it across a piece boundary (the earliest start, the latest end);
    the speaker and cue come from whichever has them. The kept quotes stay in the order first given."""
    kept: list[tuple[int, GroundedQuote]] = []
    for n, q in sorted(enumerate(quotes), key=lambda nq: (nq[1].content[0], -nq[1].content[1], nq[0])):
        for k, (first, r) in enumerate(kept):
            if r.piece == q.piece:
                continue
            if _repeats(r, q, bounds, text):
                kept[k] = first, GroundedQuote(r.content, r.speaker or q.speaker, r.kind, r.cue or q.cue, r.piece)
                break
            if _continues(r, q, bounds, text):
                # The joined quote ends in q's piece: a fragment of the next piece may continue it there.
                kept[k] = first, GroundedQuote((r.content[0], q.content[1]), r.speaker or q.speaker, r.kind, r.cue or q.cue, q.piece)
                break
        else:
            kept.append((n, q))
    return [q for _, q in sorted(kept, key=lambda nq: nq[0])]

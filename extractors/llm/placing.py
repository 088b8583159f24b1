"""One answer for one piece of text, placed in that text: offsets instead of strings, ids resolved.

Mentions of all actors and locations share ONE table of used positions, so an occurrence of
"Tarsk" that is a mention of the actor Ostrelia is not also taken by the location Tarsk. Mentions
given with context (``"from [Velgrad] or Tarsk"``) are placed first, wherever their context says;
then the plain ones, each at the first free occurrence after the previous mention of its entity.
Quotes and event triggers are placed in reading order the same way (a later item at or after the
start of the previous one, so nested quotes and triggers in one phrase are fine). References are
resolved within the piece (the model's ids are the piece's own) by :mod:`extractors.llm.resolve`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractors.llm.grounding import Grounder, Located, Offsets, parse_needle
from extractors.llm.resolve import PRONOUNS, Entity, expected_kind, resolve
from extractors.llm.response import Answer, AnswerActor, AnswerLocation


@dataclass
class GroundedQuote:
    content: Offsets
    speaker: Entity | None
    kind: str
    cue: Offsets | None
    piece: int = 0


@dataclass
class GroundedEvent:
    type: str
    trigger: Offsets
    arguments: list[tuple[str, Entity]]
    polarity: str | None
    modality: str | None
    piece: int = 0
    subtype: str | None = None


@dataclass
class Grounded:
    """A piece's answer in article offsets, with the record of how strings were found and what was lost."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[GroundedQuote] = field(default_factory=list)
    events: list[GroundedEvent] = field(default_factory=list)
    methods: Counter = field(default_factory=Counter)
    dropped: list[dict[str, str]] = field(default_factory=list)
    unresolved: int = 0
    bounds: list[Offsets] = field(default_factory=list)  # each piece's (start, end) in the article


class _Placer:
    """Finds strings in one piece and records methods and misses."""

    def __init__(self, text: str, offset: int, fuzzy_threshold: float, out: Grounded):
        self.g = Grounder(text, fuzzy_threshold=fuzzy_threshold)
        self.offset = offset
        self.out = out

    def hit(self, found: Located | None, path: str, raw: str) -> Offsets | None:
        if found is None:
            self.out.dropped.append({"path": path, "text": raw})
            return None
        self.out.methods[found.method] += 1
        return found.start, found.end

    def shift(self, span: Offsets) -> Offsets:
        return span[0] + self.offset, span[1] + self.offset


def ground_answer(answer: Answer, text: str, *, offset: int = 0, fuzzy_threshold: float = 90.0, piece: int = 0) -> Grounded:
    """Place every string of ``answer`` in ``text`` (a piece starting at ``offset`` in the article).

    >>> from extractors.llm.response import parse_answer
    >>> a = parse_answer('{"actors": [{"id": "a1", "name": "Ostrelia", "type": "GPE", "mentions": ["[Tarsk] said"]}],'
    ...     '"locations": [{"id": "l1", "name": "Tarsk", "type": "GPE", "mentions": ["Tarsk", "Tarsk"]}]}')
    >>> [e.mentions for e in ground_answer(a, "In Tarsk, Tarsk said it would stay in Tarsk.").entities]
    [[(10, 15)], [(3, 8), (38, 43)]]
    """
    out = Grounded(dropped=[{"path": d["path"], "text": d.get("reason", "")} for d in answer.dropped],
                   bounds=[(offset, offset + len(text))])
    p = _Placer(text, offset, fuzzy_threshold, out)
    out.entities = _place_entities(p, answer)
    _place_quotes(p, answer, out.entities, piece)
    _place_events(p, answer, out.entities, piece)
    return out


def _place_entities(p: _Placer, answer: Answer) -> list[Entity]:
    items: list[tuple[str, int, AnswerActor | AnswerLocation]] = [
        *(("actors", i, a) for i, a in enumerate(answer.actors)),
        *(("locations", i, loc) for i, loc in enumerate(answer.locations)),
    ]
    needles = [[parse_needle(m) for m in item.mentions] for _, _, item in items]
    spans: list[list[Offsets | None]] = [[None] * len(n) for n in needles]
    used: set[Offsets] = set()
    # Context first: those say exactly where they are, and must not be taken by a plain mention.
    for with_context in (True, False):
        for k, (kind, i, _) in enumerate(items):
            for j, needle in enumerate(needles[k]):
                if bool(needle.context) != with_context:
                    continue
                before = [s for s in spans[k][:j] if s is not None]
                own = [s for s in spans[k] if s is not None]
                found = p.g.place(needle, after=before[-1][1] if before else 0, used=used, own=own)
                span = p.hit(found, f"{kind}[{i}].mentions[{j}]", items[k][2].mentions[j])
                if span is not None:
                    spans[k][j] = span
                    used.add(span)
    entities = []
    for k, (kind, _, item) in enumerate(items):
        placed = sorted(s for s in spans[k] if s is not None)
        entities.append(
            Entity("actor" if kind == "actors" else "location", item.id, item.name, item.type,
                   [p.shift(s) for s in placed], [p.g.text[s:e] for s, e in placed],
                   claims_name=any(n.text.casefold() not in PRONOUNS for n in needles[k]))
        )
    return entities


def _place_quotes(p: _Placer, answer: Answer, entities: list[Entity], piece: int) -> None:
    cursor, used = 0, set()
    for i, q in enumerate(answer.quotes):
        needle = parse_needle(q.content, strip_quotes=q.kind == "direct")
        content = p.hit(p.g.place(needle, after=cursor, used=used), f"quotes[{i}].content", q.content)
        if content is None:
            continue
        used.add(content)
        cursor = content[0]  # a nested quote starts inside the previous one
        cue = None
        if q.cue and q.cue.strip():
            cue = p.hit(p.g.find_near(parse_needle(q.cue), content, after=q.kind == "direct"), f"quotes[{i}].cue", q.cue)
        speaker = resolve(q.speaker, entities, prefer="actor", only="actor") if q.speaker else None
        if q.speaker and speaker is None:
            p.out.unresolved += 1
        p.out.quotes.append(
            GroundedQuote(p.shift(content), speaker, q.kind, p.shift(cue) if cue else None, piece)
        )


def _place_events(p: _Placer, answer: Answer, entities: list[Entity], piece: int) -> None:
    cursor, used = 0, set()
    for i, ev in enumerate(answer.events):
        trigger = p.hit(p.g.place(parse_needle(ev.trigger), after=cursor, used=used), f"events[{i}].trigger", ev.trigger)
        if trigger is None:
            continue
        used.add(trigger)
        cursor = trigger[0]  # triggers of successive events may share a phrase
        args: list[tuple[str, Entity]] = []
        for role, name in ev.args():
            ref = resolve(name, entities, prefer=expected_kind(role))
            if ref is None:
                p.out.unresolved += 1
            elif not any(r == role and e is ref for r, e in args):
                args.append((role, ref))
        p.out.events.append(GroundedEvent(ev.type, p.shift(trigger), args, ev.polarity, ev.modality, piece, ev.subtype))


__all__ = ["Grounded", "GroundedEvent", "GroundedQuote", "ground_answer"]

"""From a grounded answer to a :class:`~eval.schema.Document`: ids, references and speaker mentions.

The model refers to actors and locations by name; here names become ids (``a1``, ``l1``, ...,
numbered in order of first mention, as in the gold). A name that matches no grounded entity is not
guessed: the speaker becomes null or the argument is left out, and both are counted.
"""
from __future__ import annotations

from typing import Any

from eval.api import Actor, Argument, Article, Document, Event, Location, Mention, Quote, Span
from extractors.llm.grounding import Entity, Grounded, Offsets

SPEAKER_WINDOW = 200  # characters between a cue and the speaker mention tied to it


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _span(text: str, offsets: Offsets, cls: type[Span] = Span) -> Span:
    start, end = offsets
    return cls(start=start, end=end, text=text[start:end])


def _index(text: str, entities: list[tuple[str, Entity]]) -> dict[str, str]:
    """Name -> id, from canonical names first, then from mention texts that point to one entity only."""
    by_name = {_key(e.name): i for i, e in entities}
    by_mention: dict[str, set[str]] = {}
    for i, e in entities:
        for s, t in e.mentions:
            by_mention.setdefault(_key(text[s:t]), set()).add(i)
    for name, ids in by_mention.items():
        if len(ids) == 1:
            by_name.setdefault(name, next(iter(ids)))
    return by_name


def to_document(article: Article, g: Grounded, meta: dict[str, Any]) -> tuple[Document, int]:
    """The prediction document for ``article`` and how many name references could not be resolved."""
    text = article.text
    actors = sorted((e for e in g.actors if e.mentions), key=lambda e: e.mentions[0])
    locations = sorted((e for e in g.locations if e.mentions), key=lambda e: e.mentions[0])
    actor_ids = [(f"a{n}", e) for n, e in enumerate(actors, 1)]
    location_ids = [(f"l{n}", e) for n, e in enumerate(locations, 1)]
    actor_index = _index(text, actor_ids)
    entity_index = {**_index(text, location_ids), **actor_index}
    mentions_of = {i: e.mentions for i, e in actor_ids}
    unresolved = 0

    quotes = []
    for n, q in enumerate(sorted(g.quotes, key=lambda q: q.content), 1):
        speaker = actor_index.get(_key(q.speaker)) if q.speaker else None
        unresolved += bool(q.speaker) and speaker is None
        anchor = q.cue or q.content
        mention = _nearest(mentions_of.get(speaker, []), anchor, q.content) if speaker else None
        quotes.append(
            Quote(
                id=f"q{n}",
                content=_span(text, q.content),
                speaker=speaker,
                kind=q.kind,
                cue=_span(text, q.cue) if q.cue else None,
                speaker_mention=_span(text, mention) if mention else None,
            )
        )

    events = []
    for n, ev in enumerate(sorted(g.events, key=lambda e: e.trigger), 1):
        args: list[Argument] = []
        for role, name in ev.arguments:
            ref = entity_index.get(_key(name))
            if ref is None:
                unresolved += 1
            elif not any(a.role == role and a.ref == ref for a in args):
                args.append(Argument(role=role, ref=ref))
        events.append(
            Event(
                id=f"e{n}", type=ev.type, trigger=_span(text, ev.trigger), arguments=tuple(args),
                polarity=ev.polarity, modality=ev.modality,
            )
        )

    doc = Document(
        doc_id=article.doc_id,
        text=text,
        actors=tuple(
            Actor(id=i, name=e.name, type=e.type, mentions=tuple(_span(text, m, Mention) for m in e.mentions))
            for i, e in actor_ids
        ),
        locations=tuple(
            Location(id=i, name=e.name, type=e.type, mentions=tuple(_span(text, m, Mention) for m in e.mentions))
            for i, e in location_ids
        ),
        quotes=tuple(quotes),
        events=tuple(events),
        meta=meta,
    )
    return doc, unresolved


def _nearest(mentions: list[Offsets], anchor: Offsets, content: Offsets) -> Offsets | None:
    """The speaker's mention closest to the cue, outside the quoted content, within SPEAKER_WINDOW."""
    outside = [m for m in mentions if m[1] <= content[0] or m[0] >= content[1]]

    def distance(m: Offsets) -> int:
        return max(anchor[0] - m[1], m[0] - anchor[1], 0)

    best = min(outside, key=distance, default=None)
    return best if best is not None and distance(best) <= SPEAKER_WINDOW else None

"""From a merged, placed answer to a :class:`Document`: final ids, dropped entities, speaker mentions.

An entity none of whose name or description mentions could be placed in the article is dropped
and counted (an invented "Atlantis Corp" does not survive through a pronoun "it"); references to
it are left out and counted too. Ids are renumbered ``a1``, ``l1``, ... in order of first mention,
as in the gold; ``speaker_mention`` is the speaker's mention nearest the cue.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eval.api import Actor, Argument, Article, Document, Event, Location, Mention, Quote, Span
from extractors.llm.grounding import Offsets
from extractors.llm.placing import Grounded
from extractors.llm.resolve import PRONOUNS, Entity

SPEAKER_WINDOW = 200  # characters between a cue and the speaker mention tied to it


@dataclass(frozen=True)
class Losses:
    """What assembling left out: entities without a placed name, references to nothing."""

    dropped_entities: list[str]
    unresolved_refs: int


def _span(text: str, offsets: Offsets, cls: type[Span] = Span) -> Span:
    start, end = offsets
    return cls(start=start, end=end, text=text[start:end])


def _mention(text: str, offsets: Offsets) -> Mention:
    s = text[offsets[0]:offsets[1]]
    kind = "pronoun" if s.casefold() in PRONOUNS else "name" if s[:1].isupper() else "nominal"
    return Mention(start=offsets[0], end=offsets[1], text=s, kind=kind)


def to_document(article: Article, g: Grounded, meta: dict[str, Any]) -> tuple[Document, Losses]:
    """The prediction for ``article`` and what had to be left out."""
    text = article.text
    kept = [e for e in g.entities if e.mentions and e.named]
    dropped = [e.name for e in g.entities if not (e.mentions and e.named)]
    ids: dict[Entity, str] = {}
    for kind, prefix in (("actor", "a"), ("location", "l")):
        ordered = sorted((e for e in kept if e.kind == kind), key=lambda e: e.mentions[0])
        ids.update((e, f"{prefix}{n}") for n, e in enumerate(ordered, 1))
    unresolved = g.unresolved

    quotes = []
    for n, q in enumerate(sorted(g.quotes, key=lambda q: (q.content[0], -q.content[1])), 1):
        speaker = ids.get(q.speaker) if q.speaker is not None else None
        unresolved += q.speaker is not None and speaker is None
        mention = _nearest(q.speaker.mentions, q.cue or q.content, q.content) if speaker else None
        quotes.append(Quote(
            id=f"q{n}", content=_span(text, q.content), speaker=speaker, kind=q.kind,
            cue=_span(text, q.cue) if q.cue else None, speaker_mention=_span(text, mention) if mention else None,
        ))

    events = []
    for n, ev in enumerate(sorted(g.events, key=lambda e: e.trigger), 1):
        args = [Argument(role=role, ref=ids[e]) for role, e in ev.arguments if e in ids]
        unresolved += len(ev.arguments) - len(args)
        events.append(Event(id=f"e{n}", type=ev.type, subtype=ev.subtype, trigger=_span(text, ev.trigger),
                            arguments=tuple(args), polarity=ev.polarity, modality=ev.modality))

    def entity(e: Entity, cls: type[Actor] | type[Location]) -> Actor | Location:
        return cls(id=ids[e], name=e.name, type=e.type, mentions=tuple(_mention(text, m) for m in e.mentions))

    by_id = sorted(kept, key=lambda e: (ids[e][0], int(ids[e][1:])))
    doc = Document(
        doc_id=article.doc_id, text=text,
        actors=tuple(entity(e, Actor) for e in by_id if e.kind == "actor"),
        locations=tuple(entity(e, Location) for e in by_id if e.kind == "location"),
        quotes=tuple(quotes), events=tuple(events), meta=meta,
    )
    return doc, Losses(dropped, unresolved)


def _nearest(mentions: list[Offsets], anchor: Offsets, content: Offsets) -> Offsets | None:
    """The speaker's mention closest to the cue, outside the quoted content, within SPEAKER_WINDOW."""
    outside = [m for m in mentions if m[1] <= content[0] or m[0] >= content[1]]

    def distance(m: Offsets) -> int:
        return max(anchor[0] - m[1], m[0] - anchor[1], 0)

    best = min(outside, key=distance, default=None)
    return best if best is not None and distance(best) <= SPEAKER_WINDOW else None

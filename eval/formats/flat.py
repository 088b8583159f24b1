"""Regions and relations: the shape Label Studio and brat share, to and from a Document.

Both tools annotate labelled stretches of text (regions) and labelled links between them
(relations). A document becomes:

* one region per actor or location *mention*, labelled with the entity's type, carrying the
  entity's ``id``, canonical ``name`` and other fields (every mention of an entity carries the same
  values; the mentions of one ``id`` make the entity, in order);
* one region per quote content (label ``QUOTE``) and per event trigger (label: the event type);
* one region per cue, speaker mention and event time (labels ``CUE``, ``SPEAKER_MENTION``, ``TIME``);
* relations from a quote to a mention of its speaker (``speaker``), to its ``cue`` and its
  ``speaker_mention``; from an event to a mention of each argument (the relation's label is the
  role) and to its ``time``.

Reading back, a span relation (cue, speaker mention, time) may point at any region: its span is taken.
A mention region without an entity id (added by an annotator) becomes a new entity named after its text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, get_args

from eval.data.models import ActorType, ArgumentRole, Document, EventType, LocationType
from eval.exceptions import InvalidInputError, Problem
from eval.formats.common import DOCUMENT_FIELDS, check_imported, drop_none

ENTITY_LAYERS = {"actor": get_args(ActorType), "location": get_args(LocationType)}
SPAN_LABELS = {"CUE": "cue", "SPEAKER_MENTION": "speaker_mention", "TIME": "time"}
QUOTE_LABEL = "QUOTE"
EVENT_TYPES = get_args(EventType)
ROLES = get_args(ArgumentRole)
QUOTE_RELATIONS = ("speaker", "cue", "speaker_mention")
EVENT_RELATIONS = (*ROLES, "time")
ENTITY_FIELDS = {
    "actor": ("id", "name", "subtype", "wikidata_id", "confidence"),
    "location": ("id", "name", "subtype", "country", "geonames_id", "wikidata_id", "confidence"),
}
QUOTE_FIELDS = ("id", "kind", "confidence")
EVENT_FIELDS = ("id", "subtype", "polarity", "modality", "date", "confidence")
LAYERS = ("actor", "location", "quote", "event", "span")


@dataclass
class Region:
    """A labelled stretch of text; ``where`` names it in the source file for error messages."""

    rid: str
    layer: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    where: str = ""


@dataclass
class Relation:
    source: str
    target: str
    label: str
    where: str = ""


@dataclass
class Flat:
    """One article as regions and relations, with its document-level fields in ``info``."""

    doc_id: str
    text: str
    regions: list[Region] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] | None = None


def to_flat(doc: Document) -> Flat:
    """A document as regions and relations (entities without mentions have no region and are left out)."""
    flat = Flat(doc.doc_id, doc.text, info=drop_none({k: getattr(doc, k) for k in DOCUMENT_FIELDS}), meta=doc.meta)
    first_mention: dict[str, str] = {}

    def add(layer: str, label: str, span: Any, attrs: dict[str, Any]) -> str:
        rid = f"r{len(flat.regions) + 1}"
        flat.regions.append(Region(rid, layer, label, span.start, span.end, span.text, drop_none(attrs)))
        return rid

    for layer, items in (("actor", doc.actors), ("location", doc.locations)):
        for ent in items:
            fields = {k: getattr(ent, k) for k in ENTITY_FIELDS[layer]}
            for m in ent.mentions:
                rid = add(layer, ent.type, m, {**fields, "kind": m.kind})
                first_mention.setdefault(ent.id, rid)
    for q in doc.quotes:
        rid = add("quote", QUOTE_LABEL, q.content, {k: getattr(q, k) for k in QUOTE_FIELDS})
        if q.speaker in first_mention:
            flat.relations.append(Relation(rid, first_mention[q.speaker], "speaker"))
        for name in ("cue", "speaker_mention"):
            span = getattr(q, name)
            if span is not None:
                flat.relations.append(Relation(rid, add("span", name.upper(), span, {}), name))
    for e in doc.events:
        rid = add("event", e.type, e.trigger, {k: getattr(e, k) for k in EVENT_FIELDS})
        flat.relations += [Relation(rid, first_mention[a.ref], a.role) for a in e.arguments if a.ref in first_mention]
        if e.time is not None:
            flat.relations.append(Relation(rid, add("span", "TIME", e.time, {}), "time"))
    return flat


def unplaced(doc: Document) -> list[Problem]:
    """What :func:`to_flat` cannot place: entities without mentions, and the links to them."""
    bare = {e.id for e in (*doc.actors, *doc.locations) if not e.mentions}
    if not bare:
        return []
    problems = [Problem(doc.doc_id, f"{kind}[{i}]", f"entity {e.id!r} has no mention: a span-based format cannot hold it")
                for kind in ("actors", "locations") for i, e in enumerate(getattr(doc, kind)) if e.id in bare]
    problems += [Problem(doc.doc_id, f"quotes[{i}].speaker", f"speaker {q.speaker!r} has no mention; left out")
                 for i, q in enumerate(doc.quotes) if q.speaker in bare]
    problems += [Problem(doc.doc_id, f"events[{i}].arguments[{j}]", f"argument {a.ref!r} has no mention; left out")
                 for i, e in enumerate(doc.events) for j, a in enumerate(e.arguments) if a.ref in bare]
    return problems


def from_flat(flat: Flat, label: str, doc_label: str | None = None) -> Document:
    """The document that ``flat`` describes, checked as gold.

    Raises:
        InvalidInputError: every problem, named by ``label`` and each region's or relation's ``where``
            (problems of the assembled document by ``doc_label`` and their JSON path).
    """
    problems: list[Problem] = []

    def problem(where: str, reason: str) -> None:
        problems.append(Problem(label, where, reason))

    regions: dict[str, Region] = {}
    for r in flat.regions:
        reason = _region_problem(flat.text, r)
        if reason:
            problem(r.where, reason)
        else:
            regions[r.rid] = r
    entities, entity_of = _entities(regions.values(), problem)
    quotes, events = _items(regions.values(), flat.relations, regions, entity_of, problem)
    if problems:
        raise InvalidInputError(problems)
    data = {**flat.info, "doc_id": flat.doc_id, "text": flat.text, "meta": flat.meta, **entities,
            "quotes": quotes, "events": events}
    return check_imported(drop_none(data), doc_label or label)


def _region_problem(text: str, r: Region) -> str | None:
    if r.layer not in LAYERS:
        return f"unknown layer {r.layer!r}; valid: {', '.join(LAYERS)}"
    valid = {**ENTITY_LAYERS, "quote": (QUOTE_LABEL,), "event": EVENT_TYPES, "span": tuple(SPAN_LABELS)}[r.layer]
    if r.label not in valid:
        return f"unknown {r.layer} label {r.label!r}; valid: {', '.join(valid)}"
    if r.start > r.end:
        return f"start {r.start} is after end {r.end}"
    if not 0 <= r.start <= r.end <= len(text):
        return f"offsets [{r.start}, {r.end}) lie outside the text (length {len(text)})"
    if text[r.start : r.end] != r.text:
        return f"region text {r.text!r} differs from the article text at [{r.start}, {r.end}): {text[r.start : r.end]!r}"
    return None


def _entities(regions: Any, problem: Any) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """Group mention regions into entities by id; ``entity_of`` maps a region id to its entity id."""
    groups: dict[str, dict[str, Any]] = {}
    layer_of: dict[str, str] = {}
    entity_of: dict[str, str] = {}
    for r in regions:
        if r.layer not in ENTITY_LAYERS:
            continue
        eid = str(r.attrs.get("id") or f"{r.layer[0]}_{r.rid}")
        fields = {k: r.attrs.get(k) for k in ENTITY_FIELDS[r.layer] if k != "id"}
        fields["name"] = fields["name"] or r.text
        if eid not in groups:
            groups[eid] = {"id": eid, "type": r.label, **fields, "mentions": []}
            layer_of[eid] = r.layer
        else:
            known = groups[eid]
            for key, value in {"layer": r.layer, "type": r.label, **fields}.items():
                seen = layer_of[eid] if key == "layer" else known[key]
                if value is not None and value != seen:
                    problem(r.where, f"entity {eid!r}: {key} {value!r} differs from {seen!r} on its earlier mentions")
        mention = {"start": r.start, "end": r.end, "text": r.text, "kind": r.attrs.get("kind")}
        groups[eid]["mentions"].append(drop_none(mention))
        entity_of[r.rid] = eid
    out: dict[str, list[dict[str, Any]]] = {"actors": [], "locations": []}
    for eid, ent in groups.items():
        out[f"{layer_of[eid]}s"].append(drop_none(ent))
    return out, entity_of


def _span(r: Region) -> dict[str, Any]:
    return {"start": r.start, "end": r.end, "text": r.text}


def _items(regions: Any, relations: list[Relation], by_id: dict[str, Region], entity_of: dict[str, str],
           problem: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    quotes: dict[str, dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    linked: set[str] = set()
    for r in regions:
        if r.layer == "quote":
            quotes[r.rid] = {"id": r.attrs.get("id") or f"q_{r.rid}", "content": _span(r), "speaker": None,
                             "kind": r.attrs.get("kind"), "confidence": r.attrs.get("confidence")}
        elif r.layer == "event":
            events[r.rid] = {"id": r.attrs.get("id") or f"e_{r.rid}", "type": r.label, "trigger": _span(r),
                             "arguments": [], **{k: r.attrs.get(k) for k in EVENT_FIELDS if k != "id"}}
    for rel in relations:
        source, target = by_id.get(rel.source), by_id.get(rel.target)
        missing = [i for i, r in ((rel.source, source), (rel.target, target)) if r is None]
        if missing:
            problem(rel.where, f"relation {rel.label!r} links to {missing[0]!r}, which is no region of this article")
            continue
        if source.rid in quotes:
            _quote_link(quotes[source.rid], rel, target, entity_of, problem)
        elif source.rid in events:
            _event_link(events[source.rid], rel, target, entity_of, problem)
        else:
            problem(rel.where, f"relation {rel.label!r} starts at the {source.layer} region {rel.source!r}; only quotes and events have relations")
        linked.add(target.rid)
    for r in regions:
        if r.layer == "span" and r.rid not in linked:
            problem(r.where, f"{r.label} region is linked to no quote or event")
    for rid, q in quotes.items():
        if q["kind"] is None:
            problem(by_id[rid].where, "quote has no kind; choose one of direct, indirect, mixed")
    return [drop_none(q) | {"speaker": q["speaker"]} for q in quotes.values()], [drop_none(e) for e in events.values()]


def _quote_link(quote: dict[str, Any], rel: Relation, target: Region, entity_of: dict[str, str], problem: Any) -> None:
    if rel.label == "speaker":
        if target.layer != "actor":
            problem(rel.where, f"speaker relation points at a {target.layer} region; it must point at an actor mention")
        else:
            quote["speaker"] = entity_of[target.rid]
    elif rel.label in ("cue", "speaker_mention"):
        quote[rel.label] = _span(target)
    else:
        problem(rel.where, f"unknown quote relation {rel.label!r}; valid: {', '.join(QUOTE_RELATIONS)}")


def _event_link(event: dict[str, Any], rel: Relation, target: Region, entity_of: dict[str, str], problem: Any) -> None:
    if rel.label == "time":
        event["time"] = _span(target)
    elif rel.label in ROLES:
        if target.rid not in entity_of:
            problem(rel.where, f"{rel.label} argument points at a {target.layer} region; it must point at a mention")
        else:
            event["arguments"].append({"role": rel.label, "ref": entity_of[target.rid]})
    else:
        problem(rel.where, f"unknown event relation {rel.label!r}; valid: {', '.join(EVENT_RELATIONS)}")

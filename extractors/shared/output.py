"""The output both offline extractors produce, as plain data validated once into a Document: spans,
ids, actors and locations numbered in order of their first mention, the document itself."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import functools
import sys

from pydantic import TypeAdapter

from eval.api import Actor, Compactor, Document, Event, ExtractorUnavailableError, Location, Mention, Quote
from extractors.shared.grouping import Group
from extractors.shared.orgs import collective_type, org_subtype
from extractors.shared.roles import role_type
from extractors.shared.places import Place, country_name

# A mention before it is written out: start and end offsets, kind (name, pronoun).
MentionSpan = tuple[int, int, str]


def check_settings(extractor: str, **settings: int) -> None:
    """Refuse settings below 1 (worker and batch counts), naming them all in the order given.

    >>> check_settings("rules", workers=0, batch_size=2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    eval.exceptions.ExtractorUnavailableError: extractor 'rules' cannot run with workers=0, batch_size=2: ...
    """
    if any(value < 1 for value in settings.values()):
        given = ", ".join(f"{name}={value}" for name, value in settings.items())
        raise ExtractorUnavailableError(f"extractor '{extractor}' cannot run with {given}: both must be at least 1")


def span(text: str, start: int, end: int) -> dict[str, Any]:
    """A span of ``text`` as plain data."""
    return {"start": start, "end": end, "text": shared_text(text[start:end])}


# Span texts up to this long are interned (names, cues, triggers repeat; a quotation's content seldom does).
_SHARED_MAX = 40


def shared_text(piece: str) -> str:
    """``piece``, or the equal string already in use: a name or a trigger word mentioned a thousand times is
    then one string, in the plain data and in the models made from it, not a thousand."""
    return sys.intern(piece) if len(piece) <= _SHARED_MAX else piece


def numbered(prefix: str, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records with ids ``prefix1``, ``prefix2``... in the order given, numbered in place (a copy of every
    record would be held beside the records; the key order is the model's when written).

    >>> numbered("q", [{"kind": "direct"}])
    [{'kind': 'direct', 'id': 'q1'}]
    """
    out = list(records)
    for n, record in enumerate(out, start=1):
        record["id"] = f"{prefix}{n}"
    return out


def actor_records(
    text: str,
    groups: list[Group],
    states: Mapping[str, list[tuple[int, int]]],
    norp: Mapping[str, list[tuple[int, int]]],
    org_subtypes: bool = False,
    people: Mapping[str, list[tuple[int, int]]] | None = None,
) -> list[tuple[dict[str, Any], bool]]:
    """Every actor as plain data with its id, and whether it is a person, in order of first mention.

    Args:
        groups: the grouped persons and organisations.
        states: a country code (or the name, where it has none) -> spans of the state acting.
        norp: a country code or name -> spans of a nationality or group (NORP).
        org_subtypes: give organisations the subtype their name's head says (version 2).
        people: a plural noun -> the spans of a collective of people it names (version 2; PER group).
    """
    items: list[tuple[int, dict[str, Any], list[MentionSpan], bool]] = []
    for g in groups:
        mentions = [(m.start, m.end, m.kind) for m in g.mentions]
        extra = {"subtype": "person"} if g.type == "PER" else {}
        if org_subtypes and g.type == "ORG" and (sub := org_subtype(g.name)) is not None:
            extra = {"subtype": sub}
        items.append((mentions[0][0], {"name": g.name, "type": g.type, **extra}, mentions, g.type == "PER"))
    for key, spans in states.items():
        start, end = spans[0]
        fields = {"name": country_name(key) or text[start:end], "type": "GPE", "subtype": "state"}
        items.append((start, fields, [(s, e, "name") for s, e in spans], False))
    for spans in norp.values():
        start, end = spans[0]
        items.append((start, {"name": text[start:end], "type": "NORP"}, [(s, e, "name") for s, e in spans], False))
    for noun, spans in (people or {}).items():
        type_, subtype = collective_type(noun)
        items.append((spans[0][0], {"name": noun, "type": type_, "subtype": subtype},
                      [(s, e, "nominal") for s, e in spans], False))
    items.sort(key=lambda it: it[0])  # stable: groups, then states, then NORP at equal offsets
    return [({"id": f"a{n}", **fields, "mentions": _mentions(text, mentions)}, is_person)
            for n, (_, fields, mentions, is_person) in enumerate(items, start=1)]


def role_records(text: str, roles: Mapping[str, list[tuple[int, int]]], numbered_so_far: int
                 ) -> list[tuple[dict[str, Any], bool]]:
    """Version 3: an actor for each unnamed person or body named by a role noun (:mod:`.roles`), with
    ids after the ``numbered_so_far`` actors, in order of first mention, and whether it is a person."""
    items = sorted(roles.items(), key=lambda kv: kv[1][0][0])
    out = []
    for n, (noun, spans) in enumerate(items, start=numbered_so_far + 1):
        type_, subtype = role_type(noun)
        fields = {"name": noun, "type": type_, **({"subtype": subtype} if subtype else {})}
        out.append(({"id": f"a{n}", **fields, "mentions": _mentions(text, [(s, e, "nominal") for s, e in spans])},
                    type_ == "PER"))
    return out


def place_fields(place: Place, type_: str | None = None) -> dict[str, Any]:
    """A location's fields from its gazetteer entry; ``type_`` overrides the entry's type."""
    return {"name": place.name, "type": type_ or place.type, "subtype": place.subtype, "country": place.country,
            "geonames_id": place.geonames_id}


def location_records(text: str, places: Iterable[tuple[dict[str, Any], list[tuple[int, int]]]],
                     nominal: Iterable[tuple[dict[str, Any], list[tuple[int, int]]]] = ()) -> list[dict[str, Any]]:
    """Every location as plain data with its id, in order of first mention; ``places`` holds the
    fields and the mention spans of each named place, ``nominal`` those of places named by a common
    noun (version 2: "the mill")."""
    items = [(fields, [(s, e, "name") for s, e in spans]) for fields, spans in places]
    items += [(fields, [(s, e, "nominal") for s, e in spans]) for fields, spans in nominal]
    ordered = sorted(items, key=lambda fm: fm[1][0][0])
    return [{"id": f"l{n}", **fields, "mentions": _mentions(text, spans)}
            for n, (fields, spans) in enumerate(ordered, start=1)]


def _mentions(text: str, mentions: list[MentionSpan]) -> list[dict[str, Any]]:
    return [{"start": s, "end": e, "text": shared_text(text[s:e]), "kind": kind} for s, e, kind in mentions]


def document_data(doc_id: str, text: str, extractor: str, version: str) -> dict[str, Any]:
    """A document without annotations, as plain data, made by ``extractor``."""
    return {"doc_id": doc_id, "text": text, "language": "en", "meta": {"extractor": extractor, "version": version}}


def to_document(data: dict[str, Any] | bytes) -> Document:
    """The Document of :func:`document_data`'s output with its annotations, or of that output as JSON.

    The semantic pass is skipped: every span is a slice of this very text and every reference an id made
    by the extractor; the extractors' tests run the full check on every output. The models are compacted
    (:class:`~eval.api.Compactor`: shared field sets and arguments), which halves their memory. From plain
    data, each annotation list is validated a chunk at a time and its dicts go as their models come (the
    lists of ``data`` are emptied), so the dicts and the whole Document are never held together.
    """
    compactor = Compactor(rebuild=len(data if isinstance(data, bytes) else data["text"]) >= LARGE_TEXT)
    if not isinstance(data, dict):
        return compactor.compact(Document.model_validate_json(data, context={"semantics": False}))
    shell = Document.model_validate({k: v for k, v in data.items() if k not in _LISTS}, context={"semantics": False})
    found = {name: _validated(data[name], name, compactor) for name in _LISTS if name in data}
    return shell.model_copy(update=found)


def parts_document(data: dict[str, Any], parts: Iterable[dict[str, list[dict[str, Any]]]]) -> Document:
    """The Document of :func:`document_data`'s output (a long text) whose annotations come in parts (already
    shifted and renumbered: :mod:`extractors.shared.parts`); each part's lists are validated and emptied before
    the next part is made, so only one part's plain data is ever held beside the models."""
    compactor = Compactor(rebuild=True)
    shell = Document.model_validate(data, context={"semantics": False})
    found: dict[str, list[Any]] = {name: [] for name in _LISTS}
    for annotations in parts:
        for name, items in annotations.items():
            found[name] += _validated(items, name, compactor)
    return shell.model_copy(update={name: tuple(models) for name, models in found.items()})


_LISTS = {"actors": Actor, "locations": Location, "quotes": Quote, "events": Event}
_MODELS = {**_LISTS, "mentions": Mention}
# Validated this many at a time: a chunk of 512 events in flight (their dicts, fresh models, rebuilt models) cost
# 1.3 x a 1 MB article at the peak of its extraction in parts, 128 costs 0.3 x.
_CHUNK = 128
# From this many characters (or bytes of JSON) a document's models are rebuilt into their shared layout and an
# actor's mentions validated apart: what saves memory on a long article costs time on a short one.
LARGE_TEXT = 1 << 16


def _validated(items: list[dict[str, Any]], name: str, compactor: Compactor) -> tuple[Any, ...]:
    """The models of ``items``, compacted; ``items`` is emptied a chunk at a time, as its models come.

    On a long article (``compactor.rebuild``) an actor's or location's mentions (thousands) are validated the
    same way before it, so that they are not all held twice, as dicts and as fresh models. A chunk the models refuse raises its
    ValidationError, whose path counts from that chunk's first item (an extractor's defect; its tests name it).
    """
    adapter = _adapter(name)
    out: list[Any] = []
    while items:
        chunk = items[:_CHUNK]
        del items[:_CHUNK]
        apart = compactor.rebuild and name in ("actors", "locations")
        mentions = [_mentions_of(record, compactor) for record in chunk] if apart else []
        models = adapter.validate_python(chunk)
        del chunk
        out += (compactor.compact(model) for model in models)
        for model, found in zip(out[len(out) - len(mentions):], mentions):
            object.__setattr__(model, "mentions", found)  # fresh and frozen: nobody holds it yet
    return tuple(out)


def _mentions_of(record: dict[str, Any], compactor: Compactor) -> tuple[Any, ...]:
    """The mentions of an actor's or location's record as compacted models; the record keeps an empty tuple
    in their place (so that its model is built with the same fields)."""
    found = _validated(record["mentions"], "mentions", compactor) if "mentions" in record else ()
    if "mentions" in record:
        record["mentions"] = ()
    return found


@functools.cache
def _adapter(name: str) -> TypeAdapter:
    return TypeAdapter(list[_MODELS[name]])  # type: ignore[index]

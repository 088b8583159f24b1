"""The dataset card's tables that come from the data model and the gold: the fields with their allowed
values, and the counts of the gold per category and per value.

Nothing here is typed by hand: the allowed values are read from the pydantic models' ``Literal``
annotations (:mod:`eval.data.models`) and from the event inventory (``schema/event_inventory.yaml``); the
free-text fields (actor and location subtypes) list the values the published gold uses.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from eval.data.models import Actor, Argument, Document, Event, Location, Mention, Quote
from eval.reporting.markdown import markdown_table


@dataclass(frozen=True)
class Field:
    """One categorical field of the data: where it is, its model field, and how to read its values from a document."""

    path: str
    model: type[BaseModel]
    name: str
    values_of: Callable[[Document], Iterable[Any]]

    def allowed(self) -> tuple[str, ...] | None:
        """The values the model accepts, or None for free text."""
        return literal_values(self.model.model_fields[self.name].annotation)

    def counts(self, docs: Iterable[Document]) -> Counter[str]:
        return Counter(v for d in docs for v in self.values_of(d) if v is not None)


def literal_values(annotation: Any) -> tuple[str, ...] | None:
    """The values of a ``Literal`` annotation, also inside ``Optional``; None when it is not one.

    >>> literal_values(Literal["a", "b"] | None)
    ('a', 'b')
    >>> literal_values(str) is None
    True
    """
    if get_origin(annotation) is Literal:
        return tuple(get_args(annotation))
    if get_origin(annotation) in (Union, type(int | None)):
        for arg in get_args(annotation):
            found = literal_values(arg)
            if found is not None:
                return found
    return None


def _mentions(doc: Document) -> Iterable[str | None]:
    return (m.kind for item in (*doc.actors, *doc.locations) for m in item.mentions)


FIELDS: tuple[Field, ...] = (
    Field("actors[].type", Actor, "type", lambda d: (a.type for a in d.actors)),
    Field("actors[].subtype", Actor, "subtype", lambda d: (a.subtype for a in d.actors)),
    Field("locations[].type", Location, "type", lambda d: (loc.type for loc in d.locations)),
    Field("locations[].subtype", Location, "subtype", lambda d: (loc.subtype for loc in d.locations)),
    Field("actors[].mentions[].kind, locations[].mentions[].kind", Mention, "kind", _mentions),
    Field("quotes[].kind", Quote, "kind", lambda d: (q.kind for q in d.quotes)),
    Field("events[].type", Event, "type", lambda d: (e.type for e in d.events)),
    Field("events[].subtype", Event, "subtype", lambda d: (e.subtype for e in d.events)),
    Field("events[].arguments[].role", Argument, "role", lambda d: (a.role for e in d.events for a in e.arguments)),
    Field("events[].polarity", Event, "polarity", lambda d: (e.polarity for e in d.events)),
    Field("events[].modality", Event, "modality", lambda d: (e.modality for e in d.events)),
)


def _optional(field: Field) -> bool:
    return not field.model.model_fields[field.name].is_required()


def fields_table(docs: list[Document]) -> str:
    """Every categorical field with its allowed values (from the models), or the values the gold uses (free text)."""
    rows = []
    for field in FIELDS:
        allowed = field.allowed()
        if allowed is None:
            used = sorted(field.counts(docs))
            values = "free text; in this gold: " + (", ".join(f"`{v}`" for v in used) or "none")
        elif field.path == "events[].subtype":
            values = "one of the subtypes of the event's `type` (table below)"
        else:
            values = ", ".join(f"`{v}`" for v in allowed)
        rows.append([f"`{field.path}`", values + (" or null" if _optional(field) else "")])
    return markdown_table(["field", "allowed values"], rows, left=2)


def event_types_table() -> str:
    """The event types of the inventory with their subtypes and definitions."""
    from eval.data.inventory import load_inventory

    rows = [
        [f"`{t.type}`", ", ".join(f"`{s.subtype}`" for s in t.subtypes) or "none", t.definition]
        for t in load_inventory().types
    ]
    return markdown_table(["event type", "subtypes", "definition"], rows, left=3)


def counts_table(docs: list[Document]) -> str:
    """How often each value of each categorical field occurs in ``docs``, most frequent first; nulls counted too."""
    rows = []
    for field in FIELDS:
        counts = field.counts(docs)
        cells = [f"`{v}` {n}" for v, n in sorted(counts.items(), key=lambda vn: (-vn[1], vn[0]))]
        unset = sum(1 for d in docs for v in field.values_of(d) if v is None)
        if unset:
            cells.append(f"null {unset}")
        allowed = field.allowed()
        if allowed is not None and len(counts) < len(allowed):
            cells.append("every other allowed value 0")
        rows.append([f"`{field.path}`", ", ".join(cells) or "none"])
    return markdown_table(["field", "count per value"], rows, left=2)


def totals_table(docs: list[Document]) -> str:
    """Documents, characters, whitespace-separated tokens and items per category."""
    rows = [
        ["documents", str(len(docs))],
        ["characters (code points of `text`)", f"{sum(len(d.text) for d in docs):,}"],
        ["tokens (whitespace-separated)", f"{sum(len(d.text.split()) for d in docs):,}"],
        ["actors", str(sum(len(d.actors) for d in docs))],
        ["actor mentions", str(sum(len(a.mentions) for d in docs for a in d.actors))],
        ["locations", str(sum(len(d.locations) for d in docs))],
        ["location mentions", str(sum(len(loc.mentions) for d in docs for loc in d.locations))],
        ["quotes", str(sum(len(d.quotes) for d in docs))],
        ["events", str(sum(len(d.events) for d in docs))],
        ["event arguments", str(sum(len(e.arguments) for d in docs for e in d.events))],
    ]
    return markdown_table(["", "count"], rows)

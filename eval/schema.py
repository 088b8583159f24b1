"""Public: the newsbench data model, for extractors and third parties (``from eval.schema import Document``).

The models live in :mod:`eval.data.models`; the JSON Schema generated from them in
:mod:`eval.data.json_schema` (``newsbench schema`` writes ``schema/document.schema.json``).
"""
from __future__ import annotations

from eval.data.checks import iter_spans
from eval.data.json_schema import json_schema, render_json_schema
from eval.data.models import (
    SCHEMA_VERSION,
    Actor,
    ActorType,
    Argument,
    ArgumentRole,
    EVENT_SUBTYPES,
    Document,
    Event,
    EventSubtype,
    EventType,
    Location,
    LocationType,
    Mention,
    MentionKind,
    Modality,
    Polarity,
    Quote,
    QuoteKind,
    Span,
)

__all__ = [
    "SCHEMA_VERSION", "EVENT_SUBTYPES", "Actor", "ActorType", "Argument", "ArgumentRole", "Document", "Event",
    "EventSubtype", "EventType", "Location", "LocationType", "Mention", "MentionKind", "Modality", "Polarity", "Quote", "QuoteKind", "Span",
    "iter_spans", "json_schema", "render_json_schema",
]

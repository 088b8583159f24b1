"""The public API of newsbench for extractors: the only ``eval`` module an extractor imports.

Built-in extractors (``extractors/``) and third-party ones alike take from here the extractor
interface and registry, the data model and the errors they may raise; nothing else of ``eval`` is
promised to stay where it is.

>>> from eval.api import Article, Document, register
>>> Document(doc_id="a", text="Hi.").doc_id
'a'
"""
from __future__ import annotations

from eval.data.files import atomic_writer, write_json, write_text
from eval.data.models import (
    SCHEMA_VERSION,
    Actor,
    ActorType,
    Argument,
    ArgumentRole,
    Document,
    Event,
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
from eval.exceptions import (
    ExtractorUnavailableError,
    InvalidInputError,
    NewsbenchError,
    Problem,
)
from eval.registry import Article, Extractor, checked_extract, register

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorType",
    "Argument",
    "ArgumentRole",
    "Article",
    "Document",
    "Event",
    "EventType",
    "Extractor",
    "ExtractorUnavailableError",
    "InvalidInputError",
    "Location",
    "LocationType",
    "Mention",
    "MentionKind",
    "Modality",
    "NewsbenchError",
    "Polarity",
    "Problem",
    "Quote",
    "QuoteKind",
    "Span",
    "atomic_writer",
    "checked_extract",
    "register",
    "write_json",
    "write_text",
]

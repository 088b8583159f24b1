"""Semantic checks of one document that a JSON Schema cannot express.

Spans must lie inside the text and equal ``text[start:end]``; ids must be unique; every quote
``speaker`` and event argument ``ref`` must resolve. Each problem is a ``(json_path, reason)``
pair, and every problem is reported, not only the first.
"""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eval.schema import Document, Span

PathReason = tuple[str, str]


def check_span(text: str, span: Span) -> str | None:
    """Return why ``span`` does not fit ``text``, or None when it does.

    >>> from eval.schema import Span
    >>> check_span("NATO said", Span(start=5, end=9, text="said")) is None
    True
    """
    n = len(text)
    if span.end > n:
        return f"span [{span.start}, {span.end}) ends past the end of the text (length {n})"
    actual = text[span.start : span.end]
    if actual != span.text:
        return f"span text {span.text!r} differs from text[{span.start}:{span.end}] = {actual!r}"
    return None


def check_document(doc: Document) -> list[PathReason]:
    """Every semantic problem of ``doc`` as ``(json_path, reason)``, in a stable order."""
    from eval.schema import iter_spans

    problems: list[PathReason] = []
    for path, span in iter_spans(doc):
        reason = check_span(doc.text, span)
        if reason:
            problems.append((path, reason))
    problems += _check_ids(doc)
    problems += _check_refs(doc)
    if doc.text_sha256 is not None:
        actual = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        if actual != doc.text_sha256:
            problems.append(("text_sha256", f"{doc.text_sha256} does not match the text's sha256 {actual}"))
    return problems


def _check_ids(doc: Document) -> list[PathReason]:
    seen: dict[str, str] = {}
    problems: list[PathReason] = []
    for kind in ("actors", "locations", "quotes", "events"):
        for i, item in enumerate(getattr(doc, kind)):
            path = f"{kind}[{i}].id"
            if item.id in seen:
                problems.append((path, f"duplicate id {item.id!r} (first used at {seen[item.id]})"))
            else:
                seen[item.id] = path
    return problems


def _check_refs(doc: Document) -> list[PathReason]:
    actors = {a.id for a in doc.actors}
    entities = actors | {loc.id for loc in doc.locations}
    problems: list[PathReason] = []
    for i, q in enumerate(doc.quotes):
        if q.speaker is not None and q.speaker not in actors:
            problems.append((f"quotes[{i}].speaker", f"{q.speaker!r} is not the id of an actor of this document"))
    for i, e in enumerate(doc.events):
        for j, arg in enumerate(e.arguments):
            if arg.ref not in entities:
                problems.append(
                    (f"events[{i}].arguments[{j}].ref", f"{arg.ref!r} is not the id of an actor or location of this document")
                )
    return problems

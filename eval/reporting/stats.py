"""Counts of the gold per article, as the Markdown table in README.md ("The gold").

The table is generated, never typed: ``newsbench stats --readme README.md`` rewrites the ``stats``
block (see eval/reporting/markdown.py), and a test checks that the README holds exactly what the command
prints.
"""
from __future__ import annotations

from typing import Iterable

from pydantic import BaseModel, ConfigDict

from eval.data.models import Document
from eval.reporting.markdown import markdown_table

BLOCK = "stats"

COLUMNS: dict[str, str] = {
    "doc_id": "article",
    "actors": "actors",
    "actor_mentions": "actor mentions",
    "locations": "locations",
    "location_mentions": "location mentions",
    "quotes_direct": "direct quotes",
    "quotes_indirect": "indirect quotes",
    "quotes_mixed": "mixed quotes",
    "events": "events",
    "arguments": "event arguments",
}


class DocStats(BaseModel):
    """The counts of one article (or of all of them, with ``doc_id`` "total")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str
    actors: int
    actor_mentions: int
    locations: int
    location_mentions: int
    quotes_direct: int
    quotes_indirect: int
    quotes_mixed: int
    events: int
    arguments: int


def doc_stats(doc: Document) -> DocStats:
    """Count the annotations of one document.

    >>> doc_stats(Document(doc_id="d", text="x")).actors
    0
    """
    kinds = [q.kind for q in doc.quotes]
    return DocStats(
        doc_id=doc.doc_id,
        actors=len(doc.actors),
        actor_mentions=sum(len(a.mentions) for a in doc.actors),
        locations=len(doc.locations),
        location_mentions=sum(len(loc.mentions) for loc in doc.locations),
        quotes_direct=kinds.count("direct"),
        quotes_indirect=kinds.count("indirect"),
        quotes_mixed=kinds.count("mixed"),
        events=len(doc.events),
        arguments=sum(len(e.arguments) for e in doc.events),
    )


def total(rows: Iterable[DocStats]) -> DocStats:
    """The column sums of ``rows``."""
    rows = list(rows)
    sums = {f: sum(getattr(r, f) for r in rows) for f in DocStats.model_fields if f != "doc_id"}
    return DocStats(doc_id="total", **sums)


def stats_table(docs: Iterable[Document]) -> str:
    """The Markdown table of counts per article (sorted by ``doc_id``) with a total row."""
    rows = [doc_stats(d) for d in sorted(docs, key=lambda d: d.doc_id)]
    rows.append(total(rows))
    body = [
        [f"`{row.doc_id}`" if row.doc_id != "total" else "**total**", *(str(getattr(row, f)) for f in list(COLUMNS)[1:])]
        for row in rows
    ]
    return markdown_table(list(COLUMNS.values()), body)

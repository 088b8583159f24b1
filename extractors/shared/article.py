"""The work on one article that both offline extractors share, whatever finds the annotations."""
from __future__ import annotations

from typing import Any

from extractors.shared.quotes import QuotationSpans


class ArticleWork:
    """One article's text, where its quotations are, and the four lists of annotations (plain data,
    with ids) that a subclass fills in its ``__init__``."""

    def __init__(self, text: str):
        self.text = text
        self.quotations = QuotationSpans(text)
        self.actors: list[dict[str, Any]] = []
        self.locations: list[dict[str, Any]] = []
        self.quotes: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def annotations(self) -> dict[str, list[dict[str, Any]]]:
        """The annotations, as the fields of a Document."""
        return {"actors": self.actors, "locations": self.locations, "quotes": self.quotes, "events": self.events}

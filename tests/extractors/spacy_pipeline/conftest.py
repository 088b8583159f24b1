"""Fixtures and helpers of the ``spacy`` tests, on invented articles (tests/data/articles/spacy_invented/,
not the gold).

Loading the pipeline takes a second or two, so one extractor serves the whole package.
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article
from eval.schema import Document
from extractors.spacy_pipeline import SpacyExtractor, SpacyExtractorV1
from tests.conftest import DATA, read_article

ARTICLES = DATA / "articles" / "spacy_invented"


@pytest.fixture(scope="package")
def spacy_ex() -> SpacyExtractor:
    """Version 1, whose behaviour these tests describe (frozen); version 2 is tested in
    ``tests/extractors/test_versions.py``."""
    return SpacyExtractorV1()


def read(stem: str) -> str:
    return read_article(ARTICLES / f"{stem}.txt")


def one(extractor: SpacyExtractor, text: str, doc_id: str = "t") -> Document:
    """The Document of one text."""
    (doc,) = extractor.extract([Article(doc_id, text)])
    return doc


def quotes_of(doc: Document) -> list[tuple[str, str | None, str, str | None]]:
    """(kind, speaker name, content, speaker mention) per quote."""
    names = {a.id: a.name for a in doc.actors}
    return [(q.kind, names.get(q.speaker or ""), q.content.text,
             q.speaker_mention.text if q.speaker_mention else None) for q in doc.quotes]


def events(extractor: Any, text: str) -> set[tuple[str, str]]:
    """(trigger, type) of every event of the text."""
    return {(e.trigger.text, e.type) for e in one(extractor, text).events}


def arguments(extractor: Any, text: str) -> set[tuple[str, str, str]]:
    """(trigger, role, entity name) of every argument of the text's events."""
    doc = one(extractor, text)
    names = {e.id: e.name for e in [*doc.actors, *doc.locations]}
    return {(e.trigger.text, a.role, names[a.ref]) for e in doc.events for a in e.arguments}

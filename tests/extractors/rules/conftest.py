"""Fixtures and helpers of the ``rules`` tests, on invented news articles (tests/data/articles/, not
the gold articles)."""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article
from eval.schema import Document
from extractors.rules import RulesExtractor, RulesExtractorV1
from tests.conftest import DATA, read_article

ARTICLES = DATA / "articles"


@pytest.fixture(scope="module")
def rules() -> RulesExtractor:
    """Version 1, whose behaviour these tests and ``expected_rules.json`` describe (frozen);
    version 2 is tested in ``tests/extractors/test_versions.py``."""
    return RulesExtractorV1()


def read(stem: str) -> str:
    return read_article(ARTICLES / f"{stem}.txt")


def quotes_of(doc: Document) -> list[tuple[str, str | None, str]]:
    """(kind, speaker name, content) per quote."""
    names = {a.id: a.name for a in doc.actors}
    return [(q.kind, names.get(q.speaker or ""), q.content.text) for q in doc.quotes]


def doc_of(extractor: Any, text: str) -> Document:
    """The Document of one text."""
    return next(iter(extractor.extract([Article("t", text)])))


def events_of(extractor: Any, text: str) -> dict[str, set[tuple[str, str]]]:
    """Trigger text -> its (role, entity name) arguments."""
    doc = doc_of(extractor, text)
    names = {x.id: x.name for x in list(doc.actors) + list(doc.locations)}
    return {e.trigger.text: {(a.role, names[a.ref]) for a in e.arguments} for e in doc.events}

"""Fixtures and helpers of the ``rules`` tests, on invented news articles (tests/data/articles/, not
the gold articles)."""
from __future__ import annotations

import pytest

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

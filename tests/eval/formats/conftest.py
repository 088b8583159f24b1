"""Fixtures of the format tests: the shipped gold plus an invented document that sets every field."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.data.models import Document
from eval.data.parsing import read_documents
from eval.gold.load import load_gold

INVENTED = Path(__file__).resolve().parents[2] / "data" / "formats" / "invented.json"


@pytest.fixture
def invented() -> Document:
    """Every field of the data model set once (a mixed quote with a line break, an emoji before spans, ...)."""
    return next(read_documents(INVENTED))


@pytest.fixture
def corpus(invented: Document) -> list[Document]:
    """The three shipped gold documents and the invented one."""
    return [*load_gold().documents, invented]

"""``extractors.spacy_pipeline.extractor`` and ``.pipeline``: the ``spacy`` extractor on invented
articles (tests/data/articles/spacy_invented/, not the gold); the fixtures are in ``conftest.py``.
"""
from __future__ import annotations

import json

import pytest

from eval.exceptions import ExtractorUnavailableError
from eval.data.parsing import document_json, parse
from eval.registry import Article, Extractor, create
from extractors.spacy_pipeline import SpacyExtractor, pipeline
from tests.extractors.spacy_pipeline.conftest import ARTICLES, one, read

STEMS = sorted(p.stem for p in ARTICLES.glob("*.txt"))


def test_can_run_here_and_is_registered(spacy_ex: SpacyExtractor) -> None:
    assert SpacyExtractor.unavailable_reason() is None
    assert isinstance(spacy_ex, Extractor)
    assert create("spacy").config()["pipeline"] in pipeline.PIPELINES


def test_config_records_the_pipeline(spacy_ex: SpacyExtractor) -> None:
    cfg = spacy_ex.config()
    assert {k: cfg[k] for k in ("name", "version", "batch_size", "workers")} == {
        "name": "spacy.v1", "version": "1", "batch_size": 64, "workers": 1
    } and cfg["pipeline_version"] and "parser" in cfg["pipeline_components"]


def test_unavailable_reason_names_the_missing_pipelines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PIPELINES", ("no_such_pipeline_xyz",))
    reason = SpacyExtractor.unavailable_reason()
    assert reason is not None and "no_such_pipeline_xyz" in reason


@pytest.mark.parametrize("stem", STEMS)
def test_output_is_a_valid_document(spacy_ex: SpacyExtractor, stem: str) -> None:
    """Schema, span texts, ids, references and span quality, checked as `newsbench validate` does."""
    doc = one(spacy_ex, read(stem), stem)
    parsed = parse(json.loads(document_json(doc)), stem, full=True, gold=True)
    assert (parsed.problems, parsed.document) == ([], doc)


@pytest.mark.parametrize("text", ["", "  \n ", "no names at all here."], ids=["empty", "blank", "plain"])
def test_degenerate_texts_give_valid_documents(spacy_ex: SpacyExtractor, text: str) -> None:
    doc = one(spacy_ex, text)
    assert (doc.doc_id, doc.text, doc.quotes) == ("t", text, ())


def test_two_workers_give_the_same_output_as_one(spacy_ex: SpacyExtractor) -> None:
    articles = [Article(f"{stem}-{i}", read(stem)) for i in range(3) for stem in STEMS]
    two = type(spacy_ex)(workers=2, batch_size=2)
    assert list(two.extract(articles)) == list(spacy_ex.extract(articles))


@pytest.mark.parametrize("option", ["workers", "batch_size"])
def test_bad_settings_are_refused(option: str) -> None:
    with pytest.raises(ExtractorUnavailableError, match=rf"{option}=0\b.*both must be at least 1"):
        SpacyExtractor(**{option: 0})

"""The DocBin loads in spaCy with a span at the exact offsets of every mention on token boundaries."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from eval.data.models import Document
from eval.exceptions import InvalidInputError
from eval.formats import export_documents
from eval.formats.docbin import SPAN_KEY


def mentions(doc: Document) -> list[tuple[int, int, str]]:
    return sorted((m.start, m.end, e.type) for e in (*doc.actors, *doc.locations) for m in e.mentions)


def test_every_mention_is_a_span_or_reported(corpus: list[Document], tmp_path: Path) -> None:
    report = export_documents("docbin", corpus, tmp_path / "train.spacy")
    nlp = spacy.blank("en")
    loaded = {d.user_data["doc_id"]: d for d in DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab)}
    skipped = {(p.file, p.path) for p in report.warnings}
    for doc in corpus:
        sdoc = loaded[doc.doc_id]
        spans = sorted((s.start_char, s.end_char, s.label_) for s in sdoc.spans[SPAN_KEY])
        kept = [
            (m.start, m.end, e.type)
            for kind in ("actors", "locations") for i, e in enumerate(getattr(doc, kind))
            for j, m in enumerate(e.mentions) if (doc.doc_id, f"{kind}[{i}].mentions[{j}]") not in skipped
        ]
        assert spans == sorted(kept)
        assert len(kept) + sum(p.file == doc.doc_id for p in report.warnings) == len(mentions(doc))
        ents = sorted((s.start_char, s.end_char) for s in sdoc.ents)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ents)) and set(ents) <= {s[:2] for s in spans}


def test_a_mention_inside_a_token_is_reported_not_shifted(tmp_path: Path) -> None:
    doc = Document.model_validate({"doc_id": "d", "text": "NATO-led forces met Kyivans.", "actors": [
        {"id": "a", "name": "NATO", "type": "ORG", "mentions": [{"start": 0, "end": 4, "text": "NATO"}]},
        {"id": "b", "name": "Kyiv", "type": "GPE", "mentions": [{"start": 20, "end": 24, "text": "Kyiv"}]}]})
    report = export_documents("docbin", [doc], tmp_path / "d.spacy")
    sdoc = next(DocBin().from_disk(tmp_path / "d.spacy").get_docs(spacy.blank("en").vocab))
    assert [(s.start_char, s.end_char) for s in sdoc.spans[SPAN_KEY]] == [(0, 4)]
    assert [(p.path, p.reason) for p in report.warnings] == [
        ("actors[1].mentions[0]", "[20, 24) 'Kyiv' does not fall on token boundaries; left out")]


def test_docbin_out_must_be_a_spacy_file(invented: Document, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"docbin is a file ending in \.spacy"):
        export_documents("docbin", [invented], tmp_path / "out")

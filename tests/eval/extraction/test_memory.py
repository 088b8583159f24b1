"""Memory of one large article: no copy of the whole document on the way out (``bench/memory.py`` measures the
whole command)."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.data.parsing import document_json, read_documents, write_documents
from eval.extraction.measure import traced
from eval.gold.load import load_gold
from eval.registry import create
from eval.schema import Document


@pytest.fixture(scope="module")
def long_text() -> str:
    """About 200 KB of news text: the gold articles repeated."""
    body = "\n\n".join(d.text for d in load_gold().documents)
    return body * (200_000 // len(body) + 1)


@pytest.fixture(scope="module")
def large_document(long_text: str) -> Document:
    """A document with many mentions and an unattributed quote (whose ``speaker`` the contract writes as null)."""
    words, offset, mentions = long_text.split(" "), 0, []
    for word in words:
        if word[:1].isupper() and word.isalpha():
            mentions.append({"start": offset, "end": offset + len(word), "text": word, "kind": "name"})
        offset += len(word) + 1
    return Document.model_validate({
        "doc_id": "big", "text": long_text,
        "actors": [{"id": "a1", "name": "Many", "type": "ORG", "mentions": mentions}],
        "quotes": [{"id": "q1", "content": {k: mentions[0][k] for k in ("start", "end", "text")}, "speaker": None,
                    "kind": "direct"}],
    })


def test_writing_a_line_makes_no_copy_of_the_document(large_document: Document, tmp_path: Path) -> None:
    line = document_json(large_document).encode("utf-8")
    peak, _, _ = traced(lambda: write_documents(tmp_path / "out.jsonl", [large_document]))
    # The line's bytes once (and the writer's buffers); a dict of the document, its JSON text and the
    # encoded line would each cost about as much again, or more.
    assert peak < 1.5 * len(line), f"writing a {len(line):,}-byte line took {peak:,} bytes"
    assert list(read_documents(tmp_path / "out.jsonl")) == [large_document]


def test_unattributed_speaker_is_written_as_null_last(large_document: Document) -> None:
    assert document_json(large_document).endswith('"quotes":[{"id":"q1","content":{"start":0,"end":4,"text":"NATO"},'
                                                  '"kind":"direct","speaker":null}],"events":[]}')


def test_rules_output_is_built_without_holding_its_plain_data(long_text: str) -> None:
    extractor = create("rules")
    extractor.extract_one("warm-up", "NATO met in Vilnius.")
    peak, kept, doc = traced(lambda: extractor.extract_one("big", long_text))
    # The plain data (dicts) of every annotation goes before the Document is built: the peak is the Document
    # and the data's JSON, not the Document and the dicts (about 30% more than the Document).
    assert (doc.doc_id, peak - kept < 0.2 * kept) == ("big", True), f"peak {peak:,} bytes, Document {kept:,}"

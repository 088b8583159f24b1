"""Errors keep their content when they cross a process boundary (Dataset.map, spaCy workers)."""
from __future__ import annotations

import pickle

import pytest

from eval.exceptions import (
    InvalidInputError,
    NewsbenchError,
    Problem,
    UnknownExtractorError,
)


@pytest.mark.parametrize(
    "error",
    [
        InvalidInputError([Problem("a.jsonl:3", "quotes[0].speaker", "'x' is not an actor"), Problem("b.json", "", "empty")]),
        UnknownExtractorError("nope", ["spacy", "rules"]),
    ],
    ids=["invalid-input", "unknown-extractor"],
)
def test_errors_survive_pickling(error: NewsbenchError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), vars(copy)) == (type(error), str(error), vars(error))

"""The per-article indexes give exactly what the walks they replace give (sentence words, first conjuncts)."""
from __future__ import annotations

from typing import Any

import pytest

from extractors.spacy_pipeline import SpacyExtractor
from extractors.spacy_pipeline.doc_index import conj_root, sentence_words

TEXT = ("Unions, farmers and students marched, chanted and voted on Monday. The council met, argued and agreed "
        "a budget, and the mayor resigned.\n\nPolice said they arrested and charged two men and a woman.")


@pytest.fixture(scope="module")
def parsed() -> Any:
    return SpacyExtractor().nlp(TEXT)


def _walk(token: Any) -> Any:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def test_indexes_answer_as_the_walks_do(parsed: Any) -> None:
    assert ([(conj_root(t).i, sentence_words(t)) for t in parsed]
            == [(_walk(t).i, {w.lower_ for w in t.sent}) for t in parsed])


def test_the_text_holds_coordinations_to_climb(parsed: Any) -> None:
    assert sum(conj_root(t).i != t.i for t in parsed) >= 4

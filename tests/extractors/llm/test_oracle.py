"""A perfect model (the fake server answering with the gold) must score as the gold: nothing lost by
the answer format, the placement of strings, the references or the splitting of long articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.llm import CHARS_PER_TOKEN, gold_documents, joined, oracle_run, scored_f1

TARGET_F1 = 0.995


@pytest.fixture(scope="module")
def golds():
    return gold_documents()


def test_the_perfect_model_scores_the_gold_with_compact_answers(golds, tmp_path: Path) -> None:
    docs, oracle, usage = oracle_run(golds, tmp_path, "gold")
    pieces, answers = zip(*oracle.answers)
    ratio = sum(answers) / sum(pieces)
    f1 = scored_f1(docs, None, tmp_path)
    assert (f1 >= TARGET_F1, ratio <= 3, max(answers) / CHARS_PER_TOKEN < 4096, usage["dropped_spans"]) == (
        True, True, True, 0), (f1, ratio, max(answers))


@pytest.mark.parametrize("max_chars", [None, 1000])
def test_the_perfect_model_scores_long_articles_that_must_be_split(golds, tmp_path: Path, max_chars) -> None:
    long_docs = [joined(golds, "joined_012"), joined(golds[::-1], "joined_210")]
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for d in long_docs:
        (gold_dir / f"{d.doc_id}.json").write_text(d.model_dump_json(exclude_none=True), encoding="utf-8")
    docs, _, _ = oracle_run(long_docs, tmp_path, "long", **({"max_chars": max_chars} if max_chars else {}))
    f1 = scored_f1(docs, gold_dir, tmp_path)
    assert (f1 >= TARGET_F1, all(d.meta["chunks"] > 1 for d in docs)) == (True, True), f1

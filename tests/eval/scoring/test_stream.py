"""Streamed scoring (eval/stream.py): the same results and the same messages as the in-memory path."""
from __future__ import annotations

import copy
import json
import random
from pathlib import Path

import pytest

from eval.data.fingerprint import document_sha256
from eval.exceptions import InvalidInputError, Problem
from eval.gold.index import GoldIndex
from eval.gold.load import load_gold
from eval.runner import score_file, score_pairing
from eval.scoring.pairing import read_predictions
from eval.scoring.stream import score_predictions
from tests.conftest import DATA

GOLD = DATA / "bad" / "gold"
VALID = DATA / "bad" / "valid.jsonl"
N_COPIES = 7  # 14 documents: over the threshold of the document bootstrap


def _renamed(doc: dict, k: int) -> dict:
    return {**copy.deepcopy(doc), "doc_id": f"{doc['doc_id']}-{k:02d}"}


def _write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture
def gold_docs() -> list[dict]:
    """The two fixture gold documents, each copied under N_COPIES doc_ids."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    return [_renamed(d, k) for k in range(N_COPIES) for d in docs]


@pytest.fixture
def gold_file(tmp_path: Path, gold_docs: list[dict]) -> Path:
    return _write_jsonl(tmp_path / "gold.jsonl", gold_docs)


@pytest.fixture
def pred_docs() -> list[dict]:
    """Predictions for every copy but the last, shuffled: streamed in another order than the gold."""
    valid = [json.loads(line) for line in VALID.read_text(encoding="utf-8").splitlines()]
    docs = [_renamed(d, k) for k in range(N_COPIES) for d in valid][:-1]
    random.Random(0).shuffle(docs)
    return docs


@pytest.fixture
def pred_file(tmp_path: Path, pred_docs: list[dict]) -> Path:
    return _write_jsonl(tmp_path / "pred.jsonl", pred_docs)


def _comparable(result_json: dict) -> dict:
    return {k: v for k, v in result_json.items() if k != "created"}


def _errors(path: Path) -> list[dict]:
    """The error list in doc_id order (streamed errors come in prediction order; each document's in its order)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return sorted(rows, key=lambda r: r["doc_id"])


def test_streamed_results_equal_in_memory_results(tmp_path: Path, gold_file: Path, pred_file: Path) -> None:
    gold_set = load_gold(gold_file)
    loaded = score_pairing(read_predictions(pred_file, gold_set), gold_set, extractor="x", out=tmp_path / "loaded")
    warnings: list[Problem] = []
    streamed = score_file(pred_file, GoldIndex.open(gold_file), extractor="x", out=tmp_path / "streamed", warn=warnings.append)
    assert (_comparable(streamed.model_dump()), _errors(tmp_path / "streamed" / "x.errors.jsonl"), warnings) == (
        _comparable(loaded.model_dump()),
        _errors(tmp_path / "loaded" / "x.errors.jsonl"),
        [Problem(str(pred_file), "", "no prediction for gold document 'beta-06'; its items count as misses")],
    )


def test_gold_fingerprint_of_a_stream_equals_the_loaded_one(gold_file: Path, pred_file: Path) -> None:
    streamed = score_predictions(pred_file, GoldIndex.open(gold_file), n_boot=0, collect_errors=False)
    assert streamed.gold_sha256 == document_sha256(load_gold(gold_file).documents)


def test_a_gold_folder_is_scored_through_the_same_path(tmp_path: Path) -> None:
    gold_set = load_gold(GOLD)
    loaded = score_pairing(read_predictions(VALID, gold_set), gold_set, extractor="x", out=None)
    streamed = score_file(VALID, GoldIndex.open(GOLD), extractor="x", out=None)
    assert _comparable(streamed.model_dump()) == _comparable(loaded.model_dump())


def _problems(call) -> list[str]:
    with pytest.raises(InvalidInputError) as info:
        call()
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda docs: [{**docs[0], "doc_id": "gamma"}, *docs[1:]], id="unknown-doc-id"),
        pytest.param(lambda docs: [docs[0], *docs], id="second-prediction"),
        pytest.param(lambda docs: [{**docs[0], "text": "Another text."}, *docs[1:]], id="text-differs"),
        pytest.param(lambda docs: [{**docs[0], "actors": "none"}, docs[1], {**docs[2], "doc_id": "gamma"}], id="schema-and-pairing"),
    ],
)
def test_bad_predictions_give_the_messages_of_the_in_memory_path(tmp_path: Path, gold_file: Path, pred_docs: list[dict], change) -> None:
    pred = _write_jsonl(tmp_path / "bad.jsonl", change(pred_docs))
    out = tmp_path / "out"
    streamed = _problems(lambda: score_file(pred, GoldIndex.open(gold_file), extractor="x", out=out))
    loaded = _problems(lambda: read_predictions(pred, load_gold(gold_file)))
    assert (streamed, list(out.glob("*"))) == (loaded, [])


def test_gold_lines_without_a_readable_doc_id_are_all_listed_by_the_index(tmp_path: Path, gold_docs: list[dict]) -> None:
    lines = [json.dumps(d) for d in gold_docs[:3]]
    lines[1] = lines[1][:15]  # cut before its doc_id
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([*lines, lines[0]]) + "\n", encoding="utf-8")
    problems = _problems(lambda: GoldIndex.open(path))
    assert [p.split(": ", 2)[:2] for p in problems] == [[f"{path}:2", "invalid JSON"], [f"{path}:4", "doc_id"]] and (
        f"duplicate doc_id 'alpha-00' in the gold (first at {path}:1)" in problems[1]
    )


def test_invalid_gold_documents_are_reported_instead_of_prediction_problems(tmp_path: Path, gold_docs: list[dict], pred_docs: list[dict]) -> None:
    gold_docs[3]["actors"][0]["mentions"][0]["end"] += 1  # the span no longer equals its text
    gold = _write_jsonl(tmp_path / "gold.jsonl", gold_docs)
    pred = _write_jsonl(tmp_path / "pred.jsonl", [{**pred_docs[0], "doc_id": "gamma"}, *pred_docs[1:]])
    streamed = _problems(lambda: score_predictions(pred, GoldIndex.open(gold)))
    loaded = _problems(lambda: load_gold(gold))
    assert streamed == loaded and all(p.startswith(f"{gold}:4: actors[0].mentions[0]") for p in streamed)


def test_an_empty_gold_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n", encoding="utf-8")
    assert _problems(lambda: GoldIndex.open(path)) == [f"{path}: holds no gold documents (one JSON document per line)"]


def test_a_truncated_gold_line_is_reported_when_it_is_read(tmp_path: Path, gold_docs: list[dict], pred_file: Path) -> None:
    lines = [json.dumps(d) for d in gold_docs]
    lines[5] = lines[5][:200]  # its doc_id is readable, so the index takes it; parsing it fails
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = _problems(lambda: score_predictions(pred_file, GoldIndex.open(gold)))
    assert problems == _problems(lambda: load_gold(gold)) and problems[0].startswith(f"{gold}:6: invalid JSON:")


def test_the_streamed_fingerprint_orders_documents_as_whole_lines_do() -> None:
    """doc_ids where a key-only sort could go wrong: prefixes, escapes, non-ASCII, astral characters."""
    import hashlib

    from eval.data.parsing import document_json
    from eval.schema import Document

    ids = ["a", "a b", 'a"b', "ab", "a\\", "é", "a\t", "a!", "a\u2028", "a\U0001F600", "a\uffff", "a~"]
    docs = [Document(doc_id=i, text="x") for i in ids]
    expected = hashlib.sha256("".join(f"{line}\n" for line in sorted(map(document_json, docs))).encode("utf-8")).hexdigest()
    assert (document_sha256(docs), document_sha256(reversed(docs))) == (expected, expected)

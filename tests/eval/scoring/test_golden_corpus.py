"""The scorer's figures and error list on a synthetic corpus, frozen: a speed-up must leave them byte for byte.

The corpus is the one ``bench/score.py`` benchmarks (windows of the shipped gold articles, with
perturbed predictions: dropped items, spans cut short, wrong types and speakers, spurious actors),
so it exercises the shortcuts the scorer takes (strict figures reused in partial mode, alignments
reused when they agree, the assignment skipped where no item has two partners) and the cases where
they do not apply. ``tests/data/scoring/synthetic/expected.json`` was written by the scorer before
those shortcuts were added (commit 819d02f); regenerate it only for a change meant to change scores:
``python tests/eval/scoring/test_golden_corpus.py``.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from eval.gold.index import GoldIndex
from eval.runner import score_file

ROOT = Path(__file__).resolve().parents[3]
EXPECTED = ROOT / "tests" / "data" / "scoring" / "synthetic" / "expected.json"
N_DOCS, SEED = 120, 7
#: Fields that depend on the machine, the run or the temporary folder, not on the scorer.
UNSTABLE = ("created", "runtime_s", "peak_memory_mb", "setup_s", "gold_source", "newsbench_version")


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_score", ROOT / "bench" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scored(folder: Path) -> dict[str, Any]:
    """The results (without unstable fields) and the SHA-256 of the error list of the synthetic corpus."""
    gold, pred, _ = _bench().write_corpus(folder, N_DOCS, SEED)
    out = folder / "results"
    result = score_file(pred, GoldIndex.open(gold), extractor="synthetic", out=out)
    errors = (out / "synthetic.errors.jsonl").read_bytes()
    data = {k: v for k, v in json.loads(result.model_dump_json()).items() if k not in UNSTABLE}
    return {"results": data, "errors_sha256": hashlib.sha256(errors).hexdigest(), "n_errors": errors.count(b"\n")}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return scored(tmp_path_factory.mktemp("synthetic"))


def test_synthetic_corpus_figures_are_unchanged(synthetic: dict[str, Any]) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert synthetic["results"] == expected["results"]


def test_synthetic_corpus_error_list_is_unchanged_byte_for_byte(synthetic: dict[str, Any]) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert (synthetic["n_errors"], synthetic["errors_sha256"]) == (expected["n_errors"], expected["errors_sha256"])


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        EXPECTED.write_text(json.dumps(scored(Path(tmp)), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.exit(0)

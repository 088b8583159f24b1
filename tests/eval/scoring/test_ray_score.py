"""``newsbench score --engine ray``: per-document counts on Ray, the streaming scorer's figures exactly."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.extraction.extract import extract_files
from eval.extraction.ray_engine import ray_session
from eval.gold.index import GoldIndex
from eval.runner import score_file
from eval.scoring.ray_score import ray_pair_scorer
from eval.scoring.stream import score_predictions
from tests.conftest import DATA, ROOT
from tests.eval.scoring.test_stream import N_COPIES, _renamed, _write_jsonl

pytest.importorskip("ray")

GOLD = DATA / "bad" / "gold"
VALID = DATA / "bad" / "valid.jsonl"


@pytest.fixture(scope="module")
def ray_local():
    """One local Ray instance for the module (starting one costs seconds)."""
    with ray_session(num_cpus=2) as ray:
        yield ray


@pytest.fixture(scope="module")
def fourteen(tmp_path_factory) -> tuple[Path, Path]:
    """14 gold documents (the document bootstrap) and predictions for 13 of them."""
    folder = tmp_path_factory.mktemp("fourteen")
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    valid = [json.loads(line) for line in VALID.read_text(encoding="utf-8").splitlines()]
    return (_write_jsonl(folder / "gold.jsonl", [_renamed(d, k) for k in range(N_COPIES) for d in gold]),
            _write_jsonl(folder / "pred.jsonl", [_renamed(d, k) for k in range(N_COPIES) for d in valid][:-1]))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> tuple[None, Path]:
    """The shipped gold (under 10 documents: the annotation bootstrap) and the rules extractor's predictions."""
    from eval.gold.load import load_gold

    folder = tmp_path_factory.mktemp("shipped")
    for doc in load_gold(None).documents:
        (folder / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
    extract_files("rules", [folder], folder / "rules.jsonl")
    return None, folder / "rules.jsonl"


@pytest.mark.parametrize("inputs", ["shipped", "fourteen"])
def test_ray_scorecard_equals_the_streaming_scorecard(ray_local, request, inputs):
    gold, pred = request.getfixturevalue(inputs)
    local = score_predictions(pred, GoldIndex.open(gold))
    on_ray = score_predictions(pred, GoldIndex.open(gold), pair_scorer=ray_pair_scorer(2))
    assert on_ray == local
    assert local.card.errors and local.card.bootstrap["n_resamples"] == 1000  # intervals and errors compared


def test_saved_results_and_error_files_are_the_same(ray_local, fourteen, tmp_path):
    gold, pred = fourteen
    local = score_file(pred, GoldIndex.open(gold), extractor="x", out=tmp_path / "local")
    on_ray = score_file(pred, GoldIndex.open(gold), extractor="x", out=tmp_path / "ray", pair_scorer=ray_pair_scorer(2))
    assert (on_ray.model_dump(exclude={"created"}), (tmp_path / "ray" / "x.errors.jsonl").read_text()) == (
        local.model_dump(exclude={"created"}), (tmp_path / "local" / "x.errors.jsonl").read_text())


@pytest.mark.slow
def test_cli_score_engine_ray_prints_the_local_figures(shipped):
    """The command line end to end, in its own process (it starts and stops its own local Ray)."""
    _, pred = shipped

    def score(*extra: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "eval", "score", "--pred", str(pred), "--json", *extra],
                              capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                              timeout=300)
        assert done.returncode == 0, done.stderr
        return {k: v for k, v in json.loads(done.stdout).items() if k != "created"}

    assert score("--engine", "ray") == score()


def test_an_unknown_engine_is_refused_with_the_valid_ones(shipped):
    _, pred = shipped
    done = subprocess.run([sys.executable, "-m", "eval", "score", "--pred", str(pred), "--engine", "spark"],
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert (done.returncode, "'spark' is not one of 'local', 'ray'" in done.stderr) == (2, True)

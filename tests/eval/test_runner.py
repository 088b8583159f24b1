"""`newsbench run` and `newsbench score` end to end, through the real command, against the contract."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eval.data.parsing import document_json
from eval.gold.load import load_gold
from eval.paths import default_gold_dir
from eval.registry import resolve
from eval.scoring.figures import CATEGORIES

CURRENT_RULES = resolve("rules")  # the version the plain name runs, and names its results by

CONTRACT_KEYS = {"extractor", "newsbench_version", "gold_sha256", "n_docs", "runtime_s", "peak_memory_mb", "created", "scores"}


def newsbench(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eval", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


@pytest.fixture(scope="module")
def gold_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped gold written as a prediction file."""
    path = tmp_path_factory.mktemp("pred") / "gold.predictions.jsonl"
    path.write_text("".join(document_json(d) + "\n" for d in load_gold().documents), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rules_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("results")
    env = {"OPENAI_BASE_URL": ""}
    proc = newsbench("run", "--extractor", "rules", "--extractor", "llm", "--out", str(out), env=env)
    # llm was named and could not run: exit 1, as `extract -e llm` does; the results set is still saved
    assert (proc.returncode, "error: extractor 'llm' could not run: OPENAI_BASE_URL is not set" in proc.stderr) == (1, True), proc.stderr
    return out


def _headlines(scores: dict) -> list[float]:
    return [scores[c][k] for c in (*CATEGORIES, "overall") for k in ("precision", "recall", "f1")]


def test_gold_against_itself_scores_one(gold_jsonl: Path) -> None:
    proc = newsbench("score", "--pred", str(gold_jsonl), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert CONTRACT_KEYS <= set(result) and _headlines(result["scores"]) == [1.0] * 15


def test_run_writes_contract_results(rules_run: Path) -> None:
    result = json.loads((rules_run / f"{CURRENT_RULES}.json").read_text())
    gold = load_gold()
    assert (
        CONTRACT_KEYS <= set(result),
        result["n_docs"],
        result["gold_sha256"],
        all(0.0 <= v <= 1.0 for v in _headlines(result["scores"])),
        result["scores"]["overall"]["f1"] == pytest.approx(sum(result["scores"][c]["f1"] for c in CATEGORIES) / 4),
    ) == (True, len(gold.documents), gold.sha256, True, True)


def test_run_saves_predictions_that_validate(rules_run: Path) -> None:
    proc = newsbench("validate", str(rules_run / f"{CURRENT_RULES}.predictions.jsonl"), "--gold", str(default_gold_dir()))
    assert proc.returncode == 0, proc.stderr


def test_extractor_that_cannot_run_is_listed_not_scored(rules_run: Path) -> None:
    board = (rules_run / "leaderboard.md").read_text()
    llm_row = next(line for line in board.splitlines() if line.startswith("| llm"))
    assert "not run" in llm_row and not (rules_run / "llm.json").exists()


def test_saved_leaderboard_is_printed_again(rules_run: Path) -> None:
    proc = newsbench("leaderboard", "--results", str(rules_run), "--format", "csv")
    assert proc.returncode == 0 and proc.stdout.splitlines()[0].startswith("extractor")
    assert [line.split(",")[0] for line in proc.stdout.splitlines()[1:]] == [CURRENT_RULES, "llm"]

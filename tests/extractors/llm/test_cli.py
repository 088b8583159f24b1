"""End to end through the real command: `newsbench run --extractor llm --model fake` against the fake server.

The scores written here are the fake server's, in a temporary folder; they are never reported.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.extractors.llm.fake_openai import FakeOpenAI


@pytest.fixture
def llm_gold(data_dir: Path) -> Path:
    """A one-article invented gold (tests/data/llm/gold/brook.json)."""
    return data_dir / "llm" / "gold"


def newsbench(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eval", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _env(tmp_path: Path, base_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "NEWSBENCH_"))}
    env.update(NEWSBENCH_CACHE_DIR=str(tmp_path / "cache"), COLUMNS="250")
    if base_url:
        env["OPENAI_BASE_URL"] = base_url
    return env


def test_run_writes_a_scored_result_with_usage(tmp_path: Path, llm_gold: Path) -> None:
    out = tmp_path / "results"
    with FakeOpenAI() as server:
        proc = newsbench(
            "run", "--extractor", "llm", "--model", "fake", "--concurrency", "2", "--gold", str(llm_gold), "--out", str(out),
            env=_env(tmp_path, server.base_url),
        )
        n_requests = len(server.requests)
    assert proc.returncode == 0, proc.stderr
    result = json.loads((out / "llm.json").read_text())
    assert (
        result["extractor"], result["n_docs"], result["config"]["model"], result["config"]["concurrency"],
        result["usage"]["requests"], result["usage"]["failures"], n_requests, sorted(result["scores"]),
    ) == ("llm", 1, "fake", 2, 1, 0, 1, ["actors", "events", "locations", "overall", "quotes"])


@pytest.mark.slow  # retries with backoff before giving up
def test_run_without_a_reachable_server_is_not_run(tmp_path: Path, llm_gold: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    out = tmp_path / "results"
    proc = newsbench(
        "run", "--extractor", "llm", "--model", "fake", "--gold", str(llm_gold), "--out", str(out),
        env=_env(tmp_path, dead),
    )
    not_run = json.loads((out / "not_run.json").read_text())
    assert (proc.returncode, (out / "llm.json").exists(), [r["extractor"] for r in not_run],
            "failed on every one of the 1 document(s)" in not_run[0]["reason"]) == (0, False, ["llm"], True)


def test_list_shows_llm_not_runnable_with_the_reason(tmp_path: Path) -> None:
    proc = newsbench("list", env=_env(tmp_path, None))
    row = next(line for line in proc.stdout.splitlines() if line.strip("│┃ ").startswith("llm"))
    assert (proc.returncode, "no" in row.split("│")[2], "OPENAI_BASE_URL is not set" in row) == (0, True, True)

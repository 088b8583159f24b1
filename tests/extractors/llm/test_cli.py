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
from tests.extractors.llm.fake_openai import FakeOpenAI, error


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
            "failed on every one of the 1 document(s)" in not_run[0]["reason"]) == (1, False, ["llm"], True)


def test_list_shows_llm_not_runnable_with_the_reason(tmp_path: Path) -> None:
    proc = newsbench("list", env=_env(tmp_path, None))
    row = next(line for line in proc.stdout.splitlines() if line.strip("│┃ ").startswith("llm"))
    assert (proc.returncode, "no" in row.split("│")[2], "OPENAI_BASE_URL is not set" in row) == (0, True, True)


def test_llm_options_on_the_command_line_reach_the_extractor(tmp_path: Path, llm_gold: Path) -> None:
    """--timeout, --max-tokens, --max-chars, --max-retries and --temperature are recorded in the results' config."""
    out = tmp_path / "results"
    with FakeOpenAI() as server:
        proc = newsbench(
            "run", "-e", "llm", "--model", "fake", "--gold", str(llm_gold), "--out", str(out), "--timeout", "7.5",
            "--max-tokens", "900", "--max-chars", "2500", "--max-retries", "1", "--temperature", "0.3",
            env=_env(tmp_path, server.base_url),
        )
        body = server.requests[0] if server.requests else {}
    config = json.loads((out / "llm.json").read_text())["config"] if proc.returncode == 0 else {}
    assert (proc.returncode, config.get("timeout"), config.get("max_tokens"), config.get("max_chars"),
            config.get("max_retries"), config.get("temperature"), body.get("max_tokens"), body.get("temperature")) == (
        0, 7.5, 900, 2500, 1, 0.3, 900, 0.3), proc.stderr


def test_a_run_that_ends_not_run_keeps_its_usage_and_names_the_server(tmp_path: Path, llm_gold: Path) -> None:
    """Every document failing (a 500 on every attempt): exit 1, the address on stderr, the spent requests recorded."""
    out = tmp_path / "results"
    with FakeOpenAI() as server:
        server.push(*[error(500, "scripted outage")] * 4)
        proc = newsbench("run", "-e", "llm", "--model", "fake", "--gold", str(llm_gold), "--out", str(out),
                         "--max-retries", "0", env=_env(tmp_path, server.base_url))
        address = server.base_url
    not_run = json.loads((out / "not_run.json").read_text())
    usage = not_run[0].get("usage") or {}
    assert (proc.returncode, not_run[0]["extractor"], usage.get("requests", 0) >= 1, usage.get("failures")) == (1, "llm", True, 1), (
        proc.stderr, address)

"""Faults and hostile set-ups of issue 15, through the real command line in temporary folders.

Interrupts, FIFOs, full disks, failing plugins, results sets that must survive a failed run, and
outputs that must land where the user pointed (the gold of the run, a symbolic link).
"""
from __future__ import annotations

import contextlib
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eval.registry import resolve
from tests.conftest import DATA, ROOT

GOLD = DATA / "bad" / "gold"
VALID = DATA / "bad" / "valid.jsonl"
CURRENT_RULES = resolve("rules")  # the version the plain name runs, and names its results by


def newsbench(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120,
              preexec_fn=None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **(env or {})}
    full_env.pop("NEWSBENCH_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "eval", *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=preexec_fn)


def _entries(folder: Path) -> list[Path]:
    return list(folder.iterdir()) if folder.is_dir() else []


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder of 600 article files made from the test gold's texts (long enough to interrupt mid-way)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(GOLD.glob("*.json"))]
    for i in range(600):
        (folder / f"d{i:04d}.txt").write_text(texts[i % len(texts)] * 20, encoding="utf-8")
    return folder


def signalled(args: list[str], sig: int, after: float, cwd: Path, env: dict[str, str]) -> tuple[float, str, list[str], int]:
    """Start ``newsbench ARGS`` in a process group of its own, send ``sig`` to the whole group ``after``
    seconds (as a terminal or a service manager does), and return the seconds it took to end after the
    signal (killed at 10), its stderr, the processes of its group left behind, and its exit code."""
    proc = subprocess.Popen([sys.executable, "-m", "eval", *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(after)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)
    sent = time.monotonic()
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
    elapsed = time.monotonic() - sent
    left = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True).stdout.split()
    return elapsed, err, left, proc.returncode


@pytest.mark.slow
def test_ctrl_c_with_two_workers_ends_within_5_s_without_traceback(articles: Path, tmp_path: Path) -> None:
    """Twenty interrupts at random moments (the hang was a race): each ends fast, cleanly, with no worker left."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(15)
    outcomes = []
    for _ in range(20):
        args = ["extract", "-e", "rules", str(articles), "--workers", "2", "--out", "o.jsonl"]
        elapsed, err, left, code = signalled(args, signal.SIGINT, rng.uniform(0.5, 2.5), tmp_path, env)
        # 130: interrupted; 0 or -SIGINT: the interrupt came as the work was done (while the interpreter exited)
        outcomes.append((elapsed < 5, "Traceback" in err, left, code in (0, 130, -signal.SIGINT) or (code, err)))
    assert outcomes == [(True, False, [], True)] * 20
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(("args", "name"), [(["validate", "d"], "d/x.jsonl"), (["extract", "-e", "rules", "d", "--out", "o.jsonl"], "d/x.txt")])
def test_a_fifo_inside_a_folder_is_reported_not_skipped(args: list[str], name: str, tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    shutil.copy(VALID, tmp_path / "d" / "a.jsonl")
    (tmp_path / "d" / "a.txt").write_text("NATO met.", encoding="utf-8")
    os.mkfifo(tmp_path / name)
    proc = newsbench(*args, cwd=tmp_path, timeout=30)
    assert (proc.returncode, f"{name}: is not a regular file" in proc.stderr, (tmp_path / "o.jsonl").exists()) == (1, True, False), proc.stderr


@pytest.mark.parametrize("args", [["validate", "{fifo}"], ["score", "--pred", "{fifo}", "--gold", str(GOLD)],
                                  ["extract", "-e", "rules", "{fifo}"]])
def test_a_fifo_is_refused_not_waited_on(args: list[str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    proc = newsbench(*[a.format(fifo=fifo.name) for a in args], cwd=tmp_path, timeout=30)
    assert (proc.returncode, "is not a regular file" in proc.stderr, "Traceback" in proc.stderr) == (1, True, False), proc.stderr


def _file_size_limit(limit: int):
    def apply() -> None:  # a full disk, as the writer sees it: writes fail with an OSError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize(("limit", "message"), [
    (200, "cannot write the temporary file of the gold fingerprint: File too large"),
    (3000, "cannot be written: File too large"),
])
def test_a_full_disk_is_a_message_and_leaves_no_file(limit: int, message: str, tmp_path: Path) -> None:
    shutil.copy(VALID, tmp_path / "pred.jsonl")
    proc = newsbench("score", "--pred", "pred.jsonl", "--gold", str(GOLD), "--out", "res", cwd=tmp_path,
                     preexec_fn=_file_size_limit(limit))
    left = sorted(p.name for p in (tmp_path / "res").iterdir()) if (tmp_path / "res").exists() else []
    hidden = [p.name for p in (*tmp_path.iterdir(), *_entries(tmp_path / "res")) if p.name.startswith(".")]
    assert (proc.returncode, message in proc.stderr, "Traceback" in proc.stderr, left, hidden) == (1, True, False, [], []), proc.stderr


def test_stdout_on_a_full_device_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("NATO met in Brussels on Monday.", encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "eval", "extract", "-e", "rules", "a.txt"], cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=full, stderr=subprocess.PIPE, text=True)
    assert (proc.returncode, "No space left on device" in proc.stderr, "Traceback" in proc.stderr) == (1, True, False), proc.stderr


PLUGINS = '''
from eval.api import Document


class Fine:
    name, version = "fine", "0"

    def extract(self, articles):
        for a in articles:
            yield Document(doc_id=a.doc_id, text=a.text)

    def config(self):
        return {}


class Crashes(Fine):
    name = "crashes"

    def extract(self, articles):
        for a in articles:
            raise RuntimeError("boom inside the plugin")
            yield


class NotADocument(Fine):
    name = "notadoc"

    def extract(self, articles):
        for a in articles:
            yield {"doc_id": a.doc_id, "text": a.text}


class BreaksTheModel(Fine):
    name = "badmodel"

    def extract(self, articles):
        for a in articles:
            yield Document(doc_id=a.doc_id, text=a.text, actors=[{"id": "a1", "type": "ALIEN"}])


class BadInit(Fine):
    name = "badinit"

    def __init__(self):
        raise RuntimeError("no licence key")


class ReturnsNone(Fine):
    name = "retnone"

    def extract(self, articles):
        return None


class Exits(Fine):
    name = "sysexit"

    def extract(self, articles):
        for a in articles:
            raise SystemExit(3)
            yield


class BadConfig(Fine):
    name = "badconfig"

    def config(self):
        return {"handle": object()}


class InterruptingDocument(Document):
    """Ctrl-C arriving while a document is serialized: pydantic-core wraps the KeyboardInterrupt of a Python callback."""

    @__import__("pydantic").field_serializer("doc_id")
    def _interrupted(self, value):
        SERIALIZED.append(value)
        if len(SERIALIZED) == 1:  # one Ctrl-C, during the first serialization only
            raise KeyboardInterrupt
        return value


SERIALIZED = []


class SerializedWhileInterrupted(Fine):
    name = "serialint"

    def extract(self, articles):
        for a in articles:
            yield InterruptingDocument(doc_id=a.doc_id, text=a.text)


class LoneSurrogate(Fine):
    name = "surrogate"

    def extract(self, articles):
        for a in articles:
            yield Document(doc_id=a.doc_id, text=a.text, actors=[{"id": "a1", "name": "X\\udc00", "type": "PER", "mentions": []}])
'''

ENTRY_POINTS = {
    "fine": "nbtest_plugins:Fine", "crashes": "nbtest_plugins:Crashes", "notadoc": "nbtest_plugins:NotADocument",
    "badmodel": "nbtest_plugins:BreaksTheModel", "badinit": "nbtest_plugins:BadInit",
    "noclass": "nbtest_plugins:NoSuchClass", "brokenmod": "nbtest_broken:X",
    "retnone": "nbtest_plugins:ReturnsNone", "sysexit": "nbtest_plugins:Exits", "badconfig": "nbtest_plugins:BadConfig",
    "surrogate": "nbtest_plugins:LoneSurrogate", "serialint": "nbtest_plugins:SerializedWhileInterrupted", "../escape": "nbtest_plugins:Fine", "not_run": "nbtest_plugins:Fine",
}


@pytest.fixture
def plugin_env(tmp_path: Path) -> dict[str, str]:
    """An installed distribution (a dist-info folder on the path) whose entry points fail in every way."""
    site = tmp_path / "site"
    dist = site / "nbtest_plugins-0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: nbtest-plugins\nVersion: 0\n")
    (dist / "entry_points.txt").write_text(
        "[newsbench.extractors]\n" + "".join(f"{k} = {v}\n" for k, v in ENTRY_POINTS.items()))
    (site / "nbtest_plugins.py").write_text(PLUGINS)
    (site / "nbtest_broken.py").write_text("raise RuntimeError('the plugin module fails at import')\n")
    return {"PYTHONPATH": f"{ROOT}{os.pathsep}{site}", "OPENAI_BASE_URL": ""}


def test_list_shows_failing_plugins_as_not_runnable(plugin_env: dict[str, str], tmp_path: Path) -> None:
    proc = newsbench("list", cwd=tmp_path, env=plugin_env)
    rows = {line.split("│")[1].strip(): line for line in proc.stdout.splitlines() if line.count("│") >= 3}
    assert (proc.returncode, CURRENT_RULES in rows, "fine" in rows, "cannot load it: AttributeError" in rows.get("noclass", ""),
            "cannot load it: RuntimeError" in rows.get("brokenmod", "")) == (0, True, True, True, True), proc.stdout


def test_run_with_failing_plugins_keeps_every_other_extractor(plugin_env: dict[str, str], tmp_path: Path) -> None:
    proc = newsbench("run", "-e", "rules", "-e", "fine", "-e", "noclass", "-e", "brokenmod", "-e", "badinit",
                     "--gold", str(GOLD), "--out", "res", cwd=tmp_path, env=plugin_env)
    not_run = {r["extractor"]: r["reason"] for r in json.loads((tmp_path / "res" / "not_run.json").read_text())}
    assert (proc.returncode, (tmp_path / "res" / f"{CURRENT_RULES}.json").exists(), (tmp_path / "res" / "fine.json").exists(),
            sorted(not_run), "no licence key" in not_run.get("badinit", ""), "Traceback" in proc.stderr) == (
        1, True, True, ["badinit", "brokenmod", "noclass"], True, False), proc.stderr


@pytest.mark.parametrize(("name", "message"), [
    ("crashes", r"error: extractor 'crashes' failed on its document #1: RuntimeError: boom inside the plugin"),
    ("notadoc", r"error: notadoc output #1: is a dict, not a Document"),
    ("badmodel", r"error: badmodel output #1: actors.0.name: breaks the data model: Field required"),
    # hostile-input audit: whatever a plugin returns, raises or reports, the message names it, never "internal error"
    ("retnone", "error: retnone output: extract() returned a NoneType, not an iterable of Documents (one per article)"),
    ("sysexit", "error: extractor 'sysexit' failed on its document #1: SystemExit: 3"),
    ("badconfig", "error: extractor 'badconfig': config() cannot be recorded as JSON: Object of type object is not JSON serializable"),
    ("surrogate", "error: surrogate output for 'alpha': actors[0].name: contains a lone surrogate U+DC00 at offset 1"),
])
def test_plugin_output_that_breaks_the_contract_names_the_extractor(
    name: str, message: str, plugin_env: dict[str, str], tmp_path: Path
) -> None:
    proc = newsbench("run", "-e", name, "--gold", str(GOLD), "--out", "res", cwd=tmp_path, env=plugin_env)
    assert (proc.returncode, message in proc.stderr, "Traceback" in proc.stderr, snapshot(tmp_path / "res")) == (
        1, True, False, {}), proc.stderr


@pytest.mark.parametrize("name", ["retnone", "sysexit", "surrogate"])
def test_plugin_output_that_breaks_the_contract_fails_extract_alike(name: str, plugin_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("NATO met in Brussels.", encoding="utf-8")
    proc = newsbench("extract", "-e", name, "a.txt", "--out", "new/o.jsonl", cwd=tmp_path, env=plugin_env)
    assert (proc.returncode, f"{name}" in proc.stderr, "internal error" in proc.stderr, "Traceback" in proc.stderr,
            (tmp_path / "new").exists()) == (1, True, False, False, False), proc.stderr


def test_ctrl_c_while_an_output_is_checked_is_an_interruption(plugin_env: dict[str, str], tmp_path: Path) -> None:
    """1 of 20 Ctrl-C during extract came while the output's serializability was checked, and was reported as a bad output."""
    (tmp_path / "a.txt").write_text("NATO met in Brussels.", encoding="utf-8")
    proc = newsbench("extract", "-e", "serialint", "a.txt", "--out", "o.jsonl", cwd=tmp_path, env=plugin_env)
    assert (proc.returncode, "interrupted" in proc.stderr, "cannot be written" in proc.stderr, (tmp_path / "o.jsonl").exists()) == (
        130, True, False, False), proc.stderr


def test_plugin_names_that_cannot_name_results_files_are_not_run(plugin_env: dict[str, str], tmp_path: Path) -> None:
    """An entry point may be named anything: "../escape" would write outside --out, "not_run" over the not-run records."""
    proc = newsbench("run", "-e", "../escape", "-e", "not_run", "-e", "fine", "--gold", str(GOLD), "--out", "res", cwd=tmp_path, env=plugin_env)
    not_run = {r["extractor"]: r["reason"] for r in json.loads((tmp_path / "res" / "not_run.json").read_text())}
    outside = sorted(p.name for p in tmp_path.iterdir() if p.name not in ("res", "site"))
    assert (proc.returncode, sorted(not_run), "cannot name results files" in not_run.get("../escape", ""),
            "reserved" in not_run.get("not_run", ""), (tmp_path / "res" / "fine.json").exists(), outside, "Traceback" in proc.stderr) == (
        1, ["../escape", "not_run"], True, True, True, [], False), proc.stderr


@pytest.mark.parametrize("args", [
    ["run", "-e", "crashes", "--gold", str(GOLD), "--out", "new/deeper/res"],
    ["extract", "-e", "crashes", "a.txt", "--out", "new/deeper/o.jsonl"],
    ["score", "--pred", "bad.jsonl", "--gold", str(GOLD), "--out", "new/deeper/res"],
    ["run", "-e", "nope", "--gold", str(GOLD), "--out", "new/res"],
], ids=["run", "extract", "score", "run-unknown"])
def test_a_failed_command_leaves_no_folder_it_made(args: list[str], plugin_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("NATO met in Brussels.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"doc_id": "alpha"}\n', encoding="utf-8")
    proc = newsbench(*args, cwd=tmp_path, env=plugin_env)
    assert (proc.returncode, "Traceback" in proc.stderr, (tmp_path / "new").exists()) == (1, False, False), proc.stderr


@pytest.mark.parametrize(("args", "limit", "message", "left"), [
    (["run", "-e", "rules", "--gold", str(GOLD), "--out", "res"], 20_000, f"error: res/{CURRENT_RULES}.json: cannot be written: File too large", "res"),
    (["publish", "--dry-run", "--gold", str(GOLD), "--out", "pub"], 40_000, "error: pub: cannot be written: File too large", "pub"),
], ids=["run", "publish"])
def test_a_full_disk_names_the_file_the_user_asked_for(args: list[str], limit: int, message: str, left: str, tmp_path: Path) -> None:
    """Not a hidden stage file (res/.stage-pid1-x/...), not a source being copied, and no folder left behind."""
    proc = newsbench(*args, cwd=tmp_path, preexec_fn=_file_size_limit(limit))
    hidden = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert (proc.returncode, message in proc.stderr, "Traceback" in proc.stderr, (tmp_path / left).exists(), hidden) == (
        1, True, False, False, []), proc.stderr


def test_a_full_device_while_drawing_the_chart_names_the_chart(tmp_path: Path) -> None:
    """The chart was the one write that said only "No space left on device" (a tmpfs of 64 kB fills at the chart)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        proc = newsbench("run", "-e", "rules", "--gold", str(GOLD), "--out", "disk/res", cwd=tmp_path)
        left = sorted(p.name for p in disk.iterdir())
    finally:
        subprocess.run(["umount", str(disk)], check=False)
    assert (proc.returncode, "disk/res/leaderboard.png: cannot be written: No space left on device" in proc.stderr, left) == (
        1, True, []), proc.stderr


@pytest.mark.slow
def test_sigterm_cleans_up_as_ctrl_c_does(articles: Path, tmp_path: Path) -> None:
    """kill, timeout(1) and service managers send SIGTERM: it left hidden stage folders and temporary files behind."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(16)
    commands = [["extract", "-e", "rules", str(articles), "--workers", "2", "--out", "o.jsonl"],
                ["run", "-e", "rules", "--gold", str(GOLD), "--out", "res", "--workers", "2"]]
    outcomes = []
    for attempt in range(10):
        elapsed, err, left, code = signalled(commands[attempt % 2], signal.SIGTERM, rng.uniform(0.5, 2.5), tmp_path, env)
        temporary = [p.name for p in (*tmp_path.iterdir(), *_entries(tmp_path / "res")) if p.name.startswith(".")]
        outcomes.append((elapsed < 5, "Traceback" in err, left, temporary,
                         code == 143 and "terminated" in err or code == 0 or (code, err)))
    assert outcomes == [(True, False, [], [], True)] * 10


def test_a_deleted_working_folder_is_a_message(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    code = (f"import os, subprocess, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
            "p = subprocess.run([sys.executable, '-m', 'eval', 'run', '-e', 'rules', '--gold', sys.argv[1]], capture_output=True, text=True); "
            "print(p.returncode); print(p.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(GOLD)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    status, _, err = proc.stdout.partition("\n")
    assert (status, "error: the current folder no longer exists" in err, "Traceback" in err) == ("1", True, False), proc.stdout


def test_a_closed_stdout_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("NATO met in Brussels.", encoding="utf-8")
    proc = subprocess.run(["sh", "-c", f"{sys.executable} -m eval extract -e rules a.txt >&-"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert (proc.returncode, "error: stdout: cannot be written: it is closed" in proc.stderr, "internal error" in proc.stderr) == (1, True, False), proc.stderr


def test_two_runs_into_one_folder_at_once_leave_one_whole_set(tmp_path: Path) -> None:
    """Each copied the old set and the second to finish replaced the leaderboard of the first: rules.v1.json beside a
    leaderboard without rules.v1. Now the second waits for the first and builds on its whole set."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes = []
    for attempt in range(2):
        shutil.rmtree(tmp_path / "res", ignore_errors=True)
        procs = [subprocess.Popen([sys.executable, "-m", "eval", "run", "-e", name, "--gold", str(GOLD), "--out", "res"], cwd=tmp_path,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for name in ("rules", "rules.v1")]
        codes = [(proc.wait(timeout=120), proc.stderr.read()) for proc in procs]
        board = [line.split(",")[0] for line in (tmp_path / "res" / "leaderboard.csv").read_text().splitlines()[1:]]
        hidden = [p.name for p in (tmp_path / "res").iterdir() if p.name.startswith(".")]
        outcomes.append(([code for code, _ in codes], sorted(board), hidden))
    assert outcomes == [([0, 0], sorted([CURRENT_RULES, "rules.v1"]), [])] * 2, codes


def test_a_failed_run_leaves_the_previous_results_whole(plugin_env: dict[str, str], tmp_path: Path) -> None:
    first = newsbench("run", "-e", "rules", "--gold", str(GOLD), "--out", "res", cwd=tmp_path, env=plugin_env)
    before = snapshot(tmp_path / "res")
    failed = newsbench("run", "-e", "fine", "-e", "crashes", "--gold", str(GOLD), "--out", "res", cwd=tmp_path, env=plugin_env)
    hidden = [p.name for p in (*tmp_path.iterdir(), *_entries(tmp_path / "res")) if p.name.startswith(".")]
    assert (first.returncode, failed.returncode, snapshot(tmp_path / "res") == before, hidden) == (0, 1, True, []), failed.stderr


def test_a_run_keeps_the_results_of_extractors_not_run_again(plugin_env: dict[str, str], tmp_path: Path) -> None:
    newsbench("run", "-e", "rules", "--gold", str(GOLD), "--out", "res", cwd=tmp_path, env=plugin_env)
    rules = (tmp_path / "res" / f"{CURRENT_RULES}.json").read_bytes()
    proc = newsbench("run", "-e", "fine", "--gold", str(GOLD), "--out", "res", cwd=tmp_path, env=plugin_env)
    board = (tmp_path / "res" / "leaderboard.csv").read_text()
    assert (proc.returncode, (tmp_path / "res" / f"{CURRENT_RULES}.json").read_bytes() == rules, "rules" in board, "fine" in board) == (
        0, True, True, True), proc.stderr


def test_an_interrupted_run_leaves_the_previous_results_whole(tmp_path: Path) -> None:
    gold = tmp_path / "g"
    gold.mkdir()
    doc = json.loads((GOLD / "alpha.json").read_text())
    for i in range(2000):  # enough documents for the run to be under way when interrupted
        (gold / f"d{i:04d}.json").write_text(json.dumps({**doc, "doc_id": f"d{i:04d}"}))
    assert newsbench("run", "-e", "rules", "--gold", "g", "--out", "res", cwd=tmp_path).returncode == 0
    before = snapshot(tmp_path / "res")
    proc = subprocess.Popen([sys.executable, "-m", "eval", "run", "-e", "rules", "--gold", "g", "--out", "res"], cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    # Interrupt once the new set is being built (its stage folder exists), not after a fixed wait: a faster
    # extractor finished the whole run within the 2.5 s this test once slept, and nothing was interrupted.
    deadline = time.monotonic() + 60
    while not list((tmp_path / "res").glob(".stage-*")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    hidden = [p.name for p in (*tmp_path.iterdir(), *_entries(tmp_path / "res")) if p.name.startswith(".")]
    assert (proc.returncode, snapshot(tmp_path / "res") == before, "Traceback" in err, hidden) == (130, True, False, []), err


def test_run_builds_the_report_from_its_own_gold_and_records_it_relative(tmp_path: Path) -> None:
    shutil.copytree(GOLD, tmp_path / "g")
    proc = newsbench("run", "-e", "rules", "--gold", "g", "--out", "res", cwd=tmp_path)
    report = (tmp_path / "res" / "report.html").read_text()
    result = json.loads((tmp_path / "res" / f"{CURRENT_RULES}.json").read_text())
    assert (proc.returncode, "alpha" in report, "Porto Verde" in report, result["gold_source"]) == (0, True, True, "g"), proc.stderr


def test_the_shipped_gold_is_recorded_as_shipped(tmp_path: Path) -> None:
    from eval.data.parsing import document_json
    from eval.gold.load import load_gold

    (tmp_path / "p.jsonl").write_text("".join(document_json(d) + "\n" for d in load_gold().documents), encoding="utf-8")
    proc = newsbench("score", "--pred", "p.jsonl", "--json", cwd=tmp_path)
    assert (proc.returncode, json.loads(proc.stdout or "{}").get("gold_source")) == (0, "shipped"), proc.stderr


def test_publish_takes_the_cross_document_file_of_its_gold(tmp_path: Path) -> None:
    shutil.copytree(GOLD, tmp_path / "g")
    proc = newsbench("publish", "--dry-run", "--gold", "g", "--out", "pub", cwd=tmp_path)
    assert (proc.returncode, (tmp_path / "pub" / "cross_document.json").exists()) == (0, False), proc.stderr


def test_stats_readme_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "README.md"
    target.parent.mkdir()
    target.write_text("# x\n<!-- stats:start -->\n<!-- stats:end -->\n", encoding="utf-8")
    (tmp_path / "README.md").symlink_to(target)
    proc = newsbench("stats", "--gold", str(GOLD), "--readme", "README.md", cwd=tmp_path)
    assert (proc.returncode, (tmp_path / "README.md").is_symlink(), "| `alpha` |" in target.read_text()) == (0, True, True), proc.stderr


def test_help_has_no_type_noise_and_h_is_help(tmp_path: Path) -> None:
    from typer.main import get_command

    from eval.cli import app

    command = get_command(app)
    undocumented = [f"{name} {p.name}" for name, sub in command.commands.items() for p in sub.params  # type: ignore[attr-defined]
                    if not getattr(p, "help", None)]
    outputs = [newsbench(name, "-h", cwd=tmp_path).stdout for name in ("run", "score", "extract", "validate")]
    assert (undocumented, [("<bool>" in o, "<list" in o, "Usage:" in o) for o in outputs]) == ([], [(False, False, True)] * 4)


def test_version(tmp_path: Path) -> None:
    from eval import __version__

    proc = newsbench("--version", cwd=tmp_path)
    assert (proc.returncode, proc.stdout.strip()) == (0, f"newsbench {__version__}")


def test_score_prints_a_score_table_without_unmeasured_costs(tmp_path: Path) -> None:
    proc = newsbench("score", "--pred", str(VALID), "--gold", str(GOLD), cwd=tmp_path)
    assert (proc.returncode, "newsbench score of" in proc.stdout, "leaderboard" in proc.stdout, "time s" in proc.stdout) == (
        0, True, False, False), proc.stdout


@pytest.mark.parametrize("command", [["run", "-e", "llm", "--gold", str(GOLD), "--out", "res"],
                                     ["extract", "-e", "llm", "a.txt"]])
def test_a_named_extractor_that_cannot_run_fails_run_and_extract_alike(command: list[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("NATO met.", encoding="utf-8")
    proc = newsbench(*command, cwd=tmp_path, env={"OPENAI_BASE_URL": ""})
    assert (proc.returncode, "OPENAI_BASE_URL is not set" in proc.stderr) == (1, True), proc.stderr


def _peak_rss_mb(args: list[str], cwd: Path) -> tuple[int, float]:
    """Exit status and peak resident memory (MB) of one command in a child process of its own."""
    code = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True); "
            "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    proc = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "eval", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    status, peak = proc.stdout.split()
    return int(status), float(peak)


@pytest.mark.slow
def test_run_streams_a_jsonl_gold_in_flat_memory(tmp_path: Path) -> None:
    """Three times the documents, the same peak: the gold is read line by line, never held whole."""
    doc = json.loads((GOLD / "alpha.json").read_text(encoding="utf-8"))
    doc["text"] += " The council met again later." * 120  # about 4 kB of text per document
    peaks = []
    for n in (1100, 3300):
        gold = tmp_path / f"gold{n}.jsonl"
        gold.write_text("".join(json.dumps({**doc, "doc_id": f"d{i:05d}"}) + "\n" for i in range(n)), encoding="utf-8")
        peaks.append(_peak_rss_mb(["run", "-e", "rules", "--gold", gold.name, "--out", f"res{n}"], tmp_path))
    assert [status for status, _ in peaks] == [0, 0] and peaks[1][1] - peaks[0][1] < 25, peaks


@pytest.mark.parametrize(("terminal", "shown"), [({"FORCE_COLOR": "1"}, True), ({}, False)])
def test_long_files_show_progress_on_a_terminal_only(terminal: dict[str, str], shown: bool, tmp_path: Path) -> None:
    line = VALID.read_text(encoding="utf-8").splitlines()[0]
    doc = json.loads(line)
    (tmp_path / "p.jsonl").write_text("".join(json.dumps({**doc, "doc_id": f"d{i}"}) + "\n" for i in range(2500)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    proc = subprocess.run([sys.executable, "-m", "eval", "validate", "p.jsonl"], cwd=tmp_path, capture_output=True, text=True,
                          env={**env, "PYTHONPATH": str(ROOT), **terminal}, timeout=120)
    assert (proc.returncode, "reading p.jsonl" in proc.stderr) == (0, shown), proc.stderr


@pytest.mark.parametrize("raised", [
    KeyboardInterrupt(),
    # pydantic-core wraps a KeyboardInterrupt raised in a Python serializer (the Quote's) in its own error
    __import__("pydantic_core").PydanticSerializationError("Error calling function `_speaker_always`: KeyboardInterrupt: "),
])
def test_ctrl_c_inside_a_c_extension_is_an_interruption_not_an_internal_error(raised: BaseException, capsys) -> None:
    import typer

    from eval.cli.app import INTERRUPTED, handles_errors

    @handles_errors
    def command() -> None:
        raise raised

    with pytest.raises(typer.Exit) as ended:
        command()
    assert (ended.value.exit_code, "interrupted" in capsys.readouterr().err) == (INTERRUPTED, True)

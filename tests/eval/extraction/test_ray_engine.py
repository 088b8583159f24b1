"""``newsbench extract --engine ray``: the same documents as the local engine, clean failures, Ctrl-C.

One local Ray instance (2 CPUs) serves the whole module; the Ctrl-C test starts its own in a subprocess.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

import pytest

from eval.exceptions import ExtractorFailedError, NewsbenchError
from eval.extraction.extract import extract_files
from eval.extraction.ray_engine import extract_files_ray, ray_session
from eval.gold.load import load_gold
from eval.registry import Article, register, resolve
from eval.schema import Document
from tests.conftest import ROOT

pytest.importorskip("ray")


@pytest.fixture(scope="module")
def ray_local():
    """One local Ray instance for the module (starting one costs seconds)."""
    with ray_session(num_cpus=2) as ray:
        yield ray


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """Some thirty articles: the paragraphs of the shipped gold texts, one .txt file each."""
    folder = tmp_path_factory.mktemp("articles")
    n = 0
    for doc in load_gold(None).documents:
        for para in (p for p in doc.text.split("\n") if p.strip()):
            (folder / f"a{n:03d}.txt").write_text(para, encoding="utf-8")
            n += 1
    assert n > 16  # several batches of 16, on two actors
    return folder


def _without_meta(path: Path) -> list[dict[str, Any]]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for doc in docs:
        doc.pop("meta", None)
    return docs


@pytest.mark.parametrize("name", ["rules", "spacy"])
def test_ray_writes_the_documents_of_the_local_engine(ray_local, articles, tmp_path, name):
    extract_files(name, [articles], tmp_path / "local.jsonl")
    n = extract_files_ray(name, [articles], tmp_path / "ray.jsonl", {"workers": 2})
    assert n == len(list(articles.iterdir()))
    assert _without_meta(tmp_path / "ray.jsonl") == _without_meta(tmp_path / "local.jsonl")


@pytest.fixture
def failing_extractor() -> str:
    """An extractor that raises on article a020 (defined here: its class is shipped to the actors by value)."""

    class Failing:
        name, version = "test-ray-failing", "0"

        def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
            for a in articles:
                if a.doc_id == "a020":
                    raise ValueError("cannot parse the dateline")
                yield Document(doc_id=a.doc_id, text=a.text)

        def config(self) -> dict[str, Any]:
            return {}

    register("test-ray-failing")(Failing)
    return "test-ray-failing"


def test_an_extractor_exception_names_the_documents_and_writes_nothing(ray_local, articles, tmp_path, failing_extractor):
    out = tmp_path / "preds.jsonl"
    # a020 is in the second batch of 16 (a016 to a031): its documents are named, the first batch's are not
    with pytest.raises(ExtractorFailedError, match=r"'test-ray-failing' failed on document a020 \(its batch: a016, a017, "
                                                   r".*a025 and \d+ more\); nothing was written: ValueError: cannot parse"):
        extract_files_ray(failing_extractor, [articles], out, {"workers": 2})
    assert list(tmp_path.iterdir()) == []


def test_missing_ray_is_a_clear_error(monkeypatch, articles, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # what an environment without Ray looks like to import
    with pytest.raises(NewsbenchError, match=r"pip install newsbench\[ray\]"):
        extract_files_ray("rules", [articles], tmp_path / "out.jsonl")


def _children(pid: int) -> set[int]:
    """Every live descendant process of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, pp in parents.items() if pp == p}
        found |= kids
        todo += kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_ctrl_c_ends_the_run_and_the_local_ray_instance_within_5_seconds(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = load_gold(None).documents[0].text
    for i in range(3000):  # minutes of work: still running when interrupted
        (folder / f"d{i:04d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "preds.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "eval", "extract", "-e", "rules", "--engine", "ray", "--out", str(out),
                             str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not any("ExtractActor" in _cmdline(p) for p in _children(proc.pid)):  # actors extracting
            assert proc.poll() is None and time.monotonic() < deadline, "Ray never started its actors"
            time.sleep(0.2)
        time.sleep(1)
        ray_processes = _children(proc.pid)
        start = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
        while any(_alive(p) for p in ray_processes) and time.monotonic() - start < 10:
            time.sleep(0.1)
        elapsed = time.monotonic() - start
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (proc.returncode, elapsed < 5, sorted(p for p in ray_processes if _alive(p))) == (130, True, [])
    assert "interrupted" in err
    assert list(tmp_path.iterdir()) == [folder]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def test_run_on_ray_saves_the_predictions_and_scores_of_the_local_run(ray_local, tmp_path):
    from eval.extraction.ray_engine import run_engine
    from eval.paths import RESULT_FILES
    from eval.runner import run_benchmark

    (local,), _ = run_benchmark(["rules"], None, tmp_path / "local", {})
    (on_ray,), _ = run_benchmark(["rules"], None, tmp_path / "ray", {}, engine=run_engine({}))
    preds = RESULT_FILES.predictions(resolve("rules"))  # the alias runs, and names the files by, the current version
    assert (on_ray.scores, _without_meta(tmp_path / "ray" / preds)) == (local.scores, _without_meta(tmp_path / "local" / preds))

"""The worked example of the README through the real command line: pre-annotate, import, run on the new gold."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from eval.registry import resolve
from tests.conftest import DATA, ROOT

ARTICLES = [DATA / "articles" / f"{name}.txt" for name in ("andes_water", "hamburg_strike", "kenya_floods")]


def newsbench(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "eval", *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def test_pre_annotate_import_and_run(tmp_path: Path) -> None:
    exported = newsbench("export", "--format", "labelstudio", "--extractor", "rules", "--out", "ls", *ARTICLES, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    tasks = json.loads((tmp_path / "ls" / "tasks.json").read_text(encoding="utf-8"))
    assert [(t["data"]["doc_id"], t["predictions"][0]["model_version"], "annotations" in t) for t in tasks] == [
        (p.stem, "rules", False) for p in ARTICLES]
    imported = newsbench("import", "--format", "labelstudio", "--out", "my_gold", "ls/tasks.json", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert sorted(p.name for p in (tmp_path / "my_gold").iterdir()) == sorted(f"{p.stem}.json" for p in ARTICLES)
    run = newsbench("run", "--gold", "my_gold", "-e", "rules", "--out", "results", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    result = json.loads((tmp_path / "results" / f"{resolve('rules')}.json").read_text(encoding="utf-8"))
    assert result["scores"]["overall"]["f1"] == 1.0  # the accepted pre-annotation is the gold: a perfect score


def test_import_error_is_one_located_line_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "tasks.json").write_text('[{"data": {"text": "Ann met Bo."}, "annotations": [{"result": [{"id": "r1", '
                                         '"from_name": "actor", "type": "labels", "value": {"start": 0, "end": 3, '
                                         '"text": "Ann", "labels": ["HERO"]}}]}]}]', encoding="utf-8")
    proc = newsbench("import", "--format", "labelstudio", "--out", "gold", "tasks.json", cwd=tmp_path)
    assert (proc.returncode, proc.stderr.splitlines()) == (1, [
        "error: tasks.json: [0].annotations[0].result[0]: unknown actor label 'HERO'; valid: PER, ORG, GPE, NORP"])
    assert not (tmp_path / "gold").exists()


def test_unknown_format(tmp_path: Path) -> None:
    proc = newsbench("export", "--format", "conll", "--out", "x", cwd=tmp_path)
    assert (proc.returncode, proc.stderr.strip()) == (
        1, "error: --format: unknown format 'conll'; valid: labelstudio, brat, inception, docbin")

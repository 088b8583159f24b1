"""A run killed outright leaves temporary files; the next writer removes those no living process owns."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from eval.data.files import atomic_writer, staged_folder


def dead_pid() -> int:
    """The process id of a process that has ended."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_next_write_removes_a_killed_writers_temporary_file_only(tmp_path: Path) -> None:
    stale = tmp_path / f".out.jsonl.pid{dead_pid()}.x1.tmp"
    live = tmp_path / f".out.jsonl.pid{os.getpid()}.x2.tmp"  # a concurrent writer of this very process
    for f in (stale, live):
        f.write_text("half", encoding="utf-8")
    with atomic_writer(tmp_path / "out.jsonl") as fh:
        fh.write("whole\n")
    assert (stale.exists(), live.exists(), (tmp_path / "out.jsonl").read_text(encoding="utf-8")) == (False, True, "whole\n")


def test_the_next_run_removes_a_killed_runs_stage_folder(tmp_path: Path) -> None:
    stale = tmp_path / f".stage-pid{dead_pid()}-abc"
    stale.mkdir()
    (stale / "rules.json").write_text("{}", encoding="utf-8")
    with staged_folder(tmp_path) as stage:
        (stage / "new.json").write_text("{}", encoding="utf-8")
    assert (stale.exists(), sorted(p.name for p in tmp_path.iterdir())) == (False, ["new.json"])

"""Installed from a wheel, in an empty folder, newsbench finds its shipped data as in a checkout."""
from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from eval.registry import resolve
from tests.conftest import ROOT

CURRENT_RULES = resolve("rules")  # the version the plain name runs, and names its results by


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with newsbench installed from a freshly built wheel (dependencies from this one)."""
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (the test extra installs it)")
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(work), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stderr
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    purelib = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies come from this environment's site-packages; the wheel's own files come first.
    (Path(purelib) / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    wheel = next(work.glob("newsbench-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", purelib, str(wheel)],
                   check=True, capture_output=True, timeout=300)
    return env_dir


def run(env_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEWSBENCH_DEBUG")}
    return subprocess.run([env_dir / "bin" / "python", "-m", "eval", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_wheel_is_imported_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    proc = subprocess.run([installed / "bin" / "python", "-c", "import eval.paths as p; print(p.shipped(p.SCHEMA_FILE))"],
                          cwd=tmp_path, capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")})
    assert (proc.returncode, "_data" in proc.stdout, str(ROOT) in proc.stdout) == (0, True, False), proc.stderr


def test_schema_check_compares_the_packaged_schema(installed: Path, tmp_path: Path) -> None:
    proc = run(installed, tmp_path, "schema", "--check")
    assert (proc.returncode, proc.stderr) == (0, "")


def test_publish_dry_run_builds_from_packaged_data(installed: Path, tmp_path: Path) -> None:
    proc = run(installed, tmp_path, "publish", "--dry-run", "--out", "pub")
    files = sorted(p.name for p in (tmp_path / "pub").iterdir()) if (tmp_path / "pub").exists() else []
    assert (proc.returncode, {"CITATION.cff", "GUIDELINES.md", "cross_document.json", "schema"} <= set(files)) == (0, True), proc.stderr


def test_every_command_works_from_the_wheel_in_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("NATO ministers met in Brussels on Monday.", encoding="utf-8")
    (tmp_path / "README.md").write_text("<!-- stats:start -->\n<!-- stats:end -->\n", encoding="utf-8")
    steps = [
        ["--version"],
        ["list"],
        ["stats", "--readme", "README.md"],
        ["extract", "-e", "rules", "a.txt", "--out", "a.jsonl"],
        ["validate", "a.jsonl"],
        ["run", "-e", "rules", "--out", "res"],
        ["score", "--pred", f"res/{CURRENT_RULES}.predictions.jsonl", "--out", "scored"],
        ["leaderboard", "--results", "res"],
        ["errors", "--results", "res"],
        ["schema", "--out", "schema.json"],
        ["schema", "--check", "--out", "schema.json"],
    ]
    outcomes = []
    for args in steps:
        proc = run(installed, tmp_path, *args)
        outcomes.append((args[0], proc.returncode, "Traceback" in proc.stderr, proc.stderr[-300:] if proc.returncode else ""))
    written = [p for p in ("a.jsonl", f"res/{CURRENT_RULES}.json", "res/report.html", f"scored/{CURRENT_RULES}.json", "schema.json")
               if not (tmp_path / p).is_file()]
    assert (outcomes, written, "| `" in (tmp_path / "README.md").read_text()) == (
        [(args[0], 0, False, "") for args in steps], [], True)

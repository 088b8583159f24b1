"""Extraction on Ray against the local engine, on the same cores: documents per second and Ray's start-up cost.

The articles are the texts of the synthetic gold windows of ``bench/score.py`` (windows of 3 to 8
sentences of the gold articles), one ``.txt`` file each. For each extractor, both engines run as
``newsbench extract -e NAME --engine ENGINE --workers 2`` in a fresh process (so each pays its own
start-up: Python imports, model loading, and for ``ray`` starting and stopping a local Ray instance);
the wall time of the whole command gives documents per second. Both outputs are compared (every
field but ``meta``). Ray's own cost is measured apart: starting a local instance (2 CPUs) and
shutting it down, with nothing run.

    python bench/engines.py                     # 600 articles, rules and spacy
    python bench/engines.py --n 200 --extractors rules
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _score_bench():
    spec = importlib.util.spec_from_file_location("bench_score", Path(__file__).with_name("score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_articles(folder: Path, n: int, seed: int = 0) -> None:
    bench = _score_bench()
    sources, _ = bench.source_documents()
    for gold, _pred in bench.corpus(sources, n, seed):
        (folder / f"{gold['doc_id']}.txt").write_text(gold["text"], encoding="utf-8")


def _timed(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _without_meta(path: Path) -> list[dict]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for doc in docs:
        doc.pop("meta", None)
    return docs


RAY_START_STOP = (
    "import time; t = time.perf_counter()\n"
    "from eval.extraction.ray_engine import ray_session\n"
    "with ray_session(num_cpus=2): up = time.perf_counter()\n"
    "print(f'{up - t:.2f} {time.perf_counter() - up:.2f}')\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--extractors", nargs="+", default=["rules", "spacy"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, args.n)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        up, down = subprocess.run([sys.executable, "-c", RAY_START_STOP], env=env, check=True, capture_output=True,
                                  text=True).stdout.split()
        print(f"Ray local instance (2 CPUs): start {up} s, shutdown {down} s")
        print(f"{'extractor':10} {'engine':6} {'seconds':>8} {'docs/s':>8}")
        for name in args.extractors:
            outs = {}
            for engine in ("local", "ray"):
                outs[engine] = Path(tmp) / f"{name}.{engine}.jsonl"
                seconds = _timed(["-m", "eval", "extract", "-e", name, "--engine", engine, "--workers", "2",
                                  "--out", str(outs[engine]), str(folder)])
                print(f"{name:10} {engine:6} {seconds:8.1f} {args.n / seconds:8.1f}")
            same = _without_meta(outs["local"]) == _without_meta(outs["ray"])
            print(f"{name:10} same documents on both engines (every field but meta): {same}")


if __name__ == "__main__":
    main()

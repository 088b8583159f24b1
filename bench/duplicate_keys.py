"""What refusing duplicate JSON keys costs the parser: ``json.loads`` against :func:`eval.data.files.loads_json`.

The corpus is the synthetic gold and prediction files of ``bench/score.py`` (``--size`` documents
each). Every line is parsed ``--repeat`` times by each function, alternating, and the best time of
each is printed with the ratio loads_json / json.loads.

    python bench/duplicate_keys.py              # 3,000 documents
    python bench/duplicate_keys.py --size 1000
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval.data.files import loads_json  # noqa: E402
from score import write_corpus  # noqa: E402


def best_time(func, lines: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for line in lines:
            func(line)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsbench-keys-") as tmp:
        gold, pred, _ = write_corpus(Path(tmp), args.size, 0)
        lines = [line for path in (gold, pred) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    n_bytes = sum(len(line) for line in lines)
    plain = best_time(json.loads, lines, args.repeat)
    checked = best_time(loads_json, lines, args.repeat)
    print(f"{len(lines)} lines, {n_bytes / 1e6:.1f} MB of JSON, best of {args.repeat}")
    print(f"json.loads:  {plain:.3f} s ({len(lines) / plain:,.0f} documents/s)")
    print(f"loads_json:  {checked:.3f} s ({len(lines) / checked:,.0f} documents/s)")
    print(f"ratio loads_json / json.loads: {checked / plain:.2f}")


if __name__ == "__main__":
    main()

"""Memory of one large article: ``newsbench extract`` on it, and reading one JSON Lines line back into a Document.

The article is the gold article texts (``gold/*.json``) joined and repeated to ``--mb`` megabytes of
UTF-8, written to a ``.txt`` file in a temporary folder. Printed, from one run, as ratios to the size of
what is read:

* ``extract (tracemalloc)``: the peak of Python allocations while ``extract_files`` runs the extractor
  (``--extractor``, default ``rules``) on the article (``extract_files`` makes its extractor: for ``spacy`` that
  loads the pipeline, about 49 MB at the peak and 37 MB kept, counted here) and writes its JSON Lines file,
  divided by the article's bytes;
* ``extract (RSS)``: the growth of the peak resident memory of ``python -m eval extract -e NAME`` on the
  article over the same command on a one-line article, divided by the article's bytes (allocator and
  C-extension memory included);
* ``line -> Document``: the peak and what stays (the Document) of reading the output line back with
  the reader ``score`` and ``validate`` use (:func:`eval.data.parsing.parse_line`), divided by the line's bytes.

    python bench/memory.py             # a 1 MB article
    python bench/memory.py --mb 4
    python bench/memory.py -e spacy --mb 0.3
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.data.parsing import parse_line  # noqa: E402
from eval.extraction.extract import extract_files  # noqa: E402
from eval.extraction.measure import traced  # noqa: E402
from eval.gold.load import load_gold  # noqa: E402
from eval.registry import create  # noqa: E402


def article(megabytes: float) -> str:
    """The gold texts joined and repeated to ``megabytes`` of UTF-8 (cut at a character)."""
    body = "\n\n".join(d.text for d in load_gold().documents)
    size = int(megabytes * 1_000_000)
    text = body * (size // len(body.encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


# Runs the command line and prints its peak resident memory on exit. VmHWM belongs to the process's own memory
# map, made new by exec; ru_maxrss would also carry the high-water mark of this (large) process, which forks it.
_LAUNCH = (
    "import atexit, runpy, sys\n"
    "def hwm():\n"
    "    sys.stderr.write(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    "atexit.register(hwm)\n"
    "sys.argv = ['newsbench', *sys.argv[1:]]\n"
    "runpy.run_module('eval', run_name='__main__')\n"
)


def cli_peak_rss(name: str, path: Path, out: Path) -> int:
    """Peak resident bytes of ``newsbench extract -e NAME PATH --out OUT`` (Linux: read from /proc at exit)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", _LAUNCH, "extract", "-e", name, str(path), "--out", str(out)],
                          env=env, check=True, capture_output=True, text=True)
    line = next(l for l in proc.stderr.splitlines() if l.startswith("VmHWM"))
    return int(line.split()[1]) * 1024  # kB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the article in megabytes (default 1)")
    parser.add_argument("-e", "--extractor", default="rules", help="the extractor to measure (default rules)")
    args = parser.parse_args()
    name = args.extractor
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big, small = folder / "big.txt", folder / "small.txt"
        big.write_text(article(args.mb), encoding="utf-8")
        small.write_text("NATO met in Vilnius.", encoding="utf-8")
        size = big.stat().st_size
        create(name)  # lexicons, gazetteer and models load once, outside the measurement
        extract_files(name, [small], folder / "warm.jsonl")
        start = time.perf_counter()
        peak, _, _ = traced(lambda: extract_files(name, [big], folder / "big.jsonl"))
        seconds = time.perf_counter() - start
        print(f"article: {size:,} bytes ({args.mb:g} MB), {name} extractor: {seconds:.1f} s (traced)")
        print(f"extract (tracemalloc): peak {peak / 2**20:.1f} MB = {peak / size:.1f} x the article")
        base = cli_peak_rss(name, small, folder / "small-cli.jsonl")
        grown = cli_peak_rss(name, big, folder / "big-cli.jsonl") - base
        print(f"extract (RSS): peak grows by {grown / 2**20:.1f} MB = {grown / size:.1f} x the article "
              f"(one-line article: {base / 2**20:.0f} MB)")
        line = (folder / "big.jsonl").read_bytes()
        peak, kept, parsed = traced(lambda: parse_line(line, "big.jsonl:1"))
        assert parsed is not None and parsed.document is not None, parsed
        print(f"line -> Document: line {len(line):,} bytes; peak {peak / len(line):.1f} x the line, "
              f"the Document keeps {kept / len(line):.1f} x")


if __name__ == "__main__":
    main()

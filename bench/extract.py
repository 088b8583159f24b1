"""Extraction speed: documents per second for ``rules`` and ``spacy``, and the spaCy extractor's cost
over a bare ``nlp.pipe``.

The corpus replicates the gold article texts (``gold/*.json``; the seed articles in
``--seeds``, default ``../shared/seeds``, when the gold is absent) to ``--size`` articles with distinct doc ids. spaCy
keeps no cache between texts, so repeated texts cost what new ones of the same length would.

Printed, from one run:

* ``rules``: documents per second over the corpus, in one process and in ``--rules-workers`` processes
  (default: the machine's CPU count; the time includes starting the worker processes);
* ``spacy``: documents per second of the extractor, of a bare ``nlp.pipe`` over the same texts with
  the extractor's own pipeline object, batch size and worker count, and the ratio
  extractor / bare pipe (target: at most 1.3).

Both spaCy passes run once on a few texts first so that model loading and lazy set-up are not timed.

    python bench/extract.py                 # 1,000 articles
    python bench/extract.py --size 300      # quicker
    python bench/extract.py --workers 2     # spaCy's n_process for both spaCy passes
    python bench/extract.py --rules-workers 4
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = Path("../shared/seeds")
sys.path.insert(0, str(ROOT))

from eval.registry import Article, create  # noqa: E402


def source_texts(seeds: Path) -> tuple[str, list[str]]:
    """The texts to replicate and where they came from: the gold, else the seed articles in ``seeds``."""
    gold = sorted((ROOT / "gold").glob("*.json"))
    texts = []
    for path in gold:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("text"), str) and data.get("doc_id"):
            texts.append(data["text"])
    if texts:
        return f"{ROOT / 'gold'} ({len(texts)} documents)", texts
    if not seeds.is_dir():
        sys.exit(f"error: no gold/*.json texts, and the seeds folder {seeds} does not exist; give it with --seeds FOLDER")
    files = sorted(p for p in seeds.glob("*") if p.is_file())
    texts = [p.read_text(encoding="utf-8") for p in files]
    if not texts:
        sys.exit(f"error: no gold/*.json texts and no seed articles in {seeds}; give another folder with --seeds")
    return f"{seeds} ({len(texts)} files)", texts


def corpus(texts: list[str], size: int) -> list[Article]:
    """``size`` articles cycling through ``texts``, each with its own doc id."""
    return [Article(f"bench-{i:06d}", texts[i % len(texts)]) for i in range(size)]


def drain(items: Iterable[Any]) -> None:
    """Consume a stream without keeping it (the extractors stream)."""
    deque(items, maxlen=0)


def timed(func: Any) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size (default 64)")
    parser.add_argument("--workers", type=int, default=1, help="spaCy n_process (default 1)")
    parser.add_argument("--rules-workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the second rules pass (default: CPU count)")
    parser.add_argument("--skip-spacy", action="store_true", help="time rules only")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                        help="folder of seed articles, used when gold/*.json is absent (default ../shared/seeds)")
    args = parser.parse_args(argv)

    origin, texts = source_texts(args.seeds)
    articles = corpus(texts, args.size)
    n_chars = sum(len(a.text) for a in articles)
    print(f"corpus: {len(articles)} articles, {n_chars:,} characters, replicated from {origin}")

    drain(create("rules").extract(articles[:10]))  # lexicons and patterns built once, shared with forked workers
    for workers in sorted({1, args.rules_workers}):
        rules = create("rules", workers=workers)
        t_rules = timed(lambda: drain(rules.extract(articles)))
        print(f"rules, {workers} process{'es' if workers > 1 else ''}: {len(articles) / t_rules:,.0f} documents/s "
              f"({t_rules:.2f} s)")
    if args.skip_spacy:
        return

    spacy_ex = create("spacy", batch_size=args.batch_size, workers=args.workers)
    cfg = spacy_ex.config()
    print(f"spacy pipeline: {cfg['pipeline']} {cfg['pipeline_version']} components={cfg['pipeline_components']} "
          f"batch_size={args.batch_size} workers={args.workers}")
    warm = articles[:10]
    drain(spacy_ex.parse(a.text for a in warm))
    drain(spacy_ex.extract(warm))
    t_bare = timed(lambda: drain(spacy_ex.parse(a.text for a in articles)))
    t_spacy = timed(lambda: drain(spacy_ex.extract(articles)))
    print(f"bare nlp.pipe: {len(articles) / t_bare:,.1f} documents/s ({t_bare:.2f} s)")
    print(f"spacy extractor: {len(articles) / t_spacy:,.1f} documents/s ({t_spacy:.2f} s)")
    print(f"spacy extractor / bare nlp.pipe: {t_spacy / t_bare:.3f} (target <= 1.3)")


if __name__ == "__main__":
    main()

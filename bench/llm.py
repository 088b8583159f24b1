"""Benchmark of the llm extractor's concurrency and cache, against the local fake server.

No model is involved: the fake server answers after a fixed latency (as a remote model would), so
the figures measure the extractor's plumbing, not extraction quality. Prints:

* wall time of concurrency 1 and concurrency 8 on the same articles, and the speed-up;
* the number of requests of a re-run over the same articles with the cache (expected: 0).

    python bench/llm.py [--docs 32] [--latency 0.25]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.fake_openai

from eval.registry import Article  # noqa: E402
from extractors.llm import LLMExtractor  # noqa: E402
from tests.fake_openai import FakeOpenAI  # noqa: E402


def synthetic_articles(n: int) -> list[Article]:
    """Invented short news items (never gold text)."""
    return [
        Article(f"bench{i:03d}", f"Councillor Mira Tallow{i} said on Monday that the Brennick{i} ferry would resume. "
                f"\u201cWe are ready,\u201d Tallow{i} told reporters in Port Hale{i}.")
        for i in range(n)
    ]


def timed_run(server: FakeOpenAI, articles: list[Article], concurrency: int, cache_dir: Path) -> tuple[float, dict]:
    extractor = LLMExtractor(model="fake", base_url=server.base_url, concurrency=concurrency, cache_dir=cache_dir)
    start = time.perf_counter()
    docs = list(extractor.extract(articles))
    elapsed = time.perf_counter() - start
    assert len(docs) == len(articles)
    return elapsed, extractor.usage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.25, help="seconds the fake server takes per answer")
    args = parser.parse_args()
    articles = synthetic_articles(args.docs)
    os.environ.pop("OPENAI_API_KEY", None)
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI(latency=args.latency) as server:
        t1, u1 = timed_run(server, articles, 1, Path(tmp) / "c1")
        t8, u8 = timed_run(server, articles, 8, Path(tmp) / "c8")
        before = len(server.requests)
        t_cached, u_cached = timed_run(server, articles, 8, Path(tmp) / "c8")
        cached_requests = len(server.requests) - before
    print(f"fake server latency {args.latency:.2f} s, {args.docs} articles")
    print(f"concurrency 1: {t1:.2f} s ({u1['requests']} requests)")
    print(f"concurrency 8: {t8:.2f} s ({u8['requests']} requests, at most {server.max_in_flight} in flight)")
    print(f"speed-up of concurrency 8 over 1: {t1 / t8:.1f}x")
    print(f"cached re-run: {cached_requests} requests, {u_cached['cache_hits']} cache hits, {t_cached:.3f} s")


if __name__ == "__main__":
    main()

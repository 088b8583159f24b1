"""Benchmark of the llm extractor against the local fake server (127.0.0.1 only, no model involved).

Default: the plumbing. The fake server answers after a fixed latency (as a remote model would);
prints the wall time of concurrency 1 and 8 on the same articles, the speed-up, and the number of
requests of a cached re-run (expected: 0).

``--oracle``: exactness. The fake server answers every request with the gold annotation of the
piece of text in it, a quote cut by the piece's edge as the part of it the piece holds (a perfect
model, :class:`tests.extractors.llm.fake_openai.Oracle`); the predictions are scored by the
project's scorer (``python -m eval score``) on the gold articles (``--gold DIR``, default the
shipped gold) and on long articles made by joining them (annotations re-offset), which the
extractor must split into pieces. Prints the F1 of each category and overall for both, the strict
F1 of each category (spans matched exactly), the scorer's event subtype accuracy, how many gold
event subtypes came through exactly and how many the predictions added, the answer size relative
to the article size, and the largest answer in estimated tokens (characters / 4).

    python bench/llm.py [--docs 40] [--latency 0.5] [--json]
    python bench/llm.py --oracle [--gold DIR] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.extractors.llm.fake_openai

from eval.api import Article, Document  # noqa: E402
from eval.gold.load import load_gold  # noqa: E402
from extractors.llm import LLMExtractor  # noqa: E402
from extractors.llm.resolve import name_key  # noqa: E402
from tests.extractors.llm.fake_openai import FakeOpenAI, Oracle  # noqa: E402

CHARS_PER_TOKEN = 4  # a rough estimate for English text and JSON


def synthetic_articles(n: int) -> list[Article]:
    """Invented short news items (never gold text)."""
    return [
        Article(f"bench{i:03d}", f"Councillor Mira Tallow{i} said on Monday that the Brennick{i} ferry would resume. "
                f"\u201cWe are ready,\u201d Tallow{i} told reporters in Port Hale{i}.")
        for i in range(n)
    ]


def timed_run(server: FakeOpenAI, articles: list[Article], concurrency: int, cache_dir: Path, **kw) -> tuple[float, dict, list]:
    extractor = LLMExtractor(model="fake", base_url=server.base_url, concurrency=concurrency, cache_dir=cache_dir, **kw)
    start = time.perf_counter()
    docs = list(extractor.extract(articles))
    elapsed = time.perf_counter() - start
    assert len(docs) == len(articles)
    return elapsed, extractor.usage, docs


# -- the perfect model -------------------------------------------------------------------------

def gold_documents(gold_dir: Path | None = None) -> list[Document]:
    """The gold documents of ``gold_dir`` (default: the shipped gold), sorted by doc_id."""
    return list(load_gold(gold_dir).documents)


def joined(docs: list[Document], doc_id: str, sep: str = "\n\n") -> Document:
    """One long article made of ``docs`` with their annotations re-offset; entities of the same kind,
    name and type become one (one article has one entity per real-world thing), names compared as the
    extractor's merge of pieces compares them (case and spacing aside); ids renumbered."""
    text, shift = "", []
    for d in docs:
        shift.append(len(text) + (len(sep) if text else 0))
        text = f"{text}{sep}{d.text}" if text else d.text

    def moved(span, k: int) -> dict | None:
        return None if span is None else {**span.model_dump(exclude_none=True), "start": span.start + shift[k], "end": span.end + shift[k]}

    entities: dict[str, dict[tuple, dict]] = {"actors": {}, "locations": {}}
    ref: dict[tuple[int, str], tuple] = {}
    for k, d in enumerate(docs):
        for key in entities:
            for e in getattr(d, key):
                ident = (name_key(e.name), e.type)
                item = entities[key].setdefault(ident, {"name": e.name, "type": e.type, "mentions": []})
                item["mentions"] += [moved(m, k) for m in e.mentions]
                ref[(k, e.id)] = (key, ident)
    new_id: dict[tuple, str] = {}
    out: dict = {"doc_id": doc_id, "text": text, "actors": [], "locations": [], "quotes": [], "events": []}
    for key, prefix in (("actors", "a"), ("locations", "l")):
        items = sorted(entities[key].items(), key=lambda kv: min(m["start"] for m in kv[1]["mentions"]))
        for n, (ident, item) in enumerate(items, 1):
            new_id[(key, ident)] = f"{prefix}{n}"
            out[key].append({"id": f"{prefix}{n}", **item, "mentions": sorted(item["mentions"], key=lambda m: m["start"])})
    for k, d in enumerate(docs):
        for q in d.quotes:
            out["quotes"].append({"id": f"q{len(out['quotes']) + 1}", "content": moved(q.content, k), "kind": q.kind,
                                  "speaker": new_id[ref[(k, q.speaker)]] if q.speaker else None,
                                  "cue": moved(q.cue, k), "speaker_mention": moved(q.speaker_mention, k)})
        for e in d.events:
            out["events"].append({"id": f"e{len(out['events']) + 1}", "type": e.type, "subtype": e.subtype,
                                  "trigger": moved(e.trigger, k),
                                  "polarity": e.polarity, "modality": e.modality,
                                  "arguments": [{"role": a.role, "ref": new_id[ref[(k, a.ref)]]} for a in e.arguments]})
    return Document.model_validate(out)


def long_documents(golds: list[Document]) -> list[Document]:
    """Long articles made of the gold ones: all in order, all reversed, and the first two swapped."""
    return [joined(golds, "joined_all"), joined(golds[::-1], "joined_reversed"), joined(golds[1::-1], "joined_10")]


CATEGORIES = ("actors", "locations", "quotes", "events", "overall")


def scored(docs: list, gold_dir: Path | None, tmp: Path) -> dict[str, float]:
    """F1 of each category and overall, and the event subtype accuracy (over events paired with the
    right type), by the project's own scorer (`python -m eval score --json`)."""
    pred = tmp / f"pred{len(list(tmp.glob('pred*')))}.jsonl"
    pred.write_text("".join(d.model_dump_json(exclude_none=True) + "\n" for d in docs), encoding="utf-8")
    cmd = [sys.executable, "-m", "eval", "score", "--pred", str(pred), "--json"]
    if gold_dir is not None:
        cmd += ["--gold", str(gold_dir)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    scores = json.loads(proc.stdout)["scores"]
    subtypes = scores["events"]["detail"]["subtype_accuracy"]["partial"]["accuracy"]
    # The headline matches overlapping spans; strict ones must match exactly (a quote cut short still
    # overlaps its gold one, so only the strict figure shows it).
    strict = {f"{c}_strict": scores[c]["detail"][scores[c]["headline"].split("/")[0]]["strict"]["f1"] for c in CATEGORIES[:-1]}
    return {**{c: scores[c]["f1"] for c in CATEGORIES}, **strict, "event_subtype_accuracy": subtypes}


def subtypes_through(preds: list[Document], golds: list[Document]) -> dict[str, int]:
    """Gold events with a subtype whose prediction (same document, trigger, type) carries the same one,
    and predicted subtypes the gold does not have at that trigger: exact counts, beside the scorer's accuracy."""
    def typed(docs: list[Document]) -> set[tuple]:
        return {(d.doc_id, e.trigger.start, e.trigger.end, e.type, e.subtype) for d in docs for e in d.events if e.subtype}

    gold, pred = typed(golds), typed(preds)
    return {"gold": len(gold), "kept": len(gold & pred), "extra": len(pred - gold)}


def oracle_run(golds: list[Document], tmp: Path, name: str, **kw) -> tuple[list, Oracle, dict]:
    oracle = Oracle(golds)
    with FakeOpenAI(responder=oracle) as server:
        _, usage, docs = timed_run(server, [Article(d.doc_id, d.text) for d in golds], 4, tmp / f"cache-{name}", **kw)
    return docs, oracle, usage


def oracle_figures(gold_dir: Path | None = None) -> dict:
    golds = gold_documents(gold_dir)
    long_docs = long_documents(golds)
    figures: dict = {"gold_docs": len(golds)}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        docs, oracle, usage = oracle_run(golds, tmp, "gold")
        figures["gold"] = scored(docs, gold_dir, tmp)
        figures["gold_subtypes"] = subtypes_through(docs, golds)
        pieces, answers = zip(*oracle.answers)
        figures["answer_chars_per_article_char"] = round(sum(answers) / sum(pieces), 3)
        joined_dir = tmp / "joined"
        joined_dir.mkdir()
        for d in long_docs:
            (joined_dir / f"{d.doc_id}.json").write_text(d.model_dump_json(exclude_none=True), encoding="utf-8")
        docs, oracle, usage = oracle_run(long_docs, tmp, "chunked")
        figures["chunked"] = scored(docs, joined_dir, tmp)
        figures["chunked_subtypes"] = subtypes_through(docs, long_docs)
        figures["chunked_articles_chars"] = [len(d.text) for d in long_docs]
        figures["chunked_requests"] = usage["requests"]
        figures["max_chars"] = LLMExtractor(model="fake", base_url="http://127.0.0.1:9/v1", use_cache=False).max_chars
        figures["max_answer_tokens_est"] = max(a for _, a in oracle.answers) // CHARS_PER_TOKEN
        for small in (1000, 500):
            docs, oracle, usage = oracle_run(long_docs, tmp, f"chunked{small}", max_chars=small)
            figures[f"chunked_max_chars_{small}"] = scored(docs, joined_dir, tmp)
            figures[f"chunked_max_chars_{small}_subtypes"] = subtypes_through(docs, long_docs)
            figures[f"chunked_max_chars_{small}_requests"] = usage["requests"]
        figures["dropped"] = {k: usage[k] for k in ("dropped_items", "dropped_spans", "dropped_entities", "unresolved_refs")}
    return figures


def concurrency_figures(n_docs: int, latency: float) -> dict:
    articles = synthetic_articles(n_docs)
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI(latency=latency) as server:
        t1, u1, _ = timed_run(server, articles, 1, Path(tmp) / "c1")
        t8, u8, _ = timed_run(server, articles, 8, Path(tmp) / "c8")
        before = len(server.requests)
        t_cached, u_cached, _ = timed_run(server, articles, 8, Path(tmp) / "c8")
        cached_requests = len(server.requests) - before
        in_flight = server.max_in_flight
    return {"docs": n_docs, "latency_s": latency, "serial_s": round(t1, 2), "concurrency_8_s": round(t8, 2),
            "speedup": round(t1 / t8, 2), "max_in_flight": in_flight, "requests": [u1["requests"], u8["requests"]],
            "cached_rerun_requests": cached_requests, "cached_rerun_hits": u_cached["cache_hits"],
            "cached_rerun_s": round(t_cached, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.5, help="seconds the fake server takes per answer")
    parser.add_argument("--oracle", action="store_true", help="score a perfect model instead of timing the plumbing")
    parser.add_argument("--gold", type=Path, default=None, help="gold folder for --oracle (default: the shipped gold)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on the last line")
    args = parser.parse_args()
    os.environ.pop("OPENAI_API_KEY", None)
    if args.oracle:
        result = {"oracle": oracle_figures(args.gold)}
        if not args.json:
            for key, value in result["oracle"].items():
                print(f"{key}: {value}")
    else:
        c = concurrency_figures(args.docs, args.latency)
        result = {"concurrency": c}
        if not args.json:
            print(f"fake server latency {c['latency_s']:.2f} s, {c['docs']} articles")
            print(f"concurrency 1: {c['serial_s']:.2f} s ({c['requests'][0]} requests)")
            print(f"concurrency 8: {c['concurrency_8_s']:.2f} s ({c['requests'][1]} requests, at most {c['max_in_flight']} in flight)")
            print(f"speed-up of concurrency 8 over 1: {c['speedup']:.1f}x")
            print(f"cached re-run: {c['cached_rerun_requests']} requests, {c['cached_rerun_hits']} cache hits, {c['cached_rerun_s']:.3f} s")
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()

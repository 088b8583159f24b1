"""Scale benchmark of reading, validating and scoring: synthetic corpora of 1,000 to 100,000 documents.

Each corpus is made from the gold (``gold/*.json``; ``tests/data/bad/gold`` when the gold is
absent): gold document *i* is a window of whole sentences of a gold article with the annotations
that lie inside it, re-offset; prediction *i* is that document perturbed (items dropped, spans cut
short, types changed, speakers lost, spurious actors added). Both are written as JSON Lines to a
temporary folder, then three phases run, each in a fresh process so that its peak memory is its own:

* ``parse``: stream both files through :func:`eval.io.iter_parsed` (JSON, models, semantics);
* ``validate``: the same with the JSON Schema pass (what ``newsbench validate`` does);
* ``score``: what ``newsbench score --gold gold.jsonl --out DIR`` does: index the gold by byte
  offset, then stream the predictions, each read, checked, paired with its gold document, scored
  and dropped, with bootstrap intervals and the error list streamed to a file.

Printed: documents per second, peak resident memory, the time ratio between successive sizes
(linear cost: 10x documents should cost at most 12x the time) and scoring time divided by parsing
time (target: at most 3).

Module imports are a one-time cost, not work per document: every phase imports the modules of all
three (the scorer's pull in scipy.optimize, about half a second) *before* its clock starts, so
that no phase is charged for them and the ratios compare per-document work. Their time is printed
on its own line ("imports"). Besides wall time, the CPU time of each phase's process is measured:
on a machine shared with other work the ratio of CPU times moves less than that of wall times.

    python bench/score.py                       # 1,000, 10,000 and 100,000 documents
    python bench/score.py --sizes 1000 10000    # quicker
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


# ---------------------------------------------------------------------------------------------
# Synthetic corpora


def source_documents() -> tuple[list[dict[str, Any]], str]:
    """The gold articles as plain dicts (fixtures when the gold is absent) and where they came from."""
    for folder in (ROOT / "gold", ROOT / "tests" / "data" / "bad" / "gold"):
        files = sorted(p for p in folder.glob("*.json") if p.name != "cross_document.json")
        if files:
            return [json.loads(p.read_text(encoding="utf-8")) for p in files], str(folder.relative_to(ROOT))
    raise SystemExit("no gold documents found in gold/ or tests/data/bad/gold/")


def _inside(span: dict | None, start: int, end: int) -> bool:
    return span is None or (start <= span["start"] and span["end"] <= end)


def _shift(span: dict | None, start: int) -> dict | None:
    return None if span is None else {**span, "start": span["start"] - start, "end": span["end"] - start}


def window(doc: dict[str, Any], start: int, end: int, doc_id: str) -> dict[str, Any]:
    """The part ``[start, end)`` of a document with every annotation inside it, re-offset."""
    out: dict[str, Any] = {"doc_id": doc_id, "text": doc["text"][start:end]}
    kept: set[str] = set()
    for kind in ("actors", "locations"):
        items = []
        for item in doc.get(kind, []):
            mentions = [_shift(m, start) for m in item.get("mentions", []) if _inside(m, start, end)]
            if mentions:
                items.append({**item, "mentions": mentions})
                kept.add(item["id"])
        out[kind] = items
    out["quotes"] = [
        {**q, **{f: _shift(q.get(f), start) for f in ("content", "cue", "speaker_mention") if q.get(f) is not None},
         "speaker": q.get("speaker") if q.get("speaker") in kept else None}
        for q in doc.get("quotes", [])
        if all(_inside(q.get(f), start, end) for f in ("content", "cue", "speaker_mention"))
    ]
    out["events"] = [
        {**e, **{f: _shift(e.get(f), start) for f in ("trigger", "time") if e.get(f) is not None},
         "arguments": [a for a in e.get("arguments", []) if a["ref"] in kept]}
        for e in doc.get("events", [])
        if _inside(e["trigger"], start, end) and _inside(e.get("time"), start, end)
    ]
    return out


def _cut_short(span: dict, text: str) -> dict:
    """The span without its last word, when it has more than one (a partial match)."""
    cut = span["text"].rstrip().rfind(" ")
    if cut <= 0:
        return span
    end = span["start"] + len(span["text"][:cut].rstrip())
    return {**span, "end": end, "text": text[span["start"]:end]}


def perturb(gold: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A plausible prediction: some items dropped, spans cut short, types and speakers wrong, spurious actors."""
    pred = copy.deepcopy(gold)
    text = pred["text"]
    for kind in ("actors", "locations", "quotes", "events"):
        pred[kind] = [item for item in pred[kind] if rng.random() > 0.15]
    for kind in ("actors", "locations"):
        for item in pred[kind]:
            item["mentions"] = [_cut_short(m, text) if rng.random() < 0.2 else m for m in item["mentions"]]
    for actor in pred["actors"]:
        if rng.random() < 0.1:
            actor["type"] = "ORG" if actor["type"] == "PER" else "PER"
    for word in re.finditer(r"\b[A-Z][a-z]{3,}\b", text):
        if rng.random() < 0.02:
            pred["actors"].append({"id": f"s{word.start()}", "name": word.group(), "type": "ORG",
                                   "mentions": [{"start": word.start(), "end": word.end(), "text": word.group()}]})
    actors = {a["id"] for a in pred["actors"]}
    entities = actors | {loc["id"] for loc in pred["locations"]}
    for q in pred["quotes"]:
        if q["speaker"] not in actors or rng.random() < 0.1:
            q["speaker"] = None
        if rng.random() < 0.2:
            q["content"] = _cut_short(q["content"], text)
    for e in pred["events"]:
        e["arguments"] = [a for a in e["arguments"] if a["ref"] in entities]
        if rng.random() < 0.1:
            e["type"] = "OTHER"
            e.pop("subtype", None)  # OTHER has no subtypes: a wrong type, not an invalid document
    return pred


def corpus(sources: list[dict[str, Any]], n: int, seed: int) -> Iterator[tuple[dict, dict]]:
    """``n`` (gold, prediction) pairs: windows of 3 to 8 sentences of the source articles."""
    rng = random.Random(seed)
    bounds = [[0, *(m.start() for m in SENTENCE_END.finditer(d["text"])), len(d["text"])] for d in sources]
    for i in range(n):
        k = i % len(sources)
        cuts = bounds[k]
        first = rng.randrange(max(1, len(cuts) - 4))
        last = min(len(cuts) - 1, first + rng.randint(3, 8))
        text = sources[k]["text"]
        start, end = cuts[first], cuts[last]
        while start < end and text[start].isspace():
            start += 1
        gold = window(sources[k], start, end, f"syn{i:06d}")
        yield gold, perturb(gold, rng)


def write_corpus(folder: Path, n: int, seed: int) -> tuple[Path, Path, int]:
    """Write ``gold.jsonl`` and ``pred.jsonl`` of ``n`` documents; returns their paths and total bytes."""
    sources, _ = source_documents()
    gold_path, pred_path = folder / "gold.jsonl", folder / "pred.jsonl"
    with gold_path.open("w", encoding="utf-8") as g, pred_path.open("w", encoding="utf-8") as p:
        for gold, pred in corpus(sources, n, seed):
            g.write(json.dumps(gold, ensure_ascii=False) + "\n")
            p.write(json.dumps(pred, ensure_ascii=False) + "\n")
    return gold_path, pred_path, gold_path.stat().st_size + pred_path.stat().st_size


# ---------------------------------------------------------------------------------------------
# Phases (each runs in its own process)


def phase(name: str, gold: Path, pred: Path, n_boot: int) -> dict[str, Any]:
    """Run one phase in this process and return its figures."""
    t = time.perf_counter()
    # Every phase imports what all phases use, before timing (see the module docstring): scoring
    # would otherwise pay for importing the scorer (and scipy.optimize) inside its timed region.
    import eval.scoring.stream  # noqa: F401
    from eval.data.parsing import iter_parsed
    from eval.extraction.measure import _rss_mb, measure
    from eval.gold.index import GoldIndex
    from eval.runner import score_file

    imports_s = time.perf_counter() - t
    baseline = _rss_mb()
    split: dict[str, Any] = {}
    cpu = time.process_time()
    with measure() as m:
        if name in ("parse", "validate"):
            n_docs = n_problems = 0
            for path, is_gold in ((gold, True), (pred, False)):
                for parsed in iter_parsed(path, full=name == "validate", gold=is_gold):
                    n_docs += 1
                    n_problems += len(parsed.problems)
            if n_problems:
                raise SystemExit(f"the synthetic corpus has {n_problems} problems: a bug in bench/score.py")
        else:
            out = pred.parent / "results"
            t0 = time.perf_counter()
            index = GoldIndex.open(gold)
            t1 = time.perf_counter()
            result = score_file(pred, index, extractor="bench", out=out, n_boot=n_boot)
            t2 = time.perf_counter()
            with (out / "bench.errors.jsonl").open("rb") as fh:
                n_errors = sum(1 for _ in fh)
            n_docs = result.n_docs + result.n_docs - len(result.missing_docs)
            split = {"index_s": t1 - t0, "stream_s": t2 - t1, "overall_f1": result.scores["overall"]["f1"], "n_errors": n_errors}
    cpu_s = time.process_time() - cpu
    return {"phase": name, "n_docs_read": n_docs, "runtime_s": m.runtime_s, "cpu_s": cpu_s, "peak_rss_mb": m.peak_memory_mb,
            "baseline_rss_mb": round(baseline, 1), "imports_s": imports_s, **split}


def run_phase(name: str, gold: Path, pred: Path, n_boot: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--phase", name, "--gold", str(gold), "--pred", str(pred), "--n-boot", str(n_boot)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


# ---------------------------------------------------------------------------------------------
# Report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples in the score phase (default 1000, as newsbench score)")
    parser.add_argument("--phases", nargs="+", choices=["parse", "validate", "score"], default=["parse", "validate", "score"],
                        help="phases to run (all three stream: memory stays flat)")
    parser.add_argument("--phase", choices=["parse", "validate", "score"], help=argparse.SUPPRESS)
    parser.add_argument("--gold", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pred", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.gold, args.pred, args.n_boot)))
        return

    _, source = source_documents()
    phases = args.phases
    print(f"bench/score.py: synthetic corpora from {source}, seed {args.seed}, {args.n_boot} bootstrap resamples")
    rows: list[dict[str, Any]] = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="newsbench-bench-") as tmp:
            t = time.perf_counter()
            gold, pred, size = write_corpus(Path(tmp), n, args.seed)
            made = time.perf_counter() - t
            results = {p: run_phase(p, gold, pred, args.n_boot) for p in phases}
        rows.append({"n": n, "mb": size / 2**20, "made_s": made, **results})
        _print_size(rows[-1], phases)
    _print_summary(rows, phases)


def _print_size(row: dict[str, Any], phases: list[str]) -> None:
    n = row["n"]
    print(f"\n{n:,} documents ({row['mb']:.0f} MB of JSON Lines, gold + predictions; generated in {row['made_s']:.1f} s)")
    for p in phases:
        r = row[p]
        line = (f"  {p:<9} {r['runtime_s']:8.2f} s  {n / r['runtime_s']:9,.0f} docs/s  "
                f"peak RSS {r['peak_rss_mb']:7.0f} MB (+{r['peak_rss_mb'] - r['baseline_rss_mb']:.0f} MB over start)")
        if p == "score":
            line += (f"\n            index gold {r['index_s']:.2f} s, read, pair and score both streams {r['stream_s']:.2f} s; "
                     f"overall F1 {r['overall_f1']:.3f}, {r['n_errors']:,} errors written")
        print(line)
    imports = "  ".join(f"{p} {row[p]['imports_s']:.2f} s" for p in phases)
    print(f"  imports (before timing, not counted above): {imports}")
    if "score" in row and "parse" in row:
        print(f"  score / parse time: {row['score']['runtime_s'] / row['parse']['runtime_s']:.2f}  (target <= 3)")
        print(f"  score / parse CPU time of the process: {row['score']['cpu_s'] / row['parse']['cpu_s']:.2f}  "
              "(steadier than wall time when other work shares the cores)")


def _print_summary(rows: list[dict[str, Any]], phases: list[str]) -> None:
    if len(rows) < 2:
        return
    print("\ntime ratio between sizes (linear cost: at most 1.2x the size ratio)")
    for a, b in zip(rows, rows[1:]):
        size_ratio = b["n"] / a["n"]
        ratios = "  ".join(f"{p} {b[p]['runtime_s'] / a[p]['runtime_s']:.2f}x" for p in phases)
        print(f"  {a['n']:,} -> {b['n']:,} docs ({size_ratio:.0f}x): {ratios}")


if __name__ == "__main__":
    main()

"""Build ``gold/<doc_id>.json`` from a readable annotation spec, so offsets are never typed by hand.

A spec (``gold/tools/specs/<doc_id>.yaml``) names every span by its text in context:
``"Secretary-General [[Jens Stoltenberg]] has"`` is the span "Jens Stoltenberg" inside the only
occurrence of that whole string; a plain ``"Gitanas Nauseda"`` must occur exactly once; a suffix
``"Stoltenberg#2"`` takes the third occurrence (0-based). Mentions carry their kind as a prefix:
``N|`` name, ``M|`` nominal, ``P|`` pronoun.

Usage: ``python gold/tools/build.py SEED_DIR gold/tools/specs/0*.yaml`` (writes ``gold/``), then
``python gold/tools/build.py --cross gold/tools/specs/cross_document.yaml`` (writes
``gold/cross_document.json``; its span locators are ``DOC_ID|locator`` against the gold texts).
For the development set the texts and the output are folders of their own:
``python gold/tools/build.py --out OUT_DIR TEXT_DIR SPEC.yaml ...`` reads ``TEXT_DIR/<doc_id>.txt`` and writes
``OUT_DIR/<doc_id>.json`` (``annotator`` in the spec names the pass, ``pass1`` by default).
The build refuses ambiguous contexts, a span given to two entities, and nesting within one entity,
and it lists occurrences of annotated names that no mention covers, for the annotator to check.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from eval.data.files import write_text
from eval.schema import Document

ROOT = Path(__file__).resolve().parents[2]
KINDS = {"N": "name", "M": "nominal", "P": "pronoun"}


class SpecError(Exception):
    """A spec entry that does not locate exactly one span."""


def locate(text: str, spec: str) -> dict[str, Any]:
    """Find the span a locator string denotes.

    >>> locate("a b a", "a#1")
    {'start': 4, 'end': 5, 'text': 'a'}
    >>> locate("a b a", "b [[a]]")
    {'start': 4, 'end': 5, 'text': 'a'}
    """
    m = re.fullmatch(r"(.*)#(\d+)", spec, flags=re.S)
    if m and "[[" not in spec:
        needle, index = m.group(1), int(m.group(2))
        starts = [i for i in range(len(text)) if text.startswith(needle, i)]
        if index >= len(starts):
            raise SpecError(f"{spec!r}: only {len(starts)} occurrence(s)")
        start = starts[index]
        return {"start": start, "end": start + len(needle), "text": needle}
    if "[[" in spec:
        left, rest = spec.split("[[", 1)
        inner, right = rest.split("]]", 1)
    else:
        left, inner, right = "", spec, ""
    context = left + inner + right
    count = text.count(context)
    if count != 1:
        raise SpecError(f"{spec!r}: context occurs {count} times (must be exactly once)")
    start = text.index(context) + len(left)
    return {"start": start, "end": start + len(inner), "text": inner}


def mention(text: str, spec: str) -> dict[str, Any]:
    kind, _, rest = spec.partition("|")
    if kind not in KINDS:
        raise SpecError(f"{spec!r}: prefix must be one of N|, M|, P|")
    return {**locate(text, rest), "kind": KINDS[kind]}


def _entities(text: str, items: list[dict[str, Any]], owner: dict[tuple[int, int], str]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        mentions = sorted((mention(text, s) for s in item.pop("mentions")), key=lambda m: (m["start"], m["end"]))
        for m in mentions:
            key = (m["start"], m["end"])
            if key in owner:
                raise SpecError(f"{item['id']}: span {m['text']!r} at {key} already belongs to {owner[key]}")
            owner[key] = item["id"]
        for a, b in zip(mentions, mentions[1:]):
            if b["start"] < a["end"]:
                raise SpecError(f"{item['id']}: mentions {a['text']!r} and {b['text']!r} overlap")
        out.append({**item, "mentions": mentions})
    return out


def _event(text: str, e: dict[str, Any]) -> dict[str, Any]:
    out = {"id": e["id"], "type": e["type"], "trigger": locate(text, e["trigger"])}
    if e.get("subtype"):
        out["subtype"] = e["subtype"]
    out["arguments"] = [{"role": r, "ref": ref} for r, ref in (a.split() for a in e.get("args", []))]
    out["polarity"] = e.get("polarity", "positive")
    out["modality"] = e["modality"]
    if e.get("time"):
        out["time"] = locate(text, e["time"])
    if e.get("date"):
        out["date"] = str(e["date"])
    return out


def _quote(text: str, q: dict[str, Any]) -> dict[str, Any]:
    out = {"id": q["id"], "content": locate(text, q["content"]), "speaker": q.get("speaker"), "kind": q["kind"]}
    for field in ("cue", "speaker_mention"):
        if q.get(field):
            out[field] = locate(text, q[field])
    return out


def uncovered_names(doc: dict[str, Any]) -> list[str]:
    """Occurrences of annotated name strings that no mention covers (for the annotator to check)."""
    text = doc["text"]
    covered = [(m["start"], m["end"]) for k in ("actors", "locations") for it in doc[k] for m in it["mentions"]]
    names = {m["text"] for k in ("actors", "locations") for it in doc[k] for m in it["mentions"] if m["kind"] == "name"}
    notes = []
    for name in sorted(names):
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            s, e = match.span()
            if not any(a <= s and e <= b for a, b in covered):
                notes.append(f"{name!r} at {s} ({text[max(0, s - 30):e + 30]!r})")
    return notes


def build(seed_dir: Path, spec_path: Path, out_dir: Path | None = None) -> Path:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    doc_id = spec["doc_id"]
    text = (seed_dir / f"{doc_id}.txt").read_bytes().decode("utf-8")
    owner: dict[tuple[int, int], str] = {}
    doc: dict[str, Any] = {"schema_version": spec.get("schema_version", "1.0"), "doc_id": doc_id, "text": text}
    for field in ("title", "date", "source", "language"):
        if spec.get(field):
            doc[field] = str(spec[field])
    doc["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc["actors"] = _entities(text, spec.get("actors", []), owner)
    doc["locations"] = _entities(text, spec.get("locations", []), owner)
    doc["quotes"] = [_quote(text, q) for q in spec.get("quotes", [])]
    doc["events"] = [_event(text, e) for e in spec.get("events", [])]
    doc["meta"] = {"annotator": spec.get("annotator", "pass1"), "guidelines": "gold/GUIDELINES.md"}
    Document.model_validate(doc)  # every span, id and reference checked before anything is written
    out = (out_dir or ROOT / "gold") / f"{doc_id}.json"
    import json

    write_text(out, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    for note in uncovered_names(doc):
        print(f"{doc_id}: unannotated occurrence of {note}", file=sys.stderr)
    return out


def build_cross(spec_path: Path) -> Path:
    """Write ``gold/cross_document.json`` from its spec, locating every disagreement span."""
    import json

    from eval.gold.crossdoc import load_cross_document
    from eval.gold.load import load_gold

    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    docs = load_gold(ROOT / "gold").by_id()
    for cluster in spec["clusters"]:
        cluster["members"] = [dict(zip(("doc_id", "id"), m.split("/"))) for m in cluster["members"]]
    for dis in spec["disagreements"]:
        for claim in dis["claims"]:
            spans = []
            for loc in claim["spans"]:
                doc_id, _, rest = loc.partition("|")
                spans.append({"doc_id": doc_id, **locate(docs[doc_id].text, rest)})
            claim["spans"] = spans
    out = ROOT / "gold" / "cross_document.json"
    write_text(out, json.dumps({"schema_version": "1.0", **spec}, indent=2, ensure_ascii=False) + "\n")
    load_cross_document(out, docs)
    return out


if __name__ == "__main__":
    if sys.argv[1] == "--cross":
        print(build_cross(Path(sys.argv[2])))
    elif sys.argv[1] == "--out":
        out_dir, texts = Path(sys.argv[2]), Path(sys.argv[3])
        out_dir.mkdir(parents=True, exist_ok=True)
        for arg in sys.argv[4:]:
            print(build(texts, Path(arg), out_dir))
    else:
        seeds = Path(sys.argv[1])
        for arg in sys.argv[2:]:
            print(build(seeds, Path(arg)))

"""The error viewer: ``results/report.html``, one self-contained page (inline CSS and JS, no network).

For each extractor with ``<name>.predictions.jsonl`` and ``<name>.errors.jsonl`` in the results folder,
every article is shown with the gold spans beside the predicted spans, coloured by category and outlined
by outcome. Outcomes come from the scorer's error list (its alignment), never recomputed here: an item
that the error list names gets that outcome (missed, spurious, partial, wrong_type, ...); every other
item was matched, a hit. Clicking a quote highlights its speaker's mentions.
"""
from __future__ import annotations

import html
import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

from eval.data.files import read_text, write_text
from eval.data.models import Document
from eval.data.parsing import read_documents
from eval.gold.load import load_gold
from eval.paths import RESULT_FILES, extractors_with
from eval.scoring.figures import CATEGORIES

HIT = "hit"
CATEGORY_COLOURS = {"actors": "#cfe3ff", "locations": "#d5f5d5", "quotes": "#fff1b8", "events": "#f7d6f0"}
OUTCOME_STYLES = {
    "hit": "2px solid #2e7d32",
    "missed": "2px dashed #c62828",
    "spurious": "2px dotted #ef6c00",
    "partial": "3px double #6a1b9a",
    "wrong": "2px solid #5d4037",
}
# Entity mentions and triggers are drawn over quote spans, which usually contain them.
PRIORITY = {"quotes": 0, "actors": 1, "locations": 1, "events": 2}


def outcome_class(outcome: str) -> str:
    """The CSS class of an outcome: ``wrong_type``, ``wrong_speaker`` and ``wrong_role`` share one style.

    >>> outcome_class("wrong_speaker"), outcome_class("missed")
    ('wrong', 'missed')
    """
    return "wrong" if outcome.startswith("wrong") else outcome


def outcomes(errors: Iterable[dict[str, Any]]) -> dict[tuple, str]:
    """Outcome keys from the scorer's error records; side is gold or pred.

    Item-level errors (entity, event, quote) are keyed ``(doc_id, category, side, item id)``; mention-level
    errors ``(doc_id, category, side, start, end)``, since one entity can have hit and missed mentions.
    Argument-level errors do not colour spans: the event itself was matched (they show in the error list).
    """
    out: dict[tuple, str] = {}
    for e in errors:
        if e.get("level") == "argument":
            continue
        for side in ("gold", "pred"):
            item, span = e.get(f"{side}_id"), e.get(side)
            if e.get("level") == "mention" and span is not None:
                out.setdefault((e["doc_id"], e["category"], side, span["start"], span["end"]), e["outcome"])
            elif e.get("level") != "mention" and item is not None:
                out.setdefault((e["doc_id"], e["category"], side, item), e["outcome"])
    return out


def _spans(doc: Document, side: str, verdicts: dict, speakers: dict[str, str]) -> list[dict[str, Any]]:
    """Every drawable span of ``doc`` with its category, outcome, item id and label."""
    spans = []
    for category in CATEGORIES:
        for item in getattr(doc, category):
            outcome = verdicts.get((doc.doc_id, category, side, item.id), HIT)
            if category in ("actors", "locations"):
                parts = [(m, f"{item.type} {item.name}") for m in item.mentions]
            elif category == "quotes":
                who = speakers.get(item.speaker or "", "unattributed")
                parts = [(item.content, f"quote ({item.kind}) by {who}")]
                parts += [(s, f"speaker mention of {item.id}") for s in (item.speaker_mention,) if s is not None]
            else:
                parts = [(item.trigger, f"{item.type} event")]
            for span, label in parts:
                mention = verdicts.get((doc.doc_id, category, side, span.start, span.end))
                spans.append({
                    "start": span.start, "end": span.end, "category": category,
                    "outcome": outcome if outcome != HIT or mention is None else mention, "id": item.id,
                    "speaker": getattr(item, "speaker", None) if category == "quotes" else None,
                    "label": f"{label} [{outcome}]",
                })
    return spans


def render_text(text: str, spans: list[dict[str, Any]]) -> str:
    """``text`` as HTML with each segment wrapped in the span of highest priority that covers it."""
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        cover = [s for s in spans if s["start"] <= a and b <= s["end"]]
        if not cover:
            out.append(piece)
            continue
        top = max(cover, key=lambda s: (PRIORITY[s["category"]], s["start"]))
        in_quote = any(s["category"] == "quotes" for s in cover) and top["category"] != "quotes"
        title = html.escape(" | ".join(s["label"] for s in cover), quote=True)
        attrs = f'class="s {top["category"]} o-{outcome_class(top["outcome"])}{" inq" if in_quote else ""}" title="{title}"'
        attrs += f' data-id="{html.escape(top["id"], quote=True)}"'
        if top["speaker"]:
            attrs += f' data-speaker="{html.escape(top["speaker"], quote=True)}"'
        out.append(f"<span {attrs}>{piece}</span>")
    return "".join(out)


def _names(doc: Document) -> dict[str, str]:
    return {a.id: a.name for a in doc.actors}


def _counts(spans: list[dict[str, Any]]) -> str:
    tally: dict[str, int] = defaultdict(int)
    for s in spans:
        tally[outcome_class(s["outcome"])] += 1
    return ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))


def _article(extractor: str, gold: Document, pred: Document | None, verdicts: dict) -> str:
    gold_spans = _spans(gold, "gold", verdicts, _names(gold))
    pred_doc = pred or gold.model_copy(update={"actors": (), "locations": (), "quotes": (), "events": ()})
    pred_spans = _spans(pred_doc, "pred", verdicts, _names(pred_doc))
    note = "" if pred is not None else " (no prediction for this document)"
    return (
        f'<section class="doc" data-extractor="{html.escape(extractor)}"><h3>{html.escape(gold.doc_id)}{note}</h3>'
        f'<div class="cols"><div class="col" data-side="gold"><h4>gold ({_counts(gold_spans)})</h4>'
        f'<div class="text">{render_text(gold.text, gold_spans)}</div></div>'
        f'<div class="col" data-side="pred"><h4>{html.escape(extractor)} ({_counts(pred_spans)})</h4>'
        f'<div class="text">{render_text(pred_doc.text, pred_spans)}</div></div></div></section>'
    )


def _errors(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in read_text(path).splitlines() if line.strip()]


def extractors_with_outputs(results_dir: Path) -> list[str]:
    """Extractors that left both a prediction file and an error list."""
    return extractors_with(results_dir, "predictions", "errors")


CSS = """
body{font:14px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}.legend span{margin-right:.8em;padding:0 .3em}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}.col{min-width:0}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:.6em;border-radius:4px;background:#fff}
.s{border-radius:2px;cursor:help}.inq{text-decoration:underline wavy #b8a100}
""" + "".join(f".{c}{{background:{v}}}" for c, v in CATEGORY_COLOURS.items()) + "".join(
    f".o-{o}{{outline:{v};outline-offset:-1px}}" for o, v in OUTCOME_STYLES.items()
) + ".lit{box-shadow:0 0 0 3px #000}nav a{margin-right:1em}"

JS = """
document.addEventListener('click',function(ev){
  var q=ev.target.closest('[data-speaker]');
  document.querySelectorAll('.lit').forEach(function(e){e.classList.remove('lit')});
  if(!q)return;
  var col=q.closest('.col');
  col.querySelectorAll('.actors[data-id="'+q.dataset.speaker+'"]').forEach(function(e){e.classList.add('lit')});
});
"""


def _legend() -> str:
    cats = "".join(f'<span class="s {c}">{c}</span>' for c in CATEGORIES)
    outs = "".join(f'<span class="s o-{o}">{o}</span>' for o in OUTCOME_STYLES)
    return (
        f'<p class="legend">Category: {cats}</p><p class="legend">Outcome: {outs} '
        "(wrong = wrong type, speaker or role; outcomes from the scorer's error list). "
        "Hover a span for details; click a quote to light up its speaker's mentions.</p>"
    )


def build_report(results_dir: Path, gold: str | Path | None = None) -> str:
    """The report page for every extractor with outputs in ``results_dir``."""
    results_dir = Path(results_dir)
    gold_docs = sorted(load_gold(gold).documents, key=lambda d: d.doc_id)
    names = extractors_with_outputs(results_dir)
    sections = []
    for name in names:
        preds = {d.doc_id: d for d in read_documents(results_dir / RESULT_FILES.predictions(name))}
        verdicts = outcomes(_errors(results_dir / RESULT_FILES.errors(name)))
        articles = "".join(_article(name, g, preds.get(g.doc_id), verdicts) for g in gold_docs)
        sections.append(f'<h2 id="x-{html.escape(name)}">{html.escape(name)}</h2>{articles}')
    nav = "".join(f'<a href="#x-{html.escape(n)}">{html.escape(n)}</a>' for n in names)
    body = "".join(sections) or "<p>No extractor left predictions and an error list in this folder.</p>"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>newsbench error report</title>'
        f"<style>{CSS}</style></head><body><h1>newsbench error report</h1><nav>{nav}</nav>{_legend()}{body}"
        f"<script>{JS}</script></body></html>\n"
    )


def write_report(results_dir: Path, gold: str | Path | None = None) -> Path:
    """Write ``results_dir/report.html`` atomically; returns its path."""
    path = Path(results_dir) / RESULT_FILES.report
    write_text(path, build_report(results_dir, gold))
    return path

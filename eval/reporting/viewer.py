"""The error report: ``results/report.html``, one self-contained page (inline CSS and JS, no network).

At the top a summary (:mod:`eval.reporting.report_summary`): per extractor and category the F1 and
the counts. Then every article, its gold and each extractor side by side in columns over the same
text: predicted spans coloured by category and outlined by outcome, the gold spans an extractor
missed drawn in its column, and under the text its quotes (with wrong or missing speakers) and events
(with each argument marked). Outcomes come from the scorer's error lists, never recomputed here.

The page reads fully without JavaScript; the script only adds the errors-only toggle (also set by
opening ``report.html#errors``) and lights up a quote's speaker on click.
"""
from __future__ import annotations

import json
from collections import defaultdict
from html import escape
from pathlib import Path
from typing import Any

from eval.data.files import read_text, write_text
from eval.data.models import Document
from eval.data.parsing import read_documents
from eval.gold.load import load_gold
from eval.paths import RESULT_FILES, extractors_with
from eval.reporting.report_items import ARG_MARKS, event_rows, quote_rows
from eval.reporting.report_summary import summary
from eval.reporting.report_text import extractor_spans, item_spans, outcome_class, outcomes, render_text
from eval.scoring.figures import CATEGORIES

CATEGORY_COLOURS = {"actors": "#cfe3ff", "locations": "#d5f5d5", "quotes": "#fff1b8", "events": "#f7d6f0"}
OUTCOME_STYLES = {
    "hit": ("2px solid #2e7d32", "matched by the scorer"),
    "missed": ("2px dashed #c62828", "in the gold, not predicted (drawn from the gold)"),
    "spurious": ("2px dotted #ef6c00", "predicted, not in the gold"),
    "partial": ("3px double #6a1b9a", "matched with other boundaries"),
    "wrong": ("2px solid #5d4037", "matched with a wrong type, kind, speaker or role"),
    "args": ("3px solid #d81b60", "event matched, some of its arguments wrong (see its arguments)"),
}


def extractors_with_outputs(results_dir: Path) -> list[str]:
    """Extractors that left both a prediction file and an error list."""
    return extractors_with(results_dir, "predictions", "errors")


def _errors(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in read_text(path).splitlines() if line.strip()]


class Run:
    """One extractor's predictions and error records, read once."""

    def __init__(self, results_dir: Path, name: str) -> None:
        self.name = name
        self.preds = {d.doc_id: d for d in read_documents(results_dir / RESULT_FILES.predictions(name))}
        errors = _errors(results_dir / RESULT_FILES.errors(name))
        self.verdicts = outcomes(errors)
        self.records: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in errors:
            self.records[e["doc_id"]].append(e)


def _counts(spans: list[dict[str, Any]]) -> str:
    tally: dict[str, int] = defaultdict(int)
    for s in spans:
        tally[outcome_class(s["outcome"])] += 1
    return ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))


def _text_cell(title: str, text: str, spans: list[dict[str, Any]], side: str) -> str:
    return (f'<div class="cell" data-side="{escape(side, quote=True)}"><h3>{title}</h3>'
            f'<div class="text">{render_text(text, spans)}</div></div>')


def _items_cell(gold: Document, pred: Document, records: list[dict[str, Any]], side: str) -> str:
    quotes, events = quote_rows(gold, pred, records), event_rows(gold, pred, records)
    lists = "".join(
        f'<h4>{label}</h4><ul class="rows">{"".join(rows)}</ul>' if rows else f"<h4>{label}</h4><p>none</p>"
        for label, rows in (("Quotes", quotes), ("Events", events))
    )
    return f'<div class="cell items" data-side="{escape(side, quote=True)}">{lists}</div>'


def article_panel(gold: Document, runs: list[Run]) -> str:
    """One article: the gold and each extractor in columns over the same text, their quote and event lists below."""
    texts = [_text_cell("gold", gold.text, item_spans(gold, "gold", None), "gold")]
    items = ['<div class="cell items" data-side="gold"><p>Each column lists the gold quotes and events '
             "with that extractor's outcome.</p></div>"]
    for run in runs:
        pred = run.preds.get(gold.doc_id)
        empty = gold.model_copy(update={"actors": (), "locations": (), "quotes": (), "events": ()})
        spans = extractor_spans(gold, pred or empty, run.verdicts)
        note = "" if pred is not None else " (no prediction for this document)"
        title = f'{escape(run.name)}{note} <small>{escape(_counts(spans))}</small>'
        texts.append(_text_cell(title, gold.text, spans, run.name))
        items.append(_items_cell(gold, pred or empty, run.records.get(gold.doc_id, []), run.name))
    heading = escape(gold.doc_id) + (f" — {escape(gold.title)}" if gold.title else "")
    return (f'<section class="doc" id="doc-{escape(gold.doc_id, quote=True)}"><h2>{heading}</h2>'
            f'<div class="grid" style="--cols:{len(texts)}">{"".join(texts)}{"".join(items)}</div></section>')


def legend() -> str:
    """What the colours, outlines and marks mean, in words."""
    cats = "".join(f'<li><span class="s {c}">{c}</span></li>' for c in CATEGORIES)
    outs = "".join(f'<li><span class="s o-{o}">{o}</span> {escape(why)}</li>' for o, (_, why) in OUTCOME_STYLES.items())
    marks = "".join(f"<li>{m} {s.replace('_', ' ')}</li>" for s, m in ARG_MARKS.items())
    return (
        '<section class="legend" aria-labelledby="legend-h"><h2 id="legend-h">Legend</h2>'
        f'<div><h3>Category (background)</h3><ul>{cats}</ul></div>'
        f'<div><h3>Outcome (outline, from the scorer\'s error list)</h3><ul>{outs}</ul></div>'
        f'<div><h3>Event arguments</h3><ul>{marks}</ul><p>"unchecked": an error list from before arguments '
        "were named; the scorer's reason follows.</p></div>"
        "<p>Hover a span for its details; click a quote to light up its speaker's mentions.</p></section>"
    )


CSS = """
body{font:14px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.4em}
table.summary{border-collapse:collapse;margin:.5em 0 1.2em}caption{text-align:left;font-weight:600}
.summary th,.summary td{border:1px solid #ccc;padding:.15em .5em;text-align:right}.summary th[scope=row]{text-align:left}
td.best{font-weight:700;background:#e8f5e9}.not-run td{text-align:left;color:#555}.tag{font-size:.8em;color:#555;border:1px solid #bbb;border-radius:3px;padding:0 .25em}
.legend{display:grid;grid-template-columns:repeat(auto-fit,minmax(18em,1fr));gap:0 2em}.legend>h2,.legend>p{grid-column:1/-1}.legend ul{list-style:none;padding:0;margin:.2em 0}
.legend h3{font-size:1em;margin:.4em 0 .2em}
.grid{display:grid;grid-template-columns:repeat(var(--cols),minmax(24em,1fr));gap:.4em 1em;overflow-x:auto}
.cell{min-width:0}.cell h3{font-size:1em;margin:.2em 0}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:.6em;border-radius:4px;background:#fff}
.rows{padding-left:1em}.row{margin:.3em 0}.note{color:#444;font-size:.9em}.args{list-style:none;padding-left:1em;margin:0}
.a-hit{color:#2e7d32}.a-missed{color:#c62828}.a-spurious{color:#ef6c00}.a-wrong_role{color:#5d4037}
.s{border-radius:2px;cursor:help}.inq{text-decoration:underline wavy #b8a100}
.lit{box-shadow:0 0 0 3px #000}#toggle{position:sticky;top:0;background:#fffde7;padding:.4em;border:1px solid #ddd}
html[data-view=errors] .text .s.o-hit{background:none;outline:none}
html[data-view=errors] .a-hit{opacity:.45}
""" + "".join(f".{c}{{background:{v}}}" for c, v in CATEGORY_COLOURS.items()) + "".join(
    f".o-{o}{{outline:{style};outline-offset:-1px}}.row.o-{o}{{outline:none;border-left:{style};padding-left:.4em}}"
    for o, (style, _) in OUTCOME_STYLES.items()
)

# The state lives in the URL (#errors), so that a view can be linked and checked headless.
JS = """
(function(){
var box=document.getElementById('errors-only');
function apply(on){
  box.checked=on;
  document.documentElement.setAttribute('data-view',on?'errors':'all');
  document.querySelectorAll('.row.o-hit').forEach(function(e){e.hidden=on;});
}
document.getElementById('toggle').hidden=false;
box.addEventListener('change',function(){
  apply(box.checked);
  history.replaceState(null,'',box.checked?'#errors':location.pathname+location.search);
});
window.addEventListener('hashchange',function(){
  if(location.hash==='#errors'||location.hash==='#all'||location.hash==='')apply(location.hash==='#errors');
});
apply(location.hash==='#errors');
document.addEventListener('click',function(ev){
  var q=ev.target.closest('[data-speaker]');
  document.querySelectorAll('.lit').forEach(function(e){e.classList.remove('lit');});
  if(!q)return;
  q.closest('.cell').querySelectorAll('.actors[data-id="'+q.dataset.speaker+'"]').forEach(function(e){e.classList.add('lit');});
});
})();
"""

TOGGLE = ('<p id="toggle" hidden><label><input type="checkbox" id="errors-only"> Show errors only '
          '(hide hits; link to this view with <code>#errors</code>)</label></p>')


def build_report(results_dir: Path, gold: str | Path | None = None) -> str:
    """The report page for every extractor with outputs in ``results_dir``."""
    results_dir = Path(results_dir)
    gold_docs = sorted(load_gold(gold).documents, key=lambda d: d.doc_id)
    runs = [Run(results_dir, name) for name in extractors_with_outputs(results_dir)]
    if runs:
        body = "".join(article_panel(g, runs) for g in gold_docs)
    else:
        body = "<p>No extractor left predictions and an error list in this folder.</p>"
    nav = "".join(f'<li><a href="#doc-{escape(g.doc_id, quote=True)}">{escape(g.doc_id)}</a></li>' for g in gold_docs)
    return (
        '<!DOCTYPE html><html lang="en" data-view="all"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1"><title>newsbench error report</title>'
        f"<style>{CSS}</style></head><body><h1>newsbench error report</h1>{summary(results_dir)}{legend()}"
        f'<nav aria-label="articles"><h2>Articles</h2><ul>{nav}</ul></nav>{TOGGLE}<main>{body}</main>'
        f"<script>{JS}</script></body></html>\n"
    )


def write_report(results_dir: Path, gold: str | Path | None = None) -> Path:
    """Write ``results_dir/report.html`` atomically; returns its path."""
    path = Path(results_dir) / RESULT_FILES.report
    write_text(path, build_report(results_dir, gold))
    return path

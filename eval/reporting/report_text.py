"""The article text of the HTML report, with spans coloured by category and outlined by outcome.

Outcomes come from the scorer's error list (its alignment), never recomputed here: an item that the
error list names gets that outcome (missed, spurious, partial, wrong_type, ...); every other item was
matched, a hit. An event whose arguments the error list faults is drawn as ``arguments``, not as a hit.
"""
from __future__ import annotations

import html
from collections import defaultdict
from typing import Any, Iterable

from eval.data.models import Document
from eval.scoring.figures import CATEGORIES

HIT = "hit"
ARGUMENTS = "arguments"  # the event was matched, some of its arguments were not
# Entity mentions and triggers are drawn over quote spans, which usually contain them.
PRIORITY = {"quotes": 0, "actors": 1, "locations": 1, "events": 2}


def outcome_class(outcome: str) -> str:
    """The CSS class of an outcome: ``wrong_type``, ``wrong_speaker``, ``wrong_kind`` and ``wrong_role`` share one.

    >>> outcome_class("wrong_speaker"), outcome_class("missed"), outcome_class("arguments")
    ('wrong', 'missed', 'args')
    """
    if outcome == ARGUMENTS:
        return "args"
    return "wrong" if outcome.startswith("wrong") else outcome


def outcomes(errors: Iterable[dict[str, Any]]) -> dict[tuple, str]:
    """Outcome keys from the scorer's error records; side is gold or pred.

    Item-level errors (entity, event, quote) are keyed ``(doc_id, category, side, item id)``; mention-level
    errors ``(doc_id, category, side, start, end)``, since one entity can have hit and missed mentions.
    An argument error marks both events of its pair ``arguments``, unless an event-level error names them.
    """
    out: dict[tuple, str] = {}
    for e in errors:
        level = e.get("level")
        for side in ("gold", "pred"):
            item, span = e.get(f"{side}_id"), e.get(side)
            if level == "mention":
                if span is not None:
                    out.setdefault((e["doc_id"], e["category"], side, span["start"], span["end"]), e["outcome"])
            elif item is not None:
                key = (e["doc_id"], e["category"], side, item)
                if level == "argument":
                    out.setdefault(key, ARGUMENTS)
                elif out.get(key) in (None, ARGUMENTS):  # an event-level outcome says more than "arguments"
                    out[key] = e["outcome"]
    return out


def item_spans(doc: Document, side: str, verdicts: dict | None) -> list[dict[str, Any]]:
    """Every drawable span of ``doc`` with its category, outcome (None without verdicts), item id and label."""
    names = {a.id: a.name for a in doc.actors}
    spans = []
    for category in CATEGORIES:
        for item in getattr(doc, category):
            outcome = None if verdicts is None else verdicts.get((doc.doc_id, category, side, item.id), HIT)
            for span, label in _parts(category, item, names):
                mention = None if verdicts is None else verdicts.get((doc.doc_id, category, side, span.start, span.end))
                spans.append({
                    "start": span.start, "end": span.end, "category": category,
                    "outcome": mention if outcome == HIT and mention is not None else outcome, "id": item.id,
                    "speaker": getattr(item, "speaker", None) if category == "quotes" else None,
                    "label": f"{side} {label}" + (f" [{outcome}]" if outcome else ""),
                })
    return spans


def _parts(category: str, item: Any, names: dict[str, str]) -> list[tuple[Any, str]]:
    """The spans of one item, each with its label."""
    if category in ("actors", "locations"):
        return [(m, f"{item.type} {item.name}") for m in item.mentions]
    if category == "quotes":
        who = names.get(item.speaker or "", "unattributed")
        parts = [(item.content, f"quote ({item.kind}) by {who}")]
        return parts + [(s, f"speaker mention of {item.id}") for s in (item.speaker_mention,) if s is not None]
    return [(item.trigger, f"{item.type} event")]


def extractor_spans(gold: Document, pred: Document, verdicts: dict) -> list[dict[str, Any]]:
    """What an extractor's column draws: every predicted span, and the gold spans it missed."""
    # A gold speaker id names a gold actor, not one of this column's: missed quotes light up no speaker.
    missed = [{**s, "speaker": None} for s in item_spans(gold, "gold", verdicts) if s["outcome"] == "missed"]
    return item_spans(pred, "pred", verdicts) + missed


def _rank(span: dict[str, Any]) -> tuple:
    # Among spans of one category an error is drawn over a hit: the page is read for its errors.
    return PRIORITY[span["category"]], span["outcome"] not in (None, HIT), span["start"]


def render_text(text: str, spans: list[dict[str, Any]]) -> str:
    """``text`` as HTML with each segment wrapped in the span of highest rank that covers it; the text is escaped.

    >>> render_text("<b>", [{"start": 1, "end": 2, "category": "actors", "outcome": "hit", "id": "a1",
    ...                      "speaker": None, "label": "PER b"}])
    '&lt;<span class="s actors o-hit" data-outcome="hit" title="PER b" data-id="a1">b</span>&gt;'
    """
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    opens: dict[int, list[int]] = defaultdict(list)
    closes: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(spans):
        if s["start"] < s["end"]:  # an empty span covers no text
            opens[s["start"]].append(i)
            closes[s["end"]].append(i)
    # One sweep over the cuts, keeping the spans open at each: a long article stays linear in its spans.
    active: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active.difference_update(closes.get(a, ()))
        active.update(opens.get(a, ()))
        piece = html.escape(text[a:b])
        out.append(_segment(piece, [spans[i] for i in sorted(active)]) if active else piece)
    return "".join(out)


def _segment(piece: str, cover: list[dict[str, Any]]) -> str:
    top = max(cover, key=_rank)
    in_quote = any(s["category"] == "quotes" for s in cover) and top["category"] != "quotes"
    title = html.escape(" | ".join(s["label"] for s in cover), quote=True)
    cls = f's {top["category"]}'
    if top["outcome"] is not None:
        outcome = outcome_class(top["outcome"])
        cls += f" o-{outcome}"
    cls += " inq" if in_quote else ""
    attrs = f'class="{cls}"' + (f' data-outcome="{outcome}"' if top["outcome"] is not None else "")
    attrs += f' title="{title}" data-id="{html.escape(top["id"], quote=True)}"'
    if top["speaker"]:
        attrs += f' data-speaker="{html.escape(top["speaker"], quote=True)}"'
    return f"<span {attrs}>{piece}</span>"

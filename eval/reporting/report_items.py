"""The quote and event lists of the HTML report: per item its outcome, per quote its speaker, per event its arguments.

Everything comes from the scorer's error records (``results/<extractor>.errors.jsonl``): a gold item
that no record names was matched (a hit); a record names the predicted item it was paired with. An
argument record carries the argument itself (``gold_arg`` / ``pred_arg``: role and entity id); the
gold arguments of a paired event that no record faults are hits. Error lists written before those
fields existed still show, with the scorer's reason in place of the per-argument marks.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Any

from eval.data.models import Document, Event, Quote
from eval.reporting.report_text import ARGUMENTS, HIT, outcome_class

Record = dict[str, Any]
ARG_MARKS = {"hit": "✓", "missed": "✗", "spurious": "+", "wrong_role": "≠", "unchecked": "?"}


def names(doc: Document) -> dict[str, str]:
    """Actor and location names by id."""
    return {e.id: e.name for e in (*doc.actors, *doc.locations)}


def _gold_items(gold: Document, pred: Document, records: list[Record], category: str) -> tuple[list, dict[str, Any]]:
    """Each gold item of ``category`` with the error records that name it; the predicted items by id."""
    by_gold: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        if r["category"] == category and r.get("gold_id") is not None:
            by_gold[r["gold_id"]].append(r)
    return [(item, by_gold.get(item.id, [])) for item in getattr(gold, category)], {i.id: i for i in getattr(pred, category)}


def _spurious(records: list[Record], category: str, level: str, preds: dict[str, Any]) -> list[Any]:
    """The predicted items that the error records call spurious, in the records' order."""
    return [preds[r["pred_id"]] for r in records if (r["category"], r["level"], r["outcome"]) == (category, level, "spurious")
            and r.get("pred_id") in preds]


def _row(outcome: str, body: str, notes: list[str], args: str = "") -> str:
    cls = outcome_class(outcome)
    note = "".join(f'<div class="note">{escape(n)}</div>' for n in notes)
    return (f'<li class="row o-{cls}" data-outcome="{cls}"><span class="tag">{escape(outcome.replace("_", " "))}</span> '
            f"{body}{note}{args}</li>")


def _short(text: str, limit: int = 90) -> str:
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def _speaker(quote: Quote | None, who: dict[str, str]) -> str:
    if quote is None or quote.speaker is None:
        return "no speaker"
    return who.get(quote.speaker, quote.speaker)


def quote_rows(gold: Document, pred: Document, records: list[Record]) -> list[str]:
    """One row per gold quote and per spurious predicted quote; a wrong or missing speaker is spelt out."""
    g_names, p_names = names(gold), names(pred)
    named, preds = _gold_items(gold, pred, records, "quotes")
    rows = []
    for q, found in named:
        notes = [_quote_note(r, q, preds.get(r.get("pred_id") or ""), g_names, p_names) for r in found]
        body = f'“{_short(q.content.text)}” — <span class="who">{escape(_speaker(q, g_names))}</span>'
        rows.append(_row(found[0]["outcome"] if found else HIT, body, notes))
    for p in _spurious(records, "quotes", "quote", preds):
        body = f'“{_short(p.content.text)}” — <span class="who">{escape(_speaker(p, p_names))}</span>'
        rows.append(_row("spurious", body, ["no gold quote here"]))
    return rows


def _quote_note(r: Record, gold: Quote, pred: Quote | None, g_names: dict[str, str], p_names: dict[str, str]) -> str:
    outcome = r["outcome"]
    if outcome == "wrong_speaker":
        said = "missing speaker" if pred is None or pred.speaker is None else f"wrong speaker: {_speaker(pred, p_names)}"
        return f"{said} (gold: {_speaker(gold, g_names)})"
    if outcome == "partial" and pred is not None:
        return f"predicted content: “{pred.content.text}”"
    if outcome == "missed":
        return "not predicted"
    return r["reason"]


def event_rows(gold: Document, pred: Document, records: list[Record]) -> list[str]:
    """One row per gold event and per spurious predicted event, each with its arguments marked."""
    g_names, p_names = names(gold), names(pred)
    named, preds = _gold_items(gold, pred, records, "events")
    rows = []
    for e, found in named:
        events = [r for r in found if r["level"] == "event"]
        faults = [r for r in found if r["level"] == "argument"]
        outcome = events[0]["outcome"] if events else ARGUMENTS if faults else HIT
        paired = next((preds[r["pred_id"]] for r in found if r.get("pred_id") in preds), None)
        notes = [_event_note(r, paired) for r in events]
        args = _gold_arguments(e, outcome, faults, g_names, p_names)
        rows.append(_row(outcome, _event_body(e), notes, args))
    for p in _spurious(records, "events", "event", preds):
        args = _arg_list([("spurious", a.role, p_names.get(a.ref, a.ref)) for a in p.arguments])
        rows.append(_row("spurious", _event_body(p), ["no gold event here"], args))
    return rows


def _event_body(e: Event) -> str:
    return f'<b>{escape(e.type)}</b> “{_short(e.trigger.text, 40)}”'


def _event_note(r: Record, pred: Event | None) -> str:
    if r["outcome"] == "wrong_type" and pred is not None:
        return f"predicted type {pred.type}"
    if r["outcome"] == "partial" and pred is not None:
        return f"predicted trigger “{pred.trigger.text}”"
    if r["outcome"] == "missed":
        return "not predicted"
    return r["reason"]


def _gold_arguments(e: Event, outcome: str, faults: list[Record], g_names: dict[str, str], p_names: dict[str, str]) -> str:
    """The gold arguments marked by the argument records of the event's pair, then the spurious predicted ones."""
    if outcome == "missed":
        return _arg_list([("missed", a.role, g_names.get(a.ref, a.ref)) for a in e.arguments])
    if any(r.get("gold_arg") is None and r.get("pred_arg") is None for r in faults):
        # An error list without the argument fields: the scorer's reasons say which argument is wrong.
        marks = [("unchecked", a.role, g_names.get(a.ref, a.ref)) for a in e.arguments]
        return _arg_list(marks) + "".join(f'<div class="note">{escape(r["reason"])}</div>' for r in faults)
    missed = Counter((r["gold_arg"]["role"], r["gold_arg"]["ref"]) for r in faults if r["outcome"] == "missed")
    wrong = defaultdict(list)
    for r in faults:
        if r["outcome"] == "wrong_role":
            wrong[(r["gold_arg"]["role"], r["gold_arg"]["ref"])].append(r["pred_arg"]["role"])
    marks = []
    for a in e.arguments:
        name = g_names.get(a.ref, a.ref)
        if missed[(a.role, a.ref)]:
            missed[(a.role, a.ref)] -= 1
            marks.append(("missed", a.role, name))
        elif wrong[(a.role, a.ref)]:
            marks.append(("wrong_role", a.role, f"{name} (predicted as {wrong[(a.role, a.ref)].pop()})"))
        else:
            marks.append((HIT, a.role, name))
    spurious = [r["pred_arg"] for r in faults if r["outcome"] == "spurious"]
    marks += [("spurious", a["role"], p_names.get(a["ref"], a["ref"])) for a in spurious]
    return _arg_list(marks)


def _arg_list(marks: list[tuple[str, str, str]]) -> str:
    if not marks:
        return ""
    items = "".join(
        f'<li class="arg a-{status}" data-arg="{status}"><span class="mark" aria-hidden="true">{ARG_MARKS[status]}</span> '
        f'{escape(role)}: {escape(name)} <span class="tag">{escape(status.replace("_", " "))}</span></li>'
        for status, role, name in marks
    )
    return f'<ul class="args" aria-label="arguments">{items}</ul>'

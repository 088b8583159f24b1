"""Label Studio: tasks JSON (annotations, or predictions for pre-annotation) and the labelling configuration.

One task per article: ``data`` holds the text, ``doc_id`` and the document fields (title, date,
source, url, language, schema_version, text_sha256), the task's ``meta`` the document's ``meta``.
Each region (see :mod:`eval.formats.flat`) is a ``labels`` result of the control named after its
layer (``actor``, ``location``, ``quote``, ``event``, ``span``); an item's other fields are
per-region results of the same region id (``id`` and ``name`` text areas, choices for the mention
kind, quote kind, polarity, modality and event subtype); links are ``relation`` results whose labels
are the relation names. ``confidence`` travels as the region's ``score``.

On import the first annotation that was not cancelled is read; a task without annotations gives its
first prediction (accepted as it is), a task whose every annotation was cancelled is an error. The
``doc_id`` is ``data.doc_id``, or ``task_<id>`` (the task's id, else its position from 1) without it.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, get_args
from xml.sax.saxutils import quoteattr

from eval.data.files import read_text, write_json, write_text
from eval.data.models import Document, EventSubtype, MentionKind, Modality, Polarity, QuoteKind
from eval.exceptions import InvalidInputError, Problem
from eval.formats.common import DOCUMENT_FIELDS, collect, write_gold_folder
from eval.formats.flat import (
    ENTITY_LAYERS,
    EVENT_RELATIONS,
    EVENT_TYPES,
    QUOTE_LABEL,
    QUOTE_RELATIONS,
    SPAN_LABELS,
    Flat,
    Region,
    Relation,
    from_flat,
    to_flat,
)

TASKS_FILE = "tasks.json"
CONFIG_FILE = "config.xml"
TEXT_CONTROLS = ("id", "name", "subtype", "wikidata_id", "country", "geonames_id", "date")
CHOICES = {
    "mention_kind": get_args(MentionKind),
    "quote_kind": get_args(QuoteKind),
    "polarity": get_args(Polarity),
    "modality": get_args(Modality),
    "event_subtype": get_args(EventSubtype),
}
_LABELS = {**ENTITY_LAYERS, "quote": (QUOTE_LABEL,), "event": EVENT_TYPES, "span": tuple(SPAN_LABELS)}


def _choice_control(layer: str, key: str) -> str | None:
    """The choices control that holds ``key`` of a region of ``layer``, if it is a choice."""
    if key == "kind":
        return "quote_kind" if layer == "quote" else "mention_kind"
    if key == "subtype" and layer == "event":
        return "event_subtype"
    return key if key in CHOICES else None


def labelling_config() -> str:
    """The Label Studio labelling configuration (XML), generated from the data model."""
    def labels(name: str, values: Iterable[str]) -> str:
        inner = "".join(f"<Label value={quoteattr(v)}/>" for v in values)
        return f'  <Labels name="{name}" toName="text">{inner}</Labels>\n'

    def per_region(tag: str, name: str, inner: str = "") -> str:
        extra = ' choice="single"' if tag == "Choices" else ' maxSubmissions="1" editable="true"'
        return f'    <{tag} name="{name}" toName="text" perRegion="true"{extra}>{inner}</{tag}>\n'

    relations = "".join(f"<Relation value={quoteattr(v)}/>" for v in (*QUOTE_RELATIONS, *EVENT_RELATIONS))
    body = "".join(labels(layer, values) for layer, values in _LABELS.items())
    body += '  <Text name="text" value="$text"/>\n'
    body += f"  <Relations>{relations}</Relations>\n"
    body += '  <View visibleWhen="region-selected">\n'
    body += "".join(per_region("TextArea", name) for name in TEXT_CONTROLS)
    for name, values in CHOICES.items():
        body += per_region("Choices", name, "".join(f"<Choice value={quoteattr(v)}/>" for v in values))
    return f"<View>\n{body}  </View>\n</View>\n"


def _results(flat: Flat) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for r in flat.regions:
        where = {"start": r.start, "end": r.end}
        item = {"id": r.rid, "from_name": r.layer, "to_name": "text", "type": "labels",
                "value": {**where, "text": r.text, "labels": [r.label]}}
        if r.attrs.get("confidence") is not None:
            item["score"] = r.attrs["confidence"]
        results.append(item)
        for key, value in r.attrs.items():
            if key == "confidence":
                continue
            choice = _choice_control(r.layer, key)
            kind, value_key, control = ("choices", "choices", choice) if choice else ("textarea", "text", key)
            results.append({"id": r.rid, "from_name": control, "to_name": "text", "type": kind,
                            "value": {**where, value_key: [str(value)]}})
    pairs: dict[tuple[str, str], list[str]] = {}
    for rel in flat.relations:
        pairs.setdefault((rel.source, rel.target), []).append(rel.label)
    results += [{"type": "relation", "from_id": s, "to_id": t, "direction": "right", "labels": labels}
                for (s, t), labels in pairs.items()]
    return results


def to_task(doc: Document, index: int, prediction: str | None = None) -> dict[str, Any]:
    """One Label Studio task; with ``prediction`` (a model name) the regions are predictions, not annotations."""
    flat = to_flat(doc)
    task: dict[str, Any] = {"id": index, "data": {"text": doc.text, "doc_id": doc.doc_id, **flat.info}}
    if doc.meta is not None:
        task["meta"] = doc.meta
    if prediction is None:
        task["annotations"] = [{"result": _results(flat)}]
    else:
        task["predictions"] = [{"model_version": prediction, "result": _results(flat)}]
    return task


def export_labelstudio(docs: list[Document], out: Path, prediction: str | None = None) -> list[Path]:
    """Write ``out/tasks.json`` and ``out/config.xml``."""
    write_json(out / TASKS_FILE, [to_task(d, i, prediction) for i, d in enumerate(docs, start=1)])
    write_text(out / CONFIG_FILE, labelling_config())
    return [out / TASKS_FILE, out / CONFIG_FILE]


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(Problem("", where, f"expected an integer offset, got {value!r}"))
    return value


def _attr(layer: str, control: str, value: dict[str, Any]) -> tuple[str, Any]:
    """The field a per-region result sets, and its value."""
    if control in CHOICES:
        key = "kind" if control in ("mention_kind", "quote_kind") else "subtype" if control == "event_subtype" else control
        picked = value.get("choices") or [None]
        return key, picked[0]
    text = value.get("text") or [None]
    raw = text[0] if isinstance(text, list) else text
    if control == "geonames_id" and isinstance(raw, str) and raw.isdigit():
        return control, int(raw)
    return control, raw


def _list(value: Any, where: str, what: str) -> list[Any]:
    """``value`` when it is a list (None: empty), else an error naming the place."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInputError(Problem("", where, f"expected a list of {what}, got {type(value).__name__}"))
    return value


def _from_results(results: list[Any], base: str) -> tuple[list[Region], list[Relation]]:
    """Regions and relations of a result list; ``base`` is its JSON path for error messages."""
    regions: dict[str, Region] = {}
    extras: list[tuple[str, str, dict[str, Any]]] = []
    relations: list[Relation] = []
    for i, item in enumerate(results):
        where = f"{base}[{i}]"
        if not isinstance(item, dict):
            raise InvalidInputError(Problem("", where, "expected a result object"))
        if item.get("type") == "relation":
            labels = _list(item.get("labels"), f"{where}.labels", "relation names") or ["(no label)"]
            relations += [Relation(str(item.get("from_id")), str(item.get("to_id")), str(label), where) for label in labels]
            continue
        value = item.get("value")
        if not isinstance(value, dict):
            raise InvalidInputError(Problem("", f"{where}.value", "expected an object with start, end"))
        rid = str(item.get("id"))
        if item.get("type") == "labels":
            labels = _list(value.get("labels"), f"{where}.value.labels", "labels") or ["(none)"]
            region = Region(rid, str(item.get("from_name")), labels[0], _int(value.get("start"), f"{where}.value.start"),
                            _int(value.get("end"), f"{where}.value.end"), str(value.get("text", "")), where=where)
            if item.get("score") is not None:
                region.attrs["confidence"] = item["score"]
            regions[rid] = region
        else:
            extras.append((rid, where, item))
    for rid, where, item in extras:
        if rid not in regions:
            raise InvalidInputError(Problem("", where, f"per-region result for {rid!r}, which is no labelled region"))
        key, value = _attr(regions[rid].layer, str(item.get("from_name")), item["value"])
        regions[rid].attrs[key] = value
    return list(regions.values()), relations


def _task_flat(task: Any, index: int) -> Flat:
    where = f"[{index}]"
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise InvalidInputError(Problem("", where, "expected a task object with data"))
    data = task["data"]
    if not isinstance(data.get("text"), str):
        raise InvalidInputError(Problem("", f"{where}.data.text", "missing: the task has no article text"))
    annotations = _list(task.get("annotations"), f"{where}.annotations", "annotations")
    predictions = _list(task.get("predictions"), f"{where}.predictions", "predictions")
    done = [(f"annotations[{i}]", a) for i, a in enumerate(annotations) if not (isinstance(a, dict) and a.get("was_cancelled"))]
    if annotations and not done:
        raise InvalidInputError(Problem("", f"{where}.annotations", "every annotation of this task was cancelled "
                                        "(skipped in Label Studio): annotate the task or leave it out of the export"))
    kind, chosen = (done or [("predictions[0]", p) for p in predictions[:1]] or [("annotations", {})])[0]
    if not isinstance(chosen, dict):
        raise InvalidInputError(Problem("", f"{where}.{kind}", "expected an object with a result list"))
    base = f"{where}.{kind}.result"
    results = _list(chosen.get("result"), base, "results")
    regions, relations = _from_results(results, base)
    doc_id = str(data.get("doc_id") or f"task_{task.get('id') or index + 1}")
    info = {k: data[k] for k in DOCUMENT_FIELDS if data.get(k) is not None}
    return Flat(doc_id, data["text"], regions, relations, info, task.get("meta"))


def _tasks(path: Path) -> list[Any]:
    try:
        tasks = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InvalidInputError(Problem(str(path), "", f"invalid JSON: {exc.msg}: line {exc.lineno} column {exc.colno}")) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InvalidInputError(Problem(str(path), "", "expected a list of Label Studio tasks"))
    return tasks


def _relabel(exc: InvalidInputError, file: str) -> InvalidInputError:
    return InvalidInputError([Problem(p.file or file, p.path, p.reason) for p in exc.problems])


def _read_task(path: Path, i: int, task: Any) -> Document:
    try:
        flat = _task_flat(task, i)
    except InvalidInputError as exc:
        raise _relabel(exc, str(path)) from None
    return from_flat(flat, str(path), f"{path}: [{i}] {flat.doc_id}")


def import_labelstudio(paths: list[Path], out: Path) -> list[Path]:
    """Read Label Studio task files and write ``out/<doc_id>.json`` for every task."""
    results = [collect(f"{path}: [{i}]", functools.partial(_read_task, path, i, task))
               for path in paths for i, task in enumerate(_tasks(path))]
    return write_gold_folder(results, out)

"""Documents as table rows and back: the ``documents`` config (one row per article) and the flat per-category configs, with their ``datasets`` features.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

from eval.data.models import Document
from eval.exceptions import InvalidInputError, Problem
from eval.paths import DEV_SPLITS

SPLIT = "test"


ITEM_CONFIGS = ("actors", "locations", "quotes", "events")


CONFIGS = ("documents", *ITEM_CONFIGS)


# The invented development halves travel as configs of their own (one row per article, like
# ``documents``), each with one split of its own name, so that nobody loads them as test data.
DEV_CONFIGS = DEV_SPLITS


def config_split(config: str) -> str:
    """The one split of a config: ``test`` for the gold, the half's own name for a development config.

    >>> config_split("actors"), config_split("devtest")
    ('test', 'devtest')
    """
    return config if config in DEV_CONFIGS else SPLIT


SPAN_FIELDS = {"quotes": ("content", "cue", "speaker_mention"), "events": ("trigger", "time")}


def dataset_features() -> dict[str, Any]:
    """The ``datasets`` features of every config, written once from the pydantic models' fields."""
    from datasets import Features, Value

    s, i, f = Value("string"), Value("int64"), Value("float64")
    span = {"start": i, "end": i, "text": s}
    mention = span | {"kind": s}
    actor = {"id": s, "name": s, "type": s, "mentions": [mention], "subtype": s, "wikidata_id": s, "confidence": f}
    location = {
        "id": s, "name": s, "type": s, "mentions": [mention], "subtype": s, "country": s,
        "geonames_id": i, "wikidata_id": s, "confidence": f,
    }
    quote = {"id": s, "content": span, "speaker": s, "kind": s, "cue": span, "speaker_mention": span, "confidence": f}
    event = {
        "id": s, "type": s, "subtype": s, "trigger": span, "arguments": [{"role": s, "ref": s}], "polarity": s,
        "modality": s, "time": span, "date": s, "confidence": f,
    }
    items = {"actors": actor, "locations": location, "quotes": quote, "events": event}
    document = {
        "schema_version": s, "doc_id": s, "text": s, **{k: [v] for k, v in items.items()},
        "title": s, "date": s, "source": s, "url": s, "language": s, "text_sha256": s,
        "meta": s,  # free-form dict: stored as JSON text because Parquet structs need fixed keys
    }
    out = {"documents": Features(document)}
    for cat, item in items.items():
        flat: dict[str, Any] = {"doc_id": s}
        for key, value in item.items():
            if key in SPAN_FIELDS.get(cat, ()):
                flat |= {f"{key}_{part}": value[part] for part in ("start", "end", "text")}
            else:
                flat[key] = value
        out[cat] = Features(flat)
    return out


def document_row(doc: Document) -> dict[str, Any]:
    row = doc.model_dump(mode="json")
    row["meta"] = json.dumps(row["meta"], ensure_ascii=False, sort_keys=True) if row.get("meta") is not None else None
    return row


def item_rows(doc: Document, category: str) -> Iterable[dict[str, Any]]:
    """The flat rows of one category of ``doc``: ``doc_id`` first, span fields split into columns."""
    for item in getattr(doc, category):
        row: dict[str, Any] = {"doc_id": doc.doc_id}
        for key, value in item.model_dump(mode="json").items():
            if key in SPAN_FIELDS.get(category, ()):
                for part in ("start", "end", "text"):
                    row[f"{key}_{part}"] = None if value is None else value[part]
            else:
                row[key] = value
        yield row


def _unflatten(row: dict[str, Any], category: str) -> dict[str, Any]:
    item = {k: v for k, v in row.items() if k != "doc_id"}
    for key in SPAN_FIELDS.get(category, ()):
        parts = {part: item.pop(f"{key}_{part}") for part in ("start", "end", "text")}
        item[key] = None if parts["start"] is None else parts
    return item


def _drop_none(value: Any) -> Any:
    """Absent optional fields come back from Parquet as None; the models' defaults are None too."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def row_document(row: dict[str, Any], source: str, index: int) -> Document:
    """A ``documents`` row back to a validated Document.

    Raises:
        InvalidInputError: the row is not a valid gold document (named by source and row).
    """
    data = dict(row)
    try:
        data["meta"] = json.loads(data["meta"]) if data.get("meta") is not None else None
        return Document.model_validate(_drop_none(data))
    except (ValueError, TypeError) as exc:
        raise InvalidInputError(Problem(source, f"documents[{index}]", f"not a valid gold document: {exc}")) from None


def documents_from_items(
    texts: dict[str, dict[str, Any]], items: dict[str, Iterable[dict[str, Any]]]
) -> list[Document]:
    """Rebuild documents from the flat configs (used by the round-trip test and by users of the flat files)."""
    docs = {doc_id: dict(fields) | {c: [] for c in ITEM_CONFIGS} for doc_id, fields in texts.items()}
    for category, rows in items.items():
        for row in rows:
            docs[row["doc_id"]][category].append(_drop_none(_unflatten(row, category)))
    return [Document.model_validate(d) for d in docs.values()]

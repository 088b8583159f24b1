"""The JSON Schema of a Document, generated from the models, and the schema pass that names every problem by JSON path.

``schema/document.schema.json`` is this module's :func:`render_json_schema`; ``newsbench schema``
writes it and a test fails when the committed file drifts from the models.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable

import jsonschema

from eval.data.models import SCHEMA_VERSION, Document
from eval.exceptions import Problem


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a Document, as committed in ``schema/document.schema.json``."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/newsbench/newsbench/schema/document.schema.json"
    return schema


def render_json_schema() -> str:
    """The committed schema file's exact content."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def json_path(loc: Iterable[Any]) -> str:
    """Format a location tuple as a JSON path.

    >>> json_path(("quotes", 3, "content", "end"))
    'quotes[3].content.end'
    """
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@lru_cache(maxsize=1)
def _schema_validator() -> jsonschema.protocols.Validator:
    schema = json_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + " ..."


def _schema_message(error: jsonschema.ValidationError) -> str:
    # jsonschema quotes the whole offending value, which can be a whole document: shorten it.
    if error.validator == "type":
        return f"{_short(error.instance)} is not of type {error.validator_value!r}"
    if error.validator == "pattern" and list(error.absolute_path) == ["schema_version"]:
        return f"{_short(error.instance)} is another major version than {SCHEMA_VERSION}, which this newsbench reads"
    if error.validator == "enum":
        return f"{_short(error.instance)} is not one of {error.validator_value!r}"
    return error.message if len(error.message) <= 300 else error.message[:295] + " ..."


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    """The same schema compiled by jsonschema-rs (Rust): it only says valid or not, about 80 times faster."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(json_schema())


def schema_problems(data: Any, file: str) -> list[Problem]:
    """Every JSON Schema violation of ``data``, in document order.

    jsonschema-rs decides; only for an invalid document does the Python jsonschema run, for its
    messages (the same wording whichever tool found the problem).
    """
    try:
        if _fast_validator().is_valid(data):
            return []
    except (ValueError, OverflowError, RecursionError):  # a value Rust cannot hold (an integer past 64 bits)
        pass
    errors = sorted(_schema_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [Problem(file, json_path(e.absolute_path), _schema_message(e)) for e in errors]

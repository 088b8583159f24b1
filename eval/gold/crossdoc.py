"""The cross-document layer of the gold: clusters of the same actor, location or event across articles,
and the facts on which the articles disagree, each claim tied to the spans that state it.

The file is ``gold/cross_document.json``; its format is documented in ``gold/GUIDELINES.md`` (section 4).
:func:`load_cross_document` checks the model (frozen, unknown fields rejected) and then every
reference against the gold documents, reporting every problem with file, JSON path and reason.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eval.data.checks import check_span
from eval.data.files import JsonValueError, loads_json, read_text
from eval.data.json_schema import json_path
from eval.data.models import Document, Span
from eval.exceptions import InvalidInputError, Problem

ClusterKind = Literal["actor", "location", "event"]
_LISTS: dict[str, str] = {"actor": "actors", "location": "locations", "event": "events"}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ItemRef(_Model):
    """One annotated item: the id of an actor, location or event in one gold document."""

    doc_id: str = Field(min_length=1)
    id: str = Field(min_length=1)


class Cluster(_Model):
    """Items that denote the same entity or the same real-world event."""

    id: str = Field(min_length=1)
    kind: ClusterKind
    name: str = Field(min_length=1, description="What the cluster denotes, e.g. 'Jens Stoltenberg'.")
    members: tuple[ItemRef, ...] = Field(min_length=2)


class DocSpan(Span):
    """A span of one gold document's text."""

    doc_id: str = Field(min_length=1)


class Claim(_Model):
    """One value of a disputed fact and the spans that state it."""

    value: str = Field(min_length=1)
    spans: tuple[DocSpan, ...] = Field(min_length=1)


class Disagreement(_Model):
    """A fact on which the articles give different values."""

    id: str = Field(min_length=1)
    fact: str = Field(min_length=1)
    claims: tuple[Claim, ...] = Field(min_length=2)
    note: str | None = None


class CrossDocument(_Model):
    """The whole cross-document file."""

    schema_version: str = "1.0"
    clusters: tuple[Cluster, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


def check_cross_document(cross: CrossDocument, docs: Mapping[str, Document], file: str) -> list[Problem]:
    """Every reference of ``cross`` that does not resolve in ``docs``, as located problems.

    Checks: unique cluster and disagreement ids; known ``doc_id``s; item ids that exist in their
    document under the cluster's kind; an item in at most one cluster; spans equal to the text.

    >>> check_cross_document(CrossDocument(), {}, "x.json")
    []
    """
    problems: list[Problem] = []
    valid_docs = ", ".join(sorted(docs)) or "none"
    problems += _duplicate_ids([c.id for c in cross.clusters], "clusters", file)
    problems += _duplicate_ids([d.id for d in cross.disagreements], "disagreements", file)
    owner: dict[tuple[str, str], str] = {}
    for i, cluster in enumerate(cross.clusters):
        for j, ref in enumerate(cluster.members):
            path = f"clusters[{i}].members[{j}]"
            doc = docs.get(ref.doc_id)
            if doc is None:
                problems.append(_unknown_doc(file, path, ref.doc_id, valid_docs))
                continue
            ids = {item.id for item in getattr(doc, _LISTS[cluster.kind])}
            if ref.id not in ids:
                problems.append(
                    Problem(file, f"{path}.id", f"{ref.id!r} is not the id of {_article(cluster.kind)} {cluster.kind} of {ref.doc_id!r}")
                )
                continue
            key = (ref.doc_id, ref.id)
            if key in owner:
                problems.append(Problem(file, path, f"{ref.doc_id}/{ref.id} is already in cluster {owner[key]!r}"))
            owner[key] = cluster.id
    for i, dis in enumerate(cross.disagreements):
        for j, claim in enumerate(dis.claims):
            for k, span in enumerate(claim.spans):
                path = f"disagreements[{i}].claims[{j}].spans[{k}]"
                doc = docs.get(span.doc_id)
                if doc is None:
                    problems.append(_unknown_doc(file, path, span.doc_id, valid_docs))
                    continue
                reason = check_span(doc.text, span)
                if reason:
                    problems.append(Problem(file, path, f"{reason} in {span.doc_id!r}"))
    return problems


def _unknown_doc(file: str, path: str, doc_id: str, valid_docs: str) -> Problem:
    return Problem(file, f"{path}.doc_id", f"unknown doc_id {doc_id!r}; gold documents: {valid_docs}")


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _duplicate_ids(ids: list[str], field: str, file: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(Problem(file, f"{field}[{i}].id", f"duplicate id {item_id!r} (first used at {field}[{seen[item_id]}])"))
        else:
            seen[item_id] = i
    return problems


def parse_cross_document(data: object, file: str) -> CrossDocument:
    """Build the model from parsed JSON.

    Raises:
        InvalidInputError: every field that breaks the model, with its JSON path.
    """
    try:
        return CrossDocument.model_validate(data)
    except ValidationError as exc:
        raise InvalidInputError(
            [Problem(file, json_path(e["loc"]), e["msg"]) for e in exc.errors(include_url=False)]
        ) from None


def load_cross_document(path: Path, docs: Mapping[str, Document] | None = None) -> CrossDocument:
    """Read and check a cross-document file.

    Args:
        path: the file, usually ``gold/cross_document.json``.
        docs: the gold documents by ``doc_id``; default: the gold folder the file lies in.

    Raises:
        InvalidInputError: the file is unreadable, not JSON, breaks the model, or refers to a
            document, item or span that does not exist; every problem is listed.
    """
    path = Path(path)
    text = read_text(path)
    try:
        data = loads_json(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            Problem(str(path), "", f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        ) from None
    except JsonValueError as exc:
        raise InvalidInputError(Problem(str(path), "", f"invalid JSON: {exc}")) from None
    cross = parse_cross_document(data, str(path))
    if docs is None:
        from eval.gold.load import load_gold

        docs = load_gold(path.parent).by_id()
    problems = check_cross_document(cross, docs, str(path))
    if problems:
        raise InvalidInputError(problems)
    return cross

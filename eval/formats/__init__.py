"""Round trips with annotation tools: export documents to Label Studio, INCEpTION (UIMA CAS XMI), brat
and spaCy DocBin, and import annotations back as a gold folder of ``<doc_id>.json`` files.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eval.data.models import Document
from eval.exceptions import InvalidInputError, Problem
from eval.formats.common import file_name_problem, refuse_overlap

EXPORT_FORMATS = ("labelstudio", "brat", "inception", "docbin")
IMPORT_FORMATS = ("labelstudio", "brat", "inception")


def _check(fmt: str, valid: tuple[str, ...], option: str = "--format") -> None:
    if fmt not in valid:
        raise InvalidInputError(Problem(option, "", f"unknown format {fmt!r}; valid: {', '.join(valid)}"))


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote, and what it could not carry (each a warning naming the document and place)."""

    files: list[Path]
    n_docs: int
    warnings: list[Problem] = field(default_factory=list)


def _unique_ids(docs: list[Document]) -> None:
    """Two documents with one doc_id would share (and overwrite) one file or task; a doc_id names a file."""
    unsafe = [Problem("export", "doc_id", reason) for d in docs if (reason := file_name_problem(d.doc_id))]
    if unsafe:
        raise InvalidInputError(unsafe)
    seen: set[str] = set()
    dupes = [d.doc_id for d in docs if d.doc_id in seen or seen.add(d.doc_id)]
    if dupes:
        raise InvalidInputError(Problem("export", "doc_id", f"{dupes[0]!r} names two of the documents to export; "
                                        "export gold and predictions of one article separately"))


def export_documents(fmt: str, docs: list[Document], out: Path, prediction: str | None = None) -> ExportReport:
    """Write ``docs`` in format ``fmt`` under ``out`` (a ``.spacy`` file for docbin).

    ``prediction`` (an extractor name) makes Label Studio regions predictions instead of annotations.
    Warnings: entities without mentions (Label Studio, brat), mentions off token boundaries (docbin).
    """
    _check(fmt, EXPORT_FORMATS)
    _unique_ids(docs)
    if fmt == "docbin":
        from eval.formats.docbin import export_docbin

        report = export_docbin(docs, out)
        return ExportReport([report.path], report.n_docs, report.skipped)
    if fmt == "inception":
        from eval.formats.uima import export_inception

        return ExportReport(export_inception(docs, out), len(docs))
    from eval.formats.flat import unplaced

    warnings = [p for d in docs for p in unplaced(d)]
    if fmt == "labelstudio":
        from eval.formats.labelstudio import export_labelstudio

        return ExportReport(export_labelstudio(docs, out, prediction), len(docs), warnings)
    from eval.formats.brat import export_brat

    return ExportReport(export_brat(docs, out), len(docs), warnings)


def import_documents(fmt: str, inputs: Iterable[Path], out: Path) -> list[Path]:
    """Read annotations in format ``fmt`` and write one checked ``out/<doc_id>.json`` per article.

    Raises:
        InvalidInputError: every problem of every input as ``file: place: reason``; nothing is written then.
    """
    _check(fmt, IMPORT_FORMATS)
    inputs = [Path(p) for p in inputs]
    refuse_overlap(out, inputs)
    if fmt == "labelstudio":
        from eval.formats.common import iter_files
        from eval.formats.labelstudio import import_labelstudio

        return import_labelstudio(list(iter_files(inputs, ".json")), out)
    if fmt == "brat":
        from eval.formats.brat import import_brat

        return import_brat(inputs, out)
    from eval.formats.uima import import_inception

    return import_inception(inputs, out)

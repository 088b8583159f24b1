"""Round trips with annotation tools: export documents to Label Studio, INCEpTION (UIMA CAS XMI), brat
and spaCy DocBin, and import annotations back as a gold folder of ``<doc_id>.json`` files.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eval.data.models import Document
from eval.exceptions import InvalidInputError, Problem
from eval.formats.common import refuse_overlap

EXPORT_FORMATS = ("labelstudio", "brat", "inception", "docbin")
IMPORT_FORMATS = ("labelstudio", "brat", "inception")


def _check(fmt: str, valid: tuple[str, ...], option: str = "--format") -> None:
    if fmt not in valid:
        raise InvalidInputError(Problem(option, "", f"unknown format {fmt!r}; valid: {', '.join(valid)}"))


def export_documents(fmt: str, docs: list[Document], out: Path, prediction: str | None = None) -> list[Path]:
    """Write ``docs`` in format ``fmt`` under ``out`` (a ``.spacy`` file for docbin); returns the files written.

    ``prediction`` (an extractor name) makes Label Studio regions predictions instead of annotations.
    Mentions a DocBin leaves out (off token boundaries) are raised as an error only when none could be written.
    """
    _check(fmt, EXPORT_FORMATS)
    if fmt == "labelstudio":
        from eval.formats.labelstudio import export_labelstudio

        return export_labelstudio(docs, out, prediction)
    if fmt == "brat":
        from eval.formats.brat import export_brat

        return export_brat(docs, out)
    if fmt == "inception":
        from eval.formats.uima import export_inception

        return export_inception(docs, out)
    raise AssertionError("docbin is exported by export_docbin")


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

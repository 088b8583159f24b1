"""What every format shares: the documents to export, and writing imported documents as a gold folder.

Export reads gold (``.json`` files or folders of them; default: the shipped gold), prediction files
(``.jsonl``) or, with an extractor, ``.txt`` articles run through it. Import turns each article of
the input into a document, checks it as ``newsbench validate`` checks gold, and writes
``DIR/<doc_id>.json`` only when every document of every input is valid, so a bad input leaves
nothing behind.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eval.data.files import staged_folder, write_text
from eval.data.models import Document
from eval.data.parsing import document_dict, iter_parsed, parse
from eval.exceptions import InvalidInputError, Problem
from eval.gold.load import gold_files, load_gold

DOCUMENT_FIELDS = ("schema_version", "title", "date", "source", "url", "language", "text_sha256")
"""The document-level fields besides ``doc_id``, ``text``, ``meta`` and the annotations."""


def source_documents(files: Iterable[Path] | None, extractor: str | None = None) -> list[Document]:
    """The documents to export: gold and prediction files, or an extractor's output on ``.txt`` articles.

    Raises:
        InvalidInputError: a file is missing or holds an invalid document (every problem listed).
    """
    files = list(files or [])
    if extractor is not None:
        return _extracted(extractor, files)
    if not files:
        return list(load_gold().documents)
    docs: list[Document] = []
    problems: list[Problem] = []
    for path in files:
        targets = gold_files(path) if path.is_dir() else [path]
        if path.is_dir() and not targets:
            problems.append(Problem(str(path), "", "folder holds no .json documents"))
        for target in targets:
            if target.suffix not in (".json", ".jsonl"):
                problems.append(Problem(str(target), "", "expected a .json gold file, a .jsonl prediction file or a folder"))
                continue
            try:
                for parsed in iter_parsed(target):
                    problems += parsed.problems
                    if parsed.document is not None:
                        docs.append(parsed.document)
            except InvalidInputError as exc:  # unreadable: listed with the others
                problems += exc.problems
    if problems:
        raise InvalidInputError(problems)
    return docs


def _extracted(name: str, files: list[Path]) -> list[Document]:
    from eval.extraction.inputs import check_inputs, find_inputs, iter_articles
    from eval.registry import checked_extract, create

    if not files:
        raise InvalidInputError(Problem("--extractor", "", "needs .txt articles (files or folders) to run on"))
    paths = find_inputs(files)
    check_inputs(paths)
    return list(checked_extract(create(name), iter_articles(paths)))


def refuse_overlap(out: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output folder that is one of the inputs or holds one, so import never overwrites its own input.

    Raises:
        InvalidInputError: naming the input.
    """
    target = Path(out).resolve()
    for path in inputs:
        source = Path(path).resolve()
        if source == target or target in source.parents:
            raise InvalidInputError(
                Problem(str(out), "", f"--out is (or holds) the input {path}; choose a new folder for the imported gold")
            )


def file_name_problem(doc_id: str) -> str | None:
    """Why ``doc_id`` cannot name the file ``<doc_id>.json`` in one folder, or None when it can.

    >>> file_name_problem("../secret")
    "doc_id '../secret' cannot name a file: it may not hold a slash, backslash or NUL, nor be '.' or '..'"
    """
    if any(c in doc_id for c in "/\\\x00") or doc_id in (".", ".."):
        return f"doc_id {doc_id!r} cannot name a file: it may not hold a slash, backslash or NUL, nor be '.' or '..'"
    return None


def drop_none(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without the keys whose value is None."""
    return {k: v for k, v in data.items() if v is not None}


def check_imported(data: dict[str, Any], label: str) -> Document:
    """Hold an imported document to everything ``newsbench validate`` checks of gold.

    Raises:
        InvalidInputError: every problem, as ``label: json_path: reason``.
    """
    parsed = parse(data, label, full=True, gold=True)
    if parsed.problems or parsed.document is None:
        raise InvalidInputError(parsed.problems)
    return parsed.document


def gold_json(doc: Document) -> str:
    """A document as a gold file holds it: indented JSON, None fields left out but a quote's ``speaker`` kept."""
    return json.dumps(document_dict(doc), indent=2, ensure_ascii=False) + "\n"


def write_gold_folder(results: Iterable[tuple[str, Document | InvalidInputError]], out: Path) -> list[Path]:
    """Write ``out/<doc_id>.json`` for every imported document, or nothing at all when any failed.

    Args:
        results: ``(source label, document or the error that stopped it)`` per article.

    Raises:
        InvalidInputError: every problem of every article, and doc_ids that two articles share.
    """
    docs: list[Document] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for label, result in results:
        if isinstance(result, InvalidInputError):
            problems += result.problems
            continue
        unsafe = file_name_problem(result.doc_id)
        if unsafe:
            problems.append(Problem(label, "doc_id", unsafe))
            continue
        if result.doc_id in seen:
            problems.append(Problem(label, "doc_id", f"{result.doc_id!r} is also the doc_id of {seen[result.doc_id]}"))
        seen.setdefault(result.doc_id, label)
        docs.append(result)
    if problems:
        raise InvalidInputError(problems)
    if not docs:
        raise InvalidInputError(Problem(str(out), "", "the inputs hold no document to import"))
    existing = [Problem(str(Path(out) / f"{doc.doc_id}.json"), "", "exists; import never overwrites a gold file: "
                        "import into a new folder, or remove the file first") for doc in docs
                if (Path(out) / f"{doc.doc_id}.json").exists()]
    if existing:
        raise InvalidInputError(existing)
    with staged_folder(Path(out)) as stage:  # the folder gets every document or none (a full disk half-way)
        for doc in docs:
            write_text(stage / f"{doc.doc_id}.json", gold_json(doc))
    return [Path(out) / f"{doc.doc_id}.json" for doc in docs]


def collect(label: str, build: Any) -> tuple[str, Document | InvalidInputError]:
    """Run ``build()`` and keep either its document or its error, so one bad article does not hide the next."""
    try:
        return label, build()
    except InvalidInputError as exc:
        return label, exc


def iter_files(inputs: Iterable[Path], suffix: str) -> Iterator[Path]:
    """The files of ``inputs`` (files, or folders searched non-recursively) that end with ``suffix``, in order.

    Raises:
        InvalidInputError: a path is missing, or a folder holds no such file.
    """
    problems: list[Problem] = []
    found: list[Path] = []
    for path in map(Path, inputs):
        if path.is_dir():
            files = sorted(path.glob(f"*{suffix}"))
            if not files:
                problems.append(Problem(str(path), "", f"folder holds no {suffix} files"))
            found += files
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(str(path), "", "no such file or folder"))
    if problems:
        raise InvalidInputError(problems)
    yield from found

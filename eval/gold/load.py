"""Finding and loading the gold documents, and pairing predictions with them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from eval.data.files import bulk_allocation
from eval.data.fingerprint import document_sha256
from eval.data.models import Document
from eval.data.parsing import iter_parsed
from eval.exceptions import InvalidInputError, Problem
from eval.paths import CROSS_DOCUMENT_FILE, GOLD_SPLITS, default_gold_dir, split_gold_dir


@dataclass(frozen=True)
class GoldSet:
    """The gold documents (sorted by ``doc_id``), where they came from and their fingerprint."""

    documents: tuple[Document, ...]
    source: str
    sha256: str

    def by_id(self) -> dict[str, Document]:
        return {d.doc_id: d for d in self.documents}


SHIPPED = "shipped"


def describe_source(source: str) -> str:
    """The gold as results record it: ``"shipped"``, an ``hf://`` address, or a path relative to the working folder.

    Never an absolute path of the machine that ran it, which means nothing on another one.

    >>> describe_source("hf://newsbench/gold")
    'hf://newsbench/gold'
    """
    if source.startswith("hf://"):
        return source
    path = Path(source).resolve()
    for split in GOLD_SPLITS:
        if path == split_gold_dir(split).resolve():
            return SHIPPED if split == "test" else f"{SHIPPED} {split}"
    return Path(os.path.relpath(path, Path.cwd())).as_posix()


def gold_files(folder: Path) -> list[Path]:
    """The document files of a gold folder: every ``*.json`` except the cross-document file."""
    return sorted(p for p in folder.glob("*.json") if p.name != CROSS_DOCUMENT_FILE)


def load_gold(source: str | Path | None = None) -> GoldSet:
    """Load gold documents from a gold folder, a published dataset folder or ``hf://OWNER/NAME``.

    Args:
        source: None for the shipped gold; a folder of ``<doc_id>.json`` files; a folder built by
            ``newsbench publish``; ``hf://OWNER/NAME`` for the dataset on the Hugging Face Hub; or a
            ``.jsonl`` file of gold documents, one per line (large corpora, read as a stream).

    Raises:
        InvalidInputError: the source is missing, empty, or holds an invalid document (every problem listed).
    """
    if isinstance(source, str) and source.startswith("hf://"):
        from eval.gold.published import load_published

        return _gold_set(load_published(source), source)
    folder = Path(source) if source is not None else default_gold_dir()
    if not folder.exists():
        raise InvalidInputError(Problem(str(folder), "", "gold folder not found"))
    if folder.is_file() and folder.suffix == ".jsonl":
        files = [folder]
    elif not folder.is_dir():
        raise InvalidInputError(Problem(str(folder), "", "is a file; --gold expects a folder or a .jsonl file"))
    else:
        files = gold_files(folder)
    if not files and (folder / "README.md").exists():
        from eval.gold.published import load_published

        return _gold_set(load_published(str(folder)), str(folder))
    if not files:
        raise InvalidInputError(Problem(str(folder), "", "holds no gold documents (*.json)"))
    docs, problems = [], []
    with bulk_allocation():
        for path in files:
            for parsed in iter_parsed(path, gold=True):
                problems += parsed.problems
                if parsed.document is not None:
                    docs.append(parsed.document)
    if problems:
        raise InvalidInputError(problems)
    return _gold_set(docs, str(folder))


def _gold_set(docs: Iterable[Document], source: str) -> GoldSet:
    docs = sorted(docs, key=lambda d: d.doc_id)
    seen: set[str] = set()
    for d in docs:
        if d.doc_id in seen:
            raise InvalidInputError(Problem(source, "doc_id", f"duplicate doc_id {d.doc_id!r} in the gold"))
        seen.add(d.doc_id)
    return GoldSet(tuple(docs), source, document_sha256(docs))

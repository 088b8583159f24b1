"""Scoring a prediction file against a large gold set with flat memory.

A gold ``.jsonl`` file is first indexed: ``doc_id -> (byte offset, length)`` of its line, found
without parsing the documents; a gold folder likewise: ``doc_id -> file``. Then each prediction line is read, checked, paired with its gold
document (read from the index and parsed on demand), scored and dropped; gold documents that got no
prediction are read and scored as misses at the end. Every document is parsed once, and only the
index and the scorer's per-document count vectors stay in memory.

Checks and messages are those of :func:`eval.scoring.pairing.read_predictions` (unknown ``doc_id``, second
prediction, text differing from the gold, gold documents without a prediction) and of
:func:`eval.gold.load.load_gold`; every problem is listed, and a run with a problem raises
:class:`~eval.exceptions.InvalidInputError` once the whole file has been read, so nothing is reported
from a file with a problem. Gold problems come first: with bad gold, only they are reported.
"""
from __future__ import annotations

import array
import json
import re
from pathlib import Path

from eval.data.models import Document
from eval.data.files import read_text
from eval.data.parsing import Parsed, _loads_line, decode_line, iter_lines, iter_parsed, parse, parse_line
from eval.exceptions import InvalidInputError, Problem
from eval.gold.load import GoldSet, gold_files, load_gold

# In JSON a quote inside a string is escaped, so an unescaped "doc_id" followed by a colon is a key.
_DOC_ID = re.compile(r'"doc_id"\s*:\s*"((?:[^"\\]|\\.)*)"')


class _Lines:
    """Where each gold line is: ``doc_id -> row``, and the rows' offset, length and line number in flat arrays.

    One small Python object per document would pin far more memory than its three numbers.
    """

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self._table = array.array("q")  # offset, length, line number of each row

    def add(self, doc_id: str, offset: int, length: int, lineno: int) -> None:
        self.rows[doc_id] = len(self._table) // 3
        self._table.extend((offset, length, lineno))

    def where(self, doc_id: str) -> tuple[int, int, int]:
        """``(offset, length, line number)`` of the line of ``doc_id``."""
        k = 3 * self.rows[doc_id]
        return self._table[k], self._table[k + 1], self._table[k + 2]


class GoldIndex:
    """The gold documents by ``doc_id``, read on demand: from a ``.jsonl`` file by byte offset, from the files of a
    gold folder, or from memory (a published dataset, ``hf://``).

    Use :meth:`open` to build one. ``problems`` collects every problem of the gold found so far
    (reading is lazy, so they are complete once every document has been read).
    """

    def __init__(self, source: str, lines: _Lines, path: Path | None, gold_set: GoldSet | None,
                 files: list[Path] | None = None):
        self.source = source
        self._where = lines
        self._lines = lines.rows
        self._path = path
        self._files = files  # of a gold folder: the line number of each row is its file's index here
        self._set = gold_set.by_id() if gold_set is not None else None
        #: The fingerprint when the documents were loaded; a streamed gold's is built as it is read.
        self.sha256 = gold_set.sha256 if gold_set is not None else None
        self._problems: dict[str, list[Problem]] = {}
        self._handle = path.open("rb") if path is not None else None

    @classmethod
    def open(cls, source: str | Path | None) -> GoldIndex:
        """Index a gold ``.jsonl`` file or folder (None: the shipped gold); any other source (a published
        dataset, ``hf://``) is loaded with :func:`load_gold`.

        Raises:
            InvalidInputError: the source is missing or empty, or a document's ``doc_id`` cannot be read
                (not UTF-8, not JSON) or repeats; a published dataset with any problem.
        """
        from eval.paths import default_gold_dir

        path = (Path(source) if source is not None else default_gold_dir()) if not str(source).startswith("hf://") else None
        if path is not None and path.is_dir() and gold_files(path):
            files = gold_files(path)
            return cls(str(path), _index_files(files), None, None, files)
        if path is None or path.suffix != ".jsonl" or not path.is_file():
            gold_set = load_gold(source)
            lines = _Lines()
            for d in gold_set.documents:
                lines.add(d.doc_id, 0, 0, 0)
            return cls(gold_set.source, lines, None, gold_set)
        return cls(str(path), _index_lines(path), path, None)

    @property
    def ids(self) -> list[str]:
        """Every gold ``doc_id``, sorted."""
        return sorted(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._lines

    def has_problems(self) -> bool:
        return bool(self._problems)

    @property
    def problems(self) -> list[Problem]:
        """The gold problems found so far, in file order."""
        found = [p for ps in self._problems.values() for p in ps]
        return sorted(found, key=lambda p: _line_number(p.file))

    def read(self, doc_id: str) -> Document | None:
        """The gold document ``doc_id``, or None when it has problems (then added to ``problems``)."""
        if self._set is not None:
            return self._set[doc_id]
        parsed = self._parse(doc_id)
        label = parsed.label
        problems = list(parsed.problems)
        if parsed.document is not None and parsed.document.doc_id != doc_id:
            problems.append(Problem(label, "doc_id", f"the line's doc_id is {parsed.document.doc_id!r}, not {doc_id!r}"))
        if problems:
            self._problems[doc_id] = problems
            return None
        return parsed.document

    def _parse(self, doc_id: str) -> Parsed:
        offset, length, lineno = self._where.where(doc_id)
        if self._files is not None:
            return next(iter_parsed(self._files[lineno], gold=True))
        assert self._handle is not None
        self._handle.seek(offset)
        parsed = parse_line(self._handle.read(length), f"{self._path}:{lineno}", gold=True)
        assert parsed is not None  # blank lines are never indexed
        return parsed

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


def _line_number(label: str) -> int:
    tail = label.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _index_lines(path: Path) -> _Lines:
    """The lines of a gold ``.jsonl`` file by ``doc_id``; raises with every line whose ``doc_id`` cannot be read."""
    lines = _Lines()
    problems: list[Problem] = []
    for lineno, offset, raw in iter_lines(path):
        label = f"{path}:{lineno}"
        doc_id, line_problems = _doc_id_of(raw, label)
        problems += line_problems
        if doc_id is None:
            continue
        if doc_id in lines.rows:
            first = lines.where(doc_id)[2]
            problems.append(Problem(label, "doc_id", f"duplicate doc_id {doc_id!r} in the gold (first at {path}:{first})"))
            continue
        lines.add(doc_id, offset, len(raw), lineno)
    if problems:
        raise InvalidInputError(problems)
    if not lines.rows:
        raise InvalidInputError(Problem(str(path), "", "holds no gold documents (one JSON document per line)"))
    return lines


def _index_files(files: list[Path]) -> _Lines:
    """The files of a gold folder by ``doc_id`` (row ``k`` is ``files[k]``); raises with every unreadable or repeated ``doc_id``."""
    lines = _Lines()
    problems: list[Problem] = []
    for k, path in enumerate(files):
        try:
            doc_id, file_problems = _doc_id_in(read_text(path), str(path))
        except InvalidInputError as exc:
            doc_id, file_problems = None, list(exc.problems)
        problems += file_problems
        if doc_id is None:
            problems += [] if file_problems else [Problem(str(path), "", "is empty; expected one JSON document")]
            continue
        if doc_id in lines.rows:
            first = files[lines.where(doc_id)[2]]
            problems.append(Problem(str(path), "doc_id", f"duplicate doc_id {doc_id!r} in the gold (first in {first})"))
            continue
        lines.add(doc_id, 0, 0, k)
    if problems:
        raise InvalidInputError(problems)
    return lines


def _doc_id_of(raw: bytes, label: str) -> tuple[str | None, list[Problem]]:
    """The ``doc_id`` of a raw line, found without parsing the document when it occurs once.

    A blank line gives (None, []); a line without a readable ``doc_id`` gives its problems.
    """
    line, problems = decode_line(raw, label)
    if line is None:
        return None, problems
    return _doc_id_in(line, label)


def _doc_id_in(line: str, label: str) -> tuple[str | None, list[Problem]]:
    """The ``doc_id`` of a document's JSON text, as :func:`_doc_id_of` finds it; (None, []) when blank."""
    if not line.strip():
        return None, []
    found = _DOC_ID.findall(line)
    if len(found) == 1:
        return (json.loads(f'"{found[0]}"') if "\\" in found[0] else found[0]), []
    data, problems = _loads_line(line, label)
    if problems:
        return None, problems
    doc_id = data.get("doc_id") if isinstance(data, dict) else None
    if isinstance(doc_id, str):
        return doc_id, []
    return None, parse(data, label, gold=True).problems or [Problem(label, "doc_id", "no doc_id")]

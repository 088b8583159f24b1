"""Reading and writing annotation documents, with every problem named by file, JSON path and reason.

Gold files hold one JSON document each (``gold/<doc_id>.json``); predictions and ``extract`` output
are JSON Lines, one document per line, read as a stream so memory stays flat on large corpora.
Writes go to a temporary file that is renamed into place, so a failed run leaves nothing half-written.
"""
from __future__ import annotations

import array
import contextlib
import gc
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

import jsonschema
from pydantic import ValidationError

from eval.exceptions import InvalidInputError, Problem
from eval.schema import Document, json_schema
from eval.semantics import check_document, check_span_quality

CROSS_DOCUMENT_FILE = "cross_document.json"


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
    if error.validator == "enum":
        return f"{_short(error.instance)} is not one of {error.validator_value!r}"
    return error.message if len(error.message) <= 300 else error.message[:295] + " ..."


def schema_problems(data: Any, file: str) -> list[Problem]:
    """Every JSON Schema violation of ``data``, in document order."""
    errors = sorted(_schema_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [Problem(file, json_path(e.absolute_path), _schema_message(e)) for e in errors]


def _model_problems(exc: ValidationError, file: str) -> list[Problem]:
    # pydantic prefixes the messages of our own validators with "Value error, "; the path says enough.
    return [
        Problem(file, json_path(e["loc"]), e["msg"].removeprefix("Value error, "))
        for e in exc.errors(include_url=False)
    ]


def parse_document(
    data: Any, file: str, *, full: bool = False, gold: bool = False
) -> tuple[Document | None, list[Problem]]:
    """Turn parsed JSON into a Document, or list every problem that prevents it.

    Args:
        data: the parsed JSON value.
        file: the label used in problems (a file name, or ``name:line`` for JSON Lines).
        full: also run the JSON Schema when the models accept the data (``newsbench validate``);
            otherwise the slower JSON Schema pass only runs to explain a failure.
        gold: also reject spans that are empty, padded with whitespace or split a character
            (:func:`~eval.semantics.check_span_quality`); use :func:`parse` to get them as warnings.
    """
    parsed = parse(data, file, full=full, gold=gold)
    return parsed.document, parsed.problems


def parse(data: Any, file: str, *, full: bool = False, gold: bool = False) -> Parsed:
    """Like :func:`parse_document`, keeping span-quality findings of a prediction as warnings."""
    problems = schema_problems(data, file) if full else []
    doc = None
    if not problems:
        try:
            doc = Document.model_validate(data, context={"semantics": False})
        except ValidationError as exc:
            problems = schema_problems(data, file) or _model_problems(exc, file)
    warnings: list[Problem] = []
    if doc is not None:
        problems += [Problem(file, path, reason) for path, reason in check_document(doc)]
        if not problems:
            quality = [Problem(file, path, reason) for path, reason in check_span_quality(doc)]
            (problems if gold else warnings).extend(quality)
    return Parsed(file, None if problems else doc, problems, warnings)


def _unreadable(path: Path, exc: OSError) -> InvalidInputError:
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError):
        reason = "is a folder, not a file"
    else:
        reason = f"cannot be read: {exc.strerror}"
    return InvalidInputError(Problem(str(path), "", reason))


_BOM = b"\xef\xbb\xbf"
_BOM_REASON = "starts with a UTF-8 byte order mark (BOM); save the file as UTF-8 without BOM"


def read_text(path: Path) -> str:
    """Read a UTF-8 file, naming the file and byte offset when it is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if raw.startswith(_BOM):
        raise InvalidInputError(Problem(str(path), "", _BOM_REASON))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            Problem(str(path), "", f"is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}")
        ) from None


def _loads(text: str, label: str) -> tuple[Any, list[Problem]]:
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [Problem(label, "", f"invalid JSON: {exc.msg}: line {exc.lineno} column {exc.colno}")]


def _loads_line(line: str, label: str) -> tuple[Any, list[Problem]]:
    """Parse one JSON Lines line; the label already names the line, so the reason gives the column."""
    line = line.rstrip("\r\n")
    try:
        return json.loads(line), []
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON: {exc.msg}: column {exc.pos + 1}"
        stripped = line.rstrip()
        if exc.pos >= len(stripped) or not stripped.endswith("}"):
            reason += f" (the line ends early, at column {len(stripped)}: truncated?)"
        elif exc.msg == "Extra data":
            reason += " (one document per line: is a line break missing?)"
        return None, [Problem(label, "", reason)]


@dataclass
class Parsed:
    """One document read from a file: the document, or the problems that stopped it.

    ``warnings`` are findings that do not stop scoring (a prediction's span that splits a character).
    """

    label: str
    document: Document | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def iter_parsed(path: Path, *, full: bool = False, gold: bool | None = None) -> Iterator[Parsed]:
    """Yield every document of a ``.json`` or ``.jsonl`` file, parsed, with its problems.

    A ``.jsonl`` file is streamed line by line; its labels are ``file:LINE``. Blank lines are skipped.

    Args:
        path: the file.
        full: also check the JSON Schema of documents the models accept.
        gold: apply the gold rules on span quality (errors, not warnings). Default: by file kind,
            as the contract puts gold in ``.json`` files and predictions in ``.jsonl`` files.
    """
    path = Path(path)
    if path.suffix == ".jsonl":
        yield from _iter_jsonl(path, full, bool(gold))
        return
    gold = True if gold is None else gold
    text = read_text(path)
    if not text.strip():
        yield Parsed(str(path), None, [Problem(str(path), "", "is empty; expected one JSON document")])
        return
    data, problems = _loads(text, str(path))
    yield parse(data, str(path), full=full, gold=gold) if not problems else Parsed(str(path), None, problems)


def iter_lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """Yield ``(line number, byte offset, raw line)`` of a JSON Lines file.

    Raises:
        InvalidInputError: the file cannot be opened, or it starts with a byte order mark.
    """
    try:
        handle = Path(path).open("rb")
    except OSError as exc:
        raise _unreadable(Path(path), exc) from None
    with handle:
        offset = 0
        for lineno, raw in enumerate(handle, start=1):
            if lineno == 1 and raw.startswith(_BOM):
                raise InvalidInputError(Problem(str(path), "", _BOM_REASON))
            yield lineno, offset, raw
            offset += len(raw)


def decode_line(raw: bytes, label: str) -> tuple[str | None, list[Problem]]:
    """The text of one raw JSON Lines line, or why it is not UTF-8."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [Problem(label, "", f"is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte {exc.start} of the line")]


def parse_line(raw: bytes, label: str, *, full: bool = False, gold: bool = False) -> Parsed | None:
    """Parse one raw JSON Lines line (None for a blank line), as :func:`iter_parsed` does."""
    line, problems = decode_line(raw, label)
    if line is None:
        return Parsed(label, None, problems)
    if not line.strip():
        return None
    data, problems = _loads_line(line, label)
    return parse(data, label, full=full, gold=gold) if not problems else Parsed(label, None, problems)


def _iter_jsonl(path: Path, full: bool, gold: bool) -> Iterator[Parsed]:
    for lineno, _offset, raw in iter_lines(path):
        parsed = parse_line(raw, f"{path}:{lineno}", full=full, gold=gold)
        if parsed is not None:
            yield parsed


def read_documents(path: Path) -> Iterator[Document]:
    """Stream the documents of a file, raising on the first document that has problems.

    Raises:
        InvalidInputError: with every problem of the first bad document.
    """
    for parsed in iter_parsed(path):
        if parsed.problems:
            raise InvalidInputError(parsed.problems)
        assert parsed.document is not None
        yield parsed.document


def document_json(doc: Document) -> str:
    """One document as compact JSON (one JSON Lines line, without the newline).

    Optional fields that are None are left out, but a quote's ``speaker`` is required by the
    contract (``null`` when unattributed), so it stays even when None.
    """
    if all(q.speaker is not None for q in doc.quotes):
        return doc.model_dump_json(exclude_none=True)
    data = doc.model_dump(mode="json", exclude_none=True)
    data["quotes"] = [{**q, "speaker": q.get("speaker")} for q in data["quotes"]]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def document_sha256(docs: Iterable[Document]) -> str:
    """A fingerprint of a set of documents, independent of their order."""
    fingerprint = Fingerprint()
    for doc in docs:
        fingerprint.add(doc)
    return fingerprint.hexdigest()


class Fingerprint:
    """:func:`document_sha256` built one document at a time, without holding the documents.

    The digest is the SHA-256 of the documents' JSON lines in sorted order. Each line goes to a
    temporary file; only its offset, length and key length stay in memory, in a flat array (no
    Python object per document, which would pin the allocator's memory of the whole stream). The
    key of a line is the line up to the end of its ``doc_id`` value (the first ``"doc_id":`` of a
    compact line is the top-level key: it comes before any nested object, and a quote inside a
    string is escaped). Two lines that agree up to there have the same ``doc_id``, and ``doc_id``
    values are unique in a set, so the keys order the lines exactly as the whole lines do; a line
    without the key is keyed by all of it. UTF-8 bytes sort as the
    code points they encode, so keys are compared as bytes.
    """

    _KEY = '"doc_id":'

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._entries = array.array("q")  # offset, length, key length of each line
        self._offset = 0
        self._decoder = json.JSONDecoder()

    def add(self, doc: Document) -> None:
        line = document_json(doc)
        data = line.encode("utf-8") + b"\n"
        key_length = len(data) - 1
        at = line.find(self._KEY)
        if at >= 0:
            _, end = self._decoder.raw_decode(line, at + len(self._KEY))
            key_length = len(line[:end].encode("utf-8"))
        self._file.write(data)
        self._entries.extend((self._offset, len(data), key_length))
        self._offset += len(data)

    def hexdigest(self) -> str:
        digest = hashlib.sha256()
        self._file.flush()
        keys = []
        for k in range(0, len(self._entries), 3):
            self._file.seek(self._entries[k])
            keys.append((self._file.read(self._entries[k + 2]), k))
        keys.sort()
        for _key, k in keys:
            self._file.seek(self._entries[k])
            digest.update(self._file.read(self._entries[k + 1]))
        self._file.close()
        return digest.hexdigest()


@contextlib.contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while many documents are read and kept.

    Documents are trees without reference cycles, so the collector finds nothing in them, yet it
    walks every kept object again and again as their number grows: pausing it halves the time of
    loading a large corpus (measured by ``bench/score.py``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """Open ``path`` for writing text so that it appears complete or not at all.

    Raises:
        InvalidInputError: the folder cannot be created or written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InvalidInputError(Problem(str(path), "", f"cannot be written: {exc.strerror}")) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        # mkstemp makes the file private (0600); give it the mode an ordinary open() would have
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    with atomic_writer(path) as fh:
        fh.write(text)


def write_json(path: Path, value: Any) -> None:
    """Write ``value`` as indented JSON atomically."""
    write_text(path, json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def write_documents(path: Path, docs: Iterable[Document]) -> int:
    """Write documents as JSON Lines atomically; returns how many were written."""
    n = 0
    with atomic_writer(path) as fh:
        for doc in docs:
            fh.write(document_json(doc) + "\n")
            n += 1
    return n

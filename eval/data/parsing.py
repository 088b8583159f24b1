"""Reading and writing annotation documents, with every problem named by file, JSON path and reason.

Gold files hold one JSON document each (``gold/<doc_id>.json``); predictions and ``extract`` output
are JSON Lines, one document per line, read as a stream so memory stays flat on large corpora.
Writes go to a temporary file that is renamed into place, so a failed run leaves nothing half-written.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from pydantic import BaseModel, ValidationError
from pydantic_core import to_json

from eval.data.checks import check_document, check_span_quality, lone_surrogates, may_hold_surrogates
from eval.data.files import (
    BOM_REASON,
    LIMITS,
    UTF8_BOM,
    JsonValueError,
    atomic_writer,
    json_object_keys,
    check_regular_file,
    loads_json,
    read_text,
    size_text,
    unreadable_error,
)
from eval.data.json_schema import json_path, schema_problems
from eval.data.compact import detached
from eval.data.models import Actor, Document, Location
from eval.exceptions import InvalidInputError, Problem


def _model_problems(exc: ValidationError, file: str) -> list[Problem]:
    # pydantic prefixes the messages of our own validators with "Value error, "; the path says enough.
    return [
        Problem(file, json_path(e["loc"]), e["msg"].removeprefix("Value error, "))
        for e in exc.errors(include_url=False)
    ]


def parse(data: Any, file: str, *, full: bool = False, gold: bool = False, raw: str | bytes | None = None) -> Parsed:
    """Turn parsed JSON into a checked Document, or list every problem that prevents it.

    Args:
        data: the parsed JSON value.
        file: the label used in problems (a file name, or ``name:line`` for JSON Lines).
        full: also run the JSON Schema when the models accept the data (``newsbench validate``);
            otherwise the slower JSON Schema pass only runs to explain a failure.
        gold: reject spans that are empty, padded with whitespace or split a character
            (:func:`~eval.data.checks.check_span_quality`); for a prediction they are warnings.
        raw: the JSON text ``data`` was parsed from, if at hand: strings are then searched for lone
            surrogates only when it holds a ``\\uD800``-``\\uDFFF`` escape (the only way JSON in UTF-8 carries one).
    """
    problems = schema_problems(data, file) if full else []
    doc = None
    if not problems:
        try:
            doc = Document.model_validate(data, context={"semantics": False})
        except ValidationError as exc:
            problems = schema_problems(data, file) or _model_problems(exc, file)
    warnings: list[Problem] = [] if gold else _missing_categories(data, file)
    parsed = _checked(doc, file, gold, problems, warnings)
    if raw is None or may_hold_surrogates(raw):
        # a lone surrogate in any string (a name, an id, an extra field) cannot be written as UTF-8 by any output;
        # the text and the spans have their own, fuller reasons (a split character), so their paths are not repeated
        reported = [p.path for p in parsed.problems]
        lone = [Problem(file, path, reason) for path, reason in lone_surrogates(data)
                if not any(path == r or path.startswith((f"{r}.", f"{r}[")) for r in reported)]
        if lone:
            parsed.problems += lone
            parsed.document = None
    return parsed


def _checked(doc: Document | None, file: str, gold: bool, problems: list[Problem], warnings: list[Problem]) -> Parsed:
    """The semantic and span-quality checks of a document the models accepted (see :func:`parse`)."""
    if doc is not None:
        problems += [Problem(file, path, reason) for path, reason in check_document(doc)]
        if not problems:
            quality = [Problem(file, path, reason) for path, reason in check_span_quality(doc)]
            (problems if gold else warnings).extend(quality)
    return Parsed(file, None if problems else doc, problems, warnings)


#: From this many characters a document is read straight into the models (:func:`_parse_direct`). It costs
#: about a fifth more time than reading it into dicts first (a second JSON pass), so only large documents do.
DIRECT_MIN_CHARS = 1 << 20


def _parse_direct(source: str | bytes, file: str, gold: bool) -> Parsed | None:
    """:func:`parse` of a large JSON text (or its UTF-8 bytes) read straight into the models, or None: a small
    text, or one the models refuse.

    Without the dicts of the whole document beside the models, a line costs less memory (``bench/memory.py``).
    On any problem, None: :func:`parse` then reads the text again and names every problem as usual.
    """
    if len(source) < DIRECT_MIN_CHARS or may_hold_surrogates(source):
        return None
    keys = json_object_keys(source)
    if keys is None:
        return None
    try:
        doc = Document.model_validate_json(source, context={"semantics": False})
    except ValidationError:
        return None
    return _checked(doc, file, gold, [], [] if gold else _missing_categories(dict.fromkeys(keys), file))


CATEGORIES = ("actors", "locations", "quotes", "events")


def _missing_categories(data: Any, label: str) -> list[Problem]:
    """A prediction that leaves out a category key predicts nothing there: said, never silent."""
    if not isinstance(data, dict):
        return []
    return [
        Problem(label, key, f"no {key!r} key: the prediction counts as finding no {key}")
        for key in CATEGORIES if key not in data
    ]


def _loads(text: str, label: str) -> tuple[Any, list[Problem]]:
    try:
        return loads_json(text), []
    except json.JSONDecodeError as exc:
        return None, [Problem(label, "", f"invalid JSON: {exc.msg}: line {exc.lineno} column {exc.colno}")]
    except JsonValueError as exc:
        return None, [Problem(label, "", f"invalid JSON: {exc}")]


def _loads_line(line: str, label: str) -> tuple[Any, list[Problem]]:
    """Parse one JSON Lines line; the label already names the line, so the reason gives the column."""
    line = line.rstrip("\r\n")
    try:
        return loads_json(line), []
    except JsonValueError as exc:
        return None, [Problem(label, "", f"invalid JSON: {exc}")]
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
    direct = None if full else _parse_direct(text, str(path), gold)
    if direct is not None:
        yield direct
        return
    data, problems = _loads(text, str(path))
    yield parse(data, str(path), full=full, gold=gold, raw=text) if not problems else Parsed(str(path), None, problems)


#: Called as ``(path, bytes read, file size)`` while a JSON Lines file is read; the CLI draws a progress bar with it.
ON_PROGRESS: Callable[[Path, int, int], None] | None = None
_PROGRESS_EVERY = 1 << 20  # bytes between two calls


def iter_lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """Yield ``(line number, byte offset, raw line)`` of a JSON Lines file.

    Raises:
        InvalidInputError: the file cannot be opened, or it starts with a byte order mark.
    """
    size = check_regular_file(Path(path)).st_size
    try:
        handle = Path(path).open("rb")
    except OSError as exc:
        raise unreadable_error(Path(path), exc) from None
    limit = LIMITS.max_line_bytes
    with handle:
        offset = 0
        lineno = 0
        while raw := handle.readline(limit + 1):
            lineno += 1
            if lineno == 1 and raw.startswith(UTF8_BOM):
                raise InvalidInputError(Problem(str(path), "", BOM_REASON))
            if len(raw) > limit and not raw.endswith(b"\n"):
                raise InvalidInputError(Problem(
                    f"{path}:{lineno}", "",
                    f"line longer than the limit of {size_text(limit)}; one document per line is expected "
                    f"(raise the limit with --max-line-mb)",
                ))
            yield lineno, offset, raw
            if ON_PROGRESS is not None and (offset + len(raw)) // _PROGRESS_EVERY != offset // _PROGRESS_EVERY:
                ON_PROGRESS(Path(path), offset + len(raw), size)
            offset += len(raw)


def decode_line(raw: bytes, label: str) -> tuple[str | None, list[Problem]]:
    """The text of one raw JSON Lines line, or why it is not UTF-8."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [Problem(label, "", f"is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte {exc.start} of the line")]


def parse_line(raw: bytes, label: str, *, full: bool = False, gold: bool = False) -> Parsed | None:
    """Parse one raw JSON Lines line (None for a blank line), as :func:`iter_parsed` does."""
    direct = None if full else _parse_direct(raw, label, gold)  # bytes: no text copy of a large line meanwhile
    if direct is not None:
        return direct
    line, problems = decode_line(raw, label)
    if line is None:
        return Parsed(label, None, problems)
    if not line.strip():
        return None
    data, problems = _loads_line(line, label)
    return parse(data, label, full=full, gold=gold, raw=line) if not problems else Parsed(label, None, problems)


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
    contract (``null`` when unattributed), so it stays even when None (``Quote`` serializes so).
    """
    return doc.model_dump_json(exclude_none=True)


def document_bytes(doc: Document) -> bytes:
    """:func:`document_json` as UTF-8 bytes, made directly: no text copy of a large document on the way to a file."""
    return doc.__pydantic_serializer__.to_json(doc, exclude_none=True)


#: From this many characters of text a document is written a piece at a time (:func:`_document_pieces`).
STREAM_MIN_CHARS = 1 << 16

_ANNOTATIONS = ("actors", "locations", "quotes", "events")


def _document_pieces(doc: Document) -> Iterator[bytes | memoryview]:
    """The bytes of :func:`document_bytes`, in pieces: the document without its annotations, cut where each
    list of annotations goes, and each annotation between (an actor's or location's mentions likewise).

    A large document's line is never held whole (it is several times the article), and each model is
    serialized from a detached copy (:func:`~eval.data.compact.detached`), so the compacted models make no
    dict that would stay.
    """
    shell = document_bytes(doc.model_copy(update={**dict.fromkeys(_ANNOTATIONS, ()), "text": ""}))
    # The text goes in pieces too: its JSON whole (the article's size or more) and the UTF-8 copy that the
    # serializer would keep on the text would each cost about the article at the peak.
    close = shell.index(b'"text":""') + len(b'"text":"')
    yield memoryview(shell)[:close]
    yield from _text_pieces(doc.text)
    yield from _spliced(shell, doc, _ANNOTATIONS, _item_pieces, close)


def _text_pieces(text: str, size: int = 1 << 16) -> Iterator[bytes]:
    """The JSON string of ``text`` without its quotation marks, a piece at a time (each character is escaped
    on its own, so the pieces together are the whole string's JSON)."""
    for start in range(0, len(text), size):
        yield to_json(text[start:start + size])[1:-1]


def _item_pieces(item: BaseModel) -> Iterator[bytes | memoryview]:
    if isinstance(item, (Actor, Location)) and item.mentions:
        shell = _model_bytes(detached(item, empty=("mentions",)))
        yield from _spliced(shell, item, ("mentions",), lambda mention: [_model_bytes(detached(mention))])
    else:
        yield _model_bytes(detached(item))


def _model_bytes(model: BaseModel) -> bytes:
    return model.__pydantic_serializer__.to_json(model, exclude_none=True)


def _spliced(shell: bytes, model: BaseModel, names: tuple[str, ...],
             pieces: Callable[[Any], Iterable[bytes | memoryview]], pos: int = 0) -> Iterator[bytes | memoryview]:
    """``shell`` (the JSON of ``model`` with the tuples ``names`` empty) with the pieces of their items put in, from
    ``pos`` on.

    The first ``"NAME":[]`` of the shell is the field's own: in a JSON string a quotation mark is escaped, and
    the fields before each of these (a document's ``schema_version``, ``doc_id`` and ``text``, an actor's or
    location's ``id``, ``name`` and ``type``) hold strings only.
    """
    view = memoryview(shell)
    for name in names:
        marker = f'"{name}":[]'.encode()
        close = shell.index(marker, pos) + len(marker) - 1  # the offset of "]"
        yield view[pos:close]
        for i, item in enumerate(getattr(model, name)):
            if i:
                yield b","
            yield from pieces(item)
        pos = close
    yield view[pos:]


def serialize_check(doc: Document) -> None:
    """Serialize ``doc`` as :func:`write_lines` would, keeping nothing: raises PydanticSerializationError when it
    cannot be written (a lone surrogate). A large document goes a piece at a time, from detached copies: its whole
    line (several times the article) is never held, and its compacted models make no dict that would stay."""
    if len(doc.text) < STREAM_MIN_CHARS:
        document_bytes(doc)
        return
    for _ in _document_pieces(doc):
        pass


def document_dict(doc: Document) -> dict:
    """A document as the contract writes it: None fields left out, but a quote's ``speaker`` always kept."""
    return doc.model_dump(mode="json", exclude_none=True)


def write_lines(out: TextIO, docs: Iterable[Document]) -> int:
    """Write one JSON Lines line per document to ``out``; returns the count.

    The bytes go straight to the stream's binary buffer: a text line of a large article would cost
    its size several times over (the JSON text, the line with its newline, the encoded bytes).
    """
    n = 0
    out.flush()
    binary = getattr(out, "buffer", None)
    for doc in docs:
        if binary is None:  # a text-only stream (StringIO)
            out.write(document_json(doc) + "\n")
        elif len(doc.text) >= STREAM_MIN_CHARS:
            binary.writelines(_document_pieces(doc))
            binary.write(b"\n")
        else:
            binary.write(document_bytes(doc))
            binary.write(b"\n")
        n += 1
    return n


def write_documents(path: Path, docs: Iterable[Document]) -> int:
    """Write documents as JSON Lines atomically; returns how many were written."""
    with atomic_writer(path) as fh:
        return write_lines(fh, docs)


def read_json_lines(path: Path, required: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Every object of a small JSON Lines file (an error list), each with the keys ``required``.

    Raises:
        InvalidInputError: a line that is not JSON, not an object, or lacks a required key (file:line named).
    """
    rows = []
    for lineno, _offset, raw in iter_lines(path):
        label = f"{path}:{lineno}"
        line, problems = decode_line(raw, label)
        if line is not None and not line.strip():
            continue
        data, problems = (None, problems) if line is None else _loads_line(line, label)
        if not problems and not isinstance(data, dict):
            problems = [Problem(label, "", f"expected a JSON object, got {type(data).__name__}")]
        if not problems:
            problems = [Problem(label, key, "missing") for key in required if key not in data]
        if problems:
            raise InvalidInputError(problems)
        rows.append(data)
    return rows

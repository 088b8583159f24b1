"""``newsbench extract``: run one extractor over ``.txt`` news articles and write JSON Lines.

Input is ``.txt`` files and folders of them (searched recursively, in sorted order); each file is one
article whose ``doc_id`` is the file's stem. The text is the file's bytes decoded as UTF-8 exactly:
line endings are kept as they are (CRLF stays CRLF, so offsets match the file), and a leading UTF-8
byte order mark is dropped, because it marks the encoding and is not part of the article (editors on
Windows add it). An empty file gives an empty document.

Texts are streamed: files -> extractor -> JSON Lines writer, one article in memory at a time (plus
whatever batch the extractor keeps), so a folder of thousands of files runs in bounded memory. Before
any extraction every input file is checked once, so that every unreadable or non-UTF-8 file is
reported together and no output is started for a run that would fail. The output file is written
atomically: it appears complete or not at all.
"""
from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from rich.console import Console

from eval.exceptions import InvalidInputError, Problem
from eval.io import atomic_writer, document_json
from eval.registry import Article, checked_extract, create

_BOM = "\ufeff"


def find_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Every ``.txt`` file named by ``inputs`` (files, or folders searched recursively), in order.

    Files named directly keep their command-line order; the files of a folder are sorted.

    Raises:
        InvalidInputError: with every problem: a missing path, a file that is not ``.txt``, a folder
            without ``.txt`` files, or two files with the same stem (they would share a ``doc_id``).
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in map(Path, inputs):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".txt" and p.is_file())
            if not found:
                problems.append(Problem(str(path), "", "folder contains no .txt files"))
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() != ".txt":
                problems.append(Problem(str(path), "", f"is not a .txt file (suffix {path.suffix or 'none'!r})"))
            else:
                files.append(path)
        else:
            problems.append(Problem(str(path), "", "no such file or folder"))
    seen: dict[str, Path] = {}
    for path in files:
        other = seen.setdefault(path.stem, path)
        if other != path:
            problems.append(
                Problem(str(path), "", f"has the same doc_id {path.stem!r} (file stem) as {other}; rename one of them")
            )
    if problems:
        raise InvalidInputError(problems)
    return files


def decode_article(path: Path, raw: bytes) -> str:
    """The article text of a file's bytes: UTF-8, line endings kept, a leading BOM dropped.

    >>> decode_article(Path("a.txt"), b"\\xef\\xbb\\xbfOne\\r\\nTwo")
    'One\\r\\nTwo'

    Raises:
        InvalidInputError: the bytes are not UTF-8 (the message gives the first bad byte and offset).
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            Problem(str(path), "", f"is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}")
        ) from None
    return text[1:] if text.startswith(_BOM) else text


def read_article(path: Path) -> Article:
    """One ``.txt`` file as an Article (``doc_id`` = stem)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(Problem(str(path), "", f"cannot be read: {exc.strerror}")) from None
    return Article(doc_id=path.stem, text=decode_article(path, raw))


def check_inputs(files: Iterable[Path]) -> None:
    """Read and decode every file once, collecting every problem before any output is written.

    Raises:
        InvalidInputError: with one problem per unreadable or non-UTF-8 file.
    """
    problems: list[Problem] = []
    for path in files:
        try:
            read_article(path)
        except InvalidInputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInputError(problems)


def iter_articles(files: Iterable[Path], advance: Callable[[int], None] | None = None) -> Iterator[Article]:
    """Stream the articles of ``files``; ``advance(1)`` is called as each one is handed on."""
    for path in files:
        article = read_article(path)
        yield article
        if advance is not None:
            advance(1)


def _write(out: TextIO, docs: Iterable[Any]) -> int:
    """Write one line per document (already checked by ``checked_extract``); returns the count."""
    n = 0
    for doc in docs:
        out.write(document_json(doc) + "\n")
        n += 1
    return n


def extract_files(
    name: str,
    inputs: Iterable[Path],
    out: Path | None,
    options: dict[str, Any] | None = None,
    console: Console | None = None,
) -> int:
    """Run extractor ``name`` on ``.txt`` files and folders; write JSON Lines to ``out`` or stdout.

    Args:
        name: a registered extractor (``newsbench list``).
        inputs: ``.txt`` files and folders of them.
        out: the JSON Lines file to write atomically; None writes to stdout.
        options: extractor options (``model``, ``workers``, ...); those it does not take are ignored.
        console: where the progress bar goes (stderr); None shows no progress.

    Returns:
        The number of documents written.

    Raises:
        UnknownExtractorError, ExtractorUnavailableError: the extractor cannot be used.
        InvalidInputError: a path or file is wrong; every such problem is listed, nothing is written.
    """
    extractor = create(name, **(options or {}))
    files = find_inputs(inputs)
    check_inputs(files)
    progress = _progress(console)
    with progress or nullcontext():
        advance = None
        if progress is not None:
            task = progress.add_task(f"extract ({name})", total=len(files))
            advance = lambda n: progress.advance(task, n)  # noqa: E731
        docs = checked_extract(extractor, iter_articles(files, advance))
        if out is None:
            n = _write(sys.stdout, docs)
            sys.stdout.flush()
        else:
            with atomic_writer(out) as fh:
                n = _write(fh, docs)
    if console is not None:
        where = str(out) if out is not None else "stdout"
        console.print(f"wrote {n} document(s) to {where}", markup=False)
    return n


def _progress(console: Console | None):
    if console is None:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )

"""Input articles: ``.txt`` files and folders of them, decoded exactly (UTF-8, line endings kept, a leading BOM dropped), every problem reported before any output.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from eval.data.files import LIMITS, check_regular_file, size_text
from eval.exceptions import InvalidInputError, Problem
from eval.registry import Article

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
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".txt" and not p.is_dir())
            if not found:
                problems.append(Problem(str(path), "", "folder contains no .txt files"))
            for item in found:  # a FIFO, a device or a dangling link among the articles is reported, never skipped in silence
                if item.is_file():
                    files.append(item)
                else:
                    problems.append(Problem(str(item), "", "is not a regular file (a FIFO, socket, device or dangling link); give .txt files"))
        elif path.is_file():
            if path.suffix.lower() != ".txt":
                problems.append(Problem(str(path), "", f"is not a .txt file (suffix {path.suffix or 'none'!r})"))
            else:
                files.append(path)
        elif path.exists():
            problems.append(Problem(str(path), "", "is not a regular file (a FIFO, socket or device); give .txt files"))
        else:
            problems.append(Problem(str(path), "", "no such file or folder"))
    seen: dict[str, Path] = {}
    for path in files:
        if not _decodable(path.stem):  # bytes the file system encoding cannot decode would make a doc_id no output can write
            shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            problems.append(Problem(shown, "", "the file name is not valid UTF-8, and the doc_id is the file's stem; rename the file"))
            continue
        other = seen.setdefault(path.stem, path)
        if other is path:
            continue
        if other.resolve() == path.resolve():  # given twice (or as a file and in its folder): two lines of one doc_id
            problems.append(Problem(str(path), "", f"is given more than once (also as {other}); give each article once"))
        else:
            problems.append(
                Problem(str(path), "", f"has the same doc_id {path.stem!r} (file stem) as {other}; rename one of them")
            )
    if problems:
        raise InvalidInputError(problems)
    return files


def _decodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
    """One ``.txt`` file as an Article (``doc_id`` = stem).

    Raises:
        InvalidInputError: not a regular file, larger than ``LIMITS.max_article_bytes``, unreadable or not UTF-8.
    """
    size = check_regular_file(path).st_size
    if size > LIMITS.max_article_bytes:
        raise InvalidInputError(Problem(
            str(path), "", f"is {size_text(size)}, over the limit of {size_text(LIMITS.max_article_bytes)} for one "
            "article (raise it with --max-article-mb)",
        ))
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

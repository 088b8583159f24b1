"""Files: reading text with clear errors, and writing atomically (a temporary file renamed into place), so a failed run leaves nothing half-written.
"""
from __future__ import annotations

import contextlib
import gc
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator, TextIO

from eval.exceptions import InvalidInputError, Problem


def unreadable_error(path: Path, exc: OSError) -> InvalidInputError:
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError):
        reason = "is a folder, not a file"
    else:
        reason = f"cannot be read: {exc.strerror}"
    return InvalidInputError(Problem(str(path), "", reason))


UTF8_BOM = b"\xef\xbb\xbf"


BOM_REASON = "starts with a UTF-8 byte order mark (BOM); save the file as UTF-8 without BOM"


def read_text(path: Path) -> str:
    """Read a UTF-8 file, naming the file and byte offset when it is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise unreadable_error(path, exc) from None
    if raw.startswith(UTF8_BOM):
        raise InvalidInputError(Problem(str(path), "", BOM_REASON))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            Problem(str(path), "", f"is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}")
        ) from None


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

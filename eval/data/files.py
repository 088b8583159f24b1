"""Files: reading text with clear errors, and writing atomically (a temporary file renamed into place), so a failed run leaves nothing half-written.
"""
from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from eval.exceptions import InvalidInputError, Problem


MB = 1024 * 1024


@dataclass
class Limits:
    """Sizes above which an input is refused before it is read whole (``--max-line-mb``, ``--max-article-mb``).

    A JSON Lines line costs several times its size once parsed, and an article several times its
    size once extracted, so one oversized input could exhaust the memory of the machine.
    """

    max_line_bytes: int = 64 * MB
    max_article_bytes: int = 10 * MB


LIMITS = Limits()


def size_text(n: int) -> str:
    """A size for a message.

    >>> size_text(104), size_text(3 * MB)
    ('104 bytes', '3.0 MB')
    """
    return f"{n:,} bytes" if n < MB else f"{n / MB:.1f} MB"


def unreadable_error(path: Path, exc: OSError) -> InvalidInputError:
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError):
        reason = "is a folder, not a file"
    else:
        reason = f"cannot be read: {exc.strerror}"
    return InvalidInputError(Problem(str(path), "", reason))


def check_regular_file(path: Path) -> os.stat_result:
    """The ``stat`` of ``path`` when it is a regular file (or a link to one).

    Opening a FIFO blocks until a writer appears, and a device can be endless, so both are refused
    before any ``open``.

    Raises:
        InvalidInputError: no such file, a folder, or not a regular file.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise unreadable_error(Path(path), exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise InvalidInputError(Problem(str(path), "", "is a folder, not a file"))
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInputError(Problem(str(path), "", "is not a regular file (a FIFO, socket or device); give a file"))
    return info


class JsonValueError(ValueError):
    """Text that is JSON syntax but not a value newsbench accepts (duplicate key, nesting, huge number)."""


MAX_INT_DIGITS = 4300  # Python's own limit on int <-> str conversion


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise JsonValueError(f"duplicate key {duplicate!r} in one object (JSON readers disagree on which value wins)")
    return obj


def json_object_keys(text: str | bytes) -> list[str] | None:
    """The keys of the JSON object ``text``, checked as :func:`loads_json` checks it, without building its values.

    None when ``text`` is not one JSON object or :func:`loads_json` would refuse it (it then says why).
    Reading a large document straight into the models, this check costs no copy of the document.

    >>> json_object_keys('{"a": {"b": 1}, "c": [2]}')
    ['a', 'c']
    >>> json_object_keys('{"a": 1, "a": 2}') is None
    True
    """
    last: list[list[str]] = []

    def keys_only(pairs: list[tuple[str, Any]]) -> None:
        _no_duplicate_keys(pairs)
        last[:] = [[k for k, _ in pairs]]  # the outermost object is the last to close

    try:
        value = json.loads(text, object_pairs_hook=keys_only)
    except (ValueError, RecursionError):  # JSONDecodeError, JsonValueError, too many digits
        return None
    return last[0] if value is None and last and text.lstrip()[:1] in ("{", b"{") else None


def loads_json(text: str) -> Any:
    """``json.loads`` that refuses what readers disagree on or cannot hold.

    >>> loads_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    eval.data.files.JsonValueError: duplicate key 'a' in one object (JSON readers disagree on which value wins)

    Raises:
        json.JSONDecodeError: not JSON.
        JsonValueError: a key twice in one object, nesting deeper than Python's parser allows, or
            an integer of more than 4,300 digits.
    """
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except RecursionError:
        raise JsonValueError("nested too deeply (arrays or objects more than about 1,000 levels deep)") from None
    except json.JSONDecodeError:
        raise
    except JsonValueError:
        raise
    except ValueError as exc:
        if "digits" in str(exc):
            raise JsonValueError(f"holds an integer of more than {MAX_INT_DIGITS} digits") from None
        raise JsonValueError(str(exc)) from None


UTF8_BOM = b"\xef\xbb\xbf"


BOM_REASON = "starts with a UTF-8 byte order mark (BOM); save the file as UTF-8 without BOM"


def read_text(path: Path) -> str:
    """Read a UTF-8 file, naming the file and byte offset when it is not UTF-8."""
    check_regular_file(path)
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


def make_folders(folder: Path) -> list[Path]:
    """``mkdir -p folder``; returns the folders it created, deepest first, for :func:`remove_folders`.

    Raises:
        OSError: a folder cannot be created.
    """
    missing = []
    folder = Path(folder)
    while not folder.exists() and not folder.is_symlink() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for item in reversed(missing):
        item.mkdir(exist_ok=True)
    return missing


def remove_folders(created: list[Path]) -> None:
    """Remove the folders :func:`make_folders` created, where still empty: a failed command leaves no new folder behind."""
    for item in created:
        try:
            item.rmdir()
        except OSError:  # not empty (another writer put a file there), or already gone
            return


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """Open ``path`` for writing text so that it appears complete or not at all.

    Raises:
        InvalidInputError: the folder cannot be created or written.
    """
    shown = Path(path)
    path = _through_links(shown)
    if path.is_dir():
        raise InvalidInputError(Problem(str(shown), "", "is a folder; give the path of a file to write"))
    created: list[Path] = []
    try:
        created = make_folders(path.parent)
        remove_stale(path.parent, f".{path.name}.pid*.tmp")
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{_owner_tag()}.", suffix=".tmp")
    except OSError as exc:
        remove_folders(created)
        raise write_error(shown, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        # mkstemp makes the file private (0600); give it the mode an ordinary open() would have
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        remove_folders(created)  # a failed write leaves no trace, not even the folders made for it
        # a full disk, a quota or a file size limit; an OSError naming another file is the caller's own
        if isinstance(exc, OSError) and exc.filename in (None, tmp, str(path)):
            raise write_error(shown, exc) from None
        raise


def _owner_tag() -> str:
    """The part of a temporary name that says which process writes it, so a later run can tell it is stale."""
    return f"pid{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def remove_stale(folder: Path, pattern: str) -> list[Path]:
    """Remove the temporary files and folders matching ``pattern`` in ``folder`` whose writing process is gone.

    A run killed outright (SIGKILL, power loss) cannot clean up after itself; its temporary names carry its
    process id (``pid1234``), so the next writer removes what no living process owns, and never what a
    concurrent run is still writing.

    >>> remove_stale(Path("/nonexistent"), ".x.pid*.tmp")
    []
    """
    removed = []
    for item in Path(folder).glob(pattern):
        digits = item.name.split("pid", 1)[-1].split(".", 1)[0].split("-", 1)[0]
        if not digits.isdigit() or _alive(int(digits)):
            continue
        with contextlib.suppress(OSError):
            shutil.rmtree(item) if item.is_dir() and not item.is_symlink() else item.unlink()
            removed.append(item)
    return removed


def write_error(path: Path, exc: OSError) -> InvalidInputError:
    """A failed write named by file and reason (``No space left on device``, ``File too large``, ...)."""
    return InvalidInputError(Problem(str(path), "", f"cannot be written: {exc.strerror or exc}"))


def _through_links(path: Path) -> Path:
    """The file a symbolic link points to, so that rewriting it keeps the link (``stats --readme`` on a link)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


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


@contextlib.contextmanager
def staged_folder(out: Path) -> Iterator[Path]:
    """A private copy of folder ``out`` to write a set of files into; on success its files replace those of ``out``.

    The stage is a hidden folder with a unique name inside ``out``, holding hard links to (or copies
    of) the files already in ``out``, so that writers can read the earlier files and everything is built
    before ``out`` is touched. A failure or an interruption removes the stage and leaves ``out``
    exactly as it was; on success each file moves in with an atomic rename.

    Raises:
        InvalidInputError: ``out`` is a file, or the stage cannot be made.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InvalidInputError(Problem(str(out), "", "is a file; give a folder for the results"))
    created: list[Path] = []
    lock = None
    try:
        created = make_folders(out)
        lock = _lock_folder(out)  # a second writer of the same folder waits: each set is built from the other's whole set
        # inside ``out``, hidden: always on the same file system (``out`` may be a mount point), so the moves are renames
        remove_stale(out, ".stage-pid*")
        stage = Path(tempfile.mkdtemp(dir=out, prefix=f".stage-{_owner_tag()}-"))
    except BaseException as exc:
        if lock is not None:
            os.close(lock)
        remove_folders(created)
        if isinstance(exc, OSError):
            raise write_error(out, exc) from None
        raise
    done = False
    try:
        copied = set()
        try:
            for item in out.iterdir():
                if item.is_file() and not item.is_symlink() and not item.name.startswith("."):
                    _link_or_copy(item, stage / item.name)
                    copied.add(item.name)
        except OSError as exc:
            raise write_error(out, exc) from None
        try:
            yield stage
        except InvalidInputError as exc:  # name the files as the user knows them: out/x, not out/.stage-pid1-abc/x
            raise InvalidInputError([Problem(_unstaged(p.file, stage, out), p.path, p.reason) for p in exc.problems]) from None
        try:
            kept = set()
            for item in sorted(stage.iterdir()):
                os.replace(item, out / item.name)
                kept.add(item.name)
            for name in copied - kept:  # removed from the set on purpose (a report that is out of date)
                (out / name).unlink(missing_ok=True)
        except OSError as exc:
            raise write_error(out, exc) from None
        done = True
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        if not done:  # a failed or interrupted command: the folders it made for its results go too
            remove_folders(created)
        os.close(lock)  # releases the lock


#: Called with the folder when another process holds its lock (the CLI says that it waits); None: wait silently.
ON_LOCK_WAIT: Callable[[Path], None] | None = None


def _lock_folder(folder: Path) -> int:
    """An exclusive lock on ``folder`` itself (no lock file is left behind), held until the returned descriptor is closed.

    Two runs into one results folder at once each copied the old set, and the second to finish replaced the
    first one's leaderboard with one that did not know of its results: the set no longer described itself.
    """
    while True:
        fd = os.open(folder, os.O_RDONLY)
        if fcntl is None:  # no advisory locks here (Windows): as before, the last writer wins
            return fd
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if ON_LOCK_WAIT is not None:
                    ON_LOCK_WAIT(folder)
                fcntl.flock(fd, fcntl.LOCK_EX)  # Ctrl-C interrupts the wait
            if os.path.samestat(os.fstat(fd), os.stat(folder)):
                return fd
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            raise
        # the writer we waited for failed and removed the folder it had made: make it again and lock that one
        os.close(fd)
        make_folders(folder)


def _unstaged(file: str, stage: Path, out: Path) -> str:
    """A file label inside the stage, as the file of ``out`` it stands for.

    >>> _unstaged("res/.stage-pid1-x/a.json:3", Path("res/.stage-pid1-x"), Path("res"))
    'res/a.json:3'
    """
    prefix = str(stage)
    return str(out) + file[len(prefix):] if file.startswith(prefix + os.sep) else file


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def refuse_output(
    out: Path,
    *,
    folder: bool = False,
    inputs: Iterable[Path] = (),
    protected: Iterable[tuple[str, Path | None]] = (),
) -> None:
    """Refuse an output path that would destroy an input, before anything is read or written.

    Args:
        out: the file (or, with ``folder``, the folder) the command will write.
        inputs: files and folders the command reads; ``out`` may be none of them (nor, for a
            folder, hold one of them).
        protected: ``(label, path)`` of folders nothing may be written into (the gold).

    Raises:
        InvalidInputError: ``out`` is a folder where a file is meant (or the reverse), an input,
            or inside a protected folder.
    """
    out = Path(out)
    if folder and out.exists() and not out.is_dir():
        raise InvalidInputError(Problem(str(out), "", "is a file; give a folder to write the results in"))
    if not folder and out.is_dir():
        raise InvalidInputError(Problem(str(out), "", "is a folder; give the path of a file to write"))
    target = out.resolve()
    for source in inputs:
        source = Path(source)
        if source.exists() and target == source.resolve():
            raise InvalidInputError(Problem(str(out), "", f"is the input {source}; writing it would destroy the input"))
    for label, path in protected:
        if path is None or not Path(path).exists():
            continue
        guarded = Path(path).resolve()
        if target == guarded or target.is_relative_to(guarded) or (folder and guarded.is_relative_to(target)):
            raise InvalidInputError(Problem(str(out), "", f"would write into {label} ({path}); choose another output path"))

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

import contextlib
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rich.console import Console

from eval.data.files import atomic_writer
from eval.data.parsing import write_lines
from eval.exceptions import InvalidInputError, Problem
from eval.extraction.inputs import check_inputs, find_inputs, iter_articles
from eval.registry import Article, checked_extract, create


def _write_stdout(docs: Iterable[Any]) -> int:
    try:
        n = write_lines(sys.stdout, docs)
        sys.stdout.flush()
    except OSError as exc:  # a full disk behind a redirection, a closed pipe
        with contextlib.suppress(OSError):  # so that the interpreter's own final flush does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise InvalidInputError(Problem("stdout", "", f"cannot be written: {exc.strerror or exc}")) from None
    return n


def extract_files(
    name: str,
    inputs: Iterable[Path],
    out: Path | None,
    options: dict[str, Any] | None = None,
    console: Console | None = None,
    engine: Callable[[str, Any, Iterable[Article]], Iterator[Any]] | None = None,
) -> int:
    """Run extractor ``name`` on ``.txt`` files and folders; write JSON Lines to ``out`` or stdout.

    Args:
        name: a registered extractor (``newsbench list``).
        inputs: ``.txt`` files and folders of them.
        out: the JSON Lines file to write atomically; None writes to stdout.
        options: extractor options (``model``, ``workers``, ...); those it does not take are ignored.
        console: where the progress bar goes (stderr); None shows no progress.
        engine: ``engine(name, None, articles)`` gives the checked documents elsewhere (Ray:
            :func:`eval.extraction.ray_engine.extract_files_ray`); by default the extractor runs here.

    Returns:
        The number of documents written.

    Raises:
        UnknownExtractorError, ExtractorUnavailableError: the extractor cannot be used.
        InvalidInputError: a path or file is wrong; every such problem is listed, nothing is written.
    """
    extractor = create(name, **(options or {})) if engine is None else None
    files = find_inputs(inputs)
    check_inputs(files)
    progress = _progress(console)
    with progress or nullcontext():
        advance = None
        if progress is not None:
            task = progress.add_task(f"extract ({name})", total=len(files))
            advance = lambda n: progress.advance(task, n)  # noqa: E731
        articles = iter_articles(files, advance)
        docs = checked_extract(extractor, articles) if extractor is not None else engine(name, None, articles)
        if out is None:
            n = _write_stdout(docs)
        else:
            with atomic_writer(out) as fh:
                n = write_lines(fh, docs)
    if console is not None:
        where = str(out) if out is not None else "stdout"
        console.print(f"wrote {n} document(s) to {where}", markup=False)
    return n


def _progress(console: Console | None):
    if console is None:
        return None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )

"""Markdown: the one table builder, and generated blocks inside hand-written Markdown files.

A block is the text between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``; commands rewrite it
(README statistics, leaderboard, agreement figures in the guidelines) so that no figure is typed by hand,
and tests compare the block with what the command would write.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from eval.data.files import read_text, write_text
from eval.exceptions import InvalidInputError, Problem


def markers(name: str) -> tuple[str, str]:
    """The start and end markers of block ``name``.

    >>> markers("stats")
    ('<!-- stats:start -->', '<!-- stats:end -->')
    """
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def replace_block(text: str, name: str, content: str, file: str = "README.md") -> str:
    """``text`` with block ``name`` replaced by ``content``.

    Raises:
        InvalidInputError: the markers are missing, repeated or out of order.
    """
    start, end = markers(name)
    starts, ends = text.count(start), text.count(end)
    if starts != 1 or ends != 1 or text.index(start) > text.index(end):
        raise InvalidInputError(
            Problem(file, "", f"needs exactly one {start} followed by one {end} (found {starts} and {ends})")
        )
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{content}{end}{tail}"


def read_block(text: str, name: str, file: str = "README.md") -> str:
    """The current content of block ``name``."""
    replace_block(text, name, "", file)  # same marker checks
    start, end = markers(name)
    return text.split(start, 1)[1].split(end, 1)[0].removeprefix("\n")


def update_block(path: Path, name: str, content: str) -> bool:
    """Rewrite block ``name`` of the file at ``path`` atomically; True when the file changed."""
    old = read_text(Path(path))
    new = replace_block(old, name, content, str(path))
    if new != old:
        write_text(Path(path), new)
    return new != old


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]], *, left: int = 1) -> str:
    """A Markdown table: the first ``left`` columns aligned left (labels), the others right (figures).

    >>> print(markdown_table(["extractor", "F1"], [["rules", "0.668"]]), end="")
    | extractor | F1 |
    | --- | ---: |
    | rules | 0.668 |
    """
    rule = ["---" if i < left else "---:" for i in range(len(header))]
    lines = [header, rule, *rows]
    return "".join("| " + " | ".join(cells) + " |\n" for cells in lines)

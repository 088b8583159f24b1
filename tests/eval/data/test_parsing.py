"""Reading documents with located problems, streaming JSON Lines, and writing nothing half-way."""
from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from eval.data.files import atomic_writer, bulk_allocation
from eval.data.json_schema import json_path
from eval.data.parsing import iter_parsed, parse
from eval.exceptions import InvalidInputError
from tests.conftest import DATA

VALID = DATA / "bad" / "valid.jsonl"


@pytest.mark.parametrize(
    ("loc", "expected"),
    [(("quotes", 3, "content", "end"), "quotes[3].content.end"), ((), ""), (("text",), "text"), ((0,), "[0]")],
)
def test_json_path(loc: tuple, expected: str) -> None:
    assert json_path(loc) == expected


def test_jsonl_is_streamed_line_by_line(tmp_path: Path) -> None:
    """A bad line does not stop the lines after it; blank lines are skipped; labels name the line."""
    lines = VALID.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "p.jsonl"
    path.write_text(f"{lines[0]}\n\n{{oops\n{lines[1]}\n", encoding="utf-8")
    parsed = list(iter_parsed(path))
    assert [(p.label.rsplit(":", 1)[1], p.document is not None) for p in parsed] == [("1", True), ("3", False), ("4", True)]


@pytest.mark.parametrize("value", ["5", False, True, 5.0])
def test_non_integer_offsets_are_refused_with_and_without_the_json_schema(value: object) -> None:
    """``score`` (models only) is as strict as ``validate`` (JSON Schema first): "5" or false is no offset."""
    doc = json.loads(VALID.read_text(encoding="utf-8").splitlines()[1])
    doc["actors"][0]["mentions"][0]["start"] = value
    quick, full = parse(doc, "f"), parse(doc, "f", full=True)
    assert ([str(p) for p in quick.problems] == [str(p) for p in full.problems],
            [p.path for p in full.problems]) == (True, ["actors[0].mentions[0].start"])


def test_bulk_allocation_restores_the_collector() -> None:
    with bulk_allocation():
        inside = gc.isenabled()
    assert (inside, gc.isenabled()) == (False, True)


def test_atomic_writer_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out" / "result.json"
    with pytest.raises(RuntimeError, match="boom"):
        with atomic_writer(target) as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert not (tmp_path / "out").exists()  # not even the folder made for it


def test_atomic_writer_names_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"file/sub/r\.json: cannot be written: Not a directory"):
        with atomic_writer(blocker / "sub" / "r.json"):
            pass


def test_atomic_writes_get_ordinary_file_permissions(tmp_path: Path) -> None:
    """Results and predictions are shared files: not private like mkstemp's temporary file."""
    import os

    from eval.data.files import write_text

    mask = os.umask(0o022)
    try:
        write_text(tmp_path / "out.txt", "x")
    finally:
        os.umask(mask)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644

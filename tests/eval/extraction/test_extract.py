"""``newsbench extract`` through the real CLI (typer's CliRunner): inputs, outputs and bad input."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eval.cli import app
from eval.exceptions import InvalidInputError
from eval.extraction.inputs import decode_article, find_inputs
from tests.conftest import DATA

ARTICLES = DATA / "articles"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with the invented articles, one of them in a subfolder, plus a file that is not .txt."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    for path in ARTICLES.glob("*.txt"):
        target = root / "sub" if path.stem == "kenya_floods" else root
        shutil.copy(path, target / path.name)
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return root


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_folder_to_stdout_streams_every_txt_file_sorted(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["extract", "--extractor", "rules", str(corpus)])
    assert result.exit_code == 0, result.output
    assert [d["doc_id"] for d in lines(result.stdout)] == ["andes_water", "empty", "hamburg_strike", "kenya_floods"]


def test_out_file_passes_validate(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred" / "rules.jsonl"
    result = runner.invoke(app, ["extract", "-e", "rules", "--out", str(out), str(corpus)])
    assert (result.exit_code, result.stdout) == (0, ""), result.output
    assert "wrote 4 document(s)" in result.stderr
    check = runner.invoke(app, ["validate", str(out)])
    assert check.exit_code == 0, check.output


def test_text_is_the_file_exactly(runner: CliRunner, corpus: Path) -> None:
    """CRLF stays, non-ASCII stays, an empty file gives an empty document."""
    result = runner.invoke(app, ["extract", "-e", "rules", str(corpus / "sub" / "kenya_floods.txt"),
                                 str(corpus / "empty.txt")])
    kenya, empty = lines(result.stdout)
    assert kenya["text"] == (ARTICLES / "kenya_floods.txt").read_bytes().decode("utf-8")
    assert "\r\n" in kenya["text"]
    assert (empty["text"], empty["actors"], empty["quotes"], empty["events"]) == ("", [], [], [])


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    assert decode_article(tmp_path / "a.txt", "\ufeffMs. Ode said so.\r\n".encode()) == "Ms. Ode said so.\r\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file or folder"),
        (lambda d: (d / "a.json").write_text("{}") and d / "a.json", r"a.json: is not a .txt file"),
        (lambda d: (d / "empty_dir").mkdir() or d / "empty_dir", "empty_dir: folder contains no .txt files"),
        (lambda d: (d / "latin1.txt").write_bytes(b"caf\xe9") and d / "latin1.txt",
         r"latin1.txt: is not valid UTF-8: byte 0xe9 at byte offset 3"),
    ],
    ids=["missing", "not-txt", "empty-folder", "not-utf8"],
)
def test_bad_input_is_one_clear_line_and_no_output(runner: CliRunner, tmp_path: Path, make, message: str) -> None:
    bad = make(tmp_path)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", "-e", "rules", "--out", str(out), str(bad)])
    assert (result.exit_code, message in result.stderr, out.exists()) == (1, True, False), result.output
    assert result.stderr.startswith("error: ") and "Traceback" not in result.output


def test_every_bad_file_is_reported_together(runner: CliRunner, corpus: Path) -> None:
    (corpus / "bad1.txt").write_bytes(b"\xff")
    (corpus / "sub" / "bad2.txt").write_bytes(b"ok \xfe")
    result = runner.invoke(app, ["extract", "-e", "rules", str(corpus)])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert (result.exit_code, len(errors), result.stdout) == (1, 2, "")


def test_duplicate_stems_are_an_error(corpus: Path) -> None:
    shutil.copy(corpus / "andes_water.txt", corpus / "sub" / "andes_water.txt")
    with pytest.raises(InvalidInputError, match=r"same doc_id 'andes_water'"):
        find_inputs([corpus])


@pytest.mark.parametrize("given", [["andes_water.txt", "andes_water.txt"], [".", "andes_water.txt"]], ids=["file twice", "file and its folder"])
def test_an_article_given_twice_is_an_error(corpus: Path, given: list[str]) -> None:
    """It was extracted twice, into an output that validate then refused (two lines of one doc_id)."""
    with pytest.raises(InvalidInputError, match=r"andes_water.txt: is given more than once \(also as .*andes_water.txt\)"):
        find_inputs([corpus / g for g in given])


def test_unknown_extractor_lists_the_valid_ones(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["extract", "-e", "nope", str(corpus)])
    assert result.exit_code == 1
    assert "error: Unknown extractor 'nope'. Available: " in result.stderr and "rules" in result.stderr

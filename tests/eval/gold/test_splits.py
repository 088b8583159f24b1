"""The shipped gold by split: the test gold and the two halves of the invented development set."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eval.cli import app
from eval.exceptions import InvalidInputError
from eval.gold.load import describe_source, load_gold
from eval.paths import split_gold_dir


@pytest.mark.parametrize(("split", "at_least"), [("test", 3), ("dev", 7), ("devtest", 7)])
def test_each_split_loads_and_is_recorded_by_name(split: str, at_least: int) -> None:
    folder = split_gold_dir(split)
    expected = "shipped" if split == "test" else f"shipped {split}"
    assert (len(load_gold(folder).documents) >= at_least, describe_source(str(folder))) == (True, expected)


def test_the_halves_share_no_document_with_each_other_or_the_test_gold() -> None:
    ids = [{d.doc_id for d in load_gold(split_gold_dir(s)).documents} for s in ("test", "dev", "devtest")]
    assert (ids[0] & ids[1], ids[0] & ids[2], ids[1] & ids[2]) == (set(), set(), set())


def test_an_unknown_split_names_the_valid_ones() -> None:
    with pytest.raises(InvalidInputError, match="valid: test, dev, devtest"):
        split_gold_dir("train")


def test_run_on_the_dev_split_records_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", "--split", "dev", "-e", "rules.v1", "--out", str(tmp_path / "out")])
    saved = json.loads((tmp_path / "out" / "rules.v1.json").read_text(encoding="utf-8"))
    n_dev = len(list(split_gold_dir("dev").glob("*.json")))
    assert (result.exit_code, saved["gold_source"], saved["n_docs"]) == (0, "shipped dev", n_dev)


def test_gold_and_split_together_are_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", "--split", "dev", "--gold", "gold", "--out", str(tmp_path / "out")])
    assert (result.exit_code, "give one of them" in result.output, (tmp_path / "out").exists()) == (1, True, False)


def test_a_run_beside_development_results_writes_the_generalisation_table(tmp_path: Path) -> None:
    out = tmp_path / "results"
    first = CliRunner().invoke(app, ["run", "--split", "dev", "-e", "rules.v1", "--out", str(out / "dev")])
    second = CliRunner().invoke(app, ["run", "-e", "rules.v1", "--out", str(out)])
    table = (out / "leaderboard.md").read_text(encoding="utf-8")
    assert (first.exit_code, second.exit_code, "| rules.v1 | dev |" in table) == (0, 0, True)

"""``newsbench compare``: paired tests between the extractors of a results folder, in Python and through the CLI."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eval.cli import app
from eval.exceptions import InvalidInputError, NewsbenchError
from eval.gold.load import load_gold
from eval.reporting.compare import SCOPES, compare_results, gold_item_records
from eval.schema import Document
from eval.scoring.pairing import read_predictions
from eval.scoring.scorer import score, score_pair

TEXT = "Ana met Bo in Rome. Ana said hi."


def _document(doc_id: str) -> Document:
    """A small invented document with two actors, a location, a quote and an event."""
    return Document(
        doc_id=doc_id, text=TEXT,
        actors=[{"id": "a1", "name": "Ana", "type": "PER", "mentions": [{"start": 0, "end": 3, "text": "Ana"}, {"start": 20, "end": 23, "text": "Ana"}]},
                {"id": "a2", "name": "Bo", "type": "PER", "mentions": [{"start": 8, "end": 10, "text": "Bo"}]}],
        locations=[{"id": "l1", "name": "Rome", "type": "GPE", "mentions": [{"start": 14, "end": 18, "text": "Rome"}]}],
        quotes=[{"id": "q1", "content": {"start": 29, "end": 31, "text": "hi"}, "speaker": "a1", "kind": "indirect"}],
        events=[{"id": "e1", "type": "MEET", "trigger": {"start": 4, "end": 7, "text": "met"},
                 "arguments": [{"role": "participant", "ref": "a1"}, {"role": "participant", "ref": "a2"}]}],
    )


def _without(doc: Document, category: str, item_id: str) -> Document:
    """``doc`` without one item (and without the quotes and arguments that use it, when it is an actor)."""
    data = doc.model_dump(mode="json", exclude_none=True)
    data[category] = [item for item in data[category] if item["id"] != item_id]
    data["quotes"] = [q for q in data["quotes"] if q.get("speaker") != item_id]
    for event in data["events"]:
        event["arguments"] = [a for a in event["arguments"] if a["ref"] != item_id]
    return Document.model_validate(data)


def _write_jsonl(path: Path, docs: list[Document]) -> None:
    path.write_text("".join(d.model_dump_json(exclude_none=True) + "\n" for d in docs), encoding="utf-8")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for i in range(3):
        (folder / f"d{i}.json").write_text(_document(f"d{i}").model_dump_json(exclude_none=True), encoding="utf-8")
    return folder


@pytest.fixture
def results(tmp_path: Path, gold_dir: Path) -> Path:
    """Two extractors: ``perfect`` gives the gold back; ``nobo`` misses actor Bo (and so an argument) everywhere."""
    out = tmp_path / "results"
    out.mkdir()
    docs = load_gold(gold_dir).documents
    _write_jsonl(out / "perfect.predictions.jsonl", list(docs))
    _write_jsonl(out / "nobo.predictions.jsonl", [_without(d, "actors", "a2") for d in docs])
    return out


def test_each_pair_gets_each_scope_with_the_scorers_f1(results: Path, gold_dir: Path) -> None:
    comparison = compare_results(results, gold_dir, n_boot=200, rounds=500)
    gold = load_gold(gold_dir)
    cards = {n: score(read_predictions(results / f"{n}.predictions.jsonl", gold).pairs, n_boot=0) for n in ("perfect", "nobo")}
    [pair] = comparison.pairs
    got = {d.scope: (d.f1_a, d.f1_b) for d in pair.differences}
    assert ((pair.a, pair.b), comparison.unit, got) == (
        ("perfect", "nobo"), "annotation",
        {s: (cards["perfect"].scores[s]["f1"], cards["nobo"].scores[s]["f1"]) for s in SCOPES},
    )


def test_identical_categories_are_not_significant_and_the_caveat_is_stated(results: Path, gold_dir: Path) -> None:
    comparison = compare_results(results, gold_dir, n_boot=200, rounds=500)
    locations = comparison.pairs[0].scope("locations")
    assert ((locations.difference, locations.p_bootstrap, locations.p_randomisation, locations.significant),
            "correlated" in (comparison.caveat or "")) == ((0.0, 1.0, 1.0, False), True)


def test_the_seed_makes_the_comparison_reproducible(results: Path, gold_dir: Path) -> None:
    first = compare_results(results, gold_dir, n_boot=100, rounds=100, seed=3)
    assert (first == compare_results(results, gold_dir, n_boot=100, rounds=100, seed=3),
            first == compare_results(results, gold_dir, n_boot=100, rounds=100, seed=4)) == (True, False)


def test_the_order_of_the_predictions_never_matters(results: Path, gold_dir: Path) -> None:
    before = compare_results(results, gold_dir, n_boot=100, rounds=100)
    path = results / "nobo.predictions.jsonl"
    path.write_text("".join(reversed(path.read_text(encoding="utf-8").splitlines(keepends=True))), encoding="utf-8")
    assert compare_results(results, gold_dir, n_boot=100, rounds=100) == before


def test_records_are_paired_by_gold_item_not_by_position() -> None:
    """Missing Ana or missing Bo: the record of each gold actor must sit on that actor, whichever is missed."""
    gold = _document("d")
    by_item = {}
    for missing in ("a1", "a2"):
        pred = _without(gold, "actors", missing)
        records = gold_item_records(gold, score_pair(gold, pred, collect_errors=True), "actors")
        by_item[missing] = {key[2]: value for key, value in records.items()}
    assert by_item == {"a1": {0: (0, 1, 0), 1: (1, 1, 1)}, "a2": {0: (1, 1, 1), 1: (0, 1, 0)}}


def test_from_ten_documents_on_documents_are_the_units(tmp_path: Path) -> None:
    gold_dir, out = tmp_path / "gold", tmp_path / "results"
    gold_dir.mkdir()
    out.mkdir()
    docs = [_document(f"d{i:02d}") for i in range(10)]
    for d in docs:
        (gold_dir / f"{d.doc_id}.json").write_text(d.model_dump_json(exclude_none=True), encoding="utf-8")
    _write_jsonl(out / "a.predictions.jsonl", docs)
    _write_jsonl(out / "b.predictions.jsonl", [_without(d, "actors", "a2") if i % 2 else d for i, d in enumerate(docs)])
    comparison = compare_results(out, gold_dir, n_boot=100, rounds=100)
    assert (comparison.unit, comparison.caveat, comparison.pairs[0].a) == ("document", None, "a")


def test_fewer_than_two_extractors_is_an_answer_not_an_error(results: Path, gold_dir: Path) -> None:
    (results / "nobo.predictions.jsonl").unlink()
    comparison = compare_results(results, gold_dir)
    assert (comparison.pairs, comparison.notes) == (
        [], [f"fewer than two extractors have a <name>.predictions.jsonl file in {results} (found: perfect)"],
    )


def test_a_prediction_of_another_document_is_refused_with_its_file(results: Path, gold_dir: Path) -> None:
    path = results / "nobo.predictions.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace('"doc_id":"d1"', '"doc_id":"zz"'), encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"nobo\.predictions\.jsonl:2: doc_id: 'zz' is not a gold document"):
        compare_results(results, gold_dir)


def test_a_missing_folder_and_no_rounds_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="results folder not found"):
        compare_results(tmp_path / "nowhere")
    with pytest.raises(NewsbenchError, match=r"--n-boot 0: must be from 1 to 100,000"):
        compare_results(tmp_path, n_boot=0, rounds=10)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_cli_json_holds_every_pair_and_the_verdict(runner: CliRunner, results: Path, gold_dir: Path) -> None:
    run = runner.invoke(app, ["compare", "--results", str(results), "--gold", str(gold_dir), "--json", "--n-boot", "200", "--seed", "1"])
    data = json.loads(run.stdout)
    assert (run.exit_code, data["extractors"], [d["scope"] for d in data["pairs"][0]["differences"]], data["seed"],
            data["verdict"].startswith("Significant at 0.05: perfect above nobo in")) == (
        0, ["nobo", "perfect"], list(SCOPES), 1, True,
    )


def test_cli_table_says_when_no_difference_is_significant(runner: CliRunner, results: Path, gold_dir: Path) -> None:
    shutil.copy(results / "perfect.predictions.jsonl", results / "twin.predictions.jsonl")
    (results / "nobo.predictions.jsonl").unlink()
    run = runner.invoke(app, ["compare", "--results", str(results), "--gold", str(gold_dir), "--rounds", "200"])
    assert (run.exit_code, "perfect" in run.stdout, "None of the differences is significant at 0.05." in run.stdout) == (0, True, True)


def test_cli_bad_input_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    run = runner.invoke(app, ["compare", "--results", str(tmp_path / "nowhere")])
    assert (run.exit_code, run.stderr.strip()) == (1, f"error: {tmp_path / 'nowhere'}: results folder not found; run `newsbench run` first")


def test_the_gold_is_recorded_by_what_it_is_never_by_an_absolute_path(results: Path, gold_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(gold_dir.parent)
    comparison = compare_results(results, gold_dir, n_boot=10, rounds=10)
    assert comparison.gold_source == "gold"

"""Leaderboard table, formats, intervals, LLM usage, not-run rows and the README block."""
from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from eval.exceptions import NewsbenchError
from eval.reporting.leaderboard import (
    FORMATS,
    leaderboard_frame,
    load_frame,
    render,
    update_readme,
    write_leaderboard,
)
from eval.reporting.results import load_not_run, load_results


@pytest.fixture
def results_dir(data_dir: Path) -> Path:
    """Saved results: a real rules run with intervals, a fake LLM run with usage, one not-run record."""
    return data_dir / "results"


@pytest.fixture
def results_copy(results_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "results"
    shutil.copytree(results_dir, out, ignore=shutil.ignore_patterns("expected"))
    return out


def test_markdown_matches_golden_file(results_dir: Path) -> None:
    expected = (results_dir / "expected" / "leaderboard.md").read_text(encoding="utf-8")
    assert render(load_frame(results_dir), "md") == expected


def test_rows_carry_intervals_usage_and_reasons(results_dir: Path) -> None:
    frame = load_frame(results_dir).set_index("extractor")
    rules = json.loads((results_dir / "rules.json").read_text(encoding="utf-8"))
    got = {
        "order": list(frame.index),
        "actors_f1_ci": [frame.loc["rules", "actors_f1_ci_low"], frame.loc["rules", "actors_f1_ci_high"]],
        "toy_ci_missing": math.isnan(frame.loc["toyllm", "actors_f1_ci_low"]),
        "toy_tokens": frame.loc["toyllm", "total_tokens"],
        "toy_cost": frame.loc["toyllm", "cost"],
        "llm": (frame.loc["llm", "status"], frame.loc["llm", "reason"]),
    }
    assert got == {
        "order": ["rules", "toyllm", "llm"],
        "actors_f1_ci": rules["scores"]["actors"]["ci"]["f1"],
        "toy_ci_missing": True,
        "toy_tokens": 1545,
        "toy_cost": 0.0021,
        "llm": ("not run", "no OpenAI-compatible server reachable"),
    }


def test_input_order_never_changes_the_table(results_dir: Path) -> None:
    results, not_run = load_results(results_dir), load_not_run(results_dir)
    forward = leaderboard_frame(results, not_run)
    backward = leaderboard_frame(results[::-1], not_run[::-1])
    pd.testing.assert_frame_equal(forward, backward)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_holds_every_extractor(results_dir: Path, fmt: str) -> None:
    text = render(load_frame(results_dir), fmt)
    assert [name for name in ("rules", "toyllm", "llm") if name in text] == ["rules", "toyllm", "llm"]


def test_csv_and_json_round_trip(results_dir: Path, tmp_path: Path) -> None:
    frame = load_frame(results_dir)
    (tmp_path / "l.csv").write_text(render(frame, "csv"), encoding="utf-8")
    from_csv = pd.read_csv(tmp_path / "l.csv")
    from_json = pd.DataFrame(json.loads(render(frame, "json")))
    assert (list(from_csv.columns), from_csv["overall_f1"].round(4).tolist()[:2], from_json["extractor"].tolist()) == (
        list(frame.columns),
        frame["overall_f1"].round(4).tolist()[:2],
        ["rules", "toyllm", "llm"],
    )


def test_unknown_format_names_the_valid_ones(results_dir: Path) -> None:
    with pytest.raises(NewsbenchError, match=r"Unknown format 'xml'\. Available: md, csv, json"):
        render(load_frame(results_dir), "xml")


def test_write_leaderboard_writes_md_and_csv_and_results_still_load(results_copy: Path) -> None:
    write_leaderboard(results_copy)
    names = sorted(p.name for p in results_copy.glob("leaderboard.*"))
    assert (names, len(load_results(results_copy))) == (["leaderboard.csv", "leaderboard.md"], 2)


def test_readme_block_embeds_table_and_chart(results_copy: Path, tmp_path: Path) -> None:
    (results_copy / "leaderboard.png").write_bytes(b"png")
    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n## Leaderboard\n<!-- leaderboard:start -->\nold\n<!-- leaderboard:end -->\nafter\n", encoding="utf-8")
    assert update_readme(readme, results_copy) is True
    text = readme.read_text(encoding="utf-8")
    assert ("\nold\n" not in text, "| rules | 0.666" in text, "](results/leaderboard.png)" in text, text.endswith("after\n")) == (
        True, True, True, True,
    )
    assert update_readme(readme, results_copy) is False


def test_csv_holds_per_type_f1_and_both_signs_of_each_difference(results_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "l.csv").write_text(render(load_frame(results_dir), "csv"), encoding="utf-8")
    table = pd.read_csv(tmp_path / "l.csv").set_index("extractor")
    toy = json.loads((results_dir / "toyllm.json").read_text(encoding="utf-8"))["breakdowns"]
    got = {
        "toy_PER": table.loc["toyllm", "actors_PER_f1"],
        "toy_role": table.loc["toyllm", "events_role_agent_f1"],
        "toy_macro": table.loc["toyllm", "quotes_macro_f1"],
        "rules_PER_missing": math.isnan(table.loc["rules", "actors_PER_f1"]),
        "signs": table.loc["rules", "diff_vs_toyllm_overall_f1"] == -table.loc["toyllm", "diff_vs_rules_overall_f1"],
        "significant": bool(table.loc["rules", "diff_vs_toyllm_quotes_significant"]),
    }
    assert got == {
        "toy_PER": round(toy["actors"]["by_type"]["PER"]["f1"], 4),
        "toy_role": round(toy["events"]["by_role"]["agent"]["f1"], 4),
        "toy_macro": round(toy["quotes"]["macro"]["f1"], 4),
        "rules_PER_missing": True,
        "signs": True,
        "significant": True,
    }


def test_json_nests_breakdowns_and_differences(results_dir: Path) -> None:
    records = {r["extractor"]: r for r in json.loads(render(load_frame(results_dir), "json"))}
    toy = json.loads((results_dir / "toyllm.json").read_text(encoding="utf-8"))["breakdowns"]
    rules_vs_toy = records["rules"]["differences"]["toyllm"]
    assert (
        records["toyllm"]["breakdowns"] == toy,
        records["rules"]["breakdowns"],
        records["llm"]["differences"],
        sorted(rules_vs_toy),
        rules_vs_toy["actors"]["f1"] == -records["toyllm"]["differences"]["rules"]["actors"]["f1"],
        any(k.startswith(("diff_vs_", "actors_PER")) for k in records["rules"]),
    ) == (True, None, None, sorted(["overall", "actors", "locations", "quotes", "events"]), True, False)


def test_without_predictions_the_differences_say_so(results_copy: Path) -> None:
    for path in results_copy.glob("*.predictions.jsonl"):
        path.unlink()
    text = render(load_frame(results_copy), "md")
    assert text.endswith(
        f"Differences between extractors (paired tests): fewer than two extractors have a <name>.predictions.jsonl file "
        f"in {results_copy} (found: none).\n"
    )


def test_predictions_that_do_not_pair_leave_the_leaderboard_standing(results_copy: Path) -> None:
    path = results_copy / "toyllm.predictions.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace("NATO", "OTAN", 1), encoding="utf-8")
    text = render(load_frame(results_copy), "md")
    assert ("| rules | 0.666" in text, "Differences between extractors (paired tests): not computed: " in text,
            "toyllm.predictions.jsonl:1: actors[1].mentions[0]: span text 'NATO' differs from text[0:4] = 'OTAN'" in text) == (
        True, True, True,
    )


def test_results_without_breakdowns_show_no_per_type_tables(results_copy: Path) -> None:
    path = results_copy / "toyllm.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["breakdowns"]
    path.write_text(json.dumps(data), encoding="utf-8")
    frame = load_frame(results_copy)
    assert ("Per type" in render(frame, "md"), [c for c in frame.columns if c.startswith("actors_PER")]) == (False, [])


def test_differences_are_those_newsbench_compare_prints(results_dir: Path) -> None:
    from eval.reporting.compare import compare_results

    assert load_frame(results_dir).attrs["comparison"] == compare_results(results_dir)


def test_failed_documents_are_shown_in_every_format(results_copy: Path) -> None:
    """An LLM row whose requests failed for some documents says so: md column and line, csv column."""
    path = results_copy / "toyllm.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["usage"] |= {"failures": 2, "failed_docs": ["alpha", "beta"]}
    path.write_text(json.dumps(data), encoding="utf-8")
    frame = load_frame(results_copy)
    md, csv = render(frame, "md"), render(frame, "csv")
    row = pd.read_csv(pd.io.common.StringIO(csv)).set_index("extractor").loc["toyllm"]
    assert ("| 2 of 3 |" in md, "- toyllm: 2 of 3 documents failed; their items count as misses" in md, row["failed_docs"]) == (
        True, True, 2
    )


@pytest.fixture
def results_with_dev(results_copy: Path) -> Path:
    """The fixture results plus a ``dev/`` run of rules (its test results reused: the table only reads them)."""
    dev = results_copy / "dev"
    dev.mkdir()
    shutil.copy(results_copy / "rules.json", dev / "rules.json")
    return results_copy


def test_the_development_halves_sit_beside_the_test_figures(results_with_dev: Path) -> None:
    from eval.reporting.leaderboard import splits_markdown

    rows = [line.split("|")[1:3] for line in splits_markdown(results_with_dev).splitlines() if line.startswith("| rules")]
    assert [[c.strip() for c in row] for row in rows] == [["rules", "test"], ["rules", "dev"]]


def test_no_development_results_means_no_generalisation_section(results_copy: Path) -> None:
    from eval.reporting.leaderboard import splits_markdown

    assert splits_markdown(results_copy) == ""


def test_the_written_leaderboard_has_the_generalisation_section(results_with_dev: Path) -> None:
    write_leaderboard(results_with_dev)
    assert "Generalisation" in (results_with_dev / "leaderboard.md").read_text(encoding="utf-8")

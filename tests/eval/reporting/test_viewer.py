"""The error report: one self-contained HTML page with every outcome, built from the scorer's error list."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from eval.cli.run import REPORT_MAX_DOCS, _after_run
from eval.reporting.report_text import outcomes, render_text
from eval.reporting.viewer import build_report, write_report
from tests.conftest import DATA


@pytest.fixture
def results_copy(data_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "results"
    shutil.copytree(data_dir / "results", out, ignore=shutil.ignore_patterns("expected"))
    return out


@pytest.fixture(scope="module")
def page() -> str:
    """The report of the fixture results (a real rules run) against the shipped gold."""
    return build_report(DATA / "results")


def test_page_is_self_contained(page: str) -> None:
    assets = re.findall(r'(?:src|href)="(?!#)([^"]*)"', page) + re.findall(r"url\(", page) + re.findall(r"@import", page)
    assert (assets, "http://" in page or "https://" in page) == ([], False)


def test_every_outcome_and_category_is_drawn(page: str) -> None:
    drawn = set(re.findall(r'class="s (\w+) o-(\w+)', page.split("<main>")[1]))
    assert ({c for c, _ in drawn}, {o for _, o in drawn}) == (
        {"actors", "locations", "quotes", "events"}, {"hit", "missed", "spurious", "partial", "wrong", "args"},
    )


def test_quotes_link_to_their_speakers(page: str) -> None:
    speakers = set(re.findall(r'data-speaker="([^"]+)"', page))
    actor_ids = set(re.findall(r'class="s actors[^"]*"[^>]*data-id="([^"]+)"', page))
    assert speakers and speakers <= actor_ids


def test_only_extractors_with_predictions_and_errors_get_a_column(page: str) -> None:
    assert set(re.findall(r'<div class="cell" data-side="([^"]+)"', page)) == {"gold", "rules"}


def test_mention_errors_colour_only_that_mention() -> None:
    errors = [
        {"doc_id": "d", "category": "actors", "level": "mention", "outcome": "missed", "gold_id": "a1", "pred_id": None,
         "gold": {"start": 5, "end": 8, "text": "Ann"}, "pred": None},
    ]
    assert outcomes(errors) == {("d", "actors", "gold", 5, 8): "missed"}


def test_argument_errors_mark_both_events_unless_an_event_error_says_more() -> None:
    """Before: argument errors were dropped, so an event with every argument wrong was drawn as a hit."""
    def error(level: str, outcome: str, gold_id: str) -> dict:
        return {"doc_id": "d", "category": "events", "level": level, "outcome": outcome, "gold_id": gold_id, "pred_id": "p"
                + gold_id, "gold": None, "pred": None}

    errors = [error("argument", "wrong_role", "e1"), error("argument", "missed", "e2"), error("event", "wrong_type", "e2")]
    assert outcomes(errors) == {
        ("d", "events", "gold", "e1"): "arguments", ("d", "events", "pred", "pe1"): "arguments",
        ("d", "events", "gold", "e2"): "wrong_type", ("d", "events", "pred", "pe2"): "wrong_type",
    }


def test_text_is_escaped_and_kept_whole() -> None:
    text = "<b>Ann</b> said"
    rendered = render_text(text, [{"start": 3, "end": 6, "category": "actors", "outcome": "hit", "id": "a1",
                                   "speaker": None, "label": "PER Ann [hit]"}])
    assert (re.sub(r"<span[^>]*>|</span>", "", rendered), "&lt;b&gt;" in rendered) == ("&lt;b&gt;Ann&lt;/b&gt; said", True)


def test_write_report_writes_report_html(results_copy: Path) -> None:
    path = write_report(results_copy)
    assert (path.name, path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")) == ("report.html", True)


@pytest.mark.parametrize("n_gold, written", [(REPORT_MAX_DOCS, True), (REPORT_MAX_DOCS + 1, False)])
def test_the_report_is_skipped_above_its_document_limit(results_copy: Path, capsys: pytest.CaptureFixture[str],
                                                         n_gold: int, written: bool) -> None:
    """Above the limit an earlier report is removed (it would describe other results) and a warning says why."""
    report = results_copy / "report.html"
    report.write_text("an earlier run's report", encoding="utf-8")
    _after_run(results_copy, None, n_gold)
    warned = "report.html not written: the gold has 1,001 documents, over the 1,000 the HTML report draws"
    assert (report.exists(), report.exists() and report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>"),
            warned in capsys.readouterr().err) == (written, written, not written)


def test_the_summary_says_who_did_not_run_and_why(page: str) -> None:
    rows = re.findall(r'<tr class="not-run"><th scope="row">([^<]+)</th><td colspan="\d+">([^<]+)</td>', page)
    assert rows == [("llm", "not run: no OpenAI-compatible server reachable")]

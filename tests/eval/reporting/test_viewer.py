"""The error report: one self-contained HTML page with every outcome, built from the scorer's error list."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from eval.reporting.viewer import build_report, outcomes, render_text, write_report
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
    drawn = set(re.findall(r'class="s (\w+) o-(\w+)', page))
    assert ({c for c, _ in drawn}, {o for _, o in drawn}) == (
        {"actors", "locations", "quotes", "events"}, {"hit", "missed", "spurious", "partial", "wrong"},
    )


def test_quotes_link_to_their_speakers(page: str) -> None:
    speakers = set(re.findall(r'data-speaker="([^"]+)"', page))
    actor_ids = set(re.findall(r'class="s actors[^"]*"[^>]*data-id="([^"]+)"', page))
    assert speakers and speakers <= actor_ids


def test_only_extractors_with_predictions_and_errors_appear(page: str) -> None:
    assert re.findall(r'<h2 id="x-([^"]+)"', page) == ["rules"]


def test_mention_errors_colour_only_that_mention() -> None:
    errors = [
        {"doc_id": "d", "category": "actors", "level": "mention", "outcome": "missed", "gold_id": "a1", "pred_id": None,
         "gold": {"start": 5, "end": 8, "text": "Ann"}, "pred": None},
        {"doc_id": "d", "category": "events", "level": "argument", "outcome": "wrong_role", "gold_id": "e1",
         "pred_id": "p1", "gold": None, "pred": None},
    ]
    assert outcomes(errors) == {("d", "actors", "gold", 5, 8): "missed"}


def test_text_is_escaped_and_kept_whole() -> None:
    text = "<b>Ann</b> said"
    rendered = render_text(text, [{"start": 3, "end": 6, "category": "actors", "outcome": "hit", "id": "a1",
                                   "speaker": None, "label": "PER Ann [hit]"}])
    assert (re.sub(r"<span[^>]*>|</span>", "", rendered), "&lt;b&gt;" in rendered) == ("&lt;b&gt;Ann&lt;/b&gt; said", True)


def test_write_report_writes_report_html(results_copy: Path) -> None:
    path = write_report(results_copy)
    assert (path.name, path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")) == ("report.html", True)

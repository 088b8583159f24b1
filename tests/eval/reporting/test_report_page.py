"""The HTML report as a reader sees it: rendered by headless Chromium, its DOM checked against the results.

The fixture (tests/data/report/) is one invented article with ``<``, ``&`` and ``"`` in its text and title,
scored by ``newsbench score`` for two extractors: alpha gets every argument of the meeting wrong and the
quote's speaker wrong; beta misses the second event.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from eval.data.parsing import read_documents
from eval.reporting.viewer import build_report, write_report
from tests.conftest import DATA
from tests.eval.reporting.dom import Node, parse, rendered

TINY = DATA / "report"
GOLDEN = TINY / "expected.outline"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "results"
    shutil.copytree(TINY / "results", out)
    return write_report(out, TINY / "gold")


@pytest.fixture(scope="module")
def errors_view(report_file: Path) -> Node:
    return rendered(report_file, "errors")


@pytest.fixture(scope="module")
def full_view(report_file: Path) -> Node:
    return rendered(report_file)


def _column(doc: Node, side: str, kind: str = "items") -> Node:
    """One extractor's cell of the article: its text, or its quote and event lists."""
    cells = [n for n in doc.find_all("div", "cell", data_side=side) if ("items" in n.classes()) == (kind == "items")]
    assert len(cells) == 1, cells
    return cells[0]


def test_summary_counts_equal_the_results(full_view: Node) -> None:
    shown, expected = {}, {}
    for name in ("alpha", "beta"):
        scores = json.loads((TINY / "results" / f"{name}.json").read_text(encoding="utf-8"))["scores"]
        for category, figures in scores.items():
            for figure in ("f1", "tp", "fp", "fn"):
                if figure in figures:
                    cell = full_view.find("td", data_extractor=name, data_category=category, data_figure=figure)
                    shown[name, category, figure] = cell.text().split()[0]
                    expected[name, category, figure] = f"{figures[figure]:.3f}" if figure == "f1" else str(figures[figure])
    assert shown == expected and len(shown) == 2 * 17


def test_the_best_f1_of_each_category_is_marked_in_words(full_view: Node) -> None:
    best = {(c.attrs["data-category"], c.attrs["data-extractor"]) for c in full_view.find_all("td", "best")}
    assert best == {("actors", "beta"), ("locations", "alpha"), ("locations", "beta"), ("quotes", "beta"),
                    ("events", "beta"), ("overall", "beta")}
    assert all(c.text().endswith("best") for c in full_view.find_all("td", "best"))


def test_errors_view_hides_hits_and_shows_errors(errors_view: Node) -> None:
    rows = errors_view.find_all("li", "row")
    hidden = sorted((r.attrs["data-outcome"], "hidden" in r.attrs) for r in rows)
    assert errors_view.find("html").attrs["data-view"] == "errors"
    assert hidden == [("args", False), ("hit", True), ("hit", True), ("hit", True), ("missed", False), ("wrong", False)]


def test_the_full_view_hides_nothing_and_shows_the_toggle(full_view: Node) -> None:
    rows = full_view.find_all("li", "row")
    assert (full_view.find("html").attrs["data-view"], [r for r in rows if "hidden" in r.attrs],
            "hidden" in full_view.find("p", id="toggle").attrs, len(rows)) == ("all", [], False, 6)


def test_an_event_with_every_argument_wrong_is_drawn_as_an_error(full_view: Node) -> None:
    alpha = _column(full_view, "alpha")
    meet = next(r for r in alpha.find_all("li", "row") if "MEET" in r.text())
    marks = [(a.attrs["data-arg"], " ".join(a.text().split()[1:])) for a in meet.find_all("li", "arg")]
    trigger = next(s for s in _column(full_view, "alpha", "text").find_all("span", "events") if s.text() == "met")
    assert (meet.attrs["data-outcome"], trigger.attrs["data-outcome"], marks) == ("args", "args", [
        ("wrong_role", "agent: Ann Lee (predicted as target) wrong role"),
        ("wrong_role", "participant: Bob Ray (predicted as agent) wrong role"),
        ("missed", "place: Porto missed"),
        ("spurious", "participant: Monday spurious"),
    ])


def test_a_wrong_speaker_is_spelt_out(full_view: Node) -> None:
    quote = _column(full_view, "alpha").find_all("li", "row")[0]
    assert (quote.attrs["data-outcome"], quote.find("div", "note").text()) == ("wrong", "wrong speaker: Bob Ray (gold: Ann Lee)")


def test_extractors_sit_side_by_side_over_the_same_text(full_view: Node) -> None:
    gold = next(read_documents(TINY / "gold" / "tiny.json"))
    grid = full_view.find("div", "grid")
    texts = [(c.attrs["data-side"], c.find("div", "text").text()) for c in grid.children
             if isinstance(c, Node) and "items" not in c.classes()]
    assert texts == [("gold", gold.text), ("alpha", gold.text), ("beta", gold.text)]
    assert full_view.find("section", "doc").find("h2").text() == f"tiny — {gold.title}"


def test_the_page_reads_without_javascript(report_file: Path) -> None:
    page = parse(report_file.read_text(encoding="utf-8"))
    rows = page.find_all("li", "row")
    assert ("hidden" in page.find("p", id="toggle").attrs, [r for r in rows if "hidden" in r.attrs], len(rows)) == (True, [], 6)


def outline(html: str) -> str:
    """The page's structure, one element a line: tag, class and data attributes, and short texts (no CSS or JS)."""
    lines: list[str] = []

    def walk(node: Node, depth: int) -> None:
        if node.tag in ("style", "script", "head"):
            return
        keep = {k: v for k, v in sorted(node.attrs.items()) if k in ("class", "id", "hidden") or k.startswith("data-")}
        lines.append("  " * depth + node.tag + "".join(f" {k}={v!r}" for k, v in keep.items()))
        for child in node.children:
            if isinstance(child, Node):
                walk(child, depth + 1)
            elif child.strip():
                lines.append("  " * (depth + 1) + repr(child.strip()[:60]))

    walk(parse(html).find("body"), 0)
    return "\n".join(lines) + "\n"


def test_structure_matches_the_golden_file() -> None:
    """The tiny fixture's page, structure only; after a deliberate change rewrite the file from ``outline``."""
    assert outline(build_report(TINY / "results", TINY / "gold")) == GOLDEN.read_text(encoding="utf-8")


def test_clicking_the_toggle_hides_hits_and_sets_the_url(report_file: Path) -> None:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install newsbench[test])")
    from tests.eval.reporting.dom import chromium

    if shutil.which("chromedriver") is None:
        pytest.skip("chromedriver not installed (apt-get install chromium-driver; .ci/run does it)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for arg in ("--headless", "--disable-gpu", "--no-sandbox"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(shutil.which("chromedriver")))
    try:
        driver.get(report_file.resolve().as_uri())
        before = [r.is_displayed() for r in driver.find_elements("css selector", "li.row")]
        driver.find_element("id", "errors-only").click()
        after = {r.get_attribute("data-outcome"): r.is_displayed() for r in driver.find_elements("css selector", "li.row")}
        hit_span = driver.find_element("css selector", ".text .s.o-hit")
        muted = hit_span.value_of_css_property("outline-style")
        url = driver.current_url
        driver.refresh()  # the linked view: opened at #errors, the box is ticked
        ticked = driver.find_element("id", "errors-only").is_selected()
    finally:
        driver.quit()
    assert (before, after, muted, re.sub(r".*#", "#", url), ticked) == (
        [True] * 6, {"hit": False, "args": True, "wrong": True, "missed": True}, "none", "#errors", True)

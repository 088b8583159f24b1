"""The README's generated blocks hold exactly what the commands make from the committed files.

Figures that depend on the machine and the moment (runtime, memory, the reason an extractor could not
run here) are left out of the comparison, so that any `newsbench run` in a checkout keeps `make test` green.
"""
from __future__ import annotations

import re

import pytest

from eval.reporting.error_summary import BLOCK as ERRORS_BLOCK
from eval.reporting.error_summary import error_summary_table
from eval.reporting.leaderboard import README_BLOCK, readme_block
from eval.reporting.markdown import read_block
from tests.conftest import ROOT

README = ROOT / "README.md"
RESULTS = ROOT / "results"


@pytest.fixture
def readme_text() -> str:
    if not (RESULTS / "leaderboard.md").exists():
        pytest.fail("results/ is not committed: run `make results` and commit results/ with the README")
    return README.read_text(encoding="utf-8")


MACHINE_COLUMNS = ("runtime (s)", "peak memory (MB)")


def without_machine_figures(block: str) -> str:
    """The block with the cells of machine-dependent columns blanked and not-run reasons cut."""
    out, blank = [], set()
    for line in block.splitlines():
        cells = line.split(" | ")
        if line.startswith("| ") and any(c.strip(" |") in MACHINE_COLUMNS for c in cells):
            blank = {i for i, c in enumerate(cells) if c.strip(" |") in MACHINE_COLUMNS}
        elif line.startswith("| ") and blank and not line.startswith("| ---"):
            last = len(cells) - 1
            cells = [("*" + (" |" if i == last else "")) if i in blank and c.strip(" |") else c for i, c in enumerate(cells)]
            line = " | ".join(cells)
        elif not line.startswith("| "):
            blank = set()
        out.append(re.sub(r"(: not run: ).*", r"\1*", line))
    return "\n".join(out) + "\n"


def test_leaderboard_block_matches_committed_results(readme_text: str) -> None:
    assert without_machine_figures(read_block(readme_text, README_BLOCK)) == without_machine_figures(readme_block(RESULTS, README))


def test_machine_figures_are_ignored_but_scores_are_not() -> None:
    block = "| extractor | overall F1 | runtime (s) | peak memory (MB) |\n| --- | ---: | ---: | ---: |\n| rules | 0.668 | 0.01 | 227 |\n"
    faster = block.replace("0.01 | 227", "9.99 | 512")
    better = block.replace("0.668", "0.700")
    assert (without_machine_figures(block) == without_machine_figures(faster),
            without_machine_figures(block) == without_machine_figures(better)) == (True, False)


def test_error_block_matches_committed_error_lists(readme_text: str) -> None:
    assert read_block(readme_text, ERRORS_BLOCK) == error_summary_table(RESULTS)

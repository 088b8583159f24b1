"""The README's generated blocks hold exactly what the commands make from the committed files."""
from __future__ import annotations

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
        pytest.fail("results/ is not committed: run `make run` and commit results/ with the README")
    return README.read_text(encoding="utf-8")


def test_leaderboard_block_matches_committed_results(readme_text: str) -> None:
    assert read_block(readme_text, README_BLOCK) == readme_block(RESULTS, README)


def test_error_block_matches_committed_error_lists(readme_text: str) -> None:
    assert read_block(readme_text, ERRORS_BLOCK) == error_summary_table(RESULTS)

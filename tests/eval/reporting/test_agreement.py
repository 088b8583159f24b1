"""Inter-annotator agreement: the scorer applied to two passes, and the figures in the guidelines."""
from __future__ import annotations

import pytest

from eval.gold.load import load_gold
from eval.reporting.agreement import BLOCK, agreement_table
from eval.reporting.markdown import read_block
from tests.conftest import ROOT

PASSES = ROOT / "gold" / "agreement"


def _rows(table: str) -> dict[str, tuple[str, str]]:
    cells = [line.strip("|").split("|") for line in table.splitlines()[2:] if line.startswith("|")]
    return {c[0].strip(): (c[1].strip(), c[2].strip()) for c in cells}


def test_a_pass_agrees_fully_with_itself() -> None:
    gold = load_gold()
    assert set(_rows(agreement_table(gold, gold)).values()) == {("1.000", "1.000")}


def test_a_dropped_quote_lowers_quote_agreement_only() -> None:
    gold = load_gold()
    first, *rest = gold.documents
    fewer = type(gold)((first.model_copy(update={"quotes": first.quotes[1:]}), *rest), "fewer", "x")
    rows = _rows(agreement_table(gold, fewer))
    lowered = {label for label, (_, partial) in rows.items() if partial != "1.000"}
    assert lowered == {"quotes: content", "quotes: content and speaker (headline)", "**overall F1** (mean of the four headlines)"}


DEV_PASSES = ROOT / "gold" / "dev" / "agreement"


@pytest.mark.parametrize(("first", "second", "block"), [
    (PASSES / "pass1", PASSES / "pass2", BLOCK),
    (PASSES / "pass1", PASSES / "pass3", "agreement-pass3"),
    (DEV_PASSES / "pass1" / "dev", DEV_PASSES / "pass2" / "dev", "agreement-dev"),
    (DEV_PASSES / "pass1" / "devtest", DEV_PASSES / "pass2" / "devtest", "agreement-devtest"),
])
def test_guidelines_report_the_measured_agreement(first, second, block: str) -> None:
    table = agreement_table(load_gold(first), load_gold(second))
    guidelines = (ROOT / "gold" / "GUIDELINES.md").read_text(encoding="utf-8")
    assert read_block(guidelines, block, "gold/GUIDELINES.md") == table

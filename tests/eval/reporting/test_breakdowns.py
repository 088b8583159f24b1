"""Per-type figures as flat columns and Markdown tables, including results with some or none of them."""
from __future__ import annotations

import math

from eval.reporting.breakdowns import breakdown_columns, breakdown_markdown

EVENTS = {"events": {"by_type": {"MEET": {"f1": 0.25}}, "by_role": {"agent": {"f1": 0.5}}, "macro": {"f1": 0.25}}}


def test_columns_prefix_roles_and_keep_types_and_kinds_bare() -> None:
    assert breakdown_columns(EVENTS) == {"events_MEET_f1": 0.25, "events_role_agent_f1": 0.5, "events_macro_f1": 0.25}


def test_a_figure_without_f1_is_an_empty_cell_not_an_error() -> None:
    columns = breakdown_columns({"actors": {"by_type": {"PER": {"precision": 1.0}}}})
    table = breakdown_markdown([("x", {"actors": {"by_type": {"PER": {"precision": 1.0}}}})])
    assert (list(columns), math.isnan(columns["actors_PER_f1"]), "| x |  |" in table) == (["actors_PER_f1"], True, True)


def test_rows_without_breakdowns_are_left_out_and_none_at_all_gives_nothing() -> None:
    table = breakdown_markdown([("old", None), ("new", EVENTS)])
    assert (("| old" in table, "| new | 0.250 | 0.250 |" in table, "| new | 0.500 |" in table),
            breakdown_markdown([("old", None)])) == ((False, True, True), "")

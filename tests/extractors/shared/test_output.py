"""``extractors.shared.output``: settings refused, ids, actors and locations in order of first mention."""
from __future__ import annotations

import pytest

from eval.api import ExtractorUnavailableError
from extractors.shared.grouping import RawMention, group_mentions
from extractors.shared.output import actor_records, check_settings, location_records, numbered


def test_settings_below_one_are_refused_and_named_in_order() -> None:
    check_settings("x", workers=1, batch_size=1)
    expected = r"^extractor 'x' cannot run with batch_size=0, workers=2: both must be at least 1$"
    with pytest.raises(ExtractorUnavailableError, match=expected):
        check_settings("x", batch_size=0, workers=2)


def test_numbered_gives_ids_in_order() -> None:
    assert numbered("e", [{"a": 1}, {"a": 2}]) == [{"id": "e1", "a": 1}, {"id": "e2", "a": 2}]


def test_actors_are_numbered_by_first_mention_with_state_names() -> None:
    text = "Kenyans and Ana Ruiz met in Kenya."
    groups = group_mentions([RawMention(12, 20, "Ana Ruiz", "PER")])
    records = actor_records(text, groups, {"KE": [(28, 33)]}, {"KE": [(0, 7)]})
    assert [(a["id"], a["name"], a["type"], p) for a, p in records] == [
        ("a1", "Kenyans", "NORP", False), ("a2", "Ana Ruiz", "PER", True), ("a3", "Kenya", "GPE", False)
    ]
    assert records[1][0]["mentions"] == [{"start": 12, "end": 20, "text": "Ana Ruiz", "kind": "name"}]


def test_locations_are_numbered_by_first_mention() -> None:
    text = "From Lima to Quito."
    places = [({"name": "Quito", "type": "GPE"}, [(13, 18)]), ({"name": "Lima", "type": "GPE"}, [(5, 9)])]
    assert [(loc["id"], loc["name"], loc["mentions"][0]["text"]) for loc in location_records(text, places)] == [
        ("l1", "Lima", "Lima"), ("l2", "Quito", "Quito")
    ]

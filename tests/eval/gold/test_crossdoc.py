"""Bad cross-document input is rejected with file, JSON path and reason; good input loads."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable

import pytest

from eval.exceptions import InvalidInputError
from eval.gold.crossdoc import CrossDocument, load_cross_document
from eval.paths import CROSS_DOCUMENT_FILE
from eval.schema import Document

TEXT = "Stoltenberg met Duda in Vilnius."


@pytest.fixture
def doc() -> Document:
    return Document.model_validate(
        {
            "doc_id": "d1",
            "text": TEXT,
            "actors": [
                {"id": "a1", "name": "Jens Stoltenberg", "type": "PER", "mentions": [{"start": 0, "end": 11, "text": "Stoltenberg"}]},
                {"id": "a2", "name": "Andrzej Duda", "type": "PER", "mentions": [{"start": 16, "end": 20, "text": "Duda"}]},
            ],
            "locations": [{"id": "l1", "name": "Vilnius", "type": "GPE", "mentions": [{"start": 24, "end": 31, "text": "Vilnius"}]}],
            "events": [{"id": "e1", "type": "MEET", "trigger": {"start": 12, "end": 15, "text": "met"}}],
        }
    )


@pytest.fixture
def gold_dir(tmp_path: Path, doc: Document) -> Path:
    """A gold folder with two copies of the document (d1, d2), so clusters can span documents."""
    for doc_id in ("d1", "d2"):
        data = doc.model_dump(mode="json", exclude_none=True) | {"doc_id": doc_id}
        (tmp_path / f"{doc_id}.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


@pytest.fixture
def valid() -> dict[str, Any]:
    return {
        "schema_version": "1.0",
        "clusters": [
            {"id": "c1", "kind": "actor", "name": "Jens Stoltenberg", "members": [{"doc_id": "d1", "id": "a1"}, {"doc_id": "d2", "id": "a1"}]},
            {"id": "c2", "kind": "event", "name": "the meeting", "members": [{"doc_id": "d1", "id": "e1"}, {"doc_id": "d2", "id": "e1"}]},
        ],
        "disagreements": [
            {
                "id": "x1",
                "fact": "who met",
                "claims": [
                    {"value": "Duda", "spans": [{"doc_id": "d1", "start": 16, "end": 20, "text": "Duda"}]},
                    {"value": "Vilnius", "spans": [{"doc_id": "d2", "start": 24, "end": 31, "text": "Vilnius"}]},
                ],
            }
        ],
    }


def _write(folder: Path, data: Any) -> Path:
    path = folder / CROSS_DOCUMENT_FILE
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_valid_file_loads_against_the_gold_beside_it(gold_dir: Path, valid: dict[str, Any]) -> None:
    assert load_cross_document(_write(gold_dir, valid)) == CrossDocument.model_validate(valid)


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _append_member(data: dict[str, Any]) -> None:
    data["clusters"].append({"id": "c3", "kind": "actor", "name": "again", "members": [{"doc_id": "d1", "id": "a1"}, {"doc_id": "d2", "id": "a2"}]})


BAD_CASES = [
    pytest.param(_set(("clusters", 0, "members", 1, "doc_id"), "nope"), r"clusters\[0\]\.members\[1\]\.doc_id: unknown doc_id 'nope'; gold documents: d1, d2", id="dangling-doc"),
    pytest.param(_set(("clusters", 0, "members", 1, "id"), "a9"), r"clusters\[0\]\.members\[1\]\.id: 'a9' is not the id of an actor of 'd2'", id="dangling-item"),
    pytest.param(_set(("clusters", 0, "members", 0, "id"), "e1"), r"'e1' is not the id of an actor of 'd1'", id="wrong-kind"),
    pytest.param(_set(("disagreements", 0, "claims", 0, "spans", 0, "text"), "Dude"), r"disagreements\[0\]\.claims\[0\]\.spans\[0\]: span text 'Dude' differs from text\[16:20\] = 'Duda' in 'd1'", id="wrong-span"),
    pytest.param(_set(("disagreements", 0, "claims", 1, "spans", 0, "end"), 99), r"ends past the end of the text", id="span-past-end"),
    pytest.param(_set(("disagreements", 0, "claims", 1, "spans", 0, "doc_id"), "d7"), r"unknown doc_id 'd7'", id="span-unknown-doc"),
    pytest.param(_set(("clusters", 1, "id"), "c1"), r"clusters\[1\]\.id: duplicate id 'c1' \(first used at clusters\[0\]\)", id="duplicate-cluster-id"),
    pytest.param(_append_member, r"clusters\[2\]\.members\[0\]: d1/a1 is already in cluster 'c1'", id="item-in-two-clusters"),
    pytest.param(_set(("clusters", 0, "kind"), "person"), r"clusters\[0\]\.kind: Input should be 'actor', 'location' or 'event'", id="unknown-kind"),
    pytest.param(_set(("clusters", 0, "members"), [{"doc_id": "d1", "id": "a1"}]), r"clusters\[0\]\.members: .*at least 2", id="one-member"),
    pytest.param(_set(("clusters", 0, "colour"), "red"), r"clusters\[0\]\.colour: Extra inputs are not permitted", id="extra-field"),
]


@pytest.mark.parametrize("mutate, message", BAD_CASES)
def test_bad_input_names_file_path_and_reason(
    gold_dir: Path, valid: dict[str, Any], mutate: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = copy.deepcopy(valid)
    mutate(data)
    path = _write(gold_dir, data)
    with pytest.raises(InvalidInputError, match=message) as info:
        load_cross_document(path)
    assert {p.file for p in info.value.problems} == {str(path)}


def test_invalid_json_names_line_and_column(gold_dir: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"cross_document\.json: invalid JSON: .* line 1 column 2"):
        load_cross_document(_write(gold_dir, "{,}"))


def test_every_problem_is_reported_not_only_the_first(gold_dir: Path, valid: dict[str, Any]) -> None:
    valid["clusters"][0]["members"][1]["id"] = "a9"
    valid["disagreements"][0]["claims"][0]["spans"][0]["text"] = "Dude"
    with pytest.raises(InvalidInputError) as info:
        load_cross_document(_write(gold_dir, valid))
    assert [p.path for p in info.value.problems] == ["clusters[0].members[1].id", "disagreements[0].claims[0].spans[0]"]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="no such file"):
        load_cross_document(tmp_path / CROSS_DOCUMENT_FILE)

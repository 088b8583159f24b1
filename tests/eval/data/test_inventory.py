"""The event inventory: the models and the guidelines follow it, it covers ACE 2005 and PLOVER, subtypes
are checked against their type, and a broken inventory file is named precisely."""
from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from pydantic import ValidationError

from eval.data.inventory import (
    ACE_2005,
    PLOVER,
    Inventory,
    load_inventory,
    read_inventory,
)
from eval.data.json_schema import schema_problems
from eval.exceptions import InvalidInputError
from eval.reporting.inventory import INVENTORY_BLOCK, render_inventory_table
from eval.reporting.markdown import read_block
from eval.schema import (
    EVENT_SUBTYPES,
    SCHEMA_VERSION,
    Document,
    EventSubtype,
    EventType,
)
from tests.conftest import ROOT

# The types of schema 1.0: they must stay so that every 1.0 file stays valid.
TYPES_OF_1_0 = (
    "MOVE", "DEPLOY", "MEET", "STATEMENT", "AGREE", "ATTACK", "SEIZE", "REBEL", "DEFEND", "THREATEN",
    "ACCUSE", "SUPPORT", "LEGAL", "OTHER",
)


@pytest.fixture
def inventory() -> Inventory:
    return load_inventory()


@pytest.fixture
def inventory_data() -> dict[str, Any]:
    """The shipped inventory as plain data, to break one rule at a time."""
    return yaml.safe_load((ROOT / "schema" / "event_inventory.yaml").read_text(encoding="utf-8"))


def test_event_type_literal_equals_the_inventory_types(inventory: Inventory) -> None:
    assert get_args(EventType) == inventory.type_names()


def test_subtypes_of_the_models_equal_the_inventory(inventory: Inventory) -> None:
    by_type = {t: inventory.subtypes(t) for t in inventory.type_names() if inventory.subtypes(t)}
    assert (EVENT_SUBTYPES, get_args(EventSubtype)) == (by_type, inventory.all_subtypes())


def test_no_type_of_schema_1_0_is_removed_or_renamed(inventory: Inventory) -> None:
    assert [t for t in TYPES_OF_1_0 if t not in inventory.type_names()] == []


def test_schema_version_is_the_inventory_version(inventory: Inventory) -> None:
    assert (SCHEMA_VERSION, inventory.schema_version) == ("1.1", "1.1")


def test_every_ace_2005_subtype_is_covered(inventory: Inventory) -> None:
    entries = [e for t in inventory.types for e in (t, *t.subtypes)]
    named = {label for e in entries if e.ace != "none" for label in e.ace}
    ace_subtypes = {f"{t}:{s}" for t, subs in ACE_2005.items() for s in subs}
    assert (len(ace_subtypes), sorted(ace_subtypes - named)) == (33, [])


def test_every_plover_category_is_covered(inventory: Inventory) -> None:
    entries = [e for t in inventory.types for e in (t, *t.subtypes)]
    named = {label for e in entries if e.plover != "none" for label in e.plover}
    assert (len(PLOVER), sorted(set(PLOVER) - named)) == (16, [])


def test_guidelines_section_3_2_is_the_inventory_table() -> None:
    guidelines = (ROOT / "gold" / "GUIDELINES.md").read_text(encoding="utf-8")
    assert read_block(guidelines, INVENTORY_BLOCK, "gold/GUIDELINES.md") == render_inventory_table(), (
        "gold/GUIDELINES.md section 3.2 drifted from schema/event_inventory.yaml: regenerate the inventory block"
    )


def test_table_has_one_row_per_type_and_subtype(inventory: Inventory) -> None:
    rows = render_inventory_table(inventory).splitlines()[2:]
    assert len(rows) == len(inventory.types) + len(inventory.all_subtypes())


def _document(event: dict[str, Any], version: str | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "doc_id": "d",
        "text": "The mayor was re-elected.",
        "events": [{"id": "e1", "trigger": {"start": 14, "end": 24, "text": "re-elected"}, **event}],
    }
    return doc if version is None else {"schema_version": version, **doc}


@pytest.mark.parametrize(
    "event",
    [{"type": "PERSONNEL", "subtype": "elect"}, {"type": "PERSONNEL"}, {"type": "OTHER", "subtype": None}],
    ids=["type-and-its-subtype", "no-subtype", "null-subtype"],
)
def test_an_event_with_a_fitting_subtype_or_none_is_valid(event: dict[str, Any]) -> None:
    assert Document.model_validate(_document(event)).events[0].subtype == event.get("subtype")


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        ({"type": "MEET", "subtype": "elect"}, r"subtype elect belongs to PERSONNEL, not to MEET; subtypes of MEET: meet, phone_write"),
        ({"type": "OTHER", "subtype": "die"}, r"subtype die belongs to LIFE, not to OTHER; OTHER has no subtypes"),
        ({"type": "PERSONNEL", "subtype": "vote"}, r"subtype\n.*Input should be 'transport', 'withdraw'"),
    ],
    ids=["subtype-of-another-type", "type-without-subtypes", "unknown-subtype"],
)
def test_a_subtype_that_does_not_fit_its_type_is_rejected(event: dict[str, Any], reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        Document.model_validate(_document(event))


def test_a_document_written_as_1_0_stays_valid_and_new_ones_say_1_1() -> None:
    old = Document.model_validate(_document({"type": "OTHER"}, version="1.0"))
    new = Document.model_validate(_document({"type": "PERSONNEL", "subtype": "elect"}))
    assert (old.schema_version, new.schema_version) == ("1.0", "1.1")


def _break(data: dict[str, Any], how: str) -> dict[str, Any]:
    first = data["types"][0]
    if how == "unknown-plover":
        first["plover"] = ["FIGHT"]
    elif how == "empty-mapping":
        first["subtypes"][0]["ace"] = []
    elif how == "missing-mapping":
        del first["ace"]
    elif how == "one-example":
        first["examples"] = first["examples"][:1]
    elif how == "duplicate-subtype":
        data["types"][1]["subtypes"] = [first["subtypes"][0]]
    return data


@pytest.mark.parametrize(
    ("how", "path", "reason"),
    [
        ("unknown-plover", "types[0].plover", "unknown PLOVER label(s) FIGHT; valid: AGREE, CONSULT"),
        ("empty-mapping", "types[0].subtypes[0].ace", 'an empty list: write "none"'),
        ("missing-mapping", "types[0].ace", "Field required"),
        ("one-example", "types[0].examples", "at least 2 items"),
        ("duplicate-subtype", "", "'transport' is used twice: as subtype of MOVE and as subtype of DEPLOY"),
    ],
)
def test_a_broken_inventory_is_named_by_file_path_and_reason(
    inventory_data: dict[str, Any], tmp_path: Path, how: str, path: str, reason: str
) -> None:
    bad = tmp_path / "inventory.yaml"
    bad.write_text(yaml.safe_dump(_break(inventory_data, how)), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_inventory(bad)
    problems = [(p.file, p.path) for p in caught.value.problems if reason in p.reason]
    assert problems == [(str(bad), path)], caught.value.problems


def test_an_inventory_that_is_not_yaml_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "inventory.yaml"
    bad.write_text("types: [unclosed\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="is not valid YAML"):
        read_inventory(bad)


@pytest.mark.parametrize(
    ("event", "problems"),
    [
        ({"type": "PERSONNEL", "subtype": "elect"}, []),
        ({"type": "MEET", "subtype": "elect"}, [("events[0].subtype", "'elect' is not one of ['meet', 'phone_write', None]")]),
        ({"type": "OTHER", "subtype": "die"}, [("events[0].subtype", "'die' is not of type 'null'")]),
    ],
    ids=["fits", "subtype-of-another-type", "type-without-subtypes"],
)
def test_the_json_schema_checks_the_subtype_against_its_type(
    event: dict[str, Any], problems: list[tuple[str, str]]
) -> None:
    found = schema_problems(_document(event), "doc.json")
    assert [(p.path, p.reason) for p in found] == problems

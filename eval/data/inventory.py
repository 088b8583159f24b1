"""The event inventory: every event type and subtype, defined, with examples and ACE 2005 / PLOVER mappings.

The inventory is a data file shipped with newsbench (``schema/event_inventory.yaml``, found through
:data:`eval.paths.EVENT_INVENTORY_FILE`). :func:`load_inventory` reads and checks it: every type and
subtype has a one-line definition, at least two examples and both mappings, each mapping is
``"none"`` or a list of known labels (:data:`ACE_2005`, :data:`PLOVER`), and names are unique.
``EventType``, ``EventSubtype`` and ``EVENT_SUBTYPES`` in :mod:`eval.data.models` are checked
against it by a test (the models stay plain Python so that validating a document reads no file),
and section 3.2 of the guidelines is rendered from it by :mod:`eval.reporting.inventory`.

>>> inventory = load_inventory()
>>> inventory.subtypes("MEET")
('meet', 'phone_write')
>>> inventory.type_of("elect")
'PERSONNEL'
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from eval.data.files import read_text
from eval.data.json_schema import json_path
from eval.exceptions import InvalidInputError, Problem
from eval.paths import EVENT_INVENTORY_FILE, shipped

# The 8 types and 33 subtypes of the ACE 2005 English event annotation guidelines (LDC).
ACE_2005: dict[str, tuple[str, ...]] = {
    "Life": ("Be-Born", "Marry", "Divorce", "Injure", "Die"),
    "Movement": ("Transport",),
    "Transaction": ("Transfer-Ownership", "Transfer-Money"),
    "Business": ("Start-Org", "Merge-Org", "Declare-Bankruptcy", "End-Org"),
    "Conflict": ("Attack", "Demonstrate"),
    "Contact": ("Meet", "Phone-Write"),
    "Personnel": ("Start-Position", "End-Position", "Nominate", "Elect"),
    "Justice": (
        "Arrest-Jail", "Release-Parole", "Trial-Hearing", "Charge-Indict", "Sue", "Convict", "Sentence",
        "Fine", "Execute", "Extradite", "Acquit", "Appeal", "Pardon",
    ),
}

# The 16 event categories of PLOVER (Open Event Data Alliance), the successor of CAMEO.
PLOVER: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def ace_labels() -> tuple[str, ...]:
    """Every ACE 2005 label an inventory entry may name: the 8 types and the 33 ``Type:Subtype`` pairs.

    >>> len(ace_labels()), ace_labels()[:2]
    (41, ('Life', 'Life:Be-Born'))
    """
    return tuple(label for t, subs in ACE_2005.items() for label in (t, *(f"{t}:{s}" for s in subs)))


_LINE = r"^[^|\n]+$"  # one line that can sit in a Markdown table cell
OntologyMapping = Literal["none"] | tuple[str, ...]


def _check_mapping(value: OntologyMapping, valid: tuple[str, ...], ontology: str) -> OntologyMapping:
    if value == "none":
        return value
    if not value:
        raise ValueError(f'an empty list: write "none" when no {ontology} label corresponds')
    unknown = [v for v in value if v not in valid]
    if unknown:
        raise ValueError(f"unknown {ontology} label(s) {', '.join(unknown)}; valid: {', '.join(valid)}")
    return value


class _Entry(BaseModel):
    """What a type and a subtype both carry."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    definition: str = Field(pattern=_LINE)
    examples: tuple[str, ...] = Field(min_length=2)
    ace: OntologyMapping
    plover: OntologyMapping
    note: str | None = Field(default=None, pattern=_LINE)

    @field_validator("examples")
    @classmethod
    def _one_line_examples(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [e for e in value if not e.strip() or "|" in e or "\n" in e]
        if bad:
            raise ValueError(f"examples must be non-empty single lines without '|': {bad}")
        return value

    @field_validator("ace")
    @classmethod
    def _ace(cls, value: OntologyMapping) -> OntologyMapping:
        return _check_mapping(value, ace_labels(), "ACE 2005")

    @field_validator("plover")
    @classmethod
    def _plover(cls, value: OntologyMapping) -> OntologyMapping:
        return _check_mapping(value, PLOVER, "PLOVER")


class SubtypeEntry(_Entry):
    """One subtype of an event type."""

    subtype: str = Field(pattern=r"^[a-z][a-z_]*$")


class TypeEntry(_Entry):
    """One event type and its subtypes."""

    type: str = Field(pattern=r"^[A-Z]+$")
    subtypes: tuple[SubtypeEntry, ...] = ()


class Inventory(BaseModel):
    """The whole inventory, in the file's order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: str
    types: tuple[TypeEntry, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> Inventory:
        seen: dict[str, str] = {}
        for t in self.types:
            for name, where in ((t.type, "type"), *((s.subtype, f"subtype of {t.type}") for s in t.subtypes)):
                if name in seen:
                    raise ValueError(f"{name!r} is used twice: as {seen[name]} and as {where}")
                seen[name] = where
        return self

    def type_names(self) -> tuple[str, ...]:
        """The event types, in the file's order."""
        return tuple(t.type for t in self.types)

    def subtypes(self, event_type: str) -> tuple[str, ...]:
        """The subtypes of ``event_type`` (none for an unknown type)."""
        return next((tuple(s.subtype for s in t.subtypes) for t in self.types if t.type == event_type), ())

    def all_subtypes(self) -> tuple[str, ...]:
        """Every subtype of every type, in the file's order."""
        return tuple(s.subtype for t in self.types for s in t.subtypes)

    def type_of(self, subtype: str) -> str | None:
        """The type a subtype belongs to, or None when no type has it."""
        return next((t.type for t in self.types if subtype in self.subtypes(t.type)), None)


def default_inventory_path() -> Path:
    """The inventory shipped with newsbench."""
    return shipped(EVENT_INVENTORY_FILE)


def read_inventory(path: Path) -> Inventory:
    """Read and check an inventory file.

    Raises:
        InvalidInputError: the file cannot be read, is not YAML, or breaks a rule; every problem is
            named by file, JSON path and reason.
    """
    file = str(path)
    try:
        data: Any = yaml.safe_load(read_text(Path(path)))
    except yaml.YAMLError as exc:
        raise InvalidInputError(Problem(file, "", f"is not valid YAML: {exc}")) from None
    try:
        return Inventory.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(file, json_path(e["loc"]), e["msg"].removeprefix("Value error, "))
            for e in exc.errors(include_url=False)
        ]
        raise InvalidInputError(*problems) from None


@lru_cache(maxsize=1)
def load_inventory() -> Inventory:
    """The shipped inventory, read once."""
    return read_inventory(default_inventory_path())

"""References by id, then name, then fuzzily; the kind the role expects wins; the modules' examples hold."""
from __future__ import annotations

import doctest
import importlib

import pytest

from extractors.llm.resolve import Entity, expected_kind, resolve

STATE = Entity("actor", "a1", "Velmora", "GPE", [(0, 7)], ["Velmora"])
PLACE = Entity("location", "l1", "Velmora", "GPE", [(30, 37)], ["Velmora"])
PERSON = Entity("actor", "a2", "Ilse Marrow", "PER", [(50, 61), (80, 86)], ["Ilse Marrow", "Marrow"])


@pytest.mark.parametrize(
    ("ref", "role", "expected"),
    [
        ("a1", "destination", STATE),  # an id is obeyed even for a place role
        ("l1", "agent", PLACE),
        ("Velmora", "destination", PLACE),  # a name: the kind the role expects
        ("Velmora", "origin", PLACE),
        ("Velmora", "agent", STATE),
        ("velmora ", "target", STATE),
        ("Marrow", "agent", PERSON),  # a mention text
        ("Ilse Marow", "participant", PERSON),  # misspelt
        ("Marow", "agent", PERSON),
        ("a9", "agent", None),  # an unknown id is not guessed
        ("it", "agent", None),
        ("Atlantis Corp", "agent", None),
    ],
)
def test_resolve(ref: str, role: str, expected: Entity | None) -> None:
    assert resolve(ref, [STATE, PLACE, PERSON], prefer=expected_kind(role)) is expected


def test_speakers_are_actors_only() -> None:
    assert resolve("l1", [STATE, PLACE], prefer="actor", only="actor") is None


@pytest.mark.parametrize("module", ["grounding", "placing", "resolve", "response", "chunking", "client", "cache", "usage"])
def test_module_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"extractors.llm.{module}"))
    assert result.failed == 0

"""Version 4: both offline extractors read ONE table of verb and noun classes
(:mod:`extractors.shared.verb_classes`), each spotting a verb its own way (``rules`` by the words
around it, ``spacy`` by its part of speech). Invented sentences, no name from any gold or development
article: a class that one extractor's round 1 table held alone now types the other's events too.
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create
from extractors.rules import fallback
from extractors.shared import verb_classes as table
from extractors.spacy_pipeline import events as spacy_events
from extractors.spacy_pipeline import verb_classes as spacy_classes


def test_both_extractors_read_the_shared_table() -> None:
    """The same functions, not copies: a change to the table reaches both extractors."""
    assert fallback.verb_classes is table.verb_classes is spacy_classes.verb_classes
    assert fallback.stopped is table.stopped is spacy_classes.stopped
    assert spacy_events.noun_classes is table.noun_classes
    assert fallback.PHRASAL_SENSES is table.PHRASAL_SENSES


def test_a_class_wins_over_a_stop_list() -> None:
    """A light verb that a class claims ("house" the homeless) is an event of the class; others stay out."""
    assert not table.stopped("house") and table.verb_classes()["house"] == ("SUPPORT", "aid")
    assert table.stopped("think") and table.stopped("reach") and table.stopped("extend")


@pytest.fixture(scope="module")
def versions() -> dict[str, Any]:
    return {name: create(name) for name in ("rules.v3", "rules.v4", "spacy.v3", "spacy.v4")}


CASES = {
    "blocking (rules' round 1 class)": ("Protesters blocked the main road for three hours on Monday.",
                                        ("blocked", "DEMONSTRATE", "rally")),
    "issuing goods (spaCy's round 1 class)": ("The city will issue blankets to the families.",
                                              ("issue", "SUPPORT", "aid")),
    "sheltering (a class over a light verb)": ("The charity will house the families in a school.",
                                               ("house", "SUPPORT", "aid")),
    "naming (rules' round 1 class)": ("Maria Santos was named chief executive of the company on Monday.",
                                      ("named", "STATEMENT", None)),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_both_v4s_type_the_class(versions: dict[str, Any], case: str) -> None:
    text, expected = CASES[case]
    found = {}
    for name, extractor in versions.items():
        (doc,) = extractor.extract([Article("t", text)])
        found[name] = expected in {(e.trigger.text, e.type, e.subtype) for e in doc.events}
    assert found == {"rules.v3": False, "rules.v4": True, "spacy.v3": False, "spacy.v4": True}

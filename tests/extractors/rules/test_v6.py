"""Version 6 candidates of the ``rules`` extractor against version 5, on invented sentences (no name from
any gold or development article). The switches of :mod:`extractors.rules.roles_v6` were measured on
``dev`` and left off in ``V6`` (see :mod:`extractors.shared.profile`); each case fails on v5 (frozen)
and passes with the switches on, so that they can be measured again without losing their behaviour.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from eval.registry import Article, create
from extractors.rules.extractor import RulesExtractor
from extractors.shared.profile import V6


class _Candidates(RulesExtractor):
    """``rules.v6`` with the measured, not yet kept switches on."""

    profile = replace(V6, noun_preps=True, fronted_media=True, addressee_to=True, lone_heads=True)


@pytest.fixture(scope="module")
def extractors() -> dict[str, Any]:
    return {"v5": create("rules.v5"), "candidates": _Candidates()}


def arguments(extractor: Any, text: str, trigger: str) -> set[tuple[str, str]]:
    """The (role, entity name) arguments of the event whose trigger is ``trigger``."""
    (doc,) = extractor.extract([Article("t", text)])
    names = {a.id: a.name for a in doc.actors} | {loc.id: loc.name for loc in doc.locations}
    return {(arg.role, names[arg.ref]) for e in doc.events if e.trigger.text == trigger for arg in e.arguments}


# text, trigger, the argument v5 misses and the candidates find
CASES = {
    "statement from": ("According to a statement from the Brenmoor Police Department, two men were arrested.",
                       "statement", ("agent", "Brenmoor Police Department")),
    "letter from": ("The regional court received a letter from the Ministry of Finance on Monday.",
                    "letter", ("participant", "Ministry of Finance")),
    "loan from": ("The cooperative secured a loan from the Tessel Development Bank.",
                  "loan", ("agent", "Tessel Development Bank")),
    "support for": ("The mayor announced new support for the Drayton Farmers Cooperative.",
                    "support", ("target", "Drayton Farmers Cooperative")),
    "fronted statement": ("In a statement, the Velmar Corporation said it would appeal the ruling.",
                          "statement", ("agent", "Velmar Corporation")),
    "fronted statement with participle": ("In a brief statement issued on Friday, the ministry said the "
                                          "mine would stay closed.", "statement", ("agent", "ministry")),
    "addressee after to": ("The residents complained to the Orvano Rail Authority in May.",
                           "complained", ("target", "Orvano Rail Authority")),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_v6_candidate_roles(extractors: dict[str, Any], case: str) -> None:
    text, trigger, argument = CASES[case]
    found = {name: argument in arguments(ex, text, trigger) for name, ex in extractors.items()}
    assert found == {"v5": False, "candidates": True}, (
        text, {name: arguments(ex, text, trigger) for name, ex in extractors.items()})


def test_fronted_statement_leaves_out_the_participle_object(extractors: dict[str, Any]) -> None:
    """ "In a statement sent to reporters, he said": the reporters are no speaker of the statement."""
    text = "Kofi Adjei, the plant's director, spoke on Monday. In a statement sent to reporters, he said it was safe."
    found = arguments(extractors["candidates"], text, "statement")
    assert ("agent", "Kofi Adjei") in found and ("agent", "reporters") not in found, found


def test_addressee_is_not_read_past_a_clause(extractors: dict[str, Any]) -> None:
    """ "said he would go to the Tessel Foundation": no addressee (the words after the verb are a clause)."""
    text = "Kofi Adjei said he would go to the Tessel Foundation next week."
    assert ("target", "Tessel Foundation") not in arguments(extractors["candidates"], text, "said")


def test_lone_company_head_is_no_organisation(extractors: dict[str, Any]) -> None:
    """ "Mining" opening a headline is an industry, not a body; "the company" is the named firm's."""
    text = ("Mining waste spill turns river orange\n\nThe pipe is owned by Tarvel Ore Resources. "
            "The company said it regretted the leak.")
    names = {name: {a.name for a in next(iter(ex.extract([Article("t", text)]))).actors}
             for name, ex in extractors.items()}
    assert "Mining" in names["v5"] and "Mining" not in names["candidates"], names

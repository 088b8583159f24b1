"""Version 8's actors (switches ``class_people`` and ``class_persons``: nouns of people by their WordNet
class, :mod:`extractors.shared.nominals_v8`) against version 7, on invented sentences (no name from any
gold or development article): each case fails on the frozen v7 and passes on v8."""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create


@pytest.fixture(scope="module")
def versions() -> dict[str, Any]:
    return {name: create(name) for name in ("rules.v7", "rules.v8", "spacy.v7", "spacy.v8")}


def _actors(extractor: Any, text: str) -> dict[str, tuple[str, str | None, list[str]]]:
    """Actor name -> (type, subtype, the texts of its mentions)."""
    doc = next(iter(extractor.extract([Article("t", text)])))
    return {a.name: (a.type, a.subtype, [m.text for m in a.mentions]) for a in doc.actors}


GROUP_CASES = {
    "a trade nobody listed": ("The police said widows queued for the payments at night.", "widows"),
    "a subject with a place after it": ("Accountants at the firm found the error in March.", "accountants"),
    "a counted group": ("Two surgeons were suspended after the inquiry.", "surgeons"),
}


@pytest.mark.parametrize("case", GROUP_CASES, ids=list(GROUP_CASES))
@pytest.mark.parametrize("family", ["rules", "spacy"])
def test_plural_noun_of_people_is_a_group(versions: dict[str, Any], family: str, case: str) -> None:
    """class_people: a plural whose first WordNet sense is a person is a PER group of its own (1.2)."""
    text, noun = GROUP_CASES[case]
    assert noun not in _actors(versions[f"{family}.v7"], text)
    assert _actors(versions[f"{family}.v8"], text)[noun][:2] == ("PER", "group")


def test_a_kind_of_the_group_named_before_is_that_group(versions: dict[str, Any]) -> None:
    """class_people (rules): "the growers" after "Farmers" are the farmers (grower is a kind of farmer)."""
    text = "Farmers in the valley lost their crops. The growers want compensation."
    assert "growers" not in _actors(versions["rules.v7"], text)["farmers"][2]
    assert "growers" in _actors(versions["rules.v8"], text)["farmers"][2]


def test_no_group_from_verbs_class_phrases_or_predicates(versions: dict[str, Any]) -> None:
    """class_people: verbs ("monitors the river"), a class of-phrase ("one of the ... producers", 5 z), a
    predicate ("were teenagers"), a word read more as a verb ("equals") and officials of a body ("prosecutors",
    5 l 1) make no group; the orphans do."""
    text = ("The trust monitors the river. The mill was one of the last large textile producers. They were "
            "teenagers then. It is a partnership of equals. Prosecutors appealed. Orphans crowded the shrine.")
    found = _actors(versions["rules.v8"], text)
    assert not {"monitors", "producers", "teenagers", "equals", "prosecutors"} & set(found)
    assert "orphans" not in _actors(versions["rules.v7"], text) and "orphans" in found


PERSON_CASES = {
    "an age before the noun": ("A 41-year-old cashier was hurt in the robbery, and the cashier was taken to hospital.",
                               "cashier"),
    "a possessive before the noun": ("Her landlord raised the rent twice last year.", "landlord"),
    "a relative clause after the noun": ("The plumber who fixed the leak said the pipes were old.", "plumber"),
}


@pytest.mark.parametrize("case", PERSON_CASES, ids=list(PERSON_CASES))
def test_singular_noun_of_a_person_is_a_person(versions: dict[str, Any], case: str) -> None:
    """class_persons (rules): a singular noun of one person after a determiner is a PER person (5 l 2)."""
    text, noun = PERSON_CASES[case]
    assert noun not in _actors(versions["rules.v7"], text)
    assert _actors(versions["rules.v8"], text)[noun][:2] == ("PER", "person")


def test_no_person_from_predicates_titles_or_things(versions: dict[str, Any]) -> None:
    """class_persons (rules): a predicate ("as a chaplain"), a title before a name ("the regent of ..., Ana
    Ruiz"), a compound title ("the inspector general's office"), a modifier ("a national strike"), a
    generic indefinite in a quote (1.2) and a noun with a sense of a thing ("the ward") make no person; the
    janitor does."""
    text = ('She worked as a chaplain in the city. The regent of the district, Ana Ruiz, spoke. The inspector '
            'general\'s office called a national strike. "It can happen to a mate," he said. Nurses left the '
            'ward. The janitor locked the doors.')
    found = _actors(versions["rules.v8"], text)
    assert not {"chaplain", "regent", "general", "national", "mate", "ward"} & set(found)
    assert "janitor" not in _actors(versions["rules.v7"], text) and "janitor" in found

"""Version 8 of the ``rules`` extractor against version 7, on invented sentences (no name from any gold
or development article): each case fails on ``rules.v7`` (frozen) and passes on ``rules.v8`` (switches
of :mod:`extractors.shared.profile` added in version 8)."""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import create
from tests.extractors.rules.conftest import doc_of, events_of, quotes_of


@pytest.fixture(scope="module")
def v7() -> Any:
    return create("rules.v7")


@pytest.fixture(scope="module")
def v8() -> Any:
    return create("rules.v8")


def _contents(extractor: Any, text: str) -> list[str]:
    return [q.content.text for q in doc_of(extractor, text).quotes]


MONTH_TEXT = ("The district health officer said 40 cases had been recorded since Sept. 3 and that 12 patients "
              "remained in hospital.")


@pytest.mark.parametrize("version, whole", [("v7", False), ("v8", True)])
def test_month_abbreviation_ends_no_sentence(version: str, whole: bool, request: Any) -> None:
    """abbreviation_periods: "Sept. 3" does not end the sentence, so the reported clause runs on."""
    contents = _contents(request.getfixturevalue(version), MONTH_TEXT)
    assert any(c.endswith("remained in hospital") for c in contents) is whole


COMPANY_TEXT = "The shipping group Kelmar Corp. said on Monday it would close two depots in the north."


def _speakers(extractor: Any, text: str) -> set[str | None]:
    names = {a.id: a.name for a in doc_of(extractor, text).actors}
    return {names.get(q.speaker or "") for q in doc_of(extractor, text).quotes}


def test_company_suffix_ends_no_sentence(v7: Any, v8: Any) -> None:
    """abbreviation_periods: a period before a lower-case word ("Corp. said") ends no sentence, so the
    company is the speaker of the reported clause."""
    assert not any(s and "Kelmar" in s for s in _speakers(v7, COMPANY_TEXT))
    assert any(s and "Kelmar" in s for s in _speakers(v8, COMPANY_TEXT))


def test_verb_after_a_noun_phrase_with_modifiers(v7: Any, v8: Any) -> None:
    """clause_verbs: "Farmers in Tolvan County voted": a verb after a name is an event, and
    the head of the opening noun phrase is its subject."""
    text = "Farmers in Tolvan County voted on Monday to build a mill."
    assert "voted" not in events_of(v7, text)
    assert ("agent", "farmers") in events_of(v8, text)["voted"]




def test_verb_after_a_place_in_the_subject(v7: Any, v8: Any) -> None:
    """clause_verbs: "Nurses at the Saint Olav Hospital queued": the verb after the hospital's name is an
    event, and the nurses, the head of the subject, are its agent."""
    text = "Nurses at the Saint Olav Hospital queued outside the payroll office on Monday."
    assert "queued" not in events_of(v7, text)
    assert ("agent", "nurses") in events_of(v8, text)["queued"]


def test_reported_clause_after_the_quotation_marks(v7: Any, v8: Any) -> None:
    """after_mark_cues: '"...," X said, adding that ...': the clause after the marks is an indirect quote."""
    text = '"We will appeal," Tomas Vell said, adding that the port would stay open until Friday.'
    quote = ("indirect", "Tomas Vell", "the port would stay open until Friday")
    assert quote not in quotes_of(doc_of(v7, text))
    assert quote in quotes_of(doc_of(v8, text))


def test_object_of_a_preposition_is_no_subject(v7: Any, v8: Any) -> None:
    """pp_subjects: "Residents of San Tolvo protested": the residents, not the town, are the agent."""
    text = "Residents of San Tolvo protested outside the town hall."
    assert ("agent", "residents") not in events_of(v7, text)["protested"]
    assert events_of(v8, text)["protested"] == {("agent", "residents")}


def test_noun_phrase_object_before_a_joined_clause(v7: Any, v8: Any) -> None:
    """joined_clauses: "announced a relief fund ..., but farmers say ...": the fund is no reported clause;
    the farmers' clause is the quote."""
    text = "The ministry announced a relief fund for dairy farmers in 2021, but farmers say little of the money has arrived."
    quote = ("indirect", "farmers", "little of the money has arrived")
    assert quote not in quotes_of(doc_of(v7, text))
    assert quotes_of(doc_of(v8, text)) == [quote]


def test_adverbial_phrase_before_that(v7: Any, v8: Any) -> None:
    """adverbial_that: "announced after the vote that ...": the content starts after "that"."""
    text = "The rector, Ana Kell, announced after the vote that she would step down in June."
    quote = ("indirect", "Ana Kell", "she would step down in June")
    assert quote not in quotes_of(doc_of(v7, text))
    assert quote in quotes_of(doc_of(v8, text))

"""Version 7 of the ``rules`` extractor against version 6, on invented sentences (no name from any gold
or development article): each case fails on ``rules.v6`` (frozen) and passes on ``rules.v7`` (switches
of :mod:`extractors.shared.profile` added in version 7)."""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import create
from tests.extractors.rules.conftest import doc_of, events_of


@pytest.fixture(scope="module")
def v7() -> Any:
    return create("rules.v7")


def _mentions(extractor: Any, text: str) -> dict[str, list[str]]:
    """Actor name -> the texts of its mentions."""
    return {a.name: [m.text for m in a.mentions] for a in doc_of(extractor, text).actors}


def test_they_is_the_group_named_before(v7: Any) -> None:
    """they_groups: "They" in the next sentence is the group of residents, the agent of "said"."""
    text = "Residents of the valley queued for water on Monday. They said the trucks had arrived late."
    assert "They" in _mentions(v7, text)["residents"]
    assert ("agent", "residents") in events_of(v7, text)["said"]


def test_them_is_the_object_group(v7: Any) -> None:
    """they_groups: "dispersed them": the workers are the target."""
    text = "Hundreds of dock workers stopped work at the port on Monday, and police dispersed them with tear gas."
    assert ("target", "workers") in events_of(v7, text)["dispersed"]


def test_their_is_a_mention_of_the_group(v7: Any) -> None:
    """they_groups: "Their cooperative": the possessive is a mention of the farmers."""
    text = "Farmers in the district have not been paid since June. Their cooperative said on Friday that it would sue."
    assert "Their" in _mentions(v7, text)["farmers"]


def test_noun_of_an_event_class(v7: Any) -> None:
    """class_nouns: "a gas leak" is a DISASTER, "an audit" a LEGAL event, though no trigger table lists them."""
    doc = doc_of(v7, "Engineers found a gas leak under the school on Monday, and the council ordered an audit of every pipe.")
    types = {e.trigger.text: e.type for e in doc.events}
    assert types.get("leak") == "DISASTER" and types.get("audit") == "LEGAL"


def test_plural_noun_of_an_event_class(v7: Any) -> None:
    """class_nouns: a plural ("irregularities") is the event noun too."""
    doc = doc_of(v7, "Observers reported irregularities at several polling stations in the north.")
    assert "irregularities" in {e.trigger.text for e in doc.events}


def test_embedded_subject_is_no_actor(v7: Any) -> None:
    """phrase_subjects: "the trucks had arrived": the union is not the agent of "arrived"."""
    found = events_of(v7, "The union said the trucks had arrived late.")
    assert ("agent", "union") in found["said"]
    assert not found["arrived"]


def test_noun_phrase_subject_of_a_passive(v7: Any) -> None:
    """phrase_subjects: "the schools were closed": the ministry is not the target of "closed"."""
    found = events_of(v7, "The ministry said on Monday that several schools were closed after the storm.")
    assert ("target", "ministry") not in found.get("closed", set())


def test_support_verb_subject_is_the_noun_agent(v7: Any) -> None:
    """support_verbs: "X filed a formal complaint": X is the agent of the complaint."""
    found = events_of(v7, "The Varn Port Authority filed a formal complaint with the regulator on Tuesday.")
    assert ("agent", "Varn Port Authority") in found["complaint"]


def test_members_after_its_are_the_organisation(v7: Any) -> None:
    """body_members: "its members" is a mention of the cooperative, not a possessive "its"."""
    mentions = _mentions(v7, "The Varn Valley Growers Cooperative said its members would march on the capital on Friday.")
    assert "members" in mentions["Varn Valley Growers Cooperative"]


def test_body_noun_before_members(v7: Any) -> None:
    """body_members: "union officials" is the union named before: the participant of "sign"."""
    found = events_of(v7, "Kessin Dockers Union warned that union officials would not sign the offer.")
    assert found["sign"] == {("participant", "Kessin Dockers Union")}

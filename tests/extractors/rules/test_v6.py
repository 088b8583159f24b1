"""Version 6 of the ``rules`` extractor against version 5, on invented sentences (no name from any gold
or development article): each case fails on ``rules.v5`` (frozen) and passes on ``rules.v6`` as published
(switches ``place_settings``, ``receiver_roles``, ``by_agents``, ``object_quotes``, ``short_orgs``,
``headline_heads`` of :mod:`extractors.shared.profile`)."""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import create
from tests.extractors.rules.conftest import doc_of, events_of


@pytest.fixture(scope="module")
def v6() -> Any:
    return create("rules.v6")


def test_place_after_a_setting_noun(v6: Any) -> None:
    """place_settings: "told a news conference in X": X is the statement's place too."""
    found = events_of(v6, "The finance minister told a news conference in Nairobi that the budget would pass.")
    assert ("place", "Nairobi") in found["told"]


def test_place_after_a_ceremony_held_in(v6: Any) -> None:
    found = events_of(v6, "The two companies signed the accord at a meeting held in Geneva on Monday.")
    assert ("place", "Geneva") in found["signed"]


def test_receiver_is_no_giver(v6: Any) -> None:
    """receiver_roles: the noun naming the gift is the trigger; the receiver is its target, "from X" the giver."""
    found = events_of(v6, "The hospital received a donation of $2 million from the Orvane Foundation.")
    assert "received" not in found
    assert found["donation"] == {("target", "hospital"), ("agent", "Orvane Foundation")}


def test_by_agent_past_an_object(v6: Any) -> None:
    """by_agents: "built for the department by X": X is the agent."""
    found = events_of(v6, "The software was built for the revenue department by Orion Softworks.")
    assert ("agent", "Orion Softworks") in found["built"]


def test_reported_thing_is_no_quote(v6: Any) -> None:
    """object_quotes: "reported the defect to the regulator" quotes no speech."""
    doc = doc_of(v6, "The engineer reported the defect to the safety regulator in March.")
    assert not doc.quotes


def test_short_form_of_an_organisation(v6: Any) -> None:
    """short_orgs: two words of the full name, later alone, are the organisation's mention."""
    doc = doc_of(v6, "Rural Bank Holdings said profits rose. Later, Bank Holdings said it would expand.")
    assert [a.name for a in doc.actors] == ["Rural Bank Holdings"]


def test_headline_body_noun(v6: Any) -> None:
    """headline_heads: "Company" opening the headline is the company named in the article."""
    doc = doc_of(v6, "Company promises refunds after outage\n\nTelvora Networks said on Monday it would refund "
                   "customers hit by the outage.")
    assert [a.name for a in doc.actors] == ["Telvora Networks"]

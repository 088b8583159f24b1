"""Version 5 of the ``rules`` extractor against version 4, on invented sentences (no name from any gold
or development article). Each case fails on v4 (frozen) and passes on v5.
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create

VERSIONS = ("rules.v4", "rules.v5")


@pytest.fixture(scope="module")
def extractors() -> dict[str, Any]:
    return {name: create(name) for name in VERSIONS}


def actor_names(extractors: dict[str, Any], name: str, text: str) -> set[str]:
    """The names of every actor found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return {a.name for a in doc.actors}


# text, a portfolio word v4 took for an actor's name and v5 leaves in the title
PORTFOLIO_CASES = {
    "portfolio before a minister's name": ("Industry Minister Oskar Orlik signed the order on Friday.", "Industry"),
    "plural portfolio": ("Water Resources Minister Ravi Tandrel said the dam would open.", "Water Resources"),
    "cabinet secretary": ("Fisheries Cabinet Secretary Nyokabi Kebbe said the levy was final.",
                          "Fisheries Cabinet"),
    "deputy and portfolio": ("The money will pay for new clinics, according to Deputy Housing Minister Ilse Varga. "
                             "She did not say when.",
                             "Housing"),
    "two-word portfolio": ("Regional Transport Secretary Malik Osei announced the closure.", "Regional Transport"),
    "title without a name after it": ("The province's Mining Minister, Juno Paarl, said the licence would lapse.",
                                      "Mining Minister"),
}


@pytest.mark.parametrize("case", PORTFOLIO_CASES, ids=list(PORTFOLIO_CASES))
def test_v5_keeps_portfolios_in_titles(extractors: dict[str, Any], case: str) -> None:
    text, portfolio = PORTFOLIO_CASES[case]
    found = {name: portfolio in actor_names(extractors, name, text) for name in VERSIONS}
    assert found == {"rules.v4": True, "rules.v5": False}, (
        text, {n: actor_names(extractors, n, text) for n in VERSIONS})



def mentions_of(extractors: dict[str, Any], name: str, text: str, actor: str) -> list[str]:
    """The texts of the mentions of the actor named ``actor`` in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return [m.text for a in doc.actors if a.name == actor for m in a.mentions]


# text, the person speaker, the first person pronouns v5 gives that speaker in the direct quote
FIRST_PERSON_CASES = {
    "I and my": ("“I have done my best for this town,” said Mayor Ilse Varga.", "Ilse Varga", ["I", "my"]),
    "me after the cue": ("Oskar Orlik said: “Nobody asked me about the levy.”", "Oskar Orlik", ["me"]),
}


@pytest.mark.parametrize("case", FIRST_PERSON_CASES, ids=list(FIRST_PERSON_CASES))
def test_v5_gives_first_person_pronouns_to_the_speaker(extractors: dict[str, Any], case: str) -> None:
    text, speaker, pronouns = FIRST_PERSON_CASES[case]
    found = {name: all(p in mentions_of(extractors, name, text, speaker) for p in pronouns) for name in VERSIONS}
    assert found == {"rules.v4": False, "rules.v5": True}, (
        text, {n: mentions_of(extractors, n, text, speaker) for n in VERSIONS})


def test_v5_first_person_is_no_body(extractors: dict[str, Any]) -> None:
    """An organisation speaks as "we"; an "I" in its quote is left alone."""
    text = "“I cannot say more,” the Harrow Valley Water Company said in a statement."
    (doc,) = extractors["rules.v5"].extract([Article("t", text)])
    assert not any(m.text == "I" for a in doc.actors for m in a.mentions)


# text, the named organisation, the body noun that v5 makes its mention (v4: an unnamed body of its own)
ORG_NOMINAL_CASES = {
    "apposition": ("Teller Ridge Haulage, a company founded in 1998, said it would appeal.",
                   "Teller Ridge Haulage", "company"),
    "definite reference to a name with the noun": (
        "The Marrow Bay Institute opened a laboratory. The institute said the work would start in May.",
        "Marrow Bay Institute", "institute"),
    "the company, after a name that no head types": (
        "Orvane Tessel said it would cut 40 jobs. The company said demand had fallen.", "Orvane Tessel", "company"),
}


@pytest.mark.parametrize("case", ORG_NOMINAL_CASES, ids=list(ORG_NOMINAL_CASES))
def test_v5_body_nouns_are_mentions_of_the_named_organisation(extractors: dict[str, Any], case: str) -> None:
    text, org, noun = ORG_NOMINAL_CASES[case]
    found = {name: noun in mentions_of(extractors, name, text, org)
             and noun not in actor_names(extractors, name, text) for name in VERSIONS}
    assert found == {"rules.v4": False, "rules.v5": True}, (
        text, {n: (mentions_of(extractors, n, text, org), actor_names(extractors, n, text)) for n in VERSIONS})


def test_v5_an_indefinite_body_noun_stays_its_own(extractors: dict[str, Any]) -> None:
    """"a company" with no name right before it is another company, not the one named."""
    text = "Teller Ridge Haulage won the tender. The ministry later paid a company in the capital."
    assert "company" in actor_names(extractors, "rules.v5", text)


def locations_of(extractors: dict[str, Any], name: str, text: str) -> set[str]:
    """The names of every location found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return {loc.name for loc in doc.locations}


def test_v5_a_datelines_country_before_a_month_is_a_place(extractors: dict[str, Any]) -> None:
    """"March" after a dateline's country is a date, not the verb "march" of the state."""
    text = "LIMA, Peru, March 4 (Tolu Wire) - Water tanker drivers said on Monday they would stop work."
    found = {name: ("Peru" in locations_of(extractors, name, text), "Peru" in actor_names(extractors, name, text))
             for name in VERSIONS}
    assert found == {"rules.v4": (False, True), "rules.v5": (True, False)}, found


# text, a name of a source line that v4 took for an actor
WIRE_CASES = {
    "slug of a dateline with no comma": ("TOLU (Ruvo Wire) — Bakers in the capital said they would raise prices.",
                                         "Ruvo Wire"),
    "byline line outside brackets": ("Bakers in the capital said they would raise prices.\n\n"
                                     "Additional reporting by Ilse Varga in Tolu", "Additional"),
}


@pytest.mark.parametrize("case", WIRE_CASES, ids=list(WIRE_CASES))
def test_v5_source_lines_are_boilerplate(extractors: dict[str, Any], case: str) -> None:
    text, name_ = WIRE_CASES[case]
    found = {name: name_ in actor_names(extractors, name, text) for name in VERSIONS}
    assert found == {"rules.v4": True, "rules.v5": False}, (
        text, {n: actor_names(extractors, n, text) for n in VERSIONS})
def event_types(extractors: dict[str, Any], name: str, text: str) -> set[tuple[str, str]]:
    """(trigger, type) of every event found in ``text``."""
    (doc,) = extractors[name].extract([Article("t", text)])
    return {(e.trigger.text, e.type) for e in doc.events}


_ELECTION_LEAD = ("Voters in the district elected a new mayor on Sunday after a close election. "
                  "Both candidates had campaigned for weeks. ")
# text, the (trigger, type) v5 finds and v4 does not
ELECTION_CASES = {
    "a result in an election article": (_ELECTION_LEAD + "The result was announced at midnight.",
                                        ("result", "PERSONNEL")),
    "a vote in an election article": (_ELECTION_LEAD + "Observers said the town needed unity after a split vote.",
                                      ("vote", "PERSONNEL")),
    "a vote on a bill beside an election": ("The vote on the rent bill was delayed until after the election.",
                                            ("vote", "POLICY")),
}


@pytest.mark.parametrize("case", ELECTION_CASES, ids=list(ELECTION_CASES))
def test_v5_types_votes_and_results_by_one_table(extractors: dict[str, Any], case: str) -> None:
    text, expected = ELECTION_CASES[case]
    found = {name: expected in event_types(extractors, name, text) for name in VERSIONS}
    assert found == {"rules.v4": False, "rules.v5": True}, (text, {n: event_types(extractors, n, text) for n in VERSIONS})

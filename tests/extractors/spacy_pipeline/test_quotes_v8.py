"""Version 8 of ``spacy`` quotes (profile switches ``clause_mixed``, ``sentence_clauses``, ``wordnet_cues``,
``pronoun_speakers``, ``statement_clauses``, ``split_cues``, ``question_clauses``, ``stance_cues``) against version 7, on invented sentences (no name from any
gold or development article): each case states a quote (kind, speaker, content, mention) v8 finds and
checks that v7 (frozen) does not; the guards state what v8 must still not do (guidelines 2).
"""
from __future__ import annotations

from typing import Any

import pytest

from tests.extractors.spacy_pipeline.conftest import one, quotes_of


@pytest.fixture(scope="module")
def spacy_versions() -> dict[str, Any]:
    from eval.registry import create

    return {name: create(name) for name in ("spacy.v7", "spacy.v8")}


CASES = {
    # clause_mixed: a quoted fragment inside the clause a verb reports is a mixed quote of that verb
    "fragment inside a reported clause": (
        "Harbour master Tomas Ekdahl said the ferry had been delayed “by a storm nobody saw coming” and "
        "insisted that the crossing was safe.",
        ("mixed", "Tomas Ekdahl", "the ferry had been delayed “by a storm nobody saw coming”", "Tomas Ekdahl")),
    # sentence_clauses: a second reporting verb of a sentence, also where the sentence holds a quotation
    "a participle cue of the speaker": (
        "Professor Ines Carvalho told a committee that the dam was sound, adding that the sluice gates would "
        "be replaced next year.",
        ("indirect", "Ines Carvalho", "the sluice gates would be replaced next year", "Ines Carvalho")),
    "said after a naming verb's quote": (
        "Councillor Ruth Adeyemi called the budget “a betrayal of the northern wards” and said the council "
        "would vote against it.",
        ("indirect", "Councillor Ruth Adeyemi", "the council would vote against it", "Councillor Ruth Adeyemi")),
    # wordnet_cues: a verb of communication by WordNet with a clause
    "wrote that": (
        "Senator Paulo Reyes wrote on his blog that the new tax would hurt small farmers in the valley.",
        ("indirect", "Paulo Reyes", "the new tax would hurt small farmers in the valley", "Paulo Reyes")),
    # pronoun_speakers: "He said" / "She said" goes on with the speaker of the sentence before
    "he continues the speaker, not a man in the content": (
        "Coach Tomas Berg said the team had lost because striker Anton Lind was injured. He said the club "
        "would sign a new forward in January.",
        ("indirect", "Tomas Berg", "the club would sign a new forward in January", "He")),
    "she continues the speaker": (
        "Mayor Hilde Aas said the council had met with Governor Lise Moen on Tuesday. She said the two had "
        "agreed to share the cost of the new road.",
        ("indirect", "Hilde Aas", "the two had agreed to share the cost of the new road", "She")),
    # statement_clauses: "said in a statement that" where the parser hangs the clause on the noun
    "said in a statement that": (
        "The Kerrow Mining Company, which is owned by a group of investors in Perth, said in a statement that "
        "the strike had cost it about 900 tonnes of zinc.",
        ("indirect", "Kerrow Mining Company", "the strike had cost it about 900 tonnes of zinc",
         "Kerrow Mining Company")),
    # split_cues: a coordinated cue inside the clause of the first makes its own quote of the same speaker
    "but admitted that": (
        "Mayor Ingrid Solberg said the bridge would reopen in May but admitted that the repairs had cost "
        "twice the budget.",
        ("indirect", "Ingrid Solberg", "the repairs had cost twice the budget", "Ingrid Solberg")),
    # stance_cues: a verb of hope or fear with a clause (guidelines 2, "hoped")
    "hoped that": (
        "Farmers' leader Oskar Lindqvist hoped that the new dam would end the shortages in the valley.",
        ("indirect", "Oskar Lindqvist", "the new dam would end the shortages in the valley", "Oskar Lindqvist")),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_v8_finds_quotes_v7_missed(spacy_versions: dict[str, Any], case: str) -> None:
    """Each quote is found by v8 and not by v7."""
    text, expected = CASES[case]
    found = {name: expected in quotes_of(one(ex, text)) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v7": False, "spacy.v8": True}, quotes_of(one(spacy_versions["spacy.v8"], text))


GUARDS = {
    "evidence from a survey": "The survey shows that most commuters in Tarrow drive to work.",
    "a verb of calculation": "The engineers calculate that the repairs will take a year.",
    "a verb of expectation": "Rail operator Nordbahn AG expects that fares will rise next year.",
    "a belief put into words": "Police in Tarrow suspect that the fire at the warehouse was started deliberately.",
}


@pytest.mark.parametrize("case", GUARDS, ids=list(GUARDS))
def test_v8_makes_no_quote_of_cognition_or_evidence(spacy_versions: dict[str, Any], case: str) -> None:
    """Verbs of cognition, calculation and evidence with a clause stay no cue (guidelines 2, not quotes)."""
    assert quotes_of(one(spacy_versions["spacy.v8"], GUARDS[case])) == []


def test_v8_reports_no_question_after_a_verb_of_saying(spacy_versions: dict[str, Any]) -> None:
    """``question_clauses``: a question word after a verb that is no asking makes no quote (guidelines 2,
    indirect questions); version 7 made one."""
    text = "The transport minister, Petra Holm, would not say whether the toll on the ring road would rise."
    found = {name: [q[2] for q in quotes_of(one(ex, text))] for name, ex in spacy_versions.items()}
    assert any(c.startswith("whether") for c in found["spacy.v7"]), found
    assert not any(c.startswith("whether") for c in found["spacy.v8"]), found

"""Version 3 of ``spacy`` (profile switches ``arguments`` and ``nominal_actors``) against version 2, on
invented sentences (no name from any gold or development article): each case states an argument v3
must find through the parse, and checks that v2 (frozen) does not, so each case shows the gap it closes.
"""
from __future__ import annotations

from typing import Any

import pytest

from eval.registry import Article, create
from eval.schema import Document


@pytest.fixture(scope="module")
def spacy_versions() -> dict[str, Any]:
    return {name: create(name) for name in ("spacy.v2", "spacy.v3")}


def arguments(extractor: Any, text: str) -> set[tuple[str, str, str]]:
    """(trigger, role, entity name) of every argument of the text's events."""
    (doc,) = extractor.extract([Article("t", text)])
    names = {e.id: e.name for e in [*doc.actors, *doc.locations]}
    return {(e.trigger.text, a.role, names[a.ref]) for e in doc.events for a in e.arguments}


ARGUMENT_CASES = {
    "relative clause": ("Senator Maria Santos, who had accused the mayor of fraud, conceded defeat on Monday.",
                        ("accused", "agent", "Maria Santos")),
    "apposition before possessor": ("Velmara Cotton Mills' chairman, David Okoro, resigned on Friday.",
                                    ("resigned", "target", "David Okoro")),
    "coordinated subject": ("Maria Santos and David Okoro met in the capital on Monday.",
                            ("met", "participant", "David Okoro")),
    "control through two verbs": ("Maria Santos wants to travel to Paris to meet the mayors.",
                                  ("meet", "participant", "Maria Santos")),
    "plural pronoun": ("Maria Santos and David Okoro signed a deal on Monday. They said they would resign in May.",
                       ("resign", "target", "David Okoro")),
    "possessor of a change of post": ("Maria Santos thanked the board. Her appointment surprised the staff.",
                                      ("appointment", "target", "Maria Santos")),
    "light verb": ("Maria Santos held talks with the unions on Monday.", ("talks", "participant", "Maria Santos")),
    "statement noun": ("Velmara Cotton Mills said in a statement that it would close.",
                       ("statement", "agent", "Velmara Cotton Mills")),
    "place inside a place": ("About 300 farmers protested on Monday outside a hospital in Paris.",
                             ("protested", "place", "Paris")),
}


@pytest.mark.parametrize("case", ARGUMENT_CASES, ids=list(ARGUMENT_CASES))
def test_v3_finds_arguments_through_the_parse(spacy_versions: dict[str, Any], case: str) -> None:
    text, expected = ARGUMENT_CASES[case]
    found = {name: expected in arguments(ex, text) for name, ex in spacy_versions.items()}
    assert found == {"spacy.v2": False, "spacy.v3": True}, arguments(spacy_versions["spacy.v3"], text)


def actors(extractor: Any, text: str) -> dict[str, tuple[str, str | None, list[str]]]:
    """Actor name -> (type, subtype, mention texts)."""
    (doc,) = extractor.extract([Article("t", text)])
    return {a.name: (a.type, a.subtype, [m.text for m in a.mentions]) for a in doc.actors}


DESCRIPTION_CASES = {
    "person role": ("Fans booed the referee after the match on Sunday.", "referee", ("PER", "person", ["referee"])),
    "body with a modifier": ("The regional board of examiners said on Monday that results would be late.",
                             "board", ("ORG", "government", ["board"])),
    "set of people": ("Investigators said the investigators had found no evidence.",
                      "investigators", ("PER", "group", ["Investigators", "investigators"])),
}


@pytest.mark.parametrize("case", DESCRIPTION_CASES, ids=list(DESCRIPTION_CASES))
def test_v3_finds_actors_named_by_a_description(spacy_versions: dict[str, Any], case: str) -> None:
    text, name, expected = DESCRIPTION_CASES[case]
    found = {version: actors(ex, text).get(name) for version, ex in spacy_versions.items()}
    assert found == {"spacy.v2": None, "spacy.v3": expected}


CORE_CASES = {
    "appositive": ("Maria Santos, a former teacher, won the race on Sunday.", ["Maria Santos", "teacher"]),
    "close apposition": ("The chairman of the Tarvo Farmers' Union David Okoro said prices had fallen.",
                         ["chairman", "David Okoro"]),
    "same head later": ("The finance minister, David Okoro, resigned on Monday. The minister said he was tired.",
                        ["minister", "David Okoro", "minister", "he"]),
}


@pytest.mark.parametrize("case", CORE_CASES, ids=list(CORE_CASES))
def test_v3_descriptions_of_a_named_person_are_its_mentions(spacy_versions: dict[str, Any], case: str) -> None:
    text, mentions = CORE_CASES[case]
    v2, v3 = (actors(spacy_versions[name], text) for name in ("spacy.v2", "spacy.v3"))
    person = [n for n, (type_, _, _) in v3.items() if type_ == "PER"]
    assert (person, v3[person[0]][2], v2[person[0]][2] != mentions) == (person[:1], mentions, True)


@pytest.mark.parametrize("version", ["spacy.v2", "spacy.v3"])
def test_v3_finds_a_name_again_where_the_tagger_missed_it(spacy_versions: dict[str, Any], version: str) -> None:
    """The tagger's entity is kept on the first mention only (as spaCy leaves a repeated name untagged)."""
    extractor = spacy_versions[version]
    doc = extractor.nlp("The Office of Water Rights fined a mill. The Office of Water Rights said costs rose.")
    doc.set_ents([e for e in doc.ents if e.start_char < 30], default="outside")
    names = {a.name: [m.start for m in a.mentions] for a in extractor.document("t", doc).actors}
    assert names.get("Office of Water Rights") == {"spacy.v2": [4], "spacy.v3": [4, 45]}[version]

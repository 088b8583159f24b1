"""Grounding the model's strings in the article: methods, order of repeated mentions, what is dropped."""
from __future__ import annotations

import json
import re

import pytest

from extractors.llm.grounding import Grounder, Located, normalise
from extractors.llm.placing import ground_answer
from extractors.llm.response import Answer, parse_answer
from tests.conftest import ROOT

TEXT = "Mayor Lena Brook met \u201cangry\u201d farmers in Dunmore.  Brook said\nprices fell. Later Brook left Dunmore."


@pytest.fixture
def grounder() -> Grounder:
    return Grounder(TEXT)


@pytest.mark.parametrize(
    ("needle", "method", "expected"),
    [
        ("Lena Brook", "exact", "Lena Brook"),
        ('"angry" farmers', "normalised", "\u201cangry\u201d farmers"),  # straightened quotes
        ("in dunmore. brook", "normalised", "in Dunmore.  Brook"),  # case and a whitespace run
        ("Brook said prices fall", "fuzzy", "Brook said\nprices fell"),  # a changed word
    ],
)
def test_methods(grounder: Grounder, needle: str, method: str, expected: str) -> None:
    found = grounder.find(needle)
    assert (found.method, TEXT[found.start : found.end]) == (method, expected)


@pytest.mark.parametrize("needle", ["Atlantis", "", "completely different words here"])
def test_ungroundable_is_none(grounder: Grounder, needle: str) -> None:
    assert grounder.find(needle) is None


def test_word_boundaries_are_preferred() -> None:
    # "Lee" must not be found inside "Leeds" when it also occurs as a word.
    assert Grounder("Leeds fans cheered Lee.").find("Lee") == Located(19, 22, "exact")


def test_normalise_keeps_an_index_into_the_original() -> None:
    norm, index = normalise("A\u2014B  \u2019c\u2019")
    assert (norm, index) == ("a-b 'c'", [0, 1, 2, 3, 5, 6, 7])


def _answer(**lists) -> Answer:
    return parse_answer(json.dumps({"actors": [], "locations": [], "quotes": [], "events": [], **lists}))


def test_repeated_mentions_go_to_successive_occurrences() -> None:
    answer = _answer(
        actors=[{"id": "a1", "name": "Lena Brook", "type": "PER", "mentions": ["Lena Brook", "Brook", "Brook", "Brook"]}],
        locations=[{"id": "l1", "name": "Dunmore", "type": "GPE", "mentions": ["Dunmore", "Dunmore"]}],
        events=[{"type": "STATEMENT", "trigger": "said"}, {"type": "MOVE", "trigger": "left"}],
    )
    g = ground_answer(answer, TEXT, offset=100)
    brook = [i for i in range(len(TEXT)) if TEXT.startswith("Brook", i)]  # 11, then two more
    dunmore = [i for i in range(len(TEXT)) if TEXT.startswith("Dunmore", i)]
    said, left = TEXT.index("said"), TEXT.index("left")
    assert (
        g.entities[0].mentions,
        g.entities[1].mentions,
        [e.trigger for e in g.events],
        g.dropped,
        dict(g.methods),
    ) == (
        # "Lena Brook", then the later "Brook"s; the fourth "Brook" would nest in "Lena Brook": dropped
        [(106, 116), *[(b + 100, b + 105) for b in brook[1:]]],
        [(d + 100, d + 107) for d in dunmore],
        [(said + 100, said + 104), (left + 100, left + 104)],
        [{"path": "actors[0].mentions[3]", "text": "Brook"}],
        {"exact": 7},
    )


def test_one_table_of_used_positions_across_actors_and_locations() -> None:
    # The actor Belarus speaks through "Minsk" (the government) between two mentions of the city.
    text = "Talks in Minsk ended. Minsk said it would host more. Trains left Minsk at noon."
    answer = _answer(
        actors=[{"id": "a1", "name": "Belarus", "type": "GPE", "mentions": ["[Minsk] said", "it"]}],
        locations=[{"id": "l1", "name": "Minsk", "type": "GPE", "mentions": ["Minsk", "Minsk"]}],
    )
    g = ground_answer(answer, text)
    starts = [i for i in range(len(text)) if text.startswith("Minsk", i)]
    assert [[s for s, _ in e.mentions] for e in g.entities] == [[starts[1], text.index("it ")], [starts[0], starts[2]]]


def test_context_in_brackets_places_a_repeated_word() -> None:
    text = "It rained. Officials said it was safe, and the port said it would reopen."
    answer = _answer(locations=[{"id": "l1", "name": "port", "type": "FAC", "mentions": ["port", "port [said] it would"]}],
                     events=[{"type": "STATEMENT", "trigger": "the port [said] it"}])
    g = ground_answer(answer, text)
    second_said = text.index("said", text.index("port"))
    assert [e.trigger for e in g.events] == [(second_said, second_said + 4)]


def test_a_mixed_quote_keeps_the_closing_mark_of_its_last_fragment() -> None:
    text = "She said the plan was \u201cdead on arrival,\u201d and left."
    content = "the plan was \u201cdead on arrival,\u201d"
    g = ground_answer(_answer(quotes=[{"content": content, "speaker": None, "kind": "mixed", "cue": "said"}]), text)
    assert text[slice(*g.quotes[0].content)] == content


def test_quotes_lose_their_marks_and_cues_are_found_near_them() -> None:
    text = 'He said no. "We will stay," she said, and left.'
    answer = _answer(quotes=[{"content": '"We will stay,"', "speaker": None, "kind": "direct", "cue": "said"}])
    quote = ground_answer(answer, text).quotes[0]
    assert (text[slice(*quote.content)], quote.cue) == ("We will stay,", (32, 36))  # the "said" after it


def test_dropped_strings_are_reported_with_their_path() -> None:
    answer = _answer(
        actors=[{"id": "a1", "name": "X", "type": "ORG", "mentions": ["Nowhere Corp"]}],
        quotes=[{"content": "words never written anywhere", "speaker": None, "kind": "direct", "cue": None}],
    )
    g = ground_answer(answer, TEXT)
    assert (g.dropped, g.entities[0].mentions, g.quotes) == (
        [
            {"path": "actors[0].mentions[0]", "text": "Nowhere Corp"},
            {"path": "quotes[0].content", "text": "words never written anywhere"},
        ],
        [],
        [],
    )


def test_the_readme_example_is_placed_as_it_says() -> None:
    readme = (ROOT / "extractors" / "llm" / "README.md").read_text(encoding="utf-8")
    text = re.search(r'For the article "(.*?)":', readme).group(1)
    answer = parse_answer(re.search(r"```json\n(.*?)\n```", readme, re.DOTALL).group(1))
    g = ground_answer(answer, text)
    tarsk = [i for i in range(len(text)) if text.startswith("Tarsk", i)]
    assert (g.dropped, g.unresolved, [[s for s, _ in e.mentions] for e in g.entities]) == (
        [], 0, [[tarsk[1], text.index("it ")], [text.index("Ilse")], [tarsk[0], tarsk[2]]])

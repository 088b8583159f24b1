"""Grounding the model's strings in the article: methods, order of repeated mentions, what is dropped."""
from __future__ import annotations

import pytest

from extractors.llm.grounding import Grounder, Located, ground_answer, normalise
from extractors.llm.response import Answer

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


def test_repeated_mentions_go_to_successive_occurrences() -> None:
    answer = Answer.model_validate(
        {
            "actors": [{"name": "Lena Brook", "type": "PER", "mentions": ["Lena Brook", "Brook", "Brook", "Brook"]}],
            "locations": [{"name": "Dunmore", "type": "GPE", "mentions": ["Dunmore", "Dunmore"]}],
            "quotes": [],
            "events": [
                {"type": "STATEMENT", "trigger": "said", "arguments": [], "polarity": None, "modality": None},
                {"type": "MOVE", "trigger": "left", "arguments": [], "polarity": None, "modality": None},
            ],
        }
    )
    g = ground_answer(answer, TEXT, offset=100)
    brook = [i for i in range(len(TEXT)) if TEXT.startswith("Brook", i)]  # 11, then two more
    dunmore = [i for i in range(len(TEXT)) if TEXT.startswith("Dunmore", i)]
    said, left = TEXT.index("said"), TEXT.index("left")
    assert (
        g.actors[0].mentions,
        g.locations[0].mentions,
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


def test_quotes_lose_their_marks_and_cues_are_found_near_them() -> None:
    text = 'He said no. "We will stay," she said, and left.'
    answer = Answer.model_validate(
        {
            "actors": [],
            "locations": [],
            "quotes": [{"content": '"We will stay,"', "speaker": None, "kind": "direct", "cue": "said"}],
            "events": [],
        }
    )
    quote = ground_answer(answer, text).quotes[0]
    assert (text[slice(*quote.content)], quote.cue) == ("We will stay,", (32, 36))  # the "said" after it


def test_dropped_strings_are_reported_with_their_path() -> None:
    answer = Answer.model_validate(
        {
            "actors": [{"name": "X", "type": "ORG", "mentions": ["Nowhere Corp"]}],
            "locations": [],
            "quotes": [{"content": "words never written anywhere", "speaker": None, "kind": "direct", "cue": None}],
            "events": [],
        }
    )
    g = ground_answer(answer, TEXT)
    assert (g.dropped, g.actors[0].mentions, g.quotes) == (
        [
            {"path": "actors[0].mentions[0]", "text": "Nowhere Corp"},
            {"path": "quotes[0].content", "text": "words never written anywhere"},
        ],
        [],
        [],
    )

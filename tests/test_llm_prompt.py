"""The prompt: valid few-shot answers grounded in their own texts, and no gold article text in it."""
from __future__ import annotations

import re
from pathlib import Path

from extractors.llm.grounding import ground_answer
from extractors.llm.prompt import EXAMPLES, build_messages, prompt_hash
from extractors.llm.response import Answer

N = 6  # six words in a row shared with a gold article would be a copy, not a coincidence


def _ngrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + N]) for i in range(len(words) - N + 1)}


def test_no_gold_article_text_in_the_prompt(seeds_dir: Path) -> None:
    prompt = "\n".join(m["content"] for m in build_messages(""))
    shared = {
        path.name: sorted(" ".join(g) for g in _ngrams(prompt) & _ngrams(path.read_text(encoding="utf-8")))
        for path in sorted(seeds_dir.glob("*.txt"))
    }
    assert len(shared) == 3 and shared == {name: [] for name in shared}


def test_few_shot_answers_are_grounded_in_their_examples() -> None:
    results = [ground_answer(Answer.model_validate(a), text) for text, a in EXAMPLES]
    assert [(g.dropped, set(g.methods)) for g in results] == [([], {"exact"})] * len(EXAMPLES)


def test_article_is_the_last_message_and_the_hash_ignores_it() -> None:
    messages = build_messages("Some invented article.")
    assert (messages[-1]["role"], "Some invented article." in messages[-1]["content"], len(prompt_hash())) == (
        "user", True, 64
    )

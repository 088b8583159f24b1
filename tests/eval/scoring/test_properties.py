"""Properties of the scorer on generated documents (hypothesis, 500 examples each).

Documents are built over a short text of numbered words so that generated gold and predicted spans
overlap often; a reserved tail of words holds spurious items that can overlap nothing in the gold.
"""
from __future__ import annotations

from typing import Any, Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from eval.schema import Document
from eval.scoring.figures import CATEGORIES
from eval.scoring.scorer import score

N_WORDS = 12  # words that gold and predictions share
TAIL = 6  # words only spurious predictions use
WORDS = [f"w{i}" for i in range(N_WORDS + TAIL)]
TEXT = " ".join(WORDS) + "."
STARTS = [sum(len(w) + 1 for w in WORDS[:i]) for i in range(len(WORDS))]
EXAMPLES = settings(max_examples=500, deadline=None)


def span(i: int, j: int) -> dict[str, Any]:
    start, end = STARTS[i], STARTS[j - 1] + len(WORDS[j - 1])
    return {"start": start, "end": end, "text": TEXT[start:end]}


@st.composite
def spans(draw: st.DrawFn, lo: int = 0, hi: int = N_WORDS, longest: int = 3) -> dict[str, Any]:
    i = draw(st.integers(lo, hi - 1))
    j = draw(st.integers(i + 1, min(hi, i + longest)))
    return span(i, j)


@st.composite
def documents(draw: st.DrawFn, doc_id: str = "d", lo: int = 0, hi: int = N_WORDS, prefix: str = "") -> dict[str, Any]:
    """A document as JSON data, every span inside words [lo, hi)."""
    where = {"lo": lo, "hi": hi}
    actors = [
        {"id": f"{prefix}a{i}", "name": f"actor {i}", "type": draw(st.sampled_from(["PER", "ORG"])),
         "mentions": draw(st.lists(spans(**where), min_size=1, max_size=3))}
        for i in range(draw(st.integers(0, 3)))
    ]
    locations = [
        {"id": f"{prefix}l{i}", "name": f"place {i}", "type": draw(st.sampled_from(["GPE", "LOC"])),
         "mentions": draw(st.lists(spans(**where), min_size=1, max_size=2))}
        for i in range(draw(st.integers(0, 2)))
    ]
    speakers = st.sampled_from([None] + [a["id"] for a in actors])
    quotes = [
        {"id": f"{prefix}q{i}", "content": draw(spans(**where, longest=4)), "speaker": draw(speakers),
         "kind": draw(st.sampled_from(["direct", "indirect", "mixed"]))}
        for i in range(draw(st.integers(0, 3)))
    ]
    refs = [e["id"] for e in actors + locations]
    events = [
        {"id": f"{prefix}e{i}", "type": draw(st.sampled_from(["MEET", "ATTACK"])), "trigger": draw(spans(**where, longest=2)),
         "arguments": [{"role": draw(st.sampled_from(["agent", "target"])), "ref": r}
                       for r in (draw(st.lists(st.sampled_from(refs), max_size=2)) if refs else [])]}
        for i in range(draw(st.integers(0, 3)))
    ]
    return {"doc_id": doc_id, "text": TEXT, "actors": actors, "locations": locations, "quotes": quotes, "events": events}


@st.composite
def corpora(draw: st.DrawFn) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    n = draw(st.integers(1, 3))
    return [(draw(documents(f"d{i}")), draw(documents(f"d{i}"))) for i in range(n)]


def build(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[tuple[Document, Document]]:
    return [(Document.model_validate(g), Document.model_validate(p)) for g, p in pairs]


def figures(scores: dict[str, Any], path: str = "") -> Iterator[tuple[str, str, float]]:
    """Every ``(path, name, value)`` figure (precision, recall, f1, accuracy) in a scores tree."""
    for key, value in scores.items():
        if isinstance(value, dict):
            yield from figures(value, f"{path}/{key}")
        elif key in ("precision", "recall", "f1", "accuracy") and isinstance(value, float):
            yield path, key, value


def category_figures(card: Any, category: str, name: str) -> dict[str, float]:
    return {p: v for p, n, v in figures(card.scores[category]["detail"]) if n == name}


@EXAMPLES
@given(corpora())
def test_gold_against_itself_is_one_everywhere(corpus: list) -> None:
    docs = build(corpus)
    card = score([(g, g) for g, _ in docs], n_boot=20)
    assert {(p, n): v for p, n, v in figures(card.scores) if v != 1.0} == {}
    assert card.errors == []


@EXAMPLES
@given(corpora(), st.randoms(use_true_random=False))
def test_permuting_items_and_documents_changes_nothing(corpus: list, rnd: Any) -> None:
    def shuffled(doc: dict[str, Any]) -> dict[str, Any]:
        out = dict(doc)
        for cat in CATEGORIES:
            items = [dict(item) for item in doc[cat]]
            for item in items:
                for field in ("mentions", "arguments"):
                    if field in item:
                        item[field] = rnd.sample(item[field], len(item[field]))
            out[cat] = rnd.sample(items, len(items))
        return out

    before = score(build(corpus), n_boot=30, seed=1)
    permuted = rnd.sample([(shuffled(g), shuffled(p)) for g, p in corpus], len(corpus))
    after = score(build(permuted), n_boot=30, seed=1)
    assert after.scores == before.scores
    assert sorted(e.model_dump_json() for e in after.errors) == sorted(e.model_dump_json() for e in before.errors)


@EXAMPLES
@given(corpora(), st.sampled_from(CATEGORIES), st.data())
def test_removing_a_predicted_item_never_raises_recall(corpus: list, category: str, data: st.DataObject) -> None:
    d = data.draw(st.integers(0, len(corpus) - 1))
    gold, pred = corpus[d]
    if not pred[category]:
        return
    k = data.draw(st.integers(0, len(pred[category]) - 1))
    smaller = dict(pred, **{category: pred[category][:k] + pred[category][k + 1:]})
    if category == "actors":  # the removed actor may no longer be a quote's speaker
        gone = pred[category][k]["id"]
        smaller["quotes"] = [dict(q, speaker=None) if q["speaker"] == gone else q for q in pred["quotes"]]
        smaller["events"] = [dict(e, arguments=[a for a in e["arguments"] if a["ref"] != gone]) for e in pred["events"]]
    if category == "locations":
        gone = pred[category][k]["id"]
        smaller["events"] = [dict(e, arguments=[a for a in e["arguments"] if a["ref"] != gone]) for e in pred["events"]]
    before = category_figures(score(build(corpus), n_boot=0), category, "recall")
    after = category_figures(score(build(corpus[:d] + [(gold, smaller)] + corpus[d + 1:]), n_boot=0), category, "recall")
    assert {p: (after[p], before[p]) for p in before if after[p] > before[p]} == {}


@EXAMPLES
@given(corpora(), st.sampled_from(CATEGORIES), st.data())
def test_adding_a_spurious_item_never_raises_precision(corpus: list, category: str, data: st.DataObject) -> None:
    d = data.draw(st.integers(0, len(corpus) - 1))
    gold, pred = corpus[d]
    extra = data.draw(documents(pred["doc_id"], lo=N_WORDS, hi=N_WORDS + TAIL, prefix="x"))
    if not extra[category]:
        return
    item = extra[category][0]
    if category == "quotes":
        item = dict(item, speaker=None)
    if category == "events":
        item = dict(item, arguments=[])
    bigger = dict(pred, **{category: pred[category] + [item]})
    before = category_figures(score(build(corpus), n_boot=0), category, "precision")
    after = category_figures(score(build(corpus[:d] + [(gold, bigger)] + corpus[d + 1:]), n_boot=0), category, "precision")
    assert {p: (after[p], before[p]) for p in before if after[p] > before[p]} == {}


@EXAMPLES
@given(corpora())
def test_strict_never_exceeds_partial(corpus: list) -> None:
    card = score(build(corpus), n_boot=0)
    found = {(path.rsplit("/", 1)[0], n): {} for path, n, _ in figures(card.scores) if path.endswith(("/strict", "/partial"))}
    for path, name, value in figures(card.scores):
        if path.endswith(("/strict", "/partial")) and name != "accuracy":
            head, mode = path.rsplit("/", 1)
            found[(head, name)][mode] = value
    assert {k: v for k, v in found.items() if v and v["strict"] > v["partial"]} == {}


@EXAMPLES
@given(corpora())
def test_every_figure_lies_in_the_unit_interval(corpus: list) -> None:
    card = score(build(corpus), n_boot=20)
    assert [(p, n, v) for p, n, v in figures(card.scores) if not 0.0 <= v <= 1.0] == []
    intervals = [card.scores[c]["ci"][k] for c in (*CATEGORIES, "overall") for k in ("precision", "recall", "f1")]
    assert [ci for ci in intervals if not 0.0 <= ci[0] <= ci[1] <= 1.0] == []

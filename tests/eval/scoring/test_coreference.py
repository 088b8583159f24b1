"""Coreference figures: LEA against its paper's worked example, and MUC, B³, CEAF-e, CoNLL against scorch."""
from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from scorch import scores as scorch

from eval.schema import Document
from eval.scoring.coreference import partition_scores
from eval.scoring.scorer import score

ROOT = Path(__file__).resolve().parents[3]
CATEGORIES = ("actors", "locations")
SCORCH = {"muc": scorch.muc, "b3": scorch.b_cubed, "ceaf_e": scorch.ceaf_e}


def test_lea_on_the_worked_example_of_its_paper() -> None:
    # Moosavi and Strube (2016): key {a b c}, {d e f g}; response {a b}, {c d}, {f g h i}.
    # Recall: k1 has 3 links, 1 kept ({a b}); k2 has 6, 1 kept ({f g}): (3 * 1/3 + 4 * 1/6) / (3 + 4) = 5/21.
    # Precision: r1 keeps its 1 link, r2 none of 1, r3 1 of 6: (2 * 1 + 2 * 0 + 4 * 1/6) / (2 + 2 + 4) = 1/3.
    key = [set("abc"), set("defg")]
    response = [set("ab"), set("cd"), set("fghi")]
    recall, precision = 5 / 21, 1 / 3
    assert partition_scores(key, response)["lea"] == pytest.approx(
        [precision, recall, 2 * precision * recall / (precision + recall)], abs=1e-12)


def test_lea_singletons_have_a_self_link() -> None:
    # A singleton is resolved when its mention is a singleton of the other side, not when it sits in a larger entity.
    assert (partition_scores([{1}, {2}], [{1}, {2}])["lea"], partition_scores([{1}, {2}], [{1, 2}])["lea"]) == (
        [1.0, 1.0, 1.0], [0.0, 0.0, 0.0])


@pytest.mark.parametrize("seed", range(20))
def test_partitions_agree_with_scorch(seed: int) -> None:
    rnd = random.Random(seed)
    mentions = list(range(rnd.randint(3, 14)))
    key = _partition(rnd, rnd.sample(mentions, rnd.randint(2, len(mentions))))
    response = _partition(rnd, rnd.sample(mentions + [100, 101, 102], rnd.randint(2, len(mentions))))
    ours = partition_scores(key, response)
    theirs = {name: _prf(metric(key, response)) for name, metric in SCORCH.items()}
    if any(len(k) > 1 for k in key) and any(len(r) > 1 for r in response):  # scorch gives MUC 0 without a link on a side
        assert {n: ours[n] for n in SCORCH} == {n: pytest.approx(v, abs=1e-9) for n, v in theirs.items()}


def _partition(rnd: random.Random, items: list) -> list[set]:
    parts: list[set] = []
    for item in items:
        if parts and rnd.random() < 0.6:
            rnd.choice(parts).add(item)
        else:
            parts.append({item})
    return parts


def _prf(rpf: tuple) -> list[float]:
    """scorch returns (recall, precision, F1); the scorer reports precision, recall, F1."""
    return [float(rpf[1]), float(rpf[0]), float(rpf[2])]


@pytest.fixture(scope="module")
def shipped_gold() -> list[Document]:
    files = sorted((ROOT / "gold").glob("[0-9]*.json"))
    if not files:
        pytest.skip("the shipped gold is absent")
    return [Document.model_validate_json(p.read_text(encoding="utf-8")) for p in files]


@pytest.mark.parametrize("seed", [None, *range(12)])
def test_strict_coreference_agrees_with_scorch_on_the_gold_and_perturbations(shipped_gold, seed) -> None:
    preds = [g if seed is None else perturb(g, random.Random(f"{seed}-{g.doc_id}")) for g in shipped_gold]
    card = score(list(zip(shipped_gold, preds)), n_boot=0)
    got, want = {}, {}
    for cat in CATEGORIES:
        key, response = clusters(shipped_gold, cat), clusters(preds, cat)
        detail = card.scores[cat]["detail"]
        for name, metric in SCORCH.items():
            got[(cat, name)] = [detail[name]["strict"][k] for k in ("precision", "recall", "f1")]
            want[(cat, name)] = pytest.approx(_prf(metric(key, response)), abs=1e-9)
        got[(cat, "conll")] = detail["conll"]["strict"]["f1"]
        want[(cat, "conll")] = pytest.approx(scorch.conll2012(key, response), abs=1e-9)
    assert got == want


def clusters(docs: list[Document], category: str) -> list[set]:
    """Every entity of ``category`` over all documents as a set of (doc_id, start, end): micro over documents."""
    return [{(d.doc_id, m.start, m.end) for m in e.mentions} for d in docs for e in getattr(d, category) if e.mentions]


def perturb(gold: Document, rnd: random.Random) -> Document:
    """The gold's actors and locations with mentions dropped, moved between entities, split off, shifted and added.

    Spans stay distinct within a category (each mention in one entity); quotes and events are dropped.
    """
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", gold.text)]
    out: dict[str, Any] = {"doc_id": gold.doc_id, "text": gold.text}
    for cat in CATEGORIES:
        entities = [[(m.start, m.end) for m in e.mentions] for e in getattr(gold, cat)]
        used = {span for spans in entities for span in spans}
        moved: list[list[tuple[int, int]]] = [[] for _ in entities]
        for i, spans in enumerate(entities):
            for span in spans:
                r = rnd.random()
                if r < 0.15:
                    continue  # dropped
                if r < 0.25:
                    new = rnd.choice(words)  # shifted onto another word, if free
                    if new in used:
                        continue
                    used.add(new)
                    span = new
                target = rnd.randrange(len(moved) + 1) if r > 0.8 else i
                if target == len(moved):
                    moved.append([])
                moved[target].append(span)
        for _ in range(rnd.randint(0, 4)):  # spurious mentions
            new = rnd.choice(words)
            if new not in used:
                used.add(new)
                (rnd.choice(moved) if moved and rnd.random() < 0.5 else (moved.append([]) or moved[-1])).append(new)
        kind = "PER" if cat == "actors" else "GPE"
        out[cat] = [{"id": f"{cat[0]}{i}", "name": "x", "type": kind,
                     "mentions": [{"start": s, "end": e, "text": gold.text[s:e]} for s, e in spans]}
                    for i, spans in enumerate(moved) if spans]
    return Document.model_validate(out)

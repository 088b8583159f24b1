"""Pairing predictions with gold documents: the one check that ``validate``, ``score`` and ``run`` apply.

:func:`pairing_problem` decides for one document read from a file whether it can be paired with the
gold: its ``doc_id`` is a gold document's (where the caller requires it), it was not seen before in
the same file, and its ``text`` is the gold text exactly. :func:`pair_predictions` (documents in
memory), :func:`read_predictions` (a file, in memory), the streaming scorer
(:mod:`eval.scoring.stream`) and ``newsbench validate`` (:mod:`eval.scoring.validate`) all call it,
so the checks and their messages are the same everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, MutableMapping

from eval.data.files import bulk_allocation
from eval.data.models import Document
from eval.data.parsing import iter_parsed
from eval.exceptions import InvalidInputError, Problem
from eval.gold.load import GoldSet

MAX_LISTED_MISSING = 10


@dataclass(frozen=True)
class Pairing:
    """Gold documents paired with their predictions (None when a document got no prediction)."""

    pairs: tuple[tuple[Document, Document | None], ...]
    missing: tuple[str, ...]  # doc_ids of gold documents without a prediction: scored as misses


@dataclass(frozen=True)
class GoldRef:
    """What pairing needs to know of the gold: its size and where it came from, for messages."""

    n_docs: int
    source: str


def pairing_problem(
    label: str,
    doc: Document,
    gold_text: str | None,
    seen: MutableMapping[str, str],
    gold: GoldRef,
    *,
    require_gold: bool = True,
) -> Problem | None:
    """Why ``doc`` (read at ``label``) cannot be paired with the gold, or None; records it in ``seen``.

    Args:
        label: the file and line the document was read from.
        doc: the document.
        gold_text: the text of the gold document with the same ``doc_id``; None when there is none.
        seen: ``doc_id -> label`` of the documents already paired from the same file.
        gold: the gold's size and source, named in messages.
        require_gold: whether a ``doc_id`` the gold lacks is a problem (it is for scoring; ``validate``
            without ``--gold`` checks texts only where there is a gold document to compare with).

    >>> seen = {}
    >>> ref = GoldRef(1, "gold/")
    >>> pairing_problem("p:1", Document(doc_id="a", text="Hi."), "Hi.", seen, ref) is None
    True
    >>> print(pairing_problem("p:2", Document(doc_id="a", text="Hi."), "Hi.", seen, ref))
    p:2: doc_id: second prediction for 'a' (first at p:1)
    """
    if doc.doc_id in seen:
        return Problem(label, "doc_id", f"second prediction for {doc.doc_id!r} (first at {seen[doc.doc_id]})")
    if gold_text is None:
        if not require_gold:
            seen[doc.doc_id] = label
            return None
        return Problem(label, "doc_id", f"{doc.doc_id!r} is not a gold document ({gold.n_docs} gold documents in {gold.source})")
    if doc.text != gold_text:
        return Problem(label, "text", text_difference(gold_text, doc.text, doc.doc_id))
    seen[doc.doc_id] = label
    return None


def text_difference(gold: str, pred: str, doc_id: str) -> str:
    """Where a prediction's text first differs from its gold text.

    >>> text_difference("NATO met.", "NATO mat.", "d")
    "differs from the gold text of 'd' at offset 6 (gold 'et.', prediction 'at.'; lengths 9 and 9)"
    """
    at = next((i for i, (a, b) in enumerate(zip(gold, pred)) if a != b), min(len(gold), len(pred)))
    return (
        f"differs from the gold text of {doc_id!r} at offset {at} "
        f"(gold {gold[at:at + 20]!r}, prediction {pred[at:at + 20]!r}; lengths {len(gold)} and {len(pred)})"
    )


def pair_predictions(gold: GoldSet, predictions: Iterator[tuple[str, Document]]) -> Pairing:
    """Pair predictions with gold by ``doc_id``, checking each (:func:`pairing_problem`) before any scoring.

    Args:
        gold: the gold set.
        predictions: ``(label, document)`` pairs, the label naming the file and line.

    Raises:
        InvalidInputError: a prediction names an unknown ``doc_id``, repeats one, or its ``text``
            differs from the gold text; every such problem is listed.
    """
    by_id = gold.by_id()
    ref = GoldRef(len(by_id), gold.source)
    seen: dict[str, str] = {}
    found: dict[str, Document] = {}
    problems: list[Problem] = []
    for label, pred in predictions:
        g = by_id.get(pred.doc_id)
        problem = pairing_problem(label, pred, g.text if g is not None else None, seen, ref)
        if problem:
            problems.append(problem)
        else:
            found[pred.doc_id] = pred
    if problems:
        raise InvalidInputError(problems)
    missing = tuple(d.doc_id for d in gold.documents if d.doc_id not in found)
    return Pairing(tuple((d, found.get(d.doc_id)) for d in gold.documents), missing)


def read_predictions(
    pred: Path, gold: GoldSet, warn: Callable[[Problem], None] | None = None
) -> Pairing:
    """Read a prediction file, checking every line, and pair it with the gold.

    Every problem of the file is collected (syntax, schema, semantics, unknown or repeated
    ``doc_id``, text differing from the gold) before anything is raised; nothing is scored from a
    file with a problem. Findings that do not stop scoring go to ``warn``: spans that split a
    character, an empty file, gold documents without a prediction (they are scored as misses).

    Raises:
        InvalidInputError: with every problem found.
    """
    warn = warn or (lambda _p: None)
    problems: list[Problem] = []

    def documents() -> Iterator[tuple[str, object]]:
        for parsed in iter_parsed(pred):
            problems.extend(parsed.problems)
            for w in parsed.warnings:
                warn(w)
            if parsed.document is not None:
                yield parsed.label, parsed.document

    try:
        with bulk_allocation():
            pairing = pair_predictions(gold, documents())  # type: ignore[arg-type]
    except InvalidInputError as exc:
        raise InvalidInputError(problems + exc.problems) from None
    if problems:
        raise InvalidInputError(problems)
    warn_missing(pred, pairing.missing, len(gold.documents), warn)
    return pairing


def warn_missing(pred: Path, missing: tuple[str, ...], n_gold: int, warn: Callable[[Problem], None]) -> None:
    """Warn about gold documents without a prediction (scored as misses): each by name when few."""
    if not missing:
        return
    if len(missing) == n_gold:
        warn(Problem(str(pred), "", f"holds no prediction for any of the {n_gold} gold documents; all their items count as misses"))
    elif len(missing) <= MAX_LISTED_MISSING:
        for doc_id in missing:
            warn(Problem(str(pred), "", f"no prediction for gold document {doc_id!r}; its items count as misses"))
    else:
        shown = ", ".join(repr(d) for d in missing[:5])
        warn(
            Problem(
                str(pred), "", f"no prediction for {len(missing)} of {n_gold} gold documents ({shown}, ...); their items count as misses"
            )
        )

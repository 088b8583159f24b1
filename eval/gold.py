"""Finding and loading the gold documents, and pairing predictions with them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Container, Iterable, Iterator

from eval.exceptions import InvalidInputError, Problem
from eval.io import CROSS_DOCUMENT_FILE, bulk_allocation, document_sha256, iter_parsed
from eval.schema import Document

_PACKAGE_GOLD = Path(__file__).parent / "_data" / "gold"  # inside an installed wheel
_CHECKOUT_GOLD = Path(__file__).parent.parent / "gold"  # in a checkout or editable install


def default_gold_dir() -> Path:
    """The gold shipped with newsbench: in the wheel when installed, else the checkout's ``gold/``."""
    return _PACKAGE_GOLD if _PACKAGE_GOLD.is_dir() else _CHECKOUT_GOLD


@dataclass(frozen=True)
class GoldSet:
    """The gold documents (sorted by ``doc_id``), where they came from and their fingerprint."""

    documents: tuple[Document, ...]
    source: str
    sha256: str

    def by_id(self) -> dict[str, Document]:
        return {d.doc_id: d for d in self.documents}


def gold_files(folder: Path) -> list[Path]:
    """The document files of a gold folder: every ``*.json`` except the cross-document file."""
    return sorted(p for p in folder.glob("*.json") if p.name != CROSS_DOCUMENT_FILE)


def load_gold(source: str | Path | None = None) -> GoldSet:
    """Load gold documents from a gold folder, a published dataset folder or ``hf://OWNER/NAME``.

    Args:
        source: None for the shipped gold; a folder of ``<doc_id>.json`` files; a folder built by
            ``newsbench publish``; ``hf://OWNER/NAME`` for the dataset on the Hugging Face Hub; or a
            ``.jsonl`` file of gold documents, one per line (large corpora, read as a stream).

    Raises:
        InvalidInputError: the source is missing, empty, or holds an invalid document (every problem listed).
    """
    if isinstance(source, str) and source.startswith("hf://"):
        from eval.hub import load_published

        return _gold_set(load_published(source), source)
    folder = Path(source) if source is not None else default_gold_dir()
    if not folder.exists():
        raise InvalidInputError(Problem(str(folder), "", "gold folder not found"))
    if folder.is_file() and folder.suffix == ".jsonl":
        files = [folder]
    elif not folder.is_dir():
        raise InvalidInputError(Problem(str(folder), "", "is a file; --gold expects a folder or a .jsonl file"))
    else:
        files = gold_files(folder)
    if not files and (folder / "README.md").exists():
        from eval.hub import load_published

        return _gold_set(load_published(str(folder)), str(folder))
    if not files:
        raise InvalidInputError(Problem(str(folder), "", "holds no gold documents (*.json)"))
    docs, problems = [], []
    with bulk_allocation():
        for path in files:
            for parsed in iter_parsed(path, gold=True):
                problems += parsed.problems
                if parsed.document is not None:
                    docs.append(parsed.document)
    if problems:
        raise InvalidInputError(problems)
    return _gold_set(docs, str(folder))


def _gold_set(docs: Iterable[Document], source: str) -> GoldSet:
    docs = sorted(docs, key=lambda d: d.doc_id)
    seen: set[str] = set()
    for d in docs:
        if d.doc_id in seen:
            raise InvalidInputError(Problem(source, "doc_id", f"duplicate doc_id {d.doc_id!r} in the gold"))
        seen.add(d.doc_id)
    return GoldSet(tuple(docs), source, document_sha256(docs))


@dataclass(frozen=True)
class Pairing:
    """Gold documents paired with their predictions (None when a document got no prediction)."""

    pairs: tuple[tuple[Document, Document | None], ...]
    missing: tuple[str, ...]  # doc_ids of gold documents without a prediction: scored as misses


def pair_predictions(gold: GoldSet, predictions: Iterator[tuple[str, Document]]) -> Pairing:
    """Pair predictions with gold by ``doc_id``, checking each before any scoring.

    Args:
        gold: the gold set.
        predictions: ``(label, document)`` pairs, the label naming the file and line.

    Raises:
        InvalidInputError: a prediction names an unknown ``doc_id``, repeats one, or its ``text``
            differs from the gold text; every such problem is listed.
    """
    by_id = gold.by_id()
    found: dict[str, Document] = {}
    problems: list[Problem] = []
    for label, pred in predictions:
        is_gold = pred.doc_id in by_id
        problem = id_problem(label, pred.doc_id, is_gold=is_gold, seen=found, n_gold=len(by_id), source=gold.source)
        problem = problem or text_problem(label, by_id[pred.doc_id].text, pred)
        if problem:
            problems.append(problem)
        else:
            found[pred.doc_id] = pred
    if problems:
        raise InvalidInputError(problems)
    missing = tuple(d.doc_id for d in gold.documents if d.doc_id not in found)
    return Pairing(tuple((d, found.get(d.doc_id)) for d in gold.documents), missing)


def id_problem(
    label: str, doc_id: str, *, is_gold: bool, seen: Container[str], n_gold: int, source: str
) -> Problem | None:
    """Why a prediction's ``doc_id`` cannot be paired (unknown, or already predicted), or None."""
    if not is_gold:
        return Problem(label, "doc_id", f"{doc_id!r} is not a gold document ({n_gold} gold documents in {source})")
    if doc_id in seen:
        return Problem(label, "doc_id", f"second prediction for {doc_id!r}")
    return None


def text_problem(label: str, gold_text: str, pred: Document) -> Problem | None:
    """Why a prediction's ``text`` is not its gold document's text, or None."""
    if pred.text == gold_text:
        return None
    return Problem(label, "text", text_difference(gold_text, pred.text, pred.doc_id))


def text_difference(gold: str, pred: str, doc_id: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(gold, pred)) if a != b), min(len(gold), len(pred)))
    return (
        f"differs from the gold text of {doc_id!r} at offset {at} "
        f"(gold {gold[at:at + 20]!r}, prediction {pred[at:at + 20]!r}; lengths {len(gold)} and {len(pred)})"
    )

"""``newsbench validate``: every problem of every file, as ``file: json.path: reason``."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from eval.errors import InvalidInputError, Problem
from eval.gold import GoldSet, text_difference
from eval.io import iter_parsed


def validate_files(paths: Iterable[Path], gold: GoldSet | None = None) -> tuple[int, list[Problem]]:
    """Check gold or prediction files against the schema and the semantic rules.

    Args:
        paths: ``.json`` (one document) or ``.jsonl`` (one document per line) files.
        gold: when given, a document whose ``doc_id`` is a gold document must carry the gold text.

    Returns:
        The number of documents read and every problem found, in file order.
    """
    by_id = gold.by_id() if gold else {}
    n_docs, problems = 0, []
    for path in paths:
        try:
            for parsed in iter_parsed(Path(path), full=True):
                n_docs += 1
                problems += parsed.problems
                doc = parsed.document
                if doc is not None and doc.doc_id in by_id and by_id[doc.doc_id].text != doc.text:
                    problems.append(Problem(parsed.label, "text", text_difference(by_id[doc.doc_id].text, doc.text, doc.doc_id)))
        except InvalidInputError as exc:
            problems += exc.problems
    return n_docs, problems

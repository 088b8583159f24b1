"""Loading gold from a dataset repository built by ``newsbench publish``: a local folder or ``hf://OWNER/NAME``.
"""
from __future__ import annotations

from pathlib import Path

from eval.data.models import Document
from eval.data.rows import SPLIT, row_document
from eval.exceptions import InvalidInputError, Problem


def load_published(source: str) -> list[Document]:
    """Load the gold documents from a published dataset: ``hf://OWNER/NAME`` or a local folder.

    Raises:
        InvalidInputError: the folder has no ``documents`` config, or a row is not a valid document.
    """
    from datasets import load_dataset

    path = source.removeprefix("hf://")
    if not source.startswith("hf://") and not (Path(path) / "README.md").exists():
        raise InvalidInputError(Problem(source, "", "not a published newsbench dataset (no README.md dataset card)"))
    try:
        rows = load_dataset(path, "documents", split=SPLIT)
    except (ValueError, FileNotFoundError) as exc:
        raise InvalidInputError(Problem(source, "", f"cannot load the 'documents' config: {exc}")) from None
    return [row_document(row, source, i) for i, row in enumerate(rows)]

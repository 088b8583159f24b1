"""Loading gold from a dataset repository built by ``newsbench publish``: a local folder or ``hf://OWNER/NAME``.
"""
from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
    if source.startswith("hf://"):
        check_hub_reachable(source)
    try:
        rows = _load_documents(load_dataset, path, local=not source.startswith("hf://"))
    except (ValueError, FileNotFoundError) as exc:
        raise InvalidInputError(Problem(source, "", f"cannot load the 'documents' config: {exc}")) from None
    except (ConnectionError, OSError) as exc:  # the Hub answered badly or the connection broke
        raise InvalidInputError(Problem(source, "", f"cannot download the dataset: {exc}")) from None
    return [row_document(row, source, i) for i, row in enumerate(rows)]


def _load_documents(load_dataset: Any, path: str, *, local: bool) -> Any:
    """The ``documents`` split. A local folder is read into a cache of its own: ``datasets`` keys its shared
    cache by the folder's name and data-file layout, so a second folder called ``repo`` would be served the
    first one's rows."""
    if not local:
        return load_dataset(path, "documents", split=SPLIT)
    with tempfile.TemporaryDirectory(prefix="newsbench-published-") as cache:
        return load_dataset(path, "documents", split=SPLIT, cache_dir=cache, keep_in_memory=True)


def check_hub_reachable(source: str, timeout_s: float = 3.0) -> None:
    """Fail fast when the Hub cannot be reached, instead of after the client's retries (about 30 s).

    Skipped when the Hugging Face clients are told to work offline (``HF_HUB_OFFLINE=1`` or
    ``HF_DATASETS_OFFLINE=1``): then the dataset comes from the local cache.

    Raises:
        InvalidInputError: no TCP connection to the Hub's host (``HF_ENDPOINT`` or huggingface.co) within ``timeout_s``.
    """
    if any(os.environ.get(v, "").lower() in ("1", "true", "yes") for v in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE")):
        return
    endpoint = urlsplit(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    host = endpoint.hostname or "huggingface.co"
    port = endpoint.port or (443 if endpoint.scheme == "https" else 80)
    try:
        socket.create_connection((host, port), timeout=timeout_s).close()
    except OSError as exc:
        raise InvalidInputError(Problem(
            source, "", f"cannot reach the Hugging Face Hub at {host}:{port} ({exc.strerror or exc}); check the network, "
            "or set HF_HUB_OFFLINE=1 to use a copy already in the local cache",
        )) from None

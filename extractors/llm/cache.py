"""The on-disk response cache: a second run makes zero requests, a crashed run resumes.

One JSON file per request, ``<cache_dir>/llm/<key[:2]>/<key>.json``, keyed on the model, the
prompt (its hash), the request parameters and the hash of the text sent. Only answers that passed
validation are stored, so a failed document is asked again next time. Files are written atomically
(temporary file, then rename): a run killed mid-write leaves no broken entry, an unreadable entry
counts as a miss, and the temporary files a killed run left behind are removed by the next run.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from eval.api import write_json

CACHE_ENV = "NEWSBENCH_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$NEWSBENCH_CACHE_DIR``, else ``~/.cache/newsbench``."""
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "newsbench")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def cache_key(*, model: str, prompt_hash: str, params: dict[str, Any], text: str) -> str:
    """The key of one request.

    >>> k = cache_key(model="m", prompt_hash="p", params={"temperature": 0}, text="t")
    >>> k == cache_key(model="m", prompt_hash="p", params={"temperature": 0}, text="t"), len(k)
    (True, 64)
    >>> k == cache_key(model="other", prompt_hash="p", params={"temperature": 0}, text="t")
    False
    """
    material = {"model": model, "prompt": prompt_hash, "params": params, "text_sha256": text_sha256(text)}
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode("utf-8")).hexdigest()


STALE_TMP_S = 60.0  # a temporary file this old is a killed run's leftover, not a write in progress


class ResponseCache:
    """Answers stored by key under ``root/llm/``."""

    def __init__(self, root: Path):
        self.root = Path(root) / "llm"
        self.removed_stale = self._remove_stale()

    def _remove_stale(self) -> int:
        """Delete temporary files left by a killed run (older than STALE_TMP_S); how many."""
        if not self.root.is_dir():
            return 0
        removed = 0
        cutoff = time.time() - STALE_TMP_S
        for tmp in self.root.glob("*/.*.tmp"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
            except OSError:  # another run finished or removed it meanwhile
                pass
        return removed

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored entry, or None when absent or unreadable."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) and isinstance(entry.get("content"), str) else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        write_json(self._path(key), entry)

"""Shared fixtures. Tests that read ../shared/ skip with a reason where it is absent (a user's clone)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


def read_article(path: Path) -> str:
    """An invented test article exactly as stored (CRLF kept): UTF-8, no newline translation."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture
def data_dir() -> Path:
    """Golden files and small fixtures under tests/data/."""
    return DATA


@pytest.fixture
def seeds_dir() -> Path:
    """The seed articles in ../shared/seeds/; skips where this checkout has no ../shared/."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is absent: the seed articles exist only beside the project's own checkout")
    return seeds

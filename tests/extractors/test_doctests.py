"""The examples in the docstrings of ``extractors.shared``, ``extractors.rules`` and
``extractors.spacy_pipeline`` hold (pytest is not run with ``--doctest-modules``)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import extractors

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(extractors.__path__, "extractors.")
    if m.name.split(".")[1] in ("shared", "rules", "spacy_pipeline")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0

"""The ``newsbench`` command (also ``python -m eval``): every command, and the only place errors become exit codes.

* :mod:`eval.cli.app`: the application, shared options, error handling and ``main``;
* :mod:`eval.cli.run`: running extractors and scoring them (``run``, ``extract``, ``score``, ``map``, ``list``, ``compare``);
* :mod:`eval.cli.files`: checking, summarising and converting files (``validate``, ``leaderboard``, ``publish``, ...).
"""
from __future__ import annotations

from eval.cli import files, run  # noqa: F401 (importing them registers their commands)
from eval.cli.app import app, main

__all__ = ["app", "main"]

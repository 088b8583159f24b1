"""Where things are: the data shipped with newsbench, and every file name under a results folder.

Shipped data (gold, JSON Schema, event inventory, guidelines, citation) is found the same way from a checkout and
from an installed wheel: the wheel carries it under ``eval/_data/`` (see ``pyproject.toml``), a
checkout has it at the top of the repository.

>>> RESULT_FILES.predictions("rules")
'rules.predictions.jsonl'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eval.exceptions import InvalidInputError, Problem

_PACKAGE = Path(__file__).resolve().parent
_WHEEL_DATA = _PACKAGE / "_data"
_CHECKOUT = _PACKAGE.parent

GOLD_DIR = "gold"
SCHEMA_FILE = "schema/document.schema.json"
EVENT_INVENTORY_FILE = "schema/event_inventory.yaml"
GUIDELINES_FILE = "gold/GUIDELINES.md"
CITATION_FILE = "CITATION.cff"
CROSS_DOCUMENT_FILE = "cross_document.json"
# The shipped gold folders by split: the test gold of the headline scores, and the two halves of the
# invented development set (never in the headline scores; see gold/dev/README.md).
GOLD_SPLITS = {"test": GOLD_DIR, "dev": f"{GOLD_DIR}/dev/dev", "devtest": f"{GOLD_DIR}/dev/devtest"}
DEV_SPLITS = ("dev", "devtest")
PYPROJECT_FILE = "pyproject.toml"  # in a checkout only; an installed package has its metadata instead


def shipped(relative: str) -> Path:
    """The shipped file or folder ``relative`` (e.g. ``"gold"``): in the wheel when installed, else in the checkout."""
    packaged = _WHEEL_DATA / relative
    return packaged if packaged.exists() else _CHECKOUT / relative


def default_gold_dir() -> Path:
    """The gold shipped with newsbench."""
    return shipped(GOLD_DIR)


def split_gold_dir(split: str) -> Path:
    """The shipped gold folder of ``split`` (``test``, ``dev`` or ``devtest``).

    Raises:
        InvalidInputError: ``split`` is not one of them.
    """
    if split not in GOLD_SPLITS:
        raise InvalidInputError(Problem(split, "", f"unknown split; valid: {', '.join(GOLD_SPLITS)}"))
    return shipped(GOLD_SPLITS[split])


# A name, with an optional version suffix ".v<N>" (``rules.v2``): the only dot a results name may hold.
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}(?:\.v[0-9]{1,4})?$")


@dataclass(frozen=True)
class ResultFiles:
    """The names of the files ``newsbench run`` and ``newsbench score --out`` write in a results folder."""

    not_run: str = "not_run.json"
    leaderboard_md: str = "leaderboard.md"
    leaderboard_csv: str = "leaderboard.csv"
    chart: str = "leaderboard.png"
    report: str = "report.html"
    comparison: str = "comparison.json"

    @staticmethod
    def result(extractor: str) -> str:
        """The results object of one extractor."""
        return f"{extractor}.json"

    @staticmethod
    def predictions(extractor: str) -> str:
        """The documents an extractor produced, as JSON Lines."""
        return f"{extractor}.predictions.jsonl"

    @staticmethod
    def errors(extractor: str) -> str:
        """The per-item error list of one extractor, as JSON Lines."""
        return f"{extractor}.errors.jsonl"

    @staticmethod
    def is_result(name: str) -> bool:
        """Whether a file name in a results folder is an extractor's results object ("rules.v2.json" is).

        >>> [ResultFiles.is_result(n) for n in ("rules.v2.json", "llm.json", "not_run.json", "a.b.json")]
        [True, True, False, False]
        """
        return (name.endswith(".json") and bool(_NAME.match(name.removesuffix(".json")))
                and name not in (ResultFiles.not_run, ResultFiles.comparison))

    @staticmethod
    def extractor_of(file_name: str) -> str:
        """The extractor a predictions or results file name belongs to (its stem without the file kind).

        >>> ResultFiles.extractor_of("rules.v2.predictions.jsonl"), ResultFiles.extractor_of("my-run.jsonl")
        ('rules.v2', 'my-run')
        """
        stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
        for kind in (".predictions", ".errors"):
            stem = stem.removesuffix(kind)
        return stem if _NAME.match(stem) else stem.split(".")[0]

    def leaderboard(self) -> tuple[str, ...]:
        """The leaderboard files, as published beside the dataset."""
        return (self.leaderboard_md, self.leaderboard_csv, self.chart)


RESULT_FILES = ResultFiles()

def check_extractor_name(name: str, option: str = "extractor name") -> str:
    """``name`` when it can name results files: letters, digits, ``_`` and ``-``, and an optional
    version suffix ``.v<N>`` (no path, no other dot).

    >>> check_extractor_name("rules"), check_extractor_name("rules.v2")
    ('rules', 'rules.v2')
    >>> check_extractor_name("not_run")
    Traceback (most recent call last):
    eval.exceptions.InvalidInputError: extractor name: 'not_run' cannot name results files: it is the name of a file every results folder holds (reserved: comparison, leaderboard, not_run, report)

    Raises:
        InvalidInputError: the name would put a file outside the results folder or break its file names.
    """
    if not _NAME.match(name):
        raise InvalidInputError(Problem(option, "", f"{name!r} cannot name results files: use letters, digits, "
                                                    "'_' and '-' (at most 100, no '/' or spaces; '.' only "
                                                    "in a version suffix such as '.v2')"))
    if name.lower() in RESERVED_NAMES:
        raise InvalidInputError(Problem(option, "", f"{name!r} cannot name results files: it is the name of a file every "
                                                    f"results folder holds (reserved: {', '.join(sorted(RESERVED_NAMES))})"))
    return name


#: Stems of the files of a results folder that belong to no extractor: an extractor of one of these names would
#: overwrite them (``not_run.json``, ``comparison.json``) or be mistaken for them.
RESERVED_NAMES = frozenset(Path(getattr(RESULT_FILES, f)).stem.lower() for f in ("not_run", "leaderboard_md", "report", "comparison"))


def extractors_with(results_dir: Path, *kinds: str) -> list[str]:
    """Extractors of a results folder that have every file of ``kinds`` (``"predictions"``, ``"errors"``), sorted.

    >>> extractors_with(Path("/nonexistent"), "errors")
    []
    """
    folder = Path(results_dir)
    first, *others = kinds
    suffix = getattr(RESULT_FILES, first)("")
    names = sorted(p.name.removesuffix(suffix) for p in folder.glob(f"*{suffix}"))
    return [n for n in names if all((folder / getattr(RESULT_FILES, k)(n)).exists() for k in others)]

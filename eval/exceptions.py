"""The one exception hierarchy of newsbench.

Library code raises these; only the CLI turns them into messages and exit codes.
"""
from __future__ import annotations

from dataclasses import dataclass


class NewsbenchError(Exception):
    """Root of every error newsbench raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem found in one file: where it is and what is wrong.

    Attributes:
        file: the file (or another source label) the problem is in.
        path: JSON path inside the file, e.g. ``quotes[3].content.end``; ``""`` for the whole file.
        reason: what is wrong, naming the bad value.
    """

    file: str
    path: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.reason}"


class InvalidInputError(NewsbenchError):
    """A file or value broke the contract; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:
        return (type(self), (self.problems,))


class UnknownExtractorError(NewsbenchError):
    """An extractor name is not registered."""

    def __init__(self, name: str, available: list[str]):
        self.name = name
        self.available = sorted(available)
        super().__init__(f"Unknown extractor {name!r}. Available: {', '.join(self.available)}")

    def __reduce__(self) -> tuple[type, tuple[str, list[str]]]:
        # Errors cross process boundaries (Dataset.map with num_proc, spaCy's n_process).
        return (type(self), (self.name, self.available))


class ExtractorUnavailableError(NewsbenchError):
    """An extractor is registered but cannot run here (missing model, server, credentials)."""


class ScoringError(NewsbenchError):
    """Gold and predictions cannot be scored together (for example, inconsistent inputs)."""


class PublishError(NewsbenchError):
    """Building or uploading the dataset repository failed."""


class ExtractorFailedError(NewsbenchError):
    """An extractor raised an exception of its own on some documents (a bug, or a failure it did not handle)."""

"""The extractor registry: decorator, lazy built-ins, entry points, clear errors."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

import pytest

from eval import registry
from eval.exceptions import (
    ExtractorUnavailableError,
    InvalidInputError,
    UnknownExtractorError,
)
from eval.registry import (
    Article,
    Extractor,
    checked_extract,
    create,
    get_class,
    register,
)
from eval.schema import Document


class EchoExtractor:
    """Returns each article with no annotations: the smallest valid extractor."""

    name = "echo"
    version = "1"

    def __init__(self, shout: bool = False):
        self.shout = shout

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        for a in articles:
            yield Document(doc_id=a.doc_id, text=a.text)

    def config(self) -> dict[str, Any]:
        return {"shout": self.shout}


@pytest.fixture
def echo_registered(monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(registry, "_REGISTERED", {})
    return register("echo")(EchoExtractor)


def test_register_returns_class_unchanged(echo_registered: type) -> None:
    assert echo_registered is EchoExtractor and get_class("echo") is EchoExtractor


def test_create_passes_only_accepted_options(echo_registered: type) -> None:
    extractor = create("echo", shout=True, model="ignored-by-echo")
    assert isinstance(extractor, Extractor) and extractor.config() == {"shout": True}


def test_unknown_name_lists_available(echo_registered: type) -> None:
    with pytest.raises(UnknownExtractorError, match=r"Unknown extractor 'nope'\. Available: echo, llm, rules, rules\.v1, rules\.v2, rules\.v3, rules\.v4, rules\.v5, rules\.v6, rules\.v7, rules\.v8, rules\.v9, spacy, spacy\.v1, spacy\.v2, spacy\.v3, spacy\.v4, spacy\.v5, spacy\.v6, spacy\.v7, spacy\.v8, spacy\.v9"):
        get_class("nope")


def test_unavailable_extractor_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_REGISTERED", {})

    @register("offline")
    class Offline(EchoExtractor):
        @classmethod
        def unavailable_reason(cls) -> str | None:
            return "no server configured"

    with pytest.raises(ExtractorUnavailableError, match="extractor 'offline' cannot run here: no server configured"):
        create("offline")


def test_non_conforming_class_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_REGISTERED", {})
    register("broken")(type("Broken", (), {}))
    with pytest.raises(ExtractorUnavailableError, match="does not implement the Extractor protocol"):
        create("broken")


def test_entry_point_extractor_is_found(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """A third-party package's entry point, found by importlib.metadata like an installed package's."""
    dist = tmp_path / "thirdparty_ext-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: thirdparty-ext\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[newsbench.extractors]\nthirdparty = tests.eval.test_registry:EchoExtractor\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_REGISTERED", {})
    assert "thirdparty" in registry.available_names() and get_class("thirdparty") is EchoExtractor


class BadSpanExtractor(EchoExtractor):
    """Builds an actor whose span text differs from the article, skipping the model's check."""

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        for a in articles:
            bad = {"id": "a1", "name": "X", "type": "PER", "mentions": [{"start": 0, "end": 2, "text": "zz"}]}
            yield Document.model_validate({"doc_id": a.doc_id, "text": a.text, "actors": [bad]}, context={"semantics": False})


class ShortExtractor(EchoExtractor):
    """Drops the last article."""

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        yield from list(super().extract(articles))[:-1]


@pytest.mark.parametrize(
    ("extractor", "message"),
    [
        (BadSpanExtractor(), r"echo output for 'd1': actors\[0\]\.mentions\[0\]: span text 'zz' differs"),
        (ShortExtractor(), r"echo output: no document for article 'd2' \(one document per article\)"),
    ],
    ids=["bad-span", "missing-document"],
)
def test_checked_extract_holds_outputs_to_the_contract(extractor: EchoExtractor, message: str) -> None:
    articles = [Article("d1", "Hi there."), Article("d2", "Bye.")]
    with pytest.raises(InvalidInputError, match=message):
        list(checked_extract(extractor, articles))


def test_an_alias_creates_the_current_version_and_a_default_run_skips_old_ones() -> None:
    assert (create("rules").name, get_class("spacy") is get_class("spacy.v9"), registry.resolve("rules.v1"),
            [n for n in registry.current_names() if n.startswith(("rules", "spacy"))]) == (
        "rules.v9", True, "rules.v1", ["rules.v9", "spacy.v9"])

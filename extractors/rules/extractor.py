"""The ``rules`` extractor's class: settings, configuration, and extraction in this process or in
worker processes (same output, in the same order)."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

import pydantic_core

from eval.api import Article, Document, register
from extractors.rules.article import RulesArticle
from extractors.rules.cues import RuleLexicons
from extractors.shared.output import check_settings, document_data, parts_document, to_document
from extractors.shared.parallel import batched, ordered_map
from extractors.shared.parts import Annotations, annotated_parts, in_parts
from extractors.shared.places import DEFAULT_MIN_POPULATION
from extractors.shared.profile import V1, V2, V3, V4, V5, V6, V7, V8, V9, Profile


@register("rules.v9")
class RulesExtractor:
    """Rule-based extractor, current version; see the :mod:`extractors.rules` docstring for what it finds
    and :mod:`extractors.shared.profile` for what each version does.

    Args:
        min_population: cities below this population are not in the gazetteer (capitals always are).
        workers: processes; above 1, batches of articles are extracted in that many worker processes
            (same output, in the same order).
        batch_size: articles sent to a worker process at a time.
    """

    name = "rules.v9"
    version = "9"
    profile: Profile = V9

    def __init__(self, min_population: int = DEFAULT_MIN_POPULATION, workers: int = 1, batch_size: int = 32):
        check_settings(self.name, workers=workers, batch_size=batch_size)
        self.min_population = min_population
        self.workers = workers
        self.batch_size = batch_size
        self._lex = RuleLexicons(min_population, self.profile)

    def config(self) -> dict[str, Any]:
        """The exact configuration, recorded with every result."""
        return {"name": self.name, "version": self.version, "min_population": self.min_population,
                "workers": self.workers, "profile": self.profile.config()}

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Yield one Document per article, in input order, streaming."""
        if self.workers == 1:
            for article in articles:
                yield self.extract_one(article.doc_id, article.text)
            return
        pairs = ([(article.doc_id, article.text) for article in batch] for batch in batched(articles, self.batch_size))
        for found in ordered_map(_extract_batch, pairs, workers=self.workers,
                                 initializer=_start_worker, initargs=(type(self), self.min_population)):
            for data in found:
                yield to_document(data)

    def extract_one(self, doc_id: str, text: str) -> Document:
        """Extract actors, locations, quotes and events from one text; a very long one in parts, each
        validated into the Document before the next is read (:mod:`extractors.shared.parts`: its entities
        are not linked across parts)."""
        if in_parts(text):
            return parts_document(document_data(doc_id, text, self.name, self.version),
                                  annotated_parts(text, self._annotations))
        return to_document(self._data(doc_id, text))

    def _data(self, doc_id: str, text: str) -> dict[str, Any]:
        """The document as plain data: what is validated into a Document (a very long text's annotations
        are its parts', concatenated)."""
        data = document_data(doc_id, text, self.name, self.version)
        if not in_parts(text):
            data.update(self._annotations(text))
            return data
        data.update({name: [] for name in ("actors", "locations", "quotes", "events")})
        for found in annotated_parts(text, self._annotations):
            for name, items in found.items():
                data[name] += items
        return data

    def _annotations(self, text: str) -> Annotations:
        """The annotations of one text (none for a blank one), as plain data with ids."""
        return RulesArticle(self._lex, text).annotations() if text.strip() else {}


@register("rules.v8")
class RulesExtractorV8(RulesExtractor):
    """The eighth version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name = "rules.v8"
    version = "8"
    profile = V8


@register("rules.v7")
class RulesExtractorV7(RulesExtractor):
    """The seventh version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name = "rules.v7"
    version = "7"
    profile = V7


@register("rules.v6")
class RulesExtractorV6(RulesExtractor):
    """The sixth version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name = "rules.v6"
    version = "6"
    profile = V6


@register("rules.v5")
class RulesExtractorV5(RulesExtractor):
    """The fifth version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name = "rules.v5"
    version = "5"
    profile = V5


@register("rules.v4")
class RulesExtractorV4(RulesExtractor):
    """The fourth version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name = "rules.v4"
    version = "4"
    profile = V4


@register("rules.v3")
class RulesExtractorV3(RulesExtractor):
    """The third version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name = "rules.v3"
    version = "3"
    profile = V3


@register("rules.v2")
class RulesExtractorV2(RulesExtractor):
    """The second version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name = "rules.v2"
    version = "2"
    profile = V2


@register("rules.v1")
class RulesExtractorV1(RulesExtractor):
    """The first version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name = "rules.v1"
    version = "1"
    profile = V1


# The extractor of a worker process, made once by _start_worker.
_WORKER: RulesExtractor | None = None


def _start_worker(cls: type[RulesExtractor], min_population: int) -> None:
    global _WORKER
    _WORKER = cls(min_population)


def _extract_batch(pairs: list[tuple[str, str]]) -> list[dict[str, Any] | bytes]:
    """Documents as JSON, which the parent process validates a third faster than a dict (and which
    pickles as one bytes object); as a dict when the text holds what JSON cannot (a lone surrogate)."""
    assert _WORKER is not None, "_start_worker runs first in every worker process"
    out: list[dict[str, Any] | bytes] = []
    for doc_id, text in pairs:
        data = _WORKER._data(doc_id, text)
        try:
            out.append(pydantic_core.to_json(data))
        except pydantic_core.PydanticSerializationError:
            out.append(data)
    return out

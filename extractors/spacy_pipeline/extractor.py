"""The ``spacy`` extractor's class: settings, configuration, and the stream through ``nlp.pipe``."""
from __future__ import annotations

from typing import Any, ClassVar, Iterable, Iterator

from eval.api import Article, Document, ExtractorUnavailableError, register
from extractors.shared.lookups import Lexicons
from extractors.shared.output import check_settings, document_data, parts_document, to_document
from extractors.shared.parts import SPACY_PART_SIZE, Annotations, annotated_parts, pipe_pairs
from extractors.shared.places import DEFAULT_MIN_POPULATION
from extractors.shared.profile import V1, V2, V3, V4, V5, V6, V7, V8, V9, Profile
from extractors.spacy_pipeline import pipeline
from extractors.spacy_pipeline.article import SpacyArticle


@register("spacy.v9")
class SpacyExtractor:
    """spaCy-based extractor, current version; see the :mod:`extractors.spacy_pipeline` docstring for
    what it finds and :mod:`extractors.shared.profile` for what each version does.

    Args:
        batch_size: texts per ``nlp.pipe`` batch.
        workers: processes for ``nlp.pipe`` (spaCy's ``n_process``); 1 parses in this process.
        min_population: cities below this population are not in the gazetteer (capitals always are).
    """

    name: ClassVar[str] = "spacy.v9"
    version: ClassVar[str] = "9"
    profile: ClassVar[Profile] = V9

    def __init__(self, batch_size: int = 64, workers: int = 1, min_population: int = DEFAULT_MIN_POPULATION):
        check_settings(self.name, batch_size=batch_size, workers=workers)
        reason = self.unavailable_reason()
        if reason:
            raise ExtractorUnavailableError(f"extractor {self.name!r} cannot run here: {reason}")
        self.batch_size = batch_size
        self.workers = workers
        self.min_population = min_population
        self.pipeline = pipeline.find_pipeline() or ""
        self.nlp = pipeline.load(self.pipeline, lemmas=self.profile.parse_triggers)
        self._lex = Lexicons(min_population, self.profile)

    @classmethod
    def unavailable_reason(cls) -> str | None:
        """None when a spaCy English pipeline package is installed, else why the extractor cannot run."""
        return pipeline.unavailable_reason()

    def config(self) -> dict[str, Any]:
        """The exact configuration, recorded with every result."""
        import spacy

        meta = self.nlp.meta
        return {
            "name": self.name,
            "version": self.version,
            "pipeline": self.pipeline,
            "pipeline_version": meta.get("version"),
            "pipeline_components": list(self.nlp.pipe_names),
            "spacy_version": spacy.__version__,
            "batch_size": self.batch_size,
            "workers": self.workers,
            "min_population": self.min_population,
            "profile": self.profile.config(),
        }

    def parse(self, texts: Iterable[str]) -> Iterator[Any]:
        """The bare ``nlp.pipe`` this extractor runs (used by bench/extract.py as the baseline)."""
        return self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.workers)

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Yield one Document per article, in input order, streaming through ``nlp.pipe``; a very long article
        is parsed and extracted in parts (:mod:`extractors.shared.parts`: its entities are not linked across parts)."""
        pairs = pipe_pairs(articles)
        for doc, (doc_id, long_text) in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size,
                                                      n_process=self.workers):
            yield self.document(doc_id, doc) if long_text is None else self.extract_in_parts(doc_id, long_text)

    def extract_in_parts(self, doc_id: str, text: str) -> Document:
        """The Document of a very long text, each part parsed and validated into it before the next is read."""
        return parts_document(document_data(doc_id, text, self.name, self.version),
                              annotated_parts(text, self._annotations, SPACY_PART_SIZE))

    def _annotations(self, text: str) -> Annotations:
        """The annotations of one part (none for a blank one), as plain data with ids."""
        return SpacyArticle(self._lex, self.nlp(text)).annotations() if text.strip() else {}

    def document(self, doc_id: str, doc: Any) -> Document:
        """The Document for one parsed spaCy ``Doc``."""
        data = document_data(doc_id, doc.text, self.name, self.version)
        if doc.text.strip():
            data.update(SpacyArticle(self._lex, doc).annotations())
        return to_document(data)


@register("spacy.v8")
class SpacyExtractorV8(SpacyExtractor):
    """The eighth version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name: ClassVar[str] = "spacy.v8"
    version: ClassVar[str] = "8"
    profile: ClassVar[Profile] = V8


@register("spacy.v7")
class SpacyExtractorV7(SpacyExtractor):
    """The seventh version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name: ClassVar[str] = "spacy.v7"
    version: ClassVar[str] = "7"
    profile: ClassVar[Profile] = V7


@register("spacy.v6")
class SpacyExtractorV6(SpacyExtractor):
    """The sixth version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name: ClassVar[str] = "spacy.v6"
    version: ClassVar[str] = "6"
    profile: ClassVar[Profile] = V6


@register("spacy.v5")
class SpacyExtractorV5(SpacyExtractor):
    """The fifth version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name: ClassVar[str] = "spacy.v5"
    version: ClassVar[str] = "5"
    profile: ClassVar[Profile] = V5


@register("spacy.v4")
class SpacyExtractorV4(SpacyExtractor):
    """The fourth version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name: ClassVar[str] = "spacy.v4"
    version: ClassVar[str] = "4"
    profile: ClassVar[Profile] = V4


@register("spacy.v3")
class SpacyExtractorV3(SpacyExtractor):
    """The third version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name: ClassVar[str] = "spacy.v3"
    version: ClassVar[str] = "3"
    profile: ClassVar[Profile] = V3


@register("spacy.v2")
class SpacyExtractorV2(SpacyExtractor):
    """The second version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name: ClassVar[str] = "spacy.v2"
    version: ClassVar[str] = "2"
    profile: ClassVar[Profile] = V2


@register("spacy.v1")
class SpacyExtractorV1(SpacyExtractor):
    """The first version, frozen: its output on the gold is held byte for byte by a golden-file test."""

    name: ClassVar[str] = "spacy.v1"
    version: ClassVar[str] = "1"
    profile: ClassVar[Profile] = V1

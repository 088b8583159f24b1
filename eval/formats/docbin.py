"""spaCy ``DocBin`` (export only): actors and locations as labelled spans, ready for ``spacy train``.

Every actor and location mention is a span of the span group ``sc`` (the key spaCy's span
categorizer reads), labelled with the entity's type; the mentions that do not overlap an earlier
one are also ``doc.ents`` (for the NER component). Each Doc's ``user_data`` holds its ``doc_id``.
Tokens come from the blank English tokenizer: a mention that does not fall on token boundaries
is left out and reported, never shifted to the nearest tokens.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eval.data.files import atomic_writer
from eval.data.models import Document
from eval.exceptions import InvalidInputError, Problem

SPAN_KEY = "sc"


@dataclass(frozen=True)
class DocBinReport:
    """What a DocBin export wrote: the file, how many documents and spans, and the mentions left out."""

    path: Path
    n_docs: int
    n_spans: int
    skipped: list[Problem]


def to_spacy_doc(doc: Document, nlp: object) -> tuple[object, list[Problem]]:
    """A spaCy Doc with the mentions of ``doc`` as spans, and the mentions that fall off token boundaries."""
    sdoc = nlp.make_doc(doc.text)  # type: ignore[attr-defined]
    spans, skipped = [], []
    for kind in ("actors", "locations"):
        for i, ent in enumerate(getattr(doc, kind)):
            for j, m in enumerate(ent.mentions):
                span = sdoc.char_span(m.start, m.end, label=ent.type, alignment_mode="strict")
                if span is None:
                    skipped.append(Problem(doc.doc_id, f"{kind}[{i}].mentions[{j}]",
                                           f"[{m.start}, {m.end}) {m.text!r} does not fall on token boundaries; left out"))
                else:
                    spans.append(span)
    sdoc.spans[SPAN_KEY] = spans
    taken: set[int] = set()
    ents = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not taken.intersection(range(span.start, span.end)):
            ents.append(span)
            taken.update(range(span.start, span.end))
    sdoc.ents = ents
    sdoc.user_data["doc_id"] = doc.doc_id
    return sdoc, skipped


def export_docbin(docs: list[Document], out: Path) -> DocBinReport:
    """Write the documents to the ``.spacy`` file ``out``."""
    import spacy
    from spacy.tokens import DocBin

    if Path(out).suffix != ".spacy" or Path(out).is_dir():
        raise InvalidInputError(Problem(str(out), "", "--out for docbin is a file ending in .spacy"))
    nlp = spacy.blank("en")
    store = DocBin(store_user_data=True)
    skipped: list[Problem] = []
    n_spans = 0
    for doc in docs:
        sdoc, problems = to_spacy_doc(doc, nlp)
        store.add(sdoc)
        skipped += problems
        n_spans += len(sdoc.spans[SPAN_KEY])
    data = store.to_bytes()
    with atomic_writer(out) as fh:  # text mode; the bytes go through the underlying binary buffer
        fh.buffer.write(data)  # type: ignore[attr-defined]
    return DocBinReport(Path(out), len(docs), n_spans, skipped)

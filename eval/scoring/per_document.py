"""Per-document headline figures, read from the same counts the scorer sums (no second scoring pass).

A corpus figure says how good an extractor is; developers also need to know *where* it gains or
loses. :func:`recording` wraps the pair scorer so that each document's headline counts are turned
into figures as they stream past; :func:`document_figures` is that turn, the corpus rule applied
to one document: each category's headline F1 in partial mode (zero division as section 3 of
``METRICS.md``: nothing against nothing is 1.0), and ``overall`` the mean of the four.
"""
from __future__ import annotations

from typing import Callable, Iterator, Mapping, Sequence

from eval.data.models import Document
from eval.scoring.document import PairCounts
from eval.scoring.figures import CATEGORIES, HEADLINE, HEADLINE_MODE, prf
from eval.scoring.scorer import PairScorer, local_pairs

#: The columns of a document's figures, in order.
COLUMNS: tuple[str, ...] = ("overall", *CATEGORIES)


def document_figures(counts: Mapping[tuple[str, str, str], Sequence[float]]) -> dict[str, float]:
    """Headline F1 of each category of one document, and their mean as ``overall``.

    >>> from eval.scoring.figures import HEADLINE
    >>> counts = {(c, HEADLINE[c], "partial"): [1, 2, 1] for c in ("actors", "locations", "quotes")}
    >>> counts[("events", HEADLINE["events"], "partial")] = [0, 0, 0]
    >>> document_figures(counts)
    {'overall': 0.75, 'actors': 0.6666666666666666, 'locations': 0.6666666666666666, 'quotes': 0.6666666666666666, 'events': 1.0}
    """
    f1 = {cat: float(prf(*counts[(cat, HEADLINE[cat], HEADLINE_MODE)])["f1"]) for cat in CATEGORIES}
    return {"overall": sum(f1.values()) / len(f1)} | f1


def recording(sink: Callable[[str, dict[str, float]], None], inner: PairScorer | None = None) -> PairScorer:
    """A pair scorer that passes each document's figures to ``sink`` and yields what ``inner`` yields.

    ``inner`` defaults to scoring in this process; any pair scorer (e.g. on Ray) can be wrapped.
    """
    scorer = inner or local_pairs

    def wrapped(pairs: Iterator[tuple[Document, Document | None]], collect_errors: bool) -> Iterator[tuple[str, PairCounts]]:
        for doc_id, counts in scorer(pairs, collect_errors):
            sink(doc_id, document_figures(counts.counts))
            yield doc_id, counts

    return wrapped

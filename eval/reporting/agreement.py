"""Inter-annotator agreement: two annotation passes scored against each other with the project's scorer.

F1 is symmetric when the two passes swap roles (precision and recall swap), so pairwise F1 is the
agreement figure, as usual for span annotation where chance-corrected kappa is ill-defined.
``newsbench agreement A B --write gold/GUIDELINES.md`` rewrites the ``agreement`` block there.
"""
from __future__ import annotations

from eval.gold.load import GoldSet
from eval.reporting.markdown import markdown_table
from eval.scoring.pairing import pair_predictions
from eval.scoring.scorer import score

BLOCK = "agreement"

# (row label, category, detail key or None for the headline, figure)
ROWS: tuple[tuple[str, str, str | None, str], ...] = (
    ("actors: mentions", "actors", "mention", "f1"),
    ("actors: entities", "actors", "entity", "f1"),
    ("actors: entities with type (headline)", "actors", "entity_typed", "f1"),
    ("locations: mentions", "locations", "mention", "f1"),
    ("locations: entities", "locations", "entity", "f1"),
    ("locations: entities with type (headline)", "locations", "entity_typed", "f1"),
    ("quotes: content", "quotes", "content", "f1"),
    ("quotes: speaker accuracy on matched quotes", "quotes", "speaker_accuracy", "accuracy"),
    ("quotes: content and speaker (headline)", "quotes", "end_to_end", "f1"),
    ("events: trigger identification", "events", "trigger_identification", "f1"),
    ("events: trigger classification", "events", "trigger_classification", "f1"),
    ("events: argument identification", "events", "argument_identification", "f1"),
    ("events: argument classification", "events", "argument_classification", "f1"),
    ("events: end to end (headline)", "events", "end_to_end", "f1"),
)


def agreement_table(first: GoldSet, second: GoldSet) -> str:
    """Markdown table of the agreement of two passes, strict and partial, per category.

    Raises:
        InvalidInputError: the passes do not cover the same documents with the same texts.
    """
    pairing = pair_predictions(first, ((second.source, d) for d in second.documents))
    scores = score(pairing.pairs, n_boot=0).scores
    rows = []
    for label, category, key, figure in ROWS:
        detail = scores[category]["detail"][key]
        rows.append([label, f"{detail['strict'][figure]:.3f}", f"{detail['partial'][figure]:.3f}"])
    overall = scores["overall"]["detail"]
    rows.append(["**overall F1** (mean of the four headlines)", f"{overall['strict']['f1']:.3f}", f"{overall['partial']['f1']:.3f}"])
    missing = ", ".join(pairing.missing)
    note = f"\nDocuments without a second pass: {missing}.\n" if missing else ""
    return markdown_table(["figure", "strict", "partial"], rows) + note

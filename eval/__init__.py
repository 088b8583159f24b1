"""newsbench: a benchmark and gold dataset for structured extraction from news.

The package in layers, each importing only from those above it in this list:

* ``eval.exceptions``, ``eval.paths``: the one error tree; shipped data and every results file name.
* ``eval.data``: the data model (``models``), its checks, JSON Schema, parsing, atomic files, fingerprints, table rows.
* ``eval.registry``, ``eval.schema``, ``eval.api``: the public API for extractors (interface, registry, models, errors).
* ``eval.gold``: loading gold (folder, ``.jsonl``, published folder, ``hf://``), the streamed gold index, the cross-document layer.
* ``eval.extraction``: input articles, running an extractor, ``datasets`` map functions, measuring time and memory.
* ``eval.formats``: export to and import from Label Studio, INCEpTION (UIMA CAS), brat; spaCy DocBin export.
* ``eval.scoring``: alignment, pairing (one check for validate, score and run), the figures of ``METRICS.md``, bootstrap, streaming, validate.
* ``eval.reporting``: results objects, leaderboard, chart, HTML report, error summary, agreement, gold statistics, Markdown.
* ``eval.hub``: the dataset card and publishing to the Hugging Face Hub.
* ``eval.runner``: ``newsbench run`` end to end (extract, measure, score, save).
* ``eval.cli``: every command; the only place where exceptions become exit codes.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsbench")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"

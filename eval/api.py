"""The public API of newsbench for extractors: the only ``eval`` module an extractor imports.

Built-in extractors (``extractors/``) and third-party ones alike take from here the extractor
interface and registry, the data model (everything :mod:`eval.schema` exports) and the errors they
may raise; nothing else of ``eval`` is promised to stay where it is.

>>> from eval.api import Article, Document, register
>>> Document(doc_id="a", text="Hi.").doc_id
'a'
"""
from __future__ import annotations

from eval import schema
from eval.data.compact import Compactor
from eval.data.files import atomic_writer, write_json, write_text
from eval.data.inventory import Inventory, load_inventory
from eval.data.models import subtype_problem
from eval.exceptions import ExtractorUnavailableError, InvalidInputError, NewsbenchError, Problem
from eval.registry import Article, Extractor, checked_extract, register
from eval.schema import *  # noqa: F403 (the whole data model, as eval.schema lists it)

__all__ = [
    *schema.__all__,
    "Article",
    "Compactor",
    "Extractor",
    "ExtractorUnavailableError",
    "InvalidInputError",
    "Inventory",
    "NewsbenchError",
    "Problem",
    "atomic_writer",
    "checked_extract",
    "load_inventory",
    "register",
    "subtype_problem",
    "write_json",
    "write_text",
]

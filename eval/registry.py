"""The extractor interface and the registry of extractors.

An extractor is any class with a ``name``, a ``version`` and an ``extract`` method that turns
articles into :class:`~eval.schema.Document` predictions (see :class:`Extractor`). It joins the
registry in one of two ways:

* inside newsbench: ``@register("name")`` on the class, plus one line in ``BUILTIN`` so that the
  module is imported only when the extractor is asked for (spaCy and openai are heavy);
  a built-in extractor whose output changed keeps each version under its own name (``rules.v1``,
  ``rules.v9``), and ``ALIASES`` points the plain name at the current one (``rules`` -> ``rules.v9``):
  an old version's output never changes, and results are named by the version that ran;
* from another package: an entry point in the group ``newsbench.extractors``::

      [project.entry-points."newsbench.extractors"]
      myext = "my_package.module:MyExtractor"
"""
from __future__ import annotations

import importlib
import inspect
from collections import deque
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import (
    Any,
    Callable,
    ClassVar,
    Iterable,
    Iterator,
    Protocol,
    TypeVar,
    runtime_checkable,
)

from eval.data.checks import check_document
from eval.data.models import Document
from eval.exceptions import (
    ExtractorUnavailableError,
    InvalidInputError,
    NewsbenchError,
    Problem,
    UnknownExtractorError,
)

ENTRY_POINT_GROUP = "newsbench.extractors"


@dataclass(frozen=True)
class Article:
    """One input article: an identifier and its text."""

    doc_id: str
    text: str


@runtime_checkable
class Extractor(Protocol):
    """What every extractor provides.

    ``extract`` receives all articles at once so that an extractor can batch (spaCy's ``nlp.pipe``)
    or run requests concurrently (LLM); it yields exactly one Document per article, in input order,
    with ``doc_id`` and ``text`` copied from the article.
    """

    name: ClassVar[str]
    version: ClassVar[str]

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]: ...

    def config(self) -> dict[str, Any]:
        """The exact configuration, recorded with every result so that a run can be repeated."""
        ...


# Built-in extractors: name -> "module:Class", imported lazily. A versioned name is "<family>.v<N>".
BUILTIN: dict[str, str] = {
    "rules.v1": "extractors.rules:RulesExtractorV1",
    "rules.v2": "extractors.rules:RulesExtractorV2",
    "rules.v3": "extractors.rules:RulesExtractorV3",
    "rules.v4": "extractors.rules:RulesExtractorV4",
    "rules.v5": "extractors.rules:RulesExtractorV5",
    "rules.v6": "extractors.rules:RulesExtractorV6",
    "rules.v7": "extractors.rules:RulesExtractorV7",
    "rules.v8": "extractors.rules:RulesExtractorV8",
    "rules.v9": "extractors.rules:RulesExtractor",
    "spacy.v1": "extractors.spacy_pipeline:SpacyExtractorV1",
    "spacy.v2": "extractors.spacy_pipeline:SpacyExtractorV2",
    "spacy.v3": "extractors.spacy_pipeline:SpacyExtractorV3",
    "spacy.v4": "extractors.spacy_pipeline:SpacyExtractorV4",
    "spacy.v5": "extractors.spacy_pipeline:SpacyExtractorV5",
    "spacy.v6": "extractors.spacy_pipeline:SpacyExtractorV6",
    "spacy.v7": "extractors.spacy_pipeline:SpacyExtractorV7",
    "spacy.v8": "extractors.spacy_pipeline:SpacyExtractorV8",
    "spacy.v9": "extractors.spacy_pipeline:SpacyExtractor",
    "llm": "extractors.llm:LLMExtractor",
}
# Plain names of versioned extractors -> their current version. ``create("rules")`` makes a
# ``rules.v9``, and a run records it as ``rules.v9``: a published row never changes its meaning.
ALIASES: dict[str, str] = {"rules": "rules.v9", "spacy": "spacy.v9"}

_REGISTERED: dict[str, type] = {}
T = TypeVar("T", bound=type)


def register(name: str) -> Callable[[T], T]:
    """Class decorator adding an extractor to the registry; returns the class unchanged.

    >>> @register("demo")
    ... class Demo:
    ...     name = "demo"
    >>> get_class("demo") is Demo
    True
    """

    def decorator(cls: T) -> T:
        _REGISTERED[name] = cls
        return cls

    return decorator


def _entry_points() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_names() -> list[str]:
    """Every extractor name known: built-in, registered at run time, from entry points, or an alias."""
    return sorted(set(BUILTIN) | set(_REGISTERED) | set(_entry_points()) | set(ALIASES))


def resolve(name: str) -> str:
    """The extractor a name runs: an alias's current version, any other name itself.

    >>> resolve("rules"), resolve("rules.v1"), resolve("llm")
    ('rules.v9', 'rules.v1', 'llm')
    """
    return ALIASES.get(name, name)


def current_names() -> list[str]:
    """The extractors a default run runs: every known name except aliases and superseded versions.

    >>> [n for n in current_names() if n.startswith("rules")]
    ['rules.v9']
    """
    superseded = {n for n in available_names() if n not in ALIASES and n.split(".v")[0] in ALIASES
                  and n not in ALIASES.values()}
    return [n for n in available_names() if n not in ALIASES and n not in superseded]


def aliases_of(name: str) -> list[str]:
    """The aliases that point at ``name``.

    >>> aliases_of("rules.v9"), aliases_of("rules.v1")
    (['rules'], [])
    """
    return sorted(alias for alias, target in ALIASES.items() if target == name)


def _import(target: str) -> type:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def get_class(name: str) -> type:
    """The extractor class registered under ``name``.

    Raises:
        UnknownExtractorError: no extractor has that name (the message lists the valid ones).
    """
    name = resolve(name)
    if name in _REGISTERED:
        return _REGISTERED[name]
    target = BUILTIN.get(name) or _entry_points().get(name)
    if target is None:
        raise UnknownExtractorError(name, available_names())
    cls = _import(target)
    _REGISTERED.setdefault(name, cls)
    return cls


def unavailable_reason(name: str) -> str | None:
    """Why extractor ``name`` cannot run here, or None when it can.

    An extractor class may define ``unavailable_reason(**options) -> str | None`` as a classmethod
    (for example the LLM extractor when no server is configured); an import failure of its module
    is also a reason.
    """
    return _unavailable(name, {})


def _unavailable(name: str, options: dict[str, Any]) -> str | None:
    from eval.paths import check_extractor_name

    try:
        check_extractor_name(resolve(name))  # a plugin's entry point may be named anything ("../x", "not_run")
    except InvalidInputError as exc:
        if name in available_names():
            return f"its name {exc.problems[0].reason}"
    try:
        cls = get_class(name)
    except ImportError as exc:
        return f"cannot import its module: {exc}"
    except UnknownExtractorError:
        raise
    except Exception as exc:  # a plugin's module or entry point may fail in any way; others still run
        return f"cannot load it: {type(exc).__name__}: {exc}"
    check = getattr(cls, "unavailable_reason", None)
    if check is None:
        return None
    try:
        return check(**_accepted(check, options))
    except Exception as exc:
        return f"its availability check failed: {type(exc).__name__}: {exc}"


def _accepted(func: Callable[..., Any], options: dict[str, Any]) -> dict[str, Any]:
    """The subset of ``options`` that ``func`` accepts (all of them if it takes ``**kwargs``)."""
    params = inspect.signature(func).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return dict(options)
    return {k: v for k, v in options.items() if k in params and v is not None}


def create(name: str, **options: Any) -> Extractor:
    """Instantiate extractor ``name`` with the options its constructor accepts.

    Options an extractor does not take (``model`` for ``rules``, say) are ignored, so that one
    command line can configure several extractors.

    Raises:
        UnknownExtractorError: no extractor has that name.
        ExtractorUnavailableError: it exists but cannot run here; the message says why.
    """
    reason = _unavailable(name, options)
    if reason:
        raise ExtractorUnavailableError(f"extractor {name!r} cannot run here: {reason}")
    cls = get_class(name)
    try:
        extractor = cls(**_accepted(cls, options))
    except NewsbenchError:
        raise
    except Exception as exc:  # a plugin's constructor: whatever it raises, the user needs its message
        raise ExtractorUnavailableError(f"extractor {name!r} cannot run here: {type(exc).__name__}: {exc}") from None
    if not isinstance(extractor, Extractor):
        raise ExtractorUnavailableError(
            f"extractor {name!r} ({cls.__module__}.{cls.__qualname__}) does not implement the Extractor protocol"
        )
    return extractor


def checked_extract(extractor: Extractor, articles: Iterable[Article]) -> Iterator[Document]:
    """Stream ``extractor.extract(articles)``, checking every output before anyone scores or writes it.

    Extractors may build documents without the semantic pass for speed; this is where every output
    is held to the contract: one document per article, in input order, with the article's ``doc_id``
    and exact ``text``, every span equal to its text and every reference resolved.

    Raises:
        InvalidInputError: an output breaks the contract; names the extractor, the document and the JSON path.
    """
    sent: deque[Article] = deque()

    def feed() -> Iterator[Article]:
        for article in articles:
            sent.append(article)
            yield article

    label = f"{extractor.name} output"
    for doc in _guarded(extractor, feed(), label):
        article = sent.popleft() if sent else None
        if article is None or (doc.doc_id, doc.text) != (article.doc_id, article.text):
            expected = "no more documents" if article is None else f"doc_id {article.doc_id!r} with its exact text"
            raise InvalidInputError(Problem(label, "doc_id", f"got {doc.doc_id!r}, expected {expected} (one document per article, in input order)"))
        problems = check_document(doc) or _unwritable(doc)
        if problems:
            raise InvalidInputError([Problem(f"{label} for {doc.doc_id!r}", path, reason) for path, reason in problems])
        yield doc
    if sent:
        raise InvalidInputError(Problem(label, "", f"no document for article {sent[0].doc_id!r} (one document per article)"))


def _unwritable(doc: Document) -> list[tuple[str, str]]:
    """Why a document that passed the checks cannot be written as JSON in UTF-8 (a lone surrogate in a name, an
    id or an extra field), as ``(json_path, reason)``; empty when it can."""
    from pydantic_core import PydanticSerializationError

    from eval.data.checks import lone_surrogates
    from eval.data.parsing import serialize_check

    try:
        serialize_check(doc)
    except PydanticSerializationError as exc:
        if "KeyboardInterrupt" in str(exc):  # Ctrl-C inside the serializer's Python callback, wrapped by pydantic-core
            raise KeyboardInterrupt from exc
        found = lone_surrogates(doc.model_dump())
        if not found:
            raise  # not the document's fault: the CLI reports it as it is
        return found
    return []


def _guarded(extractor: Extractor, articles: Iterator[Article], label: str) -> Iterator[Document]:
    """The extractor's documents; anything that is not a Document, or a failure inside it, names the extractor."""
    from pydantic import ValidationError

    index = 0
    outputs: Iterator[Any] | None = None
    while True:
        try:
            if outputs is None:  # a plugin's extract() may return anything, or fail before its first document
                returned = extractor.extract(articles)
                if not isinstance(returned, Iterable) or isinstance(returned, (str, bytes, dict, Document)):
                    raise InvalidInputError(Problem(f"{label}", "", f"extract() returned a {type(returned).__name__}, "
                                                    "not an iterable of Documents (one per article)"))
                outputs = iter(returned)
            doc = next(outputs)
        except StopIteration:
            return
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            path = ".".join(str(p) for p in first["loc"])
            raise InvalidInputError(Problem(f"{label} #{index + 1}", path, f"breaks the data model: {first['msg']}")) from None
        except (NewsbenchError, KeyboardInterrupt):
            raise
        except (Exception, SystemExit) as exc:  # a plugin's bug (even sys.exit()): the user needs to know whose, not a traceback
            raise NewsbenchError(f"extractor {extractor.name!r} failed on its document #{index + 1}: "
                                 f"{type(exc).__name__}: {exc}") from None
        if not isinstance(doc, Document):
            raise InvalidInputError(Problem(f"{label} #{index + 1}", "", f"is a {type(doc).__name__}, not a Document"))
        index += 1
        yield doc

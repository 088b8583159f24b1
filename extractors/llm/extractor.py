"""The ``llm`` extractor: any OpenAI-compatible ``/v1/chat/completions`` server.

Per article: split into pieces (long articles only), for each piece ask the cache, else the server
(one repair request when the reply holds no JSON at all), place the returned strings in the text,
merge the pieces, and build the Document. A cut-off answer (``finish_reason: "length"``) or a
context-length error is never accepted nor cached: the piece is split in two and asked again.
Up to ``concurrency`` requests are in flight; documents are still yielded in input order. A
document that fails is yielded empty with ``meta.status == "failed"`` and ``meta.error``, and
counted in :attr:`LLMExtractor.usage`; the run goes on. Closing the iterator (Ctrl-C) cancels
the queued requests and stops the ones in flight.
"""
from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Iterator
from urllib.parse import urlsplit

from eval.api import Article, Document, ExtractorUnavailableError, NewsbenchError, register
from extractors.llm.assemble import to_document
from extractors.llm.cache import ResponseCache, cache_key, default_cache_dir
from extractors.llm.chunking import Chunk, merge, split
from extractors.llm.client import Cancelled, ChatClient, ContextTooLong, Reply, RequestFailed, ServerRejected
from extractors.llm.grounding import METHODS
from extractors.llm.placing import ground_answer
from extractors.llm.prompt import PROMPT_VERSION, build_messages, prompt_hash, repair_messages
from extractors.llm.response import Answer, AnswerError, parse_answer
from extractors.llm.usage import Usage, load_price

BASE_URL_ENV = "OPENAI_BASE_URL"
FORMATS = ("json_schema", "json_object")
MAX_DROPPED_LISTED = 20
MIN_PIECE_CHARS = 300  # a cut-off answer for a piece this short is not fixed by splitting further
# Options that may also come from the environment: (variable, parse, default).
ENV_OPTIONS: dict[str, tuple[str, Callable[[str], Any], Any]] = {
    "timeout": ("NEWSBENCH_LLM_TIMEOUT", float, 120.0),
    "max_tokens": ("NEWSBENCH_LLM_MAX_TOKENS", int, None),
    "max_chars": ("NEWSBENCH_LLM_MAX_CHARS", int, 4000),
    "max_retries": ("NEWSBENCH_LLM_MAX_RETRIES", int, 4),
    "temperature": ("NEWSBENCH_LLM_TEMPERATURE", float, 0.0),
}


class _DocumentFailed(Exception):
    """This document cannot be extracted (the message says why); the run goes on."""


@dataclass
class ChunkResult:
    """The answers for one piece (several when it had to be split), or the error that failed it."""

    parts: list[tuple[Chunk, Answer]] = field(default_factory=list)
    error: str | None = None
    cached: int = 0


def _positive(name: str, value: float, minimum: float = 1) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise NewsbenchError(f"llm extractor: {name} must be a number >= {minimum}, got {value!r}")


def option(name: str, value: Any) -> Any:
    """``value`` when given, else the environment variable of ``name``, else its default."""
    variable, parse, default = ENV_OPTIONS[name]
    if value is not None:
        return value
    raw = os.environ.get(variable)
    if raw is None or not raw.strip():
        return default
    try:
        return parse(raw.strip())
    except ValueError:
        raise NewsbenchError(f"${variable} must be a {parse.__name__}, got {raw!r}") from None


@register("llm")
class LLMExtractor:
    """Extraction by a chat model on an OpenAI-compatible server, grounded in the article text."""

    name: ClassVar[str] = "llm"
    version: ClassVar[str] = "1"

    @classmethod
    def unavailable_reason(cls, model: str | None = None, base_url: str | None = None) -> str | None:
        """Why it cannot run: no server configured, or no model named. Never touches the network."""
        reasons = []
        if not (base_url or os.environ.get(BASE_URL_ENV)):
            reasons.append(f"{BASE_URL_ENV} is not set; point it at an OpenAI-compatible server (e.g. http://localhost:8000/v1)")
        if not model:
            reasons.append("no model: pass --model NAME")
        return "; ".join(reasons) or None

    def __init__(
        self,
        *,
        model: str | None = None,
        concurrency: int = 4,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        temperature: float | None = None,
        max_chars: int | None = None,
        overlap: int | None = None,
        max_tokens: int | None = None,
        cache_dir: str | Path | None = None,
        use_cache: bool = True,
        prices: str | Path | dict[str, Any] | None = None,
        response_format: str = "json_schema",
        fuzzy_threshold: float = 90.0,
        backoff_base: float = 0.5,
    ):
        reason = self.unavailable_reason(model, base_url)
        if reason:
            raise ExtractorUnavailableError(f"extractor 'llm' cannot run here: {reason}")
        assert model is not None
        timeout, max_retries = option("timeout", timeout), option("max_retries", max_retries)
        temperature, max_chars = option("temperature", temperature), option("max_chars", max_chars)
        max_tokens = option("max_tokens", max_tokens)
        _positive("concurrency", concurrency)
        _positive("max_chars", max_chars, 200)
        _positive("timeout", timeout, 0.001)
        _positive("max_retries", max_retries, 0)
        _positive("temperature", temperature, 0)
        if max_tokens is not None:
            _positive("max_tokens", max_tokens, 1)
        if response_format not in FORMATS:
            raise NewsbenchError(f"Unknown response_format {response_format!r}. Available: {', '.join(FORMATS)}")
        self.model = model
        self.base_url = base_url or os.environ[BASE_URL_ENV]
        self.concurrency = int(concurrency)
        self.timeout = float(timeout)
        self.max_retries = int(max_retries)
        self.temperature = float(temperature)
        self.max_chars = int(max_chars)
        # Overlap: an eighth of the piece by default, never more than a quarter (chunking.split caps it).
        self.overlap = int(overlap) if overlap is not None else self.max_chars // 8
        self.max_tokens = int(max_tokens) if max_tokens is not None else None
        self.response_format = response_format
        self.fuzzy_threshold = fuzzy_threshold
        self._usage = Usage(load_price(prices, model))
        self._client = ChatClient(
            base_url=self.base_url,
            api_key=api_key or os.environ.get("OPENAI_API_KEY"),
            timeout=self.timeout,
            max_retries=self.max_retries,
            usage=self._usage,
            format_mode=response_format,
            backoff_base=backoff_base,
        )
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self._cache = ResponseCache(self.cache_dir) if use_cache else None
        self._prompt_hash = prompt_hash()
        self._fatal: str | None = None

    @property
    def usage(self) -> dict[str, Any]:
        """The run so far, for the command line and the leaderboard: ``requests`` (every HTTP
        attempt), ``retries``, ``repairs``, ``cache_hits``, ``prompt_tokens``, ``completion_tokens``
        (kept even when every document fails), ``failures`` and ``failed_docs`` (doc ids),
        ``dropped_items``, ``dropped_spans``, ``dropped_entities``, ``unresolved_refs``,
        ``length_splits``, ``context_splits``, ``response_format`` and, given prices, the cost.
        See :class:`extractors.llm.usage.Usage`."""
        return self._usage.as_dict()

    def _params(self) -> dict[str, Any]:
        """What goes into each request besides the messages (and so into the cache key)."""
        params: dict[str, Any] = {"temperature": self.temperature}
        if self.max_tokens is not None:
            params["max_tokens"] = self.max_tokens
        return params

    def config(self) -> dict[str, Any]:
        """The exact configuration, without secrets: the server is recorded by host only."""
        return {
            "model": self.model,
            "base_url_host": urlsplit(self.base_url).netloc or self.base_url,
            **self._params(),
            "response_format": self.response_format,
            "response_format_used": self._client.format_mode,
            "timeout": self.timeout,
            "max_retries": self.max_retries,
            "concurrency": self.concurrency,
            "max_chars": self.max_chars,
            "overlap": self.overlap,
            "fuzzy_threshold": self.fuzzy_threshold,
            "prompt_version": PROMPT_VERSION,
            "prompt_sha256": self._prompt_hash,
            "cache": self._cache is not None,
        }

    # -- one piece -------------------------------------------------------------------------

    def _key(self, text: str, mode: str) -> str:
        return cache_key(model=self.model, prompt_hash=self._prompt_hash,
                         params={**self._params(), "response_format": mode}, text=text)

    def _cached(self, chunk: Chunk) -> Answer | None:
        """A stored answer for this piece in the mode in use; in json_schema mode also one that an
        earlier run got after falling back to json_object (the key says which mode answered)."""
        if self._cache is None:
            return None
        current = self._client.format_mode
        for mode in (current, "json_object") if current == "json_schema" else (current,):
            entry = self._cache.get(self._key(chunk.text, mode))
            if entry is None:
                continue
            try:
                answer = parse_answer(entry["content"])
            except AnswerError:
                continue  # a damaged entry is a miss
            self._usage.add(cache_hits=1, **{f"answers_{mode}": 1})
            return answer
        return None

    def _ask(self, chunk: Chunk) -> ChunkResult:
        """Answers for one piece, split further when an answer is cut off or the prompt too long."""
        result = ChunkResult()
        try:
            self._ask_into(chunk, result)
        except (_DocumentFailed, RequestFailed, Cancelled) as exc:
            result.error = str(exc)
        except ServerRejected as exc:
            self._fatal = str(exc)
            raise
        return result

    def _ask_into(self, chunk: Chunk, result: ChunkResult) -> None:
        if self._fatal:  # the server refused the configuration: do not send more requests
            raise _DocumentFailed(self._fatal)
        answer = self._cached(chunk)
        if answer is not None:
            result.parts.append((chunk, answer))
            result.cached += 1
            return
        try:
            reply, answer = self._request(build_messages(chunk.text))
        except ContextTooLong as exc:
            self._split_into(chunk, result, f"{exc} (also for a piece of {len(chunk.text)} characters)", "context_splits")
            return
        if reply.finish_reason == "length":
            limit = f"max_tokens={self.max_tokens}" if self.max_tokens else "the server's max_tokens limit"
            self._split_into(
                chunk, result,
                f"the answer was cut off (finish_reason 'length') at {limit} even for a piece of {len(chunk.text)} "
                "characters; raise max_tokens (NEWSBENCH_LLM_MAX_TOKENS)", "length_splits",
            )
            return
        assert answer is not None
        self._usage.add(**{f"answers_{reply.mode}": 1})
        if self._cache is not None:
            self._cache.put(self._key(chunk.text, reply.mode), {
                "model": self.model, "prompt_sha256": self._prompt_hash, "params": self._params(),
                "response_format": reply.mode, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "content": reply.content,
            })
        result.parts.append((chunk, answer))

    def _split_into(self, chunk: Chunk, result: ChunkResult, error: str, counter: str) -> None:
        """Ask again for two halves of ``chunk`` (with a small overlap); fail when it is already minimal."""
        n = len(chunk.text)
        if n < 2 * MIN_PIECE_CHARS:
            raise _DocumentFailed(error)
        self._usage.add(**{counter: 1})
        halves = split(chunk.text, n // 2 + n // 16, n // 16)
        for half in halves:
            self._ask_into(Chunk(chunk.start + half.start, half.text), result)

    def _complete(self, messages: list[dict[str, str]]) -> Reply:
        reply = self._client.complete(model=self.model, messages=messages, **self._params())
        self._usage.add(prompt_tokens=reply.prompt_tokens, completion_tokens=reply.completion_tokens)
        return reply

    def _request(self, messages: list[dict[str, str]]) -> tuple[Reply, Answer | None]:
        """The reply and its answer (None when cut off); one repair request for a reply with no JSON."""
        reply = self._complete(messages)
        if reply.finish_reason == "length":
            return reply, None
        try:
            return reply, parse_answer(reply.content)
        except AnswerError as first:
            self._usage.add(repairs=1)
            fixed = self._complete(repair_messages(messages, reply.content, str(first)))
            if fixed.finish_reason == "length":
                return fixed, None
            try:
                return fixed, parse_answer(fixed.content)
            except AnswerError as second:
                raise _DocumentFailed(f"invalid answer after one repair request: {second}") from None

    # -- documents -------------------------------------------------------------------------

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        """One Document per article, in input order, with up to ``concurrency`` requests in flight.

        Raises:
            ExtractorUnavailableError: the server rejected the key, URL or model (401/403/404), or
                every document failed (a dead server must not produce a row of zeros); ``usage``
                still holds what the run spent.
        """
        n_docs = n_failed = 0
        first_error = None
        window = self.concurrency * 2  # articles submitted ahead of the one being yielded
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="newsbench-llm")
        pending: deque[tuple[Article, list[Chunk], list[Future[ChunkResult]]]] = deque()
        try:
            def finish() -> Document:
                nonlocal n_docs, n_failed, first_error
                doc = self._finish(*pending.popleft())
                n_docs += 1
                if doc.meta and doc.meta.get("status") == "failed":
                    n_failed += 1
                    first_error = first_error or doc.meta.get("error")
                return doc

            for article in articles:
                chunks = split(article.text, self.max_chars, self.overlap)
                pending.append((article, chunks, [pool.submit(self._ask, c) for c in chunks]))
                while len(pending) > window:
                    yield finish()
            while pending:
                yield finish()
        except BaseException:
            # Ctrl-C, a closed iterator or a fatal error: queued requests never start, running ones stop.
            self._client.cancel()
            raise
        finally:
            pool.shutdown(wait=not self._client.cancelled.is_set(), cancel_futures=True)
        if n_docs and n_failed == n_docs:
            raise ExtractorUnavailableError(
                f"extractor 'llm' cannot run here: it failed on every one of the {n_docs} document(s); first error: {first_error}"
            )

    def _finish(self, article: Article, chunks: list[Chunk], futures: list[Future[ChunkResult]]) -> Document:
        try:
            results = [f.result() for f in futures]
        except ServerRejected as exc:
            raise ExtractorUnavailableError(
                f"extractor 'llm' cannot run here: {exc} (check {BASE_URL_ENV}, OPENAI_API_KEY and --model {self.model!r})"
            ) from None
        except CancelledError:
            raise KeyboardInterrupt("cancelled") from None
        parts = [part for r in results for part in r.parts]
        meta: dict[str, Any] = {
            "extractor": self.name, "model": self.model, "chunks": len(parts) or len(chunks),
            "cache_hits": sum(r.cached for r in results),
        }
        errors = [r.error for r in results if r.error]
        if errors:
            self._usage.fail(article.doc_id)
            return Document(doc_id=article.doc_id, text=article.text, meta={**meta, "status": "failed", "error": errors[0]})
        grounded = merge([
            ground_answer(answer, chunk.text, offset=chunk.start, fuzzy_threshold=self.fuzzy_threshold, piece=i)
            for i, (chunk, answer) in enumerate(parts)
        ], article.text)
        n_items = sum(len(answer.dropped) for _, answer in parts)
        meta.update(
            status="ok",
            alignment={m: grounded.methods.get(m, 0) for m in METHODS},
            dropped_items=n_items,
            dropped_spans=len(grounded.dropped) - n_items,
            dropped=grounded.dropped[:MAX_DROPPED_LISTED],
        )
        doc, losses = to_document(article, grounded, meta)
        self._usage.add(
            dropped_items=n_items, dropped_spans=len(grounded.dropped) - n_items,
            dropped_entities=len(losses.dropped_entities), unresolved_refs=losses.unresolved_refs,
        )
        extra = {}
        if losses.dropped_entities:
            extra["dropped_entities"] = losses.dropped_entities[:MAX_DROPPED_LISTED]
        if losses.unresolved_refs:
            extra["unresolved_refs"] = losses.unresolved_refs
        if extra:
            doc = doc.model_copy(update={"meta": {**meta, **extra}})
        return doc

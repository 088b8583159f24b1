"""The ``llm`` extractor: any OpenAI-compatible ``/v1/chat/completions`` server.

Per article: split into chunks (long articles only), for each chunk ask the cache, else the server
(one repair request when the reply is not valid JSON of the right shape), ground the returned strings
in the text, merge the chunks, and build the Document. Up to ``concurrency`` requests are in flight;
documents are still yielded in input order. A document that fails is yielded empty with
``meta.status == "failed"`` and the reason, and counted; the run goes on.
"""
from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Iterable, Iterator
from urllib.parse import urlsplit

from eval.api import Article, Document, ExtractorUnavailableError, NewsbenchError, register
from extractors.llm.assemble import to_document
from extractors.llm.cache import ResponseCache, cache_key, default_cache_dir
from extractors.llm.chunking import Chunk, merge, split
from extractors.llm.client import ChatClient, RequestFailed, ServerRejected
from extractors.llm.grounding import METHODS, ground_answer
from extractors.llm.prompt import PROMPT_VERSION, build_messages, prompt_hash, repair_messages
from extractors.llm.response import Answer, AnswerError, parse_answer
from extractors.llm.usage import Usage, load_price

BASE_URL_ENV = "OPENAI_BASE_URL"
FORMATS = ("json_schema", "json_object")
MAX_DROPPED_LISTED = 20


@dataclass(frozen=True)
class ChunkResult:
    answer: Answer | None
    error: str | None = None
    cached: bool = False


def _positive(name: str, value: float, minimum: float = 1) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise NewsbenchError(f"llm extractor: {name} must be a number >= {minimum}, got {value!r}")


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
        timeout: float = 120.0,
        max_retries: int = 4,
        temperature: float = 0.0,
        max_chars: int = 12_000,
        overlap: int = 600,
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
        _positive("concurrency", concurrency)
        _positive("max_chars", max_chars, 200)
        _positive("timeout", timeout, 0.001)
        _positive("max_retries", max_retries, 0)
        if response_format not in FORMATS:
            raise NewsbenchError(f"Unknown response_format {response_format!r}. Available: {', '.join(FORMATS)}")
        self.model = model
        self.base_url = base_url or os.environ[BASE_URL_ENV]
        self.concurrency = int(concurrency)
        self.timeout = timeout
        self.max_retries = int(max_retries)
        self.temperature = temperature
        self.max_chars = int(max_chars)
        self.overlap = int(overlap)
        self.max_tokens = max_tokens
        self.response_format = response_format
        self.fuzzy_threshold = fuzzy_threshold
        self._usage = Usage(load_price(prices, model))
        self._client = ChatClient(
            base_url=self.base_url,
            api_key=api_key or os.environ.get("OPENAI_API_KEY"),
            timeout=timeout,
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
        """Requests (every HTTP attempt), retries, repairs, cache hits, tokens, failed documents,
        dropped spans and, when prices were given, the cost of this run's requests."""
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

    # -- one chunk -------------------------------------------------------------------------

    def _ask(self, chunk: Chunk) -> ChunkResult:
        if self._fatal:  # the server refused the configuration: do not queue more requests
            return ChunkResult(None, self._fatal)
        params = self._params()
        key = cache_key(
            model=self.model, prompt_hash=self._prompt_hash,
            params={**params, "response_format": self.response_format}, text=chunk.text,
        )
        if self._cache is not None:
            entry = self._cache.get(key)
            if entry is not None:
                try:
                    answer = parse_answer(entry["content"])
                except AnswerError:
                    answer = None  # a damaged entry is a miss
                if answer is not None:
                    self._usage.add(cache_hits=1)
                    return ChunkResult(answer, cached=True)
        try:
            answer = self._request(build_messages(chunk.text), params)
        except ServerRejected as exc:
            self._fatal = str(exc)
            raise
        except (RequestFailed, AnswerError) as exc:
            return ChunkResult(None, str(exc))
        if self._cache is not None:
            self._cache.put(
                key,
                {"model": self.model, "prompt_sha256": self._prompt_hash, "params": params,
                 "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "content": answer.model_dump_json()},
            )
        return ChunkResult(answer)

    def _request(self, messages: list[dict[str, str]], params: dict[str, Any]) -> Answer:
        reply = self._client.complete(model=self.model, messages=messages, **params)
        self._usage.add(prompt_tokens=reply.prompt_tokens, completion_tokens=reply.completion_tokens)
        try:
            return parse_answer(reply.content)
        except AnswerError as first:
            self._usage.add(repairs=1)
            fixed = self._client.complete(model=self.model, messages=repair_messages(messages, reply.content, str(first)), **params)
            self._usage.add(prompt_tokens=fixed.prompt_tokens, completion_tokens=fixed.completion_tokens)
            try:
                return parse_answer(fixed.content)
            except AnswerError as second:
                raise AnswerError(f"invalid answer after one repair request: {second}") from None

    # -- documents -------------------------------------------------------------------------

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        """One Document per article, in input order, with up to ``concurrency`` requests in flight.

        Raises:
            ExtractorUnavailableError: the server rejected the key, URL or model (401/403/404), or
                every document failed (a dead server must not produce a row of zeros).
        """
        n_docs = n_failed = 0
        first_error = None
        window = self.concurrency * 2  # articles submitted ahead of the one being yielded
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="newsbench-llm") as pool:
            pending: deque[tuple[Article, list[Chunk], list[Future[ChunkResult]]]] = deque()

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
        meta: dict[str, Any] = {
            "extractor": self.name, "model": self.model, "chunks": len(chunks),
            "cache_hits": sum(r.cached for r in results),
        }
        errors = [r.error for r in results if r.error]
        if errors:
            self._usage.add(failures=1)
            return Document(doc_id=article.doc_id, text=article.text, meta={**meta, "status": "failed", "error": errors[0]})
        grounded = merge(
            [ground_answer(r.answer, c.text, offset=c.start, fuzzy_threshold=self.fuzzy_threshold)
             for r, c in zip(results, chunks) if r.answer is not None]
        )
        meta.update(
            status="ok",
            alignment={m: grounded.methods.get(m, 0) for m in METHODS},
            dropped_spans=len(grounded.dropped),
            dropped=grounded.dropped[:MAX_DROPPED_LISTED],
        )
        doc, unresolved = to_document(article, grounded, meta)
        self._usage.add(dropped_spans=len(grounded.dropped))
        if unresolved:
            doc = doc.model_copy(update={"meta": {**meta, "unresolved_refs": unresolved}})
        return doc

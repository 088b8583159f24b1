"""One chat completion request, made robust: a total deadline, retries with backoff, format fallback.

The request is a plain HTTP POST (httpx) run in a watched daemon thread, so ``timeout`` limits each
attempt's WHOLE duration: a server that dribbles a byte every half second, or holds the connection
open, is cut off at the deadline, not kept alive by each byte (a per-read timeout, the openai
client's, would be); a cancelled run (Ctrl-C) stops waiting at once.

Retried: 429 (waiting what ``retry-after-ms`` / ``retry-after`` asks, when given), 408, 409, 5xx,
connection errors and timeouts, with exponential backoff and jitter in between.
Fatal for the whole run (:class:`ServerRejected`): 401, 403, 404, a wrong key, URL or model name.
A 400/422 that is about ``response_format`` switches the client to ``json_object`` mode; a 400
saying the context length is exceeded raises :class:`ContextTooLong` (the caller splits the text);
anything else fails the one request (:class:`RequestFailed`). Errors name the server address.
"""
from __future__ import annotations

import email.utils
import json
import random
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

from extractors.llm.response import response_format
from extractors.llm.usage import Usage

RETRY_STATUS = frozenset({408, 409, 429})
WATCH_INTERVAL_S = 0.05  # how often a waiting request checks its deadline and the cancel flag
FATAL_STATUS = frozenset({401, 403, 404})


class RequestFailed(Exception):
    """The request failed for good (retries exhausted or a non-retryable error); the message says why."""


class ServerRejected(Exception):
    """The server refuses this configuration (key, URL or model); no document can succeed."""


class ContextTooLong(RequestFailed):
    """The server says the prompt exceeds the model's context length: a shorter piece may pass."""


class Cancelled(Exception):
    """The run was cancelled (Ctrl-C): no further request is made."""


@dataclass(frozen=True)
class Reply:
    content: str | None
    prompt_tokens: int
    completion_tokens: int
    finish_reason: str | None = None
    mode: str = "json_schema"


# How servers word "your prompt is too long" (OpenAI, vLLM, llama.cpp, Ollama, LM Studio).
_CONTEXT = re.compile(
    r"context[ _-]?length|context window|maximum context|prompt is too long|too many tokens|exceeds? the (model'?s? )?context"
    r"|reduce the length|input is too long|n_ctx",
    re.IGNORECASE,
)
# A refusal of the structured-output request itself (and not of the prompt).
_FORMAT = re.compile(r"response_format|json_schema|structured output|guided[_ ]json|grammar|schema", re.IGNORECASE)


def is_context_error(message: str) -> bool:
    """
    >>> is_context_error("This model's maximum context length is 8192 tokens."), is_context_error("bad key")
    (True, False)
    """
    return bool(_CONTEXT.search(message))


def is_format_error(message: str) -> bool:
    """
    >>> is_format_error("response_format json_schema is not supported"), is_format_error("context length exceeded")
    (True, False)
    """
    return bool(_FORMAT.search(message)) and not is_context_error(message)


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.wait = wait


def retry_after_s(headers: Any) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date).

    >>> retry_after_s({"retry-after": "2"})
    2.0
    >>> retry_after_s({"retry-after-ms": "150"})
    0.15
    >>> retry_after_s({}) is None
    True
    """
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def backoff_s(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with equal jitter: uniform in [d/2, d] with d = min(cap, base * 2**attempt).

    >>> 0.5 <= backoff_s(0, 1.0, 30.0) <= 1.0
    True
    >>> 15.0 <= backoff_s(10, 1.0, 30.0) <= 30.0
    True
    """
    delay = min(cap, base * 2**attempt)
    return (rng or random).uniform(delay / 2, delay)


class ChatClient:
    """A thread-safe chat client for an OpenAI-compatible ``/v1/chat/completions`` endpoint."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str | None,
        timeout: float,
        max_retries: int,
        usage: Usage,
        format_mode: str = "json_schema",
        backoff_base: float = 0.5,
        backoff_max: float = 30.0,
        max_retry_after: float = 120.0,
    ):
        import httpx  # lazy: `newsbench list` must not pay for it

        self._httpx = httpx
        self.base_url = base_url.rstrip("/")
        headers = {"content-type": "application/json"}
        if api_key:
            headers["authorization"] = f"Bearer {api_key}"
        self._http = httpx.Client(headers=headers, timeout=httpx.Timeout(timeout, connect=min(timeout, 30.0)))
        self.timeout = timeout
        self.max_retries = max_retries
        self.usage = usage
        self.format_mode = format_mode
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.max_retry_after = max_retry_after
        self.cancelled = threading.Event()
        usage.response_format = format_mode

    def cancel(self) -> None:
        """Stop: no new attempt starts, waits between retries end, reads in progress stop at their next bytes."""
        self.cancelled.set()

    def complete(self, *, model: str, messages: list[dict[str, str]], **params: Any) -> Reply:
        """Send one chat completion, retrying as the module docstring says.

        Raises:
            ServerRejected: 401, 403 or 404.
            ContextTooLong: a 400 about the context length.
            RequestFailed: retries exhausted, or another client error.
            Cancelled: :meth:`cancel` was called.
        """
        attempt = 0
        while True:
            if self.cancelled.is_set():
                raise Cancelled("cancelled")
            mode = self.format_mode
            body = {"model": model, "messages": messages, "response_format": response_format(mode), **params}
            try:
                self.usage.add(requests=1)
                return self._attempt(body, mode)
            except _Retryable as exc:
                if isinstance(exc, _FormatRefused):
                    continue
                if attempt >= self.max_retries:
                    raise RequestFailed(f"gave up after {attempt + 1} attempt(s); last error {exc}") from None
                wait = exc.wait if exc.wait is not None else backoff_s(attempt, self.backoff_base, self.backoff_max)
                attempt += 1
                self.usage.add(retries=1)
                if self.cancelled.wait(min(wait, self.max_retry_after)):
                    raise Cancelled("cancelled") from None

    def _attempt(self, body: dict[str, Any], mode: str) -> Reply:
        status, headers, data = self._post(body)
        if status == 200:
            return _reply(data, mode, self.base_url)
        message = _message(data)
        if status in FATAL_STATUS:
            raise ServerRejected(f"the server at {self.base_url} answered {status}: {message}")
        if status in (400, 413, 422) and is_context_error(message):
            raise ContextTooLong(f"the server answered {status}: {message}")
        if status in (400, 422) and mode == "json_schema" and is_format_error(message):
            # The server does not do structured output: plain JSON mode from now on, and say why.
            self.format_mode = self.usage.response_format = "json_object"
            self.usage.note("format_fallback", f"{status}: {message}")
            raise _FormatRefused(message)
        if status not in RETRY_STATUS and status < 500:
            raise RequestFailed(f"the server answered {status}: {message}")
        raise _Retryable(f"{status}: {message}", retry_after_s(headers) if status == 429 else None)

    def _post(self, body: dict[str, Any]) -> tuple[int, Any, bytes]:
        """POST and read the whole answer before the deadline (``timeout`` after the start).

        The HTTP exchange runs in a daemon thread watched from here: at the deadline, or as soon as
        the run is cancelled, this returns even if the server is still holding the connection (a
        blocked read cannot be interrupted from outside, and a daemon thread never delays exit).
        """
        deadline = time.monotonic() + self.timeout
        box: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                box["result"] = self._exchange(body, deadline)
            except BaseException as exc:  # handed to the watching thread
                box["error"] = exc
            finally:
                done.set()

        threading.Thread(target=run, name="newsbench-llm-http", daemon=True).start()
        while not done.wait(WATCH_INTERVAL_S):
            if self.cancelled.is_set():
                raise Cancelled("cancelled")
            if time.monotonic() > deadline:
                raise _Retryable(f"no complete answer from {self.base_url} within the timeout of {self.timeout:g} s")
        if "error" in box:
            raise box["error"]
        return box["result"]

    def _exchange(self, body: dict[str, Any], deadline: float) -> tuple[int, Any, bytes]:
        """The blocking HTTP exchange; stops reading at the deadline or on cancel."""
        httpx = self._httpx
        url = f"{self.base_url}/chat/completions"
        try:
            with self._http.stream("POST", url, json=body) as response:
                chunks = []
                for chunk in response.iter_raw():
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise _Retryable(f"no complete answer from {self.base_url} within the timeout of {self.timeout:g} s")
                    if self.cancelled.is_set():
                        raise Cancelled("cancelled")
                return response.status_code, response.headers, b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise _Retryable(
                f"no complete answer from {self.base_url} within the timeout of {self.timeout:g} s ({type(exc).__name__})"
            ) from None
        except httpx.TransportError as exc:
            raise _Retryable(f"cannot reach the server at {self.base_url}: {type(exc).__name__}: {exc}") from None

    def close(self) -> None:
        self._http.close()


class _FormatRefused(_Retryable):
    """json_schema refused: ask again at once in json_object mode (not a retry)."""


def _message(data: bytes) -> str:
    try:
        body = json.loads(data)
    except ValueError:
        return data[:200].decode("utf-8", "replace").strip() or "(empty body)"
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
        if isinstance(error, str):
            return error
        if body.get("message"):
            return str(body["message"])
    return json.dumps(body)[:200]


def _reply(data: bytes, mode: str, base_url: str) -> Reply:
    try:
        body = json.loads(data)
        choice = (body.get("choices") or [{}])[0]
        usage = body.get("usage") or {}
        return Reply(
            (choice.get("message") or {}).get("content"),
            int(usage.get("prompt_tokens") or 0),
            int(usage.get("completion_tokens") or 0),
            choice.get("finish_reason"),
            mode,
        )
    except (ValueError, AttributeError, TypeError, IndexError):
        raise _Retryable(f"the server at {base_url} sent a body that is not a chat completion") from None

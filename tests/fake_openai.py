"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks, with scripted replies.

Each POST to ``/v1/chat/completions`` takes the next :class:`Step` of ``script`` (FIFO), or, when
the script is empty, asks ``responder(body)`` for the content. Every request body is kept in
``requests``; ``max_in_flight`` records the most requests served at the same time.

    with FakeOpenAI(latency=0.1) as server:
        server.push(error(500), ok('{"actors": [], ...}'))
        ... OPENAI_BASE_URL=server.base_url ...
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterator

import pytest

EMPTY_ANSWER = {"actors": [], "locations": [], "quotes": [], "events": []}


@dataclass(frozen=True)
class Step:
    """One scripted reply: an HTTP status, a message content or a raw body, a delay, headers."""

    status: int = 200
    content: str | None = None
    body: dict[str, Any] | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    prompt_tokens: int = 100
    completion_tokens: int = 20


def _content(answer: str | dict[str, Any]) -> str:
    return answer if isinstance(answer, str) else json.dumps(answer)


def ok(answer: str | dict[str, Any] = EMPTY_ANSWER, **kw: Any) -> Step:
    return Step(content=_content(answer), **kw)


def malformed(text: str = '{"actors": [ this is not JSON') -> Step:
    return Step(content=text)


def error(status: int, message: str = "scripted error", headers: dict[str, str] | None = None) -> Step:
    return Step(status=status, body={"error": {"message": message, "type": "fake", "code": status}}, headers=headers or {})


def slow(seconds: float, answer: str | dict[str, Any] = EMPTY_ANSWER) -> Step:
    return Step(content=_content(answer), delay=seconds)


def article_of(body: dict[str, Any]) -> str:
    """The article text of a request built by extractors.llm.prompt (the last user message)."""
    users = [m["content"] for m in body["messages"] if m["role"] == "user"]
    for content in reversed(users):  # a repair request ends with a user turn that is not an article
        match = re.search(r"<<<\n(.*)\n>>>", content, re.DOTALL)
        if match:
            return match.group(1)
    return users[-1]


def capitalised_responder(body: dict[str, Any]) -> str:
    """A deterministic stand-in for a model: every capitalised word is a PER actor with one mention
    per occurrence; every text in double quotation marks is a direct quote."""
    text = article_of(body)
    words = re.findall(r"\b[A-Z][a-z]{2,}\b", text)
    actors = [{"name": w, "type": "PER", "mentions": [w] * words.count(w)} for w in dict.fromkeys(words)]
    quotes = [
        {"content": q, "speaker": None, "kind": "direct", "cue": None}
        for q in re.findall(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]", text)
    ]
    return json.dumps({**EMPTY_ANSWER, "actors": actors, "quotes": quotes})


class FakeOpenAI:
    """The server; a context manager that starts it on a free port and stops it."""

    def __init__(
        self,
        responder: Callable[[dict[str, Any]], str] = capitalised_responder,
        latency: float = 0.0,
        delay_for: Callable[[dict[str, Any]], float] | None = None,
    ):
        self.responder = responder
        self.latency = latency
        self.delay_for = delay_for
        self.script: deque[Step] = deque()
        self.requests: list[dict[str, Any]] = []
        self.reject_json_schema = False
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def push(self, *steps: Step) -> None:
        self.script.extend(steps)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self, body: dict[str, Any]) -> Step:
        with self._lock:
            self.requests.append(body)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            step = self.script.popleft() if self.script else None
        if self.reject_json_schema and (body.get("response_format") or {}).get("type") == "json_schema":
            return error(400, "response_format json_schema is not supported")
        return step or Step(content=self.responder(body))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                step = fake._next(body)
                try:
                    time.sleep(fake.latency + step.delay + (fake.delay_for(body) if fake.delay_for else 0.0))
                    self._send(step, body)
                except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
                    pass
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

            def _send(self, step: Step, body: dict[str, Any]) -> None:
                if step.body is not None:
                    payload = step.body
                else:
                    payload = {
                        "id": f"chatcmpl-fake-{len(fake.requests)}",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": body.get("model", "fake"),
                        "choices": [
                            {"index": 0, "message": {"role": "assistant", "content": step.content}, "finish_reason": "stop"}
                        ],
                        "usage": {
                            "prompt_tokens": step.prompt_tokens,
                            "completion_tokens": step.completion_tokens,
                            "total_tokens": step.prompt_tokens + step.completion_tokens,
                        },
                    }
                data = json.dumps(payload).encode("utf-8")
                self.send_response(step.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for key, value in step.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler


@pytest.fixture
def fake_openai(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[FakeOpenAI]:
    """A fake server, with OPENAI_BASE_URL pointing at it and the response cache in tmp_path."""
    with FakeOpenAI() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-secret")
        monkeypatch.setenv("NEWSBENCH_CACHE_DIR", str(tmp_path / "cache"))
        yield server

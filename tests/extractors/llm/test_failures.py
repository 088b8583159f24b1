"""Each way a real model or server goes wrong, answered by the local fake server (127.0.0.1 only):
the extractor survives it, counts it, and shows it in the document's meta and in ``usage``."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eval.exceptions import ExtractorUnavailableError, NewsbenchError
from eval.registry import Article
from extractors.llm import LLMExtractor
from tests.conftest import ROOT
from tests.extractors.llm.fake_openai import (  # noqa: F401
    EMPTY_ANSWER,
    FakeOpenAI,
    Step,
    article_of,
    cut_off,
    dribbling,
    error,
    fake_openai,
    malformed,
    ok,
    slow,
)

TEXT = "Senator Lena Brook met farmers in Dunmore on Friday. \u201cPrices are too low,\u201d Brook said. Later Brook flew home to Dunmore."
BROOK = {"id": "a1", "name": "Lena Brook", "type": "PER", "mentions": ["Lena Brook", "Brook", "Brook"]}
DUNMORE = {"id": "l1", "name": "Dunmore", "type": "GPE", "mentions": ["Dunmore", "Dunmore"]}
QUOTE = {"content": "Prices are too low,", "speaker": "a1", "kind": "direct", "cue": "said"}
LONG = " ".join(f"Councillor Ada Fenn{i} opened the new Harlow{i} library on Monday." for i in range(20))  # ~1,200 chars


def make(tmp_path: Path, **kw) -> LLMExtractor:
    options = {"model": "fake", "concurrency": 1, "cache_dir": tmp_path / "cache", "backoff_base": 0.01, **kw}
    return LLMExtractor(**options)


def one(extractor: LLMExtractor, text: str = TEXT) -> object:
    [doc] = extractor.extract([Article("brook", text)])
    return doc


def test_misspelt_speaker_and_argument_names_still_resolve(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    # Names instead of ids, misspelt: one wrong letter used to take quotes F1 to 0.
    fake_openai.push(ok({
        "actors": [BROOK], "locations": [DUNMORE],
        "quotes": [{**QUOTE, "speaker": "Lena Brok"}],
        "events": [{"type": "MOVE", "trigger": "flew", "agent": ["Lena Brook"], "destination": ["Dunmor"]}],
    }))
    extractor = make(tmp_path)
    doc = one(extractor)
    assert ([q.speaker for q in doc.quotes], [(a.role, a.ref) for a in doc.events[0].arguments],
            extractor.usage["unresolved_refs"]) == (["a1"], [("agent", "a1"), ("destination", "l1")], 0)


def test_a_place_argument_named_like_an_actor_goes_to_the_location(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    text = "Dunmore protested. Brook flew to Dunmore."
    fake_openai.push(ok({
        "actors": [{"id": "a1", "name": "Dunmore", "type": "GPE", "mentions": ["[Dunmore] protested"]},
                   {"id": "a2", "name": "Brook", "type": "PER", "mentions": ["Brook"]}],
        "locations": [{"id": "l1", "name": "Dunmore", "type": "GPE", "mentions": ["to [Dunmore]"]}],
        "events": [{"type": "MOVE", "trigger": "flew", "agent": ["Brook"], "destination": ["Dunmore"]}],
    }))
    doc = one(make(tmp_path), text)
    assert ([(a.role, a.ref) for a in doc.events[0].arguments], [m.start for m in doc.locations[0].mentions]) == (
        [("agent", "a2"), ("destination", "l1")], [text.rindex("Dunmore")])


def test_an_invented_entity_does_not_survive_through_a_pronoun(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(ok({
        "actors": [BROOK, {"id": "a2", "name": "Atlantis Corp", "type": "ORG", "mentions": ["Atlantis Corp", "Brook"]},
                   {"id": "a3", "name": "Atlantis Corp", "type": "ORG", "mentions": ["Atlantis Corp"]}],
        "events": [{"type": "MEET", "trigger": "met", "participant": ["a1", "a3"]}],
    }))
    text = TEXT + " It was late."
    fake_openai.script[0] = ok({
        "actors": [BROOK, {"id": "a2", "name": "Atlantis Corp", "type": "ORG", "mentions": ["Atlantis Corp", "It"]}],
        "events": [{"type": "MEET", "trigger": "met", "participant": ["a1", "a2"]}],
    })
    extractor = make(tmp_path)
    doc = one(extractor, text)
    usage = extractor.usage
    assert ([a.name for a in doc.actors], [(a.role, a.ref) for a in doc.events[0].arguments],
            doc.meta["dropped_entities"], usage["dropped_entities"], usage["unresolved_refs"]) == (
        ["Lena Brook"], [("participant", "a1")], ["Atlantis Corp"], 1, 1)



def test_an_entity_given_by_pronouns_only_is_kept(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    """A group named only by "we" in a quote (guidelines 1.2) is in the gold; a perfect model lost it (dev oracle 0.999)."""
    text = "Lena Brook spoke after the match. \u201cWe could not afford the bus,\u201d she said."
    fake_openai.push(ok({
        "actors": [{"id": "a1", "name": "Lena Brook", "type": "PER", "mentions": ["Lena Brook", "she"]},
                   {"id": "a2", "name": "Brook and her father", "type": "PER", "mentions": ["We"]}],
    }))
    extractor = make(tmp_path)
    doc = one(extractor, text)
    assert ([(a.name, [m.text for m in a.mentions]) for a in doc.actors], extractor.usage["dropped_entities"]) == (
        [("Lena Brook", ["Lena Brook", "she"]), ("Brook and her father", ["We"])], 0)

def test_a_stray_invalid_item_is_dropped_alone_without_a_repair(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(ok({
        "actors": [{**BROOK, "confidence": 0.9}, {"id": "a2", "name": "farmers", "type": "CROWD", "mentions": ["farmers"]}],
        "locations": [DUNMORE], "quotes": [QUOTE],
        "events": [{"type": "MEET", "trigger": "met", "participant": ["a1"], "place": ["l1"], "certainty": "high"},
                   {"type": "PICNIC", "trigger": "flew"}],
        "summary": "A senator met farmers.",
    }))
    extractor = make(tmp_path)
    doc = one(extractor)
    usage = extractor.usage
    assert (doc.meta["status"], len(doc.actors), len(doc.quotes), len(doc.events), doc.meta["dropped_items"],
            [d["path"] for d in doc.meta["dropped"]], usage["requests"], usage["repairs"], usage["dropped_items"]) == (
        "ok", 1, 1, 1, 2, ["actors[1]", "events[1]"], 1, 0, 2)


@pytest.mark.parametrize(
    "wrap",
    [
        lambda j: f"<think>\nThe article mentions a senator. {{draft}} I should list her.\n</think>\n{j}",
        lambda j: f"Here is the JSON you asked for:\n```json\n{j}\n```\nI hope this helps!",
        lambda j: f"{j}\n\nNote: the quote cue is \"said\".",
    ],
    ids=["think", "prose-and-fence", "trailing-prose"],
)
def test_prose_and_think_around_the_json_cost_no_repair(fake_openai: FakeOpenAI, tmp_path: Path, wrap) -> None:
    fake_openai.push(ok(wrap(json.dumps({"actors": [BROOK], "locations": [DUNMORE], "quotes": [QUOTE]}))))
    extractor = make(tmp_path)
    doc = one(extractor)
    assert (doc.meta["status"], len(doc.actors), len(doc.quotes), extractor.usage["requests"], extractor.usage["repairs"]) == (
        "ok", 1, 1, 1, 0)


def test_a_cut_off_answer_is_split_not_accepted_nor_cached(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    # A truncated answer that still parses once cost events 0.939 -> 0.623 and was cached.
    fake_openai.push(cut_off({"actors": [{"id": "a1", "name": "Ada Fenn0", "type": "PER", "mentions": ["Ada Fenn0"]}]}))
    extractor = make(tmp_path)
    doc = one(extractor, LONG)
    usage = extractor.usage
    [councillor] = [a for a in doc.actors if a.name == "Councillor"]
    again = make(tmp_path)
    one(again, LONG)  # the cut-off answer of the whole piece was not cached: it is asked again
    assert (doc.meta["status"], usage["length_splits"], usage["requests"], doc.meta["chunks"],
            [m.start for m in councillor.mentions][-1] == LONG.rindex("Councillor"),
            again.usage["requests"], again.usage["cache_hits"]) == ("ok", 1, 3, 2, True, 1, 0)


def test_a_cut_off_answer_at_a_minimal_piece_fails_naming_max_tokens(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(cut_off(EMPTY_ANSWER))
    extractor = make(tmp_path, max_tokens=64)
    docs = list(extractor.extract([Article("short", TEXT), Article("next", TEXT + " More.")]))
    usage = extractor.usage
    assert (docs[0].meta["status"], "max_tokens=64" in docs[0].meta["error"], docs[1].meta["status"],
            usage["failures"], usage["failed_docs"], usage["completion_tokens"]) == ("failed", True, "ok", 1, ["short"], 40)


def test_a_400_context_length_fails_one_document_and_keeps_the_format(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(ok(), error(400, "This model's maximum context length is 4096 tokens. However, you requested 9000."))
    extractor = make(tmp_path)
    docs = list(extractor.extract([Article(f"d{i}", f"Report {i}: a short item.") for i in range(3)]))
    usage = extractor.usage
    assert ([d.meta["status"] for d in docs], "maximum context length" in docs[1].meta["error"],
            [r["response_format"]["type"] for r in fake_openai.requests], usage["response_format"],
            usage["failed_docs"], extractor.config()["response_format_used"]) == (
        ["ok", "failed", "ok"], True, ["json_schema"] * 3, "json_schema", ["d1"], "json_schema")


def test_a_400_context_length_on_a_long_piece_splits_it(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(error(400, "prompt is too long: context length exceeded"))
    extractor = make(tmp_path)
    doc = one(extractor, LONG)
    assert (doc.meta["status"], extractor.usage["context_splits"], doc.meta["chunks"]) == ("ok", 1, 2)


def test_fallback_only_when_the_400_is_about_response_format(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(error(400, "temperature must be at most 1.0"))
    extractor = make(tmp_path)
    docs = list(extractor.extract([Article("a", "One."), Article("b", "Two.")]))
    assert ([d.meta["status"] for d in docs], [r["response_format"]["type"] for r in fake_openai.requests],
            extractor.usage["response_format"]) == (["failed", "ok"], ["json_schema", "json_schema"], "json_schema")


def test_fallback_is_recorded_and_cached_under_the_mode_used(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.reject_json_schema = True
    first = make(tmp_path)
    one(first)
    again = make(tmp_path)
    one(again)
    [entry] = (tmp_path / "cache" / "llm").rglob("*.json")
    assert (first.usage["response_format"], first.usage["answers_json_object"], "response_format" in first.usage["format_fallback"],
            json.loads(entry.read_text())["response_format"], again.usage["requests"], again.usage["cache_hits"]) == (
        "json_object", 1, True, "json_object", 0, 1)


def test_a_dead_server_is_named_in_every_failed_document(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    extractor = make(tmp_path, base_url=url, max_retries=0)
    docs = []
    with pytest.raises(ExtractorUnavailableError, match=f"cannot reach the server at {url}"):
        docs.extend(extractor.extract([Article("a", "One."), Article("b", "Two.")]))
    assert ([d.meta["status"] for d in docs], all(url in d.meta["error"] for d in docs), extractor.usage["failed_docs"]) == (
        ["failed", "failed"], True, ["a", "b"])


def test_tokens_are_kept_when_every_document_fails(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(*[malformed()] * 4)
    extractor = make(tmp_path)
    with pytest.raises(ExtractorUnavailableError):
        list(extractor.extract([Article("a", "One."), Article("b", "Two.")]))
    usage = extractor.usage
    assert (usage["requests"], usage["repairs"], usage["prompt_tokens"], usage["completion_tokens"], usage["failures"],
            usage["failed_docs"]) == (4, 2, 400, 80, 2, ["a", "b"])


@pytest.mark.parametrize("step", [slow(30), dribbling(0.5)], ids=["hanging", "dribbling"])
def test_the_timeout_bounds_each_attempt_as_a_whole(fake_openai: FakeOpenAI, tmp_path: Path, step: Step) -> None:
    # A dribbling server sends a byte every 0.5 s: a per-read timeout never fires, a total one does.
    fake_openai.push(step)
    extractor = make(tmp_path, timeout=1.0, max_retries=0)
    start = time.monotonic()
    docs = list(extractor.extract([Article("a", "One."), Article("b", "Two.")]))
    elapsed = time.monotonic() - start
    assert ([d.meta["status"] for d in docs], "within the timeout of 1 s" in docs[0].meta["error"], elapsed < 3.5) == (
        ["failed", "ok"], True, True), elapsed


def test_closing_the_run_cancels_queued_requests(tmp_path: Path) -> None:
    # Ctrl-C in the consumer closes the generator: queued articles must not be sent, nor waited for.
    with FakeOpenAI(latency=1.0) as server:
        extractor = make(tmp_path, base_url=server.base_url, concurrency=2, timeout=30)
        run = extractor.extract([Article(f"d{i}", f"Item {i}.") for i in range(20)])
        next(run)
        start = time.monotonic()
        run.close()
        closed_in = time.monotonic() - start
        time.sleep(1.5)  # anything still queued would reach the server now
        sent = len(server.requests)
    assert (closed_in < 0.5, sent <= 4) == (True, True), (closed_in, sent)


def test_cancel_stops_requests_in_flight_against_a_hanging_server(tmp_path: Path) -> None:
    # Ctrl-C must not wait for a server that holds its connections open (88 s measured before).
    with FakeOpenAI(latency=30) as server:
        extractor = make(tmp_path, base_url=server.base_url, concurrency=2, timeout=60)
        threading.Timer(0.5, extractor._client.cancel).start()
        start = time.monotonic()
        with pytest.raises(ExtractorUnavailableError, match="cancelled"):
            list(extractor.extract([Article(f"d{i}", f"Item {i}.") for i in range(6)]))
        elapsed = time.monotonic() - start
        time.sleep(0.2)
        workers = [t.name for t in threading.enumerate() if t.name.startswith("newsbench-llm_")]
        sent = len(server.requests)
    assert (elapsed < 2, workers, sent) == (True, [], 2), elapsed


def test_options_come_from_the_environment(fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch) -> None:
    for name, value in (("TIMEOUT", "7.5"), ("MAX_TOKENS", "2048"), ("MAX_CHARS", "3000"), ("MAX_RETRIES", "1"),
                        ("TEMPERATURE", "0.2")):
        monkeypatch.setenv(f"NEWSBENCH_LLM_{name}", value)
    e = make(tmp_path)
    explicit = make(tmp_path, timeout=3, max_chars=900)
    assert ((e.timeout, e.max_tokens, e.max_chars, e.max_retries, e.temperature), (explicit.timeout, explicit.max_chars)) == (
        (7.5, 2048, 3000, 1, 0.2), (3, 900))


def test_a_bad_environment_value_is_named(fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSBENCH_LLM_TIMEOUT", "soon")
    with pytest.raises(NewsbenchError, match="NEWSBENCH_LLM_TIMEOUT must be a float, got 'soon'"):
        make(tmp_path)


def test_stale_temporary_files_of_a_killed_run_are_removed(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "llm" / "ab"
    folder.mkdir(parents=True)
    stale, fresh = folder / ".abc.json.x1.tmp", folder / ".abd.json.x2.tmp"
    stale.write_text("{half")
    fresh.write_text("{writing")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    make(tmp_path)
    assert (stale.exists(), fresh.exists()) == (False, True)


def test_cancel_wakes_a_retry_wait(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(error(429, "slow down", {"retry-after": "30"}))
    extractor = make(tmp_path)
    timer = threading.Timer(0.5, extractor._client.cancel)
    timer.start()
    start = time.monotonic()
    with pytest.raises(ExtractorUnavailableError):  # the only document failed: cancelled
        list(extractor.extract([Article("a", "One.")]))
    assert time.monotonic() - start < 3


CTRL_C_SCRIPT = """
import sys
from eval.api import Article
from extractors.llm import LLMExtractor
from tests.extractors.llm.fake_openai import FakeOpenAI
with FakeOpenAI(latency=60) as server:
    ex = LLMExtractor(model="fake", base_url=server.base_url, concurrency=4, cache_dir=sys.argv[1], timeout=120)
    print("start", flush=True)
    try:
        list(ex.extract([Article(f"d{i}", f"Item {i}.") for i in range(40)]))
    except KeyboardInterrupt:
        print("interrupted", len(server.requests), flush=True)
"""


def test_ctrl_c_exits_at_once_against_a_hanging_server(tmp_path: Path) -> None:
    # Measured before: 88 s of waiting for queued requests against a hanging server.
    root = ROOT
    proc = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_SCRIPT, str(tmp_path / "cache")], cwd=root, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(root)}, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout.readline().strip() == "start"
    time.sleep(1.0)
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=30)
    word, sent = out.split()
    assert (word, int(sent) <= 4, proc.returncode, time.monotonic() - start < 5) == ("interrupted", True, 0, True)

"""Pathological articles for the offline extractors, and their timing: texts built to hit every scan that
could grow faster than the text (no sentence end, one paragraph, open quotes, runs of capitalised names,
of pronouns, of "and" and commas, words of thousands of letters, runs of one punctuation mark, lists of
thousands of names, thousands of quotes in one sentence), plus a normal article repeated to some megabytes.

    python bench/pathological.py --kb 300                          # every class, every offline extractor
    python bench/pathological.py --kb 60 --timeout 60 -e rules.v4  # some extractors only
    python bench/pathological.py --write DIR --kb 300              # only write the texts

Each run is ``python -m eval extract`` in a child process killed after ``--timeout`` seconds, so a hang is
a row, not a stuck benchmark. The texts are deterministic (no randomness): the same size gives the same text.
"""
from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
OFFLINE = [f"{kind}.v{n}" for kind in ("rules", "spacy") for n in (1, 2, 3, 4)]

# Clauses with names, cues, quotes and pronouns, joined without any sentence end.
_CLAUSES = [
    'Maria Santos said the council would meet', 'he told reporters in Lisbon that the deal was off',
    'they said “we will not give up” and insisted', 'the Northern Farmers Alliance, which it said was broke,',
    'officials in Porto warned that she would resign', 'the minister, who asked not to be named, said',
    'it announced a strike against the company', 'John Baker and the union leaders agreed',
    'police arrested two men near the Douro River', '“nothing has changed,” she said',
]


def _fill(pieces: Iterator[str], size: int, sep: str) -> str:
    """Pieces joined by ``sep`` up to ``size`` characters."""
    out: list[str] = []
    total = 0
    for piece in pieces:
        if total >= size:
            break
        out.append(piece)
        total += len(piece) + len(sep)
    return sep.join(out)[:size]


def no_sentence_end(size: int) -> str:
    """One long "sentence": clauses, quotes, names and pronouns joined by commas and "and", no full stop."""
    return "Lisbon - " + _fill(itertools.cycle(_CLAUSES), size, ", and ")


def one_paragraph(size: int) -> str:
    """Normal sentences in one paragraph, no line break at all."""
    return _fill((c[0].upper() + c[1:] + "." for c in itertools.cycle(_CLAUSES)), size, " ")


def open_quote(size: int) -> str:
    """An opening quote mark never closed, then text with thousands of straight and curly quotes."""
    inner = ('he said "no', 'they said “yes', "the mayor said 'maybe", "Ana Costa said “we", "it said")
    return "Officials said “" + _fill(itertools.cycle(inner), size, " and ")


def capitalised_run(size: int) -> str:
    """Thousands of capitalised words in a row, then a cue."""
    words = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet")
    return _fill(itertools.cycle(words), size - 10, " ") + " said it."


def pronoun_run(size: int) -> str:
    """Thousands of pronouns and cues: they, it, she, he with reporting verbs, no names."""
    words = ("they said", "it said", "she told them", "he said they", "its", "their", "they")
    return "The union and the company met. " + _fill(itertools.cycle(words), size, " ")


def and_commas(size: int) -> str:
    """A long run of coordinations: "X and Y, Z, and W" with verbs and capitalised names."""
    words = ("Porto", "and", "Braga,", "the union,", "and", "Coimbra", "said", "and", "agreed,", "met")
    return "Lisbon - " + _fill(itertools.cycle(words), size, " ") + "."


def verb_chain(size: int) -> str:
    """One subject and a long chain of coordinated verbs of events: "Members voted and met and agreed ..."."""
    words = ("voted", "and", "met", "and", "agreed", "and", "voted", "and", "arrested", "and")
    return "Members " + _fill(itertools.cycle(words), size - 20, " ") + " voted again."


def long_words(size: int) -> str:
    """Sentences each holding one very long "word": capitals, a capital and small letters, small letters,
    capitals and small letters in turn, hyphened and apostrophed parts ("Ab-Ab-...", "A'A'...")."""
    words = ("A", "Ab", "a", "Aa", "Ab-", "A'", "Ab’", "A.", "AB ")
    part = max(size // len(words) - 40, 1)
    return " ".join(f"Residents of {w * (part // len(w))} voted, officials said." for w in words)[:size]


def punctuation_runs(size: int) -> str:
    """Runs of thousands of one punctuation mark without a blank: brackets, quote marks, dashes, ellipses."""
    marks = ("(", "“", '"', "—", "'", ")", "…")
    return "Officials said. " + " and ".join(m * (size // len(marks) - 5) for m in marks)


def long_list(size: int) -> str:
    """One coordination of thousands of capitalised names: "Alpha and Bravo and Charlie ..."."""
    words = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet")
    return "Residents of " + _fill(itertools.cycle(words), size - 30, " and ") + " voted."


def quote_run(size: int) -> str:
    """Thousands of short quotes in one "sentence": “Alpha ”“Bravo ”..., no sentence end."""
    words = ("Alpha", "Bravo", "Charlie", "Delta", "Echo")
    return "Officials said " + _fill((f"“{w} ”" for w in itertools.cycle(words)), size - 20, "")


def normal(size: int) -> str:
    """The development texts (``gold/dev/texts``) joined and repeated to ``size`` characters."""
    files = sorted((ROOT / "gold" / "dev" / "texts").glob("*/*.txt"))
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in files)
    return (body * (size // len(body) + 1))[:size]


CLASSES: dict[str, Callable[[int], str]] = {
    "no_sentence_end": no_sentence_end, "one_paragraph": one_paragraph, "open_quote": open_quote,
    "capitalised_run": capitalised_run, "pronoun_run": pronoun_run, "and_commas": and_commas, "verb_chain": verb_chain,
    "long_words": long_words, "punctuation_runs": punctuation_runs, "long_list": long_list, "quote_run": quote_run,
    "normal": normal,
}


def time_extract(extractor: str, path: Path, timeout: float) -> float | None:
    """Seconds of ``python -m eval extract -e EXTRACTOR PATH``, None when killed after ``timeout``, -1 when
    the command failed (a row of its own: one failure does not end the table)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "eval", "extract", "-e", extractor, str(path), "--out", os.devnull],
                              env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start if proc.returncode == 0 else -1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=float, default=300, help="size of each text in kilobytes (default 300)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a run is killed")
    parser.add_argument("-e", "--extractor", action="append", help="extractor (default: every offline one)")
    parser.add_argument("-c", "--cls", action="append", choices=list(CLASSES), help="text class (default: all)")
    parser.add_argument("--write", type=Path, help="write the texts to this folder and stop")
    args = parser.parse_args()
    size = int(args.kb * 1000)
    classes = args.cls or list(CLASSES)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.write or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name in classes:
            (folder / f"{name}.txt").write_text(CLASSES[name](size), encoding="utf-8")
        if args.write:
            return
        for name in classes:
            for extractor in args.extractor or OFFLINE:
                seconds = time_extract(extractor, folder / f"{name}.txt", args.timeout)
                shown = f"> {args.timeout:g} (killed)" if seconds is None else "failed" if seconds < 0 else f"{seconds:.1f}"
                print(f"{name:16} {extractor:9} {args.kb:g} KB  {shown} s", flush=True)


if __name__ == "__main__":
    main()

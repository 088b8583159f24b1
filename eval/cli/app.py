"""The ``newsbench`` application: options every command shares, and the one place where errors become exit codes.

Only this package turns :class:`~eval.exceptions.NewsbenchError` into messages and exit codes: one
``error: ...`` line per problem on stderr, exit status 1, no traceback.
"""
from __future__ import annotations

import contextlib
import enum
import errno
import functools
import io
import math
import os
import signal
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import typer
import typer.core
import typer.main
from rich.console import Console

from eval.exceptions import InvalidInputError, NewsbenchError
from eval.paths import GOLD_SPLITS

app = typer.Typer(
    name="newsbench",
    help="Benchmark extractors of actors, locations, quotes and events from news.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no <bool> / <list[str]> type noise
    context_settings={"help_option_names": ["-h", "--help"]},
)


# typer labels every argument with its Python type ("<list[Path]>") whatever its metavar says; the
# metavars here (FILES..., INPUTS...) already say what to give.
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


out_console = Console()


err_console = Console(stderr=True, highlight=False, soft_wrap=True)


F = TypeVar("F", bound=Callable[..., Any])


GOLD_HELP = "Gold: a folder of <doc_id>.json, a published dataset folder, or hf://OWNER/NAME. Default: the shipped gold."


def fail(messages: list[str], code: int = 1) -> None:
    for message in messages:
        err_console.print(f"error: {message}", markup=False)
    raise typer.Exit(code)


def warn(message: str) -> None:
    err_console.print(f"warning: {message}", markup=False)


def _interrupted(exc: BaseException) -> bool:
    """Whether Ctrl-C caused ``exc``: a C extension may wrap the KeyboardInterrupt raised in a Python callback
    (pydantic-core reports one from a serializer as a PydanticSerializationError naming it)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt) or (type(exc).__name__ == "PydanticSerializationError"
                                                 and "KeyboardInterrupt" in str(exc)):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


def _cwd_gone() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


class _ClosedStream(io.TextIOBase):
    """Stands for a standard stream the shell closed (``>&-``): writing to it is an error naming it, not a crash."""

    def __init__(self, name: str):
        self._name = name

    @property
    def name(self) -> str:  # type: ignore[override]
        return self._name

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed (redirect it to a file, or give --out FILE)", self._name)


def handles_errors(func: F) -> F:
    """Turn newsbench errors into one ``error:`` line per problem and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InvalidInputError as exc:
            fail([str(p) for p in exc.problems])
        except NewsbenchError as exc:
            fail(str(exc).splitlines() or [type(exc).__name__])
        except Terminated:
            fail(["terminated (SIGTERM); no output file was left half-written"], code=TERMINATED)
        except KeyboardInterrupt:
            fail(["interrupted; no output file was left half-written"], code=INTERRUPTED)
        except (typer.Exit, typer.Abort):
            raise
        except OSError as exc:  # the machine, not the input: a full disk, no permission, too many open files
            if exc.filename is None and _cwd_gone():
                fail(["the current folder no longer exists (deleted or moved away); cd to an existing folder and run again"])
            fail([f"{exc.filename}: {exc.strerror}" if exc.filename else f"{exc.strerror or exc}"])
        except Exception as exc:  # a bug, not bad input: still one line, the traceback on request
            if _interrupted(exc):
                fail(["interrupted; no output file was left half-written"], code=INTERRUPTED)
            if os.environ.get("NEWSBENCH_DEBUG"):
                raise
            fail([f"internal error: {type(exc).__name__}: {exc} (set NEWSBENCH_DEBUG=1 to see the traceback)"], code=2)

    return wrapper  # type: ignore[return-value]


# Options of the llm extractor, shared by run and extract; each also has an environment variable
# (NEWSBENCH_LLM_TIMEOUT, ...), which an option given here overrides. Other extractors ignore them.
MODEL = typer.Option(None, "--model", help="Model name for the llm extractor.")
WORKERS = typer.Option(None, "--workers", help="Worker processes (spacy, rules).")
def _finite(value: float | None) -> float | None:
    """typer's ``min``/``max`` let ``inf`` and ``nan`` through; a number option means a finite number."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value}: must be a finite number")
    return value


def _within(low: int, high: int) -> Callable[[int | None], int | None]:
    """A check of an integer option that names the value given and the range (typer's own names neither)."""

    def check(value: int | None) -> int | None:
        if value is not None and not low <= value <= high:
            raise typer.BadParameter(f"{value}: must be from {low:,} to {high:,}")
        return value

    return check


CONCURRENCY = typer.Option(None, "--concurrency", callback=_within(1, 1000), metavar="N", help="Requests in flight for the llm extractor (1 to 1000).")
TIMEOUT = typer.Option(None, "--timeout", min=0.001, callback=_finite, metavar="SECONDS", help="llm: seconds one request attempt may take in all (not per read).")


MAX_TOKENS = typer.Option(None, "--max-tokens", min=1, metavar="N", help="llm: completion token limit of each request.")


MAX_CHARS = typer.Option(None, "--max-chars", min=100, metavar="N", help="llm: characters of article per request; longer ones are split.")


MAX_RETRIES = typer.Option(None, "--max-retries", callback=_within(0, 100), metavar="N", help="llm: retries of a failed request after the first attempt (0 to 100).")


TEMPERATURE = typer.Option(None, "--temperature", min=0.0, max=2.0, metavar="T", help="llm: sampling temperature.")


Engine = enum.Enum("Engine", {"local": "local", "ray": "ray"}, type=str)


ENGINE = typer.Option("local", "--engine", help="local (this machine) or ray (Ray Data; pip install newsbench[ray]).")


Split = enum.Enum("Split", {name: name for name in GOLD_SPLITS}, type=str)


SPLIT = typer.Option(None, "--split", help="Shipped gold to use instead of --gold: test (the headline gold), or the invented "
                     "development halves dev and devtest (never in the headline scores).")


def gold_of(gold: str | None, split: Split | None) -> str | None:
    """The gold a command reads: ``--gold``, or the shipped folder of ``--split``, never both."""
    from eval.paths import split_gold_dir

    if split is None:
        return gold
    if gold is not None:
        raise NewsbenchError(f"--gold {gold} and --split {split.value}: give one of them")
    return str(split_gold_dir(split.value))


RAY_ADDRESS = typer.Option(None, "--ray-address", help="Ray cluster to join (auto, or an address); default: a local one.")


def extractor_options(**kwargs: Any) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}


def _version(value: bool) -> None:
    if value:
        from eval import __version__

        out_console.print(f"newsbench {__version__}", markup=False, highlight=False)
        raise typer.Exit()


MAX_LIMIT_MB = 1_000_000


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    max_line_mb: float = typer.Option(64, "--max-line-mb", help="Refuse JSON Lines lines longer than this (MB)."),
    max_article_mb: float = typer.Option(10, "--max-article-mb", help="Refuse articles larger than this (MB)."),
) -> None:
    """Benchmark extractors of actors, locations, quotes and events from news."""
    from eval.data import files
    from eval.data.files import LIMITS, MB

    for option, value in (("--max-line-mb", max_line_mb), ("--max-article-mb", max_article_mb)):
        if not value > 0:
            fail([f"{option} {value:g}: must be above 0"])
        if not value <= MAX_LIMIT_MB:  # inf would overflow the byte count; a read that large would never end
            fail([f"{option} {value:g}: must be at most {MAX_LIMIT_MB:,} (MB)"])
    LIMITS.max_line_bytes = int(max_line_mb * MB)
    LIMITS.max_article_bytes = int(max_article_mb * MB)
    files.ON_LOCK_WAIT = lambda folder: warn(f"{folder}: another newsbench command is writing into this folder; waiting for it to finish")


def check_workers(option: str, value: int | None) -> None:
    """Refuse a process count below 1 or above 4 times the cores: 0 is meaningless, 100000 never starts."""
    if value is None:
        return
    cores = os.cpu_count() or 1
    if not 1 <= value <= 4 * cores:
        raise NewsbenchError(f"{option} {value}: must be from 1 to {4 * cores} (4 x {cores} cores here)")


def gold_folder(gold: str | None) -> Path | None:
    """The local gold folder or file a command reads (None for hf://), so that no output lands in it."""
    from eval.paths import default_gold_dir

    if gold is None:
        return default_gold_dir()
    return None if gold.startswith("hf://") else Path(gold)


def progress_factory(console: Console):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    )

    def factory(name: str, total: int) -> Callable[[int], None]:
        task = progress.add_task(name, total=total)
        return lambda n: progress.advance(task, n)

    return progress, factory


@contextlib.contextmanager
def file_progress() -> Iterator[None]:
    """A progress bar per JSON Lines file read (by bytes), on stderr and only on a terminal."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    from eval.data import parsing

    progress = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn(),
                        console=err_console, transient=True, disable=not err_console.is_terminal)
    tasks: dict[Path, Any] = {}

    def advance(path: Path, done: int, total: int) -> None:
        if path not in tasks:
            tasks[path] = progress.add_task(f"reading {path.name}", total=total)
        progress.update(tasks[path], completed=done)

    parsing.ON_PROGRESS = advance
    try:
        with progress:
            yield
    finally:
        parsing.ON_PROGRESS = None


INTERRUPTED = 130
TERMINATED = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, a service manager stopping the job), handled as Ctrl-C is: every temporary
    file and stage removed, the workers stopped, the previous results left whole."""


def _on_sigterm(main_pid: int) -> Callable[[int, Any], None]:
    def handler(signum: int, frame: Any) -> None:
        if os.getpid() != main_pid:  # a worker forked from this process: end as SIGTERM asks; the parent cleans up
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated()

    return handler


def repeated_option(command: Any, args: list[str]) -> str | None:
    """Why ``args`` give an option of one value more than once, or None.

    Click keeps the last of a repeated option and drops the others without a word: ``extract -e a -e b``
    would run ``b`` alone. Options that take a list (``run -e``) may repeat.
    """
    subcommands = getattr(command, "commands", {})
    position = next((i for i, a in enumerate(args) if a in subcommands), None)
    if position is None:
        return None
    single = {opt: param for param in subcommands[args[position]].params
              if isinstance(param, typer.core.TyperOption) and not param.multiple and not param.count
              for opt in param.opts}
    seen: dict[str, int] = {}
    for arg in args[position + 1:]:
        if arg == "--":
            break
        param = single.get(arg.split("=", 1)[0] if arg.startswith("--") else arg)
        if param is not None:
            seen[param.name] = seen.get(param.name, 0) + 1
            if seen[param.name] == 2:
                return f"option {'/'.join(param.opts)} is given more than once, and only one can be used: give it once"
    return None


def main() -> None:
    signal.signal(signal.SIGTERM, _on_sigterm(os.getpid()))
    if sys.stdout is None:  # started with standard output closed
        sys.stdout = _ClosedStream("stdout")
    if sys.stderr is None:  # nowhere to say anything: the exit status alone tells
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (open for the life of the process)
    problem = repeated_option(typer.main.get_command(app), sys.argv[1:])
    if problem is not None:
        err_console.print(f"error: {problem}", markup=False, highlight=False)
        sys.exit(2)
    try:
        app()
    except SystemExit as exc:
        if exc.code in (INTERRUPTED, TERMINATED):
            # After Ctrl-C every file is cleaned up and the workers are stopped; skip the interpreter's
            # exit hooks, which join worker-manager threads that a stopped worker can leave blocked.
            import multiprocessing

            children = multiprocessing.active_children()  # workers of a pipeline not yet closed
            for child in children:
                child.terminate()
            for child in children:
                child.join(timeout=1)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(exc.code)
        raise


if __name__ == "__main__":
    main()

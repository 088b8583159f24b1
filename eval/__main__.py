"""``python -m eval`` is the ``newsbench`` command (the console script calls :func:`run` too)."""
from __future__ import annotations

import signal
import sys


def _interrupted_while_loading(signum: int, frame: object) -> None:
    sys.exit(130)  # nothing has started yet: nothing to clean up, and no traceback of an import


def run() -> None:
    """Load the command line with Ctrl-C ending quietly, then hand Ctrl-C back to Python and run it."""
    signal.signal(signal.SIGINT, _interrupted_while_loading)
    from eval.cli import main

    signal.signal(signal.SIGINT, signal.default_int_handler)
    main()


if __name__ == "__main__":
    run()

"""``python -m eval`` is the ``newsbench`` command."""
from eval.cli import main

main()

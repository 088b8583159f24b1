"""Built-in newsbench extractors. Each module registers its class with ``eval.registry.register``.

Extractors depend on ``eval``'s public API; ``eval`` never imports from here except through the
registry's lazy ``BUILTIN`` table.
"""

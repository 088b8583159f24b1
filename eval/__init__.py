"""newsbench: a benchmark and gold dataset for structured extraction from news."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsbench")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"

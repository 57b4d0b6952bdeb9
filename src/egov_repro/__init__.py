"""egov-repro: rebuild the figures of Fahlevy, Saleh & Nurmiyati (2023) from UN data.

The public names are imported on first use, so that light tools (the CLI's argument
parsing, the book builder, the Sphinx extension) start without loading pandas.
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("egov-repro")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
_PUBLIC = {
    "load_egdi": "egov_repro.data.datasets",
    "load_pegi_2016": "egov_repro.data.datasets",
    "data_version": "egov_repro.data.datasets",
    "region_members": "egov_repro.analysis.regions",
    "region_names": "egov_repro.analysis.regions",
    "DataError": "egov_repro.errors",
}
__all__ = list(_PUBLIC)


def __getattr__(name):
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'egov_repro' has no attribute {name!r}")

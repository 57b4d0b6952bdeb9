"""egov-repro: rebuild the figures of Fahlevy, Saleh & Nurmiyati (2023) from UN E-Government Survey data.

The public names are imported on first use, so that light tools (the CLI's argument
parsing, the book builder, the Sphinx extension) start without loading pandas.
"""

from importlib import import_module

__version__ = "0.1.0"
_PUBLIC = {
    "load_egdi": "egov_repro.datasets",
    "load_pegi_2016": "egov_repro.datasets",
    "data_version": "egov_repro.datasets",
    "region_members": "egov_repro.regions",
    "region_names": "egov_repro.regions",
    "DataError": "egov_repro.errors",
}
__all__ = list(_PUBLIC)


def __getattr__(name):
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'egov_repro' has no attribute {name!r}")

"""egov-repro: rebuild the figures of Fahlevy, Saleh & Nurmiyati (2023) from UN E-Government Survey data."""

from egov_repro.datasets import load_egdi, load_pegi_2016, data_version
from egov_repro.errors import DataError
from egov_repro.regions import region_members, region_names

__all__ = ["load_egdi", "load_pegi_2016", "data_version", "region_members",
           "region_names", "DataError"]
__version__ = "0.1.0"

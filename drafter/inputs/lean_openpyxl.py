"""openpyxl without numpy.

openpyxl imports numpy when it is installed, only to accept numpy's number types as cell
values; drafter never hands it one. numpy's import is 0.2 s of one core (40 extension modules),
paid at the end of every batch (``summary.xlsx``) and before a workbook's first row is read.
"""

from __future__ import annotations

import sys


def lean_openpyxl() -> None:
    """Import openpyxl, keeping numpy out of it unless something has imported numpy already.

    Call before any ``from openpyxl ... import``: whichever comes first imports the package.
    A later ``import numpy`` (matplotlib for a chart) works as usual.
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # an ImportError for openpyxl.compat.numbers, which it expects
    try:
        import openpyxl  # noqa: F401
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]

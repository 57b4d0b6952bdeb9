"""Helpers for the chapters: put computed values into the prose with MyST-NB's glue."""

from __future__ import annotations

import numbers


def glue_values(**values) -> None:
    """Glue each value without displaying it: numbers as plain Python numbers (for
    ``{glue:text}`key:.4f```), text as Markdown (for ``{glue:md}`key```)."""
    from IPython.display import Markdown
    from myst_nb import glue

    for key, value in values.items():
        if isinstance(value, bool):
            value = Markdown("yes" if value else "no")
        elif isinstance(value, numbers.Integral):
            value = int(value)
        elif isinstance(value, numbers.Real):
            value = float(value)
        else:
            value = Markdown(str(value))
        glue(key, value, display=False)


def show(figure) -> None:
    """Save a figure (PNG, SVG, CSV) and close it; the page shows the saved PNG."""
    import matplotlib.pyplot as plt

    figure.save()
    plt.close(figure.fig)

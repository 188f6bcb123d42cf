"""Charts of a catalog and of progress, drawn with matplotlib to a file.

Needs matplotlib (Debian: ``apt-get install python3-matplotlib``); importing this module
without it raises an ImportError that says so. Drawing uses the non-interactive Agg
backend, so no display is needed.
"""

from __future__ import annotations

import os

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError as error:  # pragma: no cover - exercised by a test that hides matplotlib
    raise ImportError(
        "electsec.plots needs matplotlib; install it (Debian: apt-get install python3-matplotlib, "
        "elsewhere: pip install matplotlib)"
    ) from error

from ._core import Catalog, default_catalog

__all__ = ["completion_by_practice", "coverage_heatmap"]


def completion_by_practice(result, path: str | os.PathLike, catalog: Catalog | None = None,
                           title: str | None = None) -> str | os.PathLike:
    """A horizontal bar per practice of a Scorecard or Rollup, saved to `path` (PNG, SVG or
    PDF by its extension). Returns `path`."""
    cat = default_catalog() if catalog is None else catalog
    rows = [p for p in result.practices if p.actions_applicable > 0]
    names = [cat.practice(p.practice).title for p in rows][::-1]
    values = [100 * p.completion for p in rows][::-1]
    fig, ax = plt.subplots(figsize=(9, 0.3 * len(rows) + 1.5))
    ax.barh(names, values, color=["#2e7d4f" if v >= 100 else "#2f6fb2" for v in values])
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of applicable actions done")
    ax.set_title(title or "Completion by practice")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def coverage_heatmap(path: str | os.PathLike, catalog: Catalog | None = None, ig: int | None = None) -> str | os.PathLike:
    """Practices × CIS Safeguards: a cell is filled where the guide maps a practice to a
    Safeguard, shaded by the level the mapping applies from (untagged darkest). Only the
    Safeguards some practice maps to, of Implementation Group `ig` when given."""
    cat = default_catalog() if catalog is None else catalog
    practices = cat.practices()
    safeguards = [s for s in cat.safeguards() if (ig is None or s.in_group(ig)) and cat.practices_of_safeguard(s.id)]
    column = {s.id: i for i, s in enumerate(safeguards)}
    grid = [[0.0] * len(safeguards) for _ in practices]
    for row, p in enumerate(practices):
        for m in p.safeguards:
            if m.safeguard in column:
                grid[row][column[m.safeguard]] = {None: 1.0, 1: 0.85, 2: 0.6, 3: 0.35}[m.maturity]
    fig, ax = plt.subplots(figsize=(max(6, 0.16 * len(safeguards) + 3), 0.28 * len(practices) + 2))
    ax.imshow(grid, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_yticks(range(len(practices)), [p.title for p in practices], fontsize=7)
    ax.set_xticks(range(len(safeguards)), [s.id for s in safeguards], fontsize=6, rotation=90)
    ax.set_title("Practice × CIS Safeguard mappings" + (f" (IG{ig})" if ig else ""))
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path

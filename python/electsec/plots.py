"""Charts of a catalog and of progress, drawn with matplotlib to a file.

Needs matplotlib (Debian: ``apt-get install python3-matplotlib``); importing this module
without it raises an ImportError that says so. Drawing uses the non-interactive Agg
backend, so no display is needed.
"""

from __future__ import annotations

import datetime
import os

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # SVG keeps its text as text, so that it can be searched, copied and read aloud.
    matplotlib.rcParams["svg.fonttype"] = "none"
except ImportError as error:  # pragma: no cover - exercised by a test that hides matplotlib
    raise ImportError(
        "electsec.plots needs matplotlib; install it (Debian: apt-get install python3-matplotlib, "
        "elsewhere: pip install matplotlib)"
    ) from error

from ._core import Catalog, Error, NotFound, default_catalog

__all__ = ["completion_by_practice", "coverage_heatmap", "trend"]


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


def trend(store, office: str | None = None, path: str | os.PathLike | None = None, period: str = "month",
          from_: str | None = None, to: str | None = None, peer_group: str = "state", ax=None):
    """Completion over time from a history store. With `office`: that office's line against
    the band its peers span (the middle half, quartile to quartile, and their median) —
    its peers are the other offices of its state (peer_group "state"), of its level
    ("level") or all ("all"). Without: every office's band, median and overall completion. Draws on `ax`
    when given, else on a new figure; saves to `path` when given (PNG, SVG, PDF). Returns
    the Axes."""
    if office is None:
        points = store.trend(period, from_=from_, to=to)
        band = points
        title = "Progress of every office"
    else:
        mine = store.assessment(office, to)

        def is_peer(other):
            if other == office:
                return False
            try:
                them = store.assessment(other, to)
            except NotFound:
                raise
            except Error:  # no record by then
                return False
            return {"state": them.jurisdiction.state.lower() == mine.jurisdiction.state.lower(),
                    "level": them.maturity == mine.maturity, "all": True}[peer_group]

        group = [other for other in store.offices() if is_peer(other)]
        band = store.trend(period, from_=from_, to=to, offices=group) if group else []
        band = [p for p in band if p.office_completion.count]  # periods before any peer had a record
        own = store.trend(period, from_=from_, to=to, offices=[office])
        title = f"{mine.jurisdiction.name} against its peers ({len(group)} other offices)"
    dates = [datetime.date.fromisoformat(p.as_of) for p in band]
    if office is not None and not band:  # no peers: the office's own dates
        dates = [datetime.date.fromisoformat(p.as_of) for p in own]
    fig = None
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, 4.5))
    if band:
        ax.fill_between(dates, [100 * p.office_completion.q1 for p in band], [100 * p.office_completion.q3 for p in band],
                        color="#9ec5e8", alpha=0.6, label="middle half of offices")
        ax.plot(dates, [100 * p.office_completion.median for p in band], color="#2f6fb2", linestyle="--",
                label="median office")
    if office is None:
        ax.plot(dates, [100 * p.completion for p in band], color="#1b3a5c", label="all offices together")
    else:
        ax.plot([datetime.date.fromisoformat(p.as_of) for p in own if p.offices], [100 * p.completion for p in own if p.offices],
                color="#c0392b", linewidth=2.5, marker="o", label=f"{mine.jurisdiction.name} ({office})")
    ax.set_ylim(0, 100)
    ax.set_ylabel("% of applicable actions done")
    ax.set_title(title)
    ax.legend(loc="upper left")
    # One tick per period, named as the trend names it, at the period's last day.
    labelled = band or own
    step = max(1, len(labelled) // 12)
    ax.set_xticks([datetime.date.fromisoformat(p.as_of) for p in labelled][::step])
    ax.set_xticklabels([p.period for p in labelled][::step], rotation=45, ha="right")
    if fig is not None:
        fig.tight_layout()
    if path is not None:
        (fig or ax.figure).savefig(path)
        if fig is not None:
            plt.close(fig)
    return ax

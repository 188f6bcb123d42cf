"""Charts of a catalog and of progress, drawn with matplotlib.

Needs matplotlib (Debian: ``apt-get install python3-matplotlib``); importing this module
without it raises an ImportError that says so.

Every chart draws on the matplotlib ``Axes`` given as ``ax`` (so it can sit in a figure of
your own), or on a new figure sized for it, and returns the Axes (its figure is
``ax.figure``). With ``path`` it is also saved there, as PNG, SVG or PDF by the name's
extension; SVG keeps its text as text. A new figure that was saved is closed again unless
matplotlib shows figures itself (a notebook's inline backend, interactive mode), so scripts
that draw many charts do not pile figures up. Without a display, matplotlib draws with its
Agg backend; nothing here needs one.
"""

from __future__ import annotations

import datetime
import functools
import os
import textwrap

try:
    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator
    from matplotlib.transforms import offset_copy
except ImportError as error:  # pragma: no cover - exercised by a test that hides matplotlib
    raise ImportError(
        "electsec.plots needs matplotlib; install it (Debian: apt-get install python3-matplotlib, "
        "elsewhere: pip install matplotlib)"
    ) from error

from ._core import Catalog, Error, NotFound, default_catalog

__all__ = ["completion_by_practice", "coverage_heatmap", "maturity_distribution", "trend"]

DONE = "#2e7d4f"      # complete
OPEN = "#2f6fb2"      # not yet complete
PRIORITY = "#b35c00"  # the mark of a priority practice
LEVELS = ("#9ec5e8", "#4f8fcf", "#1b4f8a")  # Level 1, 2, 3
EVERY_LEVEL = "#5b2a86"  # a mapping the guide tags with no level: another hue, not a darker blue


def _wrap(text: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _axes(ax, size):
    """The Axes to draw on and whether this call made its figure."""
    if ax is not None:
        return ax, False
    _, made = plt.subplots(figsize=size)
    return made, True


def _drawing(draw):
    """Runs a chart function; a figure it made is closed again when drawing or saving fails,
    so that failures do not leave figures behind."""
    @functools.wraps(draw)
    def run(*args, **kwargs):
        before = set(plt.get_fignums())
        try:
            return draw(*args, **kwargs)
        except BaseException:
            for number in set(plt.get_fignums()) - before:
                plt.close(number)
            raise
    return run


def _nothing_to_show(ax, what: str) -> None:
    ax.text(0.5, 0.5, what, ha="center", va="center", transform=ax.transAxes, fontsize=11, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def _shows_itself() -> bool:
    return matplotlib.is_interactive() or "inline" in matplotlib.get_backend()


def _finish(ax, made: bool, path):
    """Lays out a figure this call made, saves to `path` when given (text kept as text in
    SVG), and closes a saved figure nobody will see."""
    fig = ax.figure
    if made:
        fig.tight_layout()
    if path is not None:
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            fig.savefig(path)
        if made and not _shows_itself():
            plt.close(fig)
    return ax


def _priority(result, catalog: Catalog) -> tuple[set[str], str]:
    """The practices to mark as priority and what the mark means: for a Scorecard, those
    of priority scope at the office's level; for a Rollup, those of priority scope at
    every level its offices are at."""
    if hasattr(result, "jurisdiction"):  # a Scorecard
        return {p.practice for p in result.practices if p.scope == "priority"}, f"priority at Level {result.maturity}"
    levels = [n + 1 for n, count in enumerate(result.maturity_distribution) if count]
    marked = {p.id for p in catalog.practices() if levels and all(p.scope_at(m) == "priority" for m in levels)}
    return marked, "priority for every office counted"


@_drawing
def completion_by_practice(result, path: str | os.PathLike | None = None, catalog: Catalog | None = None,
                           title: str | None = None, ax=None):
    """A horizontal bar per practice of a Scorecard or Rollup, in the guide's order: its
    share of applicable actions done, labelled with the counts ("3 of 6"), green when
    complete, priority practices marked with "★" and an orange edge. Practices with no
    applicable action are left out. Returns the Axes."""
    cat = default_catalog() if catalog is None else catalog
    rows = [p for p in result.practices if p.actions_applicable > 0]
    marked, meaning = _priority(result, cat)
    ax, made = _axes(ax, (10, 0.42 * len(rows) + 1.8))
    if not rows:
        _nothing_to_show(ax, "no applicable actions to show")
        ax.set_title(title or "Completion by practice")
        return _finish(ax, made, path)
    names = [("★ " if p.practice in marked else "") + _wrap(cat.practice(p.practice).title) for p in rows]
    values = [100 * p.completion for p in rows]
    positions = range(len(rows))
    bars = ax.barh(positions, values, color=[DONE if v >= 100 else OPEN for v in values],
                   edgecolor=[PRIORITY if p.practice in marked else "none" for p in rows], linewidth=1.5)
    for bar, p, v in zip(bars, rows, values):
        inside = v > 80
        ax.text(v - 1 if inside else v + 1, bar.get_y() + bar.get_height() / 2,
                f"{p.actions_done} of {p.actions_applicable} ({v:.0f}%)", va="center",
                ha="right" if inside else "left", fontsize=8, color="white" if inside else "#222222")
    ax.set_yticks(list(positions), names, fontsize=8)
    ax.invert_yaxis()  # the guide's order, top down
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of applicable actions done")
    ax.set_title(title or "Completion by practice")
    ax.legend(handles=[Patch(color=DONE, label="complete"), Patch(color=OPEN, label="not yet complete"),
                       Patch(facecolor="white", edgecolor=PRIORITY, linewidth=1.5, label=f"★ {meaning}")],
              loc="lower right", fontsize=8)
    return _finish(ax, made, path)


@_drawing
def coverage_heatmap(path: str | os.PathLike | None = None, catalog: Catalog | None = None, ig: int | None = None,
                     ax=None):
    """Practices × CIS Safeguards: a cell is filled where the guide maps a practice to a
    Safeguard, coloured by the level the mapping counts from (an untagged mapping counts at
    every level), with a legend. Only the Safeguards some practice maps to (of
    Implementation Group `ig` when given) and the practices that map to one of them;
    Safeguards grouped by CIS Control. Returns the Axes."""
    cat = default_catalog() if catalog is None else catalog
    safeguards = [s for s in cat.safeguards() if (ig is None or s.in_group(ig)) and cat.practices_of_safeguard(s.id)]
    column = {s.id: i for i, s in enumerate(safeguards)}
    practices = [p for p in cat.practices() if any(m.safeguard in column for m in p.safeguards)]
    shade = {1: 1, 2: 2, 3: 3, None: 4}
    grid = [[0] * len(safeguards) for _ in practices]
    for row, p in enumerate(practices):
        for m in p.safeguards:
            if m.safeguard in column:
                grid[row][column[m.safeguard]] = shade[m.maturity]
    colours = ["#ffffff", *LEVELS, EVERY_LEVEL]
    ax, made = _axes(ax, (max(8.0, 0.2 * len(safeguards) + 4.5), 0.38 * len(practices) + 2.6))
    heading = "Practice × CIS Safeguard mappings" + (f" (IG{ig})" if ig else "")
    if not practices:
        _nothing_to_show(ax, "no practice maps to a CIS Safeguard" + (f" of IG{ig}" if ig else ""))
        ax.set_title(heading)
        return _finish(ax, made, path)
    ax.imshow(grid, cmap=ListedColormap(colours), vmin=-0.5, vmax=4.5, aspect="auto", interpolation="nearest")
    for row in range(1, len(practices)):  # a faint line between practices, to follow a row across
        ax.axhline(row - 0.5, color="#eeeeee", linewidth=0.5)
    ax.set_yticks(range(len(practices)), [_wrap(p.title, 40) for p in practices], fontsize=8)
    ax.set_xticks(range(len(safeguards)), [s.id for s in safeguards], fontsize=7, rotation=90)
    # Thin lines between CIS Controls, and each Control's number above its columns.
    top = ax.secondary_xaxis("top")
    centres, numbers = [], []
    start = 0
    for i in range(1, len(safeguards) + 1):
        if i == len(safeguards) or safeguards[i].control != safeguards[start].control:
            centres.append((start + i - 1) / 2)
            numbers.append(str(safeguards[start].control))
            if i < len(safeguards):
                ax.axvline(i - 0.5, color="#cccccc", linewidth=0.6)
            start = i
    top.set_xticks(centres, numbers, fontsize=7)
    top.set_xlabel("CIS Control", fontsize=8)
    ax.set_xlabel("CIS Safeguard")
    ax.set_title(heading)
    ax.legend(handles=[Patch(color=LEVELS[0], label="counts from Level 1"),
                       Patch(color=LEVELS[1], label="counts from Level 2"),
                       Patch(color=LEVELS[2], label="counts from Level 3"),
                       Patch(color=colours[4], label="counts at every level (no level given)")],
              loc="upper center", bbox_to_anchor=(0.5, 0), ncol=4, fontsize=8, frameon=False,
              bbox_transform=offset_copy(ax.transAxes, ax.figure, y=-58, units="points"))
    return _finish(ax, made, path)


@_drawing
def maturity_distribution(result, path: str | os.PathLike | None = None, title: str | None = None, ax=None):
    """How many offices sit at each maturity level, from a Rollup (or anything with a
    ``maturity_distribution``, such as a trend point): a bar per level labelled with the
    count and its share. Returns the Axes."""
    counts = list(result.maturity_distribution)
    total = sum(counts)
    ax, made = _axes(ax, (6, 3.8))
    if total == 0:
        _nothing_to_show(ax, "no offices")
        ax.set_title(title or "Offices by maturity level")
        return _finish(ax, made, path)
    bars = ax.bar(["Level 1", "Level 2", "Level 3"], counts, color=list(LEVELS))
    for bar, n in zip(bars, counts):
        share = f" ({100 * n / total:.0f}%)" if total else ""
        ax.annotate(f"{n}{share}", (bar.get_x() + bar.get_width() / 2, bar.get_height()), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9)
    ax.set_ylim(0, max(counts + [1]) * 1.18)
    ax.set_ylabel("offices")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title or f"Offices by maturity level ({total} offices)")
    ax.spines[["top", "right"]].set_visible(False)
    return _finish(ax, made, path)


@_drawing
def trend(store, office: str | None = None, path: str | os.PathLike | None = None, period: str = "month",
          from_: str | None = None, to: str | None = None, peer_group: str = "state", ax=None):
    """Completion over time from a history store. With `office`: that office's line against
    the band its peers span (the middle half, quartile to quartile, and their median) —
    its peers are the other offices of its state (peer_group "state"), of its level
    ("level") or all ("all"). Without: every office's band, median and overall completion.
    Returns the Axes."""
    if peer_group not in ("state", "level", "all"):
        raise Error(f"peer_group '{peer_group}' is not one of state, level, all")
    if office is None:
        points = store.trend(period, from_=from_, to=to)
        band = points
        own = []
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
    ax, made = _axes(ax, (9, 4.5))
    if band:
        ax.fill_between(dates, [100 * p.office_completion.q1 for p in band], [100 * p.office_completion.q3 for p in band],
                        color="#9ec5e8", alpha=0.6, label="middle half of " + ("offices" if office is None else "peers"))
        ax.plot(dates, [100 * p.office_completion.median for p in band], color=OPEN, linestyle="--",
                label="median " + ("office" if office is None else "peer"))
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
    return _finish(ax, made, path)

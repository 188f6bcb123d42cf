"""pandas DataFrames of a catalog, for analysts.

Needs pandas (Debian: ``apt-get install python3-pandas``); importing this module without
it raises an ImportError that says so. Every frame takes an optional catalog and defaults
to the embedded one.
"""

from __future__ import annotations

try:
    import pandas as pd
except ImportError as error:  # pragma: no cover - exercised by a test that hides pandas
    raise ImportError(
        "electsec.frames needs pandas; install it (Debian: apt-get install python3-pandas, "
        "elsewhere: pip install pandas)"
    ) from error

from ._core import Catalog, default_catalog

__all__ = ["practices", "actions", "safeguards", "mappings", "scorecard", "plan", "rollup",
           "history", "trend", "trend_by_practice", "progress"]


def _catalog(catalog: Catalog | None) -> Catalog:
    return default_catalog() if catalog is None else catalog


def practices(catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per best practice: id, order, title, scope at each level, counts."""
    rows = [
        {
            "id": p.id,
            "order": p.order,
            "title": p.title,
            "scope_level1": p.scopes[0],
            "scope_level2": p.scopes[1],
            "scope_level3": p.scopes[2],
            "goals": len(p.goals),
            "actions": len(p.actions),
            "tools": len(p.tools),
            "safeguards": len(p.safeguards),
        }
        for p in _catalog(catalog).practices()
    ]
    return pd.DataFrame(rows).set_index("id")


def actions(catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per action: id, practice, first level, levels, group, text."""
    rows = [
        {
            "id": a.id,
            "practice": p.id,
            "first_level": a.first_level,
            "levels": " ".join(str(x) for x in a.levels),
            "group": a.group,
            "text": a.text,
        }
        for p in _catalog(catalog).practices()
        for a in p.actions
    ]
    return pd.DataFrame(rows).set_index("id")


def safeguards(catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per CIS Safeguard, with a column per Implementation Group."""
    rows = [
        {
            "id": s.id,
            "control": s.control,
            "title": s.title,
            "asset_type": s.asset_type,
            "security_function": s.security_function,
            "ig1": s.in_group(1),
            "ig2": s.in_group(2),
            "ig3": s.in_group(3),
            "depends_on": " ".join(s.depends_on),
        }
        for s in _catalog(catalog).safeguards()
    ]
    return pd.DataFrame(rows).set_index("id")


def mappings(catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per practice-to-Safeguard mapping, with its maturity (None when untagged)."""
    cat = _catalog(catalog)
    rows = [
        {"practice": p.id, "safeguard": m.safeguard, "maturity": m.maturity}
        for p in cat.practices()
        for m in p.safeguards
    ]
    return pd.DataFrame(rows, columns=["practice", "safeguard", "maturity"])


def _by_practice(items, columns) -> "pd.DataFrame":
    """A frame indexed by practice whose columns are the items' attributes of the same names."""
    rows = [[getattr(item, c) for c in columns] for item in items]
    return pd.DataFrame(rows, columns=columns).set_index("practice")


def scorecard(card) -> "pd.DataFrame":
    """One row per practice of a Scorecard (from Assessment.score() or electsec.scorecard)."""
    return _by_practice(card.practices, ["practice", "scope", "actions_applicable", "actions_done",
                                         "actions_in_progress", "completion"])


def plan(the_plan) -> "pd.DataFrame":
    """One row per action still to do in a Plan (from electsec.build_plan), in plan order."""
    rows = [
        {"rank": s.rank, "kind": s.kind, "step": s.id, "practice": s.practice, "action": a, "reason": s.reason}
        for s in the_plan.steps
        for a in s.actions
    ]
    return pd.DataFrame(rows, columns=["rank", "kind", "step", "practice", "action", "reason"])


def rollup(the_rollup) -> "pd.DataFrame":
    """One row per practice of a Rollup (from electsec.rollup or electsec.rollup_files)."""
    return _by_practice(the_rollup.practices, ["practice", "actions_applicable", "actions_done",
                                               "completion", "offices_complete"])


# ---- the history store ----

_EVENT_COLUMNS = ["sequence", "office", "at", "subject", "kind", "item", "value", "note", "author", "source"]


def history(events) -> "pd.DataFrame":
    """One row per event (from Store.history or Store.changes): its sequence, office, date
    (``at``, a pandas Timestamp), subject split into ``kind`` ("status", "answer",
    "maturity", "jurisdiction", "catalog_version") and ``item`` (the action or statement id,
    or None), value, note, author and source."""
    rows = []
    for e in events:
        kind, _, item = e.subject.partition(":")
        rows.append([e.sequence, e.office, e.at, e.subject, kind, item or None, e.value, e.note, e.author, e.source])
    frame = pd.DataFrame(rows, columns=_EVENT_COLUMNS)
    frame["at"] = pd.to_datetime(frame["at"], utc=True)
    return frame


_TREND_COLUMNS = ["period", "as_of", "offices", "level1", "level2", "level3", "actions_applicable", "actions_done",
                  "completion", "office_min", "office_q1", "office_median", "office_q3", "office_max"]


def trend(points) -> "pd.DataFrame":
    """One row per period of a trend (from Store.trend): the offices counted, how many were
    at each level, the actions summed over them, and how the offices' own completions spread
    (min, quartiles, median, max). ``as_of`` is a pandas Timestamp."""
    rows = []
    for p in points:
        d = p.office_completion
        rows.append([p.period, p.as_of, p.offices, *p.maturity_distribution, p.actions_applicable,
                     p.actions_done, p.completion, d.min, d.q1, d.median, d.q3, d.max])
    frame = pd.DataFrame(rows, columns=_TREND_COLUMNS)
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return frame


_PRACTICE_TREND_COLUMNS = ["period", "as_of", "practice", "actions_applicable", "actions_done", "completion",
                           "offices_complete"]


def trend_by_practice(points) -> "pd.DataFrame":
    """The long ("tidy") form of a trend: one row per period and practice, ready to pivot
    (``frame.pivot(index="as_of", columns="practice", values="completion")``)."""
    rows = [[p.period, p.as_of, r.practice, r.actions_applicable, r.actions_done, r.completion, r.offices_complete]
            for p in points for r in p.practices]
    frame = pd.DataFrame(rows, columns=_PRACTICE_TREND_COLUMNS)
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return frame


_PROGRESS_COLUMNS = ["office", "period", "as_of", "practice", "actions_applicable", "actions_done", "completion"]


def progress(store, period: str = "month", from_: str | None = None, to: str | None = None,
             offices: list[str] | None = None, state: str | None = None) -> "pd.DataFrame":
    """One row per office, period and practice: each office's own trend, in long form (the
    whole office's row has practice None). Offices are those named, or those of `state`, or
    all; each is read on its own, so this suits a state's offices more than a nation's."""
    chosen = offices if offices is not None else store.offices()
    rows = []
    for office in chosen:
        points = store.trend(period, from_=from_, to=to, offices=[office])
        for p in points:
            if p.offices == 0:
                continue
            if state is not None and store.assessment(office, p.as_of).jurisdiction.state.lower() != state.lower():
                continue
            rows.append([office, p.period, p.as_of, None, p.actions_applicable, p.actions_done, p.completion])
            rows.extend([office, p.period, p.as_of, r.practice, r.actions_applicable, r.actions_done, r.completion]
                        for r in p.practices)
    frame = pd.DataFrame(rows, columns=_PROGRESS_COLUMNS)
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return frame

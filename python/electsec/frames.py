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

import os

from ._core import (ASSET_TYPES, IMPLEMENTATION_GROUPS, JURISDICTION_KINDS, SCOPES, SECURITY_FUNCTIONS, STATUSES,
                    Assessment, Catalog, Error, Store, default_catalog, load_assessment, score)

__all__ = ["practices", "actions", "safeguards", "mappings", "scorecard", "plan", "rollup", "statuses",
           "offices", "history", "trend", "trend_by_practice", "progress"]


def _catalog(catalog: Catalog | None) -> Catalog:
    return default_catalog() if catalog is None else catalog


def _categorical(values, categories) -> "pd.Categorical":
    return pd.Categorical(values, categories=list(categories))


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
    frame = pd.DataFrame(rows).set_index("id")
    for level in (1, 2, 3):
        frame[f"scope_level{level}"] = _categorical(frame[f"scope_level{level}"], SCOPES)
    return frame


def actions(catalog: Catalog | None = None, *, practice: str | None = None,
            maturity: int | None = None) -> "pd.DataFrame":
    """One row per action (of one practice, or those that apply at a level, as
    ``Catalog.actions`` selects): its practice and the practice's title, the levels it
    names (a list of ints) and the first of them, its group (None outside one) and text."""
    cat = _catalog(catalog)
    titles = {p.id: p.title for p in cat.practices()}
    rows = []
    for a in cat.actions(practice=practice, maturity=maturity):
        owner = a.id.split(".", 1)[0]
        rows.append({"id": a.id, "practice": owner, "title": titles[owner], "levels": list(a.levels),
                     "first_level": a.first_level, "group": a.group, "text": a.text})
    columns = ["id", "practice", "title", "levels", "first_level", "group", "text"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def safeguards(catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per CIS Safeguard: its Implementation Groups as a list and as a boolean
    column per group, and the Safeguards it depends on as a list."""
    rows = [
        {
            "id": s.id,
            "control": s.control,
            "title": s.title,
            "asset_type": s.asset_type,
            "security_function": s.security_function,
            "implementation_groups": [ig for ig in IMPLEMENTATION_GROUPS if s.in_group(ig)],
            "ig1": s.in_group(1),
            "ig2": s.in_group(2),
            "ig3": s.in_group(3),
            "depends_on": list(s.depends_on),
        }
        for s in _catalog(catalog).safeguards()
    ]
    frame = pd.DataFrame(rows).set_index("id")
    frame["asset_type"] = _categorical(frame["asset_type"], ASSET_TYPES)
    frame["security_function"] = _categorical(frame["security_function"], SECURITY_FUNCTIONS)
    return frame


def mappings(catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per practice-to-Safeguard mapping, with its maturity (a nullable integer:
    missing when the guide does not tag the mapping with a level)."""
    cat = _catalog(catalog)
    rows = [
        {"practice": p.id, "safeguard": m.safeguard, "maturity": m.maturity}
        for p in cat.practices()
        for m in p.safeguards
    ]
    frame = pd.DataFrame(rows, columns=["practice", "safeguard", "maturity"])
    frame["maturity"] = frame["maturity"].astype("Int64")
    return frame


def _by_practice(items, columns, catalog: Catalog | None) -> "pd.DataFrame":
    """A frame indexed by practice whose columns are the items' attributes of the same
    names, with the practice's title after the index."""
    cat = _catalog(catalog)
    rows = [[getattr(item, c) for c in columns] for item in items]
    frame = pd.DataFrame(rows, columns=columns).set_index("practice")
    frame.insert(0, "title", [cat.practice(p).title for p in frame.index])
    return frame


def scorecard(card, catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per practice of a Scorecard (from Assessment.score() or electsec.score), with
    the practice's title; ``scope`` is categorical."""
    frame = _by_practice(card.practices, ["practice", "scope", "actions_applicable", "actions_done",
                                          "actions_in_progress", "completion"], catalog)
    frame["scope"] = _categorical(frame["scope"], SCOPES)
    return frame


_PLAN_COLUMNS = ["rank", "kind", "id", "practice", "action", "text", "status", "note", "reason"]


def plan(the_plan, assessment: Assessment | None = None, catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per action still to do in a Plan (from electsec.build_plan), in plan order,
    with the columns of ``electsec plan --format csv``: the step's rank, kind and id, the
    practice (None for a worksheet step), the action and its text, and its status and note
    in `assessment` (not_started and empty without one)."""
    cat = _catalog(catalog)
    rows = []
    for s in the_plan.steps:
        for a in s.actions:
            recorded = assessment.statuses.get(a) if assessment is not None else None
            rows.append([s.rank, s.kind, s.id, s.practice, a, cat.action(a).text,
                         recorded.status if recorded else "not_started", recorded.note if recorded else "",
                         s.reason])
    frame = pd.DataFrame(rows, columns=_PLAN_COLUMNS)
    frame["status"] = _categorical(frame["status"], STATUSES)
    return frame


def rollup(the_rollup, catalog: Catalog | None = None) -> "pd.DataFrame":
    """One row per practice of a Rollup (from electsec.rollup or electsec.rollup_files),
    with the practice's title."""
    return _by_practice(the_rollup.practices, ["practice", "actions_applicable", "actions_done",
                                               "completion", "offices_complete"], catalog)


# ---- many offices ----

def _records(source, as_of: str | None, catalog: Catalog) -> list[Assessment]:
    """Assessments from a Store (each office with a record by the end of `as_of`, as it
    stood then), from paths (files, or folders of *.json files, loaded and checked), or as
    given. Two records of one office are refused, as a rollup refuses them."""
    if isinstance(source, Store):
        # The rollup checks the date and says which offices had a record by then.
        present = [o.jurisdiction.id for o in source.rollup(as_of).offices]
        return [source.assessment(office, as_of) for office in sorted(present)]
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    records, origin = [], []
    for item in source:
        if isinstance(item, (str, os.PathLike)):
            if os.path.isdir(item):
                names = sorted(n for n in os.listdir(item) if n.endswith(".json"))
                paths = [os.path.join(item, n) for n in names]
            else:
                paths = [item]
            for path in paths:
                records.append(load_assessment(path, catalog))
                origin.append(os.fspath(path))
        elif isinstance(item, Assessment):
            records.append(item)
            origin.append(f"assessment {len(records)}")
        else:
            raise Error(f"expected Assessments, paths of assessment files or a Store, found {type(item).__name__}")
    seen = {}
    for record, where in zip(records, origin):
        office = record.jurisdiction.id
        if office in seen:
            raise Error(f"{where}: office '{office}' is already held by {seen[office]}; each office may appear once")
        seen[office] = where
    return records


_STATUS_COLUMNS = ["office", "name", "state", "kind", "maturity", "practice", "title", "scope", "action",
                   "first_level", "status", "note", "updated"]


def statuses(source, catalog: Catalog | None = None, *, as_of: str | None = None) -> "pd.DataFrame":
    """The long ("tidy") frame of many offices: one row per office and action that applies
    at the office's level, with the office (id, name, state, kind, maturity), the practice
    (id, title, its scope at that level), the action and the first level it names, and its
    status (categorical; not_started where nothing is recorded), note and ``updated`` date
    (datetime64 in UTC, NaT where nothing is recorded).

    `source` is a list of Assessments, paths of assessment files or folders of them, or a
    Store (each office as it stood at the end of `as_of`, default today)."""
    cat = _catalog(catalog)
    rows = []
    for a in _records(source, as_of, cat):
        j = a.jurisdiction
        recorded = a.statuses
        for p in cat.practices(maturity=a.maturity):
            scope = p.scope_at(a.maturity)
            for action in cat.applicable_actions(p.id, a.maturity):
                s = recorded.get(action.id)
                rows.append([j.id, j.name, j.state, j.kind, a.maturity, p.id, p.title, scope, action.id,
                             action.first_level, s.status if s else "not_started", s.note if s else "",
                             s.updated if s else None])
    frame = pd.DataFrame(rows, columns=_STATUS_COLUMNS)
    frame["kind"] = _categorical(frame["kind"], JURISDICTION_KINDS)
    frame["scope"] = _categorical(frame["scope"], SCOPES)
    frame["status"] = _categorical(frame["status"], STATUSES)
    frame["updated"] = pd.to_datetime(frame["updated"], utc=True)
    for column in ("maturity", "first_level"):
        frame[column] = frame[column].astype("int64")
    return frame


_OFFICE_COLUMNS = ["id", "name", "state", "kind", "maturity", "actions_applicable", "actions_done",
                   "actions_in_progress", "completion", "priority_actions_applicable", "priority_actions_done",
                   "priority_completion", "priorities_complete"]


def offices(source, catalog: Catalog | None = None, *, as_of: str | None = None) -> "pd.DataFrame":
    """One row per office, indexed by its id (``id``, as in ``electsec store show --format
    csv``): name, state, kind, maturity, its actions
    applicable, done and in progress and its completion, the same over the practices that
    are a priority at its level (``priority_completion``; NaN where none applies), and
    whether every priority practice is complete. `source` as for :func:`statuses`."""
    cat = _catalog(catalog)
    rows = []
    for a in _records(source, as_of, cat):
        card = score(cat, a)
        priority = [p for p in card.practices if p.scope == "priority"]
        applicable = sum(p.actions_applicable for p in priority)
        done = sum(p.actions_done for p in priority)
        j = a.jurisdiction
        rows.append([j.id, j.name, j.state, j.kind, a.maturity, card.actions_applicable, card.actions_done,
                     card.actions_in_progress, card.completion, applicable, done,
                     done / applicable if applicable else float("nan"), card.priorities_complete])
    frame = pd.DataFrame(rows, columns=_OFFICE_COLUMNS).set_index("id")
    frame["kind"] = _categorical(frame["kind"], JURISDICTION_KINDS)
    # Explicit types, so that an empty frame has them too.
    types = {"maturity": "int64", "actions_applicable": "int64", "actions_done": "int64",
             "actions_in_progress": "int64", "completion": "float64", "priority_actions_applicable": "int64",
             "priority_actions_done": "int64", "priority_completion": "float64", "priorities_complete": "bool"}
    return frame.astype(types)


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
    (min, quartiles, median, max; NaN in a period where no office had a record). ``as_of`` is
    a pandas Timestamp."""
    rows = []
    for p in points:
        d = p.office_completion
        spread = [d.min, d.q1, d.median, d.q3, d.max] if d.count else [float("nan")] * 5
        rows.append([p.period, p.as_of, p.offices, *p.maturity_distribution, p.actions_applicable,
                     p.actions_done, p.completion, *spread])
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

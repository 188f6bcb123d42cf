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

__all__ = ["practices", "actions", "safeguards", "mappings", "scorecard", "plan", "rollup"]


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

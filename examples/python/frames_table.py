"""A pandas view of the guide: for each level, how many practices are priority, in scope
or out of scope, and how many actions apply.

Usage: frames_table.py
"""
import pandas as pd

import electsec
from electsec import frames


def main() -> None:
    practices = frames.practices()
    actions = frames.actions()
    scopes = {f"Level {n}": practices[f"scope_level{n}"].value_counts() for n in (1, 2, 3)}
    table = (
        pd.DataFrame(scopes)
        .reindex(list(electsec.SCOPES))
        .fillna(0)
        .astype(int)
    )
    table.loc["actions that apply"] = [
        sum(len(electsec.default_catalog().applicable_actions(p, level)) for p in practices.index)
        for level in (1, 2, 3)
    ]
    print("Best practices by scope, and actions that apply, per maturity level")
    print(table.to_string())
    print(f"\n{len(practices)} practices, {len(actions)} actions in all")
    busiest = practices.sort_values("actions", ascending=False).head(3)
    print("Most actions: " + ", ".join(f"{t} ({n})" for t, n in zip(busiest["title"], busiest["actions"])))


if __name__ == "__main__":
    main()

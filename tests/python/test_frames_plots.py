"""Frames of scorecards, plans and rollups; plots to files."""
import subprocess
import sys

import pytest

import electsec

pd = pytest.importorskip("pandas")
from electsec import frames  # noqa: E402


def office(level=1):
    a = electsec.Assessment(electsec.Jurisdiction("x", "X County", "XX"), level)
    a.set("backups.l1.1", "done")
    a.set("backups.l1.2", "in_progress")
    return a


def test_scorecard_plan_rollup_frames(cat):
    card = frames.scorecard(office().score())
    assert card.loc["backups", "actions_done"] == 1 and card.loc["backups", "actions_in_progress"] == 1
    assert card["actions_applicable"].sum() == 109
    plan = frames.plan(electsec.build_plan(cat, 1, office()))
    assert list(plan.columns) == ["rank", "kind", "id", "practice", "action", "text", "status", "note", "reason"]
    assert plan.iloc[0]["kind"] == "worksheet" and "backups.l1.1" not in set(plan["action"])
    roll = frames.rollup(electsec.rollup(cat, [office(1), office(2)]))
    assert roll.loc["backups", "actions_done"] == 2 and len(roll) == 30


def test_plots_write_files(cat, tmp_path):
    pytest.importorskip("matplotlib")
    from electsec import plots
    bars, heat = str(tmp_path / "bars.png"), str(tmp_path / "heat.svg")
    plots.completion_by_practice(office().score(), bars)
    plots.coverage_heatmap(heat, ig=1)
    for path in (bars, heat):
        data = open(path, "rb").read()
        assert len(data) > 5000
    assert open(bars, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in open(heat, "rb").read(400)


def test_clear_import_error_without_matplotlib():
    code = ("import sys; sys.modules['matplotlib'] = None\n"
            "try:\n    import electsec.plots\nexcept ImportError as e:\n    print(e)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "electsec.plots needs matplotlib" in run.stdout

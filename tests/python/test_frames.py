"""electsec.frames: pandas tables of a catalog."""
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")

from electsec import frames  # noqa: E402


def test_practices_frame(cat):
    df = frames.practices(cat)
    assert len(df) == 30 and df.index[0] == "physical_threats"
    assert df.loc["user_management", "actions"] == 19
    assert (df["scope_level1"] == "priority").sum() == 10


def test_actions_frame():
    df = frames.actions()
    assert len(df) == 159
    assert df.loc["user_management.l23.1", "first_level"] == 2
    assert set(df["practice"]) == {p for p in frames.practices().index}


def test_safeguards_frame():
    df = frames.safeguards()
    assert len(df) == 153 and int(df["ig1"].sum()) == 56 and int(df["ig2"].sum()) == 130


def test_mappings_frame():
    df = frames.mappings()
    assert list(df.columns) == ["practice", "safeguard", "maturity"]
    assert len(df[df.practice == "user_management"]) == 16


def test_clear_import_error_without_pandas():
    code = ("import sys; sys.modules['pandas'] = None\n"
            "try:\n    import electsec.frames\nexcept ImportError as e:\n    print(e)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "electsec.frames needs pandas" in run.stdout

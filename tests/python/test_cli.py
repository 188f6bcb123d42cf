"""The command line from Python: run_cli, main, and `python -m electsec`."""
import glob
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import electsec


def test_run_cli_returns_code_and_output():
    code, out, err = electsec.run_cli(["safeguards", "--ig", "1"])
    assert code == 0 and err == "" and out.endswith("56 safeguards\n")
    code, out, err = electsec.run_cli(["safeguard", "99.9"])
    assert code == 1 and out == "" and err.startswith("electsec: unknown safeguard '99.9'")
    code, _, err = electsec.run_cli(["frobnicate"])
    assert code == 2 and "unknown command" in err


def test_main_writes_to_the_process_streams(capfd):
    assert electsec.main(["controls", "--format", "csv"]) == 0
    out = capfd.readouterr().out
    assert out.startswith("id,title,safeguards\r\n1,Inventory and Control of Enterprise Assets,5")


@pytest.mark.parametrize("args, code", [(["practices", "--format", "json"], 0), (["show", "nope"], 1),
                                         (["practices", "--maturity", "9"], 2)])
def test_python_dash_m_runs_the_same_cli(args, code):
    run = subprocess.run([sys.executable, "-m", "electsec", *args], capture_output=True, text=True)
    assert run.returncode == code
    assert (run.stdout, run.stderr) == electsec.run_cli(args)[1:]
    if code == 0:
        assert len(json.loads(run.stdout)) == 30


def test_the_level_1_checklist_gives_each_action_one_checkbox():
    code, out, _ = electsec.run_cli(["plan", "--maturity", "1", "--format", "markdown"])
    assert code == 0
    boxes = [line for line in out.splitlines() if line.startswith("- [ ] ")]
    ids = [line.rsplit("(`", 1)[1].rstrip("`)") for line in boxes]
    assert len(ids) == len(set(ids)) > 50
    # The inventory serves five worksheets: one box, four pointers back to step 1.
    assert out.count("(`asset_management.l1.1`)") == 1
    assert out.count("- Checked under step 1: `asset_management.l1.1`") == 4


BIN_DIR = os.environ.get("ELECTSEC_EXAMPLES_DIR")


@pytest.mark.skipif(BIN_DIR is None or not glob.glob("/usr/lib/*/libsqlite3.a") or shutil.which("readelf") is None,
                    reason="needs the built command (ctest sets ELECTSEC_EXAMPLES_DIR), SQLite's archive and readelf")
def test_the_command_is_linked_whole_and_static_and_keeps_its_store(tmp_path):
    # src/cli/CMakeLists.txt: where SQLite's archive is installed, the command asks the
    # dynamic loader for nothing (no interpreter, no shared library), and its store works.
    command = str(pathlib.Path(BIN_DIR) / "electsec")
    dynamic = subprocess.run(["readelf", "--dynamic", "--program-headers", command], capture_output=True, text=True,
                             check=True).stdout
    assert "(NEEDED)" not in dynamic and "INTERP" not in dynamic
    store = tmp_path / "s.db"
    assert subprocess.run([command, "store", "init", str(store)], capture_output=True, text=True).returncode == 0
    run = subprocess.run([command, "store", "check", str(store)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr

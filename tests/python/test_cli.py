"""The command line from Python: run_cli, main, and `python -m electsec`."""
import json
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

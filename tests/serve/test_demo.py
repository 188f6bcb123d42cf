"""`scripts/demo --serve` starts electsec-serve on the demo's history store, prints where to
sign in, and stops cleanly on Ctrl-C, leaving nothing behind."""
import http.client
import os
import pathlib
import re
import signal
import subprocess

from conftest import SERVE

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_demo_serves_its_store():
    env = dict(os.environ, ELECTSEC_BIN=str(pathlib.Path(SERVE).parent / "electsec"))
    proc = subprocess.Popen([str(ROOT / "scripts" / "demo"), "--serve", "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    try:
        lines = []
        while not any("login?token=" in line for line in lines):
            line = proc.stdout.readline()
            assert line, f"the demo ended early: {lines} {proc.stderr.read()}"
            lines.append(line)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/login\?token=([0-9a-f]{64})", "".join(lines))
        work = re.search(r"serving (\S+)", "".join(lines)).group(1)
        conn = http.client.HTTPConnection("127.0.0.1", int(found.group(1)), timeout=30)
        conn.request("GET", "/state", headers={"Authorization": f"Bearer {found.group(2)}"})
        res = conn.getresponse()
        page = res.read().decode()
        assert res.status == 200 and "6 offices" in page
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the script and the server
        proc.wait(timeout=30)
    assert proc.returncode == 0, proc.stderr.read()
    assert "state.db" in work

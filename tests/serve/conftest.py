"""What the electsec-serve tests share: a sample store and a running server on 127.0.0.1.

ELECTSEC_SERVE names the built electsec-serve; PYTHONPATH holds the built electsec package.
"""
import http.client
import os
import re
import subprocess
import urllib.parse

import pytest

import electsec

SERVE = os.environ.get("ELECTSEC_SERVE", "")


def sample_store(path):
    """Six counties of state XX (and one of YY) working through Level 1 during 2026 at
    different paces: 6, 4, 3, 2, 1 and 0 actions a month."""
    cat = electsec.default_catalog()
    store = electsec.Store.create(str(path))
    level1 = [a.id for a in cat.actions(maturity=1)]
    for i, state in enumerate(["XX"] * 6 + ["YY"], start=1):
        a = electsec.Assessment(electsec.Jurisdiction(f"us-{state.lower()}-c{i}", f"County {i}", state, "county"),
                                maturity=1)
        store.import_assessment(a, at="2026-01-05", author="test")
    for month in range(1, 11):
        for i, pace in enumerate([6, 4, 3, 2, 1, 0], start=1):
            done = level1[(month - 1) * pace: month * pace]
            if done:
                store.set_status(f"us-xx-c{i}", done, "done", at=f"2026-{month:02d}-15", author="test")
    store.close()
    return path


class Server:
    """A running electsec-serve: its address, its access token and its process."""

    def __init__(self, store, *args):
        assert SERVE, "ELECTSEC_SERVE must name the electsec-serve program"
        self.proc = subprocess.Popen([SERVE, str(store), "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        lines = [self.proc.stdout.readline() for _ in range(3)]
        found = re.search(r"(http://127\.0\.0\.1:(\d+)/)login\?token=([0-9a-f]{64})", "".join(lines))
        assert found, f"no sign-in address in {lines!r}"
        self.base, self.port, self.token = found.group(1), int(found.group(2)), found.group(3)
        self.login_url = f"{self.base}login?token={self.token}"

    def request(self, method, path, body=None, headers=None, bearer=True):
        """(status, headers as a dict of lower-case names, body text) of one request."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        all_headers = dict(headers or {})
        if bearer:
            all_headers["Authorization"] = f"Bearer {self.token}"
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body)
            all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        conn.request(method, path, body=body, headers=all_headers)
        res = conn.getresponse()
        data = res.read().decode("utf-8", "replace")
        result = res.status, {k.lower(): v for k, v in res.getheaders()}, data
        conn.close()
        return result

    def stop(self):
        self.proc.terminate()
        out, err = self.proc.communicate(timeout=20)
        return self.proc.returncode, err


@pytest.fixture
def store_path(tmp_path):
    return sample_store(tmp_path / "state.db")


@pytest.fixture
def server(store_path):
    s = Server(store_path, "--quiet")
    yield s
    code, err = s.stop()
    assert code == 0, err

"""The history store from the command line and from Python: concurrent writer processes, a
writer killed mid-import, files that are not usable stores, read-only stores, and the
queries (as of a date, history, trend, rollup, peers)."""
import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import pytest

import electsec

BIN_DIR = os.environ.get("ELECTSEC_EXAMPLES_DIR")


def cli_command():
    if BIN_DIR and os.path.exists(os.path.join(BIN_DIR, "electsec")):
        return [os.path.join(BIN_DIR, "electsec")]
    return [sys.executable, "-m", "electsec"]


def run(*args, **kwargs):
    return subprocess.run([*cli_command(), *map(str, args)], capture_output=True, text=True, timeout=120, **kwargs)


def office(cat, office_id, state="PA", maturity=1, done=(), date="2026-01-15"):
    a = electsec.Assessment(electsec.Jurisdiction(office_id, office_id.title(), state, "county"), maturity)
    for action in done:
        a.set(action, "done", updated=date)
    return a


def events(path):
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        db.close()


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def actions(cat):
    return [a.id for a in cat.applicable_actions("asset_management", 3)] + \
        [a.id for a in cat.applicable_actions("backups", 3)]


# ---- guarantees ----

def test_eight_writer_processes_and_an_import_lose_nothing(tmp_path, cat, actions):
    store = tmp_path / "state.db"
    assert run("store", "init", store).returncode == 0
    for n in range(8):
        office(cat, f"us-pa-{n}").save(tmp_path / f"o{n}.json")
    assert run("store", "import", store, *[tmp_path / f"o{n}.json" for n in range(8)]).returncode == 0
    before = events(store)
    others = tmp_path / "others"
    others.mkdir()
    for n in range(40):
        office(cat, f"us-oh-{n}", state="OH", done=actions[:3]).save(others / f"{n}.json")
    # Each writer: 25 changes, one process each, alternating statuses so each one records.
    command = " ".join(f"'{part}'" for part in cli_command() + ["store", "set", str(store)])
    script = 'office=$1; shift; i=0; for a in "$@"; do i=$((i+1)); ' \
             f'{command} "$office" "$a" done --date 2026-02-$(printf %02d $i) >/dev/null || exit 1; done'
    every = [a.id for p in cat.practices() for a in p.actions]
    writers = [subprocess.Popen(["/bin/sh", "-c", script, "writer", f"us-pa-{w}", *every[w * 19:w * 19 + 25]])
               for w in range(8)]
    importer = subprocess.Popen([*cli_command(), "store", "import", str(store), str(others)],
                                stdout=subprocess.DEVNULL)
    assert [w.wait(timeout=300) for w in writers] == [0] * 8
    assert importer.wait(timeout=300) == 0
    s = electsec.Store.open(store)
    for w in range(8):
        assert len([e for e in s.history(f"us-pa-{w}") if e.subject.startswith("status:")]) == 25
    assert events(store) == before + 8 * 25 + 40 * (3 + 3)


def test_a_writer_killed_mid_import_leaves_all_of_it_or_none(tmp_path, cat, actions):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(1500):
        office(cat, f"us-tx-{n:04}", state="TX", done=actions[: n % 7]).save(folder / f"{n:04}.json")
    # What the whole import records, measured on a store of its own.
    whole = tmp_path / "whole.db"
    electsec.Store.create(whole).close()
    assert run("store", "import", whole, folder).returncode == 0
    added = events(whole)
    store = tmp_path / "state.db"
    with electsec.Store.create(store) as s:
        s.import_assessment(office(cat, "us-tx-first", state="TX"))
    before = events(store)
    rng = random.Random(7)
    outcomes = set()
    for attempt in range(8):
        proc = subprocess.Popen([*cli_command(), "store", "import", str(store), str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.02, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        count = events(store)
        assert count in (before, before + added), f"attempt {attempt}: {count} events"
        assert run("store", "check", store).returncode == 0
        outcomes.add(count)
        if count != before:
            break
    # The store still takes writes and reads back.
    assert run("store", "set", store, "us-tx-first", actions[0], "done").returncode == 0
    assert electsec.Store.open(store).assessment("us-tx-first").statuses[actions[0]].status == "done"


def store_with_events(path, cat):
    with electsec.Store.create(path) as s:
        for n in range(150):
            s.import_assessment(office(cat, f"us-xx-{n}", done=["backups.l1.1"]))


def foreign_wal_database(path, cat):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE events(x)")
    db.commit()
    db.close()


def newer_store(path, cat):
    store_with_events(path, cat)
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()


def truncated_store(path, cat):
    store_with_events(path, cat)
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) // 2)


@pytest.mark.parametrize("make, says", [
    (lambda p, c: p.write_text("office,status\n"), "not an SQLite database"),
    (lambda p, c: p.write_bytes(b""), "not an SQLite database"),
    (lambda p, c: p.write_text('{"schema": "electsec.assessment/1"}'), "not an SQLite database"),
    (foreign_wal_database, "another program"),
    (newer_store, "newer electsec"),
    (truncated_store, "damaged"),
], ids=["csv", "empty", "json", "foreign-wal", "newer", "truncated"])
@pytest.mark.parametrize("command", [["show"], ["rollup"], ["history", "us-xx-1"],
                                     ["set", "us-xx-1", "backups.l1.1", "in_progress"]])
def test_a_file_that_is_no_usable_store_is_refused_and_left_alone(tmp_path, cat, make, says, command):
    path = tmp_path / "s.db"
    make(path, cat)
    before = sorted(os.listdir(tmp_path)), digest(path)
    r = run("store", command[0], path, *command[1:])
    assert r.returncode == 1, r.stdout
    assert r.stderr.count("\n") == 1 and str(path) in r.stderr and says in r.stderr, r.stderr
    assert (sorted(os.listdir(tmp_path)), digest(path)) == before


def test_missing_store_and_existing_file(tmp_path):
    r = run("store", "show", tmp_path / "nope.db")
    assert r.returncode == 1 and "no such history store" in r.stderr
    assert not (tmp_path / "nope.db").exists()
    (tmp_path / "taken.db").write_text("mine")
    r = run("store", "init", tmp_path / "taken.db")
    assert r.returncode == 1 and "exists already" in r.stderr
    assert (tmp_path / "taken.db").read_text() == "mine"
    # A new store is made under another name and linked into place: nothing else is left.
    assert run("store", "init", tmp_path / "new.db").returncode == 0
    assert sorted(os.listdir(tmp_path)) == ["new.db", "taken.db"]


def as_nobody():
    """A command prefix that runs as an unprivileged user, or None when that is not possible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


def test_a_store_the_user_cannot_write_is_read_and_never_written(cat):
    prefix = as_nobody()
    if prefix is None:
        pytest.skip("needs setpriv to drop root")
    folder = tempfile.mkdtemp(prefix="electsec-ro-")
    try:
        os.chmod(folder, 0o755)  # readable, and writable only by its owner
        path = os.path.join(folder, "s.db")
        store_with_events(path, cat)
        os.chmod(path, 0o444)
        before = sorted(os.listdir(folder)), hashlib.sha256(open(path, "rb").read()).hexdigest()
        command = prefix + cli_command()
        env = dict(os.environ, PYTHONPATH=os.environ.get("PYTHONPATH", ""))
        show = subprocess.run([*command, "store", "show", path, "us-xx-3"], capture_output=True, text=True, env=env)
        assert show.returncode == 0, show.stderr
        assert "backups.l1.1" in show.stdout
        assert subprocess.run([*command, "store", "trend", path], capture_output=True, env=env).returncode == 0
        write = subprocess.run([*command, "store", "set", path, "us-xx-3", "backups.l1.2", "done"],
                               capture_output=True, text=True, env=env)
        assert write.returncode == 1 and "read-only" in write.stderr, write.stderr
        assert (sorted(os.listdir(folder)), hashlib.sha256(open(path, "rb").read()).hexdigest()) == before
    finally:
        shutil.rmtree(folder)


# ---- the command line ----

def test_store_commands_from_import_to_export(tmp_path, cat, actions):
    jan = office(cat, "us-pa-adams", done=actions[:2], date="2026-01-10")
    jan.save(tmp_path / "jan.json")
    mar = electsec.Assessment.load(tmp_path / "jan.json")
    mar.set(actions[2], "in_progress", note="half way", updated="2026-03-05")
    mar.save(tmp_path / "mar.json")
    store = tmp_path / "s.db"
    assert run("store", "init", store).returncode == 0
    r = run("store", "import", store, tmp_path / "jan.json", "--format", "json")
    assert json.loads(r.stdout)["offices_new"] == 1
    r = run("store", "import", store, tmp_path / "jan.json", tmp_path / "mar.json", "--author", "clerk")
    assert "1 changed" in r.stdout and "1 change recorded" in r.stdout, r.stdout
    exported = run("store", "export", store, "us-pa-adams", "--as-of", "2026-02-01").stdout
    assert exported == (tmp_path / "jan.json").read_text()
    assert run("store", "export", store, "us-pa-adams").stdout == (tmp_path / "mar.json").read_text()
    history = json.loads(run("store", "history", store, "us-pa-adams", "--format", "json").stdout)
    assert history[-1]["note"] == "half way" and history[-1]["author"] == "clerk"
    trend = run("store", "trend", store, "--from", "2026-01-01", "--to", "2026-03-31", "--format", "csv").stdout
    rows = trend.splitlines()
    assert rows[0] == "period,as_of,practice,offices,actions_applicable,actions_done,completion"
    assert [r.split(",")[0] for r in rows[1:] if r.split(",")[2] == ""] == ["2026-01", "2026-02", "2026-03"]
    compare = json.loads(run("store", "compare", store, "us-pa-adams", "--format", "json").stdout)
    assert compare["peers"]["count"] == 0 and compare["peer_group"] == "state"
    assert run("store", "check", store).stdout.startswith(f"{store}: no damage found")
    for bad in (["store", "show", store, "--as-of", "yesterday"], ["store", "set", store, "us-pa-adams", actions[0],
                                                                    "done", "--date", "2026-13-45"],
                ["store", "set", store, "us-pa-adamz", actions[0], "done"]):
        r = run(*bad)
        assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert run("store", "set", store, "us-pa-adams", actions[0], "done", "--date", "").returncode == 2
    assert run("store", "frobnicate", store).returncode == 2


def test_checkpoints_that_do_not_match_are_found_and_rebuilt(tmp_path, cat, actions):
    """Checkpoints are derived from the events: one changed by another program is reported by
    `store check` (which says the events are intact) and rebuilt by `store optimize`."""
    store = tmp_path / "c.db"
    with electsec.Store.create(store, cat) as s:
        a = electsec.Assessment(electsec.Jurisdiction("us-pa-adams", "Adams", "PA", "county"), 3)
        s.import_assessment(a, at="2026-01-02")
        for month in range(1, 11):
            for day in (3, 10, 17):
                s.set_status("us-pa-adams", actions[(month * 3 + day) % len(actions)], "done",
                             at=f"2026-{month:02}-{day:02}", note=f"day {day}")
        before = s.rollup("2026-08-31").completion
        assert s.check() == []
        assert s.event_count == 3 + 30  # name, release and level, then 30 statuses
    db = sqlite3.connect(store)
    assert db.execute("SELECT count(*) FROM checkpoints").fetchone()[0] > 0
    # The view shows the events one per row, as they were recorded.
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 3 + 30
    db.execute("UPDATE checkpoints SET statuses = x''")
    db.commit()
    db.close()
    r = run("store", "check", store)
    assert r.returncode == 1
    first = r.stderr.splitlines()[0]
    assert "events, which are intact" in first and f"electsec store optimize {store}" in first, r.stderr
    r = run("store", "optimize", store)
    assert r.returncode == 0 and "rebuilt from the events of 1 office\n" in r.stdout, r.stdout + r.stderr
    r = run("store", "check", store)
    assert r.returncode == 0 and r.stdout.endswith(" events of 1 office)\n"), r.stdout
    with electsec.Store.open(store, cat) as s:
        assert s.rollup("2026-08-31").completion == before
        assert s.optimize() > 0
    assert run("store", "optimize", store, "extra").returncode == 2


# ---- Python ----

def test_python_store_round_trip_and_queries(tmp_path, cat):
    actions = [a.id for p in ("asset_management", "backups") for a in cat.applicable_actions(p, 1)]
    path = tmp_path / "s.db"
    with electsec.Store.create(path) as s:
        for n, state in enumerate(["PA", "PA", "PA", "OH"]):
            s.import_assessment(office(cat, f"o{n}", state=state), at="2026-01-01", author="importer")
        for month in range(1, 5):
            s.set_status("o0", actions[month], "done", at=f"2026-{month:02}-10")
        assert s.set_status("o1", [actions[1], actions[2]], "in_progress", note="started", at="2026-02-01") == 2
        assert s.set_level("o2", 2, at="2026-03-01") == 1
        assert s.offices() == ["o0", "o1", "o2", "o3"]
        assert s.assessment("o0", "2026-02-28").statuses.keys() == {actions[1], actions[2]}
        assert s.assessment("o1").statuses[actions[1]].note == "started"
        points = s.trend("month", from_="2026-01-01", to="2026-04-30", state="PA")
        assert [p.period for p in points] == ["2026-01", "2026-02", "2026-03", "2026-04"]
        assert [p.offices for p in points] == [3, 3, 3, 3]
        assert points[-1].actions_done == 4
        assert points[2].maturity_distribution == [2, 1, 0]
        c = s.compare("o0", "2026-04-30")
        assert c.peer_group == "state" and c.peers.count == 2 and c.percentile_rank == 100.0
        assert s.compare("o0", peer_group="all").peers.count == 3
        assert s.rollup("2026-01-31", maturity=1).jurisdictions == 4
        with pytest.raises(electsec.NotFound):
            s.history("o9")
        with pytest.raises(electsec.Error):
            s.trend("fortnight")
        assert [e.subject for e in s.changes("2026-03-01", "2026-03-31")] == ["maturity", f"status:{actions[3]}"]
    with pytest.raises(electsec.Error, match="closed"):
        s.offices()
    assert electsec.distribution([1, 2, 3, 4]).median == 2.5
    assert electsec.percentile_rank(2, [1, 2, 3]) == 50.0


def test_frames_and_plots_of_a_store(tmp_path, cat):
    frames = pytest.importorskip("electsec.frames")
    plots = pytest.importorskip("electsec.plots")
    import matplotlib.pyplot as plt

    level1 = [a.id for p in cat.practices() for a in cat.applicable_actions(p.id, 1)]
    with electsec.Store.create(tmp_path / "s.db") as s:
        for n in range(4):
            s.import_assessment(office(cat, f"o{n}", state="PA" if n < 3 else "OH"), at="2026-01-02")
        for month in range(1, 4):
            s.set_status("o0", level1[month], "done", at=f"2026-{month:02}-20", note=f"month {month}")
            s.set_status("o1", level1[month], "in_progress", at=f"2026-{month:02}-21")
        points = s.trend("month", from_="2026-01-01", to="2026-03-31")
        t = frames.trend(points)
        assert t["period"].tolist() == ["2026-01", "2026-02", "2026-03"]
        assert t["actions_done"].tolist() == [1, 2, 3]
        assert str(t["as_of"].dtype).startswith("datetime64")
        long = frames.trend_by_practice(points)
        assert len(long) == 3 * 30 and set(long.columns) >= {"period", "practice", "completion"}
        h = frames.history(s.history("o0"))
        assert h["kind"].tolist()[-3:] == ["status"] * 3 and h["note"].iloc[-1] == "month 3"
        assert frames.history(s.changes("2026-02-01", "2026-02-28"))["office"].tolist() == ["o0", "o1"]
        p = frames.progress(s, from_="2026-01-01", to="2026-03-31", state="PA")
        assert set(p["office"]) == {"o0", "o1", "o2"}
        whole = p[p["practice"].isna()]
        assert whole[whole["office"] == "o0"]["actions_done"].tolist() == [1, 2, 3]
        fig, axes = plt.subplots(1, 2)
        assert plots.trend(s, "o0", ax=axes[0], from_="2026-01-01", to="2026-03-31") is axes[0]
        assert "2 other offices" in axes[0].get_title()
        assert plots.trend(s, ax=axes[1], from_="2026-01-01", to="2026-03-31") is axes[1]
        plt.close(fig)
        plots.trend(s, "o3", tmp_path / "alone.svg", from_="2026-01-01", to="2026-03-31")  # no peers in OH
        assert "<text" in (tmp_path / "alone.svg").read_text()


def test_reports_with_progress_from_the_command_line_and_python(tmp_path, cat):
    level1 = [a.id for p in cat.practices() for a in cat.applicable_actions(p.id, 1)]
    store = tmp_path / "s.db"
    with electsec.Store.create(store) as s:
        for n in range(3):
            s.import_assessment(office(cat, f"us-pa-{n}", state="PA"), at="2026-01-02")
        for month in range(1, 4):
            s.set_status("us-pa-0", level1[month], "done", at=f"2026-{month:02}-12", note="<script>alert(1)</script>")
        progress = s.progress("us-pa-0", since="2026-01-01", as_of="2026-03-31")
        state = s.progress(since="2026-01-01", as_of="2026-03-31", state="pa")
        # 89 days: by ISO week, 2026-W01 (with January 1st) to 2026-W14 (with March 31st).
        assert progress.period == "week" and len(progress.trend) == 14 and len(progress.peers) == 14
        assert [o.jurisdiction.id for o in state.offices][0] == "us-pa-0"
        html = electsec.office_report_html(cat, s.assessment("us-pa-0", "2026-03-31"), progress)
        assert "Progress from 2026-01-01 to 2026-03-31" in html and "<script>" not in html
        md = electsec.rollup_report_markdown(cat, s.rollup("2026-03-31"), state, stalled_days=30)
        assert "No status change for 30 days or more (2 of 3 offices)" in md
    r = run("report", "--store", store, "--office", "us-pa-0", "--as-of", "2026-03-31", "--since", "2026-01-01",
            "--format", "html", "-o", tmp_path / "office.html")
    assert r.returncode == 0 and r.stdout == f"wrote {tmp_path / 'office.html'}\n", r.stderr
    page = (tmp_path / "office.html").read_text()
    assert "<polyline" in page and "&lt;script&gt;" in page
    r = run("report", "--store", store, "--as-of", "2026-03-31", "--stalled-days", "45", "--format", "markdown")
    assert "## Progress from 2025-03-31 to 2026-03-31, by month" in r.stdout, r.stdout[:300]
    assert "No status change for 45 days or more (2 of 3 offices)" in r.stdout
    for bad, code in ((["--store", store, "--office", "us-pa-9"], 1), (["--office", "us-pa-0", "--assessment", "x"], 2),
                      (["--store", store, "--as-of", "March"], 2), (["--store", store, "--office", "us-pa-0",
                                                                     "--state", "PA"], 2)):
        r = run("report", *bad, "--format", "markdown")
        assert r.returncode == code and r.stderr.count("\n") == 1, (bad, r.stderr)


def test_store_values_have_dicts_and_refuse_what_cannot_be_right(tmp_path, cat):
    import json as json_module
    with electsec.Store.create(tmp_path / "s.db") as s:
        s.import_assessment(office(cat, "a", state="PA"), at="2026-01-02")
        s.import_assessment(office(cat, "b", state="PA"), at="2026-03-02")  # joins later
        s.set_status("a", "backups.l1.1", "done", at="2026-02-01")
        points = s.trend("month", from_="2026-01-01", to="2026-03-31")
        group = s.progress(since="2026-02-15", as_of="2026-03-31")
        for value in (s.import_assessment(office(cat, "c"), at="2026-03-03"), points[0], group,
                      s.compare("a", "2026-03-31"), group.offices[0], s.history("a")[0]):
            json_module.dumps(value.to_dict())  # plain data all the way down
        assert [o.completion_since for o in group.offices if o.jurisdiction.id == "b"] == [None]
        assert group.to_dict()["offices"][-1]["completion_since"] is None
        with pytest.raises(electsec.Error, match="in the future"):
            s.set_status("a", "backups.l1.2", "done", at="2099-01-01")
    r = run("store", "trend", tmp_path / "s.db", "--state", "YY")
    assert r.returncode == 1 and "the store's states: PA)" in r.stderr, r.stderr
    md = run("report", "--store", tmp_path / "s.db", "--since", "2026-02-15", "--as-of", "2026-03-31",
             "--format", "markdown").stdout
    assert "| B | PA | - | 0% | joined later |" in md, md
    # Periods before any office had a record say nothing, in both formats and for one office.
    for args in ([], ["--office", "a"]):
        for fmt in ("markdown", "html"):
            text = run("report", "--store", tmp_path / "s.db", *args, "--since", "2025-10-01", "--as-of", "2026-03-31",
                       "--format", fmt).stdout
            tail = text.split("Progress from 2025-10-01")[1]
            assert not re.search(r"(\| |>)2025-1[0-2]( \||<)|end of 2025", tail), (args, fmt)

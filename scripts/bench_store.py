#!/usr/bin/env python3
"""The history store's budgets, measured side by side with their yardsticks:

- recording one change as a whole `electsec store set` process, against a bare process
  (/bin/true) and against `electsec assess set` on a file;
- importing 10,000 assessment files into a new store, against `electsec rollup` of the
  same files;
- a store of 10,000 offices x 150 events over a year: a rollup as of a date, one office's
  monthly trend, a state's monthly trend over the year, an office against its peers.

Each figure is the median of several runs, with the spread (min-max). The big store is built
once (through the Python API, one import per office and month) and kept in build/bench-store.

usage: PYTHONPATH=build/default/python /usr/bin/python3 scripts/bench_store.py
       (BENCH_STORE_PART=import or =queries runs one part)
"""
import json
import os
import pathlib
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import electsec

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "build" / "default" / "bin" / "electsec"
WORK = ROOT / "build" / "bench-store"
OFFICES, EVENTS, FILES = 10000, 150, 10000


def timed(f, runs=7):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    return times


def show(label, times, unit="ms"):
    print(f"{label}: median {statistics.median(times):.2f} {unit} (spread {min(times):.2f}-{max(times):.2f}, "
          f"{len(times)} runs)")
    return statistics.median(times)


def batch_text(db, numbers, events):
    """A batch's events as the store keeps them: a JSON array of [subject number, value, note]
    (an empty note left out), numbering subjects in the store's table `subjects` as they first
    appear."""
    for subject, _, _ in events:
        if subject not in numbers:
            numbers[subject] = db.execute("INSERT INTO subjects(subject) VALUES(?)", (subject,)).lastrowid
    return json.dumps([[numbers[s], v, n] if n else [numbers[s], v] for s, v, n in events], separators=(",", ":"),
                      ensure_ascii=False)


def big_store(cat):
    """10,000 offices of 5 states, each with 150 events over 2026: its name, release and level
    on January 1st, then 147 status changes spread over the year, offices progressing at
    different speeds. Written in one transaction with Python's sqlite3 into a store electsec
    created (its triggers and CHECKs apply), one batch per office and day as electsec records
    them, since recording 1.5 million events one command at a time would take an hour of
    fsyncs; then `Store.optimize()` builds the checkpoints that recording would have kept."""
    path = WORK / f"state-{OFFICES}x{EVENTS}-v{electsec.STORE_SCHEMA_VERSION}.db"
    if path.exists():
        return path
    WORK.mkdir(parents=True, exist_ok=True)
    tmp = WORK / "building.db"
    for p in WORK.glob("building.db*"):
        p.unlink()
    electsec.Store.create(tmp, cat).close()
    rng = random.Random(11)
    started = time.perf_counter()
    by_level = {level: [x.id for p in cat.practices() for x in cat.applicable_actions(p.id, level)]
                for level in (1, 2, 3)}
    db = sqlite3.connect(tmp)
    db.execute("BEGIN")
    sequence, numbers = 1, {}
    for n in range(OFFICES):
        office = f"us-{'abcde'[n % 5]}-{n:05}"
        key = db.execute("INSERT INTO offices(id) VALUES(?)", (office,)).lastrowid
        level = rng.choice((1, 1, 2, 2, 3))
        j = electsec.Jurisdiction(office, f"County {n}", "ST" + "ABCDE"[n % 5], "county")
        days = {"2026-01-01": [("jurisdiction", json.dumps(j.to_dict(), separators=(",", ":")), ""),
                               ("catalog_version", cat.guide().version, ""),
                               ("maturity", str(level), "")]}
        speed = rng.uniform(0.3, 1.0)  # how much of the year it works
        for _ in range(EVENTS - 3):
            day = 1 + int(rng.random() * speed * 360)
            month, mday = min(12, 1 + day // 30), 1 + day % 28
            days.setdefault(f"2026-{month:02}-{mday:02}", []).append(
                ("status:" + rng.choice(by_level[level]), rng.choice(("in_progress", "done", "done")), ""))
        rows = []
        for at in sorted(days):  # a day is its own order key (at_key)
            rows.append((key, at, sequence, len(days[at]), at, batch_text(db, numbers, days[at])))
            sequence += len(days[at])
        db.executemany("INSERT INTO batches(office, at_key, first, count, at, events) VALUES(?,?,?,?,?,?)", rows)
    db.commit()
    db.close()
    with electsec.Store.open(tmp, cat) as s:
        checkpoints = s.optimize()
    tmp.rename(path)
    for suffix in ("-wal", "-shm"):
        pathlib.Path(str(tmp) + suffix).unlink(missing_ok=True)
    print(f"(built the store in {time.perf_counter() - started:.0f} s: {path.stat().st_size / 1e6:.0f} MB, "
          f"{checkpoints} checkpoints)")
    return path


def write_files(folder, ids, dated):
    """10,000 assessment files of 50 statuses each: all of one date, or each status of its own
    day of 2026 (as files kept with `assess set` over a year are)."""
    folder.mkdir()
    rng = random.Random(7)
    for i in range(FILES):
        x = electsec.Assessment(electsec.Jurisdiction(f"us-xx-{i:05}", f"County {i}", "XX", "county"),
                                rng.randint(1, 3))
        for _ in range(50):
            if dated:
                day = rng.randint(0, 299)
                updated = f"2026-{1 + day // 30:02}-{1 + day % 28:02}"
            else:
                updated = "2026-11-01"
            x.set(rng.choice(ids), rng.choice(electsec.STATUSES), updated=updated)
        x.save(folder / f"office-{i:05}.json")
    return folder


class SkipPart(Exception):
    pass


def main():
    cat = electsec.default_catalog()
    print("== history store")
    only_queries = os.environ.get("BENCH_STORE_PART") == "queries"
    only_import = os.environ.get("BENCH_STORE_PART") == "import"
    # --- one change as a process ---
    folder = pathlib.Path(tempfile.mkdtemp(prefix="electsec-bench-"))
    try:
        small = folder / "small.db"
        subprocess.run([BIN, "store", "init", small], check=True, capture_output=True)
        a = electsec.Assessment(electsec.Jurisdiction("us-xx-a", "A", "XX", "county"), 3)
        a.save(folder / "a.json")
        subprocess.run([BIN, "store", "import", small, folder / "a.json"], check=True, capture_output=True)
        ids = [x.id for p in cat.practices() for x in p.actions]
        statuses = iter(["done", "in_progress"] * 100)
        if only_queries:
            raise SkipPart
        bare = show("bare process (/bin/true)", timed(lambda: subprocess.run(["/bin/true"]), 21))
        file_set = show("`electsec assess set` on a file", timed(
            lambda: subprocess.run([BIN, "assess", "set", folder / "a.json", ids[0], next(statuses)],
                                   check=True, capture_output=True), 21))
        store_set = show("`electsec store set`, one change, small store", timed(
            lambda: subprocess.run([BIN, "store", "set", small, "us-xx-a", ids[0], next(statuses)],
                                   check=True, capture_output=True), 21))
        print(f"   store set is {store_set - bare:.2f} ms over a bare process; "
              f"{store_set / file_set:.2f}x a file's assess set")

        # --- import of 10,000 files against the file rollup ---
        files = write_files(folder / "files", ids, dated=False)
        roll = show("`electsec rollup DIR`, 10,000 files", timed(
            lambda: subprocess.run([BIN, "rollup", files], check=True, capture_output=True), 5))

        def import_all(source):
            target = folder / "imported.db"
            for p in folder.glob("imported.db*"):
                p.unlink()
            subprocess.run([BIN, "store", "init", target], check=True, capture_output=True)
            subprocess.run([BIN, "store", "import", target, source], check=True, capture_output=True)

        imp = show("`electsec store init` + `store import DIR`, 10,000 files into a new store",
                   timed(lambda: import_all(files), 5))
        print(f"   import / rollup of the same files: {imp / roll:.2f}x")

        # The same with a date per status, as files kept with `assess set` over a year are.
        dated = write_files(folder / "dated", ids, dated=True)
        roll = show("`electsec rollup DIR`, 10,000 files with a date per status", timed(
            lambda: subprocess.run([BIN, "rollup", dated], check=True, capture_output=True), 5))
        imp = show("`electsec store init` + `store import DIR` of them", timed(lambda: import_all(dated), 5))
        print(f"   import / rollup of the same files: {imp / roll:.2f}x")
    except SkipPart:
        pass
    finally:
        shutil.rmtree(folder)

    if only_import:
        return 0
    # --- queries over a big store ---
    path = big_store(cat)
    with electsec.Store.open(path, cat) as store:
        print(f"store: {len(store.offices())} offices, {store.event_count} events, "
              f"{path.stat().st_size / 1e6:.0f} MB")
        for day in ("2026-03-31", "2026-12-31"):
            show(f"rollup as of {day}, all offices", timed(lambda: store.rollup(day), 5))
        show("one office's monthly trend over 2026", timed(
            lambda: store.trend("month", from_="2026-01-01", to="2026-12-31", offices=["us-c-04242"]), 21))
        show("a state's monthly trend over 2026 (2,000 offices)", timed(
            lambda: store.trend("month", from_="2026-01-01", to="2026-12-31", state="STC"), 5))
        show("every office's monthly trend over 2026 (10,000 offices)", timed(
            lambda: store.trend("month", from_="2026-01-01", to="2026-12-31"), 3))
        show("one office against its state's peers", timed(lambda: store.compare("us-c-04242", "2026-06-30"), 5))
        show("one office's assessment as of a date", timed(lambda: store.assessment("us-c-04242", "2026-06-30"), 21))
        show("one office's history (150 events)", timed(lambda: store.history("us-c-04242"), 21))
    # Writing goes to a copy, so that the big store stays as built.
    scratch = WORK / "scratch.db"
    shutil.copy(path, scratch)
    try:
        statuses = iter(["done", "in_progress"] * 100)
        show("`electsec store set`, one change, in the big store", timed(
            lambda: subprocess.run([BIN, "store", "set", scratch, "us-c-04242", "backups.l1.1", next(statuses)],
                                   check=True, capture_output=True), 11))
    finally:
        for p in WORK.glob("scratch.db*"):
            p.unlink()

if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""A state's rollup from 10,000 assessment files: electsec (Python bindings) against plain
Python written the way an analyst would without electsec (json.load each file, count done
and applicable actions per practice from the catalog JSON). Both must agree on the totals.
Also times `electsec rollup DIR` as a process and its peak memory.

usage: /usr/bin/python3 scripts/bench_rollup.py [COUNT]   (needs PYTHONPATH=build/default/python)
"""
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import time

import electsec

ROOT = pathlib.Path(__file__).resolve().parent.parent
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 10000


def make_files(folder: pathlib.Path, cat) -> None:
    ids = [a.id for p in cat.practices() for a in p.actions]
    rng = random.Random(7)
    for i in range(COUNT):
        a = electsec.Assessment(electsec.Jurisdiction(f"us-xx-{i:05}", f"County {i}", "XX", "county"), rng.randint(1, 3))
        for _ in range(50):
            a.set(rng.choice(ids), rng.choice(electsec.STATUSES), updated="2026-11-01")
        a.save(str(folder / f"office-{i:05}.json"))


def plain_python(folder: pathlib.Path, catalog_doc: dict) -> tuple[int, int]:
    """What an analyst writes: load the catalog, then every file, and count."""
    applicable = {1: {}, 2: {}, 3: {}}
    scope_of = {}
    for p in catalog_doc["practices"]:
        for level in (1, 2, 3):
            if p["scopes"][level - 1] == "out_of_scope":
                continue
            for a in p["actions"]:
                if min(a["levels"]) <= level:
                    applicable[level][a["id"]] = p["id"]
    total_applicable = total_done = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(folder / name, encoding="utf-8") as f:
            office = json.load(f)
        level = office["maturity"]
        todo = len(applicable[level])
        done = 0
        for action, st in office.get("statuses", {}).items():
            if action not in applicable[level]:
                continue
            if st["status"] == "done":
                done += 1
            elif st["status"] == "not_applicable":
                todo -= 1
        total_applicable += todo
        total_done += done
    return total_applicable, total_done


def main() -> None:
    cat = electsec.default_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        make_files(folder, cat)
        catalog_doc = json.loads(cat.to_json())
        t = time.perf_counter()
        plain = plain_python(folder, catalog_doc)
        plain_s = time.perf_counter() - t
        t = time.perf_counter()
        r = electsec.rollup_files(cat, [str(folder)])
        electsec_s = time.perf_counter() - t
        assert (r.actions_applicable, r.actions_done) == plain, ((r.actions_applicable, r.actions_done), plain)
        run = subprocess.run(["/usr/bin/time", "-f", "%e %M", str(ROOT / "build" / "default" / "bin" / "electsec"),
                              "rollup", str(folder), "--format", "json"], capture_output=True, text=True, check=True)
        seconds, peak_kb = run.stderr.strip().splitlines()[-1].split()
    print(f"offices: {COUNT} files, 50 statuses each")
    print(f"plain Python (json.load + counting): {plain_s * 1000:8.0f} ms")
    print(f"electsec.rollup_files (bindings):    {electsec_s * 1000:8.0f} ms   ratio {plain_s / electsec_s:.1f}x")
    print(f"electsec rollup DIR (process):       {float(seconds) * 1000:8.0f} ms, peak memory {int(peak_kb) / 1024:.1f} MiB")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A state's rollup from 10,000 assessment files: electsec (Python bindings) against plain
Python written the way an analyst would without electsec (json.load each file, count done
and applicable actions per practice from the catalog JSON). Both must agree on the totals.
Also times `electsec rollup DIR` as a process and its peak memory, and against the I/O limit:
reading the same files with as many parallel readers as it has threads, two ways: `cat` run
by `xargs -P` (the yardstick of the budget), and a small C program built here with `cc`, if
there is one, that lists the directory and reads every file with as many threads (open, fstat,
read until the end, close): the least a process that reads them all must do.

usage: /usr/bin/python3 scripts/bench_rollup.py [COUNT]   (needs PYTHONPATH=build/default/python)
"""
import json
import os
import pathlib
import random
import statistics
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
        process, reading, floor = io_limit(folder)
    print(f"offices: {COUNT} files, 50 statuses each")
    print(f"plain Python (json.load + counting): {plain_s * 1000:8.0f} ms")
    print(f"electsec.rollup_files (bindings):    {electsec_s * 1000:8.0f} ms   ratio {plain_s / electsec_s:.1f}x")
    print(f"electsec rollup DIR (process):       {float(seconds) * 1000:8.0f} ms, peak memory {int(peak_kb) / 1024:.1f} MiB")
    threads = os.cpu_count()
    print(f"against the I/O limit, {ROUNDS} runs each, interleaved, median (min-max):")
    print(f"  electsec rollup DIR (process, {threads} threads): {spread(process)}")
    print(f"  cat of the same files, {threads} in parallel:     {spread(reading)}")
    print(f"  ratio: {statistics.median(process) / statistics.median(reading):.2f}x (budget <= 1.2x)")
    if floor:
        print(f"  C reader, {threads} threads (list, open, fstat, read, close): {spread(floor)}")
        print(f"  ratio to the C reader: {statistics.median(process) / statistics.median(floor):.2f}x")
    else:
        print("  C reader: not built (no cc)")


ROUNDS = 11


def spread(xs) -> str:
    return f"{statistics.median(xs):6.0f} ms ({min(xs):.0f}-{max(xs):.0f})"


READER_C = r"""
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **names;
static size_t count, next_file;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const char *dir;

static void *reader(void *arg) {
    size_t *bytes = arg, size = 1 << 16;
    char *buf = malloc(size), path[4096];
    for (;;) {
        pthread_mutex_lock(&lock);
        size_t i = next_file++;
        pthread_mutex_unlock(&lock);
        if (i >= count) break;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0) exit(1);
        ssize_t n;
        while ((n = read(fd, buf, size)) > 0) *bytes += (size_t)n;
        close(fd);
    }
    free(buf);
    return NULL;
}

int main(int argc, char **argv) {
    dir = argv[1];
    int threads = atoi(argv[2]);
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t cap = 1024;
    names = malloc(cap * sizeof *names);
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0) continue;
        if (count == cap) names = realloc(names, (cap *= 2) * sizeof *names);
        names[count++] = strdup(e->d_name);
    }
    closedir(d);
    pthread_t pool[256];
    size_t bytes[256] = {0}, total = 0;
    for (int t = 1; t < threads; ++t) pthread_create(&pool[t], NULL, reader, &bytes[t]);
    reader(&bytes[0]);
    for (int t = 1; t < threads; ++t) pthread_join(pool[t], NULL);
    for (int t = 0; t < threads; ++t) total += bytes[t];
    printf("%zu\n", total);
    return 0;
}
"""


def build_reader(work: pathlib.Path):
    """The C reader as an executable in `work`, or None without a C compiler."""
    source, exe = work / "reader.c", work / "reader"
    source.write_text(READER_C)
    try:
        subprocess.run(["cc", "-O2", "-pthread", "-o", str(exe), str(source)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return str(exe)


def io_limit(folder: pathlib.Path):
    """`electsec rollup DIR` against merely reading the same files with as many readers as
    it has threads (`cat` run by `xargs -P`, the files split evenly; and the C reader), all
    with the files in the page cache, interleaved."""
    electsec_bin = str(ROOT / "build" / "default" / "bin" / "electsec")
    files = sorted(str(p) for p in folder.glob("*.json"))
    threads = os.cpu_count() or 1
    per_reader = -(-len(files) // threads)
    with tempfile.TemporaryDirectory() as work:
        reader = build_reader(pathlib.Path(work))
        return interleaved(electsec_bin, folder, files, threads, per_reader, reader)


def interleaved(electsec_bin, folder, files, threads, per_reader, reader):
    process, reading, floor = [], [], []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        subprocess.run([electsec_bin, "rollup", str(folder), "--format", "json"], check=True,
                       stdout=subprocess.DEVNULL)
        process.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        subprocess.run(["xargs", "-0", "-P", str(threads), "-n", str(per_reader), "cat"],
                       input="\0".join(files).encode(), check=True, stdout=subprocess.DEVNULL)
        reading.append((time.perf_counter() - t) * 1000)
        if reader:
            t = time.perf_counter()
            subprocess.run([reader, str(folder), str(threads)], check=True, stdout=subprocess.DEVNULL)
            floor.append((time.perf_counter() - t) * 1000)
    return process, reading, floor

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Cold starts against their yardsticks, each pair measured in the same run and interleaved
(one of each in turn), so that a noisy moment of the machine hits both:

- default_catalog() on first call in a fresh process, against parsing and validating the
  same catalog from its JSON text in a fresh process (what it did before issue #18);
- `electsec practices` as a whole process, against a bare process (`/bin/true`);
- `import electsec` + default_catalog() as a whole interpreter, against a bare interpreter;
- `electsec import-rst` of a guide as a whole process (JSON out), against docutils only
  parsing the same files in-process (docutils is given the favour of a warm interpreter,
  and of its best of three parses against the command's median). Seven rounds, each one
  docutils process and three runs of the command, so that a noisy moment hits both.

Prints a Markdown table: medians with the spread (min-max) of RUNS runs.

usage: /usr/bin/python3 scripts/bench_startup.py [RUNS]   (after scripts/bench built everything)
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 21
BIN = ROOT / "build" / "default" / "bin"
BENCH = ROOT / "build" / "bench" / "bin" / "electsec_bench"
GUIDE = ROOT.parent / "shared" / "reference" / "eges-1.4.1"
PYTHON = "/usr/bin/python3"
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "build" / "default" / "python"))


IN_PROCESS = """
import time
t = time.perf_counter()
import electsec
electsec.default_catalog()
print((time.perf_counter() - t) * 1000)
"""


def wall_ms(cmd, env=None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return (time.perf_counter() - start) * 1000


def printed_ms(cmd) -> float:
    return float(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def pair(a, b):
    """Both measurements RUNS times, interleaved."""
    xs, ys = [], []
    for _ in range(RUNS):
        xs.append(a())
        ys.append(b())
    return xs, ys


def fmt(xs, unit="ms", digits=2) -> str:
    return f"{statistics.median(xs):.{digits}f} {unit} ({min(xs):.{digits}f}-{max(xs):.{digits}f})"


def docutils_ms(rounds: int) -> float:
    """docutils parsing the files the importer reads, best of `rounds` parses in one process."""
    from bench_import import DOCUTILS, importer_files  # the same files the importer reads
    out = subprocess.run(["python3", "-c", DOCUTILS, json.dumps(importer_files(GUIDE)), str(rounds)], check=True,
                         capture_output=True, text=True).stdout
    return float(out) * 1000


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        catalog_json = pathlib.Path(tmp) / "catalog.json"
        catalog_json.write_text(subprocess.run([str(BIN / "electsec"), "catalog", "--format", "json"], check=True,
                                               capture_output=True, text=True).stdout, encoding="utf-8")
        first, json_route = pair(lambda: printed_ms([str(BENCH), "--cold"]),
                                 lambda: printed_ms([str(BENCH), "--cold-json", str(catalog_json)]))
    rows.append(("`default_catalog()` first call, fresh process", "≤ 0.5 ms", fmt(first),
                 f"parsing the same catalog's JSON: {fmt(json_route)}",
                 f"{statistics.median(json_route) / statistics.median(first):.1f}× faster"))

    cli, bare = pair(lambda: wall_ms([str(BIN / "electsec"), "practices"]), lambda: wall_ms(["/bin/true"]))
    over = [c - b for c, b in zip(cli, bare)]
    rows.append(("`electsec practices`, whole process", "≤ 2 ms over a bare process", fmt(cli),
                 f"`/bin/true`: {fmt(bare)}", f"{statistics.median(over):.2f} ms over"))

    py, bare_py = pair(lambda: wall_ms([PYTHON, "-c", "import electsec; electsec.default_catalog()"], ENV),
                       lambda: wall_ms([PYTHON, "-c", "pass"], ENV))
    over = [p - b for p, b in zip(py, bare_py)]
    # The same inside the interpreter: less noisy, and without the interpreter's teardown.
    inside = [float(subprocess.run([PYTHON, "-c", IN_PROCESS], capture_output=True, text=True, check=True,
                                   env=ENV).stdout) for _ in range(RUNS)]
    rows.append(("`import electsec` + `default_catalog()`", "≤ 5 ms over a bare interpreter",
                 f"whole interpreter {fmt(py)}; timed inside it {fmt(inside)}", f"`python3 -c pass`: {fmt(bare_py)}",
                 f"{statistics.median(over):.2f} ms over"))

    importer, docutils = [], []
    for _ in range(7):
        docutils.append(docutils_ms(3))
        importer += [wall_ms([str(BIN / "electsec"), "import-rst", str(GUIDE), "--format", "json", "-o", os.devnull])
                     for _ in range(3)]
    rows.append(("`electsec import-rst` of 1.4.1 (JSON out), whole process", "≥ 100× docutils", fmt(importer),
                 f"docutils parsing the same files in-process, best of 3 in each of 7 rounds: {fmt(docutils, digits=1)}",
                 f"{statistics.median(docutils) / statistics.median(importer):.0f}× (best against best: "
                 f"{min(docutils) / min(importer):.0f}×)"))

    print(f"{RUNS} runs each, interleaved with the yardstick; median (min-max)")
    print()
    print("| operation | budget | measured | yardstick, same run | ratio |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    main()

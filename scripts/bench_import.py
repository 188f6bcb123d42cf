#!/usr/bin/env python3
"""The RST importer against docutils on the same files, side by side.

electsec imports the whole guide (every .rst it reads, into a validated catalog); docutils
only parses each of the same files (the ones electsec reads) into a document tree (Sphinx roles and directives are
unknown to it, so it reports them; reports are silenced). Both run in-process, each best of
several rounds; the ratio is docutils time / electsec time. Also reports the peak memory of
`electsec import-rst` as a separate process.

usage: scripts/bench_import.py [GUIDE_DIR]   (default ../shared/reference/eges-1.4.1)
Needs docutils for the interpreter on PATH (`python3`) and the built package for
/usr/bin/python3.
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_GUIDE = ROOT.parent / "shared" / "reference" / "eges-1.4.1"
GUIDE = pathlib.Path(sys.argv[1]) if __name__ == "__main__" and len(sys.argv) > 1 else DEFAULT_GUIDE


def importer_files(guide: pathlib.Path) -> list:
    """The .rst files the importer reads, and only those: the practice pages and their index,
    the maturity pages, the Handbook appendix, the glossary and acronyms, and (since issue
    #19) the primer's pages but its overview, and the table of contents that lists them.
    tests/python/test_releases.py checks that the importer reads each of these and no other."""
    primer = [p for p in guide.glob("ei_primer/*.rst") if p.name != "election_infrastructure.rst"]
    return sorted(str(p) for p in [*guide.glob("bp/*.rst"), *guide.glob("maturity/*.rst"),
                                    guide / "appendices" / "handbook_bp_mapping.rst", guide / "glossary.rst",
                                    guide / "acronyms.rst", *primer, guide / "index.rst"]
                  if p.exists())


FILES = importer_files(GUIDE)
ROUNDS = 5

DOCUTILS = r"""
import json, sys, time
import docutils.core
files = json.loads(sys.argv[1])
texts = [open(f, encoding="utf-8").read() for f in files]
settings = {"report_level": 5, "halt_level": 5, "warning_stream": False}
best = None
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    for text in texts:
        docutils.core.publish_doctree(text, settings_overrides=settings)
    e = time.perf_counter() - t
    best = e if best is None else min(best, e)
print(best)
"""

ELECTSEC = r"""
import sys, time
import electsec
best = None
for _ in range(int(sys.argv[2]) * 20):
    t = time.perf_counter()
    r = electsec.import_eges_rst(sys.argv[1])
    e = time.perf_counter() - t
    best = e if best is None else min(best, e)
assert len(r.catalog.practices()) > 0
print(best)
"""


def main() -> None:
    docutils_s = float(subprocess.run(["python3", "-c", DOCUTILS, json.dumps(FILES), str(ROUNDS)],
                                      check=True, capture_output=True, text=True).stdout)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "build" / "default" / "python"))
    electsec_s = float(subprocess.run(["/usr/bin/python3", "-c", ELECTSEC, str(GUIDE), str(ROUNDS)],
                                      check=True, capture_output=True, text=True, env=env).stdout)
    peak = subprocess.run(["/usr/bin/time", "-f", "%M", str(ROOT / "build" / "default" / "bin" / "electsec"),
                           "import-rst", str(GUIDE), "-o", "/dev/null"],
                          capture_output=True, text=True)
    peak_kb = int(peak.stderr.strip().splitlines()[-1])
    print(f"files: {len(FILES)} .rst ({sum(os.path.getsize(f) for f in FILES) // 1024} KiB)")
    print(f"docutils parse only:   {docutils_s * 1000:9.1f} ms")
    print(f"electsec full import:  {electsec_s * 1000:9.2f} ms")
    print(f"ratio:                 {docutils_s / electsec_s:9.0f}x")
    print(f"electsec import-rst peak memory: {peak_kb / 1024:.1f} MiB")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The include graph follows the layers of DESIGN.md.

    core      types, catalog, errors, the assessment value, text helpers
    engines   maturity, plan, scorecard, search, diff, systems: pure functions, no I/O
    io        JSON, CSV, OSCAL, reports, the RST importer, files, tables, the default catalog,
              the history store (SQLite)
    front     the CLI, the Python bindings, the examples, the apps, the umbrella header

A file may include headers of its own layer or a lower one, never a higher one. Public
headers include only other public headers. Front ends include public headers (and the
files of their own folder), never anything from src/. Every source file must be placed in a
layer below, so a new file cannot slip past the check.

Usage: check_layers.py [ROOT]      check the tree at ROOT (default: this repository)
       check_layers.py --self-test  show that each rule catches a violation
"""

import pathlib
import re
import sys
import tempfile

ORDER = {"core": 0, "engine": 1, "io": 2, "front": 3}

PUBLIC = {
    "core": ["types", "catalog", "error", "limits", "version", "assessment", "text", "export"],
    "engine": ["maturity", "plan", "scorecard", "search", "diff", "systems"],
    "io": ["assessment_json", "catalog_json", "results_json", "oscal", "ciso_assistant", "report", "rst_import",
           "files", "table", "default_catalog", "rollup_files", "store"],
    "front": ["cli", "electsec"],
}

# Private files, by path pattern relative to the root (first match wins).
PRIVATE = [
    (r"src/engine/", "engine"),
    (r"src/io/", "io"),
    (r"src/store/", "io"),
    (r"src/default_catalog\.cpp$", "io"),
    (r"src/embedded_catalog\.hpp$", "io"),
    (r"src/gen/", "io"),
    (r"src/cli/", "front"),
    (r"src/[^/]+\.(cpp|hpp)$", "core"),
    (r"bindings/", "front"),
    (r"examples/", "front"),
    (r"apps/", "front"),
]

FRONT_DIRS = ("src/cli/", "bindings/", "examples/", "apps/")
SOURCE_DIRS = ("include", "src", "bindings", "examples", "apps")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def layer_of(rel):
    if rel.startswith("include/electsec/"):
        stem = pathlib.PurePosixPath(rel).stem
        for layer, stems in PUBLIC.items():
            if stem in stems:
                return layer
        return None
    for pattern, layer in PRIVATE:
        if re.match(pattern, rel):
            return layer
    return None


def resolve(root, including, kind, name):
    """The included file's path relative to root, or None for a system/third-party header."""
    if kind == "<":
        return "include/" + name if name.startswith("electsec/") else None
    here = (root / including).parent
    for base in (here, root / "src"):
        candidate = base / name
        if candidate.exists():
            return candidate.resolve().relative_to(root.resolve()).as_posix()
    return "src/" + name  # unresolved: treat as private, so front ends are still caught


def check(root):
    root = pathlib.Path(root)
    problems = []
    files = []
    for top in SOURCE_DIRS:
        if (root / top).is_dir():
            files += [p for p in (root / top).rglob("*") if p.suffix in (".hpp", ".cpp", ".h")]
    for path in sorted(files):
        rel = path.relative_to(root).as_posix()
        if "/generated/" in rel:
            continue
        mine = layer_of(rel)
        if mine is None:
            problems.append(f"{rel}: not placed in a layer (add it to tests/layers/check_layers.py)")
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in INCLUDE.finditer(text):
            kind, name = match.group(1), match.group(2)
            line = text.count("\n", 0, match.start()) + 1
            target = resolve(root, rel, kind, name)
            if target is None:
                continue
            where = f"{rel}:{line}: includes {kind}{name}{'>' if kind == '<' else chr(34)}"
            if rel.startswith("include/") and not target.startswith("include/"):
                problems.append(f"{where}: a public header includes only public headers")
                continue
            if rel.startswith(FRONT_DIRS) and target.startswith("src/"):
                own = str(pathlib.PurePosixPath(rel).parent) + "/"
                if not target.startswith(own) or own == "src/":
                    problems.append(f"{where}: a front end includes public headers only, nothing from src/")
                    continue
            theirs = layer_of(target)
            if theirs is None:
                continue  # reported where the file itself is checked
            if ORDER[theirs] > ORDER[mine]:
                problems.append(f"{where}: {mine} must not include {theirs}")
    return problems


def self_test():
    cases = {
        "engine includes io": ("src/engine/x.cpp", '#include <electsec/catalog_json.hpp>\n'),
        "engine includes private io": ("src/engine/x.cpp", '#include "io/json_codec.hpp"\n'),
        "core includes engine": ("src/x.cpp", '#include <electsec/plan.hpp>\n'),
        "public header includes src": ("include/electsec/types.hpp", '#include "text.hpp"\n'),
        "cli includes src": ("src/cli/x.cpp", '#include "io/json_codec.hpp"\n'),
        "bindings include src": ("bindings/python/x.cpp", '#include "text.hpp"\n'),
        "unplaced file": ("include/electsec/newthing.hpp", ""),
    }
    failures = 0
    for label, (rel, body) in cases.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            for needed in ("src/text.hpp", "src/io/json_codec.hpp", "include/electsec/catalog_json.hpp",
                           "include/electsec/plan.hpp", "include/electsec/types.hpp"):
                (root / needed).parent.mkdir(parents=True, exist_ok=True)
                (root / needed).write_text("")
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(body)
            found = check(root)
            if not found:
                print(f"self-test: '{label}' was not caught")
                failures += 1
    clean = pathlib.Path(tempfile.mkdtemp())
    (clean / "src/engine").mkdir(parents=True)
    (clean / "include/electsec").mkdir(parents=True)
    (clean / "include/electsec/catalog.hpp").write_text("")
    (clean / "src/engine/ok.cpp").write_text('#include <electsec/catalog.hpp>\n#include <vector>\n')
    if check(clean):
        print("self-test: a clean tree was reported:", check(clean))
        failures += 1
    print("self-test:", "ok" if failures == 0 else f"{failures} failure(s)")
    return 1 if failures else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(argv[1]) if len(argv) > 1 else pathlib.Path(__file__).resolve().parents[2]
    problems = check(root)
    for p in problems:
        print(p)
    print(f"layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

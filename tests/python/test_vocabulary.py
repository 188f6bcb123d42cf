"""docs/guide/vocabulary.md: every name its table gives exists where the table says."""

import csv
import importlib
import io
import json
import pathlib
import re

import pytest

import electsec

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "guide" / "vocabulary.md"
HEADERS = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "include" / "electsec").glob("*.hpp")))
ANSWERS = ROOT / "examples" / "data" / "sample-county-answers.json"


def rows():
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    start = lines.index("| concept | C++ | Python | CLI | JSON key | CSV column |")
    out = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == 6, line
        out.append((cells[0], *[re.findall(r"`([^`]+)`", c) for c in cells[1:]]))
    return out


ROWS = rows()


def cli(*args):
    code, out, err = electsec.run_cli(list(args))
    assert code == 0, (args, err)
    return out


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    path = tmp_path_factory.mktemp("vocabulary") / "county.json"
    cli("assess", "init", str(path), "--id", "us-xx-a", "--name", "A County", "--state", "XX", "--kind", "county",
        "--maturity", "1")
    cli("assess", "set", str(path), "asset_management.l1.1", "done", "--note", "listed")
    cli("assess", "systems", str(path), "--add", "pollbooks", "--connectedness", "indirect")
    return str(path)


@pytest.fixture(scope="module")
def store(record, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("vocabulary") / "state.db")
    cli("store", "init", path)
    cli("store", "import", path, record)
    return path


@pytest.fixture(scope="module")
def json_keys(record, store):
    documents = [
        json.loads(cli("catalog", "--format", "json")),
        json.loads(pathlib.Path(record).read_text()),
        json.loads(ANSWERS.read_text()),
        json.loads(cli("assess", "score", record, "--format", "json")),
        json.loads(cli("assess", "systems", record, "--format", "json")),
        json.loads(cli("plan", "--assessment", record, "--format", "json")),
        json.loads(cli("rollup", record, "--format", "json")),
        json.loads(cli("maturity", "--answers", str(ANSWERS), "--format", "json")),
        json.loads(cli("search", "backup", "--format", "json")),
        json.loads(cli("diff", "default", "default", "--format", "json")),
        json.loads(cli("store", "history", store, "us-xx-a", "--format", "json")),
        json.loads(cli("store", "trend", store, "--format", "json")),
        json.loads(cli("store", "compare", store, "us-xx-a", "--format", "json")),
    ]
    keys = set()

    def walk(value):
        if isinstance(value, dict):
            keys.update(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for d in documents:
        walk(d)
    return keys


def test_the_table_has_every_column_filled():
    assert len(ROWS) >= 25
    for concept, cpp, python, command, _, _ in ROWS:
        assert cpp and python and command, concept


@pytest.mark.parametrize("concept, names", [(r[0], r[1]) for r in ROWS])
def test_cpp_names_are_declared_in_the_public_headers(concept, names):
    for name in names:
        if "::" in name:  # a member: declared inside its class's definition
            owner, member = name.split("::")
            start = re.search(r"\b(?:class|struct) ELECTSEC_API " + re.escape(owner) + r"\b[^;]*?\{", HEADERS)
            assert start, f"{concept}: no class {owner}"
            body = HEADERS[start.end():HEADERS.index("\n};", start.end())]
            assert re.search(r"\b" + re.escape(member) + r"\s*\(", body), f"{concept}: {name}"
        else:
            assert re.search(r"\b" + re.escape(name) + r"\b", HEADERS), f"{concept}: {name}"


@pytest.mark.parametrize("concept, names", [(r[0], r[2]) for r in ROWS])
def test_python_names_exist(concept, names):
    for name in names:
        obj = electsec
        parts = name.split(".")
        if parts[0] in ("frames", "plots"):  # the optional modules, imported on their own
            obj, parts = importlib.import_module("electsec." + parts[0]), parts[1:]
        for part in parts:
            assert hasattr(obj, part), f"{concept}: electsec.{name}"
            obj = getattr(obj, part)


@pytest.mark.parametrize("concept, names", [(r[0], r[3]) for r in ROWS])
def test_commands_and_options_are_accepted(concept, names):
    for name in names:
        words = name.split()
        if words[0].startswith("--"):
            assert words[0] in cli("--help"), f"{concept}: {name}"
            continue
        help_text = cli(words[0], "--help")
        for word in words[1:]:
            assert word in help_text, f"{concept}: '{word}' is not in `electsec {words[0]} --help`"


@pytest.mark.parametrize("concept, keys", [(r[0], r[4]) for r in ROWS])
def test_json_keys_appear_in_what_electsec_writes(concept, keys, json_keys):
    for key in keys:
        assert key in json_keys, f"{concept}: {key}"


CSV_ARGS = {"plan": ["--maturity", "1"], "search": ["backup"]}


@pytest.mark.parametrize("concept, columns", [(r[0], r[5]) for r in ROWS])
def test_csv_columns_head_the_commands_csv(concept, columns, record, store):
    for spec in columns:
        command, column = spec.split(": ")
        words = command.split()
        extra = [record] if words[0] == "assess" else CSV_ARGS.get(words[0], [])
        if words[0] == "rollup":
            extra = [record]
        if words[0] == "store":
            extra = [store] + (["us-xx-a"] if words[1] in ("history", "compare") else [])
        text = cli(*words, *extra, "--format", "csv")
        header = next(csv.reader(io.StringIO(text)))
        assert column in header, f"{concept}: {spec} (header: {header})"


def test_the_older_names_still_work():
    assert cli("show", "backups") == cli("practice", "backups")
    assert electsec.scorecard is electsec.score

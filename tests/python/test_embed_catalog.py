"""The build tool that checks data/ and embeds it (src/gen/embed_catalog.cpp): a mistake
in data/ stops the build with the file, line and field; the same data gives the same bytes."""
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN_DIR = os.environ.get("ELECTSEC_EXAMPLES_DIR")
pytestmark = pytest.mark.skipif(BIN_DIR is None, reason="ctest sets ELECTSEC_EXAMPLES_DIR to the built programs")


def embed(data: pathlib.Path, output: pathlib.Path):
    files = sorted(str(p) for p in data.rglob("*.json"))
    tool = pathlib.Path(BIN_DIR) / "electsec_embed_catalog"
    return subprocess.run([str(tool), str(output), str(data), *files], capture_output=True, text=True)


@pytest.fixture()
def data(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    return copy


def edit(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}: update the case"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_same_data_gives_the_same_source_as_the_build(data, tmp_path):
    out = tmp_path / "embedded_catalog.cpp"
    run = embed(data, out)
    assert (run.returncode, run.stderr) == (0, "")
    built = pathlib.Path(BIN_DIR).parent / "src" / "embedded_catalog.cpp"
    assert out.read_bytes() == built.read_bytes()


@pytest.mark.parametrize("file, old, new, message", [
    ("practices/asset_management.json", '"order": 3', '"order": "third"',
     "data/practices/asset_management.json:4:12: field /order: expected an integer"),
    ("cis_controls_v8.json", '"security_function": "Identify"', '"security_function": "Guess"',
     "data/cis_controls_v8.json:"),
    ("glossary.json", "{", "{\n", None),  # harmless: still builds
    ("practices/backups.json", '"safeguards": [', '"safeguards": [{"id": "99.1"},',
     "data/: catalog is inconsistent (1 problem)\n  practice 'backups': maps to unknown safeguard '99.1'\n"),
    ("priorities.json", "{", '{"guide": {},', "data/priorities.json: field /guide: field is also defined"),
])
def test_a_mistake_in_data_stops_the_build_and_says_where(data, tmp_path, file, old, new, message):
    edit(data / file, old, new)
    out = tmp_path / "embedded_catalog.cpp"
    run = embed(data, out)
    if message is None:
        assert (run.returncode, run.stderr) == (0, "")
        return
    assert run.returncode == 1
    assert run.stderr.startswith(message), run.stderr
    assert not out.exists()


def test_usage_is_explained():
    run = subprocess.run([str(pathlib.Path(BIN_DIR) / "electsec_embed_catalog")], capture_output=True, text=True)
    assert run.returncode == 2 and run.stderr.startswith("usage: electsec_embed_catalog")

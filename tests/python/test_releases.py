"""Importing the guide's sources, diffing releases, migrating assessments."""
import pathlib

import pytest

import electsec

REFERENCE = pathlib.Path(__file__).resolve().parents[3] / "shared" / "reference" / "eges-1.4.1"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the shared 1.4.1 sources are not there")
def test_import_the_guide_and_diff_it(cat):
    result = electsec.import_eges_rst(str(REFERENCE))
    imported = result.catalog
    assert [p.id for p in imported.practices()] == [p.id for p in cat.practices()]
    assert any("listed twice" in w.message and w.kind == "duplicate" for w in result.warnings)
    d = electsec.diff(cat, imported)
    assert d.added == [] and d.removed == []
    assert all(not c.actions_added and not c.actions_removed for c in d.changed)
    assert all(not c.safeguards_added and not c.safeguards_removed for c in d.changed)
    # The embedded catalog words the guide its own way: wording differs, facts do not.
    assert d.same_facts() and not any(c.facts_changed() for c in d.changed)
    assert all(not c.actions_changed for c in d.changed)
    reworded = [ch for c in d.changed for ch in c.changes if ch.field == "text"]
    assert reworded and all(ch.nature == "wording" and ch.old_value and ch.new_value for ch in reworded)
    assert d.to_dict()["same_facts"] is True
    assert not electsec.diff(cat, cat)
    other = electsec.import_eges_rst(str(REFERENCE), substitutions={"eiisac_email": "x@example.org"})
    assert "x@example.org" in other.catalog.action("join_ei_isac.all.1").text
    p = electsec.import_practice_rst(str(REFERENCE / "bp" / "mdbr.rst"))
    assert p.id == "mdbr" and p.title == "Malicious Domain Blocking and Reporting"


def test_diff_to_dict_and_migrate(cat, tmp_path):
    import json
    from conftest import document_without_mdbr
    smaller = electsec.parse_catalog(json.dumps(document_without_mdbr(cat)))
    d = electsec.diff(cat, smaller)
    assert d.removed == ["mdbr"] and d.to_dict()["removed"] == ["mdbr"]
    a = electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 1)
    a.set("mdbr.all.1", "done")
    a.set("backups.l1.1", "done")
    m = electsec.migrate(a, smaller)
    assert (m.kept, m.retired) == (["backups.l1.1"], ["mdbr.all.1"])
    assert m.assessment.retired["mdbr.all.1"].status == "done"
    path = tmp_path / "x.json"
    m.assessment.save(str(path))
    assert electsec.Assessment.load(str(path), smaller).retired == m.assessment.retired
    import pickle
    assert pickle.loads(pickle.dumps(m.assessment)) == m.assessment


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the shared 1.4.1 sources are not there")
def test_cli_import_summary_and_diff_of_facts(tmp_path):
    out = tmp_path / "eges.json"
    code, stdout, stderr = electsec.run_cli(["import-rst", str(REFERENCE), "-o", str(out)])
    assert code == 0 and stdout.startswith(f"wrote {out}: 30 practices of guide 1.4.1")
    lines = stderr.splitlines()
    assert lines[-2].endswith("(guide 1.4.1): 30 practices, 159 actions, 78 goals, 113 Safeguard mappings, "
                              "88 Handbook practices, 20 maturity statements, 10 worksheets, "
                              "5 election priorities, 20 CDM ranks, 21 glossary terms, 47 acronyms, "
                              "6 system components, 11 system risks")
    assert lines[-1] == "electsec: 4 warnings: 1 duplicate, 3 inferred"
    assert all(line.endswith(("[duplicate]", "[inferred]")) for line in lines[:-2])
    code, stdout, stderr = electsec.run_cli(["diff", "default", str(REFERENCE)])
    assert code == 0
    assert "Facts: no differences" in stdout and "159 actions" in stdout
    assert "actions changed" not in stdout


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the shared 1.4.1 sources are not there")
def test_the_benchmark_yardstick_parses_exactly_the_pages_the_importer_reads(tmp_path):
    # scripts/bench_import.py times docutils on importer_files(): the pages the importer
    # reads. A page it reads, made unreadable, changes the import (a warning names it); a
    # page it does not read changes nothing.
    import shutil
    import sys

    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts"))
    from bench_import import importer_files

    def outcome(guide):
        r = electsec.import_eges_rst(str(guide))
        return r.catalog.to_json(), [(w.file, w.line, w.message) for w in r.warnings]

    guide = tmp_path / "eges-1.4.1"
    shutil.copytree(REFERENCE, guide)
    listed = {pathlib.Path(f).relative_to(REFERENCE) for f in importer_files(REFERENCE)}
    pages = {p.relative_to(guide) for p in guide.rglob("*.rst")}
    assert listed <= pages and len(listed) > 40
    baseline = outcome(guide)
    not_listed = sorted(pages - listed)
    for page in not_listed:
        (guide / page).write_bytes(b"\xff\xfe not text\n")
    assert outcome(guide) == baseline, "the importer reads a page the yardstick leaves out"
    for page in sorted(listed):
        original = (guide / page).read_bytes()
        (guide / page).write_bytes(b"\xff\xfe not text\n")
        try:
            catalog, warnings = outcome(guide)
        except electsec.Error:  # a page without which there is no catalog
            continue
        finally:
            (guide / page).write_bytes(original)
        assert any(str(page) in w[0] for w in warnings), f"{page} is listed but the import does not read it"

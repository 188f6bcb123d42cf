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
    assert any("listed twice" in w.message for w in result.warnings)
    d = electsec.diff(cat, imported)
    assert d.added == [] and d.removed == []
    assert all(not c.actions_added and not c.actions_removed for c in d.changed)
    assert all(not c.safeguards_added and not c.safeguards_removed for c in d.changed)
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

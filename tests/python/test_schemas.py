"""The JSON Schemas in docs/schema against what electsec reads and writes.

Every document the loaders accept must validate (the embedded catalog, an imported guide,
the fixtures, what the library writes), and each structural mistake in the tables below
must be refused by the schema *and* by the loader, so the two cannot drift apart.
"""
import copy
import json
import pathlib

import jsonschema
import pytest

import electsec

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schema"
FIXTURES = ROOT / "tests" / "fuzz"
REFERENCE = ROOT.parent / "shared" / "reference" / "eges-1.4.1"


def _load(name):
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


ALL = {name: _load(name) for name in ("catalog.schema.json", "assessment.schema.json", "answers.schema.json")}


def validator(name):
    schema = ALL[name]
    store = {s["$id"]: s for s in ALL.values()}
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def errors(name, doc):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(doc)]


def test_every_schema_is_a_valid_2020_12_schema():
    for name, schema in ALL.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", name


def test_the_schema_strings_are_the_libraries():
    assert ALL["catalog.schema.json"]["properties"]["schema"]["const"] == "electsec.catalog/1"
    assert ALL["assessment.schema.json"]["properties"]["schema"]["const"] == "electsec.assessment/1"


# ---- documents the library accepts validate ------------------------------------------

def test_the_embedded_catalog_validates(cat):
    doc = json.loads(cat.to_json())
    assert errors("catalog.schema.json", doc) == []
    assert len(doc["practices"]) == 30 and len(doc["safeguards"]) == 153


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the shared 1.4.1 sources are not there")
def test_a_catalog_imported_from_the_guide_validates():
    doc = json.loads(electsec.import_eges_rst(str(REFERENCE)).catalog.to_json())
    assert errors("catalog.schema.json", doc) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "seeds" / "catalog").glob("*.json")), ids=lambda p: p.name)
def test_catalog_fixtures_validate_and_load(path):
    text = path.read_text(encoding="utf-8")
    electsec.parse_catalog(text, str(path))
    assert errors("catalog.schema.json", json.loads(text)) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "seeds" / "assessment").glob("*.json")), ids=lambda p: p.name)
def test_assessment_fixtures_validate_and_load(cat, path):
    text = path.read_text(encoding="utf-8")
    electsec.parse_assessment(text, cat, str(path))
    assert errors("assessment.schema.json", json.loads(text)) == []


ANSWERS_FIXTURES = sorted((FIXTURES / "seeds" / "answers").glob("*.json")) + [
    ROOT / "examples" / "data" / "sample-county-answers.json"]


@pytest.mark.parametrize("path", ANSWERS_FIXTURES, ids=lambda p: p.name)
def test_answers_fixtures_validate_and_load(cat, path):
    text = path.read_text(encoding="utf-8")
    electsec.parse_answers(text, cat, str(path))
    assert errors("answers.schema.json", json.loads(text)) == []


def written_assessment(cat):
    """An assessment as the library writes it, with every optional section filled."""
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-t", "Test County", "XX", "municipality"), 3)
    a.answers = {"l1.1": True, "l2.1": False}
    a.set("backups.l1.1", "done", note="weekly", updated="2026-11-22", catalog=cat)
    a.set("mdbr.all.1", "not_applicable", catalog=cat)
    a.set("user_management.l1.user-recommendations.1", "in_progress", catalog=cat)
    return a


def test_what_the_library_writes_validates(cat, tmp_path):
    a = written_assessment(cat)
    path = tmp_path / "office.json"
    a.save(str(path))
    assert errors("assessment.schema.json", json.loads(path.read_text(encoding="utf-8"))) == []
    assert errors("assessment.schema.json", json.loads(a.to_json())) == []


def test_a_migrated_assessment_with_retired_sections_validates(cat):
    from conftest import document_without_mdbr
    doc = document_without_mdbr(cat)
    doc["maturity_statements"] = [s for s in doc["maturity_statements"] if s["id"] != "l2.1"]
    smaller = electsec.parse_catalog(json.dumps(doc))
    migrated = electsec.migrate(written_assessment(cat), smaller).assessment
    out = json.loads(migrated.to_json())
    assert set(out["retired"]) == {"mdbr.all.1"} and out["retired_answers"] == {"l2.1": False}
    assert errors("assessment.schema.json", out) == []


# ---- structural mistakes: the schema and the loader both refuse them ------------------

def _parent(doc, path):
    for key in path[:-1]:
        doc = doc[key]
    return doc


def _set(path, value):
    def change(doc):
        _parent(doc, path)[path[-1]] = value
    return change


def _drop(path):
    def change(doc):
        del _parent(doc, path)[path[-1]]
    return change


CATALOG_MISTAKES = {
    "no schema string": _drop(["schema"]),
    "another schema string": _set(["schema"], "electsec.catalog/2"),
    "no guide": _drop(["guide"]),
    "an unknown top-level field": _set(["extra"], 1),
    "an unknown practice field": _set(["practices", 0, "colour"], "red"),
    "two scopes instead of three": _set(["practices", 0, "scopes"], ["priority", "in_scope"]),
    "an unknown scope": _set(["practices", 0, "scopes", 1], "optional"),
    "an order that is text": _set(["practices", 0, "order"], "1"),
    "an order of zero": _set(["practices", 0, "order"], 0),
    "an order that is a fraction": _set(["practices", 0, "order"], 1.5),
    "an order beyond the integer range": _set(["practices", 0, "order"], 10 ** 12),
    "a goal tagged Level 4": _set(["practices", 0, "goals", 0, "maturity"], 4),
    "an action without levels": _drop(["practices", 0, "actions", 0, "levels"]),
    "an action at Level 0": _set(["practices", 0, "actions", 0, "levels"], [0]),
    "an action group that is a number": _set(["practices", 0, "actions", 0, "group"], 7),
    "an action id with an unknown block": _set(["practices", 0, "actions", 0, "id"], "p.l4.g.1"),
    "a mapping to a Safeguard id that is no id": _set(["practices", 0, "safeguards", 0, "id"], "one"),
    "a Safeguard asset type in lower case": _set(["safeguards", 0, "asset_type"], "devices"),
    "an unknown security function": _set(["safeguards", 0, "security_function"], "Prevent"),
    "Implementation Group 4": _set(["safeguards", 0, "implementation_groups"], [1, 2, 4]),
    "a Safeguard without a title": _drop(["safeguards", 0, "title"]),
    "a Control numbered 0": _set(["controls", 0, "id"], 0),
    "a worksheet in an unknown group": _set(["priorities", "level1_baseline", 0, "group"], "paperwork"),
    "a statement id of another shape": _set(["maturity_statements"], [{"id": "s1", "level": 1, "text": "t"}]),
    "a glossary entry without a definition": _set(["glossary", 0, "definition"], ""),
    "guidance as a list": _set(["guidance"], []),
    "a recommendation without text": _drop(["guidance", "recommendations", 0, "text"]),
}


@pytest.fixture(scope="module")
def minimal_catalog():
    return json.loads((FIXTURES / "seeds" / "catalog" / "minimal.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("mistake", CATALOG_MISTAKES)
def test_catalog_mistakes_are_refused_by_schema_and_loader(minimal_catalog, mistake):
    doc = copy.deepcopy(minimal_catalog)
    CATALOG_MISTAKES[mistake](doc)
    assert errors("catalog.schema.json", doc), f"the schema accepts {mistake}"
    with pytest.raises(electsec.Error):
        electsec.parse_catalog(json.dumps(doc))


ASSESSMENT_MISTAKES = {
    "another schema string": _set(["schema"], "electsec.assessment/2"),
    "no jurisdiction": _drop(["jurisdiction"]),
    "an empty jurisdiction id": _set(["jurisdiction", "id"], ""),
    "a jurisdiction kind the format lacks": _set(["jurisdiction", "kind"], "city"),
    "an unknown jurisdiction field": _set(["jurisdiction", "fips"], "42043"),
    "no catalog version": _drop(["catalog_version"]),
    "maturity 4": _set(["maturity"], 4),
    "maturity as text": _set(["maturity"], "2"),
    "an answer that is text": _set(["answers", "l1.1"], "yes"),
    "an unknown status": _set(["statuses", "backups.l1.1", "status"], "finished"),
    "a status without status": _drop(["statuses", "backups.l1.1", "status"]),
    "a note that is a number": _set(["statuses", "backups.l1.1", "note"], 3),
    "an unknown field in a status": _set(["statuses", "backups.l1.1", "owner"], "Pat"),
    "statuses as a list": _set(["statuses"], []),
    "a retired answer that is null": _set(["retired_answers", "l4.1"], None),
    "an unknown top-level field": _set(["comment"], "hello"),
}


@pytest.fixture(scope="module")
def office():
    return json.loads((FIXTURES / "seeds" / "assessment" / "office.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("mistake", ASSESSMENT_MISTAKES)
def test_assessment_mistakes_are_refused_by_schema_and_loader(cat, office, mistake):
    doc = copy.deepcopy(office)
    ASSESSMENT_MISTAKES[mistake](doc)
    assert errors("assessment.schema.json", doc), f"the schema accepts {mistake}"
    with pytest.raises(electsec.Error):
        electsec.parse_assessment(json.dumps(doc), cat)


ANSWERS_MISTAKES = {
    "no answers": lambda doc: doc.clear(),
    "answers as a list": _set(["answers"], [True]),
    "an answer that is a number": _set(["answers", "l1.1"], 1),
    "an unknown field": _set(["maturity"], 2),
}


@pytest.mark.parametrize("mistake", ANSWERS_MISTAKES)
def test_answers_mistakes_are_refused_by_schema_and_loader(cat, mistake):
    doc = {"answers": {"l1.1": True, "l2.1": None}}
    ANSWERS_MISTAKES[mistake](doc)
    assert errors("answers.schema.json", doc), f"the schema accepts {mistake}"
    with pytest.raises(electsec.Error):
        electsec.parse_answers(json.dumps(doc), cat)


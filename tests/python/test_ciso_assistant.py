"""CISO Assistant libraries: they parse as YAML (PyYAML, which CISO Assistant's loader
uses), hold what its loader requires (tests/data/ciso_assistant/, derived from its code),
and carry the guide's facts: every practice and action, the levels as implementation
groups, the 20 maturity statements, the Safeguards and the mapping."""
import json
import pathlib

import pytest

import electsec

yaml = pytest.importorskip("yaml")
jsonschema = pytest.importorskip("jsonschema")
DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "ciso_assistant"


def check(kind, text):
    doc = yaml.safe_load(text)
    schema = json.loads((DATA / f"{kind}.schema.json").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return doc


@pytest.fixture(scope="module")
def library():
    return check("library", electsec.to_ciso_assistant_library(electsec.default_catalog()))


def test_the_library_holds_what_the_loader_needs_beyond_its_schema(library):
    framework = library["objects"]["framework"]
    nodes = framework["requirement_nodes"]
    urns = [n["urn"] for n in nodes] + [c["urn"] for c in library["objects"]["reference_controls"]]
    assert len(urns) == len(set(urns)), "every URN once"
    assert all(u == u.lower() for u in urns), "URNs in lower case, as the loader keeps them"
    groups = {g["ref_id"] for g in framework["implementation_groups_definition"]}
    assert groups == {"L1", "L2", "L3"}
    controls = {c["urn"] for c in library["objects"]["reference_controls"]}
    seen = {}
    for node in nodes:
        if "parent_urn" in node:  # a parent comes before its children, one level up
            assert seen[node["parent_urn"]] == node["depth"] - 1
        else:
            assert node["depth"] == 1
        seen[node["urn"]] = node["depth"]
        assert set(node["implementation_groups"]) <= groups
        assert set(node.get("reference_controls", [])) <= controls
        for urn, question in node.get("questions", {}).items():
            assert urn.startswith(node["urn"] + ":question:")
            for choice in question["choices"]:
                assert choice["urn"].startswith(urn + ":choice:")
                assert set(choice.get("select_implementation_groups", [])) <= groups


def test_the_library_carries_the_guide(library, cat):
    nodes = {n["ref_id"]: n for n in library["objects"]["framework"]["requirement_nodes"]}
    for practice in cat.practices():
        node = nodes[practice.id]
        assert node["name"] == practice.title and node["assessable"] is False
        in_scope = [f"L{m}" for m in (1, 2, 3) if practice.scope_at(m) != "out_of_scope"]
        assert node["implementation_groups"] == in_scope
        mapped = [m.safeguard.id for m in cat.safeguards_of_practice(practice.id)]
        assert [u.rsplit(":", 1)[1] for u in node.get("reference_controls", [])] == mapped
        for action in practice.actions:
            child = nodes[action.id]
            assert child["assessable"] is True and child["parent_urn"] == node["urn"]
            assert child["description"] == action.text
            applies = [f"L{m}" for m in (1, 2, 3) if action.id in {a.id for a in cat.applicable_actions(practice.id, m)}]
            assert child["implementation_groups"] == applies
    # The statements: a question each, whose yes selects its level.
    questions = {}
    for level in (1, 2, 3):
        for q in nodes[f"maturity.level-{level}"]["questions"].values():
            questions[q["text"]] = q
            assert q["choices"][0]["select_implementation_groups"] == [f"L{level}"]
    assert set(questions) == {s.text for s in cat.maturity_statements()}
    # Each Safeguard some practice maps to, with its CSF function as CIS gives it.
    controls = {c["ref_id"]: c for c in library["objects"]["reference_controls"]}
    mapped = {m.safeguard.id for p in cat.practices() for m in cat.safeguards_of_practice(p.id)}
    assert set(controls) == mapped
    for sid, control in controls.items():
        s = cat.safeguard(sid)
        assert control["name"] == s.title and control["csf_function"] == s.security_function.lower()


def test_the_mapping_points_at_cisos_own_cis_controls_library(cat):
    doc = check("mapping", electsec.to_ciso_assistant_mapping(cat))
    assert "urn:intuitem:risk:library:cis-controls-v8" in doc["dependencies"]
    mapping_set = doc["objects"]["requirement_mapping_sets"][0]
    assert mapping_set["target_framework_urn"] == "urn:intuitem:risk:framework:cis-controls-v8"
    pairs = [(m["source_requirement_urn"].rsplit(":", 1)[1], m["target_requirement_urn"].rsplit(":", 1)[1])
             for m in mapping_set["requirement_mappings"]]
    assert pairs == [(p.id, m.safeguard.id) for p in cat.practices() for m in cat.safeguards_of_practice(p.id)]
    assert all(m["target_requirement_urn"].startswith("urn:intuitem:risk:req_node:cis-controls-v8:")
               for m in mapping_set["requirement_mappings"])
    other = yaml.safe_load(electsec.to_ciso_assistant_mapping(cat, cis_packager="county-it"))
    assert other["objects"]["requirement_mapping_sets"][0]["target_framework_urn"] == \
        "urn:county-it:risk:framework:cis-controls-v8"
    with pytest.raises(electsec.Error, match="packager"):
        electsec.to_ciso_assistant_mapping(cat, cis_packager="County IT")


HOSTILE = ['quote " and \\ backslash', "colon: space # hash", "- dash first", "yes", "null", "2026-01-01",
           "line\nbreak", "tab\there", "next line\u0085here", "line\u2028separator", "\ufeffbom", "emoji \U0001F600",
           "{flow}", "[list]", "&anchor *alias !tag", "'single'", "%percent @at `tick`", " padded "]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_of_a_catalog_comes_back_as_it_was(cat, text):
    doc = json.loads(cat.to_json())
    doc["practices"][0]["title"] = text
    doc["practices"][0]["actions"][0]["text"] = text
    hostile = electsec.parse_catalog(json.dumps(doc))
    library = yaml.safe_load(electsec.to_ciso_assistant_library(hostile))
    nodes = library["objects"]["framework"]["requirement_nodes"]
    assert nodes[0]["name"] == text
    assert nodes[1]["description"] == text


def test_from_the_command_line(tmp_path, cat):
    code, out, err = electsec.run_cli(["export", "--format", "ciso-assistant"])
    assert code == 0, err
    assert out == electsec.to_ciso_assistant_library(cat)
    target = tmp_path / "mapping.yaml"
    code, out, err = electsec.run_cli(["export", "--format", "ciso-assistant-mapping", "--cis-packager", "acme",
                                       "-o", str(target)])
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == electsec.to_ciso_assistant_mapping(cat, cis_packager="acme")
    code, _, err = electsec.run_cli(["export", "--format", "ciso-assistant", "--cis-packager", "acme"])
    assert code == 2 and "--format ciso-assistant takes no --cis-packager" in err
    code, _, err = electsec.run_cli(["export", "--format", "ciso-assistant", "--assessment", "x.json"])
    assert code == 2 and "takes no --assessment" in err
    for bad in ["-a", "a-", "A", "a:b", "x" * 33, ""]:
        with pytest.raises(electsec.Error, match="packager"):
            electsec.to_ciso_assistant_mapping(cat, cis_packager=bad)

"""CISO Assistant libraries: they parse as YAML (PyYAML, which CISO Assistant's loader
uses), hold what its loader requires (tests/data/ciso_assistant/, derived from its code),
and carry the guide's facts: every practice and action, the levels as implementation
groups, the 20 maturity statements, the Safeguards and the mapping. An audit of the framework,
exported from CISO Assistant as its audit CSV, comes back into an office's record."""
import csv
import io
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


# ---- audits read back ----
# CISO Assistant's audit CSV export (backend/core/views.py, ComplianceAssessmentViewSet.
# compliance_assessment_csv; tests/data/ciso_assistant/README.md): Python's csv module with
# ';', a header, then per requirement node its ref_id and text, and for an assessable node
# its result, progress, score and observation too. The fixtures below are written the same way.

AUDIT_HEADER = ["ref_id", "description", "compliance_result", "progress", "score", "observations"]


def audit_csv(library, edits=None):
    """An audit of the exported framework as CISO Assistant would export it: every
    assessable node not assessed and to do, except the (result, progress, observation) in edits."""
    edits = edits or {}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(AUDIT_HEADER)
    for node in library["objects"]["framework"]["requirement_nodes"]:
        row = [node["ref_id"], node.get("description") or node.get("name")]
        if node["assessable"]:
            result, progress, observation = edits.get(node["ref_id"], ("not_assessed", "to_do", None))
            row += [result, progress, None, observation]
        writer.writerow(row)
    return out.getvalue()


@pytest.fixture
def audited_office(tmp_path):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-r", "R County", "XX"), 1)
    a.set("backups.l1.1", "in_progress", note="tapes", updated="2026-01-05")
    a.set("backups.l1.2", "done", updated="2026-01-06")
    a.set("asset_management.l1.1", "done", note="inventory", updated="2026-01-07")
    path = tmp_path / "r.json"
    a.save(str(path))
    return path


def import_audit(office, text, tmp_path, *more):
    audit = tmp_path / "audit.csv"
    audit.write_text(text, encoding="utf-8", newline="")
    return electsec.run_cli(["assess", "import-ciso-assistant", str(office), str(audit), *more])


def test_an_audit_edited_in_ciso_assistant_comes_back_and_nothing_else_changes(library, audited_office, tmp_path, cat):
    before = electsec.Assessment.load(str(audited_office), cat)
    text = audit_csv(library, {
        "backups.l1.1": ("compliant", "done", "restored from tape; tested \"monthly\"\nin May"),
        "backups.l1.2": ("partially_compliant", "in_review", None),
        "network_segmentation.all.1": ("not_applicable", "done", "no network"),
        "asset_management.l1.1": ("non_compliant", "done", None),
        "asset_management.l1.2": ("not_assessed", "in_progress", "ask IT"),  # no result, no status: left alone
        "maturity.level-1": ("compliant", "done", None),  # not read back: reported
    })
    code, out, err = import_audit(audited_office, text, tmp_path, "--date", "2026-03-02")
    assert code == 0, err
    assert "4 actions changed" in out and "0 as they were" in out
    assert "backups.l1.1: in_progress -> done, and its note" in out
    assert "backups.l1.2: done -> in_progress" in out
    assert "network_segmentation.all.1: not_applicable, with a note" in out
    assert "asset_management.l1.1: done -> not_started" in out
    assert "asset_management.l1.2: an observation without a result" in out
    assert "maturity.level-1: maturity statements are not read back" in out
    after = electsec.Assessment.load(str(audited_office), cat)
    assert after.statuses["backups.l1.1"].status == "done"
    assert after.statuses["backups.l1.1"].note == "restored from tape; tested \"monthly\"\nin May"
    assert after.statuses["backups.l1.1"].updated == "2026-03-02"
    assert after.statuses["backups.l1.2"].status == "in_progress" and after.statuses["backups.l1.2"].note == ""
    assert after.statuses["asset_management.l1.1"].note == "inventory"  # an empty observation keeps the note
    assert "asset_management.l1.2" not in after.statuses
    assert set(after.statuses) == set(before.statuses) | {"network_segmentation.all.1"}
    # The same audit again finds nothing to change.
    code, out, _ = electsec.run_cli(["assess", "import-ciso-assistant", str(audited_office), str(tmp_path / "audit.csv")])
    assert code == 0 and "0 actions changed" in out


def test_python_applies_an_audit_without_writing(library, cat):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-p", "P", "XX"), 1)
    a.set("backups.l1.1", "in_progress", note="offsite", updated="2026-01-01")
    text = audit_csv(library, {"backups.l1.1": ("Non-compliant", "In progress", None),
                               "backups.l1.2": ("Compliant", "Done", "checked")})
    read = electsec.import_ciso_assistant_audit(text, cat, a, "audit.csv", "2026-03-02")
    assert [(r.action, r.status, r.note) for r in read.statuses] == [
        ("backups.l1.1", "in_progress", None), ("backups.l1.2", "done", "checked")]
    assert read.changed == ["backups.l1.2: done, with a note"]
    assert read.assessment.statuses["backups.l1.2"].updated == "2026-03-02"
    assert "backups.l1.2" not in a.statuses  # the given record is not changed
    assert read.not_assessed == len(cat.actions()) - 2 and not read.unmatched
    assert repr(read).startswith("CisoAssistantImport(2 statuses, 1 changed, 0 unmatched, ")
    with pytest.raises(electsec.ParseError, match=r"audit\.csv:1: expected the header row of a CISO Assistant"):
        electsec.import_ciso_assistant_audit("id,status\nbackups.l1.1,done\n", cat, a, "audit.csv")


@pytest.mark.parametrize("edit, says", [
    (lambda t: t.replace("compliant_placeholder", "finished"),
     "audit.csv:{line}: field compliance_result: unknown result 'finished' (expected not_assessed, compliant, "
     "partially_compliant, non_compliant or not_applicable)"),
    (lambda t: t.replace("compliant_placeholder;done", "compliant;ongoing"),
     "audit.csv:{line}: field progress: unknown progress 'ongoing' (expected to_do, in_progress, in_review or done)"),
    (lambda t: t + "backups.l1.1;again;compliant;done;;\r\n", "field ref_id: backups.l1.1 is on line {line} already; an action may appear once"),
    (lambda t: t.replace(";compliant_placeholder;done;;", ";compliant;done;;;x"), "expected at most 6 fields"),
    (lambda t: t.replace("ref_id;", "id;", 1), "audit.csv:1: expected the header row of a CISO Assistant audit"),
    (lambda t: "ref_id;compliance_result\r\nA.5.1;compliant\r\n", "audit.csv:2: no row names a node of the guide's framework"),
])
def test_a_bad_audit_is_refused_with_its_place_and_changes_nothing(library, audited_office, tmp_path, edit, says):
    before = audited_office.read_bytes()
    text = audit_csv(library, {"backups.l1.1": ("compliant_placeholder", "done", None),
                               "backups.l1.2": ("non_compliant", "done", None)})  # a change, refused with the rest
    line = text[:text.index("\r\nbackups.l1.1;") + 2].count("\n") + 1
    code, out, err = import_audit(audited_office, edit(text).replace("compliant_placeholder", "compliant"), tmp_path)
    assert code == 1, (out, err)
    assert says.format(line=line) in err and err.count("\n") == 1 and not out
    assert audited_office.read_bytes() == before

"""OSCAL exports validate against the OSCAL 1.0.6 schemas and are deterministic."""
import json
import pathlib
import uuid

import pytest

import electsec

jsonschema = pytest.importorskip("jsonschema")
SCHEMAS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "reference" / "oscal"


def validator(name):
    path = SCHEMAS / f"oscal_{name}_schema.json"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    text = path.read_text(encoding="utf-8")
    # Python's re has no \p{..} classes; the token pattern means letters, digits, '_'.
    text = text.replace("\\\\p{L}", "[^\\\\W\\\\d]").replace("\\\\p{N}", "\\\\d")
    schema = json.loads(text)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def export(*args):
    code, out, err = electsec.run_cli(["export", *args])
    assert code == 0, err
    return out


def assert_valid(name, text):
    errors = sorted(validator(name).iter_errors(json.loads(text)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_catalog_validates_and_carries_the_guide():
    text = export("--format", "oscal-catalog")
    assert_valid("catalog", text)
    doc = json.loads(text)["catalog"]
    groups = {g["id"]: g for g in doc["groups"]}
    assert [c["id"] for c in groups["level1-priority"]["controls"]][:2] == ["physical_threats", "join_ei_isac"]
    controls = [c for g in doc["groups"] for c in g["controls"]]
    assert len(controls) == 30
    um = next(c for c in controls if c["id"] == "user_management")
    assert {"href": "#cisc-6.5", "rel": "related"}.items() <= next(
        link for link in um["links"] if link["href"] == "#cisc-6.5").items()
    actions = next(p for p in um["parts"] if p["name"] == "guidance")["parts"]
    assert len(actions) == 19 and actions[0]["id"] == "user_management.l1.user-recommendations.1"


@pytest.mark.parametrize("level, count, priority", [(1, 27, 10), (2, 28, 13), (3, 30, 13)])
def test_profile_validates_and_selects_what_applies(level, count, priority):
    text = export("--format", "oscal-profile", "--maturity", str(level))
    assert_valid("profile", text)
    doc = json.loads(text)["profile"]
    assert len(doc["imports"][0]["include-controls"][0]["with-ids"]) == count
    assert len(doc["modify"]["alters"]) == priority


def test_assessment_results_validate(tmp_path, cat):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-a", 'A "County" <b>&', "XX"), 1)
    a.set("backups.l1.1", "done", note="weekly, offsite", updated="2026-02-01T10:00:00Z")
    a.set("backups.l1.2", "done")
    path = tmp_path / "a.json"
    a.save(str(path))
    text = export("--format", "oscal-assessment-results", "--assessment", str(path), "--timestamp", "2026-03-04T05:06:07Z")
    assert_valid("assessment-results", text)
    result = json.loads(text)["assessment-results"]["results"][0]
    assert result["start"] == "2026-03-04T05:06:07Z"
    backups = next(f for f in result["findings"] if f["target"]["target-id"] == "backups")
    assert backups["target"]["status"]["state"] == "satisfied"
    noted = next(o for o in result["observations"] if o["title"] == "backups.l1.1")
    assert noted["remarks"] == "weekly, offsite"
    assert noted["description"] == cat.action("backups.l1.1").text
    assert "remarks" not in next(o for o in result["observations"] if o["title"] == "backups.l1.2")
    assert {r["observation-uuid"] for r in backups["related-observations"]} == {
        o["uuid"] for o in result["observations"]}
    assert {"name": "office", "ns": "https://electsec.invalid/ns/oscal", "value": "us-xx-a"} in result["props"]


def test_same_input_same_bytes_and_real_v5_uuids(tmp_path):
    assert export("--format", "oscal-catalog") == export("--format", "oscal-catalog")
    assert export("--format", "oscal-catalog", "--timestamp", "2030-01-01T00:00:00Z") != export("--format", "oscal-catalog")
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "electsec")
    doc = json.loads(export("--format", "oscal-catalog"))
    assert doc["catalog"]["uuid"] == str(uuid.uuid5(namespace, "catalog/1.4.1"))
    code, _, err = electsec.run_cli(["export", "--format", "oscal-profile"])
    assert code == 2 and "needs --maturity" in err
    out = tmp_path / "c.json"
    assert export("--format", "oscal-catalog", "-o", str(out)).startswith("wrote ")
    assert json.loads(out.read_text())["catalog"]["uuid"] == doc["catalog"]["uuid"]


def test_python_functions(cat):
    assert electsec.to_oscal_catalog(cat) == export("--format", "oscal-catalog")
    assert electsec.to_oscal_profile(cat, 2, timestamp="2030-01-01T00:00:00Z") == export(
        "--format", "oscal-profile", "--maturity", "2", "--timestamp", "2030-01-01T00:00:00Z")
    a = electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 2)
    assert_valid("assessment-results", electsec.to_oscal_assessment_results(cat, a))
    assert electsec.uuid_v5("catalog/1.4.1") == json.loads(electsec.to_oscal_catalog(cat))["catalog"]["uuid"]


def poam_of(cat, a):
    doc = json.loads(electsec.to_oscal_poam(cat, a, timestamp="2026-03-04T05:06:07Z"))
    assert_valid("poam", json.dumps(doc))
    return doc["plan-of-action-and-milestones"]


def props(item, name):
    return [p["value"] for p in item.get("props", []) if p["name"] == name]


@pytest.mark.parametrize("level", [1, 2, 3])
def test_poam_validates_and_follows_the_plan_step_by_step(cat, level):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-a", 'A "County" <script>', "XX"), level)
    a.set("backups.l1.1", "in_progress", note="tapes weekly;\noffsite \u202e pending")
    a.set("asset_management.l1.1", "done", note="inventory of 2026")
    a.set("backups.l1.2", "not_applicable")
    poam = poam_of(cat, a)
    plan = electsec.build_plan(cat, level, a)
    items = poam["poam-items"]
    assert [i["title"] for i in items] == [electsec.step_title(cat, s) for s in plan.steps]
    for item, step in zip(items, plan.steps):
        assert props(item, "rank") == [str(step.rank)]
        assert props(item, "action") == list(step.actions)
        assert item["description"].startswith(step.reason)
    # One risk per practice with open actions; in progress makes it remediating.
    open_practices = {cat.practice_of_action(x).id for s in plan.steps for x in s.actions}
    risks = {props(r, "practice")[0]: r for r in poam["risks"]}
    assert set(risks) == open_practices
    backups = risks["backups"]
    assert backups["status"] == "remediating"
    assert [r["lifecycle"] for r in backups["remediations"] if r["title"] == "backups.l1.1"] == ["planned"]
    assert "backups.l1.2" not in [r["title"] for r in backups["remediations"]]  # not applicable: not open
    assert all(r["status"] == "open" for p, r in risks.items() if p != "backups")
    # The note is one observation, the same one (by UUID) the assessment results carry.
    results = json.loads(electsec.to_oscal_assessment_results(cat, a))["assessment-results"]["results"][0]
    note = next(o for o in poam["observations"] if o["title"] == "backups.l1.1")
    assert note["remarks"] == "tapes weekly;\noffsite \u202e pending"
    assert note["uuid"] in {o["uuid"] for o in results["observations"]}
    assert {"observation-uuid": note["uuid"]} in backups["related-observations"]
    assert "asset_management.l1.1" in {o["title"] for o in poam["observations"]}
    assert poam["system-id"]["id"] == "us-xx-a"


def test_poam_of_an_office_with_nothing_left_to_do_says_so(cat):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-b", "B", "XX"), 1)
    for practice in cat.practices():
        for action in cat.applicable_actions(practice.id, 1):
            a.set(action.id, "done")
    poam = poam_of(cat, a)
    assert len(poam["poam-items"]) == 1 and "Nothing left to do" in poam["poam-items"][0]["title"]
    assert "risks" not in poam


def test_poam_from_the_command_line(tmp_path, cat):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-c", "C", "XX"), 2)
    path = tmp_path / "c.json"
    a.save(str(path))
    text = export("--format", "oscal-poam", "--assessment", str(path))
    assert text == export("--format", "oscal-poam", "--assessment", str(path))  # the same bytes
    assert text == electsec.to_oscal_poam(cat, a)
    assert_valid("poam", text)
    code, _, err = electsec.run_cli(["export", "--format", "oscal-poam"])
    assert code == 2 and "--format oscal-poam needs --assessment FILE" in err


NS = "https://electsec.invalid/ns/oscal"


def observation(title, status=None, remarks=None, uuid_="0b7e6a53-7b43-5c6e-9b6e-000000000001"):
    o = {"uuid": uuid_, "title": title, "description": "added in another tool", "methods": ["EXAMINE"],
         "collected": "2026-03-01T00:00:00Z"}
    if status is not None:
        o["props"] = [{"name": "status", "ns": NS, "value": status}]
    if remarks is not None:
        o["remarks"] = remarks
    return o


@pytest.fixture
def office_file(tmp_path):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-r", "R County", "XX"), 1)
    a.set("backups.l1.1", "in_progress", note="tapes", updated="2026-01-05")
    a.set("backups.l1.2", "done", updated="2026-01-06")
    a.set("asset_management.l1.1", "done", note="inventory", updated="2026-01-07")
    path = tmp_path / "r.json"
    a.save(str(path))
    return path


def exported(path):
    return json.loads(export("--format", "oscal-assessment-results", "--assessment", str(path)))


def import_oscal(path, doc, tmp_path, *more):
    results = tmp_path / "results.json"
    results.write_text(json.dumps(doc), encoding="utf-8")
    return electsec.run_cli(["assess", "import-oscal", str(path), str(results), *more])


def test_results_edited_elsewhere_come_back_and_nothing_else_changes(office_file, tmp_path, cat):
    doc = exported(office_file)
    result = doc["assessment-results"]["results"][0]
    by_title = {o["title"]: o for o in result["observations"]}
    by_title["backups.l1.1"]["props"][0]["value"] = "done"          # a status changed
    by_title["backups.l1.2"]["remarks"] = "restore tested in May"    # a note added
    result["observations"].append(observation("network_segmentation.all.1", "in_progress", "VLANs planned"))
    result["observations"].append(observation("Vendor questionnaire"))  # the other tool's own
    result["observations"].append(observation("asset_management.l1.2"))  # no status: left alone
    code, out, err = import_oscal(office_file, doc, tmp_path, "--date", "2026-03-02")
    assert code == 0, err
    assert "3 actions changed" in out and "1 as they were" in out
    assert "backups.l1.1: in_progress -> done" in out
    assert "backups.l1.2: note changed" in out
    assert "network_segmentation.all.1: in_progress, with a note" in out
    assert "'Vendor questionnaire': its title is no action id" in out
    assert "'asset_management.l1.2': it has no electsec property 'status'" in out
    after = electsec.Assessment.load(str(office_file), cat)
    assert after.statuses["backups.l1.1"].status == "done"
    assert after.statuses["backups.l1.1"].note == "tapes"
    assert after.statuses["backups.l1.1"].updated == "2026-03-02"
    assert after.statuses["backups.l1.2"].note == "restore tested in May"
    assert after.statuses["network_segmentation.all.1"].status == "in_progress"
    unchanged = after.statuses["asset_management.l1.1"]
    assert (unchanged.status, unchanged.note, unchanged.updated) == ("done", "inventory", "2026-01-07")
    assert "asset_management.l1.2" not in after.statuses
    # A second import of the same results finds nothing to change.
    code, out, _ = electsec.run_cli(["assess", "import-oscal", str(office_file), str(tmp_path / "results.json")])
    assert code == 0 and "0 actions changed" in out


def test_results_made_before_a_change_in_the_file_do_not_undo_it(office_file, tmp_path, cat):
    doc = exported(office_file)  # as the file stands now
    code, _, err = electsec.run_cli(["assess", "set", str(office_file), "backups.l1.1", "done", "--note", "restored"])
    assert code == 0, err
    # The results say nothing new of backups.l1.1, but do change backups.l1.2.
    result = doc["assessment-results"]["results"][0]
    next(o for o in result["observations"] if o["title"] == "backups.l1.2")["props"][0]["value"] = "in_progress"
    # Another tool's observation of backups.l1.1, collected before the change (today): older.
    result["observations"].append(observation("backups.l1.1", "not_started"))
    result["observations"].pop(next(i for i, o in enumerate(result["observations"])
                                     if o["title"] == "backups.l1.1" and "record" in str(o["props"])))
    code, out, err = import_oscal(office_file, doc, tmp_path)
    assert code == 4, (out, err)
    assert "changed in" in out and "backups.l1.1: the file changed it (done," in out
    after = electsec.Assessment.load(str(office_file), cat)
    assert (after.statuses["backups.l1.1"].status, after.statuses["backups.l1.1"].note) == ("done", "restored")
    assert after.statuses["backups.l1.2"].status == "in_progress"  # the rest is applied
    # The exported observation itself, unedited, after the change: left alone as well.
    doc = exported(office_file)
    electsec.run_cli(["assess", "set", str(office_file), "backups.l1.2", "done"])
    code, out, _ = import_oscal(office_file, doc, tmp_path)
    assert code == 4 and "backups.l1.2: the file changed it (done," in out
    assert electsec.Assessment.load(str(office_file), cat).statuses["backups.l1.2"].status == "done"


def test_an_export_never_writes_over_a_file_it_reads(office_file):
    before = office_file.read_bytes()
    for fmt in ["oscal-poam", "oscal-assessment-results"]:
        code, _, err = electsec.run_cli(["export", "--format", fmt, "--assessment", str(office_file),
                                         "-o", str(office_file)])
        assert code == 2 and "a file this command reads" in err
    code, _, err = electsec.run_cli(["plan", "--assessment", str(office_file), "-o", str(office_file)])
    assert code == 2 and "a file this command reads" in err
    assert office_file.read_bytes() == before


def test_export_refuses_options_its_format_does_not_use(office_file):
    for args, says in [(["--format", "oscal-poam", "--assessment", str(office_file), "--maturity", "2"],
                        "--format oscal-poam takes no --maturity"),
                       (["--format", "oscal-catalog", "--assessment", str(office_file)],
                        "--format oscal-catalog takes no --assessment"),
                       (["--format", "oscal-profile", "--maturity", "1", "--cis-packager", "x"],
                        "--format oscal-profile takes no --cis-packager")]:
        code, _, err = electsec.run_cli(["export", *args])
        assert code == 2 and says in err, err


def test_poam_counts_applicable_actions_as_the_scorecard_does(cat):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-n", "N", "XX"), 1)
    a.set("physical_threats.all.1", "not_applicable")
    risk = next(r for r in poam_of(cat, a)["risks"] if props(r, "practice") == ["physical_threats"])
    applicable = next(p for p in electsec.score(cat, a).practices if p.practice == "physical_threats").actions_applicable
    assert risk["description"].startswith(f"{applicable} of {applicable} applicable actions")


def first_props(d):
    return d["assessment-results"]["results"][0]["observations"][0]["props"]


@pytest.mark.parametrize("edit, says", [
    (lambda d: d["assessment-results"]["results"][0]["props"][0].update(value="us-xx-other"),
     "these are the results of office 'us-xx-other', and the file is office 'us-xx-r'"),
    (lambda d: d["assessment-results"]["results"][0].pop("props"), "no electsec property 'office'"),
    (lambda d: d["assessment-results"]["results"][0]["props"].append(
        d["assessment-results"]["results"][0]["props"][0]), "two electsec properties 'office'"),
    (lambda d: d["assessment-results"]["metadata"].update(version="0.9"), "results are of release 0.9"),
    (lambda d: first_props(d)[0].update(value="finished"), "'finished' is no status"),
    (lambda d: first_props(d).append(dict(first_props(d)[0])), "two electsec properties 'status'"),
    (lambda d: d["assessment-results"]["results"][0]["observations"][0].update(props={"status": "done"}),
     "a list of properties, not object"),
    (lambda d: d["assessment-results"]["results"][0]["observations"].append(
        observation("asset_management.l1.1", "done")), "asset_management.l1.1 has a second observation"),
    (lambda d: d["assessment-results"]["results"].append(d["assessment-results"]["results"][0]),
     "electsec reads results with one result"),
    (lambda d: d.update({"plan-of-action-and-milestones": d.pop("assessment-results")}),
     "not OSCAL assessment results (its top-level key is 'plan-of-action-and-milestones')"),
])
def test_a_bad_results_file_is_refused_with_its_place_and_changes_nothing(office_file, tmp_path, edit, says):
    before = office_file.read_bytes()
    doc = exported(office_file)
    first_props(doc)[0]["value"] = "not_started"  # a change, refused with the rest
    edit(doc)
    code, _, err = import_oscal(office_file, doc, tmp_path)
    assert code == 1, err
    assert says in err and "results.json:" in err and err.count("\n") == 1
    assert office_file.read_bytes() == before


def test_python_reads_results_without_writing(cat):
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-p", "P", "XX"), 1)
    a.set("backups.l1.1", "done", note="offsite", updated="2026-01-01")
    doc = json.loads(electsec.to_oscal_assessment_results(cat, a))
    result = doc["assessment-results"]["results"][0]
    result["observations"][0]["props"][0]["value"] = "in_progress"
    result["observations"].append(observation("Vendor questionnaire"))
    read = electsec.parse_oscal_assessment_results(json.dumps(doc, indent=1), cat, a, "r.json")
    assert [(r.action, r.status, r.note) for r in read.statuses] == [("backups.l1.1", "in_progress", "offsite")]
    assert read.statuses[0].line > 1 and read.unmatched and not read.changed_since
    assert repr(read) == "OscalImport(1 statuses, 1 unmatched, 0 changed since)"
    with pytest.raises(electsec.ParseError, match=r"r\.json:1:1: .*an empty object"):
        electsec.parse_oscal_assessment_results("{}", cat, a, "r.json")

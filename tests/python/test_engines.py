"""Maturity, plans, assessments, scorecards and rollups from Python."""
import json
import pickle

import pytest

import electsec


def county(maturity=1, id="us-xx-a"):
    return electsec.Assessment(electsec.Jurisdiction(id, "A County", "XX", "county"), maturity)


def test_determine_maturity(cat):
    answers = {f"l2.{i}": True for i in range(1, 5)} | {f"l1.{i}": False for i in range(1, 7)}
    r = electsec.determine_maturity(cat, answers)
    assert (r.level, r.conflict, r.unsure) == (2, False, False)
    assert [t.yes for t in r.tallies] == [0, 4, 0]
    assert r.tallies[1].majority and not r.tallies[0].majority
    assert r.applied == ["l2.1", "l2.2", "l2.3", "l2.4"]
    assert "Level 2" in r.rationale
    assert r.to_dict()["tallies"][1] == {"level": 2, "yes": 4, "answered": 4, "total": 7, "majority": True}
    assert electsec.determine_maturity(cat, {}).unsure
    with pytest.raises(electsec.NotFound):
        electsec.determine_maturity(cat, {"l4.1": True})


def test_build_plan(cat):
    plan = electsec.build_plan(cat, 1)
    assert plan.maturity == 1 and len(plan) == len(plan.steps)
    first = plan.steps[0]
    assert (first.rank, first.kind, first.id, first.practice) == (1, "worksheet", "hardware-inventory", None)
    assert plan.steps[10].practice == "join_ei_isac"
    assert plan.to_dict()["steps"][10]["reason"] == "After the baseline: Level 1 election priority 1 of 5"
    l2 = electsec.build_plan(cat, 2)
    assert l2.steps[0].reason == "Priority; Safeguard 4.1 ranks 1 against common attacks in the CIS Community Defense Model"
    with pytest.raises(electsec.Error):
        electsec.build_plan(cat, 0)


def test_assessment_set_score_plan_save_load(cat, tmp_path):
    a = county()
    assert a.catalog_version == "1.4.1" and a.statuses == {}
    a.set("asset_management.l1.1", "done", note="inventory kept", updated="2026-04-01")
    a.set("join_ei_isac.all.1", "not_applicable")
    assert a.status_of("asset_management.l1.1") == "done"
    assert a.status_of("backups.l1.1") == "not_started"
    assert a.statuses["asset_management.l1.1"].note == "inventory kept"
    with pytest.raises(electsec.NotFound):
        a.set("asset_management.l1.9", "done")
    with pytest.raises(electsec.Error, match="unknown status 'finished'"):
        a.set("asset_management.l1.2", "finished")

    card = a.score()
    assert (card.actions_applicable, card.actions_done) == (108, 1)
    assert card.practices[2].practice == "asset_management" and card.practices[2].actions_done == 1
    assert electsec.scorecard(cat, a).to_dict() == card.to_dict()

    plan = electsec.build_plan(cat, 1, a)
    assert plan.steps[0].id == "asset-protection"

    path = tmp_path / "a.json"
    a.save(str(path))
    b = electsec.Assessment.load(str(path))
    assert b == a
    assert electsec.load_assessment(str(path), cat) == a
    assert json.loads(path.read_text())["statuses"]["join_ei_isac.all.1"]["status"] == "not_applicable"
    assert a.to_dict()["jurisdiction"]["name"] == "A County"
    assert pickle.loads(pickle.dumps(a)) == a


def test_assessment_errors(cat, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "electsec.assessment/1", "maturity": 7}')
    with pytest.raises(electsec.ValidationError) as info:
        electsec.Assessment.load(str(bad))
    fields = [where for where, _ in info.value.problems]
    assert any(w.endswith("field /maturity") for w in fields)
    assert any(w.endswith("field /jurisdiction") for w in fields)
    bad.write_text("[" * 100000)
    with pytest.raises(electsec.ParseError, match="nesting deeper than 64 levels"):
        electsec.Assessment.load(str(bad))
    with pytest.raises(electsec.Error, match="cannot save"):
        county().save(str(tmp_path / "missing" / "x.json"))
    with pytest.raises(electsec.Error, match="unknown jurisdiction kind 'parish'"):
        electsec.Jurisdiction("a", "b", "c", "parish")


def test_answers_files(cat, tmp_path):
    f = tmp_path / "answers.json"
    f.write_text('{"answers": {"l1.1": true, "l2.2": null}}')
    assert electsec.load_answers(str(f), cat) == {"l1.1": True}
    with pytest.raises(electsec.ParseError) as info:
        electsec.parse_answers('{"answers": {"l1.1": "y"}}', cat, "a.json")
    assert info.value.field == "/answers/l1.1"


def test_rollup_in_memory_and_from_files(cat, tmp_path):
    offices = []
    for i, maturity in enumerate([1, 2, 3, 1]):
        a = county(maturity, f"office-{i}")
        if i % 2 == 0:
            a.set("mdbr.all.1", "done")
        offices.append(a)
        a.save(str(tmp_path / f"office-{i}.json"))
    r = electsec.rollup(cat, offices)
    assert r.jurisdictions == 4 and r.maturity_distribution == (2, 1, 1)
    assert r.actions_done == 2
    assert r.offices[-1].jurisdiction.id in {"office-0", "office-2"}
    mdbr = next(p for p in r.practices if p.practice == "mdbr")
    assert mdbr.actions_done == 2 and mdbr.offices_complete == 0
    from_files = electsec.rollup_files(cat, [str(tmp_path)], threads=2)
    assert from_files.to_dict() == r.to_dict()
    assert len(r.least_complete) == 5


def test_score_is_the_cpp_name_and_scorecard_stays(cat):
    a = county(2)
    a.set(cat.practices()[0].actions[0].id, "done", updated="2026-01-01", catalog=cat)
    card = electsec.score(cat, a)
    assert card == electsec.scorecard(cat, a) == a.score(cat)
    assert card.actions_done == 1


def test_reports_are_the_same_text_the_cli_writes(cat, tmp_path):
    a = county(1)
    a.set("asset_management.l1.1", "done", note="inventory <script> kept", updated="2026-01-01", catalog=cat)
    path = tmp_path / "county.json"
    electsec.save_assessment(a, str(path), cat)
    md = electsec.office_report_markdown(cat, a, report_date="2026-02-01")
    html = electsec.office_report_html(cat, a)
    code, out, _ = electsec.run_cli(["report", "--assessment", str(path), "--format", "markdown",
                                     "--report-date", "2026-02-01"])
    assert code == 0 and out == md
    titled = electsec.office_report_markdown(cat, a, title="For the board", next_steps=1)
    assert titled.startswith("# For the board\n") and "2. **" not in titled and "Report date" not in titled
    code, out, _ = electsec.run_cli(["report", "--assessment", str(path), "--title", "For the board", "--next-steps",
                                     "1", "--report-date", "2026-02-01"])
    assert code == 0 and out.startswith("# For the board\n") and "Report date: 2026-02-01." in out
    with pytest.raises(electsec.Error, match="not an ISO 8601 date"):
        electsec.office_report_html(cat, a, report_date="soon")
    # Each option only where it shows; a date that is not one is a usage error.
    for args, says in ((["--assessment", str(path), "--max-offices", "3"], "--max-offices is for a state's report"),
                       (["--rollup", str(path), "--next-steps", "3"], "--next-steps is for one office's report"),
                       (["--assessment", str(path), "--report-date", "2026-13-01"], "is not a date"),
                       (["--assessment", str(path), "--next-steps", "0"], "--next-steps")):
        code, _, err = electsec.run_cli(["report"] + args)
        assert code == 2 and says in err, err
    code, out, _ = electsec.run_cli(["report", "--rollup", str(path), "--max-offices", "1", "--title", "T"])
    assert code == 0 and out.startswith("# T\n") and out.count("| A County | XX |") == 1
    assert html.startswith("<!DOCTYPE html>") and "<script>" not in html
    r = electsec.rollup(cat, [a])
    assert electsec.rollup_report_markdown(cat, r).startswith("#")
    assert "</html>" in electsec.rollup_report_html(cat, r)

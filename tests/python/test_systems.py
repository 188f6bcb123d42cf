"""An office's system profile and its risk picture; electsec's links are always marked."""

import json
import pickle

import pytest

import electsec


def office(maturity=2):
    return electsec.Assessment(electsec.Jurisdiction("us-xx-a", "A County", "XX", "county"), maturity)


def cli(*args):
    return electsec.run_cli([str(a) for a in args])


def test_a_profile_is_part_of_the_assessment(tmp_path, cat):
    a = office()
    assert a.systems == []
    assert a.add_system("pollbooks", "indirect", note="loaded by USB") is True
    assert a.add_system("pollbooks", "none") is True  # the same kind, another way of connecting
    assert a.add_system("pollbooks", "indirect") is False  # there already; the note is kept
    assert a.systems == [electsec.SystemUse("pollbooks", "indirect", "loaded by USB"),
                         electsec.SystemUse("pollbooks", "none")]
    path = tmp_path / "a.json"
    a.save(path)
    again = electsec.Assessment.load(path)
    assert again == a
    assert json.loads(path.read_text())["systems"][0] == {
        "component": "pollbooks", "connectedness": "indirect", "note": "loaded by USB"}
    assert pickle.loads(pickle.dumps(a)) == a
    assert electsec.Assessment.from_dict(a.to_dict()) == a
    assert a.remove_system("pollbooks", "none") == 1
    assert a.remove_system("pollbooks") == 1
    assert a.systems == []


@pytest.mark.parametrize("call, error, message", [
    (lambda a: a.add_system("polbooks", "none"), electsec.NotFound, "did you mean 'pollbooks'"),
    (lambda a: a.add_system("pollbooks", "wifi"), electsec.Error, "unknown connectedness 'wifi'"),
    (lambda a: setattr(a, "systems", [electsec.SystemUse("ems", "network")] * 2), electsec.Error, "listed twice"),
    (lambda a: setattr(a, "systems", [electsec.SystemUse("voting", "network")]), electsec.NotFound, "voting"),
    (lambda a: electsec.SystemUse("", "network"), electsec.Error, "component"),
])
def test_bad_entries_are_refused(call, error, message):
    a = office()
    with pytest.raises(error, match=message):
        call(a)
    assert a.systems == []


def test_a_bad_entry_in_a_file_names_the_line_and_field(tmp_path):
    a = office()
    a.add_system("ems", "network")
    doc = a.to_dict()
    doc["systems"][0]["connectedness"] = "cloud"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, indent=2))
    with pytest.raises(electsec.ParseError, match=r"bad\.json:\d+:\d+: field /systems/0/connectedness: unknown "
                                                 r"connectedness 'cloud'"):
        electsec.Assessment.load(path)


def test_the_risk_picture(cat):
    a = office(maturity=1)
    a.add_system("vote_capture", "network")
    a.add_system("pollbooks", "none")
    picture = electsec.risk_picture(cat, a)
    assert picture == electsec.risk_picture(cat, a.systems, 1)
    assert picture.maturity == 1
    network, paper = picture.systems
    assert "removable_media" in network.risks and network.occurs and network.connection
    assert paper.risks == [] and paper.occurs
    ranks = [p.plan_rank for p in picture.practices]
    assert ranks == sorted(ranks) and all(r > 0 for r in ranks)
    assert "network_monitoring" in [p.practice for p in picture.out_of_scope]
    assert all(p.plan_rank is None and p.scope == "out_of_scope" for p in picture.out_of_scope)
    for p in picture.practices + picture.out_of_scope:
        assert p.links
        for link in p.links:
            assert link.provenance == "electsec"
            assert link.marked_reason == "electsec: " + link.reason
    d = picture.to_dict()
    assert all(link["provenance"] == "electsec" for p in d["practices"] + d["out_of_scope"] for link in p["links"])


def test_the_plan_weighs_systems_only_when_asked(cat):
    a = office()
    a.add_system("enr", "network")
    guide = electsec.build_plan(cat, 2, a)
    assert electsec.build_plan(cat, 2, a, systems_first=False) == guide
    weighted = electsec.build_plan(cat, 2, a, systems_first=True)
    assert sorted(s.id for s in weighted.steps) == sorted(s.id for s in guide.steps)
    moved = [s for s in weighted.steps if s.reason.startswith("electsec: addresses your enr (network)")]
    assert moved and weighted.steps[:len(moved)] == moved
    with pytest.raises(electsec.Error, match="needs an assessment"):
        electsec.build_plan(cat, 2, systems_first=True)


def test_the_command_line(tmp_path):
    path = tmp_path / "a.json"
    office().save(path)
    code, out, err = cli("assess", "systems", path, "--add", "tabulation", "--connectedness", "indirect")
    assert (code, out, err) == (0, f"{path}: added tabulation (indirect)\n", "")
    code, out, err = cli("assess", "systems", path)
    assert code == 0 and "The links are electsec's, not the guide's" in out
    code, out, err = cli("assess", "systems", path, "--format", "json")
    assert json.loads(out)["systems"][0]["component"] == "tabulation"
    before = path.read_bytes()
    code, out, err = cli("assess", "systems", path, "--add", "tabulator", "--connectedness", "indirect")
    assert code == 1 and "did you mean 'tabulation'" in err and path.read_bytes() == before


def test_every_rendered_link_is_marked(cat):
    a = office()
    for component, connectedness in [("voter_registration", "network"), ("vote_capture", "indirect"),
                                     ("enr", "network"), ("pollbooks", "transmission")]:
        a.add_system(component, connectedness)
    reasons = {link.reason for p in electsec.risk_picture(cat, a).practices for link in p.links}
    assert reasons
    html = electsec.office_report_html(cat, a)
    md = electsec.office_report_markdown(cat, a)
    for text in (html, md):
        for reason in reasons:
            plain = reason.replace("'", "&#39;") if text is html else reason
            if plain in text:
                assert text.count(plain) == text.count("electsec: " + plain), reason


def test_the_history_store_keeps_each_days_profile(tmp_path):
    """The profile goes into the store with the file and comes back as of any day, from the
    command line and from Python; a rollup is the same with or without it."""
    first = office()
    first.add_system("vote_capture", "indirect", note="BMDs loaded by USB")
    first.save(tmp_path / "march.json")
    store = tmp_path / "s.db"
    assert cli("store", "init", store)[0] == 0
    assert cli("store", "import", store, tmp_path / "march.json", "--date", "2026-03-01")[0] == 0
    assert cli("assess", "systems", tmp_path / "march.json", "--add", "pollbooks", "--connectedness", "network")[0] == 0
    assert cli("assess", "systems", tmp_path / "march.json", "--remove", "vote_capture")[0] == 0
    code, out, err = cli("store", "import", store, tmp_path / "march.json", "--date", "2026-04-01")
    assert code == 0 and "1 change recorded" in out, err
    as_of_march = json.loads(cli("store", "export", store, "us-xx-a", "--as-of", "2026-03-31")[1])
    assert as_of_march["systems"] == [
        {"component": "vote_capture", "connectedness": "indirect", "note": "BMDs loaded by USB"}]
    assert cli("store", "export", store, "us-xx-a")[1] == (tmp_path / "march.json").read_text()
    history = json.loads(cli("store", "history", store, "us-xx-a", "--format", "json")[1])
    profiles = [e for e in history if e["subject"] == "systems"]
    assert [e["at"] for e in profiles] == ["2026-03-01", "2026-04-01"]
    assert json.loads(profiles[-1]["value"]) == [{"component": "pollbooks", "connectedness": "network", "note": ""}]
    with electsec.Store.open(str(store)) as s:
        assert [u.component for u in s.assessment("us-xx-a", "2026-03-15").systems] == ["vote_capture"]
        assert [u.component for u in s.assessment("us-xx-a").systems] == ["pollbooks"]
        assert s.rollup("2026-03-15").to_dict() == s.rollup().to_dict()
        profile = [electsec.SystemUse("ems", "indirect", "laptop, air-gapped")]
        assert s.set_systems("us-xx-a", profile, at="2026-05-01", author="clerk") == 1
        assert s.set_systems("us-xx-a", profile, at="2026-05-02") == 0
        assert s.assessment("us-xx-a").systems == profile
        with pytest.raises(electsec.NotFound, match="did you mean 'pollbooks'"):
            s.set_systems("us-xx-a", [electsec.SystemUse("polbooks", "network", "")])
        # An edit reads and records in one transaction; one dated before a later change is refused.
        assert s.add_system("us-xx-a", "tabulation", "indirect", at="2026-05-03") is True
        assert s.add_system("us-xx-a", "tabulation", "indirect", at="2026-05-03") is False
        assert s.remove_system("us-xx-a", "ems", at="2026-05-04") == 1
        assert [u.component for u in s.assessment("us-xx-a").systems] == ["tabulation"]
        with pytest.raises(electsec.Error, match="changed again on 2026-05-04"):
            s.add_system("us-xx-a", "enr", "network", at="2026-05-01")
        assert s.check() == []


def test_store_systems_shows_and_changes_a_profile_in_the_store(tmp_path):
    a = office()
    a.add_system("pollbooks", "network")
    a.save(tmp_path / "a.json")
    store = tmp_path / "s.db"
    cli("store", "init", store)
    cli("store", "import", store, tmp_path / "a.json", "--date", "2026-03-01")
    code, out, err = cli("store", "systems", store, "us-xx-a", "--add", "ems", "--connectedness", "none",
                         "--note", "paper only", "--date", "2026-03-05", "--author", "clerk")
    assert (code, out) == (0, "us-xx-a: added ems (none) from 2026-03-05\n"), err
    assert "does not occur" in err  # the guide's primer has no unconnected EMS
    code, out, err = cli("store", "systems", store, "us-xx-a", "--add", "ems", "--connectedness", "none",
                         "--date", "2026-03-06")
    assert (code, out) == (0, "us-xx-a: kept ems (none); nothing recorded\n"), err
    picture = json.loads(cli("store", "systems", store, "us-xx-a", "--format", "json")[1])
    assert [s["component"] for s in picture["systems"]] == ["pollbooks", "ems"]
    march_1 = json.loads(cli("store", "systems", store, "us-xx-a", "--as-of", "2026-03-01", "--format", "json")[1])
    assert [s["component"] for s in march_1["systems"]] == ["pollbooks"]
    code, out, err = cli("store", "systems", store, "us-xx-a", "--remove", "pollbooks", "--date", "2026-03-07")
    assert (code, out) == (0, "us-xx-a: removed 1 entry for pollbooks from 2026-03-07\n"), err
    history = json.loads(cli("store", "history", store, "us-xx-a", "--format", "json")[1])
    last = history[-1]
    assert (last["subject"], last["source"]) == ("systems", "electsec store systems")
    assert json.loads(last["value"]) == [{"component": "ems", "connectedness": "none", "note": "paper only"}]
    events = len(history)
    for args, code, says in [
        (["--remove", "tabulation"], 1, "the system profile has no 'tabulation'; nothing changed"),
        (["--add", "polbooks", "--connectedness", "none"], 1, "did you mean 'pollbooks'"),
        (["--add", "ems"], 2, "--add needs --connectedness"),
        (["--add", "ems", "--remove", "ems"], 2, "not both"),
        (["--date", "2026-03-08"], 2, "--date and --author go with --add or --remove"),
        (["--add", "ems", "--connectedness", "network", "--as-of", "2026-03-08"], 2, "a change takes --date"),
        (["--add", "ems", "--connectedness", "network", "--format", "json"], 2, "--format is for showing"),
        (["--add", "ems", "--connectedness", "network", "--date", "2026-02-30"], 1, "2026-02-30"),
        (["--practice", "backups"], 2, "--practice"),
    ]:
        got, out, err = cli("store", "systems", store, "us-xx-a", *args)
        assert got == code and says in err and err.count("\n") == 1, (args, got, err)
    got, out, err = cli("store", "systems", store, "us-xx-b", "--add", "ems", "--connectedness", "network")
    assert got == 1 and "unknown office 'us-xx-b'" in err, err
    assert len(json.loads(cli("store", "history", store, "us-xx-a", "--format", "json")[1])) == events

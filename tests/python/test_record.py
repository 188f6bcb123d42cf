"""An office's record from every front end: concurrent writers, changes that keep what they do
not mention, level changes, answers, bulk updates, rollup inputs, and Python's value types."""
import json
import os
import pathlib
import subprocess
import sys
import threading

import pytest

import electsec

BIN_DIR = os.environ.get("ELECTSEC_EXAMPLES_DIR")


def cli_command():
    """The electsec binary beside the examples when ctest says where; else `python -m electsec`."""
    if BIN_DIR and os.path.exists(os.path.join(BIN_DIR, "electsec")):
        return [os.path.join(BIN_DIR, "electsec")]
    return [sys.executable, "-m", "electsec"]


def run(*args, stdin=None):
    return subprocess.run([*cli_command(), *map(str, args)], capture_output=True, text=True, input=stdin,
                          timeout=60)


def write_csv(folder, text):
    path = folder / "rows.csv"
    path.write_text(text)
    return path


def init(path, maturity=3, office="us-xx-a"):
    code, out, err = electsec.run_cli(["assess", "init", str(path), "--id", office, "--name", "A County",
                                       "--state", "XX", "--kind", "county", "--maturity", str(maturity)])
    assert code == 0, err
    return path


@pytest.fixture
def action_ids(cat):
    return [a.id for p in cat.practices() for a in p.actions]


# ---- concurrent writers ----

def test_eight_processes_setting_disjoint_actions_keep_every_status(tmp_path, action_ids):
    path = init(tmp_path / "office.json")
    # Each writer is a shell loop of electsec processes, one action at a time.
    command = " ".join(f"'{part}'" for part in cli_command() + ["assess", "set", str(path)])
    writers = [subprocess.Popen(["/bin/sh", "-c", f'for i in "$@"; do {command} "$i" done >/dev/null || exit 1; done',
                                 "writer", *action_ids[w::8]]) for w in range(8)]
    assert [w.wait(timeout=120) for w in writers] == [0] * 8
    statuses = electsec.Assessment.load(path).statuses
    assert len(statuses) == len(action_ids) == 159
    assert {s.status for s in statuses.values()} == {"done"}
    assert [p.name for p in tmp_path.iterdir()] == ["office.json"]


def test_sixteen_threads_through_run_cli_and_update_assessment_keep_every_status(tmp_path, action_ids):
    cli_file = init(tmp_path / "cli.json")
    api_file = init(tmp_path / "api.json")

    def by_cli(ids):
        for i in ids:
            assert electsec.run_cli(["assess", "set", str(cli_file), i, "in_progress", "--note", i])[0] == 0

    def by_api(ids):
        for i in ids:
            electsec.update_assessment(api_file, lambda a, i=i: a.set(i, "done", note=i))

    threads = [threading.Thread(target=f, args=(action_ids[t::16],)) for t in range(16) for f in (by_cli, by_api)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for path in (cli_file, api_file):
        statuses = electsec.Assessment.load(path).statuses
        assert len(statuses) == 159
        assert all(s.note == i for i, s in statuses.items())


def test_concurrent_inits_exactly_one_wins(tmp_path):
    for round in range(3):
        path = tmp_path / f"new-{round}.json"
        procs = [subprocess.Popen([*cli_command(), "assess", "init", str(path), "--id", f"o{n}", "--name", "N",
                                   "--state", "XX", "--kind", "county", "--maturity", "1"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(6)]
        results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
        assert sorted(code for code, _ in results) == [0, 1, 1, 1, 1, 1]
        assert all(err == f"electsec: {path}: already exists; pass --force to overwrite it\n"
                   for code, err in results if code == 1)


# ---- changes keep what they do not mention ----

def test_a_status_change_keeps_the_note_and_an_empty_note_clears_it(tmp_path):
    path = init(tmp_path / "o.json")
    assert run("assess", "set", path, "backups.l1.1", "done", "--note", "nightly to NAS").returncode == 0
    assert run("assess", "set", path, "backups.l1.1", "in_progress").returncode == 0
    st = electsec.Assessment.load(path).statuses["backups.l1.1"]
    assert (st.status, st.note) == ("in_progress", "nightly to NAS")
    assert run("assess", "set", path, "backups.l1.1", "done", "--note", "").returncode == 0
    assert electsec.Assessment.load(path).statuses["backups.l1.1"].note == ""


def test_level_changes_keep_statuses_and_list_those_that_stop_applying(tmp_path):
    path = init(tmp_path / "o.json", maturity=3)
    run("assess", "set", path, "asset_management.l23.1", "backups.l1.1", "done")
    r = run("assess", "level", path, "1")
    assert r.returncode == 0
    assert r.stdout == (f"{path}: Level 3 -> Level 1; every status kept; 1 recorded actions no longer apply "
                        "(kept, and counted again at Level 3):\n  asset_management.l23.1\n")
    a = electsec.Assessment.load(path)
    assert a.maturity == 1 and len(a.statuses) == 2
    assert a.score().actions_done == 1
    assert run("assess", "level", path, "3").returncode == 0
    assert electsec.Assessment.load(path).score().actions_done == 2
    assert run("assess", "level", path, "4").returncode == 2


def test_answers_are_stored_with_the_level_they_give(tmp_path, cat):
    level2 = {s.id: s.id.startswith(("l1", "l2")) for s in cat.maturity_statements()}
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"answers": level2}))
    path = tmp_path / "o.json"
    r = run("assess", "init", path, "--id", "x", "--name", "X", "--state", "XX", "--kind", "county",
            "--answers", answers)
    assert r.returncode == 0, r.stderr
    a = electsec.Assessment.load(path)
    # Most Level 1 statements apply too: the guide's rule says the answers conflict: Level 1.
    assert a.answers == level2 and a.maturity == electsec.determine_maturity(cat, level2).level

    only2 = {s.id: s.id.startswith("l2") for s in cat.maturity_statements()}
    r = run("maturity", "--assessment", path, "--answers", "-", "--save", stdin=json.dumps({"answers": only2}))
    assert r.returncode == 0, r.stderr
    assert "Maturity: Level 2" in r.stdout and "saved the answers in" in r.stdout
    a = electsec.Assessment.load(path)
    assert a.answers == only2 and a.maturity == 2
    # Without --answers, the stored answers are used.
    assert run("maturity", "--assessment", path).stdout.startswith("Maturity: Level 2")
    assert run("maturity", "--save").returncode == 2


def test_show_set_many_and_import_a_csv_all_or_nothing(tmp_path, cat):
    path = init(tmp_path / "o.json", maturity=1)
    r = run("assess", "set", path, "--practice", "backups", "done", "--note", "weekly", "--date", "2026-01-02")
    assert r.returncode == 0
    backups = [a.id for a in cat.applicable_actions("backups", 1)]
    assert r.stdout == "".join(f"{i}: done\n" for i in backups)
    r = run("assess", "set", path, "mdbr.all.1", "mdbr.all.2", "in_progress")
    assert r.stdout == "mdbr.all.1: in_progress\nmdbr.all.2: in_progress\n"

    shown = run("assess", "show", path, "--format", "csv", "--status", "done").stdout
    assert shown.splitlines()[0] == "id,status,note,updated"
    assert len(shown.splitlines()) == 1 + len(backups)
    assert json.loads(run("assess", "show", path, "--practice", "mdbr", "--format", "json").stdout).keys() == {
        "mdbr.all.1", "mdbr.all.2"}
    md = run("assess", "show", path, "--format", "markdown").stdout
    assert md.startswith("# A County: recorded statuses (Level 1)") and "| `backups.l1.1` | done | 2026-01-02 | weekly |" in md

    before = path.read_text()
    bad = tmp_path / "bad.csv"
    bad.write_text("id,status,note\nbackups.l1.1,not_started,\nnope.l1.1,done,\nmdbr.all.1,finished,\n")
    r = run("assess", "import", path, bad)
    assert r.returncode == 1 and path.read_text() == before
    assert r.stderr.count("\n") == 1
    assert f"{bad}:3: field id: unknown action 'nope.l1.1'" in r.stderr and f"{bad}:4: field status" in r.stderr

    good = tmp_path / "good.csv"
    good.write_text("id,status\nbackups.l1.1,not_started\nmdbr.all.1,done\n")
    r = run("assess", "import", path, good)
    assert r.returncode == 0 and r.stdout == f"{path}: 2 statuses set from {good}\n"
    statuses = electsec.Assessment.load(path).statuses
    assert statuses["backups.l1.1"].status == "not_started" and statuses["backups.l1.1"].note == "weekly"
    # show --format csv | import is the identity.
    (tmp_path / "all.csv").write_text(run("assess", "show", path, "--format", "csv").stdout)
    before = path.read_text()
    assert run("assess", "import", path, tmp_path / "all.csv").returncode == 0
    assert path.read_text() == before


@pytest.mark.parametrize("args, message", [
    (["--id", "", "--name", "N"], "field /jurisdiction/id: must not be empty"),
    (["--id", "x", "--name", ""], "field /jurisdiction/name: must not be empty"),
])
def test_init_refuses_what_the_loader_refuses(tmp_path, args, message):
    path = tmp_path / "o.json"
    r = run("assess", "init", path, *args, "--state", "XX", "--kind", "county", "--maturity", "1")
    assert r.returncode == 1 and message in r.stderr and not path.exists()


@pytest.mark.parametrize("date", ["yesterday", "2026-13-45", "2026-02-29", "2026-01-02T10:00:00"])
def test_bad_dates_are_refused_everywhere(tmp_path, date):
    path = init(tmp_path / "o.json")
    before = path.read_text()
    # A bad option value is a usage error (exit 2), as for every other option.
    r = run("assess", "set", path, "mdbr.all.1", "done", "--date", date)
    assert r.returncode == 2 and f"--date must be an ISO 8601 date" in r.stderr and path.read_text() == before
    r = run("export", "--format", "oscal-catalog", "--timestamp", date)
    assert r.returncode == 2 and r.stdout == "" and "--timestamp must be a UTC date-time" in r.stderr
    r = run("assess", "import", path, write_csv(path.parent, f"id,status,updated\nmdbr.all.1,done,{date}\n"))
    assert r.returncode == 1 and "field updated" in r.stderr and path.read_text() == before
    a = electsec.Assessment.load(path)
    with pytest.raises(electsec.Error):
        a.set("mdbr.all.1", "done", updated=date)
    with pytest.raises(electsec.Error):
        electsec.ActionStatus.from_dict({"status": "done", "updated": date})


# ---- rollup inputs ----

def test_rollup_inputs(tmp_path):
    state = tmp_path / "state"
    (state / "north").mkdir(parents=True)
    (tmp_path / "empty").mkdir()
    init(state / "a.json", office="a")
    init(state / "north" / "b.json", office="b")
    a = state / "a.json"

    r = run("rollup", tmp_path / "empty")
    assert r.returncode == 1 and "no assessment files (*.json) in" in r.stderr
    assert run("rollup", state).stdout.startswith("1 office:")
    assert run("rollup", state, "--recursive").stdout.startswith("2 offices:")
    r = run("rollup", a, a)
    assert r.returncode == 1 and "the same file given twice" in r.stderr
    init(state / "north" / "a-copy.json", office="a")
    r = run("rollup", "--recursive", state)
    assert r.returncode == 1 and f"holds office 'a' as {a} does" in r.stderr
    (state / "north" / "a-copy.json").unlink()

    (state / "north" / "broken.json").write_text("{")
    (state / "north" / "list.json").write_text("[]")
    r = run("rollup", "--recursive", state)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "rollup: 2 of 4 files do not load" in r.stderr
    assert str(state / "north" / "broken.json") in r.stderr and str(state / "north" / "list.json") in r.stderr
    r = run("rollup", "--recursive", "--skip-invalid", state)
    assert r.returncode == 4 and r.stdout.startswith("2 offices:")
    assert r.stderr.splitlines()[0] == "electsec: skipped 2 files that do not load:"
    rollup, skipped = electsec.rollup_files(electsec.default_catalog(), [state], recursive=True, skip_invalid=True)
    assert rollup.jurisdictions == 2 and [pathlib.Path(p).name for p, _ in skipped] == ["broken.json", "list.json"]


def test_import_rst_of_a_folder_without_practices_is_an_error(tmp_path):
    (tmp_path / "bp").mkdir()
    r = run("import-rst", tmp_path)
    assert r.returncode == 1 and "no best practices found" in r.stderr
    # An entry named like a practice file that is not one is left out with a warning, not a crash.
    (tmp_path / "bp" / "x.rst").mkdir()
    os.mkfifo(tmp_path / "bp" / "y.rst")
    os.symlink("missing.rst", tmp_path / "bp" / "z.rst")
    r = run("import-rst", tmp_path)
    assert r.returncode == 1 and "no best practices found" in r.stderr
    with pytest.raises(electsec.Error, match="no best practices found"):
        electsec.import_eges_rst(tmp_path)


# ---- Python paths and values ----

def test_paths_may_be_str_bytes_or_pathlike(tmp_path, cat):
    a = electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 1)
    for path in (tmp_path / "p.json", str(tmp_path / "s.json"), os.fsencode(tmp_path / "b.json")):
        a.save(path)
        assert electsec.Assessment.load(path) == a
        assert electsec.load_assessment(path, cat) == a
    (tmp_path / "one").mkdir()
    electsec.save_assessment(a, tmp_path / "one" / "f.json")
    assert electsec.rollup_files(cat, [tmp_path / "one"]).jurisdictions == 1
    with pytest.raises(ValueError, match="NUL"):
        a.save(str(tmp_path / "a\0b.json"))
    with pytest.raises(TypeError):
        a.save(42)


def test_values_have_to_dict_from_dict_and_equality(cat):
    a = electsec.Assessment(electsec.Jurisdiction("x", "X", "XX", "municipality"), 2)
    a.set("backups.l1.1", "done", note="weekly", updated="2026-01-02")
    a.answers = {"l1.1": True}
    assert electsec.Assessment.from_dict(a.to_dict()) == a
    assert electsec.Jurisdiction.from_dict(a.jurisdiction.to_dict()) == a.jurisdiction
    st = a.statuses["backups.l1.1"]
    assert st.to_dict() == {"status": "done", "note": "weekly", "updated": "2026-01-02"}
    assert electsec.ActionStatus.from_dict(st.to_dict()) == st
    assert a.score() == a.score() and a.score() != electsec.Assessment(a.jurisdiction, 1).score()
    plan = electsec.build_plan(cat, 2, a)
    assert plan == electsec.build_plan(cat, 2, a)
    assert list(plan) == plan.steps and plan[0] == plan.steps[0] and plan[-1] == plan.steps[-1]
    assert plan[0].to_dict() == plan.to_dict()["steps"][0]
    r = electsec.rollup(cat, [a])
    assert r == electsec.rollup(cat, [a])
    assert r.offices[0].to_dict() == r.to_dict()["offices"][0]
    # Every result comes back from its dict equal.
    for value in (a.score(), plan, plan[0], r, r.offices[0]):
        assert type(value).from_dict(value.to_dict()) == value
    with pytest.raises(electsec.ParseError, match="/steps/0/kind"):
        electsec.Plan.from_dict({"maturity": 2, "steps": [dict(plan[0].to_dict(), kind="chore")]})
    with pytest.raises(electsec.ParseError):
        electsec.Rollup.from_dict(dict(r.to_dict(), completion=1.5))
    with pytest.raises(electsec.NotFound):
        a.status_of("nope.l1.1")
    assert a.status_of("mdbr.all.1") == "not_started"


@pytest.mark.parametrize("make", [
    lambda: electsec.Jurisdiction("", "X", "XX"),
    lambda: electsec.Jurisdiction("x", "", "XX"),
    lambda: electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 1, ""),
    lambda: electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 2**32 + 1),
    lambda: electsec.default_catalog().practices(maturity=2**32 + 1),
    lambda: setattr(electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 1), "answers", {"l9.9": True}),
    lambda: electsec.Assessment.from_dict({"schema": "electsec.assessment/1"}),
])
def test_invalid_values_are_refused_where_they_are_given(make):
    with pytest.raises(electsec.Error):
        make()


def test_file_system_errors_are_io_errors_and_os_errors(tmp_path):
    with pytest.raises(electsec.IoError) as e:
        electsec.Assessment.load(tmp_path / "missing.json")
    assert isinstance(e.value, OSError) and isinstance(e.value, electsec.Error)
    assert e.value.path == str(tmp_path / "missing.json")
    os.mkfifo(tmp_path / "f.json")
    with pytest.raises(electsec.IoError, match="not a regular file"):
        electsec.Assessment.load(tmp_path / "f.json")
    a = electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 1)
    electsec.create_assessment(a, tmp_path / "c.json")
    with pytest.raises(electsec.IoError, match="already exists"):
        electsec.create_assessment(a, tmp_path / "c.json")


# ---- hostile input and faults ----

def test_objects_changed_by_other_threads_while_saving_save_a_consistent_snapshot(tmp_path):
    """save() copies the assessment with the GIL held; threads that keep changing it meanwhile
    cannot make it write freed memory or half a change."""
    a = electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 3)
    ids = [x.id for p in electsec.default_catalog().practices() for x in p.actions]
    stop = threading.Event()

    def churn(k):
        i = 0
        while not stop.is_set():
            a.set(ids[i % len(ids)], "done", note="m" * (i % 300) + str(k))
            i += 1

    def build_churn():
        builder = electsec.CatalogBuilder()
        while not stop.is_set():
            builder.add(electsec.Control.from_dict({"id": 1, "title": "C"}))

    workers = [threading.Thread(target=churn, args=(k,)) for k in range(3)] + [threading.Thread(target=build_churn)]
    for w in workers:
        w.start()
    try:
        for n in range(60):
            path = tmp_path / f"s{n % 3}.json"
            a.save(path)
            loaded = electsec.Assessment.load(path)
            assert all(s.note.rstrip("0123456789").strip("m") == "" for s in loaded.statuses.values())
    finally:
        stop.set()
        for w in workers:
            w.join()


@pytest.mark.parametrize("use", [
    lambda: electsec.to_json(electsec.Catalog.__new__(electsec.Catalog)),
    lambda: electsec.Jurisdiction.__new__(electsec.Jurisdiction).name,
    lambda: len(electsec.Plan.__new__(electsec.Plan)),
    lambda: electsec.Rollup.__new__(electsec.Rollup).to_dict(),
    lambda: electsec.Assessment.__new__(electsec.Assessment).save("never-written.json"),
    lambda: electsec.scorecard(electsec.default_catalog(), electsec.Assessment.__new__(electsec.Assessment)),
    lambda: electsec.CatalogBuilder.__new__(electsec.CatalogBuilder).problems(),
])
def test_objects_whose_init_never_ran_are_refused_not_read(use):
    with pytest.raises(TypeError, match="never initialised"):
        use()


def test_odd_arguments_are_refused_cleanly(cat):
    with pytest.raises(electsec.Error, match="indent 1100 is over the limit"):
        cat.to_json(indent=1100)
    with pytest.raises(electsec.ParseError) as e:
        electsec.parse_catalog("\u00e9")  # the JSON error stops inside a two-byte character
    assert "\\xc3" in str(e.value)
    with pytest.raises(TypeError):
        electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 1).set("backups.l1.1", "\ud800")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_failed_write_to_standard_output_is_an_error():
    with open("/dev/full", "w") as full:
        r = subprocess.run([*cli_command(), "catalog", "--format", "json"], stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=60)
    assert r.returncode == 1 and r.stderr.startswith("electsec: <stdout>: cannot write the output")


def test_a_closed_pipe_ends_quietly():
    r = subprocess.run(f"{' '.join(cli_command())} catalog --format json | head -c 10", shell=True,
                       capture_output=True, text=True, timeout=60)
    assert r.stdout == '{\n  "schem' and r.stderr == ""


@pytest.mark.parametrize("args, code", [
    (["assess", "set", "{f}", "x\x1b]0;pwned\x07\nline2", "done"], 1),
    (["show", "\u202eevil"], 1),
    (["assess", "set", "{f}", "backups.l1.1", "done", "--note", "\udcff"], 2),
])
def test_errors_are_one_line_a_terminal_cannot_act_on(tmp_path, args, code):
    path = init(tmp_path / "o.json")
    argv = [a.replace("{f}", str(path)) for a in args]
    r = subprocess.run([*cli_command(), *[os.fsencode(a) if "\udcff" in a else a for a in argv]],
                       capture_output=True, timeout=60)
    assert r.returncode == code
    err = r.stderr.decode("utf-8")
    assert err.count("\n") == 1 and "\x1b" not in err and "\x07" not in err and "\u202e" not in err


def test_fifos_and_symlink_loops_are_user_errors_not_hangs(tmp_path):
    path = init(tmp_path / "o.json")
    os.mkfifo(tmp_path / "f.json")
    for args in (["assess", "score", tmp_path / "f.json"], ["--catalog", tmp_path / "f.json", "controls"],
                 ["maturity", "--answers", tmp_path / "f.json"], ["report", "--assessment", tmp_path / "f.json"],
                 ["export", "--format", "oscal-assessment-results", "--assessment", tmp_path / "f.json"],
                 ["diff", "default", tmp_path / "f.json"], ["assess", "migrate", tmp_path / "f.json", "--to", "default"],
                 ["assess", "import", path, tmp_path / "f.json"]):
        r = run(*args)  # run() has a timeout: a hang fails the test
        assert r.returncode == 1 and "not a regular file" in r.stderr, (args, r.stderr)
    loops = tmp_path / "loops"
    loops.mkdir()
    os.symlink("self.json", loops / "self.json")
    r = run("rollup", loops)
    assert r.returncode == 1 and "Too many levels of symbolic links" in r.stderr
    os.mkfifo(loops / "pipe.json")
    r = run("rollup", "--skip-invalid", loops)
    assert r.returncode == 1 and "rollup: 2 of 2 files do not load" in r.stderr  # nothing left to sum up


@pytest.mark.parametrize("make", [
    lambda: electsec.Control.from_dict({"id": float("nan"), "title": "x"}),
    lambda: electsec.Practice.from_dict({"id": float("inf")}),
    lambda: electsec.Assessment.from_dict({"schema": float("nan")}),
    lambda: electsec.Scorecard.from_dict(object()),
    lambda: electsec.Jurisdiction.from_dict({"id": 1, "name": "x", "state": "y"}),
    lambda: electsec.ActionStatus.from_dict({"status": "done", "note": 5}),
    lambda: electsec.Jurisdiction.from_dict({"id": "a\nb", "name": "x", "state": "y"}),
    lambda: electsec.rollup_files(electsec.default_catalog(), ["/nonexistent/folder"]),
    lambda: electsec.default_catalog().practices(maturity=-2**63),
    lambda: electsec.Plan.from_dict({"maturity": 10**23, "steps": []}),
])
def test_misuse_raises_electsec_errors_not_runtime_errors(make):
    with pytest.raises(electsec.Error):
        make()


def test_a_guide_page_that_is_not_utf8_is_named_with_its_line(tmp_path):
    page = tmp_path / "bp" / "x.rst"
    page.parent.mkdir()
    page.write_bytes(b"Title\n=====\n\nGood line.\nBad \xff line.\n")
    with pytest.raises(electsec.ParseError) as e:
        electsec.import_practice_rst(page)
    assert e.value.line == 5 and "not valid UTF-8" in str(e.value)
    r = run("import-rst", tmp_path)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "x.rst:5:1: not valid UTF-8" in r.stderr


def test_plots_take_pathlike_paths(tmp_path, cat):
    plots = pytest.importorskip("electsec.plots")
    out = plots.coverage_heatmap(tmp_path / "heat.png", cat)
    assert (tmp_path / "heat.png").stat().st_size > 0 and out.get_title() == "Practice × CIS Safeguard mappings"

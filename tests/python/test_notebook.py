"""electsec in a notebook: HTML views of values and results, plots that compose, tidy frames
whose columns are the CLI's, reports equal to the CLI's, and the worked notebook run headless."""
import csv
import html.parser
import io
import os
import random

import pytest
from hypothesis import given, settings, strategies as st

import electsec

pd = pytest.importorskip("pandas")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from electsec import frames, plots  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOK = os.path.join(HERE, "..", "..", "examples", "notebooks", "state_analysis.ipynb")
HOSTILE = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
           "a\u202eb\u202cc", "&amp; <b>bold</b>"]


def office(n=0, level=1, name=None, note="", done=("backups.l1.1",)):
    a = electsec.Assessment(electsec.Jurisdiction(f"us-xx-{n}", name or f"County {n}", "XX"), level)
    for action in done:
        a.set(action, "done", note=note, updated="2026-03-0" + str(1 + n % 9))
    return a


class Elements(html.parser.HTMLParser):
    """The element names and the text of an HTML fragment, as a browser would parse it."""

    def __init__(self):
        super().__init__()
        self.tags, self.text, self.attributes = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment):
    p = Elements()
    p.feed(fragment)
    p.close()
    return p


# ---- display ----

def values(cat, tmp_path):
    a = office(level=2, note="kept offsite")
    store = electsec.Store.create(str(tmp_path / "display.db"))
    store.import_assessment(a, at="2026-01-05")
    store.set_status(a.jurisdiction.id, "backups.l1.2", "done", at="2026-02-01")
    answers = {s.id: s.level == 1 for s in cat.maturity_statements()}
    return {
        "Catalog": (cat, "1.4.1"),
        "Practice": (cat.practice("backups"), "Backups"),
        "Action": (cat.action("backups.l1.1"), "backups.l1.1"),
        "Safeguard": (cat.safeguard("11.2"), "Perform Automated Backups"),
        "Control": (cat.control(11), "Data Recovery"),
        "Goal": (cat.practice("backups").goals[0], cat.practice("backups").goals[0].text),
        "Tool": (cat.practice("backups").tools[0], cat.practice("backups").tools[0].url),
        "MaturityStatement": (cat.maturity_statements()[0], "l1.1"),
        "GlossaryEntry": (cat.glossary()[0], cat.glossary()[0].term),
        "Acronym": (cat.acronyms()[0], cat.acronyms()[0].expansion),
        "HandbookPractice": (cat.handbook()[0], cat.handbook()[0].title),
        "Recommendation": (cat.recommendations()[0], cat.recommendations()[0].title),
        "SearchHit": (cat.search("backups")[0], "Backups"),
        "SearchHits": (cat.search("backups"), "Backups"),
        "Assessment": (a, "kept offsite"),
        "Scorecard": (a.score(), "1 of 147 actions done"),
        "Plan": (electsec.build_plan(cat, 2, a), "Plan at Level 2"),
        "PlanStep": (electsec.build_plan(cat, 2, a).steps[0], electsec.build_plan(cat, 2, a).steps[0].reason),
        "Rollup": (electsec.rollup(cat, [a, office(1)]), "2 offices: 1 at Level 1, 1 at Level 2"),
        "MaturityResult": (electsec.determine_maturity(cat, answers), "Level 1"),
        "CatalogDiff": (electsec.diff(cat, cat), "none"),
        "Trend": (store.trend("month", from_="2026-01-01", to="2026-02-28"), "2026-02"),
        "TrendPoint": (store.trend("month", from_="2026-01-01", to="2026-02-28")[0], "2026-01"),
        "Events": (store.history(a.jurisdiction.id), "backups.l1.2"),
        "StoreEvent": ([e for e in store.history(a.jurisdiction.id) if e.subject == "status:backups.l1.2"][0],
                       "backups.l1.2"),
        "PeerComparison": (store.compare(a.jurisdiction.id, "2026-02-28"), "against its peers"),
        "Progress": (store.progress(since="2026-01-01", as_of="2026-02-28"), "2026-01-01 to 2026-02-28"),
    }


def test_every_value_and_result_has_an_html_view(cat, tmp_path):
    for name, (value, expected) in values(cat, tmp_path).items():
        assert type(value).__name__ == name
        view = value._repr_html_()
        parsed = parse(view)
        assert parsed.tags[0] == "div", name
        assert expected in "".join(parsed.text), name


def test_list_results_stay_lists(cat, tmp_path):
    hits = cat.search("ransomware backups", limit=2)
    assert isinstance(hits, list) and [h.id for h in hits] == ["backups", "ransomware"]
    with electsec.Store.create(str(tmp_path / "l.db")) as store:
        store.import_assessment(office(), at="2026-01-05")
        assert isinstance(store.history("us-xx-0"), list) and isinstance(store.changes(), list)
        assert store.trend("month", from_="2026-01-01", to="2026-01-31")[0].period == "2026-01"
    assert electsec.Catalog.search.__doc__ and "search" in electsec.Catalog.search.__name__


@pytest.mark.parametrize("hostile", HOSTILE)
def test_views_escape_what_people_typed(cat, hostile):
    a = office(level=1, name=hostile, note=hostile)
    for value in (a, a.score(), electsec.rollup(cat, [a])):
        parsed = parse(value._repr_html_())
        assert set(parsed.tags) <= {"div", "strong", "br", "span", "table", "thead", "tbody", "tr", "th", "td",
                                    "p", "pre"}
        assert all(name in ("class", "colspan", "style", "href") for name, _ in parsed.attributes)
        assert all(hostile not in value for _, value in parsed.attributes)
    shown = hostile.replace("\u202e", "\\u202e").replace("\u202c", "\\u202c")  # reordering marks made visible
    assert shown in "".join(parse(a._repr_html_()).text)


def test_views_link_only_web_and_mail_addresses(cat):
    import json
    doc = json.loads(cat.to_json())
    doc["practices"][0]["actions"][0]["links"] = [
        {"title": "trap", "url": "javascript:alert(1)"}, {"title": "quote", "url": 'https://a.example/"x'},
        {"title": "FBI <b>", "url": "https://www.fbi.gov/"}]
    practice = electsec.parse_catalog(json.dumps(doc)).practices()[0]
    parsed = parse(practice._repr_html_())
    hrefs = [value for name, value in parsed.attributes if name == "href"]
    assert "https://www.fbi.gov/" in hrefs and all(h.startswith("https://") for h in hrefs)
    assert not any("a.example" in h for h in hrefs)
    text = "".join(parsed.text)
    assert "trap: javascript:alert(1)" in text and 'quote: https://a.example/"x' in text and "FBI <b>" in text


def test_long_tables_say_what_they_leave_out(cat):
    a = office(done=[x.id for x in cat.actions(maturity=3)][:45], level=3)
    text = "".join(parse(a._repr_html_()).text)
    assert "… 15 more" in text


# ---- plots ----

def state(cat, offices=12, seed=3):
    rng = random.Random(seed)
    out = []
    for n in range(offices):
        level = rng.choice([1, 1, 2, 3])
        done = [x.id for x in cat.actions(maturity=level) if rng.random() < 0.5]
        out.append(office(n, level, done=done))
    return out


def test_completion_bars_label_values_and_mark_priorities(cat, tmp_path):
    card = office(done=[x.id for x in cat.actions(practice="backups", maturity=1)]).score()
    ax = plots.completion_by_practice(card)
    shown = [p for p in card.practices if p.actions_applicable]
    assert len(ax.patches) == len(shown)
    labels = [t.get_text() for t in ax.texts]
    assert "2 of 2 (100%)" in labels and "0 of 3 (0%)" in labels
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    priority = [p for p in shown if p.scope == "priority"]
    assert sum(t.startswith("★ ") for t in ticks) == len(priority) == 10
    assert ticks[0] == "★ Addressing Physical Threats"
    assert "★ priority at Level 1" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert max(len(line) for t in ticks for line in t.split("\n")) <= 36  # wrapped


def test_plots_draw_on_a_given_axes_and_return_it(cat, tmp_path):
    import matplotlib.pyplot as plt
    offices = state(cat)
    roll = electsec.rollup(cat, offices)
    fig, axes = plt.subplots(1, 3, figsize=(18, 8))
    assert plots.completion_by_practice(roll, ax=axes[0]) is axes[0]
    assert plots.coverage_heatmap(ax=axes[1], ig=1) is axes[1]
    assert plots.maturity_distribution(roll, ax=axes[2], title="Levels") is axes[2]
    assert plt.fignum_exists(fig.number) and len(fig.axes) >= 3
    assert [round(b.get_height()) for b in axes[2].patches] == list(roll.maturity_distribution)
    plt.close(fig)


def test_heatmap_drops_empty_rows_and_has_a_legend(cat):
    ax = plots.coverage_heatmap()
    mapped = [p for p in cat.practices() if p.safeguards]
    assert len(ax.get_yticks()) == len(mapped) == 22
    assert len(ax.get_xticks()) == len({m.safeguard for p in mapped for m in p.safeguards})
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "counts from Level 1" and len(legend) == 4
    ig1 = plots.coverage_heatmap(ig=1)
    assert len(ig1.get_yticks()) < len(mapped)


@pytest.mark.parametrize("name", ["bars.png", "bars.svg", "bars.pdf"])
def test_saved_files_and_svg_text(cat, tmp_path, name):
    path = tmp_path / name
    ax = plots.completion_by_practice(electsec.rollup(cat, state(cat)), path)
    assert ax.get_title() == "Completion by practice"
    data = path.read_bytes()
    assert len(data) > 5000
    if name.endswith(".svg"):
        assert b"<text" in data and b"Backups" in data  # text kept as text, searchable
    if name.endswith(".png"):
        assert data[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_saved_new_figure_is_closed_in_scripts(cat, tmp_path):
    import matplotlib.pyplot as plt
    before = len(plt.get_fignums())
    plots.maturity_distribution(electsec.rollup(cat, state(cat)), tmp_path / "d.png")
    assert len(plt.get_fignums()) == before
    ax = plots.maturity_distribution(electsec.rollup(cat, state(cat)))  # not saved: left to the caller
    assert plt.fignum_exists(ax.figure.number)
    plt.close(ax.figure)


# ---- frames ----

def cli_header(*args):
    code, out, err = electsec.run_cli([*args, "--format", "csv"])
    assert code == 0, err
    return next(csv.reader(io.StringIO(out)))


def test_frames_share_the_cli_csv_columns(cat, tmp_path):
    a = office(level=2, note="n")
    path = tmp_path / "a.json"
    a.save(str(path))
    cases = [
        (frames.practices(), ["practices"]),
        (frames.actions(), ["actions"]),
        (frames.safeguards(), ["safeguards"]),
        (frames.scorecard(a.score()), ["assess", "score", str(path)]),
        (frames.rollup(electsec.rollup(cat, [a])), ["rollup", str(path)]),
        (frames.plan(electsec.build_plan(cat, 2, a), a), ["plan", "--assessment", str(path)]),
    ]
    for frame, command in cases:
        columns = [frame.index.name, *frame.columns] if frame.index.name else list(frame.columns)
        missing = [c for c in cli_header(*command) if c not in columns]
        assert missing == [], (command, missing)
    plan = frames.plan(electsec.build_plan(cat, 2, a), a)
    assert list(plan.columns) == cli_header("plan", "--assessment", str(path))


def test_plan_frame_equals_the_cli_csv(cat, tmp_path):
    a = office(level=1, note="offsite, weekly", done=())
    a.set("backups.l1.1", "in_progress", note="offsite, weekly")
    path = tmp_path / "a.json"
    a.save(str(path))
    code, out, _ = electsec.run_cli(["plan", "--assessment", str(path), "--format", "csv"])
    cli = pd.read_csv(io.StringIO(out), keep_default_na=False, dtype=str)
    mine = frames.plan(electsec.build_plan(cat, 1, a), a).astype(str).replace("None", "")
    assert cli.equals(mine.reset_index(drop=True))


def test_frame_dtypes(cat):
    acts = frames.actions(maturity=1)
    assert acts.loc["backups.l1.1", "levels"] == [1] and acts["first_level"].dtype == "int64"
    assert len(acts) == len(cat.actions(maturity=1)) < len(frames.actions())
    assert acts.loc["backups.l1.1", "title"] == "Backups"
    sg = frames.safeguards()
    assert sg.loc["1.2", "depends_on"] == ["1.1"] and sg.loc["1.2", "implementation_groups"] == [1, 2, 3]
    assert str(sg["security_function"].dtype) == "category"
    maps = frames.mappings()
    assert str(maps["maturity"].dtype) == "Int64" and maps["maturity"].isna().sum() == 37
    card = frames.scorecard(office().score())
    assert card.loc["backups", "title"] == "Backups" and list(card["scope"].cat.categories) == list(electsec.SCOPES)


def test_statuses_and_offices_frames(cat, tmp_path):
    offices = state(cat, offices=5)
    offices[0].set("backups.l1.2", "not_applicable", note="<none>", updated="2026-04-01T10:00:00Z")
    long = frames.statuses(offices)
    assert len(long) == sum(a.score().actions_applicable + 0 for a in offices) + 1  # the n/a action is a row
    assert list(long["status"].cat.categories) == list(electsec.STATUSES)
    assert str(long["updated"].dtype) == "datetime64[ns, UTC]"
    row = long[(long.office == "us-xx-0") & (long.action == "backups.l1.2")].iloc[0]
    assert row.status == "not_applicable" and row.note == "<none>" and row.title == "Backups"
    assert long[long.status == "not_started"]["updated"].isna().all()
    per = frames.offices(offices)
    assert list(per.index) == [a.jurisdiction.id for a in offices]
    assert per.loc["us-xx-0", "actions_applicable"] == offices[0].score().actions_applicable
    for d in (tmp_path / "state",):
        d.mkdir()
        for a in offices:
            a.save(str(d / f"{a.jurisdiction.id}.json"))
        assert frames.offices(str(d)).equals(per) and frames.statuses([str(d)]).equals(long)


def test_frames_from_a_store_as_of_a_date(cat, tmp_path):
    with electsec.Store.create(str(tmp_path / "s.db")) as store:
        store.import_assessment(office(0), at="2026-01-05")
        store.import_assessment(office(1), at="2026-03-05")
        store.set_status("us-xx-0", "backups.l1.2", "done", at="2026-02-01")
        january = frames.offices(store, as_of="2026-01-31")
        march = frames.offices(store, as_of="2026-03-31")
    # office(0)'s backups.l1.1 carries its own date, 2026-03-01; backups.l1.2 was set in February.
    assert list(january.index) == ["us-xx-0"] and january.loc["us-xx-0", "actions_done"] == 0
    assert list(march.index) == ["us-xx-0", "us-xx-1"] and march.loc["us-xx-0", "actions_done"] == 2


def test_a_bad_file_names_itself(cat, tmp_path):
    (tmp_path / "bad.json").write_text('{"schema": "electsec.assessment/1", "jurisdiction": 3}')
    with pytest.raises(electsec.Error, match="bad.json:1:53: field /jurisdiction"):
        frames.statuses([str(tmp_path)])


STATUS_CHANGES = st.lists(st.tuples(st.sampled_from([a.id for a in electsec.default_catalog().actions()]),
                                    st.sampled_from(electsec.STATUSES)), max_size=40)


@settings(max_examples=40, deadline=None, database=None)
@given(changes=st.lists(STATUS_CHANGES, min_size=1, max_size=4), levels=st.lists(st.sampled_from([1, 2, 3]),
                                                                                   min_size=4, max_size=4))
def test_long_and_office_frames_agree_with_the_scorecard(changes, levels):
    cat = electsec.default_catalog()
    records = []
    for n, calls in enumerate(changes):
        a = electsec.Assessment(electsec.Jurisdiction(f"us-xx-{n}", f"C{n}", "XX"), levels[n])
        for action, status in calls:
            a.set(action, status)
        records.append(a)
    long = frames.statuses(records)
    per = frames.offices(records)
    for a in records:
        card = a.score()
        mine = long[long.office == a.jurisdiction.id]
        assert (mine.status == "done").sum() == card.actions_done == per.loc[a.jurisdiction.id, "actions_done"]
        assert (mine.status != "not_applicable").sum() == card.actions_applicable
        assert (mine.status == "in_progress").sum() == card.actions_in_progress


def test_store_frames_check_the_date_and_offices_are_unique(cat, tmp_path):
    with electsec.Store.create(str(tmp_path / "s.db")) as store:
        store.import_assessment(office(0), at="2026-01-05")
        for bad in ("31/10/2026", "2026-13-01"):
            with pytest.raises(electsec.Error, match="date"):
                frames.statuses(store, as_of=bad)
        assert len(frames.offices(store, as_of="2025-12-31")) == 0  # before any record: no office
    folder = tmp_path / "state"
    folder.mkdir()
    office(0).save(str(folder / "a.json"))
    for source in ([str(folder), str(folder / "a.json")], [office(3), office(3)]):
        with pytest.raises(electsec.Error, match="office 'us-xx-.' is already held by"):
            frames.offices(source)
    with pytest.raises(electsec.Error, match="found int"):
        frames.statuses([3])


def test_empty_frames_keep_their_types(tmp_path):
    empty = frames.offices([])
    assert len(empty) == 0 and str(empty["maturity"].dtype) == "int64" and str(empty["completion"].dtype) == "float64"
    assert str(empty["priorities_complete"].dtype) == "bool"
    assert list(empty.columns) == list(frames.offices([office()]).columns)
    long = frames.statuses([])
    assert len(long) == 0 and str(long["status"].dtype) == "category"


def test_store_show_csv_and_the_offices_frame_agree(cat, tmp_path):
    db = str(tmp_path / "s.db")
    with electsec.Store.create(db) as store:
        for a in state(cat, offices=3):
            store.import_assessment(a, at="2026-01-05")
        per = frames.offices(store, as_of="2026-12-31")
    code, out, err = electsec.run_cli(["store", "show", db, "--as-of", "2026-12-31", "--format", "csv"])
    assert code == 0, err
    cli = pd.read_csv(io.StringIO(out), dtype={"id": str}).set_index("id")
    for column in cli.columns:
        if column == "completion":
            assert (cli[column] - per[column]).abs().max() < 1e-6
        else:
            assert cli[column].astype(str).tolist() == per[column].astype(str).tolist(), column


def test_views_show_hidden_characters_and_cut_long_notes(cat):
    a = office(name="Evil\u202e County", note="\x1b[31m" + "x" * 5000)
    text = "".join(parse(a._repr_html_()).text)
    assert "Evil\\u202e County" in text and "\\u001b[31m" in text and "\u202e" not in text and "\x1b" not in text
    assert "(4710 more characters)" in text and len(a._repr_html_()) < 2000


def test_missing_statistics_show_as_a_dash(cat, tmp_path):
    with electsec.Store.create(str(tmp_path / "s.db")) as store:
        store.import_assessment(office(0), at="2026-01-05")
        alone = store.compare("us-xx-0", "2026-02-01")
        assert "no state peers" in alone._repr_html_()
        assert "-" in [c for row in parse(alone._repr_html_()).text for c in [row]]
        points = store.trend("month", from_="2025-11-01", to="2026-01-31")
        assert frames.trend(points)["office_median"].isna().tolist() == [True, True, False]


def test_plots_say_when_there_is_nothing_to_draw(cat, tmp_path):
    import matplotlib.pyplot as plt
    import json
    doc = json.loads(cat.to_json())
    for p in doc["practices"]:
        p["safeguards"] = []
    bare = electsec.parse_catalog(json.dumps(doc))
    ax = plots.coverage_heatmap(catalog=bare)
    assert "no practice maps" in ax.texts[0].get_text()
    card = office(done=()).score()
    a = office(done=())
    for action in cat.actions(maturity=1):
        a.set(action.id, "not_applicable")
    assert "no applicable actions" in plots.completion_by_practice(a.score()).texts[0].get_text()
    with electsec.Store.create(str(tmp_path / "empty.db")) as store:
        nobody = store.rollup("2026-01-01")
    assert nobody.jurisdictions == 0
    assert "no offices" in plots.maturity_distribution(nobody).texts[0].get_text()
    plt.close("all")
    before = len(plt.get_fignums())
    for bad in (tmp_path / "x.unknownformat", tmp_path / "missing" / "x.png"):
        with pytest.raises((ValueError, OSError)):
            plots.completion_by_practice(card, bad)
    assert len(plt.get_fignums()) == before


def test_trend_refuses_an_unknown_peer_group(cat, tmp_path):
    with electsec.Store.create(str(tmp_path / "s.db")) as store:
        store.import_assessment(office(0), at="2026-01-05")
        with pytest.raises(electsec.Error, match="peer_group 'State' is not one of state, level, all"):
            plots.trend(store, "us-xx-0", peer_group="State")


# ---- reports ----

def test_reports_equal_the_cli(cat, tmp_path):
    offices = state(cat, offices=4)
    folder = tmp_path / "state"
    folder.mkdir()
    for a in offices:
        a.save(str(folder / f"{a.jurisdiction.id}.json"))
    one = str(folder / "us-xx-0.json")
    db = str(tmp_path / "s.db")
    with electsec.Store.create(db) as store:
        store.import_files([str(folder)], at="2026-01-05")
        store.set_status("us-xx-1", "backups.l1.2", "done", at="2026-02-01")
    date = ["--report-date", "2026-06-30"]
    with electsec.Store.open(db) as store:
        cases = [
            (offices[0], {}, ["--assessment", one]),
            (one, {"title": "Mine", "next_steps": 2}, ["--assessment", one, "--title", "Mine", "--next-steps", "2"]),
            (str(folder), {"max_offices": 2}, ["--rollup", str(folder), "--max-offices", "2"]),
            (offices, {}, ["--rollup", str(folder)]),
            (electsec.rollup(cat, offices), {}, ["--rollup", str(folder)]),
            (store, {"as_of": "2026-03-31"}, ["--store", db, "--as-of", "2026-03-31"]),
            (store, {"as_of": "2026-03-31", "since": "2026-01-01", "state": "xx"},
             ["--store", db, "--as-of", "2026-03-31", "--since", "2026-01-01", "--state", "xx"]),
            (store, {"office": "us-xx-1", "as_of": "2026-03-31"},
             ["--store", db, "--office", "us-xx-1", "--as-of", "2026-03-31"]),
        ]
        for fmt in ("markdown", "html", "HTML"):
            for source, options, args in cases:
                code, out, err = electsec.run_cli(["report", *args, *date, "--format", fmt])
                assert code == 0, err
                assert electsec.report(source, fmt, report_date="2026-06-30", **options) == out, args


def test_report_refuses_what_the_cli_refuses(cat, tmp_path):
    a = office()
    with electsec.Store.create(str(tmp_path / "s.db")) as store:
        store.import_assessment(a, at="2026-01-05")
        cases = [
            ((a, "pdf"), {}, "not one of markdown, html"),
            ((a,), {"max_offices": 3}, "state's report"),
            (([a],), {"next_steps": 3}, "one office's report"),
            ((a,), {"as_of": "2026-01-01"}, "needs a Store"),
            ((store,), {"office": "us-xx-0", "state": "XX"}, "state's report"),
            ((store,), {"state": "ZZ"}, "no office matches"),
            (([],), {}, "not an empty list"),
            (([a, "x.json"],), {}, "not a mix"),
            ((a,), {"report_date": "June"}, "not a date"),
            ((a,), {"report_date": ""}, "not a date"),
            ((a,), {"next_steps": 0}, "between 1 and 1000"),
            ((a,), {"next_steps": -1}, "between 1 and 1000"),
            (([a],), {"max_offices": 0}, "between 1 and 100000"),
            ((store,), {"stalled_days": 99999}, "between 1 and 36500"),
            ((store,), {"as_of": "2026-04-30T00:00:00Z"}, "as_of: '2026-04-30T00:00:00Z' is not a date"),
            ((store,), {"state": "YY"}, "state 'YY'; the store's states: XX"),
        ]
        for args, options, message in cases:
            with pytest.raises(electsec.Error, match=message):
                electsec.report(*args, **options)


def test_report_date_defaults_to_today(cat):
    import datetime
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    assert f"Report date: {today}" in electsec.report(office())


# ---- the worked notebook ----

def test_the_worked_notebook_runs(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    from nbconvert.preprocessors import ExecutePreprocessor
    with open(NOTEBOOK, encoding="utf-8") as f:
        notebook = nbformat.read(f, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "the notebook is kept without outputs; clear them before committing"
    # The kernel runs in tmp_path: it finds this electsec by an absolute path.
    package = os.path.dirname(os.path.dirname(os.path.abspath(electsec.__file__)))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([package, os.environ.get("PYTHONPATH", "")]))
    ExecutePreprocessor(timeout=300, kernel_name="python3").preprocess(notebook, {"metadata": {"path": str(tmp_path)}})
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    kinds = [k for o in outputs for k in o.get("data", {})]
    assert kinds.count("image/png") >= 4 and "text/html" in kinds
    written = sorted(os.listdir(tmp_path))
    assert "state-report.html" in written and "statuses.csv" in written

"""Every query of Catalog, in Python's terms."""
import gc
import pickle
import threading

import pytest

import electsec


def ids(items):
    return [x.id for x in items]


def test_default_catalog_holds_the_guide(cat):
    assert len(cat.practices()) == 30
    assert cat.guide().title == "Essential Guide to Election Security"
    assert cat.guide().version == "1.4.1"
    assert len(cat.safeguards()) == 153
    assert len(cat.controls()) == 18
    assert electsec.default_catalog() == cat


@pytest.mark.parametrize(
    "kwargs, count",
    [({}, 30), ({"maturity": 1}, 27), ({"maturity": 1, "scope": "priority"}, 10),
     ({"maturity": 3, "scope": "out_of_scope"}, 0), ({"scope": "out_of_scope"}, 3)],
)
def test_practice_filters(cat, kwargs, count):
    assert len(cat.practices(**kwargs)) == count


@pytest.mark.parametrize(
    "kwargs, count",
    [({}, 153), ({"ig": 1}, 56), ({"ig": 2}, 130), ({"ig": 3}, 153), ({"control": 4}, 12),
     ({"asset_type": "N/A", "function": "Recover"}, 3), ({"control": 99}, 0)],
)
def test_safeguard_filters(cat, kwargs, count):
    assert len(cat.safeguards(**kwargs)) == count


def test_single_lookups(cat):
    p = cat.practice("user_management")
    assert p.title == "User Management"
    assert p.scopes == ("priority", "priority", "priority")
    assert p.scope_at(3) == "priority"
    assert p.order == 7
    a = cat.action("user_management.l1.organizational-recommendations.4")
    assert a.levels == [1] and a.group == "Organizational Recommendations"
    assert a.first_level == 1 and a.practice == "user_management"
    assert cat.practice_of_action(a.id) == p
    assert cat.control(18).title == "Penetration Testing"
    s = cat.safeguard("14.9")
    assert (s.asset_type, s.security_function, s.implementation_groups) == ("N/A", "Protect", [2, 3])
    assert s.in_group(2) and not s.in_group(1)


def test_relations_carry_the_mapping_maturity(cat):
    mapped = cat.practices_of_safeguard("14.9")
    assert [(m.practice.id, m.maturity) for m in mapped] == [("managing_staff", 2)]
    practice, maturity = mapped[0]
    assert practice.id == "managing_staff" and maturity == 2
    of_practice = cat.safeguards_of_practice("encrypt_data_at_rest")
    assert [(m.safeguard.id, m.maturity) for m in of_practice] == [
        ("3.6", None), ("3.9", None), ("3.11", None), ("11.3", None)]
    assert cat.practices_of_safeguard("1.5") == []


def test_applicable_actions_and_coverage(cat):
    assert len(cat.applicable_actions("user_management", 1)) == 15
    assert len(cat.applicable_actions("user_management", 2)) == 19
    assert cat.applicable_actions("network_monitoring", 1) == []
    cov = cat.coverage(1)
    assert cov.ig == 1 and cov.total == 56
    assert len(cov.mapped) + len(cov.unmapped) == 56
    assert all(s.in_group(1) for s in cov.unmapped)


def test_content_queries(cat):
    assert [s.id for s in cat.maturity_statements(1)] == [f"l1.{i}" for i in range(1, 7)]
    assert len(cat.maturity_statements()) == 20
    assert cat.maturity_statement("l2.6").level == 2
    assert [l.name for l in cat.maturity_levels()] == ["Level 1", "Level 2", "Level 3"]
    pr = cat.priorities()
    assert len(pr.level1_baseline) == 10 and pr.level1_election[0] == "join_ei_isac"
    assert pr.cdm_ranking[0].safeguard == "4.1" and pr.cdm_ranking[0].rank == 1
    assert cat.worksheet("account-security").actions[0] == "user_management.l1.user-recommendations.1"
    assert len(cat.handbook()) == 88
    assert cat.handbook_practice(9).practices == ["websites"]
    assert ids(cat.practices_of_handbook(73)) == ["incident_response", "managing_vendors"]
    assert [h.number for h in cat.handbook_of_practice("network_segmentation")] == [6]
    assert cat.glossary_entry("HASHING").term == "hashing"
    assert len(cat.glossary()) == 21
    assert cat.acronym_expansions("cdm")[0] == "Community Defense Model"
    assert len(cat.acronyms()) == 47
    assert len(cat.guidance().recommendations) == 24


@pytest.mark.parametrize(
    "call, kind",
    [(lambda c: c.practice("asset"), "practice"), (lambda c: c.action("x.l1.1"), "action"),
     (lambda c: c.safeguard("99.9"), "safeguard"), (lambda c: c.control(19), "control"),
     (lambda c: c.practices_of_safeguard("0.1"), "safeguard"),
     (lambda c: c.safeguards_of_practice("nope"), "practice"),
     (lambda c: c.applicable_actions("nope", 1), "practice"),
     (lambda c: c.maturity_statement("l4.1"), "maturity statement"),
     (lambda c: c.worksheet("accounts"), "worksheet"),
     (lambda c: c.handbook_practice(89), "Handbook practice"),
     (lambda c: c.practices_of_handbook(0), "Handbook practice"),
     (lambda c: c.handbook_of_practice("nope"), "practice"),
     (lambda c: c.glossary_entry("salt"), "glossary term"),
     (lambda c: c.acronym_expansions("XYZ"), "acronym"),
     (lambda c: c.practice_of_action("nope"), "action")],
)
def test_missed_lookups_raise_not_found(cat, call, kind):
    with pytest.raises(electsec.NotFound) as info:
        call(cat)
    assert info.value.kind == kind
    assert isinstance(info.value, KeyError) and isinstance(info.value, ValueError)
    assert isinstance(info.value, electsec.Error)
    assert str(info.value).startswith(f"unknown {kind} ")  # not KeyError's quoted form


def test_not_found_names_the_closest(cat):
    with pytest.raises(KeyError) as info:
        cat.practice("asset")
    assert info.value.id == "asset"
    assert info.value.closest == ["asset_management"]
    assert "did you mean 'asset_management'?" in str(info.value)


@pytest.mark.parametrize(
    "call, message",
    [(lambda c: c.practices(maturity=4), "unknown maturity 4"),
     (lambda c: c.practices(scope="optional"), "unknown scope 'optional'"),
     (lambda c: c.safeguards(ig=0), "unknown implementation group '0'"),
     (lambda c: c.safeguards(asset_type="devices"), "unknown asset type 'devices'"),
     (lambda c: c.safeguards(function="Guard"), "unknown security function 'Guard'"),
     (lambda c: c.applicable_actions("backups", 0), "unknown maturity 0")],
)
def test_bad_values_raise_error(cat, call, message):
    with pytest.raises(electsec.Error, match=message):
        call(cat)


def test_wrong_types_raise_type_error(cat):
    with pytest.raises(TypeError):
        cat.practices(maturity="1")
    with pytest.raises(TypeError):
        cat.safeguards(ig=True)


def test_parse_errors_name_line_column_and_field():
    from conftest import minimal_document
    text = minimal_document().replace('"Devices"', '"Gadgets"')
    with pytest.raises(electsec.ParseError) as info:
        electsec.parse_catalog(text, "mine.json")
    e = info.value
    assert (e.source, e.field) == ("mine.json", "/safeguards/0/asset_type")
    at = text.index('"Gadgets"')
    assert e.line == text[:at].count("\n") + 1
    assert e.column == at - text.rfind("\n", 0, at)
    assert str(e).startswith(f"mine.json:{e.line}:{e.column}: field /safeguards/0/asset_type: unknown asset type")
    with pytest.raises(electsec.ParseError, match="invalid JSON"):
        electsec.parse_catalog("{", "x.json")


def test_validation_errors_list_every_problem():
    from conftest import minimal_document
    text = minimal_document(controls=[{"id": 2, "title": "C"}])
    with pytest.raises(electsec.ValidationError) as info:
        electsec.parse_catalog(text)
    assert ("safeguard '1.1'", "id does not belong to control 1") not in info.value.problems
    assert ("safeguard '1.1'", "unknown control 1") in info.value.problems


def test_load_catalog(catalog_file, cat, tmp_path):
    assert electsec.load_catalog(str(catalog_file)) == cat
    with pytest.raises(electsec.Error, match="cannot read: No such file"):
        electsec.load_catalog(str(tmp_path / "missing.json"))


def test_json_round_trip(cat):
    assert electsec.parse_catalog(electsec.to_json(cat)) == cat
    assert electsec.parse_catalog(cat.to_json(indent=-1)) == cat
    assert cat.to_dict()["practices"][6]["id"] == "user_management"


def test_values_survive_their_catalog(catalog_file):
    loaded = electsec.load_catalog(str(catalog_file))
    practice = loaded.practice("backups")
    mapped = loaded.practices_of_safeguard("11.1")
    del loaded
    gc.collect()
    assert practice.title == "Backups" and len(practice.actions) == 4
    assert mapped[0].practice.id == "backups"


def test_values_compare_hash_repr_and_convert(cat):
    p = cat.practice("backups")
    assert p == cat.practice("backups") and p != cat.practice("mdbr")
    assert len({p, cat.practice("backups"), cat.practice("mdbr")}) == 2
    assert repr(p) == "Practice('backups', 'Backups')"
    assert repr(cat.safeguard("4.1")).startswith("Safeguard('4.1', ")
    assert repr(cat.control(1)) == "Control(1, 'Inventory and Control of Enterprise Assets')"
    assert repr(cat) == "Catalog('Essential Guide to Election Security', '1.4.1', 30 practices)"
    assert p.to_dict()["goals"][0] == {"id": "backups.goal.1", "text": p.goals[0].text, "maturity": None}
    assert electsec.Practice.from_dict(p.to_dict()) == p
    with pytest.raises(electsec.ParseError, match="field /control: missing required field 'control'"):
        electsec.Safeguard.from_dict({"id": "1.1"})


def test_every_value_type_pickles(cat):
    values = [cat.guide(), cat.maturity_levels()[0], cat.maturity_statements()[0],
              cat.practice("user_management"), cat.practice("user_management").goals[0],
              cat.practice("user_management").actions[0], cat.practice("backups").tools[0],
              cat.practice("backups").learn_more[0], cat.practice("backups").safeguards[0],
              cat.control(3), cat.safeguard("3.3"), cat.worksheet("cyber-education"),
              cat.priorities().cdm_ranking[0], cat.priorities(), cat.handbook_practice(1),
              cat.glossary()[0], cat.acronyms()[0], cat.guidance(), cat]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value, type(value)


def test_guidance_values_convert():
    src = electsec.GuidanceSource.from_dict({"id": "cisa", "title": "A page"})
    assert (src.id, src.url) == ("cisa", "")
    rec = electsec.Recommendation.from_dict({"id": "cisa.1", "source": "cisa", "title": "T", "text": "X",
                                             "practices": [{"practice": "backups", "reason": "r"}]})
    assert rec.practices[0] == electsec.RelatedPractice.from_dict({"practice": "backups", "reason": "r"})
    assert pickle.loads(pickle.dumps(rec)) == rec


def test_catalog_serves_threads(cat):
    results = []

    def work():
        results.append(sum(len(cat.safeguards(ig=1)) for _ in range(50)))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [56 * 50] * 8

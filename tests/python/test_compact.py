"""CompactAssessment from Python: the same scorecards and rollups as the Assessments it is made
from, a layout that follows Catalog.actions(), and rollups that take offices where they lie."""
import pickle

import pytest
from hypothesis import given, settings, strategies as st

import electsec

from conftest import minimal_document

CAT = electsec.default_catalog()
ACTIONS = [a.id for a in CAT.actions()]
NUMBERS = {"not_started": 0, "in_progress": 1, "done": 2, "not_applicable": 3}


def office(n, level, statuses=()):
    a = electsec.Assessment(electsec.Jurisdiction(f"us-xx-{n}", f"County {n}", "XX"), level)
    for action, status in statuses:
        a.set(action, status, "", "2026-01-02")
    return a


offices = st.lists(
    st.tuples(st.sampled_from([1, 2, 3]),
              st.lists(st.tuples(st.sampled_from(ACTIONS), st.sampled_from(sorted(NUMBERS))), max_size=60)),
    max_size=12)


def model_totals(a):
    """Applicable, done and in-progress actions over the practices in scope, from the rules."""
    applicable = done = in_progress = 0
    for p in CAT.practices():
        if p.scope_at(a.maturity) == "out_of_scope":
            continue
        for action in CAT.applicable_actions(p.id, a.maturity):
            status = a.status_of(action.id)
            applicable += status != "not_applicable"
            done += status == "done"
            in_progress += status == "in_progress"
    return applicable, done, in_progress


@settings(max_examples=80, deadline=None, database=None)
@given(offices=offices)
def test_compact_scores_and_rolls_up_as_the_assessment_does(offices):
    records = [office(n, level, statuses) for n, (level, statuses) in enumerate(offices)]
    compacts = [electsec.compact(CAT, a) for a in records]
    for a, c in zip(records, compacts):
        card = electsec.score(CAT, a)
        assert electsec.score(CAT, c) == card
        assert c.score() == card
        assert (card.actions_applicable, card.actions_done, card.actions_in_progress) == model_totals(a)
        assert c.statuses == bytes(NUMBERS[a.status_of(action)] for action in ACTIONS)
    expected = electsec.rollup(CAT, records)
    assert electsec.rollup(CAT, compacts) == expected
    assert electsec.rollup(CAT, records[::2] + compacts[1::2]) == electsec.rollup(CAT, records[::2] + records[1::2])
    assert expected.actions_done == sum(electsec.score(CAT, a).actions_done for a in records)
    assert expected.jurisdictions == len(records)


def test_the_layout_follows_catalog_actions():
    a = office(1, 2, [(ACTIONS[0], "in_progress"), (ACTIONS[-1], "not_applicable"), (ACTIONS[7], "done")])
    c = a.compact()
    assert c == electsec.compact(CAT, a)
    assert isinstance(c.statuses, bytes) and len(c.statuses) == len(ACTIONS) == 159
    assert (c.statuses[0], c.statuses[7], c.statuses[-1]) == (1, 2, 3)
    assert c.statuses.count(0) == 156
    assert c.jurisdiction == a.jurisdiction and c.maturity == 2
    assert repr(c) == "CompactAssessment('us-xx-1', maturity=2, 159 actions)"


def test_made_from_bytes_of_any_kind():
    a = office(2, 3, [(ACTIONS[3], "done")])
    c = electsec.compact(CAT, a)
    for raw in (c.statuses, bytearray(c.statuses), memoryview(c.statuses)):
        made = electsec.CompactAssessment(a.jurisdiction, 3, raw)
        assert made == c and made.score() == a.score()
    numpy = pytest.importorskip("numpy")
    row = numpy.frombuffer(c.statuses, dtype=numpy.uint8).copy()
    row[4] = NUMBERS["done"]  # at Level 3 every action of the default catalog counts
    assert electsec.CompactAssessment(a.jurisdiction, 3, row).score().actions_done == a.score().actions_done + 1
    with pytest.raises(TypeError, match="one row of single bytes"):
        electsec.CompactAssessment(a.jurisdiction, 3, numpy.zeros(159, dtype=numpy.int32))
    with pytest.raises(TypeError):
        electsec.CompactAssessment(a.jurisdiction, 3, list(c.statuses))
    with pytest.raises(electsec.Error, match="maturity"):
        electsec.CompactAssessment(a.jurisdiction, 4, c.statuses)


def test_pickles_and_compares_by_value():
    a = office(3, 1, [(ACTIONS[0], "done")])
    c = a.compact()
    assert pickle.loads(pickle.dumps(c)) == c
    assert c != electsec.compact(CAT, office(3, 2, [(ACTIONS[0], "done")]))
    assert c != electsec.compact(CAT, office(3, 1))


@pytest.mark.parametrize("spoil, message", [
    (lambda s: s[:-1], "CompactAssessment of office 'us-xx-4' has 158 statuses, but the catalog has 159 actions"),
    (lambda s: s + b"\0", "has 160 statuses, but the catalog has 159 actions"),
    (lambda s: b"", "has 0 statuses"),
    (lambda s: s[:10] + b"\x04" + s[11:], f"status 4 of action {ACTIONS[10]} is not a Status"),
])
def test_statuses_that_do_not_fit_are_an_error(spoil, message):
    a = office(4, 1)
    bad = electsec.CompactAssessment(a.jurisdiction, 1, spoil(a.compact().statuses))
    for call in (lambda: electsec.score(CAT, bad), lambda: bad.score(), lambda: electsec.rollup(CAT, [a, bad])):
        with pytest.raises(electsec.Error, match=message):
            call()


def test_an_unknown_action_raises_what_score_raises(tmp_path):
    other = electsec.parse_catalog(minimal_document())
    a = electsec.Assessment(electsec.Jurisdiction("us-xx-5", "Five", "XX"), 1, "1")
    a.set("p.l1.1", "done", catalog=other)
    with pytest.raises(electsec.NotFound) as scored:
        electsec.score(CAT, a)
    for call in (lambda: electsec.compact(CAT, a), lambda: a.compact(), lambda: electsec.rollup(CAT, [office(6, 1), a])):
        with pytest.raises(electsec.NotFound) as raised:
            call()
        assert str(raised.value) == str(scored.value)
    assert electsec.compact(other, a).statuses == b"\x02"


def test_rollup_takes_any_iterable_and_names_a_wrong_item():
    records = [office(n, 1 + n % 3, [(ACTIONS[n], "done")]) for n in range(5)]
    expected = electsec.rollup(CAT, records)
    assert electsec.rollup(CAT, tuple(records)) == expected
    assert electsec.rollup(CAT, (a for a in records)) == expected
    assert electsec.rollup(CAT, (a.compact() for a in records)) == expected
    assert electsec.rollup(CAT, []).jurisdictions == 0
    twice = electsec.rollup(CAT, [records[0]] * 2)  # one object, read twice where it lies
    assert twice.jurisdictions == 2 and twice.actions_done == 2 * records[0].score().actions_done
    with pytest.raises(TypeError, match=r"rollup: assessments\[2\] is str, not an Assessment or a CompactAssessment"):
        electsec.rollup(CAT, records[:2] + ["us-xx-9"])
    with pytest.raises(TypeError, match="never initialised"):
        electsec.rollup(CAT, [electsec.CompactAssessment.__new__(electsec.CompactAssessment)])
    with pytest.raises(TypeError, match="never initialised"):
        electsec.score(CAT, electsec.CompactAssessment.__new__(electsec.CompactAssessment))

"""Properties of an office's record (Hypothesis): any sequence of valid changes saves and loads
back equal; any invalid value is refused by the call that introduces it, which changes nothing."""
import datetime
import os
import tempfile

from hypothesis import given, settings, strategies as st

import electsec

CAT = electsec.default_catalog()
ACTIONS = [a.id for p in CAT.practices() for a in p.actions]
STATEMENTS = [s.id for s in CAT.maturity_statements()]

dates = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)).map(str)
date_times = st.datetimes(min_value=datetime.datetime(1990, 1, 1), max_value=datetime.datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0).isoformat() + "Z")
# Notes are any text a person could type, including quotes, newlines and non-ASCII letters.
notes = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)

set_call = st.tuples(st.just("set"), st.sampled_from(ACTIONS), st.sampled_from(electsec.STATUSES),
                     st.none() | notes, st.just("") | dates | date_times)
level_call = st.tuples(st.just("level"), st.sampled_from([1, 2, 3]))
answers_call = st.tuples(st.just("answers"), st.dictionaries(st.sampled_from(STATEMENTS), st.booleans()))


def apply(a, call):
    if call[0] == "set":
        _, action, status, note, updated = call
        a.set(action, status, note=note, updated=updated)
    elif call[0] == "level":
        a.set_level(call[1])
    else:
        a.answers = call[1]


@settings(max_examples=60, deadline=None, database=None)
@given(calls=st.lists(set_call | level_call | answers_call, max_size=25),
       name=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20))
def test_valid_changes_save_and_load_back_equal(calls, name):
    a = electsec.Assessment(electsec.Jurisdiction("x", name, "XX"), 1)
    for call in calls:
        apply(a, call)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "o.json")
        a.save(path)
        assert electsec.Assessment.load(path) == a
        # The same changes through the locked update give the same record.
        b = electsec.Assessment(electsec.Jurisdiction("x", name, "XX"), 1)
        b.save(path)
        for call in calls:
            electsec.update_assessment(path, lambda x, call=call: apply(x, call))
        assert electsec.Assessment.load(path) == a


bad_dates = st.text(max_size=25).filter(lambda t: t != "" and not _is_valid(t))


def _is_valid(text):
    for fmt in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ"):
        try:
            datetime.datetime.strptime(text, fmt)
            return len(text) in (10, 20) and text[:4].isdigit()
        except ValueError:
            pass
    return False


bad_call = st.one_of(
    st.tuples(st.just("date"), st.sampled_from(ACTIONS), bad_dates),
    st.tuples(st.just("action"), st.text(max_size=30).filter(lambda t: t not in ACTIONS)),
    st.tuples(st.just("answer"), st.text(max_size=10).filter(lambda t: t not in STATEMENTS)),
    st.tuples(st.just("status"), st.text(max_size=15).filter(lambda t: t not in electsec.STATUSES)),
    st.tuples(st.just("level"), st.integers().filter(lambda n: n not in (1, 2, 3))),
    st.tuples(st.just("name"), st.text(max_size=10).filter(lambda t: t == "" or any(ord(c) < 32 or c == "\x7f" for c in t))),
)


@settings(max_examples=150, deadline=None, database=None)
@given(valid=st.lists(set_call, max_size=5), bad=bad_call)
def test_invalid_values_are_refused_by_the_call_and_change_nothing(valid, bad):
    a = electsec.Assessment(electsec.Jurisdiction("x", "X", "XX"), 2)
    for call in valid:
        apply(a, call)
    before = electsec.Assessment.from_dict(a.to_dict())
    kind = bad[0]
    try:
        if kind == "date":
            a.set(bad[1], "done", updated=bad[2])
        elif kind == "action":
            a.set(bad[1], "done")
        elif kind == "answer":
            a.answers = {bad[1]: True}
        elif kind == "status":
            a.set(ACTIONS[0], bad[1])
        elif kind == "name":
            a.jurisdiction = electsec.Jurisdiction("x", bad[1], "XX")
        else:
            a.set_level(bad[1])
    except (electsec.Error, TypeError):
        pass
    else:
        raise AssertionError(f"{bad!r} was accepted")
    assert a == before
    with tempfile.TemporaryDirectory() as d:
        a.save(os.path.join(d, "o.json"))  # what is left is still a valid record

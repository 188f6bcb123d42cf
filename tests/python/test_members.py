"""Fields and simple methods of the value classes (bindings.hpp `members`): what they return,
whom a nested value keeps alive, how they refuse, and what help() reads from them."""
import gc
import inspect
import weakref

import pytest

import electsec


def test_a_nested_value_keeps_its_parent_alive(cat):
    practice = cat.practices()[3]
    goal = practice.goals[0]
    text = goal.text
    parent = weakref.ref(practice)
    del practice
    gc.collect()
    assert parent() is not None  # the goal refers to the practice's memory
    assert goal.text == text
    del goal
    gc.collect()
    assert parent() is None


def test_a_nested_object_is_the_same_object_while_its_parent_lives(cat):
    card = electsec.scorecard(cat, electsec.Assessment(electsec.Jurisdiction("x", "X", "NY"), 1))
    assert card.jurisdiction is card.jurisdiction
    assert card.jurisdiction == electsec.Jurisdiction("x", "X", "NY")


def test_fields_return_plain_values(cat):
    practice = cat.practices()[0]
    assert isinstance(practice.id, str) and isinstance(practice.order, int)
    assert practice.scopes == tuple(practice.scope_at(m) for m in (1, 2, 3))
    assert all(isinstance(a, electsec.Action) for a in practice.actions)
    assert practice.actions[0].practice == practice.id
    assert cat.safeguards()[0].implementation_groups[0] in (1, 2, 3)
    hit = cat.search("password")[0]
    assert hit.practice is None or isinstance(hit.practice, str)


@pytest.mark.parametrize("cls", [electsec.Goal, electsec.Practice, electsec.ComponentConnection,
                                 electsec.ConnectednessClass, electsec.Paragraph, electsec.SystemRisk])
def test_objects_whose_init_never_ran_are_refused_by_fields_and_methods(cls):
    # Some of these classes have no checked caster of their own; reading them used to crash.
    blank = cls.__new__(cls)
    field = next(name for name, v in vars(cls).items() if inspect.isdatadescriptor(v) and not name.startswith("_"))
    for use in (lambda: getattr(blank, field), lambda: repr(blank), lambda: blank.to_dict(),
                lambda: blank == blank, lambda: cls.__eq__(cls.__new__(cls), blank)):
        with pytest.raises(TypeError, match="never initialised"):
            use()


def test_an_uninitialised_other_is_refused_by_eq(cat):
    goal = cat.practices()[0].goals[0]
    with pytest.raises(TypeError, match="never initialised"):
        goal == electsec.Goal.__new__(electsec.Goal)  # noqa: B015


def test_fields_are_read_only(cat):
    goal = cat.practices()[0].goals[0]
    with pytest.raises(AttributeError, match="property of 'Goal' object has no setter"):
        goal.id = "x"
    with pytest.raises(AttributeError, match="property of 'Goal' object has no deleter"):
        del goal.text
    assert goal.id == cat.practices()[0].goals[0].id


def test_eq_and_ne_against_another_type(cat):
    goal = cat.practices()[0].goals[0]
    assert electsec.Goal.__eq__(goal, 5) is NotImplemented
    assert electsec.Goal.__ne__(goal, "x") is NotImplemented
    assert not goal == 5 and goal != 5 and goal != None  # noqa: E711
    assert goal == cat.practices()[0].goals[0] and not goal != cat.practices()[0].goals[0]
    assert goal != cat.practices()[0].goals[-1] or len(cat.practices()[0].goals) == 1


def test_eq_without_hash_makes_a_class_unhashable_as_before(cat):
    assert electsec.Plan.__hash__ is None and electsec.Link.__hash__ is None
    with pytest.raises(TypeError, match="unhashable"):
        hash(electsec.build_plan(cat, 1))
    goal = cat.practices()[0].goals[0]
    assert hash(goal) == hash(goal.id)  # hash_by_id, registered after __eq__
    assert len({cat.controls()[0], cat.controls()[0]}) == 1


def test_errors_inside_a_field_are_translated(tmp_path, cat):
    store = electsec.Store.create(tmp_path / "s.db", cat)
    assert store.path.endswith("s.db") and store.event_count == 0
    store.close()
    with pytest.raises(electsec.Error, match="the history store is closed"):
        store.path
    with pytest.raises(electsec.Error, match="the history store is closed"):
        store.event_count


def test_docs_and_signatures():
    assert electsec.Practice.scopes.__doc__ == "Scope at Level 1, 2, 3."
    assert electsec.SystemUseRisks.occurs.__doc__.startswith("False where the guide")
    assert electsec.Goal.id.__doc__ == ""
    assert electsec.Goal.to_dict.__doc__ == "The value as in the catalog JSON format."
    assert str(inspect.signature(electsec.Goal.to_dict)) == "(self, /)"
    assert str(inspect.signature(electsec.Goal.__eq__)) == "(self, other, /)"
    assert electsec.Catalog.system_links.__doc__.startswith("electsec's own links")
    assert electsec.Goal.to_dict.__qualname__ == "Goal.to_dict"


def test_methods_keep_their_results(cat):
    plan = electsec.build_plan(cat, 1)
    assert len(plan) == len(plan.steps) and list(plan) == plan.steps
    assert repr(plan).startswith("Plan(maturity=1")
    assert cat.controls() == cat.controls() and cat.controls() is not cat.controls()
    assert cat.to_dict()["guide"]["version"] == cat.guide().version


def test_from_dict_and_pickling_of_value_classes(cat):
    import pickle

    goal = cat.practices()[0].goals[0]
    assert electsec.Goal.from_dict(goal.to_dict()) == goal
    assert electsec.Goal.from_dict(data=goal.to_dict()) == goal
    assert goal.from_dict(goal.to_dict()) == goal
    assert str(inspect.signature(electsec.Goal.from_dict)) == "(data)"
    assert electsec.Goal.from_dict.__doc__ == "Build from the catalog JSON shape; raises ParseError."
    with pytest.raises(TypeError):
        electsec.Goal.from_dict()
    with pytest.raises(electsec.ParseError):
        electsec.Goal.from_dict({"id": 1})
    plan = electsec.build_plan(cat, 1)
    assert electsec.Plan.from_dict(plan.to_dict()) == plan
    assert pickle.loads(pickle.dumps(goal)) == goal
    state = goal.__getstate__()
    assert isinstance(state, str)
    blank = electsec.Goal.__new__(electsec.Goal)
    blank.__setstate__(state)
    assert blank == goal
    blank.__setstate__(cat.practices()[1].goals[0].__getstate__())  # a second call changes nothing
    assert blank == goal
    with pytest.raises(TypeError):
        electsec.Goal.__new__(electsec.Goal).__setstate__(5)
    with pytest.raises(electsec.ParseError):
        electsec.Goal.__new__(electsec.Goal).__setstate__("{")


BLANK_PROBE = r"""
import inspect
import electsec
from electsec import _core
for part in ("Store", "diff", "OscalImport"):  # every part of the module registered
    getattr(electsec, part)
checked = 0
for name, cls in sorted(inspect.getmembers(_core, inspect.isclass)):
    if issubclass(cls, BaseException):
        continue
    try:
        blank = cls.__new__(cls)
    except TypeError:  # a class that cannot be made this way at all
        continue
    for member in ["__repr__", "__eq__", "__hash__", "__len__", "__iter__", "__bool__", "to_dict",
                   *[m for m in vars(cls) if not m.startswith("_")]]:
        try:
            value = getattr(blank, member)
            if callable(value):
                value(blank) if member == "__eq__" else value()
        except (TypeError, AttributeError, ValueError, KeyError):
            pass
        checked += 1
print(checked)
"""


def test_no_member_of_any_class_reads_an_object_that_was_never_initialised():
    # Every field, and every method that needs no argument, of every class (the parts
    # registered on first use too) on an object made by `Cls.__new__(Cls)`: an error each
    # time, never a crash (run apart, so that a crash fails this test and not the run).
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", BLANK_PROBE], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])
    assert int(run.stdout) > 500

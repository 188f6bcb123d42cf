"""Building a catalog from Python values."""
import pytest

import electsec


def small_builder(cat):
    b = electsec.CatalogBuilder()
    b.guide(electsec.GuideInfo.from_dict({"title": "Mine", "version": "0.1"}))
    for c in cat.controls():
        b.add(c)
    for s in cat.safeguards():
        b.add(s)
    b.add(electsec.Practice.from_dict({
        "id": "lock_doors", "title": "Lock the Doors", "order": 1,
        "scopes": ["priority", "priority", "in_scope"],
        "actions": [{"id": "lock_doors.all.1", "levels": [1, 2, 3], "group": None, "text": "Lock them."}],
        "safeguards": [{"id": "4.3", "maturity": 1}]}))
    return b


def test_builder_builds_a_catalog(cat):
    built = small_builder(cat).build()
    assert built.guide().title == "Mine"
    assert [m.practice.id for m in built.practices_of_safeguard("4.3")] == ["lock_doors"]
    assert electsec.parse_catalog(built.to_json()) == built


def test_builder_reports_every_problem(cat):
    b = small_builder(cat)
    b.add(electsec.Practice.from_dict({
        "id": "bad", "title": "Bad", "order": 1, "scopes": ["priority", "priority", "priority"],
        "safeguards": [{"id": "99.1", "maturity": None}]}))
    problems = b.problems()
    assert ("practice 'bad'", "order 1 is used by another practice") in problems
    assert ("practice 'bad'", "maps to unknown safeguard '99.1'") in problems
    with pytest.raises(electsec.ValidationError) as info:
        b.build()
    assert info.value.problems == problems

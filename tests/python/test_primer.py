"""The guide's primer from Python: the systems, their classes and risks, and electsec's links."""
import pytest

import electsec


@pytest.fixture(scope="module")
def catalog():
    return electsec.default_catalog()


def test_systems_in_the_guides_order(catalog):
    ids = [s.id for s in catalog.primer().components]
    assert ids == ["voter_registration", "pollbooks", "ems", "vote_capture", "tabulation", "enr"]
    ems = catalog.system_component("ems")
    assert ems.title == "State and Local Election Management Systems"
    assert [(row.connectedness, row.occurs) for row in ems.connections] == [
        ("network", True), ("indirect", True), ("none", False), ("transmission", False)]


@pytest.mark.parametrize("connectedness, label", [
    ("network", "Network Connected"),
    ("indirect", "Indirectly Connected"),
    ("none", "Not Connected"),
    ("transmission", "Additional Transmission-based Risks"),
])
def test_connectedness_classes(catalog, connectedness, label):
    assert catalog.connectedness_class(connectedness).label == label


def test_risks_and_the_systems_that_name_them(catalog):
    assert [s.id for s in catalog.components_with_risk("unprotected_transmission")] == ["tabulation"]
    assert catalog.system_risk("misconfiguration").title


def test_every_link_is_electsecs(catalog):
    links = catalog.system_links()
    assert links and all(link.provenance == "electsec" for link in links)
    assert {link.practice for link in catalog.system_links_of("removable_media")} == {"removable_media"}


@pytest.mark.parametrize("call, error", [
    (lambda c: c.system_component("pollbook"), electsec.NotFound),
    (lambda c: c.system_risk("meteor"), electsec.NotFound),
    (lambda c: c.connectedness_class("wifi"), ValueError),
])
def test_mistakes(catalog, call, error):
    with pytest.raises(error):
        call(catalog)


def test_values_round_trip(catalog):
    primer = catalog.primer()
    assert electsec.Primer.from_dict(primer.to_dict()) == primer
    link = catalog.system_links()[0]
    assert electsec.SystemLink.from_dict(link.to_dict()) == link
    assert "system" in electsec.HIT_KINDS
    hits = catalog.search("tablet laptop", kind="system", limit=1)
    assert hits[0].id == "pollbooks"

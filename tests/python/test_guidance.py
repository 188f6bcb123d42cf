"""Other guidance (DHS/CISA, the mayors' ten steps) and search, from Python."""
import pytest

import electsec


def test_sources_and_partners(cat):
    cisa = cat.guidance_source("dhs_cisa")
    assert "National Association of Secretaries of State" in cisa.partners and len(cisa.partners) == 5
    mayors = cat.guidance_source("cap_mayors")
    assert mayors.date == "2018-03-14"
    with pytest.raises(electsec.NotFound):
        cat.guidance_source("cisa")


def test_recommendation_filters(cat):
    steps = cat.recommendations(audience="mayor")
    assert [r.id for r in steps] == [f"cap_mayors.{n}" for n in range(1, 11)]
    assert [r.category for r in steps].count("Executive solutions") == 4
    assert len(cat.recommendations(source="dhs_cisa")) == 14
    assert [r.id for r in cat.recommendations(audience="DHS/CISA")] == [f"dhs_cisa.{n}" for n in range(7, 11)]
    assert cat.recommendations(audience="nobody") == []
    assert {r.id for r in cat.recommendations(practice="network_monitoring")} == {"dhs_cisa.10", "dhs_cisa.11"}
    assert cat.recommendations_of_practice("network_monitoring") == cat.recommendations(practice="network_monitoring")
    step7 = cat.recommendation("cap_mayors.7")
    assert step7.links[0].title == "9 Solutions to Secure America's Elections"
    assert step7.practices == []  # political advocacy: no practice of the guide fits
    links = [rp for r in cat.recommendations() for rp in r.practices]
    assert len(links) == 32 and {rp.provenance for rp in links} == {"electsec"}
    assert all(rp.reason for rp in links)


def test_search(cat):
    hits = cat.search("ransomware backups", limit=3)
    assert (hits[0].kind, hits[0].id) == ("practice", "backups")
    assert hits[0].practice == "backups" and hits[0].score > hits[1].score
    assert "ransomware" in hits[0].snippet.lower()
    only = cat.search("MFA", kind="safeguard")
    assert only and all(h.kind == "safeguard" for h in only)
    assert cat.search("mayor training")[0].id == "cap_mayors.4"
    assert cat.search("") == [] and cat.search("zzzz") == []
    with pytest.raises(electsec.Error, match="unknown kind 'tools'"):
        cat.search("x", kind="tools")

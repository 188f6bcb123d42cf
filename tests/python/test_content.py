"""Nothing of the guide lost: links inside entries, the paragraphs among the actions, and
the provenance of electsec's own links, in every output that shows them."""
import json
import os

import pytest

import electsec

GUIDE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "reference",
                     "eges-1.4.1")


def cli(*args):
    code, out, err = electsec.run_cli(list(args))
    assert code == 0, err
    return out


def test_links_sit_on_the_entries_that_give_them(cat):
    threats = cat.action("physical_threats.all.1")
    assert [(link.title, link.url) for link in threats.links] == [
        ("FBI field office", "https://www.fbi.gov/contact-us/field-offices"),
        ("CISA Physical Security Advisor", "https://www.cisa.gov/protective-security-advisors")]
    assert [link.url for link in cat.maturity_statement("l1.3").links] == ["https://www.cisecurity.org/ms-isac/services/ncsr"]
    assert cat.glossary_entry("Community Defense Model").links[0].title == "CDM 2.0 release"
    assert [link.url for link in cat.practice("cis_controls").links] == ["https://www.cisecurity.org/controls"]
    counts = sum(len(a.links) for a in cat.actions())
    assert counts == 40


def test_paragraphs_keep_their_place_and_kind(cat):
    paragraphs = [(p.id, q) for p in cat.practices() for q in p.paragraphs]
    assert len(paragraphs) == 29
    assert {q.kind for _, q in paragraphs} == set(electsec.PARAGRAPH_KINDS)
    firewall = cat.practice("firewalls_ports").paragraphs[0]
    assert (firewall.block, firewall.after, firewall.kind) == ("l1", "", "instruction")
    scanning = cat.practice("public_asset_scanning").paragraphs[0]
    assert (scanning.after, scanning.kind) == ("public_asset_scanning.l1.2", "context")
    assert "Computer Fraud and Abuse Act of 1986 (CFAA)" in scanning.text
    for practice, q in paragraphs:
        ids = {a.id for a in cat.practice(practice).actions}
        assert q.after == "" or q.after in ids
        assert electsec.Paragraph.from_dict(q.to_dict()) == q
    document = json.loads(cli("practice", "encrypt_data_at_rest", "--format", "json"))
    assert [link["url"] for q in document["paragraphs"] for link in q["links"]] == [
        "https://csrc.nist.gov/publications/detail/sp/800-175b/rev-1/final",
        "https://csrc.nist.gov/publications/detail/sp/800-122/final"]


def test_the_cli_shows_links_paragraphs_and_who_linked_guidance(cat, tmp_path):
    text = cli("practice", "firewalls_ports")
    assert "  Level 1\n    * Run and maintain a firewall on each server and each end-user device.\n" in text
    assert "(* an instruction the guide gives as a paragraph, not as a numbered action; it is not\n   scored)" in text
    assert "link: CIS Benchmark <" in text
    assert cli("practice", "join_ei_isac").count("[linked by electsec]") == 5
    table = cli("guidance", "--practice", "managing_staff")
    assert "managing_staff* join_ei_isac*" in table and "* linked to the practice by electsec, not by the source" in table
    assert cli("guidance", "--format", "csv").splitlines()[0].endswith(",practices,provenance")
    record = tmp_path / "c.json"
    cli("assess", "init", str(record), "--id", "us-xx-a", "--name", "A", "--state", "XX", "--kind", "county",
        "--maturity", "1")
    plan = cli("plan", "--assessment", str(record), "--format", "markdown", "--with-guidance")
    assert "  - See: [CIS Enterprise Asset Inventory Worksheet](<" in plan
    assert "[linked by electsec]" in plan
    hits = cat.search("Computer Fraud and Abuse Act", kind="paragraph")
    assert hits[0].id == "public_asset_scanning.paragraph.1" and hits[0].practice == "public_asset_scanning"
    assert cat.search("FBI field office")[0].id == "physical_threats.all.1"  # by its link's title


def test_every_link_of_other_guidance_is_marked_as_electsecs(cat):
    links = [rp for r in cat.recommendations() for rp in r.practices]
    assert links and all(rp.provenance == "electsec" for rp in links)
    document = json.loads(cli("guidance", "--format", "json"))
    marked = [p for r in document for p in r["practices"]]
    assert len(marked) == len(links) and all(p["provenance"] == "electsec" for p in marked)


def test_reports_link_the_web_only(cat, tmp_path):
    doc = json.loads(cat.to_json())
    doc["practices"][0]["actions"][0]["links"] = [{"title": "trap", "url": "javascript:alert(1)"},
                                                  {"title": "FBI", "url": "https://www.fbi.gov/"}]
    custom = electsec.parse_catalog(json.dumps(doc))
    office = electsec.Assessment(electsec.Jurisdiction("us-xx-a", "A", "XX"), 1, catalog_version="1.4.1")
    html = electsec.office_report_html(custom, office, next_steps=30)
    assert 'href="javascript' not in html and "(trap: javascript:alert(1))" in html
    assert '<a href="https://www.fbi.gov/">FBI (www.fbi.gov)</a>' in html


def test_oscal_keeps_links_and_paragraphs(cat):
    document = json.loads(electsec.to_oscal_catalog(cat, timestamp="2026-01-01T00:00:00Z"))
    parts = []

    def walk(node):
        if isinstance(node, dict):
            if "name" in node and "prose" in node:
                parts.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    paragraphs = [p for p in parts if p["name"] == "paragraph"]
    assert len(paragraphs) == 29
    action = next(p for p in parts if p.get("id") == "physical_threats.all.1")
    assert [link["href"] for link in action["links"]][0] == "https://www.fbi.gov/contact-us/field-offices"
    # In the guide's order: the VPN paragraph opens Level 1, before its first action.
    ids = [p["id"] for p in parts if p["id"].startswith("managing_remote_connections.")]
    assert ids.index("managing_remote_connections.paragraph.1") == ids.index("managing_remote_connections.l1.1") - 1
    assert len([i for i in ids if ".goal." not in i]) == len(cat.practice("managing_remote_connections").actions) + 1


def test_oscal_keeps_introduction_links_without_a_summary(cat):
    doc = json.loads(cat.to_json())
    doc["practices"][0]["summary"] = ""
    doc["practices"][0]["links"] = [{"title": "Intro", "url": "https://example.org/intro"}]
    exported = electsec.to_oscal_catalog(electsec.parse_catalog(json.dumps(doc)), timestamp="2026-01-01T00:00:00Z")
    assert "https://example.org/intro" in exported


@pytest.mark.skipif(not os.path.isdir(GUIDE), reason="the guide's sources are not there")
def test_the_importer_reads_links_and_paragraphs(cat):
    imported = electsec.import_eges_rst(GUIDE).catalog
    for mine, theirs in zip(cat.practices(), imported.practices()):
        assert [a.links for a in mine.actions] == [a.links for a in theirs.actions]
        assert [(q.block, q.group, q.after, q.links) for q in mine.paragraphs] == \
            [(q.block, q.group, q.after, q.links) for q in theirs.paragraphs]
        assert {q.kind for q in theirs.paragraphs} <= {"context"}  # the editors decide what obliges

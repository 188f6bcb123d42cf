import json

import pytest

import electsec


@pytest.fixture(scope="session")
def cat():
    return electsec.default_catalog()


@pytest.fixture
def catalog_file(tmp_path, cat):
    path = tmp_path / "catalog.json"
    path.write_text(cat.to_json(), encoding="utf-8")
    return path


def minimal_document(**changes):
    """A small valid catalog document, with top-level fields replaced by `changes`."""
    doc = {
        "schema": "electsec.catalog/1",
        "guide": {"title": "T", "version": "1"},
        "controls": [{"id": 1, "title": "C"}],
        "safeguards": [
            {"id": "1.1", "control": 1, "title": "S", "asset_type": "Devices",
             "security_function": "Identify", "implementation_groups": [1, 2, 3], "depends_on": []}
        ],
        "practices": [
            {"id": "p", "title": "P", "order": 1, "scopes": ["priority", "in_scope", "out_of_scope"],
             "actions": [{"id": "p.l1.1", "levels": [1], "group": None, "text": "Do it."}],
             "safeguards": [{"id": "1.1", "maturity": None}]}
        ],
    }
    doc.update(changes)
    return json.dumps(doc, indent=2)


def document_without_mdbr(cat):
    """`cat` as a catalog document without the practice 'mdbr' and the places that name it
    (the Level 1 election priorities, the guidance recommendations and electsec's system
    links): a smaller release."""
    doc = cat.to_dict()
    doc["practices"] = [p for p in doc["practices"] if p["id"] != "mdbr"]
    doc["priorities"]["level1_election"].remove("mdbr")
    doc["guidance"]["recommendations"] = [r for r in doc["guidance"]["recommendations"]
                                          if all(x["practice"] != "mdbr" for x in r["practices"])]
    doc["system_links"] = [link for link in doc["system_links"] if link["practice"] != "mdbr"]
    return doc

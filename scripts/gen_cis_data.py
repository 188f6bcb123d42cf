#!/usr/bin/env python3
"""Writes data/cis_controls_v8.json from the reference CSVs of the CIS Controls v8.

Run from the repository root:  python3 scripts/gen_cis_data.py ../shared/reference
The JSON it writes is committed; the unit tests compare it with the CSVs again.
"""
import csv
import json
import sys
from pathlib import Path


def main(reference: Path) -> None:
    with open(reference / "cis-controls-v8-controls.csv", newline="", encoding="utf-8") as f:
        controls = [{"id": int(r["control"]), "title": r["title"]} for r in csv.DictReader(f)]
    with open(reference / "cis-controls-v8-safeguards.csv", newline="", encoding="utf-8") as f:
        safeguards = [
            {
                "id": r["safeguard"],
                "control": int(r["control"]),
                "title": r["title"],
                "asset_type": r["asset_type"],
                "security_function": r["security_function"],
                "implementation_groups": [int(g) for g in r["implementation_groups"].split()],
                "depends_on": r["depends_on"].split(),
            }
            for r in csv.DictReader(f)
        ]
    out = Path(__file__).resolve().parent.parent / "data" / "cis_controls_v8.json"
    out.write_text(json.dumps({"controls": controls, "safeguards": safeguards}, indent=1,
                              ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(controls)} controls, {len(safeguards)} safeguards")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))

"""electsec safeguards --format json against the reference CSV, field by field."""
import csv
import json
import subprocess
import sys

exe, reference_csv = sys.argv[1], sys.argv[2]
listed = json.loads(subprocess.run([exe, "safeguards", "--format", "json"], check=True,
                                   capture_output=True, text=True).stdout)
with open(reference_csv, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert len(listed) == len(rows) == 153, (len(listed), len(rows))
for got, row in zip(listed, rows):
    expected = {
        "id": row["safeguard"],
        "control": int(row["control"]),
        "title": row["title"],
        "asset_type": row["asset_type"],
        "security_function": row["security_function"],
        "implementation_groups": [int(g) for g in row["implementation_groups"].split()],
        "depends_on": row["depends_on"].split(),
    }
    assert got == expected, (got, expected)
print(f"{len(listed)} safeguards equal the reference CSV")

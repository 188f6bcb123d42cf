"""Which best practices cover a CIS Safeguard, and which IG1 Safeguards none covers.

Usage: safeguard_coverage.py [SAFEGUARD]   (default 4.1)
"""
import sys

import electsec


def main(safeguard_id: str) -> None:
    cat = electsec.default_catalog()
    s = cat.safeguard(safeguard_id)
    print(f"Safeguard {s.id} ({s.title})")
    mapped = cat.practices_of_safeguard(s.id)
    if not mapped:
        print("  no best practice maps to it")
    for practice, maturity in mapped:
        when = f"from {electsec.level_name(maturity)}" if maturity else "(no level given)"
        print(f"  covered by {practice.title} {when}")
    ig1 = cat.coverage(1)
    print(f"\nIG1: {len(ig1.mapped)} of {ig1.total} Safeguards are covered by a best practice; not covered:")
    for u in ig1.unmapped:
        print(f"  {u.id}  {u.title}")


if __name__ == "__main__":
    try:
        main(sys.argv[1] if len(sys.argv) > 1 else "4.1")
    except electsec.NotFound as e:
        sys.exit(f"safeguard_coverage: {e}")

"""The best practices an office at one maturity level should work on, priorities first.

Usage: practices_for_maturity.py [LEVEL]   (1, 2 or 3; default 1)
"""
import sys

import electsec


def main(level: int) -> None:
    cat = electsec.default_catalog()
    print(f"Best practices for an office at {electsec.level_name(level)}")
    for scope, heading in (("priority", "Priority"), ("in_scope", "In scope")):
        practices = cat.practices(maturity=level, scope=scope)
        print(f"\n{heading} ({len(practices)})")
        for p in practices:
            n = len(cat.applicable_actions(p.id, level))
            print(f"  {p.order:2}. {p.title:52}{n:3} actions")
    out = cat.practices(maturity=level, scope="out_of_scope")
    print(f"\nOut of scope at {electsec.level_name(level)}: {len(out)} practices")


if __name__ == "__main__":
    try:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    except (electsec.Error, ValueError) as e:
        sys.exit(f"practices_for_maturity: {e}")

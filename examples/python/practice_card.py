"""A best practice on one card: purpose, scope per level, what to do, what it maps to.

Usage: practice_card.py [PRACTICE] [LEVEL]   (default user_management 1)
"""
import sys

import electsec


def main(practice_id: str, level: int) -> None:
    cat = electsec.default_catalog()
    p = cat.practice(practice_id)
    print(f"== {p.title} ==\n{p.summary}\n")
    print("   ".join(f"{electsec.level_name(m)}: {p.scope_at(m)}" for m in electsec.MATURITIES))
    print(f"\nTo do at {electsec.level_name(level)}:")
    actions = cat.applicable_actions(p.id, level)
    if not actions:
        print("  nothing at this level")
    for a in actions:
        print(f"  [ ] {a.text}")
    print("\nCIS Safeguards: " + " ".join(m.safeguard.id for m in cat.safeguards_of_practice(p.id)))
    print("2018 Handbook practices: " + " ".join(str(h.number) for h in cat.handbook_of_practice(p.id)))
    print(f"Tools: {len(p.tools)}, further reading: {len(p.learn_more)}")


if __name__ == "__main__":
    try:
        main(sys.argv[1] if len(sys.argv) > 1 else "user_management", int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    except (electsec.Error, ValueError) as e:
        sys.exit(f"practice_card: {e}")

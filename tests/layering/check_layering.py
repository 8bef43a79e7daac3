#!/usr/bin/env python3
"""The folder layering of ARCHITECTURE.md's "Folders" table: a folder includes only headers of the
rows above it. Reads every `#include "..."` in the source folders and fails, naming file:line,
on one the table does not allow.

    python3 tests/layering/check_layering.py [ROOT]     exit 0: clean; 1: violations; 2: usage
"""
import re
import sys
from pathlib import Path

# Each folder with the folders it may include (besides itself), in table order.
ORDER = ["base", "mime", "config", "metrics", "cache", "journal", "quarantine", "policy", "checks",
         "disposition", "milter", "cli"]
ABOVE_POLICY = {"base", "mime", "config", "metrics", "cache", "journal", "quarantine"}
ALLOWED = {
    "base": set(),
    "mime": {"base"},
    "config": {"base"},
    "metrics": {"base"},
    "cache": {"base", "config"},
    "journal": {"base", "mime", "config"},
    "quarantine": {"base", "mime", "config"},
    "policy": ABOVE_POLICY,
    "checks": ABOVE_POLICY | {"policy"},
    "disposition": ABOVE_POLICY | {"policy", "checks"},
    "milter": set(ORDER) - {"milter"},
    "cli": set(ORDER) - {"milter", "cli"},
}

# Known violations, each with why it stays for now. (including file, included header)
# None left: Engine::create takes the check table as an argument and checks/assemble.h puts
# an engine together (services, table).
ALLOW: set = set()

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
SOURCES = (".h", ".hpp", ".cpp", ".cc")


def violations(root: Path):
    out = []
    for folder in ORDER:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(p for p in base.rglob("*") if p.suffix in SOURCES and p.is_file()):
            rel = path.relative_to(root).as_posix()
            for lineno, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                top = target.split("/", 1)[0] if "/" in target else folder
                if top not in ALLOWED or top == folder:
                    continue  # a third-party header in quotes, or the folder's own
                if top in ALLOWED[folder] or (rel, target) in ALLOW:
                    continue
                may = ", ".join(f for f in ORDER if f in ALLOWED[folder]) or "nothing of ours"
                out.append(f"{rel}:{lineno}: {folder}/ may not include \"{target}\" ({folder}/ may use: {may})")
    return out


def main(argv):
    if len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(argv[1]) if len(argv) == 2 else Path(__file__).resolve().parents[2]
    found = violations(root)
    for v in found:
        print(v)
    if found:
        print(f"layering: {len(found)} include(s) against ARCHITECTURE.md's folder table", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

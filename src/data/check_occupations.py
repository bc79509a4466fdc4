#!/usr/bin/env python3
"""Check src/data/occupations.tsv, the controlled list of occupations.

Each line after the header is `disco08<TAB>title`: a 4-digit DISCO-08
(Danish ISCO-08) unit group code and a Danish job title in the singular.

Usage: python3 check_occupations.py [path/to/occupations.tsv]
Prints a summary (rows per major group) and exits 1 on any violation.
Standard library only.
"""

import os
import re
import sys
from collections import Counter

HEADER = "disco08\ttitle"
MIN_ROWS = 400
MIN_MAJOR_GROUPS = 8

MAJOR_GROUPS = {
    "0": "Militært arbejde",
    "1": "Ledelsesarbejde",
    "2": "Arbejde der forudsætter viden på højeste niveau",
    "3": "Arbejde der forudsætter viden på mellemniveau",
    "4": "Almindeligt kontor- og kundeservicearbejde",
    "5": "Service- og salgsarbejde",
    "6": "Arbejde inden for landbrug, skovbrug og fiskeri",
    "7": "Håndværkspræget arbejde",
    "8": "Operatør- og monteringsarbejde samt transportarbejde",
    "9": "Andet manuelt arbejde",
}

# The 43 sub-major groups (2-digit codes) of ISCO-08 / DISCO-08.
SUB_MAJOR_GROUPS = frozenset(
    """
    01 02 03
    11 12 13 14
    21 22 23 24 25 26
    31 32 33 34 35
    41 42 43 44
    51 52 53 54
    61 62 63
    71 72 73 74 75
    81 82 83
    91 92 93 94 95 96
    """.split()
)
assert len(SUB_MAJOR_GROUPS) == 43

CODE_RE = re.compile(r"^[0-9]{4}$")


def check(path):
    errors = []
    try:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        return [f"{path}: cannot read as UTF-8: {e}"], Counter(), 0

    if text.startswith("\ufeff"):
        errors.append("file starts with a byte order mark")
        text = text[1:]
    if "\r" in text:
        errors.append("file contains carriage returns (use LF line endings)")
        text = text.replace("\r\n", "\n").replace("\r", "\n")

    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # trailing newline at end of file

    if not lines:
        return ["file is empty"], Counter(), 0
    if lines[0] != HEADER:
        errors.append(f"line 1: header must be exactly {HEADER!r}, got {lines[0]!r}")

    per_major = Counter()
    seen = {}  # casefolded title -> line number
    rows = 0
    for lineno, line in enumerate(lines[1:], start=2):
        if line == "":
            errors.append(f"line {lineno}: empty line")
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            errors.append(
                f"line {lineno}: expected 2 tab-separated fields, got {len(fields)}"
                " (titles must not contain tabs)"
            )
            continue
        rows += 1
        code, title = fields

        if not CODE_RE.match(code):
            errors.append(f"line {lineno}: code {code!r} is not 4 digits")
        else:
            if code[0] not in MAJOR_GROUPS:
                errors.append(f"line {lineno}: code {code} has invalid major group")
            if code[:2] not in SUB_MAJOR_GROUPS:
                errors.append(
                    f"line {lineno}: code {code}: {code[:2]} is not an ISCO-08 sub-major group"
                )
            else:
                per_major[code[0]] += 1

        if title == "":
            errors.append(f"line {lineno}: empty title")
            continue
        if title != title.strip():
            errors.append(f"line {lineno}: title {title!r} has leading/trailing whitespace")
        if any(ch in title for ch in "\t\n\r"):
            errors.append(f"line {lineno}: title {title!r} contains a tab or newline")
        key = title.strip().casefold()
        if key in seen:
            errors.append(
                f"line {lineno}: title {title!r} duplicates line {seen[key]} (case-insensitive)"
            )
        else:
            seen[key] = lineno

    if rows < MIN_ROWS:
        errors.append(f"only {rows} rows, need at least {MIN_ROWS}")
    present = [g for g in MAJOR_GROUPS if per_major[g] > 0]
    if len(present) < MIN_MAJOR_GROUPS:
        errors.append(
            f"only {len(present)} major groups represented, need at least {MIN_MAJOR_GROUPS}"
        )
    for g in "123456789":
        if per_major[g] == 0:
            errors.append(f"major group {g} ({MAJOR_GROUPS[g]}) has no rows")

    return errors, per_major, rows


def main(argv):
    if len(argv) > 2:
        print(f"usage: {argv[0]} [occupations.tsv]", file=sys.stderr)
        return 2
    path = argv[1] if len(argv) == 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "occupations.tsv"
    )
    errors, per_major, rows = check(path)

    print(f"{path}: {rows} rows")
    for g, name in MAJOR_GROUPS.items():
        print(f"  {g} {name}: {per_major[g]}")

    if errors:
        print(f"{len(errors)} violation(s):", file=sys.stderr)
        for e in errors:
            print(f"  {e}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

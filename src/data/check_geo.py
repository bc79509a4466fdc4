#!/usr/bin/env python3
"""Check src/data/municipalities.tsv and src/data/postcodes.tsv, the static geography
that src/geo.rs embeds.

municipalities.tsv: `code<TAB>name<TAB>region_code<TAB>lat<TAB>lon`, one row per each of
Denmark's 98 municipalities; code is the official municipality code without leading zeros.
postcodes.tsv: `postcode<TAB>town<TAB>municipality_code<TAB>lat<TAB>lon`, one row per postcode,
with its main municipality.

Usage: python3 check_geo.py [dir containing both files]
Prints a summary and exits 1 on any violation. Standard library only.
"""

import os
import sys
from collections import Counter

MUNICIPALITIES_HEADER = "code\tname\tregion_code\tlat\tlon"
POSTCODES_HEADER = "postcode\ttown\tmunicipality_code\tlat\tlon"

REGIONS = {
    "1081": "Region Nordjylland",
    "1082": "Region Midtjylland",
    "1083": "Region Syddanmark",
    "1084": "Region Hovedstaden",
    "1085": "Region Sjælland",
}
# Municipalities per region since the 2007 reform (Christiansø is not a municipality).
REGION_COUNTS = {"1084": 29, "1085": 17, "1083": 22, "1082": 19, "1081": 11}

# Postcodes the simulated register uses, with the municipality each must map to.
REQUIRED_POSTCODES = {
    "2000": "147", "2100": "101", "2200": "101", "2450": "101", "2500": "101",
    "2625": "187", "2635": "183", "2665": "187", "2820": "157", "3700": "400",
    "4000": "265", "4040": "265", "4760": "390", "4780": "390", "5000": "461",
    "5200": "461", "5250": "461", "6000": "621", "6200": "580", "6330": "580",
    "6360": "580", "6400": "540", "6700": "561", "6705": "561", "6740": "561",
    "7100": "630", "7700": "787", "8000": "751", "8200": "751", "8210": "751",
    "8260": "751", "8700": "615", "8740": "615", "8900": "730", "9000": "851",
    "9210": "851", "9220": "851", "9300": "813", "9400": "851", "9440": "849",
    "9460": "849", "9490": "849", "9690": "849", "9800": "860", "9940": "825",
    "9990": "813",
}
MIN_POSTCODES = 590

LAT_RANGE = (54.5, 57.8)
LON_RANGE = (8.0, 15.2)


def read_rows(path, header, errors):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or lines[0] != header:
        errors.append(f"{path}: header must be {header!r}, got {lines[0]!r}")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 5 or any(not f.strip() or f != f.strip() for f in fields):
            errors.append(f"{path}:{n}: need 5 non-empty, unpadded tab-separated fields: {line!r}")
            continue
        rows.append((n, fields))
    return rows


def check_point(where, lat, lon, errors):
    try:
        lat_f, lon_f = float(lat), float(lon)
    except ValueError:
        errors.append(f"{where}: coordinates not numbers: {lat!r} {lon!r}")
        return
    if not (LAT_RANGE[0] <= lat_f <= LAT_RANGE[1] and LON_RANGE[0] <= lon_f <= LON_RANGE[1]):
        errors.append(f"{where}: ({lat_f}, {lon_f}) is outside Denmark's bounding box")


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    mpath = os.path.join(here, "municipalities.tsv")
    ppath = os.path.join(here, "postcodes.tsv")
    errors = []

    municipalities = {}
    names = set()
    for n, (code, name, region, lat, lon) in read_rows(mpath, MUNICIPALITIES_HEADER, errors):
        where = f"{mpath}:{n}"
        if not (code.isdigit() and len(code) == 3 and not code.startswith("0")):
            errors.append(f"{where}: code {code!r} must be 3 digits without leading zeros")
        if code in municipalities:
            errors.append(f"{where}: duplicate municipality code {code}")
        if name in names:
            errors.append(f"{where}: duplicate municipality name {name}")
        if region not in REGIONS:
            errors.append(f"{where}: unknown region code {region!r}")
        check_point(where, lat, lon, errors)
        municipalities[code] = (name, region)
        names.add(name)

    if len(municipalities) != 98:
        errors.append(f"{mpath}: {len(municipalities)} municipalities, expected 98")
    per_region = Counter(region for _, region in municipalities.values())
    if set(per_region) != set(REGIONS):
        errors.append(f"{mpath}: regions used {sorted(per_region)}, expected all 5")
    for region, want in REGION_COUNTS.items():
        if per_region[region] != want:
            errors.append(
                f"{mpath}: {REGIONS[region]} has {per_region[region]} municipalities, expected {want}"
            )

    postcodes = {}
    for n, (code, town, municipality, lat, lon) in read_rows(ppath, POSTCODES_HEADER, errors):
        where = f"{ppath}:{n}"
        if not (code.isdigit() and len(code) == 4):
            errors.append(f"{where}: postcode {code!r} must be 4 digits")
        if code in postcodes:
            errors.append(f"{where}: duplicate postcode {code}")
        if municipality not in municipalities:
            errors.append(f"{where}: postcode {code} has unknown municipality {municipality!r}")
        check_point(where, lat, lon, errors)
        postcodes[code] = (town, municipality)

    if len(postcodes) < MIN_POSTCODES:
        errors.append(f"{ppath}: only {len(postcodes)} postcodes, expected at least {MIN_POSTCODES}")
    for code, municipality in REQUIRED_POSTCODES.items():
        if code not in postcodes:
            errors.append(f"{ppath}: required postcode {code} missing")
        elif postcodes[code][1] != municipality:
            errors.append(
                f"{ppath}: postcode {code} maps to {postcodes[code][1]}, expected {municipality}"
            )
    without_postcode = sorted(set(municipalities) - {m for _, m in postcodes.values()})
    if without_postcode:
        errors.append(f"{ppath}: municipalities without any postcode: {without_postcode}")

    for region in REGION_COUNTS:
        print(f"{REGIONS[region]:<20} {per_region[region]:>3} municipalities")
    print(f"{len(municipalities)} municipalities, {len(postcodes)} postcodes")
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

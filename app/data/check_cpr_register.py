#!/usr/bin/env python3
"""Validate app/data/simulated_cpr_register.json (SIMULATED CPR register, synthetic persons only).

Usage: python3 check_cpr_register.py [path/to/simulated_cpr_register.json]

Prints a short summary and exits 1 if any rule is violated (0 otherwise).
Reference date for ages is 2026-11-22.
"""
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

TODAY = dt.date(2026, 11, 22)
DEFAULT_PATH = Path(__file__).resolve().parent / "simulated_cpr_register.json"

KEYS = {
    "cpr", "birthday", "gender", "first_name", "middle_name", "surname", "street",
    "co_address", "postcode", "city", "country", "municipality_code", "municipality",
    "protected_address", "status",
}
# Optional: a minor's parents or guardians (forældremyndighed), by CPR number.
OPTIONAL_KEYS = {"guardians"}
STATUSES = {"active", "emigrated", "dead", "disappeared"}

# Real municipality codes used in the data set.
MUNICIPALITIES = {
    "101": "København", "147": "Frederiksberg", "157": "Gentofte", "183": "Ishøj",
    "187": "Vallensbæk", "265": "Roskilde", "390": "Vordingborg", "400": "Bornholm",
    "461": "Odense", "540": "Sønderborg", "561": "Esbjerg", "580": "Aabenraa",
    "615": "Horsens", "621": "Kolding", "630": "Vejle", "730": "Randers",
    "751": "Aarhus", "787": "Thisted", "813": "Frederikshavn", "825": "Læsø",
    "849": "Jammerbugt", "851": "Aalborg", "860": "Hjørring",
}
PILOT = ["751", "390", "187", "183", "813", "825", "580", "849", "787", "615"]
NON_PILOT = ["101", "461", "851", "561", "265"]

# Real Danish postcodes -> (postal town, municipality code(s) the postcode lies in).
POSTCODES = {
    "2000": ("Frederiksberg", {"147"}),
    "2100": ("København Ø", {"101"}),
    "2200": ("København N", {"101"}),
    "2300": ("København S", {"101"}),
    "2450": ("København SV", {"101"}),
    "2500": ("Valby", {"101"}),
    "2625": ("Vallensbæk", {"187"}),
    "2635": ("Ishøj", {"183"}),
    "2665": ("Vallensbæk Strand", {"187"}),
    "2820": ("Gentofte", {"157"}),
    "2900": ("Hellerup", {"157"}),
    "3700": ("Rønne", {"400"}),
    "4000": ("Roskilde", {"265"}),
    "4040": ("Jyllinge", {"265"}),
    "4720": ("Præstø", {"390"}),
    "4760": ("Vordingborg", {"390"}),
    "4771": ("Kalvehave", {"390"}),
    "4780": ("Stege", {"390"}),
    "5000": ("Odense C", {"461"}),
    "5200": ("Odense V", {"461"}),
    "5230": ("Odense M", {"461"}),
    "5250": ("Odense SV", {"461"}),
    "6000": ("Kolding", {"621"}),
    "6200": ("Aabenraa", {"580"}),
    "6230": ("Rødekro", {"580"}),
    "6330": ("Padborg", {"580"}),
    "6360": ("Tinglev", {"580"}),
    "6400": ("Sønderborg", {"540"}),
    "6700": ("Esbjerg", {"561"}),
    "6705": ("Esbjerg Ø", {"561"}),
    "6710": ("Esbjerg V", {"561"}),
    "6740": ("Bramming", {"561"}),
    "7100": ("Vejle", {"630"}),
    "7700": ("Thisted", {"787"}),
    "7730": ("Hanstholm", {"787"}),
    "7760": ("Hurup Thy", {"787"}),
    "8000": ("Aarhus C", {"751"}),
    "8200": ("Aarhus N", {"751"}),
    "8210": ("Aarhus V", {"751"}),
    "8260": ("Viby J", {"751"}),
    "8270": ("Højbjerg", {"751"}),
    "8700": ("Horsens", {"615"}),
    "8740": ("Brædstrup", {"615"}),
    "8751": ("Gedved", {"615"}),
    "8900": ("Randers C", {"730"}),
    "9000": ("Aalborg", {"851"}),
    "9210": ("Aalborg SØ", {"851"}),
    "9220": ("Aalborg Øst", {"851"}),
    "9300": ("Sæby", {"813"}),
    "9400": ("Nørresundby", {"851"}),
    "9440": ("Aabybro", {"849"}),
    "9460": ("Brovst", {"849"}),
    "9490": ("Pandrup", {"849"}),
    "9690": ("Fjerritslev", {"849"}),
    "9800": ("Hjørring", {"860"}),
    "9900": ("Frederikshavn", {"813"}),
    "9940": ("Læsø", {"825"}),
    "9970": ("Strandby", {"813"}),
    "9990": ("Skagen", {"813"}),
}

# The nine fixed persons that must open the array, in this order.
FIXED = [
    dict(first_name="Mette", middle_name="Marie", surname="Jensen", gender="K", birthday="1990-05-12",
         municipality_code="751", country="DK", status="active", protected_address=False),
    dict(first_name="Lars", middle_name="Peter", surname="Nielsen", gender="M", birthday="1985-03-08",
         municipality_code="461", country="DK", status="active"),
    dict(first_name="Sofie", middle_name=None, surname="Larsen", gender="K", birthday="1999-11-02",
         municipality_code="825", country="DK", status="active", postcode="9940", city="Læsø"),
    dict(first_name="Ahmad", middle_name=None, surname="Hassan", gender="M", birthday="2001-07-19",
         municipality_code="101", country="DK", status="active"),
    dict(first_name="Anne", middle_name=None, surname="Kristensen", gender="K", birthday="1978-01-23",
         municipality_code="615", country="DK", protected_address=True),
    dict(first_name="Jonas", middle_name="Holm", surname="Pedersen", gender="M", birthday="2010-04-15",
         municipality_code="787", country="DK"),
    dict(first_name="Karen", middle_name=None, surname="Andersen", gender="K", birthday="1950-09-30",
         municipality_code="265", country="DK", status="dead"),
    dict(first_name="Erik", middle_name=None, surname="Lund", gender="M", birthday="1970-06-06",
         municipality_code=None, municipality=None, country="SE", city="Malmö", status="emigrated"),
    dict(first_name="Ida", middle_name=None, surname="Sørensen", gender="K", birthday="1995-02-14",
         municipality_code="390", country="DK", co_address="c/o Birgitte Sørensen"),
]

errors = []


def err(msg):
    errors.append(msg)


def age_on(birthday, ref=TODAY):
    return ref.year - birthday.year - ((ref.month, ref.day) < (birthday.month, birthday.day))


def century_ok(d7, yy, year):
    """Danish CPR rule: 7th digit + YY -> century."""
    if d7 in (0, 1, 2, 3):
        return 1900 <= year <= 1999
    if d7 in (4, 9):
        return year == (2000 + yy if yy <= 36 else 1900 + yy)
    if d7 in (5, 6, 7, 8):
        return year == (2000 + yy if yy <= 57 else 1800 + yy)
    return False


def is_nonempty_str(v):
    return isinstance(v, str) and v.strip() != "" and v == v.strip()


def check_person(i, p):
    tag = f"#{i}"
    if not isinstance(p, dict):
        err(f"{tag}: not an object")
        return None
    keys = set(p) - OPTIONAL_KEYS
    if keys != KEYS:
        err(f"{tag}: key set mismatch; missing={sorted(KEYS - keys)} extra={sorted(keys - KEYS)}")
        return None
    tag = f"#{i} {p.get('first_name')} {p.get('surname')} ({p.get('cpr')})"

    # birthday
    bday = None
    if isinstance(p["birthday"], str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", p["birthday"]):
        try:
            bday = dt.date.fromisoformat(p["birthday"])
        except ValueError:
            pass
    if bday is None:
        err(f"{tag}: invalid birthday {p['birthday']!r}")
    elif bday > TODAY:
        err(f"{tag}: birthday in the future")

    # gender
    if p["gender"] not in ("M", "K"):
        err(f"{tag}: gender must be 'M' or 'K'")

    # cpr
    cpr = p["cpr"]
    if not (isinstance(cpr, str) and re.fullmatch(r"\d{10}", cpr)):
        err(f"{tag}: cpr must be a 10-digit string")
    else:
        dd, mm, yy, d7, last = int(cpr[0:2]), int(cpr[2:4]), int(cpr[4:6]), int(cpr[6]), int(cpr[9])
        try:
            dt.date(2000, mm, dd)  # leap-tolerant month/day sanity; full check via birthday below
        except ValueError:
            err(f"{tag}: cpr DDMM {cpr[:4]} is not a valid day/month")
        if bday is not None:
            if (dd, mm, yy) != (bday.day, bday.month, bday.year % 100):
                err(f"{tag}: cpr date part {cpr[:6]} != birthday {p['birthday']}")
            if not century_ok(d7, yy, bday.year):
                err(f"{tag}: 7th digit {d7} with YY={yy:02d} inconsistent with birth year {bday.year}")
        if p["gender"] == "K" and last % 2 != 0:
            err(f"{tag}: woman but last cpr digit {last} is odd")
        if p["gender"] == "M" and last % 2 != 1:
            err(f"{tag}: man but last cpr digit {last} is even")

    # names
    for k in ("first_name", "surname", "street", "city", "postcode"):
        if not is_nonempty_str(p[k]):
            err(f"{tag}: {k} must be a non-empty trimmed string")
    if p["middle_name"] is not None and not is_nonempty_str(p["middle_name"]):
        err(f"{tag}: middle_name must be null or a non-empty string")
    if p["co_address"] is not None and not (is_nonempty_str(p["co_address"]) and p["co_address"].startswith("c/o ")):
        err(f"{tag}: co_address must be null or a string starting with 'c/o '")

    if not isinstance(p["protected_address"], bool):
        err(f"{tag}: protected_address must be a boolean")
    if p["status"] not in STATUSES:
        err(f"{tag}: status {p['status']!r} not in {sorted(STATUSES)}")

    # address / municipality
    country = p["country"]
    if not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
        err(f"{tag}: country must be an ISO 3166-1 alpha-2 code")
    elif country == "DK":
        code, muni, pc = p["municipality_code"], p["municipality"], p["postcode"]
        if not (isinstance(code, str) and re.fullmatch(r"\d{3}", code)):
            err(f"{tag}: Danish address needs a 3-digit municipality_code")
        elif code not in MUNICIPALITIES:
            err(f"{tag}: unknown municipality_code {code}")
        elif muni != MUNICIPALITIES[code]:
            err(f"{tag}: municipality {muni!r} does not match code {code} ({MUNICIPALITIES[code]})")
        if not (isinstance(pc, str) and re.fullmatch(r"\d{4}", pc)):
            err(f"{tag}: Danish postcode must be 4 digits")
        elif pc not in POSTCODES:
            err(f"{tag}: postcode {pc} not in known-postcode table")
        else:
            town, codes = POSTCODES[pc]
            if p["city"] != town:
                err(f"{tag}: city {p['city']!r} does not match postcode {pc} ({town})")
            if code not in codes:
                err(f"{tag}: postcode {pc} {town} does not lie in municipality {code}")
    else:
        if p["municipality_code"] is not None or p["municipality"] is not None:
            err(f"{tag}: foreign address must have municipality_code/municipality = null")
    return bday


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH
    raw = path.read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        print(f"FAIL: invalid JSON: {e}")
        return 1
    if not isinstance(data, list):
        print("FAIL: top level must be a JSON array")
        return 1

    # formatting: 2-space pretty print, non-ASCII kept as UTF-8
    if raw.rstrip("\n") != json.dumps(data, ensure_ascii=False, indent=2):
        err("file is not pretty-printed with 2-space indent / UTF-8 (non-ASCII-escaped)")

    bdays = []
    for i, p in enumerate(data):
        bdays.append(check_person(i, p))
    if errors:  # structural problems make aggregate checks unreliable
        return report(data, ok_structure=False)

    # uniqueness
    dup = [c for c, n in Counter(p["cpr"] for p in data).items() if n > 1]
    if dup:
        err(f"duplicate cpr numbers: {dup}")

    # fixed persons
    if len(data) < len(FIXED):
        err("fewer persons than fixed persons")
    else:
        for n, (exp, p) in enumerate(zip(FIXED, data), start=1):
            for k, v in exp.items():
                if p[k] != v:
                    err(f"fixed person {n} ({exp['first_name']} {exp['surname']}): {k}={p[k]!r}, expected {v!r}")
        # The fixed persons' non-specified flags
        if data[0]["co_address"] is not None:
            err("fixed person 1 (Mette Marie Jensen) must not have a co_address")

    # counts
    n = len(data)
    if n < 72:
        err(f"need at least 72 persons, got {n}")
    ages = [age_on(b) for b in bdays]
    genders = Counter(p["gender"] for p in data)
    if min(genders["M"], genders["K"]) < 0.4 * n:
        err(f"genders not roughly balanced: {dict(genders)}")

    minors = [(p, a) for p, a in zip(data, ages) if a < 18]
    if len(minors) < 5:
        err(f"need at least 5 minors, got {len(minors)}")
    for p, a in minors:
        if not 14 <= a <= 17:
            err(f"minor {p['first_name']} {p['surname']} aged {a}, must be 14-17")

    edu = [p for p in data if 1997 <= int(p["birthday"][:4]) <= 2003]
    if len(edu) < 8:
        err(f"need at least 8 persons born 1997-2003, got {len(edu)}")
    for p in edu:
        if age_on(dt.date.fromisoformat(p["birthday"])) >= 30:
            err(f"{p['first_name']} {p['surname']} born {p['birthday']} is not under 30")

    # Age spread 15-66 for living persons (the fixed deceased Karen Andersen, born 1950, is exempt).
    for p, a in zip(data, ages):
        if p["status"] != "dead" and not 15 <= a <= 66:
            err(f"{p['first_name']} {p['surname']} aged {a}: living persons must be aged 15-66")
    bands = [(15, 19), (20, 29), (30, 39), (40, 49), (50, 59), (60, 66)]
    for lo, hi in bands:
        if not any(lo <= a <= hi for a in ages):
            err(f"age spread: nobody aged {lo}-{hi}")

    protected = [p for p in data if p["protected_address"]]
    co = [p for p in data if p["co_address"]]
    foreign = [p for p in data if p["country"] != "DK"]
    status = Counter(p["status"] for p in data)
    if len(protected) < 3:
        err(f"need at least 3 protected addresses, got {len(protected)}")
    if len(co) < 3:
        err(f"need at least 3 co_addresses, got {len(co)}")
    if len(foreign) < 2:
        err(f"need at least 2 foreign addresses, got {len(foreign)}")
    if not any(p["status"] == "emigrated" for p in foreign):
        err("at least one foreign-address person must have status 'emigrated'")
    if status["dead"] < 1:
        err("need at least one 'dead' person")
    if status["emigrated"] < 1:
        err("need at least one 'emigrated' person")

    # Residents: Danish address, not dead/emigrated.
    residents = Counter(p["municipality_code"] for p in data
                        if p["country"] == "DK" and p["status"] not in ("dead", "emigrated"))
    for code in PILOT:
        if residents[code] < 3:
            err(f"pilot municipality {code} {MUNICIPALITIES[code]}: {residents[code]} residents, need >= 3")
    for code in NON_PILOT:
        if residents[code] < 3:
            err(f"non-pilot municipality {code} {MUNICIPALITIES[code]}: {residents[code]} residents, need >= 3")
    others = [c for c in residents if c not in PILOT and c not in NON_PILOT]
    if len(others) < 3:
        err(f"need residents in a few other municipalities, got {others}")

    return report(data, ok_structure=True, ages=ages, residents=residents, minors=minors, edu=edu,
                  protected=protected, co=co, foreign=foreign, status=status, genders=genders)


def report(data, ok_structure, **s):
    print(f"Simulated CPR register: {len(data)} persons (reference date {TODAY})")
    if ok_structure:
        print(f"  genders: M={s['genders']['M']} K={s['genders']['K']}")
        print(f"  ages: min={min(s['ages'])} max={max(s['ages'])}; minors={len(s['minors'])} "
              f"(ages {sorted(a for _, a in s['minors'])}); born 1997-2003: {len(s['edu'])}")
        print(f"  protected_address: {len(s['protected'])}; co_address: {len(s['co'])}; "
              f"foreign: {len(s['foreign'])} ({', '.join(p['country'] + ' ' + p['city'] for p in s['foreign'])})")
        print(f"  status: {dict(sorted(s['status'].items()))}")
        print("  residents per municipality (DK, not dead/emigrated):")
        for code, cnt in sorted(s["residents"].items()):
            kind = "pilot" if code in PILOT else ("non-pilot" if code in NON_PILOT else "other")
            print(f"    {code} {MUNICIPALITIES.get(code, '?'):<14} {cnt:>2}  [{kind}]")
    if errors:
        print(f"FAIL: {len(errors)} violation(s):")
        for e in errors:
            print(f"  - {e}")
        return 1
    print("OK: all rules satisfied")
    return 0


if __name__ == "__main__":
    sys.exit(main())

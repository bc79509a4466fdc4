#!/usr/bin/env python3
"""Writes simulated_labour_market_registers.json: made-up labour-market register data for
every synthetic person in simulated_cpr_register.json. No real person is in it.

Deterministic (seeded by the CPR number), so re-running gives the same file. The persons the
end-to-end journeys use get values that fit their journey (a dagpenge recipient has a
dagpenge share, a kontanthjælp applicant none)."""
import json, random, pathlib

here = pathlib.Path(__file__).parent
persons = json.loads((here / "simulated_cpr_register.json").read_text())

ORIGINS = ["danish"] * 8 + ["immigrant_western", "immigrant_non_western", "descendant_non_western"]
EDUCATIONS = ["Grundskole", "Gymnasial uddannelse", "Erhvervsfaglig uddannelse", "Kort videregående uddannelse",
              "Mellemlang videregående uddannelse", "Bacheloruddannelse", "Lang videregående uddannelse"]
ACTIVITIES = ["Virksomhedspraktik", "Ansættelse med løntilskud", "Mentorstøtte på en virksomhed"]
SCHEMES = ["Personlig assistance", "Fortrinsadgang til job i det offentlige", "Isbryderordning", "Arbejdspladsindretning"]
BENEFITS = {"dagpenge": "Dagpenge", "kontanthjaelp": "Kontanthjælp", "uddannelseshjaelp": "Uddannelseshjælp",
            "integration": "Integrationsydelse", "none": "Ingen ydelse"}
# Journeys' persons: the benefit their journey registers with.
JOURNEYS = {"1906910161": "dagpenge", "1207720190": "dagpenge", "2211792422": "dagpenge", "2201064086": "dagpenge",
            "2110810020": "kontanthjaelp", "0211990216": "kontanthjaelp", "1002005409": "uddannelseshjaelp",
            "0412024110": "uddannelseshjaelp"}

out = {}
for p in persons:
    cpr = p["cpr"]
    rnd = random.Random(cpr)
    benefit = JOURNEYS.get(cpr) or rnd.choice(list(BENEFITS))
    dagpenge = benefit == "dagpenge"
    out[cpr] = {
        "origin": rnd.choice(ORIGINS),
        "support_share_5y": rnd.randint(5, 60) if benefit != "none" else rnd.randint(0, 10),
        "dagpenge_share_1y": rnd.randint(10, 70) if dagpenge else 0,
        "wage_income_1y": rnd.randrange(40_000, 520_000, 100) if benefit != "uddannelseshjaelp" else rnd.randrange(0, 60_000, 100),
        "education": rnd.choice(EDUCATIONS),
        "benefit": BENEFITS[benefit],
        "employment_degree": rnd.randint(20, 90) if benefit != "none" else 100,
        "company_activities": rnd.sample(ACTIVITIES, rnd.choice([0, 0, 1])),
        "compensation_schemes": rnd.sample(SCHEMES, rnd.choice([0, 0, 0, 1])),
    }

(here / "simulated_labour_market_registers.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
print(f"{len(out)} persons")

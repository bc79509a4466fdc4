// Indlæsning af de syntetiske konti til de tre simulerede issuers.
// Alle data er fiktive (simulerede CPR-/CVR-registre).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CPR_CLAIM = 'https://data.gov.dk/model/core/eid/cprNumber';
export const CVR_CLAIM = 'https://data.gov.dk/model/core/eid/professional/cvr';
export const ACR_SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/loa/Substantial';
export const ACR_PASSWORD = 'urn:jobspor:acr:password';
export const ACR_MFA = 'urn:jobspor:acr:mfa';

const here = (rel) => fileURLToPath(new URL(rel, import.meta.url));

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function fullName(p) {
  return [p.first_name, p.middle_name, p.surname].filter(Boolean).join(' ');
}

export function formatCpr(cpr) {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

export function mitidSub(cpr) {
  return `mitid-${createHash('sha256').update(`mitid:${cpr}`).digest('hex').slice(0, 16)}`;
}

function ageOn(birthday, today = new Date()) {
  const [y, m, d] = birthday.split('-').map(Number);
  let age = today.getFullYear() - y;
  const beforeBirthday = today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

const STATUS_TEXT = {
  dead: 'død',
  emigrated: 'udrejst',
  disappeared: 'forsvundet',
};

function cvrValid(cvr) {
  const w = [2, 7, 6, 5, 4, 3, 2, 1];
  return /^\d{8}$/.test(cvr) && [...cvr].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11 === 0;
}

export function loadData(env = process.env) {
  const cprPath = env.IDP_CPR_REGISTER || here('../../app/data/simulated_cpr_register.json');
  const cvrPath = env.IDP_CVR_REGISTER || here('../../app/data/simulated_cvr_register.json');
  const erhvervPath = here('../data/erhverv_users.json');
  const staffPath = here('../data/staff_users.json');

  const persons = readJson(cprPath).map((p) => {
    if (!/^\d{10}$/.test(p.cpr)) throw new Error(`ugyldigt CPR-nummer i ${cprPath}: ${p.cpr}`);
    const age = p.birthday ? ageOn(p.birthday) : undefined;
    const notes = [];
    if (age !== undefined) notes.push(`${age} år`);
    if (p.municipality) notes.push(`${p.municipality} Kommune`);
    else if (p.country && p.country !== 'DK') notes.push(`bopæl i udlandet (${p.country})`);
    if (p.status && p.status !== 'active') notes.push(STATUS_TEXT[p.status] || `status: ${p.status}`);
    if (p.protected_address) notes.push('navne- og adressebeskyttelse');
    if (age !== undefined && age < 18) notes.push('under 18 år');
    return {
      sub: mitidSub(p.cpr),
      cpr: p.cpr,
      name: fullName(p),
      notes,
    };
  });

  const companies = new Map(readJson(cvrPath).map((c) => [c.cvr, c]));
  for (const cvr of companies.keys()) {
    if (!cvrValid(cvr)) throw new Error(`CVR-nummer ${cvr} i ${cvrPath} består ikke modulus 11-kontrollen`);
  }

  const erhverv = readJson(erhvervPath).map((u) => {
    const company = companies.get(u.cvr);
    if (!company) throw new Error(`${erhvervPath}: CVR ${u.cvr} (${u.name}) findes ikke i ${cvrPath}`);
    return { ...u, company };
  });

  const staff = readJson(staffPath);

  return { persons, erhverv, staff };
}

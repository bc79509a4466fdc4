// Simuleret identitetsudbyder (OpenID Connect) til Jobspor-demoen.
// Én proces, tre issuers: /mitid, /mitid-erhverv, /medarbejder.
// Se README.md. Alle personer og virksomheder er syntetiske.
import { writeFileSync } from 'node:fs';
import http from 'node:http';

import {
  ACR_MFA, ACR_PASSWORD, ACR_SUBSTANTIAL, loadData,
} from './lib/data.mjs';
import {
  erhvervPage, messagePage, mitidPage, staffPage,
} from './lib/pages.mjs';
import { createProviders } from './lib/providers.mjs';

const env = process.env;
const HOST = env.IDP_HOST || '127.0.0.1';
const PORT = env.IDP_PORT === undefined || env.IDP_PORT === '' ? 4000 : Number(env.IDP_PORT);
const CLIENT_ID = env.IDP_CLIENT_ID || 'jobspor';
const CLIENT_SECRET = env.IDP_CLIENT_SECRET || 'jobspor-demo-secret';
const APP_BASES = (env.IDP_APP_BASE_URLS || 'http://127.0.0.1:3000')
  .split(',').map((s) => s.trim()).filter(Boolean);
const ANY_LOOPBACK_PORT = env.IDP_ALLOW_ANY_LOOPBACK_PORT === '1';
const MAX_BODY = 64 * 1024;

if (!Number.isInteger(PORT) || PORT < 0 || PORT > 65535) {
  console.error(`ugyldig IDP_PORT: ${env.IDP_PORT}`);
  process.exit(2);
}

const data = loadData(env);

function send(res, status, body, type = 'text/html; charset=utf-8') {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.end(body);
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('for stor forespørgsel'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

// Fjern sessionscookien, så hver autorisation kræver et nyt login (ingen SSO i
// simuleringen: man skal kunne skifte person mellem to logins).
function stripCookie(req, name) {
  const header = req.headers.cookie;
  if (!header) return;
  const kept = header.split(';').map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${name}=`) && !c.startsWith(`${name}.sig=`));
  if (kept.length) req.headers.cookie = kept.join('; ');
  else delete req.headers.cookie;
}

function renderLogin(p, details, { error, value } = {}) {
  const common = {
    uid: details.uid,
    prefix: p.prefix,
    clientName: 'Jobspor',
    error,
  };
  if (p.name === 'mitid') return mitidPage({ ...common, persons: data.persons, cprValue: value });
  if (p.name === 'mitid-erhverv') return erhvervPage({ ...common, users: data.erhverv });
  const hint = details.params?.login_hint;
  return staffPage({ ...common, users: data.staff, selected: value || hint });
}

// Giver samtykke automatisk (førstepartsklient). Normalt undgås consent-prompten
// allerede af loadExistingGrant; dette er et sikkerhedsnet.
async function autoConsent(p, req, res, details) {
  const { provider } = p;
  const { prompt: { details: missing }, params, session } = details;
  let grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  if (!grant) grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  if (missing.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function loginFromForm(p, form) {
  if (p.name === 'mitid') {
    const raw = (form.get('cpr') || '').trim();
    const cpr = raw.replace(/[\s-]/g, '');
    const person = /^\d{10}$/.test(cpr) && data.persons.find((x) => x.cpr === cpr);
    if (!person) {
      return {
        error: /^\d{10}$/.test(cpr)
          ? 'Der findes ingen person med det CPR-nummer i simuleringen.'
          : 'Der findes ingen person med det CPR-nummer i simuleringen. Et CPR-nummer består af 10 cifre.',
        value: raw,
      };
    }
    return { login: { accountId: person.sub, acr: ACR_SUBSTANTIAL } };
  }
  if (p.name === 'mitid-erhverv') {
    const sub = form.get('sub') || '';
    if (!p.accounts.has(sub)) return { error: 'Brugeren findes ikke i simuleringen.' };
    return { login: { accountId: sub, acr: ACR_SUBSTANTIAL } };
  }
  const username = form.get('username') || '';
  const otp = (form.get('otp') || '').trim();
  if (!p.accounts.has(username)) return { error: 'Vælg en medarbejder på listen.', value: username };
  if (otp && !/^\d{6}$/.test(otp)) {
    return { error: 'Engangskoden skal bestå af præcis 6 cifre. Lad feltet være tomt for at logge ind uden engangskode.', value: username };
  }
  return { login: { accountId: username, acr: otp ? ACR_MFA : ACR_PASSWORD } };
}

async function handleInteraction(p, req, res, uid, action) {
  let details;
  try {
    details = await p.provider.interactionDetails(req, res);
  } catch {
    details = undefined;
  }
  if (!details || details.uid !== uid) {
    send(res, 400, messagePage({
      title: `Login udløbet – simuleret ${p.title}`,
      banner: p.banner,
      heading: 'Login-sessionen findes ikke eller er udløbet',
      text: 'Gå tilbage til Jobspor og start login forfra.',
    }));
    return;
  }

  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'consent') {
      await autoConsent(p, req, res, details);
      return;
    }
    send(res, 200, renderLogin(p, details));
    return;
  }

  if (req.method !== 'POST' || !action) {
    res.setHeader('Allow', action ? 'POST' : 'GET');
    send(res, 405, 'Metoden er ikke tilladt', 'text/plain; charset=utf-8');
    return;
  }

  const form = await readForm(req);

  if (action === 'abort') {
    await p.provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'Brugeren afbrød login',
    }, { mergeWithLastSubmission: false });
    return;
  }

  // action === 'login'
  if (details.prompt.name !== 'login') {
    send(res, 400, messagePage({
      title: `Uventet trin – simuleret ${p.title}`,
      banner: p.banner,
      heading: 'Uventet trin i login-forløbet',
      text: 'Gå tilbage til Jobspor og start login forfra.',
    }));
    return;
  }
  const result = loginFromForm(p, form);
  if (result.error) {
    send(res, 200, renderLogin(p, details, result));
    return;
  }
  await p.provider.interactionFinished(req, res, { login: result.login }, { mergeWithLastSubmission: false });
}

async function main() {
  const server = http.createServer();
  let providers = [];

  server.on('request', async (req, res) => {
    try {
      const url = new URL(req.url, 'http://idp.invalid');
      const path = url.pathname;
      if (path === '/healthz') {
        // Healthy only once the issuers exist: the port opens before they are built.
        if (providers.length) send(res, 200, 'ok', 'text/plain; charset=utf-8');
        else send(res, 503, 'starter', 'text/plain; charset=utf-8');
        return;
      }
      const p = providers.find((x) => path === x.prefix || path.startsWith(`${x.prefix}/`));
      if (!p) {
        send(res, 404, 'Ikke fundet', 'text/plain; charset=utf-8');
        return;
      }
      const rest = path.slice(p.prefix.length) || '/';
      const m = rest.match(/^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?\/?$/);
      if (m) {
        await handleInteraction(p, req, res, m[1], m[2]);
        return;
      }
      if (rest === '/auth' || rest.startsWith('/auth/')) {
        stripCookie(req, p.provider.cookieName('session'));
      }
      req.originalUrl = req.url;
      req.url = req.url.slice(p.prefix.length) || '/';
      if (req.url.startsWith('?')) req.url = `/${req.url}`;
      p.handler(req, res);
    } catch (err) {
      if (!res.headersSent) {
        send(res, err.status || 500, 'Intern fejl i den simulerede IdP', 'text/plain; charset=utf-8');
      } else {
        res.destroy();
      }
      if (!err.status) console.error(err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, HOST, resolve);
  });
  const { port } = server.address();
  const hostForUrl = HOST.includes(':') ? `[${HOST}]` : HOST;
  const origin = `http://${hostForUrl}:${port}`;

  providers = await createProviders({
    env,
    origin,
    data,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    appBases: APP_BASES,
    anyLoopbackPort: ANY_LOOPBACK_PORT,
  });

  if (env.IDP_PORT_FILE) writeFileSync(env.IDP_PORT_FILE, `${port}\n`);
  console.log(`simuleret IdP lytter på ${origin} (issuers: /mitid, /mitid-erhverv, /medarbejder)`);

  const shutdown = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // Started by a test process: stop when it ends (its end of our stdin closes).
  if (env.IDP_EXIT_WITH_PARENT === '1') {
    process.stdin.on('end', shutdown);
    process.stdin.on('close', shutdown);
    process.stdin.resume();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

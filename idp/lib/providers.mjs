// Opsætning af de tre oidc-provider-instanser (én pr. issuer).
import {
  createPrivateKey, generateKeyPairSync, randomBytes, randomUUID,
} from 'node:crypto';

import {
  ACR_MFA, ACR_PASSWORD, ACR_SUBSTANTIAL, CPR_CLAIM, CVR_CLAIM,
} from './data.mjs';
import { messagePage } from './pages.mjs';

// oidc-provider skriver udviklingsadvarsler ved import/konstruktion (in-memory
// adapter, Node-version). De er forventede for en lokal simulering; vi holder
// opstarten til én linje medmindre IDP_VERBOSE=1.
async function quietly(env, fn) {
  if (env.IDP_VERBOSE === '1') return fn();
  const { warn, info } = console;
  const filter = (orig) => (...args) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider ')) return;
    orig.apply(console, args);
  };
  console.warn = filter(warn);
  console.info = filter(info);
  try {
    return await fn();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}

// The key is generated as PEM text and read back into a new key object before its JWK is
// exported. Exporting the generated key object itself can deadlock Node 20: a garbage
// collection during the export runs the finished key generation job's destructor, which
// waits for the lock the export holds (seen as an idp that never answers, its main thread
// in futex_wait under KeyGenJob::~KeyGenJob inside ExportJWK).
function signingJwk() {
  const { privateKey: pem } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    ...createPrivateKey(pem).export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig',
  };
}

export const ISSUERS = [
  {
    name: 'mitid',
    title: 'MitID',
    banner: 'Simulering – ikke den rigtige MitID',
    acrValues: [ACR_SUBSTANTIAL],
    profileClaims: ['name', CPR_CLAIM],
  },
  {
    name: 'mitid-erhverv',
    title: 'MitID Erhverv',
    banner: 'Simulering – ikke den rigtige MitID Erhverv',
    acrValues: [ACR_SUBSTANTIAL],
    profileClaims: ['name', CVR_CLAIM],
  },
  {
    name: 'medarbejder',
    title: 'medarbejderlogin',
    banner: 'Simulering – ikke det rigtige medarbejderlogin',
    acrValues: [ACR_PASSWORD, ACR_MFA],
    profileClaims: ['name'],
  },
];

function accountsFor(name, data) {
  const map = new Map();
  if (name === 'mitid') {
    for (const p of data.persons) map.set(p.sub, { name: p.name, [CPR_CLAIM]: p.cpr });
  } else if (name === 'mitid-erhverv') {
    for (const u of data.erhverv) map.set(u.sub, { name: u.name, [CVR_CLAIM]: u.cvr });
  } else {
    for (const u of data.staff) map.set(u.sub, { name: u.name });
  }
  return map;
}

export function redirectUrisFor(name, appBases) {
  return appBases.map((base) => `${base.replace(/\/+$/, '')}/api/auth/${name}/callback`);
}

export async function createProviders({ env, origin, data, clientId, clientSecret, appBases, anyLoopbackPort }) {
  const { default: Provider, interactionPolicy } = await quietly(env, () => import('oidc-provider'));
  const cookieKeys = [randomBytes(32).toString('base64url')];

  const providers = [];
  for (const spec of ISSUERS) {
    const prefix = `/${spec.name}`;
    const issuer = `${origin}${prefix}`;
    const accounts = accountsFor(spec.name, data);
    const cookieBase = `idp_${spec.name.replace(/-/g, '_')}`;

    const configuration = {
      clients: [{
        client_id: clientId,
        client_secret: clientSecret,
        client_name: 'Jobspor',
        redirect_uris: redirectUrisFor(spec.name, appBases),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      }],
      jwks: { keys: [signingJwk()] },
      pkce: { required: () => true },
      acrValues: spec.acrValues,
      scopes: ['openid', 'profile'],
      // acr og auth_time ligger under scope "openid", så de altid kommer med i
      // ID-tokenet (ellers kun når klienten beder om dem via acr_values).
      claims: {
        sid: null,
        iss: null,
        openid: ['sub', 'acr', 'auth_time'],
        profile: spec.profileClaims,
      },
      conformIdTokenClaims: false,
      responseTypes: ['code'],
      clientAuthMethods: ['client_secret_basic'],
      features: {
        devInteractions: { enabled: false },
        claimsParameter: { enabled: false },
        userinfo: { enabled: true },
      },
      cookies: {
        keys: cookieKeys,
        names: {
          session: `${cookieBase}_session`,
          interaction: `${cookieBase}_interaction`,
          resume: `${cookieBase}_resume`,
        },
        long: { httpOnly: true, sameSite: 'lax' },
        short: { httpOnly: true, sameSite: 'lax' },
      },
      interactions: {
        policy: interactionPolicy.base(),
        url: (ctx, interaction) => `${prefix}/interaction/${interaction.uid}`,
      },
      findAccount: (ctx, sub) => {
        const claims = accounts.get(sub);
        if (!claims) return undefined;
        return { accountId: sub, claims: () => ({ sub, ...claims }) };
      },
      // Førstepartsklient: giv altid samtykke til de ønskede OIDC-scopes/claims,
      // så der aldrig vises en samtykkeside.
      loadExistingGrant: async (ctx) => {
        const grantId = ctx.oidc.result?.consent?.grantId
          || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
        let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
        if (!grant) {
          if (!ctx.oidc.session.accountId) return undefined;
          grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client.clientId,
            accountId: ctx.oidc.session.accountId,
          });
        }
        const scope = [...ctx.oidc.requestParamOIDCScopes].join(' ');
        if (scope) grant.addOIDCScope(scope);
        const claims = [...ctx.oidc.requestParamClaims];
        if (claims.length) grant.addOIDCClaims(claims);
        await grant.save();
        return grant;
      },
      renderError: async (ctx, out) => {
        ctx.type = 'html';
        ctx.body = messagePage({
          title: `Fejl – simuleret ${spec.title}`,
          banner: spec.banner,
          heading: 'Der opstod en fejl',
          text: 'Login-anmodningen kunne ikke gennemføres.',
          details: [['Fejl', out.error], ['Beskrivelse', out.error_description]],
        });
      },
      ttl: {
        AccessToken: 3600,
        AuthorizationCode: 60,
        IdToken: 3600,
        Interaction: 3600,
        Session: 3600,
        Grant: 3600,
      },
    };

    const provider = await quietly(env, () => new Provider(issuer, configuration));
    provider.proxy = false;

    if (anyLoopbackPort) {
      // Tillad http://127.0.0.1:<vilkårlig port>/api/auth/<issuer>/callback (appens
      // automatiske tests starter på tilfældige porte).
      const loopback = new RegExp(`^http://127\\.0\\.0\\.1:\\d{1,5}/api/auth/${spec.name}/callback$`);
      const original = provider.Client.prototype.redirectUriAllowed;
      provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
        return original.call(this, value) || (typeof value === 'string' && loopback.test(value));
      };
    }

    providers.push({
      ...spec, prefix, issuer, provider, handler: provider.callback(), accounts,
    });
  }
  return providers;
}


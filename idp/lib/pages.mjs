// Server-renderede login-sider (ingen JavaScript). Dansk, tilgængelig HTML.
import { formatCpr } from './data.mjs';

export function esc(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#f5f5f5}
.sim{margin:0;padding:.75rem 1rem;background:#ffe066;color:#1a1a1a;border-bottom:3px solid #1a1a1a;font-weight:700;text-align:center}
main{max-width:46rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border:1px solid #767676;border-radius:4px}
h1{font-size:1.75rem;margin:0 0 .5rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
p{margin:.5rem 0}
label{display:block;font-weight:700;margin:1rem 0 .25rem}
input[type=text],select{font:inherit;padding:.5rem;border:2px solid #595959;border-radius:3px;width:100%;max-width:20rem;background:#fff;color:#1a1a1a}
.hint{color:#454545;font-size:.95rem;margin:.25rem 0}
.error{color:#a4001d;font-weight:700;border-left:4px solid #a4001d;padding:.25rem .75rem;margin:1rem 0;background:#fdf0f2}
button{font:inherit;cursor:pointer;border-radius:3px;padding:.5rem 1rem;margin:.25rem 0}
.primary{background:#004993;color:#fff;border:2px solid #004993;font-weight:700}
.primary:hover{background:#00366d}
.secondary{background:#fff;color:#004993;border:2px solid #004993}
.link{background:none;border:none;color:#004993;text-decoration:underline;padding:.25rem 0;text-align:left}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
ul.accounts{list-style:none;padding:0;margin:0}
ul.accounts li{border-top:1px solid #d0d0d0;padding:.4rem 0}
ul.accounts form{display:inline}
.notes{display:block;color:#454545;font-size:.9rem}
.actions{margin-top:1rem}
`;

function layout({ title, banner, body }) {
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="sim">${esc(banner)}</p>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}

function errorBlock(error, id) {
  return error ? `<p class="error" id="${id}">Fejl: ${esc(error)}</p>` : '';
}

function abortForm(uid, prefix) {
  return `<form method="post" action="${esc(prefix)}/interaction/${esc(uid)}/abort" class="actions">
<button type="submit" class="secondary">Afbryd</button>
</form>`;
}

function clientLine(clientName) {
  return `<p>Du er ved at logge ind på <strong>${esc(clientName || 'Jobspor')}</strong>. Dette er en simulering: der bruges kun fiktive personer og virksomheder.</p>`;
}

export function mitidPage({ uid, prefix, clientName, persons, error, cprValue }) {
  const action = `${prefix}/interaction/${uid}/login`;
  const list = persons.map((p) => `<li><form method="post" action="${esc(action)}">
<input type="hidden" name="cpr" value="${esc(p.cpr)}">
<button type="submit" class="link">Log ind som ${esc(p.name)} (${esc(formatCpr(p.cpr))})</button>
</form>
<span class="notes">${esc(p.notes.join(' · '))}</span></li>`).join('\n');
  const body = `<h1>Log ind med MitID (simulering)</h1>
${clientLine(clientName)}
${errorBlock(error, 'cpr-fejl')}
<form method="post" action="${esc(action)}">
<label for="cpr">CPR-nummer</label>
<p class="hint" id="cpr-hjaelp">10 cifre, med eller uden bindestreg (fx 120590-1806).</p>
<input type="text" id="cpr" name="cpr" inputmode="numeric" autocomplete="off" value="${esc(cprValue)}"
 aria-describedby="${error ? 'cpr-fejl ' : ''}cpr-hjaelp"${error ? ' aria-invalid="true"' : ''}>
<div class="actions"><button type="submit" class="primary">Log ind</button></div>
</form>
${abortForm(uid, prefix)}
<h2>Personer i det simulerede CPR-register</h2>
<p class="hint">Vælg en person for at logge ind som vedkommende.</p>
<ul class="accounts">
${list}
</ul>`;
  return layout({
    title: `${error ? 'Fejl: ' : ''}Log ind med MitID – simulering`,
    banner: 'Simulering – ikke den rigtige MitID',
    body,
  });
}

export function erhvervPage({ uid, prefix, clientName, users, error }) {
  const action = `${prefix}/interaction/${uid}/login`;
  const list = users.map((u) => {
    const ceased = u.company.status === 'ceased' ? 'Virksomheden er ophørt. ' : '';
    return `<li><form method="post" action="${esc(action)}">
<input type="hidden" name="sub" value="${esc(u.sub)}">
<button type="submit" class="link">Log ind som ${esc(u.name)}, ${esc(u.company.name)} (CVR ${esc(u.cvr)})</button>
</form>
<span class="notes">${esc(ceased)}${esc(u.company.industry || '')}${u.company.city ? `, ${esc(u.company.city)}` : ''}</span></li>`;
  }).join('\n');
  const body = `<h1>Log ind med MitID Erhverv (simulering)</h1>
${clientLine(clientName)}
${errorBlock(error, 'fejl')}
<h2>Medarbejdere i de simulerede virksomheder</h2>
<ul class="accounts">
${list}
</ul>
${abortForm(uid, prefix)}`;
  return layout({
    title: `${error ? 'Fejl: ' : ''}Log ind med MitID Erhverv – simulering`,
    banner: 'Simulering – ikke den rigtige MitID Erhverv',
    body,
  });
}

export function staffPage({ uid, prefix, clientName, users, error, selected }) {
  const action = `${prefix}/interaction/${uid}/login`;
  const options = users.map((u) => `<option value="${esc(u.sub)}"${u.sub === selected ? ' selected' : ''}>${esc(u.name)} – ${esc(u.organisation)} (${esc(u.sub)})</option>`).join('\n');
  const body = `<h1>Medarbejderlogin (simulering)</h1>
${clientLine(clientName)}
${errorBlock(error, 'engangskode-fejl')}
<form method="post" action="${esc(action)}">
<label for="medarbejder">Medarbejder</label>
<select id="medarbejder" name="username">
${options}
</select>
<label for="engangskode">Engangskode</label>
<p class="hint" id="engangskode-hjaelp">Valgfri anden faktor. I simuleringen accepteres enhver kode på 6 cifre. Uden engangskode logger du ind på et lavere sikringsniveau (kun adgangskode), som Jobspor kan afvise.</p>
<input type="text" id="engangskode" name="otp" inputmode="numeric" autocomplete="one-time-code"
 aria-describedby="${error ? 'engangskode-fejl ' : ''}engangskode-hjaelp"${error ? ' aria-invalid="true"' : ''}>
<div class="actions"><button type="submit" class="primary">Log ind</button></div>
</form>
${abortForm(uid, prefix)}`;
  return layout({
    title: `${error ? 'Fejl: ' : ''}Medarbejderlogin – simulering`,
    banner: 'Simulering – ikke det rigtige medarbejderlogin',
    body,
  });
}

export function messagePage({ title, banner, heading, text, details = [] }) {
  const rows = details.filter(([, v]) => v).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('');
  return layout({
    title,
    banner: banner || 'Simulering – ikke den rigtige MitID',
    body: `<h1>${esc(heading)}</h1>
<p>${esc(text)}</p>
${rows ? `<dl>${rows}</dl>` : ''}`,
  });
}

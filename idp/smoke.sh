#!/usr/bin/env bash
# Røgtest af den simulerede IdP: starter den på en ledig port og kører et
# authorization code + PKCE-flow med curl gennem login-siderne for hver issuer.
#
#   bash idp/smoke.sh
#
# Kører to faser: (1) standardopsætning med redirect_uri på http://127.0.0.1:3000,
# (2) IDP_ALLOW_ANY_LOOPBACK_PORT=1 med redirect_uri på port 45678.
# Kræver bash, curl, python3 (til små parsinger) og node (til IdP'en og til at
# verificere ID-tokenets RS256-signatur mod JWKS).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLIENT_ID="${IDP_CLIENT_ID:-jobspor}"
CLIENT_SECRET="${IDP_CLIENT_SECRET:-jobspor-demo-secret}"
WORK="$(mktemp -d)"
IDP_PID=""
FAILS=0

cleanup() {
  if [[ -n "$IDP_PID" ]]; then kill "$IDP_PID" 2>/dev/null || true; wait "$IDP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "FEJL: $*" >&2; FAILS=$((FAILS + 1)); }
die() { echo "FEJL: $*" >&2; exit 1; }

start_idp() {
  stop_idp
  rm -f "$WORK/port"
  env IDP_HOST=127.0.0.1 IDP_PORT=0 IDP_PORT_FILE="$WORK/port" IDP_CLIENT_ID="$CLIENT_ID" IDP_CLIENT_SECRET="$CLIENT_SECRET" \
    IDP_APP_BASE_URLS="http://127.0.0.1:3000" "$@" node "$HERE/server.mjs" >"$WORK/idp.log" 2>&1 &
  IDP_PID=$!
  for _ in $(seq 1 100); do
    [[ -s "$WORK/port" ]] && break
    kill -0 "$IDP_PID" 2>/dev/null || { cat "$WORK/idp.log"; die "IdP stoppede under opstart"; }
    sleep 0.1
  done
  [[ -s "$WORK/port" ]] || die "IdP skrev ikke IDP_PORT_FILE"
  PORT="$(tr -d '[:space:]' <"$WORK/port")"
  BASE="http://127.0.0.1:$PORT"
  local lines
  lines="$(wc -l <"$WORK/idp.log")"
  [[ "$lines" == 1 ]] || fail "forventede præcis én opstartslinje, fik $lines: $(cat "$WORK/idp.log")"
  echo "== $(head -1 "$WORK/idp.log")"
  [[ "$(curl -fsS "$BASE/healthz")" == ok ]] || fail "/healthz svarede ikke ok"
}

stop_idp() {
  if [[ -n "$IDP_PID" ]]; then
    kill -TERM "$IDP_PID" 2>/dev/null || true
    local rc=0
    wait "$IDP_PID" 2>/dev/null || rc=$?
    [[ "$rc" == 0 ]] || fail "IdP afsluttede ikke rent på SIGTERM (rc=$rc)"
    IDP_PID=""
  fi
}

json_get() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
urlenc() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
# Location-header fra et curl -D dump (sidste svar).
location() { tr -d '\r' <"$1" | awk 'tolower($1)=="location:"{print $2}' | tail -1; }
status() { tr -d '\r' <"$1" | awk '/^HTTP\//{s=$2} END{print s}'; }
abs() { case "$1" in http*) echo "$1" ;; *) echo "$BASE$1" ;; esac; }

# start_auth ISSUER_NAME REDIRECT_URI -> sætter ISSUER, TOKEN_EP, JWKS, VERIFIER, STATE, NONCE, INTERACTION, JAR
start_auth() {
  local name="$1" redirect="$2"
  ISSUER="$BASE/$name"
  local disc
  disc="$(curl -fsS "$ISSUER/.well-known/openid-configuration")"
  [[ "$(echo "$disc" | json_get issuer)" == "$ISSUER" ]] || fail "$name: discovery issuer passer ikke"
  local auth_ep
  auth_ep="$(echo "$disc" | json_get authorization_endpoint)"
  TOKEN_EP="$(echo "$disc" | json_get token_endpoint)"
  JWKS="$(echo "$disc" | json_get jwks_uri)"
  VERIFIER="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
  local challenge
  challenge="$(python3 -c 'import sys,hashlib,base64; print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).rstrip(b"=").decode())' "$VERIFIER")"
  STATE="state-$RANDOM$RANDOM"
  NONCE="nonce-$RANDOM$RANDOM"
  JAR="${KEEP_JAR:-$WORK/jar-$name-$RANDOM}"
  REDIRECT="$redirect"
  local url="$auth_ep?response_type=code&client_id=$(urlenc "$CLIENT_ID")&redirect_uri=$(urlenc "$redirect")&scope=openid%20profile&state=$STATE&nonce=$NONCE&code_challenge=$challenge&code_challenge_method=S256"
  curl -sS -o "$WORK/body" -D "$WORK/hdr" -c "$JAR" -b "$JAR" "$url"
  [[ "$(status "$WORK/hdr")" == 303 ]] || { fail "$name: /auth svarede $(status "$WORK/hdr") (forventet 303)"; return 1; }
  INTERACTION="$(abs "$(location "$WORK/hdr")")"
  [[ "$INTERACTION" == "$ISSUER/interaction/"* ]] || { fail "$name: uventet interaction-URL $INTERACTION"; return 1; }
  curl -sS -o "$WORK/page.html" -D "$WORK/hdr" -c "$JAR" -b "$JAR" "$INTERACTION"
  [[ "$(status "$WORK/hdr")" == 200 ]] || { fail "$name: login-siden svarede $(status "$WORK/hdr")"; return 1; }
  grep -q '<html lang="da">' "$WORK/page.html" || fail "$name: login-siden mangler lang=da"
}

# post_form DATA... -> POST til interaction/login, resultat i $WORK/hdr og $WORK/page.html
post_form() {
  local action="$1"; shift
  local args=(--data "")
  [[ $# -gt 0 ]] && args=()
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  curl -sS -o "$WORK/page.html" -D "$WORK/hdr" -c "$JAR" -b "$JAR" "${args[@]}" "$INTERACTION/$action"
}

# finish_flow NAME EXPECTED_ACR CLAIM=VALUE... : følg redirects til callback, byt kode, tjek ID-token
finish_flow() {
  local name="$1" want_acr="$2"; shift 2
  [[ "$(status "$WORK/hdr")" == 303 ]] || { fail "$name: login-POST svarede $(status "$WORK/hdr") (forventet 303)"; return 1; }
  local next
  next="$(abs "$(location "$WORK/hdr")")"
  curl -sS -o "$WORK/body" -D "$WORK/hdr" -c "$JAR" -b "$JAR" "$next"
  [[ "$(status "$WORK/hdr")" == 303 ]] || { fail "$name: resume svarede $(status "$WORK/hdr"): $(head -c 400 "$WORK/body")"; return 1; }
  local cb
  cb="$(location "$WORK/hdr")"
  [[ "$cb" == "$REDIRECT?"* ]] || { fail "$name: callback gik til $cb (forventet $REDIRECT)"; return 1; }
  local code state iss
  read -r code state iss < <(python3 -c 'import sys,urllib.parse as u; q=dict(u.parse_qsl(u.urlsplit(sys.argv[1]).query)); print(q.get("code","-"), q.get("state","-"), q.get("iss","-"))' "$cb")
  [[ "$state" == "$STATE" ]] || fail "$name: state passer ikke"
  [[ "$iss" == "$ISSUER" ]] || fail "$name: iss-parameter i callback passer ikke ($iss)"
  [[ "$code" != "-" ]] || { fail "$name: ingen code i callback: $cb"; return 1; }
  local tok
  tok="$(curl -sS -u "$CLIENT_ID:$CLIENT_SECRET" --data-urlencode grant_type=authorization_code \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$REDIRECT" --data-urlencode "code_verifier=$VERIFIER" "$TOKEN_EP")"
  local idt
  idt="$(echo "$tok" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id_token",""))')"
  [[ -n "$idt" ]] || { fail "$name: token-svar uden id_token: $tok"; return 1; }
  # Signaturtjek (RS256, kid fra JWKS) med node:crypto.
  curl -fsS "$JWKS" >"$WORK/jwks.json"
  node -e '
    const fs = require("fs"), c = require("crypto");
    const [h, p, s] = process.argv[1].split(".");
    const header = JSON.parse(Buffer.from(h, "base64url"));
    const jwk = JSON.parse(fs.readFileSync(process.argv[2])).keys.find((k) => k.kid === header.kid);
    if (!jwk || header.alg !== "RS256") { console.error("ukendt kid/alg", header); process.exit(1); }
    const ok = c.verify("RSA-SHA256", Buffer.from(h + "." + p), c.createPublicKey({ key: jwk, format: "jwk" }), Buffer.from(s, "base64url"));
    process.exit(ok ? 0 : 1);' "$idt" "$WORK/jwks.json" || fail "$name: ID-tokenets signatur kunne ikke verificeres"
  python3 - "$idt" "$ISSUER" "$CLIENT_ID" "$NONCE" "$want_acr" "$name" "$@" <<'PY' || FAILS=$((FAILS + 1))
import base64, json, sys
idt, iss, aud, nonce, acr, name, *claims = sys.argv[1:]
seg = idt.split(".")[1]
payload = json.loads(base64.urlsafe_b64decode(seg + "=" * (-len(seg) % 4)))
shown = {k: payload.get(k) for k in ("iss", "aud", "sub", "acr", "nonce")}
shown.update({k: v for k, v in payload.items() if k == "name" or k.startswith("https://")})
import os
print(f"   {name}: " + json.dumps(payload if os.environ.get("SMOKE_VERBOSE") else shown, ensure_ascii=False))
errors = []
if payload.get("iss") != iss: errors.append("iss")
if payload.get("aud") != aud: errors.append("aud")
if payload.get("nonce") != nonce: errors.append("nonce")
if payload.get("acr") != acr: errors.append(f"acr={payload.get('acr')}")
for kv in claims:
    k, v = kv.split("=", 1)
    if str(payload.get(k)) != v: errors.append(f"{k}={payload.get(k)!r} (forventet {v!r})")
if errors:
    print(f"FEJL: {name}: " + ", ".join(errors), file=sys.stderr)
    sys.exit(1)
PY
}

SUBST="https://data.gov.dk/concept/core/nsis/loa/Substantial"
CPR="https://data.gov.dk/model/core/eid/cprNumber"
CVR="https://data.gov.dk/model/core/eid/professional/cvr"

run_all() {
  local app="$1"
  # MitID: ukendt CPR -> dansk fejl; derefter CPR med bindestreg.
  start_auth mitid "$app/api/auth/mitid/callback"
  grep -q 'Simulering – ikke den rigtige MitID' "$WORK/page.html" || fail "mitid: simuleringsbanner mangler"
  grep -q 'Log ind som Mette Marie Jensen (120590-1806)' "$WORK/page.html" || fail "mitid: personliste mangler"
  post_form login cpr=010101-0000
  { [[ "$(status "$WORK/hdr")" == 200 ]] && grep -q 'Der findes ingen person med det CPR-nummer i simuleringen' "$WORK/page.html"; } || fail "mitid: ukendt CPR gav ikke fejlside"
  post_form login cpr=120590-1806
  finish_flow mitid "$SUBST" "$CPR=1205901806" "name=Mette Marie Jensen"
  # Samme browser (cookie-jar) igen: ingen SSO, login-siden vises, og man kan skifte person.
  KEEP_JAR="$JAR" start_auth mitid "$app/api/auth/mitid/callback"
  post_form login cpr=0803850077
  finish_flow mitid-igen "$SUBST" "$CPR=0803850077" "name=Lars Peter Nielsen"

  # MitID Erhverv: Jonas Bager, Bageriet Brødkassen ApS.
  start_auth mitid-erhverv "$app/api/auth/mitid-erhverv/callback"
  grep -q 'Log ind som Jonas Bager, Bageriet Brødkassen ApS (CVR 35060219)' "$WORK/page.html" || fail "mitid-erhverv: knap mangler"
  post_form login sub=erhverv-928b6253-57e9-47b9-95be-18f6c8faa41a
  finish_flow mitid-erhverv "$SUBST" "$CVR=35060219" "name=Jonas Bager" "sub=erhverv-928b6253-57e9-47b9-95be-18f6c8faa41a"

  # Medarbejder med engangskode -> mfa (først en ugyldig kode -> fejl).
  start_auth medarbejder "$app/api/auth/medarbejder/callback"
  grep -q 'autocomplete="one-time-code"' "$WORK/page.html" || fail "medarbejder: engangskodefelt mangler"
  post_form login username=anna.aarhus otp=12ab
  { [[ "$(status "$WORK/hdr")" == 200 ]] && grep -q 'Engangskoden skal bestå af præcis 6 cifre' "$WORK/page.html"; } || fail "medarbejder: ugyldig kode gav ikke fejlside"
  post_form login username=anna.aarhus otp=123456
  finish_flow medarbejder-mfa "urn:jobspor:acr:mfa" "sub=anna.aarhus" "name=Anna Sørensen"

  # Medarbejder uden engangskode -> password.
  start_auth medarbejder "$app/api/auth/medarbejder/callback"
  post_form login username=per.frederikshavn otp=
  finish_flow medarbejder-pwd "urn:jobspor:acr:password" "sub=per.frederikshavn" "name=Per Nielsen"

  # Afbryd -> access_denied til klienten.
  start_auth mitid "$app/api/auth/mitid/callback"
  post_form abort
  local next
  next="$(abs "$(location "$WORK/hdr")")"
  curl -sS -o /dev/null -D "$WORK/hdr" -c "$JAR" -b "$JAR" "$next"
  [[ "$(location "$WORK/hdr")" == "$app/api/auth/mitid/callback?error=access_denied"* ]] || fail "afbryd gav ikke access_denied: $(location "$WORK/hdr")"
  echo "   afbryd: $(location "$WORK/hdr" | cut -c1-90)…"
}

echo "Fase 1: standard (redirect_uri på http://127.0.0.1:3000)"
start_idp
run_all "http://127.0.0.1:3000"
# En vilkårlig port må IKKE accepteres uden IDP_ALLOW_ANY_LOOPBACK_PORT.
code="$(curl -sS -o /dev/null -w '%{http_code}' "$BASE/mitid/auth?response_type=code&client_id=$CLIENT_ID&redirect_uri=$(urlenc http://127.0.0.1:45678/api/auth/mitid/callback)&scope=openid&code_challenge=abcdefghijabcdefghijabcdefghijabcdefghij123&code_challenge_method=S256")"
[[ "$code" == 400 ]] && echo "   port 45678 afvist (400) som forventet" || fail "redirect_uri på port 45678 blev ikke afvist (HTTP $code)"
stop_idp

echo "Fase 2: IDP_ALLOW_ANY_LOOPBACK_PORT=1 (redirect_uri på http://127.0.0.1:45678)"
start_idp IDP_ALLOW_ANY_LOOPBACK_PORT=1
run_all "http://127.0.0.1:45678"
# Forkert sti må stadig afvises.
code="$(curl -sS -o /dev/null -w '%{http_code}' "$BASE/mitid/auth?response_type=code&client_id=$CLIENT_ID&redirect_uri=$(urlenc http://127.0.0.1:45678/api/auth/medarbejder/callback)&scope=openid&code_challenge=abcdefghijabcdefghijabcdefghijabcdefghij123&code_challenge_method=S256")"
[[ "$code" == 400 ]] && echo "   forkert callback-sti afvist (400) som forventet" || fail "forkert callback-sti blev ikke afvist (HTTP $code)"
stop_idp

if [[ "$FAILS" -gt 0 ]]; then
  echo "RØGTEST FEJLEDE ($FAILS fejl)" >&2
  exit 1
fi
echo "RØGTEST OK"

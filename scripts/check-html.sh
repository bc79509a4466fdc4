#!/usr/bin/env bash
# The Nu Html Checker (npm vnu-jar, end2end/node_modules) over the pages a Playwright run
# saved (end2end/tests/fixtures.ts, VNU_DIR): one <sha1>.html per distinct page, and
# index.tsv naming the path(s) each was served at. Errors only; exits non-zero on any error,
# or when no page was saved (the capture is broken then, and nothing would be checked).
#   bash scripts/check-html.sh DIR
set -euo pipefail
dir=${1:?usage: scripts/check-html.sh DIR}
jar="$(dirname "$0")/../end2end/node_modules/vnu-jar/build/dist/vnu.jar"

[ -f "$jar" ] || { echo "no $jar: run scripts/setup.sh --test" >&2; exit 1; }
command -v java >/dev/null || { echo "no java: run scripts/setup.sh --test" >&2; exit 1; }
shopt -s nullglob
pages=("$dir"/*.html)
if [ ${#pages[@]} = 0 ]; then
  echo "FAILED: no page was saved in $dir, so none was checked (end2end/tests/fixtures.ts, VNU_DIR)" >&2
  exit 1
fi

# vnu writes its messages to stderr and exits 1 on any error.
java -jar "$jar" --errors-only --format gnu "${pages[@]}" >"$dir/vnu.txt" 2>&1 && rc=0 || rc=$?
# Each message names its page by path(s) instead of the hash file, with the marked source.
python3 - "$dir" "$rc" "${#pages[@]}" <<'PY'
import os, re, sys
d, rc, pages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
paths = {}
try:
    with open(os.path.join(d, "index.tsv"), encoding="utf-8") as index:
        for line in index:
            h, _, p = line.rstrip("\n").partition("\t")
            if p not in paths.setdefault(h, []):
                paths[h].append(p)
except FileNotFoundError:
    pass

def name(f):
    base = os.path.basename(f)
    ps = paths.get(base.removesuffix(".html"), [])
    shown = ", ".join(ps[:3]) + (f" (+{len(ps) - 3} more)" if len(ps) > 3 else "")
    return f"{shown or '?'} [{base}]"

def excerpt(f, l1, c1, l2, c2):
    try:
        with open(f, encoding="utf-8") as page:
            lines = page.read().split("\n")
    except OSError:
        return ""
    if not 0 < l1 <= len(lines):
        return ""
    text = lines[l1 - 1][c1 - 1:(c2 if l2 == l1 else None)]
    return text if len(text) <= 200 else text[:200] + "…"

msg = re.compile(r'^"(?:file:)?(?P<f>[^"]+)":(?:(?P<l1>\d+)\.(?P<c1>\d+)(?:-(?P<l2>\d+)\.(?P<c2>\d+))?)?: (?P<rest>.*)$')
errors, bad, other = 0, set(), []
with open(os.path.join(d, "vnu.txt"), encoding="utf-8", errors="replace") as out:
    for line in out.read().splitlines():
        m = msg.match(line)
        if not m:
            if line.strip():
                other.append(line)
            continue
        errors += 1
        bad.add(m["f"])
        pos = f"{m['l1']}.{m['c1']}" if m["l1"] else ""
        print(f"{name(m['f'])}:{pos}: {m['rest']}")
        if m["l1"]:
            l1, c1 = int(m["l1"]), int(m["c1"])
            l2, c2 = (int(m["l2"]), int(m["c2"])) if m["l2"] else (l1, c1)
            if x := excerpt(m["f"], l1, c1, l2, c2):
                print(f"    {x}")
for line in other:
    print(line)
if rc == 0 and errors == 0 and not other:
    print(f"Nu Html Checker: {pages} distinct pages checked, no error")
    sys.exit(0)
print(f"FAILED: Nu Html Checker: {errors} error(s) on {len(bad)} of {pages} distinct pages checked (exit {rc})")
sys.exit(1)
PY

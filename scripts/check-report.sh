#!/usr/bin/env bash
# Renders an HTML report of `retail` in headless Chromium at a given window width (default 1280 px)
# and fails when the page overflows horizontally, a script reports an error, or an inline SVG did
# not parse or render. Exit codes: 0 pass, 1 a problem (printed), 2 usage, 77 no Chromium found.
# Chromium: Debian package `chromium` (apt-get install chromium).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/check-report.sh REPORT.html [WIDTH]" >&2
  exit 2
fi
report=$(realpath "$1")
width=${2:-1280}
if [ ! -f "$report" ]; then
  echo "error: no such report: $1" >&2
  exit 2
fi
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "skip: no chromium on PATH (Debian: apt-get install chromium)" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The report is loaded into a frame of the given width; a script in the wrapper measures it after
# load and writes one JSON line into the wrapper's DOM, which --dump-dom prints.
cat > "$tmp/check.html" <<HTML
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="file://$report" style="width:${width}px;height:1000px;border:0"></iframe>
<pre id="result">pending</pre>
<script>
var errors = [];
var f = document.getElementById('f');
f.addEventListener('load', function () {
  var w = f.contentWindow, d = f.contentDocument;
  var mark = 'CHECK' + 'RESULT ';
  if (!d) { document.getElementById('result').textContent = mark + '{"error":"report not readable"}'; return; }
  w.addEventListener('error', function (e) { errors.push(String(e.message)); });
  var root = d.documentElement;
  var svgs = d.querySelectorAll('svg');
  var empty = 0, wide = 0;
  for (var i = 0; i < svgs.length; i++) {
    var r = svgs[i].getBoundingClientRect();
    if (r.width < 1 || r.height < 1) { empty++; }
    if (r.right > root.clientWidth + 0.5) { wide++; }
  }
  var tags = (d.documentElement.outerHTML.match(/<svg[\s>]/g) || []).length;
  document.getElementById('result').textContent = mark + JSON.stringify({
    overflow: root.scrollWidth - root.clientWidth, svgs: svgs.length, svgTags: tags, emptySvgs: empty,
    wideSvgs: wide, parserErrors: d.getElementsByTagName('parsererror').length, errors: errors});
});
</script></body></html>
HTML
out=$("$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --allow-file-access-from-files --window-size="$((width + 40)),1000" \
  --virtual-time-budget=10000 --dump-dom "file://$tmp/check.html" 2>/dev/null | grep -o 'CHECKRESULT {.*}' | head -1 || true)
if [ -z "$out" ]; then
  echo "fail: the report did not finish loading in Chromium" >&2
  exit 1
fi
json=${out#CHECKRESULT }
echo "$report at ${width} px: $json"
python3 - "$json" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
problems = []
if "error" in r: problems.append(r["error"])
else:
    if r["overflow"] > 0: problems.append(f"page overflows horizontally by {r['overflow']} px")
    if r["parserErrors"]: problems.append(f"{r['parserErrors']} SVG/XML parser errors")
    if r["svgs"] != r["svgTags"]: problems.append(f"{r['svgTags']} <svg> tags but {r['svgs']} SVG elements")
    if r["emptySvgs"]: problems.append(f"{r['emptySvgs']} SVGs render empty")
    if r["wideSvgs"]: problems.append(f"{r['wideSvgs']} SVGs wider than the page")
    if r["errors"]: problems.append("script errors: " + "; ".join(r["errors"]))
for p in problems: print("fail: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

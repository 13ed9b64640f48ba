#!/usr/bin/env bash
# Prints, for each public entry page of a running portal, what a first visit in Chromium fetches
# (transfer bytes of wasm and external JavaScript with `Accept-Encoding: br, gzip`, inline script
# bytes, requests; page-weight.mjs) and Lighthouse's mobile scores (performance, accessibility,
# best practices; TTI, TBT and LCP in ms; the page's HTML bytes as Lighthouse got them, which tell
# the breach task list from its "not started" page; default mobile config, simulated throttling). The
# Lighthouse reports are kept in target/bench/lighthouse/. `.ci/bench` runs it against the release
# server; by hand against any portal:
#
#   bash .ci/bench.d/pages.sh http://127.0.0.1:3078
source "$(dirname "$0")/../tools.sh"
base="${1:?usage: pages.sh BASE_URL}"
ensure_node
ensure_browser
ensure_lighthouse
apt_install jq
cd "$ROOT"
out="$ROOT/target/bench/lighthouse"
mkdir -p "$out"

# name, path, and `draft` for a page that needs a breach report started (its cookie).
pages=(
  "home /"
  "question /concern/about"
  "nuisance-start /report-nuisance"
  "nuisance-channel /report-nuisance/channel"
  "breach-start /report-breach"
  "breach-tasks /report-breach/report draft"
)

printf 'page weight, first visit in Chromium (transfer bytes incl. headers; enc = content-encoding):\n'
node .ci/bench.d/page-weight.mjs "$base" "$out" "${pages[@]}"

printf '\nLighthouse %s, mobile, simulated throttling (scores 0-100; TTI, TBT, LCP in ms):\n' "$(lighthouse --version)"
printf '%-18s %5s %5s %5s %8s %7s %8s %8s  %s\n' page perf a11y bp TTI TBT LCP 'HTML B' 'LCP element'
export CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
for entry in "${pages[@]}"; do
  read -r name path draft <<<"$entry"
  headers='{"Accept-Encoding":"br, gzip"}'
  [ "${draft:-}" = draft ] && headers=$(jq -cn --arg c "$(cat "$out/breach-cookie")" '{"Accept-Encoding":"br, gzip","Cookie":$c}')
  report="$out/$name.json"
  if ! lighthouse "$base$path" --quiet --chrome-flags="$flags" --extra-headers="$headers" \
      --only-categories=performance,accessibility,best-practices --output=json --output-path="$report"; then
    printf '%-18s lighthouse failed\n' "$name"
    continue
  fi
  jq -r --arg name "$name" '
    def score(c): if .categories[c].score == null then "-" else (.categories[c].score * 100 | round | tostring) end;
    def ms(a): if .audits[a].numericValue == null then "-" else (.audits[a].numericValue | round | tostring) end;
    [$name, score("performance"), score("accessibility"), score("best-practices"),
     ms("interactive"), ms("total-blocking-time"), ms("largest-contentful-paint"),
     (.audits["network-requests"].details.items[0].resourceSize // "-" | tostring),
     ((.audits["largest-contentful-paint-element"].details.items[0].items[0].node.nodeLabel // "-") | .[0:32])
     + (if .runtimeError then "  (" + .runtimeError.code + ")" else "" end)
     + ([.audits["network-requests"].details.items[]? | select(.statusCode >= 400 or .statusCode < 100)
         | (.url | sub("^https?://[^/]+"; "")) + " " + (.statusCode | tostring)]
        | if length > 0 then "  FAILED: " + join(", ") else "" end)]
    | @tsv' "$report" | while IFS=$'\t' read -r n perf a11y bp tti tbt lcp html element; do
    printf '%-18s %5s %5s %5s %8s %7s %8s %8s  %s\n' "$n" "$perf" "$a11y" "$bp" "$tti" "$tbt" "$lcp" "$html" "$element"
  done
done

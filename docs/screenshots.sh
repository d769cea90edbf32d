#!/usr/bin/env bash
# Screenshots of the public site at the demo's default (national) scale, for the README:
# docs/site-national.png and docs/site-fingerprint.png. Needs the build (./mvnw -B install
# -DskipTests) and Debian's chromium. Runs `electa up` in a fresh data folder on ports of its own,
# plays `electa demo` against it (about 3 minutes on two cores), photographs two pages in headless
# Chromium and stops the suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
home="$(mktemp -d)"
ports=(--registry localhost:19181 --tally localhost:19182 --observer localhost:19183)
site=19180
"$root/bin/electa" "${ports[@]}" up --home "$home" --site-port "$site" >"$home/up.out" 2>&1 &
up=$!
stop() { kill -TERM "$up" 2>/dev/null || true; wait "$up" 2>/dev/null || true; rm -rf "$home"; }
trap stop EXIT
for _ in $(seq 1 180); do grep -q "The suite is up" "$home/up.out" && break; sleep 1; done
grep -q "The suite is up" "$home/up.out" || { cat "$home/up.out"; exit 1; }
"$root/bin/electa" "${ports[@]}" demo --home "$home" | tail -n 3
election=$(ls "$home/demo")
shot() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$home/chromium" \
    --window-size=1280,"$2" --screenshot="$root/docs/$1" "http://localhost:$site$3"
}
shot site-national.png 1100 "/elections/$election?lang=en"
shot site-fingerprint.png 1100 "/elections/$election/fingerprint?lang=en"
trap - EXIT
stop
echo "screenshots of $election in $root/docs"

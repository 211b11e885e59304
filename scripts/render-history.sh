#!/usr/bin/env bash
# Records the weekly fixtures of Tests/HistoryTests into a fresh history database, writes the
# history and diff reports in every format, checks the HTML is well-formed XML-ish HTML that
# headless Chromium renders (a screenshot per language) when Chromium is installed, and skips that
# step with a message when it is not.
#
# Usage: scripts/render-history.sh [output-folder]
#   READINESS=path/to/readiness   the binary to run (default: built with `swift build`)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${READINESS:-}" ]; then
  swift build --product readiness >/dev/null
  READINESS="$(swift build --show-bin-path)/readiness"
fi
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
db="$out/history.db"
rm -f "$db" "$db-wal" "$db-shm"
fixtures=Tests/HistoryTests/Fixtures
for week in 1 2 3; do
  status=0
  READINESS_NOW="2027-03-0${week}T09:00:00Z" "$READINESS" check "$fixtures/mining-week$week.yaml" \
    --record "$db" --format json --output "$out/week$week.json" || status=$?
  if [ "$status" -gt 1 ]; then echo "render-history: check exited with $status" >&2; exit 1; fi
done
for format in text json markdown html csv; do
  "$READINESS" history "$db" --format "$format" --output "$out/history.$format"
done
"$READINESS" history "$db" --format html --lang zh --output "$out/history-zh.html"
"$READINESS" diff "$out/week1.json" "$out/week3.json" --format html --output "$out/diff.html" || [ $? -le 1 ]
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$out/history.json"

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  echo "render-history: reports written to $out; headless Chromium not installed, rendering skipped"
  exit 0
fi
for page in history history-zh diff; do
  rm -f "$out/$page.png"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
    --screenshot="$out/$page.png" "file://$(cd "$out" && pwd)/$page.html" >/dev/null 2>&1 || true
  if [ ! -s "$out/$page.png" ]; then
    echo "render-history: Chromium did not render $page.html" >&2
    exit 1
  fi
done
echo "render-history: rendered history, history-zh and diff in headless Chromium ($out/*.png)"

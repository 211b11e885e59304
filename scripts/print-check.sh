#!/usr/bin/env bash
# Print check of the client report: renders each example's HTML report in English and Chinese
# to PDF with headless Chromium (as a consultant's "print to PDF" would) and checks that the
# Chinese report runs to no more than a quarter more pages than the English one, rounded up to a
# whole page (⌈1.25 × en⌉). Skips, with a message, when Chromium or pdfinfo cannot be had.
# Usage: scripts/print-check.sh [path/to/readiness]
set -euo pipefail
cd "$(dirname "$0")/.."
readiness=${1:-.build/debug/readiness}

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ] || ! command -v pdfinfo >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq chromium poppler-utils fonts-noto-cjk >/dev/null 2>&1 || true
    browser=$(command -v chromium || true)
  fi
fi
if [ -z "$browser" ] || ! command -v pdfinfo >/dev/null 2>&1; then
  echo "print check skipped: Chromium or pdfinfo is not installed (the print CSS is checked by HTMLPrintTests)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for example in Examples/*.yaml; do
  name=$(basename "$example" .yaml)
  declare -A pages=()
  for lang in en zh; do
    "$readiness" check "$example" --lang "$lang" --format html --output "$work/$name-$lang.html" --fail-on no_go >/dev/null 2>&1 || true
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$work/$name-$lang.pdf" "file://$work/$name-$lang.html" >/dev/null 2>&1 || true
    if [ ! -s "$work/$name-$lang.pdf" ]; then
      echo "print check: $name ($lang) did not print" >&2
      status=1
      continue
    fi
    pages[$lang]=$(pdfinfo "$work/$name-$lang.pdf" | awk '/^Pages:/ {print $2}')
  done
  en=${pages[en]:-0}
  zh=${pages[zh]:-0}
  limit=$(( (en * 5 + 3) / 4 ))
  echo "print check: $name en $en pages, zh $zh pages (limit $limit)"
  if [ "$en" -eq 0 ] || [ "$zh" -gt "$limit" ]; then status=1; fi
  unset pages
done
exit $status

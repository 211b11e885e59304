#!/usr/bin/env bash
# Validates the machine-readable reports of every example against the official schemas:
# SARIF against sarif-schema-2.1.0.json (Python's jsonschema), GitLab Code Quality against
# gitlab-codequality.schema.json, and JUnit against junit-10.xsd (Python's xmlschema, installed
# with pip when missing) with one extension: the optional `file` and `line` attributes on
# <testcase> that GitLab, pytest and Ant's JUnit readers use (the xUnit plugin's schema does not
# declare them; nothing else is relaxed). Each example is checked on its own, in
# English and Chinese, and all of them together as a portfolio; so are the golden files of
# Tests/ReportingTests.
#
# Usage: scripts/validate-reports.sh
#   READINESS=path/to/readiness   the binary to run (default: built with `swift build`)
#   SWIFT_BUILD_FLAGS=...         extra flags for `swift build` (e.g. --scratch-path .build-x)
#   READINESS_SCHEMAS=dir         where the schemas are (default: ../shared/schemas)
set -euo pipefail
cd "$(dirname "$0")/.."

schemas="${READINESS_SCHEMAS:-../shared/schemas}"
sarif_schema="$schemas/sarif-schema-2.1.0.json"
junit_schema="$schemas/junit-10.xsd"
if [ ! -f "$sarif_schema" ] || [ ! -f "$junit_schema" ]; then
  echo "validate-reports: skipped, no schemas in $schemas (set READINESS_SCHEMAS to their folder)"
  exit 0
fi

if ! python3 -c "import jsonschema" 2>/dev/null; then
  python3 -m pip install --quiet jsonschema
fi
if ! python3 -c "import xmlschema" 2>/dev/null; then
  python3 -m pip install --quiet xmlschema
fi

# shellcheck disable=SC2086
if [ -z "${READINESS:-}" ]; then
  swift build --product readiness ${SWIFT_BUILD_FLAGS:-} >/dev/null
  READINESS="$(swift build --show-bin-path ${SWIFT_BUILD_FLAGS:-})/readiness"
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# `readiness check` exits 1 when a verdict fails the gate (the no-go example does): that is
# still a report; anything else is an error.
check() {
  local status=0
  "$READINESS" check "$@" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "validate-reports: readiness check $* exited with $status" >&2
    exit "$status"
  fi
}

examples=(Examples/*.yaml)
for example in "${examples[@]}"; do
  name="$(basename "$example" .yaml)"
  for lang in en zh; do
    check "$example" --lang "$lang" \
      --format sarif --output "$out/$name-$lang.sarif" \
      --format junit --output "$out/$name-$lang.xml" \
      --format gitlab --output "$out/$name-$lang.gitlab.json"
  done
done
check "${examples[@]}" --format sarif --output "$out/portfolio.sarif" --format junit --output "$out/portfolio.xml" \
  --format gitlab --output "$out/portfolio.gitlab.json"

# The golden files too: the hand-built fixture among them is full of text that must be escaped.
for golden in Tests/ReportingTests/Golden/*.sarif Tests/ReportingTests/Golden/*.xml Tests/ReportingTests/Golden/*.gitlab.json; do
  [ -f "$golden" ] && cp "$golden" "$out/golden-$(basename "$golden")"
done

python3 - "$sarif_schema" "$junit_schema" "$out" "$schemas/gitlab-codequality.schema.json" <<'PY'
import glob, json, os, sys

import jsonschema
import xmlschema

sarif_schema_path, junit_schema_path, folder, gitlab_schema_path = sys.argv[1:5]
with open(sarif_schema_path, encoding="utf-8") as f:
    sarif = jsonschema.Draft4Validator(json.load(f))
with open(junit_schema_path, encoding="utf-8") as f:
    xsd = f.read()
# The one extension: <testcase file="…" line="…">, after the schema's last testcase attribute.
anchor = '<xs:attribute name="group" type="xs:string"/>'
assert xsd.count(anchor) == 1, "junit-10.xsd changed: cannot add testcase file/line"
xsd = xsd.replace(anchor, anchor + '<xs:attribute name="file" type="xs:string"/><xs:attribute name="line" type="xs:positiveInteger"/>')
junit = xmlschema.XMLSchema(xsd)
gitlab = None
if os.path.exists(gitlab_schema_path):
    with open(gitlab_schema_path, encoding="utf-8") as f:
        gitlab = jsonschema.Draft202012Validator(json.load(f))

failures = 0


def check_json(pattern, validator, describe):
    """Validates every JSON file matching the pattern; describe(document) says what passed."""
    global failures
    for path in sorted(glob.glob(os.path.join(folder, pattern))):
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            failures += 1
            print(f"FAIL {os.path.basename(path)}")
            for error in errors[:10]:
                print(f"  at /{'/'.join(map(str, error.absolute_path))}: {error.message}")
        else:
            print(f"ok   {os.path.basename(path)} ({describe(document)})")


check_json("*.sarif", sarif,
           lambda log: f"SARIF 2.1.0, {sum(len(run.get('results', [])) for run in log.get('runs', []))} results")
if gitlab is not None:
    check_json("*.gitlab.json", gitlab, lambda issues: f"GitLab Code Quality, {len(issues)} issues")
for path in sorted(glob.glob(os.path.join(folder, "*.xml"))):
    errors = list(junit.iter_errors(path))
    if errors:
        failures += 1
        print(f"FAIL {os.path.basename(path)}")
        for error in errors[:10]:
            print(f"  {error.reason} at {error.path}")
    else:
        tests = junit.to_dict(path).get("@tests", "?")
        print(f"ok   {os.path.basename(path)} (junit-10.xsd, {tests} tests)")
if failures:
    print(f"validate-reports: {failures} report(s) do not validate")
    sys.exit(1)
print("validate-reports: every report validates")
PY

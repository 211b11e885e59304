#!/bin/sh
# The GitHub Action's entry point (action.yml): turns the action's inputs, which the runner
# passes as INPUT_* variables, into one `readiness check` command line.
#
#   INPUT_SNAPSHOT   snapshot files, separated by spaces or new lines (required)
#   INPUT_RULESETS   ruleset files or built-in names, separated by spaces or new lines
#   INPUT_FORMATS    FORMAT or FORMAT:FILE items, separated by spaces or new lines
#   INPUT_FAIL-ON    the gate's verdict (Docker actions keep the dash in the variable name)
#   INPUT_ARGS       further arguments, split on spaces
set -eu

fail_on="$(printenv 'INPUT_FAIL-ON' 2>/dev/null || true)"
set -- check
for snapshot in ${INPUT_SNAPSHOT:?the action needs a snapshot input}; do set -- "$@" "$snapshot"; done
for ruleset in ${INPUT_RULESETS:-}; do set -- "$@" --ruleset "$ruleset"; done
for item in ${INPUT_FORMATS:-text}; do
  case "$item" in
    *:*) set -- "$@" --format "${item%%:*}" --output "${item#*:}" ;;
    *) set -- "$@" --format "$item" --output - ;;
  esac
done
if [ -n "$fail_on" ]; then set -- "$@" --fail-on "$fail_on"; fi
# shellcheck disable=SC2086
for argument in ${INPUT_ARGS:-}; do set -- "$@" "$argument"; done
exec readiness "$@"

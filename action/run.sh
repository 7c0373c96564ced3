#!/usr/bin/env bash
# The script of the GitHub Action (action.yml). One lint run writes everything: the annotations (workflow commands on
# standard output), the clause checklist for the job summary and the report file. Inputs arrive as INPUT_* environment
# variables, never pasted into the script, so no input can inject shell code. Outputs go to $GITHUB_OUTPUT.
# It runs as it is under bash with GitHub's environment files, which is how the tests run it.
set -uo pipefail
set -f # globs go to clauselint as written

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$here/bin/clauselint.js"
outputs="${GITHUB_OUTPUT:-/dev/null}"
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"

# workflow command escaping (data, and properties such as file=)
data() {
  local s="$1"
  s="${s//'%'/'%25'}"
  s="${s//$'\r'/'%0D'}"
  s="${s//$'\n'/'%0A'}"
  printf '%s' "$s"
}
property() {
  local s
  s="$(data "$1")"
  s="${s//':'/'%3A'}"
  s="${s//','/'%2C'}"
  printf '%s' "$s"
}
finish() {
  echo "exit-code=$1" >>"$outputs"
  exit "$1"
}

node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 10) ? 0 : 1)' 2>/dev/null || {
  echo "::error title=clauselint::clauselint needs Node.js 20.10 or later (found $(node --version 2>/dev/null || echo none)); add actions/setup-node before this action"
  finish 2
}

# A release tag carries the bundle (release/): nothing to install or build. Any other ref must build it first.
if [ ! -f "$here/release/cli.js" ] && [ ! -f "$here/dist/bundle/cli.js" ]; then
  echo "::warning title=clauselint::this ref of the action has no bundle, so it is built now (about a minute); use a release tag such as @v0.1.0 to skip this"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2 || {
    echo "::error title=clauselint::could not build clauselint from this ref of the action; use a release tag"
    finish 2
  }
fi

paths=()
read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
[ "${#paths[@]}" -gt 0 ] || paths=(.)
options=()
[ -n "${INPUT_CONFIG:-}" ] && options+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_PROFILE:-}" ] && options+=(--profile "$INPUT_PROFILE")
[ -n "${INPUT_CHANGED_SINCE:-}" ] && options+=(--changed-since "$INPUT_CHANGED_SINCE")
[ -n "${INPUT_MAX_WARNINGS:-}" ] && options+=(--max-warnings "$INPUT_MAX_WARNINGS")
case "${INPUT_CACHE:-false}" in
  true) options+=(--cache --cache-location "${INPUT_CACHE_LOCATION:-.clauselintcache}") ;;
  false | '') ;;
  *)
    echo "::error title=clauselint::the cache input must be true or false, got \"$(data "$INPUT_CACHE")\""
    finish 2
    ;;
esac

reports=()
summary=''
if [ "${INPUT_STEP_SUMMARY:-true}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  summary="$tmp/clauselint-summary-$$.md"
  reports+=(--report "markdown=$summary")
fi
report=''
if [ -n "${INPUT_FORMAT:-}" ]; then
  report="${INPUT_OUTPUT_FILE:-}"
  if [ -z "$report" ]; then
    case "$INPUT_FORMAT" in
      sarif) report=clauselint-report.sarif ;;
      junit) report=clauselint-report.xml ;;
      gitlab | json) report=clauselint-report.json ;;
      markdown) report=clauselint-report.md ;;
      html) report=clauselint-report.html ;;
      *) report=clauselint-report.txt ;;
    esac
  fi
  reports+=(--report "$INPUT_FORMAT=$report")
fi

annotations="$tmp/clauselint-annotations-$$.txt"
errors_file="$tmp/clauselint-stderr-$$.txt"
status=0
node "$cli" "${options[@]}" --format github "${reports[@]}" -- "${paths[@]}" >"$annotations" 2>"$errors_file" || status=$?
cat "$annotations"
cat "$errors_file" >&2

# What clauselint said on stderr becomes annotations too: an error when the run failed (a config error names its file).
while IFS= read -r line; do
  case "$line" in
    'clauselint: warning: '*) echo "::warning title=clauselint::$(data "${line#clauselint: warning: }")" ;;
    'clauselint: '*)
      [ "$status" -eq 2 ] || continue
      message="${line#clauselint: }"
      file=''
      if [[ "$message" =~ ^([^:\"]+\.(yaml|yml|json|md|markdown|js|mjs)):\  ]] && [ -f "${BASH_REMATCH[1]}" ]; then file="${BASH_REMATCH[1]}"; fi
      if [ -n "$file" ]; then
        echo "::error file=$(property "$file"),title=clauselint configuration::$(data "$message")"
      else
        echo "::error title=clauselint::$(data "$message")"
      fi
      ;;
  esac
done <"$errors_file"

# GitHub shows at most 10 error and 10 warning annotations per step: say where the rest are.
errors=$(grep -c '^::error ' "$annotations" || true)
warnings=$(grep -c '^::warning ' "$annotations" || true)
if [ "$errors" -gt 10 ] || [ "$warnings" -gt 10 ]; then
  echo "::notice title=clauselint::$errors errors and $warnings warnings: GitHub shows only 10 annotations of each kind per step; the job summary${report:+ and $(data "$report")} list all of them"
fi
rm -f "$annotations" "$errors_file"

if [ "$status" -le 1 ]; then
  if [ -n "$summary" ] && [ -f "$summary" ]; then
    # the job summary takes at most 1 MiB per step
    if [ "$(wc -c <"$summary")" -gt 1000000 ]; then
      head -c 990000 "$summary" >>"$GITHUB_STEP_SUMMARY"
      printf '\n\n… cut at GitHub'"'"'s 1 MiB limit for a job summary%s.\n' "${report:+; the full report is in $report}" >>"$GITHUB_STEP_SUMMARY"
    else
      cat "$summary" >>"$GITHUB_STEP_SUMMARY"
    fi
  fi
  if [ -n "$report" ] && [ -f "$report" ]; then echo "report-file=$report" >>"$outputs"; fi
fi
[ -z "$summary" ] || rm -f "$summary"
finish "$status"

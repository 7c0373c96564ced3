#!/usr/bin/env bash
# Adoption check, as a team would meet clauselint: a separate test repository of agreements, cloned fresh, where
#   1. clauselint installs as a devDependency from a git URL at a release tag, with nothing built or downloaded;
#   2. the pre-commit hook installs from the repository URL and runs via `pre-commit` (skipped without pre-commit),
#      linting the whole document set when only a schedule is staged;
#   3. the GitHub Action's script runs under bash with GitHub-style environment files.
# Usage: scripts/adoption-check.sh CLAUSELINT_REPO TAG [WORK_DIR]
#   CLAUSELINT_REPO  a git repository of clauselint that has the release tag TAG (see scripts/release.mjs)
# Prints one "ok" line per check; exits non-zero at the first failure.
set -euo pipefail

repo="$(cd "$1" && pwd)"
tag="$2"
work="${3:-$(mktemp -d)}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
version="${tag#v}"
export GIT_AUTHOR_NAME=adoption GIT_AUTHOR_EMAIL=adoption@example.com GIT_COMMITTER_NAME=adoption GIT_COMMITTER_EMAIL=adoption@example.com
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# --- the separate test repository -----------------------------------------------------------------------------
origin="$work/contracts-repo"
mkdir -p "$origin/contracts"
cat >"$origin/contracts/msa.md" <<'MD'
---
clauselint:
  includes: [schedule-b.md]
---
# Managed Services Agreement

Between Northwind IT Ltd ("Provider") and Harbour Dental Ltd ("Client").

## 1. Services

The Provider will provide help desk support by phone and email, and monitoring of the Client's servers.

## 2. Fees

The Client will pay £900 per month.
MD
cat >"$origin/contracts/schedule-b.md" <<'MD'
# Schedule B: Service Levels

The Provider will respond to support requests within 4 business hours.
MD
cat >"$origin/package.json" <<JSON
{
  "name": "contracts-repo",
  "private": true,
  "devDependencies": {"clauselint": "git+file://$repo#$tag"},
  "scripts": {"lint:contracts": "clauselint contracts"}
}
JSON
cat >"$origin/.pre-commit-config.yaml" <<YAML
repos:
  - repo: file://$repo
    rev: $tag
    hooks:
      - id: clauselint
        files: ^contracts/
YAML
printf 'node_modules/\n' >"$origin/.gitignore"
git -C "$origin" init -q
git -C "$origin" add -A
git -C "$origin" commit -qm "Agreements"

clone="$work/fresh-clone"
git clone -q "$origin" "$clone"
cd "$clone"

# --- 1. git-URL devDependency -------------------------------------------------------------------------------------
npm install --no-audit --no-fund --loglevel=error >"$work/npm-install.log" 2>&1 || {
  cat "$work/npm-install.log" >&2
  fail "npm install of git+file://…#$tag"
}
[ -f node_modules/clauselint/release/cli.js ] || fail "the installed package has no release/cli.js"
[ ! -e node_modules/clauselint/dist ] || fail "something was built: node_modules/clauselint/dist exists"
others="$(find node_modules -mindepth 1 -maxdepth 1 ! -name clauselint ! -name .bin ! -name .package-lock.json | wc -l)"
[ "$others" -eq 0 ] || fail "npm installed $others other packages; the release should need none"
[ "$(npx --no-install clauselint --version)" = "$version" ] || fail "npx clauselint --version is not $version"
status=0
npm run --silent lint:contracts >"$work/lint.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] || fail "npm run lint:contracts: exit $status, expected 1 (the agreement misses clauses)"
grep -q 'Missing priority levels' "$work/lint.txt" || fail "npm run lint:contracts did not report the missing priority levels"
echo "ok 1 - git-URL devDependency at $tag: installed with no build and no other package; npx clauselint --version = $version; npm run lint:contracts exits 1 with its findings"

# --- 2. pre-commit --------------------------------------------------------------------------------------------------
if command -v pre-commit >/dev/null 2>&1; then
  export PRE_COMMIT_HOME="$work/pre-commit-home"
  pre-commit install >/dev/null
  # only the schedule is staged: the hook lints the whole set (msa.md with schedule-b.md)
  printf '\nThe Provider will fix faults promptly.\n' >>contracts/schedule-b.md
  git add contracts/schedule-b.md
  status=0
  git commit -qm "Schedule B: repairs" >"$work/pre-commit.txt" 2>&1 || status=$?
  [ "$status" -ne 0 ] || fail "the commit passed; the hook should have failed it on the set's missing clauses"
  grep -q 'contracts/msa.md' "$work/pre-commit.txt" || fail "the hook did not lint contracts/msa.md, the set's main agreement"
  grep -q 'Vague term "promptly"' "$work/pre-commit.txt" || fail "the hook did not report the staged schedule's new vague term"
  echo "ok 2 - pre-commit $(pre-commit --version | cut -d' ' -f2): the hook installed from file://…@$tag and, with only the schedule staged, linted the whole set and failed the commit"
  git checkout -q -- . 2>/dev/null || true
  git reset -q --hard
else
  echo "ok 2 - # SKIP pre-commit is not installed (pip install pre-commit)"
fi

# --- 3. the Action's script ---------------------------------------------------------------------------------------
action="$work/action-checkout"
git clone -q --branch "$tag" "$repo" "$action" 2>/dev/null
runner="$work/runner"
mkdir -p "$runner"
: >"$runner/output.txt"
printf '# Earlier step\n' >"$runner/summary.md"
status=0
env -i PATH="$PATH" HOME="$HOME" GITHUB_ACTION_PATH="$action" RUNNER_TEMP="$runner" GITHUB_OUTPUT="$runner/output.txt" GITHUB_STEP_SUMMARY="$runner/summary.md" \
  INPUT_PATHS=contracts INPUT_FORMAT=sarif INPUT_OUTPUT_FILE=reports/clauselint.sarif INPUT_STEP_SUMMARY=true INPUT_CACHE=false \
  bash "$action/action/run.sh" >"$work/action.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] || fail "the Action's script: exit $status, expected 1"
grep -q '^::error file=contracts/msa.md' "$work/action.txt" || fail "the Action's script gave no error annotation on contracts/msa.md"
grep -q '^exit-code=1$' "$runner/output.txt" || fail "no exit-code=1 in GITHUB_OUTPUT"
grep -q '^report-file=reports/clauselint.sarif$' "$runner/output.txt" || fail "no report-file in GITHUB_OUTPUT"
[ -f reports/clauselint.sarif ] || fail "no SARIF report written"
grep -q '### contracts/msa.md' "$runner/summary.md" || fail "no checklist in the job summary"
[ ! -e "$action/node_modules" ] || fail "the Action installed packages"
echo "ok 3 - the Action's script at $tag under bash with GITHUB_OUTPUT/GITHUB_STEP_SUMMARY: annotations, summary and SARIF from one run, nothing installed or built"

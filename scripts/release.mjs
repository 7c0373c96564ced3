#!/usr/bin/env node
// npm run release: make the release commit and tag of the version in package.json, without touching the current branch.
//
// The release commit is the current commit plus release/ (the bundle: every dependency included, nothing to build or
// install) and a package.json whose entry points are the bundle, with no build step and no dependencies. It is what
// installs from a git URL (`npm install git+https://…#v0.1.0`), what the pre-commit hook and the GitHub Action run,
// and what `npm pack` ships. The branch never carries release/, so work on it never makes the bundle stale; a test
// rebuilds the bundle of a release tag from that tag's sources and compares (test/release.test.ts).
//
//   node scripts/release.mjs [--dir REPO]
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {buildRelease, RELEASE_DIR, releasePackageJson} from './release-build.mjs'

const {values} = parseArgs({options: {dir: {type: 'string'}}})
const root = path.resolve(values.dir ?? path.join(import.meta.dirname, '..'))
const git = (...args) => execFileSync('git', ['-C', root, ...args], {encoding: 'utf8'}).trim()
const fail = (message) => {
  process.stderr.write(`release: ${message}\n`)
  process.exit(2)
}

if (git('status', '--porcelain', '--untracked-files=no')) fail('the work tree has uncommitted changes; commit them first')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const tag = `v${pkg.version}`
if (git('tag', '--list', tag)) fail(`tag ${tag} exists already; raise the version in package.json first`)
if (!existsSync(path.join(root, 'node_modules'))) fail('node_modules is missing; run npm ci first')

const out = path.join(root, RELEASE_DIR)
rmSync(out, {recursive: true, force: true})
const bundled = await buildRelease(root, out)
// a private index, so that the branch, the index and the work tree stay as they are
const index = path.join(mkdtempSync(path.join(os.tmpdir(), 'clauselint-release-')), 'index')
const env = {...process.env, GIT_INDEX_FILE: index}
const gitIndex = (...args) => execFileSync('git', ['-C', root, ...args], {encoding: 'utf8', env}).trim()
try {
  gitIndex('read-tree', 'HEAD')
  gitIndex('add', '--force', '--', RELEASE_DIR)
  const blob = execFileSync('git', ['-C', root, 'hash-object', '-w', '--stdin'], {input: `${JSON.stringify(releasePackageJson(pkg), null, 2)}\n`, encoding: 'utf8'}).trim()
  gitIndex('update-index', '--cacheinfo', `100644,${blob},package.json`)
  // nothing to lock: the release has no dependencies
  gitIndex('rm', '--cached', '--quiet', '--ignore-unmatch', 'package-lock.json')
  const tree = gitIndex('write-tree')
  const message = `Release ${tag}: the bundle in ${RELEASE_DIR}/ (${bundled.length} packages included), no build step, no dependencies`
  const commit = execFileSync('git', ['-C', root, 'commit-tree', tree, '-p', 'HEAD', '-m', message], {encoding: 'utf8'}).trim()
  git('tag', '-a', tag, commit, '-m', `clauselint ${pkg.version}`)
  process.stdout.write(`release: tagged ${tag} (${commit.slice(0, 12)}) on top of ${git('rev-parse', '--short=12', 'HEAD')}\n`)
} finally {
  rmSync(path.dirname(index), {recursive: true, force: true})
  rmSync(out, {recursive: true, force: true})
}

// Installs without a build. The release bundle (scripts/release-build.mjs) is reproducible and needs no node_modules;
// `npm pack` of a release installs and runs offline; a release tag's committed bundle equals a fresh build of that
// tag's sources; and, from a fresh clone of a separate test repository, the git-URL devDependency, the pre-commit hook
// (when pre-commit is installed) and the Action's script work (scripts/adoption-check.sh).
import {execFileSync, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it, vi} from 'vitest'
import {runCli, tempDirs} from './helpers.js'
import {EXHAUSTIVE} from './tiers.js'
// @ts-expect-error a plain JavaScript build script, without types
import {buildRelease, RELEASE_DIR, releasePackageJson} from '../scripts/release-build.mjs'

const root = path.join(import.meta.dirname, '..')
// removing the test repositories, installs and pre-commit environments takes a while on a busy machine
vi.setConfig({hookTimeout: 120_000})
const tempDir = tempDirs('release')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string} & Record<string, unknown>
const sample = path.join(root, 'fixtures', 'agreements', 'sample-msa.md')
const vague = path.join(root, 'fixtures', 'agreements', 'a-vague-everything.md')
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {cwd, encoding: 'utf8', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com'}}).trim()

/** Every file under dir, relative, with a hash of its bytes. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const rel of fs.readdirSync(dir, {recursive: true}).map(String).sort()) {
    const full = path.join(dir, rel)
    if (fs.statSync(full).isFile()) out[rel] = createHash('sha256').update(fs.readFileSync(full)).digest('hex')
  }
  return out
}

/** The package folder of a release: what `files` ships, with the release package.json and a fresh bundle. */
async function releasePackage(): Promise<string> {
  const dir = tempDir()
  for (const part of ['bin', 'schema', 'docs', 'README.md']) fs.cpSync(path.join(root, part), path.join(dir, part), {recursive: true})
  await buildRelease(root, path.join(dir, RELEASE_DIR))
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(releasePackageJson(pkg), null, 2)}\n`)
  return dir
}

describe('the release bundle', () => {
  it('is reproducible: two builds give the same bytes', {timeout: 120_000}, async () => {
    const a = tempDir()
    const b = tempDir()
    await buildRelease(root, a)
    await buildRelease(root, b)
    const fa = files(a)
    expect(Object.keys(fa)).toContain('cli.js')
    expect(Object.keys(fa)).toContain('THIRD-PARTY-LICENSES.txt')
    expect(files(b)).toEqual(fa)
  })

  it('npm pack of a release installs offline into a fresh project and runs: the CLI as from source, and the library', {timeout: 120_000}, async () => {
    const pkgDir = await releasePackage()
    const packs = tempDir()
    const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', packs], {cwd: pkgDir, encoding: 'utf8'}).trim().split('\n').at(-1)!
    const project = tempDir({'package.json': '{"name": "contracts", "private": true}\n'})
    const cache = tempDir()
    // an empty npm cache and --offline: nothing can come from a registry
    execFileSync('npm', ['install', '--offline', '--cache', cache, '--no-audit', '--no-fund', '--loglevel=error', path.join(packs, tgz)], {cwd: project, encoding: 'utf8'})
    expect(fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')).sort()).toEqual(['clauselint'])
    const bin = path.join(project, 'node_modules', '.bin', 'clauselint')
    const installed = spawnSync(bin, ['--format', 'json', vague], {cwd: project, encoding: 'utf8'})
    const fromSource = await runCli(['--format', 'json', vague], {cwd: project})
    expect(installed.stderr).toBe('')
    expect(installed.status).toBe(fromSource.code)
    // the same report, but for each message's rule page: the installed package's own copy, where the source's is its own
    type Report = Array<{messages: Array<{url?: string}>}>
    const withoutUrls = (text: string): unknown => (JSON.parse(text) as Report).map((r) => ({...r, messages: r.messages.map(({url: _url, ...m}) => m)}))
    expect(withoutUrls(installed.stdout)).toEqual(withoutUrls(fromSource.stdout))
    const urls = (JSON.parse(installed.stdout) as Report).flatMap((r) => r.messages.map((m) => m.url))
    expect(urls.length).toBeGreaterThan(0)
    const pages = pathToFileURL(path.join(fs.realpathSync(project), 'node_modules', 'clauselint', 'docs', 'rules')).href
    for (const url of urls) expect(url).toMatch(new RegExp(`^${pages.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[a-z-]+\\.md$`))
    expect(spawnSync(bin, [sample], {encoding: 'utf8'}).status).toBe(0)
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', `import {lint} from 'clauselint'; const r = lint('# Fees\\n\\nThe fee is TBD.\\n', {filePath: 'x.md'}); console.log(r.messages.map((m) => m.ruleId).join(','))`], {cwd: project, encoding: 'utf8'})
    expect(lib.stderr).toBe('')
    expect(lib.stdout).toMatch(/no-placeholders/)
  })
})

describe('release tags', () => {
  const tag = `v${pkg.version}`
  const hasTag = (() => {
    try {
      return git(root, 'tag', '--list', tag) === tag
    } catch {
      return false
    }
  })()

  /** Packages installed here at another version than the tag's lockfile says (then its build cannot be compared). */
  function driftFromTag(): string[] {
    let lock: {packages?: Record<string, {version?: string; link?: boolean; optional?: boolean}>}
    try {
      lock = JSON.parse(git(root, 'show', `${tag}^:package-lock.json`)) as typeof lock
    } catch {
      return ['(no package-lock.json before the tag)']
    }
    const drift: string[] = []
    for (const [where, entry] of Object.entries(lock.packages ?? {})) {
      if (!where.startsWith('node_modules/') || entry.link || !entry.version) continue
      let installed: string | undefined
      try {
        installed = (JSON.parse(fs.readFileSync(path.join(root, where, 'package.json'), 'utf8')) as {version?: string}).version
      } catch {
        installed = undefined
      }
      // optional packages (other platforms, WebAssembly fallbacks) need not be installed
      if (installed === undefined && (entry.optional || /@esbuild\/|fsevents/.test(where))) continue
      if (installed !== entry.version) drift.push(`${where.slice('node_modules/'.length)} ${installed ?? 'missing'} (tag: ${entry.version})`)
    }
    return drift
  }

  // A clone of the repository has the tags; a tag made by scripts/release.mjs must hold exactly the bundle of its sources.
  // Compared when node_modules has the versions the tag was built with (after `npm ci` on the tag's parent, as in CI
  // right after a release); after a dependency upgrade the same bytes cannot be expected, and the test says so.
  it.runIf(hasTag)(`${tag}: the committed ${RELEASE_DIR}/ equals a fresh build of the tag's own sources`, {timeout: 120_000}, async (context) => {
    const drift = driftFromTag()
    if (drift.length) context.skip(`node_modules differs from ${tag}'s lockfile: ${drift.slice(0, 3).join(', ')}`)
    const dir = tempDir()
    execFileSync('sh', ['-c', `git -C "$1" archive "$2" | tar -x -C "$3"`, 'sh', root, tag, dir])
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
    const fresh = tempDir()
    await buildRelease(dir, fresh)
    expect(files(fresh)).toEqual(files(path.join(dir, RELEASE_DIR)))
    const released = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(released['scripts']).toBeUndefined()
    expect(released['dependencies']).toBeUndefined()
  })

  // a separate repository, an install from it, pre-commit's own environment: in `npm run test:exhaustive` (CI runs both)
  it.runIf(EXHAUSTIVE)('adoption, from a fresh clone of a separate test repository: git-URL devDependency, pre-commit hook, Action script', async () => {
    // a repository of these sources (the work tree as it is), released by scripts/release.mjs
    const repo = tempDir()
    const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: root, encoding: 'utf8'}).split('\0').filter(Boolean)
    for (const rel of tracked) {
      // a listed path that is gone, or a link to a folder (a node_modules linked in rather than installed), is not copied
      if (!fs.existsSync(path.join(root, rel)) || !fs.statSync(path.join(root, rel)).isFile()) continue
      fs.mkdirSync(path.dirname(path.join(repo, rel)), {recursive: true})
      fs.copyFileSync(path.join(root, rel), path.join(repo, rel))
    }
    git(repo, 'init', '-q')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-qm', 'sources')
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(repo, 'node_modules'))
    const released = execFileSync(process.execPath, [path.join(repo, 'scripts', 'release.mjs'), '--dir', repo], {encoding: 'utf8'})
    expect(released).toMatch(new RegExp(`^release: tagged ${tag} \\(`))
    // the branch is untouched: no release/ in it, the work tree clean
    expect(git(repo, 'ls-files', RELEASE_DIR)).toBe('')
    expect(git(repo, 'status', '--porcelain', '--untracked-files=no')).toBe('')
    expect(git(repo, 'ls-tree', '--name-only', `${tag}^{commit}`, `${RELEASE_DIR}/cli.js`)).toBe(`${RELEASE_DIR}/cli.js`)

    const check = spawnSync('bash', [path.join(root, 'scripts', 'adoption-check.sh'), repo, tag, tempDir()], {encoding: 'utf8', timeout: 300_000})
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    const lines = check.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^ok 1 - git-URL devDependency/)
    expect(lines[1]).toMatch(/^ok 2 - (?:pre-commit \d|# SKIP pre-commit is not installed)/)
    expect(lines[2]).toMatch(/^ok 3 - the Action's script/)
  }, 300_000)
})

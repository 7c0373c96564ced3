// --cache, the command as installed (bin/clauselint.js over the built bundle, which writes the report as bytes): a warm
// run prints, byte for byte, what a run without the cache prints, in stylish and JSON, and so does a run after a file
// changed, a file was deleted, the config changed or the tool's version changed (the cache misses for what changed).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tempDirs} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const script = path.join(root, 'dist', 'bundle', 'cli.cjs')
const temp = tempDirs('cache-bin')
const sample = fs.readFileSync(path.join(root, 'fixtures', 'agreements', 'sample-msa.md'), 'utf8')
const failing = '# Managed Services Agreement\n\nProvider will respond promptly and guarantees 100% uptime.\n'
const vague = '# Managed Services Agreement\n\n## Support\n\nWe will respond to tickets as soon as possible.\n'

/** A copy of the command (its script, the bundle and package.json) whose version can be changed. */
function install(version: string): string {
  const dir = temp({})
  fs.mkdirSync(path.join(dir, 'bin'))
  fs.mkdirSync(path.join(dir, 'dist', 'bundle'), {recursive: true})
  for (const f of ['clauselint.js', 'package.json']) fs.copyFileSync(path.join(root, 'bin', f), path.join(dir, 'bin', f))
  fs.copyFileSync(script, path.join(dir, 'dist', 'bundle', 'cli.cjs'))
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({...pkg, version}))
  return dir
}

interface Ran {
  readonly status: number | null
  /** Standard output as bytes, read as Latin-1 (one character a byte). */
  readonly stdout: string
  readonly stderr: string
}

function run(bin: string, cwd: string, args: readonly string[]): Ran {
  const {CLAUSELINT_NO_CODE_CACHE: _drop, FORCE_COLOR: _force, ...rest} = process.env
  const r = spawnSync(process.execPath, [path.join(bin, 'bin', 'clauselint.js'), ...args], {cwd, env: {...rest, NO_COLOR: '1'}, timeout: 120_000})
  return {status: r.status, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('utf8')}
}

/** The index of a cache file: its entries' content hashes and keys. */
function keys(file: string): Record<string, {hash: string; key: string}> {
  const lines = fs.readFileSync(file, 'utf8').split('\n', 2)
  const {entries} = JSON.parse(lines[1]!) as {entries: Record<string, {hash: string; key: string}>}
  return Object.fromEntries(Object.entries(entries).map(([f, e]) => [f, {hash: e.hash, key: e.key}]))
}

describe.skipIf(!fs.existsSync(script))('--cache: the installed command prints what a plain run prints', () => {
  it('warm, and after a changed file, a deleted file, a changed config and a new version', () => {
    const dir = temp({'msa.md': sample, 'bad.md': failing, 'vague.md': vague})
    const cacheFile = path.join(temp({}), 'lint.cache')
    let bin = install('9.8.7')
    /** Each format: the plain run, then cached runs alternating with the other format (the first may fill the cache). */
    const same = (): void => {
      const formats = [[], ['--format', 'json']]
      const plain = formats.map((f) => run(bin, dir, [...f, '.']))
      for (const p of plain) expect(p.stderr).toBe('')
      for (let round = 0; round < 2; round++) {
        for (const [i, f] of formats.entries()) {
          const cached = run(bin, dir, ['--cache', '--cache-location', cacheFile, ...f, '.'])
          expect(cached.stdout).toBe(plain[i]!.stdout)
          expect(cached.stderr).toBe(plain[i]!.stderr)
          expect(cached.status).toBe(plain[i]!.status)
        }
      }
    }
    same()
    // a warm stylish run and a warm JSON run leave the cache as it was
    const before = fs.statSync(cacheFile)
    run(bin, dir, ['--cache', '--cache-location', cacheFile, '.'])
    run(bin, dir, ['--cache', '--cache-location', cacheFile, '--format', 'json', '.'])
    const after = fs.statSync(cacheFile)
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])
    const first = keys(cacheFile)
    const bad = path.join(dir, 'bad.md')
    expect(Object.keys(first).sort()).toEqual(['bad.md', 'msa.md', 'vague.md'].map((f) => path.join(dir, f)))

    // a changed file: its entry has a new hash and key; the others keep theirs
    fs.writeFileSync(bad, failing.replace('promptly', 'within 4 hours'))
    same()
    const changed = keys(cacheFile)
    expect(changed[bad]!.hash).not.toBe(first[bad]!.hash)
    expect(changed[bad]!.key).not.toBe(first[bad]!.key)
    expect(changed[path.join(dir, 'msa.md')]).toEqual(first[path.join(dir, 'msa.md')])

    // a deleted file: gone from the report and from the cache
    fs.rmSync(path.join(dir, 'vague.md'))
    same()
    expect(Object.keys(keys(cacheFile)).sort()).toEqual([bad, path.join(dir, 'msa.md')])

    // a changed config: every key is new
    fs.writeFileSync(path.join(dir, '.clauselintrc.json'), JSON.stringify({rules: {'no-vague-terms': 'off'}}))
    same()
    const configured = keys(cacheFile)
    for (const [file, e] of Object.entries(configured)) expect(e.key).not.toBe(changed[file]!.key)

    // a new version of the tool: every key is new again, the texts' hashes are not
    bin = install('9.8.8')
    same()
    for (const [file, e] of Object.entries(keys(cacheFile))) {
      expect(e.key).not.toBe(configured[file]!.key)
      expect(e.hash).toBe(configured[file]!.hash)
    }
  }, 600_000)
})

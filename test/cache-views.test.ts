// --cache, warm: the stylish and JSON reports are printed from report pieces kept per file (the results are not parsed),
// the same as a run without the cache; a terminal's stylish run and a CI's JSON run do not rewrite each other's cache.
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {FORMATS} from '../src/reporters/formats.js'
import {reporters} from '../src/reporters/index.js'
import {runCli, tempDirs} from './helpers.js'

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'agreements')
const temp = tempDirs('cache-views')
const cli = (argv: readonly string[], cwd: string) => runCli(argv, {cwd})

function fixtures(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort().slice(0, count)) files[name] = fs.readFileSync(path.join(FIXTURES, name), 'utf8')
  return files
}

/** The index of a cache file and the offset where its pieces start. */
function index(file: string): {entries: Record<string, {at: number; length: number; views?: Array<{key: string; at: number; length: number}>}>; start: number} {
  const buf = fs.readFileSync(file)
  const first = buf.indexOf(10)
  const second = buf.indexOf(10, first + 1)
  return {...(JSON.parse(buf.toString('utf8', first + 1, second)) as {entries: never}), start: second + 1}
}

describe('--cache: report pieces', () => {
  it('the command knows every format by name without loading the reporters', () => {
    expect([...FORMATS].sort()).toEqual(Object.keys(reporters).sort())
  })

  it('a warm run prints what a run without the cache prints, in stylish (with and without colour) and JSON, to standard output and to a file', async () => {
    const dir = temp(fixtures(6))
    for (const args of [[], ['--color'], ['--format', 'json'], ['--format', 'json', '-o', 'out/report.json'], ['-q'], ['--format', 'sarif']]) {
      const plain = await cli(args, dir)
      for (let i = 0; i < 3; i++) {
        const cached = await cli(['--cache', ...args], dir)
        expect(cached.stdout).toBe(plain.stdout)
        expect(cached.stderr).toBe(plain.stderr)
        expect(cached.code).toBe(plain.code)
      }
    }
  }, 120_000)

  it('a warm stylish or JSON run takes each file\'s report piece, not its results; and stylish and JSON runs in turn leave the cache unwritten', async () => {
    const dir = temp(fixtures(4))
    const plain = {stylish: await cli([], dir), json: await cli(['--format', 'json'], dir)}
    await cli(['--cache'], dir)
    await cli(['--cache', '--format', 'json'], dir)
    const file = path.join(dir, '.clauselintcache')
    const before = fs.statSync(file)
    for (let i = 0; i < 2; i++) {
      expect((await cli(['--cache'], dir)).stdout).toBe(plain.stylish.stdout)
      expect((await cli(['--cache', '--format', 'json'], dir)).stdout).toBe(plain.json.stdout)
    }
    const after = fs.statSync(file)
    expect([after.mtimeMs, after.size, after.ino]).toEqual([before.mtimeMs, before.size, before.ino])
    // every entry keeps both reports
    const {entries, start} = index(file)
    for (const e of Object.values(entries)) expect(e.views?.length).toBe(2)
    // damage every entry's results (not its report pieces): a warm stylish or JSON run still prints from the pieces ...
    const bytes = fs.readFileSync(file)
    for (const e of Object.values(entries)) bytes.fill(0x20, start + e.at, start + e.at + e.length)
    fs.writeFileSync(file, bytes)
    const stylish = await cli(['--cache'], dir)
    expect(stylish.stdout).toBe(plain.stylish.stdout)
    expect(stylish.code).toBe(plain.stylish.code)
    expect((await cli(['--cache', '--format', 'json'], dir)).stdout).toBe(plain.json.stdout)
    // ... while a run that needs the results (SARIF) finds them damaged: a miss, and the files are linted again
    const sarif = await cli(['--format', 'sarif'], dir)
    expect((await cli(['--cache', '--format', 'sarif'], dir)).stdout).toBe(sarif.stdout)
  }, 120_000)

  it('a damaged report piece is not used: the report is made from the cached results again', async () => {
    const dir = temp(fixtures(3))
    const plain = await cli([], dir)
    await cli(['--cache'], dir)
    const file = path.join(dir, '.clauselintcache')
    const {entries, start} = index(file)
    const bytes = fs.readFileSync(file)
    for (const e of Object.values(entries)) for (const v of e.views ?? []) bytes.fill(0x41, start + v.at, start + v.at + Math.min(v.length, 8))
    fs.writeFileSync(file, bytes)
    const warm = await cli(['--cache'], dir)
    expect(warm.stdout).toBe(plain.stdout)
    expect(warm.code).toBe(plain.code)
  }, 120_000)
})

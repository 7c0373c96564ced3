// --cache, warm: the stylish and JSON reports are printed from report pieces kept per file (the results are not parsed),
// the same as a run without the cache; a terminal's stylish run and a CI's JSON run do not rewrite each other's cache.
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from '../src/cli.js'
import {FORMATS} from '../src/reporters/formats.js'
import {agreement} from '../scripts/bench/corpus.js'
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

  it('a warm run over more pieces than one read of the cache prints the same bytes, whether the stream writes them at once or holds them', async () => {
    // 70 generated agreements of ~15 KB (seeded): their JSON pieces are more than the cache reads at once (1 MB), so
    // its buffer is read into again
    const files: Record<string, string> = {}
    for (let i = 0; i < 70; i++) files[`a${String(i).padStart(3, '0')}.md`] = agreement(1000 + i, 15 * 1024)
    const dir = temp(files)
    /** The command with a byte stream: `mode` 'copy' writes at once, 'hold' keeps the bytes given and says so. */
    const bytesRun = async (argv: readonly string[], mode: 'copy' | 'hold' | 'keep'): Promise<{code: number; stdout: string}> => {
      const parts: Array<string | Uint8Array> = []
      const code = await run(argv, {
        stdout: (t) => void parts.push(t),
        stdoutBytes: (b) => {
          parts.push(mode === 'copy' ? Uint8Array.from(b) : b)
          return mode !== 'hold'
        },
        stderr: () => undefined,
        cwd: dir,
        env: {},
        isTTY: false,
      })
      return {code, stdout: Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))).toString('utf8')}
    }
    const plain = await cli(['--format', 'json'], dir)
    await cli(['--cache', '--format', 'json'], dir)
    const {entries} = index(path.join(dir, '.clauselintcache'))
    expect(Object.values(entries).reduce((n, e) => n + (e.views?.[0]?.length ?? 0), 0)).toBeGreaterThan(1.2 * (1 << 20))
    for (const mode of ['copy', 'hold'] as const) {
      const warm = await bytesRun(['--cache', '--format', 'json'], mode)
      expect(warm.stdout).toBe(plain.stdout)
      expect(warm.code).toBe(plain.code)
    }
    // bytes kept past their write by a stream that said it was done with them are read over: the buffer is used again
    expect((await bytesRun(['--cache', '--format', 'json'], 'keep')).stdout).not.toBe(plain.stdout)
  }, 120_000)

  it('a report piece and the results beside it both damaged: the file is linted again while the report is written, and the cache mended', async () => {
    const dir = temp(fixtures(3))
    const plain = {stylish: await cli([], dir), json: await cli(['--format', 'json'], dir)}
    await cli(['--cache'], dir)
    await cli(['--cache', '--format', 'json'], dir)
    const file = path.join(dir, '.clauselintcache')
    const {entries, start} = index(file)
    const bytes = fs.readFileSync(file)
    // the second file's results and both its report pieces
    const [, second] = Object.values(entries)
    bytes.fill(0x20, start + second!.at, start + second!.at + Math.min(second!.length, 16))
    for (const v of second!.views ?? []) bytes.fill(0x41, start + v.at, start + v.at + Math.min(v.length, 8))
    fs.writeFileSync(file, bytes)
    const json = await cli(['--cache', '--format', 'json'], dir)
    expect(json.stdout).toBe(plain.json.stdout)
    expect(json.code).toBe(plain.json.code)
    const stylish = await cli(['--cache'], dir)
    expect(stylish.stdout).toBe(plain.stylish.stdout)
    expect(stylish.code).toBe(plain.stylish.code)
    // mended: the next warm runs print the same and leave the cache as it is
    const mended = fs.statSync(file)
    expect((await cli(['--cache', '--format', 'json'], dir)).stdout).toBe(plain.json.stdout)
    expect((await cli(['--cache'], dir)).stdout).toBe(plain.stylish.stdout)
    const after = fs.statSync(file)
    expect([after.mtimeMs, after.ino]).toEqual([mended.mtimeMs, mended.ino])
  }, 120_000)
})

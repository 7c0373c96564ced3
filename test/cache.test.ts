// --cache: the cache is an index plus results that a run takes only when it would have made them itself; a damaged,
// forged or oddly shaped cache is a miss, never a pass or an internal error; it never writes over an input or out of
// the repository through a link.
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ResultCache, textHash} from '../src/cache.js'
import {crc32, crc32Js} from '../src/deps.js'
import {runCli} from './helpers.js'
import {tempDirs} from './helpers.js'

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'agreements')
const sample = fs.readFileSync(path.join(FIXTURES, 'sample-msa.md'), 'utf8')
// an agreement that fails: clauses missing, vague wording
const failing = '# Managed Services Agreement\n\nProvider will respond promptly and guarantees 100% uptime.\n'
const temp = tempDirs('cache')
const cli = (argv: readonly string[], cwd: string) => runCli(argv, {cwd})

interface CacheFile {
  index: {clauselintCache: number; entries: Record<string, Record<string, unknown> & {at?: number; length?: number}>}
  results: Map<string, unknown>
}

/** Read a cache file: its hash line (of the index), its index and each entry's results. */
function readCache(file: string): CacheFile & {hashOk: boolean} {
  const buf = fs.readFileSync(file)
  const first = buf.indexOf(10)
  const second = buf.indexOf(10, first + 1)
  const hashOk = buf.toString('latin1', 0, first) === createHash('sha256').update(buf.subarray(first + 1, second)).digest('hex')
  const index = JSON.parse(buf.toString('utf8', first + 1, second)) as CacheFile['index']
  const blob = buf.subarray(second + 1)
  const results = new Map<string, unknown>()
  for (const [f, e] of Object.entries(index.entries)) if (e.length !== undefined) results.set(f, JSON.parse(blob.toString('utf8', e.at!, e.at! + e.length)))
  return {index, results, hashOk}
}

/**
 * Write a cache file back with its results as given (report texts dropped); `sign` recomputes the index's sha-256 and
 * each piece's CRC-32 as clauselint would, otherwise the old ones stay.
 */
function writeCache(file: string, cache: CacheFile, sign: boolean): void {
  const sha = (text: string): string => createHash('sha256').update(text).digest('hex')
  const blob: string[] = []
  let at = 0
  const entries: CacheFile['index']['entries'] = {}
  for (const [f, e] of Object.entries(cache.index.entries)) {
    const {views: _views, ...rest} = e
    if (!cache.results.has(f)) {
      entries[f] = rest
      continue
    }
    const json = JSON.stringify(cache.results.get(f))
    entries[f] = {...rest, at, length: Buffer.byteLength(json), ...(sign ? {crc: crc32(Buffer.from(json))} : {})}
    blob.push(json)
    at += Buffer.byteLength(json)
  }
  const index = JSON.stringify({...cache.index, entries})
  const hash = sign ? sha(index) : fs.readFileSync(file, 'latin1').slice(0, 64)
  fs.writeFileSync(file, `${hash}\n${index}\n${blob.join('')}`)
}

type Results = Array<{messages: unknown; errorCount: number; warningCount: number; infoCount: number; coverage: Array<{outcome: string}>}>

/** Every result claimed clean: no messages, every clause present (the forgery of a failing agreement). */
function claimClean(results: unknown): unknown {
  return (results as Results).map((r) => ({...r, messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: r.coverage.map((c) => ({...c, outcome: 'present'}))}))
}

describe('--cache: what a warm run takes from the cache', () => {
  it('a warm run gives the same report and exit code as an uncached one, and leaves an unchanged cache unwritten', async () => {
    const dir = temp({'msa.md': sample, 'bad.md': failing})
    const plain = await cli(['--format', 'json'], dir)
    const cold = await cli(['--format', 'json', '--cache'], dir)
    expect(cold.stdout).toBe(plain.stdout)
    expect(cold.code).toBe(plain.code)
    const file = path.join(dir, '.clauselintcache')
    const before = fs.statSync(file)
    const warm = await cli(['--format', 'json', '--cache'], dir)
    expect(warm.stdout).toBe(plain.stdout)
    expect(warm.code).toBe(plain.code)
    const after = fs.statSync(file)
    expect(after.ino).toBe(before.ino)
    expect(after.mtimeMs).toBe(before.mtimeMs)
    expect(readCache(file).hashOk).toBe(true)
  })

  it('a cached result is what the run prints (an entry re-hashed as clauselint would shows through)', async () => {
    const dir = temp({'msa.md': sample})
    await cli(['--format', 'json', '--cache'], dir)
    const file = path.join(dir, '.clauselintcache')
    const cache = readCache(file)
    const [name, results] = [...cache.results][0]!
    cache.results.set(name, (results as Results).map((r) => ({...r, messages: [], errorCount: 0, warningCount: 0, infoCount: 0})))
    const totals = cache.index.entries[name]!['totals'] as Record<string, number>
    cache.index.entries[name]!['totals'] = {...totals, errors: 0, warnings: 0, infos: 0}
    writeCache(file, cache, true)
    const warm = await cli(['--format', 'json', '--cache'], dir)
    expect((JSON.parse(warm.stdout) as Results)[0]!.messages).toEqual([])
  })

  it('a cache of the previous format is a miss: its results (JSON messages without their docs url) are not served', async () => {
    const dir = temp({'msa.md': failing})
    const honest = await cli(['--format', 'json', '--cache'], dir)
    expect(honest.stdout).toContain('"url":')
    const file = path.join(dir, '.clauselintcache')
    const cache = readCache(file)
    expect(cache.index.clauselintCache).toBe(4)
    const strip = (results: unknown): unknown =>
      (results as Array<{messages: Array<Record<string, unknown>>}>).map((r) => ({...r, messages: r.messages.map(({url: _url, ...m}) => m)}))
    for (const [name, results] of cache.results) cache.results.set(name, strip(results))
    writeCache(file, {...cache, index: {...cache.index, clauselintCache: 3}}, true)
    const warm = await cli(['--format', 'json', '--cache'], dir)
    expect(warm.stdout).toBe(honest.stdout)
    expect(readCache(file).index.clauselintCache).toBe(4)
  })

  it('a forged entry does not let a failing agreement pass: a hand-edited cache is a miss', async () => {
    const dir = temp({'msa.md': failing})
    const honest = await cli(['--format', 'json', '--cache'], dir)
    expect(honest.code).toBe(1)
    const file = path.join(dir, '.clauselintcache')
    const cache = readCache(file)
    for (const [name, results] of cache.results) cache.results.set(name, claimClean(results))
    writeCache(file, cache, false)
    const forged = await cli(['--format', 'json', '--cache'], dir)
    expect(forged.code).toBe(1)
    expect(forged.stdout).toBe(honest.stdout)
    // and the cache is made good again
    expect(readCache(file).hashOk).toBe(true)
  })

  it.each<[string, (r: Record<string, unknown>) => unknown]>([
    ['messages not a list', (r: Record<string, unknown>) => ({...r, messages: 'notalist'})],
    ['coverage null', (r: Record<string, unknown>) => ({...r, coverage: null})],
    ['a null result', () => null],
    ['an unknown severity', (r: Record<string, unknown>) => ({...r, messages: [{ruleId: 'x', severity: 'bogus', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: []}], errorCount: 0, warningCount: 0, infoCount: 0})],
    ['counts that disagree with the messages', (r: Record<string, unknown>) => ({...r, errorCount: 0})],
    ['a file name with a line break', (r: Record<string, unknown>) => ({...r, filePath: 'msa.md\n::error file=README.md,line=1::injected'})],
  ])('an entry of the wrong shape (%s) is a miss, not an internal error, even when re-hashed', async (_name, edit) => {
    const dir = temp({'msa.md': failing})
    const honest = await cli(['--format', 'json', '--cache'], dir)
    const file = path.join(dir, '.clauselintcache')
    const cache = readCache(file)
    for (const [name, results] of cache.results) cache.results.set(name, (results as Array<Record<string, unknown>>).map(edit))
    writeCache(file, cache, true)
    for (const format of ['json', 'stylish']) {
      const ran = await cli(['--format', format, '--cache'], dir)
      expect(ran.stderr).toBe('')
      expect(ran.code).toBe(honest.code)
    }
    expect((await cli(['--format', 'json', '--cache'], dir)).stdout).toBe(honest.stdout)
  })

  it('an index entry of the wrong shape or a damaged file is ignored without an error', async () => {
    const dir = temp({'msa.md': failing})
    const honest = await cli(['--format', 'json', '--cache'], dir)
    const file = path.join(dir, '.clauselintcache')
    const cache = readCache(file)
    for (const e of Object.values(cache.index.entries)) e['hash'] = 42
    writeCache(file, cache, true)
    expect(await cli(['--format', 'json', '--cache'], dir)).toMatchObject({code: honest.code, stdout: honest.stdout, stderr: ''})
    fs.writeFileSync(file, Buffer.from([0xff, 0x00, 0x0a, 0x7b]))
    expect(await cli(['--format', 'json', '--cache'], dir)).toMatchObject({code: honest.code, stdout: honest.stdout, stderr: ''})
    expect(readCache(file).hashOk).toBe(true)
  })

  it('an edited custom rule file invalidates the results it made (its description unchanged)', async () => {
    const dir = temp({
      'msa.md': sample,
      '.clauselintrc.yaml': 'customRules: [./rule.yaml]\n',
      'rule.yaml': 'id: house-words\nkind: forbid-phrase\ndescription: Flags words the house style forbids\nphrases: [zzzznotpresent]\n',
    })
    const before = await cli(['--format', 'json', '--cache'], dir)
    expect(before.stdout).not.toContain('house-words')
    fs.writeFileSync(path.join(dir, 'rule.yaml'), 'id: house-words\nkind: forbid-phrase\ndescription: Flags words the house style forbids\nphrases: [Agreement]\n')
    const uncached = await cli(['--format', 'json'], dir)
    expect(uncached.stdout).toContain('"ruleId": "house-words"')
    const after = await cli(['--format', 'json', '--cache'], dir)
    expect(after.stdout).toBe(uncached.stdout)
  })

  it('a changed file is linted again even when its size is the same', async () => {
    const dir = temp({'msa.md': failing})
    await cli(['--format', 'json', '--cache'], dir)
    const same = failing.replace('promptly', 'PROMPTLY')
    fs.writeFileSync(path.join(dir, 'msa.md'), same)
    const plain = await cli(['--format', 'json'], dir)
    expect((await cli(['--format', 'json', '--cache'], dir)).stdout).toBe(plain.stdout)
  })
})

describe('--cache: the index', () => {
  it('an index longer than one read (read in growing parts) is read whole, and one damaged byte in it is a miss', async () => {
    const dir = temp({})
    const files: string[] = []
    for (let i = 0; i < 1200; i++) {
      const file = path.join(dir, `agreement-with-a-long-name-to-make-the-index-long-${String(i).padStart(5, '0')}.md`)
      fs.writeFileSync(file, `# Agreement ${i}\n`)
      files.push(file)
    }
    const location = path.join(dir, 'lint.cache')
    const empty = await ResultCache.load(location)
    for (const [i, file] of files.entries()) empty.note(file, fs.statSync(file), {hash: textHash(`# Agreement ${i}\n`), includes: []})
    await empty.save()
    const bytes = fs.readFileSync(location)
    const indexLength = bytes.indexOf(10, 65) - 65
    // longer than the first reads (64 KB, then 64 KB, 128 KB, ...), so that the index ends in a later part
    expect(indexLength).toBeGreaterThan(3 * 65536)
    const loaded = await ResultCache.load(location)
    for (const [i, file] of files.entries()) expect(loaded.known(file, fs.statSync(file))?.hash).toBe(textHash(`# Agreement ${i}\n`))
    // a byte of the index changed (past the first read): the index is not the one its hash was made of
    bytes[65 + 100_000] = bytes[65 + 100_000] === 0x30 ? 0x31 : 0x30
    fs.writeFileSync(location, bytes)
    const damaged = await ResultCache.load(location)
    expect(files.filter((f) => damaged.known(f, fs.statSync(f)) !== undefined)).toEqual([])
  })
})

describe("--cache: the pieces' checksum", () => {
  it('is the CRC-32 of zip and gzip, the same from zlib and from the JavaScript fallback (seeded)', () => {
    expect(crc32Js(Buffer.from('123456789'))).toBe(0xcbf43926)
    expect(crc32Js(new Uint8Array(0))).toBe(0)
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    let seed = 20261204
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16
    for (let n = 0; n < 200; n++) {
      const bytes = Buffer.alloc(next() % 3000, 0).map(() => next() & 0xff)
      const sum = crc32Js(bytes)
      expect(crc32(bytes)).toBe(sum)
      expect(sum).toBeGreaterThanOrEqual(0)
      expect(sum).toBeLessThanOrEqual(0xffffffff)
      // one byte changed, wherever it is, changes the sum (a CRC finds every error burst of up to 32 bits)
      if (bytes.length) {
        const at = next() % bytes.length
        bytes[at] = bytes[at]! ^ (1 + (next() % 255))
        expect(crc32Js(bytes)).not.toBe(sum)
      }
    }
  })
})

describe('--cache and --output-file: where clauselint writes', () => {
  it('--cache-location in a folder that does not exist creates the folder', async () => {
    const dir = temp({'msa.md': sample})
    const ran = await cli(['--cache-location', 'build/cache/lint.cache', 'msa.md'], dir)
    expect(ran.stderr).toBe('')
    expect(readCache(path.join(dir, 'build', 'cache', 'lint.cache')).hashOk).toBe(true)
  })

  it('--cache-location naming a folder keeps .clauselintcache inside it (as ESLint does)', async () => {
    const dir = temp({'msa.md': sample})
    fs.mkdirSync(path.join(dir, 'caches'))
    await cli(['--cache-location', 'caches', 'msa.md'], dir)
    expect(readCache(path.join(dir, 'caches', '.clauselintcache')).hashOk).toBe(true)
    await cli(['--cache-location', 'new-folder/', 'msa.md'], dir)
    expect(readCache(path.join(dir, 'new-folder', '.clauselintcache')).hashOk).toBe(true)
  })

  it('--cache-location whose folder cannot be made is one line, exit 2', async () => {
    const dir = temp({'msa.md': sample, blocker: 'a file'})
    const ran = await cli(['--cache-location', 'blocker/cache', 'msa.md'], dir)
    expect(ran.code).toBe(2)
    expect(ran.errLines).toHaveLength(1)
    expect(ran.stderr).toContain('blocker/cache')
  })

  it('a cache location that is one of the linted files is refused, and the file is left as it was', async () => {
    const dir = temp({'msa.md': sample, 'other.md': failing})
    for (const argv of [
      ['--cache-location', 'other.md', 'msa.md', 'other.md'],
      ['--cache-location', 'msa.md', 'msa.md'],
    ]) {
      const ran = await cli(argv, dir)
      expect(ran.code).toBe(2)
      expect(ran.errLines).toHaveLength(1)
      expect(ran.stderr).toContain('is one of the files being linted')
    }
    expect(fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')).toBe(sample)
    expect(fs.readFileSync(path.join(dir, 'other.md'), 'utf8')).toBe(failing)
  })

  it('a report file that is one of the linted files is refused, and the file is left as it was', async () => {
    const dir = temp({'copy.md': sample})
    const ran = await cli(['-f', 'json', '-o', 'copy.md', 'copy.md'], dir)
    expect(ran.code).toBe(2)
    expect(ran.errLines).toHaveLength(1)
    expect(ran.stderr).toContain('is one of the files being linted')
    expect(fs.readFileSync(path.join(dir, 'copy.md'), 'utf8')).toBe(sample)
  })

  it('a committed symbolic link at the cache or report path, leading out of the repository, is refused; the file outside is untouched', async () => {
    const outer = temp({'outside/victim.conf': 'precious\n', 'repo/msa.md': sample})
    const repo = path.join(outer, 'repo')
    fs.mkdirSync(path.join(repo, '.git'))
    const victim = path.join(outer, 'outside', 'victim.conf')
    fs.symlinkSync(victim, path.join(repo, '.clauselintcache'))
    fs.symlinkSync(victim, path.join(repo, 'clauselint-report.sarif'))
    const cached = await cli(['--cache', 'msa.md'], repo)
    expect(cached.code).toBe(2)
    expect(cached.errLines).toHaveLength(1)
    expect(cached.stderr).toContain('outside the repository')
    const reported = await cli(['-f', 'sarif', '-o', 'clauselint-report.sarif', 'msa.md'], repo)
    expect(reported.code).toBe(2)
    expect(reported.errLines).toHaveLength(1)
    expect(reported.stderr).toContain('outside the repository')
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n')
    // a dangling link out of the repository too
    fs.rmSync(victim)
    expect((await cli(['--cache', 'msa.md'], repo)).code).toBe(2)
    expect(fs.existsSync(victim)).toBe(false)
  })

  it('a symbolic link inside the repository is still followed', async () => {
    const repo = temp({'msa.md': sample, 'reports/keep.sarif': ''})
    fs.mkdirSync(path.join(repo, '.git'))
    fs.symlinkSync(path.join(repo, 'reports', 'keep.sarif'), path.join(repo, 'report.sarif'))
    const ran = await cli(['-f', 'sarif', '-o', 'report.sarif', 'msa.md'], repo)
    expect(ran.code).not.toBe(2)
    expect(fs.readFileSync(path.join(repo, 'reports', 'keep.sarif'), 'utf8')).toContain('"$schema"')
    expect(fs.lstatSync(path.join(repo, 'report.sarif')).isSymbolicLink()).toBe(true)
  })
})

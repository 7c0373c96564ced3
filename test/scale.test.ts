// Big repositories: --shard, --changed-since, --cache, --concurrency give the same results as a plain run.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Readable} from 'node:stream'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli, type Ran} from './helpers.js'
import {sampleAgreements} from './tiers.js'
import {run} from '../src/cli.js'
import {AUTO_CONCURRENCY_FILES, busyElsewhere, cachedWorkerCode, type CpuSample, defaultConcurrency, LintPool, MIN_READING_MS, ONE_FILE_HEAP_GROWING_PERCENT, ONE_FILE_OLD_GENERATION_MAX_CHARS, ONE_FILE_OLD_GENERATION_MB, oneFileOldGenerationMb, parseConcurrency, parseMachineCpu, runnableElsewhere, WORKER_FULL_CACHE_CHARS, workerOptions} from '../src/scale.js'
import {ConfigLoader, type Settings} from '../src/config.js'
import {fatalResult, lint} from '../src/lint.js'
import type {JobOutcome} from '../src/plan.js'

const root = path.join(import.meta.dirname, '..')
const FIXTURES = path.join(root, 'fixtures', 'agreements')

const cli = (argv: readonly string[], cwd: string) => runCli(argv, {cwd})

const temps: string[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-scale-'))
  temps.push(dir)
  return dir
}
/**
 * A repository of labelled agreements: a seeded sample of 30 (a-skeleton.md among them) in `npm test`, every one in
 * `npm run test:exhaustive`: each run below lints the whole folder, so its cost grows with the agreements.
 */
const REPOSITORY = sampleAgreements(30, ['a-skeleton.md'])
function copyFixtures(): string {
  const dir = tempDir()
  for (const name of REPOSITORY) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name))
  return dir
}
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, {recursive: true, force: true})
})

describe('big repositories: same results as a plain run', () => {
  let dir: string
  let plain: Ran
  beforeAll(async () => {
    dir = copyFixtures()
    const agreements = REPOSITORY.length
    expect(agreements).toBeGreaterThanOrEqual(30)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.md'))).toHaveLength(agreements)
    plain = await cli(['--format', 'json'], dir)
    expect(plain.stdout.startsWith('[')).toBe(true)
    expect((JSON.parse(plain.stdout) as unknown[]).length).toBe(agreements)
    // the agreements linted in-process: more than the default hook timeout on a loaded machine
  }, 120_000)

  it('--cache: cold and warm runs match, and the cache is written', async () => {
    const cold = await cli(['--format', 'json', '--cache'], dir)
    expect(cold.code).toBe(plain.code)
    expect(cold.stdout).toBe(plain.stdout)
    const cacheFile = path.join(dir, '.clauselintcache')
    expect(fs.existsSync(cacheFile)).toBe(true)
    const warm = await cli(['--format', 'json', '--cache'], dir)
    expect(warm.stdout).toBe(plain.stdout)
    expect(warm.code).toBe(plain.code)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('--cache: a corrupt cache is ignored without an error', async () => {
    const location = path.join(tempDir(), 'cache.json')
    fs.writeFileSync(location, '{not json')
    const ran = await cli(['--format', 'json', '--cache-location', location], dir)
    expect(ran.stdout).toBe(plain.stdout)
    expect(ran.stderr).toBe('')
    // written again: a hash line, then the index
    const written = fs.readFileSync(location, 'utf8').split('\n')
    expect(written[0]).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.parse(written[1]!)).toMatchObject({clauselintCache: 4})
  })

  it('--cache: a changed config next to the files invalidates', async () => {
    const own = copyFixtures()
    const location = path.join(tempDir(), 'cache.json')
    const before = await cli(['--format', 'json', '--cache-location', location], own)
    expect(before.stdout).toBe(plain.stdout)
    fs.writeFileSync(path.join(own, '.clauselintrc.json'), JSON.stringify({rules: {'no-vague-terms': 'off', 'no-placeholders': 'info'}}))
    const expected = await cli(['--format', 'json'], own)
    expect(expected.stdout).not.toBe(plain.stdout)
    const after = await cli(['--format', 'json', '--cache-location', location], own)
    expect(after.stdout).toBe(expected.stdout)
    const warm = await cli(['--format', 'json', '--cache-location', location], own)
    expect(warm.stdout).toBe(expected.stdout)
  })

  it('--concurrency 2 (worker threads) matches', async () => {
    const ran = await cli(['--format', 'json', '--concurrency', '2'], dir)
    expect(ran.stderr).toBe(plain.stderr)
    expect(ran.code).toBe(plain.code)
    expect(ran.stdout).toBe(plain.stdout)
  }, 300_000)

  it('--concurrency auto with --cache matches', async () => {
    const location = path.join(tempDir(), 'cache.json')
    const ran = await cli(['--format', 'json', '--concurrency', 'auto', '--cache-location', location], dir)
    expect(ran.stdout).toBe(plain.stdout)
  }, 300_000)

  it('--shard 1/2 and 2/2 together give every file exactly once, with the same results', async () => {
    const all = JSON.parse(plain.stdout) as Array<{filePath: string}>
    const one = JSON.parse((await cli(['--format', 'json', '--shard', '1/2'], dir)).stdout) as Array<{filePath: string}>
    const two = JSON.parse((await cli(['--format', 'json', '--shard', '2/2'], dir)).stdout) as Array<{filePath: string}>
    expect(one.length).toBeGreaterThan(0)
    expect(two.length).toBeGreaterThan(0)
    const inOne = new Set(one.map((r) => r.filePath))
    for (const r of two) expect(inOne.has(r.filePath)).toBe(false)
    const order = new Map(all.map((r, i) => [r.filePath, i]))
    const merged = [...one, ...two].sort((a, b) => order.get(a.filePath)! - order.get(b.filePath)!)
    expect(`${JSON.stringify(merged, null, 2)}\n`).toBe(plain.stdout)
    // deterministic
    expect((await cli(['--format', 'json', '--shard', '1/2'], dir)).stdout).toBe(`${JSON.stringify(one, null, 2)}\n`)
  })

  it('--shard keeps a document set whole', async () => {
    const own = tempDir()
    fs.writeFileSync(path.join(own, 'z-main.md'), '---\nclauselint:\n  includes: [a-schedule.md]\n---\n# Managed Services Agreement\n\nThe fee is TBD.\n')
    fs.writeFileSync(path.join(own, 'a-schedule.md'), '# Schedule 1\n\nThe provider answers within 4 hours.\n')
    fs.writeFileSync(path.join(own, 'm-other.md'), '# Notes\n\nThe fee is TBD.\n')
    const shards = await Promise.all(['1/2', '2/2'].map(async (s) => (JSON.parse((await cli(['--format', 'json', '--shard', s], own)).stdout) as Array<{filePath: string}>).map((r) => r.filePath)))
    const withMain = shards.find((names) => names.includes('z-main.md'))!
    expect(withMain).toContain('a-schedule.md')
    expect(shards.flat().sort()).toEqual(['a-schedule.md', 'm-other.md', 'z-main.md'])
  })

  it('an empty shard is an empty report, not a failure', async () => {
    const own = tempDir()
    fs.writeFileSync(path.join(own, 'one.md'), '# Notes\n\nThe provider answers within 4 hours.\n')
    const ran = await cli(['--format', 'json', '--profile', 'language', '--shard', '2/2'], own)
    expect(ran.code).toBe(0)
    expect(JSON.parse(ran.stdout)).toEqual([])
  })
})

describe('--changed-since', () => {
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {cwd, encoding: 'utf8'})

  it('lints only the files changed since the ref (and untracked ones)', async () => {
    const dir = copyFixtures()
    git(dir, 'init', '-q')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'initial')
    const nothing = await cli(['--format', 'json', '--changed-since', 'HEAD'], dir)
    expect(nothing.code).toBe(0)
    expect(JSON.parse(nothing.stdout)).toEqual([])
    fs.appendFileSync(path.join(dir, 'a-skeleton.md'), '\nThe fee is TBD.\n')
    const ran = await cli(['--format', 'json', '--changed-since', 'HEAD'], dir)
    expect((JSON.parse(ran.stdout) as Array<{filePath: string}>).map((r) => r.filePath)).toEqual(['a-skeleton.md'])
    const full = JSON.parse((await cli(['--format', 'json', 'a-skeleton.md'], dir)).stdout) as unknown
    expect(JSON.parse(ran.stdout)).toEqual(full)
    fs.writeFileSync(path.join(dir, 'new.md'), '# Notes\n\nThe fee is TBD.\n')
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not markdown\n')
    const withNew = await cli(['--format', 'json', '--changed-since', 'HEAD'], dir)
    expect((JSON.parse(withNew.stdout) as Array<{filePath: string}>).map((r) => r.filePath).sort()).toEqual(['a-skeleton.md', 'new.md'])
    // intersected with the given paths
    const only = await cli(['--format', 'json', '--changed-since', 'HEAD', 'new.md'], dir)
    expect((JSON.parse(only.stdout) as Array<{filePath: string}>).map((r) => r.filePath)).toEqual(['new.md'])
  })

  it('a new git-ignored file is left out, and counted as changed with --no-ignore (which lints ignored files)', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a.md'), '# Notes\n\nThe fee is TBD.\n')
    fs.writeFileSync(path.join(dir, '.gitignore'), 'drafts/\n')
    git(dir, 'init', '-q')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'initial')
    fs.mkdirSync(path.join(dir, 'drafts'))
    fs.writeFileSync(path.join(dir, 'drafts', 'new.md'), '# Notes\n\nThe fee is TBD.\n')
    const names = (ran: {stdout: string}): string[] => (JSON.parse(ran.stdout) as Array<{filePath: string}>).map((r) => r.filePath).sort()
    expect(names(await cli(['--format', 'json', '--profile', 'language', '--changed-since', 'HEAD'], dir))).toEqual([])
    expect(names(await cli(['--format', 'json', '--profile', 'language', '--no-ignore', '--changed-since', 'HEAD'], dir))).toEqual(['drafts/new.md'])
  })

  it('an unknown ref or a folder outside git is one line, exit 2', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a.md'), '# Notes\n')
    const outside = await cli(['--changed-since', 'HEAD'], dir)
    expect(outside.code).toBe(2)
    expect(outside.errLines).toHaveLength(1)
    expect(outside.stderr).toContain('HEAD')
    git(dir, 'init', '-q')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'initial')
    const unknown = await cli(['--changed-since', 'no-such-ref'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.errLines).toEqual(['clauselint: --changed-since: unknown git ref "no-such-ref"'])
    const option = await cli(['--changed-since=--output=x'], dir)
    expect(option.code).toBe(2)
    expect(option.errLines).toHaveLength(1)
  })
})

describe('default concurrency', () => {
  it('threads for many files, none for few; a given --concurrency wins', () => {
    expect(defaultConcurrency(undefined, AUTO_CONCURRENCY_FILES, 2)).toBe(2)
    expect(defaultConcurrency(undefined, AUTO_CONCURRENCY_FILES - 1, 2)).toBe(1)
    expect(defaultConcurrency(undefined, 10_000, 1)).toBe(1)
    expect(defaultConcurrency(parseConcurrency('off', 8), 10_000, 8)).toBe(1)
    expect(defaultConcurrency(parseConcurrency('3', 8), 5, 8)).toBe(3)
    // CPUs already busy: no threads by default, but a given --concurrency still wins
    expect(defaultConcurrency(undefined, 10_000, 2, 2.5)).toBe(1)
    expect(defaultConcurrency(parseConcurrency('2', 2), 10_000, 2, 9)).toBe(2)
  })

  it('threads for the CPUs that other work leaves free now', () => {
    // two CPUs: another process's scraps leave both; one CPU-bound process takes one
    expect(defaultConcurrency(undefined, 10_000, 2, 0)).toBe(2)
    expect(defaultConcurrency(undefined, 10_000, 2, 0.3)).toBe(2)
    expect(defaultConcurrency(undefined, 10_000, 2, 0.95)).toBe(1)
    expect(defaultConcurrency(undefined, 10_000, 2, 2)).toBe(1)
    // eight CPUs, three of them busy: five threads
    expect(defaultConcurrency(undefined, 10_000, 8, 3)).toBe(5)
    expect(defaultConcurrency(undefined, 10_000, 8, 8)).toBe(1)
    // the reading is taken only when the run would use threads
    const unread = (): number => {
      throw new Error('read')
    }
    expect(defaultConcurrency(undefined, AUTO_CONCURRENCY_FILES - 1, 2, unread)).toBe(1)
    expect(defaultConcurrency(3, 10_000, 2, unread)).toBe(3)
    expect(defaultConcurrency(undefined, 10_000, 1, unread)).toBe(1)
    expect(defaultConcurrency(undefined, 10_000, 2, () => 0.1)).toBe(2)
  })

  it('reads the machine from /proc/uptime and the first line of /proc/stat', () => {
    const stat = 'cpu  1037240 518055 279856 6684003 2111 0 5753 0 0 0\ncpu0 530822 252617 136606 3340451 412 0 2572 0 0 0\n'
    expect(parseMachineCpu('42737.30 66840.03\n', stat)).toEqual({idleMs: 66_840_030, ioWaitMs: 21_110, nicedMs: 5_180_550})
    // a file of another shape is no reading: per-CPU lines only, or an uptime without its idle field
    expect(parseMachineCpu('42737.30 66840.03\n', 'cpu0 530822 252617 136606 3340451 412 0 2572 0 0 0\n')).toBeUndefined()
    expect(parseMachineCpu('42737.30\n', stat)).toBeUndefined()
  })

  // two readings `ms` apart on a machine of 2 CPUs: `idle`, `niced` and `own` in CPU milliseconds over that interval
  const readings = (ms: number, idle: number, own: number, niced = 0): [CpuSample, CpuSample] => [
    {machine: {idleMs: 5_000_000, ioWaitMs: 2_000, nicedMs: 70_000}, ownMs: 40, at: 1_000},
    {machine: {idleMs: 5_000_000 + idle, ioWaitMs: 2_000, nicedMs: 70_000 + niced}, ownMs: 40 + own, at: 1_000 + ms},
  ]

  it('counts the CPUs other work keeps busy over the interval, not over the last minute', () => {
    // idle but for this run (whatever the load average remembers): nothing elsewhere
    expect(busyElsewhere(...readings(100, 100, 100), 2, false)).toBeCloseTo(0)
    // the run and its collector threads on 1.2 CPUs, 0.8 idle
    expect(busyElsewhere(...readings(100, 80, 120), 2, false)).toBeCloseTo(0)
    // one CPU-bound process beside the run: one CPU
    expect(busyElsewhere(...readings(100, 0, 100), 2, false)).toBeCloseTo(1)
    // the run starved to half a CPU by three others
    expect(busyElsewhere(...readings(200, 0, 100), 2, false)).toBeCloseTo(1.5)
    expect(defaultConcurrency(undefined, 10_000, 2, busyElsewhere(...readings(100, 100, 100), 2, false))).toBe(2)
    expect(defaultConcurrency(undefined, 10_000, 2, busyElsewhere(...readings(100, 0, 100), 2, false))).toBe(1)
  })

  it('leaves out work at a lower priority, unless this run has one too', () => {
    // a niced CPU-bound process beside a run at normal priority: it yields its CPU
    expect(busyElsewhere(...readings(100, 0, 100, 100), 2, false)).toBeCloseTo(0)
    // the same with the run niced: it takes its share
    expect(busyElsewhere(...readings(100, 0, 100, 100), 2, true)).toBeCloseTo(1)
  })

  it('gives no reading over too short an interval or without the machine\'s times', () => {
    expect(busyElsewhere(...readings(MIN_READING_MS - 1, 0, 10), 2, false)).toBeUndefined()
    expect(busyElsewhere(...readings(MIN_READING_MS, 0, MIN_READING_MS), 2, false)).toBeCloseTo(1)
    const [a, b] = readings(200, 0, 100)
    expect(busyElsewhere({ownMs: a.ownMs, at: a.at}, b, 2, false)).toBeUndefined()
    // a reading off the scale is held to the machine's CPUs
    expect(busyElsewhere(...readings(100, 0, 0), 1, false)).toBe(1)
  })

  it('falls back on the runnable tasks now, then on the load average', () => {
    expect(runnableElsewhere('2.50 1.00 0.40 1/117 300\n', 2.5)).toBe(0)
    expect(runnableElsewhere('0.10 0.10 0.10 3/117 300\n', 0.1)).toBe(2)
    expect(runnableElsewhere(undefined, 1.7)).toBe(1.7)
    expect(runnableElsewhere('garbage', 0.4)).toBe(0.4)
  })

  it('a worker run through the code cache makes the cache once, then starts from it, and makes it again after twice the text', async () => {
    const {Worker} = await import('node:worker_threads')
    const dir = tempDir()
    const script = path.join(dir, 'worker.cjs')
    const cacheFile = `${script}.cache`
    // a stand-in for the worker's build: it reports what it was given, and offers the cache as having linted `linted`
    // characters (the worker does once it has linted its first jobs)
    fs.writeFileSync(
      script,
      "const {parentPort, workerData} = require('node:worker_threads')\n" +
        'globalThis.__clauselintSaveCodeCache(workerData.linted)\n' +
        'parentPort.postMessage({got: workerData.n, file: __filename})\n',
    )
    // whether the start wrote the cache (written whole and renamed: a new file each time)
    const written = (): string => (fs.existsSync(cacheFile) ? `${fs.statSync(cacheFile).ino}:${fs.statSync(cacheFile).mtimeMs}` : '')
    const start = async (n: number, linted: number): Promise<{got: number; file: string; saved: boolean}> => {
      const before = written()
      const worker = new Worker(cachedWorkerCode(script), {eval: true, workerData: {n, linted}})
      try {
        const got = await new Promise<{got: number; file: string}>((resolve, reject) => {
          worker.once('message', resolve)
          worker.once('error', reject)
        })
        return {...got, saved: written() !== before}
      } finally {
        await worker.terminate()
      }
    }
    const header = (): string => fs.readFileSync(cacheFile).subarray(0, fs.readFileSync(cacheFile).indexOf(10)).toString()
    expect(fs.existsSync(cacheFile)).toBe(false)
    expect(await start(1, 100)).toEqual({got: 1, file: script, saved: true})
    const made = fs.readFileSync(cacheFile)
    // the cache names the build it was made from and the characters linted (a line padded to 8 bytes, so that V8 reads
    // its data in place), then holds V8's data
    expect(header()).toMatch(/^\d+:[\d.]+:\d+:100 *$/)
    expect((made.indexOf(10) + 1) % 8).toBe(0)
    expect(made.length).toBeGreaterThan(made.indexOf(10) + 1)
    // the next start uses it and writes nothing, unless it has linted at least twice as much
    expect(await start(2, 150)).toEqual({got: 2, file: script, saved: false})
    expect(fs.readdirSync(dir).sort()).toEqual(['worker.cjs', 'worker.cjs.cache'])
    expect(await start(3, 200)).toEqual({got: 3, file: script, saved: true})
    expect(header()).toMatch(/:200 *$/)
    // made by a worker that linted enough, it is kept whatever the next one lints
    expect(await start(4, WORKER_FULL_CACHE_CHARS)).toEqual({got: 4, file: script, saved: true})
    expect(await start(5, 4 * WORKER_FULL_CACHE_CHARS)).toEqual({got: 5, file: script, saved: false})
    // another build of the script: the cache is not used, and is made again
    fs.appendFileSync(script, '// changed\n')
    expect(await start(6, 10)).toEqual({got: 6, file: script, saved: true})
    expect(fs.readFileSync(cacheFile).equals(made)).toBe(false)
    // a script written already wrapped as a CommonJS module (as the build writes worker.cjs) runs as the same module
    const text = fs.readFileSync(script, 'utf8')
    fs.writeFileSync(script, `(function (exports, require, module, __filename, __dirname) { ${text}\n});\n`)
    expect(await start(7, 10)).toEqual({got: 7, file: script, saved: true})
    expect(await start(8, 10)).toEqual({got: 8, file: script, saved: false})
  })

  it('workers get the loader flags of the parent, not the per-process options they would refuse', () => {
    expect(workerOptions(['--max-semi-space-size=32', '--import', 'tsx', '--max-old-space-size=4096', '--no-warnings', '--stack-size=2000'])).toEqual({
      execArgv: ['--import', 'tsx', '--no-warnings'],
      resourceLimits: {maxOldGenerationSizeMb: 4096},
    })
    expect(workerOptions([])).toEqual({execArgv: []})
  })

  it("a worker's generations: the pool's sizes, and a heap limit given to node over the pool's old generation", () => {
    expect(workerOptions(['--no-warnings'], {youngGenerationMb: 8, oldGenerationMb: 2047})).toEqual({
      execArgv: ['--no-warnings'],
      resourceLimits: {maxOldGenerationSizeMb: 2047, maxYoungGenerationSizeMb: 8},
    })
    expect(workerOptions(['--max-old-space-size=4096'], {youngGenerationMb: 8, oldGenerationMb: 2047})).toEqual({
      execArgv: [],
      resourceLimits: {maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 8},
    })
    expect(workerOptions([], {youngGenerationMb: 96})).toEqual({execArgv: [], resourceLimits: {maxYoungGenerationSizeMb: 96}})
  })

  it('a worker for one big file has an old generation under 2 GB (where V8 grows a heap by at most 2x between full collections), unless its text may need more', () => {
    // V8 takes the growth factor of 4 from a heap limit of 2,048 MB on
    expect(oneFileOldGenerationMb(10 * 1024 * 1024)).toBeLessThan(2048)
    expect(oneFileOldGenerationMb(300 * 1024)).toBe(oneFileOldGenerationMb(10 * 1024 * 1024))
    expect(oneFileOldGenerationMb(ONE_FILE_OLD_GENERATION_MAX_CHARS)).toBe(ONE_FILE_OLD_GENERATION_MB)
    expect(oneFileOldGenerationMb(ONE_FILE_OLD_GENERATION_MAX_CHARS + 1)).toBeUndefined()
    // the largest text given the smaller limit keeps room for its lint's heap (~30 MiB per MB of text, measured)
    expect((ONE_FILE_OLD_GENERATION_MAX_CHARS / 2 ** 20) * 30 * 2).toBeLessThanOrEqual(ONE_FILE_OLD_GENERATION_MB)
  })

  it('a worker for one big file lets its heap grow by less than the doubling V8 allows, and lints it as one thread does', async () => {
    expect(ONE_FILE_HEAP_GROWING_PERCENT).toBeGreaterThan(0)
    expect(ONE_FILE_HEAP_GROWING_PERCENT).toBeLessThan(100)
    const name = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort()[0]!
    const job = {file: path.join(FIXTURES, name), text: fs.readFileSync(path.join(FIXTURES, name), 'utf8')}
    const {settings} = await new ConfigLoader({cwd: root}).forFile(job.file)
    const pool = LintPool.start(1, {cwd: root}, false, 0, {chars: job.text.length})
    const out = await pool.run([job], () => settings, false)
    // closed once by the run's end and again by its owner: the heap growth is set back once, the second close does nothing
    pool.close()
    pool.close()
    expect(out).toEqual([{results: [lint(job.text, {filePath: job.file, settings})]}])
  }, 120_000)

  it('a pool tells the caller of every outcome once, as it lands, the same as it returns; each file linted as in one thread', async () => {
    const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort()
    const jobs = names.slice(0, 12).map((name) => ({file: path.join(FIXTURES, name), text: fs.readFileSync(path.join(FIXTURES, name), 'utf8')}))
    // each file's settings as the workers resolve them
    const loader = new ConfigLoader({cwd: root})
    const settings = new Map<string, Settings>()
    for (const job of jobs) settings.set(job.file, (await loader.forFile(job.file)).settings)
    const pool = LintPool.start(1, {cwd: root}, false)
    const told: Array<[number, JobOutcome]> = []
    const out = await pool.run(jobs, (file) => settings.get(file)!, false, (i, o) => void told.push([i, o]))
    expect(told.map(([i]) => i).sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i))
    for (const [i, o] of told) expect(o).toBe(out[i])
    expect(out.map((o) => ('results' in o ? o.results : o))).toEqual(jobs.map((j) => [lint(j.text, {filePath: j.file, settings: settings.get(j.file)!})]))
  }, 120_000)

  it('a pool takes jobs one by one as they are known: a dropped job is neither told nor returned, the others are linted as in one thread', async () => {
    const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort()
    const jobs = names.slice(0, 8).map((name) => ({file: path.join(FIXTURES, name), text: fs.readFileSync(path.join(FIXTURES, name), 'utf8')}))
    const loader = new ConfigLoader({cwd: root})
    const settings = new Map<string, Settings>()
    for (const job of jobs) settings.set(job.file, (await loader.forFile(job.file)).settings)
    const pool = LintPool.start(1, {cwd: root}, false)
    const told: number[] = []
    const run = pool.begin((file) => settings.get(file)!, false, (i) => void told.push(i))
    const at = jobs.slice(0, 5).map((job) => run.add(job))
    // jobs handed in while the worker starts, and after a turn of the event loop
    await new Promise((r) => setTimeout(r, 50))
    for (const job of jobs.slice(5)) at.push(run.add(job))
    expect(at).toEqual(jobs.map((_, i) => i))
    run.drop(3)
    run.drop(7)
    const out = await run.seal()
    expect(told.sort((a, b) => a - b)).toEqual([0, 1, 2, 4, 5, 6])
    expect(out[3]).toBeUndefined()
    expect(out[7]).toBeUndefined()
    for (const i of [0, 1, 2, 4, 5, 6]) expect(out[i]).toEqual({results: [lint(jobs[i]!.text, {filePath: jobs[i]!.file, settings: settings.get(jobs[i]!.file)!})]})
  }, 120_000)

  it('a pool takes jobs given as files, read by the thread that lints each; a file that can no longer be read gets a fatal result saying why', async () => {
    const dir = tempDir()
    const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort().slice(0, 8)
    for (const name of names) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name))
    const loader = new ConfigLoader({cwd: root})
    const settings = new Map<string, Settings>()
    for (const name of names) settings.set(name, (await loader.forFile(path.join(dir, name))).settings)
    const texts = names.map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    const jobs = names.map((name, i) => ({file: name, path: path.join(dir, name), chars: texts[i]!.length, maxFileSize: 10 * 1024 * 1024}))
    // planned, then changed before a thread takes them: one deleted, one emptied
    fs.rmSync(path.join(dir, names[2]!))
    fs.writeFileSync(path.join(dir, names[5]!), '')
    const pool = LintPool.start(1, {cwd: root}, false)
    const run = pool.begin((file) => settings.get(file)!, false)
    for (const job of jobs) run.add(job)
    const out = await run.seal()
    expect(out[2]).toEqual({results: [fatalResult(names[2]!, 'does not exist')]})
    expect(out[5]).toEqual({results: [fatalResult(names[5]!, 'is empty')]})
    for (const i of [0, 1, 3, 4, 6, 7]) expect(out[i]).toEqual({results: [lint(texts[i]!, {filePath: names[i]!, settings: settings.get(names[i]!)!})]})
  }, 120_000)

  it(`a run of ${AUTO_CONCURRENCY_FILES}+ files (threads by default) reports what --concurrency off reports`, async () => {
    const dir = tempDir()
    const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md'))
    for (let copy = 0; copy * names.length < AUTO_CONCURRENCY_FILES; copy++) {
      for (const name of names) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, `${copy}-${name}`))
    }
    const threaded = await cli(['--format', 'json'], dir)
    const single = await cli(['--format', 'json', '--concurrency', 'off'], dir)
    expect((JSON.parse(threaded.stdout) as unknown[]).length).toBeGreaterThanOrEqual(AUTO_CONCURRENCY_FILES)
    expect(threaded.code).toBe(single.code)
    expect(threaded.stderr).toBe(single.stderr)
    expect(threaded.stdout).toBe(single.stdout)
  }, 300_000)
})

describe('one CPU asked for, or threads, over many files: the run again under single-threaded garbage collection', () => {
  const tiny = (n: number): string => {
    const dir = tempDir()
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `n${i}.md`), `# Note ${i}\n\nThe provider answers calls within 4 hours.\n`)
    return dir
  }
  /** run() with a relaunch that only counts its calls: what the run did, and whether it handed over. */
  async function ran(argv: readonly string[], cwd: string): Promise<{code: number; relaunched: number; stdout: string; stderr: string}> {
    let relaunched = 0
    let stdout = ''
    let stderr = ''
    const code = await run(argv, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      cwd,
      env: {},
      isTTY: false,
      relaunchSingleThreadedGc: async () => (relaunched++, 7),
    })
    return {code, relaunched, stdout, stderr}
  }

  it('hands over --concurrency off, 1 and 2 from 200 files, before printing anything; the exit code is the second run\'s', async () => {
    const dir = tiny(200)
    for (const flag of ['off', '1', '2']) {
      const r = await ran(['--format', 'json', '--concurrency', flag], dir)
      expect(r).toEqual({code: 7, relaunched: 1, stdout: '', stderr: ''})
    }
  }, 120_000)

  it('does not hand over --cache or 199 files', async () => {
    const dir = tiny(200)
    const few = tiny(199)
    const cases: Array<[string[], string]> = [
      [['--format', 'json', '--concurrency', 'off', '--cache-location', path.join(tempDir(), 'c')], dir],
      [['--format', 'json', '--concurrency', '2', '--cache-location', path.join(tempDir(), 'c')], dir],
      [['--format', 'json', '--concurrency', 'off'], few],
      [['--format', 'json', '--concurrency', '2'], few],
    ]
    for (const [argv, cwd] of cases) {
      const r = await ran(argv, cwd)
      expect(r.relaunched, argv.join(' ')).toBe(0)
      expect(r.code, argv.join(' ')).not.toBe(7)
      expect((JSON.parse(r.stdout) as unknown[]).length, argv.join(' ')).toBe(cwd === few ? 199 : 200)
    }
  }, 300_000)
})

describe('one short text: regular expressions compiled without their optimisations', () => {
  /** run() with a oneShortText that only counts its calls. */
  async function told(argv: readonly string[], cwd: string, stdin?: string): Promise<{code: number; told: number; stdout: string}> {
    let calls = 0
    let stdout = ''
    const code = await run(argv, {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      cwd,
      env: {},
      isTTY: false,
      ...(stdin !== undefined ? {stdin: Readable.from([Buffer.from(stdin)])} : {}),
      oneShortText: () => void calls++,
    })
    return {code, told: calls, stdout}
  }
  const note = '# Note\n\nThe provider answers calls within 4 hours.\n'

  it('is told for --stdin or one Markdown file of at most 128 KB, and the findings are those of a plain run', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a.md'), note)
    const one = await told(['--format', 'json', 'a.md'], dir)
    expect(one.told).toBe(1)
    expect(one.stdout).toBe((await cli(['--format', 'json', 'a.md'], dir)).stdout)
    expect((await told(['--format', 'json', '--stdin'], dir, note)).told).toBe(1)
  })

  it('is not told for two files, a longer text or a file that is missing', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a.md'), note)
    fs.writeFileSync(path.join(dir, 'b.md'), note)
    const long = `${note}${'The provider keeps the systems running. '.repeat(3300)}\n`
    expect(Buffer.byteLength(long)).toBeGreaterThan(128 * 1024)
    fs.writeFileSync(path.join(dir, 'long.md'), long)
    expect((await told(['--format', 'json', 'a.md', 'b.md'], dir)).told).toBe(0)
    expect((await told(['--format', 'json', 'long.md'], dir)).told).toBe(0)
    expect((await told(['--format', 'json', '--stdin'], dir, long)).told).toBe(0)
    expect((await told(['--format', 'json', 'missing.md'], dir)).told).toBe(0)
  })
})

describe('bad values: exit 2, one line', () => {
  const cases: Array<[string, string[]]> = [
    ['shard 0/2', ['--shard', '0/2']],
    ['shard 3/2', ['--shard', '3/2']],
    ['shard 1/0', ['--shard', '1/0']],
    ['shard text', ['--shard', 'half']],
    ['shard empty', ['--shard', '']],
    ['concurrency 0', ['--concurrency', '0']],
    ['concurrency text', ['--concurrency', 'many']],
    ['concurrency negative', ['--concurrency=-1']],
    ['cache-location empty', ['--cache-location', '']],
    ['cache as a value', ['--cache=yes']],
  ]
  for (const [name, args] of cases) {
    it(name, async () => {
      const ran = await cli([...args, 'fixtures/agreements/a-skeleton.md'], root)
      expect(ran.code).toBe(2)
      expect(ran.errLines).toHaveLength(1)
      expect(ran.stdout).toBe('')
    })
  }

  it('--help lists the flags', async () => {
    const ran = await cli(['--help'], root)
    for (const flag of ['--shard', '--changed-since', '--cache', '--cache-location', '--concurrency']) expect(ran.stdout).toContain(flag)
  })
})

// Big repositories: --shard, --changed-since, --cache and --concurrency. Pure helpers; the CLI wires them in.
import {existsSync, readFileSync, realpathSync} from 'node:fs'
import os from 'node:os'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import v8 from 'node:v8'
import {ConfigError, type ConfigLoaderOptions, type Settings} from './config.js'
import {git} from './git.js'
import {budgetFor, fatalResult, FileError, lint, lintSet, monotonicMs, readSource, TimeoutError, withTimeout} from './lint.js'
import {isFileJob, jobSize, poolJobSize, type Job, type JobOutcome, type PoolJob} from './plan.js'
import {TextCache} from './reading/index.js'
import type {LintResult} from './types.js'

/** A bad value for one of these flags; the message is one line. */
export class ScaleError extends Error {}

export type {Job, JobOutcome} from './plan.js'

/** Characters of text that lintJob was given in this thread (see lintedCharacters). */
let linted = 0

/**
 * How many characters of text this thread has linted (through lintJob) since it started: the command (bin/clauselint.js)
 * asks it when it decides whether to write V8's code cache again, since a run that linted little compiled little of the
 * rules' code for the cache to keep.
 */
export function lintedCharacters(): number {
  return linted
}

/**
 * Lint one job; errors become outcomes, so that workers and the in-process loop report them the same way. `textCache`:
 * the run's (or the worker's) answers per text, kept across its jobs.
 */
export function lintJob(job: Job, settings: Settings, requireReason: boolean, timeoutMs = 0, textCache?: TextCache): JobOutcome {
  const kept = textCache ? {textCache} : {}
  try {
    const size = jobSize(job)
    linted += size
    const results = withTimeout(
      () => (job.members ? lintSet({filePath: job.file, text: job.text}, job.members, {settings, requireReason, ...kept}) : [lint(job.text, {filePath: job.file, settings, requireReason, ...kept})]),
      budgetFor(size, timeoutMs),
    )
    return {results}
  } catch (error) {
    if (error instanceof ConfigError) return {configError: error.message}
    // over the time budget: one fatal result for the file, the run goes on
    if (error instanceof TimeoutError) return {results: [fatalResult(job.file, error.message)]}
    return {crash: (error instanceof Error ? error.message : String(error)).split('\n')[0]!}
  }
}

/**
 * A pool job with its text, read now when the thread that takes it reads it (see FileJob), or the outcome when it
 * cannot be read any more (changed since it was planned): a fatal result, said on stderr as an unreadable file is.
 */
export async function takeJob(job: PoolJob): Promise<Job | JobOutcome> {
  if (!isFileJob(job)) return job
  try {
    return {file: job.file, text: (await readSource(job.path, job.maxFileSize)).text}
  } catch (error) {
    if (error instanceof FileError) return {results: [fatalResult(job.file, error.message)]}
    throw error
  }
}

/** Whether a taken job is a job to lint (else its outcome is known already). */
export const isJob = (taken: Job | JobOutcome): taken is Job => 'text' in taken

// --shard I/N

/** Parse `I/N` (1 ≤ I ≤ N). */
export function parseShard(text: string): {index: number; count: number} {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = m ? Number(m[1]) : NaN
  const count = m ? Number(m[2]) : NaN
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new ScaleError(`--shard needs I/N with 1 ≤ I ≤ N (e.g. 1/4), got "${text}"`)
  }
  return {index, count}
}

/** The files of shard `index` of `count`: sorted, then every count-th from index-1. Order of `files` is kept. */
export function shardFiles(files: readonly string[], index: number, count: number): Set<string> {
  const sorted = [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return new Set(sorted.filter((_, i) => i % count === index - 1))
}

// --concurrency N|auto

/** `--concurrency` as given: a number of threads, `auto` (one per CPU) or `off` (1: lint in the main thread). */
export function parseConcurrency(text: string, available: number): number {
  if (text === 'auto') return Math.max(1, available)
  if (text === 'off') return 1
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new ScaleError(`--concurrency needs a whole number of at least 1, "auto" or "off", got "${text}"`)
  }
  return Number(text)
}

/**
 * How many files make worker threads worth their start-up when no --concurrency is given, counted among the files left
 * to lint (those a warm --cache answers do not count): below this a run lints in the main thread, from this on in up to
 * one thread per CPU, fewer when the CPUs are busy (see defaultConcurrency; the main thread lints too, so N threads are
 * N - 1 workers). A worker costs about 1 s of CPU of its own (it loads the linter and warms its JIT from cold), and a
 * run in one thread already keeps part of a second CPU busy with garbage collection and compilation: measured on 2 CPUs
 * (~15 KB agreements, alternating runs), two threads took 1.18× the wall time of one at 100 files and 0.93× at 200, and
 * paid 35–40% more CPU. Measured since under load only (docs/speed-log.md): the second thread's extra CPU is no smaller
 * for fewer, larger files (1.5 MB as 100 files of ~15 KB or as 10 of ~150 KB), so this stays a count of files (200 of
 * ~15 KB: about 3 MB) until an idle machine measures where two threads start to win.
 */
export const AUTO_CONCURRENCY_FILES = 200

/**
 * Threads for a run of `files` files: the --concurrency given, or by default one per CPU for many files and 1 for few,
 * less the CPUs that other work keeps busy now (`busy`, see `busyElsewhere`), rounded (on 2 CPUs: two threads while
 * other work takes less than half a CPU). A second thread where the other CPU is taken shares it: beside one CPU-bound
 * process of equal priority two threads get 4/3 of a CPU against one thread's one, at most 1.33× the speed before the
 * second thread's own start-up and warm-up (12-40% more CPU in the runs measured so far), and they take a third of a
 * CPU from that process; the default leaves it that CPU. (Whole-process figures beside one and two such processes are
 * still to be taken on an idle machine: see docs/speed-log.md.)
 */
export function defaultConcurrency(given: number | undefined, files: number, available: number, busy: number | (() => number) = 0): number {
  if (given !== undefined) return given
  if (files < AUTO_CONCURRENCY_FILES || available <= 1) return 1
  const elsewhere = typeof busy === 'function' ? busy() : busy
  return Math.max(1, Math.min(available, Math.round(available - elsewhere)))
}

// What the CPUs are doing now

/** The machine's CPU time so far, in milliseconds summed over its CPUs (from /proc/uptime and /proc/stat). */
export interface MachineCpu {
  /** Idle (/proc/uptime: summed over the CPUs before it is rounded to 10 ms, so finer than /proc/stat's ticks). */
  readonly idleMs: number
  /** Idle waiting for I/O, and user time at a lower priority (a positive nice value): /proc/stat, in 10 ms ticks. */
  readonly ioWaitMs: number
  readonly nicedMs: number
}

/** A reading of the CPU time spent so far: the machine's (when /proc can be read) and this process's own. */
export interface CpuSample {
  readonly machine?: MachineCpu
  /** This process's CPU time, all its threads, in milliseconds. */
  readonly ownMs: number
  /** When, in milliseconds (monotonic). */
  readonly at: number
}

/**
 * The machine's CPU time from the text of /proc/uptime (uptime and idle, in seconds) and of /proc/stat, whose first
 * line is `cpu user nice system idle iowait …` in clock ticks (USER_HZ, 100 a second on Linux).
 */
export function parseMachineCpu(uptime: string, stat: string): MachineCpu | undefined {
  const u = /^\d+(?:\.\d+)? (\d+(?:\.\d+)?)\s/.exec(uptime)
  const c = /^cpu +\d+ +(\d+) +\d+ +\d+ +(\d+)/.exec(stat)
  if (!u || !c) return undefined
  return {idleMs: Number(u[1]) * 1000, ioWaitMs: Number(c[2]) * 10, nicedMs: Number(c[1]) * 10}
}

/** Read the CPU time spent so far (the machine's only where /proc/uptime and /proc/stat exist). */
export function sampleCpu(): CpuSample {
  let machine: MachineCpu | undefined
  try {
    machine = parseMachineCpu(readFileSync('/proc/uptime', 'latin1'), readFileSync('/proc/stat', 'latin1').slice(0, 200))
  } catch {
    // not Linux
  }
  const own = process.cpuUsage()
  return {...(machine ? {machine} : {}), ownMs: (own.user + own.system) / 1000, at: monotonicMs()}
}

/**
 * A reading over a shorter interval than this, in milliseconds, is too coarse to tell one busy CPU from none: the idle
 * time is rounded to 10 ms, so over 25 ms it is within ±0.4 CPU. Such a run reads the runnable tasks instead. (On a
 * quiet machine a 1,000-file run decides 33-47 ms after it starts.)
 */
export const MIN_READING_MS = 25

/**
 * How many CPUs other work kept busy between two readings (0 to `cpus`): the CPUs not idle, less this process's own
 * CPU time. Work at a lower priority than this process (`countNiced` false: it runs at nice 0 or below) yields its CPU
 * to it and is not counted, nor is time idle waiting for I/O. Undefined when the interval is too short or the
 * machine's times cannot be read.
 */
export function busyElsewhere(before: CpuSample, after: CpuSample, cpus: number, countNiced: boolean): number | undefined {
  const a = before.machine
  const b = after.machine
  const ms = after.at - before.at
  if (!a || !b || !(ms >= MIN_READING_MS)) return undefined
  const free = (b.idleMs - a.idleMs + (b.ioWaitMs - a.ioWaitMs) + (countNiced ? 0 : b.nicedMs - a.nicedMs)) / ms
  const own = (after.ownMs - before.ownMs) / ms
  return Math.min(cpus, Math.max(0, cpus - free - own))
}

/**
 * CPUs busy with other work now, where a run's own reading over its start-up is too short or missing: the runnable
 * tasks of the machine (the fourth field of /proc/loadavg, `running/total`, which counts this process) less this one,
 * else the 1-minute load average (which remembers the last minute, this user's own finished commands included).
 */
export function runnableElsewhere(loadavgText: string | undefined, oneMinute: number): number {
  const m = loadavgText === undefined ? null : /^\S+ \S+ \S+ (\d+)\//.exec(loadavgText)
  return m ? Math.max(0, Number(m[1]) - 1) : oneMinute
}

/** CPUs busy with other work now, for a run that took `since` at its start (see `busyElsewhere`, `runnableElsewhere`). */
export function cpusBusyNow(since: CpuSample, cpus: number): number {
  const read = busyElsewhere(since, sampleCpu(), cpus, os.getPriority() > 0)
  if (read !== undefined) return read
  let text: string | undefined
  try {
    text = readFileSync('/proc/loadavg', 'latin1')
  } catch {
    // not Linux
  }
  return runnableElsewhere(text, os.loadavg()[0]!)
}

// --changed-since REF

function real(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return path.resolve(p)
  }
}

/** The repository's top folder and the absolute paths of files changed since `ref` (plus untracked ones). */
export async function changedSince(ref: string, cwd: string, options: {readonly ignored?: boolean} = {}): Promise<{root: string; changed: Set<string>}> {
  if (!ref.trim() || ref.startsWith('-')) throw new ScaleError(`--changed-since needs a git ref, got "${ref}"`)
  let root: string
  try {
    root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim()
  } catch {
    throw new ScaleError(`--changed-since ${ref}: ${cwd} is not in a git repository (or git is not installed)`)
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd)
  } catch {
    throw new ScaleError(`--changed-since: unknown git ref "${ref}"`)
  }
  let diff: string
  let untracked: string
  try {
    diff = await git(['diff', '--name-only', '--diff-filter=ACMR', '-z', ref, '--'], root)
    // untracked files count as changed; git-ignored ones too when ignore files are off (--no-ignore)
    untracked = await git(['ls-files', '--others', ...(options.ignored ? [] : ['--exclude-standard']), '--full-name', '-z'], root)
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    throw new ScaleError(`--changed-since ${ref}: git failed (${reason})`)
  }
  const changed = new Set<string>()
  for (const name of [...diff.split('\0'), ...untracked.split('\0')]) if (name) changed.add(path.join(real(root), name))
  return {root, changed}
}

/** Whether `file` (relative to cwd) is one of the changed files. */
export function isChanged(file: string, cwd: string, changed: ReadonlySet<string>): boolean {
  return changed.has(real(path.resolve(cwd, file)))
}

// --concurrency: worker threads

/** What a worker is started with; its jobs come later, in batches, from the pool's queue. */
export interface WorkerInput {
  readonly loader: ConfigLoaderOptions
  readonly requireReason: boolean
  /** `--timeout-per-file`, in milliseconds (0: none). */
  readonly timeoutMs?: number
  /** The worker's young generation in MB. */
  readonly youngGenerationMb?: number
  /** The worker's old generation in MB (a limit given to node, `--max-old-space-size`, wins). */
  readonly oldGenerationMb?: number
}

/** Messages between the pool and a worker. */
export type ToWorker = {readonly jobs: ReadonlyArray<{readonly index: number; readonly job: PoolJob}>}
export type FromWorker = {readonly ready: true} | {readonly index: number; readonly outcome: JobOutcome}

// Node options a worker accepts and that change how its modules load; with their value when it is a separate argument
const WORKER_FLAG = /^(?:--import|--require|-r|--loader|--experimental-loader|--conditions|-C|--no-warnings|--enable-source-maps|--no-deprecation|--stack-trace-limit)(?:=|$)/
const TAKES_VALUE = /^(?:--import|--require|-r|--loader|--experimental-loader|--conditions|-C)$/

/**
 * The parent's node options that a worker can take. Workers refuse per-process options (`node --max-semi-space-size=32
 * clauselint …` would otherwise fail every threaded run); V8 flags apply to the whole process anyway, and a heap limit
 * given to the parent is passed on as the worker's resource limit. With them, the worker's resource limits: the pool's
 * young and old generation (`input`), the parent's heap limit over the latter.
 */
export function workerOptions(
  execArgv: readonly string[],
  input: Pick<WorkerInput, 'youngGenerationMb' | 'oldGenerationMb'> = {},
): {execArgv: string[]; resourceLimits?: {maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number}} {
  const kept: string[] = []
  let heapMb: number | undefined
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!
    const heap = /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(arg)
    if (heap) heapMb = Number(heap[1])
    if (!WORKER_FLAG.test(arg)) continue
    kept.push(arg)
    if (TAKES_VALUE.test(arg) && i + 1 < execArgv.length) kept.push(execArgv[++i]!)
  }
  // the worker's own generations; a heap limit given to node wins over the pool's old generation
  const oldMb = heapMb ?? input.oldGenerationMb
  const limits = {...(oldMb ? {maxOldGenerationSizeMb: oldMb} : {}), ...(input.youngGenerationMb ? {maxYoungGenerationSizeMb: input.youngGenerationMb} : {})}
  return {execArgv: kept, ...(Object.keys(limits).length ? {resourceLimits: limits} : {})}
}

/**
 * The young generation of a worker that lints many files, in MB (V8's default here is 48): each file's document lives
 * until its lint ends, so a larger young generation copies it in fewer collections (1,000 × 15 KB agreements on two
 * threads: the worker's scavenges 128 → 75, 876 → 725 ms; the run's CPU 0.97×). A worker for one big file has a small one
 * instead: there the larger young generation raised the peak (10 MB agreement: 616 → 640 MiB).
 */
export const MANY_FILES_YOUNG_GENERATION_MB = 96

/**
 * The young generation of a worker that lints one big file (over the main thread's size limit), in MB: its document
 * and readings grow to hundreds of MB and outlive the young generation whatever its size, and with a small one the
 * heap peaks lower at no more CPU. The 10 MB bench agreement (4 alternating rounds, load 1.2-1.6): peak RSS
 * 609-617 → 568-576 MiB, CPU 12.68 → 12.53 s; 1 MB 1.94 → 1.84 s, 0.5 MB 1.50 → 1.32 s (CPU medians).
 */
export const ONE_FILE_YOUNG_GENERATION_MB = 8

/**
 * The old generation of a worker that lints one big file of `chars` characters, in MB, or undefined for V8's default
 * (4 GB here). V8 runs the next full collection when the heap has grown to a multiple of what survived the last one:
 * four times for a heap whose limit is 2 GB or more, at most twice under 2 GB. A big file's lint keeps its document
 * and readings (~30 MiB per MB of text) while it makes as much again in objects that live briefly, so with four times
 * the heap at its peak was mostly garbage that no collection had reached: the 10 MB agreement's worker ran its last
 * full collection at 124 MB and then grew to 480 MB. Just under 2 GB the factor is two. A text over
 * ONE_FILE_OLD_GENERATION_MAX_CHARS (only with a raised --max-file-size) keeps the default, which its lint may need.
 */
export function oneFileOldGenerationMb(chars: number): number | undefined {
  return chars <= ONE_FILE_OLD_GENERATION_MAX_CHARS ? ONE_FILE_OLD_GENERATION_MB : undefined
}
export const ONE_FILE_OLD_GENERATION_MB = 2047

/**
 * How far the heap of a worker that lints one big file may grow past what survived the last full collection before
 * the next one, in percent (V8's --heap-growing-percent, set while such a worker lints). With an old generation of
 * ONE_FILE_OLD_GENERATION_MB, V8 lets the heap double first: the 10 MB agreement's worker collected at 553 MB, 258 MB of
 * it alive, and its peak was mostly garbage again. Grown by half instead, whole processes side by side (one pair at
 * load 17): peak RSS 683 -> 558 MiB, CPU 30.8 -> 32.0 s, findings identical. The flag is V8's, for the whole process:
 * it is set once the worker has loaded its code (a code cache is checked against the flags it was made under) and set
 * back when the pool closes.
 */
export const ONE_FILE_HEAP_GROWING_PERCENT = 50
export const ONE_FILE_OLD_GENERATION_MAX_CHARS = 32 * 1024 * 1024

/** See cachedWorkerCode: a worker's code cache made by one that had linted fewer characters may be made again. */
export const WORKER_FULL_CACHE_CHARS = 64 * 1024

/**
 * The code of a worker that runs `script` (the worker's CommonJS build) through V8's code cache, kept beside it in
 * `<script>.cache` as bin/clauselint.js keeps the command's: the worker loads the linter compiled rather than compiling
 * it from its source again. A cache made by another build (its size, time and inode) or with other V8 flags is not
 * used; the worker then makes one once it has linted its first jobs (`saveCodeCache` in worker.ts), written whole and renamed.
 * As for the command's, the cache names the characters its worker had linted when it made it, and a worker that has linted
 * at least twice as many by then makes it again, until one of WORKER_FULL_CACHE_CHARS has: a cache made by a worker whose
 * first jobs were short texts lacks most of the rules' code.
 */
export function cachedWorkerCode(script: string): string {
  return `'use strict'
const {isAscii} = require('node:buffer')
const fs = require('node:fs')
const Module = require('node:module')
const path = require('node:path')
const {pathToFileURL} = require('node:url')
const vm = require('node:vm')
const file = ${JSON.stringify(script)}
const bytes = fs.readFileSync(file)
const source = isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8')
const s = fs.statSync(file)
const build = s.size + ':' + s.mtimeMs + ':' + s.ino
// the build and the characters linted, padded to a multiple of 8 bytes: V8 copies cached data that does not start on an
// 8-byte boundary
const header = (linted) => {
  const line = build + ':' + linted
  return Buffer.from(line.padEnd(Math.ceil((line.length + 1) / 8) * 8 - 1) + '\\n')
}
const cacheFile = file + '.cache'
let cachedData
let made = 0
try {
  const data = fs.readFileSync(cacheFile)
  const end = data.indexOf(10)
  const line = end > 0 && end < 256 ? data.latin1Slice(0, end).trimEnd() : ''
  const linted = line.startsWith(build + ':') ? Number(line.slice(build.length + 1)) : NaN
  if (Number.isSafeInteger(linted) && linted >= 0 && (end + 1) % 8 === 0) {
    cachedData = data.subarray(end + 1)
    made = linted
  }
} catch {}
globalThis.__clauselintImport = (specifier) => import /* spaced: the build rewrites the call form in cli.cjs */ (specifier.startsWith('./') ? pathToFileURL(path.join(path.dirname(file), specifier)).href : specifier)
// the build writes the script wrapped as a CommonJS module (scripts/bundle.mjs): compiled as read, not copied once more
const script = new vm.Script(source.startsWith('(function (exports, require, module, __filename, __dirname) { ') ? source : Module.wrap(source), {filename: file, cachedData})
globalThis.__clauselintSaveCodeCache = (linted) => {
  if (cachedData && !script.cachedDataRejected && !(made < ${WORKER_FULL_CACHE_CHARS} && linted >= 2 * Math.max(made, 1))) return
  const temp = cacheFile + '.' + process.pid + '.' + require('node:worker_threads').threadId + '.tmp'
  try {
    fs.writeFileSync(temp, Buffer.concat([header(linted), script.createCachedData()]))
    fs.renameSync(temp, cacheFile)
  } catch {
    fs.rmSync(temp, {force: true})
  }
}
const module = {exports: {}}
script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file))
`
}

/** Start a worker on src/worker.(js|ts) beside this module; under TypeScript sources, load it through tsx. */
async function startWorker(input: WorkerInput): Promise<import('node:worker_threads').Worker> {
  // loaded only by runs that use threads
  const {Worker} = await import('node:worker_threads')
  const here = fileURLToPath(import.meta.url)
  // beside the sources (.ts), or the bundle's worker.js (also from the CommonJS build of the command, cli.cjs)
  const ext = path.extname(here) === '.ts' ? '.ts' : '.js'
  const workerUrl = pathToFileURL(path.join(path.dirname(here), `worker${ext}`)).href
  const options = workerOptions(process.execArgv, input)
  if (ext !== '.ts') {
    // the CommonJS build of the worker through V8's code cache, as the command runs (bin/clauselint.js)
    const script = path.join(path.dirname(here), 'worker.cjs')
    if (!process.env['CLAUSELINT_NO_CODE_CACHE'] && existsSync(script)) return new Worker(cachedWorkerCode(script), {eval: true, workerData: input, ...options})
    return new Worker(new URL(workerUrl), {workerData: input, ...options})
  }
  // TypeScript sources (tests, `tsx`): Node 20 workers do not inherit the parent's loaders, so register tsx in the worker.
  // the require condition resolves to the CommonJS build; its ES module twin sits beside it
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const code = `import(${JSON.stringify(api)}).then((m) => (m.tsImport ?? m.default.tsImport)(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}))`
  return new Worker(code, {eval: true, workerData: input, ...options})
}

/** Jobs a worker is sent at a time, and how few it may hold before it is sent more (so it never waits for the main thread). */
const BATCH = 4
const LOW_WATER = 2
/**
 * Jobs a worker may hold while jobs are still being handed to the pool (see LintPool.begin): the main thread is then
 * reading files, not answering the workers' messages, so a worker is given enough to go on with meanwhile (a job at a
 * time, as each is known). Once the pool is sealed the main thread lints from the queue and workers hold LOW_WATER.
 */
const STREAM_HOLD = 8
/**
 * Jobs larger than this (text and members) go to workers only, while any is alive: a worker has the heap limit of the
 * process as a resource limit, so a file that exhausts it costs that file only.
 */
export const MAIN_THREAD_MAX_BYTES = 256 * 1024

interface Slot {
  readonly worker: Promise<import('node:worker_threads').Worker>
  /** The worker, once started (jobs are then posted to it at once, not after a turn of the event loop). */
  started?: import('node:worker_threads').Worker
  /** Job indexes sent and not yet answered, in the order the worker takes them. */
  inflight: number[]
  ready: boolean
  alive: boolean
}

/** The state of one `run` (or `begin`). */
interface Running {
  readonly jobs: PoolJob[]
  readonly outcomes: Array<JobOutcome | undefined>
  readonly queue: number[]
  /** Jobs handed in, not dropped, without an outcome yet. */
  left: number
  /** No more jobs will be handed in (the main thread lints from the queue only then). */
  sealed: boolean
  /** Jobs no longer wanted (see PoolRun.drop): an outcome that comes for one is not kept. */
  readonly dropped: Set<number>
  /** Record a job's outcome (the first one it gets). */
  settle(index: number, outcome: JobOutcome): void
  feed(slot: Slot): void
  pump(): void
  finish(): void
}

/** Jobs handed to a pool as each becomes known (see LintPool.begin). */
export interface PoolRun {
  /** Hand a job to the threads (a waiting worker is sent it at once); its index. */
  add(job: PoolJob): number
  /** A job no longer wanted: not linted if no thread has taken it yet, and its outcome is not told nor kept. */
  drop(index: number): void
  /**
   * No more jobs: the main thread lints from the queue too. Resolves with the outcomes by index (undefined for a dropped
   * job) once every other job has one, and closes the pool.
   */
  seal(): Promise<Array<JobOutcome | undefined>>
}

/**
 * Lint threads: worker threads started at once (their start-up overlaps the main thread's reading of files and
 * configs), fed from one queue: while the main thread still reads and plans, each job as soon as it is known (`begin`),
 * then a few jobs at a time, with the main thread linting from the same queue between messages. A worker that dies (out of memory, a crash) costs only the job it was on, which gets a fatal result: the
 * jobs it held go back to the queue and a new worker takes its place. A worker that dies before it is ready costs no
 * job (and is not replaced; with no worker left, the main thread lints the rest).
 */
export class LintPool {
  private readonly slots: Slot[] = []
  private closed = false
  private running: Running | undefined
  /** The main thread's answers per text, kept across the jobs it takes (each worker keeps its own). */
  private readonly textCache = new TextCache()

  /** Whether this pool has set V8's heap growth for its worker (see ONE_FILE_HEAP_GROWING_PERCENT), to set back on close. */
  private growing = false

  private constructor(
    workers: number,
    private readonly input: WorkerInput,
    private readonly heapGrowingPercent?: number,
  ) {
    for (let i = 0; i < workers; i++) this.spawn()
  }

  /** Start `workers` threads now (their jobs come with `run`); `solo`: one worker for one big job of that many characters. */
  static start(workers: number, loader: ConfigLoaderOptions, requireReason: boolean, timeoutMs = 0, solo?: {readonly chars: number}): LintPool {
    const oldGenerationMb = solo ? oneFileOldGenerationMb(solo.chars) : undefined
    return new LintPool(Math.max(1, workers), {
      loader,
      requireReason,
      timeoutMs,
      youngGenerationMb: solo ? ONE_FILE_YOUNG_GENERATION_MB : MANY_FILES_YOUNG_GENERATION_MB,
      ...(oldGenerationMb ? {oldGenerationMb} : {}),
    }, solo ? ONE_FILE_HEAP_GROWING_PERCENT : undefined)
  }

  /** Stop every worker. */
  close(): void {
    if (this.closed) return
    this.closed = true
    for (const slot of this.slots) void slot.worker.then((w) => w.terminate()).catch(() => undefined)
    if (this.growing) {
      this.growing = false
      v8.setFlagsFromString('--heap-growing-percent=0')
    }
  }

  private spawn(): void {
    const slot: Slot = {worker: startWorker(this.input), inflight: [], ready: false, alive: true}
    this.slots.push(slot)
    slot.worker.then(
      (worker) => {
        slot.started = worker
        // a pool waiting for its jobs does not keep the process alive; `run` holds it while jobs are out
        worker.unref()
        let failure: string | undefined
        worker.on('message', (message: FromWorker) => {
          if ('ready' in message) {
            slot.ready = true
            // a growth given to node itself (--heap-growing-percent) is left as it is
            if (this.heapGrowingPercent !== undefined && !this.closed && !this.growing && !process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) {
              this.growing = true
              v8.setFlagsFromString(`--heap-growing-percent=${this.heapGrowingPercent}`)
            }
            return
          }
          const run = this.running
          if (!run) return
          slot.inflight = slot.inflight.filter((i) => i !== message.index)
          run.settle(message.index, message.outcome)
          run.feed(slot)
          run.finish()
        })
        worker.on('error', (error: Error) => {
          failure = (error.message || String(error)).split('\n')[0]
        })
        worker.on('exit', (code) => {
          slot.alive = false
          if (this.closed) return
          const run = this.running
          const held = slot.inflight
          slot.inflight = []
          if (!run) return
          // the job it was on (once it was ready) gets a fatal result; the others are linted elsewhere
          const on = slot.ready ? held.shift() : undefined
          if (on !== undefined && run.outcomes[on] === undefined) {
            const reason = failure ?? `it stopped with exit code ${code}`
            run.settle(on, {results: [fatalResult(run.jobs[on]!.file, `could not be linted: the lint worker stopped (${reason})`)], workerFailure: reason})
          }
          run.queue.unshift(...held.filter((i) => !run.dropped.has(i)))
          if (slot.ready && run.queue.length) {
            this.spawn()
            this.hold()
          }
          run.pump()
          run.finish()
        })
        if (this.running) {
          this.hold()
          this.running.feed(slot)
        }
      },
      () => {
        slot.alive = false
        this.running?.pump()
      },
    )
  }

  /** Keep the process alive while jobs are out. */
  private hold(): void {
    for (const slot of this.slots) if (slot.alive) void slot.worker.then((w) => w.ref(), () => undefined)
  }

  /**
   * Lint `jobs` in the workers and the main thread (`settingsOf` gives the main thread each file's settings); outcomes
   * come back in the jobs' order, and `onOutcome` is told of each as it lands. Closes the pool when done.
   */
  run(jobs: readonly Job[], settingsOf: (file: string) => Settings, requireReason: boolean, onOutcome?: (index: number, outcome: JobOutcome) => void): Promise<JobOutcome[]> {
    const run = this.begin(settingsOf, requireReason, onOutcome)
    for (const job of jobs) run.add(job)
    return run.seal() as Promise<JobOutcome[]>
  }

  /**
   * Start a run whose jobs are handed in one by one as they become known (`add`), so that the workers lint the first
   * while the main thread still reads and plans the rest; `seal` says there are no more, and the main thread then lints
   * from the same queue. `onOutcome` is told of each outcome (by index) as it lands, a dropped job's excepted.
   */
  begin(settingsOf: (file: string) => Settings, requireReason: boolean, onOutcome?: (index: number, outcome: JobOutcome) => void): PoolRun {
    let resolveAll!: (outcomes: Array<JobOutcome | undefined>) => void
    const done = new Promise<Array<JobOutcome | undefined>>((resolve) => (resolveAll = resolve))
    let mainBusy = false
    const anyWorker = (): boolean => this.slots.some((s) => s.alive)
    const post = (slot: Slot, batch: number[]): void => {
      const message = {jobs: batch.map((index) => ({index, job: run.jobs[index]!}))} satisfies ToWorker
      if (slot.started) slot.started.postMessage(message)
      else void slot.worker.then((w) => w.postMessage(message))
    }
    const run: Running = {
      jobs: [],
      outcomes: [],
      queue: [],
      left: 0,
      sealed: false,
      dropped: new Set(),
      settle: (index, outcome) => {
        if (run.outcomes[index] !== undefined || run.dropped.has(index)) return
        run.outcomes[index] = outcome
        run.left--
        onOutcome?.(index, outcome)
      },
      feed: (slot) => {
        if (!slot.alive || !run.queue.length) return
        if (!run.sealed) {
          // jobs still coming: one at a time as each is known, up to STREAM_HOLD
          if (slot.inflight.length >= STREAM_HOLD) return
          const batch = run.queue.splice(0, STREAM_HOLD - slot.inflight.length)
          slot.inflight.push(...batch)
          post(slot, batch)
          return
        }
        if (slot.inflight.length >= LOW_WATER) return
        // smaller batches as the queue runs low, so that no thread waits at the end for jobs another one holds
        const threads = this.slots.filter((s) => s.alive).length + 1
        const batch = run.queue.splice(0, Math.min(BATCH, Math.max(1, Math.floor(run.queue.length / (2 * threads)))))
        slot.inflight.push(...batch)
        post(slot, batch)
      },
      // Once sealed, the main thread takes one job at a time (a small one, while a worker is alive) and lets messages in
      // between (first of all: a worker being started is sent its jobs before the main thread takes one).
      pump: () => {
        if (mainBusy || !run.sealed) return
        mainBusy = true
        void (async () => {
          for (;;) {
            await new Promise((r) => setImmediate(r))
            const k = run.queue.findIndex((i) => !anyWorker() || poolJobSize(run.jobs[i]!) <= MAIN_THREAD_MAX_BYTES)
            if (k < 0) break
            const index = run.queue.splice(k, 1)[0]!
            if (run.outcomes[index] !== undefined) continue
            const taken = await takeJob(run.jobs[index]!)
            run.settle(index, isJob(taken) ? lintJob(taken, settingsOf(taken.file), requireReason, this.input.timeoutMs ?? 0, this.textCache) : taken)
          }
          mainBusy = false
          run.finish()
        })()
      },
      finish: () => {
        if (!run.sealed || run.left > 0 || this.running !== run) return
        this.running = undefined
        this.close()
        resolveAll(run.outcomes)
      },
    }
    this.running = run
    this.hold()
    // a worker started before the run is sent jobs as soon as there are some (`add`); one that starts later, once started
    for (const slot of this.slots) if (slot.alive && !slot.started) void slot.worker.then(() => run.feed(slot), () => undefined)
    return {
      add: (job) => {
        const index = run.jobs.push(job) - 1
        run.left++
        run.queue.push(index)
        for (const slot of this.slots) if (slot.started) run.feed(slot)
        return index
      },
      drop: (index) => {
        if (run.dropped.has(index) || run.outcomes[index] !== undefined || index >= run.jobs.length) return
        run.dropped.add(index)
        run.left--
        const at = run.queue.indexOf(index)
        if (at >= 0) run.queue.splice(at, 1)
      },
      seal: () => {
        run.sealed = true
        for (const slot of this.slots) if (slot.started) run.feed(slot)
        run.pump()
        run.finish()
        return done
      },
    }
  }
}

// Big repositories: --shard, --changed-since, --cache and --concurrency. Pure helpers; the CLI wires them in.
import {execFile} from 'node:child_process'
import {realpathSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {ConfigError, type ConfigLoaderOptions, type Settings} from './config.js'
import {lint, lintSet, type TextInput} from './lint.js'
import type {LintResult} from './types.js'

/** A bad value for one of these flags; the message is one line. */
export class ScaleError extends Error {}

/** One unit of work: a file linted on its own, or a document set's main file with its members. */
export interface Job {
  readonly file: string
  readonly text: string
  /** The set's members (read), when the file declares a document set. */
  readonly members?: readonly TextInput[]
}

/** What linting a job gave: its results, a config error (ends the run) or a crash (the file is skipped). */
export type JobOutcome = {readonly results: LintResult[]} | {readonly configError: string} | {readonly crash: string}

/** Lint one job; errors become outcomes, so that workers and the in-process loop report them the same way. */
export function lintJob(job: Job, settings: Settings, requireReason: boolean): JobOutcome {
  try {
    const results = job.members
      ? lintSet({filePath: job.file, text: job.text}, job.members, {settings, requireReason})
      : [lint(job.text, {filePath: job.file, settings, requireReason})]
    return {results}
  } catch (error) {
    if (error instanceof ConfigError) return {configError: error.message}
    return {crash: (error instanceof Error ? error.message : String(error)).split('\n')[0]!}
  }
}

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
 * How many files make worker threads worth their start-up (each loads the linter, ~0.15 s) when no --concurrency is
 * given: below this a run lints in the main thread, from this on in one thread per CPU.
 */
export const AUTO_CONCURRENCY_FILES = 64

/** Threads for a run of `files` files: the --concurrency given, or by default one per CPU for many files and 1 for few. */
export function defaultConcurrency(given: number | undefined, files: number, available: number): number {
  if (given !== undefined) return given
  return files >= AUTO_CONCURRENCY_FILES ? Math.max(1, available) : 1
}

// --changed-since REF

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], {cwd, maxBuffer: 64 * 1024 * 1024, windowsHide: true}, (error, stdout) => (error ? reject(error) : resolve(stdout)))
  })
}

function real(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return path.resolve(p)
  }
}

/** The repository's top folder and the absolute paths of files changed since `ref` (plus untracked ones). */
export async function changedSince(ref: string, cwd: string): Promise<{root: string; changed: Set<string>}> {
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
    untracked = await git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], root)
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

export interface WorkerInput {
  readonly loader: ConfigLoaderOptions
  readonly requireReason: boolean
  readonly jobs: readonly Job[]
}

// Node options a worker accepts and that change how its modules load; with their value when it is a separate argument
const WORKER_FLAG = /^(?:--import|--require|-r|--loader|--experimental-loader|--conditions|-C|--no-warnings|--enable-source-maps|--no-deprecation|--stack-trace-limit)(?:=|$)/
const TAKES_VALUE = /^(?:--import|--require|-r|--loader|--experimental-loader|--conditions|-C)$/

/**
 * The parent's node options that a worker can take. Workers refuse per-process options (`node --max-semi-space-size=32
 * clauselint …` would otherwise fail every threaded run); V8 flags apply to the whole process anyway, and a heap limit
 * given to the parent is passed on as the worker's resource limit.
 */
export function workerOptions(execArgv: readonly string[]): {execArgv: string[]; resourceLimits?: {maxOldGenerationSizeMb: number}} {
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
  return {execArgv: kept, ...(heapMb ? {resourceLimits: {maxOldGenerationSizeMb: heapMb}} : {})}
}

/** Start a worker on src/worker.(js|ts) beside this module; under TypeScript sources, load it through tsx. */
function startWorker(input: WorkerInput): Worker {
  const here = fileURLToPath(import.meta.url)
  const ext = path.extname(here)
  const workerUrl = pathToFileURL(path.join(path.dirname(here), `worker${ext}`)).href
  const options = workerOptions(process.execArgv)
  if (ext !== '.ts') return new Worker(new URL(workerUrl), {workerData: input, ...options})
  // TypeScript sources (tests, `tsx`): Node 20 workers do not inherit the parent's loaders, so register tsx in the worker.
  // the require condition resolves to the CommonJS build; its ES module twin sits beside it
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const code = `import(${JSON.stringify(api)}).then((m) => (m.tsImport ?? m.default.tsImport)(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}))`
  return new Worker(code, {eval: true, workerData: input, ...options})
}

function runChunk(input: WorkerInput): Promise<JobOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input)
    let done = false
    worker.once('message', (outcomes: JobOutcome[]) => {
      done = true
      resolve(outcomes)
      void worker.terminate()
    })
    worker.once('error', (error) => {
      done = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`a lint worker stopped (exit code ${code})`))
    })
  })
}

/** Lint jobs in `count` workers (contiguous chunks); outcomes come back in the jobs' order. */
export async function lintInWorkers(jobs: readonly Job[], count: number, loader: ConfigLoaderOptions, requireReason: boolean): Promise<JobOutcome[]> {
  const n = Math.max(1, Math.min(count, jobs.length))
  const size = Math.ceil(jobs.length / n)
  const chunks: Job[][] = []
  for (let i = 0; i < jobs.length; i += size) chunks.push(jobs.slice(i, i + size))
  const outcomes = await Promise.all(chunks.map((chunk) => runChunk({loader, requireReason, jobs: chunk})))
  return outcomes.flat()
}

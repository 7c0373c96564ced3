// The job planner: files → jobs → results, for the command line, `lintFiles` and the language server alike.
//
// A job is one file linted on its own, or a document set's main file linted with the members its front matter
// declares (schedules in other files). Planning: each file's declared members are checked (Markdown, inside the lint
// root, not too many); a file that another file declares as a member is linted with that set, not on its own, and a
// file is in one job only. Reading: a job's texts are read, a member that cannot be read is left out (the reader says
// why). Linting: the jobs are linted in this thread, or by worker threads and this thread from one queue when threads
// were asked for; the outcomes come back in the jobs' order. How one job is linted, and how threads are started, are
// given by the caller: this module imports neither the engine nor worker_threads.
import path from 'node:path'
import {show} from './config-error.js'
import {Confinement, printable} from './confine.js'
import {declaredIncludeList, MAX_MEMBERS} from './docset.js'
import type {LintResult} from './types.js'

/** A file and its text, as the engine lints it. */
export interface TextInput {
  readonly filePath: string
  readonly text: string
}

/** One unit of work: a file linted on its own, or a document set's main file with its members. */
export interface Job {
  readonly file: string
  readonly text: string
  /** The set's members (read), when the file declares a document set. */
  readonly members?: readonly TextInput[]
}

/**
 * What linting a job gave: its results, a config error (ends the run) or a crash (the file is skipped). A job whose
 * worker died has a fatal result, and `workerFailure` says why.
 */
export type JobOutcome = {readonly results: LintResult[]; readonly workerFailure?: string} | {readonly configError: string} | {readonly crash: string}

/** A planned job: the main file and the members of its set (not read yet). Paths as the caller gives them. */
export interface PlannedJob {
  readonly file: string
  readonly members?: readonly string[]
}

/** A document set member must be a Markdown file. */
export const MARKDOWN_NAME = /\.(?:md|markdown)$/i

/** What the planner knows of a file: the members its front matter declares (absolute paths). */
export interface FileInfo {
  readonly includes: readonly string[]
}

/** How a problem with a file's declared members is worded (the CLI and the language server name files differently). */
export interface MemberCheck {
  /** The lint root: members must be inside it (after symbolic links). */
  readonly confine: Confinement
  /** The folder relative paths are shown from. */
  readonly cwd: string
  /** The file as named in the message (default: as given, made printable). */
  readonly shownAs?: string
  /** Said after "members must be inside it" (the CLI: how to set the root). */
  readonly rootHint?: string
  /** How a member (an absolute path) is named in the jobs (default: relative to `cwd`). */
  readonly memberName?: (abs: string) => string
}

/**
 * Why a file's declared members cannot be used, in one line, or undefined when they can: each must be a Markdown
 * file inside the lint root, checked as written when the text is known and on the resolved paths always (also when
 * they come from the cache's index); at most MAX_MEMBERS. A contract cannot pull in .git/config or /etc/passwd.
 */
export function memberProblem(file: string, text: string | undefined, includes: readonly string[], check: MemberCheck): string | undefined {
  // what names the file in a problem: made only for one (this runs for every file of a warm run)
  const name = (): string => check.shownAs ?? printable(file)
  for (const [i, w] of (text === undefined ? [] : declaredIncludeList(text)).entries()) {
    const target = path.isAbsolute(w) ? w : path.join(path.dirname(path.resolve(check.cwd, file)), w)
    if (!MARKDOWN_NAME.test(w.trim())) return `${name()} (front matter): clauselint.includes[${i}]: ${show(w)} is not a Markdown file (.md or .markdown)`
    if (!check.confine.allows(target)) return `${name()} (front matter): clauselint.includes[${i}]: ${show(w)} is outside the lint root (after symbolic links); members must be inside it${check.rootHint ?? ''}`
  }
  for (const p of includes) {
    if (!MARKDOWN_NAME.test(p) || !check.confine.allows(p)) return `${name()} (front matter): clauselint.includes: ${show(path.relative(check.cwd, p))} is not a Markdown file inside the lint root`
  }
  if (includes.length > MAX_MEMBERS) return `${name()} (front matter): clauselint.includes: ${includes.length} members, over the limit of ${MAX_MEMBERS}`
  return undefined
}

/** The planner's view of the files: what each declares (undefined: it cannot be read), and its text once read. */
export interface PlanSource {
  info(file: string): Promise<FileInfo | undefined>
  /** The text of a file when it has been read (the members as written are then checked too), else undefined. */
  textKnown(file: string): string | undefined
}

/**
 * The jobs for `files` (paths relative to `check.cwd`, in order): every file linted on its own, or as a document
 * set's main file with its members; a member of a set is not also linted on its own, and a file is in one job only
 * (a member of an earlier set is not also the main file of its own: cycles a ↔ b). A file that cannot be read gets no
 * job, nor does a member that cannot be read. Returns the first problem with declared members instead, when there is one.
 * `onRead` is told of each file of `files` as it is read, in order, until the first problem (`member`: an earlier
 * file declares it a member of its set, so it has no job of its own), before the next file is read: a file that
 * declares no members and is no earlier file's member is a job of its own unless a later file declares it a member.
 */
export async function planJobs(
  files: readonly string[],
  source: PlanSource,
  check: MemberCheck,
  onRead?: (file: string, info: FileInfo, member: boolean) => void | Promise<void>,
): Promise<{jobs: PlannedJob[]} | {problem: string}> {
  const sets = new Map<string, string[]>()
  const members = new Set<string>()
  const readable = new Set<string>()
  for (const file of files) {
    const info = await source.info(file)
    if (info === undefined) continue
    readable.add(file)
    const problem = memberProblem(file, source.textKnown(file), info.includes, check)
    if (problem) return {problem}
    if (onRead) await onRead(file, info, members.has(file))
    const includes = info.includes.map((p) => (check.memberName ? check.memberName(p) : path.relative(check.cwd, p) || '.'))
    if (!includes.length) continue
    sets.set(file, includes)
    for (const m of includes) members.add(m)
  }
  const jobs: PlannedJob[] = []
  const placed = new Set<string>()
  for (const file of files) {
    if (members.has(file) && !sets.has(file)) continue
    if (placed.has(file) || !readable.has(file)) continue
    const included = sets.get(file)
    placed.add(file)
    if (!included) {
      jobs.push({file})
      continue
    }
    const parts: string[] = []
    for (const m of included) {
      if (await source.info(m)) parts.push(m)
      placed.add(m)
    }
    jobs.push({file, members: parts})
  }
  return {jobs}
}

/** A planned job with its texts, read by `readText` (undefined: it cannot be read, and the reader has said why). */
export async function readJob(planned: PlannedJob, readText: (file: string) => Promise<string | undefined>): Promise<Job | undefined> {
  const text = await readText(planned.file)
  if (text === undefined) return undefined
  if (!planned.members) return {file: planned.file, text}
  const parts: TextInput[] = []
  for (const m of planned.members) {
    const t = await readText(m)
    if (t !== undefined) parts.push({filePath: m, text: t})
  }
  return {file: planned.file, text, members: parts}
}

/** A job's size in characters: its text and its members'. */
export const jobSize = (job: Job): number => job.text.length + (job.members ?? []).reduce((n, m) => n + m.text.length, 0)

/**
 * A job of one Markdown file whose text the thread that lints it reads: the planner read the file (so a file that
 * cannot be read is named where it always is, in the files' order) and kept its front matter's members, not its text,
 * which would otherwise pile up in the main thread and be copied to a worker. `path`: absolute; `chars`: the text's
 * length when the planner read it; `maxFileSize`: the limit it was read under.
 */
export interface FileJob {
  readonly file: string
  readonly path: string
  readonly chars: number
  readonly maxFileSize: number
}

/** A job handed to the threads: its texts, or the file to read them from. */
export type PoolJob = Job | FileJob

/** Whether the thread that takes a job reads its text. */
export const isFileJob = (job: PoolJob): job is FileJob => 'path' in job

/** A pool job's size in characters. */
export const poolJobSize = (job: PoolJob): number => (isFileJob(job) ? job.chars : jobSize(job))

/** Worker threads that lint jobs from one queue with this thread (see LintPool in src/scale.ts). */
export interface JobThreads {
  /** Lint the jobs; `onOutcome` is told of each outcome as it lands (in any order). */
  run(jobs: readonly Job[], onOutcome?: (index: number, outcome: JobOutcome) => void): Promise<JobOutcome[]>
  close(): void
}

export interface LintJobsOptions {
  /** Lint one job in this thread. */
  readonly lintOne: (job: Job) => JobOutcome
  /** Threads to lint with, this one included (1: this thread only). */
  readonly threads: number
  /** Worker threads started earlier (ahead of reading), if any; they are closed when not used. */
  readonly started?: JobThreads
  /** Start `workers` worker threads (`solo`: one for a big job of its own of `chars` characters, see isolateAbove). */
  readonly startThreads?: (workers: number, solo?: {readonly chars: number}) => JobThreads
  /**
   * Jobs larger than this (in characters) are linted in a worker thread of their own even when no threads were asked
   * for: a file that exhausts the heap costs that file only. Needs `startThreads`.
   */
  readonly isolateAbove?: number
  /**
   * Told of each job's outcome (by the job's index) as soon as it is known, in any order: work on it (a report's piece)
   * then shares the threads with the linting, rather than following it in this thread alone.
   */
  readonly onOutcome?: (index: number, outcome: JobOutcome) => void
  /**
   * Run the steps of this thread's jobs (`step(i)` lints the i-th of `count` and tells onOutcome; it may be made again)
   * under their time budgets together (see inTimedWindows in lint.ts); without it, one after another.
   */
  readonly inWindows?: (count: number, step: (i: number) => void) => void
}

/**
 * Load the code of the built-in rules (the registry, rules/index.ts). Until a run lints something it knows them by
 * their metadata only (rules/meta.ts): a run that finds every result in its cache does not evaluate their code.
 */
export async function loadRuleCode(): Promise<void> {
  await import('../rules/index.js')
}

/** Lint the jobs; outcomes in the jobs' order. */
export async function lintJobs(jobs: readonly Job[], options: LintJobsOptions): Promise<JobOutcome[]> {
  if (jobs.length) await loadRuleCode()
  if (options.threads > 1 && jobs.length > 1 && (options.started || options.startThreads)) {
    const pool = options.started ?? options.startThreads!(options.threads - 1)
    return pool.run(jobs, options.onOutcome)
  }
  options.started?.close()
  const outcomes: JobOutcome[] = []
  const isolated = (job: Job): boolean => options.isolateAbove !== undefined && options.startThreads !== undefined && jobSize(job) > options.isolateAbove
  let k = 0
  while (k < jobs.length) {
    const job = jobs[k]!
    if (isolated(job)) {
      const solo = options.startThreads!(1, {chars: jobSize(job)})
      outcomes[k] = (await solo.run([job]))[0]!
      solo.close()
      options.onOutcome?.(k, outcomes[k]!)
      k++
      continue
    }
    // the jobs up to the next isolated one, linted in this thread (each step keeps its outcome by index, so a step can
    // be made again)
    let end = k
    while (end < jobs.length && !isolated(jobs[end]!)) end++
    const from = k
    const step = (j: number): void => {
      const at = from + j
      outcomes[at] = options.lintOne(jobs[at]!)
      options.onOutcome?.(at, outcomes[at]!)
    }
    if (options.inWindows) options.inWindows(end - from, step)
    else for (let j = 0; j < end - from; j++) step(j)
    k = end
  }
  return outcomes
}

// The public entry points: lint a string, lint files.
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import {buildDocument, TooDeepError} from './document.js'
import {combineDocuments, declaredIncludes} from './docset.js'
import {runRules, summarise} from './engine.js'
import {detectProfile} from './detect.js'
import {applyFrontmatter, ConfigError, ConfigLoader, defaultSettings, ruleSet, type Settings} from './config.js'
import {Confinement, defaultRoot, printable} from './confine.js'
import {lintJobs, planJobs, readJob, type Job} from './plan.js'
import {TextCache} from './reading/index.js'
import {type ProfileName} from './profiles.js'
import type {ParseCache, ParserName} from './parse.js'
import {clauseOrder, ruleCode, type AnyRule} from './rule.js'
import {applySuppressions} from './suppressions.js'
import {validateRuleOptions} from './validate.js'
import type {Document, LintMessage, LintResult, SeveritySetting} from './types.js'
import {readDocx, type Changes, type DocxReading} from './docx/read.js'
import {DocxError} from './docx/zip.js'
import {DOCX_EXTENSION, looksLikeZip, notAPackage, otherFormat} from './docx/formats.js'
import {inWordTerms} from './docx/report.js'

export interface LintOptions {
  /** Profile to apply (default `auto`: `msa` for services agreements, language rules only for others). */
  readonly profile?: ProfileName
  /** Rules to run instead of the profile's. */
  readonly rules?: readonly AnyRule[]
  /** Severity per rule id (`off` disables a rule). */
  readonly severities?: Readonly<Record<string, SeveritySetting>>
  /** Path reported in results (default `<text>`). */
  readonly filePath?: string
  /** Settings from config files for this file (`(await new ConfigLoader(…).forFile(path)).settings`); front matter applies over them. */
  readonly settings?: Settings
  /** Options per rule id, checked against each rule's schema and merged over its defaults. */
  readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  /** Parts of this file parsed by earlier lints (an editor re-linting after an edit): unchanged parts are not parsed again. */
  readonly parseCache?: ParseCache
  /** Markdown parser: `fast` (default) or `remark` (the reference); config's `parser` applies when this is not given. */
  readonly parser?: ParserName
  /** A suppression comment without a reason (` -- why`) is reported and silences nothing. */
  readonly requireReason?: boolean
  /** For Word (.docx) input: read tracked changes as accepted (default) or rejected. */
  readonly changes?: Changes
  /**
   * Answers per text (typed values, term keys) to keep across the documents of a run: pass one `new TextCache()` to
   * every lint of a run (lintFiles does). Without it, nothing outlives the document.
   */
  readonly textCache?: TextCache
}

export interface LintFilesOptions extends Omit<LintOptions, 'filePath' | 'settings'> {
  /** Largest file to read, in bytes (default 10 MB). */
  readonly maxFileSize?: number
  /** Read config files beside and above each file (default false for the library; the CLI always does). */
  readonly useConfigFiles?: boolean
  /**
   * The lint root: members of a document set must be inside it (default: the git work tree of the current folder,
   * else the folder), as with the command line's --root.
   */
  readonly root?: string
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024

/** Longest a file's lint may take by default (`--timeout-per-file`), in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000

/** A lint stopped by its time budget. */
export class TimeoutError extends Error {}

// One context and one script for every timed call: `vm` stops the script, and whatever it calls, when time is up (V8
// interrupts running code, a backtracking regular expression included); the call then throws and the run goes on.
let timed: {context: vm.Context; script: vm.Script} | undefined

/**
 * The time budget for linting `chars` characters: `perMb` milliseconds per started megabyte (at least once), so a
 * 10 MB agreement that legitimately takes 15 s is not cut off while a small hostile file is stopped in seconds.
 */
export function budgetFor(chars: number, perMb: number): number {
  return perMb * Math.max(1, Math.ceil(chars / (1024 * 1024)))
}

/**
 * Milliseconds on a monotonic clock, for intervals and deadlines within this thread. Not `performance.now()`: the
 * global `performance` loads Node's perf_hooks (ten of its internal modules, ~1.3 ms of CPU) on first use, in every run.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

/**
 * CPU milliseconds this thread has used: from /proc/thread-self on Linux (a worker thread's own), else the process's.
 * A time budget counts CPU time, so a busy machine (other processes taking the CPU) does not make a file time out.
 */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime, fields 14 and 15 of the line (11 and 12 after the name), in clock ticks of 10 ms
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
}

/**
 * Run `fn` with a time budget in milliseconds of CPU time (0: none); throws TimeoutError when the budget runs out. The
 * run is stopped when its wall time reaches the budget; if it had less CPU than that (the machine was busy), it is run
 * again with the wall time its share of the CPU needs for the budget (at least twice as long), until it finishes or has
 * used the budget's CPU time (or 32× the budget in wall time).
 */
export function withTimeout<T>(fn: () => T, ms: number): T {
  if (!(ms > 0)) return fn()
  const w = window
  let wall = Math.ceil(ms)
  if (w?.verdict) {
    // this call is the one a window's watchdog stopped, made again (see inTimedWindows): over budget, or run again alone
    const verdict = w.verdict
    w.verdict = undefined
    if (verdict.over) throw new TimeoutError(overBudget(ms))
    wall = verdict.wall
  } else if (w && !w.current && monotonicMs() + ms <= w.deadline) {
    // a window's watchdog stops nothing before this call has had its whole budget: no timed call of its own
    w.current = {ms, cpu: threadCpuMs(), wall: monotonicMs()}
    try {
      return fn()
    } finally {
      // (not run when the watchdog stops the call: then the window reads which call it stopped)
      w.current = undefined
    }
  }
  for (;;) {
    const before = threadCpuMs()
    try {
      return runFor(fn, wall)
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error
      const used = threadCpuMs() - before
      if (used >= ms * 0.9 || wall >= ms * 32) throw new TimeoutError(overBudget(ms))
      wall = nextWall(ms, used, wall)
    }
  }
}

function overBudget(ms: number): string {
  return `took longer than ${formatSeconds(ms)} to lint; not checked (raise --timeout-per-file, or split the file)`
}

/** The wall time for running again a call that used `used` ms of CPU in `wall` ms: what the CPU share it got needs for the whole budget. */
function nextWall(ms: number, used: number, wall: number): number {
  const share = Math.max(used, 1) / wall
  return Math.ceil(Math.min(ms * 32, Math.max(wall * 2, (ms * 1.2) / share)))
}

/**
 * A window of timed calls (see inTimedWindows): its watchdog's deadline (wall, from monotonicMs()), the call it
 * covers now, and the verdict on the call its watchdog stopped, for that call made again.
 */
interface Window {
  readonly deadline: number
  current: {readonly ms: number; readonly cpu: number; readonly wall: number} | undefined
  verdict: {readonly over: boolean; readonly wall: number} | undefined
}
let window: Window | undefined

/** How long a window starts calls, in ms of wall time; its watchdog allows the longest budget after that. */
const WINDOW_MS = 250

/**
 * Run `step(i)` for i from 0 to `count` - 1, in this order, where each step makes at most one call through withTimeout
 * (a file's lint) and is safe to run again from its start (it keeps its outcome by its index). A timed call starts and
 * joins a watchdog thread in Node, ~0.1 ms of CPU, a few percent of a run over many small files; here one timed call, a
 * window, runs the steps that start within WINDOW_MS, with a watchdog that fires `windowBudget` ms after that: a call
 * that starts with its whole budget left before then runs in the window with no timed call of its own (a longer one
 * still gets its own). A window's watchdog can then stop only a call that has had its whole budget; that call's step
 * is made again after the window, its call over the budget (TimeoutError) when it had used 90% of the budget in CPU,
 * else run again alone with the wall time its share of the CPU needs, as withTimeout runs every call.
 */
export function inTimedWindows(count: number, windowBudget: number, step: (i: number) => void): void {
  if (!(windowBudget > 0) || window) {
    for (let i = 0; i < count; i++) step(i)
    return
  }
  let i = 0
  while (i < count) {
    const w: Window = {deadline: monotonicMs() + WINDOW_MS + windowBudget, current: undefined, verdict: undefined}
    const end = monotonicMs() + WINDOW_MS
    window = w
    try {
      runFor(() => {
        do {
          step(i)
          i++
        } while (i < count && monotonicMs() < end)
      }, WINDOW_MS + windowBudget)
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error
      const stopped = w.current
      // a step's own work outside its call took the window's whole budget: its step is made again alone below
      w.verdict = stopped ? verdictOn(stopped) : undefined
      w.current = undefined
      // step i (stopped part-way, so not yet counted) is made again outside any window
      window = w.verdict ? w : undefined
      try {
        step(i++)
      } finally {
        window = undefined
      }
      continue
    } finally {
      if (window === w) window = undefined
    }
  }
}

/** The verdict on a call a window's watchdog stopped: over its budget, or to be run again with more wall time. */
function verdictOn(stopped: {readonly ms: number; readonly cpu: number; readonly wall: number}): {over: boolean; wall: number} {
  const used = threadCpuMs() - stopped.cpu
  const wall = monotonicMs() - stopped.wall
  return {over: used >= stopped.ms * 0.9, wall: nextWall(stopped.ms, used, Math.max(wall, stopped.ms))}
}

/** Run `fn`, stopped after `ms` milliseconds of wall time (TimeoutError). */
function runFor<T>(fn: () => T, ms: number): T {
  timed ??= {context: vm.createContext({call: undefined}), script: new vm.Script('call()')}
  const {context, script} = timed
  const previous: unknown = context['call']
  let out: T | undefined
  context['call'] = () => {
    out = fn()
  }
  try {
    script.runInContext(context, {timeout: ms})
  } catch (error) {
    if ((error as {code?: string} | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeoutError('over the time budget')
    throw error
  } finally {
    context['call'] = previous
  }
  return out as T
}

function formatSeconds(ms: number): string {
  const s = ms / 1000
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`
}

/**
 * Lint agreement text, or the bytes of a Word (.docx) package: findings on a .docx name their paragraph (`docx`, and
 * `line` is the paragraph's ordinal); a package that cannot be read gives a fatal result.
 */
export function lint(input: string | Uint8Array, options: LintOptions = {}): LintResult {
  const filePath = options.filePath ?? '<text>'
  if (typeof input !== 'string') {
    let reading: DocxReading
    try {
      reading = readDocx(input, {changes: options.changes ?? 'accepted'})
    } catch (error) {
      if (error instanceof DocxError) return fatalResult(filePath, error.message)
      throw error
    }
    if (!reading.markdown.trim()) return fatalResult(filePath, 'has no text')
    return inWordTerms(lint(reading.markdown, options), reading)
  }
  const text = input
  try {
    const parser = options.parser ?? options.settings?.parser
    return lintDocument(buildDocument(text, filePath, {...(options.parseCache ? {parseCache: options.parseCache} : {}), ...(parser ? {parser} : {})}), options)
  } catch (error) {
    if (isTooDeep(error)) return fatalResult(filePath, TOO_DEEP)
    throw error
  }
}

const TOO_DEEP = 'nests lists or block quotes too deeply to read (over a thousand levels); flatten the nesting'

/** A document nested too deeply to parse in good time, or so deeply that walking its tree exhausts the stack. */
function isTooDeep(error: unknown): boolean {
  return error instanceof TooDeepError || (error instanceof RangeError && /call stack/i.test(error.message))
}

/** The rules a lint of a document runs, as it resolves them from settings, front matter and profile. */
export interface RulePlan {
  /** The settings with the document's front matter applied. */
  readonly settings: Settings
  /** The profile run, and why (absent when `rules` were given). */
  readonly profile: ProfileName
  readonly detected: ReturnType<typeof detectProfile> | undefined
  readonly set: ReturnType<typeof ruleSet>
  /** The rules with their code, including those whose severity is `off`. */
  readonly rules: readonly AnyRule[]
  readonly severities: Readonly<Record<string, SeveritySetting>>
  /** Options per rule id as given (the engine merges them over each rule's defaults). */
  readonly ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>
}

/** The rules, severities and options a lint of `doc` runs (what lint() runs; scripts/why.ts explains the same). Throws ConfigError. */
export function planRules(doc: Document, options: LintOptions = {}): RulePlan {
  let base = options.settings ?? defaultSettings()
  if (options.profile) base = {...base, profile: options.profile, profileLocked: true, profileFrom: '--profile'}
  if (doc.frontmatterError !== undefined) throw new ConfigError(`${printable(doc.filePath)} (front matter): ${doc.frontmatterError}`)
  for (const member of doc.set ?? []) if (member.frontmatterError !== undefined) throw new ConfigError(`${printable(member.filePath)} (front matter): ${member.frontmatterError}`)
  // the document's own settings (`clauselint:` in front matter) come last, unless --profile fixed the profile, or
  // --no-inline-config turned them off (a gate that does not let an agreement choose how it is checked)
  const settings = base.noInlineConfig ? base : applyFrontmatter(base, doc.frontmatter, doc.filePath)
  const requested = settings.profile
  const detected = !options.rules && requested === 'auto' ? detectProfile(doc) : undefined
  const profile = detected?.profile ?? (requested === 'auto' ? 'msa' : requested)
  const set = ruleSet(settings, profile)
  // the built-in rules of a rule set are known by their metadata: here their code is taken from the registry
  const rules = (options.rules ?? set.rules).map(ruleCode)
  const severities = {...set.severities, ...options.severities}
  const ruleOptions = {...set.options}
  for (const [id, given] of Object.entries(options.ruleOptions ?? {})) {
    const rule = rules.find((r) => r.meta.id === id)
    if (rule) validateRuleOptions(rule, given, 'lint options', `ruleOptions.${id}`)
    ruleOptions[id] = given
  }
  return {settings, profile, detected, set, rules, severities, ruleOptions}
}

function lintDocument(doc: Document, options: LintOptions): LintResult {
  const {settings, profile, detected, set, rules, severities, ruleOptions} = planRules(doc, options)
  const result = runRules(doc, {rules, severities, options: ruleOptions, ...(options.textCache ? {textCache: options.textCache} : {})})
  if (!options.rules) result.profile = {name: profile, reason: detected?.reason ?? (settings.profileFrom && settings.profileFrom !== '--profile' ? `set in ${settings.profileFrom}` : 'chosen with --profile')}
  const ran = new Set(rules.filter((r) => (severities[r.meta.id] ?? r.meta.severity) !== 'off').map((r) => r.meta.id))
  // --no-inline-config: suppression comments do not apply either
  if (settings.noInlineConfig) return result
  return applySuppressions(doc, result, {
    known: new Set([...set.known, ...rules.map((r) => r.meta.id)]),
    ran,
    severities,
    clauseOrder: clauseOrder(rules.map((r) => r.meta)),
    ...(options.requireReason ? {requireReason: true} : {}),
  })
}

export interface TextInput {
  readonly filePath: string
  readonly text: string
}

/**
 * Lint an agreement with the members of its document set (schedules in other files): a clause stated in any
 * member counts for the whole set, and each finding is reported in the file it points into. Returns the main
 * file's result first, then one per member.
 */
export function lintSet(main: TextInput, members: readonly TextInput[], options: Omit<LintOptions, 'filePath'> = {}): LintResult[] {
  try {
    return lintSetUnguarded(main, members, options)
  } catch (error) {
    if (isTooDeep(error)) return [fatalResult(main.filePath, TOO_DEEP)]
    throw error
  }
}

function lintSetUnguarded(main: TextInput, members: readonly TextInput[], options: Omit<LintOptions, 'filePath'>): LintResult[] {
  const parser = options.parser ?? options.settings?.parser
  const mainDoc = buildDocument(main.text, main.filePath, parser ? {parser} : {})
  let next = mainDoc.sections.length
  const memberDocs = members.map((m) => {
    const doc = buildDocument(m.text, m.filePath, {firstSectionId: next, ...(parser ? {parser} : {})})
    next += doc.sections.length
    return doc
  })
  const combined = lintDocument(combineDocuments(mainDoc, memberDocs), options)
  const byFile = new Map<string, LintMessage[]>(members.map((m) => [m.filePath, []]))
  const own: LintMessage[] = []
  for (const message of combined.messages) {
    const list = message.filePath === undefined ? undefined : byFile.get(message.filePath)
    if (!list) {
      own.push(message)
      continue
    }
    const {filePath: _, ...rest} = message
    list.push(rest)
  }
  const head = summarise(main.filePath, own, combined.coverage)
  if (combined.profile) head.profile = combined.profile
  return [head, ...members.map((m) => summarise(m.filePath, byFile.get(m.filePath)!, []))]
}

/** A file that could not be linted: one fatal message, the run goes on. */
export class FileError extends Error {
  constructor(
    readonly filePath: string,
    message: string,
  ) {
    super(message)
  }
}

/** Read a file as agreement text (a Word package as the Markdown it reads as), or explain in one line why it cannot be linted. */
export async function readAgreement(filePath: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<string> {
  return (await readSource(filePath, maxFileSize)).text
}

/** A file read for linting: its Markdown text and, for a Word package, the reading that maps lines to paragraphs. */
export interface Source {
  readonly text: string
  readonly docx?: DocxReading
}

/**
 * Read a Markdown file or a Word package, or explain in one line why it cannot be linted. The file is read with
 * blocking calls: a run reads its files one after another, and four trips through the I/O thread pool per file
 * (stat, open, read, close) cost 3-4 times the CPU of the reads themselves.
 */
export async function readSource(filePath: string, maxFileSize = DEFAULT_MAX_FILE_SIZE, changes: Changes = 'accepted'): Promise<Source> {
  let size: number
  try {
    const s = statSync(filePath)
    if (s.isDirectory()) throw new FileError(filePath, 'is a directory')
    // A FIFO or device (/dev/zero) would block or never end; only regular files are read.
    if (!s.isFile()) throw new FileError(filePath, 'is not a regular file')
    size = s.size
  } catch (error) {
    if (error instanceof FileError) throw error
    throw new FileError(filePath, describeFsError(error))
  }
  if (size > maxFileSize) throw new FileError(filePath, `is ${formatBytes(size)}, over the ${formatBytes(maxFileSize)} limit (raise it with --max-file-size)`)
  let buffer: Buffer
  try {
    buffer = readFileSync(filePath)
  } catch (error) {
    throw new FileError(filePath, describeFsError(error))
  }
  if (buffer.length === 0) throw new FileError(filePath, 'is empty')
  // UTF-16 with a byte-order mark is text, just not UTF-8: say so rather than "binary"
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) throw new FileError(filePath, 'is UTF-16 text (save it as UTF-8)')
  const other = otherFormat(buffer, filePath)
  if (other) throw new FileError(filePath, other)
  if (DOCX_EXTENSION.test(filePath) || looksLikeZip(buffer)) {
    if (!looksLikeZip(buffer)) throw new FileError(filePath, notAPackage(buffer))
    let docx: DocxReading
    try {
      docx = readDocx(buffer, {changes})
    } catch (error) {
      if (error instanceof DocxError) throw new FileError(filePath, error.message)
      throw error
    }
    if (!docx.markdown.trim()) throw new FileError(filePath, 'has no text')
    return {text: docx.markdown, docx}
  }
  const probe = buffer.subarray(0, 8192)
  if (probe.includes(0)) throw new FileError(filePath, 'is a binary file, not Markdown text')
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(buffer)
  } catch {
    throw new FileError(filePath, 'is not valid UTF-8 text (save it as UTF-8)')
  }
  if (!text.trim()) throw new FileError(filePath, 'has no text')
  return {text}
}

/**
 * Lint files in order; a file that cannot be read gives a result with one fatal message. A file that declares a
 * document set (`clauselint.includes` in front matter) is linted with its members, whose results follow its own; a
 * member is not also linted on its own. Jobs are planned as the command line plans them (src/plan.ts).
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = process.cwd()
  const loader = options.useConfigFiles ? new ConfigLoader({cwd, ...(options.profile ? {profile: options.profile} : {})}) : undefined
  const settings = new Map<string, Settings | undefined>()
  const files: string[] = []
  for (const filePath of paths) {
    const config = await loader?.forFile(filePath)
    if (config?.ignored) continue
    files.push(filePath)
    settings.set(filePath, config?.settings)
  }
  // files as given; a member not among them is named by its absolute path
  const given = new Map(files.map((f) => [path.resolve(cwd, f), f]))
  const sources = new Map<string, Source>()
  const fatals = new Map<string, LintResult>()
  const read = async (file: string): Promise<Source | undefined> => {
    if (sources.has(file)) return sources.get(file)
    if (fatals.has(file)) return undefined
    try {
      const source = await readSource(file, options.maxFileSize, options.changes)
      sources.set(file, source)
      return source
    } catch (error) {
      if (!(error instanceof FileError)) throw error
      fatals.set(file, fatalResult(file, error.message))
      return undefined
    }
  }
  const planned = await planJobs(
    files,
    {
      info: async (file) => {
        const source = await read(file)
        return source && {includes: source.docx ? [] : declaredIncludes(source.text, path.resolve(cwd, file))}
      },
      textKnown: (file) => (sources.get(file)?.docx ? undefined : sources.get(file)?.text),
    },
    {confine: new Confinement(options.root !== undefined ? path.resolve(cwd, options.root) : defaultRoot(cwd)), cwd, memberName: (abs) => given.get(abs) ?? abs},
  )
  if ('problem' in planned) throw new ConfigError(planned.problem)
  const jobs: Job[] = []
  for (const p of planned.jobs) {
    const job = await readJob(p, async (file) => (await read(file))?.text)
    if (job) jobs.push(job)
  }
  const {maxFileSize: _size, useConfigFiles: _config, root: _root, ...lintOptions} = options
  // one cache of answers per text for the whole run: agreements share their boilerplate
  const textCache = options.textCache ?? new TextCache()
  const outcomes = await lintJobs(jobs, {
    threads: 1,
    lintOne: (job) => {
      const own = settings.get(job.file)
      const with_ = {...lintOptions, textCache, ...(own ? {settings: own} : {})}
      const results = job.members ? lintSet({filePath: job.file, text: job.text}, job.members, with_) : [lint(job.text, {...with_, filePath: job.file})]
      return {results: results.map((r) => (sources.get(r.filePath)?.docx ? inWordTerms(r, sources.get(r.filePath)!.docx!) : r))}
    },
  })
  const byHead = new Map(jobs.map((job, i) => [job.file, outcomes[i]!]))
  const results: LintResult[] = []
  for (const file of files) {
    const fatal = fatals.get(file)
    if (fatal) results.push(fatal)
    const outcome = byHead.get(file)
    if (outcome && 'results' in outcome) results.push(...outcome.results)
  }
  return results
}

export function fatalResult(filePath: string, message: string, subject: 'File' | 'Folder' = 'File'): LintResult {
  return {
    filePath,
    fatal: true,
    messages: [{ruleId: 'fatal', severity: 'error', message: `${subject} ${message}`, messageId: 'fatal', line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: []}],
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    coverage: [],
  }
}

/** The message ESLint gives a file named on its command line that an ignore pattern matches. */
export const IGNORED_MESSAGE = 'File ignored because of a matching ignore pattern. Use --no-ignore to override.'

/**
 * A file named on the command line that an ignore pattern matches: not linted, reported with one warning (rule id
 * `ignored`), as ESLint reports it, so that it counts as a warning and not as a failure of the run.
 */
export function ignoredResult(filePath: string): LintResult {
  return {
    filePath,
    messages: [{ruleId: 'ignored', severity: 'warning', message: IGNORED_MESSAGE, messageId: 'ignored', line: 1, column: 1, endLine: 1, endColumn: 1, sectionPath: []}],
    errorCount: 0,
    warningCount: 1,
    infoCount: 0,
    coverage: [],
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as {code?: string} | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'does not exist'
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)'
    case 'EISDIR':
      return 'is a directory'
    case 'ELOOP':
      return 'is a symbolic link loop'
    case 'EMFILE':
    case 'ENFILE':
      return 'cannot be opened (too many open files)'
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} B`
}

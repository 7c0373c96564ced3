// The command line: arguments → files → lint → report → exit code. The only module that touches process.
import type * as ChildProcess from 'node:child_process'
import {existsSync, readFileSync, readSync, realpathSync, statSync, type Stats} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import v8 from 'node:v8'
import {Chalk, type ChalkInstance} from 'chalk'
import ignore from 'ignore'
import {didYouMean} from './config-error.js'
import {ConfigError, ConfigLoader, type Settings} from './config.js'
import {expandPaths, trackedButIgnored, trackedByGit, UsageError, type Problem} from './files.js'
import {declaredIncludes} from './docset.js'
import {git} from './git.js'
import {Confinement, defaultRoot, givenRoot, OutsideRootError, printable} from './confine.js'
import {budgetFor, DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT_MS, fatalResult, FileError, ignoredResult, inTimedWindows, lint, lintSet, readSource} from './lint.js'
import {inWordTerms} from './docx/report.js'
import type {ParagraphNote} from './docx/annotate.js'
import {DOCX_EXTENSION} from './docx/formats.js'
import type {Changes, DocxReading} from './docx/read.js'
import {PROFILES, parseProfile, profileHint, profileRules, type ProfileName} from './profiles.js'
import {TextCache} from './reading/index.js'
import {valuePatternsForLowerCase} from './reading/values/caseless.js'
import {guardPatterns} from './text.js'
import {FORMATS} from './reporters/formats.js'
import type {ReporterContext} from './reporters/index.js'
import {addTotals, noTotals, stylishChunks, stylishFile, stylishSummary, summaryLine, type Totals} from './reporters/stylish.js'
import {ruleDocs} from './package-info.js'
import {jsonChunks, jsonEntry, type DocsLookup} from './reporters/json.js'
import {InputError, OutputError, readStream, writeFileAtomic} from './output.js'
import type {AnyRule} from './rule.js'
import {builtinRules} from '../rules/meta.js'
import {CACHE_FILE, CacheError, cacheKey, cacheLocation as resolveCacheLocation, checkWriteTarget, ResultCache, textHash, type CachedPiece, type TextInfo} from './cache.js'
import {changedSince, cpusBusyNow, defaultConcurrency, isChanged, LintPool, lintJob, parseConcurrency, parseShard, sampleCpu, ScaleError, shardFiles} from './scale.js'
import {isFileJob, lintJobs, loadRuleCode, planJobs, readJob, type FileInfo, type FileJob, type Job, type JobOutcome, type JobThreads, type PlannedJob, type PoolJob} from './plan.js'
import type {LintResult} from './types.js'

/** Jobs bigger than this (text and members, in characters) are linted in a worker thread even without --concurrency. */
const IN_THREAD_MAX_BYTES = 256 * 1024

/**
 * A run that lints at least this many files on one thread asked for (`--concurrency off` or `1`), or on more than one
 * thread, runs again in a node started with `--single-threaded-gc`: V8 otherwise collects garbage and marks the heap in
 * threads beside each lint thread, and the flag can only be given when node starts. A run asked to use one CPU then
 * uses one: measured as whole processes on one thread, 0.93x the CPU on 200 files of ~15 KB but 1.09x the wall time
 * (the collections no longer run beside the lint). A run on as many threads as there are CPUs keeps them all linting,
 * so the collector's own threads can only take CPU from a lint thread, and wait for each other when they do: 1,000
 * files of ~15 KB on two threads took 0.90x the CPU under single-threaded collection (medians at load 17-35; pairs
 * 0.77-1.07x, so to be confirmed on an idle machine: docs/speed-log.md). The second start costs ~0.1 s of CPU; so only for
 * runs long enough to repay it. A default run that chose one thread because the CPUs are busy keeps the collector's
 * threads, which then use the CPU time other work leaves.
 */
const SINGLE_THREADED_GC_FILES = 200

/**
 * While files are read and handed to lint threads as they are (see `stream` in run), the reading lets the workers'
 * messages in after every this many files, so that a worker that has linted what it holds is sent more.
 */
const STREAM_YIELD_FILES = 32

/**
 * A run that lints one text of at most this many bytes (`--stdin`, or one Markdown file) has V8 compile its regular
 * expressions without their optimisations: such a run matches most of its expressions over a few texts only, so
 * compiling them is much of its cost, while a run over many texts, or one long text, matches them often enough to
 * repay the optimised code. Measured as whole processes: one 50 KB agreement 0.92x the CPU, a 200 KB text 0.97x, but a
 * 0.5 MB text 1.06x and 200 files of ~15 KB 1.46x; findings identical.
 * Such a run also leaves V8's optimising compiler (TurboFan) off: it ends before optimised code repays its compile, which
 * runs on a thread of its own beside the lint. One 50 KB agreement 0.92-0.93x the CPU (pairwise medians of 14-16
 * alternating runs), a 124 KB text 0.85x; the run stays in V8's baseline code, which stays linear where the rules are.
 */
const ONE_SHORT_TEXT_BYTES = 128 * 1024


// read by bin/clauselint.js after a run, when it decides whether to write V8's code cache again
export {lintedCharacters} from './scale.js'

/** Exit codes, as in ESLint. */
export const EXIT = {ok: 0, lintErrors: 1, failure: 2} as const

const HELP = `Usage: clauselint [options] [file|dir|glob ...]
       clauselint compare AGREEMENT --template TEMPLATE [options]
       clauselint learn FOLDER [-o PLAYBOOK]

Lint service agreements in Markdown or Word (.docx) for missing and vague clauses.

Options:
  -f, --format NAME        Output format: ${FORMATS.join(', ')} (default: stylish)
  -o, --output-file PATH   Write the report to PATH (atomically); the terminal gets the summary line
      --report FORMAT=PATH Also write the report in FORMAT to PATH (repeatable): several reports from one run
      --stdin              Lint the agreement read from standard input
      --stdin-filename NAME  Name standard input in reports (default <stdin>)
  -p, --profile NAME       Rule profile: ${PROFILES.join(', ')}, or several joined by + (msa+sla) (default: auto, or the config's)
  -c, --config PATH        Use this config file only (no lookup of .clauselintrc.* files)
      --no-config          Use no config files (front matter settings still apply)
      --allow-js-config    Load JavaScript config files and custom rule modules (they run code)
      --no-inline-config   Ignore front matter settings and suppression comments (for a gate on untrusted changes)
      --root DIR           The lint root: includes, extends, customRules and links found by a walk must stay inside
                           it (default: the git work tree, else the current folder)
      --print-config FILE  Print the configuration that applies to FILE, as JSON
      --init               Write a starter .clauselintrc.yaml here (never over an existing config)
      --require-reason     Suppression comments must give a reason after " -- "
      --explain RULE       Print a rule's documentation: what it checks, examples, options, how to turn it off
      --baseline FILE      Report only findings not in the baseline FILE; say which entries no longer match
      --baseline-write FILE  Record every finding of this run in the baseline FILE (entries of files not linted kept)
      --fix                Add a skeleton section for each missing operational clause (scope, hours, response
                           times, …), where the editor's quick fix puts it; never touches a vague clause
      --fix-dry-run        Print the diff --fix would make, and write nothing; with a --format other than
                           stylish, that report of the fixed text (JSON: the text in "output", as ESLint's)
      --changes MODE       Word files: read tracked changes as accepted (default) or rejected
      --annotate OUT       Word files: write a reviewed copy to OUT (a folder for several files)
                           with each finding as a Word comment on its paragraph
      --lsp                Run a language server on stdio, for editors (see the README's "Editors")
      --mcp                Run an MCP server on stdio, for assistants (tools to lint, list missing clauses,
                           explain rules, suggest skeletons, extract values, compare with a template; files under
                           the workspace root only: --root DIR, else the client's roots, else the current folder)
      --rule ID:SEVERITY   Set a rule's severity (off, info, warn, error, or 0, 1, 2) over the config files; repeatable
      --ignore-pattern PAT Skip files matching PAT (.gitignore syntax, relative to here); repeatable.
                           An argument "!PAT" does the same. A file named on the command line that one of these
                           or ignorePatterns in config matches is not linted but reported with a warning
      --no-ignore          Lint the files that .gitignore, ignorePatterns, --ignore-pattern and "!PAT"
                           would skip
  -q, --quiet              Report errors only
      --max-warnings N     Exit with 1 when there are more than N warnings (-1: no limit)
      --max-file-size SIZE Files larger than SIZE are not linted (e.g. 10MB, 500KB; default 10MB)
      --timeout-per-file S A file whose lint takes more than S seconds of CPU per MB (at least S) gets one fatal
                           error (default 10; 0: none)
      --skip-unreadable    A file that cannot be linted is still reported as fatal, but exits 1, not 2
      --shard I/N          Lint only shard I of N (files sorted; a document set stays whole), for parallel CI jobs
      --changed-since REF  Lint only Markdown files changed since the git ref REF (and untracked ones)
      --changed-files      The paths are changed files (a pre-commit hook's): lint those that are Markdown, and
                           every document set of the repository that one of them is a member of
      --cache              Reuse results of unchanged files (same text, config, members and version)
      --cache-location PATH  Where the cache is kept (default .clauselintcache); implies --cache
      --concurrency N|auto|off  Lint in N threads (auto: one per CPU; off: the main thread only).
                           Default: auto for 200 files or more when the CPUs are not already busy
      --color, --no-color  Force colour on or off (NO_COLOR and FORCE_COLOR are honoured)
  -v, --version            Print the version
  -h, --help               Print this help

A directory means every .md, .markdown and .docx file below it (node_modules and .gitignore'd
files skipped, including the .gitignore files above it up to the repository root; --no-ignore
lints the .gitignore'd ones, and whatever the ignore patterns would skip). With no
paths, the current directory is linted; "-" means standard input.

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 the run failed (a config error, or a
file that could not be linted: it is reported with one fatal error).
`

export interface Io {
  readonly stdout: (text: string) => void
  /**
   * Standard output for UTF-8 bytes (a report made of cached pieces is written as read); without it they are decoded
   * for `stdout`. True when the bytes are written and no longer held (so their buffer can be read into again).
   */
  readonly stdoutBytes?: (bytes: Uint8Array) => boolean
  readonly stderr: (text: string) => void
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly isTTY: boolean
  /** Standard input, for --stdin. */
  readonly stdin?: AsyncIterable<Uint8Array | string>
  /**
   * Run the same command again in a node started with V8's single-threaded garbage collection, and give its exit code
   * (see SINGLE_THREADED_GC_FILES). Only the command itself gives this; a run without it never starts another process.
   */
  readonly relaunchSingleThreadedGc?: () => Promise<number>
  /** Told when the run lints one text of at most ONE_SHORT_TEXT_BYTES (see there); only the command itself gives this. */
  readonly oneShortText?: () => void
}

function version(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {name?: string; version?: string}
      if (pkg.name === 'clauselint' && pkg.version) return pkg.version
    } catch {
      // keep looking upward
    }
    dir = path.dirname(dir)
  }
  return '0.0.0'
}

function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(text.trim())
  if (!m) return undefined
  const unit = (m[2] ?? 'b').toLowerCase()
  const mult = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1
  return Math.round(Number(m[1]) * mult)
}

/** --explain ID: print the rule's documentation (a built-in rule's page, or one generated for a custom rule). */
async function explain(id: string, positionals: readonly string[], io: Io, fail: (message: string) => number): Promise<number> {
  if (positionals.length) return fail('--explain takes a rule id; give no paths with it')
  const known: AnyRule[] = [...builtinRules]
  // custom rules of the config that applies here
  try {
    const config = await new ConfigLoader({cwd: io.cwd}).forFile(path.join(io.cwd, 'agreement.md'))
    for (const r of config.settings.customRules) if (!known.some((k) => k.meta.id === r.meta.id)) known.push(r)
  } catch {
    // a broken config does not stop the built-in rules' documentation
  }
  const rule = known.find((r) => r.meta.id === id.trim())
  if (!rule) {
    const hint = didYouMean(id, known.map((r) => r.meta.id))
    return fail(`--explain: unknown rule "${id}"${hint || '; the rules are listed in docs/rules/README.md'}`)
  }
  io.stdout((await import('./rule-docs.js')).explainRule(rule))
  return EXIT.ok
}

/** The root of the git repository `cwd` is in, or undefined outside one (or without git). */
async function gitToplevel(cwd: string): Promise<string | undefined> {
  return git(['rev-parse', '--show-toplevel'], cwd).then(
    (stdout) => stdout.trim() || undefined,
    () => undefined,
  )
}

function realPath(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return p
  }
}

/** Options that take a value that may start with "-" (`--max-warnings -1`): join them so parseArgs accepts it. */
const DASH_VALUES = new Set(['--max-warnings'])

function normaliseArgv(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const next = argv[i + 1]
    if (DASH_VALUES.has(a) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`)
      i++
    } else out.push(a)
  }
  return out
}

/** The colour level of the terminal report: flags win over the environment; FORCE_COLOR wins over NO_COLOR and the TTY check. */
function colourLevel(values: {readonly color?: boolean | undefined; readonly 'no-color'?: boolean | undefined}, io: Io): 0 | 1 {
  const forced = io.env['FORCE_COLOR']
  if (values['no-color']) return 0
  if (values.color) return 1
  if (forced !== undefined) return forced === '0' || forced === 'false' ? 0 : 1
  return io.isTTY && !io.env['NO_COLOR'] ? 1 : 0
}

/**
 * The report writer for these formats: the stylish and JSON reporters are loaded with the command; the others (SARIF,
 * HTML, …) only by a run that asks for one of them.
 */
async function chunksOf(formats: readonly string[]): Promise<(format: string, results: readonly LintResult[], context: ReporterContext) => Iterable<string>> {
  const others = formats.some((f) => f !== 'stylish' && f !== 'json') ? (await import('./reporters/index.js')).reportChunks : undefined
  return (format, results, context) => (format === 'stylish' ? stylishChunks(results, context) : format === 'json' ? jsonChunks(results, docsOnce()) : others!(format, results, context))
}

let docs: DocsLookup | undefined
/** The rules' pages by id, looked up once per rule in this process (the package and its version do not change). */
function docsOnce(): DocsLookup {
  return (docs ??= ruleDocs())
}

/**
 * One job's piece of a report made file by file: its stylish lines, or its JSON entries each followed by ",\n" ('' when
 * it shows nothing). A JSON piece carries the separator after it, so that the pieces a warm cache keeps one after another
 * are the report's bytes as they stand (printed from the cache's buffer without a copy); the report drops the last one.
 */
function reportPiece(format: string, results: readonly LintResult[], chalk: ChalkInstance): string {
  return format === 'json' ? results.map((r) => `${jsonEntry(r, docsOnce())},\n`).join('') : results.map((r) => stylishFile(r, chalk)).join('')
}

/**
 * A job's piece of a report kept in the cache: read when the report is written (`job`: its planned index, to make it
 * again should its bytes be damaged), less its last `trimEnd` bytes.
 */
interface CachedPart {
  readonly cached: CachedPiece
  readonly job: number
  readonly trimEnd: number
}
type ReportPart = string | CachedPart

/**
 * A report from the jobs' pieces, as `reportChunks` makes it from their results. The summary line reads `totals` when
 * it is reached (a damaged cached piece made again while the report is written may change them).
 */
function* piecesReport(format: string, pieces: ReadonlyArray<string | {readonly cached: CachedPiece; readonly job: number}>, totals: Totals, chalk: ChalkInstance): Generator<ReportPart> {
  const part = (piece: string | {readonly cached: CachedPiece; readonly job: number}, trimEnd = 0): ReportPart =>
    typeof piece === 'string' ? (trimEnd ? piece.slice(0, -trimEnd) : piece) : {cached: piece.cached, job: piece.job, trimEnd}
  const size = (piece: string | {readonly cached: CachedPiece}): number => (typeof piece === 'string' ? piece.length : piece.cached.length)
  if (format === 'json') {
    // each entry ends with ",\n" (see reportPiece): the last one's becomes "\n]" (a job's JSON piece is never empty:
    // a job has a result, so one made again is not empty either)
    let last = -1
    for (let i = pieces.length - 1; i >= 0 && last < 0; i--) if (size(pieces[i]!)) last = i
    if (last < 0) {
      yield '[]\n'
      return
    }
    yield '[\n'
    for (let i = 0; i < last; i++) if (size(pieces[i]!)) yield part(pieces[i]!)
    yield part(pieces[last]!, 2)
    yield '\n]\n'
    return
  }
  for (const piece of pieces) if (size(piece)) yield part(piece)
  yield `${summaryLine(totals, chalk)}\n`
}

/** A file's stat, or undefined when it cannot be had. */
function statOrNone(file: string): Stats | undefined {
  try {
    return statSync(file, {throwIfNoEntry: false})
  } catch {
    return undefined
  }
}

/**
 * Pieces joined into writes of about 1 MB (a report of many small pieces is not one write per file): as bytes when
 * `bytes`, else as text. As bytes, a stretch of at least 64 KB that lies in one buffer (the report pieces a warm cache
 * read one after another) is written as it is, not copied into a joined buffer.
 *
 * A cached piece is read here, as the report is written, into the buffer the cache reads into each time (see
 * ResultCache.pieceBytes): what is held of the buffer is written before a read that refills it, so each chunk given
 * must be written (or copied) before the next is asked for. A piece whose bytes are damaged is made again by `again`.
 */
async function* batched(chunks: Iterable<ReportPart>, bytes: boolean, cache: ResultCache | undefined, again: (job: number) => Promise<string>): AsyncGenerator<string | Uint8Array> {
  let held: Array<string | Uint8Array> = []
  let size = 0
  const joined = (parts: ReadonlyArray<string | Uint8Array>): Uint8Array =>
    parts.length === 1 && typeof parts[0] !== 'string' ? parts[0]! : Buffer.concat(parts.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)))
  function* join(): Generator<string | Uint8Array> {
    if (!bytes) {
      yield held.map((c) => (typeof c === 'string' ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('utf8'))).join('')
      return
    }
    let small: Array<string | Uint8Array> = []
    for (const c of held) {
      if (typeof c === 'string' || c.length < 1 << 16) {
        small.push(c)
        continue
      }
      if (small.length) yield joined(small)
      small = []
      yield c
    }
    if (small.length) yield joined(small)
  }
  const holdsBytes = (): boolean => held.some((c) => typeof c !== 'string')
  for (const part of chunks) {
    let chunk: string | Uint8Array
    if (typeof part === 'string') chunk = part
    else {
      // a read that refills the cache's buffer comes after the bytes held of it are written
      if (!cache!.holds(part.cached) && holdsBytes()) {
        yield* join()
        held = []
        size = 0
      }
      const read = cache!.pieceBytes(part.cached)
      if (read) chunk = part.trimEnd ? read.subarray(0, read.length - part.trimEnd) : read
      else {
        // damaged: made again (from the cached results, or by a lint), which may read the cache: what is held goes first
        if (holdsBytes()) {
          yield* join()
          held = []
          size = 0
        }
        const text = await again(part.job)
        chunk = part.trimEnd ? text.slice(0, -part.trimEnd) : text
      }
    }
    // pieces that lie one after another in one buffer (a warm cache's report texts, read ahead together) are one view
    // of it, not copied
    const last = held.at(-1)
    if (typeof chunk !== 'string' && last !== undefined && typeof last !== 'string' && last.buffer === chunk.buffer && last.byteOffset + last.byteLength === chunk.byteOffset) {
      held[held.length - 1] = new Uint8Array(chunk.buffer, last.byteOffset, last.byteLength + chunk.byteLength)
    } else held.push(chunk)
    size += chunk.length
    if (size >= 1 << 20) {
      yield* join()
      held = []
      size = 0
    }
  }
  if (held.length) yield* join()
}

const sumTotals = (a: Totals, b: Totals): Totals => {
  for (const k of Object.keys(b) as Array<keyof Totals>) a[k] += b[k]
  return a
}

/** The command line's options, as parseArgs reads them. */
const OPTIONS = {
  format: {type: 'string', short: 'f', default: 'stylish'},
  'output-file': {type: 'string', short: 'o'},
  stdin: {type: 'boolean', default: false},
  'stdin-filename': {type: 'string'},
  profile: {type: 'string', short: 'p'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean', default: false},
  'no-ignore': {type: 'boolean', default: false},
  'allow-js-config': {type: 'boolean', default: false},
  'no-inline-config': {type: 'boolean', default: false},
  root: {type: 'string'},
  'timeout-per-file': {type: 'string'},
  'skip-unreadable': {type: 'boolean', default: false},
  'print-config': {type: 'string'},
  init: {type: 'boolean', default: false},
  'require-reason': {type: 'boolean', default: false},
  changes: {type: 'string'},
  annotate: {type: 'string'},
  quiet: {type: 'boolean', short: 'q', default: false},
  'max-warnings': {type: 'string'},
  'max-file-size': {type: 'string'},
  shard: {type: 'string'},
  'changed-since': {type: 'string'},
  cache: {type: 'boolean', default: false},
  'cache-location': {type: 'string'},
  concurrency: {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  version: {type: 'boolean', short: 'v', default: false},
  help: {type: 'boolean', short: 'h', default: false},
  lsp: {type: 'boolean', default: false},
  mcp: {type: 'boolean', default: false},
  'ignore-pattern': {type: 'string', multiple: true},
  explain: {type: 'string'},
  baseline: {type: 'string'},
  fix: {type: 'boolean', default: false},
  'changed-files': {type: 'boolean', default: false},
  report: {type: 'string', multiple: true},
  'fix-dry-run': {type: 'boolean', default: false},
  'baseline-write': {type: 'string'},
  rule: {type: 'string', multiple: true},
} as const satisfies NonNullable<Parameters<typeof parseArgs>[0]>['options']

/** Run the CLI; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  // what the CPUs do while the run starts: read again when it decides on threads (see defaultConcurrency)
  const cpuAtStart = sampleCpu()
  let busyNow: number | undefined
  const cpusBusy = (): number => (busyNow ??= cpusBusyNow(cpuAtStart, os.availableParallelism()))
  // Lint threads, started as soon as the run knows it will use them (see below); a run that fails stops them.
  let pool: LintPool | undefined
  const fail = (message: string): number => {
    pool?.close()
    // one line whatever a name in it holds (a YAML key, a path from the repository): no "::command::" line for CI to read
    io.stderr(`clauselint: ${printable(message)}\n`)
    return EXIT.failure
  }
  // Subcommands (src/compare/cli.ts, loaded only when used): compare with a template, learn a playbook
  if (argv[0] === 'compare' || argv[0] === 'learn') return (await import('./compare/cli.js')).runSubcommand(argv[0], argv.slice(1), io, version())
  let parsed
  try {
    parsed = parseArgs({
      args: normaliseArgv(argv),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    })
  } catch (error) {
    // a negative number after an option that takes one is read as an option by parseArgs ("argument is ambiguous")
    const at = argv.findIndex((a, i) => /^--(?:max-file-size|timeout-per-file|concurrency)$/.test(a) && /^-\d/.test(argv[i + 1] ?? ''))
    if (at >= 0) return fail(`${argv[at]} needs a number of at least 0, got ${JSON.stringify(argv[at + 1])}`)
    // parseArgs explains at length ("… To specify a positional argument starting with a '-', …"); keep the first sentence.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.split(/\.\s/)[0]!.replace(/\.$/, '')
    // parseArgs names an option by its declaration ("option '-f, --format <value>' argument missing"): name it as help does
    const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing$/.exec(reason)
    if (missing) return fail(`${missing[1]} needs a value; see --help`)
    const unknown = /^Unknown option '(--[\w-]+)'$/.exec(reason)
    const hint = unknown ? didYouMean(unknown[1]!, Object.keys(OPTIONS).map((name) => `--${name}`)) : ''
    return fail(`${reason.charAt(0).toLowerCase()}${reason.slice(1)}${hint || '; see --help'}`)
  }
  const {values} = parsed
  let positionals = parsed.positionals
  // `-` is standard input, as in most command-line tools
  if (positionals.includes('-')) {
    if (positionals.length > 1) return fail('"-" lints standard input; give no other paths with it')
    positionals = []
    values.stdin = true
  }
  // `!pattern` excludes, as in ESLint (a file that exists under that name is taken as it is)
  const negated: string[] = []
  positionals = positionals.filter((p) => {
    if (!p.startsWith('!') || p.length < 2 || existsSync(path.resolve(io.cwd, p))) return true
    negated.push(p.slice(1))
    return false
  })
  if (values.help) {
    io.stdout(HELP)
    return EXIT.ok
  }
  if (values.version) {
    io.stdout(`${version()}\n`)
    return EXIT.ok
  }
  if (values.explain !== undefined) return explain(values.explain, positionals, io, fail)
  // --lsp is handled by main(), which owns the process's stdio
  if (values.lsp) return fail('--lsp runs a language server on stdio; start it as a command (clauselint --lsp)')
  if (values.mcp) return fail('--mcp runs an MCP server on stdio; start it as a command (clauselint --mcp)')
  const format = values.format
  const formats: readonly string[] = FORMATS
  if (!formats.includes(format)) {
    const hint = didYouMean(format, formats)
    return fail(`unknown format "${format}"${hint ? `${hint} (formats: ${formats.join(', ')})` : `; use one of ${formats.join(', ')}`}`)
  }
  // --report FORMAT=PATH (repeatable): more reports of the same run, each to its file
  const extraReports: Array<{format: string; file: string}> = []
  for (const spec of values.report ?? []) {
    const eq = spec.indexOf('=')
    const name = eq > 0 ? spec.slice(0, eq) : ''
    const file = eq > 0 ? spec.slice(eq + 1) : ''
    if (!name || !file.trim()) return fail(`--report needs FORMAT=PATH (e.g. sarif=reports/clauselint.sarif), got "${spec}"`)
    if (!formats.includes(name)) {
      const hint = didYouMean(name, formats)
      return fail(`--report: unknown format "${name}"${hint || `; use one of ${formats.join(', ')}`}`)
    }
    extraReports.push({format: name, file})
  }
  let profile: ProfileName | undefined
  if (values.profile !== undefined) {
    if (!/[+,]/.test(values.profile) && !(PROFILES as readonly string[]).includes(values.profile)) {
      const hint = profileHint(values.profile)
      return fail(`unknown profile "${values.profile}"${hint ? `${hint} (profiles: ${PROFILES.join(', ')})` : `; use one of ${PROFILES.join(', ')}`}`)
    }
    const parsed = parseProfile(values.profile)
    if ('error' in parsed) return fail(parsed.error)
    profile = parsed.profile
  }
  if (values.config !== undefined && values['no-config']) return fail('use --config or --no-config, not both')
  if (values.config !== undefined && !values.config.trim()) return fail('--config needs a path')
  if (values.init) {
    if (positionals.length) return fail('--init writes a config in the current folder; give no paths with it')
    try {
      const written = (await import('./config-cli.js')).initConfig(io.cwd)
      io.stdout(`Wrote ${path.relative(io.cwd, written)}\n`)
      return EXIT.ok
    } catch (error) {
      if (error instanceof ConfigError) return fail(error.message)
      throw error
    }
  }
  // --rule id:severity (repeatable; several separated by commas): over every config file, under front matter.
  const cliRules: Record<string, string | number> = {}
  for (const spec of values.rule ?? []) {
    for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
      const m = /^([^:\s]+)\s*:\s*(\S+)$/.exec(part)
      if (!m) return fail(`--rule needs id:severity (e.g. no-vague-terms:off), got "${part}"`)
      // ESLint's numbers (0, 1, 2) are numbers here as they are in a config file
      cliRules[m[1]!] = /^[012]$/.test(m[2]!) ? Number(m[2]) : m[2]!
    }
  }
  let root: string
  try {
    root = values.root !== undefined ? givenRoot(values.root, io.cwd) : defaultRoot(io.cwd)
  } catch (error) {
    if (error instanceof OutsideRootError) return fail(error.message)
    throw error
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS
  if (values['timeout-per-file'] !== undefined) {
    const t = values['timeout-per-file']
    if (!/^\d+(?:\.\d+)?$/.test(t.trim())) return fail(`--timeout-per-file needs a number of seconds (0 for none), got ${JSON.stringify(t)}`)
    timeoutMs = Math.round(Number(t) * 1000)
  }
  const loaderOptions = {
    cwd: io.cwd,
    root,
    ...(values['no-inline-config'] ? {noInlineConfig: true} : {}),
    ...(Object.keys(cliRules).length ? {cliRules} : {}),
    ...(values.config !== undefined ? {configFile: values.config} : {}),
    noConfig: values['no-config'],
    allowJs: values['allow-js-config'],
    ...(profile ? {profile} : {}),
  }
  const loader = new ConfigLoader(loaderOptions)
  const requireReason = values['require-reason']
  const changes = (values.changes ?? 'accepted') as Changes
  if (changes !== 'accepted' && changes !== 'rejected') return fail(`--changes needs accepted or rejected, got "${values.changes}"`)
  let maxWarnings = -1
  if (values['max-warnings'] !== undefined) {
    // -1 means no limit, as in ESLint
    if (!/^(?:\d+|-1)$/.test(values['max-warnings'])) return fail(`--max-warnings needs a whole number (or -1 for no limit), got "${values['max-warnings']}"`)
    maxWarnings = Number(values['max-warnings'])
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE
  if (values['max-file-size'] !== undefined) {
    const size = parseSize(values['max-file-size'])
    if (size === undefined || size <= 0) return fail(`--max-file-size needs a size such as 10MB or 500KB, got "${values['max-file-size']}"`)
    maxFileSize = size
  }
  const stdinName = values['stdin-filename']
  if (stdinName !== undefined && !values.stdin) return fail('--stdin-filename needs --stdin')
  if (stdinName !== undefined && !stdinName.trim()) return fail('--stdin-filename needs a name')
  if (values.stdin && positionals.length) return fail('--stdin lints standard input; give no paths with it')
  // Big repositories: --shard, --changed-since, --cache, --concurrency.
  let shard: {index: number; count: number} | undefined
  let concurrency: number | undefined
  try {
    if (values.shard !== undefined) shard = parseShard(values.shard)
    if (values.concurrency !== undefined) concurrency = parseConcurrency(values.concurrency, os.availableParallelism())
  } catch (error) {
    if (error instanceof ScaleError) return fail(error.message)
    throw error
  }
  const changedRef = values['changed-since']
  if (changedRef !== undefined && values.stdin) return fail('--changed-since lints files from git; give no --stdin with it')
  const cacheLocation = values['cache-location']
  if (cacheLocation !== undefined && !cacheLocation.trim()) return fail('--cache-location needs a path')
  const useCache = (values.cache || cacheLocation !== undefined) && !values.stdin
  if (values.baseline !== undefined && values['baseline-write'] !== undefined && path.resolve(io.cwd, values.baseline) !== path.resolve(io.cwd, values['baseline-write'])) return fail('use --baseline or --baseline-write with one file, not two')
  for (const flag of ['baseline', 'baseline-write'] as const) if (values[flag] !== undefined && !values[flag]!.trim()) return fail(`--${flag} needs a path`)
  if (values.fix && values['fix-dry-run']) return fail('use --fix or --fix-dry-run, not both')
  if (values.fix && values.stdin) return fail('--fix writes files; for standard input use --fix-dry-run to see the fix')
  const annotate = values.annotate
  if (annotate !== undefined && !annotate.trim()) return fail('--annotate needs a file or folder to write to')
  if (annotate !== undefined && values.stdin) return fail('--annotate writes copies of .docx files; give no --stdin with it')
  const outputFile = values['output-file']
  if (outputFile !== undefined && !outputFile.trim()) return fail('--output-file needs a path')
  if (values['print-config'] !== undefined) {
    if (positionals.length || values.stdin) return fail('--print-config takes one file; give no other paths with it')
    try {
      io.stdout(await (await import('./config-cli.js')).printConfig(loader, values['print-config'], io.cwd, maxFileSize))
      return EXIT.ok
    } catch (error) {
      if (error instanceof ConfigError || error instanceof UsageError) return fail(error.message)
      throw error
    }
  }
  // --stdin: one agreement from standard input, named (in reports and for configuration) by --stdin-filename.
  let stdinText: string | undefined
  if (values.stdin) {
    if (!io.stdin) return fail('standard input is not available')
    try {
      stdinText = await readStream(io.stdin, maxFileSize)
    } catch (error) {
      if (error instanceof InputError) return fail(error.message)
      throw error
    }
  }

  let files: string[]
  let problems: Problem[]
  let warnedEarly = false
  let changed: ReadonlySet<string> | undefined
  let defaultPaths = ['.']
  // --changed-files: the paths are the files that changed (a pre-commit hook's staged files); lint each Markdown file of
  // the repository (or of this folder, outside one) that is one of them or heads a document set one of them is in.
  if (values['changed-files']) {
    if (values.stdin || changedRef !== undefined) return fail('--changed-files takes the changed files as its paths; give no --stdin or --changed-since with it')
    changed = new Set(positionals.map((p) => realPath(path.resolve(io.cwd, p))))
    defaultPaths = [path.relative(io.cwd, (await gitToplevel(io.cwd)) ?? io.cwd) || '.']
    positionals = []
  }
  if (changedRef !== undefined) {
    try {
      const found = await changedSince(changedRef, io.cwd, {ignored: Boolean(values['no-ignore'])})
      changed = found.changed
      defaultPaths = [path.relative(io.cwd, found.root) || '.']
    } catch (error) {
      if (error instanceof ScaleError) return fail(error.message)
      throw error
    }
  }
  try {
    const expanded = stdinText !== undefined ? {files: [stdinName ?? '<stdin>'], problems: []} : await expandPaths(positionals.length ? positionals : defaultPaths, io.cwd, {root, gitignore: !values['no-ignore']})
    files = expanded.files
    problems = expanded.problems
    // a file git tracks is the repository's, even when a .gitignore (perhaps added by the same pull request) matches it
    // (with --no-ignore the walk already found every file)
    if (stdinText === undefined && !values['no-ignore']) {
      const isDir = (p: string): boolean => {
        try {
          return statSync(path.resolve(io.cwd, p)).isDirectory()
        } catch {
          return false
        }
      }
      const dirs = (positionals.length ? positionals : defaultPaths).filter(isDir)
      const extras = (await trackedButIgnored(dirs, io.cwd, new Set(files))).filter((f) => new Confinement(root).allows(path.resolve(io.cwd, f)))
      for (const extra of extras) io.stderr(`clauselint: warning: ${printable(extra)} is matched by a .gitignore but tracked by git; linted\n`)
      warnedEarly = extras.length > 0
      if (extras.length) files = [...files, ...extras].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message)
    throw error
  }
  if (!files.length && !problems.length) return fail('no Markdown or Word files to lint')
  // A file named on the command line (or standard input's name) that an ignore pattern matches is not linted but
  // reported with a warning, as ESLint does; one found in a folder or by a glob is skipped without a word.
  const named = new Set<string>()
  if (stdinText !== undefined) named.add(path.resolve(io.cwd, files[0]!))
  else if (!values['changed-files']) {
    for (const p of positionals) {
      try {
        if (statSync(path.resolve(io.cwd, p)).isFile()) named.add(path.resolve(io.cwd, p))
      } catch {
        // a glob, or a path that does not exist (a problem already)
      }
    }
  }
  const ignoredNamed: LintResult[] = []
  const skipNamed = (file: string): boolean => {
    if (!named.has(path.resolve(io.cwd, file))) return false
    if (!ignoredNamed.some((r) => r.filePath === file)) ignoredNamed.push(ignoredResult(file))
    return true
  }
  // --ignore-pattern and `!` arguments: .gitignore syntax, relative to the current folder.
  const excludes = values['no-ignore'] ? [] : [...(values['ignore-pattern'] ?? []), ...negated].filter((p) => p.trim())
  if (excludes.length && stdinText === undefined) {
    const excluder = ignore().add(excludes)
    const kept = files.filter((file) => {
      const rel = path.relative(io.cwd, path.resolve(io.cwd, file))
      if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return true
      if (!excluder.ignores(rel.split(path.sep).join('/'))) return true
      skipNamed(file)
      return false
    })
    if (!kept.length && !problems.length && !ignoredNamed.length) return fail(`every file is matched by --ignore-pattern or a "!" pattern (${files.length} file${files.length === 1 ? '' : 's'})`)
    files = kept
  }
  // Threads start now, so that loading the linter in each overlaps reading the files and configs here (with --cache, only
  // once the files to lint are known: a warm run may lint none). The main thread lints too, so N threads are N - 1 workers.
  const threadsAhead = defaultConcurrency(concurrency, files.length, os.availableParallelism(), cpusBusy)
  // one thread asked for, or threads, over many files: the same command again under V8's single-threaded garbage
  // collection (see SINGLE_THREADED_GC_FILES), before anything is read or printed that the second run would read or
  // print again
  if (io.oneShortText && files.length === 1 && !problems.length && (stdinText !== undefined ? Buffer.byteLength(stdinText) : markdownSize(path.resolve(io.cwd, files[0]!))) <= ONE_SHORT_TEXT_BYTES) io.oneShortText()
  if (io.relaunchSingleThreadedGc && (concurrency === 1 || threadsAhead > 1) && files.length >= SINGLE_THREADED_GC_FILES && !useCache && stdinText === undefined && !warnedEarly) {
    return io.relaunchSingleThreadedGc()
  }
  if (!useCache && threadsAhead > 1 && files.length > 1) pool = LintPool.start(threadsAhead - 1, loaderOptions, requireReason, timeoutMs)

  const rules: AnyRule[] = profileRules(profile === undefined || profile === 'auto' ? 'msa' : profile)
  const results: LintResult[] = []
  // Files that could not be linted: each gets a result with one fatal error, in every format, so it cannot pass a gate unseen
  const fatals: LintResult[] = []
  const fatal = (file: string, message: string, subject: 'File' | 'Folder' = 'File'): void => {
    io.stderr(`clauselint: ${printable(file || '.')} ${message}; reported as fatal\n`)
    if (!fatals.some((r) => r.filePath === file)) fatals.push(fatalResult(file || '.', message, subject))
  }
  let linted = 0
  for (const problem of problems) {
    if (problem.fatal) fatal(problem.path, problem.message, problem.folder ? 'Folder' : 'File')
    else io.stderr(`clauselint: warning: ${printable(problem.path)} ${problem.message}\n`)
  }
  // --cache: where it goes (a missing folder is made), checked before anything is read.
  let cache: ResultCache | undefined
  if (useCache) {
    try {
      const location = await resolveCacheLocation(cacheLocation, io.cwd, (file) => checkWriteTarget(file, cacheLocation ?? CACHE_FILE, '--cache-location', io.cwd, files, root))
      // a cache that came with the checkout (committed in a pull request) could claim any result for any file: its key
      // holds no secret, so it is not trusted; the run lints as if there were no cache, and leaves that file alone
      if (await trackedByGit(location)) io.stderr(`clauselint: warning: the cache ${printable(cacheLocation ?? CACHE_FILE)} is tracked by git (it came with the checkout); not used\n`)
      else cache = await ResultCache.load(location)
    } catch (error) {
      if (error instanceof CacheError || error instanceof OutputError) return fail(error.message)
      throw error
    }
  }
  // What is known of each file's text: its hash and the members it declares (from the cache's index when the file is
  // unchanged, so it is not read), and the text once read.
  const texts = new Map<string, string>()
  // Word files: the reading that maps each line of their Markdown back to a paragraph (for the files read in this run;
  // a cached result is stored already in Word's terms)
  const readings = new Map<string, DocxReading>()
  const infos = new Map<string, TextInfo | undefined>()
  const unreadable = (file: string, error: unknown): undefined => {
    if (!(error instanceof FileError)) throw error
    fatal(file, error.message)
    infos.set(file, undefined)
    return undefined
  }
  const readText = async (file: string): Promise<string | undefined> => {
    const known = texts.get(file)
    if (known !== undefined) return known
    try {
      // With --stdin, standard input is the one file named on the command line; schedules it includes are read from disk.
      let text: string
      if (stdinText !== undefined && file === files[0]) text = stdinText
      else {
        const source = await readSource(path.resolve(io.cwd, file), maxFileSize, changes)
        text = source.text
        if (source.docx) readings.set(file, source.docx)
      }
      texts.set(file, text)
      return text
    } catch (error) {
      return unreadable(file, error)
    }
  }
  const infoOf = async (file: string): Promise<TextInfo | undefined> => {
    if (infos.has(file)) return infos.get(file)
    const abs = path.resolve(io.cwd, file)
    let info: TextInfo | undefined
    if (cache) {
      // one stat per file, in this thread: a warm run stats every file and reads none
      const s = statOrNone(abs)
      info = s && s.size <= maxFileSize ? cache.known(abs, s) : undefined
      if (!info) {
        const text = await readText(file)
        if (text === undefined) return undefined
        info = {hash: textHash(text), includes: declaredIncludes(text, abs)}
        // the stat from before the read: a file changed while read is read again next time
        if (s) cache.note(abs, s, info)
      }
    } else {
      const text = await readText(file)
      if (text === undefined) return undefined
      info = {hash: '', includes: declaredIncludes(text, abs)}
    }
    infos.set(file, info)
    return info
  }
  // Config per file (ignorePatterns, rules, custom rules); a config error ends the run with one line.
  const configs = new Map<string, Awaited<ReturnType<ConfigLoader['forFile']>>>()
  try {
    for (const file of files) configs.set(file, await loader.forFile(file))
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message)
    throw error
  }
  for (const config of configs.values()) for (const rule of config.settings.customRules) if (!rules.includes(rule)) rules.push(rule)
  const ignored = values['no-ignore'] ? [] : files.filter((f) => configs.get(f)?.ignored)
  for (const f of ignored) skipNamed(f)
  if (ignored.length && ignored.length === files.length && !problems.length && !ignoredNamed.length) return fail(`every file is matched by ignorePatterns in config (${ignored.length} file${ignored.length === 1 ? '' : 's'})`)
  if (ignored.length) files = files.filter((f) => !configs.get(f)?.ignored)
  // The stylish and JSON reports are made file by file: with --cache, each job's piece of the report is kept beside its
  // results, and a warm run prints it as it is, without parsing the results (when nothing after the lint needs them).
  const level = colourLevel(values, io)
  const reportLevel = outputFile === undefined ? level : 0
  const fixing = values.fix || values['fix-dry-run']
  // a dry run's standard output is the diff in place of the stylish report; any other format is printed as asked, of
  // the fixed text (the JSON with each fixed file's text in "output", as ESLint's)
  const diffOut = values['fix-dry-run'] && format === 'stylish'
  const baselineFile = values['baseline-write'] ?? values.baseline
  // Without a cache too: each job's piece is then made as soon as its outcome is known, while other jobs are linted.
  const byPieces = (format === 'stylish' || format === 'json') && !values.quiet && baselineFile === undefined && annotate === undefined && !fixing && !extraReports.length
  const settingsOf = (file: string): Settings => configs.get(file)!.settings
  const pieceChalk = new Chalk({level: reportLevel})
  // a Word file's findings are put in Word's terms (before they are cached: a warm run does not read the file again)
  const inWordsOf = (results: LintResult[]): LintResult[] => results.map((r) => (readings.has(r.filePath) ? inWordTerms(r, readings.get(r.filePath)!) : r))
  // a job's findings in Word's terms and its piece of the report, made as its outcome lands
  type Made = {inTerms: LintResult[]; piece: {text: string; totals: Totals}}
  const madeOf = (outcome: JobOutcome): Made | undefined => {
    if (!byPieces || !('results' in outcome)) return undefined
    const inTerms = inWordsOf(outcome.results)
    return {inTerms, piece: {text: reportPiece(format, inTerms, pieceChalk), totals: addTotals(noTotals(), inTerms)}}
  }
  // With threads started and every file to be linted (no --cache, --changed-since or --shard), a file is handed to the
  // threads as soon as it is read and found to be a job of its own, so that the workers lint while this thread reads and
  // plans the rest; one that a later file declares a member of its set is dropped again (linted with that set). The
  // jobs handed so (by file), and what their outcomes made:
  const handed = new Map<string, number>()
  const madeByHanded = new Map<number, Made>()
  const stream = pool && !changed && !shard ? pool.begin(settingsOf, requireReason, (k, outcome) => {
    const made = madeOf(outcome)
    if (made) madeByHanded.set(k, made)
  }) : undefined
  // A Markdown file so handed goes as its path: the thread that takes it reads its text again, and this thread keeps
  // none (1,000 × 15 KB: the texts kept here cost this thread ~0.2 s of CPU in collections before it lints, and each
  // was copied to a worker). Not with --fix, which reads the texts again after the lint; a Word file keeps its text
  // with the map back to its paragraphs.
  const byPath = new Map<string, FileJob>()
  const handPaths = !fixing && stdinText === undefined
  let readCount = 0
  const onRead = stream
    ? async (file: string, info: FileInfo, member: boolean): Promise<void> => {
        const text = texts.get(file)
        if (!info.includes.length && !member && text !== undefined) {
          if (handPaths && !readings.has(file)) {
            const job = {file, path: path.resolve(io.cwd, file), chars: text.length, maxFileSize}
            texts.delete(file)
            byPath.set(file, job)
            handed.set(file, stream.add(job))
          } else handed.set(file, stream.add({file, text}))
        }
        // now and then the workers' messages are let in: a worker that has linted what it holds is sent more
        if (++readCount % STREAM_YIELD_FILES === 0) await new Promise((r) => setImmediate(r))
      }
    : undefined
  // The jobs: every file linted on its own, or as a document set's main file with its members (src/plan.ts).
  const confine = new Confinement(root)
  const plannedJobs = await planJobs(files, {info: infoOf, textKnown: (file) => texts.get(file)}, {confine, cwd: io.cwd, rootHint: ' (set the root with --root)'}, onRead)
  if ('problem' in plannedJobs) return fail(plannedJobs.problem)
  let planned: PlannedJob[] = plannedJobs.jobs
  // the cache must not be written over a document set's member either (known only now that the sets are planned)
  if (cache) {
    try {
      await checkWriteTarget(cache.location, cacheLocation ?? CACHE_FILE, '--cache-location', io.cwd, [...infos.keys()].filter((f) => !files.includes(f)), root)
    } catch (error) {
      if (error instanceof OutputError) return fail(error.message)
      throw error
    }
  }
  // --changed-since: a job whose file, or one of whose members, changed. --shard: every N-th job, by sorted file name.
  let narrowed = false
  if (changed) {
    planned = planned.filter((job) => [job.file, ...(job.members ?? [])].some((f) => isChanged(f, io.cwd, changed)))
    narrowed = true
  }
  if (shard) {
    const keep = shardFiles(
      planned.map((j) => j.file),
      shard.index,
      shard.count,
    )
    planned = planned.filter((j) => keep.has(j.file))
    narrowed = true
  }
  // --cache: a job whose key (its texts' hashes, settings, version) is recorded gets its results from the cache.
  const toolVersion = version()
  const keys = planned.map((job) =>
    cache
      ? cacheKey(
          {hash: infos.get(job.file)!.hash, members: (job.members ?? []).map((m) => ({filePath: m, hash: infos.get(m)!.hash}))},
          configs.get(job.file)!.settings,
          // a Word file read with its tracked changes rejected is another text
          changes === 'rejected' ? `${toolVersion}+changes=rejected` : toolVersion,
          requireReason,
        )
      : '',
  )
  const viewKey = (job: PlannedJob): string => [format, format === 'stylish' ? reportLevel : 0, job.file, ...(job.members ?? [])].join('\u0000')
  const absolute = planned.map((job) => path.resolve(io.cwd, job.file))
  const views = planned.map((job, i) => (byPieces && cache ? cache.view(absolute[i]!, keys[i]!, viewKey(job)) : undefined))
  const outcomes: Array<JobOutcome | undefined> = planned.map((job, i) => {
    if (views[i]) return undefined
    const cached = cache?.get(absolute[i]!, keys[i]!, new Set([job.file, ...(job.members ?? [])]))
    return cached ? {results: cached} : undefined
  })
  // The others are read (when the cache let them be skipped so far) and linted.
  const pending: Array<{job: PoolJob; i: number}> = []
  for (const [i, p] of planned.entries()) {
    if (outcomes[i] || views[i]) continue
    // a file handed to the threads as its path is read by the thread that takes it
    const job = (p.members ? undefined : byPath.get(p.file)) ?? (await readJob(p, readText))
    if (job) pending.push({job, i})
  }
  const fresh = new Set(pending.map((p) => p.i))
  // answers per text (typed values, term keys) kept across the files this thread lints
  const textCache = new TextCache()
  const threadsOf = (p: LintPool): JobThreads => ({run: (jobs, onOutcome) => p.run(jobs, settingsOf, requireReason, onOutcome), close: () => p.close()})
  // each job's findings in Word's terms and its piece of the report, made as its outcome lands (by planned index)
  const early = new Map<number, Made>()
  const onOutcome = (k: number, outcome: JobOutcome): void => {
    const made = madeOf(outcome)
    if (made) early.set(pending[k]!.i, made)
  }

  let done: JobOutcome[]
  if (stream) {
    // the jobs handed while reading keep their outcomes; the rest (document sets) are handed now, and the ones the plan
    // did not keep are dropped
    const at = pending.map(({job}) => (isFileJob(job) || !job.members ? handed.get(job.file) : undefined) ?? stream.add(job))
    const kept = new Set(at)
    for (const k of handed.values()) if (!kept.has(k)) stream.drop(k)
    if (pending.length) await loadRuleCode()
    const all = await stream.seal()
    done = at.map((k) => all[k]!)
    pending.forEach((p, j) => {
      const made = madeByHanded.get(at[j]!)
      if (made) early.set(p.i, made)
    })
  } else {
    done = await lintJobs(
      // (a job read by the thread that takes it is handed to the threads as it is planned: there is none here)
      pending.map((p) => p.job).filter((job): job is Job => !isFileJob(job)),
      {
        lintOne: (job) => lintJob(job, settingsOf(job.file), requireReason, timeoutMs, textCache),
        // one watchdog per window of files rather than per file; every job linted here is under IN_THREAD_MAX_BYTES
        inWindows: (count, step) => inTimedWindows(count, budgetFor(IN_THREAD_MAX_BYTES, timeoutMs), step),
        threads: defaultConcurrency(concurrency, pending.length, os.availableParallelism(), cpusBusy),
        ...(pool ? {started: threadsOf(pool)} : {}),
        startThreads: (workers, solo) => threadsOf((pool = LintPool.start(workers, loaderOptions, requireReason, timeoutMs, solo))),
        // a big file is linted in a worker thread even without threads: if it exhausts the heap, that file gets a fatal
        // result instead of the whole process ending with a V8 "heap out of memory" trace
        isolateAbove: IN_THREAD_MAX_BYTES,
        onOutcome,
      },
    )
  }
  pending.forEach((p, k) => (outcomes[p.i] = done[k]))
  // --fix / --fix-dry-run: add the skeleton of each missing clause, relinting as it goes; the report is of the fixed text.
  let fixFailed = false
  if (fixing) {
    const {checkWritable, fixJob, unifiedDiff} = await import('./fix.js')
    const diffs: string[] = []
    let filesChanged = 0
    let filesFixed = 0
    let skeletons = 0
    for (const [i, job] of planned.entries()) {
      const outcome = outcomes[i]
      if (!outcome || !('results' in outcome)) continue
      const settings = configs.get(job.file)!.settings
      const text = await readText(job.file)
      if (text === undefined) continue
      const texts = new Map([[job.file, text]])
      for (const m of job.members ?? []) {
        const t = await readText(m)
        if (t !== undefined) texts.set(m, t)
      }
      const memberFiles = [...texts.keys()].slice(1)
      const relint = (now: ReadonlyMap<string, string>): LintResult[] => {
        const again = lintJob({file: job.file, text: now.get(job.file)!, ...(job.members ? {members: memberFiles.map((m) => ({filePath: m, text: now.get(m)!}))} : {})}, settings, requireReason, 0, textCache)
        return 'results' in again ? again.results : outcome.results
      }
      // a Word file is not rewritten (its text is read out of the package); --annotate writes a reviewed copy instead
      const {fixes, results: fixedResults} = fixJob(texts, relint, (file) => !readings.has(file))
      if (!fixes.length) continue
      let written = true
      const fixedText = new Map<string, string>()
      for (const f of fixes) {
        if (values['fix-dry-run']) {
          if (diffOut) diffs.push(unifiedDiff(f.file.split(path.sep).join('/'), f.before, f.after))
          fixedText.set(f.file, f.after)
          skeletons += f.added.length
          continue
        }
        const abs = path.resolve(io.cwd, f.file)
        const check = await checkWritable(abs, f.before)
        if ('reason' in check) {
          io.stderr(`clauselint: warning: ${printable(f.file)} ${check.reason}\n`)
          fixFailed = true
          written = false
          continue
        }
        try {
          await writeFileAtomic(abs, `${check.bom ? '\ufeff' : ''}${f.after}`, f.file, 'the fixed file')
        } catch (error) {
          if (!(error instanceof OutputError)) throw error
          io.stderr(`clauselint: warning: ${printable(error.message)}\n`)
          fixFailed = true
          written = false
          continue
        }
        filesFixed++
        skeletons += f.added.length
        fixedText.set(f.file, f.after)
        io.stderr(`clauselint: fixed ${printable(f.file)}: added ${printable(f.added.join(', '))}\n`)
      }
      // the report shows the fixed text only when it was written (or in a dry run), each fixed file's result with that
      // text as its output (ESLint's JSON "output")
      if (written || values['fix-dry-run']) outcomes[i] = {results: fixedResults.map((r) => (fixedText.has(r.filePath) ? {...r, output: fixedText.get(r.filePath)!} : r))}
      filesChanged += fixedText.size
    }
    if (values['fix-dry-run']) {
      io.stdout(diffs.join(''))
      io.stderr(`clauselint: --fix-dry-run: ${skeletons} clause skeleton${skeletons === 1 ? '' : 's'} would be added in ${filesChanged} file${filesChanged === 1 ? '' : 's'}; nothing was written\n`)
    } else if (!filesFixed && !fixFailed) io.stderr('clauselint: --fix: nothing to fix (no missing clause with a skeleton)\n')
  }
  const pieces: Array<{text: string | {readonly cached: CachedPiece; readonly job: number}; totals: Totals}> = []
  let fatalInPieces = 0
  for (const [i, job] of planned.entries()) {
    const view = views[i]
    if (view) {
      pieces.push({text: typeof view.text === 'string' ? view.text : {cached: view.text, job: i}, totals: view.totals})
      linted++
      continue
    }
    const outcome = outcomes[i]
    if (!outcome) continue
    // A config error in front matter ends the run like one in a config file.
    if ('configError' in outcome) return fail(outcome.configError)
    if ('crash' in outcome) {
      // A crash while parsing one file must not end the run or print a stack trace; the file is reported as fatal.
      fatal(job.file, `could not be parsed (${printable(outcome.crash)})`)
      continue
    }
    // a file too deep to read or over its time budget: its result is fatal, said on stderr like an unreadable file
    for (const r of outcome.results) if (r.fatal) io.stderr(`clauselint: ${printable(r.filePath)} ${(r.messages[0]?.message ?? '').replace(/^File /, '')}; reported as fatal\n`)
    const made = early.get(i)
    const inTerms = made?.inTerms ?? (fresh.has(i) ? inWordsOf(outcome.results) : outcome.results)
    if (outcome.workerFailure !== undefined) {
      // the file gets a fatal result; the other files' results stand
      io.stderr(`clauselint: warning: ${printable(job.file)} could not be linted: the lint worker stopped (${printable(outcome.workerFailure)})\n`)
    } else if (cache && fresh.has(i) && !fixing && !outcome.results.some((r) => r.fatal)) cache.set(path.resolve(io.cwd, job.file), keys[i]!, inTerms)
    if (byPieces) {
      const piece = made?.piece ?? {text: reportPiece(format, inTerms, pieceChalk), totals: addTotals(noTotals(), inTerms)}
      if (cache && outcome.workerFailure === undefined && !inTerms.some((r) => r.fatal)) cache.setView(path.resolve(io.cwd, job.file), keys[i]!, viewKey(job), piece.text)
      pieces.push(piece)
      fatalInPieces += inTerms.filter((r) => r.fatal).length
    } else results.push(...inTerms)
    linted++
  }

  if (cache) await cache.save()
  results.push(...fatals, ...ignoredNamed)
  const nothing = !linted && !(narrowed && !planned.length) && !ignoredNamed.length
  if (nothing && !fatals.length) return fail('no file could be linted')

  // --baseline-write FILE records today's findings; --baseline FILE reports only the findings it does not hold.
  let final: LintResult[] = results
  if (baselineFile !== undefined) {
    const {applyBaseline, BaselineError, readBaseline, writeBaseline} = await import('./baseline.js')
    try {
      if (values['baseline-write'] !== undefined) {
        await checkWriteTarget(path.resolve(io.cwd, baselineFile), baselineFile, '--baseline-write', io.cwd, [...texts.keys(), ...infos.keys()], root)
        const w = await writeBaseline(results, io.cwd, baselineFile, version())
        if (w.replacedUnreadable) io.stderr(`clauselint: warning: the baseline "${baselineFile}" could not be read; it was written anew\n`)
        io.stderr(`clauselint: wrote ${w.written} finding${w.written === 1 ? '' : 's'} to the baseline ${baselineFile}${w.kept ? ` (and kept ${w.kept} of files not linted in this run)` : ''}\n`)
      }
      const baseline = await readBaseline(path.resolve(io.cwd, baselineFile), baselineFile)
      const applied = applyBaseline(results, baseline, io.cwd, baselineFile)
      final = applied.results
      if (values['baseline-write'] === undefined) {
        io.stderr(`clauselint: ${applied.baselined} finding${applied.baselined === 1 ? '' : 's'} baselined (in ${baselineFile})\n`)
        if (applied.stale.length) {
          const n = applied.stale.reduce((k, e) => k + e.unmatched, 0)
          io.stderr(`clauselint: ${n} baseline entr${n === 1 ? 'y matches' : 'ies match'} no finding any more; run with --baseline-write ${baselineFile} to drop ${n === 1 ? 'it' : 'them'}:\n`)
          for (const e of applied.stale) io.stderr(`  ${printable(e.file)}: ${printable(e.ruleId)}${e.unmatched > 1 ? ` ×${e.unmatched}` : ''} in ${printable(e.section || '(top)')}: ${printable(e.message || e.what)}\n`)
        }
      }
    } catch (error) {
      if (error instanceof BaselineError || error instanceof OutputError) return fail(error.message)
      throw error
    }
  }


  const shown = values.quiet ? final.map((r) => ({...r, messages: r.messages.filter((m) => m.severity === 'error'), warningCount: 0, infoCount: 0})) : final
  if (annotate !== undefined) {
    const failed = await writeAnnotated(annotate, shown, [...files, ...problems.map((p) => p.path)], io, root)
    if (failed) return fail(failed)
  }
  const chalk = new Chalk({level})
  const clauseRuleIds = new Set(rules.filter((r) => r.meta.category === 'clause').map((r) => r.meta.id))
  const context = {chalk, clauseRuleIds, cwd: io.cwd, version: toolVersion, rules: rules.map((r) => r.meta), knownRules: builtinRules.map((r) => r.meta)}
  // the report made of the jobs' pieces (some kept in the cache) and the fatal results after them
  const totals = byPieces ? addTotals(pieces.reduce((t, p) => sumTotals(t, p.totals), noTotals()), shown) : undefined
  const reportChunks = await chunksOf([format, ...extraReports.map((e) => e.format)])
  // A cached piece found damaged as the report is written: made again from the job's cached results, else by linting
  // it here; the cache keeps the new piece, and the totals are the new results'.
  let repaired = false
  const again = async (i: number): Promise<string> => {
    const job = planned[i]!
    const abs = absolute[i]!
    repaired = true
    let made = cache?.get(abs, keys[i]!, new Set([job.file, ...(job.members ?? [])]))
    if (!made) {
      const read = await readJob(job, readText)
      const outcome = read ? lintJob(read, settingsOf(job.file), requireReason, timeoutMs, textCache) : undefined
      if (outcome && 'results' in outcome && outcome.workerFailure === undefined) {
        made = inWordsOf(outcome.results)
        if (!made.some((r) => r.fatal)) cache?.set(abs, keys[i]!, made)
      } else {
        const why = !outcome ? 'could not be read again' : 'crash' in outcome ? `could not be parsed (${outcome.crash})` : 'configError' in outcome ? outcome.configError : 'could not be linted'
        io.stderr(`clauselint: ${printable(job.file)} ${printable(why)}; reported as fatal\n`)
        made = [fatalResult(job.file, why)]
      }
    }
    fatalInPieces += made.filter((r) => r.fatal).length
    const piece = reportPiece(format, made, pieceChalk)
    if (!made.some((r) => r.fatal)) cache?.setView(abs, keys[i]!, viewKey(job), piece)
    const before = views[i]!.totals
    const now = addTotals(noTotals(), made)
    for (const k of Object.keys(now) as Array<keyof Totals>) totals![k] += now[k] - before[k]
    return piece
  }
  const report = (c: typeof chalk, bytes: boolean): AsyncIterable<string | Uint8Array> =>
    byPieces ? batched(piecesReport(format, [...pieces.map((p) => p.text), ...shown.map((r) => reportPiece(format, [r], c))], totals!, c), bytes, cache, again) : batched(reportChunks(format, shown, {...context, chalk: c}), bytes, undefined, again)
  if (outputFile === undefined) {
    // written as it is made: a big report is never one string; a dry run's standard output is the diff alone (stylish)
    if (!diffOut) {
      for await (const chunk of report(chalk, io.stdoutBytes !== undefined)) {
        if (typeof chunk === 'string') io.stdout(chunk)
        // bytes still held by the stream (a write that did not finish at once) are not read over
        else if (io.stdoutBytes) {
          if (!io.stdoutBytes(chunk)) cache?.keepLastRead()
        } else io.stdout(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8'))
      }
    }
  } else {
    // The report goes to the file, never coloured; the terminal still gets the summary line.
    try {
      const target = path.resolve(io.cwd, outputFile)
      await checkWriteTarget(target, outputFile, '--output-file', io.cwd, [...texts.keys(), ...infos.keys()], root)
      await writeFileAtomic(target, report(new Chalk({level: 0}), true), outputFile, 'the report', {createFolder: true})
    } catch (error) {
      if (error instanceof OutputError) return fail(error.message)
      throw error
    }
    io.stdout(`${totals ? summaryLine(totals, chalk) : stylishSummary(shown, context)}\n`)
  }
  if (cache) {
    // what was made again while the report was written is kept
    if (repaired) await cache.save()
    cache.close()
  }

  for (const extra of extraReports) {
    try {
      const target = path.resolve(io.cwd, extra.file)
      await checkWriteTarget(target, extra.file, '--report', io.cwd, [...texts.keys(), ...infos.keys()], root)
      await writeFileAtomic(target, reportChunks(extra.format, shown, {...context, chalk: new Chalk({level: 0})}), extra.file, 'the report', {createFolder: true})
    } catch (error) {
      if (error instanceof OutputError) return fail(error.message)
      throw error
    }
  }
  // a file that --fix could not write: the run did not do what was asked
  if (fixFailed) return EXIT.failure
  if (nothing) return fail('no file could be linted')
  // a file that could not be linted fails the run (2), or with --skip-unreadable counts as an error (1): never 0
  const unlinted = final.filter((r) => r.fatal).length + fatalInPieces
  if (unlinted && !values['skip-unreadable']) {
    io.stderr(`clauselint: ${unlinted} file${unlinted === 1 ? '' : 's'} could not be linted (see the fatal error${unlinted === 1 ? '' : 's'} in the report)\n`)
    return EXIT.failure
  }
  const errors = totals ? totals.errors : final.reduce((n, r) => n + r.errorCount, 0)
  const warnings = totals ? totals.warnings : final.reduce((n, r) => n + r.warningCount, 0)
  if (errors > 0) return EXIT.lintErrors
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`clauselint: ${warnings} warning${warnings === 1 ? '' : 's'} exceed${warnings === 1 ? 's' : ''} --max-warnings ${maxWarnings}\n`)
    return EXIT.lintErrors
  }
  return EXIT.ok
}

/**
 * --annotate: a reviewed copy of each linted .docx, with its findings as Word comments (one comment per paragraph,
 * one line per finding). OUT is a file for one .docx and a folder for several; no input is ever written. Returns the
 * one-line reason when a copy cannot be written.
 */
async function writeAnnotated(out: string, results: readonly LintResult[], inputs: readonly string[], io: Io, root: string): Promise<string | undefined> {
  const {realpath, stat, readFile} = await import('node:fs/promises')
  const {annotateDocx} = await import('./docx/annotate.js')
  const {DocxError} = await import('./docx/zip.js')
  const docx = results.filter((r) => DOCX_EXTENSION.test(r.filePath) && !r.fatal)
  if (!docx.length) return '--annotate writes reviewed copies of .docx files, and no .docx file was linted'
  const target = path.resolve(io.cwd, out)
  const info = await stat(target).catch(() => undefined)
  const folder = info?.isDirectory() || /[\\/]$/.test(out) || docx.length > 1
  if (folder && info && !info.isDirectory()) return `--annotate needs a folder for ${docx.length} .docx files; ${out} is a file`
  const real = async (p: string): Promise<string> => realpath(p).catch(() => path.resolve(p))
  const inputReal = new Map<string, string>()
  for (const input of inputs) inputReal.set(await real(path.resolve(io.cwd, input)), input)
  const names = new Set<string>()
  for (const result of docx) {
    const destination = folder ? path.join(target, path.basename(result.filePath)) : target
    const shownAs = path.relative(io.cwd, destination) || destination
    const clash = inputReal.get(await real(destination))
    if (clash !== undefined) return `--annotate would write over the input ${clash}; name another file`
    if (names.has(destination)) return `--annotate would write two files to ${shownAs}; annotate them separately`
    names.add(destination)
    // not through a committed link out of the repository (or into .git)
    try {
      await checkWriteTarget(destination, shownAs, '--annotate', io.cwd, [], root)
    } catch (error) {
      if (error instanceof OutputError) return error.message
      throw error
    }
  }
  {
    try {
      await (await import('./make-folder.js')).makeFolder(folder ? target : path.dirname(target))
    } catch (error) {
      return `cannot create the folder ${out} for --annotate (${(error as {code?: string}).code ?? 'error'})`
    }
  }
  for (const result of docx) {
    const destination = folder ? path.join(target, path.basename(result.filePath)) : target
    const shownAs = path.relative(io.cwd, destination) || destination
    const byParagraph = new Map<number, string[]>()
    for (const m of result.messages) {
      if (!m.docx) continue
      const lines = byParagraph.get(m.docx.paragraph) ?? []
      lines.push(`${m.ruleId} (${m.severity}): ${m.message}`)
      byParagraph.set(m.docx.paragraph, lines)
    }
    const notes: ParagraphNote[] = [...byParagraph].map(([paragraph, lines]) => ({paragraph, lines}))
    try {
      const bytes = await readFile(path.resolve(io.cwd, result.filePath))
      await writeFileAtomic(destination, annotateDocx(bytes, notes), shownAs, 'the reviewed copy')
    } catch (error) {
      if (error instanceof OutputError) return error.message
      if (error instanceof DocxError) return `cannot annotate ${result.filePath}: it ${error.message}`
      throw error
    }
    io.stderr(`clauselint: wrote ${printable(shownAs)} (${notes.length} comment${notes.length === 1 ? '' : 's'})\n`)
  }
  return undefined
}

/** Entry point for the bin: real process I/O, a closed pipe ends quietly, nothing escapes as a stack trace. */
/** The size in bytes of a Markdown file, or Infinity for a Word file or one that cannot be read. */
function markdownSize(file: string): number {
  if (/\.docx$/i.test(file)) return Infinity
  try {
    return statSync(file).size
  } catch {
    return Infinity
  }
}

/**
 * Run `script` with `argv` again in a node started with `--single-threaded-gc` (see SINGLE_THREADED_GC_FILES), sharing this
 * process's standard input, output and error, and give its exit code. A signal that ends it (Ctrl-C reaches both) ends
 * this process the same way; SIGTERM or SIGHUP sent to this process is passed on to it. If it cannot be started, 2.
 */
async function relaunchSingleThreadedGc(script: string, argv: readonly string[]): Promise<number> {
  const {spawn} = createRequire(import.meta.url)('node:child_process') as typeof ChildProcess
  // this process compiled only the start of a run: the second run writes V8's code cache (bin/clauselint.js), not this one
  ;(globalThis as {__clauselintHandedOver?: boolean}).__clauselintHandedOver = true
  const child = spawn(process.execPath, ['--single-threaded-gc', ...process.execArgv, script, ...argv], {stdio: 'inherit'})
  const pass = (signal: NodeJS.Signals): void => void child.kill(signal)
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
  for (const signal of signals) process.on(signal, pass)
  return await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      for (const signal of signals) process.off(signal, pass)
      process.stderr.write(`clauselint: could not start node again: ${printable(error.message)}\n`)
      resolve(EXIT.failure)
    })
    child.on('exit', (code, signal) => {
      for (const signal of signals) process.off(signal, pass)
      if (signal) process.kill(process.pid, signal)
      resolve(code ?? EXIT.failure)
    })
  })
}

/**
 * Standard input, read from its descriptor with blocking reads: a file, a pipe or a terminal gives its bytes without
 * Node's stream for it (process.stdin, whose making loads and sets up the stream and socket modules). Where a read would
 * wait (a descriptor left non-blocking: EAGAIN), the rest comes through process.stdin; another error is the reader's
 * ("standard input cannot be read").
 */
async function* standardInput(): AsyncGenerator<Uint8Array> {
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16)
    let n: number
    try {
      n = readSync(0, chunk, 0, chunk.length, null)
    } catch (error) {
      const code = (error as {code?: string}).code
      // the end of a pipe, as Windows says it
      if (code === 'EOF') return
      if (code !== 'EAGAIN') throw error
      yield* process.stdin as AsyncIterable<Uint8Array>
      return
    }
    if (n === 0) return
    yield chunk.subarray(0, n)
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  })
  // --lsp: a language server on stdio (src/lsp.ts, imported only here so ordinary runs do not load it). Checked before
  // the options are parsed, because editors add flags of their own (`--stdio`); the server ends the process on `exit`.
  if (argv.includes('--lsp')) {
    try {
      ;(await import('./lsp.js')).startServer()
    } catch (error) {
      process.stderr.write(`clauselint: could not start the language server: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`)
      process.exitCode = EXIT.failure
    }
    return
  }
  // --mcp: a Model Context Protocol server on stdio (src/mcp/), loaded only here. The workspace root is --root FOLDER,
  // else the client's first root when it sends roots, else the current folder.
  if (argv.includes('--mcp')) {
    const rest = argv.filter((a) => a !== '--mcp')
    const given = rest.length === 2 && rest[0] === '--root' ? rest[1]! : rest.length === 1 && rest[0]!.startsWith('--root=') ? rest[0]!.slice('--root='.length) : undefined
    if (rest.length && given === undefined) {
      process.stderr.write('clauselint: --mcp takes only --root FOLDER (the workspace root; default: the client\'s roots, else the current folder)\n')
      process.exitCode = EXIT.failure
      return
    }
    if (given !== undefined) {
      let folder = false
      try {
        folder = statSync(path.resolve(given)).isDirectory()
      } catch {}
      if (!folder) {
        process.stderr.write(`clauselint: --root ${printable(given)}: no such folder\n`)
        process.exitCode = EXIT.failure
        return
      }
    }
    try {
      await (await import('./mcp/server.js')).startMcpServer({root: path.resolve(given ?? process.cwd()), explicit: given !== undefined}, version(), run)
    } catch (error) {
      process.stderr.write(`clauselint: could not start the MCP server: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`)
      process.exitCode = EXIT.failure
    }
    return
  }
  // an error thrown later by code a JavaScript rule scheduled (a timer) is one line and exit 2, never a stack trace or a 0
  const late = (error: unknown): void => {
    process.stderr.write(`clauselint: internal error: ${printable(error instanceof Error ? error.message.split('\n')[0]! : String(error))}\n`)
    process.exitCode = EXIT.failure
  }
  process.on('uncaughtException', late)
  process.on('unhandledRejection', late)
  try {
    const code = await run(argv, {
      stdout: (t) => void process.stdout.write(t),
      // a file, a pipe or a terminal on Linux takes the bytes at once; otherwise they wait in the stream
      stdoutBytes: (b) => {
        process.stdout.write(b)
        return process.stdout.writableLength === 0
      },
      stderr: (t) => void process.stderr.write(t),
      cwd: process.cwd(),
      env: process.env,
      isTTY: process.stdout.isTTY === true,
      // asked for only by --stdin: making process.stdin sets up a stream for the descriptor (~6 ms of CPU on every run)
      get stdin() {
        return standardInput()
      },
      // not from a node already started so (the second run), nor from a script that is not a file of its own
      ...(process.execArgv.includes('--single-threaded-gc') || !process.argv[1] ? {} : {relaunchSingleThreadedGc: () => relaunchSingleThreadedGc(process.argv[1]!, argv)}),
      // see ONE_SHORT_TEXT_BYTES; bin/clauselint.js sets the flags back before it writes V8's code cache
      oneShortText: () => {
        v8.setFlagsFromString('--no-regexp-optimization')
        v8.setFlagsFromString('--no-turbofan')
        // so compiled, the value patterns cost less written for lower-cased text (see there)
        valuePatternsForLowerCase()
        // and a pattern is compiled only for a text that holds its literals (see needs)
        guardPatterns(true)
      },
    })
    // a failure already reported (a rule's late error) is not overwritten by a clean exit code
    process.exitCode = process.exitCode === EXIT.failure ? EXIT.failure : code
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    process.stderr.write(`clauselint: internal error: ${printable(reason ?? '')}\n`)
    process.exitCode = EXIT.failure
  }
}

// A baseline for legacy agreements: `--baseline-write FILE` records today's findings by fingerprint, and `--baseline FILE`
// reports only the findings that are not in it. A fingerprint is the rule, the section path without clause numbers and
// the quoted text (for a clause finding: its outcome), never a line, so renumbering, text added above, and (by a second,
// looser match on rule and quoted text) a section moved elsewhere in the file do not reopen a baselined finding.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {normaliseText, normaliseTitle} from './reporters/common.js'
import {writeFileAtomic} from './output.js'
import type {LintMessage, LintResult, SuppressedMessage} from './types.js'

/** The format of the baseline file; a file of another version is refused (rewrite it with --baseline-write). */
export const BASELINE_VERSION = 1

/** A baseline file that cannot be used; the message is one line naming the file. */
export class BaselineError extends Error {}

/** One baselined finding, as stored: readable, so that a reviewer sees what the baseline accepts. */
export interface BaselineEntry {
  /** The agreement, relative to the baseline file's folder, with `/`. */
  readonly file: string
  readonly ruleId: string
  /** The section path without clause numbers, lower case, joined with " › ". */
  readonly section: string
  /** For a clause finding its outcome (missing, vague, delegated); else the message with numbers blanked. */
  readonly what: string
  /** How many findings of this file share this fingerprint. */
  readonly count: number
  /** The message when it was recorded, for the reader. */
  readonly message: string
}

export interface Baseline {
  readonly file: string
  readonly entries: readonly BaselineEntry[]
}

/** What applying a baseline did. */
export interface BaselineOutcome {
  readonly results: LintResult[]
  /** Findings moved out of `messages`. */
  readonly baselined: number
  /** Entries (of the files linted) that matched nothing: the baseline can shrink. */
  readonly stale: Array<BaselineEntry & {readonly unmatched: number}>
}

const toPosix = (p: string): string => p.split(path.sep).join('/')

function what(m: LintMessage): string {
  return (m.policy ? undefined : m.outcome) ?? normaliseText(m.evidence ?? m.message)
}

function section(m: LintMessage): string {
  return m.sectionPath.map(normaliseTitle).join(' › ')
}

/** A finding's file as the baseline names it: relative to the baseline's folder. */
function entryFile(result: LintResult, m: LintMessage, cwd: string, baseDir: string): string {
  return toPosix(path.relative(baseDir, path.resolve(cwd, m.filePath ?? result.filePath)))
}

/** Findings that a baseline may hold: not fatal, not about the run itself. */
function baselinable(m: LintMessage): boolean {
  return m.ruleId !== 'fatal' && m.ruleId !== 'config' && m.ruleId !== 'ignored'
}

/** The baseline of these results (every finding that is reported now). Sorted, so that the file diffs well. */
export function buildBaseline(results: readonly LintResult[], cwd: string, baselineFile: string): BaselineEntry[] {
  const baseDir = path.dirname(path.resolve(cwd, baselineFile))
  const counts = new Map<string, BaselineEntry>()
  for (const result of results) {
    for (const m of result.messages) {
      if (!baselinable(m)) continue
      const entry = {file: entryFile(result, m, cwd, baseDir), ruleId: m.ruleId, section: section(m), what: what(m)}
      const key = JSON.stringify(entry)
      const prev = counts.get(key)
      counts.set(key, {...entry, count: (prev?.count ?? 0) + 1, message: prev?.message ?? m.message})
    }
  }
  return [...counts.values()].sort((a, b) => (a.file + '\u0000' + a.ruleId + '\u0000' + a.section + '\u0000' + a.what < b.file + '\u0000' + b.ruleId + '\u0000' + b.section + '\u0000' + b.what ? -1 : 1))
}

/** The text of a baseline file. */
export function formatBaseline(entries: readonly BaselineEntry[], version: string): string {
  const findings = entries.reduce((n, e) => n + e.count, 0)
  return `${JSON.stringify({clauselint: 'baseline', version: BASELINE_VERSION, writtenBy: version, findings, entries}, null, 2)}\n`
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Read and check a baseline file. Throws BaselineError with one line. */
export async function readBaseline(file: string, shownAs: string): Promise<Baseline> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as {code?: string}).code
    throw new BaselineError(
      `baseline "${shownAs}" ${code === 'ENOENT' ? 'does not exist; create it with --baseline-write' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`}`,
    )
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new BaselineError(`baseline "${shownAs}" is not valid JSON (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}); rewrite it with --baseline-write`)
  }
  if (!isObject(data) || data['clauselint'] !== 'baseline') throw new BaselineError(`baseline "${shownAs}" is not a clauselint baseline (no "clauselint": "baseline"); create one with --baseline-write`)
  if (data['version'] !== BASELINE_VERSION) {
    const by = typeof data['writtenBy'] === 'string' ? ` by clauselint ${data['writtenBy']}` : ''
    throw new BaselineError(`baseline "${shownAs}" was written${by} in format version ${JSON.stringify(data['version'])}; this clauselint reads version ${BASELINE_VERSION}: rewrite it with --baseline-write`)
  }
  const raw = data['entries']
  if (!Array.isArray(raw)) throw new BaselineError(`baseline "${shownAs}": entries must be a list`)
  const entries: BaselineEntry[] = raw.map((e, i) => {
    const ok =
      isObject(e) &&
      typeof e['file'] === 'string' &&
      typeof e['ruleId'] === 'string' &&
      typeof e['section'] === 'string' &&
      typeof e['what'] === 'string' &&
      Number.isInteger(e['count']) &&
      (e['count'] as number) > 0
    if (!ok) throw new BaselineError(`baseline "${shownAs}": entries[${i}] needs file, ruleId, section, what (strings) and count (a whole number above 0)`)
    return {file: e['file'] as string, ruleId: e['ruleId'] as string, section: e['section'] as string, what: e['what'] as string, count: e['count'] as number, message: typeof e['message'] === 'string' ? e['message'] : ''}
  })
  return {file: shownAs, entries}
}

/** Recount a result after findings left `messages`. */
function recount(result: LintResult, messages: LintMessage[], suppressed: SuppressedMessage[]): LintResult {
  return {
    ...result,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length,
    ...(suppressed.length ? {suppressed} : {}),
  }
}

/**
 * Move the findings the baseline holds from `messages` to `suppressed` (kind `baseline`). First by the exact fingerprint,
 * then, for a section that moved, by rule and quoted text anywhere in the same file. Entries of files linted in this run
 * that matched nothing are returned as stale.
 */
export function applyBaseline(results: readonly LintResult[], baseline: Baseline, cwd: string, baselinePath: string): BaselineOutcome {
  const baseDir = path.dirname(path.resolve(cwd, baselinePath))
  const remaining = baseline.entries.map((e) => ({entry: e, left: e.count}))
  const byFile = new Map<string, typeof remaining>()
  for (const r of remaining) {
    const list = byFile.get(r.entry.file)
    if (list) list.push(r)
    else byFile.set(r.entry.file, [r])
  }
  const lintedFiles = new Set<string>()
  let baselined = 0
  const out = results.map((result) => {
    lintedFiles.add(toPosix(path.relative(baseDir, path.resolve(cwd, result.filePath))))
    if (result.fatal) return result
    const matched = new Set<LintMessage>()
    const justification = `in the baseline ${baseline.file}`
    for (const exact of [true, false]) {
      for (const m of result.messages) {
        if (matched.has(m) || !baselinable(m)) continue
        const candidates = byFile.get(entryFile(result, m, cwd, baseDir))
        const hit = candidates?.find((c) => c.left > 0 && c.entry.ruleId === m.ruleId && c.entry.what === what(m) && (!exact || c.entry.section === section(m)))
        if (!hit) continue
        hit.left--
        matched.add(m)
      }
    }
    if (!matched.size) return result
    baselined += matched.size
    const kept = result.messages.filter((m) => !matched.has(m))
    const moved: SuppressedMessage[] = result.messages.filter((m) => matched.has(m)).map((m) => ({...m, suppression: {kind: 'baseline', justification, line: m.line, column: m.column}}))
    return recount(result, kept, [...(result.suppressed ?? []), ...moved])
  })
  const stale = remaining.filter((r) => r.left > 0 && lintedFiles.has(r.entry.file)).map((r) => ({...r.entry, unmatched: r.left}))
  return {results: out, baselined, stale}
}

/**
 * Write the baseline of these results to `file`, keeping the entries of files not linted in this run (a partial run,
 * such as --changed-since, does not drop the rest). Returns the number of findings written.
 */
export async function writeBaseline(results: readonly LintResult[], cwd: string, file: string, version: string): Promise<{written: number; kept: number; replacedUnreadable: boolean}> {
  const abs = path.resolve(cwd, file)
  const fresh = buildBaseline(results, cwd, file)
  const baseDir = path.dirname(abs)
  const linted = new Set(results.map((r) => toPosix(path.relative(baseDir, path.resolve(cwd, r.filePath)))))
  for (const r of results) for (const m of r.messages) if (m.filePath) linted.add(toPosix(path.relative(baseDir, path.resolve(cwd, m.filePath))))
  let kept: BaselineEntry[] = []
  let replacedUnreadable = false
  try {
    kept = (await readBaseline(abs, file)).entries.filter((e) => !linted.has(e.file))
  } catch (error) {
    if (!(error instanceof BaselineError)) throw error
    // no file yet is the usual case; an unreadable one is replaced whole (the caller says so)
    replacedUnreadable = !/does not exist/.test(error.message)
  }
  const all = [...fresh, ...kept].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  await writeFileAtomic(abs, formatBaseline(all, version), file, 'the baseline', {createFolder: true})
  return {written: fresh.reduce((n, e) => n + e.count, 0), kept: kept.reduce((n, e) => n + e.count, 0), replacedUnreadable}
}

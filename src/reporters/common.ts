// Shared by the CI reporters: report paths, rule titles, severity order and stable fingerprints.
import {crypto} from '../deps.js'
import path from 'node:path'
import type {RuleMeta} from '../rule.js'
import type {LintMessage, LintResult, Severity} from '../types.js'

export const RANK: Readonly<Record<Severity, number>> = {error: 2, warning: 1, info: 0}

/** Where the project lives; tools link here (SARIF `informationUri`). */
export const INFORMATION_URI = 'https://www.npmjs.com/package/clauselint'

/** Is this a result-like placeholder name (`<text>`, `<stdin>`) rather than a path? */
function isPseudoPath(filePath: string): boolean {
  return /^<[^<>]*>$/.test(filePath)
}

/**
 * The path to show in a report: relative to `cwd` when the file is inside it, with `/` separators.
 * A relative path is taken as relative to `cwd` already (that is how the CLI names files).
 */
export function reportPath(filePath: string, cwd?: string): string {
  if (isPseudoPath(filePath)) return filePath
  let p = filePath
  if (path.isAbsolute(p)) {
    if (cwd !== undefined) {
      const rel = path.relative(cwd, p)
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) p = rel
    }
  } else {
    p = path.normalize(p)
  }
  return p.split(path.sep).join('/')
}

/** "response-times" → "Response times". */
export function humanise(id: string): string {
  const words = id.split('-').join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Meta for an id the registry does not know (a file that could not be read, a custom rule missing from the context). */
function syntheticMeta(ruleId: string, severity: Severity): RuleMeta {
  if (ruleId === 'fatal') {
    return {id: 'fatal', description: 'The file could not be read or parsed as Markdown text, so nothing in it was checked', category: 'integrity', severity: 'error', messages: {}}
  }
  if (ruleId === 'ignored') {
    return {id: 'ignored', description: 'The file was named on the command line but an ignore pattern matches it, so it was not linted', category: 'integrity', severity: 'warning', messages: {}}
  }
  return {id: ruleId, description: humanise(ruleId), category: 'integrity', severity, messages: {}}
}

/**
 * Every rule that could report, in a stable order: the rules that ran, then any other rule id found in the results,
 * described by `catalog` (the meta of other rules the caller knows, e.g. the built-in ones) when it has the id.
 */
export function ruleMetas(results: readonly LintResult[], ran: readonly RuleMeta[] | undefined, catalog: readonly RuleMeta[] = []): RuleMeta[] {
  const metas: RuleMeta[] = [...(ran ?? catalog)]
  const known = new Set(metas.map((m) => m.id))
  const builtin = new Map(catalog.map((m) => [m.id, m]))
  for (const result of results) {
    for (const m of result.messages) {
      if (known.has(m.ruleId)) continue
      known.add(m.ruleId)
      metas.push(builtin.get(m.ruleId) ?? syntheticMeta(m.ruleId, m.severity))
    }
  }
  return metas
}

/** Messages of all results, most severe first; within a severity, in file and position order. */
export function bySeverity(results: readonly LintResult[]): Array<{result: LintResult; message: LintMessage}> {
  const all = results.flatMap((result) => result.messages.map((message) => ({result, message})))
  // Array.prototype.sort is stable, so file and position order survive within a severity.
  return all.sort((a, b) => RANK[b.message.severity] - RANK[a.message.severity])
}

/** A section title without clause numbers, case or spacing: what survives renumbering. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/^\(?#(?:\.#)*[.)]?\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A message with its numbers blanked, so "see clause 4.2" and "see clause 5.2" agree. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}

/**
 * Fingerprints for a result's messages (aligned with `result.messages`), stable when clauses are renumbered
 * or moved: a hash of the rule id, the section path without numbers and, for a clause finding, its outcome
 * (missing, vague, delegated), for any other finding its message with numbers blanked (the term it quotes).
 * No line numbers are used. When two findings of one file share all of that, their order tells them apart.
 */
export function fingerprints(result: LintResult): string[] {
  const seen = new Map<string, number>()
  return result.messages.map((m) => {
    // a policy finding is told apart by its message (P1 and P2 both too slow in one section), as before it had an outcome
    const what = (m.policy ? undefined : m.outcome) ?? `message:${normaliseText(m.message)}`
    const key = [m.ruleId, m.sectionPath.map(normaliseTitle).join(' › '), what].join('\u001f')
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    return crypto().createHash('sha256').update(`${key}\u001f${occurrence}`).digest('hex').slice(0, 32)
  })
}

/** Clamp a message's range so the end never comes before the start (all positions 1-based). */
export function region(m: LintMessage): {startLine: number; startColumn: number; endLine: number; endColumn: number} {
  const startLine = Math.max(1, m.line)
  const startColumn = Math.max(1, m.column)
  const endLine = Math.max(startLine, m.endLine)
  let endColumn = Math.max(1, m.endColumn)
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn
  return {startLine, startColumn, endLine, endColumn}
}

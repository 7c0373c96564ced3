// The JSON reporter: the public, documented result shape, one entry per file; and the same entries with the rules'
// metadata, in the shape of ESLint's json-with-metadata.
import type {RuleMeta} from '../rule.js'
import {ruleDocs} from '../package-info.js'
import type {LintMessage, LintResult} from '../types.js'
import {ruleMetas} from './common.js'

/** A rule's documentation page by rule id (none for a rule without a page). */
export type DocsLookup = (ruleId: string) => string | undefined

function shape(m: LintMessage, docs: DocsLookup) {
  const url = docs(m.ruleId)
  return {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    sectionPath: m.sectionPath,
    ...(m.outcome ? {outcome: m.outcome} : {}),
    ...(m.policy ? {policy: true} : {}),
    ...(m.docx ? {docx: m.docx} : {}),
    // the rule's page: the URI SARIF gives as helpUri and the language server as codeDescription.href
    ...(url ? {url} : {}),
  }
}

/** One file's entry, in the documented shape. */
function entry(r: LintResult, docs: DocsLookup): unknown {
  return {
    filePath: r.filePath,
    messages: r.messages.map((m) => shape(m, docs)),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    coverage: r.coverage,
    ...(r.profile ? {profile: r.profile} : {}),
    ...(r.fatal ? {fatal: true} : {}),
    // as in ESLint: findings silenced by a comment or held by a baseline, with the reason
    ...(r.suppressed?.length ? {suppressedMessages: r.suppressed.map((m) => ({...shape(m, docs), suppressions: [{kind: m.suppression.kind, ...(m.suppression.justification ? {justification: m.suppression.justification} : {})}]}))} : {}),
    // as in ESLint: the fixed text, when --fix or --fix-dry-run changed the file
    ...(r.output !== undefined ? {output: r.output} : {}),
  }
}

/** Format results as JSON (an array, one entry per file). */
export function json(results: readonly LintResult[], docs: DocsLookup = ruleDocs()): string {
  return [...jsonChunks(results, docs)].join('')
}

/**
 * The same text piece by piece, one entry at a time, for writing as it goes: exactly what
 * `JSON.stringify(entries, null, 2)` gives (a line break inside an entry can only be indentation, as JSON escapes the
 * ones inside strings).
 */
export function* jsonChunks(results: readonly LintResult[], docs: DocsLookup = ruleDocs()): Generator<string> {
  if (!results.length) {
    yield '[]\n'
    return
  }
  yield '[\n'
  for (const [i, r] of results.entries()) yield `${jsonEntry(r, docs)}${i === results.length - 1 ? '\n' : ',\n'}`
  yield ']\n'
}

/**
 * One file's entry as it stands in the array, indented, without the comma or line break after it: the entry
 * stringified as the one element of an array, less the array's "[\n" and "\n]" (indenting the entry's own text again
 * after stringifying it copied every entry a second time).
 */
export function jsonEntry(r: LintResult, docs: DocsLookup): string {
  return JSON.stringify([entry(r, docs)], null, 2).slice(2, -2)
}

export interface JsonMetadataOptions {
  /** The folder the run was made in (ESLint's `metadata.cwd`). */
  readonly cwd?: string | undefined
  /** Meta of the rules that ran; their descriptions fill `rulesMeta`. */
  readonly rules?: readonly RuleMeta[] | undefined
  /** Meta of other rules whose ids may appear in the results. */
  readonly knownRules?: readonly RuleMeta[] | undefined
}

/**
 * Format results as ESLint's json-with-metadata does: `{results, metadata: {cwd, rulesMeta}}`, where `results` are the
 * JSON report's entries and `rulesMeta[ruleId].docs` gives each reported rule's description and page (`url`).
 */
export function jsonWithMetadata(results: readonly LintResult[], options: JsonMetadataOptions = {}, docs: DocsLookup = ruleDocs()): string {
  const reported = new Set(results.flatMap((r) => [...r.messages, ...(r.suppressed ?? [])].map((m) => m.ruleId)))
  const metas = new Map(ruleMetas(results, options.rules, options.knownRules).map((m) => [m.id, m]))
  for (const m of options.knownRules ?? []) if (!metas.has(m.id)) metas.set(m.id, m)
  const rulesMeta: Record<string, {docs: {description?: string; url?: string}}> = {}
  for (const id of [...reported].sort()) {
    const description = metas.get(id)?.description
    const url = docs(id)
    rulesMeta[id] = {docs: {...(description ? {description} : {}), ...(url ? {url} : {})}}
  }
  const out = {results: results.map((r) => entry(r, docs)), metadata: {...(options.cwd !== undefined ? {cwd: options.cwd} : {}), rulesMeta}}
  return `${JSON.stringify(out, null, 2)}\n`
}

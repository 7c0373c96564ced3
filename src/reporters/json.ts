// The JSON reporter: the public, documented result shape, one entry per file.
import type {LintMessage, LintResult} from '../types.js'

function shape(m: LintMessage) {
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
  }
}

/** One file's entry, in the documented shape. */
function entry(r: LintResult): unknown {
  return {
    filePath: r.filePath,
    messages: r.messages.map(shape),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    coverage: r.coverage,
    ...(r.profile ? {profile: r.profile} : {}),
    ...(r.fatal ? {fatal: true} : {}),
    // as in ESLint: findings silenced by a comment or held by a baseline, with the reason
    ...(r.suppressed?.length ? {suppressedMessages: r.suppressed.map((m) => ({...shape(m), suppressions: [{kind: m.suppression.kind, ...(m.suppression.justification ? {justification: m.suppression.justification} : {})}]}))} : {}),
    // as in ESLint: the fixed text, when --fix or --fix-dry-run changed the file
    ...(r.output !== undefined ? {output: r.output} : {}),
  }
}

/** Format results as JSON (an array, one entry per file). */
export function json(results: readonly LintResult[]): string {
  return [...jsonChunks(results)].join('')
}

/**
 * The same text piece by piece, one entry at a time, for writing as it goes: exactly what
 * `JSON.stringify(entries, null, 2)` gives (a line break inside an entry can only be indentation, as JSON escapes the
 * ones inside strings).
 */
export function* jsonChunks(results: readonly LintResult[]): Generator<string> {
  if (!results.length) {
    yield '[]\n'
    return
  }
  yield '[\n'
  for (const [i, r] of results.entries()) yield `${jsonEntry(r)}${i === results.length - 1 ? '\n' : ',\n'}`
  yield ']\n'
}

/**
 * One file's entry as it stands in the array, indented, without the comma or line break after it: the entry
 * stringified as the one element of an array, less the array's "[\n" and "\n]" (indenting the entry's own text again
 * after stringifying it copied every entry a second time).
 */
export function jsonEntry(r: LintResult): string {
  return JSON.stringify([entry(r)], null, 2).slice(2, -2)
}

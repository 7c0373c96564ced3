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
  }
}

/** Format results as JSON (an array, one entry per file). */
export function json(results: readonly LintResult[]): string {
  return `${JSON.stringify(
    results.map((r) => ({
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
    })),
    null,
    2,
  )}\n`
}

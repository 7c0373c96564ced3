// The JSON reporter: the public, documented result shape, one entry per file.
import type {LintResult} from '../types.js'

/** Format results as JSON (an array, one entry per file). */
export function json(results: readonly LintResult[]): string {
  return `${JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        sectionPath: m.sectionPath,
        ...(m.outcome ? {outcome: m.outcome} : {}),
        ...(m.docx ? {docx: m.docx} : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      coverage: r.coverage,
      ...(r.profile ? {profile: r.profile} : {}),
      ...(r.fatal ? {fatal: true} : {}),
    })),
    null,
    2,
  )}\n`
}

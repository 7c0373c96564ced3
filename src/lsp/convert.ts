// LintMessage → LSP Diagnostic: 1-based line/column (UTF-16 code units, as JavaScript strings count) to 0-based
// positions, severities, and the data a code action needs to act on the finding later.
import {DiagnosticSeverity, type Diagnostic, type Range} from 'vscode-languageserver/node'
import {ruleDocs} from '../package-info.js'
import type {LintMessage, Outcome, Severity} from '../types.js'

export {ruleDocs}

export const SOURCE = 'clauselint'

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
}

/** What a diagnostic carries for code actions (`Diagnostic.data`, sent back by the client unchanged). */
export interface DiagnosticData {
  readonly ruleId: string
  readonly messageId: string
  readonly outcome?: Outcome
}

/**
 * The LSP range of a message. clauselint strips a byte-order mark before parsing, so on the first line of a text that
 * starts with one every column is one code unit to the left of the editor's.
 */
export function toRange(m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>, bom = false): Range {
  const shift = (line: number): number => (bom && line === 1 ? 1 : 0)
  const start = {line: Math.max(0, m.line - 1), character: Math.max(0, m.column - 1 + shift(m.line))}
  let end = {line: Math.max(0, m.endLine - 1), character: Math.max(0, m.endColumn - 1 + shift(m.endLine))}
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start
  return {start, end}
}

/** The messages with their rule's documentation page as `url` (for `codeDescription.href` and the hover's link). */
export function withDocs(messages: readonly LintMessage[], docs: (ruleId: string) => string | undefined): LintMessage[] {
  return messages.map((m) => {
    if (m.url) return m
    const url = docs(m.ruleId)
    return url ? {...m, url} : m
  })
}

export function toDiagnostic(m: LintMessage, bom = false): Diagnostic {
  const data: DiagnosticData = {ruleId: m.ruleId, messageId: m.messageId, ...(m.outcome ? {outcome: m.outcome} : {})}
  return {
    range: toRange(m, bom),
    severity: SEVERITY[m.severity],
    source: SOURCE,
    code: m.ruleId,
    ...(m.url ? {codeDescription: {href: m.url}} : {}),
    message: m.message,
    data,
  }
}

/** The messages of a result that belong in this document (not those pointing into other members of its set). */
export function ownMessages(messages: readonly LintMessage[]): LintMessage[] {
  return messages.filter((m) => m.filePath === undefined)
}

export function readData(value: unknown): DiagnosticData | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  if (typeof v['ruleId'] !== 'string') return undefined
  const outcome = v['outcome']
  return {
    ruleId: v['ruleId'],
    messageId: typeof v['messageId'] === 'string' ? v['messageId'] : '',
    ...(outcome === 'missing' || outcome === 'vague' || outcome === 'delegated' || outcome === 'present' ? {outcome} : {}),
  }
}

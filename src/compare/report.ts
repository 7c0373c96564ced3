// A comparison in every output format: its own terminal and JSON shapes, and a LintResult for the other reporters.
import type {ChalkInstance} from 'chalk'
import type {RuleMeta} from '../rule.js'
import type {ClauseCoverage, LintMessage, LintResult, Severity} from '../types.js'
import type {Comparison, DifferenceKind} from './compare.js'
import {paragraphLabel} from './adapter.js'
import type {Redline} from './redline.js'

const KIND_LABEL: Readonly<Record<DifferenceKind, string>> = {
  missing: 'missing',
  weaker: 'weaker',
  stronger: 'stronger',
  delegated: 'delegated',
  vague: 'vague',
  changed: 'changed',
  reworded: 'reworded',
  fallback: 'fallback',
  walkAway: 'walk-away',
  beyondWalkAway: 'beyond walk-away',
}

/** The comparison as a lint result of the agreement: one message per difference, the agreement's outcome per clause. */
export function toLintResult(c: Comparison): LintResult {
  const messages: LintMessage[] = c.differences.map((d) => ({
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    messageId: d.kind,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    sectionPath: d.sectionPath,
    ...(d.kind === 'missing' || d.kind === 'vague' || d.kind === 'delegated' ? {outcome: d.kind} : {}),
    ...(d.evidence ? {evidence: d.evidence} : {}),
    ...(d.docx ? {docx: d.docx} : {}),
  }))
  const coverage: ClauseCoverage[] = c.clauses.map((cl) => ({
    ruleId: cl.ruleId,
    outcome: cl.agreement.outcome,
    sectionPath: cl.agreement.sectionPath ?? [],
    line: cl.agreement.line ?? 1,
  }))
  return {filePath: c.filePath, messages, errorCount: c.errorCount, warningCount: c.warningCount, infoCount: c.infoCount, coverage}
}

/** Rule meta for the reporters that list rules (SARIF, JUnit): the compared clauses, with the comparison's message ids. */
export function comparisonRuleMetas(c: Comparison, descriptions: ReadonlyMap<string, string>): RuleMeta[] {
  return c.clauses.map((cl) => ({
    id: cl.ruleId,
    description: descriptions.get(cl.ruleId) ?? cl.ruleId,
    category: 'clause',
    severity: 'error',
    messages: KIND_LABEL,
  }))
}

/** The comparison as JSON: the lint result shape of the agreement, plus the template, the clause alignment and each difference in full. */
export function comparisonJson(c: Comparison): string {
  const result = toLintResult(c)
  return `${JSON.stringify(
    [
      {
        filePath: c.filePath,
        templatePath: c.templatePath,
        messages: c.differences.map((d, i) => ({
          ruleId: d.ruleId,
          severity: d.severity,
          message: d.message,
          kind: d.kind,
          line: d.line,
          column: d.column,
          endLine: d.endLine,
          endColumn: d.endColumn,
          sectionPath: d.sectionPath,
          ...(result.messages[i]!.outcome ? {outcome: result.messages[i]!.outcome} : {}),
          ...(d.facet ? {facet: d.facet} : {}),
          ...(d.templateValue ? {templateValue: d.templateValue} : {}),
          ...(d.agreementValue ? {agreementValue: d.agreementValue} : {}),
          ...(d.template ? {template: d.template} : {}),
          ...(d.diff ? {diff: d.diff} : {}),
          ...(d.docx ? {docx: d.docx} : {}),
        })),
        errorCount: c.errorCount,
        warningCount: c.warningCount,
        infoCount: c.infoCount,
        clauses: c.clauses.map((cl) => ({ruleId: cl.ruleId, template: cl.template, agreement: cl.agreement, differences: cl.differences.length})),
      },
    ],
    null,
    2,
  )}\n`
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - s.length))
}

/** The differences of a comparison, one line each, for a terminal. */
function differenceLines(c: Comparison, chalk: ChalkInstance): string[] {
  const colour: Record<Severity, (s: string) => string> = {error: chalk.red, warning: chalk.yellow, info: chalk.blue}
  const lines: string[] = []
  const rows = c.differences.map((d) => ({where: d.docx ? paragraphLabel(d.docx) : `${d.line}:${d.column}`, kind: KIND_LABEL[d.kind], severity: d.severity, message: d.message, rule: d.ruleId}))
  const w = Math.max(0, ...rows.map((r) => r.where.length))
  const k = Math.max(0, ...rows.map((r) => r.kind.length))
  const m = Math.min(100, Math.max(0, ...rows.map((r) => r.message.length)))
  for (const r of rows) lines.push(`  ${chalk.dim(pad(r.where, w))}  ${colour[r.severity](pad(r.kind, k))}  ${pad(r.message, m)}  ${chalk.dim(r.rule)}`.trimEnd())
  if (!rows.length) lines.push(chalk.dim('  no differences'))
  return lines
}

/** The comparison for a terminal: one line per difference, then a summary. */
export function comparisonStylish(c: Comparison, chalk: ChalkInstance): string {
  const lines: string[] = [chalk.underline(c.filePath) + chalk.dim(` compared with ${c.templatePath}`), ...differenceLines(c, chalk)]
  lines.push('')
  const count = (kind: DifferenceKind): number => c.differences.filter((d) => d.kind === kind).length
  const parts = (['missing', 'weaker', 'beyondWalkAway', 'walkAway', 'fallback', 'delegated', 'vague', 'changed', 'stronger', 'reworded'] as const).filter((x) => count(x)).map((x) => `${count(x)} ${KIND_LABEL[x]}`)
  const same = c.clauses.filter((cl) => !cl.differences.length).length
  const summary = `${c.clauses.length} clause${c.clauses.length === 1 ? '' : 's'} of the template compared: ${same} the same${parts.length ? `, ${parts.join(', ')}` : ''}`
  const mark = c.errorCount ? chalk.red.bold('✖') : c.warningCount ? chalk.yellow.bold('⚠') : chalk.green.bold('✔')
  lines.push(`${mark} ${c.errorCount ? chalk.red.bold(summary) : c.warningCount ? chalk.yellow.bold(summary) : chalk.green(summary)}`)
  return `${lines.join('\n')}\n`
}

/** A redline for a terminal: per change author, what their edits did, then a summary. */
export function redlineStylish(r: Redline, chalk: ChalkInstance): string {
  const lines = [chalk.underline(r.filePath) + chalk.dim(`: tracked changes by ${r.authors.length} author${r.authors.length === 1 ? '' : 's'}, each author's compared with the document as it was before every change`)]
  for (const {author, comparison} of r.authors) lines.push(chalk.bold(`${author}`), ...differenceLines(comparison, chalk), '')
  if (!r.authors.length) lines.push(chalk.dim('  no tracked changes'), '')
  const all = r.authors.flatMap((a) => a.comparison.differences)
  const count = (kind: DifferenceKind): number => all.filter((d) => d.kind === kind).length
  const parts = (['missing', 'weaker', 'beyondWalkAway', 'walkAway', 'fallback', 'delegated', 'vague', 'changed', 'stronger', 'reworded'] as const).filter((x) => count(x)).map((x) => `${count(x)} ${KIND_LABEL[x]}`)
  const errors = all.filter((d) => d.severity === 'error').length
  const warnings = all.filter((d) => d.severity === 'warning').length
  const summary = `${r.authors.length} author${r.authors.length === 1 ? '' : 's'}' changes compared${parts.length ? `: ${parts.join(', ')}` : ': nothing changed in the clauses'}`
  const mark = errors ? chalk.red.bold('✖') : warnings ? chalk.yellow.bold('⚠') : chalk.green.bold('✔')
  lines.push(`${mark} ${errors ? chalk.red.bold(summary) : warnings ? chalk.yellow.bold(summary) : chalk.green(summary)}`)
  return `${lines.join('\n')}\n`
}

/** A redline as JSON: one entry per change author, in the comparison's JSON shape with `author`. */
export function redlineJson(r: Redline): string {
  const entries = r.authors.map(({author, comparison}) => ({author, ...(JSON.parse(comparisonJson(comparison)) as unknown[])[0] as object}))
  return `${JSON.stringify(entries, null, 2)}\n`
}

/** A redline as lint results for the other reporters: one per author, each message naming the author. */
export function redlineLintResults(r: Redline): LintResult[] {
  return r.authors.map(({author, comparison}) => {
    const result = toLintResult(comparison)
    return {...result, messages: result.messages.map((m) => ({...m, message: `${author}: ${m.message}`}))}
  })
}

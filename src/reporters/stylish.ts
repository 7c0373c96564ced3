// The default terminal reporter: grouped by file, aligned columns, section path, a summary with the clause tally.
import type {ChalkInstance} from 'chalk'
import type {LintResult, Severity} from '../types.js'
import {paragraphLabel} from '../docx/report.js'

export interface StylishOptions {
  readonly chalk: ChalkInstance
  /** Clause rules counted in the tally ("11 clauses checked"). */
  readonly clauseRuleIds?: ReadonlySet<string>
}

const LABEL: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'info'}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - s.length))
}

/** Format results as text for a terminal. */
export function stylish(results: readonly LintResult[], options: StylishOptions): string {
  return [...stylishChunks(results, options)].join('')
}

/** The stylish report piece by piece (one piece per file with messages, then the summary), for writing as it goes. */
export function* stylishChunks(results: readonly LintResult[], options: StylishOptions): Generator<string> {
  for (const result of results) {
    const chunk = stylishFile(result, options.chalk)
    if (chunk) yield chunk
  }
  yield `${stylishSummary(results, options)}\n`
}

/** One file's lines (with the blank line after them), or '' when it has no messages. */
function stylishFile(result: LintResult, chalk: ChalkInstance): string {
  if (!result.messages.length) return ''
  const colour: Record<Severity, (s: string) => string> = {error: chalk.red, warning: chalk.yellow, info: chalk.blue}
  const lines: string[] = []
  lines.push(chalk.underline(result.filePath))
  if (result.profile && result.profile.name !== 'msa') lines.push(chalk.dim(`  profile ${result.profile.name}: ${result.profile.reason}`))
  const rows = result.messages.map((m) => ({
    where: m.docx ? paragraphLabel(m.docx) : `${m.line}:${m.column}`,
    severity: m.severity,
    message: m.message,
    rule: m.ruleId,
    path: m.sectionPath.join(' › '),
  }))
  const w = Math.max(...rows.map((r) => r.where.length))
  const s = Math.max(...rows.map((r) => LABEL[r.severity].length))
  const msg = Math.min(100, Math.max(...rows.map((r) => r.message.length)))
  const rw = Math.max(...rows.map((r) => r.rule.length))
  for (const r of rows) {
    const rule = r.path ? pad(r.rule, rw) : r.rule
    lines.push(
      `  ${chalk.dim(pad(r.where, w))}  ${colour[r.severity](pad(LABEL[r.severity], s))}  ${pad(r.message, msg)}  ${chalk.dim(rule)}${r.path ? `  ${chalk.dim(r.path)}` : ''}`.trimEnd(),
    )
  }
  lines.push('')
  return `${lines.join('\n')}\n`
}

/** The summary line (no newline): counts, the clause tally, the number of files. */
export function stylishSummary(results: readonly LintResult[], options: StylishOptions): string {
  const {chalk} = options
  let errors = 0
  let warnings = 0
  let infos = 0
  const tally = {present: 0, vague: 0, missing: 0, delegated: 0}
  let clauses = 0
  for (const result of results) {
    errors += result.errorCount
    warnings += result.warningCount
    infos += result.infoCount
    for (const c of result.coverage) {
      clauses++
      tally[c.outcome]++
    }
  }
  const parts: string[] = []
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  parts.push(plural(errors, 'error'), plural(warnings, 'warning'))
  if (infos) parts.push(`${infos} info`)
  let summary = parts.join(', ')
  if (clauses) {
    const bits = [`${tally.present} present`, `${tally.vague} vague`, `${tally.missing} missing`]
    if (tally.delegated) bits.push(`${tally.delegated} delegated`)
    summary += ` (${plural(clauses, 'clause')} checked: ${bits.join(', ')})`
  }
  if (results.length > 1) summary += ` in ${plural(results.length, 'file')}`
  const mark = errors ? chalk.red.bold('✖') : warnings ? chalk.yellow.bold('⚠') : chalk.green.bold('✔')
  return `${mark} ${errors ? chalk.red.bold(summary) : warnings ? chalk.yellow.bold(summary) : chalk.green(summary)}`
}

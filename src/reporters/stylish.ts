// The default terminal reporter: grouped by file, aligned columns, section path, a summary with the clause tally.
import type {ChalkInstance} from 'chalk'
import {printable} from '../confine.js'
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
export function stylishFile(result: LintResult, chalk: ChalkInstance): string {
  if (!result.messages.length) return ''
  const colour: Record<Severity, (s: string) => string> = {error: chalk.red, warning: chalk.yellow, info: chalk.blue}
  const lines: string[] = []
  // text from the agreement (names, quotes, headings) is shown with control and bidi characters escaped: it can neither
  // start a line a CI runner reads as a command nor recolour, overwrite or reorder the terminal
  lines.push(chalk.underline(printable(result.filePath)))
  if (result.profile && result.profile.name !== 'msa') lines.push(chalk.dim(`  profile ${result.profile.name}: ${printable(result.profile.reason)}`))
  const rows = result.messages.map((m) => ({
    where: m.docx ? paragraphLabel(m.docx) : `${m.line}:${m.column}`,
    severity: m.severity,
    message: printable(m.message),
    rule: printable(m.ruleId),
    path: printable(m.sectionPath.join(' › ')),
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

/** What the summary line counts. */
export interface Totals {
  files: number
  errors: number
  warnings: number
  infos: number
  present: number
  vague: number
  missing: number
  delegated: number
  /** Files read under a profile that checks no clause (not recognised as an agreement): only the language rules ran. */
  unread: number
}

export const noTotals = (): Totals => ({files: 0, errors: 0, warnings: 0, infos: 0, present: 0, vague: 0, missing: 0, delegated: 0, unread: 0})

/** Add results to totals. */
export function addTotals(totals: Totals, results: readonly LintResult[]): Totals {
  for (const result of results) {
    totals.files++
    totals.errors += result.errorCount
    totals.warnings += result.warningCount
    totals.infos += result.infoCount
    for (const c of result.coverage) totals[c.outcome]++
    // detected, not chosen: a profile chosen by --profile or a config says why in those words (src/lint.ts)
    if (result.profile?.name === 'language' && !result.coverage.length && !/^(?:chosen with|set in) /.test(result.profile.reason)) totals.unread++
  }
  return totals
}

/** The summary line (no newline): counts, the clause tally, the number of files. */
export function stylishSummary(results: readonly LintResult[], options: StylishOptions): string {
  return summaryLine(addTotals(noTotals(), results), options.chalk)
}

/** The summary line of totals (no newline). */
export function summaryLine(totals: Totals, chalk: ChalkInstance): string {
  const {errors, warnings, infos} = totals
  const clauses = totals.present + totals.vague + totals.missing + totals.delegated
  const parts: string[] = []
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  parts.push(plural(errors, 'error'), plural(warnings, 'warning'))
  if (infos) parts.push(`${infos} info`)
  let summary = parts.join(', ')
  if (clauses) {
    const bits = [`${totals.present} present`, `${totals.vague} vague`, `${totals.missing} missing`]
    if (totals.delegated) bits.push(`${totals.delegated} delegated`)
    summary += ` (${plural(clauses, 'clause')} checked: ${bits.join(', ')})`
  }
  if (totals.files > 1) summary += ` in ${plural(totals.files, 'file')}`
  // a pass that checked no clause says so: a file not read as an agreement is not an agreement found complete
  if (totals.unread) {
    const which = totals.files === 1 ? 'the file was' : `${plural(totals.unread, 'file')} ${totals.unread === 1 ? 'was' : 'were'}`
    summary += `; ${which} not read as an agreement, so only the language rules ran (--profile msa checks ${totals.unread === 1 ? 'it' : 'them'} as one)`
  }
  const mark = errors ? chalk.red.bold('✖') : warnings ? chalk.yellow.bold('⚠') : chalk.green.bold('✔')
  return `${mark} ${errors ? chalk.red.bold(summary) : warnings ? chalk.yellow.bold(summary) : chalk.green(summary)}`
}

// The Markdown reporter: a clause checklist per agreement, for a pull-request comment or $GITHUB_STEP_SUMMARY.
import type {LintMessage, LintResult, Outcome} from '../types.js'
import {humanise, region, reportPath} from './common.js'
import {printable} from '../confine.js'

export interface MarkdownOptions {
  /** Paths are made relative to this directory. */
  readonly cwd?: string | undefined
}

export const MARK: Readonly<Record<Outcome, string>> = {present: '✓', vague: '~', missing: '✗', delegated: '→'}

/** Make text safe inside a table cell or heading: one line, Markdown and HTML syntax escaped. */
export function cell(text: string): string {
  return (
    printable(text.replace(/\s*[\r\n]+\s*/g, ' ').trim())
      .replace(/[\\|<>*_`[\]~&]/g, (c) => `\\${c}`)
      // "@octo-org/legal" or "@everyone" quoted from an agreement must not ping anyone when the report is posted as a
      // comment: a zero-width space after the @ stops GitHub and GitLab reading a mention
      .replace(/@(?=[\w-])/g, '@\u200b')
  )
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function counts(errors: number, warnings: number, infos: number): string {
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')]
  if (infos) parts.push(`${infos} info`)
  return `${errors ? '✖' : warnings ? '⚠' : '✔'} ${parts.join(', ')}`
}

function location(line: number, sectionPath: readonly string[]): string {
  return sectionPath.length ? `${cell(sectionPath.join(' › '))}, line ${line}` : `line ${line}`
}

function findingsTable(messages: readonly LintMessage[]): string[] {
  const rows = ['| Line | Severity | Rule | Finding | Section |', '| ---: | --- | --- | --- | --- |']
  for (const m of messages) {
    const r = region(m)
    rows.push(`| ${r.startLine}:${r.startColumn} | ${m.severity} | \`${m.ruleId}\` | ${cell(m.message)} | ${cell(m.sectionPath.join(' › '))} |`)
  }
  return rows
}

function agreement(result: LintResult, cwd: string | undefined): string[] {
  const out = [`### ${cell(reportPath(result.filePath, cwd))}`, '']
  if (result.fatal) {
    out.push(`⚠ Could not be linted: ${cell(result.messages[0]?.message ?? 'unreadable')}`, '')
    return out
  }
  let summary = counts(result.errorCount, result.warningCount, result.infoCount)
  if (result.coverage.length) {
    const tally = {present: 0, vague: 0, missing: 0, delegated: 0}
    for (const c of result.coverage) tally[c.outcome]++
    const bits = [`${tally.present} present`, `${tally.vague} vague`, `${tally.missing} missing`]
    if (tally.delegated) bits.push(`${tally.delegated} delegated`)
    summary += ` · ${plural(result.coverage.length, 'clause')}: ${bits.join(', ')}`
  }
  out.push(summary, '')
  const clauseIds = new Set(result.coverage.map((c) => c.ruleId))
  if (result.coverage.length) {
    out.push('| | Clause | Outcome | Where | Note |', '| :-: | --- | --- | --- | --- |')
    for (const c of result.coverage) {
      const notes = result.messages.filter((m) => m.ruleId === c.ruleId)
      // A missing clause has no place of its own; its message says where it belongs.
      const where = c.outcome === 'missing' ? '—' : location(c.line, c.sectionPath)
      const note = notes.length ? notes.map((m) => cell(m.message)).join('<br>') : c.evidence ? `“${cell(c.evidence)}”` : ''
      out.push(`| ${MARK[c.outcome]} | ${cell(humanise(c.ruleId))} (\`${c.ruleId}\`) | ${c.outcome} | ${where} | ${note} |`)
    }
    out.push('')
  }
  const others = result.messages.filter((m) => !clauseIds.has(m.ruleId))
  if (others.length) {
    out.push(result.coverage.length ? '**Other findings**' : '**Findings**', '', ...findingsTable(others), '')
  } else if (!result.coverage.length) {
    out.push('No findings.', '')
  }
  return out
}

/** Format results as Markdown: a summary, then per agreement a clause checklist and the other findings. */
export function markdown(results: readonly LintResult[], options: MarkdownOptions = {}): string {
  const errors = results.reduce((n, r) => n + r.errorCount, 0)
  const warnings = results.reduce((n, r) => n + r.warningCount, 0)
  const infos = results.reduce((n, r) => n + r.infoCount, 0)
  const out = ['## clauselint', '', `**${counts(errors, warnings, infos)}** in ${plural(results.length, 'agreement')}`, '']
  if (results.length) out.push('✓ present · ~ vague · ✗ missing · → delegated to another document', '')
  for (const result of results) out.push(...agreement(result, options.cwd))
  return `${out.join('\n').trimEnd()}\n`
}

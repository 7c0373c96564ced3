// The checklist reporter: one agreement's clauses with a completeness score, or a matrix of several, worst first.
import type {ChalkInstance} from 'chalk'
import {groupOf, type ClauseGroup, type RuleMeta} from '../rule.js'
import type {ClauseCoverage, LintResult, Outcome} from '../types.js'
import {reportPath} from './common.js'
import {MARK} from './markdown.js'
import {printable} from '../confine.js'

export interface ChecklistOptions {
  readonly chalk: ChalkInstance
  /** Clause rules that ran: the matrix columns (with `rules`, and any rule id found in coverage). */
  readonly clauseRuleIds?: ReadonlySet<string> | undefined
  /** Meta of the rules that ran; gives the column order, and each clause rule's group. */
  readonly rules?: readonly RuleMeta[] | undefined
  /** Meta of other rules whose ids may appear in the results (the built-in ones): their groups. */
  readonly knownRules?: readonly RuleMeta[] | undefined
  /** Paths are made relative to this directory. */
  readonly cwd?: string | undefined
}

/** Shown in a cell whose clause rule did not run for that agreement (another profile, or turned off). */
export const NOT_CHECKED = '·'

export const OUTCOMES: readonly Outcome[] = ['present', 'vague', 'missing', 'delegated']

export const OUTCOME_LEGEND: Readonly<Record<Outcome, string>> = {
  present: 'present',
  vague: 'vague (counts half)',
  missing: 'missing',
  delegated: 'delegated to another document (counts as present)',
}

/** Three-letter column labels for the built-in clause rules. */
const LABELS: Readonly<Record<string, string>> = {
  'after-hours-support': 'AfH',
  'backup-frequency': 'Bak',
  'customer-requirements': 'Cus',
  'excluded-services': 'Exc',
  'failure-responsibility': 'Fai',
  'performance-targets': 'Prf',
  'priority-levels': 'Pri',
  'resolution-times': 'Rsl',
  'response-times': 'Rsp',
  'scope-of-services': 'Scp',
  'service-hours': 'Hrs',
  'downtime-definition': 'Dwn',
  'service-credits': 'Crd',
  'maintenance-windows': 'Mnt',
  parties: 'Par',
  'fees-and-payment': 'Fee',
  'term-and-termination': 'Trm',
  'limitation-of-liability': 'Lia',
  indemnification: 'Ind',
  confidentiality: 'Cnf',
  'data-protection': 'DPr',
  'governing-law': 'Law',
  notices: 'Ntc',
  definitions: 'Def',
}

export interface ClauseColumn {
  readonly ruleId: string
  /** A short, unique label for a column header; the legend spells it out. */
  readonly label: string
  /** The group it is shown in: the operational checklist, service levels, the commercial core, or other clauses. */
  readonly group: ClauseGroup
}

/** The groups of some columns, in report order, each with its columns (only groups that have one). */
export function columnGroups(columns: readonly ClauseColumn[]): Array<{group: ClauseGroup; columns: ClauseColumn[]}> {
  const groups = new Map<string, {group: ClauseGroup; columns: ClauseColumn[]}>()
  for (const c of columns) {
    const g = groups.get(c.group.id)
    if (g) g.columns.push(c)
    else groups.set(c.group.id, {group: c.group, columns: [c]})
  }
  return [...groups.values()].sort((a, b) => a.group.order - b.group.order)
}

/** The metas a report knows: the rules that ran, then the other known ones. */
export function reportMetas(options: {readonly rules?: readonly RuleMeta[] | undefined; readonly knownRules?: readonly RuleMeta[] | undefined}): RuleMeta[] {
  return [...(options.rules ?? []), ...(options.knownRules ?? [])]
}

/**
 * The clause rules to show as columns: those that ran (in the order of `rules`, then of `clauseRuleIds`), then
 * any other rule id found in coverage (a custom clause rule), each with a short label unique among them.
 */
export function clauseColumns(results: readonly LintResult[], options: Pick<ChecklistOptions, 'clauseRuleIds' | 'rules' | 'knownRules'>): ClauseColumn[] {
  const metas = reportMetas(options)
  const ids: string[] = []
  const add = (id: string): void => {
    if (!ids.includes(id)) ids.push(id)
  }
  for (const meta of options.rules ?? []) if (meta.category === 'clause' && (!options.clauseRuleIds || options.clauseRuleIds.has(meta.id))) add(meta.id)
  for (const id of options.clauseRuleIds ?? []) add(id)
  for (const result of results) for (const c of result.coverage) add(c.ruleId)
  const used = new Set<string>()
  const columns = ids.map((ruleId) => {
    let label = LABELS[ruleId] ?? fallbackLabel(ruleId)
    for (let n = 2; used.has(label); n++) label = `${label.slice(0, 2)}${n}`
    used.add(label)
    return {ruleId, label, group: groupOf(ruleId, metas)}
  })
  // each group's columns together, the operational checklist first (a stable sort keeps the order within a group)
  return columns.sort((a, b) => a.group.order - b.group.order)
}

/** "my-custom-clause" → "MCC"; a one-word id → its first three letters, capitalised. */
function fallbackLabel(ruleId: string): string {
  const words = ruleId.split(/[^A-Za-z0-9]+/).filter(Boolean)
  if (!words.length) return 'Cl'
  if (words.length === 1) return words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1, 3)
  return words
    .map((w) => w.charAt(0).toUpperCase())
    .join('')
    .slice(0, 3)
}

export interface Tally {
  present: number
  vague: number
  missing: number
  delegated: number
  /** Clause rules that ran for the agreement. */
  checked: number
}

export function tally(coverage: readonly ClauseCoverage[]): Tally {
  const t: Tally = {present: 0, vague: 0, missing: 0, delegated: 0, checked: coverage.length}
  for (const c of coverage) t[c.outcome]++
  return t
}

/**
 * Completeness from 0 to 1: (present + delegated + vague ÷ 2) ÷ clauses checked. A delegated clause counts as
 * present (the agreement does point to where the value is set) but is shown as delegated. Undefined when no
 * clause rule ran (a file that could not be read, or an agreement under a profile without clause rules).
 */
export function completeness(t: Tally): number | undefined {
  if (!t.checked) return undefined
  return (t.present + t.delegated + t.vague / 2) / t.checked
}

/** 0.4545 → "45%"; never rounds up to 100% unless complete. */
export function percent(score: number): string {
  const p = Math.round(score * 100)
  return `${p === 100 && score < 1 ? 99 : p}%`
}

export interface Ranked {
  readonly result: LintResult
  readonly tally: Tally
  readonly score: number | undefined
}

/**
 * Results worst first: files that could not be linted, then by completeness (lowest first), more missing
 * clauses, more vague, more errors, more warnings, then by path; agreements with no clause checked come last.
 */
export function worstFirst(results: readonly LintResult[]): Ranked[] {
  const ranked = results.map((result): Ranked => {
    const t = tally(result.coverage)
    return {result, tally: t, score: result.fatal ? undefined : completeness(t)}
  })
  const group = (r: Ranked): number => (r.result.fatal ? 0 : r.score === undefined ? 2 : 1)
  return ranked.sort(
    (a, b) =>
      group(a) - group(b) ||
      (a.score ?? 0) - (b.score ?? 0) ||
      b.tally.missing - a.tally.missing ||
      b.tally.vague - a.tally.vague ||
      b.result.errorCount - a.result.errorCount ||
      b.result.warningCount - a.result.warningCount ||
      (a.result.filePath < b.result.filePath ? -1 : a.result.filePath > b.result.filePath ? 1 : 0),
  )
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length))
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - [...s].length)) + s
}

function centre(s: string, width: number): string {
  const room = Math.max(0, width - [...s].length)
  return ' '.repeat(Math.floor(room / 2)) + s + ' '.repeat(Math.ceil(room / 2))
}

/** Join legend entries two spaces apart, in lines of at most 80 visible characters. */
function wrap(entries: ReadonlyArray<{text: string; shown: string}>): string[] {
  const lines: string[] = []
  let line = ''
  let width = 0
  for (const e of entries) {
    const w = [...e.text].length
    if (width && width + 2 + w > 80) {
      lines.push(line)
      line = ''
      width = 0
    }
    line += width ? `  ${e.shown}` : e.shown
    width += (width ? 2 : 0) + w
  }
  if (width) lines.push(line)
  return lines
}

/** "✓ present  ~ vague (counts half)  …": the symbols carry the meaning, colour only repeats it. */
function legend(paint: Readonly<Record<Outcome, (s: string) => string>>, withNotChecked: boolean): string[] {
  const entries = OUTCOMES.map((o) => ({text: `${MARK[o]} ${OUTCOME_LEGEND[o]}`, shown: `${paint[o](MARK[o])} ${OUTCOME_LEGEND[o]}`}))
  if (withNotChecked) entries.push({text: `${NOT_CHECKED} not checked`, shown: `${NOT_CHECKED} not checked`})
  return wrap(entries)
}

function tallyText(t: Tally): string {
  const bits = [`${t.present} present`, `${t.vague} vague`, `${t.missing} missing`]
  if (t.delegated) bits.push(`${t.delegated} delegated`)
  return `${bits.join(', ')} of ${plural(t.checked, 'clause')}`
}

function scorePaint(chalk: ChalkInstance, score: number): ChalkInstance {
  return score >= 0.9 ? chalk.green : score >= 0.6 ? chalk.yellow : chalk.red
}

function painters(chalk: ChalkInstance): Record<Outcome, (s: string) => string> {
  return {present: chalk.green, vague: chalk.yellow, missing: chalk.red.bold, delegated: chalk.cyan}
}

/** How a playbook tier reads in the tier column. */
const TIER_LABEL: Readonly<Record<string, string>> = {preferred: 'preferred', fallback: 'fallback', walkAway: 'walk-away', beyond: 'beyond walk-away'}

/** One agreement: its clauses, one a line, with the outcome, a playbook tier (when config states one), where it was found and the score. */
function single(ranked: Ranked, columns: readonly ClauseColumn[], options: ChecklistOptions): string[] {
  const {chalk} = options
  const {result, tally: t, score} = ranked
  const paint = painters(chalk)
  const out = [chalk.underline(printable(reportPath(result.filePath, options.cwd)))]
  if (result.fatal) {
    out.push(`  could not be linted: ${printable(result.messages[0]?.message ?? 'unreadable')}`)
    return out
  }
  if (score === undefined) {
    const why = result.profile ? ` (profile ${result.profile.name}: ${result.profile.reason})` : ''
    out.push(`  no clause rule ran for this agreement${why}`)
  } else {
    out.push(`Completeness ${scorePaint(chalk, score).bold(percent(score))}: ${tallyText(t)}`, '')
    const byRule = new Map(result.coverage.map((c) => [c.ruleId, c]))
    const order = [...columns.map((c) => c.ruleId).filter((id) => byRule.has(id)), ...result.coverage.map((c) => c.ruleId).filter((id) => !columns.some((c) => c.ruleId === id))]
    const rows = order.map((id) => {
      const c = byRule.get(id)!
      const where = printable(c.sectionPath.join(' › '))
      return {
        outcome: c.outcome,
        rule: id,
        line: `line ${c.line}`,
        // A missing clause was not found anywhere; its line is where it should be added.
        where: c.outcome === 'missing' ? (where ? `add under ${where}` : 'add it') : where,
        // with a playbook: the worst tier the clause's values land in
        tier: c.tier === undefined ? '' : TIER_LABEL[c.tier] ?? c.tier,
      }
    })
    const rw = Math.max(...rows.map((r) => r.rule.length))
    const ow = Math.max(...rows.map((r) => r.outcome.length))
    const lw = Math.max(...rows.map((r) => r.line.length))
    // with clauses of more than one group (msa: the operational checklist, then the commercial core), a title each
    const groupOfRow = (id: string): ClauseGroup => columns.find((c) => c.ruleId === id)?.group ?? groupOf(id, reportMetas(options))
    const titled = new Set(rows.map((r) => groupOfRow(r.rule).id)).size > 1
    let current: ClauseGroup | undefined
    const tw = Math.max(...rows.map((r) => r.tier.length))
    for (const r of rows) {
      const group = groupOfRow(r.rule)
      if (titled && group.id !== current?.id) {
        const inGroup = tally(result.coverage.filter((c) => groupOfRow(c.ruleId).id === group.id))
        const score = completeness(inGroup)
        out.push(`${current ? '\n' : ''}${chalk.bold(group.title)}${score === undefined ? '' : chalk.dim(` (${percent(score)}: ${tallyText(inGroup)})`)}`)
        current = group
      }
      const where = r.outcome === 'missing' ? chalk.dim(r.where) : r.where
      const tier = tw ? `${(r.tier === 'beyond walk-away' ? chalk.red : r.tier && r.tier !== 'preferred' ? chalk.yellow : (x: string) => x)(pad(r.tier, tw))}  ` : ''
      out.push(`  ${paint[r.outcome](MARK[r.outcome])}  ${pad(r.rule, rw)}  ${paint[r.outcome](pad(r.outcome, ow))}  ${tier}${chalk.dim(pad(r.line, lw))}  ${where}`.trimEnd())
    }
    out.push('', ...legend(paint, false))
  }
  const clauseIds = new Set(result.coverage.map((c) => c.ruleId))
  const others = result.messages.filter((m) => !clauseIds.has(m.ruleId))
  if (others.length) {
    const errors = others.filter((m) => m.severity === 'error').length
    const warnings = others.filter((m) => m.severity === 'warning').length
    const infos = others.length - errors - warnings
    const bits = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), infos && `${infos} info`].filter(Boolean)
    out.push(chalk.dim(`${plural(others.length, 'other finding')} (${bits.join(', ')}): see --format stylish`))
  }
  out.push(...silenced(result, chalk))
  return out
}

/** Findings silenced by a comment or held by a baseline, each with its reason: the audit trail. */
function silenced(result: LintResult, chalk: ChalkInstance): string[] {
  const list = result.suppressed ?? []
  if (!list.length) return []
  const suppressed = list.filter((m) => m.suppression.kind === 'directive').length
  const baselined = list.length - suppressed
  const head = [suppressed && `${plural(suppressed, 'finding')} suppressed`, baselined && `${plural(baselined, 'finding')} baselined`].filter(Boolean).join(', ')
  const rows = list.map((m) => ({kind: m.suppression.kind === 'baseline' ? 'baselined' : 'suppressed', rule: m.ruleId, line: `line ${m.line}`, why: m.suppression.justification ?? 'no reason given'}))
  const kw = Math.max(...rows.map((r) => r.kind.length))
  const rw = Math.max(...rows.map((r) => r.rule.length))
  const lw = Math.max(...rows.map((r) => r.line.length))
  return ['', `${head}:`, ...rows.map((r) => `  ${pad(r.kind, kw)}  ${pad(r.rule, rw)}  ${chalk.dim(pad(r.line, lw))}  ${r.why}`)]
}

/** Several agreements: a row each, worst first, a column per clause, then the legends and a summary. */
function matrix(ranked: readonly Ranked[], columns: readonly ClauseColumn[], options: ChecklistOptions): string[] {
  const {chalk} = options
  const paint = painters(chalk)
  const out = [chalk.bold(`Clause coverage of ${plural(ranked.length, 'agreement')}, worst first`), '']
  const widths = columns.map((c) => Math.max(1, [...c.label].length))
  const groups = columnGroups(columns)
  if (groups.length > 1) {
    // the group titles above their columns, each cut to the width of its columns
    let line = ' '.repeat('Score  '.length)
    let at = 0
    for (const g of groups) {
      const width = g.columns.reduce((n, c) => n + widths[columns.indexOf(c)]! + 1, 0) - 1
      const from = columns.indexOf(g.columns[0]!)
      const start = widths.slice(0, from).reduce((n, w) => n + w + 1, 0)
      line += ' '.repeat(Math.max(0, start - at)) + pad(g.group.title.slice(0, width), width)
      at = start + width
    }
    out.push(chalk.bold(line.trimEnd()))
  }
  out.push(chalk.bold(`Score  ${columns.map((c, i) => centre(c.label, widths[i]!)).join(' ')}  Agreement`))
  let notChecked = false
  for (const {result, score} of ranked) {
    const file = printable(reportPath(result.filePath, options.cwd))
    const byRule = new Map(result.coverage.map((c) => [c.ruleId, c.outcome]))
    const cells = columns.map((c, i) => {
      if (result.fatal) return ' '.repeat(widths[i]!)
      const outcome = byRule.get(c.ruleId)
      if (!outcome) {
        notChecked = true
        return chalk.dim(centre(NOT_CHECKED, widths[i]!))
      }
      return paint[outcome](centre(MARK[outcome], widths[i]!))
    })
    const scoreText = score === undefined ? chalk.dim(padStart('—', 5)) : scorePaint(chalk, score)(padStart(percent(score), 5))
    const note = result.fatal
      ? chalk.red(`  could not be linted: ${printable(result.messages[0]?.message ?? 'unreadable')}`)
      : score === undefined && result.profile
        ? chalk.dim(`  (profile ${result.profile.name})`)
        : ''
    out.push(`${scoreText}  ${cells.join(' ')}  ${file}${note}`.trimEnd())
  }
  out.push('', ...legend(paint, notChecked))
  out.push(...wrap(columns.map((c) => ({text: `${c.label} ${c.ruleId}`, shown: `${chalk.bold(c.label)} ${c.ruleId}`}))))
  const scores = ranked.map((r) => r.score).filter((s): s is number => s !== undefined)
  if (scores.length) {
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length
    const complete = scores.filter((s) => s === 1).length
    out.push('', `Mean completeness ${scorePaint(chalk, mean).bold(percent(mean))}; ${complete} of ${plural(scores.length, 'agreement')} complete`)
  }
  const all = ranked.flatMap((r) => r.result.suppressed ?? [])
  if (all.length) {
    const baselined = all.filter((m) => m.suppression.kind === 'baseline').length
    const bits = [all.length - baselined && `${plural(all.length - baselined, 'finding')} suppressed`, baselined && `${plural(baselined, 'finding')} baselined`].filter(Boolean)
    out.push(chalk.dim(`${bits.join(', ')}: lint one agreement, or see --format json, for each with its reason`))
  }
  return out
}

/**
 * Format results as a clause checklist for a terminal. One agreement: each clause rule with ✓ present, ~ vague,
 * ✗ missing or → delegated, where it was found (section path and line) and the completeness score. Several: a
 * matrix of agreements (rows, worst first) by clauses (columns with short labels and a legend).
 */
export function checklist(results: readonly LintResult[], options: ChecklistOptions): string {
  if (!results.length) return 'No agreements linted\n'
  const columns = clauseColumns(results, options)
  const ranked = worstFirst(results)
  const lines = ranked.length === 1 ? single(ranked[0]!, columns, options) : matrix(ranked, columns, options)
  return `${lines.join('\n')}\n`
}

// Runs rules over one parsed Document and turns their reports into sorted, stamped messages.
import {rangePosition} from './document.js'
import {read, type TextCache} from './reading/index.js'
import {clauseOrder, type AnyRule, type CoverWhere, type Report, type RuleContext} from './rule.js'
import type {ClauseCoverage, Document, LintMessage, LintResult, Position, Severity, SeveritySetting} from './types.js'

export interface RunOptions {
  readonly rules: readonly AnyRule[]
  /** Severity per rule id; rules not listed use their default. `off` skips the rule. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>
  /** Options per rule id, already validated (see src/config.ts); merged over each rule's `meta.options.defaults`. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  /** Answers per text kept across the documents of a run (see TextCache); without it, nothing outlives this document. */
  readonly textCache?: TextCache
}

const RANK: Record<Severity, number> = {error: 2, warning: 1, info: 0}

/** Render a message template: `{name}` slots from data. */
export function render(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  // only the data's own keys: "{constructor}" or "{toString}" in a message stays as written
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (data && Object.hasOwn(data, key) ? String(data[key]) : all))
}

/** Run rules on a document. A crashing rule becomes one error message for that rule; the rest still run. */
export function runRules(doc: Document, options: RunOptions): LintResult {
  const messages: LintMessage[] = []
  const coverage: ClauseCoverage[] = []
  // the reading stage: once per document, shared by every rule
  const reading = read(doc, options.textCache)
  // a rule (a JavaScript custom rule) may not end the process: process.exit() inside it fails that rule instead. Put in
  // place once for the document's rules, not once per rule (two stores into the process object per rule and file)
  const exit = process.exit
  process.exit = RULE_EXIT
  try {
    for (const rule of options.rules) runRule(rule)
  } finally {
    process.exit = exit
  }
  sortMessages(messages, clauseOrder(options.rules.map((r) => r.meta)))
  return summarise(doc.filePath, messages, coverage)

  function runRule(rule: AnyRule): void {
    const setting = options.severities?.[rule.meta.id] ?? rule.meta.severity
    if (setting === 'off') return
    const configured: Severity = setting
    const context: RuleContext = {
      doc,
      reading,
      options: ruleOptions(rule, options.options?.[rule.meta.id]),
      report(report: Report) {
        messages.push(toMessage(doc, rule, report, configured))
      },
      cover(outcome: ClauseCoverage['outcome'], where: CoverWhere) {
        const position = where.block ? rangePosition(doc, where.block, where.start ?? 0, where.start ?? 0) : where.section?.headingPosition
        coverage.push({
          ruleId: rule.meta.id,
          outcome,
          sectionPath: where.block?.section.path ?? where.section?.path ?? [],
          line: position?.start.line ?? 1,
          ...(where.evidence ? {evidence: where.evidence} : {}),
          ...(where.tier ? {tier: where.tier} : {}),
          ...(where.tiers?.length ? {tiers: where.tiers} : {}),
        })
      },
    }
    try {
      rule.check(context)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      messages.push({
        ruleId: rule.meta.id,
        severity: 'error',
        message: `Rule failed on this file: ${reason.split('\n')[0]}`,
        messageId: 'ruleCrash',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        sectionPath: [],
      })
    }
  }
}

/** process.exit while rules run: ending the run from a rule fails that rule (see runRules). */
const RULE_EXIT = ((code?: number | string | null) => {
  throw new Error(`the rule called process.exit(${code ?? ''}); a rule may not end the run`)
}) as typeof process.exit

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({})

/** A rule's options: `given` merged over the rule's defaults (objects merge key by key, arrays and scalars replace). */
export function ruleOptions(rule: AnyRule, given: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> {
  const defaults = rule.meta.options?.defaults
  if (!given && !defaults) return NO_OPTIONS
  return Object.freeze(mergeOptions(defaults ?? {}, given ?? {}))
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Merge `over` onto `base`: plain objects merge recursively, everything else (arrays too) replaces. */
export function mergeOptions(base: Readonly<Record<string, unknown>>, over: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {...base}
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key]
    out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeOptions(prev, value) : value
  }
  return out
}

function toMessage(doc: Document, rule: AnyRule, report: Report, configured: Severity): LintMessage {
  const position = where(doc, report)
  const template = rule.meta.messages[report.messageId] ?? report.messageId
  // A rule may lower its severity (vague → warning) but never raise it above the configured one.
  const severity = report.severity && RANK[report.severity] < RANK[configured] ? report.severity : configured
  const sectionPath = report.block?.section.path ?? report.section?.path ?? []
  // a finding in another member of a document set points into that file
  const file = report.block?.file.path ?? (report.position ? undefined : report.section?.file.path)
  return {
    ruleId: rule.meta.id,
    severity,
    message: render(template, report.data),
    messageId: report.messageId,
    line: position.start.line,
    column: position.start.column,
    endLine: position.end.line,
    endColumn: position.end.column,
    sectionPath,
    ...(report.outcome ? {outcome: report.outcome} : {}),
    ...(report.policy ? {policy: true as const} : {}),
    ...(report.evidence ? {evidence: report.evidence} : {}),
    ...(file !== undefined && file !== doc.filePath ? {filePath: file} : {}),
  }
}

function where(doc: Document, report: Report): Position {
  if (report.position) return report.position
  if (report.block) {
    const start = report.start ?? 0
    const end = report.end ?? (report.start === undefined ? report.block.text.trimEnd().length : start)
    return rangePosition(doc, report.block, start, end)
  }
  if (report.section && report.section.kind !== 'root') return report.section.headingPosition
  const title = doc.title?.headingPosition
  if (title) return title
  const p = doc.positionAt(0)
  return {start: p, end: p}
}

/**
 * By position; at the same position, clause findings in checklist order (`order`: rule id → rank, see clauseOrder: the
 * operational checklist first, then service levels, then the commercial core), then the others by rule id.
 */
export function sortMessages(messages: LintMessage[], order: ReadonlyMap<string, number> = new Map()): void {
  const clauseRank = (id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER
  messages.sort(
    (a, b) => a.line - b.line || a.column - b.column || clauseRank(a.ruleId) - clauseRank(b.ruleId) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  )
}

export function summarise(filePath: string, messages: LintMessage[], coverage: ClauseCoverage[]): LintResult {
  let errorCount = 0
  let warningCount = 0
  let infoCount = 0
  for (const m of messages) {
    if (m.severity === 'error') errorCount++
    else if (m.severity === 'warning') warningCount++
    else infoCount++
  }
  return {filePath, messages, errorCount, warningCount, infoCount, coverage}
}

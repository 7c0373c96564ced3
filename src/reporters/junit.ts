// The JUnit XML reporter: one test suite per agreement, for CI systems that show test reports.
import type {RuleMeta} from '../rule.js'
import type {LintMessage, LintResult} from '../types.js'
import {humanise, RANK, region, reportPath} from './common.js'

export interface JunitOptions {
  /** Paths are made relative to this directory. */
  readonly cwd?: string | undefined
  /** Meta of the rules that ran: each gets a test case, passing when it found nothing. */
  readonly rules?: readonly RuleMeta[] | undefined
}

/**
 * Escape text for XML 1.0 content and attribute values. Characters XML cannot carry at all (control
 * characters other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF) become U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
}

/**
 * Text content: one line per item, each item's own line breaks as character references (the same text to an XML
 * reader), so no text from an agreement or a file name starts a line of its own when the report is printed to a CI
 * log (where a line such as `::error …` is a command).
 */
function escapeLines(items: readonly string[]): string {
  return items.map((item) => escapeXml(item).replace(/&#9;/g, '\t')).join('\n')
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('')
}

function describe(m: LintMessage): string {
  const r = region(m)
  const section = m.sectionPath.join(' › ')
  return `${r.startLine}:${r.startColumn} ${m.severity} ${m.message}${section ? ` (${section})` : ''} [${m.ruleId}]`
}

interface Case {
  readonly name: string
  readonly line?: number
  /** Errors and warnings: the case fails. */
  readonly failures: readonly LintMessage[]
  /** Info findings: the case passes and shows them. */
  readonly notes: readonly LintMessage[]
  /** What a clause rule decided, shown as the case's output. */
  readonly decided?: string
  readonly error?: string
}

function casesOf(result: LintResult, ruleIds: readonly string[]): Case[] {
  if (result.fatal) {
    return [{name: 'read', failures: [], notes: [], error: result.messages[0]?.message ?? 'File could not be linted'}]
  }
  const covered = new Map(result.coverage.map((c) => [c.ruleId, c]))
  const ids = [...ruleIds]
  for (const m of result.messages) if (!ids.includes(m.ruleId)) ids.push(m.ruleId)
  for (const c of result.coverage) if (!ids.includes(c.ruleId)) ids.push(c.ruleId)
  const cases: Case[] = []
  for (const id of ids) {
    const messages = result.messages.filter((m) => m.ruleId === id)
    const failing = messages.filter((m) => RANK[m.severity] > RANK.info)
    const notes = messages.filter((m) => m.severity === 'info')
    const coverage = covered.get(id)
    if (coverage) {
      // A clause rule: one case for the clause, whatever it decided.
      const where = coverage.sectionPath.length ? ` in ${coverage.sectionPath.join(' › ')}` : ''
      const evidence = coverage.evidence ? `: ${coverage.evidence}` : ''
      const decided = `${humanise(id)} clause ${coverage.outcome}${coverage.outcome === 'missing' ? '' : ` at line ${coverage.line}${where}${evidence}`}`
      cases.push({name: id, line: failing[0]?.line ?? notes[0]?.line ?? coverage.line, failures: failing, notes, decided})
    } else if (!messages.length) {
      cases.push({name: id, failures: [], notes: []})
    } else {
      for (const m of messages) {
        const r = region(m)
        cases.push({name: `${id} at ${r.startLine}:${r.startColumn}`, line: r.startLine, failures: m.severity === 'info' ? [] : [m], notes: m.severity === 'info' ? [m] : []})
      }
    }
  }
  return cases
}

/** Format results as JUnit XML: a suite per file, a case per clause rule (or rule with no findings) and per other finding. */
export function junit(results: readonly LintResult[], options: JunitOptions = {}): string {
  const ruleIds = options.rules?.map((r) => r.id) ?? []
  const suites = results.map((result) => ({file: reportPath(result.filePath, options.cwd), cases: casesOf(result, ruleIds)}))
  const count = (cases: readonly Case[]) => ({
    tests: cases.length,
    failures: cases.filter((c) => c.failures.length).length,
    errors: cases.filter((c) => c.error !== undefined).length,
  })
  const total = count(suites.flatMap((s) => s.cases))
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({name: 'clauselint', ...total})}>`]
  for (const suite of suites) {
    const n = count(suite.cases)
    out.push(`  <testsuite${attrs({name: suite.file, ...n, skipped: 0})}>`)
    for (const c of suite.cases) {
      const open = `    <testcase${attrs({name: c.name, classname: suite.file, file: suite.file, line: c.line})}`
      const output = [...(c.decided === undefined ? [] : [c.decided]), ...c.notes.map(describe)]
      if (!c.failures.length && !output.length && c.error === undefined) {
        out.push(`${open}/>`)
        continue
      }
      out.push(`${open}>`)
      if (c.error !== undefined) out.push(`      <error${attrs({type: 'fatal', message: c.error})}>${escapeLines([c.error])}</error>`)
      const first = [...c.failures].sort((a, b) => RANK[b.severity] - RANK[a.severity])[0]
      if (first) out.push(`      <failure${attrs({type: first.severity, message: first.message})}>${escapeLines(c.failures.map(describe))}</failure>`)
      if (output.length) out.push(`      <system-out>${escapeLines(output)}</system-out>`)
      out.push('    </testcase>')
    }
    out.push('  </testsuite>')
  }
  out.push('</testsuites>')
  return `${out.join('\n')}\n`
}

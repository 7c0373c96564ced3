// Scores clauselint against labelled agreements: per-rule confusion counts, precision/recall/F1, exact outcomes.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {lint} from '../src/index.js'
import type {LintResult, Outcome} from '../src/types.js'

export const CLAUSE_IDS = [
  'scope-of-services',
  'excluded-services',
  'service-hours',
  'after-hours-support',
  'response-times',
  'priority-levels',
  'resolution-times',
  'backup-frequency',
  'failure-responsibility',
  'customer-requirements',
  'performance-targets',
] as const

export const LANGUAGE_IDS = ['no-overpromising', 'no-vague-terms', 'no-placeholders'] as const

/** Integrity rules are scored per line too, like the language rules. */
export const INTEGRITY_IDS = ['no-undefined-terms', 'no-dangling-references', 'no-empty-sections', 'consistent-values'] as const

/** Every rule scored per flagged line. */
export const LINE_IDS = [...LANGUAGE_IDS, ...INTEGRITY_IDS] as const

export interface Label {
  readonly file: string
  readonly profile?: string
  readonly clauses: Readonly<Record<string, Outcome>>
  readonly evidence?: Readonly<Record<string, string>>
  readonly language?: ReadonlyArray<{line: number; rule: string; text: string}>
  readonly must_not_flag?: ReadonlyArray<{line: number; rule: string; text: string; why?: string}>
  /** The per-line rules this label set was written for (a set scores only the rules its reviewer labelled). */
  readonly lineRules?: readonly string[]
}

export interface LabelledFile {
  readonly label: Label
  readonly path: string
  readonly text: string
}

export interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
  exact: number
  total: number
}

export interface Disagreement {
  readonly file: string
  readonly ruleId: string
  readonly expected: string
  readonly actual: string
  readonly line: number
  readonly evidence: string
}

export interface Score {
  readonly clauses: Map<string, Counts>
  readonly language: Map<string, Counts>
  readonly disagreements: Disagreement[]
  readonly mustNotFlagHits: Disagreement[]
}

/** The project's own labelled agreements: fixtures/agreements/*.md with a .expected.json beside each. */
export function loadFixtures(dir: string): LabelledFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const md = path.join(dir, f.replace(/\.expected\.json$/, '.md'))
      const label = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Omit<Label, 'file'>
      return {label: {...label, file: path.basename(md)}, path: md, text: readFileSync(md, 'utf8')}
    })
}

/** The reviewer's labels for real agreements, when the corpus folder is present. */
export function loadCorpus(dir: string): LabelledFile[] {
  const labels = path.join(dir, 'labels.json')
  if (!existsSync(labels)) return []
  const list = JSON.parse(readFileSync(labels, 'utf8')) as Label[]
  return list
    .filter((l) => existsSync(path.join(dir, l.file)))
    // the reviewer labelled the clause outcomes and the three language rules, not the integrity rules
    .map((label) => ({label: {...label, lineRules: LANGUAGE_IDS}, path: path.join(dir, label.file), text: readFileSync(path.join(dir, label.file), 'utf8')}))
}

const empty = (): Counts => ({tp: 0, fp: 0, fn: 0, tn: 0, exact: 0, total: 0})
const isDefect = (o: string): boolean => o === 'vague' || o === 'missing'

/** The lint of a labelled file the scorer compares with its labels: the msa profile. */
export const lintLabelled = (f: LabelledFile): LintResult => lint(f.text, {filePath: f.label.file, profile: 'msa'})

/** Lint each labelled file with the msa profile (`lintFile`, which a caller that has the results already may give) and compare with its labels. */
export function score(files: readonly LabelledFile[], lintFile: (f: LabelledFile) => LintResult = lintLabelled): Score {
  const clauses = new Map<string, Counts>(CLAUSE_IDS.map((id) => [id, empty()]))
  const language = new Map<string, Counts>(LINE_IDS.map((id) => [id, empty()]))
  const disagreements: Disagreement[] = []
  const mustNotFlagHits: Disagreement[] = []
  for (const f of files) {
    const {label, text} = f
    const result: LintResult = lintFile(f)
    for (const id of CLAUSE_IDS) {
      const expected = label.clauses[id]
      if (!expected) continue
      const cov = result.coverage.find((c) => c.ruleId === id)
      const actual = cov?.outcome ?? 'present'
      const c = clauses.get(id)!
      c.total++
      if (actual === expected) c.exact++
      const e = isDefect(expected)
      const a = isDefect(actual)
      if (e && a) c.tp++
      else if (!e && a) c.fp++
      else if (e && !a) c.fn++
      else c.tn++
      if (actual !== expected) {
        disagreements.push({file: label.file, ruleId: id, expected, actual, line: cov?.line ?? 0, evidence: cov?.evidence ?? label.evidence?.[id] ?? ''})
      }
    }
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
    for (const id of label.lineRules ?? LINE_IDS) {
      const c = language.get(id)!
      const expectedLines = new Set((label.language ?? []).filter((l) => l.rule === id).map((l) => l.line))
      const actualLines = new Set(result.messages.filter((m) => m.ruleId === id).map((m) => m.line))
      for (const line of expectedLines) {
        c.total++
        if (actualLines.has(line)) {
          c.tp++
          c.exact++
        } else {
          c.fn++
          disagreements.push({file: label.file, ruleId: id, expected: 'flag', actual: 'not flagged', line, evidence: lines[line - 1]?.trim() ?? ''})
        }
      }
      for (const line of actualLines) {
        if (expectedLines.has(line)) continue
        c.fp++
        const m = result.messages.find((x) => x.ruleId === id && x.line === line)!
        const d = {file: label.file, ruleId: id, expected: 'no flag', actual: m.message, line, evidence: lines[line - 1]?.trim() ?? ''}
        disagreements.push(d)
        if ((label.must_not_flag ?? []).some((n) => n.rule === id && n.line === line)) mustNotFlagHits.push(d)
      }
    }
  }
  return {clauses, language, disagreements, mustNotFlagHits}
}

export function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d
}

/** Totals over a set of rules: precision and recall of defects, exact-outcome agreement. */
export function totals(map: Map<string, Counts>): Counts & {precision: number; recall: number; f1: number; agreement: number} {
  const t = empty()
  for (const c of map.values()) {
    t.tp += c.tp
    t.fp += c.fp
    t.fn += c.fn
    t.tn += c.tn
    t.exact += c.exact
    t.total += c.total
  }
  const precision = ratio(t.tp, t.tp + t.fp)
  const recall = ratio(t.tp, t.tp + t.fn)
  return {...t, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), agreement: ratio(t.exact, t.total)}
}

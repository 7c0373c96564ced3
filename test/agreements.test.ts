// End to end: the whole rule set on every labelled agreement of our own, against its expected outcomes.
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import {CLAUSE_IDS, loadFixtures, score, totals} from '../scripts/evaluate.js'

const files = loadFixtures(path.join(import.meta.dirname, '..', 'fixtures', 'agreements'))
const clauseIds = new Set<string>(CLAUSE_IDS)

describe('fixtures/agreements', () => {
  it('has at least 25 labelled agreements, each labelling all 11 clauses', () => {
    expect(files.length).toBeGreaterThanOrEqual(25)
    for (const f of files) expect(Object.keys(f.label.clauses).sort()).toEqual([...CLAUSE_IDS].sort())
  })

  it.each(files.map((f) => [f.label.file, f] as const))('%s lints with every rule and covers every clause', (_, f) => {
    const result = lint(f.text, {filePath: f.label.file})
    expect(result.messages.filter((m) => m.ruleId === 'fatal' || m.messageId === 'ruleCrash')).toEqual([])
    expect(result.coverage.map((c) => c.ruleId).sort()).toEqual([...CLAUSE_IDS].sort())
    for (const m of result.messages) {
      expect(m.line).toBeGreaterThanOrEqual(1)
      expect(m.endLine).toBeGreaterThanOrEqual(m.line)
    }
  })

  it('the complete sample agreements give no clause findings', () => {
    for (const name of ['sample-msa.md', 'a-complete-large.md']) {
      const f = files.find((x) => x.label.file === name)!
      const result = lint(f.text, {filePath: name})
      expect(result.messages.filter((m) => clauseIds.has(m.ruleId)), name).toEqual([])
    }
  })

  it('the complete sample agreement is clean', () => {
    const f = files.find((x) => x.label.file === 'sample-msa.md')!
    expect(lint(f.text).messages).toEqual([])
  })

  it('a headings-only skeleton gives a missing finding for each of the 11 clause rules', () => {
    const f = files.find((x) => x.label.file === 'a-skeleton.md')!
    const missing = lint(f.text).messages.filter((m) => m.outcome === 'missing')
    expect(missing.map((m) => m.ruleId).sort()).toEqual([...CLAUSE_IDS].sort())
  })

  it('agrees with the expected outcomes on at least 90% of clauses, with no false alarm on a must-not-flag line', () => {
    const s = score(files)
    const t = totals(s.clauses)
    expect(t.agreement).toBeGreaterThanOrEqual(0.9)
    expect(s.mustNotFlagHits).toEqual([])
  })
})

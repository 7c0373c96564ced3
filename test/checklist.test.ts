// The checklist reporter: one agreement's clause checklist with its score, and the matrix of several, worst first.
import path from 'node:path'
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {run} from '../src/cli.js'
import {lint} from '../src/lint.js'
import {checklist, clauseColumns, completeness, percent, tally, worstFirst} from '../src/reporters/checklist.js'
import {reporters} from '../src/reporters/index.js'
import type {ClauseCoverage, LintMessage, LintResult, Outcome} from '../src/types.js'
import {profileRules} from '../src/profiles.js'

const root = path.join(import.meta.dirname, '..')
const metas = rules.map((r) => r.meta)
// the columns of a run under auto: the msa clause rules
const clauseRuleIds = new Set(profileRules('msa').filter((r) => r.meta.category === 'clause').map((r) => r.meta.id))
const plain = new Chalk({level: 0})
const coloured = new Chalk({level: 1})
const ANSI = /\u001b\[[0-9;]*m/g

function cover(ruleId: string, outcome: Outcome, line: number, sectionPath: string[] = ['Acme MSA']): ClauseCoverage {
  return {ruleId, outcome, sectionPath, line}
}

function message(ruleId: string, severity: LintMessage['severity'], text: string, line: number): LintMessage {
  return {ruleId, severity, message: text, messageId: 'm', line, column: 1, endLine: line, endColumn: 2, sectionPath: []}
}

function result(filePath: string, coverage: ClauseCoverage[], messages: LintMessage[] = []): LintResult {
  const count = (s: string): number => messages.filter((m) => m.severity === s).length
  return {filePath, messages, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info'), coverage}
}

/** Every built-in clause rule with the same outcome, except the ones given. */
function all(outcome: Outcome, except: Record<string, Outcome> = {}): ClauseCoverage[] {
  return [...clauseRuleIds].sort().map((id, i) => cover(id, except[id] ?? outcome, 10 + i))
}

const acme = result(
  'contracts/acme.md',
  [
    cover('response-times', 'vague', 14, ['Acme MSA', 'Service Levels', 'Support']),
    cover('service-hours', 'delegated', 9, ['Acme MSA', 'Key Terms']),
    cover('backup-frequency', 'present', 30, ['Acme MSA', 'Backups']),
    cover('priority-levels', 'missing', 1, ['Acme MSA']),
  ],
  [
    message('priority-levels', 'error', 'Missing priority levels; define at least two levels', 1),
    message('service-hours', 'info', 'Service hours are set in the Order Form', 9),
    message('response-times', 'warning', 'Vague response time "We respond promptly"; state a time', 14),
    message('no-placeholders', 'warning', 'Unfilled placeholder "TBD"; replace it with the agreed value', 20),
  ],
)
const four = {clauseRuleIds: new Set(['backup-frequency', 'priority-levels', 'response-times', 'service-hours']), rules: metas}

describe('completeness', () => {
  it.each([
    ['all present', all('present'), 1],
    ['all delegated: counts as present', all('delegated'), 1],
    ['all vague: counts half', all('vague'), 0.5],
    ['all missing', all('missing'), 0],
    ['1 present, 1 vague, 1 missing, 1 delegated', acme.coverage, 2.5 / 4],
  ])('%s', (_, coverage, expected) => {
    expect(completeness(tally(coverage))).toBeCloseTo(expected, 10)
  })

  it('is undefined when no clause was checked', () => {
    expect(completeness(tally([]))).toBeUndefined()
  })

  it('never shows 100% for an incomplete agreement', () => {
    expect(percent(0.996)).toBe('99%')
    expect(percent(1)).toBe('100%')
    expect(percent(5.5 / 11)).toBe('50%')
    expect(percent(0)).toBe('0%')
  })
})

describe('checklist: one agreement', () => {
  it('lists each clause with its symbol, outcome, line and section, the score and the legend', () => {
    expect(checklist([acme], {chalk: plain, ...four})).toMatchInlineSnapshot(`
      "contracts/acme.md
      Completeness 63%: 1 present, 1 vague, 1 missing, 1 delegated of 4 clauses

        ✓  backup-frequency  present    line 30  Acme MSA › Backups
        ✗  priority-levels   missing    line 1   add under Acme MSA
        ~  response-times    vague      line 14  Acme MSA › Service Levels › Support
        →  service-hours     delegated  line 9   Acme MSA › Key Terms

      ✓ present  ~ vague (counts half)  ✗ missing
      → delegated to another document (counts as present)
      1 other finding (1 warning): see --format stylish
      "
    `)
  })

  it('says so for a file that could not be linted, and for one with no clause rule', () => {
    const fatal: LintResult = {...result('broken.md', [], [message('fatal', 'error', 'is not valid UTF-8 text', 1)]), fatal: true}
    expect(checklist([fatal], {chalk: plain})).toBe('broken.md\n  could not be linted: is not valid UTF-8 text\n')
    const nda: LintResult = {...result('nda.md', []), profile: {name: 'language', reason: 'title "Mutual NDA" names a non-disclosure agreement'}}
    expect(checklist([nda], {chalk: plain})).toBe('nda.md\n  no clause rule ran for this agreement (profile language: title "Mutual NDA" names a non-disclosure agreement)\n')
    expect(checklist([], {chalk: plain})).toBe('No agreements linted\n')
  })

  it('colours the symbols but never lets colour carry the meaning alone', () => {
    const text = checklist([acme], {chalk: coloured, ...four})
    expect(text).toMatch(ANSI)
    expect(text.replace(ANSI, '')).toBe(checklist([acme], {chalk: plain, ...four}))
  })
})

describe('checklist: several agreements', () => {
  const complete = result('contracts/complete.md', all('present'))
  const vague = result('contracts/vague.md', all('vague', {'priority-levels': 'missing', 'service-hours': 'delegated'}))
  const skeleton = result('contracts/skeleton.md', all('missing'))
  const nda: LintResult = {...result('contracts/nda.md', []), profile: {name: 'language', reason: 'non-disclosure agreement'}}
  const options = {chalk: plain, clauseRuleIds, rules: metas}

  it('is a matrix worst first, with short column labels, a legend and the mean score', () => {
    expect(checklist([complete, nda, vague, skeleton], options)).toMatchInlineSnapshot(`
      "Clause coverage of 4 agreements, worst first

             Operational checklist                       Commercial core
      Score  AfH Bak Cus Exc Fai Prf Pri Rsl Rsp Scp Hrs Cnf DPr Def Fee Law Ind Lia Ntc Par Trm  Agreement
         0%   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   ✗   contracts/skeleton.md
        50%   ~   ~   ~   ~   ~   ~   ✗   ~   ~   ~   →   ~   ~   ~   ~   ~   ~   ~   ~   ~   ~   contracts/vague.md
       100%   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   contracts/complete.md
          —   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   ·   contracts/nda.md  (profile language)

      ✓ present  ~ vague (counts half)  ✗ missing
      → delegated to another document (counts as present)  · not checked
      AfH after-hours-support  Bak backup-frequency  Cus customer-requirements
      Exc excluded-services  Fai failure-responsibility  Prf performance-targets
      Pri priority-levels  Rsl resolution-times  Rsp response-times
      Scp scope-of-services  Hrs service-hours  Cnf confidentiality
      DPr data-protection  Def definitions  Fee fees-and-payment  Law governing-law
      Ind indemnification  Lia limitation-of-liability  Ntc notices  Par parties
      Trm term-and-termination

      Mean completeness 50%; 1 of 3 agreements complete
      "
    `)
  })

  it('puts files that could not be linted first, and breaks score ties by missing, vague, errors and path', () => {
    const fatal: LintResult = {...result('zz-broken.md', [], [message('fatal', 'error', 'is empty', 1)]), fatal: true}
    const halfA = result('b.md', all('vague'))
    const halfB = result('a.md', all('vague'))
    const halfMissing = result('c.md', all('present', {'priority-levels': 'missing', 'service-hours': 'missing', 'response-times': 'missing'}))
    const order = worstFirst([complete, halfA, nda, halfB, fatal, skeleton, halfMissing]).map((r) => r.result.filePath)
    expect(order).toEqual(['zz-broken.md', 'contracts/skeleton.md', 'a.md', 'b.md', 'c.md', 'contracts/complete.md', 'contracts/nda.md'])
    const text = checklist([complete, fatal], options)
    // the score column, then a blank cell for each of the clause columns (3 wide, 1 apart), then the file
    expect(text).toContain(`    —  ${' '.repeat(4 * clauseRuleIds.size)} zz-broken.md  could not be linted: is empty`)
  })

  it('adds custom clause rules found in coverage as columns with unique labels', () => {
    const custom = result('x.md', [cover('response-times', 'present', 3), cover('data-retention', 'missing', 1), cover('data-residency', 'vague', 2)])
    const columns = clauseColumns([custom], {clauseRuleIds: new Set(['response-times']), rules: metas})
    expect(columns.map(({ruleId, label}) => ({ruleId, label}))).toEqual([
      {ruleId: 'response-times', label: 'Rsp'},
      {ruleId: 'data-retention', label: 'DR'},
      {ruleId: 'data-residency', label: 'DR2'},
    ])
    expect(columns.map((c) => c.group.title)).toEqual(['Operational checklist', 'Other clauses', 'Other clauses'])
    expect(checklist([custom, complete], {chalk: plain, clauseRuleIds: new Set(['response-times']), rules: metas})).toContain('DR data-retention  DR2 data-residency')
  })

  it('colours the matrix without changing its text', () => {
    const text = checklist([complete, vague, skeleton, nda], {...options, chalk: coloured})
    expect(text).toMatch(ANSI)
    expect(text.replace(ANSI, '')).toBe(checklist([complete, vague, skeleton, nda], options))
  })
})

describe('checklist: registry and CLI', () => {
  it('is registered, and the CLI prints the matrix of several agreements', async () => {
    expect(reporters['checklist']?.([acme], {chalk: plain, ...four})).toBe(checklist([acme], {chalk: plain, ...four}))
    const given = ['sample-msa.md', 'a-skeleton.md', 'b-delegated-order-form.md', 'a-vague-everything.md'].map((f) => `fixtures/agreements/${f}`)
    let stdout = ''
    const code = await run(['--format', 'checklist', '--no-color', ...given], {stdout: (t) => (stdout += t), stderr: () => {}, cwd: root, env: {}, isTTY: false})
    expect(code).toBe(1)
    const rows = stdout.split('\n').filter((l) => /^\s+(\d+%|—)\s/.test(l))
    const files = rows.map((l) => l.trim().split(/\s+/).at(-1))
    expect(files).toEqual(['fixtures/agreements/a-skeleton.md', 'fixtures/agreements/a-vague-everything.md', 'fixtures/agreements/b-delegated-order-form.md', 'fixtures/agreements/sample-msa.md'])
    // msa: the 11 operational clauses, then the 10 of the commercial core, each group titled above its columns
    expect(rows[0]).toMatch(/^ {3}0% {3}✗( {3}✗){20} {3}fixtures/)
    expect(stdout).toMatch(/^ {7}Operational checklist +Commercial core$/m)
    expect(stdout).toMatch(/^Score {2}Scp Exc Hrs AfH Rsp Pri Rsl Bak Fai Cus Prf Par Fee Trm Lia Ind Cnf DPr Law Ntc Def {2}Agreement$/m)
    // Worst first: the scores never decrease down the matrix.
    const scores = rows.map((l) => Number(/(\d+)%/.exec(l)?.[1]))
    expect(scores).toEqual([...scores].sort((a, b) => a - b))
    expect(stdout).toContain('Mean completeness 54%; 1 of 4 agreements complete')
  })

  it('the CLI prints the checklist of one agreement', async () => {
    let stdout = ''
    const code = await run(['--format', 'checklist', 'fixtures/agreements/sample-msa.md'], {stdout: (t) => (stdout += t), stderr: () => {}, cwd: root, env: {}, isTTY: false})
    expect(code).toBe(0)
    expect(stdout).toMatch(/^fixtures\/agreements\/sample-msa\.md\nCompleteness 100%: 21 present, 0 vague, 0 missing of 21 clauses\n/)
    expect(stdout.match(/^ {2}✓ {2}/gm)).toHaveLength(21)
    // the operational checklist first, then the commercial core, each under its title
    expect(stdout).toMatch(/^Operational checklist \(100%: 11 present, 0 vague, 0 missing of 11 clauses\)\n {2}✓ {2}scope-of-services/m)
    expect(stdout).toMatch(/\n\nCommercial core \(100%: 10 present, 0 vague, 0 missing of 10 clauses\)\n {2}✓ {2}parties/)
  })

  it('counts what the lint API decided', () => {
    const r = lint('# Managed Services Agreement\n\n## Support Hours\n\nSupport is available 08:00–18:00 Monday to Friday, UK time.\n', {filePath: 'tiny.md', profile: 'msa'})
    const text = checklist([r], {chalk: plain, clauseRuleIds, rules: metas})
    expect(text).toMatch(/^ {2}✓ {2}service-hours +present +line 5 +Managed Services Agreement › Support Hours$/m)
    expect(text).toContain(`of ${r.coverage.length} clauses`)
  })
})

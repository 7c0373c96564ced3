// Profiles as data (rules/data/profiles.json), and two whole agreements linted with their profiles.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {lint} from '../src/lint.js'
import {CLAUSE_GROUPS, clauseGroup, parseProfile, PROFILE_RULE_IDS, PROFILES, profileRules} from '../src/profiles.js'
import {CLAUSE_IDS, loadFixtures} from '../scripts/evaluate.js'
import {AGREEMENTS_DIR, sampleAgreements} from './tiers.js'

const ids = (list: readonly {meta: {id: string}}[]): string[] => list.map((r) => r.meta.id).sort()
const LANGUAGE = ['no-overpromising', 'no-placeholders', 'no-vague-terms']
const INTEGRITY = ['consistent-values', 'no-dangling-references', 'no-empty-sections', 'no-undefined-terms']
const OPERATIONAL = [...CLAUSE_IDS].sort()

describe('profiles', () => {
  it('are auto plus the profiles of rules/data/profiles.json', () => {
    expect(PROFILES).toEqual(['auto', 'msa', 'sla', 'agreement', 'language'])
  })

  it('name only registered rules, each once', () => {
    const known = new Set(rules.map((r) => r.meta.id))
    for (const [name, list] of Object.entries(PROFILE_RULE_IDS)) {
      expect(list.filter((id) => !known.has(id)), name).toEqual([])
      expect(new Set(list).size, name).toBe(list.length)
    }
  })

  it('language runs the language rules only; every other profile runs them and the integrity rules', () => {
    expect(ids(profileRules('language'))).toEqual(LANGUAGE)
    for (const name of ['msa', 'sla', 'agreement'] as const) {
      expect(ids(profileRules(name)), name).toEqual(expect.arrayContaining([...LANGUAGE, ...INTEGRITY]))
    }
  })

  it('msa runs the eleven operational clause rules first, then the commercial core of any agreement, and none of the sla ones', () => {
    const clauses = profileRules('msa')
      .filter((r) => r.meta.category === 'clause')
      .map((r) => r.meta.id)
    expect(clauses.slice(0, 11).sort()).toEqual(OPERATIONAL)
    expect(clauses.slice(11)).toEqual(ids(profileRules('agreement').filter((r) => r.meta.category === 'clause')).sort((a, b) => PROFILE_RULE_IDS.agreement.indexOf(a) - PROFILE_RULE_IDS.agreement.indexOf(b)))
    expect(clauses).not.toContain('service-credits')
    expect(ids(profileRules('auto'))).toEqual(ids(profileRules('msa')))
  })

  it('the clause groups of the reports hold every clause rule of msa, sla and agreement once, the operational checklist first', () => {
    expect(CLAUSE_GROUPS[0]!.title).toBe('Operational checklist')
    expect([...CLAUSE_GROUPS[0]!.rules].sort()).toEqual(OPERATIONAL)
    const grouped = CLAUSE_GROUPS.flatMap((g) => g.rules)
    expect(new Set(grouped).size).toBe(grouped.length)
    for (const name of ['msa', 'sla', 'agreement'] as const) {
      for (const r of profileRules(name).filter((x) => x.meta.category === 'clause')) expect(clauseGroup(r.meta.id).id, r.meta.id).not.toBe('other')
    }
  })

  it('profiles combine: names joined by + or , or a list, each rule once, in the order given', () => {
    expect(parseProfile('msa')).toEqual({profile: 'msa'})
    expect(parseProfile('msa+sla')).toEqual({profile: 'msa+sla'})
    expect(parseProfile('msa, sla')).toEqual({profile: 'msa+sla'})
    expect(parseProfile(['sla', 'agreement', 'sla'])).toEqual({profile: 'sla+agreement'})
    expect(parseProfile(['msa', 'auto'])).toEqual({error: expect.stringMatching(/^profile auto cannot be combined/)})
    expect(parseProfile('msa+nda')).toEqual({error: expect.stringMatching(/^unknown profile "nda"/)})
    expect(parseProfile([])).toEqual({error: expect.stringMatching(/^unknown profile/)})
    const both = profileRules('sla+agreement').map((r) => r.meta.id)
    expect(new Set(both).size).toBe(both.length)
    expect(both.slice(0, PROFILE_RULE_IDS.sla.length)).toEqual([...PROFILE_RULE_IDS.sla])
    expect(both).toEqual(expect.arrayContaining([...PROFILE_RULE_IDS.agreement]))
    expect(profileRules('msa+sla').map((r) => r.meta.id)).toContain('service-credits')
  })

  it('sla and agreement run their checklists of clause rules', () => {
    const clauses = (name: 'sla' | 'agreement'): string[] => ids(profileRules(name).filter((r) => r.meta.category === 'clause'))
    expect(clauses('sla')).toEqual(['downtime-definition', 'maintenance-windows', 'performance-targets', 'priority-levels', 'response-times', 'service-credits'])
    expect(clauses('agreement')).toEqual([
      'confidentiality',
      'data-protection',
      'definitions',
      'fees-and-payment',
      'governing-law',
      'indemnification',
      'limitation-of-liability',
      'notices',
      'parties',
      'term-and-termination',
    ])
  })
})

const read = (name: string): string => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'profiles', name), 'utf8')
const outcomes = (text: string, profile: 'sla' | 'agreement'): Record<string, string> =>
  Object.fromEntries(lint(text, {profile}).coverage.map((c) => [c.ruleId, c.outcome]))

describe('fixtures/profiles', () => {
  it('a short SLA is detected as sla; every clause is present but the service credit, which names no amount', () => {
    const text = read('sla-example.md')
    expect(lint(text, {filePath: 'sla-example.md'}).profile?.name).toBe('sla')
    expect(outcomes(text, 'sla')).toEqual({
      'downtime-definition': 'present',
      'maintenance-windows': 'present',
      'performance-targets': 'present',
      'priority-levels': 'present',
      'response-times': 'present',
      'service-credits': 'vague',
    })
    const messages = lint(text, {profile: 'sla'}).messages
    expect(messages.map((m) => `${m.ruleId} ${m.severity}`)).toEqual(['service-credits warning'])
  })

  it('a short mutual NDA is detected as agreement; it has no fees, indemnity or liability cap', () => {
    const text = read('nda-example.md')
    expect(lint(text, {filePath: 'nda-example.md'}).profile?.name).toBe('agreement')
    expect(outcomes(text, 'agreement')).toEqual({
      confidentiality: 'present',
      'data-protection': 'present',
      definitions: 'present',
      'fees-and-payment': 'missing',
      'governing-law': 'present',
      indemnification: 'missing',
      'limitation-of-liability': 'missing',
      notices: 'present',
      parties: 'present',
      'term-and-termination': 'present',
    })
    const messages = lint(text, {profile: 'agreement'}).messages
    expect(messages.map((m) => `${m.ruleId} ${m.severity}`).sort()).toEqual(['fees-and-payment error', 'indemnification error', 'limitation-of-liability error'])
  })
})

describe('msa with the commercial core', () => {
  it('an MSA complete in its operations but with no commercial terms: the 11 operational clauses present, the commercial ones missing, errors after them', () => {
    const text = read('msa-no-commercial.md')
    const result = lint(text, {filePath: 'msa-no-commercial.md'})
    expect(result.profile?.name).toBe('msa')
    const outcome = Object.fromEntries(result.coverage.map((c) => [c.ruleId, c.outcome]))
    for (const id of CLAUSE_IDS) expect(outcome[id], id).toBe('present')
    for (const id of ['fees-and-payment', 'term-and-termination', 'limitation-of-liability', 'indemnification', 'confidentiality', 'data-protection', 'governing-law', 'notices']) {
      expect(outcome[id], id).toBe('missing')
    }
    expect(result.errorCount).toBeGreaterThanOrEqual(8)
    // the findings at the title: the commercial ones, in checklist order
    const atTitle = result.messages.filter((m) => m.line === 1).map((m) => m.ruleId)
    expect(atTitle.slice(0, 3)).toEqual(['fees-and-payment', 'term-and-termination', 'limitation-of-liability'])
  })

  it('adding the commercial core does not change any operational outcome on the labelled agreements (sampled in npm test)', () => {
    const operational = profileRules('msa').filter((r) => (CLAUSE_IDS as readonly string[]).includes(r.meta.id))
    const sampled = new Set(sampleAgreements(30))
    const files = loadFixtures(AGREEMENTS_DIR).filter((f) => sampled.has(f.label.file))
    expect(files.length).toBeGreaterThanOrEqual(30)
    for (const f of files) {
      const whole = lint(f.text, {profile: 'msa'}).coverage.filter((c) => (CLAUSE_IDS as readonly string[]).includes(c.ruleId))
      const alone = lint(f.text, {rules: operational}).coverage
      expect(whole, f.label.file).toEqual(alone)
    }
  })
})

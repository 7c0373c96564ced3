// Profiles as data (rules/data/profiles.json), and two whole agreements linted with their profiles.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {lint} from '../src/lint.js'
import {PROFILE_RULE_IDS, PROFILES, profileRules} from '../src/profiles.js'

const ids = (list: readonly {meta: {id: string}}[]): string[] => list.map((r) => r.meta.id).sort()
const LANGUAGE = ['no-overpromising', 'no-placeholders', 'no-vague-terms']
const INTEGRITY = ['consistent-values', 'no-dangling-references', 'no-empty-sections', 'no-undefined-terms']

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

  it('msa runs the eleven msa clause rules and none of the sla or agreement ones', () => {
    const clauses = profileRules('msa').filter((r) => r.meta.category === 'clause')
    expect(ids(clauses)).toEqual([
      'after-hours-support',
      'backup-frequency',
      'customer-requirements',
      'excluded-services',
      'failure-responsibility',
      'performance-targets',
      'priority-levels',
      'resolution-times',
      'response-times',
      'scope-of-services',
      'service-hours',
    ])
    expect(ids(profileRules('auto'))).toEqual(ids(profileRules('msa')))
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

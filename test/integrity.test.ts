// Integrity rules beyond their fixtures: term keys, document sets, severities and where findings point.
import {describe, expect, it} from 'vitest'
import {lint, lintSet} from '../src/lint.js'
import {rules} from '../rules/index.js'
import {termKey} from '../src/reading/definitions.js'
import type {LintMessage} from '../src/types.js'

const INTEGRITY = ['consistent-values', 'no-dangling-references', 'no-empty-sections', 'no-undefined-terms']
const integrityRules = rules.filter((r) => INTEGRITY.includes(r.meta.id))

function integrity(messages: readonly LintMessage[]): string[] {
  return messages.filter((m) => INTEGRITY.includes(m.ruleId)).map((m) => `${m.line} ${m.ruleId} ${m.severity} ${m.message}`)
}

describe('integrity rules', () => {
  it('are registered with the integrity category and run in the msa profile', () => {
    expect(integrityRules.map((r) => r.meta.id).sort()).toEqual(INTEGRITY)
    for (const r of integrityRules) expect(r.meta.category).toBe('integrity')
    const result = lint('# Agreement\n\n## 1. Services\n\n## 2. Fees\n\nThe fee is $10.\n', {profile: 'msa'})
    expect(result.messages.some((m) => m.ruleId === 'no-empty-sections')).toBe(true)
  })
})

describe('termKey', () => {
  it.each([
    ['Covered Devices', 'covered device'],
    ['Covered Device', 'covered device'],
    ['“Business Hours”', 'business hour'],
    ['**Service Credits**', 'service credit'],
    ['Parties', 'party'],
    ["Provider's", 'provider'],
    ['Business', 'business'],
    ['Status', 'status'],
    ['Taxes', 'tax'],
  ])('%s -> %s', (term, key) => {
    expect(termKey(term)).toBe(key)
  })
})

describe('no-undefined-terms', () => {
  const text = [
    '# Support Agreement',
    '',
    'This Support Agreement is made between Lindenfield IT Ltd ("Provider") and Oakhurst Pharmacy ("Client").',
    '',
    '## 1. Definitions',
    '',
    '"Support Window" means 9:00 to 17:00 UK time on weekdays.',
    '',
    '"Site Visit" means an engineer attending the pharmacy in person.',
    '',
    '## 2. Support',
    '',
    'Provider answers calls during the Support Window and looks after the Managed Devices. Each of the Managed Devices is patched monthly.',
    '',
  ].join('\n')

  it('reports an undefined term once, at its first use, and an unused definition at info', () => {
    expect(integrity(lint(text).messages)).toEqual([
      '9 no-undefined-terms info Defined term "Site Visit" is never used; use it or remove the definition',
      '13 no-undefined-terms warning Undefined term "Managed Devices"; define it (e.g. in Definitions) or write it in lower case',
    ])
  })

  it('keeps an unused definition at info when the rule is configured as an error', () => {
    const messages = lint(text, {severities: {'no-undefined-terms': 'error'}}).messages.filter((m) => m.ruleId === 'no-undefined-terms')
    expect(messages.map((m) => m.severity)).toEqual(['info', 'error'])
  })

  it('accepts a term defined in another member of a document set', () => {
    const main = {
      filePath: 'msa.md',
      text: '# Managed Services Agreement\n\n## 1. Service Levels\n\nIf Provider misses a target, Client receives Service Credits. Schedule 1 forms part of this Agreement.\n',
    }
    const schedule = {
      filePath: 'schedule-1.md',
      text: '# Schedule 1 – Service Credits\n\n"Service Credits" means 5% of the monthly fee for each missed target.\n',
    }
    expect(integrity(lint(main.text, {filePath: 'msa.md'}).messages)).toEqual([
      '5 no-undefined-terms warning Undefined term "Service Credits"; define it (e.g. in Definitions) or write it in lower case',
      '5 no-dangling-references warning Reference to "Schedule 1" points to no section; add it or correct the reference',
    ])
    const [head, member] = lintSet(main, [schedule])
    expect(integrity(head!.messages)).toEqual([])
    expect(integrity(member!.messages)).toEqual([])
  })
})

describe('no-dangling-references in a document set', () => {
  const main = {
    filePath: 'msa.md',
    text: '# Managed Services Agreement\n\n## 1. Support\n\nResponse targets are in Schedule B, and exclusions in Schedule C.\n',
  }
  const scheduleB = {filePath: 'schedule-b.md', text: '# Schedule B – Service Levels\n\nP1 incidents receive a response within 1 hour.\n'}

  it('finds a schedule that is a member of the set, and still reports one that is in no file', () => {
    const [head] = lintSet(main, [scheduleB])
    expect(integrity(head!.messages)).toEqual(['5 no-dangling-references warning Reference to "Schedule C" points to no section; add it or correct the reference'])
  })
})

describe('no-empty-sections in a document set', () => {
  it('reports an empty heading in the member file, with that file’s line', () => {
    const main = {filePath: 'msa.md', text: '# Managed Services Agreement\n\n## 1. Services\n\nHelp desk and monitoring, as set out in Schedule A.\n'}
    const member = {filePath: 'schedule-a.md', text: '# Schedule A – Services\n\n## Help Desk\n\n## Monitoring\n\nEvery 5 minutes.\n'}
    const [head, schedule] = lintSet(main, [member])
    expect(integrity(head!.messages)).toEqual([])
    expect(integrity(schedule!.messages)).toEqual(['3 no-empty-sections warning Empty section "Help Desk"; add its content or remove the heading'])
  })
})

describe('consistent-values in a document set', () => {
  it('names the other file when the conflicting value is there', () => {
    const main = {
      filePath: 'msa.md',
      text: '# Managed Services Agreement\n\n## 1. Service Levels\n\nProvider will respond to P1 incidents within 1 hour, as detailed in Schedule B.\n',
    }
    const member = {
      filePath: 'schedule-b.md',
      text: '# Schedule B – Service Levels\n\n| Priority | Response Time |\n|---|---|\n| P1 | 2 hours |\n| P2 | 4 hours |\n',
    }
    const [head, schedule] = lintSet(main, [member])
    // the sentence that restates the schedule's table differently is the place to correct
    expect(integrity(head!.messages)).toEqual([
      '5 consistent-values warning Conflicting P1 response time "1 hour" (line 5 of schedule-b.md says "2 hours"); state one value',
    ])
    expect(integrity(schedule!.messages)).toEqual([])
  })
})

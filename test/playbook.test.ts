// Playbook tiers: the options schema, conflicting tiers, and which tier a stated value lands in (boundaries included).
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {describeLanding, landings, playbookConflict, playbookSchema, type Playbook} from '../src/compare/playbook.js'
import type {Facet} from '../src/compare/read.js'
import {validateAgainst} from '../src/validate.js'
import {ruleDocs} from '../src/package-info.js'
import {runCli, tempDirs} from './helpers.js'

const facet = (key: string, value: number | string, shown: string, extra: Partial<Facet> = {}): Facet => ({key, label: key, value, better: 'lower', shown, ...extra})

const response: Playbook = {preferred: {P1: '1h'}, fallback: {P1: '4h', approver: '@msp/legal'}, walkAway: {P1: '8h'}}

describe('tier boundaries', () => {
  it.each([
    [30, 'preferred'],
    [60, 'preferred'],
    [61, 'fallback'],
    [240, 'fallback'], // equal to fallback is fallback
    [241, 'walkAway'],
    [480, 'walkAway'],
    [481, 'beyond'],
  ] as const)('P1 response of %i minutes lands in %s', (minutes, tier) => {
    expect(landings(response, [facet('P1', minutes, `${minutes} minutes`)])[0]?.landing).toBe(tier)
  })

  it.each([
    [99.95, 'preferred'],
    [99.9, 'preferred'],
    [99.5, 'fallback'],
    [99.0, 'walkAway'],
    [98.9, 'beyond'],
  ] as const)('uptime %f lands in %s (higher is better)', (value, tier) => {
    const uptime: Playbook = {preferred: {uptime: 99.9}, fallback: {uptime: 99.5, approver: '@msp/sla'}, walkAway: {uptime: 99}}
    expect(landings(uptime, [facet('uptime', value, `${value}%`, {better: 'higher'})])[0]?.landing).toBe(tier)
  })

  it('uses a time stated for every priority for each priority, and leaves out values not stated', () => {
    const l = landings({preferred: {P1: '1h', P2: '4h'}}, [facet('any', 120, '2 hours')])
    expect(l.map((x) => [x.key, x.landing])).toEqual([
      ['P1', 'beyond'],
      ['P2', 'preferred'],
    ])
    expect(landings(response, [facet('P2', 60, '1 hour')])).toEqual([])
  })

  it('compares rates only in one currency', () => {
    const rate: Playbook = {preferred: {rate: 'GBP 150'}, walkAway: {rate: 'GBP 200'}}
    expect(landings(rate, [facet('rate', 180, '£180 per hour', {unit: 'GBP'})])[0]?.landing).toBe('walkAway')
    expect(landings(rate, [facet('rate', 180, '$180 per hour', {unit: 'USD'})])).toEqual([])
  })

  it('reads "included" against a charge', () => {
    const inc: Playbook = {preferred: {included: true}, fallback: {multiplier: 1.5, approver: '@msp/ops'}}
    expect(landings(inc, [facet('included', 'included', 'included in the monthly fee', {better: 'same'})]).map((x) => x.landing)).toEqual(['preferred'])
    // a charge is placed by the multiplier of the later tiers
    expect(landings(inc, [facet('multiplier', 2, '2 times')]).map((x) => [x.key, x.landing])).toEqual([['multiplier', 'beyond']])
    expect(landings(inc, [facet('multiplier', 1.5, '1.5 times')]).map((x) => [x.key, x.landing])).toEqual([['multiplier', 'fallback']])
    // and beyond the walk-away when no tier states a charge
    expect(landings({preferred: {included: true}}, [facet('rate', 150, '£150 per hour', {unit: 'GBP'})]).map((x) => [x.key, x.landing])).toEqual([['included', 'beyond']])
  })

  it('says where a value lands, naming the approver', () => {
    const [fallback] = landings(response, [facet('P1', 120, '2 hours')])
    expect(describeLanding('P1 response', fallback!)).toBe('P1 response 2 hours: fallback (approver: @msp/legal)')
    const [beyond] = landings({preferred: {uptime: 99.9}, walkAway: {uptime: 99.5}}, [facet('uptime', 99, '99.0%', {better: 'higher'})])
    expect(describeLanding('uptime', beyond!)).toBe('uptime 99.0%: beyond walk-away (99.5%)')
  })
})

describe('playbook options', () => {
  const check = (ruleId: Parameters<typeof playbookSchema>[0], value: unknown): void => validateAgainst(playbookSchema(ruleId), value, '.clauselintrc.yaml', `rules.${ruleId}[1].playbook`)

  it('accepts the issue\'s shape', () => {
    expect(() => check('response-times', {preferred: {P1: '1h'}, fallback: {P1: '4h', approver: '@msp/legal'}, walkAway: {P1: '8h'}})).not.toThrow()
    expect(() => check('performance-targets', {preferred: {uptime: 99.9, period: 'month'}, walkAway: {uptime: 99.5}})).not.toThrow()
    expect(() => check('backup-frequency', {preferred: {interval: '24h', retention: '30d'}})).not.toThrow()
  })

  it.each([
    ['response-times', {preferred: {P1: '99%'}}, '.clauselintrc.yaml: rules.response-times[1].playbook.preferred.P1: "99%" is not a duration (use e.g. "1h", "30m", "4 business hours")'],
    ['performance-targets', {walkAway: {uptime: '4h'}}, '.clauselintrc.yaml: rules.performance-targets[1].playbook.walkAway.uptime: must be a number, got "4h"'],
    ['performance-targets', {preferred: {uptime: 199}}, '.clauselintrc.yaml: rules.performance-targets[1].playbook.preferred.uptime: must be <= 100, got 199'],
    ['response-times', {prefered: {P1: '1h'}}, '.clauselintrc.yaml: rules.response-times[1].playbook.prefered: unknown key; did you mean "preferred"?'],
    ['response-times', {preferred: {P1: '1h', approver: '@x'}}, '.clauselintrc.yaml: rules.response-times[1].playbook.preferred.approver: unknown key; use "P1", "P2", "P3", "P4", "P5"'],
  ] as const)('%s %j: one line', (ruleId, value, line) => {
    expect(() => check(ruleId, value)).toThrow(line)
  })

  it.each([
    [{preferred: {P1: '1h'}, fallback: {P1: '30m'}}, 'fallback.P1', '30m is stricter than preferred (1h); each tier must ask no more than the one before it'],
    [{fallback: {P1: '4h'}, walkAway: {P1: '2h'}}, 'walkAway.P1', '2h is stricter than fallback (4h); each tier must ask no more than the one before it'],
    [{preferred: {uptime: 99.5}, walkAway: {uptime: 99.9}}, 'walkAway.uptime', '99.9% is stricter than preferred (99.5%); each tier must ask no more than the one before it'],
    [{preferred: {rate: '150'}}, 'preferred.rate', '"150" is not an amount with a currency (use e.g. "GBP 150" or "$180")'],
  ] as const)('conflicting tiers %j', (playbook, path, message) => {
    expect(playbookConflict(playbook)).toEqual({path, message})
  })

  it('accepts equal tiers', () => {
    expect(playbookConflict({preferred: {P1: '1h'}, fallback: {P1: '60m'}, walkAway: {P1: '1h'}})).toBeUndefined()
  })
})

describe('playbook in config (CLI)', () => {
  const temp = tempDirs('playbook')
  const agreement = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'compare', 'weaker.md'), 'utf8')
  const template = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'compare', 'template.md'), 'utf8')
  const config = [
    'root: true',
    'rules:',
    '  response-times: [error, {playbook: {preferred: {P1: 1h}, fallback: {P1: 4h, approver: "@msp/legal"}, walkAway: {P1: 8h}}}]',
    '  performance-targets: {playbook: {preferred: {uptime: 99.9}, walkAway: {uptime: 99.8}}}',
    '',
  ].join('\n')

  it('reports the tier of each value, replaces the house maximum, and puts the tiers in the coverage', async () => {
    const cwd = temp({'.clauselintrc.yaml': config, 'acme.md': agreement})
    const r = await runCli(['acme.md', '-f', 'json'], {cwd})
    expect(r.code).toBe(1)
    const [result] = JSON.parse(r.stdout) as Array<{messages: Array<{ruleId: string; severity: string; message: string}>; coverage: Array<{ruleId: string; tier?: string; tiers?: string[]}>}>
    const response = result!.messages.filter((m) => m.ruleId === 'response-times')
    // "4 hours" is slower than the default house maximum of 1 hour, but the playbook says what to do with it
    expect(response).toEqual([{ruleId: 'response-times', severity: 'warning', message: 'P1 response time "4 hours" is at the fallback position (at most 4h); approver: @msp/legal', line: 29, column: 8, endLine: 29, endColumn: 15, sectionPath: ['Managed Services Agreement', 'Service Levels', 'Response Times'], url: ruleDocs()('response-times')}])
    expect(result!.messages.find((m) => m.ruleId === 'performance-targets')).toMatchObject({severity: 'error', message: 'Uptime "99.5%" is beyond the walk-away position (at least 99.8%)'})
    expect(result!.coverage.find((c) => c.ruleId === 'response-times')).toMatchObject({tier: 'fallback', tiers: ['P1 response time 4 hours: fallback (approver: @msp/legal)']})
    expect(result!.coverage.find((c) => c.ruleId === 'performance-targets')).toMatchObject({tier: 'beyond', tiers: ['uptime 99.5%: beyond walk-away (99.8%)']})
    const checklist = await runCli(['acme.md', '-f', 'checklist'], {cwd})
    expect(checklist.stdout).toMatch(/response-times +present +fallback +line 29/)
    expect(checklist.stdout).toMatch(/performance-targets +present +beyond walk-away +line 35/)
    const html = await runCli(['acme.md', '-f', 'html'], {cwd})
    expect(html.stdout).toContain('<th scope="col">Playbook tier</th>')
    const printed = JSON.parse((await runCli(['--print-config', 'acme.md'], {cwd})).stdout) as {rules: Record<string, unknown>}
    expect(JSON.stringify(printed.rules['response-times'])).toContain('"walkAway":{"P1":"8h"}')
  })

  it('compare: a value beyond the walk-away fails the comparison', async () => {
    const cwd = temp({'.clauselintrc.yaml': config, 'acme.md': template, 'template.md': template})
    expect((await runCli(['compare', 'acme.md', '--template', 'template.md', '--no-config'], {cwd})).code).toBe(0)
    const strict = 'root: true\nrules:\n  performance-targets: {playbook: {preferred: {uptime: 99.95}, walkAway: {uptime: 99.95}}}\n'
    const dir = temp({'.clauselintrc.yaml': strict, 'acme.md': template, 'template.md': template})
    const r = await runCli(['compare', 'acme.md', '--template', 'template.md'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/beyond walk-away +Uptime 99\.9%: beyond walk-away \(99\.95%\) +performance-targets/)
  })

  it('the clauselint:playbook-strict preset places a counterparty draft', async () => {
    const cwd = temp({'.clauselintrc.yaml': 'root: true\nextends: clauselint:playbook-strict\n', 'acme.md': agreement})
    const r = await runCli(['acme.md', '-f', 'json'], {cwd})
    const [result] = JSON.parse(r.stdout) as Array<{coverage: Array<{ruleId: string; tier?: string}>}>
    // every value of weaker.md at a tier boundary lands in that tier: 2× and 8 hours a day are the walk-away
    expect(Object.fromEntries(result!.coverage.filter((c) => c.tier).map((c) => [c.ruleId, c.tier]))).toEqual({
      'after-hours-support': 'walkAway',
      'backup-frequency': 'walkAway',
      'performance-targets': 'fallback',
      'resolution-times': 'preferred',
      'response-times': 'walkAway',
      'service-hours': 'walkAway',
    })
  })

  it.each([
    ['response-times: [error, {playbook: {preferred: {P1: 99%}}}]', '.clauselintrc.yaml: rules.response-times[1].playbook.preferred.P1: "99%" is not a duration (use e.g. "1h", "30m", "4 business hours")'],
    ['response-times: [error, {playbook: {preferred: {P1: 1h}, fallback: {P1: 30m, approver: "@a"}}}]', '.clauselintrc.yaml: rules.response-times[1].playbook.fallback.P1: 30m is stricter than preferred (1h); each tier must ask no more than the one before it'],
    ['performance-targets: {playbook: {preferred: {uptime: 1h}}}', '.clauselintrc.yaml: rules.performance-targets.playbook.preferred.uptime: must be a number, got "1h"'],
    ['priority-levels: {playbook: {preferred: {P1: 1h}}}', '.clauselintrc.yaml: rules.priority-levels.playbook: unknown option; use "headings"'],
  ])('%s: one line, exit 2', async (rule, line) => {
    const cwd = temp({'.clauselintrc.yaml': `root: true\nrules:\n  ${rule}\n`, 'acme.md': agreement})
    for (const argv of [['acme.md'], ['compare', 'acme.md', '--template', 'acme.md']]) {
      const r = await runCli(argv, {cwd})
      expect(r.code).toBe(2)
      expect(r.errLines).toEqual([`clauselint: ${line}`])
    }
  })
})

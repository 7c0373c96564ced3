// clauselint compare (an agreement against the house template) and clauselint learn (a playbook from past agreements).
import fs from 'node:fs'
import path from 'node:path'
import {DOMParser, onWarningStopParsing} from '@xmldom/xmldom'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {compare, CompareError, inlineDiff, wordDiff} from '../src/compare/compare.js'
import {durationOption, learn, proposalYaml} from '../src/compare/learn.js'
import {runCli, tempDirs} from './helpers.js'

const dir = path.join(import.meta.dirname, '..', 'fixtures', 'compare')
const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8')
const rel = (name: string): string => path.join('fixtures', 'compare', name)
const temp = tempDirs('compare')

interface Pair {
  readonly agreement: string
  readonly template: string
  readonly why: string
  readonly differences: readonly string[]
}

const pairs = JSON.parse(read('pairs.json')) as Pair[]

const key = (d: {ruleId: string; kind: string; facet?: string}): string => [d.ruleId, d.kind, d.facet].filter(Boolean).join(' ')

describe('compare: the pairs in fixtures/compare/pairs.json', () => {
  it.each(pairs.map((p) => [`${p.agreement} against ${p.template}: ${p.why}`, p] as const))('%s', (_name, p) => {
    const c = compare(read(p.agreement), read(p.template), {filePath: p.agreement, templatePath: p.template})
    // every expected difference, and nothing else
    expect(c.differences.map(key).sort()).toEqual([...p.differences].sort())
  })

  it('covers every value kind weaker, stronger, missing, delegated and vague', () => {
    const all = pairs.flatMap((p) => p.differences)
    for (const rule of ['response-times', 'resolution-times', 'performance-targets', 'backup-frequency', 'service-hours', 'after-hours-support']) {
      for (const kind of ['weaker', 'stronger', 'missing', 'delegated', 'vague']) expect(all.some((d) => d.startsWith(`${rule} ${kind}`)), `${rule} ${kind}`).toBe(true)
    }
  })
})

describe('compare: messages and places', () => {
  const c = compare(read('weaker.md'), read('template.md'), {filePath: 'weaker.md', templatePath: 'template.md'})
  const find = (k: string) => c.differences.find((d) => key(d) === k)!

  it('quotes the agreement value and names the template value, at the value', () => {
    const p1 = find('response-times weaker P1')
    expect(p1.message).toBe('Weaker P1 response time "4 hours"; the template has 1 hour')
    expect(p1.severity).toBe('error')
    expect(read('weaker.md').split('\n')[p1.line - 1]!.slice(p1.column - 1, p1.endColumn - 1)).toBe('4 hours')
    expect(p1.sectionPath.at(-1)).toBe('Response Times')
    expect(p1.template?.line).toBe(29)
    expect(find('backup-frequency weaker retention').message).toBe('Weaker backup retention "7 days"; the template has 30 days')
    expect(find('service-hours weaker timeZone').message).toBe('Weaker service hours: no time zone; the template has "UK time"')
  })

  it('gives each matched clause its word diff, once for a wording two clauses share', () => {
    const r = c.differences.filter((d) => d.kind === 'reworded')
    expect(r.map((d) => d.ruleId).sort()).toEqual(['after-hours-support', 'backup-frequency', 'performance-targets', 'resolution-times', 'service-hours'])
    const backup = r.find((d) => d.ruleId === 'backup-frequency')!
    expect(backup.message).toBe("Backup frequency reworded: Provider will back up Client's servers [-daily-] {+weekly+}. Backups are kept for [-30-] {+7+} days.")
    expect(backup.diff?.filter((x) => x.op !== 'same').map((x) => `${x.op}:${x.text}`)).toEqual(['removed:daily', 'added:weekly', 'removed:30', 'added:7'])
  })

  it('places a missing clause at the title or the section that held it in the template', () => {
    const m = compare(read('missing.md'), read('template.md'))
    const response = m.differences.find((d) => d.ruleId === 'response-times')!
    expect(response.message).toBe('Missing response times; the template states them under "Managed Services Agreement › Service Levels › Response Times": P1 1 hour, P2 4 hours, P3 8 hours')
    expect(response.sectionPath.at(-1)).toBe('Service Levels')
    expect(m.differences.find((d) => d.ruleId === 'backup-frequency')!.line).toBe(1)
  })

  it('says what a vague value replaced', () => {
    const v = compare(read('vague-priority.md'), read('template.md')).differences.find((d) => key(d) === 'response-times vague P2')!
    expect(v.message).toBe('Vague P2 response time "as soon as possible"; the template has 4 hours')
    expect(v.severity).toBe('warning')
  })

  it('counts errors, warnings and infos', () => {
    expect([c.errorCount, c.warningCount, c.infoCount]).toEqual([8, 0, 5])
  })
})

describe('compare: bad input', () => {
  it('refuses a template or agreement that is not an agreement, in one line', () => {
    expect(() => compare(read('template.md'), read('not-an-agreement.md'), {templatePath: 'notes.md'})).toThrow(new CompareError('notes.md: the template is not an agreement (no clause of a services agreement, SLA or commercial agreement found)'))
    expect(() => compare(read('not-an-agreement.md'), read('template.md'), {filePath: 'notes.md'})).toThrow(/^notes\.md: the agreement is not an agreement/)
  })
})

describe('word diff', () => {
  it('marks removed and added words with a few words of context', () => {
    const before = 'Under this Agreement the Provider will respond to every P1 ticket within 1 hour of it being logged by the Client through the portal.'
    const d = wordDiff(before, before.replace('1 hour', '4 hours'))!
    expect(inlineDiff(d)).toBe('… every P1 ticket within [-1 hour-] {+4 hours+} of it being logged …')
  })

  it('gives up on wordings too different to align, rather than taking long', () => {
    const a = Array.from({length: 3000}, (_, i) => `alpha${i}`).join(' ')
    const b = Array.from({length: 3000}, (_, i) => `beta${i}`).join(' ')
    expect(wordDiff(a, b)).toBeUndefined()
  })
})

describe('clauselint compare (CLI)', () => {
  it('exits 1 when a clause is weaker or missing, 0 when only stronger or reworded', async () => {
    const weaker = await runCli(['compare', rel('weaker.md'), '--template', rel('template.md')])
    expect(weaker.code).toBe(1)
    expect(weaker.stdout).toMatch(/^ {2}29:8 +weaker +Weaker P1 response time "4 hours"; the template has 1 hour +response-times$/m)
    expect(weaker.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 12 clauses of the template compared: 6 the same, 8 weaker, 5 reworded')
    const stronger = await runCli(['compare', rel('stronger.md'), '-t', rel('template.md')])
    expect(stronger.code).toBe(0)
    const same = await runCli(['compare', rel('moved.md'), '--template', rel('template.md')])
    expect(same.code).toBe(0)
    expect(same.stdout).toContain('no differences')
  })

  it('prints what the README says it prints', async () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8')
    const command = '$ clauselint compare fixtures/compare/counterparty.md --template fixtures/compare/template.md\n'
    const at = readme.indexOf(command)
    expect(at).toBeGreaterThan(0)
    const shown = readme.slice(at + command.length, readme.indexOf('\n```', at))
    const r = await runCli(['compare', rel('counterparty.md'), '--template', rel('template.md')])
    expect(r.stdout.trimEnd()).toBe(shown)
  })

  it('writes every format', async () => {
    const json = await runCli(['compare', rel('counterparty.md'), '--template', rel('template.md'), '-f', 'json'])
    const parsed = JSON.parse(json.stdout) as Array<{templatePath: string; messages: Array<{kind: string; facet?: string; diff?: unknown[]}>; clauses: unknown[]}>
    expect(parsed[0]!.templatePath).toBe(rel('template.md'))
    expect(parsed[0]!.messages.filter((m) => m.kind === 'weaker').map((m) => m.facet).sort()).toEqual(['P1', 'P1', 'interval', 'uptime'])
    expect(parsed[0]!.messages.some((m) => Array.isArray(m.diff))).toBe(true)
    expect(parsed[0]!.clauses).toHaveLength(12)
    const sarif = JSON.parse((await runCli(['compare', rel('counterparty.md'), '--template', rel('template.md'), '-f', 'sarif'])).stdout) as {runs: Array<{results: Array<{ruleId: string; level: string}>}>}
    expect(sarif.runs[0]!.results.filter((r) => r.level === 'error')).toHaveLength(5)
    const junit = (await runCli(['compare', rel('counterparty.md'), '--template', rel('template.md'), '-f', 'junit'])).stdout
    expect(() => new DOMParser({onError: onWarningStopParsing}).parseFromString(junit, 'text/xml')).not.toThrow()
    expect(junit).toContain('Weaker uptime')
    const github = (await runCli(['compare', rel('counterparty.md'), '--template', rel('template.md'), '-f', 'github'])).stdout
    expect(github).toMatch(/^::error file=fixtures\/compare\/counterparty\.md,line=\d+/m)
    for (const [format, text] of [['markdown', 'Weaker uptime'], ['gitlab', 'Weaker uptime'], ['checklist', '✗  excluded-services       missing'], ['html', 'Weaker uptime']] as const) {
      const r = await runCli(['compare', rel('counterparty.md'), '--template', rel('template.md'), '-f', format])
      expect(r.code, format).toBe(1)
      expect(r.stdout, format).toContain(text)
    }
  })

  it('writes the report to a file and the summary to the terminal', async () => {
    const cwd = temp({'a.md': read('weaker.md'), 't.md': read('template.md')})
    const r = await runCli(['compare', 'a.md', '--template', 't.md', '-f', 'json', '-o', 'out.json'], {cwd})
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('✖ 12 clauses of the template compared: 6 the same, 8 weaker, 5 reworded\n')
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out.json'), 'utf8'))).toHaveLength(1)
  })

  it.each([
    [['compare', rel('weaker.md')], 'clauselint: compare: --template PATH is required (the house template to compare with), or --changes for a .docx redline'],
    [['compare', '--template', rel('template.md')], 'clauselint: compare: give one agreement to compare, got 0'],
    [['compare', rel('weaker.md'), rel('stronger.md'), '--template', rel('template.md')], 'clauselint: compare: give one agreement to compare, got 2'],
    [['compare', rel('weaker.md'), '--template', rel('nope.md')], `clauselint: ${rel('nope.md')} does not exist`],
    [['compare', rel('weaker.md'), '--template', rel('not-an-agreement.md')], `clauselint: ${rel('not-an-agreement.md')}: the template is not an agreement (no clause of a services agreement, SLA or commercial agreement found)`],
    [['compare', rel('weaker.md'), '--template', rel('template.md'), '-f', 'nope'], 'clauselint: compare: unknown format "nope"; use one of stylish, json, sarif, github, junit, markdown, gitlab, checklist, html'],
    [['compare', rel('weaker.md'), '--templat', rel('template.md')], "clauselint: compare: unknown option '--templat'; see clauselint compare --help"],
  ])('%j: one line, exit 2', async (argv, line) => {
    const r = await runCli(argv)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([line])
    expect(r.stdout).toBe('')
  })
})

describe('clauselint learn', () => {
  const signed = {
    'signed/a.md': read('template.md'),
    'signed/b.md': read('weaker.md'),
    'signed/c.md': read('stronger.md'),
    'signed/d.md': read('moved.md'),
    'signed/notes.txt': 'not an agreement',
  }

  it('proposes median, weaker quartile and weakest per value', () => {
    const learned = learn(['template.md', 'weaker.md', 'stronger.md', 'moved.md'].map((f) => ({text: read(f), filePath: f})))
    const p1 = learned.values.find((v) => v.ruleId === 'response-times' && v.key === 'P1')!
    // 1 hour (template), 4 hours (weaker), 30 minutes (stronger), 1 hour (moved)
    expect(p1.values).toEqual([30, 60, 60, 240])
    expect([p1.median, p1.quartile, p1.weakest, p1.count]).toEqual([60, 60, 240, 4])
    const uptime = learned.values.find((v) => v.key === 'uptime')!
    expect([uptime.median, uptime.quartile, uptime.weakest]).toEqual([99.9, 99.5, 99.5])
    const {yaml, positions} = proposalYaml(learned, 'signed/')
    const config = parseYaml(yaml) as {rules: Record<string, [string, {playbook: Record<string, Record<string, unknown>>}]>}
    expect(config.rules['response-times']![1].playbook).toEqual({
      preferred: {P1: '1h', P2: '4h', P3: '8h'},
      fallback: {P1: '1h', P2: '4h', P3: '8h', approver: '@your-team/legal'},
      walkAway: {P1: '4h', P2: '4h', P3: '8h'},
    })
    expect(config.rules['performance-targets']![1].playbook['walkAway']).toEqual({uptime: 99.5, period: 'month'})
    expect(config.rules['backup-frequency']![1].playbook['preferred']).toEqual({interval: '1d', retention: '30d'})
    expect(yaml).toContain('# P1 response time: stated in 4 of 4; median 1 hour, from 30 minutes to 4 hours')
    expect(positions).toBeGreaterThan(10)
  })

  it('writes the proposal from a folder, and never over an existing file', async () => {
    const cwd = temp(signed)
    const r = await runCli(['learn', 'signed'], {cwd})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Wrote clauselint\.playbook\.yaml: a playbook proposed from 4 agreements \(\d+ positions\); edit it before use\n$/)
    const written = fs.readFileSync(path.join(cwd, 'clauselint.playbook.yaml'), 'utf8')
    expect(parseYaml(written)).toHaveProperty('rules')
    // the proposal is a valid config: its tiers place the agreements it was learned from
    const used = await runCli(['signed/b.md', '--config', 'clauselint.playbook.yaml', '-f', 'json'], {cwd})
    expect(used.errLines).toEqual([])
    const coverage = (JSON.parse(used.stdout) as Array<{coverage: Array<{ruleId: string; tier?: string}>}>)[0]!.coverage
    expect(coverage.find((c) => c.ruleId === 'response-times')?.tier).toBe('walkAway')
    const again = await runCli(['learn', 'signed'], {cwd})
    expect(again.code).toBe(2)
    expect(again.errLines).toEqual(['clauselint: learn: clauselint.playbook.yaml already exists; it is not overwritten (choose another path with --output-file)'])
    expect(fs.readFileSync(path.join(cwd, 'clauselint.playbook.yaml'), 'utf8')).toBe(written)
    expect(fs.readdirSync(cwd).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it.each([
    [['learn'], 'clauselint: learn: give a folder (or files) of past agreements to learn from'],
    [['learn', 'nope'], 'clauselint: learn: path "nope" does not exist'],
  ])('%j: one line, exit 2', async (argv, line) => {
    const cwd = temp({})
    const r = await runCli(argv, {cwd})
    expect(r.code).toBe(2)
    expect(r.errLines[0]).toBe(line)
  })

  it('refuses a folder whose files state no value to learn', async () => {
    const cwd = temp({'docs/a.md': read('not-an-agreement.md')})
    const r = await runCli(['learn', 'docs'], {cwd})
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: learn: none of the 1 file in docs states a value to learn (response or resolution times, uptime, backups, service hours, after-hours charges)'])
  })

  it('writes durations the way config reads them', () => {
    expect([30, 60, 90, 240, 1440, 4320, 10080].map(durationOption)).toEqual(['30m', '1h', '1h30m', '4h', '1d', '3d', '1w'])
  })
})

// The CI formats (sarif, github, junit, markdown, gitlab), --output-file and --stdin.
// SARIF is validated against the official SARIF 2.1.0 schema (test/schemas/, see the README there).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {DOMParser, onWarningStopParsing, type Element} from '@xmldom/xmldom'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs} from './helpers.js'
import YAML from 'yaml'
import {rules} from '../rules/index.js'
import {run} from '../src/cli.js'
import {lint, lintFiles} from '../src/lint.js'
import {fingerprints, normaliseTitle} from '../src/reporters/common.js'
import {escapeData, escapeProperty, github} from '../src/reporters/github.js'
import {gitlab} from '../src/reporters/gitlab.js'
import {reporters, type ReporterContext} from '../src/reporters/index.js'
import {escapeXml, junit} from '../src/reporters/junit.js'
import {markdown} from '../src/reporters/markdown.js'
import {artifactLocation, FINGERPRINT_KEY, sarif} from '../src/reporters/sarif.js'
import type {LintMessage, LintResult} from '../src/types.js'

const root = path.join(import.meta.dirname, '..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
const ANSI = /\u001b\[[0-9;]*m/
const metas = rules.map((r) => r.meta)
const context: ReporterContext = {chalk: new Chalk({level: 0}), clauseRuleIds: new Set(metas.filter((m) => m.category === 'clause').map((m) => m.id)), cwd: root, version: pkg.version, rules: metas}

const agreementsDir = path.join(root, 'fixtures', 'agreements')
const agreementFiles = fs
  .readdirSync(agreementsDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => path.join('fixtures', 'agreements', f))
/** Every labelled agreement linted through the API with the msa profile, named as the CLI names them. */
const agreementResults: LintResult[] = agreementFiles.map((f) => lint(fs.readFileSync(path.join(root, f), 'utf8'), {profile: 'msa', filePath: f}))

// ---------------------------------------------------------------------------------------------------------------
// Helpers

interface SarifLog {
  $schema: string
  version: string
  runs: Array<{
    tool: {driver: {name: string; version: string; informationUri: string; rules: Array<{id: string; shortDescription: {text: string}; fullDescription: {text: string}; help: {text: string}; defaultConfiguration: {level: string}}>}}
    artifacts: Array<{location: {uri: string; uriBaseId?: string}}>
    results: Array<{
      ruleId: string
      ruleIndex: number
      level: string
      message: {text: string}
      locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId?: string; index: number}; region: {startLine: number; startColumn: number; endLine: number; endColumn: number}}}>
      partialFingerprints: Record<string, string>
      properties: {sectionPath: string[]; outcome?: string}
    }>
  }>
}

const schema = JSON.parse(fs.readFileSync(path.join(root, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>
const ajv = new Ajv2020({allErrors: true})
addFormats.default(ajv)
const validateSarif = ajv.compile(schema)

/** Parse SARIF text and check it against the official schema; fails with the schema errors. */
function validSarif(text: string): SarifLog {
  const log = JSON.parse(text) as unknown
  const ok = validateSarif(log)
  expect(validateSarif.errors ?? [], 'SARIF schema errors').toEqual([])
  expect(ok).toBe(true)
  return log as SarifLog
}

/** Parse XML strictly: any well-formedness error or warning throws (U+FFFD, which the reporter puts for characters XML cannot carry, is fine). */
function parseXml(text: string) {
  return new DOMParser({
    onError: (level, msg) => {
      if (level === 'warning' && /replacement character/i.test(msg)) return
      onWarningStopParsing()
    },
  }).parseFromString(text, 'text/xml')
}

function children(element: Element, name: string): Element[] {
  const out: Element[] = []
  for (let i = 0; i < element.childNodes.length; i++) {
    const node = element.childNodes[i]
    if (node && node.nodeType === 1 && (node as Element).tagName === name) out.push(node as Element)
  }
  return out
}

function message(fields: Partial<LintMessage> & Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column'>): LintMessage {
  return {messageId: 'm', endLine: fields.line, endColumn: fields.column + 1, sectionPath: [], ...fields}
}

/** A hand-built result with every outcome, awkward characters and a multi-line range. */
const crafted: LintResult = {
  filePath: 'contracts/acme, inc: msa.md',
  messages: [
    message({ruleId: 'priority-levels', severity: 'error', message: 'Missing priority levels; define at least two', line: 1, column: 1, endColumn: 20, sectionPath: ['Acme MSA'], outcome: 'missing'}),
    message({
      ruleId: 'no-vague-terms',
      severity: 'warning',
      message: 'Vague term "promptly" | 100% sure: a, b\r\nnext <b>&</b>',
      line: 12,
      column: 40,
      endLine: 12,
      endColumn: 48,
      sectionPath: ['Acme MSA', 'Support: Hours, Days'],
      evidence: 'promptly',
    }),
    message({ruleId: 'service-hours', severity: 'info', message: 'Service hours are set in the Order Form', line: 20, column: 3, endLine: 22, endColumn: 5, sectionPath: ['Acme MSA', 'Hours'], outcome: 'delegated'}),
    message({ruleId: 'response-times', severity: 'warning', message: 'Vague response time "We respond promptly"', line: 30, column: 1, endColumn: 21, sectionPath: ['Acme MSA', 'Support'], outcome: 'vague'}),
  ],
  errorCount: 1,
  warningCount: 2,
  infoCount: 1,
  coverage: [
    {ruleId: 'backup-frequency', outcome: 'present', sectionPath: ['Acme MSA', 'Backups'], line: 40, evidence: 'daily | weekly'},
    {ruleId: 'priority-levels', outcome: 'missing', sectionPath: [], line: 1},
    {ruleId: 'response-times', outcome: 'vague', sectionPath: ['Acme MSA', 'Support'], line: 30},
    {ruleId: 'service-hours', outcome: 'delegated', sectionPath: ['Acme MSA', 'Hours'], line: 20},
  ],
}

// CLI helpers: in-process runs with an optional standard input; every run is checked for stack traces.
const cli = runCli

const tempDir = tempDirs('formats')

/** Does a read-only directory stop this process from writing? Not as root. */
const permissionsApply = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-perm-'))
  try {
    fs.chmodSync(dir, 0o500)
    fs.writeFileSync(path.join(dir, 'probe'), 'x')
    return false
  } catch {
    return true
  } finally {
    fs.chmodSync(dir, 0o755)
    fs.rmSync(dir, {recursive: true, force: true})
  }
})()

/** Under `--profile language`: exactly one warning. */
const ONE_WARNING = '# Fees\n\nThe monthly fee is TBD.\n'
/** Under `--profile msa`: every clause missing, plus a placeholder warning. */
const SKELETON = '# Agreement\n\nThe monthly fee is TBD.\n'

// ---------------------------------------------------------------------------------------------------------------

describe('sarif', () => {
  it('is valid SARIF 2.1.0 for every labelled agreement, with a location for every result', () => {
    const log = validSarif(sarif(agreementResults, context))
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]!
    expect(run.tool.driver).toMatchObject({name: 'clauselint', version: pkg.version, informationUri: expect.stringMatching(/^(?:https|file):\/\//)})
    // a page that exists: the repository's when package.json names one, else the installed package's README
    const info = (run.tool.driver as {informationUri: string}).informationUri
    if (info.startsWith('file:')) expect(fs.readFileSync(new URL(info), 'utf8')).toMatch(/^# clauselint\n/)
    const total = agreementResults.reduce((n, r) => n + r.messages.length, 0)
    expect(run.results).toHaveLength(total)
    expect(total).toBeGreaterThan(50)
    expect(run.artifacts.map((a) => a.location)).toEqual(agreementFiles.map((f) => ({uri: f.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%'})))
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
      expect(result.locations).toHaveLength(1)
      const {artifactLocation: where, region} = result.locations[0]!.physicalLocation
      expect(where.uriBaseId).toBe('%SRCROOT%')
      expect(run.artifacts[where.index]?.location.uri).toBe(where.uri)
      expect(region.startLine).toBeGreaterThanOrEqual(1)
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine)
      expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/)
    }
    // Missing clauses are located too: at the section that should hold them, or the title.
    const missing = run.results.filter((r) => r.properties.outcome === 'missing')
    expect(missing.length).toBeGreaterThan(0)
    for (const r of missing) expect(r.level).toBe('error')
    expect(run.results.some((r) => r.level === 'warning')).toBe(true)
    expect(run.results.some((r) => r.level === 'note')).toBe(true)
  })

  it('describes every rule that could report, with its default level from rule meta', () => {
    const log = validSarif(sarif([crafted], context))
    const driverRules = log.runs[0]!.tool.driver.rules
    expect(driverRules.map((r) => r.id)).toEqual(metas.map((m) => m.id))
    for (const meta of metas) {
      const r = driverRules.find((d) => d.id === meta.id)!
      expect(r.defaultConfiguration.level).toBe({error: 'error', warning: 'warning', info: 'note'}[meta.severity])
      expect(r.fullDescription.text).toContain(meta.description)
      expect(r.shortDescription.text.length).toBeGreaterThan(3)
      expect(r.help.text).toContain(meta.id)
    }
    expect(log.runs[0]!.results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'warning'])
  })

  it('maps the range exactly, and locates files outside cwd, unreadable files and <stdin>', async () => {
    const log = validSarif(sarif([crafted], context))
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toEqual({startLine: 1, startColumn: 1, endLine: 1, endColumn: 20})
    expect(log.runs[0]!.results[2]!.locations[0]!.physicalLocation.region).toEqual({startLine: 20, startColumn: 3, endLine: 22, endColumn: 5})
    expect(log.runs[0]!.artifacts[0]!.location).toEqual({uri: 'contracts/acme%2C%20inc%3A%20msa.md', uriBaseId: '%SRCROOT%'})

    const dir = tempDir({'empty.md': ''})
    const [fatal] = await lintFiles([path.join(dir, 'empty.md')])
    const stdin = lint(ONE_WARNING, {profile: 'language', filePath: '<stdin>'})
    const absoluteInside = lint(ONE_WARNING, {profile: 'language', filePath: path.join(root, 'fixtures', 'x y.md')})
    const outside = validSarif(sarif([fatal!, stdin, absoluteInside], context))
    expect(outside.runs[0]!.artifacts.map((a) => a.location)).toEqual([
      {uri: `file://${dir.split(path.sep).map(encodeURIComponent).join('/')}/empty.md`},
      {uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%'},
      {uri: 'fixtures/x%20y.md', uriBaseId: '%SRCROOT%'},
    ])
    expect(outside.runs[0]!.results[0]).toMatchObject({ruleId: 'fatal', level: 'error'})
    expect(outside.runs[0]!.tool.driver.rules.at(-1)?.id).toBe('fatal')
    expect(artifactLocation('../elsewhere/a.md', '/work/repo')).toEqual({uri: 'file:///work/elsewhere/a.md'})
    expect(artifactLocation('../elsewhere/a.md', undefined)).toEqual({uri: '../elsewhere/a.md', uriBaseId: '%SRCROOT%'})
  })

  it('is valid with no results, and without the optional context', () => {
    const empty = validSarif(sarif([], {}))
    expect(empty.runs[0]!.results).toEqual([])
    // a reporter describes only the rules it is given: it does not reach for the registry
    expect(empty.runs[0]!.tool.driver.rules).toEqual([])
    expect(validSarif(sarif([], {rules: metas})).runs[0]!.tool.driver.rules.length).toBe(rules.length)
    validSarif(reporters['sarif']!([crafted], {chalk: context.chalk, clauseRuleIds: new Set()}))
  })

  it('describes a rule that reported without having been listed as run from knownRules, else by its id', () => {
    const result = lint('# Managed Services Agreement\n\nThe Provider will respond promptly.\n', {filePath: 'x.md', rules: rules.filter((r) => r.meta.id === 'response-times')})
    const described = (options: Parameters<typeof sarif>[1]) => validSarif(sarif([result], options)).runs[0]!.tool.driver.rules.map((r) => [r.id, r.fullDescription?.text])
    const meta = metas.find((m) => m.id === 'response-times')!
    expect(described({rules: [], knownRules: metas})).toEqual([['response-times', `${meta.description}.`]])
    expect(described({rules: []})).toEqual([['response-times', 'Response times.']])
  })

  it('says whether the run succeeded: false with a notification naming each file that could not be linted, true when every file was (findings or not)', async () => {
    type Invocation = {executionSuccessful: boolean; toolExecutionNotifications?: Array<{level: string; message: {text: string}; locations: Array<{physicalLocation: {artifactLocation: {uri: string; index: number}}}>; associatedRule: {id: string; index: number}}>}
    const invocations = (log: SarifLog): Invocation[] => (log.runs[0] as unknown as {invocations: Invocation[]}).invocations
    // findings, even errors, are not a failed run
    expect(invocations(validSarif(sarif([crafted], context)))).toEqual([{executionSuccessful: true}])
    expect(invocations(validSarif(sarif([], {})))).toEqual([{executionSuccessful: true}])

    const dir = tempDir({'empty.md': '', 'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])})
    const fatal = await lintFiles([path.join(dir, 'empty.md'), path.join(dir, 'bin.md')])
    expect(fatal.map((r) => r.fatal)).toEqual([true, true])
    const log = validSarif(sarif([crafted, ...fatal], {...context, cwd: dir}))
    const [inv] = invocations(log)
    expect(inv!.executionSuccessful).toBe(false)
    const notes = inv!.toolExecutionNotifications!
    expect(notes.map((n) => n.message.text)).toEqual([
      `empty.md could not be linted: ${fatal[0]!.messages[0]!.message}`,
      `bin.md could not be linted: ${fatal[1]!.messages[0]!.message}`,
    ])
    for (const [i, n] of notes.entries()) {
      expect(n.level).toBe('error')
      const where = n.locations[0]!.physicalLocation.artifactLocation
      expect(where.index).toBe(i + 1)
      expect(log.runs[0]!.artifacts[where.index]!.location.uri).toBe(where.uri)
      expect(log.runs[0]!.tool.driver.rules[n.associatedRule.index]!.id).toBe('fatal')
    }
  })

  it('from the command line: a run with an unreadable file says it did not succeed, with --skip-unreadable too; a run with findings only says it did', async () => {
    const dir = tempDir({'fees.md': ONE_WARNING, 'blank.md': '   \n'})
    const invocation = (stdout: string) => (validSarif(stdout).runs[0] as unknown as {invocations: Array<{executionSuccessful: boolean; toolExecutionNotifications?: Array<{message: {text: string}}>}>}).invocations[0]!
    const failed = await cli(['-f', 'sarif', '--profile', 'language', 'fees.md', 'blank.md'], {cwd: dir})
    expect(failed.code).toBe(2)
    expect(invocation(failed.stdout).executionSuccessful).toBe(false)
    expect(invocation(failed.stdout).toolExecutionNotifications!.map((n) => n.message.text)).toEqual([expect.stringMatching(/^blank\.md could not be linted: /)])
    const skipped = await cli(['-f', 'sarif', '--skip-unreadable', '--profile', 'language', 'fees.md', 'blank.md'], {cwd: dir})
    expect(skipped.code).toBe(1)
    expect(invocation(skipped.stdout).executionSuccessful).toBe(false)
    const clean = await cli(['-f', 'sarif', '--profile', 'language', 'fees.md'], {cwd: dir})
    expect(clean.code).toBe(0)
    expect(validSarif(clean.stdout).runs[0]!.results).toHaveLength(1)
    expect(invocation(clean.stdout)).toEqual({executionSuccessful: true})
  })

  it('the schema check is real: a wrong level is rejected', () => {
    const log = JSON.parse(sarif([crafted], context)) as SarifLog
    log.runs[0]!.results[0]!.level = 'fatal'
    expect(validateSarif(log)).toBe(false)
  })
})

describe('fingerprints', () => {
  /** Give every heading of a-vague-everything.md a clause number, starting at `first`. */
  function numbered(text: string, first: number): string {
    let n = first
    return text.replace(/^## (.+)$/gm, (_all, title: string) => `## ${n++}. ${title}`)
  }

  it('stay the same when clauses are renumbered and lines move', () => {
    const source = fs.readFileSync(path.join(agreementsDir, 'a-vague-everything.md'), 'utf8')
    const before = lint(numbered(source, 1), {profile: 'msa', filePath: 'msa.md'})
    // Renumber every clause and push every line down (an HTML comment is invisible to the rules).
    const after = lint(`<!-- revised -->\n\n\n${numbered(source, 7)}`, {profile: 'msa', filePath: 'msa.md'})
    expect(before.messages.length).toBeGreaterThan(10)
    expect(after.messages.map((m) => m.ruleId)).toEqual(before.messages.map((m) => m.ruleId))
    expect(after.messages.map((m) => m.line)).not.toEqual(before.messages.map((m) => m.line))
    expect(fingerprints(after)).toEqual(fingerprints(before))
    const print = (r: LintResult) => (JSON.parse(sarif([r], context)) as SarifLog).runs[0]!.results.map((x) => x.partialFingerprints[FINGERPRINT_KEY])
    expect(print(after)).toEqual(print(before))
    const gl = (r: LintResult) => (JSON.parse(gitlab([r], context)) as Array<{fingerprint: string}>).map((x) => x.fingerprint)
    expect(gl(after)).toEqual(gl(before))
  })

  it('stay the same when a nested numbering scheme changes (1.1.1 → 2.1.1), references included', () => {
    const source = fs.readFileSync(path.join(agreementsDir, 'b-nested-numbering.md'), 'utf8')
    const shift = (major: string) => String(Number(major) + 1)
    // Headings, numbered paragraphs and cross-references alike: "# 1 Services", "1.1.1.1 A service desk…", "clause 1.1".
    const renumbered = source
      .replace(/^(#+ )?(\d+)((?:\.\d+)*)(?=\s)/gm, (_all, hashes: string | undefined, major: string, rest: string) => `${hashes ?? ''}${shift(major)}${rest}`)
      .replace(/\b(clauses?|sections?) (\d+)(?=[.\s,;)])/gi, (_all, word: string, major: string) => `${word} ${shift(major)}`)
    expect(renumbered).not.toBe(source)
    const before = lint(source, {profile: 'msa', filePath: 'a.md'})
    const after = lint(renumbered, {profile: 'msa', filePath: 'a.md'})
    // The same findings; their quotes carry the new numbers.
    const blank = (r: LintResult) => r.messages.map((m) => `${m.ruleId} ${m.message.replace(/\d+/g, '#')}`)
    expect(before.messages.length).toBeGreaterThan(2)
    expect(blank(after)).toEqual(blank(before))
    expect(after.messages.map((m) => m.message)).not.toEqual(before.messages.map((m) => m.message))
    expect(fingerprints(after)).toEqual(fingerprints(before))
  })

  it('are unique within a file, and differ between rules, outcomes and sections', () => {
    for (const result of agreementResults) {
      const prints = fingerprints(result)
      expect(new Set(prints).size, result.filePath).toBe(prints.length)
    }
    const base = message({ruleId: 'no-vague-terms', severity: 'warning', message: 'Vague term "promptly"', line: 3, column: 1, sectionPath: ['Support'], evidence: 'promptly'})
    const one = (m: LintMessage) => fingerprints({...crafted, messages: [m]})[0]
    expect(one({...base, line: 99, column: 7})).toBe(one(base))
    expect(one({...base, sectionPath: ['Support Hours']})).not.toBe(one(base))
    expect(one({...base, ruleId: 'no-overpromising'})).not.toBe(one(base))
    expect(one({...base, outcome: 'vague'})).not.toBe(one(base))
    expect(one({...base, message: 'Vague term "regularly"'})).not.toBe(one(base))
    // A clause finding is keyed by its outcome, not by the wording it quotes.
    const clause = message({ruleId: 'response-times', severity: 'warning', message: 'Vague response time "We respond promptly"', line: 3, column: 1, sectionPath: ['Support'], outcome: 'vague'})
    expect(one({...clause, message: 'Vague response time "We respond quickly"', evidence: 'We respond quickly'})).toBe(one(clause))
    expect(one({...clause, outcome: 'missing'})).not.toBe(one(clause))
  })

  it('normalise section titles without their numbers', () => {
    expect(normaliseTitle('4.2 Response  Times')).toBe('response times')
    expect(normaliseTitle('Response Times')).toBe('response times')
    expect(normaliseTitle('Schedule 2 – Fees')).toBe('schedule # – fees')
    expect(normaliseTitle('Schedule 3 – Fees')).toBe(normaliseTitle('Schedule 2 – Fees'))
  })
})

describe('github', () => {
  it('escapes data and properties as GitHub does', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b')
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b')
    expect(escapeData('%0A')).toBe('%250A')
  })

  it('prints one command per finding, most severe first, info as notice', () => {
    expect(github([crafted], {})).toBe(
      [
        '::error file=contracts/acme%2C inc%3A msa.md,line=1,col=1,endLine=1,endColumn=20,title=clauselint priority-levels (Acme MSA)::Missing priority levels; define at least two',
        '::warning file=contracts/acme%2C inc%3A msa.md,line=12,col=40,endLine=12,endColumn=48,title=clauselint no-vague-terms (Acme MSA › Support%3A Hours%2C Days)::Vague term "promptly" | 100%25 sure: a, b%0D%0Anext <b>&</b>',
        '::warning file=contracts/acme%2C inc%3A msa.md,line=30,col=1,endLine=30,endColumn=21,title=clauselint response-times (Acme MSA › Support)::Vague response time "We respond promptly"',
        '::notice file=contracts/acme%2C inc%3A msa.md,line=20,endLine=22,title=clauselint service-hours (Acme MSA › Hours)::Service hours are set in the Order Form',
        '',
      ].join('\n'),
    )
  })

  it('orders all files by severity, with every line a well-formed command; nothing for no findings', () => {
    const out = github(agreementResults, context)
    const lines = out.trimEnd().split('\n')
    expect(lines).toHaveLength(agreementResults.reduce((n, r) => n + r.messages.length, 0))
    const rank = {error: 2, warning: 1, notice: 0}
    const kinds = lines.map((l) => /^::(error|warning|notice) file=[^,:]+,line=\d+,(?:col=\d+,endLine=\d+,endColumn=\d+|endLine=\d+),title=[^,:]+::[^\r\n]+$/.exec(l)?.[1] as keyof typeof rank | undefined)
    expect(kinds.every(Boolean)).toBe(true)
    expect(kinds.map((k) => rank[k!])).toEqual([...kinds.map((k) => rank[k!])].sort((a, b) => b - a))
    expect(github([], {})).toBe('')
    expect(github([{...crafted, messages: []}], {})).toBe('')
  })

  it('uses paths relative to cwd', () => {
    const out = github([{...crafted, filePath: path.join(root, 'contracts', 'a.md')}], {cwd: root})
    expect(out).toContain('::error file=contracts/a.md,line=1,')
  })
})

describe('junit', () => {
  it('is well-formed XML whose counts match the results, for every labelled agreement', () => {
    const text = junit(agreementResults, context)
    const doc = parseXml(text)
    const top = doc.documentElement!
    expect(top.tagName).toBe('testsuites')
    const suites = children(top, 'testsuite')
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(agreementFiles.map((f) => f.split(path.sep).join('/')))
    let tests = 0
    let failures = 0
    suites.forEach((suite, i) => {
      const result = agreementResults[i]!
      const cases = children(suite, 'testcase')
      const failing = cases.filter((c) => children(c, 'failure').length)
      expect(Number(suite.getAttribute('tests'))).toBe(cases.length)
      expect(Number(suite.getAttribute('failures'))).toBe(failing.length)
      // One case per clause rule (from coverage), and per finding of the other rules (or one passing case).
      for (const c of result.coverage) expect(cases.filter((x) => x.getAttribute('name') === c.ruleId), c.ruleId).toHaveLength(1)
      const clause = new Set(result.coverage.map((c) => c.ruleId))
      const otherFindings = result.messages.filter((m) => !clause.has(m.ruleId)).length
      const quiet = metas.filter((m) => !clause.has(m.id) && !result.messages.some((x) => x.ruleId === m.id)).length
      expect(cases).toHaveLength(result.coverage.length + otherFindings + quiet)
      // A clause case fails exactly when its rule reported an error or warning.
      for (const c of result.coverage) {
        const fails = result.messages.some((m) => m.ruleId === c.ruleId && m.severity !== 'info')
        expect(children(cases.find((x) => x.getAttribute('name') === c.ruleId)!, 'failure').length > 0, c.ruleId).toBe(fails)
      }
      tests += cases.length
      failures += failing.length
    })
    expect(Number(top.getAttribute('tests'))).toBe(tests)
    expect(Number(top.getAttribute('failures'))).toBe(failures)
    expect(failures).toBeGreaterThan(0)
  })

  it('escapes markup and characters XML cannot carry, and round-trips the text', () => {
    const nasty = 'a <b> & "c" \'d\' \u0001 \uD800 \uFFFF end'
    const result: LintResult = {
      ...crafted,
      filePath: 'x & <y>.md',
      messages: [message({ruleId: 'no-vague-terms', severity: 'warning', message: nasty, line: 2, column: 1})],
      coverage: [],
    }
    const doc = parseXml(junit([result], {rules: []}))
    const suite = children(doc.documentElement!, 'testsuite')[0]!
    expect(suite.getAttribute('name')).toBe('x & <y>.md')
    const failure = children(children(suite, 'testcase')[0]!, 'failure')[0]!
    expect(failure.getAttribute('message')).toBe('a <b> & "c" \'d\' \uFFFD \uFFFD \uFFFD end')
    expect(failure.getAttribute('type')).toBe('warning')
    expect(failure.textContent).toContain('a <b> & "c"')
    expect(escapeXml('\t\n')).toBe('&#9;&#10;')
  })

  it('passes info findings and present clauses, errors on unreadable files', async () => {
    const doc = parseXml(junit([crafted], {rules: metas}))
    const cases = children(children(doc.documentElement!, 'testsuite')[0]!, 'testcase')
    const byName = new Map(cases.map((c) => [c.getAttribute('name'), c]))
    expect(children(byName.get('service-hours')!, 'failure')).toHaveLength(0)
    expect(children(byName.get('service-hours')!, 'system-out')[0]!.textContent).toContain('Service hours clause delegated')
    expect(children(byName.get('backup-frequency')!, 'system-out')[0]!.textContent).toContain('Backup frequency clause present at line 40')
    expect(children(byName.get('priority-levels')!, 'failure')[0]!.getAttribute('type')).toBe('error')
    expect(byName.get('no-placeholders')!.childNodes.length).toBe(0)
    const dir = tempDir({'bin.md': Buffer.from([0, 1, 2])})
    const fatal = await lintFiles([path.join(dir, 'bin.md')])
    const err = parseXml(junit(fatal, {}))
    expect(err.documentElement!.getAttribute('errors')).toBe('1')
    expect(err.getElementsByTagName('error')[0]!.getAttribute('message')).toMatch(/binary/)
  })
})

describe('markdown', () => {
  it('shows a clause checklist with marks, places and notes, then the other findings', () => {
    const out = markdown([crafted], {})
    expect(out).toContain('**✖ 1 error, 2 warnings, 1 info** in 1 agreement')
    expect(out).toContain('### contracts/acme, inc: msa.md')
    expect(out).toContain('✖ 1 error, 2 warnings, 1 info · 4 clauses: 1 present, 1 vague, 1 missing, 1 delegated')
    expect(out).toContain('| ✓ | Backup frequency (`backup-frequency`) | present | Acme MSA › Backups, line 40 | “daily \\| weekly” |')
    expect(out).toContain('| ✗ | Priority levels (`priority-levels`) | missing | — | Missing priority levels; define at least two |')
    expect(out).toContain('| ~ | Response times (`response-times`) | vague | Acme MSA › Support, line 30 | Vague response time "We respond promptly" |')
    expect(out).toContain('| → | Service hours (`service-hours`) | delegated | Acme MSA › Hours, line 20 | Service hours are set in the Order Form |')
    expect(out).toContain('**Other findings**')
    // Pipes, HTML and line breaks in a finding cannot break the table.
    expect(out).toContain('| 12:40 | warning | `no-vague-terms` | Vague term "promptly" \\| 100% sure: a, b next \\<b\\>\\&\\</b\\> | Acme MSA › Support: Hours, Days |')
    // Every row has the five cells of its header.
    for (const line of out.split('\n').filter((l) => l.startsWith('|'))) expect(line.replace(/\\\|/g, '').split('|'), line).toHaveLength(7)
  })

  it('covers every labelled agreement: one row per clause rule, findings of the others listed', () => {
    const out = markdown(agreementResults, context)
    for (const result of agreementResults) {
      const section = out.split(`### ${result.filePath.split(path.sep).join('/')}\n`)[1]!.split('\n### ')[0]!
      const rows = section.split('\n').filter((l) => /^\| [✓~✗→] \|/.test(l))
      expect(rows.map((r) => /\(`([a-z-]+)`\)/.exec(r)?.[1])).toEqual(result.coverage.map((c) => c.ruleId))
      const clause = new Set(result.coverage.map((c) => c.ruleId))
      const others = result.messages.filter((m) => !clause.has(m.ruleId))
      expect(section.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l))).toHaveLength(others.length)
    }
    expect(out).toMatch(/\| → \|/) // a delegated clause in b-delegated-order-form.md
    expect(out).not.toMatch(ANSI)
  })

  it('says so for a file with no findings and no clause rules, and for an unreadable file', () => {
    const clean: LintResult = {filePath: 'a.md', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: []}
    expect(markdown([clean], {})).toContain('### a.md\n\n✔ 0 errors, 0 warnings\n\nNo findings.')
    const fatal: LintResult = {...clean, fatal: true, messages: [message({ruleId: 'fatal', severity: 'error', message: 'File is empty', line: 1, column: 1})], errorCount: 1}
    expect(markdown([fatal], {})).toContain('⚠ Could not be linted: File is empty')
  })
})

describe('gitlab', () => {
  it('is an array of Code Quality issues in the documented shape', () => {
    const issues = JSON.parse(gitlab(agreementResults, context)) as Array<Record<string, unknown>>
    expect(issues).toHaveLength(agreementResults.reduce((n, r) => n + r.messages.length, 0))
    const ids = new Set(metas.map((m) => m.id))
    for (const issue of issues) {
      expect(typeof issue['description']).toBe('string')
      expect(ids.has(issue['check_name'] as string)).toBe(true)
      expect(issue['fingerprint']).toMatch(/^[0-9a-f]{64}$/)
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue['severity'])
      const location = issue['location'] as {path: string; lines: {begin: number; end: number}}
      expect(agreementFiles.map((f) => f.split(path.sep).join('/'))).toContain(location.path)
      expect(Number.isInteger(location.lines.begin) && location.lines.begin >= 1).toBe(true)
      expect(location.lines.end).toBeGreaterThanOrEqual(location.lines.begin)
    }
    expect(new Set(issues.map((i) => i['fingerprint'])).size).toBe(issues.length)
  })

  it('maps severities: error → major, warning → minor, info → info, unreadable → blocker', () => {
    const issues = JSON.parse(gitlab([crafted], {})) as Array<{severity: string; check_name: string; description: string}>
    expect(issues.map((i) => [i.check_name, i.severity])).toEqual([
      ['priority-levels', 'major'],
      ['no-vague-terms', 'minor'],
      ['service-hours', 'info'],
      ['response-times', 'minor'],
    ])
    expect(issues[0]!.description).toBe('Missing priority levels; define at least two (Acme MSA)')
    const fatal = JSON.parse(gitlab([{...crafted, fatal: true, messages: [message({ruleId: 'fatal', severity: 'error', message: 'File is empty', line: 1, column: 1})]}], {})) as Array<{severity: string}>
    expect(fatal[0]!.severity).toBe('blocker')
    expect(gitlab([], {})).toBe('[]\n')
  })

  it('gives the same finding in two files different fingerprints', () => {
    const a = JSON.parse(gitlab([crafted, {...crafted, filePath: 'other.md'}], {})) as Array<{fingerprint: string}>
    expect(new Set(a.map((i) => i.fingerprint)).size).toBe(a.length)
  })
})

describe('--format on the command line', () => {
  it.each(['sarif', 'github', 'junit', 'markdown', 'gitlab'])('%s: exit codes unchanged, no colour', async (format) => {
    const dir = tempDir({'draft.md': SKELETON, 'fees.md': ONE_WARNING})
    const errors = await cli(['--format', format, '--profile', 'msa', '--color', 'draft.md'], {cwd: dir, env: {FORCE_COLOR: '1'}, isTTY: true})
    expect(errors.code).toBe(1)
    expect(errors.stderr).toBe('')
    expect(errors.stdout).not.toMatch(ANSI)
    const warnings = await cli(['--format', format, '--profile', 'language', '--max-warnings', '0', 'fees.md'], {cwd: dir})
    expect(warnings.code).toBe(1)
    const ok = await cli(['--format', format, '--profile', 'language', 'fees.md'], {cwd: dir})
    expect(ok.code).toBe(0)
  })

  it('sarif over the bundled agreements is valid and uses paths relative to cwd', async () => {
    const {code, stdout} = await cli(['--format', 'sarif', '--profile', 'msa', 'fixtures/agreements'])
    expect(code).toBe(1)
    const log = validSarif(stdout)
    expect(log.runs[0]!.tool.driver.version).toBe(pkg.version)
    expect(log.runs[0]!.artifacts.map((a) => a.location.uri)).toEqual(agreementFiles.map((f) => f.split(path.sep).join('/')))
  })

  it('the help lists the new formats and options', async () => {
    const {stdout} = await cli(['--help'])
    expect(stdout).toContain('stylish, json, sarif, github, junit, markdown, gitlab')
    for (const option of ['--output-file PATH', '--stdin ', '--stdin-filename NAME']) expect(stdout).toContain(option)
  })
})

describe('--output-file', () => {
  it('writes the report to the file and the summary line to the terminal; exit code unchanged', async () => {
    const dir = tempDir({'draft.md': SKELETON})
    const direct = await cli(['--format', 'sarif', '--profile', 'msa', 'draft.md'], {cwd: dir})
    const stylish = await cli(['--profile', 'msa', 'draft.md'], {cwd: dir})
    const ran = await cli(['--format', 'sarif', '--profile', 'msa', '--output-file', 'clauselint.sarif', 'draft.md'], {cwd: dir})
    expect(ran.code).toBe(direct.code)
    expect(ran.code).toBe(1)
    expect(ran.stderr).toBe('')
    expect(ran.stdout).toBe(`${stylish.stdout.trimEnd().split('\n').at(-1)}\n`)
    expect(ran.stdout).toMatch(/^✖ \d+ errors, 1 warning \(\d+ clauses checked/)
    expect(fs.readFileSync(path.join(dir, 'clauselint.sarif'), 'utf8')).toBe(direct.stdout)
    validSarif(direct.stdout)
    expect(fs.readdirSync(dir).sort()).toEqual(['clauselint.sarif', 'draft.md'])
  })

  it('-o replaces an existing report whole, follows a symlink, and a stylish file has no colour', async () => {
    const dir = tempDir({'fees.md': ONE_WARNING, 'out/report.txt': 'x'.repeat(100_000), 'real.json': 'old'})
    fs.symlinkSync('real.json', path.join(dir, 'link.json'))
    const text = await cli(['-o', 'out/report.txt', '--profile', 'language', 'fees.md'], {cwd: dir, env: {FORCE_COLOR: '1'}, isTTY: true})
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(ANSI) // the terminal summary keeps its colour
    const written = fs.readFileSync(path.join(dir, 'out', 'report.txt'), 'utf8')
    expect(written).not.toMatch(ANSI)
    expect(written).toBe((await cli(['--profile', 'language', 'fees.md'], {cwd: dir})).stdout)
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['report.txt'])
    const linked = await cli(['-o', 'link.json', '-f', 'json', '--profile', 'language', 'fees.md'], {cwd: dir})
    expect(linked.code).toBe(0)
    expect(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'real.json'), 'utf8'))).toHaveLength(1)
  })

  it.each([
    ['a folder that cannot be created (a file is in the way)', 'fees.md/sub/report.sarif', /^clauselint: cannot write the report to "fees\.md\/sub\/report\.sarif": a part of the path is not a directory$/],
    ['a path through a file', 'fees.md/report.sarif', /^clauselint: cannot write the report to "fees\.md\/report\.sarif": a part of the path is not a directory$/],
    ['a directory', 'out', /^clauselint: cannot write the report to "out": it is a directory$/],
    ['an empty path', '', /^clauselint: --output-file needs a path$/],
  ])('%s: exit 2, one line, nothing on stdout, nothing left behind', async (_what, target, expected) => {
    const dir = tempDir({'fees.md': ONE_WARNING, 'out/keep.txt': 'keep'})
    const before = fs.readdirSync(dir, {recursive: true}).map(String).sort()
    const ran = await cli(['-f', 'sarif', '--output-file', target, '--profile', 'language', 'fees.md'], {cwd: dir})
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.errLines).toHaveLength(1)
    expect(ran.errLines[0]).toMatch(expected)
    expect(fs.readdirSync(dir, {recursive: true}).map(String).sort()).toEqual(before)
  })

  it('a write that fails half-way (file size limit): exit 2, one line, the old report intact, no temporary file', () => {
    const dir = tempDir({'msa.md': fs.readFileSync(path.join(agreementsDir, 'a-vague-everything.md')), 'report.sarif': 'old report'})
    fs.chmodSync(path.join(dir, 'report.sarif'), 0o640)
    const script = `import('${new URL('../src/cli.ts', import.meta.url).href}').then((cli) => cli.main(process.argv.slice(1)))`
    // ulimit -f 8: files may grow to 8 KB; the report is far larger. SIGXFSZ ignored, so the write fails with EFBIG.
    // tsx by path: the run's cwd is the temp dir, where no node_modules is found.
    const tsx = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
    const r = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 8; exec "$0" "$@"`, process.execPath, '--import', tsx, '--input-type=module', '-e', script, '--', '-f', 'sarif', '-o', 'report.sarif', 'msa.md'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 240_000,
    })
    expect(r.error).toBeUndefined()
    expect(r.stderr).toBe('clauselint: cannot write the report to "report.sarif": the file would be over the size limit\n')
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(fs.readFileSync(path.join(dir, 'report.sarif'), 'utf8')).toBe('old report')
    expect(fs.readdirSync(dir).sort()).toEqual(['msa.md', 'report.sarif'])
    // The same run without the limit replaces the report whole and keeps its permissions.
    const ok = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script, '--', '-f', 'sarif', '-o', 'report.sarif', 'msa.md'], {cwd: dir, encoding: 'utf8', timeout: 240_000})
    expect(ok.status).toBe(1)
    validSarif(fs.readFileSync(path.join(dir, 'report.sarif'), 'utf8'))
    expect(fs.statSync(path.join(dir, 'report.sarif')).mode & 0o777).toBe(0o640)
  }, 300_000)

  it.skipIf(!permissionsApply)('an unwritable directory: exit 2, one line, the old report untouched', async () => {
    const dir = tempDir({'fees.md': ONE_WARNING, 'ro/report.sarif': 'old report'})
    fs.chmodSync(path.join(dir, 'ro'), 0o500)
    const ran = await cli(['-f', 'sarif', '-o', 'ro/report.sarif', '--profile', 'language', 'fees.md'], {cwd: dir})
    fs.chmodSync(path.join(dir, 'ro'), 0o755)
    expect(ran.code).toBe(2)
    expect(ran.errLines).toEqual(['clauselint: cannot write the report to "ro/report.sarif": permission denied'])
    expect(fs.readFileSync(path.join(dir, 'ro', 'report.sarif'), 'utf8')).toBe('old report')
    expect(fs.readdirSync(path.join(dir, 'ro'))).toEqual(['report.sarif'])
  })
})

describe('--stdin', () => {
  it('lints standard input under the --stdin-filename name', async () => {
    const ran = await cli(['--stdin', '--stdin-filename', 'contracts/acme.md', '--profile', 'language', '--format', 'json'], {stdin: ONE_WARNING})
    expect(ran.code).toBe(0)
    expect(ran.stderr).toBe('')
    const results = JSON.parse(ran.stdout) as Array<{filePath: string; warningCount: number}>
    expect(results).toEqual([expect.objectContaining({filePath: 'contracts/acme.md', warningCount: 1})])
    const gh = await cli(['--stdin', '--stdin-filename', 'contracts/acme.md', '--profile', 'language', '-f', 'github'], {stdin: ONE_WARNING})
    expect(gh.stdout).toMatch(/^::warning file=contracts\/acme\.md,line=3,/)
  })

  it('names it <stdin> by default, gives the same findings as the file, and keeps exit codes', async () => {
    const dir = tempDir({'draft.md': SKELETON})
    const fromFile = await cli(['-f', 'json', '--profile', 'msa', 'draft.md'], {cwd: dir})
    const fromStdin = await cli(['--stdin', '-f', 'json', '--profile', 'msa'], {cwd: dir, stdin: SKELETON})
    expect(fromStdin.code).toBe(1)
    expect(fromStdin.stdout).toBe(fromFile.stdout.replace('"filePath": "draft.md"', '"filePath": "<stdin>"'))
    const sarifLog = validSarif((await cli(['--stdin', '-f', 'sarif', '--profile', 'msa'], {cwd: dir, stdin: SKELETON})).stdout)
    expect(sarifLog.runs[0]!.artifacts[0]!.location.uri).toBe('%3Cstdin%3E')
  })

  it('strips a byte-order mark and reads CRLF text', async () => {
    const ran = await cli(['--stdin', '--profile', 'language', '-f', 'json'], {stdin: `\uFEFF${ONE_WARNING.replace(/\n/g, '\r\n')}`})
    expect(ran.code).toBe(0)
    expect((JSON.parse(ran.stdout) as Array<{messages: Array<{line: number}>}>)[0]!.messages.map((m) => m.line)).toEqual([3])
  })

  it('combines with --output-file', async () => {
    const dir = tempDir()
    const ran = await cli(['--stdin', '--stdin-filename', 'msa.md', '--profile', 'msa', '-f', 'markdown', '-o', 'summary.md'], {cwd: dir, stdin: SKELETON})
    expect(ran.code).toBe(1)
    expect(ran.stdout).toMatch(/^✖ \d+ errors, 1 warning/)
    expect(fs.readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('### msa.md')
  })

  it.each([
    ['empty', '', 'clauselint: standard input is empty'],
    ['whitespace only', ' \n\t\n', 'clauselint: standard input has no text'],
    ['binary', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), 'clauselint: standard input is binary, not Markdown text'],
    ['not UTF-8', Buffer.from('# Fees\n\nThe fee is \xa3100.\n', 'latin1'), 'clauselint: standard input is not valid UTF-8 text'],
    ['over --max-file-size', `# Fees\n\n${'x'.repeat(2000)}\n`, 'clauselint: standard input is over the 1 KB limit (raise it with --max-file-size)'],
  ])('%s: exit 2 and one line', async (_what, input, expected) => {
    const ran = await cli(['--stdin', '--max-file-size', '1KB', '--stdin-filename', 'x.md'], {stdin: input})
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.errLines).toEqual([expected])
  })

  it.each([
    [['--stdin', 'a.md'], 'clauselint: --stdin lints standard input; give no paths with it'],
    [['--stdin-filename', 'a.md'], 'clauselint: --stdin-filename needs --stdin'],
    [['--stdin', '--stdin-filename', ' '], 'clauselint: --stdin-filename needs a name'],
    [['--stdin', '--stdin-filename'], 'clauselint: --stdin-filename needs a value; see --help'],
  ])('%j is a usage error: exit 2, one line', async (argv, expected) => {
    const ran = await cli(argv, {stdin: ONE_WARNING})
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.errLines).toEqual([expected])
  })

  it('without a standard input stream: exit 2, one line', async () => {
    const ran = await cli(['--stdin'])
    expect([ran.code, ran.errLines]).toEqual([2, ['clauselint: standard input is not available']])
  })

  it('reads the real standard input of the process (main)', () => {
    const script = `import('./src/cli.ts').then((cli) => cli.main(process.argv.slice(1)))`
    const node = (args: readonly string[], input: string | Buffer) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args], {cwd: root, input, encoding: 'utf8', timeout: 240_000, env: {...process.env, FORCE_COLOR: '0'}})
    const ok = node(['--stdin', '--stdin-filename', 'piped.md', '--profile', 'language', '-f', 'github'], ONE_WARNING)
    expect(ok.error).toBeUndefined()
    expect(ok.stderr).toBe('')
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/^::warning file=piped\.md,line=3,col=\d+,endLine=3,endColumn=\d+,title=clauselint no-placeholders \(Fees\)::Unfilled placeholder "TBD"/)
    const empty = node(['--stdin'], '')
    expect([empty.status, empty.stdout, empty.stderr]).toEqual([2, '', 'clauselint: standard input is empty\n'])
  }, 300_000)
})

// Rules as data: the three YAML kinds, their findings through the normal pipeline, JavaScript rule modules behind
// --allow-js-config, and every bad rule file (one line naming it, exit 2).
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs} from './helpers.js'
import {parse as parseYaml} from 'yaml'
import {ConfigError} from '../src/config-error.js'
import {customRuleFromData, loadCustomRules} from '../src/custom-rules.js'
import {lint} from '../src/lint.js'
import {DURATION_FORMAT, isDurationOption} from '../src/rule.js'
import type {AnyRule} from '../src/rule.js'
import type {LintMessage, LintResult} from '../src/types.js'
import {Ajv} from 'ajv'

const root = path.join(import.meta.dirname, '..')
const tempDir = tempDirs('custom')

const cli = (argv: readonly string[], cwd: string) => runCli(argv, {cwd})

/** Build a rule from YAML text. */
const fromYaml = (yaml: string): AnyRule => customRuleFromData(parseYaml(yaml), 'rule.yaml')
/** Run only these rules. */
const runOnly = (rule: AnyRule, text: string): LintMessage[] => lint(text, {rules: [rule]}).messages
const show = (ms: readonly LintMessage[]): string[] => ms.map((m) => `${m.line}:${m.column} ${m.severity} ${m.message}`)

const BREACH = `id: breach-notification
kind: require-clause
description: The agreement says how soon the provider tells the client about a security breach
name: breach notification
headings: [Breach Notification, Security Incidents]
patterns: [security incident, data breach, '/unauthori[sz]ed access/']
parents: [Confidentiality]
requires: duration
suggestion: say how soon the client is told (e.g. "within 48 hours of discovery")
`

describe('require-clause', () => {
  const rule = fromYaml(BREACH)
  const msa = (body: string): string => `# Managed Services Agreement\n\n## 1. Services\n\nHelp desk.\n\n## 9. Confidentiality\n\n${body}\n`

  it('has the shape of a built-in clause rule', () => {
    expect(rule.meta).toMatchObject({id: 'breach-notification', category: 'clause', severity: 'error'})
    expect(Object.keys(rule.meta.messages)).toEqual(['missing', 'vague', 'delegated'])
    expect(rule.meta.options?.defaults).toEqual({headings: []})
  })

  it('present with the required value, vague without it, missing where nothing addresses it, delegated to another document', () => {
    expect(runOnly(rule, msa('Provider will notify Client of any data breach within 48 hours of discovery.'))).toEqual([])
    expect(show(runOnly(rule, msa('Provider will notify Client promptly of any unauthorised access.')))).toEqual([
      '9:1 warning Vague breach notification "Provider will notify Client promptly of any unauthorised…"; say how soon the client is told (e.g. "within 48 hours of discovery")',
    ])
    expect(show(runOnly(rule, msa('Each party keeps the other party\'s information confidential.')))).toEqual([
      '7:1 error Missing breach notification; say how soon the client is told (e.g. "within 48 hours of discovery")',
    ])
    expect(runOnly(rule, msa('Security incidents are handled as set out in the Security Policy.')).map((m) => `${m.severity} ${m.outcome}`)).toEqual(['info delegated'])
    // its home section counts whatever it says
    expect(runOnly(rule, '# MSA\n\n## Breach Notification\n\nClient is told within 24 hours.\n')).toEqual([])
  })

  it('without "requires", any statement of the clause is present; coverage records it like a built-in clause', () => {
    const plain = fromYaml('id: insurance\nkind: require-clause\nheadings: [Insurance]\npatterns: [insurance, insured]\n')
    const r = lint('# MSA\n\nProvider maintains professional liability insurance.\n', {rules: [plain]})
    expect(r.messages).toEqual([])
    expect(r.coverage.map((c) => `${c.ruleId} ${c.outcome}`)).toEqual(['insurance present'])
    expect(show(lint('# MSA\n\nNothing here.\n', {rules: [plain]}).messages)).toEqual(['1:1 error Missing insurance; add a section on insurance'])
  })

  it.each([
    ['frequency', 'Provider reviews the access logs monthly.', 'Provider reviews the access logs.'],
    ['percentage', 'Provider keeps patch compliance logs at 95% of devices.', 'Provider keeps patch compliance logs.'],
    ['money', 'Provider keeps patch compliance logs for a fee of $50 per month.', 'Provider keeps patch compliance logs.'],
  ])('requires: %s', (kind, present, vague) => {
    const r = fromYaml(`id: logs\nkind: require-clause\nheadings: [Logs]\npatterns: [logs]\nrequires: ${kind}\n`)
    expect(runOnly(r, `# MSA\n\n${present}\n`)).toEqual([])
    expect(runOnly(r, `# MSA\n\n${vague}\n`).map((m) => m.outcome)).toEqual(['vague'])
  })

  it('messages can be replaced; severity and headings come from the file and from config', async () => {
    const custom = fromYaml('id: insurance\nkind: require-clause\nseverity: warn\nheadings: [Insurance]\nmessages: {missing: No insurance clause; name the cover and its amount}\n')
    expect(show(runOnly(custom, '# MSA\n\nNothing.\n'))).toEqual(['1:1 warning No insurance clause; name the cover and its amount'])
    const dir = tempDir({
      '.clauselintrc.yaml': 'customRules: [./insurance.yaml]\nrules:\n  insurance: [error, {headings: [Cover]}]\n',
      'insurance.yaml': 'id: insurance\nkind: require-clause\nseverity: warn\nheadings: [Insurance]\n',
      'a.md': '# Managed Services Agreement\n\n## Cover\n\nProfessional liability of $1,000,000.\n',
      'b.md': '# Managed Services Agreement\n\nNothing about it.\n',
    })
    const r = await cli(['--profile', 'msa', '--format', 'json', 'a.md', 'b.md'], dir)
    const results = JSON.parse(r.stdout) as LintResult[]
    expect(results[0]!.messages.filter((m) => m.ruleId === 'insurance')).toEqual([])
    expect(results[1]!.messages.filter((m) => m.ruleId === 'insurance').map((m) => `${m.severity} ${m.outcome}`)).toEqual(['error missing'])
  })
})

describe('severity in a rule file: every value config accepts for a rule', () => {
  const files = (kind: string, severity: string | undefined): Record<string, string> => ({
    '.clauselintrc.yaml': 'customRules: [./x.yaml]\n',
    'x.yaml': kind === 'require-clause' ? `id: x\nkind: require-clause\nheadings: [Insurance]\n${severity === undefined ? '' : `severity: ${severity}\n`}` : `id: x\nkind: forbid-phrase\nphrases: [sole discretion]\n${severity === undefined ? '' : `severity: ${severity}\n`}`,
    'a.md': '# Managed Services Agreement\n\nThe Provider acts at its sole discretion.\n',
  })
  /** The severities of rule x's findings on a.md (none when the rule is off). */
  const severities = async (dir: string, extra: readonly string[] = []): Promise<string[]> => {
    const r = await cli(['--profile', 'msa', '--format', 'json', ...extra, 'a.md'], dir)
    expect(r.errLines, r.stderr).toEqual([])
    return (JSON.parse(r.stdout) as LintResult[])[0]!.messages.filter((m) => m.ruleId === 'x').map((m) => m.severity)
  }

  it.each([
    ['off', []],
    ['"off"', []],
    ['0', []],
    ['info', ['info']],
    ['warn', ['warning']],
    ['warning', ['warning']],
    ['1', ['warning']],
    ['error', ['error']],
    ['2', ['error']],
  ])('severity: %s', async (severity, expected) => {
    for (const kind of ['forbid-phrase', 'require-clause']) expect(await severities(tempDir(files(kind, severity))), kind).toEqual(expected)
  })

  it("look-alike: no severity is the kind's default (error for a missing clause, warning for a phrase)", async () => {
    expect(await severities(tempDir(files('require-clause', undefined)))).toEqual(['error'])
    expect(await severities(tempDir(files('forbid-phrase', undefined)))).toEqual(['warning'])
  })

  it('an off rule is known: config, --rule or front matter turns it on, and --print-config shows it off until then', async () => {
    const dir = tempDir(files('forbid-phrase', 'off'))
    expect(await severities(dir, ['--rule', 'x:2'])).toEqual(['error'])
    expect(await severities(dir, ['--rule', 'x:warn'])).toEqual(['warning'])
    const printed = await cli(['--print-config', 'a.md'], dir)
    expect(printed.code).toBe(0)
    expect((JSON.parse(printed.stdout) as {rules: Record<string, unknown>}).rules['x']).toBe('off')
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), 'customRules: [./x.yaml]\nrules:\n  x: error\n')
    expect(await severities(dir)).toEqual(['error'])
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), 'customRules: [./x.yaml]\n')
    fs.writeFileSync(path.join(dir, 'a.md'), '---\nclauselint:\n  rules:\n    x: info\n---\n# Managed Services Agreement\n\nThe Provider acts at its sole discretion.\n')
    expect(await severities(dir)).toEqual(['info'])
  })
})

describe('forbid-phrase', () => {
  const rule = fromYaml('id: no-sole-discretion\nkind: forbid-phrase\nphrases: [sole discretion, /absolute(?:ly)? discretion/]\nallow: [sole discretion of the Client]\nsuggestion: state the criteria the Provider will apply\n')

  it('flags each phrase (plain or /regex/), not inside an allowed phrase, with the suggestion', () => {
    const text = '# Terms\n\nProvider may change the Services at its sole discretion. Fees are waived at the sole discretion of the Client. Credits are at its absolute discretion.\n'
    expect(show(runOnly(rule, text))).toEqual([
      '3:41 warning Forbidden phrase "sole discretion"; state the criteria the Provider will apply',
      '3:131 warning Forbidden phrase "absolute discretion"; state the criteria the Provider will apply',
    ])
    expect(rule.meta).toMatchObject({category: 'language', severity: 'warning'})
  })

  it('a message template of its own', () => {
    const r = fromYaml('id: no-asap\nkind: forbid-phrase\nseverity: error\nphrases: [ASAP]\nmessage: Avoid "{text}"; {suggestion}\nsuggestion: give a time\n')
    expect(show(runOnly(r, '# T\n\nWe fix it ASAP.\n'))).toEqual(['3:11 error Avoid "ASAP"; give a time'])
  })
})

describe('require-with', () => {
  const yaml = 'id: credits-with-uptime\nkind: require-with\nif: [uptime, availability]\nthen: [service credit]\nsuggestion: say what the client gets when a target is missed\n'

  it('document scope: reported at the first "if" phrase when no "then" phrase is anywhere', () => {
    const rule = fromYaml(yaml)
    expect(show(runOnly(rule, '# SLA\n\n## Targets\n\nUptime is 99.9% per month.\n\n## Other\n\nAvailability is measured monthly.\n'))).toEqual([
      '5:1 warning Missing "service credit" to go with "Uptime"; say what the client gets when a target is missed',
    ])
    expect(runOnly(rule, '# SLA\n\nUptime is 99.9% per month.\n\n## Remedies\n\nA service credit of 5% applies.\n')).toEqual([])
    expect(runOnly(rule, '# SLA\n\nNothing relevant.\n')).toEqual([])
    expect(rule.meta.category).toBe('integrity')
  })

  it('section scope: the "then" phrase must be in the same section (or below it)', () => {
    const rule = fromYaml(`${yaml}within: section\n`)
    const text = '# SLA\n\n## Targets\n\nUptime is 99.9% per month.\n\n## Hosting\n\nAvailability is 99.5%.\n\n### Remedy\n\nA service credit applies.\n\n## Remedies\n\nA service credit of 5% applies.\n'
    expect(show(runOnly(rule, text))).toEqual(['5:1 warning Missing "service credit" to go with "Uptime"; say what the client gets when a target is missed'])
  })
})

describe('rule files', () => {
  it('a file can hold a list of rules under "rules:"', async () => {
    const dir = tempDir({'r.yaml': `rules:\n  - ${BREACH.trim().split('\n').join('\n    ')}\n  - id: no-asap\n    kind: forbid-phrase\n    phrases: [ASAP]\n`})
    const loaded = await loadCustomRules(path.join(dir, 'r.yaml'), {allowJs: false, label: 'r.yaml', configLabel: '.clauselintrc.yaml'})
    expect(loaded.map((r) => r.meta.id)).toEqual(['breach-notification', 'no-asap'])
  })

  it('the README example rule file and every kind validate against the shipped schema', () => {
    const ajv = new Ajv({strict: false})
    ajv.addFormat(DURATION_FORMAT, {type: 'string', validate: isDurationOption})
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, 'schema/custom-rule.schema.json'), 'utf8')) as object)
    for (const text of [BREACH, fs.readFileSync(path.join(root, 'fixtures/config/team/rules/breach-notification.yaml'), 'utf8'), 'id: a\nkind: forbid-phrase\nphrases: [x]\n', 'id: b\nkind: require-with\nif: [x]\nthen: [y]\n']) {
      expect(validate(parseYaml(text)), text).toBe(true)
    }
    expect(validate({id: 'a', kind: 'forbid-phrase'})).toBe(false)
    expect(validate({id: 'a', kind: 'require-clause', headings: ['x'], phrases: ['y']})).toBe(false)
  })

  it('custom rule findings go through suppressions, severities and every reporter like built-in ones', async () => {
    const dir = tempDir({
      // the built-in no-vague-terms also reads "ASAP"; it is off so that the lines show the custom rule alone
      '.clauselintrc.yaml': 'customRules: [./asap.yaml]\nrules:\n  no-asap: error\n  no-vague-terms: off\n',
      'asap.yaml': 'id: no-asap\nkind: forbid-phrase\nphrases: [ASAP]\nsuggestion: give a time\n',
      'a.md': '# Terms\n\nWe fix it ASAP.\n\nWe reply ASAP. <!-- clauselint-disable-line no-asap -- quoted from the client -->\n',
    })
    const r = await cli(['--profile', 'language', 'a.md'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/3:11\s+error\s+Forbidden phrase "ASAP"; give a time\s+no-asap/)
    expect(r.stdout).not.toMatch(/^\s+5:/m)
  })
})

describe('bad rule files: one line naming the file and the key, exit 2', () => {
  it.each([
    ['invalid YAML', 'id: x\nkind: [forbid-phrase\n', 'rules/x.yaml: line 3, column 1: invalid YAML (Flow sequence in block collection must be sufficiently indented and end with a ])'],
    ['an unknown kind', 'id: x\nkind: require-clauses\nheadings: [A]\n', 'rules/x.yaml: kind: "require-clauses" is not one of "require-clause", "forbid-phrase", "require-with"; did you mean "require-clause"?'],
    ['no kind', 'id: x\nheadings: [A]\n', 'rules/x.yaml: (top level): missing "kind"'],
    ['no id', 'kind: forbid-phrase\nphrases: [a]\n', 'rules/x.yaml: (top level): missing "id"'],
    ['a bad id', 'id: No Spaces\nkind: forbid-phrase\nphrases: [a]\n', 'rules/x.yaml: id: must match pattern "^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"'],
    ['an unknown key', 'id: x\nkind: forbid-phrase\nphrase: [a]\n', 'rules/x.yaml: (top level): missing "phrases"'],
    ['an extra key', 'id: x\nkind: forbid-phrase\nphrases: [a]\nallowed: [b]\n', 'rules/x.yaml: allowed: unknown key; did you mean "allow"?'],
    ['an empty list', 'id: x\nkind: require-with\nif: []\nthen: [b]\n', 'rules/x.yaml: if: must NOT have fewer than 1 items'],
    ['a bad regular expression', 'id: x\nkind: forbid-phrase\nphrases: [ok, "/(unclosed/"]\n', 'rules/x.yaml: phrases[1]: "/(unclosed/" is not a valid regular expression (/(unclosed/i: Unterminated group)'],
    ['a bad required value', 'id: x\nkind: require-clause\nheadings: [A]\nrequires: date\n', 'rules/x.yaml: requires: "date" is not one of "duration", "frequency", "percentage", "money"'],
    ['not a rule', '- a\n- b\n', 'rules/x.yaml: (top level): a rule must be an object with id and kind, got a list'],
    ['a rule id twice in one file', 'rules:\n  - {id: x, kind: forbid-phrase, phrases: [a]}\n  - {id: x, kind: forbid-phrase, phrases: [b]}\n', 'rules/x.yaml: id: "x" is used by two rules in this file'],
    ['the id of a built-in rule', 'id: no-vague-terms\nkind: forbid-phrase\nphrases: [a]\n', 'rules/x.yaml: id: "no-vague-terms" is already a built-in rule; choose another id'],
    ['a severity config does not accept', 'id: x\nkind: forbid-phrase\nphrases: [a]\nseverity: loud\n', 'rules/x.yaml: severity: "loud" is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a misspelt severity', 'id: x\nkind: forbid-phrase\nphrases: [a]\nseverity: erorr\n', 'rules/x.yaml: severity: "erorr" is not a severity; did you mean "error"?'],
    ['a severity number config does not accept', 'id: x\nkind: require-clause\nheadings: [A]\nseverity: 3\n', 'rules/x.yaml: severity: 3 is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a severity in a list', 'rules:\n  - {id: x, kind: forbid-phrase, phrases: [a]}\n  - {id: y, kind: forbid-phrase, phrases: [b], severity: [warn]}\n', 'rules/x.yaml: rules[1].severity: a list is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a list entry that is bad', 'rules:\n  - {id: x, kind: forbid-phrase, phrases: [a]}\n  - {id: y, kind: forbid-phrase}\n', 'rules/x.yaml: rules[1]: missing "phrases"'],
  ])('%s', async (_, content, message) => {
    const dir = tempDir({'.clauselintrc.yaml': 'customRules: [./rules/x.yaml]\n', 'rules/x.yaml': content, 'a.md': '# T\n\nText.\n'})
    const r = await cli(['a.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([`clauselint: ${message}`])
    expect(r.stdout).toBe('')
  })

  it('a missing rule file, a file that is not YAML, two files with one id', async () => {
    const missing = await cli(['a.md'], tempDir({'.clauselintrc.yaml': 'customRules: [./rules/nope.yaml]\n', 'a.md': '# T\n'}))
    expect(missing.errLines).toEqual(['clauselint: .clauselintrc.yaml: customRules: rules/nope.yaml does not exist'])
    const txt = await cli(['a.md'], tempDir({'.clauselintrc.yaml': 'customRules: [./r.txt]\n', 'r.txt': 'id: x\n', 'a.md': '# T\n'}))
    expect(txt.errLines).toEqual(['clauselint: .clauselintrc.yaml: customRules: r.txt is not a .yaml or .yml rule file (or a .js/.mjs module, with --allow-js-config)'])
    const twice = await cli(['a.md'], tempDir({'.clauselintrc.yaml': 'customRules: [./a.yaml, ./b.yaml]\n', 'a.yaml': 'id: x\nkind: forbid-phrase\nphrases: [a]\n', 'b.yaml': 'id: x\nkind: forbid-phrase\nphrases: [b]\n', 'a.md': '# T\n'}))
    expect(twice.errLines).toEqual(['clauselint: b.yaml: id: "x" is already the id of another custom rule; choose another id'])
    for (const r of [missing, txt, twice]) expect(r.code).toBe(2)
  })

  it('customRuleFromData throws a ConfigError', () => {
    expect(() => fromYaml('id: x\nkind: nope\n')).toThrow(ConfigError)
  })
})

describe('JavaScript rule modules', () => {
  const example = path.join(root, 'fixtures/config/js/no-auto-renewal.mjs')
  const agreement = '# Subscription Terms\n\nThis Agreement renews automatically for one year. The Order Form automatically renews unless either party gives 60 days written notice.\n'

  // a config in the linted folder may name rule files inside the lint root only: the example is copied beside it
  const local = './no-auto-renewal.mjs'
  const withExample = (files: Record<string, string>): string => tempDir({...files, 'no-auto-renewal.mjs': fs.readFileSync(example, 'utf8')})

  it('are refused without --allow-js-config', async () => {
    const dir = withExample({'.clauselintrc.yaml': `customRules: [${local}]\n`, 'a.md': agreement})
    const r = await cli(['a.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([`clauselint: no-auto-renewal.mjs: a JavaScript rule runs code; pass --allow-js-config to load it, or write it as a YAML rule`])
  })

  it('the README example loads with --allow-js-config, takes options from config, and reports like a built-in rule', async () => {
    const dir = withExample({'.clauselintrc.yaml': `customRules: [${local}]\n`, 'a.md': agreement})
    const r = await cli(['--allow-js-config', '--profile', 'language', '--format', 'json', 'a.md'], dir)
    expect(r.code).toBe(0)
    const messages = (JSON.parse(r.stdout) as LintResult[])[0]!.messages
    expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)).toEqual([
      'no-auto-renewal 3:16 Automatic renewal "renews automatically" with no notice period; say how many days before renewal either party may stop it',
    ])
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), `customRules: [${local}]\nrules:\n  no-auto-renewal: [error, {minNoticeDays: 90}]\n`)
    const stricter = await cli(['--allow-js-config', '--profile', 'language', '--format', 'json', 'a.md'], dir)
    expect((JSON.parse(stricter.stdout) as LintResult[])[0]!.messages.map((m) => `${m.severity} ${m.line}:${m.column}`)).toEqual(['error 3:16', 'error 3:66'])
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), `customRules: [${local}]\nrules:\n  no-auto-renewal: [error, {minNoticeDays: "ninety"}]\n`)
    const bad = await cli(['--allow-js-config', 'a.md'], dir)
    expect(bad.errLines).toEqual(['clauselint: .clauselintrc.yaml: rules.no-auto-renewal[1].minNoticeDays: must be a whole number, got "ninety"'])
  })

  it.each([
    ['no meta', 'export default {check() {}}', 'default.meta: must be an object, got nothing'],
    ['no check', "export default {meta: {id: 'x', description: 'd', category: 'language', severity: 'warning', messages: {m: 'M'}}}", 'default.check: must be a function, got nothing'],
    ['a bad id', "export default {meta: {id: 'X Y', description: 'd', category: 'language', severity: 'warning', messages: {m: 'M'}}, check() {}}", 'default.meta.id: must be a kebab-case id, got "X Y"'],
    ['a bad category', "export default {meta: {id: 'x', description: 'd', category: 'style', severity: 'warning', messages: {m: 'M'}}, check() {}}", 'default.meta.category: must be one of clause, language, integrity, got "style"'],
    ['a bad options schema', "export default {meta: {id: 'x', description: 'd', category: 'language', severity: 'warning', messages: {m: 'M'}, options: {schema: {type: 'nope'}, defaults: {}}}, check() {}}", 'default.meta.options.schema: is not a valid JSON Schema'],
    ['a module that throws', "throw new Error('boom')", 'could not be loaded (boom)'],
  ])('a module with %s: one line, exit 2', async (_, source, message) => {
    const dir = tempDir({'.clauselintrc.yaml': 'customRules: [./r.mjs]\n', 'r.mjs': `${source}\n`, 'a.md': agreement})
    const r = await cli(['--allow-js-config', 'a.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines.length).toBe(1)
    expect(r.errLines[0]).toContain(`clauselint: r.mjs: ${message}`)
  })
})

// The reporters are pure functions from results to text: checked on small hand-built results.
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import {ruleDocs} from '../src/package-info.js'
import {json, jsonWithMetadata} from '../src/reporters/json.js'
import {reporters} from '../src/reporters/index.js'
import {stylish} from '../src/reporters/stylish.js'
import type {LintMessage, LintResult} from '../src/types.js'

function message(fields: Partial<LintMessage> & Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column'>): LintMessage {
  return {messageId: 'm', endLine: fields.line, endColumn: fields.column + 1, sectionPath: [], ...fields}
}

const withFindings: LintResult = {
  filePath: 'agreements/acme msa.md',
  messages: [
    message({ruleId: 'response-times', severity: 'error', message: 'Missing response times; state a time to respond', line: 1, column: 1, sectionPath: ['Acme MSA']}),
    message({
      ruleId: 'no-vague-terms',
      severity: 'warning',
      message: 'Vague term "promptly"; say how fast',
      line: 12,
      column: 40,
      endLine: 12,
      endColumn: 48,
      sectionPath: ['Acme MSA', 'Support', 'Response'],
      outcome: 'vague',
      evidence: 'promptly',
    }),
    message({ruleId: 'service-hours', severity: 'info', message: 'Service hours are set in the Order Form', line: 104, column: 3, outcome: 'delegated'}),
  ],
  errorCount: 1,
  warningCount: 1,
  infoCount: 1,
  coverage: [
    {ruleId: 'response-times', outcome: 'missing', sectionPath: [], line: 1},
    {ruleId: 'no-vague-terms', outcome: 'vague', sectionPath: ['Acme MSA', 'Support'], line: 12},
    {ruleId: 'service-hours', outcome: 'delegated', sectionPath: [], line: 104},
    {ruleId: 'backup-frequency', outcome: 'present', sectionPath: ['Acme MSA', 'Backups'], line: 30, evidence: 'daily'},
  ],
}

const clean: LintResult = {filePath: 'clean.md', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: []}

const plain = new Chalk({level: 0})
const ANSI = /\u001b\[[0-9;]*m/g

describe('stylish', () => {
  it('groups by file with aligned columns, section paths and a clause tally', () => {
    expect(stylish([withFindings, clean], {chalk: plain})).toMatchInlineSnapshot(`
      "agreements/acme msa.md
        1:1    error    Missing response times; state a time to respond  response-times  Acme MSA
        12:40  warning  Vague term "promptly"; say how fast              no-vague-terms  Acme MSA › Support › Response
        104:3  info     Service hours are set in the Order Form          service-hours

      ✖ 1 error, 1 warning, 1 info (4 clauses checked: 1 present, 1 vague, 1 missing, 1 delegated) in 2 files
      "
    `)
  })

  it('prints only the summary for clean results', () => {
    expect(stylish([clean], {chalk: plain})).toBe('✔ 0 errors, 0 warnings\n')
    expect(stylish([], {chalk: plain})).toBe('✔ 0 errors, 0 warnings\n')
  })

  it('marks a warnings-only run with ⚠ and pluralises', () => {
    const one: LintResult = {...withFindings, messages: [withFindings.messages[1]!], errorCount: 0, warningCount: 1, infoCount: 0, coverage: []}
    expect(stylish([one], {chalk: plain}).split('\n').at(-2)).toBe('⚠ 0 errors, 1 warning')
  })

  it('colours with level 1 and nothing else changes', () => {
    const coloured = stylish([withFindings, clean], {chalk: new Chalk({level: 1})})
    expect(coloured).toMatch(ANSI)
    expect(coloured).toContain('\u001b[4magreements/acme msa.md\u001b[24m') // underlined file name
    expect(coloured).toContain('\u001b[31merror  \u001b[39m') // red error label
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m') // yellow warning label
    expect(coloured).toContain('\u001b[31m\u001b[1m1 error') // bold red summary
    expect(coloured.replace(ANSI, '')).toBe(stylish([withFindings, clean], {chalk: plain}))
  })

  it('has no escapes at level 0', () => {
    expect(stylish([withFindings], {chalk: plain})).not.toMatch(ANSI)
  })
})

/** A built-in rule's page, as SARIF's helpUri names it: it exists in the package. */
function page(ruleId: string): string {
  const uri = ruleDocs()(ruleId)
  expect(uri, ruleId).toMatch(new RegExp(`^(?:https|file):.*/docs/rules/${ruleId}\\.md$`))
  return uri!
}

describe('json', () => {
  it('is an array with one entry per file in the documented shape', () => {
    const parsed = JSON.parse(json([withFindings, clean])) as unknown[]
    expect(parsed).toEqual([
      {
        filePath: 'agreements/acme msa.md',
        messages: [
          {ruleId: 'response-times', severity: 'error', message: 'Missing response times; state a time to respond', line: 1, column: 1, endLine: 1, endColumn: 2, sectionPath: ['Acme MSA'], url: page('response-times')},
          {
            ruleId: 'no-vague-terms',
            severity: 'warning',
            message: 'Vague term "promptly"; say how fast',
            line: 12,
            column: 40,
            endLine: 12,
            endColumn: 48,
            sectionPath: ['Acme MSA', 'Support', 'Response'],
            outcome: 'vague',
            url: page('no-vague-terms'),
          },
          {ruleId: 'service-hours', severity: 'info', message: 'Service hours are set in the Order Form', line: 104, column: 3, endLine: 104, endColumn: 4, sectionPath: [], outcome: 'delegated', url: page('service-hours')},
        ],
        errorCount: 1,
        warningCount: 1,
        infoCount: 1,
        coverage: withFindings.coverage,
      },
      {filePath: 'clean.md', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: []},
    ])
  })

  it('leaves out internal fields (messageId, evidence) and marks fatal results', () => {
    const text = json([withFindings, {...clean, fatal: true}])
    expect(text).not.toContain('messageId')
    expect(text).not.toContain('"evidence": "promptly"')
    expect((JSON.parse(text) as Array<{fatal?: boolean}>)[1]?.fatal).toBe(true)
    expect(text.endsWith('}\n]\n')).toBe(true)
  })

  it('is byte for byte JSON.stringify of the entries with two spaces, line breaks inside strings included', () => {
    const multiline: LintResult = {
      ...withFindings,
      filePath: 'agreements/two\nlines "quoted".md',
      messages: [message({ruleId: 'custom/x', severity: 'warning', message: 'First line\n  second line\\n "quoted"', line: 3, column: 1})],
    }
    const text = json([withFindings, multiline, clean])
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
    expect((JSON.parse(text) as Array<{messages: Array<{message: string}>}>)[1]?.messages[0]?.message).toBe('First line\n  second line\\n "quoted"')
    expect(json([clean])).toBe(`${JSON.stringify([{filePath: 'clean.md', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: []}], null, 2)}\n`)
  })

  it("gives each message its rule's page as url, the same for a suppressed one; a rule with no page (a custom rule, fatal) gets none", () => {
    const custom = message({ruleId: 'house-breach-notice', severity: 'warning', message: 'No breach notice', line: 2, column: 1})
    const fatal = message({ruleId: 'fatal', severity: 'error', message: 'not UTF-8', line: 1, column: 1})
    const suppressed = {...withFindings.messages[1]!, suppression: {kind: 'directive' as const, line: 12, column: 1}}
    const parsed = JSON.parse(json([{...withFindings, messages: [...withFindings.messages, custom, fatal], suppressed: [suppressed]}])) as Array<{messages: Array<{ruleId: string; url?: string}>; suppressedMessages: Array<{ruleId: string; url?: string}>}>
    const urls = Object.fromEntries(parsed[0]!.messages.map((m) => [m.ruleId, m.url]))
    expect(urls).toEqual({'response-times': page('response-times'), 'no-vague-terms': page('no-vague-terms'), 'service-hours': page('service-hours'), 'house-breach-notice': undefined, fatal: undefined})
    expect(parsed[0]!.suppressedMessages[0]!.url).toBe(page('no-vague-terms'))
    // a lookup given by the caller is what the report uses
    expect(JSON.parse(json([withFindings], (id) => `https://example.com/${id}`))[0].messages[0].url).toBe('https://example.com/response-times')
  })

  it("json-with-metadata: ESLint's shape, the json entries as results and each reported rule's description and page in rulesMeta", () => {
    const custom = message({ruleId: 'house-breach-notice', severity: 'warning', message: 'No breach notice', line: 2, column: 1})
    const results = [{...withFindings, messages: [...withFindings.messages, custom]}, clean]
    const metas = [
      {id: 'response-times', description: 'Requires response times per priority', category: 'clause' as const, severity: 'error' as const, messages: {}},
      {id: 'house-breach-notice', description: 'The provider reports a breach within a stated time', category: 'clause' as const, severity: 'warning' as const, messages: {}},
      {id: 'backup-frequency', description: 'Not reported here', category: 'clause' as const, severity: 'error' as const, messages: {}},
    ]
    const text = jsonWithMetadata(results, {cwd: '/repo', rules: metas})
    const parsed = JSON.parse(text) as {results: unknown[]; metadata: {cwd: string; rulesMeta: Record<string, {docs: {description?: string; url?: string}}>}}
    expect(parsed.results).toEqual(JSON.parse(json(results)))
    expect(parsed.metadata.cwd).toBe('/repo')
    // only the rules that reported, each with its page where it has one
    expect(Object.keys(parsed.metadata.rulesMeta).sort()).toEqual(['house-breach-notice', 'no-vague-terms', 'response-times', 'service-hours'])
    expect(parsed.metadata.rulesMeta['response-times']).toEqual({docs: {description: 'Requires response times per priority', url: page('response-times')}})
    expect(parsed.metadata.rulesMeta['house-breach-notice']).toEqual({docs: {description: 'The provider reports a breach within a stated time'}})
    for (const r of parsed.results as Array<{messages: Array<{ruleId: string; url?: string}>}>) for (const m of r.messages) expect(m.url).toBe(parsed.metadata.rulesMeta[m.ruleId]!.docs.url)
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`)
    expect(reporters['json-with-metadata']?.(results, {chalk: plain, clauseRuleIds: new Set(), cwd: '/repo', rules: metas})).toBe(text)
  })

  it('gives [] for no results, and the registry reporter matches', () => {
    expect(json([])).toBe('[]\n')
    expect(reporters['json']?.([withFindings], {chalk: plain, clauseRuleIds: new Set()})).toBe(json([withFindings]))
    expect(reporters['stylish']?.([withFindings], {chalk: plain, clauseRuleIds: new Set()})).toBe(stylish([withFindings], {chalk: plain}))
  })
})

describe('stylish: a pass that checked no clause says so', () => {
  const plain = new Chalk({level: 0})
  const clean = (profile?: {name: string; reason: string}): LintResult =>
    ({filePath: 'a.md', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: [], ...(profile ? {profile} : {})}) as unknown as LintResult
  it('a file detected as no agreement: the summary names it', () => {
    const out = stylish([clean({name: 'language', reason: 'not recognised as a services agreement (0 service signals); only the language rules run'})], {chalk: plain})
    expect(out.trim()).toBe('✔ 0 errors, 0 warnings; the file was not read as an agreement, so only the language rules ran (--profile msa checks it as one)')
  })
  it('a language profile chosen on purpose, or a file without a profile: the plain summary', () => {
    expect(stylish([clean({name: 'language', reason: 'chosen with --profile'})], {chalk: plain}).trim()).toBe('✔ 0 errors, 0 warnings')
    expect(stylish([clean({name: 'language', reason: 'set in .clauselintrc.yaml'})], {chalk: plain}).trim()).toBe('✔ 0 errors, 0 warnings')
    expect(stylish([clean()], {chalk: plain}).trim()).toBe('✔ 0 errors, 0 warnings')
  })
})

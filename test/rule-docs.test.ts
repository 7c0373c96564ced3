// Rule documentation: docs/rules/<id>.md is generated from rule meta and fixtures and kept current; --explain prints
// the same page; SARIF links each rule to its page.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs} from './helpers.js'
import {rules} from '../rules/index.js'
import {RULE_DOCS_DIR, ruleDoc, ruleDocFiles} from '../src/rule-docs.js'
import {fileURLToPath} from 'node:url'

const root = path.join(import.meta.dirname, '..')
const tempDir = tempDirs('rule-docs')

describe('docs/rules', () => {
  const files = ruleDocFiles(rules, root)

  it('is current: every page equals what `npm run docs` generates from rule meta and fixtures (run it to update)', () => {
    for (const [rel, text] of Object.entries(files)) expect(readFileSync(path.join(root, rel), 'utf8'), `${rel} is stale: run npm run docs`).toBe(text)
  })

  it('has a page for every rule and no page for a rule that does not exist', () => {
    const pages = readdirSync(path.join(root, RULE_DOCS_DIR)).sort()
    expect(pages).toEqual(Object.keys(files).map((f) => path.basename(f)).sort())
    expect(pages).toHaveLength(rules.length + 1)
  })

  it('shows a clause rule with present, vague, missing and delegated examples and their findings', () => {
    const page = files[`${RULE_DOCS_DIR}/backup-frequency.md`]!
    for (const heading of ['## What it checks', '### Present', '### Vague', '### Missing', '### Delegated', '## Options', '## Turning it off or down']) expect(page).toContain(heading)
    expect(page).toContain('From `fixtures/backup-frequency/fails-missing.md`:')
    expect(page).toMatch(/- line \d+, column \d+, error: Missing backup frequency/)
    expect(page).toContain('| `maxInterval` | duration | `"24h"` |')
    expect(page).toContain('<!-- clauselint-disable-file backup-frequency -- ')
  })

  it('shows a language rule with flagged and not-flagged examples', () => {
    const page = files[`${RULE_DOCS_DIR}/no-placeholders.md`]!
    expect(page).toContain('### Not flagged')
    expect(page).toContain('### Flagged')
    expect(page).toMatch(/warning: Unfilled placeholder "\[Client Name\]"/)
    expect(page).toContain('<!-- clauselint-disable-next-line no-placeholders -- ')
  })

  it('a fixture with a code fence inside is shown in a longer fence', () => {
    const rule = rules.find((r) => r.meta.id === 'no-placeholders')!
    const page = ruleDoc(rule, [{name: 'fails.md', text: '# T\n\n```\ncode\n```\n', expected: []}])
    expect(page).toContain('````markdown\n# T\n\n```\ncode\n```\n````')
  })
})

describe('--explain', () => {
  it('prints the rule page', async () => {
    const ran = await runCli(['--explain', 'response-times'])
    expect(ran.code).toBe(0)
    expect(ran.stdout).toBe(readFileSync(path.join(root, RULE_DOCS_DIR, 'response-times.md'), 'utf8'))
  })

  it('documents a custom rule of the config from its meta', async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': 'customRules: [./breach.yaml]\n',
      'breach.yaml': 'id: breach-notification\nkind: require-clause\ndescription: The agreement says how soon the provider reports a breach\nheadings: [Breach Notification]\nrequires: duration\n',
    })
    const ran = await runCli(['--explain', 'breach-notification'], {cwd: dir})
    expect(ran.code).toBe(0)
    expect(ran.stdout).toMatch(/^# breach-notification\n\nThe agreement says how soon the provider reports a breach\.\n/)
    expect(ran.stdout).toContain('breach-notification: off')
  })

  it.each([
    [['--explain', 'respons-times'], 'clauselint: --explain: unknown rule "respons-times"; did you mean "response-times"?'],
    [['--explain', 'xyzzy-plugh-quux'], 'clauselint: --explain: unknown rule "xyzzy-plugh-quux"; the rules are listed in docs/rules/README.md'],
    [['--explain', 'response-times', 'a.md'], 'clauselint: --explain takes a rule id; give no paths with it'],
  ])('%j: exit 2, one line', async (argv, line) => {
    const ran = await runCli(argv)
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.errLines).toEqual([line])
  })
})

describe('links to the pages', () => {
  it('SARIF gives each built-in rule a helpUri that is its page, and informationUri a page that exists', async () => {
    const dir = tempDir({'fees.md': '# Fees\n\nThe monthly fee is TBD.\n'})
    const ran = await runCli(['-f', 'sarif', '--profile', 'language', 'fees.md'], {cwd: dir})
    const driver = JSON.parse(ran.stdout).runs[0].tool.driver as {informationUri: string; rules: Array<{id: string; helpUri?: string}>}
    expect(driver.rules.length).toBeGreaterThanOrEqual(3)
    for (const rule of driver.rules) {
      expect(rule.helpUri, rule.id).toBeDefined()
      // without a repository in package.json the page is the one in the installed package
      const file = fileURLToPath(rule.helpUri!)
      expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^# ${rule.id}\\n`))
    }
    expect(readFileSync(fileURLToPath(driver.informationUri), 'utf8')).toMatch(/^# clauselint\n/)
  })

  it("JSON gives each message its rule's page as url, SARIF's helpUri for that rule; json-with-metadata also in rulesMeta[ruleId].docs.url", async () => {
    const dir = tempDir({'msa.md': '# Managed Services Agreement\n\n## Support\n\nWe respond promptly. The monthly fee is TBD.\n'})
    const sarifRun = await runCli(['-f', 'sarif', '--profile', 'msa', 'msa.md'], {cwd: dir})
    const helpUri = new Map((JSON.parse(sarifRun.stdout).runs[0].tool.driver.rules as Array<{id: string; helpUri?: string}>).map((r) => [r.id, r.helpUri]))
    const ran = await runCli(['-f', 'json', '--profile', 'msa', 'msa.md'], {cwd: dir})
    const messages = JSON.parse(ran.stdout)[0].messages as Array<{ruleId: string; url?: string}>
    expect(new Set(messages.map((m) => m.ruleId)).size).toBeGreaterThan(3)
    for (const m of messages) {
      expect(m.url, m.ruleId).toBeDefined()
      expect(m.url, m.ruleId).toBe(helpUri.get(m.ruleId))
      expect(readFileSync(fileURLToPath(m.url!), 'utf8')).toMatch(new RegExp(`^# ${m.ruleId}\\n`))
    }
    const meta = await runCli(['-f', 'json-with-metadata', '--profile', 'msa', 'msa.md'], {cwd: dir})
    expect(meta.code).toBe(ran.code)
    const parsed = JSON.parse(meta.stdout) as {results: unknown; metadata: {cwd: string; rulesMeta: Record<string, {docs: {description: string; url: string}}>}}
    expect(parsed.results).toEqual(JSON.parse(ran.stdout))
    expect(parsed.metadata.cwd).toBe(dir)
    expect(Object.keys(parsed.metadata.rulesMeta).sort()).toEqual([...new Set(messages.map((m) => m.ruleId))].sort())
    for (const m of messages) expect(parsed.metadata.rulesMeta[m.ruleId]!.docs.url).toBe(m.url)
    const description = rules.find((r) => r.meta.id === 'no-placeholders')!.meta.description
    expect(parsed.metadata.rulesMeta['no-placeholders']!.docs.description).toBe(description)
  })

  it("the HTML report links each rule to the same page as SARIF's helpUri (this package's version), not another", async () => {
    const dir = tempDir({'msa.md': '# Managed Services Agreement\n\n## Support\n\nWe respond promptly. The monthly fee is TBD.\n'})
    const sarifRun = await runCli(['-f', 'sarif', '--profile', 'msa', 'msa.md'], {cwd: dir})
    const helpUri = new Map((JSON.parse(sarifRun.stdout).runs[0].tool.driver.rules as Array<{id: string; helpUri?: string}>).map((r) => [r.id, r.helpUri]))
    const html = await runCli(['-f', 'html', '--profile', 'msa', 'msa.md'], {cwd: dir})
    const links = [...html.stdout.matchAll(/<a href="([^"#][^"]*)"><code>([a-z-]+)<\/code><\/a>/g)].map((m) => [m[2]!, m[1]!.replace(/&amp;/g, '&')] as const)
    expect(new Set(links.map(([id]) => id)).size).toBeGreaterThan(3)
    for (const [id, href] of links) expect(href, id).toBe(helpUri.get(id))
  })

  it("a custom rule's messages have no url: it has no page", async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': 'customRules: [./sole.yaml]\n',
      'sole.yaml': 'id: no-sole-discretion\nkind: forbid-phrase\nphrases: [sole discretion]\n',
      'a.md': '# Terms\n\nThe Provider may act at its sole discretion.\n',
    })
    const ran = await runCli(['-f', 'json', '--profile', 'language', 'a.md'], {cwd: dir})
    const m = (JSON.parse(ran.stdout)[0].messages as Array<{ruleId: string; url?: string}>).find((x) => x.ruleId === 'no-sole-discretion')
    expect(m).toBeDefined()
    expect(m).not.toHaveProperty('url')
  })

  it('the HTML report links each finding\'s rule to its page', async () => {
    const dir = tempDir({'fees.md': '# Fees\n\nThe monthly fee is TBD.\n'})
    const ran = await runCli(['-f', 'html', '--profile', 'language', 'fees.md'], {cwd: dir})
    expect(ran.stdout).toMatch(/<a href="file:[^"]*\/docs\/rules\/no-placeholders\.md"><code>no-placeholders<\/code><\/a>/)
  })
})

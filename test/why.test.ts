// scripts/why.ts explains a clause decision along the path the rule really takes (topic filter, list context).
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import {CLAUSE_RULE_IDS, explain, explainAll} from '../scripts/why.js'
import {tempDirs} from './helpers.js'
import {AGREEMENTS_DIR, sampleAgreements} from './tiers.js'

const root = path.join(import.meta.dirname, '..')
const tempDir = tempDirs('why-')
const why = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'why.ts'), ...args], {cwd: root, encoding: 'utf8', timeout: 60_000})

const TEXT = `# Support Agreement

Between Tallis Digital Ltd ("Tallis") and Corrie Bakeries Ltd ("you").

## Response

Tallis will respond to support requests within the following times:

- P1: 1 hour
- P2: 4 hours

## Fees

The fee is £300 a month.
`

describe('scripts/why.ts', () => {
  it('prints the outcome and the units judged in order, each list item with the sentence that introduced it', () => {
    const dir = tempDir({'a.md': TEXT})
    const r = why(path.join(dir, 'a.md'), 'response-times')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^outcome: present/)
    expect(r.stdout).toMatch(/judged, in order:/)
    // the finder stops at the first present: the intro with its list of times (in its home: a title that is only the
    // metric's noun, "Response", is the home of the response times)
    expect(r.stdout).toMatch(/\n {2}7 \(in its home\): present {2}"Tallis will respond to support requests within the following times:"/)
    // the fee sentence never reaches the judge (topic filter), so it is not listed
    expect(r.stdout).not.toMatch(/The fee is/)
  })

  it('--unreached lists what the real path never judges but the judge would decide, and nothing it did judge', () => {
    const hours = '# Terms\n\nBetween A Ltd ("we") and B Ltd ("you").\n\n## Support hours\n\nSupport hours are 08:00 to 18:00 UK time, Monday to Friday.\n\n## Helpdesk\n\nThe helpdesk hours are 09:00 to 17:00 UK time, Monday to Friday.\n'
    const dir = tempDir({'h.md': hours})
    const r = why(path.join(dir, 'h.md'), 'service-hours', '--unreached')
    expect(r.status).toBe(0)
    const [judged, unreached] = r.stdout.split(/not judged on the real path[^\n]*\n/)
    // the search stops at the first present: the helpdesk hours are never judged, though the judge would take them
    expect(judged).toMatch(/\n {2}7 \(in its home\): present {2}"Support hours are/)
    expect(judged).not.toMatch(/helpdesk hours/)
    expect(unreached).toMatch(/\n? {2}11: present {2}"The helpdesk hours are/)
    expect(unreached).not.toMatch(/Support hours are/)
  })

  it('reads the config files beside the file, as the command line does (--no-config: none)', () => {
    const text = '# Terms\n\nBetween A Ltd ("we") and B Ltd ("you").\n\n## Support hours\n\nSupport hours are 08:00 to 18:00, Monday to Friday.\n'
    const dir = tempDir({'h.md': text, '.clauselintrc.yaml': 'rules:\n  service-hours: {requireTimeZone: false}\n'})
    const withConfig = why(path.join(dir, 'h.md'), 'service-hours', '--profile', 'msa')
    expect(withConfig.status).toBe(0)
    expect(withConfig.stdout).toMatch(/^outcome: present/)
    const without = why(path.join(dir, 'h.md'), 'service-hours', '--no-config', '--profile', 'msa')
    expect(without.status).toBe(0)
    expect(without.stdout).toMatch(/^outcome: vague/)
  })

  it('a rule that is not a clause rule, a file that cannot be read, or missing arguments: exit 2 with one line', () => {
    for (const r of [why('x.md', 'no-vague-terms'), why(path.join(tempDir(), 'none.md'), 'response-times'), why(), why('x.md', 'response-times', '--profile', 'nope')]) {
      expect(r.status).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})

/** The outcome a lint reports for each clause rule it runs (its coverage), by rule id. */
const linted = (text: string, options: Parameters<typeof lint>[1]): Map<string, string> => new Map(lint(text, options).coverage.map((c) => [c.ruleId, c.outcome]))

describe('explain() follows the real path', () => {
  it('explains, for every clause rule on every agreement of fixtures/agreements (sampled in npm test), the outcome the lint reports', () => {
    const dir = AGREEMENTS_DIR
    const files = sampleAgreements(30)
    expect(files.length).toBeGreaterThanOrEqual(25)
    expect(CLAUSE_RULE_IDS).toEqual(expect.arrayContaining(['response-times', 'scope-of-services', 'service-hours']))
    const differ: string[] = []
    let compared = 0
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8')
      // the profile the accuracy scorer lints with: the operational clauses and the commercial core
      const options = {filePath: file, profile: 'msa' as const}
      const reported = linted(text, options)
      for (const e of explainAll(text, CLAUSE_RULE_IDS, options)) {
        // a rule the lint does not run reports no outcome; one it runs reports the outcome explained
        const explained = e.runs ? e.outcome : 'not run'
        const outcome = reported.get(e.ruleId) ?? 'not run'
        if (explained !== outcome) differ.push(`${file} ${e.ruleId}: explained ${explained}, reported ${outcome}`)
        if (e.runs) compared++
      }
    }
    expect(differ).toEqual([])
    // every file had its clause rules compared (msa runs the 11 operational clauses and more)
    expect(compared).toBeGreaterThanOrEqual(files.length * 11)
  })

  it('takes the options, severities and profile a lint takes from front matter (a heading synonym, a rule option, a rule off)', () => {
    const text = `---
clauselint:
  rules:
    service-hours: {headings: ["When to find us"], requireTimeZone: false}
    backup-frequency: off
---
# Support Agreement

Between Tallis Digital Ltd ("Tallis") and Corrie Bakeries Ltd ("you").

## When to find us

Monday to Friday, 08:00 to 18:00.

## Fees

The fee is £300 a month.
`
    const reported = linted(text, {filePath: 'fm.md'})
    const [hours, backups] = explainAll(text, ['service-hours', 'backup-frequency'], {filePath: 'fm.md'})
    // hours without a time zone are present only because the front matter says a time zone is not required
    expect(reported.get('service-hours')).toBe('present')
    expect(hours!.outcome).toBe('present')
    expect(hours!.runs).toBe(true)
    // the section is judged as the rule's home only by the heading synonym the front matter gives
    expect(hours!.steps.some((s) => s.inHome)).toBe(true)
    // the same text without the front matter: the rule's defaults, no home
    const plain = text.replace(/^---[\s\S]*?---\n/, '')
    const bare = explain(plain, 'service-hours', {filePath: 'plain.md'})
    expect(bare.outcome).toBe(linted(plain, {filePath: 'plain.md'}).get('service-hours'))
    expect(bare.outcome).not.toBe('present')
    // a rule turned off is not run: the lint reports nothing for it, and the explanation says so
    expect(reported.has('backup-frequency')).toBe(false)
    expect(backups!.runs).toBe(false)
    expect(backups!.notRun).toBe('it is turned off')
  })

  it('a rule outside the profile is explained as not run', () => {
    const e = explain(TEXT, 'response-times', {filePath: 'a.md', profile: 'language'})
    expect(linted(TEXT, {filePath: 'a.md', profile: 'language'}).has('response-times')).toBe(false)
    expect(e.runs).toBe(false)
    expect(e.notRun).toBe('the language profile does not run it')
  })
})

import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {builtinRules, clauseGroups, metaJson, ruleMetas} from '../rules/meta.js'
import {lint} from '../src/lint.js'
import {profileRules} from '../src/profiles.js'
import {ruleCode, type AnyRule} from '../src/rule.js'

const root = path.join(import.meta.dirname, '..')

describe('the built-in rules by their metadata (rules/meta.ts)', () => {
  it("equals the registry's rules' meta, clause groups included (after changing a rule's meta, run npm run docs)", () => {
    expect(ruleMetas.map((m) => m.id)).toEqual(rules.map((r) => r.meta.id))
    for (const [i, rule] of rules.entries()) expect(ruleMetas[i], rule.meta.id).toEqual(rule.meta)
    expect(metaJson(builtinRules)).toEqual(metaJson(rules))
  })

  it('gives each clause rule its group from the one list of groups', () => {
    const grouped = ruleMetas.filter((m) => m.group)
    expect(grouped.length).toBeGreaterThan(0)
    for (const m of grouped) expect(clauseGroups).toContain(m.group)
  })

  it("runs each rule's own code through its handle", () => {
    for (const handle of builtinRules) {
      const code = ruleCode(handle)
      expect(code).not.toBe(handle)
      expect(code).toBe(rules.find((r) => r.meta.id === handle.meta.id))
    }
    const own: AnyRule = {meta: rules[0]!.meta, check: () => undefined}
    expect(ruleCode(own)).toBe(own)
  })

  it('lints alike with the handles (as configuration gives them) and with the registry', () => {
    const text = readFileSync(path.join(root, 'fixtures', 'agreements', 'sample-msa.md'), 'utf8')
    expect(profileRules('msa').every((r) => builtinRules.includes(r))).toBe(true)
    const byHandles = lint(text, {filePath: 'sample-msa.md', rules: builtinRules})
    const byCode = lint(text, {filePath: 'sample-msa.md', rules})
    expect(byHandles.messages.length).toBeGreaterThan(0)
    expect(byHandles).toEqual(byCode)
  })

  it('says so when a handle runs before the rules are loaded, rather than linting without them', () => {
    const script = "import {builtinRules} from './rules/meta.ts'; import {lint} from './src/lint.ts'; try { lint('# MSA\\n', {rules: builtinRules}); console.log('linted') } catch (e) { console.log(e.message) }"
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'})
    expect(out).toMatch(/the code of the built-in rule [a-z-]+ is not loaded/)
  })
})

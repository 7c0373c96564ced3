// Project conventions: the rule registry matches rules/*.ts and the data-defined clause rules, each rule has fixtures that use all its messages,
// and the README rules table is generated from rule meta.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {DATA_RULE_IDS, rules} from '../rules/index.js'
import {readRulesTable, rulesTable} from '../src/docs.js'

const root = path.join(import.meta.dirname, '..')
const ids = rules.map((r) => r.meta.id)

/** A message template as a pattern: fixed text literal, each `{slot}` any non-empty text. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`${parts.join('.+?')}$`, 's')
}

describe('rule registry', () => {
  it('lists exactly the rules/*.ts files and the clauses of rules/data/clauses-extra.json, sorted by id', () => {
    const files = readdirSync(path.join(root, 'rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'meta.ts' && !f.endsWith('.d.ts'))
      .map((f) => f.slice(0, -3))
    // a rule is a file or a data entry, never both
    expect(files.filter((f) => DATA_RULE_IDS.includes(f))).toEqual([])
    expect(ids).toEqual([...files, ...DATA_RULE_IDS].sort())
    expect(ids).toEqual([...ids].sort())
  })

  it('has unique kebab-case ids', () => {
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/)
  })

  it('gives every rule a description, a category, a default severity and messages', () => {
    for (const {meta} of rules) {
      expect(meta.description.trim(), meta.id).not.toBe('')
      expect(['clause', 'language', 'integrity'], meta.id).toContain(meta.category)
      expect(['error', 'warning', 'info'], meta.id).toContain(meta.severity)
      expect(Object.keys(meta.messages).length, meta.id).toBeGreaterThan(0)
    }
  })
})

describe.each(rules.map((r) => [r.meta.id, r] as const))('fixtures of %s', (id, rule) => {
  const dir = path.join(root, 'fixtures', id)

  it('has fixtures/<id>/passes.md and fixtures/<id>/fails.md', () => {
    expect(existsSync(path.join(dir, 'passes.md')), `fixtures/${id}/passes.md`).toBe(true)
    expect(existsSync(path.join(dir, 'fails.md')), `fixtures/${id}/fails.md`).toBe(true)
  })

  it('uses every message of meta.messages in some fails*.expected.txt line', () => {
    const expected = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /^fails.*\.expected\.txt$/.test(f))
          .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
          .filter((l) => l.trim())
      : []
    const unused = Object.entries(rule.meta.messages as Record<string, string>)
      .filter(([, template]) => !expected.some((line) => templatePattern(template).test(line)))
      .map(([messageId]) => messageId)
    expect(unused, `message ids of ${id} with no expected line in fixtures/${id}/fails*.expected.txt`).toEqual([])
  })
})

describe('README', () => {
  it('has the rules table generated from rule meta (run `npm run docs` to update it)', () => {
    const readmePath = path.join(root, 'README.md')
    expect(existsSync(readmePath), 'README.md exists').toBe(true)
    const table = readRulesTable(readFileSync(readmePath, 'utf8'))
    expect(table, 'README.md has <!-- rules:start --> and <!-- rules:end -->').toBeDefined()
    expect(table).toBe(rulesTable(rules))
  })
})

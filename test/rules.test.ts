// One harness for every rule's fixtures: passes*.md yield nothing, fails*.md yield exactly the expected lines.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {formatMessage, runRule} from './helpers.js'

const root = path.join(import.meta.dirname, '..', 'fixtures')

describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const dir = path.join(root, id)
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : []

  it('has passing and failing fixtures', () => {
    expect(files.some((f) => f.startsWith('passes'))).toBe(true)
    expect(files.some((f) => f.startsWith('fails'))).toBe(true)
  })

  for (const file of files.filter((f) => f.startsWith('passes'))) {
    it(`${file} gives no findings`, () => {
      const messages = runRule(rule, readFileSync(path.join(dir, file), 'utf8'))
      expect(messages.map(formatMessage)).toEqual([])
    })
  }

  for (const file of files.filter((f) => f.startsWith('fails'))) {
    it(`${file} gives exactly the expected findings`, () => {
      const messages = runRule(rule, readFileSync(path.join(dir, file), 'utf8'))
      const expected = readFileSync(path.join(dir, file.replace(/\.md$/, '.expected.txt')), 'utf8').split('\n').filter((l) => l.trim())
      expect(messages.length).toBeGreaterThan(0)
      expect(messages.every((m) => m.ruleId === id)).toBe(true)
      expect(messages.map(formatMessage)).toEqual(expected)
    })
  }
})

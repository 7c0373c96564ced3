// The search for restated values that conflict asks each class of alike values once; the pairwise search it replaced
// is kept here as the reference: both give the same pairs on every fixture agreement and on long repeated documents.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {read} from '../src/reading/index.js'
import {restatedConflicts, type Restated} from '../src/reading/restated.js'
import {lint} from '../src/lint.js'

/** The pairwise search: for each value, the earliest unpaired earlier value it conflicts with. */
function pairwise(list: readonly Restated[]): Array<[Restated, Restated]> {
  const namesSource = (words: string, item: string): boolean => {
    const filler = /^(?:the|of|and|or|a|an|for|all|our|your|its|each|every|back(?:ed|s|ing)?[- ]?ups?|cop(?:y|ies)|snapshots?|images?|data)$/
    const first = item.split(/[^\w-]+/).find((w) => w && !filler.test(w))
    if (!first) return true
    const stem = first.replace(/(?:es|s)$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return new RegExp(`(?:^|[^\\w-])${stem}(?:e?s)?(?![\\w-])`).test(words)
  }
  const differ = (a: Restated, b: Restated): boolean =>
    a.key === 'notice' && a.days !== b.days ? Math.abs(a.value - b.value) > 0.1 * Math.max(a.value, b.value) : a.value !== b.value
  const out: Array<[Restated, Restated]> = []
  const used = new Set<Restated>()
  for (let j = 1; j < list.length; j++) {
    const b = list[j]!
    for (let i = 0; i < j; i++) {
      const a = list[i]!
      if (used.has(a) || a.key !== b.key || a.block === b.block) continue
      if (a.keyed !== undefined && b.keyed !== undefined && a.keyed !== b.keyed && a.keyed.split(':')[0] === b.keyed.split(':')[0]) continue
      const agrees = (x: Restated, y: Restated) => x.keyed !== undefined && y.agrees !== undefined && y.agrees.split(' ').includes(x.keyed.split(':')[0]!)
      if (agrees(a, b) || agrees(b, a)) continue
      if ((a.item !== undefined || b.item !== undefined) && (a.item !== undefined && b.item !== undefined ? a.item !== b.item : !a.things.size || !b.things.size)) continue
      if (a.key.startsWith('backup|') && a.item !== undefined && a.item === b.item && a.block.header === b.block.header) continue
      const row = a.item !== undefined ? a : b
      const other = row === a ? b : a
      if (row.item !== undefined && other.words !== undefined && !namesSource(other.words, row.item)) continue
      if (a.things.size !== b.things.size && (!a.things.size || !b.things.size)) continue
      if (a.things.size && ![...a.things].some((t) => b.things.has(t))) continue
      if (!differ(a, b)) continue
      out.push([a, b])
      used.add(a).add(b)
      break
    }
  }
  return out
}

const at = (pairs: Array<[Restated, Restated]>, list: readonly Restated[]) => pairs.map(([a, b]) => [list.indexOf(a), list.indexOf(b)])

const fixtureTexts = (): Array<[string, string]> => {
  const out: Array<[string, string]> = []
  for (const dir of ['fixtures/agreements', 'fixtures/consistent-values']) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) out.push([path.join(dir, f), readFileSync(path.join(dir, f), 'utf8')])
  }
  return out
}

describe('restated conflicts: the class search gives the pairwise search\'s pairs', () => {
  it('on every agreement and consistent-values fixture', () => {
    let values = 0
    let pairs = 0
    for (const [file, text] of fixtureTexts()) {
      const list = read(buildDocument(text, file)).restatedValues
      const expected = pairwise(list)
      values += list.length
      pairs += expected.length
      expect(at(restatedConflicts(list), list), file).toEqual(at(expected, list))
    }
    // the comparison means something only if the fixtures hold values and conflicts
    expect(values).toBeGreaterThan(500)
    expect(pairs).toBeGreaterThan(10)
  })

  it('on documents that restate one schedule many times, with some values changed', () => {
    const schedule = (i: number) =>
      [
        `## ${i}. Fees`,
        '',
        `The monthly fee is £${i % 3 === 0 ? 450 : 400} per month. Work outside the plan is billed at £${i % 4 === 0 ? 95 : 90} an hour.`,
        '',
        '| Item | Price |',
        '|---|---|',
        `| Server care | £${i % 5 === 0 ? 60 : 50} a month |`,
        `| Laptop care | £20 a month |`,
        '',
        `Either party may end this agreement with ${i % 2 ? 'three months' : '90 days'} notice. Backups of the database are taken ${i % 6 === 0 ? 'hourly' : 'daily'}.`,
        '',
      ].join('\n')
    for (const copies of [7, 12, 30]) {
      const text = ['# Managed Services Agreement', '', ...Array.from({length: copies}, (_, i) => schedule(i + 1))].join('\n')
      const list = read(buildDocument(text, 'repeated.md')).restatedValues
      expect(list.length).toBeGreaterThan(copies * 3)
      const expected = pairwise(list)
      expect(expected.length).toBeGreaterThan(0)
      expect(at(restatedConflicts(list), list)).toEqual(at(expected, list))
    }
  })

  it('a fee restated differently is reported at the later statement', () => {
    const text = ['# Managed Services Agreement', '', '## Fees', '', 'The monthly fee is £400 per month.', '', '## Summary', '', 'Fees: the monthly fee is £450 per month.', ''].join('\n')
    const messages = lint(text, {filePath: 'two.md'}).messages.filter((m) => m.ruleId === 'consistent-values')
    expect(messages.map((m) => m.line)).toEqual([9])
  })
})

// consistent-values pairs backup retentions that differ by asking each class of alike retentions once; the pairwise
// search it replaced (which asked every earlier retention, and at one cadence the whole list again per pair, through
// the rule's own oneKind) is kept here as the reference: both give the same pairs on seeded random lists and on a long
// agreement that restates one retention in every section.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {keptConflicts, oneKind, type Kept} from '../rules/consistent-values.js'
import {otherLabel} from '../src/reading/metrics.js'
import {lint} from '../src/lint.js'
import type {Block} from '../src/types.js'

/** The pairwise search: for each retention, the earliest unpaired earlier one in another block that it conflicts with. */
function pairwise(list: readonly Kept[]): Array<[Kept, Kept]> {
  const out: Array<[Kept, Kept]> = []
  const used = new Set<Kept>()
  const one = oneKind(list)
  for (let j = 1; j < list.length; j++) {
    const b = list[j]!
    if (used.has(b)) continue
    for (let i = 0; i < j; i++) {
      const a = list[i]!
      if (used.has(a) || a.block === b.block) continue
      const sameKind = one || (a.cadence === b.cadence && (a.things.size > 0 && b.things.size > 0 ? [...a.things].some((t) => b.things.has(t)) : a.cadence !== undefined && a.tier === b.tier && oneKind(list.filter((k) => k.cadence === a.cadence))))
      if (!sameKind) continue
      if ((a.table && b.table && a.label !== b.label) || otherLabel(a.keyed, b.keyed)) continue
      if (a.unit === b.unit ? a.amount === b.amount : b.high >= a.low && b.low <= a.high) continue
      out.push([a, b])
      used.add(a).add(b)
      break
    }
  }
  return out
}

const blocks = Array.from({length: 6}, (_, i) => ({text: `block ${i}`}) as unknown as Block)
const DAY = 24

const kept = fc.record({
  cadence: fc.constantFrom(undefined, 'nightly', 'weekly', 'hourly'),
  things: fc.subarray(['server', 'mail', 'laptop']),
  tier: fc.constantFrom('', 'off-site', 'archive'),
  amount: fc.constantFrom(7, 14, 30, 1),
  unit: fc.constantFrom('day', 'week', 'month'),
  block: fc.integer({min: 0, max: 5}),
  table: fc.boolean(),
  label: fc.constantFrom('', 'nightly full', 'month-end'),
  keyed: fc.constantFrom(undefined, '3:plus', '3:max', '9:plus'),
}).map((r): Kept => {
  const hours = r.amount * (r.unit === 'day' ? DAY : r.unit === 'week' ? 7 * DAY : 30 * DAY)
  return {
    cadence: r.cadence, things: new Set(r.things), tier: r.tier, amount: r.amount, unit: r.unit, low: hours, high: r.unit === 'month' ? hours * 31 / 30 : hours,
    text: `${r.amount} ${r.unit}s`, block: blocks[r.block]!, start: 0, end: 1, table: r.table,
    ...(r.table ? {label: r.label} : {}), keyed: r.keyed,
  }
})

describe('keptConflicts', () => {
  it('gives the pairs of the pairwise search, on seeded random lists of retentions', () => {
    let paired = 0
    fc.assert(
      fc.property(fc.array(kept, {maxLength: 14}), (list) => {
        const expected = pairwise(list)
        paired += expected.length
        expect(keptConflicts(list)).toEqual(expected)
      }),
      {seed: 20261206, numRuns: 3000},
    )
    // the lists pair often enough for the comparison to mean something
    expect(paired).toBeGreaterThan(1000)
  })

  it('a long agreement that restates one retention in every section, and then another, gets one conflict', () => {
    const sections = Array.from({length: 400}, (_, i) => `## ${i + 1}. System ${i + 1}\n\nBackups of system ${i + 1} run every night and are kept for 30 days.\n`)
    sections.push('## 401. System 401\n\nBackups of system 401 run every night and are kept for 14 days.\n')
    const findings = lint(`# Managed Services Agreement\n\n${sections.join('\n')}`, {filePath: "a.md"}).messages.filter((m) => m.ruleId === "consistent-values")
    expect(findings.map((m) => m.message)).toEqual([expect.stringMatching(/^Conflicting nightly backup retention "14 days" \(line 5 says "30 days"\)/)])
  })
})

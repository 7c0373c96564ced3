// Work that grows with the document, counted without a clock. A reading that asks the whole document again for each
// mention of something (a term's cadence looked up in every block that names it, once per mention) costs a long
// agreement the square of its length, and a timing shows it only on the bench's largest files. This test counts, per
// phase, the blocks and sections read from the document's lists (every index read of `doc.blocks` and `doc.sections`,
// by the rule and by the readings it asks) and the pattern executions, on a generated agreement of N sections and of 4N
// of the same kind: each count must grow no faster than about four times.
import {describe, expect, it} from 'vitest'
import '../rules/index.js'
import {agreement} from '../scripts/bench/corpus.js'
import {buildDocument} from '../src/document.js'
import {ruleOptions} from '../src/engine.js'
import {planRules} from '../src/lint.js'
import {read, TextCache} from '../src/reading/index.js'
import type {Document} from '../src/types.js'

interface Work {
  visits: number
  execs: number
}

/** A view of a list that counts each element read (by index, iteration or an array method) into `work.visits`. */
function counting<T extends object>(list: readonly T[], work: {current: Work}): readonly T[] {
  return new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) work.current.visits++
      return Reflect.get(target, key, receiver) as unknown
    },
  })
}

/** Count pattern executions while `fn` runs: exec (which test, match, matchAll and replace call) and split, once each. */
function countingExecs<T>(work: {current: Work}, fn: () => T): T {
  const exec = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec')!
  const realExec = RegExp.prototype.exec
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    work.current.execs++
    return realExec.call(this, s)
  }
  try {
    return fn()
  } finally {
    Object.defineProperty(RegExp.prototype, 'exec', exec)
  }
}

/** Lint `source`, counting each rule's work (the reading is built lazily, so its passes count for the rule that asks). */
function lintCounted(source: string): {work: Map<string, Work>; blocks: number} {
  const built = buildDocument(source, 'a.md')
  const slot = {current: {visits: 0, execs: 0}}
  const doc: Document = Object.create(built, {
    blocks: {value: counting(built.blocks, slot)},
    sections: {value: counting(built.sections, slot)},
  }) as Document
  const work = new Map<string, Work>()
  const plan = planRules(doc, {})
  const reading = read(doc, new TextCache())
  countingExecs(slot, () => {
    for (const rule of plan.rules) {
      if ((plan.severities[rule.meta.id] ?? rule.meta.severity) === 'off') continue
      slot.current = {visits: 0, execs: 0}
      rule.check({doc, reading, options: ruleOptions(rule, plan.ruleOptions[rule.meta.id]), report() {}, cover() {}})
      work.set(rule.meta.id, slot.current)
    }
  })
  return {work, blocks: built.blocks.length}
}

/**
 * How much faster than the document a rule's count may grow: 4N sections have about 4 times the blocks of N, and a
 * count may grow at most this much more than the blocks did. A lookup of the whole document once per mention grows with
 * the square of the length; at these sizes it already shows as ~1.4 times the blocks' growth (no-vague-terms with its
 * cadence asked per mention, which a 5 MB agreement paid 13.1 s of CPU for against 7.4 s). The linear readings of today
 * measure at most ~1.11 (consistent-values).
 */
const MARGIN = 1.2

/**
 * An agreement of `n` numbered sections whose clauses point back at another document named just before ("on the
 * timetable given there"): each pointer looks for the document named last before its own block.
 */
function pointingBack(n: number): string {
  const out = ['# Managed Services Agreement', '']
  for (let i = 1; i <= n; i++) {
    out.push(`## ${i}. Service ${i}`, '', `The charges for service ${i} are in the Rate Card. They are invoiced on the timetable given there.`, '')
    out.push(`Backups of system ${i} run every night and are kept for 30 days; restores are tested each quarter.`, '')
  }
  return out.join('\n')
}

describe('work per rule grows linearly with the document', () => {
  it('each rule visits blocks and runs patterns in proportion to the document, on N and 4N sections', () => {
    expectLinear(lintCounted(agreement(777, 100 * 1024)), lintCounted(agreement(777, 400 * 1024)))
  })

  it('the same, on an agreement whose every section points back at a document named before it', () => {
    expectLinear(lintCounted(pointingBack(150)), lintCounted(pointingBack(600)))
  })
})

function expectLinear(small: {work: Map<string, Work>; blocks: number}, large: {work: Map<string, Work>; blocks: number}): void {
  {
    // the bench's generator: the same seed gives the same sections, and a larger size more of them
    const growth = large.blocks / small.blocks
    expect(growth).toBeGreaterThan(3.5)
    expect(growth).toBeLessThan(4.5)
    const rows: string[] = []
    const over: string[] = []
    let visits = 0
    for (const [id, w] of small.work) {
      const l = large.work.get(id)!
      visits += w.visits
      for (const kind of ['visits', 'execs'] as const) {
        const ratio = l[kind] / Math.max(1, w[kind])
        const row = `${id} ${kind}: ${w[kind]} -> ${l[kind]} (${ratio.toFixed(2)}x)`
        rows.push(row)
        if (ratio > growth * MARGIN) over.push(row)
      }
    }
    // the counters count: every rule reads the document, and the rules together read each block more than once
    expect(small.work.size).toBeGreaterThan(20)
    expect(visits).toBeGreaterThan(small.blocks * 5)
    expect(over, `blocks ${small.blocks} -> ${large.blocks} (${growth.toFixed(2)}x); a count may grow at most ${(growth * MARGIN).toFixed(2)}x:\n${rows.join('\n')}`).toEqual([])
  }
}

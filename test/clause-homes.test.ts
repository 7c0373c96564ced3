// The clause finder's homes: the first home over a section is found by walking the section's own path, not by a scan
// of every home per judged unit (a document's homes and its judged units both grow with its length).
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {homeFinder} from '../src/clauses.js'
import {buildDocument} from '../src/document.js'
import type {Section} from '../src/types.js'

/** The definition: the first home, in order, whose path the section's path starts with. */
function firstHome(homes: readonly Section[], section: Section): Section | undefined {
  return homes.find((h) => h.path.length <= section.path.length && h.path.every((t, i) => section.path[i] === t))
}

const TITLES = ['Services', 'Client Responsibilities', 'Support Hours', 'Fees', 'Backups'] as const

/** An agreement of numbered clauses and sub-clauses, titled from a few titles (so paths repeat, as in long documents). */
function agreement(shape: ReadonlyArray<readonly [number, readonly number[]]>): string {
  const out = ['# Managed Services Agreement', '']
  shape.forEach(([t, subs], i) => {
    out.push(`## ${i + 1}. ${TITLES[t]}`, '', 'The Client will keep its equipment under warranty.', '')
    subs.forEach((s, k) => out.push(`### ${i + 1}.${k + 1} ${TITLES[s]}`, '', 'The Provider will patch servers monthly.', ''))
  })
  return out.join('\n')
}

describe('homeFinder', () => {
  it('finds the first home over a section, as a scan of every home does (seeded property)', () => {
    const title = fc.integer({min: 0, max: TITLES.length - 1})
    fc.assert(
      fc.property(fc.array(fc.tuple(title, fc.array(title, {maxLength: 3})), {minLength: 1, maxLength: 12}), fc.array(fc.boolean(), {minLength: 50, maxLength: 50}), (shape, picks) => {
        const doc = buildDocument(agreement(shape), 'x.md')
        const sections = doc.sections.filter((s) => s.kind !== 'root')
        // any subset of the sections, in document order, may be a clause's homes
        const homes = sections.filter((_, i) => picks[i % picks.length])
        const find = homeFinder(homes)
        for (const s of sections) expect(find(s)).toBe(firstHome(homes, s))
      }),
      {seed: 20261204, numRuns: 300},
    )
  })

  it('a section under no home has none; a section that is a home is its own first home when no earlier path matches', () => {
    const doc = buildDocument(agreement([[0, [1]], [2, []], [1, [4]]]), 'x.md')
    const byTitle = (t: string) => doc.sections.filter((s) => s.title === t)
    const [services] = byTitle('Services')
    const [hours] = byTitle('Support Hours')
    const [subClient, client] = byTitle('Client Responsibilities')
    const [backups] = byTitle('Backups')
    const find = homeFinder([subClient!, client!])
    expect(find(hours!)).toBeUndefined()
    expect(find(services!)).toBeUndefined()
    expect(find(subClient!)).toBe(subClient)
    expect(find(client!)).toBe(client)
    expect(find(backups!)).toBe(client)
  })

  it('reads each home once however many sections are looked up (work counted, not timed)', () => {
    const n = 400
    const doc = buildDocument(agreement(Array.from({length: n}, (_, i) => [i % TITLES.length, [(i + 1) % TITLES.length]] as const)), 'x.md')
    const sections = doc.sections.filter((s) => s.kind !== 'root')
    let reads = 0
    // every read of a home's path is counted; the sections looked up are not wrapped
    const homes = sections
      .filter((s) => s.title === 'Client Responsibilities')
      .map((s) => new Proxy(s, {get: (target, key, receiver) => (key === 'path' && reads++, Reflect.get(target, key, receiver))}))
    expect(homes.length).toBeGreaterThan(100)
    const find = homeFinder(homes)
    for (const s of sections) find(s)
    // a scan per lookup reads ~homes × sections paths (here ~64,000); the finder reads each home's path once
    expect(reads).toBeLessThanOrEqual(homes.length)
    expect(sections.length).toBeGreaterThan(3 * homes.length)
  })
})

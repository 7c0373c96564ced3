// caselessRegExp builds the value patterns without the `i` flag (V8 compiles and runs them far faster so); it must
// match exactly what the same source matches with `i`: the same matches, at the same places, with the same groups.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it, vi} from 'vitest'
import {caselessRegExp, caselessSource, lazyCaselessRegExp, lowerCasedInPlace, lowerSource} from '../src/reading/values/caseless.js'
import {DASH, DIGITS_SRC, DUR_UNIT, HY, NUM_SRC} from '../src/reading/values/common.js'

/** Every match of `re` over `text`: index, text and named groups. */
function matches(re: RegExp, text: string): string[] {
  re.lastIndex = 0
  const out: string[] = []
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    out.push(JSON.stringify([m.index, [...m], m.groups ?? null]))
    if (m[0] === '') re.lastIndex = m.index + 1
  }
  return out
}

// Sources built from the pieces the value patterns are made of, and the constructs they use: named groups,
// lookbehind, negated and ranged classes with letters, escapes inside and outside classes, bounded repeats.
const SOURCES = [
  NUM_SRC,
  String.raw`(?<n>${NUM_SRC})(?<sep>${HY}{0,3})(?:(?<q>business|working|calendar)${HY}{0,3})?(?<unit>${DUR_UNIT})(?![a-z])`,
  String.raw`(?<![\d.,$£€¥])(?<a>${DIGITS_SRC})\s{0,2}(?:USD|GBP|EUR)\b|\bP[0-5]\b|[x×]\s?\d|[^a-z\s]{2}|\bR ?\d`,
  String.raw`(?<!\b(?:hours?|per)\s{1,3})\b(?:half(?:${HY}{1,2}an?)?|an?(?:${HY}{1,2}half)?)\b|[A-F]{2}|[\u2010-\u2015a-c]+|\bk\w|s\W`,
]

const ALPHABET = ['a', 'A', 'n', 'N', 'e', 'E', 'h', 'H', 'o', 'r', 's', 'S', 'k', 'K', 'p', 'P', 'x', 'X', 'i', 'I', 'f', 'F',
  '1', '2', '0', '5', ' ', ' ', '-', '\u2013', '(', ')', '.', ',', '$', '£', '×', '_',
  // characters whose case folds to an ASCII letter's under other rules: Kelvin sign, long s, dotless i, dotted I
  '\u212a', '\u017f', '\u0131', '\u0130', 'é', 'É']
const WORDS = ['one', 'Four', 'TWENTY', 'twenty-four', 'hundred', 'and a half', 'point', 'Hours', 'BUSINESS', 'days', 'half an', 'usd', 'p1', 'per', 'Thirty (30)']
const text = fc.array(fc.oneof(fc.constantFrom(...ALPHABET), fc.constantFrom(...WORDS)), {maxLength: 40}).map((parts) => parts.join(''))

/** The text with the case of some letters flipped, chosen by `seed`. */
function flipCase(s: string, seed: number): string {
  let x = seed
  let out = ''
  for (const c of s) {
    x = (x * 1103515245 + 12345) % 2147483648
    out += x % 3 === 0 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c
  }
  return out
}

describe('caselessRegExp', () => {
  it('matches what the source matches with the i flag (seeded property)', () => {
    for (const source of SOURCES) {
      const withI = new RegExp(source, 'gi')
      const without = caselessRegExp(source, 'g')
      expect(without.flags).toBe('g')
      fc.assert(
        fc.property(text, (t) => {
          expect(matches(without, t)).toEqual(matches(withI, t))
        }),
        {numRuns: 300, seed: 20261202},
      )
    }
  })

  it('matches what the source matches with the i flag on the fixture agreements, case flipped', () => {
    const dir = path.join(import.meta.dirname, '..', 'fixtures', 'agreements')
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).slice(0, 12)
    expect(files.length).toBeGreaterThan(0)
    let found = 0
    for (const f of files) {
      const body = fs.readFileSync(path.join(dir, f), 'utf8')
      for (const [k, t] of [body, flipCase(body, f.length)].entries()) {
        for (const source of SOURCES.slice(0, 2)) {
          const expected = matches(new RegExp(source, 'gi'), t)
          found += k * expected.length
          expect(matches(caselessRegExp(source, 'g'), t)).toEqual(expected)
        }
      }
    }
    expect(found).toBeGreaterThan(0) // the case-flipped texts hold numbers and durations
  })

  it('rewrites letters as two-case classes and leaves names, escapes and non-letters alone', () => {
    expect(caselessSource(String.raw`(?<num>a1)\s\u2013[a-c\d-]x{1,3}`)).toBe(String.raw`(?<num>[aA]1)\s\u2013[a-c\dA-C-][xX]{1,3}`)
    expect(caselessSource(String.raw`[^A-Fz]`)).toBe(String.raw`[^A-Fza-fZ]`)
    expect(caselessSource(`[${DASH}]`)).toBe(`[${DASH}]`)
  })

  it('refuses what it cannot carry over exactly', () => {
    expect(() => caselessSource(String.raw`(a)\1`)).toThrow(/back-reference/)
    expect(() => caselessSource(String.raw`(?<x>a)\k<x>`)).toThrow(/back-reference/)
    expect(() => caselessSource('café')).toThrow(/cased character/)
    expect(() => caselessSource('[0-z]')).toThrow(/class range/)
    expect(() => caselessSource('[a-')).toThrow()
    expect(() => caselessRegExp('a', 'gi')).toThrow(/flags/)
  })

  it('builds a lazy pattern on its first use, once, the same as the eager one', () => {
    // a source it refuses throws only when the pattern is first asked for: nothing is built before that
    const refused = lazyCaselessRegExp(String.raw`(a)\1`)
    expect(refused).toThrow(/back-reference/)
    const lazy = lazyCaselessRegExp(String.raw`\b(?<n>two|four)\s?days?\b`, 'g')
    const first = lazy()
    expect(lazy()).toBe(first)
    expect(first.flags).toBe('g')
    const eager = caselessRegExp(String.raw`\b(?<n>two|four)\s?days?\b`, 'g')
    expect(first.source).toBe(eager.source)
    expect(matches(first, 'Two Days, four day, twoday, FOUR DAYS')).toEqual(matches(eager, 'Two Days, four day, twoday, FOUR DAYS'))
    expect(matches(first, 'Two Days, four day').length).toBe(2)
  })
})

/** Every match of `re` over the text lower-cased in place, with the match and its groups sliced from the text as written. */
function loweredMatches(re: RegExp, text: string): string[] | undefined {
  const lower = lowerCasedInPlace(text)
  if (lower === undefined) return undefined
  re.lastIndex = 0
  const out: string[] = []
  let m: RegExpExecArray | null
  while ((m = re.exec(lower)) !== null) {
    out.push(JSON.stringify([m.index, m[0].length, [...m].map((x) => x?.toLowerCase()), m.groups ? Object.fromEntries(Object.entries(m.groups).map(([k, v]) => [k, v?.toLowerCase()])) : null]))
    if (m[0] === '') re.lastIndex = m.index + 1
  }
  return out
}

/** Every match of `re` over the text: index, length, and the match and groups lower-cased. */
function matchesLowered(re: RegExp, text: string): string[] {
  return matches(re, text).map((line) => {
    const [index, all, groups] = JSON.parse(line) as [number, (string | undefined)[], Record<string, string | undefined> | null]
    return JSON.stringify([index, all[0]!.length, all.map((x) => x?.toLowerCase()), groups ? Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v?.toLowerCase()])) : null])
  })
}

describe('lowerSource', () => {
  it('over the text lower-cased in place, matches where the source matches the text with the i flag (seeded property)', () => {
    for (const source of SOURCES) {
      const withI = new RegExp(source, 'gi')
      const lowered = new RegExp(lowerSource(source), 'g')
      let compared = 0
      fc.assert(
        fc.property(text, (t) => {
          const got = loweredMatches(lowered, t)
          if (got === undefined) return // a text lower-casing would shift or make ASCII of: read with the caseless pattern
          compared++
          expect(got).toEqual(matchesLowered(withI, t))
        }),
        {numRuns: 300, seed: 20261206},
      )
      expect(compared).toBeGreaterThan(100)
    }
  })

  it('keeps a text whose lower case has its offsets, and refuses one with İ or the Kelvin sign', () => {
    expect(lowerCasedInPlace('Every 6 HOURS – Mon–Fri, UTC')).toBe('every 6 hours – mon–fri, utc')
    expect(lowerCasedInPlace('İstanbul office')).toBeUndefined()
    expect(lowerCasedInPlace('a 5 \u212a rise')).toBeUndefined()
  })

  it('writes letters in small letters and leaves names, escapes and non-letters alone', () => {
    expect(lowerSource(String.raw`(?<Num>A1)\s\u2013\D[A-C\d-]X{1,3}\B`)).toBe(String.raw`(?<Num>a1)\s\u2013\D[a-c\d-]x{1,3}\B`)
    expect(lowerSource(String.raw`[^A-Fz]|UTC|[\u2010-\u2015]`)).toBe(String.raw`[^a-fz]|utc|[\u2010-\u2015]`)
    expect(() => lowerSource(String.raw`(a)\1`)).toThrow(/back-reference/)
    expect(() => lowerSource('[0-z]')).toThrow(/class range/)
  })
})

describe('value patterns for lower-cased text', () => {
  it('give every value kind the same values as the caseless patterns, on the fixture agreements as written and case flipped', async () => {
    const dir = path.join(import.meta.dirname, '..', 'fixtures', 'agreements')
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'))
    const texts: string[] = []
    for (const f of files) {
      const body = fs.readFileSync(path.join(dir, f), 'utf8')
      for (const t of [body, flipCase(body, f.length)]) texts.push(...t.split(/\n+|(?<=[.;!?])\s+/))
    }
    // and texts lower-casing cannot keep in place (read with the caseless patterns either way)
    texts.push('Every 6 hours at the İstanbul site', 'Twice a day, 5 \u212a – 08:00–18:00 Mon–Fri UTC')
    const all = async (): Promise<string[]> => {
      const values = await import('../src/reading/values/index.js')
      const kinds = Object.values(values.VALUE_KINDS)
      return texts.map((t) => JSON.stringify(kinds.map((k) => k.extract(t))))
    }
    vi.resetModules()
    const caseless = await all()
    vi.resetModules()
    ;(await import('../src/reading/values/caseless.js')).valuePatternsForLowerCase()
    const lowered = await all()
    vi.resetModules()
    expect(lowered.join('').length).toBeGreaterThan(100_000) // the agreements hold values of every kind
    const differs = texts.findIndex((_, i) => lowered[i] !== caseless[i])
    expect(differs === -1 ? undefined : {text: texts[differs], caseless: caseless[differs], lowered: lowered[differs]}).toBeUndefined()
  })
})


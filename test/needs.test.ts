// Patterns tried only on texts that can hold a match (NeedsRegExp): the same answers as the plain pattern, guarded or
// not, on generated texts and on the labelled agreements, and every pattern so written has literals to look for.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import {guardLiterals, guardPatterns, NeedsRegExp, needs} from '../src/text.js'
import {AGREEMENTS_DIR, sampleAgreements} from './tiers.js'

const root = path.join(import.meta.dirname, '..')

afterEach(() => guardPatterns(false))

/** A seeded generator (mulberry32), so that a failing text can be made again. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// words of the patterns below in several cases, beside letters that fold onto ASCII ones under some flags (the long s,
// the Kelvin sign, a dotted capital I) and characters that make a text two-byte
const WORDS = ['customer', 'Customer', 'CUSTOMER', 'cuſtomer', 'shall', 'SHALL', 'not', 'pay', 'fails', 'to', 'breach', 'Breach',
  'backups', 'back-ups', 'Kelvin', '\u212aelvin', 'kelvin', 'İf', 'if', 'the', 'within', '4', 'hours', '–', '—', '’s', ',', '.', ' ', '\n']

function text(next: () => number): string {
  const n = Math.floor(next() * 14)
  let out = ''
  for (let i = 0; i < n; i++) out += WORDS[Math.floor(next() * WORDS.length)]! + (next() < 0.7 ? ' ' : '')
  return out
}

const PATTERNS: ReadonlyArray<[string, string]> = [
  [String.raw`\b(?:if|where)\s+(?:the\s+)?customer\b[^.]{0,30}?\b(?:fails? to|does not)\b`, 'i'],
  [String.raw`\bback(?:s|ed|ing)?[- ]?ups?\b`, 'gi'],
  [String.raw`customer|breach`, 'iu'],
  [String.raw`kelvin`, 'iu'],
  [String.raw`shall not pay`, ''],
  [String.raw`(?:within|not) \d+ hours?`, 'g'],
  [String.raw`Breach`, 'g'],
  [String.raw`customer`, 'giu'],
]

describe('a pattern guarded by its literals (NeedsRegExp)', () => {
  it('reads the literals every match holds, lower-cased for a caseless pattern, none for one tried at one place', () => {
    expect(guardLiterals(String.raw`\b(?:shall|must) pay\b`, 'i')).toEqual([' pay'])
    expect(guardLiterals(String.raw`\bBreach(?:es)?\b`, '')).toEqual(['Breach'])
    expect(guardLiterals(String.raw`\bBreach(?:es)?\b`, 'i')).toEqual(['breach'])
    // under u with i an "s" also matches the long s: the literal is cut where it has one
    expect(guardLiterals('customers', 'iu')).toEqual(['tomer'])
    expect(guardLiterals('assess', 'iu')).toBeNull()
    // too short to tell, none at all, or a pattern anchored at the start or sticky
    expect(guardLiterals(String.raw`\bto\b`, 'i')).toBeNull()
    expect(guardLiterals(String.raw`\d+`, '')).toBeNull()
    expect(guardLiterals('^customer', 'i')).toBeNull()
    expect(guardLiterals('^customer', 'im')).toEqual(['customer'])
    expect(guardLiterals('customer', 'iy')).toBeNull()
  })

  it('answers as the plain pattern does, guarded and not, through every method and with lastIndex kept', () => {
    const next = random(20261207)
    let skipped = 0
    for (const guarded of [false, true]) {
      guardPatterns(guarded)
      for (const [source, flags] of PATTERNS) {
        const plain = new RegExp(source, flags)
        const wrapped = new NeedsRegExp(source, flags)
        for (let i = 0; i < 300; i++) {
          const t = text(next)
          if (guarded && !wrapped.mayMatch(t)) skipped++
          const what = `/${source}/${flags} on ${JSON.stringify(t)}`
          expect(wrapped.test(t), what).toBe(plain.test(t))
          expect(wrapped.lastIndex, what).toBe(plain.lastIndex)
          expect(wrapped.exec(t), what).toEqual(plain.exec(t))
          expect(wrapped.lastIndex, what).toBe(plain.lastIndex)
          plain.lastIndex = 0
          wrapped.lastIndex = 0
          expect(t.replace(wrapped, '<$&>'), what).toBe(t.replace(plain, '<$&>'))
          expect(t.match(wrapped), what).toEqual(t.match(plain))
          expect(t.search(wrapped), what).toBe(t.search(plain))
          expect(t.split(wrapped), what).toEqual(t.split(plain))
          if (flags.includes('g')) expect([...t.matchAll(wrapped)].map((m) => [m.index, m[0]]), what).toEqual([...t.matchAll(plain)].map((m) => [m.index, m[0]]))
          plain.lastIndex = 0
          wrapped.lastIndex = 0
        }
      }
    }
    // the guard did answer for itself on some texts, so the comparison covers it
    expect(skipped).toBeGreaterThan(100)
  })

  it('goes on from where a global search left off, as the plain pattern does', () => {
    guardPatterns(true)
    const t = 'Backups run daily; back-ups are kept; nothing else here'
    const plain = /\bback(?:s|ed|ing)?[- ]?ups?\b/gi
    const wrapped = needs(/\bback(?:s|ed|ing)?[- ]?ups?\b/gi)
    const seen = (re: RegExp): Array<[number, number]> => {
      const out: Array<[number, number]> = []
      for (let m = re.exec(t); m; m = re.exec(t)) out.push([m.index, re.lastIndex])
      return out
    }
    expect(seen(wrapped)).toEqual(seen(plain))
    expect(seen(wrapped)).toHaveLength(2)
    expect(wrapped.exec('no such words')).toBeNull()
    expect(wrapped.lastIndex).toBe(0)
  })

  it('is given literals wherever the sources write it, so that none is wrapped for nothing', () => {
    const sources: string[] = []
    const walk = (dir: string): void => {
      for (const e of readdirSync(path.join(root, dir), {withFileTypes: true})) {
        const rel = `${dir}/${e.name}`
        if (e.isDirectory()) walk(rel)
        else if (e.name.endsWith('.ts')) sources.push(rel)
      }
    }
    walk('src')
    walk('rules')
    let literals = 0
    for (const file of sources) {
      const code = readFileSync(path.join(root, file), 'utf8')
      for (const m of code.matchAll(/\bneeds\((\/.+\/[dgimsuyv]*)\)$/gm)) {
        const re = new Function(`return ${m[1]}`)() as RegExp
        expect(guardLiterals(re.source, re.flags), `${file}: ${m[1]}`).not.toBeNull()
        literals++
      }
    }
    expect(literals).toBeGreaterThan(50)
  })

  it('gives the same findings on the labelled agreements with the patterns guarded as without', () => {
    const names = sampleAgreements(40)
    expect(names.length).toBeGreaterThan(20)
    for (const name of names) {
      const source = readFileSync(path.join(AGREEMENTS_DIR, name), 'utf8')
      guardPatterns(false)
      const plain = JSON.stringify(lint(source, {filePath: name, profile: 'msa'}))
      guardPatterns(true)
      expect(JSON.stringify(lint(source, {filePath: name, profile: 'msa'})), name).toBe(plain)
    }
  })
})

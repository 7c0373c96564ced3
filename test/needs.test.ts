// Patterns tried only on texts that can hold a match (needs, guardPatterns): the same answers as the plain pattern,
// guarded or not, on generated texts, on texts made of each pattern's own literals and on the labelled agreements; every
// pattern written needs() has literals to look for, and the build hands every top-level pattern of the sources to needs
// with its Guard.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import ts from 'typescript'
import {guardHolds, guardOf, guardPatterns, needs, type Guard} from '../src/text.js'
// @ts-expect-error: a build script, without types
import {guardPatternLiterals} from '../scripts/bundle-plugins.mjs'
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
  [String.raw`\bfails? to pay\b`, 'i'],
  [String.raw`(?:within|not) (?:4|\d+) hours?`, 'i'],
  [String.raw`(?<who>customer|breach)[^.]*\bshall not (?:pay|fail)`, 'i'],
  [String.raw`back\-ups? (?:kelvin|within)|the breach`, 'g'],
  [String.raw`shall(?= not) not`, 'i'],
]

/** The guarded pattern of a source (a fresh RegExp each call, as needs keeps the pattern it is given). */
function guarded(source: string, flags: string): RegExp {
  return needs(new RegExp(source, flags))
}

/** Whether a guarded run would let the pattern look at the text (what it runs on, lower-cased as the guard reads it). */
function allowed(source: string, flags: string, text: string): boolean {
  const g = guardOf(source, flags)
  if (!g) return true
  const lower = flags.includes('i') && JSON.stringify(g).match(/[a-z]/i) !== null
  return guardHolds(g, lower ? text.toLowerCase() : text)
}

describe('a pattern guarded by what every match holds (needs)', () => {
  it('reads the literals and groups every match holds, lower-cased for a caseless pattern, none for one tried at one place', () => {
    const cases: ReadonlyArray<[string, string, Guard | null]> = [
      [String.raw`\b(?:shall|must) pay\b`, 'i', [[[['shall'], ['must']], ' pay']]],
      [String.raw`\bBreach(?:es)?\b`, '', [['Breach']]],
      [String.raw`\bBreach(?:es)?\b`, 'i', [['breach']]],
      // every run of three or more plain characters of an alternative, not only its longest
      [String.raw`\bfails? to pay\b`, 'i', [['fail', ' to pay']]],
      [String.raw`customer|breach`, 'i', [['customer'], ['breach']]],
      // a group that may be skipped, or that holds an alternative too short to tell, adds nothing
      [String.raw`(?:within|in) a few (?:minutes|hours)`, 'i', [[' a few ', [['minutes'], ['hours']]]]],
      [String.raw`(?:fully )?secure`, 'i', [['secure']]],
      // a group of one alternative adds its own; a named group is a group; a lookaround consumes nothing
      [String.raw`(?<what>back) (?:ups? daily)`, '', [['back', ' daily']]],
      [String.raw`shall(?= not) not`, 'i', [['shall', ' not']]],
      // an escaped punctuation mark stands for itself; \b, \s and an escaped code point do not
      [String.raw`e\-mail\s+\u00e9tat`, 'i', [['e-mail', 'tat']]],
      // under u with i an "s" also matches the long s: a literal is cut at each "s"
      ['customers', 'iu', [['tomer']]],
      ['assess', 'iu', null],
      // too short to tell, none at all, an alternative without any, or a pattern anchored at the start or sticky
      [String.raw`\bto\b`, 'i', null],
      [String.raw`\d+`, '', null],
      [String.raw`customer|\d+`, '', null],
      ['^customer', 'i', null],
      ['^customer', 'im', [['customer']]],
      ['customer', 'iy', null],
    ]
    for (const [source, flags, want] of cases) expect(guardOf(source, flags), `/${source}/${flags}`).toEqual(want)
  })

  it('answers as the plain pattern does, guarded and not, through every method and with lastIndex kept', () => {
    const next = random(20261207)
    let skipped = 0
    for (const on of [false, true]) {
      guardPatterns(on)
      for (const [source, flags] of PATTERNS) {
        const plain = new RegExp(source, flags)
        const wrapped = guarded(source, flags)
        for (let i = 0; i < 300; i++) {
          const t = text(next)
          if (on && !allowed(source, flags, t)) skipped++
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

  it('never runs a pattern on a text that lacks its literals, and runs it as it is on one that holds them', () => {
    guardPatterns(true)
    const re = needs(/\bthe customer fails? to pay\b/i)
    // the pattern's own exec reads lastIndex first: a value that counts its reads tells whether it ran
    let runs = 0
    const counting = {valueOf: () => (runs++, 0)}
    re.lastIndex = counting as unknown as number
    expect(re.test('The Customer shall pay on time')).toBe(false)
    expect(re.exec('the customer fails to deliver')).toBeNull()
    expect(runs).toBe(0)
    expect(re.test('if THE customer fails to pay, then')).toBe(true)
    expect(re.test('the customer fails. Go to pay')).toBe(false)
    expect(runs).toBe(2)
    // off again, it is the plain pattern, with no exec of its own
    guardPatterns(false)
    expect(Object.hasOwn(re, 'exec')).toBe(false)
    expect(re.test('The Customer shall pay on time')).toBe(false)
    expect(runs).toBe(3)
  })

  it('runs plain once it has run on a text that holds its literals, and answers as before', () => {
    guardPatterns(true)
    const re = needs(/\bthe customer fails? to pay\b/i)
    const plain = /\bthe customer fails? to pay\b/i
    const texts = ['The Customer shall pay on time', 'if THE customer fails to pay, then', 'the customer fails. Go to pay', 'nothing here', 'The customer fail to pay']
    // a text without the literals leaves the guard in place
    expect(re.test(texts[0]!)).toBe(false)
    expect(Object.hasOwn(re, 'exec')).toBe(true)
    // the first run compiles the pattern: from then on it has no exec of its own
    expect(re.test(texts[1]!)).toBe(true)
    expect(Object.hasOwn(re, 'exec')).toBe(false)
    for (const t of texts) {
      expect(re.test(t), t).toBe(plain.test(t))
      expect(re.exec(t), t).toEqual(plain.exec(t))
      expect(t.replace(re, '<$&>'), t).toBe(t.replace(plain, '<$&>'))
    }
    // guarded again, it looks for its literals again until it runs once more
    guardPatterns(false)
    guardPatterns(true)
    expect(Object.hasOwn(re, 'exec')).toBe(true)
    expect(re.exec('nothing here')).toBeNull()
    expect(Object.hasOwn(re, 'exec')).toBe(true)
    expect(re.exec('the customer fails to pay')?.[0]).toBe('the customer fails to pay')
    expect(Object.hasOwn(re, 'exec')).toBe(false)
  })

  it('runs plain once a global search has run, going on from where it left off', () => {
    guardPatterns(true)
    const t = 'Backups run daily; back-ups are kept; nothing else here'
    const wrapped = needs(/\bback(?:s|ed|ing)?[- ]?ups?\b/gi)
    expect(wrapped.exec('no such words')).toBeNull()
    expect(wrapped.lastIndex).toBe(0)
    expect(wrapped.exec(t)?.index).toBe(0)
    expect(Object.hasOwn(wrapped, 'exec')).toBe(false)
    expect(wrapped.exec(t)?.index).toBe(19)
    expect(wrapped.exec(t)).toBeNull()
    expect(wrapped.lastIndex).toBe(0)
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

  const sources: Array<[string, string]> = []
  const walk = (dir: string): void => {
    for (const e of readdirSync(path.join(root, dir), {withFileTypes: true})) {
      const rel = `${dir}/${e.name}`
      if (e.isDirectory()) walk(rel)
      else if (e.name.endsWith('.ts')) sources.push([rel, readFileSync(path.join(root, rel), 'utf8')])
    }
  }
  walk('src')
  walk('rules')

  it('is given literals wherever the sources write it, so that none is wrapped for nothing', () => {
    let literals = 0
    for (const [file, code] of sources) {
      for (const m of code.matchAll(/\bneeds\((\/.+\/[dgimsuyv]*)\)$/gm)) {
        const re = new Function(`return ${m[1]}`)() as RegExp
        expect(guardOf(re.source, re.flags), `${file}: ${m[1]}`).not.toBeNull()
        literals++
      }
    }
    expect(literals).toBeGreaterThan(50)
  })

  it('is handed, by the build, every pattern written at a module top level that has a Guard, and no other', () => {
    const sample = [
      "import {needs} from './text.js'",
      'const A = /\\bthe customer\\b/i',
      'const B = needs(/\\bshall pay\\b/)',
      'const C = [/\\d+/, /backups? daily/g]',
      'export function f(t: string): boolean {',
      '  return /\\bthe provider\\b/.test(t) && (() => /inner/.test(t))()',
      '}',
      'class K { re = /\\bclass field\\b/ }',
    ].join('\n')
    const out = guardPatternLiterals(ts, guardOf, sample, 'sample.ts', '/text.ts') as string
    expect(out.split('\n')).toEqual([
      'import {needs as __needsGuarded} from "/text.ts"',
      "import {needs} from './text.js'",
      'const A = __needsGuarded(/\\bthe customer\\b/i, [["the customer"]])',
      'const B = needs(/\\bshall pay\\b/, [["shall pay"]])',
      'const C = [/\\d+/, __needsGuarded(/backups? daily/g, [["backup"," daily"]])]',
      'export function f(t: string): boolean {',
      '  return /\\bthe provider\\b/.test(t) && (() => /inner/.test(t))()',
      '}',
      'class K { re = /\\bclass field\\b/ }',
    ])
    // and on the sources, the transform leaves text a parser reads, and hands over only what it can guard
    let handed = 0
    for (const [file, code] of sources) {
      if (file === 'src/text.ts') continue
      const out = guardPatternLiterals(ts, guardOf, code, file, '/text.ts') as string
      const parsed = ts.createSourceFile(file, out, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) as unknown as {parseDiagnostics: unknown[]}
      expect(parsed.parseDiagnostics, file).toEqual([])
      for (const m of out.matchAll(/__needsGuarded\((\/.+?\/[dgimsuyv]*), (\[\[.*?\]\])\)(?=[,;\])\n ])/g)) {
        const re = new Function(`return ${m[1]}`)() as RegExp
        expect(JSON.stringify(guardOf(re.source, re.flags)), `${file}: ${m[1]}`).toBe(m[2])
        handed++
      }
    }
    expect(handed).toBeGreaterThan(100)
  })

  it('answers as the plain pattern does for every top-level pattern of the sources, on texts made of its own literals (seeded)', () => {
    const next = random(7122026)
    const patterns: RegExp[] = []
    for (const [file, code] of sources) {
      if (file === 'src/text.ts') continue
      const out = guardPatternLiterals(ts, guardOf, code, file, '/text.ts') as string
      for (const m of out.matchAll(/(?:__needsGuarded|\bneeds)\((\/.+?\/[dgimsuyv]*), \[\[/g)) {
        try {
          patterns.push(new Function(`return ${m[1]}`)() as RegExp)
        } catch {
          // a match of the scan above that is not the whole literal: the strict comparison above covers the transform
        }
      }
    }
    expect(patterns.length).toBeGreaterThan(100)
    const literalsOf = (g: Guard): string[] => g.flatMap((items) => items.flatMap((item) => (typeof item === 'string' ? [item] : literalsOf(item))))
    let skipped = 0
    let ran = 0
    // the plain copies are no pattern given to needs: guarding leaves them as they are
    guardPatterns(true)
    for (const re of patterns) {
      const g = guardOf(re.source, re.flags)!
      const words = [...literalsOf(g), ...literalsOf(g).map((w) => w.toUpperCase()), ...WORDS]
      const wrapped = needs(new RegExp(re.source, re.flags))
      const plain = new RegExp(re.source, re.flags)
      for (let i = 0; i < 40; i++) {
        let t = ''
        const n = Math.floor(next() * 8)
        for (let j = 0; j < n; j++) t += words[Math.floor(next() * words.length)]! + (next() < 0.5 ? ' ' : '')
        if (!allowed(re.source, re.flags, t)) skipped++
        else ran++
        expect(wrapped.exec(t), `${re} on ${JSON.stringify(t)}`).toEqual(plain.exec(t))
        wrapped.lastIndex = 0
        plain.lastIndex = 0
      }
    }
    expect(skipped).toBeGreaterThan(100)
    expect(ran).toBeGreaterThan(100)
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

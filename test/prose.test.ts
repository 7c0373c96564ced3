// The prose pass (src/reading/sentences.ts): one walk over a document's blocks and sentences shared by the language
// rules. Its answers are checked against the plain per-block reading they replace.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {read} from '../src/reading/index.js'
import {Prose} from '../src/reading/sentences.js'
import {aheadOfLookbehind, compileTerms, configuredTerms, requiredLiterals, scanTerms, type CompiledTerm, type TermHit} from '../src/reading/terms.js'
import type {Block} from '../src/types.js'
import {LinearRegExp} from '../src/user-regex.js'
import vague from '../rules/data/vague-terms.json' with {type: 'json'}
import overpromising from '../rules/data/overpromising.json' with {type: 'json'}

const root = path.resolve(import.meta.dirname, '..')

/** The scan the prose pass replaced: every block lower-cased per call, each term's literals looked for in each block. */
function perBlockScan(blocks: readonly Block[], terms: readonly CompiledTerm[]): TermHit[] {
  const hits: TermHit[] = []
  for (const block of blocks) {
    const lower = block.text.toLowerCase()
    const active = terms.filter((t) => !t.literals || t.literals.some((l) => lower.includes(l)))
    for (const sentence of block.sentences) {
      const found: TermHit[] = []
      for (const term of active) {
        for (const m of sentence.text.matchAll(new RegExp(term.re.source, term.re.flags))) {
          const start = sentence.start + m.index
          found.push({block, sentence, start, end: start + m[0].length, text: m[0], term})
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end)
      let last = -1
      for (const h of found) {
        if (h.start < last) continue
        hits.push(h)
        last = h.end
      }
    }
  }
  return hits
}

const spans = (hits: readonly TermHit[]) => hits.map((h) => [h.block.position.start.offset, h.start, h.end, h.text, h.term.suggestion])

function markdownBelow(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true, recursive: true}).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => path.join(e.parentPath, e.name))
}

const builtin = [...compileTerms(vague.terms), ...compileTerms(overpromising.terms)]

describe('the prose pass', () => {
  it('finds the blocks holding each literal, as a search of each block would (lower-cased and as written)', () => {
    // characters whose lower case is longer (İ), non-ASCII text, line breaks inside blocks, literals at block edges
    const piece = fc.constantFrom('a', 'b', 'ab', 'ba', 'A', 'B', ' ', '\n', 'İ', 'é', '’', '—', 'Σ', 'x', 'bb')
    const text = fc.array(piece, {maxLength: 12}).map((p) => p.join(''))
    const literal = fc.array(fc.constantFrom('a', 'b', ' ', 'x', 'A', 'é'), {minLength: 1, maxLength: 4}).map((p) => p.join(''))
    fc.assert(
      fc.property(fc.array(text, {maxLength: 8}), fc.array(literal, {minLength: 1, maxLength: 6}), fc.boolean(), (texts, literals, exact) => {
        const blocks = texts.map((t) => ({text: t, sentences: []}) as unknown as Block)
        const prose = new Prose(blocks)
        prose.find(literals.slice(0, 3), exact)
        for (const l of literals) {
          const want = texts.flatMap((t, i) => ((exact ? t : t.toLowerCase()).includes(l) ? [i] : []))
          expect(prose.blocksWith(l, exact)).toEqual(want)
        }
      }),
      {numRuns: 400, seed: 14},
    )
  })

  it('gives the same term hits as the per-block scan on every fixture, for the built-in term lists and each one alone', () => {
    const files = markdownBelow(path.join(root, 'fixtures'))
    expect(files.length).toBeGreaterThan(50)
    let hits = 0
    for (const file of files) {
      const doc = buildDocument(fs.readFileSync(file, 'utf8'), file)
      for (const terms of [builtin, builtin.slice(0, 5), builtin.slice(-7)]) {
        const got = scanTerms(new Prose(doc.blocks), terms)
        expect(spans(got), file).toEqual(spans(perBlockScan(doc.blocks, terms)))
        hits += got.length
      }
    }
    expect(hits).toBeGreaterThan(100)
  })

  it('gives the same term hits for terms without literals, repeated terms and terms no block holds', () => {
    const doc = buildDocument('# Terms\n\nWe respond promptly. Uptime is guaranteed; we will always respond.\n\n| Tier | Time |\n|---|---|\n| Gold | promptly |\n', 'x.md')
    const odd = compileTerms([
      {pattern: '\\bw\\w{3,}', suggestion: 'no literal'},
      {pattern: 'zebra crossing', suggestion: 'absent'},
    ])
    expect(odd[0]!.literals).toBeUndefined()
    for (const terms of [odd, [...builtin, ...odd], [builtin[0]!, builtin[0]!]]) {
      const got = scanTerms(new Prose(doc.blocks), terms)
      expect(spans(got)).toEqual(spans(perBlockScan(doc.blocks, terms)))
      expect(got.length).toBeGreaterThan(0)
    }
  })

  it('is built once per Reading and shared by the rules that scan terms', () => {
    const doc = buildDocument('# A\n\nWe respond promptly. Uptime is guaranteed.\n', 'x.md')
    const reading = read(doc)
    const prose = reading.prose
    expect(reading.prose).toBe(prose)
    expect(reading.termHits(builtin).map((h) => h.text)).toEqual(['promptly', 'guaranteed'])
    expect(reading.prose).toBe(prose)
    expect(reading.blocksWith('promptly')).toEqual([1])
  })
})

/** Every sentence of every fixture, with the block it is in. */
function fixtureSentences(): string[] {
  return markdownBelow(path.join(root, 'fixtures')).flatMap((file) => buildDocument(fs.readFileSync(file, 'utf8'), file).blocks.flatMap((b) => [b.text, ...b.sentences.map((s) => s.text)]))
}

describe('a pattern that opens with a lookbehind (aheadOfLookbehind)', () => {
  it('gains a lookahead of its rest, and matches as before', () => {
    expect(aheadOfLookbehind('(?<!amended )\\bfrom time to time\\b')).toBe('(?=\\bfrom time to time\\b)(?<!amended )\\bfrom time to time\\b')
    // unchanged: no lookbehind first, an alternation the lookbehind does not cover, named groups, back-references
    for (const source of ['\\bpromptly\\b', '(?<=a)b|c', '(?<=a)(?<n>b)', '(?<=(a))b\\1', 'a(?<=a)b']) expect(aheadOfLookbehind(source)).toBe(source)
    const texts = ['as amended from time to time', 'we call from time to time', 'From Time To Time, amended from time to time', 'Speed: fast | Cost: low', 'Speed: fast and reliable']
    for (const term of [...vague.terms, ...overpromising.terms]) {
      const a = new RegExp(term.pattern, 'gi')
      const b = new RegExp(aheadOfLookbehind(term.pattern), 'gi')
      for (const t of texts) expect([...t.matchAll(b)].map((m) => [m.index, m[0]]), term.pattern).toEqual([...t.matchAll(a)].map((m) => [m.index, m[0]]))
    }
    expect(vague.terms.filter((t) => aheadOfLookbehind(t.pattern) !== t.pattern).length).toBeGreaterThan(1)
  })
})

describe('the literals a term is looked for by (requiredLiterals)', () => {
  it('are in every fixture sentence that a built-in term matches', () => {
    const sentences = fixtureSentences()
    expect(sentences.length).toBeGreaterThan(10000)
    let matched = 0
    for (const term of builtin) {
      expect(term.literals, term.re.source).toBeDefined()
      const re = new RegExp(term.re.source, 'i')
      for (const s of sentences) {
        if (!re.test(s)) continue
        matched++
        const lower = s.toLowerCase()
        expect(term.literals!.some((l) => lower.includes(l)), `${term.re.source} in "${s}"`).toBe(true)
      }
    }
    expect(matched).toBeGreaterThan(500)
  })

  it('follow optional parts, repeats, groups and lookarounds', () => {
    const cases: Array<[string, string[] | undefined]> = [
      ['ab(?:cd)?ef', ['ab']],
      ['a(?:bc|de)f', ['bc', 'de']],
      ['(?:foo|bar)?baz', ['baz']],
      ['x{0}abc', ['abc']],
      ['abc{0,2}d', ['ab']],
      ['(?<=abc)def', ['def']],
      ['abc(?=def)', ['abc']],
      ['ab(?:c|)d', ['ab']],
      ['a??bc', ['bc']],
      ['(?:(?:ab|cd)ef)+gh', ['ab', 'cd']],
      ['Time To', ['time to']],
      // a later group whose shortest literal is longer tells more than a short run or an earlier group
      ['\\b(?:in|at) (?:a few|several) (?:minutes|hours)', ['a few', 'several']],
      ['ab(?:cdef|ghij)', ['cdef', 'ghij']],
      ['abc(?:de|fg)', ['abc']],
      // an alternative (or a pattern) with no literal it must contain gives none
      ['foo|\\d+', undefined],
      ['abc|', undefined],
      ['(?:x|y)z', undefined],
      ['(?:abc){0}', undefined],
      ['hel(lo)\\1', undefined],
    ]
    for (const [source, want] of cases) expect(requiredLiterals(source), source).toEqual(want)
  })

  it('are tried sentence by sentence: a term is run only on the sentences of a block that hold its literals', () => {
    // several sentences per block, literals in one sentence and not the next, at sentence edges, and across a boundary
    const doc = buildDocument(
      '# Terms\n\nWe act promptly. Nothing else here. Regular checks run. Then promptly.\n\n- Reply from time to time. From time\n  to time we call. Amended from time to time.\n\nIn a few hours. Within several days. Never in a few.\n',
      'x.md',
    )
    expect(doc.blocks.some((b) => b.sentences.length > 2)).toBe(true)
    const got = scanTerms(new Prose(doc.blocks), builtin)
    expect(spans(got)).toEqual(spans(perBlockScan(doc.blocks, builtin)))
    expect(got.map((h) => h.text)).toEqual(expect.arrayContaining(['promptly', 'from time to time']))
  })

  it('find what RE2 matches in an added phrase: its "s" matches the long s, whose lower case is itself', () => {
    // RE2 (the engine of users' phrases) folds "s" with "ſ"
    expect(new LinearRegExp('risk', 'i').test('the riſk')).toBe(true)
    const doc = buildDocument('# Terms\n\nThe riſk is low. The risk is low. The RISK is low. We use beſt efforts.\n', 'x.md')
    const {terms} = configuredTerms(builtin, {add: ['risk', 'best efforts'], allow: [], replace: true}, 'say what')
    expect(terms.every((t) => t.literals !== undefined && t.literals.every((l) => !l.includes('s')))).toBe(true)
    expect(scanTerms(new Prose(doc.blocks), terms).map((h) => h.text)).toEqual(['riſk', 'risk', 'RISK', 'beſt efforts'])
    // the built-in terms, matched by V8 (where "s" matches only "s" and "S"), keep their literals whole
    expect(builtin.some((t) => t.literals?.some((l) => l.includes('s')))).toBe(true)
  })
})

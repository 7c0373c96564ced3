// The fast parser against the reference (remark-parse + front matter + GFM tables): the same mdast, positions
// included, on every fixture, the bench corpus, the real-agreement corpus when it is present, and a seeded property
// over agreement-like Markdown; and the same lint JSON, byte for byte. Where the fast parser does not cover a
// construct it hands the part to remark-parse, so trees must agree everywhere; the coverage checks make sure the fast
// path is what actually ran.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {agreement} from '../scripts/bench/corpus.js'
import {fastParse, Unsupported} from '../src/fast-parse.js'
import {lint} from '../src/lint.js'
import {clauselintParse, parseMarkdown, type ParserName} from '../src/parse.js'
import {agreementish} from './markdownish.js'
import {sampleAgreements, sampleQuick} from './tiers.js'

const root = path.resolve(import.meta.dirname, '..')
const corpusDir = process.env['CLAUSELINT_CORPUS'] ?? path.join(root, '..', 'shared', 'corpus')

function markdownFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...markdownFiles(full))
    else if (entry.name.endsWith('.md')) out.push(full)
  }
  return out.sort()
}

const WHOLE = Number.MAX_SAFE_INTEGER
const tree = (text: string, parser: ParserName, partSize?: number) => parseMarkdown(text, {parser, ...(partSize ? {partSize} : {})})

/** Does the fast parser cover the whole text on its own (no part handed to remark-parse)? */
function covered(text: string): boolean {
  try {
    fastParse(text)
    return true
  } catch (error) {
    if (error instanceof Unsupported) return false
    throw error
  }
}

const fixtures = markdownFiles(path.join(root, 'fixtures')).map((file) => ({file: path.relative(root, file), text: fs.readFileSync(file, 'utf8')}))
// the differential runs below: every rule fixture, and the labelled agreements sampled as sampleAgreements says (a
// seeded sample in `npm test`, every one in `npm run test:exhaustive`)
const agreementsSampled = new Set(sampleAgreements(30, ['sample-msa.md', 'a-complete-large.md']).map((f) => path.join('fixtures', 'agreements', f)))
const differential = fixtures.filter((f) => path.dirname(f.file) !== path.join('fixtures', 'agreements') || agreementsSampled.has(f.file))
// the lint of each, twice: in `npm test` the sampled agreements and a seeded sample of the rule fixtures (every rule fixture's tree is compared above)
const ruleFixtures = differential.filter((f) => !agreementsSampled.has(f.file))
const linted = [...differential.filter((f) => agreementsSampled.has(f.file)), ...sampleQuick(ruleFixtures, 300)]
const corpus = fs.existsSync(corpusDir) ? markdownFiles(corpusDir).map((file) => ({file: path.relative(corpusDir, file), text: fs.readFileSync(file, 'utf8')})) : []
// the bench corpus: the generator's agreements at the sizes `npm run bench` uses
const bench = Array.from({length: 24}, (_, i) => ({file: `bench-${i}`, text: agreement(1000 + i, 10_000 + (i % 6) * 3_000)}))

describe('the fast parser gives remark-parse’s tree', () => {
  it('on every fixture (the agreements sampled in npm test), parsed whole and in parts', () => {
    expect(differential.filter((f) => f.file.startsWith(path.join('fixtures', 'agreements'))).length).toBeGreaterThanOrEqual(30)
    for (const {file, text} of differential) {
      expect(tree(text, 'fast', WHOLE), file).toEqual(tree(text, 'remark', WHOLE))
      expect(tree(text, 'fast'), file).toEqual(tree(text, 'remark'))
    }
  })

  it('covers nearly every fixture without remark-parse', () => {
    const own = fixtures.filter((f) => covered(f.text)).length
    expect(fixtures.length).toBeGreaterThan(100)
    expect(own / fixtures.length).toBeGreaterThan(0.95)
  })

  it('on the bench corpus, every agreement without remark-parse', () => {
    for (const {file, text} of bench) {
      expect(covered(text), file).toBe(true)
      expect(fastParse(text), file).toEqual(tree(text, 'remark', WHOLE))
      expect(tree(text, 'fast'), file).toEqual(tree(text, 'remark'))
    }
  })

  it.skipIf(corpus.length === 0)('on every agreement of the real-agreement corpus (when present)', () => {
    for (const {file, text} of corpus) {
      expect(tree(text, 'fast', WHOLE), file).toEqual(tree(text, 'remark', WHOLE))
      expect(tree(text, 'fast'), file).toEqual(tree(text, 'remark'))
    }
  })

  it('on agreement-like Markdown (seeded property), whole and cut into small parts', () => {
    let own = 0
    fc.assert(
      fc.property(agreementish, fc.integer({min: 1, max: 64}), (text, size) => {
        const reference = tree(text, 'remark', WHOLE)
        if (covered(text)) {
          own++
          expect(fastParse(text)).toEqual(reference)
        }
        expect(tree(text, 'fast', WHOLE)).toEqual(reference)
        expect(tree(text, 'fast', size)).toEqual(reference)
      }),
      {numRuns: 400, seed: 20261202},
    )
    // the property must exercise the fast path, not only the hand-over
    expect(own).toBeGreaterThan(100)
  })

  it('hands what it does not cover to remark-parse: setext headings, indented code, images, HTML blocks, tabs, CR', () => {
    for (const text of ['Title\n===\n\ntext', '    code\n', 'see ![logo](x.png)', '<div>\nx\n</div>\n', 'a\tb\n', 'a\r\nb\r\n', 'a &amp; b']) {
      expect(covered(text), JSON.stringify(text)).toBe(false)
      expect(tree(text, 'fast'), JSON.stringify(text)).toEqual(tree(text, 'remark'))
    }
  })

  it('opens a list item inside another on a line that interrupts a paragraph only as one that may interrupt it', () => {
    // a paragraph open when the line's containers begin: every item the line opens interrupts it, so an inner
    // ordered item must be numbered 1 (one digit) and not blank; with no paragraph open, any number opens one
    const interrupting = ['para\n1. 11. 2024 as agreed\n', 'para\n- 11. c\n', 'para\n> 11. c\n', 'para\n1. 01. c\n', 'para\n1. 2) c\n', 'para\n01. c\n', 'para\n- 1.\n']
    const opening = ['para\n1. 1. c\n', 'para\n- - c\n', 'para\n> - c\n', '- a\n- 11. c\n', '- a\n  - b\n- 11. c\n', '- a\n\n  11. b\n']
    for (const text of [...interrupting, ...opening]) expect(tree(text, 'fast', WHOLE), JSON.stringify(text)).toEqual(tree(text, 'remark', WHOLE))
    // the look-alike the rule is for: the inner number stays text, the outer item a list
    const inner = tree('para\n1. 11. 2024 as agreed\n', 'fast', WHOLE).children[1]
    expect(inner?.type).toBe('list')
    expect(JSON.stringify(inner)).not.toContain('"start":11')
    expect(JSON.stringify(tree('- a\n\n  11. b\n', 'fast', WHOLE))).toContain('"start":11')
  })

  it('reads a table head whose delimiter row has another number of cells as paragraph text, as remark-parse does, without handing it over', () => {
    // a cell typed after the head's last pipe, a column left out of the delimiter row: no table, one paragraph of the
    // lines (a table may still interrupt it further on); the look-alike with the counts matching stays a table
    const texts = [
      '| a | b |x\n|---|---|\n| c | d |\n',
      '| a |\n|---|---|\n| c | d |\n\nNext paragraph\n',
      'Rates below.\n| a | b | c |\n| :-- | --: |\n| c | d |\n',
      '| a | b | c |\n|---|---|\n| c | d |\n| e | f |\n|---|---|\n| g | h |\n',
      '| a | b | c |\n|---|---|\n- an item\n',
    ]
    for (const text of texts) {
      expect(covered(text), JSON.stringify(text)).toBe(true)
      expect(tree(text, 'fast', WHOLE), JSON.stringify(text)).toEqual(tree(text, 'remark', WHOLE))
    }
    expect(tree(texts[0]!, 'fast', WHOLE).children.map((n) => n.type)).toEqual(['paragraph'])
    expect(tree(texts[3]!, 'fast', WHOLE).children.map((n) => n.type)).toEqual(['paragraph', 'table'])
    const table = '| a | b |\n|---|---|\n| c | d |\n'
    expect(tree(table, 'fast', WHOLE).children.map((n) => n.type)).toEqual(['table'])
    expect(tree(table, 'fast', WHOLE)).toEqual(tree(table, 'remark', WHOLE))
  })

  it('as a unified parser plugin', () => {
    const text = fixtures.find((f) => f.file.endsWith('sample-msa.md'))!.text
    expect(unified().use(clauselintParse).parse(text)).toEqual(tree(text, 'remark'))
    expect(unified().use(clauselintParse, {parser: 'remark'}).parse(text)).toEqual(tree(text, 'remark'))
  })
})

describe('lint JSON is byte-identical with either parser', () => {
  const same = (files: ReadonlyArray<{file: string; text: string}>): void => {
    for (const {file, text} of files) {
      const fast = JSON.stringify(lint(text, {filePath: file, parser: 'fast'}))
      const reference = JSON.stringify(lint(text, {filePath: file, parser: 'remark'}))
      expect(fast, file).toBe(reference)
    }
  }
  it('on every fixture (in npm test, the agreements and rule fixtures sampled)', () => {
    expect(linted.length).toBeGreaterThanOrEqual(300)
    same(linted)
  })
  it.skipIf(corpus.length === 0)('on every agreement of the real-agreement corpus (when present)', () => same(corpus))
})

// Inputs that took remark-parse minutes and gigabytes (nested emphasis, link reference definitions, one huge table):
// the fast parser covers them, so they are parsed in linear time; at a size remark-parse still handles, the trees agree.
describe('hostile inputs stay on the linear parser', () => {
  const emphasis = (depth: number) => `# Managed Services Agreement\n\nProvider ${'*_'.repeat(depth)}promptly${'_*'.repeat(depth)} responds.\n`
  const definitions = (n: number) =>
    `# Managed Services Agreement\n\nSee [the portal][ref-3] and [ref-7].\n\n${Array.from({length: n}, (_, i) => `[ref-${i}]: https://example.com/support/${i} "Support ${i}"`).join('\n')}\n`
  const table = (rows: number) => `# Managed Services Agreement\n\n| a | b | c |\n|---|---|---|\n${'| P1 | Provider will respond promptly within 1 hour | Critical outage |\n'.repeat(rows)}`

  it('nested emphasis: 40 KB of `*_` runs', () => {
    expect(fastParse(emphasis(200))).toEqual(tree(emphasis(200), 'remark'))
    const big = emphasis(10_000)
    expect(big.length).toBeGreaterThan(40_000)
    // the same shape as at depth 200, 50 times over: every second run pairs into an emphasis
    const emphases = (text: string) => (fastParse(text).children[1] as {children: Array<{type: string}>}).children.filter((c) => c.type === 'emphasis').length
    expect(emphases(emphasis(200))).toBe(267)
    expect(emphases(big)).toBe(13_333)
  })

  it('link reference definitions: 1 MB of them, and the references that use them', () => {
    expect(fastParse(definitions(300))).toEqual(tree(definitions(300), 'remark'))
    const big = definitions(20_000)
    expect(big.length).toBeGreaterThan(1_000_000)
    const parsed = fastParse(big)
    expect(parsed.children.filter((c) => c.type === 'definition')).toHaveLength(20_000)
    expect(JSON.stringify(parsed.children[1])).toContain('"type":"linkReference"')
  })

  it('one table of 1 MB', () => {
    expect(fastParse(table(300))).toEqual(tree(table(300), 'remark'))
    const big = table(15_000)
    expect(big.length).toBeGreaterThan(1_000_000)
    const parsed = fastParse(big)
    expect(parsed.children[1]).toMatchObject({type: 'table'})
    expect((parsed.children[1] as {children: unknown[]}).children).toHaveLength(15_001)
  })
})

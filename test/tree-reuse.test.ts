// The editor's build after an edit: with a parse cache, buildDocument reuses the last document (its positions moved)
// when the edit provably changes nothing the build read but one node's text, and builds the tree in full otherwise.
// Either way the document must be the one a fresh build makes, field for field and in the same order.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {ParseCache} from '../src/parse.js'
import type {Block, Document, Section} from '../src/types.js'
import {agreementish} from './markdownish.js'

const agreements = path.resolve(import.meta.dirname, '..', 'fixtures', 'agreements')
const files = fs.readdirSync(agreements).filter((f) => f.endsWith('.md')).sort()
const texts = files.map((f) => fs.readFileSync(path.join(agreements, f), 'utf8'))

/** Everything a document holds, as plain data in its own key order: sections and blocks by index, not by reference. */
function shape(doc: Document): string {
  const sectionIndex = new Map<Section, number>(doc.sections.map((s, i) => [s, i]))
  const blockIndex = new Map<Block, number>(doc.blocks.map((b, i) => [b, i]))
  const block = (b: Block): unknown =>
    Object.entries(b).map(([k, v]) => {
      if (k === 'section') return [k, sectionIndex.get(v as Section)]
      if (k === 'file') return [k, (v as Block['file']).path]
      if (k === 'title') return [k, block(v as Block)]
      if (k === 'sentences') return [k, (v as Block['sentences']).map((s) => [Object.keys(s), s.block === b, s.index, s.start, s.end, s.text])]
      return [k, v]
    })
  const section = (s: Section): unknown =>
    Object.entries(s).map(([k, v]) => {
      if (k === 'blocks') return [k, (v as Block[]).map((b) => blockIndex.get(b) ?? -1)]
      if (k === 'children') return [k, (v as Section[]).map((c) => sectionIndex.get(c))]
      if (k === 'parent') return [k, v ? sectionIndex.get(v as Section) : null]
      if (k === 'file') return [k, (v as Section['file']).path]
      return [k, v]
    })
  const points = [0, 1, Math.floor(doc.source.length / 2), doc.source.length].map((o) => doc.positionAt(o))
  return JSON.stringify({
    keys: Object.keys(doc),
    source: doc.source,
    marks: doc.marks,
    frontmatter: doc.frontmatter,
    frontmatterError: doc.frontmatterError,
    root: sectionIndex.get(doc.root),
    title: doc.title ? sectionIndex.get(doc.title) : null,
    sections: doc.sections.map(section),
    blocks: doc.blocks.map(block),
    // every block's file answers positions for this source
    points,
    filePoints: doc.blocks.slice(0, 3).map((b) => b.file.positionAt(doc.source.length)),
  })
}

/** Characters and words an author types: letters, capitals, stops, colons, hyphens, Markdown's marks, times, spaces. */
const TYPED = ['x', 'E', ' ', '.', ':', '-', '*', '|', '`', '[', '#', '1', '2.', ' and', 'SERVICES', ' above', ' following:', '09:04 - Tom Smith:', 'main', '**', '\\', '&amp;']
const edit = fc.record({line: fc.nat(), column: fc.nat(), kind: fc.constantFrom('insert', 'insert', 'insert', 'delete', 'replace', 'fill', 'clear'), typed: fc.constantFrom(...TYPED)})
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never

/**
 * One edit within one line: type at a column, delete the character before it, or replace it; or type on the first blank
 * line from the one chosen (which joins the paragraphs above and below it), or delete all of a line's text (which
 * splits the paragraph that held it).
 */
/** A build through the cache that checks the document it gives against a fresh build of the same text. */
function checkedBuild(cache: ParseCache): (text: string) => Document {
  return (text) => {
    const doc = buildDocument(text, 'a.md', {parseCache: cache})
    expect(shape(doc)).toBe(shape(buildDocument(text, 'a.md')))
    return doc
  }
}

function apply(text: string, e: Edit): string {
  const lines = text.split('\n')
  let i = e.line % lines.length
  if (e.kind === 'fill') {
    for (let k = 0; k < lines.length; k++) {
      if (lines[(i + k) % lines.length]!.trim() !== '') continue
      i = (i + k) % lines.length
      break
    }
    lines[i] = e.typed
    return lines.join('\n')
  }
  if (e.kind === 'clear') {
    lines[i] = ''
    return lines.join('\n')
  }
  const line = lines[i]!
  const at = line.length ? e.column % (line.length + 1) : 0
  if (e.kind === 'insert') lines[i] = line.slice(0, at) + e.typed + line.slice(at)
  else if (e.kind === 'delete') lines[i] = line.slice(0, Math.max(0, at - 1)) + line.slice(at)
  else lines[i] = line.slice(0, Math.max(0, at - 1)) + e.typed + line.slice(at)
  return lines.join('\n')
}

describe('the tree after an edit', () => {
  it('is the tree a fresh build makes, over random one-line edits of every agreement fixture (seeded)', () => {
    let reused = 0
    let full = 0
    let compared = 0
    fc.assert(
      fc.property(fc.nat({max: texts.length - 1}), fc.array(edit, {minLength: 1, maxLength: 6}), (which, edits) => {
        const cache = new ParseCache()
        let text = texts[which]!
        const name = files[which]!
        buildDocument(text, name, {parseCache: cache})
        for (const e of edits) {
          text = apply(text, e)
          expect(shape(buildDocument(text, name, {parseCache: cache}))).toBe(shape(buildDocument(text, name)))
          compared++
        }
        reused += cache.builds.reused
        full += cache.builds.full
      }),
      {numRuns: 100, seed: 23},
    )
    expect(compared).toBeGreaterThan(200)
    // both ways were taken, and most of these edits (typed within a line of text) reused the last document
    expect(reused).toBeGreaterThan(compared / 3)
    expect(full).toBeGreaterThan(100)
  })

  it('is the tree a fresh build makes over random edits of invented documents of every syntax (seeded)', () => {
    let compared = 0
    fc.assert(
      fc.property(agreementish, fc.array(edit, {minLength: 1, maxLength: 5}), (start, edits) => {
        const cache = new ParseCache()
        let text = start
        buildDocument(text, 'a.md', {parseCache: cache})
        for (const e of edits) {
          text = apply(text, e)
          expect(shape(buildDocument(text, 'a.md', {parseCache: cache}))).toBe(shape(buildDocument(text, 'a.md')))
          compared++
        }
      }),
      {numRuns: 80, seed: 29},
    )
    expect(compared).toBeGreaterThan(200)
  })

  it('reuses the last document after a paragraph is joined to the next by a line typed between them, or split by a line cleared, and builds again where the paragraphs are read as a list', () => {
    const base = [
      '# Support Agreement',
      '',
      '## Services',
      '',
      'The Provider will look after the office network and answer calls',
      'during business hours on every Business Day.',
      '',
      'We keep the servers patched and the firewall up to date for the whole site,',
      'and we check the backups every week.',
      '',
      '## Fees',
      '',
      'The fees are set out in the order form.',
      '',
    ].join('\n')
    const cache = new ParseCache()
    const build = checkedBuild(cache)
    expect(build(base).blocks.filter((b) => b.section.title === 'Services' && b.kind !== 'heading')).toHaveLength(2)
    // a line typed on the blank line between the two paragraphs joins them: one block, the tree reused
    const joined = base.replace('Business Day.\n\nWe keep', 'Business Day.\nAlso,\nWe keep')
    const one = build(joined).blocks.filter((b) => b.section.title === 'Services' && b.kind !== 'heading')
    expect(one).toHaveLength(1)
    expect(one[0]!.text).toContain('Business Day.\nAlso,\nWe keep')
    expect(cache.builds).toEqual({reused: 1, full: 1})
    // its text deleted again splits them: reused
    build(base)
    expect(cache.builds).toEqual({reused: 2, full: 1})
    // the same under the next heading, after the edit's line moved the text after it
    build(joined)
    build(joined.replace('The fees are set out', 'The monthly fees are set out'))
    expect(cache.builds).toEqual({reused: 4, full: 1})
    // a line typed on the blank line between a heading and a list is a paragraph of its own over the list: reused, and
    // again when it is deleted
    const listedUnder = joined.replace('## Fees\n\nThe fees are set out in the order form.', '## Fees\n\n- Monthly fee per device\n- Project work at the hourly rate')
    build(listedUnder)
    const before = cache.builds.reused
    const typedOver = build(listedUnder.replace('## Fees\n\n-', '## Fees\nThe fees:\n-'))
    expect(typedOver.blocks.filter((b) => b.section.title === 'Fees').map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list-item', 'list-item'])
    build(listedUnder)
    expect(cache.builds.reused).toBe(before + 2)
    // one-line paragraphs after a lead-in are read as a list's items: joining two of them changes the list, built again
    const listed = [
      '# Support Agreement',
      '',
      'The Provider supports the following:',
      '',
      'Laptops;',
      '',
      'Printers;',
      '',
      'Phones.',
      '',
    ].join('\n')
    const items = new ParseCache()
    buildDocument(listed, 'a.md', {parseCache: items})
    const merged = listed.replace('Laptops;\n\nPrinters;', 'Laptops;\nand\nPrinters;')
    const doc = buildDocument(merged, 'a.md', {parseCache: items})
    expect(shape(doc)).toBe(shape(buildDocument(merged, 'a.md')))
    expect(items.builds).toEqual({reused: 0, full: 2})
  })

  it('reuses the last document after a word typed into a paragraph, and builds again where the edit changes what other blocks are read with', () => {
    const base = [
      '# Support Agreement',
      '',
      '## Services',
      '',
      'The Provider will look after the office network and answer calls during business hours.',
      '',
      'We keep the servers patched and the firewall up to date for the whole site.',
      '',
      'Engineers make an on-',
      'site visit when needed.',
      '',
    ].join('\n')
    const cache = new ParseCache()
    const build = checkedBuild(cache)
    build(base)
    // a word typed into a sentence: reused
    const typed = base.replace('answer calls', 'answer all calls')
    build(typed)
    expect(cache.builds).toEqual({reused: 1, full: 1})
    // the same text again: reused
    build(typed)
    expect(cache.builds).toEqual({reused: 2, full: 1})
    // a paragraph typed in capitals is a title over the text after it: built again, and again when it is undone
    build(typed.replace('We keep the servers patched and the firewall up to date for the whole site.', 'FIREWALL'))
    build(typed)
    expect(cache.builds).toEqual({reused: 2, full: 3})
    // "onsite" written elsewhere joins the compound broken at its hyphen: the hyphen's reading changes, built again
    expect(buildDocument(typed, 'a.md').blocks.at(-1)!.text).toContain('on-site visit')
    const joined = typed.replace('for the whole site.', 'for the whole site, onsite or remote.')
    expect(build(joined).blocks.at(-1)!.text).toContain('onsite visit')
    expect(cache.builds).toEqual({reused: 2, full: 4})
    // a lead-in's colon typed at a paragraph's end is read again with the paragraphs after it, which it may make a list's
    // items: here only one paragraph of one line follows it, no list, so the blocks after it read as before: reused
    const colon = joined.replace('answer all calls during business hours.', 'answer all calls during business hours:')
    build(colon)
    expect(cache.builds).toEqual({reused: 3, full: 4})
    // and a word typed in the paragraph after it
    build(colon.replace('We keep', 'We always keep'))
    expect(cache.builds).toEqual({reused: 4, full: 4})
    // where two paragraphs of one line follow it, the colon makes them a list's items: built again, and again when it goes
    const two = joined.replace('\nsite visit when needed.', ' site visit when needed.')
    build(two)
    const before = cache.builds.full
    const items = build(two.replace('answer all calls during business hours.', 'answer all calls during business hours:'))
    expect(items.blocks.filter((b) => b.kind === 'list-item')).toHaveLength(2)
    build(two)
    expect(cache.builds.full).toBe(before + 2)
  })
})

// The reshape check: each rewrite writes the same agreement in another shape, and the rules read the shapes alike.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {lint} from '../src/lint.js'
import {loadFixtures} from '../scripts/evaluate.js'
import {changeKey, check, KNOWN_PATH, sample, type Known} from '../scripts/reshape-check.js'
import {REWRITES, type Rewrite} from '../scripts/reshape.js'
import {EXHAUSTIVE} from './tiers.js'

const byName = (name: string): Rewrite => REWRITES.find((r) => r.name === name)!

const AGREEMENT = [
  '# Support Terms', //                                     1
  '',
  '## 1. Services', //                                      3
  '',
  'We provide the "Services" below, see Section 2:', //     5
  '',
  '- Help desk, 9am-5pm',
  '  - by phone', //                                        8
  '- Patching',
  '',
  '### 1.1 Levels', //                                     11
  '',
  '| Priority | Response |',
  '|---|---|',
  '| P1 | 1 hour |', //                                     15
  '',
]
  .join('\n')

describe('each rewrite writes the same agreement in another shape, and says where each line came from', () => {
  it.each<[string, string[], number[]]>([
    ['heading-setext', ['Support Terms', '=============', '', '1\\. Services', '------------'], [1, 1, 2, 3, 3]],
    ['heading-bold', ['**Support Terms**', '', '**1. Services**'], [1, 2, 3]],
    ['heading-caps', ['SUPPORT TERMS', '', '1. SERVICES'], [1, 2, 3]],
    ['heading-word', ['Support Terms', '', '1. Services'], [1, 2, 3]],
  ])('%s', (name, head, origin) => {
    const r = byName(name).apply(AGREEMENT)
    expect(r.text.split('\n').slice(0, head.length)).toEqual(head)
    expect(r.origin.slice(0, origin.length)).toEqual(origin)
    expect(r.text.split('\n').length).toBe(r.origin.length)
  })

  it('heading-word numbers a heading that was not', () => {
    expect(byName('heading-word').apply('# T\n\n## Services\n\nText.\n\n### Hours\n\nText.\n').text).toBe('T\n\n1. Services\n\nText.\n\n1.1 Hours\n\nText.\n')
  })

  it.each<[string, string[]]>([
    ['list-dash', ['- Help desk, 9am-5pm', '  - by phone', '- Patching']],
    ['list-star', ['* Help desk, 9am-5pm', '  * by phone', '* Patching']],
    ['list-numbered', ['1. Help desk, 9am-5pm', '   1. by phone', '2. Patching']],
    ['list-lettered', ['a) Help desk, 9am-5pm', '(i) by phone', 'b) Patching']],
    ['list-paragraphs', ['Help desk, 9am-5pm', '', 'by phone', '', 'Patching']],
    ['list-flat', ['- Help desk, 9am-5pm', '- by phone', '- Patching']],
  ])('%s', (name, items) => {
    const r = byName(name).apply(AGREEMENT)
    const lines = r.text.split('\n')
    const from = lines.findIndex((l) => l.includes('Help desk'))
    expect(lines.slice(from, from + items.length)).toEqual(items)
    expect(r.origin[from]).toBe(7)
  })

  it.each<[string, string[]]>([
    ['table-lines', ['Priority: P1; Response: 1 hour']],
    ['table-list', ['- **P1** — Response: 1 hour']],
    ['table-html', ['<table><tr><th>Priority</th><th>Response</th></tr>', '<tr><td>P1</td><td>1 hour</td></tr>', '</table>']],
  ])('%s', (name, rows) => {
    const r = byName(name).apply(AGREEMENT)
    const lines = r.text.split('\n')
    const from = lines.findIndex((l) => l.includes('Priority') || l.includes('P1'))
    expect(lines.slice(from, from + rows.length)).toEqual(rows)
    expect(r.origin[lines.indexOf(rows.find((x) => x.includes('P1'))!)]).toBe(15)
  })

  it.each<[string, string, string]>([
    ['quotes', 'We provide the "Services" below, see Section 2:', 'We provide the “Services” below, see Section 2:'],
    ['dashes', '- Help desk, 9am-5pm', '- Help desk, 9am–5pm'],
    ['section-clause', 'We provide the "Services" below, see Section 2:', 'We provide the "Services" below, see Clause 2:'],
    ['section-sign', 'We provide the "Services" below, see Section 2:', 'We provide the "Services" below, see § 2:'],
  ])('%s', (name, before, after) => {
    const r = byName(name).apply(AGREEMENT)
    expect(r.text.split('\n')).toContain(after)
    expect(r.text.split('\n')).not.toContain(before)
  })

  it('quotes and dashes go back the other way when the agreement already uses the typographic marks', () => {
    expect(byName('quotes').apply('We call it the “Plan”, it’s ours.\n').text).toBe('We call it the "Plan", it\'s ours.\n')
    expect(byName('dashes').apply('Open Mon–Fri, 8–6.\n').text).toBe('Open Mon-Fri, 8-6.\n')
  })

  it('dashes leaves a phone number, a date and a word with a hyphen alone', () => {
    const text = 'Call 555-0148 from 2025-03-01 for 24-hour cover.\n'
    expect(byName('dashes').apply(text).text).toBe(text)
  })

  it('hard-breaks wraps prose, never starts a line with a list marker, and maps each piece to its line', () => {
    const long = 'The Provider answers every call to the help desk within 15 minutes - 1. a note, and 2. another note that runs on past the width.'
    const r = byName('hard-breaks').apply(`# T\n\n${long}\n`)
    const lines = r.text.split('\n')
    expect(lines.length).toBeGreaterThan(4)
    expect(lines.slice(2).every((l) => l.length <= 60 || !l.includes(' '))).toBe(true)
    expect(lines.slice(3).some((l) => /^(?:[-*+]|\d+\.)\s/.test(l))).toBe(false)
    expect(lines.slice(2).join(' ').replace(/\s+/g, ' ').trim()).toBe(long)
    expect(r.origin.slice(2, -1).every((o) => o === 3)).toBe(true)
  })
})

describe('a numbered short title is a heading in a whole agreement as in its Markdown form', () => {
  const agreement = (services: string): string =>
    [
      'Support agreement between Harbour IT and the Client.',
      '',
      '1. Services',
      '',
      services,
      '',
      '2. Exclusions',
      '',
      'Printers, phones and projects are not covered and are quoted separately.',
      '',
    ].join('\n')
  const outcome = (text: string, rule: string): string | undefined => lint(text, {filePath: 'x.md', profile: 'msa'}).coverage.find((c) => c.ruleId === rule)?.outcome

  it('passes: the services listed under a numbered title line', () => {
    expect(outcome(agreement('We provide:\n\n- help desk support for 12 staff\n- monthly patching of every PC\n- monitoring of the firewall'), 'scope-of-services')).toBe('present')
  })

  it('fails: nothing under the title says what is provided', () => {
    expect(outcome(agreement('See below.'), 'scope-of-services')).not.toBe('present')
  })

  it('look-alike: a numbered list of short items is not a row of headings', () => {
    const text = 'Support agreement.\n\nWe provide:\n\n1. Help desk\n2. Patching\n3. Backups\n\nNot included: printers and phones.\n'
    const doc = lint(text, {filePath: 'x.md', profile: 'msa'})
    expect(doc.coverage.find((c) => c.ruleId === 'scope-of-services')?.outcome).toBe('present')
    expect(buildDocument(text, 'x.md').sections.filter((x) => x.kind !== 'root')).toEqual([])
  })
})

describe('a line break where the sentence runs on is a space', () => {
  const blockText = (text: string): string => buildDocument(text, 'x.md').blocks.at(-1)!.text
  const flagged = (text: string): string[] =>
    lint(text, {filePath: 'x.md', profile: 'msa'})
      .messages.filter((m) => m.ruleId === 'no-vague-terms')
      .map((m) => m.message)

  it('passes: a vague term wrapped across two lines is found as on one line', () => {
    expect(flagged('# Terms\n\nWe answer every call to the help desk as soon as\npossible and fix faults the same day.\n')).toEqual(flagged('# Terms\n\nWe answer every call to the help desk as soon as possible and fix faults the same day.\n'))
    expect(flagged('# Terms\n\nWe answer every call to the help desk as soon as\npossible and fix faults the same day.\n').join()).toContain('as soon as possible')
  })

  it('fails: a measured time wrapped across two lines still measures it', () => {
    expect(flagged('# Terms\n\nWe answer every call to the help desk within\n2 business hours and fix faults the same day.\n')).toEqual([])
  })

  it.each([
    ['a line that ends on an article', 'Calls are answered by the\nService Desk.', 'Calls are answered by the Service Desk.'],
    ['a next line in lower case', 'Calls are answered quickly\nand logged.', 'Calls are answered quickly and logged.'],
  ])('%s runs on', (_name, para, text) => {
    expect(blockText(`# T\n\n${para}\n`)).toBe(text)
  })

  it('lettered lines keep their line breaks: each is an item of its own', () => {
    const doc = buildDocument('# T\n\nWe provide:\na) help desk\nb) patching\n', 'x.md')
    expect(doc.blocks.slice(1).map((b) => b.text)).toEqual(['We provide:', 'help desk', 'patching'])
  })

  const kinds = (text: string): string[] => buildDocument(text, 'x.md').blocks.slice(1).map((b) => b.kind)

  it('a list written one item per paragraph after a lead-in is a list; a sentence about the list after it is not an item', () => {
    expect(kinds('# T\n\nWe provide:\n\nhelp desk\n\npatching\n\nAnything not listed above is billed.\n')).toEqual(['paragraph', 'list-item', 'list-item', 'paragraph'])
    expect(kinds('# T\n\nThe Client will:\n\nkeep its PCs patched;\n\nname a contact; and\n\npay on time.\n\nFees are monthly.\n')).toEqual(['paragraph', 'list-item', 'list-item', 'list-item', 'paragraph'])
  })

  it('short lines with no stop that open a section are the items of a list; sentences, labels and numbered clauses are not', () => {
    expect(kinds('# T\n\n## Covered\n\nThe tills\n\nThe router\n')).toEqual(['heading', 'list-item', 'list-item'])
    expect(kinds('# T\n\n## Covered\n\nWe look after the tills.\n\nWe look after the router.\n')).toEqual(['heading', 'paragraph', 'paragraph'])
    expect(kinds('# T\n\nPhone: 0161 555 0100\n\nE-mail: help@example.net\n')).toEqual(['paragraph', 'paragraph'])
    expect(kinds('# T\n\nThe Provider will:\n\n(1) answer calls\n\n(2) patch PCs\n')).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })

  it('a list of items that each name a key and give values under the same labels is a table, one label each or more', () => {
    const rows = buildDocument('# T\n\n- **Critical** — Response: 15 minutes\n- **High** — Response: 1 hour\n', 'x.md').blocks.slice(1)
    expect(rows.map((b) => [b.kind, b.header, b.cells])).toEqual([
      ['table-row', ['', 'Response'], ['Critical', '15 minutes']],
      ['table-row', ['', 'Response'], ['High', '1 hour']],
    ])
    // look-alikes: items with labels of their own, or one item alone, stay list items
    expect(kinds('# T\n\n- **Phones** — Note: not covered\n- **Printers** — Price: £5\n')).toEqual(['list-item', 'list-item'])
    expect(kinds('# T\n\n- **Critical** — Response: 15 minutes\n')).toEqual(['list-item'])
  })

  // look-alikes: one item per line, a label per line, a sentence that ends at the break
  it.each([
    ['a label per line', 'Response: 1 hour\nResolution: 4 hours'],
    ['a sentence ended at the break', 'Calls are logged.\nfaults are fixed'],
    ['one item per line', 'Help desk\nPatching\nBackups'],
  ])('%s keep their line breaks', (_name, para) => {
    expect(blockText(`# T\n\n${para}\n`)).toBe(para)
  })
})

describe('the reshape check on the dev agreements', () => {
  const files = loadFixtures(path.join(import.meta.dirname, '..', 'fixtures', 'agreements'))
  const known = JSON.parse(readFileSync(KNOWN_PATH, 'utf8')) as Known
  // a few agreements per rewrite in the normal run, every one in `npm run test:exhaustive`
  const SEED = 20261204

  it('samples the same agreements for the same seed', () => {
    expect(sample(files, 5, SEED).map((f) => f.label.file)).toEqual(sample(files, 5, SEED).map((f) => f.label.file))
    expect(new Set(sample(files, 20, SEED).map((f) => f.label.file)).size).toBe(20)
  })

  it('every rewrite recorded in the ledger has a reason', () => {
    for (const k of known.changes) expect(known.reasons[k.split(' ')[0]!], k).toBeTruthy()
  })

  it.each(REWRITES.map((r) => [r.name, r] as const))('%s changes no outcome beyond those recorded in reshape-known.json', (_name, rewrite) => {
    const result = check(files, [rewrite], EXHAUSTIVE ? {} : {sample: 3, seed: SEED})
    expect(result.applied.get(rewrite.name)).toBeGreaterThan(0)
    const seen = new Set(result.changes.map(changeKey))
    // the recorded changes for the agreements this run rewrote
    const recorded = known.changes.filter((k) => result.checked.has(k.split(' ').slice(0, 2).join(' ')))
    const fresh = [...seen].filter((k) => !known.changes.includes(k))
    const fixed = recorded.filter((k) => !seen.has(k))
    expect({new: fresh, fixedButStillRecorded: fixed}).toEqual({new: [], fixedButStillRecorded: []})
  })
})

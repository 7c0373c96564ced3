// What a redline did: a .docx with tracked changes by several authors, each author's changes compared with the document
// as it was (clauselint compare FILE.docx --changes), and the reviewed copy with comments on the changed paragraphs.
import fs from 'node:fs'
import path from 'node:path'
import {strFromU8, unzipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {redline} from '../src/compare/redline.js'
import {readDocx} from '../src/docx/read.js'
import {runCli, tempDirs} from './helpers.js'

const REPO = path.join(import.meta.dirname, '..')
const bytes = fs.readFileSync(path.join(REPO, 'fixtures', 'docx', 'redline.docx'))
const temp = tempDirs('redline')

describe('reading one author\'s changes', () => {
  it('lists the authors and accepts only the named ones', () => {
    expect(readDocx(bytes, {changes: 'rejected'}).authors).toEqual(['Client Sales', 'Counterparty Legal'])
    const legal = readDocx(bytes, {acceptAuthors: new Set(['Counterparty Legal'])}).markdown
    expect(legal).toContain('respond to P1 tickets within 4 hours')
    expect(legal).toContain('resolve P1 incidents within 4 hours')
    expect(legal).toContain('Backups are kept for 30 days.')
    const sales = readDocx(bytes, {acceptAuthors: new Set(['Client Sales'])}).markdown
    expect(sales).toContain('respond to P1 tickets within 1 hour')
    expect(sales).toContain('resolve P1 incidents promptly')
    expect(sales).not.toContain('Backups are kept')
    // everyone's changes accepted is the default reading
    expect(readDocx(bytes, {acceptAuthors: new Set(['Client Sales', 'Counterparty Legal'])}).markdown).toBe(readDocx(bytes).markdown)
  })
})

describe('redline: each author against the document as it was', () => {
  const r = redline(bytes, 'redline.docx')
  const of = (author: string) => r.authors.find((a) => a.author === author)!.comparison.differences.map((d) => [d.docx?.paragraph, d.kind, d.ruleId, d.facet ?? ''].join(' '))

  it('reports what each author did, and nothing else', () => {
    expect(r.authors.map((a) => a.author)).toEqual(['Client Sales', 'Counterparty Legal'])
    expect(of('Counterparty Legal')).toEqual(['10 weaker response-times P1', '10 reworded response-times ', '14 weaker performance-targets period', '14 reworded performance-targets '])
    expect(of('Client Sales')).toEqual(['12 vague resolution-times P1', '12 reworded resolution-times ', '18 weaker backup-frequency retention', '18 reworded backup-frequency '])
  })

  it('says it in the comparison\'s terms, against the original', () => {
    const messages = r.authors.flatMap((a) => a.comparison.differences.filter((d) => d.kind !== 'reworded').map((d) => `${a.author}: ${d.message}`))
    expect(messages).toEqual([
      'Client Sales: Vague P1 resolution time "promptly"; the original has 4 hours',
      'Client Sales: Weaker backup frequency: no backup retention; the original has "30 days"',
      'Counterparty Legal: Weaker P1 response time "4 hours"; the original has 1 hour',
      'Counterparty Legal: Weaker performance targets: no measurement period; the original has per month',
    ])
  })
})

describe('clauselint compare FILE.docx --changes', () => {
  it('prints each author\'s changes by paragraph, exits 1 on a weaker clause, and writes a reviewed copy', async () => {
    const cwd = temp({'redline.docx': bytes})
    const r = await runCli(['compare', 'redline.docx', '--changes', '--annotate', 'reviewed.docx'], {cwd})
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^Counterparty Legal$/m)
    expect(r.stdout).toMatch(/^ {2}¶10 \(Response Times\) +weaker +Weaker P1 response time "4 hours"; the original has 1 hour +response-times$/m)
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe("✖ 2 authors' changes compared: 3 weaker, 1 vague, 4 reworded")
    expect(r.errLines).toEqual(['clauselint: wrote reviewed.docx (4 comments)'])
    const comments = strFromU8(unzipSync(fs.readFileSync(path.join(cwd, 'reviewed.docx')))['word/comments.xml']!).replace(/&quot;/g, '"')
    expect(comments).toContain('Counterparty Legal: Weaker P1 response time "4 hours"; the original has 1 hour (response-times)')
    expect(comments).toContain('Client Sales: Vague P1 resolution time "promptly"; the original has 4 hours (resolution-times)')
    // the input is untouched
    expect(fs.readFileSync(path.join(cwd, 'redline.docx')).equals(bytes)).toBe(true)
  })

  it('writes JSON per author and the other formats', async () => {
    const cwd = temp({'redline.docx': bytes})
    const json = JSON.parse((await runCli(['compare', 'redline.docx', '--changes', '-f', 'json'], {cwd})).stdout) as Array<{author: string; messages: Array<{kind: string; docx?: {paragraph: number}}>}>
    expect(json.map((e) => [e.author, e.messages.filter((m) => m.kind !== 'reworded').map((m) => m.docx?.paragraph)])).toEqual([
      ['Client Sales', [12, 18]],
      ['Counterparty Legal', [10, 14]],
    ])
    const sarif = JSON.parse((await runCli(['compare', 'redline.docx', '--changes', '-f', 'sarif'], {cwd})).stdout) as {runs: Array<{results: Array<{message: {text: string}}>}>}
    expect(sarif.runs[0]!.results.map((x) => x.message.text)).toContain('Counterparty Legal: Weaker P1 response time "4 hours"; the original has 1 hour')
  })

  it('compares a Word agreement with a Markdown template, by paragraph', async () => {
    const r = await runCli(['compare', 'fixtures/docx/redline.docx', '--template', 'fixtures/compare/template.md', '-f', 'json'])
    const [entry] = JSON.parse(r.stdout) as Array<{messages: Array<{kind: string; ruleId: string; facet?: string; docx?: {paragraph: number; heading?: string}}>}>
    const p1 = entry!.messages.find((m) => m.kind === 'weaker' && m.ruleId === 'response-times' && m.facet === 'P1')
    expect(p1?.docx).toMatchObject({paragraph: 10, heading: 'Response Times'})
  })

  it.each([
    [['compare', 'fixtures/compare/weaker.md', '--changes'], 'clauselint: compare: --changes reads the tracked changes of a .docx; fixtures/compare/weaker.md is not one'],
    [['compare', 'fixtures/docx/redline.docx', '--changes', '--template', 'fixtures/compare/template.md'], 'clauselint: compare: use --template or --changes, not both'],
    [['compare', 'fixtures/docx/redline.docx', '--template', 'fixtures/compare/template.md', '--annotate', 'x.docx'], 'clauselint: compare: --annotate needs --changes (it comments the changed paragraphs of a .docx)'],
    [['compare', 'fixtures/docx/redline.docx', '--changes', '--annotate', 'fixtures/docx/redline.docx'], 'clauselint: compare: --annotate would write over the input fixtures/docx/redline.docx; name another file'],
  ])('%j: one line, exit 2', async (argv, line) => {
    const r = await runCli(argv)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([line])
  })
})

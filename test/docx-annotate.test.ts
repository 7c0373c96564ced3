// --annotate: a reviewed copy of a .docx with the findings as Word comments, everything else as it was.
import {execFileSync, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {strFromU8, unzipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {annotateDocx, type ParagraphNote} from '../src/docx/annotate.js'
import {readDocx} from '../src/docx/read.js'
import {walkXml} from '../src/docx/xml.js'
import {lint} from '../src/lint.js'
import {runCli, tempDirs} from './helpers.js'

const REPO = path.join(import.meta.dirname, '..')
const fixture = (name: string): Buffer => fs.readFileSync(path.join(REPO, 'fixtures', 'docx', name))
const temp = tempDirs('annotate')
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const has = (command: string) => spawnSync(command, ['--version'], {stdio: 'ignore'}).status === 0

/** The findings of a lint, one note per finding, as the command line makes them. */
const notesOf = (bytes: Uint8Array): ParagraphNote[] => lint(bytes, {filePath: 'x.docx'}).messages.map((m) => ({paragraph: m.docx!.paragraph, lines: [`${m.ruleId}: ${m.message}`]}))
const DATE = new Date('2025-03-04T05:06:07Z')

/** Remove what annotateDocx inserts into document.xml. */
const stripInserted = (xml: string, ids: readonly number[]) => {
  let out = xml
  for (const id of ids) out = out.replace(`<w:commentRangeStart w:id="${id}"/>`, '').replace(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`, '')
  return out
}

describe('annotateDocx', () => {
  for (const [name, hadComments] of [['features.docx', true], ['styled.docx', false], ['sample-msa.docx', false]] as const) {
    it(`${name}: one comment per paragraph, every other part byte for byte, re-opens`, () => {
      const original = fixture(name)
      const notes = name === 'sample-msa.docx' ? [{paragraph: 3, lines: ['rule-a: first line', 'rule-b: second <line> & "quoted"']}] : notesOf(original)
      expect(notes.length).toBeGreaterThan(0)
      const annotated = annotateDocx(original, notes, {date: DATE})
      const before = unzipSync(original)
      const after = unzipSync(annotated)
      // every part parses as XML
      for (const [part, data] of Object.entries(after)) if (/\.(xml|rels)$/.test(part)) walkXml(strFromU8(data), part, {})
      const changed = hadComments ? ['word/document.xml', 'word/comments.xml'] : ['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']
      expect(Object.keys(after).sort()).toEqual([...new Set([...Object.keys(before), 'word/comments.xml'])].sort())
      for (const part of Object.keys(before)) if (!changed.includes(part)) expect(Buffer.from(after[part]!).equals(Buffer.from(before[part]!)), part).toBe(true)
      // the reading of the copy: the same text, the old comment kept, one new comment per noted paragraph on that paragraph
      const reread = readDocx(annotated)
      expect(reread.markdown).toBe(readDocx(original).markdown)
      const old = readDocx(original).comments
      for (const c of old) expect(reread.comments).toContainEqual(c)
      const added = reread.comments.filter((c) => c.author === 'clauselint')
      const paragraphs = [...new Set(notes.map((n) => n.paragraph))].sort((a, b) => a - b)
      expect(added.map((c) => c.paragraph)).toEqual(paragraphs)
      for (const c of added) {
        expect(c.id).toBeGreaterThan(Math.max(-1, ...old.map((o) => o.id)))
        expect(c.text.split('\n')).toEqual(notes.filter((n) => n.paragraph === c.paragraph).flatMap((n) => n.lines))
      }
      // document.xml is the original plus the inserted markers, nothing else
      expect(stripInserted(strFromU8(after['word/document.xml']!), added.map((c) => c.id))).toBe(strFromU8(before['word/document.xml']!))
      if (!hadComments) {
        expect(strFromU8(after['word/_rels/document.xml.rels']!)).toContain('relationships/comments" Target="comments.xml"')
        expect(strFromU8(after['[Content_Types].xml']!)).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
      }
    })
  }

  it('keeps tracked changes: the copy still reads both ways', () => {
    const annotated = annotateDocx(fixture('features.docx'), notesOf(fixture('features.docx')), {date: DATE})
    expect(readDocx(annotated, {changes: 'rejected'}).markdown).toContain('incident promptly.')
    expect(readDocx(annotated).markdown).toContain('incident within 4 hours.')
  })
})

describe('clauselint --annotate', () => {
  it('writes the reviewed copy, never the input, and refuses OUT = an input', async () => {
    const dir = temp({'msa.docx': fixture('features.docx'), 'notes.md': '# Notes\n\nNothing here.\n'})
    const hash = sha(fs.readFileSync(path.join(dir, 'msa.docx')))
    const ran = await runCli(['msa.docx', '--annotate', 'out/msa.reviewed.docx'], {cwd: dir})
    expect(ran.code).toBe(1)
    expect(ran.errLines).toEqual(['clauselint: wrote out/msa.reviewed.docx (4 comments)'])
    const copy = readDocx(fs.readFileSync(path.join(dir, 'out', 'msa.reviewed.docx')))
    expect(copy.comments.filter((c) => c.author === 'clauselint').map((c) => c.paragraph)).toEqual([9, 17, 19, 26])
    // a report of availability with no target is a mention of performance targets: vague
    expect(copy.comments.find((c) => c.paragraph === 17)!.text).toMatch(/^performance-targets \(warning\): Vague performance target "Provider publishes an availability report every month\."/)
    expect(copy.comments.find((c) => c.paragraph === 19)!.text).toMatch(/^after-hours-support \(error\): Missing after-hours support terms.*\nno-dangling-references \(warning\): Reference to "Section 2\.7" points to no section/)
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['msa.reviewed.docx'])
    expect(sha(fs.readFileSync(path.join(dir, 'msa.docx')))).toBe(hash)

    for (const out of ['msa.docx', './msa.docx', path.join(dir, 'msa.docx')]) {
      const same = await runCli(['msa.docx', '--annotate', out], {cwd: dir})
      expect(same.code).toBe(2)
      expect(same.errLines).toEqual(['clauselint: --annotate would write over the input msa.docx; name another file'])
    }
    fs.symlinkSync(path.join(dir, 'msa.docx'), path.join(dir, 'link.docx'))
    const link = await runCli(['msa.docx', '--annotate', 'link.docx'], {cwd: dir})
    expect(link.code).toBe(2)
    expect(sha(fs.readFileSync(path.join(dir, 'msa.docx')))).toBe(hash)
  })

  it('writes one copy per .docx into a folder, and says when there is nothing to annotate', async () => {
    const dir = temp({'a/msa.docx': fixture('features.docx'), 'a/terms.docx': fixture('styled.docx'), 'a/notes.md': '# Notes\n\nNothing here.\n'})
    const ran = await runCli(['a', '--annotate', 'reviewed'], {cwd: dir})
    expect(ran.code).toBe(1)
    expect(fs.readdirSync(path.join(dir, 'reviewed')).sort()).toEqual(['msa.docx', 'terms.docx'])
    const none = await runCli(['a/notes.md', '--annotate', 'x.docx'], {cwd: dir})
    expect(none.code).toBe(2)
    expect(none.errLines.at(-1)).toBe('clauselint: --annotate writes reviewed copies of .docx files, and no .docx file was linted')
    const file = await runCli(['a', '--annotate', 'a/notes.md'], {cwd: dir})
    expect(file.code).toBe(2)
    expect(file.errLines.at(-1)).toBe('clauselint: --annotate needs a folder for 2 .docx files; a/notes.md is a file')
  })
})

describe.skipIf(!has('soffice'))('LibreOffice opens the annotated copy', () => {
  it('with every comment on the paragraph it was written for', {timeout: 180_000}, () => {
    const dir = temp({})
    const original = fixture('features.docx')
    const notes = notesOf(original)
    const file = path.join(dir, 'reviewed.docx')
    fs.writeFileSync(file, annotateDocx(original, notes, {date: DATE}))
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'fodt', '--outdir', dir, file], {stdio: 'ignore', timeout: 170_000})
    // every office:annotation LibreOffice imported, with the text of the paragraph it sits in
    const found: Array<{author: string; paragraph: string; text: string}> = []
    const stack: Array<{text: string; annotation?: {author: string; text: string}}> = []
    let inAnnotation = 0
    let inCreator = false
    walkXml(fs.readFileSync(path.join(dir, 'reviewed.fodt'), 'utf8'), 'reviewed.fodt', {
      open(tag) {
        if (tag.name === 'office:annotation') {
          inAnnotation++
          stack[stack.length - 1]!.annotation = {author: '', text: ''}
        } else if (tag.name === 'dc:creator') inCreator = true
        else if ((tag.name === 'text:p' || tag.name === 'text:h') && !inAnnotation) stack.push({text: ''})
      },
      close(tag) {
        if (tag.name === 'office:annotation') inAnnotation--
        else if (tag.name === 'dc:creator') inCreator = false
        else if ((tag.name === 'text:p' || tag.name === 'text:h') && !inAnnotation) {
          const p = stack.pop()!
          if (p.annotation) found.push({author: p.annotation.author, paragraph: p.text.trim(), text: p.annotation.text})
        }
      },
      text(t) {
        const p = stack[stack.length - 1]
        if (!p) return
        if (inCreator && p.annotation) p.annotation.author += t
        else if (inAnnotation && p.annotation) p.annotation.text += t
        else if (!inAnnotation) p.text += t
      },
    })
    const reading = readDocx(original)
    const lines = reading.markdown.split('\n')
    const textOf = (paragraph: number) => lines[reading.lines.find((l) => l.paragraph === paragraph)!.line - 1]!
    const ours = found.filter((f) => f.author === 'clauselint')
    const paragraphs = [...new Set(notes.map((n) => n.paragraph))].sort((a, b) => a - b)
    expect(ours).toHaveLength(paragraphs.length)
    ours.forEach((f, i) => {
      // LibreOffice shows the paragraph without its automatic number
      const squash = (t: string) => t.replace(/\s+/g, '')
      expect(squash(textOf(paragraphs[i]!))).toContain(squash(f.paragraph))
      for (const n of notes.filter((x) => x.paragraph === paragraphs[i])) expect(f.text).toContain(n.lines[0]!.slice(0, 40))
    })
    expect(found.some((f) => f.author === 'Client Counsel' && f.paragraph.startsWith('Provider will resolve each Priority 1 incident'))).toBe(true)
  })
})

describe.skipIf(!has('soffice'))('clause numbers as LibreOffice renders them', () => {
  it('are the numbers the reader computes, in order', {timeout: 240_000}, () => {
    const dir = temp({})
    const names = ['features', 'styled', 'sample-msa', 'b-voip-msp-us', 'a-british']
    for (const n of names) fs.writeFileSync(path.join(dir, `${n}.docx`), fixture(`${n}.docx`))
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, ...names.map((n) => path.join(dir, `${n}.docx`))], {stdio: 'ignore', timeout: 230_000})
    for (const n of names) {
      // LibreOffice's text export indents list paragraphs and writes their number first
      const shown = fs
        .readFileSync(path.join(dir, `${n}.txt`), 'utf8')
        .split(/\r?\n/)
        .map((l) => /^\s+(\(?[0-9a-zA-Z]{1,4}(?:\.[0-9]+)*[.)]?)\s/.exec(l)?.[1])
        .filter((x): x is string => x !== undefined)
      const read = readDocx(fixture(`${n}.docx`)).lines.flatMap((l) => (l.number ? [l.number] : []))
      expect(read.length, n).toBeGreaterThan(3)
      expect(read, n).toEqual(shown)
    }
  })
})

describe('a package LibreOffice wrote', () => {
  it('reads as the package it re-saved (fixtures/docx/libreoffice-resave.docx: features.docx through soffice --convert-to docx)', () => {
    expect(readDocx(fixture('libreoffice-resave.docx')).markdown).toBe(readDocx(fixture('features.docx')).markdown)
    const annotated = annotateDocx(fixture('libreoffice-resave.docx'), [{paragraph: 10, lines: ['x: y']}], {date: DATE})
    expect(readDocx(annotated).comments.filter((c) => c.author === 'clauselint').map((c) => c.paragraph)).toEqual([10])
  })
})

describe.skipIf(!has('pandoc'))('pandoc reads the annotated copy', () => {
  it('with the comments in place', () => {
    const dir = temp({})
    const file = path.join(dir, 'reviewed.docx')
    fs.writeFileSync(file, annotateDocx(fixture('features.docx'), notesOf(fixture('features.docx')), {date: DATE}))
    const md = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--track-changes=all', '--wrap=none', file], {encoding: 'utf8'})
    expect(md.match(/\{\.comment-start [^}]*author="clauselint"/g)).toHaveLength(4)
    expect(md).toMatch(/\[after-hours-support:[^\]]*no-dangling-references: Reference to \\"Section 2\.7\\"[^\]]*\]\{\.comment-start[^}]*author="clauselint"[^}]*\}See clause/)
    expect(md).toContain('author="Client Counsel"')
  })
})

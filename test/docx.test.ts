// Word (.docx) input: the reader (clause numbers and headings as Word shows them, tracked changes both ways, tables,
// text boxes, content controls, fields), findings in Word's terms, other formats and hostile packages.
import fs from 'node:fs'
import path from 'node:path'
import {strFromU8, strToU8, unzipSync, zipSync} from 'fflate'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {walkXml} from '../src/docx/xml.js'
import {generateFixtures, RENDERED_AGREEMENTS} from '../scripts/docx-fixtures.js'
import {readDocx} from '../src/docx/read.js'
import {DocxError} from '../src/docx/zip.js'
import {lint, lintFiles} from '../src/lint.js'
import {runCli, tempDirs} from './helpers.js'

const REPO = path.join(import.meta.dirname, '..')
const fixture = (name: string): Buffer => fs.readFileSync(path.join(REPO, 'fixtures', 'docx', name))
const temp = tempDirs('docx')

/** Rebuild a package with some parts changed (name → new text, or undefined to drop it). */
function repack(bytes: Uint8Array, change: Record<string, string | undefined>): Uint8Array {
  const parts = unzipSync(bytes)
  for (const [name, text] of Object.entries(change)) {
    if (text === undefined) delete parts[name]
    else parts[name] = strToU8(text)
  }
  return zipSync(parts)
}
const documentXml = (bytes: Uint8Array): string => strFromU8(unzipSync(bytes)['word/document.xml']!)

describe('the committed .docx fixtures', () => {
  it('are what scripts/docx-fixtures.ts generates (regenerate with npm run fixtures:docx)', async () => {
    const made = await generateFixtures()
    expect(made.size).toBe(RENDERED_AGREEMENTS.length + 3)
    for (const [name, bytes] of made) {
      const committed = fixture(name)
      const a = unzipSync(committed)
      const b = unzipSync(bytes)
      expect(Object.keys(a).sort(), name).toEqual(Object.keys(b).sort())
      for (const part of Object.keys(a)) expect(Buffer.from(a[part]!).equals(Buffer.from(b[part]!)), `${name} ${part}`).toBe(true)
    }
  })
})

describe('readDocx', () => {
  const features = readDocx(fixture('features.docx'))
  const lines = features.markdown.split('\n')

  it('gives clause numbers and headings as Word shows them: continued across numbering instances, restarted by a start override', () => {
    const numbered = lines.filter((l) => /^(#+ )?(\d|\()/.test(l))
    expect(numbered).toEqual([
      '## 1. Services',
      '1.1 Provider will provide the managed services described in Schedule 1 (the "Services").',
      '1.2 Provider will provide the Services from 8:00 to 18:00 UK time, Monday to Friday, excluding public holidays in England.',
      '(a) Provider will monitor the Customer servers at all times.',
      '(b) Provider will patch the Customer servers every month.',
      '## 2. Service Levels',
      '2.1 Provider will respond to each Priority 1 incident within 1 hour, as shown in the table below.',
      '2.2 Provider will resolve each Priority 1 incident within 4 hours.',
      '2.3 See clause 2.2 for the resolution time; Section 2.7 does not exist.',
      '## 3. Term',
      '3.1 The notice period is 90 days.',
      '3.2 Either party may end this Agreement on 90 days written notice.',
      '1\\. Help desk.',
      '2\\. Backups.',
    ])
    expect(lines[0]).toBe('# Master Services Agreement')
    expect(lines).toContain('## Schedule 1: Services')
  })

  it('reads tables as GFM tables, bullets as list items, a text box after its paragraph, a field by its result', () => {
    const md = features.markdown
    expect(md).toContain('| Priority | Response time |\n| --- | --- |\n| Priority 1 | 1 hour |\n| Priority 2 | 4 hours |')
    expect(md).toContain('- Provider publishes an availability report every month.')
    expect(md).toContain('- Service credits are set out in the credits page.')
    expect(md).toContain('3.2 Either party may end this Agreement on 90 days written notice.\n\nText box: notices go to legal@example.com.')
    expect(md).not.toContain('REF _Ref')
  })

  it('reads tracked changes as accepted by default and as rejected on request', () => {
    expect(features.markdown).toContain('incident within 4 hours.')
    expect(features.markdown).not.toContain('promptly')
    const rejected = readDocx(fixture('features.docx'), {changes: 'rejected'})
    expect(rejected.markdown).toContain('2.2 Provider will resolve each Priority 1 incident promptly.')
    expect(rejected.markdown).not.toContain('within 4 hours')
  })

  it('drops a table row tracked as deleted when the changes are accepted, and keeps it when they are rejected', () => {
    const xml = documentXml(fixture('features.docx'))
    const row = xml.lastIndexOf('<w:tr>', xml.indexOf('Priority 2'))
    const bytes = repack(fixture('features.docx'), {'word/document.xml': `${xml.slice(0, row)}<w:tr><w:trPr><w:del w:id="90" w:author="Provider Legal" w:date="2025-01-02T03:04:05Z"/></w:trPr>${xml.slice(row + '<w:tr>'.length)}`})
    expect(readDocx(bytes).markdown).not.toContain('Priority 2')
    expect(readDocx(bytes).markdown).toContain('| Priority 1 | 1 hour |')
    expect(readDocx(bytes, {changes: 'rejected'}).markdown).toContain('| Priority 2 | 4 hours |')
    expect(readDocx(bytes).paragraphs).toBe(26)
  })

  it('maps every line to its paragraph: ordinal, clause number, heading; the existing comment to the paragraph it is on', () => {
    const at = (text: string) => features.paragraphAt(lines.findIndex((l) => l.includes(text)) + 1)!
    expect(at('## 2. Service Levels')).toMatchObject({paragraph: 8, number: '2.', kind: 'heading', heading: 'Service Levels'})
    expect(at('2.2 Provider will resolve')).toMatchObject({paragraph: 10, number: '2.2', clause: '2.2', heading: 'Service Levels', headingPath: ['Master Services Agreement', '2. Service Levels']})
    expect(at('| Priority 2 |')).toMatchObject({paragraph: 15, kind: 'table-row'})
    expect(at('Text box:')).toMatchObject({paragraph: 23})
    expect(features.comments).toEqual([{id: 0, author: 'Client Counsel', text: 'Is four hours achievable overnight?', paragraph: 10}])
    expect(features.paragraphs).toBe(26)
  })

  it('takes headings from outline levels and numbering from styles, without paraIds', () => {
    const styled = readDocx(fixture('styled.docx'))
    expect(styled.markdown.split('\n').filter(Boolean)).toEqual([
      '# Support Terms',
      '## 1. Support',
      '1.1 Provider will answer support requests from 9:00 to 17:00, Monday to Friday.',
      '1.2 Provider will respond to urgent requests within 2 hours.',
      '## 2. Fees',
      '2.1 Customer will pay the fees within 30 days of each invoice.',
    ])
    expect(styled.lines.every((l) => l.paraId === undefined)).toBe(true)
  })

  it('escapes text that Markdown would read as markup', () => {
    const bytes = repack(fixture('styled.docx'), {
      'word/document.xml': documentXml(fixture('styled.docx')).replace('Customer will pay the fees', '&lt;Customer&gt; will pay *all* [fees] | # 1_000'),
    })
    const result = lint(bytes, {filePath: 'x.docx'})
    const reading = readDocx(bytes)
    expect(reading.markdown).toContain('\\<Customer\\> will pay \\*all\\* \\[fees\\] \\| # 1\\_000')
    expect(result.fatal).toBeUndefined()
  })
})

describe('a .docx agreement and the same agreement in Markdown', () => {
  for (const name of RENDERED_AGREEMENTS) {
    it(`${name}: same clause outcomes and the same findings`, () => {
      const md = lint(fs.readFileSync(path.join(REPO, 'fixtures', 'agreements', `${name}.md`), 'utf8'), {filePath: `${name}.md`})
      const docx = lint(fixture(`${name}.docx`), {filePath: `${name}.docx`})
      const outcomes = (r: typeof md) => r.coverage.map((c) => `${c.ruleId} ${c.outcome} ${c.sectionPath.join(' › ')}`).sort()
      expect(outcomes(docx)).toEqual(outcomes(md))
      expect(outcomes(md).length).toBeGreaterThan(10)
      const findings = (r: typeof md) => r.messages.map((m) => `${m.ruleId} ${m.message}`).sort()
      expect(findings(docx)).toEqual(findings(md))
      for (const m of docx.messages) expect(m.docx?.paragraph, m.message).toBe(m.line)
    })
  }
})

describe('findings in Word terms', () => {
  const result = lint(fixture('features.docx'), {filePath: 'features.docx'})
  const reading = readDocx(fixture('features.docx'))
  const textOf = (paragraph: number) => reading.lines.filter((l) => l.paragraph === paragraph).map((l) => reading.markdown.split('\n')[l.line - 1]).join('\n')

  it('puts each finding on the paragraph that holds what it quotes', () => {
    const dangling = result.messages.find((m) => m.ruleId === 'no-dangling-references')!
    expect(dangling.docx).toEqual({paragraph: 19, number: '2.3', heading: 'Service Levels'})
    expect(textOf(19)).toContain('Section 2.7')
    const quoted = result.messages.filter((m) => m.outcome !== 'missing' && /"([^"]{4,40})/.test(m.message))
    expect(quoted.length).toBeGreaterThan(1)
    for (const m of quoted) {
      const quote = /"([^"…]{4,40})/.exec(m.message)![1]!
      expect(textOf(m.docx!.paragraph), `${m.ruleId}: ${quote}`).toContain(quote)
    }
  })

  it('places a missing clause after the last paragraph of the section it belongs in', () => {
    const afterHours = result.messages.find((m) => m.ruleId === 'after-hours-support')!
    expect(afterHours.outcome).toBe('missing')
    // the Service Levels section runs to paragraph 19 (2.3); the title's section to the last paragraph
    expect(afterHours.docx).toMatchObject({paragraph: 19, heading: 'Service Levels'})
    const excluded = result.messages.find((m) => m.ruleId === 'excluded-services')!
    expect(excluded.docx?.paragraph).toBe(26)
  })

  it('places a missing clause after the last paragraph with text, not on the empty paragraphs Word leaves at the end', () => {
    const xml = documentXml(fixture('features.docx'))
    const end = xml.lastIndexOf('<w:sectPr')
    // two empty paragraphs at the end of the body, as Word saves them; one that holds only a space is empty too
    const padded = repack(fixture('features.docx'), {'word/document.xml': `${xml.slice(0, end)}<w:p/><w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>${xml.slice(end)}`})
    const missing = lint(padded, {filePath: 'features.docx'}).messages.filter((m) => m.outcome === 'missing')
    const original = result.messages.filter((m) => m.outcome === 'missing')
    expect(missing.length).toBe(original.length)
    expect(missing.map((m) => m.docx)).toEqual(original.map((m) => m.docx))
    expect(missing.find((m) => m.ruleId === 'excluded-services')!.docx?.paragraph).toBe(26)
    // the look-alike: a last paragraph with text after the empty ones is where the title's section ends
    const last = repack(fixture('features.docx'), {'word/document.xml': `${xml.slice(0, end)}<w:p/><w:p><w:r><w:t>Signed by both parties.</w:t></w:r></w:p>${xml.slice(end)}`})
    expect(lint(last, {filePath: 'features.docx'}).messages.find((m) => m.ruleId === 'excluded-services')!.docx?.paragraph).toBe(28)
  })

  it('names the paragraph in the terminal report and gives docx in JSON', async () => {
    const dir = temp({'features.docx': fixture('features.docx'), 'sample-msa.md': fs.readFileSync(path.join(REPO, 'fixtures', 'agreements', 'sample-msa.md'))})
    const text = await runCli([dir], {cwd: dir})
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(/features\.docx\n/)
    expect(text.stdout).toContain('¶19 (2.3, Service Levels)')
    expect(text.stdout).toMatch(/in 2 files/)
    const json = await runCli(['--format', 'json', 'features.docx'], {cwd: dir})
    const [file] = JSON.parse(json.stdout) as Array<{messages: Array<{ruleId: string; docx?: unknown; line: number}>}>
    const dangling = file!.messages.find((m) => m.ruleId === 'no-dangling-references')!
    expect(dangling).toMatchObject({line: 19, docx: {paragraph: 19, number: '2.3', heading: 'Service Levels'}})
  })

  it('lintFiles reads .docx, and --changes rejected lints the text as it was', async () => {
    const dir = temp({'features.docx': fixture('features.docx')})
    const [accepted] = await lintFiles([path.join(dir, 'features.docx')])
    const [rejected] = await lintFiles([path.join(dir, 'features.docx')], {changes: 'rejected'})
    const vague = (r: typeof accepted) => r!.messages.filter((m) => m.ruleId === 'no-vague-terms').map((m) => m.message)
    expect(vague(accepted).some((m) => m.includes('"promptly"'))).toBe(false)
    expect(vague(rejected).some((m) => m.includes('"promptly"'))).toBe(true)
    const cli = await runCli(['--changes', 'rejected', '--format', 'json', 'features.docx'], {cwd: dir})
    expect(cli.stdout).toContain('promptly')
    const bad = await runCli(['--changes', 'maybe', 'features.docx'], {cwd: dir})
    expect(bad.code).toBe(2)
    expect(bad.errLines).toEqual(['clauselint: --changes needs accepted or rejected, got "maybe"'])
  })
})

describe('every report format stays valid on a .docx and points at its paragraphs', () => {
  const ajv = new Ajv2020({allErrors: true})
  addFormats.default(ajv)
  const validateSarif = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>)
  const dir = temp({'msa.docx': fixture('features.docx')})
  const run = async (format: string) => {
    const ran = await runCli(['--format', format, 'msa.docx'], {cwd: dir})
    expect(ran.code, format).toBe(1)
    return ran.stdout
  }

  it('sarif (schema-valid), github, gitlab, junit, checklist, html, markdown', async () => {
    const sarif = JSON.parse(await run('sarif')) as {runs: Array<{results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region?: {startLine: number}}}>}>}>}
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([])
    const locations = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation)
    expect(locations.every((l) => l.artifactLocation.uri === 'msa.docx')).toBe(true)
    expect(locations.map((l) => l.region?.startLine)).toContain(19)
    expect(await run('github')).toMatch(/^::warning file=msa\.docx,line=19,/m)
    const gitlab = JSON.parse(await run('gitlab')) as Array<{location: {path: string; lines: {begin: number}}}>
    expect(gitlab.every((g) => g.location.path === 'msa.docx')).toBe(true)
    expect(gitlab.map((g) => g.location.lines.begin)).toContain(19)
    const junit = await run('junit')
    walkXml(junit, 'junit', {})
    expect(junit).toContain('msa.docx')
    for (const format of ['checklist', 'html', 'markdown']) expect(await run(format), format).toContain('msa.docx')
  })
})

describe('Word comments as suppressions', () => {
  const withComment = (text: string): Uint8Array => {
    const bytes = fixture('features.docx')
    const parts = unzipSync(bytes)
    const comments = strFromU8(parts['word/comments.xml']!).replace('</w:comments>', `<w:comment w:id="5" w:author="Reviewer"><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:comment></w:comments>`)
    const doc = documentXml(bytes)
    const at = doc.lastIndexOf('<w:r>', doc.indexOf('See clause'))
    return repack(bytes, {'word/comments.xml': comments, 'word/document.xml': `${doc.slice(0, at)}<w:commentRangeStart w:id="5"/>${doc.slice(at)}`})
  }

  it('a clauselint-disable-line comment silences its rule on the paragraph it is on, with its reason', () => {
    const before = lint(fixture('features.docx'), {filePath: 'features.docx'})
    expect(before.messages.some((m) => m.ruleId === 'no-dangling-references')).toBe(true)
    const after = lint(withComment('clauselint-disable-line no-dangling-references -- agreed with the customer'), {filePath: 'features.docx'})
    expect(after.messages.some((m) => m.ruleId === 'no-dangling-references')).toBe(false)
    expect(after.suppressed).toHaveLength(1)
    expect(after.suppressed![0]).toMatchObject({ruleId: 'no-dangling-references', line: 19, suppression: {justification: 'agreed with the customer', line: 19}})
    expect(after.messages.length).toBe(before.messages.length - 1)
  })

  it('an ordinary comment, or a suppression of another rule, silences nothing', () => {
    const plain = lint(withComment('Please check this reference'), {filePath: 'features.docx'})
    expect(plain.messages.some((m) => m.ruleId === 'no-dangling-references')).toBe(true)
    const other = lint(withComment('clauselint-disable-line no-vague-terms -- reason'), {filePath: 'features.docx'})
    expect(other.messages.some((m) => m.ruleId === 'no-dangling-references')).toBe(true)
    expect(other.messages.some((m) => m.ruleId === 'unused-suppression' && m.line === 19)).toBe(true)
  })
})

describe('Word files in globs and worker threads', () => {
  it('a glob finds .docx, and --concurrency 2 reports them as one thread does', async () => {
    const dir = temp({'a/msa.docx': fixture('features.docx'), 'a/terms.docx': fixture('styled.docx'), 'a/~$msa.docx': Buffer.from([5, 6])})
    const one = await runCli(['--concurrency', 'off', '--format', 'json', 'a/*.docx'], {cwd: dir})
    const two = await runCli(['--concurrency', '2', '--format', 'json', 'a/*.docx'], {cwd: dir})
    expect(two.stdout).toBe(one.stdout)
    const files = (JSON.parse(one.stdout) as Array<{filePath: string; messages: Array<{docx?: unknown}>}>)
    expect(files.map((f) => f.filePath)).toEqual(['a/msa.docx', 'a/terms.docx'])
    expect(files[0]!.messages.every((m) => m.docx !== undefined)).toBe(true)
  })
})

describe('--cache with Word files', () => {
  it('a warm run reports in Word terms as the cold one did, and --changes rejected is not served the accepted results', async () => {
    const dir = temp({'msa.docx': fixture('features.docx')})
    const cold = await runCli(['--cache', '--format', 'json', 'msa.docx'], {cwd: dir})
    const warm = await runCli(['--cache', '--format', 'json', 'msa.docx'], {cwd: dir})
    expect(warm.stdout).toBe(cold.stdout)
    expect(warm.stdout).toContain('"docx": {')
    const rejected = await runCli(['--cache', '--changes', 'rejected', '--format', 'json', 'msa.docx'], {cwd: dir})
    expect(rejected.stdout).toContain('promptly')
    expect(cold.stdout).not.toContain('promptly')
  })
})

describe('other formats say what to do', () => {
  const cfb = (extra = Buffer.alloc(0)) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra])
  const odt = zipSync({mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>')})
  const pages = zipSync({'Index/Document.iwa': new Uint8Array([1, 2, 3]), 'Metadata/Properties.plist': strToU8('x')})
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['msa.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), /^is a PDF, which clauselint cannot read; save the agreement as Word \(\.docx\).*pdftotext -layout "msa\.pdf"/],
    ['msa.doc', cfb(), /^is a Word 97-2003 document \(\.doc\); open it in Word and save it as \.docx.*soffice --headless --convert-to docx "msa\.doc"$/],
    ['locked.docx', cfb(Buffer.from('EncryptedPackage', 'utf16le')), /^is password-protected \(an encrypted Word package\)/],
    ['msa.rtf', Buffer.from('{\\rtf1\\ansi Agreement}'), /^is an RTF document; .*soffice --headless --convert-to docx "msa\.rtf"$/],
    ['msa.odt', odt, /^is an OpenDocument text \(\.odt\); .*soffice --headless --convert-to docx "msa\.odt"$/],
    ['msa.pages', pages, /^is an Apple Pages document; export it from Pages as Word/],
    // named .pdf but holding text: not read as Markdown and passed
    ['notes.pdf', Buffer.from('hi\n'), /^is named \.pdf but is not a PDF \(it does not start with "%PDF-"\); if it is the agreement's text, rename it to \.md$/],
  ]
  for (const [name, bytes, expected] of cases) {
    it(`${name}: one line naming the file, exit 2`, async () => {
      const dir = temp({[name]: Buffer.from(bytes)})
      const ran = await runCli([name], {cwd: dir})
      expect(ran.code).toBe(2)
      expect(ran.errLines).toHaveLength(2)
      expect(ran.errLines[0]).toMatch(new RegExp(`^clauselint: ${name.replace('.', '\\.')} `))
      expect(ran.errLines[0]!.slice(`clauselint: ${name} `.length).replace(/; reported as fatal$/, '')).toMatch(expected)
      expect(ran.stderr).not.toMatch(/UTF-8|binary file/)
    })
  }
})

describe('hostile packages get one line and exit 2', () => {
  const good = fixture('styled.docx')
  /** Set a 32-bit field (offset within the entry) of word/document.xml's central-directory entry. */
  const patchCentral = (bytes: Uint8Array, offset: number, value: number): Buffer => {
    const b = Buffer.from(bytes)
    let cd = -1
    while ((cd = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), cd + 1)) >= 0) {
      if (b.subarray(cd + 46, cd + 46 + b.readUInt16LE(cd + 28)).toString() === 'word/document.xml') break
    }
    b.writeUInt32LE(value, cd + offset)
    return b
  }
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['truncated', good.subarray(0, Math.floor(good.length / 2)), /^is a truncated or corrupt zip package/],
    ['html renamed', Buffer.from('<!DOCTYPE html><html><body><p>Agreement</p></body></html>'), /^is a web page \(HTML\) with a \.docx name, not a Word package/],
    ['not a package', Buffer.from('Agreement text saved with the wrong name\n'), /^is not a Word package \(no zip signature at its start\)/],
    ['no document.xml', zipSync({'readme.txt': strToU8('hello')}), /^has no word\/document\.xml: it is a zip package but not a Word document$/],
    ['a DTD', repack(good, {'word/document.xml': `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${documentXml(good).replace(/^<\?xml[^>]*\?>/, '')}`}), /^has a document type declaration in word\/document\.xml/],
    ['broken XML', repack(good, {'word/document.xml': documentXml(good).replace('</w:body>', '')}), /^is corrupt \(word\/document\.xml is not well-formed XML/],
    ['a zip bomb (declared size)', patchCentral(good, 24, 0xfff00000), /^has a part \(word\/document\.xml\) that would inflate to 4095 MB, over the 256 MB limit; refusing it \(a zip bomb\?\)$/],
    ['a lying size', patchCentral(good, 24, 10), /^has a part \(word\/document\.xml\) that inflates past its declared size; refusing it \(a zip bomb\?\)$/],
    ['an encrypted entry', (() => {
      const b = Buffer.from(good)
      let at = -1
      while ((at = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 1)) >= 0) b.writeUInt16LE(b.readUInt16LE(at + 8) | 1, at + 8)
      return b
    })(), /^is encrypted \(.*is password-protected\)/],
  ]
  for (const [label, bytes, expected] of cases) {
    it(label, async () => {
      const dir = temp({'msa.docx': Buffer.from(bytes)})
      const ran = await runCli(['msa.docx'], {cwd: dir})
      expect(ran.code).toBe(2)
      expect(ran.errLines[0]!.replace(/^clauselint: msa\.docx /, '').replace(/; reported as fatal$/, '')).toMatch(expected)
      expect(ran.errLines[1]).toBe('clauselint: no file could be linted')
    })
  }

  it('caps the entry count and the total size before inflating anything', () => {
    expect(() => readDocx(good, {maxEntries: 3})).toThrow(/is a zip package of \d+ entries, over the limit of 3/)
    expect(() => readDocx(good, {maxTotalSize: 1000})).toThrow(DocxError)
    expect(() => readDocx(good, {maxTotalSize: 1000})).toThrow(/would inflate to more than 0 MB/)
  })

  it('lint() of bytes gives a fatal result, not an exception', () => {
    const result = lint(Buffer.from('<html></html>'), {filePath: 'x.docx'})
    expect(result.fatal).toBe(true)
    expect(result.messages[0]!.message).toMatch(/^File /)
  })

  it('skips Word lock files (~$name.docx) in directories', async () => {
    const dir = temp({'msa.docx': good, '~$msa.docx': Buffer.from([0x05, 0x6a, 0x6f])})
    const ran = await runCli(['.'], {cwd: dir})
    expect(ran.stderr).toBe('')
    expect(ran.code).toBeLessThan(2)
  })
})

describe('a package with no styles part', () => {
  it('reads Word\'s built-in heading and title style ids as headings', () => {
    const styled = fixture('styled.docx')
    const withIds = documentXml(styled).replaceAll('w:val="ClauseHeading"', 'w:val="Heading1"')
    const bare = readDocx(repack(styled, {'word/document.xml': withIds, 'word/styles.xml': undefined})).markdown
    const headings = bare.split('\n').filter((l) => l.startsWith('#'))
    expect(headings[0]).toBe('# Support Terms')
    // the two clause headings, as headings one level under the title's
    expect(headings.slice(1).map((h) => h.replace(/^(#+) .*$/, '$1'))).toEqual(['##', '##'])
    // a style id the package does not define and Word has no built-in meaning for stays a paragraph
    const custom = readDocx(repack(styled, {'word/styles.xml': undefined})).markdown
    expect(custom.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# Support Terms'])
  })
})

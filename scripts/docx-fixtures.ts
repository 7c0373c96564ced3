// Builds the .docx fixtures of the test suite from code, with the `docx` package, and writes them to fixtures/docx/.
// `npm run fixtures:docx` regenerates them; test/docx.test.ts regenerates them in memory and checks that the committed
// files are what this script makes. Constructs `docx` cannot write (a content control, a text box, a field, numbering
// continued across numbering instances) are spliced into its XML here.
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {strFromU8, strToU8, unzipSync, zipSync, type Zippable} from 'fflate'
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const DOCX_DIR = path.join(ROOT, 'fixtures', 'docx')
/** Agreements of fixtures/agreements rendered to Word: their clause outcomes must match the Markdown's. */
export const RENDERED_AGREEMENTS = ['sample-msa', 'b-voip-msp-us', 'a-british'] as const

const FIXED_DATE = new Date('2025-01-02T03:04:05Z')

const CLAUSE_LEVELS: ILevelsOptions[] = [
  {level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START},
  {level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START},
  {level: 2, format: LevelFormat.DECIMAL, text: '%1.%2.%3', alignment: AlignmentType.START},
  {level: 3, format: LevelFormat.DECIMAL, text: '%1.%2.%3.%4', alignment: AlignmentType.START},
]
const LETTER_LEVELS: ILevelsOptions[] = [
  {level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START},
  {level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START},
  {level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', alignment: AlignmentType.START},
  {level: 3, format: LevelFormat.LOWER_ROMAN, text: '(%4)', alignment: AlignmentType.START},
]
const BULLETS: ILevelsOptions[] = [{level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START}]

/** Runs of a line of Markdown prose: **bold** kept, links as their text, escapes dropped. */
function runs(text: string): TextRun[] {
  const plain = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\([\\`*_[\]<>#|-])/g, '$1')
  return plain.split(/(\*\*[^*]+\*\*)/).filter(Boolean).map((part) => (part.startsWith('**') && part.endsWith('**') ? new TextRun({text: part.slice(2, -2), bold: true}) : new TextRun(part)))
}

/**
 * Render a Markdown agreement to Word as a lawyer would type it: `#` the title, numbered `##`/`###` headings and
 * numbered clause paragraphs on one multi-level list (Word's automatic numbering, not typed numbers), bullets, tables.
 * A typed number that the list would not produce stays typed.
 */
export function agreementToParagraphs(markdown: string): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = []
  const counters: number[] = []
  const blocks = markdown.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<!--[\s\S]*?-->/g, '').split(/\n{2,}/)
  // Would the list give this number next? (then it is numbered automatically)
  const auto = (number: string): number | undefined => {
    const parts = number.replace(/\.$/, '').split('.').map(Number)
    if (parts.some((n) => !Number.isInteger(n) || n < 1)) return undefined
    const level = parts.length - 1
    const next = counters.slice(0, level)
    next.push((counters[level] ?? 0) + 1)
    if (next.length !== parts.length || next.some((n, i) => n !== parts[i])) return undefined
    counters.length = level
    counters.push(next[level]!)
    return level
  }
  for (const raw of blocks) {
    const block = raw.trim()
    if (!block) continue
    if (block.startsWith('|')) {
      const rows = block.split('\n').filter((l) => !/^\|?\s*:?-{3,}/.test(l))
      out.push(
        new Table({
          rows: rows.map(
            (line, i) =>
              new TableRow({
                tableHeader: i === 0,
                children: line
                  .replace(/^\||\|$/g, '')
                  .split(/(?<!\\)\|/)
                  .map((cell) => new TableCell({children: [new Paragraph({children: runs(cell.trim())})]})),
              }),
          ),
        }),
      )
      continue
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(block)
    if (heading) {
      const depth = heading[1]!.length
      const text = heading[2]!.trim()
      if (depth === 1) {
        out.push(new Paragraph({heading: HeadingLevel.TITLE, children: runs(text)}))
        continue
      }
      const numbered = /^(\d+(?:\.\d+)*\.?)\s+(.*)$/.exec(text)
      const level = numbered ? auto(numbered[1]!) : undefined
      const style = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][Math.min(depth - 2, 3)]!
      if (numbered && level !== undefined) out.push(new Paragraph({heading: style, numbering: {reference: 'clauses', level}, children: runs(numbered[2]!)}))
      else out.push(new Paragraph({heading: style, children: runs(text)}))
      continue
    }
    const lines = block.split('\n')
    if (lines.every((l) => /^\s*(?:[-*+]\s|\s)/.test(l)) && /^\s*[-*+]\s/.test(lines[0]!)) {
      const items: string[] = []
      for (const l of lines) {
        if (/^\s*[-*+]\s/.test(l)) items.push(l.replace(/^\s*[-*+]\s+/, ''))
        else items[items.length - 1] += ` ${l.trim()}`
      }
      for (const item of items) out.push(new Paragraph({numbering: {reference: 'bullets', level: 0}, children: runs(item)}))
      continue
    }
    const text = lines.map((l) => l.trim()).join(' ')
    const numbered = /^(\d+\.\d+(?:\.\d+)*\.?)\s+(.*)$/.exec(text)
    const level = numbered ? auto(numbered[1]!) : undefined
    if (numbered && level !== undefined) out.push(new Paragraph({style: 'ListParagraph', numbering: {reference: 'clauses', level}, children: runs(numbered[2]!)}))
    else out.push(new Paragraph({children: runs(text)}))
  }
  return out
}

async function pack(doc: Document): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await Packer.toBuffer(doc)))
}

/** Zip parts deterministically (fixed times, given order), so that regenerating gives the same bytes. */
function repack(parts: Record<string, Uint8Array>, edit: (name: string, xml: string) => string = (_, x) => x): Uint8Array {
  const out: Zippable = {}
  // docx names hyperlink relationships at random: number them in order of appearance instead
  const ids = new Map<string, string>()
  const stable = (xml: string) => xml.replace(/rId[A-Za-z0-9_-]{12,}/g, (id) => ids.get(id) ?? (ids.set(id, `rIdLink${ids.size + 1}`), ids.get(id)!))
  for (const name of Object.keys(parts).sort()) {
    let data = parts[name]!
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      let xml = strFromU8(data)
      if (name === 'docProps/core.xml') xml = xml.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '2025-01-02T03:04:05Z')
      xml = stable(edit(name, xml))
      data = strToU8(xml)
    }
    out[name] = [data, {mtime: FIXED_DATE, level: 6}]
  }
  return zipSync(out)
}

const numberingConfig = (levels = CLAUSE_LEVELS) => ({config: [{reference: 'clauses', levels}, {reference: 'bullets', levels: BULLETS}]})

/** A fixture agreement rendered to Word. */
export async function renderAgreement(markdown: string): Promise<Uint8Array> {
  const doc = new Document({creator: 'clauselint fixtures', numbering: numberingConfig(), sections: [{children: agreementToParagraphs(markdown)}]})
  return repack(await pack(doc))
}

const p = (children: ParagraphChild[] | string, options: Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children'> = {}): Paragraph =>
  new Paragraph({...options, children: typeof children === 'string' ? [new TextRun(children)] : children})

/**
 * Every construct the reader must handle, in one agreement: a title, numbered headings, clauses and lettered
 * sub-clauses on a multi-level list continued across two numbering instances and restarted by a third, bullets, a
 * table, a tracked deletion and insertion, an existing comment, a content control, a text box, a field, a hyperlink.
 */
export async function featuresDocx(): Promise<Uint8Array> {
  const clause = (level: number, text: ParagraphChild[] | string, instance = 0) => p(text, {style: 'ListParagraph', numbering: {reference: 'clauses', level, instance}})
  const heading = (text: string, instance = 0) => p(text, {heading: HeadingLevel.HEADING_1, numbering: {reference: 'clauses', level: 0, instance}})
  const doc = new Document({
    creator: 'clauselint fixtures',
    numbering: numberingConfig(LETTER_LEVELS),
    comments: {children: [{id: 0, author: 'Client Counsel', initials: 'CC', date: FIXED_DATE, children: [p('Is four hours achievable overnight?')]}]},
    sections: [
      {
        children: [
          p('Master Services Agreement', {heading: HeadingLevel.TITLE}),
          p('This Agreement is made between Northwind Managed IT Ltd ("Provider") and Harbour Dental LLP ("Customer").'),
          heading('Services'),
          clause(1, 'Provider will provide the managed services described in Schedule 1 (the "Services").'),
          clause(1, 'Provider will provide the Services from 8:00 to 18:00 UK time, Monday to Friday, excluding public holidays in England.'),
          clause(2, 'Provider will monitor the Customer servers at all times.'),
          clause(2, 'Provider will patch the Customer servers every month.'),
          // a second numbering instance of the same list: Word continues the count (2., 2.1, …)
          heading('Service Levels', 1),
          clause(1, 'Provider will respond to each Priority 1 incident within 1 hour, as shown in the table below.', 1),
          clause(
            1,
            [
              new CommentRangeStart(0),
              new TextRun('Provider will resolve each Priority 1 incident '),
              new DeletedTextRun({text: 'promptly', id: 1, author: 'Provider Legal', date: '2025-01-02T03:04:05Z'}),
              new InsertedTextRun({text: 'within 4 hours', id: 2, author: 'Provider Legal', date: '2025-01-02T03:04:05Z'}),
              new TextRun('.'),
              new CommentRangeEnd(0),
              new TextRun({children: [new CommentReference(0)]}),
            ],
            1,
          ),
          new Table({
            rows: [
              new TableRow({tableHeader: true, children: [new TableCell({children: [p('Priority')]}), new TableCell({children: [p('Response time')]})]}),
              new TableRow({children: [new TableCell({children: [p('Priority 1')]}), new TableCell({children: [p('1 hour')]})]}),
              new TableRow({children: [new TableCell({children: [p('Priority 2')]}), new TableCell({children: [p('4 hours')]})]}),
            ],
          }),
          p('Provider publishes an availability report every month.', {numbering: {reference: 'bullets', level: 0}}),
          p([new TextRun('Service credits are set out in '), new ExternalHyperlink({link: 'https://example.com/credits', children: [new TextRun('the credits page')]}), new TextRun('.')], {numbering: {reference: 'bullets', level: 0}}),
          clause(1, 'See clause ⟦FIELD⟧ for the resolution time; Section 2.7 does not exist.', 1),
          heading('Term', 1),
          clause(1, '⟦SDT⟧', 1),
          clause(1, 'Either party may end this Agreement on 90 days written notice.⟦TEXTBOX⟧', 1),
          p('Schedule 1: Services', {heading: HeadingLevel.HEADING_1}),
          // a third instance with a start override: the count restarts at 1
          p('Help desk.', {numbering: {reference: 'clauses', level: 0, instance: 2}}),
          p('Backups.', {numbering: {reference: 'clauses', level: 0, instance: 2}}),
        ],
      },
    ],
  })
  const parts = await pack(doc)
  return repack(parts, (name, xml) => {
    if (name === 'word/numbering.xml') {
      // docx gives every instance a start override; a list Word continues has none on the continuing instance
      return continueInstance(xml)
    }
    if (name !== 'word/document.xml') return xml
    return xml
      .replace(/<w:r>((?:(?!<w:r>)[\s\S])*?)<w:t xml:space="preserve">([^<]*)⟦FIELD⟧([^<]*)<\/w:t><\/w:r>/, (_, props: string, before: string, after: string) => {
        const run = (t: string) => `<w:r>${props}<w:t xml:space="preserve">${t}</w:t></w:r>`
        return `${run(before)}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref2_2 \\r \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2.2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>${run(after)}`
      })
      .replace(/<w:r>(?:(?!<w:r>)[\s\S])*?⟦SDT⟧[^<]*<\/w:t><\/w:r>/, '<w:sdt><w:sdtPr><w:alias w:val="Notice period"/></w:sdtPr><w:sdtContent><w:r><w:t>The notice period is 90 days.</w:t></w:r></w:sdtContent></w:sdt>')
      .replace(
        /⟦TEXTBOX⟧<\/w:t><\/w:r>/,
        '</w:t></w:r><w:r><w:pict><v:shape id="tb1" style="width:200pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Text box: notices go to legal@example.com.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>',
      )
  })
}

/** Make the second numbering instance of the clause list continue the first: drop its start overrides. */
function continueInstance(xml: string): string {
  const nums = [...xml.matchAll(/<w:num w:numId="(\d+)"[^>]*>[\s\S]*?<\/w:num>/g)]
  const abstractOf = (m: RegExpMatchArray) => /<w:abstractNumId w:val="(\d+)"\/>/.exec(m[0])?.[1]
  // instances of the clause list (the list with three), in order: the first, the continued one, the restarted one
  const ofClauses = nums.filter((m) => nums.filter((n) => abstractOf(n) === abstractOf(m)).length === 3)
  const second = ofClauses[1]
  if (!second) return xml
  return xml.replace(second[0], second[0].replace(/<w:lvlOverride[\s\S]*?<\/w:lvlOverride>/g, ''))
}

/** The features document with its headings and numbering taken from styles (as Google Docs and others write it). */
export async function styledDocx(): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'clauselint fixtures',
    numbering: numberingConfig(),
    styles: {
      paragraphStyles: [
        {id: 'ClauseHeading', name: 'Clause Heading', run: {bold: true}, paragraph: {outlineLevel: 0}},
        {id: 'ClauseBody', name: 'Clause Body', basedOn: 'Normal'},
        {id: 'SubClause', name: 'Sub Clause', basedOn: 'ClauseBody'},
      ],
    },
    sections: [
      {
        children: [
          p('Support Terms', {style: 'Title'}),
          p('Support', {style: 'ClauseHeading'}),
          p('Provider will answer support requests from 9:00 to 17:00, Monday to Friday.', {style: 'SubClause'}),
          p('Provider will respond to urgent requests within 2 hours.', {style: 'SubClause'}),
          p('Fees', {style: 'ClauseHeading'}),
          p('Customer will pay the fees within 30 days of each invoice.', {style: 'SubClause'}),
        ],
      },
    ],
  })
  const parts = await pack(doc)
  return repack(parts, (name, xml) => {
    if (name === 'word/numbering.xml') {
      // a numbering instance of the clause list for the styles to use (no paragraph names it)
      const abstract = /<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>(?:(?!<\/w:abstractNum>)[\s\S])*?w:val="%1\.%2"/.exec(xml)![1]
      return xml.replace('</w:numbering>', `<w:num w:numId="90"><w:abstractNumId w:val="${abstract}"/></w:num></w:numbering>`)
    }
    if (name === 'word/styles.xml') {
      // numbering from the style: the heading style carries level 0 of the list, the body style level 1
      const numPr = (level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="90"/></w:numPr>`
      return xml
        .replace(/(<w:style [^>]*w:styleId="ClauseHeading"[^>]*><w:name w:val="Clause Heading"\/><w:pPr>)/, `$1${numPr(0)}`)
        .replace(/(<w:style [^>]*w:styleId="ClauseBody"[^>]*><w:name w:val="Clause Body"\/><w:basedOn w:val="Normal"\/>)(<\/w:style>)/, `$1<w:pPr>${numPr(1)}</w:pPr>$2`)
    }
    if (name === 'word/document.xml') return xml.replace(/ w14:paraId="[^"]*"/g, '').replace(/ w14:textId="[^"]*"/g, '')
    return xml
  })
}

/**
 * A counterparty's redline of a short managed-services agreement, with tracked changes by two authors: "Counterparty
 * Legal" makes the P1 response slower and drops the uptime's measurement period; "Client Sales" makes the P1
 * resolution vague and drops the backup retention. Rejected, it is the house's text; each author's edits alone are
 * what `clauselint compare redline.docx --changes` reports.
 */
export async function redlineDocx(): Promise<Uint8Array> {
  const when = '2025-01-02T03:04:05Z'
  let id = 0
  const del = (text: string, author: string) => new DeletedTextRun({text, id: ++id, author, date: when})
  const ins = (text: string, author: string) => new InsertedTextRun({text, id: ++id, author, date: when})
  const legal = 'Counterparty Legal'
  const sales = 'Client Sales'
  const h = (text: string) => p(text, {heading: HeadingLevel.HEADING_1})
  const doc = new Document({
    creator: 'clauselint fixtures',
    sections: [
      {
        children: [
          p('Managed Services Agreement', {heading: HeadingLevel.TITLE}),
          p('This Managed Services Agreement is made between Northwind IT Ltd ("Provider") and Harbour Dental LLP ("Client").'),
          h('Services'),
          p("Provider will provide help desk support for Client's staff, monitoring and patching of Client's servers, and management of Client's firewall."),
          h('Exclusions'),
          p('Hardware purchases and software licences are not included in the Services; work on them is billed at £150 per hour.'),
          h('Priority Levels'),
          p('P1 (Critical): the whole office cannot work. P2 (High): several users cannot work and there is no workaround.'),
          h('Response Times'),
          p([new TextRun('Provider will respond to P1 tickets within '), del('1 hour', legal), ins('4 hours', legal), new TextRun(' and to P2 tickets within 4 hours.')]),
          h('Resolution Times'),
          p([new TextRun('Provider will resolve P1 incidents '), del('within 4 hours', sales), ins('promptly', sales), new TextRun(' and P2 incidents within 1 business day.')]),
          h('Availability'),
          p([new TextRun('Provider will keep the hosted services available 99.9% of the time'), del(', measured per calendar month', legal), new TextRun('.')]),
          h('Support Hours'),
          p('Support hours are 08:00 to 18:00, Monday to Friday, UK time. Work outside support hours is charged at 1.5 times the standard rate.'),
          h('Backups'),
          p([new TextRun("Provider will back up Client's servers daily."), del(' Backups are kept for 30 days.', sales)]),
          h('Client Responsibilities'),
          p('Client must keep its systems on an operating system that the vendor still supports. If Client does not, Provider may suspend support for the affected systems.'),
        ],
      },
    ],
  })
  return repack(await pack(doc))
}

/** Every generated fixture: file name → bytes. */
export async function generateFixtures(): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>()
  out.set('features.docx', await featuresDocx())
  out.set('styled.docx', await styledDocx())
  out.set('redline.docx', await redlineDocx())
  for (const name of RENDERED_AGREEMENTS) out.set(`${name}.docx`, await renderAgreement(readFileSync(path.join(ROOT, 'fixtures', 'agreements', `${name}.md`), 'utf8')))
  return out
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(DOCX_DIR, {recursive: true})
  for (const [name, bytes] of await generateFixtures()) {
    writeFileSync(path.join(DOCX_DIR, name), bytes)
    console.log(`wrote fixtures/docx/${name} (${bytes.length} bytes)`)
  }
}

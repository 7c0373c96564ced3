// Read a Word package (.docx) into the Markdown the section tree understands, with a map from every Markdown line
// back to its Word paragraph.
//
//   const reading = readDocx(bytes, {changes: 'accepted'})
//   reading.markdown            // "# Master Services Agreement\n\n## 2. Service Levels\n\n2.1 Provider will…"
//   reading.lines[k]            // {line, paragraph, paraId, number, heading, …}: Markdown line → Word paragraph
//   reading.paragraphAt(line)   // the entry for a Markdown line (the last entry at or above it)
//
// `changes: 'rejected'` reads the document as it was before the tracked changes (deleted text back, inserted text
// gone), so the same agreement can be linted as it was and as it would be; comparing the two readings paragraph by
// paragraph (`paragraph`, `paraId`) is how a redline is built on top of this.
//
// Paragraph ordinals count every `w:p` start tag of the main document part in document order (1-based), including
// paragraphs in tables, text boxes and content controls, whichever reading is asked for; `annotateDocx` counts the
// same way, so an ordinal found here names the paragraph a comment goes on.
import {decodePart, attr, isOn, walkXml, type Tag} from './xml.js'
import {readComments, readNumbering, readRelationships, readStyles, resolveTarget, styleChain, type Styles, type WordComment} from './parts.js'
import {NumberingState} from './numbering.js'
import {DocxError, openZip, type ZipLimits, type ZipReader} from './zip.js'

export type Changes = 'accepted' | 'rejected'

export interface ReadDocxOptions extends ZipLimits {
  /** Read tracked changes as accepted (default) or rejected. */
  readonly changes?: Changes
  /** Accept the tracked changes of these authors only and reject everyone else's (what one author's edits did). */
  readonly acceptAuthors?: ReadonlySet<string>
}

/** One Markdown line's Word paragraph. */
export interface ParagraphRef {
  /** 1-based Markdown line. */
  readonly line: number
  /** 1-based ordinal of the paragraph among all `w:p` of the document part (for a table row: its first paragraph). */
  readonly paragraph: number
  /** `w14:paraId`, when Word wrote one. */
  readonly paraId?: string
  /** The paragraph's own clause number as Word shows it ("2.1", "(a)"), if it has one. */
  readonly number?: string
  /** The clause number it falls under: its own, else the last one above it under the same heading. */
  readonly clause?: string
  /** Title of the heading it falls under (its own, for a heading), without the number. */
  readonly heading?: string
  /** Titles of the headings above it, outermost first, numbers included ("2. Service Levels"). */
  readonly headingPath: readonly string[]
  /** Paragraph style name ("heading 1", "List Paragraph"). */
  readonly style?: string
  readonly kind: 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'comment'
  /** Where the section this line starts ends: the ordinal of its last paragraph (headings and numbered clauses). */
  sectionEnd?: number
}

export interface DocxComment extends WordComment {
  /** Ordinal of the paragraph it is anchored on, if found in the body. */
  readonly paragraph: number | undefined
}

/** Offsets of one paragraph in `word/document.xml`, for writing comments. */
export interface ParagraphAnchor {
  /** Just past the start tag, or past `</w:pPr>` when there is one: where a comment range starts. */
  readonly start: number
  /** Where `</w:p>` begins: where a comment range ends. -1 for a self-closing `<w:p/>`. */
  readonly end: number
}

export interface DocxReading {
  readonly markdown: string
  /** One entry per Markdown line that came from the document, in line order. */
  readonly lines: readonly ParagraphRef[]
  /** Number of paragraphs (`w:p`) in the document part. */
  readonly paragraphs: number
  readonly comments: readonly DocxComment[]
  readonly changes: Changes
  /** The authors of the tracked changes in the body (`w:author` of each insertion and deletion), sorted. */
  readonly authors: readonly string[]
  /** The main document part's name (`word/document.xml`). */
  readonly documentPart: string
  /** Per paragraph ordinal (index ordinal-1): its offsets in the document part's text. */
  readonly anchors: readonly ParagraphAnchor[]
  /** The entry for a Markdown line: the last entry at or above it (the first entry for lines above every entry). */
  paragraphAt(line: number): ParagraphRef | undefined
}

const MAIN_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'
const STRICT_MAIN_DOCUMENT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'

/** Where the main document part is, from the package relationships (default `word/document.xml`). */
export function mainPart(zip: ZipReader): string {
  const rels = zip.read('_rels/.rels')
  if (rels) {
    const found = readRelationships(decodePart(rels, '_rels/.rels'), '_rels/.rels').find((r) => r.type === MAIN_DOCUMENT || r.type === STRICT_MAIN_DOCUMENT)
    if (found) {
      const name = resolveTarget('', found.target)
      if (zip.has(name)) return name
    }
  }
  if (zip.has('word/document.xml')) return 'word/document.xml'
  throw new DocxError('has no word/document.xml: it is a zip package but not a Word document')
}

/** The related part of the main document with this relationship type suffix (`/styles`), as an entry name. */
export function relatedPart(zip: ZipReader, documentPart: string, suffix: string): string | undefined {
  const dir = documentPart.slice(0, documentPart.lastIndexOf('/') + 1)
  const relsName = `${dir}_rels/${documentPart.slice(dir.length)}.rels`
  const rels = zip.read(relsName)
  if (!rels) return undefined
  const found = readRelationships(decodePart(rels, relsName), relsName).find((r) => r.type.endsWith(suffix))
  return found ? resolveTarget(dir, found.target) : undefined
}

/** Read a .docx package. Throws DocxError (one line, without the file name) when it cannot be read. */
export function readDocx(bytes: Uint8Array, options: ReadDocxOptions = {}): DocxReading {
  const zip = openZip(bytes, options)
  const documentPart = mainPart(zip)
  const part = (suffix: string, fallback: string): string | undefined => {
    const name = relatedPart(zip, documentPart, suffix) ?? fallback
    const data = zip.read(name)
    return data ? decodePart(data, name) : undefined
  }
  const styles = readStyles(part('/styles', 'word/styles.xml'))
  const numbering = readNumbering(part('/numbering', 'word/numbering.xml'))
  const comments = readComments(part('/comments', 'word/comments.xml'))
  const xml = decodePart(zip.read(documentPart)!, documentPart)
  const changes = options.changes ?? 'accepted'
  const only = options.acceptAuthors
  const accept = only ? (author: string | undefined): boolean => author !== undefined && only.has(author) : (): boolean => changes === 'accepted'
  return readBody(xml, documentPart, styles, numbering, comments, changes, accept)
}

interface Para {
  readonly ordinal: number
  readonly paraId: string | undefined
  style: string | undefined
  numId: string | undefined
  ilvl: number | undefined
  outline: number | undefined
  /** The paragraph's text in this reading, as runs: bold (`w:b` on the run) or not. */
  segs: Seg[]
  /** Paragraph mark tracked as inserted or deleted. */
  mark: 'ins' | 'del' | undefined
  /** Whether this reading applies that change to the mark (accepts it). */
  markApplied?: boolean
  comments: number[]
  /** Paragraphs of text boxes anchored in this one: they follow it. */
  floating: Para[]
}

interface Seg {
  t: string
  b: boolean
}

const plainText = (segs: readonly Seg[]): string => segs.map((x) => x.t).join('')

interface Cell {
  paras: Para[]
}
/** A table row; `mark` when the row itself was tracked as inserted or deleted (`w:trPr/w:ins|w:del`). */
type Row = Cell[] & {mark?: 'ins' | 'del'; removed?: boolean}
interface Table {
  rows: Row[]
}

type Block = {readonly kind: 'para'; readonly para: Para} | {readonly kind: 'table'; readonly table: Table}

// Containers whose text belongs to the other reading.
const INSERTED = new Set(['w:ins', 'w:moveTo'])
const DELETED = new Set(['w:del', 'w:moveFrom'])
// Subtrees that hold no text of the paragraph: property changes, field instructions, the fallback of alternate content.
const NO_TEXT = new Set(['w:pPrChange', 'w:rPrChange', 'w:sectPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:tblGridChange', 'w:numberingChange', 'mc:Fallback', 'w:instrText', 'w:delInstrText'])

function readBody(
  xml: string,
  partName: string,
  styles: Styles,
  numbering: Numbering_,
  wordComments: readonly WordComment[],
  changes: Changes,
  accept: (author: string | undefined) => boolean,
): DocxReading {
  const authors = new Set<string>()
  /** Per open w:ins/w:del: whether this reading hides its content (an insertion not applied, a deletion applied). */
  const changeStack: boolean[] = []
  let hiddenChanges = 0
  const anchors: Array<{start: number; end: number}> = []
  const blocks: Block[] = []
  const paraStack: Para[] = []
  const tables: Table[] = []
  let ordinal = 0
  let noText = 0
  let inPPr = 0
  let inTrPr = 0
  let inText = false
  let textBox = 0
  // run properties: inside a run's w:rPr, and whether the run is bold
  let inRPr = 0
  let bold = false
  const add = (p: Para, t: string): void => {
    const last = p.segs[p.segs.length - 1]
    if (last && last.b === bold) last.t += t
    else p.segs.push({t, b: bold})
  }
  /** Text of paragraphs whose mark this reading removes: it joins the next paragraph. */
  let carry: Para | undefined
  const commentAt = new Map<number, number>()

  const hidden = (): boolean => noText > 0 || hiddenChanges > 0
  const finish = (p: Para): void => {
    const removed = (p.mark === 'del' && p.markApplied === true) || (p.mark === 'ins' && p.markApplied === false)
    if (carry) {
      p.segs = [...carry.segs, ...p.segs]
      p.comments.unshift(...carry.comments)
      p.floating.unshift(...carry.floating)
      carry = undefined
    }
    if (removed) {
      carry = p
      return
    }
    const outer = paraStack[paraStack.length - 1]
    if (textBox > 0 && outer) {
      outer.floating.push(p, ...p.floating)
      p.floating = []
      return
    }
    const table = tables[tables.length - 1]
    const row = table?.rows[table.rows.length - 1]
    const cell = row?.[row.length - 1]
    if (cell) {
      cell.paras.push(p, ...p.floating)
      p.floating = []
      return
    }
    blocks.push({kind: 'para', para: p})
    for (const f of p.floating) blocks.push({kind: 'para', para: f})
    p.floating = []
  }

  walkXml(xml, partName, {
    open(tag: Tag, end: number) {
      const name = tag.name
      if (NO_TEXT.has(name)) {
        if (!tag.selfClosing) noText++
        return
      }
      if (name === 'w:p') {
        ordinal++
        anchors.push({start: end, end: tag.selfClosing ? -1 : end})
        paraStack.push({ordinal, paraId: tag.attributes['w14:paraId'], style: undefined, numId: undefined, ilvl: undefined, outline: undefined, segs: [], mark: undefined, comments: [], floating: []})
        return
      }
      const p = paraStack[paraStack.length - 1]
      if ((INSERTED.has(name) || DELETED.has(name)) && inTrPr) {
        // w:trPr/w:ins|w:del: the whole row was inserted or deleted
        const t = tables[tables.length - 1]
        const row = t?.rows[t.rows.length - 1]
        const author = tag.attributes['w:author']
        if (author) authors.add(author)
        if (row && !noText) {
          row.mark = INSERTED.has(name) ? 'ins' : 'del'
          // this reading drops a deleted row it applies, and an inserted row it does not
          row.removed = INSERTED.has(name) ? !accept(author) : accept(author)
        }
        return
      }
      if (INSERTED.has(name) || DELETED.has(name)) {
        const author = tag.attributes['w:author']
        if (author) authors.add(author)
        const applied = accept(author)
        if (inPPr) {
          // w:pPr/w:rPr/w:ins|w:del: the paragraph mark itself was inserted or deleted
          if (p && paraStack.length && !noText) {
            p.mark = INSERTED.has(name) ? 'ins' : 'del'
            p.markApplied = applied
          }
          return
        }
        if (!tag.selfClosing) {
          const hide = INSERTED.has(name) ? !applied : applied
          changeStack.push(hide)
          if (hide) hiddenChanges++
        }
        return
      }
      switch (name) {
        case 'w:pPr':
          if (!tag.selfClosing) inPPr++
          return
        case 'w:tbl':
          tables.push({rows: []})
          return
        case 'w:tr':
          tables[tables.length - 1]?.rows.push([])
          return
        case 'w:trPr':
          if (!tag.selfClosing) inTrPr++
          return
        case 'w:tc': {
          const t = tables[tables.length - 1]
          t?.rows[t.rows.length - 1]?.push({paras: []})
          return
        }
        case 'w:txbxContent':
          if (!tag.selfClosing) textBox++
          return
        case 'w:r':
          bold = false
          return
        case 'w:rPr':
          if (!inPPr && !tag.selfClosing) inRPr++
          return
        case 'w:b':
          if (inRPr) bold = isOn(tag)
          return
        case 'w:commentRangeStart':
        case 'w:commentReference': {
          const id = Number(attr(tag, 'id'))
          if (p && !noText && !commentAt.has(id)) {
            commentAt.set(id, p.ordinal)
            p.comments.push(id)
          }
          return
        }
      }
      if (!p || noText) return
      if (inPPr) {
        if (name === 'w:pStyle') p.style = attr(tag, 'val')
        else if (name === 'w:numId') p.numId = attr(tag, 'val')
        else if (name === 'w:ilvl') p.ilvl = Number(attr(tag, 'val') ?? 0)
        else if (name === 'w:outlineLvl') p.outline = Number(attr(tag, 'val'))
        return
      }
      if (hidden()) return
      if (name === 'w:t' || name === 'w:delText') {
        // deleted text shows only in the rejected reading (it is inside w:del, so hidden() already decided)
        inText = !tag.selfClosing
      } else if (name === 'w:tab' || name === 'w:ptab') add(p, '\t')
      else if (name === 'w:br' || name === 'w:cr') add(p, ' ')
      else if (name === 'w:noBreakHyphen') add(p, '-')
    },
    close(tag: Tag, end: number) {
      const name = tag.name
      if (NO_TEXT.has(name)) {
        if (!tag.selfClosing) noText--
        return
      }
      if (INSERTED.has(name) || DELETED.has(name)) {
        if (inPPr || inTrPr || tag.selfClosing) return
        if (changeStack.pop()) hiddenChanges--
        return
      }
      switch (name) {
        case 'w:pPr':
          if (!tag.selfClosing) {
            inPPr--
            const p = paraStack[paraStack.length - 1]
            if (p && !inPPr) anchors[p.ordinal - 1]!.start = end
          }
          return
        case 'w:t':
        case 'w:delText':
          inText = false
          return
        case 'w:trPr':
          if (!tag.selfClosing) inTrPr--
          return
        case 'w:rPr':
          if (!inPPr && !tag.selfClosing && inRPr) inRPr--
          return
        case 'w:r':
          bold = false
          return
        case 'w:txbxContent':
          if (!tag.selfClosing) textBox--
          return
        case 'w:p': {
          const p = paraStack.pop()!
          if (!tag.selfClosing) anchors[p.ordinal - 1]!.end = xml.lastIndexOf('<', end - 1)
          finish(p)
          return
        }
        case 'w:tbl': {
          const t = tables.pop()
          if (!t) return
          if (carry) finish({...carry, mark: undefined, segs: []})
          const outerTable = tables[tables.length - 1]
          const outerRow = outerTable?.rows[outerTable.rows.length - 1]
          const outerCell = outerRow?.[outerRow.length - 1]
          if (outerCell) {
            // a table in a table cell: its text joins the cell
            for (const r of t.rows) for (const c of r) outerCell.paras.push(...c.paras)
          } else if (textBox > 0 && paraStack.length) {
            for (const r of t.rows) for (const c of r) paraStack[paraStack.length - 1]!.floating.push(...c.paras)
          } else blocks.push({kind: 'table', table: t})
          return
        }
      }
    },
    text(t: string) {
      if (!inText) return
      const p = paraStack[paraStack.length - 1]
      if (p) add(p, t)
    },
  })
  if (carry) {
    const last = carry
    carry = undefined
    blocks.push({kind: 'para', para: {...last, mark: undefined}})
  }
  const comments: DocxComment[] = wordComments.map((c) => ({...c, paragraph: commentAt.get(c.id)}))
  return {...emit(blocks, styles, numbering, comments, changes, partName, anchors, ordinal), authors: [...authors].sort()}
}

type Numbering_ = ReturnType<typeof readNumbering>

interface Kind {
  heading: number | undefined
  numId: string | undefined
  ilvl: number
  styleName: string | undefined
}

/** What the style chain and the paragraph say: heading level (0 = title), numbering. */
function classify(p: Para, styles: Styles): Kind {
  const chain = styleChain(styles, p.style)
  let heading: number | undefined
  if (p.outline !== undefined && p.outline < 9) heading = p.outline + 1
  let numId = p.numId
  let ilvl = p.ilvl
  for (const s of chain) {
    if (heading === undefined) {
      const m = /^heading\s*([1-9])$/i.exec(s.name.trim())
      if (m) heading = Number(m[1])
      else if (/^title$/i.test(s.name.trim())) heading = 0
      else if (s.outlineLevel !== undefined && s.outlineLevel < 9) heading = s.outlineLevel + 1
    }
    if (numId === undefined && s.numId !== undefined) {
      numId = s.numId
      if (ilvl === undefined) ilvl = s.ilvl
    }
  }
  // a style the package does not define (no styles part, as generated files often have none) is read by Word's
  // built-in style id: "Heading1" to "Heading9", "Title"
  if (heading === undefined && !chain.length && p.style !== undefined) {
    const m = /^heading([1-9])$/i.exec(p.style)
    if (m) heading = Number(m[1])
    else if (/^title$/i.test(p.style)) heading = 0
  }
  return {heading, numId, ilvl: ilvl ?? 0, styleName: chain[0]?.name}
}

/** Escape text so that Markdown reads it back as the same plain text. */
export function escapeMarkdown(text: string): string {
  return escapeStart(escapeInline(text))
}

const escapeInline = (text: string): string => text.replace(/[\\`*_[\]<>&|~]/g, '\\$&')

/** What would start a heading, list or block quote at the start of a line. */
function escapeStart(line: string): string {
  let out = line
  if (/^[#+=-]/.test(out)) out = `\\${out}`
  return out.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
}

/** A paragraph's runs as Markdown: bold runs as `**…**` (the lead-in titles of clauses), the rest escaped. */
function inline(segs: readonly Seg[]): string {
  let out = ''
  for (const seg of segs) {
    const t = clean(seg.t, false)
    if (!seg.b || !t.trim()) {
      out += escapeInline(t)
      continue
    }
    const lead = /^\s*/.exec(t)![0]
    const trail = /\s*$/.exec(t)![0]
    out += `${lead}**${escapeInline(t.trim())}**${trail}`
  }
  return clean(out, true)
}

const clean = (s: string, trim = true): string => {
  const out = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').replace(/\s+/g, (w) => (w.includes('\t') ? '\t' : ' '))
  return trim ? out.trim() : out
}

/** Rank of a section-starting line: a heading by level, a numbered clause below every heading by level. */
const rank = (heading: number | undefined, numberLevel: number | undefined): number => (heading !== undefined ? heading : numberLevel !== undefined ? 10 + numberLevel : Infinity)

const DIRECTIVE = /^clauselint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)/

function emit(blocks: readonly Block[], styles: Styles, numbering: Numbering_, comments: readonly DocxComment[], changes: Changes, documentPart: string, anchors: ParagraphAnchor[], paragraphs: number): Omit<DocxReading, 'authors'> {
  const state = new NumberingState(numbering, styles)
  const out: string[] = []
  const lines: ParagraphRef[] = []
  const path: Array<{level: number; title: string}> = []
  // open sections, for where each ends
  const open: Array<{rank: number; ref: ParagraphRef}> = []
  let clause: string | undefined
  let lastOrdinal = 0
  const close = (r: number, before: number): void => {
    while (open.length && open[open.length - 1]!.rank >= r) open.pop()!.ref.sectionEnd = before
  }
  const heading = (): string | undefined => {
    const h = path[path.length - 1]
    return h ? h.title.replace(/^\(?[0-9a-zA-Z]{1,4}(?:\.[0-9a-zA-Z]{1,4})*[.)]?\s+/, '') : undefined
  }
  const push = (text: string, ref: Omit<ParagraphRef, 'line' | 'headingPath' | 'heading' | 'clause'> & {clause?: string}, r = Infinity): void => {
    if (out.length) out.push('')
    // suppression comments anchored on this paragraph come first, on lines of their own
    const p = ref.paragraph
    for (const c of commentsOn(p)) {
      const m = DIRECTIVE.exec(c.text.trim())
      if (!m) continue
      const body = c.text.trim().replace(/--+>/g, '').replace(/\s+/g, ' ').replace(/^clauselint-disable-line/, 'clauselint-disable-next-line')
      out.push(`<!-- ${body} -->`)
      lines.push({line: out.length, paragraph: p, headingPath: path.map((h) => h.title), kind: 'comment'})
    }
    out.push(text)
    const h = heading()
    const entry: ParagraphRef = {
      ...ref,
      line: out.length,
      headingPath: path.map((x) => x.title),
      ...(h !== undefined ? {heading: h} : {}),
      ...(ref.clause !== undefined ? {clause: ref.clause} : {}),
    }
    lines.push(entry)
    if (r !== Infinity) {
      close(r, lastOrdinal)
      open.push({rank: r, ref: entry})
    }
    lastOrdinal = lastParagraph(ref.paragraph)
  }
  const commentsOn = (paragraph: number): DocxComment[] => {
    const list: DocxComment[] = []
    for (const c of comments) if (c.paragraph === paragraph) list.push(c)
    return list
  }
  // a table row's paragraphs span ordinals; the last one is what a following section starts after
  let rowLast = 0
  const lastParagraph = (first: number): number => Math.max(first, rowLast)
  for (const block of blocks) {
    rowLast = 0
    if (block.kind === 'table') {
      // a row tracked as deleted is gone when the changes are accepted, one tracked as inserted when they are rejected
      const rows = block.table.rows.filter((r) => !r.removed && r.some((c) => c.paras.length))
      if (!rows.length) continue
      const width = Math.max(...rows.map((r) => r.length))
      rows.forEach((row, i) => {
        const cells = Array.from({length: width}, (_, k) => escapeStart(inline((row[k]?.paras ?? []).flatMap((p, i) => (i ? [{t: ' ', b: false}, ...p.segs] : p.segs)))))
        const first = row.flatMap((c) => c.paras)[0]!
        rowLast = Math.max(...row.flatMap((c) => c.paras).map((p) => p.ordinal))
        // the rows of one table are consecutive lines
        const text = `| ${cells.map((c) => c || ' ').join(' | ')} |`
        if (i === 0) {
          push(text, {paragraph: first.ordinal, ...(first.paraId ? {paraId: first.paraId} : {}), kind: 'table-row', ...(clause ? {clause} : {})})
          out.push(`|${' --- |'.repeat(width)}`)
        } else {
          out.push(text)
          lines.push({line: out.length, paragraph: first.ordinal, ...(first.paraId ? {paraId: first.paraId} : {}), kind: 'table-row', headingPath: path.map((h) => h.title), ...(heading() !== undefined ? {heading: heading()!} : {}), ...(clause ? {clause} : {})})
          lastOrdinal = rowLast
        }
      })
      continue
    }
    const p = block.para
    const kind = classify(p, styles)
    const rendered = kind.numId !== undefined ? state.next(kind.numId, kind.ilvl) : undefined
    const text = clean(plainText(p.segs))
    const md = inline(p.segs)
    const base = {paragraph: p.ordinal, ...(p.paraId ? {paraId: p.paraId} : {}), ...(kind.styleName ? {style: kind.styleName} : {})}
    // An empty paragraph ends no section: Word documents end with one (and space sections with them), and a missing
    // clause put on it would sit on a blank line after the text it belongs after.
    if (!text) continue
    const number = rendered && !rendered.bullet && rendered.text ? rendered.text : undefined
    if (kind.heading !== undefined) {
      const level = kind.heading
      const title = number ? `${number} ${text}` : text
      while (path.length && path[path.length - 1]!.level >= level) path.pop()
      path.push({level, title})
      clause = number?.replace(/\.$/, '')
      push(`${'#'.repeat(Math.min(6, level + 1))} ${number ? `${number} ` : ''}${escapeInline(text)}`, {...base, ...(number ? {number} : {}), kind: 'heading', ...(clause ? {clause} : {})}, rank(level, undefined))
      continue
    }
    if (rendered?.bullet) {
      push(`${'  '.repeat(Math.min(rendered.level, 4))}- ${md}`, {...base, kind: 'list-item', ...(clause ? {clause} : {})})
      continue
    }
    if (number) {
      clause = number.replace(/\.$/, '')
      // "1." alone at the start of a line would be a Markdown list: escape its dot
      push(`${escapeStart(escapeInline(number))} ${md}`, {...base, number, kind: 'paragraph', clause}, rank(undefined, rendered!.level))
      continue
    }
    push(escapeStart(md), {...base, kind: 'paragraph', ...(clause ? {clause} : {})})
  }
  close(-Infinity, lastOrdinal)
  const markdown = out.length ? `${out.join('\n')}\n` : ''
  return {
    markdown,
    lines,
    paragraphs,
    comments,
    changes,
    documentPart,
    anchors,
    paragraphAt(line: number) {
      let lo = 0
      let hi = lines.length - 1
      if (hi < 0) return undefined
      if (line < lines[0]!.line) return lines[0]
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (lines[mid]!.line <= line) lo = mid
        else hi = mid - 1
      }
      return lines[lo]
    },
  }
}


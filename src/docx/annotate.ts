// Write findings back into a copy of a Word package, as Word comments on the paragraphs they are about.
//
// Only three parts change: `word/document.xml` gets a comment range and reference per commented paragraph (spliced at
// the offsets the reader recorded, joined once), `word/comments.xml` gets the new comments after any existing ones
// (ids above theirs), and, only when the document had no comments part, `word/_rels/document.xml.rels` and
// `[Content_Types].xml` get its relationship and content type. Every other part is copied byte for byte; existing
// comments and tracked changes stay as they are.
import {readDocx, relatedPart} from './read.js'
import {decodePart} from './xml.js'
import {DocxError, openZip, writeZip, type ZipLimits} from './zip.js'

/** One comment to add: the paragraph (ordinal, as `readDocx` counts) and its lines. */
export interface ParagraphNote {
  readonly paragraph: number
  readonly lines: readonly string[]
}

export interface AnnotateOptions extends ZipLimits {
  /** Comment author (default "clauselint"). */
  readonly author?: string
  /** Comment initials (default "CL"). */
  readonly initials?: string
  /** Comment date (default now). */
  readonly date?: Date
}

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

const escapeXml = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** A copy of the package with one comment per noted paragraph. Throws DocxError when the package cannot be read. */
export function annotateDocx(bytes: Uint8Array, notes: readonly ParagraphNote[], options: AnnotateOptions = {}): Uint8Array {
  const reading = readDocx(bytes, options)
  const zip = openZip(bytes, options)
  const documentPart = reading.documentPart
  const raw = zip.read(documentPart)!
  if (raw[0] === 0xff || raw[0] === 0xfe) throw new DocxError(`cannot be annotated: ${documentPart} is UTF-16 (save it again from Word)`)
  const xml = decodePart(raw, documentPart)
  const author = escapeXml(options.author ?? 'clauselint')
  const initials = escapeXml(options.initials ?? 'CL')
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z')

  // one comment per paragraph, in paragraph order; a self-closing <w:p/> cannot hold one: the paragraph before it does
  const byParagraph = new Map<number, string[]>()
  for (const note of notes) {
    let ordinal = Math.min(Math.max(1, note.paragraph), reading.anchors.length)
    while (ordinal > 1 && reading.anchors[ordinal - 1]!.end < 0) ordinal--
    if (!reading.anchors[ordinal - 1] || reading.anchors[ordinal - 1]!.end < 0) continue
    const list = byParagraph.get(ordinal) ?? []
    list.push(...note.lines)
    byParagraph.set(ordinal, list)
  }
  let nextId = Math.max(-1, ...reading.comments.map((c) => c.id), ...[...xml.matchAll(/<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*\bw:id="(\d+)"/g)].map((m) => Number(m[1]))) + 1
  const inserts: Array<{at: number; text: string}> = []
  const bodies: string[] = []
  for (const [ordinal, lines] of [...byParagraph].sort((a, b) => a[0] - b[0])) {
    const anchor = reading.anchors[ordinal - 1]!
    const id = nextId++
    inserts.push({at: anchor.start, text: `<w:commentRangeStart w:id="${id}"/>`})
    inserts.push({at: anchor.end, text: `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`})
    const paragraphs = lines.map((line, i) => `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    bodies.push(`<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${initials}">${paragraphs.join('')}</w:comment>`)
  }
  // splice by offset and join once (repeated string splicing is quadratic on large documents)
  inserts.sort((a, b) => a.at - b.at)
  const pieces: string[] = []
  let from = 0
  for (const insert of inserts) {
    pieces.push(xml.slice(from, insert.at), insert.text)
    from = insert.at
  }
  pieces.push(xml.slice(from))
  const changed = new Map<string, Uint8Array>([[documentPart, utf8(pieces.join(''))]])

  const existing = relatedPart(zip, documentPart, '/comments')
  const dir = documentPart.slice(0, documentPart.lastIndexOf('/') + 1)
  if (existing && zip.has(existing)) {
    const text = decodePart(zip.read(existing)!, existing)
    const closed = text.lastIndexOf('</w:comments>')
    let updated: string
    if (closed >= 0) updated = `${text.slice(0, closed)}${bodies.join('')}${text.slice(closed)}`
    else {
      const empty = /<w:comments\b([^>]*)\/>/.exec(text)
      if (!empty) throw new DocxError(`cannot be annotated: ${existing} has no w:comments element`)
      updated = `${text.slice(0, empty.index)}<w:comments${empty[1]}>${bodies.join('')}</w:comments>${text.slice(empty.index + empty[0].length)}`
    }
    changed.set(existing, utf8(updated))
  } else if (bodies.length) {
    const name = `${dir}comments.xml`
    changed.set(name, utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}">${bodies.join('')}</w:comments>`))
    const relsName = `${dir}_rels/${documentPart.slice(dir.length)}.rels`
    const rels = zip.has(relsName) ? decodePart(zip.read(relsName)!, relsName) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
    const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]))
    let rid = 1
    while (used.has(`rIdClauselint${rid}`)) rid++
    const rel = `<Relationship Id="rIdClauselint${rid}" Type="${COMMENTS_TYPE}" Target="comments.xml"/>`
    changed.set(relsName, utf8(rels.includes('</Relationships>') ? rels.replace('</Relationships>', `${rel}</Relationships>`) : rels.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`)))
    const typesName = '[Content_Types].xml'
    const types = zip.has(typesName) ? decodePart(zip.read(typesName)!, typesName) : undefined
    if (!types) throw new DocxError('cannot be annotated: it has no [Content_Types].xml')
    if (!types.includes(`PartName="/${name}"`)) changed.set(typesName, utf8(types.replace('</Types>', `<Override PartName="/${name}" ContentType="${COMMENTS_CONTENT_TYPE}"/></Types>`)))
  }
  const parts: Array<[string, Uint8Array]> = []
  for (const entry of zip.entries) {
    if (entry.name.endsWith('/') && entry.size === 0) continue
    parts.push([entry.name, changed.get(entry.name) ?? zip.read(entry.name)!])
    changed.delete(entry.name)
  }
  for (const [name, data] of changed) parts.push([name, data])
  return writeZip(parts)
}

// What a redline did: a .docx with tracked changes, read once with every change rejected (the document as it was)
// and once per author with only that author's changes accepted, each compared with the first, clause by clause.
import {annotateDocx, parseAgreement, readDocx, type DocxReading, type ParagraphNote, type WordLocation} from './adapter.js'
import {compareDocuments, type Comparison, type Difference} from './compare.js'

/** One author's edits, compared with the document as it was before every tracked change. */
export interface AuthorComparison {
  readonly author: string
  readonly comparison: Comparison
}

export interface Redline {
  readonly filePath: string
  /** Per change author, in name order. */
  readonly authors: readonly AuthorComparison[]
}

/** The paragraph a line of a reading's Markdown comes from (for a missing clause: where it belongs). */
function wordLocation(reading: DocxReading, line: number, missing: boolean): WordLocation | undefined {
  const ref = reading.paragraphAt(line)
  if (!ref) return undefined
  const paragraph = missing && ref.sectionEnd !== undefined ? ref.sectionEnd : ref.paragraph
  const at = paragraph === ref.paragraph ? ref : (reading.lines.find((l) => l.paragraph === paragraph) ?? ref)
  return {paragraph, ...(at.paraId ? {paraId: at.paraId} : {}), ...(at.clause ? {number: at.clause} : {}), ...(at.heading ? {heading: at.heading} : {})}
}

/** A comparison of a .docx reading, its differences named by Word paragraph (`line` becomes the paragraph ordinal). */
export function inWordTerms(c: Comparison, reading: DocxReading, base = 'the template'): Comparison {
  const move = (d: Difference): Difference => {
    const where = wordLocation(reading, d.line, d.kind === 'missing')
    const message = base === 'the template' ? d.message : d.message.replace(/\bthe template\b/g, base)
    return where ? {...d, message, line: where.paragraph, column: 1, endLine: where.paragraph, endColumn: 1, docx: where} : {...d, message}
  }
  const clauses = c.clauses.map((cl) => ({...cl, differences: cl.differences.map(move)}))
  return {...c, clauses, differences: clauses.flatMap((cl) => cl.differences).sort((x, y) => x.line - y.line)}
}

/** Compare each change author's edits with the document as it was. Throws DocxError or CompareError (one line). */
export function redline(bytes: Uint8Array, filePath: string, options: {playbooks?: Readonly<Record<string, unknown>>} = {}): Redline {
  const before = readDocx(bytes, {changes: 'rejected'})
  const original = parseAgreement(before.markdown, `${filePath} (before the changes)`)
  const authors = before.authors.map((author) => {
    const reading = readDocx(bytes, {acceptAuthors: new Set([author])})
    const comparison = compareDocuments(parseAgreement(reading.markdown, filePath), original, options.playbooks)
    return {author, comparison: inWordTerms(comparison, reading, 'the original')}
  })
  return {filePath, authors}
}

/** Notes for a reviewed copy: each changed paragraph gets one line per difference, naming the author. */
export function redlineNotes(r: Redline): ParagraphNote[] {
  const byParagraph = new Map<number, string[]>()
  for (const {author, comparison} of r.authors) {
    for (const d of comparison.differences) {
      if (!d.docx || d.kind === 'reworded') continue
      const lines = byParagraph.get(d.docx.paragraph) ?? []
      lines.push(`${author}: ${d.message} (${d.ruleId})`)
      byParagraph.set(d.docx.paragraph, lines)
    }
  }
  return [...byParagraph].sort((a, b) => a[0] - b[0]).map(([paragraph, lines]) => ({paragraph, lines}))
}

/** The .docx with the redline's differences as Word comments on the changed paragraphs. */
export function annotateRedline(bytes: Uint8Array, r: Redline): {bytes: Uint8Array; comments: number} {
  const notes = redlineNotes(r)
  return {bytes: annotateDocx(bytes, notes), comments: notes.length}
}

// Findings in Word's terms: the paragraph and its clause number instead of a line of the converted Markdown.
import type {ClauseCoverage, LintMessage, LintResult, WordLocation} from '../types.js'
import type {DocxReading, ParagraphRef} from './read.js'

function locate(reading: DocxReading, line: number, missing: boolean): WordLocation | undefined {
  const ref: ParagraphRef | undefined = reading.paragraphAt(line)
  if (!ref) return undefined
  // A missing clause goes after the last paragraph of the section it belongs in (where it should be added).
  const paragraph = missing && ref.sectionEnd !== undefined ? ref.sectionEnd : ref.paragraph
  const at = paragraph === ref.paragraph ? ref : (reading.lines.find((l) => l.paragraph === paragraph) ?? ref)
  return {
    paragraph,
    ...(at.paraId ? {paraId: at.paraId} : {}),
    ...(at.clause ? {number: at.clause} : {}),
    ...(at.heading ? {heading: at.heading} : {}),
  }
}

/** "¶9 (2.2, Service Levels)": how a report names a paragraph. */
export function paragraphLabel(where: WordLocation): string {
  const bits = [where.number, where.heading].filter((b): b is string => !!b)
  return `¶${where.paragraph}${bits.length ? ` (${bits.join(', ')})` : ''}`
}

function moved<T extends {line: number}>(item: T, where: WordLocation | undefined): T {
  if (!where) return item
  return {...item, line: where.paragraph}
}

/**
 * Rewrite a result linted from a .docx reading so that every finding names its Word paragraph: `docx` holds the
 * paragraph ordinal, `w14:paraId`, clause number and heading, and `line` becomes the paragraph ordinal (columns 1), so
 * that every report format points at the paragraph of the file.
 */
export function inWordTerms(result: LintResult, reading: DocxReading): LintResult {
  if (result.fatal) return result
  const message = (m: LintMessage): LintMessage => {
    if (m.filePath !== undefined) return m
    const where = locate(reading, m.line, m.outcome === 'missing')
    if (!where) return m
    return {...m, line: where.paragraph, column: 1, endLine: where.paragraph, endColumn: 1, docx: where}
  }
  const out: LintResult = {
    ...result,
    messages: result.messages.map(message),
    coverage: result.coverage.map((c: ClauseCoverage) => moved(c, locate(reading, c.line, c.outcome === 'missing'))),
  }
  if (result.suppressed) {
    out.suppressed = result.suppressed.map((s) => {
      const where = locate(reading, s.line, s.outcome === 'missing')
      const at = locate(reading, s.suppression.line, false)
      return {...s, ...(where ? {line: where.paragraph, column: 1, endLine: where.paragraph, endColumn: 1, docx: where} : {}), suppression: {...s.suppression, ...(at ? {line: at.paragraph, column: 1} : {})}}
    })
  }
  return out
}

// The comparison's view of clauselint's readings: parse a document, typed values, vague and charge wording, positions.
// With registry.ts (the clause rules and the clause finder), the only files of src/compare/ that import internals.
import {detectProfile} from '../detect.js'
import {annotateDocx, type ParagraphNote} from '../docx/annotate.js'
import {readDocx, type DocxReading} from '../docx/read.js'
import {paragraphLabel} from '../docx/report.js'
import {DocxError} from '../docx/zip.js'
import {buildDocument, rangePosition} from '../document.js'
import {read, TextCache, type Reading} from '../reading/index.js'
import type {TimeMetric} from '../reading/metrics.js'
import {extractMoney, parseDurationOption, type Values} from '../reading/values/index.js'
import {INCLUDED_CHARGE, VAGUE_TIME} from '../reading/wording.js'
import {targetName} from '../reading/delegation.js'
import {excerpt} from '../text.js'
import type {Block, Document, Outcome, Position, Section, WordLocation} from '../types.js'
import type {JsonSchema} from '../rule.js'

export type {Block, DocxReading, Document, JsonSchema, Outcome, ParagraphNote, Position, Reading, Section, TimeMetric, Values, WordLocation}
export {annotateDocx, DocxError, paragraphLabel, readDocx, excerpt, extractMoney, parseDurationOption, read, targetName, TextCache, VAGUE_TIME, INCLUDED_CHARGE}

/** Parse an agreement into its section tree. */
export function parseAgreement(text: string, filePath: string): Document {
  return buildDocument(text, filePath)
}

/** The clause-set profile a document reads as (msa, sla, agreement), or undefined when it reads as none. */
export function profileOf(doc: Document): 'msa' | 'sla' | 'agreement' | undefined {
  const p = detectProfile(doc).profile
  return p === 'language' ? undefined : p
}

/** The source position of a range of a block's text. */
export function positionOf(doc: Document, block: Block, start: number, end: number): Position {
  return rangePosition(doc, block, start, end)
}

/** Every block in a section and its subsections, in document order, headings left out. */
export function blocksUnder(section: Section): Block[] {
  const out: Block[] = section.blocks.filter((b) => b.kind !== 'heading')
  for (const c of section.children) out.push(...blocksUnder(c))
  return out
}

// Pointers: a phrase that points at a statement made elsewhere in the same agreement ("those hours", "the times
// above", "the hours set out in clause 4", "within the periods in the table below", "at the rates in Schedule 2"), and
// the statement it reaches there.
import type {Block, Document, Section} from '../types.js'

/** What a pointer names: hours, times, periods, targets, rates and the like (the kind of value it stands for). */
const NOUN = String.raw`(?:hours|times|periods|time ?frames|timescales|targets|deadlines|windows|rates|charges|fees|prices|levels)`
// "those hours", "these times", "such hours" (not "such hours as the Customer asks for"), "the above rates",
// "the same periods", "the said hours"
const ANAPHOR = new RegExp(String.raw`\b(?:those|these|such|the (?:same|above|above-mentioned|aforementioned|foregoing|said|stated))\s+(?:[a-z-]+\s+){0,2}?(${NOUN})\b(?!\s+as\b)(?!\s*:)`, 'gi')
// "the times above", "the hours set out below", "the rates stated earlier", "the periods in the table below",
// "the targets in the preceding table"
const PLACE = new RegExp(
  String.raw`\bthe\s+(?:[a-z-]+\s+){0,2}?(${NOUN})\s+(?:(?:set out|set forth|stated|given|listed|shown|specified|defined|described|agreed|named)\s+)?(?:(above|below|earlier|before|previously)\b|in\s+the\s+(?:(?:table|list|paragraph|clause|section)\s+(above|below)|(preceding|previous|following|next)\s+(?:table|list|paragraph|clause|section))\b)`,
  'gi',
)
// "the hours set out in clause 4", "the rates in Schedule 2", "the times in section 3.2", "the targets at paragraph 5"
const PART = new RegExp(
  String.raw`\b[Tt]he\s+(?:[a-z-]+\s+){0,2}?(${NOUN})\s+(?:(?:set out|set forth|stated|given|listed|shown|specified|defined|described|agreed|named)\s+)?(?:in|under|at)\s+((?:[Cc]lause|[Ss]ection|[Pp]aragraph|[Aa]rticle|[Pp]art|Schedule|[Aa]nnex(?:ure)?|[Aa]ppendix|[Ee]xhibit|[Aa]ttachment)s?)\s+(\d{1,3}(?:\.\d{1,3})*|[A-Z]{1,2}(?![\w-])|[IVX]{1,5}(?![\w-]))(?!\s*(?:of|to|in)\s+(?:the|a|an|its|their|your|our)\s+(?!Agreement\b)[A-Za-z])`,
  'g',
)

export interface Pointer {
  /** Where the pointer is in the text it was found in. */
  readonly start: number
  readonly end: number
  /** What it names, lower case: "hours", "times", "rates", … */
  readonly noun: string
  /** Which way it points: back to a statement made before, forward to one made after, or into a numbered part. */
  readonly way: 'back' | 'forward' | 'part'
  /** For a pointer into a numbered part: the part's kind ("clause", "schedule") and its number ("4", "2", "B"). */
  readonly part?: {readonly kind: string; readonly id: string}
}

/** The pointers in a text, in order. */
export function pointersIn(text: string): Pointer[] {
  if (!/hours|times|periods|frames|scales|targets|deadlines|windows|rates|charges|fees|prices|levels/i.test(text)) return []
  const out: Pointer[] = []
  for (const m of text.matchAll(ANAPHOR)) out.push({start: m.index, end: m.index + m[0].length, noun: m[1]!.toLowerCase(), way: 'back'})
  for (const m of text.matchAll(PLACE)) {
    const where = (m[2] ?? m[3] ?? m[4] ?? '').toLowerCase()
    out.push({start: m.index, end: m.index + m[0].length, noun: m[1]!.toLowerCase(), way: /below|following|next/.test(where) ? 'forward' : 'back'})
  }
  for (const m of text.matchAll(PART)) {
    const kind = m[2]!.toLowerCase().replace(/s$/, '')
    out.push({start: m.index, end: m.index + m[0].length, noun: m[1]!.toLowerCase(), way: 'part', part: {kind, id: m[3]!}})
  }
  return out.sort((a, b) => a.start - b.start)
}

/** A statement a pointer reaches: the text that holds the value, and its block. */
export interface Reached {
  readonly block: Block
  readonly text: string
}

/** How far a pointer looks back, in blocks: "those hours", "the times above" reach the nearest statement before. */
const BACK = 40
/** How far it looks forward: a statement "below" is in the same part of the agreement, soon after. */
const NEAR = 15

/**
 * The statement a pointer in `block` reaches: the nearest sentence (a whole row, for a table) before it, after it, or
 * in the numbered part it names, that `holds` (a value of the kind the reader needs). Undefined when the pointer
 * reaches nothing that holds one: it dangles, or points at a statement of something else.
 */
export function reach(doc: Document, block: Block, at: number, offset: number, pointer: Pointer, holds: (text: string) => boolean): Reached | undefined {
  const blocks = doc.blocks
  const units = (b: Block): string[] => (b.kind === 'table-row' || b.sentences.length <= 1 ? [b.text] : b.sentences.map((s) => s.text))
  if (pointer.way === 'part') {
    const parts = partBlocks(doc, blocks, pointer.part!)
    for (const b of parts) for (const t of units(b)) if (holds(t)) return {block: b, text: t}
    return undefined
  }
  if (at < 0) return undefined
  if (pointer.way === 'back') {
    // earlier sentences of the same block first, nearest first
    const before = block.kind === 'table-row' ? [] : block.sentences.filter((s) => s.end <= offset).reverse()
    for (const s of before) if (holds(s.text)) return {block, text: s.text}
    for (let i = at - 1; i >= 0 && i >= at - BACK; i--) {
      const b = blocks[i]!
      if (b.kind === 'heading') continue
      for (const t of units(b).reverse()) if (holds(t)) return {block: b, text: t}
    }
    return undefined
  }
  const after = block.kind === 'table-row' ? [] : block.sentences.filter((s) => s.start > offset)
  for (const s of after) if (holds(s.text)) return {block, text: s.text}
  const top = topSection(doc, block.section)
  for (let i = at + 1; i < blocks.length && i <= at + NEAR; i++) {
    const b = blocks[i]!
    if (b.kind === 'heading') continue
    if (topSection(doc, b.section) !== top) break
    for (const t of units(b)) if (holds(t)) return {block: b, text: t}
  }
  return undefined
}

/** The top-level part of the agreement a section belongs to (the document's title is no part). */
function topSection(doc: Document, section: Section): Section {
  let s = section
  while (s.parent && s.parent.kind !== 'root' && s.parent !== doc.title) s = s.parent
  return s
}

const ATTACHED_KIND = /^(?:schedule|annex|annexure|appendix|exhibit|attachment)$/

/** The blocks of a numbered part of the document: its section's subtree, or the paragraphs numbered under it. */
function partBlocks(doc: Document, blocks: readonly Block[], part: {readonly kind: string; readonly id: string}): Block[] {
  const id = part.id.toLowerCase().replace(/\.$/, '')
  if (ATTACHED_KIND.test(part.kind)) {
    const name = new RegExp(String.raw`^\s*(?:${part.kind}|${part.kind === 'annexure' ? 'annex' : part.kind === 'annex' ? 'annexure' : part.kind})\s+${escape(id)}(?![\w.])`, 'i')
    // the heading as written too: "## Schedule 2: Rates" is titled "Rates", numbered "2"
    const section = doc.sections.find((s) => s.kind !== 'root' && (name.test(s.title) || name.test((s.blocks.find((b) => b.kind === 'heading')?.text ?? '').replace(/^[#\s*_]+/, ''))))
    return section ? collect(section) : []
  }
  const section = doc.sections.find((s) => s.kind !== 'root' && s.number !== undefined && s.number.toLowerCase().replace(/\.$/, '') === id)
  if (section) return collect(section)
  // numbered paragraphs with no heading: "4.2 The helpdesk is staffed …", and the paragraphs numbered under "4"
  const numbered = new RegExp(String.raw`^\s*(?:\*\*)?${escape(id)}(?:\.\d{1,3})*\.?(?:\*\*)?\s`)
  return blocks.filter((b) => b.kind !== 'heading' && numbered.test(b.text))
}

function collect(section: Section): Block[] {
  const out: Block[] = section.blocks.filter((b) => b.kind !== 'heading')
  for (const c of section.children) out.push(...collect(c))
  return out
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

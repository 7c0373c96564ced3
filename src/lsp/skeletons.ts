// Skeletons for missing clauses (data in rules/data/skeletons.json) and where in the section tree to insert one.
import {subtreeBlocks} from '../document.js'
import {partyNames} from '../reading/parties.js'
import type {Document, Section} from '../types.js'
import {clauseData as clauses, skeletonData as data} from '../../rules/index.js'

export interface Skeleton {
  /** The heading of the new section (it matches the clause's headings). */
  readonly title: string
  /** Guidance for the writer, inserted as an HTML comment under the heading (clauselint does not read comments). */
  readonly hint?: string
  /** Lines under the heading; `[slots]` are for the writer, `{Provider}`/`{client}` become the parties' names. */
  readonly body: readonly string[]
  /** A plausible value for every slot (documentation, and the test that a filled-in skeleton is present). */
  readonly example?: Readonly<Record<string, string>>
}

/** Skeletons by clause rule id. */
export const SKELETONS: Readonly<Record<string, Skeleton>> = Object.fromEntries(Object.entries(data).filter(([id]) => !id.startsWith('$'))) as unknown as Record<string, Skeleton>

/** A text insertion at an offset of `doc.source` (the text without a byte-order mark). */
export interface Insertion {
  readonly offset: number
  readonly text: string
}

export interface SkeletonPlan extends Insertion {
  readonly title: string
  /** `fill`: the clause's own (empty) section gets the body; `add`: a new section. */
  readonly mode: 'fill' | 'add'
}

const PRONOUN = /^(?:we|us|our|you|your)$/i

/** The name the agreement defines for a party ("Provider", "MSP", "Acme"), as written, if any. */
function definedName(doc: Document, role: 'provider' | 'customer'): string | undefined {
  for (const [name, r] of partyNames(doc)) {
    if (r !== role || PRONOUN.test(name)) continue
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const m = new RegExp(`[“"](${escaped})[,]?[”"]`, 'i').exec(doc.source)
    const written = m?.[1]
    if (written && /^[A-Z]/.test(written)) return written
  }
  return undefined
}

/** Fill `{Provider}`, `{provider}`, `{Client}`, `{client}` with the agreement's party names. */
export function renderBody(skeleton: Skeleton, doc: Document | undefined, eol = '\n'): string {
  const provider = doc ? definedName(doc, 'provider') : undefined
  const client = doc ? definedName(doc, 'customer') : undefined
  const names: Record<string, string> = {
    Provider: provider ?? 'The Provider',
    provider: provider ?? 'the Provider',
    Client: client ?? 'The Client',
    client: client ?? 'the Client',
  }
  const lines = skeleton.body.map((line) => line.replace(/\{(Provider|provider|Client|client)\}/g, (_, k: string) => names[k]!))
  if (skeleton.hint) lines.unshift(`<!-- ${skeleton.hint.replace(/--/g, '–')} -->`, '')
  return lines.join(eol)
}

/** The Markdown level of a heading section (ATX `#` count, setext `=` 1 / `-` 2). */
export function headingLevel(doc: Document, section: Section): number {
  const raw = doc.source.slice(section.headingPosition.start.offset, section.headingPosition.end.offset)
  const atx = /^ {0,3}(#{1,6})(?=\s|$)/.exec(raw)
  if (atx) return atx[1]!.length
  return /\n\s*=+\s*$/.test(raw) ? 1 : 2
}

const NUMBER = /^\d{1,3}(?:\.\d{1,3})*$/

/** The clause number for a new section after these siblings ("4.2" → "4.3"), written as they write theirs ("5." or "5"). */
function nextNumber(doc: Document, parent: Section | undefined, siblings: readonly Section[]): string | undefined {
  const numbered = siblings.filter((s) => s.kind === 'heading' && s.number !== undefined && NUMBER.test(s.number))
  const last = numbered.at(-1)
  if (last) {
    const parts = last.number!.split('.')
    parts[parts.length - 1] = String(Number(parts.at(-1)) + 1)
    const raw = doc.source.slice(last.headingPosition.start.offset, last.headingPosition.end.offset)
    const after = raw.slice(raw.indexOf(last.number!) + last.number!.length)
    const punct = /^[.):]/.exec(after)?.[0] ?? ''
    return parts.join('.') + punct
  }
  // a numbered section whose own sub-sections are not numbered yet: "4." → "4.1"
  if (parent && parent !== doc.title && parent.number !== undefined && NUMBER.test(parent.number) && !siblings.some((s) => s.kind === 'heading')) return `${parent.number}.1`
  return undefined
}

function homeMatcher(ruleId: string): {headings: RegExp; not: RegExp | undefined} | undefined {
  const d = (clauses as Record<string, {headings?: string[]; notHeadings?: string[]}>)[ruleId]
  if (!d?.headings?.length) return undefined
  const any = (list: readonly string[]) => new RegExp(list.map((s) => `(?:${s})`).join('|'), 'i')
  return {headings: any(d.headings), not: d.notHeadings?.length ? any(d.notHeadings) : undefined}
}

/**
 * The sections at the agreement's top clause level: the title's sub-sections, or the document's own when it has no
 * title (or its first level-1 heading is a numbered clause, one of several at that level).
 */
function topClauses(doc: Document): {container: Section; tops: readonly Section[]} {
  const container = doc.title && doc.title.number === undefined ? doc.title : doc.root
  return {container, tops: container.children}
}

/**
 * Where and what to insert for a missing clause reported at `line`:`column` (1-based, clauselint's): the body under the
 * clause's own heading when the report points at an empty one; otherwise a new section at the agreement's top clause
 * level (a sibling of its clauses, never inside one), after the top-level clause the report points at, or after the
 * last clause when the report points at the title. When the agreement numbers its clauses, the new one goes after the
 * last numbered clause with the next number, so no clause is renumbered. A heading is inserted before a section only
 * when that section is a heading at the same level or above (else it would take that section in); otherwise it goes
 * at the end of the agreement.
 */
export function planSkeleton(doc: Document, ruleId: string, line: number, column: number): SkeletonPlan | undefined {
  const skeleton = SKELETONS[ruleId]
  if (!skeleton) return undefined
  const eol = doc.source.includes('\r\n') ? '\r\n' : '\n'
  const body = renderBody(skeleton, doc, eol)
  const at = doc.sections.find((s) => s.kind !== 'root' && s.headingPosition.start.line === line && s.headingPosition.start.column === column)

  // The clause's own heading with nothing under it: fill it in.
  const home = homeMatcher(ruleId)
  if (at && at !== doc.title && home && home.headings.test(at.title) && !(home.not && at.path.some((p) => home.not!.test(p))) && !subtreeBlocks(at).some((b) => b.text.trim())) {
    return {mode: 'fill', title: skeleton.title, offset: at.headingPosition.end.offset, text: `${eol}${eol}${body}`}
  }

  const {container, tops} = topClauses(doc)
  const topHeadings = tops.filter((s) => s.kind === 'heading')
  const level = topHeadings.length ? Math.min(...topHeadings.map((s) => headingLevel(doc, s))) : container === doc.root ? 2 : Math.min(6, headingLevel(doc, container) + 1)
  // the top-level clause the report points at
  let anchor: Section | undefined = at
  while (anchor && anchor.parent !== container) anchor = anchor.parent
  const number = nextNumber(doc, container === doc.root ? undefined : container, tops)
  const lastNumbered = topHeadings.filter((s) => s.number !== undefined && NUMBER.test(s.number)).at(-1)
  const after = number !== undefined && lastNumbered ? lastNumbered : (anchor ?? tops.at(-1))
  const next = after ? tops[tops.indexOf(after) + 1] : undefined
  let offset: number
  if (after && next && next.kind === 'heading' && headingLevel(doc, next) <= level) {
    offset = after.position.end.offset
    // never inside a line: the end of a section is the end of its last block, so move to the end of that line
    offset += doc.source.slice(offset).search(/\r?\n|$/)
  } else if (after && !next && container !== doc.root && doc.root.children.at(-1) !== container) {
    // the title's last clause, with more after the title (a level-1 schedule): before that
    offset = after.position.end.offset
    offset += doc.source.slice(offset).search(/\r?\n|$/)
  } else offset = doc.source.trimEnd().length
  const heading = `${'#'.repeat(level)} ${number ? `${number} ` : ''}${skeleton.title}`
  return {mode: 'add', title: skeleton.title, offset, text: `${eol}${eol}${heading}${eol}${eol}${body}`}
}

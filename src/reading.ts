// Reading helpers shared by rules: who is bound, negation and disclaimer scope, delegation to other documents.
import type {Block, Document} from './types.js'

export type Party = 'provider' | 'customer' | 'unknown'

const PROVIDER = /\b(?:provider|service provider|msp|supplier|vendor|contractor|consultant|licensor|we|us|our|company)\b/i
const CUSTOMER = /\b(?:client|customer|licensee|subscriber|you|user|users|buyer|purchaser|indemnified party|recipient)\b/i
const OBLIGATION = /\b(?:shall|must|will|agrees? to|undertakes? to|is (?:required|responsible|obliged|obligated)|are (?:required|responsible|obliged|obligated)|has to|have to|needs? to|should|warrants?|represents?|commits? to|is expected to)\b/gi
const CLAUSE_BOUNDARY = /[;:]|\(\s*[a-z0-9]{1,4}\s*\)|\bprovided(?:,)? (?:that|however)\b|\b(?:and|but|while|whereas)\s+(?=(?:the\s+)?(?:provider|client|customer|supplier|we|you)\b)/gi
const NEGATION = /\b(?:not|no|never|nothing|neither|nor|without|cannot|can't|won't|doesn't|don't|isn't|aren't|disclaims?|excludes?|except)\b|n't\b/i
const DISCLAIMER = /\b(?:disclaim(?:s|ed|er)?|makes? no (?:warrant|guarantee|representation|promise)|(?:does|do|will) not (?:warrant|guarantee|represent|promise)|no (?:warranty|guarantee) (?:is|that)|without (?:warranty|guarantee)|as[- ]is\b|as[- ]available\b|nothing in this (?:agreement|schedule|sla)[^.]{0,60}\b(?:guarantee|warrant|promise))/i

const PROVIDER_ROLE = /^(?:provider|service provider|msp|supplier|vendor|contractor|consultant|licensor|managed service provider)$/i
const CUSTOMER_ROLE = /^(?:client|customer|licensee|subscriber|buyer|purchaser)$/i

/**
 * Names a document gives its parties ("Cascade", "Vendor", “Acme”), with their role. Terms defined in
 * one parenthesis share a role ("(“Cascade,” “Vendor,” or “Service Provider”)"); when the preamble
 * names two parties and only one has a role word, the other takes the opposite role.
 */
export function partyNames(doc: Document): Map<string, Party> {
  const cached = partyCache.get(doc)
  if (cached) return cached
  const names = new Map<string, Party>()
  let blocks = 0
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    if (++blocks > 12) break
    const unknown: string[] = []
    let known: Party | undefined
    for (const group of block.text.matchAll(/\(([^()]{1,160})\)/g)) {
      const terms = [...group[1]!.matchAll(/[“"]([A-Z][\w&.' -]{0,40}?)[,]?[”"]/g)].map((m) => m[1]!.trim())
      if (!terms.length) continue
      let role: Party = 'unknown'
      for (const t of terms) {
        if (PROVIDER_ROLE.test(t)) role = 'provider'
        else if (CUSTOMER_ROLE.test(t)) role = 'customer'
      }
      for (const t of terms) {
        if (role === 'unknown') unknown.push(t)
        else if (!names.has(t.toLowerCase())) names.set(t.toLowerCase(), role)
      }
      if (role !== 'unknown') known = role
    }
    if (known && unknown.length === 1 && !names.has(unknown[0]!.toLowerCase())) {
      names.set(unknown[0]!.toLowerCase(), known === 'provider' ? 'customer' : 'provider')
    }
  }
  const fm = doc.frontmatter
  for (const [key, role] of [['provider', 'provider'], ['customer', 'customer'], ['client', 'customer']] as const) {
    const v = fm[key]
    if (typeof v === 'string' && v.trim()) names.set(v.trim().toLowerCase(), role)
  }
  for (const [name, role] of names) if (PROVIDER_ROLE.test(name) && role !== 'provider') names.delete(name)
  partyCache.set(doc, names)
  return names
}

const partyCache = new WeakMap<Document, Map<string, Party>>()

/** Start of the clause that contains `index` (after the last `;`, `:`, "(b)" or sentence start). */
export function clauseStart(text: string, index: number): number {
  let start = 0
  CLAUSE_BOUNDARY.lastIndex = 0
  for (const m of text.matchAll(CLAUSE_BOUNDARY)) {
    if (m.index === undefined || m.index >= index) break
    start = m.index + m[0].length
  }
  return start
}

function roleOf(words: string, names: Map<string, Party>): Party {
  let best: Party = 'unknown'
  let bestAt = -1
  const consider = (at: number, role: Party): void => {
    if (at > bestAt) {
      bestAt = at
      best = role
    }
  }
  for (const re of [PROVIDER, CUSTOMER]) {
    const g = new RegExp(re.source, 'gi')
    for (const m of words.matchAll(g)) consider(m.index ?? 0, re === PROVIDER ? 'provider' : 'customer')
  }
  if (names.size) {
    const lower = words.toLowerCase()
    for (const [name, role] of names) {
      const at = lower.lastIndexOf(name)
      if (at >= 0 && /\W/.test(lower[at + name.length] ?? ' ') && /\W/.test(lower[at - 1] ?? ' ')) consider(at, role)
    }
  }
  return best
}

/** Which party a statement at `index` binds: the subject before the obligation verb of its clause. */
export function boundParty(text: string, index: number, names: Map<string, Party> = new Map()): Party {
  const from = clauseStart(text, index)
  const clause = text.slice(from, Math.min(text.length, index + 160))
  const rel = index - from
  let subjectEnd = -1
  OBLIGATION.lastIndex = 0
  for (const m of clause.matchAll(OBLIGATION)) {
    if ((m.index ?? 0) <= rel + 40) subjectEnd = m.index ?? 0
    if ((m.index ?? 0) > rel) break
  }
  if (subjectEnd >= 0) {
    const subject = clause.slice(Math.max(0, subjectEnd - 80), subjectEnd)
    const role = roleOf(subject, names)
    if (role !== 'unknown') return role
  }
  // passive: "… must be maintained by the Client"
  const by = /\bby (?:the )?([A-Z][\w]+|you|us)\b/.exec(clause.slice(rel))
  if (by) return roleOf(by[1]!, names)
  return 'unknown'
}

/** Index of the first obligation verb in `text` whose subject is the customer, or -1. */
export function customerObligation(text: string, names: Map<string, Party>): number {
  OBLIGATION.lastIndex = 0
  for (const m of text.matchAll(OBLIGATION)) {
    const at = m.index ?? 0
    if (/^(?:warrants?|represents?)$/i.test(m[0])) continue
    const from = clauseStart(text, at)
    const subject = text.slice(Math.max(from, at - 80), at)
    if (roleOf(subject, names) === 'customer') return at
  }
  return -1
}

/** Is the phrase at `index` inside the scope of a negation in its clause ("does not guarantee …", "not … uninterrupted")? */
export function isNegated(text: string, index: number): boolean {
  const from = Math.max(clauseStart(text, index), index - 120)
  return NEGATION.test(text.slice(from, index).replace(RESTRICTING, ' '))
}

// "not limited to", "no later than", "not less than" restrict a statement; they do not negate it.
const RESTRICTING = /\b(?:but )?not limited to\b|\bno (?:later|more|less|fewer|sooner) than\b|\bnot (?:later|more|less|fewer) than\b|\bnot exceeding\b|\bwithout limit(?:ing|ation)\b|\bno later\b/gi

/** Is the sentence a disclaimer ("makes no warranty", "as is", "does not guarantee")? */
export function isDisclaimer(sentence: string): boolean {
  return DISCLAIMER.test(sentence)
}

// Another document, by name: "the Order Form", "Schedule B", "Provider's Support Policy", "the Service Desk Guide".
const DOC_NAME =
  "(?:order form|cover page|key terms|statement of work|sow|(?:schedule|exhibit|annex(?:ure)?|appendix|attachment)\\s+[A-Z0-9]{1,3}\\b|(?:[A-Z][\\w&'’-]*\\s+){0,4}(?:Policy|Guide|Runbook|Handbook|Manual|Playbook|Addendum|Service Description|Service Schedule|Rate Card|Price List|Fee Schedule|Pricing Schedule|Proposal|Quotation|Quote|Work Order|Ordering Document)\\b|(?:support|sla|service level) (?:policy|terms|schedule|agreement)|sla\\b|documentation)"
// "as set out in the Order Form", "specified in Schedule B", "under the Support Policy", "per the Statement of Work"
const DELEGATION = new RegExp(
  `\\b(?:as (?:set (?:out|forth)|specified|described|defined|stated|detailed|listed|agreed|provided|identified|outlined|indicated|documented|shown) (?:in|on|under)|(?:set (?:out|forth)|specified|described|detailed|listed|stated|identified|outlined|contained|documented|shown|defined|given|found|recorded|agreed) (?:in|on|under)|in accordance with|in line with|pursuant to|per|under|according to|governed by|subject to|in|on)\\s+(?:the\\s+|an?\\s+|each\\s+|any\\s+|its\\s+|our\\s+|applicable\\s+|relevant\\s+|then-current\\s+|current\\s+|separate\\s+|[A-Z][\\w-]*(?:'s|’s)\\s+){0,4}(${DOC_NAME})`,
  'i',
)
const DOC_CELL = new RegExp(`^(?:the\\s+)?(${DOC_NAME})`, 'i')

export interface DelegationHit {
  readonly target: string
  readonly start: number
  readonly end: number
}

/**
 * A value placed in another document: an explicit reference ("as set out in the Order Form"), or a
 * cover-page/order-form variable in the text whose name matches `topic` ("Target Response Time").
 * `offset` is where `text` starts in the block.
 */
export function delegation(text: string, options: {block?: Block; offset?: number; doc?: Document; topic?: RegExp} = {}): DelegationHit | undefined {
  const {block, doc, topic} = options
  const offset = options.offset ?? 0
  const m = DELEGATION.exec(text)
  if (m && m.index !== undefined) {
    const target = m[1]!.replace(/\s+/g, ' ').trim()
    if (!(doc && targetInDocument(doc, target)) && !/^this\b/i.test(target)) return {target, start: m.index, end: m.index + m[0].length}
  }
  // A key-terms table: "Support Hours | Order Form, section 3"
  if (block?.cells && block.cells.length >= 2) {
    for (const cell of block.cells.slice(1)) {
      const c = DOC_CELL.exec(cell.trim())
      if (c && !(doc && targetInDocument(doc, c[1]!))) return {target: c[1]!.trim(), start: 0, end: text.length}
    }
  }
  if (block && topic) {
    for (const v of block.variables) {
      if (v.start < offset || v.end > offset + text.length) continue
      if (!topic.test(block.text.slice(v.start, v.end))) continue
      if (/orderform|coverpage|sow|keyterms|order_form|cover_page/i.test(v.kind)) {
        const target = /sow/i.test(v.kind) ? 'Statement of Work' : /cover/i.test(v.kind) ? 'Cover Page' : 'Order Form'
        return {target, start: v.start - offset, end: v.end - offset}
      }
    }
  }
  return undefined
}

/** Does the document itself hold the referenced schedule/exhibit (so it is not another document)? */
export function targetInDocument(doc: Document, target: string): boolean {
  const t = target.toLowerCase()
  if (!/^(?:schedule|exhibit|annex|appendix|attachment)\s/.test(t)) return false
  return doc.sections.some((s) => s.title.toLowerCase().startsWith(t) || s.path.some((p) => p.toLowerCase().startsWith(t)))
}

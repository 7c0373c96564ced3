// Term scanning for language rules: compiled term lists and the readings that excuse a match.
import type {Block, Document, Sentence} from './types.js'
import {boundParty, firstParty, isDisclaimer, isNegated, partyNames} from './reading.js'

export interface Term {
  readonly pattern: string
  readonly suggestion: string
  /** The kind of value that makes the term measurable when it sits in the same sentence. */
  readonly needs?: string
}

export interface CompiledTerm {
  readonly re: RegExp
  readonly suggestion: string
  readonly needs: string
}

export interface TermHit {
  readonly block: Block
  readonly sentence: Sentence
  readonly start: number
  readonly end: number
  readonly text: string
  readonly term: CompiledTerm
}

/** Compile a term list once (case-insensitive, global). */
export function compileTerms(terms: readonly Term[]): CompiledTerm[] {
  return terms.map((t) => ({re: new RegExp(t.pattern, 'gi'), suggestion: t.suggestion, needs: t.needs ?? 'any'}))
}

const DEFINITION_SECTION = /definition|interpretation|glossary/i
const DEFINES = /\b(?:means|shall mean|refers to|is defined as|has the meaning)\b/i

/** Is the block a definition (in a Definitions section, or a "X means …" sentence)? */
export function isDefinition(block: Block, sentence: Sentence): boolean {
  if (block.section.path.some((p) => DEFINITION_SECTION.test(p))) return true
  return once(definitions, sentence, () => DEFINES.test(sentence.text))
}

// Sentence-wide readings are computed once per sentence, not once per hit (a long sentence can hold thousands).
const definitions = new WeakMap<Sentence, boolean>()
const disclaimers = new WeakMap<Sentence, boolean>()

function once(cache: WeakMap<Sentence, boolean>, sentence: Sentence, compute: () => boolean): boolean {
  let v = cache.get(sentence)
  if (v === undefined) {
    v = compute()
    cache.set(sentence, v)
  }
  return v
}

/** Every match of the terms in the document's prose, one per overlapping span, in document order. */
export function scanTerms(doc: Document, terms: readonly CompiledTerm[]): TermHit[] {
  const hits: TermHit[] = []
  for (const block of doc.blocks) {
    for (const sentence of block.sentences) {
      const found: TermHit[] = []
      for (const term of terms) {
        term.re.lastIndex = 0
        for (const m of sentence.text.matchAll(term.re)) {
          const start = sentence.start + (m.index ?? 0)
          found.push({block, sentence, start, end: start + m[0].length, text: m[0], term})
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end)
      let last = -1
      for (const h of found) {
        if (h.start < last) continue
        hits.push(h)
        last = h.end
      }
    }
  }
  return hits
}

const BOILERPLATE = /indemn|force majeure|confidential|liabilit|dispute|general|miscellaneous|notices?\b|governing|assignment|termination|privacy|insurance|compliance|severab|entire agreement|defen[cs]e|third[- ]party claims|claims/i

/** The readings that make a promise-like phrase not a promise by the provider. */
export function excused(doc: Document, hit: TermHit): 'negated' | 'disclaimer' | 'customer' | 'mutual' | undefined {
  const s = hit.sentence.text
  const at = hit.start - hit.sentence.start
  if (once(disclaimers, hit.sentence, () => isDisclaimer(s))) return 'disclaimer'
  if (isNegated(s, at)) return 'negated'
  // "the Client's timely performance": the customer's own action
  if (/\b(?:client|customer|licensee|subscriber)(?:'s|’s)\s+(?:\w+\s+){0,1}$/i.test(s.slice(Math.max(0, at - 40), at))) return 'customer'
  let party = boundParty(s, at, partyNames(doc))
  // an item of a list ("- keep …", "(d) notify …") is bound by the sentence that introduced the list
  if (party === 'unknown' && hit.sentence.index === 0 && (hit.block.kind === 'list-item' || /^\s*\(?[a-z0-9]{1,3}[.)]\s/i.test(hit.block.text))) party = introducer(doc, hit.block)
  if (party === 'customer') return party
  // duties of either party are procedure in the boilerplate (indemnities, force majeure, confidentiality), not a service promise
  if (party === 'mutual' && hit.block.section.path.some((p) => BOILERPLATE.test(p))) return party
  return undefined
}

/** The party bound by the sentence that introduces a list ("The Client will:" → customer). */
function introducer(doc: Document, item: Block): ReturnType<typeof boundParty> {
  const i = doc.blocks.indexOf(item)
  for (let j = i - 1; j >= 0 && j >= i - 12; j--) {
    const b = doc.blocks[j]!
    if (b.kind === 'list-item' || b.kind === 'heading' || /^\s*\(?[a-z0-9]{1,3}[.)]\s/i.test(b.text)) continue
    const last = b.sentences[b.sentences.length - 1]
    if (!last) return 'unknown'
    const names = partyNames(doc)
    const bound = boundParty(last.text, Math.max(0, last.text.length - 1), names)
    // "Client acknowledges that …, including:" — the party the introducing sentence is about
    if (bound !== 'unknown') return bound
    // "Client acknowledges that …, including:": the sentence's own subject, when it opens with a party
    const subject = /^\W*(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)/.exec(last.text)
    return subject ? firstParty(subject[1]!, names) : 'unknown'
  }
  return 'unknown'
}

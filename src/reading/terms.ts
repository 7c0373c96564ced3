// Term scanning for language rules: compiled term lists, the term-list options, the scan, and the readings that
// excuse a match.
import type {Block, Sentence} from '../types.js'
import {needs, requiredLiterals, skipClass} from '../text.js'
import {LinearRegExp} from '../user-regex.js'
import {CONTINUING_SUBCLAUSE} from './lists.js'
import {isDisclaimer, type Party} from './parties.js'
import {phraseSource, phrasesRegExp} from './phrases.js'
import type {Prose} from './sentences.js'
import type {TextCache} from './texts.js'

export {requiredLiterals}

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
  /** Lower-case strings one of which every match contains, or undefined when the pattern gives none (see requiredLiterals). */
  readonly literals?: readonly string[] | undefined
}

export interface TermHit {
  readonly block: Block
  readonly sentence: Sentence
  readonly start: number
  readonly end: number
  readonly text: string
  readonly term: CompiledTerm
}

/** Compile a term list once (case-insensitive, global). `linear`: terms written by users, matched by RE2 in linear time. */
export function compileTerms(terms: readonly Term[], linear = false): CompiledTerm[] {
  return terms.map((t) => {
    const literals = requiredLiterals(t.pattern)
    return {re: linear ? new LinearRegExp(t.pattern, 'gi') : new RegExp(aheadOfLookbehind(t.pattern), 'gi'), suggestion: t.suggestion, needs: t.needs ?? 'any', literals: linear ? withoutFoldedS(literals) : literals}
  })
}

/**
 * A pattern that opens with a lookbehind ("(?<!amended )\bfrom time to time\b"), with what follows the lookbehind
 * also written as a lookahead before it: the same matches, but the lookbehind, which walks back over the text, is
 * tried only where the rest matches (V8 tries a leading lookbehind at every position first). The pattern itself when
 * it does not open so, or when the copy would change its groups (named groups, back-references).
 */
export function aheadOfLookbehind(source: string): string {
  if (!source.startsWith('(?<=') && !source.startsWith('(?<!')) return source
  if (/\\[1-9k]|\(\?<[^=!]/.test(source)) return source
  const close = walkPattern(source, (c, depth) => c === ')' && depth === 0)
  if (close < 0) return source
  const rest = source.slice(close + 1)
  // an alternation at the top level would leave the lookbehind to its first alternative only
  return rest === '' || topLevelBar(rest) ? source : `(?=${rest})${source}`
}

/** Does the pattern have a "|" outside its groups and classes? */
function topLevelBar(source: string): boolean {
  return walkPattern(source, (c, depth) => c === '|' && depth === 0) >= 0
}

/**
 * Walks a pattern's syntax, skipping escapes and character classes: `at` sees each other character with the depth of
 * groups it stands in (a group's own parentheses stand outside it). The index of the first character `at` accepts,
 * or -1.
 */
function walkPattern(source: string, at: (c: string, depth: number) => boolean): number {
  let depth = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === '\\') i++
    else if (c === '[') i = skipClass(source, i) - 1
    else {
      if (c === ')') depth--
      if (at(c, depth)) return i
      if (c === '(') depth++
    }
  }
  return -1
}

/**
 * The literals of a pattern matched by RE2, which folds case by Unicode: its "s" also matches the long s "ſ", whose
 * lower case is itself, so a lower-cased text need not contain a literal with an "s" where the pattern matches (its
 * "k" also matches the Kelvin sign, whose lower case is "k"). Every part of a literal is in the match too: each literal
 * is cut to its longest part without an "s"; undefined when a literal has none.
 */
function withoutFoldedS(literals: readonly string[] | undefined): string[] | undefined {
  if (!literals) return undefined
  const out: string[] = []
  for (const l of literals) {
    const part = l.split('s').reduce((a, b) => (b.length > a.length ? b : a), '')
    if (part === '') return undefined
    out.push(part)
  }
  return out
}

/** Every literal of a term list, each once, in the order of the terms: kept per list (a rule's list is the same array for every document). */
const LIST_LITERALS = new WeakMap<readonly CompiledTerm[], readonly string[]>()
function literalsOf(terms: readonly CompiledTerm[]): readonly string[] {
  let out = LIST_LITERALS.get(terms)
  if (out === undefined) LIST_LITERALS.set(terms, (out = [...new Set(terms.flatMap((t) => t.literals ?? []))]))
  return out
}

/**
 * Every match of the terms in the document's prose, one per overlapping span, in document order. A match holds one of
 * its term's literals and a sentence is a slice of its block, so a term is tried only in the blocks that contain one
 * of its literals (the prose pass finds those once per literal for the document); a term without literals, everywhere.
 */
export function scanTerms(prose: Prose, terms: readonly CompiledTerm[]): TermHit[] {
  const hits: TermHit[] = []
  const blocks = prose.blocks
  // per block, the terms to try there, in the order of `terms` (ties between matches keep that order)
  let active: Array<CompiledTerm[] | undefined> | undefined
  // for a block of several sentences, beside each of its terms the term's literals the block holds (undefined: the
  // term has none)
  let present: Array<Array<string[] | undefined> | undefined> | undefined
  // mark[i] === k: the k-th term is already listed for block i (a block may hold several of a term's literals)
  let mark: Int32Array | undefined
  let k = 0
  // one pass over the document finds the blocks of every literal of the list (the list's literals read once per list)
  prose.find(literalsOf(terms))
  for (const term of terms) {
    k++
    const literals = term.literals
    if (!literals) {
      active ??= new Array<CompiledTerm[] | undefined>(blocks.length)
      present ??= new Array<Array<string[] | undefined> | undefined>(blocks.length)
      for (let i = 0; i < blocks.length; i++) {
        ;(active[i] ??= []).push(term)
        if (blocks[i]!.sentences.length > 1) (present[i] ??= []).push(undefined)
      }
      continue
    }
    for (const literal of literals) {
      for (const i of prose.blocksWith(literal)) {
        active ??= new Array<CompiledTerm[] | undefined>(blocks.length)
        present ??= new Array<Array<string[] | undefined> | undefined>(blocks.length)
        mark ??= new Int32Array(blocks.length)
        const several = blocks[i]!.sentences.length > 1
        if (mark[i] === k) {
          // the term is the last listed for the block
          if (several) present[i]!.at(-1)!.push(literal)
          continue
        }
        mark[i] = k
        ;(active[i] ??= []).push(term)
        if (several) (present[i] ??= []).push([literal])
      }
    }
  }
  if (!active) return hits
  for (let i = 0; i < blocks.length; i++) {
    const list = active[i]
    const held = present?.[i]
    if (list) blockHits(blocks[i]!, list, hits, held ? {lower: prose.lower(i), held} : undefined)
  }
  return hits
}

/** A block's lower-cased text, and beside each term of its list the term's literals the text holds (undefined: none asked). */
interface Held {
  readonly lower: string
  readonly held: ReadonlyArray<readonly string[] | undefined>
}

/**
 * The hits of the terms in one block's sentences, appended to `hits`: per sentence in order, overlaps dropped. Given
 * the block's lower-cased text and the literals it holds, a term is tried only on the sentences that hold one of them.
 */
function blockHits(block: Block, list: readonly CompiledTerm[], hits: TermHit[], literals?: Held): void {
  const sentences = block.sentences
  const holds = literals !== undefined && sentences.length > 1 && literals.lower.length === block.text.length ? sentencesHolding(sentences, literals) : undefined
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si]!
    let found: TermHit[] | undefined
    for (let ti = 0; ti < list.length; ti++) {
      if (holds !== undefined && holds[ti * sentences.length + si] === 0) continue
      const term = list[ti]!
      const re = term.re
      re.lastIndex = 0
      for (let m = re.exec(sentence.text); m !== null; m = re.exec(sentence.text)) {
        if (m[0] === '') re.lastIndex++
        const start = sentence.start + m.index
        ;(found ??= []).push({block, sentence, start, end: start + m[0].length, text: m[0], term})
      }
      re.lastIndex = 0
    }
    if (!found) continue
    if (found.length > 1) found.sort((a, b) => a.start - b.start || b.end - a.end)
    let last = -1
    for (const h of found) {
      if (h.start < last) continue
      hits.push(h)
      last = h.end
    }
  }
}

/**
 * For each term of a block's list and each sentence, 1 when the sentence holds one of the literals the block holds of
 * the term (or the term has none), at [term × sentences + sentence]. The lower-cased text must have the block's length
 * (so offsets agree).
 */
function sentencesHolding(sentences: readonly Sentence[], {lower, held}: Held): Uint8Array {
  const n = sentences.length
  const holds = new Uint8Array(held.length * n)
  for (let ti = 0; ti < held.length; ti++) {
    const literals = held[ti]
    const base = ti * n
    if (!literals) {
      holds.fill(1, base, base + n)
      continue
    }
    for (const literal of literals) {
      let si = 0
      for (let at = lower.indexOf(literal); at >= 0 && si < n; ) {
        // the sentence the literal lies in, if any (sentences are in order and do not overlap)
        while (si < n && sentences[si]!.end < at + literal.length) si++
        if (si === n) break
        const sentence = sentences[si]!
        if (sentence.start <= at) {
          holds[base + si] = 1
          if (++si === n) break
          at = lower.indexOf(literal, sentences[si]!.start)
        } else at = lower.indexOf(literal, sentence.start)
      }
    }
  }
  return holds
}

const NO_HITS: readonly number[] = Object.freeze([])

/**
 * scanTerms for a caller that keeps block readings (an editor re-linting after an edit): the hits of each block are
 * kept by the block's text (a block's sentences, and so its hits, depend on its text alone), as the sentence's place in
 * the block, start, end and the term's place in the list; an unchanged block is not scanned again. The same hits as
 * scanTerms, in the same order.
 */
export function scanTermsKept(prose: Prose, terms: readonly CompiledTerm[], texts: TextCache, column: <T>(kind: object, blocks: readonly Block[], make: (block: Block, i: number) => T) => readonly T[]): TermHit[] {
  // the patterns (and their engine), in order, name the reading: two lists of the same patterns find the same hits
  let name = KIND_NAMES.get(terms)
  if (name === undefined) KIND_NAMES.set(terms, (name = `terms\u0000${terms.map((t) => `${t.re.constructor === RegExp ? '' : 'linear:'}${t.re.flags}/${t.re.source}`).join('\u0000')}`))
  const hits: TermHit[] = []
  const blocks = prose.blocks
  // each block's hits as a column: a re-lint looks up the blocks an edit changed alone
  const found = column(texts.kind(name), blocks, (block, i): readonly number[] => {
    const lower = prose.lower(i)
    const list = terms.filter((t) => !t.literals || t.literals.some((l) => lower.includes(l)))
    if (list.length === 0) return NO_HITS
    const out: TermHit[] = []
    blockHits(block, list, out, block.sentences.length > 1 ? {lower, held: list.map((t) => t.literals?.filter((l) => lower.includes(l)))} : undefined)
    return out.length ? out.flatMap((h) => [block.sentences.indexOf(h.sentence), h.start, h.end, terms.indexOf(h.term)]) : NO_HITS
  })
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    const at = found[i]!
    for (let k = 0; k < at.length; k += 4) {
      const sentence = block.sentences[at[k]!]!
      const start = at[k + 1]!
      const end = at[k + 2]!
      hits.push({block, sentence, start, end, text: block.text.slice(start, end), term: terms[at[k + 3]!]!})
    }
  }
  return hits
}
/** The name of the kind of block reading that holds a term list's hits, once per list. */
const KIND_NAMES = new WeakMap<readonly CompiledTerm[], string>()

const BOILERPLATE = /indemn|force majeure|confidential|liabilit|dispute|general|miscellaneous|notices?\b|governing|assignment|termination|privacy|insurance|compliance|severab|entire agreement|defen[cs]e|third[- ]party claims|claims/i

/** The readings that excuse a hit (a Reading provides them, each kept once per document). */
export interface ExcuseReadings {
  isDisclaimer(sentence: Sentence): boolean
  isNegated(text: string, index: number): boolean
  boundParty(text: string, index: number): Party
  /** The party bound by the sentence that introduces the list a block belongs to. */
  introducingParty(block: Block): Party
  /** The sentence that introduced the list a block belongs to, when it ends in ":" or "the following". */
  listIntro(block: Block): string | undefined
  /** The first party a text names (with the names the agreement gives its parties). */
  firstParty(text: string): Party
  /** The party that sent the message a block belongs to, in a thread of messages or a chat ('unknown' elsewhere). */
  messageSender(block: Block): Party
  /** Are the block's words quoted from others (a quotation with its speaker, a block quote of the reader's message)? */
  quotedFromOthers(block: Block): boolean
  /** The list items of the list a list item belongs to, in order. */
  listItems(item: Block): readonly Block[]
}

// "at no additional cost to the Customer": the price of an act, not its negation
const NO_COST = /\b(?:at|for|with)\s+no\s+(?:additional\s+|extra\s+|further\s+|separate\s+)?(?:cost|charge|fee)s?\b/gi
// a passive agent ("as may be reasonably requested by the Customer") names who asks, not who is bound
const AGENT = needs(/\b(?:as|if|when|where)\s+(?:may\s+be\s+|is\s+|are\s+)?(?:reasonably\s+)?(?:requested|required|directed|approved|agreed|instructed|specified|determined)\s+by\s+(?:the\s+)?[\w'’-]+/gi)

/** How far around a hit the clause readings look (as far as a clause reaches). */
const REACH = 400

/**
 * The text around `at` rewritten by `edit`, as [text, index of at]; the text itself when `edit` changes nothing (so the
 * readings' memos hold). A long text is cut to the window a clause reaches, so each hit costs a bounded time.
 */
function rewritten(text: string, at: number, edit: (window: string, at: number) => string | undefined): [string, number] {
  const from = text.length <= 2 * REACH ? 0 : Math.max(0, at - REACH)
  const window = from === 0 && text.length <= 2 * REACH ? text : text.slice(from, Math.min(text.length, at + REACH))
  const edited = edit(window, at - from)
  return edited === undefined ? [text, at] : [edited, at - from]
}

/** The window with its "at no cost" phrases blanked out, or undefined when it has none. */
function withoutNoCost(window: string): string | undefined {
  NO_COST.lastIndex = 0
  if (!NO_COST.test(window)) return undefined
  return window.replace(NO_COST, (m: string) => ' '.repeat(m.length))
}

// Reading: a dash that opens a clause with a subject of its own ("Some things aren't covered and may cost extra – we'll
// always talk to you first") ends the reach of a negation before it, as a full stop would
const DASH_CLAUSE = /\s[\u2013\u2014-]{1,2}\s+(?=(?:we|I|you|they|he|she)\b)/gi
/** The window with its "at no cost" phrases blanked out and the words before a dash clause that holds `at` blanked, or undefined when neither applies. */
function negationView(window: string, at: number): string | undefined {
  let text = withoutNoCost(window) ?? window
  let cut = -1
  DASH_CLAUSE.lastIndex = 0
  for (let m = DASH_CLAUSE.exec(text); m !== null && m.index < at; m = DASH_CLAUSE.exec(text)) cut = m.index + m[0].length
  if (cut > 0) text = ' '.repeat(cut) + text.slice(cut)
  return text === window ? undefined : text
}

/** The window with a coordinated duty joined to the first duty and passive agents after `at` blanked out, or undefined. */
function partyView(window: string, at: number): string | undefined {
  let text = window
  const before = text.slice(Math.max(0, at - 40), at)
  const m = COORDINATED_DUTY.exec(before)
  if (m) {
    const coordinated = Math.max(0, at - 40) + m.index
    const first = DUTY.exec(text)
    if (first && first.index + first[0].length < coordinated) {
      const from = first.index + first[0].length
      text = text.slice(0, from) + ' '.repeat(coordinated - from) + text.slice(coordinated)
    }
  }
  AGENT.lastIndex = 0
  if (AGENT.test(text.slice(at))) text = text.replace(AGENT, (agent: string, i: number) => (i >= at ? ' '.repeat(agent.length) : agent))
  return text === window ? undefined : text
}

// a duty coordinated with an earlier one and without a subject of its own ("Provider shall give the Customer notice …
// and shall minimise …") binds the subject of the first duty, not the last party named before it
const DUTY = /\b(?:shall|will|must)\b/i
const COORDINATED_DUTY = /\b(?:and|but)\s+(?:shall|will|must)\s+(?:[\w'’-]+\s+){0,2}$/i

// a role that either party may hold
const ROLE = needs(/\bthe (?:indemnified|indemnifying|receiving|disclosing|affected|notifying|claiming|requesting|breaching|non-breaching|defaulting|non-defaulting|protected|terminating) part(?:y|ies)\b/i)

/** Thanks for the thing the term describes, right before the term: "Thanks for the", "thank you so much for your". */
const THANKED = needs(/\b(?:thanks|thank\s+you|many\s+thanks)\s+(?:(?:so|very)\s+much\s+)?(?:again\s+)?for\s+(?:the|your|such\s+an?|this|that|all\s+the)\s+(?:[\w'\u2019-]+\s+)?$/i)
const CONCESSIVE = /^\W*(?:(?:\d+(?:\.\d+)*\.?|\(?[a-z]{1,3}[.)]|\(\d{1,2}\))\s+)?(?:[A-Z][A-Za-z]{0,11}\W{0,3}:\W*)?(?:although|though|even though|while|whilst|despite)\b[^.;]{0,160},\s*(?:we|it|the \w+|\w+)\s+(?:cannot|can ?not|can't|do(?:es)? not|don't|doesn't|will not|won't|shall not|is unable to|are unable to)\s+(?:promise|guarantee|warrant|commit|ensure|assure)\b/i

// A heading that names the customer's duties ("5. Client duties", "Your responsibilities", "What we need from you")
// (with up to two words between that are not the provider's: "Your security duties", "Your team's part", not "Your
// service provider's duties"; or asking of the reader: "What we ask of you", "How you can help us")
const CUSTOMER_DUTIES =
  /\b(?:client|customer|subscriber|licensee|buyer|your?|school|practice|clinic|surgery|firm|institution)(?:['’]s)?\s+(?:(?!(?:provider|supplier|contractor|vendor|msp|support|service|our)\b)[a-z-]+(?:['’]s)?\s+){0,2}?(?:duties|responsibilities|obligations|commitments|undertakings|part|side|role)\b|\bwhat (?:we (?:need|ask|expect|require) (?:from|of) you|you (?:need to do|must do|do|agree to)|(?:the\s+|your\s+)?(?:client|customer|subscriber|licensee|buyer|school|practice|clinic|surgery|firm|institution|office|team|company|business)\s+(?:needs? to do|must do|has to do|should do|does|agrees? to(?: do)?))\b|\bhow you can help\b/i
// A lead-in that asks the reader ("To help us keep you safe, please:", "We ask that you:"): its list is the customer's
const ASKING_INTRO = /^\W*(?:please|kindly)\b|\b(?:please|kindly)\W*$/i
// an imperative: the sentence opens with a verb, no subject, no modal ("Tell MSP promptly about leavers", "Keep PCs patched"),
// in capitals or not and after an adverb of manner ("- promptly tell us about new starters")
const OPENING_WORD = /^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?(?:[A-Za-z]+ly\s+)?([A-Za-z][a-z]+)\s/
const NOT_A_VERB = /^(?:the|a|an|all|any|each|every|this|these|those|our|your|its|their|we|you|it|they|there|if|when|where|no|some|most|many|i|he|she)$/i
const isImperative = (sentence: string): boolean => {
  const first = OPENING_WORD.exec(sentence)?.[1]
  return first !== undefined && !NOT_A_VERB.test(first)
}
const MODAL = /\b(?:will|shall|must|should|may|can|could|would|is|are|was|were|be|been|has|have|had)\b/i

// An imperative addressed to the reader: a verb of a request or a conduct the customer keeps, opening the sentence
const READER_IMPERATIVE = /^\W*(?:(?:please|kindly|also|always|and|but|so|just|then|now)\b[\s,]+){0,3}(?:let|tell|report|notify|inform|contact|call|ring|phone|e-?mail|send|give|keep|make sure|ensure|lock|avoid|raise|log|book|return|pay|nominate|name|alert|warn|(?:don['’]t|do not|never)\s+(?:leave|let|share|give|install|forget|wait|delay))\b/i
// one that names the provider as "us" or "me" right after its verb: "Let us know", "Tell me", "Send us"
const READER_IMPERATIVE_US = /^\W*(?:(?:please|kindly|also|always|and|but|so|just|then|now)\b[\s,]+){0,3}[a-z]+\s+(?:us|me)\b/i
// Words that open a sentence without changing its mood: a conjunction or a sentence adverb ("And", "But", "So", "Also,")
const SENTENCE_OPENERS = /^\W*(?:(?:and|but|so|also|then|now|oh|ok(?:ay)?)\b[\s,]+){1,3}/i
/** A subject or a modal before the term: the sentence's own statement, not the imperative's (", and we'll …"). */
const SUBJECT_BEFORE = /\b(?:we|i|you|they|it|he|she)\b(?!\s*\))|['’](?:ll|re|ve|d)\b|\b(?:will|shall|must|should|may|can|could|would|is|are|was|were)\b/i
/** "Always" or "Never" opening a sentence, then a bare verb (no participle, no state) and its object: an instruction. */
const ADVERB_IMPERATIVE = /^\W*(?:(?:\d+(?:\.\d+)*\.?|\(?[a-z0-9]{1,3}[.)])\s+)?(?:always|never)\s+(?!(?:be|been|being|is|are|was|were|on|up|down|off|available|online|open|ready|there|here)\b)[a-z]{2,}(?<!ed|en|ing|ly|s)\s+(?:(?:off|on|up|down|out|in|away|back|over)\s+)?(?:the|a|an|your|our|its|their|this|that|these|those|any|every|each|all|it|them|yourself|anyone|anything)\b/i
/** What the reader is promised to be spared: "Never lose a file again", "Never wait for a fix". */
const SPARED = /^\W*(?:always|never)\s+(?:lose|miss|worry|wait|experience|suffer|face|fear|pay|struggle)\b|\bagain\b/i
/** Is the hit in an imperative addressed to the reader (see excused), with `before` the sentence's text before the term? */
function readerImperative(hit: TermHit, before: string): boolean {
  const kind = hit.block.kind
  if (kind !== 'paragraph' && kind !== 'list-item') return false
  const sentence = hit.sentence.text
  if (!READER_IMPERATIVE.test(sentence) || (kind === 'list-item' && !READER_IMPERATIVE_US.test(sentence))) return false
  // nothing after the imperative states anything of its own before the term ("Tell us, and we'll fix it promptly")
  return !SUBJECT_BEFORE.test(before)
}

// The provider named in the first person after an imperative's verb: "so we can wipe it", "Tell us", "our help desk"
const PROVIDER_NAMED = /\b(?:we|us|our|me|my)\b|\bwe['’](?:ll|d)\b/i
// A title under which a list states the provider's services or acts ("Services", "What we do", "Our part", "Included"; not
// "Help us help you", "Things we need from you")
const PROVIDER_TITLE = /\b(?:services?|included|inclusions?|scope|provider|supplier|contractor|msp|what you get|deliverables|what we (?:do|provide|cover|offer)|we will|we['’]ll|our (?:part|side|jobs?|duties|responsibilities|obligations|commitments?|promises?|work|team))\b/i

/**
 * Does a list speak to the reader: an item of it opens with a verb of a request or a conduct the customer keeps (see
 * READER_IMPERATIVE) and names the provider in the first person after it, the list stands under no title of the
 * provider's services or acts, and no sentence that binds the provider introduces it?
 */
function readerList(item: Block, r: ExcuseReadings): boolean {
  if (item.section.path.some((p) => PROVIDER_TITLE.test(p)) || r.introducingParty(item) === 'provider') return false
  return r.listItems(item).some((b) => {
    // (an item's bold title is its first words: "1. **Unlimited support.** Call us …" opens with no request)
    const opening = b.title ?? b
    const first = opening.sentences[0]?.text ?? opening.text
    const verb = READER_IMPERATIVE.exec(first)
    return verb !== null && PROVIDER_NAMED.test(first.slice(verb.index + verb[0].length))
  })
}

/** A duty with a subject of its own right before the term: "Crews must always ", "Site staff shall ", "(c) Users must not ". */
const OWN_DUTY = /^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?(?:(?:the|all|each|every|any)\s+)?[A-Za-z][\w'’&/-]*(?:\s+[A-Za-z][\w'’&/-]*){0,3}\s+(?:must|shall|(?:is|are)\s+(?:required|obliged)\s+to|ha(?:s|ve)\s+to|needs?\s+to)\s+(?:not\s+)?(?:[a-z]+\s+)?$/
// a title's words that give a party duties
const DUTY_TITLE = /\b(?:duties|responsibilities|obligations|commitments|undertakings|part|side|role)\b/i

/** Does a title give the customer its duties, by a word for the customer or a name the agreement gives it ("B&S responsibilities")? */
function customerDutiesTitle(title: string, r: ExcuseReadings): boolean {
  return CUSTOMER_DUTIES.test(title) || (DUTY_TITLE.test(title) && r.firstParty(title) === 'customer')
}

/** Is a list item introduced by a paragraph of its own section (whose subject then binds it)? */
function introducedInSection(block: Block): boolean {
  if (block.kind !== 'list-item') return false
  for (const b of block.section.blocks) {
    if (b === block) return false
    if (b.kind === 'paragraph') return true
  }
  return false
}

// A lead-in or a title that says what is left out: "Not included in any plan:", "The following are excluded:", "Out of scope"
const EXCLUDING =
  /\b(?:not|never)\s+(?:be\s+)?(?:included|covered|provided|offered|supplied|part of)\b|\bexclu(?:des?|ded|ding|sions?)\b|\bout(?:side)?\s+(?:of\s+)?(?:the\s+)?scope\b|\b(?:does|do|will)\s+not\s+(?:include|cover)\b|\bnot\s+in\s+(?:the|any|your|our)\s+(?:plans?|scope|packages?|services?)\b/i
// a verb or a party after the colon starts a statement of its own ("Not included: nothing. We will always …")
const STATEMENT = /\b(?:will|shall|must|is|are|we|you|i)\b|['’]ll\b/i

/**
 * Is the hit an item of what the agreement says is left out? The items of a list (or a run after a colon) introduced as
 * not included are named to be excluded, not promised: "Not included in any plan: unlimited storage, guaranteed
 * uptime", a list under "The following are not covered:" or under a title "Not included".
 */
function excludedItem(hit: TermHit, s: string, at: number, r: ExcuseReadings): boolean {
  const colon = s.lastIndexOf(':', at)
  if (colon > 0 && EXCLUDING.test(s.slice(Math.max(0, colon - 120), colon)) && !STATEMENT.test(s.slice(colon + 1, at))) return true
  if (hit.block.kind !== 'list-item' || hit.sentence.index !== 0) return false
  const intro = r.listIntro(hit.block)
  if (intro !== undefined) return EXCLUDING.test(intro)
  // a list the section's title introduces itself (no paragraph before it in the section)
  return !introducedInSection(hit.block) && EXCLUDING.test(hit.block.section.title)
}

/** Is the hit inside a header label of a table row ("Always Included: Yes")? Rows read "Header: cell | Header: cell". */
function isHeaderLabel(hit: TermHit): boolean {
  const heads = hit.block.header
  if (hit.block.kind !== 'table-row' || !heads?.length) return false
  const text = hit.block.text
  const from = text.lastIndexOf('|', hit.start - 1) + 1
  const colon = text.indexOf(':', hit.end)
  if (colon < 0 || text.slice(hit.end, colon).includes('|')) return false
  const label = text.slice(from, colon).trim()
  return heads.some((h) => h.trim() === label)
}

/** Is the hit inside a struck-through run of its block ("~~ … ~~"): an odd number of "~~" before it and one after it? */
function struck(hit: TermHit): boolean {
  const text = hit.block.text
  const close = text.indexOf('~~', hit.end)
  if (close < 0) return false
  let marks = 0
  for (let i = text.indexOf('~~'); i >= 0 && i < hit.start; i = text.indexOf('~~', i + 2)) marks++
  return marks % 2 === 1
}

// Reading: a negation reaches its own verb only; a verb of promising or aiming coordinated after it in its own finite
// form ("Kestrel does not give fix times, and aims to restore faults as quickly as possible", "shall never let an
// incident go unattended and guarantees 100% availability") is affirmed, and what it promises stands (a base form shares
// the negation's auxiliary, "does not monitor and guarantee", and a noun is no verb, "no warranties and guarantees of")
const AFFIRMED_G = /\band\s+(?:also\s+|then\s+|instead\s+)?(?:aims|guarantees|promises|ensures|commits|undertakes|strives|tries|endeavou?rs|seeks|warrants|assures)\s+(?=(?:to|that|an?|the|its|our|their|full|complete|total|\d)\b|\d)/gi
/** Is the term after a verb of promising that "and" coordinates with a negated verb, and not negated again after it? */
function affirmedAfter(s: string, at: number, r: ExcuseReadings): boolean {
  const from = Math.max(0, at - 160)
  // (the verb may be the term itself: "… and guarantees 100% availability")
  const window = s.slice(from, at + 40)
  let last = -1
  AFFIRMED_G.lastIndex = 0
  for (let m = AFFIRMED_G.exec(window); m !== null && from + m.index < at; m = AFFIRMED_G.exec(window)) last = m.index
  if (last < 0) return false
  return !r.isNegated(s.slice(from + last), at - from - last)
}

// a sentence that ends in a question mark (markup and closing quotes aside)
const QUESTION = /\?[\s*_"'”’)]*$/

/** Why excused() finds a hit no promise by the provider, or undefined when it is one. */
export type Excuse = 'negated' | 'disclaimer' | 'customer' | 'mutual' | 'question' | 'quoted' | undefined

/**
 * What excused() reads of a block besides its text (its sentences and their hits follow from the text): its kind, its
 * table's header and cells, its section's path and title, and whether a paragraph of its section comes before it.
 * Two blocks of one text and one place are excused alike, given the same answers to the questions of `AskedExcuse`.
 */
export function excusePlace(block: Block): string {
  const section = block.section
  return `${block.kind}\u0000${block.header ? block.header.join('\u0001') : '\u0002'}\u0000${block.cells ? block.cells.join('\u0001') : '\u0002'}\u0000${section.path.join('\u0001')}\u0000${section.title}\u0000${introducedInSection(block)}`
}

/** A question excused() asked of the document about a hit's block, with its answer (a list's items as their texts). */
export interface AskedExcuse {
  readonly question: 'introducingParty' | 'listIntro' | 'messageSender' | 'quotedFromOthers' | 'listItems'
  readonly answer: string | boolean | undefined
}

/** A list's items as the answer excused() reads of them: each item's text, and its title's (see Block.title). */
const itemsAnswer = (items: readonly Block[]): string => items.map((b) => `${b.title ? `t${b.title.text}` : 'n'}\u0001${b.text}`).join('\u0000')

/** The answer the readings give now to a question asked of `block`. */
function answerOf(question: AskedExcuse['question'], block: Block, r: ExcuseReadings): string | boolean | undefined {
  switch (question) {
    case 'listItems':
      return itemsAnswer(r.listItems(block))
    default:
      return r[question](block)
  }
}

/**
 * excused(hit, r), with the questions it asked of the document about the hit's block and their answers; undefined
 * `asked` when it asked about another block (then the answer is not to be kept). The questions of the text alone
 * (negation, disclaimers, the party a text binds or names) are not noted: they depend on the text and the party names.
 */
export function excusedAsking(hit: TermHit, r: ExcuseReadings): {readonly excuse: Excuse; readonly asked: readonly AskedExcuse[] | undefined} {
  let asked: AskedExcuse[] | undefined = []
  const ask = <T extends string | boolean | undefined>(question: AskedExcuse['question'], block: Block, answer: T, noted: string | boolean | undefined = answer): T => {
    if (block !== hit.block) asked = undefined
    else asked?.push({question, answer: noted})
    return answer
  }
  const noting: ExcuseReadings = {
    isDisclaimer: (sentence) => r.isDisclaimer(sentence),
    isNegated: (text, index) => r.isNegated(text, index),
    boundParty: (text, index) => r.boundParty(text, index),
    firstParty: (text) => r.firstParty(text),
    introducingParty: (block) => ask('introducingParty', block, r.introducingParty(block)),
    listIntro: (block) => ask('listIntro', block, r.listIntro(block)),
    messageSender: (block) => ask('messageSender', block, r.messageSender(block)),
    quotedFromOthers: (block) => ask('quotedFromOthers', block, r.quotedFromOthers(block)),
    listItems: (item) => {
      const items = r.listItems(item)
      ask('listItems', item, undefined, itemsAnswer(items))
      return items
    },
  }
  const excuse = excused(hit, noting)
  return {excuse, asked}
}

/** Do the readings answer every question as they did (about `block`, a block of the same text and place)? */
export function excuseHolds(asked: readonly AskedExcuse[], block: Block, r: ExcuseReadings): boolean {
  for (const q of asked) if (answerOf(q.question, block, r) !== q.answer) return false
  return true
}

/** The readings that make a promise-like phrase not a promise by the provider. */
export function excused(hit: TermHit, r: ExcuseReadings): Excuse {
  // words a redline strikes through ("~~Pennine guarantees that no data will ever be lost.~~") are deleted: they state nothing
  if (struck(hit)) return 'negated'
  // a question asks and commits to nothing ("Do you guarantee uptime?", "How quickly will you respond?"): its answer,
  // a sentence of its own, is what binds (only its end is read: a long sentence is asked about once per hit)
  if (QUESTION.test(hit.sentence.text.slice(-40))) return 'question'
  // words quoted from others (a client's testimonial, the reader's own message quoted in a reply) promise nothing
  if (r.quotedFromOthers(hit.block)) return 'quoted'
  let s = hit.sentence.text
  let at = hit.start - hit.sentence.start
  // in a table row the term is read within its own cell ("Single user" in the Examples cell binds no one)
  const row = hit.block.kind === 'table-row' ? hit.block.text : undefined
  if (row !== undefined) {
    const from = row.lastIndexOf('|', hit.start - 1) + 1
    const to = row.indexOf('|', hit.end)
    s = row.slice(from, to < 0 ? row.length : to)
    at = hit.start - from
    if (isDisclaimer(s)) return 'disclaimer'
  } else if (r.isDisclaimer(hit.sentence)) return 'disclaimer'
  if (r.isNegated(...rewritten(s, at, negationView)) && !affirmedAfter(s, at, r)) return 'negated'
  if (excludedItem(hit, s, at, r)) return 'negated'
  // "Although we aim for an uninterrupted service, we cannot promise 100% availability": the denial after the
  // concession disclaims the whole sentence (a clause number or a label before it, "4.2 Although …", "A: Although …",
  // "Note: Although …", changes nothing)
  if (CONCESSIVE.test(s)) return 'disclaimer'
  // a column label ("Always Included") repeated in each row of a table is a label, not a promise
  if (isHeaderLabel(hit)) return 'disclaimer'
  // thanks for a thing done ("Thanks for the quick turnaround", "thank you again for your prompt reply") speak of what
  // happened and commit nobody
  if (THANKED.test(s.slice(Math.max(0, at - 60), at))) return 'disclaimer'
  // "the Client's timely performance": the customer's own action (an adjective of the customer's act, right after the
  // possessive; "visit the Customer's site periodically" is the provider's act on the customer's thing)
  if (/\b(?:client|customer|licensee|subscriber)(?:'s|’s)\s+(?:own\s+)?$/i.test(s.slice(Math.max(0, at - 40), at))) return 'customer'
  // a request ("Please tell me as soon as possible when someone joins") is addressed to the customer
  // ("Please note: we will always …", "**Kindly note** that …" lead to a statement, read on its own)
  // (a conjunction or a sentence adverb before it changes nothing: "And please let us know promptly …", "Also, kindly …";
  // the provider's own promise after it is its own: "Please tell us, and we'll fix it as soon as possible")
  if (/^\W*(?:please|kindly)\b/i.test(hit.sentence.text.replace(SENTENCE_OPENERS, '').replace(NOTICE_LEAD, '')) && !PROVIDER_AGAIN.test(s.slice(0, at))) return 'customer'
  // and so is one the provider makes of the customer ("We request you to … inform us promptly", "we ask that you tell us
  // promptly"), unless the provider takes the term back as its own subject ("…, and we will reply promptly")
  const asked = ASKS_YOU.exec(s.slice(0, at)) ?? ASKS_THAT.exec(s.slice(0, at))
  if (asked && !PROVIDER_AGAIN.test(s.slice(asked.index + asked[0].length, at))) return 'customer'
  // an imperative addressed to the reader is the customer's duty, wherever it stands ("Let us know as soon as possible
  // when someone leaves", "Report faults promptly"); in a list or a table only one that names the provider as "us" ("-
  // Tell us promptly about leavers"), since a list's bare verbs may name the provider's services ("- Patch PCs
  // periodically"); the provider's own promise after it ("…, and we'll fix it as soon as possible") is its own
  if (readerImperative(hit, s.slice(0, at))) return 'customer'
  // Reading: a sentence that opens with "Always" or "Never" and a bare verb with its object ("Always save the file before
  // quitting", "Never unplug the router in a storm") is an instruction to the reader in the imperative, no promise of the
  // provider's (nor is a term after it with no subject of its own: "…, and never rename it"); not a state ("Always on",
  // "Never down") nor what the reader is spared ("Never lose a file again"), nor an item that completes the provider's
  // lead-in ("we agree to:" › "- always answer the phone")
  if (ADVERB_IMPERATIVE.test(hit.sentence.text) && !SPARED.test(hit.sentence.text) && !SUBJECT_BEFORE.test(s.slice(0, at)) && (hit.block.kind === 'paragraph' || (hit.block.kind === 'list-item' && r.introducingParty(hit.block) !== 'provider'))) return 'customer'
  // a table row's cell is read after its column's header ("Work outside Practice Hours: Unlimited after-hours support"):
  // the header names the column, and a party named in it ("Practice Hours") is not the subject of the cell's words
  const [ps, pat] = row !== undefined && hit.block.header ? withoutHeader(s, at, hit.block.header) : [s, at]
  let party = r.boundParty(...rewritten(ps, pat, partyView))
  // what the customer is told it will get is the outcome the provider promises, not the customer's own duty ("you can
  // expect minimal downtime", "you'll enjoy fast fixes", "you receive updates regularly")
  if (party === 'customer' && YOU_GET.test(s.slice(Math.max(0, at - 60), at))) party = 'provider'
  // and so is what the customer is told, sent or kept informed of, the customer the subject of the passive ("Client will be
  // told about planned maintenance in a timely manner", "You will be notified promptly", "The Client shall be kept informed
  // regularly"): the one who tells is the provider (not a duty the customer is given: "will be required to report promptly")
  if (party === 'customer' && TOLD.test(s.slice(Math.max(0, at - 120), at))) party = 'provider'
  // the first person of a message is its sender: in the customer's own message of a thread ("On our side we'll let you
  // know promptly when someone leaves") the customer speaks
  // ("I'll promptly let you know", "we always copy the drawings ourselves": a first person no role word names)
  if ((party === 'provider' || party === 'unknown') && FIRST_PERSON_SUBJECT.test(s.slice(Math.max(0, at - 120), at)) && r.messageSender(hit.block) === 'customer') return 'customer'
  // a row of a table of duties is bound by the party its "Who" column names ("| Report leavers | Clinic | promptly |")
  if (party === 'unknown' && row !== undefined && hit.block.header && hit.block.cells) {
    const who = hit.block.header.findIndex((h) => WHO_HEADER.test(h.trim()))
    const cell = who >= 0 ? hit.block.cells[who] : undefined
    // (the term's own cell is read above)
    if (cell !== undefined && who !== row.slice(0, hit.start).split('|').length - 1) party = r.firstParty(cell)
    if (party === 'customer') return party
  }
  // an imperative under a heading that names the customer's duties ("## Client duties" › "- Tell MSP promptly about
  // leavers"), in a list the heading itself introduces (no paragraph before it in the section)
  // (a paragraph of the section before the list may introduce it, unless it binds the provider: "We will:")
  if (party === 'unknown' && isImperative(hit.sentence.text) && !MODAL.test(s.slice(0, at)) && hit.block.section.path.some((p) => CUSTOMER_DUTIES.test(p)) && (!introducedInSection(hit.block) || r.introducingParty(hit.block) === 'unknown')) return 'customer'
  // Reading: a duty ("must", "shall") whose subject names no party ("Crews must always dock the tablets", "Site staff shall
  // promptly report …"), under a title that gives the customer its duties by any name the agreement calls it ("Customer
  // duties", "B&S responsibilities", "The Hospital's side"), is laid on the customer's people: the customer's duty
  if (party === 'unknown' && OWN_DUTY.test(s.slice(0, at)) && hit.block.section.path.some((p) => customerDutiesTitle(p, r))) return 'customer'
  // and so is one under a lead-in that names them or asks the reader ("What you do:" › "- promptly tell us about new
  // starters", "To keep you safe, please:" › "- Report a lost phone promptly")
  if (party === 'unknown' && hit.block.kind === 'list-item' && isImperative(hit.sentence.text) && !MODAL.test(s.slice(0, at))) {
    const intro = r.listIntro(hit.block) ?? ''
    if (CUSTOMER_DUTIES.test(intro) || ASKING_INTRO.test(intro.replace(/[\s:]+$/, '')) || ASKS_YOU.test(intro)) return 'customer'
  }
  // and so is one in a list that speaks to the reader: another imperative of the list names the provider in the first
  // person ("- Tell the help desk promptly about any suspicious e-mail" beside "- Report a lost phone promptly so we can
  // wipe it"); the provider never orders itself
  if (party === 'unknown' && hit.block.kind === 'list-item' && isImperative(hit.sentence.text) && !MODAL.test(s.slice(0, at)) && readerList(hit.block, r)) return 'customer'
  // an item of a list ("- keep …", "(d) notify …") is bound by the sentence that introduced the list
  // (and so is a run of items numbered as sub-clauses of a clause, "7.1.1 …;\n7.1.4 promptly inform …", under "7.1 The
  // Client shall:"; a paragraph numbered "5.2" is a clause of its own, unless its words run on in lower case from the
  // lead-in above it: "8.3 promptly inform …" under "8. The Client shall:", see CONTINUING_SUBCLAUSE)
  // (an item that names its own subject before its verb, "(2) The Provider cares for …", is that party's, whatever
  // introduced the items before it)
  if (party === 'unknown' && hit.sentence.index === 0 && (hit.block.kind === 'list-item' || /^\s*(?:\(?[a-z0-9]{1,3}[.)]|\d+(?:\.\d+){2,}\.?)\s/i.test(hit.block.text) || CONTINUING_SUBCLAUSE.test(hit.block.text))) {
    // (the subject of the term's own clause: "Quarterly review with the CIO; Northfield also attends …")
    const head = s.slice(0, at)
    const own = OWN_SUBJECT.exec(head.slice(Math.max(head.lastIndexOf(';'), 0) + (head.includes(';') ? 1 : 0)))
    // (a clause of its own: bound as any sentence with that subject is, not by the lead-in)
    if (!own || r.firstParty((own[1] ?? own[2])!) === 'unknown') party = r.introducingParty(hit.block)
  }
  if (party === 'customer') return party
  // a duty to report to the provider's desk, or to the provider itself, is one of the customer's side, whoever its people
  // are called ("Pharmacy staff must immediately report to the service desk any damage", "Site managers notify the help
  // desk promptly of leavers"): the provider does not report to itself
  // (not the provider's own people, named in the first person: "Our engineers immediately report to the service desk")
  if (party === 'unknown' && !/\b(?:we|our|us)\b/i.test(s.slice(0, at)) && reportsToProvider(s, at, hit.text.length, r)) return 'customer'
  // a duty of a role either party may hold ("the indemnified Party promptly notifies …") binds both parties
  if (party === 'unknown' && ROLE.test(s.slice(Math.max(0, at - REACH), at + REACH))) party = 'mutual'
  // duties of either party are procedure in the boilerplate (indemnities, force majeure, confidentiality), not a service promise
  if (party === 'mutual' && hit.block.section.path.some((p) => BOILERPLATE.test(p))) return party
  return undefined
}

/**
 * A table cell's text without the column header written before it ("Header: value"), and the offset moved with it, when
 * the header names what the column holds ("Work outside Practice Hours"); a header that names a party alone or as the
 * one who acts ("Client", "Client responsibility", "Who") is kept, since it says whose the cell's duties are.
 */
function withoutHeader(cell: string, at: number, header: readonly string[]): [string, number] {
  const lead = cell.length - cell.trimStart().length
  for (const h of header) {
    const label = h.trim()
    const end = lead + label.length + 1
    if (!label || at < end || !cell.startsWith(`${label}:`, lead)) continue
    return /\s/.test(label) && !ACTOR_HEADER.test(label) ? [cell.slice(end), at - end] : [cell, at]
  }
  return [cell, at]
}
/** A header that says who acts in its column: "Client responsibility", "Your duties", "Owner", "Done by". */
const ACTOR_HEADER = /\b(?:responsib\w*|dut(?:y|ies)|obligations?|commitments?|undertakings?|tasks?|roles?|actions?|part|side|who|whom|owner|by|does|do)\b/i

/** An item's own subject, a party named before its verb: "(2) The Provider cares for …", "- We patch …", "b) Supplier keeps …". */
const OWN_SUBJECT = /^\W*(?:(?:and|but|then)\s+)?(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?(?:(?:the\s+)?([A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*){0,3})\s+(?:\w+ly\s+|also\s+)?(?:[a-z]+s|will|shall|must)\b|([Ww]e|I)\s+(?:\w+ly\s+|also\s+)?[a-z]+\b)/

/** The customer as the one told or sent something, in the passive: "will be told about …", "is notified", "shall be kept informed". */
const TOLD =
  /(?:\b(?:will|shall|must|should|may|can|to)\s+be|\b(?:is|are|gets?)|['\u2019]ll\s+be)\s+(?:\w+ly\s+|also\s+|always\s+)?(?:told|informed|notified|advised|contacted|called|phoned|e-?mailed|messaged|sent|given|updated|alerted|warned|consulted|offered|provided with|shown|reminded|kept (?:informed|updated|up to date|in the loop|posted|advised))\b(?:(?!\b(?:must|shall|should|will|agrees?|undertakes?|is required|are required|needs? to|has to|have to)\b)[^.;:,]){0,100}$/i

/** The customer as the one who gets an outcome: "you can expect", "you'll enjoy", "you will see", "you receive", "you'll hear back from us", a label "What you get:". */
const YOU_GET = needs(/\byou(?:\s+(?:can|will|shall|may|should)|['\u2019]ll)?\s+(?:always\s+|also\s+)?(?:expect|enjoy|get|gets|see|experience|benefit from|receive|notice|hear)(?:\s*:)?\s+(?:[\w'\u2019-]+\s+){0,4}?$/i)

/** A lead asking the reader to note what follows: "Please note:", "**Kindly note** that", "Please be aware that". */
const NOTICE_LEAD = /^\W*(?:please|kindly)\s+(?:note|be (?:aware|advised)|bear in mind|keep in mind|remember)\b[*_]*(?:\s*:|\s+that\b)[*_\s]*/i

/**
 * A request the provider makes of the customer, or a duty it names as the customer's: "We request you to", "we ask that
 * you", "we need you to", "It is your responsibility to". The customer may be named by its role as well as "you", and a
 * courtesy may soften the request: "We kindly ask the Customer to inform Kumo promptly", "we would respectfully request
 * that the Client …".
 */
const ASKS_YOU =
  /\b(?:we|i)\s+(?:would\s+|['\u2019]d\s+)?(?:(?:kindly|politely|respectfully|humbly|also)\s+)?(?:ask|request|require|need|expect|rely on)\s+(?:that\s+)?(?:you|the\s+(?:client|customer|licensee|subscriber)(?!['\u2019]s))\b|\bit\s+is\s+(?:your|the\s+(?:client|customer)['\u2019]s)\s+(?:own\s+)?(?:responsibility|duty|job|obligation)\s+to\b|\bit\s+is\s+up\s+to\s+you\s+to\b/i
/** A request the provider makes of others, whoever they are: "We ask that everyone uses MFA and that the Trust tells us promptly". */
const ASKS_THAT = needs(/\b(?:we|i)\s+(?:would\s+|['\u2019]d\s+)?(?:ask|request|require|insist)\s+that\b/i)
/**
 * A first-person subject right before the term's verb: "we'll let you know promptly", "On our side we will", and the
 * speaker's own people or things as the subject: "our team will always ring the on-call number", "my staff shall …".
 */
const FIRST_PERSON_SUBJECT = /\b(?:we|i)\b(?:\s+|['\u2019](?:ll|d)\s+)(?:[\w'\u2019]+\s+){0,4}?$|\b(?:we|i)(?:['\u2019]ll|\s+will|\s+shall)\b[^.;:,]{0,60}$|\b(?:our|my)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?\s+(?:will|shall|must|would|should|can)\s+(?:[\w'\u2019]+\s+){0,2}?$/i
/** A column of a table of duties that says who does each task. */
// an act of telling, right after the term ("immediately report to …") or ending right before it ("notify the help desk
// promptly"), and what it is told to
const TELLS_AFTER = /^\s+(?:report|notify|tell|inform|contact|call|alert|phone|ring|e-?mail)(?:s|ed|ing)?\b([^.;:]{0,60})/i
const TELLS_BEFORE = needs(/\b(?:report|notify|tell|inform|contact|call|alert|phone|ring|e-?mail)(?:s|ed|ing)?\b([^.;:,]{0,60}?)\s*$/i)
const TELLS_END = needs(/\b(?:report|notify|tell|inform|contact|call|alert|phone|ring|e-?mail)(?:s|ed|ing)?$/i)
const PROVIDER_DESK = /^(?:\s+(?:it\s+|them\s+)?(?:to|by)\s+|\s+)(?:the\s+|our\s+)?(?:service ?desk|help ?desk|support (?:desk|line|team)|noc\b|network operations centre|us\b)/i
/** Is the term part of an act of telling the provider's desk or the provider ("must immediately report to the service desk …")? */
function reportsToProvider(s: string, at: number, length: number, r: ExcuseReadings): boolean {
  const after = s.slice(at + length, at + length + 80)
  // (a term that holds the act: "immediately report")
  const told = (TELLS_END.test(s.slice(at, at + length)) ? /^[^.;:]{0,60}/.exec(after)![0] : undefined) ?? TELLS_AFTER.exec(after)?.[1] ?? TELLS_BEFORE.exec(s.slice(Math.max(0, at - 80), at))?.[1]
  if (told === undefined) return false
  if (PROVIDER_DESK.test(told)) return true
  const to = /^\s+(?:to\s+)?(.{1,40})/.exec(told)
  return to !== null && r.firstParty(to[1]!) === 'provider'
}
const WHO_HEADER = /^(?:who|by whom|owner|responsib(?:le|ility)(?: party)?|party|done by|performed by|actioned by|lead)$/i
/** The provider back as the subject after such a request: "…, and we will reply", "but our engineers aim to". */
const PROVIDER_AGAIN = /(?:[;,:]|\band\b|\bbut\b|\bthen\b)\s*(?:we|i|our\s+\w+|the (?:provider|supplier))\b/i

// Term-list options (no-vague-terms, no-overpromising): the built-in list extended or replaced

/** The options of a language rule's term list (checked against termListOptions' schema at load). */
export type TermListOptions = {
  readonly add: ReadonlyArray<string | {readonly phrase: string; readonly suggestion?: string}>
  readonly allow: readonly string[]
  readonly replace: boolean
}


const PHRASE_OR_TERM: Readonly<Record<string, unknown>> = {
  anyOf: [
    {type: 'string', minLength: 1},
    {
      type: 'object',
      properties: {phrase: {type: 'string', minLength: 1}, suggestion: {type: 'string', minLength: 1}},
      required: ['phrase'],
      additionalProperties: false,
    },
  ],
}

/** Options of a language rule's term list. */
export function termListOptions(kind: string): {readonly schema: Readonly<Record<string, unknown>>; readonly defaults: Readonly<Record<string, unknown>>} {
  return {
    schema: {
      type: 'object',
      properties: {
        add: {
          type: 'array',
          items: PHRASE_OR_TERM,
          description: `More ${kind} to flag: a phrase, or \`{phrase, suggestion}\`; plain text matches whole words case-insensitively, \`/…/\` is a regular expression`,
        },
        allow: {type: 'array', items: {type: 'string', minLength: 1}, description: `Phrases not to flag: a match inside an allowed phrase, or containing one, is not reported`},
        replace: {type: 'boolean', description: 'Use only `add`, dropping the built-in list'},
      },
      additionalProperties: false,
    },
    defaults: {add: [], allow: [], replace: false},
  }
}

export interface TermOptions {
  readonly terms: readonly CompiledTerm[]
  readonly allow: RegExp | undefined
}

/** The term list a language rule scans with, given its options; `suggestion` is used for added phrases without one. */
export function configuredTerms(builtin: readonly CompiledTerm[], options: TermListOptions, suggestion: string): TermOptions {
  const added: Term[] = options.add.map((t) => (typeof t === 'string' ? {pattern: phraseSource(t), suggestion} : {pattern: phraseSource(t.phrase), suggestion: t.suggestion ?? suggestion}))
  // the built-in list itself when nothing is added or replaced: one array for every document, whose literals the scan
  // reads once (see literalsOf)
  const terms = added.length === 0 && !options.replace ? builtin : [...(options.replace ? [] : builtin), ...compileTerms(added, true)]
  return {terms, allow: phrasesRegExp(options.allow, 'gi', true)}
}

/** Is the hit inside a phrase the config allows? */
export function allowedHit(hit: TermHit, allow: RegExp | undefined): boolean {
  if (!allow) return false
  const s = hit.sentence
  for (const m of s.text.matchAll(allow)) {
    const start = s.start + m.index
    const end = start + m[0].length
    // "allow: [reasonable efforts]" allows "commercially reasonable efforts" too, and "promptly" inside "promptly notify"
    if ((start <= hit.start && end >= hit.end) || (hit.start <= start && hit.end >= end)) return true
  }
  return false
}

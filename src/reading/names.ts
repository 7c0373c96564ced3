// Names written in capitals: a run of capitalised words that names a product, a system or a law ("the Peak Performance
// app", "an Always On VPN fault", "the Consumer Guarantees Act"), read from the evidence the document gives, not from a
// list of names.
import type {Block} from '../types.js'

// A word for a thing a product name names: the run before it (or holding it) is that thing's name
const PRODUCT_NOUN =
  /^(?:apps?|applications?|databases?|software|systems?|platforms?|portals?|vpns?|servers?|appliances?|tools?|suites?|modules?|add-?ons?|options?|packages?|bundles?|editions?|licen[cs]es?|devices?|routers?|firewalls?|agents?|consoles?|dashboards?|products?|plug-?ins?|plans?|tiers?|programs?|programmes?|kits?|boxes|box|units?|gateways?|clusters?|skus?)$/i
// A lower-case word that may stand between a name and its thing ("the Ever Ready backup appliance", "the Peak
// Performance mobile app")
const MODIFIER = /^(?:backup|mobile|web|cloud|desktop|management|monitoring|security|network|remote|storage|phone|online|booking|client|staff|support|hosted|hardware|software|wireless|firewall|email|e-mail)$/i
// A capitalised article or possessive opens a sentence; it is no part of the name after it ("The Peak Performance app")
const DETERMINER = /^(?:the|a|an|our|your|its|their|this|that|these|every|each|any|all|my|his|her)$/i
// The word that ends the name of a law or another instrument ("the Consumer Guarantees Act", "the Always-On Connectivity
// Regulations", "the Zero Harm Code"): the words before it name the instrument, they promise nothing
const LAW_NOUN = /^(?:Acts?|Regulations?|Directives?|Ordinances?|Statutes?|Codes?|Laws?|Bills?|Conventions?|Treaty|Treaties)$/
const CAPITAL_WORD = /^(?:[A-Z][\w'’]*|[A-Z]{2,}s?)$/

export interface Run {
  /** The run's words as written, in order. */
  readonly words: readonly string[]
  readonly start: number
  readonly end: number
}

/** The run of capitalised words, joined by single spaces or hyphens, that holds text[start, end). */
export function capitalRun(text: string, start: number, end: number): Run {
  let from = start
  // back over capitalised words (a bounded look: a run of names is short)
  for (let n = 0; n < 6; n++) {
    const m = /(?<![\w'’-])([A-Z][\w'’]*)[ -]$/.exec(text.slice(Math.max(0, from - 40), from))
    if (!m || DETERMINER.test(m[1]!)) break
    from -= m[0].length
  }
  let to = end
  for (let n = 0; n < 6; n++) {
    const m = /^[ -]([A-Z][\w'’]*)(?![\w'’])/.exec(text.slice(to, to + 40))
    if (!m) break
    to += m[0].length
  }
  const words = text.slice(from, to).split(/[ -]/)
  return {words, start: from, end: to}
}

/** Is the sentence written as a title (most of its longer words capitalised)? Its capitals then say nothing. */
function titleLike(text: string): boolean {
  const long = text.match(/[A-Za-z][\w'’]{3,}/g) ?? []
  return long.length >= 3 && long.filter((w) => /^[A-Z]/.test(w)).length / long.length >= 0.7
}

/**
 * Does the run, where it stands, name a thing: a word for a product, a system or a law in it after its first word
 * ("Always On VPN", "Consumer Guarantees Act"), or right after it, with at most one word of kind between ("the Peak
 * Performance app", "the Ever Ready backup appliance"), or a law's after the bracket that holds the run ("the Supply of
 * Goods (Implied Guarantees) Regulations")? Returns the run's words without that thing's word, as the name is written
 * alone, or undefined.
 */
export function namesThing(text: string, run: Run): string | undefined {
  const inside = run.words.findIndex((w, k) => k > 0 && (PRODUCT_NOUN.test(w) || LAW_NOUN.test(w)))
  if (inside > 0) return run.words.slice(0, inside).join(' ')
  // a part of a law's name in brackets ("the Supply of Goods (Implied Guarantees) Regulations")
  if (/^\)[ \t]+(?:[A-Z][\w'’]*[ \t]+){0,2}?(?:Acts?|Regulations?|Directives?|Ordinances?|Statutes?|Codes?|Laws?|Bills?)\b/.test(text.slice(run.end, run.end + 60)) && text[run.start - 1] === '(') return run.words.join(' ')
  if (run.words.length < 2) return undefined
  const after = /^\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?/.exec(text.slice(run.end, run.end + 60))
  if (!after) return undefined
  if (PRODUCT_NOUN.test(after[1]!) || (MODIFIER.test(after[1]!) && after[2] !== undefined && PRODUCT_NOUN.test(after[2]))) return run.words.join(' ')
  return undefined
}

/** The names of things a block writes with a product's or a system's word beside them (none in headings and titles). */
export function thingNames(b: Block): readonly string[] {
  const out: string[] = []
  if (b.kind === 'heading' || !/[A-Z]\w*[ -][A-Z]/.test(b.text)) return out
  for (const s of b.sentences) {
    if (titleLike(s.text)) continue
    for (const m of s.text.matchAll(/(?<![\w'’-])[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)+(?![\w'’])/g)) {
      const words = m[0].split(/[ -]/)
      const lead = DETERMINER.test(words[0]!) ? words[0]!.length + 1 : 0
      if (lead) words.shift()
      if (words.length < 2) continue
      const run = {words, start: m.index + lead, end: m.index + m[0].length}
      const name = namesThing(s.text, run)
      if (name !== undefined) out.push(name, run.words.join(' '))
    }
  }
  return out
}

/**
 * Is text[start, end), written with capitals, part of the name of a product or a system: a run of capitalised words
 * that names a thing where it stands, or that the document elsewhere writes as a thing's name (`names`)? "We follow
 * Best Practice" names nothing.
 */
export function inThingName(text: string, start: number, end: number, heading: boolean, names: () => ReadonlySet<string>): boolean {
  const own = text.slice(start, end)
  if (!own.split(/[ -]/).every((w) => CAPITAL_WORD.test(w))) return false
  const run = capitalRun(text, start, end)
  if (run.words.length < 2) return false
  if (!heading && !titleLike(text) && namesThing(text, run) !== undefined) return true
  const known = names()
  if (known.size === 0) return false
  // the name alone, or the name with its thing's word ("Peak Performance", "Always On VPN")
  const written = run.words.join(' ')
  return known.has(written) || known.has(namesThing(text, run) ?? '\u0000')
}

/**
 * The text with each run of capitalised words that names a product or a system (as inThingName reads it) blanked out,
 * offsets kept: what the text says once the names of things are set aside ("Help desk support for the Peak
 * Performance booking app" speaks of no performance). The text itself when it names none.
 */
export function withoutThingNames(text: string, heading: boolean, names: () => ReadonlySet<string>): string {
  let out: string | undefined
  for (const m of text.matchAll(/(?<![\w'’-])[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)+(?![\w'’])/g)) {
    const words = m[0].split(/[ -]/)
    const lead = DETERMINER.test(words[0]!) ? words[0]!.length + 1 : 0
    const start = m.index + lead
    const end = m.index + m[0].length
    if (start >= end || !inThingName(text, start, end, heading, names)) continue
    out = (out ?? text).slice(0, start) + ' '.repeat(end - start) + (out ?? text).slice(end)
  }
  return out ?? text
}

// How a clause is reached when it is not worded in any clause's vocabulary: readings of sentence structure (a title that
// says what a party will or will not do, work placed outside a stated span of hours) rather than lists of phrases.
import type {Party} from './parties.js'
import {hasMatch, needs} from '../text.js'

/** Verbs by which a provider takes work on: "do", "cover", "help with", "look after", "take care of", "deal with". */
const SCOPE_VERB = String.raw`(?:do(?:es)?|handles?|covers?|includes?|provides?|supports?|offers?|delivers?|fix(?:es)?|repairs?|manages?|touch(?:es)?|(?:helps?|assists?)(?: (?:you|the \w+))?(?: (?:with|on))?|looks? after|takes? care of|takes? on|deals? with|works? on|gets? involved (?:in|with))`
/** A subject that is not the customer: "I", "we", "they", "the volunteers", "Acme IT", "our team". */
const WORD = String.raw`(?!(?:if|when|where|whether|why|how|happens|to|is|are|was|were|do|does|did|must|should|need|needs|has|have|can|cannot|won|will|shall|shan|don|doesn|aren|isn|never|not|also|usually|normally|only|gladly|happily)\b)[\w&’'.-]+`
const SUBJECT = String.raw`(?:i|we|they|he|she|it|(?:the|our|this) ${WORD}(?: ${WORD}){0,2}|${WORD}(?: ${WORD}){0,2})`
/** The customer, by role or by "you": a title about what the customer does is no scope or exclusion. */
const CUSTOMER = /^(?:you|your\b|the (?:customer|client|buyer|subscriber|licensee|member|tenant|school|practice|firm|company|charity|organi[sz]ation|institution)s?\b)/i
const NEGATED = String.raw`(?:won[’']?t|will not|can[’']?t|cannot|can not|don[’']?t|do not|doesn[’']?t|does not|shan[’']?t|shall not|aren[’']?t able to|are not able to|isn[’']?t able to|is not able to|are not going to|is not going to|never)`
const AFFIRMED = String.raw`(?:[’']ll|[’']d|will|can|shall|are able to|is able to|are going to|is going to|gladly|happily)?`
const FOR = String.raw`(?:\s+(?:for|on behalf of)\s+(?:you|us|them|the [\w-]+|your [\w-]+))?`
// "What I won't do", "Things the volunteers can't help with", "Work we don't take on"
const TITLE = new RegExp(
  String.raw`^(?:what|things|work|jobs|tasks|services|areas|stuff|anything)\s+(?:that\s+)?(?<subject>${SUBJECT})(?<modal>\s*${NEGATED}\s+|\s*${AFFIRMED}\s*)(?:(?:also|usually|normally|not|only|currently)\s+)?${SCOPE_VERB}${FOR}\s*[.:?!]*$`,
  'i',
)

/**
 * A title read as a statement of what a party (not the customer) takes on: `provides` ("What I'll do", "What the
 * volunteers help with", "What do you look after?") is the home of the scope of services, `withholds` ("What we won't
 * do", "Things the team can't help with", "What don't you look after?") the home of the exclusions.
 */
export function scopeTitle(title: string, names?: Names): 'provides' | 'withholds' | undefined {
  const t = title.replace(/[*_`]/g, '').replace(/^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z]\))\s+/i, '').trim()
  if (t.length > 80) return undefined
  // what an offer holds: "What's in the monthly", "What is not part of the plan", "What the service is not"
  const held = IN_OFFER.exec(t) ?? OFFER_IS.exec(t)
  if (held?.groups) {
    if (held.groups['not']) return 'withholds'
    return DOCUMENT.test(held.groups['thing'] ?? '') ? undefined : 'provides'
  }
  const m = TITLE.exec(t)
  if (m?.groups) {
    if (CUSTOMER.test(m.groups['subject']!)) return undefined
    return new RegExp(String.raw`^\s*${NEGATED}\s*$`, 'i').test(m.groups['modal']!) ? 'withholds' : 'provides'
  }
  const r = ROLE_WORK.exec(roleTitle(title, names))
  if (!r) return undefined
  return r[1] ? 'withholds' : 'provides'
}

// ---- a title read by its roles ---------------------------------------------------------------------------------------

/**
 * A title as a statement in the parties' roles: numbering, marks and question scaffolding dropped, the question's
 * inversion undone, and each party (by pronoun, role word, or a name the agreement gives it) written as `PROVIDER` or
 * `CUSTOMER`. Pronouns are read from the speaker: in a statement "we"/"our" is the provider and "you" the customer; in
 * a question (asked by the customer) the other way round. "What don't you look after?" → "PROVIDER not look after";
 * "Things we need from you" → "PROVIDER need from CUSTOMER"; "F. Ironwood's Obligations" → "CUSTOMER's obligations".
 */
export function roleTitle(title: string, names: Names = NO_NAMES): string {
  return names instanceof TitleRoles ? names.roleTitle(title) : readRoles(title, names)
}

function readRoles(title: string, names: ReadonlyMap<string, Party>): string {
  // (the number dropped may be a clause word's, "Art. 7 – …", and have a Word export's own number before it: "7. § 7 Duties …")
  let t = title
    .replace(/[*_`]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?\s+(?=(?:section|clause|article|art\.|part|§)))?(?:(?:section|clause|article|art\.|part|§)\s*)?(?:\d+(?:\.\d+)*|[a-z]|[ivx]{1,4})?[.):]?\s*[–—-]?\s+(?=\S)/i, '')
    .trim()
  if (t.length > 80) return ''
  // a translated title opens with the source language's "of the" ("OF THE OBLIGATIONS OF THE CONTRACTING PARTY", from
  // "DAS OBRIGAÇÕES DA CONTRATANTE"), which says nothing of the title's subject
  t = t.replace(/^of\s+(?:the\s+)?(?=\S)/i, '')
  const question = /\?\s*$/.test(t) || INVERTED.test(t)
  t = t.toLowerCase().replace(/[?!.:]+\s*$/, '')
  // names first (longest first), so "the hospital" is read before "hospital"
  const known = [...names].filter(([n, role]) => (role === 'provider' || role === 'customer') && n.length >= 2).sort((a, b) => b[0].length - a[0].length)
  // (a name the title does not hold cannot match: no pattern is made for it)
  for (const [name, role] of known) if (t.includes(name)) t = replaceName(t, name, role === 'provider' ? 'PROVIDER' : 'CUSTOMER')
  t = t
    .replace(PROVIDER_WORD, 'PROVIDER')
    .replace(CUSTOMER_WORD, 'CUSTOMER')
    .replace(/\b(?:we|us|our|ours|i|me|my)\b/g, question ? 'CUSTOMER' : 'PROVIDER')
    .replace(/\b(?:you|your|yours)\b/g, question ? 'PROVIDER' : 'CUSTOMER')
    .replace(/\b(?:don't|doesn't|won't|can't|cannot|isn't|aren't|shan't|didn't)\b/g, (w) => `${w === "won't" ? 'will' : w === "can't" || w === 'cannot' ? 'can' : w.replace(/n't$/, '')} not`)
  // "what do PROVIDER look after", "what will not PROVIDER do" → "PROVIDER … look after"
  t = t.replace(/^(?:(?:what|which|when|how|where|who)\s+(?:\w+\s+)?)?(?:do|does|did|will|would|can|could|shall|should|are|is)\s+(not\s+)?(PROVIDER|CUSTOMER)\s+/, (_m, not: string | undefined, party: string) => `${party} ${not ?? ''}`)
  t = t.replace(/^(?:what(?:'s| is| are)?|which|the things|things|items|anything|the work|work|jobs|tasks|stuff)\s+(?:that\s+)?/, '')
  // modals and auxiliaries carry no content here: "PROVIDER will not support" → "PROVIDER not support"
  t = t.replace(/\b(PROVIDER|CUSTOMER) (?:will|shall|can|do|does|'ll)\s+/g, '$1 ')
  return t.replace(/\s+/g, ' ').trim()
}

const NO_NAMES: ReadonlyMap<string, Party> = new Map()

/**
 * Titles read in the parties' roles by one set of names, each title once: a document's titles are read by several
 * clause rules, each more than once (see Reading.roles).
 */
export class TitleRoles {
  private readonly read = new Map<string, string>()
  constructor(readonly names: ReadonlyMap<string, Party> = NO_NAMES) {}

  /** roleTitle(title, names), once per title. */
  roleTitle(title: string): string {
    let t = this.read.get(title)
    if (t === undefined) this.read.set(title, (t = readRoles(title, this.names)))
    return t
  }

  /** Past `max` titles kept, start again empty (between documents: see TextCache.startDocument). */
  trim(max: number): void {
    if (this.read.size > max) this.read.clear()
  }
}

/** The names a title's parties are read by: the names alone, or the names with the titles already read by them. */
export type Names = ReadonlyMap<string, Party> | TitleRoles

const INVERTED = /^(?:(?:what|which|when|how|where|who)\s+(?:\w+\s+)?)?(?:do|does|did|will|would|can|could|shall|should|are|is)(?:n[’']t|\s+not)?\s+(?:you|we|i|they)\b/i
const PROVIDER_WORD = /\b(?:the\s+)?(?:service provider|provider|supplier|contractor|vendor|msp|consultant)(?!\w)/g
const CUSTOMER_WORD = /\b(?:the\s+)?(?:customer|client|buyer|subscriber|licensee|purchaser)(?!\w)/g
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
const SPACE = /\s/

/**
 * `text` with each `name` that stands as a word of its own (no letter, digit or underscore touching it), with "the" and
 * the white space after it before the name if so written, replaced by `word`, left to right: what
 * `text.replace(/(?:\bthe\s+)?(?<!\w)NAME(?!\w)/g, word)` gives (NAME the name, escaped),
 * found by literal search, so that no pattern is compiled for each agreement's names.
 */
export function replaceName(text: string, name: string, word: string): string {
  let out = ''
  let from = 0
  let at = text.indexOf(name)
  while (at !== -1) {
    const end = at + name.length
    if (isWordCode(text.charCodeAt(at - 1)) || isWordCode(text.charCodeAt(end))) {
      at = text.indexOf(name, at + 1)
      continue
    }
    // "the" and the white space between it and the name, none of it before the end of the last replacement
    let space = at
    while (space > from && SPACE.test(text[space - 1]!)) space--
    const start = space < at && space - 3 >= from && text.startsWith('the', space - 3) && !isWordCode(text.charCodeAt(space - 4)) ? space - 3 : at
    out += text.slice(from, start) + word
    from = end
    at = text.indexOf(name, end)
  }
  return from === 0 ? text : out + text.slice(from)
}

/** A title of the provider's work: "PROVIDER support", "PROVIDER not look after" (group 1 when negated). */
const ROLE_WORK = new RegExp(String.raw`^PROVIDER (not )?(?:(?:also|usually|normally|only|currently) )?${SCOPE_VERB}(?: for CUSTOMER)?$`)

/**
 * The party whose duties a title names: "CUSTOMER's obligations", "obligations of CUSTOMER", "PROVIDER need from
 * CUSTOMER" (what one party needs from the other is the other's duty), "CUSTOMER must do".
 */
// (a party's duties may be named as its cooperation: "Cooperation of the Customer", "Duties of the Client to Cooperate")
const DUTY_NOUN = String.raw`(?:obligations|responsibilities|duties|commitments|requirements|undertakings|co-?operation)`
const DUTIES = new RegExp(
  String.raw`^(PROVIDER|CUSTOMER)(?:'s?)? (?:own )?(?:${DUTY_NOUN}|part|side|bit|end)$|^${DUTY_NOUN} of (PROVIDER|CUSTOMER)(?: to co-?operate)?$|^(?:PROVIDER|CUSTOMER) (?:needs?|requires?|expects?|asks?) (?:from|of) (PROVIDER|CUSTOMER)$`,
)

/** The party whose duties the title names, if it names one. */
export function dutiesTitle(title: string, names?: Names): 'provider' | 'customer' | undefined {
  const m = DUTIES.exec(roleTitle(title, names))
  const party = m?.[1] ?? m?.[2] ?? m?.[3]
  return party === undefined ? undefined : party === 'PROVIDER' ? 'provider' : 'customer'
}

/** A title about reaching the provider ("When to reach us", "How do I contact you?"): the home of its support channels. */
export function reachTitle(title: string, names?: Names): boolean {
  return /\b(?:reach|contact|call|ring|phone|e-?mail|get (?:hold of|in touch with)) PROVIDER$/.test(roleTitle(title, names))
}

/**
 * A title about what an offer holds or is: "What's in the monthly", "What is not part of your plan", "What's not in
 * this", "What the service is", "What the subscription is not". The offer is any short noun phrase after "in" or "part
 * of"; a document ("What's in this agreement", "What is in the guide") holds clauses, not services.
 */
const IN_OFFER = /^what(?:[’']s| is| are)\s+(?<not>not\s+)?(?:in|inside|part of|covered by|included in)\s+(?:the|your|our|this|that|my)(?<thing>(?:\s+[\w-]+){0,3})\s*[.:?!]*$/i
const OFFER_IS = /^what\s+(?:the|this|our|your)\s+(?<thing>(?:[\w-]+\s+){0,2}(?:service|plan|package|subscription|retainer|bundle|offer|monthly fee|fee)s?)\s+(?:is|are|covers?|includes?)(?<not>\s*n[’']t|\s+not)?\s*[.:?!]*$/i
const DOCUMENT = /\b(?:agreement|contract|document|guide|page|letter|e-?mail|section|schedule|appendix|annex|pack|policy|terms)\b/i

/**
 * Work put outside an offer, with the offer named: the offer as the subject that excludes ("The Managed Services
 * exclude:", "This plan does not extend to …"), work that is or falls outside it ("the following are outside the
 * Managed Services:", "… fall outside this schedule", "other items outside this SLA"), or a list that is not provided
 * ("The following are not provided by Provider under this schedule: …"). An offer is services, a plan, a package, a
 * schedule, the agreement, an SLA or addendum, an order form, or its fee.
 */
const OFFER = String.raw`(?:the|this|our|your|these|each|its|their|(?:the\s+)?[A-Z][\w&-]*(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?(?:services?|agreement|plan|scope|remit|contract|package|schedule|subscription|retainer|(?:monthly |fixed |annual )?fee|support|sow|statement of work|sla|addendum|order(?: form)?|categor(?:y|ies)|catalog(?:ue)?)\b`
const OUT_OF_OFFER = needs(new RegExp(
  String.raw`\b${OFFER}\s+(?:exclude|excludes|do(?:es)? not (?:include|cover|extend to)|(?:will|shall) not (?:include|cover|extend to)|(?:is|are) not (?:including|covering|inclusive of))\b|\b(?:is|are|fall|falls|sit|sits|lie|lies|remain|remains)\s+(?:entirely\s+)?outside\s+(?:of\s+)?${OFFER}|\b(?:the following|these|those)(?:\s+[\w-]+){0,2}\s+(?:is|are)\s+not\s+(?:provided|supplied|offered|performed|delivered|covered|included|supported)\b|\b(?:items?|work|jobs?|tasks?|requests?|anything|everything)(?:\s+else)?\s+outside\s+(?:of\s+)?${OFFER}|\b(?:is|are)\s+not\s+(?:covered|included)\s+(?:by|in|under)\s+${OFFER}|\b(?:work|services?|anything|everything|items?|requests?|jobs?|tasks?)\s+(?:that\s+(?:is|are)\s+)?not\s+(?:in|on|within|under)\s+(?:this|that|the|these|our|your)\s+(?:[\w-]+\s+){0,2}?(?:list|table|schedule|section|plan|package)\b(?=[^.;]{0,80}\b(?:charged|billed|invoiced|quoted|chargeable|billable|extra)\b)`,
  'i',
))

/** The offset of work put outside a named offer, or -1. */
export function outsideOffer(text: string): number {
  const m = OUT_OF_OFFER.exec(text)
  if (!m) return -1
  return CONDITION_BEFORE.test(text.slice(0, m.index)) ? -1 : m.index
}

// "If the Customer's systems are outside the Services, …" states a condition, not an exclusion; "Unless a Service Order
// includes them, the following are outside …" does exclude
const CONDITION_BEFORE = /\b(?:if|where|when|whenever|in case|to the extent)\b[^.;:]*$/i

/** "will not do …", "can't help with …", "does not take on …": a party declining work (whose party, the caller asks). */
const DECLINES = new RegExp(String.raw`\b${NEGATED}\s+(?:(?:usually|normally|currently|otherwise)\s+)?${SCOPE_VERB}\b`, 'i')

/** The offset of a negated scope verb ("won't do", "can't help with"), or -1. */
export function declinesWork(text: string): number {
  const m = DECLINES.exec(text)
  if (!m) return -1
  // a condition ("If the School does not provide access, …") states no refusal
  return CONDITION.test(text.slice(0, m.index)) ? -1 : m.index
}

const CONDITION = /\b(?:if|where|unless|when|whenever|should|in case|provided that|to the extent)\b[^.;:]*$/i

/**
 * Work placed outside a stated span of hours: "outside|beyond|after|before" followed by a span named as hours, times, a
 * shift or a window ("outside the agreed cover hours", "outside the service times", "beyond the day shift", "after our
 * support window"), or by any term
 * the agreement defines with days or clock times ("outside the Attended Period" where "Attended Period" means
 * "08:00 to 18:00 on weekdays"), or hours named by whose they are ("outside the resident engineer's hours"). A maintenance,
 * change or backup window is no span of service.
 */
const OUTSIDE_SPAN = /\b(?:outside|beyond|after|before)\s+(?:of\s+)?(?:(?:the|our|its|their|your|these|those|such|this|that)\s+)?((?:[\w'’-]+\s+){0,3}?)(?:hours|times|shifts?|windows?)\b/gi
const NOT_A_SERVICE_SPAN = /\b(?:maintenance|change|backup|release|patch(?:ing)?|freeze|notice|cancellation|response|resolution|\d+)\b/i
/** What OUTSIDE_SPAN and OUTSIDE_TERM open with (either case: OUTSIDE_SPAN's `i` flag). */
const OUTSIDE_WORD = needs(/\b(?:outside|beyond|after|before)\s/i)
const OUTSIDE_TERM = /\b(?:outside|beyond|after|before)\s+(?:of\s+)?(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})/g
/** Days or clock times in a definition: "Monday to Friday", "08:00", "9am", "weekdays". */
const SPAN_DEFINED = /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day|\bweekdays?\b|\b\d{1,2}(?:[:.]\d{2})\s*(?:am|pm|a\.m\.|p\.m\.)?|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)/i

/** The offset of a statement of work outside a span of service hours, or -1. */
export function outsideHours(text: string, definedAs?: (term: string) => string | undefined): number {
  // both patterns open with "outside", "beyond", "after" or "before": most texts hold none of them
  if (!hasMatch(OUTSIDE_WORD, text)) return -1
  for (const m of text.matchAll(OUTSIDE_SPAN)) {
    if (!NOT_A_SERVICE_SPAN.test(m[1] ?? '')) return m.index
  }
  if (definedAs) {
    for (const m of text.matchAll(OUTSIDE_TERM)) {
      const def = definedAs(m[1]!)
      if (def !== undefined && SPAN_DEFINED.test(def)) return m.index
    }
  }
  return -1
}

/**
 * A measured share of events in a period: a percentage "of" a count of things that happen (logons, jobs, transfers,
 * calls to an API), held to a time limit or to succeeding, over a stated period ("at least 97% of nightly copy jobs
 * finish successfully in each month", "92% of page requests are served in under 2 seconds each week"). A share of
 * support work (tickets, calls, requests, incidents) is a response or resolution target, not a system's performance.
 */
const SHARE = /\b\d{1,3}(?:\.\d{1,3})?\s?(?:%|per ?cent|percent)\s+of\s+(?:all\s+|the\s+|our\s+|your\s+)?((?:[\w-]+\s+){0,3}[\w-]+s)\b/i
const SUPPORT_WORK = /\b(?:tickets?|calls?|requests?|incidents?|cases?|issues?|faults?|problems?|queries|emails?|enquiries|visits?|invoices?|fees?|customers?|users?|staff|employees?)\s*$/i
/** Events of a system, though named like support work: "page requests", "API calls", "DNS queries". */
const SYSTEM_EVENT = /\b(?:page|api|http|https|web|database|db|sql|dns|network|server|login|logon|sign-?in|search|transaction)\b/i
const HELD_TO = /\bwithin\s+(?:\d|a |an |one |two |three |five |ten )|\b(?:in|under|below)\s+(?:less than\s+)?\d[\d.,]*\s*(?:ms|milliseconds?|s|secs?|seconds?|minutes?|mins?)\b|\b(?:complete[sd]?|completing|succeed(?:s|ed)?|successful(?:ly)?|finish(?:es|ed)?|pass(?:es|ed)?|deliver(?:ed|s)?|served|processed)\b/i
const IN_PERIOD = /\b(?:per|each|every|any|in|during|over|across)\s+(?:(?:each|every|any|a|the|one)\s+)?(?:calendar\s+|billing\s+|rolling\s+)?(?:day|week|month|quarter|year)\b|\b(?:daily|weekly|monthly|quarterly|annually|yearly)\b/i

/** Does the text state a measured share of events held to a time or to success in a period? */
export function shareOfEvents(text: string): boolean {
  return shareHeld(text) && IN_PERIOD.test(text)
}

/** Does the text state a share of things (not support work) held to a time or to success, whatever its period? */
export function shareHeld(text: string): boolean {
  const m = SHARE.exec(text)
  if (!m || (SUPPORT_WORK.test(m[1]!) && !SYSTEM_EVENT.test(m[1]!))) return false
  return HELD_TO.test(text)
}

/**
 * A share of a span of time held over a period: "connectivity for at least 99.5% of Support Hours in each calendar
 * month", "the portal is reachable 99.9% of the time each quarter". What is up for that share is available: an
 * availability target, whatever it is called. A share below 90% is an allocation of time ("20% of his hours"), not a target.
 */
const SHARE_OF_TIME = /\b(\d{2,3}(?:\.\d{1,3})?)\s?(?:%|per ?cent|percent)\s+of\s+(?:the\s+|all\s+|its\s+|our\s+|your\s+)?(?:[\w-]+\s+){0,2}?(?:hours|time|minutes|days)\b/i

/** Does the text hold a share of a span of time, of at least 90%, over a stated period? */
export function shareOfTime(text: string): boolean {
  const m = SHARE_OF_TIME.exec(text)
  if (!m) return false
  const value = Number(m[1])
  return value >= 90 && value < 100 && IN_PERIOD.test(text.slice(m.index))
}

/**
 * A lead-in that puts what follows its colon outside the services: "The following are excluded from this Agreement:",
 * "The following are not part of the MDR service:", "Not included:", "Out of scope:".
 */
const EXCLUSION_LEAD = /\b(?:excluded(?:\s+from\b[^:;.]{0,60})?|exclusions?|not\s+(?:included|covered|provided|supported)(?:\s+(?:in|by|under)\b[^:;.]{0,60})?|not\s+part\s+of\b[^:;.]{0,60}|outside\s+(?:of\s+)?(?:the\s+)?scope\b[^:;.]{0,60}|out[- ]of[- ]scope)\s*:/gi

// the same, as the label that keys a table row or a titled item: "Not included | …", "Topic: Out of scope | …", "Exclusions — …"
const EXCLUSION_LABEL = /^(?:[^:|\u2014\u2013\n]{1,30}:\s*)?(?:excluded|exclusions?|not\s+(?:included|covered|provided|supported)|out[- ]of[- ]scope|outside\s+(?:the\s+)?scope)\s*(?:\||[\u2014\u2013]|:)/i

/**
 * Is the mention at `index` of `text` work the agreement withholds, rather than work it takes on or a failure it
 * disclaims? It is when it is named after a lead-in that puts what follows outside the services ("The following are
 * excluded from this Agreement: …; repair of hardware damaged by lightning; …") or after such a label keying the
 * text as a table row or a titled item does ("Not included | Repairs to printers …", "Not included — Repairs …"), in an item of a list
 * such a lead-in (or a sentence declining work) introduces (`intro`), or after a negated scope verb of its own sentence ("BNIC does
 * not provide hardware repair, printer support …"). `customerAt` says whether the text binds the customer at an offset:
 * the customer declining work is no exclusion of services.
 */
export function withheldWork(text: string, index: number, intro: string | undefined, customerAt: (text: string, at: number) => boolean): boolean {
  if (intro !== undefined && /:\s*$/.test(intro)) {
    EXCLUSION_LEAD.lastIndex = 0
    if (EXCLUSION_LEAD.test(intro) || outsideOffer(intro) >= 0) return true
    const d = declinesWork(intro)
    if (d >= 0 && !customerAt(intro, d)) return true
    // Reading: a lead-in whose negated verb waits for its items ("The IT Desk does not:", "We won't:") is read on into
    // the item, as one sentence ("The IT Desk does not repair or replace hardware;"): an item that opens with a verb of
    // work is work declined
    if (NEGATION_WAITS.test(intro)) {
      const joined = `${intro.replace(/\s*:\s*$/, '')} ${text.trimStart()}`
      const j = declinesWork(joined)
      if (j >= 0 && j < joined.length - text.trimStart().length && !customerAt(joined, j)) return true
    }
  }
  const label = EXCLUSION_LABEL.exec(text)
  if (label && label[0].length <= index) return true
  EXCLUSION_LEAD.lastIndex = 0
  for (let m = EXCLUSION_LEAD.exec(text); m !== null && m.index < index; m = EXCLUSION_LEAD.exec(text)) {
    if (m.index + m[0].length <= index && !CONDITION_BEFORE.test(text.slice(0, m.index))) return true
  }
  const d = declinesWork(text)
  return d >= 0 && d < index && !customerAt(text, d)
}

/** A lead-in that ends on a negated auxiliary, its verb left to the items: "does not:", "won't:", "will not:". */
const NEGATION_WAITS = /\b(?:won[’']?t|will not|shall not|can[’']?t|cannot|don[’']?t|do not|doesn[’']?t|does not)[ \t]*:\s*$/i

/** Any negated scope verb, inside a condition or not: "If …, we won't support that machine" (a consequence). */
export function refusesWork(text: string): number {
  return DECLINES.exec(text)?.index ?? -1
}

/**
 * A title that says what the customer must do or bring, or what the provider needs from the customer: "What you need
 * to provide", "Things the clinic must have in place", "What I need from you", "What we ask of the school".
 */
const CUSTOMER_SUBJECT = String.raw`(?:you|the (?:customer|client|buyer|subscriber|licensee|member|tenant|school|practice|firm|company|charity|organi[sz]ation|institution|clinic|office|business|team)s?|your (?:team|staff|office|business|organi[sz]ation))`
const MUST = String.raw`(?:must|need to|needs to|have to|has to|should|are expected to|is expected to|are required to|is required to|agree to)`
const ASKS_TITLE = new RegExp(
  String.raw`^(?:what|things|items|anything)\s+(?:that\s+)?${CUSTOMER_SUBJECT}\s+${MUST}\s+(?!(?:know|understand|note|read|consider|expect|remember|ask|pay)\b)(?:\w+)(?:\s+(?:in place|ready|up|on|for us|to us))?\s*[.:?!]*$|^(?:what|(?:(?:a few|some|the|two|three|four|five)\s+)?things)\s+(?:i|we|the [\w-]+|[A-Z][\w&.-]*)(?:(?:'|\u2019)ll|(?:'|\u2019)d| will| would)?\s+(?:need|needs|require|requires|expect|expects|ask|asks)\s+(?:from|of)\s+${CUSTOMER_SUBJECT}\s*[.:?!]*$`,
  'i',
)

// Reading: the same asked as a question, its modal before the customer ("What must Members do?", "What do shops need to
// do?", "What does the Client have to do?"): the customer by its role word or a kind of customer, in the plural too
const ASKS_QUESTION = new RegExp(
  String.raw`^what\s+(?:must|should|do|does|will)\s+(?:${CUSTOMER_SUBJECT}|(?:the\s+)?(?:customers|clients|members|tenants|subscribers|schools|practices|shops|stores|clinics|offices|branches|sites|users|staff))\s+(?:need to\s+|needs to\s+|have to\s+|has to\s+)?do\s*[?.:!]*$`,
  'i',
)

/** Is the title a statement of what the customer must do, what the provider needs from the customer, or the customer's duties? */
export function asksOfCustomer(title: string, names?: Names): boolean {
  const t = title.replace(/[*_`]/g, '').replace(/^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z]\))\s+/i, '').trim()
  return t.length <= 80 && (ASKS_TITLE.test(t) || ASKS_QUESTION.test(t) || dutiesTitle(title, names) === 'customer' || CUSTOMER_MUST.test(roleTitle(title, names)))
}

/**
 * The customer, or a group of its people, as the subject of what must be done, read by roles: "What the Client IT Team
 * must do", "What the Client's staff need to do", "Things Holloway must have in place".
 */
// (and, in a checklist that gives each party its list, the customer as the subject of what it does: "The clinic does",
// "Client to do", "What the practice will do")
const CUSTOMER_MUST = /^(?:what )?CUSTOMER(?:'s?)?(?: [\w-]+){0,2} (?:(?:must|needs? to|has to|have to|should|(?:is|are) (?:expected|required) to) (?!(?:know|understand|note|read|consider|expect|remember|ask|pay)\b)[\w-]+(?: (?:in place|ready|up|on))?|does|will do|to do)$/

/**
 * A requirement: "must", "shall", "needs to", "is required to" followed by a state or conduct, not by a procedure (a
 * claim to submit, a notice to give, a fee to pay). Returns the modal's offset, or -1; whose requirement it is, the
 * caller asks.
 */
const REQUIREMENT = needs(/\b(?:must|shall|needs? to|ha(?:s|ve) to|(?:is|are) required to)\s+(?:not\s+|always\s+|at all times\s+)?(\w+)(?:\s+(\w+))?/gi)
const PROCEDURE = /^(?:submit\w*|notif\w*|pay|paid|report\w*|request\w*|claim\w*|inform\w*|tell|sign\w*|return\w*|give|given|raise\w*|log|logged|send|sent|made|make|received?|approv\w*|invoic\w*|reimburs\w*|refund\w*|provide notice|deliver\w*|respond\w*|answer\w*|acknowledg\w*|resolv\w*|restor\w*|credit\w*)$/i

// Reading: a need someone is told they do not have ("you do not have to call them yourself", "the Client doesn't need to
// buy spares", "never has to") releases them from it: no requirement
const RELEASED = /(?:\b(?:do|does|did|will|shall|would)\s+not|\b(?:don|doesn|didn|won|shan)['’]t|\bnever)\s+$/i

export function requirementAt(text: string): number {
  if (!hasMatch(REQUIREMENT, text)) return -1
  for (const m of text.matchAll(REQUIREMENT)) {
    if (!/^(?:must|shall|is|are)\b/i.test(m[0]) && RELEASED.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
    const verb = m[1]!.toLowerCase() === 'be' ? (m[2] ?? '') : m[1]!
    if (!PROCEDURE.test(verb)) return m.index
  }
  return -1
}

/**
 * Someone's presence put on named weekdays, with no clock times: "Our technician is in on Mondays and Fridays",
 * "we are around on Wednesday evenings", "I'm yours on Tuesdays". Days alone are service hours stated vaguely.
 */
const DAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)days?`
const ON_DAYS = new RegExp(String.raw`\b(?:on|every)\s+(?:${DAY}(?:\s+(?:mornings?|afternoons?|evenings?|nights?))?(?:\s*(?:,|and|or|&)\s*${DAY}(?:\s+(?:mornings?|afternoons?|evenings?|nights?))?)*|weekdays|weekends)\b`, 'i')
const PRESENCE = /\b(?:around|available|yours|in the office|on site|on-site|onsite|(?:is|are|am|[’']m|[’']re) in|here|reachable|on call|on duty|at your (?:office|disposal)|with you|working for you|free)\b/i

/** The offset of a statement of someone's presence on named weekdays, or -1. */
export function presentOnDays(text: string): number {
  const m = ON_DAYS.exec(text)
  if (!m) return -1
  return PRESENCE.test(text.slice(Math.max(0, m.index - 60), m.index)) ? m.index : -1
}

/**
 * A lead-in in which a party names what it works on as a list that follows: a subject, any verb of work (not one of
 * asking, charging or declining) and "these" / "the following", ending in a colon ("We back up these systems:",
 * "Our engineers monitor the following devices:", "Acme will look after each of these:").
 */
const LEADS_LIST = /(?:^|[.;]\s+|^\W*)(?:[Ww]e|I|[Oo]ur [a-z-]+|[Tt]he (?:[Pp]rovider|[Ss]upplier|[Cc]ontractor|[Vv]endor|[Cc]onsultant|MSP|team)|(?!(?:The|This|These|That|Those|Each|Every|All|Any|If|When|Where)\b)[A-Z][\w&-]+)\s+(?:will\s+|shall\s+|[’']ll\s+)?(?!(?:need|needs|require|requires|expect|expects|ask|asks|charge|charges|bill|bills|invoice|invoices|exclude|excludes|do|does|will|shall|cannot|can|won|are|is|may|must|should|not|no|never)\b)[a-z]+(?:\s+(?!(?:not|no|never|must|should|may|need|needs)\b)[a-z]+){0,3}?\s+(?:these|the following|all of the following|each of these|this list of)\b[^.:]{0,80}:\s*$/

/**
 * The same lead-in with no "these" or "the following": a subject and a verb by which a party takes work on, and at
 * most a short object, before the colon ("PRT manages and supports:", "Provider supports the Hospital's:", "For a
 * monthly fee of $1,980 we look after:"); or the offer itself as the subject ("Flat fee $1,740/mo covers:", "The
 * service has five parts:", "Your plan includes:").
 */
const WORK_VERB = String.raw`(?:${SCOPE_VERB}|monitors|maintains|patches|administers|operates|hosts|backs up|secures|updates)`
const PARTY_LEAD = new RegExp(
  String.raw`(?:(?:^|[.;,]\s+|^\W*)(?:\d+(?:\.\d+)*\.?\s+)?(?:[Oo]ur [a-z-]+|[Tt]he (?:[Pp]rovider|[Ss]upplier|[Cc]ontractor|[Vv]endor|[Cc]onsultant|MSP|team)|(?!(?:The|This|These|That|Those|Each|Every|All|Any|If|When|Where|For|In|On|At|By|To|Under|With|Customer|Client|(?:Fee|Charge|Price|Rate|Cost|Invoice|Payment|Exclusion|Limit|Term|Requirement|Obligation)s?)\b)[A-Z][\w&-]+)|(?:^|\s)(?:[Ww]e|I))\s+(?:will\s+|shall\s+|[’']ll\s+)?${WORK_VERB}(?:(?:,\s*|\s+and\s+)${WORK_VERB})*(?:\s+(?!(?:not|no|never|except|only)\b)[\w’'-]+){0,4}\s*:\s*$`,
)
// The offer may be "the present contract" (a translation's "el presente contrato"), and what it covers may be named
// after "the following" ("The present contract covers the following equipment:"), unless the list is of documents.
// Reading: the offer named with what it costs and then resumed by a pronoun ("the plan is $340/month, billed on the 1st,
// and it covers:") leads its list as the offer named right before its verb does ("the plan covers:").
const OFFER_LEAD =
  /(?:^|[.;,]\s+|^\W*)(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:the|this|your|our|each|every)\s+)?(?:(?:present|current)\s+)?(?:(?:flat|monthly|fixed|annual|yearly|quarterly|base|standard)\s+)?(?:service|plan|package|fee|subscription|retainer|bundle|price|contract)\b(?:[^.:;]{0,40}?|[^.:;]{0,80}?,?\s+and\s+(?:it|this|that))\s(?:covers|includes|buys(?: you)?|gets you|gives you|consists of|comprises|is made up of|has (?:\w+ )?(?:parts|components|elements|modules|services|strands))(?:\s+(?:the following|these)(?!\s+(?:documents?|schedules?|annex\w*|appendi\w*|exhibits?|attachments?|definitions?|terms|conditions|parts)\b)[^.:;]{0,60})?\s*:\s*$/i
/**
 * A lead-in in a letter's words that presents what the writer takes on as the list that follows: "Here's what I'd do
 * for you:", "Here is what we can take on this season:", "This is what we look after:".
 */
const WHAT_LEAD = new RegExp(
  String.raw`(?:^|[.;!]\s+|^\W*)(?:here(?:[’']s|\s+is)|this\s+is|below\s+is)\s+what\s+(?:i|we)(?:\s+(?:can|could|will|would|shall)|[’'](?:ll|d))?\s+(?:(?:also|happily|gladly)\s+)?${SCOPE_VERB}\b[^.:]{0,80}:\s*$`,
  'i',
)

const ENDS_COLON = /:\s*$/
// The contract's object or purpose stated as the list that follows, as translated contracts open: "The object of the
// present contract is the provision, by the CONTRACTED PARTY, of the following services to the CONTRACTING PARTY:"
const OBJECT_LEAD = /\b(?:object|subject(?:[- ]matter)?|purpose)\s+of\s+(?:the\s+|this\s+)?(?:present\s+)?(?:contract|agreement)\s+(?:is|are|consists? (?:of|in)|comprises?)\b[^.:;]{0,120}?\b(?:the following|these)\s+(?:[\w-]+\s+){0,2}?(?:services|works?|tasks|activities)\b[^.:;]{0,80}:\s*$/i

/** The name a lead-in opens with ("Larkspur maintains:"), to ask whose it is. */
const LEAD_NAME = /^(?:.*[.;,]\s+|\W*)(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?([A-Z][\w&-]+(?: [A-Z][\w&-]+){0,2})\s+(?:will\s+|shall\s+)?[a-z]/
/** The provider's own name alone before the colon ("For NZ$29 per device per month, Kauri Point:"): its predicates follow. */
const BARE_NAME = /(?:^|[,;]\s+)(?:the\s+)?([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3})\s*:\s*$/

/**
 * Does the sentence introduce a list of what a party works on? With the agreement's party names, a lead-in by the name
 * it gives the customer ("Larkspur maintains:") does not, and the provider's name alone before the colon does.
 */
export function leadsList(text: string, names?: ReadonlyMap<string, Party>): boolean {
  // every lead-in ends with its colon
  if (!ENDS_COLON.test(text)) return false
  if (LEADS_LIST.test(text) || PARTY_LEAD.test(text) || OFFER_LEAD.test(text) || WHAT_LEAD.test(text) || OBJECT_LEAD.test(text)) {
    const name = names?.size ? LEAD_NAME.exec(text) : null
    return !name || names!.get(name[1]!.toLowerCase()) !== 'customer'
  }
  const bare = BARE_NAME.exec(text)
  return !!bare && names?.get(bare[1]!.toLowerCase()) === 'provider'
}

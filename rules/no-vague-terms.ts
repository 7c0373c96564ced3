// no-vague-terms: commitments with no measurable standard ("promptly", "regular backups", "industry standard").
import {needs} from '../src/text.js'
import type {Reading} from '../src/reading/index.js'
import type {Party} from '../src/reading/parties.js'
import {allowedHit, compileTerms, configuredTerms, termListOptions, type TermHit, type TermListOptions} from '../src/reading/terms.js'
import {mayHold} from '../src/reading/values/index.js'
import {withoutHabit} from '../src/reading/wording.js'
import {ruleOptions, type Rule} from '../src/rule.js'
import data from './data/vague-terms.json' with {type: 'json'}

// An attempt at the work of the service ("will try to sort problems out the same day", "we'll try and get an engineer
// out"), whatever its verb, commits to no outcome; an attempt to tell the customer before a step is a courtesy, not the
// service (the data's "will try to" entry)
const terms = compileTerms(data.terms)
// "as amended from time to time", "which GitHub may publish from time to time", "regular business hours"
const EXCUSE_BEFORE = needs(/\b(?:amended|modified|updated|revised|supplemented|replaced|published|publish|posted|issued|changed|varied)\s+(?:by\s+[^.;]{1,30}\s+)?$/i)
// "may update its list of on-call engineers from time to time", "refresh the wording on this page from time to time",
// "I'll update the list above from time to time" (a word that locates the document goes with it),
// "may update this catalogue from time to time": when a document or a list is revised (a catalogue, brochure, letter,
// policy, price list), not how often a service is given
const DOCUMENT_REVISED =
  /\b(?:updat|revis|refresh|amend|chang|modif|replac|reissu|edit|vary|varie|rewrit|reword|publish|post)\w*\s+(?:(?:the|its|our|their|this|these|that|any|such|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?:lists?|pages?|wording|text|polic(?:y|ies)|documents?|documentation|register|directory|rota|roster|versions?|forms?|website|web ?site|terms|tables?|details|contacts?|guides?|handbooks?|manuals?|notices?|faqs?|templates?|price lists?|rate cards?|catalogues?|catalogs?|brochures?|leaflets?|booklets?|letters?|newsletters?|fact ?sheets?|data ?sheets?|descriptions?)\b(?:\s+(?:above|below|hereto|attached|overleaf))?(?:\s+(?:of|on|in|for)\s+[^.;:,]{1,40}?)?\s*$/i
// Reading: a set of rules or procedures named as a document, its name in capitals ("may update the Facility Rules from time to
// time", "revises its Site Regulations periodically"), is a document revised;
// rules kept in a system are work on it ("updates the branch firewall rules periodically")
const NAMED_RULES_REVISED = needs(/\b(?:[Uu]pdat|[Rr]evis|[Rr]efresh|[Aa]mend|[Cc]hang|[Mm]odif|[Rr]eplac|[Rr]eissu|[Ee]dit|[Vv]ary|[Vv]arie|[Rr]ewrit|[Pp]ublish|[Pp]ost|[Ii]ssu)\w*\s+(?:(?:the|its|our|their|this|these|that|any|such)\s+)?(?:[A-Z][\w'’&-]*\s+){1,3}(?:Rules|Regulations|Procedures|Guidelines|Instructions|Code of (?:Practice|Conduct))\s*$/)
// The form of a thing changed ("may change the layout of these reports from time to time", "revise the format of the
// invoices periodically", "refresh the look of the portal"): how a document or a page looks, not how often a service is
// given
const FORM_REVISED = needs(/\b(?:updat|revis|refresh|amend|chang|modif|replac|vary|varie|adjust|alter|redesign|rework|reformat)\w*\s+(?:(?:the|its|our|their|this|these|that|any|such|a|an)\s+)?(?:[\w'’-]+\s+)?(?:layouts?|formats?|formatting|designs?|look|styles?|structure|presentation|templates?|appearance)\s+(?:of\s+[^.;:,]{1,60}?\s*)?$/i)
// What a service updates or replaces, rather than a document that is revised: "Handset firmware is updated periodically"
// The agreement or a part of it revised ("will revise the Schedule periodically") or looked at again "from time to time"
// ("may review this Exhibit from time to time"): when the paper changes, not a cadence of service ("review this
// Agreement regularly at service meetings" promises meetings)
const AGREEMENT_PART = String.raw`(?:agreement|exhibit|schedule|annex|appendix|addendum|statement of work|sow|order form|sla|contract)`
// (a part named with its letter or number is that part: "We update Exhibit A from time to time", "revise Schedule 2")
const PART_LABEL = String.raw`(?:\s+(?:no\.?\s*)?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})\b)?`
const AGREEMENT_REVISED = new RegExp(String.raw`\b(?:updat|revis|amend|modif|replac|vary|varie)\w*\s+(?:(?:this|the|these|each|its|our|their)\s+)?${AGREEMENT_PART}${PART_LABEL}\s+$`, 'i')
// The same with the time first: "From time to time the parties may amend the Order Forms", "from time to time, vary the
// Schedules by a signed writing" (when the paper changes, not a cadence of service)
const DOCUMENT_REVISED_AFTER = new RegExp(
  String.raw`^\s*,?\s*(?:[\w'’-]+\s+){0,4}?(?:updat|revis|refresh|amend|modif|replac|reissu|vary|varie|rewrit|reword|publish)\w*\s+(?:(?:the|its|our|their|this|these|that|any|such|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?(?:${AGREEMENT_PART}|schedules|exhibits|annex(?:es|ures?)|appendices|order forms|statements of work|sows|polic(?:y|ies)|documents?|terms|price lists?|rate cards?|catalogues?|catalogs?|handbooks?|manuals?|forms?)\b`,
  'i',
)
const AGREEMENT_REVIEWED = new RegExp(String.raw`\b(?:review|revisit|reconsider)\w*\s+(?:(?:this|the|these|each|its|our|their)\s+)?${AGREEMENT_PART}${PART_LABEL}\s+$`, 'i')

// A review of prices is the provider's own housekeeping ("Our pricing is reviewed from time to time", "Provider reviews
// its call-out charges periodically"); a change of them ("may adjust its rates from time to time") is a term whose
// timing the customer needs
const PRICES = String.raw`(?:prices?|pricing|fees|rates|charges|rate cards?|price lists?|tariffs?)`
const PRICES_REVIEWED = new RegExp(
  String.raw`\b${PRICES}\s+(?:is|are|will be|may be|shall be|can be|gets?)\s+(?:\w+ly\s+)?reviewed\s+$|\breview(?:s|ed|ing)?\s+(?:(?:the|its|our|their|these|any|all|your)\s+)?(?:[\w'’-]+\s+){0,2}?${PRICES}\s+$`,
  'i',
)
// Reading: records the provider keeps of the customer's systems (documentation of the customer's environment, network
// diagrams, an asset register for its devices) are a deliverable of the service: updating them "regularly" leaves the
// service's cadence open, unlike revising a paper of the agreement or a guide ("the escalation list in Annex C", "this
// guide", "our user documentation")
const KEPT_RECORD = /\b(?:documentation|records?|register|diagrams?|runbooks?|inventor(?:y|ies))\s+(?:of|for|on)\s+(?:(?:the|your|its|their|our|all)\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:environment|networks?|systems?|infrastructure|devices|assets|estate|servers|equipment|set-?up|configurations?|sites?)\b|\b(?:network|system|systems|asset|infrastructure|configuration|environment|IT|device|hardware|software|licen[cs]e|site)\s+(?:documentation|register|records|diagrams?|inventory|runbooks?)\b/i
const RECORD_REVISED = /\b(?:documentation|register|records?|diagrams?|inventor(?:y|ies)|runbooks?|it|them)\b[^.;]{0,60}$/i
const SERVICED_THING = /\b(?:firmware|software|operating systems?|os|patch(?:es)?|antivirus|anti-virus|signatures?|definitions|drivers?|devices?|handsets?|phones?|servers?|workstations?|laptops?|pcs?|computers?|routers?|switches|firewalls?|printers?|hardware|equipment|toner|filters?|batter(?:y|ies)|passwords?|certificates?|backups?)\s+(?:(?:is|are|will be|shall be|gets?|get)\s+)?(?:\w+ly\s+)?(?:updated|replaced|changed|revised)\s+$/i
const STANDARD = needs(/\b(?:ISO(?:\/IEC)?\s?\d{4,5}|SOC\s?[12]|NIST|CIS (?:Controls|Benchmarks?)|PCI[- ]DSS|HIPAA|Cyber Essentials|ITIL|COBIT|FIPS\s?\d+|AES[- ]?\d+|TLS\s?1\.\d)\b/)

// Reading: a right to propose or ask for a change ("Either may propose changes from time to time; a change takes effect
// only when both sign", "The Customer can request amendments to the catalogue from time to time", "From time to time,
// either side may put forward variations to the device list") commits no one to act, so there is no cadence for the
// agreement to state; a promise to propose ("we will suggest improvements from time to time") stays vague
const CHANGE_NOUN = String.raw`(?:changes?|amendments?|variations?|modifications?|revisions?|alterations?|updates?|improvements?)`
const PROPOSAL_BEFORE = new RegExp(String.raw`\b(?:propos|suggest|request|recommend|put(?:s|ting)?\s+forward|ask(?:s|ing)?\s+for)\w*\s+(?:(?:any|such|further|the|its|their|our|your|a|an|new)\s+)?(?:[\w'’-]+\s+){0,2}?${CHANGE_NOUN}\b(?:\s+(?:to|of|in|for)\s+[^.;:,]{1,60}?)?\s*$`, 'i')
const PROPOSAL_AFTER = new RegExp(String.raw`^\s*,?\s*(?:[\w'’-]+\s+){0,3}?(?:may|can|could|is entitled to|are entitled to)\s+(?:propose|suggest|request|recommend|put forward|ask for)\s+(?:(?:any|such|further|the|its|their|our|your|a|an|new)\s+)?(?:[\w'’-]+\s+){0,2}?${CHANGE_NOUN}\b`, 'i')

// A participle of an act done by someone named after "by": "submitted", "raised", "placed"
// Reading: the noun a document's title ends on names the kind of paper it is ("… Care Plan", "… – Questions and Answers",
// "Service Guide"), and that noun after "this" or "these" ("We may update these answers from time to time", "revise
// this Guide") is the document itself: when it is revised, the paper changes, not how often a service is given
const SELF_REVISED = needs(/\b(?:updat|revis|refresh|amend|chang|modif|replac|reissu|edit|vary|varie|rewrit|reword)\w*\s+(?:this|these)\s+(?:[\w'’-]+\s+){0,2}?([a-z][\w'’-]*?)s?\s+$/i)
const SELF_NAME = {name: 'no-vague-terms: the nouns the document\'s title ends on'}
/** The nouns the document's title ends on, lower-cased and without a plural "s": of the whole title and of each part a dash or colon ends. */
function selfNames(reading: Reading): ReadonlySet<string> {
  return reading.own(SELF_NAME, () => {
    const title = reading.doc.title?.title ?? ''
    const out = new Set<string>()
    for (const part of title.split(/\s[–—-]\s|:\s|\s\(/)) {
      const last = /([a-z][\w'’-]*?)s?\W*$/i.exec(part.trim())
      if (last && last[1]!.length >= 3) out.add(last[1]!.toLowerCase())
    }
    return out
  })
}
function revisesItself(reading: Reading, near: string): boolean {
  const m = SELF_REVISED.exec(near)
  return m !== null && selfNames(reading).has(m[1]!.toLowerCase())
}
const ACTED_BEFORE = needs(/\b(?:submitted|raised|made|placed|logged|opened|sent|issued|requested|given|ordered|reported|added|proposed|asked for)\s+$/i)
const BY_AGENT = /^\s*,?\s*by\s+((?:the|your|its|their)\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}/i

/** The index of the cell of a table row's text (cells joined by " | ") that holds offset `at`. */
function cellIndex(text: string, at: number): number {
  let n = 0
  for (let i = text.indexOf(' | '); i >= 0 && i < at; i = text.indexOf(' | ', i + 3)) n++
  return n
}

/** Does the text right after the term name the customer's side as the agent ("by your staff", "by the Client", "by clinic staff")? */
function byCustomer(after: string, reading: Reading): boolean {
  const m = BY_AGENT.exec(after)
  return m !== null && (/^\s*,?\s*by\s+your\b/i.test(m[0]) || reading.firstParty(m[0].replace(/^\s*,?\s*by\s+/i, '')) === 'customer')
}

/** Is the sentence measurable in the way this term needs ("promptly" needs a time, "regularly" a frequency)? */
function measured(text: string, needs: string, reading: Reading): boolean {
  // a time hedged as a habit ("promptly, usually within the same working day") does not measure the term
  if (needs === 'duration') text = withoutHabit(text)
  // a time stated by reference: "within the times set out in the Second Schedule", "within the Response Times"
  if ((needs === 'duration' || needs === 'any') && REFERENCED_TIME.test(text)) return true
  // the cut clause is a fresh string that the Reading has rarely seen: the pre-checks rule most out without hashing it
  const valuesOf = (t: string) => reading.values(t)
  switch (needs) {
    case 'duration':
      return DEADLINE.test(text) || (mayHold.durations(text) && valuesOf(text).durations.some((d) => !framing(text, d))) || (mayHold.hours(text) && valuesOf(text).hours.some((h) => h.from !== undefined))
    case 'frequency':
      return mayHold.frequencies(text) && valuesOf(text).frequencies.length > 0
    case 'percentage':
      return mayHold.percentages(text) && valuesOf(text).percentages.length > 0
    case 'standard':
      return STANDARD.test(text)
    default: {
      // any measure of the act itself: a price or a billing cadence ("best effort only, billed hourly", "at hourly
      // rates") says what the work costs, not when or how well it is done
      if (STANDARD.test(text)) return true
      if (!reading.hasNumber(text)) return false
      const v = valuesOf(text)
      if (v.durations.some((d) => !framing(text, d)) || v.percentages.length > 0 || v.hours.some((h) => h.from !== undefined)) return true
      // (work "continuously until it is resolved" says that it does not stop, not when it ends)
      return v.frequencies.some((f) => !BILLING_BEFORE.test(text.slice(Math.max(0, f.start - 30), f.start)) && !BILLING_AFTER.test(text.slice(f.end, f.end + 20)) && !(f.intervalMinutes === 0 && UNTIL_AFTER.test(text.slice(f.end, f.end + 100))))
    }
  }
}
/**
 * A time given by a pointer at times stated elsewhere in the agreement ("promptly, and in any case within the times
 * above", "within the periods in the table below") is as measurable as the statement it reaches: measured when the
 * pointer reaches a stated time, and still vague when it reaches none.
 */
// Reading: "the periodic maintenance" picks out work whose cadence the agreement states where it gives it ("Periodic
// maintenance of the servers once in every 3 months", "periodic visits: one a quarter"), and is as measured as that
// statement; with no cadence stated anywhere ("carried out at the next periodic visit") it stays vague
const NEXT_WORD = /^\s+([a-z]{4,})\b/i
// per lint and phrase, up to two sentences that state the phrase's cadence: a document that names "periodic maintenance"
// a thousand times asks the blocks holding it once, not once per mention
const CADENCE_STATED = new WeakMap<Reading, Map<string, {block: unknown; index: number}[]>>()
function cadenceStatedElsewhere(reading: Reading, hit: TermHit): boolean {
  if (!/^periodic$/i.test(hit.text)) return false
  const word = NEXT_WORD.exec(hit.sentence.text.slice(hit.start - hit.sentence.start + hit.text.length))
  if (!word) return false
  const phrase = `periodic ${word[1]!.toLowerCase()}`
  let byPhrase = CADENCE_STATED.get(reading)
  if (!byPhrase) CADENCE_STATED.set(reading, (byPhrase = new Map()))
  let stated = byPhrase.get(phrase)
  if (!stated) {
    stated = []
    found: for (const i of reading.blocksWith(phrase)) {
      const block = reading.doc.blocks[i]!
      for (const sentence of block.sentences) {
        const at = sentence.text.toLowerCase().indexOf(phrase)
        if (at >= 0 && measured(reading.clauseAround(sentence.text, at), 'frequency', reading)) {
          stated.push({block, index: sentence.index})
          if (stated.length === 2) break found
        }
      }
    }
    byPhrase.set(phrase, stated)
  }
  return stated.some((s) => !(s.block === hit.block && s.index === hit.sentence.index))
}

function timedByPointer(reading: Reading, hit: TermHit, scope: string): boolean {
  if (hit.term.needs !== 'duration' && hit.term.needs !== 'any') return false
  // most scopes name no stated times at all: the pointers of the sentence are not looked for
  if (!TIME_NOUN_IN.test(scope)) return false
  const s = hit.sentence.text
  for (const p of reading.pointers(s)) {
    if (!TIME_NOUN.test(p.noun) || !scope.includes(s.slice(p.start, p.end))) continue
    const found = reading.reach(hit.block, hit.sentence.start + p.start, p, (t) => mayHold.durations(t) && reading.values(t).durations.length > 0)
    if (found) return true
  }
  return false
}
const TIME_NOUN = /^(?:times|periods|time ?frames|timescales|targets|deadlines)$/
const TIME_NOUN_IN = needs(/\b(?:times|periods|time ?frames|timescales|targets|deadlines)\b/i)
// "within the times set out in Schedule 2", "within the Resolution Times specified in the SLA"
// "within the response time in paragraph 4.2", "within the applicable Response Time", "within the target for its priority
// in the table in clause 5": a time given by reference to times the agreement states
const REFERENCED_TIME =
  /\bwithin\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:times?|periods?|targets?|timescales?|time ?frames?|deadlines?)\s+(?:(?:set out|specified|stated|defined|listed|given|shown|agreed)\s+in\b|(?:in|under|of|per)\s+(?:the\s+)?(?:table\s+(?:in|of|at)\s+)?(?:paragraph|para\.?|clause|section|§|schedule|annex|annexure|appendix|exhibit|attachment|table|sla|part)\b)|\bwithin\s+the\s+(?:applicable|relevant|corresponding|agreed|stated|committed)\s+(?:[\w-]+\s+){0,2}?(?:times?|periods?|targets?|timescales?|time ?frames?|deadlines?)\b/i
// "During the 30-day hypercare period, Redwood will respond with its best efforts": the span in which a duty applies
const FRAME_BEFORE = needs(/\b(?:during|throughout)\s+(?:the\s+|a\s+|an\s+|its\s+|each\s+|any\s+|this\s+|that\s+)?(?:first\s+|initial\s+)?$/i)

/** Does the duration name the span in which a duty applies, rather than the time the act takes? */
function framing(text: string, d: {readonly start: number}): boolean {
  return FRAME_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start))
}

// Reading: work that does not stop until an end ("work continuously on every P1 until it is resolved", "work on it
// continuously until service is restored", "in real time until fixed") states no time for the end, so an effort beside it
// stays unmeasured; a continuous cadence of a service ("backed up continuously", "monitored in real time") measures it
const UNTIL_AFTER = /^[^.;:]{0,80}?\buntil\b/i
// "billed hourly", "invoiced monthly", "at hourly rates", "a monthly fee": a frequency of billing, not of the service
const BILLING_BEFORE = /\b(?:bill(?:ed|able)|charged|invoiced|payable|paid|priced|costs?)\s+(?:\w+\s+)?$|\bat\s+$/i
const BILLED_BEFORE = needs(/\b(?:bill(?:ed|s)?|invoice[sd]?|charged|paid|payable|debited)\s+(?:\w+\s+)?$/i)
const BILLING_AFTER = /^\s*(?:rates?|fees?|charges?|prices?|invoices?|billing|payments?|subscriptions?)\b/i
// the break before the part that names the other cases: ", and on other days", ", but at other times", ", otherwise"
const OTHER_CASES = needs(/,\s*(?:(?:and|but)\s+)?(?:(?:on|at|for|in|during)\s+(?:all\s+|any\s+)?other\s+[a-z]+|otherwise)\b[^,;]*$/i)

// Reading: a term for extra cases beside a measured one ("will visit site as needed in addition to the weekly visit",
// "ad hoc calls on top of the monthly review") is not measured by that one: the measured case is named after the phrase
const BESIDE_MEASURED = /^[^;.]{0,40}?\b(?:in addition to|on top of|over and above|besides)\s/i

/** The scope from the break before the other cases' part, when the term stands in it (else the scope as given). */
function otherCases(text: string, at: number, scope: string): string {
  const beside = BESIDE_MEASURED.exec(text.slice(at))
  if (beside) {
    const k = scope.indexOf(text.slice(at + beside.index))
    if (k >= 0) return scope.slice(0, k)
  }
  const m = OTHER_CASES.exec(text.slice(0, at))
  if (!m) return scope
  const part = text.slice(m.index, text.indexOf(';', at) < 0 ? text.length : text.indexOf(';', at))
  return scope.includes(part) ? part : scope
}
// Reading: a term that qualifies one thing is not measured by the measure of another thing the sentence names after
// ", and" with its own article ("will send a usage report regularly, and a monthly availability report by the 5th" leaves
// the usage report unmeasured; "backups run nightly, and the copies are checked regularly" leaves the checks unmeasured)
const ANOTHER_THING = /,\s*and\s+(?:also\s+)?(?:an?|the|one|each|our|its|their|your)\s+(?=[a-z])/gi
/** The scope cut to the thing the term at `at`..`end` of `text` qualifies: between the breaks before other things named with ", and a/the". */
function ownThing(text: string, at: number, end: number, scope: string): string {
  if (!text.includes(', and') && !text.includes(',and')) return scope
  const base = text.lastIndexOf(scope, at)
  if (base < 0) return scope
  let from = base
  let to = base + scope.length
  ANOTHER_THING.lastIndex = 0
  for (let m = ANOTHER_THING.exec(text); m !== null; m = ANOTHER_THING.exec(text)) {
    if (m.index + m[0].length <= at) from = Math.max(from, m.index + m[0].length)
    else if (m.index >= end) {
      to = Math.min(to, m.index)
      break
    }
  }
  return from === base && to === base + scope.length ? scope : text.slice(from, to)
}
/** The part of a sentence between the semicolons around an offset. */
function betweenSemicolons(text: string, at: number): string {
  const to = text.indexOf(';', at)
  return text.slice(text.lastIndexOf(';', at - 1) + 1, to < 0 ? text.length : to)
}
/** The sentence of a cell's text around an offset, as [text, offset in it]: a sentence ends at ".", "!" or "?" before a capital. */
function sentenceAround(text: string, at: number): [string, number] {
  let from = 0
  for (const m of text.slice(0, at).matchAll(/[.!?]["'”’)]?\s+(?=["'“‘(]?[A-Z])/g)) from = m.index + m[0].length
  const end = /[.!?]["'”’)]?\s+(?=["'“‘(]?[A-Z])/.exec(text.slice(at))
  return [text.slice(from, end ? at + end.index + 1 : text.length), at - from]
}
/** The cell of a table row ("Header: cell | Header: cell") that holds an offset. */
function cellAround(text: string, at: number): string {
  const from = text.lastIndexOf('|', at - 1) + 1
  const to = text.indexOf('|', at)
  return text.slice(from, to < 0 ? text.length : to)
}

const ON_DEMAND = /^(?:as needed|as required|when necessary)$/i
// A use of something limited to a purpose ("handle personal information only as needed to provide the Services", "access is
// granted only as required for the role", "no more than necessary for"): the need bounds the use, it is not a cadence
// (with the use and its object between: "will only access data as needed to deliver the services")
const PURPOSE_LIMIT_BEFORE = needs(/\b(?:only|solely|strictly|exclusively)\s+(?:[\w'’-]+\s+){0,3}$/i)
const PURPOSE_AFTER = /^\s*(?:to|for|in order to|by)\b/i
// Work that waits on someone being free ("when a technician is available", "subject to availability", "we'll see what we
// can do") commits to no time; offered for the time outside the stated hours, it is an offer of out-of-hours work, which
// the after-hours clause judges (whether it is done and how it is charged), not a service time left vague
const FREE_HEDGE = needs(/(?:availab\w*|\bfree|capacity|workload|\bwhat\b.*\bcan(?: do)?)$/i)
const OUT_OF_HOURS = /\b(?:outside|beyond|after|out of)\b[^.;]{0,40}\b(?:hours|timetable|schedule|times)\b|\bafter[- ]hours\b|\bout[- ]of[- ]hours\b|\b(?:weekends?|evenings?|overnight|nights?|late|saturdays?|sundays?|(?:bank|public) holidays?)\b/i
// Reading: a price per unit is an amount of money with the unit it buys after it ("per visit", "/ piece", "a visit",
// "each"): an amount written with a currency sign ("95,00 €", "NZ$90", "R$ 35"), a code of three capitals ("CHF 180",
// "2 400 SEK") or a word written short before or after it ("KSh 3,500", "Tk. 1,200", "Rs 520/-", "250 Kč", "1.200 Ft"), or
// one the money reading names ("450 rupees"); a short word is the currency's name without its vowels, so a number's name
// or bound ("max. 2", "Nr. 4") and a unit of measure ("50 GB per user", "3 hrs per visit") price nothing
const PRICE_AMOUNT = String.raw`\d{1,3}(?:[,.\u00a0\u202f ]\d{3}){1,4}(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,2})?`
const PER_UNIT_AFTER = String.raw`\s*(?:\/-\s*)?(?:\+\s*(?:[A-Z]{2,5}|tax)\s*)?(?:\((?:excl|incl|ex|plus|net|gross)[^)]{0,20}\)\s*)?(?:per\s+(?:\d[\d.,]*\s+)?\p{L}|\/\s?\p{L}|an?\s+\p{L}|each\b|apiece\b)`
const PRICE_PER_UNIT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[A-Z]{0,3}\p{Sc}|S\/\.?|(?<pre>\p{L}{2,4})\.?)\s?(?:${PRICE_AMOUNT})(?:\s?\/-)?${PER_UNIT_AFTER}|(?<![\p{L}\p{N}.,])(?:${PRICE_AMOUNT})\s?(?:\p{Sc}|(?<post>\p{L}{2,4})\.?(?!\p{L})|\/-)${PER_UNIT_AFTER}`,
  'gu',
)
const UNIT_AFTER_AMOUNT = new RegExp(String.raw`^${PER_UNIT_AFTER}`, 'u')
// short words before or after a number that are not a currency: a number's name or bound, a unit of measure
const NOT_CURRENCY = new Set('nr pp pg pt st hr hrs ms mr mrs dr vs cf sq pc pcs ch cl sch ph ltd gb tb mb kb gbps mbps kbps km kg mm cm px kw kwh th nd rd tv db hz khz mhz ghz lbs sqm ppm rpm fps dpi'.split(' '))
/** A word written short for a currency: a code of three capitals, or a word of two to four letters without a vowel. */
function currencyWord(w: string): boolean {
  return /^[A-Z]{3}$/.test(w) || (!/[aeiouy]/i.test(w) && !NOT_CURRENCY.has(w.toLowerCase()))
}
/** Does the text price something per unit (see PRICE_PER_UNIT)? */
function pricedPerUnit(text: string, reading: Reading): boolean {
  if (!/\d/.test(text)) return false
  PRICE_PER_UNIT.lastIndex = 0
  for (let m = PRICE_PER_UNIT.exec(text); m !== null; m = PRICE_PER_UNIT.exec(text)) {
    const word = m.groups?.['pre'] ?? m.groups?.['post']
    if (word === undefined || currencyWord(word)) return true
    PRICE_PER_UNIT.lastIndex = m.index + 1
  }
  return reading.values(text).money.some((a) => a.per !== undefined || UNIT_AFTER_AMOUNT.test(text.slice(a.end, a.end + 40)))
}
// "regular business hours", "regular rates", "periodic fees": a kind of hours or of charge, not a cadence of service
const EXCUSE_AFTER = /^\s*(?:business|working|office) hours|^\s*(?:hourly )?(?:rates?|fees?|charges?|payments?|invoic\w+|billing)\b|^\s*mail\b/i
// Reading: a regular or periodic occasion named by its date ("at its regular meeting of March 9, 2026", "the periodic
// review held on 2 February 2026") is that one dated occasion, not a cadence of service
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
const DATED_OCCASION = new RegExp(
  String.raw`^(?:\s+[a-z-]+){0,2}?\s+(?:of|on|held on|held|dated|that took place on)\s+(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\d{4}-\d{2}-\d{2}\b)`,
  'i',
)
// Reading: a deadline set by a point of the calendar ("by the 5th business day of the following month", "no later than the
// 10th of each month", "on or before 31 March") bounds a time as a stated duration does
const DEADLINE = new RegExp(
  String.raw`\b(?:by|before|no later than|not later than|on or before)\s+(?:the\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|tenth|last)\s+(?:(?:business|working|calendar|banking)\s+)?day\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH}|(?:each|every|the|that|the following|the next)\s+month)\b|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b)`,
  'i',
)
// the object of efforts "to meet" something, up to the end of its clause
const TO_MEET = /^\s+to (?:meet|achieve|attain|satisfy|comply with)\b([^.;:]{0,100})/i
// an object that names service targets or levels ("the targets in Schedule B", "the P4 response times", "the SLAs")
const TARGET_OBJECT = /\b(?:targets?|service[- ]levels?|SLAs?|KPIs?|objectives?|(?:response|resolution|restoration|fix|repair|recovery)\s+times?|times?\s+(?:in|set out|stated|listed))\b/i
// a document of its own that may set out the targets: an order, a statement of work, an addendum, a quotation, a policy
const OTHER_DOCUMENT = /\b(?:order forms?|(?:service|work|purchase) orders?|orders?|statements? of work|SOWs?|addend(?:um|a)|quot(?:e|es|ation|ations)|proposals?|polic(?:y|ies))\b/i
/** Does the agreement state targets of the kind the object names (any service level when it names no kind)? */
function targetsStated(reading: Reading, object: string): boolean {
  if (/\b(?:resol|restor|fix|repair|recover)/i.test(object)) return reading.statedTimes('resolution').length > 0
  if (/\brespon/i.test(object)) return reading.statedResponseTimes.length > 0
  if (/\b(?:availab|uptime|up-time)/i.test(object)) return reading.statedMetrics.length > 0
  return reading.statedMetrics.length > 0 || reading.statedResponseTimes.length > 0
}
// the object of an effort that is the work done to the agreement's service levels (see the reading where it is used)
const TO_SERVICE_LEVELS =
  /^\s+to\s+(?:[\w'’-]+\s+){1,6}?(?:in accordance with|in line with|consistent with|in compliance with|so as to meet|as per|to)\s+(?:the\s+|its\s+|our\s+|all\s+|these\s+)?(?:applicable\s+|agreed\s+|relevant\s+|stated\s+)?(?:service[- ]levels?|service[- ]level (?:targets?|agreements?|terms)|SLAs?|KPIs?)\b/i
// A variable that holds a value ("Target Uptime", "Response Time"), not a party's name
const VALUE_VARIABLE = /\b(?:target|time|uptime|availability|period|limit|amount|fee|percentage|level|days|hours|window|credit|threshold|objective)\b/i
// A time by which the act is still not done: "not corrected within 30 days", "has not been restored in 8 hours", "fails to
// fix it within a week"
const OPENS_ON_CONDITION = /^\W*(?:\(?\w{1,3}[.)]\s+)?(?:if|where|when|should|unless|in case|in the event)\b/i
const NOT_DONE_WITHIN = /\b(?:not|n['’]t|never|unable to|fails? to|failed to|cannot|can['’]t)\b[^.,;]{0,60}?\b(?:with)?in\b/i
// The next sentence bounds the same action: "If Gamma is unable to do so within …", "fails to do so within …"
const DOES_SO = needs(/\b(?:fails?|is unable|are unable|cannot|can't|does not|do not|doesn't|don't)\s+(?:to\s+)?do so\b/i)
const EFFORTS = /efforts?|endeavou?rs?|reasonable|\bbest\b|\butmost\b|\bwhat\b.*\bcan\b/i
const LIABILITY_EXTENT = needs(/\bliabilit(?:y|ies)\b[^.;]{0,100}\b(?:is|are|shall be|will be)\s+(?:limited|restricted)\s+to\s+(?:using\s+|the use of\s+)?(?:its\s+|their\s+)?$/i)
const EFFORTS_CONDITION = needs(/\b(?:after|despite|notwithstanding|following)\s+(?:using\s+|the use of\s+|having used\s+)?(?:its\s+|their\s+|his\s+|her\s+|our\s+|all\s+)?$/i)
// Reading: a term that qualifies what has been going on until now, a verb in a progressive past or perfect ("the clinic
// has been calling us on an ad hoc basis", "faults were being fixed as needed"), tells the history the agreement starts
// from, not a commitment; a clause that also commits ("… and will go on doing so as needed") or a perfect that states a
// standing duty ("the Provider has been engaged to attend as needed") stays a commitment
const HISTORY_BEFORE = /\b(?:(?:has|have|had)\s+been|(?:was|were)(?:\s+being)?)\s+(?:\w+ly\s+)?[a-z]+ing\b/i
const COMMITS = /\b(?:will|shall|must|agrees?|undertakes?|commits?|promises?|guarantees?)\b|['’]ll\b/i
const PAPERWORK = needs(/\b(?:is|are|be|been|being)\s+(?:duly\s+)?(?:executed|signed|countersigned|entered into)\s+$/i)
// connectives that start another step or another duty: "whereupon", "after which", "… and shall …"
const OTHER_STEP = /,?\s*\b(?:whereupon|whereafter|after which|following which|upon which|(?:and|but)\s+(?:shall|will|must)\b)/gi

/**
 * The sentence around [from, to) with the steps and duties other than the one holding it blanked out, as [text, index of
 * from]: the sentence itself when there are none, else a window as far as a clause reaches (a bounded cost per hit).
 */
function ownStep(s: string, from: number, to: number): [string, number] {
  const base = Math.max(0, from - 400)
  const window = s.slice(base, Math.min(s.length, to + 400))
  const f = from - base
  const t = to - base
  let start = 0
  let end = window.length
  OTHER_STEP.lastIndex = 0
  for (let m = OTHER_STEP.exec(window); m !== null; m = OTHER_STEP.exec(window)) {
    // (a connective whose modal opens the term itself, "… within the hour and will try to sort …", starts its step too)
    if (m.index < f) start = m.index
    else if (m.index >= t) {
      end = m.index
      break
    }
  }
  if (start === 0 && end === window.length) return [s, from]
  return [' '.repeat(start) + window.slice(start, end), f]
}

// A phrase written with capitals right before a word for a product or an option names that product ("the High
// Availability add-on", "the High Availability option"): its name commits to nothing
const PRODUCT_NOUN = /^[ \t]+(?:add-?ons?|options?|packages?|bundles?|modules?|editions?|licen[cs]es?|SKUs?|appliances?|pairs?|clusters?)\b/i
const TITLE_CASE = /^[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)*$/
// "High availability" before a concrete arrangement of equipment ("a high-availability pair", "a high availability cluster
// of two nodes") says how the equipment is set up, not how available a service is
// (after its abbreviation and the kind or make of the equipment: "a high-availability (HA) FortiGate pair", "a high
// availability SQL cluster", "a high-availability firewall pair"; not "high availability of the cluster", which says how
// available the cluster is)
const ARRANGEMENT = /^[ \t]+(?:\([A-Z]{2,4}\)[ \t]+)?(?:(?!(?:of|the|a|an|for|to|and|or|with|in|on|at|across|our|your|its|their|all|every|each|any)\b)[\w-]+[ \t]+){0,2}?(?:pairs?|clusters?|configurations?|set-?ups?|nodes?)\b/i

// an opening quotation mark right before a term and the closing one right after it: the term fills the quotation
const MENTIONED = /(?:^|[\s(\[])["“‘'«]\s?$/
const QUOTE_CLOSE = /^\s?["”’'»]/
// the words of an aim, and a time stated in words that it may aim at
const AIM = /\baim(?:s|ing)?\b/i
const TIMED_IN_WORDS = /\b(?:same|next|following)\s+(?:business\s+|working\s+)?day\b|\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:(?:next|following)\s+)?(?:(?:business|working)\s+)?day\b|\b(?:today|tomorrow)\b/i
// a time of day or a deadline a hedge can make optional ("the same day where possible")
const TIME_WORDS = /\b(?:same|next|following)\s+(?:business\s+|working\s+)?day\b|\b(?:today|tonight|tomorrow|overnight)\b|\bwithin\b/i

// A promise whose only condition is the promiser's own ability ("he'll come round if he can", "we will ring back if we can",
// "Ridgeback will also help out after hours when it can") commits to nothing, with or without a time, whoever the promiser
// is named as
const OWN_ABILITY = /^(?:if|where|wherever|when|whenever) (?:I|we|he|she|it|they) (?:can|am able|are able|is able)$/i
const PROMISED = /(?:\b(?:will|shall)|['’]ll)\b[^.;:!?]*$/i

// A sentence that opens with the customer by its name as the subject of a present-tense verb: "The CLINIC reports …",
// "2.1 The Customer notifies …" (not "The Customer receives a reply …", which the provider gives)
const CUSTOMER_ACTS = /^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?(?:[Tt]he\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(?:\w+ly\s+|also\s+)?([a-z]+s)\b/
const UNDERGOES_VERB = /^(?:is|has|was|does|receives|gets|obtains|enjoys|sees|experiences|suffers|benefits|needs|wants|expects)$/

// The same addressed to the customer as "you", whose verb has no "-s": "5.2 You give us admin access …, keep every computer on
// a supported system, and tell us promptly when staff leave" (verbs coordinated with it share its subject)
const YOU_ACT = /^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?you\s+(?:\w+ly\s+|also\s+)?([a-z]+)\b/i
const YOU_UNDERGO = /^(?:are|were|will|would|shall|should|can|could|may|might|must|do|did|have|had|get|receive|see|hear|enjoy|benefit|obtain|experience|need|want|expect|deserve)$/i
// the provider as the subject of a later clause before the term: "You call us and we respond promptly"
const PROVIDER_SUBJECT_AGAIN = /(?:[;,:]|\b(?:and|but|then|while|whereupon)\b)\s*(?:then\s+)?(?:we|I|the\s+(?:provider|supplier|contractor|msp|vendor))\b/i

/** Does the text before the term open with the customer acting ("The CLINIC reports each fault", "You give us access …, and tell us")? */
function customerActs(head: string, parties: ReadonlyMap<string, Party>): boolean {
  const you = YOU_ACT.exec(head)
  if (you) return !YOU_UNDERGO.test(you[1]!) && !PROVIDER_SUBJECT_AGAIN.test(head.slice(you[0].length))
  const m = CUSTOMER_ACTS.exec(head)
  if (!m || UNDERGOES_VERB.test(m[2]!)) return false
  const name = m[1]!.toLowerCase()
  return /^(?:client|customer|buyer|subscriber|licensee|purchaser)$/.test(name) || parties.get(name) === 'customer'
}

// Reading: a term inside a condition whose subject is someone other than the provider ("If anyone regularly works from home,
// let me know", "where your staff frequently travel abroad", "when a user occasionally needs a spare laptop") says whom or
// what the condition picks out, not how often or how fast the provider acts; a condition on the provider's own act ("if
// we do not respond promptly", "when the Provider regularly misses a target") and a main clause run on without a comma
// ("When a fault is logged we respond promptly", "If you call the Provider will attend as soon as possible") are read as before
// ("when" and "where" after a noun may open a relative clause, "a portal where alerts are checked regularly": only at the
// head of a clause are they read as a condition)
const CONDITION_OPEN = /(?:(?:^|[,;:(\u2014\u2013]\s*|\b(?:and|or|but)\s+)(?:where|wherever|when)|\b(?:if|whenever|in case|unless|in the event that))\s+([^,;:.()]{1,80})$/i
const MAIN_CLAUSE_IN = /\b(?:will|shall|must|we|I|us|our)\b|['\u2019]ll\b/i

/** Is the term inside a condition whose subject is not the provider ("If anyone regularly works from home, …")? */
// Reading: a term inside a clause whose subject is the customer, right after the noun the clause describes ("Items the
// Festival regularly asks about", "the reports you regularly request", "changes that the Client frequently makes"), says
// how the customer acts, not what the provider commits to; what the customer is given stays the provider's ("the reports
// the Client regularly receives")
// (the customer named as "you" is the subject only after the noun the clause describes or its relative word: "Reports you
// regularly request", "anything that you often need"; after a verb or a preposition it is the object, "we'll tell you
// promptly", "check in with you regularly")
const RELATIVE_HEAD = /\b([A-Za-z][\w-]*)\s+(?:(?:that|which|whom)\s+)?(?:(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})|(you|your\s+(?:staff|users|team|people)))\s+$/
const YOU_AFTER_NOUN = /^(?:that|which|whom|anything|everything|something|items?|reports?|requests?|changes?|orders?|questions?|extras?|things?|jobs?|tasks?|devices?|documents?|files?|services?|calls?|tickets?)$/i
const NOT_A_VERB = /^(?:to|if|when|whenever|before|after|and|or|but|so|as|that|about|of|in|on|at|for|with|by|from|until|unless|once|while|than|then|where)$/
const RELATIVE_VERB = /^\s+([a-z]+)\b/
/** Is the term in a clause whose subject, named right before it, is the customer acting (see RELATIVE_HEAD)? */
function customerRelative(before: string, after: string, parties: ReadonlyMap<string, Party>): boolean {
  const m = RELATIVE_HEAD.exec(before)
  const verb = RELATIVE_VERB.exec(after)?.[1]
  if (!m || verb === undefined || NOT_A_VERB.test(verb) || UNDERGOES_VERB.test(verb) || YOU_UNDERGO.test(verb) || /^(?:be|been|being|not|never)$/.test(verb)) return false
  // (a verb of its own: "you regularly request", "the Festival regularly asks"; not a participle after an object, "keep you
  // regularly informed", "keep the Client regularly updated")
  if (m[3] !== undefined) return YOU_AFTER_NOUN.test(m[1]!) && !/(?:ed|ing)$/.test(verb)
  if (!/^[a-z]+s$/.test(verb)) return false
  const name = m[2]!.toLowerCase()
  return /^(?:client|customer|buyer|subscriber|licensee|purchaser)$/.test(name) || parties.get(name) === 'customer'
}

function othersCondition(s: string, at: number, reading: Reading): boolean {
  const m = CONDITION_OPEN.exec(s.slice(Math.max(0, at - 120), at))
  if (!m || MAIN_CLAUSE_IN.test(m[1]!)) return false
  return reading.firstParty(m[1]!) !== 'provider'
}

export default {
  meta: {
    id: 'no-vague-terms',
    description: 'Flags commitments with no measurable standard, such as "promptly", "regularly", "best efforts" or "industry standard"',
    category: 'language',
    severity: 'warning',
    messages: {vague: 'Vague term "{text}"; {suggestion}'},
    options: ruleOptions<TermListOptions>(termListOptions('vague terms')),
  },
  check(context) {
    const {reading} = context
    const configured = configuredTerms(terms, context.options, 'state a measurable standard (a time, a frequency or a number)')
    for (const hit of reading.termHits(configured.terms)) {
      if (allowedHit(hit, configured.allow)) continue
      const s = hit.sentence.text
      const at = hit.start - hit.sentence.start
      const after = s.slice(at + hit.text.length)
      // the text before the term, cut once: the readings below look back 160, 120 or 60 characters
      const before = s.slice(Math.max(0, at - 160), at)
      const near = before.slice(-120)
      // measurable in its own clause: "(a) notify … within 72 hours; (d) take prompt steps …" leaves (d) vague
      // (an effort is bounded by any number in its sentence: "… reasonable effort to provide a copy, provided that the request is made within 90 days")
      // in a table, a value belongs to its own cell: "1 working day" in the next cell does not measure "Reasonable endeavours"
      // a time that starts a later step ("… promptly correct it, whereupon a new Acceptance Period of 5 Business Days
      // shall commence") measures that step, not the act the term qualifies
      // a word quoted on its own is mentioned, not used: a translation or usage note ('read « dans les meilleurs délais » as
      // "promptly"', 'we do not write "best efforts"') glosses the word and commits to nothing
      if (MENTIONED.test(s.slice(Math.max(0, at - 2), at)) && QUOTE_CLOSE.test(after)) continue
      if (TITLE_CASE.test(hit.text) && PRODUCT_NOUN.test(after)) continue
      // a name written in capitals ("the Peak Performance app", and the same name elsewhere alone) commits to nothing
      if (TITLE_CASE.test(hit.text) && reading.inThingName(hit)) continue
      if (/^high[- ]availab/i.test(hit.text) && ARRANGEMENT.test(after)) continue
      const [own, ownAt] = ownStep(s, at, at + hit.text.length)
      // (an effort is bounded by any measure of its sentence; any other term of no one kind of measure by a measure between
      // the semicolons around it: "Quarterly review with the CIO; we also attend board meetings as needed" leaves the
      // meetings unmeasured)
      // (and in a table's cell likewise: "Monthly cycle; emergency patches as needed" leaves the emergency patches unmeasured)
      // Reading: a cell that holds sentences of its own is read as prose is: a term other than an effort is measured
      // within its own sentence of the cell ("Answer calls weekdays 7am to 7pm. We get back to you as soon as possible."
      // leaves the reply unmeasured), an effort by its whole cell as by its whole sentence
      const cell = hit.block.kind === 'table-row' ? cellAround(hit.block.text, hit.start) : undefined
      const inCell = hit.start - (hit.block.text.lastIndexOf('|', hit.start - 1) + 1)
      const cellPart = cell !== undefined && !EFFORTS.test(hit.text) ? sentenceAround(cell, inCell) : undefined
      const wide = cell !== undefined ? (cellPart !== undefined ? (hit.term.needs === 'any' ? betweenSemicolons(cellPart[0], cellPart[1]) : cellPart[0]) : cell) : hit.term.needs === 'any' ? (EFFORTS.test(hit.text) ? own : betweenSemicolons(own, ownAt)) : reading.clauseAround(own, ownAt)
      // Reading: a term in the part of a sentence that names the other cases ("on site two days a week, and on other days as
      // needed", "monthly, and otherwise as required") is not measured by the measure of the cases named before it
      const scope = cell === undefined && !EFFORTS.test(hit.text) ? (hit.term.needs === 'any' ? otherCases(own, ownAt, wide) : ownThing(own, ownAt, ownAt + hit.text.length, wide)) : wide
      // a hedge ("where possible", "if practicable") is vague where it makes a stated time optional ("the same day where
      // possible", "within 4 hours if practicable"); elsewhere it qualifies a manner, which other terms judge
      if (hit.term.needs === 'timed') {
        if (!TIME_WORDS.test(scope) && !measured(scope, 'duration', reading) && !(OWN_ABILITY.test(hit.text) && PROMISED.test(near))) continue
      } else if (measured(scope, hit.term.needs, reading) || timedByPointer(reading, hit, scope) || cadenceStatedElsewhere(reading, hit)) continue
      // Reading: an aim names its target, and a target stated in words ("We aim to respond the same day", "aims to fix it by
      // the end of the next working day") is as measured as one in figures ("aim to respond within 4 hours"); an attempt, a hope or
      // an effort ("will try to fix it the same day", "aspires to restore it on the same day", "best efforts to attend the
      // same day") commits to trying, not to the time, and stays vague
      if (AIM.test(hit.text) && TIMED_IN_WORDS.test(scope)) continue
      // a measure that the term introduces after a colon ("Backups run frequently: every 4 hours", "a quick turnaround:
      // within 1 business day") is the term's own, though a colon ends the clause
      if (hit.term.needs !== 'timed' && /^\s*:/.test(after) && measured(after.slice(after.indexOf(':') + 1), hit.term.needs, reading)) continue
      // (a document is amended from time to time; software, firmware or a device that is "updated periodically" is
      // given a service with no stated cadence)
      const keptRecord = /from time to time|periodic|regular/i.test(hit.text) && KEPT_RECORD.test(s) && RECORD_REVISED.test(near)
      if (/from time to time|periodic/i.test(hit.text) && !keptRecord && EXCUSE_BEFORE.test(s.slice(0, at)) && !SERVICED_THING.test(s.slice(Math.max(0, at - 80), at))) continue
      // (a document revised or prices reviewed "from time to time", "periodically" or "regularly" say when the paper is
      // looked at, not how often a service is given)
      if (/from time to time|periodic|regular/i.test(hit.text) && !keptRecord && (DOCUMENT_REVISED.test(near) || FORM_REVISED.test(near) || NAMED_RULES_REVISED.test(near) || PRICES_REVIEWED.test(near) || AGREEMENT_REVISED.test(near.slice(-60)))) continue
      if (/from time to time/i.test(hit.text) && AGREEMENT_REVIEWED.test(near.slice(-60))) continue
      if (/from time to time|periodic/i.test(hit.text) && !keptRecord && revisesItself(reading, near.slice(-80))) continue
      if (/from time to time/i.test(hit.text) && DOCUMENT_REVISED_AFTER.test(after.slice(0, 120))) continue
      // an act of the customer's side that it times itself ("Change requests submitted from time to time by your staff",
      // "orders placed from time to time by the Client"): the customer picks the moment, not the provider
      if (/from time to time/i.test(hit.text) && ACTED_BEFORE.test(s.slice(Math.max(0, at - 30), at)) && byCustomer(after, reading)) continue
      if (/from time to time/i.test(hit.text) && ((PROPOSAL_BEFORE.test(before) && reading.permissionHolder(s, at) !== undefined) || PROPOSAL_AFTER.test(after.slice(0, 160)))) continue
      // a right is not a commitment; but a right used "from time to time" leaves its timing open
      // (in a table, within the term's own cell: "Single user or request" in the next cell grants nothing)
      const cellStart = hit.block.kind === 'table-row' ? hit.block.text.lastIndexOf('|', hit.start - 1) + 1 : -1
      const permitted = cellStart >= 0 ? reading.isPermission(scope, hit.start - cellStart) : reading.isPermission(s, at)
      if (!/time to time/i.test(hit.text) && hit.term.needs !== 'frequency' && permitted) continue
      // the customer's own option to change what is covered ("The Customer may add devices from time to time by signing an
      // addition form"): the customer picks the moment, so there is no timing for the agreement to state
      if (/from time to time/i.test(hit.text) && cellStart < 0 && reading.permissionHolder(s, at) === 'customer') continue
      if (/regular|periodic/i.test(hit.text) && EXCUSE_AFTER.test(after)) continue
      if (/regular|periodic/i.test(hit.text) && DATED_OCCASION.test(after.slice(0, 80))) continue
      // a cadence of billing ("invoiced on a recurring basis", "charged at set intervals"), not of a service
      if (hit.term.needs === 'frequency' && BILLED_BEFORE.test(s.slice(Math.max(0, at - 40), at))) continue
      // work ordered "as needed" at a price per unit ("| Additional work | as needed | NZ$165 per hour |", "extra visits as
      // required at $120 each"): the customer buys it when it wants it, so there is no cadence for the agreement to state
      if (ON_DEMAND.test(hit.text) && PURPOSE_LIMIT_BEFORE.test(s.slice(Math.max(0, at - 50), at)) && PURPOSE_AFTER.test(after)) continue
      if (ON_DEMAND.test(hit.text) && pricedPerUnit(hit.block.kind === 'table-row' ? hit.block.text : betweenSemicolons(s, at), reading)) continue
      if (FREE_HEDGE.test(hit.text) && OUT_OF_HOURS.test(`${hit.block.sentences[hit.sentence.index - 1]?.text ?? ''} ${s}`)) continue
      // the customer's own act in the present tense ("The CLINIC reports each fault promptly", the way translated contracts
      // state duties): its timing is the customer's, not a commitment of the provider (not what the customer receives)
      if (hit.term.needs === 'duration' && customerActs(s.slice(0, at), reading.parties)) continue
      // Reading: a term in the customer's column of a table that splits the work between the parties ("| Accounts | … | Tell
      // us promptly when a staff member starts or leaves. |") times the customer's own duty, as its act in prose does
      if (hit.term.needs === 'duration' && cellStart >= 0 && reading.partColumns(hit.block)?.[cellIndex(hit.block.text, hit.start)] === 'customer') continue
      if (othersCondition(s, at, reading)) continue
      const clauseBefore = /[^;:.!?]*$/.exec(s.slice(Math.max(0, at - 160), at))![0]
      if (HISTORY_BEFORE.test(clauseBefore) && !COMMITS.test(clauseBefore) && !COMMITS.test(/^[^;:.!?]*/.exec(after)![0])) continue
      if (customerRelative(before, after, reading.parties)) continue
      // efforts that are not promised: the extent of a liability ("Liability for breaches … is limited to reasonable
      // efforts to mitigate"), or a condition already met ("If, after commercially reasonable efforts, Provider is unable …")
      if (EFFORTS.test(hit.text) && (LIABILITY_EXTENT.test(before) || EFFORTS_CONDITION.test(before))) continue
      // the timing of paperwork ("a Change Order is executed as soon as reasonably practicable"), not of a service
      if (hit.term.needs === 'duration' && PAPERWORK.test(before)) continue
      if (reading.isDefinition(hit.block, hit.sentence) && !/efforts?|endeavou?rs?/i.test(hit.text)) continue
      // an effort bounded by the next sentence ("… reasonable efforts to correct it. If not corrected within 30 days …")
      const next = hit.block.sentences[hit.sentence.index + 1]
      // Reading: a next sentence that opens on a condition bounds the effort only when it times the same act not yet done
      // ("If not corrected within 30 days", "Where it is not restored within 8 hours"); a time for another act after a
      // condition of its own ("If a fault cannot be cleared remotely, a technician will be on site within 4 h") leaves the
      // effort unmeasured
      if (EFFORTS.test(hit.text) && next && !(OPENS_ON_CONDITION.test(next.text) && !NOT_DONE_WITHIN.test(next.text)) && measured(next.text, 'any', reading)) continue
      // any term whose action the next sentence bounds ("… promptly re-perform the Services. If Gamma is unable to do so
      // within a reasonable time (not to exceed thirty (30) days), …")
      if (next && DOES_SO.test(next.text) && measured(next.text, 'any', reading)) continue
      // efforts to meet stated targets are as measurable as the targets ("… efforts to meet the above response targets")
      // Reading: efforts to meet targets are as measured as the targets the agreement states: targets named by their kind
      // ("the resolution targets", "the response times", "the availability target") need a stated figure of that kind, and
      // targets of no named kind ("the targets in Schedule B") a stated response time or performance figure; with none
      // stated (a schedule of the agreement that is not attached) the effort stays vague; targets set out in a document of
      // its own ("the Target Response Times set out in the Order Form", "the targets in the Service Level Addendum") are
      // delegated there, and an object that names no target ("to meet its obligations") is read as before
      const toMeet = TO_MEET.exec(after)
      if (EFFORTS.test(hit.text) && toMeet && (!TARGET_OBJECT.test(toMeet[1]!) || OTHER_DOCUMENT.test(toMeet[1]!) || targetsStated(reading, toMeet[1]!))) continue
      // Reading: efforts to do the work in accordance with the agreement's service levels ("best efforts to deliver the
      // Services in accordance with the service levels in clause 6", "best endeavours to operate the platform in line
      // with the Service Levels set out in Schedule 2") are as measured as those levels, when the agreement states them
      // in numbers (a response, resolution or availability figure); with none stated the effort stays vague
      if (EFFORTS.test(hit.text) && TO_SERVICE_LEVELS.test(after.slice(0, 160)) && (reading.statedMetrics.length > 0 || reading.statedResponseTimes.length > 0)) continue
      // Reading: an aim or an effort in a lead-in that introduces a list or a table ("It aims to call the Store back as
      // follows:" over "| Urgent | 20 minutes |", "We use our best efforts to meet these targets:") is measured by what it
      // introduces, when that states measures; a lead-in whose list states none stays vague
      if (hit.term.needs === 'any' && /:\s*$/.test(s) && hit.sentence.index === hit.block.sentences.length - 1 && measured(reading.listContext(reading.blockIndex(hit.block)).after, 'any', reading)) continue
      // a cadence stated in the next sentence of the same paragraph ("… on a periodic basis. Usage is billed monthly")
      if (hit.term.needs === 'frequency' && next && measured(next.text, 'frequency', reading)) continue
      if (reading.excused(hit)) continue
      // a variable filled in elsewhere ("at least the <Target Uptime>") makes the commitment measurable
      if (hit.block.variables.some((v) => v.start >= hit.sentence.start && v.end <= hit.sentence.end && VALUE_VARIABLE.test(hit.block.text.slice(v.start, v.end)))) continue
      context.report({messageId: 'vague', block: hit.block, start: hit.start, end: hit.end, data: {text: hit.text, suggestion: hit.term.suggestion}})
    }
  },
} satisfies Rule<'vague', TermListOptions>

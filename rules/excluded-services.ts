// excluded-services: what is not covered is listed, with how out-of-scope work is handled or billed.
import {needs} from '../src/text.js'
import {clauseRule, unitsOf, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import type {Reading} from '../src/reading/index.js'
import {chatStamp, firstParty, type Party} from '../src/reading/parties.js'
import {declinesWork, outsideHours, outsideOffer, roleTitle, scopeTitle, type Names} from '../src/reading/reach.js'
import {INCLUDED_CHARGE, RATE_WORDS} from '../src/reading/wording.js'
import type {Block, Section} from '../src/types.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['excluded-services'].topic, 'i')
// SLA downtime exclusions (force majeure, maintenance) are about uptime, not services.
// (and downtime in other words, the time lost to a failure: "Time lost because of a failure of the site's power is
// excluded", "minutes lost to a carrier outage are not counted"; not time spent on work, "Time spent on cabling is billed")
const DOWNTIME = needs(/\b(?:(?:time|minutes|hours|service)\s+lost|downtime|uptime|availability|service credits?|(?:response|resolution|restore|recovery|fix) (?:targets?|times?)|excluded minutes|unavailab\w*|scheduled maintenance|force majeure|sla calculation|confidential information|liabilit\w*|indemnif\w*|warrant\w*|damages)\b/i)
const HANDLING =
  /\b(?:(?:supported|handled|repaired|serviced) by (?:their|the|its) (?:own )?(?:vendors?|manufacturers?|suppliers?|makers?)|under (?:a )?(?:separate )?(?:contract|agreement|warranty|maintenance contract) with (?:their|its|the|your) (?:own )?(?:suppliers?|vendors?|manufacturers?|makers?|installers?)|contacts? (?:the|their|its|your) (?:own )?(?:suppliers?|vendors?|manufacturers?|makers?|installers?) directly|between the \w+ and (?:the|its) (?:vendor|manufacturer|supplier)|(?:do|does|will) not (?:take on|undertake|perform|do) (?:that|this|such|any such) work|(?:procured|bought|ordered) (?:through|under) a separate|separate (?:call-?off )?contract|quot(?:e|ed|ation)|estimate|refer(?:s|red)? (?:you |them |the \w+ )?to (?:a |an |the )?(?:specialist|third[- ]party|vendor|manufacturer|another provider)|(?:local )?purchase order|(?:send|give|agree)s? (?:you )?(?:a |our )?(?:fixed )?price\b|priced separately|change (?:order|request)|statement of work|sow|separate (?:agreement|proposal|engagement|order)|time and materials|project basis|billed|charged|invoiced|chargeable|billable|(?:at|under) (?:the|our|its|their|your) (?:[\w-]+ ){0,2}?rates? (?:in|set out in|given in|shown in|listed in|stated in|of) (?:the |our |this )?[\w-]+|charges? (?:it|them|for (?:it|them|this|that|such work)|such work|this work)|(?:tell|give|send) (?:you )?(?:the|a|our) (?:price|quote|cost))\b/i

// A defined term that names the work outside the services: "Extra Work", "Additional Services", "Out-of-Scope Work"
const OUT_OF_SCOPE_TERM = /^\W*[“"]?(?:extra|additional|out[- ]of[- ]scope|excluded|non-?standard|chargeable|project)\s+(?:work|services?)[”"]?\s+(?:means|shall mean|is defined as)\b/i
// Things named in a series, then put out by a passive "are excluded" ("PLC programming, HMI changes and robot controllers
// are excluded"): an exclusion of work, unless what is put out is time ("Saturdays and public holidays are excluded")
// or put outside the fee: "… are billable extras", "… cost extra", "… are charged separately", "… are billed on top"
const PASSIVE_EXCLUSION = /\b(?:are|is) (?:also |hereby |expressly )?excluded\b(?!\s+from\s+(?:the\s+)?(?:calculation|measurement|count))|\b(?:are|is)\s+(?:(?:billable|chargeable|paid|optional)\s+)?extras?\b|\bcosts?\s+extra\b|\b(?:are|is)\s+(?:\w+\s+)?(?:charged|billed|invoiced|priced|quoted)\s+(?:separately|on top|in addition|as (?:an )?extras?)\b/i
// "excluding" and what it takes out, up to the end of its phrase
const EXCLUDING = /^exclud\w*\s+[^,.;:()"“]{0,40}/i
const TAX_PUT_OUT = /^exclud\w*\s+(?:(?:the|any|all|applicable|local)\s+)?(?:vat|gst|hst|pst|qst|sales tax|(?:value added |goods and services )?tax(?:es)?|duties|levies|disbursements|(?:travel(?:ling)?|out-of-pocket)?\s*expenses|travel|shipping|postage|delivery(?: costs?| charges?)?|freight|carriage)\b/i
// Reading: a price or fee that does not include a tax or a cost ("The monthly fee does not include GST", "Prices are
// exclusive of VAT and travel expenses") takes it out of the amount, as "excluding VAT" does: no work is left out of the
// scope; one that leaves out work besides ("does not include GST or project work") still puts that work out
const AMOUNT_NOT_INCLUDING =
  /\b(?:fees?|prices?|pricing|charges?|rates?|amounts?|sums?|costs?|figures?|quotes?|quotations?|invoices?)\b[^.;:]{0,60}?(?:\b(?:(?:does|do|shall|will)\s+not|doesn['’]t|don['’]t|won['’]t)\s+include|\b(?:is|are)\s+(?:not\s+inclusive|exclusive)\s+of)\s+/i
const TAX_THING =
  /^(?:(?:the|any|all|applicable|local)\s+)?(?:vat|gst|hst|pst|qst|sales tax|(?:value added |goods and services )?tax(?:es)?|duties|levies|disbursements|(?:(?:travel(?:ling)?|out-of-pocket)\s+)?expenses|travel|shipping|postage|delivery(?: costs?| charges?)?|freight|carriage)$/i
/** Does the sentence say of an amount only that it does not include a tax or a cost? */
function taxNotIncluded(text: string): boolean {
  const m = AMOUNT_NOT_INCLUDING.exec(text)
  if (!m) return false
  const parts = text
    .slice(m.index + m[0].length)
    .replace(/[\s.!;)*_]+$/, '')
    .split(/\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)\s*/)
  return parts.length > 0 && parts.every((x) => TAX_THING.test(x.trim()))
}
const TIME_PUT_OUT = /\b(?:holidays?|weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|hours?|nights?|evenings?|periods?|minutes?)\b/i
function excludedSeries(text: string): number {
  const m = PASSIVE_EXCLUSION.exec(text)
  if (!m) return -1
  const before = text.slice(0, m.index)
  return SERIES.test(before) && !TIME_PUT_OUT.test(before) ? m.index : -1
}
// What fails a standard the agreement sets: "that does not meet them", "which do not comply with clause 5", "not meeting",
// and a condition that something fails one ("If a Protected System does not meet clause 7.1, …, and any extra work to
// restore it is billed at the hourly rate": what follows is the consequence of the shortfall)
const FAILS_STANDARD = /\b(?:that|which|who)\s+(?:do(?:es)?\s+not|don[’']t|doesn[’']t|fails?\s+to)\s+(?:meet|comply|satisfy|conform|match)\b|\bnot\s+meeting\b|^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?(?:if|where|when|should)\s+(?:[\w'’-]+\s+){1,5}?(?:do(?:es)?\s+not|don[’']t|doesn[’']t|fails?\s+to|no longer)\s+(?:meet|comply|satisfy|conform)\b/i
// Words that put work outside the services rather than outside the hours
const LEFT_OUT = /\b(?:not (?:covered|included|part of)|excluded|exclusions?|out[- ]of[- ]scope|outside (?:the |of the |our )?(?:scope|services|agreement|plan|package))\b/i
// Three or more things named in a series: "data recovery, software development and any new installation"
// a condition that opens a sentence, up to its comma: "If you ask for something else,", "When the Client orders such work,"
const OPENING_CONDITION = /^\W*(?:if|when|whenever|where|should|once|in (?:the )?(?:event|case)(?: that)?)\b[^,.;:]{1,120},/i
const SERIES = /\w[^,.;:]{2,60},\s*[^,.;:]{2,60}\s+(?:and|or|&)\s+\w/

// The titles of the scope: a negated one ("What's not in the plan") titles what is not provided
const SCOPE_TITLE = new RegExp(data['scope-of-services'].headings.map((h) => `(?:${h})`).join('|'), 'i')
const NEGATION = /\s*\bnot\b|n[’']t\b/i

/** A title that is a title of the scope with a negation ("What's not in the plan", "What don't you look after?"). */
function negatesScope(title: string, names: Names | undefined): boolean {
  // "What we do if you don't pay": a negated condition is no negated scope
  if (!NEGATION.test(title) || /\b(?:if|when|unless|until|where|once)\b/i.test(title)) return false
  const positive = title.replace(/\b(?:do|does|is|are|wo|ca)n[’']t\b/i, (w) => ({wo: 'will', ca: 'can'})[w.slice(0, 2).toLowerCase()] ?? w.replace(/n[’']t$/i, '')).replace(NEGATION, '').replace(/\s+/g, ' ').trim()
  return SCOPE_TITLE.test(positive) || scopeTitle(positive, names) === 'provides'
}

/**
 * A title in which the customer, read by roles, gets things from someone else: "What you buy elsewhere", "Things the Client
 * sources directly", "What you'll need to get from other suppliers". What it lists is outside the services, and the
 * title says how it is had.
 */
const BUYS_ELSEWHERE = /^CUSTOMER (?:(?:will|must|should|'ll|need to|needs to|have to|has to) )?(?:buys?|purchases?|sources?|gets?|obtains?|arranges?|orders?|procures?)(?: [\w-]+){0,2}? (?:elsewhere|separately|directly|(?:for )?(?:yourself|itself|themselves)|from (?:others|(?:an?|other|another|CUSTOMER(?:'s)? own|third[- ]party) (?:[\w-]+ )?(?:suppliers?|vendors?|providers?|companies|firms)|third[- ]parties|a third[- ]party|someone else))$/

function buysElsewhere(title: string, names?: Names): boolean {
  return BUYS_ELSEWHERE.test(roleTitle(title, names))
}

// Reading: a title that puts things out of a place by a bare negation ("Not in the box", "Not on our pager", "Not in the Run
// Phase", "Works which are not in the contract") titles what is left out, as "Not included" does; not when the place is a
// span of time ("Not in business hours") or the title asks or sets a condition ("Not on a plan yet?", "If you are not on site")
const NOT_PLACED = /^(?:[\d.§\s]*)(?:(?:(?:works?|services?|items?|things|tasks?|jobs?)\s+(?:which|that)\s+(?:are|is)|what(?:['’]s| is| are))\s+)?not\s+(?:in|on|inside|within|part\s+of)\s+(?:the|our|your|this|these|its|their)\s+([\w'’-]+(?:\s+[\w'’-]+){0,3})\s*$/i
const PLACE_OF_TIME = /\b(?:hours?|days?|weeks?|weekends?|holidays?|times?|evenings?|nights?|mornings?|shifts?|rota|calendar|season|window)\b/i

function notPlaced(title: string): boolean {
  const m = NOT_PLACED.exec(title.replace(/[*_]/g, '').trim())
  return m !== null && !PLACE_OF_TIME.test(m[1]!)
}

// Reading: work left out is handled when the agreement says who takes it instead, as much as when it says what it costs:
// the customer pointed to other firms ("we'll give you the names of local suppliers we trust", "we can put you in touch
// with an electrician") or left to deal with them directly ("you arrange the work with them directly"), or the work
// passed on to another team or queue ("the service desk reassigns such tickets to the Workplace team", "SD routes as
// below:"). Not traffic routed over a network ("traffic routes to the internet through the landlord's firewall").
const OTHER_FIRMS = String.raw`(?:(?:a|an|one|two|some|several|other|local|trusted|approved|recommended|reliable|outside|independent|specialist|few|couple of|of)\s+){0,4}(?:suppliers?|vendors?|contractors?|firms?|companies|partners?|installers?|electricians?|tradespeople)\b`
const HANDED_ELSEWHERE = new RegExp(
  String.raw`\b(?:give|send|pass)(?:s|es|ed|ing)?\s+(?:you\s+|them\s+|the\s+[\w-]+\s+)?(?:the\s+|a\s+list\s+of\s+)?(?:names?|(?:contact\s+)?details|contacts?|(?:phone\s+)?numbers?)\s+of\s+${OTHER_FIRMS}` +
    String.raw`|\b(?:point|refer|recommend|suggest|introduce)(?:s|ed|ing)?\s+(?:you\s+|them\s+|the\s+[\w-]+\s+)?(?:on\s+)?(?:to\s+)?(?:the\s+)?${OTHER_FIRMS}` +
    String.raw`|\bput\s+(?:you|them|the\s+[\w-]+)\s+in\s+touch\s+with\s+(?:the\s+)?${OTHER_FIRMS}` +
    String.raw`|\b(?:deal|arrange|contract|book|engage|pay)(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,3}?(?:with\s+)?(?:them|the\s+[\w-]+|that\s+[\w-]+|those\s+[\w-]+)\s+directly\b` +
    String.raw`|\b(?:routes?|routed|re-?routes?|re-?routed|redirect(?:s|ed)?|forward(?:s|ed)?|reassign(?:s|ed)?|hands?\s+over|handed\s+over|pass(?:es|ed)?\s+on)\s+(?:(?:it|them|these|those|such\s+(?:work|tickets|requests|calls|jobs)|the\s+(?:tickets?|requests?|calls?|jobs?))\s+)?(?:as\s+(?:below|follows)|elsewhere|to\s+(?:the|another|a|an|their|its|your)\s+(?:[\w&/-]+\s+){0,3}?(?:teams?|queues?|desks?|departments?|groups?|suppliers?|vendors?|providers?|contractors?))\b`,
  'i',
)

function handled(text: string, reading: Reading): boolean {
  const v = reading.values(text)
  return v.money.some((m) => !OWN_PRICE_UNIT.has(m.per ?? '')) || v.multipliers.length > 0 || RATE_WORDS.test(text) || (HANDLING.test(text) && !/\bmay be (?:billable|chargeable|charged|billed)\b|\badditional charges may apply\b/i.test(text)) || INCLUDED_CHARGE.test(text) || HANDED_ELSEWHERE.test(text)
}

// Reading: the service's own price is not how work outside it is had. An amount charged per month, year, user, device,
// licence or site ("the £300 a month", "R420 per user") prices the service itself; a rate for work (per hour, day, call,
// visit, incident) or an amount for other work does say how out-of-scope work is billed.
const OWN_PRICE_UNIT: ReadonlySet<string> = new Set(['month', 'year', 'quarter', 'week', 'user', 'device', 'license', 'site'])
// what makes a statement with an amount one about other work: "extra", "outside", "per hour", "quoted", "project"
const OTHER_WORK = /\b(?:outside|beyond|else|other|extra|additional|further|projects?|ad[- ]hoc|not|n[’']t|excluded|exclusions?|call-?outs?|visits?|hours?|hourly|rates?|quot\w*|estimate|time and materials|on top)\b/i

/**
 * The text of a section that can say how its exclusions are handled: the section without the statements of the
 * service's own price (a line or row whose amounts are all a recurring fee or a price with no charging unit, and that
 * speaks of no other work: "The add-on fee is R3,370 per month, billed with the Support invoice", "| Hosted desktop |
 * 6 users | R420 | R2,520 |").
 */
function handlingText(blocks: readonly Block[], reading: Reading): string {
  const out: string[] = []
  for (const b of blocks) {
    for (const u of unitsOf(b, false)) {
      const money = reading.values(u.text).money
      const ownPrice = money.length > 0 && money.every((m) => m.per === undefined || OWN_PRICE_UNIT.has(m.per)) && !OTHER_WORK.test(u.text)
      if (!ownPrice) out.push(u.text)
    }
  }
  return out.join(' ')
}

// A column of a services matrix headed as what is left out ("Excluded", "Not included", "Out of scope"): any mark in it
// puts its row out; and one headed as what is in ("Included", "Covered", "In the fee"): a mark of "no" puts its row out
const OUT_COLUMN = /^(?:excluded|exclusions?|not (?:included|covered|in scope|provided|supported)|out[- ]of[- ]scope|outside (?:the )?scope)\W*$/i
const IN_COLUMN = /^(?:included|covered|in scope|provided|supported|in (?:the )?(?:monthly |fixed |annual )?(?:fee|price|plan|contract))\W*$/i
const NO_MARK = /^\s*(?:n\/a|no|none|-|–|—)?\s*$/i
const OUT_MARK = /^\W*(?:[✗✘✖❌]|no\b(?!\s+(?:charge|extra|additional|cost|limit))|not (?:included|covered|provided|supported)|excluded|out of scope|extra (?:cost|charge)|chargeable|billable|charged (?:extra|separately))/i
// A row keyed by a price, a count or a day is no service: "Monthly fee", "Users", "Christmas Day", "Saturdays"
const NOT_A_SERVICE = /\b(?:price|fee|cost|charge|rate|vat|tax|users?|seats?|minimum|term|discount|holidays?|days?|weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|christmas|new year|easter|january|february|march|april|may|june|july|august|september|october|november|december)\b/i

/** A row of a services matrix marked out of scope by one of its columns, keyed by the service or item it is about. */
function outRow(block: Block): boolean {
  const {cells, header} = block
  if (block.kind !== 'table-row' || !cells || !header || cells.length < 2) return false
  const key = cells[0]!.trim()
  if (key.length < 3 || key.length > 100 || !/[a-z]{3,}/i.test(key) || NOT_A_SERVICE.test(key)) return false
  return cells.some((c, i) => i > 0 && ((OUT_COLUMN.test(header[i]?.trim() ?? '') && !NO_MARK.test(c)) || (IN_COLUMN.test(header[i]?.trim() ?? '') && OUT_MARK.test(c))))
}

/** The rows of the table that holds block `i`. */
function tableOf(blocks: readonly Block[], i: number): Block[] {
  const header = blocks[i]?.header
  if (!header) return []
  let first = i
  while (first > 0 && blocks[first - 1]!.kind === 'table-row' && blocks[first - 1]!.header === header) first--
  const rows: Block[] = []
  for (let j = first; j < blocks.length && blocks[j]!.kind === 'table-row' && blocks[j]!.header === header; j++) rows.push(blocks[j]!)
  return rows
}

/**
 * The exclusions themselves put in another document: a sentence whose subject is the class of work left out (its
 * charges at most added in a parenthesis) and whose verb places it elsewhere ("Out-of-scope services, and the rates for
 * them, are set out in the Statement of Work", "Any work not described in clause 1.1, and the charges for it, are as
 * set out in the Rate Card") names no excluded item here: the exclusions are delegated to that document.
 */
function putElsewhere(unit: Unit, reader: Reader): Verdict | undefined {
  const hit = reader.delegated(unit, /exclu|scope/i)
  if (!hit || hit.start === undefined) return undefined
  const before = unit.text.slice(0, hit.start)
  const verb = /\b(?:are|is|will be|shall be)\s+(?:as\s+)?$/i.exec(before)
  if (!verb) return undefined
  // the subject, without a parenthesis about its charges (", and the rates at which they are charged,")
  const subject = before.slice(0, verb.index).replace(/,\s*(?:and|with|together with|including)\s+[^,;:]{2,80},\s*$/i, '')
  return /[,;:]/.test(subject) || SERIES.test(subject) || !TOPIC_OR_WORK.test(subject) ? undefined : hit
}
/** A definition whose content is a list kept in another document ("means the services listed in Schedule A, Part 2"). */
function definedElsewhere(unit: Unit, reader: Reader): Verdict | undefined {
  const hit = reader.delegated(unit, /exclu|scope/i)
  if (!hit || hit.start === undefined) return undefined
  return /\b(?:means|shall mean|is defined as)\s+(?:the|those|any|all)\s+(?:[\w-]+\s+){0,3}?(?:services?|work|tasks?|items?|activities|jobs?)\s+(?:(?:that are|which are)\s+)?(?:as\s+)?(?:listed|set out|set forth|described|specified|identified|named|detailed|in|under)\b/i.test(unit.text.slice(0, hit.start + 12)) ? hit : undefined
}
/**
 * Reading: what a sentence puts outside the services is listed here only by the things it names. A class of work named by
 * the list another document keeps of it ("the items listed in Schedule 3 (Exclusions)", "the items listed under "Not
 * included" in the Service Description") or by what another document selects or describes ("Services not selected in the
 * Order Form") names nothing here, nor does the work outside the services itself ("Work that is not part of the
 * Services"): a subject made only of such classes, one of them kept in another document, puts the exclusions in that
 * document (delegated), however the work is then charged.
 */
function placedClasses(unit: Unit, reader: Reader): Verdict | undefined {
  const text = unit.text
  // the subject: up to the verb after the comma that closes it ("…, are outside the scope", "…, is performed only on request")
  const verb = /,\s*(?:are|is|will be|shall be|fall|falls|remain|remains)\s/i.exec(text)
  if (!verb) return undefined
  const subject = text.slice(0, verb.index).replace(/^\W*(?:\d+(?:\.\d+)*[.)]?|\(?[a-z]{1,3}[.)])\s+/i, '')
  let hit: Verdict | undefined
  let listing = false
  let at = 0
  for (const part of subject.split(/(,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|\s*\bincluding(?:\s+but\s+not\s+limited\s+to)?\s+)/i)) {
    const offset = text.indexOf(part, at)
    at = offset + part.length
    if (!/[a-z]{3,}/i.test(part) || /^[,\s]*(?:(?:and|or|including(?:\s+but\s+not\s+limited\s+to)?)\s*)?$/i.test(part)) continue
    if (OUTSIDE_SERVICES.test(part)) continue
    if (!PLACED_CLASS.test(part)) return undefined
    const placed = reader.delegated({...unit, start: unit.start + offset, end: unit.start + offset + part.length, text: part})
    if (!placed) return undefined
    // (the document that lists the things is named before one that only selects them)
    if (!hit || (!listing && LISTING.test(part))) {
      hit = {...placed, start: offset + (placed.start ?? 0), end: offset + (placed.end ?? part.length)}
      listing = LISTING.test(part)
    }
  }
  return hit
}
// a class of work by where another document keeps or picks it: "the items listed in …", "Services not selected in …"
const PLACED_CLASS = /^\W*(?:(?:the|any|all|other|such)\s+)?(?:[\w-]+\s+)?(?:items?|services?|work|works|tasks?|things|exclusions|matters|activities)\s+(?:(?:that|which)\s+(?:are|is)\s+)?(?:not\s+)?(?:listed|set out|set forth|described|specified|named|identified|shown|marked|selected|ordered)\b/i
const LISTING = /\b(?:listed|set out|set forth|described|specified|named|identified|shown|marked)\b/i
// the work outside the services as a class: "Work that is not part of the Services", "services outside the Services"
const OUTSIDE_SERVICES = /^\W*(?:(?:any|all|other)\s+)?(?:work|works|services?|tasks?|anything|everything)\s+(?:(?:that|which)\s+(?:is|are)\s+)?(?:not\s+(?:part\s+of|within|in|covered\s+by|included\s+in)|outside(?:\s+of)?)\s+(?:the|this|these|our)\s+(?:services?|agreement|scope)\W*$/i
// what the subject of such a sentence is about: the work or services left out
const TOPIC_OR_WORK = /\b(?:services?|work|jobs?|tasks?|items?|exclusions?|excluded|scope|not (?:included|covered))\b/i

// "outside clause 1", "outside section 2.1": the number of the clause the work is put outside
const OUTSIDE_CLAUSE = /^\w+\s+outside\s+(?:clause|section|paragraph|schedule|part)\s+(\d+(?:\.\d+)*)\b/i

/** Is the numbered clause a title of the scope, or not a section of this document at all (then it is taken at its word)? */
function citesScope(reader: Reader, number: string): boolean {
  const section = reader.doc.sections.find((s) => s.number?.replace(/\.$/, '') === number)
  return !section || SCOPE_TITLE.test(section.title) || scopeTitle(section.title, reader.reading.parties) === 'provides'
}

function listed(blocks: readonly Block[]): boolean {
  // an item that is only the catch-all ("Anything outside that list is done at time and materials") names nothing
  return blocks.filter((b) => (b.kind === 'list-item' || b.kind === 'table-row') && !CATCH_ALL_ITEM.test(b.text)).length >= 1 || blocks.some((b) => (namedOnly(b.text).match(/[,;]/g)?.length ?? 0) >= 2)
}

// A catch-all ("and anything else outside this Addendum", "Anything that isn't on one of the cards") and a single example
// of a class after a comma (", such as opening a new surgery") name no excluded item: what is listed is what remains
const CATCH_ALL =
  /(?:,\s*)?(?:\b(?:and|or)\s+)?\b(?:anything|everything|(?:any|all) other (?:work|services?|items?|tasks?|jobs?|requests?)|any (?:work|services?|items?|tasks?|jobs?|requests?|activit(?:y|ies)|dut(?:y|ies)))\s+(?:else\b|(?:(?:that|which)\s+(?:is\s+not|isn['\u2019]t|are\s+not|aren['\u2019]t)\s+|not\s+)(?:on|in|part|listed|covered|included|described|shown|named|mentioned|specified|set out|marked|ticked|assigned|allocated)\b|(?:that\s+(?:is|falls|sits)\s+)?(?:outside|beyond)\b)[^,;.]{0,80}/gi
const CATCH_ALL_ITEM =
  /^\W*(?:anything|everything|(?:any|all) other (?:work|services?|items?|tasks?|jobs?|requests?)|any (?:work|services?|items?|tasks?|jobs?|requests?|activit(?:y|ies)|dut(?:y|ies)))\s+(?:else\b|(?:(?:that|which)\s+(?:is\s+not|isn['\u2019]t|are\s+not|aren['\u2019]t)\s+|not\s+)(?:on|in|part|listed|covered|included|described|shown|named|mentioned|specified|set out|marked|ticked|assigned|allocated)\b|(?:that\s+(?:is|falls|sits)\s+)?(?:outside|beyond)\b)/i
// one example, not a series of them ("such as the panels and the tills" names two things)
const EXAMPLES = /,\s*(?:such as|like|for example|for instance|e\.g\.)\s(?:(?!\band\b|\bor\b)[^,;&]){0,120}?(?=,|;|\.\s|\.?\s*$)/gi

// Reading: a phrase the sentence runs through between two commas, a relative clause or an inserted condition or manner
// ("Other works, which are outside this agreement, are quoted", "Provider may, at Customer's written request, perform
// …"), names nothing: its commas are no series of excluded things (unless the series goes on after it: "the imaging
// software, which its vendor looks after, and any phones")
const INSERTED = /,\s*(?:which|who|whom|whose|where|when|if|unless|at|upon|on|by|under|subject to|with|without|after|before|once)(?=\s)[^,;:]{2,80},(?!\s*(?:and|or|&)\s)/gi

// Reading: an "including" phrase between commas that names one thing (", including any project work,", ", including without
// limitation the Excluded Services,", ", including the items listed under "Not included" in the Service Description,")
// gives an example of the class before it, or points at where its things are kept, as "such as" does: its commas part no
// series of excluded things, so a class named only by what it is not ("Services not described in Schedule A") lists nothing
// (a series after "including" still names its things: ", including website design, printer repairs and phone systems,")
const ONE_INCLUDED = /,\s*including(?:\s+but\s+not\s+limited\s+to|\s+without\s+limitation)?\s(?:(?!\band\b|\bor\b)[^,;:&]){2,120}?(?:,(?!\s*(?:and|or|&)\s)|(?=;|\.\s|\.?\s*$))/gi

/** The text with its catch-alls, examples and inserted phrases taken out: what it names as excluded. */
function namedOnly(text: string): string {
  // (a chat message's stamp is no part of its words: "11/03/2027, 09:04 - Tom: Not in it: …" opens with its label)
  return text.slice(chatStamp(text)).trimStart().replace(LEAD_PROVISO, ' ').replace(ONE_INCLUDED, ' ').replace(EXAMPLES, '').replace(CATCH_ALL, '').replace(INSERTED, ' ')
}

// Reading: a proviso that opens a sentence and closes at its comma ("Save as expressly provided in Schedule 1, the Services
// shall not include …", "Except where agreed in writing, …", "Subject to clause 9, …") says when the rest holds, not what
// it names: its comma parts no series of excluded things
const LEAD_PROVISO = /^\W*(?:(?:\d+(?:\.\d+)*[.)]?|\(?[a-z]\))\s+)?(?:save|except|unless|subject to|other than|apart from|without prejudice to|notwithstanding)\b[^,;:]{2,80},/i

// Two things named as left out: "Not covered: the telematics system and the CCTV recorder", "The X-ray hardware and
// the dental chairs are not covered", "Not part of this plan: printer repairs, website hosting and training"
// (the things may be parted by semicolons, as a series of three or more is: "Not included: hardware; printers;
// telephony; and on-site attendance"; one semicolon after one thing opens a clause of its own: "Not included: hardware;
// we quote for it")
const OUT_LABEL = /^\W*(?:(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+|\(\w{1,4}\)\s+)?(?:(?:not|never) (?:covered|included)|(?:what(?:'|\u2019)s |what is )?not in (?:it|this|that|(?:the|this|our|your) (?:[\w-]+ ){0,2}?(?:plan|package|fee|price|contract|agreement|deal|bundle|subscription|retainer))|not part of (?:the|this|our|your) (?:[\w-]+ ){0,2}?(?:plan|agreement|contract|package|support|services?|fee|subscription|retainer)|excluded|exclusions|out[- ]of[- ]scope|what(?:(?:'|\u2019)s| is) not(?: covered| included)?|what isn(?:'|\u2019)t(?: covered| included)?)\s*:\s*((?:[^.;]|\.(?=\w)|;(?=\s*(?:and|or)\s|[^.;:]{1,80};)){3,200})/i
// The same put before its subject, as a translated or formal text does: "Not included are the X, the Y and the Z", "Not owed
// under this contract are: the X, the Y", "Not covered by the fee is the Z"
const OUT_INVERTED = /^\W*(?:(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+|\(\w{1,4}\)\s+)?(?:not|never)\s+(?:covered|included|owed|provided|supplied|supported|part of (?:the|this|our|your) [\w -]{0,40}?)(?:\s+(?:by|in|under|within|with)\s+[^:.;]{0,50}?)?\s+(?:are|is)\b\s*:?\s*((?:[^.;]|\.(?=\w)|;(?=\s*(?:and|or)\s|[^.;:]{1,80};)){3,300})/i
// A subject that points at the things it puts out: "The following services are not included: …" names them after its
// colon, "Those two aren't covered" names as many as it counts
const POINTING_SUBJECT = /^\W*(?:the following|these|those)(?:\s+[\w-]+){0,2}\W*$/i
const COUNTED = /^\W*(?:those|these|the|both|all)\s+(two|three|four|five|both)\b|^\W*(both)\b/i
const COUNT_WORDS: Record<string, number> = {two: 2, both: 2, three: 3, four: 4, five: 5}
const OUT_SUBJECT = /^\W*([^.;:]{3,160}?)\s+(?:are|is)(?: not|n['\u2019]t) (?:covered|included|part of|maintained|supported|serviced)\b|^\W*([^.;:]{3,160}?)\s+(?:are|is) excluded\b/i
// A lead-in that puts what follows out: "The following are excluded:", "These items are not covered:"
const OUT_LEAD = /\b(?:the following|these)(?:\s+\w+)?\s+(?:are|is)\s+(?:also\s+)?(?:excluded|not (?:covered|included|part of the services))\s*:/i

// the offer itself as a subject: "This SLA …", "The Services …", "Our plan …" (not a party's possession: "the Client's …")
const OFFER_SUBJECT = /^(?:the|this|our|these|each)\s+(?![\w-]+['\u2019]s\b)/i
const CLAUSE_IN_SUBJECT = /\b(?:if|where|unless|when|whenever|should|may|will|shall|must|can|could|would|does|do|did|has|have|had|is|are|was|were|be)\b/i

/**
 * Does the sentence name two or more things as left out, by a label or as the subject of "are not covered"? Two named
 * things are a list of exclusions as much as three are.
 */
function namesPair(text: string): boolean {
  return thingsPutOut(text) >= 2
}

const RELATIVE_AFTER = /,\s*(?:which|who|whom|whose)\b[^,;]*/gi
/**
 * How many things the sentence names as left out, by a label ("Not covered: …") or as the subject of "are not covered",
 * "is excluded", "isn't part of the plan" (0 when none).
 */
function thingsPutOut(text: string): number {
  const named = namedOnly(text)
  const subject = OUT_SUBJECT.exec(named)
  let things = OUT_LABEL.exec(named)?.[1] ?? OUT_INVERTED.exec(named)?.[1] ?? subject?.[1] ?? subject?.[2]
  if (subject && things !== undefined && things === (subject[1] ?? subject[2]) && POINTING_SUBJECT.test(things)) {
    const counted = COUNTED.exec(things)
    if (counted) return COUNT_WORDS[(counted[1] ?? counted[2])!.toLowerCase()] ?? 0
    const after = /^[^:.;]{0,60}:\s*((?:[^.;]|\.(?=\w)){3,300})/.exec(named.slice(subject.index + subject[0].length))
    // (one thing after the colon is read as before: the lead-in's "following" makes the list)
    const n = after ? namedOnly(after[1]!).split(/\s*(?:[,;&]|\band\b|\bor\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).length : 0
    if (n < 2) return 0
    things = after![1]!
  }
  if (things === undefined) return 0
  // Reading: a relative clause after the things says more of them (their price, who supports them: "plotter repairs and
  // website hosting, which the Supplier offers at CHF 160 per hour") and is no part of what is put out
  things = things.replace(RELATIVE_AFTER, '')
  // what is put out is time ("Saturdays and public holidays are not covered"): the hours, not the services
  if (TIME_PUT_OUT.test(things)) return 0
  // the subject names things, not a condition or a clause of its own ("If the School does not …, the Provider may charge
  // … and such devices are excluded": the consequence of a customer's failing)
  if (CLAUSE_IN_SUBJECT.test(things.replace(/\([^()]*\)/g, ''))) return 0
  // a pronoun names nothing itself: "These are not part of the Services:" refers to the list it introduces
  if (/^\W*(?:these|those|they|it|this|that|the following|such (?:items|work|services))\W*$/i.test(things)) return 0
  // (a relative clause says more of the thing before it and names no other: "Fixes inside the platform, which its vendor
  // supports" is one thing)
  return things.split(/\s*(?:[,;&]|\band\b|\bor\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).length
}

// Reading: a tag in brackets that puts something out of the service it follows names what is excluded: the things after
// its colon ("Printers: driver issues (not included: mechanical repairs or toner)") or, bare, the item it closes ("Website
// changes (not included)"); such tags spread over a list of services list the exclusions as one list does
const OUT_TAG = /\((?:not (?:included|covered|in scope|in (?:the|your|this) (?:plan|fee|price|package))|excluded|out[- ]of[- ]scope|outside (?:the )?(?:scope|plan))\s*(?:[:\u2013\u2014-]\s*([^()]{3,200}))?\)/gi

/** How many things the text's bracketed tags put out (0 when it has none). */
function taggedOut(text: string): number {
  let n = 0
  for (const m of text.matchAll(OUT_TAG)) n += m[1] === undefined ? 1 : Math.max(1, m[1].replace(/,\s*(?:which|who|whom|whose)\b[^,;]*/gi, '').split(/\s*(?:[,;&]|\band\b|\bor\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).length)
  return n
}

/** The things put out by tags across the list or table the block stands in (its section's items and rows). */
function taggedInList(block: Block): number {
  if (block.kind !== 'list-item' && block.kind !== 'table-row') return taggedOut(block.text)
  return block.section.blocks.filter((b) => b.kind === block.kind).reduce((n, b) => n + taggedOut(b.text), 0)
}

// A catch-all for the work outside the services, with how it is had: "Anything that isn't on one of the cards above is
// quoted separately" (it names nothing excluded, but it is about the exclusions)
// (or said to cost extra, or to be done on a quote: "Anything beyond the above is extra, by quote")
const CATCH_ALL_HANDLED = /\b(?:quoted|priced|charged|billed|invoiced|chargeable|billable|extras?|(?:by|on|against) (?:a )?(?:quote|quotation|estimate))\b/i
function catchAllHandled(text: string): boolean {
  return CATCH_ALL_ITEM.test(text) && CATCH_ALL_HANDLED.test(text)
}

// Reading: a catch-all that sends everything unlisted to the customer ("Any task not shown in this matrix is the Client's
// responsibility") touches the exclusions without listing any: vague, as "Anything not listed above is out of scope" is.
const LEFT_TO_CUSTOMER = /\bCUSTOMER(?:'s)?\s+(?:own\s+|sole\s+)?responsibilit|\bCUSTOMER\s+(?:is|are|remains?|will be|shall be)\s+(?:solely\s+)?responsible\b|\b(?:falls?|rests?|passes?|lies|goes)\s+(?:to|with)\s+CUSTOMER\b|\b(?:is|are)\s+(?:left\s+)?(?:to|for)\s+CUSTOMER\b/
function catchAllToCustomer(text: string, names: Names | undefined): boolean {
  const m = CATCH_ALL_ITEM.exec(text)
  if (!m) return false
  const rest = text.slice(m[0].length).replace(/[’]/g, "'")
  // the consequence read by roles, a short clause at a time ("is the Client's responsibility", "falls to you")
  return rest.split(/[;.]/).slice(0, 1).some((c) => LEFT_TO_CUSTOMER.test(roleTitle(c.slice(0, 80), names)))
}

// Reading: a party not obliged to do work ("The Provider is not obliged to provide: (a) …; (b) …") declines it, as "will not
// provide" does (whose party, the judge asks: a customer not obliged to do something excludes nothing)
const NOT_OBLIGED = /\b(?:is|are)\s+(?:not\s+(?:obliged|obligated|required|bound)|under\s+no\s+(?:obligation|duty))\s+to\s+(?:provide|perform|supply|do|carry\s+out|deliver|support)\b/i
function declinesOrNotObliged(text: string, names: ReadonlyMap<string, Party>): number {
  const d = declinesWork(text)
  if (d >= 0) return d
  const m = NOT_OBLIGED.exec(text)
  return m && firstParty(text.slice(0, m.index), names) !== 'customer' ? m.index : -1
}

// Reading: a lead-in whose negated verb waits for its list ("In particular, Polder DC does not:", "We won't:") declines the
// work its items name, each item's verb read after it ("- install, configure or troubleshoot operating systems;", "- buy
// parts for the Customer."), as "does not do the following:" would; only where the items open with verbs of work (a
// provider's promises not to do things, "will not: disclose …; subcontract …", decline no work)
const DECLINING_LEAD = /\b(?:won[’']?t|will not|can[’']?t|cannot|don[’']?t|do not|doesn[’']?t|does not)[ \t]*:\s*$/i
const WORK_ITEM = /^\W*(?:install|configure|troubleshoot|support|repair|fix|maintain|manage|provide|buy|purchase|diagnose|log\s+in(?:to)?|set\s+up|build|write|develop|move|relocate|replace|upgrade|patch|monitor|migrate|train|cover|handle|look\s+after|take\s+on|work\s+on|program|cable|wire)\b/i
/** Where a lead-in declines the work its list's items name (see DECLINING_LEAD), or -1; `items` is the list's text. */
function decliningLead(text: string, items: string): number {
  const m = DECLINING_LEAD.exec(text)
  if (!m) return -1
  const list = items.split(' ; ').filter((x) => /[a-z]{3,}/i.test(x))
  return list.length >= 2 && list.filter((x) => WORK_ITEM.test(x)).length * 2 > list.length ? m.index : -1
}

// The verb a party declines with and what follows it: "We don't support the X-ray sensor software or the dental chairs"
const DECLINED_OBJECT = /^(?:[\w'’]+\s+){1,3}?(?:support|cover|maintain|do|provide|offer|look after|help with|take on|work on|handle|service|repair|fix|manage|include|touch)\b(?:\s+(?:with|on))?\s+([^.;:]{3,200})/i

/**
 * How many things a party declines by name ("We don't support the X-ray sensor software or the dental chairs": 2), read
 * from the declining verb to the end of its clause; 0 when what follows is time, a clause of its own or a pronoun.
 */
function declinedThings(text: string, at: number): number {
  // Reading: a declining lead-in ("What I won't do:", "What we won't touch:") is followed by what it declines, named after
  // its colon by the declining verbs there ("I don't touch the X or the Y, and I don't build websites") or as a list
  const lead = /^[^:.;?!]{0,40}?:\s*/.exec(text.slice(at))
  if (lead) {
    const after = text.slice(at + lead[0].length)
    let n = 0
    for (let i = declinesWork(after), from = 0; i >= 0; from += i + 1, i = declinesWork(after.slice(from))) n += declinedThings(after.slice(from), i)
    if (n > 0) return n
    const items = /^(?:[^.;]|\.(?=\w)){3,300}/.exec(after)?.[0] ?? ''
    // (an answer may name each thing as someone else's: "The speakers and the mixing desk belong to the AV company's
    // plan, and the CCTV is the landlord's")
    const owned = othersThings(items)
    if (owned > 0) return owned
    if (TIME_PUT_OUT.test(items) || CLAUSE_IN_SUBJECT.test(items.replace(/\([^()]*\)/g, ''))) return 0
    return namedOnly(items).split(/\s*(?:[,&]|\band\b|\bor\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).length
  }
  const things = DECLINED_OBJECT.exec(text.slice(at))?.[1]
  if (things === undefined || TIME_PUT_OUT.test(things) || CLAUSE_IN_SUBJECT.test(things)) return 0
  if (/^\W*(?:these|those|they|it|this|that|them|the following|such (?:items|work|services))\b/i.test(things)) return 0
  return namedOnly(things).split(/\s*(?:[,&]|\band\b|\bor\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).length
}

// A thing said to be another's: "The X and the Y belong to the AV company's plan", "the CCTV is the landlord's"
const OTHERS_THING = /^\W*(?:a\W+)?([^,;:]{3,80}?)\s+(?:belongs?\s+to|(?:is|are)\s+(?:(?:under|with|part of)\s+)?)\s*(?:the\s+|an?\s+)?[\w&'’ -]{2,40}?['’]s?\b/i

/** How many things a text names as others' (each clause read on its own), or 0. */
function othersThings(text: string): number {
  let n = 0
  for (const clause of text.split(/,\s*(?:and|but)\s+|;\s*/)) {
    const subject = OTHERS_THING.exec(clause)?.[1]
    if (subject === undefined || /^(?:it|they|this|that|these|those|we|i|you)$/i.test(subject.trim()) || CLAUSE_IN_SUBJECT.test(subject)) continue
    n += subject.split(/\s*(?:[,&]|\band\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).length
  }
  return n
}

// A table comparing plans: a service marked "No" under a plan ("| On-site visits | No | Yes |") says what a plan leaves out without listing it as excluded or saying how such work is had
// (the row may show the customer's plan alone: "You are on the Essentials plan" leaves its column)
const PLAN_NO = /^\s*(?:no|[✗✘✖❌]|not included)\s*$/i
function planNoRow(block: Block): boolean {
  const {cells, header} = block
  if (block.kind !== 'table-row' || !cells || !header || header.length < 3 || cells.length < 2) return false
  const key = cells[0]!.trim()
  if (key.length < 3 || !/[a-z]{3,}/i.test(key) || NOT_A_SERVICE.test(key)) return false
  return cells.slice(1).some((c) => PLAN_NO.test(c))
}

/**
 * Reading: in a table whose columns are plans ("| Service | Starter | Plus | Max |"), a row whose every plan's cell says it
 * is not included ("| Printer repairs | Not included | ✘ | No |"), or the chosen plan's cell when the agreement names the
 * customer's plan (the other plans' cells are blanked), names a service left out of the agreement; a row included in some
 * plan is what that plan adds, not an exclusion.
 */
function planOutRow(block: Block, reading: Reading): boolean {
  if (!planNoRow(block) || !reading.planRow(block)) return false
  const marks = block.cells!.slice(1).filter((c) => c.trim() !== '')
  return marks.length > 0 && marks.every((c) => PLAN_NO.test(c))
}

// The exclusions named as a part of an agreement: "The Exclusions clause of the Agreement continues to apply", "the
// Excluded Services schedule": a clause carried from another document is delegated there
const EXCLUSIONS_PART = /\b(?:exclusions?|excluded services|out[- ]of[- ]scope services)\s+(?:clause|section|schedule|provisions?|paragraph)\b/i

/**
 * How work outside the offer is had, said once anywhere in the agreement ("Work outside this order is quoted first and
 * billed at PHP 3,500 per hour", under Charges): it serves exclusions listed in another section. Work outside the
 * hours ("Work outside our support hours is charged at …") is after-hours work, not work outside the offer.
 */
function chargedElsewhere(reader: Reader): boolean {
  return reader.reading.own(CHARGED_ELSEWHERE, () =>
    reader.doc.blocks.some((b) => hasOutside(b.text) && unitsOf(b, false).some((u) => (outsideOffer(u.text) >= 0 || catchAllHandled(u.text) || CATCH_ALL_ANY.test(u.text)) && outsideHours(u.text) < 0 && handled(u.text, reader.reading) && reader.party(u, 0) !== 'customer')),
  )
}
const CHARGED_ELSEWHERE = {}
// (a priced catch-all need not open its line: "| Projects and anything else not listed in section 1 | £85/hr, quoted |")
const CATCH_ALL_ANY = new RegExp(CATCH_ALL.source, 'i')
// (or work the offer does not cover: "Work on anything the plan does not cover is billed at $170 per hour")
const OUTSIDE_OR_ELSE = /\b(?:outside|beyond|else|other|not|n[’']t|exclude[sd]?)\b/i
function hasOutside(text: string): boolean {
  return OUTSIDE_OR_ELSE.test(text)
}

// Work named as outside the services by its class ("Extra work", "Additional services", "Out-of-scope jobs") as the label
// of a price line
const EXTRA_WORK = /^\W*(?:extra|additional|out[- ]of[- ]scope|ad[- ]hoc|non-?standard|project|other)\s+(?:work|services?|jobs?|requests?|tasks?)\b[^:.;]{0,60}(?::|\s[–—-]\s|\.{3,})/i

/**
 * Reading: a price line for work named as outside the services ("- Extra work during our hours: $95 an hour",
 * "Additional services — €80/hr") says how out-of-scope work is billed; with nothing listed as out of scope, the
 * exclusions are touched, not stated (vague, not missing).
 */
function extraPriced(text: string, reading: Reading): boolean {
  const m = EXTRA_WORK.exec(text)
  return m !== null && reading.values(text.slice(m[0].length)).money.length > 0
}

// Reading: work outside the services left to orders the parties conclude one by one ("The Parties may conclude
// individual orders for works not covered by paragraph (1), each with its own price") is put in those orders, what it is
// and what it costs: the exclusions are delegated there. (A quote for larger work is not such a document: "larger projects
// are quoted separately" says how the work is had, and stays vague with nothing listed.)
const OWN_ORDERS = /\b(?:conclude|sign|place|issue|agree(?:\s+on)?|enter\s+into)\s+(?:[\w-]+\s+){0,2}?((?:individual|separate|specific|distinct)\s+(?:(?:work|purchase|service)\s+)?(?:orders?|contracts?|agreements?|statements? of work))\b/i

// A label of what is left out, as a table row's first cell: "Not covered", "Excluded", "Out of scope"
const OUT_KEY = /^(?:(?:not|never) (?:covered|included)|excluded|exclusions?|out[- ]of[- ]scope)\W*$/i

// A chat question about what is left out: "And what's not in it?", "what isn't covered", "Is there anything you won't do?"
const QUESTION_OUT = /^(?:(?:and|so|but|ok|okay|right)[,\s]+)?(?:what(?:'s|\u2019s| is) not (?:in|covered|included)\b|what isn(?:'|\u2019)t (?:in|covered|included)\b|is there anything (?:you|we) (?:won(?:'|\u2019)t|don(?:'|\u2019)t|will not|do not) (?:do|cover|touch)\b)[^.?!:]{0,40}\??\s*$/i

/** The answer to a chat message that asks what is left out: the next message's first sentence and the one after it. */
function chatAnswer(block: Block, reader: Reader): {first: string; then: string} | undefined {
  const stamp = chatStamp(block.text)
  if (stamp === 0 || block.sentences.length > 1 || !QUESTION_OUT.test(block.text.slice(stamp).trim())) return undefined
  const reply = reader.doc.blocks[reader.reading.blockIndex(block) + 1]
  if (!reply || chatStamp(reply.text) === 0) return undefined
  const [first, then] = unitsOf(reply, false)
  if (!first) return undefined
  return {first: first.text.slice(chatStamp(first.text)).trim(), then: then?.text ?? ''}
}

// Reading: the exclusions named by their own defined term ("the Excluded Services", "any Out-of-Scope Work") whose
// definition keeps the list in another document ('"Excluded Services" has the meaning given in Schedule C', '... means the
// services listed as excluded in the Service Order') are listed there: a sentence that lists nothing here and names the
// term sends the exclusions to that document
const EXCLUSIONS_TERM = /\b((?:[A-Z][\w-]*\s+){0,2}?(?:Excluded|Out-of-Scope|Out of Scope|Non-Covered|Uncovered|Extra|Additional)\s+(?:Services?|Work|Items?|Tasks?))\b/g
const DEFINED_BY_NEGATION = /\b(?:not|other than|outside|beyond|except)\b|n[’']t\b/i
function termKeptElsewhere(text: string, reader: Reader): Verdict | undefined {
  for (const m of text.matchAll(EXCLUSIONS_TERM)) {
    const def = reader.reading.definitions.get(m[1]!.toLowerCase()) ?? reader.reading.definitions.get(m[1]!.toLowerCase().replace(/s$/, ''))
    if (!def || def.text === text) continue
    const there = reader.reading.delegation(def.text, {block: def.block})
    // (a term defined by what it is not, "services ... not described in an Order Form", keeps there what is in, not its list)
    if (there && !DEFINED_BY_NEGATION.test(def.text.slice(0, there.start))) return {outcome: 'delegated', start: m.index, end: m.index + m[0].length, target: there.target}
  }
  return undefined
}

/** The text after the bold label it opens with and the mark that parts them ("Label – text" → "text"); the text when it does not open so. */
function afterLabel(text: string, label: string): string {
  const at = text.indexOf(label)
  if (at < 0 || /\w/.test(text.slice(0, at))) return text
  const rest = text.slice(at + label.length).replace(/^[*_\s.:;,–—-]+/, '')
  return rest ? rest : text
}

/** What a lead-in says its items are carved out of: downtime, availability, a service level, a credit, a liability. */
const LEVELS = /\b(?:downtime|uptime|availability|unavailab\w*|service credits?|liabilit\w*|relieved|excused)\b/i
/** A lead-in to the items after it: a paragraph that ends with a colon ("… not counted as downtime:", "… as follows:"). */
const LEAD_IN = /:\s*$/
/**
 * Is the unit an item introduced as something downtime, availability, a credit or a liability does not count? Its
 * list's lead-in, or else the last lead-in before it in its section, speaks of downtime, availability, credits or
 * liability; a numbered paragraph ("4.1.1 …") is a section of its own, whose lead-in is the text of the numbered
 * paragraph over it ("4.1 … relieved of its liability … any of the following:"), never of a title over both.
 */
const NUMBERED: ReadonlySet<string> = new Set(['numbered', 'tab'])
function carvedOutOfLevels(unit: {readonly block: Block; readonly intro?: string | undefined}): boolean {
  if (unit.intro !== undefined) return LEVELS.test(unit.intro)
  let section: Section | undefined = unit.block.section
  // (a paragraph of a titled section is a sentence of its own, not an item of the list before it)
  if (unit.block.kind !== 'list-item' && !NUMBERED.has(section.kind)) return false
  let at = section.blocks.indexOf(unit.block)
  for (let hop = 0; hop < 3 && section; hop++) {
    for (let i = at - 1; i >= 0; i--) {
      const text = section.blocks[i]!.text.trim()
      if (section.blocks[i]!.kind === 'heading') return false
      if (LEAD_IN.test(text)) return LEVELS.test(text)
    }
    const parent: Section | undefined = section.parent
    if (!NUMBERED.has(section.kind) || !parent || !NUMBERED.has(parent.kind)) return false
    section = parent
    at = section?.blocks.length ?? 0
  }
  return false
}

export default clauseRule({
  id: 'excluded-services',
  description: 'The agreement lists what is not covered and how out-of-scope work is handled or billed',
  // a title that says what the provider will not do ("What we won't take on"), or that negates a title of the scope
  // ("What's not in the plan", "What don't you look after?"), or a place ("Not in the box"), is the home of the exclusions
  data: {...data['excluded-services'], homeTitle: (title, names) => scopeTitle(title, names) === 'withholds' || negatesScope(title, names) || buysElsewhere(title, names) || notPlaced(title)},
  messages: {
    missing: 'Missing excluded services; list what the agreement does not cover and how such work is billed',
    vague: 'Vague exclusions "{text}"; list what is not covered and how out-of-scope work is billed',
    delegated: 'Exclusions are listed in {target}; lint it with this agreement or list them here',
  },
  // the kinds of downtime a service level does not count, and the items a lead-in carves out of the service levels, do
  // not make a title of exclusions a vague clause
  aside: (text, block) => DOWNTIME.test(text) || carvedOutOfLevels({block}),
  judgeSection(section, blocks, reader) {
    const text = blocks.map((b) => b.text).join(' ')
    if (!text.trim() || DOWNTIME.test(section.title)) return undefined
    const handling = handlingText(blocks, reader.reading)
    // a list under a title that sends the customer elsewhere for it names what is not covered and how it is had
    if (buysElsewhere(section.title, reader.reading.parties) && blocks.some((b) => b.kind === 'list-item' || b.kind === 'table-row')) return {outcome: 'present'}
    // prose that puts the exclusions themselves in another document lists nothing here: its sentences are judged
    if (!blocks.some((b) => b.kind === 'list-item' || b.kind === 'table-row') && blocks.some((b) => unitsOf(b, true).some((u) => putElsewhere(u, reader) ?? placedClasses(u, reader)))) return undefined
    // (the title may say how such work is had: "Outside the plan (we quote first, then bill at $150/hour)")
    if (listed(blocks) && (handled(handling, reader.reading) || handled(section.title, reader.reading))) return {outcome: 'present'}
    // Reading: a list under a title of what is left out ("Not included in any plan", "Outside the plan"), with how work
    // outside the offer is had said once elsewhere in the agreement ("Work outside the plan is billed at $140 per hour"
    // under Rates), lists the exclusions and says how they are billed; not when what it lists is downtime
    if (listed(blocks) && blocks.some((b) => b.kind === 'list-item' || b.kind === 'table-row') && !DOWNTIME.test(text) && chargedElsewhere(reader)) return {outcome: 'present'}
    return undefined
  },
  // a sentence in which the provider declines work ("we can't help with the following:") reaches the judge
  // and one that puts work outside the offer by name ("The Managed Services exclude:", "the following are outside the
  // Managed Services:", "The following are not provided by Provider under this schedule:")
  // and a row of a services matrix that a column marks as out of scope ("| CCTV | | ✘ |" under "Excluded")
  mentions(text, reader, block) {
    return chatAnswer(block, reader) !== undefined || EXCLUSIONS_PART.test(text) || DECLINING_LEAD.test(text) || extraPriced(text, reader.reading) || declinesOrNotObliged(text, reader.reading.parties) >= 0 || outsideOffer(text) >= 0 || excludedSeries(text) >= 0 || outRow(block) || planNoRow(block) || OUT_LEAD.test(text) || thingsPutOut(text) > 0 || catchAllHandled(text) || catchAllToCustomer(text, reader.reading.parties)
  },
  judge(unit, reader) {
    let t = unit.text
    let next = unit.next
    // Reading: a question about what is left out asked in a chat message ("And what's not in it?") is answered by the next
    // message: read as a label with the answer's first sentence as its value, and its next sentence after it
    const answer = chatAnswer(unit.block, reader)
    if (answer) {
      t = `${t.slice(chatStamp(t)).trim().replace(/^(?:and|so|but|ok|okay|right)[,\s]+/i, '').replace(/[?\s]+$/, '')}: ${answer.first}`
      next = answer.then
    }
    // Reading: a table row whose first cell is a label of what is left out ("| Not covered | PLC programming, radio towers
    // |") names the things in its other cells, as "Not covered: PLC programming, radio towers" does
    if (unit.block.kind === 'table-row' && !outRow(unit.block)) {
      const cells = unit.block.cells?.map((c) => c.trim()) ?? []
      if (cells.length >= 2 && OUT_KEY.test(cells[0]!)) t = `${cells[0]!}: ${cells.slice(1).filter(Boolean).join(', ')}`
    }
    // a question about what is left out is read with its answer, as a label with its value: "What isn't included? Website
    // changes, the booking app … We quote first and bill at $140/h."
    if (!answer && unit.next && t.trimEnd().endsWith('?') && (TOPIC.test(t) || QUESTION_OUT.test(t.replace(/^\W*q\W+/i, '')))) t = `${t.trimEnd().slice(0, -1)}: ${unit.next}`
    // a services matrix: the rows its columns mark as out of scope are the excluded services, listed when two or more
    // are, and handled when the table, the text that introduces it or its section says how such work is charged
    // (one row out of scope is read by the words of its cell that puts things out: its notes may list what is left out,
    // "Not covered: website edits, the booking app, cabling — quoted first, billed at $140/h")
    if (outRow(unit.block)) {
      const rows = tableOf(reader.doc.blocks, reader.reading.blockIndex(unit.block))
      if (DOWNTIME.test(unit.block.header!.join(' '))) return undefined
      if (rows.filter(outRow).length >= 2) {
        const around = handlingText(unit.block.section.blocks, reader.reading)
        return handled(handlingText(rows, reader.reading), reader.reading) || handled(around, reader.reading) ? {outcome: 'present'} : {outcome: 'vague'}
      }
      const notes = unit.block.cells!.find((c) => TOPIC.test(c) || OUT_LEAD.test(c))
      if (notes === undefined) return undefined
      t = notes
    }
    // a plan comparison's rows that no plan includes (or not the customer's) list the exclusions when two or more do, and
    // are handled when the table, its section or the agreement says how work outside the offer is charged
    if (planNoRow(unit.block) && !outRow(unit.block) && !DOWNTIME.test(unit.block.header!.join(' ')) && planOutRow(unit.block, reader.reading)) {
      const rows = tableOf(reader.doc.blocks, reader.reading.blockIndex(unit.block)).map((r) => reader.reading.inFull(r))
      const out = rows.filter((r) => planOutRow(r, reader.reading))
      if (out.length >= 2) return handled(handlingText(rows, reader.reading), reader.reading) || handled(handlingText(unit.block.section.blocks, reader.reading), reader.reading) || chargedElsewhere(reader) ? {outcome: 'present'} : {outcome: 'vague'}
    }
    // a plan comparison's "No" cell: the exclusions touched, not listed (a list elsewhere still outranks it)
    if (planNoRow(unit.block) && !outRow(unit.block)) return DOWNTIME.test(unit.block.header!.join(' ')) ? undefined : {outcome: 'vague'}
    const declines = declinesOrNotObliged(t, reader.reading.parties)
    const lead = decliningLead(t, next)
    const outside = outsideOffer(t)
    const passive = excludedSeries(t)
    const toCustomer = catchAllToCustomer(t, reader.reading.parties)
    const m = TOPIC.exec(t) ?? (declines >= 0 && reader.party(unit, declines) !== 'customer' ? {index: declines} : null) ?? (lead >= 0 && reader.party(unit, lead) !== 'customer' ? {index: lead} : null) ?? (outside >= 0 ? {index: outside} : null) ?? (passive >= 0 ? {index: passive} : null) ?? OUT_LEAD.exec(t) ?? (thingsPutOut(t) > 0 || catchAllHandled(t) || extraPriced(t, reader.reading) || toCustomer ? {index: 0} : null) ?? EXCLUSIONS_PART.exec(t)
    if (!m && !unit.inHome) return undefined
    if (DOWNTIME.test(t)) return undefined
    if (taxNotIncluded(t)) return undefined
    // an item is read with the sentence that introduces it: items introduced as what downtime, a service level or a
    // liability does not count ("The following are not counted as downtime:", "relieved of its liability … caused by any
    // of the following:") are exclusions from the service levels, not work left out of the scope
    if (carvedOutOfLevels(unit)) return undefined
    // "excluding …" after a percentage takes time out of that measure, not services out of the scope ("available 99.9%
    // of the time in each calendar month, excluding maintenance announced 5 working days ahead")
    if (m && /^exclud/i.test(t.slice(m.index)) && reader.reading.values(t).percentages.some((p) => p.end <= m.index)) return undefined
    // and "excluding" days or holidays takes time out of the hours ("Monday to Friday, excluding public holidays
    // ("Support Hours")"), not services out of the scope
    if (m && TIME_PUT_OUT.test(EXCLUDING.exec(t.slice(m.index))?.[0] ?? '')) return undefined
    // and "excluding" a tax or a cost beside a price takes it out of the amount, not work out of the scope ("R3,370 per
    // month, excluding VAT", "$95 an hour plus GST, excluding travel")
    if (m && TAX_PUT_OUT.test(EXCLUDING.exec(t.slice(m.index))?.[0] ?? '')) return undefined
    // the customer's things that fail a stated standard ("Equipment that does not meet them is not covered by the monthly
    // fee") are the consequence of a customer requirement, not a class of services left out
    if (m && FAILS_STANDARD.test(t.slice(0, m.index + 40))) return undefined
    // work placed outside the service hours and priced ("Any other work … outside Supported Hours is charged at the
    // Out-of-Hours Rate") is after-hours work, not work outside the scope
    if (m && outsideHours(t) >= 0 && !LEFT_OUT.test(t)) return undefined
    // work outside a numbered clause is out of scope only when that clause is the scope ("Jobs outside clause 1 are
    // charged at £80 per hour" under "1. Services"), not the hours or anything else ("Work outside clause 2 (evenings
    // and weekends)" under "2. Support hours")
    const cited = m ? OUTSIDE_CLAUSE.exec(t.slice(m.index, m.index + 60)) : null
    if (cited && !citesScope(reader, cited[1]!)) return undefined
    // a definition saying what a term does not include is not a list of services, unless the term is the out-of-scope
    // work itself ("“Extra Work” means work that is not part of the Support Services; it is invoiced at EUR 140 per hour")
    // Reading: the out-of-scope work's own term defined by a list kept in another document ('"Excluded Services" means the
    // services listed in Schedule A, Part 2', the term its home's title) puts the exclusions in that document: delegated
    if (/\b(?:means|shall mean|is defined as)\b/i.test(t) && !OUT_OF_SCOPE_TERM.test(t)) return unit.inHome && !TOPIC.test(t) ? definedElsewhere(unit, reader) : undefined
    // (a catch-all that leaves the rest to the customer is the provider's exclusion, though it names the customer)
    // Reading: an offer as the subject ("This SLA does not cover …") or a label before the things ("Not included: …", "Not
    // included are …") puts them out of the provider's work, so a party named among the things ("code written by the
    // Customer", "relocation by District staff") says who makes or causes one, not who is bound
    const offerPutsOut = m !== null && ((outside >= 0 && outside <= m.index && OFFER_SUBJECT.test(t.slice(outside))) || OUT_LABEL.test(namedOnly(t)) || OUT_INVERTED.test(namedOnly(t)))
    if (m && !toCustomer && !offerPutsOut && reader.party(unit, m.index) === 'customer') return undefined
    // a label that puts only time out ("Not part of this plan: Saturdays, Sundays and public holidays") speaks of the hours
    const label = (OUT_LABEL.exec(namedOnly(t)) ?? OUT_INVERTED.exec(namedOnly(t)))?.[1]
    if (label && label.split(/\s*(?:[,;&]|\band\b|\bor\b)\s*/).filter((x) => /[a-z]{3,}/i.test(x)).every((x) => TIME_PUT_OUT.test(x))) return undefined
    const elsewhere = putElsewhere(unit, reader) ?? placedClasses(unit, reader)
    if (elsewhere) return elsewhere
    // Reading: a condition that opens the sentence ("If you ask us for something that isn't part of it, we'll let you know
    // and give you a price") ends at its comma; that comma closes the condition and separates no things listed
    const named = namedOnly(t).replace(OPENING_CONDITION, (m) => ' '.repeat(m.length))
    // a sentence whose subject is the one thing put out ("The bottling line controller isn't part of it, as …; we'd quote
    // separately") lists one thing, however many commas follow
    // and two or more things a party declines by name ("We don't support the X-ray sensor software or the dental chairs")
    // are a list, as two things put out as a subject are
    const declined = declines >= 0 ? declinedThings(t, declines) : 0
    // Reading: a bold run-in label titles the sentence it opens ("**Services not in this catalogue** – The following are
    // not included in the monthly fees:"), as a heading would: the sentence's subject starts after it, unless the label
    // is itself what puts the things after it out ("**Not covered:** the website, the phones")
    const runIn = reader.reading.leadLabel(unit.block)
    // (a bold clause number, "**1.2** …", is no title)
    const body = runIn !== undefined && /[a-z]{2}/i.test(runIn) && !OUT_LABEL.test(namedOnly(t)) ? afterLabel(t, runIn) : t
    const count = thingsPutOut(body) || (declined >= 2 ? declined : 0)
    const tagged = taggedOut(t) > 0 ? taggedInList(unit.block) : 0
    const list = count >= 2 || tagged >= 2 || (count !== 1 && ((named.match(/[,;]/g)?.length ?? 0) >= 2 || SERIES.test(named) || /:\s*$/.test(t) || /following/i.test(t)))
    const scope = unit.block.section
    // a block titled by its own bold label ("**Not included:** …") is its own clause, not its section's: the label titles
    // the block with the list it introduces and what follows up to the next label, as a heading would
    // (and a chat message is its own clause: the chat's other messages are not its section)
    const sectionText = chatStamp(unit.block.text) > 0 ? '' : handlingText(runIn !== undefined ? reader.reading.labelRun(unit.block) : scope.blocks, reader.reading)
    if (list && (handled(t, reader.reading) || handled(next, reader.reading) || handled(sectionText, reader.reading) || chargedElsewhere(reader))) return {outcome: 'present'}
    const delegated = reader.delegated(unit, /exclu|scope/i) ?? termKeptElsewhere(t, reader)
    if (delegated) return delegated
    const orders = OWN_ORDERS.exec(t)
    if (orders) return {outcome: 'delegated', start: orders.index, end: orders.index + orders[0].length, target: orders[1]!.toLowerCase()}
    return {outcome: 'vague'}
  },
})

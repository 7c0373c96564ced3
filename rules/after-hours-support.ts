// after-hours-support: whether work outside the hours is provided, and whether and how it is charged.
import {needs} from '../src/text.js'
import {clauseRule, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import type {Reading} from '../src/reading/index.js'
import type {Block} from '../src/types.js'
import {outsideHours} from '../src/reading/reach.js'
import {INCLUDED_CHARGE, RATE_WORDS, indexOf} from '../src/reading/wording.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['after-hours-support'].topic, 'i')
const WORK = /\b(?:support|help|jobs?|urgent|work|works|worked|working|services?|cover|ring|phone|text|message|mobile|whatsapp|pager?|contact|reach|sort(?:ed)? (?:it|them|things) out|escalations?|monitoring|calls?|requests?|visits?|incidents?|rates?|charged?|charges|billed|billable|invoiced|available|availability|coverage|assistance|call[- ]?outs?|attendance|tickets?|engineers?|technicians?|emergenc\w*|P[1-5]|priority|severity)\b/i
const NONE_VALUE = /^[^:]{2,40}:\s*(?:none|no|not available|not offered)\s*[.!]?\s*$/i
// Reading: out-of-hours work refused with a plain verb of doing ("we don't do after-hours work", "we will not take on
// weekend jobs") says it is not provided, as "we do not provide after-hours support" does; the object must be that work
// ("we don't do printer repairs after hours" refuses a kind of work, not the hours)
const NOT_PROVIDED = /\b(?:not (?:provided|available|offered|included)|(?:does|do|will) not (?:provide|offer|include|cover|work)|(?:doesn't|don't|won't|cannot|can't) (?:provide|offer|include|cover|work)|will not be provided|is unavailable|no (?:(?:after-hours|out-of-hours|weekend|evening|night|overnight|holiday)\s*(?:,|or|and)?\s+){0,3}(?:cover|support|service)(?!\s+(?:desk|line|team|charges?|fees?|rates?)\b)(?:\s+(?:is\s+)?(?:offered|provided|available))?|no other (?:support|cover|work) is (?:given|provided|offered|available)|no (?:work|support|service) (?:is|will be|shall be) (?:performed|done|carried out|provided|given)|(?:(?:does|do|will) not|doesn't|don't|won't|cannot|can't)\s+(?:do|take on|carry out|perform)\s+(?:any\s+)?(?:after[- ]hours|out[- ]of[- ]hours|weekend|evening|night|overnight|holiday)\s+(?:work|jobs?|call[- ]?outs?|visits?|support))\b/i

/** What a pointer at stated charges names: "the rates", "the charges", "the fees", "the prices". */
const RATE_NOUN = /^(?:rates|charges|fees|prices)$/

function charged(text: string, reading: Reading): boolean {
  const v = reading.values(text)
  return v.money.length > 0 || v.multipliers.length > 0 || included(text) || (RATE_WORDS.test(text) && !slotRate(text)) || REDACTED_RATE.test(text)
}

/**
 * A rate whose figure a published copy has withheld: a currency before a redaction mark ("£[REDACTED] per hour", "€
 * [redacted]"). The agreement states a rate; only its figure is hidden. (A slot left to fill, "$___", is no rate.)
 */
const REDACTED_RATE = needs(/(?:[$€£¥₹]|\b(?:USD|EUR|GBP|AUD|CAD|NZD|INR|ZAR|SGD|AED|KES)\b)\s?\[\s?(?:redacted|withheld)\s?\]/i)

/**
 * A condition that nobody measures, straight after a charge: "no extra charge if it's quick", "free of charge as long as
 * it's short", "included for small jobs". The work is charged in a way the agreement never settles.
 */
const UNMEASURED = /^[^.;]{0,12}?\b(?:(?:if|when|as long as|so long as|provided(?: that)?)\s+(?:it(?:'s|’s| is)|they(?:'re|’re| are)|the (?:job|work|call|fix|task|visit)s? (?:is|are))\s+(?:quick|short|brief|small|minor|simple|easy)|for (?:quick|short|brief|small|minor|simple|easy) (?:jobs?|fixes|tasks?|things|questions?|calls?|queries))\b/i

/** Work given "as part of the monthly fee": included in the fee, unless the sentence says it is not. */
const PART_OF_FEE = needs(/\bas part of (?:the|your|its|our) (?:[\w-]+ ){0,2}(?:fees?|charges?|prices?|subscription|retainer)\b/i)
const NEGATED_BEFORE = /(?:\bnot|n't|\bnever|\bno longer)\b[^.;]{0,40}$/i

// Reading: work said to bear no charge at all is included, however the charge is named ("no charge", "no cross-charge
// to the business", "not charged to the Client", "not billed"): it settles how the work is charged; a charge not yet
// settled ("no charge has been agreed for it yet", "no charge rates are set") settles nothing
const NO_CHARGE = needs(/\b(?:at\s+)?no\s+(?:(?:extra|additional|further|cross|separate|call-?out|internal)[- ]?)?(?:charges?|fees?|costs?)\b(?!\s+(?:rates?|cards?|has|have|is|are|was|were|yet|agreed|set|fixed|stated|decided|confirmed)\b)|\b(?:is|are|will be|shall be|gets?|get)\s+not\s+(?:re-?|cross-?)?(?:charged|billed|invoiced|recharged)\b|\bnot\s+(?:re-?|cross-?)?(?:charged|billed|invoiced|recharged)\s+(?:to|for)\b/i)

/** Is the work said to be included or free, with no unmeasured condition on it? */
function included(text: string): boolean {
  const n = NO_CHARGE.exec(text)
  if (n !== null && !UNMEASURED.test(text.slice(n.index + n[0].length, n.index + n[0].length + 60))) return true
  const m = INCLUDED_CHARGE.exec(text)
  if (m !== null && !UNMEASURED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) return true
  const part = PART_OF_FEE.exec(text)
  return part !== null && !NEGATED_BEFORE.test(text.slice(Math.max(0, part.index - 60), part.index))
}

/** The words a rate is named by, after a slot left to fill: "billed at […] the Standard Rate", "[…] × the hourly rate". */
const SLOT_BEFORE = /\[…\]\s*(?:[x×]\s*)?(?:of\s+)?(?:the\s+)?(?:[\w'’]+\s+){0,2}$/

/** Is the rate a multiple of a standard rate whose multiple is a slot left to fill? Then it charges nothing yet. */
function slotRate(text: string): boolean {
  const m = RATE_WORDS.exec(text)
  return m !== null && SLOT_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))
}

/**
 * The customer's own contractor or people as the ones who act ("the Client's alarm company handles out-of-hours alarms",
 * "your own IT staff cover weekends"): work they do outside the hours is not the provider's, and settles nothing of its
 * after-hours terms. Read in the text before the term.
 */
const OWNED_AGENT = needs(/(?:^|[.:;(]\s*|\b(?:and|but|while|whereas)\s+)(?:the\s+)?(your|[\w&'’.-]+(?:\s+[\w&'’.-]+){0,2}?(?:'s|’s))\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:company|companies|contractors?|vendors?|suppliers?|firm|agency|landlord|guards?|security|staff|team|employees?|people|caretakers?|cleaners?)\b[^.;:]{0,40}$/i)
function customersAgent(before: string, parties: ReadonlyMap<string, string>): boolean {
  const m = OWNED_AGENT.exec(before)
  if (!m) return false
  const owner = m[1]!.toLowerCase().replace(/(?:'s|’s)$/, '').replace(/^the\s+/, '')
  return owner === 'your' || owner === 'client' || owner === 'customer' || parties.get(owner) === 'customer'
}

export default clauseRule({
  id: 'after-hours-support',
  description: 'The agreement says whether work outside service hours is provided and how it is charged (rate, multiplier or included)',
  data: data['after-hours-support'],
  messages: {
    missing: 'Missing after-hours support terms; say whether work outside service hours is provided and how it is charged (e.g. "at 1.5× the standard rate")',
    vague: 'Vague after-hours terms "{text}"; say how out-of-hours work is charged (a rate, a multiplier, or "included")',
    delegated: 'After-hours rates are set in {target}; lint it with this agreement or state them here',
  },
  // a table with a column for work outside the hours ("| Plan | Coverage | Work outside coverage |"), and work placed
  // outside a span of service hours, however the span is named ("beyond the day shift", "outside the Attended Period"
  // where the agreement defines that term with days or clock times)
  // and a time outside the usual hours priced by the hour ("Anything after 6 or on weekends is $165/hr")
  // and work given around the clock ("The SOC monitors and responds to alerts 24 hours a day, 7 days a week"), which is
  // work outside any span of business hours
  // and an item of a list whose lead-in names work outside the hours ("Support outside those hours (tick one):" over
  // "- [x] Included for Priority 1 incidents"): the item states that work's terms
  mentions(text, reader, block) {
    return outsideColumn(block) >= 0 || underLeadIn(block, reader.reading) || outsideHours(text, definedAs(reader.reading)) >= 0 || outsideStatedSchedule(text, block, reader.reading) >= 0 || offTime(text).at >= 0 || roundTheClock(text, reader.reading)
  },
  judge(unit, reader) {
    const t = unit.text
    const column = outsideColumn(unit.block)
    if (column >= 0) {
      const cell = unit.block.cells?.[column]?.trim() ?? ''
      if (cell && charged(cell, reader.reading)) return {outcome: 'present'}
      // Reading: a row's cell under a column headed as the charge ("Charge", "Rate", "Fee", "Cost") gives the charge of the
      // work the row's out-of-hours cell describes ("| P1 | On-call, 24 hours a day | Included in the monthly fee |")
      const price = chargeColumn(unit.block.header!, column)
      const priced = price >= 0 ? (unit.block.cells?.[price]?.trim() ?? '') : ''
      if (cell && priced && charged(priced, reader.reading)) return {outcome: 'present'}
      if (cell && !/^[-–—]$|^n\/?a$/i.test(cell)) return NOT_PROVIDED.test(cell) || /^(?:no|none|not (?:available|offered))$/i.test(cell) ? {outcome: 'present'} : {outcome: 'vague'}
    }
    const named = indexOf(t, TOPIC)
    const span = named >= 0 ? -1 : Math.max(outsideHours(t, definedAs(reader.reading)), outsideStatedSchedule(t, unit.block, reader.reading))
    const off = named >= 0 || span >= 0 ? NO_OFF_TIME : offTime(t)
    const priced = off.priced ? off.at : -1
    const worked = off.priced ? -1 : off.at
    const at = named >= 0 ? named : span >= 0 ? span : priced >= 0 ? priced : worked
    // work given around the clock is work outside any span of hours: charged in it or in the sentence after ("This
    // round-the-clock work is included in the monthly fee"), or an after-hours term that says nothing of charges
    if (at < 0 && roundTheClock(t, reader.reading) && reader.party(unit, 0) !== 'customer') {
      return charged(t, reader.reading) || (unit.next && ROUND_THE_CLOCK_BACK.test(unit.next) && charged(unit.next, reader.reading)) || standardRound(t, reader.reading) ? {outcome: 'present'} : {outcome: 'vague'}
    }
    // an item under a lead-in about work outside the hours gives that work's terms (an unticked option never reaches here)
    if (at < 0 && unit.block.kind === 'list-item' && unit.intro && TOPIC.test(unit.intro) && reader.party(unit, 0) !== 'customer') {
      if (charged(t, reader.reading) || NOT_PROVIDED.test(t) || ITEM_INCLUDED.test(t)) return {outcome: 'present'}
    }
    // reached by a span alone, the sentence must be about a service given or charged, not anyone's working pattern
    // ("The kitchen staff work outside the general shift")
    // (the provider saying it is there, "I'm around most days", is a service given)
    // Reading: the provider declining to promise anything outside the hours ("Outside those times we can't promise anything")
    // speaks of work then and settles nothing of it: vague, not missing
    const promisesNothing = at >= 0 && PROMISES_NOTHING.test(t) && reader.party(unit, at) !== 'customer'
    if (named < 0 && worked < 0 && at >= 0 && !unit.inHome && !SERVICE_ACT.test(t) && !PROVIDER_THERE.test(t) && !promisesNothing && !charged(t, reader.reading) && !(span >= 0 && providerWorks(t, reader.reading))) return undefined
    if (at < 0 && !unit.inHome) return undefined
    // "outside those hours" is outside the hours it points back at: when they are the customer's own (its office's or
    // premises' opening hours), not the hours the service is given in, the sentence places no work outside the service
    if (at >= 0 && customersSpan(t, at, unit.block, unit.start, reader.reading)) return undefined
    // a question is judged with its answer ("Need us at the weekend? Just ask. … there may be an extra charge.")
    const asks = /\?\W*$/.test(t)
    // a label naming the time outside the hours, priced by the hour ("After hours: $150 per hour"), is the rate for work
    // then, work word or not (not a time in passing: "visitors who park after hours pay $3 per hour")
    if (!unit.inHome && !WORK.test(t) && !promisesNothing && !(at >= 0 && (PROVIDER_THERE.test(t) || (span >= 0 && providerWorks(t, reader.reading)))) && priced < 0 && !(asks && WORK.test(unit.next)) && !(named >= 0 && LABEL_THEN_RATE.test(t))) return undefined
    // a row titled as work outside the hours whose value cell says only that it is included ("| Work outside opening
    // hours | included |", a plan's cell) charges that work as included in the fee
    const isCharged = charged(t, reader.reading) || (unit.inHome && unit.block.kind === 'table-row' && (unit.block.cells ?? []).slice(1).some((c) => CELL_INCLUDED.test(c))) // once: both tests below need it
    if (at >= 0 && !isCharged && (reader.party(unit, at) === 'customer' || customersAgent(t.slice(0, at), reader.reading.parties))) return undefined
    // Reading: work charged only at the rates of another document ("billed at the rates in the current Rate Card (Exhibit
    // B)", "charged at our standard hourly rates as set out in the Price List") has its charge put in that document when
    // the agreement does not hold it: delegated, as the rates themselves are
    const sent = isCharged ? ratesSentAway(unit, reader) : undefined
    if (sent) return sent
    if (isCharged) return {outcome: 'present'}
    // "… is charged at the rates in Schedule 2", "… at the rates above": a pointer at rates stated elsewhere in the
    // agreement charges the work when it reaches a rate (and leaves it vague when it reaches none)
    const pointer = at >= 0 ? reader.reading.pointerAfter(t, at, RATE_NOUN, 200) : undefined
    if (pointer && reader.reading.reach(unit.block, unit.start + pointer.start, pointer, (x) => charged(x, reader.reading))) return {outcome: 'present'}
    // round-the-clock cover stated as the standard support hours for some priorities is part of the service
    if (standardRound(t, reader.reading)) return {outcome: 'present'}
    // Reading: a label of the time outside the hours whose whole value is "none" or "not available" ("After hours: none.")
    // says no work is done then, as such a table cell does
    if ((at >= 0 || unit.inHome) && (NOT_PROVIDED.test(t) || NONE_VALUE.test(t))) return {outcome: 'present'}
    // "After-hours work is available on request. It is billed at $180 per hour."
    if (unit.next && /\b(?:such|this|these|it|that|they|which)\b/i.test(unit.next) && !TOPIC.test(unit.next) && charged(unit.next, reader.reading)) {
      // (charged there only at the rates of another document: "It is invoiced at the hourly rates of the Tariff Sheet (Annex 3).")
      const away = ratesSentAway({...unit, text: unit.next, start: unit.end, end: unit.end + unit.next.length}, reader)
      return away ? {outcome: 'delegated', ...(away.target ? {target: away.target} : {})} : {outcome: 'present'}
    }
    // "Outside those hours, the on-call engineer takes calls about Urgent faults. Call-outs are charged at KES 4,500 per
    // hour": the next sentence charges the service that this one gives outside the hours, by the name of that service
    if (at >= 0 && unit.next && chargesService(unit.next, reader.reading)) return {outcome: 'present'}
    // "The following shall be considered Out-of-Scope Work: … any services requested outside the agreed support hours":
    // work outside the hours put in a class of work that the agreement charges for ("Out-of-Scope Work … shall be
    // billed on a time and materials basis") takes that charge
    // Reading: an item's own sub-items continue it ("- After hours & weekends: emergencies only, via the on-call line" ›
    // "  - billed at 1.5× the hourly rate"), and so does a line after it that opens in lower case with the charge and no
    // subject of its own (the same sub-item flattened or set as a paragraph): a charge there charges the work it names
    if (at >= 0 && (unit.block.kind === 'list-item' || unit.block.kind === 'paragraph') && continuation(unit.block, reader.reading).some((b) => charged(b.text, reader.reading))) return {outcome: 'present'}
    const cls = CLASS.exec(t) ?? (unit.intro ? CLASS.exec(unit.intro) : null)
    if (cls && classCharged(reader.reading, cls[0])) return {outcome: 'present'}
    const delegated = reader.delegated(unit, /hours|rate|fee|charg|cost|pric/i)
    if (delegated) return delegated
    return {outcome: 'vague'}
  },
})

/** The rates a charge names right before the document it puts them in: "at the rates ", "at our standard hourly rates as ". */
const RATES_BEFORE = /\b(?:at\s+)?(?:the\s+|our\s+|its\s+|their\s+|[A-Z][\w&-]*(?:'s|’s)\s+)?(?:[\w-]+\s+){0,3}?(?:rates?|fees?|charges?|prices?|tariffs?)\s+(?:(?:as\s+)?(?:set out|set forth|stated|shown|listed|given|specified|published)\s+)?$/i

/** The delegation of a unit whose only charge is the rates of another document the agreement does not hold. */
function ratesSentAway(unit: Unit, reader: Reader): Verdict | undefined {
  const hit = reader.delegated(unit, /hours|rate|fee|charg|cost|pric/i)
  if (!hit || hit.start === undefined || hit.end === undefined) return undefined
  const t = unit.text
  const rates = RATES_BEFORE.exec(t.slice(0, hit.start))
  if (!rates) return undefined
  // Reading: a multiple of those rates ("billed at 1.5 times the hourly rate in Schedule B of the MSA") states the charge of
  // the work outside the hours here: the multiplier is its term, the rate it multiplies the normal one
  if (reader.reading.values(t.slice(0, hit.start)).multipliers.length > 0) return undefined
  const rest = t.slice(0, rates.index) + ' '.repeat(hit.end - rates.index) + t.slice(hit.end)
  return charged(rest, reader.reading) ? undefined : hit
}

/**
 * Work outside "this schedule" or "that timetable", said in a paragraph that states days and clock times, is work outside
 * the hours the paragraph states ("Requests are attended from Monday to Saturday, from 8:00 to 18:00. Interventions
 * outside this schedule are invoiced separately"); the offset, or -1.
 */
// (or a bare "Outside that," opening the sentence after the days and times: "Monday to Friday, 07:00 to 17:00 UK time.
// Outside that, I'm around most days")
// Reading: the times a paragraph or the paragraphs just before it state, pointed back at in plain or non-native words
// ("Outside these times …", "Outside of this times the Provider works only after agreement"), are the service's hours as
// a schedule is; work outside them is work outside the hours (a bare "this time" points at a period, "claims made outside
// this time", and is not)
const OUTSIDE_THIS_SCHEDULE = needs(/\b(?:outside|beyond)\s+(?:of\s+)?(?:this|that|these|those|the said|the above|the stated)\s+(?:(?:working|work|support|service|business|opening|office)\s+(?:schedules?|timetables?|times?)|schedules?|timetables?|times)\b(?!\s+(?:limits?|frames?|periods?)\b)|^\W*(?:outside|beyond)\s+(?:that|those|these|this|them)\s*,/i)
const DAYS_AND_TIMES = /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b[^.]{0,80}?\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}[:.]\d{2}\b[^.]{0,80}?\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b/i
function outsideStatedSchedule(text: string, block: Block, reading: Reading): number {
  const m = OUTSIDE_THIS_SCHEDULE.exec(text)
  if (!m) return -1
  if (DAYS_AND_TIMES.test(block.text)) return m.index
  // the paragraphs just before it in its section (a numbered clause states the times, the next one what falls outside)
  const at = reading.blockIndex(block)
  for (let j = at - 1; j >= 0 && j >= at - 3; j--) {
    const b = reading.doc.blocks[j]!
    if (b.kind === 'heading' || b.section !== block.section) break
    if (DAYS_AND_TIMES.test(b.text)) return m.index
  }
  return -1
}

/** The provider's own work as the verb: "the Provider works only after agreement", "we work on request". */
const PROVIDER_WORKS = /\b(?:works?|working|comes?|attends?)\b/i
function providerWorks(text: string, reading: Reading): boolean {
  const m = PROVIDER_WORKS.exec(text)
  if (m === null) return false
  const subject = /(?:^|[,;:]\s*|\b(?:times?|hours?|schedule|timetable)\s+)((?:the\s+)?[\w&'’.-]+(?:\s+[\w&'’.-]+){0,2})\s+(?:\w+ly\s+|only\s+|also\s+)?$/i.exec(text.slice(Math.max(0, m.index - 60), m.index))
  if (!subject) return false
  const who = subject[1]!
  return /^(?:we|I)$/i.test(who) || reading.firstParty(who) === 'provider'
}

/**
 * What continues a list item or paragraph: the items set deeper right under it (its own sub-items), or else the next line
 * of its section when that opens in lower case with a charge and no subject ("billed at 1.5× …", "charged at $90/hr").
 */
function continuation(item: Block, reading: Reading): Block[] {
  const blocks = reading.doc.blocks
  const at = reading.blockIndex(item)
  const out: Block[] = []
  for (let j = at + 1; at >= 0 && item.kind === 'list-item' && j < blocks.length && out.length < 8; j++) {
    const b = blocks[j]!
    if (b.kind !== 'list-item' || b.section !== item.section || b.position.start.column <= item.position.start.column) break
    out.push(b)
  }
  const next = at >= 0 ? blocks[at + 1] : undefined
  if (!out.length && next && next.section === item.section && (next.kind === 'list-item' || next.kind === 'paragraph') && CHARGE_GOES_ON.test(next.text)) out.push(next)
  return out
}
const CHARGE_GOES_ON = /^(?:billed|charged|invoiced|priced|payable)\b/

/** The provider speaking of itself as there to be reached: "I'm around most days", "we are reachable". */
// the provider promising nothing: "we can't promise anything", "we make no promises", "I don't guarantee anything"
const PROMISES_NOTHING = needs(/\b(?:I|we)\s+(?:can(?:not|['’]t)|can\s+not|do(?:n['’]t|\s+not)|won['’]t|will\s+not)\s+(?:promise|guarantee|commit\s+to)\b|\b(?:I|we)\s+make\s+no\s+(?:promises?|guarantees?|commitments?)\b/i)
const PROVIDER_THERE = /\b(?:I|we)(?:['’]m|['’]re| am| are)\s+(?:usually\s+|normally\s+)?(?:around|available|reachable|on call|about)\b/i

/** An item that opens by saying its subject (the lead-in's) is included: "[x] Included for Priority 1 incidents". */
/** A table cell that says only that the work is included: "Included", "included in the fee", "No extra charge". */
const CELL_INCLUDED = /^\W*(?:yes[,;:]?\s*)?(?:included(?: in (?:the|your) (?:monthly |plan )?(?:fee|price|plan))?|no (?:extra |additional )?charge|free(?: of charge)?)\W*$/i
const ITEM_INCLUDED = /^\W*(?:\[[xX]\]\s*)?(?:included|no (?:extra |additional )?charge|free of charge)\b/i

/** Is the block an item of a list whose lead-in names work outside the hours? */
function underLeadIn(block: Block, reading: Reading): boolean {
  if (block.kind !== 'list-item') return false
  const intro = reading.listContext(reading.blockIndex(block)).intro
  if (intro === undefined) return false
  // (every sentence of every item of a list asks of the same lead-in: read once per document)
  const known = reading.own(LEAD_INS, () => new Map<string, boolean>())
  let v = known.get(intro)
  if (v === undefined) known.set(intro, (v = TOPIC.test(intro)))
  return v
}
const LEAD_INS = {name: 'after-hours-support: lead-ins that name work outside the hours'}

/** Round-the-clock cover stated as the standard support hours of some priorities, or as included, is part of the service. */
function standardRound(text: string, reading: Reading): boolean {
  return /\bstandard support hours\b|\bincluded\b/i.test(text) && reading.values(text).hours.some((h) => h.allDay && h.allWeek) && reading.values(text).priorities.length > 0
}

/** A service given around the clock: "24/7", "24 hours a day, 7 days a week", in a sentence about a service given. */
function roundTheClock(text: string, reading: Reading): boolean {
  return /\b(?:24|twenty|clock)/i.test(text) && (ROUND_ACT.test(text) || (SERVICE_ACT.test(text) && !SYSTEM_UP.test(text))) && reading.values(text).hours.some((h) => h.allDay && h.allWeek)
}
// a system that is up, which is no one's work: "The client portal is available 24/7 for logging tickets"
const SYSTEM_UP = /\b(?:portal|website|web ?site|system|platform|app|application|tool|dashboard|phone line|number|inbox|form)s?\b[^.]{0,40}\b(?:is|are|remains?|stays?)\s+(?:available|accessible|open|online|up)\b/i
// work that people give around the clock ("The SOC monitors and responds to alerts", "the desk is staffed"), not a system
// that is up ("the portal is available 24/7") nor a thing watched by software ("Backup jobs are monitored 24/7")
// (and people who watch or monitor round the clock, "Our analysts … watch the logs 24 hours a day": work done by people
// outside any span of hours; monitoring alone, "we monitor your servers 24/7", may be a machine's and is not)
const ROUND_ACT = /\b(?:responds?|responding|staffed|answers|on[- ]call)\b|\b(?:analysts?|engineers?|technicians?|staff|specialists?|operators?|people)\b[^.;]{0,40}\b(?:watch|monitor|review)(?:es|s|ed|ing)?\b/i
// a sentence that refers back to work given around the clock: "This round-the-clock work", "This 24/7 cover", "It is"
const ROUND_THE_CLOCK_BACK = /^\W*(?:this|that|such|the|it|these)\b/i

/** A sentence whose subject is a service given (call-outs, calls, visits, support) and that charges for it. */
function chargesService(text: string, reading: Reading): boolean {
  const m = CHARGED_SUBJECT.exec(text)
  const subject = m?.[1] ?? m?.[2]
  return subject !== undefined && SERVICE_ACT.test(subject) && !/\b(?:project|installation|training|hardware|licen[cs]e|toner|parts?)\b/i.test(subject) && charged(text, reading)
}
// the subject of a sentence that charges: what comes before "is charged", "are billed", "cost"
const CHARGED_SUBJECT = /^\W*(.{2,60}?)\s+(?:is|are|will be|shall be)\s+(?:charged|billed|invoiced|payable|priced)\b|^\W*(.{2,60}?)\s+costs?\b/i

/** A statement's subject is the customer's own: "The Practice's reception is open …", "Your office opens at …". */
function customersOwn(text: string, reading: Reading): boolean {
  const subject = SUBJECT.exec(text)?.[1]
  // "your service desk", "the Client's support line": the service itself, whoever it is said to belong to
  if (!subject || SERVICE_ACT.test(subject) || /\b(?:service|desk|line|cover(?:age)?|team)\b/i.test(subject)) return false
  if (/\b(?:your|the (?:customer|client)(?:['’]s)?)\b/i.test(subject)) return true
  const lower = subject.toLowerCase()
  for (const [name, role] of reading.parties) if (role === 'customer' && name.length >= 2 && new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['’]s\\b`).test(lower)) return true
  return false
}
// the subject of a statement of hours: what comes before its verb of being open ("The Client's office is open …")
const SUBJECT = /^\W*(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(.{2,80}?)\s+(?:is|are|will be|opens?|closes?|operates?|trades?|runs?|works?|keeps?)\b/i

/**
 * Does the span that the after-hours words at `at` point back at ("outside those hours", "outside the hours above")
 * belong to the customer (its office's or premises' hours), not to the service?
 */
function customersSpan(text: string, at: number, block: Block, offset: number, reading: Reading): boolean {
  const pointer = reading.pointers(text).find((p) => p.start >= at && p.start <= at + 20 && p.noun === 'hours' && p.way !== 'forward')
  if (!pointer) return false
  const reached = reading.reach(block, offset + pointer.start, pointer, (t) => reading.values(t).hours.some((h) => h.from !== undefined))
  return reached !== undefined && customersOwn(reached.text, reading)
}

/**
 * A time outside the usual hours ("weekends", "evenings", "after 6", "before 8am", "Sundays and bank holidays") in a
 * sentence that prices something by the hour ("$165/hr", "£90 an hour", "hourly"): work at that time and its rate.
 * A flat charge on a day ("Saturday deliveries cost $20") is not.
 */
const OFF_TIME = /\b(?:weekends?|evenings?|nights?|overnight|sundays?|saturdays?|(?:public|bank|statutory) holidays?|out of (?:those|these|the above|such|our|my|your) hours|at any other times?\b|(?:after|before)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?![\d:]))/i
/**
 * A time outside the hours as the label of a rate by the hour: "After hours: $150 per hour", "Out-of-hours – £90/hr",
 * and a note's terse label with the price straight after it ("after hrs $150/hr"); the label may say in brackets which
 * times it means ("Out of hours (weekdays after 5.30pm, weekends): £95/hr"), as a title's gloss is part of the title (a
 * gloss naming no time, "After hours (visitor parking): $3 per hour", is another matter).
 */
const LABEL_THEN_RATE = /^\W*(?:after[- ]hours|out[- ]of[- ]hours|out of (?:business|support|working|office) hours|outside (?:business|support|working|office) hours)(?:\s*\((?=[^()]*\b(?:week(?:day|end)s?|evenings?|nights?|overnight|holidays?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|after|before)\b)[^()]{1,120}\))?(?:\s*(?::|–|—|=|\s-)\s*[^.;]{0,12}?|\s+)(?:[$€£¥₹]|\b(?:USD|EUR|GBP|AUD|CAD|NZD|INR|ZAR|SGD|AED|R|RM|KES)\s?)\s?\d[\d,.]*\s*(?:\/\s*(?:hr|hour)\b|(?:per|an|a)\s+(?:hr|hour)\b|hourly\b)/i
const BY_THE_HOUR = /(?:\/\s*(?:hr|hour|h)\b|\b(?:per|an|a)\s+(?:hr|hour)\b|\bhourly\b)/i
const MONEY_SIGN = /[$€£¥₹]|\b(?:USD|EUR|GBP|AUD|CAD|NZD|INR|ZAR|SGD|AED|R|RM|KES)\s?\d/

/** A charge as a multiple of the usual rate: "time and a half", "double time", "1.5× the standard rate". */
// (also "draws down the block at one and a half times the time spent", and a terse ", at time and a half" after the
// work it prices; not "overtime … is paid at time and a half", staff's pay)
const MULTIPLE_CHARGE = needs(/\b(?:charged|billed|invoiced|costs?|draws? down)\b[^.;]{0,30}\b(?:time and a half|double time|triple time|(?:one and a half|one-and-a-half|two|three) times\b|\d+(?:\.\d+)?\s*(?:x|×|times)\s+(?:the|our|its)\b)|(?:^|[,;:(–—])\s*at\s+(?:time and a half|double time|triple time)\b/i)

/**
 * Work said to be done at a time outside the usual hours, in everyday words: "Work in the evenings, at weekends or during
 * the school holidays is by arrangement", "call-outs at night". (A time named only as closed, "excluding weekends", is
 * no work then.)
 */
// (the work as a noun: at the start, or after a determiner or a verb taking it; "The cleaners work at weekends" is no service)
// (and the work with who does it between: "Work performed by the SOC at night", "Support given by our engineers at weekends";
// after its clause's number too: "3.2 Work performed …")
const OFF_TIME_WORK = /(?:^\W*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z]\)\s+)?|\b(?:any|all|the|for|of|do|does|doing|need|needs|and|or|with|no)\s+)(?:work|support|cover|visits?|call[- ]?outs?|jobs?)\s+(?:(?:performed|carried out|done|provided|given|delivered)\s+by\s+(?:the\s+|our\s+|its\s+|your\s+)?[\w&'’-]+(?:\s+[\w&'’-]+)?\s+|(?:[\w-]+\s+){0,2}?)(?:in the (?:evenings?|night)|at (?:the )?weekends?|on (?:the )?weekends?|at night|overnight|on (?:saturdays?|sundays?|(?:public |bank )?holidays))\b/i

const NO_OFF_TIME = {at: -1, priced: false} as const

// Reading: a window of clock times that runs through the night, its end before its start ("between 18:00 and 06:00 AWST",
// "8 p.m. to 7 a.m."), is a time outside the usual hours, as "at night" is; a day window ("08:00–18:00") is not, and
// neither is a bare "9 to 5" with no minutes or a.m./p.m. to read it by
// (minutes after a colon only: "20.12 to 06.01" is a span of dates; and no price: "£18.00 to £6.00")
const CLOCK_RANGE = /(?<![\d.,:/$£€¥₹])(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\b\.?)?\s*(?:-|–|—|to|and|until|till)\s*(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\b\.?)?/gi
function overnight(text: string): {readonly index: number} | null {
  if (!/\d/.test(text)) return null
  for (const m of text.matchAll(CLOCK_RANGE)) {
    const [, h1, m1, p1, h2, m2, p2] = m
    // each end read by its minutes or its a.m./p.m. (a meridian given once, at the end, is the end's alone)
    if ((m1 === undefined && p1 === undefined) || (m2 === undefined && p2 === undefined)) continue
    const at = (h: string, min: string | undefined, p: string | undefined): number => {
      let hour = Number(h)
      if (p !== undefined) hour = (hour % 12) + (p.toLowerCase() === 'p' ? 12 : 0)
      return hour * 60 + Number(min ?? 0)
    }
    const from = at(h1!, m1, p1)
    const to = at(h2!, m2, p2)
    if (Number(h1) <= 24 && Number(h2) <= 24 && from >= 17 * 60 && to < from && to <= 10 * 60) return {index: m.index}
  }
  return null
}

/**
 * A time outside the usual hours priced by the hour, or charged at a multiple of the usual rate ("after 6pm … time and a
 * half"): its offset, priced; or work said to be done then (OFF_TIME_WORK): its offset, not priced; or -1.
 */
function offTime(text: string): {readonly at: number; readonly priced: boolean} {
  const word = OFF_TIME.exec(text)
  const m = word ?? overnight(text)
  if (!m) return NO_OFF_TIME
  if ((BY_THE_HOUR.test(text) && MONEY_SIGN.test(text)) || MULTIPLE_CHARGE.test(text)) return {at: m.index, priced: true}
  // (a service given in a window through the night is work done then: "Call-outs between 18:00 and 06:00 can be arranged")
  if (!word) return SERVICE_ACT.test(text) ? {at: m.index, priced: false} : NO_OFF_TIME
  const w = OFF_TIME_WORK.exec(text)
  return w ? {at: w.index, priced: false} : NO_OFF_TIME
}

// A service given or asked for, in a sentence that places work outside a span of hours
// (a fault and a promise to come to it are a service given too: "If something breaks … I'll pop down", "… and I'll come in";
// and so is an intervention, a translation's word for a call-out)
// (a standby or on-call service is work given outside the hours, and so is the name it is charged by: "Standby work is
// charged at € 142,50 per hour")
const SERVICE_ACT = /\b(?:support|help|assist\w*|interventions?|stand-?by|on[- ]call|malfunctions?|call[- ]?outs?|calls?|requests?|visits?|engineers?|technicians?|attend\w*|tickets?|incidents?|emergenc\w*|P[1-5]|S[1-5]|breaks|broken|goes down|stops working|faults?|(?:come|pop|drop|nip)\s+(?:in|round|over|down|by|out))\b/i

// A column for work outside the hours: "Work outside coverage", "After hours", "Out-of-hours rate"
const OUTSIDE_HEADER = /\b(?:outside|beyond)\s+(?:the\s+|our\s+|your\s+)?(?:support\s+|business\s+|service\s+|agreed\s+|plan\s+)?(?:hours|coverage|cover)\b|\bafter[- ]hours\b|\bout[- ]of[- ]hours\b|\bovertime\b/i

/** The column of a table row headed as work outside the hours, or -1. */
function outsideColumn(block: {readonly kind: string; readonly header?: readonly string[]}): number {
  if (block.kind !== 'table-row' || !block.header) return -1
  return block.header.findIndex((h) => OUTSIDE_HEADER.test(h))
}

// A column headed as what work costs: "Charge", "Rate", "Fees", "Cost to you", "Price"
const CHARGE_HEADER = /^\W*(?:(?:extra|additional|hourly|our|your)\s+)?(?:charges?|rates?|fees?|costs?|prices?|pricing|billing)\b/i

/** The column of a table row headed as the charge, other than the out-of-hours column itself and the row's key, or -1. */
function chargeColumn(header: readonly string[], outside: number): number {
  return header.findIndex((h, i) => i > 0 && i !== outside && CHARGE_HEADER.test(h))
}

/** The definition of a term the agreement defines, by its name. */
function definedAs(reading: Reading): (term: string) => string | undefined {
  return (term) => reading.definitions.get(reading.termKey(term))?.text
}

// A class of work the agreement charges for on its own terms
const CLASS = needs(/\b(?:out[- ]of[- ]scope|additional|extra|excluded|chargeable|billable|non-?standard) (?:work|services?|support)\b/i)
const CHARGED_CLASS = {name: 'after-hours-support: classes of work with a stated charge'}

/** Does a sentence of the document charge for the class of work named `name` (a rate, "time and materials")? */
function classCharged(reading: Reading, name: string): boolean {
  const key = name.toLowerCase().replace(/[- ]+/g, ' ').replace(/s$/, '')
  const known = reading.own(CHARGED_CLASS, () => new Map<string, boolean>())
  let hit = known.get(key)
  if (hit === undefined) {
    const words = new RegExp(`\\b${key.replace(/ /g, '[- ]')}s?\\b`, 'i')
    hit = reading.doc.blocks.some((b) => b.sentences.some((s) => words.test(s.text) && /\b(?:billed|charged|invoiced|payable|chargeable|billable|at)\b/i.test(s.text) && charged(s.text, reading)))
    known.set(key, hit)
  }
  return hit
}

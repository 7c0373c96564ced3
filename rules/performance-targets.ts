// performance-targets: measurable performance expectations, e.g. uptime % with a measurement period.
import {needs} from '../src/text.js'
import {clauseRule, type ClauseOptions, type Finding, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import type {Reading} from '../src/reading/index.js'
import {ruleOptions, type RuleContext} from '../src/rule.js'
import {shareHeld, shareOfEvents, shareOfTime} from '../src/reading/reach.js'
import {indexOf} from '../src/reading/wording.js'
import data from './data/clauses.json' with {type: 'json'}

// how fast a system answers is a performance metric ("page response time"); a person's response is not
// (and a system's own, named with its possessive: "the Server's own response times", "the portal's load time", "our
// servers' response times")
const SYSTEM_SPEED = /\b(?:page|server|api|application|app|system|website|web|query|transaction|portal)(?:s?['’]s?)?\s+(?:own\s+)?(?:response|load(?:ing)?) times?\b/i
/**
 * How fast a system answers or how much it carries, measured per request or per test: latency, throughput, a page's load
 * time ("pages loading in under 2.5 seconds", "Largest Contentful Paint"). A number with its unit measures it; it needs
 * no measurement period, unlike an availability percentage.
 */
const SPEED = new RegExp(
  String.raw`\b(?:latency|packet loss|jitter|round[- ]trip|page load|error rate|throughput|(?:download|upload|transfer) speeds?|largest contentful paint|time to first byte|ttfb)\b` +
    String.raw`|\b(?:pages?|site|website|shop|store|app|application|portal|api)\b[^.;]{0,40}?\bload(?:s|ing|ed)?\s+(?:in|within)\b(?!\s+the\b)|${SYSTEM_SPEED.source}` +
    // (a data rate held to a minimum is a throughput target: "carry 30 devices at no less than 10 Mbit/s per device")
    String.raw`|\b(?:at least|no less than|not less than|a minimum of)(?=\s+\d+(?:\.\d+)?\s*(?:[kmg]bps|[kmg]bit\/s)(?![a-z]))`,
  'i',
)
/** The customer's own equipment made to meet a figure ("The Customer's office connection must provide …"): a requirement. */
const CUSTOMER_OWNED = /\b(?:customer|client)(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:must|shall|should|needs? to|is required to)\b|\byour\s+(?:[\w-]+\s+){0,3}?(?:must|should|needs? to)\b/i
/** A value that measures speed: milliseconds or seconds, a data rate, or a percentile. */
const RECOMMENDS = /\b(?:recommend|suggest|advise|encourage)\w*\b/i
const SPEED_VALUE = /\d\s*(?:ms|milliseconds?|seconds?|secs?|s|%|[kmg]bps|[kmg]bit\/s|[kmg]b\/s)(?![a-z])/i
// A share of time a system is said to be up: "to be up 99.5% of each calendar month", "stays up and running 99.9%"
const UP_SHARE = String.raw`\b(?:be|is|are|stays?|remains?|kept)\s+up(?:\s+and\s+running)?\s+(?:for\s+)?(?=\d{2,3}(?:\.\d+)?\s*%)`
// (and how fast a monitored service detects a threat: "mean time to detect", "MTTD", a measure of the service itself)
// (and a share of time a system is up: UP_SHARE)
const METRIC = new RegExp(`\\b(?:availab(?:le|ility)|uptime|up[- ]time|downtime|mean time between|MTBF|mean time to detect|MTTD)\\b|${SPEED.source}|${UP_SHARE}`, 'i')
// Reading: "available" that says work or a service is offered ("on-site visits are available on request", "Project work is
// available as Professional Services under a separate statement of work", "Weekend cover can be made available by
// arrangement, for an additional fee") speaks of what may be bought, not of how a system performs: it is no metric, and a
// price list or a statement of work named beside it puts no performance target elsewhere
// (and a paper or a thing had from someone on request: "our Hardware Warranty & Replacement Policy, available from your
// account manager on request")
const OFFERED = /\bavailable(?=\s+(?:only\s+|also\s+)?(?:(?:on|upon|by)\s+(?:request|arrangement|demand|agreement|appointment)\b|as\s+(?:an?\s+)?(?:(?:optional|extra|additional|add-?on|separate|chargeable|paid)\b|(?:option|extra|upgrade|project)s?\b|[A-Z])|at\s+(?:an?\s+)?(?:extra|additional|further|separate|standard|hourly)\s+(?:cost|charge|fee|rate|price)|at\s+(?:the|our|its)\s+(?:[\w-]+\s+){0,2}?(?:rates?|prices?|charges?)\b|for\s+(?:an?\s+)?(?:(?:extra|additional|further|separate|small)\s+)?(?:fee|charge|cost|price|payment)\b|to\s+(?:purchase|order|buy|book)\b|under\s+(?:a\s+)?separate\b|separately\b|from\s+(?:(?:your|our|the|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?(?:on|upon)\s+request\b))/g
// Reading: availability named beside what a thing costs ("Restores at weekends: availability and charges are as set out in
// the Order Form", "pricing and availability on request") is whether the thing is offered, as "available on request" is,
// not how available a system is
const OFFER_TERMS = /\bavailability\s+(?:and|&|or)\s+(?:charges?|pricing|prices?|fees?|costs?|rates?)\b|\b(?:charges?|pricing|prices?|fees?|costs?|rates?)\s+(?:and|&)\s+availability\b/gi
/** The text with every "available" that offers work, and every availability named with its price, blanked out (offsets kept). */
function withoutOffers(text: string): string {
  if (!text.includes('vailab')) return text
  const blank = (m: string): string => ' '.repeat(m.length)
  return text.replace(OFFERED, blank).replace(OFFER_TERMS, blank)
}
const DETECT = needs(/\bmean time to detect\b|\bMTTD\b/i)
/** How a system performs, as a noun: its uptime, availability or downtime, latency. */
const SYSTEM_METRIC = needs(/\b(?:uptime|up-time|availability|downtime|down-time|latency|packet loss)\b/i)
/** Availability of people or things, not of a system: "subject to availability", "availability of engineers". */
const NOT_SYSTEM = /\bsubject to (?:the )?availability\b|\bavailability of (?:the |our |its |an? )?(?:staff|engineers?|technicians?|personnel|resources|parts|stock|spares|equipment|people|consultants?|the (?:customer|client)(?:'s)? (?:staff|personnel|representatives?))\b/i
const VAGUE = /\b(?:high(?:ly)? availab\w*|optimal (?:performance|functioning|operation|working)|maximum (?:uptime|availability)|minimal downtime|minimi[sz]e downtime|best possible performance|high performance|reliable (?:service|performance)|industry[- ]standard (?:uptime|availability|performance))\b/i
const PERIOD = /\b(?:per|each|every|any|in|during|over|across|measured|calculated|for)\s+(?:(?:each|every|any|a|the|one)\s+)?(?:calendar\s+|billing\s+|rolling\s+|full\s+)?(?:day|week|month|quarter|year)\b|\b(?:monthly|quarterly|annually|yearly|weekly)\b|\bper annum\b/i

/** A period as a definition states it: "“Service Period” means a calendar month". */
const PERIOD_DEFINED = /^\W*(?:(?:a|one|each|the)\s+)?(?:calendar\s+|billing\s+|rolling\s+|full\s+)?(?:day|week|month|quarter|year)\b/i
/** Capitalised terms that may be defined: "Service Period", "Measurement Window". */
const CAPITALISED = /\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\b/g

/** Does the text measure over a defined term whose definition is a period ("in each Service Period")? */
function definedPeriod(text: string, reading: Reading): boolean {
  for (const m of text.matchAll(CAPITALISED)) {
    const def = reading.definitions.get(reading.termKey(m[0]))
    if (def && PERIOD_DEFINED.test(def.text.replace(/^\W*(?:means|shall mean|is)\b/i, ''))) return true
  }
  return false
}

/**
 * A promise that systems keep working, with no figure: kept or maintained in good working order or optimal condition,
 * working or functioning at all times, never going down, at peak performance, performance that meets industry
 * standards, running as reliably as today or kept running smoothly. It speaks of how the systems perform, so the clause is vague, not missing.
 */
// Reading: a state of service the customer or its things are promised to be kept in, with no figure ("You'll always be
// online", "your tills will always stay connected"), speaks of how the systems perform, though the customer is its subject;
// a duty to be so ("You must always be online for the update") is not promised (it has no "will")
const ALWAYS_ONLINE = /(?<=(?:\b(?:will|shall|is|are)|['’]ll)\s+)always\s+(?:be|stay|remain)\s+(?:online|connected|up and running)\b/i
const KEPT_WORKING = new RegExp(
  [
    String.raw`\b(?:keep|keeps|kept|keeping|maintain|maintains|maintained|maintaining|remains?|stays?)\b[^.;]{0,80}?\b(?:in|at)\s+(?:(?:good|full|perfect|proper|sound)\s+working|(?:optimal|optimum|peak|top)(?:\s+working)?)\s+(?:order|condition|performance|health|shape)\b`,
    String.raw`\b(?:function(?:s|ing)?|running|working|operational|operating)\b[^.;]{0,60}?\bat all times\b`,
    String.raw`\b(?:systems?|networks?|servers?|services?|site|website|internet|connection|e-?mail|phones?|platform|equipment|devices?|computers?|it|wi-?fi)\b[^.;]{0,30}?\bnever\s+(?:go(?:es)?\s+down|fail|crash(?:es)?|be\s+(?:down|offline|unavailable))\b`,
    // whatever the thing is called ("the shop's till will never go down", "the booking system never crashes"): a thing
    // promised never to go down is a system (not a price: see NOT_DOWNTIME)
    String.raw`\b(?:will|shall|would|is going to|are going to|['’]ll)\s+never\s+(?:go\s+(?:down|offline|dark)|crash|stop\s+working|be\s+(?:down|offline|unavailable|out of action))\b|\bnever\s+(?:goes\s+(?:down|offline|dark)|crashes|stops\s+working)\b`,
    String.raw`\b(?:peak|optimal|optimum|top|excellent|outstanding|superior|maximum)\s+(?:performance|uptime|reliability)\b`,
    // the systems' operation promised without a break, with no figure: "guarantees the uninterrupted operation of the
    // Client's systems", "the continuous functioning of the network"
    String.raw`\b(?:uninterrupted|continuous|unbroken|non-?stop)\s+(?:operation|functioning|running|working|availability|operability)\s+of\s+(?:the\s+|your\s+|its\s+|all\s+|our\s+)?(?:[\w'’-]+\s+){0,3}?(?:systems?|networks?|servers?|services?|equipment|computers?|it|infrastructure|platforms?|devices?|site|website)\b`,
    // an effort to keep systems working, with no figure: "try our best to keep your systems running"
    String.raw`\b(?:try|tries|trying|strive|strives|endeavou?rs?|aims?|do|does)\s+(?:our|its|their|my)\s+(?:best|utmost)\s+to\s+keep\s+(?:your|the|all|our|its)\s+(?:[\w-]+\s+){0,2}?(?:systems?|networks?|servers?|computers?|it|equipment|devices?|services?)\s+(?:running|working|up|online|going)\b`,
    String.raw`\bperformance\b[^.;]{0,30}?\b(?:meets?|in line with|consistent with)\s+(?:good\s+|recogni[sz]ed\s+)?industry\s+(?:standards?|practice|norms)\b`,
    // running measured against today's running, or kept running smoothly or fast and reliable: "the systems will run as
    // reliably as they do today", "keep everything running as smoothly as it does now", "keep your network fast and reliable"
    String.raw`\b(?:run|runs|running|work|works|working|perform|performs|performing)\s+(?:just\s+)?as\s+(?:reliably|smoothly|well|fast|quickly|dependably)\s+as\s+(?:[\w'’-]+\s+){0,2}?(?:today|now|at present|currently|before)\b`,
    String.raw`\b(?:keep|keeps|kept|keeping)\s+(?:[\w'’-]+\s+){0,3}?(?:running|working)\s+(?:smoothly|reliably|dependably)\b`,
    String.raw`\b(?:keep|keeps|kept|keeping)\s+(?:your|the|all|our|its)\s+(?:[\w-]+\s+){0,2}?(?:systems?|networks?|servers?|computers?|it|equipment|devices?|internet|wi-?fi)\s+(?:fast|quick|speedy|stable)\s+and\s+reliable\b`,
    // how the systems must work, said with no measure: "the network must work well", "systems will perform reliably"
    String.raw`\b(?:systems?|networks?|servers?|computers?|equipment|devices?|internet|connection|wi-?fi|platforms?|infrastructure|it)\s+(?:[\w'’-]+\s+){0,2}?(?:must|will|shall|should|is to|are to)\s+(?:always\s+)?(?:work|run|perform|function|operate)\s+(?:well|reliably|smoothly|properly|efficiently|dependably|effectively|as (?:it|they) should)\b(?!\s+(?:with|on|alongside|together|for)\b)`,
    // the customer kept online, promised with no figure ("You'll always be online", "the tills will always stay connected")
    ALWAYS_ONLINE.source,
  ].join('|'),
  'i',
)
/** A negation before the promise: "we don't promise your internet will never go down" disclaims it. */
const NEGATED = /\b(?:not|no|never|cannot|can't|can’t|don't|don’t|doesn't|doesn’t|won't|won’t)\b/i

/** An amount, just before "will never go down": a price or a number falls, no system goes down. */
const NOT_DOWNTIME = /\b(?:prices?|fees?|rates?|charges?|costs?|bills?|invoices?|numbers?|amounts?|levels?|quality|standards?|sales|temperature)\s+(?:[\w'’-]+\s+){0,2}$/i

/** The statement keeps systems working with no figure: the promise's text, when the provider gives it. */
function keptWorking(unit: Unit, reader: Reader): RegExpExecArray | undefined {
  const m = KEPT_WORKING.exec(unit.text)
  if (!m) return undefined
  if (NEGATED.test(unit.text.slice(Math.max(0, m.index - 60), m.index))) return undefined
  // an amount that never goes down ("Our monthly price will never go down") is no system
  if (NOT_DOWNTIME.test(unit.text.slice(Math.max(0, m.index - 30), m.index))) return undefined
  // (the customer's things that must work so are its requirement: "your computers must work well")
  if (!(/^always\b/i.test(m[0]) && ALWAYS_ONLINE.test(unit.text)) && (reader.party(unit, m.index) === 'customer' || CUSTOMER_OWNED.test(unit.text.slice(0, m.index + m[0].length)))) return undefined
  // (and what a request asks of the reader: "Kindly make sure the laptops are kept in good working condition")
  if (readerRequest(unit.text, m.index)) return undefined
  return m
}

// Reading: a request addressed to the reader, the customer ("Please keep the office PCs in sound working order", "Kindly
// make sure your PCs are kept in good working order", "We ask that you keep your network in sound working condition"), is
// the customer's duty, not a target for how the provider's service performs
const READER_REQUEST = /^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?(?:(?:please|kindly|always|also|and)\s+)*(?:keep|maintain|make sure|ensure|see (?:to it )?that|be sure)\b|\b(?:we|i)(?:\s+would|['’]d)?\s+(?:ask|request|expect|need|require)\s+(?:that\s+)?(?:you|your)\b|\byou(?:['’]re|\s+are)\s+(?:asked|expected|required|requested)\s+to\b|\b(?:please|kindly)\s+(?:keep|maintain|make sure|ensure)\b/i

/** Is the statement at `index` of the text asked of the reader, by a request before it in the same sentence? */
function readerRequest(text: string, index: number): boolean {
  return READER_REQUEST.test(text.slice(0, index + 12))
}

/**
 * A score of call or voice quality held to a figure: "a Mean Opinion Score of at least 4.0", "MOS ≥ 3.8". It measures how
 * the system performs, like latency, and needs no period to be measurable (a period stated beside it is welcome).
 */
const QUALITY_SCORE = needs(/\b(?:mean opinion score|MOS)\b(?:\s*\([^)]{0,10}\))?[^.;]{0,30}?(?:\bat least|\bnot (?:less|lower) than|\bno (?:less|lower) than|\bminimum(?: of)?|\babove|\bof|[≥>]=?)\s*[1-5](?:\.\d{1,2})?(?![\d%])/i)
/**
 * A metric the agreement puts outside itself: "isn't part of this arrangement", "is up to your web host", or names
 * another party as the one who does it ("we don't measure your website's response times; your web host does").
 */
const OUTSIDE_AGREEMENT = needs(/\b(?:your|the (?:customer|client)(?:['’]s)?) (?:own )?(?:web ?host|hosting (?:company|provider)|internet provider|isp|carrier) (?:does|do|is responsible|handles? (?:it|that|them))\b|\b(?:is|are)(?: not|n['’]t) (?:part of|covered by|included in) (?:this|the|our) (?:arrangement|agreement|contract|service|plan)\b|\b(?:is|are) (?:up to|a matter for) (?:your|the (?:customer|client)(?:['’]s)?) (?:own )?(?:web ?host|hosting (?:company|provider)|internet provider|isp|provider|carrier)\b/i)
/** A one-off project whose own downtime is promised: a migration, cut-over, installation, move or roll-out. */
const PROJECT_DOWNTIME = /\b(?:migration|cut-?over|installation|relocation|(?:office|server) move|switch-?over|roll-?out|changeover|upgrade project)\b[^.;]{0,60}\b(?:zero|no|minimal|without(?: any)?|little)\s+(?:downtime|down-time|disruption)\b/i

// Reading: a measured rate of the service's outcome held to a figure ("backup job success rate of at least 98% each
// month", "first-call fix rate ≥ 70%") is a performance target: it measures how well the service works, as an error rate
// does, and a rate of events needs no period beyond its own count
/** An outcome rate held to a percentage: "success rate of at least 98%", "fix rate ≥ 70%", "99% completion rate". */
const OUTCOME_RATE = /\b(?:success|completion|fix|resolution|pass|restore|recovery|delivery)\s+rates?\b(?:\s*\([^)]{0,20}\))?[^.;]{0,30}?(?:\bat least|\bnot (?:less|lower) than|\bno (?:less|lower) than|\ba minimum of|\bminimum(?: of)?|\babove|\bover|\bof|[≥>]=?|:)\s*\d{1,3}(?:\.\d{1,2})?\s?(?:%|per ?cent|percent)|\b\d{1,3}(?:\.\d{1,2})?\s?(?:%|per ?cent|percent)\s+(?:[\w-]+\s+){0,3}?(?:success|completion|fix|resolution|pass|restore|recovery|delivery)\s+rates?\b/i

type PerformanceTargetsOptions = {readonly minUptime?: number}

// the lowest acceptable availability
const options = ruleOptions<PerformanceTargetsOptions>({
  schema: {
    type: 'object',
    properties: {
      minUptime: {
        type: 'number',
        minimum: 0,
        maximum: 100,
        description: 'Lowest acceptable availability or uptime target, in percent; a stated target below it is reported',
      },
    },
    additionalProperties: false,
  },
  defaults: {minUptime: 99.5},
})

const messages = {
  missing: 'Missing performance targets; state measurable targets (e.g. "99.9% availability per calendar month")',
  vague: 'Vague performance target "{text}"; {detail}',
  delegated: 'Performance targets are set in {target}; lint it with this agreement or state them here',
  lowUptime: 'Low availability target "{text}"; the house minimum is {min}%',
} as const

export default clauseRule({
  id: 'performance-targets',
  description: 'The agreement states measurable performance targets, e.g. an uptime percentage with its measurement period',
  data: data['performance-targets'],
  messages,
  options,
  review,
  // a measured share of events held to a time or to success in a period ("97% of copy jobs finish each month")
  // and a share of a span of time over a period ("connectivity for 99.5% of Support Hours in each calendar month")
  // and a promise that systems keep working, with no figure ("kept in good working order at all times"), and an outcome
  // rate held to a figure ("backup job success rate of at least 98%")
  mentionsReads: 'text',
  mentions(text) {
    return DETECT.test(text) || shareOfEvents(text) || shareOfTime(text) || KEPT_WORKING.test(text) || QUALITY_SCORE.test(text) || OUTCOME_RATE.test(text) || rowShareHeld(text.split(CELL_JOIN).map((c) => c.replace(CELL_LABEL, '')))
  },
  judge(unit, reader) {
    const verdict = judgeUnit(unit, reader)
    if (verdict?.outcome !== 'vague' || !capitalRunIn(unit.text, verdict.start ?? 0, verdict.end ?? unit.text.length)) return verdict
    // the words of a product's or a system's name speak of no performance ("support for the Peak Performance booking
    // app"): a vague reading that rests only on them is no reading
    const plain = reader.reading.withoutThingNames(unit.text, unit.block.kind === 'heading')
    return plain === unit.text ? verdict : judgeUnit({...unit, text: plain}, reader)
  },
})

// Reading: a table row that names what is measured in its first cell and holds only a share in another ("| Managed laptops
// with all critical patches installed within 14 days of release | at least 95% |") states that share of those things, as
// the sentence "at least 95% of managed laptops with all critical patches installed within 14 days of release" does: a
// target when the share is of things held to a time or to success (not of support work: tickets, calls)
const SHARE_CELL = /^(?:(?:at least|no less than|not less than|a minimum of|minimum|min\.?|≥|>=)\s*)?(\d{1,3}(?:\.\d{1,3})?)\s?%(?:\s+or\s+(?:more|higher|above|better))?$/i
const CELL_JOIN = ' | '
/** A row text's label before each cell ("Target: "), as the table's header gives it. */
const CELL_LABEL = /^[^:|]{1,40}:\s/
function rowShareHeld(cells: readonly string[]): boolean {
  if (cells.length < 2) return false
  const key = (cells[0] ?? '').replace(/[*_]/g, '').trim()
  const share = cells.slice(1).map((c) => SHARE_CELL.exec(c.replace(/[*_]/g, '').trim())).find((m) => m !== null)
  if (!share || !/[a-z]{3}/i.test(key)) return false
  return shareHeld(`${share[1]}% of ${key.charAt(0).toLowerCase()}${key.slice(1)}`)
}

// The words of this clause's topic that a name may be made of ("Peak Performance", "Maximum Uptime")
const TOPIC_WORDS = ['perform', 'uptime', 'up-time', 'availab', 'reliab', 'downtime']

/**
 * Does text[from, to) hold a run of two or more capitalised words with a word of the clause's topic in it, as a name
 * does ("the Peak Performance app", "the Maximum Uptime cluster")? Read without a pattern: most vague readings hold none.
 */
function capitalRunIn(text: string, from: number, to: number): boolean {
  let runStart = -1
  let words = 0
  let i = from
  while (i <= to) {
    // the word from i to the next space or hyphen
    let j = i
    while (j < to && text.charCodeAt(j) !== 32 && text.charCodeAt(j) !== 45) j++
    const c = text.charCodeAt(i)
    if (j > i && c >= 65 && c <= 90) {
      if (runStart < 0) runStart = i
      words++
    } else {
      if (words >= 2) {
        const run = text.slice(runStart, i).toLowerCase()
        if (TOPIC_WORDS.some((w) => run.includes(w))) return true
      }
      runStart = -1
      words = 0
    }
    if (j >= to) break
    i = j + 1
  }
  if (words >= 2) {
    const run = text.slice(runStart, to).toLowerCase()
    if (TOPIC_WORDS.some((w) => run.includes(w))) return true
  }
  return false
}

function judgeUnit(unit: Unit, reader: Reader): Verdict | undefined {
  const t = unit.text
  // a row of a table that gives what is measured and, in another cell, its share held over the period the table's lead-in
  // states ("6.1 … will meet the following metrics, measured each calendar month:")
  const cells = unit.block.kind === 'table-row' ? unit.block.cells : undefined
  if (cells && rowShareHeld(cells) && reader.party(unit, 0) !== 'customer') {
    const period = PERIOD.test(t) || PERIOD.test(unit.intro ?? '') || (unit.block.header?.some((h) => PERIOD.test(h)) ?? false)
    return period ? {outcome: 'present'} : {outcome: 'vague', detail: 'state the measurement period (e.g. "per calendar month")'}
  }
  if ((shareOfEvents(t) || shareOfTime(t)) && reader.party(unit, 0) !== 'customer') return {outcome: 'present'}
  // a mean time to detect held to a time ("under 15 minutes") is a measured target of the monitored service (a report of
  // it, with no time, sets none)
  const detect = DETECT.exec(t)
  if (detect && reader.reading.values(t.slice(detect.index)).durations.length && reader.party(unit, detect.index) !== 'customer') return {outcome: 'present'}
  // a call-quality score held to a figure ("a Mean Opinion Score of at least 4.0")
  const score = QUALITY_SCORE.exec(t)
  if (score && reader.party(unit, score.index) !== 'customer' && !CUSTOMER_OWNED.test(t.slice(0, score.index))) return {outcome: 'present'}
  // an outcome rate held to a figure ("a backup job success rate of at least 98% each month")
  const rate = OUTCOME_RATE.exec(t)
  if (rate && reader.party(unit, rate.index) !== 'customer' && !CUSTOMER_OWNED.test(t.slice(0, rate.index))) return {outcome: 'present'}
  const offerless = withoutOffers(t)
  const metric = METRIC.exec(offerless)
  const inHeaderTable = unit.block.header?.some((h) => METRIC.test(h)) ?? false
  if (!metric && !unit.inHome && !inHeaderTable && !VAGUE.test(t)) {
    const kept = keptWorking(unit, reader)
    return kept ? {outcome: 'vague', start: kept.index, end: kept.index + kept[0].length, detail: 'state a measurable target with its period (e.g. "99.9% availability per calendar month")'} : undefined
  }
  const v = reader.reading.values(t)
  // a latency or response-time target is measured per request ("under 300 ms for 95% of requests"): its percentage
  // is a percentile, not an availability that needs a period
  // a throughput or page-load target needs no period either ("throughput of at least 200 Mbps", "pages loading in
  // under 2.5 seconds"), unless it is the customer's to meet
  const speed = SPEED.exec(t)
  // (a list item is read with the sentence that introduced it: "The Client must: … (b) keep an upload speed of 50 Mbps")
  // (a figure recommended for the customer to buy is advice, not a target: "We recommend a fibre plan of at least 1000 Mbps")
  const ownSpeed = speed !== null && !RECOMMENDS.test(t.slice(0, speed.index)) && reader.party(unit, speed.index) !== 'customer' && !CUSTOMER_OWNED.test(t.slice(0, speed.index)) && !(unit.intro !== undefined && reader.reading.introducingParty(unit.block) === 'customer')
  if (ownSpeed && SPEED_VALUE.test(t.slice(speed.index))) return {outcome: 'present'}
  const targets = v.percentages.filter((p) => p.value >= 80 && p.value <= 100)
  if (targets.length && (metric || unit.inHome || inHeaderTable)) {
    if (targets.some((p) => p.period) || PERIOD.test(t) || definedPeriod(t, reader.reading) || PERIOD.test(unit.next) || PERIOD.test(unit.intro ?? '') || (inHeaderTable && unit.block.header?.some((h) => PERIOD.test(h)))) {
      return {outcome: 'present'}
    }
    return {outcome: 'vague', detail: 'state the measurement period (e.g. "per calendar month")'}
  }
  // latency and similar: a number with a small unit next to a metric word
  const delegated = reader.delegated(unit, /uptime|availab|performance|service level/i)
  if (delegated && (metric || unit.inHome)) return delegated
  const vagueAt = VAGUE.exec(t)
  if (vagueAt && !readerRequest(t, vagueAt.index)) return {outcome: 'vague', detail: 'state a measurable target with its period (e.g. "99.9% availability per calendar month")'}
  if (unit.inHome && metric) return {outcome: 'vague', detail: 'state a measurable target with its period (e.g. "99.9% availability per calendar month")'}
  // how fast pages load or data moves, with no figure ("Pages load in a flash"), touches the clause
  // a metric put outside the agreement ("… is up to your web host and isn't part of this arrangement") sets no target
  if (OUTSIDE_AGREEMENT.test(t)) return undefined
  if (ownSpeed) return {outcome: 'vague', detail: 'state a measurable target (e.g. "pages load in under 2 seconds")'}
  // uptime or downtime spoken of with no target ("Uptime: no target is offered", "Downtime includes the following:",
  // "a report showing uptime") touches the clause: vague, not missing
  // the downtime of a one-off project ("the migration will be carried out with zero downtime") is a promise about that
  // project, not a target for how the systems perform
  if (SYSTEM_METRIC.test(offerless) && !NOT_SYSTEM.test(t) && !PROJECT_DOWNTIME.test(t) && reader.party(unit, indexOf(offerless, SYSTEM_METRIC)) !== 'customer') {
    return {outcome: 'vague', detail: 'state a measurable target with its period (e.g. "99.9% availability per calendar month")'}
  }
  // systems kept working in a section titled for performance ("**Performance**", then "We'll keep your network running
  // at peak performance") touch the clause there as they do anywhere else
  if (unit.inHome && !metric) {
    const kept = keptWorking(unit, reader)
    if (kept) return {outcome: 'vague', start: kept.index, end: kept.index + kept[0].length, detail: 'state a measurable target with its period (e.g. "99.9% availability per calendar month")'}
  }
  return undefined
}


const UPTIME = /\b(?:availab(?:le|ility)|uptime|up[- ]time)\b/i
const NOT_A_TARGET = /\b(?:credits?|less than|below|under|fewer than|falls?|achieved|misses|missed|refund)\b/i

/** After the clause judgement: report availability targets below `minUptime` (in the statement found and its table or section). */
function review(finding: Finding, context: RuleContext<keyof typeof messages, PerformanceTargetsOptions & ClauseOptions>): void {
  const valuesOf = (t: string) => context.reading.values(t)
  const min = context.options.minUptime
  if (min === undefined || finding.outcome !== 'present' || !finding.unit) return
  const home = finding.unit.block
  const candidates = context.doc.blocks.filter((b) => b === home || (b.section === home.section && b.kind !== 'heading' && (home.kind !== 'table-row' || b.header === home.header)))
  for (const block of candidates) {
    const units = block.kind === 'table-row' ? [{start: 0, text: block.text}] : block.sentences.map((s) => ({start: s.start, text: s.text}))
    const headerSaysUptime = block.header?.some((h) => UPTIME.test(h) && !NOT_A_TARGET.test(h)) ?? false
    for (const u of units) {
      if (!(UPTIME.test(u.text) || headerSaysUptime) || NOT_A_TARGET.test(u.text)) continue
      const p = valuesOf(u.text).percentages.find((x) => x.value >= 80 && x.value <= 100)
      if (!p || p.value >= min) continue
      context.report({messageId: 'lowUptime', outcome: 'present', policy: true, block, start: u.start + p.start, end: u.start + p.end, data: {text: p.text, min}})
    }
  }
}

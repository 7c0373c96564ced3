// response-times: a time to respond, with number and unit, ideally per priority level.
import {needs} from '../src/text.js'
import {clauseRule, keptTimedJudgement, type ClauseOptions, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import {INTRODUCES} from '../src/reading/lists.js'
import {reachTitle} from '../src/reading/reach.js'
import {describesDocument} from '../src/reading/delegation.js'
import {ESCALATION_TRIGGER, VAGUE_TIME, columnMeasure, indexOf, withoutHabit} from '../src/reading/wording.js'
import type {Reading} from '../src/reading/index.js'
import type {Pointer} from '../src/reading/pointers.js'
import type {Values} from '../src/reading/values/index.js'
import type {Finding} from '../src/clauses.js'
import type {Block, Section} from '../src/types.js'
import {durationSchema, ruleOptions, type RuleContext} from '../src/rule.js'
import {formatMinutes, parseDurationOption} from '../src/reading/values/index.js'
import data from './data/clauses.json' with {type: 'json'}

/** A statement of times per case: a time and a priority level, or a time in a row of a table. */
function perCase(text: string, v: {readonly durations: readonly unknown[]; readonly priorities: readonly unknown[]}): boolean {
  return v.durations.length > 0 && (v.priorities.length > 0 || text.includes(' | '))
}
// a hedge closing a clause makes a stated time optional: "where possible", "where we can." (not "if we can fix it remotely")
const HEDGED = needs(/\b(?:where|when|if|wherever|whenever) (?:possible|practicable|practical|feasible)\b|\b(?:where|wherever|when|whenever|if) (?:we|it) (?:can|are able|is able)(?=\s*(?:[.,;:!)]|$))/i)

const SUPPORT = /\b(?:support|tickets?|jobs?|incidents?|requests?|calls?|issues?|faults?|problems?|alerts?|P[1-5]|priority|severity|sev|emails?|voicemails?|help ?desk|service desk|outages?|notif|reported|logged|enquir|inquir|cases?|escalat\w*)\b/i
const OTHER = /\b(?:invoices?|payment|dispute|audit|subpoena|change (?:orders?|requests?)|claims?|proposals?|quot(?:e|es|ation|ations)|indemnif|termination|notice of breach|complaints?)\b/i
/**
 * A title that opens by naming another matter than support ("9. Change requests", "Invoices and disputes", "Billing"),
 * with no word of support after it ("Plan terms (printed on every invoice)" is about the plan; "Support and change
 * requests" about support too).
 */
function otherTitle(title: string): boolean {
  const m = OTHER_TITLE.exec(title)
  return m !== null && !SUPPORT.test(title.slice(m[0].length))
}
const OTHER_TITLE = /^\W*(?:(?:\d+(?:\.\d+)*|[A-Z])[.)]?\s+)?(?:invoices?|invoicing|billing|payments?|disputes?|audits?|change (?:orders?|requests?|control|management)|changes|claims?|complaints?|(?:term (?:and|&) )?termination|quot(?:es|ations?))\b/i
/** The nearest title with words: a clause numbered as a section of its own ("7.2") stands under its clause's title. */
function wordedTitle(section: Section): string {
  for (let s: Section | undefined = section; s; s = s.parent) if (/[a-z]{2}/i.test(s.title)) return s.title
  return ''
}
const TOPIC = new RegExp(data['response-times'].topic, 'i')
// Reading: words listed before one noun share it, each as if the noun followed it: "the response, resolution and
// availability targets" are the response targets and the others, "response or fix times" the response times and the fix
// times (a list whose noun is no time, "the response, escalation and reporting procedures", names no time)
const SHARED_HEAD = /\bresponse(?:\s*,\s*[a-z][\w-]*)*\s*,?\s+(?:and|or|&)\s+[a-z][\w-]*\s+(?:times?|targets?|deadlines?|timescales?)\b/i
// an engineer's attendance is the response of on-site and break-fix services: "Engineer on site within", "Attendance";
// a "reaction time" is a response time in the English of German and Swiss agreements
// ("first touch" is the ITSM name of the first contact with a ticket; "first touch resolution" is a fix rate)
// (and a call's "attention", as translated agreements name the first action on it: "Remote attention", "Attention times")
const HEADER = /respon|acknowledg|\bresp\b|\breaction\b|first (?:reply|contact|touch(?! resol))|\breply\b|\bon[- ]site within\b|\battend(?:ance|s|ed)? (?:time|within)\b|^(?:(?:remote|on[- ]?site|first|initial|telephone|phone)\s+)?attention(?:\s+times?)?$/i
/**
 * Whether a header heads a column of response times in this row's table: it names the response, or, in a table whose rows
 * are classes of case, the first action on a case in any words ("We start work within", "Attendance on site").
 */
function responseColumn(reading: Reading, block: Block): (h: string) => boolean {
  const keyed = reading.casesKeyed(block)
  // (and every value column of such a table whose note says its figures are response times: "Times above are for response")
  const noted = keyed && reading.tableNote(block)?.response === true
  const key = block.header?.[0]
  return (h) => HEADER.test(h) || (keyed && columnMeasure(h).response) || (noted && h !== key)
}
/** A column of times to notify the customer, in a table keyed by priority or severity, holds response times. */
const NOTIFY_HEADER = /\bnotif(?:y|ied|ication)\b/i
const KEY_HEADER = /\b(?:priorit\w*|severit\w*|levels?|categor\w*|class\w*|impact|urgency)\b/i

/**
 * A response time that a page, site or server has is its speed, a performance metric, not the time the provider takes
 * to answer a request: "the portal's page response time", "the checkout page's response time", "API response times",
 * and named the other way round, "the response time of the booking page" (a label so named, "Page response time:", is
 * no home of the clause either: see the clause's notHeadings), and its own, "the Server's own response times".
 */
const SYSTEM_SPEED = /\b(?:(?:web ?)?pages?|(?:web)?sites?|storefronts?|portals?|servers?|applications?|apps?|apis?|databases?|quer(?:y|ies)|endpoints?)(?:'s|’s|s'|s’)?\s+(?:(?:own|average|mean|median|load(?:ing)?)\s+){0,2}response(?:\s+(?:times?|speeds?))?\b|\bresponse\s+(?:times?|speeds?)\s+of\s+(?:the\s+|a\s+|an\s+|each\s+|every\s+|your\s+|our\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?(?:(?:web ?)?pages?|(?:web)?sites?|storefronts?|portals?|servers?|applications?|apps?|apis?|databases?|endpoints?)\b/gi

/**
 * A response time counted in milliseconds is a system's speed, not the time the provider takes to answer a request: "the
 * home page shall have a response time under 300 ms", "API response: 95th percentile below 800 milliseconds".
 */
/** A row key that names a system's speed ("| Page response time | under 300 ms |") keys no response times. */
const SPEED_KEY = new RegExp(`${SYSTEM_SPEED.source}|\\bresponse\\b[^|]{0,30}\\b(?:ms|milliseconds?)\\b`, 'i')
const responseKey = (key: string): boolean => key.length <= 40 && HEADER.test(key) && !SPEED_KEY.test(key)
const MS_SPEED = /\bresponse(?:\s+(?:times?|speeds?))?\b[^.;]{0,40}?\d[\d,.]*\s?(?:ms|msecs?|milliseconds?)\b/gi

/**
 * Translated agreements name the response by attending, taking in charge or intervening: an incident "attended within
 * four (4) hours", "taken in charge within 2 working hours", "the guaranteed intervention time (GIT) is 2 hours", "the
 * time to intervene", "the deadline for taking charge" all time the provider's first action on a call.
 */
const TRANSLATED = needs(/\b(?:attended(?: to)?|taken (?:in|into) charge|(?:take|takes|taking) (?:in |into )?charge(?: of (?:it|them|the \w+|each \w+|any \w+))?|intervened? (?:on|upon) (?:it|them|the \w+)|intervenes?)\s+within\b|\b(?:guaranteed |maximum |max\.? )?(?:intervention|attention|taking[- ](?:in[- ])?charge) (?:times?|deadlines?|delays?)\b|\btime (?:to|for) (?:intervene|intervention|take (?:in )?charge|taking (?:in )?charge)\b|\bdeadlines? for (?:the )?(?:taking|take) (?:in )?charge\b/i)

/**
 * Time worked that is billed is a quantity of work, not a time to respond: "intervention time on site is invoiced at
 * €60 per hour", "attendance time is charged in quarter hours", "each attendance on site is charged at $95 an hour".
 */
const BILLED_TIME = /\b(?:(?:intervention|attention|attendance|labour|labor|travel) times?|(?:(?:first|initial|each|every|any|an)\s+)?attendances?\s+(?:(?:on|at)\s+(?:the\s+)?(?:site|premises)\b)?)\b[^.;]{0,60}?\b(?:is|are|will be|shall be)\s+(?:invoiced|billed|charged|paid|counted|rounded)\b/gi

/**
 * An attendance that is no visit of the provider's to a case: the customer's own ("the Client's first attendance", "your
 * attendance") or one at a meeting or a course ("first attendance at the quarterly review").
 */
const OTHER_ATTENDANCE = needs(/\b(?:your|(?:client|customer)(?:'s|’s))\s+(?:own\s+)?(?:(?:first|initial)\s+)?attendances?\b|\b(?:first|initial)\s+attendances?\s+(?:at|of|in)\s+(?:an?|the|each|every|any|our|your)\s+(?:[\w-]+\s+){0,3}?(?:meetings?|reviews?|training|courses?|sessions?|events?|workshops?|classes?|briefings?|inductions?)\b/gi)

/** Words before a person that make the person the customer's: "your own technician", "the Client's engineer". */
const CUSTOMERS_OWN = /\b(?:your|(?:client|customer)(?:'s|’s)|its own)\s+(?:own\s+)?$/i
/** A length written as an adjective of a period: "30-day hypercare period", "12-month term", "90 day warranty". */
const PERIOD_LENGTH_SOURCE = String.raw`\b\d+(?:\.\d+)?[- ](?:minute|hour|day|week|month|year)s?[- ](?:[a-z]+[- ]){0,2}?(?:period|term|window|warranty|trial|hypercare|contract|notice|pilot|phase|engagement|stabili[sz]ation|transition|onboarding)\b`
const PERIOD_LENGTH = new RegExp(PERIOD_LENGTH_SOURCE, 'i')
const PERIOD_LENGTH_ALL = new RegExp(PERIOD_LENGTH_SOURCE, 'gi')
// A window over which events are counted ("misses the response target three times in one calendar month", "more than
// twice in any rolling 12-month period", "in any 30-day period") says how often, not how fast: it is no time to respond
const COUNT_WINDOW = /\b(?:(?:once|twice|thrice|(?:\d{1,3}|one|two|three|four|five|six|ten) (?:\(\d{1,3}\) )?times)\s+(?:or more\s+)?(?:in|within|during|per|over|across)\s+(?:any|one|a|each|the same|a single)\s+|\bin\s+any\s+)(?:(?:rolling|consecutive|calendar|single)\s+)?(?:(?:\d{1,3}|one|two|three|six|twelve)[- ])?(?:day|week|month|quarter|year)s?(?:[- ]period)?\b/gi

// Reading: "in response to" names what prompts the act of its sentence ("will supply documentation in response to examiner
// requests within 10 business days", "produces a copy in response to a written request"): the time it carries times that
// act, a response only when the act is itself named as one (a reply, an acknowledgement, an attendance: the topic's other
// words in the sentence)
const PROMPTED_BY = /\bin\s+response\s+to\b/gi

/** Someone of the provider's at the customer's place within a time: "an engineer will be at your premises within". */
const ARRIVAL = needs(/\b(?:engineers?|technicians?|techs?|someone|somebody)\b[^.;]{0,30}?\b(?:will be|is|are|arrives?|arrive|attends?|attend|gets?|get)\s+(?:at|on|to)\s+(?:your|the (?:client|customer)(?:'s|’s)?|the)(?:\s+[\w'’-]+){1,2}\s+within\b/i)

// Reading: a promise to reply with no measure ("our team replies as soon as they can", "we get back to you when we are
// able") is a response time stated vaguely, wherever it stands: the reply is the provider's response
/** A reply promised with a time word and no number. */
const REPLY_UNMEASURED = needs(new RegExp(String.raw`\b(?:repl(?:y|ies)|respond(?:s)?|gets? back to (?:you|the (?:client|customer)))\b[^.;]{0,40}?(?:${VAGUE_TIME.source})`, 'i'))

/** A cell that names a time without its number: a unit alone, a slot ("[…] hours") or a placeholder ("TBC"). */
const UNSTATED = /\b(?:minutes?|hours?|days?|weeks?)\b|\[[^\]]{0,20}\]|\b(?:tb[acd]|to be (?:agreed|confirmed|advised))\b/i

/** A sentence that opens with the metric as a label and gives its time: "Response: 30 minutes.", "4.1 Resp. – 2 hours" */
const LABELLED_TIME = /^\W{0,3}(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:(?:target|initial|first)\s+)?(?:resp\.?|response|reply)(?:\s+(?:times?|targets?))?\s*(?::|–|—|-)\s*(?:within\s+|in\s+)?\d/i

/** A line that only names the metric, as a title: "Response times", "Target response times", "First response". */
const TITLE_LINE = /^\s*(?:(?:target|initial|first|guaranteed|our|support)\s+)?(?:response|reply|acknowledg(?:e?ment))(?:\s+(?:times?|targets?|levels?))?\s*:?\s*$/i

// Reading: a table row or sentence whose every time is named as a fix, a resolution or a turnaround (in its own cell,
// its column's header or its own clause) and which names no reply, acknowledgement or attendance states resolution
// times, not response times, even under a title that names both ("Turnaround", "Response and TAT")
/** A name of the time to fix: "Fix TAT", "Resolution", "Restore", "Turnaround". */
const FIX_NAME = /\b(?:fix(?:es|ed|ing)?|repair\w*|resol\w*|restor\w*|recover\w*|rectif\w*|remed\w*|turn[- ]?around|TAT|MTTR|RTO|workaround|clos(?:e|ed|ure))\b/i
/** A name of the time to answer: a response, a reply, an acknowledgement, an attendance. */
const ANSWER_NAME = needs(/\b(?:respon\w*|resp|repl(?:y|ies|ied)|acknowledg\w*|attend\w*|reaction|answer\w*|call(?:s|ed)? (?:you )?back|on[- ]?site|first (?:contact|touch)|pick(?:s|ed)? up)\b/i)

/** Is every time of the unit named as a fix or a turnaround, and nothing in it named as an answer? */
function fixTimesOnly(unit: {readonly text: string; readonly block: Block}, reading: {values(text: string): {readonly durations: readonly unknown[]}}): boolean {
  const {cells, header} = unit.block
  const row = unit.block.kind === 'table-row' && cells !== undefined && unit.text === unit.block.text
  const parts = row ? cells.map((c, i) => `${header?.[i] ?? ''} ${c}`) : unit.text.split(/[;|]|,\s|\.\s/)
  let timed = false
  for (const part of parts) {
    if (ANSWER_NAME.test(part)) return false
    if (!reading.values(part).durations.length) continue
    if (!FIX_NAME.test(part)) return false
    timed = true
  }
  return timed
}

/** The block after this one in the document, if any. */
function followingBlock(blocks: readonly Block[], i: number): Block | undefined {
  return i >= 0 ? blocks[i + 1] : undefined
}

type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5'
type ResponseTimesOptions = {readonly maxResponse?: Readonly<Partial<Record<Priority, string>>>}

// the house maximum per priority
const options = ruleOptions<ResponseTimesOptions>({
  schema: {
    type: 'object',
    properties: {
      maxResponse: {
        type: 'object',
        description:
          'House maximum response time per priority, `P1` (most urgent) to `P5`; a stated response time slower than it is reported. "Priority 1", "Severity 1" and "Critical" count as P1. Business hours count as hours',
        patternProperties: {'^P[1-5]$': durationSchema('Longest acceptable response time for this priority')},
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  defaults: {maxResponse: {P1: '1h', P2: '4h'}},
})

const messages = {
  missing: 'Missing response times; state a time to respond per priority (e.g. "P1: within 1 hour")',
  vague: 'Vague response time "{text}"; state a time per priority (e.g. "within 1 hour")',
  delegated: 'Response times are set in {target}; lint it with this agreement or state them here',
  slow: 'Slow response time "{text}" for {priority}; the house maximum is {max}',
} as const

/** After the clause judgement: report stated response times slower than `maxResponse`. */
function review(_finding: Finding, context: RuleContext<keyof typeof messages, ResponseTimesOptions & ClauseOptions>): void {
  // a playbook replaces the house maximum: then the review is given no maxResponse
  const max = context.options.maxResponse
  if (!max) return
  const limits = new Map<number, number>()
  for (const [key, value] of Object.entries(max)) {
    const minutes = value === undefined ? undefined : parseDurationOption(value)
    if (minutes !== undefined) limits.set(Number(key.slice(1)), minutes)
  }
  if (!limits.size) return
  for (const s of context.reading.statedResponseTimes) {
    const limit = limits.get(s.rank)
    if (limit === undefined || s.minutes <= limit) continue
    context.report({messageId: 'slow', outcome: 'present', policy: true, block: s.block, start: s.start, end: s.end, data: {text: s.text, priority: s.priority, max: formatMinutes(limit)}})
  }
}

// a column that says what each row includes, beside the row's own key: "What's included", "Includes", "Covered"
const INCLUDES_HEADER = /^(?:what(?:'|’)?s (?:covered|included)|what (?:it|this) (?:covers|includes)|included|includes|covers|covered)$/i

/** Are all the times of a table row in cells under a column that says what the row includes, none of which speaks of a response? */
function includedTimesOnly(block: Block, reading: Reading): boolean {
  const header = block.header
  const cells = block.cells
  if (block.kind !== 'table-row' || !header || !cells || cells.length < 2) return false
  let text = block.text
  let blanked = false
  header.forEach((h, i) => {
    const cell = cells[i]
    if (i === 0 || !cell || !INCLUDES_HEADER.test(h.replace(/[*_]/g, '').replace(/[?!.:\s]+$/, '').trim()) || indexOf(cell, TOPIC) >= 0) return
    const at = text.indexOf(cell)
    if (at < 0) return
    text = text.slice(0, at) + ' '.repeat(cell.length) + text.slice(at + cell.length)
    blanked = true
  })
  return blanked && reading.values(block.text).durations.length > 0 && reading.values(text).durations.length === 0
}

export default clauseRule({
  id: 'response-times',
  description: 'The agreement states a time to respond, with number and unit, ideally per priority level',
  data: data['response-times'],
  messages,
  options,
  review,
  // a row of a table with a column of response or notification times ("| Critical | … | 15 minutes of Detection |")
  // and a row keyed by it in a table whose columns are the levels ("| First touch | 15 minutes | 1 hour |")
  mentions(_text, reader, block) {
    const header = block.header
    const rowKey = header && block.cells && block.cells.length > 1 ? (block.cells[0] ?? '') : ''
    return !!header && block.kind === 'table-row' && (header.some(responseColumn(reader.reading, block)) || responseKey(rowKey) || (KEY_HEADER.test(reader.reading.keyHeader(block)) && header.slice(1).some((h) => NOTIFY_HEADER.test(h))))
  },
  // in an editor, a verdict is kept with the questions its judge asked of the document (see keptJudgement)
  judge: (unit, reader) => keptTimedJudgement(JUDGEMENTS, unit, reader, questionsOf(unit, reader), TOPIC, judgeUnit),
})

const JUDGEMENTS = {name: 'response-times: verdicts kept with their questions'}
const DELEGATED_TOPIC = /respon|support/i

/** What the judge asks of the document beyond its unit. */
type Questions = ReturnType<typeof questionsOf>
function questionsOf(unit: Unit, reader: Reader) {
  const reading = reader.reading
  const block = unit.block
  let column: ((h: string) => boolean) | undefined
  const responds = (): ((h: string) => boolean) => (column ??= responseColumn(reading, block))
  return {
    /**
     * Does the unit's table row hold response times by its table's headers: a column headed for response, a row keyed by it
     * in a table with metrics as rows ("| First response | 15 min |"), or a column of times to notify in a table keyed by levels?
     */
    headerSaysResponse: () => {
      const header = block.header
      const rowKey = header && block.cells && block.cells.length > 1 ? (block.cells[0] ?? '') : ''
      return (header?.some(responds()) ?? false) || responseKey(rowKey) || (!!header && KEY_HEADER.test(reading.keyHeader(block)) && header.slice(1).some((h) => NOTIFY_HEADER.test(h)))
    },
    /** Does every time of the unit's row stand in a column of what the row includes (see includedTimesOnly)? */
    includedTimesOnly: () => includedTimesOnly(block, reading),
    /** Is every time of the unit named as a fix or a turnaround, and nothing in it named as an answer (see fixTimesOnly)? */
    fixTimesOnly: () => fixTimesOnly(unit, reading),
    /** Does the unit's section title name reaching the provider (see reachTitle)? */
    reachTitle: () => reachTitle(block.section.title, reading.roles),
    /** Does a title of the unit's section or its parents, below the agreement's own title, name support? */
    supportTitle: () => SUPPORT.test(titlesBelow(block.section, reader.doc.title)),
    /** Does the nearest title with words name another matter than support (see otherTitle)? */
    otherTitle: () => otherTitle(wordedTitle(block.section)),
    /** The party that the statement at `index` of the unit binds. */
    party: (index: number) => reader.party(unit, index),
    /** The party `text` names first. */
    firstParty: (text: string) => reading.firstParty(text),
    /** The cells of the unit's row under headers of times to notify, when no header names response (undefined when none). */
    notifyColumn: () => {
      const header = block.header
      return header && !header.some(responds()) ? block.cells?.filter((_, i) => NOTIFY_HEADER.test(header[i] ?? '')).join(' | ') : undefined
    },
    /** The unit's response times put in another document. */
    delegated: () => reader.delegated(unit, DELEGATED_TOPIC),
    /** Is the unit's block a row of cells (whose scope is read by its columns)? */
    inRow: () => block.cells !== undefined,
    /** The scope of the topic in `text` (the unit's, or the part of it the judge reads) in a row, by its columns of response times. */
    rowScoped: (text: string) => reading.scoped(text === unit.text ? unit : {...unit, text}, TOPIC, responds()),
    /** Is the unit's block a line alone in its block, followed in its section by a block of times of no other matter? */
    titlesTimes: () => {
      if (block.sentences.length > 1) return false
      const next = followingBlock(reader.doc.blocks, reading.blockIndex(block))
      return next !== undefined && next.section === block.section && !OTHER.test(next.text) && reading.values(next.text).durations.length > 0
    },
    /** Does `pointer` of the unit's text reach a statement of times per case elsewhere in the agreement? */
    reaches: (pointer: Pointer) => reading.reach(block, unit.start + pointer.start, pointer, (x) => perCase(x, reading.values(x))) !== undefined,
    /** Is the unit's row in a table keyed by priority, severity or level? */
    keyedByLevel: () => KEY_HEADER.test(reading.keyHeader(block)),
  }
}

/**
 * Judge one unit: it reads the unit's text, home, next sentence and lead-in, what depends on a text alone (its typed values,
 * the pointers it holds, the scope of the topic in it outside a row), and the document through `ask` alone (see
 * keptJudgement).
 */
function judgeUnit(unit: Unit, ask: Questions, valuesOf: (text: string) => Values, pointerAfter: (text: string, at: number) => Pointer | undefined, scopedOf: (text: string) => string): Verdict | undefined {
  const t = unit.text
  const at = indexOf(t, TOPIC)
  // a column headed for response, or a row keyed by it in a table with metrics as rows ("| First response | 15 min |")
  const headerSaysResponse = ask.headerSaysResponse()
  if (at < 0 && !unit.inHome && !headerSaysResponse) return undefined
  // Reading: in a row of a table with a column that says what each row includes ("| Visit type | What's included |"), a
  // time in that column is how much work the row includes ("a technician on site for up to 2 hours"), not a time to
  // respond, unless the cell itself speaks of a response ("help desk, 1-hour response"): a row whose times all stand
  // there states no response time
  if (!headerSaysResponse && ask.includedTimesOnly()) return undefined
  // times named only as a fix or a turnaround ("| Sev A | Fix TAT: 6 hours |") are resolution times, whatever the title
  if (at < 0 && !headerSaysResponse && ask.fixTimesOnly()) return undefined
  // an engineer at the customer's premises within a time is the response of on-site work: "a technician will be at your
  // depot within 4 hours of your call"; the customer's own technician is not the provider's
  const arrival = ARRIVAL.exec(t)
  const arrives = arrival !== null && !CUSTOMERS_OWN.test(t.slice(Math.max(0, arrival.index - 20), arrival.index))
  // a sentence whose only response is a system's speed is about performance, wherever it stands, and one whose only
  // response is the customer's own technician arriving is no response of the provider's
  if (at >= 0 && !headerSaysResponse) {
    let rest = t.replace(SYSTEM_SPEED, (m) => ' '.repeat(m.length)).replace(MS_SPEED, (m) => ' '.repeat(m.length)).replace(BILLED_TIME, (m) => ' '.repeat(m.length)).replace(OTHER_ATTENDANCE, (m) => ' '.repeat(m.length)).replace(PROMPTED_BY, (m) => ' '.repeat(m.length))
    if (arrival && !arrives) rest = rest.slice(0, arrival.index) + ' '.repeat(arrival[0].length) + rest.slice(arrival.index + arrival[0].length)
    if (rest !== t && indexOf(rest, TOPIC) < 0) return undefined
  }
  // "response time" names the metric; a bare "respond" needs a support context (here or in the section path); what
  // the provider responds to within a time ("We respond to emergencies (…) within 1 hour") is timed as a response
  // (a verb of reply right before its time is a service level written tersely, "within" left out: "respond 30 min, fix 4 h")
  // (and so is a time written right before the word: "30 min resp.", "4h response", read in full from the terse form)
  // "we'll get back to you", "first reply" answer the customer: a response in themselves
  // (an act glossed as the response in brackets is the response: "commence handling a Notification (response) within:")
  // Reading: an attendance named as a noun, the first one or one on site ("First attendance is within 4 hours",
  // "attendance at the premises within 6 hours of the call"), is the response of on-site and break-fix work, as
  // "attend site within 4 hours" is; the customer's own attendance, or attendance that is billed, is none
  const metric = arrives || SHARED_HEAD.test(t) || /\b(?:initial |first |target |guaranteed )?response (?:times?|targets?)\b|\b(?:first|initial) attendances?\b|\battendances? (?:on|at) (?:the )?(?:site|premises)\b|\((?:the )?response\)|\b(?:get|gets|getting) (?:back|in touch) (?:to|with) you\b|\b(?:calls?|rings?|phones?) (?:you )?back\b|\b(?:repl(?:y|ies)|respond(?:s)?|start(?:s)?(?: work(?:ing)?)?(?: on (?:it|them|those|these))?) within\b|\brespond(?:s)? to\b[^.;]{0,80}?\bwithin\b|\b(?:repl(?:y|ies)|respond(?:s)?|answer(?:s)?) (?:in under|in less than|inside|no later than)\b|\b(?:repl(?:y|ies)|respond(?:s)?|resp\.?)\s+(?=\d{1,3}(?:\.\d)?\s?(?:min\w*|h|hrs?|hours?|(?:business |working )?days?)\b)|\b(?:first|initial) (?:reply|replies|answer)\b|\b\d{1,3}(?:\.\d)?[\s-]?(?:min\w*|h|hrs?|hours?|(?:business |working )?(?:hours?|days?))\.?\s+(?:first\s+|initial\s+)?response\b(?!\s+(?:teams?|plans?|fees?|charges?|units?|cent(?:re|er)s?)\b)|\bpick(?:s|ed)? up (?:escalations?|tickets?|calls?|requests?|alerts?)\b|\banswer(?:ed|s)? within\b|\b(?:get|gets|getting)\s+to\s+(?:(?:it|them|that|things)\s+)?(?:straight away|right away|at once)\b/i.test(t) || TRANSLATED.test(t) || REPLY_UNMEASURED.test(t)
  // a title about reaching the provider ("When to reach us") names the support channel its text answers on
  const reached = at >= 0 && ask.reachTitle()
  // a label naming the metric before its time ("… Response: 30 minutes.") is a response time wherever it stands, as in a
  // document converted from Word, whose capital-letter headings are not titles of sections
  // the agreement's title names the whole agreement ("IT Support Terms"): a support word there puts no clause in a support context
  const context = SUPPORT.test(t) || ask.supportTitle() || reached || LABELLED_TIME.test(t)
  // Reading: a reply timed under a title of another matter ("9. Change requests", "Invoices and disputes") answers that
  // matter, not a support request: "Provider will respond with the effect on price and schedule within 3 Business Days"
  if (!unit.inHome && !headerSaysResponse && ((!metric && !context) || OTHER.test(t) || ask.otherTitle())) return undefined
  if (!arrives && ask.party(Math.max(at, 0)) === 'customer') return undefined
  // "the Client calls back within 2 days to rebook": a call back is a response only when the provider makes it
  const callBack = /\b(?:calls?|rings?|phones?) back\b/i.exec(t)
  if (callBack && ask.firstParty(t.slice(Math.max(0, t.lastIndexOf(',', callBack.index) + 1), callBack.index)) === 'customer') return undefined
  // "you reply within 10 days": in an agreement "you" is the customer, whose replies are not response times
  if (at > 0 && /\b(?:you|your (?:staff|team|office|users?))\s+(?:will\s+|must\s+|shall\s+|should\s+|need to\s+)?$/i.test(t.slice(Math.max(0, at - 40), at))) return undefined
  const notifyColumn = ask.notifyColumn()
  // a time in a relative clause after the document the clause is put in ("… are set out in Schedule 1, which the
  // parties will agree within 30 days") times the making of that document: only the text up to it counts
  const cut = at >= 0 && !notifyColumn ? ask.delegated() : undefined
  const own = cut?.end !== undefined && describesDocument(t.slice(cut.end)) ? t.slice(0, cut.end) : t
  const scoped = notifyColumn ? notifyColumn : unit.inHome && at < 0 ? t : ask.inRow() ? ask.rowScoped(own) : scopedOf(own)
  // "same day where possible" hedges the time away
  // a length that names a period ("the 30-day hypercare period", "a 12-month term") measures the period, not the response
  // and a time that triggers escalation ("tickets not acknowledged within 1 hour are escalated") is no time to respond
  const lengths = PERIOD_LENGTH.test(scoped) ? scoped.replace(PERIOD_LENGTH_ALL, (m) => ' '.repeat(m.length)) : scoped
  const counted = /\b(?:times|once|twice|thrice|any)\b/i.test(lengths) ? lengths.replace(COUNT_WINDOW, (m) => ' '.repeat(m.length)) : lengths
  const timed = counted.includes('scalat') ? counted.replace(ESCALATION_TRIGGER, (m) => ' '.repeat(m.length)) : counted
  // a time hedged as a habit ("usually within the same working day") is mentioned, not promised
  if (valuesOf(timed).durations.length) return HEDGED.test(scoped) || !valuesOf(withoutHabit(timed)).durations.length ? {outcome: 'vague'} : {outcome: 'present'}
  // "… within the following times, measured from …: Severity 1, 30 minutes; …" the times follow in the same sentence
  const colon = at >= 0 ? t.indexOf(':', at) : -1
  if (colon > 0 && /\bfollowing\b|\bas follows\b|\bbelow\b/i.test(t.slice(at, colon)) && valuesOf(t.slice(colon)).durations.length) return {outcome: 'present'}
  // a line that only names the metric ("Response times", with no verb and no full stop) titles the paragraph, list or
  // table after it: the times there are its values
  if (TITLE_LINE.test(t) && ask.titlesTimes()) return {outcome: 'present'}
  // "… within the following times:" and then a list or table of times
  if (at >= 0 && unit.next && INTRODUCES.test(t.trim()) && valuesOf(unit.next).durations.length) return {outcome: 'present'}
  // "… respond within the times in the table below", "… within the periods in clause 5": a pointer at times stated
  // elsewhere in the agreement gives the time to respond when it reaches one (and is vague when it reaches none)
  const pointer = at >= 0 ? pointerAfter(t, at) : undefined
  if (pointer && ask.reaches(pointer)) return {outcome: 'present'}
  const delegated = ask.delegated()
  if (delegated) return delegated
  // a table of levels whose response column names a unit of time with no number, or a slot left to fill ("[N] minutes",
  // "TBC"): the response time is mentioned, not stated
  if (headerSaysResponse && ask.keyedByLevel() && UNSTATED.test(scoped) && !valuesOf(scoped).durations.length) return {outcome: 'vague'}
  const vague = VAGUE_TIME.exec(t)
  if (vague && (at >= 0 || unit.inHome)) return {outcome: 'vague'}
  // a response column's cell that gives its time in words ("as soon as we can") states the clause without a measure
  if (headerSaysResponse && VAGUE_TIME.test(scoped)) return {outcome: 'vague'}
  // getting to or attending to a problem is reaching it: a response, here with no time
  if (unit.inHome || metric || reached || pointer || /\bresponse times?\b|\brespond to\b|\b(?:get|gets|getting|attend|attends|attending|attended) to\b/i.test(t)) return {outcome: 'vague'}
  return undefined
}

/** The titles of a section and its ancestors, below the agreement's own title. */
function titlesBelow(section: Section, title: Section | undefined): string {
  const out: string[] = []
  for (let s: Section | undefined = section; s && s !== title; s = s.parent) out.push(s.title)
  return out.join(' ')
}

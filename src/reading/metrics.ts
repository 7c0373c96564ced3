// Stated metrics: response and resolution times per priority and uptime targets, read once per document (a Reading
// keeps them) for the clause rules' house-standard checks, for consistent-values and for the comparison with a template.
//
// Three views are kept, as their users have always read them: statedResponseTimes (response times per priority, for
// the response-times house maximum), statedMetrics (every metric with its priority and scope, for consistent-values)
// and statedTimes (response or resolution times per priority, for clauselint compare). They share the value
// extraction, the priority reading and the table-cell offsets; they still differ in how a time is tied to a metric word
// and to a table cell, and converging them changes findings, so that is left to accuracy work with labels to judge by.
import type {Block, Document, Section, Sentence} from '../types.js'
import {hasMatch, needs} from '../text.js'
import {extractPriorities, lazyValues, mayHold, type Duration, type Priority, type Values} from './values/index.js'
import type {OutlineTest} from './definitions.js'

/** The values of a text (a Reading's per-document `values`). */
export type ValuesOf = (text: string) => Values

/** Where a value sits in a block's text, for a report. */
export interface Stated {
  readonly block: Block
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Offset of each cell of a table row in the row's text. */
function cellOffsets(block: Block): number[] {
  const cells = block.cells ?? []
  const out: number[] = []
  let from = 0
  for (const cell of cells) {
    const at = cell ? block.text.indexOf(cell, from) : -1
    out.push(at)
    if (at >= 0) from = at + cell.length
  }
  return out
}

const RESPONSE_WORD = /\b(?:respon\w*|acknowledg\w*|reaction)\b/gi
const HAS_RESPONSE_WORD = new RegExp(RESPONSE_WORD.source, 'i')
const OTHER_TIMES = needs(/\b(?:resol\w*|restor\w*|fix\w*|workaround|repair\w*|updates?|escalat\w*|recover\w*|RTO|RPO)\b/i)
const OTHER_TIMES_G = needs(new RegExp(OTHER_TIMES.source, 'gi'))
const RESPONSE_HEADER = /respon|acknowledg|reaction/i

/** Does a title on the section's path name response times (and no other times)? It reads the outline alone. */
function responsePath(section: Section): boolean {
  return section.path.some((p) => RESPONSE_HEADER.test(p) && !OTHER_TIMES.test(p))
}
const RESPONSE_PATH = {name: 'response times: a title on the section\'s path names them'}

export interface StatedResponse extends Stated {
  readonly rank: number
  /** The priority as written ("P1", "Priority 1 (Critical)"). */
  readonly priority: string
  readonly minutes: number
}

/**
 * Response times stated per priority: table rows and columns, list items and sentences ("P1: response within 1 hour").
 * `kept` keeps what each block states across lints (an editor's cache), by its text and what else it reads.
 */
export function statedResponseTimes(doc: Document, valuesOf: ValuesOf = lazyValues, kept?: KeptInContext, outline?: OutlineTest): StatedResponse[] {
  const out: StatedResponse[] = []
  const seen = new Set<string>()
  // each block's first place in the document, noted as the walk reaches it (every statement is of a block reached):
  // looked up in the document's list, it cost every statement a walk over the blocks before it
  const firstAt = new Map<Block, number>()
  const add = (s: StatedResponse): void => {
    const key = `${firstAt.get(s.block) ?? -1}:${s.start}`
    if (seen.has(key)) return
    seen.add(key)
    out.push(s)
  }
  // whether a section's title or a title above it names response times, once per section (in an editor, kept with the
  // outline)
  const says = new Map<Section, boolean>()
  const titledResponse = outline ? outline(RESPONSE_PATH, responsePath) : responsePath
  const blocks = doc.blocks
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (!firstAt.has(block)) firstAt.set(block, i)
    if (block.kind === 'heading') continue
    const table = block.kind === 'table-row' && block.header && block.cells
    let sectionSaysResponse = false
    if (!table) {
      const known = says.get(block.section)
      if (known === undefined) says.set(block.section, (sectionSaysResponse = titledResponse(block.section)))
      else sectionSaysResponse = known
    }
    const read = (to: (s: StatedResponse) => void): void => {
      if (table) tableResponses(block, to, valuesOf)
      else for (const sentence of block.sentences) proseResponses(block, sentence.start, sentence.text, sectionSaysResponse, to, valuesOf)
    }
    if (!kept) {
      read(add)
      continue
    }
    // kept without the block (a kept block would keep its whole document alive), every one the block states, in order:
    // the document's add drops the ones already stated at the same place
    const context = table ? blockContext(block) : `${block.kind}\u0000${sectionSaysResponse ? 'response' : ''}`
    const own = kept(block, RESPONSES, context, () => {
      const found: Array<Omit<StatedResponse, 'block'> & {readonly block: undefined}> = []
      read((s) => found.push({...s, block: undefined}))
      return found
    })
    // (the block in the place it was stated in, so that each statement's keys keep their order)
    for (const s of own) add({...s, block})
  }
  return out
}

const RESPONSES = {name: 'stated response times of a block'}

function tableResponses(block: Block, add: (s: StatedResponse) => void, valuesOf: ValuesOf): void {
  const header = block.header!
  const cells = block.cells!
  const offsets = cellOffsets(block)
  const at = (j: number, d: {start: number; end: number; text: string; minutes: number}, rank: number, priority: string): void => {
    const o = offsets[j] ?? -1
    if (o < 0) return
    add({block, start: o + d.start, end: o + d.end, text: d.text, rank, priority, minutes: d.minutes})
  }
  const column = header.findIndex((h) => RESPONSE_HEADER.test(h) && !OTHER_TIMES.test(h))
  if (column >= 0) {
    // | Priority | Response Time | Resolution Time |
    const d = valuesOf(cells[column] ?? '').durations[0]
    if (!d) return
    for (let j = 0; j < cells.length; j++) {
      if (j === column) continue
      const p = valuesOf(cells[j] ?? '').priorities[0]
      if (p) return at(column, d, p.rank, p.text)
    }
    return
  }
  // |            | P1     | P2      |
  // | Response   | 1 hour | 4 hours |
  const first = cells[0] ?? ''
  if (!RESPONSE_HEADER.test(first) || OTHER_TIMES.test(first)) return
  for (let j = 1; j < cells.length; j++) {
    const p = valuesOf(header[j] ?? '').priorities[0]
    const d = valuesOf(cells[j] ?? '').durations[0]
    if (p && d) at(j, d, p.rank, p.text)
  }
}

function proseResponses(block: Block, offset: number, text: string, sectionSaysResponse: boolean, add: (s: StatedResponse) => void, valuesOf: ValuesOf): void {
  // cheapest first: without a response word (or a response section) or a priority, the sentence states nothing
  if (!sectionSaysResponse && !HAS_RESPONSE_WORD.test(text)) return
  if (!mayHold.priorities(text)) return
  const priorities = valuesOf(text).priorities
  if (!priorities.length) return
  // Which kind of time a duration is: the nearest word before it that names one ("respond", "resolve", "update")
  const keywords = [
    ...[...text.matchAll(RESPONSE_WORD)].map((m) => ({at: m.index, response: true})),
    ...[...text.matchAll(OTHER_TIMES_G)].map((m) => ({at: m.index, response: false})),
  ].sort((a, b) => a.at - b.at)
  if (!keywords.some((k) => k.response) && !sectionSaysResponse) return
  const durations = valuesOf(text).durations.filter((d) => {
    // "every 2 hours" is a frequency, "in a calendar month" a period, "24 hours a day" coverage
    if (/\b(?:every|in|per|each|during|over)\s*$/i.test(text.slice(Math.max(0, d.start - 8), d.start)) || /^\s*(?:a|per|each)\s+(?:day|week)\b/i.test(text.slice(d.end))) return false
    const before = keywords.filter((k) => k.at < d.start).at(-1)
    return before ? before.response : sectionSaysResponse
  })
  const report = (d: (typeof durations)[number], rank: number, priority: string): void =>
    add({block, start: offset + d.start, end: offset + d.end, text: d.text, rank, priority, minutes: d.minutes})
  // "within 30 minutes for Priority 1, 2 Business Hours for Priority 2": the time comes before its priority
  const LEADS = /^[\s,;:]*(?:for|on|to|in|of)?\s*(?:an?|all|each|every)?\s*$/i
  const leading = priorities.map((p) => durations.find((d) => d.end <= p.start && LEADS.test(text.slice(d.end, p.start))))
  if (leading.some(Boolean)) {
    priorities.forEach((p, i) => {
      const d = leading[i]
      if (d) report(d, p.rank, p.text)
    })
    return
  }
  // "P1: response within 1 hour; P2: within 4 hours": the time follows its priority
  priorities.forEach((p, i) => {
    const next = priorities[i + 1]?.start ?? text.length
    const d = durations.find((x) => x.start >= p.end && x.start < next) ?? (priorities.length === 1 ? durations[0] : undefined)
    if (d) report(d, p.rank, p.text)
  })
}

export type Metric = 'response' | 'resolution' | 'uptime'

export const METRIC_NAME: Readonly<Record<Metric, string>> = {response: 'response time', resolution: 'resolution time', uptime: 'uptime'}

/** One stated value of a metric, with what it is stated for. */
export interface Statement {
  readonly metric: Metric
  /** Priority the value applies to, if any (1 is the most urgent). */
  readonly priority: Priority | undefined
  /** What else narrows the value: a channel, out-of-hours, the system measured, the measurement period. */
  readonly scope: string
  /** The value as a range, so "1 Business Day" and "8 Business Hours" can be the same. */
  readonly low: number
  readonly high: number
  readonly text: string
  readonly block: Block
  readonly sentence: Sentence | undefined
  readonly start: number
  readonly end: number
  /** The unit and number a time is written in ("business day", 2): two values in one unit compare as written. */
  readonly unit?: string | undefined
  readonly amount?: number | undefined
  /** The period an uptime is measured over ("month"), when the statement names one. */
  readonly period?: string | undefined
  /** The list and label a keyed list's item states the value for (see listKeys): another label's value is another thing's. */
  readonly keyed?: string | undefined
}

// "answered" is a response for a ticket or a call stated per priority ("P2 calls are answered within 1 hour")
// "reacted to within", a translated "reaction time", is a response
// an alert "triaged within 30 minutes", a security service's first look at it, is its response
// a call that "gets a technician within 15 minutes" is answered by one: its response; and so is "we get back to you" or
// "we'll call you back" within a time
const METRIC_RESPONSE_WORD = /\b(?:respond\w*|response|gets? an? (?:technician|engineer)|get(?:s|ting)? back to (?:you|them|the (?:client|customer|caller|user))|call(?:s|ing)? (?:you|them|the (?:client|customer|caller|user)) back|ring(?:s|ing)? (?:you|them) back|pick(?:s|ed)? up|acknowledg\w*|reply|replies|answer(?:s|ed)?|call[- ]?back|callback|initial contact|react(?:s|ed|ion)?|triag(?:e|es|ed|ing))\b/gi
// "sorted (out) within a day" is fixed within it
const RESOLUTION_WORD = /\b(?:resol\w*|restor\w*|fix(?:ed)?|repair(?:ed)?|sorted(?: out)?|workaround|recovery time|RTO)\b/gi
const RESPONSE_HEAD = /respon|acknowledg|reply|call ?back|\breaction\b|\btriag/i
const RESOLUTION_HEAD = /resol|restor|fix|repair|workaround|recovery time|\brto\b/i
// Words that may stand between a metric and its value: "response time target of", "resolved within", "Response: "
const FILLER = /^(?:[\s:=|,()–—-]|\b(?:times?|tat|turn[- ]?around|targets?|objectives?|goals?|commitments?|sla|of|within|inside|in|is|are|will|shall|must|be|no|not|later|more|than|exceed|to|the|a|an|by|at|most|maximum|max|up|under|guaranteed|provided|made|given|achieved|completed|begin|begins|start|starts|all|each|every|for|p[0-5]|priority|severity|sev|level|[1-5]|critical|urgent|high|medium|normal|low|incidents?|issues?|tickets?|requests?|faults?|calls?)\b)*$/i
// Narrowing words: a value for phone calls or out of hours is not the same value as the general one
const SCOPE_WORDS: ReadonlyArray<[string, RegExp]> = [
  // (the hours may be named as times or a window: "outside the Service Times", "beyond the Support Window")
  ['after-hours', /\bafter[- ]hours|(?:outside|beyond) (?:of )?(?:those|these|such|the above|the said|the stated) hours\b|(?:outside|beyond) (?:of )?(?:normal |standard |the |our |its |agreed |contracted )?(?:business|support|service|office|working|operating|opening|core|cover(?:ed|age)) (?:hours|times|window|period)|out[- ]of[- ]hours|overnight|weekends?|holidays?|on[- ]call|emergency line|24\s*[x×/]\s*7|24\/7|round[- ]the[- ]clock/i],
  ['business-hours', /\b(?:during|within|in|inside) (?:normal |standard |the |our |its |agreed |contracted )?(?:business|support|service|office|working|operating|opening|core|cover(?:ed|age)) (?:hours|times|window|period)\b/i],
  ['phone', /\bby (?:tele)?phone\b|\b(?:tele)?phone (?:calls?|line|support)\b|\bby calling\b|\bvoice calls?\b|\breported by (?:tele)?phone\b/i],
  ['email', /\bby e-?mail\b|\be-?mail (?:requests?|tickets?|support)\b/i],
  ['portal', /\b(?:via|through|in|on) the (?:client |customer |support )?portal\b|\bby (?:web )?chat\b|\bweb form\b/i],
  // an engineer dispatched, not "warehouse dispatch has stopped" in a row's description
  ['onsite', /\bon[- ]?site\b|\bdispatch\w* (?:of )?(?:an? |the )?(?:engineer|technician)|\b(?:engineer|technician) dispatch|\bengineer (?:on|at)\b/i],
  // a disaster-recovery objective is not a support time, whatever the priority around it
  ['recovery', /\brecovery (?:time|point)\b|\bRTO\b|\bRPO\b|\bdisaster\b/i],
  // a value for the first weeks of the service is a value of its own
  ['onboarding', /\b(?:on-?boarding|transition(?:al)? period|hypercare|(?:implementation|migration|bedding[- ]in|run-in|settling[- ]in) (?:period|phase)|pilot|trial period|first \d+ (?:days|weeks|months))\b/i],
  ['maximum', /\bmaximum|\bno later than|\bnot (?:to )?exceed|\bat the latest|\bguarantee/i],
  ['first', /\bfirst\b|\binitial\b/i],
  ['update', /\bupdates?\b|\bprogress\b|\bstatus\b/i],
  ['escalat', /\bescalat/i],
]
const SYSTEMS = /\b(?:network|server|servers|internet|wan|lan|wi-?fi|wireless|firewall|e-?mail|voip|phone system|telephony|website|web site|hosting|platform|application|applications|api|portal|database|storage|backup|cloud|data ?cent(?:er|re)|circuit|connectivity|power|cooling|infrastructure|help ?desk|service desk|workstations?|endpoints?|saas|crm|erp|apps?|mobile|desktop|voice|pbx|sip|production|non-production|staging|test|development|sandbox|disaster recovery|primary|secondary|region|site)\b/gi
// Service tiers and plans give different targets on purpose ("Gold plan 99.99%, Silver plan 99.9%")
const PLAN = /\b(?:tier|class|plan|package|edition|bundle|premium|gold|silver|bronze|platinum|basic|enterprise|standard|advanced|essentials?)\b/i
// A column heading that names no metric of its own: the value is the one the row names
const GENERIC_HEAD = /^\s*(?:(?:service[- ]levels?|sla|kpi|target|value|time|commitment|standard|level|goal|objective|measure|metric)s?\s*)*$/i
const CREDIT_ROW = /\b(?:credits?|refunds?|rebates?|penalt(?:y|ies)|discounts?)\b/i
const UPTIME_WORD = /\b(?:uptime|availability|available|up[- ]time)\b/i
// Credit tiers and thresholds are not targets: "if Uptime falls below 99.9%", "between 99.0% and 99.9%"
const TIER = /\b(?:credits?|below|less than|lower than|under|falls?|fell|drops?|between|miss(?:es|ed)?|fails? to|short of|tiers?|refunds?|if|when|unless|up to|exceeds?)\b|[<>≤≥]/i
export const BACKUP = /\bback(?:ed)?[- ]?ups?\b|\bsnapshots?\b|\brestore points?\b/i
export const RETENTION = /\b(?:retain(?:s|ed)?|retention|kept|keeps?|stored|held|preserved|maintained|rotated)\b[^.;]{0,30}?(?:for|of|period of|up to|at least|a minimum of)?\s*$/i
export const METRIC_PERCENT = /\b(?:uptime|up[- ]time|availability|available|of the time|of (?:all )?(?:tickets|incidents|requests|calls|cases)|service levels?|success|accuracy|compliance|attainment|coverage|responded|resolved)\b/i
export const MONEY_CONTEXT = /\b(?:rates?|fees?|prices?|pricing|charges?|charged|costs?|mark-?ups?|increases?|interest|premium|surcharge|multiplier|times|invoices?|amounts?|paid|payable|credits?|refunds?|discounts?|overtime|uplift)\b/i

/** A time as a range of minutes, with the unit and number it is written in. */
function measure(d: Duration): {low: number; high: number; unit: string; amount: number} {
  // a business hour may run overnight: 4 business hours are at least 4 hours of the clock, and may be many more
  const r = d.business && (d.unit === 'hour' || d.unit === 'minute') ? {low: d.minutes, high: Number.POSITIVE_INFINITY} : range(d)
  return {...r, unit: `${d.business ? 'business ' : ''}${d.unit}`, amount: d.value}
}

// A value given as an example or as what used to hold is not a commitment ("for example, a P1 logged at 9:00 is
// answered within 1 hour", "previously 4 hours"): the marker stands before the value in its clause, outside brackets
// (the "(e.g. the server is down)" of a level's description marks no value)
const NOT_A_COMMITMENT = /\b(?:for example|for instance|e\.g\.|by way of example|illustrat\w*|previously|formerly|used to|historically|in the past|last year|under the (?:previous|old|earlier|prior|original) (?:agreement|contract|terms|schedule))\b/i
// A value an amendment or variation sets replaces the earlier one; it does not contradict it
const REPLACES = needs(/\b(?:amend(?:s|ed|ment)?|variation|vari(?:es|ed)|supersed\w*|instead of|in place of|replac(?:es|ed|ing) (?:the|clause|section|paragraph|schedule|table|value|time|target)s?\b|is replaced|(?:is|are) now|changes? from|(?:reduced|increased|shortened|extended) (?:from|to)|with effect from)\b/i)

/** Whether the value of `s` is an example, a past figure, or a replacement made by an amendment: not a value to compare. */
export function notCompared(s: Statement): boolean {
  const text = s.sentence?.text ?? s.block.text
  const at = s.sentence ? s.start - s.sentence.start : s.start
  const clause = text.slice(0, Math.max(0, at)).replace(/\([^()]*\)/g, ' ').split(/[;|]/).at(-1) ?? ''
  if (NOT_A_COMMITMENT.test(clause)) return true
  // the value an amendment sets ("… of 2 hours is replaced with 45 minutes", "reduces the response time to 30 minutes",
  // 'is replaced with: "… 99.9% …"') is its statement of the new value, compared with its other statements of it; the
  // value it replaces is not
  if (NEW_VALUE_BEFORE.test(text.slice(Math.max(0, at - 80), at)) || QUOTED_REPLACEMENT.test(text.slice(0, at))) return false
  // (in an amendment, a sentence that replaces nothing and a table state values as they now are: compared)
  return REPLACES.test(text)
}
const NEW_VALUE_BEFORE = needs(/\b(?:replaced (?:with|by)|(?:reduc|increas|shorten|extend|rais|lower|chang|cut)\w*\b[^.;]{0,60}?\bto|(?:is|are) now)\s*$/i)
const QUOTED_REPLACEMENT = needs(/\b(?:replaced (?:with|by)|read as follows|amended to read)\s*:?\s*["“][^"”]*$/i)

export function range(d: Duration): {low: number; high: number} {
  // a business day is somewhere between a working day of hours and a calendar day
  if (d.business && d.unit === 'day') return {low: d.value * 480, high: d.value * 1440}
  if (d.business && d.unit === 'week') return {low: d.value * 2400, high: d.value * 10080}
  return {low: d.minutes, high: d.minutes}
}

// A value stated for a named period, site or plan is a value of its own ("During Tax Season, P1 response is 15 minutes",
// "P2 during Peak Season", "at the Leeds office", "on the Premium plan"): the name, lower-cased, joins the scope
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)'
const QUALIFIERS: ReadonlyArray<[string, RegExp]> = [
  [
    'during',
    /\b(?:during|throughout|in|for|over)\s+(?:the\s+|each\s+|every\s+|any\s+)?((?:[\w'’-]+\s+){0,3}?(?:season|peak|busy (?:period|time|months?|weeks?)|(?:exam|term|trading|filing|holiday|harvest|enrol?ment|year[- ]end|month[- ]end|quarter[- ]end|tax) (?:period|time|weeks?|months?)|term[- ]time|year[- ]end|month[- ]end|quarter[- ]end))\b/gi,
  ],
  ['during', new RegExp(`\\b(?:[Dd]uring|[Ii]n|[Tt]hroughout|[Ff]rom|[Bb]etween)\\s+(?:(?:early|late|mid)[- ]|\\d{1,2}(?:st|nd|rd|th)?\\s+)?(${MONTH})\\b`, 'g')],
  // (a named place may be followed by the kind of office in lower case: "at the Client's Cebu back office")
  ['at', /\b(?:[Aa]t|[Ff]or|[Ii]n)\s+(?:the\s+|our\s+|your\s+|its\s+|each\s+)?((?:[A-Z][\w'’-]*\s+){1,3}(?:(?:back|head|front|main|branch|regional|satellite|sales|support|contact|call)\s+)?(?:[Ss]ites?|[Oo]ffices?|[Bb]ranch(?:es)?|[Cc]ampus(?:es)?|[Cc]linics?|[Ss]urgery|[Ss]chools?|[Ss]tores?|[Ww]arehouses?|[Dd]epots?|[Pp]lants?|[Ll]ocations?|[Pp]remises|[Hh]ospitals?))\b/g],
  ['at', /\b(?:at|for|in)\s+(?:the\s+|all\s+|any\s+|each\s+)?((?:remote|branch|satellite|regional|rural|outlying|secondary|smaller|other|additional|overseas) (?:sites?|offices?|locations?|branch(?:es)?|clinics?|schools?|stores?|depots?))\b/gi],
  ['on', /\b(?:[Oo]n|[Uu]nder|[Ff]or|[Ww]ith|[Ii]n)\s+(?:the\s+|an?\s+|your\s+)?((?:[A-Z][\w'’+-]*\s+){1,2}(?:[Pp]lans?|[Tt]iers?|[Pp]ackages?|[Ee]ditions?|[Bb]undles?|[Ss]ubscriptions?))\b/g],
  ['on', /\b((?:gold|silver|bronze|platinum|premium|enterprise|essentials|basic|advanced|starter) (?:plans?|tiers?|packages?|customers?|clients?|subscribers?|accounts?))\b/gi],
]

const NOT_A_NAME = /^(?:during|throughout|in|for|over|from|between|on|under|with|at|the|each|every|any|an?|our|your|its|of|to|and|or)$|\d/

/** The named periods, sites and plans a text states values for, each as `kind:name` (the name without the words before it). */
function qualifiersOf(text: string): string[] {
  const out: string[] = []
  for (const [kind, re] of QUALIFIERS) {
    if (!hasMatch(re, text)) continue
    for (const m of text.matchAll(re)) {
      const words = m[1]!.toLowerCase().split(/\s+/)
      let from = words.length - 1
      while (from > 0 && !NOT_A_NAME.test(words[from - 1]!)) from--
      out.push(`${kind}:${words.slice(from).join(' ')}`)
    }
  }
  return out
}

function scopeOf(text: string): string {
  const words = SCOPE_WORDS.filter(([, re]) => re.test(text)).map(([w]) => w)
  return [...words, ...new Set(qualifiersOf(text))].join(',')
}

export function family(p: Priority): string | undefined {
  if (p.scheme === 'level') return undefined
  return p.scheme === 'severity' ? 'severity' : 'priority'
}

/** Where the metric words of a sentence end, in order (found once per sentence, for all of its durations). */
interface MetricWords {
  readonly response: readonly number[]
  readonly resolution: readonly number[]
}

function metricWords(text: string): MetricWords {
  const ends = (re: RegExp): number[] => {
    re.lastIndex = 0
    return [...text.matchAll(re)].map((m) => (m.index ?? 0) + m[0].length)
  }
  return {response: ends(METRIC_RESPONSE_WORD), resolution: ends(RESOLUTION_WORD)}
}

/** The last of the ascending `ends` that is <= `at`, or undefined. */
function lastAtOrBefore(ends: readonly number[], at: number): number | undefined {
  let lo = 0
  let hi = ends.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ends[mid]! <= at) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? ends[lo - 1] : undefined
}

/** The metric a duration ending at `end` is bound to by a metric word right after it ("4-hour response"). */
function metricAfter(text: string, end: number): Metric | undefined {
  const after = text.slice(end, end + 30)
  // "4-hour on-site response", but not "within 60 minutes and resolved within 4 hours"
  const a = /^\s*(?:(?!(?:and|or|but|then|while|with)\s)[a-z]+\s+)?(respon\w*|acknowledg\w*|resol\w*|restor\w*|fix\b|repair\b|workaround)/i.exec(after)
  if (a && !/^\s*(?:for|of|to|in|after|before|from)\s/i.test(after)) return RESOLUTION_HEAD.test(a[1]!) ? 'resolution' : 'response'
  return undefined
}

/**
 * The metric a duration at `at` is bound to by a metric word just before it with only filler between (the nearest
 * word ending before it; a response word wins a tie). `w` holds the sentence's metric words.
 */
function metricBefore(text: string, at: number, w: MetricWords): Metric | undefined {
  let best: {metric: Metric; end: number} | undefined
  for (const metric of ['response', 'resolution'] as const) {
    const e = lastAtOrBefore(w[metric], at)
    if (e !== undefined && (!best || e > best.end)) best = {metric, end: e}
  }
  if (!best || at - best.end > 60) return undefined
  return FILLER.test(text.slice(best.end, at)) ? best.metric : undefined
}

/** The priority a value at `at` is stated for: "P1: 1 hour", "1 hour for Priority 1", or the one priority of the block. */
function priorityAt(priorities: readonly Priority[], text: string, at: number, end: number, fallback: Priority | undefined): Priority | undefined {
  const following = priorities.find((p) => p.start >= end && /^\s*(?:for|on|with)\s+(?:all\s+|each\s+|any\s+|an?\s+)?$/i.test(text.slice(end, p.start)))
  if (following) return following
  const before = priorities.filter((p) => p.end <= at)
  const last = before[before.length - 1]
  if (last) return last
  return priorities.length === 0 ? fallback : undefined
}

/** The one priority rank a text names (several labels of one level, "Priority 1 (Critical)", count as one). */
function onlyPriority(text: string, valuesOf: ValuesOf): Priority | undefined {
  if (!mayHold.priorities(text)) return undefined
  const ps = valuesOf(text).priorities.filter(family)
  const ranks = new Set(ps.map((p) => p.rank))
  return ranks.size === 1 ? ps[0] : undefined
}

/**
 * Every stated value of a metric (response and resolution times per priority, uptime targets) with what it is stated
 * for, as consistent-values compares them.
 */
export function statedMetrics(blocks: readonly Block[], valuesOf: ValuesOf = lazyValues, kept?: KeptInContext, keyOf: (block: Block) => string = (b) => b.header?.[0] ?? ''): Statement[] {
  const out: Statement[] = []
  // tables first: the level names a priority table uses ("Urgent", "S1") name the same levels in prose anywhere in
  // the agreement, before the table or after it
  const labels = new Map<string, Priority>()
  const order = new Map<Block, number>()
  let header: readonly string[] | undefined
  let row = 0
  blocks.forEach((block, i) => {
    order.set(block, i)
    if (block.kind === 'table-row' && block.header && block.cells) {
      row = block.header === header ? row + 1 : 1
      header = block.header
      if (kept) keptTableStatements(block, out, valuesOf, labels, row, keyOf(block), kept)
      else tableStatements(block, out, valuesOf, labels, row, keyOf(block))
    }
  })
  listLevels(blocks, labels)
  const learned = labelMatcher(labels)
  // what a block's statements read besides its text: the block's context and the level names the tables taught
  const taught = kept && labels.size ? `\u0000${JSON.stringify([...labels])}` : ''
  const items = new ItemParents()
  for (const block of blocks) {
    const parents = items.next(block)
    if (block.kind === 'heading' || (block.kind === 'table-row' && block.header && block.cells)) continue
    // the level of the items this one is nested in, nearest first ("- P1" over "  - Response: 30 minutes"), read when a
    // value of the block asks for its level
    const inherited = (): Priority | undefined => {
      for (const p of parents) {
        const level = onlyPriority(p.text, valuesOf) ?? openingLevel(p, learned)
        if (level) return level
      }
      return undefined
    }
    if (!kept) {
      proseStatements(block, valuesOf, learned, out, inherited)
      continue
    }
    // kept without the block and its sentences (a kept block would keep its whole document alive), and given the
    // block that asks and its sentence; what it reads of the items it is nested in is their text
    const context = blockContext(block) + taught + (parents.length ? `\u0000${parents.map((p) => p.text).join('\u0001')}` : '')
    const own = kept(block, PROSE_STATEMENTS, context, () => proseStatements(block, valuesOf, learned, [], inherited).map((s) => detached(s, block)))
    for (const s of own) out.push({...s.statement, block, sentence: block.sentences[s.sentence]})
  }
  // in the order the agreement states them, each with its list key
  const keys = listKeys(blocks, out)
  const keyed = keys.size ? out.map((s) => (keys.has(s.block) ? {...s, keyed: keys.get(s.block)} : s)) : out
  return keyed.sort((a, b) => order.get(a.block)! - order.get(b.block)! || a.start - b.start)
}

/** A kept reading of a block by its text and `context` (what else it reads), made by `make` when not kept. */
export type KeptInContext = <T>(block: Block, kind: object, context: string, make: () => T) => T

/** What a block's values read besides its text: its kind, its section's title, a row's column titles and cells. */
export function blockContext(block: Block): string {
  const row = block.kind === 'table-row' ? `\u0000${block.header?.join('\u0001') ?? ''}\u0000${block.cells?.join('\u0001') ?? ''}` : ''
  return `${block.kind}\u0000${block.section.title}${row}`
}

const PROSE_STATEMENTS = {name: 'stated metrics of a block of prose'}
const TABLE_STATEMENTS = {name: 'stated metrics of a table row'}

/** The level names the tables and lists teach (by name as written), as a table row reads and adds to them. */
interface Labels {
  get(name: string): Priority | undefined
  set(name: string, priority: Priority): Labels
}

/**
 * What a table row states (tableStatements), kept across lints by its text and what else it reads: its context (its
 * kind, its section's title, its column titles and cells), its place in its table, the title its key column is read
 * by, and the level the rows before it taught under the name its first cell gives (all it reads of them). The level
 * names the row teaches are kept with its statements and taught again in the same order.
 */
function keptTableStatements(block: Block, out: Statement[], valuesOf: ValuesOf, labels: Map<string, Priority>, row: number, key: string, kept: KeptInContext): void {
  const name = LEVEL_CELL.exec(block.cells![0] ?? '')?.[1]
  const before = name === undefined ? '' : JSON.stringify(labels.get(name) ?? null)
  let made = false
  const own = kept(block, TABLE_STATEMENTS, `${blockContext(block)}\u0000${row}\u0000${key}\u0000${before}`, () => {
    made = true
    const statements: Statement[] = []
    const taught: Array<readonly [string, Priority]> = []
    const noting: Labels = {
      get: (n) => labels.get(n),
      set: (n, p) => {
        taught.push([n, p])
        labels.set(n, p)
        return noting
      },
    }
    tableStatements(block, statements, valuesOf, noting, row, key)
    // kept without the block (see statedMetrics), in the place it is stated in so that each statement's keys keep their order
    return {statements: statements.map((s) => ({...s, block: undefined})), taught}
  })
  if (!made) for (const [n, p] of own.taught) labels.set(n, p)
  for (const s of own.statements) out.push({...s, block})
}

/** A statement without its block, and its sentence by its place in the block's sentences. */
function detached({block: _, sentence, ...statement}: Statement, block: Block): {statement: Omit<Statement, 'block' | 'sentence'>; sentence: number} {
  return {statement, sentence: block.sentences.indexOf(sentence!)}
}

// Reading: a list item nested in another ("- P1" over "  - Response: 30 minutes") states its values for what its parent
// item names: a nested item that names no level of its own takes the level of the nearest item it is nested in.
/** The list items each block is nested in, nearest first, read in the agreement's order (one stack per list). */
export class ItemParents {
  private stack: Block[] = []
  /** The items `block` is nested in (none for a block that is not a list item); call once per block, in order. */
  next(block: Block): readonly Block[] {
    if (block.kind !== 'list-item') {
      this.stack = []
      return []
    }
    const column = block.position.start.column
    while (this.stack.length && (this.stack.at(-1)!.position.start.column >= column || this.stack.at(-1)!.section !== block.section)) this.stack.pop()
    const parents = this.stack.slice().reverse()
    this.stack.push(block)
    return parents
  }
}

// Reading: the items of one list that each open with a label of their own ("- **Plus**: servers backed up nightly",
// "- Max: …", "- Each user above 40: $90 per month"), or sit under parent items that are such labels ("- Head office"
// over "  - Response: 1 hour"), state their values for their label, as the rows of a table keyed by its first column do:
// two values under two different labels of one list are values of two things, not one value stated twice. A label that
// names the quantity itself ("Response:", "Monthly fee:", "Backups:") is no key.
const OPEN_LABEL = /^[*_]{0,2}([^:;,.?!()\n–—]{1,40}?)[*_]{0,2}\s*(?::|\s[–—-]\s)\s*\S/
const QUANTITY_LABEL = /\b(?:respon\w*|repl(?:y|ies)|answer\w*|acknowledg\w*|resol\w*|restor\w*|fix\w*|repair\w*|uptime|availab\w*|back(?:ed|s)?[- ]?ups?|snapshots?|cop(?:y|ies)|retention|retained|kept|fees?|prices?|pricing|costs?|charges?|rates?|term|notice|hours?|frequency|summary|total|note)\b/i

/** A label a list item is keyed by: a short label it opens with, or its whole text when it is only a short label. */
function itemLabel(block: Block, whole: boolean): string | undefined {
  const text = block.text.trim()
  const label = whole && text.split(/\s+/).length <= 5 && !/[:.;!?]/.test(text) ? text : OPEN_LABEL.exec(text)?.[1]
  // (a level's name is no key: values per level are told apart by their level)
  if (label === undefined || label.trim().split(/\s+/).length > 5 || QUANTITY_LABEL.test(label) || LEVEL_WORD.test(label) || extractPriorities(label).length) return undefined
  return label.replace(/[*_`]/g, '').trim().toLowerCase() || undefined
}

/** Whether two values stand under two different labels of one keyed list (see listKeys): values of two things. */
export function otherLabel(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b && a.slice(0, a.indexOf(':')) === b.slice(0, b.indexOf(':'))
}

/**
 * The key of each list item of a keyed list (see above): `list:label`, where `list` names the list (its first item's
 * place) and `label` the item's label or that of the nearest item it is nested in. Only lists with two labels or more are keyed.
 */
export function listKeys(blocks: readonly Block[], values: ReadonlyArray<{readonly block: Block}>): Map<Block, string> {
  const out = new Map<Block, string>()
  // (only the lists that hold a value are read: most lists hold none)
  const holding = new Set<Block>()
  for (const v of values) if (v.block.kind === 'list-item') holding.add(v.block)
  if (!holding.size) return out
  const parents = new ItemParents()
  let run: Array<[Block, readonly Block[]]> = []
  let first = -1
  let holds = false
  const close = (): void => {
    if (holds) {
      const labels = run.map(([b, up]): [Block, string | undefined] => {
        let label: string | undefined
        for (const p of up) if ((label = itemLabel(p, true))) break
        return [b, label ?? itemLabel(b, false)]
      })
      if (new Set(labels.map(([, l]) => l).filter((l) => l !== undefined)).size >= 2) for (const [b, l] of labels) if (l !== undefined) out.set(b, `${first}:${l}`)
    }
    run = []
    holds = false
  }
  blocks.forEach((block, i) => {
    const up = parents.next(block)
    if (block.kind !== 'list-item' || (run.length && run[0]![0].section !== block.section)) close()
    if (block.kind !== 'list-item') return
    if (!run.length) first = i
    run.push([block, up])
    holds ||= holding.has(block)
  })
  close()
  return out
}

/** The statements of one block of prose (or a row of a table without a header), appended to `out`. */
function proseStatements(block: Block, valuesOf: ValuesOf, learned: Learned | undefined, out: Statement[], inherited: () => Priority | undefined = () => undefined): Statement[] {
  // the block's priority and a sentence's priorities and metric words are needed only for a duration (and then
  // only one bound to a metric): computed on first use
  let blockPriority: Priority | undefined | null = null
  for (const sentence of block.sentences) {
    const text = sentence.text
    const v = mayHold.durations(text) ? valuesOf(text) : undefined
    let priorities: Priority[] | undefined
    let words: MetricWords | undefined
    const parts = v && v.durations.length >= 3 ? partsOfSum(text, v.durations) : undefined
    for (const d of v?.durations ?? []) {
      if (parts?.has(d)) continue
      let metric = metricAfter(text, d.end) ?? metricBefore(text, d.start, (words ??= metricWords(text)))
      // "we answer a dead-line fault inside 20 minutes": a level's name between the metric word and the value is no
      // more than the words it stands for
      if (!metric && learned) {
        const named = learned.match(text).filter((p) => p.end <= d.start)
        if (named.length) {
          let blanked = text
          for (const p of named) blanked = blanked.slice(0, p.start) + ' '.repeat(p.end - p.start) + blanked.slice(p.end)
          metric = metricBefore(blanked, d.start, metricWords(blanked))
        }
      }
      // "- P1: 1 hour" under "Response Times": the list item is only a priority and a time
      if (!metric && block.kind === 'list-item' && text.replace(d.text, '').replace(/\b(?:P[0-5]|priority|severity|sev|[1-5]|critical|urgent|high|medium|normal|low)\b|[\s:–—()-]/gi, '').length <= 12) {
        const title = block.section.title
        if (RESPONSE_HEAD.test(title) !== RESOLUTION_HEAD.test(title)) metric = RESPONSE_HEAD.test(title) ? 'response' : 'resolution'
      }
      if (!metric) continue
      if (!priorities) {
        priorities = v!.priorities.filter(family)
        if (!priorities.length && learned) priorities = learned.match(text)
      }
      if (blockPriority === null) blockPriority = onlyPriority(block.text, valuesOf) ?? openingLevel(block, learned) ?? inherited() ?? onlyPriority(block.section.title, valuesOf)
      const priority = priorityAt(priorities, text, d.start, d.end, blockPriority)
      // a qualifier earlier in the paragraph or in the section title ("Outside Business Hours …", "Out-of-Hours Support") narrows the value
      const context = `${block.section.title} ${block.text.slice(0, sentence.end)}`
      if (!priority) {
        // Reading: a response time stated for no level, alone in its sentence and in a block that names no level
        // ("Support requests are answered within 2 hours", "Response: within 4 hours"), is the agreement's one response
        // time: kept as a time for no level, which consistent-values compares only where the agreement names no levels
        // for it (a restore time for no level is a restore of one thing or another, and is not kept)
        if (metric !== 'response' || priorities.length || v!.durations.length !== 1 || v!.priorities.length || LEVEL_WORD.test(block.text)) continue
        out.push({metric, priority: undefined, scope: unlevelledScope(context, text, d.start), ...measure(d), text: d.text, block, sentence, start: sentence.start + d.start, end: sentence.start + d.end})
        continue
      }
      out.push({metric, priority, scope: scopeOf(context), ...measure(d), text: d.text, block, sentence, start: sentence.start + d.start, end: sentence.start + d.end})
    }
    uptimeStatements(block, sentence, out, valuesOf)
  }
  return out
}

// A word that names a level, in a block whose time is then that level's, whether or not the level is read as one
const LEVEL_WORD = /\b(?:urgent|critical|high|medium|low|standard|normal|routine|emergenc\w*|severity|sev|priorit\w*|p[0-5]|s[0-5]|level|categor\w*|class|major|minor|showstoppers?|blockers?|everything else|all other|other (?:calls|requests|issues|faults|tickets))\b/i
// An acknowledgement (often automatic) is not the response an engineer gives
const ACKNOWLEDGE = /\backnowledg\w*|\bautomatic\w*|\bauto-?(?:reply|replies|response)\b/i
const ANSWER = /\b(?:respond\w*|response|reply|replies|answer(?:s|ed)?|call[- ]?back|callback|react(?:s|ed|ion)?|gets? an? (?:technician|engineer)|get(?:s|ting)? back to|call(?:s|ing)? \w+ back)\b/i

const CHANNELS = new Set(['phone', 'email', 'portal'])

/**
 * The scope of a time stated for no level: as scopeOf, but a time counted in business hours is the agreement's one
 * response time ("answered within 2 hours during business hours" and "Response: within 4 hours" are one quantity), a
 * channel narrows it only in its own sentence ("Phone calls are answered within 30 seconds", not "You can raise a
 * request by e-mail or through the portal. We reply within 2 hours."), and an acknowledgement is a quantity of its own.
 */
function unlevelledScope(context: string, sentence: string, at: number): string {
  const scope = scopeOf(context).split(',').filter((w) => w && w !== 'business-hours' && !CHANNELS.has(w))
  for (const w of scopeOf(sentence).split(',')) if (CHANNELS.has(w)) scope.push(w)
  const before = sentence.slice(0, at)
  if (ACKNOWLEDGE.test(before) && !ANSWER.test(before.replace(/\bauto-?(?:reply|replies|response)\b/gi, ' '))) scope.push('acknowledge')
  return ['unlevelled', ...scope].join(',')
}

// Reading: a sentence that states a sum ("2 hours on site plus 1 hour travel, 3 hours in all", "30 minutes to triage plus
// 30 minutes to call back, 1 hour in total") states the quantity once, as its total: the parts before the total, joined
// by "plus", "+" or "and", are not values of it.
const TOTAL_AFTER = /^[\s,]*(?:in all|in total|altogether|all told|combined|overall|total|all[- ]in)\b/i
const TOTAL_BEFORE = /(?:\b(?:a total of|in total|totall?ing|making|comes? to|adds? up to|in all)|=)\s*$/i
const JOINED = /\bplus\b|\+|\band\b/i

/** The durations of a sentence that are parts of a sum the sentence states (none when it states no total). */
function partsOfSum(text: string, durations: readonly Duration[]): Set<Duration> | undefined {
  const total = durations.findIndex((d, i) => i >= 2 && (TOTAL_AFTER.test(text.slice(d.end, d.end + 20)) || TOTAL_BEFORE.test(text.slice(Math.max(0, d.start - 20), d.start))))
  if (total < 0) return undefined
  const first = durations[0]!
  if (!JOINED.test(text.slice(first.end, durations[total]!.start))) return undefined
  return new Set(durations.slice(0, total))
}

/** The levels the tables and lists name, found again in a sentence, and a level's name looked up. */
interface Learned {
  readonly match: (text: string) => Priority[]
  readonly named: (name: string) => Priority | undefined
}

const FAULT_NAME = /(?:outage|fault|incident|failure|breakdown)$/
/** A level's name as prose may write it: "Dead line", "dead-line" and "DEAD LINE" are one name. */
const levelKey = (name: string): string => name.toLowerCase().replace(/[\s-]+/g, ' ').trim()

/**
 * The levels a priority table or list names by a code or a level word ("S1", "Urgent", "Dead line"), found again in a
 * sentence: a code anywhere, a name only where it names tickets ("Urgent calls", "a dead-line fault"), in any case and
 * with a hyphen or a space between its words. Undefined when the tables and lists name none.
 */
function labelMatcher(labels: ReadonlyMap<string, Priority>): Learned | undefined {
  if (!labels.size) return undefined
  const escape = (l: string) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const byKey = new Map<string, Priority>()
  for (const [l, p] of labels) if (!/\d/.test(l) && !byKey.has(levelKey(l))) byKey.set(levelKey(l), p)
  const codes = [...labels.keys()].filter((l) => /\d/.test(l)).map(escape)
  // a name that is itself a kind of fault ("Outage", "Line fault") stands alone, in the plural too ("we pick up outages")
  const words = [...byKey.keys()].filter((k) => !FAULT_NAME.test(k)).map((k) => k.split(' ').map(escape).join('[\\s-]+'))
  const faults = [...byKey.keys()].filter((k) => FAULT_NAME.test(k)).map((k) => `${k.split(' ').map(escape).join('[\\s-]+')}s?`)
  const code = codes.length ? new RegExp(`\\b(?:${codes.join('|')})\\b`, 'g') : undefined
  const word =
    words.length || faults.length
      ? new RegExp(
          [
            ...(words.length ? [`\\b(?:${words.join('|')})(?=\\s+(?:calls?|tickets?|faults?|incidents?|issues?|requests?|cases?|problems?|jobs?|outages?)\\b)`] : []),
            ...(faults.length ? [`\\b(?:${faults.join('|')})\\b`] : []),
          ].join('|'),
          'gi',
        )
      : undefined
  return {
    match: (text) => {
      const out: Priority[] = []
      if (code) for (const m of text.matchAll(code)) out.push({...labels.get(m[0])!, text: m[0], start: m.index, end: m.index + m[0].length})
      if (word) for (const m of text.matchAll(word)) out.push({...(byKey.get(levelKey(m[0])) ?? byKey.get(levelKey(m[0]).replace(/s$/, '')))!, text: m[0], start: m.index, end: m.index + m[0].length})
      return out.sort((a, b) => a.start - b.start)
    },
    named: (name) => labels.get(name) ?? byKey.get(levelKey(name)),
  }
}

// A level's name that opens a list item or a row: one to three words, the first capitalised, no digits
// ("Urgent: a whole site is down", "**Dead line** – no calls in or out")
const LEVEL_LABEL = /^[*_]{0,2}([A-Z][A-Za-z'’]*(?:[ -][A-Za-z'’]+){0,2})[*_]{0,2}(?:\s*[:–—]|\s+-\s)\s*\S/
const LEVEL_CELL = /^[*_]{0,2}([A-Z][A-Za-z'’]*(?:[ -][A-Za-z'’]+){0,2})[*_]{0,2}$/
// A title or column that names levels ("How urgent is it?", "Fault level", "Incident categories"), not a plan's
const LEVEL_TITLE = needs(/\b(?:priorit\w*|severit\w*|urgen\w*|levels?|categor\w*|classif\w*|impact)\b/i)
// A first column of kinds of fault or call ("Fault", "Incident type") keys a table of times by the kinds it names
const KIND_COLUMN = /^\s*(?:[A-Za-z-]+\s+)?(?:faults?|incidents?|issues?|problems?|tickets?|calls?|requests?)(?:\s+(?:types?|kinds?))?\s*$/i
// A column that names or describes each level ("Meaning", "Description", "Name", "Impact")
const NAME_HEAD = /\b(?:names?|meaning|means|descri\w*|impact|examples?|defin\w*|what|labels?|titles?|summary|situation|when)\b/i
const NOT_LEVEL_TITLE = /\bservice[- ]levels?\b|\bsla\b/i

/** A level a name stands for: a level word's own rank ("Urgent"), else the place it holds among the levels named. */
function levelNamed(name: string, place: number): Priority {
  const own = extractPriorities(name).find((p) => family(p) && p.start === 0 && p.end === name.length)
  return own ?? {kind: 'priority', scheme: 'level', rank: place, label: name, text: name, start: 0, end: name.length}
}

/**
 * The levels a list names by the label each of its items opens with ("- Urgent: a whole depot is down. …"), when every
 * item of the list opens with one and a label is a level word or the list's section or lead-in names levels.
 */
function listLevels(blocks: readonly Block[], labels: Map<string, Priority>): void {
  for (let i = 0; i < blocks.length; ) {
    let j = i
    while (j < blocks.length && blocks[j]!.kind === 'list-item' && blocks[j]!.section === blocks[i]!.section) j++
    if (j - i < 2) {
      i = Math.max(j, i + 1)
      continue
    }
    const names = blocks.slice(i, j).map((b) => LEVEL_LABEL.exec(b.text)?.[1])
    const lead = blocks[i - 1]
    const titled = (t: string): boolean => LEVEL_TITLE.test(t) && !NOT_LEVEL_TITLE.test(t)
    const levels = names.every((n) => n !== undefined) && new Set(names).size === names.length
    if (levels && (names.some((n) => levelNamed(n!, 0).scheme !== 'level') || titled(blocks[i]!.section.title) || (lead !== undefined && lead.kind === 'paragraph' && titled(lead.text)))) {
      names.forEach((n, k) => {
        if (!labels.has(n!)) labels.set(n!, levelNamed(n!, k + 1))
      })
    }
    i = j
  }
}

/** The level a list item is stated for by the name it opens with ("Urgent: … I reply within 3 hours."). */
function openingLevel(block: Block, learned: Learned | undefined): Priority | undefined {
  if (!learned || block.kind !== 'list-item') return undefined
  const name = LEVEL_LABEL.exec(block.text)?.[1]
  return name === undefined ? undefined : learned.named(name)
}

function tableStatements(block: Block, out: Statement[], valuesOf: ValuesOf, labels: Labels, row: number, key: string): void {
  // (the key column's header as read: a table written as a list of records has none, and its keys may name levels)
  const header = key === (block.header![0] ?? '') ? block.header! : [key, ...block.header!.slice(1)]
  const cells = block.cells!
  let priority: Priority | undefined
  let keyCell = -1
  for (const [i, cell] of cells.entries()) {
    keyCell = i
    // "Severity | 1", "Severity | S1", "Priority | A": a bare level under a "Severity" or "Priority" column
    const head = header[i] ?? ''
    const bare = /^\s*(?:[PS]?[0-5]|[IV]{1,3}|[A-E])\s*$/.test(cell) && /priority|severity/i.test(head)
    priority = onlyPriority(cell, valuesOf) ?? (bare ? onlyPriority(`${head.replace(/\s*level\s*$/i, '')} ${cell.trim().replace(/^[PS](?=\d)/, '')}`, valuesOf) : undefined)
    // "Category 2 – Impairment", "Class 1: Standstill" in a table keyed by its levels: a translated level's code and name,
    // whose code prose uses alone ("faults of category 2")
    if (!priority && i === 0 && /\b(?:categor\w*|class\w*|levels?|priorit\w*|severit\w*)\b/i.test(head)) {
      const code = /^[*_]{0,2}(category|class)\s+([1-5])(?=[*_]{0,2}(?:\s*[–—:-]|\s*$))/i.exec(cell)
      if (code) {
        const rank = Number(code[2])
        const label = `${code[1]![0]!.toUpperCase()}${code[1]!.slice(1).toLowerCase()} ${rank}`
        priority = {kind: 'priority', scheme: 'priority', rank, label, text: code[0], start: code.index, end: code.index + code[0].length}
        labels.set(label, priority).set(label.toLowerCase(), priority)
        break
      }
    }
    if (priority) {
      // the cell is the level's name or code ("Urgent", "S1"): prose may use it alone
      const label = cell.replace(/[*_]/g, '').trim()
      if (/^(?:[A-Z][a-z]+|[A-Z]{1,3}\d)$/.test(label) && family(priority)) labels.set(label, priority)
      break
    }
  }
  // "| 1 | Surgery down | 30 minutes |" under "Severity | Meaning": the level's short name in the cell beside its code
  // names it, as prose writes it ("surgery-down calls")
  if (priority && family(priority) && /\d/.test(cells[keyCell] ?? '')) {
    const j = keyCell + 1
    const name = LEVEL_CELL.exec(cells[j] ?? '')?.[1]
    if (name !== undefined && NAME_HEAD.test(header[j] ?? '') && !valuesOf(cells[j]!).durations.length && !labels.get(name)) labels.set(name, priority)
  }
  // "| Dead line | no calls in or out | 45 minutes |" under "Fault level": a table keyed by its levels' names, each row
  // one level in the order the table gives them
  if (!priority && (LEVEL_TITLE.test(header[0] ?? '') || KIND_COLUMN.test(header[0] ?? '')) && !NOT_LEVEL_TITLE.test(header[0] ?? '')) {
    const name = LEVEL_CELL.exec(cells[0] ?? '')?.[1]
    if (name !== undefined) {
      priority = labels.get(name) ?? levelNamed(name, row)
      labels.set(name, priority)
    }
  }
  // offsets of each cell in the row text ("Priority: P1 | Response: 1 hour")
  let offset = 0
  const starts: number[] = []
  cells.forEach((cell, i) => {
    if (i > 0) offset += 3
    const label = block.header![i]
    if (label) offset += label.length + 2
    const at = block.text.indexOf(cell, offset)
    starts.push(at >= 0 ? at : offset)
    offset = (at >= 0 ? at : offset) + cell.length
  })
  // a value's scope is read from its own cell and the row's cells that state no time: "30 minutes, by phone" in a row's
  // notification cell does not make the triage time in the next cell a time for phone calls
  const rowText = `${block.section.title} ${cells.filter((c) => valuesOf(c).durations.length === 0).join(' ')}`
  const rowScope = scopeOf(rowText)
  const metricOf = (t: string): Metric | undefined => (RESPONSE_HEAD.test(t) && !RESOLUTION_HEAD.test(t) ? 'response' : RESOLUTION_HEAD.test(t) && !RESPONSE_HEAD.test(t) ? 'resolution' : undefined)
  // | Measure | Target |: a row that names its priority and metric in one cell ("Priority 1 response") and gives the
  // value under a column that names no metric of its own
  let rowMetric: Metric | undefined | null = null
  // Reading: columns of one table that each give the same metric ("| Priority | Plus response | Pro response | Max
  // response |") give it for different cases (plans, tiers, sites): each column's value is compared with its own column's
  // only, and with no other statement
  const columnsOf = new Map<Metric, number>()
  for (const h of header) {
    const m = metricOf(h)
    if (m) columnsOf.set(m, (columnsOf.get(m) ?? 0) + 1)
  }
  const rowUptime = cells.some((c) => UPTIME_WORD.test(c))
  let creditRow: boolean | undefined
  cells.forEach((cell, i) => {
    const head = header[i] ?? ''
    let metric = metricOf(head)
    // (a table of two columns, a label and its value, "| P1 reply | 2 hours |" under "| Item | Terms |", states one value
    // per row: its value column names no metric of its own whatever its heading says)
    if (!metric && priority && (GENERIC_HEAD.test(head) || (cells.length === 2 && i === 1))) {
      if (rowMetric === null) {
        const named = cells.filter((c) => onlyPriority(c, valuesOf) && !valuesOf(c).durations.length).map(metricOf)
        rowMetric = named.length === 1 ? named[0] : undefined
      }
      metric = rowMetric
    }
    if (metric && priority) {
      const ds = valuesOf(cell).durations
      // one value per cell: "1 hour (4 hours after hours)" holds two scopes in one cell
      if (ds.length === 1) {
        const d = ds[0]!
        const start = starts[i]! + d.start
        // (only a cell with words beside its time can narrow it: "30 minutes, by phone")
        const scope = cell.trim().length > d.text.length + 3 ? scopeOf(`${rowText} ${cell}`) : rowScope
        const column = (columnsOf.get(metric) ?? 0) > 1 ? `column:${head.replace(/[*_`]/g, '').trim().toLowerCase()}` : ''
        out.push({metric, priority, scope: [scopeOf(head), scope, column].filter(Boolean).join(','), ...measure(d), text: d.text, block, sentence: undefined, start, end: start + d.text.length})
      }
    }
    // a row of a service-credit table states a band ("99.0% – 99.9% | 10%"), not a target
    if ((UPTIME_WORD.test(head) || UPTIME_WORD.test(cell) || (rowUptime && GENERIC_HEAD.test(head))) && !(creditRow ??= CREDIT_ROW.test(`${header.join(' ')} ${cells.join(' ')}`))) {
      const ps = valuesOf(cell).percentages
      if (ps.length > 1) return
      for (const p of ps) {
        if (p.value < 90 || p.value > 100 || TIER.test(cell.replace(/\b(?:no|not) less than\b/gi, ''))) continue
        const start = starts[i]! + p.start
        out.push({metric: 'uptime', priority: undefined, scope: uptimeScope(`${head} ${cells.join(' ')}`) || rowSubject(cells, i), period: p.period, low: p.value, high: p.value, text: p.text, block, sentence: undefined, start, end: start + p.text.length})
      }
    }
  })
}

/**
 * The thing a table row states its value for: the row's first cell, when the value is in another cell and that cell
 * names neither the metric nor a value ("| Compute | 99.95% |", "| Telematics Feed | 99.5% |"). A table of availability
 * per service gives one target per service, not one value stated twice; a row named by the metric ("| Uptime | 99.9% |")
 * has no subject of its own.
 */
function rowSubject(cells: readonly string[], i: number): string {
  const label = (cells[0] ?? '').replace(/[*_`]/g, '').trim().toLowerCase()
  if (i === 0 || !label || UPTIME_WORD.test(label) || GENERIC_HEAD.test(label) || /\d/.test(label)) return ''
  return `row:${label}`
}

function uptimeScope(text: string): string {
  // a value for one plan or tier is compared with nothing else
  if (PLAN.test(text)) return `plan:${text}`
  const named = [...new Set(qualifiersOf(text))]
  if (named.length) return named.join(',')
  const systems = [...new Set([...text.matchAll(SYSTEMS)].map((m) => m[0].toLowerCase().replace(/s$/, '')))].sort()
  return systems.join('+')
}

function uptimeStatements(block: Block, sentence: Sentence, out: Statement[], valuesOf: ValuesOf): void {
  const text = sentence.text
  if (!UPTIME_WORD.test(text)) return
  const ps = valuesOf(text).percentages.filter((p) => p.value >= 90 && p.value <= 100)
  if (ps.length === 0) return
  // tiers, thresholds and ranges list several values on purpose
  if (TIER.test(text.replace(/\b(?:no|not) less than\b/gi, '')) || new Set(ps.map((p) => p.value)).size > 1) return
  // a formula ("Uptime % = (… ) / … × 100%") states how to compute, not a target
  if (/[=×÷]|\bx\s*100\b|\bdivided by\b|\bmultiplied\b/i.test(text)) return
  const p = ps[0]!
  out.push({metric: 'uptime', priority: undefined, scope: uptimeScope(text), period: p.period, low: p.value, high: p.value, text: p.text, block, sentence, start: sentence.start + p.start, end: sentence.start + p.end})
}

// ---------------------------------------------------------------------------------------------------------------
// Times per priority as a comparison with a template reads them (clauselint compare): a third view of the same
// statements. It ties a time to the nearest metric word before it, keeps times stated for no priority, and reads
// resolution times too; converging it with the two views above changes what compare reports, so it is kept as it was.

export type TimeMetric = 'response' | 'resolution'
const TIME_WORD: Readonly<Record<TimeMetric, RegExp>> = {
  response: /\b(?:respon\w*|acknowledg\w*|reaction)\b/gi,
  resolution: /\b(?:resol\w*|restor\w*|fix(?:ed)?|repair\w*|workaround|recovery time|RTO)\b/gi,
}
const OTHER_TIME_WORD = /\b(?:updates?|escalat\w*|RPO|recovery point)\b/gi
const TIME_HEADER: Readonly<Record<TimeMetric, RegExp>> = {response: /respon|acknowledg|reaction/i, resolution: /resol|restor|fix|repair|workaround|recovery time|\brto\b/i}
/** A duration that is not a time to act: "every 2 hours", "24 hours a day", "in a calendar month". */
const NOT_A_TIME_BEFORE = /\b(?:every|in|per|each|during|over|for at least|of at least)\s*$/i
const NOT_A_TIME_AFTER = /^\s*(?:a|per|each)\s+(?:day|week|month|year)\b/i
const TIME_LEADS = /^[\s,;:]*(?:for|on|to|in|of)?\s*(?:an?|all|each|every)?\s*$/i

/** A time stated for a priority rank (undefined: for every priority). */
export interface StatedTime {
  readonly rank: number | undefined
  readonly minutes: number
  readonly text: string
  readonly block: Block
  readonly start: number
  readonly end: number
}

/**
 * Response or resolution times stated in a document, each with the priority rank it is for (undefined: for every
 * priority), as a comparison with a template reads them: table columns and rows, and sentences, where a time belongs
 * to the nearest metric word before it.
 */
export function statedTimes(doc: Document, metric: TimeMetric, valuesOf: ValuesOf = lazyValues): StatedTime[] {
  const out: StatedTime[] = []
  const header = TIME_HEADER[metric]
  const otherHeader = TIME_HEADER[metric === 'response' ? 'resolution' : 'response']
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    if (block.kind === 'table-row' && block.header && block.cells) {
      const cells = block.cells
      const offsets = cellOffsets(block)
      const column = block.header.findIndex((h) => header.test(h) && !(metric === 'response' && otherHeader.test(h)))
      if (column >= 0) {
        // | Priority | Response Time | Resolution Time |
        const d = valuesOf(cells[column] ?? '').durations[0]
        const o = offsets[column] ?? -1
        if (!d || o < 0) continue
        const p = cells.map((c, j) => (j === column ? undefined : valuesOf(c).priorities[0])).find(Boolean)
        out.push({rank: p?.rank, minutes: d.minutes, text: d.text, block, start: o + d.start, end: o + d.end})
        continue
      }
      // |          | P1     | P2      |
      // | Response | 1 hour | 4 hours |
      const first = cells[0] ?? ''
      if (!header.test(first) || (metric === 'response' && otherHeader.test(first))) continue
      for (let j = 1; j < cells.length; j++) {
        const p = valuesOf(block.header[j] ?? '').priorities[0]
        const d = valuesOf(cells[j] ?? '').durations[0]
        const o = offsets[j] ?? -1
        if (p && d && o >= 0) out.push({rank: p.rank, minutes: d.minutes, text: d.text, block, start: o + d.start, end: o + d.end})
      }
      continue
    }
    const sectionSays = block.section.path.some((p) => header.test(p) && !otherHeader.test(p))
    for (const s of block.sentences) proseTimes(block, s.start, s.text, metric, sectionSays, out, valuesOf)
  }
  return out
}

function proseTimes(block: Block, offset: number, text: string, metric: TimeMetric, sectionSays: boolean, out: StatedTime[], valuesOf: ValuesOf): void {
  const own = [...text.matchAll(TIME_WORD[metric])].map((m) => ({at: m.index, mine: true}))
  if (!own.length && !sectionSays) return
  const other = metric === 'response' ? 'resolution' : 'response'
  const keywords = [...own, ...[...text.matchAll(TIME_WORD[other])].map((m) => ({at: m.index, mine: false})), ...[...text.matchAll(OTHER_TIME_WORD)].map((m) => ({at: m.index, mine: false}))].sort((a, b) => a.at - b.at)
  const durations = valuesOf(text).durations.filter((d) => {
    if (NOT_A_TIME_BEFORE.test(text.slice(Math.max(0, d.start - 16), d.start)) || NOT_A_TIME_AFTER.test(text.slice(d.end))) return false
    const before = keywords.filter((k) => k.at < d.start).at(-1)
    return before ? before.mine : sectionSays || (keywords[0]?.mine ?? false)
  })
  if (!durations.length) return
  const priorities = valuesOf(text).priorities
  const push = (d: (typeof durations)[number], rank: number | undefined): void => {
    out.push({rank, minutes: d.minutes, text: d.text, block, start: offset + d.start, end: offset + d.end})
  }
  if (!priorities.length) {
    push(durations[0]!, undefined)
    return
  }
  // "within 30 minutes for Priority 1, 2 hours for Priority 2": the time before its priority
  const leading = priorities.map((p) => durations.find((d) => d.end <= p.start && TIME_LEADS.test(text.slice(d.end, p.start))))
  if (durations[0]!.start < priorities[0]!.start && leading.some(Boolean)) {
    priorities.forEach((p, i) => {
      const d = leading[i]
      if (d) push(d, p.rank)
    })
    return
  }
  // "P1: response within 1 hour; P2: within 4 hours": the time after its priority
  priorities.forEach((p, i) => {
    const next = priorities[i + 1]?.start ?? text.length
    const d = durations.find((x) => x.start >= p.end && x.start < next) ?? (priorities.length === 1 ? durations[0] : undefined)
    if (d) push(d, p.rank)
  })
}

// Wording classes clause judges test for (vague times, charges in words), and the scope a clause's value must sit in.
import {needs} from '../text.js'
import {withFlags} from '../user-regex.js'
import type {Values} from './values/index.js'

/** Time words with no number: "promptly", "as soon as possible", "as soon as they can", "same day where possible". */
// (haste and care in translated wording set no time either: "with the greatest diligence", "in the best time limits", "in
// the shortest possible time", "with all due speed")
export const VAGUE_TIME =
  /\b(?:with (?:the )?(?:(?:greatest|utmost|maximum) |all (?:due )?|due )(?:diligence|speed|urgency|celerity|dispatch)|(?:in|within) the (?:best|shortest|briefest|quickest)(?: possible)? (?:time limits?|time ?frames?|delays?|times?|deadlines?|periods?)(?: possible)?|promptly|prompt|timely|quickly|swiftly|expeditiously|asap|as soon as (?:reasonably )?(?:possible|practicable|practical|feasible)|as soon as (?:we|they|I|he|she|(?:our|the|an?) (?:[\w-]+ )?(?:team|engineers?|technicians?|techs?|staff|people|help ?desk|service desk)) (?:can|could|are able|is able|am able)|when(?:ever)? (?:we|they|I) (?:can|are able|am able|get (?:a|the) chance|have (?:the )?time)|without (?:undue )?delay|in a timely (?:manner|fashion)|within a reasonable (?:time|period|timeframe)|reasonable (?:time|period|timeframe)|best[- ](?:efforts?|endeavou?rs?)|reasonable (?:efforts?|endeavou?rs?)|commercially reasonable|will vary|varies|where possible|when possible|if possible|as quickly as|at the earliest|immediately|instantly|right away|on the spot|same[- ]day where possible|in due course|in good time|timeously|within an? (?:appropriate|acceptable|suitable|sensible|adequate|reasonable) (?:time|period|timeframe|time ?frame))\b/i

/** A charge stated in words: included, at no extra cost, free of charge. */
export const INCLUDED_CHARGE =
  /\b(?:included in (?:the|your)\b|(?:is|are) included\b|at no (?:additional|extra|further) (?:charge|cost|fee)|no (?:additional|extra|further) (?:charge|cost|fee)|free of charge|without (?:additional |extra )?charge|covered by (?:the|your) (?:monthly|fixed|annual|recurring|subscription|service) (?:fee|charge|price)s?)/i

/** Stated rates in words: "at the Provider's standard hourly rates". */
// Reading: "pay-as-you-go" ("pay as you go") names a paid basis for work, as "time and materials" does: work so put is
// charged for as it is done ("After-hours call-outs are pay-as-you-go", "moved to pay as you go support")
export const RATE_WORDS = /\b(?:(?:then[- ])?(?:current|standard|prevailing|published|normal|usual|hourly|time and materials|pay[- ]as[- ]you[- ]go) (?:hourly |labou?r |day |daily |call-?out )?rates?|time and materials|time[- ]and[- ]a[- ]half|double time|pay[- ]as[- ]you[- ]go)\b/i

/** A measurable value of any kind in a text's values. */
export function hasNumber(v: Values): boolean {
  return v.durations.length > 0 || v.frequencies.length > 0 || v.percentages.length > 0 || v.money.length > 0 || v.hours.some((h) => h.from !== undefined)
}

/** Index of the first match of a regex, or -1. */
export function indexOf(text: string, re: RegExp): number {
  const m = re.exec(text)
  return m ? m.index : -1
}

/** What a column's header must say for its cells to hold a clause's value: a pattern, or a reading of the header. */
export type HeaderTest = RegExp | ((header: string) => boolean)

// Reading: in a table whose rows are classes of case (priorities, severities, fault classes), a column of times is read by
// what its header says the time measures, in whatever words: the first action on a case (a reply, a first contact, a
// call-back, the start of work, an engineer's attendance or arrival on site) is a response; the case's end (fixed, put
// right, restored, back up and running, working again, closed) is a resolution.
/** Words of the first action on a case. */
const FIRST_ACTION =
  /\b(?:respon\w*|resp|acknowledg\w*|reaction|repl(?:y|ies|ied)|answer(?:s|ed)?|(?:first|initial) contact|contact(?:s|ed)? (?:you|the (?:client|customer)|within|times?)|call(?:s|ed)? (?:you |them )?back|call-?backs?|(?:get|gets|getting|got) (?:back )?(?:to you|in touch)|in touch|pick(?:s|ed)? (?:it |them )?up|start(?:s|ed|ing)?|begin(?:s|ning)?|commenc\w*|attend\w*|on[- ]?site|at (?:your|the (?:client|customer)(?:'s|’s)?) (?:site|premises|door|office|desk|location)|arriv\w*|(?:engineer|technician|someone) (?:assigned|dispatched|with you)|dispatch\w*|triag\w*|attention|interven\w*|(?:taken?|taking) (?:in|into) charge)\b/i
/** Words of a case's end: fixed, restored, working again (and "TAT", the turnaround, in capitals). */
const CASE_END =
  /\b(?:resol\w*|restor\w*|fix(?:e[sd]|ing)?|repair\w*|recover\w*|rto|mttr|mean time to \w+|workaround|remedi\w*|rectif\w*|solution|sol(?:ve|ved|ving)|clos(?:e|ed|ing|ure)|put right|set right|up and running|(?:running|working|usable|available|online) again|back (?:up|online|in service|to normal|in business)|sorted(?: out)?|mended|cleared|turn[- ]?around)\b/i
const TURNAROUND = needs(/\bTAT\b/)

/** What a time column's header says its times measure: the first action on a case, its end, or both ("Attend and fix"). */
export function columnMeasure(header: string): {readonly response: boolean; readonly resolution: boolean} {
  return {response: FIRST_ACTION.test(header), resolution: CASE_END.test(header) || TURNAROUND.test(header)}
}

/** What a column's times measure (see columnMeasure). */
export type Measure = ReturnType<typeof columnMeasure>

// Reading: a note under a table that points at the table's figures and says what they are ("The figures above are
// first-response times", "Times above are for response; the engineer stays until …", "All times in the table above are
// the time we take to restore normal service") says what its value columns measure, as a header would: the clause of the
// note that points at the table is read, not the rest of the note; a note that names both measures tells neither, and one
// that says the figures are an amount of work included ("the hours of on-site work included each month") sets no time.
const POINTS_AT_TABLE = /\b(?:above|(?:in|of)\s+(?:the|this)\s+(?:table|matrix|grid|chart)|shown)\b/i
const TABLE_FIGURES = /\b(?:times?|figures?|targets?|values|numbers|periods|durations?|timings?|deadlines?)\b/i
const WORK_INCLUDED = /\b(?:included|includes|allowances?|quotas?|(?:hours|days|number)\s+of\s+(?:[\w-]+\s+){0,2}?(?:work|labou?r|visits?|time))\b/i
const NOTE_CLAUSE = /[;:.!?](?:\s|$)|,\s*(?:and|but|while|whereas)\s|\s(?:and|but)\s+(?=(?:we|you|they|our|your|the|an?)\s)/i

/** The measure a note under a table gives the table's figures, or undefined when it names none (or both). */
export function noteMeasure(note: string): Measure | undefined {
  for (const clause of note.split(NOTE_CLAUSE)) {
    if (!POINTS_AT_TABLE.test(clause) || !TABLE_FIGURES.test(clause) || WORK_INCLUDED.test(clause)) continue
    const m = columnMeasure(clause)
    if (m.response !== m.resolution) return m
  }
  return undefined
}

// Reading: a column of a table headed by one party's part ("We do", "What we do", "Our job", "You do", "Your side",
// "Client responsibilities", "Bluestone's part") holds that party's part of each row: the work the provider does, or what
// the customer must do. A header is read as the party it names (we, us, our: the provider; you, your: the customer; a
// role word or a name the agreement gives a party) with a verb of doing or a noun of a part after it, or the party alone.
const DOES_VERB = /\s+(?:do|does|will do|handles?|will handle|provides?|will provide|looks? after|takes? care of|covers?|(?:needs?|has|have) to do|must do)$/
const PART_NOUN = /(?:['’]s)?\s+(?:parts?|jobs?|sides?|roles?|responsibilit(?:y|ies)|tasks?|duties|duty|bit|obligations?|actions?)$/
const PROVIDER_WHO = /^(?:we|us|our|(?:the\s+)?(?:service\s+)?provider|supplier|contractor|msp|vendor)$/
const CUSTOMER_WHO = /^(?:you|your|(?:the\s+)?(?:client|customer))$/

/** The party whose part a column's header names (see above), or undefined. */
export function columnParty(header: string, names: ReadonlyMap<string, string>): 'provider' | 'customer' | undefined {
  const h = header.replace(/[*_`]/g, '').replace(/[\s:.?!]+$/, '').trim().toLowerCase().replace(/^what\s+/, '')
  const who = h.replace(DOES_VERB, '').replace(PART_NOUN, '').replace(/^the\s+/, '').trim()
  if (!who) return undefined
  if (PROVIDER_WHO.test(who)) return 'provider'
  if (CUSTOMER_WHO.test(who)) return 'customer'
  const named = names.get(who)
  return named === 'provider' || named === 'customer' ? named : undefined
}

/** Minimal view of a unit for scoping (avoids a cycle with clauses.ts). */
interface Scoped {
  readonly text: string
  readonly block: {readonly header?: readonly string[]; readonly cells?: readonly string[]}
}

/**
 * The text in which a clause's value may sit. In a table row, a value belongs to its column: the cells
 * whose header matches `header`; with no such column, the rest of the row when its key cell matches `header` (a
 * transposed table), or else the cells that mention the topic. In prose, a value
 * belongs to the statement it is attached to: a window around each topic word, not crossing a ";".
 */
export function scopedText(unit: Scoped, topic: RegExp, header?: HeaderTest, globalOf: (re: RegExp) => RegExp = globalCopy): string {
  const {cells, header: heads} = unit.block
  if (cells && heads) {
    const says = header === undefined ? undefined : typeof header === 'function' ? header : (h: string) => header.test(h)
    const byHeader = says ? cells.filter((_, i) => says(heads[i] ?? '')) : []
    if (byHeader.length) return byHeader.join(' | ')
    // a transposed table, its metrics as rows ("| First response | 15 minutes | 1 hour |"): the row's key cell is the
    // header of every value in the row
    const key = cells[0] ?? ''
    // (and a row titled by its key cell in the topic's own words, "We pick up within | 8 hours | 4 hours |")
    if (cells.length > 1 && key.length <= 40 && ((says ? says(key) : false) || topic.test(key))) return cells.slice(1).join(' | ')
    return cells.filter((c) => topic.test(c)).map((c) => ownSentences(c, topic)).join(' | ')
  }
  const t = unit.text
  const g = globalOf(topic)
  const parts: string[] = []
  for (const m of t.matchAll(g)) {
    const at = m.index ?? 0
    let from = Math.max(0, at - 120)
    let to = Math.min(t.length, at + m[0].length + 110)
    // look for a ";" only inside the window (the last one at or before the match, the first one from it), so that
    // many matches in one long sentence stay linear
    for (let i = at; i >= from; i--) {
      if (t.charCodeAt(i) === SEMICOLON) {
        from = i + 1
        break
      }
    }
    for (let i = at; i < to; i++) {
      if (t.charCodeAt(i) === SEMICOLON) {
        to = i
        break
      }
    }
    parts.push(t.slice(from, to))
  }
  return parts.join(' … ')
}

const SEMICOLON = 0x3b

/** A sentence's end inside a table cell: a full stop, "!" or "?" before a capital (not "e.g. Outlook", not "2.5"). */
const CELL_SENTENCE_END = /(?<=[a-z0-9)'’"”][.!?])\s+(?=[A-Z])/

// Reading: a table cell that holds several sentences ("Tui Street answers every ticket within 2 business hours. We aim
// to resolve most issues on the same day.") is read as prose is: a value belongs to the sentence that names the topic,
// not to its neighbours in the cell
/** The sentences of a cell that name the topic (the whole cell when it is one sentence). */
function ownSentences(cell: string, topic: RegExp): string {
  if (cell.length < 60 || !CELL_SENTENCE_END.test(cell)) return cell
  const own = cell.split(CELL_SENTENCE_END).filter((s) => topic.test(s))
  return own.length ? own.join(' ') : cell
}

/**
 * A time after which a case not yet fixed or answered is escalated ("P1 tickets not resolved within 2 hours are escalated
 * to the service manager"): it sets when someone else is told, not a target to fix or answer by.
 */
export const ESCALATION_TRIGGER = /\b(?:not|un)[- ]?(?:been\s+|yet\s+)?(?:resolved|fixed|restored|repaired|responded to|acknowledged|answered|closed)\s+(?:with)?in\s+[^.;]{1,40}?\bescalat\w*/gi
// A case not yet fixed or answered by a time: "is not resolved within 4 hours", "has not been put right within one working
// day", "isn't sorted in 8 hours", "remains unresolved within a day" (the time runs to the end of its clause)
const UNMET_BY = needs(/(?:\b(?:not|never)\s+|n['\u2019]t\s+|\bun-?)(?:yet\s+)?(?:(?:been|be)\s+)?(?:resolved|fixed|restored|repaired|solved|put right|sorted(?:\s+out)?|closed|corrected|rectified|remedied|responded to|acknowledged|answered|picked up)\s+(?:with)?in\s+[^,.;:!?]{1,60}/gi)
// a word that opens a condition: "If", "Where", "When", "Should", "In the event that"
const CONDITION_OPENS = /\b(?:if|where|when|whenever|should|once|in (?:the )?(?:event|case)(?: that)?)\b/gi
// a step that tells someone: escalating, calling, writing, informing, updating
const NOTICE = /\b(?:escalat\w*|call(?:s|ed)?|phon(?:e|es|ed)|rings?|contact(?:s|ed)?|notif\w*|inform(?:s|ed)?|updat\w*|writes?|wrote|tells?|told|alert(?:s|ed)?|brief(?:s|ed)?|report(?:s|ed)?|e-?mail(?:s|ed)?|advis(?:e|es|ed)|involv(?:e|es|ed)|refer(?:s|red)?)\b/i
// a remedy for the miss, which makes the time a target after all: a credit, a refund, a right to end the agreement
const REMEDY = /\b(?:credits?|refunds?|rebates?|discounts?|compensat\w*|terminat\w*|waiv\w*|reduc\w*|penalt\w*|liquidated)\b/i

/**
 * Reading: a time by which a case not yet fixed or answered makes someone tell someone ("If a P1 is not resolved within 4
 * hours, the service manager will call you", "Where a fault has not been put right within one working day, we write to
 * your office manager", "we phone you every hour if it is not fixed within 2 hours") is the trigger of that notice, not a
 * target to fix or answer by, whatever the step's verb and wherever it stands in the sentence; a remedy for the same miss
 * ("… not resolved within 8 hours, a 5% credit applies") is not such a trigger. The text with each trigger's condition
 * blanked (offsets kept).
 */
export function withoutNoticeTriggers(text: string): string {
  if (!/\b(?:not|never|un)|n['\u2019]t\b/i.test(text)) return text
  let out = text.replace(ESCALATION_TRIGGER, (m) => ' '.repeat(m.length))
  for (const m of text.matchAll(UNMET_BY)) {
    const at = m.index ?? 0
    const end = at + m[0].length
    // the sentence around it: from the last stop before it to the next one after it
    const from = Math.max(text.lastIndexOf('.', at), text.lastIndexOf(';', at), text.lastIndexOf('?', at)) + 1
    const stop = text.slice(end).search(/[.;?!](?:\s|$)/)
    const to = stop < 0 ? text.length : end + stop
    // the condition word that opens the clause holding the unmet time (no comma between them)
    let cond = -1
    for (const c of text.slice(from, at).matchAll(CONDITION_OPENS)) if (!text.slice(from + (c.index ?? 0), at).includes(',')) cond = from + (c.index ?? 0)
    if (cond < 0) continue
    const before = text.slice(from, cond)
    // condition first ("If …, the manager calls you"): the step is the clause after its comma; step first ("we phone you
    // if …"): the clause before the condition word
    const step = text[end] === ',' ? text.slice(end + 1, to) : before
    if (!NOTICE.test(step) || REMEDY.test(step)) continue
    out = out.slice(0, cond) + ' '.repeat(end - cond) + out.slice(end)
  }
  return out
}
/** A sentence that opens by defining a term: `1.6 "Response Time" means …`, `(b) Resolution Time shall mean …` (the term is group 1). */
export const DEFINED_TERM = /^\W{0,4}(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]{1,3}\))\s+)?["“*_]*([A-Z][\w’'&/-]*(?:\s+[A-Za-z][\w’'&/-]*){0,5}?)["”*_]*\s+(?:means|shall mean|will mean|refers to|is defined as)\b/

/** The global form of a regex (matchAll copies it, so a Reading shares one per topic). */
export function globalCopy(re: RegExp): RegExp {
  return withFlags(re, re.flags.includes('g') ? re.flags : `${re.flags}g`)
}

/** A column title worded as a question or a wh-clause: "What you get", "Who does it", "When we respond". */
const WH_TITLE = /^(?:what|who|whom|which|when|where|how|why)\b/i

/**
 * A table row's text with the labels of its wh-titled columns blanked (offsets kept): such a title says what the column
 * holds ("What you get: Backups"), and a party named in it binds no one; the row binds whom its cells name.
 */
export function rowWithoutTitles(block: {readonly text: string; readonly header?: readonly string[]}): string {
  const heads = block.header
  if (!heads || !heads.some((h) => WH_TITLE.test(h.trim()))) return block.text
  let text = block.text
  let cursor = 0
  for (const h of heads) {
    const label = `${h}: `
    const at = text.indexOf(label, cursor)
    if (at < 0) continue
    if (WH_TITLE.test(h.trim())) text = text.slice(0, at) + ' '.repeat(label.length) + text.slice(at + label.length)
    cursor = at + label.length
  }
  return text
}

/**
 * A duty of effort that disclaims a result: "our duty is to try our best …, not to guarantee a result", "an obligation of
 * means, not of result". What it covers is touched and nothing is committed.
 */
export const EFFORT_NOT_RESULT = /\b(?:not|never|rather than|but not|and not)\s+(?:to\s+)?(?:guarantee|promise|warrant|ensure|achieve)\s+(?:a\s+|any\s+|the\s+|an?\s+particular\s+|particular\s+)?(?:results?|outcomes?|success)\b|\b(?:obligation|duty|commitment)\s+(?:is\s+)?(?:one\s+)?of\s+(?:means|efforts?)\b/i

// Reading: a time hedged as a habit, not promised ("We reply promptly, usually within the same working day", "our
// engineers normally reply within a day or so", "typically in 2 hours", "usually within the hour") states no time to
// meet; a hedge after a promised time ("within 2 working hours (usually much sooner)") leaves the promise standing.
const HABIT_TIME =
  /\b(?:usually|normally|typically|generally|mostly|ordinarily|as a rule|most of the time|in most cases|more often than not)(?:\s*,)?\s+(?:[a-z]+\s+){0,2}?(?:within|in|under|inside|by|on|around|about)\s+(?:the\s+|a\s+|an\s+)?(?:same|next|half|one|two|three|four|five|few|couple|\d|hour\b|day\b)[^.;,()]{0,40}|\b(?:a|an|one|\d{1,3})\s+(?:working\s+|business\s+)?(?:minutes?|hours?|days?|weeks?)\s+or\s+(?:so|thereabouts|two)\b/gi

/** The text with every time hedged as a habit blanked (offsets kept): what is left is what is promised. */
export function withoutHabit(text: string): string {
  return /\b(?:usually|normally|typically|generally|mostly|ordinarily|rule|most|more often|or so|or thereabouts|or two)\b/i.test(text) ? text.replace(HABIT_TIME, (m) => ' '.repeat(m.length)) : text
}

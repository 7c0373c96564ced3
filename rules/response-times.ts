// response-times: a time to respond, with number and unit, ideally per priority level.
import {clauseRule} from '../src/clauses.js'
import {INTRODUCES} from '../src/reading/lists.js'
import {VAGUE_TIME, indexOf} from '../src/reading/wording.js'
import {responseTimesMessages, responseTimesOptions, reviewResponseTimes} from '../src/rule-options.js'
import data from './data/clauses.json' with {type: 'json'}

const HEDGED = /\b(?:where|when|if|wherever|whenever) (?:possible|practicable|practical|feasible)\b/i

const SUPPORT = /\b(?:support|tickets?|incidents?|requests?|calls?|issues?|faults?|problems?|alerts?|P[1-5]|priority|severity|sev|emails?|voicemails?|help ?desk|service desk|outages?|notif|reported|logged|enquir|inquir|cases?)\b/i
const OTHER = /\b(?:invoices?|payment|dispute|audit|subpoena|change (?:order|request)|claims?|proposals?|indemnif|termination|notice of breach|complaints?)\b/i
const TOPIC = new RegExp(data['response-times'].topic, 'i')
const HEADER = /respon|acknowledg/i

export default clauseRule({
  id: 'response-times',
  description: 'The agreement states a time to respond, with number and unit, ideally per priority level',
  data: data['response-times'],
  messages: {
    missing: 'Missing response times; state a time to respond per priority (e.g. "P1: within 1 hour")',
    vague: 'Vague response time "{text}"; state a time per priority (e.g. "within 1 hour")',
    delegated: 'Response times are set in {target}; lint it with this agreement or state them here',
    ...responseTimesMessages,
  },
  options: responseTimesOptions,
  review: reviewResponseTimes,
  judge(unit, reader) {
    const t = unit.text
    const at = indexOf(t, TOPIC)
    const headerSaysResponse = unit.block.header?.some((h) => HEADER.test(h)) ?? false
    if (at < 0 && !unit.inHome && !headerSaysResponse) return undefined
    // "response time" names the metric; a bare "respond" needs a support context (here or in the section path)
    const metric = /\b(?:initial |first |target |guaranteed )?response (?:times?|targets?)\b/i.test(t)
    const context = SUPPORT.test(t) || SUPPORT.test(unit.block.section.path.join(' '))
    if (!unit.inHome && !headerSaysResponse && ((!metric && !context) || OTHER.test(t))) return undefined
    if (reader.party(unit, Math.max(at, 0)) === 'customer') return undefined
    const scoped = unit.inHome && at < 0 ? t : reader.reading.scoped(unit, TOPIC, HEADER)
    // "same day where possible" hedges the time away
    if (reader.reading.values(scoped).durations.length) return HEDGED.test(scoped) ? {outcome: 'vague'} : {outcome: 'present'}
    // "… within the following times:" and then a list or table of times
    if (at >= 0 && unit.next && INTRODUCES.test(t.trim()) && reader.reading.values(unit.next).durations.length) return {outcome: 'present'}
    const delegated = reader.delegated(unit, /respon|support/i)
    if (delegated) return delegated
    const vague = VAGUE_TIME.exec(t)
    if (vague && (at >= 0 || unit.inHome)) return {outcome: 'vague'}
    if (unit.inHome || /\bresponse times?\b|\brespond to\b/i.test(t)) return {outcome: 'vague'}
    return undefined
  },
})

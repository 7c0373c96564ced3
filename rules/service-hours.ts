// service-hours: business or support hours with days, clock times and a time zone.
import {clauseRule} from '../src/clauses.js'
import type {Reading} from '../src/reading/index.js'
import {indexOf} from '../src/reading/wording.js'
import {ruleOptions} from '../src/rule.js'
import type {HoursSpec} from '../src/reading/values/index.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['service-hours'].topic, 'i')
// What runs 24/7: a priority, monitoring of something, or a named service with an object.
const SCOPE_247 =
  /\b(?:P[1-4]|priority (?:[1-4]|one|two)|severity (?:[1-4]|one|two)|sev ?[1-4]|critical (?:incidents?|issues?|faults?|tickets?)|outages?)\b|\bmonitor\w*\b[^.]{0,60}\b(?:of|all|covered|managed|servers?|networks?|devices?|systems?|endpoints?|firewalls?|backups?|infrastructure)\b|\b(?:of|for|covering)\s+(?:all\s+)?(?:the\s+)?(?:covered|managed|client's|customer's|client’s|customer’s|critical|production|hosted|servers?|networks?|systems?|infrastructure)\b|\b(?:noc|network operations cent(?:re|er)|security operations|soc)\b/i

type ServiceHoursOptions = {readonly requireTimeZone: boolean}

// whether hours need a time zone
const options = ruleOptions<ServiceHoursOptions>({
  schema: {
    type: 'object',
    properties: {
      requireTimeZone: {
        type: 'boolean',
        description: 'Hours need a time zone to count as present; `false` accepts "08:00–18:00 Monday to Friday" without one (for agreements between parties in one time zone)',
      },
    },
    additionalProperties: false,
  },
  defaults: {requireTimeZone: true},
})

export default clauseRule({
  id: 'service-hours',
  description: 'The agreement states business or support hours with days, clock times and a time zone',
  data: data['service-hours'],
  messages: {
    missing: 'Missing service hours; state support days, clock times and a time zone (e.g. "08:00–18:00 Monday to Friday, UK time")',
    vague: 'Vague service hours "{text}"; {detail}',
    delegated: 'Service hours are set in {target}; lint it with this agreement or state them here',
  },
  options,
  judge(unit, reader) {
    const t = unit.text
    const at = indexOf(t, TOPIC)
    const specs = reader.reading.values(t).hours
    if (at < 0 && !unit.inHome && !specs.length) return undefined
    if (specs.some((h) => h.allDay && h.allWeek) && SCOPE_247.test(t)) return {outcome: 'present'}
    // One statement of hours may be split by a parenthesis ("8 a.m. to 6 p.m. Central Time (America/Chicago), Monday
    // through Friday"); a "Business Day" used inside it brings the days of its own definition.
    const merged = merge(specs.filter((h) => !(h.allDay && h.allWeek)))
    if (merged.from && !merged.days && /\b(?:business|working) days?\b/i.test(t)) merged.days = definedDays(reader.reading)
    if (merged.days && merged.from && merged.to && (merged.timeZone || reader.options.requireTimeZone === false)) return {outcome: 'present'}
    // "Business Day" means any day other than a Saturday, Sunday or public holiday: days, but no hours
    if (/^\W*(?:business|working) days?\W*\s+(?:means|shall mean)\b/i.test(t) && !merged.from) {
      return {outcome: 'vague', detail: 'add clock times and a time zone (e.g. "08:00–18:00 UK time")'}
    }
    if (at < 0 && !unit.inHome && !merged.from && !merged.days && !specs.some((h) => h.allDay)) return undefined
    const delegated = reader.delegated(unit, /hours|support|coverage/i)
    if (delegated) return delegated
    let detail = 'state days, clock times and a time zone'
    if (specs.some((h) => h.allDay && h.allWeek)) detail = 'say what is covered 24/7 (e.g. "monitoring of all covered servers", "P1 incidents")'
    else if (merged.from && merged.days && !merged.timeZone) detail = 'add a time zone (e.g. "UK time", "ET")'
    else if (merged.from && !merged.days) detail = 'add the days (e.g. "Monday to Friday") and a time zone'
    else if (merged.days && !merged.from) detail = 'add clock times and a time zone (e.g. "08:00–18:00 UK time")'
    else if (/business hours/i.test(t)) detail = 'define "Business Hours" with days, clock times and a time zone'
    // A mention of "business days" alone commits to no hours; only flag it when nothing better exists.
    if (at >= 0 && /\b(?:business|working) days?\b/i.test(t.slice(at, at + 14)) && !specs.length && !unit.inHome) return undefined
    return {outcome: 'vague', detail}
  },
})

interface Merged {
  days?: readonly string[] | undefined
  from?: string | undefined
  to?: string | undefined
  timeZone?: string | undefined
}

function merge(specs: readonly HoursSpec[]): Merged {
  const m: Merged = {}
  for (const h of specs) {
    m.days ??= h.days?.length ? h.days : undefined
    m.from ??= h.from
    m.to ??= h.to
    m.timeZone ??= h.timeZone
  }
  return m
}

/** Days from the document's definition of "Business Day" / "Working Day", if it has one. */
function definedDays(reading: Reading): readonly string[] | undefined {
  for (const key of ['business day', 'business days', 'working day', 'working days']) {
    const def = reading.definitions.get(key)
    if (!def) continue
    const days = reading.values(def.text).hours.find((h) => h.days?.length)?.days
    if (days) return days
    if (/\bmonday\b[^.]{0,20}\bfriday\b|\bweekdays?\b|\bother than (?:a )?saturday,? sunday\b|\bnot a saturday,? (?:a )?sunday\b|excluding saturdays?,? sundays?/i.test(def.text)) return ['mon', 'tue', 'wed', 'thu', 'fri']
  }
  return undefined
}

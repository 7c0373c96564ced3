// service-hours: business or support hours with days, clock times and a time zone.
import {clauseRule} from '../src/clauses.js'
import {indexOf, valuesOf} from '../src/judging.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['service-hours'].topic, 'i')
// What runs 24/7: a priority, monitoring of something, or a named service with an object.
const SCOPE_247 =
  /\b(?:P[1-4]|priority (?:[1-4]|one|two)|severity (?:[1-4]|one|two)|sev ?[1-4]|critical|emergenc\w*|urgent|outages?)\b|\bmonitor\w*\b[^.]{0,60}\b(?:of|all|covered|managed|servers?|networks?|devices?|systems?|endpoints?|firewalls?|backups?|infrastructure)\b|\b(?:of|for|covering)\s+(?:all\s+)?(?:the\s+)?(?:covered|managed|client's|customer's|client’s|customer’s|critical|production|hosted|servers?|networks?|systems?|infrastructure)\b|\b(?:noc|network operations cent(?:re|er)|security operations|soc)\b/i

export default clauseRule({
  id: 'service-hours',
  description: 'The agreement states business or support hours with days, clock times and a time zone',
  data: data['service-hours'],
  messages: {
    missing: 'Missing service hours; state support days, clock times and a time zone (e.g. "08:00–18:00 Monday to Friday, UK time")',
    vague: 'Vague service hours "{text}"; {detail}',
    delegated: 'Service hours are set in the {target}; lint it with this agreement or state them here',
  },
  judge(unit, reader) {
    const t = unit.text
    const at = indexOf(t, TOPIC)
    const specs = valuesOf(t).hours
    if (at < 0 && !unit.inHome && !specs.length) return undefined
    for (const h of specs) {
      if (h.allDay && h.allWeek) {
        if (SCOPE_247.test(t)) return {outcome: 'present'}
        continue
      }
      if (h.days?.length && h.from && h.to && h.timeZone) return {outcome: 'present'}
    }
    if (at < 0 && !unit.inHome && !specs.some((h) => h.from || h.days?.length || h.allDay)) return undefined
    const delegated = reader.delegated(unit, /hours|support|coverage/i)
    if (delegated) return delegated
    const h = specs[0]
    let detail = 'state days, clock times and a time zone'
    if (h?.allDay && h.allWeek) detail = 'say what is covered 24/7 (e.g. "monitoring of all covered servers", "P1 incidents")'
    else if (h?.from && h.days?.length && !h.timeZone) detail = 'add a time zone (e.g. "UK time", "ET")'
    else if (h?.from && !h.days?.length) detail = 'add the days (e.g. "Monday to Friday") and a time zone'
    else if (h?.days?.length && !h.from) detail = 'add clock times and a time zone (e.g. "08:00–18:00 UK time")'
    else if (/business hours/i.test(t)) detail = 'define "Business Hours" with days, clock times and a time zone'
    // A mention of "business days" alone commits to no hours; only flag it when nothing better exists.
    if (at >= 0 && /\b(?:business|working) days?\b/i.test(t.slice(at, at + 14)) && !specs.length && !unit.inHome) return undefined
    return {outcome: 'vague', detail}
  },
})

// service-hours: business or support hours with days, clock times and a time zone.
import {needs} from '../src/text.js'
import {clauseRule} from '../src/clauses.js'
import type {Reading} from '../src/reading/index.js'
import type {Block} from '../src/types.js'
import {presentOnDays} from '../src/reading/reach.js'
import {indexOf} from '../src/reading/wording.js'
import {ruleOptions} from '../src/rule.js'
import {mayHold, zoneIn, type HoursSpec, type Weekday} from '../src/reading/values/index.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['service-hours'].topic, 'i')
// Reading: days and clock times under a title or a run-in label of out-of-hours work ("**After hours.** Between 6 p.m. and
// midnight Eastern Time on weekdays, … we answer Critical Incidents at $180 per hour", "## Evenings and weekends") are the
// hours of that cover, not the hours the service is given in, unless the sentence names the service's hours itself ("Our
// support hours are …; outside them …") or the title is also a home of the service's hours
const OUT_OF_HOURS_TITLE = new RegExp(data['after-hours-support'].headings.map((h) => `(?:${h})`).join('|'), 'i')
// (a title that names the service's hours too, "Support hours and after-hours work", titles both)
const SERVICE_HOURS_TITLE = new RegExp(data['service-hours'].headings.map((h) => `(?:${h})`).join('|'), 'i')
const HOURS_NAMED = /\b(?:business|support|service|office|working|operating|normal|standard|help ?desk|service desk|core|opening) hours\b|\bhours of (?:coverage|support|service|operation|cover)\b/i
// What runs 24/7: a priority, monitoring of something, or a named service with an object.
const SCOPE_247 =
  /\b(?:P[1-4]|priority (?:[1-4]|one|two)|severity (?:[1-4]|one|two)|sev ?[1-4]|critical (?:incidents?|issues?|faults?|tickets?)|outages?)\b|\bmonitor\w*\b[^.]{0,60}\b(?:of|all|covered|managed|servers?|networks?|devices?|systems?|endpoints?|firewalls?|backups?|infrastructure)\b|\b(?:of|for|covering)\s+(?:all\s+)?(?:the\s+)?(?:covered|managed|client's|customer's|client’s|customer’s|critical|production|hosted|servers?|networks?|systems?|infrastructure)\b|\b(?:noc|network operations cent(?:re|er)|security operations|soc)\b/i

const PRIORITY_247 = /\b(?:P[1-4]|priority (?:[1-4]|one|two)|severity (?:[1-4]|one|two)|sev ?[1-4]|critical (?:incidents?|issues?|faults?|tickets?)|outages?)\b/i
const OBJECT_247 = /\bmonitor\w*\b|\b(?:noc|network operations cent(?:re|er)|security operations|soc)\b|\b(?:all|every) (?:requests?|tickets?|incidents?|calls?|priorit\w*)\b/i
/** A scheduled task, whose days and times are not the service's hours. */
const TASK = /\b(?:reports?|backups?|back(?:ed)? up|maintenance|patch\w*|scans?|jobs?|updates?|meetings?|reviews?|snapshots?|invoices?|newsletters?)\b[^.]{0,40}\b(?:generated|run|runs|sent|issued|held|taken|applied|performed|scheduled|produced|delivered|occurs?|e-?mailed|mailed|posted|uploaded|published)\b/i
// Reading: days and clock times said of a scheduled job are the job's timetable, not the service's hours, whether the job
// is named by its noun or by its verb said of the thing it is done to ("the file server is snapshotted every hour from
// 6:00 to 21:00", "mailboxes get copied offsite nightly", "workstations are patched on Tuesdays 22:00–02:00") or by the
// title of the section the sentence stands in ("Backups", "Patching", "Reporting")
const TASK_DONE = /\b(?:is|are|was|were|gets?|getting|be|being|been)\s+(?:\w+\s+)?(?:backed[- ]up|snapshot(?:ted)?|copied|replicated|synced|synchroni[sz]ed|mirrored|archived|patched|scanned|rebooted|restarted|exported|imaged|vaulted)\b/i
// Reading: days and clock times given for a job, by purpose ("for maintenance", "reserved for patching") or as its window
// ("the maintenance window", "patch slot"), are that job's timetable wherever they stand
const TASK_FOR = needs(/\b(?:for|reserved for|set aside for|kept for|used for)\s+(?:(?:planned|scheduled|routine|system|server)\s+)?(?:maintenance|patch(?:es|ing)?|updates|upgrades|reboots)\b|\b(?:maintenance|patch(?:ing)?|update|upgrade)\s+(?:windows?|slots?|periods?)\b/i)
const TASK_TITLE = /\b(?:backups?|back-?ups?|backing up|snapshots?|patch(?:ing|es)?|patch management|updates?|updating|reports?|reporting|replication|archiv(?:e|es|ing))\b/i
// Reading: days and clock times given for maintenance ("Maintenance window: Sundays, 1:00 a.m. to 5:00 a.m. Mountain
// Time", "Planned maintenance — every second Saturday, 07:00 to 11:00 UK time", "Scheduled downtime: first Sunday,
// 06:00–08:00") are when the systems are worked on or down, not the hours support is given in, whether the sentence names
// the maintenance or the title or run-in label over it does (not a maintenance contract's own service: "maintenance is
// provided Monday to Friday", nor a title that names support beside it)
const MAINTENANCE = /\b(?:maintenance|downtime|outage|change|patch(?:ing)?|update|upgrade)\s+windows?\b|\b(?:planned|scheduled|routine|preventive|preventative)\s+(?:maintenance|downtime|outages?|works)\b/i
/** A section titled by a maintenance window or planned maintenance ("3.2 Maintenance window", "Planned maintenance"). */
function maintenanceSection(unit: {block: {section: {path: readonly string[]}}}): boolean {
  const title = unit.block.section.path[unit.block.section.path.length - 1] ?? ''
  return MAINTENANCE.test(title) && !SUPPORT.test(title)
}
/** A window named for the service or its desk: "Service Window", "cover window", "Helpdesk Window". */
const WINDOW_NAME = needs(/\b(?:service|support|coverage|cover|help ?desk|service desk) windows?\b/gi)
/** Every window the sentence names is one the agreement defines as a time for maintenance or another job, not support. */
function maintenanceWindow(text: string, reading: Reading): boolean {
  let any = false
  for (const m of text.matchAll(WINDOW_NAME)) {
    const def = reading.definitions.get(reading.termKey(m[0]))
    if (!def || !(MAINTENANCE.test(def.text) || TASK.test(def.text) || TASK_FOR.test(def.text)) || SUPPORT.test(def.text)) return false
    any = true
  }
  return any
}
/** A title that speaks of when something is done or open: a job's title with it may title the hours too. */
const HOURS_TITLE = /\b(?:hours?|times?|schedule|when|availability|window)\b/i
/** A section titled by a scheduled job alone ("3. Backups", "Patch management"), not by support beside it. */
function taskSection(unit: {block: {section: {title?: string; path: readonly string[]}}}): boolean {
  const title = unit.block.section.path[unit.block.section.path.length - 1] ?? ''
  return TASK_TITLE.test(title) && !SUPPORT.test(title) && !HOURS_TITLE.test(title)
}
// (and the words translated agreements use for support: "the assistance is provided", "the attention is provided"; not
// "for the attention of" someone, which addresses a notice)
const SUPPORT = /(?<!\bfor the )\battention\b(?! of\b)|\b(?:assistance|support|help ?desk|service desk|staffed|open|available|availability|answer\w*|calls?|ring|phone|tickets?|requests?|reach|contact|cover(?:ed|age)?|engineers?|technicians?)\b/i
/** Days and times of an activity other than the service: deliveries, collections, access to premises, parking. */
// (and the hours at which notices are served or deemed received, which address a party, not support)
const ELSEWHERE =
  /\bnotices?\b[^.]{0,30}\b(?:delivered|given|served|sent|received|deemed)\b|\b(?:deliver(?:y|ies)|collections?|pick-?ups?|shipments?|shipped|couriers?|loading (?:bay|dock)|warehouse|(?:site|building|premises) access|access to (?:the |its |their |our )?(?:site|premises|building|offices?)|parking|visitors?|canteen|reception desk)\b/i

/**
 * Days given with one moment in them ("every Mon–Fri at 07:00", "each weekday at 6 am") time an event that recurs, not a
 * span of hours in which a service is there: `true` when every stated day range is followed by a single clock time.
 */
const EVERY_BEFORE = /\b(?:every|each)\s+(?:single\s+)?$/i
const MOMENT_AFTER = /^\s*,?\s*(?:at|@)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h(?:rs)?\b)?(?!\s*(?:[-–—]|to\b|until\b|till\b|through\b|and\b)\s*\d)/i
/** The words of a service being there: open, staffed, answered, supported. */
const THERE = /\b(?:open\w*|staffed|available|availability|answer\w*|support\w*|help ?desk|service desk|attend\w*|on[- ]call|on[- ]site|reach\w*|contact\w*|cover(?:ed|age)?|engineers?|technicians?|we(?:'re|’re| are) (?:in|around|here))\b/i
function recurringMoment(text: string, specs: readonly HoursSpec[]): boolean {
  return specs.length > 0 && specs.every((h) => !h.from && !h.allDay && !!h.days?.length && EVERY_BEFORE.test(text.slice(Math.max(0, h.start - 20), h.start)) && MOMENT_AFTER.test(text.slice(h.end)))
}

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

// A window of clock times hedged as approximate: "roughly 8 till 6", "about 9 to 5", "around 08:00–18:00", "8-ish"
const APPROXIMATE = needs(/\b(?:roughly|around|about|approximately|approx\.|more or less|give or take)\s+(?:from\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:till|til|until|to|through|-|–|—)|\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?-?ish\b/i)

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
  // a statement of days and clock times is about hours whatever its wording: "Any weekday from 8 until 6."
  // and someone's presence put on named weekdays ("our technician is in on Mondays and Fridays")
  // and days with a clock window hedged as approximate ("Monday to Saturday, roughly 8 till 6")
  mentionsReads: 'text',
  mentions(text, reader) {
    return (mayHold.hours(text) && reader.reading.values(text).hours.some((h) => (h.from !== undefined || APPROXIMATE.test(text)) && (h.days?.length || h.allWeek))) || presentOnDays(text) >= 0
  },
  judge(unit, reader) {
    const t = unit.text
    const named = indexOf(t, TOPIC)
    const on = named >= 0 ? -1 : presentOnDays(t)
    const at = named >= 0 ? named : on >= 0 && reader.party(unit, on) !== 'customer' ? on : -1
    const specs = reader.reading.values(t).hours
    if (at < 0 && !unit.inHome && !specs.length) return undefined
    if (!unit.inHome && !HOURS_NAMED.test(t) && outOfHoursTitled(unit.block, reader.reading)) return undefined
    // Reading: an availability or uptime percentage is a performance target; the days, clock times or 24/7 in its
    // sentence are the period it is measured over or a maintenance window it leaves out, not the hours support is given in
    if (UPTIME_SHARE.test(t) && !SUPPORT_GIVEN.test(t)) return undefined
    // days and times that schedule a task ("a weekly report is generated Monday to Friday at 06:00", "backups run
    // nightly at 23:00") are not the hours of the service
    if (!unit.inHome && (TASK.test(t) || TASK_DONE.test(t) || taskSection(unit) || MAINTENANCE.test(t) || maintenanceSection(unit)) && !SUPPORT.test(t)) return undefined
    // nor do days and times the sentence gives for a job ("Saturdays 22:00-02:00 for maintenance", "Sunday 01:00-05:00
    // reserved for patching", "the maintenance window is Tuesday 22:00-23:00"), in a home of hours too
    if (TASK_FOR.test(t) && !SUPPORT.test(t)) return undefined
    // Reading: a window named for the service ("the Service Window", "the cover window") is the hours the service is given
    // in, as "Support Hours" are; but a window the agreement defines as a time for maintenance or another job ("'Service
    // Window' means Sunday 01:00 to 05:00, during which the Provider may carry out planned maintenance") is that job's
    // timetable wherever it is named (a title "Service Window(s)" alone makes no home of hours: hosting terms so title
    // their maintenance slots)
    if (maintenanceWindow(t, reader.reading)) return undefined
    // nor do days with one moment in them, when nothing in the sentence says a service is there ("Reports: ticket
    // summary every Mon–Fri at 07:00"): an event's schedule
    if (!unit.inHome && recurringMoment(t, specs) && !THERE.test(t)) return undefined
    // nor do the days and times of another activity ("deliveries are accepted 7:00 to 15:00, Monday to Friday")
    if (!unit.inHome && ELSEWHERE.test(t) && !SUPPORT.test(t.replace(ELSEWHERE, ' '))) return undefined
    // days and clock times reached without the vocabulary of hours ("Any weekday from 8 until 6.") are the service's
    // hours only where the sentence or its section speaks of support or of reaching the provider
    // (or where the provider says it is there in those hours: "I'm around Monday to Saturday, roughly 8 till 6")
    if (at < 0 && !unit.inHome && !SUPPORT.test(t) && !PRESENT.test(t) && !SUPPORT.test(unit.block.section.path.join(' '))) return undefined
    // round-the-clock monitoring is the service's hours only when the agreement speaks of no hours of support beside
    // it: beside a help desk, or requests answered in business hours, it is another subject ("the NOC monitors the
    // servers 24/7" says nothing of when support requests are answered)
    if (specs.some((h) => h.allDay && h.allWeek) && MONITORING_247.test(t) && !PRIORITY_247.test(t) && !ALL_REQUESTS.test(t) && supportHoursBeside(unit.block, reader.reading)) return undefined
    if (specs.some((h) => h.allDay && h.allWeek) && SCOPE_247.test(t)) {
      // 24/7 for one priority settles that priority's hours; the others still run in hours that need defining (a
      // statement of them found anywhere outranks this)
      const rest = merge(specs.filter((h) => !(h.allDay && h.allWeek)))
      const restComplete = rest.days && rest.from && rest.to && (rest.timeZone || reader.options['requireTimeZone'] === false)
      return PRIORITY_247.test(t) && !OBJECT_247.test(t) && !restComplete ? {outcome: 'vague', detail: 'state the hours that apply outside that priority: days, clock times and a time zone'} : {outcome: 'present'}
    }
    // One statement of hours may be split by a parenthesis ("8 a.m. to 6 p.m. Central Time (America/Chicago), Monday
    // through Friday"); a "Business Day" used inside it brings the days of its own definition.
    const merged = merge(specs.filter((h) => !(h.allDay && h.allWeek)))
    if (merged.from && !merged.days && /\b(?:business|working) days?\b/i.test(t)) merged.days = definedDays(reader.reading)
    // clock times offered as options in a slot still to be chosen ("[8:00 a.m. to 5:00 p.m. / 9:00 a.m. to 6:00 p.m.]")
    // commit to no hours, whatever days and zone surround them
    if (merged.from && SLOT_CHOICE.test(t)) return {outcome: 'vague', detail: 'choose the clock times: the hours are still options in a slot to fill'}
    // clock times given as an approximate window ("roughly 8 till 6", "about 9 to 5", "8-ish") commit to no hours
    // (with days beside it, the window still states when the provider is there: "Monday to Saturday, roughly 8 till 6")
    if ((merged.from || merged.days) && APPROXIMATE.test(t)) return {outcome: 'vague', detail: 'state exact clock times (e.g. "08:00–18:00"), not an approximate window'}
    // (a zone the agreement sets for all its times, "All times in this Contract are Pacific Time", is the zone of hours
    // stated without one)
    if (merged.days && merged.from && merged.to && (merged.timeZone || reader.options.requireTimeZone === false || documentZone(reader.reading) !== undefined || definedZoneIn(t, reader.reading) !== undefined)) return {outcome: 'present'}
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
    else if (merged.from && !merged.days) detail = merged.timeZone ? 'add the days (e.g. "Monday to Friday")' : 'add the days (e.g. "Monday to Friday") and a time zone'
    else if (merged.days && !merged.from) detail = 'add clock times and a time zone (e.g. "08:00–18:00 UK time")'
    else if (/business hours/i.test(t)) detail = 'define "Business Hours" with days, clock times and a time zone'
    // A mention of "business days" alone commits to no hours. A clock that runs in business or working days or hours
    // ("within 2 working days (CET)") uses hours the agreement must define: vague when nothing better exists (any
    // statement of the hours found later outranks it).
    if (at >= 0 && /\b(?:business|working) days?\b/i.test(t.slice(at, at + 14)) && !specs.length && !unit.inHome) {
      // (a clock that times selling, billing or delivering, "We answer sales e-mails within one business day", "Invoices
      // are paid within 10 working days", runs on no support hours)
      if (COMMERCE.test(t) && !SUPPORT_WORK.test(t)) return undefined
      // (nor does a clock that times the hand-over when the agreement ends, "When it ends, we'll give you all your
      // passwords and records within 10 working days", "On termination the Supplier returns the Customer's data within 5
      // business days": a deadline at the agreement's end, not a time to answer support)
      if (AT_THE_END.test(t) && HANDED_OVER.test(t) && !SUPPORT_WORK.test(t)) return undefined
      // (nor does a clock that times what the customer does ahead of the work, "The Client shall submit each change at
      // least 2 business days ahead", "with 5 working days' notice from the Customer": a lead time of the customer's)
      if (LEAD_TIME.test(t.slice(Math.max(0, at - 30), at + 60)) && (reader.party(unit, at) === 'customer' || customerGives(t, reader.reading))) return undefined
      return CLOCK.test(t) && !definesHours(reader.reading) ? {outcome: 'vague', detail: 'define the business days and hours this clock runs on: days, clock times and a time zone'} : undefined
    }
    return {outcome: 'vague', detail}
  },
})

/** Is the block titled, by its run-in label or its own section's title, as out-of-hours work (see OUT_OF_HOURS_TITLE)? */
function outOfHoursTitled(block: Block, reading: Reading): boolean {
  const label = reading.leadLabel(block)
  const outOfHours = (title: string): boolean => OUT_OF_HOURS_TITLE.test(title) && !SERVICE_HOURS_TITLE.test(title)
  return (label !== undefined && outOfHours(label)) || (block.section.kind !== 'root' && outOfHours(block.section.title))
}

/** What a business-day clock may time besides support: selling, billing, paying, quoting, ordering, delivering. */
const COMMERCE = /\b(?:sales|invoices?|invoiced|billing|bills?|payments?|paid|payable|quotes?|quotations?|orders?|deliver(?:y|ies|ed)|shipp\w+|refunds?|credit notes?|accounts (?:team|department))\b/i
// Reading: a clock set for what is handed over when the agreement ends (passwords, records, data, equipment returned or
// given on its end, expiry or termination) runs on no support hours
const AT_THE_END = /\b(?:when|once|after|on|upon|at)\s+(?:it|this agreement|the agreement|this contract|the contract|the services?)\s+(?:ends?|expires?|terminates?|is terminated|is ended|comes to an end)\b|\b(?:on|upon|after|following|at)\s+(?:the\s+)?(?:termination|expiry|expiration|end)\b/i
const HANDED_OVER = /\b(?:return\w*|hand(?:s|ed|ing)?\s+(?:over|back)|give|gives|transfer\w*|deliver|delivers|provide|provides|release|releases)\b/i
/** A time counted ahead of something: "at least 2 business days ahead", "in advance", "5 working days' notice". */
const LEAD_TIME = /\b(?:ahead|in advance|beforehand|prior (?:to|notice)|notice)\b|\bbefore (?:the|a|any|each|it|they|work)\b/i
/** The notice is the customer's: "notice from the Client", "the Customer gives … notice", "you must give … notice". */
function customerGives(text: string, reading: Reading): boolean {
  const m = /\bnotice\b[^.;]{0,20}?\b(?:from|by|of)\s+((?:the\s+)?[\w&'’.-]+(?:\s+[\w&'’.-]+)?)|((?:the\s+)?[\w&'’.-]+(?:\s+[\w&'’.-]+)?)\s+(?:must |shall |will |should )?(?:give|gives|giving|provides?)\s+(?:at least\s+|no less than\s+)?[^.;]{0,30}?\bnotice\b/i.exec(text)
  const who = m?.[1] ?? m?.[2]
  return who !== undefined && (/^you$/i.test(who) || reading.firstParty(who) === 'customer')
}
/** Words of support work, which put a clock back on the support hours: tickets, faults, incidents, the help desk. */
const SUPPORT_WORK = /\b(?:support|tickets?|incidents?|faults?|issues?|problems?|help ?desk|service desk|engineers?|technicians?|repairs?|fix\w*|P[1-5]|priority|severity)\b/i

/** The provider speaking of itself as there to be reached on days: "I'm around Monday to Saturday", "we are available weekdays". */
// (the days straight after: "I'm around the corner" is no one's hours)
const PRESENT = /\b(?:I|we)(?:['’]m|['’]re| am| are)\s+(?:around|available|reachable|on call|on duty|in the office)\s+(?:(?:on|every|from)\s+)?(?:mon|tue|wed|thu|fri|sat|sun|week)/i

/** A slot whose options are clock times: "[8:00 a.m. to 5:00 p.m. / 9:00 a.m. to 6:00 p.m.]", "[08:00 / 09:00]". */
const SLOT_CHOICE = /\[[^\][/\n]{0,30}?(?:\d{1,2}[:.]\d{2}|\b\d{1,2}\s?(?:a\.?m\b\.?|p\.?m\b\.?))[^\][/\n]{0,40}\/[^\][\n]{0,80}\]/i

/** A system's availability or uptime held to a percentage: "available 99.9% of the time", "99.5% uptime". */
const UPTIME_SHARE = needs(/\b(?:availab(?:le|ility)|uptime|up-time)\b[^.;]{0,60}?\b\d{2,3}(?:\.\d{1,3})?\s?(?:%|per ?cent\b)|\b\d{2,3}(?:\.\d{1,3})?\s?(?:%|per ?cent\b)\s+(?:[\w-]+\s+){0,2}?(?:availability|uptime|up-time)\b/i)
/** Words of support given by people (SUPPORT without the words a system's availability shares with it). */
const SUPPORT_GIVEN = /(?<!\bfor the )\battention\b(?! of\b)|\b(?:assistance|support|help ?desk|service desk|staffed|answer\w*|calls?|ring|phone|tickets?|requests?|reach|contact|engineers?|technicians?)\b/i

/** Work that watches systems rather than answers people: monitoring, a NOC or SOC. */
const MONITORING_247 = /\bmonitor\w*\b|\b(?:noc|network operations cent(?:re|er)|security operations|soc)\b/i
/** Round-the-clock cover for every request, which is support itself. */
// (and cover given for all the services, "staffed 24 hours a day, 7 days a week, for all services in clause 2.1": the
// service as a whole, not a watch on systems)
const ALL_REQUESTS = /\b(?:all|every|any) (?:requests?|tickets?|incidents?|calls?|priorit\w*)\b|\b(?:for|covering) (?:all|every one|each) (?:of )?(?:the )?services\b|\b(?:help ?desk|service desk|support)\b[^.]{0,40}\b(?:staffed|answer\w*|open|available)\b/i
/** Words by which an agreement speaks of the hours its support is given in, outside a statement of monitoring. */
const SUPPORT_HOURS_WORDS = ['business hours', 'support hours', 'working hours', 'office hours', 'business day', 'working day', 'help desk', 'helpdesk', 'service desk']

/** Does another block of the document speak of the hours of support (business hours, a help desk)? */
function supportHoursBeside(block: Block, reading: Reading): boolean {
  const i = reading.blockIndex(block)
  reading.prose.find(SUPPORT_HOURS_WORDS)
  return SUPPORT_HOURS_WORDS.some((w) => reading.blocksWith(w).some((j) => j !== i))
}

/** A time measured on a business clock: "within 2 working days", "1 business day (SAST)", "next business day". */
const CLOCK = /\b(?:\d+(?:\.\d+)?|one|two|three|four|five|next|following)\s+(?:full\s+)?(?:business|working)\s+(?:days?|hours?)\b/i

// Reading: a sentence that sets one time zone for every time of the agreement ("All times in this Contract are Pacific
// Time", "Any time stated here is UK time") gives that zone to hours stated without one
/** All times of the agreement put in a zone: "All times … are", "Any time stated here is", "times refer to". */
const ALL_TIMES = /\b(?:all|any|every)\s+(?:clock\s+)?times?\b[^.;]{0,50}?\b(?:are|is|refers? to|shall be|means?)\b/i
const ZONE_KEY = {name: 'service-hours: the time zone set for all the agreement\'s times'}

/** The time zone the agreement sets for all its times, if it does. Once per document. */
function documentZone(reading: Reading): string | undefined {
  return reading.own(ZONE_KEY, () => {
    const blocks = reading.doc.blocks
    for (let i = 0; i < blocks.length; i++) {
      const lower = reading.prose.lower(i)
      if (!lower.includes('time')) continue
      for (const s of blocks[i]!.sentences) {
        const m = ALL_TIMES.exec(s.text)
        if (!m) continue
        const zone = zoneIn(s.text.slice(m.index + m[0].length))
        if (zone !== undefined) return zone
      }
    }
    return undefined
  })
}

// Reading: a term for a time that the agreement defines by a zone or an offset ('"Morocco time" means the legal time of
// Morocco, which is GMT+1 …', '"Site Time" means Europe/Lisbon time') is that zone wherever hours are stated in it; a term
// for anything else whose definition holds a zone ('"Business Hours" means 8–6 UK time') gives no zone to other hours
const ZONES_KEY = {name: 'service-hours: the terms for a time the agreement defines by a zone'}
const TIME_TERM = /^[\p{L}][\p{L} .'’-]{0,30}\btime$/iu

/** The zone of a term for a time, defined by its zone in the agreement, that the text states its hours in. */
function definedZoneIn(text: string, reading: Reading): string | undefined {
  const terms = reading.own(ZONES_KEY, () => {
    const found: [RegExp, string][] = []
    for (const [term, def] of reading.definitions) {
      if (!TIME_TERM.test(term) || /\b(?:response|resolution|restore|restoration|fix|repair|down|up|lead|travel|turnaround|wait(?:ing)?|business|working|office|support)\s+time$/i.test(term)) continue
      const zone = zoneIn(def.text)
      if (zone !== undefined) found.push([new RegExp(`(?<![\\p{L}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}])`, 'iu'), zone])
    }
    return found
  })
  return terms.find(([term]) => term.test(text))?.[1]
}

/** Does the document define its business or working days or hours (a definition, whatever it says)? */
function definesHours(reading: Reading): boolean {
  const defined = reading.definitions
  return ['business day', 'business days', 'working day', 'working days', 'business hours', 'working hours'].some((k) => defined.has(k))
}

const EVERY_DAY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

interface Merged {
  days?: readonly string[] | undefined
  from?: string | undefined
  to?: string | undefined
  timeZone?: string | undefined
}

function merge(specs: readonly HoursSpec[]): Merged {
  const m: Merged = {}
  for (const h of specs) {
    // "every day", "daily", "seven days a week": all seven days
    m.days ??= h.days?.length ? h.days : h.allWeek ? EVERY_DAY : undefined
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

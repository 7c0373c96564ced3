// resolution-times: how fast a failure or disaster is fixed or service restored (resolution/restore targets, RTO).
import {needs} from '../src/text.js'
import {clauseRule, keptTimedJudgement, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import {describesDocument} from '../src/reading/delegation.js'
import type {Party, Reading} from '../src/reading/index.js'
import type {Pointer} from '../src/reading/pointers.js'
import type {Values} from '../src/reading/values/index.js'
import {INTRODUCES} from '../src/reading/lists.js'
import {VAGUE_TIME, columnMeasure, indexOf, withoutHabit, withoutNoticeTriggers} from '../src/reading/wording.js'
import type {Block} from '../src/types.js'
import responseTimes from './response-times.js'
import data from './data/clauses.json' with {type: 'json'}

// a hedge closing a clause makes a stated time optional: "where possible", "where we can." (not "if we can fix it remotely")
const HEDGED = needs(/\b(?:where|when|if|wherever|whenever) (?:possible|practicable|practical|feasible)\b|\b(?:where|wherever|when|whenever|if) (?:we|it) (?:can|are able|is able)(?=\s*(?:[.,;:!)]|$))|\baspires? to\b|\b(?:will|shall) try to\b|\bhopes? to\b/i)
const DISCLAIMED = needs(/\b(?:does not|do not|doesn't|don't|cannot|can't|makes? no|gives? no) (?:warrant\w*|guarantee\w*|promise|represent\w*)\b/i)
// Restoration in plain words, which needs no incident named: "aim to have you working within 4 hours"
// ("have your project files available again within a day": what was lost, usable again)
const RESTORE_PLAIN = /\b(?:have|get)\s+(?:you|them|it|everyone|the \w+)\s+(?:back\s+)?(?:working|running|up and running|online)\b|\bback (?:up and running|online|in service|in business)\b|\b(?:working|running) again\b|\bget\s+(?:it|them|the \w+)\s+back\s+up\b|\b(?:have|get)\s+(?:you|them|it|everyone|(?:the|your)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:available|working|running|usable)\s+again\b/i
// A commitment of effort with no time: "Fixes: Kestrel works each P1 until it is fixed"
const EFFORT_ONLY = /^\W*(?:fix(?:es)?|resolution|restor\w*|repairs?)\s*:|\bworks? (?:on )?(?:each|every|the|all|any)?\s*(?:P[1-5]|priority \w+|incidents?|critical \w+)\b[^.]{0,30}\buntil\b/i

// A fix promised by its speed, with no number: a verb of fixing (not a kind of work named by it: "break-fix jobs") and a
// word of speed or effort in the same clause (closing a ticket or a request is fixing it: "we close tickets quickly")
// ("put right", "sorted on the first call": everyday words of fixing, and a fix promised at the first contact; efforts
// toward a fix, as translations put it: "its best efforts toward the early recovery of the function")
const FIX_SPEED =
  /(?:(?<![-\w])(?:fix|repair|sort|solve|resolve|restore|contain|remediate)(?:e?s|e?d|ing)?|(?<![-\w])clos(?:e|es|ed|ing)\s+(?:(?:the|a|an|each|every|all|your|any|most)\s+)?(?:tickets?|requests?|incidents?|cases?|calls?)|\bput(?:s|ting)? (?:(?:it|them|things|the \w+) )?right|\brectif(?:y|ies|ied|ying)|\bremed(?:y|ies|ied|ying)|\bset(?:s|ting)? right)\b[^.;:,]{0,60}\b(?:fast|quickly|promptly|swiftly|rapidly|straight away|right away|(?:on )?the same day|same[- ]day|as soon as (?:reasonably )?(?:possible|practicable|practical|feasible|we can|I can|they can|he can|she can)|asap|a\.s\.a\.p\.?|without (?:undue )?delay|in a timely (?:manner|fashion)|expeditiously|within a reasonable (?:time|period)|best[- ]efforts?|reasonable (?:efforts?|endeavou?rs)|(?:on|at|during) the (?:first|same) (?:call|visit|attempt)|first[- ]time|timeously)\b|\b(?:best[- ]efforts?|reasonable (?:efforts?|endeavou?rs)) (?:to|toward|towards|for) (?:the )?(?:(?:early|prompt|speedy|swift|quick|rapid) )?(?:fix|repair|resolve|restore|contain|remediate|recover|recovery|restoration|resolution)\b/i

// How long a fix takes, asked or answered in plain words ("How long a repair takes depends on the fault", "how long it
// takes to fix"), and fix targets named as such ("fix targets stay as set out in the Agreement"): the clause, measured or not
const HOW_LONG = /\bhow long (?:(?:a|the|each|any|your|it|they|this|that)\s+)?(?:[\w-]+\s+)?(?:repairs?|fix(?:es)?|resolutions?|restor\w*|takes? to (?:fix|repair|resolve|restore|sort))\b|(?<![\w-])(?:fix|repair) targets?\b/i

// Work kept up on a fault until the customer can work again, with no time: "an engineer working on them without a
// break until the clinic can book again"
const WORKED_UNTIL = needs(/\bwork(?:s|ing|ed)? on (?:it|them|each (?:one|fault|incident|ticket)|(?:the|every|your) (?:\w+ )?(?:faults?|issues?|problems?|incidents?|outages?))\b[^.;]{0,50}\buntil\b/i)

// Reading: a promise to fix cases with no time ("The Provider shall resolve any and all issues reported", "We'll fix it",
// "We aim to resolve most issues on the same day") states the clause without a measure: vague, never missing
const PROMISED_FIX = /\b(?:will|shall|must|(?:aims?|undertakes?|agrees?|commits?|promises?|tr(?:y|ies)|endeavou?rs?) to|we['’]ll|I['’]ll)\s+(?:[a-z]+\s+){0,2}?(?:resolve|fix|repair|restore|rectify|remedy|solve|sort out|put right)\s+(?:(?:the|a|an|any|and|all|each|every|most|your|such|reported)\s+){0,4}(?:[\w-]+\s+)?(?:issues?|incidents?|faults?|problems?|failures?|outages?|errors?|defects?|malfunctions?|breakdowns?|tickets?|it|them)\b/i

// Reading: faults said to be fixed, in the passive, with no time ("Malfunctions are remedied in line with good industry
// practice", "Faults are removed by the Contractor") state the clause without a measure: vague, as "we will fix faults" is
const FIXED_PASSIVE = /\b(?:errors?|defects?|faults?|incidents?|issues?|problems?|disruptions?|malfunctions?|breakdowns?|failures?)\b[^.;]{0,60}\b(?:are|is|will be|shall be)\s+(?:corrected|fixed|repaired|resolved|restored|rectified|remedied|set right|cleared|eliminated|removed)\b/i
// Reading: a fix promised as work sold on its own terms ("we will repair them only on a separate quote", "we'll fix it at our
// hourly rate") says how that work is bought, not how fast anything is fixed, as a fix said to be charged does
const SOLD_WORK = /\b(?:(?:separate|own|written)\s+quot(?:e|ation)|on (?:a |our |your )?quot(?:e|ation)|billed|invoiced|chargeable|charged (?:at|by|separately)|at (?:our|the|its|their) (?:hourly|standard|usual|normal|current) rates?)\b/i
/** A charge for the work, which makes a sentence about fixing one about money: "faults the Client causes are fixed at its cost". */
const CHARGED = /\b(?:cost|costs|charged?|charges|billed|invoiced|fees?|expense|rates?|price[ds]?|free of charge)\b/i

// An explicit non-commitment on how long a fix takes: "we do not commit to a fix time", "no target is given"
const NO_COMMITMENT = /\b(?:no|not commit to an?|not give an?|cannot give an?|can't give an?|without an?) (?:fix|repair|resolution|restor(?:e|ation)|recovery) (?:times?|targets?|deadlines?)\b|\bno (?:target|time limit|deadline) is (?:given|set|offered|committed)\b/i

// Reading: a deadline counted from a notice, set as the condition of what follows ("If the issue is not fixed within 30
// days of that notice, the devices are removed from the fixed fee", "Where the breach is not remedied within 14 days of
// written notice, …"), is a cure period for a breach or a shortfall, not a target for fixing failures, unless the
// provider is the one that fails to fix ("If the Supplier has not corrected the defect within 30 days of notice, …")
const CURE_PERIOD = needs(/\b(?:if|where|unless|should|in case|in the event that)\b([^.;]{0,100}?)\b(?:not|n['’]t|never)\s+(?:been\s+|be\s+)?(?:[a-z]+ly\s+)?(?:fixed|remedied|cured|corrected|rectified|resolved|addressed|put right|sorted(?: out)?|brought into (?:line|compliance))\s+(?:with)?in\s+[^.;]{0,30}?\b(?:of|after|from|following)\s+(?:(?:that|the|such|this|our|its|their|a|written|formal|receipt of|receiving|being given|the date of)\s+)*(?:written\s+)?notice\b/i)
// Reading: a sentence that opens on the customer's failing a duty and says what follows for it ("If the Client does not
// meet section 7.1, the Provider may … bill work on them at Rate Card rates until the issue is corrected, after giving 10
// Business Days' notice", "Where you fail to keep the server room cool, the targets do not apply until it is put right")
// states the consequence of the customer's shortfall, and what it says of correcting times no fix of a failure
const SHORTFALL_FOLLOWS = /\b(?:bill(?:s|ed|ing)?|charg(?:e|es|ed|ing)|invoic(?:e|es|ed|ing)|exclud(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|(?:do|does|will|shall) not apply|no longer appl(?:y|ies)|not (?:be )?bound|(?:at|for) (?:the |its |your |their )?(?:own )?(?:cost|expense)|hourly rates?)\b/i
const CUSTOMER_FAILS = /^\W*(?:(?:\d+(?:\.\d+)*|[a-z])[.)]?\s+)?(?:if|where|should|in the event that|unless|for as long as|while|whilst)\s+(?:the\s+)?(?:client|customer|you|subscriber|licensee|ordering party|commissioning party)\b[^.;,]{0,60}?\b(?:does not|do not|doesn['\u2019]t|don['\u2019]t|fails? to|is not|are not|isn['\u2019]t|aren['\u2019]t|has not|have not|hasn['\u2019]t|haven['\u2019]t|breach\w*|ceases? to)\b/i
// Reading: a deadline set as the condition of a charge, an exclusion or a suspension that falls on the customer ("If it's
// not fixed within 10 working days, that device is taken out of the fixed fee and any work on it is charged at our hourly
// rate", "…, the targets stop applying to it"), is a cure period for the customer's shortfall, not a time in which
// failures are fixed (a remedy for the customer after the deadline, "we supply a loan server at no charge", "you receive a
// credit", keeps it a time to fix)
const CURE_DEADLINE = /\b(?:if|where|unless|should|in case|in the event that)\b([^.;]{0,100}?)(?:\bnot|n['’]t|\bnever)\s+(?:been\s+|be\s+)?(?:[a-z]+ly\s+)?(?:fixed|remedied|cured|corrected|rectified|resolved|addressed|replaced|repaired|upgraded|updated|put right|sorted(?: out)?|brought (?:back )?into (?:line|compliance))\s+(?:with)?in\s+[^.;,]{0,30}?,\s*([^.;]{0,200})/i
const CUSTOMER_BEARS = /\b(?:taken (?:out|off)|remov(?:ed|es)|dropped|exclud(?:ed|es)|suspend(?:ed|s)?|(?:is|are|will be|shall be) (?:charged|billed|invoiced)|(?:charge|bill|invoice)s? (?:you|the (?:client|customer))|hourly rates?|(?:stop|stops|cease|ceases) (?:to apply|applying)|(?:do|does|will|shall) not apply|no longer appl(?:y|ies)|at (?:your|the (?:client|customer)['’]s) (?:own )?(?:cost|expense|risk))\b/i
const CUSTOMER_REMEDY = /\b(?:no (?:extra |additional )?(?:charge|cost)|free of charge|at (?:our|its|the provider['’]s) (?:own )?(?:cost|expense)|credits?|refunds?)\b/i
// Reading: a period one party gives the other to put something right ("gives 20 working days to remedy the defect",
// "allows the Client 30 days to correct it", "grants the Customer a period of 14 days to rectify the breach") is a cure
// period, not a time in which failures are fixed
const GIVEN_TO_CURE =
  /\b(?:gives?|giving|given|allows?|allowing|allowed|grants?|granting|granted)\s+(?:(?:the\s+)?(?:client|customer|you|them|it|him|her)\s+)?(?:(?:a|an)\s+(?:(?:further|grace|cure)\s+)?(?:period|deadline|time)\s+of\s+)?(?:at least\s+)?\S+\s+(?:(?:business|working|calendar)\s+)?(?:days?|weeks?|months?|hours?)(?:['’]s?)?\s+(?:\(\S+\)\s+)?(?:to|in which to|within which to)\s+(?:remedy|fix|correct|rectify|cure|put right|resolve|repair|replace|upgrade|update|comply)\b/i
// Reading: a breach of the agreement said in a relative clause not to be put right within a time ("either of us may end it
// for a serious breach that isn't fixed within 30 days of written notice", "a material breach which is not remedied within
// 14 days") is given a cure period, as one said so in a condition is: the breach is a party's default, not a failure fixed
const BREACH_UNCURED = /\bbreach(?:es)?\s+(?:that|which)\s+(?:is|are|has|have|was|were)?\s*(?:not|n['’]t|never)\s+(?:been\s+|be\s+)?(?:fixed|remedied|cured|corrected|rectified|resolved|put right)\s+(?:with)?in\b/i
/** Is the time in the unit a cure period: a condition's deadline counted from a notice, or one whose consequence falls on the customer, with no provider failing in it? */
function curePeriod(text: string, firstParty: (text: string) => Party): boolean {
  if (GIVEN_TO_CURE.test(text) || BREACH_UNCURED.test(text)) return true
  const m = CURE_PERIOD.exec(text)
  if (m !== null && firstParty(m[1]!) !== 'provider') return true
  // (only a sentence with a comma and a denial may hold one: most are passed over without a pattern)
  const lower = text.toLowerCase()
  if (!lower.includes(',') || !(lower.includes('not ') || lower.includes('n’t') || lower.includes("n't") || lower.includes('never'))) return false
  const d = CURE_DEADLINE.exec(text)
  return d !== null && firstParty(d[1]!) !== 'provider' && !/\b(?:we|us|our)\b/i.test(d[1]!) && CUSTOMER_BEARS.test(d[2]!) && !CUSTOMER_REMEDY.test(d[2]!)
}

// (restoration by repair, replacement or a loan device: "cannot be repaired within 8 hours, we install a loan device")
// (and a security threat dealt with, as a failure is: "contain confirmed Critical threats as soon as practicable")
// (and the cases of translated agreements: anomalies, malfunctions; and a machine that is down: "restore Device Down
// printers")
const CONTEXT = /\b(?:time (?:for|of) (?:the )?solution|sol(?:ution|ving) times?|anomal\w*|malfunction\w*|fix(?:es|ed)?|repair(?:s|ed)?|put(?:s|ting)? (?:(?:it|them|things|the \w+) )?right|replac\w*|swap\w*|exchang\w*|loan (?:devices?|units?|machines?|equipment)|spares?|breakdowns?|broken|incidents?|issues?|faults?|jobs?|requests?|failures?|outages?|problems?|tickets?|services?|systems?|disasters?|P[1-5]|priority|severity|functionality|data|operations?|availability|defects?|errors?|breach|network|servers?|workaround|RTO|TAT|turn-?around|targets?|rebuil\w*|reinstall\w*|re-?imag\w*|corrupt\w*|crash\w*|dies|died|dead|down|devices?|printers?|computers?|machines?|threats?(?![- ](?:hunting|hunts?|intelligence|feeds?|modell?ing|reports?))|attacks?|intrusions?|compromises?|ransomware|malware|infections?)\b/i
// Reading: a statement keyed by a class of case, a class word and its letter or number before a colon or dash ("Class A:",
// "Category 2 –", "Level 1)"), ranks cases as a priority does, so a time to restore keyed so ("Class A: 15 min resp / 4 h
// restore") is a time to fix; not such words inside a sentence ("Level 2 engineers restore access within 2 days")
const RANKED = /^\W*(?:class|category|cat|level|grade)\s?(?:[A-E]|[1-5])\s*(?:[:–—]|\s-|\))/i
// (an error in an invoice or a statement is a mistake of billing, not a failure of systems)
const NOT = /\b(?:(?:errors?|mistakes?)\s+(?:in|on)\s+(?:an?\s+|the\s+|any\s+|your\s+)?(?:invoices?|bills?|statements?|billing|credit notes?)|disputes?|disagreements?|controvers\w*|conflicts?|board resolution|resolution of (?:any )?(?:dispute|claim)|screen resolution|restore (?:the )?(?:parties|balance)|restrict\w*|resolve (?:any )?(?:such )?(?:claims?|disputes?|matters?))\b/i
// (and a resolution of a display or an image, named so or given in pixels: "Display resolution | 1920 × 1080", "monitors
// with a minimum resolution of 2560 × 1440", "scans at a resolution of 300 dpi")
const PICTURE = /\b(?:screens?|displays?|monitors?|video|images?|cameras?|prints?|printers?|scans?|scanners?|photos?)\s+resolutions?\b|\bresolutions?\b[^.;|]{0,30}?(?:\b\d{3,5}\s?[x×]\s?\d{3,5}\b|\b\d+\s?(?:dpi|ppi|megapixels?|mp)\b|\b(?:4k|8k|full hd|ultra hd|uhd|1080p|720p|2160p)\b)/i
const TOPIC = new RegExp(data['resolution-times'].topic, 'i')
// Reading: a restore made to test the backups ("a test restore of one server each quarter", "restore tests every month",
// "we test-restore a sample of files") checks the backups; the time to report its result is no time to restore a
// failed service (and so is one whose object is named between the verb and the restore: "test a full CBS restore to a
// test server each quarter", "tests one mailbox restore a month"; not "test the servers and restore them", two acts)
const TEST_RESTORE = /\b(?:test[- ]?restor\w*|restor\w* (?:tests?|drills?|trials?)|trial restor\w*|test(?:s|ing)? (?:of )?(?:(?:the|a|an|one|each|our|your) )?(?:(?!(?:and|or|then|before|after|to|them|it)\b)[\w-]+ ){0,3}?restor(?:e|es|ation)s?)\b/gi
// (and a non-native column for the time to solve: "Time for solution", "Solution time", "Time to solve"; and a time to close
// a ticket: "Time to close", "Target close")
const HEADER = /resol|restor|fix|repair|recover|\brto\b|workaround|\bmttr\b|mean time to|remediat|\bcompleted within\b|\btime (?:for|to|of) (?:the )?(?:solution|solv\w*)\b|\bsol(?:ution|ving) times?\b|\b(?:time to close|close (?:within|target|time)|target close|closure (?:time|target))\b/i
/** A reply to a case: "respond to a Critical request within 1 hour", "reply", "acknowledge", "call back". */
const RESPONDS = needs(/\b(?:respon(?:d|ds|se|ses|ding)|repl(?:y|ies)|acknowledg\w*|call(?:s|ed)? (?:you )?back|answer(?:s|ed)?)\b/i)
/** Words of fixing or restoring, which make a sentence about a reply a statement of a fix too. */
const FIXING = /\b(?:fix\w*|repair\w*|resol\w*|restor\w*|recover\w*|put(?:s|ting)? (?:\w+ )?right|workaround|replac\w*|working again|back (?:up|online)|clos(?:e|es|ed|ing|ure)\s+(?:(?:the|a|an|each|every|your)\s+)?(?:tickets?|requests?|incidents?|cases?|it|them))\b/i
/** A table keyed by priority or severity: its resolution column holds the clause whatever the row says. */
const KEY_HEADER = /\b(?:priorit\w*|severit\w*|levels?|categor\w*|class\w*|impact|urgency|fault)\b/i

/**
 * Whether a header heads a column of times to fix in this row's table: it names the fix in the clause's words, or, in a
 * table whose rows are classes of case, the case's end in any words ("Put right within", "Back up and running").
 */
function fixColumn(reading: Reading, block: Block): (h: string) => boolean {
  const keyed = reading.casesKeyed(block)
  // (and every value column of such a table whose note says its figures are times to fix: "All times above are to restore service")
  const noted = keyed && reading.tableNote(block)?.resolution === true
  const key = block.header?.[0]
  return (h) => HEADER.test(h) || (keyed && columnMeasure(h).resolution) || (noted && h !== key)
}

/**
 * A duration that may be a time to fix: not the interval of a repeated action ("status updates every 30 minutes until
 * service is restored" sets how often the customer hears, not how fast the fix comes).
 */
function timeToFix(text: string, valuesOf: (text: string) => Values): boolean {
  const v = valuesOf(text)
  return v.durations.some((d) => !v.frequencies.some((f) => f.start <= d.start && d.end <= f.end) && !NOTICE_PERIOD.test(text.slice(d.end, d.end + 40)) && !ON_SITE_BY.test(text.slice(Math.max(0, d.start - 80), d.start)))
}
// Reading: the time in which someone arrives on site ("a technician will be on site within 4 h", "an engineer attends the
// premises within 8 hours") times the visit, not the fix: a dispatch time, whatever the sentence says of fixing around it
// ("will be on site and fix the fault within 4 hours" times the fix)
const ON_SITE_BY =
  /\b(?:be|is|are|arrives?|arriving|attends?|attending|gets?|comes?|visits?|dispatched|sent)\s+(?:(?:on|at|to)\s+(?:the\s+)?(?:site|premises|location|office)|on-?site|(?:at|to)\s+(?:your|the (?:client|customer)['’]s|its)\s+(?:site|premises|office|location)s?|(?:the\s+)?(?:site|premises))(?:\s+(?:in person|if (?:needed|necessary|required)))?\s*,?\s+(?:with)?in\s*$/i
// Reading: how long copies are kept ("keeps nightly copies for 30 days", "Retention: mailbox snapshots 90 days", "month-end
// backups are held for 24 months") is the backups' retention, not a time to restore a failed service: a sentence that
// keeps copies for a time and names no restoring or fixing states no time to fix, in a recovery section too
const KEPT_COPIES = needs(/\b(?:retain(?:s|ed|ing)?|retention|kept|keeps?|keeping|stored|stores|held|holds?|preserved|archived)\b[^.;]{0,40}?\b(?:cop(?:y|ies)|back-?ups?|snapshots?|versions?|restore points?|images?|archives?)\b|\b(?:cop(?:y|ies)|back-?ups?|snapshots?|versions?|restore points?|images?|archives?)\b[^.;]{0,40}?\b(?:retained|kept|stored|held|preserved|archived)\b|^\W*(?:\d+(?:\.\d+)*\.?\s+)?retention\b/i)
// Reading: a period of notice ("after giving 10 Business Days' written notice", "on 30 days' notice") times a notice, not a fix
const NOTICE_PERIOD = /^['\u2019]?s?\s+(?:(?:prior|advance|written|clear|formal)\s+){0,2}notice\b/i

export default clauseRule({
  id: 'resolution-times',
  description: 'The agreement states how fast a failure or disaster is fixed or service restored (resolution or restore targets, RTO)',
  data: data['resolution-times'],
  // missing, it is reported where the response times are stated, and its skeleton is added there
  beside: [responseTimes],
  messages: {
    missing: 'Missing resolution times; state how fast failures are fixed or service restored (e.g. "P1: restored within 4 hours", "RTO 8 hours")',
    vague: 'Vague resolution time "{text}"; state a target with number and unit (e.g. "resolved within 8 business hours")',
    delegated: 'Resolution times are set in {target}; lint it with this agreement or state them here',
  },
  // a row of a table keyed by priority or severity with a column of fix or remediation times
  // and a fix promised by its speed alone ("We fix things fast", "problems are sorted the same day", "best efforts to
  // contain the threat")
  // (the wording of the sentence alone, kept per sentence text in an editor; then the row's table)
  mentionsText(text) {
    return FIX_SPEED.test(text) || WORKED_UNTIL.test(text) || HOW_LONG.test(text) || PROMISED_FIX.test(text)
  },
  mentions(_text, reader, block) {
    const header = block.header
    return !!header && block.kind === 'table-row' && (KEY_HEADER.test(reader.reading.keyHeader(block)) || reader.reading.casesKeyed(block)) && header.slice(1).some(fixColumn(reader.reading, block))
  },
  // in an editor, a verdict is kept with the questions its judge asked of the document (see keptJudgement)
  judge: (unit, reader) => keptTimedJudgement(JUDGEMENTS, unit, reader, questionsOf(unit, reader), TOPIC, judgeUnit),
})

const JUDGEMENTS = {name: 'resolution-times: verdicts kept with their questions'}
const DELEGATED_TOPIC = /resol|restor|recover/i

/** What the judge asks of the document beyond its unit. */
type Questions = ReturnType<typeof questionsOf>
function questionsOf(unit: Unit, reader: Reader) {
  const reading = reader.reading
  let column: ((h: string) => boolean) | undefined
  const fixes = (): ((h: string) => boolean) => (column ??= fixColumn(reading, unit.block))
  return {
    /** The column of the unit's table row that holds times to fix (-1 when none). */
    fixHeader: () => unit.block.header?.findIndex(fixes()) ?? -1,
    /** The row's cell in column `i`. */
    cell: (i: number) => unit.block.cells?.[i] ?? '',
    /** The party that the statement at `index` of the unit binds. */
    party: (index: number) => reader.party(unit, index),
    /** The party `text` names first. */
    firstParty: (text: string) => reading.firstParty(text),
    /** The unit's resolution times put in another document. */
    delegated: () => reader.delegated(unit, DELEGATED_TOPIC),
    /** Is the unit's block a row of cells (whose scope is read by its columns)? */
    inRow: () => unit.block.cells !== undefined,
    /** The scope of the topic in `text` (the unit's, or the part of it the judge reads) in a row, by its columns of times to fix. */
    rowScoped: (text: string) => reading.scoped({...unit, text}, TOPIC, fixes()),
    /** Does `pointer` of the unit's text reach a statement of times to fix elsewhere in the agreement? */
    reaches: (pointer: Pointer) => reading.reach(unit.block, unit.start + pointer.start, pointer, (x) => timeToFix(x, (text) => reading.values(text)) && (reading.values(x).priorities.length > 0 || x.includes(' | '))) !== undefined,
  }
}

/**
 * Judge one unit: it reads the unit's text, home, next sentence and lead-in, what depends on a text alone (its typed values,
 * the pointers it holds, the scope of the topic in it outside a row), and the document through `ask` alone (see
 * keptJudgement).
 */
function judgeUnit(unit: Unit, ask: Questions, valuesOf: (text: string) => Values, pointerAfter: (text: string, at: number) => Pointer | undefined, scopedOf: (text: string) => string): Verdict | undefined {
  const t = unit.text
  const named = indexOf(t, TOPIC)
  const speed = named >= 0 ? null : (FIX_SPEED.exec(t) ?? WORKED_UNTIL.exec(t) ?? HOW_LONG.exec(t) ?? (SOLD_WORK.test(t) ? null : PROMISED_FIX.exec(t)))
  // a fix promised by its speed alone, whether or not the sentence also names fixing in the topic's words ("I fix things
  // as fast as I can but can't give you a time")
  const fast = speed ?? FIX_SPEED.exec(t)
  const at = named >= 0 ? named : speed ? speed.index : -1
  const header = ask.fixHeader()
  if (at < 0 && !unit.inHome && header < 0) return undefined
  if ((NOT.test(t) || PICTURE.test(t)) && header < 0) return undefined
  if (header < 0 && t.search(TEST_RESTORE) >= 0 && !TOPIC.test(t.replace(TEST_RESTORE, ' '))) return undefined
  if (at < 0 && header < 0 && KEPT_COPIES.test(t) && !FIXING.test(t)) return undefined
  if (!unit.inHome && header < 0 && !CONTEXT.test(t) && !RANKED.test(t) && !RESTORE_PLAIN.test(t) && !NO_COMMITMENT.test(t)) return undefined
  if (at >= 0 && ask.party(at) === 'customer') return undefined
  if (at >= 0 && header < 0 && curePeriod(t, ask.firstParty)) return undefined
  const fails = at >= 0 && header < 0 ? CUSTOMER_FAILS.exec(t) : null
  if (fails && fails[0].length <= at && SHORTFALL_FOLLOWS.test(t.slice(fails[0].length))) return undefined
  // "does not warrant … that any defects or errors will be corrected": a disclaimer sets no target
  if (at >= 0 && header < 0 && DISCLAIMED.test(t.slice(0, at))) return undefined
  // a time in a relative clause after the document the clause is put in ("… are set out in Schedule 1, which the
  // parties will agree within 30 days") times the making of that document, not the fix: only the text up to it counts
  const cut = at >= 0 ? ask.delegated() : undefined
  const own = cut?.end !== undefined && describesDocument(t.slice(cut.end)) ? t.slice(0, cut.end) : t
  // in a home shared with response times ("Response and Resolution"), a sentence that times only a reply, and names no
  // fixing, states a response time
  if (unit.inHome && at < 0 && header < 0 && RESPONDS.test(t) && !FIXING.test(t)) return undefined
  // and so does an item of a list whose lead-in times only a reply ("Response time, counted from the time the call is
  // logged:" over "- Severity 1 – 30 minutes"): the items are the reply's times, whatever home they sit in
  if (at < 0 && header < 0 && unit.intro !== undefined && RESPONDS.test(unit.intro) && !FIXING.test(unit.intro) && !FIXING.test(t)) return undefined
  // (a plain "how long a repair takes" is read with the whole sentence that answers it)
  // "same day where possible" hedges the time away; a time that triggers escalation or a notice is no time to fix
  const heard = withoutNoticeTriggers(own)
  const scoped = (unit.inHome && at < 0) || (named < 0 && speed !== null && HOW_LONG.test(speed[0])) ? withoutNoticeTriggers(t) : ask.inRow() ? ask.rowScoped(heard) : scopedOf(heard)
  const timed = scoped
  // a time hedged as a habit ("normally fixed within a day or so") is mentioned, not promised
  if (timeToFix(timed, valuesOf)) return HEDGED.test(scoped) || !timeToFix(withoutHabit(timed), valuesOf) ? {outcome: 'vague'} : {outcome: 'present'}
  // "… will use reasonable efforts to correct a verified breach. If Provider fails to do so within 30 days, …"
  if (at >= 0 && unit.next && /\bfails? to do so within\b/i.test(unit.next) && valuesOf(unit.next).durations.length) return {outcome: 'present'}
  // "… within the following times:" and then a list or table of times
  if (at >= 0 && unit.next && INTRODUCES.test(t.trim()) && valuesOf(unit.next).durations.length) return {outcome: 'present'}
  // "… restored within the periods in the table below": a pointer at times stated elsewhere in the agreement gives the
  // time to fix when it reaches one (and is vague when it reaches none)
  const pointer = at >= 0 ? pointerAfter(t, at) : undefined
  if (pointer && ask.reaches(pointer)) return {outcome: 'present'}
  const delegated = ask.delegated()
  if (delegated) return delegated
  // A commitment about how fast, without a number; "if Provider cannot resolve the issue" commits to nothing.
  if (speed || fast || pointer || (at >= 0 && ((PROMISED_FIX.test(t) && !SOLD_WORK.test(t)) || (FIXED_PASSIVE.test(t) && !CHARGED.test(t))))) return {outcome: 'vague'}
  // a row's cell under a column of times to fix that holds words, not a time ("as fast as possible", "by agreement")
  const cell = header >= 0 ? ask.cell(header).trim() : ''
  if (cell && !/^[-–—]$|^n\/?a$/i.test(cell)) return {outcome: 'vague'}
  if ((VAGUE_TIME.test(t) && at >= 0) || unit.inHome || /\b(?:resolution|restoration|restore|recovery|repair|re-?establishment) (?:times?|targets?|objectives?|deadlines?|delays?|time limits?)\b|\b(?:resolved?|restored?|re-?established) within\b|\bfix times?\b|\bcommit to a fix\b|\bhow long\b|\bwhile you (?:are )?(?:still )?on the (?:phone|line|call)\b|\bon the (?:first|same) call\b|\buntil (?:it|they|everything|(?:the|your|each|every) \w+)(?:['’]s|['’]re| is| are) (?:fixed|resolved|sorted|solved|working again)\b/i.test(t) || (at >= 0 && (EFFORT_ONLY.test(t) || HEDGED.test(t) || NO_COMMITMENT.test(t)))) return {outcome: 'vague'}
  return undefined
}

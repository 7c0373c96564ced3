// failure-responsibility: who diagnoses, repairs, replaces or deals with vendors when systems fail, and who pays.
import {needs} from '../src/text.js'
import {clauseRule, keptJudgement, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import type {Reading} from '../src/reading/index.js'
import type {Document} from '../src/types.js'
import {UNDER_PAPER, targetInDocument} from '../src/reading/delegation.js'
import {isDisclaimer} from '../src/reading/parties.js'
import {asksOfCustomer, dutiesTitle, withheldWork} from '../src/reading/reach.js'
import {EFFORT_NOT_RESULT, indexOf} from '../src/reading/wording.js'
import data from './data/clauses.json' with {type: 'json'}

// a failure in plain words too: a line or system that does not "stay up", "goes down", "drops out", "what breaks"
const WHAT_BREAKS = needs(/\b(?:what|whatever|anything|something|things?)\s+(?:that\s+)?(?:breaks|goes wrong|stops working)\b/i)
const FAILURE = /\b(?:(?:what|whatever|anything|something|things?)\s+(?:that\s+)?(?:breaks|goes wrong|stops working)|stay(?:s|ing)? up|go(?:es)? down|went down|drops? out|fail(?:s|ed|ures?|ing)?|malfunction\w*|fault(?:s|y)?|break ?downs?|broken|defect(?:s|ive)?|outages?|repairs?|replac\w+|down ?time|not working|inoperable|end[- ]of[- ]life|warranty)\b/i
const THING = /\b(?:hardware|equipment|devices?|servers?|networks?|systems?|workstations?|laptops?|pcs?|printers?|components?|parts|internet|connectivity|lines?|circuits?|isps?|carriers?|vendors?|manufacturers?|makers?|third[- ]part(?:y|ies)|firewalls?|switch(?:es)?|routers?|telecoms?)\b/i
// Failures carved out rather than allocated: "anyone other than Provider", "beyond its control", "not responsible for"
const DISCLAIMS =
  /\b(?:anyone|any (?:person|party|entity)) other than\b|\b(?:beyond|outside(?: of)?) (?:\S+ ){0,4}?(?:reasonable )?control\b|(?:\bnot|n[’']t) (?:be )?(?:responsible|liable)\b|\bexclud\w*\b|\bno (?:liability|responsibility)\b|\bdoes not (?:apply|extend) to\b|\bdo(?:es)? not cover\b|\brelieved of\b|\bexcused from\b|\bnot (?:be )?(?:counted|treated|included|regarded) as (?:downtime|down-time|an? outages?|unavailab\w*)\b/i
/**
 * A disclaimer of problems that others cause: "We're not responsible for problems caused by third-party plugins you
 * install", "not liable for downtime due to your internet provider". It speaks of failures and allocates nothing.
 */
const DISCLAIMED_CAUSE = needs(/\b(?:not|n[’']t) (?:be )?(?:held )?(?:responsible|liable|accountable) for (?:any )?(?:problems?|issues?|faults?|errors?|failures?|downtime|outages?|interruptions?|disruptions?|delays?)\b[^.;]{0,40}\b(?:caused by|due to|arising (?:from|out of)|resulting from|that (?:come|comes|arise|arises) from)\b/i)
/** A relief clause about failing to provide the service: "relieved of its liability in respect of any failure to provide the Services". */
const RELIEF = needs(/\b(?:relieved of|excused from)\b[^.]{0,80}\bfailures?\b|\bfailures?\b[^.]{0,120}\b(?:relieved of|excused from)\b/i)
/** "to whichever replacement vendor the Customer appoints" is a successor, not a failure */
// (and so is any provider the customer appoints or picks next: "to whichever vendor you appoint", "any new IT company the
// Client chooses")
const SUCCESSOR = needs(/\breplacement (?:vendors?|providers?|suppliers?|msps?|contractors?|service providers?)\b|\b(?:whichever|whatever|any|a|the|your)\s+(?:new\s+|other\s+|successor\s+|incoming\s+|future\s+|next\s+|replacement\s+)?(?:it\s+)?(?:vendors?|providers?|suppliers?|msps?|contractors?|service providers?|compan(?:y|ies)|firms?)\s+(?:(?:that|which|whom)\s+)?(?:you|we|the (?:client|customer))\s+(?:may\s+|might\s+|later\s+|then\s+)?(?:appoints?|chooses?|choose|selects?|engages?|nominates?|picks?|hires?|moves? to|switch(?:es)? to)\b/gi)
// Reading: an example given in brackets ("Emergency call-outs (for example, a server failure on a Sunday) are charged at
// £120 per hour") illustrates when the sentence applies: a failure named only there is not what the sentence allocates
const BRACKETED_EXAMPLE = /\((?:for example|for instance|e\.\s?g\.|eg|such as|say)\b[^()]{0,160}\)/gi
// Failures a service level does not count ("The following are excluded from Downtime and from the availability
// calculation:", "not counted towards the uptime target"): a disclaimer of what the measure answers for, which allocates nothing
const FROM_MEASURE = needs(/\b(?:excluded|exempt(?:ed)?|disregarded|omitted|(?:not|n[’']t) (?:be )?(?:counted|included|taken into account|considered))\s+(?:from|in|towards?|for)\s+(?:the\s+)?(?:calculation\s+of\s+(?:the\s+)?)?(?:downtime|down-time|availability|uptime|up-time|service levels?|sla\b|service credits?|unavailab\w*|outages?)/i)
// Reading: a measure of service said not to include what follows ("Downtime does not include any period in which the
// Platform is unavailable because of: …", "Uptime doesn't count time lost to …") leaves those failures out of what it
// answers for, as one they are excluded from does: a disclaimer, which allocates nothing
const MEASURE_OMITS = needs(/\b(?:downtime|down-time|unavailability|availability|uptime|up-time)\b[^.;:]{0,30}?(?:\b(?:does|do|shall|will|would)\s+not|\b(?:doesn|don|won)['’]t)\s+(?:include|count|cover|take in)\b/i)
/** Does a text leave failures out of a measure of service (FROM_MEASURE, MEASURE_OMITS)? */
const leavesOut = (text: string): boolean => FROM_MEASURE.test(text) || MEASURE_OMITS.test(text)
// Reading: a promise that a thing never fails ("your phones and Wi-Fi simply never go down", "We never let your tills go
// down", "Your systems will never go down on my watch") is an absolute claim about how it performs, not a word on who deals
// with a failure: a sentence that names a failure only so, and no one's work or cost, is not about the clause
const NEVER_FAILS = /\b(?:never|won['’]t\s+ever|will\s+not\s+ever)\s+(?:let\s+(?:[\w'’-]+\s+){1,4}?)?(?:go(?:es)?\s+down|fail(?:s)?|drops?\s+out|break(?:s)?\s+down|stops?\s+working|be\s+down|go(?:es)?\s+offline)\b/gi
/** The service levels lifted: "The Service Levels do not apply", "the SLA shall not apply". */
const LEVELS_LIFTED = needs(/\b(?:service levels?|slas?|service level targets?)\b[^.;]{0,20}?\b(?:do(?:es)? not|shall not|will not|won['’]t|doesn['’]t|don['’]t) apply\b/i)
/** What a service level counts that may fail: an incident, an outage, a fault, downtime. */
const CASES = /\b(?:incidents?|outages?|faults?|downtime|failures?)\b/i
const CLIENT_FAULT = /\b(?:client|customer|your)(?:'s|’s)? (?:failure|fault) to\b|\bfailure (?:of the (?:client|customer)|by the (?:client|customer)) to\b|\bfail(?:s|ure)? to (?:pay|comply|perform|provide|notify|meet its)\b/i
const ALLOCATE =
  /\b(?:fix(?:es|ed)?\b(?! (?:time|price|fee|target))|re-?runs?|sorts? out|chases?|deals? with (?:the )?(?:vendor|manufacturer|maker|supplier|carrier|isp)|(?:is|are) on (?:you|the (?:client|customer))|billed (?:to|at)|comes? out of|diagnos\w*|troubleshoot\w*|repair\w*|replac\w*|coordinat\w*|liais\w*|escalat\w*|rma\b|warranty claims?|log(?:s|ged)? (?:a |the )?(?:fault|ticket|call|case)|rais\w+ [^.]{0,30}\bwith (?:the )?(?:vendor|manufacturer|isp|carrier|supplier)|procur\w+|(?:is|are|will be|shall be|remains?) responsible for|bears? the cost|pays? for|at (?:the )?(?:client|customer|provider)(?:'s|’s)? (?:own )?(?:cost|expense)|at (?:its|our|their|your) own (?:cost|expense)|(?:is|are|will be|shall be) not (?:charged|billed|invoiced)|charged (?:to|at)|billed (?:to|at)|invoiced|parts (?:and labou?r|are|will be)|loan(?:er)? (?:equipment|device)|swap|(?:lends?|lending|lent) (?:you |the (?:client|customer) )?(?:our |a |an |the )?(?:spare|loan(?:er)?|replacement|standby)|deals? with [\w&-]+(?: [\w&-]+)? (?:for you|on (?:your|the (?:client|customer)(?:'s|’s)) behalf))\b/i

// Reading: the cost or supply of parts put on a party in the passive ("Parts for equipment out of warranty are paid for by
// you", "The spare parts of devices out of warranty are supplied by the EMPLOYER", "replacement components are funded by
// the Client") allocates them as the active does ("the Client pays for parts"); the party after "by" is read, so
// "paid by bank transfer" allocates nothing
const PARTS_PASSIVE = needs(/\b(?:parts|spares|components|replacements?|replacement (?:units?|devices?|hardware|equipment))\b[^.;]{0,60}?\b(?:is|are|will be|shall be|must be|gets?|get)\s+(?:\w+ly\s+)?(?:supplied|provided|paid(?:\s+for)?|borne|funded|purchased|bought|sourced|covered|met)\s+by\s+/i)

/** Does a party pay for or supply the parts, said in the passive with the party after "by"? */
function partsPutOnParty(text: string, reading: {firstParty(text: string): string}): boolean {
  const m = PARTS_PASSIVE.exec(text)
  if (!m) return false
  const agent = text.slice(m.index + m[0].length, m.index + m[0].length + 60)
  return /^(?:you|us|them|me)\b/i.test(agent) || reading.firstParty(agent.split(/[,;.]/)[0]!) !== 'unknown'
}

// A failure itself, not the work that answers it: "fails", "faulty", "broken", "outage", "not working"
const BROKE = /\b(?:stay(?:s|ing)? up|go(?:es)? down|went down|drops? out|fail(?:s|ed|ures?|ing)?|malfunction\w*|fault(?:s|y)?|break ?downs?|broken|defect(?:s|ive)?|outages?|down ?time|not working|inoperable|dies|died|stops? working)\b/i

// A rule for how response or fix targets are measured: "Response and fix targets are counted during support hours"
const COUNTED = /\b(?:response|fix|resolution|restor\w*|repair)(?:\s+(?:and|or|&)\s+(?:response|fix|resolution|restor\w*|repair))?\s+(?:targets?|times?|clocks?|periods?)\b[^.;]{0,60}\b(?:(?:is|are) (?:counted|measured|calculated|timed)|(?:starts?|stops?|runs?|pauses?)\b)/i

// The allocation words that name a duty or a charge of any kind, not failure work: "is responsible for", "pays for", "billed at"
const GENERIC = /^(?:(?:is|are|will be|shall be|remains?) responsible for|bears? the cost|pays? for|at |billed|charged|invoiced|comes? out of|(?:is|are|will be|shall be) not)/i

// A repair or replacement named as the state a thing is in, not as work someone does: "devices awaiting repair",
// "laptops pending replacement", "a PC under repair", "sent for repair"
const STATE = needs(/\b(?:awaiting|pending|waiting for|in need of|due for|(?:is|are|was|were|being|sent|gone|in|out) for|under)\s+(?:(?:a|an|the|its|their)\s+)?(?:repairs?|replacements?)\b/gi)

/**
 * A condition on something failing, whatever the thing ("if a till dies", "when the accounting software stops working",
 * "should the line go down"), and a main clause after it whose subject is a party (a pronoun, a role word or a name the
 * agreement gives a party) doing something that is not negated: who acts when it fails.
 */
const FAILS_IF = /\b(?:if|when|whenever|should|where|once)\s+(?:a|an|the|any|your|our|its|their|one of (?:the|your|our))?\s*(?:[\w'’-]+\s+){0,4}?(?:fails?|breaks?(?:\s+down)?|dies|stops?\s+working|crash(?:es)?|go(?:es)?\s+down|drops?\s+out|(?:is|are|gets?)\s+(?:damaged|degraded|faulty|broken|lost|stolen)|malfunctions?|develops? a fault|has a fault|(?:can(?:no|')t|cannot)\s+be\s+repaired)\b[^,;.]{0,60}[,;]\s*(?:then\s+)?/i
const PARTY_ACTS = /^(?:we|you|i|they|the\s+[\w-]+|our\s+[\w-]+|your\s+[\w-]+|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?)(?:\s+|['’]ll\s+)(?:will\s+|shall\s+|must\s+|can\s+|then\s+|also\s+)?(?!(?:is|are|was|were|be|been|has|have|had|do|does|did|not|no|never|may|might|could|would)\b)([a-z]+)/
const PARTY_WORD = /^(?:we|you|i|they|the\s+(?:provider|supplier|contractor|vendor|msp|client|customer|buyer|subscriber)|our\s+(?:engineers?|technicians?|team|staff|helpdesk|service desk)|your\s+(?:staff|team|it team))\b/i

const RECOVERS = /^(?:restores?|recovers?|resumes?|fails?|switch(?:es)?|invokes?|activates?)$/i
// and so is getting it back up: "we'll get it back up", "we bring the site back online"
const BACK_UP = /^(?:get|gets|bring|brings|have|has|put|puts)\b[^,;.]{0,30}?\bback\s+(?:up|online|on ?line|running|working)\b/i

// A promise taken back: "can't promise anything", "no guarantees", "we do not guarantee a fix"
const HEDGE = /\b(?:can(?:no|['’])t|cannot|won['’]t|will not|do(?:es)?n['’]t|do(?:es)? not)\s+(?:promise|guarantee)\b|\bno (?:promises?|guarantees?)\b/i

/**
 * Who acts when a thing fails: `present` for a party's act after a condition on a failure, `vague` when the answer to
 * the condition takes its promise back ("if a PC dies I'll take a look, can't promise anything"), `undefined` for neither.
 */
function answeredFailure(text: string, names: ReadonlyMap<string, string>): 'present' | 'vague' | undefined {
  const m = FAILS_IF.exec(text)
  if (!m) return undefined
  const main = text.slice(m.index + m[0].length)
  // the answer to the condition, up to the end of its first clause: "if a PC dies I'll take a look, can't promise anything"
  if (HEDGE.test(m[0] + (/^[^,;.]*/.exec(main)?.[0] ?? ''))) return 'vague'
  const acts = PARTY_ACTS.exec(main)
  if (!acts) return undefined
  const subject = main.slice(0, acts.index + acts[0].length - acts[1]!.length).trim().toLowerCase().replace(/['’]ll$/, '').replace(/\s+(?:will|shall|must|can|then|also)$/, '')
  const party = PARTY_WORD.test(subject) || [...names.keys()].some((n) => subject === n || subject === `the ${n}`)
  // restoring the service (from a standby, within a recovery objective) is a recovery target, not work on what failed
  if (!party || RECOVERS.test(acts[1]!) || BACK_UP.test(main.slice(acts.index + acts[0].length - acts[1]!.length))) return undefined
  // Reading: an act done for a successor the customer appoints ("we will pass the device history to whichever replacement
  // vendor you appoint", the successor blanked by the judge) serves the hand-over, not the failure: it allocates nothing
  if (/\b(?:to|for|with)\s{8,}$/.test(/^[^,;.]*/.exec(main.slice(acts.index))![0])) return undefined
  return !/\b(?:not|n[’']t|never)\b/i.test(main.slice(0, 60)) && !isDisclaimer(main) ? 'present' : undefined
}

/**
 * Reading: the answer to a question that sets a condition on a failure ("and if a PC just dies?" over "then I work out
 * what's wrong, … you pay for the hardware") is the main clause of that condition: its opening sentence is read after the
 * question as one sentence ("if a PC just dies, then I work out …"), so that who acts when the thing fails is read as
 * it is in a sentence that states both.
 */
function answeredQuestion(unit: Unit, text: string, reading: Reading): 'present' | 'vague' | undefined {
  if (unit.start !== 0) return undefined
  const question = reading.questionOf(reading.blockIndex(unit.block))
  if (question === undefined || !FAILS_IF.test(`${question.replace(/[?\s]+$/, '')}, `)) return undefined
  // (an answer that takes its promise back anywhere in its first sentence answers nothing: "then I'll take a look when I
  // can, can't promise anything")
  if (HEDGE.test(/^[^.;]*/.exec(text)![0])) return 'vague'
  return answeredFailure(`${question.replace(/[?\s]+$/, '')}, ${text}`, reading.parties)
}
// How a thing is bought, priced or supplied (its purchase named as a noun too: "Hardware and software purchases: quoted"):
// "Hardware you buy through us is priced and supplied under our Hardware Sales
// Terms", "Equipment is leased at the rates in the Price List"
const SUPPLY = /\b(?:priced|supplied|sold|purchased|purchases?|purchasing|bought|buy|buys|buying|leased|rented|hired|ordered|delivered|invoiced|quoted)\b/i

/**
 * A sentence that speaks only of how a thing is bought, priced or supplied, and of no failure, allocates no failure
 * work: a document it names for that (sales terms, a price list) does not take the failure clause with it.
 */
function supplyOnly(text: string): boolean {
  return SUPPLY.test(text) && !FAILURE.test(text) && !ALLOCATE.test(text)
}

// a result guaranteed for every fault: "guarantees a first-time fix for every fault", "a guaranteed resolution of all faults"
const GUARANTEED_RESULT = needs(/\bguarantee[sd]?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:fix|fixes|resolution|results?|outcome)\s+(?:for|of|on|to)\s+(?:every|all|any|each)\b/i)

/** A measure of service: a time, a class or level, a target, a priority (what a service-level document holds). */
const MEASURE = /\b(?:times?|timescales?|classes|classification|levels?|targets?|priorit(?:y|ies)|severit(?:y|ies)|deadlines?|periods?|windows?|hours|credits?|metrics?|KPIs?)\b/i
/** Is every item of a subject ("The reaction times, the priority classes and the times for the removal of faults") a measure of service? */
function measuresOnly(subject: string): boolean {
  const head = subject.replace(/\b(?:is|are|will be|shall be|remain|remains)\s+(?:still\s+|also\s+)?(?:[a-z]+\s+)?$/i, '')
  const items = head.split(/\s*(?:,|;|\band\b|\bor\b|&)\s*/).filter((x) => /[a-z]{3,}/i.test(x))
  // each item's own noun comes before "for"/"of" ("the times for the removal of faults"): the measure is named there
  return items.length > 0 && items.every((x) => MEASURE.test(x.split(/\s+(?:for|of|to|in|per)\s+/i)[0]!))
}
// Reading: a sentence whose subject is the allocation itself (the responsibilities, the division of duties) and whose verb
// follows another document ("Responsibilities in case of failure of equipment, including who pays for parts, follow the
// Equipment Responsibility Matrix in Annex II") puts the allocation there, whatever its subject lists
const ALLOCATION_SUBJECT = /^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?(?:responsibilit(?:y|ies)|allocation|division|split)\b/i
const FOLLOWS = /(?<!\bas\s)\b(?:follow|follows)\s+(?:the|its|their|our|your)\b/i
// (the copula with its modal too, "shall be handled as per …", "remains as allocated in …")
const PUT_ELSEWHERE = /\b(?:is|are|shall be|will be|must be|remains?)\s+(?:still\s+|also\s+)?(?:as\s+)?(?:set (?:out|forth)|specified|described|defined|laid down|allocated|dealt with|covered|governed|handled|managed|resolved|treated)\b/i

// Reading: failure work that a sentence's predicate puts under a paper of terms named by its title ("Hardware faults are
// handled under our Hardware Warranty & Replacement Policy, available on request", "Diagnosis and replacement of failed
// equipment shall be handled under the Equipment Maintenance Rider, Contract No. EMR-2291", "Anything hardware that packs
// up is handled under your separate Break-Fix Cover, which has its own terms") is delegated to that paper, whatever the
// words of its title, when the paper is no part of this agreement and what follows its title only describes it (where it
// is had, its number, that it is separate) and allocates nothing itself
// (the paper and the predicate that puts the work under it are the shared delegation reader's, UNDER_PAPER, which every
// clause rule reads alike; this rule reads the failure work in the subject, and what follows the title)
const UNDER_TITLE = new RegExp(String.raw`^([^;:—–]{3,200}?)\s+${UNDER_PAPER}`)

// what a relative clause says the paper holds ("…, which sets out who repairs or replaces them and at whose cost") describes
// the paper; it allocates nothing here
const DESCRIBES_PAPER = /,?\s*(?:which|that)\s+(?:also\s+)?(?:sets?\s+(?:out|forth)|states?|says|decides|covers|describes|lists|specifies|governs|explains|determines|defines)\b[^.;]*/gi
/** Does the rest of a sentence after a paper's name allocate failure work itself ("…, and we also replace any failed disk")? */
function allocatesItself(rest: string): boolean {
  return ALLOCATE.test(rest.replace(DESCRIBES_PAPER, ' '))
}

/** The delegation of a sentence that puts failure work under a paper named by its title (see UNDER_TITLE), if it does. */
function underTitle(text: string, doc: Document): {outcome: 'delegated'; start: number; end: number; target: string} | undefined {
  const m = UNDER_TITLE.exec(text)
  if (!m) return undefined
  const subject = m[1]!
  if (!FAILURE.test(subject) && !THING.test(subject) && !BROKE.test(subject)) return undefined
  const target = m[2]!.replace(/\s+/g, ' ').trim()
  const end = m.index + m[0].length
  if (allocatesItself(text.slice(end))) return undefined
  const key = target.toLowerCase()
  // (a part of this agreement so titled holds it here: "## 7. Hardware Care Plan")
  if (targetInDocument(doc, target) || doc.sections.some((s) => s.title.toLowerCase().replace(/^(?:[a-z\d]{1,2}[.)]|\d+(?:\.\d+)*\.?)\s+/, '') === key)) return undefined
  return {outcome: 'delegated', start: end - m[2]!.length, end, target}
}

// Reading: a table row keyed by what fails, whose column is headed by a piece of the work a failure needs or its cost
// ("Diagnose", "Vendor / carrier / RMA", "Who pays for parts", "Analysis of the defect") and whose cell under that header
// names a party ("Ridgeway", "The Supplier", "Customer, outside the warranty"), allocates that work to that party: the
// column names the work, the cell who does it or pays for it.
const WORK_HEADER = /\b(?:diagnos\w*|analys\w*|investigat\w*|troubleshoot\w*|repairs?|replac\w*|fix(?:es|ing)?|swaps?|rma|vendors?|carriers?|manufacturers?|makers?|isps?|warrant(?:y|ies)|parts|spares?|costs?|pays?|paid)\b/i
// a cell that names no one: "Not covered", "n/a", "–", "To be agreed"
const NO_ONE = /\b(?:not|no|none|n\/a|tbc|tbd|to be agreed)\b|^\W*$/i

/** Does a cell under a header naming failure work name a party, in a row of a table? */
function partyByColumn(block: {readonly cells?: readonly string[]; readonly header?: readonly string[]}, reading: {firstParty(text: string): string}): boolean {
  const {cells, header} = block
  if (!cells || !header || cells.length < 2) return false
  for (let i = 1; i < cells.length; i++) {
    const cell = cells[i] ?? ''
    if (WORK_HEADER.test(header[i] ?? '') && !NO_ONE.test(cell) && reading.firstParty(cell) !== 'unknown') return true
  }
  return false
}

export default clauseRule({
  id: 'failure-responsibility',
  description: 'The agreement allocates who diagnoses, repairs, replaces and pays when systems, hardware or networks fail',
  // a title naming the customer's duties, by any name the agreement gives the customer ("5. Practice Responsibilities",
  // "F. Ironwood's Obligations"), heads the customer's requirements, not the allocation of failure work
  data: {...data['failure-responsibility'], notHomeTitle: (title, names) => dutiesTitle(title, names) === 'customer'},
  messages: {
    missing: 'Missing failure responsibilities; say who diagnoses, repairs or replaces failed systems, who deals with vendors and carriers, and who pays for parts',
    vague: 'Vague failure responsibility "{text}"; allocate who diagnoses, repairs, replaces and pays when systems fail',
    delegated: 'Failure responsibilities are set in {target}; lint it with this agreement or state them here',
  },
  // a condition on anything failing reaches the judge, whatever the thing is called ("If a till dies, …")
  // and a disclaimer of problems others cause ("not responsible for problems caused by third-party plugins")
  mentionsReads: 'text',
  mentions(text) {
    return FAILS_IF.test(text) || DISCLAIMED_CAUSE.test(text) || WHAT_BREAKS.test(text)
  },
  aside: supplyOnly,
  // in an editor, a verdict is kept with the questions its judge asked of the document (see keptJudgement)
  judge: (unit, reader) => keptJudgement(JUDGEMENTS, unit, reader.reading, questionsOf(unit, reader), (ask) =>
      judgeUnit(
        unit,
        ask,
        (text, at) => reader.reading.isNegated(text, at),
        // (outside a row of cells, the scope of the failure is read of the text alone)
        (text) => reader.reading.scoped({text, block: NO_CELLS}, FAILURE),
      ),
    ),
})

const JUDGEMENTS = {name: 'failure-responsibility: verdicts kept with their questions'}
const DELEGATED_TOPIC = /hardware|failure|equipment/i
const NO_CELLS = {}

/** What the judge asks of the document beyond its unit. */
type Questions = ReturnType<typeof questionsOf>
function questionsOf(unit: Unit, reader: Reader) {
  const reading = reader.reading
  return {
    /** The party that the statement at `index` of `text` binds. */
    boundParty: (text: string, index: number) => reading.boundParty(text, index),
    /** The party `text` names first. */
    firstParty: (text: string) => reading.firstParty(text),
    /** Does a title on the unit's section's path name what is asked of the customer? */
    customersTitle: () => unit.block.section.path.some((p) => asksOfCustomer(p, reading.roles)),
    /** Who acts when a thing fails in `text`, a condition on a failure answered by a party (see answeredFailure: the party names). */
    answered: (text: string) => answeredFailure(text, reading.parties),
    /** The same, for `text` read after the question the unit's block answers (see answeredQuestion). */
    answeredQuestion: (text: string) => answeredQuestion(unit, text, reading),
    /** The unit's failure work put in another document. */
    delegated: () => reader.delegated(unit, DELEGATED_TOPIC),
    /** The delegation of `text` to a paper named by its title that is no part of this agreement (see underTitle). */
    underTitle: (text: string) => underTitle(text, reader.doc),
    /** Does a cell of the unit's table row, under a header naming failure work, name a party (see partyByColumn)? */
    partyByColumn: () => partyByColumn(unit.block, reading),
    /** Is the unit's block a row of cells (whose scope is read by its columns)? */
    inRow: () => unit.block.cells !== undefined,
    /** The scope of the failure in `text` (the unit's, or the unit's read without its successors and examples) in a row. */
    rowScoped: (text: string) => reading.scoped(text === unit.text ? unit : {...unit, text}, FAILURE),
  }
}

/**
 * Judge one unit: it reads the unit's text, home and lead-in, what depends on a text alone (its negations, the scope of
 * the failure in it outside a row), and the document through `ask` alone (see keptJudgement).
 */
function judgeUnit(unit: Unit, ask: Questions, negated: (text: string, at: number) => boolean, scopedOf: (text: string) => string): Verdict | undefined {
  const t = unit.text.replace(SUCCESSOR, (m) => ' '.repeat(m.length)).replace(BRACKETED_EXAMPLE, (m) => ' '.repeat(m.length))
  const at = indexOf(t, FAILURE)
  // a repair the agreement withholds ("The following are excluded: …; repair of hardware damaged by lightning; …",
  // "We do not provide hardware repair, printer support …") is an excluded service, not a failure allocated or disclaimed
  // Reading: failures listed as not counted by a service level ("The following are excluded from Downtime: … failures of
  // the Customer's own network; …") are disclaimed, not allocated and not work withheld: vague
  if (at >= 0 && (leavesOut(t) || (unit.intro !== undefined && leavesOut(unit.intro))) && !ALLOCATE.test(t)) return {outcome: 'vague'}
  if (at >= 0 && withheldWork(t, at, unit.intro, (text, i) => ask.boundParty(text, i) === 'customer')) return undefined
  // under a title of what is asked of the customer, keeping equipment under warranty or replacing it is a standard for
  // the customer's environment ("the server will stay under its manufacturer's warranty, or be replaced when the
  // warranty ends"); only a failure named there makes it an allocation of failure work
  if (at >= 0 && !BROKE.test(t) && ask.customersTitle()) return undefined
  // a list item is read with the sentence that introduced it ("The SLA does not apply to:")
  const disclaimed = (text: string): boolean => isDisclaimer(text) || DISCLAIMS.test(text) || (unit.intro !== undefined && (isDisclaimer(unit.intro) || DISCLAIMS.test(unit.intro)))
  if (at >= 0 && RELIEF.test(t)) return {outcome: 'vague'}
  // a condition on anything failing, answered by a party that acts: "If a till dies, we swap it …", "When the accounting
  // software stops working, the Client calls its vendor"
  const answered = ask.answered(t) ?? ask.answeredQuestion(t)
  if (answered) return {outcome: answered}
  if (at >= 0 && !unit.inHome && indexOf(t.replace(NEVER_FAILS, (m) => ' '.repeat(m.length)), FAILURE) < 0 && !ALLOCATE.test(t) && !disclaimed(t)) return undefined
  const thing = THING.test(t)
  if (at < 0 && !thing && !unit.inHome) return undefined
  if (supplyOnly(t)) return undefined
  // how service-level targets are counted names faults as the incidents measured, not as failures someone answers
  // for ("Response and fix targets are counted during support hours, except for Practice Down faults, which are
  // counted around the clock")
  if (at >= 0 && !thing && !unit.inHome && COUNTED.test(t)) return undefined
  // Reading: the service levels lifted for incidents the customer causes, by its failing its duties ("The Service Levels
  // do not apply to the extent an Incident … is caused by the Customer's failure to meet the Customer Dependencies"),
  // carve failures out of the measure and allocate nothing: vague, as a list of failures not counted is
  if (at >= 0 && LEVELS_LIFTED.test(t) && CASES.test(t.replace(CLIENT_FAULT, ' ')) && !ALLOCATE.test(t)) return {outcome: 'vague'}
  if (at >= 0 && CLIENT_FAULT.test(t) && !THING.test(t.replace(CLIENT_FAULT, ''))) return undefined
  // who does what when something fails: an allocation attached to the failure, not a disclaimer
  // "Responsibility for diagnosing and replacing failed equipment is set out in Schedule 3" puts the allocation elsewhere
  const elsewhere = at >= 0 || unit.inHome ? ask.delegated() : undefined
  // Reading: a sentence that sends only measures of service to another document ("The reaction times, the priority
  // classes and the times for the removal of faults are regulated in Annex 2") delegates those service levels, not
  // who answers for a failure: the faults it names are what the times are counted for
  // (and it says nothing of failures here either: the finder does not read its predicate as sending this clause away)
  if (elsewhere && elsewhere.start !== undefined && elsewhere.end !== undefined && measuresOnly(t.slice(0, elsewhere.start)) && indexOf(t.slice(elsewhere.end), FAILURE) < 0) return undefined
  // and so does the handling of a failure put under another document ("hardware faults are still handled under clause 7 of the
  // Agreement")
  // (the predicate of the sentence, not of a clause after the allocation is stated: "We diagnose faults; further detail is
  // set out in Annex C")
  const put = elsewhere ? PUT_ELSEWHERE.exec(t) : null
  // (not when the sentence goes on to allocate the work itself after the document's name: "… are handled under the Warranty
  // Policy, and we also replace any failed disk at our own cost")
  const allocatesAfter = elsewhere?.end !== undefined && allocatesItself(t.slice(elsewhere.end))
  if (elsewhere && put && !/[;—–]/.test(t.slice(0, put.index)) && !allocatesAfter) return elsewhere
  const titled = at >= 0 || thing || unit.inHome ? ask.underTitle(t) : undefined
  if (titled) return titled
  if (elsewhere && ALLOCATION_SUBJECT.test(t) && FOLLOWS.test(t) && !/[;—–]/.test(t)) return elsewhere
  // a duty of effort that disclaims a result ("our duty is to try our best to fix what breaks, not to guarantee a result")
  // allocates nothing
  if (at >= 0 && EFFORT_NOT_RESULT.test(t)) return {outcome: 'vague'}
  // and so does a result promised for every fault ("guarantees a first-time fix for every fault"): an overpromise, with
  // no one's work or cost in it
  if (at >= 0 && GUARANTEED_RESULT.test(t)) return {outcome: 'vague'}
  if (at >= 0 && thing && partsPutOnParty(t, ask) && !negated(t, at) && !isDisclaimer(t)) return {outcome: 'present'}
  if (at >= 0 && thing && ask.partyByColumn()) return {outcome: 'present'}
  if ((at >= 0 && thing) || unit.inHome) {
    const near = at >= 0 ? ask.inRow() ? ask.rowScoped(t) : scopedOf(t) : t
    // a repair named as a thing's state ("Devices awaiting repair are recorded on the register") is no one's work
    const alloc = ALLOCATE.exec(near.replace(STATE, (m) => ' '.repeat(m.length)))
    // with no failure named in the sentence, a duty or a charge in the home ("The Sacco is responsible for the electricity
    // supply", "The Client is responsible for the mains supply and keeps a UPS on every server") allocates no failure
    // work; repair, diagnosis or replacement itself does
    const standing = at < 0 && alloc !== null && GENERIC.test(alloc[0])
    if (alloc && !standing && !negated(near, alloc.index) && !isDisclaimer(t) && !(unit.intro && (isDisclaimer(unit.intro) || DISCLAIMS.test(unit.intro)))) return {outcome: 'present'}
  }
  if (elsewhere) return elsewhere
  if ((at >= 0 || thing) && (disclaimed(t) || (at >= 0 && negated(t, at)))) return {outcome: 'vague'}
  if (unit.inHome) return {outcome: 'vague'}
  // a failure handed to a successor ("faults still open go to whichever vendor you appoint") touches failures and
  // allocates nothing
  if (at >= 0 && t !== unit.text) return {outcome: 'vague'}
  return undefined
}

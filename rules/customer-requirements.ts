// customer-requirements: minimum standards the customer's environment or conduct must meet, and what happens if not.
import {clauseRule, unitsOf, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import {targetInDocument} from '../src/reading/delegation.js'
import type {Reading} from '../src/reading/index.js'
import {afterSpeaker, FAILING_CUSTOMER_WORDS} from '../src/reading/parties.js'
import {asksOfCustomer, refusesWork, requirementAt, roleTitle, type Names} from '../src/reading/reach.js'
import {indexOf} from '../src/reading/wording.js'
import {needs, testAtWordStarts} from '../src/text.js'
import type {Block, Section} from '../src/types.js'
import data from './data/clauses.json' with {type: 'json'}

const TOPIC = new RegExp(data['customer-requirements'].topic, 'i')
// Reading: a relative clause that says a thing is not among what the agreement lists, names or covers ("Any service which
// is not expressly specified in Schedule I shall be deemed outside the scope", "Work that is not part of the Services is
// quoted") states the scope and picks out what lies outside it; it is no failing of the customer's
// (the customer's failing in that form is still read: "Devices that are not kept on a supported Windows are excluded")
const IN_SCOPE = String.raw`(?:(?:expressly|specifically|explicitly|otherwise|already)\s+)?(?:specified|listed|described|set (?:out|forth)|named|identified|(?:included|covered)\s+(?:by|in|under)\s+(?:this|the|these|our)\s+(?:[\w-]+\s+){0,2}?(?:agreements?|contracts?|services?|plans?|scope|schedules?|fees?|prices?|subscriptions?|support)|part of|one of|within (?:the )?scope|in scope|mentioned|shown|stated|detailed|contained|referred to|selected|ordered|provided for|form(?:ing)? part of)\b`
// Reading: a customer's failing is also said in plain words, as breaking or ignoring the rules it was given ("If a laptop
// breaks these rules, …", "Any device that ignores the above …"): the rules, standards or requirements named, not a thing
// that breaks down ("If a printer breaks, …" is a fault, not a failing)
const BREAKS_RULES = String.raw`\b(?:breaks?|breaking|broke|violates?|violating|ignores?|ignoring|flouts?|flouting)\s+(?:any\s+of\s+)?(?:them|these|those|the above|(?:these|those|the|our|your|its|their|the above)\s+(?:[\w-]+\s+){0,2}?(?:rules|requirements|standards|conditions|policies))\b`
// A consequence tied to the requirement failing: "if the Client does not…", "non-compliant devices are excluded…"
// (a failure in translated wording is a condition too: "in case of non-observance", "failing which")
// (and a thing picked out as breaching the requirement: "may disconnect a device that breaches this section")
// (and a thing picked out as falling below the requirement: "Devices that fall below this standard are supported only at our
// hourly rate", "a PC which drops below the minimum")
// (so is "failing this" after a list of duties, and a thing that "falls behind" on its updates)
// (so is equipment picked out as unsupported anywhere in the sentence: "we cannot keep an unsupported or unknown machine safe")
// (so is a thing picked out by what it lacks: "A laptop that has not checked in for 14 days drops out …", "Workstations
// without the agent are not monitored")
// (and a relief that lasts while the customer fails, or for what its failing touches: "the Provider's obligations are
// suspended while the Client fails to provide access", "… suspended for the duration of the failure", "If the Ordering
// Party does not provide access, the times in § 4 are extended by the delay"; and time spent putting right what a
// failing caused: "time spent putting right anything caused by …", and the call-outs or visits it caused: "may charge its
// hourly rate for call-outs caused by the cabinet not being kept so")
// (a failing introduced by "when" is a condition as one by "if": "When the Ordering Party does not keep the standards …")
const CONDITIONAL = new RegExp(String.raw`\bto the extent (?:caused|resulting|arising)\b|\b(?:if|where|when|should)\s+(?:nobody|no one|no-one)\b(?![^,.;]{0,30}\b(?:provider|supplier|contractor|msp|our|us|we)\b)|\b(?:work|time|effort|costs?|repairs?|remediation|recovery|clean-?up|call-?outs?|visits?|attendances?)\s+(?:[\w-]+\s+){0,4}?(?:caused by|resulting from|arising from|needed because of|due to)\b|\bnon-?(?:observance|respect|fulfil+ment)\b|\bfailing (?:which|this|that|these|those)\b|\b(?:if|where|when|should|in the event|in case|unless|until|while|whilst|(?:for )?(?:as|so) long as)\b[^.]{0,120}\b(?:fails?|failure|does not|do not|doesn't|don't|is not|are not|isn't|aren't|not (?:met|maintained|meet)|(?:is|are) refused|refuses?|falls? (?:short|behind|below)|(?:more than|over) (?:one|\w+ (?:releases?|versions?|years?)) (?:release |version )?(?:behind|old)|out of date|unsupported|breach\w*|non-?complian\w*|(?:has|have|had)\s+no\b|lack(?:s|ing)?|${BREAKS_RULES})|\bwhere no\b|\b(?:that|which|who)\s+(?:falls?|fell|drops?|dropped|slips?)\s+(?:below|beneath|short of)\b|\b(?:that|which|who)\s+(?:breach(?:es)?|breached|violates?|violated|infringes?|infringed)\s+(?:this|these|that|those|the|our|its|any)\b|\bin (?:breach|violation) of\b|\b(?:that|which) (?:is|are|does|do)(?:n't| not)\s*[,.;]|\b(?:that|which) (?:is|are|does|do|has|have)(?:n't| not)\s+(?!${IN_SCOPE})(?:[^,.;]{0,40}?\s)?(?:is|are|will|gets?|shall|falls?|drops?)\b|^\W*(?:any\s+|a\s+|an\s+|all\s+)?(?:[\w-]+\s+)?(?:devices?|machines?|pcs?|computers?|laptops?|workstations?|servers?|endpoints?|users?|accounts?)\s+without\b|\bnon-?complian\w*|\b(?:fails?|failure) to (?:meet|maintain|comply|keep)|\bdo(?:es)? not meet\b|\b(?:don't|doesn't|do not|does not|that fail to) (?:meet|comply with|satisfy) (?:this|these|that|those|the (?:above|requirements?|standards?|minimum))\b|\bcaused by (?:the )?(?:customer|client)(?:'s|’s)?\s+(?:not (?:meeting|complying|maintaining|keeping)|fail(?:ure|ing) to (?:meet|comply|maintain|keep))\b|(?:^\W*|\b(?:an?|any|every|each)\s+)(?:older|unsupported|non-?compliant|unlicen[cs]ed|out-of-date|legacy)\s+(?:(?:or|and)\s+[\w-]+\s+)?(?:[\w-]+\s+)?(?:machines?|devices?|pcs?|computers?|laptops?|workstations?|servers?|systems?|equipment|hardware|software)\b`, 'i')
// What follows from the requirement failing. A condition is not its own consequence: "if you do not agree, do not
// open an account" states none.
// (dropping out of monitoring or out of the times, not being monitored, and billing the time spent putting things right
// are consequences too: "drops out of monitoring and out of the response times", "I'll put it back and bill the time")
// (and a failure that releases the provider from its times or duties: "The non-compliance with item 8.1 exempts the
// CONTRACTED PARTY from the periods of Clause Four")
// (a step taken first and a charge joined to it: "we may move it to an isolated server and charge £40 a month")
// (the times written with a contraction are the same consequence: "the response times above don't apply to it")
// (and with the negation on the subject: "no response targets apply"; a basis named with or without its article, in full or
// as "T&M": "supported on T&M basis only")
// (and the times named by a range of levels, whatever joins it: "outside the P1–P3 times", "outside the P1/P2 targets")
// (and what is done to the failing equipment: taken off the plan or the covered devices, "we may take it off the plan", or
// said in the present tense, "uninstalling it removes the device from coverage", "it
// comes off the plan until it is sorted", or its work charged by the hour, "we'll still help, but at our hourly rate", "is
// supported at the D3 rate"; and a provider that is then "not in delay" or "entitled to charge")
// (and putting right what the failing caused at a rate for the work: "if someone installs junk on a PC we clean it up at
// $125/hr", "we'll remove it and bill you £90 an hour")
// (and work put on a time-and-materials footing whatever the noun after it: "will support it only on a time-and-materials
// recharge", "on T&M rates")
// (only ever tested: read at word starts, the forty-odd alternatives cost ~0.6 of trying each at every character)
const CONSEQUENCE = testAtWordStarts(
  /\b(?:is|are|will be|shall be)\s+not\s+(?:obliged|obligated|required|responsible|liable)\b|\b(?:is|are|will be|shall be)\s+not\s+(?:in delay|in default|in breach)\b|\b(?:is|are|will be|shall be)\s+(?:then\s+)?entitled\s+to\s+(?:charge|bill|invoice|suspend|refuse|terminate|withhold|stop)\b|\bforfeit\w*|\b(?:counts?|is counted|(?:is|are) treated|will be treated) as (?:having (?:taken place|been (?:made|used|delivered|attended))|used|delivered|completed|attended)\b|\b(?:comes?|taken|drawn|deducted) (?:out of|from) (?:the|your) (?:block|hours|retainer|prepaid)\b|\bno longer (?:covered|supported|included|eligible)\b|\b(?:will|shall|may) (?:be|become) (?:charged|billed|invoiced|chargeable|billable)\b|\b(?:can't|cannot|can not|won't|will not|do not|don't|does not)\s+(?:promise|guarantee|commit to|apply)\b[^.]{0,40}\b(?:response|resolution|service levels?|sla|times?|targets?)|\b(?:service levels?|(?:response|notification|resolution|restore) times?|times|sla|targets?|commitments?|(?:service )?credits?|availability|uptime|guarantees?|warrant(?:y|ies)|objectives?)\b(?:[^.]|\.\d){0,80}(?:\b(?:do|does|will|shall) not|\b(?:don|doesn|won|shan)(?:'|\u2019)t|\bno longer) apply\b|\bbest[- ](?:efforts?|endeavou?rs?)(?: support| service| cover)? (?:only|basis)\b|\bon a best[- ](?:efforts?|endeavou?rs?) basis\b|\b(?:instead of|rather than) under (?:the|your|this) (?:plan|agreement|contract|fee)\b|\b(?:won(?:'|\u2019)t|will not|do not|don(?:'|\u2019)t|does not|doesn(?:'|\u2019)t|cannot|can(?:'|\u2019)t)\s+(?:cover|support|maintain|look after|work on)\b|\bon (?:an? )?(?:time[- ](?:and|&)[- ]materials?|T\s?&\s?M) (?:basis|recharges?|charges?|rates?|terms)\b|\bno (?:[\w-]+\s+){0,2}?(?:service levels?|slas?|times|targets?|commitments?|guarantees?)\s+(?:will\s+|shall\s+)?apply\b|\b(?:put|place[sd]?|puts|putting)\s+(?:the\s+|your\s+|our\s+)?(?:services?|support|work|account|plan)\s+on hold\b|\b(?:supported|serviced|handled|covered|repaired|fixed) at [^.]{0,25}(?:\b(?:per hour|an hour|hourly|(?:hourly|standard|ad[- ]hoc) rates?)\b|\/\s*(?:hour|hr|h)\b)|\b(?:billed|charged|invoiced) (?:hourly|by the hour|per hour)\b|\boutside (?:the|this|our) (?:amc|agreement|contract|plan|support|service)\b|\b(?:provider|we|msp|supplier|contractor|vendor)\b[^.]{0,40}\b(?:is|are|will be|shall be|will not be|shall not be|won(?:'|\u2019)t be)\s+(?:not\s+)?(?:responsible|liable|obliged|obligated|required|relieved|excused|bound by|held to|released from)|\b(?:have|has|bear|bears) no (?:liability|responsibility)\b|\bnot (?:covered|included|eligible|supported|subject to)\b|\b(?:excluded|exempt(?:ed)?) from\b|\b(?:exempts?|releases?|relieves?)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?from\s+(?:(?:the|its|their|any)\s+)?(?:[\w-]+\s+){0,2}?(?:periods?|times?|deadlines?|targets?|service levels?|obligations?|commitments?|liability|responsibility)\b|(?:(?:\b(?:may|will|shall|can)|['’]ll)\s+(?:then\s+)?(?:remove|take|drop)|\b(?:removes|takes|drops))\s+(?:it|them|(?:the|that|such|any|each)\s+[\w-]+)\s+(?:off|from|out of)\s+(?:the\s+|your\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:plan|cover|coverage|agreement|contract|scope|service|support|(?:covered|managed|supported)\s+(?:devices|equipment|assets))\b|\bat\s+(?:my|our|the|its|(?:the\s+)?(?:standard|normal|usual|current|ad[- ]hoc))\s+(?:(?:standard|normal|usual|current|ad[- ]hoc)\s+)?(?:hourly|time[- ](?:and|&)[- ]materials?|call-?out)\s+(?:rates?|charges?|prices?)\b|\b(?:supported|serviced|handled|covered|repaired|fixed|cleaned up)\s+at\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?rates?\b(?!\s+of\b)|\b(?:comes?|came|goes|go|went|falls?)\s+off\s+(?:the\s+|your\s+|our\s+)?(?:[\w-]+\s+)?(?:plan|cover|coverage|contract|agreement|support)\b|\b(?:removed|dropped|taken off)\s+(?:from\s+)?(?:the\s+|your\s+|our\s+)?(?:monthly\s+|fixed\s+|support\s+)?(?:plan|cover|coverage|agreement|contract|scope|service|support|fee|list of covered devices)\b|\boutside (?:the )?(?:scope|service levels?|sla|coverage)|\boutside (?:the |our )?(?:[\w\-–—/]+ (?:and |& )?){1,3}(?:times|targets)\b|(?:\b(?:may|will|shall|can)|['’]ll) (?:[\w-]+\s+){1,6}?and (?:then\s+)?(?:charge|bill|invoice|suspend)\b|(?:\b(?:may|will|shall|can)|['’]ll) (?:suspend|charge|bill|invoice|terminate|refuse|decline|treat|remediate|exclude|withdraw|stop|quote (?:to|for) (?:bring|upgrad|replac|remediat|fix|repair))|\b(?:drops?|dropped|falls?|fallen|comes?|taken|removed|goes|left|kept)\s+out\s+of\s+(?:the\s+|your\s+|our\s+)?(?:monthly\s+|fixed\s+|annual\s+)?(?:fee|plan|cover|coverage|agreement|contract|scope|service levels?|sla|monitoring|patching|updates|support|(?:[\w-]+\s+){0,2}(?:times|targets))\b|\b(?:is|are)\s+not\s+(?:monitored|patched|backed up)\b|\b(?:stops?|stopping|ceases?|ceasing)\s+(?:supporting|covering|maintaining|monitoring|patching|looking after|working on)\b|\b(?:bill|charge|invoice)s?\s+(?:you\s+)?(?:for\s+)?(?:the|my|our|that|this|any|all)\s+(?:time|hours|labour|labor)\b|\bat (?:the )?(?:client|customer)(?:'s|’s)? (?:own )?(?:cost|expense|risk)|\b(?:is|are|be|become|becomes|as)\s+(?:then\s+|also\s+)?billable\b|\bbillable\b(?!\s+(?!(?:at|to|by|as|in|on|under|from|per)\b)[a-z])|\bchargeable basis\b|\b(?:is|are)\s+(?:then\s+)?(?:charged|billed|invoiced)\b|\bvoid\w*\b|\b(?:billed|charged) (?:at|separately)|\bsuspen(?:d|sion)\b|\b(?:times?|deadlines?|targets?|service levels?|time limits?)\b[^.;]{0,60}\b(?:is|are|will be|shall be)\s+(?:extended|prolonged|lengthened)\b|\b(?:is|are|will be|shall be)\s+suspended\s+(?:while|whilst|(?:for )?(?:as|so) long as|until|for the (?:duration|period|length) of|for (?:any|each|every|the) (?:[\w-]+\s+){0,2}?(?:incidents?|faults?|equipment|devices?|systems?|workstations?|laptops?)\b)|\b(?:clean|fix|repair|sort|put|set|reinstall|restor|rebuild|remov|recover|re-?image|reimag|wip|undo|disinfect)\w*\s+(?:[\w'’-]+\s+){0,5}?(?:at|for|and\s+(?:then\s+)?(?:charge|bill|invoice)\s+(?:you\s+|it\s+)?(?:at\s+)?)\s*(?:(?:[$€£₹]|(?:us|nz|a|c)\$|(?:usd|eur|gbp|aud|nzd|cad|inr|rs\.?|r)\s?)\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£]|usd|eur|gbp|euros?|dollars|pounds|rupees))\s*(?:\/\s*|per\s+|an?\s+)(?:hour|hr|h)\b/i,
)

// Reading: what the customer's failing lifts or costs is its consequence, whatever the verb: the clause beside a failing
// condition that lifts the provider's commitments (its service levels, times or targets, or its cover of the thing that
// fails: "the reaction times from point 3 are not obligatory for the Contractor", "will not be binding on Provider", "may,
// on ten Business Days' notice, exclude the workstation from the Service Levels", "is removed from the Covered Devices")
// or makes the work it causes chargeable ("remedial work is chargeable", "the works are paid by the hour rate"); the
// condition's own clause is not read, so a condition is still not its own consequence
const COMMITMENTS = String.raw`(?:service[- ]levels?|slas?|(?:response|reaction|resolution|restor\w*|repair|fix|attendance|solution|intervention) times?|times|targets?|availability|uptime|obligations?|commitments?|(?:covered|supported|managed) (?:devices|equipment|systems|assets)|coverage)`
const LIFTED_AFTER = new RegExp(
  String.raw`\b${COMMITMENTS}\b[^.;]{0,80}?(?:\b(?:is|are|will|shall|would)\s+(?:then\s+)?(?:not|no longer)\s+(?:be\s+)?|\b(?:won|isn|aren|wouldn)['’]t\s+(?:be\s+)?)(?:binding|obligatory|applicable|mandatory|enforceable|owed|in force)\b|\b${COMMITMENTS}\b[^.;]{0,80}?\b(?:lapses?|ceases?) to (?:apply|bind)\b`,
  'i',
)
// (and the failing thing taken out of the services themselves: "may … exclude it from the Services until it does")
const LIFTED_BEFORE = new RegExp(String.raw`\b(?:exclud|exempt|reliev|releas|remov|withdraw|waiv)\w*\s+(?:[^.;]{0,50}?\s)?(?:from|of)\s+(?:the\s+|its\s+|their\s+|any\s+)?(?:[\w-]+\s+){0,2}?${COMMITMENTS}\b|\b(?:exclud|remov|withdraw)\w*\s+(?:it|them|the\s+(?:[\w-]+\s+){0,2}?(?:devices?|sites?|systems?|equipment|machines?|computers?|pcs?|laptops?|servers?))\s+from\s+(?:the\s+)?services\b`, 'i')
const CHARGED = /\b(?:is|are|will be|shall be|becomes?)\s+(?:then\s+)?(?:chargeable\b|paid\s+(?:by|at|under|according to)\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,2}?rates?\b)/i
// Reading: what the customer's failing changes in the service, its times or its charges is its consequence, in any
// register: the provider's commitments denied by any negation of their holding ("the reaction times from point 3 are not
// valid for this computer", "the SLA can't be kept", "there will be no response time commitment") and the work put on a
// paid basis ("support will then be only on hourly basis", "is carried out against payment", "at extra cost to the
// Client", "moved to pay-as-you-go support"; not "paid additionally", which is how work outside the scope is paid, not
// what a failing changes); read, as the readings above, outside the condition's own clause (a negation that leaves the
// commitment as it was, "the times are not affected", changes nothing)
const DENIED = new RegExp(
  String.raw`\b${COMMITMENTS}\b[^.;]{0,60}?(?:\b(?:is|are|will|shall|would|do|does|can|could)\s+(?:then\s+)?(?:not|no longer)\b|\b(?:won|isn|aren|wouldn|don|doesn|can|couldn)['’]t\b|\bcannot\b)(?!\s+(?:be\s+)?(?:affect|chang|reduc|impact|alter|shorten)\w*)|\bno\s+(?:[\w-]+\s+){0,2}?${COMMITMENTS}\b`,
  'i',
)
const PAID_BASIS =
  /\b(?:on|at|for|by|under|with|against)\s+(?:an?\s+|the\s+|our\s+|its\s+|their\s+)?(?:(?:normal|standard|usual|current|separate|extra|additional)\s+)?(?:hourly|per[- ]hour|paid|chargeable|billable|payment|fee|cost)\s+(?:basis|base|rates?|tariffs?|prices?|charges?)\b|\bagainst\s+(?:(?:extra|additional|separate)\s+)?(?:payments?|charges?|fees?|invoices?)\b|\b(?:at|with|for)\s+(?:(?:the|an?)\s+)?(?:extra|additional|separate)\s+(?:costs?|charges?|fees?|payments?)\b|\b(?:on|onto|to|under|at)\s+(?:an?\s+|the\s+|our\s+)?pay[- ]as[- ]you[- ]go\b/i
// The callers read a sentence's condition and then whether it states a consequence, which reads the condition again
// (and a block of one sentence is read as the block and as its sentence): each answer is kept for the last text asked,
// as both depend on the text alone.
let conditionText: string | undefined
let conditionMatch: RegExpExecArray | null = null
/** CONDITIONAL's match in the text (null when it has none), read once for the last text asked. */
function conditionIn(text: string): RegExpExecArray | null {
  if (text !== conditionText) {
    conditionMatch = CONDITIONAL.exec(text)
    conditionText = text
  }
  return conditionMatch
}
/** Does the text hold a failing condition (see CONDITIONAL)? */
function conditional(text: string): boolean {
  return conditionIn(text) !== null
}
/** The text of a sentence outside its failing condition's own clause (see CONDITIONAL), or nothing when it has none. */
function outsideCondition(text: string): string | undefined {
  const m = conditionIn(text)
  if (!m) return undefined
  if (!CONDITION_WORD.test(m[0])) return text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)
  // (from its word to the end of its clause, as clauseScope reads it: the match itself may run on into the result)
  const rest = text.slice(m.index)
  const end = rest.search(/[,;:]|\bthen\b/)
  return text.slice(0, m.index) + ' ' + (end >= 0 ? rest.slice(end) : '')
}
/** Does the text state a consequence: one CONSEQUENCE names, or a clause beside a failing condition that lifts the provider's commitments or charges the work? */
function statesConsequence(text: string): boolean {
  if (text !== consequenceText) {
    consequenceStated = readsConsequence(text)
    consequenceText = text
  }
  return consequenceStated
}
let consequenceText: string | undefined
let consequenceStated = false
function readsConsequence(text: string): boolean {
  if (CONSEQUENCE.test(text)) return true
  const result = outsideCondition(text)
  if (result !== undefined && SHUT_OUT.test(result)) return true
  return result !== undefined && (LIFTED_AFTER.test(result) || LIFTED_BEFORE.test(result) || CHARGED.test(result) || DENIED.test(result) || PAID_BASIS.test(result) || CLOCK_STOPPED.test(result) || FEE_FALLS.test(result))
}
// Reading: the failing thing shut out of the service or the network is what the failing costs, as a charge is: "will be
// refused access to the staff network", "gets blocked from the office Wi-Fi", "we disconnect it from the member network",
// "is quarantined"; read only beside a failing condition, outside its own clause ("if access is refused, …" is the
// condition, not its result; "If the router breaks down, we disconnect it" is a fault, not a failing)
const SHUT_OUT = /\b(?:may|will|shall|can)\s+(?:then\s+|immediately\s+)?(?:disconnect|block|bar|quarantine|isolate|suspend)\s+(?:a|an|any|the|that|such|each)\s+[\w-]+\b|\b(?:is|are|be|gets?|getting)\s+(?:then\s+|immediately\s+|automatically\s+)?(?:refused|denied|blocked|barred|disconnected|cut off|locked out|quarantined|shut out)\b|\b(?:refuse|refuses|deny|denies|block|blocks|bar|bars|disconnect|disconnects|quarantine|quarantines|isolate|isolates|cut|cuts|lock|locks)\s+(?:it|them|the\s+[\w-]+|that\s+[\w-]+|such\s+[\w-]+|any\s+[\w-]+)\s+(?:off\s+|out\s+)?(?:from|of)\b|\b(?:refus\w*|den(?:y|ies|ied))\s+(?:it\s+|them\s+)?access\b|\b(?:blocked|barred|disconnected|cut off|locked out|shut out)\s+(?:from|of)\b/i
// Reading: a clock of the service levels stopped while the customer fails ("the repair clock in section 5 is stopped",
// "the SLA clock pauses", "we stop the clock") and a fee the customer then pays ("Client will pay a rescheduling fee of CAD
// $1,200", "the Customer is charged a call-out fee") are what its failing costs: consequences, read outside the condition
const CLOCK_STOPPED = /\b(?:(?:sla|response|resolution|repair|fix|restore|service[- ]level|target)\s+)?clocks?\b[^.;]{0,40}?\b(?:is|are|will be|shall be|gets?)\s+(?:then\s+)?(?:stopped|paused|suspended|frozen|on hold)\b|\b(?:(?:sla|response|resolution|repair|fix|restore|service[- ]level|target)\s+)?clocks?\s+(?:then\s+)?(?:stops?|pauses?)\b|\b(?:stop|stops|pause|pauses|suspend|suspends|freeze|freezes)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?clocks?\b/i
const FEE_FALLS = /\b(?:client|customer|you|subscriber)\s+(?:will|shall|must|then)\s+(?:also\s+)?pays?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:fee|charge|surcharge|penalty)\b|\b(?:client|customer|you|subscriber)\s+(?:is|are|will be|shall be)\s+(?:then\s+)?charged\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:fee|charge|surcharge|penalty)\b/i

// A requirement written on the customer's equipment: "PCs must run Windows 11 Pro", "All devices shall be …", "Each
// consulting-room PC must …" (not the provider's own: "Each hosted server must …", "every loan laptop …")
// the device may be named by its make ("Every Mac must run …") and picked out by a relative clause ("Every PC that
// connects to the workspace must …"), one that is not the provider's own ("every server that we host must …")
// (and the customer's environment named as a whole by its possessive: "your environment must meet these standards:", "the
// Client's network must …")
const EQUIPMENT_MUST = needs(/\b(?:(?:every|each|any)\s+(?:(?!(?:hosted|loan(?:ed)?|spare|replacement|cloud|virtual)\b)[\w-]+\s+)?(?:pc|mac|imac|macbook|ipad|chromebook|tablet|computer|device|laptop|desktop|workstation|machine|server)|pcs|macs|imacs|macbooks|ipads|chromebooks|tablets|computers|devices|laptops|desktops|workstations|machines|end[- ]user devices|servers|switch(?:es)?|firewalls?|routers?|(?:your|the\s+(?:client|customer)(?:'s|’s))\s+(?:[\w-]+\s+)?(?:environment|set-?up|infrastructure|it estate|estate|network|systems|equipment|hardware))(?:\s+(?:that|which)\s+(?![^,.;]{0,60}\b(?:we|us|our|provider|supplier|contractor)\b)[^,.;]{1,60}?)?\s+(?:must|shall|needs? to|(?:are|is) required to)\b/i)
// What the customer is asked for, in plain words: "a couple of things we need from you: …"
// (or with the customer's side named first: "From your side we need three things: …")
const NEED_FROM = needs(/\b(?:we|i)\s+(?:need|require|ask|expect)\b[^.]{0,20}\b(?:from|of)\s+you\b|\b(?:from|on) your (?:side|end|part)\b,?\s+(?:we|i)\s+(?:need|require|ask|expect)\b/i)
// A standard of environment or conduct asked of the customer politely, or under a label of the customer's side: "Please
// keep every laptop on …", "We ask that you don't give staff admin rights", "Kindly ensure that …", "We request you to
// keep the UPS …", "Your side: keep the server cupboard locked" (not "Please keep this letter for your records", and not a
// procedure: "please tell us", "kindly inform us")
// (the customer's side named in passing, "on your side, keep the iPads charged", and the standard asked of everyone the
// customer has: "We ask that everyone uses multi-factor sign-in", "we need all staff to lock their screens")
const ASKED_LEAD = String.raw`(?:^\W*(?:your (?:part|side|bit|end)|(?:what )?we need from you)\s*:|\b(?:on|for|from) your (?:part|side|end)\s*[,:]|\b(?:please|kindly)(?:\s+(?:also|always|make sure to|remember to))?|\b(?:we|i)\s+(?:would\s+|['\u2019]d\s+)?(?:ask|request|require|need)\s+(?:that\s+)?(?:you|everyone|every(?:body| user| member of staff)|all (?:your )?(?:staff|users|employees|team members)|your (?:staff|team|users|employees))(?:\s+(?:to|also))?)`
const ASKED_VERB = String.raw`(?:keep(?!\s+(?:this|these|that|it|a copy|copies|your (?:records?|receipts?|invoices?))\b)|keeps(?=\s+(?:the|their|every|all|its)\b)|ensures?|make sure|makes sure|maintains?|installs?|uses?|runs?|leaves?|locks?|stores?|patch(?:es)?|updates?|replaces?|back up|backs up|avoids?|never|don['\u2019]t|do not|not)\b`
// the same standard asked as a favour: "We'd be grateful if your staff kept their passwords private", "We would appreciate
// it if Client staff locked their screens" (not a procedure: "we'd be grateful if you let us know", "… paid on time")
const GRATEFUL = String.raw`\b(?:we|i)(?:\s+would|['\u2019]d)\s+(?:be\s+(?:grateful|glad|thankful|obliged)|appreciate\s+it|(?:really\s+)?like\s+it)\s+if\s+(?:(?:you|your|the|all|every|each)\s+)?(?:[\w-]+\s+){0,2}?(?:kept|keep|used|use|locked|lock|ensured|ensure|made\s+sure|make\s+sure|installed|install|avoided|avoid|did\s+not|didn['\u2019]t|never|ran|run|patched|patch|updated|update|stored|store|left|leave)\b`
// Reading: an imperative of conduct addressed to the reader ("Keep automatic updates on.", "Don't share logins.", "Never
// leave the server cupboard open") asks a standard of the customer, as "please keep …" does; an instruction on how to get
// help ("Call us on …", "Email the desk", "Use the portal to log a ticket") is not one, nor an item of a list the provider
// introduces ("We will:" › "keep your antivirus up to date")
// (a terse note's too: "Just don't let anyone install stuff", "you: keep the wifi password off the menu board"; and the same
// standard stated of "you" in the present tense: "You keep every PC on a supported version of Windows", not "You keep
// ownership of your data")
// Reading: "keep" before a count of copies ("Keep 30 dailies + 12 monthlies", "keep the last 14 versions") states how many
// backups are retained, in the note form of a backup schedule, not conduct asked of the customer
const IMPERATIVE_CONDUCT =
  /^\W*(?:(?:you\s+(?:also\s+|always\s+)?(?:keep(?!\s+(?:ownership|(?:all\s+|the\s+|any\s+)?rights?|title|control|full|all|any|a copy|copies|your (?:data|records?|receipts?|invoices?|files|content))\b)|maintain|make sure|ensure|lock|patch|update))\b|(?:you\s*:\s*)?(?:(?:please|always|also|and|just)\s+)?(?:keep(?!\s+(?:this|these|that|it|a copy|copies|in mind|an eye|in touch|us|your (?:records?|receipts?|invoices?)|(?:the\s+)?(?:(?:last|latest|newest)\s+)?\d+\s+(?:[\w-]+\s+){0,2}?(?:dailies|weeklies|monthlies|yearlies|copies|versions|snapshots|backups|generations|restore points|days|weeks|months|years))\b)|make sure|ensure|lock|leave|back up|patch|update|replace|avoid|store|(?:don['\u2019]t|do not|never)(?!\s+(?:worry|hesitate|wait|forget|panic|be afraid)\b)\s+[a-z]+)\b)/i
/**
 * An imperative that is the provider's act: an item of a list the provider introduces ("We will:" › "keep your antivirus
 * up to date"), or a line under a title that names the provider's part ("The Provider's part", "What we do").
 */
function providersImperative(unit: Unit, reading: Reading): boolean {
  if (unit.block.kind === 'list-item' && reading.introducingParty(unit.block) === 'provider') return true
  for (let s: Section | undefined = unit.block.section; s && s.kind !== 'root'; s = s.parent) if (PROVIDERS_PART.test(roleTitle(s.title, reading.parties))) return true
  return false
}
const PROVIDERS_PART = /^(?:what )?PROVIDER(?:'s?)? (?:own )?(?:obligations|responsibilities|duties|commitments|undertakings|part|side|bit|end|do|does|will do|to do|provides?|promises?)$/
// Reading: a lead-in that is only the label of the customer's side ("Your side:", "What we need from you:", "From you:")
// introduces what is asked of the customer, as a title of that name does; its list is judged with it
const SIDE_LEAD = /^\W*(?:(?:your|the (?:client|customer)(?:['’]s)?) (?:part|side|bit|end)(?: of (?:the|this) (?:deal|bargain|agreement|arrangement))?|(?:on|from|for) your (?:part|side|end)|(?:what )?(?:we|i) (?:need|require|ask|expect) (?:from|of) (?:you|the (?:client|customer))|from you|what you (?:need to|must|have to) (?:do|provide|have))\s*:\s*$/i
// Reading: in a chat message the customer sends, the first person is the customer: a standard of conduct it takes on in
// its own voice, a verb of keeping or maintaining or a standing rule ("From our side: our team will always ring the on-call
// number for a P1", "On our end, our staff will keep the till PCs switched on"), is the customer's requirement; not a
// step of the conversation itself ("I'll tell them today", "we'll send the signed copy", "we'll pay on the 1st") nor a
// decision of its own ("If it isn't working by Friday, we will bin it")
const FIRST_PERSON_DUTY = /\b(?:we|I|our\s+(?:[\w-]+\s+){0,2}?(?:team|staff|people|users|employees|colleagues))\s+((?:(?:also|always|then)\s+)?(?:will|shall|must|agree to|undertake to|commit to|['’]ll)(?:\s+(?:also|always|never|not))?\s+(?!(?:pay|settle|remit|send|tell|let|call|ring you|email|e-mail|text|message|confirm|sign|check|look|review|get back|reply|respond|think|talk|discuss|come back|go|see|try|have a look|ask|update you|keep you)\b)[a-z][^.;]*)/i
/** A standard of conduct the customer takes on in the first person (FIRST_PERSON_DUTY), in a text's own words. */
function firstPersonStandard(spoken: string): boolean {
  const m = FIRST_PERSON_DUTY.exec(spoken)
  return m !== null && (conductDuty(m[1]!) || STANDING.test(m[1]!))
}
/** A duty that is a standing rule: "will always ring …", "will never plug …", "won't install …". */
const STANDING = /^(?:\w+\s+){0,2}?(?:always|never|not)\b|^\w*['’]t\b|^won['’]t\b/i
const POLITE = new RegExp(`${ASKED_LEAD}\\s+${ASKED_VERB}|${GRATEFUL}`, 'i')
// Compliance with a named document that sets the standards: "comply with the Provider's Acceptable Use Policy, which sets
// the minimum standards for …", "complies with our IT Rules, which set out the requirements"
const COMPLY_WITH_POLICY = needs(/\bcompl(?:y|ies|ying) with\s+(?:the\s+|its\s+|our\s+|your\s+|[A-Z][\w-]*(?:'s|’s)\s+){0,2}((?:[A-Z][\w&'’-]*\s+){0,4}(?:Policy|Policies|Rules|Standards|Handbook|Guide|Code of Conduct|Requirements))\b,?\s*(?:which|that)\s+(?:sets?(?:\s+out)?|lays?\s+down|defines?|states?|contains?|specifies)\b[^.;]{0,60}\b(?:standards?|requirements?|rules|obligations)\b/)
// The standards referred back to by a pronoun: "that does not meet them", "which fail to comply with these"
const MEETS_THEM = needs(/\b(?:do(?:es)?\s+not|do(?:es)?n['’]t|fails?\s+to|cannot)\s+(?:meet|comply with|satisfy|conform to)\s+(?:them|these|those|it|this|that|the above)\b/i)
/** A condition on failing standards named before: "Where the Client does not meet them, …", "If you fail to comply with these, …". */
const FAILING_THEM_IF = /^\W*(?:(?:\d+(?:\.\d+)*|\(?[a-z]\))[.)]?\s+)?(?:if|where|should|when|in the event that)\b[^,;]{0,60}?\b(?:do(?:es)?\s+not|do(?:es)?n['’]t|fails?\s+to)\s+(?:meet|comply with|satisfy|conform to)\s+(?:them|these|those|the above)\b/i
// What names the requirements as a whole, or their consequences: "Customer Responsibilities", "minimum standards", "the
// Acceptable Use Policy", "the consequences of not meeting them"
const REQUIREMENTS_NAMED = needs(/\b(?:consequences?|requirements?|obligations?|responsibilit\w*|dependenc\w*|standards?|polic(?:y|ies)|handbook|guide|prerequisites?|duties)\b/i)
const AGREE_TO_TERMS = /\bagrees? to (?:the following|these (?:terms|conditions)|this agreement|the terms(?: of this agreement)?)\s*[.:]?\s*$/i
// A consequence that refers back to the requirement before it: "If you do not, …", "Otherwise …"
const BACK_REFERENCE = /^(?:if|where|should)\s+(?:\w+\s+){0,2}?(?:do(?:es)?|is|are|has|have)(?:n't| not)\s*[,;]|^(?:otherwise|failing (?:this|that|which)|if not)\b/i
// A requirement to meet standards named as a whole: "meet the minimum standards in …", "in line with the Minimum Standards"
// the object of a duty to meet standards, the last of a series ("comply with the acceptable use policy and the technical
// requirements in the Vendor Terms"); group 1 is the standards' name ("Minimum Standards")
const STANDARDS_ELSEWHERE = needs(/\b(?:meets?|compl(?:y|ies) with|in line with|conforms? to|satisf(?:y|ies)|follows?|observes?)\s+(?:[^.;:]{0,60}?\s(?:and|or)\s+)?(?:all\s+|any\s+)?(?:the|its|our|your)\s+((?:[\w-]+\s+){0,2}?(?:standards|requirements|dependencies|policies|obligations))\b/i)
// The requirements named as a whole at the head of a sentence, then its verb: "The minimum technical requirements for the
// Customer's computers … are ", "Your responsibilities are as ", "Client prerequisites will be "
// (with no article as with one: "Customer responsibilities and minimum system requirements are set out in …")
const REQUIREMENTS_SUBJECT = /^\W*(?:\(?[\w.]{1,6}\)?\s+)?(?:(?:the|your|our|its|all|any)\s+)?(?:[\w'’-]+\s+){0,5}?(?:requirements|standards|prerequisites|obligations|responsibilities|duties|dependencies)\b(?:\s+(?:for|of|on|that)\b[^.;:]{0,120}?)?\s+(?:is|are|will be|shall be|remain|can be(?: found)?)\s+(?:as\s+)?(?:(?:set out|set forth|listed|described|specified|given|stated|detailed|contained|defined|found)\s+)?$/i

// Reading: standards the customer must meet, named by a title of their own that is the provider's ("Harbor Point's Minimum
// Technology Standards", "the Corrib Minimum Standards", "our Site Requirements") or placed in a paper ("the Minimum
// Environment Standards in Shannonside's Onboarding Pack", "the standards of the Kestrel Baseline document"), and that this
// agreement neither defines nor titles a part with, are that paper's: the requirements are delegated there, whatever
// consequence the agreement gives for failing them. A public standard so named ("the Cyber Essentials Requirements") is
// stated, not delegated; a standard the agreement lists under its title is stated here.
/** A duty to keep to standards, and the words after it (group 1). */
const KEEP_TO = /\b(?:meets?|meeting|compl(?:y|ies|ying) with|conforms? to|satisf(?:y|ies|ying)|follows?|observes?|according to|in (?:line|accordance|compliance) with|keeps? (?:[\w'’-]+\s+){1,4}?to)\s+([^.;]{1,200})/
/** The standards by title: an owner in the title or before it (group 1: "our", group 2 the title's words), then the noun. */
const STANDARDS_TITLE = /^(?:all\s+|any\s+)?(?:the\s+|(our)\s+)?((?:[A-Z][\w&-]*(?:['’]s)?\s+){1,5}?)(?:Standards?|Requirements|Baseline)\b/
/** Standards placed in a paper: "… in Shannonside's Onboarding Pack", "the standards of the Kestrel Baseline document". */
const IN_PAPER = /^[^.;]{0,80}?\b(?:in|of|from|published in|set out in|contained in|described in)\s+(?:the\s+|our\s+|(?:[A-Z][\w&-]*\s+){0,2}[A-Z][\w&-]*['’]s\s+)?((?:[A-Z][\w&'’-]*\s+){0,4}(?:Pack|Guide|Handbook|Manual|Policy|Document|Booklet)|(?:[A-Z][\w&'’-]*\s+){1,4}(?:document|pack|guide|handbook|manual|booklet))\b/

/** Where a title is said to be set out: "… set out in Annex C", "… as described in Schedule 4" (group 1: the part). */
const IN_PART = /^\s*,?\s*(?:as\s+)?(?:set out|set forth|described|specified|listed|defined|contained|detailed|given)\s+in\s+(?:the\s+)?((?:Schedule|Exhibit|Annex(?:ure)?|Appendix|Attachment)\s+[A-Z0-9]{1,3})\b/
/** The paper or the provider's title that holds the standards a duty keeps to (`duty`, KEEP_TO's match in `t`), when this agreement does not state them. */
function standardsPaper(t: string, duty: RegExpExecArray | null, block: Block, reading: Reading, doc: {readonly sections: readonly Section[]}): {readonly at: number; readonly end: number; readonly target: string} | undefined {
  if (!duty) return undefined
  const words = duty[1]!
  const title = STANDARDS_TITLE.exec(words)
  const paper = IN_PAPER.exec(words)
  let target: string | undefined
  // Reading: standards named by a title and said to be set out in a numbered part ("in accordance with the Endpoint Baseline
  // set out in Annex C", "the Security Requirements described in Schedule 4") are that part's, whoever's title it is
  const part = title ? IN_PART.exec(words.slice(title.index + title[0].length)) : null
  if (paper) target = paper[1]!.trim()
  else if (part) target = part[1]!
  else if (title) {
    const name = title[2]!.trim()
    const owner = /^(.+?)['’]s\b/.exec(name)?.[1] ?? name.split(/\s+/)[0]!
    const providers = title[1] !== undefined || [...reading.parties].some(([n, role]) => role === 'provider' && (n === owner.toLowerCase() || owner.toLowerCase().startsWith(`${n} `) || n.startsWith(owner.toLowerCase())))
    if (providers) target = words.slice(title.index, title.index + title[0].length).replace(/^(?:all\s+|any\s+)?(?:the\s+|our\s+)?(?:(?:[A-Z][\w&-]*\s+){0,3}?[A-Z][\w&-]*['’]s\s+)?/, '')
  }
  if (!target) return undefined
  // stated here: a definition of the title, or a part of the agreement titled by it
  const key = (title ? title[0] : target).replace(/^(?:all\s+|any\s+)?(?:the\s+|our\s+)?/, '').replace(/^(?:[A-Z][\w&-]*\s+){0,3}?[A-Z][\w&-]*['’]s\s+/, '').trim().toLowerCase()
  // (a part titled by it that holds no more than this sentence states nothing)
  if (reading.definitions.has(key) || doc.sections.some((s) => s.title.toLowerCase().replace(/^[\d.\s]+/, '').includes(key) && (s.children.length > 0 || s.blocks.some((b) => b.kind !== 'heading' && b !== block)))) return undefined
  const at = duty.index + duty[0].length - words.length
  return {at, end: at + (paper ? paper.index + paper[0].length : (title?.index ?? 0) + (title?.[0].length ?? 0)), target}
}

// Failing a numbered part as a whole: "do not meet Annex A", "fails to comply with Schedule 3"
const FAILS_PART = needs(/\b(?:do(?:es)?\s+not|don['’]t|doesn['’]t|fail(?:s|ing)?\s+to|not)\s+(?:meet|comply with|satisfy|conform to|follow)\s+(?:the\s+)?((?:[Ss]chedule|[Ee]xhibit|[Aa]nnex(?:ure)?|[Aa]ppendix|[Aa]ttachment)\s+[A-Z0-9]{1,3})\b(?!\s*[,(]?\s*(?:[Pp]art|[Ss]ection|[Cc]lause|[Pp]aragraph)\s)/)
/** The delegation of a sentence whose subject is the requirements as a whole and whose predicate puts them elsewhere. */
function requirementsSentAway(unit: Unit, reader: Reader): Verdict | undefined {
  const d = reader.delegated(unit, /requirement|obligation|standard|dependenc|prerequisite/i)
  if (!d || d.start === undefined) return undefined
  const before = unit.text.slice(0, d.start).replace(/\b(?:in|under|within)\s+$/i, '')
  return REQUIREMENTS_SUBJECT.test(before) ? d : undefined
}

/** A name written as a defined term: "Minimum Standards", "Site Requirements". */
const DEFINED_NAME = /^(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*$/

const CONDUCT =
  /\b(?:maintain\w*|keep\w*|ensur\w*|install\w*|licen[cs]\w*|patch\w*|upgrad\w*|replac\w*|compl(?:y|ies|iance)|adhere\w*|use\w*|access|supported|genuine|current|up[- ]to[- ]date|anti-?virus|firewall|operating systems?|hardware|software|equipment|network|internet|broadband|power|configur\w*|secur\w*|passwords?|credentials|reverse engineer\w*|resell\w*|sublicens\w*|interfere\w*|misuse|standards?|requirements?|specifications?|minimum|environment|systems?|devices?|workstations?)\b/i

// The duty itself is a standard of environment or conduct: what follows the modal ("will keep", "must not … reverse engineer")
const CONDUCT_VERB =
  /^\w+(?:\s+\w+)?\s+(?:not\b|(?:\w+\s+){0,2}?(?:maintain|keep|ensur|make sure|install|licen[cs]|patch|upgrad|replac|compl(?:y|ies)|adher|use|operat|run|protect|secur|configur|obtain|purchas|back\s?up|have|provide (?:and maintain|remote access|access|a suitable|adequate|suitable)|meet|follow|observe|restrict|limit|allow|grant|permit|give (?:\w+ ){0,3}?access|name|nominat|appoint|designat|make (?:\w+ ){0,2}?available|(?:take|move|migrate|get|switch)\s+(?:[\w-]+\s+){0,8}?(?:off|onto|to)\s+(?:windows|macos|an? (?:supported|current|newer)|the (?:latest|current|supported)))\w*)/i

// A duty stated in the present tense, at its verb ("keeps the agent installed", "maintains a supported firewall")
const PRESENT_CONDUCT = /^(?:keeps|maintains|ensures|installs|licen[cs]es|patches|upgrades|replaces|complies with|adheres to|protects|secures|obtains|makes sure)\b/i

/** A duty that ends in a colon, read with the first of the items it introduces ("agrees to: 1. keep …" → "agrees to keep …"). */
function listedDuty(duty: string, next: string): string {
  // (its items in the same paragraph: "is obliged to:\n a) use only licensed software, b) …")
  const inline = /:\s*\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+/i.exec(duty)
  if (inline) return `${duty.slice(0, inline.index)} ${duty.slice(inline.index + inline[0].length)}`
  const lead = /:\s*$/.exec(duty)
  return lead && next ? `${duty.slice(0, lead.index)} ${next.replace(/^\W*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+)?/i, '')}` : duty
}

/**
 * Is the duty (or a duty coordinated with it: "will pay the invoices … and will name two staff as authorised callers") a
 * standard of conduct or environment, not a procedure alone?
 */
// (a second duty joined by "and to" is a duty of its own: "undertakes to give … access … and to keep the equipment …")
function conductDuty(text: string): boolean {
  return CONDUCT_VERB.test(text) || PRESENT_CONDUCT.test(text) || text.split(/\b(?:and|or)\s+(?=(?:will|shall|must|to)\b)/i).slice(1).some((p) => CONDUCT_VERB.test(`it ${p}`))
}

// A sentence of the requirements' own section that opens on a condition ("If an agent is removed or stopped, …", "If you
// use unapproved media …, the repair is charged") or on things a negated relative clause picks out ("Devices that do not
// meet 6.1 …", "Users who are not registered for MFA …"): with a consequence, it is what happens when they are not met
// (or on the time until a duty is done: "until they are replaced, those laptops get best-effort support only")
// (or on damage or faults put down to a cause: "6.2 Damage caused by third-party supplies … is billed under Section 7")
const OPENS_ON_CONDITION = new RegExp(String.raw`^\W*(?:\(?\w{1,3}\)|\d+(?:\.\d+)*\.?)?\s*(?:if|where|should|unless|until|in the event (?:that|of))\b|^\W*(?:\(?\w{1,3}\)|\d+(?:\.\d+)*\.?)?\s*(?:any\s+)?(?:damage|faults?|failures?|problems?|breakdowns?)\s+(?:[\w-]+\s+){0,2}?(?:caused by|resulting from|arising from|due to)\b|^\W*(?:\(?\w{1,3}\)|\d+(?:\.\d+)*\.?)?\s*(?:any\s+|all\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:who|that|which)\s+(?:is|are|do|does|has|have)(?:n[’']t| not)\b(?!\s+${IN_SCOPE})`, 'i')

// A condition on what the customer wants or accepts ("If you want us to look at those, we'll charge £75 an hour", "If
// you're happy with it, we'll treat that as acceptance") is an offer or a procedure, not what follows a requirement failing
const WISH = /^\W*(?:\(?\w{1,3}\)|\d+(?:\.\d+)*\.?)?\s*(?:if|where|should|when)\s+(?:you|the (?:client|customer))\s*(?:['’]re|['’]d|are|would|do|does)?\s*(?:want|wants|wish|wishes|like|happy|content|agree|agrees|choose|chooses|prefer|prefers|ask|asks|request|requests)\b/i
const THIRD_PARTY = /\bthird[- ]part(?:y|ies)\b/i
// Reading: a charge the provider may make, stated alone ("The Provider may charge a call-out fee", "We may charge a
// call-out fee for site visits"), is no consequence of the customer's requirements unless the sentence ties it to the
// customer failing them ("… for call-outs caused by the cabinet not being kept so", "if the Client does not …")
const BARE_CHARGE = /^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:[Tt]he\s+)?(?:[A-Z][\w&'’-]*|[Ww]e|I)\s+(?:may|will|can|shall|reserves? the right to)\s+(?:also\s+)?charge\s+(?:(?:a|an|its|the|our|their)\s+)?(?:[\w-]+\s+){0,2}?(?:fees?|charges?|rates?|surcharges?)\b(?:\s+for\s+[^.;]{1,60})?\W*$/
const TIED = /\b(?:caused by|resulting from|arising (?:from|out of)|due to|because|as a result of|if|where|when|whenever|unless|otherwise|breach\w*|fail\w*|not\s+(?:being\s+)?(?:met|kept|followed|complied|maintained)|non-?complian\w*)\b/i
function untiedCharge(text: string): boolean {
  return BARE_CHARGE.test(text) && !TIED.test(text)
}
// A relief for whatever the customer does or fails to do: "to the extent caused by an act or omission of the Buyer"
const GENERAL_RELIEF = /\bacts? or omissions?\b/i

// Keys of this rule's own readings, kept per document by the Reading
const SECTION_CONSEQUENCE = {name: 'customer-requirements: a section states a consequence'}
const OWN_SECTION_CONSEQUENCE = {name: 'customer-requirements: a requirement\'s own section states a consequence'}
// by whether the block is a table row (read whole, not by sentence)
const BLOCK_CONDITIONS = ['', ' (a row)'].map((k) => ({name: `customer-requirements: the consequences a block's text states on a condition${k}`}))
const BREACH_CONSEQUENCE = {name: 'customer-requirements: a block\'s text states a consequence of a breach'}
const REFS = {name: 'customer-requirements: patterns of references to a number or a title'}
const CITED = {name: 'customer-requirements: a section is cited by a consequence'}
const CONSEQUENCES = {name: 'customer-requirements: blocks that state a consequence'}
const FAILS = {name: 'customer-requirements: the customer-fails pattern'}

/**
 * What a consequence counts for: every duty (`undefined`), or the duties that share one of these words (see scopeWords)
 * with the failing its condition names.
 */
type Scope = readonly string[] | undefined

/** Does a sentence in the section (or its subsections) state a consequence of a failure that covers the duty? */
function sectionHasConsequence(section: Section | undefined, reading: Reading, own: boolean, duty: Unit): boolean {
  if (!section) return false
  const scopes = sectionScopes(section, reading, own)
  if (!scopes.length) return false
  let words: ReadonlySet<string> | undefined
  return scopes.some((s) => covers(s, () => (words ??= dutyWords(duty, reading)), reading))
}

/** The scopes of the consequences stated in a section and its subsections, once per section. */
function sectionScopes(section: Section, reading: Reading, own: boolean): readonly Scope[] {
  const known = reading.own(own ? OWN_SECTION_CONSEQUENCE : SECTION_CONSEQUENCE, () => new Map<Section, readonly Scope[]>())
  let has = known.get(section)
  if (has === undefined) {
    // in the requirement's own section, a sentence that opens on any condition; in a sibling's, only the customer's failing
    // (a section's answer is its blocks' and its subsections': each block is read once, though a parent asks again)
    // (what follows from failing a numbered part as a whole, "Systems that do not meet Annex A are …", is that part's
    // consequence, read with the part: not a consequence of the duties stated beside it)
    const out: Scope[] = []
    for (const b of section.blocks) {
      if (b.kind === 'heading') continue
      for (const c of blockConditions(b, reading).stated) if (!c.failsPart && (own || c.conditional)) out.push(c.scope)
    }
    for (const c of section.children) out.push(...sectionScopes(c, reading, own))
    known.set(section, (has = out))
  }
  return has
}

/** A unit of a block that states a consequence on a condition, not a general relief (see blockConditions). */
interface StatedOnCondition {
  readonly text: string
  /** It holds a failing condition (CONDITIONAL); else it opens on a condition of its own (OPENS_ON_CONDITION, no wish). */
  readonly conditional: boolean
  /** It follows from failing a numbered part as a whole (FAILS_PART). */
  readonly failsPart: boolean
  /** It is about paying alone (payingOnly). */
  readonly paying: boolean
  readonly scope: Scope
}
interface BlockConditions {
  /** A unit holds a failing condition and the block's text states a consequence (what failingConsequences reads). */
  readonly whole: boolean
  readonly stated: readonly StatedOnCondition[]
}

/**
 * The consequences a block's text states on a condition, unit by unit, read once per block for every reader of them (a
 * requirement's own section, a sibling's, the consequences stated anywhere on the customer's failing), so that each
 * unit's condition and consequence are read once (`at`: the block's place, when the caller knows it). A reading of the
 * text alone: in an editor, a column of every block's, kept by place, so that a re-lint reads the edited blocks alone
 * and looks up no other; else read for the blocks asked about, once per lint.
 */
function blockConditions(b: Block, reading: Reading, at?: number): BlockConditions {
  const row = b.kind === 'table-row'
  if (reading.texts.keepsBlocks) {
    const i = at ?? reading.blockIndex(b)
    const read = i < 0 ? undefined : (row ? conditionColumns(reading).rows : conditionColumns(reading).prose)[i]
    if (read) return read
  }
  const byBlock = reading.own(CONDITIONS_BY_BLOCK, () => new Map<Block, BlockConditions>())
  let read = byBlock.get(b)
  if (!read) byBlock.set(b, (read = reading.blockReading(b, BLOCK_CONDITIONS[row ? 1 : 0], () => readConditions(b))))
  return read
}
const CONDITIONS_BY_BLOCK = {name: 'customer-requirements: the consequences a block states on a condition, by block'}
const CONDITION_COLUMNS = {name: 'customer-requirements: the consequences every block states on a condition'}
const isRow = (b: Block): boolean => b.kind === 'table-row'
const isProse = (b: Block): boolean => b.kind !== 'table-row' && b.kind !== 'heading'
/** blockConditions of every block of the document but its headings, table rows and the rest apart (see blockConditions). */
function conditionColumns(reading: Reading): {readonly rows: ReadonlyArray<BlockConditions | undefined>; readonly prose: ReadonlyArray<BlockConditions | undefined>} {
  return reading.own(CONDITION_COLUMNS, () => {
    const blocks = reading.doc.blocks
    return {rows: reading.blockColumn(BLOCK_CONDITIONS[1]!, blocks, readConditions, isRow), prose: reading.blockColumn(BLOCK_CONDITIONS[0]!, blocks, readConditions, isProse)}
  })
}
function readConditions(b: Block): BlockConditions {
  if (b.text.length === 0) return NO_CONDITIONS
  let any = false
  const stated: StatedOnCondition[] = []
  for (const u of unitsOf(b, false)) {
    const t = u.text
    const holds = conditional(t)
    any ||= holds
    // (a relief for any act or omission of the customer's is general, not what follows from one of its duties failing)
    if ((holds || (OPENS_ON_CONDITION.test(t) && !WISH.test(t))) && statesConsequence(t) && !GENERAL_RELIEF.test(t)) {
      stated.push({text: t, conditional: holds, failsPart: FAILS_PART.test(t), paying: holds && payingOnly(t), scope: scopeOf(t)})
    }
  }
  // (the block's whole text is asked only when a unit holds a condition, as failingConsequences reads it)
  return {whole: any && statesConsequence(b.text), stated}
}
const NO_CONDITIONS: BlockConditions = {whole: false, stated: []}

// Reading: a consequence counts for the duties its condition names ("If the Client does not pay on time, we may suspend
// the services" is the consequence of paying late, not of keeping PCs on a supported Windows), and for all of them when
// the condition names them as a whole ("breaches any of its obligations under this clause", "does not meet these
// requirements", "if not", "otherwise") or names nothing of its own; a duty and a condition name the same thing when they
// share a word (equipment by any of its words: a "device" is the "PCs" of a duty)
/** The condition names the duties as a whole, or points back at them. */
const WHOLE = /\b(?:obligations?|requirements?|responsibilit(?:y|ies)|duties|undertakings?|standards|(?:this|these|that|the above) (?:clause|section|paragraph|part|list|schedule)|(?:this|the) (?:agreement|contract)|(?:these|those|such|the above|its|their) (?:terms|conditions|rules)|above|foregoing|the following|any of|all of|this|these|those|them|they|such|which|either|neither|both|so|otherwise)\b/i
/** "section 6.1", "clause 4", "§ 3.2": a cross-reference, read as the number. */
const CROSS_REFERENCE = /(?:\b(?:section|clause|paragraph|para\.?|item|point)|§)\s*(\d{1,3}(?:\.\d{1,3})*)/gi
const EQUIPMENT = new Set('chromebook chromebooks computer computers desktop desktops device devices endpoint endpoints equipment handset handsets hardware imac imacs ipad ipads kit laptop laptops mac macbook macbooks machine machines macs notebook notebooks pc pcs phone phones printer printers server servers system systems tablet tablets workstation workstations'.split(' '))
const NOT_NAMING = new Set(
  (
    'the a an and or nor of on in at to for by with from as into onto off out up be is are was were been being do does did done doing not no ' +
    "don't doesn't didn't isn't aren't won't can't cannot any all each every its their his her our your my we us you they he she it " +
    'client customer customers clients provider supplier contractor msp party if where should unless when while whilst until failing fail fails failed ' +
    'failure failures to comply complies complied complying meet meets met meeting keep keeps kept keeping maintain maintains maintained ensure ensures ' +
    'ensured follow follows followed observe observes observed provide provides provided make makes made carry carries carried fulfil fulfill fulfils ' +
    'perform performs performed within time timely properly correctly required require requires must shall will may can could would has have had ' +
    'having who which that there then so than also without don doesn didn isn aren won wouldn haven hasn case event breach breaches breached breaching violate violates violation note notes other '
  ).split(/\s+/),
)

/** The words of a text that name what it is about, each read by its first five letters (equipment as "device"). */
function scopeWords(text: string): string[] {
  const out: string[] = []
  // (one pattern execution per text: the words are read by their characters, as a re-lint judges every unit again)
  for (const raw of text.toLowerCase().match(WORD) ?? []) {
    let w = raw
    const apostrophe = Math.max(w.indexOf("'"), w.indexOf('’'))
    if (apostrophe > 0 && w.length - apostrophe <= 3) w = w.slice(0, apostrophe)
    let end = w.length
    while (end > 0 && ".'’-".includes(w[end - 1]!)) end--
    w = w.slice(0, end)
    if (!w || NOT_NAMING.has(w)) continue
    const c = w.charCodeAt(0)
    const digit = c >= 48 && c <= 57
    if (digit && [...w].every((ch) => ch >= '0' && ch <= '9')) continue
    out.push(EQUIPMENT.has(w) ? 'device' : digit ? w : w.length > 5 ? w.slice(0, 5) : w.endsWith('s') ? w.slice(0, -1) : w)
  }
  return out
}
const WORD = /[a-z0-9][a-z0-9.+'’-]*/g

/** The scope of a consequence (see Scope): the words of the failing its condition names, or all duties. */
function scopeOf(text: string): Scope {
  // (each clause of a sentence joined by semicolons states its own: "… is disabled until it is enrolled; a laptop on an
  // unsupported system is removed …")
  const parts = text.split(/;\s+/).filter((p) => conditional(p))
  if (parts.length > 1) {
    const words: string[] = []
    for (const p of parts) {
      const w = clauseScope(p)
      if (!w) return undefined
      words.push(...w)
    }
    return words
  }
  return clauseScope(parts[0] ?? text)
}

/** The scope of one clause's consequence (see scopeOf). */
function clauseScope(text: string): Scope {
  // the condition the consequence follows from: from its word ("if", "unless", "to the extent caused by") to the end of its
  // clause; one in the subject ("an unsupported machine", "Devices without the agent") up to its verb; for a sentence that
  // opens on a condition of its own ("Where a device is …", "Users who are not registered …"), its opening clause
  const m = conditionIn(text)
  let condition: string
  if (m && !CONDITION_WORD.test(m[0])) {
    // (the subject from the start of its clause: "A PC that does not is …", "We can't keep an unsupported machine safe")
    const from = text.slice(0, m.index).search(/[^,;:]*$/)
    const after = text.slice(m.index + m[0].length)
    const end = SUBJECT_VERB.test(m[0]) ? 0 : after.search(/[,;:]|\b(?:is|are|will|shall|may|can|gets?|drops?|falls?|comes?|goes|go|becomes?)\b/i)
    condition = text.slice(from, m.index + m[0].length) + (end >= 0 ? after.slice(0, end) : after)
  } else {
    const rest = m ? text.slice(m.index) : text
    const end = rest.search(/[,;:]|\bthen\b/)
    condition = end >= 0 ? rest.slice(0, end) : rest
  }
  const numbers: string[] = []
  condition = condition.replace(CROSS_REFERENCE, (_, n: string) => {
    numbers.push(n)
    return ' '
  })
  if (!numbers.length && WHOLE.test(condition)) return undefined
  const words = [...numbers, ...scopeWords(condition)]
  return words.length ? words : undefined
}
const SUBJECT_VERB = /\b(?:is|are|will|shall|may|can|gets?|drops?|falls?|comes?|goes|go|becomes?)\s*$/i
/** A duty to pay or the failing to pay ("must pay each invoice within 30 days", "fails to pay any invoice", "late payment"). */
const PAYING = /\b(?:must|shall|will|agrees? to|undertakes? to|(?:is|are|has|have|needs?) to|fails? to|failure to|does not|do not|doesn['’]t|don['’]t|not)\s+(?:promptly\s+|timely\s+|also\s+)?(?:pay|settle|remit)\b|\b(?:late|non-?)\s?payment\b|\b(?:unpaid|overdue)\b/i
/** A text about paying alone, naming no conduct. */
function payingOnly(text: string): boolean {
  return PAYING.test(text) && !CONDUCT.test(text)
}
/** A condition that starts with its word (the rest of its clause is the failing). */
const CONDITION_WORD = /^(?:if|where|when|should|in the event|in case|unless|until|while|whilst|for as long|as long|so long|to the extent|failing|non-?(?:observance|respect|fulfil))/i

/** Does a consequence of this scope count for the duty (whose words `duty` gives)? (the parties' own names name nothing) */
function covers(scope: Scope, duty: () => ReadonlySet<string>, reading: Reading): boolean {
  if (!scope) return true
  const names = nameWords(reading)
  const own = scope.filter((w) => !names.has(w))
  if (!own.length) return true
  const words = duty()
  return own.some((w) => words.has(w))
}

/** The words of a duty (see scopeWords), with its own numbers: its section's and its parents', and its paragraph's ("7.1 The Client shall …"). */
function dutyWords(duty: Unit, reading: Reading): ReadonlySet<string> {
  // (the words of the block's text are kept per text, as a re-lint judges every unit again)
  const kept = reading.blockReading(duty.block, DUTY_WORDS, () => new Map<string, readonly string[]>())
  const key = `${duty.start}\u0000${duty.intro ?? ''}`
  let own = kept.get(key)
  if (!own) {
    // Reading: a paragraph numbered in brackets ("(1) The Customer shall:", as paragraphs of a clause are numbered in
    // continental contracts) is numbered as "1." is, and the items of the list its lead-in introduces carry its number, so
    // that a consequence citing "paragraph 1" counts for them
    const para = PARA_NUMBER.exec(duty.block.text) ?? (duty.intro !== undefined ? PARA_NUMBER.exec(duty.intro) : null)
    kept.set(key, (own = [...scopeWords(`${duty.intro ?? ''} ${duty.text}`), ...(para ? [(para[1] ?? para[2])!] : [])]))
  }
  const words = new Set(own)
  // Reading: an item numbered N of a list in a numbered section S ("1." under "§ 6. Requirements on the Shop's side") is
  // that section's paragraph S.N, so that a consequence citing "§ 6.1" counts for it
  const item = duty.block.kind === 'list-item' ? ITEM_NUMBER.exec(lineBefore(reading.doc.source, duty.block.position.start.offset)) : null
  for (let s: Section | undefined = duty.block.section; s && s.kind !== 'root'; s = s.parent) {
    if (!s.number) continue
    const n = s.number.endsWith('.') ? s.number.slice(0, -1) : s.number
    words.add(n)
    if (item && s === duty.block.section) words.add(`${n}.${item[1]}`)
  }
  return words
}
/** An ordered list item's marker alone before its text on its line: "1. ", "  2) ". */
const ITEM_NUMBER = /^\s*(\d{1,2})[.)]\s*$/
/** The source of the line before `offset`, from the line's start. */
function lineBefore(source: string, offset: number): string {
  return source.slice(source.lastIndexOf('\n', offset - 1) + 1, offset)
}
const DUTY_WORDS = {name: 'customer-requirements: the words of a duty'}
/** A paragraph's own number: "7.1 The Client shall …", "(1) The Customer shall:". */
const PARA_NUMBER = /^\s*(?:(\d{1,3}(?:\.\d{1,3})*)|\((\d{1,3})\))/

/** A paragraph that is one bracketed drafter's note: "[KL 3/4: …]", "[DM: …]", "[Note to draft: …]". */
const DRAFTER_NOTE = /^\s*\[\s*(?:[A-Z]{1,4}\b[^:\]]{0,12}|[Nn]ote(?: to (?:draft|drafter|client|self))?|NOTE(?: TO (?:DRAFT|DRAFTER|CLIENT|SELF))?|[Dd]rafting [Nn]ote|DRAFTING NOTE|[Cc]omment|COMMENT)\s*:[^\]]*\]\s*$/
// Reading: a title that is the customer and a modal of duty alone, written as the lead-in of the duties listed under it
// ("**2. The Client shall:**", "Customer must:", "You will:"), titles the customer's duties as "Client obligations" does;
// the provider's ("The Provider shall:") or a modal with its verb ("The Client shall pay") does not
const CUSTOMER_LEAD_IN = /^(?:the )?CUSTOMER (?:shall|must|will|should|agrees to|undertakes to|is required to)$/
const customerLeadIn = (title: string, names?: Names): boolean => CUSTOMER_LEAD_IN.test(roleTitle(title, names))

export default clauseRule({
  id: 'customer-requirements',
  description: "The agreement sets minimum standards for the customer's environment or conduct, and what happens when they are not met",
  // a title that says what the customer must do or bring ("What you need to provide") is the home of its requirements
  data: {...data['customer-requirements'], homeTitle: (title, names) => asksOfCustomer(title, names) || customerLeadIn(title, names)},
  // a count of devices under a title of supported devices says what is covered, not what the customer must meet
  aside: (text) => DEVICE_COUNT.test(text),
  messages: {
    missing: 'Missing customer requirements; state the minimum standards the client must meet (supported systems, licences, access) and what happens if they are not met',
    vague: 'Customer requirement without a consequence "{text}"; say what happens when it is not met (e.g. "excluded from the service levels", "remediated at standard rates")',
    delegated: 'Customer requirements are set in {target}; lint it with this agreement or state them here',
  },
  // "The School must keep …", "Brightwater must …", "things we need from you: keep your PCs …"
  // "… do not apply to a system which the Customer has not kept supported": relief for the customer's failing
  mentionsReads: 'text and names',
  mentions(text, reader) {
    // the cheapest readings first: most sentences that mention a requirement at all have a "must" or "shall" in them
    const r = readingsOf(text, reader.reading)
    const spoken = spokenWords(text)
    return r.requirement >= 0 || customerTicked(text, reader.reading) !== undefined || NEED_FROM.test(spoken) || POLITE.test(spoken) || SIDE_LEAD.test(spoken) || IMPERATIVE_CONDUCT.test(spoken) || failsOf(r, reader.reading) || equipmentOf(r, reader.reading) >= 0 || obligationOf(r, reader.reading) >= 0 || firstPersonStandard(spoken)
  },
  judge(unit, reader) {
    const t = unit.text
    // Reading: a paragraph that is one bracketed note of a drafter, opening on its initials or name and a colon ("[KL 3/4:
    // services list to come … Do NOT send until filled.]"), speaks to the people drafting, not of the customer's duties
    if (DRAFTER_NOTE.test(unit.block.text)) return undefined
    const {reading} = reader
    // the readings of the unit's text alone that the steps below ask first (kept per text in an editor)
    const kept = keptStage(unit, reader)
    const facts = kept ? (kept.facts ??= new TextFacts(t)) : new TextFacts(t)
    // the standards themselves are in another document ("meet the minimum standards in the Customer Handbook"), whatever
    // consequence follows: delegated (a standard stated here still outranks it)
    const standards = facts.standards
    if (standards) {
      const d = reader.delegated(unit, /requirement|obligation|standard|dependenc|handbook|policy|polic/i)
      if (d && d.start !== undefined && d.start >= standards.index) return d
      // standards named by a defined term whose definition puts them in another document ("the Minimum Standards",
      // meaning "the technical standards set out in Schedule C") are stated nowhere here: delegated there
      const name = standards[1]!
      const def = DEFINED_NAME.test(name) ? reading.definitions.get(name.toLowerCase()) : undefined
      const there = def ? reading.delegation(def.text, {block: def.block}) : undefined
      if (there) return {outcome: 'delegated', start: standards.index, end: standards.index + standards[0].length, target: there.target}
    }
    const paper = standardsPaper(t, facts.keepTo, unit.block, reading, reader.doc)
    if (paper && !targetInDocument(reader.doc, paper.target)) return {outcome: 'delegated', start: paper.at, end: paper.end, target: paper.target}
    // Reading: the requirements as a whole, as the subject of a sentence whose predicate puts them in another document
    // ("The minimum technical requirements for the Customer's computers … are in Annex A", "Your responsibilities are as
    // listed in the Onboarding Pack"), are stated nowhere here, whatever consequence the agreement gives for failing them:
    // delegated
    // (asked only of a text that names them so: see REQUIREMENTS_WORD)
    const wholeSent = facts.namesRequirements ? requirementsSentAway(unit, reader) : undefined
    if (wholeSent) return wholeSent
    // and a consequence for failing such a document ("Systems that do not meet Annex A are supported on a time basis")
    // states what follows, not the requirements: they are still in that document
    const failsPart = facts.failsPart
    if (failsPart && !targetInDocument(reader.doc, failsPart[1]!)) return {outcome: 'delegated', start: failsPart.index, end: failsPart.index + failsPart[0].length, target: failsPart[1]!}
    // a row of a table that shares tasks out between the parties, ticked in the customer's column alone: a standard of
    // conduct there is the customer's requirement, met with a consequence said in its section or anywhere for failing it
    const ticked = facts.ticked(reading)
    if (ticked !== undefined) {
      if (!conductDuty(`it ${ticked}`)) return undefined
      const home = reader.homeOf(unit.block.section) ?? unit.block.section
      return sectionHasConsequence(home, reading, true, unit) || consequenceElsewhere(unit, reading) ? PRESENT : {outcome: 'vague'}
    }
    // an imperative in a list the provider introduces is the provider's act, not the customer's standard
    if (!unit.inHome && facts.imperative && providersImperative(unit, reading) && !facts.requirement && !facts.polite) return undefined
    // nor is the customer's own message in a chat ("[09:41] Sanne de Vries: Keep me posted") asking anything of itself
    if (!unit.inHome && !facts.requirement && facts.spokenImperative && (unit.block.sender !== undefined || afterSpeaker(unit.block.text) > 0) && reading.messageSender(unit.block) === 'customer') return undefined
    // a duty the customer takes on in its own chat message, in the first person: its requirement, with a consequence
    // stated in the sentence, the next one, its section or anywhere for failing it
    if (!unit.inHome && unit.block.sender !== undefined && !facts.requirement && !payingOnly(t) && firstPersonStandard(spokenWords(t)) && reading.messageSender(unit.block) === 'customer') {
      const home = reader.homeOf(unit.block.section) ?? unit.block.section
      return statesConsequence(t) || (unit.next !== undefined && followsFrom(unit.next)) || sectionHasConsequence(home, reading, true, unit) || consequenceElsewhere(unit, reading) ? PRESENT : {outcome: 'vague'}
    }
    // what the sentence, the one after it and the party names decide alone (kept per text in an editor)
    const stage = ownStage(unit, reader, kept)
    if (stage.done) return stage.verdict
    const must = stage.must
    if (citedByConsequence(reading, unit.block.section, unit.block.text)) return PRESENT
    const section = reader.homeOf(unit.block.section) ?? unit.block.section
    // a duty to pay is no standard of the customer's environment or conduct: the consequence of paying late that its
    // section states ("If the Client does not pay on time, we may suspend the services") makes it no requirement met
    if (sectionHasConsequence(section, reading, true, unit) && !payingOnly(t)) return PRESENT
    // a suspension for breach stated in a sibling sub-clause ("5.1 … abide by the AUP"; "5.2 … suspend any client in violation")
    const parent = section.parent
    if (parent && parent.kind !== 'root' && parent !== reader.doc.title && sectionHasConsequence(parent, reading, false, unit) && !payingOnly(t)) return PRESENT
    // a consequence stated anywhere for what fails the requirements, by a word that points back at them or by what one
    // of them asks ("Devices that don't meet the above are billed hourly", "PCs not on Windows 11 are excluded …")
    if (consequenceElsewhere(unit, reading)) return PRESENT
    // the requirements themselves put in another document ("the Client Responsibilities in the SOW", "the Acceptable Use
    // Policy"), not one duty's detail ("grants the remote access rights listed in Annex 2": a duty stated here)
    // compliance with a named policy that the sentence says sets the standards ("comply with the Provider's Acceptable Use
    // Policy, which sets the minimum standards … and what happens if they are breached") puts them in that policy
    const policy = COMPLY_WITH_POLICY.exec(t)
    if (policy && !targetInDocument(reader.doc, policy[1]!.trim())) return {outcome: 'delegated', start: policy.index, end: policy.index + policy[0].length, target: policy[1]!.trim()}
    const delegated = reader.delegated(unit, /requirement|obligation|standard|dependenc/i)
    if (delegated && (REQUIREMENTS_NAMED.test(t) || REQUIREMENTS_NAMED.test(delegated.target ?? ''))) return delegated
    if (unit.inHome || must >= 0 || indexOf(t, TOPIC) >= 0) return {outcome: 'vague'}
    if (delegated) return delegated
    return undefined
  },
})

// Reading: a consequence stated anywhere in the agreement for what fails the customer's requirements is their
// consequence, wherever it sits: one that points back at them ("Devices that don't meet the above are billed hourly",
// "Equipment that does not meet these requirements is not covered") for the requirements stated before it, and one for
// things that lack what a requirement asks ("PCs not on Windows 11 are excluded from the service levels", "Laptops
// without the agent are not monitored") for that requirement (a condition on anything else, a request or a claim, is not)
/** Failing requirements pointed back at: "don't meet the above", "does not meet these requirements", "not meeting our minimum standards". */
const FAILS_THEM = /\b(?:do(?:es)?\s+not|do(?:es)?n['’]t|fails?\s+to|cannot|can['’]t|not)\s+(?:meet(?:ing)?|compl(?:y|ying) with|satisf(?:y|ying)|conform(?:ing)? to|follow(?:ing)?|keep(?:ing)? to)\s+(?:(them|these|those|the above|all of (?:the )?above|this list|what we need from you|your (?:side|part))|(?:the|our|your|these|those|all (?:the|of the|of our)|any of the|the above)\s+(?:above\s+|minimum\s+|technical\s+|customer\s+|client\s+|site\s+|listed\s+)*(?:requirements|standards|conditions|minimums|prerequisites|obligations|responsibilities|rules))\b|\b(?:breaks?|breaking|broke|violates?|violating|ignores?|ignoring|flouts?|flouting)\s+(?:any\s+of\s+)?(?:(them|these|those|the above|these rules|those rules|the above rules)|(?:the|our|your|these|those)\s+(?:[\w-]+\s+){0,2}?(?:requirements|standards|conditions|rules))\b/i
/** Things picked out by what they lack: "PCs not on Windows 11 …", "Any laptop without the agent …"; group 1 is what they lack. */
const LACKING = /^\W*(?:(?:any|all|the|an?|each|every)\s+)?(?:[\w-]+\s+){0,2}?(?:devices?|pcs?|macs?|machines?|computers?|laptops?|desktops?|workstations?|servers?|equipment|systems?|users?|sites?|accounts?|phones?|tablets?|printers?)\s+(?:that (?:is|are) |which (?:is|are) )?(?:still\s+)?(?:not\s+(?:on|running|using|in|enrolled in|registered (?:for|with|in))|without|lacking|missing)\s+((?:the\s+|a\s+|an\s+|our\s+)?(?:[\w.+-]+\s+){0,3}?[\w.+-]+)\s+(?:is|are|will|get|gets|shall|may|drops?|falls?|comes?|goes|go)\b/i
/** A condition that is not a requirement failing: a claim, a request or a notice that does not meet a form's conditions. */
const OTHER_FAILING = /\b(?:claims?|requests?|notices?|invoices?|disputes?|applications?|submissions?|tickets?|orders?)\b/i
const STOPWORDS = new Set(['the', 'a', 'an', 'our', 'your', 'its', 'their', 'of', 'on', 'in', 'to', 'and', 'or', 'with', 'for', 'by'])

interface ElsewhereConsequence {
  /** Where the block stands in the document. */
  readonly at: number
  /** It points back at the requirements ("the above", "these"): it counts for those stated before it. */
  readonly back: boolean
  /** It names the requirements by a noun ("our minimum standards"): it counts wherever they are. */
  readonly named: boolean
  /** The words of what things lack ("windows", "11"), for a requirement that asks for it. */
  readonly lacks: readonly string[] | undefined
}
const ELSEWHERE = {name: 'customer-requirements: consequences stated for what fails the requirements'}

/** The consequences stated in the document for what fails the requirements (once per document). */
function elsewhereConsequences(reading: Reading): readonly ElsewhereConsequence[] {
  return reading.own(ELSEWHERE, () => {
    const out: ElsewhereConsequence[] = []
    // (a reading of the block's text alone: kept per text in an editor)
    const found = reading.blockColumn(ELSEWHERE_BLOCK, reading.doc.blocks, blockConsequences, notHeading)
    found.forEach((consequences, at) => {
      if (consequences) for (const c of consequences) out.push({at, ...c})
    })
    return out
  })
}

const notHeading = (b: Block): boolean => b.kind !== 'heading'

const ELSEWHERE_BLOCK = {name: 'customer-requirements: a block states a consequence for what fails the requirements'}

// Reading: a sentence that names the failing and only a step the provider takes ("If a device does not meet these
// standards, we will tell you in writing.") has its consequence in the next sentence of its paragraph when that one points
// back at it ("From 30 days after that notice, work on that device is no longer covered …"); a next sentence that points
// at nothing before it states a consequence of its own
const POINTS_BACK = /\b(?:that|this|such|the same)\s+(?:[\w-]+\s+){0,2}?(?:devices?|machines?|computers?|laptops?|pcs?|systems?|equipment|notices?|failures?|breach(?:es)?|cases?|items?|accounts?)\b|\b(?:it|they|them|then|thereafter)\b/i
function followedBy(text: string, next: string): boolean {
  return next.length > 0 && !CONSEQUENCE.test(text) && POINTS_BACK.test(next) && statesConsequence(next)
}
/** The consequences a block states for what fails the requirements (see elsewhereConsequences), without its place. */
function blockConsequences(b: Block): Omit<ElsewhereConsequence, 'at'>[] {
  const out: Omit<ElsewhereConsequence, 'at'>[] = []
  for (const u of unitsOf(b, false)) {
    const them = FAILS_THEM.exec(u.text)
    const lacking = them ? null : LACKING.exec(u.text)
    if (!them && !lacking) continue
    const before = u.text.slice(0, (them ?? lacking)!.index)
    if (OTHER_FAILING.test(before) || !(statesConsequence(u.text) || followedBy(u.text, u.next))) continue
    if (them) out.push({back: them[1] !== undefined || them[2] !== undefined, named: them[1] === undefined && them[2] === undefined, lacks: undefined})
    else {
      const words = lacking![1]!.toLowerCase().split(/\s+/).filter((w) => w && !STOPWORDS.has(w))
      if (words.length) out.push({back: false, named: false, lacks: words})
    }
  }
  return out
}

// Reading: a consequence stated anywhere on a condition that the customer fails at something ("If the Practice does not
// enforce multi-factor sign-in, time spent recovering a mailbox is billed at £95 per hour") is the consequence of the
// duty that asks that thing, named by a word they share (not by equipment alone: "If the Client does not return the loan
// laptop" says nothing of keeping PCs patched)
const FAILING_ELSEWHERE = {name: 'customer-requirements: consequences stated on the customer failing at something named'}
const NAME_WORDS = {name: 'customer-requirements: the words of the parties\' names'}

/** The words of the names the agreement gives its parties (see scopeWords), once per document. */
function nameWords(reading: Reading): ReadonlySet<string> {
  return reading.own(NAME_WORDS, () => {
    const names = new Set<string>()
    for (const n of reading.parties.keys()) for (const w of scopeWords(n)) names.add(w)
    return names
  })
}

/** The scopes of the consequences stated on the customer's failing at something named (once per document). */
function failingConsequences(reading: Reading): readonly {readonly block: Block; readonly words: readonly string[]}[] {
  return reading.own(FAILING_ELSEWHERE, () => {
    const out: {block: Block; words: readonly string[]}[] = []
    // (what the block's text states alone is kept per text; whether the condition names the customer asks the names)
    // (the condition is asked first: most blocks state none, and then whether the block states a consequence, a longer
    // reading, is not asked)
    const blocks = reading.doc.blocks
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!
      if (b.kind === 'heading') continue
      const read = blockConditions(b, reading, i)
      if (!read.whole) continue
      for (const f of read.stated) if (f.conditional && !f.paying && f.scope && customerFails(f.text, reading)) out.push({block: b, words: f.scope})
    }
    return out
  })
}

// Reading: a sentence anywhere whose condition is the customer's failing at its duties and whose result changes the
// provider's commitments or charges is a consequence of those duties, wherever it sits. The condition opens on a word of
// condition or cause ("if", "where", "should", "because", "while") and holds, in its own clause, the customer (by a name
// the agreement gives it, "you", or its things: "your setup", "the Client's systems") before a failing (a negated verb,
// "fails to", "falls short", "is in breach", or an inverted "Should the Client not fulfil"); the result, read outside the
// condition's clause, names a commitment denied or lifted ("the 2-hour response does not apply", "is released from the
// response times") or a charge ("goes on your invoice at €85 an hour", "is charged at the standard rates"). It counts for
// the duties the condition points at: by a clause's number ("section 2", "§ 4 (1)"), by the title of their part quoted
// ("what "Your part" asks"), or all of them when it names them as a whole ("its duties", "these requirements") and
// not the whole agreement ("its obligations under this Agreement" is a general relief); else by a word they share, as
// failingConsequences reads it.
const FAILING_CONDITION = /\b(?:if|where|when|whenever|should|unless|while|whilst|until|because|since|in the event(?: that)?|in case|(?:for )?(?:as|so) long as)\b([^,;:]{0,140})/gi
// a word every failing FAILING_VERB reads holds: a text without any states no consequence on a failing
const FAILING_WORD = /not|n['\u2019]t|fail|fall|breach/i
const FAILING_VERB = /\b(?:does|do|did|has|have|had|is|are|was|were)(?:\s+not\b|n['\u2019]t\b)|\bfail(?:s|ed)?\s+to\b|\bfall(?:s|en)?\s+short\b|\b(?:is|are)\s+in\s+breach\b|\bbreach(?:es|ed)?\b|^\s*(?:the\s+)?[\w&'\u2019.-]+(?:\s+[\w&'\u2019.-]+)?\s+not\s+(?:fulfil|fulfill|meet|comply|observe|perform|keep|maintain|provide|follow)\w*\b/i
// the consequence's commitments and the words that deny or lift them, and the charges it makes
const PLEDGE = String.raw`(?:service[- ]levels?|slas?|kpis?|(?:(?:\d+|one|two|four|eight)[- ](?:hour|hr|minute|min|day)\s+)?(?:response|reaction|resolution|restor\w*|repair|fix|attendance|solution|intervention|call-?back)(?:\s+(?:times?|targets?|commitments?|guarantees?|clock))?|times|targets?|availability|uptime|(?:service\s+)?credits?|warrant(?:y|ies))`
const PLEDGE_CHANGED = new RegExp(
  String.raw`\b${PLEDGE}\b[^.;]{0,60}?(?:\b(?:does|do|will|shall|is|are|would|can|could)(?:\s+(?:then\s+)?(?:not|no longer)\b|n['\u2019]t\b)|\bcannot\b)(?!\s+(?:be\s+)?(?:affect|chang|reduc|impact|alter|shorten)\w*)|\bno\s+(?:[\w-]+\s+){0,2}?${PLEDGE}\b|\b(?:releas|reliev|excus|exempt|suspend|exclud|waiv)\w*\b[^.;]{0,60}?\b${PLEDGE}\b|\b${PLEDGE}\b[^.;]{0,60}?\b(?:released|relieved|excused|suspended|extended|paused|stopped|lifted|waived|lapses?|ceases?)\b|\b(?:decline|refuse|stop|cease)s?\s+(?:to\s+)?(?:support|cover|maintain|look after|work on|monitor|patch)\w*\b`,
  'i',
)
const CHARGE_MADE = /\b(?:charged|billed|invoiced|chargeable|billable)\b|\b(?:on|to)\s+(?:your|the\s+(?:client|customer)(?:['\u2019]s)?)\s+(?:next\s+)?invoice\b|\bat\s+(?:our|the|its|my)\s+(?:[\w-]+\s+){0,2}?rates?\b|(?:[$\u20ac\u00a3\u20b9]|\b(?:eur|usd|gbp|aud|nzd|cad|chf|inr)\s?)\s?\d[\d,.]*\s*(?:\/\s*|per\s+|an?\s+)(?:hour|hr|h)\b/i
// the duties named as a whole in a condition ("its duties", "these requirements", "does not do these"; not "these changes"),
// and the whole agreement, which names no duty of the customer's own
const DUTIES_WHOLE = /\b(?:its|their|your|our|the|these|those|such|any|all|each|every|one|either)\s+(?:of\s+(?:its|their|your|the|these|those)\s+)?(?:[\w-]+\s+){0,2}?(?:duties|duty|obligations?|responsibilit(?:y|ies)|requirements?|standards?|dependenc(?:y|ies)|prerequisites?|undertakings?)\b|\b(?:them|the above)\b|\b(?:these|those)\b(?=\s*(?:[,;:.]|$))/i
const WHOLE_AGREEMENT = /\b(?:this|the)\s+(?:agreement|contract|terms|order)\b|\bpay\w*|\binvoices?\b|\bfees?\b/i
const MAIN_VERB = /\s(?:is|are|will|shall|may|can|must|would|becomes?|gets?|goes)\s/i
const QUOTED_TITLE = /["\u201c]([^"\u201d]{3,60})["\u201d]/g

/** A consequence on the customer's failing, read from one unit's text alone: its condition's clause and what it points at. */
interface FailingConsequence {
  readonly condition: string
  /** The condition up to its failing: who or what fails ("the Client", "your setup"). */
  readonly failer: string
  /** The clause numbers the condition cites. */
  readonly numbers: readonly string[]
  /** The titles it quotes, lower-cased. */
  readonly titles: readonly string[]
  /** It names the duties as a whole. */
  readonly whole: boolean
}

/** The consequences a unit's text states on a failing (not yet known to be the customer's), each with its condition. */
function failingResults(text: string): FailingConsequence[] {
  const out: FailingConsequence[] = []
  if (!FAILING_WORD.test(text) || GENERAL_RELIEF.test(text) || payingOnly(text)) return out
  FAILING_CONDITION.lastIndex = 0
  for (let m = FAILING_CONDITION.exec(text); m !== null; m = FAILING_CONDITION.exec(text)) {
    let clause = m[1]!.split(/\bthen\b/i)[0]!
    const failing = FAILING_VERB.exec(clause)
    if (!failing) continue
    // (a condition within the subject ends at the main verb: "An incident that arises because the Client has not done what
    // section 2 asks is handled outside the service levels")
    const verb = MAIN_VERB.exec(clause.slice(failing.index + failing[0].length))
    if (verb) clause = clause.slice(0, failing.index + failing[0].length + verb.index)
    const condition = m[0].slice(0, m[0].length - m[1]!.length) + clause
    const result = `${text.slice(0, m.index)} ${text.slice(m.index + condition.length)}`
    if (!PLEDGE_CHANGED.test(result) && !CHARGE_MADE.test(result) && !(CONSEQUENCE.test(result) && !CONSEQUENCE.test(condition))) continue
    const numbers = [...condition.matchAll(CROSS_REFERENCE)].map((c) => c[1]!)
    const titles = [...condition.matchAll(QUOTED_TITLE)].map((c) => c[1]!.toLowerCase().trim())
    const bare = condition.replace(CROSS_REFERENCE, ' ').replace(QUOTED_TITLE, ' ')
    const failer = condition.slice(0, m[0].length - m[1]!.length + failing.index + failing[0].length)
    out.push({condition, failer, numbers, titles, whole: DUTIES_WHOLE.test(bare) && !WHOLE_AGREEMENT.test(condition)})
  }
  return out
}
const FAILING_RESULTS = {name: 'customer-requirements: a block\'s consequences on a failing, with what they point at'}
const CUSTOMER_FAILINGS = {name: 'customer-requirements: consequences on the customer\'s failing, with what they point at'}
const CUSTOMER_NAMED = {name: 'customer-requirements: the customer named, by any of its names'}

/** The customer named in a text: its words, a name the agreement gives it, "you" or "your" (a pattern once per document). */
function customerNamed(reading: Reading): RegExp {
  return reading.own(CUSTOMER_NAMED, () => {
    const names = [...reading.parties].filter(([, r]) => r === 'customer').map(([n]) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    return new RegExp(`(?:^|[^\\w])(?:${[...CUSTOMER_WORDS, 'your', ...names].join('|')})(?![\\w])`, 'i')
  })
}

/** The consequences stated anywhere on the customer's failing (see FAILING_CONDITION), with their blocks, once per document. */
function customerFailings(reading: Reading): readonly {readonly block: Block; readonly c: FailingConsequence}[] {
  return reading.own(CUSTOMER_FAILINGS, () => {
    const blocks = reading.doc.blocks
    // (what a block's text states alone is kept per text; whether the condition names the customer asks the names)
    const column = reading.blockColumn(FAILING_RESULTS, blocks, (b) => (b.text.length === 0 ? [] : unitsOf(b, false).flatMap((u) => failingResults(u.text))), notHeading)
    const named = customerNamed(reading)
    const out: {block: Block; c: FailingConsequence}[] = []
    for (let i = 0; i < blocks.length; i++) for (const c of column[i] ?? []) if (named.test(c.failer)) out.push({block: blocks[i]!, c})
    return out
  })
}

/** Does a consequence on the customer's failing point at this duty: by its clause's number, its part's quoted title, or the duties as a whole? */
function failingPointsAt(unit: Unit, reading: Reading): boolean {
  const found = customerFailings(reading)
  if (!found.length) return false
  let duty: ReadonlySet<string> | undefined
  let titles: string[] | undefined
  for (const {block, c} of found) {
    if (block === unit.block) continue
    if (c.numbers.length) {
      duty ??= dutyWords(unit, reading)
      if (c.numbers.some((n) => duty!.has(n))) return true
      continue
    }
    if (c.titles.length) {
      titles ??= partTitles(unit.block.section)
      if (c.titles.some((t) => titles!.includes(t))) return true
      continue
    }
    if (c.whole) return true
  }
  return false
}

/** The titles of a section and its parents, lower-cased. */
function partTitles(section: Section): string[] {
  const out: string[] = []
  for (let s: Section | undefined = section; s && s.kind !== 'root'; s = s.parent) out.push(s.title.toLowerCase().trim())
  return out
}

/** Does a consequence stated elsewhere follow from this requirement failing (see elsewhereConsequences)? */
function consequenceElsewhere(unit: Unit, reading: Reading): boolean {
  const failing = failingConsequences(reading)
  if (failing.length) {
    const duty = dutyWords(unit, reading)
    const names = nameWords(reading)
    if (failing.some((c) => c.block !== unit.block && c.words.some((w) => w !== 'device' && !names.has(w) && duty.has(w)))) return true
  }
  if (failingPointsAt(unit, reading)) return true
  const found = elsewhereConsequences(reading)
  if (!found.length) return false
  const at = reading.blockIndex(unit.block)
  let words: Set<string> | undefined
  for (const c of found) {
    if (c.at === at) continue
    if (c.named || (c.back && c.at > at)) return true
    if (c.lacks) {
      words ??= new Set(unit.text.toLowerCase().split(/[^\w.+-]+/).map((w) => w.replace(/[.]+$/, '')))
      if (c.lacks.every((w) => words!.has(w.replace(/[.]+$/, '')))) return true
    }
  }
  return false
}

/** The verdict of the judge's steps that read the unit's own text, the sentence after it and the party names alone. */
type OwnStage = {readonly done: true; readonly verdict: Verdict | undefined} | {readonly done: false; readonly must: number}
const PRESENT: Verdict = Object.freeze({outcome: 'present'})
const OWN_STAGE = {name: 'customer-requirements: the judgement of a unit by its own text'}

/**
 * The judge's steps that read only the unit's text, the sentence after it, whether it sits in a home, a table row's
 * column titles and the party names: kept per text when the cache keeps block readings (most judged sentences are
 * settled here, and an editor's re-lint judges every one again), else made each time.
 */
function ownStage(unit: Unit, reader: Reader, k: KeptStage | undefined): OwnStage {
  if (!k) return judgeOwn(unit, reader)
  const i = unit.inHome ? 1 : 0
  let stage = k.stages[i]
  if (!stage) {
    k.stages[i] = stage = judgeOwn(unit, reader)
    reader.reading.texts.blockReadings++
  }
  return stage
}

/** What is kept of a unit's judgement while the cache keeps block readings (else undefined): see ownStage and TextFacts. */
function keptStage(unit: Unit, reader: Reader): KeptStage | undefined {
  const {reading} = reader
  if (!reading.texts.keepsBlocks) return undefined
  // per unit of the block (by where it starts), for the sentence after it and the row's column titles it was judged with
  const kept = reading.blockReading(unit.block, reading.texts.kindOf(OWN_STAGE, reading.partiesKey), () => new Map<number, KeptStage[]>())
  // a row is read without its wh-titled columns' labels (see Reader.party), which its column titles decide
  const row = unit.block.kind === 'table-row' && unit.start === 0 && unit.text === unit.block.text ? (unit.block.header ?? []).join('\u0001') : undefined
  // (one text may stand in several places of a document, each with its own sentence after it: "The Client will:" before
  // each of its lists; the stage of each is kept, so that a re-lint judges none of them again)
  let stages = kept.get(unit.start)
  if (!stages) kept.set(unit.start, (stages = []))
  let facts: TextFacts | undefined
  for (const k of stages) {
    if (k.text !== unit.text) continue
    if (k.next === unit.next && k.row === row) return k
    // (the readings of the text alone stand whatever the sentence after it)
    facts ??= k.facts
  }
  const made: KeptStage = {text: unit.text, next: unit.next, row, stages: [undefined, undefined], facts}
  // (at most MAX_CONTEXTS per unit, the oldest let go first: a unit before a line an author keeps typing stays bounded)
  if (stages.length >= MAX_CONTEXTS) stages.shift()
  stages.push(made)
  return made
}
/** Contexts of one unit of a text whose stages are kept at most (see keptStage). */
const MAX_CONTEXTS = 16
interface KeptStage {
  readonly text: string
  readonly next: string
  readonly row: string | undefined
  /** Out of a home, in a home. */
  readonly stages: [OwnStage | undefined, OwnStage | undefined]
  /** The readings of the text alone (and the party names: the kind it is kept under names them). */
  facts: TextFacts | undefined
}

/**
 * The requirements as a whole named in a text as REQUIREMENTS_SUBJECT names them, between spaces: a sentence without
 * this cannot have them for its subject, and is not asked where its predicate puts them (its delegation is not read).
 */
const REQUIREMENTS_WORD = needs(/\s(?:requirements|standards|prerequisites|obligations|responsibilities|duties|dependencies)\s/i)

/**
 * The readings of a unit's text that the judge asks before its own stage, each made when first asked: made for each
 * unit, or kept with the unit's stage in an editor (the text alone decides them, and the party names, which the kind
 * of the kept stage names).
 */
class TextFacts {
  constructor(private readonly text: string) {}
  private standardsMatch: RegExpExecArray | null | undefined
  private failsPartMatch: RegExpExecArray | null | undefined
  private keepToMatch: RegExpExecArray | null | undefined
  private tickedTask: string | null | undefined
  private flags = 0
  /** A duty to meet standards named as a whole (STANDARDS_ELSEWHERE), or null. */
  get standards(): RegExpExecArray | null {
    return this.standardsMatch === undefined ? (this.standardsMatch = STANDARDS_ELSEWHERE.exec(this.text)) : this.standardsMatch
  }
  /** A duty to keep to standards (KEEP_TO), or null. */
  get keepTo(): RegExpExecArray | null {
    return this.keepToMatch === undefined ? (this.keepToMatch = KEEP_TO.exec(this.text)) : this.keepToMatch
  }
  /** Failing a numbered part as a whole (FAILS_PART), or null. */
  get failsPart(): RegExpExecArray | null {
    return this.failsPartMatch === undefined ? (this.failsPartMatch = FAILS_PART.exec(this.text)) : this.failsPartMatch
  }
  /** The task of a table row ticked for the customer alone (customerTicked). */
  ticked(reading: Reading): string | undefined {
    if (this.tickedTask === undefined) this.tickedTask = customerTicked(this.text, reading) ?? null
    return this.tickedTask ?? undefined
  }
  get namesRequirements(): boolean {
    return this.flags & 1 ? (this.flags & 2) !== 0 : this.mark(1, REQUIREMENTS_WORD.test(this.text))
  }
  get imperative(): boolean {
    return this.flags & 4 ? (this.flags & 8) !== 0 : this.mark(4, IMPERATIVE_CONDUCT.test(this.text))
  }
  /** A requirement stated in the text (requirementAt). */
  get requirement(): boolean {
    return this.flags & 16 ? (this.flags & 32) !== 0 : this.mark(16, requirementAt(this.text) >= 0)
  }
  get polite(): boolean {
    return this.flags & 64 ? (this.flags & 128) !== 0 : this.mark(64, POLITE.test(this.text))
  }
  /** An imperative of conduct in the text's own words (a chat line's after its sender). */
  get spokenImperative(): boolean {
    return this.flags & 256 ? (this.flags & 512) !== 0 : this.mark(256, IMPERATIVE_CONDUCT.test(spokenWords(this.text)))
  }
  /** Two bits per answer: asked (`asked`), and its answer (the bit above). */
  private mark(asked: number, answer: boolean): boolean {
    this.flags |= answer ? asked | (asked << 1) : asked
    return answer
  }
}

function judgeOwn(unit: Unit, reader: Reader): OwnStage {
  const t = unit.text
  const {reading} = reader
  // the readings of the text that mentions() made, when it was asked first
  const r = readingsOf(t, reading)
  const done = (verdict: Verdict | undefined): OwnStage => ({done: true, verdict})
  // a condition on the customer's failing standards named before ("Where the Client does not meet them, we may suspend …")
  // states no standard of its own: the sentence that names them is judged with it
  if (FAILING_THEM_IF.test(t)) return done(undefined)
  // "If the School does not maintain supported operating systems, the Provider may charge …": requirement and consequence at once
  if (failsOf(r, reading) && statesConsequence(t) && CONDUCT.test(t)) return done(PRESENT)
  // a requirement on anything but the provider ("Every router must sit on a UPS", "it must run two replicas") whose
  // failing has a consequence in the same or the next sentence ("If one does not, its outages are excluded …")
  const req = r.requirement
  // (whose requirement it is, the dearest reading, is asked last)
  if (req >= 0 && (followsFrom(t) || followsFrom(unit.next)) && !BACK_REFERENCE.test(t.trim()) && !payingOnly(t) && reader.party(unit, req) !== 'provider') return done(PRESENT)
  // the parties' agreement to the terms ("… (\"the Customer\") agree to the following") binds to nothing in particular
  if (AGREE_TO_TERMS.test(t)) return done(undefined)
  // "If you do not, we may suspend support": the consequence of the sentence before, which is judged with it
  if (BACK_REFERENCE.test(t.trim())) return done(undefined)
  // "Equipment that does not meet them is not covered": a consequence of standards named before, by a pronoun; it
  // states no standard of its own, and the sentence that names them is judged with it
  if (MEETS_THEM.test(t) && obligationOf(r, reading) < 0 && r.requirement < 0) return done(undefined)
  // (a chat line's words are read after its time and sender: "[09:42] Tom Berger: Keep the machines on Windows 11")
  const from = afterSpeaker(t)
  const spoken = from ? t.slice(from) : t
  const asked = NEED_FROM.exec(spoken) ?? POLITE.exec(spoken) ?? SIDE_LEAD.exec(spoken)
  const imperative = asked ? -1 : (IMPERATIVE_CONDUCT.exec(spoken)?.index ?? -1)
  const equipment = asked || imperative >= 0 ? -1 : equipmentOf(r, reading)
  const must = asked ? from + asked.index : imperative >= 0 ? from + imperative : equipment >= 0 ? equipment : obligationOf(r, reading)
  if (must < 0 && (!unit.inHome || DEVICE_COUNT.test(t))) return done(undefined)
  // Standards for the environment or conduct, not procedural duties (notify, pay, submit a claim).
  // (a requirement on equipment is a standard in itself: "the core switch must be on a UPS")
  // (a duty that introduces a list, "THE CLIENT AGREES TO:", "The Customer shall:", has the list's items for its conduct)
  if (must >= 0 && !asked && imperative < 0 && equipment < 0 && !unit.inHome && !conductDuty(listedDuty(t.slice(must), unit.next))) return done(undefined)
  // a disclaimer of what third parties supply or do ("Provider is not responsible for failures of hardware supplied by
  // third parties"), with no duty or condition of the customer's in it, follows from nothing the customer fails to do
  // and a charge the provider may make, tied to nothing the customer fails to do ("The Provider may charge a call-out
  // fee"), is a fee of the agreement, not what follows from a requirement failing
  const here = statesConsequence(t) && !(must < 0 && THIRD_PARTY.test(t) && !conditional(t)) && !(must < 0 && untiedCharge(t))
  // (a duty to pay and what follows from paying late are no standard of environment or conduct)
  if (payingOnly(t)) return {done: false, must}
  if (here || (unit.next && statesConsequence(unit.next) && (conditional(unit.next) || /^(?:otherwise|failing|if not)/i.test(unit.next) || STILL_FAILING.test(unit.next)))) return done(PRESENT)
  // the next sentence is a condition on which the provider declines the work: "If someone …, we won't support that machine"
  if (unit.next && /^\W*(?:if|where|should|unless|otherwise)\b/i.test(unit.next) && refusesWork(unit.next) >= 0) return done(PRESENT)
  return {done: false, must}
}

// Reading: a table that shares tasks out between the parties, a column for each ("| Task | Fenwick | Harlow & Pike |", "|
// | Us | You |"), gives the customer the rows marked in its column and not in the provider's: each is a duty of the
// customer's, "| Keeping laptops on a supported Windows release | | ✔ |" as "the Client keeps laptops on …"
const MARK = /^\s*(?:[✔✓✅☑●]|(?:x|yes|y|r|responsible)\b)/i
const ROW_CELL = /^([^:|]{1,60}):\s*(.*)$/s

/** The task of a table row marked for the customer alone in a table with a column for each party (undefined if none). */
function customerTicked(text: string, reading: Reading): string | undefined {
  if (!text.includes(' | ')) return undefined
  const cells = text.split(' | ').map((c) => ROW_CELL.exec(c.trim()))
  if (cells.length < 3 || cells.some((c) => c === null)) return undefined
  let customer = false
  let provider = false
  let marked = false
  for (const c of cells.slice(1)) {
    const role = roleTitle(c![1]!, reading.parties)
    if (role !== 'CUSTOMER' && role !== 'PROVIDER') continue
    if (role === 'CUSTOMER') customer = true
    else provider = true
    if (MARK.test(c![2]!)) {
      if (role === 'PROVIDER') return undefined
      marked = true
    }
  }
  return customer && provider && marked ? cells[0]![2]!.trim() : undefined
}

/** A text's own words: a chat line's after its time and sender, any other text whole. */
function spokenWords(text: string): string {
  const from = afterSpeaker(text)
  return from ? text.slice(from) : text
}

// Reading: a bare count of devices ("12 workstations", "1 file server", "Laptops: 8") states no requirement, even under a
// title that names supported devices (it says what is covered, not what the customer must meet)
const DEVICE_COUNT = /^\W*(?:(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:x\s+|×\s*)?(?:[\w-]+\s+){0,2}?(?:workstations?|pcs?|computers?|laptops?|desktops?|servers?|devices?|printers?|tablets?|ipads?|macs?|phones?|handsets?|switch(?:es)?|routers?|firewalls?|access points?|nas|users?|mailboxes|seats?|licen[cs]es)|(?:[\w-]+\s+){0,2}?(?:workstations?|pcs?|computers?|laptops?|desktops?|servers?|devices?|printers?|tablets?|phones?|users?|mailboxes|seats?)\s*[:|\u2013\u2014-]\s*\d{1,5})\s*[.;,]?\s*$/i

/**
 * A sentence whose subject is what still fails a requirement ("A PC still on Windows 10 after that date is …", "Any
 * device not on a supported system is …"): the condition is in the subject, so what it says next is the consequence.
 */
const STILL_FAILING = /^\W*(?:an?|any|each|every)\s+(?:[\w-]+\s+){1,2}?(?:still|not|that (?:is|are) (?:still|not)|which (?:is|are) (?:still|not))\b/i

/** The readings of one text that both mentions() and judge() ask for, kept for the last text read. */
interface TextReadings {
  text: string
  requirement: number
  fails: boolean | undefined
  equipment: number | undefined
  /** Where the first obligation binding the customer is (Reading.customerObligation), or -1. */
  obligation: number | undefined
}
const LAST_TEXT = {name: 'customer-requirements: the readings of the last text'}

function readingsOf(text: string, reading: Reading): TextReadings {
  const r = reading.own(LAST_TEXT, (): TextReadings => ({text: '', requirement: -1, fails: undefined, equipment: undefined, obligation: undefined}))
  if (r.text !== text || r.text === '') {
    r.text = text
    r.requirement = requirementAt(text)
    r.fails = undefined
    r.equipment = undefined
    r.obligation = undefined
  }
  return r
}
const failsOf = (r: TextReadings, reading: Reading): boolean => (r.fails ??= customerFails(r.text, reading))
const equipmentOf = (r: TextReadings, reading: Reading): number => (r.equipment ??= equipmentMust(r.text, reading))
// (mentions() asks it last and the judge asks it again of the same sentence: read once)
const obligationOf = (r: TextReadings, reading: Reading): number => (r.obligation ??= reading.customerObligation(r.text))

/** A consequence of a requirement failing, stated on a condition: "If a device is not, its outages are excluded …". */
function followsFrom(text: string): boolean {
  return text.length > 0 && conditional(text) && statesConsequence(text)
}

/** Where a requirement on equipment starts ("PCs must …"), unless the sentence binds the provider ("our servers must …"), or -1. */
function equipmentMust(text: string, reading: Reading): number {
  const m = EQUIPMENT_MUST.exec(text)
  if (!m) return -1
  const before = text.slice(Math.max(0, m.index - 30), m.index)
  return /\b(?:our|its|the (?:provider|supplier)(?:'s|’s))\s+$/i.test(before) || reading.firstParty(before) === 'provider' ? -1 : m.index
}

/** A consequence elsewhere that cites the requirement's clause: "if Customer breaches Section 2.1 (Restrictions on Customer)". */
function citedByConsequence(reading: Reading, section: Section, blockText = ''): boolean {
  // "7.1 The Client shall …" numbers the paragraph itself
  const own = /^\s*(\d{1,3}(?:\.\d{1,3})+)\.?\s/.exec(blockText)
  // the section's own citations are the same for all its units, so they are looked for once
  // per section: whether a consequence cites the section or a parent, and cites a paragraph number in it
  const bySection = reading.own(CITED, () => new Map<Section, {readonly bySection: boolean; readonly byOwn: Map<string, boolean>}>())
  let c = bySection.get(section)
  if (!c) bySection.set(section, (c = {bySection: cites(reading, section, () => sectionRefs(section, reading)), byOwn: new Map()}))
  if (c.bySection || !own) return c.bySection
  let hit = c.byOwn.get(own[1]!)
  if (hit === undefined) c.byOwn.set(own[1]!, (hit = cites(reading, section, () => [numberRef(own[1]!, reading)])))
  return hit
}

/** A test of a text for a reference: true where the reference's pattern matches. */
type Ref = (text: string) => boolean

/**
 * A reference whose pattern (`new RegExp(…, 'i')`, with `literal` written in it as it stands) is made only for a text
 * that holds the literal, case aside: an ASCII literal, whose letters the flag folds as lower-casing does, so that a
 * text the pattern matches holds it lower-cased. Most consequences cite no part, and no pattern is compiled for them.
 */
function gatedRef(literal: string, make: () => RegExp): Ref {
  const lower = /^[\x00-\x7f]*$/.test(literal) ? literal.toLowerCase() : undefined
  let re: RegExp | undefined
  return (text) => (lower === undefined || text.toLowerCase().includes(lower)) && (re ??= make()).test(text)
}

/** "Section 2.1", "clause 2.1", "paragraph 2.1" (each made once per document). */
function numberRef(number: string, reading: Reading): Ref {
  const made = reading.own(REFS, () => new Map<string, Ref>())
  let ref = made.get(`#${number}`)
  if (!ref) made.set(`#${number}`, (ref = gatedRef(number, () => new RegExp(`\\b(?:section|clause|paragraph|para\\.?)\\s+${number.replace(/\./g, '\\.')}(?!\\d|\\.\\d)`, 'i'))))
  return ref
}

/** "(Restrictions on Customer)", "the points under \"Your part\"": a title cited in parentheses or quotes (each made once per document). */
function titleRef(title: string, reading: Reading): Ref {
  const made = reading.own(REFS, () => new Map<string, Ref>())
  let ref = made.get(`(${title}`)
  if (!ref) made.set(`(${title}`, (ref = gatedRef(title, () => new RegExp(`[("\u201c]${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[)"\u201d]`, 'i'))))
  return ref
}

/** References to a section and its parents: their dotted numbers, and their titles in parentheses. */
function sectionRefs(section: Section, reading: Reading): Ref[] {
  const refs: Ref[] = []
  for (let s: Section | undefined = section; s && s.kind !== 'root'; s = s.parent) {
    if (s.number) refs.push(numberRef(s.number, reading))
    if (s.title.length > 3) refs.push(titleRef(s.title, reading))
  }
  return refs
}

/** Does a consequence outside `section` match one of the references (made only when there is such a consequence)? */
function cites(reading: Reading, section: Section, refsOf: () => readonly Ref[]): boolean {
  let refs: readonly Ref[] | undefined
  for (const b of consequenceBlocks(reading)) {
    if (b.section === section) continue
    refs ??= refsOf()
    if (!refs.length) return false
    if (refs.some((r) => r(b.text))) return true
  }
  return false
}

/** The blocks that state a consequence of a breach, once per document. */
function consequenceBlocks(reading: Reading): readonly Block[] {
  // a breach, a failure, or duties not kept ("If the points under \"Your part\" are not kept …")
  // (each block's answer reads its text alone: kept per text in an editor)
  return reading.own(CONSEQUENCES, () => {
    const blocks = reading.doc.blocks
    const states = reading.blockColumn(BREACH_CONSEQUENCE, blocks, (b) => BREACH.test(b.text) && statesConsequence(b.text))
    return blocks.filter((_, i) => states[i])
  })
}

// (and what is done without the notice or consent a duty requires: "Faults caused by a change made without the notice in
// clause 2 are outside the service levels", a consequence of that clause)
const BREACH = needs(/\bbreach|violat|fail|(?:does|do) not (?:meet|comply)|\b(?:is|are)(?:n['\u2019]t| not) (?:kept|met|followed|observed|complied with)\b|\b(?:made|done|carried out|installed|changed|moved|added)\s+without\s+(?:the\s+|any\s+|prior\s+|our\s+|its\s+|written\s+)*(?:notice|approval|consent|agreement|authori[sz]ation)\b/i)

/** "If the Client does not …", "Where the School fails to …": a condition on the customer's failing. */
function customerFails(text: string, reading: Reading): boolean {
  if (FAILS_GENERIC.test(text)) return true
  const named = reading.own(FAILS, () => namedFails(reading.parties))
  return named instanceof RegExp ? named.test(text) : named.some((name) => namedFailing(text, name))
}

// the condition and the failing on each side of the customer's name (see failsSource), for names the agreement gives it:
// the condition read backwards from where the name starts, the failing forwards from where it ends
const FAILS_CONDITION = String.raw`\b(?:if|where|should|in the event that|unless|while|whilst|(?:for )?(?:as|so) long as|(?:to |on |for |in )?which|whom)\s+(?:the\s+)?`
const FAILS_FAILING = String.raw`\b[^.;]{0,60}?\b(?:does not|do not|doesn't|don't|fails? to|is not|are not|has not|have not|hasn't|haven't|breach\w*|ceases? to)\b`
// the customer's role words read where its failing is a condition, with "you" (the one list's words so marked)
const CUSTOMER_WORDS = FAILING_CUSTOMER_WORDS
/** The pattern with the customer's words alone: the same for every document, so compiled once. */
const FAILS_GENERIC = needs(new RegExp(failsSource(CUSTOMER_WORDS), 'i'))
const CONDITION_BEFORE = new RegExp(`(?<=${FAILS_CONDITION})`, 'iy')
const FAILING_AFTER = new RegExp(FAILS_FAILING, 'iy')

/** The pattern: a condition, the customer (by one of `parties`, as pattern sources), then its failing within 60 characters. */
function failsSource(parties: readonly string[]): string {
  // the condition as a relative clause too: "… to an Incident on a system to which the Customer has not given remote access"
  return `${FAILS_CONDITION}(?:${parties.join('|')})${FAILS_FAILING}`
}

/**
 * The names the agreement gives its customer, lower-cased, for namedFailing; a pattern with them (built once per
 * document, as a whole) when one is empty or not plain ASCII, which a search by characters would not read alike.
 */
function namedFails(parties: ReadonlyMap<string, string>): readonly string[] | RegExp {
  const names = [...parties].filter(([, r]) => r === 'customer').map(([n]) => n)
  if (names.some((n) => n === '' || !/^[\x20-\x7e]+$/.test(n))) return new RegExp(failsSource([...CUSTOMER_WORDS, ...names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))]), 'i')
  return names.map((n) => n.toLowerCase())
}

/**
 * Does the customer's failing follow a condition at some place the text names it by `name` (plain ASCII, lower-cased)?
 * The same answer as the whole pattern with the name among the customer's words: the name matched case-insensitively
 * where it stands, the condition before it and the failing after it by the pattern's own parts.
 */
function namedFailing(text: string, name: string): boolean {
  const lower = text.toLowerCase()
  // (a text whose lower case differs in length does not keep its offsets: ask the whole pattern)
  if (lower.length !== text.length) return new RegExp(failsSource([name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')]), 'i').test(text)
  for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
    // a character that is not ASCII does not match an ASCII letter of the name in either case
    let plain = true
    for (let k = at; k < at + name.length && plain; k++) plain = text.charCodeAt(k) < 128
    if (!plain) continue
    CONDITION_BEFORE.lastIndex = at
    if (!CONDITION_BEFORE.test(text)) continue
    FAILING_AFTER.lastIndex = at + name.length
    if (FAILING_AFTER.test(text)) return true
  }
  return false
}

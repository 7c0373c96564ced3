// no-overpromising: absolute promises (guarantees, 100% uptime, "always", "immediately") that no provider can keep.
import type {Party} from '../src/reading/parties.js'
import {allowedHit, compileTerms, configuredTerms, termListOptions, type TermListOptions} from '../src/reading/terms.js'
import {ruleOptions, type Rule} from '../src/rule.js'
import data from './data/overpromising.json' with {type: 'json'}

const terms = compileTerms(data.terms)
// A right of a party ("may terminate immediately"), a measurement ("× 100%") or a name ("Unlimited Claims").
// (a right reaches to the end of its own clause: "may cost extra – we'll always talk to you first" promises after the dash)
const NOT_A_PROMISE = /\b(?:may|can|could|is entitled to|reserves? the right to)\b(?:(?![–—]|\s-\s|[,:]\s*(?:(?:and|but|so)\s+)?(?:we|I)\b)[^.;]){0,40}$|\b(?:terminat\w*|suspen\w*|ceas\w*|end|expir\w*|effective|preceding|following|payable|due)\b/i

// A guarantee whose object is money (a price, a fee, a party's payments or debts) is a commercial term or a surety, not
// a promise about the service: "payments … are guaranteed by its parent company", "X guarantees the Client's payment
// obligations", "Provider guarantees that the monthly fees will not increase", a "price guarantee"
const MONEY = String.raw`(?:prices?|pricing|fees|rates|charges|payments?|payment obligations|debts?|invoices|sums|amounts? (?:due|owed|payable))`
// Reading: a security given as a paper or a bond ("a bank letter of guarantee of EUR 5,000", "a guarantee bond") is a surety, as
// a bank guarantee is: a document one party gives the other, not a promise about the service
const SURETY = /\b(?:payments?|fees|debts?|invoices?|obligations|liabilities|amounts? (?:due|owed))\b[^.;]{0,40}\bguarantee[ds]?\s+by\b|\bguarantee[ds]?\s+by (?:its|the|a|their) (?:parent|holding|guarantor|bank|director)\b|\b(?:parent company|bank|personal) guarantee\b|\b(?:bank\s+)?letters? of guarantee\b|\bguarantee (?:letters?|bonds?)\b/i
// the object right after the verb: "guarantees [that] the monthly fees …", "guarantees the Client's payment obligations"
const MONEY_OBJECT = new RegExp(String.raw`^guarantee[ds]?\s+(?:that\s+)?(?:(?:the|its|our|your|their|all|any)\s+)?(?:[\w'’-]+\s+){0,3}?${MONEY}\b`, 'i')
// money as the subject of a passive guarantee: "Provider's fees for the initial term are guaranteed not to increase"
const MONEY_SUBJECT = new RegExp(String.raw`\b${MONEY}\b[^.;]{0,60}\b(?:is|are|will be|shall be|remain|remains)\s+(?:\w+\s+)?$`, 'i')
// money that opens a terse line as its subject, with no verb before the guarantee: "Rates in s.1 and s.2 guaranteed
// for the initial term", "Prices quoted guaranteed for 90 days"
const MONEY_SUBJECT_TERSE = new RegExp(String.raw`^\W*(?:(?:the|our|your|its|their|all|these|such)\s+)?(?:[\w'’-]+\s+){0,2}?${MONEY}(?:\s+(?:in|for|of|under|on|at|per|from|listed|quoted|shown|stated|set out)\b[^;!?]{0,40}?)?\s+$`, 'i')
// a compound naming what is guaranteed: "Price guarantee", "fee-freeze guarantee"
const MONEY_COMPOUND = /\b(?:price|pricing|fee|rate|payment)[- ](?:lock[- ]|freeze[- ])?$/i

// Reading: a promise taken back later in the same sentence is no promise: after the term, a clause that denies promising
// what came before, its object a pronoun or nothing ("While we work hard for zero downtime, no provider can promise it, and
// we do not", "… uninterrupted service, but this is not guaranteed", "… act immediately on every alert; we cannot commit to
// that"), whatever opens the sentence. A denial of something else ("we guarantee zero downtime, but we cannot promise a
// fix within the hour") takes nothing back.
const BACK_REF = String.raw`(?:it|this|that|them|so|either|any of (?:this|that|these|it|them))(?=\s*(?:[,.;:!?)]|\band\b|\bor\b|$))`
const DENY_PROMISE = String.raw`(?:promise|guarantee|warrant|commit to|assure|ensure)`
const TAKEN_BACK = new RegExp(
  String.raw`^[^.!?]*?(?:[,;:]|\bbut\b|\bhowever\b|\byet\b|\bthough\b)[^.!?]*?(?:` +
    String.raw`\b(?:cannot|can ?not|can['’]t|could not|couldn['’]t|do not|does not|don['’]t|doesn['’]t|will not|won['’]t|shall not|(?:is|are|am) unable to)\s+(?:\w+\s+)?${DENY_PROMISE}\s+${BACK_REF}` +
    String.raw`|\b(?:no|none of the)\s+[\w'’-]+\s+(?:can|could|will|is able to|are able to)\s+(?:\w+\s+)?${DENY_PROMISE}\s+${BACK_REF}|\bnobody\s+(?:can|could|will)\s+(?:\w+\s+)?${DENY_PROMISE}\s+${BACK_REF}` +
    String.raw`|\b(?:it|this|that|which|they|these|none of this)\s+(?:is not|isn['’]t|are not|aren['’]t|cannot be|can ?not be|can['’]t be|will not be|won['’]t be|is never|are never)\s+(?:\w+\s+)?(?:promised|guaranteed|warranted|assured)\b)`,
  'i',
)
// Reading: a guarantee named as the subject of a negated "apply", "cover" or "extend" ("Our guarantee does not apply to
// printers that wear out") says what is not guaranteed, not what is; one whose own words state a measure ("The 100% uptime
// guarantee does not cover maintenance") still names the promise it limits
const GUARANTEE_SUBJECT_BEFORE = /(?:^|\b(?:our|the|this|that|its|their|your|any|such|a|an)\s+)(?:[A-Za-z][A-Za-z'’-]*\s+){0,2}$/i
const NEGATED_REACH_AFTER = /^\s+(?:does not|do not|doesn['’]t|don['’]t|will not|won['’]t|shall not|cannot|can['’]t|can not)\s+(?:apply|cover|extend|include|reach)\b/i

// words that announce a topic: "a note on", "questions about", "more on", or a title that opens on "About" or "On"
const GUARANTEE_TOPIC = /(?:\b(?:notes?|words?|remarks?|questions?|faqs?|more|information|details|thoughts)\s+(?:on|about|regarding|concerning)|^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:about|regarding|on))\s+(?:(?:our|the|any|its|their|your)\s+)?$/i
/** The party named as the subject right before a promise verb ("Provider", "We", "You", a name the agreement gives a party). */
function subjectParty(before: string, parties: ReadonlyMap<string, Party>): Party {
  const m = /(?:^|[\s(])((?:[A-Z][\w&'’-]*\s+){0,3}[A-Z][\w&'’-]*|we|I|you)\s+(?:hereby\s+|also\s+)?$/.exec(before)
  if (!m) return 'unknown'
  const subject = m[1]!.replace(/^the\s+/i, '').toLowerCase()
  if (/^(?:we|i|provider|supplier|contractor|vendor|msp|service provider)$/.test(subject)) return 'provider'
  if (/^(?:you|client|customer|buyer|subscriber|licensee|purchaser)$/.test(subject)) return 'customer'
  return parties.get(subject) ?? 'unknown'
}

// A duty of conduct laid on people: "must" with "always" or "never" and people named by their role as the subject
// ("Staff must always lock …", "Provider's technicians must never leave …")
const PEOPLE = String.raw`(?:staff|employees|personnel|technicians|engineers|operators|users|visitors|contractors|workers|drivers|agents|volunteers|members of staff|team members|anyone|everyone|all (?:staff|users|personnel|employees))`
const CONDUCT = new RegExp(String.raw`(?:^|[\s(])${PEOPLE}\s+(?:[\w'’-]+\s+){0,6}?must\s+$`, 'i')

// A word that makes a sentence a duty or a promise rather than a description
const PROMISE = /\b(?:will|shall|must|should|can|agrees?|guarantee\w*|ensur\w*|commit\w*|promis\w*|warrant\w*|undertak\w*|assur\w*)\b|[’']ll\b/i

// A sentence that opens with the customer as the subject of a verb: "2.2 The Hospital runs …", "The Home cares for …",
// "The Client always retains full admin access" (what the customer holds is its right, not the provider's promise)
// (not "Client data is …", where the customer's name qualifies a noun)
const CUSTOMER_LEAD = /^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?(?:[Tt]he\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(?:\w+ly\s+|always\s+|still\s+|also\s+)?([a-z]+s)\s+(\w+)/
const NOT_AFTER_VERB = /^(?:is|are|was|were|will|shall|must|can|may|have|has|be)$/i

/** Does the sentence describe what the customer itself does or has ("The Hospital runs a 24-hour service, and …")? */
function describesCustomer(s: string, parties: ReadonlyMap<string, Party>): boolean {
  const m = CUSTOMER_LEAD.exec(s)
  if (!m || NOT_AFTER_VERB.test(m[3]!)) return false
  const name = m[1]!.toLowerCase()
  return /^(?:client|customer|buyer|subscriber|licensee|purchaser)$/.test(name) || parties.get(name) === 'customer'
}

// An outcome the customer undergoes: "the Agency will experience zero dropped calls", "you'll see zero downtime"
const UNDERGOES = /\b(?:experience|experiences|see|sees|suffer|suffers|have|has|get|gets|enjoy|enjoys|notice|notices)\s+$/i
// What the customer is promised to get, though it is the subject ("During those hours you will always reach a person",
// "you'll always get a reply"): the provider's promise of an outcome, not a duty of the customer; and so is a state of
// service the customer is kept in ("You'll always be online", "your team will always stay connected")
const GETS_AFTER = /^\s+(?:be able to\s+)?(?:reach|get|receive|speak (?:to|with)|talk to|hear (?:back )?from|have access to|find)\b|^\s+(?:be|stay|remain)\s+(?:online|connected|up and running|protected|covered)\b/i
// What is aimed at rather than promised: "a target of", "we aim for", "our goal is", "working towards"
const ZERO_AIM_BEFORE = /\b(?:targets?|goals?|aims?|aiming|objectives?|ambitions?|strives?|striving|works? towards?|working towards?)\b(?:\s+(?:is|of|for|at|to|to achieve|to reach))?\s+$/i
const ZERO_AIM_AFTER = /^\s+(?:[\w-]+\s+){0,2}?(?:target|goal|objective|ambition)\b/i

// What a provider could promise without limit: support, visits, requests, users, storage …
const SERVICE_AMOUNT = /\b(?:support|help ?desk|helpdesk|help|visits?|call-?outs?|calls|tickets|requests|hours|users|devices|storage|bandwidth|changes|revisions|incidents|access|retention|history|versions|copies|snapshots|restore points|backups)\b/i

// Outcomes a customer undergoes rather than acts to bring about
const OUTCOME = /^never (?:run|runs|lose|loses|experience|experiences|suffer|miss|misses|have to|has to|need to|needs to|be (?:down|unavailable|interrupted|offline|hacked|breached|lost))\b/i
// Reading: a thing of the customer's that undergoes a loss in the passive ("Your client files will never be deleted", "your
// calls will never be dropped", "you will never be kept waiting") is promised that outcome by the provider, as "never be
// lost" is: the customer named before it does not act; unless a duty binds the customer to bring it about ("The Client
// must make sure its archive will never be deleted")
const PASSIVE_OUTCOME = /^never be (?:erased|deleted|destroyed|corrupted|held up|kept waiting|left waiting|dropped|disrupted)\b/i

// A perfect outcome promised by denying that a failure or an attack ever succeeds ("your systems simply won't go down",
// "files cannot be encrypted by an attacker", "calls are not dropped, ever", "won't lose a single day") or by an attack
// stopped without exception ("stops any and every attack", "Every phishing email is caught") is as absolute as "never":
// the customer named before it undergoes the outcome, so it stays the provider's promise unless a duty binds the customer
const PERFECT_OUTCOME = /^(?:won[’']t|will not|wo not|does(?:n[’']t| not)|do(?:n[’']t| not)|cannot|can[’']t|can not|shall not|not|no)\b|\bever$/i
const PERFECT_DEFENCE = /^(?:every|each and every|any and every|all|stops?|stopping|blocks?|blocking|catch(?:es|ing)?|prevents?|preventing|defeats?|repels?|keeps? out)\b/i
// a duty laid on the customer before the outcome ("The Client must make sure its PCs do not crash …")
const CUSTOMER_DUTY = /\b(?:must|shall|should|agrees? to|is required to|are required to|is responsible for|are responsible for|undertakes? to)\b/i
// a condition or a purpose around the denial ("if the server does not go down", "so that the site doesn't crash", "to
// make sure the backups cannot be encrypted"): what the sentence promises is elsewhere, if anywhere
const CONDITION_OR_PURPOSE = /\b(?:if|unless|whether|when|where|in case|so that|so|in order that|lest|to (?:make sure|ensure|help ensure)(?: that)?)\s+(?:[^.;,:]{0,60}?\s)?$/i

// "always" describing how a metric is computed ("Availability is always calculated over the calendar month") or how an
// amount is charged ("A call-out is always charged from the moment the engineer leaves", "always billed in 15-minute blocks")
const MEASUREMENT = /^always\s+(?:be\s+)?(?:calculated|measured|determined|computed|rounded|based|assessed|counted|expressed|charged|billed|invoiced|priced|reported|stated|shown|presented|published|applied|credited|deducted)\b/i

// Reading: so does "always" written after the verb of measuring, as translated agreements put it ("Reaction time is counted
// from the registration of the notification; in category A it is counted always", "the fee is charged always in full"):
// the adverb still says how the measure is taken, not what the provider promises
const MEASURED_BEFORE = /\b(?:is|are|be|been|being)\s+(?:calculated|measured|determined|computed|counted|assessed|charged|billed|invoiced|rounded|credited|deducted)\s*,?\s*$/i

// Reading: "immediately" with a verb of coming into effect says when a document, a term or a change starts to count, and
// the thing itself is the doer: "Changes take effect immediately on posting", "the new tariff is valid immediately",
// "comes into force immediately upon publication", "a notice is deemed received immediately on sending", "a revised price
// list applies immediately"; no act of the provider's is promised ("we will apply the patch immediately", where the
// provider applies something, and "patches are applied immediately", its passive, still promise an instant act)
const EFFECT_BEFORE = /\b(?:(?:take|takes|took|taken|taking|come|comes|came|coming|enter|enters|entered|entering|go|goes|went|gone|going)\s+(?:in(?:to)?\s+)?(?:effect|force|operation)|(?:is|are|be|been|being|was|were|become|becomes|became|becoming|remain|remains)\s+(?:\w+ly\s+)?(?:effective|binding|valid|applicable|enforceable|operative|in (?:force|effect|operation))|apply|applies|(?:deemed|treated as|taken as|considered)\s+(?:to\s+(?:be|have been)\s+)?[a-z]+(?:ed|en))\s+$/i
const EFFECT_AFTER = /^\s+(?:takes?|taking)\s+effect\b|^\s+(?:comes?|coming|enters?|entering)\s+into\s+(?:effect|force|operation)\b|^\s+(?:becomes?|becoming)\s+(?:effective|binding|valid|applicable|enforceable|operative)\b|^\s+appl(?:y|ies)\b(?=\s*(?:[.,;:)]|$|(?:to|from|on|upon|for|as|and|in|until|with|once|when)\b))/i

// "immediately, and in any case within 2 hours", "immediately (and no later than 1 hour)", "immediately, at the latest within
// 30 minutes": a bound on the same act, right after the term
const BOUND_AFTER = /^[\s,(]*(?:(?:and|but|or)\s+)?(?:in any (?:case|event)|in all cases|at the latest|at most|(?:no|not) later than|within)\b/i
// what a measurement does with its period: "always counts the whole calendar month", "always starts on the 1st"
const MEASURE_DEFINED = /^always\s+(?:counts?|covers?|spans?|runs?|starts?|begins?|ends?|includes?|excludes?|uses?|refers? to|takes?|stops?|pauses?|resumes?|restarts?|resets?|(?:started|stopped|paused|resumed|restarted|reset)\b)/i
// a metric being measured, with the coordinated verb that continues it: "Uptime is measured by our probes every minute and "
const MEASURED_METRIC = /\b(?:uptime|availability|downtime|response times?|resolution times?|service levels?|measurement(?: period)?)\b[^.;]{0,80}?\b(?:is|are)\s+(?:\w+ly\s+)?(?:measured|calculated|computed|determined|counted|assessed|monitored)\b[^.;]{0,80}\band\s+$/i
// the metric itself as the subject: "The measurement period always starts", "Availability always covers"
// Reading: the clock of a measured time, or the time itself, as the subject ("The clock always starts when the ticket is
// logged", "the SLA timer always stops while we wait for you", "Response time always counts from the call", "the clock is
// always paused") says how the time is measured, as "the measurement period always starts" does
const METRIC_SUBJECT = /\b(?:uptime|availability|downtime|measurement(?: period| window)?|(?:reporting|measuring|service) (?:period|window|month)|clocks?|timers?|stopwatch|(?:response|reaction|resolution|restoration|restore|repair|fix|turnaround|target|sla) times?)\s+(?:(?:is|are)\s+)?$/i

// Reading: "always" in a relative clause of the means a metric is measured by ("The uptime target is measured by our
// monitoring system, which always checks the office router every minute") says how the measuring is done, as a
// definition of the measurement does, not what is promised
const MEASURING_MEANS = /\b(?:uptime|availability|downtime|response times?|resolution times?|service levels?|targets?|measurement(?: period)?)\b[^.;]{0,80}?\b(?:is|are)\s+(?:\w+ly\s+)?(?:measured|calculated|computed|determined|assessed|monitored|recorded)\s+(?:by|from|using|with|through|on)\b[^.;]{0,80}?,?\s+(?:which|that)\s+$/i

// A guarantee that names its measure and what the customer gets when it is missed is the measurable, remedied target
// the rule asks for: "guarantees a 30-minute response …; each late response earns a credit of 5%"
const REMEDY = /\b(?:credit(?:s|ed)?|refund(?:s|ed)?|rebates?|money[- ]back|penalt(?:y|ies))\b/i

// The time a guarantee names as its object: "guaranteed restore time", "guarantees the P1 response time", "guarantees a
// 1-hour callback"; or as the subject of a passive ("A 4-hour response is guaranteed")
const MEASURE_NOUN = String.raw`(?:times?|response|responses|restore|restoration|call-?back|resolution|turnaround|arrival|attendance)`
const MEASURE_AFTER = new RegExp(String.raw`^\s+(?:(?:a|an|the|this|that|its|our|their|each)\s+)?(?:[\w.%-]+\s+){0,3}?${MEASURE_NOUN}\b`, 'i')
const WITHOUT_EXCEPTION = /\b(?:every|all|each and every|any and all|without exception|in all cases)\b/i
const MEASURE_BEFORE = new RegExp(String.raw`\b${MEASURE_NOUN}\b[^.;]{0,40}?\b(?:is|are|will be|shall be)\s+(?:\w+ly\s+)?$`, 'i')

// A guarantee of people's presence (an engineer on call, a desk staffed, a technician on site) within stated days and
// clock times is a staffing commitment the provider controls and bounds, not an absolute outcome: "guarantees on-call
// availability on Saturdays 9:00-13:00" (a system's availability in a window, "guarantees 100% availability 8:00-18:00",
// stays an absolute)
const EVERY_DAY = /\bevery\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun|week|working |business )?days?|weeks?|weekends?)\b/gi
const STAFFED = /\b(?:on[- ]call|engineers?|technicians?|staff(?:ed|ing)?|manned|attend(?:s|ed|ance)|on[- ]site|in person|answered)\b/i

// A maker's warranty, or equipment's state under one: "under the manufacturer's guarantee", "out of guarantee", "within its
// 3-year guarantee" (the guarantee is a third party's, not the provider's promise)
// A maker's warranty as the subject of "guarantees" ("The manufacturer's warranty guarantees parts for three years") is the
// maker's promise, not the provider's
const MAKER_BEFORE = /\b(?:manufacturer|maker|oem)(?:'s|’s|s'|s’)\s+(?:[\w-]+\s+){0,2}$/i

// A promise that leaves no case out ("catches every problem", "every ticket is resolved") is absolute when it states no
// time; with a time in its clause ("Every Priority 1 incident is resolved within 8 business hours") it is a target
const EVERY_CASE = /^(?:catch|spot|detect|fix|solve|resolve|sort|prevent|repair|each and every|every)/i
// an attempt or an effort before it ("will try to resolve all issues", "best endeavours to fix each and every fault") hedges
// the promise, which the vague-term rule reads
const ATTEMPT_BEFORE = /\b(?:try|tries|trying|attempts?|attempting|aims?|aiming|strives?|striving|endeavou?rs?|efforts?|seeks?|seeking)\s+(?:to\s+)?(?:[\w-]+\s+)?$/i

// A row's label written as a title ("| Always Included | …", "| Always-On Items | …") names a category of the table, not a
// promise
const TITLE_LABEL = /^[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,3}$/

// Reading: a guarantee that equipment has or lacks, or a case it falls under, is a maker's warranty too, the way
// non-native English writes it ("if the device has guarantee", "devices without guarantee", "also in case of guarantee",
// "a laptop that still has a valid guarantee"); a guarantee the provider gives or offers is its promise
const WARRANTY = /(?:\b(?:manufacturer|maker|oem)(?:'s|’s|s'|s’)\s+(?:[\w-]+\s+){0,2}|\b(?:under|out of|outside|within|beyond)\s+(?:(?:the|its|their)\s+)?(?:(?:manufacturer|maker|oem)(?:'s|’s|s'|s’)\s+)?(?:[\w-]+\s+)?|\bin\s+|\b(?:has|have|had|having)\s+(?:still\s+)?(?:(?:a|an)\s+(?:valid|active|current|remaining)\s+|no\s+)?|\bwithout\s+(?:(?:a|any)\s+)?(?:valid\s+)?|\bin\s+(?:the\s+)?case\s+of\s+(?:a\s+)?)$/i

// A past record in the perfect or past tense ("We have never lost a client's data", "the server has never gone down",
// "In ten years we never lost a file") says what happened, not what will: an auxiliary of the past, or a pronoun subject
// before a verb in its past form
const RECORD_BEFORE = /(?:\b(?:have|has|had|was|were|did)|['’]ve|['’]d)\s+(?:(?:yet|so far|to date|ever|also|still)\s+)?$/i
const PAST_VERB = /^never (?:lost|destroyed|corrupted|hacked|breached|failed|missed|crashed)\b/i
const PAST_SUBJECT = /(?:^|[\s,(])(?:we|I|they)\s+$/i

// An aim or an attempt that "always" qualifies ("We'll always aim to reply the same day", "we always try to …"): what is
// constant is the trying, and an aim promises no outcome (the vague-term rule reads the aim itself)
const AIM_AFTER = /^\s+(?:aims?|aiming|try|tries|trying|strives?|striving|endeavou?rs?|endeavou?ring|seeks?|seeking|aspires?|aspiring|do (?:our|its|their|my) best|does (?:its|their|his|her) best)\s+(?:to|for)\b/i

// A promise word inside the name of a thing: a hyphenated compound before a technology ("always-on VPN", "an always-on
// connection") or the name of a device ("an uninterrupted power supply"); before an outcome ("Always-on protection",
// "always-on support") the compound promises the outcome
const NAMED_THING = /^(?:-[a-z]+\s+(?!(?:protection|security|support|monitoring|service|services|cover|coverage|availability|uptime|backups?|help|response)\b)[a-z]|\s+power\s+suppl(?:y|ies)\b)/i

// The reason given for what someone does ("I keep my phone on, because the weighbridge can't go down", "…, because the
// Practice can never miss an emergency call") states a need, not a promise: a "can" or "must" of need, or its denial,
// in a clause of reason whose subject is not the provider
const REASON = /\b(?:because|since|as|given that|seeing that)\s+((?:[^.;,:!?]{0,60}?\s)?)$/i
const NEED_MODAL = /\b(?:can|must|could)\s+(?:ever\s+)?$/i
const NEED_DENIAL = /^(?:cannot|can[’']t|can not|mustn[’']t|must not|couldn[’']t|could not)\b/i

// Reading: "always" before a priority level, after a copula or a verb of classing ("anything that stops it is always
// Urgent", "outages are always P1", "a breach is always treated as a Priority 1", "always counts as Critical"), sorts a
// kind of case into a level; the service the level gets is stated where the levels are, so it promises nothing
const LEVEL_WORD = String.raw`(?:critical|urgent|high|medium|moderate|low|major|minor|emergency|normal|standard|routine|important|blocker|severe)`
// (a level named by a number or a letter, by a word with "priority" after it, or by a level word written as a name)
const LEVEL_NAME = String.raw`(?:(?:P|Sev|S)\s?[0-9]\b|(?:[Pp]riority|[Ss]everity|[Ll]evel|[Tt]ier|[Cc]ategory|[Cc]at)\s+(?:[0-9]|[A-Z]|[IVX]{1,3}|one|two|three|four|five)\b|${LEVEL_WORD}[- ](?:priority|severity)\b|(?:Critical|Urgent|High|Medium|Moderate|Low|Major|Minor|Emergency|Normal|Standard|Routine|Important|Blocker|Severe)\b(?![ -][a-z]))`
const CLASSING = /(?:\b(?:is|are|was|be|will be|shall be)|['’]s|:)\s+$/i
const CLASSED_AS = new RegExp(String.raw`^always\s+(?:(?:be\s+)?(?:treated|classed|classified|logged|raised|rated|graded|categori[sz]ed|prioriti[sz]ed|counted|recorded|registered|handled|dealt with)\s+as\s+|(?:counts?|ranks?|qualifies)\s+as\s+)(?:an?\s+)?(?:${LEVEL_NAME}|${LEVEL_WORD}\b)`, 'i')
const ALWAYS_LEVEL = new RegExp(String.raw`^always\s+(?:an?\s+)?${LEVEL_NAME}`)

// Reading: a sentence whose own verb says what a measurement counts or leaves out ("A request that the load balancer
// always rejects … is not counted", "Any minute in which the probe always times out is excluded", "a ticket which the
// customer always closes itself does not count towards the target") defines the measurement: "always" in the relative
// clause that names the thing counted describes that thing, and promises nothing (a comma or a second clause between them
// ends the reading: "We always answer, and missed calls are not counted" promises)
const RELATIVE_BEFORE = /\b(?:that|which|where|in which|whose|who)\b[^,;:]{0,80}$/i
const COUNTED_AFTER = /^always\b[^.,;:]{0,140}?\b(?:(?:is|are|will be|shall be)\s+(?:not\s+)?(?:counted|included|excluded|ignored|disregarded|discounted|measured|treated as (?:downtime|available|unavailable|an? (?:outage|failure|success|breach)))|(?:does|do)\s+not\s+count|(?:counts?|count)\s+(?:as|towards?|against|in)|(?:falls?|fall)\s+outside)\b/i

// Reading: an opening quotation mark right before the term, after a word that names or describes it as words ("as",
// "called", "the word", "terms such as", "labelled"), and the closing mark right after it
const QUOTE_OPEN = /\b(?:as|calls?|called|named|termed|dubbed|label(?:l)?ed|marketed as|words?|terms?|phrases?|expressions?|wording|claims?|slogans?|like)\s+["\u201c\u2018'\u00ab]\s?$/i
const QUOTE_CLOSE = /^\s?["\u201d\u2019'\u00bb]/

// Reading: a request the text makes of its reader with "please" ("If you have received it in error, please notify the sender
// immediately", "Please tell us immediately if a laptop is lost") asks the reader to act, so the term in it promises
// nothing; a promise made after a request to take note ("Please note that we will respond immediately") is still made
const PLEASE_ASKS = /\bplease\s+(?:(?!note\b|be\s+(?:aware|advised)\b|rest\s+assured\b|remember\b|bear\s+in\s+mind\b|expect\b)[a-z]+\b(?:(?!\b(?:we|I|will|shall|guarantees?)\b|['’]ll\b)[^.;:!?])*)?$/i

export default {
  meta: {
    id: 'no-overpromising',
    description: 'Flags absolute promises such as guarantees, 100% uptime, "always" or "immediately" that state no measurable, remedied target',
    category: 'language',
    severity: 'warning',
    messages: {overpromise: 'Overpromise "{text}"; {suggestion}'},
    options: ruleOptions<TermListOptions>(termListOptions('absolute promises')),
  },
  check(context) {
    const configured = configuredTerms(terms, context.options, 'state a measurable target and what happens when it is missed')
    const {reading} = context
    for (const hit of reading.termHits(configured.terms)) {
      if (allowedHit(hit, configured.allow)) continue
      // an absolute outcome for the customer ("You'll never run out of toner", "the Practice will never lose patient
      // data", "Nothing you save will ever be lost") is the provider's promise, though the customer is named before it
      const excuse = reading.excused(hit)
      const perfect = PERFECT_OUTCOME.test(hit.text) || PERFECT_DEFENCE.test(hit.text)
      const head = hit.sentence.text.slice(0, hit.start - hit.sentence.start)
      // the subject of a promise verb is the party promising: "Provider guarantees that client data will never …"
      if (excuse && !(excuse === 'customer' && (((perfect || PASSIVE_OUTCOME.test(hit.text)) && !CUSTOMER_DUTY.test(head)) || OUTCOME.test(hit.text) || /^nothing\b/i.test(hit.text) || (/^zero/i.test(hit.text) && UNDERGOES.test(head)) || (/^guarantee/i.test(hit.text) && subjectParty(head, reading.parties) === 'provider') || (/^always$/i.test(hit.text) && GETS_AFTER.test(hit.sentence.text.slice(hit.end - hit.sentence.start, hit.end - hit.sentence.start + 40)))))) continue
      const s = hit.sentence.text
      const at = hit.start - hit.sentence.start
      const before = s.slice(Math.max(0, at - 60), at)
      // a term quoted as what something is called or described as ("describing the platform as "fully secure"", "the word
      // "guaranteed"", "terms such as "unlimited"") is mentioned, not used; a promise quoted for emphasis ("Our support is
      // "unlimited"") is still made
      if (QUOTE_OPEN.test(s.slice(Math.max(0, at - 40), at)) && QUOTE_CLOSE.test(s.slice(at + hit.text.length))) continue
      if (PLEASE_ASKS.test(before)) continue
      if (TAKEN_BACK.test(s.slice(at + hit.text.length))) continue
      if (/^guarantee$/i.test(hit.text) && GUARANTEE_SUBJECT_BEFORE.test(s.slice(Math.max(0, at - 60), at)) && NEGATED_REACH_AFTER.test(s.slice(at + hit.text.length, at + hit.text.length + 40))) continue
      // Reading: "guarantee" as the topic that words or a title announce ("## 9. A note on guarantees", "Questions about our
      // guarantee", "About guarantees") names what is spoken of, and promises nothing by itself
      if (/^guarantees?$/i.test(hit.text) && GUARANTEE_TOPIC.test(s.slice(Math.max(0, at - 40), at))) continue
      // the words of a name written in capitals ("an Always On VPN fault", "the Ever Ready backup appliance") promise nothing
      if (/^[A-Z]/.test(hit.text) && reading.inThingName(hit)) continue
      if (perfect && (CONDITION_OR_PURPOSE.test(s.slice(Math.max(0, at - 80), at)) || reading.isDefinition(hit.block, hit.sentence))) continue
      if ((perfect || /^never\b/i.test(hit.text)) && (NEED_DENIAL.test(hit.text) || NEED_MODAL.test(before))) {
        const reason = REASON.exec(s.slice(Math.max(0, at - 80), at))
        if (reason && subjectParty(reason[1]!.replace(NEED_MODAL, ''), reading.parties) !== 'provider' && !/\b(?:we|I|us|our)\b/i.test(reason[1]!)) continue
      }
      if (/^guarantee/i.test(hit.text) && REMEDY.test(s) && reading.hasNumber(s)) {
        const v = reading.values(s)
        if ((v.durations.length > 0 || v.percentages.length > 0) && !v.percentages.some((p) => p.value >= 100)) continue
      }
      // a guarantee of the time the provider takes to act is a measured target it controls, not an absolute: its object
      // is a time with its number in its own clause ("the guaranteed restore time is 8 hours", "guarantees a take-charge
      // time of 30 minutes", "a 4-hour response is guaranteed"); "guarantees that every fault is fixed …" and a
      // guaranteed uptime percentage (whose remedy is what makes it measurable) stay, and so does a time guaranteed for
      // every case without exception ("guarantees a 30-minute response to every Priority 1 call")
      if (/^guarantee/i.test(hit.text) && (MEASURE_AFTER.test(s.slice(at + hit.text.length, at + hit.text.length + 60)) || MEASURE_BEFORE.test(s.slice(Math.max(0, at - 60), at))) && reading.hasNumber(s)) {
        const clause = reading.clauseAround(s, at)
        const v = reading.values(clause)
        if (v.durations.length > 0 && v.percentages.length === 0 && !WITHOUT_EXCEPTION.test(clause)) continue
      }
      if (/^guarantee/i.test(hit.text) && reading.hasNumber(s)) {
        // (the whole sentence: a clock time's colon would end the clause)
        // ("every Tuesday" names when, not that no case is left out)
        if (STAFFED.test(s) && !WITHOUT_EXCEPTION.test(s.replace(EVERY_DAY, ' '))) {
          const v = reading.values(s)
          if (v.percentages.length === 0 && v.hours.some((h) => h.from !== undefined)) continue
        }
      }
      // written with capitals, the words name a product or a plan ("our Complete Protection plan"), not a promise
      if (/^(?:total|complete|absolute|perfect) /i.test(hit.text) && /^[A-Z]\S* [A-Z]/.test(hit.text)) continue
      if (/^guarantee$/i.test(hit.text) && WARRANTY.test(s.slice(Math.max(0, at - 60), at)) && !/^\s+(?:that|to)\b/i.test(s.slice(at + hit.text.length))) continue
      if (/^guarantee[sd]$/i.test(hit.text) && MAKER_BEFORE.test(s.slice(Math.max(0, at - 60), at)) && !/^\s+(?:that|to)\b/i.test(s.slice(at + hit.text.length))) continue
      if (EVERY_CASE.test(hit.text) && (ATTEMPT_BEFORE.test(s.slice(Math.max(0, at - 40), at)) || (reading.hasNumber(s) && reading.values(reading.clauseAround(s, at)).durations.length > 0))) continue
      if (/^always$/i.test(hit.text) && hit.block.kind === 'table-row' && hit.block.cells?.length && hit.start < (hit.block.text.indexOf(' | ') < 0 ? hit.block.text.length : hit.block.text.indexOf(' | ')) && TITLE_LABEL.test(hit.block.cells[0]!.trim())) continue
      if (/^(?:always|uninterrupted)$/i.test(hit.text) && NAMED_THING.test(s.slice(at + hit.text.length, at + hit.text.length + 30))) continue
      // the subject of a promise verb is the party promising: "You guarantee a minimum print volume" is the customer's
      // commitment, not the provider's
      if (/^guarantees?$/i.test(hit.text) && subjectParty(s.slice(0, at), reading.parties) === 'customer') continue
      // advice, not a promise: "Staff should always lock their screens"
      if (/^(?:always|never\b)/i.test(hit.text) && /\bshould\s+$/i.test(before)) continue
      // a rule of conduct, not an outcome promised: "must" binds people named by their role to act so each time
      // ("Staff must always lock a workstation", "Provider's technicians must always wear the PPE required on site")
      if (/^(?:always|never\b)/i.test(hit.text) && CONDUCT.test(s.slice(Math.max(0, at - 120), at))) continue
      // a description of the customer's own operation, with no duty or promise in the sentence ("The Hospital runs a
      // 24-hour critical care service, and the ICU is always staffed overnight")
      if (/^(?:always|never\b)/i.test(hit.text) && !PROMISE.test(s) && describesCustomer(s, reading.parties)) continue
      const around = s.slice(Math.max(0, at - 30), Math.min(s.length, at + hit.text.length + 30))
      if (/immediately/i.test(hit.text) && NOT_A_PROMISE.test(around)) continue
      // a document, a term or a change coming into effect "immediately" is not a service promise (see EFFECT_BEFORE)
      if (/immediately/i.test(hit.text)) {
        const word = at + hit.text.search(/immediately/i)
        if (EFFECT_BEFORE.test(s.slice(Math.max(0, word - 60), word)) || EFFECT_AFTER.test(s.slice(word + 'immediately'.length, word + 'immediately'.length + 40))) continue
      }
      // a limit stated right after "immediately" ("will notify the Customer immediately, and in any case within 2 hours")
      // makes it a target with its bound, as a time after "promptly" measures it
      if (/immediately/i.test(hit.text)) {
        const rest = s.slice(at + hit.text.search(/immediately/i) + 'immediately'.length, at + hit.text.length + 80)
        // (or right after the act's object: "will immediately quarantine an infected laptop, and in any case within 15 minutes")
        const comma = rest.search(/[,(]/)
        const bound = BOUND_AFTER.test(rest) ? rest : comma >= 0 && comma <= 60 && BOUND_AFTER.test(rest.slice(comma)) ? rest.slice(comma) : undefined
        if (bound !== undefined && reading.hasNumber(bound) && reading.values(bound).durations.length > 0) continue
      }
      // Reading: a company's legal form ("a company limited by guarantee registered in Ireland") says how its members answer
      // for its debts, not what anyone promises
      if (/^guarantee/i.test(hit.text) && /\blimited\s+by\s+$/i.test(s.slice(Math.max(0, at - 20), at))) continue
      // a surety, not a service promise: "payments … are guaranteed by its parent company", "a guarantee of the Client's obligations"
      if (/^guarantee/i.test(hit.text) && (MONEY_SUBJECT.test(s.slice(Math.max(0, at - 80), at)) || MONEY_SUBJECT_TERSE.test(s.slice(0, at)) || SURETY.test(s.slice(Math.max(0, at - 80), Math.min(s.length, at + hit.text.length + 40))) || MONEY_OBJECT.test(s.slice(at, at + 100)) || MONEY_COMPOUND.test(s.slice(Math.max(0, at - 20), at)))) continue
      // "Unlimited" on its own promises an unlimited amount of what it qualifies: the row's label in a table
      // ("On-site visits | … | Unlimited"), the words before it in prose ("Support requests are unlimited")
      // (in a table, the row's label or the column's header: "| Microsoft 365 | … | Retention: Unlimited |")
      if (/^unlimited$/i.test(hit.text) && !SERVICE_AMOUNT.test(hit.block.kind === 'table-row' && hit.block.cells?.length ? `${hit.block.cells[0]!} ${hit.block.text.slice(hit.block.text.lastIndexOf('|', hit.start - 1) + 1, hit.start)}` : s.slice(Math.max(0, at - 60), at))) continue
      // a target of zero names what is aimed at, not what is promised ("our target is zero dropped calls", "aiming for
      // zero security incidents", "a zero-defect goal")
      if (/^zero/i.test(hit.text) && (ZERO_AIM_BEFORE.test(s.slice(Math.max(0, at - 40), at)) || ZERO_AIM_AFTER.test(s.slice(at + hit.text.length, at + hit.text.length + 30)))) continue
      if (/^never\b/i.test(hit.text) && (RECORD_BEFORE.test(before) || (PAST_VERB.test(hit.text) && PAST_SUBJECT.test(before)))) continue
      if (/^always$/i.test(hit.text) && AIM_AFTER.test(s.slice(at + hit.text.length, at + hit.text.length + 40))) continue
      // "As always, thank you for your business", "we will, as ever and as always, …": "as always" likens the sentence to
      // what has been, a courtesy or an aside, and the promise, if any, is the rest of the sentence
      if (/^always$/i.test(hit.text) && /\bas\s+$/i.test(before)) continue
      if (/^always$/i.test(hit.text) && ((CLASSING.test(before) && ALWAYS_LEVEL.test(s.slice(at))) || CLASSED_AS.test(s.slice(at)))) continue
      if (/^always$/i.test(hit.text) && RELATIVE_BEFORE.test(before) && COUNTED_AFTER.test(s.slice(at))) continue
      if (/^always$/i.test(hit.text) && (reading.isDefinition(hit.block, hit.sentence) || NOT_A_PROMISE.test(before) || MEASUREMENT.test(s.slice(at)) || MEASURED_BEFORE.test(before))) continue
      // a sentence that says how a metric is measured ("Uptime is measured by our probes every minute and always counts the
      // whole calendar month", "The measurement period always starts on the 1st") defines the measurement, not a promise
      if (/^always$/i.test(hit.text) && MEASURE_DEFINED.test(s.slice(at)) && (MEASURED_METRIC.test(s.slice(Math.max(0, at - 160), at)) || METRIC_SUBJECT.test(before))) continue
      if (/^always$/i.test(hit.text) && MEASURING_MEANS.test(s.slice(Math.max(0, at - 200), at))) continue
      context.report({messageId: 'overpromise', block: hit.block, start: hit.start, end: hit.end, data: {text: hit.text, suggestion: hit.term.suggestion}})
    }
  },
} satisfies Rule<'overpromise', TermListOptions>

// priority-levels: at least two named priority or severity levels, with criteria saying what falls into each.
import {needs} from '../src/text.js'
import {clauseRule, type Reader, type Unit, type Verdict} from '../src/clauses.js'
import type {Reading} from '../src/reading/index.js'
import {mayHold} from '../src/reading/values/index.js'
import {sentMatter} from '../src/reading/delegation.js'
import {DEFINED_TERM, columnMeasure} from '../src/reading/wording.js'
import type {Block} from '../src/types.js'
import responseTimes from './response-times.js'
import data from './data/clauses.json' with {type: 'json'}

// (what stops or hinders work is a criterion in translated wording too: "prevents the CLIENT from issuing invoices")
const CRITERIA = /\b(?:prevent\w*|imped\w*|hinder\w*|hamper\w*|outage|down|stops?|unavailable|unable|affect\w*|impact\w*|degrad\w*|users?|business|critical|workaround|function\w*|single|multiple|whole|entire|all|cannot|can't|stopp\w*|failure|loss|request|question|minor|cosmetic|inconvenien\w*|security|breach|productiv\w*|operations?|services?|systems?|attack\w*|intru\w*|ransomware|malware|phishing|compromis\w*|fail(?:ed|s|ing)?|(?<!\b(?:we|I|you|they|staff|engineers?)\s)(?:do|does|did)(?:n['’]t| not) work(?:ing)?|not (?:reachable|accessible|working|usable|responding))\b/i

// Keys of this rule's own readings, kept per document by the Reading
const RANKS = {name: 'priority-levels: rank defined by each block'}
const DEFINED = {name: 'priority-levels: whether the document defines two ranks or more'}

// Reading: a level's criteria are the words of its text outside its times: "P2: next business day response, 3 business
// days fix" or "Normal: 3 business days" says how fast a level is handled, never what falls into it (the "business" of a
// business day is no criterion); "P2: one user cannot work, next business day" keeps its criterion
/** A text with its stated lengths of time blanked, offsets kept. */
function withoutTimes(text: string, reading: Reading): string {
  const durations = reading.values(text).durations
  if (!durations.length) return text
  let out = ''
  let at = 0
  for (const d of durations) {
    if (d.start < at) continue
    out += text.slice(at, d.start) + ' '.repeat(d.end - d.start)
    at = d.end
  }
  return out + text.slice(at)
}

/** A table's key column that names levels: "Priority", "Severity", "Level", "Call type", "Impact", "Category". */
const KEY_HEADER = /\b(?:priorit\w*|severit\w*|levels?|call types?|impact|urgency|categor\w*|classification|class)\b/i
/** A section that defines levels: "Severity", "Priority levels", "Incident classification". */
const LEVEL_SECTION = needs(/\b(?:priorit\w*|severit\w*|levels|classification|categor\w*|call types?)\b/i)
/** A level label before its criteria: "Blocker: no engineer can see their jobs", "Crit – whole office down". */
const LABELLED = /^\s*([A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2}(?:\s*\([^)]{1,60}\))?)\s*(?::|=|–|—|-)\s+(.*)$/s
/** A level word with its criterion in brackets: "Urgent (whole clinic down)", "Low (one user, a question)". */
const LEVEL_WITH_CRITERION = /^(?:urgent|critical|emergency|high|medium|low|normal|major|minor|standard|routine)\s*\(\s*\S+(?:\s+\S+)+\s*\)$/i

// A list item labelled by who or what is affected, with its own time: "Everyone stuck: we're on it within 30 minutes"
const IMPACT_LABEL = /^(?:everyone|everybody|nobody|no one|(?:the )?whole \w+|(?:the )?entire \w+|all (?:users|staff)|one (?:person|user|device|pc|site|team)|single (?:user|device)|several (?:users|people)|questions?(?: and [\w ]+)?|requests?(?: and [\w ]+)?|small jobs?|everything else|anything else)\b/i
// Different times for different kinds of issue, in plain words, with no levels named: "within 1 business hour for
// outages and within 1 business day for everything else", "if the whole clinic is stuck, within 30 minutes",
// "Critical errors … are corrected within 3 working days; other errors …"
const TIERED =
  /\b(?:for|if|when|where)\s+(?:the\s+)?(?:outages?|whole \w+ is|entire \w+ is|everyone is|all users are|critical \w+|urgent \w+|everything else|anything else|other (?:issues|requests|tickets))\b|\b(?:on|to)\s+(?:the\s+)?(?:critical|urgent|emergency|major|serious|severe)\s+(?:faults?|issues?|incidents?|problems?|calls?|requests?|tickets?|jobs?|failures?|matters?)\b|^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:critical|urgent|major|serious|severe)\s+(?:errors?|issues?|faults?|incidents?|problems?)\b[^.]{0,80}\b(?:other|minor|remaining)\s+(?:errors?|issues?|faults?|incidents?|problems?)\b/i

/** A key cell that names a level by its code and its name: "Category 1 – Standstill", "Class B — Impairment", "Stufe 2: Störung". */
const CODE_AND_NAME = /^[*_]{0,2}(?:[A-Za-z\u00C0-\u024F]+\.?\s+)?(?:[1-5]|[A-E]|I{1,3}|IV|V)[*_]{0,2}\s*[–—:-]\s*[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F-]*(?:\s+[\w\u00C0-\u024F-]+){0,2}[*_]{0,2}$/

/** A key cell that opens on its code with no class word before it: "1 – Total failure", "B – One till down". */
// a level's short code (a letter or two and a digit) before a colon or a dash, then the case: "S1: server down"
const CODE_THEN_CASE = /^[A-Z]{1,2}[0-5]\s*[:–—-]\s*([^:]{6,120})$/
const BARE_CODE = /^[*_]{0,2}(?:[1-5]|[A-E]|I{1,3}|IV|V)[*_]{0,2}\s*[–—:-]/

/** A column that describes its level: "Meaning", "Description", "Criteria", "Examples", "Impact". */
const DESCRIBES = /\b(?:meaning|descri\w*|criteria|definition|examples?|impact|scenario|when|what)\b/i
const PRECEDENCE = /\b(?:order of (?:priority|precedence)|take[s]? (?:priority|precedence) over|prevail\w*)\b[^.]{0,80}\b(?:documents?|terms|agreement|schedules?|order forms?|conflict|inconsisten\w*)\b|\b(?:conflict|inconsisten\w*)\b[^.]{0,80}\b(?:order of (?:priority|precedence)|take[s]? (?:priority|precedence))\b/i
// (and one case that is served first when it arises, with no levels named: "If your whole office is down, ring us and we'll
// put you first"; not a slogan with no case: "We always put our customers first")
// Reading: cases of a kind said to be worked first ("Calls from a vessel at sea, and anything stopping production at the
// cannery, get worked first"), or the rest said to be taken in the order they come in, state an order of handling with no
// levels named, whatever words name the cases
const WORKED_FIRST = /\b(?:calls?|requests?|tickets?|jobs?|faults?|issues?|problems?|incidents?|cases?|anything|everything)\b[^.;]{0,100}?\b(?:gets?|are|is|will be)\s+(?:worked(?: on)?|handled|dealt with|taken|answered|seen(?: to)?|attended to|looked at|tackled)\s+first\b|\b(?:calls?|requests?|tickets?|jobs?|others?|everything else|the rest)\b[^.;]{0,40}?\b(?:are|is|gets?|will be)\s+(?:taken|handled|dealt with|answered|worked(?: on)?|seen(?: to)?)\s+in the order (?:they|it) (?:come|comes|came|arrive|arrives|arrived)\b/i
const ORDERING = /\b(?:handled|dealt with|looked at|seen to|worked on|answered|attended to)\s+(?:first\s+)?(?:before|ahead of)\s+(?:all\s+|any\s+)?(?:other|the rest|everything else|anything else)\b|\b(?:urgent|critical|serious|big|major|bigger|important|blocking|severe|emergency)\b[^.;]{0,40}\b(?:(?:handled|dealt with|looked at|seen|fixed|worked on|come|go|goes|get|gets|are|is|attended(?: to)?|treated|taken|tackled|picked up) (?:first|before|ahead of))\b|\b(?:anything|everything|issues?|problems?|faults?|calls?|requests?|reports?|tickets?|jobs?|incidents?)\s+(?:that|which)\s+(?:stops?|prevents?|halts?|blocks?|brings? down|takes? down)\b[^.;,]{0,80}\b(?:comes?|goes?|is|are|gets?|handled|dealt with|attended(?: to)?|seen to|worked on|treated)\s+(?:first|before|ahead of)\b|\bjumps? the queue\b|\bfirst come,? first served\b|\b(?:front|head|top) of the (?:queue|line)\b|\b(?:go(?:es)?|goes straight|move[sd]?|put|jumps?|bumped) (?:straight )?(?:to|at|on) the top of the (?:list|pile)\b|\b(?:urgent|critical|serious|major|important|blocking|severe|emergency)\b[^.;]{0,40}\b(?:we|I|they|our (?:team|engineers?|technicians?|help ?desk|service desk))(?:['’]ll|\s+will|\s+shall)?\s+(?:always\s+)?(?:handle|deal with|see to|look at|work on|answer|attend to|treat|take|tackle|pick up|fix|solve|repair|resolve|serve)\s+(?:first\b(?!\s+thing)|(?:before|ahead of)\s+(?:all\s+|any\s+|the\s+)?(?:other|normal|routine|ordinary|standard|regular|minor|less|lower|non-|the rest|everything|anything))|\b(?:we|I|they|our (?:team|engineers?|technicians?|help ?desk|service desk))(?:['’]ll|\s+will|\s+shall)?\s+(?:always\s+)?(?:handle|deal with|see to|look at|work on|answer|attend to|treat|take|tackle|pick up|fix|solve|repair|resolve|serve)\s+(?:the\s+|all\s+|any\s+)?(?:urgent|critical|serious|major|important|blocking|severe|emergency)\s+(?:[\w-]+\s+){0,2}?(?:first\b(?!\s+thing)|(?:before|ahead of)\s+(?:all\s+|any\s+|the\s+)?(?:other|normal|routine|ordinary|standard|regular|minor|less|lower|non-|the rest|everything|anything))|\bqueue[- ]jump\w*|\b(?:if|when|whenever|where|should)\b[^.;]{0,80}\b(?:down|stopped|stuck|urgent|critical|an emergency|can(?:no|['’])t work|cannot work|not working|offline)\b[^.;]{0,60}\b(?:put|deal with|see to|handle|take|look at|attend to|answer)\s+(?:you|it|them|that|this|those|these|your (?:call|ticket|request|job|problem|issue))\s+first\b(?!\s+thing)/i
// (or one kind of case set before the rest in so many words: "Outages are dealt with before other requests")
// (and by an active verb with the handler named, the case put first or after it: "We handle critical faults before normal
// ones", "Critical disturbances we handle before normal ones", "urgent calls we answer first")
// (a blocking kind of case set first, "Blocking faults are attended first", or a kind of case picked out by what it stops,
// "Anything that stops the tills taking money comes before everything else": an order of handling, no levels defined)
// One level the customer may ask for, with no others named: "The Client may ask for a call to be treated as urgent.
// Urgent calls will be attended to as soon as possible."
// (and a case the customer calls urgent, with nothing said of what is: "call it urgent and we drop everything")
const SINGLE_LEVEL = /\b(?:call|mark|flag|label|tag)s?\s+(?:it|them|the (?:ticket|call|request|job|e-?mail))\s+(?:as\s+)?(?:urgent|critical|an emergency)\b|\b(?:(?:treated|handled) as|(?:marked|flagged|logged|classed|classified|designated)(?: as)?) (?:urgent|critical|an emergency|(?:a )?high[- ]priority)\b|\b(?:urgent|emergency) (?:calls?|requests?|issues?|tickets?|jobs?|faults?|call-?outs?) (?:will|are|shall|get|receive)\b/i
/** Network traffic ranked by quality of service: "call traffic prioritised", "QoS prioritises voice packets". */
const TRAFFIC_PRIORITY = needs(/\b(?:traffic|packets?|voice|voip|bandwidth|qos|quality of service)\b[^.;]{0,30}\bprioriti[sz]\w*|\bprioriti[sz]\w*\b[^.;]{0,30}\b(?:traffic|packets?|bandwidth)\b/i)
/** Urgent work got to, with no levels named: "Anything urgent I'll get to straight away", "we get to urgent problems first". */
const URGENT_GOT_TO = needs(/\b(?:anything|everything|something)\s+urgent\b[^.;]{0,30}\b(?:get|gets|getting)\s+to\b|\b(?:get|gets|getting)\s+to\s+urgent\s+(?:problems?|issues?|faults?|jobs?|calls?|requests?|tickets?)\b/i)
/** One urgent kind of case set apart with no levels named: "Anything that can't wait, text me", "issues that cannot wait". */
const CANT_WAIT = needs(/\b(?:anything|something|everything|issues?|problems?|requests?|faults?|calls?|tickets?|jobs?)\s+(?:that|which)\s+(?:can(?:no|['’])t|can not|won['’]t) wait\b/i)
// Reading: one case named as the top priority, with no scheme of levels ("If the lab computer is down, that's our top
// priority"), and an urgent path set apart by its channel ("URGENT REQUESTS (WE CANNOT WORK): CALL, DO NOT EMAIL") mention
// priority without defining levels: vague, never missing; a subject held as a priority with no case ("Security is our top
// priority") is no case of support work
const TOP_PRIORITY = /(?:\b(?:is|are|['’]s|gets?|becomes?)|=)\s+(?:(?:our|the|a)\s+)?(?:top|first|highest|number[- ]one|#1)\s+priority\b/i
/** What makes the top priority a case of support work: something down or stopped. */
const CASE_DOWN = /\b(?:down|outages?|offline|not working|stopped|stops|broken|dead|can(?:no|['’])t (?:work|trade|sell|operate)|cannot (?:work|trade|sell|operate))\b/i
// (the topic in rules/data/clauses.json names both: "priority", and an urgent class followed by its channel)
// Reading: an emergency class opening its line as a label, named by its criteria in brackets and sent to its own line
// ("Emergencies outside those hours (server down, can't see patients): call …", "Emergency (site down, no e-mail) – ring
// the duty phone") is an urgent path too: a class set apart with no levels defined (not a condition in passing: "If it's
// a real emergency (say, …), ring …")
const URGENT_PATH = needs(/\burgent\b(?:\s+(?:requests?|issues?|problems?|calls?|jobs?|faults?|matters?|cases?))?\s*(?:\([^()]{3,60}\)\s*)?[:,–—-]\s*(?:please\s+)?(?:call|ring|phone|text|page)\b|^\W*emergenc(?:y|ies)\b(?:\s+(?:requests?|issues?|problems?|calls?|jobs?|faults?|cases?))?(?:\s+(?:outside|after|out of|beyond)\s+(?:[\w'’-]+\s+){0,3}?(?:hours|times))?\s*\([^()]{3,80}\)\s*[:–—-]\s*(?:please\s+)?(?:call|ring|phone|text|page)\b/i)

/** One kind of case worked on ahead of the rest, with no levels named: "we'll work on it as a priority until it's fixed". */
const AS_A_PRIORITY = /\bas a (?:matter of )?(?:top |high |first )?priority\b|\bwith (?:top |high )?priority\b/i
// Reading: a kind of case said to get priority ("session-down calls get priority", "outages take priority", "tickets from
// the wards are given priority") sets one urgent kind apart with no levels named, as "urgent issues handled first" does; not
// a document that takes priority over another (PRECEDENCE), nor traffic given priority
const GETS_PRIORITY = /\b(?:calls?|tickets?|requests?|incidents?|faults?|problems?|issues?|outages?|cases?|jobs?|call-?outs?)\b[^.;]{0,60}?\b(?:get|gets|take|takes|have|has|receive|receives|(?:are|is|will be) given)\s+(?:top\s+|first\s+|high\s+)?priority\b(?!\s+over\b)/i
// One faster case set against the usual time, with no levels named: "If the tills are down …, we are on site within 4 hours"
const FASTER =
  /\b(?:if|when|whenever|where)\s+(?:the\s+|your\s+|a\s+|an\s+|our\s+|all\s+)?(?:[\w-]+\s+){0,3}(?:is|are|goes|go)\s+(?:down|offline|out of action|not working)\b|\b(?:if|when|whenever)\s+(?:nobody|no one|you|your (?:staff|team))\b[^.;]{0,30}\b(?:cannot|can't|can not) (?:work|trade|operate|open|take payments)\b|\b(?:if|when|whenever)\s+(?:nobody|no one)\b[^.;]{0,30}\bcan (?:work|trade|operate|open|take payments)\b/i
// Reading: a length of data that a restore may lose ("Recovery point: 24 hours", "up to 12 hours' worth of orders") is no
// usual time of service that a faster case is set against: a restore after an outage, with only that beside it, names no
// class of case
const DATA_LOST = /\b(?:recovery point(?: objectives?)?|RPO)\b[^.;]{0,40}|\b\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|days?)(?:['’]|['’]s)?\s+(?:worth\s+)?of\s+(?:(?:the|your|its|our)\s+)?(?:[\w-]+\s+)?(?:data|bookings?|orders?|edits?|changes?|work|transactions?|e-?mails?|files?|records?|entries|sales|updates?)\b/gi
// The rest of the cases given a time of their own ("All other requests get a response within 4 hours"), set against a
// kind of case with another time in the same paragraph: a class of priority with no name
const OTHER_CLASS = /\b(?:all|any) other (?:requests?|incidents?|issues?|tickets?|calls?|faults?|problems?|cases?|jobs?|work)\b|\b(?:everything|anything) else\b/i
// (with the class words of translated agreements: a "blocking" or "non-blocking" incident, an "ordinary" request beside an
// urgent one, a "grave", "mild" or "slight" fault; "blocking" with an object after it is a verb, not a class: "is blocking the tills")
const LEVEL_WORD = '(?:critical|urgent|emergency|high|medium|low|normal|major|minor|standard|routine|(?:(?:non|semi)-?)?blocking(?!\\s+(?:the|your|our|a|an|all|any|some|access|users?|staff|people|work)\\b)|ordinary|non-?urgent|non-?critical|grave|mild|slight)'
/** Requests sorted into two or more named levels: "classed as Critical, High or Normal", "graded as urgent or routine". */
const CLASSED_LEVELS = new RegExp(String.raw`\b(?:classed|classified|categori[sz]ed|graded|rated|divided|split|sorted) (?:as|into)\b[^.;]{0,20}\b${LEVEL_WORD}\b[^.;]{0,40}\b(?:or|and)\s+${LEVEL_WORD}\b`, 'i')
/** A case as support work names it: "the call", "a request", "tickets". */
// (and the cases of translated agreements: an "anomaly", a "breakdown", a "malfunction")
const CASE = '(?:calls?|requests?|tickets?|faults?|failures?|jobs?|issues?|problems?|incidents?|cases?|anomal(?:y|ies)|breakdowns?|malfunctions?)'
// Reading: a case given one of a series of two or more level words names levels, whatever the verb that gives it ("tags
// each ticket Critical, High or Normal", "every call is marked urgent or routine", "incidents are Major or Minor",
// "Critical, High and Low tickets"), as "classed as" does; not a series that grades something else said after it ("a
// high or low volume of calls"), nor the findings of a scan or an audit
const CASE_SERIES = new RegExp(String.raw`\b${CASE}\b[^.;]{0,40}?\b${LEVEL_WORD}(?:\s*,\s*${LEVEL_WORD})*\s*(?:,\s*)?(?:or|and|and\/or|\/)\s*${LEVEL_WORD}\b(?![- ](?:risk|value|volume|voltage|speed|quality|temperature|number|level of)\b)|\b${LEVEL_WORD}(?:\s*,\s*${LEVEL_WORD})*\s*(?:,\s*)?(?:or|and|and\/or|\/)\s*${LEVEL_WORD}\s+${CASE}\b`, 'i')
const FINDINGS = /\b(?:vulnerabilit\w*|scans?|scanning|penetration|pen[- ]tests?|audits?|findings?|cves?)\b/i
/** The same, written with a capital as a defined name's word may be: "a Minor Incident". */
const CASE_ANY_CASE = '(?:[Cc]alls?|[Rr]equests?|[Tt]ickets?|[Ff]aults?|[Ff]ailures?|[Jj]obs?|[Ii]ssues?|[Pp]roblems?|[Ii]ncidents?|[Cc]ases?|[Aa]nomal(?:y|ies)|[Bb]reakdowns?|[Mm]alfunctions?)'
/**
 * A case named as a level in prose, the level word in group 1 or 2: "we treat the call as urgent", "we log your call as
 * urgent", "a call about a printer is logged as routine", "every other call is normal".
 */
const NAMED_AS = new RegExp(
  String.raw`\b(?:treat|mark|class|classif(?:y|ie)|log|rate|grade|count|flag|record)\w*\s+(?:it|them|(?:the|such|that|this|your|a|an|each|every|any) (?:[\w'’]+\s+){0,2}?${CASE})\s+as\s+(?:an?\s+)?(${LEVEL_WORD})\b` +
    String.raw`|\b${CASE}\b[^.;]{0,60}?\b(?:is|are)\s+(?:(?:treated|classed|classified|logged|rated|graded|marked|counted) as\s+)?(?:an?\s+)?(${LEVEL_WORD})\b(?!\s*(?:business|hours?|rates?|fees?|charges?|prices?|service|support|terms?))`,
  'gi',
)
/** What puts a case in its level: who or what is affected, a condition, or the rest of the cases. */
const CASE_CRITERION = /\b(?:if|when|whenever|where|unless|about|affect\w*|involv\w*|(?:every|all|any) other|everything else|anything else|nobody|no one|everyone|everybody|not working|broken)\b/i

/** A level's name as the label of a dot leader: "Urgent ........", "Moderate ........", "Priority 2 ........". */
const DOT_LEVEL = new RegExp(String.raw`^[ \t]*\W{0,2}(${LEVEL_WORD}|important|serious|severe|moderate|(?:priority|severity|sev|level) [a-z0-9]|p[1-5])[*_]{0,2}[ \t]*\.{3,}[ \t]*(.*)$`, 'gim')
/** The same test on a sentence: it opens with a level's dot-leader label. */
const DOT_LEVEL_TEST = new RegExp(String.raw`^\W{0,2}(?:${LEVEL_WORD}|important|serious|severe|moderate|(?:priority|severity|sev|level) [a-z0-9]|p[1-5])[*_]{0,2}\s*\.{3,}`, 'i')

/** The levels a block's dot-leader lines name, each with the cases that fall into it (not a price or a time alone). */
function dotLevels(text: string, reading: Reading): string[] {
  const out: string[] = []
  if (!text.includes('...')) return out
  for (const m of text.matchAll(DOT_LEVEL)) {
    const first = m[2]!.split(/[.;](?:\s|$)/)[0]!
    const v = reading.values(first)
    if (v.durations.length || v.money.length || first.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length < 3) continue
    if (CASE_CRITERION.test(first) || CRITERIA.test(first)) out.push(m[1]!.toLowerCase())
  }
  return out
}

/** The levels a sentence names cases as ("urgent", "normal"), with whether it says what falls into each. */
function namedLevels(text: string): {level: string; criterion: boolean}[] {
  const out: {level: string; criterion: boolean}[] = []
  for (const m of text.matchAll(NAMED_AS)) {
    const rest = text.slice(0, m.index) + ' ' + text.slice((m.index ?? 0) + m[0].length)
    const criterion = CASE_CRITERION.test(m[0]) || CASE_CRITERION.test(rest) || CRITERIA.test(rest)
    out.push({level: (m[1] ?? m[2]!).toLowerCase(), criterion})
  }
  if (!text.includes('"') && !text.includes('“') && !text.includes("'") && !text.includes('‘')) return out
  for (const m of text.matchAll(QUOTED_LEVEL)) {
    // (only after a case: 'Your plan is "standard"' names no case)
    const clause = text.slice(0, m.index).split(/[.;:!?]\s/).pop()!
    if (CASE_CRITERION.test(clause) || CASE_STATE.test(clause) || CRITERIA.test(clause)) out.push({level: m[1]!.toLowerCase(), criterion: true})
  }
  return out
}

// Reading: a case called by a level word in quotes ('If nobody can work, that's "urgent"', 'One person stuck is "normal"')
// names it as that level, as "we treat the call as urgent" does; what stands before it in its clause is its criterion
/** A level word in quotes as what a case is (the level word in group 1). */
const QUOTED_LEVEL = new RegExp(String.raw`(?:\b(?:is|are)|['’]s)\s+["“'‘](${LEVEL_WORD})["”'’]`, 'gi')

/** The same tests, for a yes or no. */
const NAMED_TEST = new RegExp(String.raw`${NAMED_AS.source}|${QUOTED_LEVEL.source}`, 'i')

/**
 * A label with what falls into it in brackets, then its own treatment after a dash or colon: "Urgent (the office can't
 * work at all) – we're on it within 30 minutes", "Everyday (anything else) – within 4 working hours" (label, brackets,
 * treatment in groups 1 to 3).
 */
const BRACKET_LABEL = /(?:^|[.;:·•|*]\s*|\s)([A-Z][\w'’-]*(?: [a-z][\w'’-]*)?)\s*\(([^()\d]{4,80})\)\s*(?:[–—:=]|\s-)\s*([^.;·|]{0,80})/g
/** The same test, for a yes or no. */
const BRACKET_LABEL_TEST = new RegExp(BRACKET_LABEL.source)

/** A plan or a package, not a level of urgency: "Bronze (one salon) – …". */
const PLAN_NAME = /^(?:bronze|silver|gold|platinum|diamond|basic|starter|essentials?|standard plan|premium|plus|pro|professional|business|enterprise|advanced|lite|core|complete|ultimate)$/i

/** The labels a text gives with their cases in brackets and their own times, and whether the brackets say what falls in. */
function bracketLabels(text: string, reading: Reading): {label: string; criterion: boolean}[] {
  if (!text.includes('(')) return []
  const out: {label: string; criterion: boolean}[] = []
  for (const m of text.matchAll(BRACKET_LABEL)) {
    const label = m[1]!
    if (PLAN_NAME.test(label) || !reading.values(m[3]!).durations.length) continue
    const inside = m[2]!
    const words = inside.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length
    out.push({label: label.toLowerCase(), criterion: words >= 2 && (CASE_CRITERION.test(inside) || CRITERIA.test(inside))})
  }
  return out
}

/** A kind of case as a sentence's subject: "Anything that stops …", "Problems affecting …", "Requests for …", "All other calls". */
const CASE_KIND = new RegExp(String.raw`^\W*(?:(?:any|every)thing (?:that|which|else)|(?:(?:all|any|every) )?(?:other )?${CASE})\b`, 'i')
/** The kind's place in an order of handling: first, or after another. */
const FIRST_STEP = needs(/\b(?:first|before (?:anything|everything) else|ahead of (?:anything|everything) else|(?:top|front|head) of the (?:list|queue|line))\b/i)
const LATER_STEP = needs(/\b(?:next|after that|after those|afterwards|second|third|last of all)\b/i)

/**
 * Kinds of case ranked in sentences one after another, each described by what it affects: "Anything that stops the whole
 * office is handled before anything else … Problems that affect one person come next …". Two or more, the first of them
 * ranked first, are levels in all but name. Once per block.
 */
function rankedKinds(block: Block, reading: Reading): boolean {
  return reading.blockReading(block, RANKED, () => {
    let first = false
    let later = false
    for (const sentence of block.sentences) {
      const t = sentence.text
      if (!CASE_KIND.test(t)) continue
      const isFirst = FIRST_STEP.test(t)
      const isLater = !isFirst && LATER_STEP.test(t)
      if (!isFirst && !isLater) continue
      const rest = t.replace(FIRST_STEP, ' ').replace(LATER_STEP, ' ')
      if (!CASE_CRITERION.test(rest) && !CRITERIA.test(rest)) continue
      if (isFirst) first = true
      else later = true
    }
    return first && later
  })
}
const RANKED = {name: 'priority-levels: kinds of case ranked in prose'}

/** A level's name: a level word ("Emergency", "High priority") or a numbered or lettered level ("Severity B", "Category 2", "P2"). */
const LEVEL_NAME = String.raw`(?:${LEVEL_WORD}|important|serious|severe|moderate)(?:[- ]priority)?|(?:priority|severity|sev|level|category|class)\s*[1-5a-d]\b|p[1-5]`
/** A level defined by a verb in prose: "high priority means the whole surgery cannot work", "Severity B covers any other fault". */
// (with the kind of case after the name: "Critical requests are those where the Client cannot close a sale")
const LEVEL_MEANS = new RegExp(String.raw`\b(${LEVEL_NAME})(?:\s+${CASE})?\s+(?:means|covers|is when|applies (?:when|to)|is for|refers to|(?:are|is) (?:those|the ones?|any|one|ones)(?= (?:where|when|in which|that|which|whose)\b))\s+([^;.]{6,})`, 'gi')
const LEVEL_MEANS_TEST = new RegExp(LEVEL_MEANS.source, 'i')
/** An enumerator in brackets before an item written inline: "(1)", "(b)", "(iv)". */
const BRACKET_ENUMERATOR = String.raw`\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)`
// (numbered in brackets too, "(1) Level A: the whole office is down", and defined by "=": "Urgent = the office cannot work")
/** A sentence that opens with a level's name as its label: "Emergency: the surgery cannot see patients." */
// (the level's name may carry its kind of case: "(2) Urgent Failure: a failure that stops patient check-in")
const SENTENCE_LEVEL = new RegExp(String.raw`^\W{0,3}(?:${BRACKET_ENUMERATOR}\s*)?(${LEVEL_NAME})(?:\s+${CASE})?\s*(?::|=|–|—|\s-)\s+(.{6,})$`, 'is')
// Reading: levels defined inline, one after another in a sentence, each after a bracketed enumerator or a colon or
// semicolon, with "=" or ":" before what falls into it ("Calls are sorted into (1) Level A: the whole office is down; (2)
// Level B: …", "Two levels: Urgent = the office cannot work; Routine = everything else") are levels as a list of them is
/** A level's name and what falls into it, inline: after "(1)", ":" or ";", before "=" or ":" (name in group 1, cases in group 2). */
const INLINE_LEVEL = new RegExp(String.raw`(?:${BRACKET_ENUMERATOR}\s*|[:;]\s+)(${LEVEL_NAME})\s*(?::|=|–|—)\s+([^;.()]{6,})`, 'gi')
const INLINE_LEVEL_TEST = new RegExp(INLINE_LEVEL.source, 'i')

/** A level's name with what falls into it in brackets: "red (no one can work)", "urgent (the office is down)". */
// (the name may be quoted: "alerts classified as 'severe' (an active intruder, ransomware)")
const LEVEL_GLOSS = new RegExp(String.raw`\b(${LEVEL_NAME}|red|amber|green|yellow|orange)['"’”]?\s*\(([^()\d]{4,80})\)`, 'gi')
const LEVEL_GLOSS_TEST = new RegExp(LEVEL_GLOSS.source, 'i')

// Reading: names each followed by what falls into it in brackets, in a sentence that speaks of levels or priorities
// after it has named them so ("one of two levels: Urgent (the till PC or the internet down) and Everything else (one
// laptop, a question)"), are levels whatever their words; not service levels or plans ("two service levels: Standard
// (one site) and Premium (all sites)")
/** A sentence's word for levels of urgency: "levels", "priorities", "categories" (not "service levels"). */
const LEVELS_WORD = /\b(?<!service[- ])(?:levels?|priorit(?:y|ies)|severit(?:y|ies)|categor(?:y|ies)|classes)\b/i
/** A name with what falls into it in brackets, after a colon, a comma or "and"/"or" (name in group 1, cases in group 2). */
const GLOSSED_NAME = /(?:[:;,]\s*|\b(?:and|or)\s+)([A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})\s*\(([^()\d]{4,80})\)/g
const GLOSSED_NAME_TEST = new RegExp(GLOSSED_NAME.source)
/** The names a sentence gives with brackets after its word for levels (lower-cased), and whether each bracket says what falls in. */
function glossedNames(sentence: string, reading: Reading): {name: string; criterion: boolean}[] {
  if (!sentence.includes('(')) return []
  const word = LEVELS_WORD.exec(sentence)
  if (!word) return []
  const out: {name: string; criterion: boolean}[] = []
  // (a name that states its own case, "Salon stopped", "Office down", says what falls into it, whatever its brackets say)
  for (const m of sentence.slice(word.index).matchAll(GLOSSED_NAME)) if (!PLAN_NAME.test(m[1]!)) out.push({name: m[1]!.toLowerCase(), criterion: describesCases(m[2]!, reading) || (m[1]!.includes(' ') && CASE_STATE.test(m[1]!))})
  return out
}

/** Does a level's description say what falls into it (not only a time or a price)? */
function describesCases(text: string, reading: Reading): boolean {
  // (what falls into a level may come before its own times: "whole office down: 1 hour response, 4 hours fix"; the part
  // before the first time or price is then its criterion)
  const v = reading.values(text)
  const first = Math.min(v.durations[0]?.start ?? Infinity, v.money[0]?.start ?? Infinity)
  const before = first === Infinity ? text : text.slice(0, first).replace(/[\s:;,–—-]*(?:within|in|under|by)?\s*$/i, '')
  if (first !== Infinity && !/[:;,–—]\s*$/.test(text.slice(0, first).replace(/\s*(?:within|in|under|by)?\s*$/i, ''))) return false
  if (before.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length < 2) return false
  return CASE_CRITERION.test(before) || CRITERIA.test(before)
}

/**
 * The levels a block defines in prose, by a verb ("means", "covers"), with their cases in brackets, or as a sentence's
 * label, each with its cases.
 */
function levelsDefinedInProse(block: Block, reading: Reading): string[] {
  const out: string[] = []
  const key = (name: string): string => name.toLowerCase().replace(/[- ]priority$/, '').replace(/\s+/g, ' ')
  const kinds: string[] = []
  if (LEVEL_MEANS_TEST.test(block.text)) for (const m of block.text.matchAll(LEVEL_MEANS)) if (describesCases(m[2]!, reading)) out.push(key(m[1]!))
  if (LEVEL_GLOSS_TEST.test(block.text)) for (const m of block.text.matchAll(LEVEL_GLOSS)) if (describesCases(m[2]!, reading)) out.push(key(m[1]!))
  if (INLINE_LEVEL_TEST.test(block.text)) for (const m of block.text.matchAll(INLINE_LEVEL)) if (describesCases(m[2]!, reading)) out.push(key(m[1]!))
  for (const sentence of block.sentences) {
    for (const g of glossedNames(sentence.text, reading)) if (g.criterion) out.push(key(g.name))
    // (one label a line, as lines with no stop are written: each line that opens with a level's name is its own)
    const lines = sentence.text.includes('\n') ? sentence.text.split('\n') : [sentence.text]
    for (const line of lines) {
      const m = SENTENCE_LEVEL.exec(line)
      if (m && describesCases(m[2]!, reading)) out.push(key(m[1]!))
    }
    // a kind of case named and defined in its own sentence, and the rest of the cases named by exclusion: two levels
    if (!/\bis one\b|\bmeans\b|\bis (?:any|an?)\b/.test(sentence.text)) continue
    for (const kind of namedKinds(sentence.text, block, reading)) kinds.push(key(kind))
  }
  // (the rest named by exclusion only beside a kind so defined in the same paragraph; the section's reading also pairs
  // them across its paragraphs)
  if (kinds.length) kinds.push(...restNamed(block))
  return out.concat(kinds)
}

/** The names a block gives to the rest of the cases ("A Minor Incident is any other incident"), lower-cased. */
function restNamed(block: Block): string[] {
  const out: string[] = []
  if (!block.text.includes(' other') && !block.text.includes(' else')) return out
  for (const sentence of block.sentences) for (const r of sentence.text.matchAll(REST_NAMED)) out.push((r[1] ?? r[2])!.toLowerCase().replace(/\s+/g, ' '))
  return out
}

/**
 * A kind of case given a name in its own sentence, with what falls into it: "A **Till Down** fault is one where a shop
 * cannot take payment", "A Site Down call is any call that …" (the name in group 1, what falls into it in group 2).
 */
// (the case word may be written with a capital as part of the name: "A Blocking Incident is an incident that stops …")
const NAMED_KIND = new RegExp(String.raw`\b[Aa]n?\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}?)\s+${CASE_ANY_CASE}\s+(?:is|means)\s+(?:one|any\s+${CASE}|an?\s+${CASE})\s+(?:that|which|where|when|in which|whose)\s+([^.;]{6,})`, 'g')
const NAMED_KIND_TEST = new RegExp(NAMED_KIND.source)
/** The rest of the cases given a name of their own: "Every other fault is a **Routine** fault", "All other calls are Standard". */
// (or a name given to the rest: "a Minor fault is any other", "a Standard fault is anything else")
const REST_NAMED = new RegExp(String.raw`\b(?:[Ee]very|[Aa]ny|[Aa]ll) other ${CASE}\s+(?:is|are)\s+(?:an?\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\b|\b[Aa]n?\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+${CASE_ANY_CASE}\s+(?:is|means)\s+(?:any(?:thing)? other\b|anything else\b|(?:any|every) other ${CASE_ANY_CASE}\b)`, 'g')

/**
 * The kinds of case a sentence names and defines, each given its own time to answer or fix elsewhere in the agreement
 * (a sentence that names a kind the agreement never times defines a term, not a level).
 */
function namedKinds(sentence: string, block: Block, reading: Reading): string[] {
  const out: string[] = []
  for (const m of sentence.matchAll(NAMED_KIND)) if (describesCases(m[2]!, reading) && timedElsewhere(m[1]!, block, reading, sentence)) out.push(m[1]!.toLowerCase())
  return out
}

// Reading: a term the agreement defines in quotes as a kind of case or of broken thing, with what falls into it, and then
// gives its own time to answer or fix ('"Machine Down" means a machine that cannot run at all' with "attends a Machine
// Down call within 4 hours"), is a level of priority whatever its words; two such are levels
// (and a glossary's term before a colon, quoted or not: '"Blocking Incident": an incident that prevents …', "(2) Critical
// Failure: a failure that stops …"; the name in group 1 or 2, the word for what it defines in group 3)
const DEFINED_KIND = new RegExp(String.raw`^\W{0,4}(?:\d{1,3}(?:\.\d{1,3})*\.?\s+|\(?[a-z0-9]{1,3}\)\s+)?(?:["“'‘*_]+([A-Z][\w’-]*(?:\s+[A-Za-z][\w’-]*){0,3}?)["”'’*_]+(?::\s+|:?\s+(?:means|shall mean|refers to|is)\s+)|([A-Z][\w’-]*(?:\s+[A-Z][\w’-]*){0,2}):\s+)(?:an?|any)\s+(?:[\w-]+\s+){0,2}?(${CASE_ANY_CASE}|[Dd]evices?|[Mm]achines?|[Ss]ystems?|[Pp]rinters?|[Cc]omputers?|[Ww]orkstations?|[Ss]ervers?|[Ss]ites?|[Uu]sers?)\s+(?:that|which|where|in which|whose|with)\s+([^.;]{6,})`)
/** A case of support work, as the word a label defines may be: "a failure that …" (a thing, "a computer that …", is not). */
const CASE_WORD = new RegExp(String.raw`^${CASE_ANY_CASE}$`)

// (the verb may stand after a line break inside the paragraph, as a hard-wrapped definition puts it: '"Line Down"\nmeans …')
const DEFINING_VERB = /\s(?:mean|refers to|is\s)/
/** DEFINED_KIND, looked for only in a text that opens with a quote and says "means", "refers to" or "is", or that opens with a label and a colon before "a" or "any" (most do not). */
function definedKindTest(text: string): boolean {
  const head = text.slice(0, 40)
  const colon = head.includes(': a') || head.includes(': any')
  if (!colon && !['"', '“', "'", '‘', '*', '_'].some((q) => head.slice(0, 16).includes(q))) return false
  return (colon || DEFINING_VERB.test(text)) && DEFINED_KIND.test(text)
}

/** The level a block defines as a quoted term, when the agreement times it elsewhere. */
function definedKind(block: Block, reading: Reading): string | undefined {
  if (block.kind === 'table-row' || block.kind === 'heading') return undefined
  const m = definedKindTest(block.text) ? DEFINED_KIND.exec(block.text) : null
  // (an unquoted label defines a kind of case only: "Server: a computer that holds the files of all users" is a thing)
  const name = (m?.[1] ?? m?.[2])!
  if (!m || (m[2] !== undefined && !CASE_WORD.test(m[3]!)) || !describesCases(m[4]!, reading) || !timedElsewhere(name, block, reading)) return undefined
  return name.toLowerCase()
}

// Key of this rule's reading of levels named in prose, kept per document by the Reading
const PROSE = {name: 'priority-levels: whether a section names two levels or more in prose'}

/**
 * Does a section's own text name cases as two or more distinct levels, or give two or more dot-leader labels, each with
 * what falls into it? The judge asks only that, so the blocks are read in order and the reading stops at the second
 * distinct level. Once per section.
 */
function proseNamesTwoLevels(section: Block['section'], reading: Reading): boolean {
  const bySection = reading.own(PROSE, () => new Map<Block['section'], boolean>())
  let two = bySection.get(section)
  if (two === undefined) {
    const levels = new Set<string>()
    const add = (level: string): boolean => levels.add(level).size >= 2
    // Reading: a kind of case named and defined in its own paragraph ("A Blocking Incident is an incident that stops …")
    // and the rest of the cases given a name in another paragraph of the same section ("A Minor Incident is any other
    // incident") are two levels, as they are in one paragraph
    let named = false
    const rests: string[] = []
    blocks: for (const b of section.blocks) {
      if (b.kind === 'heading') continue
      for (const n of namedLevels(b.text)) if (n.criterion && add(n.level)) break blocks
      for (const level of dotLevels(b.text, reading)) if (add(level)) break blocks
      for (const l of bracketLabels(b.text, reading)) if (l.criterion && add(l.label)) break blocks
      for (const level of levelsDefinedInProse(b, reading)) if (add(level)) break blocks
      const kind = definedKind(b, reading)
      if (kind !== undefined && add(kind)) break blocks
      rests.push(...restNamed(b))
      if (!named && NAMED_KIND_TEST.test(b.text)) named = b.sentences.some((sentence) => namedKinds(sentence.text, b, reading).length > 0)
      if (named) for (const rest of rests) if (add(rest)) break blocks
    }
    two = levels.size >= 2
    bySection.set(section, two)
  }
  return two
}

/** Level words, each followed by its own time: "Critical – 1 hour", "High: 4 hours", "Normal ...... next business day". */
const LEVEL_TIME = /\b(?:critical|urgent|emergency|high|medium|low|normal|major|minor|standard|routine|moderate)\s*(?:(?:[–—:=-]|\.{3,})\s*(?:within\s+|in\s+)?|\s+(?:within|in)\s+)(?:\d|next\b|same\b|one\b|two\b|four\b|eight\b)/gi
/** Two or more levels named with their times and no criteria: levels named but undefined. */
function namedWithTimes(text: string): boolean {
  let n = 0
  for (const _ of text.matchAll(LEVEL_TIME)) if (++n >= 2) return true
  return false
}
/** What the faster time is for: a reply, a visit, a fix. */
const SERVICE_ACT = /\b(?:drop (?:everything|whatever we(?:['’]re| are) doing)|respond\w*|repl(?:y|ies)|answer(?:s|ed)?|on[- ]site|attend\w*|fix\w*|repair\w*|restor\w*|call (?:you|back)|get back|on it|start(?:ed)? on|engineers?|technicians?)\b/i

// Reading: a cell under a column headed as a time to act or to fix ("Response outside service hours", "Restore") holds
// that time, in figures or in words ("next service-hours day", "by the end of the next shift"): never a level's criteria
function timeColumn(header: string | undefined): boolean {
  if (!header) return false
  const m = columnMeasure(header)
  return m.response || m.resolution
}

/** Does a block define a priority level (label plus criteria), and which rank? Once per block: the judge asks again. */
function definedRank(block: Block, reading: Reading): number | undefined {
  const ranks = reading.own(RANKS, () => new Map<Block, number | null>())
  let r = ranks.get(block)
  if (r === undefined) ranks.set(block, (r = readRank(block, reading) ?? null))
  return r ?? undefined
}

/**
 * Word-named levels, which carry no number: each row of a table keyed by a priority or severity column ("Blocker",
 * "Crit", "Major") with a description cell, and each "Label: criteria" list item in a section about levels. The
 * rank is only there to tell levels apart: a distinct number per block, past any numbered level.
 */
function wordLevel(block: Block, reading: Reading): number | undefined {
  const valuesOf = (t: string) => reading.values(t)
  if (block.kind === 'table-row' && block.cells && block.header) {
    if (!KEY_HEADER.test(reading.keyHeader(block)) && !kindsWithTimes(block, reading) && !labelRowTimed(block, reading)) return undefined
    const key = (block.cells[0] ?? '').trim()
    // Reading: in a table keyed by its levels, a key cell that writes a level's short code and then the case that falls
    // into it ("S1: server or whole unit down", "L2 – one department down") is the level with its criteria, whatever the
    // other cells hold (a plan's times per level)
    const codeCase = CODE_THEN_CASE.exec(key.replace(/[*_]/g, ''))
    if (codeCase && KEY_HEADER.test(reading.keyHeader(block)) && codeCase[1]!.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length >= 2 && CRITERIA.test(codeCase[1]!)) return 1000 + block.position.start.offset
    // a level's word, or its code and name as a translated or Word-exported table writes it ("Category 1 – Standstill")
    const coded = key.split(/\s+/).length > 3
    if (!key || (coded && !CODE_AND_NAME.test(key)) || valuesOf(key).durations.length) return undefined
    // Reading: a key of a bare code and a name ("1 – Total failure", "A – Whole site down") under a header naming the class
    // is a level's code and name, as "Category 1 – Standstill" is, in a table that times the cases (a column of first
    // actions or of fixes): a numbered list of courses or topics is no scale of cases
    if (coded && BARE_CODE.test(key) && !block.header.slice(1).some((h) => {
      const m = columnMeasure(h)
      return m.response || m.resolution
    })) return undefined
    // a description is two words or more, not a quantity ("2 seconds", "£15 a month"); beside a code and a name, the cases
    // that fall into the level ("A Hosted System is not available to any user"), not a plan's price
    const described = block.cells.slice(1).some((c, k) => {
      if (timeColumn(block.header?.[k + 1])) return false
      const v = valuesOf(c)
      const words = c.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length
      return !v.durations.length && words >= 2 && /[a-z]{3,}/i.test(c) && (!coded || (words >= 3 && !v.money.length && CRITERIA.test(c)))
    })
    return described ? 1000 + block.position.start.offset : undefined
  }
  if (block.kind === 'list-item') {
    if (impactItem(block.text, reading)) return 1000 + block.position.start.offset
    const m: (RegExpExecArray & {titled?: true}) | null = LABELLED.exec(block.text) ?? titledItem(block)
    if (!m) return undefined
    // in a section about levels any label; elsewhere a label naming who is affected, with the level's own time
    const label = m[1]!.trim()
    // (a titled item's section is its own label: the section about levels is the one it stands in)
    const section = m.titled ? block.section.parent : block.section
    // and in a list whose lead-in names the levels ("The following priority levels apply:"), as under a heading that does
    // or a label that says what falls into it and is given its own time to answer or fix elsewhere ("**Class A:** the
    // site cannot work" with "for Class A within 2 hours", or a "Service Affecting" row of a response table)
    // or a bold label over the case that falls into it and its own time to answer or fix, as a list of levels is written
    // under any title ("**Show-stopper**: the whole office is down. We call you back within 30 minutes")
    // (the label's criteria are its words outside its times: "Normal: 3 business days" says how fast, not what is Normal)
    const criteria = withoutTimes(m[2]!, reading)
    if (!(section && LEVEL_SECTION.test(section.title)) && !levelLead(block, reading) && !boldCaseLabel(label, m[2]!, block, reading) && !(((!label.includes('(') && IMPACT_LABEL.test(label) && !closedNotStopped(label)) || LEVEL_WITH_CRITERION.test(label)) && valuesOf(m[2]!).durations.length) && !((CASE_CRITERION.test(criteria) || CRITERIA.test(criteria)) && timedElsewhere(label, block, reading))) return undefined
    // (a label that says what it covers, "Everyone stuck: within 30 minutes", is its own criterion)
    const impact = (!label.includes('(') && IMPACT_LABEL.test(label) && !closedNotStopped(label)) || LEVEL_WITH_CRITERION.test(label)
    const words = (impact ? m[2]! : criteria).split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w))
    return words.length >= 2 ? 1000 + block.position.start.offset : undefined
  }
  return undefined
}

// Reading: a row of a key/value table whose key is a short label and whose value says what falls into it ("| Urgent |
// Dispatch is stopped: the office cannot send jobs |"), where the agreement gives that label its own time to answer or
// fix ("| Response: urgent | 30 minutes |"), is a priority level, as a list item so labelled and timed is; a row whose
// value is only a time ("| Password reset | 1 hour |") names a kind of request, not a level
/** Is a two-cell row a label with the cases that fall into it, the label timed elsewhere in the agreement? */
function labelRowTimed(block: Block, reading: Reading): boolean {
  const cells = block.cells!
  if (cells.length !== 2) return false
  const key = cells[0]!.replace(/[*_]/g, '').trim()
  const value = cells[1]!
  if (!key || key.split(/\s+/).length > 3 || key.includes(':') || /\d/.test(key)) return false
  if (value.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length < 2 || reading.values(value).durations.length) return false
  return (CASE_CRITERION.test(value) || CRITERIA.test(value)) && timedElsewhere(key, block, reading)
}

// Reading: a list item labelled by the case it covers, told by who is stopped and how ("Whole office can't work", "Nobody
// in the office can work", "One person stuck", "Everyone down") or as the rest of the cases ("Everything else",
// "Questions and small changes"), whose value is its own time, is a priority level whose criterion is its label,
// however long the label and whatever list it stands in.
const IMPACT_ITEM = /^\W{0,3}((?:everyone|everybody|nobody|no one|(?:the )?whole|(?:the )?entire|all(?: the)?|one|a single|single|several|more than one|(?:a )?few|some|most|questions?|requests?|small|everything|anything)\b[^:–—=()\n]{0,50}?)\s*(?:\([^()]{1,80}\)\s*)?(?::|–|—|=|\s-)\s+([^\n]+)$/i
// who is stopped: a party or a share of its people or things
const IMPACT_WHO = /^(?:everyone|everybody|nobody|no one|(?:the )?(?:whole|entire) [\w-]+|all(?: the| our| your)? [\w-]+|(?:one|a single|single|several|more than one|(?:a )?few|some|most) [\w-]+)/i
// a limit on the time taken, right before the time: "within 1 hour", "a technician responds in 1 hour", "by the end of the next working day"
const BEFORE_TIME = /\b(?:within|in|under|inside|by|no later than|at most|at the latest)\s+(?:(?:the\s+)?end\s+of\s+)?(?:the\s+)?$/i
// the rest of the cases, or the small ones
const IMPACT_REST = /^(?:everything else|anything else|all (?:the )?(?:other|rest)|questions?\b|requests?\b|small (?:changes?|jobs?|things?|requests?))/i

/** A label of who or what, with no state that stops them ("Whole office closed", "One site shut for stocktake"): no case of support. */
function closedNotStopped(label: string): boolean {
  return IMPACT_WHO.test(label) && !IMPACT_REST.test(label) && !CASE_STATE.test(label) && /\s\S+\s+\S/.test(label)
}

/** Is the list item a level labelled by the case it covers, with its own time to answer or fix (see IMPACT_ITEM)? */
function impactItem(text: string, reading: Reading): boolean {
  const m = IMPACT_ITEM.exec(text)
  if (!m) return false
  const label = m[1]!.trim()
  if (!(IMPACT_WHO.test(label) && (CASE_STATE.test(label) || /^(?:nobody|no one)\b.*\bcan\b/i.test(label))) && !IMPACT_REST.test(label)) return false
  // the time is the value's own, to act on the case ("within 1 hour", "next working day"), not a count or a price
  const value = m[2]!
  return reading.values(value).durations.some((d) => d.minutes >= 1 && BEFORE_TIME.test(value.slice(0, d.start))) && !reading.values(value).money.length
}

/** The state of things a case of support is told by: what is down, who cannot work, or the small things. */
const CASE_STATE = needs(/\b(?:down|outages?|offline|not working|stopped|stops|broken|dead|can(?:no|['’])t|cannot|unable|unusable|stuck|questions?|small (?:changes?|jobs?|things?)|cosmetic|everything else|anything else)\b/i)

/**
 * Is the item's label bold, and its text a case told by its state ("the whole office is down", "questions, small
 * changes") before the item's own time to answer or fix ("We reply within 2 business hours")? Then the label names a
 * level, whatever its words and whatever the title over the list.
 */
function boldCaseLabel(label: string, rest: string, block: Block, reading: Reading): boolean {
  if (!CASE_STATE.test(rest) || !CASE_ACT.test(rest) || reading.leadLabel(block) !== label) return false
  const durations = reading.values(rest).durations
  if (!durations.length) return false
  const before = rest.slice(0, durations[0]!.start)
  return CASE_STATE.test(before) && !CASE_ACT.test(before.split(/[.;:]\s/)[0]!)
}

/**
 * A list item titled by a bold term over its text, which the document makes a section of its own ("3) **Outage** – a
 * malfunction which stops …" in a definitions list): the term is the item's label and its text what the label covers, as
 * "Outage: a malfunction …" would be (the label in group 1, the text in group 2).
 */
function titledItem(block: Block): (RegExpExecArray & {titled?: true}) | null {
  const section = block.section
  if (section.kind !== 'list-item' || section.blocks[0] !== block || section.title.split(/\s+/).length > 3) return null
  const m = LABELLED.exec(`${section.title} – ${block.text.trim()}`) as (RegExpExecArray & {titled?: true}) | null
  if (m) m.titled = true
  return m
}

/** What a time is for when it is a time to answer or fix a case: a reply, a visit, a start of work, a fix. */
const CASE_ACT = needs(/\b(?:respon\w*|repl(?:y|ies)|attend\w*|fix\w*|repair\w*|restor\w*|rectif\w*|remed\w*|resol\w*|on[- ]site|begin\w*|start\w*|acknowledg\w*|reaction|interven\w*|tak(?:en|ing|es?) (?:in |into )?charge)\b/i)
/** A limit on the time taken ("within 2 hours", "in 4 hours"), not a quota ("above 6 hours in a month"). */
const TIME_LIMIT = /^\W*(?:[\w-]+\s+){0,2}?(?:within|in|under|inside|by|no later than)\s/i
/** A key column of things, not cases: per-service or per-site times are no levels ("| Service | Response |"). */
const THING_HEADER = /\b(?:services?|systems?|applications?|apps?|devices?|components?|products?|sites?|locations?|equipment|assets?)\b/i

/**
 * A list item's (or a key/value row's) label is given its own time to answer or fix somewhere else in the agreement: a row
 * of a response or fix table keyed by the label ("| Service Affecting | 30 minutes |", "| Response: urgent | 30 minutes
 * |"), or a sentence that times it ("begins work for Class A within 2 hours"). A label a list defines and the agreement
 * then times is a level of priority, whatever its word.
 */
function timedElsewhere(label: string, block: Block, reading: Reading, skipSentence?: string): boolean {
  const want = label.toLowerCase()
  // a label that names a service ("Restore assistance", "Remote fixes") is no class of case
  if (want.length < 2 || CASE_ACT.test(want)) return false
  const wholeAt = (lower: string, at: number): boolean => !/[\w-]/.test(lower[at - 1] ?? '') && !/[\w-]/.test(lower[at + want.length] ?? '')
  // (each block's text lower-cased once for the document, by its prose pass, not once per label)
  const blocks = reading.doc.blocks
  const prose = reading.prose
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    // (the block that defines the label, or only its defining sentence when one is given)
    if ((b === block && skipSentence === undefined) || b.kind === 'heading' || !prose.lower(i).includes(want)) continue
    if (b.kind === 'table-row') {
      const {cells, header} = b
      if (!cells || !header) continue
      const key = (cells[0] ?? '').replace(/[*_]/g, '').trim().toLowerCase()
      if (key !== want) {
        // Reading: a key cell that names an act and the labels it is for ("Response: urgent", "Fix target: normal and
        // request") times each of those labels with the row's value
        const act = key.includes(':') ? /^([^:]{2,30}):\s*(.{2,60})$/.exec(key) : null
        if (!act || !CASE_ACT.test(act[1]!) || !act[2]!.split(/\s*(?:,|&|\/|\band\b)\s*/).includes(want)) continue
        if (cells.some((c, i) => i > 0 && reading.values(c).durations.some((d) => d.minutes >= 1))) return true
        continue
      }
      const head = header[0] ?? ''
      if (OFFER_HEADER.test(head) || THING_HEADER.test(head)) continue
      if (cells.some((c, i) => i > 0 && CASE_ACT.test(header[i] ?? '') && reading.values(c).durations.some((d) => d.minutes >= 1))) return true
      continue
    }
    // (a list item's time is for what the sentence that introduces its list says: "… commence handling a Notification
    // (response) within:" over "1 working hour for an Outage;")
    const intro = b.kind === 'list-item' ? reading.listContext(reading.blockIndex(b)).intro : undefined
    for (const s of b.sentences) {
      if ((!CASE_ACT.test(s.text) && !(intro !== undefined && CASE_ACT.test(intro))) || s.text === skipSentence) continue
      const lower = s.text.toLowerCase()
      for (let at = lower.indexOf(want); at >= 0; at = lower.indexOf(want, at + 1)) {
        if (!wholeAt(lower, at)) continue
        // the time before the label, given for it: "… is two (2) working hours for a Major Anomaly"
        const before = s.text.slice(Math.max(0, at - 50), at)
        if (FOR_LABEL.test(before) && reading.values(before).durations.some((d) => d.minutes >= 1)) return true
        const after = s.text.slice(at + want.length, at + want.length + 80).split(/[,;]|\.\s/)[0]!
        if (TIME_LIMIT.test(after) && reading.values(after).durations.some((d) => d.minutes >= 1)) return true
        // a sentence that opens on the label gives its times for it: "For a Blocking Incident, the Provider takes charge
        // within 30 minutes"; and so does a list item the label opens, under a lead-in that says what the times are for
        // ("… start work within the following times:" over "Critical Failure: 2 hours;")
        const opening = s.text.slice(0, at)
        if (FOR_OPENING.test(opening)) {
          const clause = s.text.slice(at + want.length).split(/;|\.\s/)[0]!
          if (/\b(?:within|in|under|by|no later than)\s/i.test(clause) && reading.values(clause).durations.some((d) => d.minutes >= 1)) return true
        }
        if (b.kind === 'list-item' && /^\W*$/.test(opening)) {
          const value = /^\s*[:=–—-]\s*([^;,]*)/.exec(s.text.slice(at + want.length))
          if (value && reading.values(value[1]!).durations.some((d) => d.minutes >= 1)) return true
        }
      }
    }
  }
  return false
}

/** A sentence that opens on a label as the case its times are for: "For a ", "5.1 In the case of an ". */
const FOR_OPENING = /^\W*(?:\d{1,3}(?:\.\d{1,3})*\.?\s+|\(?[a-z0-9]{1,3}\)\s+)?(?:for|in the case of|in case of)\s+(?:an?|the|each|every|any)\s+$/i
/** The end of a time given for a label: "… two (2) working hours for a ", "… 4 hours for the ". */
const FOR_LABEL = /\bfor\s+(?:an?\s+|the\s+|each\s+|every\s+|any\s+)?$/i

/** A lead-in that names levels of urgency: "The following Priority Levels apply:", "Tickets fall into these categories:". */
const LEVEL_LEAD = needs(/\b(?:priorit(?:y|ies)|severit(?:y|ies)|(?:priority|severity|urgency|impact|ticket|incident|call) levels?|levels? of (?:priority|severity|urgency)|categor(?:y|ies)|classifications?|call types?)\b/i)
/** What a lead-in names that is no level of urgency: service levels, levels of a plan, prices. */
const NOT_LEVEL_LEAD = /\bservice levels?\b|\b(?:plans?|tiers?|packages?|fees?|prices?|charges?)\b/i

/** Is the list item introduced by a lead-in that names levels? */
function levelLead(block: Block, reading: Reading): boolean {
  const intro = reading.listContext(reading.blockIndex(block)).intro
  return intro !== undefined && (LEVEL_LEAD.test(intro) || CASES_CLASSIFIED.test(intro)) && !NOT_LEVEL_LEAD.test(intro)
}

// Reading: a lead-in that names levels or sorts cases into classes, with its items run on in its own paragraph after the
// colon ("Notifications are classified into the following categories: a) category A (critical failure) - stop of the
// warehouse system …; b) category B (failure) - …"), defines the levels as a list of them does: two or more lettered
// items, each a short name and then, after a dash or a colon, what falls into it in three words or more (not a time)
const RUN_ON_ITEM = /(?:^|\s)\(?[a-z]\)\s+/
const NAMED_WITH_CASES = /^([^:–—]{1,50}?)\s+[-–—:]\s+(?:[^\s]+\s+){2,}[^\s]+/
function runOnLevels(text: string): boolean {
  const colon = text.indexOf(':')
  if (colon < 0 || colon > 200) return false
  const head = text.slice(0, colon)
  if (!(LEVEL_LEAD.test(head) || CASES_CLASSIFIED.test(head)) || NOT_LEVEL_LEAD.test(head)) return false
  const items = text.slice(colon + 1).split(RUN_ON_ITEM).map((x) => x.trim()).filter((x) => x.length > 0)
  return items.length >= 2 && items.filter((x) => NAMED_WITH_CASES.test(x) && !TIME_ONLY.test(x.replace(/^[^-–—:]*[-–—:]\s*/, ''))).length >= 2
}
/** What follows an item's name when it gives a time, not the cases: "1 hour", "respond within 4 working hours". */
const TIME_ONLY = /\b\d+(?:[.,]\d+)?\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|business|working)\b/i

/**
 * A lead-in that sorts cases into classes names levels, whatever words the classes have: "Faults are classified as
 * follows:", "The incidents are classified into:" ("*Grave*: …", "*Mild*: …" after it); data or documents sorted so
 * ("Personal data is classified as follows:") are no cases of support work.
 */
const CASES_CLASSIFIED = new RegExp(String.raw`\b${CASE}\b[^.:;]{0,30}\b(?:are|is|will be|shall be|get|gets)\s+(?:classified|classed|categori[sz]ed|graded|divided|sorted)\b`, 'i')

/** A column that holds the time to answer or fix each row's case: "Response", "Acknowledge", "Fix", "Restore". */
const TIME_HEADER = /\b(?:respon\w*|acknowledg\w*|reaction|fix|resol\w*|restor\w*|repair|target|turnaround|on[- ]site)\b/i
/** A level column that grades a plan or a price, not a case: "Plan level", "Support tier", "Price category". */
const OFFER_HEADER = /\b(?:plans?|tiers?|packages?|bundles?|memberships?|editions?|prices?|fees?|accounts?|subscriptions?)\b/i

/** A step of a scale that grades cases: a colour of a traffic-light scale ("Red", "Amber", "Green"). */
const SCALE_STEP = /^(?:red|amber|yellow|orange|green|blue|black|white|purple)$/i

/** The first cells of the table that holds the row are the steps of one scale ("Red", "Amber", "Green"), two or more. */
function scaleColumn(block: Block, reading: Reading): boolean {
  const blocks = reading.doc.blocks
  const i = reading.blockIndex(block)
  const header = blocks[i]?.header
  if (!header) return false
  let first = i
  while (first > 0 && blocks[first - 1]!.header === header) first--
  let n = 0
  for (let j = first; j < blocks.length && blocks[j]!.kind === 'table-row' && blocks[j]!.header === header; j++, n++) {
    if (!SCALE_STEP.test((blocks[j]!.cells?.[0] ?? '').replace(/[*_]/g, '').trim())) return false
  }
  return n >= 2
}

/**
 * A row of a table whose first column is headed as levels ("Level", "Priority", "Category"), or holds the colours of one
 * scale ("Red", "Amber", "Green"), and whose later column, headed as a response or fix time, gives the row its own time
 * of minutes or more: the first cell names a level, whatever its word ("Routine", "Amber", "Grade B"). Seconds are the speed of a system, not a time to answer a case.
 */
function levelWithTime(block: Block, reading: Reading): boolean {
  const {header, cells} = block
  if (block.kind !== 'table-row' || !header || !cells || cells.length < 2) return false
  const head = reading.keyHeader(block)
  if ((!KEY_HEADER.test(head) && !scaleColumn(block, reading)) || OFFER_HEADER.test(head)) return false
  const key = (cells[0] ?? '').replace(/[*_]/g, '').trim()
  if (!/[a-z0-9]/i.test(key) || key.split(/\s+/).length > 3 || reading.values(key).durations.length) return false
  return cells.some((c, i) => i > 0 && TIME_HEADER.test(header[i] ?? '') && !OFFER_HEADER.test(header[i] ?? '') && reading.values(c).durations.some((d) => d.minutes >= 1))
}

/**
 * A list item that names a level with its own time and nothing of what falls into it, under a title or a lead-in that
 * names levels ("Grade C: next working day" after "Faults are classified as follows:"): a level named, undefined.
 */
function listLevelTimed(block: Block, reading: Reading): boolean {
  if (block.kind !== 'list-item') return false
  const m = LABELLED.exec(block.text)
  if (!m) return false
  // (or, under any title, a level word with its own time beside another such item of the list: "- Urgent: 8 support
  // hrs" over "- Normal: 3 business days" names two levels by their times, as "Urgent – 1 hour; Normal – 4 hours" does)
  if (!(LEVEL_SECTION.test(block.section.title) || levelLead(block, reading) || timedLevelBeside(block, reading))) return false
  return reading.values(m[2]!).durations.length > 0
}

/** Is the item a level word with its time, with the item before or after it in its list one too? */
function timedLevelBeside(block: Block, reading: Reading): boolean {
  if (!namedWithTime(block.text)) return false
  const blocks = reading.doc.blocks
  const i = reading.blockIndex(block)
  const beside = (b: Block | undefined): boolean => b !== undefined && b.kind === 'list-item' && b.section === block.section && namedWithTime(b.text)
  return beside(blocks[i - 1]) || beside(blocks[i + 1])
}

/** A level word opening a text with its own time after it: "Urgent: 8 support hrs", "Normal – next business day". */
function namedWithTime(text: string): boolean {
  LEVEL_TIME.lastIndex = 0
  const m = LEVEL_TIME.exec(text)
  return m !== null && /^\W*$/.test(text.slice(0, m.index))
}

/** A column that says which cases fall in a row: "When it applies", "What it means", "Criteria", "Situation", "Examples". */
const CASES_HEADER = /\b(?:when|criteria|applies|meaning|means|definition|examples?|scenarios?|situations?|covers|used for)\b/i

/**
 * A row of a table whose rows are kinds of request, each with the cases it covers and its own times: the first cell
 * a short name, a column headed as the cases that fall in it ("When it applies"), and a time in a later cell
 * ("| Same-day fix | A shop till is down | 2 hours | 6 hours |").
 */
function kindsWithTimes(block: Block, reading: Reading): boolean {
  const header = block.header!
  const cells = block.cells!
  if (cells.length < 3 || header.length !== cells.length) return false
  const cases = header.findIndex((h, i) => i > 0 && CASES_HEADER.test(h))
  if (cases < 0) return false
  return cells.some((c, i) => i > cases && reading.values(c).durations.length > 0)
}

/**
 * A row that says what falls under each level, in a table whose columns are the levels ("| | Sev A | Sev B |" over
 * "| What it covers | a site is down | one user is slow |"): the ranks of the levels whose cells describe them, two or more.
 */
function columnRanks(block: Block, reading: Reading): number[] {
  const {header, cells} = block
  if (block.kind !== 'table-row' || !header || !cells || cells.length < 3) return []
  const key = (cells[0] ?? '').replace(/[*_]/g, '').trim()
  if (!key || key.split(/\s+/).length > 4 || (!DESCRIBES.test(key) && !CASES_HEADER.test(key))) return []
  const out: number[] = []
  for (let i = 1; i < cells.length; i++) {
    const head = header[i] ?? ''
    const levels = mayHold.priorities(head) ? reading.values(head).priorities : []
    const cell = cells[i] ?? ''
    const v = reading.values(cell)
    if (levels.length !== 1 || v.durations.length || v.priorities.length || /_{2,}|\[[^\]]*\]|\b(?:TBD|TBC|XX+|N\/A)\b/.test(cell)) continue
    if (cell.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length >= 2) out.push(levels[0]!.rank)
  }
  return out.length >= 2 ? out : []
}

/**
 * Ranks of the levels that carry their criteria in brackets straight after their names, in any block (a table cell
 * too): "P1 (a branch cannot trade): 30 minutes · P2 (one person cannot work): 2 hours". A name in the brackets ("P1
 * (Critical)") or a channel ("P1 (by phone only)") says nothing of what falls into the level.
 */
function bracketRanks(text: string, reading: Reading): number[] {
  if (!text.includes('(') || !mayHold.priorities(text)) return []
  const out: number[] = []
  for (const p of reading.values(text).priorities) {
    const gloss = /^\s*\(([^()]{4,120})\)/.exec(text.slice(p.end))
    if (!gloss) continue
    const inside = gloss[1]!
    const v = reading.values(inside)
    if (v.durations.length || v.priorities.length || inside.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length < 2) continue
    if (CASE_CRITERION.test(inside) || CRITERIA.test(inside)) out.push(p.rank)
  }
  return out
}

// Reading: a cell beside a level's name that says what falls into the level and then, after a colon or a dash, the
// level's own times ("| Priority 1 | Whole office down: reply within 1 hour, fixed within 5 hours |", as a letter's
// key-terms table writes it) defines the level, whatever the table's header
/** A case, then a colon or a dash, then what is done about it and when (the case in group 1, the rest in group 2). */
const CASES_THEN_TIMES = /^\W{0,3}([^:;–—()]{4,80}?)\s*(?::|;|–|—|\s-\s)\s*(.+)$/s

/** Does a cell open with the cases that fall into its level, before a time to answer or fix them? */
function casesBeforeTimes(cell: string, reading: Reading): boolean {
  const m = CASES_THEN_TIMES.exec(cell)
  if (!m) return false
  const cases = m[1]!
  const v = reading.values(cases)
  if (v.durations.length || v.priorities.length || v.money.length || CASE_ACT.test(cases)) return false
  if (cases.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length < 2 || !(CASE_CRITERION.test(cases) || CRITERIA.test(cases))) return false
  return CASE_ACT.test(m[2]!) && reading.values(m[2]!).durations.some((d) => d.minutes >= 1)
}

function readRank(block: Block, reading: Reading): number | undefined {
  const valuesOf = (t: string) => reading.values(t)
  const bracketed = bracketRanks(block.text, reading)
  if (bracketed.length) return bracketed[0]
  const columns = columnRanks(block, reading)
  if (columns.length) return columns[0]
  // most blocks and titles name no priority: the pre-check spares the values lookup
  const p = mayHold.priorities(block.text) ? valuesOf(block.text).priorities[0] : undefined
  if (!p) {
    const word = wordLevel(block, reading)
    if (word !== undefined) return word
  }
  // "**Priority 1:** a branch cannot serve members…" — the label is the clause's title, the criteria its text
  if (!p) {
    const title = block.section.title
    const titled = mayHold.priorities(title) ? valuesOf(title).priorities[0] : undefined
    if (!titled) return undefined
    const words = block.text.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w))
    return words.length >= 3 && CRITERIA.test(block.text) ? titled.rank : undefined
  }
  // a definition of a term that names a level ('"Critical Incident" means a total outage …', '"Minor Incident" means any
  // other fault') defines that level wherever the definitions sit: its body is the level's criteria
  const defined = block.kind !== 'table-row' ? DEFINED_TERM.exec(block.text) : null
  if (defined && p.start >= defined.index && p.end <= defined.index + defined[0].length) {
    const body = withoutTimes(block.text.slice(defined.index + defined[0].length), reading).replace(/\b\d[\d.,]*\s*\w*/g, ' ')
    if (body.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length >= 2) return p.rank
  }
  if (block.kind === 'table-row' && block.cells) {
    // in a table keyed by its levels ("Severity | Meaning | …"), any description cell is the level's criteria
    const keyed = KEY_HEADER.test(reading.keyHeader(block))
    const described = block.cells.some((c, i) => {
      if (i > 0 && timeColumn(block.header?.[i])) return false
      const cv = valuesOf(c)
      if (i > 0 && cv.durations.length && !cv.priorities.length && casesBeforeTimes(c, reading)) return true
      if (cv.priorities.length || cv.durations.length || /_{2,}|\[[^\]]*\]|\b(?:TBD|TBC|XX+|N\/A)\b/.test(c)) return false
      const words = c.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length
      return (words >= 3 && CRITERIA.test(c)) || (keyed && i > 0 && words >= 2 && DESCRIBES.test(block.header?.[i] ?? ''))
    })
    return described ? p.rank : undefined
  }
  // "P1 (Critical): the whole office cannot work" — words beyond the label and any times
  const rest = withoutTimes(block.text.slice(p.end), reading).replace(/\b\d[\d.,]*\s*\w*/g, ' ')
  const words = rest.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w))
  return words.length >= 4 && CRITERIA.test(rest) ? p.rank : undefined
}

const DEFINES_LEVEL = {name: 'priority-levels: a block opens by defining a term that names a level'}
/** Does the block open by defining a term that names a level ('"Critical Incident" means …')? */
function definesLevel(block: Block, reading: Reading): boolean {
  if (block.kind === 'table-row' || !/\b(?:means|mean|refers to|is defined as)\b/.test(block.text)) return false
  const defined = DEFINED_TERM.exec(block.text)
  return defined !== null && mayHold.priorities(defined[1]!) && reading.values(defined[1]!).priorities.length > 0
}

/** Ranks of the levels after the first in one paragraph, each with at least four words of criteria. */
function laterRanks(block: Block, reading: Reading): number[] {
  const all = reading.values(block.text).priorities
  const out: number[] = []
  for (let i = 1; i < all.length; i++) {
    const rest = withoutTimes(block.text.slice(all[i]!.end, all[i + 1]?.start ?? block.text.length), reading).replace(/\b\d[\d.,]*\s*\w*/g, ' ')
    if (rest.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length >= 3 && CRITERIA.test(rest)) out.push(all[i]!.rank)
  }
  return out
}

/**
 * Does the document define two or more distinct ranks? The judge asks only that, so the blocks are read in order and
 * the reading stops at the second distinct rank (each block's own rank is still kept per block, as the judge and
 * `mentions` ask it again). Once per document.
 */
function definesTwoRanks(reading: Reading): boolean {
  return reading.own(DEFINED, () => {
    const ranks = new Set<number>()
    const add = (rank: number): boolean => ranks.add(rank).size >= 2
    for (const b of reading.doc.blocks) {
      const r = definedRank(b, reading)
      if (r === undefined) continue
      if (add(r)) return true
      // a row of a table whose columns are the levels defines each level it describes
      if (b.kind === 'table-row') for (const more of columnRanks(b, reading)) if (add(more)) return true
      // one paragraph may define several levels, one a line: each label followed by its own criteria
      if (b.kind === 'paragraph' || b.kind === 'list-item') for (const more of laterRanks(b, reading)) if (add(more)) return true
      // and each level that carries its criteria in brackets
      for (const more of bracketRanks(b.text, reading)) if (add(more)) return true
    }
    return false
  })
}

// Reading: how support cases are ranked, graded or triaged ("for how tickets are ranked", "the way calls are graded") names
// their priority levels, in whatever words; said with nothing that ranks them, it is vague (or delegated where it is put)
const CASES_RANKED = needs(/\b(?:how|the way|the order in which)\s+(?:(?:your|our|the)\s+)?(?:tickets?|calls?|jobs?|requests?|faults?|cases?|incidents?|issues?)\s+(?:are|is|get|gets)\s+(?:ranked|graded|triaged|classified|categori[sz]ed|prioriti[sz]ed)\b/i)

/** CASES_RANKED, looked for only in a text that holds one of its verbs (most blocks hold none: a re-lint asks every block). */
function casesRanked(text: string): boolean {
  const l = text.toLowerCase()
  return (l.includes('ranked') || l.includes('graded') || l.includes('triaged') || l.includes('classified') || l.includes('categori') || l.includes('prioriti')) && CASES_RANKED.test(text)
}

/**
 * One kind of case timed before the rest of the cases and the rest timed after, in one sentence (a rate for the rest,
 * "bill everything else at £60 an hour", times no case).
 */
function timedBeforeAndAfter(text: string, reading: Reading): boolean {
  const rest = OTHER_CLASS.exec(text)
  if (!rest) return false
  const after = rest.index + rest[0].length
  const durations = reading.values(text).durations
  return durations.some((d) => d.end <= rest.index) && durations.some((d) => d.start >= after) && !reading.values(text.slice(after)).money.length
}

export default clauseRule({
  id: 'priority-levels',
  description: 'The agreement names at least two priority or severity levels, with criteria for what falls into each',
  data: data['priority-levels'],
  // missing, it is reported where the response times are stated, and its skeleton is added there
  beside: [responseTimes],
  messages: {
    missing: 'Missing priority levels; define at least two levels and what falls into each (e.g. "P1: the whole site cannot work")',
    vague: 'Vague priority levels "{text}"; define each level with the criteria that put an issue in it',
    delegated: 'Priority levels are defined in {target}; lint it with this agreement or define them here',
  },
  // levels in plain words: "Everyone stuck: …" items, different times for different kinds of issue, a table of kinds of
  // request with the cases each covers and its own times
  // the wording of the sentence alone (kept per sentence text in an editor), then what the block is in the document
  mentionsText(text) {
    return casesRanked(text) || (CASE_SERIES.test(text) && !FINDINGS.test(text)) || TIERED.test(text) || definedKindTest(text) || NAMED_TEST.test(text) || NAMED_KIND_TEST.test(text) || LEVEL_MEANS_TEST.test(text) || SENTENCE_LEVEL.test(text) || INLINE_LEVEL_TEST.test(text) || (text.includes('(') && (LEVEL_GLOSS_TEST.test(text) || (LEVELS_WORD.test(text) && GLOSSED_NAME_TEST.test(text)))) || (CASE_KIND.test(text) && (FIRST_STEP.test(text) || LATER_STEP.test(text))) || DOT_LEVEL_TEST.test(text) || (text.includes('(') && BRACKET_LABEL_TEST.test(text)) || ORDERING.test(text) || CANT_WAIT.test(text) || FASTER.test(text) || OTHER_CLASS.test(text) || SINGLE_LEVEL.test(text) || namedWithTimes(text)
  },
  mentions(_text, reader, block) {
    // (a block other than a table row defines a level by its text alone: kept per block text in an editor)
    return (block.kind !== 'table-row' && reader.reading.blockReading(block, DEFINES_LEVEL, () => definesLevel(block, reader.reading))) || levelWithTime(block, reader.reading) || listLevelTimed(block, reader.reading) || ((block.kind === 'list-item' || block.kind === 'table-row') && definedRank(block, reader.reading) !== undefined)
  },
  judge(unit, reader) {
    if (runOnLevels(unit.text) && reader.party(unit, 0) !== 'customer') return {outcome: 'present'}
    // network traffic given priority ("call traffic prioritised over other traffic", QoS) ranks packets, not support cases
    if (TRAFFIC_PRIORITY.test(unit.text) && !/\b(?:P[1-5]|priority (?:[1-5]|one|two|three|level)|severity)\b/i.test(unit.text)) return undefined
    // two or more levels named in the prose of one section, each with what falls into it: "When the whole office cannot
    // work, we treat the call as urgent …; every other call is normal …"
    const named = NAMED_TEST.test(unit.text) ? namedLevels(unit.text) : []
    const bracketed = bracketLabels(unit.text, reader.reading)
    const glossed = glossedNames(unit.text, reader.reading)
    if (CASE_KIND.test(unit.text) && (FIRST_STEP.test(unit.text) || LATER_STEP.test(unit.text)) && rankedKinds(unit.block, reader.reading) && reader.party(unit, 0) !== 'customer') return {outcome: 'present'}
    if ((named.some((n) => n.criterion) || bracketed.some((l) => l.criterion) || DOT_LEVEL_TEST.test(unit.text) || NAMED_KIND_TEST.test(unit.text) || LEVEL_MEANS_TEST.test(unit.text) || SENTENCE_LEVEL.test(unit.text) || INLINE_LEVEL_TEST.test(unit.text) || LEVEL_GLOSS_TEST.test(unit.text) || glossed.some((g) => g.criterion) || definedKindTest(unit.text)) && proseNamesTwoLevels(unit.block.section, reader.reading) && reader.party(unit, 0) !== 'customer') return {outcome: 'present'}
    if ((mayHold.priorities(unit.text) && reader.reading.values(unit.text).priorities.length) || definedRank(unit.block, reader.reading) !== undefined) {
      if (definesTwoRanks(reader.reading) && definedRank(unit.block, reader.reading) !== undefined) return {outcome: 'present'}
      const delegated = levelsDelegated(unit, reader)
      if (delegated) return delegated
      return {outcome: 'vague'}
    }
    // levels named by a level column, each with its own time and nothing that says what falls into it
    if (levelWithTime(unit.block, reader.reading) || listLevelTimed(unit.block, reader.reading)) return levelsDelegated(unit, reader) ?? {outcome: 'vague'}
    // an order of handling with no levels defined: "urgent problems first", "showstoppers jump the queue"
    if ((ORDERING.test(unit.text) || WORKED_FIRST.test(unit.text)) && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // one urgent kind of case set apart, with no levels named: "Anything that can't wait, text me"
    if (CANT_WAIT.test(unit.text)) return {outcome: 'vague'}
    // one case named as the top priority, or an urgent path by its own channel
    if (((TOP_PRIORITY.test(unit.text) && CASE_DOWN.test(unit.text)) || URGENT_PATH.test(unit.text)) && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // urgent work got to ahead of the rest, with no levels named: "Anything urgent I'll get to straight away", "we get to
    // urgent problems as soon as we can; everything else in the order it arrives"
    if (URGENT_GOT_TO.test(unit.text) && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // requests sorted into two or more named levels with nothing to tell them apart: "Requests are classed as Critical,
    // High or Normal"
    if ((CLASSED_LEVELS.test(unit.text) || (CASE_SERIES.test(unit.text) && !FINDINGS.test(unit.text))) && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // a single faster level, with nothing to tell it from the rest
    if (SINGLE_LEVEL.test(unit.text) && SERVICE_ACT.test(unit.text + ' ' + unit.next)) return {outcome: 'vague'}
    // one kind of case handled "as a priority" with nothing to tell it from the rest; a subject held "as a priority" that
    // no one works on ("the security of your data as a priority") is no case of support work
    if (AS_A_PRIORITY.test(unit.text) && SERVICE_ACT.test(unit.text) && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    if (GETS_PRIORITY.test(unit.text) && !PRECEDENCE.test(unit.text) && !TRAFFIC_PRIORITY.test(unit.text) && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // labels with their own times and brackets that say nothing of what falls in them: "Showstopper (phone us) – …"
    if (bracketed.length && new Set(bracketLabels(unit.block.text, reader.reading).map((l) => l.label)).size >= 2 && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // levels named with brackets that say nothing of what falls in them: "two levels: Red (ring us) and Green (email us)"
    if (new Set(glossed.map((g) => g.name)).size >= 2 && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // one case named as a level, with no other level beside it: "If the whole office is stuck, we treat the call as urgent"
    if (named.length && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // one kind of case named, defined and timed, with no other level beside it: "A Line Down fault is one that …"
    if (NAMED_KIND_TEST.test(unit.text) && namedKinds(unit.text, unit.block, reader.reading).length && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // and one defined as a term ('"Blocking Incident": an incident that …') and timed, with no other level beside it
    if (definedKindTest(unit.text) && definedKind(unit.block, reader.reading) !== undefined && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    if (TIERED.test(unit.text) && reader.reading.values(unit.text).durations.length && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // levels named with their own times but no criteria: "Critical – 1 hour; High – 4 hours"
    if (namedWithTimes(unit.text) && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    // one faster case beside the usual time ("We reply within 2 business hours. If the tills are down … within 4 hours")
    // the rest of the cases given a time of their own, against a kind of case timed in the same paragraph
    // (or in one sentence: "We respond to emergencies within 1 hour, and to everything else within 1 business day")
    if (OTHER_CLASS.test(unit.text) && (SERVICE_ACT.test(unit.text) || /\bresponse\b/i.test(unit.text)) && (reader.reading.values(unit.text).durations.length || /\bwithin\s+\d/.test(unit.text)) && (reader.reading.values(unit.block.text.replace(unit.text, '')).durations.length >= 1 || timedBeforeAndAfter(unit.text, reader.reading)) && reader.party(unit, 0) !== 'customer') return {outcome: 'vague'}
    if (FASTER.test(unit.text) && SERVICE_ACT.test(unit.text) && reader.reading.values(unit.text).durations.length && reader.reading.values(unit.block.text.replace(DATA_LOST, (m) => ' '.repeat(m.length))).durations.length >= 2) return {outcome: 'vague'}
    // "the order of priority" of the contract documents is precedence, not a priority scheme
    if (PRECEDENCE.test(unit.text)) return undefined
    // (priorities in the plural are the priorities of support work: "ticket priorities", "priorities of incidents")
    if (CASES_RANKED.test(unit.text) || /\bprioriti[sz]|\bpriority\b|\bseverity\b|\b(?:ticket|incident|call|request|fault|case|support|service[- ]desk|helpdesk)\s+(?:priorities|severities)\b|\b(?:priorities|severities)\s+(?:of|for)\s+(?:tickets|incidents|calls|requests|faults|cases)\b/i.test(unit.text) || unit.inHome) {
      const delegated = levelsDelegated(unit, reader)
      if (delegated) return delegated
      if (CASES_RANKED.test(unit.text) || /\bprioriti[sz]\w*\b|\bpriority (?:levels?|basis|order)\b|\bseverity levels?\b/i.test(unit.text) || unit.inHome) return {outcome: 'vague'}
    }
    return undefined
  },
})

// Reading: a document said to hold times or targets per priority ("Resolution targets for each priority are set out in
// the Statement of Work", "the response times for every severity are in Schedule 2") holds those values, not what falls
// into each priority: the levels are not put there
const VALUES_PER_LEVEL = /^(?:(?:the|all|our|your|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?:targets?|times?|deadlines?|commitments?|service levels?|credits?|escalations?|rates?|charges?|fees?)\s+(?:for|per|by|of|at|according to)\s+(?:(?:each|every|the|all|any)\s+)?(?:[\w-]+\s+)?(?:priorit|severit|levels?\b)/i
/** The delegation of the unit, unless what it sends is another clause's values per priority. */
function levelsDelegated(unit: Unit, reader: Reader): Verdict | undefined {
  const v = reader.delegated(unit, /priorit|severit/i)
  if (!v || v.start === undefined || v.end === undefined) return v
  const matter = sentMatter(unit.text, {target: v.target ?? '', start: v.start, end: v.end})
  return matter !== undefined && VALUES_PER_LEVEL.test(matter) ? undefined : v
}

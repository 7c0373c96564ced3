// Typed value extractors: turn contract prose into durations, frequencies, percentages, hours, money, multipliers and priorities.
import {DASH, DIGITS_SRC, NUM_SRC, parseNumber} from './numbers.js'

export {parseNumber} from './numbers.js'

/** A span of the input string: `input.slice(start, end) === text`. */
export interface Match { readonly text: string; readonly start: number; readonly end: number }

/** Units a duration can be stated in. */
export type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'

/** A stated length of time, e.g. "four (4) business hours". `minutes` counts business days as whole calendar days (1440). */
export interface Duration extends Match { kind: 'duration'; value: number; unit: TimeUnit; business: boolean; minutes: number }

/** A stated repetition, e.g. "every 6 hours". `intervalMinutes` is 0 for continuous / real-time. */
export interface Frequency extends Match { kind: 'frequency'; intervalMinutes: number }

/** Measurement periods a percentage can be tied to. */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year'

/** A stated percentage, with the measurement period named in the same sentence if any. */
export interface Percentage extends Match { kind: 'percentage'; value: number; period?: Period }

/** Day of the week, lower-case three-letter form. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

/** A statement of service/support hours. `from`/`to` are 24 h "HH:MM" ("24:00" for an end at midnight). */
export interface HoursSpec extends Match {
  kind: 'hours'
  days?: Weekday[]
  from?: string
  to?: string
  timeZone?: string
  allDay: boolean
  allWeek: boolean
  excludesHolidays: boolean
}

/** A stated amount of money. `currency` is an ISO 4217 code; `per` is the charging unit (hour, month, incident, device, user, year, day, call, ...). */
export interface Money extends Match { kind: 'money'; amount: number; currency: string; per?: string }

/** A rate multiplier such as "1.5×", "time and a half" or "200% of the normal rate". */
export interface Multiplier extends Match { kind: 'multiplier'; factor: number }

/** A priority/severity level. `rank` 1 is the most urgent; named levels map Critical/Urgent/Emergency=1, High=2, Medium/Normal/Moderate=3, Low/Minor=4. */
export interface Priority extends Match { kind: 'priority'; scheme: 'P' | 'priority' | 'severity' | 'level' | 'named'; rank: number; label: string }

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

/** Space or dash, as found between a number and its unit ("30-minute", "4 hours"). */
const HY = String.raw`[\s${DASH}]`

const UNIT_MINUTES: Readonly<Record<TimeUnit, number>> = {minute: 1, hour: 60, day: 1440, week: 10080, month: 43200, year: 525600}

/** Convert `value` `unit`s to minutes (month = 30 days, year = 365 days). */
export function durationToMinutes(value: number, unit: TimeUnit): number {
  return value * UNIT_MINUTES[unit]
}

/** Run a global regex over `text`. When `accept` returns false the match is discarded and scanning resumes one character later. */
function scan(re: RegExp, text: string, accept: (m: RegExpExecArray, g: Partial<Record<string, string>>) => boolean): void {
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    if (!accept(m, m.groups ?? {}) || m[0] === '') re.lastIndex = m.index + 1
  }
}

function span(m: RegExpExecArray): {text: string; start: number; end: number} {
  return {text: m[0], start: m.index, end: m.index + m[0].length}
}

function unitOf(word: string): TimeUnit | undefined {
  const w = word.toLowerCase()
  if (w === 'm' || w.startsWith('mi')) return 'minute'
  if (w.startsWith('h')) return 'hour'
  if (w.startsWith('d')) return 'day'
  if (w.startsWith('w')) return 'week'
  if (w.startsWith('mo') || w.startsWith('mth')) return 'month'
  if (w.startsWith('y')) return 'year'
  return undefined
}

const isUpper = (s: string): boolean => s === s.toUpperCase()
const isCapitalised = (s: string): boolean => /^[A-Z]/.test(s)

// ---------------------------------------------------------------------------------------------------------------
// Durations

const DUR_UNIT = String.raw`minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|mths?|years?|yrs?|m`
/** "a"/"an"/"half an" as a number, but not the "a" of "2 hours a day" or "once a week". */
const A_NUM = String.raw`(?<!\b(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|times|once|twice|thrice|per)\s{1,3})\b(?:half(?:${HY}{1,2}an?)?|an?(?:${HY}{1,2}half)?)\b`
const DURATION_RE = new RegExp(
  String.raw`\b(?<rel>next|same)${HY}{1,3}(?:business|working|work)${HY}{1,3}day\b|\bNBD\b|` +
    String.raw`(?<num>${NUM_SRC}|${A_NUM})(?<sep>${HY}{0,3})(?:(?<q>business|working|work|calendar|clock|consecutive)${HY}{0,3})?(?<unit>${DUR_UNIT})(?![a-z])`,
  'gi',
)
/**
 * Necessary for any duration, and far cheaper than DURATION_RE: a unit word of two or more letters (every unit is
 * followed by a non-letter), "NBD", or a one-letter unit, which only counts after digits, a ")", a dash/space or a
 * qualifier ("24h", "4 (four) h", "2-d").
 */
const DURATION_HINT = new RegExp(
  String.raw`(?:minute|min|hour|hr|day|week|wk|month|mo|mth|year|yr)s?(?![a-z])|NBD|(?:[\d)\s${DASH}]|business|working|work|calendar|clock|consecutive)[hdwm](?![a-z])`,
  'i',
)
const HHMM_RE = /^(?:[01]\d|2[0-3])[0-5]\d$/
const CLOCK_CUE_RE = new RegExp(String.raw`(?:\b(?:at|from|until|till|by|before|after|between|to|and)\s{1,3}|[${DASH}]\s{0,2})$`, 'i')
const CURRENCY_CHARS = '$£€¥'

/**
 * Find stated durations: "4 hours", "four (4) business hours", "30-minute", "24h", "half an hour", "5 business days",
 * "next business day" / "same business day" / "NBD" (value 1, unit day, business true). Clock times written as
 * "0800 hours" are not durations.
 */
export function extractDurations(text: string): Duration[] {
  const out: Duration[] = []
  if (!DURATION_HINT.test(text)) return out
  scan(DURATION_RE, text, (m, g) => {
    let value: number | undefined
    let unit: TimeUnit | undefined = 'day'
    let business = true
    if (g['rel'] !== undefined) {
      value = 1
    } else if (g['num'] === undefined) {
      if (m[0] !== 'NBD') return false
      value = 1
    } else {
      const num = g['num']
      const u = g['unit'] ?? ''
      unit = unitOf(u)
      if (u.length === 1) {
        // single-letter units only straight after digits ("24h", "15m"); "h" may also follow a space ("1 h")
        if (!/^\d/.test(num) || (u.toLowerCase() !== 'h' && g['sep'] !== '')) return false
        if (u.toLowerCase() === 'm' && m.index > 0 && CURRENCY_CHARS.includes(text.charAt(m.index - 1))) return false
      }
      if (unit === 'hour' && HHMM_RE.test(num) && (num.startsWith('0') || CLOCK_CUE_RE.test(text.slice(Math.max(0, m.index - 12), m.index)))) return false
      value = parseNumber(num)
      const q = g['q']?.toLowerCase()
      business = q === 'business' || q === 'working' || q === 'work'
    }
    if (value === undefined || unit === undefined) return false
    out.push({kind: 'duration', ...span(m), value, unit, business, minutes: durationToMinutes(value, unit)})
    return true
  })
  return out
}

const OPTION_RE = /^(?:(\d+(?:\.\d+)?) ?w(?:ks?|eeks?)? ?)?(?:(\d+(?:\.\d+)?) ?d(?:ays?)? ?)?(?:(\d+(?:\.\d+)?) ?h(?:rs?|ours?)? ?)?(?:(\d+(?:\.\d+)?) ?m(?:ins?|inutes?)?)?$/i

/**
 * Parse a config duration into minutes: shorthands "30m", "1h", "4h", "24h", "2d", "1w", "1h30m", or prose such as
 * "4 hours", "one (1) business day", "next business day". Returns undefined when no duration is found.
 */
export function parseDurationOption(text: string): number | undefined {
  const s = text.trim()
  const r = s.length <= 40 ? OPTION_RE.exec(s) : null // shorthands are short; this keeps the anchored regex cheap
  if (r !== null && s !== '') {
    const [, w, d, h, m] = r
    return Number(w ?? 0) * 10080 + Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(m ?? 0)
  }
  return extractDurations(s)[0]?.minutes
}

// ---------------------------------------------------------------------------------------------------------------
// Frequencies

const FREQ_UNIT = String.raw`minutes?|mins?|hours?|hrs?|days?|nights?|evenings?|mornings?|weekdays?|weeks?|fortnights?|months?|quarters?|years?|annum|(?:mon|tues|wednes|thurs|fri|satur|sun)days?`
const ADVERB = String.raw`hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly|(?:bi|semi)[${DASH}]?(?:weekly|monthly|annually|yearly)`
const FREQUENCY_RE = new RegExp(
  String.raw`\b(?:(?<mult>once|twice|thrice|${NUM_SRC}\s{0,3}(?:times|x))${HY}{1,3})?(?:` +
    String.raw`(?<per>a|an|per|each|every|in\s{1,3}(?:a|each|every))${HY}{1,3}(?:(?<other>other|second|alternate)\s{1,3})?(?:(?<n>${NUM_SRC})${HY}{0,3})?(?:(?:business|working|calendar|clock)${HY}{1,3})?(?<u>${FREQ_UNIT})` +
    String.raw`|(?:(?<an>${NUM_SRC})(?<ansep>${HY}{0,2}))?(?<adv>${ADVERB})` +
    String.raw`|at\s{1,3}(?<in>${NUM_SRC})${HY}{0,3}(?<iu>${DUR_UNIT})(?:ly)?\s{1,3}intervals?` +
    String.raw`|intervals?\s{1,3}of\s{1,3}(?:(?:no|not)\s{1,3}(?:more|greater|longer)\s{1,3}than\s{1,3})?(?<in2>${NUM_SRC})${HY}{0,3}(?<iu2>${DUR_UNIT})` +
    String.raw`|(?<cont>continuous(?:ly)?|(?:near${HY}{1,2})?real${HY}?time))(?![a-z])`,
  'gi',
)
const ADVERB_MINUTES = new Map<string, number>([
  ['hourly', 60], ['daily', 1440], ['nightly', 1440], ['weekly', 10080], ['fortnightly', 20160], ['monthly', 43200],
  ['quarterly', 129600], ['annually', 525600], ['yearly', 525600], ['biweekly', 20160], ['semiweekly', 5040],
  ['bimonthly', 86400], ['semimonthly', 21600], ['biannually', 262800], ['semiannually', 262800], ['biyearly', 262800],
  ['semiyearly', 262800],
])
/** Necessary for any frequency: a unit (followed by a non-letter), an adverb, "interval", "continuous" or "real(-)time". */
const FREQUENCY_HINT =
  /(?:minute|min|hour|hr|day|night|evening|morning|week|fortnight|month|quarter|year)s?(?![a-z])|annum|hourly|daily|nightly|weekly|monthly|quarterly|annually|yearly|interval|continuous|real/i
const DASH_RE = new RegExp(`[${DASH}]`)
const MULT_WORDS = new Map<string, number>([['once', 1], ['twice', 2], ['thrice', 3]])
const TIMES_SUFFIX_RE = /\s*(?:times|x)$/i

function freqUnitMinutes(word: string): number | undefined {
  const w = word.toLowerCase()
  if (w.startsWith('weekday')) return 1440
  if (w.endsWith('day') || w.endsWith('days')) return w.startsWith('day') ? 1440 : 10080 // "every Monday" is weekly
  if (/^(?:night|evening|morning)/.test(w)) return 1440
  if (w.startsWith('fortnight')) return 20160
  if (w.startsWith('quarter')) return 129600
  if (w === 'annum') return 525600
  const unit = unitOf(w)
  return unit === undefined ? undefined : UNIT_MINUTES[unit]
}

/**
 * Find stated frequencies: "daily", "every 6 hours", "twice a day", "at 6-hour intervals", "at least once every 24 hours",
 * "every business day", "every Monday" (weekly), "continuous"/"real-time" (interval 0). Month = 30 days, quarter = 90,
 * year = 365; "bi-weekly" = every two weeks.
 */
export function extractFrequencies(text: string): Frequency[] {
  const out: Frequency[] = []
  if (!FREQUENCY_HINT.test(text)) return out
  scan(FREQUENCY_RE, text, (m, g) => {
    let interval: number | undefined
    const mult = g['mult']
    const count = mult === undefined ? 1 : MULT_WORDS.get(mult.toLowerCase()) ?? parseNumber(mult.replace(TIMES_SUFFIX_RE, ''))
    if (count === undefined || count <= 0) return false
    if (g['cont'] !== undefined) {
      interval = 0
    } else if (g['u'] !== undefined) {
      const per = (g['per'] ?? '').toLowerCase()
      if (mult === undefined && per !== 'each' && per !== 'every') return false // "a day", "per month" alone
      const n = g['other'] !== undefined ? 2 : g['n'] === undefined ? 1 : parseNumber(g['n'])
      const base = freqUnitMinutes(g['u'])
      if (n === undefined || base === undefined) return false
      interval = (n * base) / count
    } else if (g['adv'] !== undefined) {
      const adv = g['adv'].toLowerCase().replace(/[^a-z]/g, '')
      const base = ADVERB_MINUTES.get(adv)
      let n: number | undefined = 1
      if (g['an'] !== undefined) {
        // "4-hourly", "6-monthly" (British); "3 monthly reports" is not a frequency of every 3 months
        if (adv === 'daily' || adv === 'nightly' || !DASH_RE.test(g['ansep'] ?? '')) return false
        n = parseNumber(g['an'])
      }
      if (base === undefined || n === undefined) return false
      interval = (n * base) / count
    } else {
      const n = parseNumber(g['in'] ?? g['in2'] ?? '')
      const unit = unitOf(g['iu'] ?? g['iu2'] ?? '')
      if (n === undefined || unit === undefined) return false
      interval = durationToMinutes(n, unit)
    }
    out.push({kind: 'frequency', ...span(m), intervalMinutes: interval})
    return true
  })
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Percentages

const PCT_SIGN = String.raw`(?:%|percent(?![a-z])|per${HY}?cent(?![a-z])|pct\b)`
const PERCENT_RE = new RegExp(
  String.raw`(?<num>${NUM_SRC})\s{0,2}${PCT_SIGN}(?:\s{0,3}\(\s{0,2}(?<alt>${NUM_SRC})\s{0,2}${PCT_SIGN}\s{0,2}\))?`,
  'gi',
)
/** Necessary for any percentage: a sign ("%", "percent", "per cent", "pct"). */
const PERCENT_HINT = new RegExp(String.raw`%|per${HY}?cent|pct`, 'i')
const PERIOD_RE = new RegExp(
  String.raw`\b(?:(?:(?:per|each|every|any|a|in\s{1,3}(?:a|any|each|every)|over\s{1,3}(?:a|any|each))\s{1,3}(?:(?:given|single|full|calendar|billing|fiscal|rolling|measurement)\s{1,3})?|(?:calendar|billing|fiscal)\s{1,3})(?<pu>day|week|month|quarter|year|annum)|(?<pa>daily|weekly|monthly|quarterly|annually|annual|yearly))\b`,
  'gi',
)
const SENTENCE_END_RE = /[.!?;](?=\s|$)|\n/g

function periodOf(word: string): Period {
  const w = word.toLowerCase()
  if (w.startsWith('day') || w === 'daily') return 'day'
  if (w.startsWith('week')) return 'week'
  if (w.startsWith('month')) return 'month'
  if (w.startsWith('quarter')) return 'quarter'
  return 'year'
}

/** Index of the first element of the ascending array `a` that is >= x. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((a[mid] ?? 0) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Find percentages: "99.9%", "99.95 percent", "99.5 per cent", "ninety-nine point nine percent (99.9%)" (one match).
 * `period` is the measurement period named nearest to the number within the same sentence ("per calendar month",
 * "measured monthly", "in any calendar quarter", "Monthly Uptime Percentage").
 */
export function extractPercentages(text: string): Percentage[] {
  const out: Percentage[] = []
  if (!PERCENT_HINT.test(text)) return out
  scan(PERCENT_RE, text, (m, g) => {
    const value = parseNumber(g['num'] ?? '') ?? parseNumber(g['alt'] ?? '')
    if (value === undefined) return false
    out.push({kind: 'percentage', ...span(m), value})
    return true
  })
  if (out.length === 0) return out
  const pStarts: number[] = []
  const pEnds: number[] = []
  const pKinds: Period[] = []
  scan(PERIOD_RE, text, (m, g) => {
    pStarts.push(m.index)
    pEnds.push(m.index + m[0].length)
    pKinds.push(periodOf(g['pu'] ?? g['pa'] ?? ''))
    return true
  })
  if (pStarts.length === 0) return out
  const breaks: number[] = []
  scan(SENTENCE_END_RE, text, m => {
    breaks.push(m.index)
    return true
  })
  for (const p of out) {
    const j = lowerBound(breaks, p.start)
    const sentStart = j > 0 ? (breaks[j - 1] ?? 0) + 1 : 0
    const sentEnd = breaks[lowerBound(breaks, p.end)] ?? text.length
    const k = lowerBound(pStarts, p.end)
    const after = k < pStarts.length && (pStarts[k] ?? Infinity) < sentEnd ? (pStarts[k] ?? 0) - p.end : Infinity
    const before = k > 0 && (pStarts[k - 1] ?? -1) >= sentStart && (pEnds[k - 1] ?? Infinity) <= p.start ? p.start - (pEnds[k - 1] ?? 0) : Infinity
    const kind = after === Infinity && before === Infinity ? undefined : after <= before ? pKinds[k] : pKinds[k - 1]
    if (kind !== undefined) p.period = kind
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Hours of service

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const MON_FRI: readonly Weekday[] = WEEKDAYS.slice(0, 5)
const MER = String.raw`(?:[ap]\.\s?m\.?|[ap]\s?m)(?![a-z])`
const TIME = String.raw`(?:(?<![\d.,:/$£€¥])\d{1,4}(?:[:.h]\d{2})?(?!\d)(?:\s{0,2}${MER}|\s{0,2}(?:noon|midday|midnight)\b|\s{0,2}(?:hrs|hours|h)(?![a-z]))?|\b(?:noon|midday|midnight)\b)`
const DAY = String.raw`\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|(?:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?)(?![a-z])`
/** One or more day names joined by ranges or lists: "Monday to Friday", "Mon, Wed and Fri", "a Saturday, a Sunday". */
const DAY_LIST = String.raw`${DAY}(?:\s{0,3}(?:,\s{0,2}and|,\s{0,2}or|[,&/~]|[${DASH}]{1,3}|to|through|thru|until|till|and|or)\s{0,3}(?:an?\s{1,3})?${DAY}){0,6}`
const TZ_ABBR = 'UTC|GMT|BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|AKST|AKDT|HST|AST|ADT|NST|NDT|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT|SGT|HKT|JST|KST|SAST'
const TZ_PLACE = String.raw`greenwich\s{1,2}mean|british\s{1,2}summer|irish\s{1,2}standard|(?:central|eastern|western)\s{1,2}european|australian\s{1,2}(?:eastern|central|western)|eastern|central|mountain|pacific|atlantic|alaska|hawaii(?:an)?|new\s{1,2}zealand|coordinated\s{1,2}universal|universal|india|indian|singapore|japan|uk|u\.k\.|british|london|irish|dublin|sydney|melbourne|brisbane|perth|adelaide|auckland|wellington|new\s{1,2}york|toronto|chicago|denver|los\s{1,2}angeles|vancouver|berlin|paris|amsterdam|frankfurt|johannesburg|hong\s{1,2}kong|tokyo|us|u\.s\.`
const NUMBER_WORD_BEFORE = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|next|same|a|per|of'
const HOURS_RE = new RegExp(
  String.raw`\b(?:(?<rtc>a?round${HY}{1,2}the${HY}{1,2}clock)` +
    String.raw`|(?<tf>24\s{0,2}[/x×]\s{0,2}(?<tfd>[57])(?:\s{0,2}[/x×]\s{0,2}(?:365|52))?)` +
    String.raw`|(?<hpd>(?:24|twenty${HY}?four)(?:\s{0,3}\(\s{0,2}24\s{0,2}\))?${HY}{1,3}(?:hours?|hrs?)(?:\s{1,3}(?:a|per|each|every|of\s{1,3}the)\s{1,3}day|(?=,?\s{1,3}(?:seven|7|five|5|six|6)\b)))` +
    String.raw`|(?<dpw>${NUM_SRC})${HY}{1,3}days?\s{1,3}(?:a|per|each|every|of\s{1,3}the)\s{1,3}(?<dpwu>week|year)` +
    String.raw`|(?:(?<tpre>from|between)\s{1,3})?(?<t1>${TIME})\s{0,3}(?<tsep>[${DASH}~]{1,3}|to|until|till|til|through|thru|and)\s{0,3}(?<t2>${TIME})(?![\d%])(?!\s{0,2}(?:percent|days?|hours?|hrs?|minutes?|mins?|weeks?|months?|years?|business|working|calendar|times|per)\b)` +
    String.raw`|(?<ndays>(?:other\s{1,3}than|except(?:ing)?(?:\s{1,3}(?:on|for))?|excluding|but\s{1,3}not|save\s{1,3}(?:for|on))\s{1,3}(?:an?\s{1,3})?${DAY_LIST}` +
    String.raw`(?:\s{0,3}(?:,\s{0,2}and|,\s{0,2}or|,|and|or)\s{1,3}(?:an?\s{1,3}|any\s{1,3})?(?<nhol>(?:[a-z]+\s{1,3}){0,3}?holidays?\b))?)` +
    String.raw`|(?<days>(?:from\s{1,3})?${DAY_LIST})` +
    String.raw`|(?<wk>week${HY}?days?|weekends?|work${HY}?days?|(?<![\d)]${HY}{1,3}|\b(?:${NUMBER_WORD_BEFORE})${HY}{1,3})(?:business|working)${HY}{1,3}days?)` +
    String.raw`|(?<daily>daily|(?:every|each)\s{1,3}day)` +
    String.raw`|(?<hol>(?:excluding|excludes?|excl\.?|except(?:ing)?|other\s{1,3}than|not\s{1,3}including|save\s{1,3}(?:for|on)|closed\s{1,3}on)(?![a-z])[^.;()\n]{0,40}?\bholidays?|(?:(?:bank|public|statutory|national|federal)\s{1,3})?holidays?\s{1,3}(?:excluded|excepted))` +
    String.raw`|(?<tzi>(?:africa|america|antarctica|asia|atlantic|australia|europe|indian|pacific|etc)/[a-z_]+(?:/[a-z_]+)?)` +
    String.raw`|(?<tza>(?:${TZ_ABBR})(?:\s?[+\u2212-]\s?\d{1,2}(?::?[0-5]\d)?)?(?:\s?/\s?(?:${TZ_ABBR}))?)` +
    String.raw`|(?<tzn>(?:${TZ_PLACE})(?:\s{1,2}(?:standard|daylight|summer|prevailing|local))?\s{1,2}time)` +
    String.raw`|(?<tzl>local\s{1,2}time(?:\s{1,3}(?:at|in|of|for)\s{1,3}(?:the\s{1,3})?(?:[a-z]+['\u2019]s\s{1,3}|relevant\s{1,3}|affected\s{1,3}|applicable\s{1,3}|respective\s{1,3}){0,2}(?:premises|sites?|locations?|offices?|headquarters|facility|facilities))?)` +
    String.raw`|(?<tzr>(?:eastern|central|mountain|pacific)(?:\s{1,2}(?:standard|daylight|prevailing))?))(?![a-z\d])`,
  'gi',
)
/**
 * Necessary for a statement of hours, which needs a strong part: digits, "around the clock", "twenty-four hours",
 * noon/midday/midnight, a day name, or "week" ("weekdays", "seven days a week").
 */
const HOURS_HINT = /\d|clock|twenty|noon|midday|midnight|mon|tue|wed|thu|fri|sat|sun|week/i
const TIME_PARSE_RE = /^(?:(\d{1,4})(?:([:.h])(\d{2}))?\s{0,2}(?:([ap])\.?\s?m\.?|(noon|midday|midnight)|(hrs|hours|h))?|(noon|midday|midnight))$/i
const DAY_TOKEN_RE = /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?/gi
const DAY_RANGE_SEP_RE = new RegExp(String.raw`[${DASH}~]{1,3}|\b(?:to|through|thru|until|till)\b`, 'i')
const CLAUSE_BREAK_RE = /[;\n]|\.\s/

interface ClockTime { h: number; m: number; mer: 'a' | 'p' | undefined; midnight: boolean; named: boolean; bare: boolean; hhmm: boolean; lead0: boolean; suffix: boolean }

function parseClock(s: string): ClockTime | undefined {
  const r = TIME_PARSE_RE.exec(s.trim())
  if (r === null) return undefined
  const word = (r[5] ?? r[7])?.toLowerCase()
  if (word !== undefined) {
    const midnight = word === 'midnight'
    return {h: midnight ? 0 : 12, m: 0, mer: undefined, midnight, named: true, bare: false, hhmm: false, lead0: false, suffix: false}
  }
  const digits = r[1] ?? ''
  const hhmm = r[2] === undefined && digits.length >= 3
  if (!hhmm && digits.length > 2) return undefined
  let h = hhmm ? Math.floor(Number(digits) / 100) : Number(digits)
  const m = hhmm ? Number(digits) % 100 : Number(r[3] ?? 0)
  const mer = r[4]?.toLowerCase() === 'a' ? 'a' : r[4] === undefined ? undefined : 'p'
  const suffix = r[6] !== undefined
  const bare = !hhmm && r[2] === undefined && mer === undefined
  if (bare && suffix) return undefined // "8 hours" is a duration, not a clock time
  if (r[2] === '.' && mer === undefined && digits.length !== 2) return undefined // "4.20" is not "04:20"
  if (mer !== undefined) {
    if (h < 1 || h > 12 || hhmm) return undefined
    h = (h % 12) + (mer === 'p' ? 12 : 0)
  }
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return undefined
  return {h, m, mer, midnight: false, named: false, bare, hhmm, lead0: digits.startsWith('0'), suffix}
}

const hhmmText = (mins: number): string => `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`

/** Resolve a time range to minutes since midnight, inferring am/pm ("8 to 6pm", "between 9 and 5"). `pre` is from/between, or "days" right after a day list. */
function resolveRange(a: ClockTime, b: ClockTime, pre: string | undefined, sep: string): {from: number; to: number} | undefined {
  if (sep === 'and' && pre !== 'between') return undefined
  if ((a.hhmm || b.hhmm) && !(a.suffix || b.suffix || a.lead0 || b.lead0)) return undefined // "2019-2020"
  if ((a.bare || b.bare) && pre === undefined && a.mer === undefined && b.mer === undefined) return undefined // "9-5", "1 to 3"
  let from = a.h * 60 + a.m
  let to = b.midnight ? 1440 : b.h * 60 + b.m
  if (a.mer === undefined && !a.named && !a.hhmm && b.mer !== undefined && a.h <= 12) {
    const cand = ((a.h % 12) + (b.mer === 'p' ? 12 : 0)) * 60 + a.m
    from = cand < to ? cand : (a.h % 12) * 60 + a.m
  } else if (b.mer === undefined && !b.named && !b.hhmm && a.mer !== undefined && b.h <= 12) {
    to = ((b.h % 12) + (a.mer === 'p' ? 12 : 0)) * 60 + b.m
    if (to <= from && to + 720 <= 1440) to += 720
  } else if (a.bare && b.bare) {
    if (!(b.h < a.h && a.h <= 12)) return undefined // "between 9 and 5" crosses noon; "between 2 and 4" is a count
    to += 720
  } else if (a.mer === undefined && b.mer === undefined && to <= from && b.h < 12 && !b.lead0 && !b.named) {
    to += 720 // "9:00-5:00"
  }
  return {from, to}
}

function parseDayList(s: string): {days: Weekday[]; count: number} | undefined {
  const set = new Set<number>()
  let prev = -1
  let prevEnd = 0
  let count = 0
  let lowerAbbrev = false
  DAY_TOKEN_RE.lastIndex = 0
  let t: RegExpExecArray | null
  while ((t = DAY_TOKEN_RE.exec(s)) !== null) {
    const idx = WEEKDAYS.indexOf((t[1] ?? '').toLowerCase() as Weekday)
    if (!/day/i.test(t[0]) && !isCapitalised(t[0])) lowerAbbrev = true
    if (prev >= 0 && DAY_RANGE_SEP_RE.test(s.slice(prevEnd, t.index))) {
      for (let i = prev; i !== idx; i = (i + 1) % 7) set.add(i)
    }
    set.add(idx)
    prev = idx
    prevEnd = t.index + t[0].length
    count++
  }
  if (count === 0 || (count === 1 && lowerAbbrev)) return undefined // "sat", "wed" as words
  return {days: WEEKDAYS.filter((_, i) => set.has(i)), count}
}

type Role = 'time' | 'days' | 'both' | 'tz' | 'hol'
interface Part {
  start: number
  end: number
  role: Role
  strong: boolean
  bareTz: boolean
  holidays: boolean
  from: string | undefined
  to: string | undefined
  allDay: boolean
  allWeek: boolean
  days: readonly Weekday[] | undefined
  timeZone: string | undefined
}

function part(m: RegExpExecArray, role: Role, strong: boolean, extra: Partial<Part> = {}): Part {
  const base: Part = {start: m.index, end: m.index + m[0].length, role, strong, bareTz: false, holidays: false, from: undefined, to: undefined, allDay: false, allWeek: false, days: undefined, timeZone: undefined}
  return Object.assign(base, extra)
}

/** Turn one HOURS_RE match into a component of an hours statement, or undefined if it is not one after all. */
function hoursPart(m: RegExpExecArray, g: Partial<Record<string, string>>, afterDays: boolean): Part | undefined {
  if (g['rtc'] !== undefined) return part(m, 'both', true, {allDay: true, allWeek: true})
  if (g['tf'] !== undefined) return g['tfd'] === '7' ? part(m, 'both', true, {allDay: true, allWeek: true}) : part(m, 'both', true, {allDay: true, days: MON_FRI})
  if (g['hpd'] !== undefined) return part(m, 'time', true, {allDay: true})
  if (g['dpw'] !== undefined) {
    const n = parseNumber(g['dpw'])
    if (g['dpwu']?.toLowerCase() === 'year') return n !== undefined && n >= 365 ? part(m, 'days', false, {allWeek: true}) : undefined
    if (n === 7) return part(m, 'days', true, {allWeek: true})
    if (n === 5 || n === 6) return part(m, 'days', true, {days: WEEKDAYS.slice(0, n)})
    return undefined
  }
  if (g['t1'] !== undefined) {
    const a = parseClock(g['t1'])
    const b = parseClock(g['t2'] ?? '')
    if (a === undefined || b === undefined) return undefined
    const r = resolveRange(a, b, g['tpre']?.toLowerCase() ?? (afterDays ? 'days' : undefined), (g['tsep'] ?? '').toLowerCase())
    if (r === undefined) return undefined
    return part(m, 'time', true, {from: hhmmText(r.from), to: hhmmText(r.to), allDay: r.from === 0 && r.to >= 1439})
  }
  if (g['ndays'] !== undefined) {
    // "any day other than a Saturday, a Sunday or a bank holiday": the days left over
    const d = parseDayList(g['ndays'])
    const days = WEEKDAYS.filter(w => d !== undefined && !d.days.includes(w))
    return days.length === 0 || days.length === 7 ? undefined : part(m, 'days', true, {days, holidays: g['nhol'] !== undefined})
  }
  if (g['days'] !== undefined) {
    const d = parseDayList(g['days'])
    return d === undefined ? undefined : part(m, 'days', d.count > 1, {days: d.days, allWeek: d.days.length === 7})
  }
  if (g['wk'] !== undefined) {
    const w = g['wk'].toLowerCase()
    if (w.startsWith('weekend')) return part(m, 'days', false, {days: ['sat', 'sun']})
    return part(m, 'days', w.startsWith('weekday'), {days: MON_FRI})
  }
  if (g['daily'] !== undefined) return part(m, 'days', false, {allWeek: true})
  if (g['hol'] !== undefined) return part(m, 'hol', false)
  const tz = g['tzi'] ?? g['tza'] ?? g['tzn'] ?? g['tzl'] ?? g['tzr']
  if (tz === undefined) return undefined
  if (g['tza'] !== undefined && !isUpper(tz)) return undefined // "et al.", "est."
  if ((g['tzi'] !== undefined || g['tzr'] !== undefined) && !isCapitalised(tz)) return undefined
  return part(m, 'tz', false, {timeZone: tz, bareTz: g['tzr'] !== undefined})
}

function buildHours(group: readonly Part[], text: string): HoursSpec | undefined {
  const first = group[0]
  const last = group[group.length - 1]
  if (first === undefined || last === undefined || !group.some(p => p.strong)) return undefined
  const spec: HoursSpec = {kind: 'hours', text: text.slice(first.start, last.end), start: first.start, end: last.end, allDay: false, allWeek: false, excludesHolidays: false}
  for (const p of group) {
    if (p.days !== undefined) spec.days = [...p.days]
    if (p.from !== undefined) spec.from = p.from
    if (p.to !== undefined) spec.to = p.to
    if (p.timeZone !== undefined) spec.timeZone = p.timeZone
    if (p.allDay) spec.allDay = true
    if (p.allWeek || p.days?.length === 7) spec.allWeek = true
    if (p.role === 'hol' || p.holidays) spec.excludesHolidays = true
  }
  return spec
}

/**
 * Find statements of service hours: "08:00–18:00 Mon–Fri ET", "8am to 6pm Eastern Time, Monday through Friday",
 * "24/7", "24 hours a day, 7 days a week", "Monday to Friday (excluding bank holidays)". Time ranges, day lists, time
 * zones and holiday exclusions within ~80 characters of each other in one clause form one match. A statement needs a
 * time range, a day range/list, "weekdays" or an all-day/all-week phrase; a lone time zone, single day name,
 * "business days" or "daily" only joins a neighbouring statement.
 */
export function extractHours(text: string): HoursSpec[] {
  const out: HoursSpec[] = []
  if (!HOURS_HINT.test(text)) return out
  let group: Part[] = []
  const flush = (): void => {
    const spec = buildHours(group, text)
    if (spec !== undefined) out.push(spec)
    group = []
  }
  scan(HOURS_RE, text, (m, g) => {
    const prev = group[group.length - 1]
    // only look at short gaps, so that a run of rejected matches cannot make this quadratic
    const gap = prev === undefined || m.index - prev.end > 80 ? undefined : text.slice(prev.end, m.index)
    const p = hoursPart(m, g, prev?.role === 'days' && gap !== undefined && /^[\s,:]{0,3}$/.test(gap)) // "Mon-Fri 8-6"
    if (p === undefined) return false
    // a bare "Pacific"/"Central" is a time zone only right after a time range
    if (p.bareTz && (prev === undefined || (prev.role !== 'time' && prev.role !== 'both') || gap === undefined || !/^[\s(]{0,3}$/.test(gap))) return true
    if (prev !== undefined) {
      const usesTime = p.role === 'time' || p.role === 'both'
      const usesDays = p.role === 'days' || p.role === 'both'
      const has = (r: Role): boolean => group.some(q => q.role === r || (q.role === 'both' && (r === 'time' || r === 'days')))
      const conflict = (usesTime && has('time')) || (usesDays && has('days')) || (p.role === 'tz' && has('tz')) || (p.role === 'hol' && has('hol'))
      if (conflict || gap === undefined || CLAUSE_BREAK_RE.test(gap)) flush()
    }
    group.push(p)
    return true
  })
  flush()
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Money

const CODES = 'USD|GBP|EUR|AUD|CAD|NZD|CHF|JPY|INR|SGD|ZAR|HKD|SEK|NOK|DKK|PLN|AED'
const AMOUNT = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d)(?:(?:k|m|bn)(?![a-z])|\s{1,2}(?:thousand|million|billion)\b)?`
const PER_UNIT = String.raw`hour|hr|h|month|mth|mo|incident|ticket|device|endpoint|workstation|server|computer|machine|user|seat|employee|mailbox|year|yr|annum|day|call${HY}?out|call|visit|week|site|licen[cs]e`
const PER = String.raw`(?:\s{0,2}(?:/|\bper\b|\ban?\b|\beach\b|\bevery\b)\s{0,2}(?:(?:billable|chargeable|calendar|managed|named|supported|additional|active|covered|individual)\s{1,2})?(?<pu>${PER_UNIT})(?:s|es)?(?![a-z])|\s{1,2}(?<padv>hourly|monthly|annually|yearly|daily|weekly|quarterly)(?![a-z])|\s{0,2}(?<pab>p\.?\s?a\.?|pcm|p/h)(?![a-z]))?`
const MONEY_RE = new RegExp(
  String.raw`(?:(?:\b(?<c1>${CODES})\s{0,2})?(?:\b(?<pre>US|AU|A|CA|C|NZ|S|HK)\s?)?(?<sym>[$£€¥])\s{0,2}(?<a1>${AMOUNT})` +
    String.raw`|\b(?<c2>${CODES})\s{0,2}(?<a2>${AMOUNT})` +
    String.raw`|(?<![\d.,$£€¥])(?<a3>${AMOUNT})\s{0,2}(?:(?<c3>${CODES})\b|(?<w>(?:(?:US|U\.S\.|Australian|Canadian|New\s{1,2}Zealand|Singapore|Hong\s{1,2}Kong)\s{1,2})?dollars?|pounds?(?:\s{1,2}sterling)?|sterling|euros?|cents?|pence)(?![a-z])))${PER}`,
  'gi',
)
/** Necessary for any amount: a currency symbol, code or word. */
const MONEY_HINT = new RegExp(`[$£€¥]|${CODES}|dollar|pound|sterling|euro|cent|pence`, 'i')
const AMOUNT_PARSE_RE = /^([\d,]+(?:\.\d+)?)\s{0,2}([a-z]*)$/i
const SCALE = new Map<string, number>([['', 1], ['k', 1e3], ['thousand', 1e3], ['m', 1e6], ['million', 1e6], ['bn', 1e9], ['billion', 1e9]])
const SYMBOL_CURRENCY = new Map<string, string>([['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'JPY']])
const PREFIX_CURRENCY = new Map<string, string>([['US', 'USD'], ['AU', 'AUD'], ['A', 'AUD'], ['CA', 'CAD'], ['C', 'CAD'], ['NZ', 'NZD'], ['S', 'SGD'], ['HK', 'HKD']])
const PER_NAMES = new Map<string, string>([
  ['h', 'hour'], ['hr', 'hour'], ['hour', 'hour'], ['hourly', 'hour'], ['ph', 'hour'],
  ['month', 'month'], ['mth', 'month'], ['mo', 'month'], ['monthly', 'month'], ['pcm', 'month'],
  ['incident', 'incident'], ['ticket', 'incident'],
  ['device', 'device'], ['endpoint', 'device'], ['workstation', 'device'], ['server', 'device'], ['computer', 'device'], ['machine', 'device'],
  ['user', 'user'], ['seat', 'user'], ['employee', 'user'], ['mailbox', 'user'],
  ['year', 'year'], ['yr', 'year'], ['annum', 'year'], ['annually', 'year'], ['yearly', 'year'], ['pa', 'year'],
  ['day', 'day'], ['daily', 'day'], ['call', 'call'], ['callout', 'call'], ['visit', 'visit'],
  ['week', 'week'], ['weekly', 'week'], ['quarterly', 'quarter'], ['site', 'site'], ['licence', 'license'], ['license', 'license'],
])

function wordCurrency(w: string): string {
  const s = w.toLowerCase()
  if (s.includes('dollar')) {
    if (s.startsWith('australian')) return 'AUD'
    if (s.startsWith('canadian')) return 'CAD'
    if (s.startsWith('new')) return 'NZD'
    if (s.startsWith('singapore')) return 'SGD'
    if (s.startsWith('hong')) return 'HKD'
    return 'USD'
  }
  if (s.startsWith('euro')) return 'EUR'
  if (s.startsWith('cent')) return 'USD'
  return 'GBP' // pounds, sterling, pence
}

/**
 * Find amounts of money: "$150/hour", "£95 per hour", "€120/hr", "USD 200", "EUR 1,200.00", "AUD $180 per hour",
 * "150 dollars", "$1.5k". A bare "$" is USD; "US$", "A$", "C$", "NZ$" and a leading ISO code override it.
 */
export function extractMoney(text: string): Money[] {
  const out: Money[] = []
  if (!MONEY_HINT.test(text)) return out
  scan(MONEY_RE, text, (m, g) => {
    const code = g['c1'] ?? g['c2'] ?? g['c3']
    const pre = g['pre']
    if ((code !== undefined && !isUpper(code)) || (pre !== undefined && !isUpper(pre))) return false
    const w = g['w']
    const currency = code ?? (pre === undefined ? undefined : PREFIX_CURRENCY.get(pre)) ?? SYMBOL_CURRENCY.get(g['sym'] ?? '') ?? (w === undefined ? undefined : wordCurrency(w))
    const r = AMOUNT_PARSE_RE.exec(g['a1'] ?? g['a2'] ?? g['a3'] ?? '')
    const scale = SCALE.get((r?.[2] ?? '').toLowerCase())
    if (currency === undefined || r === null || scale === undefined) return false
    let amount = Number((r[1] ?? '').replace(/,/g, '')) * scale
    if (w !== undefined && /^(?:cents?|pence)$/i.test(w)) amount /= 100
    const money: Money = {kind: 'money', ...span(m), amount, currency}
    const perWord = g['pu'] ?? g['padv'] ?? g['pab']
    const per = perWord === undefined ? undefined : PER_NAMES.get(perWord.toLowerCase().replace(/[^a-z]/g, ''))
    if (per !== undefined) money.per = per
    out.push(money)
    return true
  })
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Multipliers

const RATE_WORDS = String.raw`(?:rates?|fees?|charges?|prices?|pricing|tariffs?|costs?)(?![a-z])`
const UP_TO_4_WORDS = String.raw`(?:[a-z${DASH}]+\s{1,3}){0,4}?`
const NOT_FREQUENCY = String.raw`(?!\s{1,3}(?:a|an|per|each|every|daily|weekly|monthly|yearly|annually|hourly|nightly|in\s{1,3}(?:a|any|each)|within)\b)`
const MULTIPLIER_RE = new RegExp(
  String.raw`(?<xn>${DIGITS_SRC})\s?[x×](?![a-z\d])(?!\s{0,2}\d)${NOT_FREQUENCY}` +
    String.raw`|(?<!\d\s{0,2})(?<![a-z\d])[x×]\s?(?<xp>${DIGITS_SRC})(?![a-z\d])` +
    String.raw`|(?<tn>${NUM_SRC})${HY}{1,3}times(?![a-z])${NOT_FREQUENCY}` +
    String.raw`|\b(?<tah>time${HY}{1,3}and${HY}{1,3}(?:a|one)${HY}{1,3}half)\b` +
    String.raw`|\b(?<dt>double|triple|treble)${HY}{1,3}time\b` +
    String.raw`|\b(?<tw>twice|double|triple|treble)\s{1,3}${UP_TO_4_WORDS}${RATE_WORDS}` +
    String.raw`|(?<pn>${NUM_SRC})\s{0,2}(?:%|percent(?![a-z])|per${HY}?cent(?![a-z]))\s{1,3}of\s{1,3}${UP_TO_4_WORDS}(?:rates?|pricing|tariffs?)(?![a-z])`,
  'gi',
)
/** Necessary for any multiplier: "x"/"×" touching digits, "time(s)", double/triple/treble/twice, or a percent sign. */
const MULTIPLIER_HINT = new RegExp(String.raw`\d\s?[x×]|[x×]\s?\d|time|double|triple|treble|twice|%|per${HY}?cent`, 'i')
const WORD_FACTOR = new Map<string, number>([['twice', 2], ['double', 2], ['triple', 3], ['treble', 3]])

/**
 * Find rate multipliers: "1.5×", "1.5x the standard rate", "1.5 times", "one and a half times", "time and a half" (1.5),
 * "double time", "twice the standard rate", "double the hourly rate" (2), "150% of the standard hourly rate" (1.5).
 * "three times a week" is a frequency and "5% of the Monthly Fee" a credit, so neither is a multiplier.
 */
export function extractMultipliers(text: string): Multiplier[] {
  const out: Multiplier[] = []
  if (!MULTIPLIER_HINT.test(text)) return out
  scan(MULTIPLIER_RE, text, (m, g) => {
    let factor: number | undefined
    if (g['tah'] !== undefined) factor = 1.5
    else if (g['dt'] !== undefined || g['tw'] !== undefined) factor = WORD_FACTOR.get((g['dt'] ?? g['tw'] ?? '').toLowerCase())
    else if (g['pn'] !== undefined) factor = (parseNumber(g['pn']) ?? NaN) / 100
    else factor = parseNumber(g['xn'] ?? g['xp'] ?? g['tn'] ?? '')
    if (factor === undefined || !Number.isFinite(factor) || factor <= 0) return false
    out.push({kind: 'multiplier', ...span(m), factor})
    return true
  })
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Priorities

const RANK = String.raw`[0-5]|zero|one|two|three|four|five`
const LEVEL_SEP = String.raw`[\s:#${DASH}]{0,3}`
const PRIORITY_RE = new RegExp(
  String.raw`\b(?:(?<p>P)(?<pr>[0-5])` +
    String.raw`|(?<sv>sev(?:erity)?)\.?${LEVEL_SEP}(?:level${LEVEL_SEP})?(?<svr>${RANK})` +
    String.raw`|(?<pk>priority)${LEVEL_SEP}(?:level${LEVEL_SEP})?(?<pkr>${RANK})` +
    String.raw`|(?<lv>level)${LEVEL_SEP}(?<lvr>${RANK})` +
    String.raw`|(?<nm>critical|urgent|emergency|high|medium|normal|moderate|low|minor))(?![a-z\d]|\.\d)`,
  'gi',
)
/** Necessary for any priority: the start of one of PRIORITY_RE's words at a word boundary. */
const PRIORITY_HINT = /\b(?:p[0-5]|sev|priority|level|critical|urgent|emergency|high|medium|normal|moderate|low|minor)/i
const NAMED_RANK = new Map<string, number>([
  ['critical', 1], ['urgent', 1], ['emergency', 1], ['high', 2], ['medium', 3], ['normal', 3], ['moderate', 3], ['low', 4], ['minor', 4],
])
const LABEL_CASE_RE = /^(?:[A-Z][a-z]+|[A-Z]+)$/
const QUOTES = `"'“”‘’*_`
const NAMED_AFTER_RE = new RegExp(String.raw`^[${QUOTES}]{0,2}(?:\s{1,2}(?:priority|severity|issues?|incidents?)\b|\s{0,2}[(:${DASH}]\s{0,2}(?:P[0-5]|(?:priority|severity|sev)\s?[0-5])\b)`, 'i')
const NAMED_BEFORE_RE = new RegExp(String.raw`(?:\b(?:priority|severity|sev|urgency|impact)\s{0,2}(?:[:=${DASH}]|\bis\b|\bof\b)?|\bP[0-5]\s{0,2}[:(${DASH}]?|\b(?:priority|severity|sev)\s?[0-5]\s{0,2}[:(${DASH}]?)\s{0,2}[${QUOTES}]{0,2}$`, 'i')
const CELL_EDGE_RE = /[\s*_"'“”‘’()[\].:;,]/

/** Start and end of `text` without surrounding whitespace, emphasis marks, quotes and punctuation. */
function coreBounds(text: string): [number, number] {
  let a = 0
  let b = text.length
  while (a < b && CELL_EDGE_RE.test(text.charAt(a))) a++
  while (b > a && CELL_EDGE_RE.test(text.charAt(b - 1))) b--
  return [a, b]
}

/**
 * Find priority levels: "P1".."P5", "Priority 1"/"Priority One", "Severity 1"/"Sev 2"/"Severity Level 3", "Level 2", and
 * capitalised named levels ("Critical", "High", "Medium", "Low", ...) only where they are used as a level: followed by
 * priority/severity/issue/incident, next to a P-code or "Priority:", or as the whole text (a table cell).
 */
export function extractPriorities(text: string): Priority[] {
  const out: Priority[] = []
  if (!PRIORITY_HINT.test(text)) return out
  let core: [number, number] | undefined
  scan(PRIORITY_RE, text, (m, g) => {
    const label = m[0].replace(/\s+/g, ' ')
    const end = m.index + m[0].length
    let scheme: Priority['scheme']
    let rank: number | undefined
    if (g['p'] !== undefined) {
      if (g['p'] !== 'P') return false
      scheme = 'P'
      rank = Number(g['pr'])
    } else if (g['nm'] !== undefined) {
      const w = g['nm']
      if (!LABEL_CASE_RE.test(w)) return false
      const used =
        NAMED_AFTER_RE.test(text.slice(end, end + 30)) ||
        NAMED_BEFORE_RE.test(text.slice(Math.max(0, m.index - 30), m.index)) ||
        ((core ??= coreBounds(text))[0] === m.index && core[1] === end)
      if (!used) return false
      scheme = 'named'
      rank = NAMED_RANK.get(w.toLowerCase())
    } else {
      scheme = g['sv'] !== undefined ? 'severity' : g['pk'] !== undefined ? 'priority' : 'level'
      rank = parseNumber(g['svr'] ?? g['pkr'] ?? g['lvr'] ?? '')
    }
    if (rank === undefined) return false
    out.push({kind: 'priority', ...span(m), scheme, rank, label})
    return true
  })
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Pre-checks

/**
 * Each extractor's pre-check, for callers that visit many texts: false means the extractor finds nothing in the text,
 * so the caller can skip even the memoised lookup of its values (which costs more than the test).
 */
export const mayHold = {
  durations: (text: string): boolean => DURATION_HINT.test(text),
  frequencies: (text: string): boolean => FREQUENCY_HINT.test(text),
  percentages: (text: string): boolean => PERCENT_HINT.test(text),
  hours: (text: string): boolean => HOURS_HINT.test(text),
  money: (text: string): boolean => MONEY_HINT.test(text),
  multipliers: (text: string): boolean => MULTIPLIER_HINT.test(text),
  priorities: (text: string): boolean => PRIORITY_HINT.test(text),
} as const

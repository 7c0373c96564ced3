// Value kind hours: Hours of service: days, clock times and a time zone ("08:00–18:00 Monday to Friday, UK time").
import type {ValueKind} from './kind.js'
import {type Match, HY, scan, isUpper, isCapitalised, DASH, NUM_SRC, parseNumber, AT_LETTER, AT_LETTER_OR_DIGIT} from './common.js'
import {lazyCaseFreeRegExp, lazyCaselessRegExp} from './caseless.js'

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

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const MON_FRI: readonly Weekday[] = WEEKDAYS.slice(0, 5)
const MER = String.raw`(?:[ap]\.\s?m\.?|[ap]\s?m)(?![a-z])`
const TIME = String.raw`(?:(?<![\d.,:/$£€¥])\d{1,4}(?:[:.h]\d{2}|\sh\s\d{2})?(?!\d)(?:\s{0,2}${MER}|\s{0,2}(?:noon|midday|midnight)\b|\s{0,2}(?:hrs|hours|h)(?![a-z]))?|\b(?:noon|midday|midnight)\b)`
const DAY = String.raw`\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|(?:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?)(?![a-z])`
/** One or more day names joined by ranges or lists: "Monday to Friday", "Mon, Wed and Fri", "a Saturday, a Sunday". */
const DAY_LIST = String.raw`${DAY}(?:\s{0,3}(?:,\s{0,2}and|,\s{0,2}or|[,&/~]|[${DASH}]{1,3}|to|through|thru|until|till|and|or)\s{0,3}(?:an?\s{1,3})?${AT_LETTER}${DAY}){0,6}`
const TZ_ABBR = 'UTC|GMT|BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|AKST|AKDT|HST|AST|ADT|NST|NDT|AEST|AEDT|AET|ACST|ACDT|AWST|NZST|NZDT|NZT|SGT|HKT|JST|KST|SAST|EAT|CAT|WAT|MYT|PHT|PHST|WIB|WITA|ICT|PKT|NPT|TRT|BRT|ART|CLT|CLST'
const TZ_PLACE = String.raw`greenwich\s{1,2}mean|british\s{1,2}summer|irish\s{1,2}standard|(?:central|eastern|western)\s{1,2}european|australian\s{1,2}(?:eastern|central|western)|eastern|central|mountain|pacific|atlantic|alaska|hawaii(?:an)?|new\s{1,2}zealand|coordinated\s{1,2}universal|universal|india|indian|singapore|japan|uk|u\.k\.|nz|n\.z\.|aus|sa|british|london|irish|dublin|sydney|melbourne|brisbane|perth|adelaide|auckland|wellington|new\s{1,2}york|toronto|chicago|denver|los\s{1,2}angeles|vancouver|berlin|paris|amsterdam|frankfurt|johannesburg|hong\s{1,2}kong|tokyo|us|u\.s\.|(?:east|west|central|south)\s{1,2}africa(?:n)?|malaysian?|philippines?|indochina|gulf|arabian?|pakistan|nepal|bangladesh|(?:western|central|eastern)\s{1,2}indonesian?|china|korean?|taiwan|thailand|vietnam|israel|turkey|moscow|brasilia|argentina|kenyan?|nigerian?|sri\s{1,2}lanka|central\s{1,2}mexic(?:o|an)|mexico\s{1,2}city|chilean?\s{1,2}continental`
const NUMBER_WORD_BEFORE = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|next|same|a|per|of'
const HOURS_RE = lazyCaseFreeRegExp(
  String.raw`\b(?:(?<rtc>a?round${HY}{1,2}the${HY}{1,2}clock)` +
    String.raw`|(?<tf>24\s{0,2}[/x×]\s{0,2}(?<tfd>[57])(?:\s{0,2}[/x×]\s{0,2}(?:365|52))?)` +
    String.raw`|(?<hpd>(?:24|twenty${HY}?four)(?:\s{0,3}\(\s{0,2}24\s{0,2}\))?${HY}{1,3}(?:hours?|hrs?)(?:\s{1,3}(?:a|per|each|every|of\s{1,3}the)\s{1,3}day|(?=,?\s{1,3}(?:seven|7|five|5|six|6)\b)))` +
    // (and with a slash for "a": "7 days/week", "7 days / wk")
    String.raw`|(?<dpw>${NUM_SRC})${HY}{1,3}days?(?:\s{1,3}(?:a|per|each|every|of\s{1,3}the)\s{1,3}|\s{0,2}\/\s{0,2})(?<dpwu>week|wk|year|yr)(?![a-z])` +
    String.raw`|(?:(?<tpre>from|between)\s{1,3})?(?<t1>${TIME})\s{0,3}(?<tsep>[${DASH}~]{1,3}|to|until|till|til|through|thru|and)\s{0,3}${AT_LETTER_OR_DIGIT}(?<t2>${TIME})(?![\d%])(?!\s{0,2}(?:percent|days?|hours?|hrs?|minutes?|mins?|weeks?|months?|years?|business|working|calendar|times|per)\b)` +
    String.raw`|(?<ndays>(?:other\s{1,3}than|except(?:ing)?(?:\s{1,3}(?:on|for))?|excluding|but\s{1,3}not|save\s{1,3}(?:for|on))\s{1,3}(?:an?\s{1,3})?${DAY_LIST}` +
    String.raw`(?:\s{0,3}(?:,\s{0,2}and|,\s{0,2}or|,|and|or)\s{1,3}(?:an?\s{1,3}|any\s{1,3})?(?<nhol>(?:[a-z]+\s{1,3}){0,3}?holidays?\b))?)` +
    String.raw`|(?<days>(?:from\s{1,3})?${DAY_LIST})` +
    String.raw`|(?<wk>week${HY}?days?|weekends?|work${HY}?days?|(?<![\d)]${HY}{1,3}|\b(?:${NUMBER_WORD_BEFORE})${HY}{1,3})(?:business|working)${HY}{1,3}days?)` +
    String.raw`|(?<daily>daily|(?:every|each)\s{1,3}day)` +
    String.raw`|(?<hol>(?:excluding|excludes?|excl\.?|except(?:ing)?|other\s{1,3}than|not\s{1,3}including|save\s{1,3}(?:for|on)|closed\s{1,3}on)(?![a-z])[^.;()\n]{0,40}?\bholidays?|(?:(?:bank|public|statutory|national|federal)\s{1,3})?holidays?\s{1,3}(?:excluded|excepted))` +
    String.raw`|(?<tzi>(?:africa|america|antarctica|asia|atlantic|australia|europe|indian|pacific|etc)/[a-z_]+(?:/[a-z_]+)?)` +
    String.raw`|(?<tza>(?:${TZ_ABBR})(?:\s?[+\u2212-]\s?\d{1,2}(?::?[0-5]\d)?)?(?:\s?/\s?${AT_LETTER}(?:${TZ_ABBR}))?)` +
    String.raw`|(?<tzn>(?:${TZ_PLACE})(?:\s{1,2}(?:standard|daylight|summer|prevailing|local))?\s{1,2}time)` +
    String.raw`|(?<tzl>local\s{1,2}time(?:\s{1,3}(?:at|in|of|for)\s{1,3}(?:the\s{1,3})?(?:[a-z]+['\u2019]s\s{1,3}|relevant\s{1,3}|affected\s{1,3}|applicable\s{1,3}|respective\s{1,3}){0,2}(?:premises|sites?|locations?|offices?|headquarters|facility|facilities))?)` +
    String.raw`|(?<tzr>(?:eastern|central|mountain|pacific)(?:\s{1,2}(?:standard|daylight|prevailing))?))(?![a-z\d])`,
  'g',
)
/**
 * Necessary for a statement of hours, which needs a strong part: digits, "around the clock", "twenty-four hours",
 * noon/midday/midnight, a day name, or "week" ("weekdays", "seven days a week").
 */
const HOURS_HINT = /\d|clock|twenty|noon|midday|midnight|mon|tue|wed|thu|fri|sat|sun|week/i
const TIME_PARSE_RE = /^(?:(\d{1,4})(?:\s?([:.h])\s?(\d{2}))?\s{0,2}(?:([ap])\.?\s?m\.?|(noon|midday|midnight)|(hrs|hours|h))?|(noon|midday|midnight))$/i
const DAY_TOKEN_RE = /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?/gi
const DAY_RANGE_SEP_RE = lazyCaselessRegExp(String.raw`[${DASH}~]{1,3}|\b(?:to|through|thru|until|till)\b`)
const CLAUSE_BREAK_RE = /[;\n]|\.\s/
/** What lies between a zone and its restatement: an opening bracket, and the glosses before it in that bracket. */
const RESTATED_ZONE = /^\s{0,2}\(\s{0,2}(?:[^();,.]{1,40},\s{0,2}){0,2}$/
/** Days right after a time range: ", Monday to Friday", " on weekdays". */
const DAYS_NEXT = /^[\s,]{0,3}(?:on\s{1,2}|every\s{1,2})?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?![a-z])|week\s?days?\b|business days\b|working days\b)/i
/** A word of opening right before a time range: "open 9 to 5", "staffed 8-6", "hours: 9 to 5". */
const OPENING_BEFORE = /\b(?:open|opens|staffed|manned|available|answered|hours(?:\s+are)?\s*:?|times?\s*:)\s{0,3}$/i

// (`hourMark`: written with the letter h, as French, Portuguese and Brazilian texts write clock times: "8 h 30", "8h30", "18 h")
interface ClockTime { h: number; m: number; mer: 'a' | 'p' | undefined; midnight: boolean; named: boolean; bare: boolean; hhmm: boolean; lead0: boolean; suffix: boolean; hourMark?: boolean }

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
  const hourMark = r[2]?.toLowerCase() === 'h' || r[6]?.toLowerCase() === 'h'
  // "8 hours" is a duration, not a clock time; "18 h" may be one (see resolveRange)
  if (bare && suffix && !hourMark) return undefined
  if (r[2] === '.' && mer === undefined && digits.length !== 2) return undefined // "4.20" is not "04:20"
  if (mer !== undefined) {
    if (h < 1 || h > 12 || hhmm) return undefined
    h = (h % 12) + (mer === 'p' ? 12 : 0)
  }
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return undefined
  if (bare && suffix) return {h, m, mer, midnight: false, named: false, bare: false, hhmm, lead0: digits.startsWith('0'), suffix, hourMark: true}
  return {h, m, mer, midnight: false, named: false, bare, hhmm, lead0: digits.startsWith('0'), suffix, hourMark}
}

const hhmmText = (mins: number): string => `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`

/** Resolve a time range to minutes since midnight, inferring am/pm ("8 to 6pm", "between 9 and 5"). `pre` is from/between, or "days" right after a day list. */
function resolveRange(a: ClockTime, b: ClockTime, pre: string | undefined, sep: string): {from: number; to: number} | undefined {
  if (sep === 'and' && pre !== 'between') return undefined
  // a whole hour written "18 h" is a clock time only in a range whose ends are both written with the h, and a range of
  // "8 h" to "17 h" only after "from" ("from 8 h 30 to 18 h"; "8 h to 17 h" or "between 2 h and 4 h" may be durations)
  const hourOnly = (c: ClockTime): boolean => c.hourMark === true && c.suffix && c.m === 0
  if ((hourOnly(a) || hourOnly(b)) && (!a.hourMark || !b.hourMark || (hourOnly(a) && hourOnly(b) && pre?.toLowerCase() !== 'from'))) return undefined
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
    // ("Mon–Sat 7–7": the same morning hour at both ends runs from morning to evening, 07:00–19:00)
    const morningToEvening = b.h === a.h && b.m === a.m && a.h >= 5 && a.h <= 11
    if (!(b.h < a.h && a.h <= 12) && !morningToEvening) return undefined // "between 9 and 5" crosses noon; "between 2 and 4" is a count
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
    if (prev >= 0 && DAY_RANGE_SEP_RE().test(s.slice(prevEnd, t.index))) {
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
    if (/^y/i.test(g['dpwu'] ?? '')) return n !== undefined && n >= 365 ? part(m, 'days', false, {allWeek: true}) : undefined
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
 * A place whose local time is one zone names that zone, as translated agreements write it right after the hours: a
 * country or city of one zone ("…, Belgian time", "…, Argentine official time", "(Lisbon time)") or a mainland
 * ("mainland Portugal time", "peninsular time"); a country of several zones is none ("mainland Australia time"). Read
 * only after a statement of hours that has no zone, so that the scan of every text does not grow.
 */
const ONE_ZONE_PLACE = lazyCaselessRegExp(
  String.raw`\b(?:(?:official|legal)\s{1,2})?(?:` +
    String.raw`belgian|belgium|dutch|netherlands|luxembourg|german|germany|austrian|austria|swiss|switzerland|italian|italy|french|france|danish|denmark|swedish|sweden|norwegian|norway|finnish|finland|greek|greece|czech|hungarian|hungary|romanian|romania|croatian|croatia|slovak|slovenian|argentine|argentinian|colombian?|peruvian|peru|uruguayan|uruguay|paraguayan|paraguay|venezuelan|venezuela|costa\s{1,2}rican?|guatemalan?|panamanian|panama|peninsular(?:\s{1,2}spanish|\s{1,2}spain)?|canary(?:\s{1,2}islands?)?|azores|madrid|lisbon|rome|milan|brussels|vienna|zurich|geneva|warsaw|prague|stockholm|oslo|copenhagen|helsinki|athens|budapest|bucharest|buenos\s{1,2}aires|montevideo|lima|(?:mainland|continental|metropolitan)\s{1,2}(?!(?:us|u\.s\.|usa|united|american?|australian?|canad(?:a|ian)|russian?|brazil(?:ian)?|mexic(?:o|an))\b)[a-z]+` +
    String.raw`)(?:\s{1,2}(?:official|legal|standard|local))?\s{1,2}time(?![a-z\d])`,
)

/** A statement of hours with no zone takes the zone of a one-zone place named in it or right after it. */
function oneZonePlace(spec: HoursSpec, text: string): HoursSpec {
  if (spec.timeZone !== undefined || (spec.from === undefined && spec.days === undefined)) return spec
  // within the statement ("16:00 to 20:00, Argentine official time, except national holidays") or right after it
  const near = text.slice(spec.start, spec.end + 40)
  if (!/time/i.test(near)) return spec
  const m = ONE_ZONE_PLACE().exec(near)
  if (m === null || CLAUSE_BREAK_RE.test(near.slice(0, m.index))) return spec
  const end = Math.max(spec.end, spec.start + m.index + m[0].length)
  return {...spec, timeZone: m[0], end, text: text.slice(spec.start, end)}
}

/**
 * Find statements of service hours: "08:00–18:00 Mon–Fri ET", "8am to 6pm Eastern Time, Monday through Friday",
 * "24/7", "24 hours a day, 7 days a week", "Monday to Friday (excluding bank holidays)". Time ranges, day lists, time
 * zones and holiday exclusions within ~80 characters of each other in one clause form one match. A statement needs a
 * time range, a day range/list, "weekdays" or an all-day/all-week phrase; a lone time zone, single day name,
 * "business days" or "daily" only joins a neighbouring statement.
 */
/** A time zone named in a text ("Pacific Time", "AEST", "UK time"), as a statement of hours names it. */
const ZONE_ABBR_RE = new RegExp(String.raw`\b(?:${TZ_ABBR})\b`)
const ZONE_PLACE_RE = new RegExp(String.raw`\b(?:${TZ_PLACE})\s{1,2}(?:(?:standard|daylight|prevailing|local)\s{1,2})?time\b`, 'i')
export function zoneIn(text: string): string | undefined {
  return (ZONE_PLACE_RE.exec(text) ?? ZONE_ABBR_RE.exec(text))?.[0]
}

/** The groups whose case is read (a zone's abbreviation or name, day names), each a whole match of HOURS_RE. */
const CASED_GROUPS = ['tzi', 'tza', 'tzn', 'tzl', 'tzr', 'days', 'ndays'] as const

/** The groups of a match in the text lower-cased in place, with those whose case is read as written (`whole`, the match in the text). */
function asWritten(g: Partial<Record<string, string>>, whole: string): Partial<Record<string, string>> {
  const out = {...g}
  for (const k of CASED_GROUPS) if (out[k] !== undefined) out[k] = whole
  return out
}

export function extractHours(text: string): HoursSpec[] {
  const out: HoursSpec[] = []
  if (!HOURS_HINT.test(text)) return out
  let group: Part[] = []
  const flush = (): void => {
    const spec = buildHours(group, text)
    if (spec !== undefined) out.push(oneZonePlace(spec, text))
    group = []
  }
  const {re, subject} = HOURS_RE(text)
  scan(re, subject, (m, g) => {
    const prev = group[group.length - 1]
    // only look at short gaps, so that a run of rejected matches cannot make this quadratic
    const gap = prev === undefined || m.index - prev.end > 80 ? undefined : text.slice(prev.end, m.index)
    // a bare range reads as clock times beside its days or after a word of opening: "Mon-Fri 8-6", "9 to 5, Monday to
    // Friday", "open 9 to 5"
    const end = m.index + m[0].length
    const beside =
      (prev?.role === 'days' && gap !== undefined && /^[\s,:]{0,3}$/.test(gap)) ||
      (g['t1'] !== undefined && (DAYS_NEXT.test(text.slice(end, end + 16)) || OPENING_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))))
    const p = hoursPart(m, subject === text ? g : asWritten(g, text.slice(m.index, end)), beside)
    if (p === undefined) return false
    // a bare "Pacific"/"Central" is a time zone only right after a time range
    if (p.bareTz && (prev === undefined || (prev.role !== 'time' && prev.role !== 'both') || gap === undefined || !/^[\s(]{0,3}$/.test(gap))) return true
    // a zone restated as its abbreviation in brackets ("East Africa Time (EAT)") is the same zone, and so is each gloss of
    // it in one bracket ("AST (Atlantic Standard Time, UTC−4)": its name, then its offset)
    if (p.role === 'tz' && prev?.role === 'tz' && gap !== undefined && RESTATED_ZONE.test(gap)) return true
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

/** The `hours` kind: its extractor and its cheap pre-check. */
export const hours: ValueKind<HoursSpec> = {extract: extractHours, mayHold: (text) => HOURS_HINT.test(text)}

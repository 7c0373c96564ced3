// Value kind durations: Stated lengths of time: "within 4 business hours", "thirty (30) minutes".
import type {ValueKind} from './kind.js'
import {type Match, type TimeUnit, HY, durationToMinutes, scan, unitOf, DASH, NUM_SRC, parseNumber, span, DUR_UNIT} from './common.js'
import {lazyCaselessRegExp} from './caseless.js'

/** A stated length of time, e.g. "four (4) business hours". `minutes` counts business days as whole calendar days (1440). */
export interface Duration extends Match { kind: 'duration'; value: number; unit: TimeUnit; business: boolean; minutes: number }

/** "a"/"an"/"half an" as a number, but not the "a" of "2 hours a day" or "once a week". */
const A_NUM = String.raw`(?<!\b(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|times|once|twice|thrice|per)\s{1,3})\b(?:half(?:${HY}{1,2}an?)?|an?(?:${HY}{1,2}half)?)\b`
const DURATION_RE = lazyCaselessRegExp(
  String.raw`\b(?<rel>next|same)${HY}{1,3}(?:business|working|work|support|service|office)${HY}{1,3}day\b|\bNBD\b|` +
    // a day, in calendar terms: "fixed within the day", "within the same day"
    String.raw`\b(?<cal>within${HY}{1,3}the${HY}{1,3}(?:same${HY}{1,3})?day)\b|` +
    // the hour and the working day written as a limit: "within the hour" (one hour), "by close of business" (that day)
    String.raw`\b(?<hr>within${HY}{1,3}the${HY}{1,3}hour)\b|\bby${HY}{1,3}(?:the${HY}{1,3})?(?<cob>close${HY}{1,3}of${HY}{1,3}business)\b|` +
    String.raw`(?<num>${NUM_SRC}|${A_NUM})(?<sep>${HY}{0,3})(?:(?<q>business|working|work|support|service|office|calendar|clock|consecutive|school(?:${HY}{1,3}day(?=${HY}{1,3}h))?)${HY}{0,3})?(?<unit>${DUR_UNIT})(?![a-z])`,
  'g',
)
/**
 * Necessary for any duration, and far cheaper than DURATION_RE: a unit word of two or more letters (every unit is
 * followed by a non-letter), "NBD", or a one-letter unit, which only counts after digits, a ")", a dash/space or a
 * qualifier ("24h", "4 (four) h", "2-d").
 */
const DURATION_HINT = lazyCaselessRegExp(
  String.raw`(?:sec(?:ond)?|minute|min|hour|hr|day|week|wk|month|mo|mth|year|yr)s?(?![a-z])|close${HY}{1,3}of${HY}{1,3}business|ghant|\bdin(?![a-z])|NBD|(?:[\d)\s${DASH}]|business|working|work|calendar|clock|consecutive)[hdwm](?![a-z])`,
)
/** What follows "second" when it ranks rather than times: "second-line", "second level", "second tier", "second opinion". */
const SECOND_RANK = /^[\s-]?(?:line|level|tier|hand|opinion|copy|site|stage|round|half|party)\b/i
const AGE_AFTER = /^\s{1,2}(?:old|ago)\b/i
const HHMM_RE = /^(?:[01]\d|2[0-3])[0-5]\d$/
const CLOCK_CUE_RE = lazyCaselessRegExp(String.raw`(?:\b(?:at|from|until|till|by|before|after|between|to|and)\s{1,3}|[${DASH}]\s{0,2})$`)
const CURRENCY_CHARS = '$£€¥'

/**
 * Find stated durations: "4 hours", "four (4) business hours", "30-minute", "24h", "half an hour", "5 business days",
 * "next business day" / "same business day" / "NBD" (value 1, unit day, business true), "within the day" / "within the
 * same day" (value 1, unit day, calendar), "within the hour" (1 hour), "by close of business" (1 business day). Clock times written as
 * "0800 hours" are not durations.
 */
export function extractDurations(text: string): Duration[] {
  const out: Duration[] = []
  if (!DURATION_HINT().test(text)) return out
  scan(DURATION_RE(), text, (m, g) => {
    let value: number | undefined
    let unit: TimeUnit | undefined = 'day'
    let business = true
    if (g['rel'] !== undefined) {
      value = 1
    } else if (g['cal'] !== undefined) {
      value = 1
      business = false
    } else if (g['hr'] !== undefined) {
      value = 1
      unit = 'hour'
      business = false
    } else if (g['cob'] !== undefined) {
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
      if (unit === 'hour' && HHMM_RE.test(num) && (num.startsWith('0') || CLOCK_CUE_RE().test(text.slice(Math.max(0, m.index - 12), m.index)))) return false
      // seconds only after a number written in digits ("40 seconds", "thirty (30) seconds"): "a second", "one second-line
      // engineer" and "a 2 second-tier" count or rank, they time nothing
      if (unit === 'second' && (!/\d/.test(num) || SECOND_RANK.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)))) return false
      value = parseNumber(num)
      const q = g['q']?.toLowerCase()
      // hours or days on the provider's own clock ("4 support hours", "2 Service Days", "3 office hours") are business time,
      // and so are a school's ("4 School Day Hours", "2 School Days": the days its schools are in session)
      business = q === 'business' || q === 'working' || q === 'work' || q === 'support' || q === 'service' || q === 'office' || q?.startsWith('school') === true
    }
    if (value === undefined || unit === undefined) return false
    // an age or a time past ("three years old", "two weeks ago") measures no act: not a duration to do anything in
    if (AGE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return false
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

/** The `durations` kind: its extractor and its cheap pre-check. */
export const durations: ValueKind<Duration> = {extract: extractDurations, mayHold: (text) => DURATION_HINT().test(text)}

/** "1 hour", "90 minutes", "4 hours", "1 day", "1 week". */
export function formatMinutes(minutes: number): string {
  const unit = (n: number, word: string) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${word}${n === 1 ? '' : 's'}`
  if (minutes % 10080 === 0) return unit(minutes / 10080, 'week')
  if (minutes % 1440 === 0 && minutes > 1440) return unit(minutes / 1440, 'day')
  if (minutes % 60 === 0) return unit(minutes / 60, 'hour')
  if (minutes < 1) return unit(Math.round(minutes * 60), 'second')
  if (minutes < 60) return unit(minutes, 'minute')
  return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`
}

// What every value kind shares: the span type, time units and the scanning helpers.
import {DASH} from './numbers.js'

export {AT_LETTER, AT_LETTER_OR_DIGIT, DASH, DIGITS_SRC, NUM_SRC, parseNumber} from './numbers.js'

/** A span of the input string: `input.slice(start, end) === text`. */
export interface Match { readonly text: string; readonly start: number; readonly end: number }

/** Units a duration can be stated in. */
export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'

/** Space or dash, as found between a number and its unit ("30-minute", "4 hours"). */
export const HY = String.raw`[\s${DASH}]`

/** Unit words of a duration. */
// romanised Hindi too: "4 ghante" (hours), "7 din" (days); and seconds ("answered within 40 seconds", "75 sec")
export const DUR_UNIT = String.raw`seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|mths?|years?|yrs?|m|ghant(?:a|e|on)|din`

export const UNIT_MINUTES: Readonly<Record<TimeUnit, number>> = {second: 1 / 60, minute: 1, hour: 60, day: 1440, week: 10080, month: 43200, year: 525600}

/** Convert `value` `unit`s to minutes (month = 30 days, year = 365 days). */
export function durationToMinutes(value: number, unit: TimeUnit): number {
  return value * UNIT_MINUTES[unit]
}

/** Run a global regex over `text`. When `accept` returns false the match is discarded and scanning resumes one character later. */
export function scan(re: RegExp, text: string, accept: (m: RegExpExecArray, g: Partial<Record<string, string>>) => boolean): void {
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    if (!accept(m, m.groups ?? {}) || m[0] === '') re.lastIndex = m.index + 1
  }
}

export function span(m: RegExpExecArray): {text: string; start: number; end: number} {
  return {text: m[0], start: m.index, end: m.index + m[0].length}
}

/** The span of a match found in `text` or in a copy of it with the same offsets (text lower-cased in place): as written in `text`. */
export function spanIn(text: string, m: RegExpExecArray): {text: string; start: number; end: number} {
  const end = m.index + m[0].length
  return {text: text.slice(m.index, end), start: m.index, end}
}

export function unitOf(word: string): TimeUnit | undefined {
  const w = word.toLowerCase()
  if (w === 'm' || w.startsWith('mi')) return 'minute'
  if (w.startsWith('s')) return 'second'
  if (w.startsWith('gh')) return 'hour'
  if (w.startsWith('h')) return 'hour'
  if (w.startsWith('d')) return 'day'
  if (w.startsWith('w')) return 'week'
  if (w.startsWith('mo') || w.startsWith('mth')) return 'month'
  if (w.startsWith('y')) return 'year'
  return undefined
}

export const isUpper = (s: string): boolean => s === s.toUpperCase()
export const isCapitalised = (s: string): boolean => /^[A-Z]/.test(s)

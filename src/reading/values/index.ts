// The value kinds, one file each, and their registry: a new kind is a file exporting a ValueKind and one line below.
import {durations} from './durations.js'
import {frequencies} from './frequencies.js'
import {hours} from './hours.js'
import type {ValueKind} from './kind.js'
import {money} from './money.js'
import {multipliers} from './multipliers.js'
import {percentages} from './percentages.js'
import {priorities} from './priorities.js'

/** Every value kind, by the name rules read it under (`reading.values(text).durations`). */
export const VALUE_KINDS = {durations, frequencies, percentages, hours, money, multipliers, priorities} as const

export type ValueKindName = keyof typeof VALUE_KINDS

/** The values of one text, one list per kind. */
export type Values = {readonly [K in ValueKindName]: (typeof VALUE_KINDS)[K] extends ValueKind<infer T> ? readonly T[] : never}

/**
 * Each kind's pre-check, for callers that visit many texts: false means the kind's extractor finds nothing in the
 * text, so the caller can skip even the per-document lookup of its values (which costs more than the test).
 */
export const mayHold: {readonly [K in ValueKindName]: (text: string) => boolean} = Object.fromEntries(Object.entries(VALUE_KINDS).map(([k, v]) => [k, v.mayHold])) as {
  readonly [K in ValueKindName]: (text: string) => boolean
}

export type {ValueKind} from './kind.js'
export {durationToMinutes, parseNumber, type Match, type TimeUnit} from './common.js'
export {extractDurations, formatMinutes, parseDurationOption, type Duration} from './durations.js'
export {extractFrequencies, type Frequency} from './frequencies.js'
export {extractPercentages, type Percentage, type Period} from './percentages.js'
export {extractHours, zoneIn, type HoursSpec, type Weekday} from './hours.js'
export {extractMoney, type Money} from './money.js'
export {extractMultipliers, type Multiplier} from './multipliers.js'
export {extractPriorities, type Priority} from './priorities.js'

/**
 * The values of one text, each kind extracted on first use. The getters are made from the registry, once; the answers
 * sit in an array by kind, so every getter reads an object of one shape (a plain object filled in whatever order the
 * kinds are read takes a new shape each time, and the lookups that touch it slow down).
 */
class LazyValues {
  readonly found: unknown[] = EMPTY.slice()
  constructor(readonly text: string) {}
}
const KIND_NAMES = Object.keys(VALUE_KINDS) as ValueKindName[]
const EMPTY: unknown[] = Array.from({length: KIND_NAMES.length}, () => undefined)
KIND_NAMES.forEach((name, i) => {
  const extract = VALUE_KINDS[name].extract
  Object.defineProperty(LazyValues.prototype, name, {
    get(this: LazyValues) {
      return (this.found[i] ??= extract(this.text))
    },
  })
})

/** The values of a text, each kind extracted when first read (a Reading keeps one per distinct text of its document). */
export function lazyValues(text: string): Values {
  return new LazyValues(text) as unknown as Values
}

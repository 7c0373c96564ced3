// Shared pieces of clause judgement: typed values per text (memoised) and the wording classes judges test for.
import {withFlags} from './user-regex.js'
import {
  extractDurations,
  extractFrequencies,
  extractHours,
  extractMoney,
  extractMultipliers,
  extractPercentages,
  extractPriorities,
  type Duration,
  type Frequency,
  type HoursSpec,
  type Money,
  type Multiplier,
  type Percentage,
  type Priority,
} from './values.js'

export interface Values {
  readonly durations: readonly Duration[]
  readonly frequencies: readonly Frequency[]
  readonly percentages: readonly Percentage[]
  readonly hours: readonly HoursSpec[]
  readonly money: readonly Money[]
  readonly multipliers: readonly Multiplier[]
  readonly priorities: readonly Priority[]
}

/**
 * The values of one text, each kind extracted on first use. A class rather than an object literal with getters:
 * V8 builds such literals through the runtime, which made valuesOf itself costlier than most extractions.
 */
class LazyValues implements Values {
  private d: Duration[] | undefined
  private f: Frequency[] | undefined
  private pc: Percentage[] | undefined
  private h: HoursSpec[] | undefined
  private mo: Money[] | undefined
  private mu: Multiplier[] | undefined
  private pr: Priority[] | undefined
  constructor(private readonly text: string) {}
  get durations(): Duration[] {
    return (this.d ??= extractDurations(this.text))
  }
  get frequencies(): Frequency[] {
    return (this.f ??= extractFrequencies(this.text))
  }
  get percentages(): Percentage[] {
    return (this.pc ??= extractPercentages(this.text))
  }
  get hours(): HoursSpec[] {
    return (this.h ??= extractHours(this.text))
  }
  get money(): Money[] {
    return (this.mo ??= extractMoney(this.text))
  }
  get multipliers(): Multiplier[] {
    return (this.mu ??= extractMultipliers(this.text))
  }
  get priorities(): Priority[] {
    return (this.pr ??= extractPriorities(this.text))
  }
}

const cache = new Map<string, Values>()

/** Typed values in a text, computed once per distinct text. */
export function valuesOf(text: string): Values {
  let v = cache.get(text)
  if (!v) {
    v = new LazyValues(text)
    if (cache.size > 20_000) cache.clear()
    cache.set(text, v)
  }
  return v
}

/** Time words with no number: "promptly", "as soon as possible", "same day where possible". */
export const VAGUE_TIME =
  /\b(?:promptly|prompt|timely|quickly|swiftly|expeditiously|as soon as (?:reasonably )?(?:possible|practicable|practical|feasible)|without (?:undue )?delay|in a timely (?:manner|fashion)|within a reasonable (?:time|period|timeframe)|reasonable (?:time|period|timeframe)|best[- ](?:efforts?|endeavou?rs?)|reasonable (?:efforts?|endeavou?rs?)|commercially reasonable|will vary|varies|where possible|when possible|if possible|as quickly as|at the earliest|immediately|instantly|right away|on the spot|same[- ]day where possible|in due course|in good time)\b/i

/** A charge stated in words: included, at no extra cost, free of charge. */
export const INCLUDED_CHARGE =
  /\b(?:included in (?:the|your)\b|(?:is|are) included\b|at no (?:additional|extra|further) (?:charge|cost|fee)|no (?:additional|extra|further) (?:charge|cost|fee)|free of charge|without (?:additional |extra )?charge|covered by (?:the|your) (?:monthly|fixed|annual|recurring|subscription|service) (?:fee|charge|price)s?)/i

/** Stated rates in words: "at the Provider's standard hourly rates". */
export const RATE_WORDS = /\b(?:(?:then[- ])?(?:current|standard|prevailing|published|normal|usual|hourly|time and materials) (?:hourly |labou?r )?rates?|time and materials|time[- ]and[- ]a[- ]half|double time)\b/i

/** A measurable value of any kind in a text. */
export function hasNumber(text: string): boolean {
  const v = valuesOf(text)
  return v.durations.length > 0 || v.frequencies.length > 0 || v.percentages.length > 0 || v.money.length > 0 || v.hours.some((h) => h.from !== undefined)
}

/** Index of the first match of a regex, or -1. */
export function indexOf(text: string, re: RegExp): number {
  const m = re.exec(text)
  return m ? m.index : -1
}

/** Minimal view of a unit for scoping (avoids a cycle with clauses.ts). */
interface Scoped {
  readonly text: string
  readonly block: {readonly header?: readonly string[]; readonly cells?: readonly string[]}
}

/**
 * The text in which a clause's value may sit. In a table row, a value belongs to its column: the cells
 * whose header matches `header` (or, with no such column, cells that mention the topic). In prose, a value
 * belongs to the statement it is attached to: a window around each topic word, not crossing a ";".
 */
export function scopedText(unit: Scoped, topic: RegExp, header?: RegExp): string {
  const {cells, header: heads} = unit.block
  if (cells && heads) {
    const byHeader = header ? cells.filter((_, i) => header.test(heads[i] ?? '')) : []
    if (byHeader.length) return byHeader.join(' | ')
    return cells.filter((c) => topic.test(c)).join(' | ')
  }
  const t = unit.text
  let g = globalTopics.get(topic)
  if (!g) globalTopics.set(topic, (g = withFlags(topic, topic.flags.includes('g') ? topic.flags : `${topic.flags}g`)))
  const parts: string[] = []
  for (const m of t.matchAll(g)) {
    const at = m.index ?? 0
    let from = Math.max(0, at - 120)
    let to = Math.min(t.length, at + m[0].length + 110)
    // look for a ";" only inside the window (the last one at or before the match, the first one from it), so that
    // many matches in one long sentence stay linear
    for (let i = at; i >= from; i--) {
      if (t.charCodeAt(i) === SEMICOLON) {
        from = i + 1
        break
      }
    }
    for (let i = at; i < to; i++) {
      if (t.charCodeAt(i) === SEMICOLON) {
        to = i
        break
      }
    }
    parts.push(t.slice(from, to))
  }
  return parts.join(' … ')
}

const SEMICOLON = 0x3b
/** The global form of each topic regex scopedText is given (matchAll copies it, so sharing one is safe). */
const globalTopics = new WeakMap<RegExp, RegExp>()

// Value kind percentages: Stated percentages with their measurement period: "99.9% per calendar month".
import type {ValueKind} from './kind.js'
import {type Match, HY, scan, NUM_SRC, parseNumber, spanIn} from './common.js'
import {lazyCaseFreeRegExp, lazyCaselessRegExp} from './caseless.js'

/** Measurement periods a percentage can be tied to. */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year'

/** A stated percentage, with the measurement period named in the same sentence if any. */
export interface Percentage extends Match { kind: 'percentage'; value: number; period?: Period }

const PCT_SIGN = String.raw`(?:%|percent(?![a-z])|per${HY}?cent(?![a-z])|pct\b)`
// a percentage written with a decimal comma ("99,5%", "99,95 %"), as continental agreements write it: a comma in a
// number below 100 before one or two digits is no thousands separator ("1,000%" is a thousand)
const DECIMAL_COMMA_PCT = String.raw`(?<![\d.,])\d{1,2},\d{1,2}(?![\d.,])`
const PERCENT_RE = lazyCaseFreeRegExp(
  String.raw`(?:(?<dc>${DECIMAL_COMMA_PCT})|(?<num>${NUM_SRC}))\s{0,2}${PCT_SIGN}(?:\s{0,3}\(\s{0,2}(?<alt>${NUM_SRC})\s{0,2}${PCT_SIGN}\s{0,2}\))?`,
  'g',
)
/** Necessary for any percentage: a sign ("%", "percent", "per cent", "pct"). */
const PERCENT_HINT = lazyCaselessRegExp(String.raw`%|per${HY}?cent|pct`)
// Reading: a period is named by its unit after a word that distributes it over every such unit ("per", "each", "every",
// "in each"), with any one word qualifying the unit between them ("in each settlement month", "per contract month", "every
// reporting quarter") as with the usual ones ("per calendar month"); after "a" or "any" only the usual qualifiers ("in a
// calendar month"), since "within a business day" is a time to do something, not a period; a qualifier in capitals names
// a defined term ("each Service Month"), which its definition reads
const PERIOD_RE = lazyCaselessRegExp(
  String.raw`\b(?:(?:(?:per|each|every|in\s{1,3}(?:each|every)|over\s{1,3}each)\s{1,3}(?:(?<q>[a-z][a-z-]{2,19})\s{1,3})?|(?:any|a|in\s{1,3}(?:a|any)|over\s{1,3}(?:a|any))\s{1,3}(?:(?:given|single|full|calendar|billing|fiscal|rolling|measurement)\s{1,3})?|(?:calendar|billing|fiscal)\s{1,3})(?<pu>day|week|month|quarter|year|annum)|(?<pa>daily|weekly|monthly|quarterly|annually|annual|yearly))\b`,
  'g',
)
const USUAL_QUALIFIER = /^(?:given|single|full|calendar|billing|fiscal|rolling|measurement)$/i
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
  if (!PERCENT_HINT().test(text)) return out
  // (the groups are read without case; the span is taken from the text as written)
  const {re, subject} = PERCENT_RE(text)
  scan(re, subject, (m, g) => {
    const value = g['dc'] !== undefined ? Number(g['dc'].replace(',', '.')) : parseNumber(g['num'] ?? '') ?? parseNumber(g['alt'] ?? '')
    if (value === undefined) return false
    out.push({kind: 'percentage', ...spanIn(text, m), value})
    return true
  })
  if (out.length === 0) return out
  const pStarts: number[] = []
  const pEnds: number[] = []
  const pKinds: Period[] = []
  scan(PERIOD_RE(), text, (m, g) => {
    // (a word in capitals before the unit names a defined term, read by its definition: "each Service Month")
    const q = g['q'] === undefined ? '' : (/\s(\S+)\s+\S+$/.exec(m[0])?.[1] ?? '')
    if (/^[A-Z]/.test(q) && !USUAL_QUALIFIER.test(q)) return true
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

/** The `percentages` kind: its extractor and its cheap pre-check. */
export const percentages: ValueKind<Percentage> = {extract: extractPercentages, mayHold: (text) => PERCENT_HINT().test(text)}

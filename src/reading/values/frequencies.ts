// Value kind frequencies: Stated repetitions: "every 6 hours", "daily", "twice a week", "4× per day" (a count of times written
// with the multiplication sign, as with "x").
import type {ValueKind} from './kind.js'
import {type Match, HY, UNIT_MINUTES, durationToMinutes, scan, unitOf, DASH, NUM_SRC, parseNumber, spanIn, DUR_UNIT} from './common.js'
import {lazyCaseFreeRegExp, lazyCaselessRegExp} from './caseless.js'

/** A stated repetition, e.g. "every 6 hours". `intervalMinutes` is 0 for continuous / real-time. */
export interface Frequency extends Match { kind: 'frequency'; intervalMinutes: number }

// ("h" only after a figure: "every 2 h", "every 4h")
const FREQ_UNIT = String.raw`minutes?|mins?|hours?|hrs?|h|days?|nights?|evenings?|mornings?|weekdays?|weeks?|fortnights?|months?|quarters?|years?|annum|(?:mon|tues|wednes|thurs|fri|satur|sun)days?`
// romanised Hindi too: "roz", "rozana", "har din", "pratidin" (daily)
const ADVERB = String.raw`roz(?:ana)?|pratidin|har${HY}{1,3}(?:din|roz)|hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly|(?:bi|semi)[${DASH}]?(?:weekly|monthly|annually|yearly)`
const FREQUENCY_RE = lazyCaseFreeRegExp(
  String.raw`\b(?:(?<mult>once|twice|thrice|${NUM_SRC}\s{0,3}(?:times|x|×))${HY}{1,3})?(?:` +
    String.raw`(?<per>a|an|per|each|every|in\s{1,3}(?:a|each|every))${HY}{1,3}(?:(?<other>other|second|alternate)\s{1,3})?(?:(?<n>${NUM_SRC})${HY}{0,3})?(?:(?:business|working|calendar|clock|school|week)${HY}{1,3})?(?<u>${FREQ_UNIT})` +
    String.raw`|(?:(?<an>${NUM_SRC})(?<ansep>${HY}{0,2}))?(?<adv>${ADVERB})` +
    String.raw`|at\s{1,3}(?<in>${NUM_SRC})${HY}{0,3}(?<iu>${DUR_UNIT})(?:ly)?\s{1,3}intervals?` +
    String.raw`|intervals?\s{1,3}of\s{1,3}(?:(?:no|not)\s{1,3}(?:more|greater|longer)\s{1,3}than\s{1,3})?(?<in2>${NUM_SRC})${HY}{0,3}(?<iu2>${DUR_UNIT})` +
    String.raw`|(?<cont>continuous(?:ly)?|(?:near${HY}{1,2})?real${HY}?time))(?![a-z])`,
  'g',
)
const ADVERB_MINUTES = new Map<string, number>([
  ['hourly', 60], ['daily', 1440], ['nightly', 1440], ['weekly', 10080], ['fortnightly', 20160], ['monthly', 43200],
  ['quarterly', 129600], ['annually', 525600], ['yearly', 525600], ['biweekly', 20160], ['semiweekly', 5040],
  ['bimonthly', 86400], ['semimonthly', 21600], ['biannually', 262800], ['semiannually', 262800], ['biyearly', 262800],
  ['semiyearly', 262800], ['roz', 1440], ['rozana', 1440], ['pratidin', 1440], ['hardin', 1440], ['harroz', 1440],
])
/** Necessary for any frequency: a unit (followed by a non-letter), an adverb, "interval", "continuous" or "real(-)time". */
const FREQUENCY_HINT =
  /(?:minute|min|hour|hr|day|night|evening|morning|week|fortnight|month|quarter|year)s?(?![a-z])|\d\s?h(?![a-z])|annum|hourly|daily|nightly|weekly|monthly|quarterly|annually|yearly|interval|continuous|real|\broz|pratidin|\bhar\s+din/i
/**
 * Necessary for any frequency found, and far more selective than FREQUENCY_HINT: a unit counts only after "each" or
 * "every", or with a count of times before it ("once", "twice", "thrice", "3 times", "2x a day"), so most sentences that
 * name a unit ("within 4 hours") hold none of these; or an adverb ("daily", "rozana", "har din"), "interval",
 * "continuous" or "real(-)time". Both must pass.
 */
const FREQUENCY_FOUND = lazyCaselessRegExp(
  String.raw`each|every|once|twice|thrice|times|[x×]${HY}|roz|pratidin|har${HY}|hourly|daily|nightly|weekly|monthly|quarterly|annually|yearly|interval|continuous|real`,
)
/** The pre-check: both hints (see FREQUENCY_FOUND). */
const mayHoldFrequency = (text: string): boolean => FREQUENCY_HINT.test(text) && FREQUENCY_FOUND().test(text)
const DASH_RE = new RegExp(`[${DASH}]`)
const MULT_WORDS = new Map<string, number>([['once', 1], ['twice', 2], ['thrice', 3]])
const TIMES_SUFFIX_RE = /\s*(?:times|x|×)$/i

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
  if (!mayHoldFrequency(text)) return out
  // (the groups are read without case; the span is taken from the text as written)
  const {re, subject} = FREQUENCY_RE(text)
  scan(re, subject, (m, g) => {
    let interval: number | undefined
    const mult = g['mult']
    const count = mult === undefined ? 1 : MULT_WORDS.get(mult.toLowerCase()) ?? parseNumber(mult.replace(TIMES_SUFFIX_RE, ''))
    if (count === undefined || count <= 0) return false
    if (g['cont'] !== undefined) {
      interval = 0
    } else if (g['u'] !== undefined) {
      const per = (g['per'] ?? '').toLowerCase()
      if (mult === undefined && per !== 'each' && per !== 'every') return false // "a day", "per month" alone
      // Reading: the unit's letter after a figure is the unit ("every 2 h" as "every 2 hours"); alone it is a letter
      if (g['u'].toLowerCase() === 'h' && g['n'] === undefined) return false
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
        if (base === 1440 || !DASH_RE.test(g['ansep'] ?? '')) return false
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
    out.push({kind: 'frequency', ...spanIn(text, m), intervalMinutes: interval})
    return true
  })
  return out
}

/** The `frequencies` kind: its extractor and its cheap pre-check. */
export const frequencies: ValueKind<Frequency> = {extract: extractFrequencies, mayHold: mayHoldFrequency}

// Value kind multipliers: Rate multipliers: "1.5×", "time and a half", "200% of the normal rate", "a surcharge of 50%", "50% above the hourly rate".
import type {ValueKind} from './kind.js'
import {type Match, HY, scan, DASH, DIGITS_SRC, NUM_SRC, parseNumber, spanIn} from './common.js'
import {lazyCaseFreeRegExp, lazyCaselessRegExp} from './caseless.js'

/** A rate multiplier such as "1.5×", "time and a half" or "200% of the normal rate". */
export interface Multiplier extends Match { kind: 'multiplier'; factor: number }

const RATE_WORDS = String.raw`(?:rates?|fees?|charges?|prices?|pricing|tariffs?|costs?)(?![a-z])`
const UP_TO_4_WORDS = String.raw`(?:[a-z${DASH}]+\s{1,3}){0,4}?`
const NOT_FREQUENCY = String.raw`(?!\s{1,3}(?:a|an|per|each|every|daily|weekly|monthly|yearly|annually|hourly|nightly|in\s{1,3}(?:a|any|each)|within)\b)`
// a rise by the year, or by an index, follows within a few words: "by 3% each year", "by 3% on each anniversary", "in line with CPI"
const NOT_YEARLY = String.raw`(?![^.;:]{0,40}(?<![a-z])(?:years?|annual|annually|yearly|anniversary|cpi|rpi|inflation|index)(?![a-z]))`
const MULTIPLIER_RE = lazyCaseFreeRegExp(
  String.raw`(?<xn>${DIGITS_SRC})\s?[x×](?![a-z\d])(?!\s{0,2}\d)${NOT_FREQUENCY}` +
    String.raw`|(?<!\d\s{0,2})(?<![a-z\d])[x×]\s?(?<xp>${DIGITS_SRC})(?![a-z\d])` +
    String.raw`|(?<tn>${NUM_SRC})${HY}{1,3}times(?![a-z])${NOT_FREQUENCY}` +
    String.raw`|\b(?<tah>time${HY}{1,3}and${HY}{1,3}(?:a|one)${HY}{1,3}half)\b` +
    String.raw`|\b(?<dt>double|triple|treble)${HY}{1,3}time\b` +
    String.raw`|\b(?<tw>twice|double|triple|treble)\s{1,3}${UP_TO_4_WORDS}${RATE_WORDS}` +
    // Reading: a charge counted in prepaid units is charged as a rate is: "cost double credits", "draws twice the tokens"
    // (not the service credits a service level gives back, which no unit word before "credits" here names)
    String.raw`|\b(?<tc>twice|double|triple|treble)\s{1,3}(?:(?:the|as${HY}{1,3}many)\s{1,3})?(?:(?:support|prepaid|ticket)\s{1,3})?(?:credits|tokens)(?![a-z])` +
    String.raw`|(?<pn>${NUM_SRC})\s{0,2}(?:%|percent(?![a-z])|per${HY}?cent(?![a-z]))\s{1,3}of\s{1,3}${UP_TO_4_WORDS}(?:rates?|pricing|tariffs?)(?![a-z])` +
    // a percentage added to a rate: "a surcharge of 50% on the hourly rate", "a 25% uplift", "the surcharge is 100%",
    // "charged with an addition of 50% on the hourly value" (a translated surcharge)
    String.raw`|\b(?:surcharges?|premiums?|uplifts?|supplements?|loadings?|mark${HY}?ups?|additions?)\s{1,3}(?:of|is|are|will be|amounts? to)\s{1,3}(?<sn>${NUM_SRC})\s{0,2}(?:%|percent(?![a-z])|per${HY}?cent(?![a-z]))` +
    String.raw`|(?<sp>${NUM_SRC})\s{0,2}(?:%|percent(?![a-z])|per${HY}?cent(?![a-z]))\s{1,3}(?:surcharges?|premiums?|uplifts?|supplements?|loadings?|mark${HY}?ups?)(?![a-z])` +
    // Reading: a percentage by which a rate is raised is a multiplier, whatever the word for the raise: "charged with 50%
    // increase over the hourly fee", "50% above the standard rate", "50% on top of the hourly rate", "the hourly rate
    // increased by 50%", "an increase of 50%" (a price rise by the year is no multiplier: "fees increase by 3% each year")
    String.raw`|(?<ip>${NUM_SRC})\s{0,2}(?:%|percent(?![a-z])|per${HY}?cent(?![a-z]))\s{1,3}(?:(?:increase|increment|extra|more|higher)\s{1,3})?(?:over|above|on\s{1,3}top\s{1,3}of|in\s{1,3}excess\s{1,3}of|than)\s{1,3}${UP_TO_4_WORDS}${RATE_WORDS}` +
    String.raw`|\b(?:(?:increased|raised|marked${HY}{1,3}up)\s{1,3}by|(?:an\s{1,3})?(?:increase|increment)\s{1,3}of)\s{1,3}(?<ib>${NUM_SRC})\s{0,2}(?:%|percent(?![a-z])|per${HY}?cent(?![a-z]))${NOT_YEARLY}`,
  'g',
)
/**
 * Necessary for any multiplier, one part of it for each form: "x"/"×" touching digits, "times" ("1.5 times"), "time and"
 * ("time and a half"), double/triple/treble/twice ("double time", "twice the rate"), or a percent sign. ("time" alone, in
 * most sentences of an agreement, "response time", is in no multiplier that none of the others is in.)
 */
const MULTIPLIER_HINT = lazyCaselessRegExp(String.raw`\d\s?[x×]|[x×]\s?\d|times|time${HY}{1,3}and|double|triple|treble|twice|%|per${HY}?cent`)
const WORD_FACTOR = new Map<string, number>([['twice', 2], ['double', 2], ['triple', 3], ['treble', 3]])

/**
 * Find rate multipliers: "1.5×", "1.5x the standard rate", "1.5 times", "one and a half times", "time and a half" (1.5),
 * "double time", "twice the standard rate", "double the hourly rate" (2), "150% of the standard hourly rate" (1.5), a
 * percentage added to a rate: "a surcharge of 50% on the hourly rate", "a 25% uplift" (1.5, 1.25).
 * "three times a week" is a frequency and "5% of the Monthly Fee" a credit, so neither is a multiplier.
 */
export function extractMultipliers(text: string): Multiplier[] {
  const out: Multiplier[] = []
  if (!MULTIPLIER_HINT().test(text)) return out
  // (the groups are read without case; the span is taken from the text as written)
  const {re, subject} = MULTIPLIER_RE(text)
  scan(re, subject, (m, g) => {
    let factor: number | undefined
    if (g['tah'] !== undefined) factor = 1.5
    else if (g['dt'] !== undefined || g['tw'] !== undefined || g['tc'] !== undefined) factor = WORD_FACTOR.get((g['dt'] ?? g['tw'] ?? g['tc'] ?? '').toLowerCase())
    else if (g['pn'] !== undefined) factor = (parseNumber(g['pn']) ?? NaN) / 100
    else if (g['sn'] !== undefined || g['sp'] !== undefined || g['ip'] !== undefined || g['ib'] !== undefined) factor = 1 + (parseNumber(g['sn'] ?? g['sp'] ?? g['ip'] ?? g['ib'] ?? '') ?? NaN) / 100
    else factor = parseNumber(g['xn'] ?? g['xp'] ?? g['tn'] ?? '')
    if (factor === undefined || !Number.isFinite(factor) || factor <= 0) return false
    out.push({kind: 'multiplier', ...spanIn(text, m), factor})
    return true
  })
  return out
}

/** The `multipliers` kind: its extractor and its cheap pre-check. */
export const multipliers: ValueKind<Multiplier> = {extract: extractMultipliers, mayHold: (text) => MULTIPLIER_HINT().test(text)}

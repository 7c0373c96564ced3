// Value kind money: Stated amounts of money with currency and charging unit: "$165 per hour".
import type {ValueKind} from './kind.js'
import {type Match, HY, scan, isUpper, span} from './common.js'
import {lazyCaselessRegExp} from './caseless.js'

/** A stated amount of money. `currency` is an ISO 4217 code; `per` is the charging unit (hour, month, incident, device, user, year, day, call, ...). */
export interface Money extends Match { kind: 'money'; amount: number; currency: string; per?: string }

const CODES = 'USD|GBP|EUR|AUD|CAD|NZD|CHF|JPY|INR|SGD|ZAR|HKD|SEK|NOK|DKK|PLN|AED|KES|UGX|TZS|RWF|NGN|GHS|EGP|MAD|MYR|IDR|THB|VND|PKR|BDT|LKR|NPR|CNY|RMB|KRW|TWD|ILS|SAR|QAR|KWD|BHD|OMR|BRL|MXN|ARS|CLP|COP|CZK|HUF|RON|ISK|PHP|UF'
// An amount written with a decimal comma, as continental agreements write money ("€ 95,50", "1.250,00 EUR"):
// a comma before exactly two final digits, the thousands grouped by dots or no-break spaces; "1,500" (three digits) is a thousand
const DECIMAL_COMMA = String.raw`(?:\d{1,3}(?:[.\u00a0\u202f]\d{3})+|\d+),\d{2}(?![\d,]|\.\d)`
const AMOUNT = String.raw`(?:${DECIMAL_COMMA}|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d))(?:(?:k|m|bn)(?![a-z])|\s{1,2}(?:thousand|million|billion)\b)?`
const PER_UNIT = String.raw`hour|hr|h|month|mth|mo|incident|ticket|device|endpoint|workstation|server|computer|machine|user|seat|employee|mailbox|year|yr|annum|day|call${HY}?out|call|visit|week|site|licen[cs]e`
const PER = String.raw`(?:\s{0,2}(?:/|\bper\b|\ban?\b|\beach\b|\bevery\b)\s{0,2}(?:(?:billable|chargeable|calendar|managed|named|supported|additional|active|covered|individual|engineer|technician|on${HY}?site)\s{1,2})?(?<pu>${PER_UNIT})(?:s|es)?(?![a-z])|\s{1,2}(?<padv>hourly|monthly|annually|yearly|daily|weekly|quarterly)(?![a-z])|\s{0,2}(?<pab>p\.?\s?a\.?|pcm|p/h)(?![a-z]))?`
// An amount followed by a currency named in a lower-case word is money, as translated agreements write it ("15,000 yen
// per hour", "2.500 zlotych", "900 ringgit"); only words that name one currency, and only in lower case: a capitalised
// word after a number is a name ("12 Yuan Street")
const NAMED_CURRENCY = new Map<string, string>([
  ['yen', 'JPY'], ['rupee', 'INR'], ['reais', 'BRL'], ['zlot', 'PLN'], ['ringgit', 'MYR'], ['baht', 'THB'],
  ['yuan', 'CNY'], ['renminbi', 'CNY'], ['naira', 'NGN'], ['forint', 'HUF'], ['rupiah', 'IDR'], ['lei', 'RON'], ['leu', 'RON'],
])
const NAMED_WORDS = String.raw`yen|rupees?|reais|zlot(?:y|ys|ych|e)|ringgit|baht|yuan|renminbi|naira|forints?|rupiah|lei|leu`
const MONEY_RE = lazyCaselessRegExp(
  String.raw`(?:(?:\b(?<c1>${CODES})\s{0,2})?(?:\b(?<pre>US|AU|A|CA|C|NZ|S|HK)\s?)?(?<sym>[$£€¥])\s{0,2}(?<a1>${AMOUNT})` +
    String.raw`|\b(?<c2>${CODES})\s{0,2}(?<a2>${AMOUNT})` +
    // the rand and the rupee by their signs: "R750.00", "R 1,200", "₹1,500", "Rs. 2,000", "Rs 800"
    // other currencies by their local signs: "RM 2,480" (ringgit), "KSh 4,500" (shilling), "₦450,000" (naira)
    String.raw`|(?:(?<rand>\bR)|(?<rupee>₹|\bRs\.?)|(?<local>\bRM|\bKSh|[₦₱฿₩₺₫₪]))\s?(?<a4>${AMOUNT})` +
    String.raw`|(?<![\d.,$£€¥])(?<a3>${AMOUNT})\s{0,2}(?:(?<c3>${CODES})\b|(?<s3>[$£€¥])(?![\d.,])|(?<w>(?:(?:US|U\.S\.|Australian|Canadian|New\s{1,2}Zealand|Singapore|Hong\s{1,2}Kong)\s{1,2})?dollars?|pounds?(?:\s{1,2}sterling)?|sterling|euros?|cents?|pence|${NAMED_WORDS})(?![a-z])))${PER}`,
  'g',
)
/** The currency codes and words whose presence the hint looks for. */
export const MONEY_WORDS: readonly string[] = [...CODES.split('|').filter((c) => c !== 'UF'), 'dollar', 'pound', 'sterling', 'euro', 'cent', 'pence', ...[...NAMED_CURRENCY.keys()].filter((w) => w !== 'lei' && w !== 'leu')]
/** The rest of the hint: currency signs, the rand, rupee, ringgit and shilling written before a number, and the words too short to
 * look for inside other words ("UF", "lei": not "Raleigh"). */
export const MONEY_SIGNS = String.raw`[$£€¥₹₦₱฿₩₺₫₪]|\bRs\b|\bR ?\d|\b(?:RM|KSh) ?\d|(?<![a-z])UF\b|(?<![a-z])le[iu]\b`
/**
 * Words as one alternation grouped by their first letter ("u(?:sd|gx)|g(?:bp|hs|…)|…"). For a test it matches where the
 * flat list matches (the same words, in another order), but V8 tries one branch per position where the flat list of
 * ~60 words tries each word: the money hint, run on every text a rule reads the values of, took 2.4× as long flat.
 * The words are plain letters; the grouping ignores case (the hint is caseless).
 */
export function byFirstLetter(words: readonly string[]): string {
  const groups = new Map<string, string[]>()
  for (const w of words) {
    const k = w[0]!.toLowerCase()
    let rest = groups.get(k)
    if (!rest) groups.set(k, (rest = []))
    rest.push(w.slice(1))
  }
  return [...groups].map(([k, rest]) => `${k}(?:${rest.join('|')})`).join('|')
}
/** Necessary for any amount: a currency symbol, code or word. */
const MONEY_HINT = lazyCaselessRegExp(`${MONEY_SIGNS}|${byFirstLetter(MONEY_WORDS)}`)
const DECIMAL_COMMA_AT = new RegExp(`^${DECIMAL_COMMA}`)
const AMOUNT_PARSE_RE = /^([\d,]+(?:\.\d+)?)\s{0,2}([a-z]*)$/i
const SCALE = new Map<string, number>([['', 1], ['k', 1e3], ['thousand', 1e3], ['m', 1e6], ['million', 1e6], ['bn', 1e9], ['billion', 1e9]])
const SYMBOL_CURRENCY = new Map<string, string>([['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'JPY']])
const PREFIX_CURRENCY = new Map<string, string>([['US', 'USD'], ['AU', 'AUD'], ['A', 'AUD'], ['CA', 'CAD'], ['C', 'CAD'], ['NZ', 'NZD'], ['S', 'SGD'], ['HK', 'HKD']])
const LOCAL_SIGNS = new Map<string, string>([['RM', 'MYR'], ['KSh', 'KES'], ['₦', 'NGN'], ['₱', 'PHP'], ['฿', 'THB'], ['₩', 'KRW'], ['₺', 'TRY'], ['₫', 'VND'], ['₪', 'ILS']])
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
  for (const [word, code] of NAMED_CURRENCY) if (s.startsWith(word)) return code
  if (s.startsWith('cent')) return 'USD'
  return 'GBP' // pounds, sterling, pence
}

/**
 * Find amounts of money: "$150/hour", "60 € per hour" (the sign after the amount, as continental agreements write it), "£95 per hour", "€120/hr", "USD 200", "EUR 1,200.00", "AUD $180 per hour",
 * "150 dollars", "$1.5k", "R750.00 per hour", "₹1,500", "Rs. 2,000". A bare "$" is USD; "US$", "A$", "C$", "NZ$" and a
 * leading ISO code override it; "R" is the rand (written as money: "R750.00", "R1,200", "R750 per hour"), "₹" and "Rs" the rupee.
 */
export function extractMoney(text: string): Money[] {
  const out: Money[] = []
  if (!mayHoldAmount(text)) return out
  scan(MONEY_RE(), text, (m, g) => {
    const code = g['c1'] ?? g['c2'] ?? g['c3']
    const pre = g['pre']
    if ((code !== undefined && !isUpper(code)) || (pre !== undefined && !isUpper(pre))) return false
    const w = g['w']
    if (w !== undefined && w !== w.toLowerCase() && [...NAMED_CURRENCY.keys()].some((k) => w.toLowerCase().startsWith(k))) return false
    // a bare "R" before a number is a rand amount only when written as money: with cents or thousands separators
    // ("R750.00", "R1,200") or a charging unit ("R750 per hour"); "R2" or "R 3" alone is a label
    const rand = g['rand'] !== undefined
    if ((rand && g['rand'] !== 'R') || (g['rupee'] !== undefined && /^rs/.test(g['rupee']))) return false
    if (rand && !/[.,]\d/.test(g['a4'] ?? '') && (g['pu'] ?? g['padv'] ?? g['pab']) === undefined) return false
    // a local sign is read in its own case, and a lettered one ("RM", "KSh") only when written as money, like "R"
    const local = g['local']
    const localCode = local === undefined ? undefined : LOCAL_SIGNS.get(local)
    if (local !== undefined && localCode === undefined) return false
    if (local !== undefined && /^[a-z]/i.test(local) && !/[.,]\d/.test(g['a4'] ?? '') && (g['pu'] ?? g['padv'] ?? g['pab']) === undefined) return false
    // a code that is also the name of something else is money only when written as money: "PHP 1,450" or "PHP 290 per
    // machine" (pesos), not "PHP 8.2" (the language); "UF" is Chile's indexed unit of account (ISO 4217 CLF)
    if (code === 'PHP' && !/,\d{3}|\.\d{2}$/.test(g['a2'] ?? g['a3'] ?? '') && (g['pu'] ?? g['padv'] ?? g['pab']) === undefined) return false
    const sign = rand ? 'ZAR' : g['rupee'] !== undefined ? 'INR' : localCode
    const currency = sign ?? (code === 'UF' ? 'CLF' : code) ?? (pre === undefined ? undefined : PREFIX_CURRENCY.get(pre)) ?? SYMBOL_CURRENCY.get(g['sym'] ?? g['s3'] ?? '') ?? (w === undefined ? undefined : wordCurrency(w))
    const written = g['a1'] ?? g['a2'] ?? g['a3'] ?? g['a4'] ?? ''
    const r = AMOUNT_PARSE_RE.exec(DECIMAL_COMMA_AT.test(written) ? written.replace(/[.\u00a0\u202f](?=\d{3})/g, '').replace(',', '.') : written)
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

/**
 * Necessary for an amount and cheaper than the hint alone: every amount is written with a digit (AMOUNT), and most
 * sentences that the hint lets through ("years", "percent", "details") have none.
 */
export function mayHoldAmount(text: string): boolean {
  return DIGIT.test(text) && MONEY_HINT().test(text)
}
const DIGIT = /\d/

/** The `money` kind: its extractor and its cheap pre-check. */
export const money: ValueKind<Money> = {extract: extractMoney, mayHold: (text) => MONEY_HINT().test(text)}

// Shared English number parsing (digits, number words, fractions) and the regex sources used to find numbers in prose.

/** Hyphen and dash characters (hyphen-minus, U+2010..U+2015, minus sign), for use inside a regex character class. */
export const DASH = String.raw`\-\u2010-\u2015\u2212`

const SMALL = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
])
const TENS = new Map<string, number>([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
])

const ONES_ALT = 'one|two|three|four|five|six|seven|eight|nine'
const TEENS_ALT = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen'
const TENS_ALT = 'twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety'
const GAP = String.raw`[\s${DASH}]{1,3}`
/**
 * A lookahead for the first character of what follows it, written where a long alternation (the number words, the day
 * names, the zone abbreviations) is reached by several ways at once, as after `\s{1,3}(?:and\s{1,3})?`. It matches
 * nothing the pattern after it would not, so every match stays the same; but V8's regular expression compiler emits the
 * code of what follows such a point once for each way in (up to ten copies) and only once after a lookahead. Placed so,
 * they cut the compilation of the value patterns, which V8 does afresh in every process (its code cache holds no
 * regular expressions), by about a third: the percentage pattern ~6.7 to ~3 ms, the hours pattern ~9 to ~5 ms.
 */
export const AT_LETTER = '(?=[a-zA-Z])'
/** As AT_LETTER, before a number in digits or words. */
export const AT_LETTER_OR_DIGIT = '(?=[a-zA-Z\\d])'
const LT100 = String.raw`(?:(?:${TENS_ALT})(?:[\s${DASH}]${AT_LETTER}(?:${ONES_ALT}))?|${TEENS_ALT}|${ONES_ALT}|zero)\b`

/**
 * Regex source for a number written in words: "four", "twenty-four", "one hundred and twenty",
 * "ninety-nine point nine", "one and a half". Every quantifier is bounded, so it cannot backtrack badly.
 */
export const WORDS_SRC = String.raw`\b${LT100}(?:\s{1,3}hundred\b(?:\s{1,3}(?:and\s{1,3})?${AT_LETTER}${LT100})?)?(?:\s{1,3}point(?:\s{1,3}(?:zero|${ONES_ALT})\b){1,4})?(?:${GAP}and${GAP}(?:a|one)${GAP}half\b)?`

/**
 * Regex source for a number written in digits: "4", "1,000", "2.5". It never starts inside another number
 * and never stops before a digit or a decimal part, so "4.2.1", "10:30" and "99,9" give no partial numbers.
 */
export const DIGITS_SRC = String.raw`(?<![\d.,:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d)`

const ONE_NUM = `(?:${DIGITS_SRC}|${WORDS_SRC})`

/** Regex source for any number, words or digits, optionally followed by the other form in parentheses: "four (4)", "24 (twenty-four)". */
export const NUM_SRC = String.raw`${ONE_NUM}(?:\s{0,3}\(\s{0,2}${AT_LETTER_OR_DIGIT}${ONE_NUM}\s{0,2}\))?`

const PLAIN_DIGITS_RE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/
const TOKEN_SPLIT_RE = new RegExp(`[\\s${DASH}]+`)
const DASHES_RE = new RegExp(`[${DASH}]`, 'g')

/**
 * Parse an English number: "4", "four", "four (4)", "twenty-four", "1,000", "2.5", "one and a half",
 * "ninety-nine point nine", "half", "a"/"an" (= 1, as in "an hour"). When words and figures are both given,
 * the words prevail (the usual drafting rule); the figures are used only if the words cannot be read.
 */
export function parseNumber(text: string): number | undefined {
  const s = text.trim().toLowerCase()
  if (s === '') return undefined
  const open = s.indexOf('(')
  if (open >= 0 && s.endsWith(')')) {
    const inner = s.slice(open + 1, -1)
    if (open === 0) return parseNumber(inner)
    return parseNumber(s.slice(0, open)) ?? parseNumber(inner)
  }
  if (PLAIN_DIGITS_RE.test(s)) return Number(s.replace(/,/g, ''))
  return parseWords(s.replace(DASHES_RE, ' ').split(TOKEN_SPLIT_RE))
}

function parseWords(tokens: readonly string[]): number | undefined {
  const [first, second] = tokens
  if (tokens.length === 1 && (first === 'a' || first === 'an')) return 1
  if (first === 'half' && (tokens.length === 1 || (tokens.length === 2 && (second === 'a' || second === 'an')))) return 0.5
  if (tokens.length === 2 && (first === 'a' || first === 'an') && second === 'half') return 0.5
  let total = 0
  let current = 0
  let seen = false
  let decimals: string | undefined
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? ''
    if (decimals !== undefined) {
      const d = SMALL.get(t) ?? (/^\d$/.test(t) ? Number(t) : undefined)
      if (d === undefined || d > 9) return undefined
      decimals += String(d)
      continue
    }
    const small = SMALL.get(t) ?? TENS.get(t) ?? (PLAIN_DIGITS_RE.test(t) ? Number(t.replace(/,/g, '')) : undefined)
    if (small !== undefined) {
      current += small
      seen = true
    } else if (t === 'hundred') {
      current = (current || 1) * 100
      seen = true
    } else if (t === 'thousand') {
      total += (current || 1) * 1000
      current = 0
      seen = true
    } else if (t === 'point' && seen) {
      decimals = ''
    } else if (t === 'and') {
      const a = tokens[i + 1]
      if ((a === 'a' || a === 'one') && tokens[i + 2] === 'half' && i + 3 === tokens.length && seen) return total + current + 0.5
    } else {
      return undefined
    }
  }
  if (!seen || decimals === '') return undefined
  const whole = total + current
  return decimals === undefined ? whole : Number(`${whole}.${decimals}`)
}

// Plain-text helpers: sentence splitting, normalisation and line/offset lookup.

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'inc', 'ltd', 'llc', 'co', 'corp', 'no', 'nos', 'a.m', 'p.m', 'u.s', 'u.k', 'vs', 'v', 'mr', 'ms', 'mrs', 'dr',
  'st', 'approx', 'incl', 'sec', 'cl', 'art', 'para', 'pty', 'plc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'viz', 'cf', 'al', 'ss', 'pp', 'ref', 'min', 'hr', 'hrs', 'mins',
])

// Words written short before the number they label or qualify: a currency ("Rs. 5,000", "Ksh. 3,000", "Rp. 500.000",
// "kr. 200"), a number's name ("Nr. 4", "Tel. 020 …", "Fig. 3", "Vol. 2", "Sch. 2", "p. 12"), an amount's hedge or bound
// ("max. 4 hours", "ca. 2 hours", "avg. 30 minutes"). Before a number the dot shortens the word and ends no sentence;
// before anything else it may ("… set to the max. The …")
const BEFORE_NUMBER = new Set([
  'rs', 're', 'rp', 'ksh', 'kshs', 'shs', 'ush', 'tsh', 'dhs', 'dh', 'tk', 'bs', 'fr', 'sfr', 'kr', 'ft', 'nr', 'num', 'tel', 'ph',
  'mob', 'fax', 'fig', 'figs', 'vol', 'ver', 'rev', 'sch', 'pt', 'ch', 'reg', 'ex', 'apt', 'bldg', 'ste', 'rm', 'p', 's', 'appx',
  'apx', 'ca', 'max', 'abt', 'avg', 'est', 'eff', 'dtd',
])
// Titles and company forms written short before the name they belong to ("Prof. Iyer", "Smt. Devi", "Ing. Novák", "Mgr.
// Dvořák", "Sr. García", "Acme Pvt. Ltd.", "Sdn. Bhd."): before a capital the dot ends no sentence
const BEFORE_NAME = new Set([
  'prof', 'sr', 'sra', 'srta', 'hon', 'rev', 'capt', 'col', 'gen', 'lt', 'sgt', 'messrs', 'smt', 'kum', 'shri', 'sri', 'mme', 'mlle',
  'mx', 'ing', 'mgr', 'dipl', 'mag', 'bc', 'judr', 'mudr', 'phdr', 'rndr', 'dott', 'avv', 'fr', 'pvt', 'pte', 'sdn', 'bhd',
  'bros', 'dept', 'govt', 'univ', 'intl', 'assn', 'jl', 'jln', 'blvd', 'ave',
])

/**
 * The longest sentence read as one: a run of text without a sentence end longer than this (a pasted blob, a list written
 * as one line with no full stops) is read in pieces of at most this many characters, each cut at its last clause break
 * (";", ":", ","), else its last space. The rules read a sentence around each phrase they find (its subject, a negation, a
 * remedy), so without a bound one very long sentence costs time quadratic in its length. The longest sentence in real
 * agreements we have read is about 1,500 characters.
 */
export const MAX_SENTENCE = 4000

/** Split text into sentence ranges. Conservative: a boundary needs a terminator, a space and a capital, digit or opening mark. */
export function splitSentences(text: string): Array<{start: number; end: number}> {
  const ranges = sentenceRanges(text)
  for (const r of ranges) if (r.end - r.start > MAX_SENTENCE) return ranges.flatMap((x) => (x.end - x.start > MAX_SENTENCE ? pieces(text, x.start, x.end) : [x]))
  return ranges
}

/** An overlong sentence cut into pieces of about MAX_SENTENCE characters at clause breaks or spaces, never inside a word (see MAX_SENTENCE). */
function pieces(text: string, start: number, end: number): Array<{start: number; end: number}> {
  const out: Array<{start: number; end: number}> = []
  while (end - start > MAX_SENTENCE) {
    const limit = start + MAX_SENTENCE
    // the last clause break in the second half of the window, else the last space, else a hard cut
    let cut = -1
    for (let i = limit - 1; i > start + MAX_SENTENCE / 2 && cut < 0; i--) {
      const ch = text.charCodeAt(i)
      if ((ch === 59 || ch === 58 || ch === 44) && /\s/.test(text[i + 1] ?? '')) cut = i + 1
    }
    if (cut < 0) cut = text.lastIndexOf(' ', limit - 1) + 1
    if (cut <= start + MAX_SENTENCE / 2) {
      // no break in the window's second half: cut at the first space after it, never inside a word (a pattern that
      // matches one long word still matches all of it); a single word running to the end stays whole
      const space = text.slice(limit, end).search(/\s/)
      if (space < 0) break
      cut = limit + space
    }
    let next = cut
    while (next < end && /\s/.test(text[next]!)) next++
    let last = cut
    while (last > start && /\s/.test(text[last - 1]!)) last--
    out.push({start, end: last})
    start = next
  }
  if (end > start) out.push({start, end})
  return out
}

// Reading: a dot after a word inside a bracket that opened at most one word before it and closes soon after, not at a
// sentence end, shortens the word of a short aside and ends no sentence: "(doc. 12)", "(excl. VAT)", "(see doc. A-4)",
// "[abbr. SLA]", "(resp. Sunday)". Sentences in brackets have more words before their dot ("(We fix it. You pay.)") or
// end at the bracket ("(doc. The fee is due.)")
const ASIDE_OPEN = /[([]\s*(?:[^\s()[\]]+\s+)?$/
const ASIDE_CLOSE = /^[^()[\]!?\n]{1,60}(?<![.!?])[)\]]/

/** Is the dot at `dot`, after the word starting at `word`, inside a short bracketed aside (see ASIDE_OPEN)? */
function shortAside(text: string, start: number, word: number, dot: number): boolean {
  return ASIDE_OPEN.test(text.slice(Math.max(start, word - 40), word)) && ASIDE_CLOSE.test(text.slice(dot + 1, dot + 63))
}

function sentenceRanges(text: string): Array<{start: number; end: number}> {
  const out: Array<{start: number; end: number}> = []
  let start = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i)
    // . ! ? ; newline-newline are candidate ends
    if (ch !== 46 && ch !== 33 && ch !== 63) continue
    // a dot leader joins a label to its value ("Helpdesk open ...... 7.30am to 6pm"): a run of three or more dots after a
    // space ends no sentence
    if (ch === 46 && text.charCodeAt(i + 1) === 46) continue
    if (ch === 46 && i >= 3 && text.slice(i - 2, i) === '..' && /\s\.{3,}$/.test(text.slice(Math.max(0, i - 80), i + 1))) continue
    let j = i + 1
    // closing quotes and brackets belong to the sentence
    while (j < n && /["”’')\]*_]/.test(text[j]!)) j++
    if (j >= n) break
    if (!/\s/.test(text[j]!)) continue
    let k = j
    while (k < n && /\s/.test(text[k]!)) k++
    if (k >= n) break
    const next = text[k]!
    if (!/[A-Z0-9"“‘'(\[*_<]/.test(next)) continue
    if (ch === 46) {
      // abbreviation or initial before the full stop?
      let w = i - 1
      while (w >= 0 && /[A-Za-z.]/.test(text[w]!)) w--
      const word = text.slice(w + 1, i).toLowerCase()
      if (ABBREVIATIONS.has(word)) continue
      // (a word of its own, not the end of a possessive: "the Customer's. 2 …")
      const own = w < 0 || !/['’]/.test(text[w]!)
      if (own && /[0-9]/.test(next) && BEFORE_NUMBER.has(word)) continue
      if (own && /[A-Z]/.test(next) && BEFORE_NAME.has(word)) continue
      if (/^[a-z]$/i.test(word) && /[A-Z]/.test(text[i - 1] ?? '') && w >= 0 && text[w] !== '(') continue
      if (own && j === i + 1 && /^[a-z]{1,6}$/i.test(word) && shortAside(text, start, w + 1, i)) continue
      // "Section 4." followed by a number is a reference, but "… 4 hours. The" is a sentence end.
      if (/^\d+$/.test(word)) {
        // handled as sentence end unless directly preceded by a clause word
      }
    }
    out.push({start, end: j})
    start = k
    i = k - 1
  }
  if (start < n) {
    let end = n
    while (end > start && /\s/.test(text[end - 1]!)) end--
    if (end > start) out.push({start, end})
  }
  return out
}

/** Lowercase, straighten quotes and collapse whitespace (for matching, not for display). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim()
}

/**
 * Does a global pattern match anywhere in the text? Its lastIndex is left as it was. A test before `text.matchAll(re)`:
 * matchAll copies the pattern on every call, which costs more than the search on the short texts that hold no match.
 */
export function hasMatch(re: RegExp, text: string): boolean {
  const last = re.lastIndex
  re.lastIndex = 0
  const found = re.test(text)
  re.lastIndex = last
  return found
}

/**
 * A pattern that tests the same as `re` (true on the same texts, for `test` only: which alternative matches, and so the
 * match and its groups, may differ), with the alternatives that begin at a word boundary (`\b…|\b…`) under one `\b`.
 * A long list of word alternatives is then tried only where a word starts, not each alternative at every character:
 * about 1.7 times faster on prose. A pattern with a backreference, or without two such alternatives, is returned as it is.
 */
export function testAtWordStarts(re: RegExp): RegExp {
  if (re.global || re.sticky || /\\(?:[1-9]|k<)/.test(re.source)) return re
  const atWord: string[] = []
  const rest: string[] = []
  for (const alternative of topLevelAlternatives(re.source)) {
    if (alternative.startsWith('\\b')) atWord.push(alternative.slice(2))
    else rest.push(alternative)
  }
  if (atWord.length < 2) return re
  return new RegExp([`\\b(?:${atWord.join('|')})`, ...rest].join('|'), re.flags)
}

/** The alternatives of a pattern's source at its top level (not inside a group or a character class). */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = []
  let depth = 0
  let inClass = false
  let start = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (inClass) inClass = c !== ']'
    else if (c === '[') inClass = true
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i))
      start = i + 1
    }
  }
  out.push(source.slice(start))
  return out
}

/** Build a function that turns a 0-based offset into a 1-based line and column. */
export function lineIndex(source: string, starts: readonly number[] = lineStarts(source)): (offset: number) => {line: number; column: number; offset: number} {
  return (offset: number) => pointAt(starts, Math.max(0, Math.min(offset, source.length)))
}

/** The offsets where the text's lines start (after each LF, CRLF or lone CR), from 0. */
export function lineStarts(source: string): number[] {
  const starts = [0]
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i)
    if (c === 10) starts.push(i + 1)
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++
      starts.push(i + 1)
    }
  }
  return starts
}

/** The 1-based line and column of a 0-based offset, given the offsets where lines start (ascending, from 0). */
export function pointAt(starts: readonly number[], offset: number): {line: number; column: number; offset: number} {
  const lo = lastAtMost(starts, offset)
  return {line: lo + 1, column: offset - starts[lo]! + 1, offset}
}

/** The index of the last of `sorted[from..to]` (ascending) that is at most `value`; `from` when none is. Binary search. */
export function lastAtMost(sorted: ArrayLike<number>, value: number, from = 0, to = sorted.length - 1): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (sorted[mid]! <= value) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Shorten text for a message, on a word boundary. */
export function excerpt(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return t
  const cut = t.lastIndexOf(' ', max)
  return `${t.slice(0, cut > max / 2 ? cut : max)}…`
}
// Printable ASCII that stands for itself in a pattern: under V8's `i` flag (without `u`) such a character matches only
// itself or its ASCII other case, so a lower-cased text contains it wherever the pattern matches (RE2 folds wider: see
// withoutFoldedS)
const PLAIN = /^[A-Za-z0-9 !"#%&',\-/:;<=>@_`~]$/

/**
 * For each top-level alternative of a pattern, a run of plain characters that every match of it contains (lower-cased),
 * or else the literals of a group it cannot skip ("(?:fully|completely) secure"): a text containing none of them cannot
 * match, which indexOf tells far faster than the regex. Undefined when some alternative has neither, or the pattern uses
 * syntax this reading does not follow. `fold`: lower-cased (for a pattern with the `i` flag, looked for in a lower-cased
 * text), else as written.
 */
export function requiredLiterals(source: string, fold = true): string[] | undefined {
  const out: string[] = []
  let best = ''
  let run = ''
  let group: string[] | undefined
  // the group whose shortest literal is longest: a later group can tell more ("(?:within|in) a few (?:minutes|hours)"
  // is looked for by its units, not by "in")
  let longest: string[] | undefined
  const endRun = (): void => {
    if (run.length > best.length) best = run
    run = ''
  }
  const endAlternative = (): boolean => {
    endRun()
    let chosen: string[]
    if (best.length >= 3 || (best.length === 2 && !group)) chosen = [fold ? best.toLowerCase() : best]
    else if (group) chosen = group
    else return false
    if (longest && shortest(longest) > shortest(chosen)) chosen = longest
    out.push(...chosen)
    best = ''
    group = undefined
    longest = undefined
    return true
  }
  let i = 0
  while (i < source.length) {
    const c = source[i]!
    let literal: string | undefined
    let inner: string[] | undefined
    if (c === '|') {
      if (!endAlternative()) return undefined
      i++
      continue
    } else if (c === '\\') {
      // \b, \s, \. …: not a plain character; \u, \x, \p, \k, \c and back-references span more than two characters
      if (/[uxpPkc0-9]/.test(source[i + 1] ?? '0')) return undefined
      i += 2
    } else if (c === '[') {
      i = skipClass(source, i)
    } else if (c === '(') {
      const open = i
      i = groupEnd(source, open)
      if (i < 0) return undefined
      // a lookaround consumes nothing; any other group consumes a match of its contents
      if (!/^\(\?<?[=!]/.test(source.slice(open, open + 4))) inner = requiredLiterals(source.slice(open + (source[open + 1] === '?' ? 3 : 1), i - 1), fold)
      if (source[open + 1] === '?' && source[open + 2] === '<' && !/[=!]/.test(source[open + 3] ?? '')) inner = undefined
    } else if (c === ')' || c === '{' || c === '}' || c === '?' || c === '*' || c === '+') {
      return undefined
    } else {
      // ".", "^", "$" and any other character that is not plain ASCII end a run
      if (PLAIN.test(c)) literal = c
      i++
    }
    // a quantifier after the atom: optional atoms break the run, repeated ones end it
    const [min, qLength] = quantifierAt(source, i)
    const q = qLength > 0
    i += qLength
    if (inner && min >= 1) {
      group ??= inner
      if (!longest || shortest(inner) > shortest(longest)) longest = inner
    }
    if (literal !== undefined && min >= 1) run += literal
    if (q || literal === undefined) endRun()
  }
  return endAlternative() ? out : undefined
}

/** The length of the shortest of some literals. */
function shortest(literals: readonly string[]): number {
  let n = Infinity
  for (const l of literals) if (l.length < n) n = l.length
  return n
}

/** The quantifier after an atom ending at `i`: the fewest times the atom must match (1 with no quantifier) and the quantifier's length. */
function quantifierAt(source: string, i: number): [min: number, length: number] {
  const q = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(source.slice(i, i + 12))
  if (!q) return [1, 0]
  return [q[0][0] === '+' ? 1 : q[1] !== undefined ? Number(q[1]) : 0, q[0].length]
}

/** The index just past the ")" that closes the group opening at `open` (escapes and classes skipped), or -1 when none does. */
function groupEnd(source: string, open: number): number {
  let depth = 0
  let i = open
  for (; i < source.length; i++) {
    const d = source[i]
    if (d === '\\') i++
    else if (d === '[') i = skipClass(source, i) - 1
    else if (d === '(') depth++
    else if (d === ')' && --depth === 0) break
  }
  return depth !== 0 ? -1 : i + 1
}

/** Index just past the character class that opens at `i`. */
export function skipClass(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++
    else if (source[j] === ']') return j + 1
  }
  return source.length
}


/**
 * What every match of a pattern holds: one of its alternatives, each a list of things that must all be in the text: a
 * run of three or more plain characters, or a group that must match, given as what every match of the group holds (a
 * Guard of its own). Literals are lower-cased for a caseless pattern.
 */
export type Guard = ReadonlyArray<ReadonlyArray<string | Guard>>

/**
 * The Guard of a pattern (see Guard), or null when some alternative holds nothing it can tell by, the pattern is tried at
 * one place only (anchored at the start, or sticky), or it uses syntax this reading does not follow. The build reads it
 * for the patterns of the sources (scripts/bundle-plugins.mjs), so that a run does not read the patterns again.
 */
export function guardOf(source: string, flags: string): Guard | null {
  // a pattern tried at one place reads little of a text, where the search for its literals (and a lower-cased copy)
  // would read all of it; the v flag's classes nest, which skipClass does not follow
  if (flags.includes('y') || flags.includes('v') || (source.startsWith('^') && !flags.includes('m'))) return null
  const caseless = flags.includes('i')
  return alternativesOf(source, caseless, caseless && flags.includes('u'))
}

/**
 * The Guard of a pattern's source (see guardOf). `fold`: literals lower-cased. `longS`: caseless under `u`, where an "s"
 * also matches the long s "ſ", whose lower case is itself, so a literal is cut at each "s" ("k" also matches the Kelvin
 * sign, whose lower case is "k").
 */
function alternativesOf(source: string, fold: boolean, longS: boolean): Guard | null {
  const alternatives: Array<Array<string | Guard>> = []
  let items: Array<string | Guard> = []
  let run = ''
  const endRun = (): void => {
    if (run.length >= 3) {
      const literal = fold ? run.toLowerCase() : run
      for (const part of longS ? literal.split('s') : [literal]) if (part.length >= 3) items.push(part)
    }
    run = ''
  }
  let i = 0
  while (i < source.length) {
    const c = source[i]!
    let literal: string | undefined
    let inner: Guard | null = null
    if (c === '|') {
      endRun()
      if (items.length === 0) return null
      alternatives.push(items)
      items = []
      i++
      continue
    } else if (c === '\\') {
      const d = source[i + 1] ?? ''
      i += 2
      if (d === 'u' && source[i] === '{') i = source.indexOf('}', i) + 1
      else if (d === 'u' && /^[0-9A-Fa-f]{4}/.test(source.slice(i, i + 4))) i += 4
      else if (d === 'x' && /^[0-9A-Fa-f]{2}/.test(source.slice(i, i + 2))) i += 2
      else if (d === 'c' && /^[A-Za-z]/.test(source[i] ?? '')) i += 1
      else if ((d === 'p' || d === 'P') && source[i] === '{') i = source.indexOf('}', i) + 1
      else if (d === 'k' && source[i] === '<') i = source.indexOf('>', i) + 1
      else if (/[0-9]/.test(d)) while (/[0-9]/.test(source[i] ?? '')) i++
      // an escaped punctuation mark stands for itself ("\-", "\/"); \b, \s, \. and the like are no plain character
      else if (!/[A-Za-z0-9]/.test(d) && PLAIN.test(d)) literal = d
      if (i <= 0) return null
    } else if (c === '[') {
      i = skipClass(source, i)
    } else if (c === '(') {
      const open = i
      i = groupEnd(source, open)
      if (i < 0) return null
      const head = source.slice(open, open + 4)
      // a lookaround consumes nothing; any other group consumes a match of its contents
      let from = -1
      if (!head.startsWith('(?')) from = open + 1
      else if (head.startsWith('(?:')) from = open + 3
      else if (head.startsWith('(?<') && !/[=!]/.test(head[3] ?? '')) from = source.indexOf('>', open) + 1
      else if (!/^\(\?<?[=!]/.test(head)) return null
      if (from > 0) inner = alternativesOf(source.slice(from, i - 1), fold, longS)
    } else if (c === ')' || c === '{' || c === '}' || c === '?' || c === '*' || c === '+') {
      return null
    } else {
      // ".", "^", "$" and any other character that is not plain ASCII end a run
      if (PLAIN.test(c)) literal = c
      i++
    }
    // a quantifier after the atom: optional atoms break the run, repeated ones end it
    const [min, qLength] = quantifierAt(source, i)
    const q = qLength > 0
    i += qLength
    if (literal !== undefined && min >= 1) run += literal
    if (q || literal === undefined) endRun()
    if (inner && min >= 1) {
      // a group of one alternative adds what it holds; a group of several, itself
      if (inner.length === 1) items.push(...inner[0]!)
      else items.push(inner)
    }
  }
  endRun()
  if (items.length === 0) return null
  alternatives.push(items)
  return alternatives
}

/** Whether a text holds what a Guard asks for (in its lower case for a caseless pattern's literals with letters). */
export function guardHolds(guard: Guard, text: string): boolean {
  for (let a = 0; a < guard.length; a++) {
    const items = guard[a]!
    let all = true
    for (let i = 0; i < items.length && all; i++) {
      const item = items[i]!
      all = typeof item === 'string' ? text.includes(item) : guardHolds(item, text)
    }
    if (all) return true
  }
  return false
}

/** Whether any literal of a Guard has a letter (so that a caseless pattern's guard reads the text's lower case). */
function hasLetter(guard: Guard): boolean {
  return guard.some((items) => items.some((item) => (typeof item === 'string' ? /[a-z]/i.test(item) : hasLetter(item))))
}

/**
 * While patterns are guarded (guardPatterns: a run of one short text), a pattern given to `needs` runs only on a text
 * that holds what every match of it holds (its Guard, see guardOf; the build reads it for each pattern of the sources):
 * on any other text it answers no at once. V8 compiles a pattern the first time it runs it, so a guarded pattern that a
 * run never needs to try is never compiled: most of the rules' patterns find nothing in a given agreement, and compiling
 * them is a large part of a single short text's lint. A run over many texts compiles each pattern once and runs it often,
 * where looking for the literals first (a lower-cased copy of each text for a caseless pattern) costs more than it saves:
 * there the pattern is a plain RegExp, untouched. Guarding gives the pattern an `exec` of its own (which test, match,
 * replace and search call); its copies (matchAll, split) run as they are. Once a guarded pattern has run on a text (so
 * V8 has compiled it), the guard has nothing left to save it and costs a search of every later text: the pattern loses
 * its own `exec` and runs plain from then on (V8's fast paths for a plain pattern then apply to it again).
 */
const NATIVE_EXEC = RegExp.prototype.exec
/** The patterns given to `needs` with what they are guarded by (undefined: read when first run guarded). */
const guardable: Array<[RegExp, Guard | undefined]> = []
let guarding = false

/** Give a pattern its guarded `exec` (see needs). */
function guard(re: RegExp, known: Guard | undefined): void {
  let g: Guard | null | undefined = known
  let lower = false
  const moves = re.global || re.sticky
  const exec = function (this: RegExp, input: string): RegExpExecArray | null {
    const text = String(input)
    if (g === undefined) {
      g = guardOf(re.source, re.flags)
      lower = g !== null && re.ignoreCase && hasLetter(g)
    }
    // a search that goes on from an earlier match is let run: the text held the literals then
    if (g !== null && (!moves || this.lastIndex === 0) && !guardHolds(g, lower ? lowerCased(text) : text)) {
      if (moves) this.lastIndex = 0
      return null
    }
    // run once, the pattern is compiled: its literals need not be looked for again (see NATIVE_EXEC)
    if (this === re) delete (re as {exec?: unknown}).exec
    return NATIVE_EXEC.call(this, text)
  }
  if (g) lower = re.ignoreCase && hasLetter(g)
  Object.defineProperty(re, 'exec', {value: exec, writable: true, configurable: true, enumerable: false})
}

/**
 * Whether patterns given to `needs` look for their literals first: on for a run that lints one short text (the command
 * says so once it knows), off otherwise.
 */
export function guardPatterns(on: boolean): void {
  if (on === guarding) return
  guarding = on
  for (const [re, g] of guardable) {
    if (on) guard(re, g)
    else delete (re as {exec?: unknown}).exec
  }
}

/** Whether patterns are guarded now (see guardPatterns): a run of one short text, where compiling a pattern costs more than running it. */
export function patternsGuarded(): boolean {
  return guarding
}

/**
 * A pattern tried only on texts that can hold a match while patterns are guarded (see guardPatterns): the pattern
 * itself, kept to be guarded. `known`: its Guard when already read (the build reads it), null when it has none.
 * Made once per pattern (at a module's top level): each is kept for the process's life.
 */
export function needs<R extends RegExp>(re: R, known?: Guard | null): R {
  if (known === null) return re
  guardable.push([re, known])
  if (guarding) guard(re, known)
  return re
}

// The last texts lower-cased for a caseless literal test, and their lower case: the patterns asked of a text mostly come
// one after another, between those asked of the few texts around it (its block, its sentence, a part of it)
const LOWERED = 4
const lastTexts: string[] = Array.from({length: LOWERED}, () => '')
const lastLower: string[] = lastTexts.slice()
let nextSlot = 0
function lowerCased(text: string): string {
  for (let i = 0; i < LOWERED; i++) if (lastTexts[i] === text) return lastLower[i]!
  const slot = nextSlot
  nextSlot = (slot + 1) % LOWERED
  lastTexts[slot] = text
  return (lastLower[slot] = text.toLowerCase())
}

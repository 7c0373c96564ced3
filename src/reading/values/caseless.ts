// Case-insensitive patterns without the `i` flag, because V8 compiles and runs them far faster that way.
//
// The value patterns embed the number-word alternation many times; compiled with `i`, the first use of
// FREQUENCY_RE alone cost ~75 ms of CPU per process (V8 keeps no compiled regular expressions in its code cache),
// and every scan ran ~20× slower. Spelling each letter as a two-letter class (`e` → `[eE]`) and compiling without
// `i` matches exactly the same: without the `u` flag, `i` makes an ASCII letter match only its two ASCII cases
// (a non-ASCII character never folds to an ASCII one), and `\b`, `\w`, `\d`, `\s` do not change with case.
// Sources with what this cannot carry over exactly (back-references, which compare case-insensitively; a
// non-ASCII character that has another case; a class range mixing letters with other characters) are refused.

const isLower = (c: string): boolean => c >= 'a' && c <= 'z'
const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z'
const isLetter = (c: string): boolean => isLower(c) || isUpper(c)
const otherCase = (c: string): string => (isLower(c) ? c.toUpperCase() : c.toLowerCase())

function refuse(source: string, what: string): never {
  throw new Error(`caselessSource: ${what} in /${source}/`)
}

/** Length of the escape at `source[i]` (a backslash): `\uXXXX`, `\xXX` or a backslash and one character. */
function escapeLength(source: string, i: number): number {
  const n = source[i + 1]
  if (n === undefined) refuse(source, 'a trailing backslash')
  if (n === 'k' || (n >= '1' && n <= '9')) refuse(source, 'a back-reference')
  if (n === 'c') refuse(source, 'a control escape')
  if (n === 'u') return source[i + 2] === '{' ? refuse(source, 'a \\u{…} escape') : 6
  if (n === 'x') return 4
  return 2
}

function checkChar(source: string, c: string): void {
  if (c > '\x7f' && c.toLowerCase() !== c.toUpperCase()) refuse(source, `the cased character "${c}"`)
}

/** What a character class holds, item by item: an escape as written, a character, or a range (`b` undefined when an
 * escape ends it; the escape is given next). */
interface ClassItems {
  escape(text: string): void
  char(c: string): void
  range(a: string, b: string | undefined): void
}

/**
 * Reads the character class that opens at `source[i]` ("["), past a leading "^", giving its items to `items`; refuses
 * what the case rewrites cannot carry over (an empty or unclosed class, a cased non-ASCII character, a range mixing
 * letters with escapes or with other characters, or a letter range across cases). The index of the closing "]".
 */
function walkClass(source: string, i: number, items: ClassItems): number {
  let j = i + 1
  if (source[j] === '^') j++
  if (source[j] === ']') refuse(source, 'an empty class')
  while (j < source.length && source[j] !== ']') {
    if (source[j] === '\\') {
      const len = escapeLength(source, j)
      // a range from an escape: both ends must be escapes or non-letters
      if (source[j + len] === '-' && source[j + len + 1] !== ']' && isLetter(source[j + len + 1] ?? '')) refuse(source, 'a class range mixing letters and escapes')
      items.escape(source.slice(j, j + len))
      j += len
      continue
    }
    const a = source[j]!
    checkChar(source, a)
    if (source[j + 1] === '-' && source[j + 2] !== ']' && source[j + 2] !== undefined) {
      const b = source[j + 2]!
      if (b === '\\') {
        if (isLetter(a)) refuse(source, 'a class range mixing letters and escapes')
        items.range(a, undefined)
        j += 2 // the escape that ends the range is read next
        continue
      }
      checkChar(source, b)
      if ((isLetter(a) || isLetter(b)) && !((isLower(a) && isLower(b)) || (isUpper(a) && isUpper(b)))) refuse(source, `the class range ${a}-${b}`)
      items.range(a, b)
      j += 3
      continue
    }
    items.char(a)
    j++
  }
  if (j >= source.length) refuse(source, 'an unclosed class')
  return j
}

/** What a plain ASCII character outside a class becomes: a letter the class of its two cases, any other itself; none for
 * the characters that start an escape, a group or a class. */
const PLAIN: readonly (string | undefined)[] = Array.from({length: 128}, (_, code) => {
  const c = String.fromCharCode(code)
  if (c === '\\' || c === '(' || c === '[') return undefined
  return isLetter(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c
})

/**
 * Rewrite a regular expression source (no `u` or `v` flag) so that it matches without the `i` flag exactly what
 * it matches with it: every ASCII letter outside a class becomes a class of its two cases, and a class gains the
 * other case of each letter and letter range it holds.
 */
export function caselessSource(source: string): string {
  let out = ''
  let i = 0
  while (i < source.length) {
    // most of a source is plain ASCII outside classes: one table lookup each (the loop below, with its calls, took ~6 ms
    // of a short run's start for the value patterns, which run only in the interpreter by then)
    const plain = PLAIN[source.charCodeAt(i)]
    if (plain !== undefined) {
      out += plain
      i++
      continue
    }
    const c = source[i]!
    if (c === '\\') {
      const len = escapeLength(source, i)
      out += source.slice(i, i + len)
      i += len
    } else if (c === '(' && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const close = source.indexOf('>', i) // a group name stays as written
      out += source.slice(i, close + 1)
      i = close + 1
    } else if (c === '[') {
      let extra = ''
      const j = walkClass(source, i, {
        escape() {},
        char(a) {
          if (isLetter(a)) extra += otherCase(a)
        },
        range(a, b) {
          if (b !== undefined && (isLetter(a) || isLetter(b))) extra += `${otherCase(a)}-${otherCase(b)}`
        },
      })
      // the other cases go at the end, but before a closing literal "-" (after it they would read as a range)
      const end = source[j - 1] === '-' && source[j - 2] !== '\\' && j - 1 > i + 1 ? j - 1 : j
      out += source.slice(i, end) + extra + source.slice(end, j) + ']'
      i = j + 1
    } else {
      checkChar(source, c)
      out += isLetter(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c
      i++
    }
  }
  return out
}

/** `new RegExp(source, flags + 'i')`, built without the `i` flag (see caselessSource). `flags` must not hold i, u or v. */
export function caselessRegExp(source: string, flags = ''): RegExp {
  if (/[iuv]/.test(flags)) throw new Error(`caselessRegExp: flags "${flags}" (give them without i, u or v)`)
  return new RegExp(caselessSource(source), flags)
}

/**
 * `caselessRegExp(source, flags)` built on its first use: call the returned function for the pattern (the same object
 * on every call). A pattern that is defined at module load but not used by a run costs nothing: the value readers
 * are loaded by every run, through the rules' metadata and the configuration, but only a lint reads values, and
 * rewriting and parsing their patterns at load was ~16 ms of every start (`--version`, a warm `--cache` run).
 */
export function lazyCaselessRegExp(source: string, flags = ''): () => RegExp {
  let re: RegExp | undefined
  return () => (re ??= caselessRegExp(source, flags))
}

/**
 * Rewrite a regular expression source (no `u` or `v` flag) so that, without the `i` flag, it matches a lower-cased text
 * exactly where it matches the text itself with `i`: every ASCII letter outside an escape or a group name becomes its
 * lower case, in a class too (a letter range of capitals becomes the same range of small letters). Sources that
 * caselessSource refuses are refused.
 */
export function lowerSource(source: string): string {
  let out = ''
  let i = 0
  while (i < source.length) {
    const c = source[i]!
    if (c === '\\') {
      const len = escapeLength(source, i)
      out += source.slice(i, i + len)
      i += len
    } else if (c === '(' && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const close = source.indexOf('>', i)
      out += source.slice(i, close + 1)
      i = close + 1
    } else if (c === '[') {
      let body = source[i + 1] === '^' ? '^' : ''
      const j = walkClass(source, i, {
        escape(text) {
          body += text
        },
        char(a) {
          body += a.toLowerCase()
        },
        range(a, b) {
          // (a range ended by an escape: the escape is read next)
          body += b === undefined ? `${a}-` : `${a.toLowerCase()}-${b.toLowerCase()}`
        },
      })
      out += `[${body}]`
      i = j + 1
    } else {
      checkChar(source, c)
      out += isUpper(c) ? c.toLowerCase() : c
      i++
    }
  }
  return out
}

/**
 * The text lower-cased with every offset kept, or undefined when lower-casing would move an offset or make an ASCII
 * letter of another character: only İ (U+0130, two characters lower-cased) and the Kelvin sign (U+212A, "k") do.
 */
export function lowerCasedInPlace(text: string): string | undefined {
  const lower = text.toLowerCase()
  return lower.length === text.length && !text.includes('\u212a') ? lower : undefined
}

let matchLowered = false

/**
 * From now on, build the value patterns for lower-cased text (lowerSource) rather than spelt without case
 * (caselessSource). The command calls this for a run that lints one short text, where V8 compiles regular expressions
 * without its optimisations: so compiled, a pattern for lower-cased text costs three quarters of its caseless spelling
 * or less (counted instructions: frequencies 28.4 → 21.6 M, multipliers 24.6 → 19.4 M, hours 19.0 → 14.3 M,
 * percentages 10.5 → 6.0 M), while with the optimisations on it costs more than twice as much (frequencies 33 → 80 M).
 * Patterns already built stay as they are.
 */
export function valuePatternsForLowerCase(): void {
  matchLowered = true
}

/** A pattern and the text to run it over: the text itself, or the text lower-cased in place (see lazyCaseFreeRegExp). */
export interface CaseFreeScan { readonly re: RegExp; readonly subject: string }

/**
 * A pattern that matches as `new RegExp(source, flags + 'i')` would, built on its first use: call the returned
 * function with a text for the pattern and the text to run it over. The subject is either the text, for the pattern
 * spelt without case (caselessRegExp), or, after valuePatternsForLowerCase, the text lower-cased in place, for the
 * pattern written in small letters (lowerSource). Offsets of a match are the same in the text either way; the matched
 * strings are the text's own only in the first (a caller that needs them as written slices the text).
 */
export function lazyCaseFreeRegExp(source: string, flags = ''): (text: string) => CaseFreeScan {
  if (/[iuv]/.test(flags)) throw new Error(`lazyCaseFreeRegExp: flags "${flags}" (give them without i, u or v)`)
  const caseless = lazyCaselessRegExp(source, flags)
  let lowered: RegExp | undefined
  let chosen: boolean | undefined
  return (text) => {
    // chosen once, when the pattern is first asked for (a process compiles each pattern once)
    chosen ??= matchLowered
    const lower = chosen ? lowerCasedInPlace(text) : undefined
    if (lower === undefined) return {re: caseless(), subject: text}
    return {re: (lowered ??= new RegExp(lowerSource(source), flags)), subject: lower}
  }
}

// Patterns written by users (config `add`/`allow`/`headings`, YAML custom rules, front matter) run in a linear-time
// engine: RE2 (the re2js port, plain JavaScript), so no pattern can backtrack catastrophically ("(a+)+$" on "aaaa…!"
// takes microseconds, not hours). A LinearRegExp is a RegExp whose exec() is RE2's, so test(), match(), matchAll(),
// replace() and search() all go through it. Built-in patterns stay V8 regular expressions (they are checked for linear
// time in the tests). RE2 has no lookaround and no back-references: such a pattern is refused when the config loads.
import {RE2JS} from 're2js'

/** A regular expression matched by RE2 in time linear in the text. Construct it like a RegExp. */
export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source
    const given = flags ?? (typeof pattern === 'string' ? '' : pattern.flags)
    // V8 checks the syntax (the same language as a built-in pattern) but never runs it: exec() below is RE2's
    super(source, given)
    this.#re2 = RE2JS.compile(source, (given.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (given.includes('m') ? RE2JS.MULTILINE : 0) | (given.includes('s') ? RE2JS.DOTALL : 0))
  }

  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input)
    const moves = this.global || this.sticky
    const from = moves ? this.lastIndex : 0
    if (from > text.length) {
      this.lastIndex = 0
      return null
    }
    const m = this.#re2.matcher(text)
    if (!m.find(from) || (this.sticky && m.start() !== from)) {
      if (moves) this.lastIndex = 0
      return null
    }
    const groups: Array<string | undefined> = []
    for (let i = 0; i <= m.groupCount(); i++) groups.push(m.group(i) ?? undefined)
    const result = Object.assign(groups, {index: m.start(), input: text, groups: undefined}) as unknown as RegExpExecArray
    if (moves) this.lastIndex = m.end()
    return result
  }
}

/** The same kind of pattern (linear or not) with other flags: a user pattern stays linear. */
export function withFlags(re: RegExp, flags: string): RegExp {
  return re instanceof LinearRegExp ? new LinearRegExp(re.source, flags) : new RegExp(re.source, flags)
}

/**
 * Why a user pattern cannot be used, or undefined when it can: not valid, not runnable in linear time (lookaround,
 * back-references, a repeat count over 1000), or matching the empty string (it would be found at every character).
 */
export function userPatternProblem(source: string): string | undefined {
  let re: LinearRegExp
  try {
    new RegExp(source, 'i')
  } catch (error) {
    return `is not a valid regular expression (${(error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: /, '')})`
  }
  try {
    re = new LinearRegExp(source, 'gi')
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^error parsing regexp: /, '')
    return `cannot be matched in linear time (${reason}); lookaround ((?=…), (?<!…)), back-references (\\1) and repeat counts over 1000 are not supported in patterns from config`
  }
  for (const probe of ['', 'word', ' a b. ']) {
    re.lastIndex = 0
    for (const m of probe.matchAll(re)) if (m[0] === '') return 'matches the empty string, so it would be found at every position; make it match at least one character'
  }
  return undefined
}

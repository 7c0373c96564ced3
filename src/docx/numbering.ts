// Clause numbers as Word renders them: counters per abstract list (shared by every numbering instance that uses it),
// start overrides, level restarts, legal numbering and the level text ("%1.%2", "(%3)").
import type {Level, Numbering, Styles} from './parts.js'

export interface NumberRendered {
  /** The number as shown ("2.1", "(a)"), or "" for numbering that shows nothing. */
  readonly text: string
  readonly level: number
  readonly bullet: boolean
}

export class NumberingState {
  private readonly counters = new Map<string, Array<number | undefined>>()
  private readonly started = new Set<string>()

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Styles,
  ) {}

  /** The abstract list behind a numbering instance, following a `numStyleLink` once. */
  private abstractOf(numId: string): {abstractId: string; levels: Map<number, Level>} | undefined {
    const num = this.numbering.nums.get(numId)
    if (!num) return undefined
    let abstract = this.numbering.abstracts.get(num.abstractId)
    if (!abstract) return undefined
    if (abstract.styleLink) {
      const style = this.styles.byId.get(abstract.styleLink)
      const linked = style?.numId !== undefined ? this.numbering.nums.get(style.numId) : undefined
      const target = linked ? this.numbering.abstracts.get(linked.abstractId) : undefined
      if (target) abstract = target
    }
    return {abstractId: abstract.id, levels: abstract.levels}
  }

  /** Count one paragraph numbered with (numId, ilvl) and render its number; undefined when the numbering is off or unknown. */
  next(numId: string, ilvl: number): NumberRendered | undefined {
    if (numId === '0') return undefined
    const num = this.numbering.nums.get(numId)
    const found = this.abstractOf(numId)
    if (!num || !found) return undefined
    const level = (i: number): Level | undefined => num.overrides.get(i)?.level ?? found.levels.get(i)
    const own = level(ilvl)
    if (!own) return undefined
    let counters = this.counters.get(found.abstractId)
    if (!counters) this.counters.set(found.abstractId, (counters = []))
    // A numbering instance with start overrides restarts those levels where it is first used.
    if (!this.started.has(numId)) {
      this.started.add(numId)
      for (const [i, o] of num.overrides) if (o.start !== undefined) counters[i] = o.start - 1
    }
    counters[ilvl] = counters[ilvl] === undefined ? (own.start ?? 0) : counters[ilvl]! + 1
    // Deeper levels restart, unless their lvlRestart says otherwise.
    for (let d = ilvl + 1; d < 9; d++) {
      const r = level(d)?.restart
      if (r === undefined || (r !== 0 && ilvl <= r - 1)) counters[d] = undefined
    }
    if (own.format === 'bullet') return {text: '', level: ilvl, bullet: true}
    if (own.format === 'none') return {text: '', level: ilvl, bullet: false}
    const text = own.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1
      const l = level(i)
      const value = counters![i] ?? l?.start ?? 0
      return format(value, own.legal ? 'decimal' : (l?.format ?? 'decimal'))
    })
    return {text: text.trim(), level: ilvl, bullet: false}
  }
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
]

function roman(n: number): string {
  let out = ''
  for (const [v, s] of ROMAN) while (n >= v) ((out += s), (n -= v))
  return out
}

/** Word's letter numbering: a..z, then aa..zz, aaa… (the letter repeated). */
function letter(n: number): string {
  if (n <= 0) return String(n)
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1)
}

/** Format a counter value in one of Word's number formats (the common ones; others fall back to decimal). */
export function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return letter(n)
    case 'upperLetter':
      return letter(n).toUpperCase()
    case 'lowerRoman':
      return n > 0 ? roman(n) : String(n)
    case 'upperRoman':
      return n > 0 ? roman(n).toUpperCase() : String(n)
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n)
    case 'ordinal': {
      const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
      return `${n}${s}`
    }
    default:
      return String(n)
  }
}

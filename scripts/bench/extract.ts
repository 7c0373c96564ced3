// The value extractors on adversarial text: the inputs, the deterministic work count the tests bound
// (test/values.test.ts), and the CPU time the bench prints (npm run bench -- --only extract).
import {extractDurations, extractFrequencies, extractHours, extractMoney, extractMultipliers, extractPercentages, extractPriorities, type Match} from '../../src/reading/values/index.js'

export const EXTRACTORS = {
  extractDurations,
  extractFrequencies,
  extractPercentages,
  extractHours,
  extractMoney,
  extractMultipliers,
  extractPriorities,
} satisfies Record<string, (s: string) => readonly Match[]>

/** Units repeated to make text that partly matches the extractors' patterns, so that many matches start and fail late. */
export const ADVERSARIAL_UNITS: readonly string[] = [
  '9', '1 ', '1,', '1,000,', '9.9.', '9:', '.5', ' ', '\u00a0', '(', '$', 'x', 'P1', 'a ', 'every ', 'twenty ', 'one and a ',
  'twenty-four (24) ', 'half ', 'hours a ', 'Monday to ', 'between 9 and ', '24/', 'et ', 'excluding ',
  'local time at ', 'Priority: ', 'High ', '99.9 per ', 'twice the ', 'EUR ', 'a.m. ', '8am-x', 'Mon-x ', '1 1.5 x ',
]

/** `unit` repeated to exactly `length` characters. */
export const adversarial = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)

/** The regular expression work of one call: how many matches were run, and how many characters they advanced over. */
export interface Work {
  readonly execs: number
  readonly chars: number
}

/**
 * Count the regular expression work of `fn()`: every match run (exec, and so test, match, matchAll, replace, search
 * and split, which call it when it is replaced) and the characters it advanced over: from where it started (lastIndex
 * for a global or sticky pattern, else 0) to the end of its match, or to the end of the text when it failed. A pass that
 * reads the text once advances over each character about once; one that searches again from every position, or
 * searches slices of what is left, advances over the text again and again. Deterministic: the same input gives the same
 * count on any machine, under any load. (Backtracking inside one match is not counted: that is the ReDoS test's.)
 */
export function regexWork(fn: () => unknown): Work {
  const exec = RegExp.prototype.exec
  let execs = 0
  let chars = 0
  RegExp.prototype.exec = function (this: RegExp, input: string): RegExpExecArray | null {
    const text = String(input)
    const from = this.global || this.sticky ? this.lastIndex : 0
    const m = exec.call(this, text)
    execs++
    chars += Math.max(1, (m ? m.index + m[0].length : this.sticky ? from + 1 : text.length) - from)
    return m
  }
  try {
    fn()
  } finally {
    RegExp.prototype.exec = exec
  }
  return {execs, chars}
}

/** CPU milliseconds per call, best of `rounds` samples of about 5 ms each (CPU time: other processes do not count). */
export function cpuPerCall(fn: () => unknown, rounds = 3): number {
  const sample = (calls: number): number => {
    const t = process.cpuUsage()
    for (let c = 0; c < calls; c++) fn()
    const d = process.cpuUsage(t)
    return (d.user + d.system) / 1000 / calls
  }
  const calls = Math.ceil(5 / Math.max(sample(1), 0.01))
  let best = Infinity
  for (let i = 0; i < rounds; i++) best = Math.min(best, sample(calls))
  return best
}

// Score the language rules on labelled sentence sets: each line of a set is a short snippet with the rules that must
// flag it; the snippet is linted inside a small agreement and every finding on its lines counts.
//   node --import tsx scripts/language-sets.ts [SET.tsv ...] [--misses]
// Prints true and false positives and negatives, precision, recall and F1 per rule, and with --misses every snippet
// read otherwise than labelled.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {lint} from '../src/lint.js'
import {TextCache} from '../src/reading/index.js'
import {rules} from '../rules/index.js'

const RULES = {v: 'no-vague-terms', o: 'no-overpromising', p: 'no-placeholders'} as const
type Flag = keyof typeof RULES
const PREAMBLE = '# Managed Services Agreement\n\nThis agreement is between Arbor Systems Ltd ("we", "us", "the Provider") and Bellfield Clinic Ltd ("you", "the Client").\n\n## Terms\n\n'

export interface Case {
  readonly line: number
  readonly flags: ReadonlySet<Flag>
  readonly text: string
}

/** The cases of a set: `flags<TAB>text` per line, `#` comments, `\n` a line break inside the text. */
export function readSet(file: string): Case[] {
  const cases: Case[] = []
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return
    const tab = raw.indexOf('\t')
    if (tab < 0) throw new Error(`${path.basename(file)}:${i + 1}: no tab between the flags and the text`)
    const flags = raw.slice(0, tab).trim()
    const set = new Set<Flag>()
    if (flags !== '-') for (const f of flags.split(',')) {
      if (!(f in RULES)) throw new Error(`${path.basename(file)}:${i + 1}: unknown flag "${f}"`)
      set.add(f as Flag)
    }
    cases.push({line: i + 1, flags: set, text: raw.slice(tab + 1).replace(/\\n/g, '\n')})
  })
  return cases
}

const ruleList = rules.filter((r) => (Object.values(RULES) as string[]).includes(r.meta.id))

/** The rules that flag the case's own lines. */
export function flagged(c: Case, textCache = new TextCache()): Set<Flag> {
  const first = PREAMBLE.split('\n').length
  const result = lint(PREAMBLE + c.text + '\n', {rules: ruleList, filePath: 'set.md', textCache})
  const out = new Set<Flag>()
  for (const m of result.messages) {
    if (m.line < first) continue
    const f = (Object.keys(RULES) as Flag[]).find((k) => RULES[k] === m.ruleId)
    if (f) out.add(f)
  }
  return out
}

function pct(n: number, d: number): string {
  return d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`
}

function main(): void {
  const args = process.argv.slice(2)
  const misses = args.includes('--misses')
  const files = args.filter((a) => !a.startsWith('--'))
  if (files.length === 0) files.push('test/language-sets/set-a.tsv')
  const textCache = new TextCache()
  for (const file of files) {
    const cases = readSet(file)
    const counts = Object.fromEntries((Object.keys(RULES) as Flag[]).map((f) => [f, {tp: 0, fp: 0, fn: 0}]))
    const wrong: string[] = []
    for (const c of cases) {
      const got = flagged(c, textCache)
      for (const f of Object.keys(RULES) as Flag[]) {
        const want = c.flags.has(f)
        const has = got.has(f)
        if (want && has) counts[f]!.tp++
        else if (has) counts[f]!.fp++
        else if (want) counts[f]!.fn++
      }
      const label = (s: ReadonlySet<Flag>) => [...s].sort().join(',') || '-'
      if (label(got) !== label(c.flags)) wrong.push(`  ${path.basename(file)}:${c.line}  labelled ${label(c.flags)}, read ${label(got)}: ${c.text.replace(/\n/g, '\\n')}`)
    }
    console.log(`${path.basename(file)}: ${cases.length} snippets, ${cases.length - wrong.length} read as labelled`)
    console.log('  rule               TP  FP  FN  precision  recall      F1')
    let all = {tp: 0, fp: 0, fn: 0}
    for (const f of Object.keys(RULES) as Flag[]) {
      const {tp, fp, fn} = counts[f]!
      all = {tp: all.tp + tp, fp: all.fp + fp, fn: all.fn + fn}
      console.log(`  ${RULES[f].padEnd(18)} ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}     ${pct(tp, tp + fp)}  ${pct(tp, tp + fn)}  ${pct(2 * tp, 2 * tp + fp + fn)}`)
    }
    console.log(`  ${'all three'.padEnd(18)} ${String(all.tp).padStart(3)} ${String(all.fp).padStart(3)} ${String(all.fn).padStart(3)}     ${pct(all.tp, all.tp + all.fp)}  ${pct(all.tp, all.tp + all.fn)}  ${pct(2 * all.tp, 2 * all.tp + all.fp + all.fn)}`)
    if (misses) for (const w of wrong) console.log(w)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main()

// `npm run eval`: accuracy on the project's labelled agreements and, when present, the shared real-agreement corpus.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {LANGUAGE_IDS, loadCorpus, loadFixtures, ratio, score, totals, type Counts, type LabelledFile} from './evaluate.js'

const root = path.join(import.meta.dirname, '..')
const corpusDir = process.env['CLAUSELINT_CORPUS'] ?? path.join(root, '..', 'shared', 'corpus')
const USAGE = `usage: npm run eval [-- --summary | --detail]

Scores the clause and language rules against the labelled agreements in fixtures/agreements and, when present, the
shared corpus (CLAUSELINT_CORPUS names its folder). --summary prints the tables and the summary lines; --detail (the
default) also lists every disagreement.`
const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE)
  process.exit(0)
}
const unknownArg = args.find((a) => a !== '--summary' && a !== '--detail')
if (unknownArg !== undefined) {
  console.error(`eval: unknown argument "${unknownArg}" (known: --summary, --detail, --help)`)
  process.exit(2)
}
const quiet = args.includes('--summary')

function fmt(n: number): string {
  return n.toFixed(2)
}

function table(title: string, map: Map<string, Counts>): void {
  console.log(`\n${title}`)
  console.log(`  ${'rule'.padEnd(24)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'TN'.padStart(4)}  prec  rec   F1    exact`)
  for (const [id, c] of map) {
    const p = ratio(c.tp, c.tp + c.fp)
    const r = ratio(c.tp, c.tp + c.fn)
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r)
    console.log(`  ${id.padEnd(24)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)} ${String(c.tn).padStart(4)}  ${fmt(p)}  ${fmt(r)}  ${fmt(f1)}  ${c.exact}/${c.total}`)
  }
  const t = totals(map)
  console.log(`  ${'all'.padEnd(24)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)} ${String(t.tn).padStart(4)}  ${fmt(t.precision)}  ${fmt(t.recall)}  ${fmt(t.f1)}  ${t.exact}/${t.total} = ${fmt(t.agreement)}`)
}

/** One line per set: the figures the accuracy goals are stated in. */
function summary(name: string, files: readonly LabelledFile[]): void {
  const s = score(files)
  const c = totals(s.clauses)
  const lang = new Map([...s.language].filter(([id]) => (LANGUAGE_IDS as readonly string[]).includes(id)))
  const l = totals(lang)
  console.log(
    `  ${name.padEnd(28)} ${String(files.length).padStart(3)} agreements  exact ${c.exact}/${c.total} = ${fmt(c.agreement)}  clause prec ${fmt(c.precision)} rec ${fmt(c.recall)}  language P ${fmt(l.precision)} R ${fmt(l.recall)} F1 ${fmt(l.f1)}  must-not-flag hits ${s.mustNotFlagHits.length}`,
  )
}

function report(name: string, files: readonly LabelledFile[]): void {
  console.log(`\n=== ${name}: ${files.length} labelled agreements ===`)
  const s = score(files)
  table('Clause rules (a defect is vague or missing; exact = same outcome)', s.clauses)
  table('Language and integrity rules (scored per line)', s.language)
  console.log(`\nFalse alarms on must-not-flag lines: ${s.mustNotFlagHits.length}`)
  if (quiet) return
  console.log(`\nDisagreements (${s.disagreements.length}):`)
  for (const d of s.disagreements) {
    console.log(`  ${d.file}:${d.line}  ${d.ruleId}  expected ${d.expected}, got ${d.actual}`)
    if (d.evidence) console.log(`      "${d.evidence.slice(0, 140)}"`)
  }
}

const own = loadFixtures(path.join(root, 'fixtures', 'agreements'))
const corpus = existsSync(corpusDir) ? loadCorpus(corpusDir) : []
report('fixtures/agreements', own)
if (corpus.length) report('shared corpus (labels.json)', corpus)
else console.log('\n(shared corpus not found; set CLAUSELINT_CORPUS to its folder to include it)')
console.log('\nSummary (language = no-overpromising, no-vague-terms, no-placeholders)')
summary('fixtures/agreements', own)
if (corpus.length) {
  summary('shared corpus', corpus)
  summary('dev set (both)', [...own, ...corpus])
}

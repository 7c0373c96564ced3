// subset scorer, run from a checkout root: cp /work/notes/measure.ts m.tmp.ts; node --import tsx m.tmp.ts PREFIX [--detail] [--dir DIR]
import {loadFixtures, score, totals, LANGUAGE_IDS} from './scripts/evaluate.js'
const args = process.argv.slice(2)
const prefix = args[0] ?? ''
const detail = args.includes('--detail')
const di = args.indexOf('--dir')
const dir = di >= 0 ? args[di + 1]! : 'fixtures/agreements'
const files = loadFixtures(dir).filter((f) => f.label.file.startsWith(prefix))
const s = score(files)
const c = totals(s.clauses)
const lang = new Map([...s.language].filter(([k]) => (LANGUAGE_IDS as readonly string[]).includes(k)))
const l = totals(lang)
const pct = (x: number) => (100 * x).toFixed(1)
console.log(`${files.length} files; clause exact ${c.exact}/${c.total} = ${pct(c.exact / c.total)}%  P ${pct(c.precision)} R ${pct(c.recall)}  lang P ${pct(l.precision)} R ${pct(l.recall)} F1 ${pct(l.f1)}  mnf ${s.mustNotFlagHits.length}`)
for (const [id, x] of [...s.clauses, ...s.language]) if (x.fp || x.fn) console.log(`  ${id}: fp ${x.fp} fn ${x.fn}`)
if (detail) for (const d of s.disagreements) console.log(`  ${d.file} ${d.ruleId} L${d.line}: expected ${d.expected}, got ${d.actual} | ${d.evidence.slice(0, 140)}`)
for (const d of s.mustNotFlagHits) console.log(`  MNF ${d.file} ${d.ruleId} L${d.line}: ${d.evidence.slice(0, 160)}`)

// Explain a clause decision (a debugging aid): `node --import tsx scripts/why.ts FILE RULE-ID [--unreached]`
// It follows the path the rule really takes: the home sections judged as a whole, then each unit that the topic
// filter lets through (a sentence, a table row, a list item read with the sentence that introduced it), in document
// order, until the first present. With --unreached it also lists the units the real path never judges (kept out by
// the topic filter, or after the first present) that the judge would decide (where a clause in other words goes unseen).
import {readFileSync} from 'node:fs'
import {compileClause, findClause, prepare, unitsOf, type ClauseRuleSpec, type Unit, type Verdict} from '../src/clauses.js'
import {buildDocument} from '../src/document.js'
import {read} from '../src/reading/index.js'
import {rules} from '../rules/index.js'

const args = process.argv.slice(2)
const unreached = args.includes('--unreached')
const [file, id] = args.filter((a) => !a.startsWith('--'))
if (!file || !id) {
  console.error('usage: why.ts FILE RULE-ID [--unreached]')
  process.exit(2)
}
const rule = rules.find((r) => r.meta.id === id) as unknown as {spec?: ClauseRuleSpec} | undefined
const spec = rule?.spec
if (!spec) {
  console.error(`why.ts: ${id} is not a clause rule`)
  process.exit(2)
}
let source: string
try {
  source = readFileSync(file, 'utf8')
} catch (e) {
  console.error(`why.ts: ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
  process.exit(2)
}
const doc = buildDocument(source, file)
const reading = read(doc)
const re = compileClause(spec.data)
const line = (offset: number): number => doc.positionAt(offset).line
const show = (v: Verdict | undefined): string => (v ? `${v.outcome}${v.target ? ` (${v.target})` : ''}${v.detail ? ` — ${v.detail}` : ''}` : 'no verdict')
const judged = new Set<string>()
const key = (u: Unit): string => `${u.block.position.start.offset}:${u.start}`
const steps: string[] = []
const finding = findClause(doc, spec, {}, reading, re, {
  section: (s, v) => steps.push(`  section "${s.path.join(' › ')}" as a whole: ${show(v)}`),
  unit: (u, v) => {
    judged.add(key(u))
    const where = `${line(u.block.position.start.offset)}${u.inHome ? ' (in its home)' : ''}`
    steps.push(`  ${where}: ${show(v)}  "${u.text.slice(0, 120)}"${u.intro ? `\n      introduced by "${u.intro.slice(0, 100)}"` : ''}`)
  },
})
console.log(`outcome: ${finding.outcome}`, finding.section?.path.join(' › ') ?? '', finding.unit ? `at line ${line(finding.unit.block.position.start.offset)}: "${finding.unit.text.slice(0, 160)}"` : '')
console.log(steps.length ? 'judged, in order:' : 'nothing reached the judge')
for (const s of steps) console.log(s)
if (unreached) {
  const {homeIds, reader} = prepare(doc, spec, {}, reading, re)
  console.log('not judged on the real path (kept out by the topic filter, or after the first present), though the judge would decide:')
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    for (const unit of unitsOf(block, homeIds.has(block.section.id))) {
      if (judged.has(key(unit))) continue
      const v = spec.judge(unit, reader)
      if (v) console.log(`  ${line(block.position.start.offset)}: ${show(v)}  "${unit.text.slice(0, 120)}"`)
    }
  }
}

// Explain a clause decision (a debugging aid): `node --import tsx scripts/why.ts FILE RULE-ID`
import {readFileSync} from 'node:fs'
import {findClause, prepare, unitsOf} from '../src/clauses.js'
import {buildDocument} from '../src/document.js'
import {rules} from '../rules/index.js'
import type {ClauseRuleSpec} from '../src/clauses.js'

const [file, id] = process.argv.slice(2)
if (!file || !id) throw new Error('usage: why.ts FILE RULE-ID')
const doc = buildDocument(readFileSync(file, 'utf8'), file)
const rule = rules.find((r) => r.meta.id === id) as unknown as {spec?: ClauseRuleSpec}
const spec = rule.spec
if (!spec) throw new Error(`${id} is not a clause rule`)
const f = findClause(doc, spec)
console.log('outcome:', f.outcome, f.section?.path.join(' › ') ?? '', f.unit ? `"${f.unit.text.slice(0, 160)}"` : '')
const {homeIds, reader} = prepare(doc, spec)
for (const block of doc.blocks) {
  if (block.kind === 'heading') continue
  for (const unit of unitsOf(block, homeIds.has(block.section.id))) {
    const v = spec.judge(unit, reader)
    if (v) console.log(`  ${doc.positionAt(block.position.start.offset).line}: ${v.outcome}  "${unit.text.slice(0, 120)}"`)
  }
}

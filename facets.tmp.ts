import {readFileSync} from 'node:fs'
import {parseAgreement, clauseRules} from './src/compare/adapter.ts'
import {readClause, VALUE_CLAUSES} from './src/compare/read.ts'
const doc = parseAgreement(readFileSync(process.argv[2]!, 'utf8'), process.argv[2]!)
for (const r of clauseRules()) {
  if (!(VALUE_CLAUSES as readonly string[]).includes(r.id)) continue
  const c = readClause(doc, r)
  console.log(r.id, c.located.outcome, c.facets.map(f => `${f.key}=${f.value}(${f.shown})`).join('; '))
}

import {readFileSync} from 'node:fs'
import {parseAgreement, clauseRules, locate} from './src/compare/adapter.ts'
import {readClause} from './src/compare/read.ts'
const doc = parseAgreement(readFileSync(process.argv[2]!, 'utf8'), process.argv[2]!)
const r = clauseRules().find(r => r.id === process.argv[3])!
const c = readClause(doc, r)
console.log(c.located.outcome, c.located.text, c.located.section?.title, c.region.length, c.region.map(b=>b.text.slice(0,80)))

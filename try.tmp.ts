import {readFileSync} from 'node:fs'
import {compare} from './src/compare/compare.ts'
const [a, t] = process.argv.slice(2)
const c = compare(readFileSync(a, 'utf8'), readFileSync(t, 'utf8'), {filePath: a, templatePath: t})
for (const cl of c.clauses) console.log(cl.ruleId, cl.template.outcome, '->', cl.agreement.outcome)
for (const d of c.differences) console.log(`${d.line}:${d.column} ${d.severity} ${d.kind} ${d.ruleId}: ${d.message}`)

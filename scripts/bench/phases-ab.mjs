// Bench helper: the per-phase CPU of two builds, in alternating fresh processes (A, B, A, B, …) so that the load of a
// shared machine falls on both alike; each process runs scripts/bench/inprocess.mjs phases under its own root, with the
// V8 flags that build's command sets.
//   node scripts/bench/phases-ab.mjs <rootA> <rootB> <runs> <warm-up> <file|dir>...
// Prints per phase the median CPU ms/MB of each build and B/A, the section tree as build minus parse, and the sums of
// the clause rules and of all rules.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const [rootA, rootB, runsArg, warmArg, ...paths] = process.argv.slice(2)
if (!rootA || !rootB || !paths.length) {
  process.stderr.write('usage: phases-ab.mjs <rootA> <rootB> <runs> <warm-up> <file|dir>...\n')
  process.exit(2)
}
const runs = Number(runsArg)
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const CLAUSE_RULES = new Set(['scope-of-services', 'excluded-services', 'service-hours', 'after-hours-support', 'response-times', 'priority-levels', 'resolution-times', 'backup-frequency', 'failure-responsibility', 'customer-requirements', 'performance-targets', 'fees-and-payment', 'term-and-termination', 'indemnification', 'confidentiality', 'data-protection', 'limitation-of-liability', 'governing-law', 'parties', 'notices', 'definitions'])
// each build under the V8 flags its command sets (the lines of its bin/clauselint.js that set them), as the bench's row runs
const commandFlags = (root) => [...fs.readFileSync(path.join(path.resolve(root), 'bin', 'clauselint.js'), 'utf8').matchAll(/^v8\.setFlagsFromString\('(--[^']+)'\)$/gm)].map((m) => m[1])
const one = (root) => {
  const out = execFileSync(process.execPath, [...commandFlags(root), path.join(path.resolve(root), 'scripts', 'bench', 'inprocess.mjs'), 'phases', warmArg, ...paths], {encoding: 'utf8', maxBuffer: 1 << 26})
  const c = JSON.parse(out.trim().split('\n').at(-1)).cpuMsPerMb
  const rows = {...c, 'section tree': c['parse + section tree'] - c['parse']}
  let clause = 0
  let all = 0
  for (const [k, v] of Object.entries(c)) {
    if (!k.startsWith('rule ')) continue
    all += v
    if (CLAUSE_RULES.has(k.slice(5))) clause += v
  }
  return {...rows, 'clause rules (sum)': clause, 'all rules (sum)': all, 'tree + rules + detection': all + rows['section tree'] + (c['profile detection'] ?? 0)}
}
const got = {A: [], B: []}
for (let i = 0; i < runs; i++) {
  for (const [name, root] of i % 2 ? [['B', rootB], ['A', rootA]] : [['A', rootA], ['B', rootB]]) got[name].push(one(root))
  process.stderr.write(`run ${i + 1}/${runs}\n`)
}
const keys = Object.keys(got.A[0]).sort((x, y) => median(got.A.map((r) => r[y])) - median(got.A.map((r) => r[x])))
console.log(`${'phase'.padEnd(34)} ${'A ms/MB'.padStart(9)} ${'B ms/MB'.padStart(9)}   B/A   (medians of ${runs} alternating runs each)`)
for (const k of keys) {
  const a = median(got.A.map((r) => r[k] ?? 0))
  const b = median(got.B.map((r) => r[k] ?? 0))
  console.log(`${k.padEnd(34)} ${a.toFixed(1).padStart(9)} ${b.toFixed(1).padStart(9)}  ${(b / a).toFixed(3)}`)
}

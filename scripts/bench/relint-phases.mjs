// Bench helper: where a language server's re-lint spends its CPU, phase by phase. The document is linted as the server
// lints it (one parse cache and one text cache that keeps block readings), then one character is typed at the end of a
// line spread through the text and the text linted again, edit after edit, as scripts/bench/lsp-relint.mjs types them;
// the first five edits warm up and are not counted. Each phase's CPU (user + system) is summed over the counted edits:
// the tree (parse of the changed parts and the section tree), the rule plan, the reading, and each rule (a reading
// shared by several rules is charged to the first rule that asks for it).
//   node --no-regexp-tier-up --interrupt-budget=540672 scripts/bench/relint-phases.mjs <edits> <file> [root]
// (the V8 flags the command sets for every run, --lsp included; root: a checkout with its build, default this one).
// Prints a table of CPU ms per re-lint by phase, largest first, and one JSON line.
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const [editsArg, fileArg, rootArg] = process.argv.slice(2)
if (!fileArg) {
  process.stderr.write('usage: relint-phases.mjs <edits> <file> [root]\n')
  process.exit(2)
}
const edits = Number(editsArg ?? 100)
const root = path.resolve(rootArg ?? path.join(import.meta.dirname, '..', '..'))
const d = (f) => import(pathToFileURL(path.join(root, 'dist', f)).href)
await d('rules/index.js')
const {buildDocument} = await d('src/document.js')
const {ruleOptions} = await d('src/engine.js')
const {planRules} = await d('src/lint.js')
const {ParseCache} = await d('src/parse.js')
const {read, TextCache} = await d('src/reading/index.js')

const text = fs.readFileSync(path.resolve(fileArg), 'utf8')
const parseCache = new ParseCache()
const textCache = new TextCache({blocks: true})
const totals = new Map()
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function lintOnce(source, counted) {
  let c = cpuMs()
  const add = (phase) => {
    const now = cpuMs()
    if (counted) totals.set(phase, (totals.get(phase) ?? 0) + now - c)
    c = now
  }
  const doc = buildDocument(source, path.basename(fileArg), {parseCache})
  add('tree')
  const plan = planRules(doc, {})
  add('plan')
  const reading = read(doc, textCache)
  add('reading')
  for (const rule of plan.rules) {
    if ((plan.severities[rule.meta.id] ?? rule.meta.severity) === 'off') continue
    rule.check({doc, reading, options: ruleOptions(rule, plan.ruleOptions[rule.meta.id]), report() {}, cover() {}})
    add(rule.meta.id)
  }
}

lintOnce(text, false)
const lines = text.split('\n')
const WARM_UP = 5
for (let k = 0; k < WARM_UP; k++) {
  lines[Math.floor(((k + 0.25) / WARM_UP) * lines.length)] += 'x'
  lintOnce(lines.join('\n'), false)
}
for (let k = 0; k < edits; k++) {
  lines[Math.floor(((k + 0.5) / edits) * lines.length)] += 'x'
  lintOnce(lines.join('\n'), true)
}
const all = [...totals.values()].reduce((a, b) => a + b, 0)
const rows = [...totals].sort((a, b) => b[1] - a[1])
console.log(`CPU per re-lint: ${(all / edits).toFixed(2)} ms over ${edits} edits (1-minute load ${(await import('node:os')).loadavg()[0].toFixed(1)})`)
for (const [phase, ms] of rows) console.log(`${phase.padEnd(28)} ${(ms / edits).toFixed(2).padStart(7)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%`)
console.log(JSON.stringify({edits, cpuMsPerRelint: all / edits, phases: Object.fromEntries(rows.map(([p, ms]) => [p, ms / edits]))}))

// Bench helper: the language server's re-lint of two builds side by side, in one process, so that the load of a shared
// machine falls on both alike. Each build's `Linter` (dist/src/lsp/linter.js under each ROOT, each with its own kept
// parts and readings) opens the agreement, and every edit (one character typed at the end of a line spread through the
// text, as scripts/bench/lsp-relint.mjs types them) is linted by both, the order swapped from one edit to the next.
//   node --no-regexp-tier-up --interrupt-budget=540672 scripts/bench/relint-ab.mjs <rootA> <rootB> <edits> <file> [rounds]
// (the V8 flags the command sets for every run, --lsp included). Prints per round the CPU ms of each build's re-lints
// (sum, median per edit) and B/A, then the medians over all edits, and whether every edit gave both the same messages.
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const [rootA, rootB, editsArg, fileArg, roundsArg] = process.argv.slice(2)
if (!rootA || !rootB || !fileArg) {
  process.stderr.write('usage: relint-ab.mjs <rootA> <rootB> <edits> <file> [rounds]\n')
  process.exit(2)
}
const edits = Number(editsArg ?? 30)
const rounds = Number(roundsArg ?? 3)
const file = path.resolve(fileArg)
const text = fs.readFileSync(file, 'utf8')
const WARM_UP = 5

const linterOf = async (root) => {
  const {Linter} = await import(pathToFileURL(path.join(path.resolve(root), 'dist', 'src', 'lsp', 'linter.js')).href)
  return new Linter(path.dirname(file), {})
}
const builds = [
  {name: 'A', linter: await linterOf(rootA), cpu: []},
  {name: 'B', linter: await linterOf(rootB), cpu: []},
]
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

let differing = 0
for (const b of builds) await b.linter.lint({text, filePath: file, name: file})
const lines = text.split('\n')
let step = 0
for (let round = 0; round < rounds + 1; round++) {
  // round 0 is the warm-up: WARM_UP edits on lines of their own, not counted
  const n = round === 0 ? WARM_UP : edits
  const from = builds.map((b) => b.cpu.length)
  for (let k = 0; k < n; k++) {
    const at = Math.floor(((k + (round === 0 ? 0.25 : 0.5)) / n) * lines.length)
    lines[at] += 'x'
    const now = lines.join('\n')
    const order = step++ % 2 ? [builds[1], builds[0]] : builds
    const messages = new Map()
    for (const b of order) {
      const c0 = cpuMs()
      const r = await b.linter.lint({text: now, filePath: file, name: file})
      const c = cpuMs() - c0
      if (r.kind !== 'result') throw new Error(`build ${b.name}: no result (${r.kind})`)
      messages.set(b.name, JSON.stringify(r.result.messages))
      if (round > 0) b.cpu.push(c)
    }
    if (messages.get('A') !== messages.get('B')) differing++
  }
  if (round === 0) continue
  const [a, b] = builds.map((x, i) => x.cpu.slice(from[i]))
  const sum = (xs) => xs.reduce((p, q) => p + q, 0)
  console.log(`round ${round}: A ${sum(a).toFixed(1)} ms (median ${median(a).toFixed(2)}), B ${sum(b).toFixed(1)} ms (median ${median(b).toFixed(2)}), B/A ${(sum(b) / sum(a)).toFixed(3)}`)
}
const [a, b] = builds.map((x) => x.cpu)
console.log(`all ${a.length} edits: CPU per re-lint, median A ${median(a).toFixed(2)} ms, B ${median(b).toFixed(2)} ms, B/A ${(median(b) / median(a)).toFixed(3)}; edits whose messages differ: ${differing}`)

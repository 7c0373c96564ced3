// Bench helper: two builds of the command side by side as whole processes, alternating, CPU beside wall, so that the
// load of a shared machine falls on both alike. Each ROOT is a checkout (or a copy of one) with its build: the command
// run is `node ROOT/bin/clauselint.js ARGS…`, from the current folder, standard input from FILE when given.
//   node --import tsx scripts/bench/ab.ts ROOT_A ROOT_B [--rounds N] [--stdin FILE] -- ARGS…
// One run of each first, not counted (it writes each build's code cache); then N rounds, the order swapped every
// round. Prints each round (CPU, wall, the 1-minute load average before it), the medians, and the pairwise median of
// B's CPU over A's: at a high load only that ratio means much, and a run of A against itself shows how far it scatters.
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {measure, median, type Run} from './measure.js'

function usage(message: string): never {
  process.stderr.write(`ab: ${message}\nusage: node --import tsx scripts/bench/ab.ts ROOT_A ROOT_B [--rounds N] [--stdin FILE] -- ARGS…\n`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({allowPositionals: true, options: {rounds: {type: 'string'}, stdin: {type: 'string'}}})
} catch (error) {
  usage((error instanceof Error ? error.message : String(error)).split('\n')[0]!)
}
const [rootA, rootB, ...args] = parsed.positionals
if (!rootA || !rootB) usage('give two roots')
const rounds = Number(parsed.values.rounds ?? 10)
if (!Number.isSafeInteger(rounds) || rounds < 1) usage(`--rounds needs a whole number of at least 1, got "${parsed.values.rounds}"`)
const stdinFile = parsed.values.stdin === undefined ? undefined : path.resolve(parsed.values.stdin)
const bin = (root: string): string => path.resolve(root, 'bin', 'clauselint.js')

async function run(root: string): Promise<Run> {
  const r = await measure(process.execPath, [bin(root), ...args], {...(stdinFile ? {stdinFile} : {}), timeoutMs: 600_000})
  if (r.timedOut || (r.code !== 0 && r.code !== 1)) {
    process.stderr.write(`ab: ${root}: exit code ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderrTail.split('\n').pop()}\n`)
    process.exit(2)
  }
  if (r.cpu === undefined) usage('this machine cannot measure a child process\'s CPU time')
  return r
}

await run(rootA)
await run(rootB)
const a: Run[] = []
const b: Run[] = []
const loads: number[] = []
const fmt = (r: Run): string => `CPU ${r.cpu!.toFixed(3)} s, wall ${r.wall.toFixed(3)} s`
for (let i = 0; i < rounds; i++) {
  const load = os.loadavg()[0]!
  loads.push(load)
  if (i % 2 === 0) {
    a.push(await run(rootA))
    b.push(await run(rootB))
  } else {
    b.push(await run(rootB))
    a.push(await run(rootA))
  }
  process.stdout.write(`round ${i + 1} (load ${load.toFixed(1)}): A ${fmt(a[i]!)}; B ${fmt(b[i]!)}; B/A CPU ${(b[i]!.cpu! / a[i]!.cpu!).toFixed(3)}\n`)
}
const cpus = (rs: Run[]): number[] => rs.map((r) => r.cpu!)
const walls = (rs: Run[]): number[] => rs.map((r) => r.wall)
process.stdout.write(`A ${rootA}: CPU median ${median(cpus(a)).toFixed(3)} s, wall median ${median(walls(a)).toFixed(3)} s\n`)
process.stdout.write(`B ${rootB}: CPU median ${median(cpus(b)).toFixed(3)} s, wall median ${median(walls(b)).toFixed(3)} s\n`)
process.stdout.write(`B/A CPU, pairwise median ${median(a.map((r, i) => b[i]!.cpu! / r.cpu!)).toFixed(3)}; load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}\n`)

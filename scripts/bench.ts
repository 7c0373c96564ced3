// npm run bench [-- options]: how fast clauselint is, against its own parser and the peer Markdown linters.
//
// Generates a deterministic corpus (scripts/bench/corpus.ts) into a temp folder, then measures
//   - whole processes (medians over repeated runs, run round-robin so load drift hits every command alike):
//     `node -e 0`, parse-only with clauselint's parser, the built CLI (`--format json`, output to /dev/null), and
//     remark-cli + remark-preset-lint-recommended, markdownlint-cli2 and textlint when they are installed;
//   - in-process: parse-only vs full lint on the same texts, the 0.5 → 10 MB scaling of time and peak RSS, and the
//     module-load time of the CLI.
// The peers are never dependencies of clauselint: install them in a scratch folder and point BENCH_PEERS_DIR at it
// (see --help). The CLI is run from dist/: run `npm run build` first.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {ensureCorpus, generateCorpus, MB, type CorpusSpec} from './bench/corpus.js'
import {accounting, measure, median, runChild, type Run} from './bench/measure.js'
import {ADVERSARIAL_UNITS, adversarial, cpuPerCall, EXTRACTORS, regexWork} from './bench/extract.js'
import {ONE_FILE_HEAP_GROWING_PERCENT, ONE_FILE_OLD_GENERATION_MB, ONE_FILE_YOUNG_GENERATION_MB} from '../src/scale.js'

const root = path.resolve(import.meta.dirname, '..')
const HELP = `Usage: npm run bench -- [options]

  --files N           number of ~15 KB agreements in the many-file corpus (default 1000)
  --quick             a small run: 100 files, scaling to 2 MB, fewer repeats
  --check             generate the corpus in memory, print file count, bytes and sha256, and exit
  --runs N            most counted runs of a fast command (default 10; 5 with --quick)
  --timeout S         stop one whole-process run after S seconds and report it as "> S s" (default 180)
  --scale-timeout S   stop one in-process lint of a scaling file after S seconds (default 150)
  --budget S          time for the repeats of one series of commands (default 150; 40 with --quick)
  --dir PATH          where to generate the corpus (default BENCH_DIR, or a folder in the OS temp dir)
  --no-peers          do not run the peer linters
  --profile           also profile the full lint of the many-file corpus (--cpu-prof) and print the top functions
  --only LIST         run only these sections (comma-separated): one, many, cache, real, ratio, phases, parser, docx, compare, extract, scale, load

Peers are looked up as node_modules/.bin/<name> in BENCH_PEERS_DIR, then on PATH. To install them outside the
repository:
  mkdir -p "$TMPDIR/clauselint-peers" && cd "$TMPDIR/clauselint-peers" && npm init -y >/dev/null &&
  npm install remark-cli remark-preset-lint-recommended markdownlint-cli2 textlint textlint-rule-no-todo \\
    textlint-rule-write-good textlint-rule-terminology unified remark-parse remark-gfm
  BENCH_PEERS_DIR="$TMPDIR/clauselint-peers" npm run bench
`

const {values: opts} = parseArgs({
  options: {
    files: {type: 'string'},
    quick: {type: 'boolean', default: false},
    check: {type: 'boolean', default: false},
    runs: {type: 'string'},
    timeout: {type: 'string'},
    'scale-timeout': {type: 'string'},
    budget: {type: 'string'},
    dir: {type: 'string'},
    'no-peers': {type: 'boolean', default: false},
    profile: {type: 'boolean', default: false},
    only: {type: 'string'},
    help: {type: 'boolean', short: 'h', default: false},
  },
})
if (opts.help) {
  process.stdout.write(HELP)
  process.exit(0)
}
const num = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(`bench: --${name} needs a positive number, got "${v}"\n`)
    process.exit(2)
  }
  return n
}
const quick = opts.quick
const spec: CorpusSpec = {files: Math.round(num(opts.files, quick ? 100 : 1000, 'files')), scaleMb: quick ? [0.5, 1, 2] : [0.5, 1, 2, 5, 10]}
const maxRuns = Math.round(num(opts.runs, quick ? 5 : 10, 'runs'))
const timeoutMs = num(opts.timeout, 180, 'timeout') * 1000
const scaleTimeoutMs = num(opts['scale-timeout'], 150, 'scale-timeout') * 1000
const budgetS = num(opts.budget, quick ? 40 : 150, 'budget')
const SECTIONS = ['one', 'many', 'cache', 'real', 'ratio', 'phases', 'parser', 'docx', 'compare', 'extract', 'scale', 'load'] as const
const only = new Set((opts.only ?? SECTIONS.join(',')).split(',').map((x) => x.trim()).filter(Boolean))
for (const o of only) {
  if (!(SECTIONS as readonly string[]).includes(o)) {
    process.stderr.write(`bench: --only takes ${SECTIONS.join(', ')}; got "${o}"\n`)
    process.exit(2)
  }
}
const want = (section: (typeof SECTIONS)[number]): boolean => only.has(section)

if (opts.check) {
  const started = performance.now()
  const s = generateCorpus(spec)
  const parts = Object.entries(s.byDir).map(([d, v]) => `${d}: ${v.files} files, ${v.bytes} bytes`)
  process.stdout.write(`${s.files} files, ${s.bytes} bytes, sha256 ${s.sha256}\n  ${parts.join('\n  ')}\n  (spec ${JSON.stringify(spec)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`)
  process.exit(0)
}

// ---------------------------------------------------------------------------------------------------------------
// Setup: the built CLI, the machine, the corpus, the peers

const bin = path.join(root, 'bin', 'clauselint.js')
const distCli = path.join(root, 'dist', 'src', 'cli.js')
if (!fs.existsSync(distCli)) {
  process.stderr.write('bench: dist/ is missing; run "npm run build" first\n')
  process.exit(2)
}
// Dirent.parentPath arrived in Node 20.12; 20.10 has only .path
const dirOf = (e: fs.Dirent): string => (e as fs.Dirent & {parentPath?: string; path?: string}).parentPath ?? (e as fs.Dirent & {path: string}).path
const newest = (dir: string): number => {
  let t = 0
  for (const e of fs.readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (e.isFile() && /\.(?:ts|json)$/.test(e.name)) t = Math.max(t, fs.statSync(path.join(dirOf(e), e.name)).mtimeMs)
  }
  return t
}
// --concurrency (worker threads) is measured when the built CLI has it
const hasConcurrency = (() => {
  try {
    return execFileSync(process.execPath, [path.join(root, 'bin', 'clauselint.js'), '--help'], {encoding: 'utf8'}).includes('--concurrency')
  } catch {
    return false
  }
})()
const staleBuild = Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'rules'))) > fs.statSync(distCli).mtimeMs

const out = (s = ''): void => void process.stdout.write(`${s}\n`)
const benchStarted = performance.now()
const cpus = os.cpus()
const machine = {
  cpu: cpus[0]?.model.trim() ?? 'unknown',
  cores: cpus.length,
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  loadStart: os.loadavg().map((l) => l.toFixed(2)),
}
out('# clauselint bench')
out()
out(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, ${machine.platform}, node ${machine.node}`)
out(`load average at start: ${machine.loadStart.join(' ')} (1/5/15 min; above ${machine.cores} means other work shares the CPUs and times stretch)`)
out(`accounting: ${accounting}; every figure is a median unless marked; compare ratios measured in the same run, not seconds across machines`)
if (staleBuild) out('warning: src/ or rules/ is newer than dist/: run "npm run build" so the CLI measured is the current code')

const corpusDir = path.resolve(opts.dir ?? process.env['BENCH_DIR'] ?? path.join(os.tmpdir(), `clauselint-bench-${spec.files}${quick ? '-quick' : ''}`))
const relToRoot = path.relative(root, corpusDir)
if (!relToRoot.startsWith('..') && !path.isAbsolute(relToRoot)) {
  process.stderr.write(`bench: the corpus folder ${corpusDir} is inside the repository; choose one outside it\n`)
  process.exit(2)
}
const genStarted = performance.now()
const corpus = ensureCorpus(spec, corpusDir)
out(`corpus: ${corpusDir}: ${corpus.files} files, ${corpus.bytes} bytes, sha256 ${corpus.sha256.slice(0, 16)}… (${((performance.now() - genStarted) / 1000).toFixed(1)} s; --check prints the full hash)`)
const oneDir = path.join(corpusDir, 'one')
const manyDir = path.join(corpusDir, 'many')
const realDir = path.resolve(process.env['CLAUSELINT_CORPUS'] ?? path.join(root, '..', 'shared', 'corpus'))
const hasReal = fs.existsSync(realDir) && fs.statSync(realDir).isDirectory()
const mdBytes = (p: string): {files: number; bytes: number} => {
  let files = 0
  let bytes = 0
  for (const e of fs.readdirSync(p, {withFileTypes: true, recursive: true})) {
    if (e.isFile() && /\.(?:md|markdown)$/i.test(e.name)) {
      files++
      bytes += fs.statSync(path.join(dirOf(e), e.name)).size
    }
  }
  return {files, bytes}
}

interface Peer {
  readonly id: string
  readonly label: string
  readonly bin: string
  readonly cwd: string
  args(target: string, isFile: boolean): string[]
}
const textlintrc = path.join(corpusDir, 'textlintrc.json')
fs.writeFileSync(textlintrc, JSON.stringify({rules: {'no-todo': true, 'write-good': true, terminology: true}}))
const PEER_DEFS: ReadonlyArray<Omit<Peer, 'bin' | 'cwd'> & {name: string}> = [
  {
    id: 'remark',
    name: 'remark',
    label: 'remark-cli + preset-lint-recommended',
    args: (t) => ['--no-config', '--no-ignore', '--use', 'remark-preset-lint-recommended', '--no-stdout', '--quiet', '--no-color', t],
  },
  {id: 'markdownlint', name: 'markdownlint-cli2', label: 'markdownlint-cli2 (defaults)', args: (t, isFile) => [isFile ? t : `${t.split(path.sep).join('/')}/**/*.md`]},
  {id: 'textlint', name: 'textlint', label: 'textlint: no-todo + write-good + terminology', args: (t) => ['--no-color', '-c', textlintrc, t]},
]
const peers: Peer[] = []
const peerNotes: string[] = []
if (!opts['no-peers']) {
  const peersDir = process.env['BENCH_PEERS_DIR']
  for (const def of PEER_DEFS) {
    const candidates = [
      ...(peersDir ? [{bin: path.join(peersDir, 'node_modules', '.bin', def.name), cwd: peersDir}] : []),
      ...(process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean).map((d) => ({bin: path.join(d, def.name), cwd: process.cwd()})),
    ]
    const found = candidates.find((c) => {
      try {
        fs.accessSync(c.bin, fs.constants.X_OK)
        return true
      } catch {
        return false
      }
    })
    if (found) peers.push({...def, ...found})
    else peerNotes.push(`${def.name} not found in ${peersDir ? `BENCH_PEERS_DIR (${peersDir}) or ` : ''}PATH: skipped (see --help to install it outside the repository)`)
  }
}
// the bare parse of the goal table (unified + remark-parse + remark-gfm), from the peers folder when it has them
const bareRemark = (() => {
  const peersDir = process.env['BENCH_PEERS_DIR']
  if (opts['no-peers'] || !peersDir) return undefined
  return ['unified', 'remark-parse', 'remark-gfm'].every((m) => fs.existsSync(path.join(peersDir, 'node_modules', m, 'package.json'))) ? peersDir : undefined
})()
if (!opts['no-peers'] && !bareRemark) peerNotes.push('unified, remark-parse and remark-gfm not found in BENCH_PEERS_DIR: the bare-parse row is skipped (install them beside the peers)')
out(`peers: ${peers.length ? peers.map((p) => `${p.id} (${p.bin})`).join(', ') : 'none'}`)
for (const n of peerNotes) out(`  note: ${n}`)
out()

// ---------------------------------------------------------------------------------------------------------------
// Whole-process series

interface Cmd {
  readonly id: string
  readonly label: string
  readonly command: string
  readonly args: readonly string[]
  readonly cwd?: string
  /** A file to feed on standard input. */
  readonly stdinFile?: string
  readonly maxRuns: number
  /** Exit codes that mean the command worked (linters exit 1 when they find problems). */
  readonly okCodes: readonly number[]
}
interface Series {
  readonly name: string
  readonly bytes: number
  readonly files: number
  readonly rows: Map<string, {cmd: Cmd; runs: Run[]; failed?: string; warmupCounted: boolean}>
}

const node = process.execPath
const parseOnly = path.join(root, 'scripts', 'bench', 'parse-only.mjs')
const inprocess = path.join(root, 'scripts', 'bench', 'inprocess.mjs')
// the V8 flags the command sets for every run, --lsp included (read from bin/clauselint.js, the lines that set them at its
// top level): every in-process row that lints or times the command's phases runs under them (parse vs lint, the phases,
// Word, compare, the re-lint, every size of the scaling rows), so that it measures the code the command runs (without
// --no-regexp-tier-up, each pattern's first runs are interpreted, and the rules that run many patterns over few texts pay
// for that interpreter, not for their own work); the fast parser against remark-parse, warm and cold, compares two
// parsers and runs without them
const commandFlags = [...fs.readFileSync(bin, 'utf8').matchAll(/^v8\.setFlagsFromString\('(--[^']+)'\)$/gm)].map((m) => m[1]!)

/** Run the commands round-robin: a warm-up round, then rounds until each has its runs or the budget is spent. */
async function series(name: string, target: string, isFile: boolean, cmds: Cmd[]): Promise<Series> {
  const {files, bytes} = isFile ? {files: 1, bytes: fs.statSync(target).size} : mdBytes(target)
  const s: Series = {name, bytes, files, rows: new Map(cmds.map((c) => [c.id, {cmd: c, runs: [], warmupCounted: false}]))}
  const log = (t: string): void => void process.stderr.write(t)
  log(`[${name}] `)
  const once = async (cmd: Cmd): Promise<Run> => {
    const r = await measure(cmd.command, cmd.args, {...(cmd.cwd ? {cwd: cmd.cwd} : {}), ...(cmd.stdinFile ? {stdinFile: cmd.stdinFile} : {}), timeoutMs})
    const row = s.rows.get(cmd.id)!
    if (!r.timedOut && !cmd.okCodes.includes(r.code ?? -1)) row.failed = `exit ${r.code}${r.stderrTail ? `: ${r.stderrTail.split('\n').at(-1)}` : ''}`
    log(r.timedOut ? `${cmd.id} >${(timeoutMs / 1000).toFixed(0)}s ` : `${cmd.id} ${r.wall.toFixed(2)}s `)
    return r
  }
  // warm-up: uncounted, except for runs over 5 s (the corpus is in the page cache and node keeps no code cache)
  for (const cmd of cmds) {
    const r = await once(cmd)
    const row = s.rows.get(cmd.id)!
    if (r.timedOut || r.wall > 5) {
      row.runs.push(r)
      row.warmupCounted = true
    }
  }
  const started = performance.now()
  for (;;) {
    const elapsed = (performance.now() - started) / 1000
    const pending = cmds.filter((c) => {
      const row = s.rows.get(c.id)!
      return !row.failed && !row.runs.some((r) => r.timedOut) && row.runs.length < c.maxRuns
    })
    if (!pending.length) break
    let ran = false
    for (const cmd of pending) {
      const row = s.rows.get(cmd.id)!
      const estimate = row.runs.length ? median(row.runs.map((r) => r.wall)) : 1
      // at least one counted run each; more only within the budget
      if (row.runs.length >= 1 && (performance.now() - started) / 1000 + estimate > budgetS) continue
      row.runs.push(await once(cmd))
      ran = true
    }
    if (!ran || elapsed > budgetS) break
  }
  log('\n')
  return s
}

function lintCmd(target: string, extra: string[] = []): Omit<Cmd, 'id' | 'label' | 'maxRuns'> {
  return {command: node, args: [bin, '--format', 'json', ...extra, target], okCodes: [0, 1]}
}
function peerCmds(target: string, isFile: boolean, runs: number): Cmd[] {
  return peers.map((p) => ({id: p.id, label: p.label, command: p.bin, args: p.args(target, isFile), cwd: p.cwd, maxRuns: runs, okCodes: [0, 1]}))
}

const results: Record<string, unknown> = {machine, spec, corpus: {dir: corpusDir, ...corpus}}
const fmtS = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
const wallOf = (row: {runs: Run[]} | undefined): {median: number; lowerBound: boolean} | undefined => {
  if (!row || !row.runs.length) return undefined
  const timed = row.runs.find((r) => r.timedOut)
  if (timed) return {median: timed.wall, lowerBound: true}
  return {median: median(row.runs.map((r) => r.wall)), lowerBound: false}
}

function printSeries(s: Series, oursId = 'clauselint'): void {
  out(`## ${s.name}: ${s.files} file${s.files === 1 ? '' : 's'}, ${(s.bytes / 1e6).toFixed(2)} MB`)
  out()
  out('| command | runs | wall s, median (min–max) | CPU s | peak RSS MiB | MB/s | × clauselint wall | × clauselint CPU |')
  out('|---|---|---|---|---|---|---|---|')
  const ours = wallOf(s.rows.get(oursId))
  const cpuOf = (runs: readonly Run[]): number[] => runs.flatMap((r) => (r.cpu === undefined || r.timedOut ? [] : [r.cpu]))
  const oursCpu = median(cpuOf(s.rows.get(oursId)?.runs ?? []))
  for (const {cmd, runs, failed, warmupCounted} of s.rows.values()) {
    if (failed) {
      out(`| ${cmd.label} | – | failed (${failed}) | | | | | |`)
      continue
    }
    const w = wallOf({runs})
    if (!w) continue
    const walls = runs.map((r) => r.wall)
    const cpu = cpuOf(runs)
    const rss = runs.flatMap((r) => (r.rssKiB === undefined || r.timedOut ? [] : [r.rssKiB]))
    const wall = w.lowerBound ? `**> ${fmtS(w.median)}** (stopped at the timeout)` : `**${fmtS(w.median)}** (${fmtS(Math.min(...walls))}–${fmtS(Math.max(...walls))})`
    const ratio = ours && !ours.lowerBound && cmd.id !== oursId ? `${w.lowerBound ? '> ' : ''}${(w.median / ours.median).toFixed(2)}` : cmd.id === oursId ? '1' : ''
    const mbps = w.lowerBound ? `< ${(s.bytes / 1e6 / w.median).toFixed(2)}` : (s.bytes / 1e6 / w.median).toFixed(2)
    const cpuRatio = cpu.length && Number.isFinite(oursCpu) ? (median(cpu) / oursCpu).toFixed(2) : ''
    out(`| ${cmd.label} | ${runs.length}${warmupCounted ? '*' : ''} | ${wall} | ${cpu.length ? fmtS(median(cpu)) : '–'} | ${rss.length ? (median(rss) / 1024).toFixed(0) : '–'} | ${mbps} | ${ratio} | ${cpuRatio} |`)
  }
  out()
  results[s.name] = Object.fromEntries([...s.rows].map(([id, r]) => [id, {label: r.cmd.label, failed: r.failed, runs: r.runs}]))
}

const FLOOR: Cmd = {id: 'node', label: '`node -e 0` (startup floor)', command: node, args: ['-e', '0'], maxRuns, okCodes: [0]}
const oneFile = path.join(oneDir, 'agreement.md')
const empty = (name: string): Series => ({name, bytes: 0, files: 0, rows: new Map()})
const seriesOne = !want('one') ? empty('one') : await series('one 50 KB agreement', oneFile, true, [
  FLOOR,
  {id: 'version', label: '`clauselint --version` (startup + CLI module load)', command: node, args: [bin, '--version'], maxRuns, okCodes: [0]},
  {id: 'parse', label: 'parse only (clauselint parser)', command: node, args: [parseOnly, oneFile], maxRuns, okCodes: [0]},
  {id: 'clauselint', label: '**clauselint --format json**', ...lintCmd(oneFile), maxRuns},
  // what an editor's save hook runs: the buffer on standard input
  {id: 'stdin', label: '**clauselint --stdin** (editor save)', command: node, args: [bin, '--format', 'json', '--stdin', '--stdin-filename', 'agreement.md'], stdinFile: oneFile, maxRuns, okCodes: [0, 1]},
  ...peerCmds(oneFile, true, maxRuns),
])
if (want('one')) printSeries(seriesOne)

const slowRuns = quick ? 2 : 3
const seriesMany = !want('many') ? empty('many') : await series(`${spec.files} × ~15 KB agreements`, manyDir, false, [
  {id: 'parse', label: 'parse only (clauselint parser)', command: node, args: [parseOnly, manyDir], maxRuns: slowRuns, okCodes: [0]},
  // default settings: 64 files or more are linted in one worker thread per CPU
  {id: 'clauselint', label: '**clauselint --format json** (default settings)', ...lintCmd(manyDir), maxRuns: slowRuns},
  ...(hasConcurrency ? [{id: 'clauselint-1', label: 'clauselint --format json --concurrency off (one thread)', ...lintCmd(manyDir, ['--concurrency', 'off']), maxRuns: slowRuns}] : []),
  ...peerCmds(manyDir, false, slowRuns),
  ...(bareRemark ? [{id: 'bare-remark', label: 'bare parse: unified + remark-parse + remark-gfm (peers folder)', command: node, args: [path.join(root, 'scripts', 'bench', 'bare-remark.mjs'), bareRemark, manyDir], maxRuns: slowRuns, okCodes: [0]}] : []),
])
if (want('many')) {
  printSeries(seriesMany)
  out('`*` the warm-up run counted (runs over 5 s). A run stopped at the timeout is a lower bound and is not repeated.')
  out()
}

// A warm --cache run over the unchanged many-file corpus, against node's own start-up: the cache is made by one run first.
let seriesCache = empty('cache')
if (want('cache')) {
  const location = path.join(corpusDir, 'bench.clauselintcache')
  fs.rmSync(location, {force: true})
  process.stderr.write('[cache: one cold run to fill it]\n')
  // from the folder the measured runs start in (the settings that apply, and so the cache keys, depend on it)
  await runChild(node, [bin, '--cache', '--cache-location', location, manyDir], {timeoutMs: timeoutMs * 3})
  seriesCache = await series(`warm --cache, ${spec.files} unchanged files`, manyDir, false, [
    FLOOR,
    {id: 'cache', label: '**clauselint --cache** (warm, default stylish report)', command: node, args: [bin, '--cache', '--cache-location', location, manyDir], maxRuns, okCodes: [0, 1]},
    {id: 'cache-json', label: 'clauselint --cache --format json (warm)', command: node, args: [bin, '--cache', '--cache-location', location, '--format', 'json', manyDir], maxRuns, okCodes: [0, 1]},
  ])
  printSeries(seriesCache, 'cache')
}

let seriesReal: Series | undefined
if (hasReal && want('real')) {
  seriesReal = await series('real agreements (../shared/corpus)', realDir, false, [
    {id: 'parse', label: 'parse only (clauselint parser)', command: node, args: [parseOnly, realDir], maxRuns: Math.min(maxRuns, 5), okCodes: [0]},
    {id: 'clauselint', label: '**clauselint --format json**', ...lintCmd(realDir), maxRuns: Math.min(maxRuns, 5)},
    ...peerCmds(realDir, false, Math.min(maxRuns, 5)),
  ])
  printSeries(seriesReal)
} else if (!hasReal) {
  out(`(no real agreements: ${realDir} does not exist; set CLAUSELINT_CORPUS to a folder of agreements to include them)`)
  out()
}

// ---------------------------------------------------------------------------------------------------------------
// In-process: parse vs full lint on the same texts

interface RatioResult {
  files: number
  groupFiles: number
  bytes: number
  /** Per round, ms per MB of the texts parsed / linted in that round (wall and CPU). */
  parse: number[]
  parseCpu: number[]
  lint: number[]
  lintCpu: number[]
  peakRssKiB: number
}
async function ratio(label: string, paths: string[], rounds: number): Promise<RatioResult | undefined> {
  process.stderr.write(`[parse vs lint: ${label}]\n`)
  const r = await runChild(node, [...commandFlags, inprocess, 'ratio', String(rounds), ...paths], {cwd: root, timeoutMs: Math.max(timeoutMs, budgetS * 1000 * 2)})
  if (r.timedOut || r.code !== 0) {
    out(`| ${label} | ${r.timedOut ? 'stopped at the timeout' : `failed: ${r.stderr.trim().split('\n').at(-1)}`} | | | | | | |`)
    return undefined
  }
  const x = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as RatioResult
  const [p, pc, l, lc] = [median(x.parse), median(x.parseCpu), median(x.lint), median(x.lintCpu)]
  out(`| ${label} | ${x.groupFiles} × ${x.parse.length} × 2 | ${p.toFixed(0)} | ${pc.toFixed(0)} | ${l.toFixed(0)} | ${lc.toFixed(0)} | **${(l / p).toFixed(2)}** | **${(lc / pc).toFixed(2)}** |`)
  return x
}
let ratioMany: RatioResult | undefined
let ratioReal: RatioResult | undefined
if (want('ratio')) {
  out('## In-process: parse only vs full lint, on texts never seen before')
  out()
  out(`Each text is parsed or linted once (values and terms are cached per text, so re-linting the same texts would flatter the rules): after a warm-up group, each round parses one group and lints another, the roles swapping every round; figures are ms per MB of the texts each saw, medians over rounds. parse: clauselint's parser (the default fast parser, front matter, GFM tables). Both run under the command's V8 flags (${commandFlags.join(' ')}).`)
  out()
  out('| texts | files (group × rounds × 2) | parse ms/MB | parse CPU ms/MB | full lint ms/MB | lint CPU ms/MB | lint ÷ parse, wall | lint ÷ parse, CPU |')
  out('|---|---|---|---|---|---|---|---|')
  const manyFiles = fs.readdirSync(manyDir).sort()
  const rounds = quick ? 3 : 5
  const subset = manyFiles.slice(0, Math.min(manyFiles.length, (2 * rounds + 1) * (quick ? 8 : 20))).map((f) => path.join(manyDir, f))
  ratioMany = await ratio(`the ~15 KB agreements (first ${subset.length})`, subset, rounds)
  ratioReal = hasReal ? await ratio('real agreements', [realDir], 1) : undefined
  out()
}
results['ratio'] = {many: ratioMany, real: ratioReal}

// Per phase: parse, section tree, profile detection and each rule of the msa profile, CPU per MB, each text once
let phases: {files: number; bytes: number; cpuMsPerMb: Record<string, number>} | undefined
if (want('phases')) {
  out('## In-process: CPU per phase')
  out()
  const count = quick ? 60 : 300
  const warmup = 20
  const subset = fs.readdirSync(manyDir).sort().slice(0, count + warmup).map((f) => path.join(manyDir, f))
  process.stderr.write('[phases]\n')
  const r = await runChild(node, [...commandFlags, inprocess, 'phases', String(warmup), ...subset], {cwd: root, timeoutMs: Math.max(timeoutMs, budgetS * 1000 * 2)})
  if (r.code === 0) {
    phases = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as NonNullable<typeof phases>
    const c = phases.cpuMsPerMb
    const parse = c['parse'] ?? 0
    const tree = (c['parse + section tree'] ?? 0) - parse
    const rows: Array<[string, number]> = [['parse (fast parser)', parse], ['section tree (build − parse)', tree], ...Object.entries(c).filter(([k]) => k !== 'parse' && k !== 'parse + section tree').sort((a, b) => b[1] - a[1])]
    const rest = rows.slice(1).reduce((n, [, v]) => n + v, 0)
    out(`${phases.files} of the ~15 KB agreements (after ${warmup} uncounted), each parsed, built and linted once in one process (no text seen twice) under the command's V8 flags (${commandFlags.join(' ')}); CPU ms per MB of each phase (user + system of the process, \`process.cpuUsage\` around each). The rules share one Reading and run in the msa profile's order, as the engine runs them. Tree, detection and rules together: **${rest.toFixed(0)} CPU ms/MB = ${(rest / parse).toFixed(1)} × the parse**.`)
    out()
    out('| phase | CPU ms/MB | × parse |')
    out('|---|---|---|')
    for (const [k, v] of rows) out(`| ${k} | ${v.toFixed(1)} | ${(v / parse).toFixed(2)} |`)
  } else out(`not measured: ${r.timedOut ? 'stopped at the timeout' : r.stderr.trim().split('\n').at(-1)}`)
  out()
}
results['phases'] = phases

// ---------------------------------------------------------------------------------------------------------------
// The fast parser against remark-parse (the reference), warm and cold, in the same run

interface ParserRows {
  warmMany?: {files: number; fast: number; fastCpu: number; remark: number; remarkCpu: number}
  warmOne?: {files: number; fast: number; fastCpu: number; remark: number; remarkCpu: number}
  cold?: {fast: number; fastCpu: number; remark: number; remarkCpu: number; runs: number}
}
const PARSER_GOALS = {warm: 0.15, cold: 0.5}
const parserRows: ParserRows = {}
if (want('parser')) {
  out('## Parser: the fast parser vs remark-parse (same texts, same run, alternating)')
  out()
  out('Both give the same tree (the differential tests check it); "fast" hands what it does not cover to remark-parse a part at a time. CPU is user + system of the measuring process.')
  out()
  out('| measure | fast wall ms | fast CPU ms | remark-parse wall ms | remark-parse CPU ms | fast ÷ remark (CPU) | goal | verdict |')
  out('|---|---|---|---|---|---|---|---|')
  const verdictOf = (ratio: number, goal: number): string => (ratio <= goal ? '✔ met' : '✘ not met')
  const warm = async (label: string, paths: string[], rounds: number, key: 'warmMany' | 'warmOne'): Promise<void> => {
    process.stderr.write(`[parsers warm: ${label}]\n`)
    const r = await runChild(node, [inprocess, 'parsers', String(rounds), ...paths], {cwd: root, timeoutMs: Math.max(timeoutMs, budgetS * 1000)})
    if (r.code !== 0) {
      out(`| warm, ${label} | failed: ${r.stderr.trim().split('\n').at(-1) ?? r.code} | | | | | | |`)
      return
    }
    const x = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {files: number; fast: number[]; fastCpu: number[]; remark: number[]; remarkCpu: number[]}
    const row = {files: x.files, fast: median(x.fast) / x.files, fastCpu: median(x.fastCpu) / x.files, remark: median(x.remark) / x.files, remarkCpu: median(x.remarkCpu) / x.files}
    parserRows[key] = row
    const ratio = row.fastCpu / row.remarkCpu
    out(`| warm, ${label}, per file (${x.fast.length} rounds) | ${row.fast.toFixed(2)} | ${row.fastCpu.toFixed(2)} | ${row.remark.toFixed(2)} | ${row.remarkCpu.toFixed(2)} | **${ratio.toFixed(3)}** | ≤ ${PARSER_GOALS.warm} | ${verdictOf(ratio, PARSER_GOALS.warm)} |`)
  }
  const manyFiles = fs.readdirSync(manyDir).sort()
  await warm(`first ${Math.min(100, manyFiles.length)} of the ~15 KB agreements`, manyFiles.slice(0, 100).map((f) => path.join(manyDir, f)), quick ? 3 : 5, 'warmMany')
  await warm('one 50 KB agreement', [oneFile], quick ? 5 : 10, 'warmOne')
  // cold: a fresh process imports the parser and parses the 50 KB agreement once; fast and remark alternate
  const cold = {fast: [] as number[], fastCpu: [] as number[], remark: [] as number[], remarkCpu: [] as number[]}
  process.stderr.write('[parsers cold]\n')
  for (let i = 0; i < (quick ? 5 : 11); i++) {
    for (const name of ['fast', 'remark'] as const) {
      const r = await runChild(node, [inprocess, 'cold', name, oneFile], {cwd: root, timeoutMs: 60_000})
      if (r.code !== 0) continue
      const x = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {ms: number; cpu: number}
      cold[name].push(x.ms)
      cold[`${name}Cpu`].push(x.cpu)
    }
  }
  if (cold.fast.length && cold.remark.length) {
    const c = {fast: median(cold.fast), fastCpu: median(cold.fastCpu), remark: median(cold.remark), remarkCpu: median(cold.remarkCpu), runs: cold.fast.length}
    parserRows.cold = c
    const ratio = c.fastCpu / c.remarkCpu
    out(`| cold, one 50 KB agreement: import + first parse in a fresh process (${c.runs} each) | ${c.fast.toFixed(0)} | ${c.fastCpu.toFixed(0)} | ${c.remark.toFixed(0)} | ${c.remarkCpu.toFixed(0)} | **${ratio.toFixed(2)}** | ≤ ${PARSER_GOALS.cold} | ${verdictOf(ratio, PARSER_GOALS.cold)} |`)
  } else out('| cold, one 50 KB agreement | failed | | | | | | |')
  out()
  results['parser'] = parserRows
}

// ---------------------------------------------------------------------------------------------------------------
// Word: a 100-page agreement (~3,000 paragraphs) read, linted and annotated with 300 comments, in-process

interface DocxBench {
  bytes: number
  paragraphs: number
  markdownBytes: number
  comments: number
  findings: number
  read: number[]
  readCpu: number[]
  lint: number[]
  lintCpu: number[]
  annotate: number[]
  annotateCpu: number[]
}
let docxBench: DocxBench | undefined
if (want('docx')) {
  process.stderr.write('[word]\n')
  const {renderAgreement} = await import('./docx-fixtures.js')
  const topics = ['Services', 'Service Levels', 'Support', 'Security', 'Backups', 'Fees', 'Term', 'Liability', 'Confidentiality', 'Notices']
  const sentences = [
    'Provider will respond to each Priority 1 incident within 1 hour and to each Priority 2 incident within 4 hours.',
    'Customer will give Provider remote access to the Managed Systems and will keep its software under a supported licence.',
    'Provider will back up the Customer Data every 24 hours and keep each backup for 30 days.',
    'Either party may end this Agreement on 90 days written notice to the other party.',
    'Provider will make the Services available 99.9% of each calendar month, excluding scheduled maintenance.',
    'Customer will pay each invoice within 30 days of the invoice date.',
    'Provider will keep the Customer Data confidential and use it only to provide the Services.',
  ]
  const lines = ['# Managed Services Agreement', '', 'This Agreement is made between Provider and Customer.', '']
  for (let h = 1; h <= 100; h++) {
    lines.push(`## ${h}. ${topics[h % topics.length]} ${h}`, '')
    for (let m = 1; m <= 28; m++) lines.push(`${h}.${m} ${sentences[(h * 31 + m) % sentences.length]}`, '')
    if (h % 10 === 0) lines.push('| Priority | Response time |', '|---|---|', '| Priority 1 | 1 hour |', '| Priority 2 | 4 hours |', '')
  }
  const file = path.join(corpusDir, 'word-100-pages.docx')
  fs.writeFileSync(file, await renderAgreement(lines.join('\n')))
  const r = await runChild(node, [...commandFlags, path.join(root, 'scripts', 'bench', 'docx.mjs'), String(quick ? 3 : 7), '300', file], {cwd: root, timeoutMs: Math.max(timeoutMs, budgetS * 1000 * 2)})
  out(`## Word: a 100-page agreement read, linted and annotated (in-process, alternating; after one warm-up; the command's V8 flags)`)
  out()
  if (r.code === 0 && !r.timedOut) {
    docxBench = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as DocxBench
    const d = docxBench
    const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`
    out(`${(d.bytes / 1024).toFixed(0)} KB .docx, ${d.paragraphs} paragraphs → ${(d.markdownBytes / 1024).toFixed(0)} KB of Markdown, ${d.findings} findings; ${d.read.length} rounds`)
    out()
    out('| step | wall | CPU | ÷ lint (wall) |')
    out('|---|---|---|---|')
    out(`| read the .docx (unzip, XML, numbering, Markdown + map) | ${ms(d.read)} | ${ms(d.readCpu)} | **${(median(d.read) / median(d.lint)).toFixed(2)}** |`)
    out(`| lint the Markdown it reads as | ${ms(d.lint)} | ${ms(d.lintCpu)} | 1 |`)
    out(`| annotate with ${d.comments} comments (read, splice, zip) | ${ms(d.annotate)} | ${ms(d.annotateCpu)} | **${(median(d.annotate) / median(d.lint)).toFixed(2)}** |`)
  } else out(`not measured: ${r.timedOut ? 'stopped at the timeout' : r.stderr.trim().split('\n').at(-1)}`)
  out()
}
results['docx'] = docxBench
// Compare with a template: two 50 KB agreements compared, against linting one

interface CompareRun {
  ms: number
  cpuMs: number
}
let compareRatio: {wall: number; cpu: number; lintMs: number; compareMs: number; rounds: number; differences: number} | undefined
if (want('compare')) {
  // the template: the 50 KB agreement as a house template would differ from it (other times and targets, some clauses
  // the counterparty dropped), so the comparison has values, gaps and word diffs to work out
  const oneText = fs.readFileSync(oneFile, 'utf8')
  const paragraphs = oneText.split('\n\n')
  const templateText = paragraphs
    .filter((_, i) => i % 9 !== 4)
    .join('\n\n')
    .replace(/\b4 hours\b/g, '2 hours')
    .replace(/\b99\.5%/g, '99.9%')
    .replace(/\bweekly\b/g, 'daily')
  const templateFile = path.join(corpusDir, 'compare-template.md')
  fs.writeFileSync(templateFile, templateText)
  process.stderr.write('[compare vs lint]\n')
  const r = await runChild(node, [...commandFlags, inprocess, 'compare', String(quick ? 5 : 10), oneFile, templateFile], {cwd: root, timeoutMs: Math.max(timeoutMs, budgetS * 1000 * 2)})
  out("## Compare with a template: `clauselint compare` of two 50 KB agreements vs linting one (in-process, alternating, after one warm-up pass; the command's V8 flags)")
  out()
  if (r.code === 0 && !r.timedOut) {
    const x = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {bytes: number[]; differences: number; lint: CompareRun[]; compare: CompareRun[]}
    const lw = median(x.lint.map((y) => y.ms))
    const cw = median(x.compare.map((y) => y.ms))
    const lc = median(x.lint.map((y) => y.cpuMs))
    const cc = median(x.compare.map((y) => y.cpuMs))
    compareRatio = {wall: cw / lw, cpu: cc / lc, lintMs: lw, compareMs: cw, rounds: x.lint.length, differences: x.differences}
    out('| what | KB | wall s | CPU s | ÷ lint (wall) | ÷ lint (CPU) | rounds |')
    out('|---|---|---|---|---|---|---|')
    out(`| lint the agreement | ${(x.bytes[0]! / 1024).toFixed(0)} | ${fmtS(lw / 1000)} | ${fmtS(lc / 1000)} | 1 | 1 | ${x.lint.length} |`)
    out(`| **compare it with the template** (${x.differences} differences) | ${(x.bytes[0]! / 1024).toFixed(0)} + ${(x.bytes[1]! / 1024).toFixed(0)} | ${fmtS(cw / 1000)} | ${fmtS(cc / 1000)} | **${(cw / lw).toFixed(2)}** | ${(cc / lc).toFixed(2)} | ${x.compare.length} |`)
  } else out(`not measured: ${r.timedOut ? 'stopped at the timeout' : r.stderr.trim().split('\n').at(-1)}`)
  out()
  results['compare'] = compareRatio
}

// ---------------------------------------------------------------------------------------------------------------
// The value extractors on adversarial text: CPU time at 10 KB and 100 KB (the tests bound the same inputs' regular
// expression work, which is deterministic; this is the time it takes)

if (want('extract')) {
  process.stderr.write('[extractors]\n')
  out('## Value extractors on adversarial text: CPU ms per call at 10 KB and 100 KB (in-process, best of 3), the input with the largest ratio')
  out()
  out('| extractor | input (repeated) | 10 KB ms | 100 KB ms | × (linear ≈ 10) | regex work × |')
  out('|---|---|---|---|---|---|')
  const extractRows: Array<{extractor: string; unit: string; smallMs: number; bigMs: number; ratio: number; workRatio: number}> = []
  for (const [name, fn] of Object.entries(EXTRACTORS)) {
    let worst: (typeof extractRows)[number] | undefined
    for (const unit of ADVERSARIAL_UNITS) {
      const small = adversarial(unit, 10_000)
      const big = adversarial(unit, 100_000)
      const smallMs = cpuPerCall(() => fn(small))
      const bigMs = cpuPerCall(() => fn(big))
      const row = {extractor: name, unit, smallMs, bigMs, ratio: bigMs / Math.max(smallMs, 0.001), workRatio: regexWork(() => fn(big)).chars / regexWork(() => fn(small)).chars}
      if (!worst || row.ratio > worst.ratio) worst = row
    }
    extractRows.push(worst!)
    out(`| ${name} | ${JSON.stringify(worst!.unit)} | ${worst!.smallMs.toFixed(3)} | ${worst!.bigMs.toFixed(3)} | **${worst!.ratio.toFixed(1)}** | ${worst!.workRatio.toFixed(2)} |`)
  }
  out()
  results['extract'] = extractRows
}

// ---------------------------------------------------------------------------------------------------------------
// Editor: the language server's re-lint of the 50 KB agreement after a one-line edit

let relint: {ms: number[]; cpu: number[]; full: number[]} | undefined
// the same as an editor runs it: the command's language server in a process of its own (see scripts/bench/lsp-relint.mjs)
let served: {ms: number[]; roundTrip: number[]; cpu: number[]} | undefined
if (want('one')) {
  process.stderr.write('[editor re-lint]\n')
  const edits = String(quick ? 10 : 30)
  const s = await runChild(node, [path.join(root, 'scripts', 'bench', 'lsp-relint.mjs'), edits, oneFile], {cwd: root, timeoutMs: 180_000})
  if (s.code === 0) served = JSON.parse(s.stdout.trim().split('\n').at(-1)!) as {ms: number[]; roundTrip: number[]; cpu: number[]}
  // under the command's V8 flags (commandFlags), so that this row and the server's differ only by the server around the lint
  const r = await runChild(node, [...commandFlags, inprocess, 'relint', edits, oneFile], {cwd: root, timeoutMs: 120_000})
  if (r.code === 0) relint = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {ms: number[]; cpu: number[]; full: number[]}
  out('## Editor: the language server re-lints the 50 KB agreement after a one-line edit')
  out()
  if (served && served.ms.length) {
    out(`as an editor runs it (\`clauselint --lsp\`: the bundle, the command's V8 flags, the lint thread), one character typed per edit: the lint **${median(served.ms).toFixed(1)} ms** as the server logs it (${Math.min(...served.ms).toFixed(1)}–${Math.max(...served.ms).toFixed(1)}, ${served.ms.length} edits), ${median(served.roundTrip).toFixed(1)} ms from the change to its diagnostics less the debounce wait, ${served.cpu.length ? `${median(served.cpu).toFixed(1)} ms CPU of the server's threads` : 'CPU not read (no /proc)'}, medians`)
  } else out(`as an editor runs it: not measured: ${s.stderr.trim().split('\n').at(-1) ?? s.code}`)
  out()
  if (relint) {
    out(`in this process (dist/src, the command's V8 flags ${commandFlags.join(' ')}, the same edits, no server around the lint), the document's parsed parts kept: ${median(relint.ms).toFixed(1)} ms wall, ${median(relint.cpu).toFixed(1)} ms CPU, median (wall ${Math.min(...relint.ms).toFixed(1)}–${Math.max(...relint.ms).toFixed(1)}, ${relint.ms.length} edits); the same text linted afresh: ${median(relint.full).toFixed(1)} ms`)
  } else out(`in this process: not measured: ${r.stderr.trim().split('\n').at(-1) ?? r.code}`)
  out()
  results['relint'] = relint
  results['relintServed'] = served
}

// ---------------------------------------------------------------------------------------------------------------
// Scaling: 0.5 → 10 MB, one file each, in a fresh process per measurement

interface ScalePoint {
  mb: number
  bytes: number
  ms?: number
  /** CPU ms (user + system) of the same runs, median. */
  cpu?: number
  runs?: number
  /** Parses or lints of the text in each run (each size is measured over the same volume); the figures are per parse or lint. */
  parses?: number
  /** CPU ms per parse or lint of each run, in the order of the rounds (a lint's sizes are measured in alternating rounds). */
  cpuRuns?: number[]
  peakMiB?: number
  /** Garbage collection in the same runs (main-thread pauses, ms), median, and the scavenges of the median run. */
  gcMs?: number
  /** Wall ms less the main-thread collection pauses of the same run, median: the work's own time, without collection. */
  ownMs?: number
  scavenges?: number
  note?: string
}
interface ScaleRun {
  ms: number
  cpu: number
  parses: number
  peakKiB: number
  gc?: {ms: number; scavenges: number}
  own?: number
}
/** One run of the scaling helper on one size, in a fresh process: its figures per parse or lint, or why it has none. */
async function scaleRun(mode: 'parse' | 'lint', file: string, limitMs: number, parserName?: 'fast' | 'remark'): Promise<ScaleRun | {note: string; peakMiB?: number}> {
  // each run in a fresh process, warmed on other texts first, the measured text then linted with an empty text cache
  // (as a run of the command): re-linting the same text, or texts sharing its titles and sentences, with the answers
  // kept would flatter the small sizes
  // (200 of the ~15 KB agreements, ~3 MB of texts never seen: after 30 lints of one 50 KB text the 0.5 MB size still
  // paid for the JIT's warm-up, ~1.3× the CPU per MB of 5 and 10 MB; after 120 it was level with them)
  // and in a worker thread with the young and old generation the command gives a worker that lints one file over its
  // in-thread limit (as every size here is): the young generation decides when collection copies what the parse keeps,
  // and in this process's main thread (V8's 16 MB semi-spaces) a 0.5 MB parse ends before its first copy, which a
  // 10 MB one pays for several times over; measured as the command runs these files, every size pays alike
  // each size is measured over the same volume: the text parsed or linted again (each lint with an empty text cache),
  // every tree or result kept, up to the largest size's MB. A single parse of 0.5 MB is over in ~20 ms, and whether the
  // one collection of the old generation that the warm-up leaves due falls inside it, ~20-30 ms whatever the text's
  // size, decided the row: 0.5 MB without it, 1 MB with it. A single lint of 0.5 MB is over in ~1 s where one of
  // 10 MB takes ~20 s, so the sizes were measured over unequal stretches of the machine's time; figures are per parse
  // or lint of the text
  const env = {BENCH_WARMUP: manyDir, BENCH_WARMUP_RUNS: '200', BENCH_ONE_FILE_WORKER: '1', BENCH_VOLUME_MB: String(spec.scaleMb.at(-1)), ...(parserName ? {BENCH_PARSER: parserName} : {})}
  const r = await runChild(node, [...commandFlags, inprocess, mode, '1', file], {cwd: root, timeoutMs: limitMs, env: {...process.env, ...env}})
  if (r.timedOut) return {note: `stopped at the ${limitMs / 1000} s limit`, ...(r.polledRssKiB ? {peakMiB: r.polledRssKiB / 1024} : {})}
  if (r.code !== 0) return {note: `failed: ${r.stderr.trim().split('\n').at(-1) ?? `exit ${r.code}`}`}
  const x = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {parses?: number; ms: number[]; cpu: number[]; peakRssKiB: number; gc?: {scavenges: number; scavengeMs: number; markCompactMs: number; otherMs: number}}
  const k = x.parses ?? 1
  const ms = x.ms[0]! / k
  const gc = x.gc ? {ms: (x.gc.scavengeMs + x.gc.markCompactMs + x.gc.otherMs) / k, scavenges: x.gc.scavenges / k} : undefined
  return {ms, cpu: x.cpu[0]! / k, parses: k, peakKiB: Math.max(x.peakRssKiB, r.polledRssKiB ?? 0), ...(gc ? {gc, own: ms - gc.ms} : {})}
}
function scalePoint(mb: number, bytes: number, runs: ScaleRun[]): ScalePoint {
  const gcs = runs.flatMap((r) => (r.gc ? [r.gc] : []))
  const own = runs.flatMap((r) => (r.own === undefined ? [] : [r.own]))
  const gc = gcs.length ? [...gcs].sort((a, b) => a.ms - b.ms)[Math.floor((gcs.length - 1) / 2)]! : undefined
  const parses = runs[0]!.parses
  return {
    mb,
    bytes,
    ms: median(runs.map((r) => r.ms)),
    cpu: median(runs.map((r) => r.cpu)),
    runs: runs.length,
    ...(parses > 1 ? {parses} : {}),
    cpuRuns: runs.map((r) => r.cpu),
    peakMiB: Math.max(...runs.map((r) => r.peakKiB)) / 1024,
    ...(gc ? {gcMs: gc.ms, scavenges: gc.scavenges} : {}),
    ...(own.length ? {ownMs: median(own)} : {}),
  }
}
/** The parse of each size: 3 runs up to 2 MB, one above, the sizes in turn, each over the same volume. */
async function scale(mode: 'parse', limitMs: number, parserName?: 'fast' | 'remark'): Promise<ScalePoint[]> {
  const points: ScalePoint[] = []
  for (const mb of spec.scaleMb) {
    const file = path.join(corpusDir, 'scale', `scale-${mb}mb.md`)
    const bytes = fs.statSync(file).size
    const done = points.filter((p) => p.ms !== undefined)
    const last = done.at(-1)
    if (points.some((p) => p.note?.startsWith('stopped') || p.note?.startsWith('skipped'))) {
      points.push({mb, bytes, note: 'skipped (a smaller size already went over the limit)'})
      continue
    }
    if (last && done.length >= 2) {
      // predict from the growth measured so far (never less than linear)
      const prev = done.at(-2)!
      const k = Math.max(1, Math.log(last.ms! / prev.ms!) / Math.log(last.bytes / prev.bytes))
      const predicted = last.ms! * (bytes / last.bytes) ** k
      if (predicted > 2 * limitMs) {
        points.push({mb, bytes, note: `skipped: ~${fmtS(predicted / 1000)} s predicted (time grows as size^${k.toFixed(1)}), over 2 × the ${limitMs / 1000} s limit`})
        continue
      }
    }
    process.stderr.write(`[scaling ${mode}${parserName ? ` (${parserName})` : ''} ${mb} MB] `)
    const repeats = mb <= 2 ? 3 : 1
    const runs: ScaleRun[] = []
    let failure: ScalePoint | undefined
    const started = performance.now()
    for (let i = 0; i < repeats && (i === 0 || performance.now() - started < limitMs / 3); i++) {
      const r = await scaleRun(mode, file, limitMs, parserName)
      if ('note' in r) {
        failure = {mb, bytes, ...r}
        break
      }
      runs.push(r)
    }
    if (failure) {
      points.push(failure)
      process.stderr.write(`${failure.note}\n`)
      continue
    }
    points.push(scalePoint(mb, bytes, runs))
    process.stderr.write(`${(median(runs.map((r) => r.ms)) / 1000).toFixed(1)}s\n`)
  }
  return points
}
/**
 * The full lint of each size, in LINT_SCALE_ROUNDS rounds that take the sizes in alternating order (smallest first, then
 * largest first), one run of each size per round, each run over the same volume of text (the smaller texts linted as
 * many times as make the largest). A size measured minutes after another meets another load on the machine, and CPU
 * seconds are not free of it (a 2-core machine shared with other work: the same 0.5 MB lint measured 992 and 1,912 CPU
 * ms/MB in two idle runs of this bench, ~2,000-2,300 at load 22-27); taken in this order, a load that drifts evenly
 * through the rounds weighs on every size alike, and each round's sizes are compared with its own smallest.
 */
const LINT_SCALE_ROUNDS = 2
async function scaleLint(limitMs: number): Promise<ScalePoint[]> {
  const sizes = spec.scaleMb.map((mb) => {
    const file = path.join(corpusDir, 'scale', `scale-${mb}mb.md`)
    return {mb, file, bytes: fs.statSync(file).size, runs: [] as ScaleRun[], note: undefined as string | undefined, peakMiB: undefined as number | undefined}
  })
  for (let round = 0; round < LINT_SCALE_ROUNDS; round++) {
    for (const size of round % 2 ? [...sizes].reverse() : sizes) {
      if (size.note) continue
      process.stderr.write(`[scaling lint ${size.mb} MB, round ${round + 1}] `)
      const r = await scaleRun('lint', size.file, limitMs)
      if ('note' in r) {
        size.note = r.note
        size.peakMiB = r.peakMiB
        process.stderr.write(`${r.note}\n`)
        continue
      }
      size.runs.push(r)
      process.stderr.write(`${(r.ms / 1000).toFixed(1)}s × ${r.parses}\n`)
    }
  }
  return sizes.map((s) => (s.note || !s.runs.length ? {mb: s.mb, bytes: s.bytes, note: s.note ?? 'not measured', ...(s.peakMiB ? {peakMiB: s.peakMiB} : {})} : scalePoint(s.mb, s.bytes, s.runs)))
}
const perMb = (p: ScalePoint): number | undefined => (p.ms === undefined ? undefined : p.ms / (p.bytes / MB))
const cpuPerMb = (p: ScalePoint): number | undefined => (p.cpu === undefined ? undefined : p.cpu / (p.bytes / MB))
const parseScale = want('scale') ? await scale('parse', Math.max(3 * scaleTimeoutMs, 300_000), 'fast') : []
const remarkScale = want('scale') ? await scale('parse', Math.max(3 * scaleTimeoutMs, 300_000), 'remark') : []
const lintScale = want('scale') ? await scaleLint(scaleTimeoutMs) : []
if (want('scale')) {
  out('## Scaling: one file of 0.5 → 10 MB, in-process, a fresh process per size and mode')
  out()
  out(`Each size is parsed or linted where the command lints a file of that size: in a worker thread of its own with the heap settings the command gives it (young generation ${ONE_FILE_YOUNG_GENERATION_MB} MB, old generation ${ONE_FILE_OLD_GENERATION_MB.toLocaleString('en-US')} MB, grown by ${ONE_FILE_HEAP_GROWING_PERCENT}% of what survived each full collection), after a warm-up in the same thread, under the command's V8 flags (${commandFlags.join(' ')}); CPU is the whole process's (V8's collector threads included). Each size is measured over the same volume: each run parses or lints the text as many times as make ${spec.scaleMb.at(-1)} MB (runs × parses or lints), every tree or result kept to the run's end (each lint with an empty text cache), and the figures are per parse or lint of the text. The lint's sizes are measured in ${LINT_SCALE_ROUNDS} rounds that take them in alternating order (${spec.scaleMb.join(', ')} MB, then back), one run of each per round, so that a change in the machine's load between sizes weighs on every size alike; the parses take each size in turn (3 runs up to 2 MB).`)
  out()
  out('| size | fast parse ms (runs) | fast parse ms/MB (CPU) | remark-parse ms/MB (CPU) | fast ÷ remark (CPU) | full lint ms (runs) | lint ms/MB (CPU) | lint peak RSS MiB | lint ÷ fast parse |')
  out('|---|---|---|---|---|---|---|---|---|')
  for (let i = 0; i < spec.scaleMb.length; i++) {
    const p = parseScale[i]!
    const rp = remarkScale[i]!
    const l = lintScale[i]!
    const cell = (x: ScalePoint): string => (x.ms !== undefined ? `${x.ms.toFixed(0)} (${x.runs}${x.parses ? ` × ${x.parses}` : ''})` : x.note ?? '')
    const rate = (x: ScalePoint): string => (x.ms !== undefined ? `${perMb(x)!.toFixed(0)} (${cpuPerMb(x)?.toFixed(0) ?? '–'})` : x.note ?? '–')
    const rss = (x: ScalePoint): string => (x.peakMiB !== undefined ? `${x.ms === undefined ? '≥ ' : ''}${x.peakMiB.toFixed(0)}` : '–')
    const vsRemark = p.cpu !== undefined && rp.cpu !== undefined ? (p.cpu / rp.cpu).toFixed(3) : '–'
    out(`| ${p.mb} MB (${p.bytes} B) | ${cell(p)} | ${rate(p)} | ${rate(rp)} | ${vsRemark} | ${cell(l)} | ${rate(l)} | ${rss(l)} | ${p.ms !== undefined && l.ms !== undefined ? (l.ms / p.ms).toFixed(2) : '–'} |`)
  }
  const growth = (pts: ScalePoint[]): string => {
    const base = pts[0] && cpuPerMb(pts[0])
    if (!base) return 'not measured'
    return pts
      .slice(1)
      .map((p) => {
        const m = cpuPerMb(p)
        return `${p.mb} MB ${m === undefined ? '–' : `${(m / base).toFixed(2)}×`}`
      })
      .join(', ')
  }
  out()
  out(`CPU ms/MB at each size ÷ CPU ms/MB at ${spec.scaleMb[0]} MB, 1.00 is linear: fast parse ${growth(parseScale)}; remark-parse ${growth(remarkScale)}; full lint ${growth(lintScale)}`)
  // the lint's ratio in each round on its own: each size against the smallest size of the same round
  const byRound = (pts: ScalePoint[]): string => {
    const base = pts[0]?.cpuRuns
    if (!base) return 'not measured'
    return base
      .map((b, round) => `round ${round + 1}: ${pts.map((p) => (p.cpuRuns?.[round] === undefined ? '–' : (p.cpuRuns[round]! / (p.bytes / MB) / (b / (pts[0]!.bytes / MB))).toFixed(2))).join(', ')}`)
      .join('; ')
  }
  out(`Full lint, each round on its own (CPU ms/MB ÷ the ${spec.scaleMb[0]} MB rate of the same round, ${spec.scaleMb.join(', ')} MB): ${byRound(lintScale)}`)
  // collection: a parse's tree and a lint's document stay alive to the end, so every scavenge copies them; a text whose
  // allocation fits the young generation is measured without those copies (they fall after its run), a larger one with them
  const collection = (pts: ScalePoint[]): string =>
    pts.map((p) => (p.gcMs === undefined ? `${p.mb} MB –` : `${p.mb} MB ${(p.gcMs / (p.bytes / MB)).toFixed(0)} (${Number.isInteger(p.scavenges) ? p.scavenges : p.scavenges?.toFixed(1)})`)).join(', ')
  out(`Garbage collection in the same runs, main-thread pause ms/MB (scavenges): fast parse ${collection(parseScale)}; full lint ${collection(lintScale)}. The measured text is parsed or linted after a warm-up on 200 other agreements, with an empty text cache, in a fresh process per size.`)
  // the work's own time: a parse's tree lives to its end, so a text larger than the young generation pays for copying
  // it in scavenges (pauses here, and V8's collector threads: the CPU beyond the wall time) that a small one defers past
  // its measurement; the parse's own work per MB tells the two apart
  const own = (pts: ScalePoint[]): string => {
    const base = pts[0]?.ownMs === undefined ? undefined : pts[0].ownMs / (pts[0].bytes / MB)
    return pts.map((p) => (p.ownMs === undefined || !base ? `${p.mb} MB –` : `${p.mb} MB ${(p.ownMs / (p.bytes / MB)).toFixed(0)} (${(p.ownMs / (p.bytes / MB) / base).toFixed(2)}×)`)).join(', ')
  }
  out(`Without collection (wall less the main-thread collection pauses, median run), ms/MB (÷ the ${spec.scaleMb[0]} MB rate): fast parse ${own(parseScale)}; full lint ${own(lintScale)}. A text whose tree outgrows the young generation pays for copying it during the measurement (the pauses above, and V8's collector threads: CPU beyond the wall time); a smaller one pays after it. Wall time: on a busy machine these figures stretch with the load.`)
  out('remark-parse (micromark) over a whole text is super-linear above ~2 MB (its EditMap copies the event list per closed container); clauselint parses long texts in parts cut at top-level headings, and the fast parser reads each line once, which keeps both linear.')
  out()
  results['scale'] = {parse: parseScale, remarkParse: remarkScale, lint: lintScale}
}

// The command itself on the largest file, as a user runs it (whole processes: a file that large is linted in a worker
// of its own, with its own heap settings), for the peak memory goal; the in-process rows above include a warm-up's heap.
const commandScale: Run[] = []
if (want('scale')) {
  const mb = spec.scaleMb.at(-1)!
  const file = path.join(corpusDir, 'scale', `scale-${mb}mb.md`)
  process.stderr.write(`[the command on ${mb} MB] `)
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const r = await measure(node, [bin, '--format', 'json', file], {cwd: root, timeoutMs: scaleTimeoutMs})
    if (r.timedOut || (r.code !== 0 && r.code !== 1)) break
    commandScale.push(r)
  }
  const rss = commandScale.flatMap((r) => (r.rssKiB === undefined ? [] : [r.rssKiB / 1024]))
  const cpu = commandScale.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]))
  out(`The command on the ${mb} MB file (\`clauselint --format json\`, whole process, ${commandScale.length} runs): wall ${commandScale.length ? fmtS(median(commandScale.map((r) => r.wall))) : '–'} s, CPU ${cpu.length ? fmtS(median(cpu)) : '–'} s, peak RSS ${rss.length ? `${median(rss).toFixed(0)} MiB (${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)})` : '–'}.`)
  out()
  process.stderr.write(`${commandScale.length} runs\n`)
  results['scaleCommand'] = commandScale
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Module load

  // bundle/cli.js is what the command loads; src/cli.js is the same code unbundled (the library's modules)
  const loads: Record<string, number[]> = {'dist/bundle/cli.js': [], 'dist/src/cli.js': [], 'dist/src/parse.js': []}
  const loadCpu: Record<string, number[]> = {'dist/bundle/cli.js': [], 'dist/src/cli.js': [], 'dist/src/parse.js': []}
  if (want('load')) out('## Module load (in-process `await import()`, fresh process each, alternating)')
  if (want('load')) out()
  for (let i = 0; i < (want('load') ? (quick ? 5 : 11) : 0); i++) {
    for (const [mod, list] of Object.entries(loads)) {
      const r = await runChild(node, [inprocess, 'load', mod.replace(/^dist\//, '')], {cwd: root, timeoutMs: 60_000})
      if (r.code !== 0) continue
      const x = JSON.parse(r.stdout.trim()) as {ms: number; cpuMs: number}
      list.push(x.ms)
      loadCpu[mod]!.push(x.cpuMs)
    }
  }
  if (want('load')) {
    out('| module | import ms, median (min–max) | CPU ms | runs |')
    out('|---|---|---|---|')
    for (const [mod, list] of Object.entries(loads)) out(`| ${mod} | **${median(list).toFixed(0)}** (${Math.min(...list).toFixed(0)}–${Math.max(...list).toFixed(0)}) | ${median(loadCpu[mod]!).toFixed(0)} | ${list.length} |`)
    out()
    results['load'] = loads
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Optional: where the time goes

  if (opts.profile) {
    const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-prof-'))
    process.stderr.write('[profile]\n')
    await measure(node, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, bin, '--format', 'json', manyDir], {timeoutMs: timeoutMs * 3})
    const file = fs.readdirSync(profDir).map((f) => path.join(profDir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]
    if (file) {
      out(`## Where the time goes: top self time, full lint of the many-file corpus (${file})`)
      out()
      out('| self ms | share | function |')
      out('|---|---|---|')
      for (const [name, ms, share] of topSelf(file, 20)) out(`| ${ms.toFixed(0)} | ${(share * 100).toFixed(1)}% | ${name} |`)
      out()
    }
  }

  function topSelf(file: string, n: number): Array<[string, number, number]> {
    interface ProfNode {
      id: number
      callFrame: {functionName: string; url: string; lineNumber: number}
    }
    const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as {nodes: ProfNode[]; samples: number[]; timeDeltas: number[]}
    const byId = new Map(prof.nodes.map((x) => [x.id, x]))
    const self = new Map<string, number>()
    let total = 0
    prof.samples.forEach((id, i) => {
      const cf = byId.get(id)!.callFrame
      const where = cf.url ? `${cf.url.replace(/^file:\/\//, '').replace(`${root}/`, '').replace(/^.*node_modules\//, '')}:${cf.lineNumber + 1}` : ''
      const key = `${cf.functionName || '(anonymous)'} ${where}`.trim()
      const dt = (prof.timeDeltas[i] ?? 0) / 1000
      self.set(key, (self.get(key) ?? 0) + dt)
      total += dt
    })
    return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => [k, ms, ms / total])
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Goals: each goal row of the speed issue as a ratio measured in this run, with met / not met; then the other budgets

  const cpuMedian = (series: Series, id: string): number | undefined => {
    const row = series.rows.get(id)
    if (!row || row.failed || row.runs.some((r) => r.timedOut)) return undefined
    const cpu = row.runs.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]))
    return cpu.length ? median(cpu) : undefined
  }
  const wallMedian = (series: Series, id: string): number | undefined => {
    const w = wallOf(series.rows.get(id))
    return w && !w.lowerBound && !series.rows.get(id)?.failed ? w.median : undefined
  }
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? '– not measured' : ok ? '✔ met' : '✘ not met')
  const x = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a / b)
  const shown = (r: number | undefined): string => (r === undefined ? '–' : `${r.toFixed(2)}×`)
  const goals: Array<[string, string, string, boolean | undefined]> = []
  const many = `${spec.files} × ~15 KB${spec.files === 1000 ? '' : ' (the goal is stated for 1,000)'}`
  {
    const r = x(cpuMedian(seriesMany, 'clauselint-1'), cpuMedian(seriesMany, 'remark'))
    goals.push([`${many}, one thread (--concurrency off), CPU`, '≤ 0.6 × remark-cli', `${shown(r)} remark-cli's CPU (wall ${shown(x(wallMedian(seriesMany, 'clauselint-1'), wallMedian(seriesMany, 'remark')))})`, r === undefined ? undefined : r <= 0.6])
  }
  {
    const r = x(wallMedian(seriesMany, 'clauselint'), wallMedian(seriesMany, 'remark'))
    const b = x(wallMedian(seriesMany, 'clauselint'), wallMedian(seriesMany, 'bare-remark'))
    goals.push([
      `${many}, default settings, wall`,
      '≤ 0.5 × remark-cli and ≤ 0.5 × a bare remark-parse + remark-gfm parse',
      `${shown(r)} remark-cli's wall (CPU ${shown(x(cpuMedian(seriesMany, 'clauselint'), cpuMedian(seriesMany, 'remark')))}); ${shown(b)} the bare parse's wall (CPU ${shown(x(cpuMedian(seriesMany, 'clauselint'), cpuMedian(seriesMany, 'bare-remark')))})`,
      r === undefined || b === undefined ? undefined : r <= 0.5 && b <= 0.5,
    ])
  }
  {
    const r = x(cpuMedian(seriesOne, 'stdin'), cpuMedian(seriesOne, 'markdownlint'))
    goals.push(['one 50 KB agreement via --stdin, CPU', '≤ 0.55 × markdownlint-cli2', `${shown(r)} (wall ${shown(x(wallMedian(seriesOne, 'stdin'), wallMedian(seriesOne, 'markdownlint')))})`, r === undefined ? undefined : r <= 0.55])
  }
  {
    const c = x(cpuMedian(seriesCache, 'cache'), cpuMedian(seriesCache, 'node'))
    const w = x(wallMedian(seriesCache, 'cache'), wallMedian(seriesCache, 'node'))
    const jc = x(cpuMedian(seriesCache, 'cache-json'), cpuMedian(seriesCache, 'node'))
    const jw = x(wallMedian(seriesCache, 'cache-json'), wallMedian(seriesCache, 'node'))
    // the goal holds for the run whatever its report: met only when both formats are within it, CPU and wall
    const both = [c, w, jc, jw]
    goals.push([
      `warm --cache run, ${spec.files} unchanged files, stylish and JSON reports`,
      '≤ 4 × `node -e 0` (CPU and wall, each format)',
      `stylish: CPU ${shown(c)}, wall ${shown(w)}; --format json: CPU ${shown(jc)}, wall ${shown(jw)}`,
      both.some((r) => r === undefined) ? undefined : both.every((r) => r! <= 4),
    ])
  }
  {
    const base = lintScale[0] ? cpuPerMb(lintScale[0]) : undefined
    const rel = lintScale.map((p) => x(cpuPerMb(p), base))
    const measured = rel.filter((r): r is number => r !== undefined)
    const complete = base !== undefined && measured.length === lintScale.length
    const ok = complete ? measured.every((r) => r >= 0.75 && r <= 1.25) : lintScale.some((p) => p.note?.startsWith('stopped')) ? false : undefined
    goals.push([`full lint CPU per MB, ${spec.scaleMb[0]} → ${spec.scaleMb.at(-1)} MB (÷ the ${spec.scaleMb[0]} MB rate)`, 'flat within ±25%', lintScale.map((p, i) => `${p.mb} MB ${shown(rel[i])}`).join(', ') || '–', ok])
    // the command as a user runs it (whole process); the in-process peak, after a warm-up, beside it
    const last = lintScale.at(-1)
    const inProcess = last?.peakMiB
    const rss = commandScale.flatMap((r) => (r.rssKiB === undefined ? [] : [r.rssKiB / 1024]))
    const peak = rss.length ? median(rss) : undefined
    const shownIn = inProcess === undefined ? '' : `; in-process after a warm-up: ${last?.ms === undefined ? '≥ ' : ''}${inProcess.toFixed(0)} MiB`
    goals.push([`peak memory, full lint of ${spec.scaleMb.at(-1)} MB (the command)`, '< 600 MiB', `${peak === undefined ? '–' : `${peak.toFixed(0)} MiB`}${shownIn}`, peak === undefined ? undefined : peak < 600])
  }
  {
    const one = wallMedian(seriesMany, 'clauselint-1')
    const all = wallMedian(seriesMany, 'clauselint')
    const speedup = x(one, all)
    const cpu = x(cpuMedian(seriesMany, 'clauselint'), cpuMedian(seriesMany, 'clauselint-1'))
    const cores = os.availableParallelism()
    const idle = Number(machine.loadStart[0]) < 1
    goals.push([
      `threads (default settings on ${cores} CPUs) vs one thread, ${many}`,
      '≥ 1.5× on an idle 2-core machine',
      `${shown(speedup)} faster, ${shown(cpu)} the CPU (load average at start ${machine.loadStart[0]}${idle ? '' : ': not idle'})`,
      cores < 2 || !hasConcurrency ? undefined : speedup === undefined ? undefined : speedup >= 1.5,
    ])
  }
  {
    // as an editor runs the server; the in-process figure where the server could not be run
    const ms = served?.ms.length ? median(served.ms) : relint ? median(relint.ms) : undefined
    const cpu = served?.ms.length ? (served.cpu.length ? median(served.cpu) : undefined) : relint ? median(relint.cpu) : undefined
    const how = served?.ms.length ? 'the server as editors run it' : 'in-process'
    goals.push(['language server re-lint after a one-line edit of 50 KB', '≤ 25 ms', ms === undefined ? '–' : `${ms.toFixed(1)} ms wall, ${cpu === undefined ? '–' : cpu.toFixed(1)} ms CPU (${how})`, ms === undefined ? undefined : ms <= 25])
  }
  {
    const r = ratioMany ? median(ratioMany.lintCpu) / median(ratioMany.parseCpu) : undefined
    goals.push(['rules + tree + the rest ÷ parse (in-process, unseen texts, CPU)', 'should not grow (long-term aim: rules and tree ≤ 0.35 × the parse)', r === undefined ? '–' : `lint = ${r.toFixed(2)} × parse (wall ${ratioMany ? (median(ratioMany.lint) / median(ratioMany.parse)).toFixed(2) : '–'})`, undefined])
  }
  {
    const pw = parserRows.warmMany
    const pc = parserRows.cold
    goals.push(['fast parser vs remark-parse, warm ~15 KB agreements, CPU', `≤ ${PARSER_GOALS.warm}×`, pw ? `${(pw.fastCpu / pw.remarkCpu).toFixed(3)}× (wall ${(pw.fast / pw.remark).toFixed(3)}×)` : '–', pw ? pw.fastCpu / pw.remarkCpu <= PARSER_GOALS.warm : undefined])
    goals.push(['fast parser vs remark-parse, cold 50 KB (import + first parse), CPU', `≤ ${PARSER_GOALS.cold}×`, pc ? `${(pc.fastCpu / pc.remarkCpu).toFixed(2)}× (wall ${(pc.fast / pc.remark).toFixed(2)}×)` : '–', pc ? pc.fastCpu / pc.remarkCpu <= PARSER_GOALS.cold : undefined])
    const fastFirst = parseScale[0] && cpuPerMb(parseScale[0])
    const fastSpread = fastFirst ? parseScale.map((p) => cpuPerMb(p)).filter((m): m is number => m !== undefined).map((m) => m / fastFirst) : []
    const fastFlat = fastSpread.length === spec.scaleMb.length ? fastSpread.every((v) => v >= 0.75 && v <= 1.25) : undefined
    goals.push([`fast parse CPU per MB, ${spec.scaleMb[0]} → ${spec.scaleMb.at(-1)} MB`, 'flat within ±25%', fastSpread.length ? fastSpread.map((v) => v.toFixed(2)).join(', ') : '–', fastFlat])
  }
  out('## Goals (the speed issue), from this run')
  out()
  out('| goal row | goal | this run | verdict |')
  out('|---|---|---|---|')
  for (const [row, goal, got, ok] of goals) out(`| ${row} | ${goal} | ${got} | ${verdict(ok)} |`)
  out()
  out('Other budgets:')
  out()
  out(`- compare two 50 KB agreements ≤ 2.5 × lint one (in-process): ${compareRatio === undefined ? 'not measured' : `${fmtS(compareRatio.compareMs / 1000)} s / ${fmtS(compareRatio.lintMs / 1000)} s = ${compareRatio.wall.toFixed(2)}× (CPU ${compareRatio.cpu.toFixed(2)}×)`} → ${verdict(compareRatio === undefined ? undefined : compareRatio.wall <= 2.5)}`)
  const dRead = docxBench ? median(docxBench.read) / median(docxBench.lint) : undefined
  const dAnnotate = docxBench ? median(docxBench.annotate) / median(docxBench.lint) : undefined
  const dReadCpu = docxBench ? median(docxBench.readCpu) / median(docxBench.lintCpu) : undefined
  const dAnnotateCpu = docxBench ? median(docxBench.annotateCpu) / median(docxBench.lintCpu) : undefined
  out(
    `- Word, 100 pages: read ≤ 0.3 × lint: ${dRead === undefined ? '–' : `${dRead.toFixed(2)} (CPU ${dReadCpu!.toFixed(2)})`} → ${verdict(dRead === undefined ? undefined : dRead <= 0.3)}; ` +
      `annotate with 300 comments ≤ 0.5 × lint: ${dAnnotate === undefined ? '–' : `${dAnnotate.toFixed(2)} (CPU ${dAnnotateCpu!.toFixed(2)})`} → ${verdict(dAnnotate === undefined ? undefined : dAnnotate <= 0.5)}`,
  )
  out()
  results['loadEnd'] = os.loadavg()
  out(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const resultsFile = path.join(corpusDir, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2))
  out(`raw results: ${resultsFile}`)
  out(`bench took ${((performance.now() - benchStarted) / 60_000).toFixed(1)} min`)

// Bench helper, run in a fresh process per measurement: times parse-only and full lint in-process on the same texts.
//   node scripts/bench/inprocess.mjs ratio <rounds> <file|dir>...   parse and lint texts never seen before, per MB, each round
//   node scripts/bench/inprocess.mjs parse|lint <repeats> <file>      one file, up to `repeats` times (scaling)
//   node scripts/bench/inprocess.mjs load [module]                    import time of a module under dist/ (default bundle/cli.js)
//   node scripts/bench/inprocess.mjs relint <edits> <file>            the language server's re-lint after a one-line edit
//   node scripts/bench/inprocess.mjs parsers <rounds> <file|dir>...   fast parser and remark-parse alternately, warm; per-round totals
//   node scripts/bench/inprocess.mjs cold <fast|remark> <file>        import the parser and parse one file once (a cold start)
//   node scripts/bench/inprocess.mjs compare <rounds> <agreement> <template>  compare with a template vs lint the agreement
//   node scripts/bench/inprocess.mjs phases <warm-up> <file|dir>...  per-phase CPU (parse, section tree, detection, each rule) of the
//                                                                  msa profile, each text once, after <warm-up> other texts (run
//                                                                  it under the command's V8 flags, as the bench does: node
//                                                                  --no-regexp-tier-up --interrupt-budget=540672 …)
// The bench runs every mode that lints or times the command's phases (ratio, parse, lint, relint, compare, phases) under
// the command's V8 flags, as above; parsers and cold compare two parsers and run without them.
// BENCH_PARSER=fast|remark picks the parser of parse and lint (default: the project's default).
// BENCH_WARMUP=FILE|DIR: parse or lint that other file BENCH_WARMUP_RUNS times (default 3), or that many files of DIR once each, first, uncounted (the JIT warms on a text that is not the
// measured one, so no per-text cache flatters the measurement); the measured lint then starts with an empty text cache.
// BENCH_VOLUME_MB=N (parse|lint): each measured run parses or lints the file as many times as make N MB, every tree or
// result kept to its end (each lint with an empty text cache); `parses` in the output says how many (ms, cpu and gc are
// then of all of them).
// BENCH_ONE_FILE_WORKER=1 (parse|lint): measure in a worker thread started as the command starts one for a file over its
// in-thread limit (every size of the scaling rows), with that worker's young and old generation, not in this thread.
// Prints one JSON line on stdout. peakRssKiB is this process's peak resident set size; cpu* are CPU ms (user + system);
// gc (parse|lint) is the garbage collection during the measured runs: main-thread pauses in ms and their count, by kind.
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {isMainThread, parentPort, Worker} from 'node:worker_threads'

const root = path.resolve(import.meta.dirname, '..', '..')
const [mode, countArg, ...paths] = process.argv.slice(2)
const count = Number(countArg ?? 1)

if ((mode === 'parse' || mode === 'lint') && process.env['BENCH_ONE_FILE_WORKER'] && isMainThread) {
  // the same script in a worker with the heap settings the command gives a worker that lints one big file
  const {workerOptions, ONE_FILE_YOUNG_GENERATION_MB, ONE_FILE_HEAP_GROWING_PERCENT, oneFileOldGenerationMb} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'scale.js')).href)
  const chars = fs.readFileSync(paths[0], 'utf8').length
  const oldGenerationMb = oneFileOldGenerationMb(chars)
  const options = workerOptions(process.execArgv, {youngGenerationMb: ONE_FILE_YOUNG_GENERATION_MB, ...(oldGenerationMb ? {oldGenerationMb} : {})})
  const worker = new Worker(new URL(import.meta.url), {...options, argv: process.argv.slice(2)})
  // and its heap growth, as the command sets it while such a worker lints (see ONE_FILE_HEAP_GROWING_PERCENT)
  if (ONE_FILE_HEAP_GROWING_PERCENT) (await import('node:v8')).setFlagsFromString(`--heap-growing-percent=${ONE_FILE_HEAP_GROWING_PERCENT}`)
  worker.on('message', (line) => console.log(line))
  worker.on('error', (error) => {
    console.error(error)
    process.exitCode = 1
  })
  worker.on('exit', (code) => {
    if (code !== 0) process.exitCode = code
  })
} else {

function markdownFiles(p, out = []) {
  const s = fs.statSync(p)
  if (s.isFile()) out.push(p)
  else
    for (const e of fs.readdirSync(p, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(p, e.name)
      if (e.isDirectory()) markdownFiles(full, out)
      else if (/\.(?:md|markdown)$/i.test(e.name)) out.push(full)
    }
  return out
}

const peak = () => process.resourceUsage().maxRSS
const cpuMs = (since) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1000
}
const parser = process.env['BENCH_PARSER'] || undefined

/**
 * One cache of answers per text (typed values, term keys) for this process's lints, as the command line keeps one per
 * run and the language server one per session. A build without TextCache keeps such answers in its modules instead.
 */
async function textCacheOption() {
  const m = await import(pathToFileURL(path.join(root, 'dist', 'src', 'reading', 'index.js')).href).catch(() => ({}))
  return m.TextCache ? {textCache: new m.TextCache()} : {}
}

if (mode === 'phases') {
  // Each text is parsed, built and linted once (no text seen twice, so per-text caches do not flatter a phase), after
  // `count` texts of warm-up that are not counted. CPU ms per MB of each phase; the rules run on one shared Reading in
  // the msa profile's order, as the engine runs them.
  const d = (f) => import(pathToFileURL(path.join(root, 'dist', f)).href)
  const {parseMarkdown} = await d('src/parse.js')
  const {buildDocument} = await d('src/document.js')
  const {detectProfile} = await d('src/detect.js')
  const {defaultSettings, ruleSet} = await d('src/config.js')
  const {ruleCode} = await d('src/rule.js')
  const {ruleOptions} = await d('src/engine.js')
  await d('rules/index.js')
  const readingModule = await d('src/reading/index.js')
  const texts = paths.flatMap((p) => markdownFiles(p)).map((f) => fs.readFileSync(f, 'utf8'))
  if (texts.length <= count) throw new Error(`phases needs more than ${count} texts, got ${texts.length}`)
  const set = ruleSet(defaultSettings(), 'msa')
  const rules = set.rules.map(ruleCode).filter((r) => (set.severities[r.meta.id] ?? r.meta.severity) !== 'off')
  const textCache = new readingModule.TextCache()
  const totals = new Map()
  let bytes = 0
  const add = (k, c0) => {
    const u = process.cpuUsage(c0)
    totals.set(k, (totals.get(k) ?? 0) + (u.user + u.system) / 1000)
  }
  texts.forEach((text, i) => {
    const counted = i >= count
    if (counted) bytes += Buffer.byteLength(text)
    let c0 = process.cpuUsage()
    parseMarkdown(text)
    if (counted) add('parse', c0)
    c0 = process.cpuUsage()
    const doc = buildDocument(text, `t${i}.md`)
    if (counted) add('parse + section tree', c0)
    c0 = process.cpuUsage()
    detectProfile(doc)
    if (counted) add('profile detection', c0)
    const reading = readingModule.read(doc, textCache)
    for (const rule of rules) {
      const context = {doc, reading, options: ruleOptions(rule, set.options[rule.meta.id]), report() {}, cover() {}}
      c0 = process.cpuUsage()
      rule.check(context)
      if (counted) add(`rule ${rule.meta.id}`, c0)
    }
  })
  const mb = bytes / 1e6
  const perMb = Object.fromEntries([...totals].map(([k, v]) => [k, v / mb]))
  console.log(JSON.stringify({files: texts.length - count, bytes, cpuMsPerMb: perMb, peakRssKiB: peak()}))
  process.exit(0)
}

if (mode === 'cold') {
  // a cold start of one parse: module import and the first parse of one file, in this fresh process
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const {parseMarkdown} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'parse.js')).href)
  const text = fs.readFileSync(paths[0], 'utf8')
  parseMarkdown(text, {parser: countArg})
  console.log(JSON.stringify({ms: performance.now() - t0, cpu: cpuMs(c0), peakRssKiB: peak()}))
  process.exit(0)
}

if (mode === 'load') {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  await import(pathToFileURL(path.join(root, 'dist', process.argv[3] ?? 'bundle/cli.js')).href)
  console.log(JSON.stringify({ms: performance.now() - t0, cpuMs: cpuMs(c0), peakRssKiB: peak()}))
} else if (mode === 'relint') {
  // what the language server does on each change: Linter.lint() with the document's parsed parts kept between edits,
  // on the edits scripts/bench/lsp-relint.mjs sends the server (open, five warm-up edits on lines of their own, then
  // one character typed per edit, the edits adding up), so that the two rows differ only by the server around the lint
  const {Linter} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'lsp', 'linter.js')).href)
  const file = path.resolve(paths[0])
  const text = fs.readFileSync(file, 'utf8')
  const linter = new Linter(path.dirname(file), {})
  const lines = text.split('\n')
  const ms = []
  const cpu = []
  const full = []
  const edited = []
  const WARM_UP = 5
  await linter.lint({text, filePath: file, name: file})
  for (let i = 0; i < WARM_UP + count; i++) {
    const n = i < WARM_UP ? WARM_UP : count
    const k = i < WARM_UP ? i : i - WARM_UP
    const at = Math.floor(((k + (i < WARM_UP ? 0.25 : 0.5)) / n) * lines.length)
    lines[at] += 'x'
    const now = lines.join('\n')
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const r = await linter.lint({text: now, filePath: file, name: file})
    if (r.kind !== 'result') throw new Error(`no result: ${r.kind}`)
    if (i < WARM_UP) continue
    ms.push(performance.now() - t0)
    cpu.push(cpuMs(c0))
    edited.push(now)
  }
  // the same texts linted afresh (no kept parts), for comparison: after the edits, so that these lints do not warm the
  // code the edits run (linted between the edits, they made the edits' figures lower than the server's)
  for (const now of edited) {
    const fresh = new Linter(path.dirname(file), {})
    const t1 = performance.now()
    await fresh.lint({text: now, filePath: file, name: `${file}.fresh`})
    full.push(performance.now() - t1)
  }
  console.log(JSON.stringify({bytes: Buffer.byteLength(text), ms, cpu, full, peakRssKiB: peak()}))
} else if (mode === 'compare') {
  // compare an agreement with a template against linting the agreement alone, alternately, wall and CPU per round
  const {lint} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href)
  const {compare} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'compare', 'compare.js')).href)
  const [agreementFile, templateFile] = paths.map((p) => path.resolve(p))
  const agreementText = fs.readFileSync(agreementFile, 'utf8')
  const templateText = fs.readFileSync(templateFile, 'utf8')
  const kept = await textCacheOption()
  const runLint = () => lint(agreementText, {profile: 'auto', filePath: 'agreement.md', ...kept}).messages.length
  const runCompare = () => compare(agreementText, templateText, {filePath: 'agreement.md', templatePath: 'template.md', ...kept}).differences.length
  const timed = (fn) => {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    const c = process.cpuUsage(c0)
    return {ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000}
  }
  runLint()
  const differences = runCompare()
  const lintRuns = []
  const compareRuns = []
  for (let i = 0; i < count; i++) {
    lintRuns.push(timed(runLint))
    compareRuns.push(timed(runCompare))
  }
  console.log(JSON.stringify({bytes: [Buffer.byteLength(agreementText), Buffer.byteLength(templateText)], differences, lint: lintRuns, compare: compareRuns, peakRssKiB: peak()}))
} else {
  const {parseMarkdown} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'parse.js')).href)
  const {lint} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href)
  const kept = await textCacheOption()
  const files = paths.flatMap((p) => markdownFiles(p))
  const texts = files.map((f) => ({filePath: path.relative(root, f), text: fs.readFileSync(f, 'utf8')}))
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0)
  // BENCH_VOLUME_MB (parse, lint): each measured run parses or lints the text as many times as make that many MB (at
  // least once), every tree or result kept to the run's end, so that each size is measured over the same volume of text
  // and of trees kept: a single parse of a small text is over in ~20 ms, and whether one collection of the old
  // generation (whose cost is that of the heap the process holds, not of the text) falls inside it decides its figure;
  // a single lint of a small text is over in a second, one of the largest in twenty, so that the sizes met the
  // machine's load over unequal stretches of time. Each lint starts with an empty text cache, as a run of the command
  // does: a text linted again with the answers kept would cost less
  const volumeMb = Number(process.env['BENCH_VOLUME_MB'] ?? 0)
  const parses = (mode === 'parse' || mode === 'lint') && volumeMb > 0 ? Math.max(1, Math.round((volumeMb * 1024 * 1024) / bytes)) : 1
  const {TextCache} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'reading', 'index.js')).href).catch(() => ({}))
  // the CLI lints with the profile given on its command line (auto by default)
  const runLint = () => {
    let messages = 0
    const results = []
    for (let i = 0; i < parses; i++) {
      // (a repeated lint of the text gets a text cache of its own, empty, like the first)
      const cache = i > 0 && TextCache ? {textCache: new TextCache()} : kept
      for (const t of texts) results.push(lint(t.text, {profile: 'auto', filePath: t.filePath, ...cache, ...(parser ? {parser} : {})}))
    }
    for (const r of results) messages += r.messages.length
    return messages
  }
  const runParse = () => {
    let nodes = 0
    const kept = []
    for (let i = 0; i < parses; i++) for (const t of texts) kept.push(parseMarkdown(t.text, parser ? {parser} : {}))
    for (const tree of kept) nodes += tree.children.length
    return nodes
  }
  const runWith = (name) => () => {
    let nodes = 0
    for (const t of texts) nodes += parseMarkdown(t.text, {parser: name}).children.length
    return nodes
  }
  const cpu = []
  const time = (fn) => {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    const ms = performance.now() - t0
    cpu.push(cpuMs(c0))
    return ms
  }
  if (mode === 'parsers') {
    // one warm-up pass of each, then the two alternately so load drift hits both alike
    const fast = runWith('fast')
    const remark = runWith('remark')
    fast()
    remark()
    const r = {fast: [], fastCpu: [], remark: [], remarkCpu: []}
    for (let i = 0; i < count; i++) {
      r.fast.push(time(fast))
      r.fastCpu.push(cpu.at(-1))
      r.remark.push(time(remark))
      r.remarkCpu.push(cpu.at(-1))
    }
    console.log(JSON.stringify({files: texts.length, bytes, ...r, peakRssKiB: peak()}))
  } else if (mode === 'ratio') {
    // Every text is linted or parsed once: values and terms are cached per text, so a text linted again is cheaper than
    // one never seen. The texts are cut into a warm-up group and two groups per round; in each round one group is parsed
    // and the other linted (the roles swap from round to round), and the figures are per MB of the texts each saw.
    const groups = count * 2 + 1
    const size = Math.floor(texts.length / groups)
    if (size < 1) throw new Error(`ratio needs at least ${groups} texts for ${count} rounds, got ${texts.length}`)
    const group = (g) => texts.slice(g * size, (g + 1) * size)
    const bytesOf = (list) => list.reduce((n, t) => n + Buffer.byteLength(t.text), 0)
    const parseOf = (list) => () => {
      for (const t of list) parseMarkdown(t.text, parser ? {parser} : {})
    }
    const lintOf = (list) => () => {
      for (const t of list) lint(t.text, {profile: 'auto', filePath: t.filePath, ...kept, ...(parser ? {parser} : {})})
    }
    const warm = group(0)
    parseOf(warm)()
    lintOf(warm)()
    const parse = []
    const lintMs = []
    const parseCpu = []
    const lintCpu = []
    for (let i = 0; i < count; i++) {
      const [a, b] = i % 2 ? [group(2 * i + 2), group(2 * i + 1)] : [group(2 * i + 1), group(2 * i + 2)]
      const pmb = bytesOf(a) / 1e6
      const lmb = bytesOf(b) / 1e6
      parse.push(time(parseOf(a)) / pmb)
      parseCpu.push(cpu.at(-1) / pmb)
      lintMs.push(time(lintOf(b)) / lmb)
      lintCpu.push(cpu.at(-1) / lmb)
    }
    console.log(JSON.stringify({files: texts.length, groupFiles: size, bytes, perMb: true, parse, parseCpu, lint: lintMs, lintCpu, peakRssKiB: peak()}))
  } else if (mode === 'parse' || mode === 'lint') {
    const warmup = process.env['BENCH_WARMUP']
    if (warmup) {
      // a folder: each of its first BENCH_WARMUP_RUNS texts once (texts never seen, as the measured one is); a file: that
      // text BENCH_WARMUP_RUNS times
      const runs = Number(process.env['BENCH_WARMUP_RUNS'] ?? 3)
      const warmTexts = fs.statSync(warmup).isDirectory() ? markdownFiles(warmup).slice(0, runs).map((f) => fs.readFileSync(f, 'utf8')) : Array.from({length: runs}, () => fs.readFileSync(warmup, 'utf8'))
      for (const [i, text] of warmTexts.entries()) {
        if (mode === 'parse') parseMarkdown(text, parser ? {parser} : {})
        else lint(text, {profile: 'auto', filePath: `warmup-${i}.md`, ...kept, ...(parser ? {parser} : {})})
      }
      cpu.length = 0
      // the measured text starts with an empty text cache, as a run of the command does: the warm-up's agreements share
      // titles and sentences with it, and their answers kept would flatter a small text (the warm-up is for the JIT)
      Object.assign(kept, await textCacheOption())
    }
    // garbage collection during the measured runs: main-thread pauses by kind (scavenges of the young generation,
    // mark-compacts of the old), so that growth in collection can be told from growth in the linter's own work
    const gc = {scavenges: 0, scavengeMs: 0, markCompacts: 0, markCompactMs: 0, otherMs: 0}
    const {PerformanceObserver, constants} = await import('node:perf_hooks')
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = e.detail?.kind
        if (kind === constants.NODE_PERFORMANCE_GC_MINOR) (gc.scavenges++, (gc.scavengeMs += e.duration))
        else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) (gc.markCompacts++, (gc.markCompactMs += e.duration))
        else gc.otherMs += e.duration
      }
    })
    observer.observe({entryTypes: ['gc']})
    // repeats stop early when another one would overrun BENCH_REPEAT_BUDGET_MS (the first always runs)
    const budget = Number(process.env['BENCH_REPEAT_BUDGET_MS'] ?? Infinity)
    const ms = []
    let spent = 0
    for (let i = 0; i < count; i++) {
      if (i > 0 && spent + ms[ms.length - 1] > budget) break
      ms.push(time(mode === 'parse' ? runParse : runLint))
      spent += ms[ms.length - 1]
    }
    // the observer is told of the last collections on a later turn of the event loop
    await new Promise((resolve) => setTimeout(resolve, 20))
    observer.disconnect()
    for (const k of ['scavengeMs', 'markCompactMs', 'otherMs']) gc[k] = Math.round(gc[k] * 10) / 10
    const line = JSON.stringify({files: texts.length, bytes, ...(parses > 1 ? {parses} : {}), ms, cpu, gc, peakRssKiB: peak(), ...(isMainThread ? {} : {thread: 'one-file worker', resourceLimits: (await import('node:worker_threads')).resourceLimits})})
    if (isMainThread) console.log(line)
    else parentPort.postMessage(line)
  } else {
    console.error(`unknown mode ${mode}`)
    process.exitCode = 2
  }
}
}

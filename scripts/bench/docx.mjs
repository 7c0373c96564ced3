// Bench helper for Word input, run in a fresh process: times, in-process and alternating, reading a .docx
// (readDocx), linting the Markdown it reads as (lint), and annotating it with N comments (annotateDocx).
//   node scripts/bench/docx.mjs <rounds> <comments> <file.docx>
// Prints one JSON line on stdout: per-round wall and CPU milliseconds of each step.
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const root = path.resolve(import.meta.dirname, '..', '..')
const [roundsArg, commentsArg, file] = process.argv.slice(2)
const rounds = Number(roundsArg)
const comments = Number(commentsArg)
const load = (p) => import(pathToFileURL(path.join(root, 'dist', 'src', p)).href)
const {readDocx} = await load('docx/read.js')
const {annotateDocx} = await load('docx/annotate.js')
const {lint} = await load('lint.js')
// lint() takes the built-in rules' code from their registry, which the command line loads before linting
await import(pathToFileURL(path.join(root, 'dist', 'rules', 'index.js')).href)

const bytes = fs.readFileSync(file)
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const time = (fn) => {
  const c0 = cpu()
  const t0 = performance.now()
  const value = fn()
  return {value, ms: performance.now() - t0, cpuMs: cpu() - c0}
}
const first = readDocx(bytes)
// comments spread evenly over the paragraphs that have text
const ordinals = [...new Set(first.lines.map((l) => l.paragraph))]
const notes = Array.from({length: comments}, (_, i) => ({paragraph: ordinals[Math.floor((i * ordinals.length) / comments)], lines: [`rule-${i % 7}: finding ${i} on this paragraph; state a measurable commitment`]}))
// warm-up
lint(first.markdown, {filePath: 'bench.docx'})
annotateDocx(bytes, notes)
const out = {bytes: bytes.length, paragraphs: first.paragraphs, lines: first.lines.length, markdownBytes: Buffer.byteLength(first.markdown), comments, read: [], readCpu: [], lint: [], lintCpu: [], annotate: [], annotateCpu: [], findings: 0}
for (let i = 0; i < rounds; i++) {
  const r = time(() => readDocx(bytes))
  const l = time(() => lint(r.value.markdown, {filePath: 'bench.docx'}))
  const a = time(() => annotateDocx(bytes, notes))
  out.read.push(r.ms)
  out.readCpu.push(r.cpuMs)
  out.lint.push(l.ms)
  out.lintCpu.push(l.cpuMs)
  out.annotate.push(a.ms)
  out.annotateCpu.push(a.cpuMs)
  out.findings = l.value.messages.length
  if (readDocx(a.value).comments.length < comments / 2) throw new Error('the annotated copy lost its comments')
}
console.log(JSON.stringify(out))

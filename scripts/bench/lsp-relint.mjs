// Bench helper: the language server's re-lint after a one-line edit, measured as an editor runs it: the command
// (bin/clauselint.js --lsp, so the built bundle with the V8 flags the command sets, and the lint in the server's lint
// thread) started as a process of its own and driven over stdio as an editor drives it: open the document, then type
// one character on a line spread through it, waiting for each edit's diagnostics before the next.
//   node scripts/bench/lsp-relint.mjs <edits> <file>
// Prints one JSON line: per edit, `ms` the lint as the server logs it (in its lint thread, from the request to the
// result), `roundTrip` from the change sent to its diagnostics received less the server's debounce wait, and `cpu`
// the CPU of all the server's threads over that edit (from /proc/<pid>/task/*/schedstat; absent where there is none).
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const root = path.resolve(import.meta.dirname, '..', '..')
const [countArg, fileArg] = process.argv.slice(2)
const count = Number(countArg ?? 30)
const file = path.resolve(fileArg ?? '')
const text = fs.readFileSync(file, 'utf8')
const uri = pathToFileURL(file).href
const WARM_UP = 5

const server = spawn(process.execPath, [path.join(root, 'bin', 'clauselint.js'), '--lsp'], {cwd: path.dirname(file), stdio: ['pipe', 'pipe', 'inherit']})
const {DEBOUNCE_MS} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'lsp.js')).href).catch(() => ({DEBOUNCE_MS: 300}))

/** CPU seconds of every thread of the server so far, in ms (undefined without /proc). */
function serverCpu() {
  try {
    const dir = `/proc/${server.pid}/task`
    let ns = 0
    for (const task of fs.readdirSync(dir)) {
      try {
        ns += Number(fs.readFileSync(`${dir}/${task}/schedstat`, 'utf8').split(' ')[0])
      } catch {
        // a thread that ended meanwhile
      }
    }
    return ns / 1e6
  } catch {
    return undefined
  }
}

let nextId = 1
const waiting = new Map()
const logged = new Map()
let diagnosed = () => undefined
let buffer = Buffer.alloc(0)
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk])
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n')
    if (end < 0) return
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('latin1'))?.[1])
    if (buffer.length < end + 4 + length) return
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'))
    buffer = buffer.subarray(end + 4 + length)
    if (message.id !== undefined && waiting.has(message.id) && !message.method) {
      waiting.get(message.id)(message.result)
      waiting.delete(message.id)
    } else if (message.method === 'window/logMessage') {
      const m = /version (\d+)\) in ([\d.]+) ms/.exec(message.params.message)
      if (m) logged.set(Number(m[1]), Number(m[2]))
    } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
      diagnosed(message.params.version)
    } else if (message.id !== undefined && message.method) {
      // a request of the server's (configuration, registration): answered empty
      send({jsonrpc: '2.0', id: message.id, result: null})
    }
  }
})

function send(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8')
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`)
  server.stdin.write(body)
}
const request = (method, params) =>
  new Promise((resolve) => {
    const id = nextId++
    waiting.set(id, resolve)
    send({jsonrpc: '2.0', id, method, params})
  })
const notify = (method, params) => send({jsonrpc: '2.0', method, params})
const diagnosticsOf = (version) =>
  new Promise((resolve) => {
    diagnosed = (v) => {
      if (v === version) resolve()
    }
  })

await request('initialize', {processId: process.pid, rootUri: pathToFileURL(path.dirname(file)).href, capabilities: {}})
notify('initialized', {})
let version = 1
let opened = diagnosticsOf(version)
notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version, text}})
await opened
const lines = text.split('\n')
const ms = []
const roundTrip = []
const cpu = []
for (let i = 0; i < WARM_UP + count; i++) {
  // type one character at the end of a line spread through the document (the warm-up types on lines of its own)
  const n = i < WARM_UP ? WARM_UP : count
  const k = i < WARM_UP ? i : i - WARM_UP
  const line = Math.floor(((k + (i < WARM_UP ? 0.25 : 0.5)) / n) * lines.length)
  lines[line] += 'x'
  version++
  const done = diagnosticsOf(version)
  const c0 = serverCpu()
  const t0 = performance.now()
  notify('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{range: {start: {line, character: lines[line].length - 1}, end: {line, character: lines[line].length - 1}}, text: 'x'}]})
  await done
  const t = performance.now() - t0
  const c1 = serverCpu()
  if (i < WARM_UP) continue
  roundTrip.push(t - DEBOUNCE_MS)
  if (logged.has(version)) ms.push(logged.get(version))
  if (c0 !== undefined && c1 !== undefined) cpu.push(c1 - c0)
}
await request('shutdown', null)
notify('exit', null)
console.log(JSON.stringify({bytes: Buffer.byteLength(text), ms, roundTrip, cpu}))

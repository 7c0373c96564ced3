// The command as installed (bin/clauselint.js over the built bundle): the language server and the MCP server are
// scripts of their own beside the command's (loaded only by --lsp and --mcp), and the language server's lint thread
// starts from the bundle.
import {isAscii} from 'node:buffer'
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tempDirs} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const bin = path.join(root, 'bin', 'clauselint.js')
const temp = tempDirs('bundle')

/** Start the command with `args`, send `messages` (LSP framing when `framed`), and resolve with stdout once `until` matches it. */
function converse(args: string[], cwd: string, messages: unknown[], framed: boolean, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}})
    let out = ''
    let err = ''
    child.stderr.on('data', (d: Buffer) => void (err += d.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`no answer matching ${until}: ${out.slice(0, 1500)} ${err.slice(0, 500)}`))
    }, 60_000)
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8')
      if (until.test(out)) {
        clearTimeout(timer)
        child.kill()
        resolve(out)
      }
    })
    for (const m of messages) {
      const text = JSON.stringify(m)
      child.stdin.write(framed ? `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}` : `${text}\n`)
    }
  })
}

describe.skipIf(!fs.existsSync(path.join(root, 'dist', 'bundle', 'cli.cjs')))('the built command', () => {
  it('the command script leaves the servers out; they are scripts beside it', () => {
    const cli = fs.readFileSync(path.join(root, 'dist', 'bundle', 'cli.cjs'), 'utf8')
    expect(cli).not.toContain('vscode-languageserver')
    expect(cli).not.toContain('@modelcontextprotocol')
    expect(fs.existsSync(path.join(root, 'dist', 'bundle', 'lsp.cjs'))).toBe(true)
    expect(fs.existsSync(path.join(root, 'dist', 'bundle', 'mcp.cjs'))).toBe(true)
  })

  it('the scripts run through the code cache are written wrapped as CommonJS modules, so that V8 compiles them as read', () => {
    const wrapper = '(function (exports, require, module, __filename, __dirname) { '
    for (const name of ['cli.cjs', 'worker.cjs']) expect(fs.readFileSync(path.join(root, 'dist', 'bundle', name), 'latin1').startsWith(wrapper), name).toBe(true)
    // the servers' scripts are imported as modules by node itself
    for (const name of ['lsp.cjs', 'mcp.cjs']) expect(fs.readFileSync(path.join(root, 'dist', 'bundle', name), 'latin1').startsWith(wrapper), name).toBe(false)
  })

  it('the command scripts are ASCII and read the same as the ES module bundle, curly quotes, dashes and currency signs included', () => {
    for (const name of ['cli.cjs', 'lsp.cjs', 'mcp.cjs']) expect(isAscii(fs.readFileSync(path.join(root, 'dist', 'bundle', name))), name).toBe(true)
    const dir = temp({
      'msa.md': [
        '# Managed Services Agreement',
        '',
        '## 1. Definitions',
        '',
        '“Business Hours” means 8:00–18:00 GMT, Monday–Friday, excluding UK bank holidays.',
        '',
        '## 2. Services',
        '',
        'The Provider’s services include monitoring and patching. Support is available 24×7 for Priority 1.',
        '',
        '## 3. Fees',
        '',
        'Work outside Business Hours is charged at £95 per hour (₹7,500 for Indian sites); the Provider won’t exceed 2× the rate.',
        '',
        'The Provider will respond to tickets promptly and guarantees 100% uptime.',
        '',
      ].join('\n'),
    })
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [bin, '--format', 'json', 'msa.md'], {cwd: dir, encoding: 'utf8', env: {...process.env, ...env}})
    const script = run({})
    const modules = run({CLAUSELINT_NO_CODE_CACHE: '1'})
    expect(script.stderr).toBe('')
    const messages = (JSON.parse(script.stdout) as Array<{messages: unknown[]}>)[0]!.messages
    expect(messages.length).toBeGreaterThan(3)
    expect(script.stdout).toBe(modules.stdout)
  })

  it('--lsp lints an open document in its lint thread and publishes the findings', async () => {
    const dir = temp({})
    const uri = `file://${path.join(dir, 'msa.md')}`
    const out = await converse(
      ['--lsp'],
      dir,
      [
        {jsonrpc: '2.0', id: 1, method: 'initialize', params: {capabilities: {}, processId: null, rootUri: null}},
        {jsonrpc: '2.0', method: 'initialized', params: {}},
        {jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'markdown', version: 1, text: '# Master Services Agreement\n\nProvider will respond promptly.\n'}}},
      ],
      true,
      /"code":"(?:scope-of-services|fatal)"/,
    )
    expect(out).toContain('"code":"scope-of-services"')
    expect(out).not.toContain('"code":"fatal"')
  }, 90_000)

  it('a --stdin run loads neither the terminal check (node:tty) nor node:fs/promises; a run over files reads through the latter', () => {
    const dir = temp({'msa.md': '# Managed Services Agreement\n\nProvider will respond promptly.\n'})
    // Node's modules loaded by the run, printed as it ends
    const preload = path.join(dir, 'loaded.cjs')
    fs.writeFileSync(preload, "process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED ' + process.moduleLoadList.join(',')))\n")
    const loaded = (args: string[], input?: string): {stdout: string; modules: string[]} => {
      const r = spawnSync(process.execPath, ['-r', preload, bin, ...args], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, ...(input !== undefined ? {input} : {})})
      const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED ')) ?? ''
      return {stdout: r.stdout, modules: line.slice('LOADED '.length).split(',')}
    }
    const stdin = loaded(['--format', 'json', '--stdin', '--stdin-filename', 'msa.md'], fs.readFileSync(path.join(dir, 'msa.md'), 'utf8'))
    expect(stdin.modules).toContain('NativeModule vm')
    expect(stdin.modules).not.toContain('NativeModule tty')
    expect(stdin.modules).not.toContain('NativeModule internal/fs/promises')
    const byPath = loaded(['--format', 'json', 'msa.md'])
    expect(byPath.modules).toContain('NativeModule internal/fs/promises')
    expect(byPath.stdout.replaceAll('"filePath": "msa.md"', '')).toBe(stdin.stdout.replaceAll('"filePath": "msa.md"', ''))
    expect(JSON.parse(byPath.stdout)[0].messages.length).toBeGreaterThan(0)
  })

  it('--mcp answers initialize', async () => {
    const out = await converse(['--mcp'], temp({}), [{jsonrpc: '2.0', id: 1, method: 'initialize', params: {protocolVersion: '2024-11-05', capabilities: {}, clientInfo: {name: 'test', version: '1'}}}], false, /"serverInfo"/)
    expect(out).toContain('"name":"clauselint"')
  }, 90_000)
})

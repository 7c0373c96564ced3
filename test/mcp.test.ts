// `clauselint --mcp`, driven by the official SDK's client over stdio: the tools, their structured answers, and the
// refusals (paths outside the workspace root, bad arguments) as tool errors that leave the server running.
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import {ListRootsRequestSchema} from '@modelcontextprotocol/sdk/types.js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {tempDirs} from './helpers.js'

const bin = path.join(import.meta.dirname, '..', 'bin', 'clauselint.js')
const tempDir = tempDirs('mcp')

const MSA = `# Managed Services Agreement

Between Northwind IT Ltd ("Provider") and Harbour Dental Ltd ("Client").

## 1. Services

The Provider will provide help desk support by phone and email, and monitoring of the Client's servers.

## 2. Support

The Provider will respond promptly to support requests.
`

let client: Client
let outside: string
let workspace: string

type CallResult = {isError?: boolean; content: Array<{type: string; text?: string}>; structuredContent?: Record<string, unknown>}
const call = async (name: string, args: Record<string, unknown>): Promise<CallResult> => (await client.callTool({name, arguments: args})) as CallResult

/** A .git folder holding a credential in the workspace, and `name`: its config, or a link to it made under that name. */
const gitConfig = (name: string): {path: string} => {
  fs.mkdirSync(path.join(workspace, '.git'), {recursive: true})
  fs.writeFileSync(path.join(workspace, '.git', 'config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n')
  const link = path.join(workspace, name)
  if (!name.startsWith('.git') && !fs.existsSync(link)) fs.symlinkSync(path.join(workspace, '.git', 'config'), link)
  return {path: name}
}

beforeAll(async () => {
  outside = tempDir({'secret.md': MSA})
  const compareFixture = (name: string): string => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'compare', name), 'utf8')
  workspace = tempDir({'contracts/msa.md': MSA, 'contracts/template.md': compareFixture('template.md'), 'contracts/draft.md': compareFixture('counterparty.md'), 'notes/release.md': compareFixture('not-an-agreement.md')})
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(workspace, 'contracts', 'link.md'))
  client = new Client({name: 'clauselint-test', version: '1.0.0'})
  await client.connect(new StdioClientTransport({command: process.execPath, args: [bin, '--mcp'], cwd: workspace, stderr: 'pipe'}))
}, 30_000)

afterAll(async () => {
  await client?.close()
})

describe('clauselint --mcp', () => {
  it('lists read-only tools', async () => {
    const {tools} = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual(['compare_with_template', 'explain_rule', 'extract_values', 'lint_agreement', 'list_missing_clauses', 'suggest_skeleton'])
    for (const t of tools) {
      expect(t.annotations?.readOnlyHint, t.name).toBe(true)
      expect(t.outputSchema, t.name).toBeDefined()
    }
  })

  it('lint_agreement: a file in the workspace, with findings and coverage', async () => {
    const r = await call('lint_agreement', {path: 'contracts/msa.md'})
    expect(r.isError).toBeFalsy()
    const files = r.structuredContent!['files'] as Array<{filePath: string; errorCount: number; messages: Array<{ruleId: string; outcome?: string}>; coverage: Array<{ruleId: string; outcome: string; evidence?: string}>}>
    expect(files).toHaveLength(1)
    expect(files[0]!.filePath).toBe('contracts/msa.md')
    expect(files[0]!.errorCount).toBeGreaterThan(0)
    expect(files[0]!.messages.some((m) => m.ruleId === 'response-times' && m.outcome === 'vague')).toBe(true)
    expect(files[0]!.coverage.find((c) => c.ruleId === 'scope-of-services')).toMatchObject({outcome: 'present'})
    expect(JSON.parse(r.content[0]!.text!)).toEqual(r.structuredContent)
  })

  it('lint_agreement: text, named for config lookup; quote false leaves out the agreement\'s words', async () => {
    const r = await call('lint_agreement', {text: MSA, fileName: 'contracts/draft.md', quote: false})
    const files = r.structuredContent!['files'] as Array<{filePath: string; coverage: Array<{evidence?: string}>; messages: Array<{message: string}>}>
    expect(files[0]!.filePath).toBe('contracts/draft.md')
    expect(files[0]!.coverage.every((c) => c.evidence === undefined)).toBe(true)
    expect(JSON.stringify(files)).not.toContain('respond promptly')
  })

  it('list_missing_clauses: missing, vague and delegated clauses with what to write', async () => {
    const r = await call('list_missing_clauses', {path: 'contracts/msa.md'})
    const clauses = r.structuredContent!['clauses'] as Array<{ruleId: string; outcome: string; suggestion: string}>
    expect(clauses.find((c) => c.ruleId === 'response-times')).toMatchObject({outcome: 'vague'})
    expect(clauses.find((c) => c.ruleId === 'priority-levels')).toMatchObject({outcome: 'missing'})
    expect(clauses.find((c) => c.ruleId === 'priority-levels')!.suggestion).toMatch(/^Missing priority levels/)
    expect(clauses.some((c) => c.outcome === 'present')).toBe(false)
  })

  it('explain_rule: the rule page; an unknown id is a tool error with a suggestion', async () => {
    const r = await call('explain_rule', {ruleId: 'response-times'})
    expect(r.structuredContent!['documentation']).toMatch(/^# response-times\n/)
    expect(r.structuredContent!['category']).toBe('clause')
    const bad = await call('explain_rule', {ruleId: 'respons-times'})
    expect(bad.isError).toBe(true)
    expect(bad.content[0]!.text).toBe('unknown rule "respons-times"; did you mean "response-times"?')
  })

  it('suggest_skeleton: the skeleton, and where it goes in an agreement that misses it', async () => {
    const bare = await call('suggest_skeleton', {ruleId: 'priority-levels'})
    expect(bare.structuredContent!['skeleton']).toMatch(/^## Priority Levels\n\n/)
    expect(bare.structuredContent!['insertion']).toBeUndefined()
    const placed = await call('suggest_skeleton', {ruleId: 'priority-levels', path: 'contracts/msa.md'})
    const insertion = placed.structuredContent!['insertion'] as {line: number; mode: string; text: string}
    expect(insertion.mode).toBe('add')
    expect(insertion.line).toBeGreaterThan(1)
    // as the editor's quick fix places it: a clause of its own after the last numbered one, not inside "2. Support"
    expect(insertion.text).toMatch(/^## 3\. Priority Levels\n/)
    // the file is not written
    expect(fs.readFileSync(path.join(workspace, 'contracts/msa.md'), 'utf8')).toBe(MSA)
  })

  it('compare_with_template: clause by clause against the house template', async () => {
    const r = await call('compare_with_template', {path: 'contracts/draft.md', template: 'contracts/template.md'})
    expect(r.isError).toBeFalsy()
    const [c] = r.structuredContent!['comparisons'] as Array<{filePath: string; templatePath: string; errorCount: number; messages: Array<{kind: string; ruleId: string; facet?: string; message: string}>}>
    expect(c!.templatePath).toBe('contracts/template.md')
    expect(c!.messages.filter((m) => m.kind === 'weaker' || m.kind === 'missing').map((m) => `${m.ruleId} ${m.kind} ${m.facet ?? ''}`.trim()).sort()).toEqual([
      'backup-frequency weaker interval',
      'excluded-services missing',
      'performance-targets weaker uptime',
      'resolution-times weaker P1',
      'response-times weaker P1',
    ])
    const outsideRoot = await call('compare_with_template', {path: 'contracts/draft.md', template: '/etc/passwd'})
    expect(outsideRoot.isError).toBe(true)
    const notAgreement = await call('compare_with_template', {path: 'contracts/draft.md', template: 'notes/release.md'})
    expect(notAgreement.isError).toBe(true)
    expect(notAgreement.content[0]?.text).toBe('notes/release.md: the template is not an agreement (no clause of a services agreement, SLA or commercial agreement found)')
  })

  it('extract_values: typed values of a clause', async () => {
    const r = await call('extract_values', {text: 'Priority 1 incidents get a response within 4 business hours; availability is 99.9% per calendar month; extra work is $150 per hour.'})
    const data = r.structuredContent as {durations: Array<{value: number; business: boolean}>; percentages: Array<{value: number; period?: string}>; money: Array<{amount?: number}>; priorities: unknown[]}
    expect(data.durations[0]).toMatchObject({value: 4, business: true})
    expect(data.percentages[0]).toMatchObject({value: 99.9, period: 'month'})
    expect(data.money).toHaveLength(1)
    expect(data.priorities.length).toBeGreaterThan(0)
  })

  it.each([
    ['a relative path above the root', () => ({path: path.relative(workspace, path.join(outside, 'secret.md'))}), /outside the workspace root/],
    ['an absolute path elsewhere', {path: '/etc/passwd'}, /outside the workspace root/],
    ['a symbolic link that leads outside', {path: 'contracts/link.md'}, /outside the workspace root/],
    ['a text named outside the root', {text: MSA, fileName: '../x.md'}, /outside the workspace root/],
    ['a file inside .git', () => gitConfig('.git/config'), /^"\.git\/config" is inside the workspace's \.git folder; it is not read$/],
    ['a symbolic link into .git', () => gitConfig('contracts/git.md'), /^"contracts\/git\.md" is inside the workspace's \.git folder; it is not read$/],
    ['a file that does not exist', {path: 'contracts/nope.md'}, /^"contracts\/nope\.md" does not exist in the workspace \(.+\)$/],
    ['both path and text', {path: 'contracts/msa.md', text: MSA}, /^give either path or text$/],
  ])('refuses %s as a tool error, and keeps running', async (_what, args, message) => {
    const r = await call('lint_agreement', typeof args === 'function' ? args() : args)
    expect(r.isError).toBe(true)
    expect(r.content[0]!.text).toMatch(message)
    expect((await call('explain_rule', {ruleId: 'parties'})).isError).toBeFalsy()
  })

  it('a config error is a tool error with the one-line message', async () => {
    const dir = path.join(workspace, 'broken')
    fs.mkdirSync(dir)
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), 'rules:\n  no-such-rule: error\n')
    fs.writeFileSync(path.join(dir, 'a.md'), MSA)
    const r = await call('lint_agreement', {path: 'broken/a.md'})
    expect(r.isError).toBe(true)
    expect(r.content[0]!.text).toMatch(/^broken\/\.clauselintrc\.yaml: rules\.no-such-rule: unknown rule "no-such-rule"/)
  })
})

describe('starting it', () => {
  it('--mcp is a server on stdio, not an option of a lint run; it takes no other arguments', async () => {
    const {runCli} = await import('./helpers.js')
    const ran = await runCli(['--mcp', '--format', 'json'])
    expect(ran.code).toBe(2)
    expect(ran.errLines).toEqual(['clauselint: --mcp runs an MCP server on stdio; start it as a command (clauselint --mcp)'])
    const {spawnSync} = await import('node:child_process')
    const extra = spawnSync(process.execPath, [bin, '--mcp', 'contracts'], {encoding: 'utf8', input: ''})
    expect([extra.status, extra.stdout, extra.stderr]).toEqual([2, '', "clauselint: --mcp takes only --root FOLDER (the workspace root; default: the client's roots, else the current folder)\n"])
    const gone = spawnSync(process.execPath, [bin, '--mcp', '--root', path.join(outside, 'no such folder')], {encoding: 'utf8', input: ''})
    expect([gone.status, gone.stdout, gone.stderr]).toEqual([2, '', `clauselint: --root ${path.join(outside, 'no such folder')}: no such folder\n`])
  })
})

describe('the workspace root when the client starts the server elsewhere', () => {
  const connect = async (cwd: string, args: string[], roots?: () => string[]): Promise<Client> => {
    const c = new Client({name: 'clauselint-test', version: '1.0.0'}, roots ? {capabilities: {roots: {listChanged: true}}} : {})
    if (roots) c.setRequestHandler(ListRootsRequestSchema, async () => ({roots: roots().map((uri) => ({uri}))}))
    await c.connect(new StdioClientTransport({command: process.execPath, args: [bin, '--mcp', ...args], cwd, stderr: 'pipe'}))
    return c
  }
  const lintPath = async (c: Client, p: string): Promise<CallResult> => (await c.callTool({name: 'lint_agreement', arguments: {path: p}})) as CallResult

  it('--root FOLDER: paths are relative to it, not to the folder the server was started in', async () => {
    const c = await connect(outside, ['--root', workspace])
    try {
      const ok = await lintPath(c, 'contracts/msa.md')
      expect(ok.isError, ok.content[0]?.text).toBeFalsy()
      // the look-alike: a file of the starting folder is not in the workspace, and the error names the workspace
      const other = await lintPath(c, 'secret.md')
      expect(other.isError).toBe(true)
      expect(other.content[0]!.text).toBe(`"secret.md" does not exist in the workspace (${fs.realpathSync(workspace)})`)
    } finally {
      await c.close()
    }
  })

  it("the client's roots: the first is the workspace, and again when the client says they changed", async () => {
    let roots = [pathToFileURL(workspace).href, pathToFileURL(outside).href]
    const c = await connect(outside, [], () => roots)
    try {
      const ok = await lintPath(c, 'contracts/msa.md')
      expect(ok.isError, ok.content[0]?.text).toBeFalsy()
      roots = [pathToFileURL(path.join(outside, 'gone')).href]
      await c.sendRootsListChanged()
      const gone = await lintPath(c, 'contracts/msa.md')
      expect(gone.isError).toBe(true)
      expect(gone.content[0]!.text).toBe(`the client's workspace root ${roots[0]} is not a folder on this machine`)
      roots = [pathToFileURL(outside).href]
      await c.sendRootsListChanged()
      expect((await lintPath(c, 'secret.md')).isError).toBeFalsy()
    } finally {
      await c.close()
    }
  })

  it('started in the root of the file system with no roots: a path is refused with what to do; text still works', async () => {
    const c = await connect(path.parse(workspace).root, [])
    try {
      const refused = await lintPath(c, 'contracts/msa.md')
      expect(refused.isError).toBe(true)
      expect(refused.content[0]!.text).toMatch(/^the workspace root is \/ \(the folder the server was started in\); give the folder of the agreements: "cwd" in the client's configuration, --root FOLDER after --mcp, or a client that sends its workspace as roots$/)
      const text = (await c.callTool({name: 'lint_agreement', arguments: {text: MSA}})) as CallResult
      expect(text.isError, text.content[0]?.text).toBeFalsy()
    } finally {
      await c.close()
    }
  })
})

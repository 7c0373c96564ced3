// The language server (`clauselint --lsp`): the pieces in process (diagnostic conversion, skeletons, suppression
// comments, hover, settings), then the real server over stdio, driven by vscode-jsonrpc — the JSON-RPC layer
// vscode-languageclient uses — from initialize to exit. The child process is always killed.
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {CodeAction, Diagnostic, Hover, PublishDiagnosticsParams, TextEdit, WorkspaceEdit} from 'vscode-languageserver/node'
import {DiagnosticSeverity} from 'vscode-languageserver/node'
import {rules} from '../rules/index.js'
import clauseData from '../rules/data/clauses.json' with {type: 'json'}
import {run} from '../src/cli.js'
import {buildDocument} from '../src/document.js'
import {lint} from '../src/lint.js'
import {codeActions, planDisableFile, planDisableLine, REASON_SLOT} from '../src/lsp/actions.js'
import {ruleDocs, toDiagnostic, toRange, withDocs} from '../src/lsp/convert.js'
import {sarif} from '../src/reporters/sarif.js'
import {packageVersion} from '../src/package-info.js'
import {hoverAt} from '../src/lsp/hover.js'
import {Linter, readSettings} from '../src/lsp/linter.js'
import {planSkeleton, SKELETONS} from '../src/lsp/skeletons.js'
import type {LintMessage} from '../src/types.js'
import {profileRules} from '../src/profiles.js'

const root = path.join(import.meta.dirname, '..')

/** An MSA with known findings: six clauses missing at the title, three at "2. Support", a vague response time and "promptly". */
const MSA = `# Managed Services Agreement

This Managed Services Agreement is made between Acme IT Ltd ("Provider") and Bobco Ltd ("Client").

## 1. Services

Provider will provide the following services: help desk support by phone and email, monitoring of servers and network devices, and installation of security updates.

## 2. Support

Provider will respond promptly to support requests.

## 3. Fees

Client will pay the monthly fee within 30 days of invoice.
`

/** Every clause missing, all reported at the title. */
const NO_CLAUSES = `# Managed Services Agreement

This Managed Services Agreement is made between Acme IT Ltd ("Provider") and Bobco Ltd ("Client").

## 1. Term

This Agreement starts on the Effective Date and lasts 12 months.

## 2. Fees

The Client will pay the monthly fee stated in the Order Form within 30 days of invoice.
`

const insert = (text: string, offset: number, what: string): string => text.slice(0, offset) + what + text.slice(offset)
// skeletons exist for the operational msa clause rules (the sla and agreement clause rules, msa's commercial core among them, have none yet)
const commercial = new Set(profileRules('agreement').map((r) => r.meta.id))
const clauseIds = profileRules('msa')
  .filter((r) => r.meta.category === 'clause' && !commercial.has(r.meta.id))
  .map((r) => r.meta.id)

describe('diagnostics from lint messages', () => {
  const message: LintMessage = {ruleId: 'no-vague-terms', severity: 'warning', message: 'Vague term', messageId: 'vague', line: 11, column: 23, endLine: 11, endColumn: 31, sectionPath: []}

  it('maps 1-based lines and columns to 0-based positions, end exclusive', () => {
    expect(toRange(message)).toEqual({start: {line: 10, character: 22}, end: {line: 10, character: 30}})
    // a byte-order mark is stripped before parsing: columns on line 1 move one to the right in the editor
    expect(toRange({line: 1, column: 1, endLine: 1, endColumn: 5}, true)).toEqual({start: {line: 0, character: 1}, end: {line: 0, character: 5}})
    expect(toRange({line: 2, column: 1, endLine: 2, endColumn: 5}, true).start).toEqual({line: 1, character: 0})
  })

  it('maps severities and names the source, the rule and what a code action needs', () => {
    expect(toDiagnostic({...message, severity: 'error'}).severity).toBe(DiagnosticSeverity.Error)
    expect(toDiagnostic(message).severity).toBe(DiagnosticSeverity.Warning)
    expect(toDiagnostic({...message, severity: 'info'}).severity).toBe(DiagnosticSeverity.Information)
    const d = toDiagnostic({...message, outcome: 'vague', url: 'https://example.com/rules/no-vague-terms'})
    expect(d).toMatchObject({source: 'clauselint', code: 'no-vague-terms', message: 'Vague term', codeDescription: {href: 'https://example.com/rules/no-vague-terms'}, data: {ruleId: 'no-vague-terms', outcome: 'vague'}})
    expect(toDiagnostic(message)).not.toHaveProperty('codeDescription')
  })

  it('links each finding to its rule\'s page, the URI SARIF gives as the rule\'s helpUri; a rule with no page (a custom rule) gets no link', () => {
    const version = packageVersion()
    expect(version).toMatch(/^\d+\.\d+\.\d+/)
    const result = lint(MSA, {filePath: 'msa.md'})
    const log = JSON.parse(sarif([result], {version, rules: rules.map((r) => r.meta)})) as {runs: Array<{tool: {driver: {rules: Array<{id: string; helpUri?: string}>}}}>}
    const helpUri = new Map(log.runs[0]!.tool.driver.rules.map((r) => [r.id, r.helpUri]))
    const docs = ruleDocs()
    const linked = withDocs(result.messages, docs)
    expect(linked.length).toBeGreaterThan(5)
    for (const m of linked) {
      expect(helpUri.get(m.ruleId), m.ruleId).toMatch(/^(?:https|file):\/\//)
      expect(toDiagnostic(m).codeDescription?.href, m.ruleId).toBe(helpUri.get(m.ruleId))
    }
    const custom = {...message, ruleId: 'house-breach-notice'}
    expect(docs('house-breach-notice')).toBeUndefined()
    expect(toDiagnostic(withDocs([custom], docs)[0]!)).not.toHaveProperty('codeDescription')
    // a link the message already carries is kept
    expect(withDocs([{...message, url: 'https://example.com/x'}], docs)[0]!.url).toBe('https://example.com/x')
  })

  it('columns count UTF-16 code units, as LSP positions do', () => {
    const text = '# Managed Services Agreement\n\nThe “Provider” 👍 will respond promptly.\n'
    const m = lint(text, {filePath: 'a.md', profile: 'language'}).messages.find((x) => x.ruleId === 'no-vague-terms')!
    const range = toRange(m)
    const line = text.split('\n')[range.start.line]!
    expect(line.slice(range.start.character, range.end.character)).toBe('promptly')
  })
})

describe('skeletons for missing clauses', () => {
  it('has one skeleton per clause rule, titled so the clause finds it', () => {
    expect(Object.keys(SKELETONS).sort()).toEqual([...clauseIds].sort())
    expect(clauseIds).toHaveLength(11)
    for (const id of clauseIds) {
      const data = (clauseData as Record<string, {headings: string[]; notHeadings?: string[]}>)[id]!
      const title = SKELETONS[id]!.title
      expect(data.headings.some((h) => new RegExp(h, 'i').test(title)), `${id}: "${title}" matches its headings`).toBe(true)
      expect((data.notHeadings ?? []).some((h) => new RegExp(h, 'i').test(title)), `${id}: "${title}" is not excluded`).toBe(false)
    }
  })

  // For each clause: insert its skeleton where the quick fix would, then lint again.
  const base = lint(MSA, {filePath: 'msa.md'})
  const withSkeleton = (id: string): {text: string; inserted: {from: number; to: number}} => {
    const text = NO_CLAUSES
    const m = lint(text, {filePath: 'msa.md'}).messages.find((x) => x.ruleId === id && x.outcome === 'missing')
    const plan = m ? planSkeleton(buildDocument(text, 'msa.md'), id, m.line, m.column) : undefined
    if (!m || !plan) throw new Error(`${id}: no missing finding or no plan`)
    const out = insert(text, plan.offset, plan.text)
    const from = text.slice(0, plan.offset).split('\n').length + 1
    return {text: out, inserted: {from, to: from + plan.text.split('\n').length}}
  }

  it.each(clauseIds)('%s: the skeleton ends "missing"; unfilled it is still reported; filled in it is present', (id) => {
    const {text, inserted} = withSkeleton(id)
    const unfilled = lint(text, {filePath: 'msa.md'})
    expect(unfilled.coverage.find((c) => c.ruleId === id)?.outcome).not.toBe('missing')
    // the writer is still told to fill it in: the clause is vague, or a slot is flagged as a placeholder
    const inside = unfilled.messages.filter((m) => m.line >= inserted.from && m.line <= inserted.to && (m.ruleId === id || m.ruleId === 'no-placeholders'))
    expect(inside.length, `${id}: a finding inside the unfilled skeleton`).toBeGreaterThan(0)
    let filled = text
    for (const [slot, value] of Object.entries(SKELETONS[id]!.example ?? {})) filled = filled.split(slot).join(value)
    expect(filled, `${id}: example fills every slot`).not.toMatch(/\[[a-z][^\]\n]*\]/)
    const done = lint(filled, {filePath: 'msa.md'})
    expect(done.coverage.find((c) => c.ruleId === id)?.outcome).toBe('present')
    expect(done.messages.filter((m) => m.ruleId === 'no-placeholders')).toEqual([])
  })

  it('adds a top-level clause, never a sub-section of the clause the finding points at: numbered after the last clause, with the party names of the agreement', () => {
    const m = base.messages.find((x) => x.ruleId === 'priority-levels')!
    expect(m.sectionPath.at(-1)).toBe('Support')
    const plan = planSkeleton(buildDocument(MSA, 'msa.md'), 'priority-levels', m.line, m.column)!
    expect(plan.mode).toBe('add')
    const out = insert(MSA, plan.offset, plan.text)
    // "Support" and "Fees" are untouched; the new clause follows the last numbered one at its level, numbered after it
    expect(out.startsWith(MSA.trimEnd())).toBe(true)
    expect(out).not.toMatch(/^###/m)
    expect(out).toContain('Client will pay the monthly fee within 30 days of invoice.\n\n## 4. Priority Levels\n\n<!-- ')
    expect(out).toContain('Provider will assign each support request one of these priority levels:')
    expect(out).toContain('| P1 (Critical) | [description of a P1 issue] |\n')
    expect(buildDocument(out, 'msa.md').sections.find((s) => s.title === 'Priority Levels')!.parent!.title).toBe('Managed Services Agreement')
  })

  it('unnumbered clauses: the new clause is a sibling right after the top-level clause the finding points at, before the next one', () => {
    const text = '# Managed Services Agreement\n\n## Scope of Services\n\nThe Provider will provide help desk support by phone and email.\n\n### Help Desk\n\nCalls are answered in office hours.\n\n## Fees\n\nThe Client pays monthly.\n'
    const m = lint(text, {filePath: 'a.md'}).messages.find((x) => x.ruleId === 'excluded-services')!
    expect(m.sectionPath).toEqual(['Managed Services Agreement', 'Scope of Services'])
    const plan = planSkeleton(buildDocument(text, 'a.md'), 'excluded-services', m.line, m.column)!
    const out = insert(text, plan.offset, plan.text)
    expect(out).toMatch(/Calls are answered in office hours\.\n\n## Excluded Services\n\n[^#]*\n\n## Fees\n/)
    const doc = buildDocument(out, 'a.md')
    expect(doc.title!.children.map((s) => s.title)).toEqual(['Scope of Services', 'Excluded Services', 'Fees'])
  })

  it('clauses at level 1 with no title of their own: a level-1 clause, numbered after the last', () => {
    const text = '# 1. Services\n\nThe Provider will provide help desk support by phone and email to the Client.\n\n## 1.1 Help Desk\n\nCalls are answered.\n\n# 2. Fees\n\nThe Client will pay the monthly fee.\n'
    const m = lint(text, {filePath: 'a.md', profile: 'msa'}).messages.find((x) => x.ruleId === 'backup-frequency' && x.outcome === 'missing')!
    const plan = planSkeleton(buildDocument(text, 'a.md'), 'backup-frequency', m.line, m.column)!
    expect(insert(text, plan.offset, plan.text).slice(text.trimEnd().length)).toMatch(/^\n\n# 3\. Backups\n\n/)
  })

  it('before a clause that is not a heading (a bold run-in clause) a heading would take it in: at the end instead', () => {
    const text = '# Managed Services Agreement\n\n**1. Scope of Services.** The Provider will provide help desk support by phone and email to the Client.\n\n**2. Fees.** The Client will pay the monthly fee.\n'
    const m = lint(text, {filePath: 'a.md', profile: 'msa'}).messages.find((x) => x.ruleId === 'excluded-services')!
    expect(m.sectionPath).toEqual(['Managed Services Agreement', 'Scope of Services'])
    const plan = planSkeleton(buildDocument(text, 'a.md'), 'excluded-services', m.line, m.column)!
    expect(plan.offset).toBe(text.trimEnd().length)
    expect(plan.text).toMatch(/^\n\n## Excluded Services\n/)
  })

  it('the response-times skeleton is a table with a [time] per priority; defaults to "the Provider" without defined names', () => {
    const text = '# Managed Services Agreement\n\n## Support\n\nWe fix things.\n'
    const m = lint(text, {filePath: 'a.md'}).messages.find((x) => x.ruleId === 'response-times')!
    const plan = planSkeleton(buildDocument(text, 'a.md'), 'response-times', m.line, m.column)!
    expect(plan.text).toContain('The Provider will respond to each support request')
    expect(plan.text).toContain('| Priority | Response time |\n| --- | --- |\n| P1 (Critical) | [time] |')
  })

  it("fills the clause's own empty section instead of adding another", () => {
    const text = '# Managed Services Agreement\n\n## Response Times\n\n## Fees\n\nThe Client pays monthly.\n'
    const m = lint(text, {filePath: 'a.md'}).messages.find((x) => x.ruleId === 'response-times')!
    expect(m.outcome).toBe('missing')
    const plan = planSkeleton(buildDocument(text, 'a.md'), 'response-times', m.line, m.column)!
    expect(plan.mode).toBe('fill')
    const out = insert(text, plan.offset, plan.text)
    expect(out).toMatch(/^# Managed Services Agreement\n\n## Response Times\n\n<!-- [^\n]* -->\n\nThe Provider will respond/)
    expect(out.match(/Response Times/g)).toHaveLength(1)
  })

  // a missing clause that belongs beside the response times is reported at the section that holds them, and its
  // skeleton follows that clause (fixtures of priority-levels and resolution-times, read with their clause numbers
  // taken out: a numbered agreement gets the skeleton after its last numbered clause, wherever the finding points)
  const fixture = (name: string): string => fs.readFileSync(path.join(root, 'fixtures', name), 'utf8').replace(/^(#+) \d+(?:\.\d+)*\.? /gm, '$1 ')
  const skeletonOf = (text: string, id: string): {message: LintMessage; out: string} => {
    const message = lint(text, {filePath: 'a.md', profile: 'msa'}).messages.find((x) => x.ruleId === id && x.outcome === 'missing')!
    const plan = planSkeleton(buildDocument(text, 'a.md'), id, message.line, message.column)!
    expect(plan.mode).toBe('add')
    return {message, out: insert(text, plan.offset, plan.text)}
  }
  const titles = (text: string): string[] => [...text.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!)

  it('beside the response times: at the section around their own title, the skeleton after it', () => {
    const text = fixture('priority-levels/fails-missing-beside-service-levels-sub-section.md')
    const {message, out} = skeletonOf(text, 'priority-levels')
    expect(message.sectionPath.at(-1)).toBe('Service Levels')
    expect(titles(out)).toEqual(['Support desk hours', 'Service Levels', 'Response times', 'Reports', 'Priority Levels', 'Fees'])
  })

  it('beside the response times under a plain title, not in the hours section before it', () => {
    const text = fixture('priority-levels/fails-missing-beside-response-plain-title.md')
    const {message, out} = skeletonOf(text, 'priority-levels')
    expect(message.sectionPath.at(-1)).toBe('Getting help')
    expect(titles(out)).toEqual(['Hours of support', 'Getting help', 'Priority Levels', 'Fees'])
    const fix = skeletonOf(fixture('resolution-times/fails-missing-beside-response-not-backups.md'), 'resolution-times')
    expect(fix.message.sectionPath.at(-1)).toBe('Helpdesk')
    expect(titles(fix.out)).toEqual(['Services', 'Helpdesk', 'Resolution Times', 'Backups'])
  })

  it('with no response times, a missing clause is placed as before: in its parent section', () => {
    const {message, out} = skeletonOf(fixture('resolution-times/fails-missing-no-response-times-placed-as-before.md'), 'resolution-times')
    expect(message.sectionPath.at(-1)).toBe('Backups')
    expect(titles(out)).toEqual(['Services', 'Backups', 'Resolution Times', 'Fees'])
  })

  it('keeps CRLF line endings', () => {
    const text = MSA.replace(/\n/g, '\r\n')
    const m = lint(text, {filePath: 'a.md'}).messages.find((x) => x.ruleId === 'priority-levels')!
    const plan = planSkeleton(buildDocument(text, 'a.md'), 'priority-levels', m.line, m.column)!
    expect(plan.text.replace(/\r\n/g, '')).not.toContain('\n')
  })
})

describe('suppression comments', () => {
  const silenced = (text: string, ruleId: string): boolean => !lint(text, {filePath: 'msa.md'}).messages.some((m) => m.ruleId === ruleId && m.line > 1)
  const others = (text: string, ruleId: string): string[] =>
    lint(text, {filePath: 'msa.md'})
      .messages.filter((m) => m.ruleId !== ruleId)
      .map((m) => `${m.ruleId} ${m.outcome ?? ''} ${m.message}`)

  it('puts disable-next-line above a line that starts a block, with a reason slot', () => {
    const plan = planDisableLine(MSA, 'no-vague-terms', 11)
    expect(plan.text).toBe(`<!-- clauselint-disable-next-line no-vague-terms -- ${REASON_SLOT} -->\n`)
    const out = insert(MSA, plan.offset, plan.text)
    expect(out).toContain('## 2. Support\n\n<!-- clauselint-disable-next-line no-vague-terms -- reason: … -->\nProvider will respond promptly')
    expect(silenced(out, 'no-vague-terms')).toBe(true)
    expect(others(out, 'no-vague-terms')).toEqual(others(MSA, 'no-vague-terms'))
  })

  it('inside a paragraph or a table it uses disable-line at the end of the line, so the paragraph or table stays whole', () => {
    const para = '# Managed Services Agreement\n\n## Support\n\nSupport is by phone.\nWe respond promptly to calls.\n'
    const p = planDisableLine(para, 'no-vague-terms', 6)
    const out = insert(para, p.offset, p.text)
    expect(out).toContain('We respond promptly to calls. <!-- clauselint-disable-line no-vague-terms -- reason: … -->\n')
    expect(silenced(out, 'no-vague-terms')).toBe(true)
    expect(others(out, 'no-vague-terms')).toEqual(others(para, 'no-vague-terms'))

    const table = '# Managed Services Agreement\n\n## Response Times\n\n| Priority | Response time |\n| --- | --- |\n| P1 | 1 hour |\n| P2 | promptly |\n'
    const found = lint(table, {filePath: 'a.md'}).messages.find((m) => m.ruleId === 'no-vague-terms')!
    expect(found.line).toBe(8)
    const t = planDisableLine(table, 'no-vague-terms', 8)
    const tout = insert(table, t.offset, t.text)
    expect(tout).toContain('| P2 | promptly <!-- clauselint-disable-line no-vague-terms -- reason: … --> |\n')
    expect(silenced(tout, 'no-vague-terms')).toBe(true)
    expect(others(tout, 'no-vague-terms')).toEqual(others(table, 'no-vague-terms'))
  })

  it('puts disable-file for a missing clause at the top, after any front matter', () => {
    const plan = planDisableFile(MSA, 'backup-frequency')
    expect(plan).toEqual({offset: 0, text: `<!-- clauselint-disable-file backup-frequency -- ${REASON_SLOT} -->\n`})
    const out = insert(MSA, plan.offset, plan.text)
    expect(lint(out, {filePath: 'msa.md'}).messages.some((m) => m.ruleId === 'backup-frequency')).toBe(false)
    expect(others(out, 'backup-frequency')).toEqual(others(MSA, 'backup-frequency'))

    const fm = '---\ntitle: Managed Services Agreement\n---\n# Managed Services Agreement\n\nText.\n'
    const p2 = planDisableFile(fm, 'backup-frequency')
    expect(insert(fm, p2.offset, p2.text)).toBe('---\ntitle: Managed Services Agreement\n---\n<!-- clauselint-disable-file backup-frequency -- reason: … -->\n# Managed Services Agreement\n\nText.\n')
  })

  it('offers the fixes for clauselint diagnostics only, one disable per rule and line', () => {
    const document = TextDocument.create('file:///x/msa.md', 'markdown', 3, MSA)
    const diagnostics = lint(MSA, {filePath: '/x/msa.md'}).messages.map((m) => toDiagnostic(m))
    const foreign: Diagnostic = {range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}, message: 'spelling', source: 'cspell'}
    const actions = codeActions([...diagnostics, foreign], {document, versioned: true})
    const titles = actions.map((a) => a.title)
    expect(titles).toContain('Add a Backups section')
    expect(titles).toContain('Disable backup-frequency for this file')
    expect(titles).toContain('Add a Priority Levels section')
    expect(titles).toContain('Disable no-vague-terms for this line')
    expect(titles).toContain('Disable response-times for this line')
    expect(new Set(titles).size).toBe(titles.length)
    expect(actions.every((a) => a.diagnostics?.every((d) => d.source === 'clauselint'))).toBe(true)
    const add = actions.find((a) => a.title === 'Add a Backups section')!
    expect(add.isPreferred).toBe(true)
    expect(add.edit?.documentChanges?.[0]).toMatchObject({textDocument: {uri: 'file:///x/msa.md', version: 3}})
    // only the kinds asked for
    expect(codeActions(diagnostics, {document, only: ['refactor']})).toEqual([])
    expect(codeActions(diagnostics, {document, only: ['quickfix']}).length).toBe(actions.length)
  })
})

describe('hover and settings', () => {
  it('shows the rule, its description and the message for the finding under the cursor', () => {
    const messages = lint(MSA, {filePath: 'msa.md'}).messages
    const findings = messages.map((message) => ({message, range: toRange(message)}))
    const hover = hoverAt(findings, {line: 10, character: 25})!
    const value = (hover.contents as {kind: string; value: string}).value
    expect((hover.contents as {kind: string}).kind).toBe('markdown')
    expect(value).toContain('`no-vague-terms`')
    expect(value).toContain('Flags commitments with no measurable standard')
    expect(value).toContain('Vague term "promptly"')
    // the vague response time covers the same spot
    expect(value).toContain('`response-times`')
    expect(hoverAt(findings, {line: 6, character: 3})).toBeNull()
  })

  it('lints an agreement with the schedules it includes (open in the editor or on disk), like the CLI', async () => {
    const dir = path.join(root, 'fixtures/sets/acme')
    const main = path.join(dir, 'msa.md')
    const text = fs.readFileSync(main, 'utf8')
    const linter = new Linter(root)
    const outcome = await linter.lint({text, filePath: main, name: main})
    if (outcome.kind !== 'result') throw new Error(outcome.kind)
    expect(outcome.members).toEqual([path.join(dir, 'schedule-b.md')])
    // stated in Schedule B: not missing, not delegated
    expect(outcome.result.coverage.find((c) => c.ruleId === 'response-times')?.outcome).toBe('present')
    expect(outcome.result.messages.every((m) => m.filePath === undefined)).toBe(true)
    // the editor's unsaved text of the schedule wins over the disk
    const edited = await linter.lint({text, filePath: main, name: main, openText: (p) => (p.endsWith('schedule-b.md') ? '# Schedule B\n\nNothing here.\n' : undefined)})
    if (edited.kind !== 'result') throw new Error(edited.kind)
    expect(edited.result.coverage.find((c) => c.ruleId === 'response-times')?.outcome).not.toBe('present')
  })

  it('reads editor settings and names what it cannot use', () => {
    expect(readSettings({profile: 'language', requireReason: true, configFile: 'x.yaml', extra: 1})).toEqual({settings: {profile: 'language', requireReason: true, configFile: 'x.yaml'}, problems: []})
    expect(readSettings({profile: 'nda'}).problems).toEqual(['unknown profile "nda" in settings; use one of auto, msa, sla, agreement, language'])
    expect(readSettings(null)).toEqual({settings: {}, problems: []})
  })
})

describe('the --lsp flag', () => {
  it('is in the help, and run() (which does not own the process) refuses it', async () => {
    let out = ''
    let err = ''
    const io = {stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: root, env: {}, isTTY: false}
    expect(await run(['--help'], io)).toBe(0)
    expect(out).toMatch(/^\s+--lsp\s+Run a language server on stdio/m)
    expect(await run(['--lsp'], io)).toBe(2)
    expect(err).toBe('clauselint: --lsp runs a language server on stdio; start it as a command (clauselint --lsp)\n')
  })

  it('the editor setups start `clauselint --lsp` for Markdown', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'editors/vscode/package.json'), 'utf8')) as {activationEvents: string[]; main: string; dependencies: Record<string, string>}
    expect(pkg.activationEvents).toEqual(['onLanguage:markdown'])
    expect(pkg.dependencies).toHaveProperty('vscode-languageclient')
    const extension = fs.readFileSync(path.join(root, 'editors/vscode', pkg.main), 'utf8')
    expect(extension).toContain("require('vscode-languageclient/node')")
    expect(extension).toContain("args: ['--lsp']")
    expect(extension).toContain("language: 'markdown'")
    const lua = fs.readFileSync(path.join(root, 'editors/neovim.lua'), 'utf8')
    expect(lua).toContain('vim.lsp.start(')
    expect(lua).toContain("'--lsp'")
  })

  it('the VS Code extension lets only user settings choose what runs (command, workspace binary, JavaScript config)', async () => {
    type Prop = {scope?: string; enum?: string[]}
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'editors/vscode/package.json'), 'utf8')) as {capabilities: {untrustedWorkspaces: {supported: boolean}}; contributes: {configuration: {properties: Record<string, Prop>}}}
    const props = pkg.contributes.configuration.properties
    for (const key of ['clauselint.path', 'clauselint.useWorkspaceBinary', 'clauselint.allowJsConfig']) expect(props[key]?.scope, key).toBe('machine')
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe(false)
    const {PROFILES} = await import('../src/profiles.js')
    expect(props['clauselint.profile']?.enum).toEqual(['', ...PROFILES])
    // the extension reads those three through inspect().globalValue, never a workspace value
    const extension = fs.readFileSync(path.join(root, 'editors/vscode/extension.js'), 'utf8')
    expect(extension).toMatch(/userSetting\('path'\)/)
    expect(extension).toMatch(/userSetting\('useWorkspaceBinary'\) === true/)
    expect(extension).toMatch(/userSetting\('allowJsConfig'\) === true/)
    expect(extension).not.toMatch(/\.get\('(?:path|allowJsConfig)'\)/)
  })

  it('ordinary runs do not load the language server', () => {
    const cli = pathToFileURL(path.join(root, 'src', 'cli.ts')).href
    const script = `import {createRequire} from 'node:module'
const cli = await import(${JSON.stringify(cli)})
await cli.run(['--format', 'json', 'fixtures/agreements/a-skeleton.md'], {stdout: () => {}, stderr: () => {}, cwd: process.cwd(), env: {}, isTTY: false})
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('vscode-languageserver'))
process.stdout.write(String(loaded.length))`
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8', timeout: 240_000})
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('0')
  })
})

// ---------------------------------------------------------------------------------------------------------------
// The server over stdio

interface Client {
  readonly child: ChildProcessWithoutNullStreams
  readonly rpc: MessageConnection
  readonly published: PublishDiagnosticsParams[]
  readonly logs: string[]
  readonly stderr: string[]
  /** The next publish for `uri` that satisfies `accept`, published after this call. */
  next(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>
}

function startClient(): Client {
  const entry = pathToFileURL(path.join(root, 'src', 'cli.ts')).href
  // as an editor starts it: `clauselint --lsp`, plus the `--stdio` some clients add
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import(${JSON.stringify(entry)}).then((cli) => cli.main(process.argv.slice(1)))`, '--', '--lsp', '--stdio'], {
    cwd: root,
    env: {...process.env, NO_COLOR: '1'},
    stdio: 'pipe',
  })
  const stderr: string[] = []
  child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()))
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const published: PublishDiagnosticsParams[] = []
  const logs: string[] = []
  const waiters: Array<{uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void; reject: (e: Error) => void}> = []
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p)
    for (const w of [...waiters]) {
      if (w.uri !== p.uri || !w.accept(p)) continue
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve(p)
    }
  })
  rpc.onNotification('window/logMessage', (p: {message: string}) => {
    logs.push(p.message)
  })
  // the server registers file watchers and reads settings back: answer as an editor would
  rpc.onRequest('client/registerCapability', () => null)
  rpc.onRequest('workspace/configuration', (p: {items: unknown[]}) => p.items.map(() => null))
  child.once('exit', (code, signal) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`the server exited (${code ?? signal}); stderr: ${stderr.join('')}`))
  })
  rpc.listen()
  return {
    child,
    rpc,
    published,
    logs,
    stderr,
    next(uri, accept = () => true, timeoutMs = 240_000) {
      return new Promise((resolve, reject) => {
        const waiter = {uri, accept, resolve, reject}
        waiters.push(waiter)
        setTimeout(() => {
          const i = waiters.indexOf(waiter)
          if (i < 0) return
          waiters.splice(i, 1)
          reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr.join('')}`))
        }, timeoutMs).unref()
      })
    },
  }
}

function applyEdit(doc: TextDocument, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[doc.uri] ?? edit?.documentChanges?.flatMap((c) => ('edits' in c && c.textDocument.uri === doc.uri ? (c.edits as TextEdit[]) : [])) ?? []
  return TextDocument.applyEdits(doc, edits)
}

/** About 50 KB of agreement text: a large agreement and the sample, as one document. */
function fiftyKb(): string {
  const a = fs.readFileSync(path.join(root, 'fixtures/agreements/a-complete-large.md'), 'utf8')
  const b = fs.readFileSync(path.join(root, 'fixtures/agreements/sample-msa.md'), 'utf8').replace(/^# .*\n/, '')
  let text = `${a.trimEnd()}\n\n${b}`
  const filler = fs.readFileSync(path.join(root, 'fixtures/agreements/b-cloud-hosting-aus.md'), 'utf8').replace(/^# .*\n/, '')
  text += `\n${filler}`
  return text.slice(0, text.lastIndexOf('\n', 50 * 1024) + 1)
}

describe('clauselint --lsp over stdio', {timeout: 300_000}, () => {
  let dir: string
  let client: Client
  let uri: string
  let doc: TextDocument

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-lsp-'))
    fs.writeFileSync(path.join(dir, 'msa.md'), MSA)
    uri = pathToFileURL(path.join(dir, 'msa.md')).href
    client = startClient()
    const init = (await client.rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{uri: pathToFileURL(dir).href, name: 'contracts'}],
      capabilities: {
        workspace: {didChangeWatchedFiles: {dynamicRegistration: true}, configuration: true, workspaceEdit: {documentChanges: true}},
        textDocument: {publishDiagnostics: {versionSupport: true}, codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix']}}}},
      },
    })) as {capabilities: Record<string, unknown>; serverInfo: {name: string}}
    expect(init.serverInfo.name).toBe('clauselint')
    expect(init.capabilities).toMatchObject({hoverProvider: true, codeActionProvider: {codeActionKinds: ['quickfix']}, textDocumentSync: {openClose: true, change: 2, save: {includeText: false}}})
    await client.rpc.sendNotification('initialized', {})
  }, 300_000)

  afterAll(() => {
    client?.rpc.dispose()
    if (client && client.child.exitCode === null && client.child.signalCode === null) client.child.kill('SIGKILL')
    if (dir) fs.rmSync(dir, {recursive: true, force: true})
  })

  it('publishes diagnostics on open: the missing clauses and the vague word', async () => {
    const published = client.next(uri)
    doc = TextDocument.create(uri, 'markdown', 1, MSA)
    await client.rpc.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: MSA}})
    const p = await published
    expect(p.version).toBe(1)
    const missing = p.diagnostics.find((d) => d.code === 'priority-levels')!
    expect(missing).toMatchObject({severity: DiagnosticSeverity.Error, source: 'clauselint', range: {start: {line: 8, character: 0}, end: {line: 8, character: 13}}, data: {outcome: 'missing'}})
    const vague = p.diagnostics.find((d) => d.code === 'no-vague-terms')!
    expect(vague).toMatchObject({severity: DiagnosticSeverity.Warning, source: 'clauselint', range: {start: {line: 10, character: 22}, end: {line: 10, character: 30}}})
    expect(vague.message).toContain('Vague term "promptly"')
    expect(p.diagnostics.filter((d) => d.data && (d.data as {outcome?: string}).outcome === 'missing').map((d) => d.code).sort()).toEqual(
      [
        'after-hours-support',
        'backup-frequency',
        'customer-requirements',
        'excluded-services',
        'failure-responsibility',
        'performance-targets',
        'priority-levels',
        'resolution-times',
        'service-hours',
        // msa's commercial core: all but the parties (named) and the fees (stated)
        'term-and-termination',
        'limitation-of-liability',
        'indemnification',
        'confidentiality',
        'data-protection',
        'governing-law',
        'notices',
        'definitions',
      ].sort(),
    )
    expect(p.diagnostics).toHaveLength(lint(MSA, {filePath: path.join(dir, 'msa.md')}).messages.length)
    // every finding links to its rule's documentation
    const docs = ruleDocs()
    for (const d of p.diagnostics) expect(d.codeDescription?.href, String(d.code)).toBe(docs(String(d.code)))
    expect(p.diagnostics.every((d) => d.codeDescription?.href)).toBe(true)
  })

  it('hovers a finding with its rule description and message', async () => {
    const hover = (await client.rpc.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 10, character: 25}})) as Hover
    const value = (hover.contents as {value: string}).value
    expect(value).toContain('`no-vague-terms`')
    expect(value).toContain('Flags commitments with no measurable standard')
    expect(value).toContain('Vague term "promptly"')
    expect(value).toContain(`[Documentation](${ruleDocs()('no-vague-terms')!})`)
    expect(await client.rpc.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 4, character: 3}})).toBeNull()
  })

  it('offers a quick fix that inserts the skeleton of a missing clause as a clause of its own', async () => {
    const last = client.published.filter((p) => p.uri === uri).at(-1)!
    const missing = last.diagnostics.find((d) => d.code === 'priority-levels')!
    const actions = (await client.rpc.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: missing.range, context: {diagnostics: [missing], only: ['quickfix']}})) as CodeAction[]
    expect(actions.map((a) => a.title)).toEqual(['Add a Priority Levels section', 'Disable priority-levels for this file'])
    const add = actions[0]!
    expect(add.kind).toBe('quickfix')
    const change = add.edit!.documentChanges![0] as {textDocument: {version: number}; edits: TextEdit[]}
    expect(change.textDocument.version).toBe(1)
    expect(change.edits).toHaveLength(1)
    // a clause of its own after the last one ("## 3. Fees"), not a sub-section of "2. Support" where the finding points
    expect(change.edits[0]!.range.start).toEqual({line: 14, character: 'Client will pay the monthly fee within 30 days of invoice.'.length})
    expect(change.edits[0]!.newText).toMatch(/^\n\n## 4\. Priority Levels\n\n/)
    expect(change.edits[0]!.newText).toContain('| Priority | Criteria |')

    // the editor applies it: the re-published diagnostics no longer report the clause missing
    const text = applyEdit(doc, add.edit)
    doc = TextDocument.update(doc, [{text}], 2)
    const published = client.next(uri, (p) => p.version === 2)
    await client.rpc.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text}]})
    const p = await published
    expect(p.diagnostics.find((d) => d.code === 'priority-levels')?.data).not.toMatchObject({outcome: 'missing'})
    expect(p.diagnostics.some((d) => d.code === 'no-placeholders' && d.range.start.line > 12)).toBe(true)
  })

  it('offers "Disable <rule> for this line", and the comment silences the finding', async () => {
    const last = client.published.filter((p) => p.uri === uri).at(-1)!
    const vague = last.diagnostics.find((d) => d.code === 'no-vague-terms')!
    const actions = (await client.rpc.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: vague.range, context: {diagnostics: [vague]}})) as CodeAction[]
    const disable = actions.find((a) => a.title === 'Disable no-vague-terms for this line')!
    const text = applyEdit(doc, disable.edit)
    expect(text).toContain('<!-- clauselint-disable-next-line no-vague-terms -- reason: … -->\nProvider will respond promptly')
    doc = TextDocument.update(doc, [{text}], 3)
    const published = client.next(uri, (p) => p.version === 3)
    await client.rpc.sendNotification('textDocument/didChange', {textDocument: {uri, version: 3}, contentChanges: [{text}]})
    expect((await published).diagnostics.some((d) => d.code === 'no-vague-terms')).toBe(false)
  })

  it('re-lints a change after a pause (debounced): quick edits publish once, for the last version', async () => {
    const versions = client.published.length
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('Provider will respond promptly'))
    const edits = [
      {version: 4, text: 'Provider will respond to support requests within 1 hour. The fee is TBD.'},
      {version: 5, text: 'Provider will respond to support requests within 1 hour.'},
      {version: 6, text: 'Provider will respond to support requests within 1 hour. We guarantee 100% uptime.'},
    ]
    const published = client.next(uri, (p) => p.version === 6)
    const sent = performance.now()
    for (const e of edits) {
      const range = {start: {line, character: 0}, end: {line, character: doc.getText().split('\n')[line]!.length}}
      doc = TextDocument.update(doc, [{range, text: e.text}], e.version)
      await client.rpc.sendNotification('textDocument/didChange', {textDocument: {uri, version: e.version}, contentChanges: [{range, text: e.text}]})
    }
    const p = await published
    const waited = performance.now() - sent
    expect(waited).toBeGreaterThanOrEqual(250)
    // the last edit is reflected (its overpromise), the placeholder of version 4 never shows
    expect(p.diagnostics.some((d) => d.code === 'no-overpromising' && d.range.start.line === line && doc.getText(d.range).includes('100% uptime'))).toBe(true)
    expect(p.diagnostics.some((d) => d.code === 'no-placeholders' && d.range.start.line === line)).toBe(false)
    await new Promise((r) => setTimeout(r, 500))
    expect(client.published.slice(versions).map((x) => x.version)).toEqual([6])
  })

  it('re-lints on save at once, without waiting for the pause', async () => {
    const published = client.next(uri, (p) => p.version === 6)
    const sent = performance.now()
    await client.rpc.sendNotification('textDocument/didSave', {textDocument: {uri}})
    await published
    console.log(`lsp: save → diagnostics round trip for a ${(doc.getText().length / 1024).toFixed(1)} KB document: ${(performance.now() - sent).toFixed(0)} ms`)
  })

  it('picks up config changes: a watched config file, then editor settings', async () => {
    fs.writeFileSync(path.join(dir, '.clauselintrc.json'), JSON.stringify({root: true, rules: {'no-vague-terms': 'off'}}))
    let published = client.next(uri)
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(path.join(dir, '.clauselintrc.json')).href, type: 1}]})
    let p = await published
    expect(p.diagnostics.some((d) => d.code === 'no-vague-terms')).toBe(false)
    expect(p.diagnostics.some((d) => d.code === 'backup-frequency')).toBe(true)
    // the output names what applies to the document: the profile with why, and the config files from the workspace
    const using = (): string[] => client.logs.filter((l) => l.startsWith(`clauselint: ${path.join(dir, 'msa.md')}: profile `))
    expect(using().at(-1)).toBe(`clauselint: ${path.join(dir, 'msa.md')}: profile msa (title "Managed Services Agreement" names a services or support agreement); config .clauselintrc.json`)

    published = client.next(uri)
    await client.rpc.sendNotification('workspace/didChangeConfiguration', {settings: {clauselint: {profile: 'language'}}})
    p = await published
    expect(p.diagnostics.some((d) => d.code === 'backup-frequency')).toBe(false)
    expect(p.diagnostics.length).toBeGreaterThan(0)
    expect(using().at(-1)).toBe(`clauselint: ${path.join(dir, 'msa.md')}: profile language (set in the editor's clauselint.profile setting); config .clauselintrc.json`)

    // a broken config file is one error at the top of the document, not a crash
    fs.writeFileSync(path.join(dir, '.clauselintrc.json'), '{"rules": {"no-such-rule": "error"}}')
    published = client.next(uri)
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(path.join(dir, '.clauselintrc.json')).href, type: 2}]})
    p = await published
    expect(p.diagnostics).toHaveLength(1)
    expect(p.diagnostics[0]).toMatchObject({code: 'config', severity: DiagnosticSeverity.Error, range: {start: {line: 0, character: 0}}})
    expect(p.diagnostics[0]!.message).toContain('no-such-rule')

    fs.rmSync(path.join(dir, '.clauselintrc.json'))
    published = client.next(uri)
    await client.rpc.sendNotification('workspace/didChangeConfiguration', {settings: {clauselint: {}}})
    p = await published
    expect(p.diagnostics.some((d) => d.code === 'backup-frequency')).toBe(true)
    expect(using().at(-1)).toMatch(/: profile msa \(title .*\); no config file \(defaults\)$/)
  })

  it('measures the re-lint of a 50 KB document after a one-line edit (warm server)', async () => {
    const big = fiftyKb()
    expect(big.length).toBeGreaterThan(45 * 1024)
    const bigUri = pathToFileURL(path.join(dir, 'large.md')).href
    let opened = client.next(bigUri)
    await client.rpc.sendNotification('textDocument/didOpen', {textDocument: {uri: bigUri, languageId: 'markdown', version: 1, text: big}})
    await opened
    let bigDoc = TextDocument.create(bigUri, 'markdown', 1, big)
    const lines = big.split('\n')
    const target = lines.findIndex((l, i) => i > 40 && l.length > 60 && !l.startsWith('|'))
    const roundTrips: number[] = []
    const serverTimes: number[] = []
    for (let v = 2; v <= 7; v++) {
      const range = {start: {line: target, character: 0}, end: {line: target, character: 0}}
      const text = v % 2 ? '' : 'Note: '
      bigDoc = TextDocument.update(bigDoc, [{range, text}], v)
      const published = client.next(bigUri, (p) => p.version === v)
      const logged = client.logs.length
      const sent = performance.now()
      await client.rpc.sendNotification('textDocument/didChange', {textDocument: {uri: bigUri, version: v}, contentChanges: [{range, text}]})
      // save right away: lint now instead of after the pause, so the round trip is the re-lint itself
      await client.rpc.sendNotification('textDocument/didSave', {textDocument: {uri: bigUri}})
      await published
      roundTrips.push(performance.now() - sent)
      const ms = client.logs
        .slice(logged)
        .map((l) => /large\.md .* in ([\d.]+) ms/.exec(l)?.[1])
        .find(Boolean)
      if (ms) serverTimes.push(Number(ms))
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    console.log(
      `lsp: re-lint of a ${(big.length / 1024).toFixed(1)} KB document after a one-line edit (warm): lint ${serverTimes.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(serverTimes).toFixed(0)}); edit → diagnostics round trip ${roundTrips.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(roundTrips).toFixed(0)}); os load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    )
    expect(serverTimes.length).toBeGreaterThan(0)
    opened = client.next(bigUri, (p) => p.diagnostics.length === 0)
    await client.rpc.sendNotification('textDocument/didClose', {textDocument: {uri: bigUri}})
    await opened
  })

  it('shuts down and exits with 0', async () => {
    await client.rpc.sendRequest('shutdown')
    const exited = new Promise<number | null>((resolve) => client.child.once('exit', (code) => resolve(code)))
    await client.rpc.sendNotification('exit')
    expect(await exited).toBe(0)
    expect(client.stderr.join('')).toBe('')
  })
})

describe('clauselint --lsp against hostile input', {timeout: 300_000}, () => {
  let dir: string
  let client: Client
  const LOOP = `export default {meta: {id: 'slow-rule', description: 'Never ends on LOOP', category: 'language', severity: 'warning', messages: {m: 'x'}}, check(context) { if (context.doc.source.includes('LOOP')) for (;;) {} }}\n`
  const fileUri = (name: string): string => pathToFileURL(path.join(dir, name)).href

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-lsp-hostile-'))
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), 'customRules: [./slow.mjs, ./words.yaml]\n')
    fs.writeFileSync(path.join(dir, 'slow.mjs'), LOOP)
    fs.writeFileSync(path.join(dir, 'words.yaml'), 'id: house-words\nkind: forbid-phrase\ndescription: Flags words the house style forbids\nphrases: [zzzznotpresent]\n')
    client = startClient()
    await client.rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {workspace: {didChangeWatchedFiles: {dynamicRegistration: true}}},
      initializationOptions: {allowJsConfig: true, timeoutPerFile: 2},
    })
    await client.rpc.sendNotification('initialized', {})
  }, 300_000)

  afterAll(() => {
    client?.rpc.dispose()
    if (client && client.child.exitCode === null && client.child.signalCode === null) client.child.kill('SIGKILL')
    if (dir) fs.rmSync(dir, {recursive: true, force: true})
  })

  it('a document whose lint never ends gets one diagnostic after the time budget; hovers are answered meanwhile', async () => {
    const slow = fileUri('slow.md')
    const published = client.next(slow)
    await client.rpc.sendNotification('textDocument/didOpen', {textDocument: {uri: slow, languageId: 'markdown', version: 1, text: `${MSA}\nLOOP\n`}})
    // while the lint thread is stuck, the server still answers
    const hover = await client.rpc.sendRequest('textDocument/hover', {textDocument: {uri: slow}, position: {line: 0, character: 0}})
    expect(hover).toBeNull()
    const p = await published
    expect(p.diagnostics.map((d) => [d.code, d.message])).toEqual([['fatal', 'File took longer than 2 s to lint; not checked (raise --timeout-per-file, or split the file)']])
    // and the next document is linted as usual
    const other = fileUri('other.md')
    const next = client.next(other)
    await client.rpc.sendNotification('textDocument/didOpen', {textDocument: {uri: other, languageId: 'markdown', version: 1, text: MSA}})
    expect((await next).diagnostics.some((d) => d.code === 'no-vague-terms')).toBe(true)
    // closed, so that the re-lints of the next test do not wait for it again
    await client.rpc.sendNotification('textDocument/didClose', {textDocument: {uri: slow}})
  })

  it('an edited custom rule applies after the file watcher reports it (no stale rule)', async () => {
    const uri = fileUri('words.md')
    const first = client.next(uri)
    await client.rpc.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: MSA}})
    expect((await first).diagnostics.filter((d) => d.code === 'house-words')).toEqual([])
    fs.writeFileSync(path.join(dir, 'words.yaml'), 'id: house-words\nkind: forbid-phrase\ndescription: Flags words the house style forbids\nphrases: [Agreement]\n')
    const again = client.next(uri, (p) => p.diagnostics.some((d) => d.code === 'house-words'))
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: fileUri('words.yaml'), type: 2}]})
    expect((await again).diagnostics.filter((d) => d.code === 'house-words').length).toBeGreaterThan(0)
  })

  it('survives a didOpen whose uri is not a string, and a message with a broken Content-Length', async () => {
    await client.rpc.sendNotification('textDocument/didOpen', {textDocument: {uri: 123, languageId: 'markdown', version: 1, text: MSA}})
    client.child.stdin.write('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"nothing"}')
    const uri = fileUri('after.md')
    const published = client.next(uri)
    await client.rpc.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: MSA}})
    expect((await published).diagnostics.length).toBeGreaterThan(0)
    expect(client.child.exitCode).toBeNull()
    expect(client.stderr.join('')).not.toMatch(/^\s+at /m)
  })
})

describe('--lsp run with no client', () => {
  it('its input closed at once: exit 1, as the protocol asks, with one line saying why', () => {
    const entry = pathToFileURL(path.join(root, 'src', 'cli.ts')).href
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import(${JSON.stringify(entry)}).then((cli) => cli.main(process.argv.slice(1)))`, '--', '--lsp', '--format', 'json'], {
      cwd: root,
      input: '',
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    const lines = r.stderr.split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^clauselint: --lsp: the client closed the connection without a shutdown request/)
  })
})

// The baseline for legacy agreements: --baseline-write records today's findings, --baseline reports only new ones,
// survives renumbering, text added above and moved sections, reports entries that no longer match, and JSON, SARIF
// and the checklist keep baselined and suppressed findings with their reasons. Bad baseline files are one-line errors.
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs, type RunOptions} from './helpers.js'
import {BASELINE_VERSION} from '../src/baseline.js'

const tempDir = tempDirs('baseline')
const cli = (argv: readonly string[], options: RunOptions = {}) => runCli(argv, {...options, checkStdout: true})

const LEGACY = `# Managed Services Agreement

Between Northwind IT Ltd ("Provider") and Harbour Dental Ltd ("Client").

## 1. Services

### 1.1 Support

The Provider will respond promptly to support requests.

### 1.2 Backups

The Provider will perform regular backups of the Client's server.

## 2. Fees

The monthly fee is TBD.
`

type Json = Array<{filePath: string; messages: Array<{ruleId: string; severity: string; message: string; outcome?: string}>; suppressedMessages?: Array<{ruleId: string; suppressions: Array<{kind: string; justification?: string}>}>}>

async function lintJson(dir: string, args: string[]) {
  const ran = await cli(['-f', 'json', ...args, 'contracts'], {cwd: dir})
  return {...ran, json: JSON.parse(ran.stdout) as Json}
}

describe('--baseline-write and --baseline', () => {
  it('records every finding, then reports none of them; the file is readable JSON, sorted', async () => {
    const dir = tempDir({'contracts/legacy.md': LEGACY})
    const before = await lintJson(dir, [])
    const total = before.json[0]!.messages.length
    expect(before.code).toBe(1)
    expect(total).toBeGreaterThan(5)

    const write = await lintJson(dir, ['--baseline-write', 'clauselint-baseline.json'])
    expect(write.code).toBe(0)
    expect(write.errLines).toEqual([`clauselint: wrote ${total} findings to the baseline clauselint-baseline.json`])
    expect(write.json[0]!.messages).toEqual([])
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'clauselint-baseline.json'), 'utf8'))
    expect(file).toMatchObject({clauselint: 'baseline', version: BASELINE_VERSION, findings: total})
    const keys = file.entries.map((e: {file: string; ruleId: string}) => `${e.file} ${e.ruleId}`)
    expect(keys).toEqual([...keys].sort())
    expect(file.entries[0].file).toBe('contracts/legacy.md')
    expect(file.entries.some((e: {ruleId: string; section: string; what: string}) => e.ruleId === 'no-vague-terms' && e.section === 'managed services agreement › services › support' && e.what.includes('promptly'))).toBe(true)

    const again = await lintJson(dir, ['--baseline', 'clauselint-baseline.json'])
    expect(again.code).toBe(0)
    expect(again.errLines).toEqual([`clauselint: ${total} findings baselined (in clauselint-baseline.json)`])
    expect(again.json[0]!.messages).toEqual([])
    expect(again.json[0]!.suppressedMessages).toHaveLength(total)
    expect(again.json[0]!.suppressedMessages![0]!.suppressions).toEqual([{kind: 'baseline', justification: 'in the baseline clauselint-baseline.json'}])
  })

  it('survives renumbered clauses, text added above and a section moved under another heading', async () => {
    const dir = tempDir({'contracts/legacy.md': LEGACY})
    await lintJson(dir, ['--baseline-write', 'baseline.json'])
    const edited = LEGACY.replace('## 1. Services', '## 1. Commencement\n\nThis agreement starts on 1 March 2026.\n\n## 2. Services')
      .replace('### 1.1 Support', '### 2.1 Support')
      .replace('### 1.2 Backups', '### 2.2 Backups')
      // the Fees section moves under a new heading: its path changes, its finding is still the same one
      .replace('## 2. Fees\n\nThe monthly fee is TBD.\n', '## 3. Commercial Terms\n\n### 3.1 Fees\n\nThe monthly fee is TBD.\n')
    fs.writeFileSync(path.join(dir, 'contracts/legacy.md'), edited)
    const ran = await lintJson(dir, ['--baseline', 'baseline.json'])
    expect(ran.json[0]!.messages).toEqual([])
    expect(ran.code).toBe(0)
    expect(ran.errLines).toHaveLength(1)
    // the placeholder's section path did change: it was matched by rule and quoted text
    const plain = await lintJson(dir, [])
    expect(plain.json[0]!.messages.find((m) => m.ruleId === 'no-placeholders')).toMatchObject({sectionPath: ['Managed Services Agreement', 'Commercial Terms', 'Fees']})
  })

  it('reports a new finding, and the entries that no longer match so that the baseline shrinks', async () => {
    const dir = tempDir({'contracts/legacy.md': LEGACY})
    await lintJson(dir, ['--baseline-write', 'baseline.json'])
    const edited = LEGACY.replace('The monthly fee is TBD.', 'The monthly fee is £900, payable within 30 days of invoice.').replace('to support requests.', 'to support requests, and will use best efforts to keep the Client informed.')
    fs.writeFileSync(path.join(dir, 'contracts/legacy.md'), edited)
    const ran = await lintJson(dir, ['--baseline', 'baseline.json'])
    expect(ran.json[0]!.messages.map((m) => m.ruleId)).toEqual(['no-vague-terms'])
    expect(ran.json[0]!.messages[0]!.message).toMatch(/best efforts/)
    expect(ran.code).toBe(0) // a warning
    // the placeholder and, under msa's commercial core, the fees clause the edit completed
    expect(ran.errLines[1]).toBe('clauselint: 2 baseline entries match no finding any more; run with --baseline-write baseline.json to drop them:')
    expect(ran.errLines.slice(2)).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}contracts\/legacy\.md: no-placeholders in managed services agreement › fees: Unfilled placeholder "TBD"/)]))
    // rewriting drops it
    await lintJson(dir, ['--baseline-write', 'baseline.json'])
    const rewritten = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as {entries: Array<{ruleId: string}>}
    expect(rewritten.entries.some((e) => e.ruleId === 'no-placeholders')).toBe(false)
  })

  it('a partial run keeps the entries of files it did not lint', async () => {
    const dir = tempDir({'contracts/a.md': LEGACY, 'contracts/b.md': LEGACY})
    await lintJson(dir, ['--baseline-write', 'baseline.json'])
    const ran = await cli(['--baseline-write', 'baseline.json', 'contracts/a.md'], {cwd: dir})
    expect(ran.errLines[0]).toMatch(/^clauselint: wrote \d+ findings to the baseline baseline\.json \(and kept \d+ of files not linted in this run\)$/)
    const files = new Set((JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as {entries: Array<{file: string}>}).entries.map((e) => e.file))
    expect([...files].sort()).toEqual(['contracts/a.md', 'contracts/b.md'])
  })

  it('counts: two identical findings need two entries', async () => {
    const dir = tempDir({'contracts/x.md': '# Notes\n\nThe fee is TBD.\n'})
    await cli(['--profile', 'language', '--baseline-write', 'b.json', 'contracts'], {cwd: dir})
    fs.writeFileSync(path.join(dir, 'contracts/x.md'), '# Notes\n\nThe fee is TBD.\n\nThe term is TBD.\n')
    const ran = await cli(['-f', 'json', '--profile', 'language', '--baseline', 'b.json', 'contracts'], {cwd: dir})
    expect((JSON.parse(ran.stdout) as Json)[0]!.messages).toHaveLength(1)
  })
})

describe('baselined and suppressed findings in the reports', () => {
  const SUPPRESSED = `${LEGACY.replace('The Provider will respond promptly', '<!-- clauselint-disable-next-line no-vague-terms -- quoted from the client\'s policy -->\nThe Provider will respond promptly')}`

  it('SARIF marks baselined findings as external suppressions and comments as in-source, with the reasons', async () => {
    const dir = tempDir({'contracts/legacy.md': LEGACY})
    await cli(['--baseline-write', 'baseline.json', 'contracts'], {cwd: dir})
    fs.writeFileSync(path.join(dir, 'contracts/legacy.md'), SUPPRESSED)
    const ran = await cli(['-f', 'sarif', '--baseline', 'baseline.json', 'contracts'], {cwd: dir})
    const results = JSON.parse(ran.stdout).runs[0].results as Array<{ruleId: string; suppressions?: Array<{kind: string; justification?: string}>}>
    const inSource = results.filter((r) => r.suppressions?.[0]?.kind === 'inSource')
    expect(inSource.map((r) => r.ruleId)).toEqual(['no-vague-terms'])
    expect(inSource[0]!.suppressions![0]!.justification).toBe("quoted from the client's policy")
    const external = results.filter((r) => r.suppressions?.[0]?.kind === 'external')
    expect(external.length).toBeGreaterThan(5)
    expect(external.every((r) => r.suppressions![0]!.justification === 'in the baseline baseline.json')).toBe(true)
    expect(results.filter((r) => !r.suppressions)).toEqual([])
    // one stale entry: the suppressed finding is no longer reported, so its baseline entry matches nothing
    expect(ran.errLines.some((l) => /1 baseline entry matches no finding/.test(l))).toBe(true)
  })

  it('the checklist lists them with their reasons', async () => {
    const dir = tempDir({'contracts/legacy.md': SUPPRESSED})
    await cli(['--baseline-write', 'baseline.json', 'contracts'], {cwd: dir})
    const ran = await cli(['-f', 'checklist', '--baseline', 'baseline.json', 'contracts/legacy.md'], {cwd: dir})
    expect(ran.stdout).toMatch(/1 finding suppressed, \d+ findings baselined:/)
    expect(ran.stdout).toMatch(/ {2}suppressed {2}no-vague-terms +line 10 +quoted from the client's policy/)
    expect(ran.stdout).toMatch(/ {2}baselined {3}response-times +line \d+ +in the baseline baseline\.json/)
  })
})

describe('bad baseline files: exit 2, one line naming the file', () => {
  it.each([
    ['corrupt JSON', '{"clauselint": "baseline", "version": 1, "entries": [', /^clauselint: baseline "b\.json" is not valid JSON \(.+\); rewrite it with --baseline-write$/],
    ['not a baseline', '{"rules": {}}', /^clauselint: baseline "b\.json" is not a clauselint baseline \(no "clauselint": "baseline"\); create one with --baseline-write$/],
    ['another version', '{"clauselint": "baseline", "version": 2, "writtenBy": "9.0.0", "entries": []}', /^clauselint: baseline "b\.json" was written by clauselint 9\.0\.0 in format version 2; this clauselint reads version 1: rewrite it with --baseline-write$/],
    ['a bad entry', '{"clauselint": "baseline", "version": 1, "entries": [{"file": "a.md", "ruleId": "x", "section": "", "what": "missing", "count": 0}]}', /^clauselint: baseline "b\.json": entries\[0\] needs file, ruleId, section, what \(strings\) and count \(a whole number above 0\)$/],
  ])('%s', async (_what, text, expected) => {
    const dir = tempDir({'contracts/legacy.md': LEGACY, 'b.json': text})
    const ran = await cli(['--baseline', 'b.json', 'contracts'], {cwd: dir})
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.errLines).toHaveLength(1)
    expect(ran.errLines[0]).toMatch(expected)
  })

  it('a baseline that does not exist, or two different files', async () => {
    const dir = tempDir({'contracts/legacy.md': LEGACY})
    expect((await cli(['--baseline', 'nope.json', 'contracts'], {cwd: dir})).errLines).toEqual(['clauselint: baseline "nope.json" does not exist; create it with --baseline-write'])
    expect((await cli(['--baseline', 'a.json', '--baseline-write', 'b.json', 'contracts'], {cwd: dir})).errLines).toEqual(['clauselint: use --baseline or --baseline-write with one file, not two'])
  })

  it('--baseline-write over a corrupt file says so and writes it anew', async () => {
    const dir = tempDir({'contracts/legacy.md': LEGACY, 'b.json': 'garbage'})
    const ran = await cli(['--baseline-write', 'b.json', 'contracts'], {cwd: dir})
    expect(ran.code).toBe(0)
    expect(ran.errLines[0]).toBe('clauselint: warning: the baseline "b.json" could not be read; it was written anew')
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).clauselint).toBe('baseline')
  })
})

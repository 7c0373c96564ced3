// --fix and --fix-dry-run: a skeleton for each missing clause (never for a vague one), placed as the editor's quick fix
// places it; a dry run prints a diff that applies; atomic writes; a second run changes nothing; read-only and changed
// files are left alone with a message.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {profileRules} from '../src/profiles.js'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs, type RunOptions} from './helpers.js'
import {checkWritable, unifiedDiff} from '../src/fix.js'
import {buildDocument} from '../src/document.js'
import {FORMATS} from '../src/reporters/formats.js'
import type {Section} from '../src/types.js'

const tempDir = tempDirs('fix')
const cli = (argv: readonly string[], options: RunOptions = {}) => runCli(argv, {...options, checkStdout: true})

const LEGACY = `# Managed Services Agreement

Between Northwind IT Ltd ("Provider") and Harbour Dental Ltd ("Client").

## 1. Services

The Provider will provide help desk support by phone and email, and monitoring of the Client's servers.

## 2. Backups

The Provider will perform regular backups of the Client's server.

## 3. Fees

The Client will pay £900 per month.
`

const missingOf = async (dir: string, file: string) => {
  const ran = await cli(['-f', 'json', file], {cwd: dir})
  // msa's commercial core (the agreement clause rules) has no skeletons yet: --fix adds the operational clauses
  return (JSON.parse(ran.stdout) as Array<{messages: Array<{ruleId: string; outcome?: string}>}>)[0]!.messages.filter((m) => m.outcome === 'missing' && !COMMERCIAL.has(m.ruleId)).map((m) => m.ruleId)
}
const COMMERCIAL = new Set(profileRules('agreement').map((r) => r.meta.id))

describe('--fix', () => {
  it('adds a skeleton for each missing clause, none for a vague one; a second run changes nothing', async () => {
    const dir = tempDir({'msa.md': LEGACY})
    const missing = await missingOf(dir, 'msa.md')
    expect(missing.length).toBeGreaterThan(4)
    const ran = await cli(['--fix', 'msa.md'], {cwd: dir})
    expect(ran.errLines).toHaveLength(1)
    expect(ran.errLines[0]).toMatch(/^clauselint: fixed msa\.md: added (?:[A-Z][\w -]+, )+[A-Z][\w -]+$/)
    const fixed = fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')
    // only insertions: every original line is still there, in order, and the file still ends with a line break
    const kept = fixed.split('\n')
    let at = 0
    for (const line of LEGACY.split('\n')) at = kept.indexOf(line, at) + 1
    expect(at).toBeGreaterThan(0)
    expect(fixed.endsWith('\n')).toBe(true)
    // numbered after the last top-level clause, one number each
    expect(fixed).toMatch(/\n## 4\. [A-Z]/)
    const numbers = [...fixed.matchAll(/^## (\d+)\./gm)].map((m) => Number(m[1]))
    expect(numbers).toEqual(numbers.map((_, i) => i + 1))
    // the vague Backups clause is not given a second section
    expect(fixed.match(/^## .*Backups/gm)).toHaveLength(1)
    expect(await missingOf(dir, 'msa.md')).toEqual([])
    // the report is of the fixed text: no operational clause is missing (errors only for the commercial core, which has
    // no skeletons yet), and the unfilled slots are warnings
    expect(ran.stdout).toMatch(/warning +Vague resolution time/)
    const errors = ran.stdout.split('\n').filter((l) => / error /.test(l))
    expect(errors.every((l) => [...COMMERCIAL].some((id) => l.includes(id)))).toBe(true)

    const again = await cli(['--fix', 'msa.md'], {cwd: dir})
    expect(again.errLines).toEqual(['clauselint: --fix: nothing to fix (no missing clause with a skeleton)'])
    expect(fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')).toBe(fixed)
  })

  it('adds missing priority levels and resolution times after the clause that holds the response times', async () => {
    // the fixture with its clause numbers taken out (a numbered agreement gets new clauses after its last one)
    const text = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'priority-levels', 'fails-missing-beside-service-levels-sub-section.md'), 'utf8').replace(/^(#+) \d+(?:\.\d+)*\.? /gm, '$1 ')
    const dir = tempDir({'msa.md': text})
    await cli(['--fix', 'msa.md'], {cwd: dir})
    const fixed = fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')
    const titles = [...fixed.matchAll(/^## (.+)$/gm)].map((m) => m[1]!)
    // after "Service Levels" (which holds the response times), before "Fees"; not after the support desk hours
    const levels = titles.indexOf('Service Levels')
    expect(titles.indexOf('Priority Levels')).toBeGreaterThan(levels)
    expect(titles.indexOf('Resolution Times')).toBeGreaterThan(levels)
    expect(titles.indexOf('Priority Levels')).toBeLessThan(titles.indexOf('Fees'))
    expect(titles.indexOf('Resolution Times')).toBeLessThan(titles.indexOf('Fees'))
  })

  it('keeps CRLF line endings, a byte-order mark and the file mode', async () => {
    const dir = tempDir({'msa.md': `\ufeff${LEGACY.replace(/\n/g, '\r\n')}`})
    fs.chmodSync(path.join(dir, 'msa.md'), 0o640)
    await cli(['--fix', 'msa.md'], {cwd: dir})
    const fixed = fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')
    expect(fixed.charCodeAt(0)).toBe(0xfeff)
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/\n/)
    expect(fixed.length).toBeGreaterThan(LEGACY.length + 200)
    expect(fs.statSync(path.join(dir, 'msa.md')).mode & 0o777).toBe(0o640)
  })

  it('a read-only file is left alone: one line naming it, exit 2; the other files are fixed', async () => {
    const dir = tempDir({'ro.md': LEGACY, 'rw.md': LEGACY})
    fs.chmodSync(path.join(dir, 'ro.md'), 0o444)
    const ran = await cli(['--fix', 'ro.md', 'rw.md'], {cwd: dir})
    expect(ran.code).toBe(2)
    expect(ran.errLines.filter((l) => l.includes('ro.md'))).toEqual(['clauselint: warning: ro.md is read-only; not fixed'])
    expect(fs.readFileSync(path.join(dir, 'ro.md'), 'utf8')).toBe(LEGACY)
    expect(fs.readFileSync(path.join(dir, 'rw.md'), 'utf8')).not.toBe(LEGACY)
  })

  // The clauses' level and parent in the fixed text: every section --fix adds is a sibling of the agreement's clauses.
  const topTitles = (text: string): string[] => buildDocument(text, 'msa.md').title!.children.map((s: Section) => s.title)
  const headingsOf = (text: string): string[] => text.split('\n').filter((l) => /^#{1,6} /.test(l))

  it('adds each clause at the top clause level, never inside the clause that comes last (numbered: after it, the next number)', async () => {
    const text = LEGACY.replace('## 1. Services\n\nThe Provider will provide help desk support by phone and email, and monitoring of the Client\'s servers.\n\n', '').replace('## 2. Backups', '## 1. Backups').replace('## 3. Fees', '## 2. Fees') + '\n## 3. Scope of Services\n\nThe Provider will provide help desk support by phone and email, and monitoring of the Client\'s servers.\n'
    const dir = tempDir({'msa.md': text})
    await cli(['--fix', 'msa.md'], {cwd: dir})
    const fixed = fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')
    const added = headingsOf(fixed).slice(headingsOf(text).length)
    expect(added.length).toBeGreaterThan(4)
    // all at "##", numbered on from the last clause; none is a sub-section of "Scope of Services"
    expect(added.every((h) => /^## \d+\. [A-Z]/.test(h))).toBe(true)
    expect([...fixed.matchAll(/^## (\d+)\./gm)].map((m) => Number(m[1]))).toEqual(headingsOf(fixed).slice(1).map((_, i) => i + 1))
    expect(topTitles(fixed).slice(0, 3)).toEqual(['Backups', 'Fees', 'Scope of Services'])
    expect(topTitles(fixed)).toHaveLength(headingsOf(fixed).length - 1)
    expect(buildDocument(fixed, 'msa.md').sections.find((s) => s.title === 'Scope of Services')!.children).toEqual([])
  })

  it('unnumbered clauses: each added clause is a sibling placed after the clause the finding points at, before the next', async () => {
    const text = `# Managed Services Agreement\n\nBetween Northwind IT Ltd ("Provider") and Harbour Dental Ltd ("Client").\n\n## Scope of Services\n\nThe Provider will provide help desk support by phone and email.\n\n### Help Desk\n\nCalls are answered by the help desk.\n\n## Fees\n\nThe Client will pay £900 per month.\n`
    const dir = tempDir({'msa.md': text})
    await cli(['--fix', 'msa.md'], {cwd: dir})
    const fixed = fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')
    // the only "###" is the agreement's own
    expect(headingsOf(fixed).filter((h) => h.startsWith('###'))).toEqual(['### Help Desk'])
    const tops = topTitles(fixed)
    expect(tops.length).toBeGreaterThan(6)
    // the exclusions and response times, reported in "Scope of Services", follow it before "Fees"; "Help Desk" stays its
    // only sub-section
    expect(tops.slice(tops.indexOf('Scope of Services') + 1, tops.indexOf('Fees')).sort()).toEqual(['Excluded Services', 'Response Times'])
    expect(buildDocument(fixed, 'msa.md').sections.find((s) => s.title === 'Scope of Services')!.children.map((s) => s.title)).toEqual(['Help Desk'])
  })

  it("a clause's own empty heading is filled where it is, at its own level (not moved to the top level)", async () => {
    const text = `# Managed Services Agreement\n\nBetween Northwind IT Ltd ("Provider") and Harbour Dental Ltd ("Client").\n\n## 1. Support\n\nThe Provider will provide help desk support by phone and email.\n\n### 1.1 Response Times\n\n## 2. Fees\n\nThe Client will pay £900 per month.\n`
    const dir = tempDir({'msa.md': text})
    await cli(['--fix', 'msa.md'], {cwd: dir})
    const fixed = fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')
    expect(fixed.match(/Response Times/g)).toHaveLength(1)
    expect(fixed).toMatch(/\n### 1\.1 Response Times\n\n<!-- [^\n]* -->\n\n[^\n]*respond to each support request/)
    expect(headingsOf(fixed).filter((h) => h.startsWith('###'))).toEqual(['### 1.1 Response Times'])
  })

  it('refuses --fix with standard input, and --fix with --fix-dry-run', async () => {
    expect((await cli(['--fix', '--stdin'], {stdin: LEGACY})).errLines).toEqual(['clauselint: --fix writes files; for standard input use --fix-dry-run to see the fix'])
    expect((await cli(['--fix', '--fix-dry-run', 'x.md'])).errLines).toEqual(['clauselint: use --fix or --fix-dry-run, not both'])
  })
})

describe('--fix-dry-run', () => {
  it('prints a diff that applies to the file and gives what --fix writes; writes nothing', async () => {
    const dir = tempDir({'msa.md': LEGACY})
    const ran = await cli(['--fix-dry-run', 'msa.md'], {cwd: dir})
    expect(fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')).toBe(LEGACY)
    expect(ran.stdout).toMatch(/^--- a\/msa\.md\n\+\+\+ b\/msa\.md\n@@ -\d+,\d+ \+\d+,\d+ @@\n/)
    expect(ran.errLines.at(-1)).toMatch(/^clauselint: --fix-dry-run: \d+ clause skeletons would be added in 1 file; nothing was written$/)
    fs.writeFileSync(path.join(dir, 'fix.diff'), ran.stdout)
    execFileSync('git', ['apply', '--unidiff-zero', 'fix.diff'], {cwd: dir})
    const applied = fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')
    fs.writeFileSync(path.join(dir, 'msa.md'), LEGACY)
    await cli(['--fix', 'msa.md'], {cwd: dir})
    expect(applied).toBe(fs.readFileSync(path.join(dir, 'msa.md'), 'utf8'))
  })

  it('-f json prints the JSON report of the fixed text, each changed file with its fixed text in "output" (as ESLint), not a diff', async () => {
    const done = 'The Provider will provide help desk support by phone and email.\n'
    const dir = tempDir({'msa.md': LEGACY, 'notes.md': done})
    const ran = await cli(['--fix-dry-run', '-f', 'json', 'msa.md', 'notes.md'], {cwd: dir})
    expect(fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')).toBe(LEGACY)
    expect(ran.stdout).not.toMatch(/^(?:---|\+\+\+) /m)
    const report = JSON.parse(ran.stdout) as Array<{filePath: string; output?: string; messages: Array<{ruleId: string; outcome?: string}>}>
    expect(report.map((r) => r.filePath)).toEqual(['msa.md', 'notes.md'])
    // a file the fix leaves alone has no "output"
    expect('output' in report[1]!).toBe(false)
    await cli(['--fix', 'msa.md'], {cwd: dir})
    const fixed = fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')
    expect(report[0]!.output).toBe(fixed)
    // the findings are those of the fixed text
    const after = JSON.parse((await cli(['-f', 'json', 'msa.md'], {cwd: dir})).stdout) as Array<Record<string, unknown>>
    expect(report[0]).toEqual({...after[0], output: fixed})
    // json-with-metadata's results are the same entries, "output" included
    fs.writeFileSync(path.join(dir, 'msa.md'), LEGACY)
    const withMeta = await cli(['--fix-dry-run', '-f', 'json-with-metadata', 'msa.md', 'notes.md'], {cwd: dir})
    expect((JSON.parse(withMeta.stdout) as {results: unknown}).results).toEqual(report)
    expect(ran.errLines.at(-1)).toMatch(/^clauselint: --fix-dry-run: \d+ clause skeletons would be added in 1 file; nothing was written$/)
  })

  it('--fix -f json gives the written text in "output" too', async () => {
    const dir = tempDir({'msa.md': LEGACY})
    const ran = await cli(['--fix', '-f', 'json', 'msa.md'], {cwd: dir})
    expect((JSON.parse(ran.stdout) as Array<{output?: string}>)[0]!.output).toBe(fs.readFileSync(path.join(dir, 'msa.md'), 'utf8'))
  })

  it.each(FORMATS.filter((f) => f !== 'stylish' && f !== 'json' && f !== 'json-with-metadata'))('-f %s prints that report, of the fixed text, not a diff', async (format) => {
    const dir = tempDir({'msa.md': LEGACY})
    const dry = await cli(['--fix-dry-run', '-f', format, 'msa.md'], {cwd: dir})
    expect(fs.readFileSync(path.join(dir, 'msa.md'), 'utf8')).toBe(LEGACY)
    expect(dry.stdout).not.toContain('+++ b/msa.md')
    await cli(['--fix', 'msa.md'], {cwd: dir})
    const fixed = await cli(['-f', format, 'msa.md'], {cwd: dir})
    expect(dry.stdout).toBe(fixed.stdout)
  })

  it('works on standard input', async () => {
    const ran = await cli(['--fix-dry-run', '--stdin', '--stdin-filename', 'msa.md'], {stdin: LEGACY})
    expect(ran.stdout).toMatch(/^--- a\/msa\.md\n/)
    expect(ran.stdout).toMatch(/^\+## \d+\. /m)
  })
})

describe('pieces', () => {
  it('a file changed on disk since it was read is left alone', async () => {
    const dir = tempDir({'a.md': 'new text\n'})
    expect(await checkWritable(path.join(dir, 'a.md'), 'old text\n')).toEqual({reason: 'changed while clauselint was fixing it; left alone (run --fix again)'})
    expect(await checkWritable(path.join(dir, 'a.md'), 'new text\n')).toEqual({bom: false})
    fs.writeFileSync(path.join(dir, 'a.md'), '\ufeffnew text\n')
    expect(await checkWritable(path.join(dir, 'a.md'), 'new text\n')).toEqual({bom: true})
  })

  it('unifiedDiff: hunks with three lines of context that `git apply` accepts', () => {
    const before = Array.from({length: 30}, (_, i) => `line ${i + 1}`).join('\n') + '\n'
    const lines = before.split('\n')
    lines.splice(5, 0, 'added A', '')
    lines.splice(27, 0, 'added B')
    const after = lines.join('\n')
    const diff = unifiedDiff('x.md', before, after)
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -3,6 +3,8 @@', '@@ -23,6 +25,7 @@'])
    const dir = tempDir({'x.md': before, 'x.diff': diff})
    execFileSync('git', ['apply', 'x.diff'], {cwd: dir})
    expect(fs.readFileSync(path.join(dir, 'x.md'), 'utf8')).toBe(after)
  })
})

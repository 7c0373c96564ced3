// Document sets: an agreement plus schedules in separate files, declared in front matter and judged as one.
import {mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {run} from '../src/cli.js'
import {Confinement} from '../src/confine.js'
import {yaml} from '../src/deps.js'
import {declaredIncludes} from '../src/docset.js'
import {memberProblem} from '../src/plan.js'
import {lint, lintSet} from '../src/lint.js'

const dir = path.join(import.meta.dirname, '..', 'fixtures', 'sets', 'acme')
const main = {filePath: 'msa.md', text: readFileSync(path.join(dir, 'msa.md'), 'utf8')}
const scheduleB = {filePath: 'schedule-b.md', text: readFileSync(path.join(dir, 'schedule-b.md'), 'utf8')}

describe('document sets', () => {
  it('reads the members a document declares in front matter', () => {
    expect(declaredIncludes(main.text, 'contracts/msa.md')).toEqual([path.join('contracts', 'schedule-b.md')])
    expect(declaredIncludes('# No front matter\n', 'x.md')).toEqual([])
    expect(declaredIncludes('---\nclauselint: [\n---\n# Bad YAML\n', 'x.md')).toEqual([])
  })

  it('counts a member once by its real path, and never the document itself, whatever name a link gives them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clauselint-set-'))
    try {
      writeFileSync(path.join(dir, 'msa.md'), '# MSA\n')
      writeFileSync(path.join(dir, 'schedule.md'), '# Schedule\n')
      symlinkSync('schedule.md', path.join(dir, 'alias.md'))
      symlinkSync('msa.md', path.join(dir, 'self.md'))
      const text = '---\nclauselint:\n  includes: [schedule.md, alias.md, self.md, ./schedule.md]\n---\n# MSA\n'
      expect(declaredIncludes(text, path.join(dir, 'msa.md'))).toEqual([path.join(dir, 'schedule.md')])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('parses the front matter once when a file\'s members are read and then checked as written', () => {
    const parse = vi.spyOn(yaml(), 'parse')
    try {
      const text = '---\nclauselint:\n  includes: [schedule-a.md, notes.txt]\n---\n# Agreement\n'
      const cwd = path.join(os.tmpdir(), 'clauselint-parse-once')
      const includes = declaredIncludes(text, path.join(cwd, 'msa.md'))
      expect(includes).toEqual([path.join(cwd, 'schedule-a.md'), path.join(cwd, 'notes.txt')])
      const problem = memberProblem('msa.md', text, includes, {confine: new Confinement(cwd), cwd})
      expect(problem).toBe('msa.md (front matter): clauselint.includes[1]: "notes.txt" is not a Markdown file (.md or .markdown)')
      expect(parse).toHaveBeenCalledTimes(1)
      // another front matter is read afresh, and a list handed out is the caller's to change
      includes.pop()
      expect(declaredIncludes('---\nclauselint:\n  includes: other.md\n---\n', path.join(cwd, 'b.md'))).toEqual([path.join(cwd, 'other.md')])
      expect(declaredIncludes(text, path.join(cwd, 'msa.md'))).toHaveLength(2)
      expect(parse).toHaveBeenCalledTimes(3)
    } finally {
      parse.mockRestore()
    }
  })

  it('alone, the agreement delegates its service levels to Schedule B', () => {
    const result = lint(main.text, {filePath: 'msa.md'})
    const outcome = (id: string) => result.coverage.find((c) => c.ruleId === id)?.outcome
    expect(outcome('response-times')).toBe('delegated')
    expect(outcome('priority-levels')).toBe('missing')
    expect(outcome('backup-frequency')).toBe('missing')
  })

  it('with its schedule, a clause stated in any member counts for the whole set', () => {
    const [head] = lintSet(main, [scheduleB])
    const outcome = (id: string) => head!.coverage.find((c) => c.ruleId === id)?.outcome
    expect(outcome('response-times')).toBe('present')
    expect(outcome('resolution-times')).toBe('present')
    expect(outcome('priority-levels')).toBe('present')
    expect(outcome('backup-frequency')).toBe('present')
    expect(outcome('service-hours')).toBe('present')
  })

  it('reports each finding in the file it points into, with that file’s line numbers', () => {
    const [head, member] = lintSet(main, [scheduleB])
    expect(member!.filePath).toBe('schedule-b.md')
    const vague = member!.messages.find((m) => m.ruleId === 'no-vague-terms')!
    expect(vague.line).toBe(8)
    expect(scheduleB.text.split('\n')[vague.line - 1]!.slice(vague.column - 1, vague.endColumn - 1)).toBe('promptly')
    expect(head!.messages.every((m) => m.filePath === undefined)).toBe(true)
    expect(head!.messages.some((m) => m.ruleId === 'no-overpromising' && m.line === 16)).toBe(true)
    expect(member!.errorCount + member!.warningCount).toBe(member!.messages.filter((m) => m.severity !== 'info').length)
  })

  it('the CLI lints a set once: the schedule is not linted again on its own', async () => {
    let out = ''
    const code = await run(['--format', 'json', 'msa.md', 'schedule-b.md'], {stdout: (t) => void (out += t), stderr: () => {}, cwd: dir, env: {}, isTTY: false})
    const results = JSON.parse(out) as Array<{filePath: string; messages: Array<{ruleId: string; outcome?: string}>}>
    expect(results.map((r) => r.filePath)).toEqual(['msa.md', 'schedule-b.md'])
    expect(results[1]!.messages.some((m) => m.outcome === 'missing')).toBe(false)
    expect(code).toBe(1)
  })

  it('a member that cannot be read is reported as fatal (exit 2), and the rest of the set is still linted', async () => {
    let err = ''
    let out = ''
    const text = main.text.replace('schedule-b.md', 'schedule-z.md')
    const {mkdtempSync, writeFileSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const tmp = mkdtempSync(path.join(tmpdir(), 'clauselint-set-'))
    writeFileSync(path.join(tmp, 'msa.md'), text)
    const code = await run(['msa.md'], {stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: tmp, env: {}, isTTY: false})
    expect(err).toMatch(/^clauselint: schedule-z\.md does not exist; reported as fatal$/m)
    expect(out).toContain('msa.md')
    expect(out).toMatch(/^schedule-z\.md\n.*File does not exist/m)
    expect(code).toBe(2)
  })
})

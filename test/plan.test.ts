// The job planner (src/plan.ts): files → jobs → results, one module for the CLI, lintFiles and the language server.
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {Confinement} from '../src/confine.js'
import {lintSet} from '../src/lint.js'
import {lintFiles} from '../src/lint.js'
import {Linter} from '../src/lsp/linter.js'
import {lintJobs, memberProblem, planJobs, readJob, type FileInfo, type Job, type JobOutcome, type JobThreads} from '../src/plan.js'
import {runCli, tempDirs} from './helpers.js'

const temp = tempDirs('plan')
const SETS = path.join(import.meta.dirname, '..', 'fixtures', 'sets', 'acme')

/** A planner source over made-up files: name → the members it declares (relative), or undefined when unreadable. */
function source(cwd: string, files: Record<string, string[] | undefined>) {
  const asked: string[] = []
  return {
    asked,
    info: async (file: string): Promise<FileInfo | undefined> => {
      asked.push(file)
      const includes = files[file]
      return includes === undefined ? undefined : {includes: includes.map((m) => path.join(cwd, m))}
    },
    textKnown: () => undefined,
  }
}

describe('planJobs', () => {
  const cwd = temp({})
  const check = {confine: new Confinement(cwd), cwd}

  it('puts each member in its set only, keeps the order of the files, and drops what cannot be read', async () => {
    const s = source(cwd, {'a.md': [], 'b.md': ['s1.md', 'gone.md'], 's1.md': [], 'c.md': [], 'gone.md': undefined})
    const planned = await planJobs(['s1.md', 'a.md', 'b.md', 'gone.md', 'c.md'], s, check)
    expect(planned).toEqual({jobs: [{file: 'a.md'}, {file: 'b.md', members: ['s1.md']}, {file: 'c.md'}]})
  })

  it('a file is in one job only: two files that include each other are one set, the first one its head', async () => {
    const s = source(cwd, {'a.md': ['b.md'], 'b.md': ['a.md']})
    expect(await planJobs(['a.md', 'b.md'], s, check)).toEqual({jobs: [{file: 'a.md', members: ['b.md']}]})
  })

  it('a member outside the lint root, or not Markdown, is a problem named after the file', async () => {
    const outside = source(cwd, {'a.md': ['../elsewhere.md']})
    expect(await planJobs(['a.md'], outside, check)).toEqual({problem: 'a.md (front matter): clauselint.includes: "../elsewhere.md" is not a Markdown file inside the lint root'})
    const text = '---\nclauselint:\n  includes: [notes.txt]\n---\n# A\n'
    expect(memberProblem('a.md', text, [path.join(cwd, 'notes.txt')], {...check, shownAs: 'A'})).toBe('A (front matter): clauselint.includes[0]: "notes.txt" is not a Markdown file (.md or .markdown)')
    const many = Array.from({length: 201}, (_, i) => path.join(cwd, `s${i}.md`))
    expect(memberProblem('a.md', undefined, many, check)).toBe('a.md (front matter): clauselint.includes: 201 members, over the limit of 200')
  })

  it('readJob reads the texts, and leaves out a member that cannot be read', async () => {
    const texts: Record<string, string> = {'a.md': 'A', 's1.md': 'S1'}
    const job = await readJob({file: 'a.md', members: ['s1.md', 's2.md']}, async (f) => texts[f])
    expect(job).toEqual({file: 'a.md', text: 'A', members: [{filePath: 's1.md', text: 'S1'}]})
    expect(await readJob({file: 'x.md'}, async (f) => texts[f])).toBeUndefined()
  })
})

describe('lintJobs', () => {
  const jobs: Job[] = [
    {file: 'a.md', text: 'a'},
    {file: 'big.md', text: 'b'.repeat(100)},
    {file: 'c.md', text: 'c'},
  ]
  const lintOne = (job: Job): JobOutcome => ({results: [{filePath: `${job.file}:main`, messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: []}]})
  const fake = (log: string[]) => (workers: number, solo?: {readonly chars: number}): JobThreads => ({
    run: async (list) => {
      log.push(`run ${workers}${solo ? ` solo ${solo.chars}` : ''}: ${list.map((j) => j.file).join(',')}`)
      return list.map((j) => ({results: [{filePath: `${j.file}:thread`, messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: []}]}))
    },
    close: () => void log.push('close'),
  })
  const files = (outcomes: JobOutcome[]): string[] => outcomes.map((o) => ('results' in o ? o.results[0]!.filePath : '?'))

  it('one thread: every job here, except one over the size limit, which gets a thread of its own', async () => {
    const log: string[] = []
    const out = await lintJobs(jobs, {lintOne, threads: 1, startThreads: fake(log), isolateAbove: 50})
    expect(files(out)).toEqual(['a.md:main', 'big.md:thread', 'c.md:main'])
    // the big job's thread is told its size (its heap is sized by it)
    expect(log).toEqual(['run 1 solo 100: big.md', 'close'])
  })

  it('threads: all jobs go to the pool (started ahead, or started now with one worker fewer than the threads)', async () => {
    const log: string[] = []
    expect(files(await lintJobs(jobs, {lintOne, threads: 3, startThreads: fake(log)}))).toEqual(['a.md:thread', 'big.md:thread', 'c.md:thread'])
    expect(log).toEqual(['run 2: a.md,big.md,c.md'])
    const ahead: string[] = []
    await lintJobs(jobs, {lintOne, threads: 2, started: fake(ahead)(5), startThreads: fake(log)})
    expect(ahead).toEqual(['run 5: a.md,big.md,c.md'])
  })

  it('tells the caller of each outcome once, as it is known, with its index', async () => {
    const told: Array<[number, string]> = []
    const onOutcome = (i: number, o: JobOutcome): void => void told.push([i, 'results' in o ? o.results[0]!.filePath : '?'])
    const out = await lintJobs(jobs, {lintOne, threads: 1, startThreads: fake([]), isolateAbove: 50, onOutcome})
    expect(told).toEqual(files(out).map((f, i) => [i, f]))
    expect(told.map(([, f]) => f)).toEqual(['a.md:main', 'big.md:thread', 'c.md:main'])
  })

  it('threads started ahead are closed when the run turns out to need none', async () => {
    const log: string[] = []
    expect(files(await lintJobs(jobs.slice(0, 1), {lintOne, threads: 2, started: fake(log)(1)}))).toEqual(['a.md:main'])
    expect(log).toEqual(['close'])
  })
})

describe('one planner for the CLI, lintFiles and the language server', () => {
  const dir = temp({'msa.md': fs.readFileSync(path.join(SETS, 'msa.md'), 'utf8'), 'schedule-b.md': fs.readFileSync(path.join(SETS, 'schedule-b.md'), 'utf8')})
  const msa = path.join(dir, 'msa.md')
  const schedule = path.join(dir, 'schedule-b.md')
  const expected = lintSet({filePath: msa, text: fs.readFileSync(msa, 'utf8')}, [{filePath: schedule, text: fs.readFileSync(schedule, 'utf8')}])

  it('lintFiles lints a document set with its members, whose results follow its own (the member is not linted twice)', async () => {
    const results = await lintFiles([schedule, msa], {root: dir})
    expect(results).toEqual(expected)
  })

  it('lintFiles: a member outside the root is a config error, as in the CLI', async () => {
    const inner = path.join(dir, 'inner')
    fs.mkdirSync(inner, {recursive: true})
    fs.writeFileSync(path.join(inner, 'msa.md'), '---\nclauselint:\n  includes: [../schedule-b.md]\n---\n# MSA\n')
    await expect(lintFiles([path.join(inner, 'msa.md')], {root: inner})).rejects.toThrow('is outside the lint root')
  })

  it('the CLI and the language server give the set the same findings', async () => {
    const cli = await runCli(['--format', 'json', '--root', dir, 'msa.md', 'schedule-b.md'], {cwd: dir})
    const fromCli = JSON.parse(cli.stdout) as Array<{filePath: string; messages: unknown[]}>
    expect(fromCli.map((r) => r.filePath)).toEqual(['msa.md', 'schedule-b.md'])
    expect(fromCli[0]!.messages.length).toBe(expected[0]!.messages.length)
    const server = await new Linter(dir).lint({text: fs.readFileSync(msa, 'utf8'), filePath: msa, name: msa})
    expect(server.kind).toBe('result')
    if (server.kind === 'result') {
      expect(server.result.messages).toEqual(expected[0]!.messages)
      expect(server.members).toEqual([schedule])
    }
  })
})

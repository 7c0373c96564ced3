// --concurrency: a lint worker that dies costs the file it was on (a fatal result), not the other files' results.
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs} from './helpers.js'
import {MAIN_THREAD_MAX_BYTES} from '../src/scale.js'

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'agreements')
const temp = tempDirs('threads')

// A JavaScript rule that ends the thread it runs in, but only in a worker and only on the marked file. The engine
// turns process.exit() inside a rule into that rule's error, so the rule keeps the real exit from load time to
// stand for a worker that dies under the pool.
const CRASH_RULE = `import {isMainThread} from 'node:worker_threads'
const hardExit = process.exit.bind(process)
export default {
  meta: {id: 'crash-in-worker', description: 'Ends a lint worker on the marked file', category: 'integrity', severity: 'warning', messages: {m: 'never'}},
  check(context) {
    if (!isMainThread && context.doc.filePath.endsWith('zz-big.md')) hardExit(7)
  },
}
`

describe('--concurrency: a worker that dies', () => {
  it('gives the file it was on a fatal result and keeps every other file\'s results', async () => {
    const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort().slice(0, 8)
    const files: Record<string, string> = {'.clauselintrc.yaml': 'customRules: [./crash.mjs]\n', 'crash.mjs': CRASH_RULE}
    for (const name of names) files[name] = fs.readFileSync(path.join(FIXTURES, name), 'utf8')
    // large enough to go to a worker only (a worker's heap is limited, the main thread's is the process's)
    const sample = fs.readFileSync(path.join(FIXTURES, 'sample-msa.md'), 'utf8')
    let big = sample
    while (big.length <= MAIN_THREAD_MAX_BYTES) big += `\n${sample.split('\n').filter((l) => !l.startsWith('#')).join('\n')}\n`
    files['zz-big.md'] = big
    const dir = temp(files)
    const threaded = await runCli(['--allow-js-config', '--concurrency', '2', '--format', 'json'], {cwd: dir})
    // the reference run loads no crashing rule (it reports nothing on any file, so the other results are the same)
    const plain = await runCli(['--no-config', '--concurrency', 'off', '--format', 'json'], {cwd: dir})
    expect(plain.code).toBe(1)
    // a file that could not be linted fails the gate (exit 2), and only that file is named on stderr
    expect(threaded.code).toBe(2)
    expect(threaded.errLines[0]).toContain('zz-big.md could not be linted: the lint worker stopped')
    expect(threaded.errLines.filter((l) => /\.md\b/.test(l) && !l.includes('zz-big.md'))).toEqual([])
    type Entry = {filePath: string; fatal?: boolean; messages: Array<{message: string}>}
    const got = JSON.parse(threaded.stdout) as Entry[]
    const want = JSON.parse(plain.stdout) as Entry[]
    expect(got.map((r) => r.filePath)).toEqual(want.map((r) => r.filePath))
    for (const [i, r] of got.entries()) {
      if (r.filePath === 'zz-big.md') {
        expect(r.fatal).toBe(true)
        expect(r.messages[0]!.message).toContain('the lint worker stopped')
      } else expect(r).toEqual(want[i])
    }
  }, 120_000)
})

// Files are handed to the threads as they are read, before the whole plan is known: a file that a later file declares a
// member of its set has been handed already and must be dropped again, and a problem found late must end the run as it
// does without threads.
describe('--concurrency: files handed to the threads as they are read', () => {
  const agreements = (): Record<string, string> => {
    const files: Record<string, string> = {}
    for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort().slice(0, 10)) files[`m-${name}`] = fs.readFileSync(path.join(FIXTURES, name), 'utf8')
    return files
  }
  const same = async (dir: string, args: readonly string[]): Promise<Awaited<ReturnType<typeof runCli>>> => {
    const threaded = await runCli(['--no-config', '--concurrency', '2', ...args], {cwd: dir})
    const single = await runCli(['--no-config', '--concurrency', 'off', ...args], {cwd: dir})
    expect(threaded.stderr).toBe(single.stderr)
    expect(threaded.stdout).toBe(single.stdout)
    expect(threaded.code).toBe(single.code)
    return threaded
  }

  it('a member read before the file that declares it is linted with its set only, and unreadable files are named in the same order', async () => {
    const dir = temp({
      ...agreements(),
      // read first, declared a member by the last file: handed on its own, then dropped
      'a-schedule.md': '# Schedule 1\n\nThe provider answers within 4 hours.\n',
      // a member read after the file that declares it: never handed on its own
      'b-head.md': '---\nclauselint:\n  includes: [c-member.md]\n---\n# Support Agreement\n\nThe fee is TBD.\n',
      'c-member.md': '# Schedule 2\n\nResponse times are reasonable.\n',
      'e-empty.md': '',
      'n-empty.md': '',
      'z-main.md': '---\nclauselint:\n  includes: [a-schedule.md]\n---\n# Managed Services Agreement\n\nThe fee is TBD.\n',
    })
    for (const format of ['json', 'stylish']) {
      const ran = await same(dir, ['--format', format])
      if (format !== 'json') continue
      const paths = (JSON.parse(ran.stdout) as Array<{filePath: string}>).map((r) => r.filePath)
      // each file once: the members only in their sets' results, after their main files
      expect(paths.filter((p) => p === 'a-schedule.md')).toHaveLength(1)
      expect(paths.indexOf('a-schedule.md')).toBeGreaterThan(paths.indexOf('z-main.md'))
      expect(paths.indexOf('c-member.md')).toBeGreaterThan(paths.indexOf('b-head.md'))
      expect(ran.stderr.indexOf('e-empty.md')).toBeLessThan(ran.stderr.indexOf('n-empty.md'))
      expect(ran.stderr.indexOf('n-empty.md')).toBeGreaterThan(0)
    }
  }, 120_000)

  it('a bad member declared by a late file ends the run with one line, as without threads, after files were handed', async () => {
    const dir = temp({...agreements(), 'n-empty.md': '', 'z-main.md': '---\nclauselint:\n  includes: [notes.txt]\n---\n# Managed Services Agreement\n', 'zz-after.md': ''})
    const ran = await same(dir, ['--format', 'json'])
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    // the empty file before the bad one is named; the one after is never read
    expect(ran.errLines).toHaveLength(2)
    expect(ran.errLines[0]).toContain('n-empty.md')
    expect(ran.errLines[1]).toContain('clauselint.includes[0]: "notes.txt" is not a Markdown file')
  }, 120_000)
})

// Hostile files and paths through the CLI's run() (and the built bin for pipes). test/cli.test.ts already covers
// symlink loops given directly and inside a walked directory, unreadable files and subdirectories, a sparse 50 MB
// file, a path with spaces and Unicode, and a closed pipe on small output; this file adds what those leave out.
// Every run checks that nothing below its folder was written, created or removed, and that no stack trace escapes.
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeEach, describe, expect, it, vi} from 'vitest'
import {permissionTests, runLocked, tempDirs} from './helpers.js'
import {run} from '../src/cli.js'
import {FileError, readAgreement} from '../src/lint.js'

/** CPU milliseconds this process spent since `since` (wall time would count other processes on a busy machine). */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

// "A file deleted between listing and reading": run() lists the files (expandPaths), then reads them. The hook runs
// in between, so a test can delete, empty or replace a file that was listed.
const between = vi.hoisted(() => ({hook: undefined as undefined | ((files: readonly string[]) => void)}))
vi.mock('../src/files.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/files.js')>()
  return {
    ...original,
    expandPaths: async (...args: Parameters<typeof original.expandPaths>) => {
      const expanded = await original.expandPaths(...args)
      between.hook?.(expanded.files)
      return expanded
    },
  }
})

const root = path.join(import.meta.dirname, '..')
const STACK = /^\s+at /m
const CLEAN = '# Support\n\nThe provider answers calls within 1 hour, Monday to Friday, 08:00 to 18:00 UK time.\n'
const SKELETON = '# Managed Services Agreement\n\nThe monthly fee is TBD.\n'

beforeEach(() => {
  between.hook = undefined
})

const tempDir = tempDirs('hostile')

/** Type, size, mtime, mode and (for files under 4 MB) a sha256 of everything below dir; symlinks are not followed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string): void => {
    let names: string[]
    try {
      names = fs.readdirSync(d).sort()
    } catch {
      out[path.relative(dir, d)] = 'unreadable dir'
      return
    }
    for (const name of names) {
      const full = path.join(d, name)
      const s = fs.lstatSync(full)
      const rel = path.relative(dir, full)
      if (s.isSymbolicLink()) out[rel] = `link:${fs.readlinkSync(full)}`
      else if (s.isDirectory()) {
        out[rel] = `dir:${s.mode}`
        walk(full)
      } else if (s.isFile()) {
        let hash = 'large'
        if (s.size < 4 * 1024 * 1024) {
          try {
            hash = createHash('sha256').update(fs.readFileSync(full)).digest('hex')
          } catch {
            hash = 'unreadable'
          }
        }
        out[rel] = `file:${s.size}:${s.mtimeMs}:${s.mode}:${hash}`
      } else out[rel] = `other:${s.mode}`
    }
  }
  walk(dir)
  return out
}

interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly errLines: string[]
}

/** run() with cwd = dir; checks for stack traces and that nothing below dir changed. */
async function lintIn(dir: string, argv: readonly string[]): Promise<Ran> {
  const before = snapshot(dir)
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, env: {}, isTTY: false})
  expect(stderr, 'no stack trace').not.toMatch(STACK)
  expect(stdout, 'no stack trace').not.toMatch(STACK)
  expect(snapshot(dir), 'input files untouched').toEqual(before)
  return {code, stdout, stderr, errLines: stderr.split('\n').filter(Boolean)}
}

const filePaths = (json: string): string[] => (JSON.parse(json) as Array<{filePath: string}>).map((r) => r.filePath)


describe('files that change between listing and reading', () => {
  it('a file deleted after it was listed: reported as fatal, the rest linted', async () => {
    const dir = tempDir({'docs/a.md': CLEAN, 'docs/b.md': CLEAN, 'docs/c.md': CLEAN})
    between.hook = (files) => {
      expect(files).toContain(path.join('docs', 'b.md'))
      fs.rmSync(path.join(dir, 'docs', 'b.md'))
    }
    let stderr = ''
    let stdout = ''
    const code = await run(['--profile', 'language', '--format', 'json', 'docs'], {stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, env: {}, isTTY: false})
    expect(stderr.split('\n').filter(Boolean)).toEqual([`clauselint: ${path.join('docs', 'b.md')} does not exist; reported as fatal`, 'clauselint: 1 file could not be linted (see the fatal error in the report)'])
    expect(filePaths(stdout)).toEqual([path.join('docs', 'a.md'), path.join('docs', 'c.md'), path.join('docs', 'b.md')])
    expect(code).toBe(2)
  })

  it('every listed file deleted: exit 2 with one line each and a closing line', async () => {
    const dir = tempDir({'a.md': CLEAN, 'b.md': CLEAN})
    between.hook = (files) => {
      for (const f of files) fs.rmSync(path.join(dir, f))
    }
    let stderr = ''
    const code = await run(['.'], {stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: dir, env: {}, isTTY: false})
    expect(stderr.split('\n').filter(Boolean)).toEqual(['clauselint: a.md does not exist; reported as fatal', 'clauselint: b.md does not exist; reported as fatal', 'clauselint: no file could be linted'])
    expect(code).toBe(2)
  })

  it('a file emptied, or replaced by a directory, after it was listed', async () => {
    const dir = tempDir({'a.md': CLEAN, 'b.md': CLEAN, 'c.md': SKELETON})
    between.hook = () => {
      fs.truncateSync(path.join(dir, 'a.md'), 0)
      fs.rmSync(path.join(dir, 'b.md'))
      fs.mkdirSync(path.join(dir, 'b.md'))
    }
    let stderr = ''
    let stdout = ''
    const code = await run(['--format', 'json', 'a.md', 'b.md', 'c.md'], {stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, env: {}, isTTY: false})
    expect(stderr.split('\n').filter(Boolean)).toEqual(['clauselint: a.md is empty; reported as fatal', 'clauselint: b.md is a directory; reported as fatal', 'clauselint: 2 files could not be linted (see the fatal errors in the report)'])
    expect(filePaths(stdout)).toEqual(['c.md', 'a.md', 'b.md'])
    expect(code).toBe(2)
  })

  it('readAgreement on a path that vanished gives a one-line FileError, not an exception from fs', async () => {
    const dir = tempDir({'gone.md': CLEAN})
    fs.rmSync(path.join(dir, 'gone.md'))
    const error = await readAgreement(path.join(dir, 'gone.md')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect((error as Error).message).toBe('does not exist')
  })
})

describe('directories without permission', () => {
  it.skipIf(!permissionTests())('an unreadable directory given directly: a warning naming it, exit 2', async () => {
    const dir = tempDir({'locked/x.md': CLEAN})
    fs.chmodSync(path.join(dir, 'locked'), 0o000)
    try {
      const {code, errLines} = await runLocked(dir, ['locked'])
      expect(errLines).toEqual(['clauselint: locked cannot be read (permission denied); reported as fatal', 'clauselint: no file could be linted'])
      expect(code).toBe(2)
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755)
    }
  })

  it.skipIf(!permissionTests())('a directory that can be listed but not entered (r, no x): its files are reported, not crashed on', async () => {
    const dir = tempDir({'ok.md': CLEAN, 'listonly/x.md': CLEAN})
    fs.chmodSync(path.join(dir, 'listonly'), 0o444)
    try {
      const {code, stdout, errLines} = await runLocked(dir, ['--profile', 'language', '--format', 'json', '.'])
      expect(errLines.length).toBeGreaterThanOrEqual(1)
      for (const line of errLines.slice(0, -1)) expect(line).toMatch(/^clauselint: listonly.* cannot be read \(permission denied\); reported as fatal$/)
      expect(filePaths(stdout)[0]).toBe('ok.md')
      expect(code).toBe(2)
    } finally {
      fs.chmodSync(path.join(dir, 'listonly'), 0o755)
    }
  })

  it.runIf(!permissionTests())('(running as root where the user nobody cannot run the command: the two tests above are skipped)', () => {
    expect(process.getuid?.()).toBe(0)
  })
})

describe('special files inside a walked directory', () => {
  it('a FIFO and a link to /dev/zero named .md are not read (no hang), the rest is linted', async () => {
    const dir = tempDir({'ok.md': CLEAN})
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'))
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.md')])
    const started = process.cpuUsage()
    const {code, stdout} = await lintIn(dir, ['--profile', 'language', '--format', 'json', '.'])
    expect(cpuMs(started), 'CPU time of this process (load from other processes does not count)').toBeLessThan(10_000)
    expect(filePaths(stdout)).toEqual(['ok.md'])
    expect(code).toBe(0)
    if (fifo.status !== 0) console.warn('mkfifo unavailable: the FIFO part was not tested')
  })

  it('a dangling symlink given directly: exit 2, the path named', async () => {
    const dir = tempDir()
    fs.symlinkSync('nowhere.md', path.join(dir, 'dangling.md'))
    const {code, errLines} = await lintIn(dir, ['dangling.md'])
    expect(code).toBe(2)
    expect(errLines).toEqual(['clauselint: path "dangling.md" does not exist'])
  })
})

describe('a 200 MB file', () => {
  it('refused by the default limit with a clear --max-file-size message, without reading it', async () => {
    const dir = tempDir({'good.md': SKELETON})
    fs.writeFileSync(path.join(dir, 'huge.md'), '')
    fs.truncateSync(path.join(dir, 'huge.md'), 200 * 1024 * 1024)
    const started = process.cpuUsage()
    const {code, stdout, errLines} = await lintIn(dir, ['huge.md', 'good.md'])
    expect(cpuMs(started), 'CPU time of this process (load from other processes does not count)').toBeLessThan(5_000)
    expect(errLines).toEqual(['clauselint: huge.md is 200 MB, over the 10 MB limit (raise it with --max-file-size); reported as fatal', 'clauselint: 1 file could not be linted (see the fatal error in the report)'])
    expect(stdout.split('\n')[0]).toBe('good.md')
    expect(stdout).toMatch(/^huge\.md\n.*File is 200 MB, over the 10 MB limit/m)
    expect(code).toBe(2)
    // alone: the same line, then the run fails
    const alone = await lintIn(dir, ['huge.md'])
    expect(alone.errLines).toEqual(['clauselint: huge.md is 200 MB, over the 10 MB limit (raise it with --max-file-size); reported as fatal', 'clauselint: no file could be linted'])
    expect(alone.code).toBe(2)
  })

  it('with the limit raised past it, a sparse (all-NUL) 200 MB file is read and rejected as binary, quickly', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'huge.md'), '')
    fs.truncateSync(path.join(dir, 'huge.md'), 200 * 1024 * 1024)
    const started = process.cpuUsage()
    const {code, errLines} = await lintIn(dir, ['--max-file-size', '1GB', 'huge.md'])
    expect(cpuMs(started), 'CPU time of this process (load from other processes does not count)').toBeLessThan(20_000)
    expect(errLines).toEqual(['clauselint: huge.md is a binary file, not Markdown text; reported as fatal', 'clauselint: no file could be linted'])
    expect(code).toBe(2)
  }, 300_000)
})

describe('awkward names', () => {
  it('names with spaces, Unicode (NFC and NFD), emoji, quotes and a leading dash', async () => {
    const names = ['Vertrag für Müller.md', 'Vertrag fu\u0308r Mu\u0308ller.md', 'contrat 🙂 « final ».md', "O'Brien \"draft\".md", '-rf.md', 'עסקה.md']
    const dir = tempDir(Object.fromEntries(names.map((n) => [n, CLEAN])))
    // "--" ends the options, so "-rf.md" is a file
    const {code, stdout, stderr} = await lintIn(dir, ['--profile', 'language', '--format', 'json', '--', ...names])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(filePaths(stdout).sort()).toEqual([...names].sort())
    const walked = await lintIn(dir, ['--profile', 'language', '--format', 'json', '.'])
    expect(filePaths(walked.stdout).sort()).toEqual([...names].sort())
  })

  it('a name with a newline and a tab in it is reported exactly in JSON', async () => {
    const name = 'two\nlines\tand tab.md'
    const dir = tempDir({[name]: CLEAN})
    const {code, stdout} = await lintIn(dir, ['--profile', 'language', '--format', 'json', name])
    expect(code).toBe(0)
    expect(filePaths(stdout)).toEqual([name])
  })
})

describe('the built bin writing into a pipe that closes early', () => {
  const bin = path.join(root, 'bin', 'clauselint.js')
  const built = fs.existsSync(path.join(root, 'dist', 'src', 'cli.js'))

  // Output far larger than a pipe buffer (64 KB), so the writes hit EPIPE after the reader is gone.
  function bigCorpus(): string {
    const text = `${SKELETON}\n${'The Provider will respond promptly and use best efforts. Fees are TBD. '.repeat(40)}\n`
    return tempDir(Object.fromEntries(Array.from({length: 60}, (_, i) => [`agreement-${String(i).padStart(2, '0')}.md`, text])))
  }

  /** Spawn the bin, read the first chunk of stdout, then close the read end. */
  function readThenClose(args: readonly string[], cwd: string): Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string; got: number}> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], {cwd, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, FORCE_COLOR: '0'}})
      let stderr = ''
      let got = 0
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.stdout.once('data', (d: Buffer) => {
        got = d.length
        child.stdout.destroy()
      })
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
      child.on('error', reject)
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        resolve({code, signal, stderr, got})
      })
    })
  }

  for (const format of ['json', 'stylish']) {
    it.skipIf(!built)(`--format ${format}: ends quietly, no stack trace, not killed, inputs untouched`, async () => {
      const dir = bigCorpus()
      const before = snapshot(dir)
      const r = await readThenClose(['--format', format, '.'], dir)
      expect(r.got).toBeGreaterThan(0)
      expect(r.stderr).toBe('')
      expect(r.signal).toBeNull()
      expect([0, 1]).toContain(r.code)
      expect(snapshot(dir)).toEqual(before)
    }, 300_000)
  }
})

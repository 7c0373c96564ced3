// End-to-end tests of the command line: in-process through run(argv, io), and a few through the built bin.
// Every bad input is created in its own temp dir; no run may print a stack trace or touch its input files.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {permissionTests, runCli, runLocked, tempDirs, type Ran, type RunOptions} from './helpers.js'
import {rules} from '../rules/index.js'
import {run} from '../src/cli.js'
import {buildDocument} from '../src/document.js'
import {runRules} from '../src/engine.js'
import type {AnyRule} from '../src/rule.js'
import type {LintResult} from '../src/types.js'

/** CPU milliseconds this process spent since `since` (wall time would count other processes on a busy machine). */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

const root = path.join(import.meta.dirname, '..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
const ANSI = /\u001b\[[0-9;]*m/
const STACK = /^\s+at /m

// Texts for temp files. Most input tests use `--profile language` so they do not depend on the clause heuristics.
/** No findings under `--profile language`. */
const CLEAN = '# Support\n\nThe provider answers calls within 1 hour, Monday to Friday, 08:00 to 18:00 UK time.\n'
/** Exactly one warning (a placeholder) under `--profile language`. */
const ONE_WARNING = '# Fees\n\nThe monthly fee is TBD.\n'
/** Under the msa profile: every clause missing (errors), plus the placeholder warning. */
// An MSA by its title, so the default (auto) profile runs the clause rules on it
const SKELETON = '# Managed Services Agreement\n\nThe monthly fee is TBD.\n'

/** Run the CLI in-process. Every run is checked for stack traces, on stderr and stdout. */
const cli = (argv: readonly string[], options: RunOptions = {}): Promise<Ran> => runCli(argv, {...options, checkStdout: true})

/** Every entry below dir (symlinks not followed): type, size, mtime and a content hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name)
      const s = fs.lstatSync(full)
      const rel = path.relative(dir, full)
      if (s.isSymbolicLink()) out[rel] = `link:${fs.readlinkSync(full)}`
      else if (s.isDirectory()) {
        out[rel] = 'dir'
        walk(full)
      } else {
        let hash = 'unread'
        if (s.size < 2 * 1024 * 1024) {
          try {
            hash = createHash('sha1').update(fs.readFileSync(full)).digest('hex')
          } catch {
            // unreadable (chmod 000): size and mtime still compared
          }
        }
        out[rel] = `file:${s.size}:${s.mtimeMs}:${s.mode}:${hash}`
      }
    }
  }
  walk(dir)
  return out
}

/** Run the CLI with cwd = dir, and check that nothing below dir was written, created or removed. */
async function lintIn(dir: string, argv: readonly string[], options: Omit<RunOptions, 'cwd'> = {}): Promise<Ran> {
  const before = snapshot(dir)
  const ran = await cli(argv, {...options, cwd: dir})
  expect(snapshot(dir), 'input files untouched').toEqual(before)
  return ran
}

/** A fresh temp dir with the given files (path → text or bytes). */
const tempDir = tempDirs('cli')


/** The closing line of a run where one file could not be linted. */
const FATAL_CLOSING = 'clauselint: 1 file could not be linted (see the fatal error in the report)'

/** The fatal message of a file in a JSON report (its result must be marked fatal). */
function fatalOf(json: string, file: string): string | undefined {
  const result = (JSON.parse(json) as LintResult[]).find((r) => r.filePath === file)
  expect(result?.fatal, `${file} is fatal`).toBe(true)
  expect(result?.messages.map((m) => m.ruleId)).toEqual(['fatal'])
  return result?.messages[0]?.message
}

function filePaths(json: string): string[] {
  return (JSON.parse(json) as Array<{filePath: string}>).map((r) => r.filePath)
}

describe('output and options', () => {
  it('lints the sample agreement with the stylish reporter: exit 0 and a summary line', async () => {
    const {code, stdout, stderr} = await cli(['fixtures/agreements/sample-msa.md'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout.endsWith('\n')).toBe(true)
    // Exit 0 needs no errors; the sample may carry a few warnings (vague wording) while the rules are tuned.
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^[✔⚠] 0 errors, \d+ warnings?(?:, \d+ info)? \(\d+ clauses checked: \d+ present, \d+ vague, 0 missing(?:, \d+ delegated)?\)$/)
    expect(stdout).not.toMatch(ANSI)
  })

  it('exits 1 on a file with errors and lists them under the file name', async () => {
    const dir = tempDir({'draft.md': SKELETON})
    const {code, stdout, stderr} = await lintIn(dir, ['draft.md'])
    expect(stderr).toBe('')
    expect(code).toBe(1)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('draft.md')
    expect(stdout).toMatch(/^ {2}\d+:\d+ +error +Missing response times/m)
    expect(stdout).toMatch(/^ {2}3:\d+ +warning +Unfilled placeholder "TBD"/m)
    expect(lines.at(-1)).toMatch(/^✖ \d+ errors, 1 warning \(\d+ clauses checked: 0 present, 0 vague, \d+ missing\)$/)
  })

  it('--format json prints the documented shape', async () => {
    const dir = tempDir({'a.md': SKELETON, 'b.md': CLEAN})
    const {code, stdout, stderr} = await lintIn(dir, ['--format', 'json', '.'])
    expect(stderr).toBe('')
    expect(code).toBe(1)
    const results = JSON.parse(stdout) as Array<Record<string, unknown>>
    expect(Array.isArray(results)).toBe(true)
    expect(results.map((r) => r['filePath'])).toEqual(['a.md', 'b.md'])
    const ids = new Set(rules.map((r) => r.meta.id))
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(['coverage', 'errorCount', 'filePath', 'infoCount', 'messages', 'profile', 'warningCount'])
      const messages = result['messages'] as Array<Record<string, unknown>>
      for (const m of messages) {
        const base = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'sectionPath']
        // the existing fields in their order, then the rule's page (every built-in rule has one)
        expect(Object.keys(m)).toEqual('outcome' in m ? [...base, 'outcome', 'url'] : [...base, 'url'])
        expect(m['url']).toMatch(new RegExp(`^(?:https|file):.*/docs/rules/${m['ruleId'] as string}\\.md$`))
        expect(ids.has(m['ruleId'] as string)).toBe(true)
        expect(['error', 'warning', 'info']).toContain(m['severity'])
        expect(typeof m['message']).toBe('string')
        for (const k of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(m[k]) && (m[k] as number) >= 1, k).toBe(true)
        expect(Array.isArray(m['sectionPath'])).toBe(true)
        if ('outcome' in m) expect(['present', 'vague', 'missing', 'delegated']).toContain(m['outcome'])
      }
      expect(result['errorCount']).toBe(messages.filter((m) => m['severity'] === 'error').length)
      expect(result['warningCount']).toBe(messages.filter((m) => m['severity'] === 'warning').length)
      expect(result['infoCount']).toBe(messages.filter((m) => m['severity'] === 'info').length)
    }
    const first = (results[0]!['messages'] as Array<Record<string, unknown>>).find((m) => m['ruleId'] === 'response-times')
    expect(first).toMatchObject({severity: 'error', outcome: 'missing'})
  })

  it('--quiet shows errors only (and keeps the exit code)', async () => {
    const dir = tempDir({'draft.md': SKELETON, 'fees.md': ONE_WARNING})
    const errorsAndWarning = await lintIn(dir, ['--quiet', 'draft.md'])
    expect(errorsAndWarning.code).toBe(1)
    expect(errorsAndWarning.stdout).toContain(' error ')
    expect(errorsAndWarning.stdout).not.toContain('Unfilled placeholder')
    const json = await lintIn(dir, ['-q', '--format', 'json', 'draft.md'])
    const messages = (JSON.parse(json.stdout) as Array<{messages: Array<{severity: string}>; warningCount: number}>)[0]!
    expect(messages.messages.length).toBeGreaterThan(0)
    expect(messages.messages.every((m) => m.severity === 'error')).toBe(true)
    expect(messages.warningCount).toBe(0)
    const warningsOnly = await lintIn(dir, ['--quiet', '--profile', 'language', 'fees.md'])
    expect(warningsOnly.code).toBe(0)
    expect(warningsOnly.stdout).toBe('✔ 0 errors, 0 warnings\n')
  })

  it('--max-warnings: exit 1 when exceeded, 0 otherwise', async () => {
    const dir = tempDir({'fees.md': ONE_WARNING, 'draft.md': SKELETON})
    const exceeded = await lintIn(dir, ['--profile', 'language', '--max-warnings', '0', 'fees.md'])
    expect(exceeded.code).toBe(1)
    expect(exceeded.errLines).toEqual(['clauselint: 1 warning exceeds --max-warnings 0'])
    const within = await lintIn(dir, ['--profile', 'language', '--max-warnings', '1', 'fees.md'])
    expect(within.code).toBe(0)
    expect(within.stderr).toBe('')
    const unlimited = await lintIn(dir, ['--profile', 'language', 'fees.md'])
    expect(unlimited.code).toBe(0)
    const errors = await lintIn(dir, ['--max-warnings', '10', 'draft.md'])
    expect(errors.code).toBe(1)
  })

  it('--version and -v print the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const {code, stdout, stderr} = await cli([flag])
      expect([code, stdout, stderr]).toEqual([0, `${pkg.version}\n`, ''])
    }
  })

  it('--help and -h print usage with the formats and profiles', async () => {
    for (const flag of ['--help', '-h']) {
      const {code, stdout, stderr} = await cli([flag, '--format', 'nope'])
      expect(code).toBe(0)
      expect(stderr).toBe('')
      expect(stdout).toMatch(/^Usage: clauselint /)
      expect(stdout).toContain('stylish, json')
      expect(stdout).toContain('msa, sla, agreement, language')
      expect(stdout).toContain('--max-file-size')
    }
  })

  it.each([
    [['--bogus'], /^clauselint: unknown option '--bogus'; see --help$/],
    [['-z'], /^clauselint: unknown option '-z'; see --help$/],
    [['--format'], /^clauselint: --format needs a value; see --help$/],
    [['x.md', '-o'], /^clauselint: --output-file needs a value; see --help$/],
    [['--print-config'], /^clauselint: --print-config needs a value; see --help$/],
    [['--profle', 'msa', 'x.md'], /^clauselint: unknown option '--profle'; did you mean "--profile"\?$/],
    [['--no-colour', 'x.md'], /^clauselint: unknown option '--no-colour'; did you mean "--no-color"\?$/],
    [['--format', 'xml', 'x.md'], /^clauselint: unknown format "xml"; did you mean "html"\? \(formats: stylish, json\b/],
    [['--format', 'pdf-document', 'x.md'], /^clauselint: unknown format "pdf-document"; use one of stylish, json\b/],
    [['--profile', 'contract', 'x.md'], /^clauselint: unknown profile "contract"; use one of auto, msa, sla, agreement, language$/],
    [['--profile', 'msaa', 'x.md'], /^clauselint: unknown profile "msaa"; did you mean "msa"\? \(profiles: auto, msa, sla, agreement, language\)$/],
    [['--profile', 'msa+slaa', 'x.md'], /^clauselint: unknown profile "slaa"; did you mean "sla"\? \(profiles: auto, msa, sla, agreement, language\)$/],
    [['--profile', 'msa+contract', 'x.md'], /^clauselint: unknown profile "contract"; use one of auto, msa, sla, agreement, language, or several of msa, sla, agreement, language as a list$/],
    [['--max-warnings', 'many', 'x.md'], /^clauselint: --max-warnings needs a whole number \(or -1 for no limit\), got "many"$/],
    [['--max-warnings', '-2', 'x.md'], /^clauselint: --max-warnings needs a whole number \(or -1 for no limit\), got "-2"$/],
    [['--max-file-size', 'huge', 'x.md'], /^clauselint: --max-file-size needs a size such as 10MB or 500KB, got "huge"$/],
    [['--max-file-size', '0', 'x.md'], /^clauselint: --max-file-size needs a size/],
  ])('%j is a usage error: exit 2, one line on stderr, nothing on stdout', async (argv, message) => {
    const {code, stdout, errLines} = await cli(argv)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(errLines).toHaveLength(1)
    expect(errLines[0]).toMatch(message)
  })
})

describe('inputs', () => {
  it('a path that does not exist: exit 2, one line naming it', async () => {
    const dir = tempDir({'real.md': CLEAN})
    const {code, stdout, errLines} = await lintIn(dir, ['no-such-agreement.md'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(errLines).toEqual(['clauselint: path "no-such-agreement.md" does not exist'])
  })

  it('a directory with no Markdown: exit 2, one line naming it', async () => {
    const dir = tempDir({'docs/notes.txt': 'hello', 'docs/sub/readme.rst': 'x', 'docs/node_modules/pkg/README.md': CLEAN})
    const {code, stdout, errLines} = await lintIn(dir, ['docs'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(errLines).toEqual(['clauselint: no Markdown or Word files in directory "docs"'])
  })

  it('with no paths lints the current directory', async () => {
    const dir = tempDir({'a.md': CLEAN, 'sub/b.markdown': CLEAN})
    const {code, stdout} = await lintIn(dir, ['--profile', 'language', '--format', 'json'])
    expect(code).toBe(0)
    expect(filePaths(stdout)).toEqual(['a.md', path.join('sub', 'b.markdown')])
  })

  it('a directory: nested Markdown found, .gitignore and node_modules skipped', async () => {
    const dir = tempDir({
      'contracts/.gitignore': 'drafts/old.md\n*.tmp.md\n',
      'contracts/top.md': CLEAN,
      'contracts/notes.txt': 'not markdown',
      'contracts/drafts/old.md': ONE_WARNING,
      'contracts/drafts/new.md': CLEAN,
      'contracts/drafts/scratch.tmp.md': ONE_WARNING,
      'contracts/clients/acme/sla.markdown': CLEAN,
      'contracts/clients/acme/.gitignore': 'private/\n',
      'contracts/clients/acme/private/secret.md': ONE_WARNING,
      'contracts/clients/Beta.MD': CLEAN,
      'contracts/node_modules/some-pkg/README.md': ONE_WARNING,
      'contracts/clients/node_modules/x.md': ONE_WARNING,
    })
    const {code, stdout, stderr} = await lintIn(dir, ['--profile', 'language', '--format', 'json', 'contracts'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(filePaths(stdout)).toEqual(
      ['contracts/clients/Beta.MD', 'contracts/clients/acme/sla.markdown', 'contracts/drafts/new.md', 'contracts/top.md'].map((p) => p.split('/').join(path.sep)),
    )
  })

  it.skipIf(!permissionTests())('an unreadable file among good ones: reported as fatal, the rest linted, exit 2', async () => {
    const dir = tempDir({'good.md': CLEAN, 'locked.md': CLEAN})
    fs.chmodSync(path.join(dir, 'locked.md'), 0o000)
    const before = snapshot(dir)
    const {code, stdout, errLines} = await runLocked(dir, ['--profile', 'language', '--format', 'json', 'good.md', 'locked.md'])
    expect(snapshot(dir), 'input files untouched').toEqual(before)
    expect(code).toBe(2)
    expect(errLines).toEqual(['clauselint: locked.md cannot be read (permission denied); reported as fatal', FATAL_CLOSING])
    expect(filePaths(stdout)).toEqual(['good.md', 'locked.md'])
    expect(fatalOf(stdout, 'locked.md')).toBe('File cannot be read (permission denied)')
  })

  it.skipIf(!permissionTests())('an unreadable directory inside a directory: reported as fatal, the rest linted, exit 2', async () => {
    const dir = tempDir({'docs/good.md': CLEAN, 'docs/locked/x.md': CLEAN})
    fs.chmodSync(path.join(dir, 'docs', 'locked'), 0o000)
    const {code, stdout, errLines} = await runLocked(dir, ['--profile', 'language', '--format', 'json', 'docs'])
    fs.chmodSync(path.join(dir, 'docs', 'locked'), 0o755)
    expect(code).toBe(2)
    expect(errLines).toEqual([`clauselint: ${path.join('docs', 'locked')} cannot be read (permission denied); reported as fatal`, FATAL_CLOSING])
    expect(filePaths(stdout)).toEqual([path.join('docs', 'good.md'), path.join('docs', 'locked')])
    // a folder is called one in the report
    expect(fatalOf(stdout, path.join('docs', 'locked'))).toBe('Folder cannot be read (permission denied)')
  })

  // Each bad file, alone and among good ones. The reason is a fixed phrase after the file name.
  const latin1 = Buffer.from('# Vertrag\n\nGebühr: 100 € pro Stunde, Café Müller.\n', 'latin1')
  const badFiles: Array<[name: string, content: string | Buffer, reason: string, argv?: string[]]> = [
    ['binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'is a binary file, not Markdown text'],
    ['latin1.md', latin1, 'is not valid UTF-8 text (save it as UTF-8)'],
    ['empty.md', '', 'is empty'],
    ['blank.md', ' \n\n\t\n', 'has no text'],
    ['big.md', `# Big\n\n${'x'.repeat(3 * 1024 - 9)}\n`, 'is 3 KB, over the 1 KB limit (raise it with --max-file-size)', ['--max-file-size', '1KB']],
  ]

  it.each(badFiles)('%s alone: one fatal error naming it in the report, then exit 2 (nothing could be linted)', async (name, content, reason, argv = []) => {
    const dir = tempDir({[name]: content})
    const {code, stdout, errLines} = await lintIn(dir, [...argv, '--format', 'json', name])
    expect(code).toBe(2)
    expect(fatalOf(stdout, name)).toBe(`File ${reason}`)
    expect(errLines).toEqual([`clauselint: ${name} ${reason}; reported as fatal`, 'clauselint: no file could be linted'])
  })

  it.each(badFiles)('%s among good ones: a fatal result that fails the gate (exit 2; 1 with --skip-unreadable), the rest linted', async (name, content, reason, argv = []) => {
    const dir = tempDir({'a-clean.md': CLEAN, [name]: content, 'z-draft.md': SKELETON})
    const clean = await lintIn(dir, [...argv, '--profile', 'language', '--format', 'json', 'a-clean.md', name])
    expect(clean.errLines).toEqual([`clauselint: ${name} ${reason}; reported as fatal`, FATAL_CLOSING])
    expect(filePaths(clean.stdout)).toEqual(['a-clean.md', name])
    expect(fatalOf(clean.stdout, name)).toBe(`File ${reason}`)
    expect(clean.code).toBe(2)
    const skipping = await lintIn(dir, [...argv, '--skip-unreadable', '--profile', 'language', '--format', 'json', 'a-clean.md', name])
    expect(filePaths(skipping.stdout)).toEqual(['a-clean.md', name])
    expect(skipping.code).toBe(1)
    const failing = await lintIn(dir, [...argv, name, 'z-draft.md'])
    expect(failing.errLines).toEqual([`clauselint: ${name} ${reason}; reported as fatal`, FATAL_CLOSING])
    expect(failing.stdout).toMatch(/^z-draft\.md$/m)
    expect(failing.code).toBe(2)
    // Found by walking a directory, too: in every format
    const walked = await lintIn(dir, [...argv, '--profile', 'language', '--format', 'json', '.'])
    expect(walked.errLines).toEqual([`clauselint: ${name} ${reason}; reported as fatal`, FATAL_CLOSING])
    expect(filePaths(walked.stdout)).toEqual(['a-clean.md', 'z-draft.md', name])
    expect(walked.code).toBe(2)
    for (const format of ['sarif', 'junit', 'github', 'markdown', 'gitlab', 'stylish']) {
      const out = await lintIn(dir, [...argv, '--profile', 'language', '--format', format, '.'])
      expect(out.code, format).toBe(2)
      expect(out.stdout, format).toContain(name)
    }
  })

  it('a latin-1 file is skipped, not decoded with replacement characters', async () => {
    const dir = tempDir({'latin1.md': latin1, 'ok.md': CLEAN})
    const {stdout} = await lintIn(dir, ['--profile', 'language', '--format', 'json', 'latin1.md', 'ok.md'])
    expect(stdout).not.toContain('\uFFFD')
  })

  it('a sparse 50 MB file is refused by the default 10 MB limit without reading it', async () => {
    const dir = tempDir({'good.md': CLEAN, 'huge.md': ''})
    fs.truncateSync(path.join(dir, 'huge.md'), 50 * 1024 * 1024)
    const started = process.cpuUsage()
    const {code, stdout, errLines} = await lintIn(dir, ['--profile', 'language', '--format', 'json', 'huge.md', 'good.md'])
    expect(cpuMs(started), 'CPU time of this process (load from other processes does not count)').toBeLessThan(5000)
    expect(errLines).toEqual(['clauselint: huge.md is 50 MB, over the 10 MB limit (raise it with --max-file-size); reported as fatal', FATAL_CLOSING])
    expect(filePaths(stdout)).toEqual(['good.md', 'huge.md'])
    expect(code).toBe(2)
  })

  it('--max-file-size accepts units and raises or lowers the limit', async () => {
    const dir = tempDir({'small.md': CLEAN})
    expect((await lintIn(dir, ['--profile', 'language', '--max-file-size', '500KB', 'small.md'])).code).toBe(0)
    expect((await lintIn(dir, ['--profile', 'language', '--max-file-size', '2mb', 'small.md'])).code).toBe(0)
    const tiny = await lintIn(dir, ['--profile', 'language', '--max-file-size', '10', 'small.md'])
    expect(tiny.code).toBe(2)
    expect(tiny.errLines[0]).toMatch(/^clauselint: small\.md is \d+ B, over the 10 B limit \(raise it with --max-file-size\); reported as fatal$/)
  })

  it('a device or FIFO given as a path is reported as fatal, not read forever', async () => {
    const dir = tempDir({'ok.md': CLEAN})
    const {code, stdout, errLines} = await lintIn(dir, ['--profile', 'language', '--format', 'json', '/dev/null', 'ok.md'])
    expect(errLines).toEqual(['clauselint: /dev/null is not a regular file; reported as fatal', FATAL_CLOSING])
    expect(filePaths(stdout)).toEqual(['ok.md', '/dev/null'])
    expect(code).toBe(2)
  })

  it('a directory given where a file is expected is walked, a .md directory is not read as a file', async () => {
    const dir = tempDir({'odd.md/inner.md': CLEAN})
    const {code, stdout} = await lintIn(dir, ['--profile', 'language', '--format', 'json', '.'])
    expect(code).toBe(0)
    expect(filePaths(stdout)).toEqual([path.join('odd.md', 'inner.md')])
  })

  it('a glob: matching Markdown files are linted (node_modules skipped); a glob with no match is exit 2', async () => {
    const dir = tempDir({
      'docs/a.md': CLEAN,
      'docs/deep/b.md': ONE_WARNING,
      'docs/deep/c.txt': 'x',
      'docs/node_modules/d.md': SKELETON,
      'other/e.md': SKELETON,
    })
    const {code, stdout, stderr} = await lintIn(dir, ['--profile', 'language', '--format', 'json', 'docs/**/*.md'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(filePaths(stdout)).toEqual([path.join('docs', 'a.md'), path.join('docs', 'deep', 'b.md')])
    const none = await lintIn(dir, ['docs/**/*.markdown'])
    expect(none.code).toBe(2)
    expect(none.stdout).toBe('')
    expect(none.errLines).toEqual(['clauselint: no Markdown or Word files match "docs/**/*.markdown"'])
  })

  it('a file whose name looks like a glob is taken literally', async () => {
    const dir = tempDir({'[draft] MSA.md': ONE_WARNING, 'MSA (v2).md': CLEAN, 'other.md': ONE_WARNING})
    const {code, stdout, stderr} = await lintIn(dir, ['--profile', 'language', '--format', 'json', '[draft] MSA.md', 'MSA (v2).md'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(filePaths(stdout)).toEqual(['[draft] MSA.md', 'MSA (v2).md'])
  })

  it('an absolute path and an absolute glob', async () => {
    const dir = tempDir({'docs/a.md': CLEAN, 'docs/b.md': CLEAN})
    const elsewhere = tempDir()
    const byPath = await lintIn(dir, ['--profile', 'language', '--format', 'json', path.join(dir, 'docs', 'a.md')])
    expect(byPath.code).toBe(0)
    expect(filePaths(byPath.stdout)).toEqual([path.join(dir, 'docs', 'a.md')])
    const byGlob = await cli(['--profile', 'language', '--format', 'json', `${dir.split(path.sep).join('/')}/docs/*.md`], {cwd: elsewhere})
    expect(byGlob.stderr).toBe('')
    expect(byGlob.code).toBe(0)
    expect(filePaths(byGlob.stdout).map((p) => path.resolve(elsewhere, p))).toEqual([path.join(dir, 'docs', 'a.md'), path.join(dir, 'docs', 'b.md')])
  })

  it('a path with spaces and Unicode', async () => {
    const rel = path.join('Verträge 2024', 'Müller & Söhne — MSA (final).md')
    const dir = tempDir({[rel]: ONE_WARNING})
    const byFile = await lintIn(dir, ['--profile', 'language', rel])
    expect(byFile.stderr).toBe('')
    expect(byFile.code).toBe(0)
    expect(byFile.stdout.split('\n')[0]).toBe(rel)
    expect(byFile.stdout).toContain('Unfilled placeholder "TBD"')
    const byDir = await lintIn(dir, ['--profile', 'language', '--format', 'json', 'Verträge 2024'])
    expect(filePaths(byDir.stdout)).toEqual([rel])
    const byGlob = await lintIn(dir, ['--profile', 'language', '--format', 'json', 'Verträge 2024/*.md'])
    expect(filePaths(byGlob.stdout)).toEqual([rel])
  })

  it('a symlink loop inside a directory: the walk ends, the loop is reported as fatal, the rest is linted', async () => {
    const dir = tempDir({'contracts/ok.md': CLEAN, 'contracts/sub/inner.md': CLEAN})
    fs.symlinkSync('b.md', path.join(dir, 'contracts', 'a.md'))
    fs.symlinkSync('a.md', path.join(dir, 'contracts', 'b.md'))
    fs.symlinkSync('..', path.join(dir, 'contracts', 'sub', 'up')) // a directory cycle
    fs.symlinkSync('.', path.join(dir, 'contracts', 'self'))
    const {code, stdout, errLines} = await lintIn(dir, ['--profile', 'language', '--format', 'json', 'contracts'])
    expect(code).toBe(2)
    expect(filePaths(stdout)).toEqual([path.join('contracts', 'ok.md'), path.join('contracts', 'sub', 'inner.md'), path.join('contracts', 'a.md'), path.join('contracts', 'b.md')])
    expect(errLines).toEqual([
      `clauselint: ${path.join('contracts', 'a.md')} is a broken symbolic link or a link loop; reported as fatal`,
      `clauselint: ${path.join('contracts', 'b.md')} is a broken symbolic link or a link loop; reported as fatal`,
      'clauselint: 2 files could not be linted (see the fatal errors in the report)',
    ])
  })

  it('a symlink loop given directly among good files: reported as fatal, the rest linted', async () => {
    const dir = tempDir({'ok.md': SKELETON})
    fs.symlinkSync('loop2.md', path.join(dir, 'loop1.md'))
    fs.symlinkSync('loop1.md', path.join(dir, 'loop2.md'))
    const {code, stdout, errLines} = await lintIn(dir, ['loop1.md', 'ok.md'])
    expect(errLines).toEqual(['clauselint: loop1.md is a symbolic link loop; reported as fatal', FATAL_CLOSING])
    expect(stdout.split('\n')[0]).toBe('ok.md')
    expect(stdout).toMatch(/^loop1\.md$/m)
    expect(code).toBe(2)
  })

  it('the same file named twice is linted once', async () => {
    const dir = tempDir({'a.md': CLEAN})
    const {stdout} = await lintIn(dir, ['--profile', 'language', '--format', 'json', 'a.md', 'a.md', '.'])
    expect(filePaths(stdout)).toEqual(['a.md'])
  })
})

describe('colour', () => {
  const dir = tempDir({'draft.md': SKELETON})
  it.each([
    {env: {}, isTTY: false, argv: [], ansi: false},
    {env: {}, isTTY: true, argv: [], ansi: true},
    {env: {NO_COLOR: '1'}, isTTY: true, argv: [], ansi: false},
    {env: {NO_COLOR: ''}, isTTY: true, argv: [], ansi: true},
    {env: {FORCE_COLOR: '1'}, isTTY: false, argv: [], ansi: true},
    {env: {FORCE_COLOR: ''}, isTTY: false, argv: [], ansi: true},
    {env: {FORCE_COLOR: '0'}, isTTY: true, argv: [], ansi: false},
    {env: {FORCE_COLOR: 'false'}, isTTY: true, argv: [], ansi: false},
    {env: {FORCE_COLOR: '1', NO_COLOR: '1'}, isTTY: false, argv: [], ansi: true},
    {env: {}, isTTY: false, argv: ['--color'], ansi: true},
    {env: {FORCE_COLOR: '0', NO_COLOR: '1'}, isTTY: false, argv: ['--color'], ansi: true},
    {env: {}, isTTY: true, argv: ['--no-color'], ansi: false},
    {env: {FORCE_COLOR: '3'}, isTTY: true, argv: ['--no-color'], ansi: false},
  ])('env $env, TTY $isTTY, $argv → escapes: $ansi', async ({env, isTTY, argv, ansi}) => {
    const {code, stdout} = await lintIn(dir, [...argv, 'draft.md'], {env, isTTY})
    expect(code).toBe(1)
    expect(ANSI.test(stdout)).toBe(ansi)
    expect(stdout.replace(new RegExp(ANSI.source, 'g'), '')).toBe((await lintIn(dir, ['draft.md'])).stdout)
  })

  it('json is never coloured', async () => {
    const {stdout} = await lintIn(dir, ['--format', 'json', '--color', 'draft.md'], {env: {FORCE_COLOR: '1'}, isTTY: true})
    expect(stdout).not.toMatch(ANSI)
    expect(() => JSON.parse(stdout) as unknown).not.toThrow()
  })

  it('warnings and usage errors on stderr are plain text', async () => {
    const {stderr} = await lintIn(dir, ['--format', 'nope'], {env: {FORCE_COLOR: '1'}, isTTY: true})
    expect(stderr).not.toMatch(ANSI)
  })
})

describe('a rule that throws', () => {
  const text = '# Agreement\n\nThe fee is TBD and the start date is [DATE].\n'
  const placeholders = rules.find((r) => r.meta.id === 'no-placeholders')!

  function throwing(thrown: unknown): AnyRule {
    return {
      meta: {id: 'explodes', description: 'Always throws', category: 'language', severity: 'warning', messages: {never: 'Never reported'}},
      check() {
        throw thrown
      },
    }
  }

  it('becomes one error message for that rule; the other rule still reports', () => {
    const result = runRules(buildDocument(text, 'x.md'), {rules: [throwing(new TypeError('Cannot read properties of undefined (reading "x")\n    at check (rules/explodes.ts:3:5)')), placeholders]})
    const crashes = result.messages.filter((m) => m.ruleId === 'explodes')
    expect(crashes).toEqual([
      {
        ruleId: 'explodes',
        severity: 'error',
        message: 'Rule failed on this file: Cannot read properties of undefined (reading "x")',
        messageId: 'ruleCrash',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        sectionPath: [],
      },
    ])
    expect(crashes[0]!.message).not.toMatch(STACK)
    const others = result.messages.filter((m) => m.ruleId === 'no-placeholders')
    expect(others.map((m) => m.message)).toEqual(['Unfilled placeholder "TBD"; replace it with the agreed value', 'Unfilled placeholder "[DATE]"; replace it with the agreed value'])
    expect(result.errorCount).toBe(1)
    expect(result.warningCount).toBe(2)
  })

  it('works whatever is thrown and wherever the rule sits in the list', () => {
    const result = runRules(buildDocument(text, 'x.md'), {rules: [placeholders, throwing('a string'), throwing(undefined)]})
    expect(result.messages.filter((m) => m.ruleId === 'explodes').map((m) => m.message)).toEqual(['Rule failed on this file: a string', 'Rule failed on this file: undefined'])
    expect(result.messages.filter((m) => m.ruleId === 'no-placeholders')).toHaveLength(2)
  })

  it('a rule that reports and then throws keeps its reports and gets the crash message', () => {
    const partial: AnyRule = {
      meta: {id: 'half', description: 'Reports then throws', category: 'language', severity: 'warning', messages: {seen: 'Saw {what}'}},
      check(context) {
        context.report({messageId: 'seen', data: {what: 'the title'}})
        throw new Error('late failure')
      },
    }
    const result = runRules(buildDocument(text, 'x.md'), {rules: [partial]})
    expect(result.messages.map((m) => `${m.severity}: ${m.message}`).sort()).toEqual(['error: Rule failed on this file: late failure', 'warning: Saw the title'])
  })
})

describe('the built bin', () => {
  // The command built from the sources in a copy of its own: `npm run build` rewrites dist/ file by file, and other
  // test files that run at the same time start the command from the repository's dist/
  const built = tempDir()
  const bin = path.join(built, 'bin', 'clauselint.js')
  let build: ReturnType<typeof spawnSync>

  beforeAll(() => {
    for (const part of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'src', 'rules', 'scripts', 'schema', 'docs']) fs.cpSync(path.join(root, part), path.join(built, part), {recursive: true})
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(built, 'node_modules'), 'dir')
    build = spawnSync('npm', ['run', 'build'], {cwd: built, encoding: 'utf8', timeout: 600_000})
  }, 660_000)

  function node(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}) {
    const env: Record<string, string | undefined> = {...process.env, ...options.env}
    delete env['FORCE_COLOR']
    delete env['NO_COLOR']
    Object.assign(env, options.env)
    // the JSON report of the whole fixtures/agreements folder is over 1 MiB, spawnSync's default buffer
    const r = spawnSync(process.execPath, [bin, ...args], {cwd: options.cwd ?? root, encoding: 'utf8', timeout: 240_000, env, maxBuffer: 64 * 1024 * 1024})
    expect(r.error, 'the bin ran within the timeout').toBeUndefined()
    expect(r.stderr, 'no stack trace').not.toMatch(STACK)
    return r
  }

  it('worker threads run under node options a worker refuses (node --max-semi-space-size=16 clauselint --concurrency 2)', () => {
    const plain = node(['--format', 'json', '--concurrency', 'off', 'fixtures/agreements'])
    const r = spawnSync(process.execPath, ['--max-semi-space-size=16', '--max-old-space-size=2048', bin, '--format', 'json', '--concurrency', '2', 'fixtures/agreements'], {cwd: root, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(plain.status)
    expect(r.stdout).toBe(plain.stdout)
  }, 300_000)

  it('--concurrency off and 2 over 200 files (each run again under single-threaded garbage collection) report the same', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-one-cpu-'))
    try {
      for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, `n${i}.md`), `# Note ${i}\n\nThe provider answers calls within 4 hours.\n`)
      const threads = node(['--format', 'json', '--concurrency', '2', '.'], {cwd: dir})
      const one = node(['--format', 'json', '--concurrency', 'off', '.'], {cwd: dir})
      expect((JSON.parse(one.stdout) as unknown[]).length).toBe(200)
      expect(one.stderr).toBe(threads.stderr)
      expect(one.status).toBe(threads.status)
      expect(one.stdout).toBe(threads.stdout)
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  }, 300_000)

  it('npm run build succeeds', () => {
    expect(build.error).toBeUndefined()
    expect(`${build.stdout}${build.stderr}`.match(/error TS\d+.*/g) ?? []).toEqual([])
    expect(build.status).toBe(0)
    expect(fs.existsSync(path.join(built, 'dist', 'src', 'cli.js'))).toBe(true)
    expect(fs.existsSync(path.join(built, 'dist', 'bundle', 'cli.cjs'))).toBe(true)
  })

  it('lints the sample agreement: exit 0, summary line, no colour when piped', () => {
    const r = node(['fixtures/agreements/sample-msa.md'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^[✔⚠] 0 errors, .* clauses checked/m)
    expect(r.stdout).not.toMatch(ANSI)
  })

  it('exit 1 with findings, JSON on stdout, colour when FORCE_COLOR is set', () => {
    const dir = tempDir({'draft.md': SKELETON})
    const json = node(['--format', 'json', 'draft.md'], {cwd: dir})
    expect(json.status).toBe(1)
    expect(filePaths(json.stdout)).toEqual(['draft.md'])
    const coloured = node(['draft.md'], {cwd: dir, env: {FORCE_COLOR: '1'}})
    expect(coloured.status).toBe(1)
    expect(coloured.stdout).toMatch(ANSI)
  })

  it('--version, and a bad path gives exit 2 with one line', () => {
    const v = node(['--version'])
    expect([v.status, v.stdout]).toEqual([0, `${pkg.version}\n`])
    const dir = tempDir({'bin.md': Buffer.from([0, 1, 2, 3]), 'ok.md': CLEAN})
    const missing = node(['missing.md'], {cwd: dir})
    expect(missing.status).toBe(2)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toBe('clauselint: path "missing.md" does not exist\n')
    const mixed = node(['--profile', 'language', 'bin.md', 'ok.md'], {cwd: dir})
    expect(mixed.status).toBe(2)
    expect(mixed.stderr).toBe(`clauselint: bin.md is a binary file, not Markdown text; reported as fatal\n${FATAL_CLOSING}\n`)
    const skipping = node(['--profile', 'language', '--skip-unreadable', 'bin.md', 'ok.md'], {cwd: dir})
    expect(skipping.status).toBe(1)
  })

  it('a closed pipe ends quietly', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --format json fixtures/agreements | head -c 100 >/dev/null`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    })
    expect(r.error).toBeUndefined()
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
  })
})

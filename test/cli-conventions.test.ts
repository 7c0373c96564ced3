// Command-line conventions users of ESLint expect: .gitignore above a linted folder, --ignore-pattern, "!" arguments,
// --rule, --max-warnings -1, "-" for standard input, "did you mean" for a format, an --output-file folder created.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs, type RunOptions} from './helpers.js'
import {article} from '../src/lsp/actions.js'

const tempDir = tempDirs('conventions')
const cli = (argv: readonly string[], options: RunOptions = {}) => runCli(argv, {...options, checkStdout: true})
/** One warning (a placeholder) under --profile language. */
const ONE_WARNING = '# Fees\n\nThe monthly fee is TBD.\n'
const CLEAN = '# Support\n\nThe provider answers calls within 1 hour, Monday to Friday, 08:00 to 18:00 UK time.\n'

/** The files a JSON report names. */
const linted = (stdout: string): string[] => (JSON.parse(stdout) as Array<{filePath: string}>).map((r) => r.filePath).sort()

describe('.gitignore files above the linted folder', () => {
  it('the repository root .gitignore applies when a subfolder is linted, as git reads it', () => {
    const dir = tempDir({
      '.gitignore': 'contracts/archive/\n*.draft.md\n',
      'contracts/a.md': ONE_WARNING,
      'contracts/b.draft.md': ONE_WARNING,
      'contracts/archive/old.md': ONE_WARNING,
      // a deeper .gitignore re-includes what the root one ignores: the deeper file wins, as in git
      'contracts/keep/.gitignore': '!*.draft.md\n',
      'contracts/keep/c.draft.md': ONE_WARNING,
    })
    execFileSync('git', ['init', '-q'], {cwd: dir})
    const gitSays = execFileSync('git', ['ls-files', '--others', '--exclude-standard', 'contracts'], {cwd: dir, encoding: 'utf8'})
      .split('\n')
      .filter((f) => f.endsWith('.md'))
      .sort()
    return Promise.all([cli(['-f', 'json', '--profile', 'language', 'contracts'], {cwd: dir}), cli(['-f', 'json', '--profile', 'language', 'keep'], {cwd: path.join(dir, 'contracts')})]).then(([fromRoot, fromSub]) => {
      expect(linted(fromRoot.stdout)).toEqual(['contracts/a.md', 'contracts/keep/c.draft.md'])
      expect(linted(fromRoot.stdout)).toEqual(gitSays)
      // run from inside the subfolder: the repository root is still found
      expect(linted(fromSub.stdout)).toEqual(['keep/c.draft.md'])
    })
  })

  it('outside a git repository, .gitignore files up to the current folder apply', async () => {
    const dir = tempDir({'.gitignore': 'drafts/\n', 'contracts/a.md': ONE_WARNING, 'contracts/drafts/x.md': ONE_WARNING})
    const ran = await cli(['-f', 'json', '--profile', 'language', 'contracts'], {cwd: dir})
    expect(linted(ran.stdout)).toEqual(['contracts/a.md'])
  })
})

describe('--no-ignore switches off every ignore source in a folder walk', () => {
  const files = {
    '.gitignore': 'contracts/archive/\n*.draft.md\n',
    'contracts/.clauselintrc.yaml': 'ignorePatterns: [old/]\n',
    'contracts/a.md': ONE_WARNING,
    'contracts/b.draft.md': ONE_WARNING,
    'contracts/archive/x.md': ONE_WARNING,
    'contracts/keep/.gitignore': 'private.md\n',
    'contracts/keep/private.md': ONE_WARNING,
    'contracts/old/y.md': ONE_WARNING,
    'contracts/cut/z.md': ONE_WARNING,
    'contracts/node_modules/pkg/readme.md': ONE_WARNING,
  }
  const everything = ['contracts/a.md', 'contracts/archive/x.md', 'contracts/b.draft.md', 'contracts/cut/z.md', 'contracts/keep/private.md', 'contracts/old/y.md']

  it('.gitignore above and in the folder, ignorePatterns, --ignore-pattern and "!": each skips without the flag, none with it', async () => {
    const dir = tempDir(files)
    execFileSync('git', ['init', '-q'], {cwd: dir})
    const args = ['-f', 'json', '--profile', 'language', '--ignore-pattern', 'contracts/cut/', 'contracts', '!contracts/a.md']
    // without the flag every file is skipped by one source or another: nothing is left to lint
    const without = await cli(args, {cwd: dir})
    expect(without.code).toBe(2)
    expect(without.errLines).toEqual(['clauselint: every file is matched by ignorePatterns in config (1 file)'])
    const withFlag = await cli(['--no-ignore', ...args], {cwd: dir})
    expect(withFlag.code).toBe(0)
    expect(withFlag.stderr).toBe('')
    expect(linted(withFlag.stdout)).toEqual(everything)
    // each source alone, without the flag: it is what skipped its file
    expect(linted((await cli(['-f', 'json', '--profile', 'language', 'contracts'], {cwd: dir})).stdout)).toEqual(['contracts/a.md', 'contracts/cut/z.md'])
  })

  it('outside a repository too; a file git tracks that a .gitignore matches is linted without the "tracked by git" warning', async () => {
    const dir = tempDir({'.gitignore': 'drafts/\n', 'contracts/a.md': ONE_WARNING, 'contracts/drafts/x.md': ONE_WARNING})
    expect(linted((await cli(['-f', 'json', '--profile', 'language', '--no-ignore', 'contracts'], {cwd: dir})).stdout)).toEqual(['contracts/a.md', 'contracts/drafts/x.md'])
    execFileSync('git', ['init', '-q'], {cwd: dir})
    execFileSync('git', ['add', '-f', 'contracts'], {cwd: dir})
    const tracked = await cli(['-f', 'json', '--profile', 'language', 'contracts'], {cwd: dir})
    expect(tracked.errLines).toEqual([`clauselint: warning: ${path.join('contracts', 'drafts', 'x.md')} is matched by a .gitignore but tracked by git; linted`])
    const flagged = await cli(['-f', 'json', '--profile', 'language', '--no-ignore', 'contracts'], {cwd: dir})
    expect(flagged.stderr).toBe('')
    expect(linted(flagged.stdout)).toEqual(linted(tracked.stdout))
  })

  it('look-alike: node_modules is still not walked with --no-ignore (it holds no agreements); a file in it named on the command line is linted', async () => {
    const dir = tempDir(files)
    const ran = await cli(['-f', 'json', '--profile', 'language', '--no-ignore', 'contracts'], {cwd: dir})
    expect(linted(ran.stdout)).not.toContain('contracts/node_modules/pkg/readme.md')
    const named = await cli(['-f', 'json', '--profile', 'language', '--no-ignore', 'contracts/node_modules/pkg/readme.md'], {cwd: dir})
    expect(linted(named.stdout)).toEqual(['contracts/node_modules/pkg/readme.md'])
  })
})

describe('--ignore-pattern and "!" arguments', () => {
  const files = {'contracts/a.md': ONE_WARNING, 'contracts/archive/old.md': ONE_WARNING, 'contracts/archive/keep.md': ONE_WARNING}

  it('--ignore-pattern skips matching files (.gitignore syntax, repeatable)', async () => {
    const dir = tempDir(files)
    const ran = await cli(['-f', 'json', '--profile', 'language', '--ignore-pattern', 'archive/', 'contracts'], {cwd: dir})
    expect(linted(ran.stdout)).toEqual(['contracts/a.md'])
    const two = await cli(['-f', 'json', '--profile', 'language', '--ignore-pattern', '**/archive/*', '--ignore-pattern', '!keep.md', 'contracts'], {cwd: dir})
    expect(linted(two.stdout)).toEqual(['contracts/a.md', 'contracts/archive/keep.md'])
  })

  it('a "!pattern" argument excludes; with no other path the current folder is linted', async () => {
    const dir = tempDir(files)
    expect(linted((await cli(['-f', 'json', '--profile', 'language', 'contracts', '!contracts/archive/old.md'], {cwd: dir})).stdout)).toEqual(['contracts/a.md', 'contracts/archive/keep.md'])
    expect(linted((await cli(['-f', 'json', '--profile', 'language', '!**/archive/**'], {cwd: dir})).stdout)).toEqual(['contracts/a.md'])
  })

  it('a file whose name starts with "!" is linted as named', async () => {
    const dir = tempDir({'!draft.md': ONE_WARNING})
    expect(linted((await cli(['-f', 'json', '--profile', 'language', '!draft.md'], {cwd: dir})).stdout)).toEqual(['!draft.md'])
  })

  it('every file excluded: exit 2, one line', async () => {
    const dir = tempDir(files)
    const ran = await cli(['--ignore-pattern', '*.md', 'contracts'], {cwd: dir})
    expect(ran.code).toBe(2)
    expect(ran.errLines).toEqual(['clauselint: every file is matched by --ignore-pattern or a "!" pattern (3 files)'])
  })
})

describe('a file named on the command line that an ignore pattern matches (as ESLint)', () => {
  const IGNORED = 'File ignored because of a matching ignore pattern. Use --no-ignore to override.'
  const files = {'.clauselintrc.yaml': 'ignorePatterns: [drafts/]\n', 'drafts/x.md': ONE_WARNING, 'clean.md': CLEAN, 'fees.md': ONE_WARNING}
  type Entry = {filePath: string; messages: Array<{ruleId: string; severity: string; message: string}>; errorCount: number; warningCount: number}

  it('ignorePatterns in config: not linted, one warning naming it; the run exits by the other findings (0 here)', async () => {
    const dir = tempDir(files)
    const ran = await cli(['-f', 'json', '--profile', 'language', 'drafts/x.md', 'clean.md'], {cwd: dir})
    expect(ran.code).toBe(0)
    expect(ran.stderr).toBe('')
    const report = JSON.parse(ran.stdout) as Entry[]
    const ignored = report.find((r) => r.filePath === 'drafts/x.md')!
    expect(ignored.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([['ignored', 'warning', IGNORED]])
    expect([ignored.errorCount, ignored.warningCount]).toEqual([0, 1])
    expect(report.find((r) => r.filePath === 'clean.md')!.messages).toEqual([])
    // alone, in the stylish report
    const alone = await cli(['--profile', 'language', 'drafts/x.md'], {cwd: dir})
    expect(alone.code).toBe(0)
    expect(alone.stdout).toContain(`warning  ${IGNORED}`)
    expect(alone.stdout).toMatch(/0 errors, 1 warning\b/)
  })

  it('counts as a warning: --max-warnings 0 fails on it; errors elsewhere still give 1', async () => {
    const dir = tempDir({...files, '.clauselintrc.yaml': 'ignorePatterns: [drafts/]\nrules: {no-placeholders: error}\n'})
    expect((await cli(['--profile', 'language', '--max-warnings', '0', 'drafts/x.md'], {cwd: dir})).code).toBe(1)
    expect((await cli(['--profile', 'language', 'drafts/x.md', 'fees.md'], {cwd: dir})).code).toBe(1)
  })

  it('--ignore-pattern and a "!" argument too; --no-ignore lints the file', async () => {
    const dir = tempDir(files)
    for (const args of [['--ignore-pattern', 'fees.md', 'fees.md'], ['fees.md', '!fees.md']]) {
      const ran = await cli(['-f', 'json', '--profile', 'language', '--no-config', ...args], {cwd: dir})
      expect(ran.code, args.join(' ')).toBe(0)
      expect((JSON.parse(ran.stdout) as Entry[]).map((r) => [r.filePath, r.messages.map((m) => m.ruleId)])).toEqual([['fees.md', ['ignored']]])
    }
    const linted = await cli(['-f', 'json', '--profile', 'language', '--no-ignore', '--ignore-pattern', 'fees.md', 'drafts/x.md', 'fees.md'], {cwd: dir})
    expect((JSON.parse(linted.stdout) as Entry[]).map((r) => [r.filePath, r.messages.map((m) => m.ruleId)])).toEqual([
      ['drafts/x.md', ['no-placeholders']],
      ['fees.md', ['no-placeholders']],
    ])
  })

  it('standard input named by --stdin-filename that an ignore pattern matches: the same warning', async () => {
    const dir = tempDir(files)
    const ran = await cli(['-f', 'json', '--profile', 'language', '--stdin', '--stdin-filename', 'drafts/y.md'], {cwd: dir, stdin: ONE_WARNING})
    expect(ran.code).toBe(0)
    expect((JSON.parse(ran.stdout) as Entry[]).map((r) => [r.filePath, r.messages.map((m) => m.message)])).toEqual([['drafts/y.md', [IGNORED]]])
  })

  it('look-alikes: a file found in a folder or by a glob is skipped without a word; a named file that does not exist is still exit 2', async () => {
    const dir = tempDir(files)
    const walked = await cli(['-f', 'json', '--profile', 'language', '.', '*.md', 'drafts/*.md'], {cwd: dir})
    expect(walked.code).toBe(0)
    expect(linted(walked.stdout)).toEqual(['clean.md', 'fees.md'])
    const missing = await cli(['--profile', 'language', 'drafts/x.md', 'nope.md'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(missing.errLines).toContain('clauselint: path "nope.md" does not exist')
  })
})

describe('--rule id:severity', () => {
  it('changes a severity over the config files; front matter still wins', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'rules:\n  no-placeholders: error\n', 'fees.md': ONE_WARNING, 'fm.md': `---\nclauselint:\n  rules:\n    no-placeholders: warn\n---\n${ONE_WARNING}`})
    const base = await cli(['-f', 'json', '--profile', 'language', 'fees.md'], {cwd: dir})
    expect(JSON.parse(base.stdout)[0].messages[0].severity).toBe('error')
    const off = await cli(['-f', 'json', '--profile', 'language', '--rule', 'no-placeholders:off', 'fees.md'], {cwd: dir})
    expect(off.code).toBe(0)
    expect(JSON.parse(off.stdout)[0].messages).toEqual([])
    const info = await cli(['-f', 'json', '--profile', 'language', '--rule', 'no-vague-terms:off, no-placeholders:info', 'fees.md'], {cwd: dir})
    expect(JSON.parse(info.stdout)[0].messages.map((m: {severity: string}) => m.severity)).toEqual(['info'])
    const fm = await cli(['-f', 'json', '--profile', 'language', '--rule', 'no-placeholders:error', 'fm.md'], {cwd: dir})
    expect(JSON.parse(fm.stdout)[0].messages[0].severity).toBe('warning')
  })

  it('takes ESLint\'s 0, 1 and 2 and the word "warning" as well', async () => {
    // the config raises the rule to error, so that 1 and "warning" are seen to lower it
    const dir = tempDir({'.clauselintrc.yaml': 'rules:\n  no-placeholders: error\n', 'fees.md': ONE_WARNING})
    const severity = async (spec: string): Promise<string[]> => {
      const r = await cli(['-f', 'json', '--profile', 'language', '--rule', spec, 'fees.md'], {cwd: dir})
      expect(r.stderr, spec).toBe('')
      return (JSON.parse(r.stdout) as Array<{messages: Array<{severity: string}>}>)[0]!.messages.map((m) => m.severity)
    }
    expect(await severity('no-placeholders:2')).toEqual(['error'])
    expect(await severity('no-placeholders:1')).toEqual(['warning'])
    expect(await severity('no-placeholders:0')).toEqual([])
    expect(await severity('no-placeholders:info, no-vague-terms:2')).toEqual(['info'])
    expect(await severity('no-placeholders:warning')).toEqual(['warning'])
  })

  it.each([
    [['--rule', 'no-placeholders'], /^clauselint: --rule needs id:severity \(e\.g\. no-vague-terms:off\), got "no-placeholders"$/],
    [['--rule', 'no-placeholder:off'], /^clauselint: --rule: no-placeholder: unknown rule "no-placeholder"; did you mean "no-placeholders"\?$/],
    [['--rule', 'no-placeholders:loud'], /^clauselint: --rule: no-placeholders: "loud" is not a severity; use "off", "info", "warn", "error" \(or 0, 1, 2: off, warn, error\)$/],
    [['--rule', 'no-placeholders:3'], /^clauselint: --rule: no-placeholders: "3" is not a severity; use "off", "info", "warn", "error" \(or 0, 1, 2: off, warn, error\)$/],
    [['--rule', 'no-placeholders:02'], /^clauselint: --rule: no-placeholders: "02" is not a severity; use "off", "info", "warn", "error" \(or 0, 1, 2: off, warn, error\)$/],
  ])('%j: exit 2, one line', async (argv, message) => {
    const dir = tempDir({'fees.md': ONE_WARNING})
    const ran = await cli([...argv, 'fees.md'], {cwd: dir})
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.errLines).toHaveLength(1)
    expect(ran.errLines[0]).toMatch(message)
  })
})

describe('small conventions', () => {
  it('--max-warnings -1 means no limit (as in ESLint); other negatives are refused', async () => {
    const dir = tempDir({'fees.md': ONE_WARNING})
    expect((await cli(['--profile', 'language', '--max-warnings', '-1', 'fees.md'], {cwd: dir})).code).toBe(0)
    expect((await cli(['--profile', 'language', '--max-warnings=-1', 'fees.md'], {cwd: dir})).code).toBe(0)
    expect((await cli(['--profile', 'language', '--max-warnings', '0', 'fees.md'], {cwd: dir})).code).toBe(1)
    const bad = await cli(['--profile', 'language', '--max-warnings', '-2', 'fees.md'], {cwd: dir})
    expect(bad.code).toBe(2)
    expect(bad.errLines).toEqual(['clauselint: --max-warnings needs a whole number (or -1 for no limit), got "-2"'])
  })

  it('"-" reads standard input, like --stdin', async () => {
    const dir = tempDir()
    const ran = await cli(['-f', 'json', '--profile', 'language', '-'], {cwd: dir, stdin: ONE_WARNING})
    expect(ran.code).toBe(0)
    expect(JSON.parse(ran.stdout)[0].filePath).toBe('<stdin>')
    expect(JSON.parse(ran.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)).toEqual(['no-placeholders'])
    const named = await cli(['-f', 'json', '--profile', 'language', '--stdin-filename', 'x/fees.md', '-'], {cwd: dir, stdin: ONE_WARNING})
    expect(JSON.parse(named.stdout)[0].filePath).toBe('x/fees.md')
    const both = await cli(['-', 'fees.md'], {cwd: dir, stdin: ONE_WARNING})
    expect(both.code).toBe(2)
    expect(both.errLines).toEqual(['clauselint: "-" lints standard input; give no other paths with it'])
  })

  it('a misspelt --format gets "did you mean"', async () => {
    const ran = await cli(['--format', 'sarfi', 'x.md'])
    expect(ran.code).toBe(2)
    expect(ran.errLines).toHaveLength(1)
    expect(ran.errLines[0]).toMatch(/^clauselint: unknown format "sarfi"; did you mean "sarif"\? \(formats: stylish, json, sarif\b/)
  })

  it('--output-file creates its folder', async () => {
    const dir = tempDir({'fees.md': CLEAN})
    const ran = await cli(['-f', 'sarif', '-o', 'reports/ci/clauselint.sarif', '--profile', 'language', 'fees.md'], {cwd: dir})
    expect(ran.code).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'reports/ci/clauselint.sarif'), 'utf8')).version).toBe('2.1.0')
  })
})

describe('quick-fix titles', () => {
  it.each([
    ['Excluded Services', 'an'],
    ['After-Hours Support', 'an'],
    ['Backups', 'a'],
    ['Uptime', 'an'],
    ['Uniform Terms', 'a'],
    ['Hours of Cover', 'an'],
    ['SLA Credits', 'an'],
    ['Service Hours', 'a'],
  ])('%s takes "%s"', (title, expected) => {
    expect(article(title)).toBe(expected)
  })
})

describe('--changed-files (the pre-commit hook)', () => {
  const SET = {
    'contracts/msa.md': `---\nclauselint:\n  includes: [schedule-b.md]\n---\n${ONE_WARNING}`,
    'contracts/schedule-b.md': '# Schedule B\n\nThe response time is TBD.\n',
    'contracts/other.md': ONE_WARNING,
  }

  it('a changed schedule gets its whole document set linted, found anywhere in the repository', async () => {
    const dir = tempDir(SET)
    execFileSync('git', ['init', '-q'], {cwd: dir})
    const ran = await cli(['-f', 'json', '--profile', 'language', '--changed-files', 'contracts/schedule-b.md'], {cwd: dir})
    expect(linted(ran.stdout)).toEqual(['contracts/msa.md', 'contracts/schedule-b.md'])
    // from a subfolder of the repository, with paths relative to it
    const sub = await cli(['-f', 'json', '--profile', 'language', '--changed-files', 'schedule-b.md'], {cwd: path.join(dir, 'contracts')})
    expect(linted(sub.stdout)).toEqual(['msa.md', 'schedule-b.md'])
    const plain = await cli(['-f', 'json', '--profile', 'language', '--changed-files', 'contracts/other.md'], {cwd: dir})
    expect(linted(plain.stdout)).toEqual(['contracts/other.md'])
  })

  it('no changed agreement: nothing to lint, exit 0', async () => {
    const dir = tempDir({...SET, 'notes.txt': 'x'})
    const ran = await cli(['--profile', 'language', '--changed-files', 'notes.txt'], {cwd: dir})
    expect(ran.code).toBe(0)
  })

  it('refuses --stdin and --changed-since with it', async () => {
    const dir = tempDir(SET)
    expect((await cli(['--changed-files', '--changed-since', 'HEAD', 'contracts/msa.md'], {cwd: dir})).errLines).toEqual(['clauselint: --changed-files takes the changed files as its paths; give no --stdin or --changed-since with it'])
  })
})

describe('--report FORMAT=PATH', () => {
  it('writes more reports of the same run; the standard output keeps the main format', async () => {
    const dir = tempDir({'fees.md': ONE_WARNING})
    const ran = await cli(['-f', 'github', '--profile', 'language', '--report', 'sarif=out/r.sarif', '--report', 'markdown=out/summary.md', 'fees.md'], {cwd: dir})
    expect(ran.stdout).toMatch(/^::warning file=fees\.md/)
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out/r.sarif'), 'utf8')).runs[0].results).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir, 'out/summary.md'), 'utf8')).toMatch(/^## clauselint\n/)
  })

  it.each([
    ['sarif', /^clauselint: --report needs FORMAT=PATH \(e\.g\. sarif=reports\/clauselint\.sarif\), got "sarif"$/],
    ['sarfi=x.sarif', /^clauselint: --report: unknown format "sarfi"; did you mean "sarif"\?$/],
  ])('--report %s: exit 2, one line', async (spec, message) => {
    const dir = tempDir({'fees.md': ONE_WARNING})
    const ran = await cli(['--report', spec, 'fees.md'], {cwd: dir})
    expect(ran.code).toBe(2)
    expect(ran.errLines).toHaveLength(1)
    expect(ran.errLines[0]).toMatch(message)
  })
})

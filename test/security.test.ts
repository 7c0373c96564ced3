// Untrusted repositories: what a pull request from outside (contracts, front matter, config files, symbolic links) can
// make clauselint read, print, run or skip. Each test reproduces an attack and checks the documented behaviour.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs} from './helpers.js'
import {crc32} from '../src/deps.js'
import type {LintResult} from '../src/types.js'

const tempDir = tempDirs('security')
const AGREEMENT = '# Managed Services Agreement\n\nThe Provider will respond promptly.\n'
const SECRET = 'ghp_TOPSECRET0123456789'

/** A repository (a folder with .git) holding `files`, and a folder beside it with a secret. */
function repoWithSecretBeside(files: Record<string, string>): {repo: string; outside: string} {
  const top = tempDir({'outside/secrets.md': `# Secrets\n\nTOKEN=${SECRET}\n`, 'outside/secrets.yaml': `TOKEN=${SECRET}\n`, 'repo/.git/config': `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`})
  const repo = path.join(top, 'repo')
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), {recursive: true})
    fs.writeFileSync(path.join(repo, rel), text)
  }
  return {repo, outside: path.join(top, 'outside')}
}

const FORMATS = ['stylish', 'json', 'github', 'sarif', 'markdown', 'junit', 'gitlab']

describe('confinement to the lint root', () => {
  it('a document set member outside the repository (../, absolute, .git) is refused with one line and exit 2, and never printed', async () => {
    for (const include of ['../../outside/secrets.md', '/etc/passwd', '../.git/config', '.git/config']) {
      const {repo} = repoWithSecretBeside({'c/msa.md': `---\nclauselint:\n  includes: [${JSON.stringify(include)}]\n  rules:\n    no-vague-terms: {add: ["/[^\\\\n]{6,}/"]}\n---\n${AGREEMENT}`})
      for (const format of FORMATS) {
        const r = await runCli(['--format', format, 'c/msa.md'], {cwd: repo})
        expect(r.code, `${include} ${format}`).toBe(2)
        expect(r.stdout + r.stderr).not.toContain(SECRET)
        expect(r.stdout + r.stderr).not.toContain('root:x:0')
        expect(r.errLines, r.stderr).toHaveLength(1)
        expect(r.errLines[0]).toMatch(/^clauselint: c\/msa\.md \(front matter\): clauselint\.includes\[0\]: .* (is outside the lint root|is not a Markdown file)/)
      }
    }
  })

  it('a member inside the root is still read, and --root widens the root', async () => {
    const {repo} = repoWithSecretBeside({'c/msa.md': `---\nclauselint:\n  includes: [schedule.md]\n---\n${AGREEMENT}`, 'c/schedule.md': '# Schedule B\n\nBackups run daily.\n'})
    const r = await runCli(['--format', 'json', 'c/msa.md'], {cwd: repo})
    expect((JSON.parse(r.stdout) as LintResult[]).map((x) => x.filePath)).toEqual(['c/msa.md', 'c/schedule.md'])
    const {repo: other, outside} = repoWithSecretBeside({'msa.md': `---\nclauselint:\n  includes: [../outside/secrets.md]\n---\n${AGREEMENT}`})
    const widened = await runCli(['--root', '..', '--format', 'json', 'msa.md'], {cwd: other})
    expect(widened.code).toBe(1)
    expect((JSON.parse(widened.stdout) as LintResult[]).map((x) => x.filePath)).toEqual(['msa.md', path.relative(other, path.join(outside, 'secrets.md'))])
    expect((await runCli(['--root', 'nope', 'msa.md'], {cwd: other})).errLines).toEqual(['clauselint: --root: "nope" does not exist'])
  })

  it('a symbolic link to a file outside the root, found by a walk, is not read: a fatal result naming it, exit 2', async () => {
    const {repo, outside} = repoWithSecretBeside({'c/ok.md': AGREEMENT, '.clauselintrc.yaml': 'rules:\n  no-vague-terms: {add: ["/[^\\\\n]{6,}/"]}\n'})
    fs.symlinkSync(path.join(outside, 'secrets.md'), path.join(repo, 'c', 'leak.md'))
    for (const format of FORMATS) {
      const r = await runCli(['--format', format, 'c'], {cwd: repo})
      expect(r.code, format).toBe(2)
      expect(r.stdout + r.stderr).not.toContain(SECRET)
      expect(r.stdout, format).toContain('leak.md')
    }
    const r = await runCli(['--format', 'json', 'c'], {cwd: repo})
    const leak = (JSON.parse(r.stdout) as LintResult[]).find((x) => x.filePath === path.join('c', 'leak.md'))
    expect(leak?.fatal).toBe(true)
    expect(r.errLines[0]).toBe(`clauselint: ${path.join('c', 'leak.md')} is a symbolic link out of the lint root; not read (set the root with --root); reported as fatal`)
    // the same link named on the command line is the user's choice
    const named = await runCli(['--format', 'json', path.join('c', 'leak.md')], {cwd: repo})
    expect(named.code).not.toBe(2)
  })

  it('a symbolic link to a folder outside the root (x -> /) is not walked', async () => {
    const {repo} = repoWithSecretBeside({'c/ok.md': AGREEMENT})
    fs.symlinkSync('/', path.join(repo, 'c', 'rootfs'))
    const r = await runCli(['--format', 'json', 'c'], {cwd: repo})
    expect((JSON.parse(r.stdout) as LintResult[]).map((x) => x.filePath)).toEqual([path.join('c', 'ok.md')])
    expect(r.errLines).toEqual([`clauselint: warning: ${path.join('c', 'rootfs')} is a symbolic link to a folder out of the lint root; not followed`])
    expect(r.code).toBe(1)
    // a glob does not follow it either
    const globbed = await runCli(['--format', 'json', 'c/**/*.md'], {cwd: repo})
    expect((JSON.parse(globbed.stdout) as LintResult[]).map((x) => x.filePath)).toEqual([path.join('c', 'ok.md')])
  })

  it('a glob does not drop linked Markdown files unseen: a link out of the root is fatal, a link inside it is linted', async () => {
    const {repo, outside} = repoWithSecretBeside({'c/ok.md': AGREEMENT, 'c/real.md': AGREEMENT})
    fs.symlinkSync(path.join(outside, 'secrets.md'), path.join(repo, 'c', 'leak.md'))
    fs.symlinkSync('real.md', path.join(repo, 'c', 'alias.md'))
    fs.symlinkSync('/', path.join(repo, 'c', 'rootfs'))
    for (const pattern of ['c/*.md', 'c/**/*.md', `${repo}/c/*.md`]) {
      const r = await runCli(['--format', 'json', pattern], {cwd: repo})
      expect(r.code, pattern).toBe(2)
      expect(r.stdout + r.stderr).not.toContain(SECRET)
      const results = JSON.parse(r.stdout) as LintResult[]
      expect(results.map((x) => [x.filePath, x.fatal === true]).sort(), pattern).toEqual([[path.join('c', 'alias.md'), false], [path.join('c', 'leak.md'), true], [path.join('c', 'ok.md'), false], [path.join('c', 'real.md'), false]])
      expect(r.errLines, pattern).toContain(`clauselint: ${path.join('c', 'leak.md')} is a symbolic link out of the lint root; not read (set the root with --root); reported as fatal`)
      // a linked folder is named only when the pattern could have gone into it
      const warned = r.errLines.includes(`clauselint: warning: ${path.join('c', 'rootfs')} is a symbolic link to a folder out of the lint root; not followed`)
      expect(warned, pattern).toBe(pattern.includes('**'))
    }
  })

  it('config extends and customRules outside the root (../, absolute, or a link out) are refused without echoing the file', async () => {
    for (const config of ['extends: ../outside/secrets.yaml', 'customRules: [../outside/secrets.yaml]', 'customRules: [ABS]', 'extends: ./link.yaml', 'customRules: [./link.yaml]']) {
      const {repo, outside} = repoWithSecretBeside({'msa.md': AGREEMENT})
      fs.symlinkSync(path.join(outside, 'secrets.yaml'), path.join(repo, 'link.yaml'))
      fs.writeFileSync(path.join(repo, '.clauselintrc.yaml'), `${config.replace('ABS', path.join(outside, 'secrets.yaml'))}\n`)
      const r = await runCli(['msa.md'], {cwd: repo})
      expect(r.code, config).toBe(2)
      expect(r.stderr).not.toContain(SECRET)
      expect(r.errLines).toHaveLength(1)
      expect(r.errLines[0]).toMatch(/^clauselint: \.clauselintrc\.yaml: (extends|customRules(\[0\])?): .* is outside the lint root/)
    }
  })

  it('a config file that is itself a link out of the root is not read', async () => {
    const {repo, outside} = repoWithSecretBeside({'msa.md': AGREEMENT})
    fs.symlinkSync(path.join(outside, 'secrets.yaml'), path.join(repo, '.clauselintrc.yaml'))
    const r = await runCli(['msa.md'], {cwd: repo})
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: .clauselintrc.yaml: is a symbolic link out of the lint root; not read'])
  })

  it('a trusted --config outside the repository may name its own rule files beside it', async () => {
    const {repo, outside} = repoWithSecretBeside({'msa.md': AGREEMENT})
    fs.writeFileSync(path.join(outside, 'trusted.yaml'), 'customRules: [./house.yaml]\n')
    fs.writeFileSync(path.join(outside, 'house.yaml'), 'id: house-words\nkind: forbid-phrase\nphrases: [promptly]\n')
    const r = await runCli(['--config', path.join(outside, 'trusted.yaml'), '--format', 'json', 'msa.md'], {cwd: repo})
    expect((JSON.parse(r.stdout) as LintResult[])[0]!.messages.map((m) => m.ruleId)).toContain('house-words')
  })
})

describe('config errors never print a file', () => {
  it('a rule file whose content is one long string is named, with its length, not printed', async () => {
    const dir = tempDir({'msa.md': AGREEMENT, '.clauselintrc.yaml': 'customRules: [./env.yaml]\n', 'env.yaml': `SECRET_TOKEN=${SECRET} SHELL=/bin/bash HOME=/root PATH=/usr/bin\n`})
    const r = await runCli(['msa.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).not.toContain(SECRET)
    expect(r.errLines).toEqual(['clauselint: env.yaml: (top level): a rule must be an object with id and kind, got a text of 77 characters'])
  })

  it('a file named as a config or rule file that holds a short secret, or a secret as a key, is not printed either', async () => {
    const token = 'hunter2-pass'
    const longKey = `sk_live_${SECRET}`
    const cases: Array<[Record<string, string>, string]> = [
      [{'.clauselintrc.yaml': 'extends: ./pass.yaml\n', 'pass.yaml': `${token}\n`}, 'clauselint: pass.yaml: must be an object of settings, got a text of 12 characters'],
      [{'.clauselintrc.yaml': 'customRules: [./pass.yaml]\n', 'pass.yaml': `${token}\n`}, 'clauselint: pass.yaml: (top level): a rule must be an object with id and kind, got a text of 12 characters'],
      [{'.clauselintrc.yaml': 'extends: ./creds.json\n', 'creds.json': JSON.stringify({[longKey]: 1})}, `clauselint: creds.json: (a key of ${longKey.length} characters): unknown key; use root, extends, profile, parser, rules, overrides, ignorePatterns, customRules`],
      [{'.clauselintrc.yaml': 'customRules: [./creds.yaml]\n', 'creds.yaml': `rules: []\n${longKey}: x\n`}, `clauselint: creds.yaml: (a key of ${longKey.length} characters): unknown key; a file with "rules:" holds only the list of rules`],
    ]
    for (const [files, line] of cases) {
      const r = await runCli(['msa.md'], {cwd: tempDir({'msa.md': AGREEMENT, ...files})})
      expect(r.code).toBe(2)
      expect(r.stderr).not.toContain(token)
      expect(r.stderr).not.toContain(SECRET)
      expect(r.errLines).toEqual([line])
    }
  })

  it('a YAML alias bomb in a config is a one-line config error naming the file', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({length: 8}, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n')
    const dir = tempDir({'msa.md': AGREEMENT, '.clauselintrc.yaml': `${bomb}\n`})
    const r = await runCli(['msa.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: .clauselintrc.yaml: invalid YAML (too many aliases: expanding them would exhaust memory)'])
  })
})

describe('front matter mistakes', () => {
  it('malformed front matter YAML is one line naming the file and the line, exit 2 (not silently ignored)', async () => {
    const dir = tempDir({'x.md': `---\nclauselint:\n  rules: {no-vague-terms: off\n---\n${AGREEMENT}`, 'dup.md': `---\nclauselint: {}\nclauselint: {profile: language}\n---\n${AGREEMENT}`})
    const r = await runCli(['x.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.errLines).toHaveLength(1)
    expect(r.errLines[0]).toMatch(/^clauselint: x\.md \(front matter\): line \d+, column \d+: invalid YAML \(.+\)$/)
    const dup = await runCli(['dup.md'], {cwd: dir})
    expect(dup.code).toBe(2)
    expect(dup.errLines[0]).toMatch(/^clauselint: dup\.md \(front matter\): line 3, column 1: invalid YAML \(Map keys must be unique\)$/)
  })

  it('an alias bomb in front matter is a one-line error, not an internal error', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({length: 8}, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n')
    const dir = tempDir({'x.md': `---\n${bomb}\n---\n${AGREEMENT}`})
    const r = await runCli(['x.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: x.md (front matter): invalid YAML (too many aliases: expanding them would exhaust memory)'])
  })
})

describe('names cannot inject CI log commands', () => {
  it('an include name with newlines and ::commands:: is printed on one line, escaped', async () => {
    const dir = tempDir({'msa.md': `---\nclauselint:\n  includes: ["x\\n::stop-commands::pwn\\n::error file=README.md,line=1::Injected by a contract\\n.md"]\n---\n${AGREEMENT}`})
    const r = await runCli(['--format', 'github', 'msa.md'], {cwd: dir})
    for (const line of r.stderr.split('\n')) expect(line).not.toMatch(/^::/)
    expect(r.stderr).toContain('x\\n::stop-commands::pwn\\n')
  })

  it('a file name with newlines and ::commands:: is escaped on stderr', async () => {
    const name = 'x\n::error file=README.md,line=1::INJECTED\n::add-mask::\n.md'
    const dir = tempDir({[name]: '', 'ok.md': AGREEMENT})
    const r = await runCli(['--format', 'github', '.'], {cwd: dir})
    for (const line of r.stderr.split('\n')) expect(line).not.toMatch(/^::/)
    expect(r.stderr).toContain('x\\n::error file=README.md,line=1::INJECTED\\n::add-mask::\\n.md is empty; reported as fatal')
  })
})

describe('no line a run prints can be a CI log command', () => {
  const INJECTED = '::error file=README.md,line=1::INJECTED'
  const noCommandLine = (text: string, what: string): void => {
    // a github report's own lines are commands; none may be one the text injected
    for (const line of text.split('\n')) expect(line, what).not.toMatch(/^\s*::error file=README\.md/)
  }

  it('in every format printed to stdout: a file name and a quote across lines from a custom pattern', async () => {
    const name = `x\n${INJECTED}\n.md`
    const quoted = `---\nclauselint:\n  rules:\n    no-vague-terms: {add: ["/promptly[\\\\s\\\\S]{0,60}/"]}\n---\n# Managed Services Agreement\n\nProvider will respond promptly\n${INJECTED} from document text\n`
    const dir = tempDir({[name]: AGREEMENT, 'q.md': quoted})
    for (const format of ['stylish', 'json', 'github', 'sarif', 'markdown', 'junit', 'gitlab', 'checklist', 'html']) {
      const r = await runCli(['--format', format, '.'], {cwd: dir})
      expect(r.code, format).toBe(1)
      noCommandLine(r.stdout, format)
      noCommandLine(r.stderr, format)
      // the text is still there, escaped as the format escapes it
      expect(r.stdout, format).toMatch(/INJECTED/)
    }
  })

  it('a committed baseline whose entries hold newlines is listed escaped', async () => {
    const dir = tempDir({'msa.md': AGREEMENT})
    expect((await runCli(['--baseline-write', 'base.json', 'msa.md'], {cwd: dir})).code).toBe(0)
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'base.json'), 'utf8')) as {findings: number; entries: unknown[]}
    baseline.entries.push({file: 'msa.md', ruleId: `no-vague-terms\n${INJECTED}2`, section: `x\n${INJECTED}3`, what: 'vague', count: 1, message: `m\n${INJECTED}4`})
    baseline.findings++
    fs.writeFileSync(path.join(dir, 'base.json'), JSON.stringify(baseline))
    const r = await runCli(['--baseline', 'base.json', 'msa.md'], {cwd: dir})
    noCommandLine(r.stderr, 'stderr')
    expect(r.stderr).toContain(`no-vague-terms\\n${INJECTED}2`)
  })
})

describe('document sets that repeat or loop', () => {
  it('a member listed many times is linted once, and the main file never as its own member', async () => {
    const schedule = '# Schedule B\n\nProvider will respond promptly to each request.\n'
    const dir = tempDir({'b.md': schedule, 'main.md': `---\nclauselint:\n  includes: [${Array(50).fill('b.md').join(', ')}, ./b.md, main.md]\n---\n${AGREEMENT}`})
    const r = await runCli(['--format', 'json', 'main.md'], {cwd: dir})
    const results = JSON.parse(r.stdout) as LintResult[]
    expect(results.map((x) => x.filePath)).toEqual(['main.md', 'b.md'])
    expect(results[1]!.messages.filter((m) => m.ruleId === 'no-vague-terms')).toHaveLength(1)
  })

  it('two files that include each other are each listed once', async () => {
    const dir = tempDir({
      'a.md': `---\nclauselint:\n  includes: [b.md, a.md, ./a.md]\n---\n${AGREEMENT}`,
      'b.md': `---\nclauselint:\n  includes: [a.md]\n---\n# Schedule B\n\nText.\n`,
    })
    const r = await runCli(['--format', 'json', '.'], {cwd: dir})
    expect((JSON.parse(r.stdout) as LintResult[]).map((x) => x.filePath)).toEqual(['a.md', 'b.md'])
  })

  it('an include that is not a Markdown file (a folder, a device) is a config error naming it', async () => {
    const dir = tempDir({'a.md': `---\nclauselint:\n  includes: [., /dev/zero]\n---\n${AGREEMENT}`})
    const r = await runCli(['a.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: a.md (front matter): clauselint.includes[0]: "." is not a Markdown file (.md or .markdown)'])
  })
})

describe('user patterns run in linear time', () => {
  const redos = (pattern: string, n: number): string => `---\nclauselint:\n  rules:\n    no-vague-terms: {add: [${JSON.stringify(pattern)}]}\n---\n# Managed Services Agreement\n\nProvider will respond ${'a'.repeat(n)}!\n`

  it('a catastrophic pattern from front matter, config or a custom rule finishes (no backtracking), with the same findings', async () => {
    const dir = tempDir({
      'fm.md': redos('/(a+)+$/', 5000),
      'alt.md': redos('/(a|aa)+$/', 5000),
      'rule.yaml': 'id: house-words\nkind: forbid-phrase\nphrases: ["/(a+)+b/"]\nallow: ["/(x+x+)+y/"]\n',
      'cfg/.clauselintrc.yaml': "customRules: [../rule.yaml]\nrules:\n  no-overpromising: {add: ['/(a|a)*z/']}\n",
      'cfg/c.md': `# Managed Services Agreement\n\n${'a'.repeat(5000)}!\n`,
    })
    const r = await runCli(['--format', 'json', 'fm.md', 'alt.md', 'cfg/c.md'], {cwd: dir})
    expect(r.errLines).toEqual([])
    const results = JSON.parse(r.stdout) as LintResult[]
    expect(results.map((x) => x.fatal)).toEqual([undefined, undefined, undefined])
    // the custom rule's "(a+)+b" and the option's "(a|a)*z" find nothing in "aaaa…!", like a backtracking engine would
    expect(results[2]!.messages.filter((m) => m.ruleId === 'house-words' || m.ruleId === 'no-overpromising')).toEqual([])
    // what such a pattern does match is still found
    fs.writeFileSync(path.join(dir, 'hit.md'), redos('/(a+)+!/', 5000))
    const hit = await runCli(['--format', 'json', 'hit.md'], {cwd: dir})
    expect((JSON.parse(hit.stdout) as LintResult[])[0]!.messages.filter((m) => m.ruleId === 'no-vague-terms').map((m) => m.endColumn - m.column)).toEqual([5001])
  })

  it('a pattern that cannot run in linear time (lookaround, back-reference) is refused at load with one line', async () => {
    for (const [pattern, reason] of [
      ['/(?=a)b/', 'cannot be matched in linear time'],
      ['/(a)\\1/', 'cannot be matched in linear time'],
      ['/(?<!x)y/', 'cannot be matched in linear time'],
      ['/a{0,99999}/', 'cannot be matched in linear time'],
    ] as const) {
      const dir = tempDir({'a.md': AGREEMENT, '.clauselintrc.yaml': `rules:\n  no-vague-terms: {add: [${JSON.stringify(pattern)}]}\n`})
      const r = await runCli(['a.md'], {cwd: dir})
      expect(r.code, pattern).toBe(2)
      expect(r.errLines).toHaveLength(1)
      expect(r.errLines[0]).toContain(`.clauselintrc.yaml: rules.no-vague-terms.add[0]: "${pattern}" ${reason}`)
    }
  })

  it('an invalid or empty-matching pattern in rule options is a config error at load (exit 2), not a crash per file', async () => {
    for (const [options, key, reason] of [
      ["no-vague-terms: {add: ['/(/']}", 'rules.no-vague-terms.add[0]', 'is not a valid regular expression'],
      ["no-overpromising: {allow: ['/[/']}", 'rules.no-overpromising.allow[0]', 'is not a valid regular expression'],
      ["no-vague-terms: {add: ['/x*/']}", 'rules.no-vague-terms.add[0]', 'matches the empty string'],
      ["no-vague-terms: {add: ['/(?:)/']}", 'rules.no-vague-terms.add[0]', 'matches the empty string'],
      ["no-vague-terms: {add: ['/\\b/']}", 'rules.no-vague-terms.add[0]', 'matches the empty string'],
      ["no-vague-terms: {add: [{phrase: '/^/'}]}", 'rules.no-vague-terms.add[0].phrase', 'matches the empty string'],
      ["response-times: {headings: ['/(/']}", 'rules.response-times.headings[0]', 'is not a valid regular expression'],
    ] as const) {
      const dir = tempDir({'a.md': AGREEMENT, '.clauselintrc.yaml': `rules:\n  ${options}\n`})
      const r = await runCli(['a.md'], {cwd: dir})
      expect(r.code, options).toBe(2)
      expect(r.errLines).toHaveLength(1)
      expect(r.errLines[0]).toMatch(new RegExp(`^clauselint: \\.clauselintrc\\.yaml: ${key.replace(/[.[\]]/g, '\\$&')}: .* ${reason}`))
    }
  })

  it('user patterns still find what they describe (case-insensitive, as words, in rule options and custom rules)', async () => {
    const dir = tempDir({
      'a.md': '# Managed Services Agreement\n\n## Hours of Cover\n\nThe Provider will respond Forthwith and ASAP.\n',
      '.clauselintrc.yaml': "customRules: [./rule.yaml]\nrules:\n  no-vague-terms: {add: ['forthwith', '/a+sap/']}\n  service-hours: {headings: ['/hours of cov(er)?/']}\n",
      'rule.yaml': 'id: house-words\nkind: forbid-phrase\nphrases: ["/resp[o]nd/"]\n',
    })
    const r = await runCli(['--format', 'json', 'a.md'], {cwd: dir})
    const messages = (JSON.parse(r.stdout) as LintResult[])[0]!.messages
    expect(messages.filter((m) => m.ruleId === 'no-vague-terms').map((m) => m.message.match(/"([^"]+)"/)?.[1])).toEqual(['Forthwith', 'ASAP'])
    expect(messages.filter((m) => m.ruleId === 'house-words').map((m) => m.message)).toEqual(['Forbidden phrase "respond"; rephrase it'])
  })
})

describe('a time budget per file', () => {
  const LOOP = `// a rule that never ends on files that say LOOP\nexport default {meta: {id: 'slow-rule', description: 'Never ends on LOOP', category: 'language', severity: 'warning', messages: {m: 'x'}}, check(context) { if (context.doc.source.includes('LOOP')) for (;;) {} }}\n`
  const EXIT0 = `export default {meta: {id: 'exit-rule', description: 'Ends the process', category: 'language', severity: 'warning', messages: {m: 'x'}}, check(context) { if (context.doc.source.includes('EXIT')) process.exit(0) }}\n`

  it.each([['off'], ['2']])('a file whose lint never ends gets one fatal error after --timeout-per-file; the other files are linted (concurrency %s)', async (concurrency) => {
    const dir = tempDir({'.clauselintrc.yaml': 'customRules: [./slow.mjs]\n', 'slow.mjs': LOOP, 'a.md': AGREEMENT, 'b.md': `${AGREEMENT}\nLOOP\n`, 'c.md': AGREEMENT})
    const r = await runCli(['--allow-js-config', '--timeout-per-file', '2', '--concurrency', concurrency, '--format', 'json', '.'], {cwd: dir})
    expect(r.code).toBe(2)
    const results = JSON.parse(r.stdout) as LintResult[]
    expect(results.map((x) => [x.filePath, x.fatal === true])).toEqual([
      ['a.md', false],
      ['b.md', true],
      ['c.md', false],
    ])
    expect(results[1]!.messages[0]!.message).toBe('File took longer than 2 s to lint; not checked (raise --timeout-per-file, or split the file)')
    expect(r.errLines).toEqual(['clauselint: b.md took longer than 2 s to lint; not checked (raise --timeout-per-file, or split the file); reported as fatal', 'clauselint: 1 file could not be linted (see the fatal error in the report)'])
  }, 300_000)

  it('--timeout-per-file takes seconds; anything else is a usage error', async () => {
    const dir = tempDir({'a.md': AGREEMENT})
    expect((await runCli(['--timeout-per-file', 'soon', 'a.md'], {cwd: dir})).errLines).toEqual(['clauselint: --timeout-per-file needs a number of seconds (0 for none), got "soon"'])
    expect((await runCli(['--timeout-per-file', '0', 'a.md'], {cwd: dir})).code).toBe(1)
  })

  it('a JavaScript rule that calls process.exit(0) fails that rule on that file; the run reports and exits as usual', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'customRules: [./exit.mjs]\n', 'exit.mjs': EXIT0, 'a.md': `${AGREEMENT}\nEXIT\n`})
    const r = await runCli(['--allow-js-config', '--format', 'json', 'a.md'], {cwd: dir})
    expect(r.code).toBe(1)
    const crash = (JSON.parse(r.stdout) as LintResult[])[0]!.messages.find((m) => m.ruleId === 'exit-rule')
    expect(crash?.message).toBe('Rule failed on this file: the rule called process.exit(0); a rule may not end the run')
  })
})

describe('report files', () => {
  it('-o through a committed symbolic link out of the repository is refused; the file outside is untouched', async () => {
    const {repo, outside} = repoWithSecretBeside({'msa.md': AGREEMENT})
    fs.writeFileSync(path.join(outside, 'victim.conf'), 'precious\n')
    fs.symlinkSync(path.join(outside, 'victim.conf'), path.join(repo, 'clauselint-report.sarif'))
    const r = await runCli(['-f', 'sarif', '-o', 'clauselint-report.sarif', 'msa.md'], {cwd: repo})
    expect(r.code).toBe(2)
    expect(r.errLines).toHaveLength(1)
    expect(r.errLines[0]).toMatch(/^clauselint: --output-file "clauselint-report\.sarif" is a symbolic link to a file outside the repository/)
    expect(fs.readFileSync(path.join(outside, 'victim.conf'), 'utf8')).toBe('precious\n')
  })

  it('a report or cache through a committed link to a folder out of the repository, or into .git, is refused; nothing is written or made there', async () => {
    const {repo, outside} = repoWithSecretBeside({'msa.md': AGREEMENT, 'reports/keep.txt': ''})
    fs.symlinkSync(outside, path.join(repo, 'out'))
    fs.symlinkSync(path.join(repo, '.git', 'config'), path.join(repo, 'report.json'))
    fs.symlinkSync(path.join(repo, '.git'), path.join(repo, 'g'))
    fs.symlinkSync(path.join(repo, 'reports'), path.join(repo, 'in'))
    const gitConfig = fs.readFileSync(path.join(repo, '.git', 'config'), 'utf8')
    const before = fs.readdirSync(outside).sort()
    const cases: Array<[string[], RegExp]> = [
      [['-o', 'out/r.json'], /^clauselint: --output-file "out\/r\.json" is in a folder that is a symbolic link out of the repository/],
      [['-o', 'out/new/deeper/r.json'], /^clauselint: --output-file "out\/new\/deeper\/r\.json" is in a folder that is a symbolic link out of the repository/],
      [['--report', 'sarif=out/r.sarif'], /^clauselint: --report "out\/r\.sarif" is in a folder that is a symbolic link out of the repository/],
      [['--cache', '--cache-location', 'out/'], /^clauselint: --cache-location "out\/" is in a folder that is a symbolic link out of the repository/],
      [['--cache', '--cache-location', 'out/new/'], /^clauselint: --cache-location "out\/new\/" is in a folder that is a symbolic link out of the repository/],
      [['-f', 'json', '-o', 'report.json'], /^clauselint: --output-file "report\.json" is a symbolic link into the repository's \.git folder/],
      [['-o', 'g/r.json'], /^clauselint: --output-file "g\/r\.json" is in a folder that is a symbolic link into the repository's \.git folder/],
    ]
    for (const [args, line] of cases) {
      const r = await runCli([...args, 'msa.md'], {cwd: repo})
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.errLines, args.join(' ')).toHaveLength(1)
      expect(r.errLines[0], args.join(' ')).toMatch(line)
    }
    expect(fs.readdirSync(outside).sort()).toEqual(before)
    expect(fs.readFileSync(path.join(repo, '.git', 'config'), 'utf8')).toBe(gitConfig)
    expect(fs.readdirSync(path.join(repo, '.git')).sort()).toEqual(['config'])
    // a linked folder that stays in the repository is followed, and a path the user names inside .git is theirs
    expect((await runCli(['-o', 'in/r.txt', 'msa.md'], {cwd: repo})).code).toBe(1)
    expect(fs.readFileSync(path.join(repo, 'reports', 'r.txt'), 'utf8')).toContain('promptly')
    expect((await runCli(['--cache', '--cache-location', '.git/clauselint/', 'msa.md'], {cwd: repo})).code).toBe(1)
    expect(fs.existsSync(path.join(repo, '.git', 'clauselint', '.clauselintcache'))).toBe(true)
  })

  it('--annotate through a committed link out of the repository is refused; the file outside is untouched', async () => {
    const {repo, outside} = repoWithSecretBeside({})
    fs.copyFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'docx', 'sample-msa.docx'), path.join(repo, 'msa.docx'))
    fs.writeFileSync(path.join(outside, 'victim.conf'), 'precious\n')
    fs.symlinkSync(path.join(outside, 'victim.conf'), path.join(repo, 'reviewed.docx'))
    const r = await runCli(['--annotate', 'reviewed.docx', 'msa.docx'], {cwd: repo})
    expect(r.code).toBe(2)
    expect(r.errLines.at(-1)).toMatch(/^clauselint: --annotate "reviewed\.docx" is a symbolic link to a file outside the repository/)
    expect(fs.readFileSync(path.join(outside, 'victim.conf'), 'utf8')).toBe('precious\n')
  })

  it('-o naming a linted file (or a member of its set) is refused; the agreement is untouched', async () => {
    const dir = tempDir({'msa.md': `---\nclauselint:\n  includes: [b.md]\n---\n${AGREEMENT}`, 'b.md': '# Schedule B\n\nText.\n'})
    for (const target of ['msa.md', './msa.md', 'b.md']) {
      const before = fs.readFileSync(path.join(dir, target), 'utf8')
      const r = await runCli(['-f', 'json', '-o', target, 'msa.md'], {cwd: dir})
      expect(r.code, target).toBe(2)
      expect(r.errLines).toHaveLength(1)
      expect(r.errLines[0]).toMatch(new RegExp(`^clauselint: --output-file "${target.replace('.', '\\.')}" is one of the files being linted`))
      expect(fs.readFileSync(path.join(dir, target), 'utf8')).toBe(before)
    }
  })

  it('--cache-location naming a linted file or a member of its set is refused (cold and warm); the file is untouched', async () => {
    const dir = tempDir({'msa.md': `---\nclauselint:\n  includes: [b.md]\n---\n${AGREEMENT}`, 'b.md': '# Schedule B\n\nText.\n'})
    for (const target of ['msa.md', 'b.md', './b.md']) {
      const before = fs.readFileSync(path.join(dir, target), 'utf8')
      const r = await runCli(['--cache', '--cache-location', target, 'msa.md'], {cwd: dir})
      expect(r.code, target).toBe(2)
      expect(r.errLines).toHaveLength(1)
      expect(r.errLines[0]).toMatch(new RegExp(`^clauselint: --cache-location "${target.replace(/\./g, '\\.')}" is one of the files being linted`))
      expect(fs.readFileSync(path.join(dir, target), 'utf8')).toBe(before)
    }
    // a member known from a warm cache's index (not read in this run) is refused too
    expect((await runCli(['--cache', '--cache-location', 'cache.json', 'msa.md'], {cwd: dir})).code).toBe(1)
    fs.copyFileSync(path.join(dir, 'cache.json'), path.join(dir, 'b2.md'))
    fs.writeFileSync(path.join(dir, 'msa.md'), `---\nclauselint:\n  includes: [b.md, b2.md]\n---\n${AGREEMENT}`)
    const before = fs.readFileSync(path.join(dir, 'b2.md'))
    const r = await runCli(['--cache', '--cache-location', 'b2.md', 'msa.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(fs.readFileSync(path.join(dir, 'b2.md'))).toEqual(before)
  })

  it('temporary files of a killed run are swept by the next write', async () => {
    const dir = tempDir({'msa.md': AGREEMENT})
    // a process id that is not running
    let dead = 4_000_000
    while (((): boolean => {
      try {
        process.kill(dead, 0)
        return true
      } catch {
        return false
      }
    })())
      dead++
    const stale = `.report.json.${dead}.abcdef012345.tmp`
    fs.writeFileSync(path.join(dir, stale), 'half a report')
    const r = await runCli(['-f', 'json', '-o', 'report.json', 'msa.md'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(fs.readdirSync(dir).sort()).toEqual(['msa.md', 'report.json'])
  })

  it('SIGTERM during a write removes the temporary file, and the process ends by the signal', async () => {
    const dir = tempDir()
    const script = path.join(dir, 'write.mts')
    fs.writeFileSync(script, `import {writeFileAtomic} from ${JSON.stringify(path.join(import.meta.dirname, '..', 'src', 'output.ts'))}\nawait writeFileAtomic(${JSON.stringify(path.join(dir, 'report.json'))}, 'x'.repeat(150 * 1024 * 1024))\n`)
    const {spawn} = await import('node:child_process')
    const child = spawn(process.execPath, ['--import', 'tsx', script], {stdio: 'ignore'})
    const seen = await new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (fs.readdirSync(dir).some((f) => f.endsWith('.tmp'))) {
          clearInterval(poll)
          child.kill('SIGTERM')
          resolve(true)
        } else if (child.exitCode !== null) {
          clearInterval(poll)
          resolve(false)
        }
      }, 5)
    })
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.signalCode) : child.once('exit', (_c, s) => resolve(s))))
    expect(seen, 'the temporary file was seen before the write ended').toBe(true)
    expect(signal).toBe('SIGTERM')
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  }, 300_000)
})

describe('invisible characters', () => {
  const plain = '# Managed Services Agreement\n\n## Service Levels\n\nProvider guarantees 100% uptime and will respond promptly to [Client Name] TBD.\n'
  const hidden = plain.replace('guarantees', 'guar\u200bantees').replace('100%', '100\u200b%').replace('promptly', 'prom\u200cptly').replace('TBD', 'T\u200dBD').replace('uptime', 'up\u00adtime')

  it('zero-width characters and soft hyphens inside words do not hide findings; findings point at the original text', async () => {
    const dir = tempDir({'plain.md': plain, 'zw.md': hidden, 'shy.md': plain.replace('promptly', 'prom&shy;ptly')})
    const messages = async (file: string): Promise<string[]> => (JSON.parse((await runCli(['-p', 'language', '--format', 'json', file], {cwd: dir})).stdout) as LintResult[])[0]!.messages.map((m) => m.ruleId)
    expect(await messages('zw.md')).toEqual(await messages('plain.md'))
    expect(await messages('shy.md')).toEqual(await messages('plain.md'))
    const result = (JSON.parse((await runCli(['-p', 'language', '--format', 'json', 'zw.md'], {cwd: dir})).stdout) as LintResult[])[0]!
    const promptly = result.messages.find((m) => m.message.includes('promptly'))!
    const line = hidden.split('\n')[promptly.line - 1]!
    expect(line.slice(promptly.column - 1, promptly.endColumn - 1)).toBe('prom\u200cptly')
  })

  it('a zero-width or bidi character before a heading number does not break clause numbers', async () => {
    const text = '# Managed Services Agreement\n\n## \u200b9. Fees\n\nSee Section 9.\n\n## \u202e10. Term\n\nSee Section 10.\n'
    const dir = tempDir({'a.md': text})
    const r = await runCli(['--format', 'json', 'a.md'], {cwd: dir})
    expect((JSON.parse(r.stdout) as LintResult[])[0]!.messages.filter((m) => m.ruleId === 'no-dangling-references')).toEqual([])
  })
})

describe('a contributor cannot exempt their own agreement under a trusted config', () => {
  const BAD = '# Managed Services Agreement\n\nProvider will respond promptly.\n'

  it('a tracked file matched by a .gitignore (added by the pull request) is still linted, with a warning', async () => {
    const dir = tempDir({'c/good.md': AGREEMENT, 'c/bad.md': BAD, 'trusted.yaml': 'root: true\n'})
    const git = (...args: string[]): void => {
      const r = spawnSync('git', args, {cwd: dir, encoding: 'utf8'})
      if (r.status !== 0) throw new Error(r.stderr)
    }
    git('init', '-q')
    git('add', '.')
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'x')
    fs.writeFileSync(path.join(dir, 'c', '.gitignore'), 'bad.md\n')
    const r = await runCli(['--config', 'trusted.yaml', '--format', 'json', 'c'], {cwd: dir})
    expect(r.errLines).toEqual([`clauselint: warning: ${path.join('c', 'bad.md')} is matched by a .gitignore but tracked by git; linted`])
    expect((JSON.parse(r.stdout) as LintResult[]).map((x) => x.filePath)).toEqual([path.join('c', 'bad.md'), path.join('c', 'good.md')])
    expect(r.code).toBe(1)
  })

  it('a folder outside the work tree named beside one inside it does not stop the tracked-file check of the one inside', async () => {
    const dir = tempDir({'c/good.md': AGREEMENT, 'c/bad.md': BAD, 'trusted.yaml': 'root: true\n'})
    const outside = tempDir({'o/other.md': AGREEMENT})
    const git = (...args: string[]): void => {
      const r = spawnSync('git', args, {cwd: dir, encoding: 'utf8'})
      if (r.status !== 0) throw new Error(r.stderr)
    }
    git('init', '-q')
    git('add', '.')
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'x')
    fs.writeFileSync(path.join(dir, 'c', '.gitignore'), 'bad.md\n')
    const r = await runCli(['--config', 'trusted.yaml', '--format', 'json', 'c', path.join(outside, 'o')], {cwd: dir})
    expect(r.errLines).toEqual([`clauselint: warning: ${path.join('c', 'bad.md')} is matched by a .gitignore but tracked by git; linted`])
    expect((JSON.parse(r.stdout) as LintResult[]).map((x) => x.filePath)).toContain(path.join('c', 'bad.md'))
  })

  it('a cache committed in the pull request is not used: a forged one cannot pass a failing agreement', async () => {
    const dir = tempDir({'msa.md': BAD})
    const git = (...args: string[]): void => {
      const r = spawnSync('git', args, {cwd: dir, encoding: 'utf8'})
      if (r.status !== 0) throw new Error(r.stderr)
    }
    git('init', '-q')
    expect((await runCli(['--cache', 'msa.md'], {cwd: dir})).code).toBe(1)
    // forged as anyone running the same version can: every result clean, every clause present, the hashes made anew
    const file = path.join(dir, '.clauselintcache')
    const bytes = fs.readFileSync(file)
    const first = bytes.indexOf(10)
    const second = bytes.indexOf(10, first + 1)
    const index = JSON.parse(bytes.toString('utf8', first + 1, second)) as {entries: Record<string, Record<string, unknown>>}
    const pieces = bytes.subarray(second + 1)
    const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex')
    const forged: Buffer[] = []
    let at = 0
    for (const entry of Object.values(index.entries)) {
      if (!entry['key']) continue
      const results = JSON.parse(pieces.toString('utf8', entry['at'] as number, (entry['at'] as number) + (entry['length'] as number))) as LintResult[]
      const clean = results.map((r) => ({...r, messages: [], errorCount: 0, warningCount: 0, infoCount: 0, coverage: r.coverage.map((c) => ({...c, outcome: 'present'}))}))
      const piece = Buffer.from(JSON.stringify(clean))
      Object.assign(entry, {at, length: piece.length, crc: crc32(piece), totals: {...(entry['totals'] as object), errors: 0, warnings: 0, infos: 0, present: clean[0]!.coverage.length, vague: 0, missing: 0, delegated: 0}})
      delete entry['views']
      forged.push(piece)
      at += piece.length
    }
    const head = JSON.stringify(index)
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${sha(head)}\n${head}\n`), ...forged]))
    // the forgery works on a cache outside the checkout's control (the documented limit of a key with no secret) ...
    expect((await runCli(['--cache', 'msa.md'], {cwd: dir})).code).toBe(0)
    // ... but not once it comes with the checkout
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${sha(head)}\n${head}\n`), ...forged]))
    git('add', '.clauselintcache', 'msa.md')
    const before = fs.readFileSync(file)
    const r = await runCli(['--cache', 'msa.md'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(r.errLines[0]).toBe('clauselint: warning: the cache .clauselintcache is tracked by git (it came with the checkout); not used')
    expect(fs.readFileSync(file)).toEqual(before)
  })

  it('--no-inline-config: front matter settings and suppression comments do not apply', async () => {
    const exempt = `---\nclauselint:\n  profile: language\n  rules: {no-vague-terms: off}\n---\n<!-- clauselint-disable-file -->\n${BAD}`
    const dir = tempDir({'a.md': exempt, 'trusted.yaml': 'root: true\n'})
    const honoured = await runCli(['--config', 'trusted.yaml', '--format', 'json', 'a.md'], {cwd: dir})
    expect(honoured.code).toBe(0)
    const gated = await runCli(['--config', 'trusted.yaml', '--no-inline-config', '--format', 'json', 'a.md'], {cwd: dir})
    expect(gated.code).toBe(1)
    const messages = (JSON.parse(gated.stdout) as LintResult[])[0]!.messages.map((m) => m.ruleId)
    expect(messages).toContain('no-vague-terms')
    expect(messages).toContain('priority-levels')
  })
})

describe('reports show agreement text safely', () => {
  it('control and bidi characters from headings, quotes and names reach the terminal escaped', async () => {
    const text = '# Managed Services Agreement\n\n## Support \u001b[31mRED\u001b[0m \u202eevil\n\nProvider will respond promptly.\n'
    const dir = tempDir({'a\u001b[2Jb.md': text})
    for (const format of ['stylish', 'checklist', 'markdown']) {
      const r = await runCli(['--format', format, '.'], {cwd: dir})
      expect(r.stdout, format).not.toMatch(/[\u001b\u202e]/)
      expect(r.stdout, format).toContain('\\x1b')
    }
  })

  it('a quote across lines from a custom pattern stays on one line in stylish output', async () => {
    const dir = tempDir({'a.md': `---\nclauselint:\n  rules:\n    no-vague-terms: {add: ["/promptly[\\\\s\\\\S]{0,80}/"]}\n---\n# Managed Services Agreement\n\nProvider will respond promptly\n::error file=README.md,line=1::INJECTED\n`})
    const r = await runCli(['a.md'], {cwd: dir})
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/^::/)
  })

  it('@mentions quoted in the Markdown report do not ping anyone', async () => {
    const dir = tempDir({'a.md': '# Managed Services Agreement\n\n## Support by @octo-org/legal and @everyone\n\nProvider will respond promptly.\n'})
    const r = await runCli(['--format', 'markdown', 'a.md'], {cwd: dir})
    expect(r.stdout).not.toMatch(/@(?:octo-org|everyone)/)
    expect(r.stdout).toContain('@\u200boct')
  })

  it('a message template cannot print inherited object members', async () => {
    const dir = tempDir({'a.md': AGREEMENT, '.clauselintrc.yaml': 'customRules: [./r.yaml]\n', 'r.yaml': "id: house-words\nkind: forbid-phrase\nphrases: [Agreement]\nmessage: 'Found {text} {constructor} {toString} {__proto__}'\n"})
    const r = await runCli(['--format', 'json', 'a.md'], {cwd: dir})
    const m = (JSON.parse(r.stdout) as LintResult[])[0]!.messages.find((x) => x.ruleId === 'house-words')
    expect(m?.message).toBe('Found Agreement {constructor} {toString} {__proto__}')
  })
})

describe('clear messages', () => {
  it('UTF-16 text, a negative --max-file-size and a Markdown file given as --config say what is wrong', async () => {
    const dir = tempDir({'a.md': AGREEMENT, 'msa.md': AGREEMENT})
    fs.writeFileSync(path.join(dir, 'u16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(AGREEMENT, 'utf16le')]))
    const u16 = await runCli(['--format', 'json', 'u16.md', 'a.md'], {cwd: dir})
    expect(u16.errLines[0]).toBe('clauselint: u16.md is UTF-16 text (save it as UTF-8); reported as fatal')
    expect((await runCli(['--max-file-size', '-1', 'a.md'], {cwd: dir})).errLines).toEqual(['clauselint: --max-file-size needs a number of at least 0, got "-1"'])
    expect((await runCli(['--config', 'msa.md', 'a.md'], {cwd: dir})).errLines).toEqual(["clauselint: msa.md: line 1, column 1: invalid JSON (Unexpected token '#')"])
  })

  it.runIf(fs.existsSync('/proc/version'))('-o into a folder where no file can be created says so', async () => {
    const dir = tempDir({'a.md': AGREEMENT})
    const r = await runCli(['-o', '/proc/version', 'a.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: cannot write the report to "/proc/version": no file can be created in its folder'])
  })
})

describe('a JavaScript rule cannot hide a run', () => {
  it('an error thrown later by a timer a rule set is one line and exit 2, not a stack trace after a clean summary', async () => {
    const LATE = "export default {meta: {id: 'late-rule', description: 'Throws later', category: 'language', severity: 'warning', messages: {m: 'x'}}, check() { setTimeout(() => { throw new Error('late failure') }, 0) }}\n"
    const dir = tempDir({'.clauselintrc.yaml': 'customRules: [./late.mjs]\n', 'late.mjs': LATE, 'a.md': AGREEMENT})
    const {spawnSync: run} = await import('node:child_process')
    const tsx = pathToFileURL(path.join(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
    const entry = path.join(import.meta.dirname, '..', 'src', 'cli.ts')
    const r = run(process.execPath, ['--import', tsx, '--input-type=module', '-e', `import(${JSON.stringify(entry)}).then((cli) => cli.main(process.argv.slice(1)))`, '--', '--allow-js-config', '--concurrency', 'off', 'a.md'], {cwd: dir, encoding: 'utf8', timeout: 240_000})
    expect(r.stderr).not.toMatch(/^\s+at /m)
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(['clauselint: internal error: late failure'])
    expect(r.status).toBe(2)
  }, 300_000)
})

describe('running out of memory', () => {
  it('a big file that exhausts the heap gets a fatal result; the other files are linted; no V8 trace (without --concurrency)', async () => {
    const BOOM = "export default {meta: {id: 'hungry-rule', description: 'Eats memory on BOOM', category: 'language', severity: 'warning', messages: {m: 'x'}}, check(context) { if (context.doc.source.includes('BOOM')) { const a = []; for (;;) a.push(new Array(1e5).fill(Math.random())) } }}\n"
    const big = `${AGREEMENT}\nBOOM\n\n${'The Provider keeps the service running. '.repeat(8000)}\n`
    const dir = tempDir({'.clauselintrc.yaml': 'customRules: [./hungry.mjs]\n', 'hungry.mjs': BOOM, 'a.md': AGREEMENT, 'big.md': big})
    const {spawnSync: run} = await import('node:child_process')
    const entry = path.join(import.meta.dirname, '..', 'src', 'cli.ts')
    const tsx = pathToFileURL(path.join(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
    const r = run(process.execPath, ['--max-old-space-size=256', '--import', tsx, '--input-type=module', '-e', `import(${JSON.stringify(entry)}).then((cli) => cli.main(process.argv.slice(1)))`, '--', '--allow-js-config', '--concurrency', 'off', '--format', 'json', '.'], {cwd: dir, encoding: 'utf8', timeout: 240_000})
    expect(r.stderr).not.toMatch(/FATAL ERROR|^\s+at /m)
    expect(r.status).toBe(2)
    const results = JSON.parse(r.stdout) as LintResult[]
    expect(results.map((x) => [x.filePath, x.fatal === true])).toEqual([
      ['a.md', false],
      ['big.md', true],
    ])
    expect(results[1]!.messages[0]!.message).toMatch(/^File could not be linted: the lint worker stopped \(.*memory/)
  }, 300_000)
})

describe('config errors stay on one line', () => {
  it('a config key holding a newline and a ::command:: is shown escaped', async () => {
    const dir = tempDir({'a.md': AGREEMENT, '.clauselintrc.json': JSON.stringify({'x\n::error file=README.md,line=1::INJECTED': 1})})
    const r = await runCli(['a.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.errLines).toHaveLength(1)
    // a key that long is named by its length: neither printed raw nor escaped
    expect(r.errLines[0]).toBe('clauselint: .clauselintrc.json: (a key of 41 characters): unknown key; use root, extends, profile, parser, rules, overrides, ignorePatterns, customRules')
    // a short one is printed escaped, on the same line
    fs.writeFileSync(path.join(dir, '.clauselintrc.json'), JSON.stringify({'x\n::stop-commands::y': 1}))
    const short = await runCli(['a.md'], {cwd: dir})
    expect(short.errLines).toHaveLength(1)
    expect(short.errLines[0]).toContain('x\\n::stop-commands::y: unknown key')
  })
})

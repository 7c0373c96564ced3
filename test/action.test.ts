// The GitHub Action (action.yml → action/run.sh), run under bash as the runner runs it: INPUT_* variables and GitHub's
// environment files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP). One lint run gives the annotations, the job
// summary and the report; config errors become error annotations; nothing is built when the bundle is there.
// Also the pre-commit hook's definition.
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {runCli, tempDirs} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const tempDir = tempDirs('action')
const ONE_WARNING = '# Fees\n\nThe monthly fee is TBD.\n'
const VAGUE = fs.readFileSync(path.join(root, 'fixtures', 'agreements', 'a-vague-everything.md'), 'utf8')

const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  name: string
  inputs: Record<string, {description: string; default: string}>
  outputs: Record<string, {value: string}>
  runs: {using: string; steps: Array<{id?: string; shell: string; run: string; env?: Record<string, string>}>}
}

interface Ran {
  status: number | null
  stdout: string
  stderr: string
  summary: string
  output: string
  /** Each run of node: its arguments. */
  nodeRuns: string[][]
  leftovers: string[]
}

/**
 * Run the action's step as the runner does: its env (inputs substituted from `inputs`, else the defaults), the
 * environment files, in `cwd`. `actionDir` is the checkout of the action (default this repository). A `node` shim on
 * the PATH records every node run.
 */
function runAction(cwd: string, inputs: Record<string, string>, options: {actionDir?: string; path?: string} = {}): Ran {
  const step = action.runs.steps.find((s) => s.id === 'lint')!
  const work = tempDir()
  const shims = path.join(work, 'bin')
  fs.mkdirSync(shims)
  const log = path.join(work, 'node-runs.txt')
  fs.writeFileSync(path.join(shims, 'node'), `#!/usr/bin/env bash\nprintf '%s\\037' "$@" >>${JSON.stringify(log)}\necho >>${JSON.stringify(log)}\nexec ${JSON.stringify(process.execPath)} "$@"\n`, {mode: 0o755})
  const runner = path.join(work, 'runner')
  fs.mkdirSync(runner)
  const env: Record<string, string> = {
    PATH: `${shims}:${options.path ?? process.env['PATH'] ?? ''}`,
    HOME: os.homedir(),
    RUNNER_TEMP: runner,
    GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
    GITHUB_OUTPUT: path.join(work, 'output.txt'),
    GITHUB_ACTION_PATH: options.actionDir ?? root,
  }
  for (const [key, value] of Object.entries(step.env ?? {})) {
    env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_all, name: string) => inputs[name] ?? action.inputs[name]!.default)
  }
  fs.writeFileSync(env['GITHUB_STEP_SUMMARY']!, '# Earlier step\n')
  const r = spawnSync('bash', ['-e', '-c', step.run], {cwd, env, encoding: 'utf8', timeout: 120_000})
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '')
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: read(env['GITHUB_STEP_SUMMARY']!),
    output: read(env['GITHUB_OUTPUT']!),
    nodeRuns: read(log)
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\u001f').filter(Boolean)),
    leftovers: fs.readdirSync(runner),
  }
}

const lintRuns = (r: Ran) => r.nodeRuns.filter((args) => args[0]?.endsWith(path.join('bin', 'clauselint.js')))

describe('action.yml', () => {
  it('is a composite action whose one step runs action/run.sh, inputs through the environment only', () => {
    expect(action.name).toBe('clauselint')
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'profile', 'changed-since', 'max-warnings', 'format', 'output-file', 'cache', 'cache-location', 'step-summary'])
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10)
    expect(action.runs.steps).toHaveLength(1)
    expect(action.runs.steps[0]!.run).toBe('bash "$GITHUB_ACTION_PATH/action/run.sh"')
    expect(action.runs.steps[0]!.run).not.toMatch(/\$\{\{|npm/)
    for (const name of Object.keys(action.inputs)) expect(Object.values(action.runs.steps[0]!.env!)).toContain(`\${{ inputs.${name} }}`)
  })
})

describe('action/run.sh', () => {
  it('one lint run: annotations, the job summary, and the report in a folder it creates; fails on errors', () => {
    const dir = tempDir({'contracts/msa one.md': VAGUE, 'contracts/fees.md': ONE_WARNING, '-odd.md': ONE_WARNING})
    const r = runAction(dir, {paths: 'contracts/*.md\n-odd.md', format: 'sarif', 'output-file': 'reports/ci/clauselint.sarif'})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(lintRuns(r)).toHaveLength(1)
    expect(lintRuns(r)[0]).toContain('--format')
    expect(r.stdout).toMatch(/^::error file=contracts\/msa one\.md,line=\d+,/m)
    expect(r.stdout).toMatch(/^::warning file=-odd\.md,line=3,/m)
    expect(r.summary.startsWith('# Earlier step\n## clauselint\n')).toBe(true)
    expect(r.summary).toContain('### contracts/msa one.md')
    expect(r.summary).toContain('| ✗ |')
    expect(r.output.split('\n')).toEqual(['report-file=reports/ci/clauselint.sarif', 'exit-code=1', ''])
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'reports/ci/clauselint.sarif'), 'utf8')) as {runs: Array<{artifacts: Array<{location: {uri: string}}>}>}
    expect(log.runs[0]!.artifacts.map((a) => a.location.uri)).toEqual(['contracts/fees.md', 'contracts/msa%20one.md', '-odd.md'])
    expect(r.leftovers).toEqual([])
  })

  it('more findings than GitHub shows as annotations: a notice says where the rest are', () => {
    const bare = '# Managed Services Agreement\n\nThe monthly fee is TBD.\n'
    const dir = tempDir({'a.md': bare, 'b.md': bare})
    const r = runAction(dir, {paths: '.', format: 'sarif', profile: 'msa'})
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error ')).length
    expect(errors).toBeGreaterThan(10)
    expect(r.stdout).toMatch(new RegExp(`^::notice title=clauselint::${errors} errors and \\d+ warnings: GitHub shows only 10 annotations of each kind per step; the job summary and clauselint-report\\.sarif list all of them$`, 'm'))
  })

  it('a config error is an error annotation on the config file, exit 2, nothing in the summary', () => {
    const dir = tempDir({'.clauselintrc.yaml': 'rules:\n  no-such-rule: error\n', 'fees.md': ONE_WARNING})
    const r = runAction(dir, {paths: 'fees.md', format: 'sarif'})
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^clauselint: \.clauselintrc\.yaml: rules\.no-such-rule: unknown rule "no-such-rule"/)
    expect(r.stdout).toMatch(/^::error file=\.clauselintrc\.yaml,title=clauselint configuration::\.clauselintrc\.yaml: rules\.no-such-rule: unknown rule "no-such-rule"/m)
    expect(r.summary).toBe('# Earlier step\n')
    expect(r.output).toBe('exit-code=2\n')
    expect(fs.existsSync(path.join(dir, 'clauselint-report.sarif'))).toBe(false)
  })

  it('an error with no file (a path that does not exist) is an error annotation too', () => {
    const dir = tempDir({'fees.md': ONE_WARNING})
    const r = runAction(dir, {paths: 'nope.md'})
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('::error title=clauselint::path "nope.md" does not exist\n')
  })

  it('max-warnings, profile, and no summary when step-summary is false', () => {
    const dir = tempDir({'fees.md': ONE_WARNING})
    const ok = runAction(dir, {paths: 'fees.md', 'max-warnings': '1', profile: 'language', format: 'junit', 'output-file': 'reports.xml'})
    expect([ok.status, ok.stderr]).toEqual([0, ''])
    expect(ok.output).toContain('report-file=reports.xml')
    expect(lintRuns(ok)[0]).toEqual(expect.arrayContaining(['--profile', 'language', '--max-warnings', '1']))
    const over = runAction(dir, {paths: 'fees.md', 'max-warnings': '0', 'step-summary': 'false'})
    expect(over.status).toBe(1)
    expect(over.stderr).toBe('clauselint: 1 warning exceeds --max-warnings 0\n')
    expect(over.summary).toBe('# Earlier step\n')
  })

  it('changed-since lints only what changed since the ref; cache keeps a cache file', () => {
    const dir = tempDir({'a.md': ONE_WARNING, 'b.md': ONE_WARNING})
    const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, encoding: 'utf8', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com'}})
    git('init', '-q')
    git('add', '.')
    git('commit', '-qm', 'base')
    fs.writeFileSync(path.join(dir, 'b.md'), `${ONE_WARNING}\nThe term is TBD.\n`)
    const r = runAction(dir, {'changed-since': 'HEAD', profile: 'language', cache: 'true', 'cache-location': 'clauselint.cache'})
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n').filter(Boolean).every((l) => l.includes('file=b.md'))).toBe(true)
    expect(r.stdout).toContain('file=b.md')
    expect(fs.statSync(path.join(dir, 'clauselint.cache')).size).toBeGreaterThan(0)
    const bad = runAction(dir, {cache: 'yes'})
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('::error title=clauselint::the cache input must be true or false, got "yes"\n')
  })

  it('a ref of the action without the bundle builds it, and says so; a failed build is an error annotation', () => {
    const actionDir = tempDir()
    fs.cpSync(path.join(root, 'action'), path.join(actionDir, 'action'), {recursive: true})
    fs.cpSync(path.join(root, 'bin'), path.join(actionDir, 'bin'), {recursive: true})
    const fake = tempDir()
    fs.writeFileSync(path.join(fake, 'npm'), '#!/bin/sh\necho "npm: no network here" >&2\nexit 1\n', {mode: 0o755})
    const dir = tempDir({'fees.md': ONE_WARNING})
    const r = runAction(dir, {paths: 'fees.md'}, {actionDir, path: `${fake}:${process.env['PATH']}`})
    expect(r.status).toBe(2)
    expect(r.stdout).toMatch(/^::warning title=clauselint::this ref of the action has no bundle, so it is built now/m)
    expect(r.stdout).toMatch(/^::error title=clauselint::could not build clauselint from this ref of the action; use a release tag$/m)
    expect(r.output).toBe('exit-code=2\n')
  })
})

describe('.pre-commit-hooks.yaml', () => {
  it('runs clauselint on the staged Markdown files as changed files (their document sets too), in one process', () => {
    const hooks = YAML.parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>
    expect(hooks).toHaveLength(1)
    expect(hooks[0]).toMatchObject({id: 'clauselint', language: 'node', entry: 'clauselint --changed-files', files: '\\.(md|markdown)$', require_serial: true})
    const files = new RegExp(hooks[0]!['files'] as string)
    expect(['a.md', 'x/b.markdown'].every((f) => files.test(f))).toBe(true)
    expect(['a.txt', 'md', 'a.md.bak'].some((f) => files.test(f))).toBe(false)
    expect((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}).bin['clauselint']).toBe('bin/clauselint.js')
  })

  it('a staged file named like an option is a file to lint: it cannot turn the hook off for another agreement', async () => {
    const hooks = YAML.parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{entry: string; args?: string[]}>
    const {entry, args = []} = hooks[0]!
    const bad = '# Managed Services Agreement\n\nThe Provider will respond promptly.\n'
    const dir = tempDir({'--ignore-pattern=bad.md': bad, 'contracts/bad.md': bad})
    // as pre-commit runs it: the entry, the hook's args, then the staged files
    const argv = [...entry.split(' ').slice(1), ...args, '--ignore-pattern=bad.md', 'contracts/bad.md']
    const ran = await runCli(argv, {cwd: dir})
    expect(ran.code).toBe(1)
    expect(ran.stdout).toContain(path.join('contracts', 'bad.md'))
  })
})

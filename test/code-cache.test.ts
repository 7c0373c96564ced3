// The command as installed (bin/clauselint.js over the built bundle): with V8's code cache, without it, and with a
// damaged one, it prints the same; import() of a JavaScript rule works from the cached script too.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tempDirs} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const temp = tempDirs('bin')
// The command and its bundle copied aside: the tests below damage and remove its code caches, which other test files
// running at the same time would otherwise read (and write) in the repository's dist/
const installed = temp()
const built = fs.existsSync(path.join(root, 'dist', 'bundle', 'cli.cjs'))
if (built) {
  for (const part of ['package.json', 'bin', path.join('dist', 'bundle')]) fs.cpSync(path.join(root, part), path.join(installed, part), {recursive: true})
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(installed, 'node_modules'), 'dir')
}
const bin = path.join(installed, 'bin', 'clauselint.js')
const codeCache = path.join(installed, 'dist', 'bundle', 'cli.cjs.cache')
const sample = fs.readFileSync(path.join(root, 'fixtures', 'agreements', 'sample-msa.md'), 'utf8')
const failing = '# Managed Services Agreement\n\nProvider will respond promptly.\n'
const RULE = `export default {
  meta: {id: 'no-promptly', description: 'Flags promptly', category: 'language', severity: 'warning', messages: {m: 'Promptly, in a module rule'}},
  check(context) {
    for (const block of context.doc.blocks) if (/promptly/i.test(block.text)) context.report({messageId: 'm', block})
  },
}
`

function run(cwd: string, args: string[], env: Record<string, string> = {}): {status: number | null; stdout: string; stderr: string} {
  const {CLAUSELINT_NO_CODE_CACHE: _drop, ...rest} = process.env
  const r = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...rest, NO_COLOR: '1', ...env}, timeout: 120_000})
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

/** A copy of the command (its bin, bundle and package.json) in a folder of its own, so that no other run writes its code cache. */
function copyOfCommand(): string {
  const install = temp({})
  fs.mkdirSync(path.join(install, 'bin'))
  fs.mkdirSync(path.join(install, 'dist', 'bundle'), {recursive: true})
  for (const f of ['clauselint.js', 'package.json']) fs.copyFileSync(path.join(root, 'bin', f), path.join(install, 'bin', f))
  fs.copyFileSync(path.join(root, 'dist', 'bundle', 'cli.cjs'), path.join(install, 'dist', 'bundle', 'cli.cjs'))
  fs.copyFileSync(path.join(root, 'package.json'), path.join(install, 'package.json'))
  return install
}

describe.skipIf(!built)('bin/clauselint.js and the code cache', () => {
  it('prints the same with the code cache, without it and with a damaged one; a JavaScript rule loads in each', () => {
    const dir = temp({'msa.md': sample, 'bad.md': failing, '.clauselintrc.yaml': 'customRules: [./rule.mjs]\n', 'rule.mjs': RULE})
    const args = ['--allow-js-config', '--format', 'json', '.']
    const plain = run(dir, args, {CLAUSELINT_NO_CODE_CACHE: '1'})
    expect(plain.stderr).toBe('')
    expect(plain.status).toBe(1)
    expect(plain.stdout).toContain('Promptly, in a module rule')
    // twice: the first may write the cache, the second runs from it
    for (let i = 0; i < 2; i++) expect(run(dir, args)).toEqual(plain)
    fs.writeFileSync(codeCache, 'not a code cache')
    expect(run(dir, args)).toEqual(plain)
    expect(run(dir, args)).toEqual(plain)
  }, 240_000)

  it('a lint worker prints the same through its own code cache, without it and with a damaged one', () => {
    const workerCache = path.join(installed, 'dist', 'bundle', 'worker.cjs.cache')
    const files: Record<string, string> = {'.clauselintrc.yaml': 'customRules: [./rule.mjs]\n', 'rule.mjs': RULE}
    // enough files that the worker lints the 4 after which it writes its cache
    for (let i = 0; i < 48; i++) files[`msa-${i}.md`] = i % 3 ? sample : failing
    const dir = temp(files)
    const args = ['--allow-js-config', '--format', 'json', '--concurrency', '2', '.']
    const plain = run(dir, args, {CLAUSELINT_NO_CODE_CACHE: '1'})
    expect(plain.stderr).toBe('')
    expect(plain.status).toBe(1)
    expect(plain.stdout.split('Promptly, in a module rule').length - 1).toBe(16)
    expect(run(dir, ['--allow-js-config', '--format', 'json', '--concurrency', 'off', '.'])).toEqual(plain)
    fs.rmSync(workerCache, {force: true})
    // the first makes the worker's cache, the second runs from it
    expect(run(dir, args)).toEqual(plain)
    expect(fs.existsSync(workerCache)).toBe(true)
    expect(run(dir, args)).toEqual(plain)
    fs.writeFileSync(workerCache, 'not a code cache')
    expect(run(dir, args)).toEqual(plain)
    expect(run(dir, args)).toEqual(plain)
  }, 240_000)

  it('a cache written by a run over one short text (which turns V8 flags off) serves the next run; a failed run writes none', () => {
    // a copy of the command, so that no other run writes its cache between the two runs here
    const install = copyOfCommand()
    const cache = path.join(install, 'dist', 'bundle', 'cli.cjs.cache')
    const dir = temp({'bad.md': failing})
    const {CLAUSELINT_NO_CODE_CACHE: _drop, ...rest} = process.env
    const lintOne = (): ReturnType<typeof run> => {
      const r = spawnSync(process.execPath, [path.join(install, 'bin', 'clauselint.js'), '--format', 'json', '--stdin', '--stdin-filename', 'bad.md'], {cwd: dir, input: failing, encoding: 'utf8', env: {...rest, NO_COLOR: '1'}, timeout: 120_000})
      return {status: r.status, stdout: r.stdout, stderr: r.stderr}
    }
    // a run that fails writes no cache (it may have linted nothing)
    const usage = spawnSync(process.execPath, [path.join(install, 'bin', 'clauselint.js'), '--stdin', 'bad.md'], {cwd: dir, input: failing, encoding: 'utf8', env: {...rest, NO_COLOR: '1'}, timeout: 120_000})
    expect(usage.status).toBe(2)
    expect(fs.existsSync(cache)).toBe(false)
    const first = lintOne()
    expect(first.stderr).toBe('')
    expect(first.stdout).toContain('promptly')
    // the first run found no cache and wrote one; a run that rejects a cache writes a new file in its place
    const made = fs.statSync(cache)
    // V8's data starts on an 8-byte boundary of the file (V8 copies data that does not)
    const bytes = fs.readFileSync(cache)
    expect((bytes.indexOf(10) + 1) % 8).toBe(0)
    expect(lintOne()).toEqual(first)
    const after = fs.statSync(cache)
    expect([after.ino, after.mtimeMs]).toEqual([made.ino, made.mtimeMs])
  }, 240_000)

  it('a cache made by a run that linted little is made again by a run that lints at least twice as much, and kept by one that lints less', () => {
    const install = copyOfCommand()
    const cache = path.join(install, 'dist', 'bundle', 'cli.cjs.cache')
    const dir = temp({})
    const {CLAUSELINT_NO_CODE_CACHE: _drop, ...rest} = process.env
    const lint = (text: string): ReturnType<typeof run> => {
      const r = spawnSync(process.execPath, [path.join(install, 'bin', 'clauselint.js'), '--format', 'json', '--stdin', '--stdin-filename', 'msa.md'], {cwd: dir, input: text, encoding: 'utf8', env: {...rest, NO_COLOR: '1'}, timeout: 120_000})
      return {status: r.status, stdout: r.stdout, stderr: r.stderr}
    }
    // the characters a cache's run linted, as its first line names them
    const linted = (): number => Number(fs.readFileSync(cache, 'latin1').split('\n', 1)[0]!.trimEnd().split(':').at(-1))
    const short = lint(failing)
    expect(short.stderr).toBe('')
    expect(linted()).toBe(failing.length)
    const thin = fs.statSync(cache)
    // a whole agreement: the cache is made again, holding the rules' code that the short run never compiled
    const whole = lint(sample)
    expect(whole.stderr).toBe('')
    expect(linted()).toBe(sample.length)
    const full = fs.statSync(cache)
    expect(full.size).toBeGreaterThan(thin.size)
    expect((fs.readFileSync(cache).indexOf(10) + 1) % 8).toBe(0)
    // from it, the same findings; a shorter run and a run of the same text keep it as it is
    expect(lint(sample)).toEqual(whole)
    expect(lint(failing)).toEqual(short)
    const after = fs.statSync(cache)
    expect([after.ino, after.mtimeMs]).toEqual([full.ino, full.mtimeMs])
  }, 240_000)

  it('a run handed to a second node (under single-threaded garbage collection) keeps the cache the second one wrote', () => {
    const install = copyOfCommand()
    const cache = path.join(install, 'dist', 'bundle', 'cli.cjs.cache')
    const files: Record<string, string> = {}
    for (let i = 0; i < 200; i++) files[`n${i}.md`] = i % 2 ? sample : failing
    const dir = temp(files)
    const {CLAUSELINT_NO_CODE_CACHE: _drop, ...rest} = process.env
    const lint = (nodeArgs: string[]): string => {
      const r = spawnSync(process.execPath, [...nodeArgs, path.join(install, 'bin', 'clauselint.js'), '--format', 'json', '--concurrency', 'off', '.'], {cwd: dir, encoding: 'utf8', env: {...rest, NO_COLOR: '1'}, timeout: 240_000, maxBuffer: 64 * 1024 * 1024})
      expect(r.stderr).toBe('')
      expect(r.status).toBe(1)
      return r.stdout
    }
    // started under single-threaded collection, the run lints in this node and writes the cache of a whole lint
    const direct = lint(['--single-threaded-gc'])
    const whole = fs.statSync(cache).size
    fs.rmSync(cache)
    // started without it, the run hands over before it reads a file: the first node compiled only the run's start
    expect(lint([])).toBe(direct)
    expect(fs.statSync(cache).size).toBeGreaterThan(whole * 0.9)
  }, 480_000)
})

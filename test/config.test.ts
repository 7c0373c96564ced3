// Config files: discovery, extends and presets, overrides, ignorePatterns, front matter, rule options and their
// effect, --print-config, --init, the generated schema and README section, and every bad-input path (one line, exit 2).
import fs from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import {parse as parseYaml} from 'yaml'
import {describe, expect, it} from 'vitest'
import {runCli, tempDirs} from './helpers.js'
import {rules} from '../rules/index.js'
import {run} from '../src/cli.js'
import {STARTER_CONFIG} from '../src/config-cli.js'
import {editDistance, nearest} from '../src/config-error.js'
import {ConfigLoader, PRESETS, ruleSet} from '../src/config.js'
import {OPTIONS_END, OPTIONS_START, optionsDoc, readBetween, schemaFiles} from '../src/config-schema.js'
import {lint} from '../src/lint.js'
import {DURATION_FORMAT, isDurationOption} from '../src/rule.js'
import {formatMinutes} from '../src/reading/values/index.js'
import {statedResponseTimes} from '../src/reading/metrics.js'
import {phraseSource} from '../src/reading/phrases.js'
import {buildDocument} from '../src/document.js'
import type {LintMessage} from '../src/types.js'
import {profileRules} from '../src/profiles.js'

const root = path.join(import.meta.dirname, '..')

const tempDir = tempDirs('config')

const cli = (argv: readonly string[], cwd: string) => runCli(argv, {cwd})

/** Lint with --format json; the messages of each file by path. */
async function lintJson(argv: readonly string[], cwd: string): Promise<Record<string, LintMessage[]>> {
  const r = await cli(['--format', 'json', ...argv], cwd)
  expect(r.stderr, 'no errors').toBe('')
  const out: Record<string, LintMessage[]> = {}
  for (const f of JSON.parse(r.stdout) as Array<{filePath: string; messages: LintMessage[]}>) out[f.filePath] = f.messages
  return out
}

const ids = (messages: readonly LintMessage[] | undefined): string[] => [...new Set((messages ?? []).map((m) => m.ruleId))].sort()

/** One placeholder warning, one vague term: only language rules fire. */
const LANGUAGE_DOC = '# Services Agreement\n\nThe monthly fee is TBD. The Provider will respond promptly.\n'

describe('discovery', () => {
  it('finds the nearest config walking up; parents apply too, the nearest wins; root: true stops the walk', async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': 'rules:\n  no-placeholders: off\n  no-vague-terms: error\n',
      'a/.clauselintrc.json': JSON.stringify({rules: {'no-vague-terms': 'info'}}),
      'a/b/doc.md': LANGUAGE_DOC,
      'c/.clauselintrc.yml': 'root: true\nrules:\n  no-vague-terms: warn\n',
      'c/doc.md': LANGUAGE_DOC,
      'doc.md': LANGUAGE_DOC,
    })
    const out = await lintJson(['--profile', 'language', '.'], dir)
    expect(out['doc.md']!.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['no-vague-terms:error'])
    // a/.clauselintrc.json wins for no-vague-terms; the root config still turns no-placeholders off
    expect(out['a/b/doc.md']!.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['no-vague-terms:info'])
    // root: true in c/: the top config's "no-placeholders: off" does not reach it
    expect(out['c/doc.md']!.map((m) => `${m.ruleId}:${m.severity}`).sort()).toEqual(['no-placeholders:warning', 'no-vague-terms:warning'])
  })

  it('reads the "clauselint" key of package.json, and skips a package.json without one', async () => {
    const dir = tempDir({
      'package.json': JSON.stringify({name: 'contracts', clauselint: {rules: {'no-placeholders': 'off'}}}),
      'x/package.json': JSON.stringify({name: 'inner'}),
      'x/doc.md': LANGUAGE_DOC,
    })
    const out = await lintJson(['--profile', 'language', 'x/doc.md'], dir)
    expect(ids(out['x/doc.md'])).toEqual(['no-vague-terms'])
  })

  it('in one folder the first of .clauselintrc.json, .yaml, .yml, clauselint.config.json, package.json wins', async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': 'rules: {no-vague-terms: off}\n',
      'clauselint.config.json': JSON.stringify({rules: {'no-placeholders': 'off'}}),
      'doc.md': LANGUAGE_DOC,
    })
    expect(ids((await lintJson(['--profile', 'language', 'doc.md'], dir))['doc.md'])).toEqual(['no-placeholders'])
  })

  it('--config uses that file only; --no-config uses none; both together is a usage error', async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': 'rules: {no-vague-terms: off}\n',
      'other.yaml': 'rules: {no-placeholders: off}\n',
      'doc.md': LANGUAGE_DOC,
    })
    expect(ids((await lintJson(['--profile', 'language', '--config', 'other.yaml', 'doc.md'], dir))['doc.md'])).toEqual(['no-vague-terms'])
    expect(ids((await lintJson(['--profile', 'language', '--no-config', 'doc.md'], dir))['doc.md'])).toEqual(['no-placeholders', 'no-vague-terms'])
    const both = await cli(['--config', 'other.yaml', '--no-config', 'doc.md'], dir)
    expect(both.code).toBe(2)
    expect(both.errLines).toEqual(['clauselint: use --config or --no-config, not both'])
    const missing = await cli(['--config', 'nope.yaml', 'doc.md'], dir)
    expect(missing.code).toBe(2)
    expect(missing.errLines).toEqual(['clauselint: --config: nope.yaml does not exist'])
    // a folder given as the config file is named as such, not by a system error code
    const folder = await cli(['--config', 'sub', 'doc.md'], tempDir({'sub/x.md': LANGUAGE_DOC, 'doc.md': LANGUAGE_DOC}))
    expect(folder.code).toBe(2)
    expect(folder.errLines).toEqual(['clauselint: sub: is a directory, not a config file'])
  })

  it('a JavaScript config is refused without --allow-js-config and loaded with it', async () => {
    const dir = tempDir({
      'clauselint.config.mjs': 'export default {rules: {"no-vague-terms": "off"}}\n',
      'doc.md': LANGUAGE_DOC,
    })
    const refused = await cli(['--profile', 'language', 'doc.md'], dir)
    expect(refused.code).toBe(2)
    expect(refused.errLines).toEqual(['clauselint: clauselint.config.mjs: a JavaScript config runs code; pass --allow-js-config to load it, or use .clauselintrc.yaml'])
    expect(ids((await lintJson(['--profile', 'language', '--allow-js-config', 'doc.md'], dir))['doc.md'])).toEqual(['no-placeholders'])
  })
})

describe('library and standard input', () => {
  it('lintFiles reads config files with useConfigFiles, and not without', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'rules: {no-vague-terms: off}\nignorePatterns: [skip.md]\n', 'doc.md': LANGUAGE_DOC, 'skip.md': LANGUAGE_DOC})
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      const {lintFiles} = await import('../src/lint.js')
      const withConfig = await lintFiles(['doc.md', 'skip.md'], {profile: 'language', useConfigFiles: true})
      expect(withConfig.map((r) => [r.filePath, ids(r.messages)])).toEqual([['doc.md', ['no-placeholders']]])
      const without = await lintFiles(['doc.md'], {profile: 'language'})
      expect(ids(without[0]!.messages)).toEqual(['no-placeholders', 'no-vague-terms'])
    } finally {
      process.chdir(cwd)
    }
  })

  it('--stdin is configured by the config of --stdin-filename', async () => {
    const dir = tempDir({'sub/.clauselintrc.yaml': 'rules: {no-placeholders: off}\n'})
    let stdout = ''
    const code = await run(['--stdin', '--stdin-filename', 'sub/piped.md', '--profile', 'language', '--format', 'json'], {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      cwd: dir,
      env: {},
      isTTY: false,
      stdin: (async function* () {
        yield LANGUAGE_DOC
      })(),
    })
    expect(code).toBe(0)
    expect(ids((JSON.parse(stdout) as Array<{messages: LintMessage[]}>)[0]!.messages)).toEqual(['no-vague-terms'])
  })
})

describe('extends and presets', () => {
  it('extends a relative file, in order, and the extending file wins', async () => {
    const dir = tempDir({
      'shared/base.yaml': 'rules:\n  no-vague-terms: error\n  no-placeholders: off\n',
      'shared/more.json': JSON.stringify({rules: {'no-vague-terms': 'info'}}),
      'team/.clauselintrc.yaml': 'extends: [../shared/base.yaml, ../shared/more.json]\nrules:\n  no-placeholders: warn\n',
      'team/doc.md': LANGUAGE_DOC,
    })
    const out = await lintJson(['--profile', 'language', 'team/doc.md'], dir)
    expect(out['team/doc.md']!.map((m) => `${m.ruleId}:${m.severity}`).sort()).toEqual(['no-placeholders:warning', 'no-vague-terms:info'])
  })

  it('clauselint:recommended is the default (auto), clauselint:msa runs every rule, clauselint:strict tightens', async () => {
    const nda = '# Mutual Non-Disclosure Agreement\n\nEach party will keep the other party\'s information confidential.\n'
    const dir = tempDir({'rec/.clauselintrc.yaml': 'extends: clauselint:recommended\n', 'rec/nda.md': nda, 'msa/.clauselintrc.yaml': 'extends: clauselint:msa\n', 'msa/nda.md': nda})
    const out = await lintJson(['.'], dir)
    // under auto an NDA gets the agreement clause rules, none of the msa operational ones
    const agreementRules = new Set(profileRules('agreement').map((r) => r.meta.id))
    const msaClauses = new Set(profileRules('msa').filter((r) => r.meta.category === 'clause' && !agreementRules.has(r.meta.id)).map((r) => r.meta.id))
    expect(out['rec/nda.md']!.filter((m) => msaClauses.has(m.ruleId))).toEqual([])
    expect(out['rec/nda.md']!.some((m) => m.ruleId === 'fees-and-payment')).toBe(true)
    expect(out['msa/nda.md']!.filter((m) => m.outcome === 'missing').length).toBeGreaterThanOrEqual(11)

    const strict = new ConfigLoader({cwd: dir})
    const {settings} = await strict.forFile(path.join(tempDir({'.clauselintrc.yaml': 'extends: clauselint:strict\n'}), 'x.md'))
    expect(settings.profile).toBe('msa')
    expect(settings.rules.get('no-vague-terms')?.severity).toBe('error')
    expect(settings.rules.get('response-times')?.options).toEqual({maxResponse: {P1: '30m', P2: '2h', P3: '8h'}})
    expect(settings.rules.get('performance-targets')?.options).toEqual({minUptime: 99.9})
  })

  it('every preset is described, loads, and validates against the shipped schema', () => {
    for (const [name, preset] of Object.entries(PRESETS)) {
      expect(preset.description.length, name).toBeGreaterThan(20)
      expect(validateConfig(preset.config), name).toEqual([])
    }
  })

  it.each([
    ['a missing file', 'extends: ./nope.yaml\n', '.clauselintrc.yaml: extends: "./nope.yaml" does not exist (looked for nope.yaml)'],
    ['an unknown preset', 'extends: clauselint:strickt\n', '.clauselintrc.yaml: extends: unknown preset "clauselint:strickt"; did you mean "clauselint:strict"?'],
    ['a package name', 'extends: clauselint-config-acme\n', '.clauselintrc.yaml: extends: "clauselint-config-acme" is not a preset or a file; use clauselint:recommended, clauselint:msa, clauselint:strict, clauselint:playbook-strict, or a path starting with "./"'],
    ['not a string', 'extends: [./a.yaml, 3]\n', '.clauselintrc.yaml: extends[1]: must be a non-empty string, got 3'],
  ])('%s in extends: one line, exit 2', async (_, config, message) => {
    const dir = tempDir({'.clauselintrc.yaml': config, 'doc.md': LANGUAGE_DOC})
    const r = await cli(['doc.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([`clauselint: ${message}`])
    expect(r.stdout).toBe('')
  })

  it('circular extends: one line naming the loop, exit 2', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: ./a.yaml\n', 'doc.md': LANGUAGE_DOC})
    const r = await cli(['doc.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: b.yaml: extends: circular: a.yaml → b.yaml → a.yaml'])
    const self = tempDir({'.clauselintrc.yaml': 'extends: ./.clauselintrc.yaml\n', 'doc.md': LANGUAGE_DOC})
    expect((await cli(['doc.md'], self)).errLines).toEqual(['clauselint: .clauselintrc.yaml: extends: circular: .clauselintrc.yaml → .clauselintrc.yaml'])
  })
})

describe('overrides, ignorePatterns, profile', () => {
  it('overrides apply by glob (files, excludedFiles) relative to the config, after the rest, in order', async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': [
        'rules: {no-vague-terms: error}',
        'overrides:',
        '  - files: ["sla/**"]',
        '    excludedFiles: ["sla/keep/**"]',
        '    rules: {no-vague-terms: off}',
        '  - files: "*.draft.md"',
        '    rules: {no-placeholders: off}',
        '',
      ].join('\n'),
      'sla/a.md': LANGUAGE_DOC,
      'sla/keep/b.md': LANGUAGE_DOC,
      'deep/x.draft.md': LANGUAGE_DOC,
      'top.md': LANGUAGE_DOC,
    })
    const out = await lintJson(['--profile', 'language', '.'], dir)
    expect(ids(out['sla/a.md'])).toEqual(['no-placeholders'])
    expect(ids(out['sla/keep/b.md'])).toEqual(['no-placeholders', 'no-vague-terms'])
    // a pattern without a slash matches the file name at any depth (gitignore syntax)
    expect(ids(out['deep/x.draft.md'])).toEqual(['no-vague-terms'])
    expect(out['top.md']!.find((m) => m.ruleId === 'no-vague-terms')?.severity).toBe('error')
  })

  it('ignorePatterns skip files; when every file of the folders and globs given is ignored the run fails with one line', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'ignorePatterns: [archive/**, "*.old.md"]\n', 'archive/a.md': LANGUAGE_DOC, 'b.old.md': LANGUAGE_DOC, 'c.md': LANGUAGE_DOC})
    const out = await lintJson(['--profile', 'language', '.'], dir)
    expect(Object.keys(out)).toEqual(['c.md'])
    // (a file named on the command line is reported with a warning instead: test/cli-conventions.test.ts)
    const r = await cli(['archive'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: every file is matched by ignorePatterns in config (1 file)'])
  })

  it('profile comes from config, an override or front matter; --profile wins over all of them', async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': 'profile: language\noverrides:\n  - files: ["msa/**"]\n    profile: msa\n',
      'a.md': LANGUAGE_DOC,
      'msa/b.md': LANGUAGE_DOC,
      'c.md': `---\nclauselint:\n  profile: msa\n---\n${LANGUAGE_DOC}`,
    })
    const r = await cli(['--format', 'json', '.'], dir)
    const byFile = Object.fromEntries((JSON.parse(r.stdout) as Array<{filePath: string; profile: {name: string; reason: string}}>).map((x) => [x.filePath, x.profile]))
    expect(byFile['a.md']).toEqual({name: 'language', reason: 'set in .clauselintrc.yaml'})
    expect(byFile['msa/b.md']).toEqual({name: 'msa', reason: 'set in an override in .clauselintrc.yaml'})
    expect(byFile['c.md']).toEqual({name: 'msa', reason: 'set in front matter'})
    const forced = await cli(['--format', 'json', '--profile', 'language', 'c.md'], dir)
    expect((JSON.parse(forced.stdout) as Array<{profile: unknown}>)[0]!.profile).toEqual({name: 'language', reason: 'chosen with --profile'})
  })

  it('profiles combine in config (a list), in front matter and with --profile (joined by +): the rules of each run', async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': 'profile: [msa, sla]\n',
      'a.md': LANGUAGE_DOC,
      'b.md': `---\nclauselint:\n  profile: [sla, agreement]\n---\n${LANGUAGE_DOC}`,
    })
    const r = await cli(['--format', 'json', '.'], dir)
    const byFile = Object.fromEntries(
      (JSON.parse(r.stdout) as Array<{filePath: string; profile: {name: string}; coverage: Array<{ruleId: string}>}>).map((x) => [x.filePath, x]),
    )
    expect(byFile['a.md']!.profile.name).toBe('msa+sla')
    const a = byFile['a.md']!.coverage.map((c) => c.ruleId)
    expect(a).toEqual(expect.arrayContaining(['scope-of-services', 'limitation-of-liability', 'service-credits']))
    expect(a.indexOf('scope-of-services')).toBeLessThan(a.indexOf('limitation-of-liability'))
    expect(byFile['b.md']!.profile.name).toBe('sla+agreement')
    expect(byFile['b.md']!.coverage.map((c) => c.ruleId)).not.toContain('scope-of-services')
    const forced = await cli(['--format', 'json', '--profile', 'sla+language', 'a.md'], dir)
    expect((JSON.parse(forced.stdout) as Array<{profile: {name: string}}>)[0]!.profile.name).toBe('sla+language')
    const bad = await cli(['--profile', 'msa+nda', 'a.md'], dir)
    expect(bad.code).toBe(2)
    expect(bad.errLines).toEqual([expect.stringMatching(/^clauselint: unknown profile "nda"; use one of auto, msa, sla, agreement, language/)])
  })

  it('settings do not add rules to a profile: a clause rule configured in a language-only file does not run', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'profile: language\nrules:\n  response-times: [error, {maxResponse: {P1: 30m}}]\n', 'a.md': LANGUAGE_DOC})
    expect(ids((await lintJson(['a.md'], dir))['a.md'])).toEqual(['no-placeholders', 'no-vague-terms'])
  })
})

describe('severities as ESLint and markdownlint write them', () => {
  it('0, 1 and 2 are off, warn and error, and "warning" is warn, in a config file (alone or first in a list), in front matter and in overrides', async () => {
    const dir = tempDir({
      // both rules warn by default: the root config raises them, the rest lower them again
      '.clauselintrc.yaml': 'rules:\n  no-vague-terms: [2, {add: []}]\n  no-placeholders: 2\noverrides:\n  - files: ["off/**"]\n    rules: {no-vague-terms: 0}\n',
      'doc.md': LANGUAGE_DOC,
      'off/doc.md': LANGUAGE_DOC,
      'json/.clauselintrc.json': JSON.stringify({rules: {'no-vague-terms': 'warning', 'no-placeholders': [1]}}),
      'json/doc.md': LANGUAGE_DOC,
      'fm/doc.md': `---\nclauselint:\n  rules:\n    no-vague-terms: 0\n    no-placeholders: warning\n---\n${LANGUAGE_DOC}`,
    })
    const out = await lintJson(['--profile', 'language', '.'], dir)
    const shown = (file: string): string[] => out[file]!.map((m) => `${m.ruleId}:${m.severity}`).sort()
    expect(shown('doc.md')).toEqual(['no-placeholders:error', 'no-vague-terms:error'])
    expect(shown('off/doc.md')).toEqual(['no-placeholders:error'])
    expect(shown('json/doc.md')).toEqual(['no-placeholders:warning', 'no-vague-terms:warning'])
    expect(shown('fm/doc.md')).toEqual(['no-placeholders:warning'])
  })

  it('--print-config writes the severity in clauselint\'s own words, whichever form the config used', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'rules:\n  no-vague-terms: [2, {add: [forthwith]}]\n  no-placeholders: 0\n  unused-suppression: 2\n  unknown-rule: warning\n  suppression-reason: 1\n', 'doc.md': LANGUAGE_DOC})
    const r = await cli(['--print-config', 'doc.md'], dir)
    expect(r.code).toBe(0)
    const printed = JSON.parse(r.stdout) as {rules: Record<string, unknown>}
    expect(printed.rules['no-vague-terms']).toEqual(['error', {add: ['forthwith'], allow: [], replace: false}])
    expect(printed.rules['no-placeholders']).toBe('off')
    expect(printed.rules['unused-suppression']).toBe('error')
    expect(printed.rules['unknown-rule']).toBe('warn')
    expect(printed.rules['suppression-reason']).toBe('warn')
  })

  it.each([
    ['a number ESLint does not have', '.clauselintrc.yaml', 'rules:\n  no-vague-terms: 3\n', '.clauselintrc.yaml: rules.no-vague-terms: 3 is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a negative number', '.clauselintrc.yaml', 'rules:\n  no-vague-terms: [-1]\n', '.clauselintrc.yaml: rules.no-vague-terms[0]: -1 is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a number written as a string', '.clauselintrc.json', JSON.stringify({rules: {'no-vague-terms': '2'}}), '.clauselintrc.json: rules.no-vague-terms: "2" is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a fraction', '.clauselintrc.json', JSON.stringify({rules: {'no-vague-terms': 1.5}}), '.clauselintrc.json: rules.no-vague-terms: 1.5 is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['markdownlint\'s true', '.clauselintrc.yaml', 'rules:\n  no-vague-terms: true\n', '.clauselintrc.yaml: rules.no-vague-terms: true is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a plural', '.clauselintrc.yaml', 'rules:\n  no-vague-terms: warnings\n', '.clauselintrc.yaml: rules.no-vague-terms: "warnings" is not a severity; did you mean "warn"?'],
  ])('%s is an error naming the file and the value', async (_, name, content, message) => {
    const dir = tempDir({[name]: content, 'doc.md': LANGUAGE_DOC})
    const r = await cli(['doc.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([`clauselint: ${message}`])
    expect(r.stdout).toBe('')
  })

  it('a bad number in front matter is an error naming the file', async () => {
    const dir = tempDir({'doc.md': `---\nclauselint:\n  rules:\n    no-vague-terms: 4\n---\n${LANGUAGE_DOC}`})
    const r = await cli(['doc.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual(['clauselint: doc.md (front matter): clauselint.rules.no-vague-terms: 4 is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'])
  })
})

describe('front matter', () => {
  it('a document\'s own "clauselint:" settings apply last', () => {
    const text = `---\nclauselint:\n  rules:\n    no-vague-terms: off\n    no-placeholders: [error]\n---\n${LANGUAGE_DOC}`
    const r = lint(text, {profile: 'language'})
    expect(r.messages.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['no-placeholders:error'])
  })

  it.each([
    ['an unknown rule', 'clauselint:\n  rules:\n    no-vauge-terms: off', 'doc.md (front matter): clauselint.rules.no-vauge-terms: unknown rule "no-vauge-terms"; did you mean "no-vague-terms"?'],
    ['a config-only key', 'clauselint:\n  extends: clauselint:strict', 'doc.md (front matter): clauselint.extends: not allowed in front matter (only profile and rules; put it in a config file)'],
    ['an unknown key', 'clauselint:\n  rulez: {}', 'doc.md (front matter): clauselint.rulez: unknown key; did you mean "rules"?'],
    ['not an object', 'clauselint: strict', 'doc.md (front matter): clauselint: must be an object with profile and rules, got "strict"'],
  ])('%s in front matter: one line, exit 2', async (_, yaml, message) => {
    const dir = tempDir({'doc.md': `---\n${yaml}\n---\n${LANGUAGE_DOC}`})
    const r = await cli(['doc.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([`clauselint: ${message}`])
  })

  it('front matter "includes" (document sets) is allowed beside the settings', () => {
    expect(() => lint(`---\nclauselint:\n  includes: [b.md]\n  rules: {no-vague-terms: off}\n---\n${LANGUAGE_DOC}`, {profile: 'language'})).not.toThrow()
  })
})

describe('bad config: one line naming the file, the key and what is wrong; exit 2', () => {
  it('{} is a config with no options, and a package.json without a clauselint key is no config (the look-alikes of an empty file)', async () => {
    for (const [name, content] of [['.clauselintrc.yaml', '{}\n'], ['.clauselintrc.json', '{}'], ['package.json', '{"name": "contracts"}'], ['clauselint.config.json', '{}']] as const) {
      const dir = tempDir({[name]: content, 'doc.md': LANGUAGE_DOC})
      const r = await cli(['doc.md'], dir)
      expect(r.code, name).toBe(1)
      expect(r.errLines, name).toEqual([])
    }
  })

  it.each([
    ['bad YAML', '.clauselintrc.yaml', 'rules: [a\n', '.clauselintrc.yaml: line 2, column 1: invalid YAML (Flow sequence in block collection must be sufficiently indented and end with a ])'],
    ['duplicate YAML keys', '.clauselintrc.yaml', 'rules:\n  a: 1\n  a: 2\n', '.clauselintrc.yaml: line 3, column 3: invalid YAML (Map keys must be unique)'],
    ['bad JSON', '.clauselintrc.json', '{"rules": {"x": 1,}}', '.clauselintrc.json: line 1, column 19: invalid JSON (Expected double-quoted property name)'],
    ['not an object', '.clauselintrc.json', '[1, 2]', '.clauselintrc.json: must be an object of settings, got a list'],
    ['an unknown top-level key', '.clauselintrc.yaml', 'rule: {}\n', '.clauselintrc.yaml: rule: unknown key; did you mean "rules"?'],
    ['an unknown rule, with the nearest id', '.clauselintrc.yaml', 'rules:\n  respone-times: error\n', '.clauselintrc.yaml: rules.respone-times: unknown rule "respone-times"; did you mean "response-times"?'],
    ['an unknown rule, nothing near', '.clauselintrc.yaml', 'rules:\n  zzzzzzzzzz: error\n', '.clauselintrc.yaml: rules.zzzzzzzzzz: unknown rule "zzzzzzzzzz"'],
    ['a bad severity', '.clauselintrc.yaml', 'rules:\n  no-vague-terms: eror\n', '.clauselintrc.yaml: rules.no-vague-terms: "eror" is not a severity; did you mean "error"?'],
    ['a severity of the wrong type', '.clauselintrc.yaml', 'rules:\n  no-vague-terms: {}\n  no-placeholders: [null]\n', '.clauselintrc.yaml: rules.no-placeholders[0]: null is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a list too long', '.clauselintrc.yaml', 'rules:\n  no-vague-terms: [warn, {}, {}]\n', '.clauselintrc.yaml: rules.no-vague-terms: must be [severity] or [severity, options], got a list of 3'],
    ['options of the wrong type', '.clauselintrc.yaml', 'rules:\n  performance-targets: [error, {minUptime: "99"}]\n', '.clauselintrc.yaml: rules.performance-targets[1].minUptime: must be a number, got "99"'],
    ['options out of range', '.clauselintrc.yaml', 'rules:\n  performance-targets: [error, {minUptime: 120}]\n', '.clauselintrc.yaml: rules.performance-targets[1].minUptime: must be <= 100, got 120'],
    ['a duration that is not one', '.clauselintrc.yaml', 'rules:\n  response-times: [error, {maxResponse: {P1: soon}}]\n', '.clauselintrc.yaml: rules.response-times[1].maxResponse.P1: "soon" is not a duration (use e.g. "1h", "30m", "4 business hours")'],
    ['an unknown priority key', '.clauselintrc.yaml', 'rules:\n  response-times: [error, {maxResponse: {Critical: 1h}}]\n', '.clauselintrc.yaml: rules.response-times[1].maxResponse.Critical: unknown option; use P1 to P5'],
    ['an unknown option, with the nearest', '.clauselintrc.yaml', 'rules:\n  response-times: {maxResponce: {P1: 1h}}\n', '.clauselintrc.yaml: rules.response-times.maxResponce: unknown option; did you mean "maxResponse"?'],
    ['a list item of the wrong type', '.clauselintrc.yaml', 'rules:\n  no-vague-terms: [warn, {add: [3]}]\n', '.clauselintrc.yaml: rules.no-vague-terms[1].add[0]: must be a string or {phrase, suggestion}, got 3'],
    ['options for a rule without any', '.clauselintrc.yaml', 'rules:\n  no-placeholders: [warn, {x: 1}]\n', '.clauselintrc.yaml: rules.no-placeholders[1]: rule "no-placeholders" takes no options'],
    ['an unknown profile', '.clauselintrc.yaml', 'profile: msaa\n', '.clauselintrc.yaml: profile: unknown profile "msaa"; did you mean "msa"?'],
    ['an unknown profile in a list', '.clauselintrc.yaml', 'profile: [msa, slaa]\n', '.clauselintrc.yaml: profile[1]: unknown profile "slaa"; did you mean "sla"?'],
    ['auto in a list', '.clauselintrc.yaml', 'profile: [auto, sla]\n', '.clauselintrc.yaml: profile: profile auto cannot be combined with others: it chooses one profile per document'],
    ['root not a boolean', '.clauselintrc.yaml', 'root: yes please\n', '.clauselintrc.yaml: root: must be true or false, got "yes please"'],
    ['an override without files', '.clauselintrc.yaml', 'overrides:\n  - rules: {}\n', '.clauselintrc.yaml: overrides[0]: missing "files" (the globs it applies to)'],
    ['an unknown rule in an override', '.clauselintrc.yaml', 'overrides:\n  - files: ["x/**"]\n    rules: {no-vage-terms: off}\n', '.clauselintrc.yaml: overrides[0].rules.no-vage-terms: unknown rule "no-vage-terms"; did you mean "no-vague-terms"?'],
    ['a bad key in package.json', 'package.json', JSON.stringify({clauselint: {rules: {'no-vague-terms': 'loud'}}}), 'package.json: clauselint.rules.no-vague-terms: "loud" is not a severity; use "off", "info", "warn", "error" (or 0, 1, 2: off, warn, error)'],
    ['a config under a name not read (ESLint\'s old name)', '.clauselintrc', 'rules:\n  no-vague-terms: off\n', '.clauselintrc: not a config file name clauselint reads; rename it to .clauselintrc.yaml'],
    ['a config under a name not read (YAML for the JSON name)', 'clauselint.config.yaml', 'rules:\n  no-vague-terms: off\n', 'clauselint.config.yaml: not a config file name clauselint reads; rename it to .clauselintrc.yaml'],
    ['a config under a name not read (JSON)', '.clauselint.json', '{}', '.clauselint.json: not a config file name clauselint reads; rename it to .clauselintrc.json'],
    ['an empty YAML file', '.clauselintrc.yaml', '', '.clauselintrc.yaml: the config file is empty; write {} in it for a config with no options, or delete it'],
    ['a YAML file of blank lines and comments', '.clauselintrc.yml', '\n# rules to come\n  \n', '.clauselintrc.yml: the config file is empty; write {} in it for a config with no options, or delete it'],
    ['an empty JSON file', 'clauselint.config.json', ' \n', 'clauselint.config.json: the config file is empty; write {} in it for a config with no options, or delete it'],
  ])('%s', async (_, name, content, message) => {
    const dir = tempDir({[name]: content, 'doc.md': LANGUAGE_DOC})
    const r = await cli(['doc.md'], dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([`clauselint: ${message}`])
    expect(r.stdout).toBe('')
  })
})

describe('rule options', () => {
  const msa = (body: string): string => `# Managed Services Agreement\n\n${body}\n`
  const only = (id: string, text: string, options?: Record<string, unknown>): LintMessage[] =>
    lint(text, {rules: rules.filter((r) => r.meta.id === id), ...(options ? {ruleOptions: {[id]: options}} : {})}).messages

  it('every rule with options has a schema that compiles and defaults that satisfy it', () => {
    const ajv = new Ajv({strict: true})
    ajv.addFormat(DURATION_FORMAT, {type: 'string', validate: isDurationOption})
    for (const rule of rules.filter((r) => r.meta.options)) {
      const validate = ajv.compile(rule.meta.options!.schema)
      expect(validate(rule.meta.options!.defaults), rule.meta.id).toBe(true)
      for (const [name, schema] of Object.entries(rule.meta.options!.schema['properties'] as Record<string, {description?: string}>)) {
        expect(schema.description, `${rule.meta.id}.${name} has a description`).toBeTruthy()
      }
    }
  })

  it('every clause rule takes "headings": extra section titles that are its home', () => {
    const text = msa('## 5. Vault Runs\n\nThe vault job for all servers runs nightly at 01:00 UTC and its output is kept for 30 days.')
    const outcomes = (options?: Record<string, unknown>): unknown[] => only('backup-frequency', text, options).map((m) => m.outcome)
    expect(outcomes()).toEqual(['missing'])
    expect(outcomes({headings: ['Vault Runs'], requireRetention: false})).toEqual([])
    for (const rule of rules.filter((r) => r.meta.category === 'clause')) expect(rule.meta.options?.defaults['headings'], rule.meta.id).toEqual([])
  })

  it('response-times maxResponse: flags stated times slower than the house maximum, per priority', () => {
    const table = msa(
      [
        '## Response Times',
        '',
        '| Priority | Response Time | Resolution Time |',
        '| --- | --- | --- |',
        '| P1 | 2 hours | 4 hours |',
        '| P2 | 4 hours | 8 hours |',
        '| P3 | 1 business day | 5 business days |',
      ].join('\n'),
    )
    expect(only('response-times', table).map((m) => m.message)).toEqual(['Slow response time "2 hours" for P1; the house maximum is 1 hour'])
    expect(only('response-times', table, {maxResponse: {P1: '3h'}})).toEqual([])
    expect(only('response-times', table, {maxResponse: {P3: '4 business hours'}}).map((m) => m.message)).toEqual([
      'Slow response time "2 hours" for P1; the house maximum is 1 hour',
      'Slow response time "1 business day" for P3; the house maximum is 4 hours',
    ])
    expect(only('response-times', table, {maxResponse: {P1: '2h', P2: '2h'}}).map((m) => m.message)).toEqual(['Slow response time "4 hours" for P2; the house maximum is 2 hours'])
  })

  it.each([
    ['time after priority', 'P1 incidents: response within 2 hours; resolution within 8 hours.', ['P1 2 hours']],
    ['time before priority', 'Provider will respond within 30 minutes for Priority 1 and 6 hours for Priority 2.', ['Priority 2 6 hours']],
    ['response word first', 'We respond to Severity 1 incidents within 90 minutes.', ['Severity 1 90 minutes']],
    ['resolution is not response', 'P1 issues are resolved within 8 hours.', []],
    ['updates are not response', 'Provider responds to P1 tickets within 30 minutes and sends updates every 2 hours on a P1.', []],
    ['matrix with priorities as columns', '| | P1 | P2 |\n| --- | --- | --- |\n| Response | 3 hours | 4 hours |', ['P1 3 hours']],
  ])('statedResponseTimes / maxResponse: %s', (_, body, expected) => {
    const doc = buildDocument(msa(`## Support\n\n${body}`))
    const stated = statedResponseTimes(doc).map((s) => `${s.priority} ${s.text}`)
    const flagged = only('response-times', msa(`## Support\n\n${body}`)).filter((m) => m.messageId === 'slow')
    expect(flagged.map((m) => /for (.+?);/.exec(m.message)![1] + ' ' + /"(.+?)"/.exec(m.message)![1])).toEqual(expected)
    expect(stated.length).toBeGreaterThanOrEqual(expected.length)
  })

  it('service-hours requireTimeZone: false accepts hours without a time zone', () => {
    const text = msa('## Support Hours\n\nSupport is available 08:00 to 18:00, Monday to Friday.')
    expect(only('service-hours', text).map((m) => m.message)).toEqual(['Vague service hours "Support is available 08:00 to 18:00, Monday to Friday."; add a time zone (e.g. "UK time", "ET")'])
    expect(only('service-hours', text, {requireTimeZone: false})).toEqual([])
  })

  it('backup-frequency maxInterval and requireRetention', () => {
    const weekly = msa('## Backups\n\nProvider backs up the server weekly and keeps each backup for 30 days.')
    expect(only('backup-frequency', weekly).map((m) => m.message)).toEqual(['Infrequent backups "weekly"; the house maximum interval is 24 hours'])
    expect(only('backup-frequency', weekly, {maxInterval: '1w'})).toEqual([])
    const noRetention = msa('## Backups\n\nProvider backs up the server every 4 hours, and tests a restore each quarter.')
    expect(only('backup-frequency', noRetention).map((m) => `${m.severity} ${m.message}`)).toEqual(['warning Missing backup retention; say how long backups are kept (e.g. "daily backups kept for 30 days")'])
    expect(only('backup-frequency', noRetention, {requireRetention: false})).toEqual([])
    // retention in a table headed "Kept for"
    const table = msa('## Backups\n\nBackups run nightly.\n\n| Backup | Kept for |\n| --- | --- |\n| Nightly | 30 days |')
    expect(only('backup-frequency', table)).toEqual([])
  })

  it('performance-targets minUptime: flags availability targets below it, not credit tiers', () => {
    const text = msa(
      '## Service Levels\n\nThe Hosted Environment will be available 99.0% of the time, measured per calendar month.\n\n' +
        '- Email availability: 99.9% per calendar month.\n\nIf availability falls below 98% in a month, Client receives a credit of 10%.',
    )
    expect(only('performance-targets', text).map((m) => m.message)).toEqual(['Low availability target "99.0%"; the house minimum is 99.5%'])
    expect(only('performance-targets', text, {minUptime: 99})).toEqual([])
    expect(only('performance-targets', text, {minUptime: 99.95}).map((m) => m.message)).toEqual([
      'Low availability target "99.0%"; the house minimum is 99.95%',
      'Low availability target "99.9%"; the house minimum is 99.95%',
    ])
  })

  it('no-vague-terms and no-overpromising: add extends the list, allow exempts phrases, replace drops the built-in list', () => {
    const text = '# Terms\n\nProvider will act forthwith. Provider will use commercially reasonable efforts. We guarantee a seamless migration.\n'
    expect(only('no-vague-terms', text).map((m) => m.evidence ?? m.message)).toEqual(['Vague term "commercially reasonable efforts"; state a measurable commitment (a time, a percentage) or what the effort consists of'])
    expect(only('no-vague-terms', text, {add: ['forthwith'], allow: ['reasonable efforts']}).map((m) => m.message)).toEqual(['Vague term "forthwith"; state a measurable standard (a time, a frequency or a number)'])
    expect(only('no-vague-terms', text, {add: [{phrase: 'forthwith', suggestion: 'say when'}], replace: true}).map((m) => m.message)).toEqual(['Vague term "forthwith"; say when'])
    expect(only('no-overpromising', text).map((m) => m.message)).toEqual(['Overpromise "guarantee"; state a measurable target with a remedy (e.g. "99.9% per month, with service credits")'])
    expect(only('no-overpromising', text, {allow: ['guarantee'], add: ['/seamless(?:ly)?/']}).map((m) => m.message)).toEqual(['Overpromise "seamless"; state a measurable target and what happens when it is missed'])
  })

  it('options from config and front matter merge over the defaults key by key (lists replace)', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'rules:\n  response-times: {maxResponse: {P3: 1d}}\n', 'doc.md': `---\nclauselint:\n  rules:\n    response-times: {maxResponse: {P2: 2h}}\n---\n${LANGUAGE_DOC}`})
    const out = await cli(['--print-config', 'doc.md'], dir)
    const printed = JSON.parse(out.stdout) as {rules: Record<string, unknown>}
    expect(printed.rules['response-times']).toEqual(['error', {headings: [], maxResponse: {P1: '1h', P2: '2h', P3: '1d'}}])
  })

  it('lint() checks ruleOptions given in code', () => {
    expect(() => lint(LANGUAGE_DOC, {ruleOptions: {'performance-targets': {minUptime: 'high'}}})).toThrow('lint options: ruleOptions.performance-targets.minUptime: must be a number, got "high"')
  })

  it('helpers: durations, phrases, suggestions', () => {
    expect(['1h', '30m', '1h30m', '4 business hours', 'next business day'].every(isDurationOption)).toBe(true)
    expect(['soon', '', '0m'].some(isDurationOption)).toBe(false)
    expect([30, 60, 90, 1440, 2880, 10080].map(formatMinutes)).toEqual(['30 minutes', '1 hour', '1 hour 30 minutes', '24 hours', '2 days', '1 week'])
    expect(new RegExp(phraseSource('best  efforts'), 'i').test('our Best efforts')).toBe(true)
    expect(new RegExp(phraseSource('best efforts'), 'i').test('bestefforts')).toBe(false)
    expect(new RegExp(phraseSource('$5 (flat)'), 'i').test('a $5 (flat) fee')).toBe(true)
    expect(phraseSource('/colou?r/')).toBe('colou?r')
    expect(editDistance('respone-times', 'response-times')).toBe(1)
    expect(nearest('zzz', ['response-times'])).toBeUndefined()
  })
})

describe('--print-config and --init', () => {
  it('--print-config FILE prints the resolved config as JSON: files applied, profile, every rule with severity and options', async () => {
    const dir = tempDir({'.clauselintrc.yaml': 'rules:\n  no-vague-terms: [error, {add: [forthwith]}]\n  no-placeholders: off\n', 'sub/doc.md': '# Managed Services Agreement\n\nHelp desk support with response times.\n'})
    const r = await cli(['--print-config', 'sub/doc.md'], dir)
    expect(r.code).toBe(0)
    const printed = JSON.parse(r.stdout) as Record<string, unknown> & {rules: Record<string, unknown>}
    expect(printed['configFiles']).toEqual(['.clauselintrc.yaml'])
    expect(printed['profile']).toBe('auto')
    expect(printed['ignored']).toBe(false)
    expect(printed.rules['no-vague-terms']).toEqual(['error', {add: ['forthwith'], allow: [], replace: false}])
    expect(printed.rules['no-placeholders']).toBe('off')
    expect(printed.rules['unused-suppression']).toBe('warn')
    expect(Object.keys(printed.rules)).toEqual(expect.arrayContaining(rules.map((x) => x.meta.id)))
    // a config error is still one line
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), 'rules: {nope: off}\n')
    const bad = await cli(['--print-config', 'sub/doc.md'], dir)
    expect(bad.code).toBe(2)
    expect(bad.errLines).toEqual(['clauselint: .clauselintrc.yaml: rules.nope: unknown rule "nope"'])
  })

  it('--print-config: the parser, the profile auto read from the file and why, overrides and front matter applied', async () => {
    const dir = tempDir({
      '.clauselintrc.yaml': 'parser: remark\nrules:\n  response-times: [warn, {maxResponse: {P1: 30m}}]\noverrides:\n  - files: [drafts/**]\n    rules: {no-placeholders: off}\n',
      'drafts/msa.md': '---\nclauselint:\n  rules:\n    no-vague-terms: error\n---\n# Managed Services Agreement\n\nHelp desk support.\n',
      'notes.md': '# Shopping list\n\nMilk.\n',
    })
    const r = await cli(['--print-config', 'drafts/msa.md'], dir)
    expect(r.code).toBe(0)
    const printed = JSON.parse(r.stdout) as Record<string, unknown> & {rules: Record<string, unknown>}
    expect(printed['parser']).toBe('remark')
    expect(printed['profile']).toBe('auto')
    expect(printed['detectedProfile']).toEqual({name: 'msa', reason: expect.stringContaining('Managed Services Agreement')})
    expect(printed).not.toHaveProperty('profileNote')
    expect(printed.rules['response-times']).toEqual(['warn', expect.objectContaining({maxResponse: {P1: '30m', P2: '4h'}})])
    expect(printed.rules['no-placeholders']).toBe('off') // the override
    expect(printed.rules['no-vague-terms']).toEqual(['error', expect.any(Object)]) // the front matter
    // look-alikes: outside the override's files the rule keeps its default; a document auto reads as no agreement
    // gets the language rules (its clause rules off); with no parser in config the parser is the default, fast
    const notes = JSON.parse((await cli(['--print-config', 'notes.md'], dir)).stdout) as Record<string, unknown> & {rules: Record<string, unknown>}
    expect(notes.rules['no-placeholders']).toBe('warn')
    expect(notes['detectedProfile']).toMatchObject({name: 'language'})
    expect(notes.rules['response-times']).toBe('off')
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), 'profile: msa\n')
    const fixed = JSON.parse((await cli(['--print-config', 'notes.md'], dir)).stdout) as Record<string, unknown>
    expect([fixed['parser'], fixed['profile'], 'detectedProfile' in fixed]).toEqual(['fast', 'msa', false])
  })

  it.each([
    [['--print-config', 'nope.md'], 'clauselint: path "nope.md" does not exist'],
    [['--print-config', 'drafts'], 'clauselint: --print-config takes a file; "drafts" is a folder'],
    [['--print-config', 'a.md', 'b.md'], 'clauselint: --print-config takes one file; give no other paths with it'],
  ])('--print-config %j: one line, exit 2, nothing printed', async (argv, line) => {
    const dir = tempDir({'a.md': LANGUAGE_DOC, 'b.md': LANGUAGE_DOC, 'drafts/c.md': LANGUAGE_DOC})
    const r = await cli(argv, dir)
    expect(r.code).toBe(2)
    expect(r.errLines).toEqual([line])
    expect(r.stdout).toBe('')
  })

  it('--init writes the starter .clauselintrc.yaml, which loads cleanly and passes the schema', async () => {
    const dir = tempDir()
    const r = await cli(['--init'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('Wrote .clauselintrc.yaml\n')
    expect(fs.readFileSync(path.join(dir, '.clauselintrc.yaml'), 'utf8')).toBe(STARTER_CONFIG)
    expect(fs.readdirSync(dir)).toEqual(['.clauselintrc.yaml'])
    expect(validateConfig(parseYaml(STARTER_CONFIG))).toEqual([])
    const {settings} = await new ConfigLoader({cwd: dir}).forFile(path.join(dir, 'a.md'))
    expect(ruleSet(settings, 'msa').rules.length).toBe(profileRules('msa').length)
  })

  it('--init refuses to overwrite any config file, and leaves it as it was', async () => {
    for (const name of ['.clauselintrc.yaml', '.clauselintrc.json', 'clauselint.config.mjs']) {
      const dir = tempDir({[name]: 'keep me\n'})
      const r = await cli(['--init'], dir)
      expect(r.code).toBe(2)
      expect(r.errLines).toEqual([`clauselint: ${name} already exists here; --init writes a config only where there is none`])
      expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe('keep me\n')
      expect(fs.readdirSync(dir)).toEqual([name])
    }
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Generated files

const files = schemaFiles(rules)
const configSchema = JSON.parse(files['schema/clauselint.schema.json']!) as object

function validateConfig(data: unknown): string[] {
  const ajv = new Ajv({strict: false, allErrors: true})
  ajv.addFormat(DURATION_FORMAT, {type: 'string', validate: isDurationOption})
  const validate = ajv.compile(configSchema)
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

describe('generated files', () => {
  it.each(Object.keys(files))('%s is current (run `npm run schema` to update it)', (rel) => {
    const file = path.join(root, rel)
    expect(fs.existsSync(file), rel).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toBe(files[rel])
  })

  it('the schema accepts good configs and rejects bad ones', () => {
    expect(validateConfig(parseYaml(fs.readFileSync(path.join(root, 'fixtures/config/team/.clauselintrc.yaml'), 'utf8')))).toEqual([])
    expect(validateConfig({rules: {'no-vague-terms': ['warn', {allow: ['x']}], 'my-custom-rule': 'error'}, overrides: [{files: 'a/**', rules: {}}]})).toEqual([])
    expect(validateConfig({rules: {'no-vague-terms': 'loud'}})).not.toEqual([])
    // ESLint's numbers and "warning" are severities; other numbers, numbers as strings and booleans are not
    expect(validateConfig({rules: {'no-vague-terms': 2, 'no-placeholders': [1], 'response-times': [0, {maxResponse: {P1: '1h'}}], 'unused-suppression': 'warning'}})).toEqual([])
    for (const bad of [3, -1, '2', true, 'warnings', 1.5]) expect(validateConfig({rules: {'no-vague-terms': bad}}), JSON.stringify(bad)).not.toEqual([])
    expect(validateConfig({rules: {'no-vague-terms': [3, {}]}})).not.toEqual([])
    expect(validateConfig({rules: {'response-times': ['error', {maxResponse: {P9: '1h'}}]}})).not.toEqual([])
    expect(validateConfig({rule: {}})).not.toEqual([])
    expect(validateConfig({overrides: [{rules: {}}]})).not.toEqual([])
  })

  it('the README documents every rule option between <!-- options:start --> and <!-- options:end --> (run `npm run docs`)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
    expect(readBetween(readme, OPTIONS_START, OPTIONS_END)).toBe(optionsDoc(rules))
  })

  it('the README worked example is the team config in fixtures/config/team, and it lints as the README says', async () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
    const team = path.join(root, 'fixtures/config/team')
    for (const rel of ['.clauselintrc.yaml', 'rules/breach-notification.yaml']) {
      expect(readme, `README shows ${rel}`).toContain(fs.readFileSync(path.join(team, rel), 'utf8').trim())
    }
    const out = await lintJson(['.'], team)
    expect(Object.keys(out).sort()).toEqual(['contracts/acme-msa.md', 'drafts/new-client.md'])
    const shown = [...out['contracts/acme-msa.md']!, ...out['drafts/new-client.md']!].map((m) => m.message)
    expect(shown).toEqual(expect.arrayContaining(['Slow response time "1 hour" for Priority 1; the house maximum is 30 minutes', 'Vague term "forthwith"; state a time (e.g. "within 2 hours")']))
    expect(shown.some((m) => m.startsWith('Vague breach notification'))).toBe(true)
    for (const message of ['Slow response time "1 hour" for Priority 1; the house maximum is 30 minutes', 'Vague breach notification', 'Vague term "forthwith"; state a time (e.g. "within 2 hours")']) {
      expect(readme, 'README shows the finding').toContain(message)
    }
  })
})

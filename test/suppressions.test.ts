// Suppression comments: their grammar, what each kind silences, missing clauses, and the checks of the comments
// themselves (unused, unknown rule ids, missing reasons under --require-reason).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {run} from '../src/cli.js'
import {buildDocument} from '../src/document.js'
import {lint, type LintOptions} from '../src/lint.js'
import {parseDirectives} from '../src/suppressions.js'
import type {LintResult} from '../src/types.js'

/** Every finding as "line ruleId" (language profile: no-vague-terms, no-overpromising, no-placeholders). */
function found(text: string, options: LintOptions = {}): string[] {
  return lint(text, {profile: 'language', ...options}).messages.map((m) => `${m.line} ${m.ruleId}`)
}

const doc = (...lines: string[]): string => `# Services Agreement\n\n${lines.join('\n')}\n`

describe('grammar', () => {
  it('reads the kind, rule ids (commas or spaces), the reason after " -- ", and where the comment is', () => {
    const d = parseDirectives(
      buildDocument(
        doc(
          '<!-- clauselint-disable no-vague-terms, no-overpromising  no-placeholders -- quoted from the client\'s policy -->',
          '',
          'Text <!-- clauselint-disable-line no-vague-terms --> here.',
          '',
          '<!--clauselint-enable-->',
          '',
          '<!-- clauselint-disable-file -- whole file -->',
          '',
          '<!-- clauselint-disabled no-vague-terms -->',
          '',
          '<!-- a normal comment -->',
        ),
      ),
    )
    expect(d.map((x) => ({kind: x.kind, rules: x.rules, reason: x.reason, line: x.position.start.line}))).toEqual([
      {kind: 'disable', rules: ['no-vague-terms', 'no-overpromising', 'no-placeholders'], reason: "quoted from the client's policy", line: 3},
      {kind: 'disable-line', rules: ['no-vague-terms'], reason: undefined, line: 5},
      {kind: 'enable', rules: [], reason: undefined, line: 7},
      {kind: 'disable-file', rules: [], reason: 'whole file', line: 9},
    ])
  })

  it('a comment in a code block is text, not a suppression', () => {
    const text = doc('```markdown', '<!-- clauselint-disable-file -->', '```', '', 'The fee is TBD.')
    expect(parseDirectives(buildDocument(text))).toEqual([])
    expect(found(text)).toEqual(['7 no-placeholders'])
  })

  it('a comment over several lines covers from its end', () => {
    const text = doc('<!--', 'clauselint-disable-next-line no-placeholders', '-- the fee is set at signing', '-->', 'The fee is TBD.', 'The other fee is TBD.')
    expect(found(text)).toEqual(['8 no-placeholders'])
  })
})

describe('what each kind silences', () => {
  const body = ['The fee is TBD.', '', 'We respond promptly.', '', 'The start date is TBD.']

  it('disable … enable: from the comment to the enable, for the rules named', () => {
    expect(found(doc('<!-- clauselint-disable no-placeholders -->', '', ...body, '', '<!-- clauselint-enable -->', '', 'The end date is TBD.'))).toEqual(['7 no-vague-terms', '13 no-placeholders'])
  })

  it('disable with no rule ids silences every rule; an enable of one rule ends it for that rule only', () => {
    expect(found(doc('<!-- clauselint-disable -->', '', 'The fee is TBD.', '', '<!-- clauselint-enable no-placeholders -->', '', 'We respond promptly.', '', 'The date is TBD.'))).toEqual(['11 no-placeholders'])
  })

  it('a finding before the disable comment is not silenced; one with no enable runs to the end', () => {
    expect(found(doc('The fee is TBD.', '', '<!-- clauselint-disable no-placeholders -->', '', 'The date is TBD.', '', 'The end is TBD.'))).toEqual(['3 no-placeholders'])
  })

  it('disable-next-line: the next line with text (blank and comment-only lines skipped); disable-line: its own line', () => {
    expect(found(doc('<!-- clauselint-disable-next-line no-placeholders -->', '', '<!-- other -->', 'The fee is TBD.', 'The date is TBD.'))).toEqual(['7 no-placeholders'])
    expect(found(doc('The fee is TBD. <!-- clauselint-disable-line no-placeholders -->', '', 'The date is TBD.'))).toEqual(['5 no-placeholders'])
  })

  it('disable-file: the whole file, wherever the comment is', () => {
    expect(found(doc(...body, '', '<!-- clauselint-disable-file no-placeholders -- set at signing -->'))).toEqual(['5 no-vague-terms'])
  })

  it('suppressed findings are kept in result.suppressed with the reason and where the comment is', () => {
    const r = lint(doc('The fee is TBD. <!-- clauselint-disable-line no-placeholders -- set at signing -->'), {profile: 'language'})
    expect(r.messages).toEqual([])
    expect(r.warningCount).toBe(0)
    expect(r.suppressed?.map((m) => ({ruleId: m.ruleId, line: m.line, suppression: m.suppression}))).toEqual([
      {ruleId: 'no-placeholders', line: 3, suppression: {kind: 'directive', justification: 'set at signing', line: 3, column: 17}},
    ])
  })
})

describe('missing clauses', () => {
  const skeleton = (comment: string): LintResult => lint(`# Managed Services Agreement\n\n## Support\n\nThe help desk answers tickets.\n\n${comment}\n`, {profile: 'msa'})
  const missing = (r: LintResult): string[] => r.messages.filter((m) => m.outcome === 'missing').map((m) => m.ruleId)

  it('a suppression that names the rule anywhere in the file silences its missing finding', () => {
    const before = missing(skeleton(''))
    expect(before).toContain('excluded-services')
    for (const comment of [
      '<!-- clauselint-disable excluded-services -- in the Order Form -->',
      '<!-- clauselint-disable-next-line excluded-services -->',
      '<!-- clauselint-disable-file excluded-services -->',
    ]) {
      const r = skeleton(comment)
      expect(missing(r), comment).toEqual(before.filter((id) => id !== 'excluded-services'))
      expect(r.suppressed?.map((m) => m.ruleId), comment).toEqual(['excluded-services'])
    }
  })

  it('a blanket disable after the title does not silence missing findings reported at the title; disable-file does', () => {
    expect(missing(skeleton('<!-- clauselint-disable -->')).length).toBe(missing(skeleton('')).length)
    expect(missing(skeleton('<!-- clauselint-disable-file -->'))).toEqual([])
  })

  it('config or front matter can turn the rule off for one file', () => {
    const r = lint('---\nclauselint:\n  rules:\n    excluded-services: "off"\n---\n# Managed Services Agreement\n\nHelp desk.\n', {profile: 'msa'})
    expect(missing(r)).not.toContain('excluded-services')
  })
})

describe('checks of the comments themselves', () => {
  it('an unused suppression is reported (per rule id), at the comment, as unused-suppression', () => {
    const r = lint(doc('<!-- clauselint-disable-next-line no-placeholders, no-vague-terms -->', 'The fee is TBD.', '', '<!-- clauselint-disable -->', '', 'All good here.'), {profile: 'language'})
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`)).toEqual([
      '3:1 warning unused-suppression Unused suppression of "no-vague-terms"; no-vague-terms reports nothing here, so remove it from the comment',
      '6:1 warning unused-suppression Unused suppression "clauselint-disable"; nothing it covers is reported, so remove it',
    ])
  })

  it('a suppression of a rule that did not run (another profile) is not reported as unused', () => {
    expect(found(doc('<!-- clauselint-disable-file excluded-services -- in the Order Form -->', 'All good.'))).toEqual([])
  })

  it('an unknown rule id is reported with the nearest id, and silences nothing', () => {
    const r = lint(doc('<!-- clauselint-disable-next-line no-placeholder -->', 'The fee is TBD.'), {profile: 'language'})
    expect(r.messages.map((m) => `${m.line} ${m.severity} ${m.ruleId}${m.ruleId === 'unknown-rule' ? ` ${m.message}` : ''}`)).toEqual([
      '3 error unknown-rule Unknown rule "no-placeholder" in suppression; did you mean "no-placeholders"?',
      '4 warning no-placeholders',
    ])
    expect(lint(doc('<!-- clauselint-disable-file qqqqqqqq -->'), {profile: 'language'}).messages.map((m) => m.message)).toEqual(['Unknown rule "qqqqqqqq" in suppression; use a rule id from the README'])
  })

  it('custom rule ids are known', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-supp-'))
    temps.push(dir)
    fs.writeFileSync(path.join(dir, '.clauselintrc.yaml'), 'customRules: [./r.yaml]\n')
    fs.writeFileSync(path.join(dir, 'r.yaml'), 'id: no-sole-discretion\nkind: forbid-phrase\nphrases: [sole discretion]\n')
    fs.writeFileSync(path.join(dir, 'a.md'), doc('<!-- clauselint-disable-next-line no-sole-discretion -- agreed -->', 'At its sole discretion.'))
    return cliIn(dir, ['--profile', 'language', '--format', 'json', 'a.md']).then((r) => {
      expect(r.code).toBe(0)
      expect((JSON.parse(r.stdout) as LintResult[])[0]!.messages).toEqual([])
    })
  })

  it('--require-reason: a suppression without a reason is reported (suppression-reason) and silences nothing', async () => {
    const text = doc('The fee is TBD. <!-- clauselint-disable-line no-placeholders -->', '', 'The date is TBD. <!-- clauselint-disable-line no-placeholders -- set at signing -->')
    expect(found(text)).toEqual([])
    expect(lint(text, {profile: 'language', requireReason: true}).messages.map((m) => `${m.line} ${m.severity} ${m.ruleId}${m.ruleId === 'suppression-reason' ? ` ${m.message}` : ''}`)).toEqual([
      '3 warning no-placeholders',
      '3 error suppression-reason Missing reason for suppression "clauselint-disable-line"; write it after " -- " in the comment',
    ])
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-supp-'))
    temps.push(dir)
    fs.writeFileSync(path.join(dir, 'a.md'), text)
    expect((await cliIn(dir, ['--profile', 'language', 'a.md'])).code).toBe(0)
    const strict = await cliIn(dir, ['--profile', 'language', '--require-reason', 'a.md'])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('suppression-reason')
  })

  it('config sets the severity of the checks like a rule\'s', () => {
    const text = `---\nclauselint:\n  rules:\n    unused-suppression: "off"\n    unknown-rule: warn\n---\n${doc('<!-- clauselint-disable-file no-placeholders, nope-rule -->', 'All good.')}`
    expect(lint(text, {profile: 'language'}).messages.map((m) => `${m.severity} ${m.ruleId}`)).toEqual(['warning unknown-rule'])
  })

  it('the checks\' own messages are not silenced by a blanket disable', () => {
    expect(found(doc('<!-- clauselint-disable -->', '', 'The fee is TBD.', '', '<!-- clauselint-disable-line nope-rule -->'))).toEqual(['7 unknown-rule'])
  })
})

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, {recursive: true, force: true})
})

async function cliIn(cwd: string, argv: readonly string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {}, isTTY: false})
  return {code, stdout, stderr}
}

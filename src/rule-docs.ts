// Per-rule documentation (docs/rules/<id>.md and `clauselint --explain <id>`), generated from rule meta and the rule's
// fixtures. Reads rules only through their public shape (`rule.meta`), so a rule defined anywhere documents the same way.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {optionsDoc} from './config-schema.js'
import {informationUri, packageRoot, RULE_DOCS_DIR, ruleDocUri} from './package-info.js'
import {PROFILE_RULE_IDS} from './profiles.js'
import type {AnyRule} from './rule.js'

/** A fixture of a rule: its text and the findings it expects (`L:C-L:C  severity  message` lines). */
export interface RuleFixture {
  readonly name: string
  readonly text: string
  readonly expected: readonly string[]
}


/** Longest example shown in full; longer ones are cut with a note. */
const MAX_EXAMPLE_LINES = 40

/** The fixtures of a rule, from `fixtures/<id>/` under `root` (none when the folder does not exist). */
export function readFixtures(root: string, id: string): RuleFixture[] {
  const dir = path.join(root, 'fixtures', id)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => {
      const expectedFile = path.join(dir, name.replace(/\.md$/, '.expected.txt'))
      const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8').split('\n').filter((l) => l.trim()) : []
      return {name, text: readFileSync(path.join(dir, name), 'utf8'), expected}
    })
}

function fence(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  const shown = lines.length > MAX_EXAMPLE_LINES ? [...lines.slice(0, MAX_EXAMPLE_LINES), `… (${lines.length - MAX_EXAMPLE_LINES} more lines)`] : lines
  // a fence longer than any backtick run inside
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  return [`${ticks}markdown`, ...shown, ticks].join('\n')
}

function findings(expected: readonly string[]): string[] {
  if (!expected.length) return ['Reported: nothing.']
  return [
    'Reported:',
    '',
    ...expected.map((line) => {
      const m = /^(\d+):(\d+)-\d+:\d+\s+(\w+)\s+(.*)$/.exec(line)
      return m ? `- line ${m[1]}, column ${m[2]}, ${m[3]}: ${m[4]}` : `- ${line}`
    }),
  ]
}

/** Pick the fixtures that show each outcome: the first whose expected findings say so. */
function pick(fixtures: readonly RuleFixture[], test: (f: RuleFixture) => boolean): RuleFixture | undefined {
  return fixtures.find(test)
}

const says = (word: RegExp) => (f: RuleFixture) => f.name.startsWith('fails') && f.expected.some((l) => word.test(l))

/** The Markdown documentation of one rule. Ends with a newline. */
export function ruleDoc(rule: AnyRule, fixtures: readonly RuleFixture[] = []): string {
  const {meta} = rule
  const clause = meta.category === 'clause'
  const profiles = Object.entries(PROFILE_RULE_IDS)
    .filter(([, ids]) => ids.includes(meta.id))
    .map(([name]) => `\`${name}\``)
  const out: string[] = [`# ${meta.id}`, '', meta.description.replace(/\s*\n\s*/g, ' ').trim().replace(/([^.!?])$/, '$1.'), '']
  out.push('| | |', '| --- | --- |', `| Category | ${meta.category} |`)
  out.push(`| Default severity | ${clause ? `${meta.severity} when the clause is missing; warning when it is vague; info when it is delegated to another document` : meta.severity} |`)
  out.push(`| Profiles | ${profiles.length ? `${profiles.join(', ')}${clause ? '' : ' (every profile that runs it), and `auto` when it picks one of them'}` : 'none by default (a custom rule, or one a config turns on)'} |`)
  out.push('')
  out.push('## What it checks', '')
  if (clause) {
    out.push(
      `The rule looks for the clause under its own heading or a synonym, in a list item, a bold-numbered paragraph, a table row, a definition, or a sentence inside another section, and decides one of four outcomes:`,
      '',
      '- **present**: stated in measurable terms; nothing is reported;',
      '- **vague**: mentioned, but nothing measurable is committed; a warning;',
      `- **missing**: nothing in the agreement covers it; ${meta.severity === 'error' ? 'an error' : `${meta.severity === 'info' ? 'an' : 'a'} ${meta.severity}`}, at the section that should hold it (or the title);`,
      '- **delegated**: the value is set in another document ("as set out in the Order Form"); info, naming that document.',
      '',
    )
  } else {
    out.push(`A ${meta.category} rule: it reports each place in the text that it flags, at the words concerned.`, '')
  }
  const messages = Object.entries(meta.messages as Record<string, string>)
  if (messages.length) {
    out.push('Messages (`{…}` is filled in from the agreement):', '')
    for (const [id, text] of messages) out.push(`- \`${id}\`: ${text.replace(/\s*\n\s*/g, ' ')}`)
    out.push('')
  }

  const examples: Array<[string, RuleFixture | undefined]> = clause
    ? [
        ['Present', pick(fixtures, (f) => f.name === 'passes.md') ?? pick(fixtures, (f) => f.name.startsWith('passes'))],
        ['Vague', pick(fixtures, says(/\bwarning\s+Vague\b/))],
        ['Missing', pick(fixtures, (f) => f.name === 'fails-missing.md') ?? pick(fixtures, says(/\s+Missing\b/))],
        ['Delegated', pick(fixtures, says(/^\S+\s+info\s/))],
      ]
    : [
        ['Not flagged', pick(fixtures, (f) => f.name === 'passes.md') ?? pick(fixtures, (f) => f.name.startsWith('passes'))],
        ['Flagged', pick(fixtures, (f) => f.name === 'fails.md') ?? pick(fixtures, (f) => f.name.startsWith('fails'))],
      ]
  if (examples.some(([, f]) => f)) {
    out.push('## Examples', '')
    for (const [title, fixture] of examples) {
      if (!fixture) continue
      out.push(`### ${title}`, '', `From \`fixtures/${meta.id}/${fixture.name}\`:`, '', fence(fixture.text), '', ...findings(fixture.name.startsWith('passes') ? [] : fixture.expected), '')
    }
  }

  out.push('## Options', '')
  const table = optionsDoc([rule]).split('\n').slice(2).join('\n').trim()
  if (clause) out.push('`headings` (list of strings): more section titles that count as the clause\'s home, as plain text (`{"headings": ["Hours of Cover"]}`).', '')
  if (table) out.push(table, '')
  else if (!clause) out.push('None.', '')

  out.push(
    '## Turning it off or down',
    '',
    'In a config file (`.clauselintrc.yaml`), for every agreement or for some:',
    '',
    '```yaml',
    'rules:',
    `  ${meta.id}: off   # or info, warn, error`,
    '```',
    '',
    `For one run: \`clauselint --rule ${meta.id}:off\`. In one agreement's front matter: \`clauselint: {rules: {${meta.id}: off}}\`.`,
    '',
    'For one finding, a comment with the reason after ` -- `:',
    '',
    '```markdown',
    clause ? `<!-- clauselint-disable-file ${meta.id} -- the clause is in the Order Form -->` : `<!-- clauselint-disable-next-line ${meta.id} -- agreed with the client on 2025-03-01 -->`,
    '```',
    '',
    clause ? 'A missing clause has no line of its own, so a suppression anywhere in the file that names the rule silences it.' : 'See the README\'s "Suppressions" for the other forms (`-line`, `disable`/`enable`, `-file`).',
    '',
  )
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
}

/** The index page of the rule docs. */
export function ruleDocsIndex(rules: readonly AnyRule[]): string {
  const rows = rules.map((r) => `| [\`${r.meta.id}\`](${r.meta.id}.md) | ${r.meta.category} | ${r.meta.severity} | ${r.meta.description.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')} |`)
  return `# Rules\n\nGenerated from rule meta and fixtures by \`npm run docs\`; \`clauselint --explain <id>\` prints the same page.\n\n| Rule | Category | Default severity | Description |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`
}

/** Every file of docs/rules (relative path → text), for `npm run docs` and the test that keeps them current. */
export function ruleDocFiles(rules: readonly AnyRule[], root: string): Record<string, string> {
  const files: Record<string, string> = {[`${RULE_DOCS_DIR}/README.md`]: ruleDocsIndex(rules)}
  for (const rule of rules) files[`${RULE_DOCS_DIR}/${rule.meta.id}.md`] = ruleDoc(rule, readFixtures(root, rule.meta.id))
  return files
}

/**
 * The text `--explain` prints: the shipped docs/rules/<id>.md when it exists, else the page generated from the rule's meta
 * alone (a custom rule has no fixtures).
 */
export function explainRule(rule: AnyRule): string {
  const root = packageRoot()
  const file = root && path.join(root, RULE_DOCS_DIR, `${rule.meta.id}.md`)
  if (file && existsSync(file)) return readFileSync(file, 'utf8')
  return ruleDoc(rule)
}

export {informationUri, packageRoot, RULE_DOCS_DIR, ruleDocUri}

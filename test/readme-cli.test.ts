// README's command reference is complete: every option the command's --help prints (and the compare and learn
// subcommands') is in README's "Command line" section, every option that section names exists, the lists of formats
// and profiles agree, and the MCP tools table lists the tools the server offers, with their inputs. README's other
// countable claims (config keys and files, presets, exit codes, profile lists, suppression ids, the JSON shape, link
// targets, counts of clauses) are checked against the code too.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import profileLists from '../rules/data/profiles.json' with {type: 'json'}
import skeletons from '../rules/data/skeletons.json' with {type: 'json'}
import {builtinRules} from '../rules/meta.js'
import {EXIT} from '../src/cli.js'
import {CONFIG_FILES, JS_CONFIG_FILES, PRESETS} from '../src/config.js'
import {TOOLS} from '../src/mcp/tools.js'
import {PROFILES} from '../src/profiles.js'
import {FORMATS} from '../src/reporters/formats.js'
import {DIRECTIVE_RULES} from '../src/suppressions.js'
import {runCli} from './helpers.js'

const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8')

/** A level-2 section of README, from its heading to the next level-2 heading. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`)
  expect(start, `README has a "## ${title}" section`).toBeGreaterThanOrEqual(0)
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

/** The options of a help text's "Options:" list: each line's long option names, with its short name if any. */
function helpOptions(help: string): Array<{long: string; short?: string}> {
  const list = help.slice(help.indexOf('\nOptions:\n'))
  expect(list.length, 'the help has an Options: list').toBeGreaterThan(20)
  const out: Array<{long: string; short?: string}> = []
  for (const line of list.split('\n')) {
    const m = /^ {2}(?:-([a-zA-Z]), )? *(--[a-z][a-z-]*)(?:, (--[a-z][a-z-]*))?/.exec(line)
    if (!m) continue
    out.push({long: m[2]!, ...(m[1] ? {short: `-${m[1]}`} : {})})
    if (m[3]) out.push({long: m[3]})
  }
  return out
}

/** The long options a text names: `--name`, outside words such as "pre--post". */
const namedOptions = (text: string): Set<string> => new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*[a-z]/g)].map((m) => m[0]))

/** The first fenced block of a section: the command reference. */
function firstBlock(text: string): string {
  const m = /\n```[a-z]*\n([\s\S]*?)\n```/.exec(text)
  expect(m, 'the section opens with a fenced block').not.toBeNull()
  return m![1]!
}

describe('README "Command line"', () => {
  const cli = section('Command line')
  const reference = firstBlock(cli)

  it('lists every option of --help in its reference, with the same short name', async () => {
    const help = (await runCli(['--help'])).stdout
    const options = helpOptions(help)
    expect(options.length).toBeGreaterThan(30)
    const missing = options.filter((o) => !namedOptions(reference).has(o.long)).map((o) => o.long)
    expect(missing, 'options --help prints that README\'s reference does not list').toEqual([])
    for (const o of options.filter((x) => x.short)) expect(reference, `README pairs ${o.short} with ${o.long}`).toMatch(new RegExp(`(?:^|\\s)${o.short}, ${o.long}\\b`, 'm'))
  })

  it('names the options of compare and learn in its usage lines', async () => {
    // the usage: the reference up to its first blank line
    const usage = reference.slice(0, reference.indexOf('\n\n'))
    expect(usage).toMatch(/^clauselint compare /m)
    for (const sub of ['compare', 'learn']) {
      const help = (await runCli([sub, '--help'])).stdout
      const options = helpOptions(help).filter((o) => o.long !== '--help')
      expect(options.length, `${sub} --help lists options`).toBeGreaterThan(0)
      expect(options.filter((o) => !namedOptions(usage).has(o.long)).map((o) => o.long), `${sub} options missing from README's usage lines`).toEqual([])
    }
  })

  it('names no option that the command, compare or learn does not have', async () => {
    const known = new Set<string>()
    for (const argv of [['--help'], ['compare', '--help'], ['learn', '--help']]) for (const o of helpOptions((await runCli(argv)).stdout)) known.add(o.long)
    expect([...namedOptions(cli)].filter((o) => !known.has(o))).toEqual([])
  })

  it('lists every output format and profile, as --help does', async () => {
    const help = (await runCli(['--help'])).stdout
    // an option's text: its line and the lines that continue it
    const optionText = (text: string, option: string): string => {
      const lines = text.split('\n')
      const i = lines.findIndex((l) => new RegExp(`^\\s*(?:-\\w, )?${option}\\b`).test(l))
      expect(i, `a line for ${option}`).toBeGreaterThanOrEqual(0)
      let j = i + 1
      while (j < lines.length && /^\s{20,}[^\s-]/.test(lines[j]!)) j++
      return lines.slice(i, j).join(' ')
    }
    for (const format of FORMATS) {
      expect(optionText(help, '--format'), `--help names format ${format}`).toMatch(new RegExp(`\\b${format}\\b`))
      expect(optionText(reference, '--format'), `README names format ${format}`).toMatch(new RegExp(`\\b${format}\\b`))
    }
    for (const profile of PROFILES) {
      expect(optionText(help, '--profile'), `--help names profile ${profile}`).toMatch(new RegExp(`\\b${profile}\\b`))
      expect(optionText(reference, '--profile'), `README names profile ${profile}`).toMatch(new RegExp(`\\b${profile}\\b`))
    }
  })
})

describe('README MCP tools table', () => {
  const mcp = readme.slice(readme.indexOf('### Assistants: the MCP server'))
  const rows = mcp
    .slice(0, mcp.indexOf('\n### ', 10))
    .split('\n')
    .filter((l) => /^\| `[a-z_]+` \|/.test(l))

  it('lists every tool the server offers, and no other', () => {
    const names = rows.map((r) => /^\| `([a-z_]+)`/.exec(r)![1]!)
    expect(names.sort()).toEqual(TOOLS.map((t) => t.name).sort())
  })

  it('names every input of each tool', () => {
    for (const tool of TOOLS) {
      const row = rows.find((r) => r.startsWith(`| \`${tool.name}\` |`))!
      expect(row, tool.name).toBeDefined()
      const input = row.split('|')[2]!
      for (const key of Object.keys(tool.input)) expect(input, `${tool.name} input ${key}`).toContain(`\`${key}\``)
    }
  })

  it('--help names what the MCP tools do, all of them', async () => {
    const help = (await runCli(['--help'])).stdout
    const mcpHelp = help.slice(help.indexOf('--mcp'), help.indexOf('--rule '))
    for (const [tool, words] of [
      ['lint_agreement', /\blint\b/],
      ['list_missing_clauses', /list missing clauses/],
      ['explain_rule', /explain rules/],
      ['suggest_skeleton', /suggest skeletons/],
      ['extract_values', /extract values/],
      ['compare_with_template', /compare with (?:a|the house) template/],
    ] as const) {
      expect(TOOLS.map((t) => t.name)).toContain(tool)
      expect(mcpHelp.replace(/\s+/g, ' '), tool).toMatch(words)
    }
  })
})

/** The rows of the first table after `from` in a text: each row's cells, trimmed; the header and rule lines left out. */
function tableAfter(text: string, from: string | RegExp): string[][] {
  const at = typeof from === 'string' ? text.indexOf(from) : text.search(from)
  expect(at, `README has ${String(from)}`).toBeGreaterThanOrEqual(0)
  const lines = text.slice(at).split('\n')
  const first = lines.findIndex((l) => l.startsWith('|'))
  const rows: string[][] = []
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break
    rows.push(line.slice(1, -1).split(' | ').map((c) => c.trim()))
  }
  expect(rows.length, `a table after ${String(from)}`).toBeGreaterThan(0)
  return rows
}

/** The backquoted words of a text, in order. */
const quoted = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)

/** GitHub's anchor for a heading. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')

const clauseRules = (ids: readonly string[]): string[] => ids.filter((id) => builtinRules.find((r) => r.meta.id === id)?.meta.category === 'clause')
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']

describe("README's claims about the code", () => {
  const prose = readme.replace(/\n```[\s\S]*?\n```/g, '\n')

  it('every link into the README leads to one of its headings, and every link to a file to a file that exists', () => {
    const anchors = new Set([...prose.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)))
    const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l))
    expect(links.length).toBeGreaterThan(10)
    for (const link of links) {
      const [file, anchor] = link.split('#')
      if (file) expect(existsSync(path.join(import.meta.dirname, '..', file)), `README links to ${link}`).toBe(true)
      else expect(anchors, `README links to ${link}`).toContain(anchor)
    }
  })

  it('the config keys table lists the keys a config file takes, and the config files are named in lookup order', () => {
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'schema', 'clauselint.schema.json'), 'utf8')) as {
      properties: Record<string, {items?: {properties: Record<string, unknown>}}>
    }
    const keys = tableAfter(section('Configuration'), '| key | meaning |').map((row) => quoted(row[0]!)[0])
    expect(keys).toEqual(Object.keys(schema.properties).filter((k) => k !== '$schema'))
    const overrides = tableAfter(section('Configuration'), '| key | meaning |').find((row) => row[0] === '`overrides`')!
    expect(/\{([^}]*)\}/.exec(overrides[1]!)![1]!.split(/,\s*/)).toEqual(Object.keys(schema.properties['overrides']!.items!.properties))
    const lookup = /reads its settings from config files[\s\S]*?\(in that order/.exec(section('Configuration'))![0]
    expect(quoted(lookup).filter((name) => name !== 'clauselint')).toEqual([...CONFIG_FILES])
    const js = /A JavaScript config \(([^)]*)\)/.exec(section('Configuration'))![1]!
    // written `.clauselintrc.js`/`.mjs`: a name, then other extensions for the same name
    const jsNames = [...js.matchAll(/`([^`]+?)(\.\w+)`((?:\/`\.\w+`)*)/g)].flatMap((m) => [m[1]! + m[2]!, ...[...m[3]!.matchAll(/`(\.\w+)`/g)].map((e) => m[1]! + e[1]!)])
    expect(jsNames).toEqual([...JS_CONFIG_FILES])
  })

  it('the presets table lists the presets, and the exit codes table the exit codes', () => {
    expect(tableAfter(section('Configuration'), '| preset | what it means |').map((row) => quoted(row[0]!)[0])).toEqual(Object.keys(PRESETS))
    expect(tableAfter(section('Command line'), '### Exit codes').map((row) => Number(row[0]))).toEqual(Object.values(EXIT))
  })

  it('the profiles section names the clause rules of each profile, in order, and the integrity rules all profiles but language run', () => {
    const profiles = section('Profiles')
    const bullet = (name: string): string => {
      const m = new RegExp(`\\n- \`${name}\`[^\\n]*(?:\\n {2}[^\\n]*)*`).exec(profiles)
      expect(m, `a bullet for ${name}`).not.toBeNull()
      return m![0]
    }
    const lists = profileLists as Record<string, string[]>
    const operational = builtinRules.filter((r) => r.meta.group?.id === 'operational').map((r) => r.meta.id)
    const msa = bullet('msa')
    expect(quoted(msa.slice(0, msa.indexOf(';'))).slice(1)).toEqual(clauseRules(lists['msa']!).filter((id) => operational.includes(id)))
    expect(clauseRules(lists['msa']!)).toEqual([...clauseRules(lists['msa']!).filter((id) => operational.includes(id)), ...clauseRules(lists['agreement']!)])
    for (const name of ['sla', 'agreement']) expect(quoted(bullet(name)).slice(1).filter((w) => /^[a-z-]+$/.test(w)), name).toEqual(clauseRules(lists[name]!))
    expect(clauseRules(lists['language']!)).toEqual([])
    const integrity = builtinRules.filter((r) => r.meta.category === 'integrity').map((r) => r.meta.id)
    const shared = /the integrity rules \(([^)]*)\)/.exec(profiles)![1]!
    expect(quoted(shared).sort()).toEqual(integrity.sort())
    for (const name of ['msa', 'sla', 'agreement']) for (const id of integrity) expect(lists[name], `${name} runs ${id}`).toContain(id)
  })

  it('the suppression checks table gives each check its id and default severity', () => {
    const rows = tableAfter(section('Suppressions'), '| rule id | default | reported when |')
    const word = (s: string): string => (s === 'warning' ? 'warn' : s)
    expect(Object.fromEntries(rows.map((row) => [quoted(row[0]!)[0], row[1]]))).toEqual(Object.fromEntries(Object.entries(DIRECTIVE_RULES).map(([id, s]) => [id, word(s)])))
  })

  it('the CI formats table lists every output format', () => {
    const listed = tableAfter(section('CI'), '| format | for |').flatMap((row) => quoted(row[0]!))
    expect([...listed].sort()).toEqual([...FORMATS].sort())
  })

  it('counts as README says: the clauses that take a playbook, and the clauses --fix drafts', () => {
    const withPlaybook = builtinRules.filter((r) => 'playbook' in ((r.meta.options as {schema?: {properties?: object}} | undefined)?.schema?.properties ?? {})).map((r) => r.meta.id)
    const playbooks = section('Playbooks: house positions per clause')
    expect(playbooks).toContain(`The ${NUMBER_WORDS[withPlaybook.length]} clauses with typed values take a \`playbook\` option`)
    expect(tableAfter(playbooks, '| rule | values a tier states |').flatMap((row) => quoted(row[0]!)).sort()).toEqual(withPlaybook.sort())
    const drafted = Object.keys(skeletons).filter((k) => !k.startsWith('$'))
    expect(section('Fixing missing clauses').replace(/\s+/g, ' ')).toContain(`(the ${NUMBER_WORDS[drafted.length]} operational clauses of the msa checklist`)
    expect(drafted.sort()).toEqual(builtinRules.filter((r) => r.meta.group?.id === 'operational').map((r) => r.meta.id).sort())
  })

  it("the JSON output example has the keys of a result, and names each message's and coverage entry's keys", async () => {
    const example = JSON.parse(/### JSON output \(public API\)[\s\S]*?```json\n([\s\S]*?)\n```/.exec(readme)![1]!) as Array<Record<string, Array<Record<string, unknown>>>>
    const {stdout} = await runCli(['--format', 'json', 'fixtures/agreements/a-vague-everything.md'])
    const [result] = JSON.parse(stdout) as Array<Record<string, Array<Record<string, unknown>>>>
    expect(Object.keys(example[0]!).sort()).toEqual(Object.keys(result!).sort())
    expect(Object.keys(example[0]!['messages']![0]!).sort()).toEqual(Object.keys(result!['messages']!.find((m) => m['outcome'] === 'vague')!).sort())
    expect(Object.keys(example[0]!['coverage']![0]!).sort()).toEqual(Object.keys(result!['coverage']![0]!).sort())
  })
})

// README's command reference is complete: every option the command's --help prints (and the compare and learn
// subcommands') is in README's "Command line" section, every option that section names exists, the lists of formats
// and profiles agree, and the MCP tools table lists the tools the server offers, with their inputs.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {TOOLS} from '../src/mcp/tools.js'
import {PROFILES} from '../src/profiles.js'
import {FORMATS} from '../src/reporters/formats.js'
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

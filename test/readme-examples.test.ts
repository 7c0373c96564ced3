// README's worked examples are the command's real output: every fenced block that starts with "$ clauselint …" and
// names files of the repository is run, and what it prints must be what README shows. (Blocks that name files a reader
// would have, such as `agreements/acme-msa.md`, are illustrations and are skipped.)
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from './helpers.js'

const REPO = path.join(import.meta.dirname, '..')
const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')

/** The team example runs in its contracts folder's parent (README: `fixtures/config/team/` is that folder). */
const TEAM = path.join(REPO, 'fixtures', 'config', 'team')

interface Example {
  line: number
  argv: string[]
  cwd: string
  output: string
}

function examples(): Example[] {
  const out: Example[] = []
  const re = /^```\n\$ clauselint ([^\n]*)\n([\s\S]*?)^```$/gm
  for (let m; (m = re.exec(readme)); ) {
    const argv = m[1]!.split(' ')
    const output = m[2]!
    const cwd = argv.length === 1 && argv[0] === '.' && output.startsWith('contracts/') ? TEAM : REPO
    // the files it names must be the repository's
    const files = argv.filter((a, i) => !a.startsWith('-') && !(argv[i - 1] ?? '').match(/^(?:-f|--format|-o|--template)$/) && a !== 'compare')
    const named = [...files, ...argv.filter((_, i) => argv[i - 1] === '--template')]
    if (!named.every((f) => existsSync(path.join(cwd, f)))) continue
    out.push({line: readme.slice(0, m.index).split('\n').length + 1, argv, cwd, output})
  }
  return out
}

const tidy = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('\n').trim()

describe("README's examples print what README shows", () => {
  const found = examples()
  it('finds the examples that name the repository\'s files', () => {
    // the checklist, the team config, compare and the redline at least
    expect(found.length).toBeGreaterThanOrEqual(4)
  })
  for (const ex of found) {
    it(`README line ${ex.line}: clauselint ${ex.argv.join(' ')}`, async () => {
      const ran = await runCli(ex.argv, {cwd: ex.cwd})
      expect(tidy(ran.stdout)).toBe(tidy(ex.output))
    })
  }
})

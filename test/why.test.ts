// scripts/why.ts explains a clause decision along the path the rule really takes (topic filter, list context).
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tempDirs} from './helpers.js'

const root = path.join(import.meta.dirname, '..')
const tempDir = tempDirs('why-')
const why = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'why.ts'), ...args], {cwd: root, encoding: 'utf8', timeout: 60_000})

const TEXT = `# Support Agreement

Between Tallis Digital Ltd ("Tallis") and Corrie Bakeries Ltd ("you").

## Response

Tallis will respond to support requests within the following times:

- P1: 1 hour
- P2: 4 hours

## Fees

The fee is £300 a month.
`

describe('scripts/why.ts', () => {
  it('prints the outcome and the units judged in order, each list item with the sentence that introduced it', () => {
    const dir = tempDir({'a.md': TEXT})
    const r = why(path.join(dir, 'a.md'), 'response-times')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^outcome: present/)
    expect(r.stdout).toMatch(/judged, in order:/)
    // the finder stops at the first present: the intro with its list of times (in its home: a title that is only the
    // metric's noun, "Response", is the home of the response times)
    expect(r.stdout).toMatch(/\n {2}7 \(in its home\): present {2}"Tallis will respond to support requests within the following times:"/)
    // the fee sentence never reaches the judge (topic filter), so it is not listed
    expect(r.stdout).not.toMatch(/The fee is/)
  })

  it('--unreached lists what the real path never judges but the judge would decide, and nothing it did judge', () => {
    const hours = '# Terms\n\nBetween A Ltd ("we") and B Ltd ("you").\n\n## Support hours\n\nSupport hours are 08:00 to 18:00 UK time, Monday to Friday.\n\n## Helpdesk\n\nThe helpdesk hours are 09:00 to 17:00 UK time, Monday to Friday.\n'
    const dir = tempDir({'h.md': hours})
    const r = why(path.join(dir, 'h.md'), 'service-hours', '--unreached')
    expect(r.status).toBe(0)
    const [judged, unreached] = r.stdout.split(/not judged on the real path[^\n]*\n/)
    // the search stops at the first present: the helpdesk hours are never judged, though the judge would take them
    expect(judged).toMatch(/\n {2}7 \(in its home\): present {2}"Support hours are/)
    expect(judged).not.toMatch(/helpdesk hours/)
    expect(unreached).toMatch(/\n? {2}11: present {2}"The helpdesk hours are/)
    expect(unreached).not.toMatch(/Support hours are/)
  })

  it('a rule that is not a clause rule, a file that cannot be read, or missing arguments: exit 2 with one line', () => {
    for (const r of [why('x.md', 'no-vague-terms'), why(path.join(tempDir(), 'none.md'), 'response-times'), why()]) {
      expect(r.status).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})

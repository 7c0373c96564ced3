// House-standard findings on clauses the agreement states: their own message, outcome `present` and `policy: true`,
// so that the clause still counts as present in the coverage (and the checklist built from it).
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import {fingerprints} from '../src/reporters/common.js'
import {json} from '../src/reporters/json.js'

const SLA = `# Support Agreement

Between Harrow Lane IT Ltd ("Provider") and Dunmore Dental Ltd ("Client").

## Service levels

| Priority | Criteria | Response |
|---|---|---|
| P1 | The whole practice cannot work | 3 hours |
| P2 | One surgery room cannot work | 6 hours |

No more than two P1 incidents may be raised in any rolling 12-month period.
`

describe('policy findings', () => {
  const result = lint(SLA, {filePath: 'sla.md', profile: 'msa'})
  const slow = result.messages.filter((m) => m.ruleId === 'response-times')

  it('a response slower than the house maximum is a policy finding on a present clause', () => {
    expect(slow.map((m) => [m.messageId, m.outcome, m.policy])).toEqual([
      ['slow', 'present', true],
      ['slow', 'present', true],
    ])
    expect(slow[0]!.message).toMatch(/Slow response time "3 hours" for P1; the house maximum is 1 hour/)
    expect(result.coverage.find((c) => c.ruleId === 'response-times')?.outcome).toBe('present')
  })

  it('"in any rolling 12-month period" is not a response time', () => {
    expect(slow.some((m) => /12-month|rolling/.test(m.message))).toBe(false)
  })

  it('the JSON report carries the flag', () => {
    const out = JSON.parse(json([result])) as Array<{messages: Array<{ruleId: string; outcome?: string; policy?: boolean}>}>
    expect(out[0]!.messages.filter((m) => m.ruleId === 'response-times').every((m) => m.outcome === 'present' && m.policy === true)).toBe(true)
  })

  it('a policy finding keeps the fingerprint it had without an outcome (by its message), so existing baselines still match', () => {
    const before = {...result, messages: result.messages.map(({outcome: _o, policy: _p, ...m}) => (m.messageId === 'slow' ? m : {...m, ...(_o ? {outcome: _o} : {})}))}
    const now = fingerprints(result)
    const then = fingerprints(before)
    const slowAt = result.messages.flatMap((m, i) => (m.messageId === 'slow' ? [i] : []))
    expect(slowAt).toHaveLength(2)
    for (const i of slowAt) expect(now[i]).toBe(then[i])
    expect(new Set(slowAt.map((i) => now[i])).size).toBe(2)
  })

  it('clause defects carry no policy flag', () => {
    expect(result.messages.filter((m) => m.outcome === 'missing' || m.outcome === 'vague').every((m) => m.policy === undefined)).toBe(true)
  })
})

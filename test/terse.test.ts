// Terse forms read in full (src/reading/terse.ts): the expansion, and the map back to the text as written.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {type Expanded, expandTerse, expandTitle, fromRaw, toRaw} from '../src/reading/terse.js'

describe('expandTerse', () => {
  it.each([
    ['Svcs', 'Services'],
    ['Hrs & resp.', 'Hours & response'],
    ['Not incl.', 'Not included'],
    ['Helpdesk hrs: M-F 7:30a-5:00p ET, excl. US holidays.', 'Helpdesk hours: Monday to Friday 7:30 am-5:00 pm ET, excluding US holidays.'],
    ['Urgent tix: 1 hr response.', 'Urgent tickets: 1 hour response.'],
    ['After-hrs: avail. by arrangement', 'After-hours: available by arrangement'],
    ['Flat fee $1,740/mo, term 12 mos', 'Flat fee $1,740/month, term 12 months'],
    ['Desk open 8a-6p CT', 'Desk open 8 am-6 pm CT'],
    ['Sev 1: 30 min', 'Severity 1: 30 min'],
    ['billed T&M at $135/hr', 'billed time and materials at $135/hour'],
    ['billed at [1.5x / 2x] the Standard Rate', 'billed at […] the Standard Rate'],
    ['backed up [hourly/daily/weekly]', 'backed up […]'],
    ['within [N] minutes', 'within […] minutes'],
  ])('reads %j as %j', (written, full) => {
    expect(expandTerse(written).text).toBe(full)
  })

  it.each([
    'The HR team and the payroll office', // "HR", capitals, is human resources
    'Mono prints 4p each, colour 9p each', // pence, not clock times
    'The two offices pay $400 and $650 resp. each month', // respectively, after an amount
    'Say hello to Mo and the team', // "mo" only after a number or a slash
    'We support the MFA setup',
    'Site: [Leeds]', // a filled-in-looking slot is for the placeholder rule, not a choice of values
    '- [x] Daily backups', // a ticked box
    'nightly at 01:00 [1]', // a note mark
  ])('leaves %j as written', (text) => {
    expect(expandTerse(text).text).toBe(text)
  })

  it('maps every offset of the expanded text back to the text as written', () => {
    const written = 'Urgent tix: 1 hr response.'
    const e = expandTerse(written)
    const at = e.text.indexOf('response')
    expect(written.slice(toRaw(e, at), toRaw(e, at + 'response'.length))).toBe('response')
    const tickets = e.text.indexOf('tickets')
    expect(written.slice(toRaw(e, tickets), toRaw(e, tickets + 7))).toBe('tix')
    expect(fromRaw(e, written.indexOf('response'))).toBe(at)
  })

  // The plain reading of the map, piece by piece from the end: the binary search must agree with it everywhere.
  const scan = (e: Expanded, offset: number, from: 'view' | 'raw'): number => {
    for (let i = e.pieces.length - 1; i >= 0; i--) {
      const p = e.pieces[i]!
      const [at, to, toLength] = from === 'view' ? [p.view, p.raw, p.rawLength] : [p.raw, p.view, p.viewLength]
      if (offset < at) continue
      if (!p.replaced) return to + Math.min(offset - at, toLength)
      return offset === at ? to : to + toLength
    }
    return 0
  }
  const words = ['Svcs', 'hrs', 'tix', 'resp.', 'M-F', '7:30a-5:00p', 'ET', 'incl.', '/mo', 'Sev 1', 'T&M', '[N]', 'the', 'desk', 'open', ',', '8a-6p CT', 'x']

  it('maps offsets both ways as a scan of the pieces would, and an offset as written outside any form comes back to itself', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), {maxLength: 14}), (parts) => {
        const written = parts.join(' ')
        const e = expandTerse(written)
        for (let v = 0; v <= e.text.length; v++) expect(toRaw(e, v)).toBe(scan(e, v, 'view'))
        for (let r = 0; r <= written.length; r++) {
          expect(fromRaw(e, r)).toBe(scan(e, r, 'raw'))
          const inForm = e.pieces.some((p) => p.replaced && r > p.raw && r < p.raw + p.rawLength)
          if (!inForm) expect(toRaw(e, fromRaw(e, r))).toBe(r)
        }
      }),
      {seed: 20261202, numRuns: 200},
    )
  })

  it('reads a terse title in full and leaves a full one as it is', () => {
    expect(expandTitle('2. Not incl.')).toBe('2. Not included')
    expect(expandTitle('Service Levels')).toBe('Service Levels')
  })
})

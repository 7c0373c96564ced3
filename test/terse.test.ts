// Terse forms read in full (src/reading/terse.ts): the expansion, and the map back to the text as written.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import {type Expanded, expandTerse, expandTitle, fromRaw, hasTerse, mayHoldTerse, toRaw, withoutStruck} from '../src/reading/terse.js'

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
    ['Min. standards (clinic side)', 'Minimum standards (clinic side)'],
    ['Your side (min reqs)', 'Your side (minimum requirements)'],
    ['P1: 1h resp / 4h fix', 'P1: 1h response / 4h resolution'],
    ['P2 | 4 hrs resp / 2 days fix', 'P2 | 4 hours response / 2 days resolution'],
    // a form before or after a letter outside ASCII in punctuation is still a word of its own
    ['Crit. — 1 hr resp', 'Critical — 1 hour response'],
    ['Hrs—Mon to Fri', 'Hours—Mon to Fri'],
    // words a redline strikes through are read as not there
    ['Desk open 08:00 to ~~17:30~~ 18:30 UK time', 'Desk open 08:00 to 18:30 UK time'],
    ['~~Fixes within 8 hours.~~ Fixes as parts allow.', 'Fixes as parts allow.'],
    ['within ~~ 8 ~~ hours, or ~3 days', 'within ~~ 8 ~~ hours, or ~3 days'],
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
    'Calls answered within 15 min. during opening hours', // minutes, after a number
    'A 30 min standards check each quarter', // minutes, after a number
    'Min Zhao, Office Manager', // a name: capitalised, without the stop
    'We fix printers on site', // a verb, not the time to fix
    'Windows monthly; 2 fix packs a year', // after a count that is no time
    // a letter outside ASCII continues the word, which \b takes for its end: no form there
    'Critério de prioridade | Crítica', // "Crit" before "é" is Portuguese "critério"
    'Svcsé and Hrsø', // invented words that start with a form's letters
    'Éresp and øhrs', // and end with them
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

describe('mayHoldTerse', () => {
  // does some terse form match in the text? (the expansion replaces at least one piece)
  const holds = (text: string): boolean => expandTerse(text).pieces.some((p) => p.replaced)
  const pieces = [
    'Svcs', 'svc', 'hrs', 'Hrs', 'hr', 'resp', 'Resol', 'incl.', 'Excl', 'avail.', 'tix', 'Tkts', 'tkt', 'mgmt', 'Maint', 'reqs', "req'd", 'Req’d',
    'requid', "add'l", 'Add’l', 'addl', 'bkup', 'Bups', 'B/U', 'b/u', 'bkps', 'Sev', 'pri', 'Crit', 'h/w', 'S/W', 'w/o', 'W/', 'T&M', 'OOH', 'wkdays',
    'Wknd', 'mthly', 'Mnthly', 'min', 'Min', 'min.', 'Min.', 'wkly', 'Qtrly', 'yrly', 'mo', 'mos', 'wk', 'wks', 'yr', 'yrs', 'qtr', 'qtrs', 'BD', 'BDs', '[N]', '[a/b]', '[4 or 8]',
    'M-F', 'M – Sa', 'M', 'F', 'Sa', '7:30a', '8a', '6p', '5:00p', '1', '12', '$1,740', ' ', '  ', '\t', '-', '–', '.', ',', ':', ';', '/', '&', '[', ']',
    "'", '’', 'x', 'a', 'p', 'T', 'the', 'an', 'Hours', 'é', '_', '(', ')', 'ET',
  ]

  it('passes every text in which a terse form matches (generated from the forms and what surrounds them)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 12}), (parts) => {
        const text = parts.join('')
        if (holds(text)) expect(mayHoldTerse(text)).toBe(true)
        expect(hasTerse(text)).toBe(holds(text))
        // a title is expanded after the letter test, a text by the forms' expression alone: the same words
        expect(expandTitle(text)).toBe(expandTerse(text).text)
      }),
      {seed: 20261203, numRuns: 5000},
    )
  })

  it('passes every line of the fixtures in which a terse form matches', () => {
    const root = path.join(import.meta.dirname, '..', 'fixtures')
    let matched = 0
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, {withFileTypes: true})) {
        const full = path.join(dir, e.name)
        if (e.isDirectory()) walk(full)
        else if (e.name.endsWith('.md'))
          for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
            if (!holds(line)) continue
            matched++
            expect(mayHoldTerse(line), line).toBe(true)
          }
      }
    }
    walk(root)
    expect(matched).toBeGreaterThan(20)
  })

  it('leaves out text with none of its cues', () => {
    expect(mayHoldTerse('The Provider responds to Priority 1 incidents within 4 hours, 24/7.')).toBe(false)
    expect(mayHoldTerse('Backups run nightly and are kept for 30 days.')).toBe(false)
  })
})

describe('withoutStruck', () => {
  it.each([
    ['Backups run ~~weekly~~ **nightly**.', `Backups run ${' '.repeat(10)} **nightly**.`],
    ['~~Fixes within 8 hours.~~ Fixes as parts allow.', `${' '.repeat(25)} Fixes as parts allow.`],
    ['within ~~8~~ 6 hours', `within ${' '.repeat(5)} 6 hours`],
    // not a struck run: a space just inside its marks, an approximate figure, a run left open
    ['within ~~ 8 ~~ hours', 'within ~~ 8 ~~ hours'],
    ['within ~3 days', 'within ~3 days'],
    ['within ~~8 hours', 'within ~~8 hours'],
  ])('reads %j as %j', (written, live) => {
    expect(withoutStruck(written)).toBe(live)
    expect(withoutStruck(written).length).toBe(written.length)
  })
})

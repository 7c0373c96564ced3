// Pointers at statements made elsewhere in the agreement, and what they reach (src/reading/pointers.ts).
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {read} from '../src/reading/index.js'
import {pointersIn} from '../src/reading/pointers.js'

describe('pointersIn', () => {
  it.each([
    ['Outside those hours, calls go to the on-call engineer.', 'those hours', 'back', 'hours'],
    ['We answer within the times above.', 'the times above', 'back', 'times'],
    ['An engineer arrives no later than the periods in the table below.', 'the periods in the table below', 'forward', 'periods'],
    ['Charged at the rates set out in the preceding table.', 'the rates set out in the preceding table', 'back', 'rates'],
    ['Support runs during the hours set out in clause 4.', 'the hours set out in clause 4', 'part', 'hours'],
    ['Extra work is billed at the rates in Schedule 2.', 'the rates in Schedule 2', 'part', 'rates'],
    ['The hours in clause 4 of the Agreement apply.', 'The hours in clause 4', 'part', 'hours'],
  ])('finds the pointer in %j', (text, phrase, way, noun) => {
    const found = pointersIn(text)
    expect(found).toHaveLength(1)
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(phrase)
    expect(found[0]!.way).toBe(way)
    expect(found[0]!.noun).toBe(noun)
  })

  it.each([
    ['We work such hours as the Client asks for.'],
    ['During these hours:'],
    ['The rates in Schedule 2 of the Reseller Terms apply.'],
    ['Work is billed at the rates in Schedule 2 to the Vendor Agreement.'],
    ['Those engineers are certified.'],
  ])('finds no pointer in %j', (text) => {
    expect(pointersIn(text)).toEqual([])
  })
})

describe('reach', () => {
  const doc = buildDocument(
    [
      '# Terms',
      '',
      '## 2. Hours',
      '',
      '2.1 The service desk is staffed 08:00 to 18:00 UK time, Monday to Friday.',
      '',
      '2.2 Outside those hours, urgent calls go to the on-call engineer.',
      '',
      '## 4. Rates',
      '',
      'On-call work is £90 per hour.',
      '',
      '## 5. Visits',
      '',
      'Visits are charged at the rates in clause 4, or at the rates in clause 9.',
    ].join('\n'),
    'terms.md',
  )
  const reading = read(doc)
  const blockWith = (s: string) => doc.blocks.find((b) => b.text.includes(s))!
  const hours = (t: string): boolean => reading.values(t).hours.some((h) => h.from !== undefined)
  const money = (t: string): boolean => reading.values(t).money.length > 0

  it('reaches the nearest statement before that holds the value asked for', () => {
    const block = blockWith('Outside those hours')
    const [p] = reading.pointers(block.text)
    expect(reading.reach(block, p!.start, p!, hours)?.text).toContain('08:00 to 18:00')
  })

  it('reaches into the numbered part named, and reaches nothing in a part that is not there', () => {
    const block = blockWith('Visits are charged')
    const [four, nine] = reading.pointers(block.text)
    expect(reading.reach(block, four!.start, four!, money)?.text).toBe('On-call work is £90 per hour.')
    expect(reading.reach(block, nine!.start, nine!, money)).toBeUndefined()
  })

  it('reaches nothing when no statement before holds the value', () => {
    const block = blockWith('Outside those hours')
    const [p] = reading.pointers(block.text)
    expect(reading.reach(block, p!.start, p!, money)).toBeUndefined()
  })
})

describe('reach into a schedule titled by its heading', () => {
  it('finds "Schedule 2" in a heading written "## Schedule 2: Rates", and nothing in a schedule that is not there', () => {
    const doc = buildDocument('# Terms\n\nExtra work is billed at the rates in Schedule 2, or at the rates in Schedule 3.\n\n## Schedule 2: Rates\n\nEngineer time is £120 per hour.\n', 'terms.md')
    const reading = read(doc)
    const block = doc.blocks.find((b) => b.text.startsWith('Extra work'))!
    const [two, three] = reading.pointers(block.text)
    const money = (t: string): boolean => reading.values(t).money.length > 0
    expect(reading.reach(block, two!.start, two!, money)?.text).toBe('Engineer time is £120 per hour.')
    expect(reading.reach(block, three!.start, three!, money)).toBeUndefined()
    expect(reading.targetInDocument('Schedule 2')).toBe(true)
    expect(reading.targetInDocument('Schedule 3')).toBe(false)
  })
})

// The section tree: how numbered paragraphs are titled, and where sentences end.
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {MAX_SENTENCE, splitSentences} from '../src/text.js'

/** The sections below the title of a one-paragraph agreement, as "number title", and the text of its last block. */
function tree(paragraph: string): {sections: string[]; text: string} {
  const doc = buildDocument(`# Support Terms\n\n## 3. Scope\n\n${paragraph}\n`, 'x.md')
  const sections = doc.sections.filter((s) => s.kind !== 'root' && s.depth > 2).map((s) => `${s.number ?? ''} ${s.title}`)
  return {sections, text: doc.blocks[doc.blocks.length - 1]!.text.trim()}
}

describe('a numbered paragraph opened by a short title run in before its text', () => {
  it.each([
    ['3.2 Not covered. Printers, phones and CCTV are quoted at £80 per hour.', ['3.2 Not covered'], 'Printers, phones and CCTV are quoted at £80 per hour.'],
    ['3.4 Response times: P1 within 1 hour, P2 within 4 hours.', ['3.4 Response times'], 'P1 within 1 hour, P2 within 4 hours.'],
    ['3.2 **Not covered.** Printers, phones and CCTV.', ['3.2 Not covered'], 'Printers, phones and CCTV.'],
    ['3.5 The Service Desk. Open 08:00 to 18:00 UK time on weekdays.', ['3.5 The Service Desk'], 'Open 08:00 to 18:00 UK time on weekdays.'],
  ])('%s is titled by it', (paragraph, sections, text) => {
    expect(tree(paragraph)).toEqual({sections, text})
  })

  // look-alikes: a statement, a lead-in of one sentence, an abbreviation, a number
  it.each([
    '3.2 We cover nothing else. Printers, phones and CCTV are quoted at £80 per hour.',
    '3.2 Backups are nightly. They are kept for 30 days.',
    '3.2 Not included: the LAN cabling, switches and Wi-Fi.',
    '3.2 The Managed Services exclude: Printers and phones.',
    '3.2 Brook Farm Ltd. agrees to keep its PCs patched.',
    '3.2 Clause 4 applies. Nothing else does.',
  ])('%s is not titled', (paragraph) => {
    expect(tree(paragraph).sections).toEqual([])
  })
})

describe('splitSentences', () => {
  const split = (t: string) => splitSentences(t).map((r) => t.slice(r.start, r.end))
  it.each<[string, string[]]>([
    // a dot leader joins a label to its value: no sentence ends inside it
    ['Helpdesk open ...... 7.30am to 6pm, Monday to Friday.\nMonthly fee ........ $900.', ['Helpdesk open ...... 7.30am to 6pm, Monday to Friday.', 'Monthly fee ........ $900.']],
    // an ellipsis written against its word still ends a sentence
    ['We look after it all... The rest is billed.', ['We look after it all...', 'The rest is billed.']],
    ['Call us on 555 0100. Email works too.', ['Call us on 555 0100.', 'Email works too.']],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected)
  })

  // a run without a sentence end longer than MAX_SENTENCE is read in pieces, cut at clause breaks, else at spaces
  it('cuts an overlong sentence at its last clause break, keeping every word in one piece', () => {
    const clause = 'the Provider will respond to incidents and restore service, '
    const text = `${clause.repeat(Math.ceil((2.5 * MAX_SENTENCE) / clause.length))}and nothing else.`
    const ranges = splitSentences(text)
    expect(ranges.length).toBe(3)
    for (const r of ranges) {
      expect(r.end - r.start).toBeLessThanOrEqual(MAX_SENTENCE)
      // each piece but the last ends at a comma, and the next starts at a word
      if (r !== ranges.at(-1)) expect(text[r.end - 1]).toBe(',')
      expect(text[r.start]).toMatch(/\S/)
    }
    // nothing is lost between the pieces but the spaces at the cuts
    expect(ranges.map((r) => text.slice(r.start, r.end)).join(' ')).toBe(text)
  })

  it('cuts at a space where there is no clause break, and never inside a word', () => {
    const words = 'word '.repeat(MAX_SENTENCE)
    for (const r of splitSentences(words)) expect(r.end - r.start).toBeLessThanOrEqual(MAX_SENTENCE)
    expect(splitSentences(words).map((r) => words.slice(r.start, r.end)).join(' ')).toBe(words.trimEnd())
    // one word longer than the bound, alone or after a short lead, stays whole: a pattern matching the word matches all of it
    const blob = 'A1B2'.repeat(MAX_SENTENCE)
    expect(splitSentences(blob)).toEqual([{start: 0, end: blob.length}])
    const led = `Provider will respond ${'a'.repeat(5000)}!`
    expect(splitSentences(led)).toEqual([{start: 0, end: led.length}])
    // a long word straddling the bound ends its piece at the space after it
    const word = 'x'.repeat(5000)
    const text = `${'ab '.repeat(300)}${word} and more words follow here`
    const ranges = splitSentences(text)
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual([`${'ab '.repeat(300)}${word}`, 'and more words follow here'])
  })

  it('leaves a long sentence under the bound whole', () => {
    const text = `${'The Provider shall, '.repeat(Math.floor((MAX_SENTENCE - 20) / 20))}respond.`
    expect(split(text)).toEqual([text])
  })
})

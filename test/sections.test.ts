// The section tree: how numbered paragraphs are titled, and where sentences end.
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {splitSentences} from '../src/text.js'

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
})

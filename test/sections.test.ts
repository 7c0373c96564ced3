// The section tree: how numbered paragraphs are titled, and where sentences end; the mdast tree a built document keeps.
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../src/document.js'
import {lint} from '../src/lint.js'
import {combineDocuments} from '../src/docset.js'
import {parseMarkdown, ParseCache} from '../src/parse.js'
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

  // a numbered first line whose sentence runs on into the next line, as a hand-wrapped or pasted paragraph breaks it, is
  // no title: the whole paragraph is the clause's text
  it.each([
    ['ends on a word that cannot end a line', '3.2 Kalmar provides telephone and e-mail support for the\ninventory system and maintenance of its database.'],
    ['the next line opens in lower case', '3.2 Kalmar provides telephone and e-mail support\nfor the inventory system and maintenance of its database.'],
  ])('a first line that %s is not a title', (_name, paragraph) => {
    expect(tree(paragraph)).toEqual({sections: ['3.2 '], text: paragraph.replace('\n', ' ')})
  })

  it('a short numbered title over a sentence that opens with a capital stays a title', () => {
    expect(tree('3.2 Service Desk\nThe desk is open from 8am to 6pm UK time on weekdays.')).toEqual({sections: ['3.2 Service Desk'], text: 'The desk is open from 8am to 6pm UK time on weekdays.'})
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
    // a word written short before the number it labels or qualifies, or a title or company form before a name, ends no sentence
    ['The charge is Rs. 1,500 per visit. GST is extra.', ['The charge is Rs. 1,500 per visit.', 'GST is extra.']],
    ['Each visit lasts max. 4 hours (ca. 2 on average). See Sch. 2, p. 3.', ['Each visit lasts max. 4 hours (ca. 2 on average).', 'See Sch. 2, p. 3.']],
    ['Escalate to Prof. Iyer or Ing. Novák at Acme Pvt. Ltd. today.', ['Escalate to Prof. Iyer or Ing. Novák at Acme Pvt. Ltd. today.']],
    // the same words end a sentence before anything else, and an ordinary word before a number still ends one
    ['The rate is set to the max. Then it stays.', ['The rate is set to the max.', 'Then it stays.']],
    ['We reply the same day. 2 engineers are on call.', ['We reply the same day.', '2 engineers are on call.']],
    ["Backups are the Customer's. 2 copies are kept.", ["Backups are the Customer's.", '2 copies are kept.']],
    // a word written short inside a short bracketed aside ends no sentence; a sentence in brackets still ends
    ['The fee is set out in the price list (doc. 12). It is paid monthly.', ['The fee is set out in the price list (doc. 12).', 'It is paid monthly.']],
    ['Call-outs cost £90 (excl. VAT) and are billed monthly.', ['Call-outs cost £90 (excl. VAT) and are billed monthly.']],
    ['Reply within 4 hours (see doc. A-4 and Ref. 7) on working days.', ['Reply within 4 hours (see doc. A-4 and Ref. 7) on working days.']],
    ['Backups run nightly [abbr. BKP] at 01:00.', ['Backups run nightly [abbr. BKP] at 01:00.']],
    ['Support is open daily (exc. Sunday mornings) from 8 am.', ['Support is open daily (exc. Sunday mornings) from 8 am.']],
    ['We patch monthly (We fix it. You pay.) and report.', ['We patch monthly (We fix it.', 'You pay.) and report.']],
    ['We patch monthly (doc. The fee is due.) Then we report.', ['We patch monthly (doc.', 'The fee is due.)', 'Then we report.']],
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

describe('a line of capitals on its own, followed by body text, is a heading', () => {
  /** Every section below the root as "depth kind number title". */
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.kind} ${s.number ?? '-'} ${s.title}`)

  it.each<[string, string, string[]]>([
    [
      'numbered, with the title line first',
      'HELPDESK AGREEMENT\n\n1. SERVICES\n\nWe look after the office PCs.\n\n8. FEES\n\nCAD 600 per month, payable within 30 days.\n',
      ['1 line - HELPDESK AGREEMENT', '2 line 1 SERVICES', '2 line 8 FEES'],
    ],
    [
      'unnumbered, siblings of each other',
      'Intro text of the agreement.\n\nSUPPORT HOURS\n\n9am to 5pm CET, Monday to Friday.\n\nCHARGES\n\nEUR 300 per month.\n',
      ['1 line - SUPPORT HOURS', '1 line - CHARGES'],
    ],
    [
      'numbered by sub-clause, nesting by its number',
      'Preamble text.\n\n4 SERVICE LEVELS\n\nAs below.\n\n4.1 RESPONSE TIMES\n\nWithin 2 hours.\n\n5 TERM\n\nTwelve months.\n',
      ['1 line 4 SERVICE LEVELS', '2 line 4.1 RESPONSE TIMES', '1 line 5 TERM'],
    ],
    [
      'a heading ended by a colon, a question-style heading',
      'Preamble text.\n\nBACKUPS:\n\nNightly at 01:00.\n\nWHAT WE WILL DO\n\nPatch your servers.\n',
      ['1 line - BACKUPS', '1 line - WHAT WE WILL DO'],
    ],
    [
      'an unnumbered line under a Markdown heading',
      '# Support Terms\n\nSome text.\n\nSUPPORT HOURS\n\n8am to 6pm AEST.\n',
      ['1 heading - Support Terms', '2 line - SUPPORT HOURS'],
    ],
    [
      'of two lines of capitals past the first line, only the one over body text',
      'Intro.\n\nSCHEDULE TWO\n\nSUPPORT DESK\n\n8am to 6pm AEST.\n',
      ['1 line - SUPPORT DESK'],
    ],
    // a numbered or lettered part and its name, split by a colon, is one title
    [
      'a part and its name split by a colon, in capitals, in bold and numbered',
      'Intro.\n\nCARD 1: DESK SUPPORT\n\nPhone and remote help.\n\n**Annexure B: Excluded Work**\n\nCabling.\n\n3. Schedule 2: Charges\n\nGBP 900 a month.\n',
      ['1 line - CARD 1: DESK SUPPORT', '1 bold - Annexure B: Excluded Work', '1 line 2 Charges'],
    ],
    ['an ordinal part and its name', 'Intro.\n\nSECOND SCHEDULE: CHARGES\n\nGBP 900 a month.\n', ['1 line - SECOND SCHEDULE: CHARGES']],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // look-alikes: shouting inside prose, a label, a party's name, a defined term, a quoted term, a heading over a heading
  it.each<[string, string]>([
    ['a shouted sentence', 'Intro.\n\nTHE PROVIDER SHALL NOT BE LIABLE FOR LOST DATA\n\nThe Client keeps its own copies.\n'],
    ['a shouted paragraph over two lines', 'Intro.\n\nTO THE FULLEST EXTENT PERMITTED BY LAW\nALL WARRANTIES ARE EXCLUDED\n\nThe Client keeps its own copies.\n'],
    ['a label with its value', 'Intro.\n\nCLIENT: FJORD DESIGN\n\nThe Client keeps its own copies.\n'],
    ['a numbered label with a figure after the colon', 'Intro.\n\nPRIORITY 1: 30 MINUTES\n\nThe Client keeps its own copies.\n'],
    ['a label with its value in bold', 'Intro.\n\n**Hours: Monday to Friday**\n\nWe answer the phone then.\n'],
    ['a numbered label with its value', 'Intro.\n\n1. Response: Within two hours\n\nThe Client gives access.\n'],
    ["a note's label", 'Intro.\n\nNOTE 1: PRICES EXCLUDE VAT\n\nThe Client pays on time.\n'],
    ["a party's name", 'Intro.\n\nNORTHGATE SYSTEMS LIMITED\n\nof 4 Mill Lane, Leeds.\n'],
    ['a company name ending in Pty Ltd', 'Intro.\n\nBRIGHTWATER IT PTY LTD\n\nThe Provider.\n'],
    ['a defined term whose definition follows in lower case', 'Intro.\n\nBUSINESS DAY\n\nmeans a day other than a Saturday or Sunday.\n'],
    ['a quoted defined term', 'Intro.\n\n"SUPPORT HOURS"\n\n8am to 6pm AEST.\n'],
    ['a long line of capitals', 'Intro.\n\nPLEASE READ THESE TERMS CAREFULLY BEFORE SIGNING THIS AGREEMENT WITH US TODAY\n\nThank you.\n'],
    ['a line with a lower-case word', 'Intro.\n\nSUPPORT hours\n\n8am to 6pm AEST.\n'],
    ['a line of capitals with nothing under it', 'Intro.\n\nSUPPORT HOURS\n'],
  ])('%s is not a heading', (_name, text) => {
    expect(outline(text)).toEqual([])
  })

  it('keeps the line as the heading block of its section, and the body in the section', () => {
    const doc = buildDocument('Intro.\n\n8. FEES\n\nUSD 900 per month.\n', 'x.md')
    const fees = doc.sections.find((s) => s.title === 'FEES')!
    expect(fees.blocks.map((b) => [b.kind, b.text.trim()])).toEqual([['heading', 'FEES'], ['paragraph', 'USD 900 per month.']])
    expect(fees.headingPosition.start.line).toBe(3)
  })
})

describe('lines of "Label: value" pairs are the rows of a table written out', () => {
  /** Each block below the headings as "kind | header | cells | first line". */
  const rows = (text: string): string[] =>
    buildDocument(text, 'x.md').blocks.filter((b) => b.kind !== 'heading').map((b) => `${b.kind} | ${b.header?.join(',') ?? '-'} | ${b.cells?.join(',') ?? '-'} | ${b.position.start.line}`)

  it.each<[string, string, string[]]>([
    [
      'a line per row, the labels as the header',
      '# Terms\n\nPriority: P1; Response: 1 hour; Fix: 4 hours\nPriority: P2; Response: 4 hours; Fix: 2 days\n',
      ['table-row | Priority,Response,Fix | P1,1 hour,4 hours | 3', 'table-row | Priority,Response,Fix | P2,4 hours,2 days | 4'],
    ],
    [
      'a first cell with no label, a value holding "; ", a row missing a label',
      '# Terms\n\nGold; Covers: servers; laptops; Price: £900\nSilver; Price: £500; Covers: laptops\n',
      ['table-row | ,Covers,Price | Gold,servers; laptops,£900 | 3', 'table-row | ,Covers,Price | Silver,laptops,£500 | 4'],
    ],
    [
      'a list item per row, named in bold before a dash',
      '# Terms\n\n- **P1** — Response: 1 hour; Fix: 4 hours\n- **P2** — Response: 4 hours; Fix: 2 days\n',
      ['table-row | ,Response,Fix | P1,1 hour,4 hours | 3', 'table-row | ,Response,Fix | P2,4 hours,2 days | 4'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected)
  })

  it('keeps findings on the line of the row', () => {
    const doc = buildDocument('# Terms\n\nPriority: P1; Response: 1 hour\nPriority: P2; Response: promptly\n', 'x.md')
    const row = doc.blocks.find((b) => b.text.includes('promptly'))!
    expect(doc.source.slice(row.segments[0]!.sourceStart).startsWith('Priority: P2')).toBe(true)
    expect(row.text).toBe('Priority: P2 | Response: promptly')
  })

  // look-alikes: one pair on a line, a sentence with a colon, a line that is not a record among lines that are, prose items
  it.each<[string, string]>([
    ['one pair per line', '# Terms\n\nHelp desk: 8am to 6pm\nWeekends: closed\n'],
    ['a sentence with colons', '# Terms\n\nNote: the fee is fixed for the term; the Client may not vary it: it is final.\n'],
    ['a line of prose among records', '# Terms\n\nPriority: P1; Response: 1 hour\nAll other calls are answered the next day.\n'],
    ['a label written twice in a line', '# Terms\n\nNote: one; Note: two\n'],
    ['list items of prose', '# Terms\n\n- Remote support: weekdays\n- On-site visits: on request\n'],
  ])('%s is not read as a table', (_name, text) => {
    expect(rows(text).every((r) => !r.startsWith('table-row'))).toBe(true)
  })
})

describe('a first column that only numbers the rows is no key', () => {
  /** Each table row as "header | cells | text". */
  const rows = (text: string): string[] =>
    buildDocument(text, 'x.md').blocks.filter((b) => b.kind === 'table-row').map((b) => `${b.header?.join(',') ?? '-'} | ${b.cells?.join(',') ?? '-'} | ${b.text}`)

  it.each<[string, string, string[]]>([
    [
      'a Markdown table numbered "No."',
      '# T\n\n| No. | Measure | Target |\n|---|---|---|\n| K1 | Response time | 30 minutes |\n| K2 | Restore time | 4 hours |\n',
      ['Measure,Target | Response time,30 minutes | Measure: Response time | Target: 30 minutes', 'Measure,Target | Restore time,4 hours | Measure: Restore time | Target: 4 hours'],
    ],
    [
      'an HTML table numbered "#"',
      '# T\n\n<table>\n<tr><th>#</th><th>Measure</th><th>Target</th></tr>\n<tr><td>1</td><td>Response time</td><td>30 minutes</td></tr>\n</table>\n',
      ['Measure,Target | Response time,30 minutes | Measure: Response time | Target: 30 minutes'],
    ],
    // look-alikes: a column of levels, a column under an empty header, a table of two columns
    [
      'a first column of levels under "ID"',
      '# T\n\n| ID | Response | Fix |\n|---|---|---|\n| P1 | 1 hour | 4 hours |\n',
      ['ID,Response,Fix | P1,1 hour,4 hours | ID: P1 | Response: 1 hour | Fix: 4 hours'],
    ],
    [
      'a first column under an empty header',
      '# T\n\n| | Response | Fix |\n|---|---|---|\n| 1 | 1 hour | 4 hours |\n',
      [',Response,Fix | 1,1 hour,4 hours | 1 | Response: 1 hour | Fix: 4 hours'],
    ],
    [
      'a table of two columns',
      '# T\n\n| No. | Service |\n|---|---|\n| 1 | Help desk |\n',
      ['No.,Service | 1,Help desk | No.: 1 | Service: Help desk'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected)
  })
})

describe('a fixed-width table in a fenced block of plain text is a table', () => {
  /** Each table row as "header | cells | text", and each cell's source text at its mapped offset. */
  const read = (text: string): {rows: string[]; mapped: string[]} => {
    const blocks = buildDocument(text, 'x.md').blocks.filter((b) => b.kind === 'table-row')
    const mapped = blocks.flatMap((b) => b.segments.filter((g) => g.length > 0).map((g) => `${b.text.slice(g.textStart, g.textStart + g.length)}=${text.slice(g.sourceStart, g.sourceStart + g.length)}`))
    return {rows: blocks.map((b) => `${b.header?.join(',') ?? '-'} | ${b.cells?.join(',') ?? '-'} | ${b.text}`), mapped}
  }
  const TABLE = ['PRIORITY [1]  RESPOND  RESOLVE', '------------  -------  -------', 'P1            15 min   4 h', 'P2            30 min   TBC']

  it.each<[string, string, string[]]>([
    ['a fence with no language', ['# T', '', '```', ...TABLE, '```', ''].join('\n'), ['PRIORITY,RESPOND,RESOLVE | P1,15 min,4 h | PRIORITY: P1 | RESPOND: 15 min | RESOLVE: 4 h', 'PRIORITY,RESPOND,RESOLVE | P2,30 min,TBC | PRIORITY: P2 | RESPOND: 30 min | RESOLVE: TBC']],
    ['a fence of "text", a value running past its column', ['# T', '', '```text', 'MEASURE    TARGET', '---------  ------', 'Service desk availability  99.5%', '```', ''].join('\n'), ['MEASURE,TARGET | Service desk availability,99.5% | MEASURE: Service desk availability | TARGET: 99.5%']],
    ['a fence of tildes in a list item', ['# T', '', '- Levels:', '', '  ~~~txt', ...TABLE.map((l) => `  ${l}`), '  ~~~', ''].join('\n'), ['PRIORITY,RESPOND,RESOLVE | P1,15 min,4 h | PRIORITY: P1 | RESPOND: 15 min | RESOLVE: 4 h', 'PRIORITY,RESPOND,RESOLVE | P2,30 min,TBC | PRIORITY: P2 | RESPOND: 30 min | RESOLVE: TBC']],
  ])('%s', (_name, text, expected) => {
    const {rows, mapped} = read(text)
    expect(rows).toEqual(expected)
    // every cell maps back to the same text in the source
    for (const m of mapped) expect(m.split('=')[0]).toBe(m.split('=')[1])
  })

  // look-alikes: code in a language, a text block with no rule of dashes, a rule with one column, a rule with no titles
  it.each<[string, string]>([
    ['a fence of code with the same lines', ['# T', '', '```sql', ...TABLE, '```', ''].join('\n')],
    ['a text block of "key: value" lines', ['# T', '', '```', 'firewall:  FortiGate 60F', 'account:   TBD', '```', ''].join('\n')],
    ['a text block ruled under one title', ['# T', '', '```', 'NOTES', '-----', 'P1 15 min', '```', ''].join('\n')],
    ['a rule of dashes with no titles above it', ['# T', '', '```', '------------  -------', 'P1            15 min', '```', ''].join('\n')],
  ])('%s is not read as a table', (_name, text) => {
    expect(read(text).rows).toEqual([])
  })
})

describe('lettered lines are a list typed without list syntax', () => {
  const blocks = (text: string): string[] =>
    buildDocument(text, 'x.md').blocks.filter((b) => b.kind !== 'heading').map((b) => `${b.kind} | ${b.text} | ${b.position.start.line}:${b.position.start.column}`)

  it.each<[string, string, string[]]>([
    [
      'a lead-in over lettered lines, nested roman items, and a line after them',
      '# Terms\n\nWe provide:\na) support for 12 staff;\nb) backups:\n(i) nightly;\n(ii) weekly.\nOther work is charged by the hour.\n',
      ['paragraph | We provide: | 3:1', 'list-item | support for 12 staff; | 4:4', 'list-item | backups: | 5:4', 'list-item | nightly; | 6:5', 'list-item | weekly. | 7:6', 'paragraph | Other work is charged by the hour. | 8:1'],
    ],
    [
      'roman items alone, without a lead-in',
      '# Terms\n\n(i) remote support;\n(ii) patching.\n',
      ['list-item | remote support; | 3:5', 'list-item | patching. | 4:6'],
    ],
    // each item opening with a bold title is an item of its own, starting at its title's mark as a Markdown item does
    [
      'items that open with a bold title, after a lead-in',
      '# Terms\n\nThe fees are as follows:\n\n(a) **Set-up:** £500;  \n(b) **Monthly:** £900.\n',
      ['paragraph | The fees are as follows: | 3:1', 'list-item | Set-up: £500; | 5:5', 'list-item | Monthly: £900. | 6:5'],
    ],
    [
      'levels that open with a bold title, without a lead-in',
      '# Terms\n\na) **P1 (Critical)** the whole office is down;\nb) **P2 (High)** one person cannot work.\n',
      ['list-item | P1 (Critical) the whole office is down; | 3:4', 'list-item | P2 (High) one person cannot work. | 4:4'],
    ],
    // an item wrapped over lines: the lines before the next item are its own, and the last item runs on only inside a
    // sentence ("… and aim to" / "close it …"); a sentence after it is the paragraph after the list
    [
      'items wrapped over lines, a sentence after them',
      '# Terms\n\nWe sort calls into:\na) **Urgent**: nobody can work.\nWe answer within 15 minutes.\nb) **Routine**: anything else. We answer and aim to\nclose it within 2 days.\nThe times run in business hours.\n',
      [
        'paragraph | We sort calls into: | 3:1',
        'list-item | Urgent: nobody can work.\nWe answer within 15 minutes. | 4:4',
        'list-item | Routine: anything else. We answer and aim to close it within 2 days. | 6:4',
        'paragraph | The times run in business hours. | 8:1',
      ],
    ],
    // capital roman numerals with a dash, as Portuguese and Spanish contracts number a clause's items
    [
      'capital roman items with a dash, without a lead-in in the paragraph',
      '# Terms\n\nI – help desk for 14 users;\nII – monitoring of two servers;\nIII – one visit a week.\n',
      ['list-item | help desk for 14 users; | 3:5', 'list-item | monitoring of two servers; | 4:6', 'list-item | one visit a week. | 5:7'],
    ],
    [
      'capital roman items in brackets, after a lead-in',
      '# Terms\n\nWe provide:\n(I) support;\n(II) backups.\n',
      ['paragraph | We provide: | 3:1', 'list-item | support; | 4:5', 'list-item | backups. | 5:6'],
    ],
    [
      'a last item continued on a line indented under it',
      '# Terms\n\na) Urgent: nobody can work.\n   We answer within 15 minutes.\nb) Low: a question.\n   We answer within 2 days.\n',
      ['list-item | Urgent: nobody can work.\nWe answer within 15 minutes. | 3:4', 'list-item | Low: a question.\nWe answer within 2 days. | 5:4'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(blocks(text)).toEqual(expected)
  })

  // look-alikes: one item, letters out of sequence, a lead-in that introduces nothing, letters inside prose
  it.each<[string, string]>([
    ['one lettered line', '# Terms\n\nWe provide:\na) support for 12 staff.\n'],
    ['letters out of sequence', '# Terms\n\nWe provide:\na) support;\nc) backups.\n'],
    ['a first line that does not introduce the lines after it', '# Terms\n\nWe look after your office.\na) support;\nb) backups.\n'],
    ['letters cited inside a sentence', '# Terms\n\nThe fees in clause 4(a) and clause 4(b) are fixed for the term.\n'],
    ['one item with a bold title', '# Terms\n\nThe fees are as follows:\n(a) **Set-up:** £500.\n'],
    ['one item with lines after it and letters out of sequence', '# Terms\n\nWe provide:\na) support;\nthe help desk.\nc) backups.\n'],
    ['capital romans with a full stop (parts of the agreement)', '# Terms\n\nThe parties agree:\nI. The contract is signed in two copies.\nII. The courts of Curitiba settle disputes.\n'],
    ['one capital roman line with a dash', '# Terms\n\nWe provide:\nI – support for 12 staff.\n'],
  ])('%s stays one paragraph', (_name, text) => {
    expect(blocks(text).every((b) => b.startsWith('paragraph'))).toBe(true)
  })
})

describe('plain lines after a lead-in are a list typed without list syntax', () => {
  const blocks = (text: string): string[] =>
    buildDocument(text, 'x.md')
      .blocks.filter((b) => b.kind !== 'heading')
      .map((b) => `${b.kind} | ${b.text} | ${b.position.start.line}`)

  it.each<[string, string, string[]]>([
    [
      'items under "covers:", a sentence after them',
      '# Terms\n\nYour plan covers:\nHelp desk for all staff\nPatching of PCs\nWe quote other work first.\n',
      ['paragraph | Your plan covers: | 3', 'list-item | Help desk for all staff | 4', 'list-item | Patching of PCs | 5', 'paragraph | We quote other work first. | 6'],
    ],
    [
      'items that end in ";", the last in "."',
      '# Terms\n\nThe plan does not include the following:\nwebsite edits;\ncabling;\nmoves.\n',
      ['paragraph | The plan does not include the following: | 3', 'list-item | website edits; | 4', 'list-item | cabling; | 5', 'list-item | moves. | 6'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(blocks(text)).toEqual(expected)
  })

  // look-alikes: one line after the lead-in, a sentence broken across lines, lines of sentences, no lead-in
  it.each<[string, string]>([
    ['one line after the lead-in', '# Terms\n\nYour plan covers:\nHelp desk for all staff\n'],
    ['a sentence broken across lines', '# Terms\n\nSome work falls outside the plan:\nanything we have not agreed with you in writing and\nanything else you ask of us.\n'],
    ['lines of sentences', '# Terms\n\nPlease note:\nWe answer calls in order.\nWe bill extra work monthly.\n'],
    ['lines with no lead-in', '# Terms\n\nWe look after your office\nHelp desk for all staff\nPatching of PCs\n'],
  ])('%s stays one paragraph', (_name, text) => {
    expect(blocks(text).every((b) => b.startsWith('paragraph'))).toBe(true)
  })
})

describe('a paragraph wrapped to a width reads across its line breaks', () => {
  /** The text of the first block after the title. */
  const text = (body: string): string => buildDocument(`# Terms\n\n${body}\n`, 'x.md').blocks[1]!.text

  it.each<[string, string, string]>([
    [
      'before a capital and before a number',
      'The helpdesk is open from 08:00 to 18:00 on weekdays, UK\nTime, and answers every call logged in those hours within\n4 hours of the call being logged by the Client or its staff.',
      'The helpdesk is open from 08:00 to 18:00 on weekdays, UK Time, and answers every call logged in those hours within 4 hours of the call being logged by the Client or its staff.',
    ],
    [
      'a line left short where the next word would not fit',
      'Support is available on weekdays from 7.30am to 5.30pm\n(AEST), other than on public holidays in the State of\nVictoria, and at other times by arrangement with us.',
      'Support is available on weekdays from 7.30am to 5.30pm (AEST), other than on public holidays in the State of Victoria, and at other times by arrangement with us.',
    ],
  ])('%s', (_name, body, expected) => {
    expect(text(body)).toBe(expected)
  })

  it.each<[string, string, string]>([
    [
      'a short line that runs on in lower case does not count against the width',
      'Our desk is staffed Monday to Friday, from 08:00 to 18:00\nUK time, except bank\nholidays in England, and answers each call within two hours.',
      'Our desk is staffed Monday to Friday, from 08:00 to 18:00 UK time, except bank holidays in England, and answers each call within two hours.',
    ],
    [
      'an address whose short line runs on stays apart from the line after it',
      'Harbour Lane IT Ltd, registered at 4 Mill Street, Leeds LS1 4AB,\nin England\nCompany number 01234567',
      'Harbour Lane IT Ltd, registered at 4 Mill Street, Leeds LS1 4AB, in England\nCompany number 01234567',
    ],
  ])('%s', (_name, body, expected) => {
    expect(text(body)).toBe(expected)
  })

  it('a title line over a numbered paragraph stays apart (its heading), the paragraph reads across its wrap', () => {
    const doc = buildDocument('# Terms\n\nArticle 3 Service times\n3.1 The service desk can be reached by telephone and e-mail from Monday to Friday, 8:00 to 17:30\nCentral European Time, except on national public holidays in the Netherlands.\n', 'x.md')
    const section = doc.sections.find((x) => x.number === '3')!
    expect(section.title).toBe('Service times')
    expect(section.blocks.map((b) => [b.kind, b.text.trim()])).toEqual([
      ['paragraph', '3.1 The service desk can be reached by telephone and e-mail from Monday to Friday, 8:00 to 17:30 Central European Time, except on national public holidays in the Netherlands.'],
    ])
  })

  // look-alikes: a column of short lines, lines of uneven length, a label per line, a list item, a sentence's end
  it.each<[string, string]>([
    ['a column of short lines', 'Monday to Friday\nSaturday mornings\nBank holidays closed'],
    ['lines of uneven length', 'Harbour Lane IT Ltd, 4 Mill Street, Leeds LS1 4AB, England\nRegistered in England\nVAT No 123 4567 89'],
    ['a label per line', 'Help desk: 8am to 6pm Monday to Friday, Pacific Time zone\nEvenings and weekends: emergencies only, at $180 an hour'],
    ['a line after a sentence ends', 'We answer calls from 8am to 6pm Monday to Friday, Pacific.\nTime spent on site is billed at the hourly rate of clause 4.'],
  ])('%s keeps its line breaks', (_name, body) => {
    expect(text(body)).toBe(body)
  })
})

describe('a numbered heading in any case, written as Markdown reads a numbered line, is a heading', () => {
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.kind} ${s.number ?? '-'} ${s.title}`)

  it.each<[string, string, string[]]>([
    [
      'a short title numbered as a list of one item',
      'Support terms for the office.\n\n1. What you get\n\n- Helpdesk for 9 staff\n- Patching, monthly\n\n2. Not included\n\nNew hardware and projects.\n',
      ['1 line 1 What you get', '1 line 2 Not included'],
    ],
    [
      'a question as the title',
      'Support terms.\n\n3. Is anything not covered?\n\nPrinters and phones.\n\nHOW QUICKLY WILL YOU RESPOND?\n\nWithin 2 hours.\n',
      ['1 line 3 Is anything not covered?', '2 line - HOW QUICKLY WILL YOU RESPOND?'],
    ],
    [
      'a numbered heading right after a numbered list, counted out of the list',
      'Support terms.\n\n1. Services\n\nWe provide:\n\n1. Help desk\n2. Patching\n\n2. Exclusions\n\nPrinters and phones.\n',
      ['1 line 1 Services', '1 line 2 Exclusions'],
    ],
    [
      'a line of capitals right after a numbered list of sentences',
      'Support terms.\n\nWe provide:\n\n1. Help desk by phone.\n2. Patching each month.\n\n3. EXCLUSIONS\n\nPrinters and phones.\n',
      ['1 line 3 EXCLUSIONS'],
    ],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // Reading: a numbered title over a numbered list whose count starts again under it is that list's title, not its
  // first item (Markdown reads the title's number and the items' numbers as one list)
  it.each<[string, string, string[]]>([
    [
      'a title over a list counted again from 1, the next title after the list',
      'Support terms.\n\n3. Scope of work\n\n1. Survey of the office\n2. New cabling on two floors\n\n4. Fees\n\nA fixed price of £900.\n',
      ['1 line 3 Scope of work', '1 line 4 Fees'],
    ],
    [
      'a title numbered 1 over items numbered 1, 2, …',
      'Support terms.\n\n1. What the plan covers\n\n1. Help desk for 12 staff\n2. Patching each month\n\n2. Not included\n\nPrinters and phones.\n',
      ['1 line 1 What the plan covers', '1 line 2 Not included'],
    ],
    ['a title in capitals over a list counted again', 'Terms.\n\n2. SERVICES\n\n1. Help desk\n2. Patching\n3. Backups\n', ['1 line 2 SERVICES']],
    [
      'titles numbered apart from the clauses, the clauses counting on past each title',
      'Terms.\n\n1. DEFINITIONS\n\n1. Fee means the monthly fee.\n2. Site means the office.\n3. Hours means 8am to 6pm.\n\n2. SERVICES\n\n4. The Provider will patch each PC.\n5. The Provider will answer calls.\n',
      ['1 line 1 DEFINITIONS', '1 line 2 SERVICES'],
    ],
    ['a title lettered after the list\'s number, over a list counted again', 'Terms.\n\n1. A. Locations covered\n\n1. Main office\n2. Warehouse\n', ['1 line A Locations covered']],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  it('keeps the items under a title whose list is counted again in that title\'s section, numbered as written', () => {
    const doc = buildDocument('Terms.\n\n3. Scope of work\n\n1. Survey of the office\n2. New cabling\n', 'x.md')
    const scope = doc.sections.find((s) => s.title === 'Scope of work')!
    expect(scope.blocks.map((b) => [b.kind, b.text.trim()])).toEqual([['heading', 'Scope of work'], ['list-item', 'Survey of the office'], ['list-item', 'New cabling']])
  })

  // look-alikes: a list numbered "1." throughout, a sentence over a list counted again, a count that goes on
  it.each<[string, string]>([
    ['a list numbered "1." throughout', 'Intro.\n\n1. Help desk\n1. Patching\n1. Backups\n'],
    ['a sentence over a list counted again', 'Intro.\n\n2. The Provider will do the following.\n\n1. Help desk\n2. Patching\n'],
    ['a lettered sentence over a list counted again', 'Intro.\n\n2. B. We will patch every PC\n\n1. Help desk\n2. Patching\n'],
    ['a count that goes on past a short item', 'Intro.\n\n1. Help desk\n2. Patching\n3. Backups\n'],
    ['a number written twice in a count', 'Intro.\n\n1. Help desk\n2. Patching\n2. Backups\n3. Email\n'],
  ])('%s has no title in it', (_name, text) => {
    expect(outline(text)).toEqual([])
  })

  // Reading: lettered lines ("a) …", "(i) …") under a title line are its text, as a list under it is; a line that opens
  // in lower case without a letter's bracket continues the line above it
  it.each<[string, string, string[]]>([
    ['a line of capitals over lettered lines', 'Terms.\n\n6. RESPONSE AND REPAIR\n\na) Calls are logged on the portal.\nb) An engineer attends within 4 hours.\n', ['1 line 6 RESPONSE AND REPAIR']],
    ['a numbered title over roman-numbered lines', 'Terms.\n\n2. Client duties\n\ni) Keep the server room locked.\nii) Report faults the same day.\n', ['1 line 2 Client duties']],
    ['look-alike: capitals over a line that continues them', 'Terms.\n\n6. BUSINESS DAY\n\nmeans a weekday that is not a public holiday.\n', []],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // Reading: a question is a title in any shape (a page of questions and answers titles each answer so), however many
  // its words up to twelve, whatever its verbs
  it.each<[string, string, string[]]>([
    ['a numbered question of two levels', 'Terms.\n\n1.2 What will you do if a laptop is stolen?\n\nWe lock it remotely and wipe it.\n', ['1 numbered 1.2 What will you do if a laptop is stolen?']],
    ['a long question in capitals', 'Terms.\n\nWHAT IF SOMETHING BREAKS AT NIGHT OR ON A WEEKEND?\n\nCall the out-of-hours line.\n', ['1 line - WHAT IF SOMETHING BREAKS AT NIGHT OR ON A WEEKEND?']],
    ['a question with a word in italics', 'Terms.\n\n3. What\'s *not* included?\n\nPrinters and phones.\n', ['1 line 3 What\'s not included?']],
    ['a line of capitals with a word in italics', 'Terms.\n\nWHAT IS *NOT* COVERED\n\nPrinters and phones.\n', ['1 line - WHAT IS NOT COVERED']],
    ['look-alike: a sentence with a word in italics', 'Terms.\n\n3. We will *not* cover printers.\n\nPhones are quoted.\n', []],
    ['a questionnaire\'s numbered request', 'Terms.\n\n3.6 Describe your backup approach.\n\nWe back up every night.\n', ['1 numbered 3.6 Describe your backup approach']],
    ['look-alike: a numbered duty in the imperative', 'Terms.\n\n3.6 Provide the help desk from 8am to 6pm.\n\nThe Client pays monthly.\n', []],
    ['a numbered title with an abbreviation', 'Terms.\n\n4. Your side (min. standards)\n\nEvery PC runs a supported Windows.\n', ['1 line 4 Your side (min. standards)']],
    ['a bold title with an abbreviation', 'Terms.\n\n**What\'s incl. in the fee**\n\n- Help desk\n- Patching\n', ['1 bold - What\'s incl. in the fee']],
    ['look-alike: two sentences on a bold line', 'Terms.\n\n**Fees are due monthly. Late fees apply.**\n\n- Help desk\n- Patching\n', []],
    ['look-alike: a numbered line of two sentences', 'Terms.\n\n4. Pay monthly. no refunds\n\nEvery PC runs a supported Windows.\n', []],
    ['a numbered title that opens with a question\'s word', 'Terms.\n\n1. What the office needs to have in place\n\nA fibre line and a locked comms cupboard.\n', ['1 line 1 What the office needs to have in place']],
    [
      'look-alike: a numbered line asking more than a title does',
      'Terms.\n\n1.2 Is the office covered if a laptop is lost on a train, stolen from a car or left at a client site overnight?\n\nYes.\n',
      [],
    ],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // Reading: a part's word and number over a short title ("Part 2 — Hours") is a heading, as "Article 2 – Hours" is
  it.each<[string, string, string[]]>([
    ['a part titled after a dash', 'Terms.\n\nPart 2 — Hours\n\nSupport runs from 8am to 6pm UK time.\n', ['1 line 2 Hours']],
    ['a part titled after a stop', 'Terms.\n\nPart 3. After hours\n\nCall-outs are charged at £95 an hour.\n', ['1 line 3 After hours']],
    ['look-alike: a sentence that names a part', 'Terms.\n\nPart 2 of this agreement applies to both sites\n\nSupport runs from 8am to 6pm UK time.\n', []],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  it('keeps the list items before a trailing heading in the section above it', () => {
    const doc = buildDocument('Support terms.\n\n1. Services\n\nWe provide:\n\n1. Help desk\n2. Patching\n\n2. Exclusions\n\nPrinters.\n', 'x.md')
    const services = doc.sections.find((s) => s.title === 'Services')!
    expect(services.blocks.map((b) => b.text.trim())).toEqual(['Services', 'We provide:', 'Help desk', 'Patching'])
  })

  // look-alikes: a numbered list of short items, a one-item list of a sentence, a continuing count, no body after it
  it.each<[string, string]>([
    ['a numbered list of short items', 'Intro.\n\n1. Help desk\n2. Patching\n3. Backups\n\nAll for one fee.\n'],
    ['a one-item list that is a sentence', 'Intro.\n\n1. We will patch every PC monthly\n\nThe Client gives access.\n'],
    ['a one-item list with a colon', 'Intro.\n\n1. Response: within 2 hours\n\nThe Client gives access.\n'],
    ['a short last item that continues the count', 'Intro.\n\n1. Help desk\n2. Patching\n\n3. Backups\n\nAll for one fee.\n'],
    ['a short title with nothing under it', 'Intro.\n\n1. What you get\n'],
    ['a one-item list in lower case', 'Intro.\n\n1. help desk only\n\nThe Client gives access.\n'],
  ])('%s is not a heading', (_name, text) => {
    expect(outline(text)).toEqual([])
  })
})

describe('the tree of a built document', () => {
  const text = [
    '# Support Terms',
    '',
    '**Uptime** means the share of a month the service is up (the **Services**), see [Schedule A](a.md).',
    '',
    '> [**Bold Link**](b.md) and *Emphasis Only* <br>',
    '',
    '<!-- clauselint-disable no-vague-terms -- quoted from the order form -->',
    '',
    '| Term | Meaning |',
    '|---|---|',
    '| **Business Day** | a weekday |',
    '',
  ].join('\n')

  it('is read when asked: the tree the parser gives, parsed once and then kept', () => {
    const doc = buildDocument(text, 'x.md')
    expect(doc.tree).toEqual(parseMarkdown(text))
    expect(doc.tree).toBe(doc.tree)
    // with an editor's parse cache, the tree parsed for the build itself
    const cached = buildDocument(text, 'x.md', {parseCache: new ParseCache()})
    expect(cached.tree).toEqual(parseMarkdown(text))
    // a set's document takes its main document's tree as it is, unread
    const member = buildDocument('# Schedule A\n\nThe service levels.\n', 'a.md', {firstSectionId: doc.sections.length})
    const combined = combineDocuments(doc, [member])
    expect(typeof Object.getOwnPropertyDescriptor(combined, 'tree')?.get).toBe('function')
    expect(combined.tree).toEqual(doc.tree)
  })

  it('keeps its marks: every bold run and link (nested ones too) with its siblings, and HTML that names a suppression', () => {
    const doc = buildDocument(text, 'x.md')
    const at = (s: string): number => text.indexOf(s)
    expect(doc.marks).toEqual([
      {type: 'strong', text: 'Uptime', before: '', after: ' means the share of a month the service is up (the ', offset: at('**Uptime**')},
      {type: 'strong', text: 'Services', before: ' means the share of a month the service is up (the ', after: '), see ', offset: at('**Services**')},
      {type: 'link', text: 'Schedule A', before: '), see ', after: '.', offset: at('[Schedule A]')},
      {type: 'link', text: 'Bold Link', before: '', after: ' and ', offset: at('[**Bold Link**]')},
      {type: 'strong', text: 'Bold Link', before: '', after: '', offset: at('**Bold Link**')},
      {type: 'html', text: '<!-- clauselint-disable no-vague-terms -- quoted from the order form -->', before: '', after: '', offset: at('<!--')},
      {type: 'strong', text: 'Business Day', before: '', after: '', offset: at('**Business Day**')},
    ])
    // look-alikes: emphasis is no bold run, and HTML that names no suppression is not kept
    expect(doc.marks.some((m) => m.text === 'Emphasis Only' || m.text === '<br>')).toBe(false)
  })
})

describe('curly quotes and apostrophes read as straight ones, one character for one', () => {
  it('reads a curly denial as a denial, and keeps every position', () => {
    const text = '# Terms\n\nWe don’t guarantee that the line will be uninterrupted, and “Business Hours” means 9am to 5pm.\n'
    const doc = buildDocument(text, 'x.md')
    const block = doc.blocks[1]!
    expect(block.text).toBe('We don\'t guarantee that the line will be uninterrupted, and "Business Hours" means 9am to 5pm.')
    // the text keeps its length, so each offset still points at its own character of the source
    const at = block.text.indexOf('guarantee')
    const seg = block.segments.find((s) => s.textStart <= at && at < s.textStart + s.length)!
    expect(text.slice(seg.sourceStart + at - seg.textStart, seg.sourceStart + at - seg.textStart + 9)).toBe('guarantee')
  })

  it('flags a curly guarantee that is not denied, and not one denied with a curly apostrophe', () => {
    const flagged = (line: string): string[] => lint(`# Terms\n\n${line}\n`, {filePath: 'x.md'}).messages.filter((m) => m.ruleId === 'no-overpromising').map((m) => m.message)
    expect(flagged('We don’t guarantee that the line will be uninterrupted.')).toEqual([])
    expect(flagged('We guarantee that the line will be uninterrupted.')).not.toEqual([])
    // look-alike: an apostrophe that is no negation ("We’ll") leaves the promise a promise
    expect(flagged('We’ll guarantee that the line will be uninterrupted.')).not.toEqual([])
  })
})

describe('a bold line on its own, followed by body text, is a heading', () => {
  /** Every section below the root as "depth kind number title". */
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.kind} ${s.number ?? '-'} ${s.title}`)

  it.each<[string, string, string[]]>([
    [
      'numbered by "§", "Clause" and "Article", as a translated contract titles its clauses',
      'Intro.\n\n**§ 4 Response Time**\n\n(1) We start work within 2 hours.\n\n**Clause 5 – Fees**\n\n(1) EUR 300 per month.\n\n**Article 6. Term**\n\n(1) Twelve months.\n',
      ['1 bold 4 Response Time', '1 bold 5 Fees', '1 bold 6 Term'],
    ],
    [
      'unnumbered, siblings of each other',
      'Intro.\n\n**Support Hours**\n\n8am to 6pm CET, Monday to Friday.\n\n**Charges:**\n\nEUR 300 per month.\n',
      ['1 bold - Support Hours', '1 bold - Charges'],
    ],
    [
      "the document's first line as its title, over the numbered clauses",
      '**Support Agreement No. 7/2027**\n\nBetween Lindner IT and Praxis Vogt.\n\n**§ 1. Services**\n\nHelp desk for 9 staff.\n',
      ['1 bold - Support Agreement No. 7/2027', '2 bold 1 Services'],
    ],
    [
      'a numbered title over an unnumbered one',
      'Intro.\n\n**§ 3 Services**\n\n**Help desk**\n\nMonday to Friday, 8am to 5pm CET.\n',
      ['1 bold 3 Services', '2 bold - Help desk'],
    ],
    [
      'an unnumbered title after a bold numbered run-in clause nests under it',
      'Intro.\n\n**13. Term.** 36 months.\n\n**Equipment Schedule**\n\n| Item | Serial |\n|---|---|\n| Copier | A9 |\n',
      ['1 bold 13 Term', '2 bold - Equipment Schedule'],
    ],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // look-alikes: a bold lead-in with its text, a note's label, bold inside a sentence, a bold sentence, a label with
  // its value, a bracketed slot, a party's name, a quoted term, a bold line with nothing under it
  it.each<[string, string]>([
    ['a bold lead-in with its text', 'Intro.\n\n**Note:** Prices exclude VAT.\n\nThe Client pays monthly.\n'],
    ["a note's label alone", 'Intro.\n\n**Please note:**\n\nPrices exclude VAT.\n'],
    ['bold inside a sentence', 'Intro.\n\nWe provide **all support** listed below.\n\nThe Client pays monthly.\n'],
    ['a bold sentence', 'Intro.\n\n**The Client must keep its own backups.**\n\nWe are not liable for lost data.\n'],
    ['a label with its value', 'Intro.\n\n**Help desk: 9am to 5pm**\n\nCall us on 555 0100.\n'],
    ['a bracketed slot', 'Intro.\n\n**[Customer Legal Name]**\n\nof [address].\n'],
    ["a party's name", 'Intro.\n\n**Northgate Systems Limited**\n\nRegistered in England.\n'],
    ['a quoted term', 'Intro.\n\n**"Support Hours"**\n\n8am to 6pm AEST.\n'],
    ['a bold line with nothing under it', 'Intro.\n\n**Support Hours**\n'],
  ])('%s is not a heading', (_name, text) => {
    expect(outline(text)).toEqual([])
  })

  it('keeps the bold line as the heading block of its section, and the body in the section', () => {
    const doc = buildDocument('Intro.\n\n**§ 9 Remuneration**\n\n(1) EUR 1,150 per month.\n', 'x.md')
    const fees = doc.sections.find((s) => s.title === 'Remuneration')!
    expect(fees.blocks.map((b) => [b.kind, b.text.trim()])).toEqual([['heading', '§ 9 Remuneration'], ['paragraph', '(1) EUR 1,150 per month.']])
    expect(fees.headingPosition.start.line).toBe(3)
    expect(fees.blocks[1]!.position.start.line).toBe(5)
  })
})

describe("a letter's closing belongs to no clause", () => {
  /** The title of the section that holds the block whose text starts with `start`. */
  const home = (text: string, start: string): string => buildDocument(text, 'x.md').blocks.find((b) => b.text.trimStart().startsWith(start))!.section.title

  it.each<[string, string, string]>([
    ['an invitation to sign, after a bold title', '# Renewal\n\nDear Ms Nandra,\n\n**Data protection**\n\nWe keep your data in the UK.\n\nIf you are happy with these terms, please sign below.\n', 'If you are happy'],
    ['a sign-off, after a heading', '# Renewal\n\n## Price\n\nGBP 400 per month.\n\nKind regards,\n\nPriya\n', 'Kind regards'],
  ])('%s goes back to the title', (_name, text, start) => {
    expect(home(text, start)).toBe('Renewal')
  })

  // look-alikes: a clause that opens with "if you", thanks inside a clause
  it.each<[string, string, string, string]>([
    ['a condition of the clause', '# Terms\n\n## Backups\n\nNightly.\n\nIf you are happy with the retention, nothing changes.\n', 'If you are happy', 'Backups'],
    ['thanks inside a clause', '# Terms\n\n## Feedback\n\nWe thank you for every report.\n', 'We thank you', 'Feedback'],
  ])('%s stays in its clause', (_name, text, start, title) => {
    expect(home(text, start)).toBe(title)
  })
})

describe('a clause titled in capitals before its text, in the same paragraph, is a section', () => {
  /** Every section below the root as "depth number title", and each section's text. */
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.number ?? '-'} ${s.title}: ${s.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text.trim()).join(' / ')}`)

  it.each<[string, string, string[]]>([
    [
      'a run-in title ended by a full stop, numbered as Markdown reads a list',
      'Intro.\n\n3. SUPPORT HOURS. The help desk is open 8am to 5pm ET.\n\n4. AFTER HOURS. Emergencies at 1.5 times the rate.\n',
      ['1 3 SUPPORT HOURS: The help desk is open 8am to 5pm ET.', '1 4 AFTER HOURS: Emergencies at 1.5 times the rate.'],
    ],
    [
      'a run-in title in a paragraph whose number is written as text, and its sub-paragraphs',
      'Intro.\n\n6\\. RESOLUTION. Our staff work escalated tickets until closed.\n\n6.1 Critical tickets are fixed within 4 hours.\n\n7\\. BACKUPS. Nightly, kept 30 days.\n',
      ['1 6 RESOLUTION: Our staff work escalated tickets until closed. / 6.1 Critical tickets are fixed within 4 hours.', '1 7 BACKUPS: Nightly, kept 30 days.'],
    ],
    [
      'a title on the first line of its item, the text on the lines after it, and a last item that is a title alone',
      'Intro.\n\n1. DEFINITIONS\nBusiness Day means a weekday in Queensland.\n\n2. SERVICES\nThe Provider supplies a help desk.\n\n3. FEES\n\nAUD 900 per month.\n',
      ['1 1 DEFINITIONS: Business Day means a weekday in Queensland.', '1 2 SERVICES: The Provider supplies a help desk.', '1 3 FEES: AUD 900 per month.'],
    ],
    [
      'a capital line over its text in one paragraph, as a PDF paste writes a schedule',
      'Intro.\n\nSCHEDULE 1 – RATES\nStandard rate: $160 per hour.\n',
      ['1 1 RATES: Standard rate: $160 per hour.'],
    ],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // look-alikes: a numbered list of short services, a shouted sentence, a defined term over its meaning, an acronym over
  // its text, capitals over more capitals, a list of sentences, a run-in in lower case
  it.each<[string, string]>([
    ['a numbered list of services in capitals', 'Intro.\n\n1. HELP DESK\n2. PATCHING\n3. BACKUPS\n\nAll for one fee.\n'],
    ['a shouted sentence run in', 'Intro.\n\n4. THE PROVIDER SHALL NOT BE LIABLE. Lost data is the Client’s risk.\n'],
    ['a defined term over its meaning', 'Intro.\n\nBUSINESS DAY\nmeans a day other than a Saturday or Sunday.\n'],
    ['an acronym over its text', 'Intro.\n\nGDPR\nEach party complies with data protection law.\n'],
    ['capitals over capitals', 'Intro.\n\nLIMITATION OF LIABILITY\nALL WARRANTIES ARE EXCLUDED TO THE EXTENT PERMITTED.\n'],
    ['a numbered list of sentences', 'Intro.\n\n1. We patch every PC monthly.\n2. We answer calls within 2 hours.\n'],
    ['a list whose items are not all titled', 'Intro.\n\n1. SERVICES. A help desk.\n2. We answer calls within 2 hours.\n'],
  ])('%s is not read as titled clauses', (_name, text) => {
    expect(outline(text).filter((s) => !s.startsWith('1 - Intro'))).toEqual([])
  })

  it('keeps exact positions: the title on its line, the text after it', () => {
    const source = 'Intro.\n\n8. EQUIPMENT FAILURE. When a device fails, we diagnose it.\n'
    const doc = buildDocument(source, 'x.md')
    const section = doc.sections.find((s) => s.title === 'EQUIPMENT FAILURE')!
    expect(source.slice(section.headingPosition.start.offset, section.headingPosition.end.offset)).toBe('EQUIPMENT FAILURE')
    const body = section.blocks.find((b) => b.kind === 'paragraph')!
    expect(body.text).toBe('When a device fails, we diagnose it.')
    expect(source.slice(body.segments[0]!.sourceStart, body.segments[0]!.sourceStart + 6)).toBe('When a')
    expect(body.position.start).toMatchObject({line: 3, column: 23})
  })
})

describe('a title line with no text of its own directly over another title heads a group', () => {
  /** Every section below the root as "depth number title", and each section's text. */
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.number ?? '-'} ${s.title}: ${s.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text.trim()).join(' / ')}`)

  it.each<[string, string, string[]]>([
    [
      'part titles in capitals over clause titles, each clause title over its text',
      'TERMS\n\nBetween Alder IT and Brook Farm.\n\nPART A – SERVICE\n\nSUPPORT HOURS\n9am to 5pm GMT.\n\nNOT INCLUDED\nHardware.\n\nPART B – MONEY\n\nFEES\nGBP 300 a month.\n',
      ['1 - TERMS: Between Alder IT and Brook Farm.', '2 - PART A – SERVICE: ', '3 - SUPPORT HOURS: 9am to 5pm GMT.', '3 - NOT INCLUDED: Hardware.', '2 - PART B – MONEY: ', '3 - FEES: GBP 300 a month.'],
    ],
    [
      'bold group titles over bold clause titles, the next group title their sibling',
      'Intro.\n\n**Service levels**\n\n**Support hours**\n\n9am to 5pm GMT.\n\n**Response**\n\nWithin 2 hours.\n\n**Money**\n\n**Fees**\n\nGBP 300 a month.\n',
      ['1 - Service levels: ', '2 - Support hours: 9am to 5pm GMT.', '2 - Response: Within 2 hours.', '1 - Money: ', '2 - Fees: GBP 300 a month.'],
    ],
    [
      'an unnumbered title over numbered clauses, the next title their sibling',
      'Intro.\n\nNOT INCLUDED\n\n2.1 Hardware. The Client buys it.\n\n2.2 Charges. Such work is charged at GBP 80 an hour.\n\nFEES\n\nGBP 300 a month.\n',
      ['1 - NOT INCLUDED: ', '2 2.1 Hardware: The Client buys it.', '2 2.2 Charges: Such work is charged at GBP 80 an hour.', '1 - FEES: GBP 300 a month.'],
    ],
  ])('%s', (_name, text, sections) => {
    expect(outline(text).filter((s) => !s.startsWith('1 - Intro'))).toEqual(sections)
  })

  // look-alikes: a title over a note's label, titles with nothing under them, a title with text of its own over
  // numbered clauses, a numbered title over a deeper number
  it.each<[string, string, string[]]>([
    ['a bold title over a note, heading the note as body text', 'Intro.\n\n**What is not included**\n\n**Note:**\n\nPrices exclude VAT.\n', ['1 - What is not included: Note: / Prices exclude VAT.']],
    ['capital lines with nothing under them', 'Intro.\n\nFOR THE PROVIDER\n\nFOR THE CLIENT\n', []],
    ['a title over a title, alone in the agreement (where its group ends is not written)', 'Intro.\n\n**Services**\n\n**Standard**\n\nWe look after your IT.\n\n**Fees**\n\nGBP 300 a month.\n', ['1 - Standard: We look after your IT.', '1 - Fees: GBP 300 a month.']],
    ['a title with text of its own over numbered clauses', 'Intro.\n\nNOT INCLUDED\n\nHardware.\n\n2.1 Charges. Cabling is charged at GBP 80 an hour.\n', ['1 - NOT INCLUDED: Hardware.', '1 2.1 Charges: Cabling is charged at GBP 80 an hour.']],
  ])('%s is read as before', (_name, text, sections) => {
    expect(outline(text).filter((s) => !s.startsWith('1 - Intro'))).toEqual(sections)
  })
})

describe('a bullet list of clauses titled in capitals is a list of sections', () => {
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.number ?? '-'} ${s.title}: ${s.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text.trim()).join(' / ')}`)

  it('reads each item as a clause, nested items as its text', () => {
    expect(outline('Terms for Kaiwaka Joinery\n\n- SERVICES. We provide:\n  - help desk;\n  - patching.\n- HOURS. 8am to 5pm NZST, Monday to Friday.\n')).toEqual([
      '1 - SERVICES: We provide: / help desk; / patching.',
      '1 - HOURS: 8am to 5pm NZST, Monday to Friday.',
    ])
  })

  // look-alikes: one titled item alone, a list of items not all titled, a bullet list of services in capitals
  it.each<[string, string]>([
    ['one titled item alone', 'Intro.\n\n- NOTE. Prices exclude GST.\n'],
    ['items not all titled', 'Intro.\n\n- SERVICES. A help desk.\n- We answer calls within 2 hours.\n'],
    ['a list of services in capitals', 'Intro.\n\n- HELP DESK\n- PATCHING\n\nAll for one fee.\n'],
  ])('%s is not read as clauses', (_name, text) => {
    expect(outline(text)).toEqual([])
  })
})

describe('"Article N" and a title run in before the text on its line is a section', () => {
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.number ?? '-'} ${s.title}: ${s.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text.trim()).join(' / ')}`)

  it.each<[string, string, string[]]>([
    ['a title of one word', 'Intro.\n\nArticle 7 Backups The Provider backs up the server\nevery night at 22:00.\n', ['1 7 Backups: The Provider backs up the server every night at 22:00.']],
    ['a title with small words in it', 'Intro.\n\nArticle 9 Obligations of the Client The Client keeps its PCs on a supported system.\n', ['1 9 Obligations of the Client: The Client keeps its PCs on a supported system.']],
    ['a title alone on the first line, the text on the lines under it', 'Intro.\n\nArticle 1 Subject of the agreement\n1.1 The Supplier maintains the PCs.\n', ['1 1 Subject of the agreement: 1.1 The Supplier maintains the PCs.']],
    ['a title in lower case, the text opened by a capital', 'Intro.\n\nArticle 4 Interventions outside service hours Outside those hours a standby service runs.\n', ['1 4 Interventions outside service hours: Outside those hours a standby service runs.']],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // look-alikes: no title before the sentence, a reference to another law's article, a sentence with no opener
  it.each<[string, string]>([
    ['no title', 'Intro.\n\nArticle 5 The Provider keeps the server running.\n'],
    ['an article of a law', 'Intro.\n\nArticle 28 of the Regulation applies to the processing.\n'],
    ['a sentence about the clause', 'Intro.\n\nSection 3 Services are provided on weekdays only.\n'],
  ])('%s is not a title', (_name, text) => {
    expect(outline(text)).toEqual([])
  })

  it('keeps exact positions: the title on its line, the text after it', () => {
    const source = 'Intro.\n\nArticle 7 Backups The Provider backs up nightly.\n'
    const section = buildDocument(source, 'x.md').sections.find((s) => s.title === 'Backups')!
    expect(source.slice(section.headingPosition.start.offset, section.headingPosition.end.offset)).toBe('Article 7 Backups')
    const body = section.blocks.find((b) => b.kind === 'paragraph')!
    expect(source.slice(body.segments[0]!.sourceStart, body.segments[0]!.sourceStart + 12)).toBe('The Provider')
  })
})

describe('a clause word and number alone on a line over the clause, numbered in figures or words', () => {
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.number ?? '-'} ${s.title}: ${s.blocks.filter((b) => b.kind !== 'heading').map((b) => `${b.kind} ${b.text.trim()}`).join(' / ')}`)

  it.each<[string, string, string[]]>([
    ['a title in brackets', 'Intro.\n\nArticle 5 (Handling of Requests)\n\nParty B takes charge of each Request.\n', ['1 5 Handling of Requests: paragraph Party B takes charge of each Request.']],
    ['a title after a dash', 'Intro.\n\nClause 3 – Fees\n\nThe Client pays monthly.\n', ['1 3 Fees: paragraph The Client pays monthly.']],
    ['a number written as a word, a long title', 'Intro.\n\nCLAUSE EIGHT – OF THE OBLIGATIONS OF THE CONTRACTING PARTY\n\nThe Client keeps its licences.\n', ['1 8 OF THE OBLIGATIONS OF THE CONTRACTING PARTY: paragraph The Client keeps its licences.']],
    ['an ordinal', 'Intro.\n\nARTICLE FIRST: OBJECT\n\nThe Provider supports the PCs.\n', ['1 1 OBJECT: paragraph The Provider supports the PCs.']],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // look-alikes: a statement about a clause, a reference to another law's article, a clause word with no number
  it.each<[string, string]>([
    ['a statement about a clause', 'Intro.\n\nClause 3 shall apply.\n\nThe Client pays monthly.\n'],
    ['an article of a law', 'Intro.\n\nArticle 28 of the Regulation (Processors)\n\nThe Provider is a processor.\n'],
    ['a number word in a sentence', 'Intro.\n\nClause Four applies to the Client.\n\nThe Client pays monthly.\n'],
  ])('%s is not a title', (_name, text) => {
    expect(outline(text)).toEqual([])
  })
})

describe('a paragraph number and a section sign over a clause are a numbered title', () => {
  const outline = (text: string): string[] =>
    buildDocument(text, 'x.md').sections.filter((s) => s.kind !== 'root').map((s) => `${s.depth} ${s.number ?? '-'} ${s.title}: ${s.blocks.filter((b) => b.kind !== 'heading').map((b) => `${b.kind} ${b.text.trim()}`).join(' / ')}`)

  it.each<[string, string, string[]]>([
    ['a section sign and a title on their own line', 'Intro.\n\n§ 4 Remuneration\n\nThe Client pays EUR 500 a month.\n', ['1 4 Remuneration: paragraph The Client pays EUR 500 a month.']],
    ['a paragraph number before the section sign', 'Intro.\n\n3. § 3 Remote maintenance\n\nThe Contractor logs in to the servers remotely.\n', ['1 3 Remote maintenance: paragraph The Contractor logs in to the servers remotely.']],
    [
      'titles numbered among the numbered paragraphs of their clauses',
      'Intro.\n\n2. § 2 Exclusions\n\n1. Printers and copiers.\n2. The telephone system.\n\n3. § 3 Fees\n\n1. The Client pays monthly.\n',
      ['1 2 Exclusions: list-item Printers and copiers. / list-item The telephone system.', '1 3 Fees: list-item The Client pays monthly.'],
    ],
    ['a clause word after the paragraph number', 'Intro.\n\n5. Article 5 Liability\n\nNeither party excludes liability for fraud.\n', ['1 5 Liability: paragraph Neither party excludes liability for fraud.']],
  ])('%s', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })

  // look-alikes: a numbered item that cites a section, a section sign that cites a law, items that are no titles
  it.each<[string, string, string[]]>([
    ['an item citing a section', 'Intro.\n\n1. § 3 applies to every device.\n2. The Client pays monthly.\n', []],
    ['a section sign citing a law', 'Intro.\n\n§ 126 BGB applies to notices given under this contract.\n\nThe Client pays monthly.\n', []],
    ['plain numbered items', 'Intro.\n\n1. Printers and copiers\n2. The telephone system\n\nThe Client pays monthly.\n', []],
  ])('%s is not a title', (_name, text, sections) => {
    expect(outline(text)).toEqual(sections)
  })
})

describe('lines numbered in brackets in sequence are a list', () => {
  const blocks = (text: string): string[] => buildDocument(text, 'x.md').blocks.slice(1).map((b) => `${b.kind} ${b.text}`)

  it('reads each numbered line as an item, the lead-in as a paragraph', () => {
    expect(blocks('Intro.\n\nParty B provides the following:\n(1) Inquiry handling by telephone\n(2) Remote maintenance of the servers\n(3) Monthly patching\n')).toEqual([
      'paragraph Party B provides the following:',
      'list-item Inquiry handling by telephone',
      'list-item Remote maintenance of the servers',
      'list-item Monthly patching',
    ])
  })

  // look-alikes: a numbered lead-in over lettered lines, numbers out of sequence
  it('reads a numbered paragraph over lettered lines as their lead-in', () => {
    expect(blocks('Intro.\n\n(1) Faults are sorted into categories:\na) Category A: a stop;\nb) Category B: anything else.\n')).toEqual([
      'paragraph (1) Faults are sorted into categories:',
      'list-item Category A: a stop;',
      'list-item Category B: anything else.',
    ])
  })

  it('does not read numbers out of sequence as a list', () => {
    expect(blocks('Intro.\n\nSee the rules:\n(2) first one\n(5) second one\n')).toEqual(['paragraph See the rules:\n(2) first one\n(5) second one'])
  })
})

describe('a hyphen at a line end between lower-case letters', () => {
  const text = (source: string): string => buildDocument(`Intro.\n\n${source}\n`, 'x.md').blocks[1]!.text

  it.each<[string, string, string]>([
    ['a word broken across the lines is one word', 'We do preventive mainte-\nnance of the two servers.', 'We do preventive maintenance of the two servers.'],
    ['a word the agreement writes whole elsewhere is that word', 'Response times apply. We start our re-\nsponse within 1 hour.', 'Response times apply. We start our response within 1 hour.'],
    ['a compound whose first word forms compounds keeps its hyphen', 'We send an engineer to work on-\nsite when needed.', 'We send an engineer to work on-site when needed.'],
    ['a compound whose first word the agreement uses alone keeps its hyphen', 'The bulk of the work is done remotely, the bulk-\nbuy licences too.', 'The bulk of the work is done remotely, the bulk-buy licences too.'],
  ])('%s', (_name, source, expected) => {
    expect(text(source)).toBe(expected)
  })

  // look-alikes: a dash between spaced words, a number before the hyphen, a capital after it
  it.each<[string, string, string]>([
    ['a spaced dash', 'Fees are fixed -\nsee the table.', 'Fees are fixed - see the table.'],
    ['a number range', 'We answer within 2-\n4 hours.', 'We answer within 2-\n4 hours.'],
    ['a capital after the hyphen', 'Our care-\nPlus plan covers it.', 'Our care-\nPlus plan covers it.'],
  ])('%s is read as before', (_name, source, expected) => {
    expect(text(source)).toBe(expected)
  })

  it('maps every character after the joined word back to its source', () => {
    const source = 'Intro.\n\nWe do mainte-\nnance daily.\n'
    const block = buildDocument(source, 'x.md').blocks[1]!
    const at = block.text.indexOf('daily')
    const seg = block.segments.find((g) => g.textStart <= at && at < g.textStart + g.length)!
    expect(source.slice(seg.sourceStart + at - seg.textStart, seg.sourceStart + at - seg.textStart + 5)).toBe('daily')
    expect(block.text).toBe('We do maintenance daily.')
  })
})

describe('a raw HTML list', () => {
  const blocksOf = (html: string) => {
    const source = `# Support Terms\n\n## Scope\n\n${html}\n`
    const doc = buildDocument(source, 'x.md')
    return doc.blocks.filter((b) => b.kind !== 'heading').map((b) => ({kind: b.kind, text: b.text, at: source.slice(b.position.start.offset, b.position.start.offset + b.text.length)}))
  }

  it.each([
    ['an item a line', '<ul>\n<li>Help desk</li>\n<li>Patching</li>\n</ul>'],
    ['all on one line', '<ul><li>Help desk</li><li>Patching</li></ul>'],
    ['items left unclosed', '<ol>\n<li>Help desk\n<li>Patching\n</ol>'],
  ])('is a list item per <li> (%s), each at its text', (_, html) => {
    expect(blocksOf(html)).toEqual([
      {kind: 'list-item', text: 'Help desk', at: 'Help desk'},
      {kind: 'list-item', text: 'Patching', at: 'Patching'},
    ])
  })

  it('keeps the text around its lists as HTML text, in order', () => {
    expect(blocksOf('<p>We provide:</p><ul><li>Help desk</li></ul><p>We do not cover:</p><ul><li>Printers</li></ul><p>Those are billed hourly.</p>')).toEqual([
      {kind: 'html', text: 'We provide:', at: 'We provide:'},
      {kind: 'list-item', text: 'Help desk', at: 'Help desk'},
      {kind: 'html', text: 'We do not cover:', at: 'We do not cover:'},
      {kind: 'list-item', text: 'Printers', at: 'Printers'},
      {kind: 'html', text: 'Those are billed hourly.', at: 'Those are billed hourly.'},
    ])
  })

  it('is not a <link> or other tag that opens with "<li"', () => {
    expect(blocksOf('<div><link rel="x">Help desk and patching</div>').map((b) => [b.kind, b.text])).toEqual([['html', 'Help desk and patching']])
  })
})

describe('an HTML disclosure (<details> with its <summary>)', () => {
  /** Each section below the document's title as "title: block texts", indented by depth below it. */
  const outline = (body: string) => {
    const doc = buildDocument(`# Support Terms\n\n${body}\n`, 'x.md')
    return doc.sections.filter((s) => s.depth > 1).map((s) => `${'  '.repeat(s.depth - 2)}${s.title}: ${s.blocks.map((b) => b.text.trim()).join(' / ')}`)
  }

  it('is a clause titled by its summary, holding what follows up to </details>', () => {
    expect(outline('## Plan\n\n<details>\n<summary>Not covered</summary>\n\n- Printers\n- Phones\n\n</details>\n\nSigned for both parties.')).toEqual([
      'Plan: Plan / Signed for both parties.',
      '  Not covered: Not covered / Printers / Phones',
    ])
  })

  it('reads a summary with tags, attributes and text on the same lines', () => {
    expect(outline('<details open><summary><strong>Backups</strong></summary>\nNightly at 01:00, kept 30 days.\n</details>\n<details><summary>Hours</summary>\nMon-Fri 8-5 ET.\n</details>')).toEqual([
      'Backups: Backups / Nightly at 01:00, kept 30 days.',
      'Hours: Hours / Mon-Fri 8-5 ET.',
    ])
  })

  it('keeps the summary as the heading block at its text', () => {
    const source = '# Support Terms\n\n<details>\n<summary>Response times</summary>\n\nWithin 1 hour.\n\n</details>\n'
    const heading = buildDocument(source, 'x.md').sections.find((s) => s.title === 'Response times')!.blocks[0]!
    expect([heading.kind, source.slice(heading.position.start.offset, heading.position.end.offset)]).toEqual(['heading', '<summary>Response times</summary>'])
  })

  // look-alikes: HTML with no summary stays text of the clause it stands in; a heading after an unclosed disclosure ends it
  it('leaves other HTML where it stands, and a heading of the level above ends an unclosed one', () => {
    expect(outline('## Plan\n\n<div>Call 555 0100</div>\n\n<details>\n<summary>Extras</summary>\n\nPrinters are billed.\n\n## Fees\n\n$900 a month.')).toEqual([
      'Plan: Plan / Call 555 0100',
      '  Extras: Extras / Printers are billed.',
      'Fees: Fees / $900 a month.',
    ])
  })
})

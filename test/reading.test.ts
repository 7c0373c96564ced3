// The reading stage: one Reading per document, each reading found by its name and computed once.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {buildDocument} from '../src/document.js'
import {runRules} from '../src/engine.js'
import {read, TextCache} from '../src/reading/index.js'
import {INTRODUCES, introduces} from '../src/reading/lists.js'
import type {Rule} from '../src/rule.js'
import {lint} from '../src/lint.js'

const AGREEMENT = `# Managed Services Agreement

This Agreement is between Northgate IT Ltd (the "Provider") and Harbor Dental LLC (the "Client").

## 1. Definitions

- **Business Hours** means 08:00 to 18:00 UK time, Monday to Friday.
- **Incident** means an unplanned interruption of a Covered Device.

## 2. Response Times

The Provider will respond to Incidents within the following times:

- P1: within 1 hour
- P2: within 4 hours

The Client will:

- keep its devices patched;
- notify the Provider promptly.

Uptime will be at least 99.9% per calendar month. Backups are kept as set out in the Order Form.
`

describe('read(doc)', () => {
  const doc = buildDocument(AGREEMENT, 'msa.md')
  const reading = read(doc)

  it('typed values of a text, once per distinct text', () => {
    const v = reading.values('within 4 business hours, every 6 hours, 99.9% per month')
    expect(v.durations.map((d) => d.minutes)).toEqual([240, 360])
    expect(v.frequencies.map((f) => f.intervalMinutes)).toEqual([360])
    expect(v.percentages.map((p) => [p.value, p.period])).toEqual([[99.9, 'month']])
    expect(reading.values('within 4 business hours, every 6 hours, 99.9% per month')).toBe(v)
    expect(reading.hasNumber('promptly')).toBe(false)
  })

  it('parties and who is bound', () => {
    expect([...reading.parties]).toEqual([
      ['provider', 'provider'],
      ['client', 'customer'],
    ])
    const text = 'The Client will keep its devices patched.'
    expect(reading.boundParty(text, text.indexOf('keep'))).toBe('customer')
    expect(reading.isNegated('The Provider does not guarantee uptime.', 30)).toBe(true)
  })

  it('a passive agent binds its party, an agent after a participle with no auxiliary names who asks', () => {
    const passive = 'The server must be maintained by the Client.'
    expect(reading.boundParty(passive, passive.indexOf('maintained'))).toBe('customer')
    const asked = 'Any other work requested by the Client is outside these services.'
    expect(reading.boundParty(asked, asked.indexOf('outside'))).toBe('unknown')
  })

  it.each([
    ['So that we can keep you safe and supported, you agree to:', 'customer'],
    ['To help us keep your systems patched and backed up, the Client shall:', 'customer'],
    ['So that you are kept safe and supported, we agree to:', 'provider'],
    ['So that you can plan ahead, the Provider shall:', 'provider'],
  ])('a purpose put before the subject binds no one; the subject after it is bound: %s', (text, party) => {
    expect(reading.boundParty(text, text.length - 1)).toBe(party)
  })

  it.each([
    ['No system is 100% secure.', '100%', true],
    ['Honestly: no backup is ever 100% recoverable.', '100%', true],
    ['No provider can guarantee uptime.', 'guarantee', true],
    // the writer claims for itself what the clause denies to others
    ['No other provider is 100% secure, but we are.', '100%', false],
    // "no matter", and a subject clause that goes on past its verb, deny nothing
    ['No matter what happens, the network is 100% secure.', '100%', false],
    ['No job is too small, and the network is 100% secure.', '100%', false],
    // "no" inside the clause, not before its subject
    ['The network has no single point of failure and is 100% secure.', '100%', false],
  ])('"no" before the clause\'s subject negates its verb: %s', (text, term, negated) => {
    expect(reading.isNegated(text, text.indexOf(term))).toBe(negated)
  })

  it.each([
    ['The Client will use Provider-approved toner and will report faults promptly.', 'customer'],
    ['The Client must keep a contact list for the Provider, or must ring the Provider promptly.', 'customer'],
    ['The Provider will collect the Client devices and will dispose of them promptly.', 'provider'],
    // a verb with a subject of its own after "and" is no coordinated verb
    ['The Client will log faults, and the Provider will attend promptly.', 'provider'],
  ])('a verb joined by "and"/"or" with no subject of its own shares the first verb\'s subject: %s', (text, party) => {
    expect(reading.boundParty(text, text.indexOf('promptly'))).toBe(party)
  })

  it.each([
    ["Response: we'll get back to you promptly.", 'provider'],
    ["You'll tell us promptly when someone leaves.", 'customer'],
    // a contraction after the phrase has a subject of its own: it does not bind the customer to the backups
    ["We back up your data promptly, so you'll never lose a file.", 'unknown'],
    ["Updates are applied promptly, so you'll see fewer faults.", 'unknown'],
  ])('a contracted "\'ll" is "will": its subject is bound, %s', (text, party) => {
    expect(reading.boundParty(text, text.indexOf('promptly'))).toBe(party)
  })

  it('the party whose right a clause states', () => {
    const added = 'The Client may add devices from time to time.'
    expect(reading.permissionHolder(added, added.indexOf('from time'))).toBe('customer')
    const works = 'The Provider may carry out maintenance from time to time.'
    expect(reading.permissionHolder(works, works.indexOf('from time'))).toBe('provider')
    const hedge = 'Services may include patching from time to time.'
    expect(reading.permissionHolder(hedge, hedge.indexOf('from time'))).toBe('unknown')
    const duty = 'The Provider will patch the servers from time to time.'
    expect(reading.permissionHolder(duty, duty.indexOf('from time'))).toBeUndefined()
  })

  it('the one definition finder', () => {
    expect([...reading.definitions.keys()]).toEqual(['provider', 'client', 'business hours', 'incident'])
    expect(reading.definitions.get('business hours')!.text).toBe('08:00 to 18:00 UK time, Monday to Friday.')
    expect(reading.vocabulary.defined.has('incident')).toBe(true)
    const block = doc.blocks.find((b) => b.text.startsWith('Incident'))!
    expect(reading.isDefinition(block, block.sentences[0]!)).toBe(true)
  })

  it('a definition numbered as a clause is a definition', () => {
    const numbered = read(buildDocument('# Terms\n\n1.3 "Service Period" means a calendar month.\n\n(b) “Core Hours” means 08:00 to 18:00 UK time.\n\n2. The Supplier will meet the KPIs.\n', 'n.md'))
    expect([...numbered.definitions.keys()]).toEqual(['service period', 'core hours'])
    expect(numbered.definitions.get('service period')!.text).toBe('a calendar month.')
  })

  it('list context: what introduced a list item, and who it binds', () => {
    const i = doc.blocks.findIndex((b) => b.text.startsWith('P1'))
    expect(reading.listContext(i).intro).toBe('The Provider will respond to Incidents within the following times:')
    const intro = doc.blocks.findIndex((b) => b.text.startsWith('The Provider will respond'))
    expect(reading.listContext(intro).after).toBe('P1: within 1 hour ; P2: within 4 hours')
    const item = doc.blocks.find((b) => b.text.startsWith('keep its devices'))!
    expect(reading.introducingParty(item)).toBe('customer')
  })

  it('list context: a paragraph opened by a letter enumerator is an item of the list before it; a numbered paragraph is not', () => {
    const d = buildDocument('# Terms\n\nThe following is Extra Work:\n\n  a. office moves;\n\n  (b) work at weekends.\n\n4.2 The fee is fixed.\n', 'e.md')
    const r = read(d)
    const at = (start: string): number => d.blocks.findIndex((b) => b.text.startsWith(start))
    expect(r.listContext(at('a. office')).intro).toBe('The following is Extra Work:')
    expect(r.listContext(at('(b) work')).intro).toBe('The following is Extra Work:')
    expect(r.listContext(at('4.2 The fee')).intro).toBeUndefined()
  })

  it('list context: the lettered paragraphs after a lead-in are the items it introduces, up to the first paragraph that is not one', () => {
    const d = buildDocument('# Terms\n\nWe look after:\n\n(a) the 9 PCs;\n\n(b) the server.\n\n4.2 The fee is fixed.\n', 'l.md')
    const r = read(d)
    expect(r.listContext(d.blocks.findIndex((b) => b.text.startsWith('We look after'))).after).toBe('(a) the 9 PCs; ; (b) the server.')
  })

  it('list context: a table row is read with the paragraph that introduces its table, not with one that does not, nor across a heading', () => {
    const d = buildDocument(
      '# Terms\n\nAvailability, measured per calendar month:\n\n| Plan | Target |\n|---|---|\n| Silver | 99.5% |\n| Gold | 99.9% |\n\nThe portal is monitored.\n\n| Plan | Target |\n|---|---|\n| Bronze | 99% |\n\nUptime is as follows:\n\n## Targets\n\n| Plan | Target |\n|---|---|\n| Gold | 99.9% |\n',
      't.md',
    )
    const r = read(d)
    const rows = d.blocks.map((b, i) => [b, i] as const).filter(([b]) => b.kind === 'table-row')
    expect(rows.map(([, i]) => r.listContext(i).intro)).toEqual(['Availability, measured per calendar month:', 'Availability, measured per calendar month:', undefined, undefined])
  })

  it('Q/A text: an answer is titled by the question above it, up to the next question or heading', () => {
    const d = buildDocument('# Guide\n\n**Q: What is not covered?**\n\nA: Cabling and CCTV.\n\nWe quote these first.\n\nQuestion: When can I call?\n\nA: 9 to 5.\n\n**Why us?** Because we care.\n\nWe are local.\n\n## Fees\n\nThe fee is fixed.\n', 'q.md')
    const r = read(d)
    const at = (start: string): number => d.blocks.findIndex((b) => b.text.startsWith(start))
    expect(r.questionOf(at('A: Cabling'))).toBe('What is not covered?')
    expect(r.questionOf(at('We quote'))).toBe('What is not covered?')
    expect(r.questionOf(at('A: 9 to 5'))).toBe('When can I call?')
    // a question is not its own answer; a bold question that opens a longer paragraph is a label, not a question paragraph
    expect(r.questionOf(at('Q: What'))).toBeUndefined()
    expect(r.questionOf(at('We are local'))).toBe('When can I call?')
    // a heading ends the answer
    expect(r.questionOf(at('The fee'))).toBeUndefined()
  })

  it('delegation: in an amendment or schedule that names "the Agreement", a part of the Agreement is another document; in the Agreement itself it is not', () => {
    const amendment = read(buildDocument('# Amendment No. 1\n\nThis Amendment No. 1 (this "Amendment") amends the services agreement dated 1 May 2024 (the "Agreement").\n\n1. The support hours in Section 4 of the Agreement continue to apply.\n', 'a.md'))
    expect(amendment.delegation('The support hours in Section 4 of the Agreement continue to apply.')?.target).toBe('Agreement')
    const agreement = read(buildDocument('# Managed Services Agreement\n\nThis Managed Services Agreement (the "Agreement") is between A Ltd and B Ltd.\n\nThe support hours in Section 4 of the Agreement apply.\n', 'm.md'))
    expect(agreement.delegation('The support hours in Section 4 of the Agreement apply.')).toBeUndefined()
  })

  it('stated metrics, read once for both their readers', () => {
    expect(reading.statedMetrics).toBe(reading.statedMetrics)
    expect(reading.statedMetrics.map((s) => `${s.metric} ${s.priority?.label ?? '-'} ${s.text}`)).toEqual(['response P1 1 hour', 'response P2 4 hours', 'uptime - 99.9%'])
    expect(reading.statedResponseTimes.map((s) => `${s.priority} ${s.minutes}`)).toEqual(['P1 60', 'P2 240'])
  })

  it('delegation to another document', () => {
    const text = 'Backups are kept as set out in the Order Form.'
    expect(reading.delegation(text)).toMatchObject({target: 'Order Form'})
    expect(reading.targetInDocument('Schedule B')).toBe(false)
  })

  it.each([
    ["Uptime targets are those in the Studio's licence agreement with the software vendor.", "Studio's licence agreement"],
    ["Copies are taken as set out in each platform provider's service terms.", "platform provider's service terms"],
    ['Work not included is that listed as out-of-scope in the Statement of Needs.', 'Statement of Needs'],
  ])('delegation to a document named in plain words, owned by a party, or listed as something there: %j', (text, target) => {
    expect(reading.delegation(text)?.target).toBe(target)
  })

  it.each(["Availability is shown in the Studio's own dashboard.", "Each party's duties under this agreement's terms survive.", "We fix faults in each user's laptop within 4 hours."])(
    'no delegation in %j',
    (text) => {
      expect(reading.delegation(text)).toBeUndefined()
    },
  )

  it("a rule's own reading is made once per document and key", () => {
    let made = 0
    const key = {name: 'test'}
    expect(reading.own(key, () => ++made)).toBe(1)
    expect(reading.own(key, () => ++made)).toBe(1)
    expect(read(doc).own(key, () => ++made)).toBe(2)
  })
})

describe('a party the preamble names with no role word takes the role of what it does', () => {
  const roles = (text: string): Array<[string, string]> => [...read(buildDocument(text, 'roles.md')).parties]
  it.each([
    [
      'the one that engages the other is the customer',
      '# Terms\n\nFenwick Joinery Ltd ("Fenwick") engages Brightlane Systems Ltd ("Brightlane") from 1 March.\n',
      [['fenwick', 'customer'], ['brightlane', 'provider']],
    ],
    [
      'the one that does the work is the provider, the one that pays the customer',
      '# Terms\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("Fenwick").\n\nBrightlane supports the office PCs and monitors the network. Fenwick pays the fee monthly.\n',
      [['brightlane', 'provider'], ['fenwick', 'customer']],
    ],
    [
      'a name for something a party has is that party\'s',
      '# Terms\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("Fenwick"). Fenwick keeps its own IT coordinator ("the Coordinator").\n\nBrightlane supports the PCs. Work is invoiced to Fenwick.\n',
      [['brightlane', 'provider'], ['fenwick', 'customer'], ['coordinator', 'customer']],
    ],
    [
      'of two names, the one that alone pays is the customer and the other the provider',
      '# Terms\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("Fenwick").\n\nFenwick pays the fee monthly. Brightlane keeps a spare laptop on site.\n',
      [['brightlane', 'provider'], ['fenwick', 'customer']],
    ],
    [
      'of two names, the one that alone does the work is the provider and the other the customer',
      '# Terms\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("Fenwick").\n\nBrightlane supports the office PCs and monitors the network.\n',
      [['brightlane', 'provider'], ['fenwick', 'customer']],
    ],
    [
      'a term that names the agreement is no party: the one other name takes the role opposite the named one',
      '# Add-on\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("the Client"), under the agreement dated 1 May 2026 (the "Agreement").\n',
      [['client', 'customer'], ['brightlane', 'provider']],
    ],
    [
      'the parties clause names the two parties: a name it gives something else is none, and the other party takes the role opposite the named one',
      '# Add-on\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("the Client"), for the booking website (the "Portal").\n',
      [['client', 'customer'], ['brightlane', 'provider']],
    ],
    [
      'look-alike: two other names that are not documents, with no parties clause to tell them apart, leave both without a role',
      '# Add-on\n\nFenwick Joinery Ltd ("the Client") has asked Brightlane Systems Ltd ("Brightlane") to build the booking website (the "Portal").\n',
      [['client', 'customer']],
    ],
    [
      'one party named by the kind its own name ends in, the other called only by its role word: the name has the other role',
      '# Purchase order\n\n**Lower Brook Water District** (the "District")\n\nSupplier shall patch the six PCs monthly.\n',
      [['district', 'customer']],
    ],
    [
      'look-alike: a name given to a thing, the other party called only by its role word: the thing has no role',
      '# Statement of work\n\nThe move of the office to 12 Harbour Road (the "Project").\n\nSupplier shall move the six PCs.\n',
      [],
    ],
    [
      'the one that invoices is no payer: work "invoiced by" a name is billed by it',
      '# Terms\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("Fenwick").\n\nBrightlane supports the office PCs. The fee is invoiced by Brightlane monthly; parts are at Fenwick\'s cost.\n',
      [['brightlane', 'provider'], ['fenwick', 'customer']],
    ],
    [
      'look-alike: when both names pay, neither is read as the customer',
      '# Terms\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("Fenwick").\n\nFenwick pays for its paper. Brightlane pays for its own travel.\n',
      [],
    ],
    [
      'look-alike: names that neither do the work nor pay keep no role',
      '# Terms\n\nBetween Brightlane Systems Ltd ("Brightlane") and Fenwick Joinery Ltd ("Fenwick").\n\nBrightlane and Fenwick meet each quarter to review this agreement.\n',
      [],
    ],
    [
      'a name in capitals given after "hereinafter" with no quotes; the contracting party hires, the contracted party is hired',
      '# Contract\n\nSORRISO LTDA., hereinafter called CONTRACTING PARTY, and PARANÁ INFO LTDA., hereinafter called CONTRACTED PARTY, agree as follows.\n',
      [['contracting party', 'customer'], ['contracted party', 'provider']],
    ],
    [
      'names in capitals after "hereinafter": a kind of organisation is the customer, the other name the provider',
      '# Contract\n\nSORRISO LTDA., hereinafter called the CLINIC, and PARANÁ INFO LTDA., hereinafter called the TECHNICIAN.\n\nThe TECHNICIAN supports the workstations and monitors the network.\n',
      [['clinic', 'customer'], ['technician', 'provider']],
    ],
    [
      'a short name in quotes set between dashes after the particulars is given as one in brackets is',
      '# Wartungsvertrag\n\nbetween\n\n**Lindenhof Praxis-IT GmbH**, Bahnhofstraße 4, 79098 Freiburg – "Lindenhof" –\n\nand\n\n**Kreiskliniken Breisgau gGmbH**, Klinikweg 1, 79100 Freiburg – "the Hospital" –\n\nLindenhof supports the ward PCs. The Hospital shall keep the ward PCs on a supported Windows release.\n',
      [['hospital', 'customer'], ['lindenhof', 'provider']],
    ],
    [
      'look-alike: dashes around words with no quotes name no party',
      '# Wartungsvertrag\n\nLindenhof Praxis-IT GmbH – a Freiburg firm – supports the ward PCs of Kreiskliniken Breisgau gGmbH.\n',
      [],
    ],
    [
      'look-alike: words in lower case after "hereinafter" name no party',
      '# Contract\n\nThe parties, hereinafter called the parties, agree as follows.\n',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(roles(text)).toEqual(expected)
  })
})

describe('a party\'s label given its role in brackets before the colon names that party by the label', () => {
  const roles = (text: string): Array<[string, string]> => [...read(buildDocument(text, 'roles.md')).parties].filter(([n]) => n.startsWith('party') || n.startsWith('site'))
  const bound = (text: string, sentence: string, word: string): string => read(buildDocument(`${text}\n${sentence}\n`, 'roles.md')).boundParty(sentence, sentence.indexOf(word))
  const HEAD = '# ICT Service Contract\n\n**PARTY A (the Client): LOTUS TEXTILE JSC**\nAddress: 5 Canal Road\n\n**PARTY B (the Provider): RIVERSIDE ICT CO., LTD**\nAddress: 9 Bridge Street\n'
  it.each([
    ['a bold label in capitals, each party with its role', HEAD, [['party a', 'customer'], ['party b', 'provider']]],
    ['a plain label with the role word alone in its brackets', '# Contract\n\nParty A (Customer): Lotus Textile JSC\n\nParty B (Supplier): Riverside ICT Co., Ltd\n', [['party a', 'customer'], ['party b', 'provider']]],
    // look-alikes: a label with a bracket that is no role, a role in brackets with no colon after it
    ['look-alike: a site given a name in brackets is no party', '# Contract\n\n**Site A (the Warehouse):** 12 Dock Road\n', []],
    ['look-alike: a role in brackets inside a sentence gives no label a role', '# Contract\n\nParty A (the Client) and Party B agree as follows.\n', []],
  ])('%s', (_name, text, expected) => {
    expect(roles(text)).toEqual(expected)
  })

  it('the label then binds the sentences that use it', () => {
    expect(bound(HEAD, 'Party A shall keep the server room locked.', 'keep')).toBe('customer')
    expect(bound(HEAD, 'Party B shall back up the file server every day at 22:00.', 'back')).toBe('provider')
  })
})

describe('a line labelled by a party\'s role gives that party the labelled name shortened, in quotes at the line\'s end', () => {
  const roles = (text: string): Array<[string, string]> => [...read(buildDocument(text, 'roles.md')).parties]
  const HEAD = '# Managed Cloud Agreement\n\n'
  it.each([
    [
      'some words of the name, and its initials, after long particulars',
      `${HEAD}**Provider:** Kestrel Cloud Operations Pte. Ltd. (UEN 201900001K), 8 Harbour Road, #03-11, Singapore 117000 ("KCO")\n**Client:** Harbourside Dental Pte. Ltd. (UEN 202100002W), 40 Quay Street, #02-05, Singapore 049000 ("Harbourside")\n`,
      [['harbourside dental pte.', 'customer'], ['kco', 'provider'], ['harbourside', 'customer']],
    ],
    [
      'look-alike: a name given on the line to something else than the labelled party names no party',
      `${HEAD}**Client:** Harbourside Dental Pte. Ltd. (UEN 202100002W), 40 Quay Street, owner of the booking website ("Portal")\n`,
      [['harbourside dental pte.', 'customer']],
    ],
    [
      'look-alike: a line labelled by something else than a role gives its name no role',
      `${HEAD}**Venue:** Harbourside Dental Pte. Ltd. (UEN 202100002W), 40 Quay Street, #02-05, Singapore 049000 ("Harbourside")\n`,
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(roles(text)).toEqual(expected)
  })
})

describe('the engine', () => {
  it('reads each document once and gives every rule the same Reading', () => {
    const seen: unknown[] = []
    const spy = (id: string): Rule<'x'> => ({
      meta: {id, description: 'spy', category: 'integrity', severity: 'info', messages: {x: 'x'}},
      check: (context) => void seen.push(context.reading),
    })
    const doc = buildDocument(AGREEMENT, 'msa.md')
    runRules(doc, {rules: [spy('a'), spy('b'), ...rules.filter((r) => r.meta.id === 'response-times')]})
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBe(seen[1])
    runRules(doc, {rules: [spy('c')]})
    expect(seen[2]).not.toBe(seen[0])
  })
})

describe('answers per text across documents: the caller owns the TextCache', () => {
  const text = 'The Provider will respond within 4 business hours.'
  const one = buildDocument(AGREEMENT, 'one.md')
  const two = buildDocument(`${AGREEMENT}\nAnother line.\n`, 'two.md')

  it('Readings given one TextCache share the values of a text and the key of a term', () => {
    const texts = new TextCache()
    const a = read(one, texts)
    const b = read(two, texts)
    expect(b.values(text)).toBe(a.values(text))
    expect(b.values(text).durations.map((d) => d.minutes)).toEqual([240])
    expect(texts.values(text)).toBe(a.values(text))
    expect(b.termKey('Covered Devices')).toBe(a.termKey('Covered Devices'))
    expect(texts.termKey('Covered Devices')).toBe('covered device')
  })

  it('without one, no answer outlives its document (no module keeps a cache)', () => {
    const a = read(one)
    const b = read(one)
    expect(a.values(text)).toBe(a.values(text))
    expect(b.values(text)).not.toBe(a.values(text))
    expect(b.values(text).durations).toEqual(a.values(text).durations)
  })

  it('the engine reads with the TextCache it is given, and lint passes its own on', () => {
    const texts = new TextCache()
    const seen: TextCache[] = []
    const spy: Rule<'x'> = {meta: {id: 'spy', description: 'spy', category: 'integrity', severity: 'info', messages: {x: 'x'}}, check: (context) => void seen.push(context.reading.texts)}
    runRules(one, {rules: [spy], textCache: texts})
    lint(AGREEMENT, {rules: [spy], textCache: texts})
    lint(AGREEMENT, {rules: [spy]})
    expect(seen[0]).toBe(texts)
    expect(seen[1]).toBe(texts)
    expect(seen[2]).not.toBe(texts)
  })

  it('keeps every answer while a document is read, and bounds what it keeps between documents', () => {
    // a cache smaller than one document's texts: emptied while the document was read, every later pass over it (each
    // rule's) would read the values again
    const texts = new TextCache({limit: 2})
    const sentences = ['Backups run daily.', 'Responses within 4 hours.', 'Fees are due in 30 days.', 'Notice of 90 days.']
    const a = read(one, texts)
    const first = sentences.map((t) => a.values(t))
    const titles = sentences.map((t) => a.expandTitle(t))
    sentences.forEach((t, i) => {
      expect(a.values(t)).toBe(first[i])
      expect(a.termKey(t)).toBe(texts.termKey(t))
    })
    expect(sentences.map((t) => a.expandTitle(t))).toEqual(titles)
    // the next document starts with the kinds past their bound emptied: its answers are read again, and equal
    const b = read(two, texts)
    expect(b.values(sentences[0]!)).not.toBe(first[0])
    expect(b.values(sentences[0]!).durations).toEqual(first[0]!.durations)
    // under the bound, what was kept is kept for the next document
    const roomy = new TextCache({limit: 10})
    const kept = read(one, roomy).values(sentences[1]!)
    expect(read(two, roomy).values(sentences[1]!)).toBe(kept)
  })

  it('gives the same findings with or without a shared cache', () => {
    const texts = new TextCache()
    const shared = [lint(AGREEMENT, {filePath: 'a.md', textCache: texts}), lint(AGREEMENT, {filePath: 'a.md', textCache: texts})]
    const alone = lint(AGREEMENT, {filePath: 'a.md'})
    expect(shared[0]).toEqual(alone)
    expect(shared[1]).toEqual(alone)
  })
})

describe('a lead-in read at its end alone', () => {
  // texts made of the pattern's own pieces, long and short, so that matches fall near the cut and far from it
  const pieces = [':', 'following', 'Following', 'the following', 'as follows', 'As Follows', '.', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085', 'x', 'word', 'sub', '-', '(a)', 'é', '\ud83d\ude00', 'the Customer shall', 'a'.repeat(37), 'b'.repeat(41), 'c'.repeat(48)]
  const text = fc.array(fc.constantFrom(...pieces), {maxLength: 40}).map((xs) => xs.join(''))

  it('says what the whole pattern says of the whole text (seeded)', () => {
    let matched = 0
    fc.assert(
      fc.property(text, (t) => {
        const want = INTRODUCES.test(t)
        if (want) matched++
        expect(introduces(t)).toBe(want)
      }),
      {numRuns: 3000, seed: 5},
    )
    expect(matched).toBeGreaterThan(300)
  })

  it.each([
    ['The Provider will:', true],
    ['The Provider will provide the following services', true],
    [`We will do the following ${'x'.repeat(39)}`, true],
    [`We will do the following ${'x'.repeat(40)}`, false],
    ['The Client shall do the following. Then it stops', false],
    ['as follows  \n', true],
    ['It works as followsx', false],
    [`${'y'.repeat(60)}following`, false],
  ])('%j: %s', (t, want) => {
    expect(introduces(t)).toBe(want)
    expect(INTRODUCES.test(t)).toBe(want)
  })
})

describe('a key/value table row whose key is a party role gives the short name at the end of its value that role', () => {
  const roles = (text: string): Array<[string, string]> => [...read(buildDocument(text, 'roles.md')).parties]
  const HEAD = '# Temporary Event IT Agreement\n\n| | |\n|---|---|\n'
  it.each([
    [
      'passes: the client and the supplier rows name the parties, whatever the short names',
      `${HEAD}| Client | Red Gum Gathering Pty Ltd (ABN 41 612 004 873), PO Box 221, Mount Barker SA 5251 ("the Festival") |\n| Supplier | Fieldwire Event Tech Pty Ltd (ABN 77 158 990 312), Adelaide ("Fieldwire") |\n`,
      [['festival', 'customer'], ['fieldwire', 'provider']],
    ],
    [
      'passes: the same rows written as key/value lines or items',
      '# Temporary Event IT Agreement\n\n- **Client** — Red Gum Gathering Pty Ltd, PO Box 221, Mount Barker ("the Festival")\n- **Supplier** — Fieldwire Event Tech Pty Ltd, Adelaide ("Fieldwire")\n',
      [['festival', 'customer'], ['fieldwire', 'provider']],
    ],
    [
      'fails: a row keyed by something other than a role gives its name no role',
      `${HEAD}| Venue | Hahndorf Ridge Farm, Onkaparinga Valley Road ("the Farm") |\n`,
      [],
    ],
    [
      'look-alike: a role row whose name in quotes is not at the end of its value names something else',
      `${HEAD}| Client | Red Gum Gathering Pty Ltd, owner of the booking site ("Portal"), Mount Barker |\n`,
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(roles(text)).toEqual(expected)
  })
})

describe('a note under a table says what the figures of its value columns measure, for that table alone', () => {
  const notes = (text: string): Array<[string, ReturnType<ReturnType<typeof read>['tableNote']>]> => {
    const r = read(buildDocument(text, 'notes.md'))
    return r.doc.blocks.filter((b) => b.kind === 'table-row').map((b) => [b.cells?.[0] ?? '', r.tableNote(b)])
  }
  const TABLE = '# Levels\n\n| Severity | Basic | Plus |\n|---|---|---|\n| Sev 1 | 4 hours | 1 hour |\n'
  it.each([
    ['passes: a note naming the response', `${TABLE}\nThe figures above are first-response times.\n`, [['Sev 1', {response: true, resolution: false}]]],
    ['passes: a note naming the restore, the rest of the note aside', `${TABLE}\nAll times in the table above are to restore service; we reply to every call first.\n`, [['Sev 1', {response: false, resolution: true}]]],
    ['fails: a note naming both measures, or an amount of work included, tells neither', `${TABLE}\nTimes above are response and fix targets.\n\n${TABLE.replace('# Levels', '# Visits')}\nThe figures above are the hours of on-site work included.\n`, [['Sev 1', undefined], ['Sev 1', undefined]]],
    [
      'look-alike: a note under the next table says nothing of the one before it',
      `${TABLE}\n## Other\n\n| Severity | Basic | Plus |\n|---|---|---|\n| Sev 2 | 1 day | 4 hours |\n\nTimes above are for response.\n`,
      [['Sev 1', undefined], ['Sev 2', {response: true, resolution: false}]],
    ],
  ])('%s', (_name, text, expected) => {
    expect(notes(text)).toEqual(expected)
  })
})

describe('a table whose columns are the parties\' parts gives each column its party', () => {
  const parts = (text: string): unknown => {
    const r = read(buildDocument(text, 'parts.md'))
    const row = r.doc.blocks.find((b) => b.kind === 'table-row')
    return row && r.partColumns(row)
  }
  const PARTIES = '# IT Agreement\n\nBetween Tuatara IT Limited ("Tuatara") and Kowhai Fitness Limited ("the Client").\n\n'
  it.each([
    ['passes: "We do" and "You do"', `${PARTIES}| Area | We do | You do |\n|---|---|---|\n| Help desk | Answer calls | Log problems |\n`, [undefined, 'provider', 'customer']],
    ['passes: the parties\' names and parts', `${PARTIES}| Area | Tuatara's part | Client responsibilities |\n|---|---|---|\n| Help desk | Answer calls | Log problems |\n`, [undefined, 'provider', 'customer']],
    ['fails: one party\'s column alone splits nothing', `${PARTIES}| Area | You do |\n|---|---|\n| Help desk | Log problems |\n`, undefined],
    ['look-alike: columns of days, not parties', `${PARTIES}| Area | Weekdays | Weekends |\n|---|---|---|\n| Help desk | Calls answered | Closed |\n`, undefined],
  ])('%s', (_name, text, expected) => {
    expect(parts(text)).toEqual(expected)
  })
})

// The language server's re-lint after an edit: the readings of each block's text (term hits, clause topics, customer
// obligations) are kept by the text, so a re-lint reads only the blocks an edit changed. It must give exactly the
// findings of a fresh lint.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {buildDocument} from '../src/document.js'
import {lint} from '../src/lint.js'
import {Linter} from '../src/lsp/linter.js'
import {ParseCache} from '../src/parse.js'
import {read, TextCache} from '../src/reading/index.js'
import {Prose} from '../src/reading/sentences.js'
import {compileTerms, scanTerms, scanTermsKept} from '../src/reading/terms.js'
import {agreementish} from './markdownish.js'
import vague from '../rules/data/vague-terms.json' with {type: 'json'}
import overpromising from '../rules/data/overpromising.json' with {type: 'json'}

const root = path.resolve(import.meta.dirname, '..')
const agreements = path.join(root, 'fixtures', 'agreements')
const texts = ['a-complete-large.md', 'b-cloud-hosting-aus.md', 'a-british.md'].map((f) => fs.readFileSync(path.join(agreements, f), 'utf8'))

/**
 * One-line edits an author makes: type a character or a word (a vague or absolute one, too), delete or copy a line, set
 * the start of a line in bold or take a line's bold away (its text the same, its source not).
 */
const WORDS = ['x', ' promptly', ' guaranteed', ' within 4 hours', ' the Customer shall', ' response time', ' TBD', '. New sentence', ' P1', ' backups daily']
const edit = fc.record({line: fc.nat(), column: fc.nat(), kind: fc.constantFrom('insert', 'delete-line', 'copy-line', 'delete-char', 'bold'), word: fc.constantFrom(...WORDS)})
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never

function apply(text: string, e: Edit): string {
  const lines = text.split('\n')
  const i = e.line % lines.length
  const line = lines[i]!
  const at = line.length ? e.column % (line.length + 1) : 0
  if (e.kind === 'insert') lines[i] = line.slice(0, at) + e.word + line.slice(at)
  else if (e.kind === 'delete-char') lines[i] = line.slice(0, Math.max(0, at - 1)) + line.slice(at)
  else if (e.kind === 'bold') lines[i] = line.includes('**') ? line.replaceAll('**', '') : `${line.slice(0, at).replace(/^(\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|\|\s*)?)(.*)$/, '$1**$2')}**${line.slice(at)}`
  else if (e.kind === 'delete-line') lines.splice(i, 1)
  else lines.splice(i, 0, line)
  return lines.join('\n')
}

/** Rename a heading (the nearest at or after `line`), or change the first cell of a table row, to `word`. */
const TITLES = ['Support hours', 'Response times', 'Your responsibilities', 'Fees', 'Remote support', 'Notes', 'P1', 'Category 2', 'Backups']
function retitle(text: string, e: {line: number; kind: string; word: string}): string {
  const lines = text.split('\n')
  const marker = e.kind === 'heading' ? /^(#{1,6}\s+)(.*)$/ : /^(\|\s*)([^|]*)/
  for (let k = 0; k < lines.length; k++) {
    const i = (e.line + k) % lines.length
    const m = marker.exec(lines[i]!)
    if (!m || (e.kind === 'cell' && /^[\s:|-]*$/.test(lines[i]!))) continue
    lines[i] = m[1] + e.word + lines[i]!.slice(m[0].length)
    return lines.join('\n')
  }
  return text
}

const findings = (r: {messages: unknown; coverage: unknown; profile?: unknown}) => JSON.stringify({messages: r.messages, coverage: r.coverage, profile: r.profile})

/**
 * Lint `start`, then each of `series` applied in turn by `step`, in one server (each re-lint with what the earlier lints
 * kept), and compare each result with a fresh lint of the same text; how many were compared (a text the server does
 * not lint to a result is skipped).
 */
async function relintsAsFresh<E>(start: string, series: readonly E[], step: (text: string, e: E) => string, name: string): Promise<number> {
  const linter = new Linter(root)
  let text = start
  let compared = 0
  for (const e of [undefined, ...series]) {
    if (e !== undefined) text = step(text, e)
    const outcome = await linter.lint({text, filePath: undefined, name})
    if (outcome.kind !== 'result') continue
    expect(findings(outcome.result)).toBe(findings(lint(text, {filePath: name})))
    compared++
  }
  return compared
}

describe('re-lint after an edit', () => {
  it('gives the findings of a fresh lint, byte for byte, over random one-line edits (seeded)', async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(fc.nat({max: texts.length - 1}), fc.array(edit, {minLength: 1, maxLength: 4}), async (which, edits) => {
        // one server for the whole sequence: each edit is re-linted with what the earlier lints kept
        const linter = new Linter(root)
        let text = texts[which]!
        const name = `untitled-${which}.md`
        for (const e of [undefined, ...edits]) {
          if (e) text = apply(text, e)
          const outcome = await linter.lint({text, filePath: undefined, name})
          if (outcome.kind !== 'result') throw new Error(outcome.kind)
          expect(findings(outcome.result)).toBe(findings(lint(text, {filePath: name})))
          compared++
        }
      }),
      {numRuns: 12, seed: 7},
    )
    expect(compared).toBeGreaterThan(20)
  })

  it('gives the findings of a fresh lint over random edits of more agreements and of invented documents (seeded)', async () => {
    // agreements with tables of levels, fees, customer duties and definitions, and Markdown-ish text of every syntax
    const more = ['b-customer-obligations.md', 'b-backup-dr.md', 'b-definitions-heavy.md', 'b-delegated-order-form.md', 'b-failure-allocation.md', 'b-helpdesk-small.md']
    const docs = fc.oneof(fc.constantFrom(...more.map((f) => fs.readFileSync(path.join(agreements, f), 'utf8'))), agreementish)
    // an edit also renames a heading, or changes a table's cell: what the blocks under or beside it are read with
    const edits = fc.array(fc.oneof({arbitrary: edit, weight: 4}, {arbitrary: fc.record({line: fc.nat(), kind: fc.constantFrom('heading', 'cell'), word: fc.constantFrom(...TITLES)}), weight: 1}), {minLength: 2, maxLength: 6})
    let compared = 0
    await fc.assert(
      fc.asyncProperty(docs, edits, async (start, series) => {
        compared += await relintsAsFresh(start, series, (text, e) => ('column' in e ? apply(text, e) : retitle(text, e)), 'invented.md')
      }),
      {numRuns: 16, seed: 11},
    )
    expect(compared).toBeGreaterThan(40)
  })

  it('gives the findings of a fresh lint over random edits that name the parties, in the opening or far from it (seeded)', async () => {
    // what the names the agreement gives its parties are read from: the opening's brackets and labels, a definition of a
    // party's person, a kind of organisation as the subject of a duty, a title of duties (the names are kept while an edit
    // changes none of what they were read from)
    const naming = [' ("the Practice")', ' the School must keep the server on', ' "Site Lead" means the Client\'s office manager.', '**The practice\'s part**', '\n\nClient: Harbour Dental Ltd', ' The Tenant shall pay', 'x']
    const typed = fc.record({line: fc.nat(), column: fc.nat(), kind: fc.constantFrom('insert', 'insert', 'delete-line', 'delete-char'), word: fc.constantFrom(...naming)})
    let compared = 0
    await fc.assert(
      fc.asyncProperty(fc.nat({max: texts.length - 1}), fc.array(typed, {minLength: 2, maxLength: 5}), async (which, series) => {
        compared += await relintsAsFresh(texts[which]!, series, apply, 'named.md')
      }),
      {numRuns: 8, seed: 41},
    )
    expect(compared).toBeGreaterThan(20)
  })

  it('gives the findings of a fresh lint over random edits that state, qualify or take away a consequence on a condition (seeded)', async () => {
    // what a block states on a condition is read once per block for every reader (the requirement's own section, a
    // sibling's, a consequence stated anywhere on the customer's failing) and kept by place: typed into duties, beside
    // them and far from them, as a sentence, a clause or a table row, and the condition's words taken away again
    const more = ['b-customer-obligations.md', 'b-failure-allocation.md'].map((f) => fs.readFileSync(path.join(agreements, f), 'utf8'))
    const stated = [
      ' If the Client does not, we may suspend support.',
      ' Devices that do not meet these requirements are excluded from the service levels.',
      ' If the Client fails to keep its PCs patched, remediation is billed at $150 per hour.',
      ' Where a device is not, its outages are excluded.',
      ' to the extent caused by an act or omission of the Client',
      ' Otherwise the response times do not apply.',
      '\n\n| Client duty | If not met |\n|---|---|\n| Keep PCs on Windows 11 | the PC is excluded from the Services |',
      ' If you do not pay on time, we may suspend the services.',
      ' The Client must keep every PC on a supported Windows release.',
    ]
    const typed = fc.record({line: fc.nat(), column: fc.nat(), kind: fc.constantFrom('insert', 'insert', 'delete-line', 'delete-char', 'copy-line'), word: fc.constantFrom(...stated)})
    let compared = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...more, texts[0]!), fc.array(typed, {minLength: 2, maxLength: 5}), async (start, series) => {
        compared += await relintsAsFresh(start, series, apply, 'consequences.md')
      }),
      {numRuns: 8, seed: 53},
    )
    expect(compared).toBeGreaterThan(20)
  })

  it('gives the findings of a fresh lint over random edits that change what a kept verdict asked of the document: the terms defined, the titles above, the parties, the documents named (seeded)', async () => {
    // backup-frequency's verdicts are kept with the questions its judge asked of the document (the terms defined as a
    // standby, whether a title of data protection stands above the unit, the party a statement binds, the document its
    // backups are put in): typed into the sentences judged, beside them and far from them, and the titles above renamed
    const invented = [
      '# Managed Services Agreement',
      'This agreement is between Harbour IT Ltd ("the Provider") and Kestrel Dental Ltd ("the Client").',
      '## 1. Support',
      'We will supply a Backup Device when a laptop fails.',
      '## 2. Definitions',
      '"Backup Device" means a loaner laptop placed while a Device is repaired.',
      '## 3. Backups',
      'Backups of the file server are made as set out in the Backup Schedule.',
      'The Client shall back up its own laptops.',
      '## 4. Data protection',
      'Your data is safe with us.',
    ].join('\n\n') + '\n'
    const more = ['b-backup-dr.md', 'b-delegated-order-form.md'].map((f) => fs.readFileSync(path.join(agreements, f), 'utf8'))
    const asking = [
      ' Backups are taken as set out in the Order Form.',
      ' "Backup Device" means a spare laptop lent while a PC is repaired.',
      ' "Backup Device" means a copy of the Client\'s data.',
      ' The Client shall back up its own laptops.',
      ' Backups of the file server are kept for 30 days.',
      '\n\n**Data protection**\n\nYour data is safe with us.',
      '\n\n## Backup Schedule\n\nAs agreed.',
      ' (the "Supplier")',
      ' We back up the server',
      'x',
    ]
    const typed = fc.record({line: fc.nat(), column: fc.nat(), kind: fc.constantFrom('insert', 'insert', 'delete-line', 'delete-char', 'copy-line'), word: fc.constantFrom(...asking)})
    const retitled = fc.record({line: fc.nat(), kind: fc.constant('heading'), word: fc.constantFrom('Data protection', 'Backups', 'Backup Schedule', 'Privacy', 'Support')})
    const edits = fc.array(fc.oneof({arbitrary: typed, weight: 3}, {arbitrary: retitled, weight: 1}), {minLength: 2, maxLength: 6})
    let compared = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(invented, invented, invented, ...more), edits, async (start, series) => {
        compared += await relintsAsFresh(start, series, (text, e) => ('column' in e ? apply(text, e) : retitle(text, e)), 'asked.md')
      }),
      {numRuns: 24, seed: 67},
    )
    expect(compared).toBeGreaterThan(40)
  })

  it('gives the findings of a fresh lint over random edits that change what the kept verdicts of the failure responsibilities and the response times asked of the document (seeded)', async () => {
    // their verdicts are kept with the questions their judges asked of the document: the names the agreement gives its
    // parties, a question over its answer, the titles above, the documents named and the parts of the agreement so
    // titled, a table's headers, the statements a pointer reaches. An invented agreement is written from slots, each a
    // passage in one of its forms (left out, written one way or another), and each edit writes one slot in another form:
    // the sentences judged, the passages beside them and the ones far from them
    const opening = ['This agreement is between Harbour IT Ltd ("the Provider") and Kestrel Dental Ltd ("the Client").', 'This agreement is between Harbour IT Ltd ("the Provider") and Kestrel Dental Ltd ("the Client", "the Practice").']
    const agreements: readonly (readonly (readonly string[])[])[] = [
      // the response times: the titles above, a table's headers, a pointer at the times below, a title line over a list,
      // the document the times are put in
      [
        opening,
        ['## 1. Support', '## 1. Invoices', '## 1. When to reach us', '## 1. Notes'],
        ['We respond to every support request within 4 hours.', 'We will respond within 4 hours.', ''],
        ['We will respond within the times in the table below.', ''],
        [
          '| Priority | Response | Diagnose |\n|---|---|---|\n| P1 | 1 hour | the Provider |\n| P2 | 4 hours | the Client |',
          '| Priority | Notes | Diagnose |\n|---|---|---|\n| P1 | 1 hour | the Provider |\n| P2 | 4 hours | the Client |',
          '| Level | Response | Who pays |\n|---|---|---|\n| P1 | 1 hour | the Practice |\n| P2 | 4 hours | the Client |',
          '| Item | Reply | Notes |\n|---|---|---|\n| P1 | 1 hour | the Provider |\n| P2 | as agreed | the Client |',
          '',
        ],
        ['Response times\n\n- P1: 1 hour\n- P2: 4 hours', 'Response times\n\nAs agreed.', ''],
        ['Response times are set out in the Service Schedule.', ''],
        ['', '## Service Schedule\n\nP1: 1 hour.'],
      ],
      // the failure responsibilities: the names of the parties, a question over its answer, a title of the customer's
      // part, a paper of terms named and a part of the agreement so titled
      [
        opening,
        ['## 2. Equipment', '## 2. Notes', '## 2. Your part'],
        ['If the till dies, the Practice rings Dave.', 'If the till dies, the Client rings Dave.', ''],
        ['Hardware faults are handled under our Hardware Warranty Policy.', ''],
        ['', '## Hardware Warranty Policy\n\nAs agreed.'],
        ['**And if a server fails?**\n\nThen I work out what is wrong.', '**And what if a server is slow?**\n\nThen I work out what is wrong.', ''],
        ["The server will stay under its manufacturer's warranty, or be replaced when the warranty ends.", ''],
      ],
    ]
    const write = (slots: readonly (readonly string[])[], forms: readonly number[]) => ['# Managed Services Agreement', ...slots.map((s, i) => s[forms[i]!]!).filter((x) => x !== '')].join('\n\n') + '\n'
    const edit = fc.record({slot: fc.nat(), form: fc.nat()})
    let compared = 0
    await fc.assert(
      fc.asyncProperty(fc.nat({max: agreements.length - 1}), fc.array(fc.nat(), {minLength: 12, maxLength: 12}), fc.array(edit, {minLength: 2, maxLength: 8}), async (which, start, series) => {
        const slots = agreements[which]!
        const forms = slots.map((s, i) => start[i]! % s.length)
        compared += await relintsAsFresh(write(slots, forms), series, (_, e) => {
          const i = e.slot % slots.length
          forms[i] = e.form % slots[i]!.length
          return write(slots, forms)
        }, 'asked.md')
      }),
      {numRuns: 40, seed: 71},
    )
    expect(compared).toBeGreaterThan(100)
  })

  it('judges a unit again when an edit elsewhere changes an answer its kept verdict asked for, and takes the kept verdict when none changed', () => {
    const cache = new TextCache({blocks: true})
    const lintWith = (text: string) => lint(text, {filePath: 'a.md', textCache: cache, rules})
    const backups = (r: ReturnType<typeof lintWith>) => r.messages.filter((m) => m.ruleId === 'backup-frequency').map((m) => m.message)
    const doc = (title: string, after: string) =>
      ['# Managed Services Agreement', '## Backups', 'Backups of the file server are made as set out in the Backup Schedule.', `## ${title}`, after].join('\n\n') + '\n'
    // the schedule named is another document: the backups are put there
    const away = doc('Support', 'We answer calls from 9 to 5.')
    expect(backups(lintWith(away))).toEqual(backups(lint(away, {filePath: 'a.md', rules})))
    expect(backups(lintWith(away)).join()).toMatch(/set in the Backup Schedule/)
    // the same text again: the verdict is taken as kept, nothing read again
    const kept = cache.keptVerdicts
    const reads = cache.blockReadings
    lintWith(away)
    expect(cache.keptVerdicts).toBeGreaterThan(kept)
    expect(cache.blockReadings).toBe(reads)
    // a section of that name added far from the sentence makes the schedule this document's: the kept verdict's question
    // (where the backups are put) has another answer, and the sentence is judged again, as a fresh lint judges it
    const here = doc('Backup Schedule', 'We answer calls from 9 to 5.')
    const fresh = lint(here, {filePath: 'a.md', rules})
    expect(backups(fresh).join()).not.toMatch(/set in/)
    expect(backups(lintWith(here))).toEqual(backups(fresh))
    // an edit that changes no answer it asked for takes the kept verdict
    const before = cache.keptVerdicts
    const other = doc('Backup Schedule', 'We answer calls from 9 to 6.')
    expect(backups(lintWith(other))).toEqual(backups(lint(other, {filePath: 'a.md', rules})))
    expect(cache.keptVerdicts).toBeGreaterThan(before)
  })

  it('gives the findings of a fresh lint over random edits within one line, most of them linted with the last tree reused (seeded)', () => {
    // typed or deleted within a line, as an editor sends most edits: the tree is reused where the edit provably changes
    // nothing but one node's text, or joins or splits paragraphs (a line typed on the blank line between two, a line's
    // text deleted), and the rules read the reused tree as they read a fresh one
    const typed = fc.record({line: fc.nat(), column: fc.nat(), kind: fc.constantFrom('type', 'type', 'remove', 'fill', 'clear'), word: fc.constantFrom('x', ' promptly', ' within 4 hours', ':', '.', ' TBD', 'P1 ', ' 99.9%', ' the Customer shall')})
    let compared = 0
    let reused = 0
    fc.assert(
      fc.property(fc.nat({max: texts.length - 1}), fc.array(typed, {minLength: 1, maxLength: 5}), (which, edits) => {
        const parseCache = new ParseCache()
        const textCache = new TextCache({blocks: true})
        let text = texts[which]!
        lint(text, {filePath: 'a.md', parseCache, textCache})
        for (const e of edits) {
          const lines = text.split('\n')
          let i = e.line % lines.length
          // (a line typed on the first blank line from the one chosen)
          if (e.kind === 'fill') while (lines[i]!.trim() !== '' && i < lines.length - 1) i++
          const line = lines[i]!
          const at = line.length ? e.column % (line.length + 1) : 0
          if (e.kind === 'clear') lines[i] = ''
          else if (e.kind === 'fill') lines[i] = e.word.trim()
          else lines[i] = e.kind === 'remove' ? line.slice(0, Math.max(0, at - 1)) + line.slice(at) : line.slice(0, at) + e.word + line.slice(at)
          text = lines.join('\n')
          expect(findings(lint(text, {filePath: 'a.md', parseCache, textCache}))).toBe(findings(lint(text, {filePath: 'a.md'})))
          compared++
        }
        reused += parseCache.builds.reused
      }),
      {numRuns: 10, seed: 31},
    )
    expect(compared).toBeGreaterThan(20)
    expect(reused).toBeGreaterThan(compared / 3)
  })

  it('gives the findings of a fresh lint when an edit changes a block\'s kind but not its text, or moves blocks to other places (seeded)', async () => {
    // what a re-lint keeps by place (the readings of the blocks before and after an edit) must be read again where the
    // block at a place is another kind with the same text (a line made a heading, an item or a quote), and must follow
    // the blocks an edit moves (a line cut and pasted elsewhere, two lines swapped)
    const marks = ['# ', '## ', '- ', '1. ', '> ', '']
    const change = fc.record({line: fc.nat(), other: fc.nat(), kind: fc.constantFrom('mark', 'unmark', 'move', 'swap'), mark: fc.constantFrom(...marks)})
    const moved = (text: string, e: {line: number; other: number; kind: string; mark: string}): string => {
      const lines = text.split('\n')
      const i = e.line % lines.length
      const j = e.other % lines.length
      if (e.kind === 'mark') lines[i] = e.mark + lines[i]!.replace(/^(?:#{1,6} |[-*] |\d+\. |> )/, '')
      else if (e.kind === 'unmark') lines[i] = lines[i]!.replace(/^(?:#{1,6} |[-*] |\d+\. |> )/, '')
      else if (e.kind === 'move') lines.splice(j, 0, ...lines.splice(i, 1))
      else [lines[i], lines[j]] = [lines[j]!, lines[i]!]
      return lines.join('\n')
    }
    let compared = 0
    await fc.assert(
      fc.asyncProperty(fc.nat({max: texts.length - 1}), fc.array(change, {minLength: 2, maxLength: 6}), async (which, series) => {
        compared += await relintsAsFresh(texts[which]!, series, moved, 'moved.md')
      }),
      {numRuns: 8, seed: 23},
    )
    expect(compared).toBeGreaterThan(20)
  })

  it('gives the findings of a fresh lint when the document has more blocks than the cache keeps by place (by text alone)', () => {
    const parseCache = new ParseCache()
    // a bound below the fixture's blocks: its readings are kept by text, not by place
    const textCache = new TextCache({blocks: true, limit: 50})
    let text = texts[0]!
    expect(buildDocument(text, 'a.md').blocks.length).toBeGreaterThan(50)
    const lines = text.split('\n')
    for (const at of [0.2, 0.5, 0.8, 0.5]) {
      const i = Math.floor(at * lines.length)
      lines[i] += ' promptly'
      text = lines.join('\n')
      expect(findings(lint(text, {filePath: 'a.md', parseCache, textCache}))).toBe(findings(lint(text, {filePath: 'a.md'})))
    }
  })

  it('reads a block again when an edit elsewhere changes what it is read with: a bold label\'s marks, a table\'s other rows, a table\'s level names, the titles above its section, its section\'s title, the sentences around it, a list\'s lead-in, the names of the parties, the chosen plan, a bold term\'s title and words', async () => {
    // each series: the texts in order, and the rule whose findings must change from one text to the next
    const levels = (label: string) => `# Support Agreement\n\n## Fault levels\n\n| Category | Meaning |\n|---|---|\n| ${label} – Standstill | the whole office cannot work |\n| Category 3 – Slow | one user affected |\n\n## Response\n\nCategory 2 faults are answered within 1 hour.\n\nCategory 2 faults are answered within 4 hours.\n`
    const rates = (title: string) => `# Support Agreement\n\n## ${title}\n\nThe hourly rate is £95 per hour.\n\n## Support\n\nThe hourly rate is £120 per hour.\n`
    const duties = (after: string) => `# Managed Services Agreement\n\n## Customer responsibilities\n\nThe Customer must keep all PCs on a supported version of Windows.\n\nThe Customer must keep antivirus running on every server.\n${after}`
    // a list item's vague word, the item's text unchanged: the lead-in or the section title decides whose duty it is
    const item = (intro: string, title: string) => `# Support Agreement\n\n## ${title}\n\n${intro}\n\n- reply promptly to every ticket\n- keep the office network running\n`
    // a sentence that names no clause's topic is passed over where it is not in a home: under a title of the customer's
    // duties it is judged, and read by the names the agreement gives its parties it names the customer
    const pad = Array.from({length: 12}, (_, i) => `The Provider will answer question ${i + 1} in writing.`).join('\n\n')
    const homed = (title: string) => `# Support Agreement\n\n## ${title}\n\nEvery PC runs a supported version of Windows.\n\n${pad}\n`
    const named = (parties: string) => `# Support Agreement\n\n${parties}\n\n## Terms\n\nBrightwater keeps every PC on a supported version of Windows and pays for the licences.\n\n${pad}\n`
    const plainNames = 'This agreement is between Acme IT Ltd and Brightwater Dental.'
    // the names read past the opening: a person the definitions give the customer, and a kind of organisation that is the
    // subject of a duty where the opening names no customer (edited far from the opening, where the names are kept)
    const person = (definition: string) => `# Support Agreement\n\nThis agreement is between Acme IT Ltd and Harbour Dental Ltd.\n\n${pad}\n\n## Definitions\n\n${definition}\n\n## Terms\n\nThe Site Lead must keep every PC on a supported version of Windows.\n`
    const subject = (kind: string) => `# Support Agreement\n\nAcme IT Ltd looks after the computers at one site.\n\n${pad}\n\n## Terms\n\nThe ${kind} must keep every PC on a supported version of Windows.\n`
    // a row of a table that gives a value per plan is read with the chosen plan's values alone: the plan chosen elsewhere
    // decides whether the row names backups
    const plans = (plan: string) => `# Support Agreement\n\nThe Client has chosen the ${plan} plan.\n\n## Plans\n\n| Item | Bronze | Silver |\n|---|---|---|\n| Helpdesk | Remote help | Remote help |\n| Extras | Printer setup | Daily backups of servers, kept 30 days |\n\n## Support\n\nThe Provider answers calls in writing.\n`
    // a bold term defines itself by the words after it, or by standing under a title of definitions
    const bold = (title: string, verb: string) => `# Support Agreement\n\n## ${title}\n\n**Covered Device** ${verb} any computer listed in the asset register.\n\n## Support\n\nThe Provider supports each Covered Device on site.\n`
    // a table row's fee is read with the other rows of its table: a row pricing other work makes the fee row one line of a
    // price list, not the agreement's fee
    const price = (other: string) => `# Support Agreement\n\n## Charges\n\n| Item | Price |\n|---|---|\n| Monthly fee | £1,040 per month |\n| Helpdesk | ${other} |\n\n## Fees\n\nThe monthly fee is £980 per month.\n`
    // a period under a title of retention, in a section about backups, is how long backups are kept
    const kept = (parent: string, sub: string) => `# Support Agreement\n\n## ${parent}\n\nThe Provider backs up all servers daily.\n\n### ${sub}\n\n- 30 days for each copy.\n`
    // a bold label titles its block, the same words without the bold do not (the block's text is the same)
    const label = (lead: string) => `# Support Agreement\n\n## Notes\n\n${lead} we help when we can.\n`
    const series: Array<[string, string[]]> = [
      ['excluded-services', [label('**Exclusions:**'), label('Exclusions:'), label('**Exclusions:**')]],
      ['consistent-values', [price('£85 per hour'), price('£200 per month'), price('£85 per hour')]],
      ['backup-frequency', [kept('Backups', 'Retention'), kept('Backups', 'Support'), kept('Backups', 'Retention')]],
      ['backup-frequency', [kept('Backups', 'Retention'), kept('Data', 'Retention'), kept('Backups', 'Retention')]],
      // the prose's "Category 2" is a level only while the table names one
      ['consistent-values', [levels('Category 2'), levels('Category 4'), levels('Category 2')]],
      // an hourly rate under "Remote support" is for remote work, one under "Support desk" is the general rate
      ['consistent-values', [rates('Remote support'), rates('Support desk'), rates('Remote support')]],
      // a consequence stated in another paragraph of the section settles every duty in it
      ['customer-requirements', [duties(''), duties('\nIf the Customer does not, the Provider may charge for the extra work at its standard rates.\n'), duties('')]],
      // the customer's duty under "The Customer shall:", the provider's promise under "We will:"
      ['no-vague-terms', [item('The Customer shall:', 'Duties'), item('We will:', 'Duties'), item('The Customer shall:', 'Duties')]],
      // an imperative under a title of the client's duties is the client's; under a title of services it is not
      ['no-vague-terms', [item('Some notes:', 'Client duties'), item('Some notes:', 'Our services'), item('Some notes:', 'Client duties')]],
      // a block that names nothing of the customer's requirements, under a title that makes it their home
      ['customer-requirements', [homed('General'), homed('Client Responsibilities'), homed('General')]],
      // and one that names the customer by a name the agreement gives it only after the edit
      ['customer-requirements', [named(plainNames), named('This agreement is between Acme IT Ltd ("the Provider") and Brightwater Dental ("Brightwater", "the Client").'), named(plainNames)]],
      ['customer-requirements', [person('"Site Lead" means the Client\'s office manager.'), person('"Site Lead" means the office manager.'), person('"Site Lead" means the Client\'s office manager.')]],
      ['customer-requirements', [subject('School'), subject('Office'), subject('School')]],
      ['backup-frequency', [plans('Bronze'), plans('Silver'), plans('Bronze')]],
      // a bold term under Definitions, then under another title, and one whose words after it stop defining it
      ['no-undefined-terms', [bold('Definitions', 'covers'), bold('Notes', 'covers'), bold('Definitions', 'covers')]],
      ['no-undefined-terms', [bold('Notes', 'means'), bold('Notes', 'covers'), bold('Notes', 'means')]],
    ]
    for (const [rule, texts] of series) {
      const linter = new Linter(root)
      const seen: string[] = []
      for (const text of texts) {
        const outcome = await linter.lint({text, filePath: undefined, name: 'a.md'})
        if (outcome.kind !== 'result') throw new Error(outcome.kind)
        const fresh = lint(text, {filePath: 'a.md'})
        expect(findings(outcome.result)).toBe(findings(fresh))
        seen.push(JSON.stringify(fresh.messages.filter((m) => m.ruleId === rule)))
      }
      // the edit changed the finding, and undoing it brought the first one back
      expect(seen[1], rule).not.toBe(seen[0])
      expect(seen[2], rule).toBe(seen[0])
    }
  })

  it('keeps the stated metrics and response times of each block as a fresh reading states them, the levels the rows before a row gave its name included', () => {
    const cache = new TextCache({blocks: true})
    // each statement with its block by place and its sentence by text, so that kept and fresh readings compare
    const stated = (text: string, texts?: TextCache) => {
      const doc = buildDocument(text, 'a.md')
      const reading = read(doc, texts)
      const plain = <S extends {block: unknown; sentence?: {text: string} | undefined}>(s: S) => ({...s, block: doc.blocks.indexOf(s.block as never), sentence: s.sentence?.text})
      return {metrics: reading.statedMetrics.map(plain), responses: reading.statedResponseTimes.map(plain)}
    }
    // the summary's row is the same text each time; the level its name stands for is the one the first table gives
    // "Slow" (the second level, or the first), the only thing it reads of the rows before it
    const named = (first: string, second: string) =>
      `# Support Agreement\n\n## Fault levels\n\n| Fault level | Response time |\n|---|---|\n| ${first} |\n| ${second} |\n\n## Summary\n\n| Fault level | Response time |\n|---|---|\n| Slow | 4 hours |\n`
    const series = [named('Dead line | 1 hour', 'Slow | 240 minutes'), named('Slow | 1 hour', 'Dead line | 4 hours'), named('Dead line | 1 hour', 'Slow | 240 minutes')]
    const ranks = series.map((text) => {
      const kept = stated(text, cache)
      expect(kept).toEqual(stated(text))
      return kept.metrics.filter((s) => s.block === stated(text).metrics.at(-1)!.block).map((s) => s.priority?.rank)
    })
    expect(ranks).toEqual([[2], [1], [2]])
    // a list item that is only a priority and a time states a response time under a title that names response times
    const titled = (title: string) => `# Support Agreement\n\n## ${title}\n\n- P1: 1 hour\n- P2: 4 hours\n`
    const counts = ['Response times', 'Notes', 'Response times'].map((title) => {
      const kept = stated(titled(title), cache)
      expect(kept).toEqual(stated(titled(title)))
      return kept.responses.length
    })
    expect(counts).toEqual([2, 0, 2])
    // and the agreements, linted again with what the first reading kept, and after an edit of one line
    for (const text of texts) {
      const lines = text.split('\n')
      const at = lines.findIndex((l) => /^\|.*\d/.test(l) && !/^[\s|:-]*$/.test(l))
      expect(at).toBeGreaterThan(0)
      lines[at] = lines[at]!.replace(/\d+/, '9')
      for (const t of [text, text, lines.join('\n')]) expect(stated(t, cache)).toEqual(stated(t))
    }
  })

  it('reads no block again when nothing changed, and after a one-line edit only the blocks whose text changed', () => {
    const cache = new TextCache({blocks: true})
    // which texts' kept readings grow during a lint
    const entries = new Map<string, Map<unknown, unknown>>()
    const blockEntry = cache.blockEntry.bind(cache)
    cache.blockEntry = (text: string) => {
      const entry = blockEntry(text)
      if (entry) entries.set(text, entry)
      return entry
    }
    const lintWith = (text: string) => lint(text, {filePath: 'a.md', textCache: cache})
    const text = texts[0]!
    lintWith(text)
    const first = cache.blockReadings
    expect(first).toBeGreaterThan(100)
    const sizes = new Map([...entries].map(([t, e]) => [t, e.size]))
    lintWith(text)
    expect(cache.blockReadings - first).toBe(0)
    // type a word into one paragraph: the paragraph's text and one sentence are new; every other block is as it was
    const lines = text.split('\n')
    const at = lines.findIndex((l, i) => i > lines.length / 2 && /^[A-Z][^|#]{80,}\.$/.test(l))
    expect(at).toBeGreaterThan(0)
    lines[at] = lines[at]!.replace(/\.$/, ' promptly.')
    const edited = lines.join('\n')
    const before = cache.blockReadings
    lintWith(edited)
    const reread = cache.blockReadings - before
    expect(reread).toBeGreaterThan(0)
    // the edited line's block and sentence texts are the only new texts; no other text gained a reading
    const oldTexts = new Set(buildDocument(text, 'a.md').blocks.flatMap((b) => [b.text, ...b.sentences.map((s) => s.text)]))
    for (const [t, entry] of entries) if (oldTexts.has(t)) expect(entry.size, t.slice(0, 60)).toBe(sizes.get(t) ?? 0)
    expect(reread).toBeLessThan(first / 20)
  })

  it('reads no block again when one text stands in several places, each read with another sentence after it, and reads again the one whose sentence after it changed', () => {
    const cache = new TextCache({blocks: true})
    const lintWith = (text: string) => lint(text, {filePath: 'a.md', textCache: cache, rules})
    // the same lead-in before each list: judged with the list's first item, which differs from one place to the next
    const lists = (first: string) =>
      [
        '# Managed Services Agreement',
        '## Backups',
        'The Client will:',
        '- keep the backup drive connected at all times\n- tell the Provider of any change to the server',
        '## Devices',
        'The Client will:',
        `- ${first}\n- replace hardware older than five years`,
        '## Network',
        'The Client will:',
        '- keep the firewall licensed\n- give the Provider remote access to the router',
      ].join('\n\n') + '\n'
    const text = lists('keep every PC on a supported version of Windows')
    const first = lintWith(text)
    expect(findings(first)).toBe(findings(lint(text, {filePath: 'a.md', rules})))
    expect(first.messages.some((m) => m.ruleId === 'customer-requirements')).toBe(true)
    const before = cache.blockReadings
    expect(findings(lintWith(text))).toBe(findings(lint(text, {filePath: 'a.md', rules})))
    expect(cache.blockReadings - before).toBe(0)
    // the item after the second lead-in changes: that place is read again, with the same findings as a fresh lint; and
    // changed back, every place is read as it was read before
    const reads: number[] = []
    for (const item of ['pay each invoice within 30 days', 'keep every PC on a supported version of Windows']) {
      const edited = lists(item)
      const again = cache.blockReadings
      expect(findings(lintWith(edited))).toBe(findings(lint(edited, {filePath: 'a.md', rules})))
      reads.push(cache.blockReadings - again)
    }
    expect(reads[0]).toBeGreaterThan(0)
    expect(reads[1]).toBe(0)
  })
  it('reads the defined-term candidates of every block again when the vocabulary changes, and only then', () => {
    const cache = new TextCache({blocks: true})
    const lintWith = (text: string) => lint(text, {filePath: 'a.md', textCache: cache, rules})
    const undefinedTerms = (r: ReturnType<typeof lintWith>) => r.messages.filter((m) => m.ruleId === 'no-undefined-terms').map((m) => m.message)
    const body = ['# Support Agreement', '', '## Definitions', '', '"Business Hours" means 09:00 to 17:00 on weekdays.', '', '## Support', '']
    const uses = Array.from({length: 30}, (_, i) => `The Provider will look after the Covered Devices at site ${i + 1} during Business Hours.`)
    const text = [...body, ...uses.flatMap((u) => [u, ''])].join('\n')
    const first = lintWith(text)
    const all = cache.blockReadings
    expect(undefinedTerms(first).some((m) => m.includes('"Covered Devices"'))).toBe(true)
    // an edit that leaves the vocabulary as it was re-reads the edited block alone
    const before = cache.blockReadings
    const edited = text.replace('at site 7 during', 'at site 7 only during')
    expect(findings(lintWith(edited))).toBe(findings(lint(edited, {filePath: 'a.md', rules})))
    const oneBlock = cache.blockReadings - before
    expect(oneBlock).toBeGreaterThan(0)
    expect(oneBlock).toBeLessThan(all / 10)
    // defining the term changes what every block's candidates are: all are read again, and the finding goes
    const defined = edited.replace('on weekdays.', 'on weekdays.\n\n"Covered Devices" means the computers listed in the Order Form.')
    const after = cache.blockReadings
    const relinted = lintWith(defined)
    // the new definition's block, and the candidates of every block with a sentence in it (headings have none)
    expect(cache.blockReadings - after - oneBlock).toBeGreaterThanOrEqual(uses.length)
    expect(undefinedTerms(relinted).some((m) => m.includes('"Covered Devices"'))).toBe(false)
    expect(findings(relinted)).toBe(findings(lint(defined, {filePath: 'a.md', rules})))
  })

  it('reads the defined-term candidates of a block again after a heading changes only when the heading changes an answer they asked for', () => {
    // the rule alone, so that the readings counted are its own (other rules read a block again under a new section title)
    const own = rules.filter((r) => r.meta.id === 'no-undefined-terms')
    expect(own).toHaveLength(1)
    const cache = new TextCache({blocks: true})
    const lintWith = (text: string) => lint(text, {filePath: 'a.md', textCache: cache, rules: own})
    const undefinedTerms = (r: ReturnType<typeof lintWith>) => r.messages.filter((m) => m.ruleId === 'no-undefined-terms').map((m) => m.message)
    const withTitle = (title: string): string => {
      const body = ['# Support Agreement', '', '## Definitions', '', '"Business Hours" means 09:00 to 17:00 on weekdays.', '', `## ${title}`, '']
      const uses = Array.from({length: 30}, (_, i) => `The Provider will look after the Covered Devices at site ${i + 1} during Business Hours.`)
      return [...body, ...uses.flatMap((u) => [u, ''])].join('\n')
    }
    const first = lintWith(withTitle('Support'))
    const all = cache.blockReadings
    expect(undefinedTerms(first).some((m) => m.includes('"Covered Devices"'))).toBe(true)
    // each title in turn: whether the term is still reported, and whether every block's candidates are read again
    const series: Array<[string, boolean, boolean]> = [
      // a heading that names none of the terms the blocks asked about: the heading's block alone is read
      ['Support and maintenance', true, false],
      // a look-alike: the same words in another order name no heading the term is in
      ['Devices covered', true, false],
      // the heading now names the term: a topic of the agreement, so every block that asked about it is read again
      ['Covered Devices', false, true],
      // and back: read again, reported again
      ['Support', true, true],
    ]
    for (const [title, reported, everyBlock] of series) {
      const text = withTitle(title)
      const before = cache.blockReadings
      const relinted = lintWith(text)
      const reread = cache.blockReadings - before
      expect(findings(relinted), title).toBe(findings(lint(text, {filePath: 'a.md', rules: own})))
      expect(undefinedTerms(relinted).some((m) => m.includes('"Covered Devices"')), title).toBe(reported)
      if (everyBlock) expect(reread, title).toBeGreaterThanOrEqual(30)
      else expect(reread, title).toBeLessThan(Math.min(30, all / 10))
    }
  })

  it('keeps per block the same term hits as the scan of the whole document, for every agreement fixture', () => {
    const terms = [...compileTerms(vague.terms), ...compileTerms(overpromising.terms)]
    const cache = new TextCache({blocks: true})
    const spans = (hits: ReturnType<typeof scanTerms>) => hits.map((h) => [h.block.position.start.offset, h.sentence.start, h.start, h.end, h.text, h.term.suggestion])
    let n = 0
    for (const f of fs.readdirSync(agreements).filter((x) => x.endsWith('.md'))) {
      const doc = buildDocument(fs.readFileSync(path.join(agreements, f), 'utf8'), f)
      const reading = read(doc, cache)
      const want = spans(scanTerms(new Prose(doc.blocks), terms))
      // twice: once read, once kept
      for (let i = 0; i < 2; i++) expect(spans(scanTermsKept(new Prose(doc.blocks), terms, cache, (kind, blocks, make) => reading.blockColumn(kind, blocks, make))), f).toEqual(want)
      n += want.length
    }
    expect(n).toBeGreaterThan(50)
  })

  it('keeps nothing for a run over many files (the default cache)', () => {
    const cache = new TextCache()
    lint(texts[0]!, {filePath: 'a.md', textCache: cache, rules})
    expect(cache.keepsBlocks).toBe(false)
    expect(cache.blockReadings).toBe(0)
    expect(cache.blockEntry('x')).toBeUndefined()
  })
})

// Values an agreement states twice beyond its service levels, as a reviewer compares them: a recurring fee or an hourly
// rate for the same thing and the same kind of work, the initial term, the notice to end the agreement, and how often
// one source of data is backed up. Each value is keyed by what it is for; two values of one key that differ are a
// conflict. Precision first: a value whose words make it a value of its own (another plan or quantity, tax included, an
// example, a past figure, a replacement) is not read at all.
//
// The rule that reads these (consistent-values) runs on every file, so the pre-checks come first and a value read is
// kept as a few numbers and strings only.
import {needs} from '../text.js'
import type {Block} from '../types.js'
import {blockContext, listKeys, otherLabel, type KeptInContext, type ValuesOf} from './metrics.js'
import {mayHold} from './values/index.js'
import {mayHoldAmount} from './values/money.js'

/** One stated value with what it is stated for. */
export interface Restated {
  /** What the value is for ("fee|AUD|month|", "notice", "backup|database"): values of one key are compared. */
  readonly key: string
  /** The value in the unit all values of its key share: an amount, months, minutes. */
  readonly value: number
  /** Days stated as days, for a notice period compared with months ("90 days" and "three months" agree). */
  readonly days?: boolean
  /** What the message names ("monthly fee", "hourly rate", "notice period", "backup frequency"). */
  readonly what: string
  /** Things the value is for ("database", "server"): two values of one kind compare when these meet. */
  readonly things: ReadonlySet<string>
  /** The item a price list's row prices: two rows compare only when they price the same item. */
  readonly item?: string | undefined
  /** A sentence's own words, lower-cased, where a row's source must be named for the two to compare (backups). */
  readonly words?: string | undefined
  /** The list and label a keyed list's item states the value for (see listKeys): another label's value is another thing's. */
  readonly keyed?: string | undefined
  /** The keyed lists (see listKeys) one of whose labels states this value alike, space-separated. */
  readonly agrees?: string | undefined
  readonly text: string
  readonly block: Block
  readonly start: number
  readonly end: number
}

// a value given as an example, a past figure, a replacement or a change is not a second commitment
const NOT_A_VALUE = /\b(?:for example|for instance|e\.g\.|such as|illustrat\w*|previously|formerly|used to|was|were|up from|down from|in the past|last year|under (?:our|the|your) (?:previous|old|earlier|prior|original|\d{4}) \w+|becomes?|will (?:rise|increase|decrease|fall|change|go up|go down)|increas\w*|reduc\w*|replac\w*|supersed\w*|instead of|in place of|amend\w*|variation|vari(?:es|ed)|changes? (?:from|to)|with effect from|effective (?:from|on)|from \d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b/i
// a value for one plan, tier, quantity or case only is a value of its own
const OWN_CASE = /\b(?:tiers?|plans?|packages?|editions?|bundles?|premium|gold|silver|bronze|platinum|enterprise|advanced|essentials?|discount\w*|credits?|refunds?|rebates?|penalt\w*|deposits?|late|interest|minimum|maximum|cap(?:ped)?|up to|at least|more than|less than|fewer than|over|under|or more|or fewer|first|next|each additional|per additional|additional \d+|set-?up|onboarding|one-?off|trial|total|subtotal|sum|in all|altogether|all told|all[- ]in|combined|comes? to|adds? up to|if|when|where|unless)\b|\d+\s*(?:\+|or more)/i
const TAX_INCLUDED = /^[^$£€¥\d]{0,25}?\b(?:incl(?:uding|usive of|\.)?|inc\.?|with)\s+(?:gst|vat|tax(?:es)?|sales tax)\b|^\s*\(?\s*(?:gst|vat)[- ]inclusive\b/i
// the kind of work an hourly rate is for
const KINDS: ReadonlyArray<[string, RegExp]> = [
  ['after-hours', /\bafter[- ]hours|out[- ]of[- ]hours|outside (?:of )?(?:normal |standard |the |our |your |business |support |service |office |working )*hours|on[- ]call|emergenc\w*|weekends?|evenings?|nights?|overnight|saturdays?|sundays?|(?:public|bank) holidays?|overtime|urgent\b/i],
  ['onsite', /\bon[- ]?site|site visits?|call[- ]?outs?|travel\w*|attendance/i],
  ['remote', /\bremote\w*/i],
  ['project', /\bprojects?\b|installations?|migrations?|consult\w*|training|development|design|implementation/i],
]
// the things a fee or a backup is for, each read as its class: "PCs and laptops" and "workstations" are one class
const THINGS: ReadonlyArray<[string, RegExp]> = [
  ['computer', /\b(?:pcs?|laptops?|desktops?|workstations?|computers?|notebooks?|macs?|endpoints?)\b/i],
  ['server', /\bservers?\b/i],
  ['database', /\bdatabases?\b/i],
  ['printer', /\b(?:printers?|copiers?|mfds?|multifunction devices?)\b/i],
  ['phone', /\b(?:phones?|handsets?|extensions?|telephony|voip)\b/i],
  ['mail', /\b(?:e-?mail|mail|mailbox(?:es)?|exchange)\b/i],
  ['m365', /\b(?:microsoft 365|office 365|m365|o365|onedrive|sharepoint|teams)\b/i],
  ['network', /\b(?:firewalls?|switch(?:es)?|routers?|wi-?fi|network)\b/i],
  ['storage', /\b(?:storage|nas)\b/i],
  ['files', /\bfiles?\b(?!\s+servers?)/i],
  // hosting a website or a portal is a thing of its own: "Hosting for the members' portal: $40 a month" beside the
  // monthly fee for the managed service, "The portal hosting alone may be cancelled on one month's notice"
  ['web', /\b(?:web ?hosting|hosting|hosted|websites?|web ?sites?|portals?|domains?)\b/i],
]
const HOURLY_PER = new Set(['hour'])
const PERIOD_PER = new Map([['month', 'month'], ['year', 'year'], ['quarter', 'quarter'], ['week', 'week']])
const PERIOD_AFTER = /^[^$£€¥\d;]{0,30}?\b(?:per|a|each|every|\/)\s*(month|year|annum|quarter|week)\b/i
const PERIOD_WORD: ReadonlyArray<[string, RegExp]> = [
  ['month', /\bmonthly\b|\bper month\b|\ba month\b|\beach month\b|\bpcm\b|\bmonth(?:ly)? (?:fee|charge|price|subscription)/i],
  ['year', /\bannual(?:ly)?\b|\byearly\b|\bper (?:year|annum)\b|\ba year\b|\beach year\b/i],
]
const FEE_WORD = /\b(?:fees?|charges?|charged|prices?|priced|costs?|rates?|pays?|payable|invoic\w*|billed|subscription|pricing)\b/i
const RANGE_NEXT = /^\s*(?:-|–|—|to|and)\s*(?:[A-Z]{0,3}[$£€¥])?\s*\d/
const RANGE_BEFORE = /(?:-|–|—|\bto|\bfrom|\bbetween)\s*$/i
/** How far before an amount RANGE_BEFORE looks (its word and the spaces after it), so each amount costs the same. */
const RANGE_BEFORE_REACH = 40

const TERM = /\b(?:(?:initial|minimum|fixed|contract|agreement|service) (?:term|period)|term of|term(?: is|:)|runs? for|continues? for|for a (?:term|period) of)\b/i
const TERM_LABEL = /^\W*(?:(?:initial|minimum|contract|agreement) )?term\b/i
const NOT_A_TERM = /\b(?:after|following|terminat\w*|expir\w*|surviv\w*|confidential\w*|obligations?|payment|invoices?|pay|credit|warranty|trial|probation|retention|retain\w*|kept|licen[cs]es?|order forms?|statements? of work|sow|work orders?|renew\w*|successive|further|extension|extend\w*|notice|each|every|per)\b/i
const NOTICE_AFTER = /^['’]?s?\s+(?:(?:prior|advance|written|prior written|advance written)\s+)?notice\b/i
const NOTICE_BEFORE = /\bnotice(?: period)?\b[^.;|]{0,60}?(?::|\bof|\bis|\bperiod)\s*$/i
const NOTICE_FOR_END = /\b(?:terminat\w*|end\b|ends\b|ending|cancel\w*|until|expir\w*|term)\b/i
const NOTICE_OTHER = /\b(?:breach\w*|insolven\w*|default\w*|non-?payment|fails? to pay|suspen\w*|remed\w*|cure|increas\w*|change\w*|price|fees?|charges?|rates?)\b/i
const EITHER = /\b(?:either|both|each party|each of us|the parties)\b/i
// the agreement as what the notice ends ("terminate this Agreement", "end the contract", "cancel the order")
const AGREEMENT_ENDED = /\b(?:agreement|contract|order|arrangement|msa|sla|subscription|engagement|relationship)\b/i
const ONE_PARTY = /\b(?:customer|client|provider|supplier|contractor|vendor|company|subscriber|licensee|licensor|we|you|us|our|your)\b/i

const BACKUP_WORD = /\bback(?:ed|s|ing)?[- ]?ups?\b/gi
const BACKUP_ANY = /\bback(?:ed|s|ing)?[- ]?ups?\b/i
// a column of how long backups are kept: "monthly for 7 years" there is a retention, not a cadence
const KEPT_HEAD = needs(/\b(?:kept|keep|retain\w*|retention|held|stored)\b/i)
// a second tier of one source, stated as such: "also", "in addition", a full or off-site copy
const TIER = /\b(?:also|in addition|additionally|as well|further|second|full|incremental|differential|images?|snapshots?|(?:transaction )?logs?|off-?site|cloud|tape|usb|external|replica\w*|archive\w*)\b/gi
const BETWEEN_BACKUP = needs(/\b(?:restor\w*|test\w*|verif\w*|check\w*|review\w*|report\w*|scan\w*|updat\w*|patch\w*|monitor\w*|sync\w*|replicat\w*)\b/i)

// what any of the values needs in its block
const TRIGGER = /\b(?:notice|term|runs? for|continues? for|back(?:ed|s|ing)?[- ]?ups?)\b/i

function thingsOf(text: string): Set<string> {
  const out = new Set<string>()
  for (const [name, re] of THINGS) if (re.test(text)) out.add(name)
  return out
}

/** A unit of text a value is read in: a sentence of prose, or a sentence of one table cell read with its row's label and column. */
interface Piece {
  readonly text: string
  /** Where `text` starts in the block's text. */
  readonly at: number
  /** The row's label and the column heading, for a table cell. */
  readonly label: string
  /** The column heading alone, for a table cell. */
  readonly head: string
  /** A row of a price list ("| Managed switch | 4 | $35.00 |"), by its first cell: the item the row prices. */
  readonly item: string | undefined
  readonly block: Block
  /** The column of a table cell (-1 for prose). */
  readonly col: number
  /** The rows of the table a cell is in (none for prose). */
  readonly rows: readonly Block[]
}

/** The words that say what a piece is about: the section title, and the block up to the piece's end (a table cell: its labels). */
// The kind of work named before a piece: in a table row, the section's title and the row's label; in prose, the
// section's title and the block's text up to the piece's end. Each kind's first match in the block is found once per
// block, so a paragraph that states many rates is read in time linear in its length.
const firstKinds = new WeakMap<Block, number[]>()
function kindsBefore(p: Piece): string[] {
  const title = p.block.section.title
  if (p.block.kind === 'table-row') {
    const words = `${title} ${p.label}`
    return KINDS.filter(([, re]) => re.test(words)).map(([k]) => k)
  }
  let first = firstKinds.get(p.block)
  if (!first) firstKinds.set(p.block, (first = KINDS.map(([, re]) => re.exec(p.block.text)?.index ?? -1)))
  const end = p.at + p.text.length
  return KINDS.filter(([, re], i) => re.test(title) || (first[i]! >= 0 && first[i]! < end)).map(([k]) => k)
}

// a column of prices makes each row a line item of a price list
const PRICE_HEAD = /\b(?:price|pricing|cost|fee|charge|rate|amount|total|subtotal|monthly|annual|per (?:month|year|user|device))\b|[$£€¥]/i

// Reading: a price list's row labelled as the fee itself ("| Monthly fee | £1,040 plus VAT |", "| Monthly charge |",
// "| Support fee (per month) |") prices no item of its own: it states the agreement's fee, compared with the fee a
// sentence states ("a monthly charge of £980"), when no other row of its table prices anything but hourly work (then it is
// one line of a quote, whose lines add up to the fee); a row for one thing ("| Hourly rate for projects |") keeps its item.
const HOURLY_WORK = /\bhourly\b|\bper hour\b|\ban hour\b|\/\s?(?:hr|hour)\b|\bp\/?h\b/i
function feeRow(label: string, block: Block, rows: readonly Block[], col: number): boolean {
  if (!FEE_LABEL.test(label)) return false
  // (the rows pricing other than hourly work, counted once per table and column)
  let known = PRICED_ROWS.get(rows)
  if (!known) PRICED_ROWS.set(rows, (known = new Map()))
  let priced = known.get(col)
  if (priced === undefined) known.set(col, (priced = rows.filter((r) => pricesWork(r, col))))
  return priced.every((r) => r === block)
}
const PRICED_ROWS = new WeakMap<readonly Block[], Map<number, Block[]>>()
function pricesWork(r: Block, col: number): boolean {
  const cell = r.cells?.[col] ?? ''
  return mayHoldAmount(cell) && !HOURLY_WORK.test(`${r.cells?.[0] ?? ''} ${cell}`)
}
const FEE_LABEL = /^(?:the\s+|your\s+|our\s+)?(?:(?:monthly|annual|yearly|quarterly|recurring|regular|fixed|flat|standard|support|service|managed services?|management|subscription|retainer)\s+){0,3}(?:fees?|charges?|prices?|costs?|subscription|retainer)(?:\s*\((?:monthly|annual|per (?:month|year|annum)|a month|a year)\))?\s*:?$/i

function pieces(block: Block, visit: (p: Piece) => void, rows: readonly Block[] = []): void {
  if (block.kind === 'table-row' && block.cells) {
    const cells = block.cells
    const header = block.header ?? []
    let from = 0
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!
      const at = cell ? block.text.indexOf(cell, from) : -1
      if (at < 0) continue
      from = at + cell.length
      const head = header[i] ?? ''
      const label = `${i > 0 ? cells[0] : ''} ${head}`.trim()
      // (a column of amounts is a price column whatever its heading says: "| Component | AUD |")
      // (a row labelled as the fee itself, "| Monthly fee | £1,040 |", prices no item: it is the agreement's fee)
      const first = (cells[0] ?? '').replace(/[*_`]/g, '').trim()
      const item = i > 0 && (PRICE_HEAD.test(head) || amountColumn(rows, i)) && !feeRow(first, block, rows, i) ? first.toLowerCase() : undefined
      let offset = 0
      for (const part of cell.split(/(?<=[.!?])\s+(?=[A-Z(])/)) {
        const o = cell.indexOf(part, offset)
        offset = o + part.length
        visit({text: part, at: at + o, label, head, item, block, col: i, rows})
      }
    }
    return
  }
  for (const s of block.sentences) visit({text: s.text, at: s.start, label: '', head: '', item: undefined, block, col: -1, rows})
}

// Reading: a total stated beside its parts is not a second value of the quantity. A table whose column holds bare
// amounts in two rows or more ("| Helpdesk | $1,200 |", "| Subtotal | $1,500 |") is a price list, each row the price of its
// own line (a line, a subtotal and a total are three things), whatever the column's heading (a key-terms table whose
// cells state terms in words, "| Invoicing | Monthly in advance for A$2,430 plus GST |", is not); and a value stated as
// a sum ("$1,500 a month in all", "comes to", "altogether") is a case of its own, as one stated as a total is.
const BARE_AMOUNT = /^[\s*_]{0,4}(?:[A-Z]{0,3}[$£€¥]|(?:USD|EUR|GBP|AUD|NZD|CAD|INR|ZAR|KES|RM|R)\s?)?\s?\d[\d,.]{0,14}(?:\s?(?:USD|EUR|GBP|AUD|NZD|CAD|INR|ZAR|KES))?(?:\s{0,2}(?:per|a|an|each|\/)\s{0,2}[a-z]{1,12})?[\s*_]{0,4}$/
// (asked for each cell of each row: answered once per table and column, so a long table is read in linear time)
const AMOUNT_COLUMNS = new WeakMap<readonly Block[], Map<number, boolean>>()
function amountColumn(rows: readonly Block[], col: number): boolean {
  let known = AMOUNT_COLUMNS.get(rows)
  if (!known) AMOUNT_COLUMNS.set(rows, (known = new Map()))
  let answer = known.get(col)
  if (answer === undefined) {
    let n = 0
    for (const row of rows) if (BARE_AMOUNT.test(row.cells?.[col] ?? '') && ++n >= 2) break
    known.set(col, (answer = n >= 2))
  }
  return answer
}

// The grand total of a price list is the agreement's fee for everything on it: a row labelled as the total ("| **Total
// per month** | | | **$540** |") whose amount is the sum of the line amounts above it in its column (a quote's lines);
// not a total with tax in it, nor one over a column of unit prices
const TOTAL_ROW = /^\W*(?:grand\s+)?total(?:\s+(?:per|a|each)\s+(?:month|year|annum)|\s+(?:monthly|annual|yearly))?(?:\s+(?:fees?|charges?|price|cost))?\W*$/i
const TAX_WORD = /\b(?:incl\w*|inc\.?|excl\w*|ex\.?|gst|vat|hst|tax(?:es)?|plus)\b/i

/** Is the piece the grand total of a price list whose line amounts, in its column, add up to it? */
function grandTotal(p: Piece, amount: number, valuesOf: ValuesOf): boolean {
  if (p.block.kind !== 'table-row' || p.col < 1 || p.item === undefined) return false
  const first = p.block.cells?.[0] ?? ''
  if (!TOTAL_ROW.test(first.replace(/[*_`]/g, '')) || TAX_WORD.test(first) || TAX_WORD.test(p.text)) return false
  let sum = 0
  let lines = 0
  for (const row of p.rows) {
    if (row === p.block) break
    const cell = row.cells?.[p.col] ?? ''
    if (!cell.trim()) continue
    const money = mayHold.money(cell) ? valuesOf(cell).money : []
    // each line's amount for its line, not a price per unit
    if (money.length !== 1 || (money[0]!.per && !PERIOD_PER.has(money[0]!.per))) return false
    sum += money[0]!.amount
    lines++
  }
  return lines >= 2 && Math.abs(sum - amount) < 0.005 * amount
}

/** Recurring fees and hourly rates, each keyed by currency, charging unit, the kind of work and the things it is for. */
function moneyIn(p: Piece, valuesOf: ValuesOf, out: Restated[]): void {
  if (!mayHoldAmount(p.text)) return
  const money = valuesOf(p.text).money
  if (!money.length) return
  const context = `${p.label} ${p.text}`
  const total = money.length === 1 && grandTotal(p, money[0]!.amount, valuesOf)
  // (a total is the fee for the whole list; the day a fee falls due is no first month: "invoiced on the first day of each month")
  if (NOT_A_VALUE.test(context) || OWN_CASE.test((total ? context.replace(/\b(?:grand\s+)?total\b/gi, ' ') : context).replace(/\bfirst (?:(?:working|business) )?day\b/gi, ' '))) return
  const read: Array<{key: string; value: number; what: string; m: (typeof money)[number]}> = []
  let kinds: string[] | undefined
  let next = 0
  let previousEnd = 0
  for (const m of money) {
    // amounts are in the order of the text: the next one after this amount bounds what is read after it, the one before
    // it what is read before it
    const before = p.text.slice(previousEnd, m.start)
    previousEnd = m.end
    while (next < money.length && money[next]!.start < m.end) next++
    const after = p.text.slice(m.end, Math.min(p.text.length, money[next]?.start ?? p.text.length))
    if (TAX_INCLUDED.test(after) || RANGE_NEXT.test(p.text.slice(m.end)) || RANGE_BEFORE.test(p.text.slice(Math.max(0, m.start - RANGE_BEFORE_REACH), m.start))) continue
    let unit: string | undefined
    let what: string
    if (m.per && HOURLY_PER.has(m.per)) {
      // the kind of work may be named earlier in the paragraph or in the section's title ("After-Hours Support. … That work is billed at …")
      kinds ??= kindsBefore(p)
      unit = `hour|${kinds.join('+')}`
      what = 'hourly rate'
    } else {
      const period = (m.per && PERIOD_PER.get(m.per)) ?? PERIOD_AFTER.exec(after)?.[1]?.toLowerCase().replace('annum', 'year') ?? (m.per || !(total || FEE_WORD.test(context)) ? undefined : PERIOD_WORD.find(([, re]) => re.test(context))?.[0])
      if (!period) continue
      // "per device per month": the charging unit and the period; "Each user above 40: $90 per month": the unit named before
      const per = m.per && !PERIOD_PER.has(m.per) ? m.per : unitBefore(`${p.label} ${before}`)
      unit = `${per}|${period}`
      what = period === 'month' ? 'monthly fee' : period === 'year' ? 'annual fee' : 'fee'
    }
    read.push({key: `fee|${m.currency}|${unit}`, value: m.amount, what, m})
  }
  // two values of one kind in one sentence or cell price different things side by side
  const count = new Map<string, number>()
  for (const r of read) count.set(r.key, (count.get(r.key) ?? 0) + 1)
  // (a grand total is for no one item and no one thing: it compares with the fee the agreement states for all of it)
  const things = total ? new Set<string>() : thingsOf(context.replace(/\bper\s+\w+/gi, ''))
  for (const r of read) {
    if (count.get(r.key)! > 1) continue
    out.push({key: r.key, value: r.value, what: r.what, things, item: total ? undefined : p.item, text: r.m.text, block: p.block, start: p.at + r.m.start, end: p.at + r.m.end})
  }
}

// Reading: an amount for each one of a countable thing, named before it ("Each user above 40: $90 per month", "For every
// extra laptop we charge $25 a month", "| Per additional site | $300 a month |"), is charged per that thing: a price per
// unit, not the agreement's recurring fee, as "$90 per user per month" is.
const EACH_UNIT = /\b(?:each|every|per)\s+(?:(?:additional|extra|further|new|other|subsequent|named|active|managed)\s+)?(users?|seats?|employees?|staff|mailbox(?:es)?|devices?|endpoints?|workstations?|servers?|computers?|laptops?|desktops?|pcs?|machines?|sites?|locations?|offices?|branch(?:es)?|licen[cs]es?|phones?|handsets?|extensions?)\b/i
const UNIT_OF: ReadonlyArray<[string, RegExp]> = [
  ['user', /^(?:users?|seats?|employees?|staff|mailbox(?:es)?)$/i],
  ['site', /^(?:sites?|locations?|offices?|branch(?:es)?)$/i],
  ['licence', /^licen[cs]es?$/i],
]

/** The charging unit an amount's words name before it ("each user", "every additional device"): '' for none. */
function unitBefore(text: string): string {
  const m = EACH_UNIT.exec(text)
  if (!m) return ''
  return UNIT_OF.find(([, re]) => re.test(m[1]!))?.[0] ?? 'device'
}

/** The initial or minimum term, and the notice either party gives to end the agreement. */
function termIn(p: Piece, valuesOf: ValuesOf, out: Restated[]): void {
  const context = `${p.label} ${p.text}`
  if (!/\bnotice\b|\bterm\b|\bruns? for\b|\bcontinues? for\b/i.test(context) || !mayHold.durations(p.text)) return
  const ds = valuesOf(p.text).durations
  if (!ds.length || NOT_A_VALUE.test(context)) return
  const notices = ds.filter((d) => NOTICE_AFTER.test(p.text.slice(d.end)) || NOTICE_BEFORE.test(`${p.label ? `${p.label}: ` : ''}${p.text.slice(0, d.start)}`))
  if (notices.length === 1) {
    const d = notices[0]!
    const party = EITHER.test(context) || !ONE_PARTY.test(context)
    if (party && NOTICE_FOR_END.test(context) && !NOTICE_OTHER.test(context) && (d.unit === 'day' || d.unit === 'month' || d.unit === 'week') && !d.business) {
      const value = d.unit === 'month' ? d.value : d.unit === 'week' ? (d.value * 7) / 30 : d.value / 30
      // a notice to end one thing the agreement covers ("The portal hosting alone may be cancelled on one month's notice")
      // is that thing's: it compares with the notice to end the agreement only where the two name the same things
      const things = AGREEMENT_ENDED.test(context) ? new Set<string>() : thingsOf(context)
      out.push({key: 'notice', value, days: d.unit === 'day', what: 'notice period', things, text: d.text, block: p.block, start: p.at + d.start, end: p.at + d.end})
    }
    return
  }
  if (notices.length) return
  const terms = ds.filter((d) => d.unit === 'month' || d.unit === 'year')
  if (terms.length !== 1 || ds.length !== 1) return
  if (!(TERM.test(p.text) || TERM_LABEL.test(p.label)) || NOT_A_TERM.test(p.text) || OWN_CASE.test(p.text.replace(/\b(?:minimum|first)\b/gi, ''))) return
  const d = terms[0]!
  out.push({key: 'term', value: d.unit === 'year' ? d.value * 12 : d.value, what: 'initial term', things: new Set(), text: d.text, block: p.block, start: p.at + d.start, end: p.at + d.end})
}

// Under a title that names backups, a copy is a backup: "Snapshots of the server are taken every 6 hours"
const COPY_WORD = /\b(?:snapshots?|cop(?:y|ies|ied)|images?|imaged)\b/gi
const COPY_ANY = needs(/\b(?:snapshots?|cop(?:y|ies|ied)|images?|imaged)\b/i)

// Reading: a backup word followed by a colon labels what comes after it ("Server backups: every 6 hours, each copy kept
// 45 days"): the frequency right after the label is that backup's, as "server backups every 6 hours" is
const LABEL_GAP = /^[\s*_]*:\s*$/

/** How often a backup of one source runs: a frequency bound to a backup word, with the things backed up. */
function cadenceIn(p: Piece, valuesOf: ValuesOf, out: Restated[]): void {
  // a row of a table under a title that names backups is a backup of the row's source ("| File server | every 4 hours |")
  const titled = !BACKUP_ANY.test(p.label) && !BACKUP_ANY.test(p.text) && BACKUP_ANY.test(p.block.section.title)
  const labelled = BACKUP_ANY.test(p.label) || (titled && p.block.kind === 'table-row')
  if ((!labelled && !BACKUP_ANY.test(p.text) && !(titled && COPY_ANY.test(p.text))) || KEPT_HEAD.test(p.head)) return
  let fs = valuesOf(p.text).frequencies.filter((f) => f.intervalMinutes > 0 && !/^\s*(?:for|kept|retained|held)\b/i.test(p.text.slice(f.end)))
  if (!labelled) {
    // the backup word before the frequency ("backs up the database hourly") or right after it ("the hourly backup")
    const words = [...p.text.matchAll(titled ? COPY_WORD : BACKUP_WORD)]
    fs = fs.filter((f) =>
      words.some((w) => {
        const gap = w.index < f.start ? p.text.slice(w.index + w[0].length, f.start) : p.text.slice(f.end, w.index)
        // (a backup word that labels the frequency, "Server backups: every 6 hours", is bound to it across its colon)
        return (w.index < f.start ? gap.length <= 60 : gap.length <= 20) && !BETWEEN_BACKUP.test(gap) && (!/[;:]/.test(gap) || (w.index < f.start && LABEL_GAP.test(gap)))
      }),
    )
  }
  // one cadence per sentence ("every night … each nightly backup" is one)
  const f = fs[0]
  if (!f || fs.some((x) => x.intervalMinutes !== f.intervalMinutes)) return
  const context = `${p.label} ${p.text}`
  if (NOT_A_VALUE.test(context)) return
  const things = thingsOf(context)
  if (!things.size) return
  // (a backup read by its title carries the title's tiers, as a sentence there names its own: "Snapshots and backups")
  const tiers = [...new Set([...(titled ? `${p.block.section.title} ${context}` : context).matchAll(TIER)].map((m) => m[0].toLowerCase()))].sort().join('+')
  // (each row of a backup table keyed by its sources is a source of its own: two rows compare only when they name the same one)
  const first = p.block.kind === 'table-row' ? (p.block.cells?.[0] ?? '').replace(/[*_`]/g, '').trim().toLowerCase() : ''
  const item = first && thingsOf(first).size ? first : undefined
  out.push({key: `backup|${tiers}`, value: f.intervalMinutes, what: 'backup frequency', things, item, words: item === undefined ? p.text.toLowerCase() : undefined, text: f.text, block: p.block, start: p.at + f.start, end: p.at + f.end})
}

/**
 * Fees, hourly rates, the term, the notice period and backup frequencies, in the agreement's order. `kept` keeps a
 * block of prose's values for the next lint (an editor's): they depend on its text, its kind and its section's title
 * alone (see blockValues), and a kept value is given to the block that asks again; a table row, read with the rows of its
 * table, is read afresh.
 */
export function restatedValues(blocks: readonly Block[], valuesOf: ValuesOf, kept?: KeptInContext): Restated[] {
  const out: Restated[] = []
  // the rows of each table, by its header, gathered when a row is first read
  let tables: Map<readonly string[], Block[]> | undefined
  const rowsOf = (header: readonly string[]): readonly Block[] => {
    if (!tables) {
      tables = new Map()
      for (const b of blocks) if (b.kind === 'table-row' && b.header) (tables.get(b.header) ?? tables.set(b.header, []).get(b.header)!).push(b)
    }
    return tables.get(header) ?? []
  }
  // what a row reads of its table besides itself: every row's cells, in order (see tableContext), once per table
  let tableContexts: Map<readonly string[], string> | undefined
  for (const block of blocks) {
    if (block.kind === 'heading') continue
    const rows = block.kind === 'table-row' && block.header ? rowsOf(block.header) : undefined
    // (a row of a long table is read afresh: what it is kept with grows with the table)
    if (!kept || (rows && rows.length > KEPT_TABLE_ROWS)) {
      blockValues(block, valuesOf, out, rows ?? [])
      continue
    }
    // a row is read with the rows of its table (a grand total against the lines above it, a price column by its amounts):
    // kept with the cells of every row of the table and its own place among them
    let context = blockContext(block)
    if (rows) {
      tableContexts ??= new Map()
      let table = tableContexts.get(block.header!)
      if (table === undefined) tableContexts.set(block.header!, (table = tableContext(rows)))
      context += `\u0003${rows.indexOf(block)}\u0003${table}`
    }
    // kept without the block (a kept block would keep its whole document alive), and given the block that asks
    for (const r of kept(block, RESTATED, context, () => blockValues(block, valuesOf, [], rows ?? []).map(withoutBlock))) out.push({...r, block})
  }
  // each with its list key (which reads the blocks around it)
  const keys = listKeys(blocks, out)
  if (!keys.size) return out
  const keyed = out.map((r) => (keys.has(r.block) ? {...r, keyed: keys.get(r.block)} : r))
  // Reading: a value that agrees with one label of a keyed list ("| Server backups | every 4 hours |" beside "- **Plus**:
  // … nightly", "- **Max**: … every 4 hours") is that label's value: it is not compared with the list's other labels
  const inLists = keyed.filter((r) => r.keyed !== undefined)
  return keyed.map((r) => {
    if (r.keyed !== undefined) return r
    const lists = [...new Set(inLists.filter((k) => k.key === r.key && !differ(k, r) && sameThings(k, r)).map((k) => listOf(k.keyed!)))].sort()
    return lists.length ? {...r, agrees: lists.join(' ')} : r
  })
}

/** The list a list key names (see listKeys). */
function listOf(keyed: string): string {
  return keyed.slice(0, keyed.indexOf(':'))
}

/** Whether two values name the same things, or neither names any. */
function sameThings(a: Restated, b: Restated): boolean {
  return a.things.size === 0 && b.things.size === 0 ? true : [...a.things].some((t) => b.things.has(t))
}

const RESTATED = {name: 'restated values of a block'}

/** Rows a table may have for its rows' values to be kept across lints (see restatedValues). */
const KEPT_TABLE_ROWS = 64

/** What a table row's values read of its table (see blockValues: amountColumn, feeRow, grandTotal): every row's cells, in order. */
function tableContext(rows: readonly Block[]): string {
  return rows.map((r) => r.cells?.join('\u0001') ?? '').join('\u0002')
}

function withoutBlock({block: _, ...rest}: Restated): Omit<Restated, 'block'> {
  return rest
}

/** The values one block states (a table row read with the rows of its table), appended to `out`. */
function blockValues(block: Block, valuesOf: ValuesOf, out: Restated[], rows: readonly Block[]): Restated[] {
  // most blocks hold no amount, no notice or term and no backup: one test each
  if (!(TRIGGER.test(block.text) || mayHold.money(block.text) || BACKUP_ANY.test(block.section.title))) return out
  pieces(
    block,
    (p) => {
      moneyIn(p, valuesOf, out)
      termIn(p, valuesOf, out)
      cadenceIn(p, valuesOf, out)
    },
    rows,
  )
  return out
}

/** Whether two values of one key cannot both hold. */
function differ(a: Restated, b: Restated): boolean {
  // "90 days" and "three months" are one notice period
  if (a.key === 'notice' && a.days !== b.days) return Math.abs(a.value - b.value) > 0.1 * Math.max(a.value, b.value)
  return a.value !== b.value
}

const SOURCE_FILLER = /^(?:the|of|and|or|a|an|for|all|our|your|its|each|every|back(?:ed|s|ing)?[- ]?ups?|cop(?:y|ies)|snapshots?|images?|data)$/

/**
 * Does a sentence name a backup table row's source? By the first word of the source's name, singular or plural ("practice"
 * of "Practice server", "law-firm" of "Backup of the law-firm database"): a file server is not the practice server.
 */
function namesSource(words: string, item: string): boolean {
  const first = item.split(/[^\w-]+/).find((w) => w && !SOURCE_FILLER.test(w))
  if (!first) return true
  const stem = first.replace(/(?:es|s)$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?:^|[^\\w-])${stem}(?:e?s)?(?![\\w-])`).test(words)
}

/**
 * Whether two values of one key, earlier `a` and later `b`, state one thing differently. Reads only the fields
 * `alike` keys a value by (and the table each row sits in): a condition added here that reads another field must add
 * it to `alike`.
 */
function conflicting(a: Restated, b: Restated): boolean {
  // two labels of one keyed list ("- Plus: …", "- Max: …") state values of two things
  if (otherLabel(a.keyed, b.keyed) || agreesWith(a, b) || agreesWith(b, a)) return false
  // each row of a price list prices its own item; a row and a sentence compare when they name the same things
  if ((a.item !== undefined || b.item !== undefined) && (a.item !== undefined && b.item !== undefined ? a.item !== b.item : !a.things.size || !b.things.size)) return false
  // one backup table lists each tier of a source on a row of its own ("| Office server | Every 2 hours |" and "| Office server | Nightly |")
  if (sameTableTier(a, b)) return false
  // a backup table's row and a sentence compare when the sentence names the row's source ("the practice server")
  const row = a.item !== undefined ? a : b
  const other = row === a ? b : a
  if (row.item !== undefined && other.words !== undefined && !namesSource(other.words, row.item)) return false
  // things named on both sides must meet; none on either side is the agreement's one value
  if (a.things.size !== b.things.size && (!a.things.size || !b.things.size)) return false
  if (a.things.size && ![...a.things].some((t) => b.things.has(t))) return false
  return differ(a, b)
}

/** Whether `b` agrees with a label of the keyed list `a` is an item of. */
function agreesWith(a: Restated, b: Restated): boolean {
  return a.keyed !== undefined && b.agrees !== undefined && b.agrees.split(' ').includes(listOf(a.keyed))
}

/** Two rows of one backup table for one source: tiers of that source, not two statements of one value. */
function sameTableTier(a: Restated, b: Restated): boolean {
  return a.key.startsWith('backup|') && a.item !== undefined && a.item === b.item && a.block.header === b.block.header
}

/** What `conflicting` reads of a value, but its block and table: values alike in these answer every later value alike. */
function alike(r: Restated): string {
  return JSON.stringify([r.key, r.value, r.days ?? false, r.item ?? null, r.words ?? null, r.keyed ?? null, r.agrees ?? null, [...r.things].sort()])
}

/**
 * Pairs of values of one key, for things in common, that differ: each value in one pair at most, the later one
 * reported, paired with the earliest unpaired value it conflicts with. Values alike (`alike`) are kept in one class,
 * in order, so a later value asks each class once rather than each earlier value: an agreement that states one fee a
 * thousand times (a long document of repeated schedules) costs the number of distinct values per value, not the
 * number of values (test/restated-conflicts.test.ts compares this with the pairwise search).
 */
export function restatedConflicts(list: readonly Restated[]): Array<[Restated, Restated]> {
  const out: Array<[Restated, Restated]> = []
  const used = new Set<Restated>()
  const order = new Map<Restated, number>()
  // per key, the classes of earlier values; in each, the values not yet paired, in order (paired ones dropped lazily)
  const classes = new Map<string, Map<string, {members: Restated[]; head: number}>>()
  for (let j = 0; j < list.length; j++) {
    const b = list[j]!
    order.set(b, j)
    const ofKey = classes.get(b.key) ?? new Map<string, {members: Restated[]; head: number}>()
    classes.set(b.key, ofKey)
    let best: Restated | undefined
    for (const cls of ofKey.values()) {
      const {members} = cls
      while (cls.head < members.length && used.has(members[cls.head]!)) cls.head++
      // the class's earliest value that may pair with b: not paired, not in b's block, not a tier of b's own table
      let a: Restated | undefined
      for (let i = cls.head; i < members.length; i++) {
        const m = members[i]!
        if (used.has(m) || m.block === b.block || sameTableTier(m, b)) continue
        a = m
        break
      }
      if (!a || (best && order.get(best)! < order.get(a)!)) continue
      if (conflicting(a, b)) best = a
    }
    if (best) {
      out.push([best, b])
      used.add(best).add(b)
      continue
    }
    const key = alike(b)
    const cls = ofKey.get(key)
    if (cls) cls.members.push(b)
    else ofKey.set(key, {members: [b], head: 0})
  }
  return out
}

// The chosen plan: where a table gives a value per plan (in one cell, "Bronze: email only · Silver: phone and email", or
// a column per plan) and the agreement names the one plan the customer took, each row holds that plan's values only.
import {splitSentences} from '../text.js'
import type {Block, Document, Sentence} from '../types.js'

/** A plan name as a label in a cell: one to three capitalised words before a colon, at the cell's start or after a separator. */
const LABEL = /(?:^|[·•;]|\s[/|]\s)\s*([A-Z][\w+&’'-]*(?:\s[A-Z][\w+&’'-]*){0,2}):\s/g
/** A word naming a plan, or a verb of choosing one, near the plan's name: "Plan chosen: Silver", "the Gold tier". */
const PLAN_NOUN = String.raw`(?:plans?|tiers?|packages?|bundles?|editions?|subscriptions?)`
const CHOICE = String.raw`(?:chos(?:e|en)|choose|select(?:ed|s)?|elect(?:ed|s)?|purchas(?:ed|es)|subscribe[ds]?|order(?:ed|s)|bought|buys|signed up for|opted for)`

/** The plans of the document and the one the agreement says the customer took, if it names exactly one. */
export interface ChosenPlan {
  readonly chosen: string
  /** The plan names of the cells that give a value per plan. */
  readonly plans: ReadonlySet<string>
  /** The tables (by their header) with a column per plan, the chosen plan's among them. */
  readonly tables: ReadonlySet<readonly string[]>
}

/** The labels of a cell that gives a value per plan: two or more, each once. */
function cellLabels(cell: string): string[] {
  const out: string[] = []
  for (const m of cell.matchAll(LABEL)) out.push(m[1]!)
  return out.length >= 2 && new Set(out).size === out.length ? out : []
}

/** A column header that may name a plan: one to three capitalised words. */
const PLAN_HEADER = /^[A-Z][\w+&’'-]*(?:\s[A-Z][\w+&’'-]*){0,2}$/

/** What a table's key column is headed when its other columns are plans: nothing, or a word for what the plans offer. */
const PLAN_KEY = /^(?:|features?|plans?|tiers?|packages?|bundles?|editions?|options?|what you get|what(?:['’]s| is) included|included|service levels?|services?|support|measures?|metrics?|targets?|terms?)$/i
/** A column header that names a measure or a note, not a plan: "Response", "Fix time", "Examples", "Notes". */
const NOT_PLAN = /respon|resol|restor|\bfix|repair|target|times?\b|hours|rates?\b|prices?\b|fees?\b|costs?\b|charges?\b|example|descri|defin|criteria|impact|urgency|notes?\b|comments?\b|details?\b|values?\b/i

/**
 * Does a table's header make its columns plans ("| | Starter | Plus | Max |", "| Feature | Bronze | Silver |")? Two or
 * more short capitalised names after a key column headed by nothing or by a word for what the plans offer, none of them
 * a party or a measure. Then each row's first cell titles the values beside it, as a heading titles its section.
 */
export function planColumns(header: readonly string[], parties: ReadonlyMap<string, unknown>): boolean {
  const names = header.slice(1).map((h) => h.replace(/[*_]/g, '').trim())
  const key = (header[0] ?? '').replace(/[*_]/g, '').trim()
  return names.length >= 2 && PLAN_KEY.test(key) && names.every((h) => PLAN_HEADER.test(h) && !NOT_PLAN.test(h) && !isParty(h, parties))
}

const isParty = (h: string, parties: ReadonlyMap<string, unknown>): boolean => parties.has(h.toLowerCase()) || /^(?:client|customer|provider|supplier|vendor|contractor|company|msp|us|you|both)$/i.test(h)

/** Plan names of the document's tables: labels shared by two or more per-plan cells; and per table, the short headers of its columns beside a key column. */
function planNames(blocks: readonly Block[], parties: ReadonlyMap<string, unknown>, labelsOf: (row: Block) => readonly string[]): {cells: Set<string>; columns: Map<readonly string[], Set<string>>} {
  const seen = new Map<string, number>()
  const columns = new Map<readonly string[], Set<string>>()
  // a party is no plan: "| Situation | Granite Peak | Client |" is a matrix of duties
  const party = (h: string): boolean => parties.has(h.toLowerCase()) || /^(?:client|customer|provider|supplier|vendor|contractor|company|msp|us|you|both)$/i.test(h)
  for (const b of blocks) {
    if (b.kind !== 'table-row' || !b.cells) continue
    for (const l of labelsOf(b)) seen.set(l, (seen.get(l) ?? 0) + 1)
    if (b.header && !columns.has(b.header)) {
      const names = b.header.slice(1).map((h) => h.replace(/[*_]/g, '').trim())
      if (names.length >= 2 && names.every((h) => PLAN_HEADER.test(h) && !party(h))) columns.set(b.header, new Set(names))
      else columns.set(b.header, new Set())
    }
  }
  return {cells: new Set([...seen].filter(([l, n]) => n >= 2 && !party(l)).map(([l]) => l)), columns}
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The plan the agreement names as taken: the one plan name written outside the tables beside a plan word or a verb of
 * choosing ("**Plan chosen by the Client:** Silver", "the Silver value is the one that applies", "the Complete plan").
 * Undefined when none is named, or more than one.
 */
export function chosenPlan(doc: Document, parties: ReadonlyMap<string, unknown>, kept?: KeptInContext): ChosenPlan | undefined {
  const blocks = doc.blocks
  if (!blocks.some((b) => b.kind === 'table-row')) return undefined
  // the labels of a row's cells read of its cells alone (kept with them in an editor)
  const labelsOf = (row: Block): readonly string[] => (kept ? kept(row, ROW_LABELS, rowCells(row), () => rowLabels(row)) : rowLabels(row))
  const {cells, columns} = planNames(blocks, parties, labelsOf)
  const plans = new Set([...cells, ...[...columns.values()].flatMap((c) => [...c])])
  if (plans.size < 2) return undefined
  const named = new Set<string>()
  // which plans a block names depends on its text and the plans alone: an editor's cache keeps it per block text
  const names = [...plans]
  const context = kept ? names.join('\u0000') : ''
  // each plan's pattern made once for the document, when a block first holds its name
  const patterns = new Map<string, RegExp>()
  for (const b of blocks) {
    // the tables themselves name every plan
    if (b.kind === 'table-row' && (b.header?.slice(1).some((h) => plans.has(h.trim())) || (b.cells !== undefined && labelsOf(b).length > 0))) continue
    // a block that holds no plan's name names none (most blocks): told by the names alone, not looked up
    if (!names.some((name) => b.text.includes(name))) continue
    for (const name of kept ? kept(b, NAMED_PLANS, context, () => plansNamed(b.text, plans, patterns)) : plansNamed(b.text, plans, patterns)) named.add(name)
  }
  if (named.size !== 1) return undefined
  const chosen = [...named][0]!
  const tables = new Set([...columns].filter(([, names]) => names.has(chosen)).map(([h]) => h))
  return {chosen, plans: cells, tables}
}

/** Keeps a reading of a block that depends on its text and on `context` across lints (see Reading.blockReadingIn). */
export type KeptInContext = <T>(block: Block, kind: object, context: string, make: () => T) => T

const NAMED_PLANS = {name: 'plans: the plans a text names as taken'}
const ROW_LABELS = {name: 'plans: the plan labels of a table row\'s cells'}

/** The labels of every cell of a table row that gives a value per plan (see cellLabels), in order. */
function rowLabels(row: Block): readonly string[] {
  return (row.cells ?? []).flatMap(cellLabels)
}
/** A table row's cells, as one string: what rowLabels reads. */
function rowCells(row: Block): string {
  return (row.cells ?? []).join('\u0001')
}

// Reading: plans written as a run of options ("Plan: Bronze / Silver / Gold", "Bronze, Silver or Gold", "☐ Bronze ☐ Silver
// ☐ Gold") are offered, and none of them is named as taken by the plan word or the verb of choosing before the run; only
// an option marked as taken ("☒ Silver", "[x] Silver") is, as a plan named alone is
const MARK = String.raw`(?:\[[xX✓✔]\]|[☒☑✓✔✅])`
const BOX = String.raw`(?:\[[ xX✓✔]?\]|[☐☒☑✓✔✅])`
const OPTION_SEPARATOR = String.raw`\s*(?:[/|,;]|\bor\b|\band\b|\band\/or\b)?\s*(?:${BOX}\s*)?`

// (the keys of the run's patterns among the plans' own: no plan's name holds a NUL)
const RUN = '\u0000run'
const OPTION = '\u0000option'

/** The text with the plans written as a run of options blanked (offsets kept), and the options of the runs marked as taken. */
function withoutOptions(text: string, plans: ReadonlySet<string>, patterns: Map<string, RegExp>): {text: string; marked: string[]} {
  let run = patterns.get(RUN)
  let option = patterns.get(OPTION)
  if (!run || !option) {
    const names = [...plans].sort((a, b) => b.length - a.length).map(escape).join('|')
    patterns.set(RUN, (run = new RegExp(String.raw`(?:${BOX}\s*)?\b(?:${names})\b(?:${OPTION_SEPARATOR}\b(?:${names})\b)+`, 'g')))
    patterns.set(OPTION, (option = new RegExp(String.raw`(${MARK})?\s*\b(${names})\b`, 'g')))
  }
  const marked: string[] = []
  let out = text
  for (const m of text.matchAll(run)) {
    for (const o of m[0].matchAll(option)) if (o[1]) marked.push(o[2]!)
    out = blank(out, m.index!, m.index! + m[0].length)
  }
  return {text: out, marked}
}

// Reading: a plan named inside a condition says what holds on that plan, not which plan is taken: a clause that opens on
// a condition ("If you move to the Plus plan, …", "Where a site is on the Max tier, …") or a thing qualified by the plan
// it is on ("Requests on the Essential plan are answered by email", "Customers under the Gold package get …"); a party
// said to be on a plan ("The Client is on the Plus plan", "We put you on the Plus plan") still names it as taken
const CONDITION_CLAUSE = /\b(?:if|where|when|whenever|unless|should)\b[^,.;:!?]{0,80}/gi
const ON_A_PLAN = new RegExp(
  String.raw`\b(?!(?:is|are|am|was|were|be|been|being|stays?|remains?|you|we|they|i|it|he|she|us|them|currently|now|still|already|up|re)\b)[A-Za-z]+\s+(?:on|under)\s+(?:the|an?|our|your)\s+(?:[A-Z][\w+&’'-]*\s+){1,3}${PLAN_NOUN}\b`,
  'g',
)

/** The text with its conditions and its things qualified by a plan blanked (offsets kept). */
function withoutConditions(text: string): string {
  return text.replace(CONDITION_CLAUSE, (m) => ' '.repeat(m.length)).replace(ON_A_PLAN, (m) => ' '.repeat(m.length))
}

/** The plans (in their order) that a text names beside a plan word or a verb of choosing ("the Silver plan", "Plan chosen: Silver"). */
function plansNamed(full: string, plans: ReadonlySet<string>, patterns: Map<string, RegExp>): readonly string[] {
  let out: string[] | undefined
  const {text, marked} = withoutOptions(withoutConditions(full), plans, patterns)
  for (const name of marked) if (!(out ??= []).includes(name)) out.push(name)
  for (const name of plans) {
    if (!text.includes(name)) continue
    let near = patterns.get(name)
    if (!near) {
      const n = escape(name)
      patterns.set(name, (near = new RegExp(String.raw`\b(?:${PLAN_NOUN}|${CHOICE})\b[^.!?]{0,40}\b${n}\b|\b${n}\s+${PLAN_NOUN}\b|\b${n}\b[^.!?]{0,30}\b${CHOICE}\b`, 'i')))
    }
    if (near.test(text) && !out?.includes(name)) (out ??= []).push(name)
  }
  return out ?? NONE_NAMED
}
const NONE_NAMED: readonly string[] = []

/** The text with [start, end) written over by spaces (offsets are kept). */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end)
}

/**
 * A table row with the other plans' values blanked out (spaces, so every offset still maps to the source), or
 * undefined when it gives no value per plan.
 */
export function chosenRow(block: Block, plan: ChosenPlan): Block | undefined {
  const {cells, header} = block
  if (block.kind !== 'table-row' || !cells) return undefined
  let text = block.text
  const out = [...cells]
  let cursor = 0
  let changed = false
  cells.forEach((cell, i) => {
    const at = cell ? text.indexOf(cell, cursor) : -1
    if (at < 0) return
    cursor = at + cell.length
    const column = header?.[i]?.replace(/[*_]/g, '').trim() ?? ''
    // a column per plan: another plan's column goes, its header label with it
    if (i > 0 && header && plan.tables.has(header) && column !== plan.chosen) {
      const label = text.lastIndexOf(`${header![i]}: `, at)
      text = blank(text, label >= 0 && label + header![i]!.length + 2 === at ? label : at, at + cell.length)
      out[i] = ''
      changed = true
      return
    }
    // one cell per row holding every plan's value: the other plans' pieces go
    const labels = [...cell.matchAll(LABEL)].filter((m) => plan.plans.has(m[1]!))
    if (labels.length < 2 || !labels.some((m) => m[1] === plan.chosen)) return
    let own = cell
    labels.forEach((m, k) => {
      if (m[1] === plan.chosen) return
      const start = m.index! + m[0].indexOf(m[1]!)
      const end = k + 1 < labels.length ? labels[k + 1]!.index! : cell.length
      own = blank(own, start, end)
    })
    text = text.slice(0, at) + own + text.slice(at + cell.length)
    out[i] = own.replace(/\s+/g, ' ').trim()
    changed = true
  })
  if (!changed) return undefined
  const sentences: Sentence[] = []
  const row: Block = {...block, text, cells: out, sentences}
  for (const [index, r] of splitSentences(text).entries()) {
    const s = text.slice(r.start, r.end)
    if (s.trim()) sentences.push({block: row, index, start: r.start, end: r.end, text: s})
  }
  return row
}

// consistent-values: the same metric, fee, rate, term, notice period or backup frequency stated twice with different values, a higher priority promised a slower time
// than a lower one, backups kept for less time than they are taken, percentages over 100.
import {sourceOffset} from '../src/document.js'
import {BACKUP, family, listKeys, METRIC_NAME, METRIC_PERCENT, MONEY_CONTEXT, notCompared, otherLabel, range, RETENTION, type Statement} from '../src/reading/metrics.js'
import {restatedConflicts, restatedValues} from '../src/reading/restated.js'
import {mayHold, type Priority, type Values} from '../src/reading/values/index.js'
import type {Rule} from '../src/rule.js'
import type {Block, Sentence} from '../src/types.js'

const notHeading = (b: Block): boolean => b.kind !== 'heading'

/** A level as values are grouped by it: a priority scheme's rank ("P1", "Critical"), or a level's own name ("Dead line"). */
function level(p: Priority): string {
  const f = family(p)
  return f ? `${f}${p.rank}` : `name:${p.label.toLowerCase().replace(/[\s-]+/g, ' ')}`
}

function describe(s: Statement): string {
  return s.priority ? `${s.priority.label} ${METRIC_NAME[s.metric]}` : METRIC_NAME[s.metric]
}

const RETAINED = /\b(?:kept|keep|retain\w*|retention)\b/i
// A backup's cadence and what is backed up name which backup a retention is for ("nightly server backups",
// "month-end images", "backup drives")
const CADENCE = /\b(every \d+ (?:minutes?|hours?)|(?:\d+|two|three|four|six) times (?:a|per) day|twice (?:a|per) day|hourly|\d+-hourly|nightly|daily|weekly|monthly|month-end|quarterly|yearly|annual|year-end|intra-?day|incremental|full|(?:transaction )?log)\b/i
const THINGS = /\b(servers?|images?|drives?|tapes?|disks?|databases?|mailbox(?:es)?|e-?mails?|mail|files?|snapshots?|archives?|laptops?|workstations?|pcs|onedrive|sharepoint|microsoft 365|m365|office 365|nas|appliances?|virtual machines?|vms?)\b/gi

export interface Kept {
  readonly cadence: string | undefined
  /** The sources backed up; none when the retention names backups alone ("Backup copies kept"). */
  readonly things: ReadonlySet<string>
  /** The tier the words name ("off-site", "archive"): '' for none. */
  readonly tier: string
  readonly low: number
  readonly high: number
  readonly amount: number
  readonly unit: string
  readonly text: string
  readonly block: Block
  readonly start: number
  readonly end: number
  readonly table: boolean
  /** A table row's first cell: each row of a backup table is a data set of its own. */
  readonly label?: string
  /** The list and label of a keyed list's item (see listKeys). */
  readonly keyed?: string | undefined
}

// "every hour" is "hourly", "each night" "nightly", "every day" "daily"
const EVERY: Readonly<Record<string, string>> = {hour: 'hourly', night: 'nightly', day: 'daily', week: 'weekly', month: 'monthly'}
function cadenceOf(text: string): string | undefined {
  const every = /\b(?:every|each)\s+(?:1\s+|one\s+|single\s+)?(hour|night|day|week|month)\b/i.exec(text)
  const c = CADENCE.exec(text)
  if (every && (!c || every.index < c.index)) return EVERY[every[1]!.toLowerCase()]
  return c?.[1]?.toLowerCase().replace(/^every 1 hours?$/, 'hourly')
}
// A retention that names backups or copies but no source ("Backup copies kept", "Retention of backups is", "Backups:
// hourly, kept") is the retention of the agreement's backups; where a second tier is named ("off-site copies",
// "archive", "long-term", log backups, snapshots) it is that tier's
const NAMES_BACKUP = /\bback(?:ed|s|ing)?[- ]?ups?\b|\bcop(?:y|ies)\b(?!\s+of\s+(?!(?:the |your |our |all )?(?:data|backups?|files|servers?)\b))|\bsnapshots?\b|\brestore points?\b|\bretention\b/i
const KEPT_TIER = /\b(?:(?:transaction )?logs?|snapshots?|images?|incremental|differential|full|off-?site|on-?site|local|cloud|archiv\w*|tapes?|long[- ]term|short[- ]term|replica\w*|secondary|offline|immutable|air-?gapped|usb|external|versions?|deleted|recycle|legal hold)\b/gi
function tierOf(text: string): string {
  return [...new Set([...text.matchAll(KEPT_TIER)].map((m) => m[0].toLowerCase().replace(/-/g, '').replace(/s$/, '')))].sort().join('+')
}

function subject(text: string): {cadence: string | undefined; things: Set<string>; tier: string} | undefined {
  const things = new Set([...text.matchAll(THINGS)].map((m) => m[1]!.toLowerCase().replace(/(?:es|s)$/, '').replace(/^e-?mail$/, 'mail')))
  if (!things.size && !NAMES_BACKUP.test(text)) return undefined
  return {cadence: cadenceOf(text), things, tier: tierOf(text)}
}

/** Retentions in a backup table's row: "kept for 30 days" in a cell, or a value under a "Kept for" column ("nightly images 30 days; month-end images 7 years"). */
function keptInRow(block: Block, valuesOf: (t: string) => Values, out: Kept[]): void {
  const cells = block.cells!
  const header = block.header ?? []
  const label = cells[0] ?? ''
  let labelKept: boolean | undefined
  let from = 0
  cells.forEach((cell, i) => {
    const at = cell ? block.text.indexOf(cell, from) : -1
    if (at < 0) return
    from = at + cell.length
    // a column of retentions ("| Kept for |"), or a row labelled as one ("| Backup copies kept | 14 days |")
    const column = RETAINED.test(header[i] ?? '') || (i > 0 && (labelKept ??= RETAINED.test(label) && !/\d/.test(label)))
    let offset = 0
    for (const part of cell.split(';')) {
      const d = valuesOf(part).durations[0]
      if (d && (column || RETENTION.test(part.slice(Math.max(0, d.start - 50), d.start)))) {
        const what = subject(`${part.slice(0, d.start)} ${i > 0 ? label : ''}`)
        const start = at + offset + d.start
        // the row's other cells give the cadence when the value's own words do not ("| Nightly full | 90 days |")
        if (what && !what.cadence) what.cadence = cadenceOf(cells.filter((_, j) => j !== i).join(' | '))
        if (what) out.push({...what, ...range(d), amount: d.value, unit: d.unit, text: d.text, block, start, end: start + d.text.length, table: true, label: label.trim().toLowerCase()})
      }
      offset += part.length + 1
    }
  })
}

/**
 * Whether the agreement's retentions are all of one kind of backup: one tier, at most one cadence, and the sources they
 * name all in common. Then a retention that names no source or no cadence ("Backup copies kept | 14 days") is a
 * retention of that one kind.
 */
export function oneKind(list: readonly Kept[]): boolean {
  const cadences = new Set(list.map((k) => k.cadence).filter((c) => c !== undefined))
  if (cadences.size > 1 || new Set(list.map((k) => k.tier)).size > 1) return false
  let common: Set<string> | undefined
  for (const k of list) if (k.things.size) common = common ? new Set([...common].filter((t) => k.things.has(t))) : new Set(k.things)
  return common === undefined || common.size > 0
}

/**
 * Pairs of retentions of one kind of backup that differ, each retention in one pair at most: the same cadence and a
 * thing backed up in common; where the agreement keeps one kind only, any two; and a retention that names a cadence
 * but no source ("Backups: hourly, kept 60 days") with the one kind of backup taken at that cadence. Each later
 * retention is paired with the earliest one not yet paired, in another block, that it conflicts with. The earlier ones
 * are kept in classes alike in all the test reads (everything but the block), so each retention asks each class once:
 * an agreement that restates one retention a thousand times costs the number of distinct retentions per retention.
 */
export function keptConflicts(list: readonly Kept[]): Array<[Kept, Kept]> {
  const out: Array<[Kept, Kept]> = []
  const one = oneKind(list)
  const oneAt = new Map<string | undefined, boolean>()
  // whether the retentions taken at one cadence are all of one kind, asked once per cadence
  const oneKindAt = (cadence: string | undefined): boolean => {
    let v = oneAt.get(cadence)
    if (v === undefined) oneAt.set(cadence, (v = oneKind(list.filter((k) => k.cadence === cadence))))
    return v
  }
  const pairs = (a: Kept, b: Kept): boolean => {
    const sameKind = one || (a.cadence === b.cadence && (a.things.size > 0 && b.things.size > 0 ? [...a.things].some((t) => b.things.has(t)) : a.cadence !== undefined && a.tier === b.tier && oneKindAt(a.cadence)))
    if (!sameKind) return false
    if ((a.table && b.table && a.label !== b.label) || otherLabel(a.keyed, b.keyed)) return false
    return !(a.unit === b.unit ? a.amount === b.amount : b.high >= a.low && b.low <= a.high)
  }
  // the earlier retentions not yet paired, by what the test reads of them, each class's members in the agreement's order
  const classes = new Map<string, {readonly rep: Kept; readonly members: Array<{readonly kept: Kept; readonly at: number}>}>()
  for (let j = 0; j < list.length; j++) {
    const b = list[j]!
    let best: {readonly kept: Kept; readonly at: number} | undefined
    let bestOf: Array<{readonly kept: Kept; readonly at: number}> | undefined
    for (const c of classes.values()) {
      // the class's earliest member in another block than b's
      const m = c.members.find((x) => x.kept.block !== b.block)
      if (!m || (best && m.at >= best.at) || !pairs(c.rep, b)) continue
      best = m
      bestOf = c.members
    }
    if (best) {
      out.push([best.kept, b])
      bestOf!.splice(bestOf!.indexOf(best), 1)
      continue
    }
    const key = JSON.stringify([b.cadence ?? null, [...b.things].sort(), b.tier, b.table, b.label ?? null, b.keyed ?? null, b.unit, b.amount, b.low, b.high])
    const c = classes.get(key)
    if (c) c.members.push({kept: b, at: j})
    else classes.set(key, {rep: b, members: [{kept: b, at: j}]})
  }
  return out
}

/** Whether `b` is certainly a shorter time than `a`: "2 business days" than "3 business days", "2 hours" than "1 business day". */
function faster(b: Statement, a: Statement): boolean {
  return a.unit !== undefined && a.unit === b.unit ? b.amount! < a.amount! : b.high < a.low
}

/**
 * The first two statements of one key, in the agreement's order, whose values cannot both hold. Statements alike in
 * what the test reads but their block (period, unit, amount, range) are kept as one class with its first statement and
 * its first in another block, so each statement asks each class once: a long document that restates one value a
 * thousand times costs the number of distinct values per statement, not the number of statements.
 */
function conflict(list: readonly Statement[]): [Statement, Statement] | undefined {
  const classes = new Map<string, {first: Statement; firstAt: number; other?: Statement; otherAt?: number}>()
  for (let j = 0; j < list.length; j++) {
    const b = list[j]!
    let best: Statement | undefined
    let bestAt = Infinity
    for (const c of classes.values()) {
      // the class's earliest statement in another block than b's
      const [a, at] = c.first.block !== b.block ? [c.first, c.firstAt] : [c.other, c.otherAt]
      if (!a || at! >= bestAt || !conflicts(a, b)) continue
      best = a
      bestAt = at!
    }
    if (best) return [best, b]
    const key = `${b.period ?? ''}|${b.unit ?? ''}|${b.amount}|${b.low}|${b.high}|${b.keyed ?? ''}`
    const c = classes.get(key)
    if (!c) classes.set(key, {first: b, firstAt: j})
    else if (c.other === undefined && b.block !== c.first.block) Object.assign(c, {other: b, otherAt: j})
  }
  return undefined
}

/** Whether an earlier statement `a` and a later `b` of one key, in two blocks, cannot both hold (reads only what `conflict`'s classes key on). */
function conflicts(a: Statement, b: Statement): boolean {
  // two labels of one keyed list ("- Plus: …", "- Max: …") state values of two things
  if (otherLabel(a.keyed, b.keyed)) return false
  // an uptime per month and one per year are different measures; a value that names no period is compared with either
  if (a.period && b.period && a.period !== b.period) return false
  // "1 business day" and "2 business days" differ though a business day is a range of hours
  return a.unit !== undefined && a.unit === b.unit ? a.amount !== b.amount : b.high < a.low || b.low > a.high
}

export default {
  meta: {
    id: 'consistent-values',
    description: 'Flags a value stated twice with different values (a service level, backup retention or frequency, a fee or an hourly rate, the term or the notice period), a higher priority promised a slower time than a lower one, backups kept for less time than they are taken, and percentages over 100',
    category: 'integrity',
    severity: 'warning',
    messages: {
      conflict: 'Conflicting {what} "{value}" (line {line} says "{other}"); state one value',
      priorityOrder: 'Priority order reversed: {lower} {metric} "{value}" is faster than {higher} "{other}"; give the higher priority the shorter time',
      retention: 'Backup retention "{value}" is shorter than the backup interval ("{interval}"); keep each backup at least until the next one is taken',
      overHundred: 'Percentage over 100 "{value}"; state a value of at most 100%',
    },
  },
  check(context) {
    const {doc, reading} = context
    const valuesOf = (t: string) => reading.values(t)
    const statements = reading.statedMetrics
    // where the other value is: "12", or "4 of schedule-b.md" when it is in another file of a document set
    const lineOf = (s: {block: Block; start: number}, here: {block: Block}): string => {
      const line = s.block.file.positionAt(sourceOffset(s.block, s.start)).line
      return s.block.file.path === here.block.file.path ? String(line) : `${line} of ${s.block.file.path}`
    }

    // 1. the same metric, for the same priority and scope, stated with values that cannot both hold: the key is
    // (metric, level, scope) from every place the agreement states it, table cells and prose alike
    const groups = new Map<string, Statement[]>()
    // a response or resolution time stated for no level is compared where the agreement names no levels for the metric
    // (a P1 time and a time for everything else are two quantities)
    const levelled = new Set(statements.filter((s) => s.priority).map((s) => s.metric))
    for (const s of statements) {
      const key = `${s.metric}|${s.priority ? level(s.priority) : ''}|${s.scope}`
      if ((s.metric !== 'uptime' && !s.priority && levelled.has(s.metric)) || notCompared(s)) continue
      const list = groups.get(key) ?? []
      list.push(s)
      groups.set(key, list)
    }
    for (const list of groups.values()) {
      const pair = conflict(list)
      if (!pair) continue
      // a table is the agreement's schedule of values: a sentence that restates one differently is the place to
      // correct, wherever it stands; between two sentences or two tables, the later statement
      const [a, b] = pair
      const [s, first] = (a.sentence === undefined) !== (b.sentence === undefined) ? (a.sentence ? [a, b] : [b, a]) : [b, a]
      context.report({messageId: 'conflict', block: s.block, start: s.start, end: s.end, data: {what: describe(s), value: s.text, line: lineOf(first, s), other: first.text}})
    }

    // 2. a higher priority promised a slower time than a lower one, reported where the order breaks when the levels are
    // read from the most urgent down: at the less urgent level's faster value (against the nearest level slower than it)
    const ranked = new Map<string, Statement[]>()
    for (const s of statements) {
      // levels known only by their names and their order in a table or list are not ranked by urgency
      if (!s.priority || s.metric === 'uptime' || !family(s.priority)) continue
      // (values under two labels of one keyed list are two things' levels: compared like with like)
      const key = `${s.metric}|${family(s.priority)}|${s.scope}|${s.keyed ?? ''}`
      const list = ranked.get(key) ?? []
      list.push(s)
      ranked.set(key, list)
    }
    for (const list of ranked.values()) {
      const flagged = new Set<number>()
      // the level slower than a value depends on the value's rank, unit, amount and upper bound alone: asked once per such value
      const slowerOf = new Map<string, Statement | undefined>()
      for (const b of list) {
        if (flagged.has(b.priority!.rank)) continue
        const asked = `${b.priority!.rank}|${b.unit ?? ''}|${b.amount}|${b.high}`
        let slower: Statement | undefined
        if (slowerOf.has(asked)) slower = slowerOf.get(asked)
        else {
          for (const a of list) if (a.priority!.rank < b.priority!.rank && faster(b, a) && (!slower || a.priority!.rank > slower.priority!.rank)) slower = a
          slowerOf.set(asked, slower)
        }
        if (!slower) continue
        flagged.add(b.priority!.rank)
        context.report({
          messageId: 'priorityOrder',
          block: b.block,
          start: b.start,
          end: b.end,
          data: {lower: b.priority!.label, metric: METRIC_NAME[b.metric], value: b.text, higher: slower.priority!.label, other: slower.text},
        })
      }
    }

    // 3. backups kept for less time than the gap between them
    const intervals: Array<{minutes: number; text: string; block: Block; sentence: Sentence}> = []
    const retentions: Array<{low: number; high: number; text: string; block: Block; start: number; end: number; sentence: Sentence}> = []
    const kept: Kept[] = []
    // whether a row or sentence names backups depends on its text alone: kept per block text in an editor
    const blocks = doc.blocks
    const backupMarks = reading.unitMarksColumn(BACKUP, blocks, notHeading)
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!
      if (block.kind === 'heading') continue
      let titleBackup: boolean | undefined
      if (block.kind === 'table-row' && block.cells && (reading.unitMatchesIn(backupMarks, i, BACKUP, block, -1) || (titleBackup ??= BACKUP.test(block.section.title)))) keptInRow(block, valuesOf, kept)
      for (let k = 0; k < block.sentences.length; k++) {
        const sentence = block.sentences[k]!
        const text = sentence.text
        const inBackup = reading.unitMatchesIn(backupMarks, i, BACKUP, block, k) || (titleBackup ??= BACKUP.test(block.section.title))
        if (!inBackup) continue
        const v = valuesOf(text)
        for (const f of v.frequencies) if (f.intervalMinutes > 0) intervals.push({minutes: f.intervalMinutes, text: f.text, block, sentence})
        for (const d of v.durations) {
          if (!RETENTION.test(text.slice(Math.max(0, d.start - 50), d.start))) continue
          retentions.push({...range(d), text: d.text, block, start: sentence.start + d.start, end: sentence.start + d.end, sentence})
          // what is kept: the words of the clause before the value, from the value before it ("… 7 days and nightly backups are retained for")
          if (block.kind !== 'table-row') {
            const from = Math.max(0, ...v.durations.filter((x) => x.end <= d.start).map((x) => x.end), text.lastIndexOf(';', d.start) + 1)
            const what = subject(text.slice(from, d.start))
            if (what) kept.push({...what, ...range(d), amount: d.value, unit: d.unit, text: d.text, block, start: sentence.start + d.start, end: sentence.start + d.end, table: false, keyed: undefined})
          }
        }
      }
    }
    // 3a. one kind of backup kept for two different periods, in prose and table cells alike: each pair reported once
    const keys = listKeys(doc.blocks, kept)
    if (keys.size) kept.forEach((k, i) => (kept[i] = {...k, keyed: keys.get(k.block)}))
    for (const [a, b] of keptConflicts(kept)) {
      const [s, first] = a.table !== b.table ? (a.table ? [b, a] : [a, b]) : [b, a]
      context.report({messageId: 'conflict', block: s.block, start: s.start, end: s.end, data: {what: `${s.cadence ? `${s.cadence} ` : ''}backup retention`, value: s.text, line: lineOf(first, s), other: first.text}})
    }
    if (intervals.length && retentions.length) {
      const longest = Math.max(...retentions.map((r) => r.high))
      const shortest = intervals.reduce((a, b) => (b.minutes < a.minutes ? b : a))
      const bySentence = new Map<Sentence, typeof intervals>()
      for (const i of intervals) bySentence.set(i.sentence, [...(bySentence.get(i.sentence) ?? []), i])
      for (const r of retentions) {
        // compare with the interval stated beside it, or else with the most frequent backup in the agreement
        const own = bySentence.get(r.sentence) ?? []
        const interval = own.length ? own.reduce((a, b) => (b.minutes < a.minutes ? b : a)) : longest < shortest.minutes ? shortest : undefined
        if (!interval || r.high >= interval.minutes) continue
        context.report({messageId: 'retention', block: r.block, start: r.start, end: r.end, data: {value: r.text, interval: interval.text}})
      }
    }

    // 4. a fee, an hourly rate, the term, the notice period or one source's backup frequency stated twice with values that
    // cannot both hold: the later statement (a schedule, a summary, a closing line that restates the value) is reported
    for (const [first, s] of restatedConflicts(reading.restatedValues)) {
      context.report({messageId: 'conflict', block: s.block, start: s.start, end: s.end, data: {what: s.what, value: s.text, line: lineOf(first, s), other: first.text}})
    }

    // 5. a percentage of time or of tickets over 100
    // most sentences: skip the values lookup (whether one may hold a percentage is kept per block text in an editor)
    const percentMarks = reading.unitMarksColumn(mayHold.percentages, blocks)
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!
      for (let k = 0; k < block.sentences.length; k++) {
        const sentence = block.sentences[k]!
        if (!reading.unitPassesIn(percentMarks, i, k, () => mayHold.percentages(sentence.text))) continue
        for (const p of valuesOf(sentence.text).percentages) {
          if (p.value <= 100) continue
          const around = sentence.text.slice(Math.max(0, p.start - 80), p.end + 80)
          if (!METRIC_PERCENT.test(around) || MONEY_CONTEXT.test(sentence.text)) continue
          context.report({messageId: 'overHundred', block, start: sentence.start + p.start, end: sentence.start + p.end, data: {value: p.text}})
        }
      }
    }
  },
} satisfies Rule<'conflict' | 'priorityOrder' | 'retention' | 'overHundred'>

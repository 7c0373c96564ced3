// What an agreement commits to, clause by clause: the clause finder's outcome and the typed values that can be
// compared (response and resolution time per priority, uptime and its period, backup interval and retention,
// service days, span and time zone, after-hours rate, multiplier or "included").
import {blocksUnder, excerpt, INCLUDED_CHARGE, VAGUE_TIME, type Block, type Document, type Outcome, type Reading, type Section, type TimeMetric} from './adapter.js'

/** Where and how a document states a clause, as the clause finder decided. */
export interface Located {
  readonly outcome: Outcome
  /** The statement that decided it (a sentence or table row), when there is one. */
  readonly block?: Block
  readonly start?: number
  readonly end?: number
  /** The text of that statement. */
  readonly text?: string
  /** The section judged as a whole, when the finder decided on a section rather than a statement. */
  readonly section?: Section
  /** Where a delegated value lives ("Order Form"). */
  readonly target?: string
}

/** The clauses whose values are compared, and the kinds of value each one has. */
export const VALUE_CLAUSES = ['response-times', 'resolution-times', 'performance-targets', 'backup-frequency', 'service-hours', 'after-hours-support'] as const
export type ValueClause = (typeof VALUE_CLAUSES)[number]

/** Which way a value is better for the client: a shorter time, a higher uptime, or only equal or not. */
export type Better = 'lower' | 'higher' | 'same'

/** One comparable value of a clause: "P1 response time 1 hour", "uptime 99.9%", "backups every 24 hours". */
export interface Facet {
  /** Stable key within the clause: "P1", "any", "uptime", "period", "interval", "retention", "days", "span", "timeZone", "rate", "multiplier", "included". */
  readonly key: string
  /** How the value is named in a message: "P1 response time", "backup retention". */
  readonly label: string
  /** The value in comparable units (minutes, percent, days, amount), or a string compared for equality. */
  readonly value: number | string
  readonly better: Better
  /** How the value reads: "1 hour", "99.9%", "per month", "Mon–Fri". */
  readonly shown: string
  /** Where it is stated. */
  readonly block?: Block
  readonly start?: number
  readonly end?: number
  /** For money: the currency, so amounts in different currencies are not compared. */
  readonly unit?: string
}

/** What a document says about one clause. */
export interface ClauseReading {
  readonly ruleId: string
  readonly located: Located
  /** The blocks that state the clause: its home sections, or the statement and its table. */
  readonly region: readonly Block[]
  /** The clause's wording (the region's text), for the word diff. */
  readonly wording: string
  readonly facets: readonly Facet[]
}

// ---------------------------------------------------------------------------------------------------------------
// Times per priority (response, resolution)

const METRIC_NAME: Readonly<Record<TimeMetric, string>> = {response: 'response time', resolution: 'resolution time'}

/** "1 hour", "90 minutes", "4 hours", "2 days", "1 week". */
export function formatMinutes(minutes: number): string {
  const unit = (n: number, word: string): string => `${Number.isInteger(n) ? n : n.toFixed(1)} ${word}${n === 1 ? '' : 's'}`
  if (minutes === 0) return '0 minutes'
  if (minutes % 10080 === 0) return unit(minutes / 10080, 'week')
  if (minutes % 1440 === 0) return unit(minutes / 1440, 'day')
  if (minutes % 60 === 0) return unit(minutes / 60, 'hour')
  if (minutes < 60) return unit(minutes, 'minute')
  return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`
}

function timeFacets(reading: Reading, metric: TimeMetric, region: readonly Block[]): Facet[] {
  const byKey = new Map<string, Facet>()
  const own = new Set(region)
  for (const t of reading.statedTimes(metric)) {
    // a time stated for no priority counts only in the clause itself ("respond to a dispute within 30 days" does not)
    if (t.rank === undefined && !own.has(t.block)) continue
    const key = t.rank === undefined ? 'any' : `P${t.rank}`
    const had = byKey.get(key)
    // stated twice: the slower one is what the agreement holds itself to
    if (had && typeof had.value === 'number' && had.value >= t.minutes) continue
    const label = t.rank === undefined ? METRIC_NAME[metric] : `P${t.rank} ${METRIC_NAME[metric]}`
    byKey.set(key, {key, label, value: t.minutes, better: 'lower', shown: t.text.replace(/\s+/g, ' '), block: t.block, start: t.start, end: t.end})
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key))
}

// ---------------------------------------------------------------------------------------------------------------
// Uptime

const UPTIME = /\b(?:availab(?:le|ility)|uptime|up[- ]time)\b/i
const NOT_A_TARGET = /\b(?:credits?|less than|below|under|fewer than|falls?|achieved|misses|missed|refund|between)\b/i
const PERIOD_RANK = {day: 1, week: 2, month: 3, quarter: 4, year: 5} as const

function uptimeFacets(reading: Reading): Facet[] {
  for (const block of reading.doc.blocks) {
    if (block.kind === 'heading') continue
    const units = block.kind === 'table-row' ? [{start: 0, text: block.text}] : block.sentences.map((s) => ({start: s.start, text: s.text}))
    const headerSays = block.header?.some((h) => UPTIME.test(h) && !NOT_A_TARGET.test(h)) ?? false
    const sectionSays = block.section.path.some((p) => UPTIME.test(p))
    for (const u of units) {
      if (!(UPTIME.test(u.text) || headerSays || (sectionSays && block.kind !== 'paragraph')) || NOT_A_TARGET.test(u.text)) continue
      const p = reading.values(u.text).percentages.find((x) => x.value >= 80 && x.value <= 100)
      if (!p) continue
      const at = {block, start: u.start + p.start, end: u.start + p.end}
      const out: Facet[] = [{key: 'uptime', label: 'uptime', value: p.value, better: 'higher', shown: p.text, ...at}]
      if (p.period) out.push({key: 'period', label: 'uptime measurement period', value: PERIOD_RANK[p.period], better: 'lower', shown: `per ${p.period}`, ...at})
      return out
    }
  }
  return []
}

// ---------------------------------------------------------------------------------------------------------------
// Backups

const BACKUP = /\bback(?:s|ed|ing)?[- ]?ups?\b|\bsnapshots?\b/i
const RETAIN = /\b(?:retain\w*|retention|kept|keep\w*|stor(?:ed|es)|held|preserv\w*|versions?|history|restore points?|copies)\b/i
const NOT_BACKUP_RUN = /\b(?:test\w*|restor\w*|verif\w*|review\w*|report\w*|audit\w*|check\w*|monitor\w*)\b/i

function backupFacets(reading: Reading): Facet[] {
  let interval: Facet | undefined
  let retention: Facet | undefined
  for (const block of reading.doc.blocks) {
    if (block.kind === 'heading') continue
    const inBackups = block.section.path.some((p) => BACKUP.test(p))
    const retentionSection = block.section.path.some((p) => RETAIN.test(p))
    const units = block.kind === 'table-row' ? [{start: 0, text: block.text}] : block.sentences.map((s) => ({start: s.start, text: s.text}))
    for (const u of units) {
      const about = BACKUP.test(u.text) || (inBackups && (block.kind !== 'paragraph' || retentionSection))
      if (!about) continue
      if (RETAIN.test(u.text) || retentionSection || block.header?.some((h) => RETAIN.test(h))) {
        for (const d of reading.values(u.text).durations) {
          // "copied off site within 24 hours" is not how long backups are kept
          if (/\bwithin\s*$/i.test(u.text.slice(Math.max(0, d.start - 8), d.start))) continue
          if (!retention || (retention.value as number) < d.minutes)
            retention = {key: 'retention', label: 'backup retention', value: d.minutes, better: 'higher', shown: d.text, block, start: u.start + d.start, end: u.start + d.end}
        }
      }
      for (const f of reading.values(u.text).frequencies) {
        const lead = u.text.slice(0, f.start)
        const lastBackup = Math.max(0, ...[...lead.matchAll(new RegExp(BACKUP.source, 'gi'))].map((m) => m.index))
        if (NOT_BACKUP_RUN.test(lead.slice(lastBackup))) continue
        if (!interval || f.intervalMinutes < (interval.value as number))
          interval = {key: 'interval', label: 'backup interval', value: f.intervalMinutes, better: 'lower', shown: f.text, block, start: u.start + f.start, end: u.start + f.end}
      }
    }
  }
  return [interval, retention].filter((f): f is Facet => f !== undefined)
}

// ---------------------------------------------------------------------------------------------------------------
// Service hours

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

function clock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

function dayList(days: readonly string[]): string {
  const idx = days.map((d) => DAY_NAMES.indexOf(d)).filter((i) => i >= 0).sort((a, b) => a - b)
  const cap = (i: number): string => DAY_NAMES[i]!.charAt(0).toUpperCase() + DAY_NAMES[i]!.slice(1)
  const contiguous = idx.every((d, i) => i === 0 || d === idx[i - 1]! + 1)
  if (contiguous && idx.length > 2) return `${cap(idx[0]!)}–${cap(idx.at(-1)!)}`
  return idx.map(cap).join(', ')
}

function hoursFacets(blocks: readonly Block[], reading: Reading): Facet[] {
  let days: {list: readonly string[]; block: Block; start: number; end: number} | undefined
  let span: {minutes: number; text: string; block: Block; start: number; end: number} | undefined
  let zone: {zone: string; block: Block; start: number; end: number} | undefined
  for (const block of blocks) {
    for (const h of reading.values(block.text).hours) {
      const at = {block, start: h.start, end: h.end}
      if (h.allDay && h.allWeek) {
        days ??= {list: DAY_NAMES, ...at}
        span ??= {minutes: 1440, text: '24 hours a day', ...at}
        continue
      }
      if (h.days?.length) days ??= {list: h.days, ...at}
      if (h.from && h.to) span ??= {minutes: (clock(h.to) - clock(h.from) + 1440) % 1440 || 1440, text: `${h.from}–${h.to}`, ...at}
      if (h.timeZone) zone ??= {zone: h.timeZone, ...at}
    }
    if (days && span && zone) break
  }
  const out: Facet[] = []
  if (days) out.push({key: 'days', label: 'service days', value: days.list.length, better: 'higher', shown: dayList(days.list), block: days.block, start: days.start, end: days.end})
  if (span) out.push({key: 'span', label: 'service hours', value: span.minutes, better: 'higher', shown: span.minutes === 1440 ? span.text : `${span.text} (${+(span.minutes / 60).toFixed(1)} hours a day)`, block: span.block, start: span.start, end: span.end})
  if (zone) out.push({key: 'timeZone', label: 'service-hours time zone', value: zone.zone.toLowerCase(), better: 'same', shown: zone.zone, block: zone.block, start: zone.start, end: zone.end})
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// After-hours charges

function afterHoursFacets(blocks: readonly Block[], reading: Reading): Facet[] {
  const out: Facet[] = []
  for (const block of blocks) {
    const v = reading.values(block.text)
    const rate = v.money.find((m) => m.per === 'hour')
    if (rate && !out.some((f) => f.key === 'rate'))
      out.push({key: 'rate', label: 'after-hours rate', value: rate.amount, better: 'lower', unit: rate.currency, shown: `${rate.text.trim()}`, block, start: rate.start, end: rate.end})
    const mult = v.multipliers[0]
    if (mult && !out.some((f) => f.key === 'multiplier'))
      out.push({key: 'multiplier', label: 'after-hours multiplier', value: mult.factor, better: 'lower', shown: mult.text, block, start: mult.start, end: mult.end})
    const inc = INCLUDED_CHARGE.exec(block.text)
    if (inc && !out.some((f) => f.key === 'included'))
      out.push({key: 'included', label: 'after-hours work included', value: 'included', better: 'same', shown: inc[0], block, start: inc.index, end: inc.index + inc[0].length})
    if (out.length) break
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// A clause's region and wording

/** The blocks of the clause: its home sections (nearest section whose title names it), or the statement and its table. */
function regionOf(doc: Document, home: RegExp, located: Located): Block[] {
  const homeOf = (s: Section | undefined): Section | undefined => {
    for (let x = s; x && x.kind !== 'root'; x = x.parent) if (x !== doc.title && home.test(x.title)) return x
    return undefined
  }
  const section = located.section && !located.block ? located.section : homeOf(located.block?.section)
  if (section) {
    // the home's own text, and its subsections only when they are all it has or they are titled for the clause too
    const own = section.blocks.filter((b) => b.kind !== 'heading')
    const titled = section.children.filter((c) => home.test(c.title))
    return [...own, ...(titled.length || own.length ? titled : section.children).flatMap(blocksUnder)]
  }
  const block = located.block
  if (!block) return []
  if (block.kind === 'table-row' && block.header) return block.section.blocks.filter((b) => b.header === block.header)
  return [block]
}

/** A clause's wording: its region's text, one block per line, spaces collapsed. */
function wordingOf(region: readonly Block[]): string {
  return region.map((b) => b.text.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n')
}

/** The blocks of every section titled for the clause, then the statement the finder chose. */
function homeFirst(doc: Document, home: RegExp, located: Located): Block[] {
  const homes = doc.sections.filter((s) => s.kind !== 'root' && s !== doc.title && home.test(s.title) && !(s.parent && home.test(s.parent.title)))
  const out = homes.flatMap(blocksUnder)
  if (located.block && !out.includes(located.block)) out.push(located.block)
  return out
}

/**
 * What a document says about one clause, given where the clause finder found it and the clause's home titles; `reading`
 * is the document's Reading (its values and stated times).
 */
export function readFacets(reading: Reading, ruleId: string, located: Located, home: RegExp): ClauseReading {
  const {doc} = reading
  const region = located.outcome === 'missing' ? [] : regionOf(doc, home, located)
  let facets: Facet[] = []
  if (located.outcome !== 'missing') {
    switch (ruleId) {
      case 'response-times':
        facets = timeFacets(reading, 'response', region)
        break
      case 'resolution-times':
        facets = timeFacets(reading, 'resolution', region)
        break
      case 'performance-targets':
        facets = uptimeFacets(reading)
        break
      case 'backup-frequency':
        facets = backupFacets(reading)
        break
      case 'service-hours':
        // the finder's statement decided "present" only when it was complete: it comes first
        facets = hoursFacets(located.block ? [located.block, ...homeFirst(doc, home, located).filter((b) => b !== located.block)] : homeFirst(doc, home, located), reading)
        break
      case 'after-hours-support':
        facets = afterHoursFacets(homeFirst(doc, home, located), reading)
        break
    }
  }
  return {ruleId, located, region, wording: wordingOf(region), facets}
}

/** The vague time words ("promptly", "as soon as possible") in a text, with where, if any. */
export function vagueWording(text: string): {text: string; start: number; end: number} | undefined {
  const m = VAGUE_TIME.exec(text)
  return m ? {text: m[0], start: m.index, end: m.index + m[0].length} : undefined
}

export {excerpt}

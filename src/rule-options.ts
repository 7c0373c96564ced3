// Options of the built-in rules: their schemas and defaults, and the checks that apply them after a rule's own judgement.
import type {Finding} from './clauses.js'
import {phraseSource, phrasesRegExp} from './reading/phrases.js'
import type {CompiledTerm, Term, TermHit} from './language.js'
import {compileTerms} from './language.js'
import type {JsonSchema, RuleContext, RuleOptionsMeta} from './rule.js'
import type {Block, Document, Section} from './types.js'
import {valuesOf} from './judging.js'
import {mayHold, parseDurationOption} from './values.js'

/** The JSON Schema `format` of a duration option ("1h", "30m", "4 hours", "next business day"); checked with parseDurationOption. */
export const DURATION_FORMAT = 'clauselint-duration'

/** Is `text` a duration an option may hold (a positive time)? */
export function isDurationOption(text: string): boolean {
  const minutes = parseDurationOption(text)
  return minutes !== undefined && minutes > 0
}

const durationSchema = (description: string): JsonSchema => ({type: 'string', format: DURATION_FORMAT, description, examples: ['1h', '30m', '4 business hours']})

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

// ---------------------------------------------------------------------------------------------------------------
// Durations in messages

/** "1 hour", "90 minutes", "4 hours", "1 day", "1 week". */
export function formatMinutes(minutes: number): string {
  const unit = (n: number, word: string) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${word}${n === 1 ? '' : 's'}`
  if (minutes % 10080 === 0) return unit(minutes / 10080, 'week')
  if (minutes % 1440 === 0 && minutes > 1440) return unit(minutes / 1440, 'day')
  if (minutes % 60 === 0) return unit(minutes / 60, 'hour')
  if (minutes < 60) return unit(minutes, 'minute')
  return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`
}

/** Where a value sits in a block's text, for a report. */
interface Stated {
  readonly block: Block
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Offset of each cell of a table row in the row's text. */
function cellOffsets(block: Block): number[] {
  const cells = block.cells ?? []
  const out: number[] = []
  let from = 0
  for (const cell of cells) {
    const at = cell ? block.text.indexOf(cell, from) : -1
    out.push(at)
    if (at >= 0) from = at + cell.length
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// response-times: the house maximum per priority

export const responseTimesOptions: RuleOptionsMeta = {
  schema: {
    type: 'object',
    properties: {
      maxResponse: {
        type: 'object',
        description:
          'House maximum response time per priority, `P1` (most urgent) to `P5`; a stated response time slower than it is reported. "Priority 1", "Severity 1" and "Critical" count as P1. Business hours count as hours',
        patternProperties: {'^P[1-5]$': durationSchema('Longest acceptable response time for this priority')},
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  defaults: {maxResponse: {P1: '1h', P2: '4h'}},
}

export const responseTimesMessages = {
  slow: 'Slow response time "{text}" for {priority}; the house maximum is {max}',
} as const

const RESPONSE_WORD = /\b(?:respon\w*|acknowledg\w*|reaction)\b/gi
const HAS_RESPONSE_WORD = new RegExp(RESPONSE_WORD.source, 'i')
const OTHER_TIMES = /\b(?:resol\w*|restor\w*|fix\w*|workaround|repair\w*|updates?|escalat\w*|recover\w*|RTO|RPO)\b/i
const OTHER_TIMES_G = new RegExp(OTHER_TIMES.source, 'gi')
const RESPONSE_HEADER = /respon|acknowledg|reaction/i

export interface StatedResponse extends Stated {
  readonly rank: number
  /** The priority as written ("P1", "Priority 1 (Critical)"). */
  readonly priority: string
  readonly minutes: number
}

/** Response times stated per priority: table rows and columns, list items and sentences ("P1: response within 1 hour"). */
export function statedResponseTimes(doc: Document): StatedResponse[] {
  const out: StatedResponse[] = []
  const seen = new Set<string>()
  const add = (s: StatedResponse): void => {
    const key = `${doc.blocks.indexOf(s.block)}:${s.start}`
    if (seen.has(key)) return
    seen.add(key)
    out.push(s)
  }
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    if (block.kind === 'table-row' && block.header && block.cells) {
      tableResponses(block, add)
      continue
    }
    const sectionSaysResponse = block.section.path.some((p) => RESPONSE_HEADER.test(p) && !OTHER_TIMES.test(p))
    for (const sentence of block.sentences) proseResponses(block, sentence.start, sentence.text, sectionSaysResponse, add)
  }
  return out
}

function tableResponses(block: Block, add: (s: StatedResponse) => void): void {
  const header = block.header!
  const cells = block.cells!
  const offsets = cellOffsets(block)
  const at = (j: number, d: {start: number; end: number; text: string; minutes: number}, rank: number, priority: string): void => {
    const o = offsets[j] ?? -1
    if (o < 0) return
    add({block, start: o + d.start, end: o + d.end, text: d.text, rank, priority, minutes: d.minutes})
  }
  const column = header.findIndex((h) => RESPONSE_HEADER.test(h) && !OTHER_TIMES.test(h))
  if (column >= 0) {
    // | Priority | Response Time | Resolution Time |
    const d = valuesOf(cells[column] ?? '').durations[0]
    if (!d) return
    for (let j = 0; j < cells.length; j++) {
      if (j === column) continue
      const p = valuesOf(cells[j] ?? '').priorities[0]
      if (p) return at(column, d, p.rank, p.text)
    }
    return
  }
  // |            | P1     | P2      |
  // | Response   | 1 hour | 4 hours |
  const first = cells[0] ?? ''
  if (!RESPONSE_HEADER.test(first) || OTHER_TIMES.test(first)) return
  for (let j = 1; j < cells.length; j++) {
    const p = valuesOf(header[j] ?? '').priorities[0]
    const d = valuesOf(cells[j] ?? '').durations[0]
    if (p && d) at(j, d, p.rank, p.text)
  }
}

function proseResponses(block: Block, offset: number, text: string, sectionSaysResponse: boolean, add: (s: StatedResponse) => void): void {
  // cheapest first: without a response word (or a response section) or a priority, the sentence states nothing
  if (!sectionSaysResponse && !HAS_RESPONSE_WORD.test(text)) return
  if (!mayHold.priorities(text)) return
  const priorities = valuesOf(text).priorities
  if (!priorities.length) return
  // Which kind of time a duration is: the nearest word before it that names one ("respond", "resolve", "update")
  const keywords = [
    ...[...text.matchAll(RESPONSE_WORD)].map((m) => ({at: m.index, response: true})),
    ...[...text.matchAll(OTHER_TIMES_G)].map((m) => ({at: m.index, response: false})),
  ].sort((a, b) => a.at - b.at)
  if (!keywords.some((k) => k.response) && !sectionSaysResponse) return
  const durations = valuesOf(text).durations.filter((d) => {
    // "every 2 hours" is a frequency, "in a calendar month" a period, "24 hours a day" coverage
    if (/\b(?:every|in|per|each|during|over)\s*$/i.test(text.slice(Math.max(0, d.start - 8), d.start)) || /^\s*(?:a|per|each)\s+(?:day|week)\b/i.test(text.slice(d.end))) return false
    const before = keywords.filter((k) => k.at < d.start).at(-1)
    return before ? before.response : sectionSaysResponse
  })
  const report = (d: (typeof durations)[number], rank: number, priority: string): void =>
    add({block, start: offset + d.start, end: offset + d.end, text: d.text, rank, priority, minutes: d.minutes})
  // "within 30 minutes for Priority 1, 2 Business Hours for Priority 2": the time comes before its priority
  const LEADS = /^[\s,;:]*(?:for|on|to|in|of)?\s*(?:an?|all|each|every)?\s*$/i
  const leading = priorities.map((p) => durations.find((d) => d.end <= p.start && LEADS.test(text.slice(d.end, p.start))))
  if (leading.some(Boolean)) {
    priorities.forEach((p, i) => {
      const d = leading[i]
      if (d) report(d, p.rank, p.text)
    })
    return
  }
  // "P1: response within 1 hour; P2: within 4 hours": the time follows its priority
  priorities.forEach((p, i) => {
    const next = priorities[i + 1]?.start ?? text.length
    const d = durations.find((x) => x.start >= p.end && x.start < next) ?? (priorities.length === 1 ? durations[0] : undefined)
    if (d) report(d, p.rank, p.text)
  })
}

/** After the clause judgement: report stated response times slower than `maxResponse`. */
export function reviewResponseTimes(_finding: Finding, context: RuleContext): void {
  const max = context.options['maxResponse']
  if (!max || typeof max !== 'object') return
  const limits = new Map<number, number>()
  for (const [key, value] of Object.entries(max)) {
    const minutes = typeof value === 'string' ? parseDurationOption(value) : undefined
    if (minutes !== undefined) limits.set(Number(key.slice(1)), minutes)
  }
  if (!limits.size) return
  for (const s of statedResponseTimes(context.doc)) {
    const limit = limits.get(s.rank)
    if (limit === undefined || s.minutes <= limit) continue
    context.report({messageId: 'slow', block: s.block, start: s.start, end: s.end, data: {text: s.text, priority: s.priority, max: formatMinutes(limit)}})
  }
}

// ---------------------------------------------------------------------------------------------------------------
// service-hours: whether hours need a time zone

export const serviceHoursOptions: RuleOptionsMeta = {
  schema: {
    type: 'object',
    properties: {
      requireTimeZone: {
        type: 'boolean',
        description: 'Hours need a time zone to count as present; `false` accepts "08:00–18:00 Monday to Friday" without one (for agreements between parties in one time zone)',
      },
    },
    additionalProperties: false,
  },
  defaults: {requireTimeZone: true},
}

// ---------------------------------------------------------------------------------------------------------------
// backup-frequency: the longest acceptable interval, and retention

export const backupFrequencyOptions: RuleOptionsMeta = {
  schema: {
    type: 'object',
    properties: {
      maxInterval: durationSchema('Longest acceptable time between backups; when every stated backup frequency is less often than this, it is reported'),
      requireRetention: {type: 'boolean', description: 'Report an agreement that states how often backups run but not how long they are kept'},
    },
    additionalProperties: false,
  },
  defaults: {maxInterval: '24h', requireRetention: true},
}

export const backupFrequencyMessages = {
  infrequent: 'Infrequent backups "{text}"; the house maximum interval is {max}',
  noRetention: 'Missing backup retention; say how long backups are kept (e.g. "daily backups kept for 30 days")',
} as const

const BACKUP = /\bback(?:s|ed|ing)?[- ]?ups?\b|\bsnapshots?\b/i
const RETAIN = /\b(?:retain\w*|retention|kept|keep\w*|stor(?:ed|es|age)|held|holds?|preserv\w*|delet\w*|purg\w*|rotat\w*|expir\w*|versions?|history|restore points?|copies)\b/i
// a frequency of something done to backups, not of backups ("test a restore each quarter", "review the logs weekly")
const NOT_BACKUP_RUN = /\b(?:test\w*|restor\w*|verif\w*|review\w*|report\w*|audit\w*|check\w*|monitor\w*)\b/i
const ELSEWHERE = /\b(?:order form|schedule|appendix|exhibit|annex|policy|plan|statement of work|SOW)\b/i
const RETAIN_HEADER = /\b(?:retention|retain\w*|kept|keep|stored for|held for)\b/i

/** After the clause judgement: report backups less frequent than `maxInterval`, and a missing retention period. */
export function reviewBackupFrequency(finding: Finding, context: RuleContext): void {
  const {doc, options} = context
  if (finding.outcome === 'missing') return
  const max = typeof options['maxInterval'] === 'string' ? parseDurationOption(options['maxInterval']) : undefined
  let best: (Stated & {minutes: number}) | undefined
  let retention = false
  // what the section path says, once per section rather than per block
  const paths = new Map<Section, {inBackupSection: boolean; retentionSection: boolean}>()
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    let path = paths.get(block.section)
    if (!path) paths.set(block.section, (path = {inBackupSection: block.section.path.some((p) => BACKUP.test(p)), retentionSection: block.section.path.some((p) => RETAIN_HEADER.test(p))}))
    const {inBackupSection, retentionSection} = path
    if (block.header?.some((h) => RETAIN_HEADER.test(h)) && (inBackupSection || BACKUP.test(block.text) || block.header.some((h) => BACKUP.test(h)))) retention = true
    for (const s of block.sentences) {
      const aboutBackups = BACKUP.test(s.text) || (inBackupSection && block.kind !== 'paragraph')
      if (!aboutBackups && !(retentionSection && inBackupSection)) continue
      // a period, or retention put in another document ("Backup Plan (backup frequency and retention) | Order Form")
      if ((RETAIN.test(s.text) || retentionSection) && (valuesOf(s.text).durations.length || (/\bretention\b/i.test(s.text) && ELSEWHERE.test(s.text)))) retention = true
      if (!aboutBackups) continue
      for (const f of valuesOf(s.text).frequencies) {
        const lead = s.text.slice(0, f.start)
        const lastBackup = Math.max(0, ...[...lead.matchAll(new RegExp(BACKUP.source, 'gi'))].map((m) => m.index))
        if (NOT_BACKUP_RUN.test(lead.slice(lastBackup))) continue
        if (!best || f.intervalMinutes < best.minutes) best = {block, start: s.start + f.start, end: s.start + f.end, text: f.text, minutes: f.intervalMinutes}
      }
    }
  }
  if (max !== undefined && best && best.minutes > max && finding.outcome === 'present') {
    context.report({messageId: 'infrequent', block: best.block, start: best.start, end: best.end, data: {text: best.text, max: formatMinutes(max)}})
  }
  if (options['requireRetention'] === true && finding.outcome === 'present' && !retention) {
    const where = finding.unit ? {block: finding.unit.block, start: finding.unit.start, end: finding.unit.start + finding.unit.text.trimEnd().length} : finding.section ? {section: finding.section} : {}
    context.report({messageId: 'noRetention', severity: 'warning', ...where})
  }
}

// ---------------------------------------------------------------------------------------------------------------
// performance-targets: the lowest acceptable availability

export const performanceTargetsOptions: RuleOptionsMeta = {
  schema: {
    type: 'object',
    properties: {
      minUptime: {
        type: 'number',
        minimum: 0,
        maximum: 100,
        description: 'Lowest acceptable availability or uptime target, in percent; a stated target below it is reported',
      },
    },
    additionalProperties: false,
  },
  defaults: {minUptime: 99.5},
}

export const performanceTargetsMessages = {
  lowUptime: 'Low availability target "{text}"; the house minimum is {min}%',
} as const

const UPTIME = /\b(?:availab(?:le|ility)|uptime|up[- ]time)\b/i
const NOT_A_TARGET = /\b(?:credits?|less than|below|under|fewer than|falls?|achieved|misses|missed|refund)\b/i

/** After the clause judgement: report availability targets below `minUptime` (in the statement found and its table or section). */
export function reviewPerformanceTargets(finding: Finding, context: RuleContext): void {
  const min = context.options['minUptime']
  if (typeof min !== 'number' || finding.outcome !== 'present' || !finding.unit) return
  const home = finding.unit.block
  const candidates = context.doc.blocks.filter((b) => b === home || (b.section === home.section && b.kind !== 'heading' && (home.kind !== 'table-row' || b.header === home.header)))
  for (const block of candidates) {
    const units = block.kind === 'table-row' ? [{start: 0, text: block.text}] : block.sentences.map((s) => ({start: s.start, text: s.text}))
    const headerSaysUptime = block.header?.some((h) => UPTIME.test(h) && !NOT_A_TARGET.test(h)) ?? false
    for (const u of units) {
      if (!(UPTIME.test(u.text) || headerSaysUptime) || NOT_A_TARGET.test(u.text)) continue
      const p = valuesOf(u.text).percentages.find((x) => x.value >= 80 && x.value <= 100)
      if (!p || p.value >= min) continue
      context.report({messageId: 'lowUptime', block, start: u.start + p.start, end: u.start + p.end, data: {text: p.text, min}})
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// no-vague-terms, no-overpromising: term lists extended or replaced

const PHRASE_OR_TERM: JsonSchema = {
  anyOf: [
    {type: 'string', minLength: 1},
    {
      type: 'object',
      properties: {phrase: {type: 'string', minLength: 1}, suggestion: {type: 'string', minLength: 1}},
      required: ['phrase'],
      additionalProperties: false,
    },
  ],
}

/** Options of a language rule's term list. */
export function termListOptions(kind: string): RuleOptionsMeta {
  return {
    schema: {
      type: 'object',
      properties: {
        add: {
          type: 'array',
          items: PHRASE_OR_TERM,
          description: `More ${kind} to flag: a phrase, or \`{phrase, suggestion}\`; plain text matches whole words case-insensitively, \`/…/\` is a regular expression`,
        },
        allow: {type: 'array', items: {type: 'string', minLength: 1}, description: `Phrases not to flag: a match inside an allowed phrase, or containing one, is not reported`},
        replace: {type: 'boolean', description: 'Use only `add`, dropping the built-in list'},
      },
      additionalProperties: false,
    },
    defaults: {add: [], allow: [], replace: false},
  }
}

interface TermOptions {
  readonly terms: readonly CompiledTerm[]
  readonly allow: RegExp | undefined
}

const termCache = new WeakMap<readonly CompiledTerm[], WeakMap<object, TermOptions>>()

/** The term list a language rule scans with, given its options; `suggestion` is used for added phrases without one. */
export function configuredTerms(builtin: readonly CompiledTerm[], options: Readonly<Record<string, unknown>>, suggestion: string): TermOptions {
  let byOptions = termCache.get(builtin)
  if (!byOptions) termCache.set(builtin, (byOptions = new WeakMap()))
  let out = byOptions.get(options)
  if (!out) {
    const added: Term[] = (Array.isArray(options['add']) ? options['add'] : []).flatMap((t: unknown): Term[] => {
      if (typeof t === 'string') return [{pattern: phraseSource(t), suggestion}]
      if (t && typeof t === 'object' && typeof (t as {phrase?: unknown}).phrase === 'string') {
        const {phrase, suggestion: s} = t as {phrase: string; suggestion?: unknown}
        return [{pattern: phraseSource(phrase), suggestion: typeof s === 'string' ? s : suggestion}]
      }
      return []
    })
    const terms = [...(options['replace'] === true ? [] : builtin), ...compileTerms(added)]
    out = {terms, allow: phrasesRegExp(asStrings(options['allow']), 'gi')}
    byOptions.set(options, out)
  }
  return out
}

/** Is the hit inside a phrase the config allows? */
export function allowedHit(hit: TermHit, allow: RegExp | undefined): boolean {
  if (!allow) return false
  const s = hit.sentence
  for (const m of s.text.matchAll(allow)) {
    const start = s.start + m.index
    const end = start + m[0].length
    // "allow: [reasonable efforts]" allows "commercially reasonable efforts" too, and "promptly" inside "promptly notify"
    if ((start <= hit.start && end >= hit.end) || (hit.start <= start && hit.end >= end)) return true
  }
  return false
}

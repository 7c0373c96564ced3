// Options of the built-in rules: their schemas and defaults, and the checks that apply them after a rule's own judgement.
import type {Finding} from './clauses.js'
import type {Stated} from './reading/metrics.js'
import type {JsonSchema, RuleContext, RuleOptionsMeta} from './rule.js'
import type {Section} from './types.js'
import {parseDurationOption} from './reading/values/index.js'

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
  for (const s of context.reading.statedResponseTimes) {
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
  const {doc, options, reading} = context
  const valuesOf = (t: string) => reading.values(t)
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
  const valuesOf = (t: string) => context.reading.values(t)
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


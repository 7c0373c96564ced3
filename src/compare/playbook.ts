// Playbook tiers per clause: preferred, fallback (with an approver) and walk-away positions stated as the typed
// values the clause readers produce, their options schema, the check that tiers do not conflict, and which tier
// an agreement's value lands in.
import {extractMoney, parseDurationOption, type Block, type Document, type JsonSchema, type Reading} from './adapter.js'
import {readFacets, type Facet, type Located} from './read.js'

/** The clauses that take a playbook, and the value keys each tier may state. */
export const PLAYBOOK_CLAUSES = ['response-times', 'resolution-times', 'performance-targets', 'backup-frequency', 'service-hours', 'after-hours-support'] as const
export type PlaybookClause = (typeof PLAYBOOK_CLAUSES)[number]

export const TIERS = ['preferred', 'fallback', 'walkAway'] as const
export type TierName = (typeof TIERS)[number]

/** Where a value lands: a tier, or beyond the walk-away position. */
export type Landing = TierName | 'beyond'

export type TierValues = Readonly<Record<string, string | number | boolean>>
export type Playbook = Partial<Readonly<Record<TierName, TierValues>>>

const DURATION_FORMAT = 'clauselint-duration'
const duration = (description: string): JsonSchema => ({type: 'string', format: DURATION_FORMAT, description})
const PRIORITY_KEYS: Record<string, JsonSchema> = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`P${n}`, duration(`P${n} time (e.g. "1h", "4 business hours")`)]))

/** Per clause: the keys a tier may state, as JSON Schema properties. */
const KEYS: Readonly<Record<PlaybookClause, Record<string, JsonSchema>>> = {
  'response-times': PRIORITY_KEYS,
  'resolution-times': PRIORITY_KEYS,
  'performance-targets': {
    uptime: {type: 'number', minimum: 0, maximum: 100, description: 'Availability in percent (e.g. 99.9)'},
    period: {enum: ['day', 'week', 'month', 'quarter', 'year'], description: 'Longest measurement period for the uptime'},
  },
  'backup-frequency': {
    interval: duration('Longest time between backups (e.g. "24h")'),
    retention: duration('Shortest time backups are kept (e.g. "30d")'),
  },
  'service-hours': {
    days: {type: 'integer', minimum: 1, maximum: 7, description: 'Fewest service days a week'},
    span: duration('Shortest service hours a day (e.g. "10h")'),
  },
  'after-hours-support': {
    multiplier: {type: 'number', minimum: 0, description: 'Highest multiplier of the standard rate (e.g. 1.5)'},
    rate: {type: 'string', pattern: '\\d', description: 'Highest hourly rate, with its currency (e.g. "GBP 150", "$180")'},
    included: {type: 'boolean', description: '`true`: after-hours work must be included in the fee'},
  },
}

const KEYS_TEXT: Readonly<Record<PlaybookClause, string>> = {
  'response-times': '`P1`…`P5` (durations)',
  'resolution-times': '`P1`…`P5` (durations)',
  'performance-targets': '`uptime` (percent) and `period` (`day` … `year`)',
  'backup-frequency': '`interval` and `retention` (durations)',
  'service-hours': '`days` (a week) and `span` (hours a day, a duration)',
  'after-hours-support': '`multiplier`, `rate` (`"GBP 150"`) or `included: true`',
}

/** The JSON Schema of a clause rule's `playbook` option. */
export function playbookSchema(ruleId: PlaybookClause): JsonSchema {
  const tier = (approver: boolean): JsonSchema => ({
    type: 'object',
    properties: {...KEYS[ruleId], ...(approver ? {approver: {type: 'string', minLength: 1, description: 'Who approves an agreement at this tier (e.g. "@msp/legal")'}} : {})},
    additionalProperties: false,
  })
  return {
    type: 'object',
    description: `House positions: \`preferred\`, \`fallback\` (with an \`approver\`) and \`walkAway\`, each with ${KEYS_TEXT[ruleId]}; each value the agreement states is placed in a tier: fallback and walk-away warn (naming the approver), beyond walk-away is an error. Replaces the rule's single house maximum`,
    properties: {preferred: tier(false), fallback: tier(true), walkAway: tier(true)},
    additionalProperties: false,
  }
}

/** Which way a key is better for the client (the same direction the comparison uses). */
const BETTER: Readonly<Record<string, 'lower' | 'higher'>> = {
  uptime: 'higher',
  period: 'lower',
  interval: 'lower',
  retention: 'higher',
  days: 'higher',
  span: 'higher',
  multiplier: 'lower',
  rate: 'lower',
}
const better = (key: string): 'lower' | 'higher' => BETTER[key] ?? 'lower'
const bound = (key: string): {bound?: 'at most' | 'at least'} => (key === 'period' ? {} : {bound: better(key) === 'higher' ? 'at least' : 'at most'})

const PERIOD_RANK: Readonly<Record<string, number>> = {day: 1, week: 2, month: 3, quarter: 4, year: 5}

/** A tier value in the units the readers use (minutes, percent, days, period rank, amount), or undefined. */
export function tierNumber(key: string, value: string | number | boolean): {n: number; unit?: string} | undefined {
  if (typeof value === 'boolean') return undefined
  if (key === 'uptime' || key === 'days' || key === 'multiplier') return typeof value === 'number' ? {n: value} : undefined
  if (key === 'period') return typeof value === 'string' && PERIOD_RANK[value] !== undefined ? {n: PERIOD_RANK[value]!} : undefined
  if (key === 'rate') {
    const m = typeof value === 'string' ? extractMoney(value)[0] : undefined
    return m ? {n: m.amount, unit: m.currency} : undefined
  }
  const minutes = typeof value === 'string' ? parseDurationOption(value) : undefined
  return minutes === undefined ? undefined : {n: minutes}
}

/** How a tier value reads in a message. */
export function showTier(key: string, value: string | number | boolean): string {
  if (key === 'uptime') return `${value}%`
  if (key === 'multiplier') return `${value}×`
  if (key === 'days') return `${value} days a week`
  if (key === 'period') return `per ${value}`
  return String(value)
}

/**
 * Why a playbook's tiers conflict, as `{key path, message}`, or undefined: a tier stricter than the one before it
 * (a fallback that asks more than the preferred position, a walk-away stricter than the fallback), or a rate no
 * currency can be read from. The schema has checked shapes and units already.
 */
export function playbookConflict(playbook: Playbook): {path: string; message: string} | undefined {
  const given = TIERS.filter((t) => playbook[t])
  for (const t of given) {
    for (const [key, value] of Object.entries(playbook[t]!)) {
      if (key === 'rate' && !tierNumber(key, value)) return {path: `${t}.${key}`, message: `${JSON.stringify(value)} is not an amount with a currency (use e.g. "GBP 150" or "$180")`}
    }
  }
  for (let i = 1; i < given.length; i++) {
    const looser = given[i]!
    for (const [key, value] of Object.entries(playbook[looser]!)) {
      if (key === 'approver' || key === 'included') continue
      const v = tierNumber(key, value)
      if (!v) continue
      for (let j = i - 1; j >= 0; j--) {
        const stricter = given[j]!
        const raw = playbook[stricter]![key]
        if (raw === undefined) continue
        const s = tierNumber(key, raw)
        if (!s || (s.unit && v.unit && s.unit !== v.unit)) break
        const conflict = better(key) === 'lower' ? v.n < s.n : v.n > s.n
        if (conflict) return {path: `${looser}.${key}`, message: `${showTier(key, value)} is stricter than ${stricter} (${showTier(key, raw)}); each tier must ask no more than the one before it`}
        break
      }
    }
  }
  return undefined
}

/** Where one stated value lands, with the tier value it was held to. */
export interface TierLanding {
  readonly key: string
  readonly landing: Landing
  /** The value as stated ("2 hours"). */
  readonly shown: string
  /** The tier's value it met, or the walk-away position it is beyond. */
  readonly limit: string
  /** How the limit bounds the value: "at most 4h", "at least 99.5%" (none for "included"). */
  readonly bound?: 'at most' | 'at least'
  /** The approver named in the tier it lands in (or in the fallback, for beyond walk-away). */
  readonly approver?: string
  readonly facet?: Facet
}

/** Does a value meet a tier's value for its key? */
function meets(key: string, value: Facet, tierValue: string | number | boolean): boolean | undefined {
  if (typeof value.value !== 'number') return undefined
  const t = tierNumber(key, tierValue)
  if (!t) return undefined
  if (t.unit && value.unit && t.unit !== value.unit) return undefined
  return better(key) === 'lower' ? value.value <= t.n : value.value >= t.n
}

/**
 * Which tier each stated value lands in: the first tier whose value it meets (equal counts as meeting), else beyond
 * the walk-away (or beyond the last tier stated). Keys the agreement does not state are left out; a priority key
 * falls back to a time stated for every priority.
 */
export function landings(playbook: Playbook, facets: readonly Facet[]): TierLanding[] {
  const byKey = new Map(facets.map((f) => [f.key, f]))
  const keys = new Set<string>()
  for (const t of TIERS) for (const k of Object.keys(playbook[t] ?? {})) if (k !== 'approver') keys.add(k)
  const out: TierLanding[] = []
  for (const key of keys) {
    if (key === 'included') {
      // included where a tier asks for it; a charge instead is placed by the rate or multiplier of later tiers, and
      // beyond the walk-away when no tier states one
      const inc = byKey.get('included')
      const charge = byKey.get('rate') ?? byKey.get('multiplier')
      const tier = TIERS.find((t) => playbook[t]?.['included'] === true)
      if (!tier) continue
      if (inc) out.push({key, landing: tier, shown: inc.shown, limit: 'included', ...approverOf(playbook, tier), facet: inc})
      else if (charge && !TIERS.some((t) => playbook[t]?.[charge.key] !== undefined)) out.push({key, landing: 'beyond', shown: charge.shown, limit: 'included', facet: charge})
      continue
    }
    const f = byKey.get(key) ?? (/^P\d$/.test(key) ? byKey.get('any') : undefined)
    if (!f) continue
    let landed: TierLanding | undefined
    let last: {tier: TierName; value: string | number | boolean} | undefined
    for (const t of TIERS) {
      const tv = playbook[t]?.[key]
      if (tv === undefined) continue
      last = {tier: t, value: tv}
      const m = meets(key, f, tv)
      if (m === undefined) break
      if (m) {
        landed = {key, landing: t, shown: f.shown, limit: showTier(key, tv), ...bound(key), ...approverOf(playbook, t), facet: f}
        break
      }
    }
    if (!landed && last && meets(key, f, last.value) === false) landed = {key, landing: 'beyond', shown: f.shown, limit: showTier(key, last.value), ...bound(key), ...approverOf(playbook, 'beyond'), facet: f}
    if (landed) out.push(landed)
  }
  return out
}

function approverOf(playbook: Playbook, landing: Landing): {approver?: string} {
  const from = landing === 'beyond' || landing === 'preferred' ? undefined : playbook[landing]?.['approver'] ?? playbook.fallback?.['approver']
  return typeof from === 'string' ? {approver: from} : {}
}

/** "P1 response time 2 hours: fallback (approver: @msp/legal)", "uptime 99.0%: beyond walk-away (99.5%)". */
export function describeLanding(label: string, l: TierLanding): string {
  const tier = l.landing === 'beyond' ? `beyond walk-away (${l.limit})` : l.landing === 'walkAway' ? 'walk-away' : l.landing
  return `${label} ${l.shown}: ${tier}${l.approver && l.landing !== 'preferred' && l.landing !== 'beyond' ? ` (approver: ${l.approver})` : ''}`
}

// ---------------------------------------------------------------------------------------------------------------
// In a clause rule: the option, the messages, and the findings of one document

/** Messages of the playbook findings, added to each playbook clause rule's messages. */
export const PLAYBOOK_MESSAGES = {
  fallback: '{what} "{text}" is at the fallback position ({limit}){approval}',
  walkAway: '{what} "{text}" is at the walk-away position ({limit}){approval}',
  beyondWalkAway: '{what} "{text}" is beyond the walk-away position ({limit})',
} as const

export function isPlaybookClause(id: string): id is PlaybookClause {
  return (PLAYBOOK_CLAUSES as readonly string[]).includes(id)
}

/** A clause rule's options schema with `playbook` added (for the clauses that take one). */
export function withPlaybookOption<T extends {readonly schema: JsonSchema; readonly defaults: Readonly<Record<string, unknown>>}>(id: string, options: T): T {
  if (!isPlaybookClause(id)) return options
  const properties = (options.schema['properties'] ?? {}) as Record<string, JsonSchema>
  return {...options, schema: {...options.schema, properties: {...properties, playbook: playbookSchema(id)}}}
}

/** One playbook finding of a document: where, which message, and the tier it describes. */
export interface PlaybookFinding {
  readonly messageId: keyof typeof PLAYBOOK_MESSAGES
  readonly severity: 'error' | 'warning'
  readonly block?: Block
  readonly start?: number
  readonly end?: number
  readonly data: Readonly<Record<string, string>>
  readonly landing: TierLanding
}

export interface PlaybookReview {
  readonly findings: readonly PlaybookFinding[]
  /** Every stated value with its tier ("P1 response time 2 hours: fallback (approver: @msp/legal)"), for coverage. */
  readonly tiers: readonly string[]
  /** The worst tier a value lands in. */
  readonly tier?: Landing
}

const ORDER: readonly Landing[] = ['preferred', 'fallback', 'walkAway', 'beyond']

/** Review a document's values of one clause (its Reading) against the clause's playbook (none: nothing to say). */
export function reviewPlaybook(reading: Reading, ruleId: string, located: Located, home: RegExp, playbook: unknown): PlaybookReview {
  if (!playbook || typeof playbook !== 'object' || located.outcome === 'missing') return {findings: [], tiers: []}
  const facets = readFacets(reading, ruleId, located, home).facets
  const found = landings(playbook as Playbook, facets)
  const findings: PlaybookFinding[] = []
  const tiers: string[] = []
  let worst: Landing | undefined
  for (const l of found) {
    const what = l.key === 'included' ? 'after-hours charge' : (l.facet?.label ?? l.key)
    tiers.push(describeLanding(what, l))
    if (!worst || ORDER.indexOf(l.landing) > ORDER.indexOf(worst)) worst = l.landing
    if (l.landing === 'preferred') continue
    const f = l.facet
    findings.push({
      messageId: l.landing === 'beyond' ? 'beyondWalkAway' : l.landing,
      severity: l.landing === 'beyond' ? 'error' : 'warning',
      ...(f?.block ? {block: f.block, start: f.start ?? 0, end: f.end ?? f.start ?? 0} : {}),
      data: {what: what.charAt(0).toUpperCase() + what.slice(1), text: l.shown, limit: l.bound ? `${l.bound} ${l.limit}` : l.limit, approval: l.approver ? `; approver: ${l.approver}` : ''},
      landing: l,
    })
  }
  return {findings, tiers, ...(worst ? {tier: worst} : {})}
}

// consistent-values: the same metric stated twice with different values, a higher priority promised a slower time
// than a lower one, backups kept for less time than they are taken, percentages over 100.
import {sourceOffset} from '../src/document.js'
import {valuesOf} from '../src/judging.js'
import type {Rule} from '../src/rule.js'
import type {Block, Sentence} from '../src/types.js'
import {mayHold, type Duration, type Priority} from '../src/values.js'

type Metric = 'response' | 'resolution' | 'uptime'

const METRIC_NAME: Readonly<Record<Metric, string>> = {response: 'response time', resolution: 'resolution time', uptime: 'uptime'}

/** One stated value of a metric, with what it is stated for. */
interface Statement {
  readonly metric: Metric
  /** Priority the value applies to, if any (1 is the most urgent). */
  readonly priority: Priority | undefined
  /** What else narrows the value: a channel, out-of-hours, the system measured, the measurement period. */
  readonly scope: string
  /** The value as a range, so "1 Business Day" and "8 Business Hours" can be the same. */
  readonly low: number
  readonly high: number
  readonly text: string
  readonly block: Block
  readonly sentence: Sentence | undefined
  readonly start: number
  readonly end: number
}

const RESPONSE_WORD = /\b(?:respond\w*|response|acknowledg\w*|reply|replies|call[- ]?back|callback|initial contact)\b/gi
const RESOLUTION_WORD = /\b(?:resol\w*|restor\w*|fix(?:ed)?|repair(?:ed)?|workaround|recovery time|RTO)\b/gi
const RESPONSE_HEAD = /respon|acknowledg|reply|call ?back/i
const RESOLUTION_HEAD = /resol|restor|fix|repair|workaround|recovery time|\brto\b/i
// Words that may stand between a metric and its value: "response time target of", "resolved within", "Response: "
const FILLER = /^(?:[\s:=|,()–—-]|\b(?:times?|targets?|objectives?|goals?|commitments?|sla|of|within|in|is|are|will|shall|must|be|no|not|later|more|than|exceed|to|the|a|an|by|at|most|maximum|max|up|under|guaranteed|provided|made|given|achieved|completed|begin|begins|start|starts|all|each|every|for|p[0-5]|priority|severity|sev|level|[1-5]|critical|urgent|high|medium|normal|low|incidents?|issues?|tickets?|requests?|faults?|calls?)\b)*$/i
// Narrowing words: a value for phone calls or out of hours is not the same value as the general one
const SCOPE_WORDS: ReadonlyArray<[string, RegExp]> = [
  ['after-hours', /\bafter[- ]hours|outside (?:of )?(?:normal |standard |the )?(?:business|support|service|office|working) hours|out[- ]of[- ]hours|overnight|weekends?|holidays?|on[- ]call|emergency line|24\s*[x×/]\s*7|24\/7|round[- ]the[- ]clock/i],
  ['business-hours', /\b(?:during|within|in) (?:normal |standard |the )?(?:business|support|service|office|working) hours\b/i],
  ['phone', /\bby (?:tele)?phone\b|\b(?:tele)?phone (?:calls?|line|support)\b|\bby calling\b|\bvoice calls?\b|\breported by (?:tele)?phone\b/i],
  ['email', /\bby e-?mail\b|\be-?mail (?:requests?|tickets?|support)\b/i],
  ['portal', /\b(?:via|through|in|on) the (?:client |customer |support )?portal\b|\bby (?:web )?chat\b|\bweb form\b/i],
  ['onsite', /\bon[- ]?site\b|\bdispatch|\bengineer (?:on|at)\b/i],
  ['target', /\btarget|\bgoal|\bobjective/i],
  ['maximum', /\bmaximum|\bno later than|\bnot (?:to )?exceed|\bat the latest|\bguarantee/i],
  ['first', /\bfirst\b|\binitial\b/i],
  ['update', /\bupdates?\b|\bprogress\b|\bstatus\b/i],
  ['escalat', /\bescalat/i],
]
const SYSTEMS = /\b(?:network|server|servers|internet|wan|lan|wi-?fi|wireless|firewall|e-?mail|voip|phone system|telephony|website|web site|hosting|platform|application|applications|api|portal|database|storage|backup|cloud|data ?cent(?:er|re)|circuit|connectivity|power|cooling|infrastructure|help ?desk|service desk|workstations?|endpoints?|saas|crm|erp|apps?|mobile|desktop|voice|pbx|sip|production|non-production|staging|test|development|sandbox|disaster recovery|primary|secondary|region|site)\b/gi
// Service tiers and plans give different targets on purpose ("Gold plan 99.99%, Silver plan 99.9%")
const PLAN = /\b(?:tier|class|plan|package|edition|bundle|premium|gold|silver|bronze|platinum|basic|enterprise|standard|advanced|essentials?)\b/i
const UPTIME_WORD = /\b(?:uptime|availability|available|up[- ]time)\b/i
// Credit tiers and thresholds are not targets: "if Uptime falls below 99.9%", "between 99.0% and 99.9%"
const TIER = /\b(?:credits?|below|less than|lower than|under|falls?|fell|drops?|between|miss(?:es|ed)?|fails? to|short of|tiers?|refunds?|if|when|unless|up to|exceeds?)\b|[<>≤≥]/i
const BACKUP = /\bback(?:ed)?[- ]?ups?\b|\bsnapshots?\b|\brestore points?\b/i
const RETENTION = /\b(?:retain(?:s|ed)?|retention|kept|keeps?|stored|held|preserved|maintained|rotated)\b[^.;]{0,30}?(?:for|of|period of|up to|at least|a minimum of)?\s*$/i
const METRIC_PERCENT = /\b(?:uptime|up[- ]time|availability|available|of the time|of (?:all )?(?:tickets|incidents|requests|calls|cases)|service levels?|success|accuracy|compliance|attainment|coverage|responded|resolved)\b/i
const MONEY_CONTEXT = /\b(?:rates?|fees?|prices?|pricing|charges?|charged|costs?|mark-?ups?|increases?|interest|premium|surcharge|multiplier|times|invoices?|amounts?|paid|payable|credits?|refunds?|discounts?|overtime|uplift)\b/i

function range(d: Duration): {low: number; high: number} {
  // a business day is somewhere between a working day of hours and a calendar day
  if (d.business && d.unit === 'day') return {low: d.value * 480, high: d.value * 1440}
  if (d.business && d.unit === 'week') return {low: d.value * 2400, high: d.value * 10080}
  return {low: d.minutes, high: d.minutes}
}

function scopeOf(text: string): string {
  const words = SCOPE_WORDS.filter(([, re]) => re.test(text)).map(([w]) => w)
  return words.join(',')
}

function family(p: Priority): string | undefined {
  if (p.scheme === 'level') return undefined
  return p.scheme === 'severity' ? 'severity' : 'priority'
}

/** Where the metric words of a sentence end, in order (found once per sentence, for all of its durations). */
interface MetricWords {
  readonly response: readonly number[]
  readonly resolution: readonly number[]
}

function metricWords(text: string): MetricWords {
  const ends = (re: RegExp): number[] => {
    re.lastIndex = 0
    return [...text.matchAll(re)].map((m) => (m.index ?? 0) + m[0].length)
  }
  return {response: ends(RESPONSE_WORD), resolution: ends(RESOLUTION_WORD)}
}

/** The last of the ascending `ends` that is <= `at`, or undefined. */
function lastAtOrBefore(ends: readonly number[], at: number): number | undefined {
  let lo = 0
  let hi = ends.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ends[mid]! <= at) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? ends[lo - 1] : undefined
}

/** The metric a duration ending at `end` is bound to by a metric word right after it ("4-hour response"). */
function metricAfter(text: string, end: number): Metric | undefined {
  const after = text.slice(end, end + 30)
  const a = /^\s*(?:[a-z]+\s+)?(respon\w*|acknowledg\w*|resol\w*|restor\w*|fix\b|repair\b|workaround)/i.exec(after)
  if (a && !/^\s*(?:for|of|to|in|after|before|from)\s/i.test(after)) return RESOLUTION_HEAD.test(a[1]!) ? 'resolution' : 'response'
  return undefined
}

/**
 * The metric a duration at `at` is bound to by a metric word just before it with only filler between (the nearest
 * word ending before it; a response word wins a tie). `w` holds the sentence's metric words.
 */
function metricBefore(text: string, at: number, w: MetricWords): Metric | undefined {
  let best: {metric: Metric; end: number} | undefined
  for (const metric of ['response', 'resolution'] as const) {
    const e = lastAtOrBefore(w[metric], at)
    if (e !== undefined && (!best || e > best.end)) best = {metric, end: e}
  }
  if (!best || at - best.end > 60) return undefined
  return FILLER.test(text.slice(best.end, at)) ? best.metric : undefined
}

/** The priority a value at `at` is stated for: "P1: 1 hour", "1 hour for Priority 1", or the one priority of the block. */
function priorityAt(priorities: readonly Priority[], text: string, at: number, end: number, fallback: Priority | undefined): Priority | undefined {
  const following = priorities.find((p) => p.start >= end && /^\s*(?:for|on|with)\s+(?:all\s+|each\s+|any\s+|an?\s+)?$/i.test(text.slice(end, p.start)))
  if (following) return following
  const before = priorities.filter((p) => p.end <= at)
  const last = before[before.length - 1]
  if (last) return last
  return priorities.length === 0 ? fallback : undefined
}

/** The one priority rank a text names (several labels of one level, "Priority 1 (Critical)", count as one). */
function onlyPriority(text: string): Priority | undefined {
  if (!mayHold.priorities(text)) return undefined
  const ps = valuesOf(text).priorities.filter(family)
  const ranks = new Set(ps.map((p) => p.rank))
  return ranks.size === 1 ? ps[0] : undefined
}

function collect(blocks: readonly Block[]): Statement[] {
  const out: Statement[] = []
  for (const block of blocks) {
    if (block.kind === 'heading') continue
    if (block.kind === 'table-row' && block.header && block.cells) {
      tableStatements(block, out)
      continue
    }
    // the block's priority and a sentence's priorities and metric words are needed only for a duration (and then
    // only one bound to a metric): computed on first use
    let blockPriority: Priority | undefined | null = null
    for (const sentence of block.sentences) {
      const text = sentence.text
      const v = mayHold.durations(text) ? valuesOf(text) : undefined
      let priorities: Priority[] | undefined
      let words: MetricWords | undefined
      for (const d of v?.durations ?? []) {
        let metric = metricAfter(text, d.end) ?? metricBefore(text, d.start, (words ??= metricWords(text)))
        // "- P1: 1 hour" under "Response Times": the list item is only a priority and a time
        if (!metric && block.kind === 'list-item' && text.replace(d.text, '').replace(/\b(?:P[0-5]|priority|severity|sev|[1-5]|critical|urgent|high|medium|normal|low)\b|[\s:–—()-]/gi, '').length <= 12) {
          const title = block.section.title
          if (RESPONSE_HEAD.test(title) !== RESOLUTION_HEAD.test(title)) metric = RESPONSE_HEAD.test(title) ? 'response' : 'resolution'
        }
        if (!metric) continue
        priorities ??= v!.priorities.filter(family)
        if (blockPriority === null) blockPriority = onlyPriority(block.text) ?? onlyPriority(block.section.title)
        const priority = priorityAt(priorities, text, d.start, d.end, blockPriority)
        if (!priority) continue
        // a qualifier earlier in the paragraph or in the section title ("Outside Business Hours …", "Out-of-Hours Support") narrows the value
        const context = `${block.section.title} ${block.text.slice(0, sentence.end)}`
        out.push({metric, priority, scope: scopeOf(context), ...range(d), text: d.text, block, sentence, start: sentence.start + d.start, end: sentence.start + d.end})
      }
      uptimeStatements(block, sentence, out)
    }
  }
  return out
}

function tableStatements(block: Block, out: Statement[]): void {
  const header = block.header!
  const cells = block.cells!
  let priority: Priority | undefined
  for (const [i, cell] of cells.entries()) {
    // "Severity | 1": a bare level under a "Severity" or "Priority" column
    const head = header[i] ?? ''
    priority = onlyPriority(cell) ?? (/^\s*(?:P?[0-5]|[IV]{1,3})\s*$/.test(cell) && /priority|severity/i.test(head) ? onlyPriority(`${head.replace(/\s*level\s*$/i, '')} ${cell.trim()}`) : undefined)
    if (priority) break
  }
  // offsets of each cell in the row text ("Priority: P1 | Response: 1 hour")
  let offset = 0
  const starts: number[] = []
  cells.forEach((cell, i) => {
    if (i > 0) offset += 3
    const label = header[i]
    if (label) offset += label.length + 2
    const at = block.text.indexOf(cell, offset)
    starts.push(at >= 0 ? at : offset)
    offset = (at >= 0 ? at : offset) + cell.length
  })
  const rowScope = scopeOf(`${block.section.title} ${cells.join(' ')}`)
  cells.forEach((cell, i) => {
    const head = header[i] ?? ''
    const metric: Metric | undefined = RESPONSE_HEAD.test(head) && !RESOLUTION_HEAD.test(head) ? 'response' : RESOLUTION_HEAD.test(head) && !RESPONSE_HEAD.test(head) ? 'resolution' : undefined
    if (metric && priority) {
      const ds = valuesOf(cell).durations
      // one value per cell: "1 hour (4 hours after hours)" holds two scopes in one cell
      if (ds.length === 1) {
        const d = ds[0]!
        const start = starts[i]! + d.start
        out.push({metric, priority, scope: [scopeOf(head), rowScope].filter(Boolean).join(','), ...range(d), text: d.text, block, sentence: undefined, start, end: start + d.text.length})
      }
    }
    if (UPTIME_WORD.test(head) || UPTIME_WORD.test(cell)) {
      for (const p of valuesOf(cell).percentages) {
        if (p.value < 90 || p.value > 100 || TIER.test(cell.replace(/\b(?:no|not) less than\b/gi, ''))) continue
        const start = starts[i]! + p.start
        out.push({metric: 'uptime', priority: undefined, scope: uptimeScope(`${head} ${cells.join(' ')}`, p.period), low: p.value, high: p.value, text: p.text, block, sentence: undefined, start, end: start + p.text.length})
      }
    }
  })
}

function uptimeScope(text: string, period: string | undefined): string {
  // a value for one plan or tier is compared with nothing else
  if (PLAN.test(text)) return `plan:${text}`
  const systems = [...new Set([...text.matchAll(SYSTEMS)].map((m) => m[0].toLowerCase().replace(/s$/, '')))].sort()
  return `${systems.join('+')}/${period ?? ''}`
}

function uptimeStatements(block: Block, sentence: Sentence, out: Statement[]): void {
  const text = sentence.text
  if (!UPTIME_WORD.test(text)) return
  const ps = valuesOf(text).percentages.filter((p) => p.value >= 90 && p.value <= 100)
  if (ps.length === 0) return
  // tiers, thresholds and ranges list several values on purpose
  if (TIER.test(text.replace(/\b(?:no|not) less than\b/gi, '')) || new Set(ps.map((p) => p.value)).size > 1) return
  // a formula ("Uptime % = (… ) / … × 100%") states how to compute, not a target
  if (/[=×÷]|\bx\s*100\b|\bdivided by\b|\bmultiplied\b/i.test(text)) return
  const p = ps[0]!
  out.push({metric: 'uptime', priority: undefined, scope: uptimeScope(text, p.period), low: p.value, high: p.value, text: p.text, block, sentence, start: sentence.start + p.start, end: sentence.start + p.end})
}

function describe(s: Statement): string {
  return s.priority ? `${s.priority.label} ${METRIC_NAME[s.metric]}` : METRIC_NAME[s.metric]
}

export default {
  meta: {
    id: 'consistent-values',
    description: 'Flags a metric stated twice with different values, a higher priority promised a slower time than a lower one, backups kept for less time than they are taken, and percentages over 100',
    category: 'integrity',
    severity: 'warning',
    messages: {
      conflict: 'Conflicting {what} "{value}" (line {line} says "{other}"); state one value',
      priorityOrder: 'Priority order reversed: {higher} {metric} "{value}" is slower than {lower} "{other}"; give the higher priority the shorter time',
      retention: 'Backup retention "{value}" is shorter than the backup interval ("{interval}"); keep each backup at least until the next one is taken',
      overHundred: 'Percentage over 100 "{value}"; state a value of at most 100%',
    },
  },
  check(context) {
    const {doc} = context
    const statements = collect(doc.blocks)
    // where the other value is: "12", or "4 of schedule-b.md" when it is in another file of a document set
    const lineOf = (s: Statement, here: Statement): string => {
      const line = s.block.file.positionAt(sourceOffset(s.block, s.start)).line
      return s.block.file.path === here.block.file.path ? String(line) : `${line} of ${s.block.file.path}`
    }

    // 1. the same metric, for the same priority and scope, stated with values that cannot both hold
    const groups = new Map<string, Statement[]>()
    for (const s of statements) {
      const key = `${s.metric}|${s.priority ? `${family(s.priority)}${s.priority.rank}` : ''}|${s.scope}`
      if (s.metric !== 'uptime' && !s.priority) continue
      const list = groups.get(key) ?? []
      list.push(s)
      groups.set(key, list)
    }
    for (const list of groups.values()) {
      const first = list[0]!
      for (const s of list.slice(1)) {
        // one sentence or row that gives two values says so on purpose ("15 minutes, and 1 hour by email")
        if (s.block === first.block) continue
        if (s.high < first.low || s.low > first.high) {
          context.report({messageId: 'conflict', block: s.block, start: s.start, end: s.end, data: {what: describe(s), value: s.text, line: lineOf(first, s), other: first.text}})
          break
        }
      }
    }

    // 2. a higher priority promised a slower time than a lower one
    const ranked = new Map<string, Statement[]>()
    for (const s of statements) {
      if (!s.priority || s.metric === 'uptime') continue
      const key = `${s.metric}|${family(s.priority)}|${s.scope}`
      const list = ranked.get(key) ?? []
      list.push(s)
      ranked.set(key, list)
    }
    for (const list of ranked.values()) {
      const flagged = new Set<number>()
      for (const a of list) {
        if (flagged.has(a.priority!.rank)) continue
        const faster = list.find((b) => b.priority!.rank > a.priority!.rank && b.high < a.low)
        if (!faster) continue
        flagged.add(a.priority!.rank)
        context.report({
          messageId: 'priorityOrder',
          block: a.block,
          start: a.start,
          end: a.end,
          data: {higher: a.priority!.label, metric: METRIC_NAME[a.metric], value: a.text, lower: faster.priority!.label, other: faster.text},
        })
      }
    }

    // 3. backups kept for less time than the gap between them
    const intervals: Array<{minutes: number; text: string; block: Block; sentence: Sentence}> = []
    const retentions: Array<{low: number; high: number; text: string; block: Block; start: number; end: number; sentence: Sentence}> = []
    for (const block of doc.blocks) {
      if (block.kind === 'heading') continue
      let titleBackup: boolean | undefined
      for (const sentence of block.sentences) {
        const text = sentence.text
        const inBackup = BACKUP.test(text) || (titleBackup ??= BACKUP.test(block.section.title))
        if (!inBackup) continue
        const v = valuesOf(text)
        for (const f of v.frequencies) if (f.intervalMinutes > 0) intervals.push({minutes: f.intervalMinutes, text: f.text, block, sentence})
        for (const d of v.durations) {
          if (!RETENTION.test(text.slice(Math.max(0, d.start - 50), d.start))) continue
          retentions.push({...range(d), text: d.text, block, start: sentence.start + d.start, end: sentence.start + d.end, sentence})
        }
      }
    }
    if (intervals.length && retentions.length) {
      const longest = Math.max(...retentions.map((r) => r.high))
      const shortest = intervals.reduce((a, b) => (b.minutes < a.minutes ? b : a))
      for (const r of retentions) {
        // compare with the interval stated beside it, or else with the most frequent backup in the agreement
        const own = intervals.filter((i) => i.sentence === r.sentence)
        const interval = own.length ? own.reduce((a, b) => (b.minutes < a.minutes ? b : a)) : longest < shortest.minutes ? shortest : undefined
        if (!interval || r.high >= interval.minutes) continue
        context.report({messageId: 'retention', block: r.block, start: r.start, end: r.end, data: {value: r.text, interval: interval.text}})
      }
    }

    // 4. a percentage of time or of tickets over 100
    for (const block of doc.blocks) {
      for (const sentence of block.sentences) {
        if (!mayHold.percentages(sentence.text)) continue // most sentences: skip the values lookup
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

// Learn house defaults from past agreements: read the typed values each one commits to and propose a playbook
// (preferred, fallback and walk-away positions per clause) as a config file the team edits.
import {randomBytes} from 'node:crypto'
import {link, open, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {expandPaths, UsageError} from '../files.js'
import {FileError, readSource} from '../lint.js'
import {OutputError} from '../output.js'
import {parseAgreement, read, TextCache} from './adapter.js'
import {VALUE_CLAUSES, formatMinutes, type Facet} from './read.js'
import {clauseRules, readClause} from './registry.js'

/** A folder that yields no proposal, or a file that is in the way. */
export class LearnError extends Error {}

/** What was found for one value across the agreements. */
export interface LearnedValue {
  readonly ruleId: string
  readonly key: string
  readonly label: string
  readonly better: 'lower' | 'higher'
  /** How many agreements state it, of how many read. */
  readonly count: number
  readonly values: readonly number[]
  readonly median: number
  /** The weaker quartile (the 75th percentile of times, the 25th of uptimes) and the weakest value. */
  readonly quartile: number
  readonly weakest: number
  readonly best: number
  readonly unit?: string
}

export interface Learned {
  /** Agreements read. */
  readonly agreements: number
  readonly values: readonly LearnedValue[]
}

/** The value at fraction q of a sorted list (nearest rank). */
function rank(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/** Read the values each agreement text states; the same facets the comparison reads. */
export function learn(texts: ReadonlyArray<{text: string; filePath?: string}>): Learned {
  const rules = clauseRules().filter((r) => (VALUE_CLAUSES as readonly string[]).includes(r.id))
  const seen = new Map<string, {ruleId: string; facet: Facet; values: number[]; units: Map<string, number>}>()
  // the agreements share their boilerplate: answers per text are kept across them
  const cache = new TextCache()
  for (const {text, filePath} of texts) {
    const reading = read(parseAgreement(text, filePath ?? '<text>'), cache)
    for (const rule of rules) {
      for (const f of readClause(reading, rule).facets) {
        if (typeof f.value !== 'number' || f.better === 'same' || f.key === 'any') continue
        const id = `${rule.id}\u0000${f.key}`
        let s = seen.get(id)
        if (!s) seen.set(id, (s = {ruleId: rule.id, facet: f, values: [], units: new Map()}))
        s.values.push(f.value)
        if (f.unit) s.units.set(f.unit, (s.units.get(f.unit) ?? 0) + 1)
      }
    }
  }
  const values: LearnedValue[] = []
  for (const {ruleId, facet, values: v, units} of seen.values()) {
    const better = facet.better as 'lower' | 'higher'
    // a rate in several currencies has no one position: keep the most common currency's amounts only
    const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
    const sorted = [...v].sort((a, b) => a - b)
    const weakerQ = better === 'lower' ? 0.75 : 0.25
    values.push({
      ruleId,
      key: facet.key,
      label: facet.label,
      better,
      count: v.length,
      values: sorted,
      median: rank(sorted, 0.5),
      quartile: rank(sorted, weakerQ),
      weakest: better === 'lower' ? sorted.at(-1)! : sorted[0]!,
      best: better === 'lower' ? sorted[0]! : sorted.at(-1)!,
      ...(unit ? {unit} : {}),
    })
  }
  values.sort((a, b) => VALUE_CLAUSES.indexOf(a.ruleId as never) - VALUE_CLAUSES.indexOf(b.ruleId as never) || a.key.localeCompare(b.key))
  return {agreements: texts.length, values}
}

/** A duration as a config value: "30m", "1h", "4h", "1d", "1w", "1h30m". */
export function durationOption(minutes: number): string {
  if (minutes > 0 && minutes % 10080 === 0) return `${minutes / 10080}w`
  if (minutes > 0 && minutes % 1440 === 0) return `${minutes / 1440}d`
  const h = Math.floor(minutes / 60)
  const m = Math.round(minutes % 60)
  return `${h ? `${h}h` : ''}${m || !h ? `${m}m` : ''}`
}

const PERIODS = ['', 'day', 'week', 'month', 'quarter', 'year']

/** A value as the playbook option writes it. */
function optionValue(v: LearnedValue, n: number): string {
  switch (v.key) {
    case 'period':
      return PERIODS[n] ?? 'month'
    case 'uptime':
    case 'multiplier':
    case 'days':
      return String(+n.toFixed(3))
    case 'rate':
      return `"${v.unit ?? ''} ${+n.toFixed(2)}"`.replace('" ', '"')
    default:
      return durationOption(n)
  }
}

/** A value as a person reads it, for the comments. */
function readable(v: LearnedValue, n: number): string {
  switch (v.key) {
    case 'period':
      return `per ${PERIODS[n]}`
    case 'uptime':
      return `${+n.toFixed(3)}%`
    case 'multiplier':
      return `${+n.toFixed(2)}×`
    case 'days':
      return `${n} days a week`
    case 'rate':
      return `${v.unit ?? ''} ${+n.toFixed(2)} per hour`.trim()
    case 'span':
      return `${+(n / 60).toFixed(1)} hours a day`
    default:
      return formatMinutes(n)
  }
}

/** The proposal as a YAML config file, with the evidence for each position in comments. */
export function proposalYaml(learned: Learned, source: string): {yaml: string; positions: number} {
  const lines = [
    `# A playbook proposed by \`clauselint learn\` from ${learned.agreements} agreement${learned.agreements === 1 ? '' : 's'} in ${source}.`,
    '# For each value: preferred = the median of the agreements, fallback = the weaker quartile, walk-away =',
    '# the weakest value found. These are what was signed, not what should be: edit them, name the approver',
    '# of each fallback, and then use the file as a config (extends, or copy the rules into .clauselintrc.yaml).',
    'rules:',
  ]
  let positions = 0
  for (const ruleId of VALUE_CLAUSES) {
    const vs = learned.values.filter((v) => v.ruleId === ruleId)
    if (!vs.length) continue
    lines.push(`  ${ruleId}:`)
    for (const v of vs) {
      lines.push(`    # ${v.label}: stated in ${v.count} of ${learned.agreements}; median ${readable(v, v.median)}, from ${readable(v, v.best)} to ${readable(v, v.weakest)}`)
    }
    const tier = (pick: (v: LearnedValue) => number): string => vs.map((v) => `${v.key}: ${optionValue(v, pick(v))}`).join(', ')
    lines.push('    - error')
    lines.push('    - playbook:')
    lines.push(`        preferred: {${tier((v) => v.median)}}`)
    lines.push(`        fallback: {${tier((v) => v.quartile)}, approver: "@your-team/legal"}`)
    lines.push(`        walkAway: {${tier((v) => v.weakest)}}`)
    positions += vs.length
  }
  if (!positions) lines.push('  {}')
  return {yaml: `${lines.join('\n')}\n`, positions}
}

/** Learn from files and folders of agreements (Markdown); unreadable files are reported through `skip`. */
export async function learnFiles(args: readonly string[], cwd: string, skip: (file: string, reason: string) => void = () => undefined): Promise<{yaml: string; positions: number; agreements: number}> {
  let files: string[]
  try {
    const expanded = await expandPaths(args, cwd)
    files = expanded.files
    for (const p of expanded.problems) skip(p.path, p.message)
  } catch (error) {
    if (error instanceof UsageError) throw new LearnError(`learn: ${error.message}`)
    throw error
  }
  const texts: Array<{text: string; filePath: string}> = []
  for (const file of files) {
    try {
      texts.push({text: (await readSource(path.resolve(cwd, file))).text, filePath: file})
    } catch (error) {
      if (!(error instanceof FileError)) throw error
      skip(file, error.message)
    }
  }
  if (!texts.length) throw new LearnError(`learn: no agreement could be read in ${args.join(', ')}`)
  const learned = learn(texts)
  if (!learned.values.length) throw new LearnError(`learn: none of the ${texts.length} file${texts.length === 1 ? '' : 's'} in ${args.join(', ')} states a value to learn (response or resolution times, uptime, backups, service hours, after-hours charges)`)
  return {...proposalYaml(learned, args.join(', ')), agreements: texts.length}
}

/** Write the proposal to a new file: atomically, and never over an existing file. */
export async function writeProposal(target: string, text: string, shownAs = target): Promise<void> {
  if (await stat(target).then(() => true, () => false)) throw new LearnError(`learn: ${shownAs} already exists; it is not overwritten (choose another path with --output-file)`)
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx', 0o666)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    // link() fails when the target exists, so a file created meanwhile is not replaced either
    await link(temp, target)
  } catch (error) {
    const code = (error as {code?: string}).code
    if (code === 'EEXIST') throw new LearnError(`learn: ${shownAs} already exists; it is not overwritten (choose another path with --output-file)`)
    throw new OutputError(`cannot write the playbook to "${shownAs}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  } finally {
    await rm(temp, {force: true}).catch(() => undefined)
  }
}

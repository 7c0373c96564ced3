// The metamorphic check: an agreement rewritten in another shape (scripts/reshape.ts) must get the same clause outcomes and language findings.
//
//   npm run reshape [-- --rewrite NAME[,NAME]] [--files PREFIX] [--sample N --seed S] [--detail] [--write-known]
//
// Prints a table of rewrite × rule → agreements whose outcome changed. Exit code 0 when nothing changed, 1 when
// something did, 2 on a bad argument. --write-known records the changes of the whole check in
// fixtures/agreements/reshape-known.json, the ledger test/reshape.test.ts holds a seeded sample to.
import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {lint} from '../src/index.js'
import {CLAUSE_IDS, LANGUAGE_IDS, loadFixtures, type LabelledFile} from './evaluate.js'
import {REWRITES, type Rewrite} from './reshape.js'

/** The outcomes compared: each clause rule's outcome, and each language finding as rule@original line. */
export interface Outcomes {
  readonly clauses: ReadonlyMap<string, string>
  readonly findings: ReadonlySet<string>
}

export interface Change {
  readonly file: string
  readonly rewrite: string
  readonly rule: string
  /** Clause rules: "present → vague"; language rules: "+line 12" (a new finding) or "-line 12" (one lost). */
  readonly change: string
}

function outcomes(text: string, file: string, origin: readonly number[] | undefined): Outcomes {
  const result = lint(text, {filePath: file, profile: 'msa'})
  const clauses = new Map<string, string>()
  for (const id of CLAUSE_IDS) clauses.set(id, result.coverage.find((c) => c.ruleId === id)?.outcome ?? 'present')
  const findings = new Set<string>()
  for (const m of result.messages) {
    if (!(LANGUAGE_IDS as readonly string[]).includes(m.ruleId)) continue
    findings.add(`${m.ruleId}@${origin ? (origin[m.line - 1] ?? 0) : m.line}`)
  }
  return {clauses, findings}
}

/** The original's outcomes, linted once per file however many rewrites are compared with it. */
const originals = new Map<string, Outcomes>()

/** Changes that one rewrite makes to one agreement's outcomes; undefined when the rewrite leaves the text as it was. */
export function compareShape(f: LabelledFile, rewrite: Rewrite): Change[] | undefined {
  const reshaped = rewrite.apply(f.text)
  if (reshaped.text === f.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')) return undefined
  let before = originals.get(f.path)
  if (!before) originals.set(f.path, (before = outcomes(f.text, f.label.file, undefined)))
  const after = outcomes(reshaped.text, f.label.file, reshaped.origin)
  const changes: Change[] = []
  for (const [id, was] of before.clauses) {
    const now = after.clauses.get(id)!
    if (now !== was) changes.push({file: f.label.file, rewrite: rewrite.name, rule: id, change: `${was} → ${now}`})
  }
  for (const k of after.findings) if (!before.findings.has(k)) changes.push({file: f.label.file, rewrite: rewrite.name, rule: k.split('@')[0]!, change: `+line ${k.split('@')[1]}`})
  for (const k of before.findings) if (!after.findings.has(k)) changes.push({file: f.label.file, rewrite: rewrite.name, rule: k.split('@')[0]!, change: `-line ${k.split('@')[1]}`})
  return changes
}

/** A seeded choice of n items (mulberry32), the same for the same seed. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  let s = seed >>> 0
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pool = [...items]
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, n)
}

export interface CheckResult {
  /** Per rewrite: agreements it changed the text of. */
  readonly applied: Map<string, number>
  /** "rewrite file" for every agreement a rewrite changed the text of. */
  readonly checked: Set<string>
  readonly changes: Change[]
}

/** Run every rewrite over every file (or a seeded sample of the files each rewrite changes). */
export function check(files: readonly LabelledFile[], rewrites: readonly Rewrite[], options: {readonly sample?: number; readonly seed?: number} = {}): CheckResult {
  const applied = new Map<string, number>()
  const checked = new Set<string>()
  const changes: Change[] = []
  for (const rw of rewrites) {
    let n = 0
    const order = options.sample === undefined ? files : sample(files, files.length, (options.seed ?? 1) + rw.name.length)
    for (const f of order) {
      if (options.sample !== undefined && n >= options.sample) break
      const c = compareShape(f, rw)
      if (!c) continue
      n++
      checked.add(`${rw.name} ${f.label.file}`)
      changes.push(...c)
    }
    applied.set(rw.name, n)
  }
  return {applied, checked, changes}
}

/** The ledger of changes the readings do not yet avoid: "rewrite file rule change" lines, and a reason per rewrite. */
export interface Known {
  readonly reasons: Record<string, string>
  readonly changes: string[]
}

export const KNOWN_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'agreements', 'reshape-known.json')

export const changeKey = (c: Change): string => `${c.rewrite} ${c.file} ${c.rule} ${c.change}`

const USAGE = `usage: npm run reshape [-- --rewrite NAME[,NAME]] [--files PREFIX] [--sample N --seed S] [--detail] [--write-known]

Rewrites each labelled agreement in fixtures/agreements in other shapes and prints, per rewrite and rule, the
agreements whose outcome changed. Exit 0 when nothing changed, 1 when something did, 2 on a bad argument.`

const VALUED = new Set(['--rewrite', '--files', '--sample', '--seed'])
const FLAGS = new Set(['--detail', '--write-known'])

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (FLAGS.has(a)) continue
    if (VALUED.has(a)) {
      if (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) {
        console.error(`reshape: ${a} needs a value`)
        return 2
      }
      i++
      continue
    }
    console.error(`reshape: unknown argument "${a}" (see --help)`)
    return 2
  }
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const names = arg('--rewrite')?.split(',')
  const unknown = names?.filter((n) => !REWRITES.some((r) => r.name === n)) ?? []
  if (unknown.length) {
    console.error(`reshape: unknown rewrite "${unknown[0]}" (known: ${REWRITES.map((r) => r.name).join(', ')})`)
    return 2
  }
  const num = (name: string): number | undefined => {
    const v = arg(name)
    if (v === undefined) return undefined
    if (!/^\d+$/.test(v)) throw new RangeError(`reshape: ${name} needs a whole number, got "${v}"`)
    return Number(v)
  }
  let sampleN: number | undefined
  let seed: number | undefined
  try {
    sampleN = num('--sample')
    seed = num('--seed')
  } catch (e) {
    console.error((e as Error).message)
    return 2
  }
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
  const prefix = arg('--files') ?? ''
  const files = loadFixtures(path.join(root, 'fixtures', 'agreements')).filter((f) => f.label.file.startsWith(prefix))
  const rewrites = names ? REWRITES.filter((r) => names.includes(r.name)) : REWRITES
  const {applied, changes} = check(files, rewrites, {...(sampleN === undefined ? {} : {sample: sampleN}), ...(seed === undefined ? {} : {seed})})

  const rules = [...CLAUSE_IDS, ...LANGUAGE_IDS]
  const SHORT: Record<string, string> = {'scope-of-services': 'scope', 'excluded-services': 'excluded', 'service-hours': 'hours', 'after-hours-support': 'afterhrs', 'response-times': 'response', 'priority-levels': 'priority', 'resolution-times': 'resolve', 'backup-frequency': 'backup', 'failure-responsibility': 'failure', 'customer-requirements': 'customer', 'performance-targets': 'perf', 'no-overpromising': 'overprom', 'no-vague-terms': 'vague', 'no-placeholders': 'placehld'}
  const short = (id: string): string => SHORT[id] ?? id
  console.log(`Agreements whose outcome changed, per rewrite and rule (${files.length} agreements; "n" = agreements the rewrite changed)\n`)
  console.log(`${'rewrite'.padEnd(16)} ${'n'.padStart(4)} ${rules.map((r) => short(r).padStart(9)).join('')} ${'any'.padStart(6)}`)
  const total = new Map<string, Set<string>>()
  for (const rw of rewrites) {
    const mine = changes.filter((c) => c.rewrite === rw.name)
    const cells = rules.map((r) => {
      const fs = new Set(mine.filter((c) => c.rule === r).map((c) => c.file))
      const t = total.get(r) ?? new Set<string>()
      for (const f of fs) t.add(`${rw.name}:${f}`)
      total.set(r, t)
      return String(fs.size || '.').padStart(9)
    })
    console.log(`${rw.name.padEnd(16)} ${String(applied.get(rw.name) ?? 0).padStart(4)} ${cells.join('')} ${String(new Set(mine.map((c) => c.file)).size).padStart(6)}`)
  }
  console.log(`${'all'.padEnd(16)} ${''.padStart(4)} ${rules.map((r) => String(total.get(r)?.size || '.').padStart(9)).join('')} ${String(new Set(changes.map((c) => `${c.rewrite}:${c.file}`)).size).padStart(6)}`)
  if (argv.includes('--write-known')) {
    if (names || prefix || sampleN !== undefined) {
      console.error('reshape: --write-known needs the whole check (no --rewrite, --files or --sample)')
      return 2
    }
    const old = existsSync(KNOWN_PATH) ? (JSON.parse(readFileSync(KNOWN_PATH, 'utf8')) as Known) : {reasons: {}, changes: []}
    const reasons: Record<string, string> = {}
    for (const rw of rewrites) if (changes.some((c) => c.rewrite === rw.name)) reasons[rw.name] = old.reasons[rw.name] ?? 'not yet read alike'
    const temp = `${KNOWN_PATH}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify({reasons, changes: changes.map(changeKey)}, null, 1) + '\n')
    renameSync(temp, KNOWN_PATH)
    console.log(`\nwrote ${changes.length} changes to ${path.relative(process.cwd(), KNOWN_PATH)}`)
  }
  if (argv.includes('--detail')) {
    console.log('')
    for (const c of changes) console.log(`  ${c.rewrite.padEnd(16)} ${c.file}  ${c.rule}  ${c.change}`)
  }
  return changes.length ? 1 : 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2))
